"""Date expressions in one sentence, resolved against the publication date.

Candidates come from our own compiled patterns (explicit dates, months with modifiers, years,
weekdays, relative expressions such as "last month", "a year ago", "the next day"); context
rules then drop what is not a date ("April Fool's", "The Sunday Times", "2000 people") and
each survivor is resolved by arithmetic on the publication date. dateparser is used only for
purely numeric forms ("03/04/2017"), behind a cache; weekdays never go through it (see
docs/dates.md). Conventions: tests/data/extraction/README.md, "dates".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from dossier.extract.records import DateMention, Precision

MONTHS: dict[str, int] = {
    name: i
    for i, name in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"),
        start=1,
    )
}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    name: i
    for i, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

# Words before an expression that make a bare month or year a date ("in March", "since 2007",
# "late 2013", "the end of May"): the prepositions of the README plus the usual news ones.
# General English, chosen by reading news prose, not the labelled set.
DATE_PREPOSITIONS = frozenset({
    "in", "on", "at", "since", "by", "until", "till", "til", "from", "to", "of", "during",
    "before", "after", "through", "throughout", "between", "and", "or", "early", "late", "mid",
    "last", "next", "this", "that", "around", "as", "into", "for", "than", "circa", "ahead",
})
# "more than 2000": a count even though "than" is a date preposition ("no later than 2020").
_COUNT_THAN = re.compile(r"\b(?:more|fewer|less)\s+than\s*$", re.IGNORECASE)
# "The August floods", "the 2017 campaign": an article before a month or year also marks a
# date (except for "May", see MAY_CONTEXT).
WEAK_DATE_CONTEXT = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "whose"})
# "May" is also a modal verb and a surname: as a bare month it needs a preposition or a
# modifier before it (a subset of DATE_PREPOSITIONS: "and"/"or"/"to" are too weak).
MAY_CONTEXT = frozenset({
    "in", "on", "since", "by", "until", "till", "from", "of", "during", "before", "after",
    "through", "throughout", "between", "early", "late", "mid", "last", "next", "this",
    "around",
})
# Words before a 4-digit number that make it a count, not a year ("about 2000").
QUANTITY_WORDS = frozenset({
    "about", "around", "some", "roughly", "approximately", "nearly", "almost", "over",
    "more", "fewer", "less", "least", "most", "only", "just", "estimated", "total", "all",
    "killed", "detained", "arrested", "rescued", "evacuated", "displaced", "freed",
    "additional", "another", "extra", "no", "number", "page", "pages",
})
# Nouns after a 4-digit number that make it a count: "2000 people", "1990 signatures".
COUNT_NOUNS = frozenset({
    "people", "persons", "men", "women", "children", "families", "households", "homes",
    "houses", "soldiers", "troops", "police", "officers", "protesters", "demonstrators",
    "migrants", "refugees", "signatures", "votes", "prisoners", "detainees", "victims",
    "deaths", "dead", "bodies", "cases", "tonnes", "tons", "kilometres", "kilometers", "km",
    "miles", "metres", "meters", "hectares", "dollars", "euros", "pounds", "roubles",
    "rubles", "members", "students", "workers", "civilians", "residents", "journalists",
    "activists", "names", "pages", "words", "followers", "times", "of",
})
# Named days that are not the weekday of a news event ("Good Friday", "Super Tuesday").
NAMED_DAY_PREFIXES = frozenset({
    "good", "black", "bloody", "super", "ash", "holy", "palm", "cyber", "easter", "maundy",
    "shrove",
})
# "over the next year", "in the following month": a span of time, not a date.
DURATION_WORDS = frozenset({"over", "for", "within", "during", "throughout", "in", "into",
                            "through"})
# Recurrence, not a date: "each autumn", "every March", "on Fridays".
RECURRENCE_WORDS = frozenset({"each", "every", "most", "some", "all", "any", "per"})
# Words within FUTURE_WINDOW_WORDS before a bare day or month that point forward
# ("adjourned until 3 March", "is expected to last until late October", "due in May").
# "due to <cause>" and "as expected" are excluded.
FUTURE_CUES = re.compile(
    r"\b(?:until|till|next|upcoming|scheduled|will|shall|set\s+to|is\s+to|are\s+to"
    r"|plans?\s+to|planned|postponed|adjourned|deferred|deadline|later\s+this"
    r"|(?<!as\s)expected"
    r"|due(?!\s+to\s+(?:the|a|an|his|her|their|its|this|that|these|those|lack|poor|bad"
    r"|heavy|high|low)\b))\b",
    re.IGNORECASE,
)
# A preposition right before the date that fixes the past whatever else the clause says
# ("will stay, as it has since March").
PAST_PREPOSITIONS = frozenset({"since"})
# The direction window starts after the last of these: a closing quotation mark or a
# semicolon ends the words that could point forward (`"We will fight," she said on 5 May`), and
# a past reporting verb ties the date to the speech act (`the court will rule, a lawyer said
# on 5 May`).
WINDOW_BREAK = re.compile(
    r"[”\"»;]|\b(?:said|told|announced|reported|added|wrote|stated|confirmed)\b", re.IGNORECASE
)
# "from March until May", "3 March to 5 April": the second end of a range is the first such
# day or month on or after the first end, not counted from the publication date.
RANGE_CONNECTIVES = frozenset({"until", "till", "to", "through", "-", "–", "—"})
# How far back the direction cue may be: enough for "is expected to last until" and "was
# adjourned until", short enough that a "will" earlier in a long sentence does not reach a
# date in a past-tense relative clause (8 words: chosen on our own test sentences).
FUTURE_WINDOW_WORDS = 8
# A clause-initial date ("In May, the court will rule") looks this many words ahead.
LOOKAHEAD_WORDS = 6
FUTURE_AHEAD = re.compile(
    rf"^\W*(?:\S+\s+){{0,{LOOKAHEAD_WORDS}}}?(?:will|is\s+due|are\s+due|is\s+expected"
    r"|are\s+expected|is\s+scheduled|are\s+scheduled)\b",
    re.IGNORECASE,
)
# dateparser settings for the numeric forms only (day first, as in most of the world's press;
# day/month order cannot be decided from the text).
NUMERIC_DATE_ORDER = "DMY"
# Cache sizes: distinct numeric strings and whole sentences seen in one run.
NUMERIC_CACHE_SIZE = 4096
SENTENCE_CACHE_SIZE = 8192

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October"
          r"|November|December)")
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH_ANY = rf"(?:{_MONTH}|{_MONTH_ABBR})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19|20)\d\d(?![\d,]\d|\d|%|s\b|-[A-Za-z])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)?"
_MOD = r"(?:[Ee]arly|[Ll]ate|[Mm]id)(?:-|\s+)|[Mm]id-"
_PART = (r"(?:[Tt]he\s+)?(?:start|beginning|end|middle|turn|close)\s+of\s+")
_REL_YEAR = r"\s+(?:last|this|next)\s+year\b"
_NUMBER = r"(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|\d{1,2})"  # noqa: E501

PATTERNS: dict[str, re.Pattern[str]] = {
    # "16 March", "1 April 2017", "the 16th of March", "Monday, 3 April", "3 March last year"
    "dmy": re.compile(
        rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:the\s+(?=\d{{1,2}}(?:st|nd|rd|th)))?(?P<d>{_DAY}){_ORD}"
        rf"\s+(?:of\s+)?(?P<m>{_MONTH_ANY})(?![A-Za-z])"
        rf"(?:,?\s+(?P<y>{_YEAR})|(?P<rely>{_REL_YEAR}))?"
    ),
    # "April 1, 2017", "March 16", "Monday, April 3"
    "mdy": re.compile(
        rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<m>{_MONTH_ANY})\s+(?P<d>{_DAY}){_ORD}(?![\d,]\d|\d)"
        rf"(?:,?\s+(?P<y>{_YEAR})|(?P<rely>{_REL_YEAR}))?\b"
    ),
    "iso": re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b"),
    "numeric": re.compile(r"(?<![\d/.])\d{1,2}([/.])\d{1,2}\1(?:19|20)?\d\d(?![\d/.]\d)"),
    # "late February", "mid-March", "last April", "August last year", "May 2004",
    # "the end of March", "early March 2017"
    "month": re.compile(
        rf"(?:(?P<mod>\b{_MOD})|(?P<part>\b{_PART})|(?P<rel>\b(?:[Ll]ast|[Nn]ext|[Tt]his)\s+))?"
        rf"\b(?P<m>{_MONTH})\b(?:,?\s+(?:of\s+)?(?P<y>{_YEAR})|(?P<rely>{_REL_YEAR}))?"
    ),
    # "2007", "late 2013", "mid-2018", "the end of 2018"
    "year": re.compile(rf"(?:(?P<mod>\b{_MOD})|(?P<part>\b{_PART}))?\b(?P<y>{_YEAR})"),
    # "last year", "this month", "Earlier this year", "the start of the month",
    # "the end of last year"
    "relative": re.compile(
        rf"(?:(?P<mod>\b(?:[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate)\s+)|(?P<part>\b{_PART}))?"
        r"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|the)\s+(?P<unit>year|month)\b(?!-)"
    ),
    # "a year ago", "two months ago", "just one month away"
    "ago": re.compile(
        r"(?:\b(?P<q>just|only|barely|less\s+than|about|nearly|almost|some|still|now)\s+)?"
        rf"\b(?P<n>{_NUMBER})\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>ago|away)\b"
    ),
    # "the next day", "the following morning", "the previous day", "the following year"
    "next_day": re.compile(
        r"\b[Tt]he\s+(?P<rel>next|following|previous)\s+"
        r"(?P<unit>day|morning|afternoon|evening|night|month|year)\b(?!-)"
    ),
    "deictic": re.compile(r"\b(?P<w>[Yy]esterday|[Tt]omorrow)\b"),
    # "Saturday", "Last Wednesday", "next Friday"
    "weekday": re.compile(
        rf"(?:\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Tt]his\s+past|[Pp]ast)\s+)?\b(?P<wd>{_WEEKDAY})"
        r"(?!s\b)\b"
    ),
}
# Cheap gates, so that each pattern runs only on sentences that can hold its kind of date
# (most news sentences hold none). Every month name starts with one of MONTH_PREFIXES.
MONTH_PREFIXES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                  "Dec")
WEEKDAY_NAMES = tuple(name.capitalize() for name in WEEKDAYS)
_HAS_DIGIT = re.compile(r"\d")
_HAS_YEAR = re.compile(r"(?:19|20)\d\d")
_HAS_NUMERIC = re.compile(r"\d[/.]\d")


def _kinds_to_try(sentence: str) -> list[str]:
    """The pattern kinds worth running on `sentence`, in PATTERNS order."""
    kinds: list[str] = []
    digit = _HAS_DIGIT.search(sentence) is not None
    month = any(prefix in sentence for prefix in MONTH_PREFIXES)
    year = digit and _HAS_YEAR.search(sentence) is not None
    lower = sentence.lower()
    if month and digit:
        kinds += ["dmy", "mdy"]
    if year and "-" in sentence:
        kinds.append("iso")
    if digit and _HAS_NUMERIC.search(sentence):
        kinds.append("numeric")
    if month:
        kinds.append("month")
    if year:
        kinds.append("year")
    if "year" in lower or "month" in lower:
        kinds.append("relative")
    if " ago" in lower or " away" in lower:
        kinds.append("ago")
    if "the next " in lower or "the following " in lower or "the previous " in lower:
        kinds.append("next_day")
    if "yesterday" in lower or "tomorrow" in lower:
        kinds.append("deictic")
    if "day" in sentence and any(name in sentence for name in WEEKDAY_NAMES):
        kinds.append("weekday")
    return kinds


# "April and May", "March to May", "April, May": a month just before, in a list or a range.
_MONTH_LIST = re.compile(
    rf"{_MONTH}(?:,?\s+(?:and|or|to|through|until|till)\s+|,\s+|\s*[-–—]\s*)$"
)
WORD_INNER = frozenset("'’-._")  # characters that may sit inside a word ("Russia's", "U.N.")
_WORD_AFTER = re.compile(r"^\W*?([\w'’-]+)")
_WORDS = re.compile(r"\S+")

# A candidate: (start, end, kind, match)
_Candidate = tuple[int, int, str, re.Match[str]]


def find_dates(
    sentence: str, published: dt.date | None, anchor: DateMention | None = None
) -> tuple[DateMention, ...]:
    """Every date expression in `sentence`, offsets relative to it, resolved against the
    publication date (`None` for an undated document). `anchor` is the last date resolved
    before this sentence in the same document; "the next day" counts from it unless this
    sentence names a date first."""
    if isinstance(published, dt.datetime):
        published = published.date()
    return _find_dates(sentence, published, anchor)


def find_document_dates(
    sentences: Iterable[str], published: dt.date | None
) -> list[tuple[DateMention, ...]]:
    """`find_dates` over one document's sentences in order, passing each sentence the last
    resolved date of the ones before it as its anchor."""
    found: list[tuple[DateMention, ...]] = []
    anchor: DateMention | None = None
    for text in sentences:
        dates = find_dates(text, published, anchor)
        for date in dates:
            if date.value is not None:
                anchor = date
        found.append(dates)
    return found


@lru_cache(maxsize=SENTENCE_CACHE_SIZE)
def _find_dates(
    sentence: str, published: dt.date | None, anchor: DateMention | None
) -> tuple[DateMention, ...]:
    candidates: list[_Candidate] = []
    for kind in _kinds_to_try(sentence):
        for match in PATTERNS[kind].finditer(sentence):
            start, end = _trim(sentence, match.start(), match.end())
            if end > start:
                candidates.append((start, end, kind, match))
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    kept: list[_Candidate] = []
    for cand in candidates:
        if kept and cand[0] < kept[-1][1]:
            continue
        if _is_date(sentence, cand):
            kept.append(cand)
    found: list[DateMention] = []
    previous_end = 0
    last = anchor
    last_day = anchor if anchor is not None and anchor.precision == Precision.DAY else None
    for start, end, kind, match in kept:
        future = _points_forward(sentence, previous_end, start, end)
        base = published
        if found and kind in RANGE_KINDS:
            range_start = _range_start(sentence, found[-1], start)
            if range_start is not None:
                base, future = range_start, True
        named = last
        if kind == "next_day" and match.group("unit") not in {"month", "year"}:
            named = last_day  # "the next day" skips a coarser date named in between
        resolved = RESOLVERS[kind](match, base, future, named)
        previous_end = end
        if resolved is None:
            continue
        value, precision = resolved
        mention = DateMention(start, end, sentence[start:end], value, precision)
        found.append(mention)
        last = mention
        if precision == Precision.DAY:
            last_day = mention
    return tuple(found)


RANGE_KINDS = frozenset({"dmy", "mdy", "month"})


def _range_start(sentence: str, previous: DateMention, start: int) -> dt.date | None:
    """The first day of `previous` when the expression at `start` closes a range that it
    opens ("from March until May", "3 March to 5 April"), else None."""
    if sentence[previous.end : start].strip().lower() not in RANGE_CONNECTIVES:
        return None
    value = previous.value
    if value is None or previous.precision == Precision.YEAR or not value[:4].isdigit():
        return None
    return dt.date(int(value[:4]), int(value[5:7]), int(value[8:10] or 1))


def _trim(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Leave out surrounding white space."""
    while start < end and sentence[start].isspace():
        start += 1
    while end > start and sentence[end - 1].isspace():
        end -= 1
    return start, end


