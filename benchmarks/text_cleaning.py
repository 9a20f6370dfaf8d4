"""Plain-text cleaning against our labelled set (tests/data/cleaning, format in its README).

Prints, for the dev set (rules tuned on it) and the holdout set (never tuned on): per-label
line precision/recall, comment lines that ended up in a body (must be 0), compilation
boundaries found, and date/outlet/language accuracy.

    .venv/bin/python benchmarks/text_cleaning.py [dev|holdout ...]
"""

from __future__ import annotations

import bisect
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from dossier.clean.documents import documents_from
from dossier.config import Settings
from dossier.models import BlockKind, Document, MediaType, Original, sha256_hex

SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "cleaning"
LETTER = {BlockKind.BODY: "b", BlockKind.TITLE: "t", BlockKind.METADATA: "d",
          BlockKind.BOILERPLATE: "p", BlockKind.CAPTION: "c", BlockKind.COMMENT: "m"}


@dataclass
class Labelled:
    name: str
    text: str
    markdown: bool
    labels: list[str | None]  # per input line; None for empty lines
    line_starts: list[int]
    segments: list[int] = field(default_factory=lambda: [0])  # first line of each article
    dates: dict[int, str] = field(default_factory=dict)  # segment number -> date
    outlet: str | None = None
    language: str | None = None


def read(path: Path) -> Labelled:
    lines: list[str] = []
    labels: list[str | None] = []
    meta: dict[str, str] = {}
    segments, dates = [0], {}
    for raw in path.read_text(encoding="utf-8").split("\n"):
        if raw.startswith("#! "):
            key, _, value = raw[3:].partition(":")
            key, value = key.strip(), value.strip()
            if key == "segment":
                segments.append(len(lines))
            elif key == "date":
                dates[len(segments) - 1] = value
            else:
                meta[key] = value
            continue
        if raw == "":
            lines.append("")
            labels.append(None)
            continue
        label, bar, text = raw.partition("|")
        if not bar or label not in "btdpcm":
            raise ValueError(f"{path.name}: bad line {raw!r}")
        lines.append(text)
        labels.append(label)
    while lines and lines[-1] == "":
        lines.pop()
        labels.pop()
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    return Labelled(path.name, "\n".join(lines) + "\n", meta.get("format") == "markdown",
                    labels, starts, segments, dates, meta.get("outlet"), meta.get("language"))


def predict(item: Labelled, settings: Settings) -> tuple[list[str | None], list[int],
                                                         tuple[Document, ...]]:
    content = item.text.encode("utf-8")
    media = MediaType.MARKDOWN if item.markdown else MediaType.TEXT
    documents = documents_from(Original(sha256_hex(content), content, media, item.name),
                               settings)
    spans = sorted((block.start, block.end, LETTER[block.kind], doc.segment)
                   for doc in documents for block in doc.blocks)
    starts = [span[0] for span in spans]
    labels: list[str | None] = []
    first_line: dict[int, int] = {}
    for n, (line_start, gold) in enumerate(zip(item.line_starts, item.labels, strict=True)):
        if gold is None:
            labels.append(None)
            continue
        at = bisect.bisect_right(starts, line_start) - 1
        if at < 0 or spans[at][1] < line_start:
            labels.append("?")
            continue
        labels.append(spans[at][2])
        first_line.setdefault(spans[at][3], n)
    return labels, sorted(first_line.values()), documents


def boundary_match(gold: list[str | None], a: int, b: int) -> bool:
    """Two article starts agree when only boilerplate or empty lines lie between them."""
    low, high = min(a, b), max(a, b)
    return all(label in (None, "p") for label in gold[low:high])


