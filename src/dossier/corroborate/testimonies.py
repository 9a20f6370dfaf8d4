"""Confidential testimonies as origins of their own.

An opened testimony's statements are put against the claims they could belong to, as stage 5
joins a statement to a claim: no conflict of event, count, date or speaker, and an affinity
at least the joining threshold. Each testimony supports each claim it is most alike to once
(its best statement), and every such support is one more independent origin for the claim.
Testimonies join claims the public documents make; a fact only a testimony tells makes no
claim of its own (its words would have to be stored in the clear to be shown).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..config import Settings
from .matching import Cluster, Weights, conflict, family, features, similarity
from .records import Evidence


@dataclass(frozen=True, slots=True)
class Support:
    """A testimony's statement that supports a claim."""

    claim: str
    testimony: str
    mention: str
    score: float


def supports(statements: Sequence[Evidence], candidates: Mapping[str, Sequence[str]],
             claims: Mapping[str, Sequence[Evidence]], weights: Weights,
             settings: Settings) -> list[Support]:
    """For each testimony statement (not a denial), the claim among its `candidates` it is
    most alike to, if it may join it; one support per testimony and claim, the best."""
    clusters: dict[str, Cluster] = {}

    def cluster(cid: str) -> Cluster:
        found = clusters.get(cid)
        if found is None:
            found = clusters[cid] = Cluster()
            for member in claims[cid]:
                found.add(member, features(member))
        return found

    best: dict[tuple[str, str], Support] = {}
    for e in statements:
        if e.denial:
            continue
        f = features(e)
        chosen: Support | None = None
        for cid in candidates.get(e.id, ()):
            if cid not in claims:
                continue
            c = cluster(cid)
            if conflict(e, c, settings) is not None:
                continue
            score, _ = similarity(e, f, c, weights, settings)
            needed = settings.claim_similarity if family(e.event_type) != "-" \
                and c.family != "-" else settings.claim_similarity_untyped
            if score >= needed and (chosen is None or score > chosen.score):
                chosen = Support(cid, e.document, e.id, score)
        if chosen is not None:
            key = (chosen.claim, chosen.testimony)
            if key not in best or chosen.score > best[key].score:
                best[key] = chosen
    return sorted(best.values(), key=lambda s: (s.claim, s.testimony))
