"""Event type and victims of one sentence, by rules over lemmas (no parser, no tagger: the blank
English pipeline of `dossier.extract.text` with the lookup lemmatizer).

`event_type(span)` is the first event of the documented vocabulary (docs/events.md, data in
`data/events.json`) that the sentence asserts, relays or denies. Triggers are lemmas and short
phrases; a few carry a context condition ("held" only in the passive or before "in/for…",
"left" only before a place, "kill" after a modal is a threat). The choice, in order:

1. strong triggers outside background clauses, first by position;
2. strong triggers inside background clauses (", who …,", appositions ", a singer who …,",
   ", including …,", restrictive "men who fled …"), first by position;
3. weak triggers (a "check", "investigators", "met") the same way.

A sentence that only reports speech has no trigger, so no type. Words capitalised inside the
sentence are names ("Missing Persons", "Investigative Committee") and never trigger.

`victims(span, event)` is the noun phrase naming who suffered that event (README, "victims"):
a people noun with its pre-modifiers ("gay men", "Egyptian men", "staff members", coordinated
"men and women") or a person's name (a capitalised run the document marks as a person: after a
title, before ", who", with an apposition naming a role, after a role noun). Which one depends
on how the trigger is used: the subject of a passive or intransitive use ("men had been
detained", "people have died"), the object of an active verb ("detained five activists"), the
complement of a noun ("the detention of gay men", "asylum to two Chechen men"). A pronoun in
that place gives None, as does an event type without victims (sanction, protest, statement,
meeting, investigation).
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from spacy.tokens import Doc, Span

from dossier.extract.text import WORD_CACHE, lemma, tokens

EVENT_TYPES: tuple[str, ...] = (
    "detention", "abduction", "torture", "killing", "death", "disappearance", "threat",
    "flight", "blackmail", "sanction", "asylum", "meeting", "statement", "investigation",
    "release", "trial", "protest", "attack", "restriction",
)

# ---------------------------------------------------------------------------------------------
# Word lists and windows of the rules. The lists are general English news vocabulary written
# from reading news prose (not copied from the labelled set); each window (in tokens) is the
# smallest that covers the ordinary constructions quoted next to it. The development figures
# in docs/events.md were measured with these values.
# ---------------------------------------------------------------------------------------------

# Auxiliaries that make a following participle passive ("was detained", "got arrested").
BE_AUX = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "'s", "’s", "get",
                    "got", "gets", "getting", "gotten"})
# Words that may stand between an auxiliary and its participle ("were later handed over").
BETWEEN_AUX = frozenset({"not", "never", "still", "also", "then", "later", "reportedly",
                         "allegedly", "already", "briefly", "just", "only", "since", "now",
                         "all", "both", "first", "again", "once", "currently", "being",
                         "been", "apparently", "quietly", "secretly", "illegally",
                         "arbitrarily", "eventually", "finally", "repeatedly", "recently"})
# How far back (tokens) an auxiliary may be for a passive: "were then later handed over".
PASSIVE_WINDOW = 4
# "held"/"kept" before these is custody even without an auxiliary ("held for 12 days").
CUSTODY_FOLLOWERS = frozenset({"in", "for", "at", "without", "incommunicado", "captive",
                               "hostage", "by", "since", "until", "on", "under", "overnight",
                               "as", "inside"})
CAPTIVE_WORDS = frozenset({"captive", "hostage", "hostages", "incommunicado", "prisoner",
                           "prisoners"})
# A modal or "to" before "kill"/"be punished" makes it a threat ("should be killed", "urged to
# kill them"); the window, 3 tokens, covers "would then be punished".
MODALS = frozenset({"should", "would", "will", "could", "must", "might", "may", "shall", "to",
                    "'ll", "’ll", "'d", "’d"})
MODAL_WINDOW = 3
# Causes that make "killed" a death, not a killing ("the floods killed 64 people").
DISASTERS = frozenset({"flood", "earthquake", "storm", "cyclone", "hurricane", "typhoon",
                       "landslide", "fire", "blaze", "avalanche", "drought", "famine",
                       "epidemic", "disease", "virus", "heatwave", "tsunami", "mudslide",
                       "explosion", "crash", "accident", "quake", "wildfire", "cholera",
                       "outbreak", "cold", "heat", "hunger"})
DISASTER_WINDOW = 3
# "left" is flight before a place: a capitalised name, or one of these.
LEAVE_FOLLOWERS = frozenset({"for", "on", "after", "abroad", "via", ",", ".", "when", "before",
                             "home", "within", "soon", "later", "shortly", "immediately"})
PLACE_NOUNS = frozenset({"country", "region", "republic", "city", "town", "village", "area",
                         "province", "state", "capital", "territory", "island", "homeland",
                         "zone", "district", "continent", "mainland"})
# What is released when no one is ("the report was released", "will release its results"),
# looked for this many tokens before a passive or after an active trigger. General news usage.
RELEASED_THINGS = frozenset({
    "report", "statement", "result", "figure", "data", "video", "footage", "recording",
    "image", "photo", "photograph", "document", "detail", "finding", "list", "album", "song",
    "film", "book", "budget", "fund", "money", "water", "gas", "smoke", "balloon", "version",
    "update", "app", "software", "information", "transcript", "letter", "emission", "toxin",
    "tape", "poll", "survey", "study", "guideline", "plan", "map", "record", "file", "audio",
    "trailer", "single", "game", "product", "funding", "aid", "grain", "reserve", "stock",
})
THING_WINDOW = 4
# "appeal to the Supreme Court" is the trial, not a call.
COURT_WORDS = frozenset({"court", "tribunal", "judge", "verdict", "sentence", "ruling",
                         "conviction"})
APPEAL_WINDOW = 5  # "appeal to the country's Supreme Court"
# "left the country", "left their village": a determiner before a place noun.
POSSESSIVE_DETERMINERS = frozenset({"the", "his", "her", "their", "its", "our", "my"})
ASSET_WINDOW = 5  # "freeze the officials' assets"
CONFINED_WINDOW = 6  # "spent (a week) in (a former) barracks": "in" within 6, noun within 3
# Document lemmas that put "named"/"listed" (sanction) and "paid" (blackmail) in context.
CONTEXT_LEMMAS: dict[str, frozenset[str]] = {
    "sanction_context": frozenset({"sanction"}),
    "blackmail_context": frozenset({"blackmail", "extort", "extortion"}),
    # kicked or punched in custody is ill-treatment (torture); in the street, an attack
    "custody_context": frozenset({"detain", "detention", "arrest", "custody", "prison", "jail",
                                  "cell", "detainee", "prisoner", "inmate", "interrogation"}),
}
# A statement trigger after a negation is no event ("has not spoken publicly").
# "pushed her into a grey minivan", "dragged dozens of people into lorries": someone (a
# pronoun, a people noun or a name) forced into a vehicle is taken. "into" within 8 tokens of
# the verb ("bundled a woman in a dark coat into a van"), the vehicle within 3 after it; not
# "forced his way into", "threw stones into the bus".
INTO_WINDOW = 8
VEHICLE_WINDOW = 3
TAKEN_OBJECTS = frozenset({"him", "her", "them", "me", "us", "someone", "anyone"})
# "he was seized by men in uniform", "they seized her": seized is a person taken, and money
# demanded from someone is extortion, when a pronoun, a people noun or a name is the one taken
# or asked (before a passive, after an active verb): not "seized power", "seized the phone",
# "demanded more money from the ministry".
TAKEN_SUBJECTS = frozenset({"he", "she", "they", "i", "we", "who"})
TAKEN_KIN = frozenset({"son", "daughter", "brother", "sister", "father", "mother", "husband",
                       "wife", "uncle", "cousin", "nephew", "niece", "fiance", "fiancee"})
TAKEN_WINDOW = 4  # "seized the mayor's son"
TAKEN_SUBJECT_WINDOW = 6  # "Ruslan Dzhabrailov, a singer, was seized"
OBJECT_ENDS = frozenset({"for", "to", "in", "on", "at", "with", "by", ",", ".", "and", "after"})
# Restrictions (a shutdown, a ban, a vote called off) are only one when what is cut, called off
# or banned is named this close (in tokens): right before a noun ("an internet shutdown"),
# after an active verb ("blocked access to Telegram", not "cut our engine, took our phones"),
# and before a passive as far back as its subject may be ("Mobile data in the capital has been
# switched off", "The vote, which had been due on 16 April, was called off").
RESTRICTED_WINDOW = 2
RESTRICTED_OBJECT_WINDOW = 4
RESTRICTED_SUBJECT_WINDOW = 12
COMMUNICATIONS = frozenset({"internet", "data", "network", "phone", "telephone", "mobile",
                            "broadband", "website", "messaging", "connection", "telegram",
                            "whatsapp", "facebook", "twitter", "youtube", "communication",
                            "signal", "landline", "cellular"})
ELECTIONS = frozenset({"election", "vote", "referendum", "ballot", "polls"})
GATHERINGS = frozenset({"gathering", "protest", "rally", "demonstration", "assembly", "march",
                        "vigil", "strike", "meeting"})
RESTRICTED: dict[str, frozenset[str]] = {
    "communications": COMMUNICATIONS, "election": ELECTIONS, "gathering": GATHERINGS}
NEGATIONS = frozenset({"not", "never", "n't", "no", "declined", "refused"})
NEGATION_WINDOW = 3
# A call followed this closely by a threat is the threat ("were urged to kill them").
STATEMENT_THREAT_WINDOW = 4
# "should" before a trigger makes it advice, not an assertion ("Canada should take in…").
ADVICE = frozenset({"should", "ought"})
# Tokens after which a capitalised word still starts the sentence.
OPENERS = frozenset({'"', "“", "‘", "'", "(", "[", ":", "—", "–", "-", "«"})
CLOSING_QUOTES = frozenset({'"', "”", "’", "'", "»"})

# "after reports of …", "amid allegations of …": a background aside up to the next comma.
REPORTS_ASIDE_OPENERS = frozenset({"after", "amid", "following", "since", "over"})
REPORTS_ASIDE_NOUNS = frozenset({"reports", "report", "news", "allegations", "accounts",
                                 "claims", "rumours", "rumors"})
# Relative pronouns opening a background clause.
RELATIVE = frozenset({"who", "whom", "whose", "which"})
# Auxiliaries and modals that end a restrictive relative clause ("men who fled | were
# hunted") unless a subject pronoun, another auxiliary, "to" or a conjunction stands before.
CLAUSE_END_AUX = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "would",
                            "can", "could", "should", "must", "may", "might", "remains",
                            "remain", "does", "do", "did"})
REPORTING_VERBS = frozenset({"said", "says", "say", "told", "tells", "described", "describes",
                             "reported", "reports", "added", "adds", "claimed", "claims",
                             "alleged", "alleges", "insisted", "insists", "recalled",
                             "recalls", "testified", "testifies"})
SUBJECT_PRONOUNS = frozenset({"i", "he", "she", "it", "we", "they", "you", "there", "who",
                              "that", "which", "to", "and", "or", "but", "not", "never"})
APPOSITION_MAX = 16  # tokens between the commas of an apposition
# Words after which a new clause (with its own subject) starts, for the subject search.
CLAUSE_BOUNDARIES = frozenset({
    "that", "said", "says", "say", "saying", "told", "tell", "tells", "telling", "reported",
    "reporting", "added", "adding", "according", "whether", "why", "how", "because",
    "describes", "described", "describe", "describing", "alleged", "alleges", "allege",
    "claimed", "claims", "confirmed", "confirms", "denied", "denies", "deny", "believe",
    "believes", "estimate", "estimates", "estimated", "suggested", "suggests", "showed",
    "shows", "warned", "insisted", "insists", ";", ":", "although", "though", "while",
})
# Words that may precede a trigger at the start of its clause when the subject follows
# ("If convicted, the journalists…", "Also freed were…").
CLAUSE_OPENERS = frozenset({"if", "once", "when", "after", "also", "later", "then", ",",
                            "unless", "until", "before", "since", "as", "newly", "recently"})
# After these a people noun modifies an institution and names no one ("the refugee agency").
INSTITUTION_NOUNS = frozenset({"agency", "agencies", "camp", "camps", "group", "groups",
                               "organisation", "organization", "office", "council", "union",
                               "association", "rights", "status", "centre", "center",
                               "program", "programme", "crisis", "boat", "boats", "network",
                               "committee", "commission", "movement", "body", "bodies",
                               "shelter", "route", "routes", "policy", "law", "quota"})
# After a reduced relative participle ("the people evacuated by…", "people killed is…").
PARTICIPLE_FOLLOWERS = frozenset({"by", "in", "at", "during", "since", "is", "was", "were",
                                  "are", "has", "have", "had", ",", ".", "from", "on", "so",
                                  "last", "this", "over", "there", "while", "under"})
# Before a trigger, these make it a noun ("the detention", "new detentions").
NOUN_CUES = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your",
                       "any", "no", "such", "new", "of", "more", "further", "recent",
                       "these", "those", "this", "mass", "alleged", "reported", "criminal",
                       "'s", "’s", "second", "first", "fresh", "renewed", "wave", "death",
                       "secret", "arbitrary", "violent", "brutal", "deadly", "possible",
                       "immediate", "unlawful", "illegal", "extrajudicial"})
NOUN_SUFFIXES = ("tion", "tions", "sion", "sions", "ment", "ments", "ance", "ances", "ence",
                 "ences", "ings", "ism", "ure", "ures")
NOUN_FORMS = frozenset({"threat", "threats", "death", "deaths", "asylum", "refuge", "visa",
                        "visas", "trial", "trials", "sanctions", "arrests", "protests",
                        "rally", "rallies", "massacre", "retribution", "dead", "bodies",
                        "remains", "exchange", "swap", "raid", "raids", "riots", "suits",
                        "lawsuit", "lawsuits", "shocks", "attacks", "abuse", "summit",
                        "talks", "inquiry", "probe", "amnesty", "pardon", "exile", "body"})
# Complements that name the victims of a noun ("detention of", "asylum to", "threats against").
NOUN_COMPLEMENTS = frozenset({"of", "to", "against", "on", "for", "upon"})
NOUN_COMPLEMENT_WINDOW = 8  # "refuge to at least 22 gay men and women"
# Triggers whose victims are their grammatical subject ("people have died", "he fled").
INTRANSITIVE = frozenset({"die", "vanish", "disappear", "flee", "leave", "escape", "perish",
                          "drown", "dead", "missing", "face", "remain", "emigrate", "go",
                          "get", "stand", "in", "behind", "spend", "plead", "lose",
                          "=missing", "=never", "walk", "=hanged", "hang", "relocate",
                          "trial", "deadly"})
# Pronouns: as victims they give None (README: "null when the victims are only a pronoun").
PRONOUNS = frozenset({"he", "she", "they", "him", "them", "we", "us", "i", "me", "you",
                      "anyone", "anybody", "someone", "somebody", "everyone", "everybody",
                      "nobody", "himself", "herself", "themselves", "one"})
# "her" is a pronoun (not a possessive) before these.
HER_PRONOUN_FOLLOWERS = frozenset({",", ".", "to", "for", "in", "on", "at", "with", "after",
                                   "and", "of", "from", "over", "because", ";", "as", "into",
                                   "until", "without", "before", "since", "by", "\"", "”"})
# Endings of demonyms before a people noun ("Egyptian", "Chinese", "Polish", "Iraqi", "Czech",
# "Chechen", "Arabic", "Muscovite"): a capitalised pre-modifier with one of them is kept.
DEMONYM_SUFFIXES = ("an", "ian", "ese", "ish", "i", "ch", "en", "ic", "ite")


# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

LEMMA, LOWER, ANY, SET = range(4)


@dataclass(frozen=True)
class _Pattern:
    event: str
    weak: bool
    items: tuple[tuple[int, str], ...]
    when: str | None
    victims: bool
    key: str  # the phrase as written, for tests and explanations


@dataclass(frozen=True)
class _Vocabulary:
    triggers: dict[str, tuple[_Pattern, ...]]
    exclusions: dict[str, tuple[_Pattern, ...]]
    sets: dict[str, frozenset[str]]
    people: frozenset[str]
    modifiers: frozenset[str]
    occupations: frozenset[str]
    honorifics: frozenset[str]
    no_victim_types: frozenset[str]


def _items(phrase: str) -> tuple[tuple[int, str], ...]:
    out: list[tuple[int, str]] = []
    for word in phrase.split():
        if word == "*":
            out.append((ANY, ""))
        elif word.startswith("=") and len(word) > 1:
            out.append((LOWER, word[1:].lower()))
        elif word.startswith("@"):
            out.append((SET, word[1:]))
        else:
            out.append((LEMMA, word.lower()))
    if not out or out[0][0] == ANY:
        raise ValueError(f"bad event phrase {phrase!r}")
    return tuple(out)


def _pattern(event: str, weak: bool, entry: str | dict[str, Any]) -> _Pattern:
    if isinstance(entry, str):
        return _Pattern(event, weak, _items(entry), None, True, entry)
    phrase = str(entry["phrase"])
    return _Pattern(event, weak, _items(phrase), entry.get("when"),
                    bool(entry.get("victims", True)), phrase)


def _index(patterns: Iterable[_Pattern], sets: dict[str, frozenset[str]]
           ) -> dict[str, tuple[_Pattern, ...]]:
    """Patterns by the word their first item matches (a lemma, a lower-case form, or each
    member of a set); `_match` checks the item itself."""
    index: dict[str, list[_Pattern]] = {}
    for p in patterns:
        kind, value = p.items[0]
        for key in (sets[value] if kind == SET else (value,)):
            index.setdefault(key, []).append(p)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def vocabulary() -> _Vocabulary:
    """data/events.json, loaded and indexed once per process."""
    raw = json.loads(resources.files("dossier").joinpath("data/events.json")
                     .read_text(encoding="utf-8"))
    sets = {name: frozenset(w.lower() for w in words) for name, words in raw["sets"].items()}
    patterns: list[_Pattern] = []
    for event, spec in raw["types"].items():
        if event not in EVENT_TYPES:
            raise ValueError(f"unknown event type {event!r} in events.json")
        patterns += [_pattern(event, False, e) for e in spec["strong"]]
        patterns += [_pattern(event, True, e) for e in spec["weak"]]
    exclusions = [_pattern("", False, e) for e in raw["exclusions"]]
    return _Vocabulary(
        triggers=_index(patterns, sets), exclusions=_index(exclusions, sets), sets=sets,
        people=frozenset(raw["people"]), modifiers=frozenset(raw["modifiers"]),
        occupations=frozenset(raw["occupations"]), honorifics=frozenset(raw["honorifics"]),
        no_victim_types=frozenset(raw["no_victim_types"]),
    )


@lru_cache(maxsize=WORD_CACHE)
def _forms(text: str) -> tuple[str, str, bool]:
    """A word's lower case, the lookup lemma of that ("Detainees" keeps its case in spaCy's
    lemma, so words are looked up lower-cased here), and whether it starts with a capital."""
    lower = text.lower()
    return lower, lemma(lower), text[:1].isupper()


# ---------------------------------------------------------------------------------------------
# Sentence analysis
# ---------------------------------------------------------------------------------------------


class _Tok(NamedTuple):  # a tuple: built for every word of every Doc, so cheap to make
    text: str
    lower: str
    lemma: str
    title: bool  # starts with an upper-case letter
    initial: bool  # first word of the sentence, or right after an opening quote or colon
    glued: bool  # no white space after it


@dataclass(frozen=True)
class _Segment:
    """A background stretch [start, end) of tokens: a relative clause, an apposition, an
    "including …" aside. `rel` is the relative pronoun's index (or -1)."""

    start: int
    end: int
    kind: str  # "rel", "appos", "aside"
    rel: int


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    pattern: _Pattern
    background: bool


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    kind: str  # "people", "name", "pronoun"


