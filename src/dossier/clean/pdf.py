"""PDF text layer, page by page, with pypdf. A PDF without a text layer (a scan) is kept and
marked: OCR is out of scope, and guessing text would put words into a source's mouth."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError, PyPdfError

from ..config import Settings
from . import cues

PAGE_BREAK = "\n\n\f\n\n"  # between pages in the extracted text; a blank line each side

NO_TEXT_LAYER = ("scanned PDF: it has no text layer, so there is no text to read (OCR is not "
                 "supported yet); the original is kept")


@dataclass(frozen=True)
class PdfText:
    text: str | None
    pages: int = 0
    reason: str | None = None  # why there is no text
    title: str | None = None
    author: str | None = None


def pdf_text(content: bytes, settings: Settings) -> PdfText:
    if not content.startswith(b"%PDF-"):
        return PdfText(None, reason="not a PDF file (it has no %PDF header)")
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed files are reported by us
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return PdfText(None, reason="encrypted PDF: it needs a password to be read")
        count = len(reader.pages)
        if count > settings.max_pdf_pages:
            return PdfText(None, count, reason=f"PDF too long: {count} pages, more than the "
                           f"limit of {settings.max_pdf_pages} (DOSSIER_MAX_PDF_PAGES)")
        pages = [(page.extract_text() or "").replace("\x00", "") for page in reader.pages]
        info = reader.metadata
        title = str(info.title).strip() if info is not None and info.title else None
        author = str(info.author).strip() if info is not None and info.author else None
    except FileNotDecryptedError:
        return PdfText(None, reason="encrypted PDF: it needs a password to be read")
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError,
            IndexError, RecursionError, OSError, NotImplementedError) as error:
        return PdfText(None, reason=f"unreadable PDF: {type(error).__name__}: {error}"[:300])
    text = PAGE_BREAK.join(page.strip() for page in pages)
    if cues.words(text) < settings.pdf_min_words_per_page * max(1, len(pages)):
        return PdfText(None, len(pages), reason=NO_TEXT_LAYER)
    return PdfText(text, len(pages), title=title, author=author)
