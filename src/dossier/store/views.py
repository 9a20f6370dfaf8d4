"""Read-only views of a case, over a read-only connection. No view ever writes."""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnClause,
    Engine,
    Integer,
    ScalarSelect,
    Select,
    func,
    literal_column,
    or_,
    select,
    text,
)

from ..copies.groups import Member
from ..copies.index import IndexText
from ..copies.outlets import Alias
from ..corroborate.records import STORY_TYPES, Claim, DenialLink, DocumentInfo, Evidence
from ..custody import CustodyEntry
from ..extract.records import EntityType, Extraction, LocalEntity
from ..models import (
    CONTAINER_TYPES,
    Block,
    BlockKind,
    CopyLink,
    Judgement,
    LinkKind,
    MediaType,
    Original,
    Verdict,
)
from ..protect.keys import KdfParams, KeySlot
from ..protect.records import ProtectedPerson
from ..protect.testimony import SealedTestimony
from . import schema
from .access import AccessViews
from .codec import decode_claim, decode_evidence, decode_extraction


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
    published_from: str | None = None  # where the date was found, or the copy it came from
    copy_group: str | None = None
    outlet_id: str | None = None
    outlet_name: str | None = None  # the outlet record's name (own or taken from the group)
    outlet_from: str | None = None  # the copy the outlet came from, when taken from the group
    date_from_group: bool = False  # `published` was taken from a copy in its group


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


@dataclass(frozen=True)
class IndexRow:
    """A document waiting for the copy index, with what the copy stage needs."""

    id: str
    text: str
    published: str | None
    outlet: str | None
    url: str  # the path or web address its original was first seen under
    cleaner: str | None  # the version of the cleaning rules that made it


@dataclass(frozen=True)
class CopyGroupRow:
    id: str
    representative: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class OutletRow:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    documents: int  # documents pointing to it


@dataclass(frozen=True)
class CopyLinkRow:
    link: CopyLink
    verdict: str
    decision: str | None


@dataclass(frozen=True)
class SearchHit:
    document: str
    title: str | None
    snippet: str  # the matching stretch, matches between \x02 and \x03


SEARCH_DOCUMENTS = text(
    "SELECT d.id, d.title, snippet(search_bodies, 1, char(2), char(3), '…', 24) AS snippet "
    "FROM search_bodies JOIN documents AS d ON d.rowid = search_bodies.rowid "
    "WHERE search_bodies MATCH :query ORDER BY rank LIMIT :limit")
SEARCH_STATEMENTS = text(
    "SELECT ce.mention_id, ce.document_id, ce.data FROM search_statements "
    "JOIN claim_evidence AS ce ON ce.rowid = search_statements.rowid "
    "WHERE search_statements MATCH :query ORDER BY rank LIMIT :limit")

@dataclass(frozen=True)
class ClaimQuery:
    """Filters, order and page of a claims list (`CaseView.claim_list`)."""

    status: str | None = None
    kind: str | None = None
    entity: str | None = None  # a case entity ID
    outlet: str | None = None  # an outlet's name
    since: str | None = None  # ISO date or prefix
    until: str | None = None
    words: str | None = None  # words that must all be in one of its passages
    sort: str = "origins"  # origins | mentions | date
    offset: int = 0
    limit: int | None = 50  # None: every claim that passes
    supported: bool = False  # only claims something supports (not denials alone)
    ids: tuple[str, ...] | None = None  # only these claims


@dataclass(frozen=True)
class ClaimRow:
    """A claim as a list shows it, read from its row alone."""

    id: str
    statement: str
    status: str
    kind: str
    event_type: str | None
    independent_sources: int
    mentions: int
    date: str | None
    precision: str | None
    outlets: tuple[str, ...]
    figures: dict[str, Any] | None  # low, high, estimate, disputed
    denials: int  # denial passages linked to it


def _claim_row(r: Any) -> ClaimRow:
    figures = None if r.low is None and r.high is None else {
        "low": r.low, "high": r.high, "estimate": r.estimate, "disputed": bool(r.disputed)}
    return ClaimRow(r.id, r.statement, r.status, r.kind, r.event_type, r.independent_sources,
                    r.mentions, r.date, r.precision, tuple(json.loads(r.outlets or "[]")),
                    figures, r.links or 0)


def search_words(words: str) -> list[str]:
    """The words of what a user typed, each kept with a trailing * (a prefix) if it has one;
    anything else (quotes, brackets, FTS5's operators as symbols) is left out."""
    return re.findall(r"[^\W_][\w'\u2019-]*\*?", words)


def match_words(words: str) -> str | None:
    """What a user typed → an FTS5 query in which every word must appear (a word ending in *
    is a prefix); FTS5's own operator words are quoted as plain words, so no input is an
    error. None when there is no word at all."""
    return " ".join(f'"{w.rstrip("*")}"' + ("*" if w.endswith("*") else "")
                    for w in search_words(words)) or None


# The claims (their rowids) whose statement or passages have every word: see
# schema.CLAIM_SEARCH_DDL.
CLAIMS_MATCHING = "SELECT rowid FROM search_claims WHERE search_claims MATCH :query"
CLAIM_ROWID: ColumnClause[Any] = literal_column("claims.rowid")
# the same, as an expression SQLite will not look up by: it then walks the claims in the
# default order's index and stops at a page, which beats sorting a common word's 50,000 claims
CLAIM_ROWID_WALKED: ColumnClause[Any] = literal_column("+claims.rowid")

KEYS_PER_QUERY = 5000  # bound parameters per look-up query (SQLite allows 32,766)