@dataclass
class _Analysis:
    toks: list[_Tok]
    char_starts: list[int]
    char_ends: list[int]
    segments: list[_Segment]
    background: list[int]  # index of the innermost segment per token, -1 outside
    hits: list[_Hit]
    hit: _Hit | None


@dataclass(frozen=True)
class _DocTokens:
    """The words of a whole document (white space left out), built once per Doc."""

    toks: list[_Tok]
    starts: list[int]
    ends: list[int]
    position: list[int]  # doc token index → index in `toks` (of the next word for spaces)
    lemmas: frozenset[str]
    text: str  # Doc.text joins every token on each call: kept once here


@dataclass
class _DocCache:
    """What one Doc needs once: its words, its person names, each sentence's analysis."""

    tokens: _DocTokens
    persons: frozenset[str] | None = None
    sentences: dict[tuple[int, int], _Analysis] = field(default_factory=dict)


# Per-Doc caches, dropped with the Doc (kept out of Doc.user_data, which spaCy serialises).
_CACHE: weakref.WeakKeyDictionary[Doc, _DocCache] = weakref.WeakKeyDictionary()


def _doc_cache(doc: Doc) -> _DocCache:
    cache = _CACHE.get(doc)
    if cache is None:
        cache = _DocCache(_read_doc(doc))
        _CACHE[doc] = cache
    return cache


