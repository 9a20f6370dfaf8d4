"""Tokens, lemmas and sentences for news prose: spaCy's blank English pipeline (its tokenizer
already keeps "Mr.", "U.S." and initials like "S." whole), the lookup lemmas of
spacy-lookups-data, and our own sentence boundaries, because spaCy's sentencizer cannot tell an
opening quotation mark from a closing one and so cuts `…," he said. "Next…` in the wrong place.

Every rule reads one token table per document (`tokens(doc)`: texts, offsets, trailing space),
read once from the Doc's arrays: building spaCy `Token` objects cost more than the rules did.
Lemmas are looked up lazily per word (`lemma`) with the lookup lemmatizer's own table rather than
by its pipe, which lemmatised every token of every document and kept capitalised words unchanged.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.lookups import Table, load_lookups
from spacy.tokens import Doc

from dossier.config import MAX_PARSED_CHARS
from dossier.extract.records import Sentence

FINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
CLOSING = frozenset({"”", "’", "»", ")", "]"})
OPENING = frozenset({"“", "‘", "«", "(", "["})
STRAIGHT = frozenset({'"', "'"})
# Abbreviations that may end a sentence ("…sanctions from the U.S. The Treasury said…"): a
# boundary after them only when the next word is one that starts sentences.
FINAL_ABBREVIATIONS = frozenset({"U.S.", "U.K.", "U.N.", "E.U.", "Inc.", "Ltd.", "Co.", "Jr.",
                                 "Sr.", "etc.", "a.m.", "p.m."})
SENTENCE_OPENERS = frozenset({"The", "A", "An", "He", "She", "It", "They", "We", "I", "In",
                              "On", "At", "But", "And", "This", "That", "His", "Her", "Their",
                              "Its", "There", "When", "After", "Before", "Some", "Many"})


@dataclass(frozen=True)
class Tokens:
    """A document's tokens as plain lists, index for index with the Doc's tokens."""

    text: str  # the whole document
    texts: list[str]
    starts: list[int]  # character offsets
    spaces: list[bool]  # followed by a space


def tokens(doc: Doc) -> Tokens:
    """The token table `parse` stored on the Doc (read now for a Doc made elsewhere)."""
    table = doc.user_data.get("tokens")
    if not isinstance(table, Tokens):
        table = _table(doc)
        doc.user_data["tokens"] = table
    return table


def _table(doc: Doc) -> Tokens:
    strings = doc.vocab.strings
    orths, starts, flags = doc.to_array(["ORTH", "IDX", "SPACY"]).T.tolist()
    texts = [strings[orth] for orth in orths]
    spaces = [flag == 1 for flag in flags]
    pieces = [t + " " if s else t for t, s in zip(texts, spaces, strict=True)]
    return Tokens("".join(pieces), texts, starts, spaces)


@Language.component("news_sentences")
def news_sentences(doc: Doc) -> Doc:
    """Sentence starts (token indexes, kept in `doc.user_data["sentence_starts"]` rather than on
    the tokens, which costs a third of the parse): after final punctuation plus any closing
    quotes or brackets, and after a paragraph break; never before a lower-case word."""
    texts = tokens(doc).texts
    n = len(texts)
    starts = [0] if n else []
    straight = 0  # straight double quotes seen in the current sentence
    i = 0
    while i < n:
        text = texts[i]
        if text == '"':
            straight += 1
        if "\n" in text and not text.strip():
            if i + 1 < n and starts[-1] != i + 1:
                starts.append(i + 1)
            straight = 0
        elif _ends_sentence(texts, i):
            j = i + 1
            while j < n and (texts[j] in CLOSING or (texts[j] == '"' and straight % 2 == 1)):
                if texts[j] == '"':
                    straight += 1
                j += 1
            if j < n and _may_start(texts[j]):
                starts.append(j)
                straight = 0
            i = j
            continue
        i += 1
    doc.user_data["sentence_starts"] = starts
    return doc


def _ends_sentence(texts: list[str], i: int) -> bool:
    text = texts[i]
    if text in FINAL:
        return True
    if text in FINAL_ABBREVIATIONS and i + 1 < len(texts):
        following = texts[i + 1]
        return following in SENTENCE_OPENERS or ("\n" in following and not following.strip())
    return False


def _may_start(text: str) -> bool:
    if text in OPENING or text in STRAIGHT:
        return True
    first = text[:1]
    return not first.islower() and (first.isalnum() or first in "$€£#@")


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The one shared pipeline (built once per process; everything is local: no download)."""
    return news_pipeline("en")


def news_pipeline(language: str) -> Language:
    """spaCy's blank pipeline of a language with our news sentence boundaries."""
    nlp = spacy.blank(language)
    # spaCy refuses texts over 1,000,000 characters to spare its parser and NER memory; this
    # pipeline has neither, and a body is already capped by cleaning (max_parsed_chars).
    nlp.max_length = MAX_PARSED_CHARS
    nlp.add_pipe("news_sentences")
    nlp.initialize()
    return nlp


@lru_cache(maxsize=1)
def _lemma_table() -> Table:
    return load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")


# Word forms whose lookups (here and in the rules' own per-word tables) are kept per process:
# a document's words are mostly the language's common ones, met again in every document.
WORD_CACHE = 65536


@lru_cache(maxsize=WORD_CACHE)
def lemma(lower: str) -> str:
    """The lookup lemma of a lower-case word ("asked" → "ask"), from spacy-lookups-data's
    English lookup table, the one spaCy's lookup lemmatizer reads."""
    return str(_lemma_table().get(lower, lower)).lower()


def parse(text: str) -> Doc:
    return pipeline()(text)


def sentence_starts(doc: Doc) -> list[int]:
    """The token indexes where the parse's sentences start, in order (`news_sentences`)."""
    starts: list[int] = doc.user_data.get("sentence_starts", [0] if len(doc) else [])
    return starts


def sentences(doc: Doc) -> list[Sentence]:
    """Sentences with offsets into the text, trailing and leading white space left out."""
    found = []
    table = tokens(doc)
    whole = table.text
    starts = sentence_starts(doc)
    bounds = [table.starts[k] for k in starts] + [len(whole)]
    for start, end in itertools.pairwise(bounds):
        text = whole[start:end]
        stripped = text.strip()
        if not stripped:
            continue
        start += len(text) - len(text.lstrip())
        found.append(Sentence(start, start + len(stripped), stripped))
    return found
