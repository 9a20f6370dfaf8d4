"""Who may do what on a shared case, through the real web app (FastAPI's TestClient) over a
copy of the demo case with users: every route against every kind of principal (the table
below), what an anonymous visitor gets, protected people per role and clearance, sessions
(cookies, hashes, sign-out, timeouts), CSRF, lockout and the per-address throttle, API tokens
and role changes. The rules are in dossier.access; the gate in dossier.web.gate."""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote

import pytest
from click.testing import CliRunner, Result
from conftest import Dossier
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.routing import Mount, Route

from dossier import access
from dossier.cli import DEMO_PROTECTED, main
from dossier.config import Settings
from dossier.protect import fold
from dossier.store import Case
from dossier.web import create_app

PASSWORD = "four unrelated words here"
USERS = {  # name: (role, cleared)
    "adam": ("admin", False),
    "ada": ("admin", True),
    "anna": ("analyst", False),
    "clara": ("analyst", True),
    "vera": ("viewer", False),
    "omar": ("viewer", False),  # removed by the table's admin
}
NO_CLAIM = "claim-0000000000000000"
FOREIGN = "https://evil.example"
ROOMY = Settings(login_attempts_per_minute=1000)  # for tests that sign in more than 10 times

# -- the routes and the principals -------------------------------------------------------------
#
# What each principal gets from each route, on a server unlocked with the passphrase:
#   anon     nobody signed in
#   viewer   vera's session; analyst: anna's (not cleared); cleared: clara's (an analyst
#            cleared for confidential material); admin: adam's (not cleared)
#   read     an API token of anna's with scope read; judge: one with scope judge
# A cell is the status, or:
#   in    303 to the sign-in page
#   404   refused by the role: 404 "Not Found", as if the route did not exist
#   no    404 from the route itself ("there is no …"): the role check let it through
#   held  404: the original names a protected person and is withheld from the uncleared
# The requests (REQUESTS below) are valid but for the principal where they can be and harmless
# where they get through (an unknown other claim, an empty reason); the admin's changes are
# real (a user added, another removed, a token revoked, a person protected, one lifted).
# POST /logout is last: it ends the sessions.

PRINCIPALS = ("anon", "viewer", "analyst", "cleared", "admin", "read", "judge")
TABLE: dict[str, str] = {
    # route                                anon viewer analyst cleared admin read judge
    "GET /openapi.json":                  "401  200    200     200     200   200  200",
    "GET /api/overview":                  "401  200    200     200     200   200  200",
    "GET /":                              "in   200    200     200     200   200  200",
    "GET /api/documents":                 "401  200    200     200     200   200  200",
    "GET /documents":                     "in   200    200     200     200   200  200",
    "GET /api/rejected":                  "401  200    200     200     200   200  200",
    "GET /rejected":                      "in   200    200     200     200   200  200",
    "GET /api/testimonies":               "401  200    200     200     200   200  200",
    "GET /testimonies":                   "in   200    200     200     200   200  200",
    "GET /api/entities":                  "401  200    200     200     200   200  200",
    "GET /entities":                      "in   200    200     200     200   200  200",
    "GET /api/claims":                    "401  200    200     200     200   200  200",
    "GET /claims":                        "in   200    200     200     200   200  200",
    "GET /api/claims/{cid}":              "401  200    200     200     200   200  200",
    "GET /claims/{cid}":                  "in   200    200     200     200   200  200",
    "GET /api/documents/{did}":           "401  200    200     200     200   200  200",
    "GET /documents/{did}":               "in   200    200     200     200   200  200",
    "GET /api/entities/{eid}":            "401  200    200     200     200   200  200",
    "GET /entities/{eid}":                "in   200    200     200     200   200  200",
    "GET /api/timeline":                  "401  200    200     200     200   200  200",
    "GET /timeline":                      "in   200    200     200     200   200  200",
    "GET /api/search":                    "401  200    200     200     200   200  200",
    "GET /search":                        "in   200    200     200     200   200  200",
    "GET /documents/{did}/original":      "401  held   held    200     held  held held",
    "GET /report":                        "401  200    200     200     200   200  200",
    "GET /login":                         "200  303    303     303     303   303  303",
    "POST /login":                        "401  401    401     401     401   401  401",
    "POST /claims/{cid}/judge":           "401  404    no      no      no    404  no",
    "POST /mentions/{mid}/judge":         "401  404    422     422     422   404  422",
    "POST /api/judgements":               "401  404    no      no      no    404  no",
    "GET /api/admin":                     "401  404    404     404     200   404  404",
    "GET /admin":                         "in   404    404     404     200   404  404",
    "POST /admin/users":                  "401  404    404     404     303   404  404",
    "POST /admin/users/{name}/access":    "401  404    404     404     303   404  404",
    "POST /admin/users/{name}/password":  "401  404    404     404     303   404  404",
    "POST /admin/users/{name}/remove":    "401  404    404     404     303   404  404",
    "POST /admin/credentials/{cid}/end":  "401  404    404     404     303   404  404",
    "POST /entities/{eid}/protect":       "401  404    404     404     303   404  404",
    "POST /protection/{code}/lift":       "401  404    404     404     303   404  404",
    "POST /logout":                       "401  303    303     303     303   303  303",
}


@dataclass(frozen=True)
class Call:
    """A request: its URL ({cid}, {did}, {eid}, {mid}, {code}, {spare} filled in from the case),
    a form (a session's CSRF token added) or JSON (its CSRF header added), cookies."""

    url: str
    form: dict[str, str] | None = None
    json: dict[str, Any] | None = None
    cookies: dict[str, str] = field(default_factory=dict)


REASON = "the access table's reason"
REQUESTS: dict[str, Call] = {  # the routes not asked as a plain GET of their path
    "GET /api/search": Call("/api/search?q=argun"),
    "GET /search": Call("/search?q=argun"),
    "POST /login": Call("/login", form={"name": "nobody here", "password": "not a password",
                                       "nonce": "n", "next": "/"},
                        cookies={"dossier_login": "n"}),
    "POST /claims/{cid}/judge": Call("/claims/{cid}/judge", form={
        "other": NO_CLAIM, "verdict": "same", "reason": REASON}),
    "POST /mentions/{mid}/judge": Call("/mentions/{mid}/judge", form={"reason": " "}),
    "POST /api/judgements": Call("/api/judgements", json={
        "kind": "claim", "a": "{cid}", "b": NO_CLAIM, "verdict": "same", "reason": REASON}),
    "POST /admin/users": Call("/admin/users", form={"name": "nina", "role": "viewer",
                                                    "password": PASSWORD}),
    "POST /admin/users/{name}/access": Call("/admin/users/vera/access", form={"role": "viewer"}),
    "POST /admin/users/{name}/password": Call("/admin/users/omar/password",
                                              form={"password": PASSWORD}),
    "POST /admin/users/{name}/remove": Call("/admin/users/omar/remove", form={}),
    "POST /admin/credentials/{cid}/end": Call("/admin/credentials/{spare}/end", form={}),
    "POST /entities/{eid}/protect": Call("/entities/{eid}/protect", form={"reason": REASON}),
    "POST /protection/{code}/lift": Call("/protection/{code}/lift", form={"reason": REASON}),
    "POST /logout": Call("/logout", form={}),
}


