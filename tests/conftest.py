from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

os.environ["COLUMNS"] = "250"  # rich wraps at 80 columns off a terminal; keep lines whole
# The figure tests reuse the benchmarks' scoring code rather than a second copy of it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from dossier.cli import main

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"


class Dossier:
    """Runs dossier commands in-process, as a user would type them."""

    def __init__(self, case: Path) -> None:
        self.case = case
        self.runner = CliRunner()

    def __call__(self, *args: str | Path, case: bool = True) -> Result:
        argv = [str(a) for a in args]
        if case:
            argv += ["--case", str(self.case)]
        return self.runner.invoke(main, argv, catch_exceptions=False)

    def export(self) -> dict:  # type: ignore[type-arg]
        result = self("export", "--format", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    def sql(self, query: str, *params: object) -> list[tuple]:  # type: ignore[type-arg]
        with contextlib.closing(sqlite3.connect(self.case)) as conn, conn:
            return conn.execute(query, params).fetchall()

    def dump(self) -> list[str]:
        """The case's logical content, independent of how SQLite laid out the pages."""
        with contextlib.closing(sqlite3.connect(self.case)) as conn:
            return list(conn.iterdump())


@pytest.fixture
def dossier(tmp_path: Path) -> Dossier:
    return Dossier(tmp_path / "case.db")


@pytest.fixture
def shared_data() -> Iterator[Path]:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared test data not found at {SHARED_DATA} (present in CI only)")
    yield SHARED_DATA


def run_subprocess(*args: str, **kwargs: object) -> subprocess.Popen[str]:
    """dossier in a process of its own, for kills and concurrent builds."""
    return subprocess.Popen([sys.executable, "-m", "dossier", *args], text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)  # type: ignore[call-overload]


@pytest.fixture(scope="session")
def demo_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled demo case, built once for the tests that only read it."""
    case = tmp_path_factory.mktemp("demo") / "demo.db"
    result = CliRunner().invoke(main, ["demo", "--case", str(case), "--quiet"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return case
