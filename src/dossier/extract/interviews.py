"""Question-and-answer interviews: which paragraphs of a body are the interviewee's answers,
and who the interviewee is.

A Q&A piece marks its turns with labels at the start of a paragraph: "Q:" / "A:", or names
("Quayside Weekly: How crowded is it?" / "Vinter: The prison was built for 800 men."). An answer
carries no "said", so without the format its sentences have no speaker; with it, each sentence
of an answer is the interviewee's unless it relays somebody else's words (`attribution` keeps a
speaker it finds in the sentence itself).

A body is read as an interview only when it has at least MIN_TURNS question turns and as many
answer turns: a lone "Update:" or "Correction:" paragraph, or a live blog's timestamps, do not
make one. A label is the questioner's when it is "Q"/"Question"/"Interviewer" or when most of
its paragraphs end with a question mark; an answer label is "A"/"Answer" or a label whose
paragraphs mostly do not. The interviewee of "A:" is the person the introduction presents (the
one named in a sentence with "spoke to", "interview" …, else the last person named before the
first turn); the interviewee of a name label is the entity the label names.

Transcripts and broadcast scripts are read the same way (since EXTRACTOR_VERSION 19): the label
that opens the exchange is the questioner once it asks at all (a podcast's host relays as much
as she asks), the programme's own voices (NARRATOR_LABELS: PRESENTER, REPORTER …) are
questioners, and a script's clip "INSERT, Teo Marsk, interior minister: …" is the named
person's answer turn, with the role kept for the reader of attribution.

Since EXTRACTOR_VERSION 21 (`voiced_turns`), a body without labels is an interview when its
questions are paragraphs ending in a question mark after an introduction that presents the
interviewee, and a piece signed in a closing line ("X is Joravia's minister of …") is its
author's words up to that line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.extract.entities import HONORIFICS
from dossier.extract.records import EntityType, LocalEntity, Mention, Sentence

# Turns of each side needed before a body is read as an interview (2 question and 2 answer
# paragraphs): chosen, not tuned; the labelled Q&A pieces (102, 106, 133, 137) have 4 to 7.
MIN_TURNS = 2
# A label is at most this many words ("Quayside Weekly", "Teodora Vinter", "Q").
MAX_LABEL_WORDS = 4

# (Cyrillic capitals too: a Russian interview's "Вопрос:"/"Ответ:", extract/ru/)
_NAME = (r"[A-ZА-ЯЁ][\w.'\u2019-]*(?: [A-ZА-ЯЁ][\w.'\u2019-]*){0,"
         + str(MAX_LABEL_WORDS - 1) + "}")
# A turn's label: a name ("Sokol: …", "Q: …", a committee's "The Chair (Ms Penhallow): …", whose
# brackets are left out of the label), or a broadcast script's clip of someone's words
# with the speaker's role after a comma ("INSERT, Teo Marsk, interior minister: …").
TURN_LABEL = re.compile(
    r"(?:(?:INSERT|CLIP|SOUNDBITE|ACTUALITY),? (?P<clip>" + _NAME + r"), (?P<role>[^:\n]{1,60})|"
    r"(?P<label>" + _NAME + r")(?: \([^)\n]{1,40}\))?) ?: (?=\S)")
PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
QUESTION_LABELS = frozenset({"q", "question", "interviewer", "вопрос"})
# The programme's own voices in a broadcast script or a podcast: what they say is the outlet's
# narration, like a questioner's words (documents 153, 155: a radio bulletin, a podcast).
NARRATOR_LABELS = frozenset({"presenter", "reporter", "host", "anchor", "narrator",
                             "correspondent", "newsreader"})
ANSWER_LABELS = frozenset({"a", "answer", "ответ"})
# An interview without labels needs this many questions and answers (document 168 has 6): more
# than a labelled one, since nothing but the question marks tells the turns apart.
UNMARKED_TURNS = 3
FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|us|our)\b")
# A signed piece's closing line: "<Full Name> is/was …", at most SIGNATURE_MAX_WORDS words, among
# the last SIGNATURE_LAST paragraphs (chosen, not tuned: a contributor's line is one sentence,
# followed at most by an editor's note).
SIGNATURE = re.compile(r"(?P<name>[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){1,3}) (?:is|was) "
                       r"(?!not\b)[^\n]{3,200}\.$")
SIGNATURE_MAX_WORDS = 30
SIGNATURE_LAST = 3
EDITORS_NOTE = re.compile(r"(?:editor'?s'?|editor\u2019s)? ?note\s*:", re.IGNORECASE)
# Words of an introduction that present the interviewee ("She spoke to the Westmark Journal").
INTRODUCING = re.compile(r"\b(?:spoke|speaks|talked|talks) (?:to|with)\b|\binterview"
                         r"|\bsat down with\b|\banswered (?:our|questions)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Turn:
    """One answer paragraph: body offsets and the interviewee (an entity index, or None when
    the format names nobody the text introduces)."""

    start: int
    end: int
    interviewee: int | None
    role: str = ""  # a script's clip gives the speaker's role ("interior minister")


def answer_turns(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention],
                 entities: Sequence[LocalEntity]) -> tuple[Turn, ...]:
    """The answer paragraphs of `text` if it is a question-and-answer interview, else ()."""
    labelled: list[tuple[int, int, str]] = []  # (start, end, label) of labelled paragraphs
    roles: dict[str, str] = {}  # a clip's speaker: the role the script gives
    first_turn = len(text)
    for paragraph in PARAGRAPH.finditer(text):
        match = TURN_LABEL.match(paragraph.group())
        if match is None:
            continue
        labelled.append((paragraph.start(), paragraph.end(),
                         match.group("label") or match.group("clip")))
        if match.group("clip"):
            roles[match.group("clip")] = match.group("role")
        first_turn = min(first_turn, paragraph.start())
    questioners: set[str] = set()
    answerers: set[str] = set()
    opener = labelled[0][2] if labelled else ""
    for label in {label for _, _, label in labelled}:
        own = [text[a:b].rstrip() for a, b, lab in labelled if lab == label]
        asks = sum(p.rstrip("\"'\u201d\u2019").endswith("?") for p in own)
        # a host who opens the exchange and asks also relays and sums up ("Quist: Chechen
        # officials said at the time …"): one question is enough for the opener
        if label.casefold() in QUESTION_LABELS | NARRATOR_LABELS or (
                label.casefold() not in ANSWER_LABELS
                and (asks * 2 > len(own) or (label == opener and asks > 0))):
            questioners.add(label)
        else:
            answerers.add(label)
    questions = sum(label in questioners for _, _, label in labelled)
    answers = [(a, b, label) for a, b, label in labelled if label in answerers]
    if questions < MIN_TURNS or len(answers) < MIN_TURNS:
        return ()
    presented = _presented(sentences, mentions, entities, first_turn)
    first: dict[str, int] = {}  # each answer label's first paragraph
    for a, _, label in answers:
        first.setdefault(label, a)
    who = {label: presented if label.casefold() in ANSWER_LABELS
           else _named_by(label, at, mentions, entities) for label, at in first.items()}
    return tuple(Turn(a, b, who[label], roles.get(label, "")) for a, b, label in answers)


def voiced_turns(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention],
                 entities: Sequence[LocalEntity]) -> tuple[Turn, ...]:
    """The paragraphs of a body spoken by someone other than its writer: a labelled
    interview's answers, else an unlabelled one's, else a signed piece up to its signature."""
    turns = answer_turns(text, sentences, mentions, entities)
    if turns:
        return turns
    paragraphs = list(PARAGRAPH.finditer(text))
    return unmarked_turns(text, paragraphs, sentences, mentions, entities) or signed_piece(
        text, paragraphs, mentions, entities)


def unmarked_turns(text: str, paragraphs: Sequence[re.Match[str]],
                   sentences: Sequence[Sentence], mentions: Sequence[Mention],
                   entities: Sequence[LocalEntity]) -> tuple[Turn, ...]:
    """The answers of an interview whose questions carry no label (they were set in bold, which
    the cleaned body no longer shows: document 168): after an introduction that presents the
    interviewee ("We spoke to Bislan"), a paragraph ending in a question mark is a question,
    the paragraph after it is the answer, and a later paragraph in the first person is the
    answer going on ("Nobody has ever paid me …") where one without is the interviewer's
    ("The Chechen Interior Ministry says …"). At least UNMARKED_TURNS questions and answers."""
    asks = [p.group().rstrip().rstrip("\"'\u201d\u2019").endswith("?") for p in paragraphs]
    first = asks.index(True) if True in asks else len(paragraphs)
    if sum(asks) < UNMARKED_TURNS or not INTRODUCING.search(
            text[:paragraphs[first].start()] if first < len(paragraphs) else ""):
        return ()
    answers: list[tuple[int, int]] = []
    for k in range(first + 1, len(paragraphs)):
        if not asks[k] and (asks[k - 1] or FIRST_PERSON.search(paragraphs[k].group())):
            answers.append(paragraphs[k].span())
    if len(answers) < UNMARKED_TURNS:
        return ()
    who = _presented(sentences, mentions, entities, paragraphs[first].start())
    return tuple(Turn(a, b, who) for a, b in answers)


def signed_piece(text: str, paragraphs: Sequence[re.Match[str]], mentions: Sequence[Mention],
                 entities: Sequence[LocalEntity]) -> tuple[Turn, ...]:
    """A piece signed by its author in a closing line ("Matthias Rennick is Joravia's minister
    of internal security.", document 167): what it asserts without another speaker is the
    author's, up to that line (an editor's note after it is the outlet's). The line must be a
    short paragraph of its own that opens on a person's name, near the end (only an editor's
    note after it), in a body written in the first person; "Bislan is not his real name" is
    none of these."""
    for k in range(len(paragraphs) - 1, max(-1, len(paragraphs) - 1 - SIGNATURE_LAST), -1):
        line = paragraphs[k].group().strip()
        if EDITORS_NOTE.match(line):
            continue
        match = SIGNATURE.match(line)
        if match is None or len(line.split()) > SIGNATURE_MAX_WORDS or not FIRST_PERSON.search(
                text[:paragraphs[k].start()]):
            return ()
        at = paragraphs[k].start()
        author = next((m.entity for m in mentions if at <= m.start < at + match.end("name")
                       and entities[m.entity].type is EntityType.PERSON), None)
        return () if author is None else (Turn(0, at, author),)
    return ()


def _presented(sentences: Sequence[Sentence], mentions: Sequence[Mention],
               entities: Sequence[LocalEntity], before: int) -> int | None:
    """The person the introduction presents (see the module's docstring)."""
    last: int | None = None
    for sentence in sentences:
        if sentence.start >= before:
            break
        people = [m.entity for m in mentions
                  if sentence.start <= m.start < sentence.end
                  and entities[m.entity].type is EntityType.PERSON]
        if people and INTRODUCING.search(sentence.text):
            return people[-1]
        if people:
            last = people[-1]
    return last


def _named_by(label: str, at: int, mentions: Sequence[Mention],
              entities: Sequence[LocalEntity]) -> int | None:
    """The entity a name label names: the mention the label is (after an honorific: "Mr
    Moberg:" in a committee's record), an entity with the label among its surfaces, or the one
    person whose surname it is."""
    for mention in mentions:
        if at <= mention.start and mention.end <= at + len(label):
            return mention.entity
    words = label.split()
    if len(words) > 1 and words[0] in HONORIFICS:
        label = " ".join(words[1:])
    folded = label.casefold()
    for entity in entities:
        if entity.type is not EntityType.OTHER and not entity.media and any(
                surface.casefold() == folded for surface in (entity.name, *entity.surfaces)):
            return entity.index
    # a surname the label alone does not make a mention of ("Sand:" for Arek Sand)
    people = [e.index for e in entities if e.type is EntityType.PERSON
              and e.name.casefold().rsplit(" ", 1)[-1] == folded]
    return people[0] if len(people) == 1 else None
