"""The extraction figures the brief asks for, as tests, on the labelled documents
(tests/data/extraction) where the targets were met: the 80 documents read before 2026-11-21
(dev 01-48 and 59-80, and the first holdout 49-58; split "first80"): entity F1 per type, alias
clusters, quantities, denials, speakers, dates, and nothing from outside the body. Since
EXTRACTOR_VERSION 9 the denial and speaker targets are also met, and asserted, on all 110 read
documents (split "read": first80 and the three author batches 91-120 added on 2026-11-21,
whose misses were read); the "other" entity type (14 gold mentions there) is not. The targets
are NOT met on the blind holdout (81-90), measured and recorded in docs/performance.md, not asserted
here: a test on it would turn every fix into tuning on it. The scoring is
benchmarks/extraction.py's; its self-check (the gold scored as a prediction gives 1.0
everywhere) and a few hand-made cases test the scoring itself."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import importlib.util
from collections.abc import Sequence
from pathlib import Path

import extraction as bench
import pytest
from extraction import (
    TARGETS,
    TYPES,
    PerfectPredictor,
    b_cubed,
    evaluate,
    load,
    self_check,
    sentence_span,
)

from dossier.extract.records import CaseEntity, EntityType, Extraction, Mention, Statement


def _extractor_written() -> bool:
    """The stage-4 API exists (while the lead writes it, the target tests are skipped; once it
    exists, any error in it fails them)."""
    if importlib.util.find_spec("dossier.extract.aliases") is None:
        return False
    return hasattr(importlib.import_module("dossier.extract"), "extract_document")


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    if not _extractor_written():
        pytest.skip("dossier.extract.extract_document / aliases.resolve_entities not written yet")
    return evaluate("first80")


def _counts(figures: dict[str, float], key: str) -> str:
    if f"{key}.n" in figures:
        return f"{key} = {figures[key]:.3f} ({figures[f'{key}.n']:g}/{figures[f'{key}.of']:g})"
    return f"{key} = {figures[key]:.3f}"


# --- the targets, on all documents ---------------------------------------------------------


@pytest.mark.parametrize("entity_type", TYPES)
def test_entity_mention_f1_per_type(figures: dict[str, float], entity_type: str) -> None:
    key = f"entities.{entity_type}.f1"
    assert figures[key] >= TARGETS[key], (
        _counts(figures, key), _counts(figures, f"entities.{entity_type}.precision"),
        _counts(figures, f"entities.{entity_type}.recall"))


def test_alias_clusters_across_documents(figures: dict[str, float]) -> None:
    key = "aliases.across.f1"
    assert figures[key] >= TARGETS[key], (
        _counts(figures, key), _counts(figures, "aliases.across.precision"),
        _counts(figures, "aliases.across.recall"))


def test_quantities(figures: dict[str, float]) -> None:
    assert figures["quantity.recall"] >= TARGETS["quantity.recall"], _counts(
        figures, "quantity.recall")


def test_denials(figures: dict[str, float]) -> None:
    for key in ("denials.precision", "denials.recall"):
        assert figures[key] >= TARGETS[key], _counts(figures, key)


def test_speakers(figures: dict[str, float]) -> None:
    assert figures["speakers.recall"] >= TARGETS["speakers.recall"], _counts(
        figures, "speakers.recall")


@pytest.fixture(scope="module")
def read_figures() -> dict[str, float]:
    if not _extractor_written():
        pytest.skip("dossier.extract.extract_document / aliases.resolve_entities not written yet")
    return evaluate("read")


def test_denials_and_speakers_on_every_read_document(read_figures: dict[str, float]) -> None:
    for key in ("denials.precision", "denials.recall", "speakers.recall"):
        assert read_figures[key] >= TARGETS[key], _counts(read_figures, key)


def test_dates(figures: dict[str, float]) -> None:
    assert figures["dates.recall"] >= TARGETS["dates.recall"], _counts(figures, "dates.recall")


def test_nothing_from_outside_the_body(figures: dict[str, float]) -> None:
    # extraction on the real cleaner's bodies: no caption, credit, comment or boilerplate
    # string may reach a mention or a statement
    assert figures["outside.absent_items"] > 0
    assert figures["outside.absent_in_output"] == 0


def test_offsets_point_at_the_text(figures: dict[str, float]) -> None:
    assert figures["offset_errors"] == 0


# --- the scoring itself --------------------------------------------------------------------


def test_the_gold_scored_as_a_prediction_gives_one_everywhere() -> None:
    assert self_check() == []


def test_the_perfect_predictor_finds_every_labelled_item() -> None:
    figures = evaluate("all", PerfectPredictor())
    assert figures["documents"] == 200
    assert figures["entities.all.recall.of"] == 3528  # the README's totals
    assert figures["statements.recall.of"] == 2408
    assert figures["denials.recall.of"] == 749
    assert figures["quantity.recall.of"] == 654
    assert figures["speakers.recall.of"] == 1622
    assert figures["dates.recall.of"] == 1024
    assert figures["roles.recall.of"] == 578
    assert figures["outside.absent_items"] == 280


def test_splits() -> None:
    # 59-68, the second blind holdout, was retired into dev once its result was recorded; 91-120
    # joined dev after their first reading
    dev, holdout, third = load("dev"), load("holdout"), load("holdout3")
    assert len(dev) == 100 and len(holdout) == 10
    assert {d.number for d in dev} == {f"{n:02d}" for n in (*range(1, 49), *range(59, 81))} | {
        str(n) for n in range(91, 121)}
    assert {d.number for d in holdout} == {str(n) for n in range(49, 59)}
    assert {d.number for d in load("new")} == {str(n) for n in range(91, 121)}
    assert {d.number for d in load("first80")} == {f"{n:02d}" for n in range(1, 81)} - {
        str(n) for n in range(81, 91)}
    # the third blind holdout (81-90) may not be written yet; nothing else may be in it
    assert {d.number for d in third} <= {str(n) for n in range(81, 91)}
    # the fourth blind holdout (121-130), read since version 15; the fifth (131-140), read
    # since version 16; the sixth (141-150), read since version 18; the seventh (151-160),
    # read since version 19; the eighth (161-170), read since version 21; the ninth (181-190),
    # never listed, may not be written yet; the Russian documents (171-180) and the Russian
    # blind holdout (191-200)
    fourth, fifth, sixth = load("holdout4"), load("holdout5"), load("holdout6")
    seventh, eighth, russian = load("holdout7"), load("holdout8"), load("russian")
    ninth, russian2 = load("holdout9"), load("russian2")
    assert {d.number for d in fourth} <= {str(n) for n in range(121, 131)}
    assert {d.number for d in fifth} <= {str(n) for n in range(131, 141)}
    assert {d.number for d in sixth} <= {str(n) for n in range(141, 151)}
    assert {d.number for d in seventh} <= {str(n) for n in range(151, 161)}
    assert {d.number for d in eighth} <= {str(n) for n in range(161, 171)}
    assert {d.number for d in russian} <= {str(n) for n in range(171, 181)}
    assert {d.number for d in ninth} <= {str(n) for n in range(181, 191)}
    assert {d.number for d in russian2} <= {str(n) for n in range(191, 201)}
    assert {d.name for d in (*dev, *holdout, *third, *fourth, *fifth, *sixth, *seventh,
                             *eighth, *russian, *ninth, *russian2)} == {
        d.name for d in load("all")}
    assert {d.name for d in (*dev, *holdout)} == {d.name for d in load("read")}
    assert [d.number for d in load("all")] == sorted((d.number for d in load("all")), key=int)
    with pytest.raises(ValueError):
        load("test")
    with pytest.raises(ValueError):
        load("holdout2")  # retired


def test_the_third_holdout_is_ten_documents_numbered_81_to_90() -> None:
    third = load("holdout3")
    if not third:
        pytest.skip("holdout3 (documents 81-90) has no documents yet: it is being written "
                    "blind, apart from the rules")
    assert {d.number for d in third} == {str(n) for n in range(81, 91)}


def test_an_empty_split_is_reported_not_scored(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(bench, "load", lambda split: [])
    assert bench.main(["holdout3", "--no-speed"]) == 0
    assert capsys.readouterr().out.strip() == "holdout3: no documents"


def test_b_cubed_by_hand() -> None:
    # gold {1,2,3} {4,5}; predicted {1,2} {3,4,5}
    pairs = [("a", "x"), ("a", "x"), ("a", "y"), ("b", "y"), ("b", "y")]
    precision, recall = b_cubed(pairs)
    assert precision == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    # everything in one predicted cluster: recall 1, precision (3*3/5 + 2*2/5) / 5
    precision, recall = b_cubed([(g, "z") for g, _ in pairs])
    assert precision == pytest.approx(13 / 25)
    assert recall == 1.0
    assert b_cubed([]) == (1.0, 1.0)


def test_sentence_span_keeps_titles_initials_and_quotes() -> None:
    text = ('Mr. Arlo Venn of the U.N. mission left on Monday. "We will return," she said. '
            "Dr. J. Okafor stayed.\nA second paragraph starts here.")
    at = text.index("mission left")
    start, end = sentence_span(text, at, at + 12)
    assert text[start:end] == "Mr. Arlo Venn of the U.N. mission left on Monday."
    at = text.index("will return")
    assert text[slice(*sentence_span(text, at, at + 5))] == '"We will return," she said.'
    at = text.index("Okafor")
    assert text[slice(*sentence_span(text, at, at + 6))] == "Dr. J. Okafor stayed."
    at = text.index("second")
    assert text[slice(*sentence_span(text, at, at + 6))] == "A second paragraph starts here."


class _Nothing:
    """Finds nothing at all."""

    def extract_document(self, text: str, *, document_id: str, published: dt.date | None,
                         outlet: str | None) -> Extraction:
        return Extraction(document_id, (), (), (), ())

    def resolve_entities(self, extractions: Sequence[Extraction]) -> list[CaseEntity]:
        return []


class _Degraded(PerfectPredictor):
    """The gold, spoilt in one way: 'merge' puts every entity of the case into one cluster;
    'shift' moves every mention one character to the right; 'whole' makes each document's
    text one statement."""

    def __init__(self, how: str) -> None:
        super().__init__()
        self.how = how

    def extract_document(self, text: str, *, document_id: str, published: dt.date | None,
                         outlet: str | None) -> Extraction:
        got = super().extract_document(text, document_id=document_id, published=published,
                                       outlet=outlet)
        if self.how == "shift":
            mentions = tuple(Mention(m.start + 1, m.end + 1, text[m.start + 1:m.end + 1],
                                     m.entity) for m in got.mentions)
            return dataclasses.replace(got, mentions=mentions)
        if self.how == "whole" and got.statements:
            first = got.statements[0]
            whole = dataclasses.replace(first, start=0, end=len(text), text=text, quantity=None,
                                        dates=())
            return dataclasses.replace(got, statements=(whole,))
        return got

    def resolve_entities(self, extractions: Sequence[Extraction]) -> list[CaseEntity]:
        if self.how != "merge":
            return super().resolve_entities(extractions)
        members = tuple((e.document_id, entity.index) for e in extractions
                        for entity in e.entities)
        return [CaseEntity("all", "all", EntityType.OTHER, (), members)]


def test_a_predictor_that_finds_nothing_scores_zero() -> None:
    figures = evaluate("dev", _Nothing())
    for key in ("entities.all.recall", "entities.all.f1", "statements.recall",
                "quantity.recall", "denials.recall", "speakers.recall", "dates.recall",
                "roles.recall", "outside.mentions.recall"):
        assert figures[key] == 0, key
    assert figures["outside.absent_in_output"] == 0
    assert figures["offset_errors"] == 0


def test_merged_clusters_lose_precision_not_recall() -> None:
    figures = evaluate("dev", _Degraded("merge"))
    assert figures["aliases.across.recall"] == 1.0
    assert figures["aliases.across.precision"] < 0.1
    assert figures["aliases.within.f1"] == 1.0  # the documents' own entities are intact
    assert figures["entities.all.f1"] == 1.0


def test_mentions_must_have_the_exact_span() -> None:
    figures = evaluate("dev", _Degraded("shift"))
    assert figures["entities.all.recall"] == 0
    assert figures["aliases.across.mentions"] == 0
    assert figures["speakers.recall"] < 0.1  # their entities no longer map to gold ids


def test_a_statement_spanning_the_whole_body_counts_once() -> None:
    figures = evaluate("dev", _Degraded("whole"))
    assert figures["statements.recall"] == 1.0  # every gold sentence lies inside it
    assert figures["statements.precision.of"] == figures["documents"]
    assert figures["kind.accuracy"] < 1.0
    assert figures["quantity.recall"] == 0


def test_strings_from_outside_the_body_are_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    # feed the whole raw file (captions, comments, page chrome) instead of the cleaner's body
    def raw(path: Path) -> tuple[tuple[str, dt.date | None, str | None], ...]:
        return ((path.read_text(encoding="utf-8"), None, None),)

    monkeypatch.setattr(bench, "cleaned", raw)
    figures = evaluate("dev", _Degraded("whole"))
    absent = sum(len(d.gold["absent"]) for d in load("dev"))
    assert absent > 0
    assert figures["outside.absent_in_output"] == absent


def test_statement_offsets_are_checked() -> None:
    class Misplaced(PerfectPredictor):
        def extract_document(self, text: str, *, document_id: str,
                             published: dt.date | None, outlet: str | None) -> Extraction:
            got = super().extract_document(text, document_id=document_id,
                                           published=published, outlet=outlet)
            moved: list[Statement] = [dataclasses.replace(s, start=s.start + 1)
                                      for s in got.statements]
            return dataclasses.replace(got, statements=tuple(moved))

    figures = evaluate("dev", Misplaced())
    assert figures["offset_errors"] == figures["statements.precision.of"]
