"""Dates in a Russian sentence: "1 апреля 2017 года", "3 апреля", "в апреле", "в конце
февраля" and "конца декабря", "с начала года", "в 2017 году", "с 2007 года", "в прошлом году",
"за прошлый год", "два года назад", seasons ("весной 2025 года", "прошлой осенью"), weekdays
("в понедельник", "с субботы", "в минувший вторник", "в следующий понедельник"). Resolved
against the publication date as the English rules resolve theirs (docs/dates.md): a bare month
is its nearest occurrence in the past, a weekday the most recent such day on or before
publication (`dates.weekday_date`, shared with the English rules), a season or a part of a
year a year. A day with its month and no year is parsed by dateparser (Russian). Without a
publication date a partial date has no year ("--04-03"), never a guessed one. The text of a
date leaves out its preposition ("в конце марта" → "конце марта"), as the English rules do."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..dates import WEEKDAYS, month_year, weekday_date
from ..records import DateMention, Precision

# Month names by their stem: "марта", "марте", "март" are March. Written in lower case: a
# capitalised "Марта" is a name.
MONTH_STEMS = {"январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7,
               "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12}
_LONGEST_STEMS_FIRST = sorted(MONTH_STEMS, key=len, reverse=True)  # "март" before "ма"
_MONTHS = (r"(?:январ[яеь]|феврал[яеь]|март[аеу]?|апрел[яеь]|ма[яйе]|июн[яеь]|июл[яеь]|"
           r"август[аеу]?|сентябр[яеь]|октябр[яеь]|ноябр[яеь]|декабр[яеь])")
_YEAR = r"(?:19|20)\d\d"
_YEAR_WORD = r"(?:года|году|год|г\.)"
# The prepositions a date's text leaves out.
_PREPOSITION = r"(?:(?i:в|во|с|со|до|к|ко|по|за)\s+)"
# The parts of a month or a year ("в конце марта", "с начала года").
_PART = r"(?i:начал[аеоу]|конц[аеу]|конец|середин[аеуы])"
DAY_MONTH = re.compile(rf"\b(?P<d>[12]\d|3[01]|0?[1-9])\s+(?P<m>{_MONTHS})"
                       rf"(?:\s+(?P<y>{_YEAR})(?:\s*{_YEAR_WORD})?)?")
MONTH = re.compile(rf"(?<![\w-]){_PREPOSITION}?(?P<date>(?:{_PART}\s+)?(?P<m>{_MONTHS})"
                   rf"(?:\s+(?P<y>{_YEAR})(?:\s*{_YEAR_WORD})?)?)(?!\w)")
PART_OF_YEAR = re.compile(rf"(?<![\w-]){_PREPOSITION}?(?P<date>{_PART}\s+"
                          rf"(?:(?P<y>{_YEAR})\s*{_YEAR_WORD}|(?P<this>года|году)\b))")
SEASONS = {"весн": (3, 5), "лет": (6, 8), "осен": (9, 11), "зим": (12, 2)}
SEASON = re.compile(rf"(?<![\w-])(?P<date>(?:(?P<rel>(?i:прошл|позапрошл)\w*)\s+)?"
                    r"(?P<s>(?i:весн(?:ой|ы|у|е|а)|летом|лета|осенью|осени|зимой|зимы))"
                    rf"(?:\s+(?P<y>{_YEAR})\s*{_YEAR_WORD})?)(?!\w)")
YEAR = re.compile(rf"(?<![\w-]){_PREPOSITION}(?P<date>(?P<y>{_YEAR})\s*{_YEAR_WORD})")
RELATIVE_YEAR = re.compile(r"(?<![\w-])(?:(?i:в|за|с)\s+)?(?P<date>(?P<rel>(?i:позапрошл|прошл|"
                           r"минувш|эт|текущ|следующ))\w*\s+(?:году|года|год)\b)")
AGO = re.compile(r"(?<![\w-])(?P<date>(?P<n>\d{1,2}|(?i:год|два|две|три|четыре|пять|шесть|"
                 r"семь|восемь|девять|десять))\s+(?:(?:года|год|лет)\s+)?назад)\b")
AGO_NUMBERS = {"год": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
               "семь": 7, "восемь": 8, "девять": 9, "десять": 10}
WEEKDAY = re.compile(r"(?<![\w-])(?i:в|во|с|со|до|к|ко)\s+(?P<date>(?:(?P<rel>(?i:прошл|минувш|"
                     r"следующ|ближайш))\w*\s+)?(?P<wd>(?i:понедельник|вторник|сред[уаы]|четверг|"
                     r"пятниц[уаеы]|суббот[уаеы]|воскресень[ея])(?i:а)?)(?!\w))")
WEEKDAY_STEMS = {"понедельник": "monday", "вторник": "tuesday", "сред": "wednesday",
                 "четверг": "thursday", "пятниц": "friday", "суббот": "saturday",
                 "воскресень": "sunday"}
RELATIVE_YEARS = {"позапрошл": -2, "прошл": -1, "минувш": -1, "эт": 0, "текущ": 0,
                  "следующ": 1}
# "в следующий понедельник": the weekday after publication; "в прошлую пятницу" before.
RELATIVE_WEEKDAYS = {"прошл": "last", "минувш": "last", "следующ": "next", "ближайш": "next"}
# A leap year for a day without a year, so that 29 February parses.
LEAP_BASE = dt.datetime(2000, 12, 31)


def find_dates(sentence: str, published: dt.date | None) -> tuple[DateMention, ...]:
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], value: str | None, precision: Precision,
            group: str | int = 0) -> None:
        start, end = m.span(group)
        if any(m.start() < b and a < m.end() for a, b in taken):
            return
        taken.append((m.start(), m.end()))
        found.append(DateMention(start, end, sentence[start:end], value, precision))

    for m in DAY_MONTH.finditer(sentence):
        add(m, _day(m.group("d"), m.group("m"), m.group("y"), published), Precision.DAY)
    for m in PART_OF_YEAR.finditer(sentence):
        year = m.group("y") or (None if published is None else f"{published.year:04d}")
        add(m, year, Precision.YEAR, "date")
    for m in MONTH.finditer(sentence):
        add(m, _month(m.group("m"), m.group("y"), published), Precision.MONTH, "date")
    for m in SEASON.finditer(sentence):
        if m.group("y") or m.group("rel"):
            add(m, _season(m, published), Precision.YEAR, "date")
    for m in YEAR.finditer(sentence):
        add(m, m.group("y"), Precision.YEAR, "date")
    for m in RELATIVE_YEAR.finditer(sentence):
        year = None if published is None else published.year + RELATIVE_YEARS[
            m.group("rel").lower()]
        add(m, None if year is None else f"{year:04d}", Precision.YEAR, "date")
    for m in AGO.finditer(sentence):
        n = m.group("n").lower()
        back = int(n) if n.isdigit() else AGO_NUMBERS[n]
        add(m, None if published is None else f"{published.year - back:04d}", Precision.YEAR,
            "date")
    for m in WEEKDAY.finditer(sentence):
        add(m, _weekday(m.group("wd"), m.group("rel"), published), Precision.DAY, "date")
    return tuple(sorted(found, key=lambda d: d.start))


@lru_cache(maxsize=4096)
def _parse(text: str, base: dt.datetime) -> dt.datetime | None:
    import dateparser  # slow to import; loaded on the first Russian date

    parsed: dt.datetime | None = dateparser.parse(
        text, languages=["ru"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past",
                                          "PREFER_DAY_OF_MONTH": "first"})
    return parsed


def _base(published: dt.date | None) -> dt.datetime:
    if published is None:
        return LEAP_BASE
    return dt.datetime(published.year, published.month, published.day)


def _day(day: str, month: str, year: str | None, published: dt.date | None) -> str | None:
    parsed = _parse(f"{day} {month} {year or ''}".strip(), _base(published))
    if parsed is None:
        return None
    if year is None and published is None:
        return f"--{parsed.month:02d}-{parsed.day:02d}"
    return parsed.date().isoformat()


def _month_number(word: str) -> int:
    stem = next(s for s in _LONGEST_STEMS_FIRST if word.lower().startswith(s))
    return MONTH_STEMS[stem]


def _month(word: str, year: str | None, published: dt.date | None) -> str:
    month = _month_number(word)
    if year is not None:
        return f"{int(year):04d}-{month:02d}"
    found = month_year(published, month)
    return f"--{month:02d}" if found is None else f"{found:04d}-{month:02d}"


def _season(m: re.Match[str], published: dt.date | None) -> str | None:
    """A season's year: as written, or for "прошлой осенью" the last such season that has
    ended before publication (winter is the year it ends in)."""
    if m.group("y"):
        return m.group("y")
    if published is None:
        return None
    _, last = next(v for k, v in SEASONS.items() if m.group("s").lower().startswith(k))
    year = published.year if published.month > last else published.year - 1
    back = 1 if m.group("rel").lower().startswith("позапрошл") else 0
    return f"{year - back:04d}"


def _weekday(name: str, rel: str | None, published: dt.date | None) -> str | None:
    if published is None:
        return None
    day = next(v for k, v in WEEKDAY_STEMS.items() if name.lower().startswith(k))
    relative = RELATIVE_WEEKDAYS[next(k for k in RELATIVE_WEEKDAYS
                                      if rel.lower().startswith(k))] if rel else ""
    return weekday_date(published, WEEKDAYS[day], relative)