# ---------------------------------------------------------------- filtering


def _word_before(sentence: str, start: int) -> str:
    """The word before `start`, skipping punctuation and spaces ("in" in "in (2017")."""
    end = start
    while end > 0 and not sentence[end - 1].isalnum():
        end -= 1
    begin = end
    while begin > 0 and (sentence[begin - 1].isalnum() or sentence[begin - 1] in WORD_INNER):
        begin -= 1
    return sentence[begin:end]


def _word_after(sentence: str, end: int) -> str:
    match = _WORD_AFTER.match(sentence[end : end + 40])
    return match.group(1) if match else ""


def _gap_before(sentence: str, start: int) -> str:
    """The characters between the previous word and `start` (", " in "2017, in")."""
    i = start
    while i > 0 and not (sentence[i - 1].isalnum()):
        i -= 1
    return sentence[i:start]


def _is_date(sentence: str, cand: _Candidate) -> bool:
    start, end, kind, match = cand
    before = _word_before(sentence, start)
    lower_before = before.lower()
    if lower_before in RECURRENCE_WORDS:
        return False
    if kind == "weekday":
        return _weekday_ok(sentence, start, end, match, before)
    if kind == "month":
        return _month_ok(sentence, start, end, match, before)
    if kind == "year":
        return _year_ok(sentence, start, end, match, before)
    if kind == "relative":
        # "the last year", "over the past month" are durations; "the month" alone only
        # counts inside "the start of the month".
        if match.group("rel") == "the" and not match.group("part"):
            return False
        return not (lower_before in {"the", "past", "a"} and not match.group("mod")
                    and not match.group("part"))
    if kind == "next_day":
        # "over the next year", "within the following month": durations.
        return not (match.group("unit") in {"month", "year"} and lower_before in DURATION_WORDS)
    if kind in {"dmy", "mdy"}:
        after = _word_after(sentence, end)
        # "In March 16 people died": a count, not a day.
        return not (kind == "mdy" and match.group("y") is None and after.lower() in COUNT_NOUNS)
    return True


