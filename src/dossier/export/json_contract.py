"""The public JSON export (docs/export.md, docs/export.schema.json)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from .. import __version__
from ..store import CaseView, DocumentRow

FORMAT = "dossier-case"
FORMAT_VERSION = 1


def case_json(view: CaseView) -> dict[str, Any]:
    """The whole case as the public contract describes it."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "dossier_version": __version__,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "documents": [_document(row) for row in view.documents()],
        "entities": [],
        "claims": [],
        "timeline": [],
    }


def _document(row: DocumentRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "path": row.path,
        "paths": list(row.paths) or [row.path],
        "segment": row.segment,
        "sha256": row.sha256,
        "media_type": row.media_type,
        "size": row.size,
        "captured_at": row.captured_at,
        "first_seen": row.first_seen,
        "title": row.title,
        "outlet": row.outlet,
        "published": row.published,
        "language": row.language,
        "status": row.status,
        "reason": row.reason,
        "pending": row.pending,
        "copy_group": None,
        "text": row.text,
        "removed": [],
    }
