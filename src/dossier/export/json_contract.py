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
        "outlets": _outlets(view),
        "copy_groups": _copy_groups(view),
        "copy_links": _copy_links(view),
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
        "outlet": row.outlet_name or row.outlet,
        "outlet_as_found": row.outlet,
        "outlet_id": row.outlet_id,
        "outlet_from": row.outlet_from,
        "author": row.author,
        "published": row.published,
        "published_from": row.published_from,
        "language": row.language,
        "status": row.status,
        "reason": row.reason,
        "pending": row.pending,
        "copy_group": row.copy_group,
        "text": row.text,
        "removed": [_block(block) for block in blocks if block.kind in REMOVED],
        "header": [_block(block) for block in blocks if block.kind in HEADER],
    }


def _block(block: Block) -> dict[str, Any]:
    return {"kind": str(block.kind), "text": block.text, "reason": block.reason,
            "start": block.start, "end": block.end}


def _outlets(view: CaseView) -> list[dict[str, Any]]:
    return [{"id": outlet.id, "name": outlet.name, "kind": outlet.kind,
             "aliases": list(outlet.aliases), "documents": outlet.documents}
            for outlet in view.outlets()]


def _copy_groups(view: CaseView) -> list[dict[str, Any]]:
    return [{"id": group.id, "representative": group.representative,
             "documents": list(group.members)} for group in view.copy_groups()]


def _copy_links(view: CaseView) -> list[dict[str, Any]]:
    return [{"a": row.link.a, "b": row.link.b, "kind": str(row.link.kind),
             "found": str(row.link.verdict), "verdict": row.verdict,
             "jaccard": round(row.link.jaccard, 4), "containment": round(row.link.containment, 4),
             "inside": row.link.inside, "reason": row.decision or row.link.reason}
            for row in view.copy_links()]
