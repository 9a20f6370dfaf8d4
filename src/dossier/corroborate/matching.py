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
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..config import Settings
from ..copies.groups import Components
from .records import Evidence, chronological

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
# The second pass compares two claims on at most this many members of each.
MERGE_SAMPLE = 8
# A claim is found through the keys of its first and latest this many members.
KEY_SAMPLE = 8
# A statement is compared with at most this many claims (those sharing the most keys with it).
CANDIDATES = 40


def family(event_type: str | None) -> str:
    if event_type is None:
        return "-"
    return EVENT_FAMILIES.get(event_type, event_type)


def features(e: Evidence) -> frozenset[str]:
    """What similarity is measured on: content lemmas, case entities, victims."""
    extra = {sys.intern(f"@{x}") for x in (*e.places, *e.actors, *e.targets)}
    if e.victims:
        extra.add(sys.intern(f"victim:{e.victims}"))  # interned: one string per feature
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
        self.totals: dict[frozenset[str], float] = {}

    @classmethod
    def of_counts(cls, frequency: Mapping[str, int], count: int) -> Weights:
        """Weights from counts kept in the case (`count` statements counted in all)."""
        weights = cls(())
        weights.frequency.update(frequency)
        weights.count = count
        return weights

    def __call__(self, feature: str) -> float:
        weight = self.cache.get(feature)
        if weight is None:
            weight = self.cache[feature] = math.log1p(
                max(self.count, 1) / max(self.frequency[feature], 1))
        return weight

    def total(self, f: Iterable[str]) -> float:
        """The weights summed exactly (math.fsum): a set's order changes with Python's string
        hash seed, and a plain sum's rounding with it, which could tip a threshold and make
        two runs on one case disagree."""
        if isinstance(f, frozenset) and self.cache.keys() >= f:  # the same sum, read faster
            return math.fsum(map(self.cache.__getitem__, f))
        return math.fsum(map(self, f))

    def of_set(self, f: frozenset[str]) -> float:
        """The total weight of a statement's features (kept: each is compared many times)."""
        total = self.totals.get(f)
        if total is None:
            total = self.totals[f] = self.total(f)
        return total


def jaccard(a: frozenset[str], b: frozenset[str], weights: Weights) -> float:
    """Weighted Jaccard: the weight of the shared features over the weight of all."""
    if not a or not b:
        return 0.0
    shared = weights.total(a & b)
    return shared / ((weights.of_set(a) + weights.of_set(b) - shared) or 1.0)


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


@dataclass(slots=True)
class Cluster:
    """A claim being built: its members and what every later member must be compatible with."""

    members: list[Evidence] = field(default_factory=list)
    features: list[frozenset[str]] = field(default_factory=list)
    family: str = "-"
    families: set[str] = field(default_factory=set)  # of every event its members name
    primary: set[str] = field(default_factory=set)  # of its members' main events
    low: int | None = None  # the smallest and largest count among members
    high: int | None = None
    first: dt.date | None = None  # the span of members' explicit dates
    last: dt.date | None = None
    speakers: set[str] = field(default_factory=set)
    # each source's counts, with the day of their report: source → [(count, published)]
    tallies: dict[str, list[tuple[int, dt.date]]] = field(default_factory=dict)
    # the places and people of its first report's story (of the first report naming any): not
    # of every member's, or a claim that gathered a few stories would meet every story
    context: frozenset[str] = frozenset()
    ids: set[str] = field(default_factory=set)
    reasons: list[str] = field(default_factory=list)  # why each later member joined

    @property
    def noncommittal(self) -> bool:
        """Whether its statements are remarks that give no information (all are, or none)."""
        return bool(self.members) and self.members[0].noncommittal

    def absorb(self, other: Cluster, reason: str | None = None) -> None:
        """Take in another cluster's members and reasons, members kept in reading order."""
        if reason:
            self.reasons.append(reason)
        for e, f in zip(other.members, other.features, strict=True):
            self.add(e, f)
        self.reasons.extend(other.reasons)
        order = sorted(range(len(self.members)), key=lambda i: chronological(self.members[i]))
        self.members = [self.members[i] for i in order]
        self.features = [self.features[i] for i in order]

    def add(self, e: Evidence, f: frozenset[str], reason: str | None = None) -> None:
        if not self.members or self.family == "-":
            self.family = family(e.event_type)
        self.families.update(family(x) for x in e.events)
        if e.event_type:
            self.primary.add(family(e.event_type))
        self.members.append(e)
        self.features.append(f)
        self.ids.add(e.id)
        if not self.context:
            self.context = e.context
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
        source = _source(e)
        published = _published(e) if source and value is not None else None
        if source and value is not None and published is not None:
            self.tallies.setdefault(source, []).append((value, published))


