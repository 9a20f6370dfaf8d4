"""Check the second blind holdout corroboration set (standard library only, Python 3.11).

    python3 tests/data/corroboration-holdout2/check_claims.py [--unlabelled]

The same checks as ``../corroboration/check_claims.py`` (the rules are in its README.md and in
this folder's), on this folder: documents ``kNN-slug.txt`` only from here, bodies of 150-400
words. ``--unlabelled`` lists the body sentences that are neither a mention, a denial nor a
not_claim.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corroboration"))
sys.dont_write_bytecode = True  # leave no __pycache__ in the other sets' folders

from check_claims import check  # noqa: E402

if __name__ == "__main__":
    sys.exit(check(HERE, "k", (150, 400), extraction_documents=False,
                   list_unlabelled="--unlabelled" in sys.argv[1:]))
