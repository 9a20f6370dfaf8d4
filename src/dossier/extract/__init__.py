"""Stage 4: what each document body says — entities with their aliases, statements with their
kind, event, quantity, attribution, stance and dates (rule-based, on spaCy's blank English
pipeline). `extract_document` reads one body; `aliases.resolve_entities` joins the documents'
entities across the case."""

from dossier.extract.document import extract_document

# The version of the extraction rules: a build with newer rules reads every document again.
EXTRACTOR_VERSION = "5"

__all__ = ["EXTRACTOR_VERSION", "extract_document"]