def _value(e: Evidence) -> int | None:
    return e.low if e.low is not None else e.high


def _source(e: Evidence) -> str | None:
    """Who a count comes from: its speaker, or the outlet it cites."""
    return e.speaker or e.cited


def _published(e: Evidence) -> dt.date | None:
    """The day the statement's document was published, if known."""
    try:
        return dt.date.fromisoformat(e.published[:10]) if e.published else None
    except ValueError:
        return None


def _running_total(e: Evidence, c: Cluster, settings: Settings) -> str | None:
    """The source's other count in the claim, reported days apart from this one, if any."""
    source, value = _source(e), _value(e)
    counts = c.tallies.get(source) if source and value is not None else None
    day = _published(e) if counts else None
    if counts is None or day is None:
        return None
    for count, other in counts:
        if count != value and abs((other - day).days) > settings.claim_running_total_days:
            return f"a running total: the same source gave {count} in a report of {other}"
    return None


def conflict(e: Evidence, c: Cluster, settings: Settings) -> str | None:
    """Why `e` cannot be the fact of cluster `c`, or None."""
    # a sentence is a mention of the claim of its main event, not of one it recalls ("X, who
    # was detained on Tuesday, was released on Friday" is a release)
    if e.event_type and c.primary and family(e.event_type) not in c.families:
        return f"its main event, {e.event_type}, is not {', '.join(sorted(c.families))}"
    if c.members and e.noncommittal != c.noncommittal:
        return "a remark that gives no information is not a report of the fact" \
            if e.noncommittal else "the claim is a remark that gives no information"
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
    total = _running_total(e, c, settings)
    if total:
        return total
    if e.context and c.context and e.context.isdisjoint(c.context):
        return "another story: its document names none of the places and people of the claim's " \
               "first report"
    return None


def affinity(e: Evidence, f: frozenset[str], other: Evidence, g: frozenset[str],
             weights: Weights, settings: Settings) -> float:
    """How much two statements look like one fact: their weighted Jaccard, plus a bonus for
    each structural agreement (same event type, counts within the ratio, dates within the
    window): paraphrases share few words but the same event, count and date."""
    score = jaccard(f, g, weights)
    if score < settings.claim_bonus_floor:
        return score  # no shared content: agreeing on "a detention of about 40" proves nothing
    if e.event_type and e.event_type in other.events:
        score += settings.claim_event_bonus
    a, b = _value(e), _value(other)
    if a is not None and b is not None and max(a, b) <= max(min(a, b), 1) * \
            settings.claim_quantity_ratio:
        score += settings.claim_count_bonus
    days, others = period(e.date, e.precision), period(other.date, other.precision)
    if days is not None and others is not None:
        window = dt.timedelta(days=settings.claim_date_window_days)
        if days[0] <= others[1] + window and others[0] <= days[1] + window:
            score += settings.claim_date_bonus
    return score


def similarity(e: Evidence, f: frozenset[str], c: Cluster, weights: Weights,
               settings: Settings) -> tuple[float, int]:
    """The best affinity between a statement and the cluster's first and latest members,
    and which member it is."""
    compared = settings.claim_compared
    n = len(c.features)
    if n <= compared:
        chosen: Iterable[int] = range(n)
    else:
        half = compared // 2
        chosen = [*range(half), *range(n - (compared - half), n)]
    return max(((affinity(e, f, c.members[k], c.features[k], weights, settings), k)
                for k in chosen), default=(0.0, 0))


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
    ordered = sorted(evidence, key=chronological)
    featured = [(e, features(e)) for e in ordered]
    frequency = weights.frequency
    clusters: list[Cluster] = []
    index: dict[str, list[int]] = defaultdict(list)
    for e, f in featured:
        keys = blocking_keys(f, frequency)
        mine = family(e.event_type)
        prefixes = [*{family(x) for x in e.events}, "-"] if e.events else ["*"]
        looked = [f"{prefix}|{key}" for key in keys for prefix in prefixes]
        candidates = best_shared((k for key in looked for k in index.get(key, ())[-BUCKET_RECENT:]),
                                 CANDIDATES)
        best, best_score, reason = -1, 0.0, None
        for k in candidates:
            c = clusters[k]
            if conflict(e, c, settings) is not None or apart.get(e.id, set()) & c.ids:
                continue
            score, member = similarity(e, f, c, weights, settings)
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
            for prefix in (*(clusters[best].families or {"-"}), "*"):
                bucket = index[f"{prefix}|{key}"]
                if not bucket or bucket[-1] != best:
                    bucket.append(best)
    return _merge_similar(clusters, settings, weights, apart)


