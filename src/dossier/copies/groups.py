"""Copy groups: connected components of copy links, with analysts' judgements applied first.

Derived only from rows (links and judgements), so a rebuild gives the same groups:
1. an analyst's "different" keeps two documents' groups apart, whatever links say;
2. an analyst's "same" joins them;
3. exact and near-duplicate links join groups, strongest first;
4. a text inside several texts that are not copies of each other is a quoted source (a press
   statement every outlet quotes in full), and so is one that a later text quotes: its
   containment links do not join anything; a text inside one group's texts is an excerpt and
   joins that group.
Possible copies never join, and two texts whose possible copy is explained by a source both
quote are not copies (5). The group keeps the ID of its member seen first; its
representative is the earliest dated, then the most complete version.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..models import CopyGroup, CopyLink, Judgement, LinkKind, Verdict, copy_group_id
from .compare import coverage


@dataclass(frozen=True)
class Member:
    """What grouping needs to know about a document."""

    id: str
    seen: str  # when its original was first seen, then its segment: the founder is the first
    published: str | None  # as cleaning found it (never a propagated date)
    outlet_id: str | None
    words: int


@dataclass(frozen=True)
class Decision:
    """What a link ended up meaning once groups were made, when that differs from what the
    comparison found."""

    verdict: Verdict
    reason: str


@dataclass(frozen=True)
class Propagated:
    """Metadata a member lacks and takes from its group, with where it came from."""

    published: str | None
    published_from: str | None
    outlet_id: str | None
    outlet_from: str | None


@dataclass(frozen=True)
class Grouping:
    groups: list[CopyGroup]
    decisions: dict[tuple[str, str], Decision]
    propagated: dict[str, Propagated]


class Components:
    """Union-find that refuses unions an analyst forbade ("different")."""

    def __init__(self, ids: Iterable[str]) -> None:
        self.parent = {item: item for item in ids}
        self.apart: dict[str, set[str]] = defaultdict(set)

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def forbid(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        self.apart[ra].add(rb)
        self.apart[rb].add(ra)

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if rb in self.apart.get(ra, ()):
            return False
        self.parent[rb] = ra
        away = self.apart.pop(rb, set())
        for other in away:
            self.apart[other].discard(rb)
            self.apart[other].add(ra)
        self.apart[ra] |= away
        return True


def latest_judgements(judgements: Iterable[Judgement]) -> dict[tuple[str, str], Judgement]:
    """The analyst's last word on each pair."""
    latest: dict[tuple[str, str], Judgement] = {}
    for judgement in sorted(judgements, key=lambda j: j.at):
        a, b = judgement.a, judgement.b
        latest[(min(a, b), max(a, b))] = judgement
    return latest


def _quotes(short: Member, found: Sequence[CopyLink], container: str,
            earliest: Mapping[str, str], quoted_max_coverage: float) -> bool:
    """Whether the texts `short` lies inside quote it: it is dated before every dated member of
    their group, and fills only part of each (an excerpt comes after its story)."""
    first = earliest.get(container)
    return bool(short.published and first and short.published[:10] < first) and all(
        coverage(link) < quoted_max_coverage for link in found)


def _earliest(members: Mapping[str, Member], components: Components) -> dict[str, str]:
    """The earliest publication date in each group, by root."""
    found: dict[str, str] = {}
    for member in members.values():
        if member.published:
            root = components.find(member.id)
            date = member.published[:10]
            if root not in found or date < found[root]:
                found[root] = date
    return found


