"""The door of the web app: who makes each request (a session cookie, an API token, the
analyst at this machine, or nobody), signing in and out, and the log of what a cleared
principal saw. The rules are `dossier.access`'s; the sessions are kept in the case."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from getpass import getuser
from urllib.parse import quote

from fastapi import HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from .. import access
from ..access import ANONYMOUS, Permission, Principal
from ..config import Settings
from ..custody import Action
from ..store import Case
from ..store.access import SESSION, TOKEN

COOKIE = "dossier_session"
SECURE_COOKIE = "__Host-dossier_session"  # over TLS: only ever set by this host, path /
LOGIN_COOKIE = "dossier_login"  # the sign-in form's own CSRF nonce (there is no session yet)
PUBLIC = ("/login", "/static/")  # what anyone may reach


def principal_of(request: Request) -> Principal:
    found = getattr(request.state, "principal", ANONYMOUS)
    assert isinstance(found, Principal)
    return found


def allowed(permission: Permission) -> Callable[[Request], Principal]:
    """A route's dependency: the principal, if they may; else 404, as if it did not exist."""
    def check(request: Request) -> Principal:
        who = principal_of(request)
        if not who.may(permission):
            raise HTTPException(status_code=404, detail="Not Found")
        return who
    return check


def over_tls(request: Request) -> bool:
    return request.url.scheme == "https"


def cookie_name(request: Request) -> str:
    return SECURE_COOKIE if over_tls(request) else COOKIE


def set_cookie(response: Response, request: Request, name: str, value: str, path: str) -> None:
    """HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Secure
    behind TLS; a browser session's cookie (no expiry: it goes when the browser closes)."""
    response.set_cookie(name, value, httponly=True, samesite="strict", secure=over_tls(request),
                        path=path)


def clear_cookie(response: Response, request: Request, name: str, path: str) -> None:
    """Tell the browser to forget a cookie, with the attributes it was set with: a browser
    ignores a __Host- cookie without Secure, even one that only removes it."""
    response.delete_cookie(name, httponly=True, samesite="strict", secure=over_tls(request),
                           path=path)


class Gate:
    def __init__(self, case: Case, unlocked: bool, settings: Settings, loopback: bool) -> None:
        self.case = case
        self.view = case.view
        self.unlocked = unlocked
        self.settings = settings
        self.loopback = loopback  # a case without users is served to its own analyst
        self.local_csrf = secrets.token_urlsafe(32)
        self.throttle = access.Throttle(settings.login_attempts_per_minute)

    async def admit(self, request: Request,
                    call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        who = await run_in_threadpool(self.identify, request)
        request.state.principal = who
        path = request.url.path
        if who.role is None and not (path == PUBLIC[0] or path.startswith(PUBLIC[1])):
            return refused(request)
        return await call_next(request)

    def identify(self, request: Request) -> Principal:
        """Who sends this request: a live session or token ends here when it is idle or old."""
        header = request.headers.get("authorization", "")
        bearer = header[:7].lower() == "bearer "
        raw = header[7:].strip() if bearer else request.cookies.get(cookie_name(request), "")
        if raw:
            found = self.view.credential(access.token_hash(raw))
            if found is not None and (found.kind == TOKEN) == bearer:
                now = datetime.now(UTC)
                why = access.ended(found, now, self.settings)
                if why is None:
                    if access.stale(found, now, self.settings):
                        with self.case.writer.transaction() as tx:
                            tx.touch_credential(found.id, now.isoformat())
                    return access.of_credential(found, raw, self.unlocked)
                with self.case.writer.transaction() as tx:
                    tx.end_credential(found.id, why, "dossier")
        if self.loopback and not self.view.has_users():
            return access.local(self.unlocked, self.local_csrf)
        return ANONYMOUS

    def sign_in(self, name: str, password: str) -> access.NewToken | None:
        """A new session for the user, or None (a wrong name or password, or locked out: the
        caller cannot tell which). Every attempt is logged; an unknown name is not."""
        settings = self.settings
        user = self.view.user(name) if name else None
        now = datetime.now(UTC)
        window = access.lockout_window(now, settings).isoformat()
        failures = self.view.login_failures(name, window) if user else []
        was_locked = access.locked(failures, settings)
        matches = access.password_matches(user, password)  # checked even when locked: timing
        with self.case.writer.transaction() as tx:
            if user is None:
                # never the name: it may be a password typed in the wrong field
                tx.log(Action.LOGIN, None, user=None, outcome="refused: no such user")
                return None
            if matches and not was_locked:
                token = access.new_token()
                tx.add_credential(token.hash, token.id, user.name, SESSION, now.isoformat(),
                                  access.session_expiry(now, settings).isoformat())
                return token
            outcome = ("refused while locked out" if was_locked else "locked out"
                       if access.locked([*failures, now.isoformat()], settings) else "refused")
            tx.add_login_failure(user.name, now.isoformat(), window, outcome)
        return None

    def sign_out(self, who: Principal) -> None:
        if who.via == SESSION and who.credential:
            with self.case.writer.transaction() as tx:
                tx.end_credential(who.credential, "signed out", who.name or "")

    def revealed(self, request: Request) -> None:
        """A cleared principal was shown protected or confidential material: who and where
        (never what)."""
        who = principal_of(request)
        with self.case.writer.transaction() as tx:
            tx.log(Action.REVEAL, None, what=f"web {request.url.path}",
                   analyst=who.name or getuser(), via=who.via)


def refused(request: Request) -> Response:
    """Not signed in: a page sends the browser to sign in; the API and files answer 401."""
    path = request.url.path
    if request.method == "GET" and not (path.startswith("/api/") or path == "/openapi.json"
                                        or path == "/report" or path.endswith("/original")):
        target = path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
    return JSONResponse({"detail": "sign in first: a session, or an API token sent as "
                                   "Authorization: Bearer …"}, status_code=401,
                        headers={"WWW-Authenticate": "Bearer"})
