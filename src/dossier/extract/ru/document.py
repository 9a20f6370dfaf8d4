"""One Russian body → its `Extraction`, in the same records as an English one, so that every
later stage reads both alike (docs/russian.md)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from ..document import asserts, heading, involved, mentions_in, statement_kind, with_sentences
from ..interviews import Turn, answer_turns
from ..records import (
    Attribution,
    EntityType,
    Extraction,
    LocalEntity,
    Mention,
    Role,
    Sentence,
    Statement,
    StatementKind,
)
from ..text import sentences
from .dates import find_dates
from .entities import Word, recognise, words_of
from .lexicon import find, lexicon
from .morph import name_lemmas, parse
from .statements import (
    ABUSES,
    STATE_BODY_WORDS,
    Voices,
    attribution_of,
    event_of,
    gloss,
    quantity_of,
    victims_of,
)

# Roles that are offices: their holder speaks for the state (never a lawyer or an activist).
OFFICIAL_ROLES = frozenset({"spokesman", "head", "president", "minister", "prime minister",
                            "chairman", "commissioner", "ombudsman", "prosecutor general",
                            "prosecutor", "judge", "deputy", "mayor", "governor", "chief",
                            "investigator"})
# Russian titles of an office within this many words before a speaker's name.
OFFICIAL_TITLES = frozenset({"пресс-секретарь", "представитель", "глава", "министр",
                             "президент", "уполномоченный", "омбудсмен", "прокурор",
                             "губернатор", "мэр", "начальник", "руководитель", "спикер"})
OFFICE_WINDOW = 6  # "Уполномоченный по правам человека в Чечне Нурди Нухажиев"

# "об этом сообщил …", "об этом рассказала …": the speaker of the sentence before.
ABOUT_THIS = re.compile(r"\b[Оо]б\s+этом\b")
# A line that says a statement follows in full ("Приводим его текст полностью.", "Публикуем
# заявление без сокращений."): the paragraphs after it are the issuer's words.
PRINTED_IN_FULL = re.compile(r"\b(?:полностью|целиком|без\s+сокращений|дословно)\b",
                             re.IGNORECASE)
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def extract_russian(text: str, *, document_id: str, published: dt.date | None,
                    outlet: str | None) -> Extraction:
    """Everything stage 4 finds in one Russian body (`outlet`: the document's own outlet,
    which the body may name but never cites)."""
    found = sentences(parse(text))
    entities, mentions, roles = recognise(text, found)
    turns = answer_turns(text, found, mentions, entities)
    statements: list[Statement] = []
    voices = Voices(own=_own_outlet(entities, outlet))
    issuer: int | None = None  # who issued the statement printed in full being read
    printed_from = len(text)  # where that statement starts
    officials = _officials(entities, roles)
    abuse = False  # whether a statement so far reports an abuse (an official may answer it)
    position = 0
    for sentence in found:
        here, position = mentions_in(mentions, sentence, position)
        context = Context(voices, officials, abuse=abuse)
        printed = replace(context, given=issuer, cue="statement printed in full") \
            if issuer is not None and sentence.start >= printed_from else None
        interviewee = _interviewee(turns, sentence)
        # whose words the sentence is when it names nobody: an answer's interviewee, else the
        # issuer of a statement printed in full, whether or not it names anything (a sentence
        # with a speaker or source of its own keeps it, so it tells the printed one has ended)
        statement = _statement(sentence, here, entities, published, (
            replace(context, given=interviewee, cue="interview answer")
            if interviewee is not None else printed or context))
        if printed is not None and issuer is not None and _answered_elsewhere(
                text, sentence, statement if interviewee is None else
                _statement(sentence, here, entities, published, printed), issuer):
            issuer = None
        if statement is not None:
            speaker = statement.attribution.speaker
            if speaker is not None and _introduced_with_office(speaker, sentence, here,
                                                               entities):
                officials.add(speaker)  # "По его словам, …" later is an official's too
            if statements and _about_this(statement):
                statements[-1] = _told_by(statements[-1], statement.attribution)
            statements.append(statement)
            abuse = abuse or statement.event_type in ABUSES
        if PRINTED_IN_FULL.search(sentence.text) and len(sentence.text.split()) <= 8:
            issuer = voices.previous if voices.previous is not None else (
                voices.organisations[-1] if voices.organisations else None)
            printed_from = sentence.end
        voices = _heard(voices, statement, here, entities)
    return Extraction(document_id=document_id, entities=entities,
                      mentions=with_sentences(mentions, found), roles=roles,
                      statements=tuple(statements))


def _heard(voices: Voices, statement: Statement | None, here: list[Mention],
           entities: tuple[LocalEntity, ...]) -> Voices:
    """What a sentence adds to who may speak in the next ones: its speaker, else the last
    person it names; the last outlet and the organisations it names."""
    people = [m.entity for m in here if entities[m.entity].type is EntityType.PERSON]
    outlets = [m.entity for m in here if entities[m.entity].media]
    bodies = [m.entity for m in here if entities[m.entity].type is EntityType.ORGANIZATION
              and not entities[m.entity].media]
    speaker = statement.attribution.speaker if statement is not None else None
    previous = speaker if speaker is not None else people[-1] if people else voices.previous
    organisations = tuple(e for e in voices.organisations if e not in bodies) + tuple(
        dict.fromkeys(bodies))
    return replace(voices, previous=previous, outlet=outlets[-1] if outlets else voices.outlet,
                   organisations=organisations)


def _own_outlet(entities: tuple[LocalEntity, ...], outlet: str | None) -> frozenset[int]:
    """The entities that are the document's own outlet named in its body, in any case
    ("сказал «Горному курьеру»" in Горный курьер)."""
    if not outlet:
        return frozenset()
    own = name_lemmas(outlet)
    return frozenset(e.index for e in entities if e.type is EntityType.ORGANIZATION and any(
        name_lemmas(surface) == own for surface in (e.name, *e.surfaces)))


def _interviewee(turns: tuple[Turn, ...], sentence: Sentence) -> int | None:
    """The interviewee when the sentence is in an interview's answer (extract/interviews.py)."""
    return next((t.interviewee for t in turns if t.start <= sentence.start < t.end), None)


