"""The Russian vocabulary of `data/russian.json`, loaded once, and matching its phrases (lemma
sequences) against a sentence's lemmas."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    events: dict[str, tuple[Phrase, ...]]  # event type → its triggers
    victims: frozenset[str]
    speech: frozenset[str]
    according: tuple[Phrase, ...]  # "по словам", "со ссылкой на": the name follows
    as_writes: tuple[Phrase, ...]  # "как пишет": the name follows
    denial: tuple[Phrase, ...]
    counter_accounts: tuple[Phrase, ...]  # an official's account instead: a denial from one
    noncommittal: tuple[Phrase, ...]
    hedges: tuple[Phrase, ...]
    qualifiers: dict[Phrase, str]
    numbers: dict[str, int]
    vague: dict[Phrase, tuple[str, int]]
    not_counted: frozenset[str]
    titles: dict[str, str]  # Russian title lemma → the English role word
    organisation_words: frozenset[str]
    media_words: frozenset[str]
    gloss: dict[str, str]
    voice: frozenset[str]  # words of saying: not content words (speech, "по словам")


def _phrases(items: list[str]) -> tuple[Phrase, ...]:
    return tuple(tuple(item.split()) for item in items)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = json.loads(resources.files("dossier").joinpath("data", "russian.json")
                     .read_text(encoding="utf-8"))
    return Lexicon(
        events={kind: _phrases(words) for kind, words in raw["events"].items()},
        victims=frozenset(raw["victims"]),
        speech=frozenset(raw["speech"]),
        according=_phrases(raw["according"]),
        as_writes=_phrases(raw["as_writes"]),
        denial=_phrases(raw["denial"]),
        counter_accounts=_phrases(raw["counter_accounts"]),
        noncommittal=_phrases(raw["noncommittal"]),
        hedges=_phrases(raw["hedges"]),
        qualifiers={tuple(k.split()): v for k, v in raw["qualifiers"].items()},
        numbers=dict(raw["numbers"]),
        vague={tuple(k.split()): (v[0], int(v[1]))  # the longest phrases first
               for k, v in sorted(raw["vague"].items(), key=lambda i: -len(i[0].split()))},
        not_counted=frozenset(raw["not_counted"]),
        titles=dict(raw["titles"]),
        organisation_words=frozenset(raw["organisation_words"]),
        media_words=frozenset(raw["media_words"]),
        gloss=dict(raw["gloss"]),
        voice=frozenset(raw["speech"]) | {w for phrase in (*raw["according"], *raw["as_writes"])
                                          for w in phrase.split()},
    )


def find(phrases: tuple[Phrase, ...], lemmas: list[str], start: int = 0
         ) -> tuple[int, Phrase] | None:
    """The first phrase found in `lemmas` (at or after `start`): where it starts, and which."""
    for i in range(start, len(lemmas)):
        for phrase in phrases:
            if tuple(lemmas[i:i + len(phrase)]) == phrase:
                return i, phrase
    return None