def best_shared(found: Iterable[int], most: int) -> list[int]:
    """The `most` items found most often (sharing the most blocking keys), in index order."""
    counts = Counter(found)
    return sorted(sorted(counts, key=lambda k: (-counts[k], k))[:most])


def _merge_similar(clusters: list[Cluster], settings: Settings, weights: Weights,
                   apart: dict[str, set[str]]) -> list[Cluster]:
    """Second pass: two claims the first pass kept apart (a paraphrase met the other claim
    first, or founded its own before the others arrived) are merged when their statements are
    alike on average (average linkage, at least `claim_merge`) and nothing rules it out; the
    most alike pairs first."""
    keys_of = [{k for f in c.features[:MERGE_SAMPLE] for k in blocking_keys(f, weights.frequency)}
               for c in clusters]
    by_key: dict[str, list[int]] = defaultdict(list)
    for k, keys in enumerate(keys_of):
        for key in keys:
            by_key[key].append(k)
    pairs = []
    for k, keys in enumerate(keys_of):
        others = best_shared((j for key in keys for j in by_key[key][-BUCKET_RECENT:] if j > k),
                             CANDIDATES)
        for j in others:
            score = _linkage(clusters[k], clusters[j], weights, settings)
            if score >= _merge_needed(clusters[k], clusters[j], settings):
                pairs.append((score, k, j))
    union = Components(map(str, range(len(clusters))))
    for score, k, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        a, b = sorted((int(union.find(str(k))), int(union.find(str(j)))))
        if a == b:
            continue
        keep, gone = clusters[a], clusters[b]  # the older claim keeps its anchor
        if any(conflict(e, keep, settings) for e in gone.members) or any(
                apart.get(e.id, set()) & keep.ids for e in gone.members):
            continue
        keep.absorb(gone, f"merged with the claim founded by {gone.members[0].document}: "
                          f"average similarity {score:.2f}")
        union.union(str(a), str(b))
    return [c for k, c in enumerate(clusters) if union.find(str(k)) == str(k)]


def _merge_needed(a: Cluster, b: Cluster, settings: Settings) -> float:
    """The average affinity two claims need to merge: `claim_merge`, or, for two single
    statements, what the first pass asks of them (their average is their one affinity, and a
    lower bar would merely lower the first pass's: "Last month I left Russia" and "he had no
    plans to leave Russia" merged at 0.29)."""
    if len(a.members) == 1 and len(b.members) == 1:
        return settings.claim_similarity if a.family != "-" and b.family != "-" \
            else settings.claim_similarity_untyped
    return settings.claim_merge


def _linkage(a: Cluster, b: Cluster, weights: Weights, settings: Settings) -> float:
    """Average affinity between the first members of two clusters."""
    scores = [affinity(x, fx, y, fy, weights, settings)
              for x, fx in zip(a.members[:MERGE_SAMPLE], a.features[:MERGE_SAMPLE], strict=True)
              for y, fy in zip(b.members[:MERGE_SAMPLE], b.features[:MERGE_SAMPLE], strict=True)]
    return sum(scores) / len(scores) if scores else 0.0


def claim_keys(members: Sequence[Evidence], weights: Weights) -> set[str]:
    """A claim's blocking keys, stored so that a new statement finds it: those of its first
    and latest members."""
    chosen = [*members[:KEY_SAMPLE], *members[KEY_SAMPLE:][-KEY_SAMPLE:]]
    return {key for e in chosen for key in blocking_keys(features(e), weights.frequency)}


MARKED = ("@", "victim:")  # features that are not words: every one is a blocking key


def blocking_keys(f: frozenset[str], frequency: Mapping[str, int]) -> list[str]:
    """Blocking keys: every entity and the victims, and the rarest content words."""
    marked = sorted(w for w in f if w.startswith(MARKED))
    words = sorted((w for w in f if not w.startswith(MARKED)),
                   key=lambda w: (frequency.get(w, 0), w))[:RARE_WORDS]
    return [*marked, *words]
