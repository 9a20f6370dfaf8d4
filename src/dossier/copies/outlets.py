"""Outlets: one record per publisher, found under any of its names, abbreviations or domains.

"The New York Times", "New York Times", "NYT" and "nytimes.com" are one outlet. Aliases come from
the curated list in data/outlets.json and from documents themselves (the outlet name cleaning
found, the web address an original was captured from). An unknown name makes a new outlet; its
domain, when the document has one, becomes an alias of it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from ..clean.metadata import domain_of
from ..models import stable_id

LEGAL_FORM = re.compile(r"\s+(?:ltd|limited|inc|llc|gmbh|ag|kft|sia|plc|s\.a|ooo|oao|zao|"
                        r"media group|group|media)\.?$", re.IGNORECASE)
SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov"})
DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    kind: str  # outlet | agency | site (found only in documents)


@dataclass(frozen=True)
class Alias:
    key: str
    outlet_id: str
    alias: str
    source: str  # curated | document | domain


def outlet_key(name: str) -> str:
    """The form aliases are matched on: accents, case, "the", legal forms, top-level domains
    and punctuation do not count ("The Caucasus Monitor" = "caucasusmonitor.example")."""
    text = unicodedata.normalize("NFKD", name.strip())
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.removeprefix("https://").removeprefix("http://").removeprefix("www.")
    if DOMAIN.match(text):
        labels = text.split(".")[:-1]
        while len(labels) > 1 and labels[-1] in SECOND_LEVEL:
            labels.pop()
        text = ".".join(labels)
    text = LEGAL_FORM.sub("", text)
    text = re.sub(r"^(?:the|die|der|le|la|les)\s+", "", text)
    return "".join(re.findall(r"\w", text))


@cache
def curated() -> tuple[tuple[Outlet, ...], tuple[Alias, ...]]:
    data = json.loads(resources.files("dossier").joinpath("data/outlets.json")
                      .read_text(encoding="utf-8"))
    outlets: list[Outlet] = []
    aliases: list[Alias] = []
    for entry in data["outlets"]:
        outlet = Outlet(stable_id("outlet", outlet_key(entry["name"])), entry["name"],
                        entry["kind"])
        outlets.append(outlet)
        for alias in (entry["name"], *entry["aliases"]):
            aliases.append(Alias(outlet_key(alias), outlet.id, alias, "curated"))
    return tuple(outlets), tuple(aliases)


@dataclass
class OutletRegistry:
    """Aliases known so far; `resolve` adds what a document teaches."""

    by_key: dict[str, str]  # alias key -> outlet id
    spellings: set[str]  # every alias as written
    new_outlets: list[Outlet] = field(default_factory=list)
    new_aliases: list[Alias] = field(default_factory=list)

    @classmethod
    def of(cls, aliases: Iterable[Alias]) -> OutletRegistry:
        """A registry knowing `aliases` (the first alias of a key decides its outlet)."""
        by_key: dict[str, str] = {}
        spellings: set[str] = set()
        for alias in aliases:
            by_key.setdefault(alias.key, alias.outlet_id)
            spellings.add(alias.alias)
        return cls(by_key, spellings)

    def resolve(self, name: str | None, url: str | None) -> str | None:
        """The outlet of a document named `name` (by cleaning) captured from `url`."""
        domain = domain_of(url)
        found = [(alias, source) for alias, source in ((name, "document"), (domain, "domain"))
                 if alias and outlet_key(alias)]
        if not found:
            return None
        outlet_id = next((self.by_key[outlet_key(alias)] for alias, _ in found
                          if outlet_key(alias) in self.by_key), None)
        if outlet_id is None:
            alias = found[0][0]
            outlet = Outlet(stable_id("outlet", outlet_key(alias)), alias, "site")
            self.new_outlets.append(outlet)
            outlet_id = outlet.id
        for alias, source in found:
            key = outlet_key(alias)
            self.by_key.setdefault(key, outlet_id)
            if alias not in self.spellings:
                self.spellings.add(alias)
                self.new_aliases.append(Alias(key, self.by_key[key], alias, source))
        return outlet_id

    def take_new(self) -> tuple[list[Outlet], list[Alias]]:
        taken = (self.new_outlets, self.new_aliases)
        self.new_outlets, self.new_aliases = [], []
        return taken
