"""`dossier report`: one self-contained file, HTML or Markdown, from the demo case: every claim
with its passages footnoted to sources that carry their SHA-256, the timeline, the entities,
the methods, and nothing loaded from elsewhere."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from dossier import report
from dossier.cli import main
from dossier.store import Case


def run(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.output


def contract(case: Path) -> dict:  # type: ignore[type-arg]
    code, out = run("export", "--case", case)
    assert code == 0
    return json.loads(out[out.index("{"):])


def test_the_html_report_is_whole_and_self_contained(demo_case: Path, tmp_path: Path) -> None:
    case = tmp_path / "demo.db"
    shutil.copy(demo_case, case)
    code, out = run("report", "--case", case, "-o", tmp_path / "case.html")
    assert code == 0, out
    html = (tmp_path / "case.html").read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html)  # no outside resource
    assert "<style>" in html and "<script" not in html
    data = contract(case)
    for claim in data["claims"]:
        assert _escaped(claim["statement"]) in html
    for heading in ("Summary", "Claims", "Timeline", "People, organisations, places", "Methods",
                    "Sources"):
        assert f">{heading}</h2>" in html
    notes = set(re.findall(r'href="#source-(\d+)"', html))
    sources = set(re.findall(r'<li id="source-(\d+)"', html))
    assert notes and notes <= sources
    for document in data["documents"]:
        if document["status"] == "ok":
            assert document["sha256"] in html
    with sqlite3.connect(case) as conn:
        logged = conn.execute("SELECT detail FROM custody_log WHERE action = 'export'").fetchall()
    assert any('"format": "html"' in row[0] or '"format":"html"' in row[0] for row in logged)


def test_the_markdown_report_has_the_same_claims(demo_case: Path, tmp_path: Path) -> None:
    case = tmp_path / "demo.db"
    shutil.copy(demo_case, case)
    code, _ = run("report", "--case", case, "-o", tmp_path / "case.md")
    assert code == 0
    markdown = (tmp_path / "case.md").read_text(encoding="utf-8")
    data = contract(case)
    headings = re.findall(r"^#### \d+\. (.+)$", markdown, re.MULTILINE)
    assert sorted(headings) == sorted(c["statement"] for c in data["claims"])
    assert markdown.count("SHA-256 `") >= sum(d["status"] == "ok" for d in data["documents"])


def test_a_report_needs_a_known_format(demo_case: Path, tmp_path: Path) -> None:
    code, out = run("report", "--case", demo_case, "-o", tmp_path / "case.pdf")
    assert code == 2 and "neither .html nor .md" in out
    assert not (tmp_path / "case.pdf").exists()


def _escaped(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&#34;").replace("'", "&#39;"))


def test_the_report_reads_claims_a_few_at_a_time(demo_case: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Written piece by piece, claims read in chunks: the same report as read in one go."""
    case = Case.open(demo_case)
    try:
        whole = "".join(report.render_report(case.view, "md", "demo.db"))
        monkeypatch.setattr(report, "CLAIMS_PER_READ", 2)
        pieces = list(report.render_report(case.view, "md", "demo.db"))
    finally:
        case.close()
    assert len(pieces) > 10
    generated = re.compile(r"^Generated \S+", re.MULTILINE)
    assert generated.sub("", "".join(pieces)) == generated.sub("", whole)
    numbers = [int(n) for n in re.findall(r"^#### (\d+)\. ", whole, re.MULTILINE)]
    assert numbers == list(range(1, len(numbers) + 1))
