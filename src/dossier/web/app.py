"""The web UI: `dossier serve`. FastAPI with server-rendered Jinja2 pages; every page has a JSON
twin under /api/… (the same data, from `pages`), described by the OpenAPI schema at
/openapi.json. Pages only read the case; the few forms that write (sign-in, judgements,
protection, users) go through the store's transactions, each with its custody-log entry.

Who may see and do what is decided by `dossier.access`: a case with users needs a sign-in (a
session cookie, or an API token for scripts) for everything but the sign-in page and the
styles; what a principal may not see answers 404."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import asdict, replace
from getpass import getuser
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..access import Permission
from ..config import Settings
from ..export.json_contract import Quotes
from ..protect import NOBODY, Redactor
from ..protect.people import case_redactor
from ..store import Case, CaseView
from ..store.views import ClaimQuery
from . import pages
from .gate import Gate, allowed, principal_of
from .writes import add_write_routes

HERE = Path(__file__).resolve().parent
NO_ENTITY = "ent-none"  # no entity has this ID (theirs are "ent-" and 16 hex digits)


def claim_filters(
        status: Annotated[str | None, Query(description="corroborated, single-source, "
                                                        "contested or denied")] = None,
        kind: Annotated[str | None, Query(description="event, quantity, quote, "
                                                      "report, denial")] = None,
        entity: Annotated[str | None, Query(description="a case entity ID")] = None,
        outlet: Annotated[str | None, Query(description="an outlet's name")] = None,
        since: Annotated[str | None, Query(description="dated on or after (ISO: "
                                                       "2017, 2017-04, 2017-04-01)")] = None,
        until: Annotated[str | None, Query(description="dated on or before (ISO)")] = None,
        q: Annotated[str | None, Query(description="words that must all be in one of "
                                                   "its passages")] = None,
        sort: Annotated[str, Query(pattern="^(origins|mentions|date)$")] = "origins",
        offset: Annotated[int, Query(ge=0, le=2**63 - 1)] = 0,  # SQLite's largest integer
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> ClaimQuery:
    """The claims list's filters from the query string (an empty field is no filter)."""
    def given(value: str | None) -> str | None:
        return value.strip() or None if value is not None else None

    return ClaimQuery(given(status), given(kind), given(entity), given(outlet), given(since),
                      given(until), given(q), sort, offset, limit)


Filters = Annotated[ClaimQuery, Depends(claim_filters)]
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
    # same-origin, not no-referrer: under no-referrer a browser sends `Origin: null` with a
    # form, and the forms' Origin check (writes.py) would refuse them all
    "Referrer-Policy": "same-origin",
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "no such ID in this case (or "
                                                                  "not for this reader)"}}
PassagePage = Annotated[int, Query(
    ge=1, description=f"the page of passages ({pages.PASSAGES_PER_PAGE} to a page, the denials "
                      "first; past the last, the last)")]


