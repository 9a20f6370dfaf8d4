"""Coverage-guided fuzzing of cleaning with atheris, run by hand (docs/hostile-input.md).

Each input is cleaned as HTML, plain text, Markdown and PDF, as a build would clean it, limits
included; anything raised is a bug (a build must turn every input into documents or a reason).

    .venv/bin/pip install -e '.[fuzz]'
    PYTHONPATH=src .venv/bin/python fuzz/fuzz_clean.py -max_total_time=600 fuzz/corpus
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from dossier.clean.documents import documents_from
    from dossier.config import Settings
    from dossier.models import DocumentStatus, MediaType, Original, sha256_hex

SETTINGS = Settings()
KINDS = (MediaType.HTML, MediaType.TEXT, MediaType.MARKDOWN, MediaType.PDF)


def one_input(data: bytes) -> None:
    if not data:
        return
    kind = KINDS[data[0] % len(KINDS)]
    content = data[1:]
    for document in documents_from(Original(sha256_hex(content), content, kind, "fuzz"),
                                   SETTINGS):
        if document.status is DocumentStatus.REJECTED:
            assert document.reason, "a rejected document without a reason"


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
