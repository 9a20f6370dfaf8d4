"""Pseudonyms in place of protected people's names, in any text and any output structure.

A protected person is found under every spelling the case knows for them, whatever the case and
the accents ("Lapunov", "LAPUNOV", "Lapúnov", "Лапунов"): texts are compared after a fold that
keeps every character's position (one character in, one out), so a match in the folded text is
a span of the original, which is replaced by the person's pseudonym. Redaction is applied where
data leaves dossier (a page, a report, an export, a terminal table), after any slicing by
offsets; `Redactor.apply` walks dicts, lists, tuples and dataclasses and replaces every string.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from anyascii import anyascii

T = TypeVar("T")

# Tokens of a protected name too short, or too common as titles, to hide a search on their own
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "prof"})
MIN_SEARCH_TOKEN = 3  # a query word shorter than this is never taken for a protected name


class _FoldTable(dict[int, str]):
    """str.translate's table: each character to one lower-case base character — its letter
    without accents, or its one-letter transliteration (Cyrillic, Greek) — else to itself."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = char.lower()
        if len(folded) != 1:
            folded = char
        if not folded.isascii():
            base = unicodedata.normalize("NFD", folded)[0]
            if base.isascii():
                folded = base.lower()
            else:
                latin = anyascii(folded).lower()
                folded = latin if len(latin) == 1 else folded
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower case, accents and script aside, the same length as `text`."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD)


def _folded_words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


@dataclass(frozen=True, slots=True)
class Protected:
    """A protected person: the pseudonym shown instead of them and every spelling to hide."""

    pseudonym: str
    names: tuple[str, ...]
    ids: tuple[str, ...] = ()  # the case entities it is: their IDs (hashes of a name) hidden too
    code: str = ""  # "P-7F3A": what those IDs become ("ent-p-7f3a")


def hidden_id(code: str) -> str:
    return f"ent-{code.lower()}"


class Redactor:
    """Replaces protected people's names by their pseudonyms. With nobody protected it
    changes nothing (and costs nothing)."""

    def __init__(self, people: Sequence[Protected] = ()) -> None:
        self.people = tuple(people)
        # an entity's ID is a hash of its name: one could be tried against a list of names
        self._ids = {eid: hidden_id(p.code) for p in self.people for eid in p.ids}
        self._real_ids = {hidden: eid for eid, hidden in self._ids.items()}
        by_name: dict[str, str] = {}
        for person in self.people:
            for name in person.names:
                key = " ".join(_folded_words(name))
                if key:
                    by_name.setdefault(key, person.pseudonym)
        self._pseudonym_of = by_name
        self._tokens = frozenset(word for key in by_name for word in key.split()
                                 if len(word) >= MIN_SEARCH_TOKEN and word not in HONORIFICS)
        # longest first, so that "Maxim Lapunov" wins over "Lapunov"; spaces match any run of
        # non-word characters ("Maxim  Lapunov", "Maxim\nLapunov")
        alternatives = [r"\W+".join(map(re.escape, key.split()))
                        for key in sorted(by_name, key=len, reverse=True)]
        self._pattern = (re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")
                         if alternatives else None)

    @property
    def active(self) -> bool:
        return self._pattern is not None

    def text(self, text: str) -> str:
        return self.text_with_offsets(text)[0]

    def text_with_offsets(self, text: str) -> tuple[str, Callable[[int], int]]:
        """The text redacted, and a function from an offset in `text` to the offset of the
        same place in the result (an offset inside a replaced name goes to its start)."""
        if self._pattern is None or not text:
            return text, _same
        folded = fold(text)
        pieces: list[str] = []
        shifts: list[tuple[int, int, int]] = []  # (start, end, change of length after end)
        last = 0
        change = 0
        for match in self._pattern.finditer(folded):
            start, end = match.span()
            key = " ".join(re.findall(r"\w+", match.group()))
            pseudonym = self._pseudonym_of[key]
            pieces += [text[last:start], pseudonym]
            change += len(pseudonym) - (end - start)
            shifts.append((start, end, change))
            last = end
        if not shifts:
            return text, _same
        pieces.append(text[last:])

        def moved(offset: int) -> int:
            before = 0
            for start, end, after in shifts:
                if offset < end:
                    return (start + before) if offset > start else offset + before
                before = after
            return offset + before

        return "".join(pieces), moved

    def hides(self, entity: str) -> bool:
        return entity in self._ids

    def real_id(self, shown: str) -> str:
        """The case entity behind an ID as shown (a protected entity's hidden ID)."""
        return self._real_ids.get(shown, shown)

    def names_anyone(self, words: str) -> bool:
        """Whether a search names a protected person: one of its words is a word of a
        protected name (or, ending in *, the start of one). Such a search finds nothing."""
        if not self._tokens:
            return False
        for raw in re.findall(r"\w+\*?", fold(words)):
            word = raw.rstrip("*")
            if raw.endswith("*"):
                if len(word) >= MIN_SEARCH_TOKEN and any(t.startswith(word)
                                                         for t in self._tokens):
                    return True
            elif word in self._tokens:
                return True
        return False

    def apply(self, data: T) -> T:
        """`data` with every string in it redacted: dict keys and values, list and tuple
        items, dataclass fields, recursively."""
        if self._pattern is None:
            return data
        return self._walk(data)  # type: ignore[no-any-return]

    def _walk(self, data: Any) -> Any:
        if isinstance(data, str):
            hidden = self._ids.get(data)
            return hidden if hidden is not None else self.text(data)
        if isinstance(data, dict):
            return {self._walk(k): self._walk(v) for k, v in data.items()}
        if isinstance(data, list):
            items = [self._walk(item) for item in data]
            if items and all(isinstance(item, str) for item in data) and items != data:
                # spellings of a protected person are one pseudonym: listed once
                return list(dict.fromkeys(items))
            return items
        if isinstance(data, tuple):
            walked = (self._walk(item) for item in data)
            return type(data)(*walked) if hasattr(data, "_fields") else tuple(walked)
        if dataclasses.is_dataclass(data) and not isinstance(data, type):
            return dataclasses.replace(data, **{
                f.name: self._walk(getattr(data, f.name)) for f in dataclasses.fields(data)
                if f.init})
        return data


def _same(offset: int) -> int:
    return offset


NOBODY = Redactor()
