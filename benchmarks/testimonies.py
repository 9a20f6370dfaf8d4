"""Time to add 100 confidential testimonies (issue 8's figure).

    .venv/bin/python benchmarks/testimonies.py [--count 100]

Writes `--count` witness accounts (invented, a few hundred words each) and adds them to a new
case with a passphrase two ways: as a user does, one `dossier testimony add` process per
account (each starts Python, opens the case and derives the key from the passphrase with
Argon2id); and in one process through the same library calls (one key derivation, then sealing
and writing only). Prints both, per testimony and in all, and what one Argon2id derivation
costs here, since it is most of a command's own work.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dossier.config import Settings
from dossier.protect import keys
from dossier.protect.testimony import read_account, seal_testimony
from dossier.store import Case
from dossier.store.writer import utc_now

PASSPHRASE = "benchmark passphrase, not a secret"
WORDS = ("night", "basement", "officers", "phone", "names", "friends", "detained", "released",
         "beaten", "asked", "family", "village", "car", "road", "station", "days", "weeks",
         "cell", "door", "voice")


def account(k: int) -> str:
    pick = random.Random(k)
    sentences = [" ".join(pick.choice(WORDS) for _ in range(14)).capitalize() + "."
                 for _ in range(25)]
    return f"Account {k}. " + " ".join(sentences)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = []
        for k in range(args.count):
            path = folder / f"account-{k:03}.md"
            path.write_text(account(k), encoding="utf-8")
            files.append(path)
        started = time.perf_counter()
        keys.make_slot(keys.new_key(), PASSPHRASE, "probe")
        print(f"one Argon2id derivation: {time.perf_counter() - started:.2f} s")

        env = {**os.environ, "DOSSIER_PASSPHRASE": PASSPHRASE,
               "DOSSIER_NEW_PASSPHRASE": PASSPHRASE}
        case = folder / "cli.db"
        run = [sys.executable, "-m", "dossier"]
        subprocess.run([*run, "passphrase", "set", "--case", str(case)], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        started = time.perf_counter()
        for k, path in enumerate(files):
            subprocess.run([*run, "testimony", "add", str(path), "--witness", f"Witness {k}",
                            "--case", str(case)], env=env, check=True,
                           stdout=subprocess.DEVNULL)
        seconds = time.perf_counter() - started
        print(f"dossier testimony add, one process each: {args.count} in {seconds:.1f} s "
              f"({seconds / args.count:.2f} s each)")

        opened = Case.open(folder / "library.db", create=True)
        try:
            started = time.perf_counter()
            case_key = keys.new_key()
            with opened.writer.transaction() as tx:
                tx.add_key_slot(keys.make_slot(case_key, PASSPHRASE, "custodian-1"))
            taken: set[str] = set()
            settings = Settings()
            for k, path in enumerate(files):
                sealed = seal_testimony(case_key, read_account(path, settings),
                                        f"Witness {k}", None, None, taken, utc_now())
                taken.add(sealed.pseudonym)
                with opened.writer.transaction() as tx:
                    tx.add_testimony(sealed)
            seconds = time.perf_counter() - started
        finally:
            opened.close()
        print(f"library, one process, one transaction each: {args.count} in {seconds:.2f} s "
              f"({1000 * seconds / args.count:.1f} ms each)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
