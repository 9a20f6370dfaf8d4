"""Stage 4 through the pipeline and the CLI: the demo case's entities and statements, the
same-surname guard, incremental extraction, other languages, and the worker processes."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import Dossier

from dossier.cli import main
from dossier.config import Settings
from dossier.pipeline import build, extract_documents
from dossier.store import Case


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    case = tmp_path_factory.mktemp("demo") / "demo.db"
    result = CliRunner().invoke(main, ["demo", "--case", str(case), "--quiet"])
    assert result.exit_code == 0, result.output
    return Dossier(case).export()


def _entity(export: dict[str, Any], name: str) -> dict[str, Any]:
    found = [e for e in export["entities"] if e["name"] == name]
    assert found, f"no entity {name!r}"
    return found[0]


def test_demo_people_are_merged_across_spellings(demo: dict[str, Any]) -> None:
    kadyrov = _entity(demo, "Ramzan Kadyrov")
    assert kadyrov["type"] == "person"
    assert {"Kadyrov", "Ramzan A. Kadyrov", "Ramzan Kadyrow"} <= set(kadyrov["aliases"])
    bakayev = next(e for e in demo["entities"] if "Bakayev" in e["aliases"])
    assert {"Bakaev", "Bakeyev", "Zelimkhan Bakayev"} <= set(bakayev["aliases"])
    assert bakayev["merges"], "each merge keeps its reason"
    assert "Groznyy" in _entity(demo, "Grozny")["aliases"]
    assert _entity(demo, "Novaya Gazeta")["type"] == "organization"
    assert _entity(demo, "Chechnya")["type"] == "place"
    for entity in demo["entities"]:
        for mention in entity["mentions"]:
            assert mention["text"] in mention["quote"]


def test_nothing_comes_from_comments_or_boilerplate(demo: dict[str, Any]) -> None:
    bodies = " ".join(d["text"] for d in demo["documents"] if d["status"] == "ok")
    removed = " ".join(block["text"] for d in demo["documents"] for block in d["removed"])
    only_removed = {word for word in re.findall(r"\b[A-Z][a-z]{3,}\b", removed)
                    if not re.search(rf"\b{word}\b", bodies)}
    assert only_removed, "the demo's comments name people the bodies do not"
    aliases = {alias for e in demo["entities"] for alias in e["aliases"]}
    words = {word for alias in aliases for word in alias.split()}
    assert not only_removed & words
    by_id = {d["id"]: d["text"] for d in demo["documents"]}
    for claim in demo["claims"]:
        for mention in claim["mentions"]:
            assert mention["quote"] in by_id[mention["document"]]


def test_demo_statements_carry_numbers_speakers_denials_and_dates(demo: dict[str, Any]) -> None:
    claims = demo["claims"]
    mentions = [m for c in claims for m in c["mentions"]]
    assert any(c["figures"] and c["figures"]["low"] == 100 for c in claims)
    denials = [m for m in mentions if m["stance"] == "denies"]
    assert denials and any(m["denied_by"] for m in denials)
    assert any(m["attributed_to"] == "Ramzan Kadyrov" for m in mentions)
    assert any(m["source"] == "Novaya Gazeta" for m in mentions)
    dated = [m for m in mentions if m["date"]]
    assert dated and all(re.fullmatch(r"\d{4}(-\d{2}){0,2}", m["date"]) for m in dated)
    assert {m["kind"] for m in mentions} >= {"quote", "denial", "quantity", "report", "event"}
    assert any(c["event_type"] == "detention" for c in claims)


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


BODY = ("{first}\n\nThe committee met on Tuesday in Vienna to hear evidence about the "
        "detentions reported earlier this spring by several rights groups in the region.\n\n"
        "{second}\n\nThe hearing is expected to continue next month with more witnesses, the "
        "committee's chairwoman told reporters after the session ended.\n")


def test_people_who_share_a_surname_are_not_merged(dossier: Dossier, tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    _write(corpus, "a.txt", "Spokesman speaks\n\n" + BODY.format(
        first="Alvi Karimov, a spokesman for the regional government, said the reports were "
              "false and that no one had been detained.",
        second="Karimov added that the police had opened no case at all."))
    _write(corpus, "b.txt", "Tashkent years\n\n" + BODY.format(
        first="Islam Karimov, who ruled Uzbekistan until 2016, was accused of torture by "
              "several rights groups over many years.",
        second="Human Rights Watch said at least 200 people were killed in Andijan in 2005."))
    _write(corpus, "c.txt", "A name alone\n\n" + BODY.format(
        first="A statement attributed to Karimov was read out at the start of the hearing by "
              "a clerk of the committee.",
        second="Members of the committee asked for the full text to be published."))
    assert dossier("build", corpus, "--quiet").exit_code == 0
    people = {e["name"]: e for e in dossier.export()["entities"] if e["type"] == "person"}
    assert "Alvi Karimov" in people and "Islam Karimov" in people
    assert "Islam Karimov" not in people["Alvi Karimov"]["aliases"]
    assert people["Alvi Karimov"]["documents"] == 1
    assert people["Islam Karimov"]["documents"] == 1
    assert people["Karimov"]["documents"] == 1  # the bare surname stays its own: ambiguous


def test_extraction_is_incremental_reads_russian_and_skips_other_languages(
        dossier: Dossier, tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    _write(corpus, "a.txt", "First\n\n" + BODY.format(
        first="Police in Grozny detained at least 40 men on Monday, Elena Petrova of the "
              "Northern Rights Centre said.",
        second="The interior ministry denied that anyone had been detained."))
    assert dossier("build", corpus, "--quiet").exit_code == 0
    _write(corpus, "ru.txt", "Новости\n\nПолиция в Грозном задержала не менее сорока мужчин в "
           "понедельник, сообщила Елена Петрова из Северного правозащитного центра. "
           "Министерство внутренних дел отрицает, что кто-либо был задержан, и называет "
           "сообщения провокацией. Слушания продолжатся в следующем месяце в Вене.\n")
    _write(corpus, "fr.txt", "Actualités\n\nLa police de Grozny a arrêté au moins quarante "
           "hommes lundi, a déclaré Elena Petrova du Centre des droits du Nord. Le ministère de "
           "l'Intérieur dément toute arrestation et parle d'une provocation. Les audiences "
           "reprendront le mois prochain à Vienne.\n")
    result = dossier("build", corpus)
    assert "read for statements: 2" in result.output
    again = dossier("build", corpus)
    assert "read for statements" not in again.output
    export = dossier.export()
    ids = {Path(d["path"]).name: d["id"] for d in export["documents"]}
    # Russian is read (docs/russian.md); French is recorded as read with nothing found
    assert [c for c in export["claims"] if c["mentions"][0]["document"] == ids["ru.txt"]]
    assert not [c for c in export["claims"] if c["mentions"][0]["document"] == ids["fr.txt"]]
    assert not [m for e in export["entities"] for m in e["mentions"]
                if m["document"] == ids["fr.txt"]]
    assert dossier.sql("SELECT count(*) FROM extractions")[0][0] == 3
    # "Елена Петрова" transliterates to the English spelling's key: one person
    petrova = next(e for e in export["entities"] if "Elena Petrova" in e["aliases"])
    assert petrova["type"] == "person" and "Елена Петрова" in petrova["aliases"]
    assert {m["document"] for m in petrova["mentions"]} == {ids["a.txt"], ids["ru.txt"]}


def test_worker_processes_give_the_same_result(tmp_path: Path) -> None:
    corpus = Path(__file__).resolve().parent.parent / "src" / "dossier" / "demo" / "corpus"
    results = []
    for workers in (1, 2):
        settings = replace(Settings(), extract_workers=workers, extract_parallel_min=1)
        case = Case.open(tmp_path / f"w{workers}.db", create=True)
        try:
            build(case, [corpus], replace(settings, extract_workers=1, batch_size=1000))
            with case.writer.transaction() as tx:
                tx.remove_extractions([x.document_id for x in case.view.extractions()])
            assert extract_documents(case, settings) > 0
            results.append((case.view.extractions(), case.view.entities()))
        finally:
            case.close()
    assert results[0] == results[1]


def test_entities_resolved_document_by_document_match_the_whole_case(tmp_path: Path) -> None:
    """Adding documents re-resolves only the entities their names can join; the demo corpus
    added in four steps gives the entities a one-step build gives."""
    from dossier.demo import corpus_folder

    with corpus_folder() as corpus:
        files = sorted(p for p in corpus.rglob("*") if p.is_file() and "bad" not in p.parts)
        whole = Case.open(tmp_path / "whole.db", create=True)
        build(whole, files, Settings())
        steps = Case.open(tmp_path / "steps.db", create=True)
        for k in range(4):
            build(steps, files[k::4], Settings())

    def entities(case: Case) -> set[tuple[str, str, frozenset[str]]]:
        return {(e.id, e.name, frozenset(e.aliases)) for e in case.view.entities()}

    expected, got = entities(whole), entities(steps)
    whole.close()
    steps.close()
    assert got == expected, (sorted(expected - got)[:5], sorted(got - expected)[:5])


def test_lookup_keys_of_a_name_without_letters() -> None:
    # found on a real page: an "entity" whose name has no letter left once transliterated
    from dossier.extract.aliases import lookup_keys
    from dossier.extract.records import EntityType, LocalEntity

    for kind in EntityType:
        assert lookup_keys(LocalEntity(0, "—", kind, ("—",))) == {f"k:{kind.value}:"}