def call_of(route: str, ids: dict[str, str]) -> Call:
    """The request the table makes of `route`, with the case's IDs."""
    found = REQUESTS.get(route) or Call(route.split(" ", 1)[1])
    body = (json.loads(json.dumps(found.json).replace("{cid}", ids["cid"]))
            if found.json is not None else None)
    return Call(found.url.format(**ids), found.form, body, found.cookies)


def routes_of(app: FastAPI) -> set[str]:
    """Every route of the app as METHOD path (HEAD goes with GET; the static files apart)."""
    found: set[str] = set()
    for route in app.routes:
        if isinstance(route, Mount):
            assert route.path == "/static", route.path  # a new mount needs the table too
            continue
        assert isinstance(route, Route), route
        found |= {f"{method} {route.path}" for method in route.methods or () if method != "HEAD"}
    return found


# -- principals and requests ----------------------------------------------------------------

class Reply(Protocol):
    """What the tests read of a response (the TestClient's: httpx's or httpx2's)."""

    @property
    def status_code(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def content(self) -> bytes: ...
    @property
    def headers(self) -> Any: ...  # get, get_list, []
    def json(self) -> Any: ...


@dataclass(frozen=True)
class Who:
    """A principal's credential, sent with each request by hand (the client's own cookie jar
    emptied first), so one client serves them all."""

    session: str | None = None  # a session's raw token (the cookie)
    token: str | None = None  # an API token
    cookie: str = "dossier_session"

    @property
    def csrf(self) -> str | None:
        return access.csrf_token(self.session) if self.session else None


ANON = Who()


def send(client: TestClient, who: Who, method: str, call: Call,
         headers: dict[str, str] | None = None, csrf: bool = True) -> Reply:
    """`call` as `who` makes it (with their CSRF token, unless `csrf` is False)."""
    client.cookies.clear()
    cookies = {**({who.cookie: who.session} if who.session else {}), **call.cookies}
    sent: dict[str, str] = {}
    if cookies:
        sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    if who.token:
        sent["Authorization"] = f"Bearer {who.token}"
    form = call.form
    if form is not None and who.csrf and csrf:
        form = {**form, "csrf": who.csrf}
    if call.json is not None and who.csrf and csrf:
        sent["X-CSRF-Token"] = who.csrf
    return client.request(method, call.url, data=form, json=call.json,
                          headers={**sent, **(headers or {})}, follow_redirects=False)


def get(client: TestClient, who: Who, url: str) -> Reply:
    return send(client, who, "GET", Call(url))


def sign_in(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """A new session of `name` through the sign-in form, as a browser sends it: its raw
    token (the cookie, left in the client's jar)."""
    client.cookies.clear()
    form = client.get("/login")
    nonce = re.search(r'name="nonce" value="([^"]+)"', form.text)
    assert form.status_code == 200 and nonce, form.text
    done = client.post("/login", data={"name": name, "password": password,
                                       "nonce": nonce.group(1), "next": "/"},
                       follow_redirects=False)
    assert done.status_code == 303, done.text
    https = client.base_url.scheme == "https"
    raw = client.cookies.get("__Host-dossier_session" if https else "dossier_session")
    assert raw
    return raw


def session(client: TestClient, name: str) -> Who:
    return Who(session=sign_in(client, name))


def detail(response: Reply) -> str:
    """An error's detail: the JSON's, or the error page's paragraph under its heading."""
    if response.headers.get("content-type", "").startswith("application/json"):
        found = response.json().get("detail")
        return found if isinstance(found, str) else json.dumps(found)
    shown = re.search(r"<h1>[^<]*</h1>\s*<p>([^<]*)</p>", response.text)
    return shown.group(1) if shown else ""


def login_error(response: Reply) -> str:
    """The sign-in form's message, when it refused."""
    shown = re.search(r'<p class="error" role="alert">([^<]*)</p>', response.text)
    return shown.group(1) if shown else ""


def mismatch(response: Reply, code: str) -> str | None:
    """How `response` differs from a table cell, or None."""
    status, why = response.status_code, detail(response)
    expected = {"in": 303, "404": 404, "no": 404, "held": 404}.get(code) or int(code)
    if status != expected:
        return f"{status} {why[:80]!r}"
    if code == "in" and not response.headers["location"].startswith("/login?next="):
        return f"303 to {response.headers['location']}"
    if code == "404" and why != "Not Found":
        return f"404 {why!r}: not the role's refusal"
    if code == "no" and not why.startswith("there is no"):
        return f"404 {why!r}: not the route's own"
    if code == "held" and "withheld" not in why:
        return f"404 {why!r}: not withheld"
    return None


# -- the case --------------------------------------------------------------------------------

def run(case: Path, *args: str, password: str | None = None) -> Result:
    return CliRunner().invoke(main, [*args, "--case", str(case)], input=password,
                              catch_exceptions=False)


def staff(demo_case: Path, folder: Path, *names: str) -> Dossier:
    """A copy of the demo case with these users (USERS), all with PASSWORD; its file's name
    says what it holds, as a team's would (an outsider must not read even that)."""
    case = folder / "chechnya-witnesses.db"
    shutil.copy(demo_case, case)
    for name in names:
        role, cleared = USERS[name]
        added = run(case, "user", "add", name, "--role", role,
                    *(["--cleared"] if cleared else []), "--password-stdin", password=PASSWORD)
        assert added.exit_code == 0, added.output
    return Dossier(case)


def new_token(dossier: Dossier, name: str, scope: str, label: str = "a script") -> str:
    made = run(dossier.case, "token", "add", name, "--scope", scope, "--label", label)
    assert made.exit_code == 0, made.output
    return made.stdout.strip()


def logged(dossier: Dossier, action: str) -> list[dict[str, Any]]:
    return [json.loads(d) for (d,) in dossier.sql(
        "SELECT detail FROM custody_log WHERE action = ? ORDER BY seq", action)]


def file_bytes(case: Path) -> bytes:
    """The case as it lies on disk: the file and its write-ahead log."""
    wal = case.with_name(case.name + "-wal")
    return case.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def iso(delta: timedelta) -> str:
    return (datetime.now(UTC) + delta).isoformat()


@pytest.fixture(scope="module")
def shared(demo_case: Path, tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    """The case most tests share: they add sessions and tokens; a user changed for a test is
    put back (the tests that change users for good have a case of their own)."""
    return staff(demo_case, tmp_path_factory.mktemp("access"), "adam", "ada", "anna", "clara",
                 "vera")


@pytest.fixture(scope="module")
def ids(shared: Dossier) -> dict[str, str]:
    """The demo case's IDs the requests use, found through the API as its admin: the top
    claim and its first passage, the document whose original names the protected witness
    (withheld from the uncleared), an entity nobody protects, the witness's protection."""
    with TestClient(create_app(shared.case)) as client:
        adam = session(client, "adam")
        claim = get(client, adam, "/api/claims").json()["claims"][0]
        passages = get(client, adam, f"/api/claims/{claim['id']}").json()["passages"]
        held = [d for d in get(client, adam, "/api/documents").json()["documents"]
                if "withheld" in detail(get(client, adam, f"/documents/{d['id']}/original"))]
        entity = next(e for e in get(client, adam, "/api/entities").json()["entities"]
                      if e["name"] == "Alvi Karimov")
        (protection,) = get(client, adam, "/api/admin").json()["protections"]
        titled = next(d for d in get(client, adam, "/api/documents").json()["documents"]
                      if d["title"])
    assert held
    return {"cid": claim["id"], "statement": claim["statement"], "mid": passages[0]["mention"],
            "did": held[0]["id"], "title": titled["title"], "eid": entity["id"],
            "code": protection["code"]}


@pytest.fixture(scope="module")
def spellings(shared: Dossier) -> list[str]:
    """Every spelling of the demo's protected witness, as the case knows them."""
    opened = Case.open(shared.case, write=False)
    try:
        entity = next(e for e in opened.view.entities() if DEMO_PROTECTED in e.aliases)
    finally:
        opened.close()
    return list(entity.aliases)


def names(text: str, spellings: list[str]) -> list[str]:
    """The protected spellings `text` holds (any case or accent)."""
    folded = fold(text)
    return [s for s in spellings if re.search(rf"(?<!\w){re.escape(fold(s))}(?!\w)", folded)]


@contextlib.contextmanager
def served(case: Path, https: bool = False, **options: Any) -> Iterator[TestClient]:
    base = "https://testserver" if https else "http://testserver"
    with TestClient(create_app(case, **options), base_url=base) as client:
        yield client


# -- 1. every route, every principal ----------------------------------------------------------

def test_the_table_names_every_route(shared: Dossier) -> None:
    with served(shared.case) as client:
        routes = routes_of(client.app)  # type: ignore[arg-type]
    assert not routes - set(TABLE), f"routes missing from the table: {routes - set(TABLE)}"
    assert not set(TABLE) - routes, f"routes the app no longer has: {set(TABLE) - routes}"
    assert set(REQUESTS) <= set(TABLE)
    assert all(len(row.split()) == len(PRINCIPALS) for row in TABLE.values())


def test_each_principal_gets_what_its_role_allows(demo_case: Path, tmp_path: Path,
                                                  ids: dict[str, str]) -> None:
    dossier = staff(demo_case, tmp_path, "adam", "anna", "clara", "vera", "omar")
    read, judge = new_token(dossier, "anna", "read"), new_token(dossier, "anna", "judge")
    new_token(dossier, "vera", "read", "spare")
    with served(dossier.case, unlocked=True, settings=ROOMY) as client:
        who = {"anon": ANON, "viewer": session(client, "vera"),
               "analyst": session(client, "anna"), "cleared": session(client, "clara"),
               "admin": session(client, "adam"), "read": Who(token=read),
               "judge": Who(token=judge)}
        spare = next(c["id"] for c in get(client, who["admin"], "/api/admin").json()[
            "credentials"] if c["label"] == "spare")
        wrong: list[str] = []
        for route, row in TABLE.items():
            method = route.split()[0]
            call = call_of(route, {**ids, "spare": spare})
            for principal, code in zip(PRINCIPALS, row.split(), strict=True):
                got = mismatch(send(client, who[principal], method, call), code)
                if got:
                    wrong.append(f"{route} as {principal}: expected {code}, got {got}")
    assert not wrong, "\n".join(wrong)
    # the admin's changes were made, each logged under their name
    users = {u["name"] for u in json.loads(run(dossier.case, "user", "list", "--json").output)}
    assert "nina" in users and "omar" not in users
    assert logged(dossier, "api-token")[-1] == {
        "user": "vera", "token": spare, "change": "ended by an admin", "by": "adam (web)"}
    assert [e["change"] for e in logged(dossier, "user")][-4:] == [
        "added", "access", "password", "removed"]
    assert logged(dossier, "protect")[-1]["analyst"] == "adam (web)"
    assert logged(dossier, "unprotect")[-1]["analyst"] == "adam (web)"
    assert not dossier.sql("SELECT 1 FROM sessions WHERE kind = 'session'")  # all signed out


def test_what_a_role_may_not_reach_looks_like_nothing_there(shared: Dossier) -> None:
    """A viewer asking for the administration gets what a route that does not exist gives."""
    with served(shared.case) as client:
        vera = session(client, "vera")
        for method, refused, missing in (("GET", "/api/admin", "/api/nothing-here"),
                                         ("GET", "/admin", "/nothing-here"),
                                         ("POST", "/api/judgements", "/api/nothing-here"),
                                         ("POST", "/admin/users", "/nothing-here")):
            form: dict[str, str] | None = {} if method == "POST" else None
            a = send(client, vera, method, Call(refused, form=form))
            b = send(client, vera, method, Call(missing, form=form))
            assert (a.status_code, a.text, a.headers["content-type"]) == (
                b.status_code, b.text, b.headers["content-type"]), refused


# -- 2. an anonymous visitor -------------------------------------------------------------------

def test_anonymous_gets_nothing_but_the_sign_in_page(shared: Dossier, ids: dict[str, str],
                                                     spellings: list[str]) -> None:
    content = [ids["statement"][:40], ids["title"][:40], "Alvi Karimov", *spellings,
               shared.case.name]
    with served(shared.case, unlocked=True) as client:
        for route in TABLE:
            method, path = route.split(" ", 1)
            if path == "/login":
                continue
            call = call_of(route, {**ids, "spare": "t-00000000"})
            response = send(client, ANON, method, call)
            api = (path.startswith("/api/") or path == "/openapi.json"
                   or path.endswith("/original") or path == "/report" or method == "POST")
            if api:
                assert response.status_code == 401, route
                assert response.headers["www-authenticate"] == "Bearer"
                assert response.json()["detail"].startswith("sign in first")
            else:
                assert response.status_code == 303, route
                assert response.headers["location"] == "/login?next=" + quote(
                    call.url, safe=""), route
            assert not [c for c in content if c in response.text], route
            if not api:  # where the browser goes next: the sign-in form, and only that
                form = client.get(response.headers["location"])
                assert form.status_code == 200 and 'action="/login"' in form.text
                assert not [c for c in content if c in form.text], route
                assert f'name="next" value="{call.url}"' in form.text.replace("&amp;", "&")


def test_a_case_without_users_is_served_to_its_own_analyst_on_loopback_only(
        demo_case: Path, tmp_path: Path) -> None:
    case = tmp_path / "case.db"
    shutil.copy(demo_case, case)
    with served(case, loopback=False) as client:  # served to a network: nobody is anyone
        assert client.get("/api/overview").status_code == 401
        assert client.get("/", follow_redirects=False).headers["location"] == "/login?next=%2F"
    with served(case) as client:  # this machine's analyst: an admin, not cleared
        admin = client.get("/api/admin")
        assert admin.status_code == 200
        assert "names" not in admin.json()["protections"][0]
        assert DEMO_PROTECTED not in client.get("/api/entities").text
    with served(case, unlocked=True) as client:  # given the passphrase: cleared
        assert client.get("/api/admin").json()["protections"][0]["names"] == [DEMO_PROTECTED]
        assert DEMO_PROTECTED in client.get("/api/entities").text
    assert logged(Dossier(case), "reveal")[-1]["via"] == "local"


# -- 3. protected people, by role and clearance -----------------------------------------------

def test_protected_people_are_named_only_to_a_cleared_analyst_of_an_unlocked_server(
        shared: Dossier, ids: dict[str, str], spellings: list[str]) -> None:
    did = ids["did"]
    urls = ("/", "/api/entities", "/entities", f"/api/documents/{did}", f"/documents/{did}",
            "/api/claims?limit=500", f"/api/search?q={DEMO_PROTECTED}",
            f"/search?q={DEMO_PROTECTED}", "/api/timeline", "/timeline", "/report",
            f"/documents/{did}/original", "/api/testimonies")

    def read_all(client: TestClient, who: Who) -> dict[str, str]:
        """Each response, less the search's echo of its own words (what the reader typed,
        shown back as typed: redacting it would tie the name to its pseudonym)."""
        echoes = (f'"q":"{DEMO_PROTECTED}"', f'value="{DEMO_PROTECTED}"',
                  f"match “{DEMO_PROTECTED}”", f"?q={DEMO_PROTECTED}")
        seen = {url: get(client, who, url).text for url in urls}
        for url in urls:
            if "search" in url:
                for echo in echoes:
                    seen[url] = seen[url].replace(echo, "")
        return seen

    reveals = len(logged(shared, "reveal"))
    with served(shared.case, unlocked=True) as unlocked, served(shared.case) as locked:
        for client, name in ((unlocked, "vera"), (unlocked, "anna"), (locked, "clara")):
            seen = read_all(client, session(client, name))
            leaks = {url: names(text, spellings) for url, text in seen.items()
                     if names(text, spellings)}
            assert not leaks, f"{name} sees {leaks}"
            assert "Person P-" in seen[f"/documents/{did}"], name
            assert get(client, session(client, name), f"/documents/{did}/original"
                       ).status_code == 404
        assert len(logged(shared, "reveal")) == reveals  # nothing was shown: nothing logged
        clara = session(unlocked, "clara")
        document = get(unlocked, clara, f"/api/documents/{did}")
        assert names(document.text, spellings)
        original = get(unlocked, clara, f"/documents/{did}/original")
        assert original.status_code == 200 and names(original.content.decode("latin-1"),
                                                      spellings)
        overview = get(unlocked, clara, "/api/overview")  # names nobody: nothing to log
        assert not names(overview.text, spellings)
        # a viewer marked cleared in the case file (by hand: dossier refuses it) is not
        shared.sql("UPDATE users SET cleared = 1 WHERE name = 'vera'")
        try:
            vera = session(unlocked, "vera")
            assert not names(get(unlocked, vera, f"/api/documents/{did}").text, spellings)
        finally:
            shared.sql("UPDATE users SET cleared = 0 WHERE name = 'vera'")
    revealed = logged(shared, "reveal")[reveals:]
    assert [(r["what"], r["analyst"], r["via"]) for r in revealed] == [
        (f"web /api/documents/{did}", "clara", "session"),
        (f"web /documents/{did}/original", "clara", "session")]
    assert not names(json.dumps(revealed), spellings)


def test_a_protected_persons_own_entity_id_is_unknown_to_whoever_sees_a_pseudonym(
        shared: Dossier) -> None:
    """An entity's ID is a hash of its name (stable_id("ent", "person", "aslan")): a viewer who
    guesses a name can make it. Asked with it, the app should answer as for an ID that does
    not exist, not with the pseudonym's entity (or its hidden ID echoed back)."""
    opened = Case.open(shared.case, write=False)
    try:
        real = next(e.id for e in opened.view.entities() if DEMO_PROTECTED in e.aliases)
    finally:
        opened.close()
    unknown = "ent-0123456789abcdef"
    with served(shared.case, unlocked=True) as client:
        vera = session(client, "vera")
        for url in ("/api/entities/{}", "/api/timeline?entity={}", "/api/search?q={}"):
            asked, control = (get(client, vera, url.format(i)) for i in (real, unknown))
            assert (asked.status_code, asked.text.replace(real, unknown)) == (
                control.status_code, control.text), url


# -- 4. sessions -------------------------------------------------------------------------------

def cookie_of(response: Reply, name: str) -> tuple[str, set[str]]:
    """A Set-Cookie's value and its attributes (lower case, with their values)."""
    for header in response.headers.get_list("set-cookie"):
        parsed = SimpleCookie()
        parsed.load(header)
        if name in parsed:
            morsel = parsed[name]
            flags = {f"{k}={v}".lower() if v is not True else k.lower()
                     for k, v in morsel.items() if v}
            return morsel.value, flags
    raise AssertionError(f"no cookie {name} in {response.headers.get_list('set-cookie')}")


def post_login(client: TestClient, name: str, password: str = PASSWORD,
               next_: str = "/") -> Reply:
    form = client.get("/login")
    nonce = re.search(r'name="nonce" value="([^"]+)"', form.text)
    assert nonce
    return client.post("/login", data={"name": name, "password": password,
                                       "nonce": nonce.group(1), "next": next_},
                       follow_redirects=False)


def test_a_session_cookie_is_http_only_strict_and_kept_only_as_a_hash(shared: Dossier) -> None:
    with served(shared.case) as client:
        done = post_login(client, "vera", next_="/claims?status=contested")
        assert done.status_code == 303 and done.headers["location"] == "/claims?status=contested"
        raw, flags = cookie_of(done, "dossier_session")
        assert {"httponly", "samesite=strict", "path=/"} <= flags
        assert "secure" not in flags and not any(f.startswith(("expires", "max-age", "domain"))
                                                 for f in flags)
        assert client.get("/").status_code == 200  # the jar's cookie is the session
        assert "vera · viewer" in client.get("/").text
    digest = hashlib.sha256(raw.encode()).hexdigest()
    ((cid, user, kind),) = shared.sql(
        "SELECT id, user_name, kind FROM sessions WHERE token_hash = ?", digest)
    assert (user, kind) == ("vera", "session")
    assert raw.encode() not in file_bytes(shared.case)
    assert {"user": "vera", "outcome": "signed in", "session": cid} in logged(shared, "login")


def test_over_tls_the_cookie_is_host_only_and_secure(shared: Dossier) -> None:
    with served(shared.case, https=True) as client:
        done = post_login(client, "vera")
        assert done.status_code == 303
        raw, flags = cookie_of(done, "__Host-dossier_session")
        assert {"httponly", "samesite=strict", "secure", "path=/"} <= flags
        assert not any(f.startswith("domain") for f in flags)  # __Host-: this host only
        assert "dossier_session=" not in " ".join(done.headers.get_list("set-cookie")).replace(
            "__Host-dossier_session=", "")
        assert client.get("/").status_code == 200
        # the plain cookie name is not read over TLS
        plain = send(client, Who(session=raw), "GET", Call("/"))
        assert plain.status_code == 303 and plain.headers["location"].startswith("/login")
        secure = send(client, Who(session=raw, cookie="__Host-dossier_session"), "GET",
                      Call("/"))
        assert secure.status_code == 200
        _, nonce = cookie_of(done, "dossier_login")  # the sign-in form's, forgotten
        assert {"max-age=0", "secure", "path=/login"} <= nonce
        client.cookies.set("__Host-dossier_session", raw)
        out = client.post("/logout", data={"csrf": access.csrf_token(raw)},
                          follow_redirects=False)
        assert out.status_code == 303
        # a browser ignores a __Host- cookie without Secure, even one that removes it
        value, flags = cookie_of(out, "__Host-dossier_session")
        assert value == "" and {"max-age=0", "secure", "path=/"} <= flags


def test_signing_in_goes_back_to_this_site_only(shared: Dossier) -> None:
    with served(shared.case) as client:
        for target, goes in (("/claims?status=contested", "/claims?status=contested"),
                             ("//evil.example/claims", "/"), ("https://evil.example/", "/"),
                             ("/\\evil.example", "/")):
            client.cookies.clear()
            form = client.get("/login", params={"next": target})
            assert f'name="next" value="{goes}"' in form.text
            assert post_login(client, "vera", next_=target).headers["location"] == goes


def test_signing_in_gives_a_new_session_every_time(shared: Dossier) -> None:
    with served(shared.case) as client:
        client.cookies.set("dossier_session", "chosen-by-an-attacker")
        done = post_login(client, "anna")
        raw, _ = cookie_of(done, "dossier_session")
        assert raw != "chosen-by-an-attacker"
        client.cookies.clear()  # signed in, the form is not shown: another browser
        again, _ = cookie_of(post_login(client, "anna"), "dossier_session")
        assert again != raw
        planted = send(client, Who(session="chosen-by-an-attacker"), "GET", Call("/api/claims"))
        assert planted.status_code == 401
        for token in (raw, again):
            assert send(client, Who(session=token), "GET", Call("/api/claims")).status_code == 200
    assert not shared.sql("SELECT 1 FROM sessions WHERE token_hash = ?",
                          hashlib.sha256(b"chosen-by-an-attacker").hexdigest())


def test_signing_out_ends_the_session(shared: Dossier) -> None:
    with served(shared.case) as client:
        raw = sign_in(client, "vera")
        (cid,) = [c for (c,) in shared.sql("SELECT id FROM sessions WHERE token_hash = ?",
                                           access.token_hash(raw))]
        page = client.get("/")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert csrf and 'action="/logout"' in page.text
        out = client.post("/logout", data={"csrf": csrf.group(1)}, follow_redirects=False)
        assert out.status_code == 303 and out.headers["location"] == "/login"
        assert "dossier_session" not in client.cookies  # the browser forgets it
        # the same cookie, kept by someone, is worth nothing now
        old = Who(session=raw)
        assert get(client, old, "/").headers["location"] == "/login?next=%2F"
        assert get(client, old, "/api/overview").status_code == 401
        assert send(client, old, "POST", Call("/logout", form={})).status_code == 401
    assert not shared.sql("SELECT 1 FROM sessions WHERE id = ?", cid)
    assert {"user": "vera", "outcome": "signed out", "session": cid, "by": "vera"} in logged(
        shared, "login")


def test_idle_and_old_sessions_end(shared: Dossier) -> None:
    settings = Settings(session_idle_minutes=5, session_hours=1)
    with served(shared.case, settings=settings) as client:
        busy, idle, old = (session(client, "anna") for _ in range(3))
        (created, expires), = shared.sql(
            "SELECT created_at, expires_at FROM sessions WHERE token_hash = ?",
            access.token_hash(busy.session or ""))
        assert access.when(expires) - access.when(created) == timedelta(hours=1)

        def edit(who: Who, column: str, value: str) -> str:
            digest = access.token_hash(who.session or "")
            shared.sql(f"UPDATE sessions SET {column} = ? WHERE token_hash = ?", value, digest)
            ((cid,),) = shared.sql("SELECT id FROM sessions WHERE token_hash = ?", digest)
            return str(cid)

        edit(busy, "last_seen_at", iso(-timedelta(minutes=4)))  # within the idle time
        idle_id = edit(idle, "last_seen_at", iso(-timedelta(minutes=6)))
        old_id = edit(old, "expires_at", iso(-timedelta(seconds=1)))
        assert get(client, busy, "/api/overview").status_code == 200
        ((seen,),) = shared.sql("SELECT last_seen_at FROM sessions WHERE token_hash = ?",
                                access.token_hash(busy.session or ""))
        assert datetime.now(UTC) - access.when(seen) < timedelta(minutes=1)  # use, written
        assert get(client, idle, "/").headers["location"] == "/login?next=%2F"
        assert get(client, old, "/api/overview").status_code == 401
        assert get(client, idle, "/api/overview").status_code == 401  # ended, not paused
    ended = {e["session"]: e["outcome"] for e in logged(shared, "login")
             if e.get("session") in (idle_id, old_id) and e["outcome"] != "signed in"}
    assert ended == {idle_id: "idle", old_id: "expired"}
    assert not shared.sql("SELECT 1 FROM sessions WHERE id IN (?, ?)", idle_id, old_id)


# -- 5. CSRF -----------------------------------------------------------------------------------

# Each form route with a request that gets past the CSRF check to a harmless refusal (the
# status it then gives), so a 403 below is the CSRF check's and nothing else's.
FORMS: dict[str, tuple[Call, int]] = {
    "/claims/{cid}/judge": (Call("/claims/{cid}/judge", form={
        "other": NO_CLAIM, "verdict": "same", "reason": REASON}), 404),
    "/mentions/{mid}/judge": (Call("/mentions/{mid}/judge", form={"reason": ""}), 422),
    "/admin/users": (Call("/admin/users", form={"name": "vera", "role": "viewer",
                                                "password": PASSWORD}), 422),
    "/admin/users/{name}/access": (Call("/admin/users/nobody/access",
                                        form={"role": "viewer"}), 404),
    "/admin/users/{name}/password": (Call("/admin/users/nobody/password",
                                          form={"password": PASSWORD}), 404),
    "/admin/users/{name}/remove": (Call("/admin/users/nobody/remove", form={}), 404),
    "/admin/credentials/{cid}/end": (Call("/admin/credentials/s-00000000/end", form={}), 404),
    "/entities/{eid}/protect": (Call("/entities/ent-nobody/protect",
                                     form={"reason": REASON}), 404),
    "/protection/{code}/lift": (Call("/protection/P-0000/lift", form={"reason": REASON}), 404),
    "/logout": (Call("/logout", form={}), 303),  # last: it signs out
}


def test_every_form_needs_its_csrf_token_and_this_sites_origin(
        shared: Dossier, ids: dict[str, str]) -> None:
    posts = {route.split(" ", 1)[1] for route, row in TABLE.items()
             if route.startswith("POST") and route not in ("POST /login", "POST /api/judgements")}
    assert set(FORMS) == posts
    with served(shared.case) as client:
        other = session(client, "vera")  # another session's token is as good as a guess
        adam = session(client, "adam")
        page = get(client, adam, "/admin")
        shown = set(re.findall(r'name="csrf" value="([^"]+)"', page.text))
        assert shown == {adam.csrf}  # every form on the page carries it
        # the API, from a browser's session: the token in a header
        judgement = Call("/api/judgements", json={"kind": "claim", "a": ids["cid"],
                                                  "b": NO_CLAIM, "verdict": "same",
                                                  "reason": REASON})
        assert send(client, adam, "POST", judgement, csrf=False).status_code == 403
        assert send(client, adam, "POST", judgement, csrf=False, headers={
            "X-CSRF-Token": other.csrf or ""}).status_code == 403
        assert send(client, adam, "POST", judgement,
                    headers={"Origin": FOREIGN}).status_code == 403
        passed = send(client, adam, "POST", judgement)
        assert passed.status_code == 404 and detail(passed).startswith("there is no claim")
        for route, (call, passes) in FORMS.items():
            call = Call(call.url.format(**ids), call.form)
            missing = send(client, adam, "POST", call, csrf=False)
            wrong = send(client, adam, "POST", Call(call.url, {**(call.form or {}),
                                                               "csrf": other.csrf or ""}),
                         csrf=False)
            foreign = send(client, adam, "POST", call, headers={"Origin": FOREIGN})
            for refused in (missing, wrong, foreign):
                assert refused.status_code == 403, (route, refused.status_code, detail(refused))
            assert "another site" in detail(foreign) and "stale" in detail(missing)
            ours = send(client, adam, "POST", call, headers={"Origin": "http://testserver"})
            assert ours.status_code == passes, (route, ours.status_code, detail(ours))


def test_the_sign_in_form_needs_its_nonce(shared: Dossier) -> None:
    with served(shared.case) as client:
        sessions = len(shared.sql("SELECT 1 FROM sessions"))
        fields = {"name": "vera", "password": PASSWORD, "next": "/"}
        client.cookies.clear()
        no_nonce = client.post("/login", data=fields)
        client.cookies.set("dossier_login", "the cookie's", path="/login")
        wrong = client.post("/login", data={**fields, "nonce": "another"})
        client.cookies.clear()
        no_cookie = client.post("/login", data={**fields, "nonce": "the cookie's"})
        for refused in (no_nonce, wrong, no_cookie):
            assert refused.status_code == 403 and "stale" in refused.text
            assert not any("dossier_session" in h
                           for h in refused.headers.get_list("set-cookie"))
        assert len(shared.sql("SELECT 1 FROM sessions")) == sessions
        assert post_login(client, "vera").status_code == 303  # with its nonce: signed in


# -- 6. lockout and the throttle ---------------------------------------------------------------

def test_failed_sign_ins_lock_the_user_out(demo_case: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    dossier = staff(demo_case, tmp_path, "adam", "anna")
    settings = Settings(login_lockout_failures=3, login_lockout_minutes=15)
    monkeypatch.setenv("DOSSIER_LOGIN_LOCKOUT_FAILURES", "3")  # for `dossier user list`
    with served(dossier.case, settings=settings) as client:
        wrong = [post_login(client, "anna", "not anna's password") for _ in range(3)]
        assert [r.status_code for r in wrong] == [401, 401, 401]
        right = post_login(client, "anna")
        assert right.status_code == 401  # the right password, refused
        assert login_error(right) == login_error(wrong[0])  # as a wrong one: nothing to tell
        assert login_error(right).startswith("Wrong name or password")
        assert not dossier.sql("SELECT 1 FROM sessions WHERE user_name = 'anna'")
        adam = session(client, "adam")
        users = {u["name"]: u for u in get(client, adam, "/api/admin").json()["users"]}
        assert users["anna"]["locked"] and not users["adam"]["locked"]
        assert "anna <strong>locked out</strong>" in get(client, adam, "/admin").text
        listed = json.loads(run(dossier.case, "user", "list", "--json").output)
        assert {u["name"]: u["locked"] for u in listed} == {"adam": False, "anna": True}
        # the failures grow old: the lockout ends
        dossier.sql("UPDATE login_failures SET at = ?", iso(-timedelta(minutes=16)))
        assert post_login(client, "anna").status_code == 303
    outcomes = [e["outcome"] for e in logged(dossier, "login") if e["user"] == "anna"]
    assert outcomes == ["refused", "refused", "locked out", "refused while locked out",
                        "signed in"]
    assert PASSWORD not in json.dumps(logged(dossier, "login"))
    assert "not anna's password" not in json.dumps(logged(dossier, "login"))


def test_an_address_is_throttled_and_unknown_names_are_not_logged(shared: Dossier) -> None:
    typed = ["four unrelated words, in the wrong field", "amina.k", "vera "]
    before = len(logged(shared, "login"))
    with served(shared.case, settings=Settings(login_attempts_per_minute=3)) as client:
        for name in typed:
            assert post_login(client, name, "whatever it was").status_code == 401
        throttled = post_login(client, "vera")  # the right password: too many tries already
        assert throttled.status_code == 429
        wait = int(throttled.headers["retry-after"])
        assert 1 <= wait <= 61 and f"wait {wait} s" in detail(throttled)
        assert throttled.headers.get("set-cookie") is None
        bare = client.post("/login", data={"name": "vera"})  # refused before anything else
        assert bare.status_code == 429
    entries = logged(shared, "login")[before:]  # "vera " is vera, once stripped
    assert entries == [{"user": None, "outcome": "refused: no such user"}] * 2 + [
        {"user": "vera", "outcome": "refused"}]
    log = "\n".join(d for (d,) in shared.sql("SELECT detail FROM custody_log"))
    assert not [name for name in typed[:2] if name in log]
    shared.sql("DELETE FROM login_failures WHERE user_name = 'vera'")  # the others sign in


# -- 7. API tokens -----------------------------------------------------------------------------

def test_an_api_token_is_shown_once_and_kept_only_as_a_hash(shared: Dossier) -> None:
    made = run(shared.case, "token", "add", "anna", "--scope", "read", "--label", "nightly")
    assert made.exit_code == 0
    raw = made.stdout.strip()
    assert made.stdout == raw + "\n" and raw.startswith("dsr_") and len(raw) > 40
    assert raw not in made.stderr and "shown only now" in made.stderr
    ((cid, kind, scope, label),) = shared.sql(
        "SELECT id, kind, scope, label FROM sessions WHERE token_hash = ?",
        hashlib.sha256(raw.encode()).hexdigest())
    assert (kind, scope, label) == ("token", "read", "nightly") and cid in made.stderr
    assert raw.encode() not in file_bytes(shared.case)
    listed = run(shared.case, "token", "list", "--json").output
    assert cid in listed and raw not in listed
    entry = logged(shared, "api-token")[-1]
    assert entry["token"] == cid and entry["change"] == "made" and raw not in json.dumps(entry)
    refused = run(shared.case, "token", "add", "vera", "--scope", "judge", "--label", "x")
    assert refused.exit_code != 0 and "needs an analyst" in refused.output


def test_a_token_acts_as_its_user_within_its_scope(shared: Dossier, ids: dict[str, str]
                                                   ) -> None:
    read, judge = Who(token=new_token(shared, "anna", "read")), Who(
        token=new_token(shared, "anna", "judge"))
    judgement = Call("/api/judgements", json={"kind": "claim", "a": ids["cid"], "b": NO_CLAIM,
                                              "verdict": "same", "reason": REASON})
    with served(shared.case) as client:
        claims = get(client, read, "/api/claims")
        assert claims.status_code == 200 and claims.json()["claims"][0]["id"] == ids["cid"]
        refused = send(client, read, "POST", judgement)
        assert refused.status_code == 404 and detail(refused) == "Not Found"
        let_through = send(client, judge, "POST", judgement)  # no CSRF token: not a browser
        assert let_through.status_code == 404
        assert detail(let_through) == f"there is no claim {NO_CLAIM} in this case"
        malformed = send(client, judge, "POST", Call("/api/judgements", json={"kind": "claim"}))
        assert malformed.status_code == 422
        assert get(client, judge, "/api/admin").status_code == 404  # an analyst's, at most


def test_a_token_never_sees_protected_names(shared: Dossier, ids: dict[str, str],
                                            spellings: list[str]) -> None:
    token = Who(token=new_token(shared, "ada", "judge"))  # a cleared admin's
    did = ids["did"]
    with served(shared.case, unlocked=True) as client:
        ada = session(client, "ada")
        assert names(get(client, ada, f"/api/documents/{did}").text, spellings)  # she does
        for url in ("/api/entities", f"/api/documents/{did}", f"/documents/{did}", "/report",
                    f"/api/search?q={DEMO_PROTECTED}"):
            response = get(client, token, url)
            text = response.text.replace(f'"q":"{DEMO_PROTECTED}"', "")  # its own words echoed
            assert response.status_code == 200 and not names(text, spellings), url
        original = get(client, token, f"/documents/{did}/original")
        assert original.status_code == 404 and "withheld" in detail(original)


def test_tokens_and_sessions_are_not_interchangeable(shared: Dossier) -> None:
    token = new_token(shared, "anna", "read")
    with served(shared.case) as client:
        raw = sign_in(client, "anna")
        in_a_cookie = Who(session=token)
        assert get(client, in_a_cookie, "/").headers["location"] == "/login?next=%2F"
        assert get(client, in_a_cookie, "/api/overview").status_code == 401
        assert get(client, Who(token=raw), "/api/overview").status_code == 401
        assert get(client, Who(token=token), "/api/overview").status_code == 200
        assert get(client, Who(session=raw), "/api/overview").status_code == 200
        lower = client.get("/api/overview", headers={"Authorization": f"bearer {token}"})
        assert lower.status_code == 200  # the scheme is case-insensitive (RFC 7235)
        client.cookies.clear()
        basic = client.get("/api/overview", headers={"Authorization": f"Basic {token}"})
        assert basic.status_code == 401


def test_revoked_expired_and_removed_credentials_stop_working(demo_case: Path,
                                                              tmp_path: Path) -> None:
    dossier = staff(demo_case, tmp_path, "adam", "anna", "vera")
    revoked, expired, kept = (Who(token=new_token(dossier, "anna", "read", label))
                              for label in ("revoked", "expired", "kept"))
    vera = Who(token=new_token(dossier, "vera", "read"))
    ((revoked_id,),) = dossier.sql("SELECT id FROM sessions WHERE label = 'revoked'")
    ((expired_id,),) = dossier.sql("SELECT id FROM sessions WHERE label = 'expired'")
    with served(dossier.case) as client:
        anna = session(client, "anna")
        for who in (revoked, expired, kept, anna, vera):
            assert get(client, who, "/api/overview").status_code == 200
        assert run(dossier.case, "token", "revoke", revoked_id).exit_code == 0
        dossier.sql("UPDATE sessions SET expires_at = ? WHERE id = ?",
                    iso(-timedelta(seconds=1)), expired_id)
        assert get(client, revoked, "/api/overview").status_code == 401
        assert get(client, expired, "/api/overview").status_code == 401
        assert get(client, kept, "/api/overview").status_code == 200
        assert run(dossier.case, "user", "remove", "anna").exit_code == 0
        assert get(client, kept, "/api/overview").status_code == 401
        assert get(client, anna, "/api/overview").status_code == 401
        assert get(client, anna, "/").headers["location"] == "/login?next=%2F"
        assert get(client, vera, "/api/overview").status_code == 200  # another user's: kept
        assert post_login(client, "anna").status_code == 401
    assert not dossier.sql("SELECT 1 FROM sessions WHERE user_name = 'anna'")
    changes = {e["token"]: e["change"] for e in logged(dossier, "api-token")
               if e["change"] != "made"}
    assert changes == {revoked_id: "revoked", expired_id: "expired"}
    assert logged(dossier, "user")[-1]["credentials_ended"] == 2  # anna's session and token


# -- 8. role changes -------------------------------------------------------------------------

def test_a_role_change_holds_from_the_next_request(demo_case: Path, tmp_path: Path,
                                                   ids: dict[str, str],
                                                   spellings: list[str]) -> None:
    dossier = staff(demo_case, tmp_path, "adam", "anna", "clara")
    judge = Who(token=new_token(dossier, "anna", "judge"))
    judgement = Call("/api/judgements", json={"kind": "claim", "a": ids["cid"], "b": NO_CLAIM,
                                              "verdict": "same", "reason": REASON})
    did = ids["did"]
    with served(dossier.case, unlocked=True) as client:
        anna, clara = session(client, "anna"), session(client, "clara")

        def judged(who: Who) -> str:
            return detail(send(client, who, "POST", judgement))

        assert judged(anna).startswith("there is no claim")
        assert judged(judge).startswith("there is no claim")
        assert run(dossier.case, "user", "set", "anna", "--role", "viewer").exit_code == 0
        assert judged(anna) == "Not Found" and judged(judge) == "Not Found"
        assert get(client, anna, "/claims").status_code == 200  # still signed in, as a viewer
        assert "anna · viewer" in get(client, anna, "/").text
        assert run(dossier.case, "user", "set", "anna", "--role", "admin").exit_code == 0
        assert get(client, anna, "/admin").status_code == 200
        assert judged(judge).startswith("there is no claim")  # capped by its scope
        assert get(client, judge, "/api/admin").status_code == 404
        assert names(get(client, clara, f"/api/documents/{did}").text, spellings)
        assert run(dossier.case, "user", "set", "clara", "--not-cleared").exit_code == 0
        assert not names(get(client, clara, f"/api/documents/{did}").text, spellings)
    changes = [(e["user"], e["role"], e["cleared"]) for e in logged(dossier, "user")
               if e["change"] == "access"]
    assert changes == [("anna", "viewer", False), ("anna", "admin", False),
                       ("clara", "analyst", False)]


# -- 9. a judgement recorded from the web ------------------------------------------------------

def test_an_analysts_judgement_from_the_web_is_recorded_applied_and_logged(
        demo_case: Path, tmp_path: Path) -> None:
    dossier = staff(demo_case, tmp_path, "anna")
    with served(dossier.case) as client:
        anna = session(client, "anna")
        claims = get(client, anna, "/api/claims?limit=500").json()["claims"]
        cid = next(c["id"] for c in claims if c["mentions"] >= 2 and c["status"] != "denied")
        before = get(client, anna, f"/api/claims/{cid}").json()
        mid = before["passages"][-1]["mention"]
        page = get(client, anna, f"/claims/{cid}").text
        assert f'action="/mentions/{mid}/judge"' in page  # the form is on the claim page
        done = send(client, anna, "POST", Call(f"/mentions/{mid}/judge",
                                               form={"reason": "the writer's opinion"}))
        assert done.status_code == 303 and done.headers["location"].startswith("/claims/")
        after = get(client, anna, "/api" + done.headers["location"]).json()  # its claim now
        judged = dossier.sql("SELECT kind, a, verdict, analyst, reason FROM judgements")
        assert judged == [("mention", mid, "not-a-claim", "anna (web)", "the writer's opinion")]
        assert logged(dossier, "judge")[-1] == {"kind": "mention", "a": mid, "b": "",
                                                "verdict": "not-a-claim",
                                                "analyst": "anna (web)"}
        # applied at once: the passage is in no claim any more
        assert dossier.sql("SELECT count(*) FROM claim_mentions WHERE mention_id = ? AND "
                           "role = 'supports'", mid) == [(0,)]
        assert mid not in {p["mention"] for p in after["passages"]}
        assert {p["mention"] for p in after["passages"]} & {
            p["mention"] for p in before["passages"]}  # the claim the reader was on
        # two claims judged the same fact: recorded by their founding passages, and merged
        first, second = [c["id"] for c in get(client, anna, "/api/claims?limit=10").json()[
            "claims"] if c["status"] != "denied"][:2]  # two claims of facts, not of denials
        anchors = sorted(a for (a,) in (dossier.sql("SELECT anchor FROM claims WHERE id = ?", x)[0]
                                        for x in (first, second)))
        merged = send(client, anna, "POST", Call(f"/claims/{first}/judge", form={
            "other": second, "verdict": "same", "reason": "one event, two wordings"}))
        assert merged.status_code == 303
        assert dossier.sql("SELECT kind, a, b, verdict FROM judgements WHERE kind = 'claim'") == [
            ("claim", *anchors, "same")]
        now = merged.headers["location"].removeprefix("/claims/")
        assert {x for (x,) in dossier.sql(
            "SELECT claim_id FROM claim_mentions WHERE mention_id IN (?, ?) AND role IN "
            "('supports', 'denial')", *anchors)} == {now}  # members of one claim now
