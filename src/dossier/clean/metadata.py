"""Article metadata from labelled text: outlet, author, date; and the language of a body."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from urllib.parse import urlsplit

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from ..config import Settings
from ..models import BlockKind
from . import cues
from .dates import find_date

COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*)?"
    r"(?:by\s+)?(?P<name>[^|·•,;©()\n]+?)\s*(?:(?:19|20)\d\d)?\s*(?:[|·•,;.]|\s+-\s|\s+–\s|"
    r"\(|all rights|tous droits|alle rechte|все права|todos los|powered by|$)",
    re.IGNORECASE)
SELF_REFERENCE = re.compile(
    r"(?P<name>(?:The )?[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,3}) (?:has|have|had|was|were) "
    r"(?:not been able|been unable|unable|not able) to (?:independently )?(?:verify|confirm)"
    r"|request(?:s)? for comment from (?P<name2>(?:the )?[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,3})")
SITE_LINE = re.compile(r"^(?P<name>[^|/•·>—–-]{3,40}?)\s+(?:[—–|•·]|-)\s+(?P<rest>.+)$")
DOMAIN = re.compile(r"\b(?:https?://)?(?:www\.)?(?P<domain>[a-z0-9-]+(?:\.[a-z0-9-]+)*"
                    r"\.(?:example|com|org|net|ru|de|fr|es|uk|eu|info|news|io|am|ge|az|ua))\b",
                    re.IGNORECASE)
FRONT_KEY = re.compile(r"^(?P<key>[\w-]+)\s*:\s*(?P<value>.*)$")
PUBLISHER = re.compile(
    r"^(?P<name>.+?)\s+(?:newspapers|publications|publishing|media group|media)$", re.IGNORECASE)
SITE_NAME_LINES = 12  # how far down the page's chrome a site's name is looked for
OUTLET_KEYS = ("outlet", "blog", "site", "site_name", "sitename", "publication", "publisher")
NOT_OUTLETS = re.compile(r"^(?:the )?(?:author|authors|photo|image|reuters|ap|afp|getty images|"
                         r"all rights reserved|\d+)$", re.IGNORECASE)


def front_matter(lines: Sequence[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for line in lines:
        if match := FRONT_KEY.match(line.strip()):
            values[match["key"].lower()] = match["value"].strip().strip("\"'")
    return values


def tidy_outlet(name: str) -> str | None:
    name = re.sub(r"\s+", " ", name).strip(" .-–—:«»\"“”„'")
    name = re.sub(r"\s+(?:staff|ltd\.?|inc\.?|llc|gmbh|ag|sia|plc|s\.a\.|ooo|kft\.?|all rights "
                  r"reserved.*)$", "", name, flags=re.IGNORECASE).strip(" .,«»\"“”")
    # a publisher's company after the outlet's name ("Island Times Newspapers", "Lakes Region
    # Herald Publications", "Subcontinent Review Media")
    if (company := PUBLISHER.match(name)) and cues.media_name(company["name"]):
        name = company["name"]
    if not name or NOT_OUTLETS.match(name) or len(name) > 60 or cues.words(name) > 6:
        return None
    if name.isupper() and not DOMAIN.fullmatch(name):
        name = name.title()
    return name


def outlet_from(texts: Sequence[tuple[BlockKind, str]], front: dict[str, str]) -> str | None:
    """The outlet a text came from: front matter, a copyright line, a header line, a byline
    ("By Lena Sorlie, The Harbour Herald"), a self-reference ("The Caucasus Monitor has not
    been able to verify"), the site name in the chrome at the top, or a web address there."""
    for key in OUTLET_KEYS:
        if front.get(key) and (name := tidy_outlet(front[key])):
            return name
    # the site's name on a line of its own above the article ("Frontera Journal", "THE HORN
    # TRIBUNE", a plain-text article's "The Continental Review" under its title)
    top = [line for kind, text in texts[:8] if kind in (BlockKind.METADATA, BlockKind.BOILERPLATE,
                                                         BlockKind.TITLE)
           for line in text.splitlines()]
    for line in top[:SITE_NAME_LINES]:
        if name := cues.media_name(line.strip(cues.DECORATION)):
            return tidy_outlet(name)
    chrome = [text for kind, text in texts if kind is not BlockKind.COMMENT]
    for text in chrome:
        if (match := COPYRIGHT.search(text)) and (name := tidy_outlet(match["name"])):
            return name
    for kind, text in texts:
        if kind is BlockKind.METADATA and (match := FRONT_KEY.match(text)) \
                and match["key"].lower() in OUTLET_KEYS and (name := tidy_outlet(match["value"])):
            return name
    for kind, text in texts[:8]:
        if kind is BlockKind.METADATA and (name := cues.byline_outlet(text)):
            return tidy_outlet(name)
    # a byline's name without an outlet word, when the body speaks of it as its own ("By Yusuf
    # Karam, Open Door" … "an Open Door investigation has found"), not as a place
    tails = [tail for kind, text in texts[:8]
             if kind is BlockKind.METADATA and (tail := cues.byline_tail(text))]
    body = "\n".join(text for kind, text in texts if kind is BlockKind.BODY) if tails else ""
    for tail in tails:
        if re.search(rf"(?<!\bin )(?<!\bfrom )(?<!\bto )(?<!\bnear )(?<!\bat )(?<!\bof )"
                     rf"\b{re.escape(tail)}\b", body):
            return tidy_outlet(tail)
    for kind, text in texts[:8]:
        if kind is not BlockKind.BOILERPLATE:
            continue
        if (match := SITE_LINE.match(text)) and not find_date(text):
            first = match["name"].strip()
            domain = DOMAIN.fullmatch(first)
            if domain is None and (first.isupper() or first.istitle()) \
                    and (name := tidy_outlet(first)):
                return name
            if domain is not None:
                return domain["domain"].lower()
    for kind, text in texts:
        if (kind is BlockKind.BODY and (match := SELF_REFERENCE.search(text))
                and (name := tidy_outlet(match["name"] or match["name2"]))):
            return name
    return None


def author_from(byline: str) -> str | None:
    text = re.sub(r"^(?:by|from|von|par|por|автор:?|author:?|posted by|written by)\s+", "",
                  byline.strip(), flags=re.IGNORECASE)
    text = re.split(r"\s*(?:[|·•,—]|\s-\s|\s+in\s+|\s+on\s+|\d)", text)[0].strip()
    if not text or cues.words(text) > 5 or text.lower().endswith(("staff", "reporters")):
        return None
    return text


def domain_of(url: str | None) -> str | None:
    if not url or "://" not in url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_of(text: str, settings: Settings) -> str | None:
    """ISO 639-1 code of a body, or None when it is too short or py3langid is unsure."""
    sample = text[: settings.language_sample_chars]
    if cues.words(sample) < settings.language_min_words:
        return None
    language, probability = _identifier().classify(sample)
    return str(language) if probability >= settings.language_min_probability else None


def published_from_lines(texts: Sequence[tuple[BlockKind, str]]) -> str | None:
    for kind, text in texts:
        if kind is BlockKind.METADATA and (found := find_date(text)):
            return found[0]
    return None
