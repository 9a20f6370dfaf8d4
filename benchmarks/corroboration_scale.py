"""Stage 5 (corroborate) at scale: the whole case, then one new document.

    .venv/bin/python benchmarks/corroboration_scale.py [--documents 100000] [--case PATH]

Writes N synthetic news documents (benchmarks/syndication.py: events reported by many outlets,
with syndicated copies, excerpts and rewrites) into a real case as ingest and cleaning would,
runs the copy stage and the extraction stage (with two workers), then times:

1. corroborating the whole case (`pipeline.corroborate_case(..., full=True)`): every statement
   clustered into claims, origins, denial links, timeline, written to the case;
2. adding one document with `pipeline.build` (ingest, clean, copies, extraction and stage 5 for
   that document only: its statements join the claims around them), on the case closed and
   opened again, as a user adding a file later would; the time of stage 5 alone is printed
   too.

With --case PATH the built case is kept there (and reused if it exists), so step 2 can be
repeated without building again.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from copy_detection import load_case
from syndication import iter_documents

from dossier import pipeline
from dossier.config import Settings
from dossier.store import Case


def prepare(path: Path, n: int, settings: Settings) -> None:
    docs = list(iter_documents(n, seed=11))
    case = Case.open(path, create=True)
    try:
        started = time.perf_counter()
        load_case(case, docs)
        print(f"loaded {n:,} documents in {time.perf_counter() - started:.1f} s", flush=True)
        started = time.perf_counter()
        pipeline.index_copies(case, settings)
        print(f"copies in {time.perf_counter() - started:.1f} s", flush=True)
        started = time.perf_counter()
        pipeline.extract_documents(case, replace(settings, extract_workers=2))
        print(f"extraction in {time.perf_counter() - started:.1f} s", flush=True)
    finally:
        case.close()
    extra = docs[n // 2]
    (path.parent / "extra.source").write_text(extra.text, encoding="utf-8")


def whole_case(path: Path, settings: Settings) -> None:
    case = Case.open(path)
    try:
        started = time.perf_counter()
        claims = pipeline.corroborate_case(case, settings, full=True)
        whole = time.perf_counter() - started
        statements = case.view.statements_read()
    finally:
        case.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corroborate the whole case: {statements:,} statements -> {claims:,} claims in "
          f"{whole:.1f} s ({statements / whole:,.0f} statements/s; peak memory "
          f"{peak:,.0f} MB)")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--case", type=Path)
    parser.add_argument("--add-only", action="store_true",
                        help="With --case: only add one document (the case is corroborated).")
    args = parser.parse_args(argv)
    settings = Settings.from_environment()  # DOSSIER_<NAME> overrides, as in the CLI
    with tempfile.TemporaryDirectory() as tmp:
        path = args.case or Path(tmp) / "case.db"
        if not path.exists():
            prepare(path, args.documents, settings)
        if not args.add_only:
            whole_case(path, settings)
        extra = path.parent / f"extra-{time.time_ns()}.txt"  # new bytes on every run
        extra.write_text(f"Follow-up\n\n{(path.parent / 'extra.source').read_text()}\n\n"
                         f"Filed at {time.ctime()}; the agency contributed.\n", encoding="utf-8")
        case = Case.open(path)
        try:
            original = pipeline.corroborate_case
            timed: list[float] = []

            def stage5(case: Case, settings: Settings, full: bool = False) -> int | None:
                started = time.perf_counter()
                try:
                    return original(case, settings, full)
                finally:
                    timed.append(time.perf_counter() - started)

            pipeline.corroborate_case = stage5  # type: ignore[assignment]
            started = time.perf_counter()
            summary = pipeline.build(case, [extra], settings)
            added = time.perf_counter() - started
            pipeline.corroborate_case = original  # type: ignore[assignment]
        finally:
            case.close()
        print(f"add one document (pipeline.build): {added * 1000:.0f} ms, of which stage 5 "
              f"{timed[0] * 1000:.0f} ms ({summary.claims} claims written)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
