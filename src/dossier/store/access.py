"""Who may use a shared case, as stored: users (0019, 0020), their sessions and API tokens, and
failed sign-ins. Only hashes are kept: Argon2id for passwords, SHA-256 for the random tokens.
Every change is written with its custody-log entry in the same transaction (who, what, when;
never a password or a token). The rules (roles, timeouts, lockout) are in web/access.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from ..custody import Action
from . import schema


@dataclass(frozen=True, slots=True)
class UserRow:
    name: str
    role: str  # viewer | analyst | admin
    password_hash: str
    created_at: str
    changed_at: str
    cleared: bool  # for confidential material (an admin's decision)


@dataclass(frozen=True, slots=True)
class Credential:
    """A session or an API token, with its user's role and clearance as they are now."""

    id: str
    user: str
    kind: str  # session | token
    scope: str | None  # a token's: read | judge
    label: str | None
    created_at: str
    last_seen_at: str
    expires_at: str
    role: str
    cleared: bool


SESSION = "session"
TOKEN = "token"


def _user(r: Any) -> UserRow:
    return UserRow(r.name, r.role, r.password_hash, r.created_at, r.changed_at, bool(r.cleared))


class AccessViews:
    engine: Engine

    def users(self) -> list[UserRow]:
        u = schema.users
        with self.engine.connect() as conn:
            return [_user(r) for r in conn.execute(select(u).order_by(u.c.name))]

    def user(self, name: str) -> UserRow | None:
        u = schema.users
        with self.engine.connect() as conn:
            row = conn.execute(select(u).where(u.c.name == name)).first()
        return _user(row) if row else None

    def has_users(self) -> bool:
        with self.engine.connect() as conn:
            return conn.scalar(select(schema.users.c.name).limit(1)) is not None

    def credential(self, token_hash: str) -> Credential | None:
        """The session or token with this hash, joined to its user."""
        found = self._credentials(schema.sessions.c.token_hash == token_hash)
        return found[0] if found else None

    def credentials(self, user: str | None = None, kind: str | None = None
                    ) -> list[Credential]:
        """Sessions and tokens (of one user, of one kind), oldest first."""
        s = schema.sessions
        where = [c for c in (s.c.user_name == user if user is not None else None,
                             s.c.kind == kind if kind is not None else None) if c is not None]
        return self._credentials(*where)

    def _credentials(self, *where: Any) -> list[Credential]:
        s, u = schema.sessions, schema.users
        query = (select(s, u.c.role, u.c.cleared).join(u, u.c.name == s.c.user_name)
                 .where(*where).order_by(s.c.created_at, s.c.id))
        with self.engine.connect() as conn:
            return [Credential(r.id, r.user_name, r.kind, r.scope, r.label, r.created_at,
                               r.last_seen_at, r.expires_at, r.role, bool(r.cleared))
                    for r in conn.execute(query)]

    def login_failures(self, user: str, since: str) -> list[str]:
        """When this user's sign-in failed since `since` (ISO time), oldest first."""
        f = schema.login_failures
        with self.engine.connect() as conn:
            return list(conn.scalars(select(f.c.at).where(f.c.user_name == user, f.c.at >= since)
                                     .order_by(f.c.at)))


