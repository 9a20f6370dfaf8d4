"""Dates in a Russian sentence: "1 апреля 2017 года", "3 апреля", "в апреле", "в конце
февраля", "в 2017 году", "с 2007 года", "в прошлом году", "в понедельник". Explicit and partial
dates are parsed by dateparser (Russian), relative to the publication date; weekdays by our own
rule (extract/dates.py: the most recent such day on or before publication). Without a
publication date a partial date has no year ("--04-03"), never a guessed one."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..dates import WEEKDAYS, weekday_date
from ..records import DateMention, Precision

_MONTHS = (r"(?:январ[яеь]|феврал[яеь]|март[аеу]?|апрел[яеь]|ма[яйе]|июн[яеь]|июл[яеь]|"
           r"август[аеу]?|сентябр[яеь]|октябр[яеь]|ноябр[яеь]|декабр[яеь])")
_YEAR = r"(?:19|20)\d\d"
DAY_MONTH = re.compile(rf"\b(?P<d>[12]\d|3[01]|0?[1-9])\s+(?P<m>{_MONTHS})"
                       rf"(?:\s+(?P<y>{_YEAR})(?:\s*(?:года|г\.))?)?", re.IGNORECASE)
MONTH = re.compile(rf"\b(?:в|во|к|с|до|(?P<part>в\s+(?:начале|конце|середине)))\s+"
                   rf"(?P<m>{_MONTHS})(?:\s+(?P<y>{_YEAR})(?:\s*(?:года|г\.))?)?",
                   re.IGNORECASE)
SEASON_YEAR = re.compile(rf"\b(?:весной|летом|осенью|зимой|в\s+(?:начале|конце|середине))\s+"
                         rf"(?P<y>{_YEAR})\s*(?:года|г\.)", re.IGNORECASE)
YEAR = re.compile(rf"\b(?:в|с|до|к|по|за)\s+(?P<y>{_YEAR})\s*(?:году|года|г\.)", re.IGNORECASE)
RELATIVE_YEAR = re.compile(r"\b(?:в\s+)?(?P<rel>прошлом|этом|текущем|следующем|позапрошлом)\s+"
                           r"году\b", re.IGNORECASE)
WEEKDAY = re.compile(r"\b(?:в|во)\s+(?P<rel>прошл(?:ый|ую|ое)\s+)?(?P<wd>понедельник|вторник|"
                     r"среду|четверг|пятницу|субботу|воскресенье)\b", re.IGNORECASE)
WEEKDAY_NAMES = {"понедельник": "monday", "вторник": "tuesday", "среду": "wednesday",
                 "четверг": "thursday", "пятницу": "friday", "субботу": "saturday",
                 "воскресенье": "sunday"}
RELATIVE_YEARS = {"позапрошлом": -2, "прошлом": -1, "этом": 0, "текущем": 0, "следующем": 1}
# A leap year for a day without a year, so that 29 February parses.
LEAP_BASE = dt.datetime(2000, 12, 31)


def find_dates(sentence: str, published: dt.date | None) -> tuple[DateMention, ...]:
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], value: str | None, precision: Precision) -> None:
        if any(m.start() < end and start < m.end() for start, end in taken):
            return
        taken.append((m.start(), m.end()))
        found.append(DateMention(m.start(), m.end(), m.group(), value, precision))

    for m in DAY_MONTH.finditer(sentence):
        add(m, _day(m.group("d"), m.group("m"), m.group("y"), published), Precision.DAY)
    for m in MONTH.finditer(sentence):
        add(m, _month(m.group("m"), m.group("y"), published), Precision.MONTH)
    for m in SEASON_YEAR.finditer(sentence):
        add(m, m.group("y"), Precision.YEAR)
    for m in YEAR.finditer(sentence):
        add(m, m.group("y"), Precision.YEAR)
    for m in RELATIVE_YEAR.finditer(sentence):
        year = None if published is None else published.year + RELATIVE_YEARS[
            m.group("rel").lower()]
        add(m, None if year is None else f"{year:04d}", Precision.YEAR)
    for m in WEEKDAY.finditer(sentence):
        add(m, _weekday(m.group("wd"), m.group("rel"), published), Precision.DAY)
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


def _month(month: str, year: str | None, published: dt.date | None) -> str | None:
    parsed = _parse(f"{month} {year or ''}".strip(), _base(published))
    if parsed is None:
        return None
    if year is None and published is None:
        return f"--{parsed.month:02d}"
    return f"{parsed.year:04d}-{parsed.month:02d}"


def _weekday(name: str, rel: str | None, published: dt.date | None) -> str | None:
    if published is None:
        return None
    return weekday_date(published, WEEKDAYS[WEEKDAY_NAMES[name.lower()]],
                        "last" if rel else "")