def _doc_tokens(doc: Doc) -> _DocTokens:
    return _doc_cache(doc).tokens


def _read_doc(doc: Doc) -> _DocTokens:
    """The words of the document's token table (`text.tokens`), with their lemmas."""
    table = tokens(doc)
    toks: list[_Tok] = []
    starts: list[int] = []
    ends: list[int] = []
    position: list[int] = []
    previous = ""
    for text, idx, space in zip(table.texts, table.starts, table.spaces, strict=True):
        position.append(len(toks))
        if text.isspace():
            continue
        lower, lemma_, title = _forms(text)
        initial = not toks or previous in OPENERS  # a span's first word: see _tokens
        toks.append(_Tok(text, lower, lemma_, title, initial, not space))
        starts.append(idx)
        ends.append(idx + len(text))
        previous = text
    position.append(len(toks))
    return _DocTokens(toks, starts, ends, position, frozenset(t.lemma for t in toks),
                      table.text)


def _tokens(span: Span) -> tuple[list[_Tok], list[int], list[int]]:
    d = _doc_tokens(span.doc)
    lo, hi = d.position[span.start], d.position[span.end]
    toks = d.toks[lo:hi]
    if toks and not toks[0].initial:
        first = toks[0]
        toks[0] = _Tok(first.text, first.lower, first.lemma, first.title, True, first.glued)
    return toks, d.starts[lo:hi], d.ends[lo:hi]


