"""Statements of stage 4 → `Evidence`: each statement with its case entities, its date, its
content words, and where it comes from (document, copy group, outlet, cited outlet)."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Mapping

from spacy.lang.en.stop_words import STOP_WORDS

from ..copies.outlets import outlet_key
from ..extract.records import Extraction, Statement
from ..extract.ru.entities import CYRILLIC
from ..extract.ru.statements import english_lemma
from ..extract.text import lemma
from .records import DocumentInfo, Evidence, mention_id

# Words that say how a fact reached the page, not what the fact is: two reports of one fact
# differ in them ("X said", "according to Y", "reportedly"), so they are left out of the
# content words that statements are compared on.
VOICE_WORDS = frozenset({
    "say", "said", "tell", "told", "report", "reported", "according", "accord", "claim",
    "allege", "alleged", "allegedly", "reportedly", "add", "note", "state",
    "describe", "write", "wrote", "quote", "cite", "citing", "interview", "newspaper",
    "outlet", "statement", "also", "would", "could", "may", "might", "week",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "year",
    "month", "day", "last", "earlier", "later", "ago", "since",
    # how a denial speaks of what it denies
    "allegation", "accusation", "fabrication", "fabricate", "lie", "deny", "dismiss", "reject",
    "rumour", "rumor", "provocation", "provocative", "slander", "libel", "libelous", "false",
    "untrue", "invent", "baseless", "nonsense", "account", "story", "article", "publication",
})
WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


def content_words(text: str) -> frozenset[str]:
    """The lemmas of a sentence's content words, voice words and stop words left out."""
    found = set()
    for match in WORD.finditer(text):
        lower = match.group().lower().replace("\u2019", "'").removesuffix("'s")
        if len(lower) < 3 or lower in STOP_WORDS:
            continue
        word = lemma(lower)
        if word not in VOICE_WORDS and word not in STOP_WORDS:
            found.add(sys.intern(word))  # one string per word across the case's statements
    return frozenset(found)


def glossed_words(gloss: Iterable[str]) -> frozenset[str]:
    """The content words of a sentence in another language, from its gloss (stage 4)."""
    return frozenset(sys.intern(w) for w in gloss
                     if w not in VOICE_WORDS and w not in STOP_WORDS)


def victim_words(victims: str | None) -> str | None:
    """ "dozens of gay men" → "man": the head noun's lemma, what two reports must share."""
    if not victims:
        return None
    if CYRILLIC.search(victims):
        return sys.intern(english_lemma(WORD.findall(victims)[-1]))
    words = [lemma(w.lower()) for w in WORD.findall(victims)]
    return sys.intern(words[-1]) if words else None


def evidence_of(extraction: Extraction, document: DocumentInfo,
                entity_ids: Mapping[tuple[str, int], str], names: Mapping[str, str],
                cited_outlet: Callable[[str], tuple[str, str]]) -> list[Evidence]:
    """One document's statements as evidence. `cited_outlet` maps a cited outlet's name as
    written to its origin key (the same key its own articles have) and the name to show (the
    outlet record's, when the case knows the outlet)."""
    did = extraction.document_id

    def case_id(index: int | None) -> str | None:
        return None if index is None else entity_ids.get((did, index))

    def case_ids(indexes: Iterable[int]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e for e in map(case_id, indexes) if e is not None))

    found = []
    for s in extraction.statements:
        a = s.attribution
        speaker, denier = case_id(a.speaker), case_id(a.denied_by)
        cited, cited_name = (cited_outlet(extraction.entities[a.source].name)
                             if a.source is not None else (None, None))
        date, precision = _first_date(s)
        found.append(Evidence(
            id=mention_id(did, s.start), document=did, start=s.start, end=s.end, text=s.text,
            kind=s.kind.value, event_type=s.event_type, events=s.events,
            victims=victim_words(s.victims),
            low=s.quantity.low if s.quantity else None,
            high=s.quantity.high if s.quantity else None,
            quantity=s.quantity.text if s.quantity else None,
            date=date, precision=precision, published=document.published,
            places=case_ids(s.places), actors=case_ids(s.actors), targets=case_ids(s.targets),
            speaker=speaker, speaker_name=names.get(speaker or ""),
            denial=a.denial, denied_by=denier, denied_by_name=names.get(denier or ""),
            hedged=a.hedged, reported=a.reported or a.quoted,
            cited=cited, cited_name=cited_name,
            copy_group=document.copy_group, outlet=document.outlet,
            outlet_name=document.outlet_name, title=document.title,
            testimony=document.testimony,
            words=glossed_words(s.gloss) if s.gloss else content_words(s.text),
            context=document.context,
            noncommittal=a.noncommittal))
    return found


def _first_date(s: Statement) -> tuple[str | None, str | None]:
    """The first date of the sentence that has a year (a partial date without one cannot be
    placed on a timeline)."""
    for d in s.dates:
        if d.value and not d.value.startswith("--"):
            return d.value, d.precision.value
    return None, None


def own_outlet_key(outlet: str | None, outlet_name: str | None) -> str | None:
    """The origin key of a publishing outlet: its outlet record, or else its name."""
    if outlet:
        return f"outlet:{outlet}"
    if outlet_name:
        return f"name:{outlet_key(outlet_name)}"
    return None