def _answered_elsewhere(text: str, sentence: Sentence, statement: Statement | None,
                        issuer: int) -> bool:
    """Whether a statement printed in full has ended: a paragraph opens with someone else's
    words («Новая газета» в ответ заявила …)."""
    opens = PARAGRAPH_BREAK.search(text[max(0, sentence.start - 4):sentence.start]) is not None
    if not opens or statement is None:
        return False
    a = statement.attribution
    return a.source is not None or (a.speaker is not None and a.speaker != issuer)


@dataclass(frozen=True)
class Context:
    """What the body before a sentence tells about it."""

    voices: Voices
    officials: set[int]  # entities that speak for the state
    abuse: bool  # the body has reported an abuse: an official's account may answer it
    given: int | None = None  # whose words the sentence is (an answer, a printed statement)
    cue: str = ""


def _officials(entities: tuple[LocalEntity, ...], roles: tuple[Role, ...]) -> set[int]:
    """State bodies by their names' words ("Министерство …", "МВД …") and people whose role
    is an office."""
    found = {e.index for e in entities if e.type is EntityType.ORGANIZATION and not e.media
             and STATE_BODY_WORDS.intersection(name_lemmas(e.name))}
    return found | {r.entity for r in roles if r.role in OFFICIAL_ROLES}


def _introduced_with_office(speaker: int, sentence: Sentence, here: list[Mention],
                            entities: tuple[LocalEntity, ...]) -> bool:
    """Whether the sentence introduces its speaker with an office ("заявил представитель
    министерства Габор Лист", "Уполномоченный по правам человека … Нурди Нухажиев")."""
    at = next((m.start for m in here if m.entity == speaker), None)
    if at is None or entities[speaker].type is not EntityType.PERSON:
        return False
    before = words_of(sentence.text[:at - sentence.start], sentence.start)
    return any(w.lemma in OFFICIAL_TITLES for w in before[-OFFICE_WINDOW:])


def _spoken(attribution: Attribution, speaker: int, cue: str) -> Attribution:
    """A sentence with no speaker or source of its own, given to the one whose words it is
    (an interview's answer, a statement printed in full); its denial is theirs too."""
    a = attribution
    if a.speaker is not None or a.source is not None:
        return a
    return replace(a, speaker=speaker, denied_by=speaker if a.denial and a.denied_by is None
                   else a.denied_by, cues=(*a.cues, cue))


def _counter_account(attribution: Attribution, words: list[Word], context: Context,
                     official: bool) -> Attribution:
    """An official's account of what happened instead, once the body has reported an abuse
    («задержанные были отпущены домой», «действуют строго в рамках закона», «обычный отдел
    полиции», «никаких тюрем там нет»): a denial by the official (docs/russian.md)."""
    a = attribution
    if a.denial or a.noncommittal or not context.abuse or a.speaker is None or not official:
        return a
    forms = [w.lemma for w in words]
    hit = find(lexicon().counter_accounts, forms)
    cue = " ".join(hit[1]) if hit is not None else ""
    if hit is None and "никакой" in forms and ("нет" in forms or find((("не", "быть"),), forms)):
        cue = "никакой … нет"  # "никаких секретных тюрем там нет": none exist
    if not cue:
        return a
    return replace(a, denial=True, denied_by=a.speaker, cues=(*a.cues, cue))


def _statement(sentence: Sentence, here: list[Mention], entities: tuple[LocalEntity, ...],
               published: dt.date | None, context: Context) -> Statement | None:
    text = sentence.text
    if text.rstrip("»”\"' )").endswith("?") or text.strip().endswith(":"):
        return None
    words = words_of(text, sentence.start)
    lemmas = [w.lemma for w in words]
    event, events = event_of(lemmas)
    quantity = quantity_of(text, sentence.start, words)
    dates = find_dates(text, published)
    attribution = attribution_of(text, words, here, entities, context.voices)
    if context.given is not None:
        attribution = _spoken(attribution, context.given, context.cue)
    speaker = attribution.speaker
    attribution = _counter_account(attribution, words, context, speaker is not None and (
        speaker in context.officials
        or _introduced_with_office(speaker, sentence, here, entities)))
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
