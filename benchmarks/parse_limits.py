"""What the parsing limits cost (issue 9): the article-extraction benchmark's pages cleaned as a
build cleans them (`documents_from`), with the limits (in the forked worker, the default) and
without (`parse_timeout_seconds = 0`, in this process), alternating rounds in one process;
prints seconds per round and the ratio of the best rounds.

    .venv/bin/python benchmarks/parse_limits.py [--rounds N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from dataclasses import replace
from pathlib import Path

from dossier.clean.documents import documents_from
from dossier.config import Settings
from dossier.models import MediaType, Original, sha256_hex

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    bench = DATA / "article-extraction-benchmark"
    if not bench.is_dir():
        print(f"../shared/data not found at {DATA}; nothing to measure")
        return 1
    truth = json.loads((bench / "ground-truth.json").read_text())
    originals = []
    for key, value in truth.items():
        content = gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes())
        originals.append(Original(sha256_hex(content), content, MediaType.HTML, value["url"]))
    modes = {"with limits (worker)": Settings(),
             "without limits (in process)": replace(Settings(), parse_timeout_seconds=0)}
    outputs: dict[str, list[object]] = {}
    best: dict[str, float] = {}
    for _ in range(rounds):
        for name, settings in modes.items():
            start = time.perf_counter()
            outputs[name] = [documents_from(original, settings) for original in originals]
            seconds = time.perf_counter() - start
            best[name] = min(best.get(name, seconds), seconds)
    first, second = modes
    assert outputs[first] == outputs[second], "the limits changed what was cleaned"
    print(f"article-extraction-benchmark: {len(originals)} pages, best of {rounds} rounds")
    for name, seconds in best.items():
        print(f"  {name:28} {seconds:6.2f} s  {len(originals) / seconds:6.1f} pages/s")
    print(f"  time ratio with / without limits: {best[first] / best[second]:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
