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
from .entities import CYRILLIC, Word
from .lexicon import find, lexicon
from .morph import lemma, lemmas, name_lemmas, parses

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
# Third-person pronouns that stand for the last speaker or person ("Он посоветовал…");
# the plural ones only for an organisation ("по их словам" after colleagues is nobody named).
PRONOUNS = frozenset({"он", "она", "они"})
PLURAL_PRONOUNS = frozenset({"они"})
# The lemmas of "его", "её", "их" in "по его словам" (pymorphy reads "её" as its own word).
POSSESSOR_LEMMAS = PRONOUNS | {"ее"}
# At most this many words between a verb of saying and the name of its subject after it, the
# subject's title and the title's holder in between ("заявил председатель правления
# Российской ЛГБТ-сети Игорь Кочетков"); chosen, not tuned.
SUBJECT_AFTER_WORDS = 6
# Words that stand for an organisation named before ("ведомство", "в министерстве", "по данным
# сети"): the last organisation whose name holds the word; "ведомство" for any state body.
DESCRIPTIONS = frozenset({"министерство", "ведомство", "сеть", "организация", "комитет",
                          "служба", "управление", "профсоюз"})
ANY_BODY = "ведомство"
# Words of a state body's name, which "ведомство" may stand for.
STATE_BODY_WORDS = frozenset({"министерство", "служба", "управление", "мвд", "мид", "фсб",
                              "прокуратура", "полиция", "ведомство"})
# Prepositions of the impersonal institutional form ("В МИД России назвали …", "На брифинге в
# министерстве было заявлено …"): the institution speaks.
INSIDE = frozenset({"в", "во"})
# A quotation closed before a dash: the verb of saying and its subject follow («…», — сказал X).
QUOTE_BEFORE_VERB = re.compile(r"[»\"”]\s*,?\s*[—–-]\s*$")


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


@dataclass(frozen=True)
class Voices:
    """What the sentences before tell about who may speak in this one."""

    previous: int | None = None  # the last speaker or person named ("он сказал")
    outlet: int | None = None  # the last news outlet named ("по данным издания")
    organisations: tuple[int, ...] = ()  # organisations named so far, the latest last
    own: frozenset[int] = frozenset()  # the document's own outlet: never a source


def attribution_of(sentence: str, words: Sequence[Word], here: Sequence[Mention],
                   entities: Sequence[LocalEntity], voices: Voices) -> Attribution:
    """Who the sentence's words come from, whether it denies, hedges or declines to inform."""
    lex = lexicon()
    forms = [w.lemma for w in words]
    cues: list[str] = []
    voice: int | None = None
    verb, relayed = _speech_verb(sentence, words)
    according = find(lex.according, forms) or find(lex.as_writes, forms)
    if according is not None:
        at, phrase = according
        cues.append(" ".join(w.text for w in words[at:at + len(phrase)]))
        if POSSESSOR_LEMMAS & set(phrase):
            voice = _pronoun(phrase, entities, voices)
        else:
            voice = _named_after(words, at + len(phrase), here, entities, voices)
    if voice is None and verb is not None:
        cues.append(words[verb].text)
        voice = _subject(sentence, words, verb, here, entities, voices)
    reported = according is not None or relayed
    speaker = source = None
    if voice is not None and voice not in voices.own:
        if entities[voice].media:
            source = voice
        else:
            speaker = voice
            if verb is not None:
                source = _told_to(words, verb, here, entities, voices)
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


def _speech_verb(sentence: str, words: Sequence[Word]) -> tuple[int | None, bool]:
    """The first verb of saying whose subject speaks in the sentence: not the author's or the
    speaker's own first person ("назовём его Ахмедом"), nor one in a relative clause ("о
    которой он рассказывает") or inside a quotation («… о чём мы говорили», — заявил X);
    and whether the sentence relays words at all (a relative clause's verb does)."""
    speech = lexicon().speech
    quoted = _quoted_spans(sentence, words[0].start - _leading(sentence, words)) \
        if words else []
    clause_start = 0
    relayed = False
    for k, w in enumerate(words):
        if k and w.start > words[k - 1].end + 1:  # punctuation between: a new clause
            clause_start = k
        if w.lemma not in speech or any(a <= w.start < b for a, b in quoted):
            continue
        readings = parses(w.text)
        if readings and readings[0].tag.person == "1per":
            continue
        relayed = True
        if any(x.lemma == "который" for x in words[clause_start:k]):
            continue
        return k, True
    return None, relayed


