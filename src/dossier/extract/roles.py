"""Roles stated for people, and who holds the office, from the words right around a name.

A role is read only where it stands in apposition to the name or directly before it:

1. a title stripped off the name ("Interior Minister Samir Khoury", "Russian President …");
2. a role noun phrase right before the name ("the Chechen leader Ramzan Kadyrov", "Kremlin
   spokesman Dmitry Peskov", "Its reporter Elena Milashina");
3. an apposition after the name, closed by a comma, a full stop or a relative pronoun ("Alvi
   Karimov, the spokesman for Mr. Kadyrov, said", "Tatyana Moskalkova, Russia's human rights
   commissioner,", "Luka, a 29-year-old bartender, was");
4. a role noun phrase before the name and a comma, with the name closed after it ("A spokesman
   for Mr. Kadyrov, Alvi Karimov, told", "Its chairman, Igor Kochetkov, said").

The holder (`Role.of`) is an entity named inside the phrase: a possessive ("Russia's",
"President Putin's"), a name or a demonym in front of the role noun ("the Kremlin spokesman",
"Chechen leader", demonyms only for offices), or "for/of/to/at/with X" after it; else what
"its"/"his"/"her" or "the group's"/"the republic's" points back to; else None.

Roles decide who is an official in `protect/people.py`, and officials are never suggested for
protection, so a role is never taken from a clause that is about something else: not from
"Ali, the officer said, was beaten", "whose son Arvid", "After calling a lawyer, Ali Musa, …",
a name with an age or an apposition of its own after it, or a former office ("a former police
officer" is not an office the person holds).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.lookups import load_lookups
from spacy.tokens import Doc

from dossier.extract import gazetteer
from dossier.extract.records import EntityType, LocalEntity, Mention, Role
from dossier.extract.text import tokens

# Role nouns. Offices take a demonym or a place in front as their holder ("Chechen leader");
# professions and kin do not ("an Austrian law professor", "a Moscow lawyer" hold no office of
# Austria or Moscow).
OFFICE_NOUNS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "leader", "president", "minister", "head",
    "chief", "chairman", "chairwoman", "chairperson", "chair", "director", "governor", "mayor",
    "judge", "prosecutor", "commissioner", "ombudsman", "ombudswoman", "ambassador", "envoy",
    "consul", "representative", "secretary", "deputy", "adviser", "advisor", "aide",
    "officer", "inspector", "superintendent", "commander", "councillor", "councilor", "mp",
    "lawmaker", "legislator", "senator", "chancellor", "premier", "king", "queen", "prince",
    "princess", "rapporteur", "executive", "founder", "coordinator", "rector", "dean",
    "president-elect", "speaker", "captain", "colonel", "general", "warden", "sheriff",
    "constable", "diplomat", "negotiator", "candidate", "defender",
})
PROFESSION_NOUNS = frozenset({
    "editor", "editor-in-chief", "reporter", "journalist", "correspondent", "photographer",
    "presenter", "anchor", "columnist", "blogger", "publisher", "producer", "lawyer",
    "attorney", "researcher", "analyst", "professor", "lecturer", "teacher", "student",
    "doctor", "nurse", "surgeon", "farmer", "bartender", "driver", "operator", "engineer",
    "mechanic", "trader", "shopkeeper", "fisherman", "fisher", "miner", "labourer", "writer",
    "novelist", "poet", "filmmaker", "singer", "musician", "artist", "activist", "campaigner",
    "priest", "imam", "mufti", "bishop", "cleric", "rabbi", "pastor", "economist", "historian",
    "scholar", "scientist", "psychologist", "sociologist", "partner", "organiser", "organizer",
})
KIN_NOUNS = frozenset({
    "mother", "father", "sister", "brother", "wife", "husband", "son", "daughter", "fiancée",
    "fiancé", "fiancee", "uncle", "aunt", "cousin", "nephew", "niece", "widow", "widower",
    "grandmother", "grandfather", "stepfather", "stepmother",
})
ROLE_NOUNS = OFFICE_NOUNS | PROFESSION_NOUNS | KIN_NOUNS
# Lower-case words kept in a role before its noun ("deputy interior minister", "human rights
# commissioner", "police spokesman", "law professor"), read off the labelled set's roles.
ROLE_MODIFIERS = frozenset({
    "deputy", "vice", "prime", "interior", "foreign", "justice", "defence", "defense",
    "information", "migration", "education", "housing", "labour", "labor", "health", "finance",
    "economy", "transport", "culture", "energy", "environment", "home", "human", "rights",
    "press", "executive", "managing", "general", "chief", "senior", "investigative", "law",
    "opposition", "militia", "war", "crimes", "programme", "program", "regional", "provincial",
    "presidential", "local", "federal", "public", "police", "crown", "auxiliary", "student",
    "crane", "research", "children's", "assistant", "acting", "state", "district", "city",
    "communications", "security", "emergencies", "prison", "border", "union", "party",
    "campaign", "news", "foreign-affairs",
})
# Words in front of a role that name its employer but are not part of the role as stated ("a
# government spokesman", "an army spokesman", "a ministry spokeswoman").
EMPLOYER_WORDS = frozenset({
    "government", "army", "military", "ministry", "embassy", "kremlin", "palace", "cabinet",
    "company", "court", "agency", "council", "committee", "network", "group", "office",
    "department", "authority", "authorities", "administration", "municipal", "university",
})
FORMER_WORDS = frozenset({"former", "ex", "onetime", "one-time", "erstwhile", "retired",
                          "then", "late"})
DETERMINERS = frozenset({"the", "a", "an"})
PRONOUNS = {"its": EntityType.ORGANIZATION, "his": EntityType.PERSON,
            "her": EntityType.PERSON}
POSSESSIVE = frozenset({"'s", "’s"})
HONORIFIC_WORDS = frozenset({"Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Sir",
                             "Dame", "Prof.", "Gen.", "Col.", "Maj.", "Capt.", "Lt.", "Sgt."})
# Capitalised titles between a comma and a name ("A spokesman, Colonel Tanko Ushie, said").
TITLE_WORDS = frozenset({
    "President", "Vice", "Prime", "Minister", "Chancellor", "Secretary", "General", "Judge",
    "Justice", "Senator", "Governor", "Mayor", "Colonel", "Major", "Captain", "Lieutenant",
    "Sergeant", "Officer", "Detective", "Inspector", "Commissioner", "Ambassador", "Professor",
    "Chief", "Director", "Commander", "Prosecutor", "Deputy", "Superintendent", "Father",
    "Bishop", "Imam", "Sheikh", "Interior", "Foreign", "Defence", "Defense", "Crown", "Prince",
    "King", "Queen", *HONORIFIC_WORDS,
})
# Titles that only give a rank: dropped when the same name also has a stated role ("the
# prison's director, Colonel Anton Varkas" is the director).
RANK_TITLES = frozenset({"colonel", "major", "captain", "lieutenant", "sergeant", "general",
                         "corporal", "brigadier", "lieutenant colonel", "major general"})
# Heads that take their portfolio after them ("minister for information", "head of police",
# "deputy director for research", "head of the disaster office").
PORTFOLIO_HEADS = frozenset({"head", "minister", "director", "secretary", "commissioner"})
HOLDER_PREPOSITIONS = frozenset({"for", "of", "to", "at", "with"})
# A place or a time after the role, read over ("a teacher from Herat who", "consul general in
# Istanbul,").
OTHER_PREPOSITIONS = frozenset({"in", "from", "on", "since", "near", "based"})
# What may close an apposition after a name: its end, or a relative clause about the person.
APPOSITION_ENDS = frozenset({",", ".", ";", ":", ")", "—", "–", '"', "”", "who", "whose",
                             "which"})
# Words that close a name after a role before it ("…, Alvi Karimov, told").
NAME_ENDS = frozenset({",", ".", ";", ":", ")", "—", "–"})
# A role phrase inside a fronted adverbial is not the name's: "After calling a lawyer, Ali Musa,
# a driver, said…", "According to a police officer, Ali Musa, 31, was beaten".
FRONTED_OPENERS = frozenset({
    "after", "before", "when", "while", "upon", "according", "despite", "although", "though",
    "if", "once", "until", "unless", "because", "since", "as", "having", "speaking", "asked",
    "like", "unlike", "besides", "whereas",
})
# Nouns of "the republic's leader", "the city's police chief": the gazetteer's kinds of place
# they point back to, in order of preference (else the nearest place the gazetteer does not
# know, such as an invented country or town).
_COUNTRY = "gazetteer: country"
_REGION = "gazetteer: subdivision"
_CITY = "gazetteer: city"
PLACE_DESCRIPTIONS: dict[str, tuple[str, ...]] = {
    "country": (_COUNTRY,), "nation": (_COUNTRY,), "kingdom": (_COUNTRY,),
    "republic": (_REGION, _COUNTRY), "region": (_REGION,), "province": (_REGION,),
    "state": (_REGION, _COUNTRY), "district": (_REGION,), "island": (),
    "city": (_CITY,), "town": (_CITY,), "village": (), "capital": (_CITY,),
    "municipality": (_CITY,),
}
ORG_DESCRIPTIONS = frozenset({
    "group", "network", "union", "association", "committee", "organisation", "organization",
    "charity", "coalition", "alliance", "party", "movement", "foundation", "institute",
    "council", "commission", "agency", "ministry", "company", "firm", "bank", "service",
    "paper", "newspaper", "site", "website", "magazine", "channel", "broadcaster", "station",
    "outlet", "daily", "university", "school", "prison", "centre", "center", "camp",
    "hospital", "court", "project", "monitor", "campaign", "board", "bureau", "office",
})
MEDIA_DESCRIPTIONS = frozenset({"paper", "newspaper", "site", "website", "magazine",
                                "channel", "broadcaster", "outlet", "daily"})
# Roles held at a news outlet: "its editor" is the outlet's, not the last body named.
MEDIA_ROLES = frozenset({"editor", "editor-in-chief", "reporter", "journalist",
                         "correspondent", "photographer", "presenter", "anchor", "columnist",
                         "publisher", "producer"})
# Descriptions that point only at an entity whose name carries the noun ("the prison's
# director" → Varga Prison); the others fall back to the nearest organisation.
NAMED_DESCRIPTIONS = frozenset({"university", "school", "prison", "centre", "center", "camp",
                                "hospital", "court", "project", "station", "office", "bank"})
# How many words a role phrase may span in front of a comma or a name (determiner, holder,
# modifiers, role noun, "for the X"): "The United States ambassador to the United Nations" is
# nine. Re-run `benchmarks/extraction.py read` after changing any of these.
PHRASE_WORDS = 10
# Ordinary adjectives or employer words read over between the determiner and the role ("the
# main opposition candidate", "a 24-year-old teacher", "an Austrian law professor").
ADJECTIVE_SKIP = 2
# Words read over between "for/of/…" and the holder's name ("for the independent news site
# Velmora Today", "for the Chechen leader, Ramzan Kadyrov").
HOLDER_SKIP = 4
# Words after the holder's name before the apposition ends ("at Amnesty's Beirut office,",
# "of the Xinjiang regional government,").
HOLDER_TRAIL = 3
# Words of a place or time read over after the role ("a teacher from Herat who").
PLACE_WORDS = 4
# How many sentences back "its", "his", "her" and "the group's" look for what they name.
POINTER_SENTENCES = 3


@dataclass(frozen=True)
class Titled:
    """A person's name as the recogniser found it, with the title stripped in front of it."""

    start: int  # character offset of the name
    title: str  # "interior minister", lower case
    title_of: str | None  # the place code of a demonym in front of the title