def group_copies(members: Mapping[str, Member], links: Sequence[CopyLink],
                 judgements: Iterable[Judgement], quoted_max_coverage: float) -> Grouping:
    """Groups of `members` (links and judgements naming others are ignored)."""
    components = Components(members)
    decisions: dict[tuple[str, str], Decision] = {}
    judged = {pair: j for pair, j in latest_judgements(judgements).items()
              if pair[0] in members and pair[1] in members}
    # 1-2. the analyst's word first
    for (a, b), judgement in judged.items():
        if judgement.verdict is Verdict.DIFFERENT:
            components.forbid(a, b)
    for (a, b), judgement in judged.items():
        if judgement.verdict is Verdict.COPY and not components.union(a, b):
            decisions[(a, b)] = Decision(Verdict.DIFFERENT, "judged the same by "
                                         f"{judgement.analyst}, but another judgement keeps "
                                         "their groups apart")
    for (a, b), judgement in judged.items():
        decisions.setdefault((a, b), Decision(
            judgement.verdict, f"judged by {judgement.analyst} on {judgement.at[:10]}: "
            f"{judgement.reason}"))
    usable = [link for link in links if link.a in members and link.b in members
              and (link.a, link.b) not in judged]
    # 3. exact and near-duplicates, strongest first
    for link in sorted((link for link in usable if link.verdict is Verdict.COPY
                        and link.kind is not LinkKind.CONTAINED),
                       key=lambda link: (-link.jaccard, link.a, link.b)):
        if not components.union(link.a, link.b):
            decisions[(link.a, link.b)] = Decision(
                Verdict.DIFFERENT, "an analyst's judgement keeps their groups apart")
    # 4. texts inside others: an excerpt joins, a quoted source does not
    inside: dict[str, list[CopyLink]] = defaultdict(list)
    for link in usable:
        if link.verdict is Verdict.COPY and link.kind is LinkKind.CONTAINED and link.inside:
            inside[link.inside].append(link)
    # Rounds, because joining one excerpt can join the containers of another (an excerpt of an
    # article and of its shortened copy is one origin once the copy has joined the article),
    # and can give a container's group an earlier date.
    waiting = dict(sorted(inside.items()))
    while waiting:
        joined = False
        earliest = _earliest(members, components)
        for short, found in list(waiting.items()):
            containers = {components.find(link.b if link.a == short else link.a)
                          for link in found}
            if len(containers) > 1 or _quotes(members[short], found, next(iter(containers)),
                                              earliest, quoted_max_coverage):
                continue
            del waiting[short]
            joined = True
            for link in found:
                if not components.union(link.a, link.b):
                    decisions[(link.a, link.b)] = Decision(
                        Verdict.DIFFERENT, "an analyst's judgement keeps their groups apart")
        if not joined:
            break
    for short, found in waiting.items():
        containers = {components.find(link.b if link.a == short else link.a) for link in found}
        reason = (f"the shorter text is inside {len(containers)} texts that are not copies of "
                  "each other" if len(containers) > 1 else
                  "the shorter text is older than the story it is inside, and only a part of "
                  "it")
        for link in found:
            decisions[(link.a, link.b)] = Decision(
                Verdict.QUOTED, f"{reason}: a source they quote, an origin of its own")
    # 5. two texts that both quote one source share at least that source: when that explains
    # their possible copy, it is not one (on the synthetic corpus 95% of possible copies
    # between different stories were such pairs, and 6% of those between true copies).
    quoting: dict[str, set[str]] = defaultdict(set)
    for short, found in waiting.items():
        for link in found:
            quoting[link.b if link.a == short else link.a].add(short)
    for link in usable:
        if link.verdict is Verdict.POSSIBLE and (both := quoting[link.a] & quoting[link.b]):
            decisions[(link.a, link.b)] = Decision(
                Verdict.DIFFERENT, f"what they share is a source both quote ({min(both)}), "
                "not a copy")
    by_root: dict[str, list[str]] = defaultdict(list)
    for item in members:
        by_root[components.find(item)].append(item)
    groups: list[CopyGroup] = []
    propagated: dict[str, Propagated] = {}
    for ids in by_root.values():
        group = _group([members[item] for item in ids])
        groups.append(group)
        propagated.update(_propagate(group, members))
    groups.sort(key=lambda group: group.id)
    return Grouping(groups, decisions, propagated)


def _group(members: list[Member]) -> CopyGroup:
    founder = min(members, key=lambda m: (m.seen, m.id))
    ordered = sorted(members, key=lambda m: (m.published is None, (m.published or "")[:10],
                                             -m.words, m.seen, m.id))
    return CopyGroup(copy_group_id(founder.id), ordered[0].id,
                     tuple(m.id for m in ordered))


def _propagate(group: CopyGroup, members: Mapping[str, Member]) -> dict[str, Propagated]:
    """A member without a date or outlet takes the first one found in representative order."""
    ordered = [members[item] for item in group.members]
    dated = next((m for m in ordered if m.published), None)
    with_outlet = next((m for m in ordered if m.outlet_id), None)
    found: dict[str, Propagated] = {}
    for member in ordered:
        date = dated if member.published is None and dated is not None else None
        outlet = with_outlet if member.outlet_id is None and with_outlet is not None else None
        if date is None and outlet is None:
            continue
        found[member.id] = Propagated(
            date.published if date else None,
            f"copy group {group.id}: from {date.id}" if date else None,
            outlet.outlet_id if outlet else None,
            f"copy group {group.id}: from {outlet.id}" if outlet else None)
    return found
