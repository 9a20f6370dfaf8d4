"""Frozen records of stage 4 (extract): what one document's body says, with character offsets
into that body (`Document.text`). Entity indexes are local to the document; the case-wide
identity of an entity comes from `extract/aliases.py`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class EntityType(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    OTHER = "other"  # laws, programmes, apps, named eras; or unsure


class StatementKind(StrEnum):
    """In order of precedence: the first that applies is the statement's kind."""

    QUOTE = "quote"  # quoted words attributed to someone
    DENIAL = "denial"  # denies, rejects or dismisses a claim
    QUANTITY = "quantity"  # its main assertion is a count
    REPORT = "report"  # relays what someone said or reported
    EVENT = "event"  # any other checkable assertion


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in the body: `text == body[start:end]`, titles excluded."""

    start: int
    end: int
    text: str
    entity: int  # index into Extraction.entities
    sentence_start: int = 0  # the sentence it is in: the quote that shows it in context
    sentence_end: int = 0


@dataclass(frozen=True)
class LocalEntity:
    """An entity as one document knows it: every surface it uses, and why they are one."""

    index: int
    name: str  # the fullest surface
    type: EntityType
    surfaces: tuple[str, ...]
    reasons: tuple[str, ...] = ()  # one per surface merged into `name`, e.g. "surname of …"
    cue: str = ""  # why the type was chosen, e.g. "gazetteer: city", "title: spokesman"
    media: bool = False  # a news outlet: the only kind of entity that can be a cited source


@dataclass(frozen=True)
class Role:
    """"Putin's spokesman Dmitri Peskov": entity=Peskov, role="spokesman", of=Putin."""

    entity: int
    role: str
    of: int | None


@dataclass(frozen=True)
class DateMention:
    """A date expression, offsets relative to the sentence it was found in. `value` is
    YYYY-MM-DD / YYYY-MM / YYYY, `--MM-DD` / `--MM` when the year is unknown, or None when it
    cannot be resolved (a weekday in an undated document)."""

    start: int
    end: int
    text: str
    value: str | None
    precision: Precision


@dataclass(frozen=True)
class Quantity:
    """A count with its qualifier, offsets relative to the sentence. low/high as in the
    qualifier table of docs/extraction.md ("at least 100" → 100, None)."""

    start: int
    end: int
    text: str
    low: int | None
    high: int | None
    qualifier: str


@dataclass(frozen=True)
class Attribution:
    """Who a sentence's words or claim come from, whether it denies, and how sure it is."""

    speaker: int | None = None  # entity index of whoever said or claimed it
    source: int | None = None  # entity index of the cited news outlet (the originating one)
    quoted: bool = False  # quoted words attributed to someone
    reported: bool = False  # an attribution verb, "according to", "the report says"
    denial: bool = False
    denied_by: int | None = None
    hedged: bool = False
    cues: tuple[str, ...] = ()  # the words that decided, for explanations
    # a remark that gives no information ("had no reliable information", "declined to
    # comment"): neither support nor denial of the fact it is about
    noncommittal: bool = False


@dataclass(frozen=True)
class Statement:
    """A body sentence that asserts something checkable."""

    start: int
    end: int
    text: str  # body[start:end], verbatim
    kind: StatementKind
    event_type: str | None
    victims: str | None
    quantity: Quantity | None
    attribution: Attribution
    dates: tuple[DateMention, ...] = ()
    actors: tuple[int, ...] = ()
    targets: tuple[int, ...] = ()
    places: tuple[int, ...] = ()
    events: tuple[str, ...] = ()  # every event type the sentence names, event_type first
    # for a sentence not in English: the words it is compared on across languages (English
    # lemmas where the vocabulary has them); empty for English, compared on its own words
    gloss: tuple[str, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """Everything stage 4 found in one document's body."""

    document_id: str
    entities: tuple[LocalEntity, ...]
    mentions: tuple[Mention, ...]
    roles: tuple[Role, ...]
    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class CaseEntity:
    """One entity across the case: the document entities merged into it, and why."""

    id: str  # stable across rebuilds
    name: str
    type: EntityType
    aliases: tuple[str, ...]  # every surface, the name included
    members: tuple[tuple[str, int], ...]  # (document id, LocalEntity.index)
    reasons: tuple[str, ...] = ()  # one per merge: "'Kadyrow' and 'Kadyrov' transliterate alike"
    media: bool = False
    keys: tuple[str, ...] = ()  # lookup keys (aliases.lookup_keys) that find it again
