"""Which kind of input a file is: by its name first, by its first bytes when it has no suffix."""

from __future__ import annotations

from ..models import MediaType

SUFFIXES: dict[str, MediaType] = {
    ".html": MediaType.HTML,
    ".htm": MediaType.HTML,
    ".xhtml": MediaType.HTML,
    ".txt": MediaType.TEXT,
    ".text": MediaType.TEXT,
    ".md": MediaType.MARKDOWN,
    ".markdown": MediaType.MARKDOWN,
    ".pdf": MediaType.PDF,
    ".zip": MediaType.ZIP,
    ".warc": MediaType.WARC,
    ".warc.gz": MediaType.WARC,
}

READABLE = ".html, .htm, .txt, .md, .pdf, .zip, .warc and .warc.gz"


def suffix_of(name: str) -> str:
    """The suffix that decides the type; '.warc.gz' counts as one."""
    base = name.rsplit("/", 1)[-1].lower()
    if base.endswith(".warc.gz"):
        return ".warc.gz"
    dot = base.rfind(".")
    return base[dot:] if dot > 0 else ""


def by_name(name: str) -> MediaType | None:
    return SUFFIXES.get(suffix_of(name))


def by_content(head: bytes) -> MediaType:
    """Best guess for a file without a suffix; text is the default, decoding checks it later."""
    if head.startswith(b"%PDF-"):
        return MediaType.PDF
    if head.startswith(b"PK\x03\x04"):
        return MediaType.ZIP
    if head.startswith(b"WARC/"):
        return MediaType.WARC
    lowered = head[:2048].lower()
    if b"<html" in lowered or b"<!doctype html" in lowered:
        return MediaType.HTML
    return MediaType.TEXT


def unsupported_reason(name: str) -> str:
    return f"unsupported file type '{suffix_of(name)}': dossier reads {READABLE}"


def from_content_type(content_type: str | None) -> MediaType | None:
    """Media type of a WARC record from its HTTP Content-Type; None for what we do not read."""
    if not content_type:
        return None
    essence = content_type.split(";", 1)[0].strip().lower()
    if essence in ("text/html", "application/xhtml+xml"):
        return MediaType.HTML
    if essence == "text/plain":
        return MediaType.TEXT
    if essence == "text/markdown":
        return MediaType.MARKDOWN
    if essence == "application/pdf":
        return MediaType.PDF
    return None