class AccessWrites:
    conn: Connection

    def log(self, action: str, sha256: str | None = None, /, **detail: Any) -> None:
        raise NotImplementedError  # the Transaction's

    # -- users ---------------------------------------------------------------------------------

    def add_user(self, name: str, role: str, password_hash: str, cleared: bool, at: str,
                 by: str) -> None:
        self.conn.execute(insert(schema.users).values(
            name=name, role=role, password_hash=password_hash, cleared=cleared, created_at=at,
            changed_at=at))
        self.log(Action.USER, None, user=name, role=role, cleared=cleared, change="added", by=by)

    def set_password(self, name: str, password_hash: str, at: str, by: str) -> int:
        """A new password; every session of the user ends (their tokens stay). How many
        sessions ended."""
        u = schema.users
        self.conn.execute(update(u).where(u.c.name == name).values(
            password_hash=password_hash, changed_at=at))
        ended = self._end_all(name, SESSION)
        self.log(Action.USER, None, user=name, change="password", sessions_ended=ended, by=by)
        return ended

    def set_access(self, name: str, role: str, cleared: bool, at: str, by: str) -> None:
        """A new role or clearance, in force from the user's next request."""
        u = schema.users
        self.conn.execute(update(u).where(u.c.name == name).values(
            role=role, cleared=cleared, changed_at=at))
        self.log(Action.USER, None, user=name, role=role, cleared=cleared, change="access",
                 by=by)

    def remove_user(self, name: str, by: str) -> None:
        """The user, their sessions and tokens gone."""
        ended = self._end_all(name, None)
        self.conn.execute(delete(schema.login_failures).where(
            schema.login_failures.c.user_name == name))
        self.conn.execute(delete(schema.users).where(schema.users.c.name == name))
        self.log(Action.USER, None, user=name, change="removed", credentials_ended=ended, by=by)

    # -- sessions and tokens ----------------------------------------------------------------

    def add_credential(self, token_hash: str, cid: str, user: str, kind: str, at: str,
                       expires_at: str, scope: str | None = None, label: str | None = None,
                       by: str | None = None) -> None:
        """A session (the user signed in: a login entry) or an API token (made by `by`)."""
        self.conn.execute(insert(schema.sessions).values(
            token_hash=token_hash, id=cid, user_name=user, kind=kind, scope=scope, label=label,
            created_at=at, last_seen_at=at, expires_at=expires_at))
        if kind == SESSION:
            self.conn.execute(delete(schema.login_failures).where(
                schema.login_failures.c.user_name == user))
            self.log(Action.LOGIN, None, user=user, outcome="signed in", session=cid)
        else:
            self.log(Action.TOKEN, None, user=user, token=cid, scope=scope, change="made",
                     expires=expires_at, by=by)

    def end_credential(self, cid: str, why: str, by: str) -> bool:
        """End a session (`why`: signed out, idle, expired, ended) or revoke a token; False
        if there was none."""
        s = schema.sessions
        row = self.conn.execute(select(s.c.user_name, s.c.kind).where(s.c.id == cid)).first()
        if row is None:
            return False
        self.conn.execute(delete(s).where(s.c.id == cid))
        if row.kind == SESSION:
            self.log(Action.LOGIN, None, user=row.user_name, outcome=why, session=cid, by=by)
        else:
            self.log(Action.TOKEN, None, user=row.user_name, token=cid, change=why, by=by)
        return True

    def touch_credential(self, cid: str, at: str) -> None:
        """The session or token was used now (no log entry: use is not a change)."""
        s = schema.sessions
        self.conn.execute(update(s).where(s.c.id == cid).values(last_seen_at=at))

    def _end_all(self, user: str, kind: str | None) -> int:
        s = schema.sessions
        where = [s.c.user_name == user, *([s.c.kind == kind] if kind else [])]
        ended = self.conn.scalar(select(func.count()).select_from(s).where(*where)) or 0
        self.conn.execute(delete(s).where(*where))
        return int(ended)

    # -- failed sign-ins ------------------------------------------------------------------------

    def add_login_failure(self, user: str, at: str, older_than: str, outcome: str) -> None:
        """A failed sign-in of a known user (its failures before `older_than` are forgotten);
        `outcome` as the log says it: refused, locked out (this failure locked the account),
        refused while locked out."""
        f = schema.login_failures
        self.conn.execute(delete(f).where(f.c.user_name == user, f.c.at < older_than))
        self.conn.execute(insert(f).values(user_name=user, at=at))
        self.log(Action.LOGIN, None, user=user, outcome=outcome)

