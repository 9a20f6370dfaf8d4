"""Stage 4's frozen records ↔ the JSON kept in `extractions.data`: compact, versioned by the
extractor that wrote it, read back into the same dataclasses."""

from __future__ import annotations

import json
from typing import Any

from ..extract.records import (
    Attribution,
    DateMention,
    EntityType,
    Extraction,
    LocalEntity,
    Mention,
    Precision,
    Quantity,
    Role,
    Statement,
    StatementKind,
)


def encode_extraction(extraction: Extraction) -> str:
    data = {
        "entities": [[e.name, e.type.value, list(e.surfaces), list(e.reasons), e.cue, e.media]
                     for e in extraction.entities],
        "mentions": [[m.start, m.end, m.entity, m.sentence_start, m.sentence_end]
                     for m in extraction.mentions],
        "roles": [[r.entity, r.role, r.of] for r in extraction.roles],
        "statements": [_statement(s) for s in extraction.statements],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _statement(s: Statement) -> dict[str, Any]:
    a = s.attribution
    return {
        "span": [s.start, s.end], "kind": s.kind.value, "event": s.event_type,
        "victims": s.victims,
        "quantity": None if s.quantity is None else [
            s.quantity.start, s.quantity.end, s.quantity.text, s.quantity.low, s.quantity.high,
            s.quantity.qualifier],
        "attribution": [a.speaker, a.source, a.quoted, a.reported, a.denial, a.denied_by,
                        a.hedged, list(a.cues)],
        "dates": [[d.start, d.end, d.text, d.value, d.precision.value] for d in s.dates],
        "actors": list(s.actors), "targets": list(s.targets), "places": list(s.places),
    }


def decode_extraction(document_id: str, text: str, data: str) -> Extraction:
    """`text` is the document's body, which the offsets point into."""
    raw = json.loads(data)
    entities = tuple(
        LocalEntity(index=i, name=name, type=EntityType(kind), surfaces=tuple(surfaces),
                    reasons=tuple(reasons), cue=cue, media=media)
        for i, (name, kind, surfaces, reasons, cue, media) in enumerate(raw["entities"]))
    mentions = tuple(Mention(start, end, text[start:end], entity, s_start, s_end)
                     for start, end, entity, s_start, s_end in raw["mentions"])
    roles = tuple(Role(entity, role, of) for entity, role, of in raw["roles"])
    statements = []
    for s in raw["statements"]:
        start, end = s["span"]
        sentence = text[start:end]
        q = s["quantity"]
        speaker, source, quoted, reported, denial, denied_by, hedged, cues = s["attribution"]
        statements.append(Statement(
            start=start, end=end, text=sentence, kind=StatementKind(s["kind"]),
            event_type=s["event"], victims=s["victims"],
            quantity=None if q is None else Quantity(*q),
            attribution=Attribution(speaker, source, quoted, reported, denial, denied_by,
                                    hedged, tuple(cues)),
            dates=tuple(DateMention(a, b, t, v, Precision(p)) for a, b, t, v, p in s["dates"]),
            actors=tuple(s["actors"]), targets=tuple(s["targets"]), places=tuple(s["places"])))
    return Extraction(document_id=document_id, entities=entities, mentions=mentions,
                      roles=roles, statements=tuple(statements))
