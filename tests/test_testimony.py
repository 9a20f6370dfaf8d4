"""Confidential testimonies: sealed in the case file — no plaintext in the file, its WAL or
anywhere beside it —, opened only with the passphrase, a wrong passphrase and a changed byte
refused clearly, passphrases changed and added, and a testimony's key destroyed for good."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Dossier
from fastapi.testclient import TestClient
from fixtures import pdf_bytes

from dossier.cli import DEMO_PASSPHRASE
from dossier.config import Settings
from dossier.corroborate.records import mention_id
from dossier.protect import keys
from dossier.protect.testimony import (
    open_testimony,
    read_account,
    seal_testimony,
)
from dossier.protect.testimony import testimony_quotes as opened_quotes
from dossier.store import Case
from dossier.store.writer import utc_now
from dossier.web import create_app

PASSPHRASE = "seven rivers under the old bridge"
ACCOUNT = ("They came for me at night, four men without uniforms. In the basement of the "
           "former barracks at Argun I was held with eleven others for twelve days; they "
           "wanted the names of my friends.")
SECRETS = ("They came for me at night", "former barracks at Argun", "Ruslan Umarov",
           "Tsotsi-Yurt", "names of my friends", "interview-umarov")


@pytest.fixture
def case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Dossier]:
    monkeypatch.setenv("DOSSIER_NEW_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("DOSSIER_PASSPHRASE", PASSPHRASE)
    dossier = Dossier(tmp_path / "case.db")
    assert dossier("passphrase", "set").exit_code == 0
    yield dossier


def _files_beside(case: Path) -> bytes:
    return b"".join(p.read_bytes() for p in case.parent.iterdir() if p.is_file()
                    and p.name.startswith(case.name))


def _add(dossier: Dossier, tmp_path: Path, text: str = ACCOUNT,
         name: str = "interview-umarov.md") -> str:
    account = tmp_path / "in" / name
    account.parent.mkdir(exist_ok=True)
    account.write_text(text, encoding="utf-8")
    result = dossier("testimony", "add", account, "--witness", "Ruslan Umarov", "--date",
                     "2017-04-20", "--place", "Tsotsi-Yurt")
    assert result.exit_code == 0, result.output
    assert "Ruslan Umarov" not in result.output and "Witness W-" in result.output
    account.unlink()  # only the case keeps it
    return result.output.split()[1].rstrip(",")


def test_the_case_file_holds_no_plaintext(case: Dossier, tmp_path: Path) -> None:
    tid = _add(case, tmp_path)
    stored = _files_beside(case.case)
    for secret in SECRETS:
        for encoding in ("utf-8", "utf-16-le"):
            assert secret.encode(encoding) not in stored, secret
    locked = case("testimony", "list")
    assert tid in locked.output and "confidential — locked" in locked.output
    assert "Ruslan" not in locked.output
    opened = case("testimony", "list", "--include-confidential", "--json")
    assert "Ruslan Umarov" in opened.output and "barracks at Argun" in opened.output


def test_the_wal_holds_no_plaintext_while_the_case_is_open(tmp_path: Path) -> None:
    path = tmp_path / "case.db"
    case = Case.open(path, create=True)
    try:
        case_key = keys.new_key()
        with case.writer.transaction() as tx:
            tx.add_key_slot(keys.make_slot(case_key, PASSPHRASE, "custodian-1"))
        account = read_account(_written(tmp_path / "a.txt", ACCOUNT), Settings())
        with case.writer.transaction() as tx:
            tx.add_testimony(seal_testimony(case_key, account, "Ruslan Umarov", None,
                                            "Tsotsi-Yurt", set(), utc_now()))
        assert (tmp_path / "case.db-wal").exists()
        stored = _files_beside(path)
        assert not any(s.encode() in stored for s in SECRETS)
        row = case.view.testimonies()[0]
        assert open_testimony(case_key, row).witness == "Ruslan Umarov"
    finally:
        case.close()


def test_a_pdf_account_is_read_and_sealed(case: Dossier, tmp_path: Path) -> None:
    pdf = tmp_path / "statement.pdf"
    pdf.write_bytes(pdf_bytes([["They came for me at night, four men without uniforms."]]))
    result = case("testimony", "add", pdf, "--witness", "Ruslan Umarov")
    assert result.exit_code == 0, result.output
    assert b"four men without uniforms" not in _files_beside(case.case)
    assert "four men" in case("testimony", "list", "--include-confidential").output


def test_a_wrong_or_missing_passphrase_is_a_clear_error(case: Dossier, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    _add(case, tmp_path)
    monkeypatch.setenv("DOSSIER_PASSPHRASE", "not the passphrase at all")
    wrong = case("testimony", "list", "--include-confidential")
    assert wrong.exit_code == 2 and "wrong passphrase" in wrong.output
    assert "Traceback" not in wrong.output
    monkeypatch.delenv("DOSSIER_PASSPHRASE")
    missing = case("testimony", "list", "--include-confidential")
    assert missing.exit_code == 2 and "DOSSIER_PASSPHRASE" in missing.output
    assert case("testimony", "list").exit_code == 0  # locked: the rest still works
    monkeypatch.setenv("DOSSIER_NEW_PASSPHRASE", "short")
    assert "at least" in Dossier(case.case.parent / "other.db")("passphrase", "set").output


def test_a_changed_or_moved_ciphertext_is_detected(case: Dossier, tmp_path: Path) -> None:
    first = _add(case, tmp_path)
    second = _add(case, tmp_path, ACCOUNT + " A second account.", "other.md")
    with sqlite3.connect(case.case) as conn:
        text = conn.execute("SELECT text FROM testimonies WHERE id = ?", (first,)).fetchone()[0]
        flipped = bytes([text[0], *text[1:-1], text[-1] ^ 1])
        conn.execute("UPDATE testimonies SET text = ? WHERE id = ?", (flipped, first))
    result = case("testimony", "list", "--include-confidential")
    assert result.exit_code == 2 and "does not open" in result.output
    with sqlite3.connect(case.case) as conn:  # the other's sound ciphertext, moved here
        other = conn.execute("SELECT text FROM testimonies WHERE id = ?", (second,)).fetchone()
        conn.execute("UPDATE testimonies SET text = ? WHERE id = ?", (other[0], first))
    result = case("testimony", "list", "--include-confidential")
    assert result.exit_code == 2 and "does not open" in result.output


def test_passphrases_change_and_custodians_are_added(case: Dossier, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _add(case, tmp_path)
    monkeypatch.setenv("DOSSIER_NEW_PASSPHRASE", "a newer and longer passphrase")
    assert case("passphrase", "change").exit_code == 0
    assert case("testimony", "list", "--include-confidential").exit_code == 2  # the old one
    monkeypatch.setenv("DOSSIER_PASSPHRASE", "a newer and longer passphrase")
    assert "Ruslan Umarov" in case("testimony", "list", "--include-confidential").output
    monkeypatch.setenv("DOSSIER_NEW_PASSPHRASE", "the partner's own passphrase")
    assert case("passphrase", "add", "partner").exit_code == 0
    for phrase in ("a newer and longer passphrase", "the partner's own passphrase"):
        monkeypatch.setenv("DOSSIER_PASSPHRASE", phrase)
        assert "Ruslan Umarov" in case("testimony", "list", "--include-confidential").output
    log = case.sql("SELECT detail FROM custody_log WHERE action = 'key-slot'")
    assert len(log) == 3 and not any("passphrase" in d for (d,) in log)


def test_a_destroyed_testimony_is_unreadable_for_good(case: Dossier, tmp_path: Path) -> None:
    tid = _add(case, tmp_path)
    with sqlite3.connect(case.case) as conn:
        sealed = conn.execute("SELECT wrapped_key, text, meta, original FROM testimonies"
                              ).fetchone()
    result = case("testimony", "destroy", tid, "--reason", "the witness withdrew consent")
    assert result.exit_code == 0, result.output
    stored = _files_beside(case.case)
    assert not any(value in stored for value in sealed)  # gone, not just unlinked
    listed = case("testimony", "list", "--include-confidential")
    assert listed.exit_code == 0 and "destroyed" in listed.output
    assert "Ruslan" not in listed.output


def _written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_the_demo_seals_a_testimony_that_no_output_reveals(demo_case: Path,
                                                           tmp_path: Path) -> None:
    stored = demo_case.read_bytes()
    secrets = ("plastic pipes", "checkpoint near Argun", "Khamzat", "My uncle brought")
    assert not any(s.encode() in stored for s in secrets)
    dossier = Dossier(demo_case)
    listed = dossier("testimony", "list")
    assert "confidential — locked" in listed.output and "Witness W-" in listed.output
    report = tmp_path / "demo.html"
    copy = Dossier(tmp_path / "demo.db")
    copy.case.write_bytes(stored)
    assert copy("report", "-o", report).exit_code == 0
    outputs = [report.read_text(encoding="utf-8"), copy("export", "--format", "json").output]
    assert not any(s in text for s in secrets for text in outputs)


def test_a_testimony_is_an_origin_of_its_own_and_nothing_more_when_locked(
        demo_case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = Dossier(tmp_path / "demo.db")
    copy.case.write_bytes(demo_case.read_bytes())
    claims = json.loads(copy("claims", "--json").output)
    supported = [c for c in claims if any(o.get("confidential") for o in c["origins"])]
    assert supported  # the demo's account matches a claim of the public documents
    claim = supported[0]
    assert claim["independent_sources"] == len(claim["origins"])
    label = next(o["label"] for o in claim["origins"] if o.get("confidential"))
    assert label.startswith("Witness W-") and "plastic pipes" not in json.dumps(claims)
    # a locked build (here: a judgement, which recomputes every claim) keeps the support
    other = next(c for c in claims if c["id"] != claim["id"] and c["mentions"])
    first = other["mentions"][0]
    result = copy("judge", "mention", mention_id(first["document"], first["start"]),
                  "--not-a-claim", "--reason", "test")
    assert result.exit_code == 0, result.output
    again = {c["id"]: c for c in json.loads(copy("claims", "--json").output)}
    assert any(o.get("confidential") for o in again[claim["id"]]["origins"])
    locked_list = json.loads(copy("testimony", "list", "--json").output)[0]
    assert claim["id"] in {s["claim"] for s in locked_list["supports"]}
    assert all(s["quote"] is None for s in locked_list["supports"])
    monkeypatch.setenv("DOSSIER_PASSPHRASE", DEMO_PASSPHRASE)
    opened = json.loads(copy("testimony", "list", "--include-confidential", "--json").output)[0]
    cleared = json.loads(copy("export", "--format", "json", "--include-confidential").output)
    quoted = [o["quote"] for c in cleared["claims"] for o in c["origins"] if "quote" in o]
    assert quoted and all(q in opened["text"] for q in quoted)
    assert copy("report", "-o", tmp_path / "cleared.md", "--include-confidential").exit_code == 0
    assert quoted[0] in (tmp_path / "cleared.md").read_text(encoding="utf-8")
    assert all(s["quote"] and s["quote"] in opened["text"] for s in opened["supports"])
    tid = opened["id"]
    assert copy("testimony", "destroy", tid, "--reason", "withdrawn").exit_code == 0
    after = {c["id"]: c for c in json.loads(copy("claims", "--json").output)}
    assert not any(o.get("confidential") for c in after.values() for o in c["origins"])
    assert after[claim["id"]]["independent_sources"] == claim["independent_sources"] - 1


def test_the_web_quotes_a_testimony_only_to_a_cleared_reader(demo_case: Path,
                                                              tmp_path: Path) -> None:
    case_path = tmp_path / "case.db"
    case_path.write_bytes(demo_case.read_bytes())
    with Case.open(case_path) as case:
        case_key = keys.open_case_key(case.view.key_slots(), DEMO_PASSPHRASE)[0]
        quotes = opened_quotes(case_key, case.view.testimonies(),
                                  case.view.testimony_claims())
    assert quotes
    (cid, _), said = next(iter(quotes.items()))
    with TestClient(create_app(case_path, unlocked=False, quotes=quotes)) as locked:
        origins = locked.get(f"/api/claims/{cid}").json()["claim"]["origins"]
        assert any(o.get("confidential") for o in origins)
        assert said not in locked.get(f"/claims/{cid}").text
        assert not any("quote" in o for o in origins)
    with TestClient(create_app(case_path, unlocked=True, quotes=quotes)) as cleared:
        assert said in cleared.get(f"/claims/{cid}").text
    log = [json.loads(d) for (d,) in Dossier(case_path).sql(
        "SELECT detail FROM custody_log WHERE action = 'reveal'")]
    assert log[-1]["what"] == f"web /claims/{cid}" and said not in json.dumps(log)