@dataclass(frozen=True)
class _Phrase:
    """A role noun phrase: its role words, holder, and the words it spans (`end` exclusive)."""

    role: str
    holder: int | None
    start: int
    end: int
    head: int  # the word index of the role noun
    plural: bool = False
    # "its", "his", "her" or the noun of "the group's": resolved only for a phrase kept
    pointer: int | None = None


@dataclass
class _Words:
    """The body as words: tokens with hyphenated compounds joined ("editor-in-chief",
    "24-year-old"), with the mentions that start and end at each word."""

    texts: list[str]
    lowers: list[str]
    starts: list[int]  # character offsets
    tokens: list[int]  # the first token of each word
    sentence_starts: list[int]  # token indexes, ascending
    mention_at: dict[int, Mention]  # word index → mention starting there
    mention_to: dict[int, Mention]  # word index → mention ending there
    mention_end_word: dict[int, int]  # mention start char → its last word
    mention_start_word: dict[int, int]  # mention start char → its first word

    def sentence(self, word: int) -> int:
        """The number of the sentence word `word` is in."""
        return bisect.bisect_right(self.sentence_starts, self.tokens[word]) - 1

    def first_of_sentence(self, word: int) -> bool:
        k = bisect.bisect_left(self.sentence_starts, self.tokens[word])
        return k < len(self.sentence_starts) and self.sentence_starts[k] == self.tokens[word]


