"""Signed checkpoints of the custody log: a later log that only grew verifies; one truncated,
rewritten (even with its hash chain recomputed to match) or reordered does not; nor does an
altered checkpoint, or one signed with another key than the partner pinned."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Dossier
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dossier.custody import GENESIS, entry_hash

Entry = tuple[int, str, str, str | None, str, str]


@pytest.fixture
def signed(demo_case: Path, tmp_path: Path) -> tuple[Dossier, Path]:
    case = tmp_path / "case.db"
    shutil.copy(demo_case, case)
    dossier = Dossier(case)
    result = dossier("checkpoint", "--key", tmp_path / "team.key", "-o", tmp_path / "cp.json")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "team.key").stat().st_mode & 0o077 == 0  # the owner's only
    return dossier, tmp_path / "cp.json"


def _rewrite(dossier: Dossier, change: Callable[[list[Entry]], list[Entry]]) -> None:
    """Change the log's entries, then recompute the whole hash chain and the recorded head,
    as someone covering their tracks would: `dossier verify` alone no longer notices."""
    with sqlite3.connect(dossier.case) as conn:
        rows = conn.execute("SELECT seq, at, action, sha256, detail, version FROM custody_log "
                            "ORDER BY seq").fetchall()
        entries = change(rows)
        conn.execute("DELETE FROM custody_log")
        prev = GENESIS
        for seq, (_, at, action, sha, detail, version) in enumerate(entries, 1):
            digest = entry_hash(seq, at, action, sha, detail, version, prev)
            conn.execute("INSERT INTO custody_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (seq, at, action, sha, detail, version, prev, digest))
            prev = digest
        conn.execute("UPDATE case_meta SET value = ? WHERE key = 'custody_head'",
                     (f"{len(entries)}:{prev}",))


def test_a_log_that_only_grew_is_consistent(signed: tuple[Dossier, Path]) -> None:
    dossier, checkpoint = signed
    assert dossier("protect", "Alvi Karimov", "--reason", "later entries").exit_code == 0
    result = dossier("verify", "--checkpoint", checkpoint)
    assert result.exit_code == 0, result.output
    assert "consistent" in result.output and "intact" in result.output
    logged = dossier.sql("SELECT detail FROM custody_log WHERE action = 'checkpoint'")
    assert json.loads(logged[0][0])["size"] == json.loads(checkpoint.read_text())["size"]


@pytest.mark.parametrize("tampering", ["truncate", "rewrite", "reorder"])
def test_tampering_with_the_log_is_caught(signed: tuple[Dossier, Path], tampering: str) -> None:
    dossier, checkpoint = signed
    size = json.loads(checkpoint.read_text())["size"]

    def changed(rows: list[Entry]) -> list[Entry]:
        if tampering == "truncate":
            return rows[:size - 3]
        if tampering == "rewrite":
            seq, at, action, sha, detail, version = rows[5]
            return [*rows[:5], (seq, at, action, sha, detail.replace("}", ',"x":1}'),
                                version), *rows[6:]]
        return [*rows[:4], rows[5], rows[4], *rows[6:]]

    _rewrite(dossier, changed)
    assert dossier("verify").exit_code == 0  # the chain alone was recomputed to match
    result = dossier("verify", "--checkpoint", checkpoint)
    assert result.exit_code == 1
    expected = "truncated" if tampering == "truncate" else "changed, removed or reordered"
    assert expected in result.output and "Traceback" not in result.output


def test_an_altered_or_foreign_checkpoint_is_refused(signed: tuple[Dossier, Path],
                                                     tmp_path: Path) -> None:
    dossier, checkpoint = signed
    data = json.loads(checkpoint.read_text())
    altered = tmp_path / "altered.json"
    altered.write_text(json.dumps({**data, "size": data["size"] - 1}))
    result = dossier("verify", "--checkpoint", altered)
    assert result.exit_code == 1 and "signature" in result.output
    other = tmp_path / "other.pem"
    other.write_bytes(Ed25519PrivateKey.generate().public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    result = dossier("verify", "--checkpoint", checkpoint, "--public-key", other)
    assert result.exit_code == 1 and "another key" in result.output
    junk = tmp_path / "junk.json"
    junk.write_text("not a checkpoint")
    result = dossier("verify", "--checkpoint", junk)
    assert result.exit_code == 2 and "not a dossier checkpoint" in result.output
