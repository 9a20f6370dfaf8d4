"""Protected people: on the demo case, protect two people and read every output dossier makes
— terminal views, exports, the report, every page and API route of the web UI, the custody
log — byte by byte, for their names and every spelling (any case, with or without accents,
in Cyrillic), and for their entity IDs (hashes of their names)."""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote_plus

import pytest
from conftest import Dossier
from fastapi.testclient import TestClient

from dossier.cli import DEMO_PASSPHRASE, DEMO_PROTECTED
from dossier.demo import corpus_folder
from dossier.protect import Protected, Redactor, fold
from dossier.store import Case
from dossier.web import create_app

PROTECTED = ("Zelimkhan Bakayev", "Aslan")


@pytest.fixture(scope="module")
def protected(demo_case: Path, tmp_path_factory: pytest.TempPathFactory
              ) -> Iterator[tuple[Dossier, list[str], list[str]]]:
    """A copy of the demo case with two people protected; their spellings and entity IDs as
    the case knew them before."""
    case = tmp_path_factory.mktemp("protected") / "case.db"
    shutil.copy(demo_case, case)
    dossier = Dossier(case)
    opened = Case.open(case, write=False)
    try:
        before = opened.view.entities()  # as the case knows them: the view hides nobody
    finally:
        opened.close()
    spellings: list[str] = []
    ids: list[str] = []
    for name in PROTECTED:
        entity = next(e for e in before if name in e.aliases)
        spellings += entity.aliases
        ids.append(entity.id)
    assert DEMO_PROTECTED in PROTECTED  # the demo protects its witness already
    for name in PROTECTED:
        if name != DEMO_PROTECTED:
            result = dossier("protect", name, "--reason", "at risk")
            assert result.exit_code == 0, result.output
            assert name not in result.output and "Person P-" in result.output
    yield dossier, spellings, ids


def _leaks(text: str, spellings: list[str], ids: list[str]) -> list[str]:
    folded = fold(text)
    found = [s for s in spellings if re.search(rf"(?<!\w){re.escape(fold(s))}(?!\w)", folded)]
    return found + [i for i in ids if i in text]


def test_a_name_is_found_in_any_case_accent_or_script() -> None:
    hiding = Redactor([Protected("Person P-1", ("Zelimkhan Bakayev", "Bakayev", "Bakaev"))])
    for text in ("BAKAYEV", "bakáyev", "Zelimkhan  Bakayev", "Zelimkhan\nBakayev", "Бакаев"):
        assert "Person P-1" in hiding.text(f"He said {text} left."), text
    assert hiding.text("Bakayevskaya street") == "Bakayevskaya street"
    text = "Then Bakayev, 26, vanished; Bakayev's mother spoke."
    shown, moved = hiding.text_with_offsets(text)
    for word in ("26", "vanished", "mother"):
        assert shown[moved(text.index(word)):].startswith(word)
    assert hiding.names_anyone("bakay*") and hiding.names_anyone("ZELIMKHAN")
    assert not hiding.names_anyone("detained") and not hiding.names_anyone("ba*")


def test_no_terminal_view_export_or_report_names_them(
        protected: tuple[Dossier, list[str], list[str]], tmp_path: Path) -> None:
    dossier, spellings, ids = protected
    outputs: dict[str, str] = {}
    for args in (("sources",), ("sources", "--json"), ("copies", "--all"), ("entities",),
                 ("entities", "--json"), ("entities", "--reasons"),
                 ("claims", "--why", "--mentions"), ("claims", "--json"), ("timeline",),
                 ("timeline", "--json"), ("protect", "--list"), ("protect", "--list", "--json"),
                 ("export", "--format", "json"), ("export", "--format", "ftm")):
        result = dossier(*args)
        assert result.exit_code == 0, result.output
        outputs[" ".join(args)] = result.output
    archive = tmp_path / "tables.zip"
    assert dossier("export", "--format", "csv", "-o", archive).exit_code == 0
    with zipfile.ZipFile(archive) as tables:
        for name in tables.namelist():
            outputs[name] = tables.read(name).decode()
    for report in ("case.html", "case.md"):
        assert dossier("report", "-o", tmp_path / report).exit_code == 0
        outputs[report] = (tmp_path / report).read_text(encoding="utf-8")
    # the log's entries since the protection (those before are chained and stay as written:
    # the case file is not an output, docs/threat-model.md)
    outputs["custody log"] = "\n".join(str(row) for row in dossier.sql(
        "SELECT action, detail FROM custody_log WHERE seq >= (SELECT min(seq) FROM custody_log "
        "WHERE action = 'protect')"))
    for name, text in outputs.items():
        assert not _leaks(text, spellings, ids), f"{name} names {_leaks(text, spellings, ids)}"
    assert "Person P-" in outputs["export --format json"] and "Person P-" in outputs["case.html"]
    export = json.loads(outputs["export --format json"])
    hidden = [e for e in export["entities"] if e["protected"]]
    assert len(hidden) == len(PROTECTED)
    assert all(e["name"].startswith("Person P-") and e["aliases"] == [e["name"]]
               for e in hidden)
    bodies = {d["id"]: d["text"] for d in export["documents"]}
    for claim in export["claims"]:  # offsets still point at the quote in the redacted body
        for m in claim["mentions"]:
            assert bodies[m["document"]][m["start"]:m["end"]] == m["quote"]