def read_roles(doc: Doc, sentence_starts: Sequence[int], entities: Sequence[LocalEntity],
               mentions: Sequence[Mention], titled: Sequence[Titled],
               place_of: Mapping[str, int]) -> tuple[Role, ...]:
    """The roles stated next to the names of people in one parsed body.

    `sentence_starts` are token indexes; `place_of` maps a gazetteer place code ("RU-CE") to
    the entity of that place in this body."""
    words = _words(doc, sentence_starts, mentions)
    reader = _Reader(words, entities, mentions, place_of)
    titles = {t.start: t for t in titled}
    found: list[Role] = []
    for mention in mentions:
        if entities[mention.entity].type is not EntityType.PERSON:
            continue
        first = words.mention_start_word[mention.start]
        last = words.mention_end_word[mention.start]
        stated = reader.around(first, last, mention.entity)
        title = titles.get(mention.start)
        if title is not None and title.title and not _former(title.title):
            role, code = _title_demonym(title.title, title.title_of)
            if not (role in RANK_TITLES and stated):
                holder = reader.place(code) if code else None
                if holder is None:
                    holder = reader.title_holder(first, mention.entity)
                found.append(Role(mention.entity, role, holder))
        found += stated
    return _consolidated(found)


def _consolidated(roles: list[Role]) -> tuple[Role, ...]:
    """One of each; a role stated once with its holder and once without keeps the holder, and
    a role stated once in full keeps the full form ("Professor Benedek" after "an Austrian
    law professor")."""
    unique = list(dict.fromkeys(roles))
    held = {(r.entity, r.role) for r in unique if r.of is not None}
    kept = [r for r in unique if r.of is not None or (r.entity, r.role) not in held]
    return tuple(r for r in kept if not any(
        o.entity == r.entity and o.role.endswith(" " + r.role) and r.of in (None, o.of)
        for o in kept))


def _title_demonym(title: str, code: str | None) -> tuple[str, str | None]:
    """"lithuanian interior minister" (a demonym read as part of a portfolio) → ("interior
    minister", "LT")."""
    first, _, rest = title.partition(" ")
    demonyms = gazetteer.demonyms()
    if rest and first.capitalize() in demonyms:
        return rest, code or demonyms[first.capitalize()]
    return title, code


def _place_with_cue(cue: str) -> Callable[[LocalEntity], bool]:
    return lambda e: e.type is EntityType.PLACE and e.cue == cue


def _former(role: str) -> bool:
    return any(word in FORMER_WORDS for word in role.split())


