"""The denial links of stage 5, one gold denial at a time, on the labelled corroboration set
(the tuned set: the first set and the retired holdout; never the blind holdout2).

    .venv/bin/python benchmarks/corroboration_denials.py [--oracle]

For every gold denial sentence: the statement extraction made of it (and whether it is marked
as a denial), the gold claims it denies and the predicted claim holding most of each one's
mentions, the claims the linker put it against, and a first guess at why a link is wrong or
missing. With --oracle the claims are the gold's own (each gold claim's located mentions, one
cluster): what is then wrong is the linker's alone.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict

from corroboration import built, f1, load_gold, locate

from dossier.config import Settings
from dossier.corroborate import corroborate
from dossier.corroborate.claims import _link_denials
from dossier.corroborate.matching import Cluster, Weights, features
from dossier.corroborate.records import claim_id


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--oracle", action="store_true")
    args = parser.parse_args(argv)
    gold, paths = load_gold()
    settings = Settings()
    evidence, names = built(paths, settings)
    finder = locate(evidence, names)
    weights = Weights(features(e) for e in evidence)
    if args.oracle:
        clusters = []
        gold_claim_of: dict[str, str] = {}
        for claim, mentions in gold.claims.items():
            c = Cluster()
            for key in mentions:
                e = finder(key)
                if e is not None and e.id not in c.ids and not e.denial:
                    c.add(e, features(e))
            if c.members:
                clusters.append(c)
                gold_claim_of[claim_id(c.members[0].id)] = claim
        ids = [claim_id(c.members[0].id) for c in clusters]
        links = _link_denials([e for e in evidence if e.denial], clusters, ids, settings,
                              weights, evidence)
        majority = {gold_claim_of[i]: i for i in ids}
        statement = {i: gold_claim_of[i] for i in ids}
    else:
        found = corroborate(evidence, settings)
        links = list(found.links)
        supports = {m: c.id for c in found.claims for m in c.mentions}
        statement = {c.id: c.statement[:70] for c in found.claims}
        majority = {}
        gold_of = {}
        for claim, mentions in gold.claims.items():
            votes = Counter(supports[e.id] for e in map(finder, mentions)
                            if e is not None and e.id in supports)
            if votes:
                majority[claim] = votes.most_common(1)[0][0]
            for e in map(finder, mentions):
                if e is not None and e.id in supports:
                    gold_of.setdefault(supports[e.id], claim)
        for cid in list(statement):
            statement[cid] = f"[{gold_of.get(cid, '-')}] {statement[cid]}"
    linked: dict[str, list[str]] = defaultdict(list)
    reasons: dict[tuple[str, str], str] = {}
    for link in links:
        linked[link.denial].append(link.claim)
        reasons[(link.denial, link.claim)] = link.reason
    right = predicted = total = 0
    causes: Counter[str] = Counter()
    for key, claims in sorted(gold.denials.items()):
        e = finder(key)
        wanted = {majority[c] for c in claims if c in majority}
        got = set(linked.get(e.id, [])) if e is not None else set()
        total += len(claims)
        predicted += len(got)
        right += len(got & wanted)
        mark = "ok " if got == wanted and len(wanted) == len(claims) else "BAD"
        print(f"\n{mark} {key[0][:30]} | {key[1][:90]}")
        if e is None:
            print("    not located")
            causes["not located"] += len(claims)
            continue
        print(f"    statement: denial={e.denial} event={e.event_type} events={e.events} "
              f"denier={e.denied_by_name} speaker={e.speaker_name}")
        print(f"    text: {e.text[:200]}")
        for c in sorted(claims):
            print(f"    gold: {c} → {majority.get(c, 'no predicted claim')}"
                  f"{' LINKED' if majority.get(c) in got else ''}")
        for cid in got:
            print(f"    linked: {'RIGHT' if cid in wanted else 'WRONG'} {statement.get(cid)}"
                  f"\n        {reasons[(e.id, cid)][:200]}")
        if not e.denial:
            causes["not marked a denial by extraction"] += len(claims)
    p, r = right / max(predicted, 1), right / max(total, 1)
    print(f"\nlinks {predicted}, right {right}, gold {total}: P {p:.3f} R {r:.3f} F1 "
          f"{f1(p, r):.3f}")
    print(dict(causes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
