"""Records of a WARC web archive: each HTML or text response becomes an original of its own."""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..config import Settings
from ..models import Captured, Rejection
from . import media
from .budget import ExpansionBudget

READ_RECORD_TYPES = ("response", "resource")


def records(
    item: Captured, settings: Settings, budget: ExpansionBudget
) -> Iterator[Captured | Rejection]:
    found = 0
    try:
        for record in ArchiveIterator(io.BytesIO(item.content)):
            if record.rec_type not in READ_RECORD_TYPES:
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"{item.path}#record"
            if record.rec_type == "response" and record.http_headers is not None:
                content_type = record.http_headers.get_header("Content-Type")
            else:
                content_type = record.rec_headers.get_header("Content-Type")
            media_type = media.from_content_type(content_type)
            if media_type is None:
                continue  # images, scripts, style sheets: page furniture, not evidence text
            budget.members_left -= 1
            content = record.content_stream().read(
                min(settings.max_file_bytes, budget.bytes_left) + 1)
            if len(content) > settings.max_file_bytes:
                yield Rejection(uri, f"record is over the {settings.max_file_bytes:,}-byte "
                                "limit per file", item.path)
                continue
            if len(content) > budget.bytes_left or budget.members_left < 0:
                yield Rejection(item.path, "web archive expands beyond the archive limits; "
                                "the rest was not read", item.container)
                return
            budget.bytes_left -= len(content)
            found += 1
            yield Captured(path=uri, content=content, media_type=media_type,
                           container=item.path,
                           captured_at=record.rec_headers.get_header("WARC-Date"))
    except (ArchiveLoadFailed, ValueError, EOFError, OSError, zlib.error, KeyError) as exc:
        yield Rejection(item.path, f"not a readable WARC file (corrupt or truncated: {exc})",
                        item.container)
        return
    if found == 0:
        yield Rejection(item.path, "WARC file holds no readable HTML or text responses (it may be "
                        "empty, truncated or hold only images and scripts)", item.container)
