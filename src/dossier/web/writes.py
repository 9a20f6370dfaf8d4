"""The web app's routes that change something: signing in and out, an analyst's judgements,
and an admin's users, sessions, tokens and protections. Each checks the principal's
permission (404 otherwise), a CSRF token (a form's field, or the X-CSRF-Token header; a
request with an API token needs none: no browser sends it by itself) and the request's
Origin, then writes through the store, whose transaction logs it."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from getpass import getuser
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import parse_qs

from fastapi import Depends, FastAPI, Header, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from .. import access
from ..access import ROLES, Permission, Principal
from ..config import Settings
from ..errors import CaseBusyError
from ..models import Judgement, Verdict
from ..protect.people import protection
from ..protect.redaction import hidden_id
from ..store import Case, CaseView
from ..store.access import UserRow
from ..store.writer import utc_now
from .gate import LOGIN_COOKIE, Gate, allowed, clear_cookie, cookie_name, principal_of, set_cookie

MAX_FORM_BYTES = 64 * 1024  # a form here holds a name, a reason, a password: never this much
MAX_REASON_CHARS = 2000


class JudgementIn(BaseModel):
    """An analyst's judgement, as a script sends it."""

    kind: Literal["claim", "mention"]
    a: str = Field(description="a claim ID (kind claim) or a passage's mention ID (kind "
                               "mention)", min_length=1, max_length=80)
    b: str | None = Field(None, description="the other claim (kind claim)", max_length=80)
    verdict: Literal["same", "different", "not-a-claim"] = Field(
        description="same or different (kind claim); not-a-claim (kind mention)")
    reason: str = Field(min_length=1, max_length=MAX_REASON_CHARS)


class Refusal(BaseModel):
    """Why a request was refused: a sentence, or the invalid fields as FastAPI lists them."""

    detail: str | list[dict[str, Any]]