def _segments(toks: Sequence[_Tok]) -> list[_Segment]:
    n = len(toks)
    found: list[_Segment] = []
    for i, t in enumerate(toks):
        if t.text == "," and i + 1 < n:
            nxt = toks[i + 1].lower
            close = _next_comma(toks, i + 1)
            if nxt in RELATIVE:
                found.append(_Segment(i, close, "rel", i + 1))
            elif (nxt in ("a", "an", "the") and i > 0 and toks[i - 1].title and close < n
                  and close - i <= APPOSITION_MAX):
                found.append(_Segment(i, close + 1, "appos", -1))
            elif nxt in ("including", "among"):
                found.append(_Segment(i, close, "aside", -1))
        elif t.lower in ("who", "whom") and i > 0 and toks[i - 1].text != ",":
            found.append(_Segment(i, _restrictive_end(toks, i), "rel", i))
        elif t.lower in REPORTS_ASIDE_OPENERS and i + 2 < n \
                and toks[i + 1].lower in REPORTS_ASIDE_NOUNS and toks[i + 2].lower == "of":
            # "the hotline it set up after reports of mass detentions, and …": what prompted
            # the act is told in passing (2026-11-21, the demo's hotline paraphrases)
            found.append(_Segment(i, _next_comma(toks, i + 1), "aside", -1))
    return found


def _next_comma(toks: Sequence[_Tok], i: int) -> int:
    for j in range(i, len(toks)):
        if toks[j].text in (",", ";"):
            return j
    return len(toks)


def _restrictive_end(toks: Sequence[_Tok], i: int) -> int:
    """End of "who …" without a comma: at an auxiliary or reporting verb that follows the
    clause's own words (not a pronoun subject, auxiliary, "to" or conjunction)."""
    for j in range(i + 2, len(toks)):
        w, prev = toks[j].lower, toks[j - 1].lower
        if w in (",", ";", ":"):
            return j
        if prev in SUBJECT_PRONOUNS or prev in CLAUSE_END_AUX or prev in BE_AUX:
            continue
        if w in CLAUSE_END_AUX or w in REPORTING_VERBS:
            return j
    return len(toks)


