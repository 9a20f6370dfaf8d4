"""Stage 2, clean: an original becomes its documents, one per article it holds.

HTML goes through trafilatura (clean/html.py); text and Markdown through our block labeller
(clean/plain.py); PDF text, page by page, through the same labeller (clean/pdf.py). Every
block keeps its label, offsets and reason; the body is the document's text. A document with no
body left is kept, with its blocks, and marked "no article text found".

HTML and PDF are parsed under limits (clean/guard.py): in a worker process with a memory
ceiling and a time limit, and their text capped at `max_parsed_chars`; a file that passes a
limit is kept, rejected with the limit it passed.
"""

from __future__ import annotations

import re

from ..config import Settings
from ..models import Document, DocumentStatus, MediaType, Original, document_id
from .guard import run_limited
from .html import article_from_html
from .metadata import language_of
from .pdf import pdf_text
from .plain import Article, articles_from_text
from .text import decode

NO_ARTICLE_TEXT = "no article text found: nothing in it was recognised as article body"
NEWLINES = re.compile(r"\r\n?")


def documents_from(original: Original, settings: Settings) -> tuple[Document, ...]:
    """The documents an original holds, each ok or rejected with a reason; HTML and PDF are
    read under the parsing limits."""
    if original.media_type in (MediaType.HTML, MediaType.PDF):
        what = f"reading this {original.media_type.name} file"
        documents, reason = run_limited(
            _documents_from, (original, settings), settings.parse_timeout_seconds,
            settings.parse_memory_bytes, what)
        if documents is None:
            return (_rejected(original, reason or f"{what} failed"),)
        return documents
    return _documents_from(original, settings)


def _rejected(original: Original, reason: str) -> Document:
    return Document(document_id(original.sha256, 0), original.sha256, 0, original.path,
                    DocumentStatus.REJECTED, reason=reason)


def _documents_from(original: Original, settings: Settings) -> tuple[Document, ...]:

    def rejected(reason: str) -> tuple[Document, ...]:
        return (_rejected(original, reason),)

    if original.media_type is MediaType.HTML:
        url = original.path if original.path.startswith(("http://", "https://")) else None
        result = article_from_html(original.content, url, settings)
        if result.article is None:
            return rejected(result.reason or "no text")
        articles = [result.article]
    elif original.media_type is MediaType.PDF:
        pdf = pdf_text(original.content, settings)
        if pdf.text is None:
            return rejected(pdf.reason or "no text")
        articles = [_with_pdf_metadata(article, pdf.title, pdf.author)
                    for article in articles_from_text(pdf.text, False, settings)]
    else:
        decoded = decode(original.content, settings)
        if decoded.text is None:
            return rejected(decoded.reason or "no text")
        text = NEWLINES.sub("\n", decoded.text)
        articles = articles_from_text(text, original.media_type is MediaType.MARKDOWN, settings)
    if not articles:
        return rejected(NO_ARTICLE_TEXT)
    chars = sum(len(block.text) for article in articles for block in article.blocks)
    if chars > settings.max_parsed_chars:
        return rejected(f"too much text: reading it gave {chars:,} characters, more than the "
                        f"limit of {settings.max_parsed_chars:,} (DOSSIER_MAX_PARSED_CHARS)")
    return tuple(_document(original, n, article, settings) for n, article in enumerate(articles))


def _document(original: Original, segment: int, article: Article,
              settings: Settings) -> Document:
    body = article.body
    status, reason = DocumentStatus.OK, None
    if not body.strip():
        status, reason = DocumentStatus.REJECTED, NO_ARTICLE_TEXT
    return Document(
        document_id(original.sha256, segment), original.sha256, segment, original.path, status,
        reason=reason, title=article.title, outlet=article.outlet,
        published=article.published, language=language_of(body, settings), text=body,
        author=article.author, published_from=article.published_from, blocks=article.blocks)


def _with_pdf_metadata(article: Article, title: str | None, author: str | None) -> Article:
    return Article(article.blocks, article.title or title, article.author or author,
                   article.outlet, article.published, article.published_from)

