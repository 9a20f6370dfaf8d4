"""Evidence-preserving ingest: every original byte for byte, where it came from, once."""

from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import Dossier
from fixtures import article, pdf_bytes, warc, write, zip_bytes


def tables_without_history(d: Dossier) -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    """Everything in the case except the build and custody records, which every run adds to."""
    names = [r[0] for r in d.sql("SELECT name FROM sqlite_master WHERE type='table'")]
    return {name: sorted(d.sql(f"SELECT * FROM {name}"), key=repr)
            for name in names if name not in ("builds", "custody_log", "case_meta")}


def test_files_and_folders_are_stored_byte_for_byte(dossier: Dossier, tmp_path: Path) -> None:
    raw = "Grozny, 3 April 2017.\r\nCaf\u00e9 au lait\u00a0and Кадыров.\n".encode("utf-8")
    write(tmp_path / "in" / "a.txt", raw)
    write(tmp_path / "in" / "deep" / "b.md", "# Title\n\nBody text.\n")
    write(tmp_path / "in" / "deep" / "c.html", "<html><body><p>Hello</p></body></html>")
    single = write(tmp_path / "single.htm", "<html><p>One</p></html>")
    result = dossier("build", tmp_path / "in", single)
    assert result.exit_code == 0, result.output
    stored = dossier.sql("SELECT content FROM original_content WHERE sha256 = ?",
                         hashlib.sha256(raw).hexdigest())
    assert stored == [(raw,)]
    rows = dossier.sql("SELECT o.media_type, s.path, o.size FROM originals o "
                       "JOIN sources s USING (sha256) ORDER BY s.path")
    assert sorted(r[1] for r in rows) == sorted([
        f"{tmp_path}/in/a.txt", f"{tmp_path}/in/deep/b.md", f"{tmp_path}/in/deep/c.html",
        f"{tmp_path}/single.htm"])
    assert {r[1].rsplit(".", 1)[1]: r[0] for r in rows} == {
        "txt": "text/plain", "md": "text/markdown", "html": "text/html", "htm": "text/html"}
    export = dossier.export()
    texts = {doc["path"].rsplit("/", 1)[1]: doc["text"] for doc in export["documents"]}
    # The text is cleaned: line endings normalised, the leading date line is metadata.
    assert texts["a.txt"] == "Caf\u00e9 au lait\u00a0and Кадыров."
    first_seen = dossier.sql("SELECT first_seen FROM originals")
    assert all(value.startswith("20") for (value,) in first_seen)


def test_paths_are_kept_as_given(dossier: Dossier, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path / "reports" / "x.txt", article(1))
    monkeypatch.chdir(tmp_path)
    assert dossier("build", "reports").exit_code == 0
    assert dossier.sql("SELECT path FROM sources") == [("reports/x.txt",)]


def test_same_bytes_twice_are_stored_once_and_seen_again(dossier: Dossier, tmp_path: Path) -> None:
    write(tmp_path / "a" / "story.txt", article(1))
    write(tmp_path / "b" / "repost.txt", article(1))
    assert dossier("build", tmp_path / "a").exit_code == 0
    result = dossier("build", tmp_path / "b")
    assert "0 new, 1 known (1 new places seen)" in result.output
    assert dossier.sql("SELECT count(*) FROM originals") == [(1,)]
    assert len(dossier.sql("SELECT * FROM sources")) == 2
    assert dossier.sql("SELECT action FROM custody_log WHERE action = 'seen-again'") == [
        ("seen-again",)]
    (doc,) = dossier.export()["documents"]
    assert doc["path"].endswith("a/story.txt")
    assert doc["paths"][1].endswith("b/repost.txt")


def test_second_identical_run_changes_nothing(dossier: Dossier, tmp_path: Path) -> None:
    for n in range(8):
        write(tmp_path / "in" / f"{n}.txt", article(n))
    write(tmp_path / "in" / "empty.txt", b"")
    write(tmp_path / "in" / "bundle.zip", zip_bytes({"z.txt": article(99)}))
    assert dossier("build", tmp_path / "in").exit_code == 0
    before = tables_without_history(dossier)
    entries = dossier.sql("SELECT count(*) FROM custody_log")[0][0]
    result = dossier("build", tmp_path / "in")
    assert result.exit_code == 0
    assert "0 new, 11 known (0 new places seen)" in result.output
    assert tables_without_history(dossier) == before
    # The re-run itself is recorded, as one entry.
    assert dossier.sql("SELECT action FROM custody_log WHERE seq > ?", entries) == [("build",)]


def test_only_new_originals_are_processed(dossier: Dossier, tmp_path: Path) -> None:
    for n in range(5):
        write(tmp_path / "in" / f"{n}.txt", article(n))
    dossier("build", tmp_path / "in")
    first_docs = dossier.sql("SELECT id, build_id FROM documents ORDER BY id")
    write(tmp_path / "in" / "new.txt", article(50))
    result = dossier("build", tmp_path / "in")
    assert "1 new, 5 known" in result.output and "documents: 1 new" in result.output
    later = dossier.sql("SELECT id, build_id FROM documents ORDER BY id")
    assert set(first_docs) < set(later) and len(later) == 6


