"""Question-and-answer interviews (dossier.extract.interviews) through the real extractor: an
answer's sentences are the interviewee's, whether the turns are "Q:"/"A:" or name labels;
bodies that only look like interviews are not read as one. The bodies are written for these
tests."""

from __future__ import annotations

import datetime as dt

import pytest

from dossier.extract import extract_document
from dossier.extract.records import Extraction, Statement

LABELLED = """Mira Tal, a lawyer with the Harbour Rights Centre, has represented detained \
fishermen since 2019. She spoke to the Coastline News by telephone on Monday.

Q: When did the arrests start?

A: The first men were detained at the harbour in March. By April we knew of about 30 men \
held in the port police station.

Q: The Interior Ministry says nobody was held. What is your answer?

A: We have the names of 30 men and the dates of their arrest. Ivo Brand, the port police \
chief, told the families in April that the men would be released within a week.
"""

NAMED = """Deaths in custody at Harlen prison have doubled this year, according to the \
Custody Watch group. Its director, Teodora Vinter, answered our questions on Tuesday.

Coastline News: How many prisoners have died?

Vinter: Seven men have died since January. Four of them died during the heat wave in July.

Coastline News: Have the guards been questioned?

Vinter: As far as we know, no guard has been questioned about the deaths.
"""


def extract(body: str) -> Extraction:
    return extract_document(body, document_id="interview", published=dt.date(2024, 5, 6),
                            outlet="Coastline News")


def speaker(extraction: Extraction, statement: Statement) -> str | None:
    index = statement.attribution.speaker
    return None if index is None else extraction.entities[index].name


def statement_with(extraction: Extraction, words: str) -> Statement:
    return next(s for s in extraction.statements if words in s.text)


def test_the_answers_of_a_q_and_a_are_the_interviewees() -> None:
    got = extract(LABELLED)
    for words in ("first men were detained", "about 30 men", "We have the names"):
        statement = statement_with(got, words)
        assert speaker(got, statement) == "Mira Tal", statement
        assert "interview answer" in statement.attribution.cues


def test_an_answer_that_relays_someone_else_keeps_that_speaker() -> None:
    got = extract(LABELLED)
    relayed = statement_with(got, "told the families")
    assert speaker(got, relayed) == "Ivo Brand"
    assert "interview answer" not in relayed.attribution.cues


def test_a_question_is_not_the_interviewees() -> None:
    got = extract(LABELLED)
    question = statement_with(got, "nobody was held")
    assert speaker(got, question) != "Mira Tal"
    assert "interview answer" not in question.attribution.cues


def test_name_labels_give_the_interviewee() -> None:
    got = extract(NAMED)
    for words in ("Seven men have died", "Four of them died", "no guard has been questioned"):
        statement = statement_with(got, words)
        assert speaker(got, statement) == "Teodora Vinter", statement


@pytest.mark.parametrize("body", [
    # a lone label
    "Police detained 40 fishermen at the harbour in Harlen on Monday, the Harbour Rights Centre "
    "said.\n\nUpdate: All 40 men were released on Tuesday evening.\n\nNote: An earlier version "
    "of this story gave the wrong date for the arrests.",
    # questions without answers
    "Reporters questioned Ivo Brand, the port police chief, on Monday.\n\nQ: How many men are "
    "held?\n\nQ: When will they be released?\n\nIvo Brand did not answer either question.",
])
def test_labels_without_answer_turns_are_not_an_interview(body: str) -> None:
    got = extract(body)
    assert not any("interview answer" in s.attribution.cues for s in got.statements)


# 2026-11-21 (EXTRACTOR_VERSION 19, read off the retired holdout 151-160): a podcast whose host
# opens the exchange and relays as much as she asks, and a radio bulletin's script
PODCAST = """This is an excerpt from episode 4 of Harbour Voices. The host, Lina Moss, talks to \
Teodora Vinter of the Custody Watch group and to a former prisoner, Arek Sand.

Moss: In May the Coastline News reported that seven men had died at Harlen prison. Teodora, \
where were you when the story broke?

Vinter: In the office, answering calls from families. By June we had the names of all seven.

Moss: The prison service said at the time that every death had been natural.

Sand: I was held in Harlen for two years. The guards beat me twice, and nobody ever told me why.
"""

SCRIPT = """PRESENTER: Good evening. Police in Harlen detained 23 people at a vigil for a \
prisoner who died in his cell on Friday. Mara Lind reports.

REPORTER: Friends of the prisoner say he was beaten by guards after his arrest. Police say he \
died of a heart attack.

INSERT, Ivo Brand, interior minister: A doctor saw the prisoner on Thursday and found nothing \
wrong with him.

PRESENTER: The port police detained two reporters at the harbour on Saturday.

INSERT, Teodora Vinter, Custody Watch director: Nobody was allowed to see him for three days.
"""


