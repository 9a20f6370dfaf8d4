"""Stage 4 (extract) against the labelled extraction set (tests/data/extraction; the gold and
the scoring rules are defined in its README).

Splits (each constant below says who wrote it and when it was read): "dev" = the documents the
rules are written against (01-48, 59-80, 91-120: earlier holdouts retired into it once their
result was recorded and their errors read); "holdout" = 49-58, written apart from the README
alone and never tuned on; "holdout3" ... "holdout7" = the blind holdouts of 2026-11-21 (81-90,
121-130, 131-140, 141-150, 151-160), each scored blind and then read; "holdout8" = 161-170, scored
blind once and read since; "holdout9" = 181-190, the blind holdout now, and "russian2" = 191-200,
the Russian blind holdout, never tuned on and never listed (an empty split scores nothing and the
script prints "no documents"); "russian" = 171-180, the first Russian batch; "read" = dev and
holdout, every document whose figures have been read (what tests/test_extract_figures.py asserts
the targets on: the blind holdout of the day is measured, not asserted); "all" = every labelled
document. For each document of a split, `extract_document` runs on the body (as
`check_gold.read_document` cuts it; document id = file name, publication date and outlet from
the gold), then `resolve_entities` runs once over all the split's extractions. Figures, each
with the counts behind it:

- entities: mention precision/recall/F1 per type and overall. The gold mentions are those of
  the scorer rule (every whole-word occurrence of every listed surface, longest first, no
  overlaps); a predicted mention is right with the exact span and the type.
- aliases: B³ precision/recall/F1 over the correctly found mentions. Gold cluster = global
  entity id. Predicted cluster = the CaseEntity holding the mention's local entity ("across"
  documents), or the local entity itself ("within" one document).
- statements: a gold statement is found when its sentence substring lies inside a predicted
  statement's span (the shortest such one is its match). Statement precision = predicted
  statements holding at least one gold statement (the unlabelled sentences are not statements).
- kind, event type, source, victims (case-insensitive): accuracy over the found statements.
- quantity: share of the gold statements with a quantity whose match has the same low, high and
  qualifier (the target); precision over the predicted quantities of predicted statements that
  hold a gold statement.
- denials: a predicted denial is right when its statement holds a gold denial sentence;
  recall over the gold denials; denied_by accuracy over the gold denials found.
- speakers: share of the gold statements with a speaker whose match has a speaker that maps to
  the gold id; "invented" = found statements whose gold speaker is null but that got one.
  A predicted local entity maps to the gold id that most of its mentions' spans carry (ties:
  the alphabetically first); an entity without any mention (a speaker or role holder the body
  names only by a pronoun or a demonym) maps by its name or surfaces to the document's gold
  surfaces, then to a unique registry name or surface.
- hedged: precision (over predicted statements that hold a gold statement) and recall.
- dates: share of the gold date expressions whose match has a date of the same value and
  precision (one-to-one); precision over the dates of predicted statements that hold a gold
  statement.
- roles: (entity, role, of) recall and precision, role nouns compared case-insensitively. A
  Russian gold role (171-180 write the Russian noun in the nominative, «пресс-секретарь»,
  «председатель правления») is compared as the English role word the Russian rules give for
  it: the lexicon's title mapping (data/russian.json "titles"; the whole phrase, else its
  first word), since the rest of dossier reads English role words (docs/russian.md).
- outside the body: each raw file goes through the real cleaner (`documents_from`), extraction
  runs on the cleaned body (with the cleaner's date and outlet), and every `absent` string found
  as whole words in a predicted mention, entity surface or statement counts (must be 0). Also
  how many of the gold entity mentions are found on the cleaned body (scorer rule applied to the
  cleaned text; never more per document than the check_gold body holds).
- offset errors: mentions and statements whose text is not body[start:end], quantities and
  dates whose text is not sentence[start:end] (must be 0).

Throughput: extract_document over the bodies of all documents repeated for at least 2 s after
a warm-up pass (one process), and resolve_entities on their extractions replicated to 10,000
documents.

`PerfectPredictor` predicts the gold itself; it must score 1.0 everywhere (`self_check()`).
Problems (misses, wrong values) are listed with -v, never for the holdout 49-58 or the blind
holdout 161-170.
A split with no documents (holdout3 until it is written) is reported as such and not scored.

    .venv/bin/python benchmarks/extraction.py [dev|holdout|holdout3|all ...] [-v] [--no-speed]
    .venv/bin/python benchmarks/extraction.py --self-check
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import json
import math
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol, cast

from dossier.clean.documents import documents_from
from dossier.config import Settings
from dossier.extract.records import (
    Attribution,
    CaseEntity,
    DateMention,
    EntityType,
    Extraction,
    LocalEntity,
    Mention,
    Precision,
    Quantity,
    Role,
    Statement,
    StatementKind,
)
from dossier.extract.ru.lexicon import lexicon
from dossier.models import DocumentStatus, MediaType, Original, sha256_hex

SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "extraction"
HOLDOUT = frozenset(str(n) for n in range(49, 59))
# the third blind holdout, written apart from the rules of EXTRACTOR_VERSION 6; scored blind
# with versions 6 to 11, then its misses read (2026-11-21, version 12)
HOLDOUT3 = frozenset(str(n) for n in range(81, 91))
# the fourth blind holdout, written on 2026-11-21 by a helper apart from the rules (broadcast
# and translation writing); scored blind with versions 13 and 14, its misses read since
# (version 15)
HOLDOUT4 = frozenset(str(n) for n in range(121, 131))
# the fifth blind holdout, written on 2026-11-21 by a helper apart from the rules (NGO press
# releases, court and tribunal reporting, Q&A interviews, live blogs); scored blind once with
# version 15, its misses read since (version 16)
HOLDOUT5 = frozenset(str(n) for n in range(131, 141))
# the sixth blind holdout, written on 2026-11-21 by a helper apart from the rules (fact checks,
# a regional report, a news-in-brief roundup, a press conference, a translated government
# statement, verification of videos, an investigative excerpt, an op-ed, a parliamentary
# hearing, a follow-up); scored blind once with version 16, its misses read since (version 18)
HOLDOUT6 = frozenset(str(n) for n in range(141, 151))
# the seventh blind holdout, written on 2026-11-21 by a helper apart from the rules (a letter of
# reply, a UN communication, a radio bulletin, a court report, a podcast, a police release, an
# NGO chapter, a TV debate, a profile, a timeline); scored blind once with version 18, its
# misses read since (version 19)
HOLDOUT7 = frozenset(str(n) for n in range(151, 161))
# the eighth blind holdout, written on 2026-11-21 by a helper apart from the rules (a committee
# hearing, an obituary, a press-conference transcript, a newsletter digest, legal pleadings, a
# corrections column, an official's op-ed, a translated interview, a myths-and-facts page, two
# diplomatic readouts); scored blind once with version 19, its misses read since (version 21)
HOLDOUT8 = frozenset(str(n) for n in range(161, 171))
# the ninth blind holdout, written on 2026-11-22 by a helper apart from the rules; never tuned
# on, its misses not listed
HOLDOUT9 = frozenset(str(n) for n in range(181, 191))
# ten Russian documents written on 2026-11-22 by a helper apart from the Russian rules (which
# were written at the same time, on the demo's Russian page): scored first as they came
RUSSIAN = frozenset(str(n) for n in range(171, 181))
# the second Russian batch, written on 2026-11-22 by a helper apart from the Russian rules: the
# Russian blind holdout, never tuned on, its misses not listed
RUSSIAN2 = frozenset(str(n) for n in range(191, 201))
# 01-48, 59-68 (the second blind holdout, retired into dev on 2026-11-21 once its result was
# recorded) and 69-80 (written for dev, 2026-11-22); a new document joins a split only when
# named here
DEV = frozenset(f"{n:02d}" for n in (*range(1, 49), *range(59, 81), *range(91, 121)))
# 91-120: three batches written on 2026-11-21 by three helpers apart (an official register, an
# NGO and investigative one, local and fast news), for dev; scored first as they came, before
# their misses were read (docs/extraction.md), then tuned on
NEW = frozenset(str(n) for n in range(91, 121))
# the 80 documents read before 91-120 came (01-80 without the blind 81-90): where the targets
# were met, and what tests/test_extract_figures.py guards; "read" (110 documents) adds 91-120
FIRST80 = frozenset(f"{n:02d}" for n in range(1, 81))
# the blind holdouts: their problems are never listed
HIDDEN = HOLDOUT | HOLDOUT9 | RUSSIAN2
SPLITS = ("dev", "holdout", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8",
          "holdout9", "russian", "russian2", "read", "new", "first80", "all")
TYPES = ("person", "organisation", "place", "other")  # the gold's spelling
GOLD_TYPE = {"person": EntityType.PERSON, "organisation": EntityType.ORGANIZATION,
             "place": EntityType.PLACE, "other": EntityType.OTHER}
TYPE_NAME = {value: key for key, value in GOLD_TYPE.items()}

# The targets of the brief: (figure, minimum). Entity F1 per type, alias clusters, quantities,
# denials, speakers, dates. "outside.absent_in_output" must be 0. The throughput target (≥ 300
# documents/s on 2 cores) is the whole stage's: benchmarks/extraction_stage.py measures it.
TARGETS: dict[str, float] = {
    **{f"entities.{t}.f1": 0.85 for t in TYPES},
    "aliases.across.f1": 0.90,
    "quantity.recall": 0.90,
    "denials.precision": 0.90,
    "denials.recall": 0.85,
    "speakers.recall": 0.85,
    "dates.recall": 0.90,
}
ZERO_TARGETS = ("outside.absent_in_output", "offset_errors")
# Figures a perfect predictor must score exactly: every rate 1.0 and these three counts 0.
RATE_SUFFIXES = (".precision", ".recall", ".f1", ".accuracy")
ZERO_FIGURES = ("speakers.invented", "outside.absent_in_output", "offset_errors")


def _checker() -> ModuleType:
    """tests/data/extraction/check_gold.py, imported from its file (it is not a package)."""
    spec = importlib.util.spec_from_file_location("check_gold", SET / "check_gold.py")
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {SET / 'check_gold.py'}")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("check_gold", module)
    spec.loader.exec_module(module)
    return module


_CHECK = _checker()
read_document = cast(Callable[[Path], tuple[str, str, "str | None", "str | None"]],
                     _CHECK.read_document)
resolve_mentions = cast(
    Callable[[str, list[dict[str, str]]], list[tuple[int, int, dict[str, str]]]],
    _CHECK.resolve_mentions)
word_spans = cast(Callable[[str, str], list[tuple[int, int]]], _CHECK.word_spans)
ABBREVIATIONS = cast(re.Pattern[str], _CHECK.ABBREVIATIONS)
# check_gold's conservative sentence splitter (its `_sentence_of`), kept with offsets here.
BOUNDARY = re.compile(r"[.!?][\"”’»]?(?= +[\"“«A-ZÀ-ÖØ-ÞА-ЯЁ])|\n")


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    type: str  # gold spelling: "organisation"
    entity: str  # global id


@dataclass(frozen=True)
class Labelled:
    """One document of the set with its gold."""

    name: str  # file name, also the document id
    path: Path
    body: str
    published: dt.date | None
    outlet: str | None
    gold: dict[str, Any]
    mentions: tuple[GoldMention, ...]  # by the scorer rule

    @property
    def number(self) -> str:
        return document_number(self.name)


class Predictor(Protocol):
    """The API of stage 4 that the benchmark scores."""

    def extract_document(self, text: str, *, document_id: str, published: dt.date | None,
                         outlet: str | None) -> Extraction: ...

    def resolve_entities(self, extractions: Sequence[Extraction]) -> list[CaseEntity]: ...


class Extractor:
    """The real stage 4: `dossier.extract.extract_document` and
    `dossier.extract.aliases.resolve_entities`, imported when first built."""

    def __init__(self) -> None:
        extract = importlib.import_module("dossier.extract")
        russian = importlib.import_module("dossier.extract.ru")
        aliases = importlib.import_module("dossier.extract.aliases")
        metadata = importlib.import_module("dossier.clean.metadata")
        config = importlib.import_module("dossier.config")
        self._extract = cast(Callable[..., Extraction], extract.extract_document)
        self._russian = cast(Callable[..., Extraction], russian.extract_russian)
        self._resolve = cast(Callable[[Sequence[Extraction]], list[CaseEntity]],
                             aliases.resolve_entities)
        settings = config.Settings()
        self._language = cast(Callable[[str], str | None],
                              lambda text: metadata.language_of(text, settings))

    def extract_document(self, text: str, *, document_id: str, published: dt.date | None,
                         outlet: str | None) -> Extraction:
        """As the pipeline reads a body: Russian by the Russian rules, the rest by the English."""
        read = self._russian if self._language(text) == "ru" else self._extract
        return read(text, document_id=document_id, published=published, outlet=outlet)

    def resolve_entities(self, extractions: Sequence[Extraction]) -> list[CaseEntity]:
        return self._resolve(extractions)


@cache
def registry() -> dict[str, dict[str, Any]]:
    data = json.loads((SET / "registry.json").read_text(encoding="utf-8"))
    return cast(dict[str, dict[str, Any]], data["entities"])


@cache
def _registry_names() -> tuple[dict[str, str], dict[str, str]]:
    """Registry name -> id and surface -> id, each only where unique."""
    by_name: defaultdict[str, set[str]] = defaultdict(set)
    by_surface: defaultdict[str, set[str]] = defaultdict(set)
    for eid, rec in registry().items():
        by_name[rec["name"]].add(eid)
        for surface in rec["surfaces"]:
            by_surface[surface].add(eid)
    return ({k: next(iter(v)) for k, v in by_name.items() if len(v) == 1},
            {k: next(iter(v)) for k, v in by_surface.items() if len(v) == 1})


@cache
def _labelled(path: Path) -> Labelled:
    gold = json.loads(path.read_text(encoding="utf-8"))
    _, body, published, outlet = read_document(SET / gold["document"])
    mentions = tuple(GoldMention(start, end, ent["type"], ent["entity"])
                     for start, end, ent in resolve_mentions(body, gold["entities"]))
    return Labelled(gold["document"], SET / gold["document"], body,
                    dt.date.fromisoformat(published) if published else None, outlet, gold,
                    mentions)


def role_key(role: str) -> str:
    """A role noun as compared: case-folded; a Russian one as the English role word the
    Russian lexicon gives its title ("пресс-секретарь" → "spokesman"; "председатель
    правления" by its first word → "chairman"), else as written."""
    folded = role.casefold()
    if not re.search(r"[\u0400-\u04ff]", folded):
        return folded
    titles = lexicon().titles
    english = titles.get(folded) or titles.get(folded.split()[0])
    return english.casefold() if english else folded


def document_number(name: str) -> str:
    """"91-slug.json" → "91": a file's document number, two or three digits."""
    return name.split("-", 1)[0]


def gold_paths() -> list[Path]:
    """The gold files ("NN-slug.json", "NNN-slug.json"), in document-number order."""
    return sorted((p for p in SET.glob("[0-9]*-*.json") if document_number(p.name).isdigit()),
                  key=lambda p: int(document_number(p.name)))


def load(split: str) -> list[Labelled]:
    """The documents of a split (SPLITS), in document-number order
    (an empty list when none of the split's documents is there yet)."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r} (expected one of {', '.join(SPLITS)})")
    paths = gold_paths()
    docs = [_labelled(p) for p in paths]
    members = {"dev": DEV, "holdout": HOLDOUT, "holdout3": HOLDOUT3, "holdout4": HOLDOUT4,
               "holdout5": HOLDOUT5, "holdout6": HOLDOUT6, "holdout7": HOLDOUT7,
               "holdout8": HOLDOUT8, "holdout9": HOLDOUT9, "russian": RUSSIAN,
               "russian2": RUSSIAN2, "new": NEW,
               "first80": FIRST80, "read": DEV | HOLDOUT}.get(split)
    if members is not None:
        return [d for d in docs if d.number in members]
    return docs


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence(s) of `text` around [start, end), as check_gold's splitter cuts
    them (ends at . ! ? plus a closing quote before a space and a capital or an opening quote,
    except after titles, initials and U.S./U.N.; and at line breaks), white space stripped."""
    bounds = [0]
    for m in BOUNDARY.finditer(text):
        if m.group() != "\n" and ABBREVIATIONS.search(text[max(0, m.start() - 5):m.start() + 1]):
            continue
        bounds.append(m.end())
    bounds.append(len(text))
    low = max(b for b in bounds if b <= start)
    high = min(b for b in bounds if b >= end)
    while low < high and text[low].isspace():
        low += 1
    while high > low and text[high - 1].isspace():
        high -= 1
    return low, high


class PerfectPredictor:
    """Predicts the gold labels of the document named by `document_id`, applied to whatever
    text it is given (so it also runs on the cleaner's bodies). Scoring it must give 1.0."""

    def __init__(self) -> None:
        self._gold = {d.name: d.gold for d in load("all")}
        self._ids: dict[tuple[str, int], str] = {}

    def extract_document(self, text: str, *, document_id: str, published: dt.date | None,
                         outlet: str | None) -> Extraction:
        gold = self._gold[document_id]
        reg = registry()
        surfaces: dict[str, list[str]] = {}
        for ent in gold["entities"]:
            surfaces.setdefault(ent["entity"], []).append(ent["text"])
        index: dict[str, int] = {}
        entities: list[LocalEntity] = []

        def local(eid: str | None) -> int | None:
            if eid is None:
                return None
            if eid not in index:
                names = surfaces.get(eid) or [reg[eid]["name"]]  # a registry-only entity
                index[eid] = len(entities)
                self._ids[(document_id, len(entities))] = eid
                entities.append(LocalEntity(len(entities), max(names, key=len),
                                            GOLD_TYPE[reg[eid]["type"]], tuple(names),
                                            media=reg[eid]["media"]))
            return index[eid]

        for eid in surfaces:
            local(eid)
        mentions = tuple(Mention(start, end, text[start:end], cast(int, local(ent["entity"])))
                         for start, end, ent in resolve_mentions(text, gold["entities"]))
        statements = []
        for st in gold["statements"]:
            at = text.find(st["sentence"])
            if at < 0:
                continue
            start, end = sentence_span(text, at, at + len(st["sentence"]))
            sentence = text[start:end]
            quantity = None
            if st["quantity"] is not None:
                q = st["quantity"]
                qs = sentence.find(q["text"])
                quantity = Quantity(qs, qs + len(q["text"]), q["text"], q["low"], q["high"],
                                    q["qualifier"])
            dates = []
            for d in st["dates"]:
                ds = sentence.find(d["text"])
                dates.append(DateMention(ds, ds + len(d["text"]), d["text"], d["value"],
                                         Precision(d["precision"])))
            attribution = Attribution(
                speaker=local(st["speaker"]), source=local(st["source"]),
                quoted=st["kind"] == "quote", reported=st["kind"] == "report",
                denial=st["denial"], denied_by=local(st["denied_by"]), hedged=st["hedged"])
            statements.append(Statement(start, end, sentence, StatementKind(st["kind"]),
                                        st["event_type"], st["victims"], quantity, attribution,
                                        tuple(dates)))
        roles = tuple(Role(cast(int, local(r["entity"])), r["role"], local(r["of"]))
                      for r in gold["roles"])
        return Extraction(document_id, tuple(entities), mentions, roles, tuple(statements))

    def resolve_entities(self, extractions: Sequence[Extraction]) -> list[CaseEntity]:
        members: defaultdict[str, list[tuple[str, int]]] = defaultdict(list)
        aliases: defaultdict[str, set[str]] = defaultdict(set)
        for extraction in extractions:
            for entity in extraction.entities:
                key = (extraction.document_id, entity.index)
                eid = self._ids.get(key, f"unknown:{key}")
                members[eid].append(key)
                aliases[eid].update(entity.surfaces)
        reg = registry()
        return [CaseEntity(eid, reg.get(eid, {}).get("name", eid),
                           GOLD_TYPE[reg[eid]["type"]] if eid in reg else EntityType.OTHER,
                           tuple(sorted(aliases[eid])), tuple(keys),
                           media=bool(reg.get(eid, {}).get("media", False)))
                for eid, keys in members.items()]


def b_cubed(pairs: Sequence[tuple[Hashable, Hashable]]) -> tuple[float, float]:
    """B³ precision and recall of items given as (gold cluster, predicted cluster) pairs."""
    if not pairs:
        return 1.0, 1.0
    joint = Counter(pairs)
    gold_size = Counter(g for g, _ in pairs)
    predicted_size = Counter(p for _, p in pairs)
    precision = sum(joint[(g, p)] / predicted_size[p] for g, p in pairs) / len(pairs)
    recall = sum(joint[(g, p)] / gold_size[g] for g, p in pairs) / len(pairs)
    return precision, recall


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _mention_types(extraction: Extraction) -> list[str]:
    """The gold-spelled type of each predicted mention ("?" for a dangling entity index)."""
    types = {e.index: TYPE_NAME.get(e.type, str(e.type)) for e in extraction.entities}
    return [types.get(m.entity, "?") for m in extraction.mentions]


def entity_ids(extraction: Extraction, doc: Labelled) -> dict[int, str | None]:
    """Each predicted local entity's gold id (see the module docstring for the rule)."""
    by_span = {(m.start, m.end): m.entity for m in doc.mentions}
    votes: defaultdict[int, Counter[str]] = defaultdict(Counter)
    mentioned: set[int] = set()
    for m in extraction.mentions:
        mentioned.add(m.entity)
        gid = by_span.get((m.start, m.end))
        if gid is not None:
            votes[m.entity][gid] += 1
    doc_surfaces = {e["text"]: e["entity"] for e in doc.gold["entities"]}
    names, surfaces = _registry_names()
    ids: dict[int, str | None] = {}
    for entity in extraction.entities:
        if votes[entity.index]:
            top = max(votes[entity.index].values())
            ids[entity.index] = min(g for g, n in votes[entity.index].items() if n == top)
        elif entity.index not in mentioned:
            forms = (entity.name, *entity.surfaces)
            ids[entity.index] = next(
                (table[form] for table in (doc_surfaces, names, surfaces) for form in forms
                 if form in table), None)
        else:
            ids[entity.index] = None
    return ids


def _containing(statements: Sequence[Statement], start: int, end: int) -> Statement | None:
    inside = [s for s in statements if s.start <= start and end <= s.end]
    return min(inside, key=lambda s: s.end - s.start) if inside else None


def _date_keys(dates: Sequence[DateMention]) -> Counter[tuple[str | None, str]]:
    return Counter((d.value, str(d.precision)) for d in dates)


def _gold_date_keys(dates: Sequence[dict[str, Any]]) -> Counter[tuple[str | None, str]]:
    return Counter((d["value"], d["precision"]) for d in dates)


def _quantity_key(q: Quantity | dict[str, Any] | None) -> tuple[Any, ...] | None:
    if q is None:
        return None
    if isinstance(q, Quantity):
        return (q.low, q.high, q.qualifier)
    return (q["low"], q["high"], q["qualifier"])


def _offset_errors(extraction: Extraction, text: str) -> int:
    errors = sum(text[m.start:m.end] != m.text for m in extraction.mentions)
    for s in extraction.statements:
        errors += text[s.start:s.end] != s.text
        spans: list[Quantity | DateMention] = [*s.dates, *([s.quantity] if s.quantity else [])]
        errors += sum(s.text[x.start:x.end] != x.text for x in spans)
    return errors


def _score_document(doc: Labelled, extraction: Extraction, c: Counter[str],
                    problems: list[str] | None) -> list[tuple[str, str, int]]:
    """Adds the document's counts to `c`; returns the correctly found mentions as
    (gold id, document id, local entity index) for the alias clusters."""
    body, gold = doc.body, doc.gold

    def say(problem: str) -> None:
        if problems is not None:
            problems.append(problem)
    where = doc.number
    c["documents"] += 1
    c["offset_errors"] += _offset_errors(extraction, body)

    # entity mentions
    gold_at = {(m.start, m.end, m.type): m for m in doc.mentions}
    found: list[tuple[str, str, int]] = []
    for gm in doc.mentions:
        c[f"entities.{gm.type}.gold"] += 1
    for m, kind in zip(extraction.mentions, _mention_types(extraction), strict=True):
        c[f"entities.{kind}.predicted"] += 1
        hit = gold_at.pop((m.start, m.end, kind), None)
        if hit is not None:
            c[f"entities.{kind}.right"] += 1
            found.append((hit.entity, doc.name, m.entity))
        else:
            say(f"{where} mention not in gold: {m.text!r} ({kind}) at {m.start}")
    for gm in gold_at.values():
        say(f"{where} mention missed: {body[gm.start:gm.end]!r} ({gm.type}) at {gm.start}")

    ids = entity_ids(extraction, doc)

    def gid(index: int | None) -> str | None:
        return None if index is None else ids.get(index)

    # statements
    predicted = extraction.statements
    holds: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)  # id(pred) -> golds
    for st in gold["statements"]:
        at = body.find(st["sentence"])
        end = at + len(st["sentence"])
        for p in predicted:
            if p.start <= at and end <= p.end:
                holds[id(p)].append(st)
        c["statements.gold"] += 1
        c["quantity.gold"] += st["quantity"] is not None
        c["denials.gold"] += st["denial"]
        c["speakers.gold"] += st["speaker"] is not None
        c["hedged.gold"] += st["hedged"]
        c["dates.gold"] += len(st["dates"])
        match = _containing(predicted, at, end)
        short = st["sentence"][:60]
        if match is None:
            say(f"{where} statement missed: {short!r}")
            continue
        a = match.attribution
        c["statements.found"] += 1
        c["kind.right"] += match.kind == st["kind"]
        c["event_type.right"] += match.event_type == st["event_type"]
        c["source.right"] += gid(a.source) == st["source"]
        right_victims = (match.victims or "").casefold() == (st["victims"] or "").casefold()
        c["victims.right"] += right_victims
        if st["victims"] is not None:
            c["victims.named"] += 1
            c["victims.named_right"] += right_victims
        if st["quantity"] is not None:
            right_q = _quantity_key(match.quantity) == _quantity_key(st["quantity"])
            c["quantity.right"] += right_q
            if not right_q:
                say(f"{where} quantity {match.quantity} != {st['quantity']}: {short!r}")
        if st["denial"]:
            if a.denial:
                c["denials.found"] += 1
                c["denied_by.right"] += gid(a.denied_by) == st["denied_by"]
                if gid(a.denied_by) != st["denied_by"]:
                    say(f"{where} denied_by {gid(a.denied_by)} != {st['denied_by']}: {short!r}")
            else:
                say(f"{where} denial missed: {short!r}")
        if st["speaker"] is not None:
            c["speakers.right"] += gid(a.speaker) == st["speaker"]
            if gid(a.speaker) != st["speaker"]:
                say(f"{where} speaker {gid(a.speaker)} != {st['speaker']}: {short!r}")
        else:
            c["speakers.none"] += 1
            c["speakers.invented"] += a.speaker is not None
            if a.speaker is not None:
                say(f"{where} speaker {gid(a.speaker)} where gold has none: {short!r}")
        c["hedged.found"] += st["hedged"] and a.hedged
        wanted = _gold_date_keys(st["dates"])
        got = _date_keys(match.dates)
        c["dates.found"] += sum((wanted & got).values())
        if wanted != got:
            say(f"{where} dates {sorted(got.elements(), key=str)} != "
                f"{sorted(wanted.elements(), key=str)}: {short!r}")
        if match.kind != st["kind"] or match.event_type != st["event_type"]:
            say(f"{where} kind/event {match.kind}/{match.event_type} != "
                f"{st['kind']}/{st['event_type']}: {short!r}")
    for p in predicted:
        golds = holds[id(p)]
        c["statements.predicted"] += 1
        c["statements.predicted_right"] += bool(golds)
        c["denials.predicted"] += p.attribution.denial
        c["denials.predicted_right"] += p.attribution.denial and any(g["denial"] for g in golds)
        if p.attribution.denial and not any(g["denial"] for g in golds):
            say(f"{where} denial not in gold: {p.text[:60]!r}")
        if not golds:
            say(f"{where} statement not in gold: {p.text[:60]!r}")
            continue
        if p.quantity is not None:
            c["quantity.predicted"] += 1
            c["quantity.predicted_right"] += any(
                _quantity_key(p.quantity) == _quantity_key(g["quantity"]) for g in golds)
        c["hedged.predicted"] += p.attribution.hedged
        c["hedged.predicted_right"] += p.attribution.hedged and any(g["hedged"] for g in golds)
        pool: Counter[tuple[str | None, str]] = Counter()
        for g in golds:
            pool += _gold_date_keys(g["dates"])
        c["dates.predicted"] += len(p.dates)
        c["dates.predicted_right"] += sum((_date_keys(p.dates) & pool).values())

    # roles
    wanted_roles = Counter((r["entity"], role_key(r["role"]), r["of"]) for r in gold["roles"])
    got_roles = Counter((gid(r.entity), role_key(r.role), gid(r.of)) for r in extraction.roles)
    c["roles.gold"] += sum(wanted_roles.values())
    c["roles.predicted"] += sum(got_roles.values())
    c["roles.right"] += sum((wanted_roles & got_roles).values())
    return found


