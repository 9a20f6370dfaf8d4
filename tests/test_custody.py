"""The custody log and `dossier verify`: tampering with originals or the log is caught."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from conftest import Dossier
from fixtures import article, write

from dossier.store.migrations import MIGRATIONS


@pytest.fixture
def built(dossier: Dossier, tmp_path: Path) -> Dossier:
    for n in range(4):
        write(tmp_path / "in" / f"{n}.txt", article(n))
    write(tmp_path / "in" / "empty.txt", b"")
    assert dossier("build", tmp_path / "in").exit_code == 0
    assert dossier("export", "-o", tmp_path / "out.json").exit_code == 0
    return dossier


def test_log_records_ingest_rejection_rerun_and_export(built: Dossier, tmp_path: Path) -> None:
    built("build", tmp_path / "in")
    rows = built.sql("SELECT action, sha256, detail, version FROM custody_log ORDER BY seq")
    actions = [r[0] for r in rows]
    assert actions.count("migrate") == len(MIGRATIONS)
    assert actions.count("ingest") == 5
    assert actions.count("reject") == 1
    assert actions.count("build") == 2
    assert actions.count("export") == 1
    export = next(r for r in rows if r[0] == "export")
    assert export[1] == hashlib.sha256((tmp_path / "out.json").read_bytes()).hexdigest()
    assert json.loads(export[2])["format"] == "json"
    assert all(r[3] == "0.1.0" for r in rows)
    ingest = next(r for r in rows if r[0] == "ingest")
    assert {"path", "size", "media_type"} <= set(json.loads(ingest[2]))


def test_verify_passes_on_an_intact_case(built: Dossier) -> None:
    result = built("verify")
    assert result.exit_code == 0
    assert "intact: 5 originals re-hashed" in result.output


def test_flipped_byte_in_an_original_is_caught(built: Dossier) -> None:
    sha, content = built.sql("SELECT sha256, content FROM original_content LIMIT 1")[0]
    flipped = bytes([content[0] ^ 0x01]) + content[1:]
    built.sql("UPDATE original_content SET content = ? WHERE sha256 = ?", flipped, sha)
    result = built("verify")
    assert result.exit_code == 1
    assert f"original {sha[:12]}… no longer matches its SHA-256" in result.output


def test_flipped_byte_in_a_log_entry_is_caught(built: Dossier) -> None:
    seq, detail = built.sql("SELECT seq, detail FROM custody_log WHERE action = 'ingest' "
                            "ORDER BY seq LIMIT 1")[0]
    tampered = detail.replace("0.txt", "0.tx7")
    assert tampered != detail
    built.sql("UPDATE custody_log SET detail = ? WHERE seq = ?", tampered, seq)
    result = built("verify")
    assert result.exit_code == 1
    assert f"custody log entry #{seq} (ingest" in result.output
    assert "has been altered" in result.output


def test_rehashed_log_entry_is_caught_by_the_next_link(built: Dossier) -> None:
    """A forger who recomputes the entry's own hash still breaks the chain after it."""
    from dossier.custody import entry_hash
    seq, at, action, sha, detail, version, prev = built.sql(
        "SELECT seq, at, action, sha256, detail, version, prev_hash FROM custody_log "
        "WHERE action = 'ingest' AND detail LIKE '%1.txt%'")[0]
    forged = detail.replace("1.txt", "9.txt")
    assert forged != detail
    detail = forged
    built.sql("UPDATE custody_log SET detail = ?, entry_hash = ? WHERE seq = ?", detail,
              entry_hash(seq, at, action, sha, detail, version, prev), seq)
    result = built("verify")
    assert result.exit_code == 1
    assert f"entry #{seq + 1} does not follow entry #{seq}" in result.output


def test_deleted_log_entry_is_caught(built: Dossier) -> None:
    built.sql("DELETE FROM custody_log WHERE seq = 4")
    result = built("verify")
    assert result.exit_code == 1
    assert "custody log entry #4 is missing" in result.output


def test_deleted_last_log_entry_is_caught(built: Dossier) -> None:
    last = built.sql("SELECT max(seq) FROM custody_log")[0][0]
    built.sql("DELETE FROM custody_log WHERE seq = ?", last)
    result = built("verify")
    assert result.exit_code == 1
    assert "entries were removed or replaced" in result.output


def test_original_slipped_in_without_custody_is_caught(built: Dossier) -> None:
    data = b"planted evidence"
    sha = hashlib.sha256(data).hexdigest()
    built.sql("INSERT INTO originals VALUES (?, ?, 'text/plain', '2017-04-01', 1)", sha,
              len(data))
    built.sql("INSERT INTO original_content VALUES (?, ?)", sha, data)
    result = built("verify")
    assert result.exit_code == 1
    assert "has no ingest entry in the custody log" in result.output
