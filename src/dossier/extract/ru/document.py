"""One Russian body → its `Extraction`, in the same records as an English one, so that every
later stage reads both alike (docs/russian.md)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..document import asserts, heading, involved, mentions_in, statement_kind, with_sentences
from ..records import (
    Attribution,
    EntityType,
    Extraction,
    LocalEntity,
    Mention,
    Sentence,
    Statement,
    StatementKind,
)
from ..text import sentences
from .dates import find_dates
from .entities import recognise, words_of
from .morph import parse
from .statements import attribution_of, event_of, gloss, quantity_of, victims_of

# "об этом сообщил …", "об этом рассказала …": the speaker of the sentence before.
ABOUT_THIS = re.compile(r"\b[Оо]б\s+этом\b")


def extract_russian(text: str, *, document_id: str, published: dt.date | None,
                    outlet: str | None) -> Extraction:
    """Everything stage 4 finds in one Russian body (`outlet`, the document's own outlet, is
    taken for the same call as `extract_document`; the Russian rules do not read it yet)."""
    found = sentences(parse(text))
    entities, mentions, roles = recognise(text, found)
    statements: list[Statement] = []
    previous: int | None = None  # the last speaker or person named
    outlet_named: int | None = None  # the last news outlet named
    position = 0
    for sentence in found:
        here, position = mentions_in(mentions, sentence, position)
        statement = _statement(sentence, here, entities, published, previous, outlet_named)
        if statement is not None:
            if statements and _about_this(statement):
                statements[-1] = _told_by(statements[-1], statement.attribution)
            statements.append(statement)
            previous = statement.attribution.speaker or previous
        people = [m.entity for m in here if entities[m.entity].type is EntityType.PERSON]
        outlets = [m.entity for m in here if entities[m.entity].media]
        outlet_named = outlets[-1] if outlets else outlet_named
        if statement is None or statement.attribution.speaker is None:
            previous = people[-1] if people else previous
    return Extraction(document_id=document_id, entities=entities,
                      mentions=with_sentences(mentions, found), roles=roles,
                      statements=tuple(statements))


def _statement(sentence: Sentence, here: list[Mention], entities: tuple[LocalEntity, ...],
               published: dt.date | None, previous: int | None, outlet: int | None
               ) -> Statement | None:
    text = sentence.text
    if text.rstrip("»”\"' )").endswith("?") or text.strip().endswith(":"):
        return None
    words = words_of(text, sentence.start)
    lemmas = [w.lemma for w in words]
    event, events = event_of(lemmas)
    quantity = quantity_of(text, sentence.start, words)
    dates = find_dates(text, published)
    attribution = attribution_of(text, words, here, entities, previous, outlet)
    if event is None and quantity is None and heading(text):
        return None  # a heading or a label
    if not asserts(event.type if event else None, quantity, dates, attribution, here,
                   len(words)):
        return None
    places, actors, targets = involved(here, entities, attribution,
                                       words[event.at].start if event is not None else None)
    return Statement(
        start=sentence.start, end=sentence.end, text=text,
        kind=statement_kind(attribution, quantity), event_type=event.type if event else None,
        victims=victims_of(words, event) if event else None, quantity=quantity,
        attribution=attribution, dates=dates, actors=actors, targets=targets, places=places,
        events=events, gloss=gloss(words, here))


def _about_this(statement: Statement) -> bool:
    """"Об этом сообщила «Новая газета»": the sentence names who told the one before."""
    a = statement.attribution
    return (a.speaker is not None or a.source is not None) and \
        ABOUT_THIS.search(statement.text) is not None


def _told_by(statement: Statement, told: Attribution) -> Statement:
    """The sentence before "об этом сообщил X", with X as its speaker or source when it has
    neither."""
    a = statement.attribution
    if a.speaker is not None or a.source is not None:
        return statement
    kind = statement.kind if statement.kind is not StatementKind.EVENT else StatementKind.REPORT
    return replace(statement, kind=kind, attribution=replace(
        a, speaker=told.speaker, source=told.source, reported=True,
        cues=(*a.cues, "об этом")))
