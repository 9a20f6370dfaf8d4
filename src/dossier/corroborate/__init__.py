"""Stage 5: statements across documents → claims, independent origins, denials, timeline.

The rules (`corroborate`, `evidence_of`) load spaCy's word lists, so they are imported when
first used: the records, and commands that only read a case, start without them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .records import (
    Claim,
    Corroboration,
    DenialLink,
    DocumentInfo,
    Evidence,
    Origin,
    Status,
    TimelineEntry,
)

if TYPE_CHECKING:
    from .claims import corroborate
    from .evidence import evidence_of

# Bump when the rules change: every claim is recomputed on the next build.
CORROBORATOR_VERSION = "7"

__all__ = ["CORROBORATOR_VERSION", "Claim", "Corroboration", "DenialLink", "DocumentInfo",
           "Evidence", "Origin", "Status", "TimelineEntry", "corroborate", "evidence_of"]


def __getattr__(name: str) -> Any:
    if name == "corroborate":
        from .claims import corroborate
        return corroborate
    if name == "evidence_of":
        from .evidence import evidence_of
        return evidence_of
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
