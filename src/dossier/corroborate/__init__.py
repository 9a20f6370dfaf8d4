"""Stage 5: statements across documents → claims, independent origins, denials, timeline."""

from .claims import corroborate
from .evidence import DocumentInfo, evidence_of
from .records import Claim, Corroboration, DenialLink, Evidence, Origin, Status, TimelineEntry

# Bump when the rules change: every claim is recomputed on the next build.
CORROBORATOR_VERSION = "2"

__all__ = ["CORROBORATOR_VERSION", "Claim", "Corroboration", "DenialLink", "DocumentInfo",
           "Evidence", "Origin", "Status", "TimelineEntry", "corroborate", "evidence_of"]