def create_app(case_path: Path, unlocked: bool = False, settings: Settings | None = None,
               loopback: bool = True, quotes: Quotes | None = None) -> FastAPI:
    """The app serving the case at `case_path`. `unlocked`: the server was given the case
    passphrase, so cleared analysts (on a case without users: the analyst at this machine) see
    protected people under their names, and `quotes` (what each testimony supporting a claim
    says, opened with the passphrase when the server started). `loopback`: it listens on this
    machine only, so a case without users is served to whoever holds it (elsewhere, to
    nobody)."""
    settings = settings or Settings()
    case = Case.open(case_path, write=False)
    view = case.view

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        case.close()

    # No /docs or /redoc: their pages load scripts from a CDN, and dossier works offline.
    app = FastAPI(title="dossier", version=__version__, lifespan=lifespan, docs_url=None,
                  redoc_url=None,
                  description="A corroborated, sourced case file: claims with their "
                              "independent origins, passages, denials and documents. On a case "
                              "with users, send an API token (`dossier token add`) as "
                              "`Authorization: Bearer …`.")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    gate = Gate(case, unlocked, settings, loopback)

    @app.middleware("http")
    async def guarded(request: Request, call_next: Callable[[Request], Awaitable[Response]]
                      ) -> Response:
        """Who asks (nobody is let past but to sign in), and on every response: nothing but
        this site's own files may load (no inline script or style exists to allow), never
        framed, never sniffed, never cached (a case's pages must not stay behind in a shared
        browser)."""
        response = await gate.admit(request, call_next)
        response.headers.update(SECURITY_HEADERS)
        return response
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals["version"] = __version__

    cached: dict[str, Any] = {"state": None, "redactor": Redactor()}

    def case_hiding() -> Redactor:
        """Protected people's pseudonyms, made again when a protection or a build changed the
        case."""
        state = view.protection_state()
        if state != cached["state"]:
            cached.update(state=state, redactor=case_redactor(view))
        found: Redactor = cached["redactor"]
        return found

    def redactor(request: Request) -> Redactor:
        """Nobody hidden from a principal cleared for confidential material."""
        return NOBODY if principal_of(request).cleared else case_hiding()

    def shown(request: Request, data: dict[str, Any]) -> dict[str, Any]:
        """The data as this principal may see it; a cleared principal's view of protected
        names is logged (who, which page; never what)."""
        if principal_of(request).cleared:
            if case_hiding().apply(data) != data:
                gate.revealed(request)
            return data
        return case_hiding().apply(data)

    def render(request: Request, template: str, data: dict[str, Any], title: str,
               api: str | None, status_code: int = 200,
               echo: dict[str, Any] | None = None) -> HTMLResponse:
        """A page from its data as this principal may see it; `echo`: what the request itself
        said, shown back as it was typed (redacting it would tie a guessed name, or a protected
        person's own entity ID, which anyone can compute from a guessed name, to their
        pseudonym); so is `api`, the link to the page's JSON twin, made of the request's URL."""
        who = principal_of(request)
        return templates.TemplateResponse(request, template, {
            **shown(request, {**data, "title": title,
                              # not even the case's name for someone not signed in
                              "case_name": case_path.name if who.role else ""}),
            **(echo or {}), "api": api, "me": who, "csrf": who.csrf}, status_code=status_code)

    def asked(request: Request, eid: str) -> str:
        """The case entity a request names: a hidden ID to its own; a protected person's own
        ID, from whoever sees them as a pseudonym, to none (as if it did not exist)."""
        hiding = redactor(request)
        return NO_ENTITY if hiding.hides(eid) else hiding.real_id(eid)

    app.state.render = render  # for the write routes (writes.py)
    app.state.shown = shown

    def searched(request: Request, words: str) -> str:
        """A search that names a protected person finds nothing."""
        return "" if redactor(request).names_anyone(words) else words

    def unnamed(request: Request, filters: ClaimQuery) -> ClaimQuery:
        """The filters as the case knows them: a protected entity's shown ID to its own; words
        naming a protected person match nothing."""
        hiding = redactor(request)
        if filters.entity:
            filters = replace(filters, entity=asked(request, filters.entity))
        if filters.words and hiding.names_anyone(filters.words):
            return replace(filters, ids=())
        return filters

    def required(data: dict[str, Any] | None, what: str, ident: str) -> dict[str, Any]:
        if data is None:
            raise missing(what, ident)
        return data

    @app.exception_handler(StarletteHTTPException)
    async def not_found(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/") or exc.status_code == 401:
            return await http_exception_handler(request, exc)
        title = {404: "Not found", 403: "Refused", 409: "Busy", 422: "Not recorded",
                 429: "Too many attempts"}.get(exc.status_code, "Error")
        response = render(request, "error.html", {}, title, None, exc.status_code,
                          echo={"detail": exc.detail})
        response.headers.update(exc.headers or {})
        return response

    reader = [Depends(allowed(Permission.READ))]

    def twin(path: str, api: str, template: str, title: str,
             build: Callable[[CaseView], dict[str, Any]], tag: str, summary: str) -> None:
        """A page without parameters and its JSON twin, both from `build`."""

        def api_route(request: Request) -> dict[str, Any]:
            return shown(request, build(view))

        def page_route(request: Request) -> HTMLResponse:
            return render(request, template, build(view), title, api)

        api_route.__doc__ = summary
        app.get(api, tags=[tag], name=f"api_{template.removesuffix('.html')}",
                dependencies=reader)(api_route)
        app.get(path, response_class=HTMLResponse, include_in_schema=False,
                name=template.removesuffix(".html"), dependencies=reader)(page_route)

    twin("/", "/api/overview", "overview.html", "Overview", pages.overview, "overview",
         "Counts (documents, copy groups, outlets, claims by status, rejected files), the most "
         "corroborated and the contested claims, the documents added last.")
    twin("/documents", "/api/documents", "documents.html", "Documents", pages.documents,
         "documents", "Every accepted document, by path (bodies on each document's page).")
    twin("/rejected", "/api/rejected", "rejected.html", "Rejected files", pages.rejected,
         "documents", "Every file the build rejected, with the reason.")
    twin("/testimonies", "/api/testimonies", "testimonies.html", "Testimonies",
         pages.testimonies, "documents", "Confidential testimonies, locked: each witness's "
         "pseudonym, when it was added and the claims it supports; never its words.")
    twin("/entities", "/api/entities", "entities.html", "Entities", pages.entities,
         "entities", "People, organisations, places and others, most mentioned first, with "
                     "every spelling they are known under.")

    # -- claims --------------------------------------------------------------------------------

    @app.get("/api/claims", tags=["claims"], dependencies=reader)
    def api_claims(request: Request, filters: Filters) -> dict[str, Any]:
        """Claims that pass the filters, most independent origins first (or by number of
        passages, or by date), a page of them, with the total."""
        return {**shown(request, pages.claims(view, unnamed(request, filters))),
                "filters": asdict(filters)}

    @app.get("/claims", response_class=HTMLResponse, include_in_schema=False,
             dependencies=reader)
    def claims_page(request: Request, filters: Filters) -> HTMLResponse:
        return render(request, "claims.html", pages.claims(view, unnamed(request, filters)),
                      "Claims",
                      "/api/claims" + (f"?{request.url.query}" if request.url.query else ""),
                      echo={"filters": asdict(filters)})

    def claim_data(request: Request, cid: str, page: int) -> dict[str, Any]:
        """A claim page's data; a cleared reader's with the testimonies' words (logged)."""
        said = quotes if principal_of(request).cleared else None  # cleared: unlocked too
        data = required(pages.claim(view, cid, page, redactor(request), said), "claim", cid)
        if said and any(o.get("quote") for o in data["claim"]["origins"]):
            gate.revealed(request)
        return data

    @app.get("/api/claims/{cid}", tags=["claims"], dependencies=reader,
             responses=NOT_FOUND)
    def api_claim(request: Request, cid: str, page: PassagePage = 1) -> dict[str, Any]:
        """One claim as the export has it (its passages apart), one page of its passages in
        their context, and the analysts' judgements of its passages."""
        return shown(request, claim_data(request, cid, page))

    @app.get("/claims/{cid}", response_class=HTMLResponse, include_in_schema=False,
             dependencies=reader)
    def claim_page(request: Request, cid: str, page: PassagePage = 1) -> HTMLResponse:
        data = claim_data(request, cid, page)
        data["may_judge"] = principal_of(request).may(Permission.JUDGE)
        return render(request, "claim.html", data, "Claim", f"/api/claims/{cid}?page={page}")

    # -- documents -----------------------------------------------------------------------------

    @app.get("/api/documents/{did}", tags=["documents"], dependencies=reader,
             responses=NOT_FOUND)
    def api_document(request: Request, did: str) -> dict[str, Any]:
        """A document as the export has it, its statements (with their claims), its body cut
        into statements and plain text, its copies and possible copies."""
        return shown(request, required(pages.document(view, did, redactor(request)),
                                       "document", did))

    @app.get("/documents/{did}", response_class=HTMLResponse, include_in_schema=False,
             dependencies=reader)
    def document_page(request: Request, did: str) -> HTMLResponse:
        data = required(pages.document(view, did, redactor(request)), "document", did)
        title = data["document"]["title"] or data["document"]["path"]
        return render(request, "document.html", data, title, f"/api/documents/{did}")

    # -- entities and the timeline ---------------------------------------------------------

    @app.get("/api/entities/{eid}", tags=["entities"], dependencies=reader,
             responses=NOT_FOUND)
    def api_entity(request: Request, eid: str) -> dict[str, Any]:
        """An entity: its spellings with the reason for each merge, its mentions in their
        sentences, and the claims whose passages involve it."""
        return shown(request, required(pages.entity(view, asked(request, eid)), "entity",
                                       eid))

    @app.get("/entities/{eid}", response_class=HTMLResponse, include_in_schema=False,
             dependencies=reader)
    def entity_page(request: Request, eid: str) -> HTMLResponse:
        real = asked(request, eid)
        data = required(pages.entity(view, real), "entity", eid)
        if principal_of(request).may(Permission.ADMIN):
            data["admin"] = {"protected": pages.protection_of(view, real)}
        return render(request, "entity.html", data, data["entity"]["name"],
                      f"/api/entities/{eid}")

    @app.get("/api/timeline", tags=["timeline"], dependencies=reader)
    def api_timeline(request: Request, entity: Annotated[str | None, Query(
            description="only claims whose passages involve this case entity")] = None
                     ) -> dict[str, Any]:
        """Dated claims and denials in date order, with date precision, support and status;
        the undated claims apart."""
        eid = asked(request, entity) if entity else None
        data = shown(request, pages.timeline(view, eid))
        return {**data, "entity": {"id": entity, "name": None}} if eid == NO_ENTITY else data

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False,
             dependencies=reader)
    def timeline_page(request: Request, entity: str | None = None) -> HTMLResponse:
        eid = asked(request, entity) if entity else None
        data = pages.timeline(view, eid)
        data["choices"] = pages.entities(view)["entities"][:pages.ENTITY_CHOICES]
        return render(request, "timeline.html", data, "Timeline",
                      "/api/timeline" + (f"?entity={entity}" if entity else ""),
                      echo={"entity": {"id": entity, "name": None}} if eid == NO_ENTITY
                      else None)

    # -- search --------------------------------------------------------------------------------

    @app.get("/api/search", tags=["search"], dependencies=reader)
    def api_search(request: Request, q: Annotated[str, Query(
            description="words; every one must appear; a trailing * matches a prefix")] = ""
                   ) -> dict[str, Any]:
        """Full text over statements (grouped by the claim they belong to) and document
        bodies (with the stretch that matches)."""
        return {**shown(request, pages.search(view, searched(request, q))), "q": q}

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False,
             dependencies=reader)
    def search_page(request: Request, q: str = "") -> HTMLResponse:
        return render(request, "search.html", pages.search(view, searched(request, q)),
                      "Search", f"/api/search?{request.url.query}", echo={"q": q})

    @app.get("/documents/{did}/original", tags=["documents"], dependencies=reader,
             responses={200: {"content": {"application/octet-stream": {}}},
                        **NOT_FOUND})
    def original(request: Request, did: str) -> Response:
        """The original file as it was captured, byte for byte (its SHA-256 is on the
        document's page)."""
        rows = view.documents([did])
        found = view.original(rows[0].sha256) if rows and rows[0].sha256 else None
        if found is None:
            raise missing("original for document", did)
        content, media_type = found
        hiding = case_hiding()
        if hiding.active and pages.names_someone(hiding, rows[0], view.blocks_of([did]).get(
                did, []), content):
            if not principal_of(request).cleared:
                raise HTTPException(status_code=404, detail=f"the original of {did} names a "
                                    "protected person and is withheld")
            gate.revealed(request)
        name = Path(rows[0].path.split("!")[-1]).name or f"{did}.bin"
        return Response(content, media_type=_content_type(media_type), headers={
            "Content-Disposition": f'attachment; filename="{_safe(name)}"'})

    @app.get("/report", tags=["report"], dependencies=reader, response_class=StreamingResponse,
             responses={200: {"content": {"text/html": {}}}})
    def report(request: Request) -> StreamingResponse:
        """The case's report (as `dossier report` writes it: one HTML file, no scripts), to
        download; protected people as pseudonyms unless the reader is cleared. Recorded in the
        custody log as an export, with its SHA-256 and who took it."""
        from ..export import Tally, log_export
        from ..export import render as render_export

        who = principal_of(request)
        hiding = redactor(request)
        tally = Tally()

        def pieces() -> Iterator[bytes]:
            yield from tally.counted(render_export(case, "html", hiding))
            log_export(case, tally, "html", "web", who.cleared, who.name or getuser())

        name = _safe(case_path.stem) + "-report.html"
        return StreamingResponse(pieces(), media_type="text/html; charset=utf-8", headers={
            "Content-Disposition": f'attachment; filename="{name}"'})

    add_write_routes(app, case_path, view, gate, settings)

    def openapi() -> dict[str, Any]:
        """The schema, with how a script signs in (an API token as a Bearer credential) and
        the 401 every operation answers without one on a case with users."""
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version,
                                 description=app.description, routes=app.routes)
            schema.setdefault("components", {})["securitySchemes"] = {"token": {
                "type": "http", "scheme": "bearer",
                "description": "an API token (`dossier token add`); a browser's session "
                               "cookie works too"}}
            schema["security"] = [{"token": []}]
            for operations in schema["paths"].values():
                for operation in operations.values():
                    operation.setdefault("responses", {})["401"] = {
                        "description": "not signed in (a case with users): send an API token "
                                       "as Authorization: Bearer …"}
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def missing(what: str, ident: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"there is no {what} {ident} in this case")


def _content_type(media_type: str | None) -> str:
    """What the browser is told the original is: never something it would render as a page
    of this site (an HTML original is evidence to download, not to run)."""
    if media_type in ("text/plain", "application/pdf", "application/zip"):
        return media_type
    return "application/octet-stream"


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in name)