def _joined(texts: list[str], spaces: list[bool], k: int) -> bool:
    """Is token k part of the same hyphenated word as token k-1 ("editor", "-", "in")?"""
    if spaces[k - 1]:
        return False
    if texts[k] == "-":
        return k + 1 < len(texts) and not spaces[k] and texts[k - 1][-1:].isalnum() \
            and texts[k + 1][:1].isalnum()
    return texts[k - 1] == "-" and k >= 2 and not spaces[k - 2] and texts[k][:1].isalnum() \
        and texts[k - 2][-1:].isalnum()


def _words(doc: Doc, sentence_starts: Sequence[int], mentions: Sequence[Mention]) -> _Words:
    table = tokens(doc)
    texts, starts, spaces = table.texts, table.starts, table.spaces
    # hyphens inside a word, and the token after each: rare, so the rest is one pass of copies
    inside = {k for k, text in enumerate(texts) if text == "-" and k and _joined(texts, spaces, k)}
    inside |= {k + 1 for k in inside}
    w_texts = ["\n" if not text.strip() else text for text in texts]
    w_starts = list(starts)
    w_tokens = list(range(len(texts)))
    if inside:
        kept: list[int] = []
        for k in range(len(texts)):
            if k in inside and kept:
                w_texts[kept[-1]] += texts[k]
            else:
                kept.append(k)
        w_texts = [w_texts[k] for k in kept]
        w_starts = [starts[k] for k in kept]
        w_tokens = kept
    w_ends = [start + len(text) for start, text in zip(w_starts, w_texts, strict=True)]
    by_start = {s: i for i, s in enumerate(w_starts)}
    by_end = {e: i for i, e in enumerate(w_ends)}
    mention_at: dict[int, Mention] = {}
    mention_to: dict[int, Mention] = {}
    start_word: dict[int, int] = {}
    end_word: dict[int, int] = {}
    for m in mentions:
        first = by_start.get(m.start)
        last = by_end.get(m.end)
        if first is None:  # a name inside a hyphenated word ("Kremlin-backed")
            first = max(0, bisect.bisect_right(w_starts, m.start) - 1)
        if last is None:
            last = max(first, bisect.bisect_left(w_ends, m.end))
        start_word[m.start], end_word[m.start] = first, last
        if w_starts[first] == m.start and w_ends[last] == m.end:
            mention_at[first] = m
            mention_to[last] = m
    return _Words(w_texts, [t.lower() for t in w_texts], w_starts, w_tokens,
                  list(sentence_starts), mention_at, mention_to, end_word, start_word)


@lru_cache(maxsize=1)
def _adjectives() -> frozenset[str]:
    """English adjectives (spacy-lookups-data's lemma index), read over before a role noun."""
    table = load_lookups("en", ["lemma_index"]).get_table("lemma_index")
    return frozenset(word for word in table.get("adj", []) if "_" not in word)


def _role_noun(lower: str) -> tuple[str, bool] | None:
    """"spokesman" → ("spokesman", False); "novelists" → ("novelist", True); else None."""
    if lower in ROLE_NOUNS:
        return lower, False
    if lower.endswith("men") and lower[:-3] + "man" in ROLE_NOUNS:
        return lower[:-3] + "man", True
    if lower.endswith("s") and lower[:-1] in ROLE_NOUNS:
        return lower[:-1], True
    return None


