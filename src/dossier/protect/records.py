"""What protection records: frozen, shared by the store and the outputs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ProtectedPerson:
    """A person shown to anyone without clearance only as `pseudonym`."""

    code: str  # "P-7F3A": random, so nothing about the person can be recovered from it
    pseudonym: str  # "Person P-7F3A"
    names: tuple[str, ...]  # the name given and the spellings known when protected
    analyst: str
    reason: str
    at: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person `dossier protect --suggest` lists: a private individual the documents describe
    as a victim or a witness. Nothing is protected without an analyst's decision."""

    entity: str
    name: str
    aliases: tuple[str, ...]
    documents: int
    why: tuple[str, ...]
