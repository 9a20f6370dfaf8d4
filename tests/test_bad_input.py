"""Bad input: each case is rejected with a readable reason, the build goes on, nothing is lost."""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import Dossier
from fixtures import (
    article,
    encrypted_zip,
    junk,
    lying_zip,
    nested_zip,
    ratio_bomb,
    truncated_gzip_warc,
    undecodable,
    write,
    zip_bytes,
)

from dossier import pipeline
from dossier.config import Settings
from dossier.ingest import InputFile, read_input
from dossier.models import Rejection
from dossier.store import Case


def reasons(d: Dossier) -> dict[str, str]:
    result = d("sources", "--rejected")
    assert result.exit_code == 0
    return {doc["path"].rsplit("/", 1)[-1]: doc["reason"]
            for doc in d.export()["documents"] if doc["status"] == "rejected"}


def build_with(case_path: Path, paths: list[Path], **limits: object) -> list[Rejection]:
    with Case.open(case_path, create=True) as case:
        summary = pipeline.build(case, paths, replace(Settings(), **limits))  # type: ignore[arg-type]
    return list(summary.rejected)


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"  \n\n\t\n", "only white space"),
    ("photo.txt", junk(), "binary data"),
    ("garbled.txt", undecodable(), "undecodable text"),
    ("notes.docx", b"PK\x03\x04 a word file", "unsupported file type '.docx'"),
    ("fake.pdf", b"this is not a pdf", "not a PDF file"),
    ("broken.zip", zip_bytes({"a.txt": article(1)})[:40], "not a readable zip archive"),
    ("locked.zip", encrypted_zip(), "password-protected"),
    ("crawl.warc.gz", truncated_gzip_warc(), "no readable HTML or text"),
])
def test_bad_file_is_rejected_and_build_goes_on(dossier: Dossier, tmp_path: Path, name: str,
                                                content: bytes, reason: str) -> None:
    write(tmp_path / "in" / "good.txt", article(1))
    write(tmp_path / "in" / name, content)
    result = dossier("build", tmp_path / "in")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    rejected = [d["reason"] for d in dossier.export()["documents"]
                if d["status"] == "rejected" and name in d["path"]]
    assert len(rejected) == 1 and reason in rejected[0]
    assert reason in result.output  # the build summary names it too
    ok = [d for d in dossier.export()["documents"] if d["status"] == "ok"]
    assert [d["path"].rsplit("/", 1)[1] for d in ok] == ["good.txt"]
    strict = dossier("build", tmp_path / "in", "--strict", "--quiet")
    assert strict.exit_code == 1


def test_nothing_already_in_the_case_is_lost(dossier: Dossier, tmp_path: Path) -> None:
    write(tmp_path / "first" / "a.txt", article(1))
    dossier("build", tmp_path / "first")
    before = dossier.sql("SELECT * FROM original_content")
    write(tmp_path / "second" / "junk.txt", junk())
    write(tmp_path / "second" / "bomb.zip", ratio_bomb())
    dossier("build", tmp_path / "second", tmp_path / "vanished")
    assert set(before) <= set(dossier.sql("SELECT * FROM original_content"))
    assert dossier("verify").exit_code == 0


def test_vanished_path(dossier: Dossier, tmp_path: Path) -> None:
    write(tmp_path / "here.txt", article(1))
    result = dossier("build", tmp_path / "here.txt", tmp_path / "gone.txt")
    assert result.exit_code == 0
    assert "no such file or folder" in reasons(dossier)["gone.txt"]


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    write(tmp_path / "in" / "big.txt", "x" * 5000)
    write(tmp_path / "in" / "small.txt", article(1))
    rejected = build_with(tmp_path / "case.db", [tmp_path / "in"], max_file_bytes=1000)
    assert [(Path(r.path).name, "over the 1,000-byte limit" in r.reason) for r in rejected] == [
        ("big.txt", True)]


def test_zip_bomb_by_ratio(dossier: Dossier, tmp_path: Path) -> None:
    write(tmp_path / "bomb.zip", ratio_bomb(5))
    dossier("build", tmp_path / "bomb.zip")
    assert "compression ratio" in reasons(dossier)["zeros.txt"]
    assert dossier.sql("SELECT count(*) FROM originals") == [(1,)]  # the zip itself, as evidence


def test_zip_bomb_by_total_size(tmp_path: Path) -> None:
    members = {f"part{n}.txt": article(n) * 200 for n in range(10)}
    write(tmp_path / "wide.zip", zip_bytes(members))
    rejected = build_with(tmp_path / "case.db", [tmp_path / "wide.zip"],
                          max_archive_total_bytes=150_000)
    assert any("beyond the limit of 150,000 bytes" in r.reason for r in rejected)