def _weekday_ok(
    sentence: str, start: int, end: int, match: re.Match[str], before: str
) -> bool:
    if match.group("rel"):
        return True
    lower_before = before.lower()
    if lower_before in NAMED_DAY_PREFIXES:
        return False
    after = _word_after(sentence, end)
    follows_name = bool(after[:1].isupper()) and sentence[end : end + 1] not in {",", "'", "’"}
    # "The Sunday Times", "Friday Mosque": part of a name unless a preposition introduces it.
    return not (follows_name and lower_before not in DATE_PREPOSITIONS)


def _month_ok(sentence: str, start: int, end: int, match: re.Match[str], before: str) -> bool:
    if match.group("mod") or match.group("part") or match.group("rel"):
        return True
    if match.group("y") or match.group("rely"):
        return True
    month = match.group("m")
    lower_before = before.lower()
    after = _word_after(sentence, end)
    if _MONTH_LIST.search(sentence, max(0, start - 30), start):
        return True
    if month == "May":
        return lower_before in MAY_CONTEXT
    if lower_before in DATE_PREPOSITIONS:
        return not after.startswith("Fool")
    sentence_initial = not sentence[:start].strip(" \"“‘'(")
    follows_name = bool(after[:1].isupper()) and sentence[end : end + 1] not in {",", ";", "."}
    preceded_by_name = bool(before[:1].isupper()) and not sentence_initial
    # "an April Fool's prank", "June Smith", "Women's March": part of a name.
    return not (follows_name or preceded_by_name)