@cache
def cleaned(path: Path) -> tuple[tuple[str, dt.date | None, str | None], ...]:
    """The bodies the real cleaner makes of a raw file: (text, published, outlet) for each
    document it accepts."""
    content = path.read_bytes()
    media = MediaType.HTML if path.suffix == ".html" else MediaType.TEXT
    out = []
    for document in documents_from(Original(sha256_hex(content), content, media, path.name),
                                   Settings()):
        if document.status is not DocumentStatus.OK:
            continue
        published = None
        if document.published:
            try:
                published = dt.date.fromisoformat(document.published[:10])
            except ValueError:
                published = None
        out.append((document.text, published, document.outlet))
    return tuple(out)


def _outside_body(doc: Labelled, predictor: Predictor, c: Counter[str],
                  problems: list[str] | None) -> None:
    """Extraction from the real cleaner's body: `absent` strings in the output (must be 0),
    and gold mentions found."""
    found = 0
    absent = doc.gold["absent"]
    leaked: set[str] = set()
    for text, published, outlet in cleaned(doc.path):
        extraction = predictor.extract_document(text, document_id=doc.name,
                                                published=published, outlet=outlet)
        strings = [m.text for m in extraction.mentions]
        strings += [s for e in extraction.entities for s in (e.name, *e.surfaces)]
        strings += [s.text for s in extraction.statements]
        for item in absent:
            if any(word_spans(s, item) for s in strings):
                leaked.add(item)
        expected = {(start, end, ent["type"])
                    for start, end, ent in resolve_mentions(text, doc.gold["entities"])}
        found += sum((m.start, m.end, kind) in expected for m, kind
                     in zip(extraction.mentions, _mention_types(extraction), strict=True))
    c["outside.absent_items"] += len(absent)
    c["outside.absent_in_output"] += len(leaked)
    c["outside.mentions.gold"] += len(doc.mentions)
    c["outside.mentions.found"] += min(found, len(doc.mentions))
    if problems is not None:
        problems.extend(f"{doc.number} absent string in the output: {item!r}"
                        for item in sorted(leaked))


