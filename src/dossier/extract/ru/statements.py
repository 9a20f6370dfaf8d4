"""What a Russian sentence asserts: its event type, victims and first count, who says it (the
speaker, or the outlet it cites), whether it denies, hedges or only declines to inform, and the
English words it is compared on across languages (`Statement.gloss`). The vocabulary is
`data/russian.json` (docs/russian.md)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.lang.ru.stop_words import STOP_WORDS

from ..quantities import bounds
from ..records import Attribution, EntityType, LocalEntity, Mention, Quantity
from .entities import Word
from .lexicon import find, lexicon
from .morph import lemma, lemmas, parses

# Events that are abuses: the main event of a sentence is its first abuse, else its first event.
ABUSES = ("detention", "abduction", "torture", "killing", "death", "disappearance", "threat",
          "blackmail")
# A bare number this large or larger and in this range, without a qualifier, is a year.
YEARS = range(1900, 2100)
NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0]\d{3})+(?![\d])|(?<![\d.,])\d+(?![\d,.]\d)")
# Quotation in guillemets of at least this many words is quoted speech, not a name.
QUOTED_WORDS = 4
# At most this many words between "по словам" and the name it introduces.
NAMED_AFTER_GAP = 4
# Third-person pronouns that stand for the last speaker or person ("Он посоветовал…").
PRONOUNS = frozenset({"он", "она", "они"})
POSSESSIVES = frozenset({"его", "ее", "её", "их"})


@dataclass(frozen=True)
class Event:
    type: str
    at: int  # index of its first word in the sentence


def event_of(lemmas: list[str]) -> tuple[Event | None, tuple[str, ...]]:
    """The main event and every event type the sentence names (main first)."""
    found: list[Event] = []
    for kind, triggers in lexicon().events.items():
        hit = find(triggers, lemmas)
        if hit is not None:
            found.append(Event(kind, hit[0]))
    if not found:
        return None, ()
    found.sort(key=lambda e: (e.type not in ABUSES, e.at))
    return found[0], tuple(e.type for e in found)


def victims_of(words: Sequence[Word], event: Event) -> str | None:
    """The people word nearest the event's words, after them first ("задержаны более 100
    мужчин"), else before them."""
    victims = lexicon().victims
    after = [w for w in words[event.at:] if w.lemma in victims]
    before = [w for w in words[:event.at] if w.lemma in victims]
    found = after[0] if after else before[-1] if before else None
    return None if found is None else found.text


def quantity_of(sentence: str, start: int, words: Sequence[Word]) -> Quantity | None:
    """The first count of people or things, with its qualifier ("более 100", "не менее
    трёх", "десятки"), offsets relative to the sentence."""
    lex = lexicon()
    for k, w in enumerate(words):
        vague = _vague_at(words, k)
        if vague is not None:
            size, qualifier, low = vague
            return Quantity(w.start - start, words[k + size - 1].end - start,
                            sentence[w.start - start:words[k + size - 1].end - start],
                            low, None, qualifier)
        if w.lemma in lex.numbers and w.lemma != "один" and not _measure(words, k + 1):
            return _counted(sentence, start, words, k, w.start - start, w.end - start,
                            lex.numbers[w.lemma])
    for m in NUMBER.finditer(sentence):
        value = int(re.sub(r"\D", "", m.group()))
        after = [k for k, w in enumerate(words) if w.start - start >= m.end()]
        if sentence[m.end():m.end() + 1] in "-%" or (
                after and _measure(words, after[0])
                and words[after[0]].start - start - m.end() <= 2):
            continue
        before = [k for k, w in enumerate(words) if w.end - start <= m.start()]
        quantity = _counted(sentence, start, words, before[-1] + 1 if before else 0,
                            m.start(), m.end(), value)
        if quantity.qualifier == "exactly" and value in YEARS:
            continue
        return quantity
    return None


def _measure(words: Sequence[Word], k: int) -> bool:
    """Whether the word after a number makes it a duration, a date, an age or a sum."""
    return k < len(words) and (words[k].lemma in lexicon().not_counted
                               or words[k].text.lower() in lexicon().not_counted)


def _vague_at(words: Sequence[Word], k: int) -> tuple[int, str, int] | None:
    lex = lexicon()
    for (first, *rest), (qualifier, low) in lex.vague.items():  # the longest first
        span = words[k:k + 1 + len(rest)]
        if len(span) == 1 + len(rest) and first in lemmas(span[0].text) \
                and all(r in lemmas(w.text) for r, w in zip(rest, span[1:], strict=True)) \
                and span[-1].text.lower() != "десяток":  # "десяток" alone is about ten
            return len(span), qualifier, low
    return None


def _counted(sentence: str, start: int, words: Sequence[Word], k: int, begin: int, end: int,
             value: int) -> Quantity:
    """The number at sentence[begin:end] (its word k) with the qualifier written before it."""
    lex = lexicon()
    qualifier = "exactly"
    for size in (3, 2, 1):
        if k - size < 0:
            continue
        written = lex.qualifiers.get(tuple(w.text.lower() for w in words[k - size:k]))
        if written is not None:
            qualifier, begin = written, words[k - size].start - start
            break
    low, high = bounds(qualifier, value)
    return Quantity(begin, end, sentence[begin:end], low, high, qualifier)


