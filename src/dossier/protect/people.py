"""Who is protected, under which spellings, and who might need to be.

Protecting a name protects every case entity known under it, with all of that entity's
spellings; entities of later builds that share a spelling with a protected person are hidden
with them (a new transliteration found next month is hidden too). Pseudonym codes are random,
kept with the protection, so they stay the same across rebuilds and say nothing about the
person. Suggestions are private individuals the documents describe as the target of an abuse,
as giving a first-hand account, or as a witness or victim — never people named with an office.
"""

from __future__ import annotations

import re
import secrets
from collections import defaultdict
from collections.abc import Mapping, Sequence

from ..extract.records import EntityType, Extraction
from ..store import CaseView
from ..store.views import EntityRow
from .records import Candidate, ProtectedPerson
from .redaction import Protected, Redactor, fold

CODE_PREFIX = "P"
CODE_HEX_DIGITS = 4  # 65,536 codes: a case protects tens of people; a clash is drawn again
PSEUDONYM = "Person {code}"

# A person named with one of these holds an office: a public actor, not a private individual to
# suggest for protection
OFFICE_WORDS = frozenset({
    "president", "minister", "spokesman", "spokeswoman", "spokesperson", "leader", "head",
    "chief", "governor", "senator", "commissioner", "ombudsman", "official", "officer",
    "judge", "prosecutor", "general", "mayor", "deputy", "secretary", "ambassador",
    "director", "chairman", "chairwoman", "chair", "mufti", "police", "commander", "colonel",
    "major", "lieutenant", "captain", "sergeant", "king", "queen", "prince", "premier",
    "chancellor", "lawmaker", "parliamentarian", "mp", "envoy", "rapporteur",
})
# A profession is no office: a journalist or a lawyer who speaks on record is public, but one
# the documents describe as the target of an abuse is a victim, and is suggested like any other
# (stated roles such as "the correspondent Evan Gershkovich" or "a lawyer who was last seen"
# had taken victims out of the suggestions)
PROFESSION_WORDS = frozenset({
    "editor", "correspondent", "reporter", "journalist", "founder", "coordinator", "lawyer",
    "attorney",
})
ABUSE_EVENTS = frozenset({"detention", "abduction", "torture", "killing", "death",
                          "disappearance", "threat", "flight", "blackmail", "asylum"})
FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|us|our)\b")
WITNESS_CUES = re.compile(
    r"\b(?:witness(?:es)?|survivors?|victims?|(?:former )?detainees?|relatives?|"
    r"asked not to be (?:named|identified)|not his real name|not her real name|"
    r"(?:a |his |her )?pseudonym|for (?:his|her|their) safety|told (?:us|reporters))\b",
    re.IGNORECASE)


def new_code(taken: set[str]) -> str:
    while True:
        code = f"{CODE_PREFIX}-{secrets.token_hex(CODE_HEX_DIGITS // 2).upper()}"
        if code not in taken:
            return code


def _key(name: str) -> str:
    return " ".join(re.findall(r"\w+", fold(name)))


def known_as(entities: Sequence[EntityRow], name: str) -> list[EntityRow]:
    """The case entities with `name` as their name or one of their spellings (accents, case
    and script aside)."""
    wanted = _key(name)
    return [e for e in entities if any(_key(alias) == wanted for alias in (e.name, *e.aliases))]


def protection(name: str, entities: Sequence[EntityRow], taken: set[str], analyst: str,
               reason: str, at: str) -> ProtectedPerson:
    """A new protected person: `name` and every spelling of the entities known under it."""
    names = dict.fromkeys([name.strip()])
    for entity in known_as(entities, name):
        names.update(dict.fromkeys((entity.name, *entity.aliases)))
    code = new_code(taken)
    return ProtectedPerson(code=code, pseudonym=PSEUDONYM.format(code=code),
                           names=tuple(names), analyst=analyst, reason=reason, at=at)


