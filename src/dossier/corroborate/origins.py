"""A claim's supporting mentions → its independent origins, each with why its mentions were
folded into it.

Mentions are one origin when they are copies of one story (one copy group), when one outlet
published them, or when they attribute the fact to a cited outlet (they count toward that
outlet's origin, together with that outlet's own article if the case holds it). A witness
testimony is an origin of its own. Ten syndicated copies plus three outlets citing the same
newspaper plus that newspaper's own report are one origin; an outlet with its own reporting
is another.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from ..copies.groups import Components
from .evidence import own_outlet_key
from .records import Evidence, Origin, chronological


def origin_keys(e: Evidence) -> list[str]:
    """The keys a mention's origin is joined on: the cited outlet for a mention that cites
    one (and only it: a document that cites Novaya Gazeta for a fact and gives its own police
    source for it has two origins, and one citing two outlets has two); else its copy group
    and its outlet."""
    if e.testimony:
        return [f"document:{e.document}"]
    if e.cited:
        return [e.cited]
    keys = []
    if e.copy_group:
        keys.append(f"group:{e.copy_group}")
    own = own_outlet_key(e.outlet, e.outlet_name)
    if own:
        keys.append(own)
    return keys or [f"document:{e.document}"]


def origins(mentions: Sequence[Evidence]) -> tuple[Origin, ...]:
    """The independent origins of these mentions, largest first."""
    keys = {e.id: origin_keys(e) for e in mentions}
    union = Components({*keys, *(key for joined in keys.values() for key in joined)})
    for mention, joined in keys.items():
        for key in joined:
            union.union(mention, key)
    members: dict[str, list[Evidence]] = defaultdict(list)
    for e in mentions:
        members[union.find(e.id)].append(e)
    found = [_origin(group) for group in members.values()]
    return tuple(sorted(found, key=lambda o: (-len(o.mentions), o.label, o.key)))


def possessive(name: str) -> str:
    """ "Rainbow Notes" → "Rainbow Notes'", "Baltic Courier" → "Baltic Courier's"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _origin(group: list[Evidence]) -> Origin:
    cited = Counter(e.cited_name for e in group if e.cited and e.cited_name)
    outlets = Counter(e.outlet_name for e in group if e.outlet_name and not e.cited)
    first = min(group, key=chronological)
    if cited:
        label = cited.most_common(1)[0][0]
    elif outlets:
        label = outlets.most_common(1)[0][0]
    else:
        label = first.outlet_name or (f"“{first.title}”" if first.title
                                      else f"document {first.document}")
    reasons = []
    groups = Counter(e.copy_group for e in group if e.copy_group)
    for copy_group in sorted(groups):
        documents = {e.document for e in group if e.copy_group == copy_group}
        if len(documents) > 1:
            reasons.append(f"{len(documents)} documents are copies of one story "
                           f"(copy group {copy_group})")
    for name, count in sorted(cited.items()):
        reasons.append(f"{count} mention{'s attribute' if count > 1 else ' attributes'} the fact "
                       f"to {name} (cited, not their own evidence)")
    for name, _ in sorted(outlets.items()):
        documents = {e.document for e in group if e.outlet_name == name and not e.cited}
        groups_of = {e.copy_group or e.document for e in group
                     if e.outlet_name == name and not e.cited}
        if len(groups_of) > 1:
            reasons.append(f"{len(documents)} documents published by {name} count once")
        elif not cited and len(documents) == 1 and len(group) == 1:
            reasons.append(f"{possessive(name)} own report")
    if any(e.testimony for e in group):
        reasons.append("a witness testimony: an origin of its own")
    if cited:
        for name in sorted(outlets):
            if name in cited:
                reasons.append(f"{possessive(name)} own article is in the case: the same origin")
            else:
                reasons.append(f"{possessive(name)} report is one of the copies above")
    if not reasons:
        reasons.append("one report")
    key = sorted({k for e in group for k in origin_keys(e)})[0]
    return Origin(key=key, label=label,
                  mentions=tuple(e.id for e in sorted(group, key=chronological)),
                  reasons=tuple(reasons))
