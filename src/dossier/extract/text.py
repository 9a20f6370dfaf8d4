"""Tokens, lemmas and sentences for news prose: spaCy's blank English pipeline (its tokenizer
already keeps "Mr.", "U.S." and initials like "S." whole), the lookup lemmatizer from
spacy-lookups-data, and our own sentence boundaries, because spaCy's sentencizer cannot tell an
opening quotation mark from a closing one and so cuts `…," he said. "Next…` in the wrong place.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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


@Language.component("news_sentences")
def news_sentences(doc: Doc) -> Doc:
    """Sentence starts (token indexes, kept in `doc.user_data["sentence_starts"]` rather than on
    the tokens, which costs a third of the parse): after final punctuation plus any closing
    quotes or brackets, and after a paragraph break; never before a lower-case word."""
    texts = [token.text for token in doc]
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
    nlp = spacy.blank("en")
    nlp.add_pipe("news_sentences")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


@lru_cache(maxsize=65536)
def lemma(lower: str) -> str:
    """The lookup lemma of a lower-case word ("asked" → "ask"; spaCy keeps a capitalised
    word's case and so misses sentence-initial ones), from the pipeline's own table."""
    table = pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")  # type: ignore[attr-defined]
    return str(table.get(lower, lower)).lower()


def parse(text: str) -> Doc:
    return pipeline()(text)


def sentences(doc: Doc) -> list[Sentence]:
    """Sentences with offsets into the text, trailing and leading white space left out."""
    found = []
    whole = doc.text  # built anew from the tokens on every access: read it once
    starts = doc.user_data.get("sentence_starts", [0] if len(doc) else [])
    bounds = [doc[k].idx for k in starts] + [len(whole)]
    for start, end in itertools.pairwise(bounds):
        text = whole[start:end]
        stripped = text.strip()
        if not stripped:
            continue
        start += len(text) - len(text.lstrip())
        found.append(Sentence(start, start + len(stripped), stripped))
    return found
