"""One Settings object, built once at the edge (CLI, tests, benchmarks) and passed down.

Every limit and tuned threshold lives here, with why it has the value it has.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields

from .errors import SettingsError

# Every setting can be overridden as DOSSIER_<NAME>, e.g. DOSSIER_MAX_FILE_BYTES.
ENV_PREFIX = "DOSSIER_"

MB = 1024 * 1024

# Ingest limits. Chosen for the material researchers collect: a saved news page is 50 KB-5 MB,
# an NGO report PDF rarely passes 30 MB; anything larger is refused rather than stored, so a
# stray video in a folder does not bloat the case file.
MAX_FILE_BYTES = 50 * MB
# Archive limits guard against zip bombs (42.zip, overlapping-entry bombs): total bytes expanded
# from one top-level archive (nested ones included), members, nesting depth and per-member
# compression ratio. Text compresses 3-10:1, HTML up to ~20:1; 100:1 only happens with
# padding or bombs. The ratio is checked only above RATIO_MIN_BYTES, where it matters.
MAX_ARCHIVE_TOTAL_BYTES = 1024 * MB
MAX_ARCHIVE_MEMBERS = 20_000
MAX_ARCHIVE_DEPTH = 3
MAX_COMPRESSION_RATIO = 100.0
RATIO_MIN_BYTES = 1 * MB

# Text detection. A "text" file with more than this share of NUL or other C0 control bytes
# (tab, newline, carriage return and form feed excepted) is binary junk; measured on the demo
# corpus and on the 181 benchmark pages, real text has 0.0, a JPEG renamed .txt has > 0.1.
MAX_CONTROL_SHARE = 0.01
# ...and more than this many of them, so a stray NUL or bell in a short note is repaired
# (removed from the text, kept in the original) rather than the note rejected.
MIN_CONTROL_BYTES = 8
# Above this share of ASCII bytes, a non-UTF-8 text is taken to be in a single-byte encoding
# (see clean/text.py); set from the test texts in tests/test_bad_input.py.
MOSTLY_ASCII_SHARE = 0.8

# How many originals are written per transaction. A SIGKILL loses at most one batch, which the
# next run redoes; 500 keeps the 10,000-file ingest benchmark within 5% of a single
# transaction while bounding the work lost.
BATCH_SIZE = 500

# Show a progress bar when a build is handed more than this many files.
PROGRESS_MIN_FILES = 5

# How long a second build waits for the one holding the case before giving up.
LOCK_WAIT_SECONDS = 10.0


@dataclass(frozen=True)
class Settings:
    """Limits and thresholds for one run; defaults are the named constants above."""

    max_file_bytes: int = MAX_FILE_BYTES
    max_archive_total_bytes: int = MAX_ARCHIVE_TOTAL_BYTES
    max_archive_members: int = MAX_ARCHIVE_MEMBERS
    max_archive_depth: int = MAX_ARCHIVE_DEPTH
    max_compression_ratio: float = MAX_COMPRESSION_RATIO
    ratio_min_bytes: int = RATIO_MIN_BYTES
    max_control_share: float = MAX_CONTROL_SHARE
    min_control_bytes: int = MIN_CONTROL_BYTES
    mostly_ascii_share: float = MOSTLY_ASCII_SHARE
    batch_size: int = BATCH_SIZE
    progress_min_files: int = PROGRESS_MIN_FILES
    lock_wait_seconds: float = LOCK_WAIT_SECONDS

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        """Defaults, overridden by DOSSIER_<NAME> variables (documented in docs/settings.md)."""
        values: dict[str, int | float] = {}
        for field in fields(cls):
            name = ENV_PREFIX + field.name.upper()
            raw = environ.get(name)
            if raw is None:
                continue
            kind = int if field.type in ("int", int) else float
            try:
                value = kind(raw.replace("_", ""))
            except ValueError:
                raise SettingsError(f"{name} must be a {'whole ' if kind is int else ''}number, "
                                    f"not {raw!r}") from None
            if value < 0:
                raise SettingsError(f"{name} must not be negative, not {raw!r}")
            values[field.name] = value
        return cls(**values)  # type: ignore[arg-type]  # names and types come from fields()
