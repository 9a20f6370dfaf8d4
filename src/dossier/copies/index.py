"""Finding the copies of new documents among everything indexed before, without rebuilding.

The index is two lookups the store answers (`CopyIndex`): the document that first had a given
exact text, and the documents in a given LSH bucket. A new batch is compared with those and with
itself; only the first document of each exact text goes into the buckets (its exact copies are
linked to it), so a text re-posted a thousand times costs one bucket entry per band.
"""

from __future__ import annotations

from collections import Counter, OrderedDict, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

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
    # every fingerprint the batch computed (its documents and the candidates it read back)
    prints: dict[str, Fingerprint] = field(default_factory=dict)


class BufferedIndex:
    """The case's index, plus the documents this run has indexed and not written yet.

    Written a batch at a time, the LSH rows of a large case land on a different B-tree page
    each, and every commit rewrites tens of thousands of pages: the cost per document grows
    with the case. Held here and written every `Settings.copy_write_documents` documents in
    one sorted insert, their cost per document stays flat as the case grows (see
    docs/performance.md). Until written they are answered from memory: band keys in a sorted
    numpy array, 12 bytes per row. A build killed before the write indexes them again next time
    (documents without a fingerprint row are indexed).
    """

    def __init__(self, stored: CopyIndex, remember: int = 0) -> None:
        self.stored = stored
        # The fingerprints of the last `remember` documents indexed or compared: a story's
        # copies are usually indexed close together, and each would otherwise read the bodies
        # of its candidates back from the case and fingerprint them again. Kept across writes.
        self.prints: OrderedDict[str, Fingerprint] = OrderedDict()
        self.remember = remember
        self._clear()

    def _clear(self) -> None:
        self._owners: dict[str, str] = {}
        self._ids: list[str] = []
        self._keys = np.empty(0, np.int64)
        self._members = np.empty(0, np.int32)
        self._entries: list[IndexEntry] = []
        self._links: list[CopyLink] = []

    def __len__(self) -> int:
        return len(self._entries)

    def exact_owners(self, keys: Sequence[str]) -> dict[str, str]:
        owners = self.stored.exact_owners(keys)
        for key in keys:
            if key not in owners and key in self._owners:
                owners[key] = self._owners[key]
        return owners

    def bucket_members(self, keys: Sequence[int], limit: int) -> dict[int, list[str]]:
        found = self.stored.bucket_members(keys, limit)
        wanted = np.asarray(keys, dtype=np.int64)
        low = np.searchsorted(self._keys, wanted, "left")
        high = np.searchsorted(self._keys, wanted, "right")
        for i in np.flatnonzero(high > low):
            members = found.setdefault(int(wanted[i]), [])
            room = max(0, limit - len(members))
            members.extend(self._ids[m] for m in self._members[low[i]:min(high[i], low[i] + room)])
        return found

    def index_texts(self, ids: Sequence[str]) -> list[IndexText]:
        return self.stored.index_texts(ids)  # the clean stage has written every body

    def add(self, batch: IndexedBatch) -> None:
        for doc_id, fp in batch.prints.items():
            self.prints[doc_id] = fp
            self.prints.move_to_end(doc_id)
        while len(self.prints) > self.remember:
            self.prints.popitem(last=False)
        self._entries.extend(batch.entries)
        self._links.extend(batch.links)
        for entry in batch.entries:
            self._owners.setdefault(entry.exact_key, entry.document_id)
        keyed = [entry for entry in batch.entries if entry.keys]
        if not keyed:
            return
        first = len(self._ids)
        self._ids.extend(entry.document_id for entry in keyed)
        keys = np.array([entry.keys for entry in keyed], dtype=np.int64)
        members = np.repeat(np.arange(first, len(self._ids), dtype=np.int32), keys.shape[1])
        # a stable sort of two sorted runs is a merge, and keeps each bucket oldest first
        all_keys = np.concatenate([self._keys, keys.ravel()])
        order = np.argsort(all_keys, kind="stable")
        self._keys = all_keys[order]
        self._members = np.concatenate([self._members, members])[order]

    def take(self) -> IndexedBatch:
        """What is held, to be written; the buffer starts empty again."""
        taken = IndexedBatch(self._entries, self._links)
        self._clear()
        return taken


def index_batch(texts: Sequence[IndexText], index: CopyIndex, settings: Settings,
                recent: Mapping[str, Fingerprint] | None = None) -> IndexedBatch:
    """Fingerprint `texts`, find their candidates in `index` and among themselves, compare.
    `recent` holds fingerprints already computed for some indexed documents."""
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
            if key in stored or bucket:  # most keys of most documents meet no one
                shared.update((*stored.get(key, ()), *bucket)[:settings.lsh_bucket_limit])
            if len(bucket) < settings.lsh_bucket_limit:
                bucket.append(doc_id)
        ranked = sorted(shared.items(), key=lambda item: (-item[1], item[0]))
        pairs.update((other, doc_id) for other, _ in ranked[:settings.candidate_limit])
    links, candidates = _compare_pairs(pairs, by_id, recent or {}, index, settings)
    return IndexedBatch(
        [IndexEntry(fp.document_id, fp.exact_key, fp.words, fp.size,
                    entry_keys.get(fp.document_id, ())) for fp in by_id.values()],
        links, candidates)


def _compare_pairs(pairs: Iterable[tuple[str, str]], known: dict[str, Fingerprint],
                   recent: Mapping[str, Fingerprint], index: CopyIndex, settings: Settings
                   ) -> tuple[list[CopyLink], dict[str, Fingerprint]]:
    unique = {(min(pair), max(pair)) for pair in pairs if pair[0] != pair[1]}
    others = {item for pair in unique for item in pair} - known.keys()
    candidates = dict(known)
    candidates.update((doc_id, recent[doc_id]) for doc_id in others if doc_id in recent)
    for text in index.index_texts(sorted(others - candidates.keys())):
        candidates[text.id] = fingerprint(text.id, text.text, settings)
    links = []
    for a, b in sorted(unique):
        if a in candidates and b in candidates \
                and (link := compare(candidates[a], candidates[b], settings)) is not None:
            links.append(link)
    return links, candidates
