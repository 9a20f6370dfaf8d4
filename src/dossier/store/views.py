"""Read-only views of a case, over a read-only connection. No view ever writes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, ScalarSelect, Select, func, select

from ..custody import CustodyEntry
from ..models import CONTAINER_TYPES, Block, BlockKind, MediaType, Original
from . import schema


@dataclass(frozen=True)
class DocumentRow:
    """A document as the terminal view and the export show it."""

    id: str
    path: str
    segment: int
    sha256: str | None
    media_type: str | None
    size: int | None
    status: str
    reason: str | None
    pending: str | None
    title: str | None
    outlet: str | None
    published: str | None
    language: str | None
    text: str
    paths: tuple[str, ...]
    captured_at: str | None
    first_seen: str | None
    author: str | None = None
    published_from: str | None = None


@dataclass(frozen=True)
class ContainerRow:
    """An archive (zip, WARC) stored as an original, with how many originals came out of it."""

    sha256: str
    path: str
    media_type: str
    size: int
    members: int


def _first_path() -> ScalarSelect[Any]:
    """The path an original was first seen under, correlated to the outer `originals` row."""
    o, s = schema.originals, schema.sources
    return (select(s.c.path).where(s.c.sha256 == o.c.sha256)
            .order_by(s.c.id).limit(1).scalar_subquery())


class CaseView:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def meta(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.scalar(select(schema.case_meta.c.value)
                               .where(schema.case_meta.c.key == key))

    def originals_to_clean(self, after: str, limit: int, cleaner: str) -> list[Original]:
        """Originals (archives excepted) without documents from this version of the cleaning
        rules: new ones, and those cleaned by an older version. By SHA-256 order."""
        o, d, c = schema.originals, schema.documents, schema.original_content
        query = (
            select(o.c.sha256, o.c.media_type, c.c.content, _first_path().label("path"))
            .join(c, c.c.sha256 == o.c.sha256)
            .where(o.c.sha256 > after,
                   o.c.media_type.not_in([str(t) for t in CONTAINER_TYPES]),
                   ~select(d.c.id).where(d.c.sha256 == o.c.sha256,
                                         d.c.cleaner == cleaner).exists())
            .order_by(o.c.sha256).limit(limit))
        with self.engine.connect() as conn:
            return [Original(row.sha256, row.content, MediaType(row.media_type), row.path)
                    for row in conn.execute(query)]

    def blocks_of(self, document_ids: Sequence[str]) -> dict[str, list[Block]]:
        """The labelled blocks of these documents, in order."""
        b = schema.blocks
        found: dict[str, list[Block]] = defaultdict(list)
        with self.engine.connect() as conn:
            for start in range(0, len(document_ids), 500):
                for row in conn.execute(select(b).where(
                        b.c.document_id.in_(document_ids[start:start + 500]))
                        .order_by(b.c.document_id, b.c.seq)):
                    found[row.document_id].append(Block(
                        BlockKind(row.kind), row.start, row.end, row.text, row.reason))
        return found

    def documents(self, *, rejected_only: bool = False) -> list[DocumentRow]:
        d, o, s = schema.documents, schema.originals, schema.sources
        query = (select(d, o.c.media_type, o.c.size)
                 .join(o, o.c.sha256 == d.c.sha256, isouter=True)
                 .order_by(d.c.path, d.c.segment, d.c.id))
        if rejected_only:
            query = query.where(d.c.status == "rejected")
        with self.engine.connect() as conn:
            sightings: dict[str, list[tuple[str, str | None, str]]] = defaultdict(list)
            for row in conn.execute(select(s.c.sha256, s.c.path, s.c.captured_at,
                                           s.c.first_seen).order_by(s.c.id)):
                sightings[row.sha256].append((row.path, row.captured_at, row.first_seen))
            rows = []
            for row in conn.execute(query):
                seen = sightings.get(row.sha256 or "", [])
                rows.append(DocumentRow(
                    id=row.id, path=row.path, segment=row.segment, sha256=row.sha256,
                    media_type=row.media_type, size=row.size, status=row.status,
                    reason=row.reason, pending=row.pending, title=row.title,
                    outlet=row.outlet, published=row.published, language=row.language,
                    text=row.text, paths=tuple(path for path, _, _ in seen),
                    captured_at=next((at for _, at, _ in seen if at), None),
                    first_seen=seen[0][2] if seen else row.created_at,
                    author=row.author, published_from=row.published_from))
            return rows

    def rejections_of(self, shas: Iterable[str], chunk: int = 500) -> list[tuple[str, str]]:
        """(path, reason) of the rejected documents made from these originals."""
        d = schema.documents
        wanted = list(shas)
        found: list[tuple[str, str]] = []
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), chunk):
                found.extend((row.path, row.reason or "") for row in conn.execute(
                    select(d.c.path, d.c.reason).where(
                        d.c.status == "rejected", d.c.sha256.in_(wanted[start:start + chunk]))))
        return found

    def containers(self) -> list[ContainerRow]:
        o, s = schema.originals, schema.sources
        query = (select(o.c.sha256, o.c.media_type, o.c.size, _first_path().label("path"))
                 .where(o.c.media_type.in_([str(t) for t in CONTAINER_TYPES]))
                 .order_by("path"))
        with self.engine.connect() as conn:
            inside = {container: count for container, count in conn.execute(
                select(s.c.container, func.count()).where(s.c.container.is_not(None))
                .group_by(s.c.container))}
            return [ContainerRow(r.sha256, r.path, r.media_type, r.size, inside.get(r.path, 0))
                    for r in conn.execute(query)]

    def counts(self) -> dict[str, int]:
        d = schema.documents
        with self.engine.connect() as conn:
            def count(query: Select[Any]) -> int:
                return int(conn.scalar(query) or 0)
            return {
                "originals": count(select(func.count()).select_from(schema.originals)),
                "sources": count(select(func.count()).select_from(schema.sources)),
                "documents": count(select(func.count()).where(d.c.status == "ok")),
                "rejected": count(select(func.count()).where(d.c.status == "rejected")),
                "custody_entries": count(select(func.count())
                                         .select_from(schema.custody_log)),
            }

    def original_hashes(self) -> Iterator[tuple[str, int, bytes | None]]:
        """(sha256, recorded size, stored bytes) for every original, one at a time."""
        o, c = schema.originals, schema.original_content
        query = (select(o.c.sha256, o.c.size, c.c.content)
                 .join(c, c.c.sha256 == o.c.sha256, isouter=True).order_by(o.c.sha256))
        with self.engine.connect() as conn:
            for row in conn.execution_options(yield_per=64).execute(query):
                yield row.sha256, row.size, row.content

    def custody_entries(self) -> Iterator[CustodyEntry]:
        log = schema.custody_log
        with self.engine.connect() as conn:
            for row in conn.execution_options(yield_per=1000).execute(
                    select(log).order_by(log.c.seq)):
                yield CustodyEntry(row.seq, row.at, row.action, row.sha256, row.detail,
                                   row.version, row.prev_hash, row.entry_hash)
