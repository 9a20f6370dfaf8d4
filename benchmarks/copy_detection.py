"""Copy detection on synthetic syndication corpora (benchmarks/syndication.py, known truth).

    .venv/bin/python benchmarks/copy_detection.py [--quality 100000] [--speed 20000]
                                                  [--scale 10000,100000,1000000]

1. quality: the real copy stage (`pipeline.index_copies`) over a real case holding N documents
   (written straight into the store as the clean stage would, so only stage 3 is timed); pair
   precision and recall of the copy groups against the truth; then one new document is added
   with `pipeline.build` (ingest, clean, copies) and timed.
2. speed: signatures plus index on the same documents, in the same process:
   - dossier: shingles, MinHash signatures for the whole batch (numpy; values identical to
     datasketch's), LSH band keys, and the case's own index (look up the buckets, insert the
     rows: SQLite B-tree, the real `CaseView.bucket_members` and `Transaction.add_copy_entries`);
   - datasketch: the same shingles, one `MinHash.update_batch` per document, then
     `MinHashLSH` (same 64 bands x 2 rows) query and insert, in memory.
   Both are then run through the same exact comparison and grouping, so quality is compared too.
3. scale: signatures plus index (dossier's, as in 2) at each size, each in a subprocess of its
   own, with time and peak memory (max RSS).
"""

from __future__ import annotations

import argparse
import itertools
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from datasketch import MinHash, MinHashLSH
from syndication import SyntheticDocument, iter_documents, true_pairs

from dossier import pipeline
from dossier.clean import CLEANER_VERSION
from dossier.config import Settings
from dossier.copies import compare, group_copies, indexer_version
from dossier.copies.fingerprints import Fingerprint, band_keys, fingerprint, signatures
from dossier.copies.groups import Member
from dossier.copies.index import BufferedIndex, IndexedBatch, IndexEntry
from dossier.models import Captured, Document, DocumentStatus, MediaType, document_id
from dossier.store import Case

BATCH = 1000
T = TypeVar("T")


