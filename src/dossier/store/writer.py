"""The one place that writes to a case. Every write happens inside `CaseWriter.transaction()`.

A transaction is `BEGIN IMMEDIATE` on SQLite: writers queue up instead of failing half-way, and
custody entries are appended in the same transaction as the change they record.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from itertools import islice
from typing import Any, TypeVar

import numpy as np
from sqlalchemy import (
    Connection,
    Engine,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)

from .. import __version__
from ..copies.groups import Grouping
from ..copies.index import IndexedBatch
from ..copies.outlets import Alias, Outlet
from ..corroborate.records import Claim, Corroboration, DenialLink, Evidence
from ..custody import GENESIS, Action, canonical_detail, entry_hash
from ..extract.records import CaseEntity
from ..models import (
    Captured,
    Document,
    DocumentStatus,
    Judgement,
    Rejection,
    rejection_id,
)
from ..protect.keys import KeySlot
from ..protect.records import ProtectedPerson
from ..protect.testimony import SealedTestimony
from . import schema
from .access import AccessWrites
from .codec import StoredExtraction, encode_claim, encode_evidence
from .views import CopyLinkRow, in_chunks

T = TypeVar("T")
# Stage 5 writes its rows this many at a time: a whole case's rows are never built at once.
WRITE_BATCH = 5000
HEAD_KEY = "custody_head"  # "seq:hash" of the last entry, to catch entries cut off the end


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class Transaction(AccessWrites):
    """Writes within one database transaction."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._head: tuple[int, str] | None = None

    # -- custody log ------------------------------------------------------------------------

    def log(self, action: str, sha256: str | None = None, /, **detail: Any) -> None:
        """Append one entry to the hash-chained custody log."""
        self.log_many([(action, sha256, detail)])

    def log_many(self, entries: Sequence[tuple[str, str | None, dict[str, Any]]]) -> None:
        """Append entries in order, each chained to the one before."""
        if not entries:
            return
        seq, prev = self._head if self._head is not None else self._read_head()
        rows = []
        for action, sha256, detail in entries:
            seq += 1
            at = utc_now()
            text = canonical_detail(detail)
            digest = entry_hash(seq, at, action, sha256, text, __version__, prev)
            rows.append({"seq": seq, "at": at, "action": action, "sha256": sha256,
                         "detail": text, "version": __version__, "prev_hash": prev,
                         "entry_hash": digest})
            prev = digest
        self.conn.execute(insert(schema.custody_log), rows)
        self._head = (seq, prev)
        self.set_meta(HEAD_KEY, f"{seq}:{prev}")

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

    def add_captured(self, items: Sequence[tuple[Captured, str]], build_id: int
                     ) -> list[tuple[bool, bool]]:
        """Store originals once per content and record where each was seen.

        Returns, per item, (new original, new place seen).
        """
        o, s = schema.originals, schema.sources
        shas = list({sha256 for _, sha256 in items})
        known = set(self.conn.scalars(select(o.c.sha256).where(o.c.sha256.in_(shas))))
        seen = {(row.path, row.sha256) for row in self.conn.execute(
            select(s.c.path, s.c.sha256).where(s.c.sha256.in_(shas)))}
        originals: list[dict[str, Any]] = []
        contents: list[dict[str, Any]] = []
        sightings: list[dict[str, Any]] = []
        entries: list[tuple[str, str | None, dict[str, Any]]] = []
        results = []
        for item, sha256 in items:
            now = utc_now()
            new = sha256 not in known
            if new:
                known.add(sha256)
                originals.append({"sha256": sha256, "size": len(item.content),
                                  "media_type": str(item.media_type), "first_seen": now,
                                  "build_id": build_id})
                contents.append({"sha256": sha256, "content": item.content})
                entries.append((Action.INGEST, sha256, {
                    "path": item.path, "size": len(item.content),
                    "media_type": str(item.media_type), "container": item.container,
                    "captured_at": item.captured_at}))
            place_new = (item.path, sha256) not in seen
            if place_new:
                seen.add((item.path, sha256))
                sightings.append({"sha256": sha256, "path": item.path,
                                  "container": item.container,
                                  "captured_at": item.captured_at,
                                  "modified_at": item.modified_at, "first_seen": now,
                                  "build_id": build_id})
                if not new:
                    entries.append((Action.SEEN_AGAIN, sha256,
                                    {"path": item.path, "container": item.container}))
            results.append((new, place_new))
        for table, rows in ((o, originals), (schema.original_content, contents), (s, sightings)):
            if rows:
                self.conn.execute(insert(table), rows)
        self.log_many(entries)
        return results

    def add_rejections(self, items: Sequence[tuple[Rejection, str | None]], build_id: int
                       ) -> int:
        """Record input that could not be taken in; returns how many were new."""
        documents = [Document(rejection_id(r.path, r.reason), sha256, 0, r.path,
                              DocumentStatus.REJECTED, reason=r.reason)
                     for r, sha256 in items]
        containers = {rejection_id(r.path, r.reason): r.container for r, _ in items}
        return self.add_documents(documents, build_id, containers)

    def remove_documents_of(self, shas: Sequence[str]) -> dict[str, tuple[str, str | None]]:
        """Delete the documents (and blocks) of originals being cleaned again; returns what they
        were, id -> (status, reason), so unchanged rejections are not logged twice."""
        d, b = schema.documents, schema.blocks
        if not shas:
            return {}
        old = {row.id: (row.status, row.reason) for row in self.conn.execute(
            select(d.c.id, d.c.status, d.c.reason).where(d.c.sha256.in_(shas)))}
        if old:
            self.conn.execute(delete(b).where(b.c.document_id.in_(list(old))))
            self.conn.execute(delete(d).where(d.c.id.in_(list(old))))
        return old

    def add_documents(self, documents: Sequence[Document], build_id: int,
                      containers: dict[str, str | None] | None = None, *,
                      cleaner: str | None = None,
                      previous: dict[str, tuple[str, str | None]] | None = None) -> int:
        """Store documents not stored yet, with their blocks; rejected ones are logged unless
        `previous` shows the same rejection. Returns how many were new."""
        table = schema.documents
        previous = previous or {}
        ids = list({document.id for document in documents})
        known = set(self.conn.scalars(select(table.c.id).where(table.c.id.in_(ids))))
        rows: list[dict[str, Any]] = []
        block_rows: list[dict[str, Any]] = []
        entries: list[tuple[str, str | None, dict[str, Any]]] = []
        new = 0
        for document in documents:
            if document.id in known:
                continue
            known.add(document.id)
            new += document.id not in previous
            rows.append({
                "id": document.id, "sha256": document.sha256, "segment": document.segment,
                "path": document.path, "status": str(document.status),
                "reason": document.reason, "pending": document.pending,
                "title": document.title, "outlet": document.outlet, "author": document.author,
                "published": document.published, "language": document.language,
                "text": document.text, "created_at": utc_now(), "build_id": build_id,
                "published_from": document.published_from, "cleaner": cleaner})
            block_rows.extend({"document_id": document.id, "seq": seq, "kind": str(block.kind),
                               "start": block.start, "end": block.end, "text": block.text,
                               "reason": block.reason}
                              for seq, block in enumerate(document.blocks))
            was = previous.get(document.id)
            if document.status is DocumentStatus.REJECTED and was != (str(document.status),
                                                                      document.reason):
                detail: dict[str, Any] = {"path": document.path, "reason": document.reason}
                if containers is not None:
                    detail["container"] = containers.get(document.id)
                entries.append((Action.REJECT, document.sha256, detail))
        if rows:
            self.conn.execute(insert(table), rows)
        if block_rows:
            self.conn.execute(insert(schema.blocks), block_rows)
        self.log_many(entries)
        return new


    # -- extraction --------------------------------------------------------------------------

    def remove_extractions(self, document_ids: Sequence[str]) -> None:
        """Forget what stage 4 read from these documents (gone, rejected, cleaned again, or
        read by older rules)."""
        x, de = schema.extractions, schema.document_entities
        for chunk in in_chunks(list(document_ids)):
            self.conn.execute(delete(de).where(de.c.document_id.in_(chunk)))
            self.conn.execute(delete(x).where(x.c.document_id.in_(chunk)))
        if document_ids:
            self.set_meta("corroborator", "")  # claims hold their statements: recompute them

    def add_extractions(self, extracted: Sequence[tuple[StoredExtraction, str | None]],
                        extractor: str) -> None:
        """Each document's extraction (with the cleaning rules of its body) and its entities."""
        if not extracted:
            return
        self.conn.execute(insert(schema.extractions), [
            {"document_id": e.document_id, "extractor": extractor, "cleaner": cleaner,
             "data": e.data, "statements": e.statements}
            for e, cleaner in extracted])
        rows = [row for e, _ in extracted for row in e.entities]
        if rows:
            self.conn.execute(insert(schema.document_entities), rows)

    def replace_entities(self, found: Sequence[CaseEntity],
                         gone: Sequence[str] | None = None) -> None:
        """The case's entities after resolution (in place of all of them, or of the `gone`
        ones), their lookup keys, and each document entity's case entity."""
        de, keys = schema.document_entities, schema.entity_keys
        if gone is None:
            self.conn.execute(delete(schema.entities))
            self.conn.execute(delete(keys))
        else:
            for chunk in in_chunks(list(gone)):
                self.conn.execute(delete(schema.entities).where(schema.entities.c.id.in_(chunk)))
                self.conn.execute(delete(keys).where(keys.c.entity_id.in_(chunk)))
        wanted = [member for e in found for member in e.members]
        mentions: dict[tuple[str, int], int] = {}
        for chunk in in_chunks(sorted({d for d, _ in wanted})):
            mentions.update(((row.document_id, row.idx), row.mentions) for row in self.conn.execute(
                select(de.c.document_id, de.c.idx, de.c.mentions)
                .where(de.c.document_id.in_(chunk))))
        key_rows = [{"key": key, "entity_id": e.id} for e in found for key in e.keys]
        if key_rows:
            self.conn.execute(insert(keys), key_rows)
        if found:
            self.conn.execute(insert(schema.entities), [
                {"id": e.id, "name": e.name, "type": e.type.value, "media": e.media,
                 "aliases": json.dumps(list(e.aliases), ensure_ascii=False),
                 "reasons": json.dumps(list(e.reasons), ensure_ascii=False),
                 "documents": len({document for document, _ in e.members}),
                 "mentions": sum(mentions.get(member, 0) for member in e.members)}
                for e in found])
        members = [{"d": document, "i": index, "e": e.id}
                   for e in found for document, index in e.members]
        if members:
            self.conn.execute(
                update(de).where(de.c.document_id == bindparam("d"), de.c.idx == bindparam("i"))
                .values(entity_id=bindparam("e")), members)

    # -- claims ------------------------------------------------------------------------------

    def forget_claims(self, ids: Sequence[str] | None = None) -> None:
        """Remove these claims (all of them when no IDs are given) with their mentions,
        timeline entries and keys; with no IDs, also the feature counts and the record of
        which documents were read."""
        tables = (schema.claims, schema.claim_mentions, schema.timeline, schema.claim_keys)
        if ids is None:
            for table in (*tables, schema.claim_terms, schema.corroborated,
                          schema.claim_evidence):
                self.conn.execute(delete(table))
            return
        for chunk in in_chunks(list(ids)):
            for table in tables:
                column = table.c.id if table is schema.claims else table.c.claim_id
                self.conn.execute(delete(table).where(column.in_(chunk)))

    def add_evidence(self, evidence: Iterable[Evidence]) -> None:
        """Statements as stage 5 read them (new ones, or all after everything was forgotten)."""
        for batch in _batches(evidence, WRITE_BATCH):
            self.conn.execute(insert(schema.claim_evidence), [
                {"mention_id": e.id, "document_id": e.document, "data": encode_evidence(e)}
                for e in batch])

    def refresh_evidence(self, evidence: Iterable[Evidence]) -> None:
        """Statements whose document changed (copy group, outlet) since they were read."""
        ce = schema.claim_evidence
        rows = [{"m": e.id, "d": encode_evidence(e)} for e in evidence]
        if rows:
            self.conn.execute(update(ce).where(ce.c.mention_id == bindparam("m"))
                              .values(data=bindparam("d")), rows)
            self.conn.execute(update(schema.claim_mentions).where(
                schema.claim_mentions.c.mention_id == bindparam("m"))
                .values(copy_group=bindparam("g")),
                [{"m": e.id, "g": e.copy_group} for e in evidence])

    def add_claims(self, found: Corroboration, evidence: Mapping[str, Evidence],
                   keys: Callable[[Claim], Iterable[str]]) -> None:
        """Claims with which claim each mention supports or denies, their timeline entries and
        their blocking keys (`keys`, asked claim by claim; the mentions' evidence is written by
        `add_evidence`). Written `WRITE_BATCH` claims at a time."""
        links: dict[str, list[DenialLink]] = defaultdict(list)
        for link in found.links:
            links[link.claim].append(link)
        for batch in _batches(found.claims, WRITE_BATCH):
            claim_rows: list[dict[str, Any]] = []
            mention_rows: list[dict[str, Any]] = []
            key_rows: list[dict[str, str]] = []
            for c in batch:
                mine = links.get(c.id, [])
                claim_rows.append({
                    "id": c.id, "anchor": c.anchor, "kind": c.kind, "event_type": c.event_type,
                    "statement": c.statement, "status": c.status.value,
                    "independent_sources": c.independent_sources,
                    "copy_groups": c.copy_groups, "mentions": len(c.mentions) + len(c.denials),
                    "date": c.date, "precision": c.precision, "data": encode_claim(c, mine)})
                roles = [*((m, "supports") for m in c.mentions),
                         *((m, "denial") for m in c.denials),
                         *((link.denial, "denies") for link in mine)]
                for position, (mention, role) in enumerate(dict(roles).items()):
                    e = evidence[mention]
                    mention_rows.append({"claim_id": c.id, "mention_id": mention, "role": role,
                                         "document_id": e.document, "start": e.start,
                                         "end": e.end, "copy_group": e.copy_group,
                                         "position": position})
                key_rows.extend({"key": key, "claim_id": c.id} for key in set(keys(c)))
            # members first: a claim's row, once inserted, indexes its passages' texts
            if mention_rows:
                self.conn.execute(insert(schema.claim_mentions), mention_rows)
            self.conn.execute(insert(schema.claims), claim_rows)
            if key_rows:
                self.conn.execute(insert(schema.claim_keys), key_rows)
        for entries in _batches(found.timeline, WRITE_BATCH):
            self.conn.execute(insert(schema.timeline), [
                {"date": t.date, "precision": t.precision, "claim_id": t.claim,
                 "mention_id": t.mention, "kind": t.kind} for t in entries])

    def count_terms(self, counts: Mapping[str, int], documents: Iterable[str],
                    corroborator: str) -> None:
        """Add statements' feature counts, record the documents as read by stage 5."""
        t, done = schema.claim_terms, schema.corroborated
        known: dict[str, int] = {}
        for chunk in in_chunks(list(counts)):
            known.update((term, n) for term, n in self.conn.execute(
                select(t.c.term, t.c.count).where(t.c.term.in_(chunk))))
        changed = [{"t": term, "n": known[term] + n} for term, n in counts.items()
                   if term in known]
        if changed:
            self.conn.execute(update(t).where(t.c.term == bindparam("t"))
                              .values(count=bindparam("n")), changed)
        added = [{"term": term, "count": n} for term, n in counts.items() if term not in known]
        if added:
            self.conn.execute(insert(t), added)
        new = list(dict.fromkeys(documents))
        seen: set[str] = set()
        for chunk in in_chunks(new):
            seen.update(self.conn.scalars(select(done.c.document_id)
                                          .where(done.c.document_id.in_(chunk))))
        rows = [{"document_id": d} for d in new if d not in seen]
        if rows:
            self.conn.execute(insert(done), rows)
        self.set_meta("corroborator", corroborator)

    # -- copies -----------------------------------------------------------------------------

    def purge_copy_entries(self, ids: Sequence[str]) -> None:
        """Forget the fingerprints, LSH rows, links and group rows of these documents, and of
        exact copies indexed through them (they have no LSH rows of their own and are indexed
        again)."""
        f, b, lk, m = (schema.copy_fingerprints, schema.copy_bands, schema.copy_links,
                       schema.copy_members)
        keys: set[str] = set()
        for chunk in in_chunks(list(ids)):
            keys |= set(self.conn.scalars(select(f.c.exact_key)
                                          .where(f.c.document_id.in_(chunk))))
        purged = set(ids)
        for chunk in in_chunks(sorted(keys)):
            purged |= set(self.conn.scalars(select(f.c.document_id)
                                            .where(f.c.exact_key.in_(chunk))))
        for chunk in in_chunks(sorted(purged)):
            seqs = select(f.c.seq).where(f.c.document_id.in_(chunk))
            self.conn.execute(delete(b).where(b.c.seq.in_(seqs)))
            self.conn.execute(delete(lk).where(or_(lk.c.a.in_(chunk), lk.c.b.in_(chunk))))
            self.conn.execute(delete(m).where(m.c.document_id.in_(chunk)))
            self.conn.execute(delete(f).where(f.c.document_id.in_(chunk)))

    def add_copy_entries(self, batch: IndexedBatch, indexer: str,
                         cleaners: dict[str, str | None]) -> None:
        """Store newly indexed documents, their LSH rows and the links found for them."""
        f = schema.copy_fingerprints
        # seq is assigned here, inside BEGIN IMMEDIATE, so the batch is two executemany calls
        seq = int(self.conn.scalar(select(func.max(f.c.seq))) or 0)
        rows: list[dict[str, Any]] = []
        band_keys: list[int] = []
        band_seqs: list[int] = []
        for entry in batch.entries:
            seq += 1
            rows.append({"seq": seq, "document_id": entry.document_id,
                         "exact_key": entry.exact_key, "words": entry.words,
                         "shingles": entry.shingles, "indexer": indexer,
                         "cleaner": cleaners.get(entry.document_id)})
            distinct = set(entry.keys)
            band_keys.extend(distinct)
            band_seqs.extend([seq] * len(distinct))
        if rows:
            self.conn.execute(insert(f), rows)
        if band_keys:
            # Up to a million two-integer rows: sorted by key (with numpy), so each insert lands
            # next to the one before in the B-tree, and handed straight to the driver, because
            # SQLAlchemy's per-row parameter handling would cost more than SQLite itself.
            keys, seqs = np.array(band_keys, dtype=np.int64), np.array(band_seqs, dtype=np.int64)
            order = np.lexsort((seqs, keys))
            self.conn.exec_driver_sql("INSERT INTO copy_bands (key, seq) VALUES (?, ?)",
                                      list(map(tuple, np.stack((keys[order], seqs[order]),
                                                               axis=1).tolist())))
        if batch.links:
            self.conn.execute(insert(schema.copy_links), [{
                "a": link.a, "b": link.b, "kind": str(link.kind), "found": str(link.verdict),
                "jaccard": link.jaccard, "containment": link.containment,
                "reason": link.reason, "inside": link.inside, "verdict": str(link.verdict),
                "decision": None} for link in batch.links])

    def add_outlets(self, outlets: Sequence[Outlet], aliases: Sequence[Alias]) -> None:
        o, a = schema.outlets, schema.outlet_aliases
        known = set(self.conn.scalars(select(o.c.id).where(
            o.c.id.in_([outlet.id for outlet in outlets]))))
        rows = [{"id": x.id, "name": x.name, "kind": x.kind} for x in outlets if x.id not in known]
        if rows:
            self.conn.execute(insert(o), rows)
        taken = set(self.conn.scalars(select(a.c.alias).where(
            a.c.alias.in_([alias.alias for alias in aliases]))))
        rows = []
        for x in aliases:
            if x.alias not in taken:
                taken.add(x.alias)
                rows.append({"key": x.key, "outlet_id": x.outlet_id, "alias": x.alias,
                             "source": x.source})
        if rows:
            self.conn.execute(insert(a), rows)

    def set_document_outlets(self, outlets: dict[str, str | None]) -> None:
        d = schema.documents
        if outlets:
            self.conn.execute(update(d).where(d.c.id == bindparam("document")),
                              [{"document": document_id, "outlet_id": outlet_id}
                               for document_id, outlet_id in outlets.items()])

    def replace_copy_groups(self, ids: Sequence[str], grouping: Grouping,
                            links: Sequence[CopyLinkRow]) -> None:
        """Write the groups of `ids` (a whole neighbourhood) and the verdicts of their links
        that changed."""
        g, m, lk = schema.copy_groups, schema.copy_members, schema.copy_links
        for chunk in in_chunks(list(ids)):
            old = select(m.c.group_id).where(m.c.document_id.in_(chunk))
            self.conn.execute(delete(g).where(g.c.id.in_(old)))
            self.conn.execute(delete(m).where(m.c.document_id.in_(chunk)))
        for chunk in in_chunks([group.id for group in grouping.groups]):
            self.conn.execute(delete(g).where(g.c.id.in_(chunk)))
        if grouping.groups:
            self.conn.execute(insert(g), [{"id": group.id, "representative": group.representative,
                                           "size": len(group.members)}
                                          for group in grouping.groups])
            rows = []
            for group in grouping.groups:
                for member in group.members:
                    taken = grouping.propagated.get(member)
                    rows.append({"document_id": member, "group_id": group.id,
                                 "published": taken.published if taken else None,
                                 "published_from": taken.published_from if taken else None,
                                 "outlet_id": taken.outlet_id if taken else None,
                                 "outlet_from": taken.outlet_from if taken else None})
            self.conn.execute(insert(m), rows)
        changed = []
        for row in links:
            decision = grouping.decisions.get((row.link.a, row.link.b))
            verdict = str(decision.verdict if decision else row.link.verdict)
            reason = decision.reason if decision else None
            if (verdict, reason) != (row.verdict, row.decision):
                changed.append({"ka": row.link.a, "kb": row.link.b, "verdict": verdict,
                                "decision": reason})
        if changed:
            self.conn.execute(update(lk).where(lk.c.a == bindparam("ka"),
                                               lk.c.b == bindparam("kb")), changed)

    def add_judgement(self, judgement: Judgement) -> None:
        """Record an analyst's decision and log who made it (never the reason's content)."""
        self.conn.execute(insert(schema.judgements).values(
            kind=judgement.kind, a=judgement.a, b=judgement.b, verdict=str(judgement.verdict),
            analyst=judgement.analyst, reason=judgement.reason, at=judgement.at))
        self.log(Action.JUDGE, None, kind=judgement.kind, a=judgement.a, b=judgement.b,
                 verdict=str(judgement.verdict), analyst=judgement.analyst)


    # -- protection ----------------------------------------------------------------------------

    def protect(self, person: ProtectedPerson) -> None:
        """Record a protected person; the log names the pseudonym and the analyst only."""
        self.conn.execute(insert(schema.protected_people).values(
            id=person.code, pseudonym=person.pseudonym, names=json.dumps(list(person.names),
                                                                        ensure_ascii=False),
            analyst=person.analyst, reason=person.reason, at=person.at))
        self.log(Action.PROTECT, None, pseudonym=person.pseudonym, analyst=person.analyst)

    def unprotect(self, code: str, analyst: str) -> None:
        pseudonym = self.conn.scalar(select(schema.protected_people.c.pseudonym).where(
            schema.protected_people.c.id == code))
        self.conn.execute(delete(schema.protected_people).where(
            schema.protected_people.c.id == code))
        self.log(Action.UNPROTECT, None, pseudonym=pseudonym, analyst=analyst)

    # -- confidential material ----------------------------------------------------------------

    def add_key_slot(self, slot: KeySlot, replacing: str | None = None) -> None:
        """A custodian's slot (in place of `replacing`, when a passphrase changes)."""
        if replacing is not None:
            self._forget(delete(schema.key_slots).where(schema.key_slots.c.id == replacing))
        self.conn.execute(insert(schema.key_slots).values(
            id=slot.id, salt=slot.salt, wrapped=slot.wrapped, created_at=utc_now(),
            params=json.dumps({"time_cost": slot.params.time_cost,
                               "memory_kib": slot.params.memory_kib,
                               "lanes": slot.params.lanes})))
        self.log(Action.KEY_SLOT, None, slot=slot.id, replacing=replacing)

    def add_testimony(self, t: SealedTestimony) -> None:
        self.conn.execute(insert(schema.testimonies).values(
            id=t.id, digest=t.digest, pseudonym=t.pseudonym, added_at=t.added_at,
            wrapped_key=t.wrapped_key, original=t.original, text=t.text, meta=t.meta))
        self.log(Action.TESTIMONY, None, testimony=t.id, pseudonym=t.pseudonym)

    def destroy_testimony(self, tid: str, analyst: str) -> None:
        """Its key and sealed values gone, the pages that held them overwritten."""
        t = schema.testimonies
        self._forget(update(t).where(t.c.id == tid).values(
            wrapped_key=None, original=None, text=None, meta=None, destroyed_at=utc_now()))
        s = schema.testimony_support
        supported = list(self.conn.scalars(select(s.c.claim_id).where(s.c.testimony_id == tid)))
        self._forget(delete(s).where(s.c.testimony_id == tid))
        self.apply_testimony_support(supported)
        self.log(Action.DESTROY, None, testimony=tid, analyst=analyst)

    def replace_testimony_support(self, rows: Sequence[dict[str, Any]]) -> None:
        """The claims opened testimonies support now (rows of `testimony_support`), in place
        of the last unlocked build's; the claims' counts follow."""
        t = schema.testimony_support
        before = set(self.conn.scalars(select(t.c.claim_id)))
        self.conn.execute(delete(t))
        if rows:
            self.conn.execute(insert(t), list(rows))
        self.apply_testimony_support(before | {r["claim_id"] for r in rows})

    def apply_testimony_support(self, claims: Iterable[str] | None = None) -> None:
        """Each claim's independent origins: its own plus one per testimony (not destroyed)
        supporting it; single-source becomes corroborated at two. For these claims (those
        with support when None)."""
        ids = sorted(set(self.conn.scalars(select(schema.testimony_support.c.claim_id)))
                     if claims is None else set(claims))
        total = ("json_array_length(data, '$.origins') + (SELECT count(*) FROM "
                 "testimony_support AS s JOIN testimonies AS t ON t.id = s.testimony_id "
                 "WHERE s.claim_id = claims.id AND t.wrapped_key IS NOT NULL)")
        for chunk in in_chunks(ids):
            marks = ",".join("?" * len(chunk))
            self.conn.exec_driver_sql(
                f"UPDATE claims SET independent_sources = {total}, status = CASE WHEN status "
                f"IN ('single-source', 'corroborated') THEN CASE WHEN {total} >= 2 THEN "
                "'corroborated' ELSE 'single-source' END ELSE status END "
                f"WHERE id IN ({marks})", tuple(chunk))

    def _forget(self, statement: Any) -> None:
        """Run a statement that removes secrets with SQLite's secure_delete on: the freed
        space is overwritten with zeros, not left in the file."""
        self.conn.exec_driver_sql("PRAGMA secure_delete = ON")
        try:
            self.conn.execute(statement)
        finally:
            self.conn.exec_driver_sql("PRAGMA secure_delete = OFF")


class CaseWriter:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        with self.engine.begin() as conn:
            yield Transaction(conn)


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of at most `size` (none for no items)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
