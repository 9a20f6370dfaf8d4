"""The case file: migrations, refusal of what is not ours, kills and concurrent builds."""

from __future__ import annotations

import hashlib
import json
import signal
import sqlite3
import time
from pathlib import Path

from conftest import Dossier, run_subprocess
from fixtures import article, write

from dossier.store.migrations import MIGRATIONS


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def many_files(folder: Path, count: int) -> Path:
    for n in range(count):
        write(folder / f"{n // 500:02d}" / f"{n}.txt", article(n))
    return folder


def test_case_from_a_newer_dossier_is_refused_unchanged(dossier: Dossier, tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", article(1))
    dossier("build", tmp_path / "in")
    dossier.sql("INSERT INTO migrations VALUES ('0042_future', '2030-01-01', '9.0.0')")
    before = dossier.dump()
    for command in (["sources"], ["build", str(tmp_path / "in")], ["verify"], ["export"]):
        result = dossier(*command)
        assert result.exit_code == 2, command
        assert "written by a newer version of dossier" in result.output
        assert "'0042_future'" in result.output
    assert dossier.dump() == before


def test_older_case_is_migrated(dossier: Dossier, tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", article(1))
    dossier("build", tmp_path / "in")
    # What a case made before documents existed looks like.
    dossier.sql("DELETE FROM migrations WHERE name != '0001_evidence'")
    for table in ("blocks", "documents", "outlet_aliases", "outlets", "copy_fingerprints",
                  "copy_bands", "copy_links", "copy_groups", "copy_members", "judgements"):
        dossier.sql(f"DROP TABLE {table}")
    result = dossier("sources")
    assert result.exit_code == 0
    names = [name for name, _ in MIGRATIONS]
    assert dossier.sql("SELECT name FROM migrations ORDER BY name") == [(n,) for n in names]
    assert dossier.sql("SELECT json_extract(detail, '$.migration') FROM custody_log "
                       "WHERE action = 'migrate' ORDER BY seq") == [
        (n,) for n in names + names[1:]]
    # The next build gives the old originals their documents.
    assert "documents: 1 new" in dossier("build", tmp_path / "in").output
    assert dossier("verify").exit_code == 0


def test_case_cleaned_by_older_rules_is_cleaned_again(dossier: Dossier, tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", "Skip to main content\n\n" + article(1))
    dossier("build", tmp_path / "in")
    # What a case from before block labels looks like: no blocks, no cleaner version, and
    # documents holding the whole decoded file.
    dossier.sql("DELETE FROM migrations WHERE name IN ('0003_blocks', '0005_pending_work')")
    dossier.sql("DROP INDEX ix_documents_cleaned")
    dossier.sql("DROP INDEX ix_documents_state")
    dossier.sql("DROP TABLE blocks")
    dossier.sql("ALTER TABLE documents DROP COLUMN cleaner")
    dossier.sql("ALTER TABLE documents DROP COLUMN published_from")
    dossier.sql("UPDATE documents SET text = 'Skip to main content ' || text")
    result = dossier("build", tmp_path / "in")
    assert result.exit_code == 0, result.output
    assert "documents: 0 new" in result.output
    (doc,) = dossier.export()["documents"]
    assert "Skip to main content" not in doc["text"]
    assert doc["removed"][0]["text"] == "Skip to main content"
    assert dossier.sql("SELECT json_extract(detail, '$.documents') FROM custody_log "
                       "WHERE action = 'reclean'") == [(1,)]
    # Once cleaned by the current rules, a rebuild leaves the documents alone.
    dossier("build", tmp_path / "in")
    assert len(dossier.sql("SELECT * FROM custody_log WHERE action = 'reclean'")) == 1
    assert dossier("verify").exit_code == 0


def test_file_that_is_not_a_case_is_refused_unchanged(dossier: Dossier, tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", article(1))
    notes = write(tmp_path / "notes.db", "my private notes, not a database\n")
    foreign = tmp_path / "other.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    for path, message in ((notes, "not an SQLite database"),
                          (foreign, "an SQLite database but not a dossier case")):
        before = file_hash(path)
        result = dossier("build", tmp_path / "in", "--case", path, case=False)
        assert result.exit_code == 2
        assert message in result.output
        assert file_hash(path) == before


def test_missing_case_is_named_and_not_created(dossier: Dossier, tmp_path: Path) -> None:
    result = dossier("sources")
    assert result.exit_code == 2
    assert "there is no case at" in result.output and "dossier build" in result.output
    assert not dossier.case.exists()
    nowhere = dossier("build", tmp_path, "--case", tmp_path / "no" / "such" / "c.db", case=False)
    assert nowhere.exit_code == 2 and "does not exist" in nowhere.output


def test_killed_build_leaves_a_case_the_next_run_completes(tmp_path: Path) -> None:
    source = many_files(tmp_path / "in", 6000)
    case = tmp_path / "case.db"
    process = run_subprocess("build", str(source), "--case", str(case), "--quiet")
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and stored == 0:
        time.sleep(0.02)
        if case.exists():
            try:
                with sqlite3.connect(f"file:{case}?mode=ro", uri=True, timeout=0.1) as conn:
                    stored = conn.execute("SELECT count(*) FROM originals").fetchone()[0]
            except sqlite3.OperationalError:
                pass  # tables not created yet, or the writer holds the lock
    assert process.poll() is None, "the build finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = Dossier(case)
    assert 0 < partial.sql("SELECT count(*) FROM originals")[0][0] < 6000
    assert partial("verify").exit_code == 0
    result = partial("build", source)
    assert result.exit_code == 0
    assert "an earlier build was interrupted; this build completed it" in result.output
    assert partial.sql("SELECT count(*) FROM documents WHERE status = 'ok'") == [(6000,)]
    assert partial.sql("SELECT status FROM builds ORDER BY id") == [("interrupted",), ("done",)]
    assert partial("verify").exit_code == 0


def test_two_builds_at_once_wait_or_fail_cleanly(tmp_path: Path) -> None:
    source = many_files(tmp_path / "in", 6000)
    extra = write(tmp_path / "extra" / "x.txt", article(99999))
    case = tmp_path / "case.db"
    first = run_subprocess("build", str(source), "--case", str(case), "--quiet")
    deadline = time.monotonic() + 60
    running = False
    while time.monotonic() < deadline and not running:
        time.sleep(0.02)
        try:
            with sqlite3.connect(f"file:{case}?mode=ro", uri=True, timeout=0.1) as conn:
                running = bool(conn.execute(
                    "SELECT 1 FROM builds WHERE status = 'running'").fetchone())
        except sqlite3.OperationalError:
            pass
    assert running and first.poll() is None
    impatient = Dossier(case)("build", extra, "--wait", "0")
    assert impatient.exit_code == 2
    assert "another dossier build is running" in impatient.output
    patient = run_subprocess("build", str(extra), "--case", str(case), "--wait", "120")
    assert first.wait(timeout=120) == 0
    assert patient.wait(timeout=120) == 0, patient.stderr.read() if patient.stderr else ""
    done = Dossier(case)
    assert done.sql("SELECT count(*) FROM documents WHERE status = 'ok'") == [(6001,)]
    assert done("verify").exit_code == 0


def test_write_protected_case_can_be_verified_and_listed(tmp_path: Path) -> None:
    """Evidence kept on a read-only medium: verify and sources work, writers refuse cleanly."""
    import os
    import shutil
    import tempfile

    write(tmp_path / "in" / "a.txt", article(1))
    built = Dossier(tmp_path / "case.db")
    built("build", tmp_path / "in")
    assert built("verify").exit_code == 0  # also loads every module before rights are dropped
    assert built("sources").exit_code == 0
    folder = Path(tempfile.mkdtemp(prefix="dossier-ro-"))
    shutil.copy(built.case, folder / "case.db")
    (folder / "case.db").chmod(0o444)
    folder.chmod(0o555)
    copy = Dossier(folder / "case.db")
    dropped = os.geteuid() == 0  # root may write anything: act as 'nobody'
    if dropped:
        os.setegid(65534)
        os.seteuid(65534)
    try:
        verified = copy("verify")
        listed = copy("sources")
        exported = copy("export")
    finally:
        if dropped:
            os.seteuid(0)
            os.setegid(0)
    assert verified.exit_code == 0 and "intact: 1 originals" in verified.output
    assert listed.exit_code == 0 and "a.txt" in listed.output
    assert exported.exit_code == 2 and "is read-only" in exported.output
    assert sorted(p.name for p in folder.iterdir()) == ["case.db"]


def test_case_is_one_file_after_every_command(dossier: Dossier, tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", article(1))
    for command in (["build", str(tmp_path / "in")], ["sources"], ["verify"], ["export"]):
        assert dossier(*command).exit_code == 0
        assert sorted(p.name for p in tmp_path.iterdir()) == ["case.db", "in"], command


def test_claims_from_before_evidence_rows_are_recomputed(dossier: Dossier,
                                                         tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", article(1))
    dossier("build", tmp_path / "in")
    assert dossier.sql("SELECT count(*) FROM claims")[0][0] > 0
    # What a case from before 0009 looks like: claims whose evidence has no rows (and none of
    # the later migrations' tables and triggers).
    for (trigger,) in dossier.sql("SELECT name FROM sqlite_master WHERE type = 'trigger'"):
        dossier.sql(f"DROP TRIGGER {trigger}")
    for table in ("search_bodies", "search_statements", "claim_facets"):
        dossier.sql(f"DROP TABLE {table}")
    dossier.sql("DELETE FROM migrations WHERE name IN ('0009_claim_evidence', "
                "'0010_entity_keys', '0011_search', '0012_claim_facets')")
    dossier.sql("DROP TABLE claim_evidence")
    dossier.sql("DROP TABLE entity_keys")
    dossier.sql("ALTER TABLE claim_mentions DROP COLUMN position")
    shown = dossier("claims", "--json")
    assert shown.exit_code == 0 and json.loads(shown.stdout) == []  # nothing half-readable
    assert "claims:" in dossier("build", tmp_path / "in").output  # the next build redoes them
    assert dossier.sql("SELECT count(*) FROM claims")[0][0] > 0
    assert dossier.sql("SELECT count(*) FROM claim_evidence")[0][0] > 0


def test_claim_facets_follow_the_claims_and_are_rebuilt_for_older_cases(
        dossier: Dossier, tmp_path: Path) -> None:
    for n in (1, 2):
        write(tmp_path / "in" / f"{n}.md", f"---\noutlet: Courier {n}\n---\n\n{article(n)}")
    dossier("build", tmp_path / "in")
    facets = dossier.sql("SELECT facet, claim_id FROM claim_facets ORDER BY 1, 2")
    assert any(f.startswith("entity:") for f, _ in facets)
    assert any(f.startswith("outlet:") for f, _ in facets)
    # a case from before 0012: the next command fills the facets from the stored claims
    for trigger in ("claim_facets_outlets", "claim_facets_forget", "claim_facets_entities"):
        dossier.sql(f"DROP TRIGGER {trigger}")
    dossier.sql("DROP TABLE claim_facets")
    dossier.sql("DELETE FROM migrations WHERE name = '0012_claim_facets'")
    assert dossier("claims", "--json").exit_code == 0
    assert dossier.sql("SELECT facet, claim_id FROM claim_facets ORDER BY 1, 2") == facets
    # new documents: claims are replaced, their facets with them
    write(tmp_path / "in" / "3.md", f"---\noutlet: Courier 3\n---\n\n{article(3)}")
    dossier("build", tmp_path / "in")
    assert dossier.sql("SELECT count(*) FROM claim_facets WHERE claim_id NOT IN "
                       "(SELECT id FROM claims)") == [(0,)]
    assert dossier.sql("SELECT count(*) FROM claims WHERE json_array_length(data, '$.outlets') "
                       "> 0 AND id NOT IN (SELECT claim_id FROM claim_facets WHERE facet LIKE "
                       "'outlet:%')") == [(0,)]
