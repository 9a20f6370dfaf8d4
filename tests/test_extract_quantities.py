"""Quantities: counts of people or things with their qualifier (docs/events.md, "Quantities";
tests/data/extraction/README.md, "quantity"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from dossier.extract.quantities import first_quantity, quantities


def q(sentence: str) -> tuple[str, int | None, int | None, str] | None:
    found = first_quantity(sentence)
    if found is None:
        return None
    assert sentence[found.start:found.end] == found.text
    return found.text, found.low, found.high, found.qualifier


@pytest.mark.parametrize(("sentence", "expected"), [
    # the README's table
    ("Troops detained 43 villagers at dawn.", ("43", 43, 43, "exactly")),
    ("One hundred students signed the letter.", ("One hundred", 100, 100, "exactly")),
    ("Nine fishermen were rescued.", ("Nine", 9, 9, "exactly")),
    ("Three have died since the fire.", ("Three", 3, 3, "exactly")),
    ("About 8,000 residents lost their homes.", ("About 8,000", 8000, 8000, "about")),
    ("Around 70 miners were trapped.", ("Around 70", 70, 70, "about")),
    ("Some 2,300 families were moved.", ("Some 2,300", 2300, 2300, "about")),
    ("Roughly 90 ballots went missing.", ("Roughly 90", 90, 90, "about")),
    ("About a dozen guards stood outside.", ("About a dozen", 12, 12, "about")),
    ("At least 250 protesters were injured.", ("At least 250", 250, None, "at least")),
    ("Police held more than a hundred people.",
     ("more than a hundred", 100, None, "more than")),
    ("The group counted more than two dozen victims.",
     ("more than two dozen", 24, None, "more than")),
    ("More than 4.5 million people voted.",
     ("More than 4.5 million", 4_500_000, None, "more than")),
    ("Over 60 schools were closed.", ("Over 60", 60, None, "more than")),
    ("Fewer than 15 lawyers are allowed to practise.", ("Fewer than 15", None, 15, "fewer than")),
    ("The boat carried up to 400 passengers.", ("up to 400", None, 400, "up to")),
    ("Between 40 and 50 houses burned.", ("Between 40 and 50", 40, 50, "between")),
    ("Dozens of nurses walked out.", ("Dozens", 24, None, "dozens")),
    ("Hundreds of teachers joined them.", ("Hundreds", 200, None, "hundreds")),
    ("They were moved by the hundreds of thousands.",
     ("hundreds of thousands", 200_000, None, "hundreds")),
    ("Several women were questioned.", ("Several", 3, None, "several")),
    ("Only 12 doctors remain in the town.", ("12", 12, 12, "exactly")),
    ("A dozen cameras were seized.", ("A dozen", 12, 12, "exactly")),
    ("Two dozen monks were expelled.", ("Two dozen", 24, 24, "exactly")),
    ("The harvest reached 1,500 tonnes.", ("1,500", 1500, 1500, "exactly")),
    ("at least one reporter was hurt.", ("at least one", 1, None, "at least")),
    # our own conventions
    ("Nearly 30 monitors were expelled.", ("Nearly 30", 30, 30, "about")),
    ("As many as 70 people drowned.", ("As many as 70", None, 70, "up to")),
    ("Tens of thousands of people fled.", ("Tens of thousands", 20_000, None, "at least")),
    ("Thousands of people fled.", ("Thousands", 2_000, None, "at least")),
    ("Twenty or more cars were burned.", ("Twenty or more", 20, None, "at least")),
    ("Twenty-five students were expelled.", ("Twenty-five", 25, 25, "exactly")),
    ("Between two and three million people were displaced.",
     ("Between two and three million", 2_000_000, 3_000_000, "between")),
    ("In 2021, 2,000 people were displaced.", ("2,000", 2000, 2000, "exactly")),
    ("Half a dozen cars were torched.", ("Half a dozen", 6, 6, "exactly")),
    # 2026-11-21: "several" before a scale, and "higher than"
    ("The group helped several dozen men to leave.", ("several dozen", 36, None, "several")),
    ("Several hundred people were detained.", ("Several hundred", 300, None, "several")),
    ("The real number of detentions is higher than 100.",
     ("higher than 100", 100, None, "more than")),
    # an age after "who is" is passed over for the count that follows it
    ("The guard, who is 31 and was not named, said about 25 men were held.",
     ("about 25", 25, 25, "about")),
])
def test_counts(sentence: str, expected: tuple[str, int | None, int | None, str]) -> None:
    assert q(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "He was held for 12 days in a cell.",
    "She has covered the region for more than a decade.",
    "The vote was postponed for several hours.",
    "They face up to 10 years in prison.",
    "A 31-year-old nurse and a 60-page report.",
    "The blockade created a three-kilometre zone.",
    "The army imposed a 24-hour curfew.",
    "He was arrested on 14 May and released on June 3.",
    "The law was passed in 2015.",
    "The 2019 elections were disputed.",
    "The agency paid $4 million and 300 euros.",
    "Prices rose three times in a month.",
    "Turnout was 45 percent, or 45% of voters.",
    "The rally started at 10 a.m. and ended at 14:30.",
    "Article 19 and Resolution 1325 were cited.",
    "It was the third raid this year.",
    "In the 1990s the town was empty.",
    "One man said no one had been hurt.",
    "One of the lawyers spoke to reporters.",
    "The clinic is at No. 7 on the main road.",
    "Mira Kovac, 34, was released.",
    "The victims, aged 19 and 22, were students.",
    "Several international groups signed the petition.",
    "Hundreds of years of history were lost.",
    "He was told twice to leave.",
    "One in five children is underweight.",
    "There is no number in this sentence.",
    "",
])
def test_not_counts(sentence: str) -> None:
    assert first_quantity(sentence) is None


def test_durations_are_skipped_not_ending_the_search() -> None:
    sentence = "After 90 days in detention, 14 activists were freed."
    assert q(sentence) == ("14", 14, 14, "exactly")


def test_all_counts_in_order_with_offsets() -> None:
    sentence = "Nearly 40 journalists, up to 750 migrants and fewer than 20 children were held."
    found = quantities(sentence)
    assert [(x.text, x.low, x.high, x.qualifier) for x in found] == [
        ("Nearly 40", 40, 40, "about"),
        ("up to 750", None, 750, "up to"),
        ("fewer than 20", None, 20, "fewer than"),
    ]
    assert all(sentence[x.start:x.end] == x.text for x in found)


def test_several_of_them_and_several_people_count() -> None:
    assert q("Several of them fled abroad.") == ("Several", 3, None, "several")
    assert q("Officers beat several young men.") == ("several", 3, None, "several")


def test_curly_punctuation_and_unicode() -> None:
    sentence = "“Around 200 people,” she said, “were taken to the stadium.”"
    assert q(sentence) == ("Around 200", 200, 200, "about")
