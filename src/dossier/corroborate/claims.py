"""Stage 5: a case's evidence → claims with independent origins, figures, status, denial
links and a timeline, analysts' judgements applied.

- Supporting statements are clustered into claims (`matching.cluster`); denials are clustered
  among themselves.
- Analysts' judgements are rows re-applied on every run: "different" keeps two mentions' claims
  apart while clustering, "same" merges their claims afterwards, "not a claim" leaves a mention
  out.
- Denials are claims of their own ("X denies it" is a fact with its sources), status "denied";
  each denial statement is also linked to the claims it denies (its story's core claim, or
  the claim holding what it names specifically), which become "contested" and name the
  denial claims in `contested_by`.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
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
    family,
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
# A sentence opening on a word that points back ("It said…", "One of them is…", "Their
# families…") does not read alone as a claim's statement.
ANAPHORIC_OPENING = re.compile(
    r"\W*(?:(?:he|she|it|they|his|her|its|their|this|these|those|such|that)\b"
    r"|(?:one|some|many|most|all|both|each|several|none|two|three|four|five)\s+of\s+"
    r"(?:them|these|those|whom|us)\b)", re.IGNORECASE)
# Event families that are speech, not acts: a denial answers what was done.
SPEECH_FAMILIES = frozenset({"-", "statement", "meeting"})
# Families of the abuses a case is about: what a denial of "the reports" answers first.
ABUSES = frozenset({"liberty", "death", "torture", "threat", "blackmail"})
# A denial that dismisses one report as a whole ("dismissed the article as lies", "called the
# investigation a smear", "did not deny the report outright"): it denies what that report says,
# which its own document has just told — every abuse claim the document states before it, not
# the one claim a general denial ("the claims are lies", "those reports") answers.
REPORT_DISMISSED = re.compile(
    r"\b(?:the|that|this|its|the newspaper's|the paper's|the group's)(?: \w+){0,2}? "
    r"(?:article|report|story|investigation|documentary|film|broadcast|publication|piece)\b"
    r"(?!['\u2019]s)", re.IGNORECASE)


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
                          weights, kept)
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
                  settings: Settings, weights: Weights,
                  context: Sequence[Evidence] = ()) -> list[DenialLink]:
    """Each denial → the claims it denies (none whose events rule it out):

    - the story's **core**: of the claims its document's story reports (the claims its own
      document reports and those sharing a case entity with that document's statements), the
      one most stories (copy groups, or documents outside one) reported in the
      `denial_story_days` up to the denial — of the family of the act the denial names ("no
      one was detained": the detentions), or, for a denial naming no act ("the reports are
      lies"), an abuse first. What is being reported then is what such a denial answers,
      whatever words it shares with a neighbouring claim;
    - unless the denial names an act and says something the core's first reports do not:
      then the claim holding most of that rest ("no prison in Argun"), at least
      `denial_similarity` of it and `denial_specific_weight` in feature weight (a rare word
      or two, not "the detentions took place"), and a second one for what the first leaves,
      if it holds `denial_second_share` of it.

    A denial that names no act never goes by shared words: the words "Kadyrov dismissed the
    reports as slander" shares with a claim are the story's, not what it denies. `context`:
    the statements of the denials' documents (the entities of their story).
    """
    unions = [frozenset().union(*c.features) for c in claims]
    # each claim's reports as (publication day, story), in order: a story is a copy group, or
    # a document in none
    reports = [sorted({((e.published or "")[:10], e.copy_group or e.document)
                       for e in c.members}) for c in claims]
    by_feature: dict[str, list[int]] = defaultdict(list)
    by_entity: dict[str, list[int]] = defaultdict(list)
    by_document: dict[str, set[int]] = defaultdict(set)
    entities_of: dict[str, set[str]] = defaultdict(set)
    starts: dict[str, dict[int, int]] = defaultdict(dict)  # document → claim → first start
    for e in context:
        entities_of[e.document].update(f"@{x}" for x in (*e.places, *e.actors, *e.targets))
    for k, c in enumerate(claims):
        for word in {key for f in c.features[:KEY_SAMPLE]
                     for key in blocking_keys(f, weights.frequency)}:
            by_feature[word].append(k)
        for word in sorted(w for w in unions[k] if w.startswith("@")):
            by_entity[word].append(k)
        for e in c.members:
            by_document[e.document].add(k)
            if e.copy_group:
                by_document[f"group:{e.copy_group}"].add(k)
            entities_of[e.document].update(f"@{x}" for x in (*e.places, *e.actors, *e.targets))
            first = starts[e.document].get(k)
            if first is None or e.start < first:
                starts[e.document][k] = e.start

    def told_before(d: Evidence) -> dict[int, int]:
        """The claims the denial's document states before it, with where they first do."""
        return {k: start for k, start in starts.get(d.document, {}).items() if start < d.start}

    window = dt.timedelta(days=settings.denial_story_days)
    # a remark that gives no information ("the Kremlin has no information about detentions")
    # asserts no act: nothing denies it
    acts = [[] if c.noncommittal else sorted(c.primary - SPEECH_FAMILIES) for c in claims]
    types = [{e.event_type for e in c.members} for c in claims]
    links = []
    for d in denials:
        f = _denied_content(d)
        # a denial may deny a claim of any count, date or speaker: only the events must agree
        loose = replace(d, low=None, high=None, date=None, speaker=None)
        own = by_document.get(d.document, set()) | (
            by_document.get(f"group:{d.copy_group}", set()) if d.copy_group else set())
        story = own | set(best_shared(
            (k for key in sorted(entities_of.get(d.document, set()) | {
                w for w in f if w.startswith("@")})
             for k in by_entity.get(key, ())[-BUCKET_RECENT:]), CANDIDATES))
        period = _period(d.published, window)

        def reported(k: int, period: tuple[str, str] | None = period) -> int:
            """How many stories reported claim k in the denial's period."""
            if period is None:
                return len({group for _, group in reports[k]})
            low = bisect_left(reports[k], (period[0], ""))
            high = bisect_right(reports[k], (period[1], "\uffff"))
            return len({group for _, group in reports[k][low:high]})

        def core(family_: str | None, story: set[int] = story, own: set[int] = own,
                 act: str | None = d.event_type) -> int | None:
            """The claim of the story (of one family of acts, or any, abuses first) most
            reported in the denial's period."""
            fitting = [k for k in story if family_ is None or family_ in acts[k]]
            return max(fitting, key=lambda k: (
                family_ is not None or bool(ABUSES.intersection(acts[k])),
                act is not None and act in types[k],  # the very act the denial names first
                reported(k), len(reports[k]), k in own, -k), default=None)

        families = sorted({family(d.event_type)} - SPEECH_FAMILIES)
        cores = [k for k in (core(x) for x in families) if k is not None]
        if not cores:
            cores = [k for k in (core(None),) if k is not None]
        # a claim, and the share it holds (-1: the story's core, -2: a report dismissed whole)
        chosen: list[tuple[int, float]] = []
        if families:
            said = frozenset().union(*(claims[k].features[:KEY_SAMPLE] for k in cores))
            beyond = f - said
            size = weights.total(beyond)
            candidates = best_shared((k for word in blocking_keys(f, weights.frequency)
                                      for k in by_feature.get(word, ())[-BUCKET_RECENT:]),
                                     CANDIDATES)
            fitting = [k for k in candidates if k not in cores
                       and conflict(loose, claims[k], settings) is None]
            if size:
                scored = sorted(((weights.total(beyond & unions[k]) / size, k) for k in fitting),
                                key=lambda x: (-x[0], x[1]))
                if scored and scored[0][0] >= settings.denial_similarity and weights.total(
                        beyond & unions[scored[0][1]]) >= settings.denial_specific_weight:
                    best = scored[0][1]
                    chosen.append((best, scored[0][0]))
                    rest = beyond - unions[best]
                    extra = [(weights.total(rest & unions[k]) / size, k) for _, k in scored[1:]]
                    second = max(extra, key=lambda x: (x[0], -x[1]), default=(0.0, -1))
                    if settings.denial_max_links > 1 and \
                            second[0] >= settings.denial_second_share:
                        chosen.append((second[1], second[0]))
        if not families and REPORT_DISMISSED.search(d.text):
            told = sorted((start, k) for k, start in told_before(d).items()
                          if ABUSES.intersection(acts[k]))
            chosen = [(k, -2.0) for _, k in told[:settings.denial_report_links]]
        if not chosen:
            chosen = [(k, -1.0) for k in cores[:settings.denial_max_links]]
        for k, share in chosen:
            shared = sorted(w for w in f & unions[k] if not w.startswith("@"))[:6]
            documents = len({group for _, group in reports[k]})
            plural = "ies" if documents != 1 else "y"
            if share == -2.0:
                reason = ("a dismissal of a report as a whole, put against each abuse its "
                          "document reports before it")
            elif share < 0:
                reason = (f"a denial of what its story reports, put against the claim most "
                          f"reported in the {settings.denial_story_days} days up to it "
                          f"({reported(k)} of the {documents} stor{plural} reporting it)")
            else:
                reason = (f"the denial names an act, and the claim's statements hold "
                          f"{share:.0%} of what it says beyond its story's main claim "
                          f"(at least {settings.denial_similarity:.0%} needed; "
                          f"{documents} stor{plural} report it)")
            links.append(DenialLink(
                denial=d.id, claim=ids[k], denier=d.denied_by or d.speaker,
                denier_name=d.denied_by_name or d.speaker_name,
                date=d.date if d.date and d.precision == "day" else d.published,
                reason=reason + (f" (shared words: {', '.join(shared)})" if shared else "")))
    return links


def _period(published: str | None, window: dt.timedelta) -> tuple[str, str] | None:
    """The ISO days from `window` before a publication date to that date (None when
    undated)."""
    if not published:
        return None
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    return (day - window).isoformat(), day.isoformat()


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
    """The readable statement of a claim: a sentence that reads alone (not opening on "It",
    "One of them"…), then the member most like the others, preferring the writer's own voice
    (not a quote, not hedged); the anchor on ties."""
    shown = range(min(len(c.members), 20))

    def centrality(k: int) -> tuple[bool, float, int]:
        e = c.members[k]
        plain = 0 if e.kind == "quote" or e.hedged else 1
        total = sum(jaccard(c.features[k], c.features[x], weights) for x in shown if x != k) \
            if len(c.members) > 2 else 0.0
        return (not ANAPHORIC_OPENING.match(e.text), plain + total, -k)

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
