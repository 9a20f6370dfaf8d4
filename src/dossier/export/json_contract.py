"""The public JSON export (docs/export.md, docs/export.schema.json)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from .. import __version__
from ..corroborate.records import Evidence, Stance
from ..extract.records import Extraction
from ..models import REMOVED_KINDS, Block, BlockKind
from ..protect import Redactor
from ..protect.people import case_redactor
from ..store import CaseView, DocumentRow
from ..store.views import EntityRow, StoredClaim, TimelineRow

REMOVED = frozenset(str(kind) for kind in REMOVED_KINDS)
HEADER = frozenset({str(BlockKind.TITLE), str(BlockKind.METADATA)})

FORMAT = "dossier-case"
# (claim, witness pseudonym) → the testimony's supporting statement: only for a cleared output
Quotes = Mapping[tuple[str, str], str]
CONFIDENTIAL_ORIGIN = ("a confidential witness testimony: an origin of its own; its words and "
                       "its witness are sealed in the case")
FORMAT_VERSION = 1


def case_json(view: CaseView, hiding: Redactor | None = None,
              quotes: Quotes | None = None) -> dict[str, Any]:
    """The whole case as the public contract describes it, protected people as pseudonyms
    (`hiding`: the case's own redactor unless given; a cleared export gives one that hides
    nobody), and — for a cleared export, `quotes` — each confidential origin's supporting
    statement."""
    data = _case_json(view, quotes or {})
    return redacted(data, case_redactor(view) if hiding is None else hiding)


def redacted(data: dict[str, Any], hiding: Redactor) -> dict[str, Any]:
    """The contract with protected people's names and entity IDs hidden; the offsets of
    mentions moved to the same places in the redacted bodies, and protected entities
    marked `protected`."""
    if not hiding.active:
        return data
    moved = {}
    for d in data["documents"]:
        if d["text"]:
            moved[d["id"]] = hiding.text_with_offsets(d["text"])[1]
    for e in data["entities"]:
        e["protected"] = hiding.hides(e["id"]) or hiding.text(e["name"]) != e["name"]
    for m in [*(m for e in data["entities"] for m in e["mentions"]),
              *(m for c in data["claims"] for m in c["mentions"])]:
        move = moved.get(m["document"])
        if move is not None:
            m["start"], m["end"] = move(m["start"]), move(m["end"])
    return hiding.apply(data)


def _case_json(view: CaseView, quotes: Quotes) -> dict[str, Any]:
    rows = view.documents()
    extractions = view.extractions()
    ids = view.entity_ids()
    entities = view.entities()
    stored = view.claims()
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
        "claims": [claim_json(c, quotes) for c in stored],
        "timeline": timeline_json(view.timeline(), {s.claim.id: s for s in stored}),
        "undated_claims": [s.claim.id for s in stored if s.claim.date is None],
    }


def _documents(view: CaseView, rows: list[DocumentRow]) -> list[dict[str, Any]]:
    blocks = view.blocks_of([row.id for row in rows])
    return [document_json(row, blocks.get(row.id, [])) for row in rows]


def document_json(row: DocumentRow, blocks: list[Block]) -> dict[str, Any]:
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


def claim_json(stored: StoredClaim, quotes: Quotes | None = None) -> dict[str, Any]:
    c, evidence = stored.claim, stored.evidence
    origin_of = {m: o.label for o in c.origins for m in o.mentions}
    mentions = [mention_json(evidence[m], origin_of.get(m)) for m in claim_passages(stored)]
    return {**claim_summary_json(stored, {m: e.document for m, e in evidence.items()}, quotes),
            "mentions": mentions}


def claim_passages(stored: StoredClaim) -> list[str]:
    """A claim's passages in the contract's order: its supporting mentions, then the denials
    (those of a denial claim, and those linked to the claim they deny)."""
    c = stored.claim
    return [*c.mentions, *dict.fromkeys([*c.denials, *(link.denial for link in stored.links)])]


def claim_summary_json(stored: StoredClaim, document_of: Mapping[str, str],
                       quotes: Quotes | None = None) -> dict[str, Any]:
    """A claim as the contract has it, less its passages: `document_of` gives each mention's
    document, and the evidence needs only the denials linked to it."""
    c, evidence = stored.claim, stored.evidence
    origin_of = {m: o.label for o in c.origins for m in o.mentions}
    f = c.figures
    return {
        "id": c.id,
        "kind": c.kind,
        "statement": c.statement,
        "status": c.status.value,
        "independent_sources": stored.independent_sources,
        "copy_groups": c.copy_groups,
        "outlets": list(c.outlets),
        "event_type": c.event_type,
        "date": c.date,
        "precision": c.precision,
        "figures": None if f is None else {
            "low": f.low, "high": f.high, "estimate": f.estimate, "disputed": f.disputed,
            "values": [{"text": v.text, "low": v.low, "high": v.high,
                        "document": document_of[v.mention],
                        "origin": origin_of.get(v.mention)} for v in f.values]},
        "origins": [*({"label": o.label, "mentions": len(o.mentions),
                       "documents": sorted({document_of[m] for m in o.mentions}),
                       "reasons": list(o.reasons)} for o in c.origins),
                    *({"label": f"{pseudonym}'s testimony", "mentions": 1, "documents": [],
                       "reasons": [CONFIDENTIAL_ORIGIN], "confidential": True,
                       **({"quote": quotes[(c.id, pseudonym)]}
                          if quotes and (c.id, pseudonym) in quotes else {})}
                      for pseudonym in stored.confidential)],
        "merges": list(c.reasons),
        "contested_by": list(c.contested_by),
        "denied_by": [{"denier": link.denier_name, "document": evidence[link.denial].document,
                       "quote": evidence[link.denial].text, "date": link.date,
                       "reason": link.reason} for link in stored.links],
    }


def mention_json(e: Evidence, origin: str | None) -> dict[str, Any]:
    stance = Stance.DENIES if e.denial else Stance.REPORTS if e.reported else Stance.SUPPORTS
    return {
        "document": e.document, "quote": e.text, "start": e.start, "end": e.end,
        "kind": e.kind, "event_type": e.event_type,
        "date": e.date, "stance": stance.value, "attributed_to": e.speaker_name,
        "source": e.cited_name, "denied_by": e.denied_by_name, "hedged": e.hedged,
        "quantity": e.quantity, "copy_group": e.copy_group, "outlet": e.outlet_name,
        "origin": origin}


def timeline_json(rows: list[TimelineRow], claims: dict[str, StoredClaim]
                  ) -> list[dict[str, Any]]:
    entries = []
    for row in rows:
        s = claims[row.claim]
        e = s.evidence[row.mention]
        entries.append({"date": row.date, "precision": row.precision, "claim": row.claim,
                        "document": e.document, "quote": e.text, "kind": row.kind,
                        "status": s.claim.status.value,
                        "independent_sources": s.independent_sources,
                        "statement": s.claim.statement})
    return entries