def rows_of(engine: Engine, query: Select[Any], column: Any,
            ids: Sequence[str] | None) -> list[Any]:
    """The rows of `query`: all of them when `ids` is None, else those whose `column` is one
    of `ids` (asked in chunks, within SQLite's limit on bound parameters)."""
    with engine.connect() as conn:
        if ids is None:
            return list(conn.execute(query))
        return [row for chunk in in_chunks(list(ids))
                for row in conn.execute(query.where(column.in_(chunk)))]


def in_chunks(items: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class CopyViews:
    """Read-only queries of the copy stage; mixed into CaseView. Also the stage's `CopyIndex`."""

    engine: Engine

    def documents_to_index(self, after: str, limit: int) -> list[IndexRow]:
        """Documents with a body and no fingerprint yet, by ID."""
        d, f = schema.documents, schema.copy_fingerprints
        query = (select(d.c.id, d.c.text, d.c.published, d.c.outlet, d.c.path, d.c.cleaner)
                 # no test on the text here: it would read every body; an ok document always
                 # has one (cleaning rejects a document left without)
                 .where(d.c.id > after, d.c.status == "ok",
                        ~select(f.c.seq).where(f.c.document_id == d.c.id).exists())
                 .order_by(d.c.id).limit(limit))
        with self.engine.connect() as conn:
            return [IndexRow(r.id, r.text, r.published, r.outlet, r.path, r.cleaner)
                    for r in conn.execute(query)]

    def stale_copy_entries(self, indexer: str) -> list[str]:
        """Indexed documents that are gone, rejected, cleaned again or indexed by other rules."""
        # SQL of our own for the index hint: SQLite prefers the primary key for `d.id = …`
        # and would read every document row (bodies included) for its status and cleaner.
        query = text(f"""
            SELECT f.document_id FROM copy_fingerprints AS f
            WHERE f.indexer != :indexer OR NOT EXISTS (
                SELECT 1 FROM documents AS d INDEXED BY {schema.ix_documents_state.name}
                WHERE d.status = 'ok' AND d.id = f.document_id AND d.cleaner IS f.cleaner)""")
        with self.engine.connect() as conn:
            return list(conn.scalars(query, {"indexer": indexer}))

    def exact_owners(self, keys: Sequence[str]) -> dict[str, str]:
        f = schema.copy_fingerprints
        found: dict[str, str] = {}
        with self.engine.connect() as conn:
            for chunk in in_chunks(keys):
                for row in conn.execute(select(f.c.exact_key, f.c.document_id)
                                        .where(f.c.exact_key.in_(chunk)).order_by(f.c.seq)):
                    found.setdefault(row.exact_key, row.document_id)
        return found

    def bucket_members(self, keys: Sequence[int], limit: int) -> dict[int, list[str]]:
        # 64 keys per document: plain SQL with placeholders, because SQLAlchemy's expansion of
        # an IN list costs more than SQLite's look-ups (docs/performance.md)
        sql = ("SELECT b.key, f.document_id FROM copy_bands AS b JOIN copy_fingerprints AS f "
               "ON f.seq = b.seq WHERE b.key IN ({}) ORDER BY b.key, b.seq")
        found: dict[int, list[str]] = defaultdict(list)
        with self.engine.connect() as conn:
            for chunk in in_chunks(keys, KEYS_PER_QUERY):
                marks = ",".join("?" * len(chunk))
                for key, document_id in conn.exec_driver_sql(sql.format(marks), tuple(chunk)):
                    members = found[key]
                    if len(members) < limit:
                        members.append(document_id)
        return found

    def index_texts(self, ids: Sequence[str]) -> list[IndexText]:
        d = schema.documents
        with self.engine.connect() as conn:
            return [IndexText(r.id, r.text) for chunk in in_chunks(ids)
                    for r in conn.execute(select(d.c.id, d.c.text).where(d.c.id.in_(chunk)))]

    def outlet_aliases(self) -> list[Alias]:
        a = schema.outlet_aliases
        with self.engine.connect() as conn:
            return [Alias(row.key, row.outlet_id, row.alias, row.source)
                    for row in conn.execute(select(a))]

    def copy_neighbourhood(self, ids: Iterable[str]) -> set[str]:
        """`ids`, and everything linked to them or grouped with them, transitively: all a
        regrouping of `ids` can change."""
        lk, m = schema.copy_links, schema.copy_members
        seen: set[str] = set()
        frontier = set(ids)
        with self.engine.connect() as conn:
            while frontier:
                seen |= frontier
                chunk_ids = sorted(frontier)
                found: set[str] = set()
                for chunk in in_chunks(chunk_ids):
                    for row in conn.execute(select(lk.c.a, lk.c.b).where(
                            or_(lk.c.a.in_(chunk), lk.c.b.in_(chunk)))):
                        found.update((row.a, row.b))
                    groups = select(m.c.group_id).where(m.c.document_id.in_(chunk))
                    found.update(conn.scalars(select(m.c.document_id)
                                              .where(m.c.group_id.in_(groups))))
                frontier = found - seen
        return seen

    def copy_members_info(self, ids: Sequence[str]) -> dict[str, Member]:
        """What grouping needs about the indexed documents among `ids`."""
        d, o, f = schema.documents, schema.originals, schema.copy_fingerprints
        found: dict[str, Member] = {}
        with self.engine.connect() as conn:
            for chunk in in_chunks(ids):
                for row in conn.execute(
                        select(d.c.id, d.c.segment, d.c.published, d.c.outlet_id, f.c.words,
                               o.c.first_seen)
                        .join(f, f.c.document_id == d.c.id)
                        .join(o, o.c.sha256 == d.c.sha256)
                        .where(d.c.id.in_(chunk))):
                    found[row.id] = Member(row.id, f"{row.first_seen}#{row.segment:06d}",
                                           row.published, row.outlet_id, row.words)
        return found

    def copy_links_among(self, ids: Sequence[str]) -> list[CopyLinkRow]:
        """Links with at least one end in `ids`."""
        lk = schema.copy_links
        rows: dict[tuple[str, str], CopyLinkRow] = {}
        with self.engine.connect() as conn:
            for chunk in in_chunks(ids):
                for row in conn.execute(select(lk).where(or_(lk.c.a.in_(chunk),
                                                            lk.c.b.in_(chunk)))):
                    rows[(row.a, row.b)] = CopyLinkRow(
                        CopyLink(row.a, row.b, LinkKind(row.kind), Verdict(row.found),
                                 row.jaccard, row.containment, row.reason, row.inside),
                        row.verdict, row.decision)
        return sorted(rows.values(), key=lambda r: (r.link.a, r.link.b))

    def judgements_of(self, kind: str, ids: Sequence[str]) -> list[Judgement]:
        """Judgements of this kind naming any of `ids`, oldest first."""
        j = schema.judgements
        query = select(j).where(j.c.kind == kind).order_by(j.c.id)
        with self.engine.connect() as conn:
            rows = [row for chunk in in_chunks(ids) for row in conn.execute(
                query.where(or_(j.c.a.in_(chunk), j.c.b.in_(chunk))))]
        unique = {row.id: row for row in rows}
        return [Judgement(r.kind, r.a, r.b, Verdict(r.verdict), r.analyst, r.at, r.reason)
                for _, r in sorted(unique.items())]

    def copy_groups(self, ids: Sequence[str] | None = None) -> list[CopyGroupRow]:
        """Copy groups (all, or those with these IDs), largest first; members by ID, the
        representative first."""
        g, m = schema.copy_groups, schema.copy_members
        groups = rows_of(self.engine, select(g.c.id, g.c.representative)
                         .order_by(g.c.size.desc(), g.c.id), g.c.id, ids)
        members: dict[str, list[str]] = defaultdict(list)
        for row in rows_of(self.engine, select(m.c.group_id, m.c.document_id)
                           .order_by(m.c.document_id), m.c.group_id, ids):
            members[row.group_id].append(row.document_id)
        result = []
        for row in groups:
            ordered = sorted(members.get(row.id, []), key=lambda d: d != row.representative)
            result.append(CopyGroupRow(row.id, row.representative, tuple(ordered)))
        return result

    def outlets(self) -> list[OutletRow]:
        """Outlets that documents point to, with every alias they are known under."""
        o, a, d = schema.outlets, schema.outlet_aliases, schema.documents
        with self.engine.connect() as conn:
            counts: dict[str, int] = dict(conn.execute(select(d.c.outlet_id, func.count())
                                       .where(d.c.outlet_id.is_not(None))
                                       .group_by(d.c.outlet_id)).all())
            aliases: dict[str, list[str]] = defaultdict(list)
            for row in conn.execute(select(a.c.outlet_id, a.c.alias).order_by(a.c.alias)):
                aliases[row.outlet_id].append(row.alias)
            return [OutletRow(r.id, r.name, r.kind, tuple(aliases[r.id]), counts[r.id])
                    for r in conn.execute(select(o).order_by(o.c.name)) if r.id in counts]

    def copy_links(self, verdict: str | None = None) -> list[CopyLinkRow]:
        lk = schema.copy_links
        query = select(lk).order_by(lk.c.jaccard.desc(), lk.c.a, lk.c.b)
        if verdict is not None:
            query = query.where(lk.c.verdict == verdict)
        with self.engine.connect() as conn:
            return [CopyLinkRow(CopyLink(r.a, r.b, LinkKind(r.kind), Verdict(r.found),
                                         r.jaccard, r.containment, r.reason, r.inside),
                                r.verdict, r.decision) for r in conn.execute(query)]


@dataclass(frozen=True)
class ExtractRow:
    id: str
    text: str
    published: str | None
    outlet: str | None
    cleaner: str | None
    language: str | None


@dataclass(frozen=True)
class EntityRow:
    id: str
    name: str
    type: str
    media: bool
    aliases: tuple[str, ...]
    reasons: tuple[str, ...]
    documents: int
    mentions: int


class ExtractViews:
    """Read-only queries of the extraction stage; mixed into CaseView."""

    engine: Engine

    def documents_to_extract(self, after: str, limit: int) -> list[ExtractRow]:
        """Documents with a body and no extraction yet, by ID."""
        d, x = schema.documents, schema.extractions
        query = (select(d.c.id, d.c.text, d.c.published, d.c.outlet, d.c.cleaner, d.c.language)
                 .where(d.c.id > after, d.c.status == "ok",
                        ~select(x.c.document_id).where(x.c.document_id == d.c.id).exists())
                 .order_by(d.c.id).limit(limit))
        with self.engine.connect() as conn:
            return [ExtractRow(r.id, r.text, r.published, r.outlet, r.cleaner, r.language)
                    for r in conn.execute(query)]

    def stale_extractions(self, extractor: str) -> list[str]:
        """Extractions of documents that are gone, rejected, cleaned again, or read by other
        rules."""
        query = text(f"""
            SELECT x.document_id FROM extractions AS x
            WHERE x.extractor != :extractor OR NOT EXISTS (
                SELECT 1 FROM documents AS d INDEXED BY {schema.ix_documents_state.name}
                WHERE d.status = 'ok' AND d.id = x.document_id AND d.cleaner IS x.cleaner)""")
        with self.engine.connect() as conn:
            return list(conn.scalars(query, {"extractor": extractor}))

    def document_entities(self, documents: Sequence[str] | None = None,
                          entities: Sequence[str] = ()) -> list[Extraction]:
        """Documents' entities (without mentions or statements): what cross-document
        resolution reads. All of them by default; else those of these documents and those that
        belong to these case entities."""
        de = schema.document_entities
        by_document: dict[str, dict[int, LocalEntity]] = defaultdict(dict)
        query = select(de.c.document_id, de.c.idx, de.c.name, de.c.type, de.c.media,
                       de.c.surfaces).order_by(de.c.document_id, de.c.idx)
        rows = rows_of(self.engine, query, de.c.document_id, documents)
        if entities:
            rows += rows_of(self.engine, query, de.c.entity_id, list(entities))
        for r in rows:
            by_document[r.document_id][r.idx] = LocalEntity(
                index=r.idx, name=r.name, type=EntityType(r.type),
                surfaces=tuple(json.loads(r.surfaces)), media=bool(r.media))
        return [Extraction(document_id, tuple(found[k] for k in sorted(found)), (), (), ())
                for document_id, found in sorted(by_document.items())]

    def entities_by_keys(self, keys: Iterable[str]) -> set[str]:
        """The case entities any of these lookup keys finds."""
        k = schema.entity_keys
        with self.engine.connect() as conn:
            return {e for chunk in in_chunks(list(dict.fromkeys(keys))) for e in conn.scalars(
                select(k.c.entity_id).where(k.c.key.in_(chunk)))}

    def entities_indexed(self) -> bool:
        """Whether the case's entities have lookup keys (cases built before 0010 do not)."""
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(schema.entity_keys)) != 0 or \
                conn.scalar(select(func.count()).select_from(schema.entities)) == 0

    def extractions(self, document_ids: Sequence[str] | None = None) -> list[Extraction]:
        """Documents' extractions, read back with their bodies (all when no IDs are given)."""
        d, x = schema.documents, schema.extractions
        query = select(x.c.document_id, x.c.data, d.c.text).join(d, d.c.id == x.c.document_id)
        rows = rows_of(self.engine, query.order_by(x.c.document_id), x.c.document_id,
                       document_ids)
        return [decode_extraction(r.document_id, r.text or "", r.data) for r in rows]

    def entity_ids(self, document_ids: Sequence[str] | None = None
                   ) -> dict[tuple[str, int], str]:
        """(document, local entity index) → case entity ID, for these documents (all when no
        IDs are given)."""
        de = schema.document_entities
        query = select(de.c.document_id, de.c.idx, de.c.entity_id).where(
            de.c.entity_id.is_not(None))
        return {(r.document_id, r.idx): sys.intern(r.entity_id)  # one string per entity
                for r in rows_of(self.engine, query, de.c.document_id, document_ids)}

    def entity_names(self, ids: Iterable[str]) -> dict[str, str]:
        e = schema.entities
        with self.engine.connect() as conn:
            return {r.id: r.name for chunk in in_chunks(list(dict.fromkeys(ids)))
                    for r in conn.execute(select(e.c.id, e.c.name).where(e.c.id.in_(chunk)))}

    def entities(self, ids: Sequence[str] | None = None) -> list[EntityRow]:
        """Case entities (all, or those with these IDs), most mentioned first."""
        e = schema.entities
        rows = rows_of(self.engine, select(e).order_by(e.c.mentions.desc(), e.c.name), e.c.id,
                       ids)
        return [EntityRow(r.id, r.name, r.type, bool(r.media), tuple(json.loads(r.aliases)),
                          tuple(json.loads(r.reasons)), r.documents, r.mentions) for r in rows]

    def entity_members(self, entity: str) -> list[tuple[str, int]]:
        """(document, local entity index) of every document entity that is this case entity."""
        de = schema.document_entities
        with self.engine.connect() as conn:
            return [(r.document_id, r.idx) for r in conn.execute(
                select(de.c.document_id, de.c.idx).where(de.c.entity_id == entity)
                .order_by(de.c.document_id, de.c.idx))]


