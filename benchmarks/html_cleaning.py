"""HTML cleaning against ../shared/data: body-text F1 and throughput on the article-extraction
benchmark, publication-date accuracy on the htmldate set.

F1 is the benchmark's own metric: precision and recall over word 4-grams (tokens `\\w+`) of
the extracted body against `ground-truth.json`, averaged over pages, F1 from the averages.
Throughput is compared, in the same process and on the same pages, with trafilatura alone:
the same `bare_extraction` call dossier makes (same options, so the ratio is dossier's own
cost), and trafilatura's default `extract()` for reference.

    .venv/bin/python benchmarks/html_cleaning.py
"""

from __future__ import annotations

import gzip
import json
import math
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

from dossier.clean.html import article_from_html
from dossier.config import Settings

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[str]:
    tokens = TOKEN.findall(text or "")
    return Counter(" ".join(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))
                   if tokens[i:i + n])


def precision_recall(truth: str, predicted: str) -> tuple[float, float]:
    true, pred = shingles(truth), shingles(predicted)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    precision = tp / (tp + fp) if tp + fp else (1.0 if not true else 0.0)
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def f1_of(pages: dict[str, tuple[bytes, str, str]],
          extract: Callable[[bytes, str], str]) -> tuple[float, float, float, float]:
    """(precision, recall, F1, seconds) of one extractor over all pages."""
    precisions, recalls = [], []
    start = time.perf_counter()
    outputs = {key: extract(html, url) for key, (html, url, _) in pages.items()}
    seconds = time.perf_counter() - start
    for key, (_, _, truth) in pages.items():
        p, r = precision_recall(truth, outputs[key])
        precisions.append(p)
        recalls.append(r)
    p, r = statistics.mean(precisions), statistics.mean(recalls)
    return p, r, 2 * p * r / (p + r), seconds


def date_accuracy(folder: Path, settings: Settings) -> tuple[int, int]:
    """(right, total) publication dates on the htmldate set; no date given for a page without
    one counts as right."""
    gold = json.loads((folder / "gold.json").read_text())
    right = 0
    for url, entry in gold.items():
        expected = None if isinstance(entry["date"], float) and math.isnan(entry["date"]) \
            else entry["date"]
        html = gzip.decompress((folder / "pages" / entry["file"]).read_bytes())
        article = article_from_html(html, url, settings).article
        right += (article.published if article else None) == expected
    return right, len(gold)


def main() -> int:
    bench = DATA / "article-extraction-benchmark"
    dates_set = DATA / "htmldate-mediacloud-2020"
    if not bench.is_dir() or not dates_set.is_dir():
        print(f"../shared/data not found at {DATA}; nothing to measure")
        return 1
    settings = Settings()
    truth = json.loads((bench / "ground-truth.json").read_text())
    pages = {key: (gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes()),
                   value["url"], value["articleBody"]) for key, value in truth.items()}

    def ours(html: bytes, url: str) -> str:
        article = article_from_html(html, url, settings).article
        return article.body if article else ""

    def same_call(html: bytes, url: str) -> str:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=True, include_tables=True,
            favor_precision=True,
            date_extraction_params={"extensive_search": False, "original_date": True,
                                    "url": url})
        return getattr(document, "text", None) or ""

    def default(html: bytes, url: str) -> str:
        return trafilatura.extract(html, url=url) or ""

    runs: dict[str, list[tuple[float, float, float, float]]] = {}
    for _ in range(2):  # two rounds, alternating, so caches and warm-up favour no one
        for name, extractor in (("trafilatura, same call", same_call),
                                ("trafilatura extract() defaults", default),
                                ("dossier clean", ours)):
            runs.setdefault(name, []).append(f1_of(pages, extractor))
    print(f"article-extraction-benchmark: {len(pages)} pages")
    best = {name: min(r[3] for r in results) for name, results in runs.items()}
    for name, results in runs.items():
        p, r, f1, _ = results[-1]
        print(f"  {name:32} precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}  "
              f"{len(pages) / best[name]:6.1f} pages/s")
    for name in ("trafilatura, same call", "trafilatura extract() defaults"):
        print(f"  throughput ratio dossier / {name}: {best[name] / best['dossier clean']:.2f}")

    start = time.perf_counter()
    right, total = date_accuracy(dates_set, settings)
    seconds = time.perf_counter() - start
    print(f"htmldate-mediacloud-2020: {total} pages, publication date accuracy "
          f"{right / total:.3f} ({right}/{total}; a page without a date counts as right "
          f"when none is given), {total / seconds:.1f} pages/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
