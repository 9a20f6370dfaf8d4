"""Frozen records ↔ the JSON kept in the store, read back into the same dataclasses: stage 4's
extractions (`extractions.data`, versioned by the extractor that wrote it) and stage 5's claims
(`claims.data`, with every mention's evidence)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from ..corroborate.records import (
    Claim,
    DenialLink,
    Evidence,
    Figure,
    Figures,
    Origin,
    Status,
)
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


@dataclass(frozen=True)
class StoredExtraction:
    """An extraction as the store keeps it: `extractions.data` and its `document_entities`
    rows. Made where the document was read: a worker process sends back these strings, as
    pickling the records there and unpickling them in the writing process cost more than
    encoding them."""

    document_id: str
    data: str  # encode_extraction
    statements: int
    entities: tuple[dict[str, Any], ...]  # document_entities rows, case entity not yet known


def stored_extraction(extraction: Extraction) -> StoredExtraction:
    mentions = Counter(m.entity for m in extraction.mentions)
    entities = tuple(
        {"document_id": extraction.document_id, "idx": entity.index, "name": entity.name,
         "type": entity.type.value, "media": entity.media,
         "surfaces": json.dumps(list(entity.surfaces), ensure_ascii=False),
         "reasons": json.dumps(list(entity.reasons), ensure_ascii=False),
         "mentions": mentions.get(entity.index, 0), "entity_id": None}
        for entity in extraction.entities)
    return StoredExtraction(extraction.document_id, encode_extraction(extraction),
                            len(extraction.statements), entities)


def _statement(s: Statement) -> dict[str, Any]:
    a = s.attribution
    return {
        "span": [s.start, s.end], "kind": s.kind.value, "event": s.event_type,
        "victims": s.victims,
        "quantity": None if s.quantity is None else [
            s.quantity.start, s.quantity.end, s.quantity.text, s.quantity.low, s.quantity.high,
            s.quantity.qualifier],
        "attribution": [a.speaker, a.source, a.quoted, a.reported, a.denial, a.denied_by,
                        a.hedged, list(a.cues), a.noncommittal],
        "dates": [[d.start, d.end, d.text, d.value, d.precision.value] for d in s.dates],
        "actors": list(s.actors), "targets": list(s.targets), "places": list(s.places),
        "events": list(s.events),
        **({"gloss": list(s.gloss)} if s.gloss else {}),
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
        speaker, source, quoted, reported, denial, denied_by, hedged, cues, *rest = \
            s["attribution"]
        statements.append(Statement(
            start=start, end=end, text=sentence, kind=StatementKind(s["kind"]),
            event_type=_interned(s["event"]), victims=s["victims"],
            quantity=None if q is None else Quantity(*q),
            attribution=Attribution(speaker, source, quoted, reported, denial, denied_by,
                                    hedged, tuple(cues), bool(rest and rest[0])),
            dates=tuple(DateMention(a, b, t, v, Precision(p)) for a, b, t, v, p in s["dates"]),
            actors=tuple(s["actors"]), targets=tuple(s["targets"]), places=tuple(s["places"]),
            events=tuple(map(sys.intern, s.get("events", ()))),
            gloss=tuple(map(sys.intern, s.get("gloss", ())))))
    return Extraction(document_id=document_id, entities=entities, mentions=mentions,
                      roles=roles, statements=tuple(statements))


def _interned(value: str | None) -> str | None:
    """One string object for a value many records repeat (an event type)."""
    return None if value is None else sys.intern(value)


# -- stage 5 ------------------------------------------------------------------------------------


def encode_claim(claim: Claim, links: Sequence[DenialLink]) -> str:
    """A claim's origins, figures, reasons and denial links (its members are rows of
    `claim_mentions`, their evidence rows of `claim_evidence`)."""
    data = {
        "origins": [[o.key, o.label, list(o.mentions), list(o.reasons)] for o in claim.origins],
        "copy_groups": claim.copy_groups, "outlets": list(claim.outlets),
        "figures": None if claim.figures is None else {
            "values": [[v.mention, v.text, v.low, v.high, v.origin]
                       for v in claim.figures.values],
            "low": claim.figures.low, "high": claim.figures.high,
            "estimate": claim.figures.estimate, "disputed": claim.figures.disputed},
        "reasons": list(claim.reasons), "contested_by": list(claim.contested_by),
        "links": [[link.denial, link.denier, link.denier_name, link.date, link.reason]
                  for link in links],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def encode_evidence(e: Evidence) -> str:
    data = {f.name: getattr(e, f.name) for f in fields(e)}
    data["words"] = sorted(e.words)
    del data["context"]  # its document's, read from `document_entities` with the row
    for key in ("places", "actors", "targets", "events"):
        data[key] = list(data[key])
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def decode_evidence(data: str) -> Evidence:
    """An evidence row without its story (`Evidence.context`): stage 5 puts in the one its
    document has now."""
    e = json.loads(data)
    e.pop("context", None)  # rows written before the story was left out of them
    return Evidence(**{**e, "places": tuple(e["places"]), "actors": tuple(e["actors"]),
                       "targets": tuple(e["targets"]), "events": tuple(e["events"]),
                       "words": frozenset(map(sys.intern, e["words"]))})


def decode_claim(row: Mapping[str, Any], members: Sequence[tuple[str, str]]
                 ) -> tuple[Claim, tuple[DenialLink, ...]]:
    """A `claims` row and its members ((mention, role), in order) → the claim and the denials
    linked to it."""
    raw = json.loads(row["data"])
    figures = raw["figures"]
    claim = Claim(
        id=row["id"], anchor=row["anchor"], kind=row["kind"], event_type=row["event_type"],
        statement=row["statement"],
        mentions=tuple(m for m, role in members if role == "supports"),
        denials=tuple(m for m, role in members if role == "denial"),
        origins=tuple(Origin(key, label, tuple(mentions), tuple(reasons))
                      for key, label, mentions, reasons in raw["origins"]),
        copy_groups=raw["copy_groups"], outlets=tuple(raw["outlets"]),
        figures=None if figures is None else Figures(
            values=tuple(Figure(*v) for v in figures["values"]), low=figures["low"],
            high=figures["high"], estimate=figures["estimate"], disputed=figures["disputed"]),
        date=row["date"], precision=row["precision"], status=Status(row["status"]),
        reasons=tuple(raw["reasons"]), contested_by=tuple(raw["contested_by"]))
    links = tuple(DenialLink(denial, row["id"], denier, name, date, reason)
                  for denial, denier, name, date, reason in raw["links"])
    return claim, links
