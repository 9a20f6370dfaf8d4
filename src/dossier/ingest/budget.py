"""The expansion budget shared by one top-level archive and everything nested inside it."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Settings


@dataclass
class ExpansionBudget:
    """Bytes and members left to expand; one per top-level file, shared by nested archives."""

    bytes_left: int
    members_left: int

    @classmethod
    def for_settings(cls, settings: Settings) -> ExpansionBudget:
        return cls(settings.max_archive_total_bytes, settings.max_archive_members)
