"""Stage 2, clean: turn each original into the documents it holds."""

from .documents import documents_from

__all__ = ["documents_from"]
