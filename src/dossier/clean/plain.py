"""Plain text and Markdown to articles: pieces, labels, compilation splits, metadata."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from ..config import Settings
from ..models import Block, BlockKind
from . import metadata
from .dates import find_date
from .labels import label_pieces
from .pieces import split_pieces


@dataclass(frozen=True)
class Article:
    """One article found in an original, with every block of its stretch of the original."""

    blocks: tuple[Block, ...]
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_from: str | None = None

    @property
    def body(self) -> str:
        return "\n\n".join(block.text for block in self.blocks if block.kind is BlockKind.BODY)


def articles_from_text(source: str, markdown: bool, settings: Settings) -> list[Article]:
    pieces = split_pieces(source, markdown, settings)
    if not pieces:
        return []
    labelled = label_pieces(pieces, settings)
    blocks = [Block(kind, piece.start, piece.end, piece.text, reason)
              for piece, (kind, reason) in zip(pieces, labelled.labels, strict=True)]
    front = metadata.front_matter([p.text for p in pieces if p.front_matter])
    every = [(block.kind, block.text) for block in blocks]
    outlet = metadata.outlet_from(every, front)
    bounds = [*labelled.segments, len(pieces)]
    articles = []
    for n, (start, end) in enumerate(pairwise(bounds)):
        mine = blocks[start:end]
        texts = [(block.kind, block.text) for block in mine]
        title_at = labelled.titles[n]
        title = blocks[title_at].text if title_at is not None else None
        if n == 0 and front.get("title"):
            title = front["title"]
        published, published_from = metadata.published_from_lines(texts), "date line"
        if published is None and n == 0 and (found := find_date(front.get("date", ""))):
            published, published_from = found[0], "front matter"
        author = None
        if n == 0 and front.get("author"):
            author = front["author"]
        for block in mine:
            if author is None and block.kind is BlockKind.METADATA and block.reason == "byline":
                author = metadata.author_from(block.text)
        articles.append(Article(tuple(mine), title, author, outlet, published,
                                published_from if published else None))
    return articles