def _innermost(segments: Sequence[_Segment], n: int) -> list[int]:
    owner = [-1] * n
    # later (inner or following) segments overwrite earlier ones where they overlap
    for k, seg in sorted(enumerate(segments), key=lambda e: (e[1].start, -e[1].end)):
        for i in range(seg.start, min(seg.end, n)):
            owner[i] = k
    return owner


def _match(items: Sequence[tuple[int, str]], toks: Sequence[_Tok], i: int,
           sets: dict[str, frozenset[str]], k: int = 0) -> int | None:
    """End index (exclusive) of the pattern's items from k on matched at token i, or None.
    An ANY item takes one token if the rest then matches, else none; every other item
    takes one token (a loop, not a call per item: this runs for every trigger word)."""
    n = len(toks)
    j = i
    while k < len(items):
        kind, value = items[k]
        k += 1
        if kind == ANY:
            if j < n:
                got = _match(items, toks, j + 1, sets, k)
                if got is not None:
                    return got
            continue
        if j >= n:
            return None
        tok = toks[j]
        if kind == LEMMA:
            ok = tok.lemma == value or tok.lower == value
        elif kind == LOWER:
            ok = tok.lower == value
        else:
            ok = tok.lemma in sets[value] or tok.lower in sets[value]
        if not ok:
            return None
        j += 1
    return j


def _patterns_at(index: dict[str, tuple[_Pattern, ...]], t: _Tok) -> tuple[_Pattern, ...]:
    found = index.get(t.lemma, ())
    if t.lower != t.lemma:
        found += index.get(t.lower, ())
    return found


def _passive(toks: Sequence[_Tok], i: int) -> bool:
    j = i - 1
    while j >= 0 and i - j <= PASSIVE_WINDOW:
        w = toks[j].lower
        if w in BE_AUX:
            return True
        if w in BETWEEN_AUX or w.endswith("ly"):
            j -= 1
            continue
        return False
    return False


def _person(t: _Tok, pronouns: frozenset[str], vocab: _Vocabulary) -> bool:
    """Whether a word names someone: one of these pronouns, a people noun, or a name (a
    capitalised word that does not open the sentence)."""
    return t.lower in pronouns or t.lower in vocab.people or (t.title and not t.initial)


def _condition(when: str, toks: Sequence[_Tok], start: int, end: int, doc: Doc) -> bool:
    n = len(toks)
    nxt = toks[end] if end < n else None
    before = [t for t in toks[max(0, start - MODAL_WINDOW):start]]
    if when == "passive":
        return _passive(toks, start) or (nxt is not None and nxt.lower in CUSTODY_FOLLOWERS)
    if when == "captive":
        return any(t.lower in CAPTIVE_WORDS for t in toks[end:end + 3])
    if when == "confined":
        confinement = vocabulary().sets["confinement"]
        for j in range(end, min(n, end + CONFINED_WINDOW)):
            if toks[j].lower == "in":
                return any(t.lemma in confinement for t in toks[j + 1:j + 4])
        return False
    modal = any(t.lower in MODALS for t in before)
    disaster = any(t.lemma in DISASTERS for t in toks[max(0, start - DISASTER_WINDOW):start])
    if when == "modal":
        return modal
    if when == "disaster":
        return disaster
    if when == "plain_kill":
        return not modal and not disaster
    if when == "leave_place":
        if nxt is None:
            return True
        if nxt.title and not nxt.initial:
            return True
        if nxt.lower in LEAVE_FOLLOWERS:
            return True
        # "left the country", "leave the North Caucasus" (a name after "the")
        return (nxt.lower in POSSESSIVE_DETERMINERS and end + 1 < n
                and (toks[end + 1].lemma in PLACE_NOUNS
                     or (nxt.lower == "the" and toks[end + 1].title)))
    if when in CONTEXT_LEMMAS:
        return bool(CONTEXT_LEMMAS[when] & _doc_tokens(doc).lemmas)
    if when == "no_custody_context":
        return not CONTEXT_LEMMAS["custody_context"] & _doc_tokens(doc).lemmas
    if when == "near_asset":
        return any(t.lemma == "asset" for t in toks[end:end + ASSET_WINDOW])
    if when in ("appeal_call", "appeal_court"):
        # "appealed to the prosecutor", "appeals for calm": a call; "will appeal (to the
        # Supreme Court)", "appeal the verdict": the trial
        court = any(t.lemma in COURT_WORDS for t in toks[end:end + APPEAL_WINDOW])
        call = nxt is not None and nxt.lower in ("to", "for") and not court
        return call if when == "appeal_call" else not call
    if when == "not_a_thing":
        # "released the report", "results were released": things, not people
        around = toks[max(0, start - THING_WINDOW):start] if _passive(toks, start) else (
            toks[end:end + THING_WINDOW])
        return not any(t.lemma in RELEASED_THINGS for t in around)
    if when == "into_vehicle":
        vocab = vocabulary()
        for j in range(end, min(n, end + INTO_WINDOW)):
            if toks[j].lower == "into":
                between = toks[end:j]
                taken = any(_person(t, TAKEN_OBJECTS, vocab) for t in between)
                return taken and not any(t.lower == "way" for t in between) and any(
                    t.lemma in vocab.sets["vehicle"] for t in toks[j + 1:j + 1 + VEHICLE_WINDOW])
        return False
    if when == "person_object":
        vocab = vocabulary()
        if _passive(toks, start):
            return any(_person(t, TAKEN_SUBJECTS, vocab)
                       for t in toks[max(0, start - TAKEN_SUBJECT_WINDOW):start])
        for t in toks[end:end + TAKEN_WINDOW]:
            if _person(t, TAKEN_OBJECTS, vocab) or t.lemma in TAKEN_KIN:
                return True
            if t.lower in OBJECT_ENDS:  # "from the ministry | for teachers"
                return False
        return False
    if when in RESTRICTED:
        if _passive(toks, start):  # what was cut is its subject: before it
            near = toks[max(0, start - RESTRICTED_SUBJECT_WINDOW):start]
        else:  # "cut off the internet", "blocked access to Telegram", "a curfew … ban"
            near = toks[max(0, start - RESTRICTED_WINDOW):end + RESTRICTED_OBJECT_WINDOW]
        return any(t.lemma in RESTRICTED[when] or t.lower in RESTRICTED[when] for t in near)
    if when == "ask_named":
        return nxt is not None and nxt.title and nxt.lower != "i"
    raise ValueError(f"unknown condition {when!r} in events.json")


