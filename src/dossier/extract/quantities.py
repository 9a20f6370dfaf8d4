"""Counts of people or things in one sentence, with their qualifier ("more than 100",
"about 15,000", "between 20 and 30", "dozens", "hundreds of thousands").

The conventions are those of tests/data/extraction/README.md, "quantity": low/high per
qualifier, `text` the exact span including the qualifier words, and no durations ("12 days",
"several hours"), ages and hyphenated modifiers ("25-year-old", "42-page"), dates and years,
money, percentages, ordinals, multipliers ("three times"), times of day or numbered things
("Article 6", "Resolution 2334").

How it works: one compiled regex cuts the sentence into words, numbers and punctuation with
their offsets; a left-to-right scan reads an optional qualifier, a number expression (digits,
"2.5 million", number words such as "One hundred", "two dozen", "a dozen") or a vague plural
("dozens", "hundreds of thousands"), and then context rules on the neighbouring words drop what
is not a count. Nothing here is slower than a regex and a dictionary look-up.

Beyond the README's table (our own conventions, documented in docs/events.md):
- "nearly", "almost", "approximately", "an estimated", "close to" → `about`;
- "over", "upwards of", "in excess of" → `more than`; "no fewer/less than", "N or more" →
  `at least`; "less than", "under" → `fewer than`; "as many as", "no more than", "at most" →
  `up to`;
- "only", "just" mark `exactly` and are left out of `text` ("only 300" → "300");
- "thousands", "tens of thousands", "millions" → `at least` twice the unit (20,000 for "tens
  of thousands"), the same reading as "dozens" (24) and "hundreds" (200);
- a bare "one" is an article-like determiner ("One man told…", "one of the…") and is not a
  count; "at least one", "one hundred" are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dossier.extract.records import Quantity

# ---------------------------------------------------------------------------------------------
# Vocabulary (general English news usage; chosen by reading news prose, not the labelled set)
# ---------------------------------------------------------------------------------------------

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# Multipliers after a number ("2.5 million", "two dozen", "1.2m", "3bn").
SCALES: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "dozen": 12, "m": 1_000_000, "bn": 1_000_000_000, "mn": 1_000_000,
}
# Qualifier phrases before a number, longest first when two share a start. The value is the
# README qualifier; `None` marks words that say "exactly" but stay out of `text`.
QUALIFIER_PHRASES: tuple[tuple[tuple[str, ...], str | None], ...] = (
    (("no", "fewer", "than"), "at least"),
    (("no", "less", "than"), "at least"),
    (("not", "less", "than"), "at least"),
    (("no", "more", "than"), "up to"),
    (("not", "more", "than"), "up to"),
    (("more", "than"), "more than"),
    (("at", "least"), "at least"),
    (("at", "most"), "up to"),
    (("up", "to"), "up to"),
    (("as", "many", "as"), "up to"),
    (("fewer", "than"), "fewer than"),
    (("less", "than"), "fewer than"),
    (("upwards", "of"), "more than"),
    # "the real number is higher than 100" (2026-11-21, the demo corpus)
    (("higher", "than"), "more than"),
    (("greater", "than"), "more than"),
    (("lower", "than"), "fewer than"),
    (("in", "excess", "of"), "more than"),
    (("close", "to"), "about"),
    (("an", "estimated"), "about"),
    (("some",), "about"),
    (("about",), "about"),
    (("around",), "about"),
    (("roughly",), "about"),
    (("approximately",), "about"),
    (("nearly",), "about"),
    (("almost",), "about"),
    (("over",), "more than"),
    (("under",), "fewer than"),
    (("exactly",), "exactly"),
    (("only",), None),
    (("just",), None),
)
QUALIFIER_STARTS = frozenset(words[0] for words, _ in QUALIFIER_PHRASES)
# Vague plurals: word → (qualifier, base value). "hundreds of thousands" multiplies the base by
# the unit after "of".
VAGUE: dict[str, tuple[str, int]] = {
    "dozens": ("dozens", 24),
    "hundreds": ("hundreds", 200),
    "thousands": ("at least", 2_000),
    "millions": ("at least", 2_000_000),
    "several": ("several", 3),
}
VAGUE_UNITS: dict[str, int] = {"hundreds": 100, "thousands": 1_000, "millions": 1_000_000}
# "several dozen" → 36, "several hundred" → 300: "several" (3) times the scale.
SCALES_AFTER_SEVERAL: dict[str, int] = {w: SCALES[w] for w in ("dozen", "hundred", "thousand",
                                                                "million")}
# "tens of thousands" → at least 20,000.
TENS_OF: dict[str, int] = {"thousands": 20_000, "millions": 20_000_000}

# A number followed by one of these is a duration, not a count ("12 days", "491 days").
TIME_UNITS = frozenset({
    "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hrs", "day",
    "days", "night", "nights", "week", "weeks", "weekend", "weekends", "fortnight",
    "fortnights", "month", "months", "year", "years", "yrs", "decade", "decades", "century",
    "centuries", "term", "terms", "season", "seasons",
})
# Multipliers and proportions after a number ("three times", "40 percent").
NOT_COUNT_AFTER = frozenset({"times", "fold", "percent", "per", "percentage", "%", "pc"})
# Money after a number ("5 million dollars") and before it ("$5", "US$ 3", "EUR 500").
CURRENCY_WORDS = frozenset({
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "rouble", "roubles",
    "ruble", "rubles", "yuan", "renminbi", "yen", "rupee", "rupees", "franc", "francs", "lira",
    "lire", "dinar", "dinars", "dirham", "dirhams", "peso", "pesos", "naira", "rand", "shilling",
    "shillings", "won", "hryvnia", "hryvnias", "zloty", "zlotys", "lari", "manat", "som", "tenge",
    "riyal", "riyals", "rial", "rials", "real", "reais", "krona", "kronor", "krone", "kroner",
    "cent", "cents", "usd", "eur", "gbp", "rub",
})
CURRENCY_SYMBOLS = frozenset("$€£¥₽₹₦₴₺₩")
CURRENCY_CODES = frozenset({"usd", "eur", "gbp", "rub", "us$", "chf", "cny", "jpy", "inr"})
# Times of day after a number ("10 a.m.", "9 pm", "6 o'clock").
TIME_OF_DAY = frozenset({"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "o'clock", "gmt", "utc",
                         "hrs", "h"})
MONTH_NAMES = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
})
# Words before a number that make it a label, not a count ("Article 6", "No. 7", "page 12").
NUMBERED_BEFORE = frozenset({
    "no", "no.", "nos", "nos.", "number", "#", "article", "articles", "resolution", "section",
    "chapter", "paragraph", "clause", "page", "pages", "room", "cell", "ward", "block", "unit",
    "flight", "route", "highway", "road", "bus", "line", "platform", "gate", "level", "floor",
    "case", "file", "protocol", "decree", "law", "bill", "act", "colony", "camp", "prison",
    "district", "precinct", "zone", "sector", "version", "episode", "season", "volume", "vol",
    "vol.", "item", "point", "grade", "class", "category", "phase", "stage", "round", "lot",
    "building", "house", "apartment", "flat", "street", "st", "avenue", "ave",
})
# After "who is/was N", words that make N a count, not an age ("who was 1 of 12").
COUNT_NOUNS_AFTER_AGE_LIKE = frozenset({"of", "out", "in", "percent", "%", "times"})
# Words before a number that make it an age ("aged 23", "at the age of 40").
AGE_BEFORE = frozenset({"aged", "age", "ages"})
AGE_LIMIT = 120  # a number from here on is never read as an age
# Nouns after a 4-digit number in 1800-2099 that make it a count rather than a year
# ("2000 people", "1900 tonnes"); anything else in that range is read as a year.
YEAR_RANGE = (1800, 2099)
COUNT_NOUNS_AFTER_YEARLIKE = frozenset({
    "people", "persons", "men", "women", "children", "families", "households", "homes",
    "houses", "soldiers", "troops", "officers", "protesters", "demonstrators", "migrants",
    "refugees", "signatures", "votes", "prisoners", "detainees", "victims", "deaths", "dead",
    "bodies", "cases", "tonnes", "tons", "kilometres", "kilometers", "km", "miles", "hectares",
    "members", "students", "workers", "civilians", "residents", "journalists", "activists",
    "names", "followers", "complaints", "calls", "letters", "more", "others", "other",
})
# "several" counts only people (or "several of …", "several more"): before other nouns it is
# colour ("several international groups", "several times"). General people nouns of news prose.
SEVERAL_PEOPLE = frozenset({
    "men", "women", "people", "persons", "children", "boys", "girls", "journalists",
    "reporters", "activists", "protesters", "demonstrators", "detainees", "prisoners",
    "migrants", "refugees", "survivors", "victims", "witnesses", "residents", "villagers",
    "students", "teachers", "doctors", "workers", "civilians", "soldiers", "officers",
    "officials", "members", "relatives", "families", "lawyers", "defendants", "suspects",
    "monitors", "passengers", "asylum", "others", "more", "of", "dozen", "hundred", "thousand",
    "bodies", "deaths", "staff", "employees", "guards", "police", "policemen", "candidates",
    "opposition", "critics", "bloggers", "dissidents", "clerics", "priests", "fighters",
    "troops", "inmates", "patients", "youths", "teenagers", "minors", "farmers", "miners",
    "gay", "lesbian", "foreign", "local", "young", "elderly", "other",
})
# Words that may stand between "several" and its people noun ("several young men").
SEVERAL_BETWEEN_MAX = 2

# ---------------------------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------------------------

# Numbers keep their inner commas, points and colons ("1,500", "2.5", "10:30"); words keep an
# inner apostrophe ("o'clock"); "a.m." style abbreviations stay whole.
TOKEN_RE = re.compile(
    r"\d+(?:[.,:]\d+)*"
    r"|(?:[A-Za-z]\.){2,}"
    r"|[^\W\d_]+(?:['’][^\W\d_]+)?"
    r"|\S"
)
DIGITS_RE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
# Most sentences hold no number at all: a digit or one of these words must occur before any
# tokenising is done.
NUMBER_WORDS = frozenset({*UNITS, *TENS, *SCALES, *VAGUE, "tens"} - {"m", "bn", "mn"})
DIGIT_RE = re.compile(r"\d")
WORD_RE = re.compile(r"[a-z]+")
# Words a quantity can start with (qualifiers, numbers, "a dozen", "half a dozen", "between").
START_WORDS = frozenset({*QUALIFIER_STARTS, *UNITS, *TENS, *VAGUE, "between", "half", "a",
                         "an", "tens"})


def _may_count(sentence: str) -> bool:
    if DIGIT_RE.search(sentence):
        return True
    return not NUMBER_WORDS.isdisjoint(WORD_RE.findall(sentence.lower()))


@dataclass(frozen=True)
class _Token:
    text: str
    lower: str
    start: int
    end: int


@dataclass(frozen=True)
class _Number:
    value: float
    first: int  # token index where the number expression starts
    last: int  # token index of its last token
    bare_one: bool  # just "one"/"One"
    digits: bool  # written with digits only (no scale word)
    has_comma: bool
    scale: int = 1  # the product of its scale words ("2.5 million" → 1,000,000)


def _tokens(sentence: str) -> list[_Token]:
    return [_Token(m.group(), m.group().lower(), m.start(), m.end())
            for m in TOKEN_RE.finditer(sentence)]


def _glued(toks: list[_Token], i: int) -> bool:
    """Token i and i+1 touch (no space between)."""
    return i + 1 < len(toks) and toks[i].end == toks[i + 1].start


def _word_number(toks: list[_Token], i: int) -> tuple[int, int] | None:
    """A number written in words from token i: (value below 100, last token index)."""
    w = toks[i].lower
    if w in UNITS:
        return UNITS[w], i
    if w in TENS:
        value = TENS[w]
        # "twenty-five" (the hyphen glued on both sides) or "twenty five"
        if (i + 2 < len(toks) and toks[i + 1].text == "-" and _glued(toks, i)
                and _glued(toks, i + 1) and toks[i + 2].lower in UNITS
                and 0 < UNITS[toks[i + 2].lower] < 10):
            return value + UNITS[toks[i + 2].lower], i + 2
        if i + 1 < len(toks) and toks[i + 1].lower in UNITS and 0 < UNITS[toks[i + 1].lower] < 10:
            return value + UNITS[toks[i + 1].lower], i + 1
        return value, i
    return None


def _number(toks: list[_Token], i: int) -> _Number | None:
    """A number expression starting at token i, or None."""
    tok = toks[i]
    value: float
    bare_one = False
    digits = False
    has_comma = False
    if tok.text[0].isdigit():
        m = DIGITS_RE.fullmatch(tok.text)
        if m is None:
            return None  # "10:30", "1.2.3"
        has_comma = "," in tok.text
        value = float(tok.text.replace(",", ""))
        last = i
        digits = True
    elif tok.lower in ("a", "an"):
        # "a dozen", "a hundred", "half a dozen" is handled by the caller
        if i + 1 < len(toks) and toks[i + 1].lower in SCALES and toks[i + 1].lower not in (
                "m", "bn", "mn"):
            value = 1
            last = i
        else:
            return None
    else:
        word = _word_number(toks, i)
        if word is None:
            return None
        value, last = word
        bare_one = tok.lower == "one"
    # scales: "two hundred", "2.5 million", "two dozen", "one hundred and fifty"
    total_scale = 1
    while last + 1 < len(toks):
        nxt = toks[last + 1]
        scale = SCALES.get(nxt.lower)
        if scale is None:
            break
        if nxt.lower in ("m", "bn", "mn") and not (digits and _glued(toks, last)):
            break  # "1.2m" only when glued to digits
        value *= scale
        total_scale *= scale
        last += 1
        bare_one = False
        digits = False
        if nxt.lower == "hundred" and last + 2 < len(toks) and toks[last + 1].lower == "and":
            rest = _word_number(toks, last + 2)
            if rest is not None:
                value += rest[0]
                last = rest[1]
    return _Number(value, i, last, bare_one, digits, has_comma, total_scale)


def _prev(toks: list[_Token], i: int) -> _Token | None:
    return toks[i - 1] if i > 0 else None


def _excluded(toks: list[_Token], num: _Number, qualified: bool) -> bool:
    """Context rules: True when the number is not a count of people or things."""
    first, last = toks[num.first], toks[num.last]
    after = toks[num.last + 1] if num.last + 1 < len(toks) else None
    after2 = toks[num.last + 2] if num.last + 2 < len(toks) else None
    before = _prev(toks, num.first)
    before2 = _prev(toks, num.first - 1) if num.first > 0 else None
    if num.value != int(num.value):
        return True  # "2.5" without a scale word
    if num.bare_one and not qualified:
        return True  # "One man told…", "one of the…"
    # glued to letters or hyphens: "25-year-old", "42-page", "1990s", "10am", "G7", "COVID-19"
    if after is not None and last.end == after.start and (
            after.text == "-" or after.text[0].isalpha() or after.text in ("%", "+")):
        return True
    if before is not None and before.end == first.start and (
            before.text in ("-", "/", "#") or before.text[0].isalpha()):
        return True
    if before is not None and (before.text in CURRENCY_SYMBOLS or before.lower in CURRENCY_CODES):
        return True  # "$5", "€ 300", "USD 40"
    if after is not None:
        if after.lower in TIME_UNITS or after.lower in NOT_COUNT_AFTER:
            return True
        if after.lower in ("year's", "year’s", "day's", "day’s", "week's", "week’s",
                           "month's", "month’s"):
            return True
        if after.lower in CURRENCY_WORDS or after.lower in TIME_OF_DAY:
            return True
        if after.lower == "per" and after2 is not None and after2.lower == "cent":
            return True
        if after.lower in MONTH_NAMES and num.value <= 31 and num.digits:
            return True  # "16 March"
        if after.lower == "in" and after2 is not None and (
                after2.text[0].isdigit() or after2.lower in UNITS or after2.lower in TENS):
            return True  # "one in five"
        if after.lower in ("st", "nd", "rd", "th"):
            return True
    if before is not None:
        if before.lower in MONTH_NAMES and num.value <= 31 and num.digits:
            return True  # "March 16", "April 1, 2017"
        if before.lower in AGE_BEFORE:
            return True
        if before.lower == "in" and before2 is not None and (
                before2.text[0].isdigit() or before2.lower in UNITS or before2.lower in TENS):
            return True  # "one in five": the second number of a ratio
        if (before.lower in ("and", "or", "to") and before2 is not None
                and before2.text[:1].isdigit() and num.first >= 3
                and toks[num.first - 3].lower in AGE_BEFORE):
            return True  # "aged 23 and 25"
        if before.lower in NUMBERED_BEFORE and num.digits:
            return True
        if (before.text == "." and before2 is not None and before2.lower + "." in NUMBERED_BEFORE
                and num.digits):
            return True  # "No. 10", "Vol. 3"
        if before.lower == "of" and before2 is not None and before2.lower == "age":
            return True
        if (num.digits and before.text[0].isupper() and before.lower not in QUALIFIER_STARTS
                and num.first - 1 > 0 and before.text.isalpha()):
            return True  # "Resolution 2334", "Boeing 737", "Colony 7"
        # "That man, who is 31 and asked to be called Murad": an age after "who is" (2026-11-23,
        # the corroboration set, where 31 had become the count of "about 25 men in the room")
        if (before.lower in ("is", "was") and before2 is not None and before2.lower == "who"
                and num.digits and num.value < AGE_LIMIT
                and (after is None or after.lower not in COUNT_NOUNS_AFTER_AGE_LIKE)):
            return True
        # "Samuel Adeyo, 23, died": an age between commas after a name
        if (before.text == "," and after is not None and after.text == "," and num.digits
                and before2 is not None and before2.text[:1].isupper() and num.value < AGE_LIMIT):
            return True
    # "in 2009", "the 2017 campaign" (but "2000 people")
    return (num.digits and not num.has_comma and YEAR_RANGE[0] <= num.value <= YEAR_RANGE[1]
            and (after is None or after.lower not in COUNT_NOUNS_AFTER_YEARLIKE))


def _qualifier_at(toks: list[_Token], i: int) -> tuple[str | None, int] | None:
    """A qualifier phrase starting at token i: (qualifier, number of tokens)."""
    if toks[i].lower not in QUALIFIER_STARTS:
        return None
    for words, qualifier in QUALIFIER_PHRASES:
        n = len(words)
        if i + n <= len(toks) and all(toks[i + k].lower == w for k, w in enumerate(words)):
            return qualifier, n
    return None


def _several_counts(toks: list[_Token], i: int) -> bool:
    """"several" followed by a people noun (or "of", "more"), maybe after an adjective or two."""
    for k in range(1, SEVERAL_BETWEEN_MAX + 2):
        if i + k >= len(toks):
            return False
        w = toks[i + k].lower
        if w in SEVERAL_PEOPLE:
            return True
        if w in TIME_UNITS or w in NOT_COUNT_AFTER or not toks[i + k].text.isalpha():
            return False
    return False


def _vague(toks: list[_Token], i: int) -> tuple[str, int | None, int | None, int] | None:
    """A vague plural at token i: (qualifier, low, high, last token index)."""
    w = toks[i].lower
    nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
    nxt2 = toks[i + 2].lower if i + 2 < len(toks) else ""
    if w == "tens" and nxt == "of" and nxt2 in TENS_OF:
        return "at least", TENS_OF[nxt2], None, i + 2
    if w not in VAGUE:
        return None
    qualifier, base = VAGUE[w]
    if nxt in TIME_UNITS or nxt in NOT_COUNT_AFTER:
        return None  # "several hours", "dozens of times" below
    if nxt == "of" and (nxt2 in TIME_UNITS or nxt2 in NOT_COUNT_AFTER):
        return None  # "hundreds of years", "dozens of times"
    if nxt == "of" and nxt2 in VAGUE_UNITS and w in VAGUE_UNITS:
        return qualifier, base * VAGUE_UNITS[nxt2], None, i + 2  # "hundreds of thousands"
    if w == "several" and nxt in SCALES_AFTER_SEVERAL:
        return qualifier, base * SCALES_AFTER_SEVERAL[nxt], None, i + 1  # "several dozen"
    if w == "several" and not _several_counts(toks, i):
        return None
    return qualifier, base, None, i


def _make(sentence: str, toks: list[_Token], first: int, last: int, low: int | None,
          high: int | None, qualifier: str) -> Quantity:
    start, end = toks[first].start, toks[last].end
    return Quantity(start, end, sentence[start:end], low, high, qualifier)


@lru_cache(maxsize=8192)
def quantities(sentence: str) -> tuple[Quantity, ...]:
    """Every count of people or things in the sentence, in order, offsets relative to it."""
    if not _may_count(sentence):
        return ()
    toks = _tokens(sentence)
    found: list[Quantity] = []
    i = 0
    n = len(toks)
    while i < n:
        first = toks[i].lower
        if not (first[0].isdigit() or first in START_WORDS):
            i += 1
            continue
        # qualifier
        qual = _qualifier_at(toks, i)
        j = i
        qualifier = "exactly"
        text_first = i
        if qual is not None:
            j = i + qual[1]
            if qual[0] is None:  # "only", "just": exactly, outside the text
                text_first = j
            else:
                qualifier = qual[0]
            if j >= n:
                break
        # "between 20 and 30"
        if toks[i].lower == "between":
            q = _between(sentence, toks, i)
            if q is not None:
                found.append(q[0])
                i = q[1] + 1
                continue
        vague = _vague(toks, j)
        if vague is not None:
            vqual, low, high, last = vague
            if qual is None or vqual == "at least":
                found.append(_make(sentence, toks, j, last, low, high, vqual))
                i = last + 1
                continue
        # "half a dozen"
        if (toks[j].lower == "half" and j + 2 < n and toks[j + 1].lower == "a"
                and toks[j + 2].lower == "dozen"):
            num: _Number | None = _Number(6, j, j + 2, False, False, False)
        else:
            num = _number(toks, j)
        if num is None:
            i += 1
            continue
        if _excluded(toks, num, qual is not None):
            i = num.last + 1
            continue
        value = int(num.value)
        # "N or more" → at least
        if (qual is None and num.last + 2 < n and toks[num.last + 1].lower == "or"
                and toks[num.last + 2].lower == "more"):
            found.append(_make(sentence, toks, num.first, num.last + 2, value, None, "at least"))
            i = num.last + 3
            continue
        low, high = bounds(qualifier, value)
        found.append(_make(sentence, toks, text_first, num.last, low, high, qualifier))
        i = num.last + 1
    return tuple(found)


def _between(sentence: str, toks: list[_Token], i: int) -> tuple[Quantity, int] | None:
    """"between 20 and 30" at token i: the quantity and its last token index."""
    if i + 1 >= len(toks):
        return None
    a = _number(toks, i + 1)
    if a is None or a.last + 2 >= len(toks) or toks[a.last + 1].lower not in ("and", "to"):
        return None
    b = _number(toks, a.last + 2)
    if b is None or _excluded(toks, b, True):
        return None
    # "between two and three million": the first number takes the second one's scale
    lo, hi = a.value, b.value
    if a.scale == 1 and b.scale > 1 and lo * b.scale <= hi:
        lo *= b.scale
    if lo != int(lo) or hi != int(hi) or lo > hi:
        return None
    return _make(sentence, toks, i, b.last, int(lo), int(hi), "between"), b.last


def bounds(qualifier: str, value: int) -> tuple[int | None, int | None]:
    """A count's low and high for its qualifier (the README's qualifier table)."""
    if qualifier in ("exactly", "about"):
        return value, value
    if qualifier in ("at least", "more than"):
        return value, None
    return None, value  # fewer than, up to


def first_quantity(sentence: str) -> Quantity | None:
    """The first count of the sentence (the README's `quantity`), or None."""
    found = quantities(sentence)
    return found[0] if found else None