def _told_to(words: Sequence[Word], verb: int, here: Sequence[Mention],
             entities: Sequence[LocalEntity], voices: Voices) -> int | None:
    """The news outlet a speaker told ("заявил Каримов агентству «Интерфакс»", "в интервью
    телеканалу HBO"): a media name after the verb, after a media word or in the dative."""
    media = lexicon().media_words
    for m in here:
        if m.start < words[verb].end or not entities[m.entity].media or m.entity in voices.own:
            continue
        before = [w for w in words if w.end <= m.start][-1:]
        head = m.text.split()[-1].strip("»")
        if (before and before[0].lemma in media) or any(
                p.tag.case == "datv" for p in parses(head)):
            return m.entity
    return None


def _pronoun(phrase: tuple[str, ...], entities: Sequence[LocalEntity],
             voices: Voices) -> int | None:
    """Whom "по его словам", "по их словам" stand for: the last speaker or person named; for
    the plural, only an organisation."""
    if PLURAL_PRONOUNS & set(phrase):
        found = voices.previous
        return found if found is not None and \
            entities[found].type is EntityType.ORGANIZATION else None
    return voices.previous


def _described(word: Word, entities: Sequence[LocalEntity], voices: Voices) -> int | None:
    """The organisation a lower-case description stands for ("ведомство", "сети")."""
    if word.lemma not in DESCRIPTIONS:
        return None
    wanted = STATE_BODY_WORDS if word.lemma == ANY_BODY else {word.lemma}
    for index in reversed(voices.organisations):
        if wanted.intersection(name_lemmas(entities[index].name)):
            return index
    return None


def _named_after(words: Sequence[Word], k: int, here: Sequence[Mention],
                 entities: Sequence[LocalEntity], voices: Voices) -> int | None:
    """The entity named right after "по словам", "со ссылкой на"; "издания", "газеты" there
    stand for the last outlet named, "сети", "министерства" for the last such organisation."""
    if k >= len(words):
        return None
    named_here = any(m.start == words[k].start for m in here)
    if words[k].lemma in lexicon().media_words and not named_here:
        return voices.outlet
    if not named_here and not words[k].capital:
        described = _described(words[k], entities, voices)
        if described is not None:
            return described
    for m in here:
        if m.start >= words[k].start:
            gap = [w for w in words[k:] if w.end <= m.start]
            # "по словам председателя правления сети Игоря Кочеткова": titles and their
            # complements in the genitive may stand before the name
            return m.entity if len(gap) <= NAMED_AFTER_GAP and not any(
                "," in w.text or w.capital for w in gap) else None
    return None


def _subject(sentence: str, words: Sequence[Word], verb: int, here: Sequence[Mention],
             entities: Sequence[LocalEntity], voices: Voices) -> int | None:
    """Who speaks: the first name before the verb read in the nominative (not a place, not
    in a quotation), else a pronoun's referent or a description ("ведомство заявило"), else
    the institution the verb speaks in ("В МИД России назвали"), else the subject after the
    verb ("заявил Песков", "— сказал глава Чечни Рамзан Кадыров"). After a quotation and a
    dash the subject follows the verb."""
    offset = words[0].start - _leading(sentence, words) if words else 0
    quoted = _quoted_spans(sentence, offset)
    verb_at = words[verb].start
    inverted = QUOTE_BEFORE_VERB.search(sentence[:verb_at - offset]) is not None
    if not inverted:
        before = [m for m in here if m.end <= verb_at and not _inside(m, quoted)
                  and entities[m.entity].type is not EntityType.PLACE]
        for m in before:  # the subject usually comes first
            if _in_nominative(m, entities) and not _after_preposition(words, m):
                return m.entity
        for k in range(verb):
            w = words[k]
            if w.text.lower() in PRONOUNS:
                return voices.previous
            if (k == 0 or not w.capital) and w.lemma in lexicon().media_words \
                    and not any(m.start <= w.start < m.end for m in here):
                return voices.outlet  # "Редакция газеты расценила …": the outlet named
            described = _described(w, entities, voices) if not w.capital or k == 0 else None
            if described is not None:
                return described
        inside = [m for m in before if _after_preposition(words, m, INSIDE)
                  and entities[m.entity].type is EntityType.ORGANIZATION]
        if inside:
            return inside[0].entity
    return _subject_after(words, verb, here, entities, voices)