def _excluded_tokens(toks: Sequence[_Tok], vocab: _Vocabulary) -> set[int]:
    out: set[int] = set()
    for i, t in enumerate(toks):
        for p in _patterns_at(vocab.exclusions, t):
            end = _match(p.items, toks, i, vocab.sets)
            if end is not None:
                out.update(range(i, end))
    return out


def _hits(toks: Sequence[_Tok], owner: Sequence[int], doc: Doc) -> list[_Hit]:
    vocab = vocabulary()
    triggers = vocab.triggers
    excluded: set[int] | None = None
    hits: list[_Hit] = []
    for i, t in enumerate(toks):
        patterns = triggers.get(t.lemma, ())
        if t.lower != t.lemma:
            patterns += triggers.get(t.lower, ())
        if not patterns or _in_name(toks, i):
            continue
        if excluded is None:
            excluded = _excluded_tokens(toks, vocab)
        if i in excluded:
            continue
        for p in patterns:
            end = _match(p.items, toks, i, vocab.sets)
            if end is None:
                continue
            if p.when is not None and not _condition(p.when, toks, i, end, doc):
                continue
            window = [toks[j].lower for j in range(max(0, i - NEGATION_WINDOW), i)]
            if p.event != "threat" and any(w in ADVICE for w in window[-2:]):
                continue
            if p.event == "statement" and any(w in NEGATIONS for w in window):
                continue
            hits.append(_Hit(i, end, p, owner[i] >= 0))
    # "urged to kill them", "called for them to be punished": the threat is the event
    threats = [h.start for h in hits if h.pattern.event == "threat"]
    return [h for h in hits if h.pattern.event != "statement"
            or not any(0 < t - h.end < STATEMENT_THREAT_WINDOW for t in threats)]


def _in_name(toks: Sequence[_Tok], i: int) -> bool:
    """A capitalised word inside the sentence, or a first word that starts a run of them
    ("Amnesty International said…"), is part of a name and triggers nothing."""
    t = toks[i]
    if not t.title:
        return False
    if not t.initial:
        return True
    return i + 1 < len(toks) and toks[i + 1].title and toks[i + 1].text.isalpha()


def _choose(hits: Sequence[_Hit]) -> _Hit | None:
    """Strong before weak, foreground before background, then the first by position; at one
    position the longest phrase ("death threats" is a threat, not a death)."""
    for weak in (False, True):
        for background in (False, True):
            best: _Hit | None = None
            for h in hits:
                if h.pattern.weak != weak or h.background != background:
                    continue
                if best is None or h.start < best.start or (
                        h.start == best.start and h.end > best.end):
                    best = h
            if best is not None:
                return best
    return None


def _analyse(span: Span) -> _Analysis:
    sentences = _doc_cache(span.doc).sentences
    cached = sentences.get((span.start, span.end))
    if cached is not None:
        return cached
    toks, starts, ends = _tokens(span)
    segments = _segments(toks)
    owner = _innermost(segments, len(toks))
    hits = _hits(toks, owner, span.doc)
    analysis = _Analysis(toks, starts, ends, segments, owner, hits, _choose(hits))
    sentences[(span.start, span.end)] = analysis
    return analysis


def event_type(sentence: Span) -> str | None:
    """The type of the first event of the vocabulary the sentence asserts, relays or denies."""
    hit = _analyse(sentence).hit
    return hit.pattern.event if hit is not None else None


def event_types(sentence: Span) -> tuple[str, ...]:
    """Every event type the sentence names, the chosen one (`event_type`) first, then in order:
    "held for two weeks and released after a payment" is a detention and a release."""
    a = _analyse(sentence)
    found = [a.hit.pattern.event] if a.hit is not None else []
    for h in sorted(a.hits, key=lambda h: h.start):
        if h.pattern.event not in found:
            found.append(h.pattern.event)
    return tuple(found)


def event_trigger(sentence: Span) -> str | None:
    """The words that decided the event type (for explanations), or None."""
    a = _analyse(sentence)
    if a.hit is None:
        return None
    start, end = a.char_starts[a.hit.start], a.char_ends[a.hit.end - 1]
    return _doc_tokens(sentence.doc).text[start:end]


# ---------------------------------------------------------------------------------------------
# Victims
# ---------------------------------------------------------------------------------------------


def _name_token(t: _Tok) -> bool:
    text = t.text
    if not t.title:
        return False
    core = text[:-1] if text.endswith(".") else text
    return core.isalpha()


def _persons(doc: Doc) -> frozenset[str]:
    """Capitalised words the document marks as parts of a person's name: after a title
    ("Mr. Lapunov"), before ", who", with an apposition naming a role (", a singer", ", the
    investigative reporter"), or after a role noun ("the journalist Alsu Kurmasheva")."""
    cache = _doc_cache(doc)
    if cache.persons is not None:
        return cache.persons
    vocab = vocabulary()
    toks = cache.tokens.toks
    found: set[str] = set()
    i = 0
    n = len(toks)
    while i < n:
        if not _name_token(toks[i]):
            i += 1
            continue
        j = i
        while j < n and (_name_token(toks[j]) or (
                toks[j].text == "-" and toks[j].glued and j + 1 < n and _name_token(toks[j + 1])
                and j > i)):
            j += 1
        run = [t for t in toks[i:j] if t.text != "-"]
        lead = 0
        while lead < len(run) and run[lead].lower in vocab.honorifics:
            lead += 1
        names = run[lead:]
        if (names and not (len(names) == 1 and names[0].lower in ("the", "a", "an"))
                and _person_cue(toks, i, j, lead > 0, vocab)):
            found.update(t.text.rstrip(".") for t in names if len(t.text) > 2)
        i = j
    cache.persons = frozenset(found)
    return cache.persons


