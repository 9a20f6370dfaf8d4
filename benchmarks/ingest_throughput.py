"""Ingest throughput: (a) 10,000 small generated text files, (b) the 181 HTML pages of the
article-extraction benchmark. Prints originals/s and MB/s for `dossier build` (ingest + the
current clean stage, into a fresh case) beside the ceiling measured in the same run: reading
and SHA-256-hashing the same files, as `sha256sum` does.

Run: .venv/bin/python benchmarks/ingest_throughput.py [--files 10000]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import random
import tempfile
import time
from pathlib import Path

from dossier import pipeline
from dossier.config import Settings
from dossier.store import Case

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
PAGES = SHARED / "article-extraction-benchmark" / "html"
VOCABULARY = ("police detained men Grozny Argun report spokesman denied according to the outlet "
              "witness said at least hundred were held in a former military compound on "
              "Wednesday rights group hotline evacuated families authorities investigation")
WORDS = tuple(VOCABULARY.split())


def generate(folder: Path, count: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    for n in range(count):
        paragraphs = ["\n".join(" ".join(rng.choices(WORDS, k=rng.randint(12, 30))) + "."
                                for _ in range(rng.randint(2, 6)))
                      for _ in range(rng.randint(2, 5))]
        path = folder / f"{n // 1000:03d}" / f"article-{n:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Report {n}\n\n" + "\n\n".join(paragraphs) + "\n")


def hash_ceiling(folder: Path) -> tuple[int, int, float]:
    """Read and hash every file, as sha256sum would: (files, bytes, seconds)."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    start = time.perf_counter()
    total = 0
    for path in files:
        data = path.read_bytes()
        hashlib.sha256(data).hexdigest()
        total += len(data)
    return len(files), total, time.perf_counter() - start


def ingest(folder: Path, case_path: Path) -> tuple[int, float, float, float]:
    """(originals stored, seconds for a fresh build, for an identical re-run, and for adding
    one new file to the built case, case opening included)."""
    with Case.open(case_path, create=True) as case:
        start = time.perf_counter()
        summary = pipeline.build(case, [folder], Settings())
        first = time.perf_counter() - start
    with Case.open(case_path) as case:
        start = time.perf_counter()
        pipeline.build(case, [folder], Settings())
        rerun = time.perf_counter() - start
    extra = case_path.with_suffix(".new.txt")
    extra.write_text("A late report: one more article about the detentions.\n")
    start = time.perf_counter()
    with Case.open(case_path) as case:
        pipeline.build(case, [extra], Settings())
    one = time.perf_counter() - start
    return summary.originals_new, first, rerun, one


def report(label: str, folder: Path, workdir: Path) -> None:
    files, size, hash_seconds = hash_ceiling(folder)  # also warms the page cache for both
    stored, seconds, rerun, one = ingest(folder, workdir / f"{label}.db")
    mb = size / 1e6
    print(f"\n{label}: {files:,} files, {mb:,.1f} MB; {stored:,} originals stored")
    print(f"  {'':24}{'files/s':>12}{'MB/s':>10}{'seconds':>10}")
    print(f"  {'sha256 ceiling':24}{files / hash_seconds:>12,.0f}{mb / hash_seconds:>10,.1f}"
          f"{hash_seconds:>10.2f}")
    print(f"  {'dossier build':24}{stored / seconds:>12,.0f}{mb / seconds:>10,.1f}"
          f"{seconds:>10.2f}")
    print(f"  {'identical re-run':24}{files / rerun:>12,.0f}{mb / rerun:>10,.1f}{rerun:>10.2f}")
    print(f"  build / ceiling: {hash_seconds / seconds:.3f} of the hashing rate")
    print(f"  adding one new file to this case: {one * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--files", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as tmp:
        workdir = Path(tmp)
        generated = workdir / "generated"
        generate(generated, args.files)
        report("generated text", generated, workdir)
        if PAGES.is_dir():
            pages = workdir / "pages"
            pages.mkdir()
            for page in sorted(PAGES.glob("*.html.gz")):
                (pages / page.name.removesuffix(".gz")).write_bytes(
                    gzip.decompress(page.read_bytes()))
            report("article-extraction pages", pages, workdir)
        else:
            print(f"\nskipped the HTML pages: {PAGES} not found")


if __name__ == "__main__":
    main()
