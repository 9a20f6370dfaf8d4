"""Stage 3, copies: exact, near-duplicate and contained copies grouped into copy groups."""

import hashlib

from ..config import Settings
from .compare import compare
from .fingerprints import fingerprint
from .groups import group_copies
from .index import index_batch
from .outlets import OutletRegistry, curated

# Version of the copy index's format and rules (shingles, hashing, permutations, how links are
# decided). Bump it when they change; documents indexed by another version, or with other copy
# settings (see indexer_version), are indexed again on the next build.
INDEXER_VERSION = "1"
COPY_SETTINGS = ("shingle_words", "minhash_permutations", "lsh_bands", "copy_jaccard",
                 "possible_jaccard", "copy_containment", "possible_containment",
                 "quoted_max_coverage", "near_min_coverage", "containment_min_words",
                 "lsh_bucket_limit", "candidate_limit")


def indexer_version(settings: Settings) -> str:
    """INDEXER_VERSION plus the copy settings in force, so changing a threshold re-indexes."""
    values = ",".join(f"{getattr(settings, name)}" for name in COPY_SETTINGS)
    return f"{INDEXER_VERSION}-{hashlib.sha256(values.encode()).hexdigest()[:8]}"

__all__ = [
    "INDEXER_VERSION",
    "OutletRegistry",
    "compare",
    "curated",
    "fingerprint",
    "group_copies",
    "index_batch",
    "indexer_version",
]
