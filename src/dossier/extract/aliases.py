"""One entity across the case: the documents' entities merged when they are the same person,
organisation or place under another spelling (Ramzan/Ramazan, Dmitri/Dmitry, Bakaev/Bakayev,
Kadyrov/Kadyrow/Кадыров, Grozny/Gronzy). Every merge keeps its reason. Two people who share a
surname are never merged on the surname alone, and entities a document tells apart stay apart."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.distance import OSA
from rapidfuzz.fuzz import ratio

from dossier.extract import gazetteer
from dossier.extract.records import CaseEntity, EntityType, Extraction, LocalEntity
from dossier.models import stable_id

# Two given names, or two surnames, are one spelling of the same name at this rapidfuzz ratio
# (0 to 100) of their transliteration keys: "ramzan"/"ramazan" 92, "bakaev"/"bakeev" 83,
# "dmitri"/"dmitrii" 92, while "alvi"/"islam" 22 and "ramzan"/"akhmat" 17. Calibrated on the
# spelling variants of the labelled extraction set; 80 is the lowest that merges them all.
NAME_RATIO = 80
# A one-word place within this many edits (letter swaps count as one) of a known place is a typo
# of it ("Gronzy" → "Grozny"), when both are at least PLACE_TYPO_MIN_LENGTH letters long.
PLACE_TYPO_EDITS = 1
PLACE_TYPO_MIN_LENGTH = 5
# Names whose keys `name_key` keeps per process: a case names the same people, organisations
# and places in document after document, and each entity is keyed when its document is read
# (lookup keys) and again when the case's entities are resolved.
NAME_KEYS_CACHED = 65536

_NON_LETTERS = re.compile(r"[^a-z ]+")
_INITIAL = re.compile(r"\b[a-z]\b")
# Transliteration variants of Russian and Caucasian names, applied in order to a lower-case
# ASCII key: Yelena/Elena, Bakayev/Bakaev, Kadyrow/Kadyrov, Dmitry/Dmitri, Khasan/Hasan.
_TRANSLITERATION = (
    (re.compile(r"\bye"), "e"),
    (re.compile(r"\bya"), "ia"),
    (re.compile(r"(?<=[aeiou])y(?=[aeiou])"), ""),
    (re.compile(r"(?<=[aeiou])i(?=e)"), ""),
    (re.compile(r"y"), "i"),
    (re.compile(r"w\b"), "v"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"(\w)\1"), r"\1"),
    (re.compile(r"ii\b"), "i"),
)


@lru_cache(maxsize=NAME_KEYS_CACHED)
def name_key(name: str) -> str:
    """A spelling-insensitive key: ASCII, lower case, no initials or article, common
    transliteration variants folded ("Ramzan A. Kadyrow" → "ramzan kadirov")."""
    key = anyascii(name).lower().replace("'s", "").replace("’s", "")
    key = _NON_LETTERS.sub(" ", key)
    key = _INITIAL.sub(" ", key)
    words = key.split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    key = " ".join(words)
    for pattern, replacement in _TRANSLITERATION:
        key = pattern.sub(replacement, key)
    return key


@dataclass
class _Group:
    type: EntityType
    key: str
    members: list[tuple[str, int]] = field(default_factory=list)
    surfaces: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    documents: set[str] = field(default_factory=set)
    reasons: list[str] = field(default_factory=list)
    media: bool = False
    merged_into: _Group | None = None

    def root(self) -> _Group:
        group = self
        while group.merged_into is not None:
            group = group.merged_into
        return group

    @property
    def display(self) -> str:
        return self.names.most_common(1)[0][0]


def resolve_entities(extractions: Sequence[Extraction]) -> list[CaseEntity]:
    """Every document entity of the case → case entities, each merge with its reason."""
    known = gazetteer.names()
    groups: dict[tuple[EntityType, str], _Group] = {}
    together: set[tuple[str, str]] = set()  # keys a document keeps apart
    for extraction in extractions:
        keys_here = []
        for entity in extraction.entities:
            key, reason = _key_of(entity, known)
            group = groups.get((entity.type, key))
            if group is None:
                group = groups[(entity.type, key)] = _Group(entity.type, key)
            elif reason and reason not in group.reasons and entity.name not in group.names:
                group.reasons.append(reason.format(other=group.display))
            elif entity.name not in group.names and group.names:
                group.reasons.append(f"'{entity.name}' and '{group.display}' are spelt alike "
                                     f"once transliterated ({key})")
            group.members.append((extraction.document_id, entity.index))
            group.surfaces.update(entity.surfaces)
            group.names[entity.name] += 1
            group.documents.add(extraction.document_id)
            group.media = group.media or entity.media
            keys_here.append((entity.type, key))
        for a in keys_here:
            for b in keys_here:
                if a != b and a[0] is b[0]:
                    together.add((a[1], b[1]))
    _merge_people(groups, together)
    _merge_places(groups)
    return _case_entities(groups)


def lookup_keys(entity: LocalEntity) -> set[str]:
    """Keys that find every case entity this document entity could be merged with: its own
    key, and for people its surname and its name block (fuzzy spellings), for places the first
    letters of its names (typos). Adding a document re-resolves only the entities found so."""
    key, _ = _key_of(entity, gazetteer.names())
    return _index_keys(entity.type, key, entity.surfaces)


def _index_keys(kind: EntityType, key: str, surfaces: Iterable[str]) -> set[str]:
    found = {f"k:{kind.value}:{key}"}
    words = key.split()
    if kind is EntityType.PERSON and words and not key.startswith("@"):
        found.add(f"s:{words[-1]}")
        if len(words) >= 2:
            found.add(f"b:{words[0][:1]}{words[-1][:2]}")
    if kind is EntityType.PLACE:
        prefixes = [key] if not key.startswith("@") else [name_key(s) for s in surfaces]
        found.update(f"p:{p[:2]}" for p in prefixes if p)
    return found


def _key_of(entity: LocalEntity, known: dict[str, gazetteer.Known]) -> tuple[str, str]:
    for surface in (entity.name, *entity.surfaces):
        record = known.get(surface) or known.get(surface.removeprefix("The "))
        if record is not None and record.type is entity.type:
            return f"@{record.key}", f"'{entity.name}' and '{{other}}' are one record in " \
                f"the gazetteer ({record.canonical})"
    # A person is keyed by their fullest name in the document, so "Kadyrov" in a document that
    # also says "Ramzan Kadyrov" is already part of that entity.
    return name_key(entity.name), ""


def _merge(into: _Group, other: _Group, reason: str) -> None:
    into, other = into.root(), other.root()
    if into is other:
        return
    other.merged_into = into
    into.members.extend(other.members)
    into.surfaces.update(other.surfaces)
    into.names.update(other.names)
    into.documents |= other.documents
    into.reasons.extend(other.reasons)
    into.reasons.append(reason)
    into.media = into.media or other.media


def _apart(a: _Group, b: _Group, together: set[tuple[str, str]]) -> bool:
    return (a.key, b.key) in together


def _merge_people(groups: dict[tuple[EntityType, str], _Group],
                  together: set[tuple[str, str]]) -> None:
    people = [g for (t, _), g in groups.items() if t is EntityType.PERSON
              and not g.key.startswith("@")]
    full = [g for g in people if len(g.key.split()) >= 2]
    # Full names: the same surname spelling and the same given name spelling.
    blocks: dict[str, list[_Group]] = defaultdict(list)
    for group in full:
        words = group.key.split()
        blocks[words[0][:1] + words[-1][:2]].append(group)
    for block in blocks.values():
        block.sort(key=lambda g: (-len(g.members), g.key))
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                if a.root() is b.root() or _apart(a, b, together):
                    continue
                first_a, last_a = a.key.split()[0], a.key.split()[-1]
                first_b, last_b = b.key.split()[0], b.key.split()[-1]
                if ratio(first_a, first_b) >= NAME_RATIO and ratio(last_a, last_b) >= NAME_RATIO:
                    _merge(a, b, f"'{b.display}' and '{a.display}' are spellings of one name "
                                 f"(given names and surnames alike after transliteration)")
    # Surnames alone: the one full name with that surname, never when several people have it.
    by_surname: dict[str, set[int]] = defaultdict(set)
    roots: dict[int, _Group] = {}
    for group in full:
        root = group.root()
        roots[id(root)] = root
        by_surname[group.key.split()[-1]].add(id(root))
    for group in people:
        if len(group.key.split()) != 1:
            continue
        holders = by_surname.get(group.key, set())
        if not holders:  # "Bakeyev" for the only "Zelimkhan Bakayev"
            holders = {root for surname, roots_of in by_surname.items()
                       if surname[:1] == group.key[:1] and ratio(surname, group.key) >= NAME_RATIO
                       for root in roots_of}
        if len(holders) == 1:
            target = roots[next(iter(holders))]
            _merge(target, group, f"'{group.display}' is the surname of '{target.display}', "
                                  f"the only person of that name in the case")


def _merge_places(groups: dict[tuple[EntityType, str], _Group]) -> None:
    """A place spelt two ways in one document is still one place (unlike two people who
    share a surname), so the document-apart guard does not apply here."""
    places = [g for (t, _), g in groups.items() if t is EntityType.PLACE]
    known = [g for g in places if g.key.startswith("@")]
    unknown = [g for g in places if not g.key.startswith("@")]
    by_length: dict[int, list[tuple[str, _Group]]] = defaultdict(list)
    for group in known:
        for surface in group.surfaces:
            by_length[len(surface)].append((name_key(surface), group))
    for group in unknown:
        name = group.key
        if len(name) < PLACE_TYPO_MIN_LENGTH or " " in name:
            continue
        matches = {id(g.root()): g for length in range(len(name) - 1, len(name) + 2)
                   for key, g in by_length.get(length, [])
                   if OSA.distance(name, key) <= PLACE_TYPO_EDITS}
        if len(matches) == 1:
            target = next(iter(matches.values()))
            _merge(target, group, f"'{group.display}' is one letter from '{target.display}', a "
                                  f"known place (a typo or a variant spelling)")


def _case_entities(groups: dict[tuple[EntityType, str], _Group]) -> list[CaseEntity]:
    found = []
    keys_of: dict[int, list[str]] = defaultdict(list)
    for group in groups.values():
        keys_of[id(group.root())].append(group.key)
    for group in groups.values():
        if group.merged_into is not None:
            continue
        keys = sorted(keys_of[id(group)])
        name = max(group.names.items(), key=lambda item: (item[1], len(item[0]), item[0]))[0]
        if group.key.startswith("@"):
            record = gazetteer.names().get(name)
            canonical = next((r.canonical for s in group.surfaces
                              if (r := gazetteer.names().get(s)) is not None
                              and f"@{r.key}" == group.key), None)
            name = canonical if canonical and record is None else name
        found.append(CaseEntity(
            id=stable_id("ent", group.type.value, keys[0]), name=name, type=group.type,
            aliases=tuple(sorted(group.surfaces, key=lambda s: (-group.surfaces[s], s))),
            members=tuple(sorted(group.members)), reasons=tuple(group.reasons),
            media=group.media, keys=tuple(sorted({
                k for key in keys for k in _index_keys(group.type, key, group.surfaces)}))))
    found.sort(key=lambda e: (-len(e.members), e.name))
    return found
