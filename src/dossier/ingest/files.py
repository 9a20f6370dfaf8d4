"""Files and folders named on the command line, read safely into captured items."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..config import Settings
from ..models import Captured, Rejection
from . import media
from .budget import ExpansionBudget
from .expand import expand


@dataclass(frozen=True)
class InputFile:
    disk_path: Path
    path: str  # as the user gave it: the argument, joined with the path inside a folder


@dataclass(frozen=True)
class Inputs:
    files: tuple[InputFile, ...]
    rejections: tuple[Rejection, ...]
    hidden: int  # dot-files and dot-folders found inside folders, passed over


def find_inputs(paths: Sequence[Path], exclude: frozenset[Path] = frozenset()) -> Inputs:
    """Every file under the given paths, in a stable order; missing paths become rejections.

    `exclude` holds resolved paths never to ingest: the case file itself and its companions,
    when a user builds the folder the case lives in.
    """
    files: list[InputFile] = []
    rejections: list[Rejection] = []
    hidden = 0
    for given in paths:
        try:
            is_dir = given.is_dir()
            given.lstat()
        except FileNotFoundError:
            rejections.append(Rejection(str(given), "no such file or folder "
                                        "(it may have been moved or deleted)"))
            continue
        except OSError as exc:
            rejections.append(Rejection(str(given), f"cannot be read: {exc.strerror}"))
            continue
        if not is_dir:
            if given.resolve() not in exclude:
                files.append(InputFile(given, str(given)))
            continue
        walk_errors: list[OSError] = []
        for root, dirs, names in os.walk(given, onerror=walk_errors.append):
            hidden += sum(1 for d in dirs if d.startswith("."))
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if name.startswith("."):
                    hidden += 1
                    continue
                disk = Path(root) / name
                if exclude and disk.resolve() in exclude:
                    continue
                files.append(InputFile(disk, str(given / disk.relative_to(given))))
        for error in walk_errors:
            rejections.append(Rejection(str(error.filename), "folder cannot be read: "
                                        f"{error.strerror}"))
    return Inputs(tuple(files), tuple(rejections), hidden)


def read_input(item: InputFile, settings: Settings) -> Iterator[Captured | Rejection]:
    """The file as captured, then everything inside it when it is an archive."""
    try:
        info = item.disk_path.stat()
    except FileNotFoundError:
        yield Rejection(item.path, "no such file (it was moved or deleted during the build)")
        return
    except OSError as exc:
        yield Rejection(item.path, f"cannot be read: {exc.strerror}")
        return
    if not stat.S_ISREG(info.st_mode):
        yield Rejection(item.path, "not a regular file (a pipe, device or socket); not read")
        return
    media_type = media.by_name(item.path)
    if media_type is None and media.suffix_of(item.path):
        yield Rejection(item.path, media.unsupported_reason(item.path))
        return
    if info.st_size > settings.max_file_bytes:
        yield Rejection(item.path, f"file is {info.st_size:,} bytes, over the "
                        f"{settings.max_file_bytes:,}-byte limit (setting max_file_bytes)")
        return
    try:
        with item.disk_path.open("rb") as handle:
            content = handle.read(settings.max_file_bytes + 1)
    except FileNotFoundError:
        yield Rejection(item.path, "no such file (it was moved or deleted during the build)")
        return
    except PermissionError:
        yield Rejection(item.path, "cannot be read: permission denied")
        return
    except OSError as exc:
        yield Rejection(item.path, f"cannot be read: {exc.strerror or exc}")
        return
    if len(content) > settings.max_file_bytes:
        yield Rejection(item.path, f"file grew over the {settings.max_file_bytes:,}-byte limit "
                        "while being read")
        return
    captured = Captured(
        path=item.path,
        content=content,
        media_type=media_type or media.by_content(content),
        modified_at=datetime.fromtimestamp(info.st_mtime, UTC).isoformat(timespec="seconds"),
    )
    yield from expand(captured, settings, ExpansionBudget.for_settings(settings))
