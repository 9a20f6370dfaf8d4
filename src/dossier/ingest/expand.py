"""Turn one captured item into itself plus everything inside it, whatever the container."""

from __future__ import annotations

from collections.abc import Iterator

from ..config import Settings
from ..models import Captured, MediaType, Rejection
from . import archive, warc
from .budget import ExpansionBudget


def expand(
    item: Captured, settings: Settings, budget: ExpansionBudget, depth: int = 0
) -> Iterator[Captured | Rejection]:
    """Yield the item, then (for archives) every member, depth first, within the limits."""
    yield item
    if item.media_type is MediaType.ZIP:
        if depth >= settings.max_archive_depth:
            yield Rejection(
                item.path,
                f"archive nested more than {settings.max_archive_depth} levels deep; "
                "its members were not read (zip bomb?)",
                item.container,
            )
            return
        for member in archive.members(item, settings, budget):
            if isinstance(member, Captured):
                yield from expand(member, settings, budget, depth + 1)
            else:
                yield member
    elif item.media_type is MediaType.WARC:
        yield from warc.records(item, settings, budget)