def _year_ok(sentence: str, start: int, end: int, match: re.Match[str], before: str) -> bool:
    if match.group("mod") or match.group("part"):
        return True
    lower_before = before.lower()
    after = _word_after(sentence, end)
    gap = _gap_before(sentence, start)
    if sentence[start - 1 : start] in {"$", "€", "£", "#", "№", "/"}:
        return False
    if sentence[end : end + 1] == "/":
        return False  # part of a path or a URL
    if lower_before in QUANTITY_WORDS:
        return False
    if lower_before == "than" and _COUNT_THAN.search(sentence, max(0, start - 20), start):
        return False
    if after.lower() in COUNT_NOUNS:
        return False
    if lower_before in DATE_PREPOSITIONS or lower_before in WEAK_DATE_CONTEXT:
        return True
    if before.endswith(("'s", "’s")) or lower_before in MONTHS or "," in gap or "(" in gap:
        return True
    sentence_initial = not sentence[:start].strip(" \"“‘'(")
    if before[:1].isupper() and not sentence_initial:
        return False  # "Agenda 2030", "Resolution 2017": part of a name
    # "killed 2000 rebels": a number before a plural noun with no date word before it.
    return not (after[:1].islower() and after.endswith("s") and not after.endswith("ss"))


# ---------------------------------------------------------------- direction