def _person_cue(toks: Sequence[_Tok], i: int, j: int, titled: bool, vocab: _Vocabulary) -> bool:
    n = len(toks)
    if titled:
        return True
    if i > 0 and toks[i - 1].lemma in vocab.occupations and not toks[i - 1].title:
        return True
    if j + 1 < n and toks[j].text == ",":
        nxt = toks[j + 1].lower
        if nxt in ("who", "whose"):
            return True
        if nxt in ("a", "an", "the"):
            for k in range(j + 2, min(n, j + 2 + APPOSITION_MAX)):
                if toks[k].text in (",", ";", "."):
                    break
                if toks[k].lemma in vocab.occupations and not toks[k].title:
                    return True
        if toks[j + 1].text[:1].isdigit() and j + 2 < n and toks[j + 2].text == ",":
            return True  # "Samuel Adeyo, 23,"
    return False


def _candidates(toks: Sequence[_Tok], persons: frozenset[str]) -> list[_Candidate]:
    vocab = vocabulary()
    n = len(toks)
    out: list[_Candidate] = []
    i = 0
    while i < n:
        t = toks[i]
        # names
        if _name_token(t) and (not t.initial or t.text.rstrip(".") in persons
                               or t.lower in vocab.honorifics):
            j = i
            while j < n and (_name_token(toks[j]) or (
                    toks[j].text == "-" and toks[j].glued and j + 1 < n
                    and _name_token(toks[j + 1]) and j > i)):
                j += 1
            lead = i
            while lead < j and toks[lead].lower in vocab.honorifics:
                lead += 1
            if lead < j and toks[j - 1].text.rstrip(".") in persons:
                out.append(_Candidate(lead, j, "name"))
                i = j
                continue
            if j > i + 1 or not t.initial:
                i = j
                continue
        # pronouns
        if t.lower in PRONOUNS and not (t.lower == "one" and i + 1 < n
                                        and toks[i + 1].lower == "of"):
            if t.lower != "one" or (i > 0 and toks[i - 1].lower == "no"):
                out.append(_Candidate(i, i + 1, "pronoun"))
            i += 1
            continue
        if t.lower == "her" and (i + 1 >= n or toks[i + 1].lower in HER_PRONOUN_FOLLOWERS):
            out.append(_Candidate(i, i + 1, "pronoun"))
            i += 1
            continue
        # people nouns
        if t.lower in vocab.people and (not t.title or t.initial):
            j = i
            while j + 1 < n and toks[j + 1].lower in vocab.people and not toks[j + 1].title:
                j += 1  # "staff members"
            if j + 1 < n and toks[j + 1].lower in INSTITUTION_NOUNS:
                i = j + 1  # "the refugee agency"
                continue
            start = _modifiers_start(toks, i, persons, vocab)
            end = j + 1
            # "men and women", "gay men and women"
            if end + 1 < n and toks[end].lower in ("and", "or"):
                k = end + 1
                while k < n and toks[k].lower in vocab.modifiers and not toks[k].title:
                    k += 1
                if k < n and toks[k].lower in vocab.people and not toks[k].title:
                    end = k + 1
            # "the journalist Alsu Kurmasheva": the name, not the role
            if end < n and _name_token(toks[end]) and toks[end].text.rstrip(".") in persons:
                i = end
                continue
            out.append(_Candidate(start, end, "people"))
            i = end
            continue
        i += 1
    return out


def _modifiers_start(toks: Sequence[_Tok], head: int, persons: frozenset[str],
                     vocab: _Vocabulary) -> int:
    start = head
    while start > 0:
        prev = toks[start - 1]
        if prev.text == "-" and prev.glued and start - 2 >= 0 and toks[start - 2].glued:
            # "anti-war protesters": the whole compound, unless it has a number
            k = start - 2
            while k - 2 >= 0 and toks[k - 1].text == "-" and toks[k - 2].glued:
                k -= 2
            parts = [toks[m] for m in range(k, start - 1, 2)]
            if all(p.text.isalpha() and p.lower in vocab.modifiers for p in parts):
                start = k
                continue
            break
        if prev.lower in vocab.modifiers and (not prev.title or prev.initial):
            start -= 1
            continue
        if (prev.title and not prev.initial and prev.text.isalpha()
                and prev.text not in persons and prev.lower.endswith(DEMONYM_SUFFIXES)
                and not (start - 2 >= 0 and _name_token(toks[start - 2])
                         and not toks[start - 2].initial)):
            start -= 1  # "Egyptian men", "Chechen men"
            continue
        break
    return start


def _kind(hit: _Hit, toks: Sequence[_Tok], cands: Sequence[_Candidate]) -> str:
    """How the trigger names its victims: "subject", "noun" or "object"."""
    first = toks[hit.start]
    if hit.pattern.items[-1][1] == "of" and (first.lower in NOUN_FORMS
                                             or first.lower.endswith(NOUN_SUFFIXES)):
        return "noun"  # "remains of", "body of"
    if _passive(toks, hit.start) and not first.lower.endswith("ing"):
        return "subject"
    nxt = toks[hit.end].lower if hit.end < len(toks) else "."
    if hit.start > 0 and any(c.end == hit.start and c.kind == "people" for c in cands) and (
            first.lower.endswith("ed") or first.lower in ("held", "kept", "taken", "left")
    ) and nxt in PARTICIPLE_FOLLOWERS:
        return "subject"  # "the people evacuated by…", "people killed"
    head = hit.pattern.items[0]
    if first.lemma in INTRANSITIVE or (head[0] == LOWER and "=" + head[1] in INTRANSITIVE):
        return "subject"
    prev = toks[hit.start - 1].lower if hit.start > 0 else ""
    if (prev in NOUN_CUES or nxt == "of" or first.lower in NOUN_FORMS
            or first.lower.endswith(NOUN_SUFFIXES)):
        return "noun"
    return "object"


def _clause_start(toks: Sequence[_Tok], owner: Sequence[int], pos: int, own: int) -> int:
    for j in range(pos - 1, -1, -1):
        if toks[j].lower in CLAUSE_BOUNDARIES and owner[j] in (-1, own):
            return j + 1
    return 0


def _usable(c: _Candidate, owner: Sequence[int], own: int) -> bool:
    return owner[c.start] in (-1, own)


def _first_in(cands: Sequence[_Candidate], lo: int, hi: int, owner: Sequence[int],
              own: int) -> _Candidate | None:
    for c in cands:
        if c.start >= lo and c.end <= hi and _usable(c, owner, own):
            return c
    return None


