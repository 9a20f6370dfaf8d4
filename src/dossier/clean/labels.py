"""Labels for the pieces of a plain-text or Markdown document, by rules a reader would use.

1. Cues on each piece alone (clean/cues.py): chrome, captions, metadata lines, thread headers.
2. Comment threads: from a thread header ("5 Responses to …", "23 Comments") or a commenter's
   line ("Anna K. says:") everything is `comment` until the comment form or the site footer.
3. Articles: a compilation is cut into articles (clean/segments.py); in each, the headline is the
   title-like line closest before the first paragraph of prose, and the article body runs from
   there to its last substantial paragraph. Unlabelled pieces before it are site chrome, after
   it small print; inside it they are body (subheads, short paragraphs, list items).
4. Inside the body, appeals (donate, subscribe, buy my book) and, at its end, author bios.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..config import Settings
from ..models import BlockKind
from . import cues
from .pieces import Piece

Label = tuple[BlockKind, str]
FRONT_MATTER_META = re.compile(r"^(?:title|author|authors|date|published|updated|byline)\s*:",
                               re.IGNORECASE)


@dataclass(frozen=True)
class Labelled:
    labels: tuple[Label, ...]
    segments: tuple[int, ...]  # index of each article's first piece; the first is 0
    titles: tuple[int | None, ...]  # index of each article's title piece


def is_prose(piece: Piece, settings: Settings) -> bool:
    n = cues.words(piece.text)
    return n >= settings.prose_min_words and (
        bool(cues.SENTENCE_END.search(piece.text)) or n >= settings.prose_unpunctuated_words)


def is_title_like(piece: Piece, settings: Settings) -> bool:
    if piece.heading:
        return True
    n = cues.words(piece.text)
    text = piece.text.rstrip("\"'”’»")
    return (2 <= n <= settings.title_max_words and piece.lines <= 2
            and not text.endswith((".", ",", ";", ":")) and not piece.list_item)


def label_pieces(pieces: Sequence[Piece], settings: Settings) -> Labelled:
    from .segments import split_articles  # segments uses the helpers above

    labels: list[Label | None] = [_cue_label(piece, settings) for piece in pieces]
    _mark_email_headers(pieces, labels)
    _mark_threads(pieces, labels)
    _mark_link_lists(pieces, labels, settings)
    segments = split_articles(pieces, labels, settings)
    titles: list[int | None] = []
    bounds = [*segments, len(pieces)]
    for start, end in pairwise(bounds):
        titles.append(_label_article(pieces, labels, start, end, settings))
    final = tuple(label or (BlockKind.BOILERPLATE, "site chrome") for label in labels)
    return Labelled(final, tuple(segments), tuple(titles))


def _cue_label(piece: Piece, settings: Settings) -> Label | None:
    if piece.raw.lstrip().startswith("!["):
        return (BlockKind.CAPTION, "Markdown image and its description")
    if piece.front_matter:
        if FRONT_MATTER_META.match(piece.text):
            return (BlockKind.METADATA, "front matter")
        return (BlockKind.BOILERPLATE, "front matter: site settings")
    if cues.is_separator(piece.raw.strip()):
        return (BlockKind.BOILERPLATE, "separator line")
    return cues.line_label(piece.text, settings)


def _mark_email_headers(pieces: Sequence[Piece], labels: list[Label | None]) -> None:
    """The "Date:" line of an e-mail header is the e-mail's, not the article's."""
    for i, label in enumerate(labels):
        if label is None or label[1] != "e-mail header":
            continue
        for j in (i - 1, i + 1):
            near = labels[j] if 0 <= j < len(labels) else None
            if near is not None and near[0] is BlockKind.METADATA \
                    and pieces[j].text.lower().startswith("date"):
                labels[j] = (BlockKind.BOILERPLATE, "e-mail header")


def _mark_link_lists(pieces: Sequence[Piece], labels: list[Label | None],
                     settings: Settings) -> None:
    """Under "Related stories", "Most read" and the like, the headline-like lines (and list
    items) that follow are links, up to the next paragraph of prose."""
    in_list = False
    for i, piece in enumerate(pieces):
        label = labels[i]
        text = piece.text.strip(cues.DECORATION)
        if label is not None and label[0] is BlockKind.BOILERPLATE and cues.LIST_HEADER.match(text):
            in_list = True
            continue
        if not in_list or label is not None:
            continue
        headline = is_title_like(piece, settings)
        if headline and _followed_by_prose(pieces, labels, i, settings):
            in_list = False  # a headline with its article under it: a story, not a link
        elif headline or (piece.list_item and not is_prose(piece, settings)):
            labels[i] = (BlockKind.BOILERPLATE, "link in a list of related stories")
        else:
            in_list = False


def _followed_by_prose(pieces: Sequence[Piece], labels: list[Label | None], i: int,
                       settings: Settings) -> bool:
    for j in range(i + 1, min(len(pieces), i + 4)):
        if labels[j] is None:
            return is_prose(pieces[j], settings) and cues.words(pieces[j].text) >= 20
    return False


def _mark_threads(pieces: Sequence[Piece], labels: list[Label | None]) -> None:
    """Everything from the start of a comment thread to the comment form or footer."""
    in_thread = seen_prose = False
    for i, piece in enumerate(pieces):
        text = piece.text
        if not in_thread and not seen_prose:  # comments follow an article, never lead it
            seen_prose = labels[i] is None and cues.words(text) >= 12 \
                and bool(cues.SENTENCE_END.search(text))
            continue
        if not in_thread:
            if cues.COMMENT_HEADER.search(text) and (cues.words(text) <= 12
                                                     or cues.LONG_COMMENT_HEADER.match(text)):
                in_thread = True
                labels[i] = (BlockKind.COMMENT, "start of the comment thread")
            elif cues.is_commenter(text) and _commenter_confirmed(pieces, i):
                in_thread = True
                labels[i] = (BlockKind.COMMENT, "a commenter's name line")
            continue
        if (cues.THREAD_END.search(text) or cues.is_footer_menu(text)) \
                and not cues.COMMENT_FURNITURE.match(text):
            in_thread = False
            labels[i] = (BlockKind.BOILERPLATE, "site footer after the comment thread")
            continue
        labels[i] = (BlockKind.COMMENT, "inside the comment thread")


def _commenter_confirmed(pieces: Sequence[Piece], i: int) -> bool:
    """A "NAME says:" line starts a thread only when a timestamp or a Reply link is near."""
    near = pieces[i + 1: i + 4]
    return any(cues.TIMESTAMP.match(p.text) or cues.COMMENT_FURNITURE.match(p.text)
               or cues.is_commenter(p.text) for p in near) or "•" in pieces[i].text


def _label_article(pieces: Sequence[Piece], labels: list[Label | None], start: int, end: int,
                   settings: Settings) -> int | None:
    """Label one article's pieces in place; returns the index of its title piece."""
    prose = [i for i in range(start, end)
             if labels[i] is None and is_prose(pieces[i], settings)]
    if not prose:  # a short note: any sentence will do
        prose = [i for i in range(start, end)
                 if labels[i] is None and cues.SENTENCE_END.search(pieces[i].text)]
    if not prose:
        title = _markdown_title(pieces, labels, start, end)
        for i in range(start, end):
            if labels[i] is None:
                labels[i] = (BlockKind.BOILERPLATE, "no article prose around it")
        if title is not None:
            labels[title] = (BlockKind.TITLE, "Markdown heading")
        return title
    first = prose[0]
    title = _markdown_title(pieces, labels, start, first)
    if title is None:
        # The headline: the fullest title-like line just above the first paragraph (a byline
        # name, a kicker or the site name are shorter).
        window = [i for i in range(first - 1, start - 1, -1)
                  if labels[i] is None][: settings.title_window]
        candidates = [i for i in window if is_title_like(pieces[i], settings)]
        if candidates:
            title = max(candidates, key=lambda i: cues.words(pieces[i].text))
    last = _last_body(pieces, labels, prose, settings)
    body_start = title if title is not None else first
    for i in range(start, end):
        if labels[i] is not None:
            continue
        if i < body_start:
            labels[i] = (BlockKind.BOILERPLATE, "site chrome before the article")
        elif i > last:
            labels[i] = (BlockKind.BOILERPLATE, "small print after the article")
        else:
            labels[i] = (BlockKind.BODY, "article text")
    if title is not None:
        labels[title] = (BlockKind.TITLE, "headline before the first paragraph")
        for i in range(title + 1, first):
            if labels[i] == (BlockKind.BODY, "article text") \
                    and cues.words(pieces[i].text) <= settings.byline_max_words \
                    and not cues.SENTENCE_END.search(pieces[i].text):
                labels[i] = (BlockKind.METADATA, "byline or dateline under the headline")
    _mark_photo_captions(pieces, labels, start, end, settings)
    for i in range(body_start, last + 1):
        label = labels[i]
        if label is None or label[0] is not BlockKind.BODY:
            continue
        if reason := cues.promo_reason(pieces[i].text, max_words=settings.promo_max_words):
            labels[i] = (BlockKind.BOILERPLATE, reason)
    mark_bios([piece.text for piece in pieces], labels, body_start, last + 1)
    mark_appeal_headings(labels, start, end, lambda i: is_title_like(pieces[i], settings))
    return title