def evaluate(names: list[str], settings: Settings) -> tuple[dict[str, float], list[str]]:
    """Scores over the named sets, and the problems found (file: what went wrong)."""
    counts: Counter[tuple[str, str]] = Counter()
    comment_in_body = 0
    gold_bounds = found_bounds = predicted_bounds = correct_bounds = 0
    dates = dates_ok = outlets = outlets_ok = languages = languages_ok = 0
    problems: list[str] = []
    files = [path for name in names for path in sorted((SET / name).glob("*.txt"))]
    for path in files:
        item = read(path)
        predicted, starts, documents = predict(item, settings)
        for n, (gold, got) in enumerate(zip(item.labels, predicted, strict=True)):
            if gold is None:
                continue
            counts[(gold, got or "?")] += 1
            if gold == "m" and got in ("b", "t"):
                comment_in_body += 1
                problems.append(f"{path.name}:{n + 1} comment line in body")
        gold_starts, got_starts = item.segments[1:], starts[1:]
        gold_bounds += len(gold_starts)
        predicted_bounds += len(got_starts)
        found_bounds += sum(any(boundary_match(item.labels, g, p) for p in got_starts)
                            for g in gold_starts)
        correct_bounds += sum(any(boundary_match(item.labels, g, p) for g in gold_starts)
                              for p in got_starts)
        if len(gold_starts) != len(got_starts):
            problems.append(f"{path.name}: {len(item.segments)} articles, found {len(starts)}")
        by_segment = {doc.segment: doc for doc in documents}
        if len(gold_starts) == len(got_starts):
            for segment, date in item.dates.items():
                dates += 1
                got_date = by_segment[segment].published if segment in by_segment else None
                dates_ok += got_date == date
                if got_date != date:
                    problems.append(f"{path.name}: segment {segment} date {got_date} != {date}")
        if item.outlet:
            outlets += 1
            got_outlet = documents[0].outlet or ""
            ok = got_outlet.casefold() == item.outlet.casefold()
            outlets_ok += ok
            if not ok:
                problems.append(f"{path.name}: outlet {got_outlet!r} != {item.outlet!r}")
        if item.language:
            languages += 1
            languages_ok += documents[0].language == item.language
    result: dict[str, float] = {"files": len(files)}
    for label in "mpcbd":
        tp = counts[(label, label)]
        predicted_n = sum(n for (_, got), n in counts.items() if got == label)
        gold_n = sum(n for (gold, _), n in counts.items() if gold == label)
        result[f"{label}_precision"] = tp / predicted_n if predicted_n else 1.0
        result[f"{label}_recall"] = tp / gold_n if gold_n else 1.0
        result[f"{label}_lines"] = gold_n
    result["comment_lines_in_body"] = comment_in_body
    result["boundaries"] = gold_bounds
    result["boundary_recall"] = found_bounds / gold_bounds if gold_bounds else 1.0
    result["boundary_precision"] = correct_bounds / predicted_bounds if predicted_bounds else 1.0
    result["date_accuracy"] = dates_ok / dates if dates else 1.0
    result["outlet_accuracy"] = outlets_ok / outlets if outlets else 1.0
    result["language_accuracy"] = languages_ok / languages if languages else 1.0
    return result, problems


NAMES = {"b": "body", "d": "metadata", "p": "boilerplate", "c": "caption", "m": "comment"}


def main(argv: list[str]) -> None:
    settings = Settings()
    verbose = "-v" in argv
    for name in [arg for arg in argv if not arg.startswith("-")] or ["dev", "holdout", "holdout2"]:
        result, problems = evaluate([name], settings)
        print(f"\n{name}: {int(result['files'])} documents")
        for label in "mpcbd":
            print(f"  {NAMES[label]:12} precision {result[f'{label}_precision']:.3f}  "
                  f"recall {result[f'{label}_recall']:.3f}  ({int(result[f'{label}_lines'])} "
                  "lines)")
        print(f"  comment lines in a body: {int(result['comment_lines_in_body'])}")
        print(f"  compilation boundaries: {int(result['boundaries'])}, recall "
              f"{result['boundary_recall']:.3f}, precision {result['boundary_precision']:.3f}")
        print(f"  dates {result['date_accuracy']:.3f}  outlets {result['outlet_accuracy']:.3f}"
              f"  languages {result['language_accuracy']:.3f}")
        if verbose:
            for problem in problems:
                print("   ", problem)


if __name__ == "__main__":
    main(sys.argv[1:])
