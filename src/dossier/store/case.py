"""Opening a case file: checks, migrations, engines, and the lock that keeps builds apart.

A case is one SQLite file holding everything, originals included. While it is open in WAL mode
SQLite keeps two companion files (-wal, -shm) beside it; they are folded back in when the last
connection closes.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sqlite3
import time
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.exc import DatabaseError

from .. import __version__
from ..custody import Action
from ..errors import CaseBusyError, CaseError, CaseMissingError, NotACaseError
from . import migrations
from .views import CaseView
from .writer import CaseWriter, utc_now

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 30_000  # how long a write waits for another writer's transaction
# Page cache of each connection (an upper bound: it grows only as pages are read). The copy
# index (copy_bands) is a B-tree with random keys, 64 rows per document: with SQLite's default
# 2 MB cache its look-ups and inserts turn into file reads past ~10,000 documents.
CACHE_KIB = 256 * 1024


def _sqlite_engine(url: str, *, write: bool) -> Engine:
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event decide how transactions start (pysqlite recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        if write:
            cursor.execute("PRAGMA synchronous = FULL")  # evidence: durable on power loss
        else:
            # Read-only at the SQL level. Not mode=ro: a read-only connection cannot fold the
            # WAL back in when it is the last to close, and would leave -wal/-shm files behind.
            cursor.execute("PRAGMA query_only = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


class Case:
    """An open case: a writer for the pipeline and commands, a read-only view for everything."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = _sqlite_engine(f"sqlite+pysqlite:///{path}", write=True)
        if path.exists() and not os.access(path, os.W_OK, effective_ids=True):
            # A write-protected copy (evidence on a read-only medium): SQLite cannot make the
            # WAL index beside it, so it is opened as immutable, which needs none.
            url = f"sqlite+pysqlite:///file:{path}?mode=ro&immutable=1&uri=true"
        else:
            url = f"sqlite+pysqlite:///{path}"
        self.read_engine = _sqlite_engine(url, write=False)
        self.writer = CaseWriter(self.engine)
        self.view = CaseView(self.read_engine)
        self._lock_fd: int | None = None

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False, write: bool = True) -> Case:
        """Open (and migrate) the case at `path`.

        `create` makes a new case if there is none; `write=False` opens it for reading only,
        so `verify` and `sources` work on a write-protected copy of a case.
        """
        path = Path(path)
        if not path.exists():
            if not create:
                raise CaseMissingError(
                    f"there is no case at {path}. Build one with: dossier build PATH... "
                    f"--case {path}")
            if not path.parent.is_dir():
                raise CaseMissingError(f"cannot create {path}: folder {path.parent} does not "
                                       "exist")
            try:
                path.touch()  # an empty file is an empty SQLite database
            except OSError as exc:
                raise CaseError(f"cannot create {path}: {exc.strerror}") from exc
        elif path.is_dir():
            raise NotACaseError(f"{path} is a folder, not a case file")
        else:
            _check_header(path)
            if write and not os.access(path, os.W_OK, effective_ids=True):
                raise CaseError(f"{path} is read-only, and this command records what it does "
                                "in the case's custody log; use a writable copy")
        case = cls(path)
        try:
            case._migrate(write)
        except DatabaseError as exc:
            case.close()
            raise NotACaseError(f"{path} is not a usable dossier case: {exc.orig}") from exc
        except BaseException:
            case.close()
            raise
        return case

    def _migrate(self, write: bool) -> None:
        with self.read_engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            if tables and "migrations" not in tables:
                raise NotACaseError(
                    f"{self.path} is an SQLite database but not a dossier case (it holds "
                    f"tables {', '.join(sorted(tables)[:5])}); choose another --case file")
            todo = migrations.pending(conn, str(self.path))
        if todo and not os.access(self.path, os.W_OK, effective_ids=True):
            raise CaseError(
                f"{self.path} was made by an older dossier and must be updated "
                f"({', '.join(name for name, _ in todo)}), but it is read-only; open a "
                "writable copy")
        for migration in todo:
            with self.writer.transaction() as tx:
                migrations.apply(tx.conn, migration, utc_now())
                tx.set_meta("dossier_version", __version__)
                tx.log(Action.MIGRATE, migration=migration[0])
        if write:
            # Only now that the file is known to be ours: WAL lets readers (verify, export,
            # the web app) work while a build writes. The mode is stored in the file. Outside
            # a transaction, hence the raw connection.
            raw = self.engine.raw_connection()
            try:
                raw.cursor().execute("PRAGMA journal_mode = WAL")
            finally:
                raw.close()

    def own_files(self) -> frozenset[Path]:
        """The case file and the companions SQLite keeps beside it."""
        base = self.path.resolve()
        return frozenset(base.with_name(base.name + suffix)
                         for suffix in ("", "-wal", "-shm", "-journal"))

    def lock_for_build(self, wait_seconds: float) -> None:
        """Hold the case for one build; a second build waits, then fails cleanly."""
        if self._lock_fd is not None:
            return  # already held by this Case: flock would block on a second descriptor
        # flock on the database file itself: it does not interact with SQLite's own POSIX
        # locks on Linux, and the descriptor is closed only after every connection (close()).
        fd = os.open(self.path, os.O_RDWR)
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise CaseBusyError(
                        f"another dossier build is running on {self.path} (waited "
                        f"{wait_seconds:g} s); run this build again when it has finished, or "
                        "give it longer with --wait SECONDS") from None
                time.sleep(0.1)
        self._lock_fd = fd

    def checkpoint(self) -> None:
        """Fold the WAL into the case file and empty it: after a secret was removed, no copy
        of the pages that held it stays in the -wal file (the freed pages were overwritten by
        secure_delete)."""
        # no pooled connection may hold a snapshot (or a transaction: this engine begins one
        # on every use), so the checkpoint gets a connection of its own
        self.read_engine.dispose()
        self.engine.dispose()
        with contextlib.closing(sqlite3.connect(self.path)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        # Readers first: the last connection to close folds the WAL back into the case file,
        # and only a writing connection can, so the case is one file again afterwards.
        self.read_engine.dispose()
        self.engine.dispose()
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # releases the flock
            self._lock_fd = None

    def __enter__(self) -> Case:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise NotACaseError(f"cannot read {path}: {exc.strerror}") from exc
    if head and head != SQLITE_MAGIC:
        raise NotACaseError(f"{path} is not a dossier case (it is not an SQLite database); "
                            "choose another --case file")
