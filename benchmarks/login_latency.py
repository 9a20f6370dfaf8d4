"""Signed-in vs open pages: what a sign-in adds to each request's latency.

    .venv/bin/python benchmarks/login_latency.py [--case PATH] [--requests 200] [--rounds 20]

Serves one case with the real app in this process (FastAPI's TestClient: the ASGI app, the
gate, routing, templates and the case's SQLite file; no network) and times the same URLs —
the overview, the claims page, claim pages, /api/claims — in three ways:

  open     the case without users, served on loopback: the analyst at this machine (admin);
  session  the case with an admin user, each request carrying the admin's session cookie,
           signed in through POST /login;
  token    the same, each request carrying an API token (scope judge) as a Bearer header.

The gate asks the case on every request whether it has users, so one app serves all three:
they take turns in `--rounds` rounds. A round asks its share of the URLs once untimed (so every
way finds the same pages in SQLite's and the system's cache), then times the open way, adds the
user and token (`dossier user add`, `dossier token add`), signs in and times the session and
token ways, and removes the user (`dossier user remove`); every other round runs the other way
round (token before session, the open way last), so a machine busy with something else slows
every way alike. Each URL is asked `--requests` times in each way (the same spread of pages and
claims), and every answer must be a 200: redirects are not followed, so a refused request would
show as a 303 to the sign-in page. Sign-in itself (POST /login, dominated by Argon2id) is timed
once a round.

Without --case the demo case is built into a temporary directory. A case given with --case is
copied when it is small (up to 1 GB); a larger one is used in place: the user and token are
written into it and removed each round (the custody log keeps the changes), which is said.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from dossier.cli import main as main_command
from dossier.config import Settings
from dossier.store import Case
from dossier.web import create_app

SMALL = 1 << 30  # bytes: a case up to this size is copied, a larger one used in place
USER = "bench-admin"
PASSWORD = "a benchmark's long password"
PAGES = ("overview /", "claims page /claims", "claim page /claims/{id}", "/api/claims")


def dossier(*args: str | Path, stdin: str | None = None) -> str:
    """A dossier command in a process of its own, as a user types it; its standard output."""
    done = subprocess.run([sys.executable, "-m", "dossier", *map(str, args)], input=stdin,
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"dossier {' '.join(map(str, args))} failed: {done.stderr or done.stdout}")
    return done.stdout


def p95(ms: list[float]) -> float:
    ordered = sorted(ms)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def timed(client: TestClient, urls: list[str]) -> list[float]:
    """Milliseconds per request; every answer must be a 200."""
    client.get(urls[0])  # warm-up: first template compilation, first pages of the file
    found = []
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        found.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, f"{url}: {response.status_code}"
    return found


def sign_in(client: TestClient) -> float:
    """Milliseconds for one POST /login (the form's nonce fetched first, untimed); the client
    keeps the new session."""
    client.get("/login")
    nonce = client.cookies.get("dossier_login", path="/login")
    started = time.perf_counter()
    response = client.post("/login", data={"name": USER, "password": PASSWORD, "nonce": nonce,
                                           "next": "/"})
    ms = (time.perf_counter() - started) * 1000
    assert response.status_code == 303 and response.headers["location"] == "/", response.text
    return ms


def urls_of(client: TestClient, requests: int) -> dict[str, list[str]]:
    """The URLs asked, the same in every way: a spread of list pages and of claims."""
    ids = [c["id"] for c in client.get("/api/claims", params={"limit": 500}).json()["claims"]]
    pick = random.Random(7)
    spread: dict[str, Callable[[int], str]] = {
        PAGES[0]: lambda k: "/",
        PAGES[1]: lambda k: f"/claims?offset={50 * (k % 20)}",
        PAGES[2]: lambda k: f"/claims/{pick.choice(ids)}",
        PAGES[3]: lambda k: f"/api/claims?offset={50 * (k % 20)}",
    }
    return {name: [ask(k) for k in range(requests)] for name, ask in spread.items()}


def table(ways: dict[str, dict[str, list[float]]]) -> None:
    """The figures as docs/performance.md shows them: p50 / p95 in ms, and signed-in/open."""
    for way, pages in ways.items():
        for name, ms in pages.items():
            print(f"{way:8} {name:26} p50 {statistics.median(ms):7.1f} ms   p95 "
                  f"{p95(ms):7.1f} ms   ({len(ms)} requests)")
    print("\n| page | open p50 / p95 | session p50 / p95 | session ÷ open | token p50 / p95 "
          "| token ÷ open |")
    print("|---|---|---|---|---|---|")
    for name in PAGES:
        base = ways["open"][name]
        cells = [name, f"{statistics.median(base):.1f} / {p95(base):.1f} ms"]
        for way in ("session", "token"):
            ms = ways[way][name]
            cells += [f"{statistics.median(ms):.1f} / {p95(ms):.1f} ms",
                      f"{statistics.median(ms) / statistics.median(base):.2f} / "
                      f"{p95(ms) / p95(base):.2f}"]
        print("| " + " | ".join(cells) + " |")


def cli(*args: str | Path, stdin: str | None = None) -> str:
    """A dossier command, in this process; its standard output."""
    done = CliRunner().invoke(main_command, [str(a) for a in args], input=stdin)
    if done.exit_code != 0:
        sys.exit(f"dossier {' '.join(map(str, args))} failed: {done.output}")
    return done.stdout


def add_user(path: Path) -> str:
    """An admin, and an API token of scope judge for them: the raw token."""
    cli("user", "add", USER, "--role", "admin", "--password-stdin", "--case", path,
        stdin=PASSWORD)
    made = cli("token", "add", USER, "--scope", "judge", "--label", "benchmark", "--case", path)
    (token,) = [line for line in made.splitlines() if line.startswith("dsr_")]
    return token


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", type=Path, help="an existing case without users (default: "
                        "the demo case, built into a temporary directory)")
    parser.add_argument("--requests", type=int, default=200, help="per page and way")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        in_place = False
        if args.case is None:
            path = Path(tmp) / "demo.db"
            started = time.perf_counter()
            dossier("demo", "--case", path, "--quiet")
            print(f"built the demo case in {time.perf_counter() - started:.1f} s")
        elif args.case.stat().st_size <= SMALL:
            path = Path(tmp) / "case.db"
            shutil.copy(args.case, path)
            print(f"copied {args.case} ({args.case.stat().st_size / 1e6:,.0f} MB)")
        else:
            path, in_place = args.case, True
            print(f"using {path} in place ({path.stat().st_size / 1e9:,.1f} GB): the user "
                  f"{USER} and an API token are written into it and removed, each round")
        started = time.perf_counter()
        with Case.open(path) as case:  # migrations, if the case is older, are not timed
            if case.view.has_users():
                sys.exit(f"{path} has users: the open way needs a case without users")
        print(f"opened (and migrated) the case in {time.perf_counter() - started:.1f} s")
        print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC: {args.requests} requests per page "
              f"and way, in {args.rounds} rounds", flush=True)

        ways: dict[str, dict[str, list[float]]] = {
            way: {name: [] for name in PAGES} for way in ("open", "session", "token")}
        signing = []

        # a sign-in every round: more than the 10 a minute one address may try
        settings = replace(Settings.from_environment(), login_attempts_per_minute=10_000)
        with TestClient(create_app(path, settings=settings), follow_redirects=False) as client:
            urls = urls_of(client, args.requests)

            def run(way: str, share: dict[str, list[str]]) -> None:
                for name, asked in share.items():
                    ways[way][name] += timed(client, asked)

            for turn in range(args.rounds):
                share = {name: asked[turn::args.rounds] for name, asked in urls.items()}
                for asked in share.values():  # untimed: every way finds these pages cached
                    timed(client, asked)
                if turn % 2 == 0:
                    run("open", share)
                token = add_user(path)
                try:
                    assert client.get("/").status_code == 303, "sign-in must be asked for"
                    for way in ("session", "token") if turn % 2 == 0 else ("token", "session"):
                        client.cookies.clear()
                        client.headers.pop("Authorization", None)
                        if way == "session":
                            signing.append(sign_in(client))  # the client keeps the session
                        else:
                            client.headers["Authorization"] = f"Bearer {token}"
                        run(way, share)
                finally:
                    client.headers.pop("Authorization", None)
                    client.cookies.clear()
                    cli("user", "remove", USER, "--case", path)
                if turn % 2 == 1:
                    run("open", share)
                print(f"round {turn + 1} of {args.rounds} done", flush=True)
        if in_place:
            print(f"{path}: the user {USER} and their sessions and tokens were added and "
                  f"removed {args.rounds} times (in the custody log); it has no users again")
        print(f"sign-in  POST /login   p50 {statistics.median(signing):7.1f} ms   min "
              f"{min(signing):7.1f} ms   max {max(signing):7.1f} ms   ({len(signing)} "
              "sign-ins)")
        table(ways)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
