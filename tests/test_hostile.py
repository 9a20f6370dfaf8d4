"""Hostile input: a build goes on past every crafted file, fast, with a readable reason; nothing
is fetched and no local file is read into a document."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import hostile
import pytest
from conftest import Dossier
from fixtures import article, write

from dossier.clean import guard
from dossier.clean.documents import documents_from
from dossier.clean.guard import run_limited
from dossier.config import Settings
from dossier.models import DocumentStatus, MediaType, Original

# The time limit the build-level tests run with: long enough for every honest fixture, short
# enough that the one that needs it (many attributes) stops quickly.
TIMEOUT = 2.0


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A TCP port on this machine that the crafted pages point at; nothing may connect."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield server
    server.close()


def nothing_connected(server: socket.socket) -> bool:
    try:
        connection, _ = server.accept()
    except BlockingIOError:
        return True
    connection.close()
    return False


def passwd_lines() -> list[str]:
    path = Path("/etc/passwd")
    lines = path.read_text().splitlines() if path.exists() else []
    return [line for line in lines if line.strip()] + list(hostile.PASSWD_MARKERS)


# name → (content, expected status, words expected in the reason or the text)
def corpus(port: int) -> dict[str, tuple[bytes, str, str]]:
    return {
        "laughs.html": (hostile.billion_laughs_html(), "ok", hostile.ORIGIN),
        "laughs.xhtml.html": (hostile.billion_laughs_xml(), "ok", hostile.ORIGIN),
        "blowup.html": (hostile.quadratic_blowup_html(), "ok", hostile.ORIGIN),
        "xxe.html": (hostile.external_references_html(port), "ok", hostile.ORIGIN),
        "deep.html": (hostile.deep_html(), "rejected", "no article text found"),
        "line.html": (hostile.huge_line_html(1), "ok", "word word word"),
        "line.txt": (hostile.huge_line_text(1), "ok", hostile.ORIGIN),
        "attributes.html": (hostile.many_attributes_html(), "rejected",
                            f"took longer than the limit of {TIMEOUT:g} s"),
        "cycle.pdf": (hostile.pdf_recursive_pages(), "rejected", "cyclic page references"),
        "deep.pdf": (hostile.pdf_deep_pages(), "rejected", "page tree depth"),
        "array.pdf": (hostile.pdf_deep_array(), "rejected", "no text layer"),
        "bomb.pdf": (hostile.pdf_bomb(), "rejected", "Limit reached while decompressing"),
    }


def test_build_goes_on_past_every_hostile_file(dossier: Dossier, tmp_path: Path,
                                               listener: socket.socket,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_PARSE_TIMEOUT_SECONDS", str(TIMEOUT))
    files = corpus(listener.getsockname()[1])
    for name, (content, _, _) in files.items():
        write(tmp_path / "in" / name, content)
    write(tmp_path / "in" / "good.txt", article(1))
    start = time.perf_counter()
    result = dossier("build", tmp_path / "in")
    seconds = time.perf_counter() - start
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert seconds < 60, f"the build took {seconds:.0f} s"
    documents = {d["path"].rsplit("/", 1)[-1]: d for d in dossier.export()["documents"]}
    assert documents["good.txt"]["status"] == "ok"
    for name, (_, status, expected) in files.items():
        document = documents[name]
        assert document["status"] == status, (name, document["reason"])
        if status == "ok":
            assert expected in document["text"], name
        else:
            assert expected in document["reason"], (name, document["reason"])
            assert "Traceback" not in document["reason"] and "\n" not in document["reason"]
    # entities were left unexpanded: a billion "lol"s, or 10,000 copies of 100 KB, are not there
    assert documents["laughs.html"]["text"].count("lol") < 100
    assert len(documents["blowup.html"]["text"]) < 1_000_000
    # nothing fetched, no local file read in, in any stored text
    assert nothing_connected(listener)
    stored = " ".join(text for (text,) in dossier.sql(
        "SELECT coalesce(text, '') || ' ' || coalesce(reason, '') FROM documents"))
    stored += " ".join(text for (text,) in dossier.sql("SELECT text FROM blocks"))
    for line in passwd_lines():
        assert line not in stored


def test_archive_and_warc_bombs_are_refused(dossier: Dossier, tmp_path: Path) -> None:
    write(tmp_path / "in" / "bombs.zip", hostile.zip_of_bombs())
    write(tmp_path / "in" / "bomb.warc.gz", hostile.warc_bomb(60))
    result = dossier("build", tmp_path / "in")
    assert result.exit_code == 0 and "Traceback" not in result.output
    documents = {d["path"].rsplit("/", 1)[-1]: d for d in dossier.export()["documents"]}
    assert documents["honest.txt"]["status"] == "ok"
    assert documents["laughs.html"]["status"] == "ok"
    assert documents["laughs.html"]["text"].count("lol") < 100
    assert "record is over the 52,428,800-byte limit" in result.output


def _sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "done"


def _allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * 1024 * 1024))


def _fail() -> None:
    raise ValueError("a parser bug")


def test_time_limit_stops_the_reader_and_the_next_file_is_read() -> None:
    start = time.perf_counter()
    value, reason = run_limited(_sleep, (30,), 0.5, 256 * 1024 * 1024, "reading slow.html")
    assert value is None and reason is not None
    assert reason.startswith("reading slow.html took longer than the limit of 0.5 s")
    assert time.perf_counter() - start < 10
    assert run_limited(_sleep, (0,), 5, 256 * 1024 * 1024, "reading next.html") == ("done",
                                                                                      None)


def test_memory_limit_stops_the_reader() -> None:
    value, reason = run_limited(_allocate, (1024,), 30, 128 * 1024 * 1024, "reading big.pdf")
    assert value is None and reason is not None
    assert "more memory than the limit of 128 MB" in reason
    assert run_limited(_allocate, (16,), 30, 128 * 1024 * 1024, "reading small.pdf") == (
        16 * 1024 * 1024, None)


def test_reader_error_becomes_the_reason() -> None:
    assert run_limited(_fail, (), 5, 0, "reading odd.html") == (
        None, "reading odd.html failed: ValueError: a parser bug")


def test_output_size_limit() -> None:
    page = f"<html><body><article><p>{hostile.ORIGIN}</p></article></body></html>".encode()
    original = Original("0" * 64, page, MediaType.HTML, "page.html")
    assert documents_from(original, Settings())[0].status is DocumentStatus.OK
    (document,) = documents_from(original, replace(Settings(), max_parsed_chars=20))
    assert document.status is DocumentStatus.REJECTED
    assert document.reason is not None and "more than the limit of 20" in document.reason


def test_limits_off_reads_in_process() -> None:
    page = f"<html><body><article><p>{hostile.ORIGIN}</p></article></body></html>".encode()
    original = Original("0" * 64, page, MediaType.HTML, "page.html")
    off = documents_from(original, replace(Settings(), parse_timeout_seconds=0))
    assert off == documents_from(original, Settings())


def test_the_reader_does_not_hold_the_case_after_a_build(dossier: Dossier,
                                                         tmp_path: Path) -> None:
    page = f"<html><body><article><p>{hostile.ORIGIN}</p></article></body></html>"
    write(tmp_path / "in" / "page.html", page)
    if guard._worker is not None:  # a worker forked by an earlier test holds no lock of ours
        guard._worker.stop()
        guard._worker = None
    assert dossier("build", tmp_path / "in").exit_code == 0  # the worker is forked here
    again = dossier("build", tmp_path / "in", "--wait", "0.5")
    assert again.exit_code == 0, again.output
