"""HTML pages to one article: trafilatura for the body, the comments and the metadata (with
htmldate for the date), our cues for what trafilatura keeps but is not the article's own words
(donation appeals, share lines, captions), and the page's captions and chrome kept as blocks.

Pages are parsed once, with lxml's safe settings: no network access, no huge trees, comments
and processing instructions dropped; HTML parsing never resolves external entities.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import htmldate
import lxml.html
import trafilatura
from lxml import etree

from ..config import Settings
from ..models import Block, BlockKind
from . import cues, metadata
from .labels import Label, mark_appeal_headings, mark_bios
from .plain import Article
from .text import decode

META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]{1,40})""",
                          re.IGNORECASE)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
CHROME_XPATH = ("//nav[not(ancestor::nav or ancestor::footer or ancestor::aside)]"
                " | //footer[not(ancestor::nav or ancestor::footer or ancestor::aside)]"
                " | //aside[not(ancestor::nav or ancestor::footer or ancestor::aside)]")
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class HtmlResult:
    article: Article | None
    reason: str | None = None  # why there is no article


def html_text(content: bytes, settings: Settings) -> tuple[str | None, str | None]:
    """The page as text: its declared charset when that decodes, else detection."""
    if match := META_CHARSET.search(content[:4096]):
        try:
            return content.decode(match.group(1).decode("ascii")), None
        except (LookupError, UnicodeDecodeError):
            pass
    decoded = decode(content, settings)
    return decoded.text, decoded.reason


def parse(text: str) -> lxml.html.HtmlElement | None:
    parser = lxml.html.HTMLParser(no_network=True, huge_tree=False, remove_comments=True,
                                  remove_pis=True, collect_ids=False, default_doctype=False)
    try:
        tree = lxml.html.document_fromstring(XML_DECLARATION.sub("", text), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    return tree


def article_from_html(content: bytes, url: str | None, settings: Settings) -> HtmlResult:
    text, reason = html_text(content, settings)
    if text is None:
        return HtmlResult(None, reason)
    tree = parse(text)
    if tree is None:
        return HtmlResult(None, "not a readable HTML page: the parser found no document in it")
    captions = _texts(tree.xpath("//figcaption"))
    chrome = _texts(tree.xpath(CHROME_XPATH))
    extracted = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=True,
        include_tables=True, favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True, "url": url})
    if extracted is None or isinstance(extracted, dict):
        body_lines, comment_lines = [], []
        title = author = sitename = published = page_url = None
    else:
        body_lines = _lines(extracted.text)
        comment_lines = _lines(extracted.comments)
        title, author = extracted.title, extracted.author
        sitename, published = extracted.sitename, extracted.date
        page_url = extracted.url or url
    labels: list[Label | None] = [_body_label(line, n, title, settings)
                                  for n, line in enumerate(body_lines)]
    mark_bios(body_lines, labels, 0, len(body_lines))
    mark_appeal_headings(labels, 0, len(body_lines), lambda i: (
        cues.words(body_lines[i]) <= settings.title_max_words
        and not cues.SENTENCE_END.search(body_lines[i])))
    builder = _Blocks()
    for line, label in zip(body_lines, labels, strict=True):
        builder.add(*(label or (BlockKind.BODY, "main text (trafilatura)")), line)
    for line in comment_lines:
        builder.add(BlockKind.COMMENT, "reader comment (trafilatura)", line)
    for line in captions:
        builder.add(BlockKind.CAPTION, "figure caption in the page", line)
    for line in chrome:
        builder.add(BlockKind.BOILERPLATE, "page navigation, sidebar or footer", line)
    published = published or _searched_date(text, url)
    outlet = metadata.tidy_outlet(sitename) if sitename else None
    outlet = outlet or metadata.domain_of(page_url)
    return HtmlResult(Article(tuple(builder.blocks), _tidy_title(title, sitename), author,
                              outlet, published, "page metadata" if published else None))


def _searched_date(text: str, url: str | None) -> str | None:
    """htmldate's extensive search, for pages whose markup states no date. A bare January 1st
    from it is a year guessed from a copyright line, not a day: a false day on a timeline is
    worse than no date, so it is dropped (see docs/performance.md, publication dates)."""
    found = htmldate.find_date(XML_DECLARATION.sub("", text), url=url, extensive_search=True,
                               original_date=True)
    return None if found is None or found.endswith("-01-01") else found


def _body_label(line: str, n: int, title: str | None, settings: Settings) -> Label:
    if n == 0 and title and SPACES.sub(" ", line).strip() == SPACES.sub(" ", title).strip():
        return BlockKind.TITLE, "headline repeated at the top of the text"
    if reason := cues.caption_reason(line, max_chars=settings.caption_max_chars):
        return BlockKind.CAPTION, reason
    if reason := cues.chrome_reason(line):
        return BlockKind.BOILERPLATE, reason
    if reason := cues.promo_reason(line, max_words=settings.promo_max_words):
        return BlockKind.BOILERPLATE, reason
    return BlockKind.BODY, "main text (trafilatura)"


def _tidy_title(title: str | None, sitename: str | None) -> str | None:
    if not title:
        return None
    if sitename:
        for sep in (" — ", " – ", " - ", " | ", " · "):
            if title.endswith(sep + sitename):
                return title[: -len(sep + sitename)].strip()
    return title.strip()


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


def _texts(elements: Iterable[object]) -> list[str]:
    out = []
    for element in elements:
        if isinstance(element, lxml.html.HtmlElement):
            text = SPACES.sub(" ", element.text_content()).strip()
            if text:
                out.append(text)
    return out


class _Blocks:
    """Blocks laid end to end, separated by blank lines, in the extracted text."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.offset = 0

    def add(self, kind: BlockKind, reason: str, text: str) -> None:
        self.blocks.append(Block(kind, self.offset, self.offset + len(text), text, reason))
        self.offset += len(text) + 2
