"""What a body text is compared by: its normalised words, shingles, MinHash signature, LSH keys.

Normalisation makes the HTML page and the pasted text of one article equal: Unicode NFKC,
case folded, words only (punctuation, quotation marks and whitespace are ignored).

The MinHash is datasketch's own scheme ("affine32": MurmurHash3 finaliser, then h -> a*h + b
mod 2^32 with datasketch's permutations for the seed), computed for a whole batch at once with
numpy instead of one `MinHash.update_batch` call per document. The values are identical to
datasketch's (tests/test_copies.py checks it); benchmarks/copy_detection.py measures the speed.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
import numpy.typing as npt
from datasketch import MinHash

from ..config import Settings
from ..errors import SettingsError

MINHASH_SEED = 1  # datasketch's default; part of the index format (see INDEXER_VERSION)
WORD = re.compile(r"\w+")
U32 = npt.NDArray[np.uint32]

# Odd 64-bit multipliers for the word positions inside a shingle (from splitmix64's constants).
_POSITION = np.array([0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB,
                      0xD6E8FEB86659FD93, 0xA0761D6478BD642F, 0xE7037ED1A0B428DB,
                      0x8EBC6AF09C88C6E3, 0x589965CC75374CC3], dtype=np.uint64)
_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)


@dataclass(frozen=True)
class Fingerprint:
    """A document's body as the copy index sees it."""

    document_id: str
    exact_key: str  # hash of the normalised word sequence: equal keys are exact copies
    words: int
    shingles: U32  # sorted distinct shingle hashes

    @property
    def size(self) -> int:
        return int(self.shingles.size)


def normalised_words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFKC", text).casefold())


@lru_cache(maxsize=1 << 20)
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def shingle_hashes(words: Sequence[str], size: int) -> U32:
    """Sorted distinct 32-bit hashes of the `size`-word shingles (one shingle for a shorter
    text, none for an empty one)."""
    if not words:
        return np.empty(0, dtype=np.uint32)
    size = min(size, len(words), _POSITION.size)
    hashes = np.array(list(map(_word_hash, words)), dtype=np.uint64)
    count = len(words) - size + 1
    with np.errstate(over="ignore"):
        combined = np.zeros(count, dtype=np.uint64)
        for offset in range(size):
            combined += hashes[offset:offset + count] * _POSITION[offset]
        folded = (combined ^ (combined >> np.uint64(32))) & np.uint64(0xFFFFFFFF)
    return np.unique(folded.astype(np.uint32))


def fingerprint(document_id: str, text: str, settings: Settings) -> Fingerprint:
    words = normalised_words(text)
    key = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).hexdigest()
    return Fingerprint(document_id, key, len(words),
                       shingle_hashes(words, settings.shingle_words))


@cache
def permutations(count: int) -> tuple[U32, U32]:
    """datasketch's permutation parameters (a, b) for `count` permutations."""
    a, b = MinHash(num_perm=count, seed=MINHASH_SEED, scheme="affine32").permutations
    return np.asarray(a, dtype=np.uint32), np.asarray(b, dtype=np.uint32)


def _fmix32(values: U32) -> U32:
    s1, m1, s2, m2, s3 = _FMIX32
    with np.errstate(over="ignore"):
        values = values ^ (values >> np.uint32(s1))
        values = values * np.uint32(m1)
        values = values ^ (values >> np.uint32(s2))
        values = values * np.uint32(m2)
        return values ^ (values >> np.uint32(s3))


def signatures(fingerprints: Sequence[Fingerprint], count: int) -> U32:
    """MinHash signatures, one row per fingerprint (each must have at least one shingle)."""
    sizes = np.array([fp.size for fp in fingerprints], dtype=np.int64)
    if (sizes == 0).any():
        raise ValueError("a fingerprint without shingles has no MinHash signature")
    result = np.empty((len(fingerprints), count), dtype=np.uint32)
    if not fingerprints:
        return result
    mixed = _fmix32(np.concatenate([fp.shingles for fp in fingerprints]))
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    a, b = permutations(count)
    with np.errstate(over="ignore"):
        for column in range(count):
            result[:, column] = np.minimum.reduceat(mixed * a[column] + b[column], starts)
    return result


def band_keys(signature_rows: U32, bands: int) -> npt.NDArray[np.int64]:
    """One 64-bit LSH key per band per row: rows whose band values are all equal share it.

    The band number is mixed in, so equal values in different bands give different keys."""
    count, width = signature_rows.shape
    if bands <= 0 or width % bands:
        raise SettingsError(f"DOSSIER_LSH_BANDS ({bands}) must divide "
                            f"DOSSIER_MINHASH_PERMUTATIONS ({width})")
    rows = width // bands
    values = signature_rows.reshape(count, bands, rows).astype(np.uint64)
    with np.errstate(over="ignore"):
        keys = np.arange(1, bands + 1, dtype=np.uint64) * _POSITION[-1]
        keys = np.broadcast_to(keys, (count, bands)).copy()
        for row in range(rows):
            keys = (keys ^ values[:, :, row]) * _POSITION[row % (_POSITION.size - 1)]
            keys ^= keys >> np.uint64(29)
    signed: npt.NDArray[np.int64] = keys.view(np.int64)
    return signed
