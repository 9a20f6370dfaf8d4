"""People, organisations and places in one document body, by rule: runs of capitalised tokens,
stripped of titles and honorifics, classified by the gazetteer and by the words in and around
them; then the document's aliases ("Ramzan A. Kadyrov" … "Mr. Kadyrov" … "Kadyrov";
"Federal Security Service (FSB)") are resolved, and every occurrence of a known surface becomes a
mention. Roles ("Putin's spokesman Dmitri Peskov") are read around the names by `roles.py`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from anyascii import anyascii
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from dossier.clean.cues import MEDIA_WORDS
from dossier.extract import gazetteer
from dossier.extract.records import EntityType, LocalEntity, Mention, Role, Sentence
from dossier.extract.roles import Titled, read_roles
from dossier.extract.text import lemma, sentence_starts, tokens

# Words that join capitalised words into one name when the name carries an organisation cue
# ("Committee to Protect Journalists", "Bank of England"); elsewhere they separate two names
# ("Kadyrov of Chechnya").
CONNECTORS = frozenset({"of", "for", "and", "the", "to", "in", "on", "against", "without", "&"})
# Connectors that join only inside an "of"/"for" name ("Ministry of Employment and Labour
# Relations") or a known one ("Organization for Security and Co-operation in Europe"); otherwise
# "European Court of Human Rights in Strasbourg" is two names.
LATE_CONNECTORS = frozenset({"and", "&"})
NEVER_CONNECTORS = frozenset({"in"})  # only inside a name the gazetteer knows
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "de", "da", "del", "della", "di",
                            "van", "von", "der", "le", "la", "du", "dos"})
# Honorifics and titles written before a name; they are not part of the mention (gold rule) and
# say the name is a person. "Interior", "Foreign"… only count inside a title ("Interior Minister").
HONORIFICS = frozenset({"Mr.", "Mrs.", "Ms.", "Miss", "Mr", "Mrs", "Ms", "Dr.", "Dr", "Sir",
                        "Dame", "Lord", "Lady", "Prof.", "Rev.", "Sen.", "Rep.", "Gov.", "Gen.",
                        "Col.", "Maj.", "Capt.", "Lt.", "Sgt.", "Cpl.", "Pvt.", "Adm.", "Insp.",
                        "Det.", "Fr.", "Sheikh", "Imam", "Mufti", "Ayatollah", "Emir", "Pope",
                        "Patriarch", "Archbishop", "Bishop", "Father", "Reverend", "Rabbi"})
TITLES = frozenset({"President", "Vice", "Prime", "Minister", "Chancellor", "Secretary",
                    "General", "Judge", "Justice", "Senator", "Representative", "Congressman",
                    "Congresswoman", "Governor", "Mayor", "Colonel", "Major", "Captain",
                    "Lieutenant", "Sergeant", "Officer", "Detective", "Inspector", "Commissioner",
                    "Ombudsman", "Ombudswoman", "Ambassador", "King", "Queen", "Prince",
                    "Princess", "Professor", "Chief", "Speaker", "Chairman", "Chairwoman",
                    "Director", "Commander", "Marshal", "Attorney", "Prosecutor", "Spokesman",
                    "Spokeswoman", "Premier", "Deputy", "Head", "Leader", "Envoy", "Counsel",
                    "Superintendent", "Warden", "Mufti", "Sheriff", "Constable", "Admiral"})
TITLE_MODIFIERS = frozenset({"Interior", "Foreign", "Justice", "Defence", "Defense", "Finance",
                             "Health", "Home", "State", "Supreme", "High", "Human", "Rights",
                             "Federal", "Regional", "District", "Police", "Public", "Acting",
                             "Former", "Senior", "Special", "Chief", "Executive", "Press",
                             "Education", "Labour", "Labor", "Culture", "Economy",
                             "Emergency", "Emergencies", "Security", "National", "Opposition",
                             "General", "UN", "U.N.", "EU", "Vice", "Deputy", "First"})
# Lower-case nouns that, written just before a capitalised name, say it is a person.
PERSON_NOUNS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "leader", "president", "minister", "head",
    "chief", "reporter", "journalist", "correspondent", "editor", "activist", "lawyer",
    "attorney", "advocate", "defender", "chairman", "chairwoman", "director", "founder",
    "coordinator", "official", "officer", "commander", "governor", "mayor", "judge", "prosecutor",
    "investigator", "commissioner", "ombudsman", "ambassador", "envoy", "secretary", "deputy",
    "senator", "lawmaker", "legislator", "mp", "politician", "researcher", "analyst", "expert",
    "professor", "teacher", "student", "doctor", "nurse", "priest", "imam", "mufti", "singer",
    "musician", "artist", "writer", "poet", "filmmaker", "photographer", "blogger",
    "dissident", "witness", "victim", "survivor", "detainee", "prisoner", "refugee", "man",
    "woman", "boy", "girl", "brother", "sister", "son", "daughter", "father", "mother", "husband",
    "wife", "uncle", "aunt", "cousin", "nephew", "niece", "friend", "partner", "colleague",
    "citizen", "resident", "native", "businessman", "businesswoman", "oligarch", "chancellor",
    "premier", "king", "queen", "pope", "cleric", "archbishop", "bishop", "commentator", "host",
    "anchor", "presenter", "novelist", "actor", "actress", "footballer", "boxer", "fighter",
    "wrestler", "athlete", "coach", "economist", "historian", "scholar", "scientist",
    "psychologist", "sociologist", "diplomat", "mediator", "negotiator", "captain", "colonel",
    "general", "soldier", "guard", "policeman", "policewoman", "agent", "chairperson",
    "campaigner", "organiser", "organizer", "volunteer", "employee", "worker", "manager",
    "owner", "publisher", "columnist", "aide", "adviser", "advisor", "assistant", "representative",
    "member", "candidate", "plaintiff", "defendant", "suspect", "hostage", "pseudonym",
})
# Common nouns that name an organisation right before its name or in apposition after it ("the
# LGBT group Rainbow Kardania", "Open Door, a rights charity, said").
ORG_NOUNS = frozenset({
    "group", "organisation", "organization", "charity", "ngo", "network", "movement", "party",
    "newspaper", "magazine", "outlet", "broadcaster", "website", "site", "daily", "weekly",
    "tabloid", "channel", "station", "agency", "company", "firm", "association", "union",
    "coalition", "foundation", "alliance", "initiative", "collective", "club", "militia",
    "battalion", "regiment", "unit", "ministry", "department", "committee", "watchdog",
    "monitor", "publication", "portal", "service", "bank", "lender", "bloc", "faction",
})
# Nouns that make the name after them a news outlet ("the news site Open Door", "the daily
# Kommersant"); "agency", "network" and "station" are left out (a border agency, a rights
# network, a police station).
OUTLET_NOUNS = frozenset({
    "newspaper", "paper", "site", "website", "broadcaster", "channel", "magazine", "tabloid",
    "outlet", "portal", "daily", "weekly", "publication",
})
# How far after "X," an apposition's organisation noun may come ("X, a small Toronto-based
# charity," is five words).
APPOSITION_WORDS = 6
# A plural possessive joins a name when an organisation word follows within this many words
# ("Dockers' Union", "Workers' Rights Centre", "Soldiers' Mothers Committee"); 2026-11-23,
# dev documents 95 and 103.
PLURAL_POSSESSIVE_REACH = 3
# Titles that take any ordinary capitalised words in front as their portfolio ("Information
# Minister Lai Bako", "Transport Secretary …").
PORTFOLIO_TITLES = frozenset({"Minister", "Secretary", "Commissioner"})
# Last words of a name that make it a body of its own even after a news word: "Press Freedom
# Coalition", "Media Defence Foundation", "Press Council" are not news outlets ("Press
# Association", the agency, is). 2026-11-21 (141-150).
ADVOCACY_WORDS = frozenset({
    "Coalition", "Foundation", "Alliance", "Institute", "Union", "Council", "Committee",
    "Commission", "Centre", "Center", "Fund", "Trust", "Watch", "Forum", "Federation", "League",
    "Project", "Initiative", "Campaign", "Defenders", "Society", "Network",
})
# Endings of a place's adjective made from its name ("Halvona" → "Halvonan", "Hadrun" →
# "Hadruni", "Dastra" → "Dastran"). 2026-11-21 (141-150).
DEMONYM_ENDINGS = ("n", "i")
# Words inside a name that make it an organisation.
ORG_WORDS = frozenset({
    "Network", "Gazeta", "Gazette", "Times", "Post", "News", "Service", "Services", "Council",
    "International", "Ministry", "Committee", "Commission", "Court", "Office", "Agency",
    "Union", "Party", "Watch", "Foundation", "Institute", "University", "College", "School",
    "Bank", "Department", "Parliament", "Assembly", "Government", "Church", "Association",
    "Society", "Centre", "Center", "Group", "Organization", "Organisation", "Federation",
    "Army", "Guard", "Guards", "Forces", "Front", "Movement", "Press", "Herald", "Tribune",
    "Journal", "Wire", "Review", "Radio", "TV", "Television", "Broadcasting", "Channel",
    "Media", "Chronicle", "Observer", "Dispatch", "Ledger", "Monitor", "Bulletin", "Daily",
    "Weekly", "Magazine", "Telegraph", "Express", "Mirror", "Courier", "Inquirer",
    "Corporation", "Company", "Inc.", "Ltd", "Ltd.", "LLC", "Trust", "Fund", "Board", "Bureau",
    "Authority", "Directorate", "Police", "Prosecutor's", "Prosecutors", "Tribunal", "Senate",
    "Congress", "Duma", "Cabinet", "Coalition", "Alliance", "League", "Brigade", "Battalion",
    "Regiment", "Unit", "Squad", "Coast", "Red", "Crescent", "Cross", "Institution",
    "Initiative", "Project", "Campaign", "Program", "Programme", "Mission", "Secretariat",
    "Rights", "Defenders", "Reporters", "Journalists", "Lawyers", "Doctors", "Friends",
    "Railroad", "Station", "Post's", "Kremlin", "Legion", "Academy", "Hospital", "Clinic",
    "Club", "Chamber", "Ombudsman's", "Prosecutor", "Forum", "Info", "Today", "Globe", "Mail",
    "Ministry's", "Inc", "Caucus", "Collective", "Consortium", "Syndicate", "Centre's",
})
PLACE_WORDS = frozenset({
    "Square", "Street", "Avenue", "Road", "Prison", "Province", "Region", "Republic", "Valley",
    "River", "Sea", "Island", "Islands", "District", "Oblast", "Krai", "Camp", "Colony",
    "Mountains", "Mountain", "Lake", "Bay", "Coast", "Desert", "Peninsula", "County", "State",
    "City", "Town", "Village", "Port", "Airport", "Bridge", "Park", "Gulf", "Strait", "Canal",
    "Border", "Crossing", "Plaza", "Boulevard", "Quarter", "Highlands", "Plain", "Forest",
})
# The oldest age read as such after a name ("Bislan, 29,"): a larger number is not an age.
MAX_AGE = 110
# Lower-case words before a name that make it a place ("the town of Argun", "in Vilnius").
PLACE_CUES = frozenset({"town", "city", "village", "capital", "region", "province", "district",
                        "republic", "country", "port", "settlement", "suburb", "island", "area"})
PLACE_PREPOSITIONS = frozenset({"in", "from", "to", "near", "across", "outside", "inside",
                                "into", "throughout", "toward", "towards", "via"})
SPEECH_VERBS = frozenset({"said", "says", "told", "added", "wrote", "recalled", "explained",
                          "asked", "stated", "claimed", "denied", "insisted", "argued", "noted",
                          "described", "spoke", "testified", "confirmed", "alleged", "declined"})
# Capitalised words that are never a name on their own.
NOT_NAMES = frozenset({
    "I", "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "God", "Allah", "LGBT", "LGBTQ", "LGBTI", "LGBTQ+", "LGBTIQ", "HIV",
    "AIDS", "COVID", "COVID-19", "CEO", "GDP", "DNA", "ID", "OK", "PM", "AM", "TV", "BREAKING",
    "UPDATE", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.",
    "Internet", "Gay", "Pride", "Christianity", "Fool", "Fools",
    "Ramadan", "Christmas", "Easter", "Eid", "Covid", "Jr.", "Sr.", "A", "PhD",
})
# Capitalised words that break a run of names (dates are not part of names).
RUN_BREAKERS = frozenset({"January", "February", "March", "April", "May", "June", "July",
                          "August", "September", "October", "November", "December", "Monday",
                          "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                          "I", "BREAKING", "UPDATE"})
# Last words of names that are neither people, organisations nor places.
OTHER_WORDS = frozenset({"Act", "Law", "Treaty", "Convention", "Code", "Protocol", "Accord",
                         "Agreement", "Declaration", "Charter", "Resolution", "War", "Revolution",
                         "Games", "Cup", "Olympics", "Prize", "Award", "Bill", "Decree",
                         "Doctrine", "Plan", "Era", "Spring", "Summit", "Festival", "Day"})
# First words of place names ("Port Avella", "Fort William").
PLACE_PREFIXES = frozenset({"Port", "Fort", "Lake", "Mount", "Cape", "Saint", "San", "Santa",
                            "Sao", "São", "Puerto", "Porto", "Villa", "Ciudad", "Nizhny",
                            "Novy", "Staraya", "Bad", "Bay", "Gulf", "Isle", "North", "South",
                            "East", "West", "Upper", "Lower", "Greater"})
# Endings of surnames in the languages of our cases, and of country names, for single words.
SURNAME_ENDINGS = ("ov", "ova", "ev", "eva", "yev", "yeva", "in", "ina", "sky", "skaya", "ski",
                   "ska", "enko", "vich", "vili", "dze", "yan", "ian", "uk", "chuk", "ko",
                   "ovic", "ović", "escu", "oglu", "zadeh")
PLACE_ENDINGS = ("ia", "land", "stan", "istan")
# Endings that, on a word the gazetteer does not know, say "surname" even after "in" or "to".
STRONG_SURNAME_ENDINGS = ("ov", "ova", "ev", "eva", "sky", "skaya", "enko", "vich", "vili",
                          "dze")
# Tokens after which a capitalised word may just be starting a sentence or a quoted phrase.
SENTENCE_LEADS = frozenset({'"', "“", "‘", "'", "(", "-", "—", "–", ":", ";"})
ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$")
INITIAL = re.compile(r"^[A-Z]\.$")


@dataclass
class _Candidate:
    start: int  # token indexes
    end: int
    type: EntityType | None = None
    cue: str = ""
    media: bool = False
    key: str = ""  # gazetteer record key
    title: str = ""  # the title stripped in front of it, for roles
    title_of: str | None = None  # the demonym's place code in front of the title


@dataclass
class _Entity:
    name: str
    type: EntityType
    cue: str
    media: bool = False
    key: str = ""
    surfaces: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


def recognise(doc: Doc, sentences: Sequence[Sentence], outlet: str | None = None
              ) -> tuple[tuple[LocalEntity, ...], tuple[Mention, ...], tuple[Role, ...]]:
    """The entities, their mentions (body offsets) and the roles stated in one parsed body
    (`outlet`: the publishing outlet's name, when known)."""
    starts = {s.start for s in sentences}
    candidates = [c for run in _runs(doc) for c in _split(doc, run, starts)]
    full, short = _outlet_names(outlet)
    for candidate in candidates:
        text = _text(doc, candidate.start, candidate.end)
        if text in full:
            # the outlet naming itself ("Plainfact rates this claim False", "Openlens
            # geolocated the videos"): a news outlet, whatever its name looks like
            candidate.type, candidate.cue, candidate.media = \
                EntityType.ORGANIZATION, "the document's outlet", True
        _classify(doc, candidate, starts)
        if text in short and _strength(candidate) <= 1:
            # "Fieldnote" in Fieldnote Magazine's text, unless the text gives it a place cue
            # ("in Radost" in the Radost Courier): the outlet
            candidate.type, candidate.cue, candidate.media = \
                EntityType.ORGANIZATION, "short name of the document's outlet", True
    candidates = [c for c in candidates if c.type is not None]
    entities, by_surface = _resolve(doc, candidates)
    mentions = _mentions(doc, by_surface)
    local = tuple(
        LocalEntity(index=i, name=e.name, type=e.type, surfaces=tuple(e.surfaces),
                    reasons=tuple(e.reasons), cue=e.cue, media=e.media)
        for i, e in enumerate(entities))
    roles = read_roles(doc, sentence_starts(doc), local, mentions,
                       _titled(doc, candidates), _places_by_code(doc, candidates, by_surface))
    return local, mentions, roles


def _outlet_names(outlet: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """The names an outlet goes by in its own text: its full name ("Fieldnote Magazine", "The
    Fieldnote Magazine") and its short ones, without the news words at its end ("Fieldnote")."""
    if not outlet:
        return frozenset(), frozenset()
    words = outlet.removeprefix("The ").split()
    full = frozenset({outlet, " ".join(words)})
    short: set[str] = set()
    while len(words) > 1 and words[-1] in MEDIA_WORDS:
        words = words[:-1]
        short.add(" ".join(words))
    return full, frozenset(short - full)


def _word(doc: Doc, k: int) -> str:
    return tokens(doc).texts[k]


def _text(doc: Doc, start: int, end: int) -> str:
    """The text of tokens start…end-1 (`doc[start:end].text` without building a Span)."""
    if start >= end:
        return ""
    table = tokens(doc)
    return table.text[table.starts[start]:table.starts[end - 1] + len(table.texts[end - 1])]


def _name_flags(doc: Doc) -> list[bool]:
    """Per token: may it be part of a name (capitalised, not punctuation, space or number)?
    Read from the Doc's arrays, as building a `Token` for every word costs more than the rule."""
    texts = tokens(doc).texts
    flags = doc.to_array(["IS_PUNCT", "IS_SPACE", "LIKE_NUM"]).tolist()
    return [text == "&" if (not text or punct or space or num)
            else text not in RUN_BREAKERS and text[0].isupper()
            for text, (punct, space, num) in zip(texts, flags, strict=True)]


def _runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens, joined by connectors, hyphens and name particles."""
    table = tokens(doc)
    texts, spaces = table.texts, table.spaces
    name = _name_flags(doc)
    runs = []
    i, n = 0, len(texts)
    while i < n:
        if not name[i] or texts[i] == "&":
            i += 1
            continue
        j = i + 1
        while j < n:
            text = texts[j]
            if name[j] and text != "&":
                j += 1
            elif (text in ("-", "/") and not spaces[j - 1] and not spaces[j]
                  and j + 1 < n and (texts[j + 1][:1].isupper()
                                     or (len(texts[j - 1]) <= 3 and texts[j + 1].isalpha()))):
                j += 2  # "Co-operation", "Kabardino-Balkaria", "Radio Free Europe/Radio Liberty"
            elif (text.lower() in CONNECTORS or text.lower() in NAME_PARTICLES) and j + 1 < n \
                    and name[j + 1] and texts[j + 1] != "&":
                j += 2
            elif text in ("'s", "’s") and not spaces[j - 1] and j + 1 < n and name[j + 1] \
                    and texts[j + 1] in ORG_WORDS:
                j += 2  # "Prosecutor General's Office", "People's Party"
            elif text in ("'", "’") and not spaces[j - 1] and texts[j - 1].endswith("s") \
                    and any(name[k] and texts[k] in ORG_WORDS
                            for k in range(j + 1, min(n, j + 1 + PLURAL_POSSESSIVE_REACH))) \
                    and name[j + 1]:
                j += 2  # "Dockers' Union of Lunesia", "Ulmarian Workers' Rights Centre"
            elif text in ("of", "for") and j + 2 < n and texts[j + 1] == "the" \
                    and name[j + 2] and texts[j + 2] != "&" \
                    and any(texts[k] in ORG_WORDS for k in range(i, j)):
                j += 3  # "European Committee for the Prevention of Torture"
            else:
                break
        while j > i + 1 and texts[j - 1].lower() in CONNECTORS:
            j -= 1
        runs.append((i, j))
        i = j
    return runs


def _has_org_word(doc: Doc, start: int, end: int) -> bool:
    texts = tokens(doc).texts
    return any(texts[k] in ORG_WORDS or texts[k] in PLACE_WORDS for k in range(start, end))


def _split(doc: Doc, run: tuple[int, int], starts: set[int]) -> list[_Candidate]:
    """A run → the names in it: split at connectors unless the whole is known or an
    organisation; strip a sentence's first word, honorifics and titles."""
    start, end = run
    known = gazetteer.names()
    text = _text(doc, start, end)
    if text in known or (start < end and _word(doc, start).lower() == "the" and
                         _text(doc, start + 1, end) in known):
        return [_Candidate(start, end)]
    pieces: list[tuple[int, int]] = []
    piece_start = start
    k = start
    joined_of = False
    texts = tokens(doc).texts  # not doc[k]: a Token built for each word costs more
    while k < end:
        word = texts[k]
        lower = word.lower()  # a Token's lower_
        if lower in CONNECTORS and k > piece_start and not word[0].isupper():
            late = lower in LATE_CONNECTORS
            whole_is_org = _has_org_word(doc, piece_start, k) and (not late or joined_of) \
                and lower not in NEVER_CONNECTORS
            if not whole_is_org and _text(doc, piece_start, end) not in known:
                pieces.append((piece_start, k))
                piece_start = k + 1
                joined_of = False
            elif not late:
                joined_of = True
        k += 1
    pieces.append((piece_start, end))
    found = []
    for a, b in pieces:
        candidate = _strip(doc, a, b, starts)
        if candidate is not None:
            found.append(candidate)
    return found


def _strip(doc: Doc, start: int, end: int, starts: set[int]) -> _Candidate | None:
    known = gazetteer.names()
    demonyms = gazetteer.demonyms()
    # A sentence's first word is capitalised anyway: keep it only if it is part of a known name
    # or is not an ordinary word.
    if end - start == 1 and _word(doc, start).lower() in STOP_WORDS:
        return None  # "And", "In", "Not": never a name on its own
    if tokens(doc).starts[start] in starts or (start > 0
                                                and _word(doc, start - 1) in SENTENCE_LEADS):
        first = doc[start]
        whole = _text(doc, start, end)
        if whole not in known \
                and not (first.lower_ == "the" and _text(doc, start + 1, end) in known) \
                and (first.lower_ in STOP_WORDS or (end - start == 1 and _ordinary(first)
                                                    and not _dateline(doc, start))):
            start += 1
        if start >= end:
            return None
    # Leading demonyms and titles: "Russian President Vladimir Putin" → "Vladimir Putin".
    title_words: list[str] = []
    title_of: str | None = None
    portfolio = _portfolio_end(doc, start, end)
    k = start
    while k < end - 1:
        word = _word(doc, k)
        if k < portfolio or word in HONORIFICS or word in TITLES or (word in TITLE_MODIFIERS and (
                title_words or (k + 1 < end and _word(doc, k + 1) in TITLES))):
            title_words.append(word)
        elif word in demonyms and not title_words and k + 1 < end and (
                _word(doc, k + 1) in TITLES or _word(doc, k + 1) in TITLE_MODIFIERS):
            title_of = demonyms[word]
        else:
            break
        k += 1
    rest = [_word(doc, x) for x in range(k, end)]
    if title_words and any(w in HONORIFICS or w in TITLES for w in title_words):
        if _text(doc, k, end) in known and known[_text(doc, k, end)].type is not EntityType.PERSON:
            return _Candidate(start, end)  # "Supreme Court", "Security Council": not a title
        if rest[0] in ORG_WORDS:
            return _Candidate(start, end)  # "Justice Ministry"
        if all(w in TITLES or w in TITLE_MODIFIERS for w in rest):
            return None  # "Prosecutor General": a title, nobody named
        return _Candidate(k, end, EntityType.PERSON,
                          cue=f"title: {' '.join(title_words)}",
                          title=" ".join(w for w in title_words if w not in HONORIFICS).lower(),
                          title_of=title_of)
    # A lone demonym or one before a common noun ("Chechen", "Russian LGBT" stays whole).
    if end - start == 1 and _word(doc, start) in demonyms:
        return None
    # A trailing title names a role, not an entity: "UN High Commissioner" → "UN".
    # Not after a connector: "Ministry of Justice" keeps its "Justice".
    while end - start > 1 and _word(doc, end - 2).lower() not in CONNECTORS and (
            _word(doc, end - 1) in TITLES or (
            _word(doc, end - 2) in TITLE_MODIFIERS and _word(doc, end - 1) in TITLES)):
        end -= 1
        while end - start > 1 and _word(doc, end - 1) in TITLE_MODIFIERS:
            end -= 1
    if all(_word(doc, k) in NOT_NAMES or _word(doc, k) in demonyms for k in range(start, end)):
        return None
    if end - start > 1 and all(_word(doc, k).isupper() and _common(_word(doc, k))
                               for k in range(start, end)):
        return None  # a heading in capitals ("ANONYMISED ACCOUNT"), not a name
    return _Candidate(start, end)


def _portfolio_end(doc: Doc, start: int, end: int) -> int:
    """Where a ministerial portfolio ends: "Information Minister Lai Bako" → the index of
    "Minister" (ordinary words before a portfolio title, a name after it); else `start`."""
    texts = tokens(doc).texts
    k = start
    while k < end - 2 and _common(texts[k]) and texts[k] not in TITLES:
        k += 1
    if k > start and texts[k] in PORTFOLIO_TITLES and not _common(texts[k + 1]):
        return k
    return start


def _ordinary(token: Token) -> bool:
    lower = token.lower_
    words = gazetteer.english_words()
    singular = (lower[:-3] + "y" if lower.endswith("ies") else lower[:-2]
                if lower.endswith(("ses", "xes", "ches", "shes")) else lower[:-1]
                if lower.endswith("s") else lower)
    return (lower in STOP_WORDS or lower in words or singular in words
            or lemma(lower) in words
            or token.text in NOT_NAMES or token.text[:-1] in gazetteer.demonyms())


def _dateline(doc: Doc, start: int) -> bool:
    """"MOSCOW - Police in…": an all-capitals place at the start of a paragraph."""
    token = doc[start]
    if not (token.text.isupper() and len(token.text) > 2 and start + 1 < len(doc)
            and _word(doc, start + 1) in ("-", "—", "–", ",")):
        return False
    # "MOSCOW -" is a place; "PRESENTER:" in a transcript is not.
    return token.text.title() in gazetteer.names() or not _common(token.text)


def _common(word: str) -> bool:
    lower = word.lower()
    words = gazetteer.english_words()
    if word in gazetteer.given_names():
        return False
    return lower in words or lemma(lower) in words or (
        lower.endswith("s") and lower[:-1] in words)


def _classify(doc: Doc, c: _Candidate, starts: set[int]) -> None:
    if c.type is not None:
        return
    known = gazetteer.names()
    demonyms = gazetteer.demonyms()
    text = _text(doc, c.start, c.end)
    bare = text[4:] if text.startswith("The ") else text
    record = known.get(text) or known.get(bare)
    if record is not None:
        c.type, c.cue, c.media, c.key = record.type, f"gazetteer: {record.source}", \
            record.media, record.key
        if text.startswith("The ") and text not in known and bare in known:
            c.start += 1  # "The Kremlin": the article is not part of the name
        return
    if text.startswith("The ") and tokens(doc).starts[c.start] in starts:
        c.start += 1
        text = bare
    words = [_word(doc, k) for k in range(c.start, c.end)]
    previous = doc[c.start - 1] if c.start > 0 else None
    before = doc[c.start - 2] if c.start > 1 else None
    following = doc[c.end] if c.end < len(doc) else None
    head = _text(doc, c.start, c.end - 1)
    if len(words) > 1 and head in known and words[-1] in demonyms \
            and known[head].type is EntityType.ORGANIZATION:
        record = known[head]  # "BBC Russian": a service of the BBC
        c.type, c.cue, c.media, c.key = record.type, f"service of {record.canonical}", \
            record.media, record.key
        return
    if words[-1] in OTHER_WORDS:
        c.type, c.cue = EntityType.OTHER, f"'{words[-1]}'"
        return
    if words[-1] in MEDIA_WORDS or (words[0] in MEDIA_WORDS and len(words) > 1
                                    and words[-1] not in ADVOCACY_WORDS) \
            or any(t.endswith("Gazeta") for t in words):
        c.type, c.cue, c.media = EntityType.ORGANIZATION, "news outlet word", True
        return
    if any(t in ORG_WORDS for t in words):
        c.type, c.cue = EntityType.ORGANIZATION, "organisation word"
        return
    if words[-1] in PLACE_WORDS or (len(words) > 1 and words[0] in PLACE_PREFIXES):
        c.type, c.cue = EntityType.PLACE, "place word"
        return
    if len(words) == 1 and _dateline(doc, c.start):
        c.type, c.cue = EntityType.PLACE, "dateline"
        return
    if ACRONYM.match(text):
        c.type, c.cue = EntityType.ORGANIZATION, "acronym"
        return
    if previous is not None and previous.lower_ in PERSON_NOUNS:
        c.type, c.cue = EntityType.PERSON, f"after '{previous.text}'"
        return
    if previous is not None and previous.lower_ in ORG_NOUNS:
        c.type, c.cue = EntityType.ORGANIZATION, f"after '{previous.text}'"
        c.media = previous.lower_ in OUTLET_NOUNS  # "the news site Open Door"
        return
    noun = _apposition_noun(doc, c.end) or _apposed_to_noun(doc, c.start)
    if noun is not None:
        c.type, c.cue = EntityType.ORGANIZATION, f"apposition '{noun}'"
        return
    if previous is not None and previous.lower_ == "of" and before is not None \
            and before.lower_ in PLACE_CUES:
        c.type, c.cue = EntityType.PLACE, f"'{before.text} of'"
        return
    if following is not None and following.text in (",",) and c.end + 1 < len(doc) \
            and _word(doc, c.end + 1).lower() in ("who", "whose", "aged"):
        c.type, c.cue = EntityType.PERSON, "person clause"
        return
    if _aged(doc, c.end):
        c.type, c.cue = EntityType.PERSON, "age after the name"  # "Bislan, 29, was held"
        return
    if len(words) >= 2:
        if words[0] in demonyms:
            c.type, c.cue = EntityType.ORGANIZATION, "demonym and name"
        elif len(words) <= 4 and not all(_common(t) for t in words if not INITIAL.match(t)):
            c.type, c.cue = EntityType.PERSON, "given name and surname"
        else:
            c.type, c.cue = EntityType.ORGANIZATION, "name of common words"
        return
    word = words[0]
    if following is not None and following.lower_ in SPEECH_VERBS:
        if _common(word):
            c.type, c.cue = EntityType.ORGANIZATION, f"before '{following.text}'"
        else:
            c.type, c.cue = EntityType.PERSON, f"before '{following.text}'"
        return
    if word.lower().endswith(STRONG_SURNAME_ENDINGS) and word not in known:
        c.type, c.cue = EntityType.PERSON, "surname ending"
        return
    if previous is not None and previous.lower_ in PLACE_PREPOSITIONS:
        c.type, c.cue = EntityType.PLACE, f"after '{previous.text}'"
        return
    if word.lower().endswith(PLACE_ENDINGS) and word not in gazetteer.given_names():
        c.type, c.cue = EntityType.PLACE, "ending of a country name"
        return
    if word.lower().endswith(SURNAME_ENDINGS) or word in gazetteer.given_names():
        c.type, c.cue = EntityType.PERSON, "surname ending"
        return
    if _common(word) or word[:-1] in demonyms:
        c.type = None  # "Torture" in a split title, "Americans": not a name
        return
    # A lone name with no cue at all: people are introduced by full name and organisations
    # carry a word that says so, so what is left is most often a town or region ("Brask").
    c.type, c.cue = EntityType.PLACE, "lone name without cue (most often a place)"


def _aged(doc: Doc, end: int) -> bool:
    """ "Bislan, 29, was held": a name followed by an age set off by commas."""
    texts = tokens(doc).texts
    return end + 2 < len(texts) and texts[end] == "," and texts[end + 2] == "," \
        and texts[end + 1].isdigit() and 0 < int(texts[end + 1]) <= MAX_AGE


def _apposition_noun(doc: Doc, end: int) -> str | None:
    """ "X, a rights group based in Oslo, said": the organisation noun of an apposition that
    starts with an article right after the name, or None."""
    texts = tokens(doc).texts
    if end + 2 >= len(texts) or texts[end] != "," or texts[end + 1].lower() not in ("a", "an"):
        return None
    for k in range(end + 2, min(len(texts), end + 2 + APPOSITION_WORDS)):
        word = texts[k].lower()
        if word in ORG_NOUNS:
            return word
        if word in PERSON_NOUNS or not (texts[k] == "-" or texts[k].replace("-", "").isalnum()):
            return None
    return None


def _apposed_to_noun(doc: Doc, start: int) -> str | None:
    """ "the company, Maderas del Norte, denied": the organisation noun the name is apposed
    to, or None."""
    texts = tokens(doc).texts
    if start >= 3 and texts[start - 1] == "," and texts[start - 2].lower() in ORG_NOUNS \
            and texts[start - 3].lower() == "the":
        return texts[start - 2].lower()
    return None


def _name_key(text: str) -> str:
    """"Ramzan A. Kadyrov" and "Ramzan Kadyrov" → one key: initials and dots dropped."""
    words = [w for w in anyascii(text).replace("’", "'").split() if not INITIAL.match(w)]
    return " ".join(words).lower()


def _initials(text: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", text)
                   if w and w[0].isupper() and w not in ("The",))


def _resolve(doc: Doc, candidates: list[_Candidate]
             ) -> tuple[list[_Entity], dict[str, int]]:
    """One entity per real-world referent in this document; surface → entity index."""
    entities: list[_Entity] = []
    by_surface: dict[str, int] = {}
    by_key: dict[str, int] = {}
    # One type per surface: the best-founded reading of all its occurrences wins.
    best: dict[str, _Candidate] = {}
    for c in candidates:
        surface = _text(doc, c.start, c.end)
        if surface not in best or _strength(c) > _strength(best[surface]):
            best[surface] = c
    places = {s for s, c in best.items() if c.type is EntityType.PLACE}
    # Longest first, so that "Ramzan Kadyrov" exists before "Kadyrov" looks for it.
    ordered = sorted(best.values(), key=lambda c: (-(c.end - c.start), c.start))
    for c in ordered:
        surface = _text(doc, c.start, c.end)
        if surface in by_surface:
            continue
        if c.end - c.start == 1 and (surface[:-1] in places or surface[:-2] in places) and (
                c.type is not EntityType.PLACE or surface.endswith(DEMONYM_ENDINGS)):
            # "Norvalian" next to "Norvalia": an adjective of the place (typed a place itself,
            # only with a demonym's ending: "Groznyy" is a spelling of Grozny)
            continue
        assert c.type is not None
        target = _alias_target(doc, c, surface, entities, by_key, by_surface)
        if target is None:
            by_surface[surface] = len(entities)
            by_key[c.key or _name_key(surface)] = len(entities)
            entities.append(_Entity(surface, c.type, c.cue, c.media, c.key, [surface]))
        else:
            index, reason = target
            by_surface[surface] = index
            entity = entities[index]
            entity.surfaces.append(surface)
            entity.reasons.append(reason)
            if entity.type is EntityType.OTHER and c.type is not EntityType.OTHER:
                entity.type = c.type
    _acronym_definitions(doc, entities, by_surface)
    return entities, by_surface


def _strength(c: _Candidate) -> int:
    """How well-founded a candidate's type is: known names first, guesses last."""
    if c.cue.startswith(("gazetteer", "service of")):
        return 4
    if c.type is EntityType.OTHER:
        return 0
    if c.cue.startswith("lone name"):
        return 0
    if c.cue in ("capitalised name", "surname ending", "ending of a country name") \
            or c.cue.startswith("before"):
        return 1
    if c.cue in ("name of common words", "short name of the document's outlet"):
        return 2
    return 3


def _alias_target(doc: Doc, c: _Candidate, surface: str, entities: list[_Entity],
                  by_key: dict[str, int], by_surface: dict[str, int]) -> tuple[int, str] | None:
    if c.key and c.key in by_key:
        other = entities[by_key[c.key]].name
        return by_key[c.key], f"'{surface}' and '{other}' are one record in the gazetteer"
    key = _name_key(surface)
    if key in by_key:
        return by_key[key], f"'{surface}' is '{entities[by_key[key]].name}' with an initial"
    words = key.split()
    if len(words) == 1 and c.type in (EntityType.PERSON, EntityType.OTHER, EntityType.PLACE):
        # A surname: the person mentioned by full name whose last word it is. Several? The
        # one named most recently before it.
        holders = [i for i, e in enumerate(entities) if e.type is EntityType.PERSON
                   and any(_name_key(s).split()[-1:] == words for s in e.surfaces
                           if len(_name_key(s).split()) > 1)]
        # a lone name with no cue is a place only by default ("Vinter: …" as an interview's
        # turn label, 2026-11-21): a person's surname wins
        if holders and (c.type is not EntityType.PLACE
                        or c.cue.startswith(("after", "lone name"))):
            index = _nearest_before(doc, c, holders, entities) if len(holders) > 1 else holders[0]
            return index, f"'{surface}' is the surname of '{entities[index].name}'"
    if len(words) == 1 and c.type is EntityType.ORGANIZATION:
        # "Journal" for "The Wall Street Journal", "Network" for the "Russian LGBT Network".
        holders = [i for i, e in enumerate(entities) if e.type is EntityType.ORGANIZATION
                   and _name_key(e.name).split()[-1:] == words and e.name != surface]
        if len(holders) == 1:
            return holders[0], f"'{surface}' is short for '{entities[holders[0]].name}'"
    return None


def _nearest_before(doc: Doc, c: _Candidate, holders: list[int],
                    entities: list[_Entity]) -> int:
    position = tokens(doc).starts[c.start]
    best, best_at = holders[0], -1
    text = tokens(doc).text
    for index in holders:
        for surface in entities[index].surfaces:
            at = text.rfind(surface, 0, position)
            if at > best_at:
                best, best_at = index, at
    return best


def _acronym_definitions(doc: Doc, entities: list[_Entity], by_surface: dict[str, int]) -> None:
    """"Federal Security Service (FSB)": the acronym is the name's alias; and an acronym whose
    letters are a named organisation's initials is that organisation."""
    table = tokens(doc)
    text, words = table.text, table.texts
    for k in range(1, len(words) - 2):
        if words[k] == "(" and words[k + 2] == ")" and ACRONYM.match(words[k + 1]):
            acronym = words[k + 1]
            end = table.starts[k] - 1
            for surface, index in list(by_surface.items()):
                if text.endswith(surface, 0, end + 1 if text[end] != " " else end):
                    _merge(entities, by_surface, acronym, index,
                           f"'{acronym}' is defined as '{surface}' in the text")
                    break
    for surface, index in list(by_surface.items()):
        if not ACRONYM.match(surface) or entities[index].name != surface:
            continue
        letters = surface.replace(".", "")
        matches = {i for s, i in by_surface.items() if i != index and len(s.split()) > 1
                   and entities[i].type is EntityType.ORGANIZATION
                   and _initials(s).upper() in (letters, letters[:-1])}
        if len(matches) == 1:
            target = matches.pop()
            _merge(entities, by_surface, surface, target,
                   f"'{surface}' are the initials of '{entities[target].name}'")


def _merge(entities: list[_Entity], by_surface: dict[str, int], surface: str, target: int,
           reason: str) -> None:
    old = by_surface.get(surface)
    if old == target:
        return
    if old is not None:
        for s, i in by_surface.items():
            if i == old:
                by_surface[s] = target
        entities[target].surfaces.extend(s for s in entities[old].surfaces
                                         if s not in entities[target].surfaces)
        entities[old].surfaces = []
    else:
        by_surface[surface] = target
        entities[target].surfaces.append(surface)
    entities[target].reasons.append(reason)
    if entities[target].type is EntityType.OTHER:
        entities[target].type = EntityType.ORGANIZATION


def _is_word(char: str) -> bool:
    """What \\w matches: letters, digits (any script) and the underscore."""
    return char.isalnum() or char == "_"


def _mentions(doc: Doc, by_surface: dict[str, int]) -> tuple[Mention, ...]:
    """Every whole-word occurrence of every surface, longest first, never overlapping."""
    text = tokens(doc).text
    taken = bytearray(len(text))
    found = []
    n = len(text)
    for surface in sorted(by_surface, key=len, reverse=True):
        if not surface:
            continue
        # str.find with the word-boundary test of r"(?<!\w)surface(?!\w)": a regular expression
        # per surface was compiled anew for most documents (8 % of stage 4's time)
        a = text.find(surface)
        while a >= 0:
            b = a + len(surface)
            if (a == 0 or not _is_word(text[a - 1])) and (b == n or not _is_word(text[b])) \
                    and not any(taken[a:b]):
                taken[a:b] = b"\x01" * (b - a)
                found.append(Mention(a, b, surface, by_surface[surface]))
            a = text.find(surface, a + 1)
    found.sort(key=lambda m: m.start)
    return tuple(found)


def _titled(doc: Doc, candidates: list[_Candidate]) -> list[Titled]:
    """The titles stripped off people's names, for roles ("President Vladimir Putin")."""
    starts = tokens(doc).starts
    return [Titled(starts[c.start], c.title, c.title_of) for c in candidates
            if c.title and c.type is EntityType.PERSON]


def _places_by_code(doc: Doc, candidates: list[_Candidate], by_surface: dict[str, int]
                    ) -> dict[str, int]:
    """Gazetteer place code → the entity of that place in this body ("RU-CE" → Chechnya), so
    that a demonym ("Chechen leader") can name its holder."""
    found: dict[str, int] = {}
    for c in candidates:
        if c.key.startswith("place:"):
            index = by_surface.get(_text(doc, c.start, c.end))
            if index is not None:
                found.setdefault(c.key.removeprefix("place:"), index)
    codes = _codes_of_place_names()
    for surface, index in by_surface.items():
        for code in codes.get(surface, ()):
            found.setdefault(code, index)
    return found


@lru_cache(maxsize=1)
def _codes_of_place_names() -> dict[str, tuple[str, ...]]:
    """The gazetteer's name of a place → its codes (`gazetteer.place_of_code` inverted)."""
    codes: dict[str, list[str]] = {}
    for code, name in gazetteer.place_of_code().items():
        codes.setdefault(name, []).append(code)
    return {name: tuple(found) for name, found in codes.items()}