def test_zip_bomb_by_member_count(tmp_path: Path) -> None:
    write(tmp_path / "many.zip", zip_bytes({f"m{n}.txt": article(n) for n in range(30)}))
    rejected = build_with(tmp_path / "case.db", [tmp_path / "many.zip"],
                          max_archive_members=10)
    assert any("more than 10 members" in r.reason for r in rejected)
    with Case.open(tmp_path / "case.db") as case:
        assert case.view.counts()["documents"] == 10


def test_zip_bomb_by_depth(dossier: Dossier, tmp_path: Path) -> None:
    write(tmp_path / "deep.zip", nested_zip(6))
    result = dossier("build", tmp_path / "deep.zip")
    assert result.exit_code == 0
    assert "nested more than 3 levels deep" in result.output
    assert dossier.sql("SELECT count(*) FROM documents WHERE status = 'ok'") == [(0,)]


def test_zip_member_lying_about_its_size(dossier: Dossier, tmp_path: Path) -> None:
    write(tmp_path / "liar.zip", lying_zip())
    result = dossier("build", tmp_path / "liar.zip")
    assert result.exit_code == 0
    reason = reasons(dossier)["liar.txt"]
    assert "declared size" in reason or "corrupt archive member" in reason


@pytest.mark.parametrize("member", ["../escape.txt", "/etc/passwd.txt", "C:\\win\\x.txt",
                                    "ok/../../up.txt"])
def test_zip_member_with_unsafe_path(dossier: Dossier, tmp_path: Path, member: str) -> None:
    write(tmp_path / "evil.zip", zip_bytes({member: article(1), "fine.txt": article(2)}))
    result = dossier("build", tmp_path / "evil.zip")
    assert "unsafe member path" in result.output
    ok = [d["path"] for d in dossier.export()["documents"] if d["status"] == "ok"]
    assert [p.rsplit("!/", 1)[1] for p in ok] == ["fine.txt"]


def test_pipe_is_not_read(dossier: Dossier, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "stream.txt")
    write(tmp_path / "a.txt", article(1))
    result = dossier("build", tmp_path / "stream.txt", tmp_path / "a.txt")
    assert result.exit_code == 0
    assert "not a regular file" in reasons(dossier)["stream.txt"]


def test_unreadable_file(tmp_path: Path) -> None:
    """Permission denied: as root, the build runs with the rights of 'nobody'."""
    folder = Path(tempfile.mkdtemp(prefix="dossier-perm-"))
    folder.chmod(0o777)
    write(folder / "in" / "secret.txt", article(1)).chmod(0o000)
    write(folder / "in" / "open.txt", article(2)).chmod(0o644)
    (folder / "in").chmod(0o755)
    dropped = os.geteuid() == 0
    if dropped:
        os.setegid(65534)
        os.seteuid(65534)
    try:
        rejected = build_with(folder / "case.db", [folder / "in"])
    finally:
        if dropped:
            os.seteuid(0)
            os.setegid(0)
    assert [(Path(r.path).name, r.reason) for r in rejected] == [
        ("secret.txt", "cannot be read: permission denied")]


def test_unreadable_file_unit() -> None:
    """The reader's own answer for a path that vanished between listing and reading."""
    items = list(read_input(InputFile(Path("/nonexistent/x.txt"), "x.txt"), Settings()))
    assert items == [Rejection("x.txt", "no such file (it was moved or deleted during the "
                               "build)")]


def test_stray_control_characters_are_removed_from_text(dossier: Dossier,
                                                        tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Detained\x00 in Argun\x07.\n")
    dossier("build", tmp_path / "a.txt")
    (doc,) = dossier.export()["documents"]
    assert doc["text"] == "Detained in Argun."
    assert dossier.sql("SELECT content FROM original_content") == [
        (b"Detained\x00 in Argun\x07.\n",)]


def test_legacy_encodings_are_decoded(dossier: Dossier, tmp_path: Path) -> None:
    text = "Кадыров заявил, что в республике таких людей нет. Грозный, 2017 год.\n" * 3
    write(tmp_path / "ru.txt", text.encode("cp1251"))
    write(tmp_path / "de.txt", "Grüße aus Köln über die Verfolgung in Tschetschenien.\n"
          .encode("latin-1"))
    write(tmp_path / "bom.txt", "UTF-16 text with a byte-order mark.\n".encode("utf-16"))
    dossier("build", tmp_path)
    texts = {Path(d["path"]).name: d["text"] for d in dossier.export()["documents"]
             if d["status"] == "ok"}
    assert "Грозный" in texts["ru.txt"]
    assert "Grüße aus Köln" in texts["de.txt"]
    assert texts["bom.txt"].startswith("UTF-16 text")