def _points_forward(sentence: str, previous_end: int, start: int, end: int) -> bool:
    """Whether the text before the expression (since the previous date, within
    FUTURE_WINDOW_WORDS words) points to the future; a clause-initial date also looks a few
    words ahead ("In May, the court will rule")."""
    window = sentence[previous_end:start]
    cuts = [m.end() for m in WINDOW_BREAK.finditer(window)]
    if cuts:
        window = window[cuts[-1] :]
    words = _WORDS.findall(window)
    if words and words[-1].lower() in PAST_PREPOSITIONS:
        return False
    if FUTURE_CUES.search(" ".join(words[-FUTURE_WINDOW_WORDS:])):
        return True
    if previous_end == 0 and len(words) <= 1:
        return bool(FUTURE_AHEAD.search(sentence[end:]))
    return False


# ---------------------------------------------------------------- resolution

_Resolved = tuple[str | None, Precision] | None
_Resolver = Callable[[re.Match[str], dt.date | None, bool, DateMention | None], _Resolved]


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or MONTH_ABBREVIATIONS[key]


def _month_value(year: int | None, month: int) -> str:
    return f"--{month:02d}" if year is None else f"{year:04d}-{month:02d}"


def _day_value(year: int | None, month: int, day: int) -> str:
    return f"--{month:02d}-{day:02d}" if year is None else f"{year:04d}-{month:02d}-{day:02d}"