def test_no_page_or_api_route_names_them(protected: tuple[Dossier, list[str], list[str]]
                                         ) -> None:
    dossier, spellings, ids = protected
    seen: dict[str, str] = {}
    with TestClient(create_app(dossier.case)) as client:
        def get(url: str, **params: str) -> str:
            response = client.get(url, params=params)
            assert response.status_code in (200, 404), url
            seen[f"{url} {params}"] = response.text
            return response.text

        for url in ("/", "/api/overview", "/claims", "/documents", "/api/documents",
                    "/entities", "/api/entities", "/timeline", "/api/timeline", "/rejected",
                    "/api/rejected", "/openapi.json"):
            get(url)
        claims = json.loads(get("/api/claims", limit="500"))["claims"]
        for claim in claims:
            data = json.loads(get(f"/api/claims/{claim['id']}"))
            get(f"/claims/{claim['id']}")
            for page in range(2, data["page"]["pages"] + 1):
                get(f"/claims/{claim['id']}", page=str(page))
        withheld = 0
        for document in json.loads(get("/api/documents"))["documents"]:
            get(f"/documents/{document['id']}")
            get(f"/api/documents/{document['id']}")
            original = client.get(f"/documents/{document['id']}/original")
            withheld += original.status_code == 404
            if original.status_code == 200:
                seen[f"original {document['id']}"] = original.content.decode("latin-1")
                assert not _leaks(original.headers["content-disposition"], spellings, ids)
        assert withheld  # the originals that name them are not served
        for entity in json.loads(get("/api/entities"))["entities"]:
            get(f"/entities/{entity['id']}")
            get(f"/api/entities/{entity['id']}")
            get("/timeline", entity=entity["id"])
        for words in ("detained", "singer", "real name", "bakay*"):
            get("/search", q=words)
            get("/api/search", q=words)
            get("/api/claims", q=words)
        # A search naming them finds nothing, and answers exactly as a search for a name the
        # case has never seen: the words typed come back as typed (shown as a pseudonym, they
        # would tie the name to it).
        unknown = "Zyzzogeton"
        for name in spellings:
            for url in ("/search", "/api/search", "/claims", "/api/claims"):
                asked = client.get(url, params={"q": name}).text
                control = client.get(url, params={"q": unknown}).text
                asked = asked.replace(quote_plus(name), unknown)  # the JSON twin's link
                assert asked.replace(name, unknown) == control, (url, name)
            assert json.loads(client.get("/api/search", params={"q": name}).text)["claims"] == []
            assert json.loads(client.get("/api/claims", params={"q": name}).text)["total"] == 0
    for url, text in seen.items():
        assert not _leaks(text, spellings, ids), f"{url} names {_leaks(text, spellings, ids)}"
    assert any("Person P-" in text for text in seen.values())


def test_a_pseudonym_stays_the_same_across_rebuilds(
        protected: tuple[Dossier, list[str], list[str]]) -> None:
    dossier, _, _ = protected
    before = {e["name"] for e in dossier.export()["entities"] if e["protected"]}
    listed = json.loads(dossier("protect", "--list", "--json").output)
    assert {p["pseudonym"] for p in listed} == before
    dossier.sql("DELETE FROM case_meta WHERE key = 'corroborator'")  # stage 5 runs again
    with corpus_folder() as corpus, contextlib.chdir(corpus.parent):
        assert dossier("build", "--quiet", corpus.name).exit_code == 0
    assert dossier.sql("SELECT value FROM case_meta WHERE key = 'corroborator'")
    assert {e["name"] for e in dossier.export()["entities"] if e["protected"]} == before


def test_protecting_is_an_analysts_decision(protected: tuple[Dossier, list[str], list[str]]
                                            ) -> None:
    dossier, _, _ = protected
    assert "--reason" in dossier("protect", "Alvi Karimov").output
    suggested = json.loads(dossier("protect", "--suggest", "--json").output)
    assert all(not set(s["aliases"]) & set(PROTECTED) for s in suggested)
    listed = json.loads(dossier("protect", "--list", "--json").output)
    code = listed[0]["code"]
    result = dossier("unprotect", code, "--reason", "consented")
    assert result.exit_code == 0 and code in result.output
    assert len(json.loads(dossier("protect", "--list", "--json").output)) == len(listed) - 1
    assert dossier("unprotect", "P-0000", "--reason", "x").exit_code == 2
    log = [json.loads(d) for a, d in dossier.sql("SELECT action, detail FROM custody_log")
           if a in ("protect", "unprotect")]
    assert log and all(set(d) == {"pseudonym", "analyst"} for d in log)



