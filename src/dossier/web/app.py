"""The web UI: `dossier serve`. FastAPI with server-rendered Jinja2 pages; every page has a JSON
twin under /api/… (the same data, from `pages`), described by the OpenAPI schema at
/openapi.json. It only reads the case: nothing here writes, and no page needs the network
(styles are served by the app)."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from getpass import getuser
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..protect import NOBODY, Redactor
from ..protect.people import case_redactor, known_as, protection
from ..store import Case, CaseView
from ..store.views import ClaimQuery
from ..store.writer import utc_now
from . import pages

HERE = Path(__file__).resolve().parent


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
        offset: Annotated[int, Query(ge=0)] = 0,
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
    "Referrer-Policy": "no-referrer",
}
PassagePage = Annotated[int, Query(
    ge=1, description=f"the page of passages ({pages.PASSAGES_PER_PAGE} to a page, the denials "
                      "first; past the last, the last)")]


def create_app(case_path: Path, cleared: bool = False) -> FastAPI:
    """The app serving the case at `case_path`, opened for reading only; protected people as
    pseudonyms unless `cleared` (a cleared analyst gave the passphrase to `dossier serve`)."""
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
                              "independent origins, passages, denials and documents.")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.middleware("http")
    async def hardened(request: Request, call_next: Callable[[Request], Awaitable[Response]]
                       ) -> Response:
        """Every response: nothing but this site's own files may load (no inline script or
        style exists to allow), never framed, never sniffed, never cached (a case's pages
        must not stay behind in a shared browser)."""
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals["version"] = __version__

    cached: dict[str, Any] = {"state": None, "redactor": Redactor()}

    def redactor() -> Redactor:
        """Protected people's pseudonyms (for everyone but a cleared analyst: the web UI has
        no users yet). Made again when a protection or a build changed the case."""
        if cleared:
            return NOBODY
        state = view.protection_state()
        if state != cached["state"]:
            cached.update(state=state, redactor=case_redactor(view))
        found: Redactor = cached["redactor"]
        return found

    def shown(data: dict[str, Any]) -> dict[str, Any]:
        return redactor().apply(data)

    def render(request: Request, template: str, data: dict[str, Any], title: str,
               api: str) -> HTMLResponse:
        return templates.TemplateResponse(request, template, shown({
            **data, "title": title, "api": api, "case_name": case_path.name}))

    def searched(words: str) -> str:
        """A search that names a protected person finds nothing."""
        return "" if redactor().names_anyone(words) else words

    def unnamed(filters: ClaimQuery) -> ClaimQuery:
        """The filters as the case knows them: a protected entity's shown ID to its own; words
        naming a protected person match nothing."""
        hiding = redactor()
        if filters.entity:
            filters = replace(filters, entity=hiding.real_id(filters.entity))
        if filters.words and hiding.names_anyone(filters.words):
            return replace(filters, ids=())
        return filters

    def missing(what: str, ident: str) -> HTTPException:
        return HTTPException(status_code=404, detail=f"there is no {what} {ident} in this case")

    def required(data: dict[str, Any] | None, what: str, ident: str) -> dict[str, Any]:
        if data is None:
            raise missing(what, ident)
        return data

    @app.exception_handler(StarletteHTTPException)
    async def not_found(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return await http_exception_handler(request, exc)
        return templates.TemplateResponse(
            request, "error.html", shown({"title": "Not found", "detail": exc.detail,
                                          "api": None, "case_name": case_path.name}),
            status_code=exc.status_code)

    def twin(path: str, api: str, template: str, title: str,
             build: Callable[[CaseView], dict[str, Any]], tag: str, summary: str) -> None:
        """A page without parameters and its JSON twin, both from `build`."""

        def api_route() -> dict[str, Any]:
            return shown(build(view))

        def page_route(request: Request) -> HTMLResponse:
            return render(request, template, build(view), title, api)

        api_route.__doc__ = summary
        app.get(api, tags=[tag], name=f"api_{template.removesuffix('.html')}")(api_route)
        app.get(path, response_class=HTMLResponse, include_in_schema=False,
                name=template.removesuffix(".html"))(page_route)

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

    @app.get("/api/claims", tags=["claims"])
    def api_claims(filters: Filters) -> dict[str, Any]:
        """Claims that pass the filters, most independent origins first (or by number of
        passages, or by date), a page of them, with the total."""
        return shown(pages.claims(view, unnamed(filters)))

    @app.get("/claims", response_class=HTMLResponse, include_in_schema=False)
    def claims_page(request: Request, filters: Filters) -> HTMLResponse:
        return render(request, "claims.html", pages.claims(view, unnamed(filters)), "Claims",
                    "/api/claims" + (f"?{request.url.query}" if request.url.query else ""))

    @app.get("/api/claims/{cid}", tags=["claims"])
    def api_claim(cid: str, page: PassagePage = 1) -> dict[str, Any]:
        """One claim as the export has it (its passages apart), one page of its passages in
        their context, and the analysts' judgements of its passages."""
        return shown(required(pages.claim(view, cid, page, redactor()), "claim", cid))

    @app.get("/claims/{cid}", response_class=HTMLResponse, include_in_schema=False)
    def claim_page(request: Request, cid: str, page: PassagePage = 1) -> HTMLResponse:
        data = required(pages.claim(view, cid, page, redactor()), "claim", cid)
        return render(request, "claim.html", data, "Claim", f"/api/claims/{cid}?page={page}")

    # -- documents -----------------------------------------------------------------------------

    @app.get("/api/documents/{did}", tags=["documents"])
    def api_document(did: str) -> dict[str, Any]:
        """A document as the export has it, its statements (with their claims), its body cut
        into statements and plain text, its copies and possible copies."""
        return shown(required(pages.document(view, did, redactor()), "document", did))

    @app.get("/documents/{did}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, did: str) -> HTMLResponse:
        data = required(pages.document(view, did, redactor()), "document", did)
        title = data["document"]["title"] or data["document"]["path"]
        return render(request, "document.html", data, title, f"/api/documents/{did}")

    # -- entities and the timeline ---------------------------------------------------------

    @app.get("/api/entities/{eid}", tags=["entities"])
    def api_entity(eid: str) -> dict[str, Any]:
        """An entity: its spellings with the reason for each merge, its mentions in their
        sentences, and the claims whose passages involve it."""
        return shown(required(pages.entity(view, redactor().real_id(eid)), "entity", eid))

    @app.get("/entities/{eid}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, eid: str) -> HTMLResponse:
        data = required(pages.entity(view, redactor().real_id(eid)), "entity", eid)
        if cleared:  # the cleared analyst administers protection (users and roles: issue 9)
            data["admin"] = {"token": token, "protected": _protection_of(view, eid)}
        return render(request, "entity.html", data, data["entity"]["name"], f"/api/entities/{eid}")

    # -- protection, by the cleared analyst ---------------------------------------------------

    token = secrets.token_urlsafe(32)  # every form carries it: another site's page cannot

    async def posted(request: Request) -> dict[str, str]:
        """A form's fields, once its token is checked; 404 unless the server is cleared."""
        if not cleared:
            raise HTTPException(status_code=404, detail="Not Found")
        fields = {k: v[0] for k, v in parse_qs((await request.body()).decode()).items()}
        if not hmac.compare_digest(fields.get("token", ""), token):
            raise HTTPException(status_code=403, detail="this form is stale or not ours: "
                                "reload the page")
        if not fields.get("reason", "").strip():
            raise HTTPException(status_code=422, detail="give a reason")
        return fields

    @app.post("/entities/{eid}/protect", include_in_schema=False)
    async def protect_entity(request: Request, eid: str) -> Response:
        fields = await posted(request)
        found = view.entities([eid])
        if not found:
            raise missing("entity", eid)
        with Case.open(case_path) as case:
            people = case.view.protected_people()
            person = protection(found[0].name, case.view.entities(),
                                {p.code for p in people}, f"{getuser()} (web)",
                                fields["reason"], utc_now())
            with case.writer.transaction() as tx:
                tx.protect(person)
        return RedirectResponse(f"/entities/{eid}", status_code=303)

    @app.post("/protection/{code}/lift", include_in_schema=False)
    async def lift_protection(request: Request, code: str) -> Response:
        fields = await posted(request)
        with Case.open(case_path) as case:
            if not any(p.code == code for p in case.view.protected_people()):
                raise missing("protection", code)
            with case.writer.transaction() as tx:
                tx.unprotect(code, f"{getuser()} (web)")
        return RedirectResponse(fields.get("back", "/entities"), status_code=303)

    @app.get("/api/timeline", tags=["timeline"])
    def api_timeline(entity: Annotated[str | None, Query(
            description="only claims whose passages involve this case entity")] = None
                     ) -> dict[str, Any]:
        """Dated claims and denials in date order, with date precision, support and status;
        the undated claims apart."""
        return shown(pages.timeline(view, redactor().real_id(entity) if entity else None))

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, entity: str | None = None) -> HTMLResponse:
        data = pages.timeline(view, redactor().real_id(entity) if entity else None)
        data["choices"] = pages.entities(view)["entities"][:pages.ENTITY_CHOICES]
        return render(request, "timeline.html", data, "Timeline",
                    "/api/timeline" + (f"?entity={entity}" if entity else ""))

    # -- search --------------------------------------------------------------------------------

    @app.get("/api/search", tags=["search"])
    def api_search(q: Annotated[str, Query(description="words; every one must appear; "
                                                       "a trailing * matches a prefix")] = ""
                   ) -> dict[str, Any]:
        """Full text over statements (grouped by the claim they belong to) and document
        bodies (with the stretch that matches)."""
        return shown(pages.search(view, searched(q)))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str = "") -> HTMLResponse:
        return render(request, "search.html", {**pages.search(view, searched(q)), "q": q},
                      "Search",
                    f"/api/search?{request.url.query}")

    @app.get("/documents/{did}/original", tags=["documents"],
             responses={200: {"content": {"application/octet-stream": {}}}})
    def original(did: str) -> Response:
        """The original file as it was captured, byte for byte (its SHA-256 is on the
        document's page)."""
        rows = view.documents([did])
        found = view.original(rows[0].sha256) if rows and rows[0].sha256 else None
        if found is None:
            raise missing("original for document", did)
        content, media_type = found
        hiding = redactor()
        if hiding.active and pages.names_someone(hiding, rows[0], view.blocks_of([did]).get(
                did, []), content):
            raise HTTPException(status_code=404, detail=f"the original of {did} names a "
                                "protected person and is withheld")
        name = Path(rows[0].path.split("!")[-1]).name or f"{did}.bin"
        return Response(content, media_type=_content_type(media_type), headers={
            "Content-Disposition": f'attachment; filename="{_safe(name)}"'})

    return app


def _content_type(media_type: str | None) -> str:
    """What the browser is told the original is: never something it would render as a page
    of this site (an HTML original is evidence to download, not to run)."""
    if media_type in ("text/plain", "application/pdf", "application/zip"):
        return media_type
    return "application/octet-stream"


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in name)



def _protection_of(view: CaseView, eid: str) -> str | None:
    """The code of the protection that covers this entity, if any."""
    found = view.entities([eid])
    if not found:
        return None
    for person in view.protected_people():
        if any(known_as(found, name) for name in person.names):
            return person.code
    return None
