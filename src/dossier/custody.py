"""The custody log's hash chain: how an entry is hashed and linked to the one before it.

Each entry's hash covers its sequence number, time, action, the SHA-256 it concerns, its
detail, dossier's version and the previous entry's hash, so changing, removing or reordering
any entry breaks every hash after it. The store appends entries; `store.integrity` walks them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .models import sha256_hex

GENESIS = "0" * 64  # the "previous hash" of the first entry


class Action:
    """What an entry records."""

    MIGRATE = "migrate"
    INGEST = "ingest"  # a new original stored
    SEEN_AGAIN = "seen-again"  # a known original found under a new path
    REJECT = "reject"
    RECLEAN = "reclean"  # documents made again by a newer version of the cleaning rules
    RESUME = "resume"  # a build found the previous one interrupted
    BUILD = "build"  # a build (or re-run) finished, with its counts
    EXPORT = "export"
    JUDGE = "judge"  # an analyst's decision recorded (who, what; the reason stays in the case)
    PROTECT = "protect"  # a person protected (by pseudonym only: never the name)
    UNPROTECT = "unprotect"
    KEY_SLOT = "key-slot"  # a passphrase set, changed or added (never the passphrase)
    TESTIMONY = "testimony"  # a confidential testimony added (its ID and pseudonym only)
    LOGIN = "login"  # a sign-in, a refused one, a lockout, a sign-out, a session's end
    TOKEN = "api-token"  # an API token made or revoked (never the token)
    USER = "user"  # a user added, removed, or given a new password or role (never a password)
    CHECKPOINT = "checkpoint"  # a signed checkpoint made: the size and root it covers
    REVEAL = "reveal"  # a cleared analyst saw protected or confidential material (what, who)
    DESTROY = "destroy"  # a testimony's key destroyed: its content is unreadable for good


def canonical_detail(detail: dict[str, Any]) -> str:
    return json.dumps(detail, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class CustodyEntry:
    seq: int
    at: str
    action: str
    sha256: str | None
    detail: str  # canonical JSON, hashed as stored
    version: str
    prev_hash: str
    entry_hash: str

    def expected_hash(self) -> str:
        return entry_hash(self.seq, self.at, self.action, self.sha256, self.detail,
                          self.version, self.prev_hash)


def entry_hash(seq: int, at: str, action: str, sha256: str | None, detail: str, version: str,
               prev_hash: str) -> str:
    payload = json.dumps([seq, at, action, sha256, detail, version, prev_hash],
                         ensure_ascii=False, separators=(",", ":"))
    return sha256_hex(payload.encode("utf-8"))
