"""The bundled demo corpus builds into a case that exercises every part of ingest."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from conftest import Dossier
from test_export import validate

from dossier.cli import main
from dossier.demo import corpus_folder


def test_demo_builds_and_shows_its_sources(tmp_path: Path) -> None:
    case = tmp_path / "demo.db"
    result = CliRunner().invoke(main, ["demo", "--case", str(case)])
    assert result.exit_code == 0, result.output
    assert "originals: 23 new" in result.output
    assert "corpus/01-caucasus-monitor-2017-04-03-purge.html" in result.output
    again = CliRunner().invoke(main, ["demo", "--case", str(case)])
    assert "originals: 0 new, 26 known" in again.output

    d = Dossier(case)
    export = d.export()
    validate(export)
    docs = export["documents"]
    ok = [doc for doc in docs if doc["status"] == "ok"]
    assert len(ok) >= 15
    rejected = {Path(doc["path"]).name: doc["reason"] for doc in docs
                if doc["status"] == "rejected"}
    assert set(rejected) == {"empty.txt", "junk.txt", "notes.docx", "broken.zip"}
    russian = next(doc for doc in ok if doc["path"].endswith("-ru.txt"))
    assert "Кадыров" in russian["text"]
    crawl = next(doc for doc in ok if "baltic-courier" in doc["path"])
    assert any(p.startswith("https://balticcourier.example/") for p in crawl["paths"])
    zipped = [doc for doc in ok if "wire-exports-2017.zip!/" in " ".join(doc["paths"])]
    assert len(zipped) == 2
    assert d("verify").exit_code == 0


def test_every_corpus_file_is_in_the_key() -> None:
    with corpus_folder() as corpus:
        key = (corpus.parent / "README.md").read_text()
        names = [p.relative_to(corpus).as_posix() for p in corpus.rglob("*") if p.is_file()]
    assert len(names) >= 20
    missing = [name for name in names if name not in key]
    assert not missing, f"demo files missing from demo/README.md: {missing}"


def test_demo_json_is_stable_across_rebuilds(tmp_path: Path) -> None:
    """Document IDs depend only on content: two separate builds agree."""
    ids = []
    for name in ("a.db", "b.db"):
        CliRunner().invoke(main, ["demo", "--case", str(tmp_path / name), "--quiet"])
        export = json.loads(CliRunner().invoke(
            main, ["export", "--case", str(tmp_path / name)]).stdout)
        ids.append(sorted(doc["id"] for doc in export["documents"]))
    assert ids[0] == ids[1]