def add_write_routes(app: FastAPI, case_path: Path, view: CaseView, gate: Gate,
                     settings: Settings) -> None:
    render = app.state.render
    judge_ok = [Depends(allowed(Permission.JUDGE))]
    admin_ok = [Depends(allowed(Permission.ADMIN))]

    async def fields_of(request: Request) -> dict[str, str]:
        body = await request.body()
        if len(body) > MAX_FORM_BYTES:
            raise HTTPException(status_code=413, detail="this form is too large")
        try:
            text = body.decode()
        except UnicodeDecodeError:
            raise HTTPException(status_code=422, detail="this form is not UTF-8") from None
        return {k: v[0] for k, v in parse_qs(text).items()}

    def check_csrf(request: Request, given: str | None) -> None:
        who = principal_of(request)
        if who.via == "token":
            return
        origin = request.headers.get("origin")
        if origin and origin != f"{request.url.scheme}://{request.url.netloc}":
            raise HTTPException(status_code=403, detail="a request from another site")
        if not access.same(given, who.csrf):
            raise HTTPException(status_code=403, detail="this form is stale or not ours: "
                                "reload the page and send it again")

    async def posted(request: Request, *needed: str) -> dict[str, str]:
        """A form's fields, its CSRF token checked and the `needed` fields given."""
        fields = await fields_of(request)
        check_csrf(request, fields.get("csrf"))
        for name in needed:
            if not fields.get(name, "").strip():
                raise HTTPException(status_code=422, detail=f"give the {name}")
        if len(fields.get("reason", "")) > MAX_REASON_CHARS:
            raise HTTPException(status_code=422, detail=f"a reason has at most "
                                f"{MAX_REASON_CHARS} characters")
        return fields

    def actor(who: Principal) -> str:
        return f"{who.name or getuser()} (web)"

    def back(fields: dict[str, str], default: str) -> RedirectResponse:
        return RedirectResponse(access.safe_next(fields.get("back") or default), status_code=303)

    # -- signing in and out -----------------------------------------------------------------

    def login_form(request: Request, target: str, error: str | None,
                   status_code: int = 200) -> Response:
        nonce = secrets.token_urlsafe(16)
        response: Response = render(request, "login.html", {
            "next": access.safe_next(target), "nonce": nonce, "error": error}, "Sign in", None,
            status_code)
        set_cookie(response, request, LOGIN_COOKIE, nonce, "/login")
        return response

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request, next: str = "/") -> Response:
        if principal_of(request).role is not None:
            return RedirectResponse(access.safe_next(next), status_code=303)
        return login_form(request, next, None)

    @app.post("/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        address = request.client.host if request.client else "unknown"
        wait = gate.throttle.retry_after(address)
        if wait:
            raise HTTPException(status_code=429, headers={"Retry-After": str(wait)},
                                detail=f"too many sign-in attempts from here: wait {wait} s")
        fields = await fields_of(request)
        if not access.same(fields.get("nonce"), request.cookies.get(LOGIN_COOKIE)):
            return login_form(request, fields.get("next", "/"), "This form was stale: sign "
                              "in again.", 403)
        name, password = fields.get("name", "").strip(), fields.get("password", "")
        token = (await run_in_threadpool(gate.sign_in, name, password)
                 if name and len(password) <= access.MAX_PASSWORD_CHARS else None)
        if token is None:
            return login_form(request, fields.get("next", "/"), "Wrong name or password, or "
                              "too many failed attempts: try again later, or ask an admin.",
                              401)
        response = RedirectResponse(access.safe_next(fields.get("next")), status_code=303)
        set_cookie(response, request, cookie_name(request), token.raw, "/")
        clear_cookie(response, request, LOGIN_COOKIE, "/login")
        return response

    @app.post("/logout", include_in_schema=False,
              dependencies=[Depends(allowed(Permission.READ))])
    async def logout(request: Request) -> Response:
        await posted(request)
        await run_in_threadpool(gate.sign_out, principal_of(request))
        response = RedirectResponse("/login", status_code=303)
        clear_cookie(response, request, cookie_name(request), "/")
        return response

    # -- judgements ------------------------------------------------------------------------

    def record(judgement: Judgement) -> None:
        """Record and apply a judgement as `dossier judge` does, holding the case as a build
        would (a build running now: 409, try again)."""
        from .. import pipeline  # the corroboration stage loads only when someone judges

        try:
            with Case.open(case_path) as writable:
                writable.lock_for_build(settings.lock_wait_seconds)
                pipeline.judge_claims(writable, judgement, settings)
        except CaseBusyError as exc:
            raise HTTPException(status_code=409, detail=str(exc)) from None

    def judge(who: Principal, kind: str, a: str, b: str | None, verdict: str,
              reason: str) -> str:
        """Check and record a judgement; the claim its first passage is in now."""
        reason = reason.strip()
        if not reason:
            raise HTTPException(status_code=422, detail="give a reason")
        if kind == "mention":
            if verdict != "not-a-claim":
                raise HTTPException(status_code=422, detail="a passage is judged not-a-claim")
            held_in = view.claim_holding(a)
            if held_in is None:
                raise HTTPException(status_code=404, detail=f"there is no passage {a} in a "
                                    "claim of this case")
            # where the reader goes next: the claim its other passages are in then
            found = view.claims([held_in], with_evidence=False)
            others = [m for m in (found[0].claim.mentions if found else ()) if m != a]
            record(Judgement("mention", a, "", Verdict.NOT_A_CLAIM, actor(who), utc_now(),
                             reason))
            return (view.claim_holding(others[0]) or "") if others else ""
        if verdict not in ("same", "different"):
            raise HTTPException(status_code=422, detail="two claims are the same or different")
        if not b or a == b:
            raise HTTPException(status_code=422, detail="name another claim")
        anchors = [view.claim_anchor(x) for x in (a, b)]
        for cid, anchor in zip((a, b), anchors, strict=True):
            if anchor is None:
                raise HTTPException(status_code=404,
                                    detail=f"there is no claim {cid} in this case")
        first, second = sorted(x or "" for x in anchors)
        record(Judgement("claim", first, second, Verdict(verdict), actor(who), utc_now(),
                         reason))
        return view.claim_holding(anchors[0] or "") or ""

    @app.post("/claims/{cid}/judge", include_in_schema=False, dependencies=judge_ok)
    async def judge_claim_form(request: Request, cid: str) -> Response:
        fields = await posted(request, "other", "verdict", "reason")
        now = await run_in_threadpool(judge, principal_of(request), "claim", cid,
                                      fields["other"].strip(), fields["verdict"],
                                      fields["reason"])
        return RedirectResponse(f"/claims/{now or cid}", status_code=303)

    @app.post("/mentions/{mid}/judge", include_in_schema=False, dependencies=judge_ok)
    async def judge_mention_form(request: Request, mid: str) -> Response:
        fields = await posted(request, "reason")
        now = await run_in_threadpool(judge, principal_of(request), "mention", mid, None,
                                      "not-a-claim", fields["reason"])
        return RedirectResponse(f"/claims/{now}" if now else "/claims", status_code=303)

    @app.post("/api/judgements", tags=["judgements"], dependencies=judge_ok,
              responses={400: {"description": "the body is not JSON"},
                         403: {"description": "a browser's session without its CSRF token"},
                         404: {"description": "no such claim or passage"},
                         409: {"description": "a build holds the case: try again"},
                         422: {"model": Refusal, "description": "not a judgement: the "
                               "invalid fields, or why it cannot be recorded"}})
    def api_judge(request: Request, judgement: JudgementIn,
                  x_csrf_token: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        """Record an analyst's judgement, as `dossier judge claim|mention` does, and apply it
        (the claims are grouped again). Needs an analyst, or an API token of scope judge; a
        browser's session sends its CSRF token as X-CSRF-Token."""
        check_csrf(request, x_csrf_token)
        now = judge(principal_of(request), judgement.kind, judgement.a, judgement.b,
                    judgement.verdict, judgement.reason)
        return {"recorded": judgement.model_dump(), "claim": now or None}

    # -- administration --------------------------------------------------------------------

    def admin_data(who: Principal) -> dict[str, Any]:
        now = datetime.now(UTC)
        window = access.lockout_window(now, settings).isoformat()
        credentials = view.credentials()
        return {
            "users": [{"name": u.name, "role": u.role, "cleared": u.cleared,
                       "added": u.created_at, "changed": u.changed_at,
                       "locked": access.locked(view.login_failures(u.name, window), settings),
                       "sessions": sum(c.user == u.name and c.kind == "session"
                                       for c in credentials)}
                      for u in view.users()],
            "credentials": [{"id": c.id, "user": c.user, "kind": c.kind, "scope": c.scope,
                             "label": c.label, "created": c.created_at,
                             "last_used": c.last_seen_at, "expires": c.expires_at}
                            for c in credentials],
            "protections": [{"code": p.code, "pseudonym": p.pseudonym, "reason": p.reason,
                             "by": p.analyst, "at": p.at,
                             **({"names": list(p.names)} if who.cleared else {})}
                            for p in view.protected_people()],
            "roles": list(ROLES), "unlocked": gate.unlocked}

    @app.get("/api/admin", tags=["admin"], dependencies=admin_ok,
             responses={404: {"description": "not for anyone but an admin"}})
    def api_admin(request: Request) -> dict[str, Any]:
        """Users (role, clearance, locked out, sessions), live sessions and API tokens (never
        a token), and protections (the names only for a cleared admin). Admins only."""
        shown: dict[str, Any] = app.state.shown(request, admin_data(principal_of(request)))
        return shown

    @app.get("/admin", response_class=HTMLResponse, include_in_schema=False,
             dependencies=admin_ok)
    def admin_page(request: Request) -> Response:
        response: Response = render(request, "admin.html", admin_data(principal_of(request)),
                                    "Administration", "/api/admin")
        return response

    def user_or_404(name: str) -> UserRow:
        found = view.user(name)
        if found is None:
            raise HTTPException(status_code=404, detail=f"there is no user {name} in this case")
        return found

    def keeps_an_admin(name: str, role: str | None) -> None:
        """The web UI never removes or demotes its last admin (the command line still can)."""
        admins = [u.name for u in view.users() if u.role == "admin"]
        if admins == [name] and role != "admin":
            raise HTTPException(status_code=422, detail="this is the last admin: make another "
                                "admin first")

    def role_of(fields: dict[str, str]) -> tuple[str, bool]:
        role = fields.get("role", "")
        if role not in ROLES:
            raise HTTPException(status_code=422, detail=f"a role is one of {', '.join(ROLES)}")
        cleared = fields.get("cleared") == "on"
        problem = access.clearance_problem(role, cleared)
        if problem:
            raise HTTPException(status_code=422, detail=problem)
        return role, cleared

    def password_of(fields: dict[str, str]) -> str:
        problem = access.password_problem(fields.get("password", ""))
        if problem:
            raise HTTPException(status_code=422, detail=problem)
        return fields["password"]

    @app.post("/admin/users", include_in_schema=False, dependencies=admin_ok)
    async def add_user(request: Request) -> Response:
        fields = await posted(request, "name", "role", "password")
        name = fields["name"].strip()
        problem = access.name_problem(name)
        if problem:
            raise HTTPException(status_code=422, detail=problem)
        if view.user(name) is not None:
            raise HTTPException(status_code=422, detail=f"{name} is a user already")
        role, cleared = role_of(fields)
        hashed = await run_in_threadpool(access.hashed, password_of(fields))
        with gate.case.writer.transaction() as tx:
            tx.add_user(name, role, hashed, cleared, utc_now(), actor(principal_of(request)))
        return RedirectResponse("/admin", status_code=303)

    @app.post("/admin/users/{name}/access", include_in_schema=False, dependencies=admin_ok)
    async def set_access(request: Request, name: str) -> Response:
        fields = await posted(request, "role")
        user_or_404(name)
        role, cleared = role_of(fields)
        keeps_an_admin(name, role)
        with gate.case.writer.transaction() as tx:
            tx.set_access(name, role, cleared, utc_now(), actor(principal_of(request)))
        return RedirectResponse("/admin", status_code=303)

    @app.post("/admin/users/{name}/password", include_in_schema=False, dependencies=admin_ok)
    async def set_password(request: Request, name: str) -> Response:
        fields = await posted(request, "password")
        user_or_404(name)
        hashed = await run_in_threadpool(access.hashed, password_of(fields))
        with gate.case.writer.transaction() as tx:
            tx.set_password(name, hashed, utc_now(), actor(principal_of(request)))
        return RedirectResponse("/admin", status_code=303)

    @app.post("/admin/users/{name}/remove", include_in_schema=False, dependencies=admin_ok)
    async def remove_user(request: Request, name: str) -> Response:
        await posted(request)
        user_or_404(name)
        keeps_an_admin(name, None)
        with gate.case.writer.transaction() as tx:
            tx.remove_user(name, actor(principal_of(request)))
        return RedirectResponse("/admin", status_code=303)

    @app.post("/admin/credentials/{cid}/end", include_in_schema=False, dependencies=admin_ok)
    async def end_credential(request: Request, cid: str) -> Response:
        await posted(request)
        with gate.case.writer.transaction() as tx:
            if not tx.end_credential(cid, "ended by an admin", actor(principal_of(request))):
                raise HTTPException(status_code=404, detail=f"there is no session or token "
                                    f"{cid} in this case")
        return RedirectResponse("/admin", status_code=303)

    @app.post("/entities/{eid}/protect", include_in_schema=False, dependencies=admin_ok)
    async def protect_entity(request: Request, eid: str) -> Response:
        fields = await posted(request, "reason")
        found = view.entities([eid])
        if not found:
            raise HTTPException(status_code=404, detail=f"there is no entity {eid} in this "
                                "case")
        people = view.protected_people()
        person = protection(found[0].name, view.entities(), {p.code for p in people},
                            actor(principal_of(request)), fields["reason"].strip(), utc_now())
        with gate.case.writer.transaction() as tx:
            tx.protect(person)
        # their page, now under the ID everyone without clearance knows them by
        shown = eid if principal_of(request).cleared else hidden_id(person.code)
        return RedirectResponse(f"/entities/{shown}", status_code=303)

    @app.post("/protection/{code}/lift", include_in_schema=False, dependencies=admin_ok)
    async def lift_protection(request: Request, code: str) -> Response:
        fields = await posted(request, "reason")
        if not any(p.code == code for p in view.protected_people()):
            raise HTTPException(status_code=404, detail=f"there is no protection {code} in "
                                "this case")
        with gate.case.writer.transaction() as tx:
            tx.unprotect(code, actor(principal_of(request)))
        return back(fields, "/admin")
