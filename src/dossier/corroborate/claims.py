"""Stage 5: a case's evidence → claims with independent origins, figures, status, denial
links and a timeline, analysts' judgements applied.

- Supporting statements are clustered into claims (`matching.cluster`); denials are clustered
  among themselves.
- Analysts' judgements are rows re-applied on every run: "different" keeps two mentions' claims
  apart while clustering, "same" merges their claims afterwards, "not a claim" leaves a mention
  out.
- Denials are claims of their own ("X denies it" is a fact with its sources), status "denied";
  each denial statement is also linked to the claims it denies (same family of events, most
  similar content), which become "contested" and name the denial claims in `contested_by`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..config import Settings
from ..copies.groups import Components
from ..models import Judgement, Verdict
from .evidence import content_words
from .matching import (
    BUCKET_RECENT,
    CANDIDATES,
    KEY_SAMPLE,
    Cluster,
    Weights,
    best_shared,
    blocking_keys,
    cluster,
    conflict,
    features,
    jaccard,
)
from .origins import origins
from .records import (
    Claim,
    Corroboration,
    DenialLink,
    Evidence,
    Figure,
    Figures,
    Status,
    TimelineEntry,
    claim_id,
)

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def corroborate(evidence: Sequence[Evidence], settings: Settings,
                judgements: Sequence[Judgement] = (),
                weights: Weights | None = None) -> Corroboration:
    """`weights` are the case's feature weights (by default, counted over `evidence`: a
    neighbourhood re-read for new documents passes the whole case's)."""
    excluded = {j.a for j in judgements
                if j.kind == "mention" and j.verdict is Verdict.NOT_A_CLAIM}
    apart: dict[str, set[str]] = defaultdict(set)
    for j in judgements:
        if j.kind == "claim" and j.verdict is Verdict.DIFFERENT:
            apart[j.a].add(j.b)
            apart[j.b].add(j.a)
    kept = [e for e in evidence if e.id not in excluded]
    weights = weights or Weights(features(e) for e in kept)
    supporting = _merge_judged(
        cluster([e for e in kept if not e.denial], settings, weights, apart), judgements, apart)
    denying = _merge_judged(
        cluster([e for e in kept if e.denial], settings, weights, apart), judgements, apart)
    ids = [claim_id(c.members[0].id) for c in supporting]
    links = _link_denials([e for c in denying for e in c.members], supporting, ids, settings,
                          weights)
    linked: dict[str, list[DenialLink]] = defaultdict(list)
    for link in links:
        linked[link.claim].append(link)
    denial_claim = {e.id: claim_id(c.members[0].id) for c in denying for e in c.members}
    claims = [_claim(cid, c, linked.get(cid, []), weights, denial_claim)
              for cid, c in zip(ids, supporting, strict=True)]
    claims.extend(_denied_claim(c) for c in denying)
    timeline, undated = _timeline(claims, {e.id: e for e in kept})
    return Corroboration(claims=tuple(claims), links=tuple(links), timeline=timeline,
                         undated=undated, excluded=tuple(sorted(excluded)))


def carry_links(found: Corroboration, kept: Sequence[tuple[DenialLink, str]],
                denial_claims: dict[str, str]) -> Corroboration:
    """Claims read again keep the denials from outside that denied them: each kept link (with
    the anchor of the claim it pointed at) is moved to the claim now holding that anchor, which
    becomes contested by the denial's claim."""
    holder = {m: c.id for c in found.claims for m in c.mentions}
    moved = [replace(link, claim=holder[anchor]) for link, anchor in kept if anchor in holder]
    if not moved:
        return found
    by_claim: dict[str, set[str]] = defaultdict(set)
    for link in moved:
        if link.denial in denial_claims:
            by_claim[link.claim].add(denial_claims[link.denial])
    denied = {link.claim for link in moved}  # a set: not every link scanned for every claim
    claims = tuple(
        replace(c, status=Status.CONTESTED,
                contested_by=tuple(sorted({*c.contested_by, *by_claim[c.id]})))
        if c.id in by_claim or c.id in denied else c
        for c in found.claims)
    return replace(found, claims=claims, links=(*found.links, *moved))


def _merge_judged(clusters: list[Cluster], judgements: Sequence[Judgement],
                  apart: dict[str, set[str]]) -> list[Cluster]:
    """Merge the clusters an analyst judged "same" (unless another judgement keeps them
    apart); the merged cluster keeps the older anchor."""
    same = [j for j in judgements if j.kind == "claim" and j.verdict is Verdict.SAME]
    if not same:
        return clusters
    where = {e.id: k for k, c in enumerate(clusters) for e in c.members}
    union = Components(map(str, range(len(clusters))))
    for j in same:
        if j.a not in where or j.b not in where:
            continue
        a, b = sorted((int(union.find(str(where[j.a]))), int(union.find(str(where[j.b])))))
        if a == b or any(apart.get(e.id, set()) & clusters[a].ids for e in clusters[b].members):
            continue
        clusters[a].absorb(clusters[b], f"judged the same claim by {j.analyst} on {j.at}: "
                                        f"{j.reason}")
        union.union(str(a), str(b))
    return [c for k, c in enumerate(clusters) if union.find(str(k)) == str(k)]


