"""Protection: protected people shown as pseudonyms to anyone without clearance, in every
output (docs/protection.md, docs/threat-model.md)."""

from .records import Candidate, ProtectedPerson
from .redaction import NOBODY, Protected, Redactor, fold

__all__ = ["NOBODY", "Candidate", "Protected", "ProtectedPerson", "Redactor", "fold"]
