"""Calendar dates written out in a line of text: "21 April 2017", "April 21, 2017", "2017-04-21",
"21.04.2017", "6 апреля 2017", "5 avril 2017", "5. April 2017", "5 de abril de 2017".

Only absolute dates with a year; relative dates ("on Saturday") are the extraction stage's work.
A table of month names in the languages of the material is faster and more predictable than a
general date parser for lines that are known to hold a date.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS: dict[str, int] = {}
for _number, _names in enumerate((
    "january jan janvier janv januar janeiro enero gennaio января январь янв",
    "february feb février fevrier févr fevr februar fevereiro febrero febbraio февраля февраль фев",
    "march mar mars märz maerz março marzo марта март мар",
    "april apr avril abril aprile апреля апрель апр",
    "may mai mayo maio maggio мая май",
    "june jun juin juni junho junio giugno июня июнь",
    "july jul juillet juli julho julio luglio июля июль",
    "august aug août aout agosto августа август авг",
    "september sep sept septembre setembro septiembre settembre сентября сентябрь сен",
    "october oct octobre oktober outubro octubre ottobre октября октябрь окт",
    "november nov novembre novembro noviembre ноября ноябрь ноя",
    "december dec décembre decembre dezember dezembro diciembre dicembre декабря декабрь дек",
), start=1):
    for _name in _names.split():
        MONTHS[_name] = _number

_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"(?<!\d)" + _YEAR + r"-(?P<mnum>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)",  # 2017-04-21
    r"(?<!\d)" + _DAY + r"\s+(?:de\s+)?" + _MONTH + r",?\s+(?:de\s+)?" + _YEAR,  # 21 April 2017
    _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR,  # April 21, 2017
    r"(?<![\d.])(?P<day>[0-3]?\d)[./](?P<mnum>[01]?\d)[./]" + _YEAR,  # 21.04.2017 (day first)
    r"(?<!\d)" + _YEAR + r"/(?P<mnum>[01]?\d)/(?P<day>[0-3]?\d)(?!\d)",  # 2017/04/21
))


def find_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first full calendar date in `text` as an ISO string, with the match it came from."""
    found: list[tuple[int, str, re.Match[str]]] = []
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            iso = _iso(match)
            if iso is not None:
                found.append((match.start(), iso, match))
                break
    if not found:
        return None
    _, iso, match = min(found, key=lambda item: item[0])
    return iso, match


def _iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups.get("month") is not None:
        month = MONTHS.get(groups["month"].lower().rstrip("."))
        if month is None:
            return None
    else:
        month = int(groups["mnum"])
    try:
        return date(int(groups["year"]), month, int(groups["day"])).isoformat()
    except ValueError:
        return None