def _ratio(result: dict[str, float], name: str, right: float, total: float) -> None:
    result[name] = right / total if total else 1.0
    result[f"{name}.n"] = right
    result[f"{name}.of"] = total


def evaluate(split: str, predictor: Predictor | None = None, *,
             problems: list[str] | None = None) -> dict[str, float]:
    """Figures of `predictor` (default: the real extractor) on a split. Each rate `x` comes with
    `x.n` and `x.of` (its numerator and denominator) where it is a plain ratio. Problems are
    appended to `problems` for dev documents only."""
    predictor = predictor if predictor is not None else Extractor()
    docs = load(split)
    c: Counter[str] = Counter()
    extractions = []
    found: list[tuple[str, str, int]] = []
    for doc in docs:
        extraction = predictor.extract_document(doc.body, document_id=doc.name,
                                                published=doc.published, outlet=doc.outlet)
        extractions.append(extraction)
        shown = problems if doc.number not in HIDDEN else None
        found += _score_document(doc, extraction, c, shown)
        _outside_body(doc, predictor, c, shown)
    case_of: dict[tuple[str, int], str] = {}
    for entity in predictor.resolve_entities(extractions):
        for member in entity.members:
            case_of.setdefault(member, entity.id)

    r: dict[str, float] = {"documents": c["documents"]}
    for t in (*TYPES, "all"):
        keys = TYPES if t == "all" else (t,)
        right = sum(c[f"entities.{k}.right"] for k in keys)
        _ratio(r, f"entities.{t}.precision", right, sum(c[f"entities.{k}.predicted"]
                                                        for k in keys))
        _ratio(r, f"entities.{t}.recall", right, sum(c[f"entities.{k}.gold"] for k in keys))
        r[f"entities.{t}.f1"] = f1(r[f"entities.{t}.precision"], r[f"entities.{t}.recall"])
    across = [(g, case_of.get((d, i), f"{d}#{i}")) for g, d, i in found]
    within = [((d, g), (d, i)) for g, d, i in found]
    for scope, pairs in (("across", across), ("within", within)):
        p, rec = b_cubed(pairs)
        r[f"aliases.{scope}.precision"], r[f"aliases.{scope}.recall"] = p, rec
        r[f"aliases.{scope}.f1"] = f1(p, rec)
        r[f"aliases.{scope}.mentions"] = len(pairs)
    _ratio(r, "statements.recall", c["statements.found"], c["statements.gold"])
    _ratio(r, "statements.precision", c["statements.predicted_right"], c["statements.predicted"])
    n = c["statements.found"]
    for name in ("kind", "event_type", "source", "victims"):
        _ratio(r, f"{name}.accuracy", c[f"{name}.right"], n)
    _ratio(r, "victims.named.accuracy", c["victims.named_right"], c["victims.named"])
    _ratio(r, "quantity.recall", c["quantity.right"], c["quantity.gold"])
    _ratio(r, "quantity.precision", c["quantity.predicted_right"], c["quantity.predicted"])
    _ratio(r, "denials.precision", c["denials.predicted_right"], c["denials.predicted"])
    _ratio(r, "denials.recall", c["denials.found"], c["denials.gold"])
    _ratio(r, "denied_by.accuracy", c["denied_by.right"], c["denials.found"])
    _ratio(r, "speakers.recall", c["speakers.right"], c["speakers.gold"])
    _ratio(r, "speakers.invented", c["speakers.invented"], c["speakers.none"])
    r["speakers.invented"] = c["speakers.invented"] / c["speakers.none"] if c["speakers.none"] \
        else 0.0
    _ratio(r, "hedged.precision", c["hedged.predicted_right"], c["hedged.predicted"])
    _ratio(r, "hedged.recall", c["hedged.found"], c["hedged.gold"])
    _ratio(r, "dates.recall", c["dates.found"], c["dates.gold"])
    _ratio(r, "dates.precision", c["dates.predicted_right"], c["dates.predicted"])
    _ratio(r, "roles.recall", c["roles.right"], c["roles.gold"])
    _ratio(r, "roles.precision", c["roles.right"], c["roles.predicted"])
    r["outside.absent_items"] = c["outside.absent_items"]
    r["outside.absent_in_output"] = c["outside.absent_in_output"]
    _ratio(r, "outside.mentions.recall", c["outside.mentions.found"], c["outside.mentions.gold"])
    r["offset_errors"] = c["offset_errors"]
    return r


