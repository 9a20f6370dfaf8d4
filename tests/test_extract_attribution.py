"""Attribution, denials and hedging (dossier.extract.attribution) on sentences written for these
tests: speakers through appositions, pronouns and definite descriptions; outlets as sources;
denial and hedge cues and the look-alikes that are not."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from dossier.copies.outlets import outlet_key
from dossier.extract import extract_document
from dossier.extract.attribution import attribute
from dossier.extract.records import Attribution, EntityType, LocalEntity, Mention
from dossier.extract.text import parse, sentences

P, ORG, L, X = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE, EntityType.OTHER


@dataclass(frozen=True)
class Read:
    text: str
    attribution: Attribution
    names: tuple[str, ...]

    def name(self, index: int | None) -> str | None:
        return None if index is None else self.names[index]

    @property
    def speaker(self) -> str | None:
        return self.name(self.attribution.speaker)

    @property
    def source(self) -> str | None:
        return self.name(self.attribution.source)

    @property
    def denied_by(self) -> str | None:
        return self.name(self.attribution.denied_by)


def read(body: str, *entities: tuple[str, EntityType] | tuple[str, EntityType, bool],
         outlet: str | None = "Coastline News") -> list[Read]:
    """Runs attribute() on a body; entities are ("Name;Alias", type[, media]). Mentions are
    every whole-word occurrence of a surface, longest first, without overlaps."""
    local = []
    surfaces: list[tuple[str, int]] = []
    for index, spec in enumerate(entities):
        names = spec[0].split(";")
        media = len(spec) > 2 and bool(spec[2])
        local.append(LocalEntity(index, names[0], spec[1], tuple(names), media=media))
        surfaces += [(name, index) for name in names]
    taken: list[tuple[int, int, int]] = []
    for surface, index in sorted(surfaces, key=lambda s: -len(s[0])):
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", body):
            if all(m.end() <= start or m.start() >= end for start, end, _ in taken):
                taken.append((m.start(), m.end(), index))
    mentions = [Mention(start, end, body[start:end], index)
                for start, end, index in sorted(taken)]
    doc = parse(body)
    found = sentences(doc)
    result = attribute(doc, found, mentions, local, outlet)
    assert len(result) == len(found)
    names = tuple(e.name for e in local)
    return [Read(s.text, a, names) for s, a in zip(found, result, strict=True)]


def one(body: str, *entities: tuple[str, EntityType] | tuple[str, EntityType, bool],
        outlet: str | None = "Coastline News") -> Read:
    return read(body, *entities, outlet=outlet)[-1]


# --- speakers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("body", "speaker"), [
    ("Mira Tal said the convoy had been stopped at the border.", "Mira Tal"),
    ("The convoy had been stopped at the border, Mira Tal said on Friday.", "Mira Tal"),
    ('"The convoy never arrived," said Mira Tal, a driver for the charity.', "Mira Tal"),
    ("Mira Tal, a driver for Bread First, told reporters that the convoy was stopped.",
     "Mira Tal"),
    ("Mira Tal, who has driven the route for years, said the convoy was stopped.", "Mira Tal"),
    ("The charity's director, Mira Tal, said the convoy was stopped.", "Mira Tal"),
    ("A spokeswoman for Bread First, Mira Tal, said the convoy was stopped.", "Mira Tal"),
    ("Bread First researcher Mira Tal said the convoy was stopped.", "Mira Tal"),
    ("Mira Tal of Bread First said the convoy was stopped.", "Mira Tal"),
    ("Speaking to reporters in Harlen, Mira Tal said the convoy was stopped.", "Mira Tal"),
    ("Bread First, through Mira Tal, has said repeatedly that convoys are stopped.", "Mira Tal"),
    ("Mira Tal and Bread First said the convoy was stopped.", "Mira Tal"),
    ("Bread First said on Monday that the convoy had been stopped.", "Bread First"),
    ("Convoys have been stopped since May, according to Bread First.", "Bread First"),
    ("The Bread First press office said the convoy was stopped.", "Bread First"),
    # 2026-11-23 (EXTRACTOR_VERSION 9): declining, requests, posts, "telling"
    ("Mira Tal declined to say how many convoys had been stopped.", "Mira Tal"),
    ("Bread First has asked the governor to reopen the road.", "Bread First"),
    ("Bread First asked for access to the border post.", "Bread First"),
    ("Mira Tal posted that the convoy had been stopped again.", "Mira Tal"),
    ("Mira Tal went further, telling reporters the convoy had been looted.", "Mira Tal"),
    # 2026-11-21 (EXTRACTOR_VERSION 15): who a report quotes, past a role or a relative clause
    ("The paper quoted the charity's director, Mira Tal, as saying the convoy was stopped.",
     "Mira Tal"),
    ("The paper quoted Mira Tal, who has driven the route for years, as saying the convoy "
     "was stopped.", "Mira Tal"),
    # 2026-11-21 (EXTRACTOR_VERSION 16): a time phrase between the verb and its "that"
    ("Bread First ruled on Tuesday that the convoy could pass.", "Bread First"),
    ("Bread First found unanimously that the convoy had been looted.", "Bread First"),
    ("Bread First concluded in March that the convoy had been looted.", "Bread First"),
    # 2026-11-21 (EXTRACTOR_VERSION 17): counting is reporting a figure
    ("Bread First has counted at least 640 stopped convoys since May.", "Bread First"),
    ("Bread First documented 12 convoys looted at the border.", "Bread First"),
    # 2026-11-21 (EXTRACTOR_VERSION 18): not answering is the silent party's act; a
    # participle aside between the subject and the verb
    ("Bread First did not respond to a request for comment.", "Bread First"),
    ("Bread First has still not replied to any of the five letters.", "Bread First"),
    ("Mira Tal, asked about the convoy at a news conference, said it had been stopped.",
     "Mira Tal"),
    ("Bread First has sent lorries to Harlen. By the middle of May the group said it had sent "
     "40.", "Bread First"),
    # 2026-11-21 (EXTRACTOR_VERSION 19): the teller as a passive's agent; a quoted question
    # and its asker
    ("His family was told by Mira Tal that the convoy had been stopped.", "Mira Tal"),
    ("Mira Tal spoke to the drivers. “Who stopped the convoy?” she asked.", "Mira Tal"),
])
def test_named_speaker(body: str, speaker: str) -> None:
    got = one(body, ("Mira Tal", P), ("Bread First", ORG), ("Harlen", L))
    assert got.speaker == speaker, got.attribution
    assert got.attribution.reported
    assert got.attribution.cues


@pytest.mark.parametrize("body", [
    "A local official said the convoy was stopped near Harlen.",
    "Police said the convoy was stopped near Harlen.",
    "Relatives of the drivers said the convoy was stopped near Harlen.",
    "The convoy was stopped near Harlen, residents told reporters.",
    "A spokesman for Bread First said the convoy was stopped.",
    "Bread First's spokesman said the convoy was stopped.",
    "The convoy was stopped near Harlen on Sunday.",
    "Officials in Harlen declined to say whether the convoy had been stopped.",
    "The agency has not said whether the convoy was stopped.",
    # 2026-11-23: a wish about oneself is not a request of anyone
    "A driver who asked not to be named said the convoy was stopped near Harlen.",
    # counting without a count is no speech act
    "Mira Tal counted the convoys as they passed the border post.",
    "Bread First documents the convoys that pass the border post.",
    # 2026-11-21 (EXTRACTOR_VERSION 19): told by no one named; told, not by whom
    "The drivers were told by police that the convoy had been stopped near Harlen.",
    "The drivers were told that the convoy had been stopped near Harlen.",
])
def test_no_speaker_when_unnamed_or_no_speech(body: str) -> None:
    assert one(body, ("Bread First", ORG), ("Harlen", L)).speaker is None


def test_pronouns_follow_the_salient_person() -> None:
    got = read("Omar Lindqvist, who fled the city in June, spoke to the charity by phone. "
               "He said the guards had beaten him every night. "
               "His lawyer, Petra Sund, said the beatings were documented. "
               "She added that a complaint had been filed.",
               ("Omar Lindqvist", P), ("Petra Sund", P))
    assert [r.speaker for r in got] == [None, "Omar Lindqvist", "Petra Sund", "Petra Sund"]


def test_topic_of_the_story_wins_over_a_passing_name() -> None:
    got = read("Leon, who asked that his surname be withheld, was held for a month, he says. "
               "He says guards beat him with cables. "
               "He now lives in a shelter in Harlen. "
               "The governor, Ivo Brand, has said that men like Leon are criminals. "
               "Last week, he says, his mother called to ask him to come home.",
               ("Leon", P), ("Harlen", L), ("Ivo Brand", P))
    assert got[0].speaker == "Leon"
    assert got[3].speaker == "Ivo Brand"
    assert got[4].speaker == "Leon"


def test_unnamed_speaker_is_remembered_for_the_next_he() -> None:
    got = read("Ivo Brand said the camp had been closed. "
               "One of the former guards, who did not give his name, said he had left in May. "
               '"I saw everything," he said.',
               ("Ivo Brand", P))
    assert [r.speaker for r in got] == ["Ivo Brand", None, None]


def test_titles_give_gender() -> None:
    got = read("Mr. Karel Vos met Ms. Dana Rhee in the capital. She said the talks had failed.",
               ("Karel Vos", P), ("Dana Rhee", P))
    assert got[1].speaker == "Dana Rhee"


@pytest.mark.parametrize(("body", "speaker"), [
    ("Bread First works along the border. The group said convoys were stopped.", "Bread First"),
    ("The Harlen Coast Guard patrols the bay. The coast guard said 40 people were rescued.",
     "Harlen Coast Guard"),
    ("The Interior Ministry published figures. The ministry said 40 people were held.",
     "Interior Ministry"),
    ("Bread First published a report on Monday. According to the report, 40 convoys were "
     "stopped.", "Bread First"),
    ("Bread First published a study on Monday. The study says 40 convoys were stopped.",
     "Bread First"),
    ("The charity's report, written by Mira Tal, says 40 convoys were stopped.", None),
    ("Bread First's report says 40 convoys were stopped.", "Bread First"),
    ("A report by Bread First said 40 convoys were stopped.", "Bread First"),
    # 2026-11-21 (EXTRACTOR_VERSION 16): a court by its judges, its bench or its judgment
    ("The Harlen Appeal Court heard the case. The judges found that the men were tortured.",
     "Harlen Appeal Court"),
    ("The Harlen Appeal Court heard the case. The seven-judge panel found that the men were "
     "tortured.", "Harlen Appeal Court"),
    ('The Harlen Appeal Court heard the case. "The account was consistent," the judgment '
     'said.', "Harlen Appeal Court"),
    ("The Harlen Appeal Court heard the case. The judgment also records that the men were "
     "tortured.", "Harlen Appeal Court"),
    ("Bread First heard the case. The judges found that the men were tortured.", None),
])
def test_definite_descriptions_and_reports(body: str, speaker: str | None) -> None:
    got = one(body, ("Bread First", ORG), ("Harlen Coast Guard", ORG), ("Interior Ministry", ORG),
              ("Mira Tal", P), ("Harlen Appeal Court", ORG))
    assert got.speaker == speaker, got.attribution


def test_it_at_the_start_continues_the_last_organisation() -> None:
    # 2026-11-21 (EXTRACTOR_VERSION 18): "It added" is the organisation that spoke last, even
    # when another one was mentioned more often before
    reads = read("Bread First, which monitors the river, said it had counted 40 boats. The "
                 "Border Police said in a statement that nobody was pushed back. It added that "
                 "its patrols had seen nothing.",
                 ("Bread First", ORG), ("Border Police", ORG))
    assert reads[-1].speaker == "Border Police", reads[-1].attribution


def test_the_denier_of_an_aide_is_the_principal() -> None:
    got = one("The governor, Ivo Brand, has not spoken about the case, although an aide said he "
              "considered the reports lies.", ("Ivo Brand", P))
    assert got.speaker is None
    assert got.attribution.denial
    assert got.denied_by == "Ivo Brand"


# --- sources ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("body", "speaker", "source"), [
    ("The Harlen Post reported on Tuesday that 40 men were held.", None, "Harlen Post"),
    ("Forty men were held, the Harlen Post reported, citing police sources.", None,
     "Harlen Post"),
    ("According to the Harlen Post, 40 men were held.", None, "Harlen Post"),
    ("Ivo Brand told the Harlen Post that 40 men were held.", "Ivo Brand", "Harlen Post"),
    ("Ivo Brand told the Vero news agency that 40 men were held.", "Ivo Brand", "Vero"),
    ("In an interview with Radio Kessel, Ivo Brand said 40 men were held.", "Ivo Brand",
     "Radio Kessel"),
    ("The Harlen Post cited a report from Radio Kessel, which said 40 men were held.", None,
     "Radio Kessel"),
    ("Ivo Brand told Coastline News that 40 men were held.", "Ivo Brand", None),
    ("Coastline News has learned that 40 men were held, Ivo Brand said.", "Ivo Brand", None),
])
def test_outlets_are_sources_never_speakers(body: str, speaker: str | None,
                                            source: str | None) -> None:
    got = one(body, ("Harlen Post", ORG, True), ("Radio Kessel", ORG, True), ("Vero", ORG, True),
              ("Coastline News", ORG, True), ("Ivo Brand", P))
    assert (got.speaker, got.source) == (speaker, source), got.attribution


def test_the_newspaper_is_the_outlet_named_before() -> None:
    got = read("The Harlen Post reported that 40 men were held. "
               "The men were kept in a school, the newspaper said.",
               ("Harlen Post", ORG, True))
    assert got[1].source == "Harlen Post"
    assert got[1].speaker is None


def test_an_interview_frame_carries_the_outlet_until_a_new_venue() -> None:
    got = read("Ivo Brand said in an interview with Radio Kessel that no one was detained. "
               "He also said the reports had been invented by his rivals. "
               "In a post on Telegram the next day, he accused journalists of lying. "
               "Mira Tal said she had been detained.",
               ("Ivo Brand", P), ("Radio Kessel", ORG, True), ("Telegram", X), ("Mira Tal", P))
    assert [r.source for r in got] == ["Radio Kessel", "Radio Kessel", None, None]
    assert [r.speaker for r in got] == ["Ivo Brand", "Ivo Brand", "Ivo Brand", "Mira Tal"]


def test_no_outlet_argument() -> None:
    got = one("Ivo Brand told the Harlen Post that 40 men were held.",
              ("Ivo Brand", P), ("Harlen Post", ORG, True), outlet=None)
    assert got.source == "Harlen Post"


def test_outlet_key_matches_the_own_outlet() -> None:
    assert outlet_key("The Harbour-Herald ") == outlet_key("harbour herald")
    assert outlet_key("The Times") != outlet_key("The Post")


# --- denials ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("body", "denied_by"), [
    ("Ivo Brand denied that any protester had been detained.", "Ivo Brand"),
    ("Ivo Brand rejected the report as a campaign of slander.", "Ivo Brand"),
    ("Ivo Brand dismissed the allegations.", "Ivo Brand"),
    ('Ivo Brand called the report "utter lies".', "Ivo Brand"),
    ("Ivo Brand said the story was a fabrication.", "Ivo Brand"),
    ("Ivo Brand described the account as a smear campaign.", "Ivo Brand"),
    ("Ivo Brand said the article was libellous.", "Ivo Brand"),
    ("Ivo Brand called the reports an information attack on the province.", "Ivo Brand"),
    ("Ivo Brand said the protest was a provocation.", "Ivo Brand"),
    ("Ivo Brand said an inquiry had found no evidence of abuse.", "Ivo Brand"),
    ('Ivo Brand said such camps "do not exist".', "Ivo Brand"),
    ("Ivo Brand said there are no political prisoners in the province.", "Ivo Brand"),
    ("Ivo Brand said the figures were greatly exaggerated.", "Ivo Brand"),
    ("Ivo Brand said he had never given an order to shoot.", "Ivo Brand"),
    ("Ivo Brand said no one in the province had been persecuted.", "Ivo Brand"),
    ("Ivo Brand's government denied that too.", "Ivo Brand"),
    ("The Interior Ministry did not deny the report but suggested it was a joke.",
     "Interior Ministry"),
    ("Witnesses said soldiers burned the houses, an allegation the Interior Ministry rejected.",
     "Interior Ministry"),
    ("Officials have denied that anyone was detained, and Ivo Brand has said such camps do not "
     "exist.", "Ivo Brand"),
    ("The video was dismissed by his family as staged.", None),
    ("Provincial officials called the report baseless.", None),
    ("Ivo Brand said the Interior Ministry had no reason to doubt the governor, who has called "
     "the story a fabrication.", None),
    # rebuttals without a denial word
    ("Ivo Brand brushed aside the reports.", "Ivo Brand"),
    ("Ivo Brand calls the reports fantasies.", "Ivo Brand"),
    ("Ivo Brand said the accounts were fairy tales.", "Ivo Brand"),
    ("Ivo Brand said the stories were the product of sick imaginations.", "Ivo Brand"),
    ("Ivo Brand said everyone in the province lives in peace.", "Ivo Brand"),
    ("Ivo Brand said nobody is persecuted in the province.", "Ivo Brand"),
    ("Ivo Brand said not a single protester was beaten.", "Ivo Brand"),
    ("Ivo Brand said nobody had been killed by a police bullet.", "Ivo Brand"),
    ("Ivo Brand said nobody has disappeared in the province.", "Ivo Brand"),
    ("Ivo Brand said the missing men are all alive and well.", "Ivo Brand"),
    ("Ivo Brand said the families had left of their own free will.", "Ivo Brand"),
    ("Ivo Brand said the detainees had been treated humanely.", "Ivo Brand"),
    ("Ivo Brand said such people do not live in the province.", "Ivo Brand"),
    ("Ivo Brand said the report was simply not true.", "Ivo Brand"),
    ("Ivo Brand said the group's figures were wrong.", "Ivo Brand"),
    ("Ivo Brand said the photos were being passed off as new.", "Ivo Brand"),
    ("Ivo Brand said the accusers were working for foreign sponsors.", "Ivo Brand"),
    ("Ivo Brand said the report was written by people who had never set foot in the province.",
     "Ivo Brand"),
    ("Ivo Brand said the critics should put their own house in order.", "Ivo Brand"),
    # 2026-11-21 (EXTRACTOR_VERSION 6): negated acts of the state, what the family was told
    ("Ivo Brand said police had not used rubber bullets.", "Ivo Brand"),
    ("Ivo Brand said soldiers did not fire live ammunition at the crowd.", "Ivo Brand"),
    ("Ivo Brand said no minors had been detained.", "Ivo Brand"),
    ("Ivo Brand said no student had been beaten in custody.", "Ivo Brand"),
    ("Ivo Brand said they had not arrested anyone over the protest.", "Ivo Brand"),
    ("Ivo Brand said no officer had laid a hand on him.", "Ivo Brand"),
    ("Ivo Brand said the police had acted with restraint.", "Ivo Brand"),
    ('"At each station they told me he had never been arrested," Ivo Brand said.', None),
    ("Ivo Brand told the family that he had never been detained.", "Ivo Brand"),
    ("Ivo Brand said she did not recognise the room in the video.", "Ivo Brand"),
    ("Ivo Brand said the reports were a mountain of disinformation.", "Ivo Brand"),
    # a semicolon ends the clause of the verb before it: the army denies, not Ivo Brand
    ("Ivo Brand said 12 people had died; the army puts the figure at zero.", None),
    ("Ivo Brand said the march was peaceful; nobody was detained.", "Ivo Brand"),
    # 2026-11-23 (EXTRACTOR_VERSION 9), general forms of what documents 91-120 missed
    ('Asked whether anyone had been detained, Ivo Brand replied: "Rubbish."', "Ivo Brand"),
    ("Ivo Brand said inspectors had found nothing to confirm the accounts.", "Ivo Brand"),
    ("Ivo Brand said the allegations were part of a foreign campaign to smear the province.",
     "Ivo Brand"),
    ("Ivo Brand said there was nobody in the province to persecute.", "Ivo Brand"),
    ("Ivo Brand said the newspaper had cooked the whole story up.", "Ivo Brand"),
    ("Ivo Brand said countries that jail their own critics should not lecture anyone.",
     "Ivo Brand"),
    ("Ivo Brand said the bodies had been laid out for the cameras.", "Ivo Brand"),
    # 2026-11-21 (EXTRACTOR_VERSION 12), general forms of what documents 81-90 missed
    ("The men were alive and at home with their families, Ivo Brand said.", "Ivo Brand"),
    ('Ivo Brand said the activists were "alive, well and sitting in a cafe".', "Ivo Brand"),
    ("Ivo Brand said the report had been written by a man who had never set foot in the "
     "province.", "Ivo Brand"),
    ("Ivo Brand said foreign governments should look at how their own police treat "
     "reporters.", "Ivo Brand"),
    ('"We have nobody by those names," Ivo Brand said.', "Ivo Brand"),
    ("Ivo Brand said no military operation had taken place anywhere near the village.",
     "Ivo Brand"),
    ('Ivo Brand said the photographs published by the group "could have been taken '
     'anywhere".', "Ivo Brand"),
    ("Ivo Brand said most of the people now complaining never lived in the quarter at all.",
     "Ivo Brand"),
    ("The Interior Ministry says it has never held any of the three.", "Interior Ministry"),
    # 2026-11-21 (EXTRACTOR_VERSION 14): the act declared impossible
    ("One cannot detain or persecute people who are not present in the province, Ivo Brand "
     "said.", "Ivo Brand"),
    ("Ivo Brand said nobody could arrest men who had never been there.", "Ivo Brand"),
    # 2026-11-21 (EXTRACTOR_VERSION 15): general forms of what the retired holdout 121-130
    # missed
    ("Nobody in this province has ever been detained for a post online, Ivo Brand said.",
     "Ivo Brand"),
    ("Ivo Brand insisted that no officer had fired at the marchers.", "Ivo Brand"),
    ('The Interior Ministry said police had used "no force whatsoever".', "Interior Ministry"),
    ('Ivo Brand said the photographs were "old pictures from another country".', "Ivo Brand"),
    ('Ivo Brand called the monitors "a mouthpiece of foreign embassies".', "Ivo Brand"),
    ('Ivo Brand said the report was "written by people paid by foreign foundations".',
     "Ivo Brand"),
    ('Ivo Brand called that account "prison gossip passed on by men with a grudge".',
     "Ivo Brand"),
    # 2026-11-21 (EXTRACTOR_VERSION 16): general forms of what the retired holdout 131-140
    # missed
    ("Ivo Brand said the inquiry had found no sign of violence on the bodies.", "Ivo Brand"),
    ("Ivo Brand said investigators had found no grounds to open a case.", "Ivo Brand"),
    ("Ivo Brand said not a single complaint had reached his office.", "Ivo Brand"),
    ("Ivo Brand said his office has never received a single complaint.", "Ivo Brand"),
    ("Ivo Brand said the activists should produce a single victim willing to speak.",
     "Ivo Brand"),
    ('Ivo Brand said that the province\'s soldiers "do not shoot at children".', "Ivo Brand"),
    ("Ivo Brand said the officers named in the report had been on duty elsewhere.",
     "Ivo Brand"),
    ('Ivo Brand said the deaths were the work of smugglers, "not of our officers".',
     "Ivo Brand"),
    ("The Interior Ministry dismissed that argument as a fabrication.", "Interior Ministry"),
    # 2026-11-21 (EXTRACTOR_VERSION 18): general forms of what the retired holdout 141-150
    # missed
    ('Ivo Brand said the story was "a performance staged for Western sponsors".', "Ivo Brand"),
    ('Ivo Brand told parliament that the clips were "fakes produced abroad".', "Ivo Brand"),
    ('Ivo Brand said the photographs were "a show put on for the cameras".', "Ivo Brand"),
    ('Ivo Brand said the videos had been "staged by smugglers".', "Ivo Brand"),
    ("Ivo Brand said Chechen police had never held anyone by that name.", "Ivo Brand"),
    ("Ivo Brand said that men of that kind did not live in the republic.", "Ivo Brand"),
    ('Ivo Brand said that in his country "nobody disappears".', "Ivo Brand"),
    ('Ivo Brand said his office had still not received "a single complaint".', "Ivo Brand"),
    ('Ivo Brand said "not a single person has been returned across the border".',
     "Ivo Brand"),
    # 2026-11-21 (EXTRACTOR_VERSION 19): general forms of what the retired holdout 151-160
    # missed
    ("The Interior Ministry says it stands by its report.", "Interior Ministry"),
    ("Ivo Brand said the volunteers were in no position to know who sleeps inside.",
     "Ivo Brand"),
    ("Ivo Brand said the activists had made the whole thing up.", "Ivo Brand"),
    ("Ivo Brand says her son had never had asthma in his life.", "Ivo Brand"),
    ("Ivo Brand said he had never had a problem with his heart.", "Ivo Brand"),
    ("Ivo Brand said the checks did not confirm a single case of a person being detained.",
     "Ivo Brand"),
    ("Ivo Brand said 14 complaints were examined and that none was upheld.", "Ivo Brand"),
    ("Ivo Brand said at the time that there was nobody to evacuate.", "Ivo Brand"),
    ("So much for people who are not there: we had forty men in two flats, Ivo Brand said.",
     "Ivo Brand"),
    ("Ivo Brand said nobody is persecuted in the republic.", "Ivo Brand"),
    # 2026-11-22 (EXTRACTOR_VERSION 21): general forms of what the retired holdout 161-170
    # missed
    ("Ivo Brand said the ministry stands by its figure of twelve arrests.", "Ivo Brand"),
    ("Ivo Brand said he would not accept that prisoners were beaten in his jails.",
     "Ivo Brand"),
    ("Ivo Brand said that was not what he saw: the guards beat at least six men.", "Ivo Brand"),
    ("Ivo Brand said the ministry's answer was a distinction without a difference.",
     "Ivo Brand"),
])
def test_denials(body: str, denied_by: str | None) -> None:
    got = one(body, ("Ivo Brand", P), ("Interior Ministry", ORG))
    assert got.attribution.denial, got.attribution
    assert got.denied_by == denied_by, got.attribution


@pytest.mark.parametrize("body", [
    "The ministry said it had no reliable information about the detentions.",
    "The ministry said it would not comment on individual cases.",
    "Prosecutors have not opened a case into the deaths.",
    "Ivo Brand called the sanctions unlawful.",
    "The court rejected his appeal on Monday.",
    "He was denied bail and returned to his cell.",
    "The ministry neither confirmed nor denied the account.",
    "Officials did not deny that arrests took place.",
    "Police said no one was hurt in the fire.",
    "There was no information to confirm the reports, the ministry said.",
    "He was accused of spreading false information about the army.",
    "A protest was staged outside the embassy on Friday.",
    "The village lies 20 kilometres from the border.",
    "Ivo Brand was questioned in 2016 but was never charged.",
    "The group had not obtained permission for the march, officers said.",
    # negated facts told by victims and monitors, and look-alikes of the rebuttal cues
    "He said he was never given a reason for his arrest.",
    "The families were not offered any alternative housing.",
    "Relatives said he had not been given any medicine.",
    "There was no running water in the cells, the report says.",
    "Nobody believed us when we said we had done nothing, he said.",
    "All they want is to live in peace, her mother said.",
    "Journalists working for foreign media were expelled.",
    "Refugees returned to their own countries last year.",
    "Other projects in the Safe and Sound Plan were assessed.",
    "Military provocations continued along the border.",
    # 2026-11-21: look-alikes of the cues read off 81-90
    "He said the police had never detained him before.",
    "She had never lived in the capital before her arrest.",
    "The photographs were taken on Tuesday in the square.",
    "No operation to find the missing men has taken place, his brother said.",
    "He said one could not hold anyone for more than 48 hours without a judge's order.",
    "Nobody could find the men after they were detained, his brother said.",
    "Witnesses said no officer had warned the crowd before the shooting began.",
    "The old photographs of the village were shown at the hearing.",
    "She was called to give evidence on a false passport charge.",
    "The group said the officers had used force against the marchers.",
    # 2026-11-21 (EXTRACTOR_VERSION 16): look-alikes of the cues read off 131-140
    "Divers found no trace of the boat, the coast guard said.",
    "Ivo Brand said the search had found no sign of the missing men.",
    "Police do not need a warrant to stop a car, Ivo Brand said.",
    "Soldiers do not hold anyone longer than 48 hours without a court order, he said.",
    "The electoral commission rejected the opposition's request for a recount.",
    "Ivo Brand said he had been working elsewhere when the camp opened.",
    "He asked the court to name a new expert.",
    # 2026-11-21 (EXTRACTOR_VERSION 18): look-alikes of the cues read off 141-150
    "Cars produced abroad were taxed at a higher rate.",
    "The festival was staged for the first time in 1990.",
    "Nobody disappears from the list once registered, the clerk said.",
    "Men of that kind of age were called up.",
    # 2026-11-21 (EXTRACTOR_VERSION 19): look-alikes of the cues read off 151-160
    "The bus stands by the station every morning.",
    "The ferry left and there was no one to help the passengers with their bags.",
    "She made it up to the summit on the second day.",
    "He had never had a passport before his arrest, his sister said.",
    "The appeal was upheld by the supreme court.",
    "So much rain fell that the road was closed.",
])
def test_not_denials(body: str) -> None:
    got = one(body, ("Ivo Brand", P))
    assert not got.attribution.denial, got.attribution
    assert got.attribution.denied_by is None


# Counter-accounts: an official's answer to what the text reported (the first sentence).
@pytest.mark.parametrize(("claim", "answer", "denied_by"), [
    ("Police detained nine reporters.",
     "The Interior Ministry said the reporters had come to its offices voluntarily.",
     "Interior Ministry"),
    ("Prisoners were forced to sew shirts.",
     "Interior Minister Ivo Brand said the inmates were volunteers and could stop at any time.",
     "Ivo Brand"),
    ("Police raided the bar and detained 25 men.",
     "The Interior Ministry said the men had been let go after showing their papers.",
     "Interior Ministry"),
    ("Four students said officers beat them.",
     "The Interior Ministry said a doctor had found the students in good health.",
     "Interior Ministry"),
    ("At least 40 protesters were injured by rubber bullets.",
     "A police spokesman said the protesters had hurt themselves when they fell.", None),
    ("The blogger died in a police cell.",
     "The Interior Ministry said he had collapsed in his cell.", "Interior Ministry"),
    ("Detainees said meals were often limited to one a day.",
     "The Interior Ministry said every detainee received three meals a day.",
     "Interior Ministry"),
    ("The report described overcrowded prisons.",
     "Interior Minister Ivo Brand said conditions in the prisons met every European standard.",
     "Ivo Brand"),
    ("Police shot dead four miners.",
     "The Interior Ministry said the miners had attacked officers with stones.",
     "Interior Ministry"),
    ("Survivors said a patrol boat towed their dinghy out to sea.",
     "The Interior Ministry said the dinghy had been in international waters.",
     "Interior Ministry"),
    ("Ten activists have been missing since May.",
     "The Interior Ministry said several of them had crossed the border in search of work.",
     "Interior Ministry"),
    ("Ten activists have been missing since May.",
     "Several of them had crossed the border in search of work, the police said.", None),
    # 2026-11-23 (EXTRACTOR_VERSION 9)
    ("Guards beat the prisoners, the report says.",
     "Interior Minister Ivo Brand asked why, if the beatings were so brutal, nobody had seen a "
     "doctor.", "Ivo Brand"),
    ("Guards beat the prisoners, the report says.",
     "The Interior Ministry said the photograph had been taken years ago in another country.",
     "Interior Ministry"),
    ("Guards beat the prisoners, the report says.",
     "The Interior Ministry said the report rested on anonymous sources.", "Interior Ministry"),
    ("Guards beat the prisoners, the report says.",
     'Interior Minister Ivo Brand said the prison had "no punishment cells, only quiet rooms".',
     "Ivo Brand"),
    ("Police beat the marchers, witnesses said.",
     "Interior Minister Ivo Brand said nobody had been hurt.", "Ivo Brand"),
    ("Police beat the marchers, witnesses said.",
     "Interior Minister Ivo Brand said his officers had come under fire from the crowd.",
     "Ivo Brand"),
    ("Police detained eleven fishermen overnight.",
     "Interior Minister Ivo Brand said the men were asked for their papers and sent home.",
     "Ivo Brand"),
    ("Three detainees died in the centre.",
     "The Interior Ministry said the deaths had natural causes.", "Interior Ministry"),
    # 2026-11-21 (EXTRACTOR_VERSION 12)
    ("Police detained 40 marchers, witnesses said.",
     "The Interior Ministry says only 37 people were briefly held for identity checks.",
     "Interior Ministry"),
    ("A trader died in police custody, his family said.",
     "The Interior Ministry said he had been taken ill in his cell.", "Interior Ministry"),
    ("Police beat the trader, his family said.",
     "The Interior Ministry said he had resisted lawful instructions.", "Interior Ministry"),
    ("Police beat the marchers, witnesses said.",
     'A spokesman for the Interior Ministry said the marchers had been "nowhere near the '
     'square".', None),  # an unnamed spokesman is no one (as a speaker)
    # 2026-11-21 (EXTRACTOR_VERSION 16)
    ("Police detained 40 men in March, the network said.",
     "The Interior Ministry said all of them were released after routine checks.",
     "Interior Ministry"),
    ("Three migrants died in the lorry, the coroner heard.",
     'The Interior Ministry said its officers had "followed every procedure".',
     "Interior Ministry"),
    ("Police beat the reporter in custody, her lawyer said.",
     'Interior Minister Ivo Brand said she was questioned "with full respect for her '
     'rights".', "Ivo Brand"),
    ("Twelve men died at the border crossing, the coroner heard.",
     'Interior Minister Ivo Brand said the deaths were "the work of traffickers".',
     "Ivo Brand"),
    # 2026-11-21 (EXTRACTOR_VERSION 18)
    ("Men were held for weeks in the compound in Argun, witnesses said.",
     "Interior Minister Ivo Brand said it was an ordinary police base that journalists were "
     "welcome to visit.", "Ivo Brand"),
    ("The reporter has been missing since May, and witnesses saw him forced into a van.",
     'Interior Minister Ivo Brand said the van "was a taxi, nothing more".', "Ivo Brand"),
    ("The reporter has been missing since May, his family said.",
     'Interior Minister Ivo Brand said he "is not and has never been" in the custody of any '
     "state body.", "Ivo Brand"),
    ("The reporter was detained in May, his family said.",
     "Interior Minister Ivo Brand said the police had no record of detaining him.",
     "Ivo Brand"),
    # 2026-11-21 (EXTRACTOR_VERSION 19): an accident or an illness did it
    ("The student died in a police cell, his friends said.",
     "Police say he was found dead in his cell and that the cause was an asthma attack.", None),
    ("Police beat the teacher in custody, the union said.",
     "The Interior Ministry said his injuries came from a fall on the steps of a police van.",
     "Interior Ministry"),
    ("Two men died when police charged the crowd, their families said.",
     "Interior Minister Ivo Brand told parliament the two men were crushed in a stampede "
     "started by protesters.", "Ivo Brand"),
    ("A protester died after police beat him with batons, witnesses said.",
     'Interior Minister Ivo Brand said he had "collapsed from exhaustion".', "Ivo Brand"),
    ("Officers beat him until his finger broke, his lawyer said.",
     "Interior Minister Ivo Brand said he had trapped it in the door of his cell.",
     "Ivo Brand"),
    ("Police held him for nine days and beat him, his cousin said.",
     "His family was told by Interior Minister Ivo Brand that he had died of a heart attack.",
     "Ivo Brand"),
])
def test_an_officials_counter_account_is_a_denial(claim: str, answer: str,
                                                  denied_by: str | None) -> None:
    got = one(f"{claim} {answer}", ("Ivo Brand", P), ("Interior Ministry", ORG))
    assert got.attribution.denial, got.attribution
    assert got.denied_by == denied_by, got.attribution


@pytest.mark.parametrize("body", [
    # the same words from someone who is not an official
    "Police detained nine reporters. Ivo Brand said he had come to the office voluntarily.",
    "Four students said officers beat them. The charity said the students were in good health.",
    "Police shot dead four miners. Witnesses said the miners had attacked officers with stones.",
    # from an official, with nothing in the text for them to answer
    "The Interior Ministry said the president was in good health.",
    "Thousands of workers went abroad in search of work, the Interior Ministry said.",
    "The Interior Ministry said the new hospital met every European standard.",
    "The Interior Ministry said the frigate had been in international waters.",
    # no verb of saying, or not the state's use of force
    "Two months later, he died of natural causes, most likely a heart attack.",
    "The senator hurt herself last month by stumbling through questions.",
    "Police detained him. The protesters had not used weapons, witnesses said.",
    # a record, not a denial
    "Police told the family he had never been arrested before.",
    # 2026-11-23: the harm is in the sentence itself, not reported before it; a lawyer is not
    # the accused side, whatever the words of her title
    "Interior Minister Ivo Brand said no one was hurt in the fire.",
    "Police detained him. The defence lawyer Ivo Brand said he had been asked for his papers.",
    # 2026-11-21: keeping to the rules from someone who is not the accused side
    "Police detained him. Ivo Brand said his lawyers had followed every procedure.",
    # 2026-11-21 (EXTRACTOR_VERSION 18): a relative without records; an official who cannot
    # say, does not deny or has not replied
    "The reporter was detained in May. His sister said there was no record of his arrest.",
    "Police evicted 38 families and demolished their homes, residents said. Police beat two "
    "men. Interior Minister Ivo Brand said he could not say how many families had accepted "
    "the offer.",
    "Police held the detainees in the yard, and beat them, and two were arrested again. "
    "Interior Minister Ivo Brand did not deny that detainees had been kept in the yard, saying "
    "the cells had been full.",
    "Police detained 40 men, beat them and tortured them, the network said. The Interior "
    "Ministry had not replied by the time of publication.",
    # 2026-11-21 (EXTRACTOR_VERSION 19): an accident told by a witness, or with no harm to
    # answer
    "Police beat the marchers, witnesses said. A marcher said she slipped on the steps of the "
    "van while running.",
    "The Interior Ministry said the old minister had died after an asthma attack.",
])
def test_counter_accounts_need_an_official_and_a_claim_to_answer(body: str) -> None:
    got = one(body, ("Ivo Brand", P), ("Interior Ministry", ORG))
    assert not got.attribution.denial, got.attribution


# --- hedges -----------------------------------------------------------------------------------


@pytest.mark.parametrize("body", [
    "The prisoners were reportedly moved at night.",
    "The prisoners were allegedly moved at night.",
    "Relatives of the alleged victims gathered outside.",
    "Several witnesses have alleged that the prisoners were moved.",
    "A video, apparently filmed in the camp, shows a cell.",
    "The men appeared to have been beaten.",
    "A man who claims to have been held there spoke to reporters.",
    "The ministry claimed that the prisoners had been released.",
    "Dozens of people are feared dead after the flood.",
    "The officer said the fire may have been started deliberately.",
    "The ministry suggested it might have been a joke.",
])
def test_hedged(body: str) -> None:
    got = one(body)
    assert got.attribution.hedged, got.attribution
    assert got.attribution.cues


@pytest.mark.parametrize("body", [
    "Police detained 40 men suspected of being gay.",
    "The allegations were first published in March.",
    "The claims were rejected by the ministry.",
    "He said he was afraid of what they might do to his family.",
    "The men were released in May.",
    "May was the worst month for the families.",
    "The prisoners were moved at night, the guard said.",
    "The rebels claimed responsibility for the attack.",
])
def test_not_hedged(body: str) -> None:
    assert not one(body).attribution.hedged


# --- remarks that give no information -------------------------------------------------------


@pytest.mark.parametrize("body", [
    "The Kremlin said it had no reliable information about the detention of gay men.",
    "Peskov said there was as yet no information to confirm the reports.",
    "Police in Hesk said they had no record of the three activists being arrested.",
    "The ministry declined to comment on the report.",
    "A police spokesman would not comment.",
    "The governor's office did not respond to questions about the arrests.",
    "The border service declined to say how many people it had stopped.",
    "Keystone Wire could not independently confirm the death toll.",
    '"We have no information," the spokesman said.',
])
def test_a_remark_that_gives_no_information(body: str) -> None:
    got = one(body)
    assert got.attribution.noncommittal, got.attribution
    assert not got.attribution.denial


@pytest.mark.parametrize("body", [
    # what a relative or a monitor reports of a missing man is evidence of his disappearance
    "His mother said she had no information about his whereabouts.",
    # the sentence says something besides
    "Mira Tal said her group had credible accounts of new detentions but could not yet "
    "confirm how many people were held.",
    "A police spokesman declined to comment, but said 40 men had been questioned.",
    '"With no significant data releases this week, attention is on trade," said Mira Tal.',
    # a denial stays a denial
    "The spokesman said the reports were lies and that he had no information about any "
    "detentions.",
    "Police detained 40 men suspected of being gay.",
])
def test_not_a_remark_that_gives_no_information(body: str) -> None:
    assert not one(body).attribution.noncommittal


# --- quotes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("body", "quoted"), [
    ('"We were beaten every day," said Mira Tal.', True),
    ("“We were beaten every day,” she said.", True),
    ("‘We were beaten every day,’ she said.", True),
    ('Mira Tal said the guards were "cruel beyond words".', True),
    ('She was fined for holding a sign that read "Let them go".', True),
    ("Clerics adopted a resolution promising “punishment” for the reporters.", True),
    ('The so-called "foreign agents" law was passed in 2012.', False),
    ("Mira Tal said the guards were cruel.", False),
])
def test_quoted(body: str, quoted: bool) -> None:
    assert one(body, ("Mira Tal", P)).attribution.quoted is quoted


# --- shape ------------------------------------------------------------------------------------


def test_one_attribution_per_sentence_and_nothing_for_plain_prose() -> None:
    got = read("The river rose overnight.\n\nBy morning the bridge was closed.")
    assert len(got) == 2
    assert all(r.attribution == Attribution() for r in got)


def test_empty_body() -> None:
    doc = parse("")
    assert attribute(doc, sentences(doc), [], [], None) == []


def test_entities_without_mentions_and_mentions_inside_tokens() -> None:
    """Mentions need not line up with tokens, and entities need not be mentioned."""
    body = "The Oslo-based group Nordwatch said 40 men were held."
    doc = parse(body)
    entities = [LocalEntity(0, "Oslo", L, ("Oslo",)), LocalEntity(1, "Nordwatch", ORG,
                                                                  ("Nordwatch",)),
                LocalEntity(2, "Unused", P, ("Unused",))]
    mentions = [Mention(4, 8, "Oslo", 0), Mention(21, 30, "Nordwatch", 1)]
    (got,) = attribute(doc, sentences(doc), mentions, entities, None)
    assert got.speaker == 1


def test_cue_offsets_survive_odd_spacing_and_case_folding() -> None:
    """Cues are matched on a normalised copy of the sentence; their units must still be found
    when normalising changed its length (runs of spaces, "İ")."""
    got = one("Aid workers in İzmir  said the camps were  full.  Ivo Brand said the  report "
              "from İzmir was   a fabrication.", ("Ivo Brand", P), ("İzmir", L))
    assert got.attribution.denial
    assert got.denied_by == "Ivo Brand"


def test_outlets_named_by_a_media_noun_or_an_outlet_word_are_cited_sources() -> None:
    """ "The news site Open Door reported" and "the Record said" (short for the Tarsenian
    Record) cite an outlet: the fact is that outlet's, not the writer's own."""
    body = ("The news site Open Door reported last week that officers in the city had "
            "blackmailed at least 17 gay men. Nadira Sefer is being held by State Security, "
            "the Tarsenian Record reported on Saturday. The Record also said that State "
            "Security had placed her on a list of lawyers it regarded as hostile.")
    found = extract_document(body, document_id="d", published=None, outlet="Harrow Point News")
    sources = [found.entities[s.attribution.source].name if s.attribution.source is not None
               else None for s in found.statements]
    assert sources == ["Open Door", "Tarsenian Record", "Tarsenian Record"]
    assert all(found.entities[s.attribution.source].media for s in found.statements
               if s.attribution.source is not None)


# 2026-11-22 (EXTRACTOR_VERSION 21): what the retired holdout 161-170 missed


def test_the_outlet_speaks_on_its_own_record_by_name_or_as_we() -> None:
    reads = read("We reported on 3 May that two reporters had been detained in Orvel. The "
                 "Courier said on Friday that one of them had been released. It said the "
                 "police had beaten the other.", ("Coastline Courier;Courier", ORG, True),
                 outlet="Coastline Courier")
    assert [r.speaker for r in reads] == ["Coastline Courier", "Coastline Courier", None]
    assert all(r.source is None for r in reads)


def test_the_force_is_the_police_named_and_have_since_said() -> None:
    reads = read("Tessby District Police have since said that 46 people were held. The force "
                 "says one man was taken ill in a van.", ("Tessby District Police", ORG))
    assert [r.speaker for r in reads] == ["Tessby District Police", "Tessby District Police"]
