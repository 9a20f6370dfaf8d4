"""The public JSON export (docs/export.md, docs/export.schema.json)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from .. import __version__
from ..models import REMOVED_KINDS, Block, BlockKind
from ..store import CaseView, DocumentRow

REMOVED = frozenset(str(kind) for kind in REMOVED_KINDS)
HEADER = frozenset({str(BlockKind.TITLE), str(BlockKind.METADATA)})

FORMAT = "dossier-case"
FORMAT_VERSION = 1


def case_json(view: CaseView) -> dict[str, Any]:
    """The whole case as the public contract describes it."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "dossier_version": __version__,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "documents": _documents(view),
        "entities": [],
        "claims": [],
        "timeline": [],
    }


def _documents(view: CaseView) -> list[dict[str, Any]]:
    rows = view.documents()
    blocks = view.blocks_of([row.id for row in rows])
    return [_document(row, blocks.get(row.id, [])) for row in rows]


def _document(row: DocumentRow, blocks: list[Block]) -> dict[str, Any]:
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
        "author": row.author,
        "published": row.published,
        "published_from": row.published_from,
        "language": row.language,
        "status": row.status,
        "reason": row.reason,
        "pending": row.pending,
        "copy_group": None,
        "text": row.text,
        "removed": [_block(block) for block in blocks if block.kind in REMOVED],
        "header": [_block(block) for block in blocks if block.kind in HEADER],
    }


def _block(block: Block) -> dict[str, Any]:
    return {"kind": str(block.kind), "text": block.text, "reason": block.reason,
            "start": block.start, "end": block.end}