def missed_targets(result: dict[str, float]) -> list[str]:
    """The targets a result misses, as readable lines (empty: all met)."""
    missed = [f"{key} {result[key]:.3f} < {low}" for key, low in TARGETS.items()
              if result[key] < low]
    missed += [f"{key} = {result[key]:g}, must be 0" for key in ZERO_TARGETS if result[key]]
    return missed


def self_check(split: str = "all") -> list[str]:
    """Scores the gold as a prediction: every rate must be 1.0 and the error counts 0. Returns
    the figures that are not (empty: the scoring is consistent with the gold)."""
    result = evaluate(split, PerfectPredictor())
    wrong = [f"{key} = {value}" for key, value in result.items()
             if key.endswith(RATE_SUFFIXES) and value != 1.0]
    wrong += [f"{key} = {result[key]}" for key in ZERO_FIGURES if result[key] != 0]
    if result["documents"] != len(load(split)):
        wrong.append(f"documents = {result['documents']}")
    return wrong


def throughput(min_seconds: float = 2.0, replicas: int = 10_000,
               predictor: Predictor | None = None) -> dict[str, float]:
    """Documents/s of extract_document over all the bodies repeated for at least `min_seconds`
    after one warm-up pass, and of resolve_entities on their extractions replicated to
    `replicas` documents (distinct document ids), also repeated for at least `min_seconds`."""
    predictor = predictor if predictor is not None else Extractor()
    docs = load("all")

    def one_pass() -> list[Extraction]:
        return [predictor.extract_document(d.body, document_id=d.name, published=d.published,
                                           outlet=d.outlet) for d in docs]

    extractions = one_pass()  # warm-up: the pipeline, lookups and caches
    done, began = 0, time.perf_counter()
    while True:
        one_pass()
        done += len(docs)
        elapsed = time.perf_counter() - began
        if elapsed >= min_seconds:
            break
    text = importlib.import_module("dossier.extract.text")
    sentences = sum(len(text.sentences(text.parse(d.body))) for d in docs) / len(docs)
    result = {"extract.docs_per_s": done / elapsed, "extract.ms_per_doc": 1000 * elapsed / done,
              "extract.ms_per_sentence": 1000 * elapsed / done / sentences,
              "extract.words_per_doc": sum(len(d.body.split()) for d in docs) / len(docs),
              "extract.sentences_per_doc": sentences,
              "extract.statements_per_doc": sum(len(e.statements) for e in extractions)
              / len(docs)}
    copies = math.ceil(replicas / len(extractions))
    many = [replace(e, document_id=f"{e.document_id}#{k}") for k in range(copies)
            for e in extractions][:replicas]
    predictor.resolve_entities(extractions)  # warm-up
    calls, began = 0, time.perf_counter()
    while True:
        predictor.resolve_entities(many)
        calls += 1
        elapsed = time.perf_counter() - began
        if elapsed >= min_seconds:
            break
    result["resolve.docs_per_s"] = calls * len(many) / elapsed
    result["resolve.s_per_call"] = elapsed / calls
    result["resolve.documents"] = len(many)
    return result


