"""Members of a zip archive, read in memory (never extracted to disk), within the limits."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import PurePosixPath, PureWindowsPath

from ..config import Settings
from ..models import Captured, Rejection
from . import media
from .budget import ExpansionBudget

ENCRYPTED_FLAG = 0x1


def _unsafe(name: str) -> bool:
    """Absolute paths, drive letters and '..' could escape a folder if ever extracted."""
    posix = PurePosixPath(name.replace("\\", "/"))
    return posix.is_absolute() or ".." in posix.parts or bool(PureWindowsPath(name).drive)


def _skipped(name: str) -> bool:
    """Folder entries and the resource forks macOS adds to every zip it makes."""
    return name.endswith("/") or name.startswith("__MACOSX/")


def members(
    item: Captured, settings: Settings, budget: ExpansionBudget
) -> Iterator[Captured | Rejection]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(item.content))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        yield Rejection(item.path, f"not a readable zip archive (corrupt or truncated: {exc})",
                        item.container)
        return
    with archive:
        for info in infos:
            if _skipped(info.filename):
                continue
            path = f"{item.path}!/{info.filename}"
            rejection = _check(info, path, item.path, settings, budget)
            if rejection is not None:
                yield rejection
                if budget.members_left <= 0 or budget.bytes_left <= 0:
                    return
                continue
            try:
                with archive.open(info) as stream:
                    content = stream.read(min(settings.max_file_bytes, budget.bytes_left) + 1)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
                    NotImplementedError, RuntimeError) as exc:
                yield Rejection(path, f"corrupt archive member, could not be read: {exc}",
                                item.path)
                continue
            if len(content) > info.file_size:
                # The header lied about the size: a classic bomb trick.
                yield Rejection(path, "archive member expands beyond its declared size "
                                "(zip bomb?); not read", item.path)
                return
            budget.bytes_left -= len(content)
            media_type = media.by_name(info.filename) or (
                media.by_content(content) if not media.suffix_of(info.filename) else None)
            if media_type is None:
                yield Rejection(path, media.unsupported_reason(info.filename), item.path)
                continue
            yield Captured(path=path, content=content, media_type=media_type,
                           container=item.path)


def _check(
    info: zipfile.ZipInfo, path: str, container: str, settings: Settings,
    budget: ExpansionBudget,
) -> Rejection | None:
    """Refuse a member before reading it, from what its header declares."""
    budget.members_left -= 1
    if budget.members_left < 0:
        return Rejection(container, f"archive holds more than {settings.max_archive_members} "
                         "members; the rest were not read (zip bomb?)", container)
    if _unsafe(info.filename):
        return Rejection(path, "unsafe member path (absolute or containing '..'); not read",
                         container)
    if info.flag_bits & ENCRYPTED_FLAG:
        return Rejection(path, "encrypted member: password-protected archives are not "
                         "supported; decrypt it and add the files", container)
    if info.file_size > settings.max_file_bytes:
        return Rejection(path, f"member is {info.file_size:,} bytes, over the "
                         f"{settings.max_file_bytes:,}-byte limit per file", container)
    if (info.file_size >= settings.ratio_min_bytes
            and info.file_size > settings.max_compression_ratio * max(info.compress_size, 1)):
        ratio = info.file_size / max(info.compress_size, 1)
        return Rejection(path, f"compression ratio {ratio:,.0f}:1 is over the "
                         f"{settings.max_compression_ratio:,.0f}:1 limit (zip bomb?); not read",
                         container)
    if info.file_size > budget.bytes_left:
        budget.bytes_left = 0
        return Rejection(container, "archive expands beyond the limit of "
                         f"{settings.max_archive_total_bytes:,} bytes in all (zip bomb?); "
                         "the rest was not read", container)
    return None
