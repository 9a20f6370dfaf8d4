"""Who may do what on a shared case: roles, the signed-in principal, session and token rules,
CSRF tokens, lockout and the per-address sign-in throttle. Plain functions and frozen records;
the web app (web/gate.py, writes.py) and `dossier user`/`token` apply them, and the store
(store/access.py) keeps the users, sessions and tokens.

Roles add up: a viewer reads claims, documents and the report, with protected people as
pseudonyms and no confidential material; an analyst also records judgements, and — when the
server was unlocked with the case passphrase and an admin cleared them — sees confidential
material; an admin also manages users and protection. An API token acts as its user, capped
by its scope (read: as a viewer; judge: as an analyst) and never sees confidential material.
Whatever a principal may not see answers 404, as if it did not exist."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections import deque
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from .config import Settings
from .store.access import SESSION, Credential, UserRow

ROLES = ("viewer", "analyst", "admin")
MIN_PASSWORD_CHARS = 12  # as a passphrase: a few unrelated words (NIST SP 800-63B: at least 8)
MAX_PASSWORD_CHARS = 1024  # Argon2 takes any length; this only bounds a hostile request
MAX_NAME_CHARS = 80
SCOPES = {"read": "viewer", "judge": "analyst"}  # an API token's scope: the role it caps at


class Permission(StrEnum):
    READ = "read"  # pages, the API's reads, originals, the report
    JUDGE = "judge"  # record judgements
    ADMIN = "admin"  # users, sessions, tokens and protection
    CONFIDENTIAL = "confidential"  # protected names unredacted


NEEDS = {Permission.READ: "viewer", Permission.JUDGE: "analyst", Permission.ADMIN: "admin"}


def at_least(role: str | None, needed: str) -> bool:
    return role in ROLES and ROLES.index(role) >= ROLES.index(needed)


@dataclass(frozen=True)
class Principal:
    """Who makes a request: a signed-in user, a script with a token, the analyst on this
    machine (a case without users, served on loopback only), or nobody."""

    name: str | None
    role: str | None  # None: not signed in
    cleared: bool  # sees confidential material (an unlocked server, a cleared analyst)
    via: str  # session | token | local | anonymous
    credential: str | None = None  # the session's or token's ID
    csrf: str | None = None  # what a state-changing form must carry (none for a token)

    def may(self, permission: Permission) -> bool:
        if permission is Permission.CONFIDENTIAL:
            return self.cleared
        return at_least(self.role, NEEDS[permission])


ANONYMOUS = Principal(None, None, False, "anonymous")


def local(unlocked: bool, csrf: str) -> Principal:
    """The analyst at this machine, on a case without users (served on loopback only): they
    hold the case file, so they may do all the command line does; cleared when the server was
    given the passphrase."""
    return Principal(None, "admin", unlocked, "local", None, csrf)


def of_credential(found: Credential, raw: str, unlocked: bool) -> Principal:
    """The principal a live session or token stands for."""
    if found.kind == SESSION:
        cleared = unlocked and found.cleared and at_least(found.role, "analyst")
        return Principal(found.user, found.role, cleared, SESSION, found.id, csrf_token(raw))
    capped = min(found.role, SCOPES.get(found.scope or "", "viewer"), key=ROLES.index)
    return Principal(found.user, capped, False, "token", found.id, None)


# -- tokens --------------------------------------------------------------------------------------

TOKEN_PREFIX = "dsr_"  # an API token is recognisable (in a leaked log or a secret scanner)


@dataclass(frozen=True)
class NewToken:
    raw: str  # given once to the user (cookie or the command's output), never stored
    hash: str
    id: str


def new_token(api: bool = False) -> NewToken:
    raw = (TOKEN_PREFIX if api else "") + secrets.token_urlsafe(32)
    return NewToken(raw, token_hash(raw), ("t-" if api else "s-") + secrets.token_hex(4))


def token_hash(raw: str) -> str:
    """What the store keeps of a token: 256 random bits need no slow hash."""
    return hashlib.sha256(raw.encode()).hexdigest()


def csrf_token(raw: str) -> str:
    """A session's CSRF token: derived from its secret, so nothing more is stored, and useless
    without the session cookie another site cannot read."""
    return hmac.new(raw.encode(), b"dossier csrf", hashlib.sha256).hexdigest()


def same(given: str | None, expected: str | None) -> bool:
    return bool(given and expected) and hmac.compare_digest(str(given), str(expected))


# -- sessions ------------------------------------------------------------------------------------

def when(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


def ended(found: Credential, now: datetime, settings: Settings) -> str | None:
    """Why this session or token no longer counts (idle, expired), or None."""
    if now >= when(found.expires_at):
        return "expired"
    idle = now - when(found.last_seen_at)
    if found.kind == SESSION and idle > timedelta(minutes=settings.session_idle_minutes):
        return "idle"
    return None


def session_expiry(now: datetime, settings: Settings) -> datetime:
    return now + timedelta(hours=settings.session_hours)


def stale(found: Credential, now: datetime, settings: Settings) -> bool:
    """Whether its last use should be written now."""
    return now - when(found.last_seen_at) > timedelta(seconds=settings.session_touch_seconds)


# -- passwords and lockout ------------------------------------------------------------------------

@cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()


@cache
def _decoy() -> str:
    """A hash to check an unknown name's password against: a refusal takes as long whether the
    name exists or not."""
    return _hasher().hash(secrets.token_urlsafe(16))


def name_problem(name: str) -> str | None:
    """Why this cannot be a user's name, or None."""
    if not name or len(name) > MAX_NAME_CHARS or not name.isprintable() or name != name.strip():
        return f"a user name is 1 to {MAX_NAME_CHARS} printable characters"
    return None