# (label, figure, counts shown) for the table; the target comes from TARGETS / ZERO_TARGETS.
ROWS: list[tuple[str, str, bool]] = [
    *[row for t in (*TYPES, "all") for row in (
        (f"entities {t} F1", f"entities.{t}.f1", False),
        ("  precision", f"entities.{t}.precision", True),
        ("  recall", f"entities.{t}.recall", True))],
    ("aliases across docs B³ F1", "aliases.across.f1", False),
    ("  precision", "aliases.across.precision", False),
    ("  recall", "aliases.across.recall", False),
    ("aliases within docs B³ F1", "aliases.within.f1", False),
    ("  mentions clustered", "aliases.within.mentions", False),
    ("statements found", "statements.recall", True),
    ("statements precision", "statements.precision", True),
    ("kind accuracy", "kind.accuracy", True),
    ("event type accuracy", "event_type.accuracy", True),
    ("quantity right", "quantity.recall", True),
    ("quantity precision", "quantity.precision", True),
    ("denials precision", "denials.precision", True),
    ("denials recall", "denials.recall", True),
    ("denied_by accuracy", "denied_by.accuracy", True),
    ("speakers right", "speakers.recall", True),
    ("speakers where gold has none", "speakers.invented", True),
    ("source accuracy", "source.accuracy", True),
    ("hedged precision", "hedged.precision", True),
    ("hedged recall", "hedged.recall", True),
    ("victims accuracy", "victims.accuracy", True),
    ("  where gold names victims", "victims.named.accuracy", True),
    ("dates right", "dates.recall", True),
    ("dates precision", "dates.precision", True),
    ("roles recall", "roles.recall", True),
    ("roles precision", "roles.precision", True),
    ("absent strings in output", "outside.absent_in_output", False),
    ("  absent strings checked", "outside.absent_items", False),
    ("mentions found, cleaner body", "outside.mentions.recall", True),
    ("offset errors", "offset_errors", False),
]


