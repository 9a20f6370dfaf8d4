"""Stage 4 (extraction) throughput in the real pipeline, one process against two workers.

    .venv/bin/python benchmarks/extraction_stage.py [--documents 2000] [--workers 2]
        [--english-only]

Builds a real case of N plain-text documents (the bodies of the labelled extraction set,
each with a title and a closing line that make every document distinct), then times
`pipeline.extract_documents` twice on the same case: once with one process (the baseline), once
with worker processes. Each run includes reading the bodies from the case, writing extractions
and document entities, and resolving entities across the case. Prints documents/s and the
speed-up over the baseline run. The target of the extraction issue is ≥ 300 documents/s on 2
cores.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from dossier.config import Settings
from dossier.pipeline import build, extract_documents
from dossier.store import Case

HERE = Path(__file__).resolve().parent
LABELLED = HERE.parent / "tests" / "data" / "extraction"
sys.path.insert(0, str(LABELLED))
from check_gold import read_document  # noqa: E402

TARGET = 300.0  # documents/s on 2 cores
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def write_corpus(folder: Path, count: int, english_only: bool = False) -> None:
    bodies = [read_document(path)[1] for path in sorted(LABELLED.glob("[0-9]*.txt"))]
    if english_only:  # the set's Russian bodies (1 in 8) are read by slower rules
        bodies = [b for b in bodies if not CYRILLIC.search(b)]
    for i in range(count):
        (folder / f"{i:05d}.txt").write_text(
            f"Report {i}\n\n{bodies[i % len(bodies)]}\n\nFiled as item {i} of the series.\n",
            encoding="utf-8")


def timed_stage(case: Case, workers: int) -> tuple[int, float]:
    with case.writer.transaction() as tx:
        tx.remove_extractions([x.document_id for x in case.view.extractions()])
    started = time.perf_counter()
    done = extract_documents(case, replace(Settings(), extract_workers=workers))
    return done, time.perf_counter() - started


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--english-only", action="store_true",
                        help="Leave out the set's Russian bodies.")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        write_corpus(corpus, args.documents, args.english_only)
        case = Case.open(Path(tmp) / "case.db", create=True)
        try:
            build(case, [corpus], replace(Settings(), extract_workers=1))
            results = {}
            for workers in (1, args.workers):
                done, seconds = timed_stage(case, workers)
                results[workers] = done / seconds
                print(f"workers={workers}: {done} documents in {seconds:.2f} s = "
                      f"{done / seconds:.0f} documents/s")
        finally:
            case.close()
    parallel = results[args.workers]
    mark = "" if parallel >= TARGET else " (below target)"
    print(f"speed-up with {args.workers} workers: {parallel / results[1]:.2f}x; "
          f"target >= {TARGET:.0f} documents/s{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