def clearance_problem(role: str, cleared: bool) -> str | None:
    """Why this user cannot be cleared for confidential material, or None."""
    if cleared and not at_least(role, "analyst"):
        return "a viewer is never cleared for confidential material: give them the role " \
               "analyst or admin"
    return None


def password_problem(password: str) -> str | None:
    """Why this cannot be a password, or None."""
    if len(password) < MIN_PASSWORD_CHARS:
        return f"a password needs at least {MIN_PASSWORD_CHARS} characters"
    if len(password) > MAX_PASSWORD_CHARS:
        return f"a password has at most {MAX_PASSWORD_CHARS} characters"
    return None


def hashed(password: str) -> str:
    return _hasher().hash(password)


def password_matches(user: UserRow | None, password: str) -> bool:
    try:
        return _hasher().verify(user.password_hash if user else _decoy(), password) and (
            user is not None)
    except (VerificationError, InvalidHashError):
        return False


def lockout_window(now: datetime, settings: Settings) -> datetime:
    return now - timedelta(minutes=settings.login_lockout_minutes)


def locked(failures: list[str], settings: Settings) -> bool:
    """Whether the failures within the lockout window lock the user out."""
    return len(failures) >= settings.login_lockout_failures


class Throttle:
    """Sign-in attempts per client address in the last minute (in memory: a restart forgets,
    and the per-user lockout, kept in the case, still holds)."""

    MAX_ADDRESSES = 10_000  # past this many, the oldest are forgotten

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self.attempts: dict[str, deque[float]] = {}

    def retry_after(self, address: str, now: float | None = None) -> int:
        """0 if `address` may try now (the attempt is counted), else seconds to wait."""
        now = time.monotonic() if now is None else now
        recent = self.attempts.setdefault(address, deque())
        while recent and now - recent[0] >= 60:
            recent.popleft()
        if len(recent) >= self.per_minute:
            return max(1, int(60 - (now - recent[0])) + 1)
        recent.append(now)
        if len(self.attempts) > self.MAX_ADDRESSES:
            for key in list(self.attempts)[:len(self.attempts) - self.MAX_ADDRESSES]:
                del self.attempts[key]
        return 0


def safe_next(target: str | None) -> str:
    """Where to go after signing in: a path of this site only (never //host or a URL)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target