def test_zip_archives_are_read_recursively(dossier: Dossier, tmp_path: Path) -> None:
    inner = zip_bytes({"inner/deep.txt": article(2)})
    write(tmp_path / "bundle.zip", zip_bytes({"one.txt": article(1), "nested.zip": inner,
                                              "folder/": b"", "__MACOSX/._one.txt": b"x"}))
    assert dossier("build", tmp_path / "bundle.zip").exit_code == 0
    paths = {p for (p,) in dossier.sql("SELECT path FROM sources")}
    assert paths == {
        f"{tmp_path}/bundle.zip",
        f"{tmp_path}/bundle.zip!/one.txt",
        f"{tmp_path}/bundle.zip!/nested.zip",
        f"{tmp_path}/bundle.zip!/nested.zip!/inner/deep.txt",
    }
    docs = dossier.export()["documents"]
    assert sorted(d["path"].rsplit("!/", 1)[1] for d in docs) == ["inner/deep.txt", "one.txt"]
    containers = dossier.sql("SELECT path, container FROM sources WHERE path LIKE '%deep.txt'")
    assert containers == [(f"{tmp_path}/bundle.zip!/nested.zip!/inner/deep.txt",
                           f"{tmp_path}/bundle.zip!/nested.zip")]


def test_warc_records_become_originals_with_uri_and_capture_date(
        dossier: Dossier, tmp_path: Path) -> None:
    pages = {
        "https://news.example/2017/04/purge": ("text/html; charset=utf-8",
                                               b"<html><body><p>Detentions</p></body></html>"),
        "https://news.example/notes.txt": ("text/plain", b"Plain notes from the archive.\n"),
        "https://news.example/logo.png": ("image/png", b"\x89PNG\r\n\x1a\n0000"),
    }
    write(tmp_path / "crawl.warc.gz", warc(pages))
    write(tmp_path / "plain.warc", warc({"https://other.example/a": ("text/html", b"<p>A</p>")},
                                        gz=False, date="2018-12-21T08:30:00Z"))
    assert dossier("build", tmp_path).exit_code == 0
    rows = dict(dossier.sql("SELECT path, captured_at FROM sources WHERE container IS NOT NULL"))
    assert rows == {
        "https://news.example/2017/04/purge": "2017-04-03T10:00:00Z",
        "https://news.example/notes.txt": "2017-04-03T10:00:00Z",
        "https://other.example/a": "2018-12-21T08:30:00Z",
    }
    docs = {d["path"]: d for d in dossier.export()["documents"]}
    assert docs["https://news.example/2017/04/purge"]["captured_at"] == "2017-04-03T10:00:00Z"
    assert docs["https://news.example/2017/04/purge"]["media_type"] == "text/html"
    assert "https://news.example/logo.png" not in docs


def test_pdf_is_stored_and_its_text_read(dossier: Dossier, tmp_path: Path) -> None:
    pdf = pdf_bytes([["Police in Chechnya detained more than 100 men, the report says."]])
    write(tmp_path / "report.pdf", pdf)
    assert dossier("build", tmp_path).exit_code == 0
    (doc,) = dossier.export()["documents"]
    assert doc["status"] == "ok" and doc["media_type"] == "application/pdf"
    assert doc["text"] == "Police in Chechnya detained more than 100 men, the report says."
    assert dossier.sql("SELECT content FROM original_content") == [(pdf,)]


def test_progress_and_summary(dossier: Dossier, tmp_path: Path) -> None:
    for n in range(12):
        write(tmp_path / "in" / f"{n}.txt", article(n))
    loud = dossier("build", tmp_path / "in")
    assert "originals: 12 new, 0 known" in loud.output
    quiet = dossier("build", tmp_path / "in", "--quiet")
    assert quiet.exit_code == 0 and quiet.output == ""


def test_real_news_pages_are_all_taken_in(dossier: Dossier, tmp_path: Path,
                                          shared_data: Path) -> None:
    """The 181 real pages of the article-extraction benchmark: every one stored and decoded."""
    import gzip
    pages = sorted((shared_data / "article-extraction-benchmark" / "html").glob("*.html.gz"))
    assert len(pages) == 181
    for page in pages:
        write(tmp_path / "pages" / page.name.removesuffix(".gz"), gzip.decompress(
            page.read_bytes()))
    result = dossier("build", tmp_path / "pages", "--strict")
    assert result.exit_code == 0, result.output
    docs = dossier.export()["documents"]
    assert len(docs) == 181 and all(d["status"] == "ok" and d["text"] for d in docs)
    assert dossier("verify").exit_code == 0


def test_building_the_folder_that_holds_the_case_skips_the_case(tmp_path: Path) -> None:
    d = Dossier(tmp_path / "case.db")
    write(tmp_path / "a.txt", article(1))
    assert d("build", tmp_path).exit_code == 0
    assert d("build", tmp_path, "--strict").exit_code == 0  # case.db, -wal, -shm not "rejected"
    assert [p for (p,) in d.sql("SELECT path FROM documents")] == [f"{tmp_path}/a.txt"]