def _cell(result: dict[str, float], key: str, counts: bool) -> str:
    value = result[key]
    mark = " !" if (key in TARGETS and value < TARGETS[key]) or (key in ZERO_TARGETS
                                                                 and value) else ""
    if key.endswith(RATE_SUFFIXES) or key == "speakers.invented":
        text = f"{value:.3f}"
        if counts and f"{key}.n" in result:
            text += f" {result[f'{key}.n']:g}/{result[f'{key}.of']:g}"
        return text + mark
    return f"{value:g}{mark}"


def _target(key: str) -> str:
    if key in TARGETS:
        return f">= {TARGETS[key]:.2f}"
    return "0" if key in ZERO_TARGETS else ""


def print_table(results: dict[str, dict[str, float]]) -> None:
    splits = list(results)
    print(f"{'figure':30}" + "".join(f"{s:>20}" for s in splits) + f"{'target':>10}")
    print(f"{'documents':30}" + "".join(f"{results[s]['documents']:>20g}" for s in splits))
    for label, key, counts in ROWS:
        print(f"{label:30}" + "".join(f"{_cell(results[s], key, counts):>20}" for s in splits)
              + f"{_target(key):>10}")


def main(argv: list[str]) -> int:
    if "--self-check" in argv:
        wrong = self_check()
        print("self-check (gold as prediction, all documents): "
              + ("every figure 1.0, error counts 0" if not wrong else "; ".join(wrong)))
        return 1 if wrong else 0
    try:
        predictor = Extractor()
    except (ImportError, AttributeError) as exc:
        print(f"the extractor is not available ({exc}); run --self-check to test the scoring")
        return 1
    splits = [a for a in argv if not a.startswith("-")] or list(SPLITS)
    for split in splits:
        if split not in SPLITS:
            print(f"unknown split {split!r} (expected one of {', '.join(SPLITS)})")
            return 2
    empty = [s for s in splits if not load(s)]
    for split in empty:
        print(f"{split}: no documents")
    splits = [s for s in splits if s not in empty]
    problems: list[str] = []
    listed = "dev" if "dev" in splits else "all"  # evaluate lists problems of dev documents only
    results = {s: evaluate(s, predictor, problems=problems if s == listed else None)
               for s in splits}
    if results:
        print_table(results)
        print("('!' = misses its target; 'n/of' = the counts behind a rate)")
    if "-v" in argv:
        print(f"\nproblems in dev documents ({len(problems)}):")
        for line in problems:
            print("  ", line)
    if "--no-speed" not in argv and load("all"):
        speed = throughput(predictor=predictor)
        print(f"\nextract_document: {speed['extract.docs_per_s']:.0f} docs/s "
              f"(one process; the stage's 2-core figure: benchmarks/extraction_stage.py; "
              f"{speed['extract.ms_per_doc']:.2f} ms/doc, "
              f"{speed['extract.ms_per_sentence']:.3f} ms/sentence; per doc "
              f"{speed['extract.words_per_doc']:.0f} words, "
              f"{speed['extract.sentences_per_doc']:.1f} sentences, "
              f"{speed['extract.statements_per_doc']:.1f} statements; one process)")
        print(f"resolve_entities: {speed['resolve.docs_per_s']:.0f} docs/s "
              f"({speed['resolve.documents']:g} documents in {speed['resolve.s_per_call']:.2f} s "
              "per call)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
