"""Statements that assert the same fact → one cluster (a claim), lexically and structurally.

Two statements may be one fact only if nothing rules it out (`conflict`): event types of one
family (being detained, abducted or going missing is one deprivation of liberty), counts within
a ratio, explicit dates within a window, the same speaker for what someone said, no analyst's
"different" between them. Among the candidates that pass, a statement joins the claim it is
most similar to (Jaccard over content-word lemmas, case entities and victims), if at least the
threshold; else it founds a new claim. Statements are read oldest first, so a claim's anchor is
its earliest report. Candidates come from a blocking index (event family and entity, victims or
rare word), so the work grows with the case, not with its square.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..config import Settings
from .records import Evidence

# Event types that can be one fact reported in different words.
EVENT_FAMILIES: dict[str, str] = {
    "detention": "liberty", "abduction": "liberty", "disappearance": "liberty",
    "killing": "death", "death": "death",
    "torture": "torture", "attack": "torture",
}
# Event types about speech: two of them are one fact only if one speaker said it.
SPEECH_EVENTS = frozenset({"statement", "meeting", None})
# Blocking: each statement is indexed under its rarest content words, at most this many (the
# entity and victim keys come on top).
RARE_WORDS = 4
# Only the latest clusters under one key are candidates: a key as common as a country holds
# thousands of claims, and a report is about a recent one.
BUCKET_RECENT = 200


def family(event_type: str | None) -> str:
    if event_type is None:
        return "-"
    return EVENT_FAMILIES.get(event_type, event_type)


def features(e: Evidence) -> frozenset[str]:
    """What similarity is measured on: content lemmas, case entities, victims."""
    extra = {f"@{x}" for x in (*e.places, *e.actors, *e.targets)}
    if e.victims:
        extra.add(f"victim:{e.victims}")
    return e.words | extra


class Weights:
    """How telling each feature is in this case: log(1 + N / document frequency), so that
    "Chechnya" and "men" in a case about Chechnya weigh little and "Argun" or "hotline" much."""

    def __init__(self, sets: Iterable[frozenset[str]]) -> None:
        self.frequency: Counter[str] = Counter()
        self.count = 0
        for f in sets:
            self.frequency.update(f)
            self.count += 1
        self.cache: dict[str, float] = {}

    def __call__(self, feature: str) -> float:
        weight = self.cache.get(feature)
        if weight is None:
            weight = self.cache[feature] = math.log1p(
                max(self.count, 1) / max(self.frequency[feature], 1))
        return weight

    def total(self, f: Iterable[str]) -> float:
        return sum(self(x) for x in f)


def jaccard(a: frozenset[str], b: frozenset[str], weights: Weights) -> float:
    """Weighted Jaccard: the weight of the shared features over the weight of all."""
    if not a or not b:
        return 0.0
    shared = weights.total(a & b)
    return shared / (weights.total(a | b) or 1.0)


def period(date: str | None, precision: str | None) -> tuple[dt.date, dt.date] | None:
    """The days an ISO date of some precision covers."""
    if not date:
        return None
    try:
        if precision == "year" or len(date) == 4:
            year = int(date[:4])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if precision == "month" or len(date) == 7:
            first = dt.date(int(date[:4]), int(date[5:7]), 1)
            following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first, following - dt.timedelta(days=1)
        day = dt.date.fromisoformat(date[:10])
        return day, day
    except ValueError:
        return None


@dataclass
class Cluster:
    """A claim being built: its members and what every later member must be compatible with."""

    members: list[Evidence] = field(default_factory=list)
    features: list[frozenset[str]] = field(default_factory=list)
    family: str = "-"
    low: int | None = None  # the smallest and largest count among members
    high: int | None = None
    first: dt.date | None = None  # the span of members' explicit dates
    last: dt.date | None = None
    speakers: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    reasons: list[str] = field(default_factory=list)  # why each later member joined

    def add(self, e: Evidence, f: frozenset[str], reason: str | None = None) -> None:
        if not self.members or self.family == "-":
            self.family = family(e.event_type)
        self.members.append(e)
        self.features.append(f)
        self.ids.add(e.id)
        if reason:
            self.reasons.append(reason)
        value = _value(e)
        if value is not None:
            self.low = value if self.low is None else min(self.low, value)
            self.high = value if self.high is None else max(self.high, value)
        days = period(e.date, e.precision)
        if days is not None:
            self.first = days[0] if self.first is None else min(self.first, days[0])
            self.last = days[1] if self.last is None else max(self.last, days[1])
        if e.speaker and e.event_type in SPEECH_EVENTS:
            self.speakers.add(e.speaker)


def _value(e: Evidence) -> int | None:
    return e.low if e.low is not None else e.high


def conflict(e: Evidence, c: Cluster, settings: Settings) -> str | None:
    """Why `e` cannot be the fact of cluster `c`, or None."""
    mine = family(e.event_type)
    if mine != "-" and c.family != "-" and mine != c.family:
        return f"event {e.event_type} is not {c.family}"
    value = _value(e)
    if value is not None and c.low is not None and c.high is not None:
        ratio = settings.claim_quantity_ratio
        if value > 0 and (c.high > value * ratio or value > max(c.low, 1) * ratio):
            return f"count {value} is far from {c.low}-{c.high}"
    days = period(e.date, e.precision)
    if days is not None and c.first is not None and c.last is not None:
        window = dt.timedelta(days=settings.claim_date_window_days)
        if days[0] > c.last + window or days[1] < c.first - window:
            return f"date {e.date} is far from {c.first}-{c.last}"
    if e.speaker and e.event_type in SPEECH_EVENTS and c.speakers \
            and e.speaker not in c.speakers:
        return "said by someone else"
    return None


def similarity(f: frozenset[str], c: Cluster, compared: int,
               weights: Weights) -> tuple[float, int]:
    """The best Jaccard between `f` and the cluster's first and latest members, and which
    member it is."""
    n = len(c.features)
    if n <= compared:
        chosen: Iterable[int] = range(n)
    else:
        half = compared // 2
        chosen = [*range(half), *range(n - (compared - half), n)]
    return max(((jaccard(f, c.features[k], weights), k) for k in chosen), default=(0.0, 0))


def why(e: Evidence, f: frozenset[str], c: Cluster, member: int, score: float) -> str:
    """The reason a statement joined a claim, in words."""
    other = c.members[member]
    shared = sorted(w.removeprefix("victim:") for w in f & c.features[member]
                    if not w.startswith("@"))[:6]
    entities = len({w for w in f & c.features[member] if w.startswith("@")})
    parts = [f"similarity {score:.2f} with the sentence in {other.document}"]
    if shared:
        parts.append("shared words: " + ", ".join(shared))
    if entities:
        parts.append(f"{entities} shared entit{'ies' if entities > 1 else 'y'}")
    if e.event_type and other.event_type:
        parts.append(f"events {e.event_type}/{other.event_type}")
    if _value(e) is not None and c.low is not None:
        parts.append(f"count {_value(e)} within {c.low}-{c.high}")
    return f"{e.document}: " + "; ".join(parts)


def cluster(evidence: Sequence[Evidence], settings: Settings, weights: Weights,
            apart: dict[str, set[str]] | None = None) -> list[Cluster]:
    """Statements → clusters, oldest statement first. `apart` maps a mention to mentions an
    analyst judged to be different facts: they never share a cluster."""
    apart = apart or {}
    ordered = sorted(evidence, key=lambda e: (e.published or "9999", e.document, e.start))
    featured = [(e, features(e)) for e in ordered]
    frequency = weights.frequency
    clusters: list[Cluster] = []
    index: dict[str, list[int]] = defaultdict(list)
    for e, f in featured:
        keys = _keys(f, frequency)
        mine = family(e.event_type)
        looked = [f"{prefix}|{key}" for key in keys
                  for prefix in ((mine, "-") if mine != "-" else ("*",))]
        candidates = sorted({k for key in looked for k in index.get(key, ())[-BUCKET_RECENT:]})
        best, best_score, reason = -1, 0.0, None
        for k in candidates:
            c = clusters[k]
            if conflict(e, c, settings) is not None or apart.get(e.id, set()) & c.ids:
                continue
            score, member = similarity(f, c, settings.claim_compared, weights)
            needed = settings.claim_similarity if mine != "-" and c.family != "-" \
                else settings.claim_similarity_untyped
            if score >= needed and score > best_score:
                best, best_score = k, score
                reason = why(e, f, c, member, score)
        if best < 0:
            best, reason = len(clusters), None
            clusters.append(Cluster())
        clusters[best].add(e, f, reason)
        for key in keys:
            for prefix in (clusters[best].family, "*"):
                bucket = index[f"{prefix}|{key}"]
                if not bucket or bucket[-1] != best:
                    bucket.append(best)
    return clusters


def _keys(f: frozenset[str], frequency: Counter[str]) -> list[str]:
    """Blocking keys: every entity and the victims, and the rarest content words."""
    marked = sorted(w for w in f if w.startswith(("@", "victim:")))
    words = sorted((w for w in f if not w.startswith(("@", "victim:"))),
                   key=lambda w: (frequency[w], w))[:RARE_WORDS]
    return [*marked, *words]
