"""Overhead of an unlocked build (testimonies opened and matched to the claims) over a locked
one, on the demo case (issue 8's figure).

    .venv/bin/python benchmarks/protection_build.py [--runs 3] [--testimonies 1]

For each run: a new case with a passphrase and the demo's sealed witness account (and, with
--testimonies N, N-1 more invented ones), then the demo corpus built into it, locked
(`pipeline.build` without the case key) and, in another new case, unlocked (with it). Locked
and unlocked runs alternate in this one process; the medians are printed, and the time of
stage 5b itself (opening the testimonies, reading them, matching them to the claims).
"""

from __future__ import annotations

import argparse
import contextlib
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from dossier import pipeline
from dossier.config import Settings
from dossier.demo import corpus_folder, demo_testimony_file
from dossier.protect import keys
from dossier.protect.testimony import Account, read_account, seal_testimony
from dossier.store import Case
from dossier.store.writer import utc_now

PASSPHRASE = "benchmark passphrase, not a secret"
WORDS = ("night", "basement", "officers", "phone", "names", "friends", "detained",
         "beaten", "Argun", "family", "police", "cell", "days", "released", "men")


def prepared(path: Path, count: int, settings: Settings) -> bytes:
    case = Case.open(path, create=True)
    try:
        case_key = keys.new_key()
        with case.writer.transaction() as tx:
            tx.add_key_slot(keys.make_slot(case_key, PASSPHRASE, "custodian-1"))
        with demo_testimony_file() as demo:
            accounts = [read_account(demo, settings)]
        pick = random.Random(3)
        for k in range(count - 1):
            text = " ".join(" ".join(pick.choice(WORDS) for _ in range(12)).capitalize() + "."
                            for _ in range(20))
            accounts.append(Account(text.encode(), text, "text/plain", f"extra-{k}.txt"))
        taken: set[str] = set()
        for k, account in enumerate(accounts):
            sealed = seal_testimony(case_key, account, f"Witness {k}", "2017-04-18", None,
                                    taken, utc_now())
            taken.add(sealed.pseudonym)
            with case.writer.transaction() as tx:
                tx.add_testimony(sealed)
    finally:
        case.close()
    return case_key


def built(path: Path, corpus: Path, settings: Settings, case_key: bytes | None
          ) -> tuple[float, float]:
    case = Case.open(path)
    stage: list[float] = []
    original = pipeline.support_testimonies

    def timed(*args: object) -> None:
        started = time.perf_counter()
        original(*args)  # type: ignore[arg-type]
        stage.append(time.perf_counter() - started)

    try:
        pipeline.support_testimonies = timed  # type: ignore[assignment]
        started = time.perf_counter()
        with contextlib.chdir(corpus.parent):
            pipeline.build(case, [Path(corpus.name)], settings, None, case_key)
        return time.perf_counter() - started, sum(stage)
    finally:
        pipeline.support_testimonies = original  # type: ignore[assignment]
        case.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--testimonies", type=int, default=1)
    args = parser.parse_args(argv)
    settings = Settings.from_environment()
    results: dict[str, list[tuple[float, float]]] = {"locked": [], "unlocked": []}
    with tempfile.TemporaryDirectory() as tmp, corpus_folder() as corpus:
        for run in range(args.runs):
            for mode in ("locked", "unlocked"):
                path = Path(tmp) / f"{mode}-{run}.db"
                case_key = prepared(path, args.testimonies, settings)
                results[mode].append(built(path, corpus, settings,
                                           case_key if mode == "unlocked" else None))
    for mode, found in results.items():
        total = statistics.median(t for t, _ in found)
        stage = statistics.median(s for _, s in found)
        print(f"{mode:9} build of the demo case, {args.testimonies} testimon"
              f"{'y' if args.testimonies == 1 else 'ies'}: median {total:.2f} s over "
              f"{args.runs} runs (stage 5b {stage * 1000:.0f} ms)")
    locked = statistics.median(t for t, _ in results["locked"])
    unlocked = statistics.median(t for t, _ in results["unlocked"])
    print(f"unlocked / locked: {unlocked / locked:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
