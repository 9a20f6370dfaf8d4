"""Where stage 4's denial cues fire on real news: every sentence of the articles in
../shared/data that extraction marks as a denial, with the cues that decided.

The pages of both sets (article-extraction-benchmark, htmldate-mediacloud-2020) go through the
real cleaner (`documents_from`, default settings); extraction runs on each accepted body. The
labelled set cannot tell how often a cue fires on ordinary reporting; these articles (news of
every kind, almost none about rights abuses) can: a new cue should fire on none of their
sentences, or only on real denials. To see what a change adds, run this before and after it
and compare the lists (or pass --cue to keep only the sentences whose cues hold a word).

--counter-accounts lists instead every sentence where a counter-account pattern
(attribution.COUNTER_ACCOUNT_PATTERNS) matches at all, before the checks that make it a denial
(an official's verb of saying, a claim in the text that it answers), with whether the sentence
came out a denial: what those checks keep out.

    .venv/bin/python benchmarks/denials_shared.py [--cue WORD ...] [--json] [--counter-accounts]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from dossier.clean.documents import documents_from
from dossier.config import Settings
from dossier.extract import extract_document
from dossier.extract.attribution import _COUNTER_ACCOUNT, _normalise
from dossier.extract.document import publication_date
from dossier.extract.records import Extraction
from dossier.extract.text import parse, sentences
from dossier.models import DocumentStatus, MediaType, Original, sha256_hex

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
FOLDERS = ("article-extraction-benchmark/html", "htmldate-mediacloud-2020/pages")


def pages(data: Path = DATA) -> Iterator[Path]:
    for folder in FOLDERS:
        yield from sorted((data / folder).glob("*.html.gz"))


@dataclass(frozen=True)
class Found:
    page: str  # set folder / file name
    cues: tuple[str, ...]
    sentence: str
    denial: bool = True


def denials(data: Path = DATA, counter_accounts: bool = False
            ) -> tuple[int, int, list[Found]]:
    """(pages read, articles the cleaner accepted, one record per denial sentence; or, with
    `counter_accounts`, per sentence a counter-account pattern matches, denial or not)."""
    settings = Settings()
    read = articles = 0
    found: list[Found] = []
    for path in pages(data):
        read += 1
        content = gzip.decompress(path.read_bytes())
        original = Original(sha256_hex(content), content, MediaType.HTML, path.name)
        for document in documents_from(original, settings):
            if document.status is not DocumentStatus.OK or not document.text:
                continue
            articles += 1
            extraction = extract_document(document.text, document_id=path.name,
                                          published=publication_date(document.published),
                                          outlet=document.outlet)
            page = f"{path.parent.parent.name}/{path.name}"
            if counter_accounts:
                found += _counter_accounts(page, document.text, extraction)
                continue
            for statement in extraction.statements:
                if statement.attribution.denial:
                    found.append(Found(page, statement.attribution.cues, statement.text))
    return read, articles, found


def _counter_accounts(page: str, text: str, extraction: Extraction) -> list[Found]:
    denied = {s.start for s in extraction.statements if s.attribution.denial}
    out = []
    for sentence in sentences(parse(text)):
        low, _ = _normalise(sentence.text)
        matched = tuple(f"{name}: {m.group()}" for name, _, pattern in _COUNTER_ACCOUNT
                        for m in pattern.finditer(low))
        if matched:
            out.append(Found(page, matched, sentence.text, sentence.start in denied))
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cue", action="append", default=[],
                        help="keep only denials with a cue holding this text (repeatable)")
    parser.add_argument("--json", action="store_true", help="one JSON record per line")
    parser.add_argument("--counter-accounts", action="store_true",
                        help="list where the counter-account patterns match, denial or not")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"shared data not found at {DATA}")
        return 1
    read, articles, found = denials(counter_accounts=args.counter_accounts)
    if args.cue:
        found = [f for f in found if any(w in c for w in args.cue for c in f.cues)]
    for record in found:
        if args.json:
            print(json.dumps(asdict(record), ensure_ascii=False))
        else:
            mark = "" if not args.counter_accounts else (
                "denial\t" if record.denial else "not a denial\t")
            print(f"{record.page}\t{mark}{'; '.join(record.cues)}\t"
                  f"{' '.join(record.sentence.split())}")
    what = "sentences a counter-account matches" if args.counter_accounts else "denial sentences"
    print(f"{read} pages, {articles} articles, {len(found)} {what}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
