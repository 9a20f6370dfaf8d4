"""The case as CSV tables for spreadsheets: claims, mentions (supporting and denying
passages), entities and documents, one file each, rendered from the JSON contract so that
every column means what docs/export.md says."""

from __future__ import annotations

import csv
import io
import zipfile
from typing import Any

from ..protect import Redactor
from ..store import CaseView
from .json_contract import Quotes, case_json

# The columns of each file, in order (docs/export.md describes each field).
COLUMNS: dict[str, tuple[str, ...]] = {
    "claims.csv": ("id", "statement", "status", "kind", "event_type", "independent_sources",
                   "copy_groups", "outlets", "date", "precision", "figures_low",
                   "figures_high", "figures_estimate", "figures_disputed", "contested_by"),
    "mentions.csv": ("claim", "role", "document", "start", "end", "quote", "stance", "outlet",
                     "origin", "attributed_to", "source", "denied_by", "hedged", "date",
                     "quantity"),
    "entities.csv": ("id", "name", "type", "aliases", "media", "documents", "mentions",
                     "merges"),
    "documents.csv": ("id", "path", "segment", "status", "reason", "title", "outlet",
                      "published", "author", "language", "copy_group", "sha256", "media_type",
                      "size", "captured_at", "first_seen"),
}
LIST_SEPARATOR = " | "  # joins a list in one cell (outlets, aliases, reasons)


def case_tables(view: CaseView, hiding: Redactor | None = None,
                quotes: Quotes | None = None) -> dict[str, str]:
    """File name → CSV text."""
    data = case_json(view, hiding, quotes)
    rows: dict[str, list[dict[str, Any]]] = {
        "claims.csv": [_claim(c) for c in data["claims"]],
        "mentions.csv": [
            {**m, "claim": c["id"], "role": "denies" if m["stance"] == "denies" else "supports"}
            for c in data["claims"] for m in c["mentions"]],
        "entities.csv": data["entities"],
        "documents.csv": data["documents"],
    }
    return {name: _csv(COLUMNS[name], rows[name]) for name in COLUMNS}


def tables_zip(view: CaseView, hiding: Redactor | None = None,
               quotes: Quotes | None = None) -> bytes:
    """The four files in one zip archive."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in case_tables(view, hiding, quotes).items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _claim(c: dict[str, Any]) -> dict[str, Any]:
    f = c["figures"] or {}
    return {**c, "figures_low": f.get("low"), "figures_high": f.get("high"),
            "figures_estimate": f.get("estimate"), "figures_disputed": f.get("disputed")}


def _csv(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)
