"""The web UI in a real browser — Debian's chromium driven by Playwright, no browser download —
on the demo case: a reader's path from the overview to a claim, its passage, the document and
the original as captured; filtering; keyboard access; no console errors. Screenshots are saved
in test-artifacts/ (kept by CI as test artefacts)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from serving import chromium, listening

from dossier.web import create_app

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(scope="module")
def server(demo_case: Path) -> Iterator[str]:
    with listening(create_app(demo_case)) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda e: errors.append(str(e)))
    yield opened
    context.close()
    assert not errors, f"the browser reported errors: {errors}"


def shot(page: Page, name: str) -> None:
    """The whole page, and the first screen of it (what docs/images/ shows in the README)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-screen.png"))


def test_overview_to_claim_to_passage_to_document_to_original(server: str, page: Page) -> None:
    page.goto(server + "/")
    expect(page.get_by_role("heading", name="Overview")).to_be_visible()
    shot(page, "overview")
    first = page.locator("ol.claims-short").first.get_by_role("link").first
    statement = first.inner_text()
    first.click()
    expect(page.locator("h1.statement")).to_have_text(statement)
    expect(page.get_by_role("heading", name="Passages", exact=True)).to_be_visible()
    origins = int(page.locator("dd.origins").inner_text())
    expect(page.locator("ol.origins-list > li")).to_have_count(origins)
    shot(page, "claim")
    claim_url = page.url
    download = page.get_by_role("link", name="Download the original as captured")
    for k in range(page.locator("article.passage").count()):
        passage = page.locator("article.passage").nth(k)
        quote = passage.locator("mark").inner_text()
        passage.locator("header a").first.click()
        mention = page.url.split("#", 1)[1]
        marked = page.locator(f"mark[id='{mention}']")
        expect(marked).to_be_visible()
        assert marked.inner_text() == quote
        if download.count():
            break
        # an original that names a protected person (the demo's witness) is withheld
        expect(page.get_by_text("The original is withheld")).to_be_visible()
        page.goto(claim_url)
    shot(page, "document")
    sha = page.locator("code.hash").inner_text()
    with page.expect_download() as downloaded:
        download.click()
    saved = downloaded.value.path()
    assert hashlib.sha256(Path(saved).read_bytes()).hexdigest() == sha


def test_filtering_claims(server: str, page: Page) -> None:
    page.goto(server + "/claims")
    everything = page.locator("table.claims tbody tr").count()
    page.get_by_label("Status").select_option("contested")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"status=contested"))
    rows = page.locator("table.claims tbody tr")
    assert 0 < rows.count() < everything
    for k in range(rows.count()):
        expect(rows.nth(k).locator(".status")).to_have_text("contested")
    page.get_by_label("Words").fill("Argun")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"q=Argun"))  # the filtered page, not the last one
    rows = page.locator("table.claims tbody tr")
    expect(rows.first).to_be_visible()
    assert 0 < rows.count() < everything
    shot(page, "claims-filtered")
    # the words are in the claim's statement or in one of its passages
    rows.first.get_by_role("link").first.click()
    expect(page.locator("h1.statement")).to_be_visible()
    assert "Argun" in page.locator("main").inner_text()


def test_keyboard_reaches_the_content(server: str, page: Page) -> None:
    page.goto(server + "/claims")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")


def test_every_page_of_the_navigation_opens(server: str, page: Page) -> None:
    page.goto(server + "/")
    for name in ("Claims", "Timeline", "Entities", "Documents", "Rejected files", "Overview"):
        page.get_by_role("navigation", name="Sections").get_by_role("link", name=name).click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert page.locator("h1").inner_text()


def test_following_the_timeline_to_a_claim(server: str, page: Page) -> None:
    page.goto(server + "/timeline")
    shot(page, "timeline")
    entry = page.locator("ol.timeline li.entry").first
    statement = entry.locator(".what a").first.inner_text()
    entry.locator(".what a").first.click()
    expect(page.locator("h1.statement")).to_have_text(statement)


def test_an_entity_leads_to_its_claims(server: str, page: Page) -> None:
    page.goto(server + "/entities")
    page.get_by_role("link", name="Argun", exact=True).click()
    expect(page.get_by_role("heading", name="Argun", level=1)).to_be_visible()
    shot(page, "entity")
    page.get_by_role("link", name="Claims involving Argun").first.click()
    assert page.locator("table.claims tbody tr").count() > 0


def test_searching_from_any_page(server: str, page: Page) -> None:
    page.goto(server + "/documents")
    page.get_by_label("Search the case").fill("Argun compound")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Search", level=1)).to_be_visible()
    hit = page.locator("article.hit a").first
    statement = hit.inner_text()
    shot(page, "search")
    hit.click()
    expect(page.locator("h1.statement")).to_have_text(statement)
