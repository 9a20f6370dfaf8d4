"""The one place that writes to a case. Every write happens inside `CaseWriter.transaction()`.

A transaction is `BEGIN IMMEDIATE` on SQLite: writers queue up instead of failing half-way, and
custody entries are appended in the same transaction as the change they record.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, update

from .. import __version__
from ..custody import GENESIS, Action, canonical_detail, entry_hash
from ..models import Captured, Document, Rejection, rejection_id
from . import schema

HEAD_KEY = "custody_head"  # "seq:hash" of the last entry, to catch entries cut off the end


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class Transaction:
    """Writes within one database transaction."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._head: tuple[int, str] | None = None

    # -- custody log ------------------------------------------------------------------------

    def log(self, action: str, sha256: str | None = None, /, **detail: Any) -> None:
        """Append an entry to the hash-chained custody log."""
        seq, prev = self._head if self._head is not None else self._read_head()
        seq += 1
        at = utc_now()
        text = canonical_detail(detail)
        digest = entry_hash(seq, at, action, sha256, text, __version__, prev)
        self.conn.execute(insert(schema.custody_log).values(
            seq=seq, at=at, action=action, sha256=sha256, detail=text, version=__version__,
            prev_hash=prev, entry_hash=digest))
        self._head = (seq, digest)
        self.set_meta(HEAD_KEY, f"{seq}:{digest}")

    def _read_head(self) -> tuple[int, str]:
        row = self.conn.execute(
            select(schema.custody_log.c.seq, schema.custody_log.c.entry_hash)
            .order_by(schema.custody_log.c.seq.desc()).limit(1)).first()
        return (row.seq, row.entry_hash) if row else (0, GENESIS)

    def set_meta(self, key: str, value: str) -> None:
        table = schema.case_meta
        if self.conn.execute(update(table).where(table.c.key == key)
                             .values(value=value)).rowcount == 0:
            self.conn.execute(insert(table).values(key=key, value=value))

    # -- builds -----------------------------------------------------------------------------

    def start_build(self) -> tuple[int, int]:
        """Open a build; returns its ID and how many earlier builds died mid-way."""
        table = schema.builds
        dead = self.conn.execute(update(table).where(table.c.status == "running")
                                 .values(status="interrupted")).rowcount
        if dead:
            self.log(Action.RESUME, interrupted_builds=dead)
        build_id = self.conn.execute(insert(table).values(
            started_at=utc_now(), status="running", dossier_version=__version__)
        ).inserted_primary_key
        assert build_id is not None
        return int(build_id[0]), dead

    def finish_build(self, build_id: int, counts: dict[str, int]) -> None:
        self.conn.execute(update(schema.builds).where(schema.builds.c.id == build_id).values(
            finished_at=utc_now(), status="done", summary=json.dumps(counts)))
        self.log(Action.BUILD, build=build_id, **counts)

    # -- evidence ---------------------------------------------------------------------------

    def add_original(self, item: Captured, sha256: str, build_id: int) -> bool:
        """Store the bytes once per content; True when they were new to the case."""
        table = schema.originals
        if self.conn.execute(select(table.c.sha256).where(table.c.sha256 == sha256)).first():
            return False
        now = utc_now()
        self.conn.execute(insert(table).values(
            sha256=sha256, size=len(item.content), media_type=str(item.media_type),
            first_seen=now, build_id=build_id))
        self.conn.execute(insert(schema.original_content).values(
            sha256=sha256, content=item.content))
        self.log(Action.INGEST, sha256, path=item.path, size=len(item.content),
                 media_type=str(item.media_type), container=item.container,
                 captured_at=item.captured_at)
        return True

    def add_sighting(self, item: Captured, sha256: str, build_id: int, new_original: bool) -> bool:
        """Record where an original was seen; True when this path is new for these bytes."""
        table = schema.sources
        known = self.conn.execute(select(table.c.id).where(
            table.c.path == item.path, table.c.sha256 == sha256)).first()
        if known:
            return False
        self.conn.execute(insert(table).values(
            sha256=sha256, path=item.path, container=item.container,
            captured_at=item.captured_at, modified_at=item.modified_at, first_seen=utc_now(),
            build_id=build_id))
        if not new_original:
            self.log(Action.SEEN_AGAIN, sha256, path=item.path, container=item.container)
        return True

    def add_rejection(self, rejection: Rejection, sha256: str | None, build_id: int) -> bool:
        """Record input that could not be taken in; True when this rejection is new."""
        doc_id = rejection_id(rejection.path, rejection.reason)
        table = schema.documents
        if self.conn.execute(select(table.c.id).where(table.c.id == doc_id)).first():
            return False
        self.conn.execute(insert(table).values(
            id=doc_id, sha256=sha256, segment=0, path=rejection.path, status="rejected",
            reason=rejection.reason, text="", created_at=utc_now(), build_id=build_id))
        self.log(Action.REJECT, sha256, path=rejection.path, reason=rejection.reason,
                 container=rejection.container)
        return True

    def add_document(self, document: Document, build_id: int) -> bool:
        table = schema.documents
        if self.conn.execute(select(table.c.id).where(table.c.id == document.id)).first():
            return False
        self.conn.execute(insert(table).values(
            id=document.id, sha256=document.sha256, segment=document.segment,
            path=document.path, status=str(document.status), reason=document.reason,
            pending=document.pending, title=document.title, outlet=document.outlet,
            published=document.published, language=document.language, text=document.text,
            created_at=utc_now(), build_id=build_id))
        if document.reason and document.status == "rejected":
            self.log(Action.REJECT, document.sha256, path=document.path, reason=document.reason)
        return True

    def count(self, table_name: str) -> int:
        table = schema.metadata.tables[table_name]
        return int(self.conn.scalar(select(func.count()).select_from(table)) or 0)


class CaseWriter:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        with self.engine.begin() as conn:
            yield Transaction(conn)
