"""Which entries of a cue table have one of their trigger words in a sentence, found at once.

The cue tables of attribution (denials, counter-accounts, hedges, remarks that give no
information) guard each regular expression with literal trigger words: the expression is tried
only when one of them occurs in the sentence. Testing every trigger of every table with `in`
took a sixth of `extract_document` (some 400 substring scans per sentence). Here each table
indexes its triggers by their first GRAM characters, and a sentence's character GRAM-grams are
collected once (`Probe`), so that only the triggers whose first characters occur are scanned
for. The answer is exactly `any(word in text for word in triggers)` for every entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# Characters a trigger is indexed by. Three: the sentences' sets of trigrams are small enough
# to build for every sentence, and few triggers share their first three characters. Any
# length gives the same answers; shorter triggers are scanned for every time.
GRAM = 3


class Probe:
    """A normalised sentence and the set of its GRAM-character substrings."""

    __slots__ = ("grams", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.grams = {text[i:i + GRAM] for i in range(len(text) - GRAM + 1)}


class Triggers:
    """The trigger words of a cue table, entry by entry (a trigger may guard several)."""

    def __init__(self, entries: Iterable[Iterable[str]]) -> None:
        self._short: dict[str, list[int]] = {}  # triggers shorter than GRAM → their entries
        self._by_gram: dict[str, dict[str, list[int]]] = {}  # first GRAM characters → ditto
        for k, triggers in enumerate(entries):
            for word in triggers:
                if len(word) < GRAM:
                    self._short.setdefault(word, []).append(k)
                else:
                    self._by_gram.setdefault(word[:GRAM], {}).setdefault(word, []).append(k)
        self._grams = frozenset(self._by_gram)

    def entries_in(self, probe: Probe) -> Sequence[int]:
        """The entries with a trigger in the probe's text, in the table's order."""
        text = probe.text
        found: set[int] = set()
        for word, entries in self._short.items():
            if word in text:
                found.update(entries)
        for gram in probe.grams & self._grams:
            for word, entries in self._by_gram[gram].items():
                if word in text:
                    found.update(entries)
        return sorted(found)

    def any_in(self, probe: Probe) -> bool:
        """Whether any trigger of the table occurs in the probe's text (stops at the first)."""
        text = probe.text
        return any(word in text for word in self._short) or any(
            word in text for gram in probe.grams & self._grams for word in self._by_gram[gram])
