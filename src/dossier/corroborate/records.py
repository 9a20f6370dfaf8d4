"""Frozen records of stage 5 (corroborate): statements as evidence, claims with their
independent origins, figures, denials, and the timeline.

A mention is one statement of one document, identified by `mention_id(document, start)`, which
stays the same across rebuilds as long as the document's body does. A claim is identified by its
anchor, the mention it was founded on (the earliest published); judgements name mentions, so
they still apply when a claim's ID changes because an earlier report joined it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..models import stable_id


class Stance(StrEnum):
    SUPPORTS = "supports"  # the document asserts it in its own voice
    REPORTS = "reports"  # the document relays what someone said or reported
    DENIES = "denies"


class Status(StrEnum):
    CORROBORATED = "corroborated"  # at least two independent origins, not denied
    SINGLE_SOURCE = "single-source"  # one origin, not denied
    CONTESTED = "contested"  # supported, and denied by a party
    DENIED = "denied"  # only denials


def mention_id(document: str, start: int) -> str:
    return stable_id("m", document, str(start))


def claim_id(anchor: str) -> str:
    return stable_id("claim", anchor)


def chronological(e: Evidence) -> tuple[str, str, int]:
    """The order statements are read in, and a claim's members kept in: earliest published
    first (undated last), then by document and place in it."""
    return (e.published or "9999", e.document, e.start)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One statement as corroboration reads it: what it asserts, when, where, about whom, and
    where it comes from (document, copy group, outlet, cited source)."""

    id: str  # mention_id(document, start)
    document: str
    start: int
    end: int
    text: str  # the sentence, verbatim from the document's body
    kind: str
    event_type: str | None
    events: tuple[str, ...]  # every event type the sentence names, event_type first
    victims: str | None  # head words, normalised ("gay men" → "man")
    low: int | None  # the quantity's bounds (None: no count)
    high: int | None
    quantity: str | None  # the quantity as written ("at least 100")
    date: str | None  # the first resolved date in the sentence (ISO, partial "YYYY-MM", "YYYY")
    precision: str | None  # day | month | year
    published: str | None  # the document's publication date (ISO)
    places: tuple[str, ...]  # case entity IDs
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    speaker: str | None  # case entity ID
    speaker_name: str | None
    denial: bool
    denied_by: str | None  # case entity ID
    denied_by_name: str | None
    hedged: bool
    reported: bool  # relays someone's words
    cited: str | None  # the cited news outlet's origin key ("outlet:<id>" or "name:<key>")
    cited_name: str | None
    copy_group: str | None
    outlet: str | None  # the publishing outlet's ID
    outlet_name: str | None
    title: str | None  # the document's title: what names an origin without an outlet
    testimony: bool  # a witness account: always an origin of its own
    words: frozenset[str]  # content lemmas: what the fact is about
    # the story: case IDs of the places and people its document names anywhere in its body
    # (one set shared by the document's statements); two reports of one fact name one in common
    context: frozenset[str] = frozenset()
    # a remark that gives no information ("no reliable information", "declined to comment"):
    # never a source of the fact it is about
    noncommittal: bool = False


@dataclass(frozen=True, slots=True)
class Origin:
    """Mentions that are one origin of a claim, and why they were folded together."""

    key: str  # "outlet:<id>", "group:<id>", "document:<id>"
    label: str  # what a user sees: the outlet, or the document's title
    mentions: tuple[str, ...]  # mention IDs
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Figure:
    """A count one mention reports."""

    mention: str
    text: str
    low: int | None
    high: int | None
    origin: str  # origin key


@dataclass(frozen=True, slots=True)
class Figures:
    """Conflicting counts of one claim: every value with its source, the range, and ACLED's
    conservative estimate (the lowest figure reported)."""

    values: tuple[Figure, ...]
    low: int | None
    high: int | None
    estimate: int | None
    disputed: bool


@dataclass(frozen=True, slots=True)
class DenialLink:
    """A denial statement and a claim it denies."""

    denial: str  # mention ID of the denial
    claim: str  # claim ID
    denier: str | None  # entity ID
    denier_name: str | None
    date: str | None  # the denial's date (its own, or the document's publication)
    reason: str


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    anchor: str  # the mention the claim was founded on
    kind: str
    event_type: str | None
    statement: str  # the readable canonical statement: the anchor's sentence
    mentions: tuple[str, ...]  # supporting mention IDs, anchor first
    denials: tuple[str, ...]  # mention IDs of the denials that make up a denial claim
    origins: tuple[Origin, ...]
    copy_groups: int
    outlets: tuple[str, ...]  # outlet names
    figures: Figures | None
    date: str | None
    precision: str | None
    status: Status
    reasons: tuple[str, ...]  # why the mentions were merged (automatic and judged)
    contested_by: tuple[str, ...] = ()  # IDs of the denial claims that deny it

    @property
    def independent_sources(self) -> int:
        return len(self.origins)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str
    precision: str
    claim: str
    mention: str
    kind: str  # "claim" or "denial" (a denial claim, dated when the denial was made)


@dataclass(frozen=True, slots=True)
class Corroboration:
    """Stage 5's whole answer for a case."""

    claims: tuple[Claim, ...]
    links: tuple[DenialLink, ...]
    timeline: tuple[TimelineEntry, ...]
    undated: tuple[str, ...]  # claim IDs without a date
    excluded: tuple[str, ...]  # mentions an analyst judged not a claim


# What a story is about, for telling two stories apart: the places and people its document names
# (organisations are left out: one story's "Interior Ministry" or "police" is the same case
# entity as another's).
STORY_TYPES = ("place", "person")


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What corroboration needs to know about the document a statement is in."""

    id: str
    published: str | None
    copy_group: str | None
    outlet: str | None  # outlet ID
    outlet_name: str | None
    title: str | None = None
    testimony: bool = False
    context: frozenset[str] = frozenset()  # case IDs of the places and people it names