def batches(items: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def pair_scores(groups: Iterable[Sequence[str]], truth: set[tuple[str, str]]
                ) -> tuple[float, float, int]:
    predicted = {(min(a, b), max(a, b)) for group in groups
                 for a, b in itertools.combinations(group, 2)}
    hits = len(predicted & truth)
    return (hits / len(predicted) if predicted else 1.0,
            hits / len(truth) if truth else 1.0, len(predicted))


def load_case(case: Case, docs: Sequence[SyntheticDocument]) -> dict[str, list[str]]:
    """Write the documents into the case as ingest and cleaning would; returns document ID ->
    synthetic IDs (exact copies with the same bytes are one original, seen under two paths)."""
    with case.writer.transaction() as tx:
        build_id, _ = tx.start_build()
    names: dict[str, list[str]] = defaultdict(list)
    for chunk in batches(docs):
        captured = [Captured(f"syn/{d.id}.txt", d.text.encode(), MediaType.TEXT) for d in chunk]
        documents = []
        for item, d in zip(captured, chunk, strict=True):
            doc_id = document_id(item.sha256, 0)
            names[doc_id].append(d.id)
            documents.append(Document(doc_id, item.sha256, 0, item.path, DocumentStatus.OK,
                                      title=d.id, outlet=d.outlet, published=d.published,
                                      text=d.text, published_from="date line"))
        with case.writer.transaction() as tx:
            tx.add_captured([(item, item.sha256) for item in captured], build_id)
            tx.add_documents(documents, build_id, cleaner=CLEANER_VERSION)
    with case.writer.transaction() as tx:
        tx.finish_build(build_id, {})
    return names


def quality(n: int, settings: Settings) -> None:
    docs = list(iter_documents(n, seed=7))
    truth = true_pairs(docs)
    with tempfile.TemporaryDirectory() as tmp:
        case = Case.open(Path(tmp) / "case.db", create=True)
        try:
            start = time.perf_counter()
            names = load_case(case, docs)
            loaded = time.perf_counter() - start
            start = time.perf_counter()
            pipeline.index_copies(case, settings)
            stage = time.perf_counter() - start
            groups = [[name for m in group.members for name in names[m]]
                      for group in case.view.copy_groups()]
            precision, recall, predicted = pair_scores(groups, truth)
            print(f"quality at {n:,} documents ({len(truth):,} true pairs, "
                  f"{len(groups):,} groups, {predicted:,} predicted pairs)")
            print(f"  pair precision {precision:.4f}  recall {recall:.4f}")
            origin = {d.id: d.origin for d in docs}
            listed = [(names[row.link.a][0], names[row.link.b][0])
                      for row in case.view.copy_links("possible")]
            same = sum(origin[a] == origin[b] for a, b in listed)
            print(f"  possible copies listed for review: {len(listed):,}, of which true copies "
                  f"{same:,} ({same / max(len(listed), 1):.0%})")
            print(f"  copy stage over the case: {stage:.1f} s = {n / stage:,.0f} documents/s "
                  f"(writing the documents in took {loaded:.1f} s)")
            # as a user would add a document later: the case closed (its WAL folded back in)
            # and opened again
            case.close()
            case = Case.open(Path(tmp) / "case.db")
            for n_added, label in ((1, "first in this process, loading the language model"),
                                   (2, "second")):
                extra = Path(tmp) / f"new{n_added}" / "copy.txt"
                extra.parent.mkdir()
                extra.write_text(docs[n // 2 + n_added].text
                                 + "\n\nThis first appeared elsewhere.\n")
                start = time.perf_counter()
                pipeline.build(case, [extra], settings)
                added = time.perf_counter() - start
                print(f"  adding one document to the {n:,}-document case with `build` "
                      f"({label}): {added * 1000:.0f} ms")
        finally:
            case.close()


def dossier_index(case: Case, index: BufferedIndex, prints: Sequence[Fingerprint],
                  settings: Settings) -> None:
    """Signatures, band keys, bucket look-ups and inserts into the case's own index, written
    every `copy_write_documents` as the copy stage does (call `flush` at the end)."""
    keys = band_keys(signatures(prints, settings.minhash_permutations), settings.lsh_bands)
    rows = [tuple(int(k) for k in row) for row in keys]
    index.bucket_members(sorted({k for row in rows for k in row}), settings.lsh_bucket_limit)
    index.add(IndexedBatch([IndexEntry(fp.document_id, fp.exact_key, fp.words, fp.size, row)
                            for fp, row in zip(prints, rows, strict=True)], []))
    if len(index) >= settings.copy_write_documents:
        flush(case, index, settings)


def flush(case: Case, index: BufferedIndex, settings: Settings) -> None:
    with case.writer.transaction() as tx:
        tx.add_copy_entries(index.take(), indexer_version(settings), {})


def speed(n: int, settings: Settings) -> None:
    docs = list(iter_documents(n, seed=11))
    truth = true_pairs(docs)
    bands, rows = settings.lsh_bands, settings.minhash_permutations // settings.lsh_bands
    start = time.perf_counter()
    prints = [fingerprint(d.id, d.text, settings) for d in docs]
    shingling = time.perf_counter() - start
    # dossier
    with tempfile.TemporaryDirectory() as tmp:
        case = Case.open(Path(tmp) / "case.db", create=True)
        try:
            start = time.perf_counter()
            index = BufferedIndex(case.view)
            for chunk in batches(prints):
                dossier_index(case, index, chunk, settings)
            flush(case, index, settings)
            ours = time.perf_counter() - start
            start = time.perf_counter()
            sigs = signatures(prints, settings.minhash_permutations)
            ours_signatures = time.perf_counter() - start
        finally:
            case.close()
    # datasketch
    lsh = MinHashLSH(num_perm=settings.minhash_permutations, params=(bands, rows))
    start = time.perf_counter()
    minhashes = []
    for fp in prints:
        minhash = MinHash(num_perm=settings.minhash_permutations, seed=1, scheme="affine32",
                          hashfunc=int)
        minhash.update_batch(fp.shingles.tolist())
        minhashes.append(minhash)
    theirs_signatures = time.perf_counter() - start
    start = time.perf_counter()
    candidates: set[tuple[str, str]] = set()
    for fp, minhash in zip(prints, minhashes, strict=True):
        candidates.update((other, fp.document_id) for other in lsh.query(minhash))
        lsh.insert(fp.document_id, minhash)
    theirs_index = time.perf_counter() - start
    theirs = theirs_signatures + theirs_index
    same = all((m.hashvalues == row).all() for m, row in zip(minhashes, sigs, strict=True))
    print(f"signatures + index on {n:,} documents (shingling, shared by both: "
          f"{shingling:.2f} s = {n / shingling:,.0f} documents/s)")
    print(f"  dossier (batch MinHash + SQLite LSH index):   {ours:.2f} s = "
          f"{n / ours:,.0f} documents/s; signatures alone {n / ours_signatures:,.0f}/s")
    print(f"  datasketch (MinHash + MinHashLSH in memory):  {theirs:.2f} s = "
          f"{n / theirs:,.0f} documents/s; signatures alone {n / theirs_signatures:,.0f}/s")
    print(f"  ratio dossier / datasketch: {theirs / ours:.1f}x; signatures identical: {same}")
    with_shingles = (n / (shingling + ours), n / (shingling + theirs))
    print(f"  with shingling: dossier {with_shingles[0]:,.0f}/s, datasketch "
          f"{with_shingles[1]:,.0f}/s")
    # the same exact comparison and grouping over datasketch's candidates, for its quality
    by_id = {fp.document_id: fp for fp in prints}
    links = [link for a, b in candidates
             if (link := compare(by_id[a], by_id[b], settings)) is not None]
    members = {d.id: Member(d.id, f"{i:09d}", d.published, d.outlet, fp.words)
               for i, (d, fp) in enumerate(zip(docs, prints, strict=True))}
    grouping = group_copies(members, links, [], settings.quoted_max_coverage)
    precision, recall, _ = pair_scores([g.members for g in grouping.groups], truth)
    print(f"  datasketch candidates through the same comparison: precision {precision:.4f} "
          f"recall {recall:.4f}")


def peak_memory_mb() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss it starts afresh at exec,
    so a child does not inherit the benchmark parent's size)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scale_one(n: int, settings: Settings) -> None:
    """Signatures plus index for n documents; prints 'n seconds peak-MB' (time excludes
    generation)."""
    spent = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        case = Case.open(Path(tmp) / "case.db", create=True)
        try:
            index = BufferedIndex(case.view)
            for chunk in batches(iter_documents(n, seed=3)):
                start = time.perf_counter()
                prints = [fingerprint(d.id, d.text, settings) for d in chunk]
                dossier_index(case, index, prints, settings)
                spent += time.perf_counter() - start
            start = time.perf_counter()
            flush(case, index, settings)
            spent += time.perf_counter() - start
        finally:
            case.close()
    print(n, spent, peak_memory_mb())


def scale(sizes: Sequence[int]) -> None:
    print("scaling of signatures + index (shingles, MinHash, LSH keys, SQLite index):")
    base = None
    for n in sizes:
        done = subprocess.run([sys.executable, __file__, "--scale-one", str(n)],
                              capture_output=True, text=True, check=True)
        _, seconds_text, peak_text = done.stdout.split()[-3:]
        seconds, peak = float(seconds_text), float(peak_text)
        per = seconds / n * 1e6
        base = base or per
        print(f"  {n:>9,} documents: {seconds:8.1f} s, {n / seconds:,.0f} documents/s, "
              f"{per:.0f} µs per document ({per / base:.2f}x the smallest), peak memory "
              f"{peak:,.0f} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quality", type=int, default=100_000)
    parser.add_argument("--speed", type=int, default=20_000)
    parser.add_argument("--scale", default="10000,100000,1000000")
    parser.add_argument("--scale-one", type=int)
    args = parser.parse_args()
    settings = Settings.from_environment()
    if args.scale_one:
        scale_one(args.scale_one, settings)
        return
    if args.speed:
        speed(args.speed, settings)
    if args.quality:
        quality(args.quality, settings)
    if args.scale:
        scale([int(n) for n in args.scale.split(",")])


if __name__ == "__main__":
    main()