def _valid_day(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(2000 if year is None else year, month, day)  # 2000: a leap year
    except ValueError:
        return False
    return True


def _relative_year(word: str, published: dt.date | None) -> int | None:
    if published is None:
        return None
    return published.year + {"last": -1, "this": 0, "next": 1}[word.lower()]


def _resolve_day_month(
    match: re.Match[str], published: dt.date | None, future: bool, last: DateMention | None
) -> _Resolved:
    month = _month_number(match.group("m"))
    day = int(match.group("d"))
    year: int | None = None
    if match.group("y"):
        year = int(match.group("y"))
    elif match.group("rely"):
        if published is not None:
            year = _relative_year(match.group("rely").split()[0], published)
    elif published is not None:
        year = published.year
        if not _valid_day(year, month, day):
            year = year + 1 if future else year - 1  # 29 February of another year
        elif future and (month, day) < (published.month, published.day):
            year += 1
        elif not future and (month, day) > (published.month, published.day):
            year -= 1
    if not _valid_day(year, month, day):
        return None
    return _day_value(year, month, day), Precision.DAY


def _resolve_iso(
    match: re.Match[str], published: dt.date | None, future: bool, last: DateMention | None
) -> _Resolved:
    year, month, day = int(match.group("y")), int(match.group("m")), int(match.group("d"))
    if not _valid_day(year, month, day):
        return None
    return _day_value(year, month, day), Precision.DAY


@lru_cache(maxsize=NUMERIC_CACHE_SIZE)
def _parse_numeric(text: str) -> dt.date | None:
    import dateparser  # slow to import; needed only for the rare numeric form

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"DATE_ORDER": NUMERIC_DATE_ORDER, "PREFER_LOCALE_DATE_ORDER": False,
                  "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date() if parsed is not None else None


def _resolve_numeric(
    match: re.Match[str], published: dt.date | None, future: bool, last: DateMention | None
) -> _Resolved:
    parsed = _parse_numeric(match.group())
    if parsed is None:
        return None
    return parsed.isoformat(), Precision.DAY


def _resolve_month(
    match: re.Match[str], published: dt.date | None, future: bool, last: DateMention | None
) -> _Resolved:
    month = _month_number(match.group("m"))
    rel = (match.group("rel") or "").strip().lower()
    year: int | None = None
    if match.group("y"):
        year = int(match.group("y"))
    elif match.group("rely"):
        year = _relative_year(match.group("rely").split()[0], published)
    elif published is not None:
        year = published.year
        if rel == "last":  # "last April": that month of the year before publication
            year -= 1
        elif rel == "next":
            year += 1 if month <= published.month else 0
        elif rel == "this":
            pass
        else:
            year = month_year(published, month, future=future)
    return _month_value(year, month), Precision.MONTH


def month_year(published: dt.date | None, month: int, *, future: bool = False) -> int | None:
    """The year of a month named without one: its nearest occurrence in the past from the
    publication date ("September" in a June 2018 text is 2017), in the future when the text
    points forward ("until May"); None without a publication date. The Russian rules share
    it (extract/ru/dates.py)."""
    if published is None:
        return None
    if future and month < published.month:
        return published.year + 1
    if not future and month > published.month:
        return published.year - 1
    return published.year


def _resolve_year(
    match: re.Match[str], published: dt.date | None, future: bool, last: DateMention | None
) -> _Resolved:
    return match.group("y"), Precision.YEAR


def _shift_month(date: dt.date, months: int) -> tuple[int, int]:
    index = date.year * 12 + date.month - 1 + months
    return index // 12, index % 12 + 1


def _resolve_relative(
    match: re.Match[str], published: dt.date | None, future: bool, last: DateMention | None
) -> _Resolved:
    unit = match.group("unit")
    rel = match.group("rel").lower()
    offset = {"last": -1, "this": 0, "next": 1, "the": 0}[rel]
    if unit == "year":
        year = None if published is None else published.year + offset
        return (None if year is None else f"{year:04d}"), Precision.YEAR
    if published is None:
        return None, Precision.MONTH
    year, month = _shift_month(published, offset)
    return _month_value(year, month), Precision.MONTH


def _resolve_ago(
    match: re.Match[str], published: dt.date | None, future: bool, last: DateMention | None
) -> _Resolved:
    unit = match.group("unit")
    number = match.group("n").lower()
    n = NUMBER_WORDS[number] if number in NUMBER_WORDS else int(number)
    if match.group("dir") == "ago":
        n = -n
    precision = {"day": Precision.DAY, "week": Precision.DAY, "month": Precision.MONTH,
                 "year": Precision.YEAR}[unit]
    if published is None:
        return None, precision
    if unit == "year":
        return f"{published.year + n:04d}", precision
    if unit == "month":
        return _month_value(*_shift_month(published, n)), precision
    days = n * (7 if unit == "week" else 1)
    return (published + dt.timedelta(days=days)).isoformat(), precision


def _resolve_next_day(
    match: re.Match[str], published: dt.date | None, future: bool, last: DateMention | None
) -> _Resolved:
    """Counted from the date named just before (in this sentence or, through `anchor`, an
    earlier one); None when there is none or it is too coarse."""
    step = -1 if match.group("rel").lower() == "previous" else 1
    unit = match.group("unit")
    value = None if last is None else last.value
    if unit == "year":
        if value is None or not value[:4].isdigit():
            return None, Precision.YEAR
        return f"{int(value[:4]) + step:04d}", Precision.YEAR
    if unit == "month":
        if value is None or last is None or last.precision == Precision.YEAR:
            return None, Precision.MONTH
        if value.startswith("--"):
            month = (int(value[2:4]) - 1 + step) % 12 + 1
            return f"--{month:02d}", Precision.MONTH
        named = dt.date(int(value[:4]), int(value[5:7]), 1)
        return _month_value(*_shift_month(named, step)), Precision.MONTH
    if value is None or last is None or last.precision != Precision.DAY:
        return None, Precision.DAY
    return _add_days(value, step), Precision.DAY


def _add_days(value: str, days: int) -> str | None:
    if value.startswith("--"):
        month, day = int(value[2:4]), int(value[5:7])
        base = dt.date(2000 if (month, day) == (2, 29) else 2001, month, day)
        moved = base + dt.timedelta(days=days)
        return f"--{moved.month:02d}-{moved.day:02d}"
    try:
        return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()
    except ValueError:
        return None


def _resolve_deictic(
    match: re.Match[str], published: dt.date | None, future: bool, last: DateMention | None
) -> _Resolved:
    if published is None:
        return None, Precision.DAY
    step = -1 if match.group("w").lower() == "yesterday" else 1
    return (published + dt.timedelta(days=step)).isoformat(), Precision.DAY


def _resolve_weekday(
    match: re.Match[str], published: dt.date | None, future: bool, last: DateMention | None
) -> _Resolved:
    """Our own rule: the most recent such day on or before publication (the publication day
    itself if it matches); "last X" is strictly before it and "next X" strictly after."""
    if published is None:
        return None, Precision.DAY
    weekday = WEEKDAYS[match.group("wd").lower()]
    rel = (match.group("rel") or "").lower()
    return weekday_date(published, weekday, rel), Precision.DAY


def weekday_date(published: dt.date, weekday: int, rel: str = "") -> str:
    """The day a weekday (0 is Monday) names in a text published on `published`: the most
    recent such day on or before it; "last"/"past" strictly before, "next" strictly after."""
    if rel == "next":
        ahead = (weekday - published.weekday()) % 7 or 7
        return (published + dt.timedelta(days=ahead)).isoformat()
    back = (published.weekday() - weekday) % 7
    if back == 0 and rel in {"last", "past", "this past"}:
        back = 7
    return (published - dt.timedelta(days=back)).isoformat()


RESOLVERS: dict[str, _Resolver] = {
    "dmy": _resolve_day_month,
    "mdy": _resolve_day_month,
    "iso": _resolve_iso,
    "numeric": _resolve_numeric,
    "month": _resolve_month,
    "year": _resolve_year,
    "relative": _resolve_relative,
    "ago": _resolve_ago,
    "next_day": _resolve_next_day,
    "deictic": _resolve_deictic,
    "weekday": _resolve_weekday,
}
