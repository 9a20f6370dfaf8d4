"""The cleaning figures the issue asks for, as tests: the labelled plain-text sets, and (with
../shared/data) HTML body F1 and publication-date accuracy. Figures and how they were measured
are in docs/performance.md; benchmarks/ prints them."""

from __future__ import annotations

import gzip
import json
import statistics
from pathlib import Path

from html_cleaning import date_accuracy, precision_recall
from text_cleaning import evaluate

from dossier.clean.html import article_from_html
from dossier.config import Settings


def test_dev_set_meets_the_targets() -> None:
    result, _ = evaluate(["dev"], Settings())
    assert result["files"] >= 40
    for label in ("m", "p"):  # comment, boilerplate
        assert result[f"{label}_precision"] >= 0.95, label
        assert result[f"{label}_recall"] >= 0.95, label
    assert result["comment_lines_in_body"] == 0
    assert result["boundary_recall"] >= 0.9


def test_no_comment_line_reaches_a_body_in_the_holdout_set() -> None:
    result, _ = evaluate(["holdout"], Settings())
    assert result["comment_lines_in_body"] == 0
    assert result["m_precision"] >= 0.95 and result["m_recall"] >= 0.95


def test_html_body_f1_on_the_extraction_benchmark(shared_data: Path) -> None:
    bench = shared_data / "article-extraction-benchmark"
    truth = json.loads((bench / "ground-truth.json").read_text())
    settings = Settings()
    precisions, recalls = [], []
    for key, value in truth.items():
        html = gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes())
        article = article_from_html(html, value["url"], settings).article
        p, r = precision_recall(value["articleBody"], article.body if article else "")
        precisions.append(p)
        recalls.append(r)
    p, r = statistics.mean(precisions), statistics.mean(recalls)
    assert 2 * p * r / (p + r) >= 0.95


def test_publication_dates_on_the_htmldate_set(shared_data: Path) -> None:
    right, total = date_accuracy(shared_data / "htmldate-mediacloud-2020", Settings())
    assert right / total >= 0.90
