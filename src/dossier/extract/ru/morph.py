"""Russian words: the parse (spaCy's blank Russian pipeline with our news sentence boundaries)
and their morphology (pymorphy3, the analyser behind spaCy's own Russian lemmatizer): lemmas,
grammatical case and gender, and the dictionary's marks for given names, surnames,
patronymics, places and organisations."""

from __future__ import annotations

import re
from functools import lru_cache

import pymorphy3
from spacy.language import Language
from spacy.tokens import Doc

from ..text import news_pipeline

# pymorphy3's marks (OpenCorpora tags) for names: given name, surname, patronymic, place, org.
NAME_MARKS = frozenset({"Name", "Surn", "Patr"})
PLACE_MARK = "Geox"
ORG_MARK = "Orgn"
LETTERS = re.compile(r"[^\W\d_]+")  # a word of letters


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The Russian pipeline (built once per process, all local)."""
    return news_pipeline("ru")


def parse(text: str) -> Doc:
    return pipeline()(text)


@lru_cache(maxsize=1)
def analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=131072)
def parses(word: str) -> tuple[pymorphy3.analyzer.Parse, ...]:
    """Every reading of a word, the likeliest first."""
    return tuple(analyzer().parse(word))


@lru_cache(maxsize=131072)
def lemma(word: str) -> str:
    """The likeliest normal form, lower case, ё as е ("задержанных" → "задержать")."""
    found = parses(word)
    form = found[0].normal_form if found else word.lower()
    return form.replace("ё", "е")


@lru_cache(maxsize=131072)
def lemmas(word: str) -> frozenset[str]:
    """Every normal form the word may have ("десятки": "десятка" and "десяток")."""
    return frozenset(p.normal_form.replace("ё", "е") for p in parses(word)) or \
        frozenset({word.lower()})


@lru_cache(maxsize=16384)
def name_lemmas(text: str) -> tuple[str, ...]:
    """The lemmas of a name's words ("Горного курьера" → ("горный", "курьер")), for comparing
    names in any case."""
    return tuple(lemma(w) for w in LETTERS.findall(text))


def marked(word: str, mark: str) -> list[pymorphy3.analyzer.Parse]:
    """The readings of a word that carry a mark (NAME_MARKS, PLACE_MARK, ORG_MARK)."""
    return [p for p in parses(word) if mark in p.tag]


def nominative(parse: pymorphy3.analyzer.Parse, word: str) -> str:
    """The word in the nominative singular of its reading, capitalised as written
    ("Кадырова" read as a surname in the genitive → "Кадыров")."""
    if "Fixd" in parse.tag:
        return word
    inflected = parse.inflect({"nomn", "sing"}) or parse.inflect({"nomn"})
    if inflected is None:
        return word
    form = str(inflected.word)
    if word.isupper():
        return form.upper()
    parts = [p[:1].upper() + p[1:] if w[:1].isupper() else p
             for p, w in zip(form.split("-"), word.split("-"), strict=False)]
    return "-".join(parts)
