"""Exports of a case for other tools: rendered from a read-only view, recorded in custody."""

from __future__ import annotations

import io
import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import BinaryIO

from ..custody import Action
from ..errors import ExportError
from ..models import sha256_hex
from ..store import Case
from .ftm import ftm_lines
from .json_contract import case_json
from .tables import case_tables, tables_zip

FORMATS = ("json", "csv", "ftm")

__all__ = ["FORMATS", "case_json", "case_tables", "ftm_lines", "write_export"]


def render(case: Case, fmt: str) -> bytes:
    if fmt == "json":
        return (json.dumps(case_json(case.view), ensure_ascii=False, indent=2) + "\n").encode()
    if fmt == "csv":
        return tables_zip(case.view)
    if fmt == "ftm":
        return ftm_lines(case.view)
    from ..report import REPORT_FORMATS, render_report  # the report renders the contract

    if fmt in REPORT_FORMATS:
        return render_report(case.view, fmt, case.path.name).encode()
    raise ExportError(f"unknown export format {fmt!r}; available: {', '.join(FORMATS)}")


def write_export(case: Case, fmt: str, out: Path | None, stdout: BinaryIO) -> int:
    """Write the export (or the report, `html` or `md`) to `out` (atomically) or to stdout, log
    it; returns the byte count."""
    data = render(case, fmt)
    if out is None:
        stdout.write(data)
        stdout.flush()
    elif fmt == "csv" and out.suffix.lower() != ".zip":
        _write_folder(out, data)
    else:
        try:
            handle, temp = tempfile.mkstemp(dir=out.parent or Path("."), prefix=f".{out.name}.")
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temp, out)
        except OSError as exc:
            raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from exc
    with case.writer.transaction() as tx:
        tx.log(Action.EXPORT, sha256_hex(data), format=fmt, bytes=len(data),
               destination=out.name if out is not None else "stdout")
    return len(data)


def _write_folder(folder: Path, archive: bytes) -> None:
    """The files of a rendered zip archive into a folder of their own (made if missing;
    never over other files)."""
    try:
        with zipfile.ZipFile(io.BytesIO(archive)) as files:
            names = files.namelist()
            clashing = sorted(name for name in names if (folder / name).exists())
            if clashing:
                raise ExportError(f"{folder} already holds {', '.join(clashing)}; choose an "
                                  "empty folder or a .zip file")
            folder.mkdir(parents=False, exist_ok=True)
            for name in names:
                (folder / name).write_bytes(files.read(name))
    except OSError as exc:
        raise ExportError(f"cannot write {folder}: {exc.strerror or exc}") from exc