@dataclass(frozen=True)
class TimelineRow:
    date: str
    precision: str
    claim: str
    mention: str
    kind: str  # claim | denial


class ClaimViews:
    engine: Engine

    def corroborator(self) -> str | None:
        with self.engine.connect() as conn:
            return conn.scalar(select(schema.case_meta.c.value)
                               .where(schema.case_meta.c.key == "corroborator"))

    def claims(self, ids: Sequence[str] | None = None, *, status: str | None = None,
               min_sources: int = 0, with_evidence: bool = True) -> list[StoredClaim]:
        """Claims with their mentions' evidence and denial links: most independent origins
        first (all when no IDs are given), only those with this status and at least this many
        independent origins (filtered before anything else is read); without the evidence
        (an empty mapping) when it is not needed."""
        c = schema.claims
        cm = schema.claim_mentions
        query = select(c).order_by(c.c.independent_sources.desc(), c.c.mentions.desc(), c.c.id)
        if status is not None:
            query = query.where(c.c.status == status)
        if min_sources:
            query = query.where(c.c.independent_sources >= min_sources)
        rows = rows_of(self.engine, query, c.c.id, ids)
        everything = ids is None and status is None and not min_sources
        members: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for r in rows_of(self.engine, select(cm.c.claim_id, cm.c.mention_id, cm.c.role)
                         .order_by(cm.c.claim_id, cm.c.position), cm.c.claim_id,
                         None if everything else [row.id for row in rows]):
            members[r.claim_id].append((r.mention_id, r.role))
        evidence = {} if not with_evidence else self.evidence(
            None if everything else [m for found in members.values() for m, _ in found])
        supported = self.testimony_support([row.id for row in rows])
        stored = []
        for row in rows:
            claim, links = decode_claim(dict(row._mapping), members.get(row.id, []))
            stored.append(StoredClaim(claim, {m: evidence[m] for m, _ in members.get(row.id, [])
                                              if m in evidence}, links,
                                      tuple(supported.get(row.id, ()))))
        return stored

    def testimony_claims(self) -> dict[str, list[tuple[str, bytes]]]:
        """Testimony → the claims it supports, each with its sealed supporting statement."""
        s = schema.testimony_support
        found: dict[str, list[tuple[str, bytes]]] = defaultdict(list)
        with self.engine.connect() as conn:
            for r in conn.execute(select(s).order_by(s.c.testimony_id, s.c.claim_id)):
                found[r.testimony_id].append((r.claim_id, r.sealed))
        return found

    def testimony_support(self, claims: Sequence[str]) -> dict[str, list[str]]:
        """Claim → the pseudonyms of the testimonies (not destroyed) that support it."""
        s, t = schema.testimony_support, schema.testimonies
        query = (select(s.c.claim_id, s.c.pseudonym).join(t, t.c.id == s.c.testimony_id)
                 .where(t.c.wrapped_key.is_not(None)).order_by(s.c.claim_id, s.c.pseudonym))
        found: dict[str, list[str]] = defaultdict(list)
        for r in rows_of(self.engine, query, s.c.claim_id, list(claims)):
            found[r.claim_id].append(r.pseudonym)
        return found

    def claim_list(self, where: ClaimQuery) -> tuple[int, list[ClaimRow]]:
        """The claims that pass the filters (all of them counted), one page of them sorted,
        without reading any claim's members: filters on entities and outlets use
        `claim_facets`, words the claims' full-text index."""
        c, f = schema.claims, schema.claim_facets
        conditions: list[Any] = []
        if where.status:
            # with a facet, the facet's claims are fewer: "status || ''" keeps SQLite from
            # walking the status index instead
            status = c.c.status.concat("") if where.entity or where.outlet else c.c.status
            conditions.append(status == where.status)
        if where.supported:
            conditions.append(c.c.status != "denied")
        if where.ids is not None:
            conditions.append(c.c.id.in_(where.ids))
        if where.kind:
            conditions.append(c.c.kind == where.kind)
        if where.since:
            conditions.append(c.c.date >= where.since)
        if where.until:
            conditions.append(func.substr(c.c.date, 1, len(where.until)) <= where.until)
        # A facet's claims are found through the facet's index and joined to their rows:
        # asked as "id IN (…)" next to a status, SQLite would walk every claim of that status.
        source: Any = c
        for facet in (f"entity:{where.entity}" if where.entity else None,
                      f"outlet:{where.outlet}" if where.outlet else None):
            if facet:
                joined = f.alias()
                source = source.join(joined, joined.c.claim_id == c.c.id)
                conditions.append(joined.c.facet == facet)
        alone = not conditions and source is c  # words are the only filter
        words = match_words(where.words) if where.words else None
        if where.words and words is None:
            return 0, []
        order = {"mentions": (c.c.mentions.desc(), c.c.id),
                 "date": (c.c.date.is_(None), c.c.date, c.c.id)}.get(
            where.sort, (c.c.independent_sources.desc(), c.c.mentions.desc(), c.c.id))
        counted = list(conditions)
        if words is not None:
            matching = text(CLAIMS_MATCHING).bindparams(query=words).columns(rowid=Integer)
            counted.append(CLAIM_ROWID.in_(matching))
            walked = where.sort not in ("mentions", "date")
            conditions.append((CLAIM_ROWID_WALKED if walked else CLAIM_ROWID).in_(matching))
        data = c.c.data
        columns = (c.c.id, c.c.statement, c.c.status, c.c.kind, c.c.event_type,
                   c.c.independent_sources, c.c.mentions, c.c.date, c.c.precision,
                   # only what a list shows, picked out by SQLite (a claim's data holds
                   # every origin's mentions: hundreds for a syndicated story)
                   func.json_extract(data, "$.outlets").label("outlets"),
                   func.json_extract(data, "$.figures.low").label("low"),
                   func.json_extract(data, "$.figures.high").label("high"),
                   func.json_extract(data, "$.figures.estimate").label("estimate"),
                   func.json_extract(data, "$.figures.disputed").label("disputed"),
                   func.json_array_length(data, "$.links").label("links"))
        with self.engine.connect() as conn:
            if words is not None and alone:  # one index row per claim
                total = conn.scalar(text(CLAIMS_MATCHING.replace("rowid", "count(*)", 1)),
                                    {"query": words}) or 0
            else:
                total = conn.scalar(select(func.count()).select_from(source)
                                    .where(*counted)) or 0
            rows = [_claim_row(r) for r in conn.execute(
                select(*columns).select_from(source).where(*conditions).order_by(*order)
                .limit(where.limit).offset(where.offset))]
        return total, rows

    def entity_choices(self, limit: int) -> list[tuple[str, str, str]]:
        """(ID, name, type) of the entities in the most documents."""
        e = schema.entities
        with self.engine.connect() as conn:
            return [(r.id, r.name, r.type) for r in conn.execute(
                select(e.c.id, e.c.name, e.c.type)
                .order_by(e.c.documents.desc(), e.c.name).limit(limit))]

    def outlet_names(self) -> list[str]:
        """The names of the outlets documents point to."""
        o, d = schema.outlets, schema.documents
        with self.engine.connect() as conn:
            return list(conn.scalars(select(o.c.name).where(o.c.id.in_(
                select(d.c.outlet_id).where(d.c.outlet_id.is_not(None)))).order_by(o.c.name)))

    def copy_counts(self) -> tuple[int, int]:
        """How many copy groups, and how many outlets documents point to."""
        d = schema.documents
        with self.engine.connect() as conn:
            groups = conn.scalar(select(func.count()).select_from(schema.copy_groups)) or 0
            outlets = conn.scalar(select(func.count(d.c.outlet_id.distinct()))
                                  .where(d.c.outlet_id.is_not(None))) or 0
        return groups, outlets

    def claim_counts(self) -> dict[str, int]:
        """Claims by status."""
        c = schema.claims
        with self.engine.connect() as conn:
            return dict(conn.execute(select(c.c.status, func.count()).group_by(c.c.status)).all())

    def claim_summaries(self) -> dict[str, tuple[str, int, str]]:
        """Claim ID → (status, independent origins, statement), without reading members."""
        c = schema.claims
        with self.engine.connect() as conn:
            return {r.id: (r.status, r.independent_sources, r.statement) for r in conn.execute(
                select(c.c.id, c.c.status, c.c.independent_sources, c.c.statement))}

    def claim_ids(self, status: str) -> list[str]:
        """The IDs of the claims with this status in the claims list's order: most
        independent origins first, then most passages."""
        c = schema.claims
        with self.engine.connect() as conn:
            return list(conn.scalars(select(c.c.id).where(c.c.status == status).order_by(
                c.c.independent_sources.desc(), c.c.mentions.desc(), c.c.id)))

    def undated_claims(self) -> list[str]:
        c = schema.claims
        with self.engine.connect() as conn:
            return list(conn.scalars(select(c.c.id).where(c.c.date.is_(None))
                                     .order_by(c.c.independent_sources.desc(), c.c.id)))

    def evidence(self, mentions: Sequence[str] | None = None) -> dict[str, Evidence]:
        """Statements as stage 5 read them (all when no mention IDs are given)."""
        ce = schema.claim_evidence
        return {r.mention_id: decode_evidence(r.data) for r in rows_of(
            self.engine, select(ce.c.mention_id, ce.c.data), ce.c.mention_id,
            None if mentions is None else list(dict.fromkeys(mentions)))}

    def claim_holding(self, mention: str) -> str | None:
        """The claim a mention is a member of (one it supports, or the denial claim it is
        in), not one it is linked to as a denial."""
        cm = schema.claim_mentions
        with self.engine.connect() as conn:
            return conn.scalar(select(cm.c.claim_id).where(
                cm.c.mention_id == mention, cm.c.role.in_(("supports", "denial"))).limit(1))

    def claims_of_mentions(self, mentions: Sequence[str]) -> dict[str, str]:
        """Mention → the claim it supports (or the first it denies), for those in a claim."""
        cm = schema.claim_mentions
        found: dict[str, str] = {}
        for r in rows_of(self.engine, select(cm.c.mention_id, cm.c.claim_id)
                         .order_by(cm.c.role.desc(), cm.c.claim_id), cm.c.mention_id,
                         list(mentions)):
            found.setdefault(r.mention_id, r.claim_id)
        return found

    def claim_documents(self, claim: str) -> dict[str, str]:
        """Mention → its document, for every passage of a claim (supporting, denial claim's
        member or linked denial), without reading their evidence."""
        cm = schema.claim_mentions
        with self.engine.connect() as conn:
            return {r.mention_id: r.document_id for r in conn.execute(
                select(cm.c.mention_id, cm.c.document_id).where(cm.c.claim_id == claim))}

    def claim_anchor(self, claim: str) -> str | None:
        c = schema.claims
        with self.engine.connect() as conn:
            return conn.scalar(select(c.c.anchor).where(c.c.id == claim))

    def timeline(self) -> list[TimelineRow]:
        """Dated claims and denials in date order (a year before its months and days)."""
        t = schema.timeline
        with self.engine.connect() as conn:
            rows = [TimelineRow(r.date, r.precision, r.claim_id, r.mention_id, r.kind)
                    for r in conn.execute(select(t))]
        rank = {"year": 0, "month": 1, "day": 2}
        return sorted(rows, key=lambda r: (r.date[:4], r.date, rank.get(r.precision, 3),
                                           r.claim, r.mention))

    # -- what stage 5 reads to add documents to existing claims --------------------------------

    def documents_to_corroborate(self) -> list[str]:
        """Documents with an extraction that stage 5 has not read yet."""
        x, done = schema.extractions, schema.corroborated
        with self.engine.connect() as conn:
            return list(conn.scalars(select(x.c.document_id).where(
                x.c.document_id.not_in(select(done.c.document_id)))
                .order_by(x.c.document_id)))

    def extracted_documents(self) -> list[str]:
        x = schema.extractions
        with self.engine.connect() as conn:
            return list(conn.scalars(select(x.c.document_id).order_by(x.c.document_id)))

    def corroboration_gone(self) -> bool:
        """Whether a document stage 5 read has lost its extraction (removed, cleaned again or
        read by newer rules): then the claims are recomputed."""
        x, done = schema.extractions, schema.corroborated
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(done).where(
                done.c.document_id.not_in(select(x.c.document_id)))) != 0

    def regrouped_claims(self) -> set[str]:
        """Claims with a mention whose document has changed copy group since."""
        cm, m = schema.claim_mentions, schema.copy_members
        with self.engine.connect() as conn:
            return set(conn.scalars(select(cm.c.claim_id).join(
                m, m.c.document_id == cm.c.document_id, isouter=True).where(
                func.coalesce(m.c.group_id, "") != func.coalesce(cm.c.copy_group, ""))))

    def claims_by_keys(self, keys: Iterable[str], per_key: int, most: int) -> list[str]:
        """The claims sharing the most of these blocking keys (keys held by more than
        `per_key` claims are too common to tell anything), at most `most` of them."""
        k = schema.claim_keys
        shared: dict[str, int] = defaultdict(int)
        with self.engine.connect() as conn:
            for key in dict.fromkeys(keys):
                claims = list(conn.scalars(select(k.c.claim_id).where(k.c.key == key)
                                           .limit(per_key + 1)))
                if len(claims) > per_key:
                    continue
                for claim in claims:
                    shared[claim] += 1
        return sorted(shared, key=lambda c: (-shared[c], c))[:most]

    def claims_sharing_mentions(self, ids: Iterable[str]) -> set[str]:
        """These claims and every claim with a mention in common with one of them (a denial
        statement is in its denial claim and in the claims it denies)."""
        cm = schema.claim_mentions
        found = set(ids)
        with self.engine.connect() as conn:
            mentions = [m for chunk in in_chunks(list(found)) for m in conn.scalars(
                select(cm.c.mention_id).where(cm.c.claim_id.in_(chunk)))]
            for chunk in in_chunks(mentions):
                found.update(conn.scalars(select(cm.c.claim_id)
                                          .where(cm.c.mention_id.in_(chunk))))
        return found

    def denial_claims_of(self, mentions: Iterable[str]) -> dict[str, str]:
        """Denial mention → the denial claim it belongs to."""
        cm, c = schema.claim_mentions, schema.claims
        found: dict[str, str] = {}
        with self.engine.connect() as conn:
            for chunk in in_chunks(list(mentions)):
                found.update((row.mention_id, row.claim_id) for row in conn.execute(
                    select(cm.c.mention_id, cm.c.claim_id).join(c, c.c.id == cm.c.claim_id)
                    .where(cm.c.mention_id.in_(chunk), c.c.kind == "denial")))
        return found

    def mentions_of_claims(self, ids: Iterable[str]) -> dict[str, set[str]]:
        """Document → the mention IDs these claims hold in it."""
        cm = schema.claim_mentions
        found: dict[str, set[str]] = defaultdict(set)
        with self.engine.connect() as conn:
            for chunk in in_chunks(list(ids)):
                for row in conn.execute(select(cm.c.document_id, cm.c.mention_id)
                                        .where(cm.c.claim_id.in_(chunk))):
                    found[row.document_id].add(row.mention_id)
        return found

    def term_counts(self, terms: Iterable[str]) -> dict[str, int]:
        """How many statements stage 5 has read have each of these features."""
        t = schema.claim_terms
        counts: dict[str, int] = {}
        with self.engine.connect() as conn:
            for chunk in in_chunks(list(dict.fromkeys(terms))):
                counts.update((term, n) for term, n in conn.execute(
                    select(t.c.term, t.c.count).where(t.c.term.in_(chunk))))
        return counts

    def statements_read(self) -> int:
        """How many statements stage 5 has read (the N of the feature weights)."""
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(schema.claim_evidence)) or 0

    def claim_inputs(self, ids: Sequence[str] | None = None) -> list[DocumentInfo]:
        """What stage 5 needs of documents with a body (all when no IDs are given): date,
        copy group, outlet, title, and the places and people they name (their story)."""
        d, m, outlet = schema.documents, schema.copy_members, schema.outlets
        query = (select(d.c.id, d.c.title, d.c.outlet, d.c.published,
                        m.c.group_id, m.c.published.label("group_published"),
                        func.coalesce(d.c.outlet_id, m.c.outlet_id).label("outlet_id"),
                        outlet.c.name.label("outlet_name"))
                 .join(m, m.c.document_id == d.c.id, isouter=True)
                 .join(outlet, outlet.c.id == func.coalesce(d.c.outlet_id, m.c.outlet_id),
                       isouter=True)
                 .where(d.c.status == "ok"))
        rows = rows_of(self.engine, query, d.c.id, ids)
        de = schema.document_entities
        named = select(de.c.document_id, de.c.entity_id).where(
            de.c.entity_id.is_not(None), de.c.type.in_(STORY_TYPES), de.c.media.is_(False))
        context: dict[str, set[str]] = defaultdict(set)
        for r in rows_of(self.engine, named, de.c.document_id, ids):
            context[r.document_id].add(sys.intern(r.entity_id))
        return [DocumentInfo(r.id, r.published or r.group_published, r.group_id, r.outlet_id,
                             r.outlet_name or r.outlet, r.title,
                             context=frozenset(context.get(r.id, ()))) for r in rows]

    def judgements(self, kinds: Sequence[str]) -> list[Judgement]:
        """Every judgement of these kinds, oldest first."""
        j = schema.judgements
        with self.engine.connect() as conn:
            return [Judgement(r.kind, r.a, r.b, Verdict(r.verdict), r.analyst, r.at, r.reason)
                    for r in conn.execute(select(j).where(j.c.kind.in_(list(kinds)))
                                          .order_by(j.c.id))]


