"""Reading Russian: the same records as the English rules give, from pymorphy3's readings of
Russian words and the vocabulary of `data/russian.json` (docs/russian.md)."""

from .document import extract_russian

__all__ = ["extract_russian"]