def test_a_cleared_analyst_sees_the_names_with_the_passphrase(
        protected: tuple[Dossier, list[str], list[str]], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dossier, spellings, ids = protected
    monkeypatch.delenv("DOSSIER_PASSPHRASE", raising=False)
    refused = dossier("entities", "--include-confidential")
    assert refused.exit_code == 2 and "DOSSIER_PASSPHRASE" in refused.output
    monkeypatch.setenv("DOSSIER_PASSPHRASE", "not the demo's passphrase")
    assert dossier("entities", "--include-confidential").exit_code == 2
    monkeypatch.setenv("DOSSIER_PASSPHRASE", DEMO_PASSPHRASE)
    for args in (("entities", "--json"), ("claims", "--json"), ("export", "--format", "json")):
        assert _leaks(dossier(*args, "--include-confidential").output, spellings, ids), args
    assert dossier("report", "-o", tmp_path / "r.md", "--include-confidential").exit_code == 0
    assert _leaks((tmp_path / "r.md").read_text(encoding="utf-8"), spellings, ids)
    revealed = [json.loads(d) for (d,) in dossier.sql(
        "SELECT detail FROM custody_log WHERE action = 'reveal'")]
    assert {"entities", "claims", "export json", "report md"} <= {r["what"] for r in revealed}
    with TestClient(create_app(dossier.case, unlocked=True)) as client:
        assert _leaks(client.get("/api/entities").text, spellings, ids)
    revealed = [json.loads(d) for (d,) in dossier.sql(
        "SELECT detail FROM custody_log WHERE action = 'reveal'")]
    assert revealed[-1]["what"] == "web /api/entities"  # who saw what where, never the names
    assert not _leaks(json.dumps(revealed), spellings, ids)


def test_the_analyst_at_this_machine_protects_from_the_web_ui(demo_case: Path,
                                                              tmp_path: Path) -> None:
    """A case without users, served on loopback: its analyst administers protection (a
    shared case's roles: test_access.py)."""
    case = tmp_path / "case.db"
    shutil.copy(demo_case, case)
    dossier = Dossier(case)
    entity = next(e for e in json.loads(dossier("entities", "--json").output)
                  if e["name"] == "Alvi Karimov")
    with TestClient(create_app(case)) as client:
        page = client.get(f"/entities/{entity['id']}").text
        token = re.search(r'name="csrf" value="([^"]+)"', page)
        assert token and "Protect</button>" in page
        forged = client.post(f"/entities/{entity['id']}/protect",
                             data={"reason": "at risk", "csrf": "guessed"})
        assert forged.status_code == 403
        done = client.post(f"/entities/{entity['id']}/protect", follow_redirects=False,
                           data={"reason": "at risk", "csrf": token.group(1)})
        assert done.status_code == 303
        listed = json.loads(dossier("protect", "--list", "--json").output)
        code = next(p["code"] for p in listed if p["reason"] == "at risk")
        page = client.get(done.headers["location"]).text  # under its hidden ID now
        assert "Lift the protection" in page and "Alvi Karimov" not in page
        assert client.get(f"/entities/{entity['id']}").status_code == 404  # its own: unknown
    with TestClient(create_app(case)) as locked:
        assert "Alvi Karimov" not in locked.get("/api/entities").text
    with TestClient(create_app(case, unlocked=True)) as client:
        lifted = client.post(f"/protection/{code}/lift", follow_redirects=False,
                             data={"reason": "consented", "csrf": token.group(1)})
        assert lifted.status_code == 403  # a new server, a new token
        page = client.get(f"/entities/{entity['id']}").text
        fresh = re.search(r'name="csrf" value="([^"]+)"', page)
        assert fresh
        assert client.post(f"/protection/{code}/lift", follow_redirects=False, data={
            "reason": "consented", "csrf": fresh.group(1)}).status_code == 303
    assert code not in dossier("protect", "--list").output


def test_a_victim_named_with_a_profession_is_still_suggested(dossier: Dossier,
                                                            tmp_path: Path) -> None:
    """A stated office ("Interior Minister Karel Dvor") makes a public actor; a profession
    does not take a victim out of the suggestions: the lawyer abducted outside the court is
    suggested for protection like any other victim."""
    from fixtures import write

    write(tmp_path / "in" / "lawyer.txt", (
        "Lawyer seized outside court\nBy Staff Reporter, The Test Courier\n14 May 2024\n\n"
        "Men in plain clothes abducted the lawyer Nadia Ferro outside the city court in Orsk "
        "on Tuesday, witnesses said. Interior Minister Karel Dvor said no one had been "
        "detained outside the court. Her husband said she had received threats for weeks.\n"))
    assert dossier("build", tmp_path / "in").exit_code == 0
    suggested = {s["name"] for s in json.loads(dossier("protect", "--suggest", "--json").output)}
    assert "Nadia Ferro" in suggested
    assert "Karel Dvor" not in suggested
