"""The public JSON export (docs/export.md, docs/export.schema.json)."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from .. import __version__
from ..extract.records import Extraction
from ..models import REMOVED_KINDS, Block, BlockKind, stable_id
from ..store import CaseView, DocumentRow
from ..store.views import EntityRow

REMOVED = frozenset(str(kind) for kind in REMOVED_KINDS)
HEADER = frozenset({str(BlockKind.TITLE), str(BlockKind.METADATA)})

FORMAT = "dossier-case"
FORMAT_VERSION = 1


def case_json(view: CaseView) -> dict[str, Any]:
    """The whole case as the public contract describes it."""
    rows = view.documents()
    extractions = view.extractions()
    ids = view.entity_ids()
    entities = view.entities()
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "dossier_version": __version__,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "documents": _documents(view, rows),
        "outlets": _outlets(view),
        "copy_groups": _copy_groups(view),
        "copy_links": _copy_links(view),
        "entities": _entities(entities, ids, extractions, rows),
        "claims": _claims(entities, ids, extractions, rows),
        "timeline": [],
    }


def _documents(view: CaseView, rows: list[DocumentRow]) -> list[dict[str, Any]]:
    blocks = view.blocks_of([row.id for row in rows])
    return [_document(row, blocks.get(row.id, [])) for row in rows]


def _document(row: DocumentRow, blocks: list[Block]) -> dict[str, Any]:
    return {
        "id": row.id,
        "path": row.path,
        "paths": list(row.paths) or [row.path],
        "segment": row.segment,
        "sha256": row.sha256,
        "media_type": row.media_type,
        "size": row.size,
        "captured_at": row.captured_at,
        "first_seen": row.first_seen,
        "title": row.title,
        "outlet": row.outlet_name or row.outlet,
        "outlet_as_found": row.outlet,
        "outlet_id": row.outlet_id,
        "outlet_from": row.outlet_from,
        "author": row.author,
        "published": row.published,
        "published_from": row.published_from,
        "language": row.language,
        "status": row.status,
        "reason": row.reason,
        "pending": row.pending,
        "copy_group": row.copy_group,
        "text": row.text,
        "removed": [_block(block) for block in blocks if block.kind in REMOVED],
        "header": [_block(block) for block in blocks if block.kind in HEADER],
    }


def _block(block: Block) -> dict[str, Any]:
    return {"kind": str(block.kind), "text": block.text, "reason": block.reason,
            "start": block.start, "end": block.end}


def _outlets(view: CaseView) -> list[dict[str, Any]]:
    return [{"id": outlet.id, "name": outlet.name, "kind": outlet.kind,
             "aliases": list(outlet.aliases), "documents": outlet.documents}
            for outlet in view.outlets()]


def _copy_groups(view: CaseView) -> list[dict[str, Any]]:
    return [{"id": group.id, "representative": group.representative,
             "documents": list(group.members)} for group in view.copy_groups()]


def _copy_links(view: CaseView) -> list[dict[str, Any]]:
    return [{"a": row.link.a, "b": row.link.b, "kind": str(row.link.kind),
             "found": str(row.link.verdict), "verdict": row.verdict,
             "jaccard": round(row.link.jaccard, 4), "containment": round(row.link.containment, 4),
             "inside": row.link.inside, "reason": row.decision or row.link.reason}
            for row in view.copy_links()]


def _entities(entities: list[EntityRow], ids: dict[tuple[str, int], str],
              extractions: list[Extraction], rows: list[DocumentRow]) -> list[dict[str, Any]]:
    """Case entities, each with every mention in context (the sentence it is in)."""
    texts = {row.id: row.text or "" for row in rows}
    mentions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for extraction in extractions:
        body = texts.get(extraction.document_id, "")
        for m in extraction.mentions:
            entity = ids.get((extraction.document_id, m.entity))
            if entity is not None:
                mentions[entity].append({
                    "document": extraction.document_id,
                    "quote": body[m.sentence_start:m.sentence_end] or m.text,
                    "text": m.text, "start": m.start, "end": m.end})
    return [{"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
             "protected": False, "media": e.media, "merges": list(e.reasons),
             "documents": e.documents, "mentions": mentions.get(e.id, [])}
            for e in entities]


def _claims(entities: list[EntityRow], ids: dict[tuple[str, int], str],
            extractions: list[Extraction], rows: list[DocumentRow]) -> list[dict[str, Any]]:
    """Until corroboration clusters them (issue 6), one claim per statement, with its single
    mention."""
    names = {e.id: e.name for e in entities}
    documents = {row.id: row for row in rows}
    claims = []
    for extraction in extractions:
        row = documents.get(extraction.document_id)
        if row is None:
            continue
        outlet = row.outlet_name or row.outlet

        def name(index: int | None, document: str = extraction.document_id) -> str | None:
            if index is None:
                return None
            return names.get(ids.get((document, index), ""))

        for s in extraction.statements:
            a = s.attribution
            stance = "denies" if a.denial else "reports" if (a.reported or a.quoted) \
                else "supports"
            date = next((d for d in s.dates if d.value and not d.value.startswith("--")), None)
            claims.append({
                "id": stable_id("claim", extraction.document_id, str(s.start)),
                "kind": s.kind.value,
                "statement": s.text,
                "status": "denied" if a.denial else "single-source",
                "independent_sources": 1,
                "copy_groups": 1,
                "outlets": [outlet] if outlet else [],
                "event_type": s.event_type,
                "victims": s.victims,
                "quantity": None if s.quantity is None else {
                    "text": s.quantity.text, "low": s.quantity.low, "high": s.quantity.high,
                    "qualifier": s.quantity.qualifier},
                "hedged": a.hedged,
                "dates": [{"text": d.text, "value": d.value, "precision": d.precision.value}
                          for d in s.dates],
                "actors": [n for n in map(name, s.actors) if n],
                "targets": [n for n in map(name, s.targets) if n],
                "places": [n for n in map(name, s.places) if n],
                "mentions": [{
                    "document": extraction.document_id, "quote": s.text,
                    "start": s.start, "end": s.end,
                    "date": date.value if date else None,
                    "stance": stance,
                    "attributed_to": name(a.speaker),
                    "source": name(a.source),
                    "denied_by": name(a.denied_by),
                    "copy_group": row.copy_group,
                    "cues": list(a.cues)}],
                "contested_by": [],
            })
    return claims