def _mark_photo_captions(pieces: Sequence[Piece], labels: list[Label | None], start: int,
                         end: int, settings: Settings) -> None:
    """A short paragraph right above a photo credit ("Photograph: …") is that photo's caption."""
    for i in range(start + 1, end):
        above, label = labels[i - 1], labels[i]
        if (label is not None and label[0] is BlockKind.CAPTION and above is not None
                and above[0] is BlockKind.BODY
                and len(pieces[i - 1].text) <= settings.caption_max_chars
                and cues.words(pieces[i].text) <= 8):
            labels[i - 1] = (BlockKind.CAPTION, "text above a photo credit")


def _markdown_title(pieces: Sequence[Piece], labels: list[Label | None], start: int,
                    end: int) -> int | None:
    for i in range(start, end):
        if pieces[i].heading == 1 and labels[i] is None:
            return i
    return None


def _last_body(pieces: Sequence[Piece], labels: list[Label | None], prose: list[int],
               settings: Settings) -> int:
    """The last paragraph of the article: prose after a run of chrome counts only if it is
    substantial, so a site's one-line self-description below the footer links is not body."""
    last = prose[0]
    for i in prose[1:]:
        between = [labels[j] for j in range(last + 1, i)]
        chrome_between = any(label is not None and label[0] is BlockKind.BOILERPLATE
                             and label[1] != "separator line" for label in between)
        comment_between = any(label is not None and label[0] is BlockKind.COMMENT
                              for label in between)
        if comment_between:
            break
        if chrome_between and cues.words(pieces[i].text) < settings.tail_body_min_words:
            continue
        last = i
    return last


def mark_bios(texts: Sequence[str], labels: list[Label | None], start: int, end: int) -> None:
    """An author bio closes an article: "Jane Roe is a correspondent covering …"."""
    for i in range(end - 1, start - 1, -1):
        label = labels[i]
        if label is None or label[0] is not BlockKind.BODY:
            continue
        if cues.AUTHOR_BIO.match(texts[i]):
            labels[i] = (BlockKind.BOILERPLATE, "author bio")
            continue
        break


def mark_appeal_headings(labels: list[Label | None], start: int, end: int,
                         is_heading: Callable[[int], bool]) -> None:
    """A short heading line right above an appeal belongs to the appeal."""
    for i in range(start, end - 1):
        label, below = labels[i], labels[i + 1]
        if (label is not None and label[0] is BlockKind.BODY and below is not None
                and below[1].startswith("donation") and is_heading(i)):
            labels[i] = (BlockKind.BOILERPLATE, "heading of an appeal")