def redactor(people: Sequence[ProtectedPerson], entities: Sequence[EntityRow]) -> Redactor:
    """The redactor for everyone without clearance: each protected person's spellings, with
    those of every entity of the case that shares one of them."""
    if not people:
        return Redactor()
    by_key: dict[str, list[EntityRow]] = defaultdict(list)
    for entity in entities:
        for alias in {entity.name, *entity.aliases}:
            by_key[_key(alias)].append(entity)
    found = []
    for person in people:
        names = dict.fromkeys(person.names)
        ids: dict[str, None] = {}
        for name in person.names:
            for entity in by_key.get(_key(name), []):
                names.update(dict.fromkeys((entity.name, *entity.aliases)))
                ids[entity.id] = None
        found.append(Protected(person.pseudonym, tuple(names), tuple(ids), person.code))
    return Redactor(found)


def suggestions(extractions: Sequence[Extraction], entity_of: Mapping[tuple[str, int], str],
                entities: Sequence[EntityRow], protected: Redactor) -> list[Candidate]:
    """Private individuals the documents describe as victims or witnesses, most documents
    first, each with why; people named with an office, news outlets and those already
    protected are left out."""
    rows = {e.id: e for e in entities}
    why: dict[str, dict[str, None]] = defaultdict(dict)
    documents: dict[str, set[str]] = defaultdict(set)
    official: set[str] = set()
    professional: set[str] = set()
    targeted: set[str] = set()
    for x in extractions:

        def case_id(index: int | None, x: Extraction = x) -> str | None:
            return _person(x, index, entity_of)

        named = [(entity.index, entity.cue) for entity in x.entities
                 if entity.cue.startswith("title:")]
        for index, role in [*named, *((r.entity, r.role) for r in x.roles)]:
            words = set(re.findall(r"\w+", role.lower()))
            person = case_id(index)
            if person and words & OFFICE_WORDS:
                official.add(person)
            elif person and words & PROFESSION_WORDS:
                professional.add(person)
        for s in x.statements:
            event = s.event_type
            for target in s.targets:
                person = case_id(target)
                if person and event in ABUSE_EVENTS:
                    why[person][f"the target of a reported {event}"] = None
                    documents[person].add(x.document_id)
                    targeted.add(person)
            speaker = case_id(s.attribution.speaker)
            if speaker and event in ABUSE_EVENTS and FIRST_PERSON.search(s.text):
                why[speaker][f"gives a first-hand account of a {event}"] = None
                documents[speaker].add(x.document_id)
            cue = WITNESS_CUES.search(s.text)
            if cue:
                for index in {*s.targets, *s.actors,
                              *((s.attribution.speaker,) if s.attribution.speaker is not None
                                else ())}:
                    person = case_id(index)
                    if person:
                        why[person][f"named where the text says \u201c{cue.group()}\u201d"] = None
                        documents[person].add(x.document_id)
    listed: list[Candidate] = []
    for eid, reasons in why.items():
        row = rows.get(eid)
        if row is None or eid in official or row.media:
            continue
        if eid in professional and eid not in targeted:
            continue  # a journalist or lawyer who speaks on record, no victim
        if protected.active and protected.text(row.name) != row.name:
            continue
        listed.append(Candidate(entity=eid, name=row.name, aliases=row.aliases,
                               documents=len(documents[eid]), why=tuple(reasons)))
    return sorted(listed, key=lambda c: (-c.documents, -len(c.why), c.name))


def _person(x: Extraction, index: int | None, entity_of: Mapping[tuple[str, int], str]
            ) -> str | None:
    """The case entity of a document's entity, if it is a person (not a news outlet)."""
    if index is None or x.entities[index].type != EntityType.PERSON or x.entities[index].media:
        return None
    return entity_of.get((x.document_id, index))


def case_redactor(view: CaseView) -> Redactor:
    """The redactor of a case as it stands (nobody protected: one that changes nothing)."""
    people = view.protected_people()
    return redactor(people, view.entities()) if people else Redactor()