def attribution_of(sentence: str, words: Sequence[Word], here: Sequence[Mention],
                   entities: Sequence[LocalEntity], previous: int | None,
                   outlet: int | None) -> Attribution:
    """Who the sentence's words come from, whether it denies, hedges or declines to inform.
    `previous` is the last speaker or person named before, for "он сказал", "по его словам";
    `outlet` the last news outlet named, for "по данным издания", "как пишет газета"."""
    lex = lexicon()
    forms = [w.lemma for w in words]
    cues: list[str] = []
    voice: int | None = None
    verb = next((k for k, w in enumerate(words) if w.lemma in lex.speech), None)
    according = find(lex.according, forms) or find(lex.as_writes, forms)
    if according is not None:
        at, phrase = according
        cues.append(" ".join(w.text for w in words[at:at + len(phrase)]))
        voice = previous if PRONOUNS & set(phrase) else \
            _named_after(words, at + len(phrase), here, outlet)
    if voice is None and verb is not None:
        cues.append(words[verb].text)
        voice = _subject(words, verb, here, entities, previous)
    reported = according is not None or verb is not None
    speaker = source = None
    if voice is not None:
        if entities[voice].media:
            source = voice
        else:
            speaker = voice
    quoted = reported and _quotation(sentence)
    negated = _negated_denial(words, forms)
    denial = negated is not None
    if denial:
        cues.append(negated or "")
    noncommittal = find(lex.noncommittal, forms) is not None
    hedged = find(lex.hedges, forms) is not None
    if noncommittal:
        denial = False
    return Attribution(speaker=speaker, source=source, quoted=quoted, reported=reported,
                       denial=denial, denied_by=speaker if denial else None, hedged=hedged,
                       cues=tuple(c for c in cues if c), noncommittal=noncommittal)


def _negated_denial(words: Sequence[Word], forms: list[str]) -> str | None:
    """The denial words of the sentence (`forms`: its words' lemmas), unless negated ("не
    отрицает"), or None."""
    lex = lexicon()
    at = 0
    while (hit := find(lex.denial, forms, at)) is not None:
        k, phrase = hit
        if not (k > 0 and forms[k - 1] == "не" and phrase[0] != "не"):
            return " ".join(w.text for w in words[k:k + len(phrase)])
        at = k + 1
    # "таких людей нет", "тех, кого в республике попросту нет": they say the people do not exist
    if "нет" in forms and {"такой", "кто"} & set(forms):
        return "нет"
    return None


def _quotation(sentence: str) -> bool:
    return any(len(q.split()) >= QUOTED_WORDS for q in re.findall(r"«([^«»]+)»", sentence)) \
        or sentence.lstrip().startswith(("—", "–"))


def _named_after(words: Sequence[Word], k: int, here: Sequence[Mention],
                 outlet: int | None) -> int | None:
    """The entity named right after "по словам", "со ссылкой на"; "издания", "газеты" there
    stand for the last outlet named."""
    if k >= len(words):
        return None
    if words[k].lemma in lexicon().media_words and not any(m.start == words[k].start
                                                             for m in here):
        return outlet
    for m in here:
        if m.start >= words[k].start:
            gap = [w for w in words[k:] if w.end <= m.start]
            # "по словам председателя правления сети Игоря Кочеткова": titles and their
            # complements in the genitive may stand before the name
            return m.entity if len(gap) <= NAMED_AFTER_GAP and not any(
                "," in w.text or w.capital for w in gap) else None
    return None


def _subject(words: Sequence[Word], verb: int, here: Sequence[Mention],
             entities: Sequence[LocalEntity], previous: int | None) -> int | None:
    """Who speaks: the first name before the verb read in the nominative (not a place), else
    a pronoun's referent, else the name right after the verb ("заявил Песков")."""
    before = [m for m in here if m.end <= words[verb].start
              and entities[m.entity].type is not EntityType.PLACE]
    for m in before:  # the subject usually comes first
        first = m.text.split()[0].strip("«")
        if any(p.tag.case == "nomn" for p in parses(first)) or _indeclinable(first):
            return m.entity
    if any(w.lemma in PRONOUNS for w in words[:verb]):
        return previous
    after = [m for m in here if m.start >= words[verb].end]
    if after and after[0].start - words[verb].end <= 2:
        return after[0].entity
    return None


def _indeclinable(word: str) -> bool:
    return any("Fixd" in p.tag for p in parses(word))


def english_lemma(word: str) -> str:
    """A Russian word's English lemma where the vocabulary has one, else its own lemma."""
    found = lemma(word)
    return lexicon().gloss.get(found, found)


def gloss(words: Sequence[Word], here: Sequence[Mention]) -> tuple[str, ...]:
    """The sentence's content words for comparison across languages: the English lemma where
    the vocabulary has one (titles as the English role), else the Russian lemma; stop words,
    words of saying and the words of names left out (names are compared as entities)."""
    lex = lexicon()
    voice = lex.voice
    named = {k for m in here for k in range(m.start, m.end)}
    found = []
    for w in words:
        if len(w.lemma) < 3 or w.lemma in STOP_WORDS or w.lemma in voice or w.start in named:
            continue
        found.append(lex.gloss.get(w.lemma) or lex.titles.get(w.lemma) or w.lemma)
    return tuple(dict.fromkeys(found))
