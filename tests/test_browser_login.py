"""Signing in to a shared case in a real browser — Debian's chromium driven by Playwright, as in
test_browser.py — on a copy of the demo case with a viewer and an admin: the sign-in page
comes first, a wrong password is refused, a viewer reads but has no judgement forms and no
administration, signing out ends the session (going back does not show the case again), and
an admin adds a user from the administration page. No console errors. Screenshots of the
sign-in and administration pages are saved in test-artifacts/."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from playwright.sync_api import Browser, Page, expect
from serving import chromium, listening

from dossier.cli import main
from dossier.web import create_app

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
PASSWORDS = {"vera": "a viewer's long password", "adil": "an admin's long password"}
ROLES = {"vera": "viewer", "adil": "admin"}
# Chromium logs every answer that is not a success as an error, an expected refusal included.
REFUSAL = re.compile(r"Failed to load resource: the server responded with a status of (\d+)")


@pytest.fixture(scope="module")
def shared_case(demo_case: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    case = tmp_path_factory.mktemp("login") / "case.db"
    shutil.copy(demo_case, case)
    for name, password in PASSWORDS.items():
        added = CliRunner().invoke(main, ["user", "add", name, "--role", ROLES[name],
                                          "--password-stdin", "--case", str(case)],
                                   input=password, catch_exceptions=False)
        assert added.exit_code == 0, added.output
    return case


@pytest.fixture(scope="module")
def server(shared_case: Path) -> Iterator[str]:
    with listening(create_app(shared_case)) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


class Errors:
    """What the browser reported as errors, and the refusals (by status) the test expects."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.expected: list[int] = []

    def expect(self, status: int) -> None:
        self.expected.append(status)

    def unexpected(self) -> list[str]:
        left, found = list(self.expected), []
        for error in self.seen:
            refused = REFUSAL.match(error)
            if refused and int(refused[1]) in left:
                left.remove(int(refused[1]))
            else:
                found.append(error)
        return found


@pytest.fixture
def errors() -> Errors:
    return Errors()


@pytest.fixture
def page(browser: Browser, errors: Errors) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    opened = context.new_page()
    opened.on("console", lambda m: errors.seen.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda e: errors.seen.append(str(e)))
    yield opened
    context.close()
    assert not errors.unexpected(), f"the browser reported errors: {errors.unexpected()}"


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def sign_in(page: Page, name: str, password: str) -> None:
    page.get_by_label("Name").fill(name)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_a_viewer_signs_in_reads_and_signs_out(server: str, page: Page, errors: Errors) -> None:
    page.goto(server + "/")
    expect(page).to_have_url(re.compile(r"/login\?next=%2F$"))
    expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
    expect(page.get_by_role("navigation", name="Sections")).to_have_count(0)
    shot(page, "login")

    errors.expect(401)
    sign_in(page, "vera", "not vera's password")
    expect(page.get_by_role("alert")).to_contain_text("Wrong name or password")
    expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
    shot(page, "login-refused")

    sign_in(page, "vera", PASSWORDS["vera"])
    expect(page.get_by_role("heading", name="Overview", level=1)).to_be_visible()
    assert page.url == server + "/"
    expect(page.locator("header .account")).to_contain_text("vera · viewer")
    expect(page.get_by_role("link", name="Administration")).to_have_count(0)

    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Claims").click()
    expect(page.get_by_role("heading", name="Claims", level=1)).to_be_visible()
    page.locator("table.claims tbody tr").first.get_by_role("link").first.click()
    expect(page.locator("h1.statement")).to_be_visible()
    expect(page.get_by_role("heading", name="Passages", exact=True)).to_be_visible()
    expect(page.locator("form[action$='/judge']")).to_have_count(0)
    expect(page.get_by_text("Judge this passage")).to_have_count(0)
    errors.expect(404)
    opened = page.goto(server + "/admin")
    assert opened is not None and opened.status == 404  # as if there were no such page

    page.goto(server + "/claims")
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(server + "/login")
    expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
    page.go_back()  # the claims page is neither cached nor shown again: sign in first
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fclaims$"))
    expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
    page.goto(server + "/claims")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fclaims$"))


def test_an_admin_adds_a_user(server: str, page: Page) -> None:
    page.goto(server + "/admin")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fadmin$"))
    sign_in(page, "adil", PASSWORDS["adil"])
    expect(page.get_by_role("heading", name="Administration", level=1)).to_be_visible()
    expect(page.locator("header .account")).to_contain_text("adil · admin")
    users = page.locator("section[aria-labelledby='users-h'] table tbody tr")
    expect(users).to_have_count(2)
    expect(users.filter(has_text="omar")).to_have_count(0)

    form = page.locator("form.add-user")
    form.get_by_label("Name").fill("omar")
    form.get_by_label("Role").select_option("analyst")
    form.get_by_label("Password").fill("omar's own long password")
    form.get_by_role("button", name="Add").click()
    expect(page).to_have_url(server + "/admin")
    expect(users).to_have_count(3)
    added = users.filter(has_text="omar")
    expect(added).to_have_count(1)
    expect(added.get_by_label("Role of omar")).to_have_value("analyst")
    shot(page, "admin")

    # an admin may judge: the forms a viewer does not get are on the claim page
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Claims").click()
    page.locator("table.claims tbody tr").first.get_by_role("link").first.click()
    expect(page.locator("form.judge[action$='/judge']")).to_have_count(1)