@dataclass(frozen=True)
class StoredClaim:
    claim: Claim
    evidence: dict[str, Evidence]
    links: tuple[DenialLink, ...]
    confidential: tuple[str, ...] = ()  # pseudonyms of the testimonies supporting it

    @property
    def independent_sources(self) -> int:
        """Its origins in the documents, and one per testimony supporting it."""
        return self.claim.independent_sources + len(self.confidential)


class CaseView(CopyViews, ExtractViews, ClaimViews, AccessViews):
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def key_slots(self) -> list[KeySlot]:
        k = schema.key_slots
        with self.engine.connect() as conn:
            return [KeySlot(r.id, r.salt, KdfParams(**json.loads(r.params)), r.wrapped)
                    for r in conn.execute(select(k).order_by(k.c.created_at, k.c.id))]

    def testimonies(self, ids: Sequence[str] | None = None) -> list[SealedTestimony]:
        """Testimonies as sealed (all, or these), in the order they were added."""
        t = schema.testimonies
        return [SealedTestimony(r.id, r.digest, r.pseudonym, r.added_at, r.wrapped_key,
                                r.original, r.text, r.meta, r.destroyed_at)
                for r in rows_of(self.engine, select(t).order_by(t.c.added_at, t.c.id),
                                 t.c.id, ids)]

    def protection_state(self) -> tuple[int, str | None, int | None]:
        """What the redactor depends on, cheaply: the protections and the last build."""
        p = schema.protected_people
        with self.engine.connect() as conn:
            count, last = conn.execute(select(func.count(), func.max(p.c.at))).one()
            build = conn.scalar(select(func.max(schema.builds.c.id)))
        return int(count), last, build

    def protected_people(self) -> list[ProtectedPerson]:
        """Everyone protected, in the order they were protected."""
        p = schema.protected_people
        with self.engine.connect() as conn:
            return [ProtectedPerson(r.id, r.pseudonym, tuple(json.loads(r.names)), r.analyst,
                                    r.reason, r.at)
                    for r in conn.execute(select(p).order_by(p.c.at, p.c.id))]

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

    def documents(self, ids: Sequence[str] | None = None, *, rejected_only: bool = False,
                  with_text: bool = True) -> list[DocumentRow]:
        """Documents (all, or those with these IDs) with their originals' data, copy group
        and outlet, by path; without their bodies (text empty) when they are not needed."""
        d, o, s = schema.documents, schema.originals, schema.sources
        m, outlet = schema.copy_members, schema.outlets
        columns = d.c if with_text else [column for column in d.c if column.name != "text"]
        query = (select(*columns, o.c.media_type, o.c.size, m.c.group_id,
                        m.c.published.label("group_published"),
                        m.c.published_from.label("group_published_from"),
                        func.coalesce(d.c.outlet_id, m.c.outlet_id).label("any_outlet_id"),
                        m.c.outlet_from, outlet.c.name.label("outlet_name"))
                 .join(o, o.c.sha256 == d.c.sha256, isouter=True)
                 .join(m, m.c.document_id == d.c.id, isouter=True)
                 .join(outlet, outlet.c.id == func.coalesce(d.c.outlet_id, m.c.outlet_id),
                       isouter=True)
                 .order_by(d.c.path, d.c.segment, d.c.id))
        if rejected_only:
            query = query.where(d.c.status == "rejected")
        found = rows_of(self.engine, query, d.c.id, ids)
        sighted = select(s.c.sha256, s.c.path, s.c.captured_at, s.c.first_seen).order_by(s.c.id)
        sightings: dict[str, list[tuple[str, str | None, str]]] = defaultdict(list)
        for row in rows_of(self.engine, sighted, s.c.sha256,
                           None if ids is None else sorted({r.sha256 for r in found
                                                            if r.sha256})):
            sightings[row.sha256].append((row.path, row.captured_at, row.first_seen))
        rows = []
        for row in found:
            seen = sightings.get(row.sha256 or "", [])
            rows.append(DocumentRow(
                id=row.id, path=row.path, segment=row.segment, sha256=row.sha256,
                media_type=row.media_type, size=row.size, status=row.status,
                reason=row.reason, pending=row.pending, title=row.title,
                outlet=row.outlet, published=row.published or row.group_published,
                language=row.language,
                text=row.text if with_text else "", paths=tuple(path for path, _, _ in seen),
                captured_at=next((at for _, at, _ in seen if at), None),
                first_seen=seen[0][2] if seen else row.created_at,
                author=row.author,
                published_from=(row.published_from if row.published
                                else row.group_published_from),
                copy_group=row.group_id, outlet_id=row.any_outlet_id,
                outlet_name=row.outlet_name,
                outlet_from=None if row.outlet_id else row.outlet_from,
                date_from_group=not row.published and bool(row.group_published)))
        return rows

    def search_documents(self, words: str, limit: int) -> list[SearchHit]:
        """Accepted documents whose title or body has all these words, best first, with a
        snippet (matches between \x02 and \x03)."""
        query = match_words(words)
        if query is None:
            return []
        with self.engine.connect() as conn:
            return [SearchHit(r.id, r.title, r.snippet) for r in conn.execute(
                SEARCH_DOCUMENTS, {"query": query, "limit": limit})]

    def search_statements(self, words: str, limit: int) -> list[tuple[str, str, str]]:
        """(mention, document, sentence) of the statements that have all these words, best
        first."""
        query = match_words(words)
        if query is None:
            return []
        with self.engine.connect() as conn:
            return [(r.mention_id, r.document_id, json.loads(r.data)["text"])
                    for r in conn.execute(SEARCH_STATEMENTS, {"query": query, "limit": limit})]

    def latest_documents(self, limit: int) -> list[tuple[str, str, str | None]]:
        """(ID, when it was added, title) of the documents added last, newest first."""
        d = schema.documents
        with self.engine.connect() as conn:
            return [(r.id, r.created_at, r.title) for r in conn.execute(
                select(d.c.id, d.c.created_at, d.c.title).where(d.c.status == "ok")
                .order_by(d.c.created_at.desc(), d.c.id).limit(limit))]

    def original(self, sha256: str) -> tuple[bytes, str | None] | None:
        """An original's bytes as captured and its media type, or None."""
        o, c = schema.originals, schema.original_content
        with self.engine.connect() as conn:
            row = conn.execute(select(c.c.content, o.c.media_type)
                               .join(o, o.c.sha256 == c.c.sha256)
                               .where(c.c.sha256 == sha256)).first()
        return None if row is None or row.content is None else (row.content, row.media_type)

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
