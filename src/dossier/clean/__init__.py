"""Stage 2, clean: turn each original into the documents it holds."""

from .documents import documents_from

# Version of the cleaning rules. Documents remember the version that made them; a build with
# another version cleans every original again (logged as one "reclean" custody entry), so a
# case never mixes bodies cut by different rules. Bump it whenever a change to clean/ or to a
# cleaning setting can change a document.
CLEANER_VERSION = "2"

__all__ = ["CLEANER_VERSION", "documents_from"]
