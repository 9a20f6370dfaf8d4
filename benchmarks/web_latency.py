"""Web UI latency and report time on a large synthetic case.

    .venv/bin/python benchmarks/web_latency.py [--documents 100000] [--case PATH] [--requests 200]

Builds (or reuses, with --case) a synthetic case as benchmarks/corroboration_scale.py does —
documents, copies, extraction, the whole case corroborated — then serves it with the real app
in this process (FastAPI's TestClient: the ASGI app, routing, templates and the case's SQLite
file, no network) and times requests to the overview, the claims page, a claim page and
/api/claims: each URL is asked `--requests` times, over a spread of claims and filters, after
one warm-up request, and the p50/p95/max are printed. Then it times `dossier report` (HTML) on
the case. The brief's target: p95 under 100 ms.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corroboration_scale import prepare, whole_case
from fastapi.testclient import TestClient

from dossier.config import Settings
from dossier.store import Case
from dossier.web import create_app


def timed(requests: int, ask: Callable[[int], str], client: TestClient) -> list[float]:
    """Milliseconds per request; every response must be a 200."""
    client.get(ask(0))  # warm-up: first template compilation, first page of the file
    found = []
    for k in range(requests):
        url = ask(k)
        started = time.perf_counter()
        response = client.get(url)
        found.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, f"{url}: {response.status_code}"
    return found


def show(name: str, ms: list[float]) -> None:
    ordered = sorted(ms)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    print(f"{name:34} p50 {statistics.median(ordered):7.1f} ms   p95 {p95:7.1f} ms   "
          f"max {ordered[-1]:7.1f} ms   ({len(ordered)} requests)", flush=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--case", type=Path)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--no-report", action="store_true")
    args = parser.parse_args(argv)
    settings = Settings.from_environment()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.case or Path(tmp) / "case.db"
        if not path.exists():
            prepare(path, args.documents, settings)
            whole_case(path, settings)
        started = time.perf_counter()
        Case.open(path).close()  # migrations, if the case is older, are not part of a request
        print(f"opened (and migrated) the case in {time.perf_counter() - started:.1f} s")
        with TestClient(create_app(path)) as client:
            listed = client.get("/api/claims", params={"limit": 500}).json()
            total = listed["total"]
            ids = [c["id"] for c in listed["claims"]]
            outlets = listed["choices"]["outlets"] or [""]
            entities = [e["id"] for e in listed["choices"]["entities"]] or [""]
            statuses = listed["choices"]["statuses"]
            pick = random.Random(7)
            print(f"{total:,} claims", flush=True)
            show("overview /", timed(args.requests, lambda k: "/", client))
            show("claims page /claims", timed(
                args.requests, lambda k: f"/claims?offset={50 * (k % 20)}", client))
            show("claims page, filtered", timed(args.requests, lambda k: (
                f"/claims?status={statuses[k % len(statuses)]}"
                f"&outlet={outlets[k % len(outlets)]}" if k % 2 else
                f"/claims?entity={entities[k % len(entities)]}&sort=date"), client))
            show("claim page /claims/{id}", timed(
                args.requests, lambda k: f"/claims/{pick.choice(ids)}", client))
            show("/api/claims", timed(
                args.requests, lambda k: f"/api/claims?offset={50 * (k % 20)}", client))
            show("/api/claims?q=…", timed(args.requests, lambda k: (
                "/api/claims?q=" + ("detained", "police", "killed", "protest")[k % 4]), client))
        if not args.no_report:
            # as a user runs it, in a process of its own: its time, size and peak memory
            report = Path(tmp) / "report.html"
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "dossier", "report", "--case", str(path),
                            "-o", str(report)], check=True, stdout=subprocess.DEVNULL)
            seconds = time.perf_counter() - started
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 ** 2
            print(f"report (HTML): {seconds:.1f} s, {report.stat().st_size / 1e6:,.1f} MB, "
                  f"peak memory {peak:.2f} GB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
