"""Compilations: where one article ends and the next begins in a saved page or a glued export.

A new article starts at a headline-like line that is followed by prose, once the current article
already has a body of its own, and only with a sign a reader would see: a separator rule or a
"More stories" line after the last paragraph, or a date line or byline right by the headline.
Subheadings inside an article have neither, so a long article stays whole.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..config import Settings
from ..models import BlockKind
from . import cues
from .labels import Label, is_prose, is_title_like
from .pieces import Piece


def split_articles(pieces: Sequence[Piece], labels: Sequence[Label | None],
                   settings: Settings) -> list[int]:
    starts = [0]
    body_words = 0
    last_prose = -1
    for i, piece in enumerate(pieces):
        label = labels[i]
        if label is None and is_prose(piece, settings):
            body_words += cues.words(piece.text)
            last_prose = i
            continue
        if (label is not None or body_words < settings.segment_min_words or last_prose < 0
                or not is_title_like(piece, settings)):
            continue
        if not _prose_follows(pieces, labels, i, settings):
            continue
        divided = any(_divides(pieces[j], labels[j]) for j in range(last_prose + 1, i))
        dated = _dated(labels, i)
        if not (divided or dated):
            continue
        start = i
        while start - 1 > last_prose and _is_metadata(labels[start - 1]):
            start -= 1
        starts.append(start)
        body_words, last_prose = 0, -1
    return starts


def _prose_follows(pieces: Sequence[Piece], labels: Sequence[Label | None], i: int,
                   settings: Settings) -> bool:
    for j in range(i + 1, min(len(pieces), i + 6)):
        label = labels[j]
        if label is None:
            return is_prose(pieces[j], settings)
        if label[0] not in (BlockKind.METADATA, BlockKind.CAPTION):
            return False
    return False


def _divides(piece: Piece, label: Label | None) -> bool:
    if label is None:
        return False
    if label[1] == "separator line":
        return True
    text = piece.text.strip(cues.DECORATION)
    return bool(cues.NEXT_ARTICLE.match(text)) or (
        label[0] is BlockKind.BOILERPLATE
        and text.lower().startswith(("tags", "topics", "filed under", "read full",
                                     "read the full")))


def _dated(labels: Sequence[Label | None], i: int) -> bool:
    around = [labels[j] for j in (i - 1, i + 1, i + 2) if 0 <= j < len(labels)]
    return any(_is_metadata(label) and label is not None and label[1] in ("date line", "byline")
               for label in around)


def _is_metadata(label: Label | None) -> bool:
    return label is not None and label[0] is BlockKind.METADATA