def test_a_podcast_hosts_lines_are_not_a_guests() -> None:
    got = extract(PODCAST)
    assert speaker(got, statement_with(got, "we had the names")) == "Teodora Vinter"
    assert speaker(got, statement_with(got, "The guards beat me")) == "Arek Sand"
    for words in ("Coastline News reported", "every death had been natural"):
        assert "interview answer" not in statement_with(got, words).attribution.cues


def test_a_scripts_clips_are_their_speakers_and_an_officials_clip_answers() -> None:
    got = extract(SCRIPT)
    minister = statement_with(got, "found nothing wrong")
    assert speaker(got, minister) == "Ivo Brand"
    assert minister.attribution.denial  # an interior minister's answer to the beating
    monitor = statement_with(got, "Nobody was allowed")
    assert speaker(got, monitor) == "Teodora Vinter"
    assert not monitor.attribution.denial  # a monitor's words are no official's answer
    for words in ("Friends of the prisoner", "port police detained two reporters"):
        assert "interview answer" not in statement_with(got, words).attribution.cues


HEARING = """The Justice Committee of the Orlan parliament heard evidence on Thursday about \
the deaths at Tessby prison.

The Chair (Ms Varden): Mr Hollis, how many prisoners have died at Tessby this year?

Mr Hollis: Six prisoners have died at Tessby since January, and two of them died in the \
segregation unit.

Ms Brask: Were any of them beaten before they died?

Mr Hollis: No officer at Tessby has been accused of beating a prisoner this year.

The Chair: Ms Brask?

Ms Brask: The Tessby Families Group has statements from three prisoners who saw guards beat \
a man in the segregation unit in March.
"""

UNLABELLED = """Darin, 34, was held at the Kessa police base for nine days in 2022 and now \
lives in Lisbon. We spoke to Darin by video; Darin is not his real name.

What happened after your arrest?

Officers kept me in a cell with eleven other men and beat me every night with a cable.

The police say nobody was held at the base.

I counted eleven men in that cell every morning, and two of them were beaten unconscious.

How did you leave?

My brother paid an officer, and I was released on the ninth day.

Have you complained to anyone?

No, because the men who held me were the police.
"""

SIGNED = """For a month, foreign newspapers have written that dozens of students vanished in \
Orvel after the March protests. I want to set out the facts.

Police detained 41 students in Orvel on 12 March. All of them were released within two days.

Nobody has vanished in Orvel. I have asked the prosecutor to publish the list of those held.

Anton Varga is Velmora's minister of the interior.

Editor's note: The Orvel Students' Union says four of its members have not been seen since \
12 March.
"""

NOT_SIGNED = """Police detained 41 students in Orvel on 12 March, the Orvel Students' Union \
said on Monday. Four of them have not been seen since, the union said.

Karel, a student who was held for two days, said officers beat him in the station yard.

Karel is not his real name.
"""


def test_a_committee_records_name_labels_after_an_honorific_name_the_witness() -> None:
    got = extract(HEARING)
    for words in ("Six prisoners have died", "No officer at Tessby"):
        assert (speaker(got, statement_with(got, words)) or "").endswith("Hollis"), words
    # a member's declarative is hers, her question is not a statement
    said = speaker(got, statement_with(got, "has statements from three prisoners"))
    assert (said or "").endswith("Brask")
    assert not any("Were any of them" in s.text for s in got.statements)


def test_an_interview_whose_questions_carry_no_label() -> None:
    got = extract(UNLABELLED)
    darin = [e.name for e in got.entities if e.name == "Darin"]
    assert darin and all(e.type.value == "person" for e in got.entities if e.name == "Darin")
    for words in ("eleven other men", "I counted eleven men", "My brother paid an officer"):
        assert speaker(got, statement_with(got, words)) == "Darin", words
    # the interviewer's own line between the turns relays the police, not the interviewee
    assert speaker(got, statement_with(got, "The police say nobody")) != "Darin"


def test_a_piece_signed_in_a_closing_line_speaks_in_its_authors_voice() -> None:
    got = extract(SIGNED)
    for words in ("Police detained 41 students", "Nobody has vanished in Orvel"):
        assert speaker(got, statement_with(got, words)) == "Anton Varga", words
    # the editor's note after the signature is the outlet's, and the union speaks in it
    assert speaker(got, statement_with(got, "four of its members")) != "Anton Varga"


def test_a_news_story_with_a_closing_remark_is_not_a_signed_piece() -> None:
    got = extract(NOT_SIGNED)
    assert speaker(got, statement_with(got, "Police detained 41 students")) != "Karel"
    assert speaker(got, statement_with(got, "officers beat him")) == "Karel"
