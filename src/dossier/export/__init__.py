"""Exports of a case for other tools: rendered from a read-only view, recorded in custody."""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..custody import Action
from ..errors import ExportError
from ..protect import Redactor
from ..protect.people import case_redactor
from ..store import Case
from .ftm import ftm_lines
from .json_contract import Quotes, case_json
from .tables import case_tables, tables_zip

FORMATS = ("json", "csv", "ftm")

__all__ = ["FORMATS", "Tally", "case_json", "case_tables", "ftm_lines", "log_export", "render",
           "write_export"]


WRITE_CHUNK = 1 << 20  # characters of a report gathered before they are written


def render(case: Case, fmt: str, hiding: Redactor | None = None,
           quotes: Quotes | None = None) -> Iterator[bytes]:
    """The export (or the report, `html` or `md`) as pieces of bytes: the report piece by
    piece as it is rendered, the other formats whole. Protected people as pseudonyms, unless
    `hiding` says otherwise (a cleared analyst's: NOBODY)."""
    if fmt == "json":
        data = case_json(case.view, hiding, quotes)
        yield (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()
    elif fmt == "csv":
        yield tables_zip(case.view, hiding, quotes)
    elif fmt == "ftm":
        yield ftm_lines(case.view, hiding, quotes)
    else:
        from ..report import REPORT_FORMATS, render_report  # the report renders the contract

        if fmt not in REPORT_FORMATS:
            raise ExportError(f"unknown export format {fmt!r}; available: "
                              f"{', '.join(FORMATS)}")
        pending: list[str] = []
        size = 0
        for piece in render_report(case.view, fmt, case.path.name, hiding, quotes):
            pending.append(piece)
            size += len(piece)
            if size >= WRITE_CHUNK:
                yield "".join(pending).encode()
                pending, size = [], 0
        yield "".join(pending).encode()


class Tally:
    """The bytes of an export as they pass: its SHA-256 and size, for the custody log."""

    def __init__(self) -> None:
        self.digest = hashlib.sha256()
        self.size = 0

    def counted(self, pieces: Iterable[bytes]) -> Iterator[bytes]:
        for piece in pieces:
            self.digest.update(piece)
            self.size += len(piece)
            yield piece


def log_export(case: Case, tally: Tally, fmt: str, destination: str, cleared: bool,
               by: str | None = None) -> None:
    """The custody log's entry for an export that was written or sent: its SHA-256, size,
    where it went (protected names as pseudonyms) and whether it names protected people."""
    with case.writer.transaction() as tx:
        tx.log(Action.EXPORT, tally.digest.hexdigest(), format=fmt, bytes=tally.size,
               destination=case_redactor(case.view).text(destination), confidential=cleared,
               **({"by": by} if by else {}))


def write_export(case: Case, fmt: str, out: Path | None, stdout: BinaryIO,
                 hiding: Redactor | None = None, quotes: Quotes | None = None) -> int:
    """Write the export (or the report, `html` or `md`) to `out` (atomically: nothing is left
    behind if it fails) or to stdout as it is rendered, log it with its SHA-256 (and whether
    it names protected people: `hiding` NOBODY); returns the byte count."""
    cleared = hiding is not None and not hiding.active
    hiding = case_redactor(case.view) if hiding is None else hiding
    tally = Tally()
    pieces = tally.counted(render(case, fmt, hiding, quotes))
    if out is None:
        for piece in pieces:
            stdout.write(piece)
        stdout.flush()
    elif fmt == "csv" and out.suffix.lower() != ".zip":
        _write_folder(out, b"".join(pieces))
    else:
        temp: str | None = None
        try:
            handle, temp = tempfile.mkstemp(dir=out.parent or Path("."), prefix=f".{out.name}.")
            with os.fdopen(handle, "wb") as file:
                for piece in pieces:
                    file.write(piece)
            os.replace(temp, out)
            temp = None
        except OSError as exc:
            raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from exc
        finally:
            if temp is not None:
                Path(temp).unlink(missing_ok=True)
    log_export(case, tally, fmt, out.name if out is not None else "stdout", cleared)
    return tally.size


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