class _Reader:
    """Reads role phrases around the names of one body."""

    def __init__(self, words: _Words, entities: Sequence[LocalEntity],
                 mentions: Sequence[Mention], place_of: Mapping[str, int]) -> None:
        self.w = words
        self.entities = entities
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]
        self.place_of = place_of
        self.demonyms = gazetteer.demonyms()

    # --- the four places a role is stated ---------------------------------------------------

    def around(self, first: int, last: int, entity: int) -> list[Role]:
        """The roles stated in apposition to one mention (words first…last) of a person."""
        phrases = [self._before(first, entity), self._after(last, entity)]
        if phrases[0] is None:
            phrases.append(self._comma_before(first, last, entity))
        roles = [Role(entity, p.role, self._held(p, entity)) for p in phrases if p is not None]
        # kin is stated only with whose kin it is: "a mother of four" describes, "his mother"
        # relates
        return [r for r in roles if r.of is not None or r.role not in KIN_NOUNS]

    def _before(self, first: int, entity: int) -> _Phrase | None:
        """"the Chechen leader Ramzan Kadyrov", "Kremlin spokesman Dmitry Peskov", and the
        second name of "the novelists Sergio Ramírez and Gioconda Belli"."""
        phrase = self._phrase_ending_at(first, entity, with_holder_after=False)
        if phrase is not None:
            if phrase.plural and not self._listed_after(first, entity):
                return None
            if phrase.start > 0 and self.w.lowers[phrase.start - 1] == "whose":
                return None  # "whose son Arvid": the son of the one before
            if self.w.lowers[phrase.start] in ("a", "an"):
                return None  # "by a police officer Ali Musa had never met": not a name's role
            if self._possessed(first, entity):
                return None  # "the officer Ali Musa's passport"
            return phrase
        return self._listed_before(first, entity)

    def _after(self, last: int, entity: int) -> _Phrase | None:
        """"Alvi Karimov, the spokesman for Mr. Kadyrov, said", "Murad, 31, a driver, …"."""
        w = self.w
        k = last + 1
        if k >= len(w.texts) or w.texts[k] != ",":
            return None
        k += 1
        if k + 1 < len(w.texts) and w.texts[k].isdigit() and w.texts[k + 1] == ",":
            k += 2  # an age
        phrase = self._phrase(k, entity)
        if phrase is None or phrase.plural:
            return None
        end = phrase.end
        if end < len(w.texts) and w.lowers[end] not in APPOSITION_ENDS and w.texts[end] != "\n":
            return None
        return phrase

    def _comma_before(self, first: int, last: int, entity: int) -> _Phrase | None:
        """"A spokesman for Mr. Kadyrov, Alvi Karimov, told", "Its chairman, Igor Kochetkov,
        said", "the officers, Peter Oke and Yusuf Danjuma, to"."""
        w = self.w
        k = first - 1
        while k >= 0 and w.texts[k] in TITLE_WORDS:
            k -= 1
        if k < 1 or w.texts[k] != ",":
            return None
        listed = self._listed_after(first, entity)
        close = self._list_end(last) if listed else last + 1
        if close < len(w.texts) and w.texts[close] not in NAME_ENDS and w.texts[close] != "\n":
            return None
        if listed is None and self._described(last):
            return None  # "After calling a lawyer, Ali Musa, a driver, said"
        phrase = self._phrase_ending_at(k, entity, with_holder_after=True)
        if phrase is None or (phrase.plural and listed is None):
            return None
        if self._fronted(phrase.start):
            return None
        return phrase

    def _listed_before(self, first: int, entity: int) -> _Phrase | None:
        """The later names of a list after a plural role ("the novelists A and B", "the
        officers, A and B,"): the role of the list's first name."""
        w = self.w
        k = first - 1
        if k < 0 or w.lowers[k] not in ("and", ","):
            return None
        previous = w.mention_to.get(k - 1)
        if previous is None or self.entities[previous.entity].type is not EntityType.PERSON:
            return None
        head = w.mention_start_word[previous.start]
        phrase = self._phrase_ending_at(head, previous.entity, with_holder_after=False)
        if phrase is None:
            phrase = self._comma_before(head, k - 1, previous.entity)
        if phrase is None:
            return self._listed_before(head, previous.entity)
        return phrase if phrase.plural else None

    # --- phrases ------------------------------------------------------------------------------

    def _phrase_ending_at(self, end: int, entity: int, *, with_holder_after: bool
                          ) -> _Phrase | None:
        """The longest role phrase that ends right before word `end` and whose role noun is
        the last one before it."""
        lowest = max(0, end - PHRASE_WORDS)
        if not with_holder_after and (end == 0 or _role_noun(self.w.lowers[end - 1]) is None):
            return None  # the role noun must be right before the name
        if not any(_role_noun(lower) for lower in self.w.lowers[lowest:end]):
            return None
        best: _Phrase | None = None
        for start in range(lowest, end):
            if self.w.sentence(start) != self.w.sentence(end - 1):
                continue
            phrase = self._phrase(start, entity, holder_after=with_holder_after)
            if phrase is None or phrase.end != end:
                continue
            if best is None or phrase.head > best.head:
                best = phrase
        if best is not None and best.start > 0 and self.w.lowers[best.start - 1] in FORMER_WORDS:
            return None  # "Former police chief Ali Musa": no office he holds
        return best

    def _phrase(self, k: int, entity: int, *, holder_after: bool = True) -> _Phrase | None:
        """A role phrase starting at word k: [determiner or possessor] [modifiers] role noun
        [portfolio] [for/of/to/at/with holder]."""
        w = self.w
        n = len(w.texts)
        holder: int | None = None
        pointer: int | None = None
        start = k
        if k < n and w.lowers[k] in DETERMINERS:
            k += 1
        elif k < n and w.lowers[k] in PRONOUNS:
            pointer = k
            k += 1
        possessor = self._possessor(k, entity)
        if possessor is not None:
            holder, pointer, k = possessor
        held_before, office_only, k = self._premodifiers(k, entity)
        if k >= n:
            return None
        run_end = k
        while run_end < n and self._run_word(run_end):
            run_end += 1
        while run_end > k and _role_noun(w.lowers[run_end - 1]) is None:
            run_end -= 1
        if run_end == k:
            return None
        noun = _role_noun(w.lowers[run_end - 1])
        assert noun is not None
        head, plural = noun
        if run_end < n and w.texts[run_end] in POSSESSIVE:
            return None  # "a police officer's son"
        words = [*w.lowers[k:run_end - 1], head]
        if words[0] == "and" or any(word in FORMER_WORDS for word in words):
            return None
        if held_before is not None and (head in OFFICE_NOUNS or not office_only):
            holder = holder if holder is not None else held_before
        end = run_end
        portfolio, end = self._portfolio(end, head)
        if holder_after:
            described = self._described_after(end)
            after, end = self._holder_after(end, entity)
            holder = holder if holder is not None else after
            if holder is None and pointer is None:
                pointer = described
            end = self._place_after(end)
        role = " ".join(words + portfolio)
        return _Phrase(role, holder, start, end, run_end - 1, plural, pointer)

    def _run_word(self, k: int) -> bool:
        """May word k be part of a role as stated ("deputy", "interior", "minister")?"""
        w = self.w
        lower = w.lowers[k]
        if k in w.mention_at or k in w.mention_to:
            return False
        if not (lower in ROLE_MODIFIERS or _role_noun(lower) is not None or lower == "and"):
            return False
        if lower == "and":  # "press and information minister"
            return k + 1 < len(w.lowers) and w.lowers[k + 1] in ROLE_MODIFIERS and k > 0 \
                and w.lowers[k - 1] in ROLE_MODIFIERS
        text = w.texts[k]
        if text != lower and lower in KIN_NOUNS:
            return False  # "Father Anton Mirel", "Sister Mary": honorifics
        return text == lower or w.first_of_sentence(k) or (text.isupper() and len(text) <= 2)

    def _possessor(self, k: int, entity: int) -> tuple[int | None, int | None, int] | None:
        """"Russia's", "President Putin's", "Mr. Kadyrov's"; "the group's", "the family's":
        the holder they name or the noun that points back to it, and the word after the
        possessive; or None."""
        w = self.w
        n = len(w.texts)
        j = k
        while j < n and w.texts[j] in TITLE_WORDS and j not in w.mention_at:
            j += 1
        mention = w.mention_at.get(j)
        if mention is not None:
            last = w.mention_end_word[mention.start]
            if last + 1 < n and w.texts[last + 1] in POSSESSIVE:
                holder = mention.entity if mention.entity != entity else None
                return holder, None, last + 2
            return None
        if k + 1 < n and w.texts[k + 1] in POSSESSIVE and w.texts[k].islower():
            return None, k, k + 2
        return None

    def _premodifiers(self, k: int, entity: int) -> tuple[int | None, bool, int]:
        """Words between the determiner and the role: a name or a demonym ("the Kremlin
        spokesman", "Chechen leader"), adjectives and employer words. Returns the holder they
        name, whether it holds only offices (a place), and the word after them."""
        w = self.w
        n = len(w.texts)
        holder: int | None = None
        office_only = False
        skipped = 0
        while k < n:
            lower = w.lowers[k]
            mention = w.mention_at.get(k)
            if mention is not None:
                if mention.entity == entity or holder is not None:
                    return holder, office_only, k
                holder = mention.entity
                office_only = self.entities[holder].type is EntityType.PLACE
                k = w.mention_end_word[mention.start] + 1
                continue
            if w.texts[k] in self.demonyms and holder is None:
                holder = self.place(self.demonyms[w.texts[k]])
                office_only = True
                k += 1
                continue
            if lower in FORMER_WORDS:
                return holder, office_only, k  # the role phrase then refuses it
            if self._run_word(k) or skipped >= ADJECTIVE_SKIP:
                return holder, office_only, k
            if lower in DETERMINERS or lower in PRONOUNS or not lower.replace("-", "").isalnum():
                return holder, office_only, k
            if lower in EMPLOYER_WORDS or lower in _adjectives() or "-" in lower \
                    or (w.texts[k][:1].isupper() and not w.first_of_sentence(k)
                        and w.texts[k] not in TITLE_WORDS):
                skipped += 1
                k += 1
                continue
            return holder, office_only, k
        return holder, office_only, k

    def _portfolio(self, k: int, head: str) -> tuple[list[str], int]:
        """"minister for information", "head of police", "head of the disaster office": the
        lower-case words of a portfolio after the role noun, when no holder is named there."""
        w = self.w
        n = len(w.texts)
        if head not in PORTFOLIO_HEADS or k >= n or w.lowers[k] not in ("of", "for"):
            return [], k
        j = k + 1
        taken = [w.lowers[k]]
        if j < n and w.lowers[j] == "the":
            taken.append("the")
            j += 1
        words = 0
        while j < n and words < 3 and w.texts[j].isalpha() and w.texts[j].islower() \
                and w.lowers[j] not in PLACE_DESCRIPTIONS and w.lowers[j] not in ORG_DESCRIPTIONS \
                and w.lowers[j] not in OTHER_PREPOSITIONS | HOLDER_PREPOSITIONS \
                and w.lowers[j] not in APPOSITION_ENDS and _role_noun(w.lowers[j]) is None \
                and w.lowers[j] != "and":
            taken.append(w.lowers[j])
            j += 1
            words += 1
        if words == 0:
            return [], k
        return taken, j

    def _holder_after(self, k: int, entity: int) -> tuple[int | None, int]:
        """"for Mr. Kadyrov", "of Rainbow Railroad", "to the Chechen leader, Ramzan Kadyrov",
        "for the independent news site Velmora Today": the holder and the word after it; or a
        phrase without a name ("for the coast guard") read over, holder None."""
        w = self.w
        n = len(w.texts)
        if k >= n or w.lowers[k] not in HOLDER_PREPOSITIONS:
            return None, k
        j = k + 1
        if j < n and w.lowers[j] in DETERMINERS and j not in w.mention_at:
            j += 1  # not the "The" of "The Wall Street Journal"
        skipped = 0
        role_seen = False
        while j < n and skipped <= HOLDER_SKIP:
            mention = w.mention_at.get(j)
            if mention is not None:
                last = w.mention_end_word[mention.start]
                holder = mention.entity if mention.entity != entity else None
                return holder, self._trail(last + 1)
            lower = w.lowers[j]
            if lower == "," and role_seen:
                j += 1
                continue
            if lower in (",", ".", ";", "\n", "and", "or", "who", "whose", "which") \
                    or lower in HOLDER_PREPOSITIONS or lower in OTHER_PREPOSITIONS:
                break
            if _role_noun(lower) is not None:
                role_seen = True
            skipped += 1
            j += 1
        if role_seen:
            return None, k  # "the spokesman for the Chechen leader": not this role's phrase
        return None, j

    def _described_after(self, k: int) -> int | None:
        """"the head of the republic", "a spokesman for the group": the word of a description
        right after "of/for the", which then names the holder as "the republic's" would."""
        w = self.w
        if k + 3 >= len(w.texts) or w.lowers[k] not in HOLDER_PREPOSITIONS \
                or w.lowers[k + 1] != "the" or w.lowers[k + 3].isalpha():
            return None
        noun = w.lowers[k + 2]
        return k + 2 if noun in PLACE_DESCRIPTIONS or noun in ORG_DESCRIPTIONS else None

    def _trail(self, k: int) -> int:
        """Words after a holder's name that still belong to it ("'s Beirut office",
        "regional government")."""
        w = self.w
        n = len(w.texts)
        j = k
        if j < n and w.texts[j] in POSSESSIVE:
            j += 1
        taken = 0
        while j < n and taken < HOLDER_TRAIL and w.texts[j].isalpha() \
                and w.lowers[j] not in APPOSITION_ENDS and w.lowers[j] not in ("and", "or") \
                and w.lowers[j] not in HOLDER_PREPOSITIONS | OTHER_PREPOSITIONS \
                and (w.texts[j].islower() or j > k):
            j += 1
            taken += 1
        return j if j < n and (w.lowers[j] in APPOSITION_ENDS or w.texts[j] == "\n") else k

    def _place_after(self, k: int) -> int:
        """The word after a place or time that follows a role ("from Herat", "in Istanbul")."""
        w = self.w
        n = len(w.texts)
        if k >= n or w.lowers[k] not in OTHER_PREPOSITIONS:
            return k
        j = k + 1
        if j < n and w.lowers[j] in DETERMINERS:
            j += 1
        taken = 0
        while j < n and taken < PLACE_WORDS and w.lowers[j] not in APPOSITION_ENDS \
                and w.texts[j] != "\n" and _role_noun(w.lowers[j]) is None:
            j += 1
            taken += 1
        return j

    # --- the name's surroundings ----------------------------------------------------------------

    def _possessed(self, first: int, entity: int) -> bool:
        w = self.w
        mention = w.mention_at.get(first)
        if mention is None:
            return False
        last = w.mention_end_word[mention.start]
        return last + 1 < len(w.texts) and w.texts[last + 1] in POSSESSIVE

    def _described(self, last: int) -> bool:
        """Does the name have its own description after it (an age, an apposition)?"""
        w = self.w
        n = len(w.texts)
        k = last + 1
        if k + 1 >= n or w.texts[k] != ",":
            return False
        following = w.lowers[k + 1]
        return w.texts[k + 1].isdigit() or following in DETERMINERS or following in PRONOUNS \
            or _role_noun(following) is not None

    def _fronted(self, start: int) -> bool:
        """Is word `start` inside a fronted adverbial ("After calling a lawyer, …")?"""
        w = self.w
        k = start - 1
        first = w.sentence_starts[w.sentence(start)] if w.sentence_starts else 0
        while k >= 0 and w.tokens[k] >= first:
            if w.lowers[k] in FRONTED_OPENERS:
                return True
            if w.texts[k] in (",", ";", ":", "—", "–"):
                return False  # the phrase starts a clause of its own
            k -= 1
        return False

    def _listed_after(self, first: int, entity: int) -> int | None:
        """If the name starts a list of people ("A and B", "A, B and C"), its last word."""
        w = self.w
        n = len(w.texts)
        mention = w.mention_at.get(first)
        if mention is None:
            return None
        k = w.mention_end_word[mention.start] + 1
        last: int | None = None
        while k + 1 < n and w.lowers[k] in (",", "and"):
            following = w.mention_at.get(k + 1)
            if following is None or self.entities[following.entity].type \
                    is not EntityType.PERSON or following.entity == entity:
                break
            last = w.mention_end_word[following.start]
            if w.lowers[k] == "and":
                return last
            k = last + 1
        return None

    def _list_end(self, last: int) -> int:
        """The word after a list of people that starts after word `last`."""
        w = self.w
        k = last + 1
        while k + 1 < len(w.texts) and w.lowers[k] in (",", "and") and k + 1 in w.mention_at:
            following = w.mention_at[k + 1]
            k = w.mention_end_word[following.start] + 1
        return k

    # --- holders --------------------------------------------------------------------------------

    def place(self, code: str | None) -> int | None:
        """The entity of a place code ("RU-CE") when the body names that place."""
        return self.place_of.get(code or "")

    def title_holder(self, first: int, entity: int) -> int | None:
        """"Kremlin Spokesman Dmitry Peskov", "Russia's Foreign Minister …": a name or a
        possessive right before a stripped title."""
        w = self.w
        k = first - 1
        while k >= 0 and (w.texts[k] in TITLE_WORDS or (
                w.texts[k][:1].isupper() and k not in w.mention_to
                and not w.first_of_sentence(k) and w.texts[k] not in POSSESSIVE)):
            k -= 1
        if k == first - 1 or k < 0:
            return None
        if w.texts[k] in POSSESSIVE:
            k -= 1
        mention = w.mention_to.get(k)
        if mention is None or mention.entity == entity:
            return None
        if self.entities[mention.entity].type is EntityType.PERSON:
            return None if w.texts[k + 1] not in POSSESSIVE else mention.entity
        return mention.entity

    def _held(self, phrase: _Phrase, entity: int) -> int | None:
        """The holder of a kept phrase: what its "its"/"his"/"her"/"the group's" points back
        to, else the name in it."""
        if phrase.pointer is None:
            return phrase.holder
        noun = _role_noun(self.w.lowers[phrase.head])
        head = noun[0] if noun else ""
        word = self.w.lowers[phrase.pointer]
        at = self.w.starts[phrase.pointer]
        if word in PRONOUNS:
            found = self._pronoun(at, PRONOUNS[word], head, entity)
        else:
            found = self._description(at, word, head, entity)
        return found if found is not None else phrase.holder

    def _pronoun(self, at: int, kind: EntityType, head: str, entity: int) -> int | None:
        """"Its chairman" → the nearest organisation before (a news outlet for an editor or a
        reporter); "his lawyer", "her sister" → the person named most often so far, the
        nearest of those on a tie (the text does not say which person "his" is; the one the
        story is about is the usual one)."""
        if kind is EntityType.ORGANIZATION:
            if head in MEDIA_ROLES:
                outlet = self._nearest(at, lambda e: e.media)
                if outlet is not None:
                    return outlet
            return self._nearest(at, lambda e: e.type is EntityType.ORGANIZATION)
        if head in MEDIA_ROLES:
            return None  # "her editor" is the editor of her outlet, not hers
        if head in KIN_NOUNS:
            family = self._same_surname(at, entity)
            if family is not None:
                return family
        return self._most_named(at, entity)

    def _description(self, at: int, noun: str, head: str, entity: int) -> int | None:
        """What "the republic's" or "the group's" names: the nearest country or region (a
        city for "the city's"), the nearest entity whose name carries the noun, or the nearest
        organisation (a news outlet for "the paper's"); None for nouns that name nothing ("the
        family's")."""
        if noun in PLACE_DESCRIPTIONS:
            for cue in PLACE_DESCRIPTIONS[noun]:
                preferred = self._nearest(at, _place_with_cue(cue), reach=None)
                if preferred is not None:
                    return preferred
            return self._nearest(at, lambda e: e.type is EntityType.PLACE
                                 and not e.cue.startswith("gazetteer"))
        if noun not in ORG_DESCRIPTIONS:
            return None
        named = self._nearest(at, lambda e: e.index != entity and any(
            noun in s.lower().split() for s in e.surfaces), reach=None)
        if named is not None or noun in NAMED_DESCRIPTIONS:
            return named
        if noun in MEDIA_DESCRIPTIONS or head in MEDIA_ROLES:
            return self._nearest(at, lambda e: e.media)
        return self._nearest(at, lambda e: e.type is EntityType.ORGANIZATION and not e.media)

    def _same_surname(self, at: int, entity: int) -> int | None:
        """The nearest person before character `at` who shares the surname of `entity`
        ("Her sister, Sorina Dascu" → Mirela Dascu)."""
        surname = self.entities[entity].name.split()[-1]
        return self._nearest(at, lambda e: e.index != entity and e.type is EntityType.PERSON
                             and len(e.name.split()) > 1 and e.name.split()[-1] == surname,
                             reach=None)

    def _most_named(self, at: int, entity: int) -> int | None:
        """The person other than `entity` with the most mentions before character `at`."""
        counts: dict[int, int] = {}
        last: dict[int, int] = {}
        for mention in self.mentions:
            if mention.start >= at:
                break
            e = mention.entity
            if e != entity and self.entities[e].type is EntityType.PERSON:
                counts[e] = counts.get(e, 0) + 1
                last[e] = mention.start
        if not counts:
            return None
        return max(counts, key=lambda e: (counts[e], last[e]))

    def _nearest(self, at: int, wanted: Callable[[LocalEntity], bool],
                 reach: int | None = POINTER_SENTENCES) -> int | None:
        """The entity of the nearest mention before character `at` that is `wanted`, at most
        `reach` sentences back (None: anywhere before)."""
        w = self.w
        here = w.sentence(bisect.bisect_right(w.starts, at) - 1)
        k = bisect.bisect_left(self.mention_starts, at) - 1
        while k >= 0:
            mention = self.mentions[k]
            word = bisect.bisect_right(w.starts, mention.start) - 1
            if reach is not None and here - w.sentence(word) >= reach:
                return None
            if wanted(self.entities[mention.entity]):
                return mention.entity
            k -= 1
        return None