def _link_denials(denials: Sequence[Evidence], claims: Sequence[Cluster], ids: Sequence[str],
                  settings: Settings, weights: Weights) -> list[DenialLink]:
    """Each denial → the claims it denies (no conflict of event family):

    - the claims that cover most of the denial's content (weighted share of its features that
      a claim's statements also have), at least the threshold, the best few;
    - else, for a denial with little content of its own ("It is absolute lies"), the claim its
      own document reports that it covers most, then the best supported one: what the article
      puts the denial against.
    """
    unions = [frozenset().union(*c.features) for c in claims]
    by_feature: dict[str, list[int]] = defaultdict(list)
    by_document: dict[str, set[int]] = defaultdict(set)
    for k, c in enumerate(claims):
        for word in {key for f in c.features[:KEY_SAMPLE]
                     for key in blocking_keys(f, weights.frequency)}:
            by_feature[word].append(k)
        for e in c.members:
            by_document[e.document].add(k)
            if e.copy_group:
                by_document[f"group:{e.copy_group}"].add(k)
    links = []
    for d in denials:
        f = _denied_content(d)
        size = weights.total(f) or 1.0

        def cover(k: int, f: frozenset[str] = f, size: float = size) -> float:
            """The share of the denial's content the claim has, more for a claim many
            documents report (a denial answers what is being said widely)."""
            reach = min(len({e.document for e in claims[k].members}), settings.denial_reach_cap)
            return weights.total(f & unions[k]) / size * (
                1 + settings.denial_reach_weight * reach)

        # a denial may deny a claim of any count, date or speaker: only the events must agree
        loose = replace(d, low=None, high=None, date=None, speaker=None)
        candidates = best_shared((k for word in blocking_keys(f, weights.frequency)
                                  for k in by_feature.get(word, ())[-BUCKET_RECENT:]),
                                 CANDIDATES)
        scored = sorted(((cover(k), k) for k in candidates
                         if conflict(loose, claims[k], settings) is None),
                        key=lambda x: (-x[0], x[1]))
        chosen = [(score, k, "covers") for score, k in scored[:settings.denial_max_links]
                  if score >= settings.denial_similarity]
        if not chosen:
            own = by_document.get(d.document, set()) | (
                by_document.get(f"group:{d.copy_group}", set()) if d.copy_group else set())
            fitting = [k for k in own if conflict(loose, claims[k], settings) is None]
            if fitting:
                best = max(fitting, key=lambda k: (len({e.document for e in claims[k].members}),
                                                   cover(k), -k))
                chosen = [(cover(best), best, "in the same article")]
        for score, k, how in chosen:
            shared = sorted(w for w in f & unions[k] if not w.startswith("@"))[:6]
            documents = len({e.document for e in claims[k].members})
            share = weights.total(f & unions[k]) / size
            reason = (f"the claim's statements hold {share:.0%} of the denial's content and "
                      f"{documents} document{'s' if documents != 1 else ''} report it "
                      f"(match {score:.2f}, at least {settings.denial_similarity} needed)"
                      if how == "covers" else
                      "a general denial, put against the most widely reported claim of its "
                      f"article ({documents} document{'s' if documents != 1 else ''})")
            links.append(DenialLink(
                denial=d.id, claim=ids[k], denier=d.denied_by or d.speaker,
                denier_name=d.denied_by_name or d.speaker_name,
                date=d.date if d.date and d.precision == "day" else d.published,
                reason=reason + (f" (shared words: {', '.join(shared)})" if shared else "")))
    return links


def _denied_content(d: Evidence) -> frozenset[str]:
    """What a denial is about: its features without its denier and speaker, who are not what
    is denied ("Kadyrov's spokesman dismissed the reports" is not about Kadyrov)."""
    names = " ".join(n for n in (d.denied_by_name, d.speaker_name) if n)
    voices = {f"@{x}" for x in (d.denied_by, d.speaker) if x} | content_words(names)
    return features(d) - voices


