"""`dossier verify`: re-hash every stored original and walk the custody log's hash chain."""

from __future__ import annotations

from dataclasses import dataclass

from ..custody import GENESIS, Action
from ..models import sha256_hex
from .views import CaseView
from .writer import HEAD_KEY


@dataclass(frozen=True)
class IntegrityReport:
    originals: int
    entries: int
    problems: tuple[str, ...]  # in the order found; the first is the one to look at

    @property
    def intact(self) -> bool:
        return not self.problems


def verify(view: CaseView) -> IntegrityReport:
    problems: list[str] = []
    ingested: set[str] = set()
    entries = 0
    expected_seq, prev = 1, GENESIS
    for entry in view.custody_entries():
        entries += 1
        if entry.seq != expected_seq:
            missing = (f"#{expected_seq}" if entry.seq == expected_seq + 1
                       else f"#{expected_seq}-#{entry.seq - 1}")
            problems.append(f"custody log entry {missing} is missing (deleted)")
        elif entry.prev_hash != prev:
            problems.append(f"custody log entry #{entry.seq} does not follow entry "
                            f"#{entry.seq - 1} (the chain was rewritten)")
        if entry.entry_hash != entry.expected_hash():
            problems.append(f"custody log entry #{entry.seq} ({entry.action}, {entry.at}) "
                            "has been altered")
        if entry.action == Action.INGEST and entry.sha256:
            ingested.add(entry.sha256)
        expected_seq, prev = entry.seq + 1, entry.entry_hash
    head = view.meta(HEAD_KEY)
    if head is not None and head != f"{expected_seq - 1}:{prev}":
        recorded = head.split(":", 1)[0]
        problems.append(f"custody log ends at entry #{expected_seq - 1} but the case "
                        f"recorded #{recorded} as its last: entries were removed or replaced")

    originals = 0
    for sha256, size, content in view.original_hashes():
        originals += 1
        if content is None:
            problems.append(f"original {sha256[:12]}… has lost its stored bytes")
        elif len(content) != size or sha256_hex(content) != sha256:
            problems.append(f"original {sha256[:12]}… no longer matches its SHA-256 "
                            "(its stored bytes were altered)")
        if sha256 not in ingested:
            problems.append(f"original {sha256[:12]}… has no ingest entry in the custody log")
    return IntegrityReport(originals, entries, tuple(problems))


