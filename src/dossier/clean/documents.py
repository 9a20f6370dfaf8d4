"""Stage 2, clean: originals become documents. For now one document per original, its text
decoded; trafilatura, block labels, PDF text and compilation splitting come with the cleaning
issue and plug in here."""

from __future__ import annotations

from ..config import Settings
from ..models import Document, DocumentStatus, MediaType, Original, document_id
from .text import decode

PDF_PENDING = "PDF text extraction comes with the cleaning stage; the original is stored"


def documents_from(original: Original, settings: Settings) -> tuple[Document, ...]:
    """The documents an original holds, each ok or rejected with a reason."""
    doc_id = document_id(original.sha256, 0)

    def rejected(reason: str) -> tuple[Document, ...]:
        return (Document(doc_id, original.sha256, 0, original.path, DocumentStatus.REJECTED,
                         reason=reason),)

    if original.media_type is MediaType.PDF:
        if not original.content.startswith(b"%PDF-"):
            return rejected("not a PDF file (it has no %PDF header)")
        return (Document(doc_id, original.sha256, 0, original.path, DocumentStatus.OK,
                         pending=PDF_PENDING),)
    decoded = decode(original.content, settings)
    if decoded.text is None:
        return rejected(decoded.reason or "no text")
    return (Document(doc_id, original.sha256, 0, original.path, DocumentStatus.OK,
                     text=decoded.text),)
