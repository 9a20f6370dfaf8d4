"""Finding the copies of new documents among everything indexed before, without rebuilding.

The index is two lookups the store answers (`CopyIndex`): the document that first had a given
exact text, and the documents in a given LSH bucket. A new batch is compared with those and with
itself; only the first document of each exact text goes into the buckets (its exact copies are
linked to it), so a text re-posted a thousand times costs one bucket entry per band.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..config import Settings
from ..models import CopyLink
from .compare import compare
from .fingerprints import Fingerprint, band_keys, fingerprint, signatures


@dataclass(frozen=True)
class IndexText:
    """A document's body as the copy stage reads it."""

    id: str
    text: str


class CopyIndex(Protocol):
    """What the copy stage asks of the documents indexed before (a read-only store view)."""

    def exact_owners(self, keys: Sequence[str]) -> dict[str, str]:
        """exact key -> the indexed document that first had that text."""
        ...

    def bucket_members(self, keys: Sequence[int], limit: int) -> dict[int, list[str]]:
        """LSH key -> up to `limit` indexed documents in that bucket."""
        ...

    def index_texts(self, ids: Sequence[str]) -> list[IndexText]:
        ...


@dataclass(frozen=True)
class IndexEntry:
    """A newly indexed document: its fingerprint summary and, if it is the first of its exact
    text, its LSH keys."""

    document_id: str
    exact_key: str
    words: int
    shingles: int
    keys: tuple[int, ...]  # empty for an exact copy of an indexed text


@dataclass(frozen=True)
class IndexedBatch:
    entries: list[IndexEntry]
    links: list[CopyLink]


def index_batch(texts: Sequence[IndexText], index: CopyIndex, settings: Settings
                ) -> IndexedBatch:
    """Fingerprint `texts`, find their candidates in `index` and among themselves, compare."""
    prints = [fingerprint(t.id, t.text, settings) for t in texts]
    by_id = {fp.document_id: fp for fp in prints if fp.size}
    owners = index.exact_owners(sorted({fp.exact_key for fp in by_id.values()}))
    pairs: set[tuple[str, str]] = set()
    firsts: list[Fingerprint] = []
    for fp in by_id.values():
        owner = owners.get(fp.exact_key)
        if owner is None:
            owners[fp.exact_key] = fp.document_id
            firsts.append(fp)
        else:
            pairs.add((owner, fp.document_id))
    entry_keys: dict[str, tuple[int, ...]] = {}
    if firsts:
        keys = band_keys(signatures(firsts, settings.minhash_permutations), settings.lsh_bands)
        entry_keys = {fp.document_id: tuple(int(key) for key in row)
                      for fp, row in zip(firsts, keys, strict=True)}
    stored = index.bucket_members(sorted({k for ks in entry_keys.values() for k in ks}),
                                  settings.lsh_bucket_limit)
    batch_buckets: dict[int, list[str]] = defaultdict(list)
    for doc_id, doc_keys in entry_keys.items():
        shared: Counter[str] = Counter()
        for key in doc_keys:
            bucket = batch_buckets[key]
            shared.update((*stored.get(key, ()), *bucket)[:settings.lsh_bucket_limit])
            if len(bucket) < settings.lsh_bucket_limit:
                bucket.append(doc_id)
        ranked = sorted(shared.items(), key=lambda item: (-item[1], item[0]))
        pairs.update((other, doc_id) for other, _ in ranked[:settings.candidate_limit])
    links = _compare_pairs(pairs, by_id, index, settings)
    return IndexedBatch(
        [IndexEntry(fp.document_id, fp.exact_key, fp.words, fp.size,
                    entry_keys.get(fp.document_id, ())) for fp in by_id.values()],
        links)


def _compare_pairs(pairs: Iterable[tuple[str, str]], known: dict[str, Fingerprint],
                   index: CopyIndex, settings: Settings) -> list[CopyLink]:
    unique = {(min(pair), max(pair)) for pair in pairs if pair[0] != pair[1]}
    missing = sorted({item for pair in unique for item in pair} - known.keys())
    candidates = dict(known)
    for text in index.index_texts(missing):
        candidates[text.id] = fingerprint(text.id, text.text, settings)
    links = []
    for a, b in sorted(unique):
        if a in candidates and b in candidates \
                and (link := compare(candidates[a], candidates[b], settings)) is not None:
            links.append(link)
    return links