def _subject(a: _Analysis, cands: Sequence[_Candidate], hit: _Hit, right: bool
             ) -> _Candidate | None:
    toks, owner = a.toks, a.background
    own = owner[hit.start]
    pos = hit.start
    lo = _clause_start(toks, owner, pos, own)
    found = _first_in(cands, lo, pos, owner, own)
    if found is not None:
        return found
    if right and all(toks[j].lower in CLAUSE_OPENERS for j in range(lo, pos)
                     if owner[j] in (-1, own)):
        # "If convicted, the journalists face…": the subject follows
        end = _clause_end(toks, hit.end)
        found = _first_in(cands, hit.end, end, owner, own)
        if found is not None:
            return found
    while lo > 0:  # earlier clauses, nearest first
        hi = lo
        lo = _clause_start(toks, owner, hi - 1, own)
        found = _first_in(cands, lo, hi, owner, own)
        if found is not None:
            return found
    return None


def _clause_end(toks: Sequence[_Tok], pos: int) -> int:
    for j in range(pos, len(toks)):
        if toks[j].lower in CLAUSE_BOUNDARIES:
            return j
    return len(toks)


def _background_victim(a: _Analysis, cands: Sequence[_Candidate], hit: _Hit,
                       kind: str) -> _Candidate | bool | None:
    """Victims of a trigger inside a relative clause or apposition: the name the apposition
    is about ("Zelimkhan Bakeyev, a singer who vanished"), or the antecedent of "who" when
    the clause has no subject of its own. False when the ordinary rules apply."""
    own = a.background[hit.start]
    if own < 0:
        return False
    segments = [s for s in a.segments if s.start <= hit.start < s.end]
    appos = [s for s in segments if s.kind == "appos"]
    if appos and kind == "subject":
        seg = min(appos, key=lambda s: s.start)
        before = [c for c in cands if c.end <= seg.start and c.kind == "name"]
        if before and before[-1].end == seg.start:
            return before[-1]
    rel = [s for s in segments if s.kind == "rel"]
    if rel and kind == "subject":
        seg = max(rel, key=lambda s: s.start)
        inside = [c for c in cands if seg.rel < c.start and c.end <= hit.start]
        if not inside:
            before = [c for c in cands if c.end <= seg.rel]
            return _anchor(a.toks, cands, before[-1]) if before else None
    return False


def _anchor(toks: Sequence[_Tok], cands: Sequence[_Candidate], c: _Candidate) -> _Candidate:
    """A role noun in apposition to a name stands for the name: "Ivo Marek, a poet who died"
    gives "Ivo Marek"."""
    if c.kind != "people":
        return c
    j = c.start - 1
    while j >= 0 and toks[j].text != "," and j >= c.start - APPOSITION_MAX:
        if toks[j].lower in ("a", "an", "the") and j > 0 and toks[j - 1].text == ",":
            names = [n for n in cands if n.kind == "name" and n.end == j - 1]
            return names[0] if names else c
        j -= 1
    return c


def _victim_candidate(a: _Analysis, cands: Sequence[_Candidate], hit: _Hit
                      ) -> _Candidate | None:
    toks = a.toks
    for c in cands:  # "asylum seekers": the trigger is inside the victims' noun phrase
        if c.kind == "people" and c.start <= hit.start < c.end:
            return c
    kind = _kind(hit, toks, cands)
    special = _background_victim(a, cands, hit, kind)
    if special is not False:
        return special if isinstance(special, _Candidate) else None
    own = a.background[hit.start]
    if kind == "subject":
        return _subject(a, cands, hit, right=True)
    if kind == "noun":
        j = hit.end
        while j < len(toks) and toks[j].text in CLOSING_QUOTES:
            j += 1
        if toks[hit.end - 1].lower == "of":  # the phrase ends with it: "remains of"
            j -= 1
        if j < len(toks) and toks[j].lower in NOUN_COMPLEMENTS:
            found = _first_in(cands, j + 1, min(len(toks), j + 1 + NOUN_COMPLEMENT_WINDOW),
                              a.background, own)
            if found is not None:
                return found
        adjectival = toks[hit.start].lower.endswith("ed") or toks[hit.start].lower in (
            "dead", "missing")
        if (adjectival and hit.start > 0 and toks[hit.start - 1].lower == "the"
                and j + 1 < len(toks) and toks[j].text == ","
                and toks[j + 1].lower in ("a", "an", "the")):
            # "One of the injured, a 26-year-old video editor, …"
            return _first_in(cands, j + 1, _next_comma(toks, j + 1), a.background,
                             a.background[j + 1])
        if hit.start > 1 and toks[hit.start - 1].lower in ("'s", "’s"):
            # "Ms. Solovei's arrest": the possessor
            owners = [c for c in cands if c.end == hit.start - 1 and c.kind != "pronoun"]
            return owners[0] if owners else None
        return None
    # active verb: its object, else its subject
    found = _first_in(cands, hit.end, _clause_end(toks, hit.end), a.background, own)
    if found is not None and found.kind != "pronoun":
        return found
    lo = _clause_start(toks, a.background, hit.start, own)
    if found is not None:  # "extorted money from them": them = the victims named before
        before = [c for c in cands if lo <= c.start and c.end <= hit.start
                  and c.kind != "pronoun" and _usable(c, a.background, own)]
        return before[-1] if before else found
    return _subject(a, cands, hit, right=False)


def victims(sentence: Span, event: str | None) -> str | None:
    """Who suffered the sentence's event, as written ("gay men", "Zelimkhan Bakeyev"), or None
    without an event, for event types without victims, or when only a pronoun names them."""
    if event is None or event in vocabulary().no_victim_types:
        return None
    a = _analyse(sentence)
    hit = a.hit
    if hit is None or hit.pattern.event != event:
        return None
    if not hit.pattern.victims:  # "A court … sentenced Marina Ivanova": the next trigger
        hit = next((h for h in a.hits if h.pattern.event == event and h.pattern.victims
                    and h.start > hit.start), None)
        if hit is None:
            return None
    cands = _candidates(a.toks, _persons(sentence.doc))
    found = _victim_candidate(a, cands, hit)
    if found is None or found.kind == "pronoun":
        return None
    start, end = a.char_starts[found.start], a.char_ends[found.end - 1]
    return _doc_tokens(sentence.doc).text[start:end]
