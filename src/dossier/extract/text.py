"""Tokens, lemmas and sentences for news prose: spaCy's blank English pipeline (its tokenizer
already keeps "Mr.", "U.S." and initials like "S." whole), the lookup lemmatizer from
spacy-lookups-data, and our own sentence boundaries, because spaCy's sentencizer cannot tell an
opening quotation mark from a closing one and so cuts `…," he said. "Next…` in the wrong place.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

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
    """Sentence starts: after final punctuation plus any closing quotes or brackets, and after
    a paragraph break; never before a lower-case word."""
    starts = [False] * len(doc)
    if doc:
        starts[0] = True
    straight = 0  # straight double quotes seen in the current sentence
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.text == '"':
            straight += 1
        if token.is_space and "\n" in token.text:
            if i + 1 < len(doc):
                starts[i + 1] = True
            straight = 0
        elif _ends_sentence(doc, i):
            j = i + 1
            while j < len(doc) and (doc[j].text in CLOSING
                                    or (doc[j].text == '"' and straight % 2 == 1)):
                if doc[j].text == '"':
                    straight += 1
                j += 1
            if j < len(doc) and _may_start(doc[j]):
                starts[j] = True
                straight = 0
            i = j
            continue
        i += 1
    for token, start in zip(doc, starts, strict=True):
        token.is_sent_start = start
    return doc


def _ends_sentence(doc: Doc, i: int) -> bool:
    text = doc[i].text
    if text in FINAL:
        return True
    if text in FINAL_ABBREVIATIONS and i + 1 < len(doc):
        following = doc[i + 1]
        return following.text in SENTENCE_OPENERS or (following.is_space and "\n" in following.text)
    return False


def _may_start(token: Token) -> bool:
    if token.text in OPENING or token.text in STRAIGHT:
        return True
    return not token.text[:1].islower() and not token.is_punct


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The one shared pipeline (built once per process; everything is local: no download)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("news_sentences")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


def parse(text: str) -> Doc:
    return pipeline()(text)


def sentences(doc: Doc) -> list[Sentence]:
    """Sentences with offsets into the text, trailing and leading white space left out."""
    found = []
    for span in doc.sents:
        start = span.start_char
        end = span.end_char
        text = doc.text[start:end]
        stripped = text.strip()
        if not stripped:
            continue
        start += len(text) - len(text.lstrip())
        found.append(Sentence(start, start + len(stripped), stripped))
    return found
