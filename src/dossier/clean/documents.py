"""Stage 2, clean: an original becomes its documents, one per article it holds.

HTML goes through trafilatura (clean/html.py); text and Markdown through our block labeller
(clean/plain.py); PDF text, page by page, through the same labeller (clean/pdf.py). Every
block keeps its label, offsets and reason; the body is the document's text. A document with no
body left is kept, with its blocks, and marked "no article text found".
"""

from __future__ import annotations

import re

from ..config import Settings
from ..models import Document, DocumentStatus, MediaType, Original, document_id
from .html import article_from_html
from .metadata import language_of
from .pdf import pdf_text
from .plain import Article, articles_from_text
from .text import decode

NO_ARTICLE_TEXT = "no article text found: nothing in it was recognised as article body"
NEWLINES = re.compile(r"\r\n?")


def documents_from(original: Original, settings: Settings) -> tuple[Document, ...]:
    """The documents an original holds, each ok or rejected with a reason."""

    def rejected(reason: str) -> tuple[Document, ...]:
        return (Document(document_id(original.sha256, 0), original.sha256, 0, original.path,
                         DocumentStatus.REJECTED, reason=reason),)

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