def _subject_after(words: Sequence[Word], verb: int, here: Sequence[Mention],
                   entities: Sequence[LocalEntity], voices: Voices) -> int | None:
    """The subject after the verb: a pronoun, or the first name in the nominative within a
    few words with no punctuation between (titles and their holders may stand before it)."""
    end = words[verb].end
    window = list(words[verb + 1:verb + 1 + SUBJECT_AFTER_WORDS])
    gaps = [w.start - (window[k - 1].end if k else end) for k, w in enumerate(window)]
    for k, gap in enumerate(gaps):
        if gap > 1 and not (gap == 2 and _opens_name(here, window[k])):
            window = window[:k]  # punctuation: the clause ends
            break
    if window and window[0].text.lower() in PRONOUNS:
        return voices.previous
    limit = window[-1].end if window else end
    after = [m for m in here if end <= m.start < limit
             and entities[m.entity].type is not EntityType.PLACE]
    for m in after:
        if entities[m.entity].type is EntityType.PERSON and _in_nominative(m, entities):
            return m.entity
    if after and after[0].start - end <= 2:
        return after[0].entity
    return None


def _opens_name(here: Sequence[Mention], w: Word) -> bool:
    """Whether a word opens a name (after a guillemet, which is not punctuation)."""
    return any(m.start == w.start for m in here)


def _leading(sentence: str, words: Sequence[Word]) -> int:
    """Where the sentence's first word stands in it (words carry body offsets)."""
    return sentence.find(words[0].text) if words else 0


def _quoted_spans(sentence: str, offset: int) -> list[tuple[int, int]]:
    """Body offsets of the quotations of at least QUOTED_WORDS words in the sentence."""
    return [(offset + m.start(), offset + m.end()) for m in re.finditer(r"«[^«»]+»", sentence)
            if len(m.group().split()) >= QUOTED_WORDS]


def _inside(m: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(a <= m.start and m.end <= b for a, b in spans)


def _after_preposition(words: Sequence[Word], m: Mention,
                       prepositions: frozenset[str] | None = None) -> bool:
    """Whether the mention follows a preposition ("в МИД России"; any one when None)."""
    before = [w for w in words if w.end <= m.start][-1:]
    if not before:
        return False
    if prepositions is not None:
        return before[0].lemma in prepositions
    readings = parses(before[0].text)
    return bool(readings) and readings[0].tag.POS == "PREP"


def _in_nominative(m: Mention, entities: Sequence[LocalEntity]) -> bool:
    """Whether a mention is written in the nominative: for a person, its last word is the
    surname of the name read in the nominative ("Алви Каримов", not "Кадырова"); otherwise
    its first word has a nominative reading or does not decline."""
    e = entities[m.entity]
    if e.type is EntityType.PERSON:
        written = m.text.split()
        named = e.name.split()
        return written[-1] == named[-1] or (len(written) == 1 and written[0] == named[0])
    first = m.text.split()[0].strip("«")
    return any(p.tag.case == "nomn" for p in parses(first)) or _indeclinable(first) \
        or not CYRILLIC.search(first)  # "Human Rights Watch" does not decline


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
