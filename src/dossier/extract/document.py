"""One document body → its `Extraction`: sentences, entities, then for every sentence that
asserts something checkable a `Statement` with its kind, event type, victims, quantity,
attribution, dates and the entities it involves."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from dossier.extract.attribution import attribute
from dossier.extract.dates import find_dates
from dossier.extract.entities import recognise
from dossier.extract.events import event_trigger, event_type, event_types, victims
from dossier.extract.quantities import first_quantity
from dossier.extract.records import (
    Attribution,
    DateMention,
    EntityType,
    Extraction,
    LocalEntity,
    Mention,
    Quantity,
    Sentence,
    Statement,
    StatementKind,
)
from dossier.extract.text import parse, sentences, tokens

# A sentence with none of the signals below asserts something checkable only if it names an
# entity and has at least this many words ("He was 29." is colour, not a statement).
STATEMENT_MIN_WORDS = 6
# A line that does not end as a sentence does (".", "!", "?", a closing quote) and has at most
# this many words, with no event or number in it, is a heading or a label ("What the
# authorities say", "Recorded: May 2017"), not an assertion. ("40 detained in Vaskor" as a
# bullet without a full stop is kept: it names an event.)
HEADING_MAX_WORDS = 14
SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s*$|[\"\u201d\u2019]\s*$")
# An appeal to the reader asserts nothing ("Please give what you can to …").
APPEAL = re.compile(r"^\W*please\b", re.IGNORECASE)


def extract_document(text: str, *, document_id: str, published: dt.date | None,
                     outlet: str | None) -> Extraction:
    """Everything stage 4 finds in one body (`text` is the document's clean body)."""
    doc = parse(text)
    found = sentences(doc)
    entities, mentions, roles = recognise(doc, found, outlet)
    attributions = attribute(doc, found, mentions, entities, outlet)
    statements = []
    alphabetic = doc.to_array("IS_ALPHA").tolist()  # per token: 1 for a word of letters
    anchor: DateMention | None = None
    position = 0
    for sentence, attribution in zip(found, attributions, strict=True):
        dates = find_dates(sentence.text, published, anchor)
        for date in dates:
            if date.value is not None:
                anchor = date
        here, position = mentions_in(mentions, sentence, position)
        statement = _statement(doc, sentence, attribution, dates, here, entities, alphabetic)
        if statement is not None:
            statements.append(statement)
    return Extraction(document_id=document_id, entities=entities,
                      mentions=with_sentences(mentions, found), roles=roles,
                      statements=tuple(statements))


def with_sentences(mentions: Sequence[Mention], found: Sequence[Sentence]
                   ) -> tuple[Mention, ...]:
    """Each mention (in text order) with the sentence it stands in."""
    placed = []
    k = 0
    for mention in mentions:
        while k + 1 < len(found) and found[k].end <= mention.start:
            k += 1
        sentence = found[k] if found else Sentence(mention.start, mention.end, mention.text)
        placed.append(Mention(mention.start, mention.end, mention.text, mention.entity,
                              sentence.start, max(sentence.end, mention.end)))
    return tuple(placed)


def mentions_in(mentions: Sequence[Mention], sentence: Sentence,
                position: int) -> tuple[list[Mention], int]:
    """The mentions inside a sentence, read on from `position` (mentions in text order);
    and where to read on for the next sentence."""
    while position < len(mentions) and mentions[position].start < sentence.start:
        position += 1
    here = []
    k = position
    while k < len(mentions) and mentions[k].end <= sentence.end:
        here.append(mentions[k])
        k += 1
    return here, k


def _statement(doc: Doc, sentence: Sentence, attribution: Attribution,
               dates: tuple[DateMention, ...], here: list[Mention],
               entities: Sequence[LocalEntity], alphabetic: list[int]) -> Statement | None:
    if sentence.text.rstrip("”’\"' )").endswith("?"):
        return None  # a question asserts nothing
    if _introduces_or_appeals(sentence.text):
        return None
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return None
    event = event_type(span)
    quantity = first_quantity(sentence.text)
    words = sum(alphabetic[span.start:span.end])
    if event is None and quantity is None and heading(sentence.text):
        return None
    if not asserts(event, quantity, dates, attribution, here, words):
        return None
    places, actors, targets = involved(here, entities, attribution,
                                       _trigger_offset(span, event))
    return Statement(
        start=sentence.start, end=sentence.end, text=sentence.text,
        kind=statement_kind(attribution, quantity), event_type=event,
        victims=victims(span, event) if event else None, quantity=quantity,
        attribution=attribution, dates=dates, actors=actors, targets=targets, places=places,
        events=event_types(span) if event else ())


def asserts(event: str | None, quantity: Quantity | None, dates: tuple[DateMention, ...],
            attribution: Attribution, here: Sequence[Mention], words: int) -> bool:
    """Whether a sentence asserts something checkable: an event, a count, a date, an
    attribution or a denial, or an entity named in a sentence of some length."""
    return bool(event or quantity or dates or attribution.reported or attribution.quoted
                or attribution.denial or (here and words >= STATEMENT_MIN_WORDS))


def statement_kind(attribution: Attribution, quantity: Quantity | None) -> StatementKind:
    """The statement's kind, the first that applies (records.StatementKind)."""
    if attribution.quoted:
        return StatementKind.QUOTE
    if attribution.denial:
        return StatementKind.DENIAL
    if quantity is not None:
        return StatementKind.QUANTITY
    if attribution.reported:
        return StatementKind.REPORT
    return StatementKind.EVENT


def involved(here: Sequence[Mention], entities: Sequence[LocalEntity],
             attribution: Attribution, trigger: int | None
             ) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """The sentence's places, actors (named before the event's words) and targets (after
    them); its speaker and cited outlet are neither."""
    voices = {attribution.speaker, attribution.source}
    places = tuple(dict.fromkeys(m.entity for m in here
                                 if entities[m.entity].type is EntityType.PLACE))
    others = [m for m in here if entities[m.entity].type is not EntityType.PLACE
              and m.entity not in voices and not entities[m.entity].media]
    actors = tuple(dict.fromkeys(m.entity for m in others if trigger is None
                                 or m.start < trigger))
    targets = tuple(dict.fromkeys(m.entity for m in others if trigger is not None
                                  and m.start >= trigger and m.entity not in actors))
    return places, actors, targets


def _introduces_or_appeals(text: str) -> bool:
    """A line that introduces what follows ("The statement read in full:") or an appeal to
    the reader ("Please give …")."""
    stripped = text.strip()
    return stripped.endswith(":") or APPEAL.match(stripped) is not None


def heading(text: str) -> bool:
    """A short line that does not end as a sentence does: a heading or a label."""
    stripped = text.strip()
    return not SENTENCE_END.search(stripped) and len(stripped.split()) <= HEADING_MAX_WORDS


def _trigger_offset(span: Span, event: str | None) -> int | None:
    """Where the event's words start, so that names before it are actors and after it
    targets ("Police detained X"); None without an event."""
    if event is None:
        return None
    trigger = event_trigger(span)
    if not trigger:
        return None
    # Span.text joins its tokens again; the document's text holds the same characters.
    at = tokens(span.doc).text.find(trigger, span.start_char, span.end_char)
    return at if at >= 0 else None


def publication_date(published: str | None) -> dt.date | None:
    """A document's `published` (ISO date or date-time, as cleaning found it) → its date."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def pipeline_ready() -> None:
    """Load the spaCy pipeline, gazetteers and vocabularies now (they load on first use), so
    that worker processes forked afterwards share them instead of loading their own."""
    extract_document("Mr. Kadyrov said on Monday that 100 men were detained in Grozny.",
                     document_id="warm-up", published=dt.date(2017, 4, 3), outlet=None)
