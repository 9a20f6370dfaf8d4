"""Stage 4: what each document body says — entities with their aliases, statements with their
kind, event, quantity, attribution, stance and dates (rule-based, on spaCy's blank English
pipeline). `extract_document` reads one body; `aliases.resolve_entities` joins the documents'
entities across the case."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dossier.extract.document import extract_document

# The version of the extraction rules: a build with newer rules reads every document again.
EXTRACTOR_VERSION = "21"

__all__ = ["EXTRACTOR_VERSION", "extract_document"]


def __getattr__(name: str) -> Any:
    """`extract_document` loads spaCy: imported when first used, so that the records, and
    commands that only read a case, start without it."""
    if name == "extract_document":
        from dossier.extract.document import extract_document
        return extract_document
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