def _claim(cid: str, c: Cluster, links: list[DenialLink], weights: Weights,
           denial_claim: dict[str, str]) -> Claim:
    anchor = c.members[0]
    found = origins(c.members)
    origin_of = {m: o.key for o in found for m in o.mentions}
    groups = {e.copy_group or e.document for e in c.members}
    outlets = tuple(sorted({e.outlet_name for e in c.members if e.outlet_name}))
    date, precision = _claim_date(c.members)
    if links:
        status = Status.CONTESTED
    elif len(found) >= 2:
        status = Status.CORROBORATED
    else:
        status = Status.SINGLE_SOURCE
    return Claim(
        id=cid, anchor=anchor.id, kind=_kind(c.members), event_type=_event(c.members),
        statement=_canonical(c, weights).text, mentions=tuple(e.id for e in c.members), denials=(),
        origins=found, copy_groups=len(groups), outlets=outlets,
        figures=_figures(c.members, origin_of), date=date, precision=precision,
        status=status, reasons=tuple(c.reasons),
        contested_by=tuple(sorted({denial_claim[link.denial] for link in links})))


def _denied_claim(c: Cluster) -> Claim:
    """Denials of one thing by one side: a claim of its own, status denied, dated when the
    denial was made (its own date, or the first report's publication)."""
    anchor = c.members[0]
    found = origins(c.members)
    date, precision = _claim_date(c.members)
    if date is None and anchor.published:
        date, precision = anchor.published[:10], "day"
    return Claim(
        id=claim_id(anchor.id), anchor=anchor.id, kind="denial", event_type=_event(c.members),
        statement=anchor.text, mentions=(), denials=tuple(e.id for e in c.members),
        origins=found, copy_groups=len({e.copy_group or e.document for e in c.members}),
        outlets=tuple(sorted({e.outlet_name for e in c.members if e.outlet_name})),
        figures=None, date=date, precision=precision, status=Status.DENIED,
        reasons=tuple(c.reasons))


def _kind(members: Sequence[Evidence]) -> str:
    kinds = Counter(e.kind for e in members)
    return kinds.most_common(1)[0][0]


def _event(members: Sequence[Evidence]) -> str | None:
    events = Counter(e.event_type for e in members if e.event_type)
    return events.most_common(1)[0][0] if events else None


def _canonical(c: Cluster, weights: Weights) -> Evidence:
    """The readable statement of a claim: the member most like the others, preferring the
    writer's own voice (not a quote, not hedged); the anchor on ties."""
    if len(c.members) <= 2:
        return c.members[0]
    shown = range(min(len(c.members), 20))

    def centrality(k: int) -> tuple[float, int]:
        e = c.members[k]
        plain = 0 if e.kind == "quote" or e.hedged else 1
        total = sum(jaccard(c.features[k], c.features[x], weights) for x in shown if x != k)
        return (plain + total, -k)

    return c.members[max(shown, key=centrality)]


def _figures(members: Sequence[Evidence], origin_of: dict[str, str]) -> Figures | None:
    values = tuple(Figure(e.id, e.quantity or "", e.low, e.high, origin_of.get(e.id, ""))
                   for e in members if e.low is not None or e.high is not None)
    if not values:
        return None
    lows = [v.low if v.low is not None else v.high for v in values]
    highs = [v.high if v.high is not None else v.low for v in values]
    low = min(x for x in lows if x is not None)
    high = max(x for x in highs if x is not None)
    distinct = {(v.low, v.high) for v in values}
    # ACLED's rule: where reports conflict, the most conservative (lowest) figure.
    return Figures(values=values, low=low, high=high, estimate=low, disputed=len(distinct) > 1)


def _claim_date(members: Sequence[Evidence]) -> tuple[str | None, str | None]:
    """When the fact happened: the date its reports give most often, the most precise and
    then the earliest on ties. Publication dates say when it was reported, not when it
    happened, and are not used."""
    dated = Counter((e.date, e.precision) for e in members if e.date)
    if not dated:
        return None, None
    (date, precision), _ = min(dated.items(), key=lambda item: (
        -item[1], PRECISION_RANK.get(item[0][1] or "year", 3), item[0][0]))
    return date, precision


def _timeline(claims: Sequence[Claim],
              evidence: dict[str, Evidence]) -> tuple[tuple[TimelineEntry, ...],
                                                      tuple[str, ...]]:
    entries = []
    undated = []
    for c in claims:
        if c.date and c.precision:
            mention = next((m for m in (*c.mentions, *c.denials)
                            if evidence[m].date == c.date), c.anchor)  # the passage dating it
            entries.append(TimelineEntry(c.date, c.precision, c.id, mention,
                                         "denial" if c.status is Status.DENIED else "claim"))
        else:
            undated.append(c.id)
    entries.sort(key=lambda t: (t.date, PRECISION_RANK.get(t.precision, 3), t.claim))
    return tuple(entries), tuple(undated)
