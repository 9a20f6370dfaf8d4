"""Dates in one sentence (`dossier.extract.dates`), on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from dossier.extract.dates import find_dates, find_document_dates
from dossier.extract.records import DateMention, Precision

# A Thursday.
PUBLISHED = dt.date(2021, 6, 10)


def triples(sentence: str, published: dt.date | None = PUBLISHED,
            anchor: DateMention | None = None) -> list[tuple[str, str | None, str]]:
    return [(d.text, d.value, d.precision.value) for d in find_dates(sentence, published, anchor)]


# ---------------------------------------------------------------- weekdays


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The mayor resigned on Monday after weeks of protests.", "2021-06-07"),
        ("Police raided the newsroom on Thursday, the union said.", "2021-06-10"),  # same day
        ("The ministry replied on Friday that it had no record of him.", "2021-06-04"),
        ("Troops fired on the crowd on Sunday evening.", "2021-06-06"),
        ("Shops stayed shut early on Wednesday across the capital.", "2021-06-09"),
    ],
)
def test_weekday_is_the_latest_such_day_on_or_before_publication(
    sentence: str, expected: str
) -> None:
    (found,) = find_dates(sentence, PUBLISHED)
    assert found.value == expected
    assert found.precision is Precision.DAY
    assert found.text in {"Monday", "Thursday", "Friday", "Sunday", "Wednesday"}


def test_weekday_with_last_and_next() -> None:
    assert triples("Last Thursday, a cousin called him from abroad.") == [
        ("Last Thursday", "2021-06-03", "day")
    ]
    assert triples("Activists plan a vigil next Tuesday outside the court.") == [
        ("next Tuesday", "2021-06-15", "day")
    ]


def test_weekday_names_that_are_not_days() -> None:
    assert triples("The Sunday Times said the talks had failed.") == []
    assert triples("Pilgrims gathered for Good Friday in the old city.") == []
    assert triples("The market opens every Saturday and on Sundays.") == []


# ---------------------------------------------------------------- explicit dates


def test_explicit_dates_keep_their_year() -> None:
    assert triples("The decree was signed on 3 October 2016 in the capital.") == [
        ("3 October 2016", "2016-10-03", "day")
    ]
    assert triples("Reporters first raised the case on March 2, 2019, officials said.") == [
        ("March 2, 2019", "2019-03-02", "day")
    ]
    assert triples("The mine closed in November 2008 after a collapse.") == [
        ("November 2008", "2008-11", "month")
    ]


def test_bare_day_and_month_default_to_the_past() -> None:
    assert triples("She was arrested on 14 April at her home.") == [
        ("14 April", "2021-04-14", "day")
    ]
    assert triples("The camp was opened in September by the army.") == [
        ("September", "2020-09", "month")
    ]
    assert triples("Dozens have been detained since early June.") == [
        ("early June", "2021-06", "month")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The hearing was adjourned until 2 February.", ("2 February", "2022-02-02", "day")),
        ("The verdict is due on 20 June.", ("20 June", "2021-06-20", "day")),
        ("The inquiry is expected to last until late October.",
         ("late October", "2021-10", "month")),
        ("In March, the assembly will vote on the bill.", ("March", "2022-03", "month")),
    ],
)
def test_future_cues_point_forward(sentence: str, expected: tuple[str, str, str]) -> None:
    assert triples(sentence) == [expected]


def test_a_past_reporting_verb_or_a_quote_stops_the_future_cue() -> None:
    assert triples('"We will keep fighting," the lawyer said on 5 March.') == [
        ("5 March", "2021-03-05", "day")
    ]
    assert triples("The court will hear the appeal, a lawyer said on 5 March.") == [
        ("5 March", "2021-03-05", "day")
    ]


def test_range_end_follows_its_start() -> None:
    published = dt.date(2021, 4, 20)
    assert triples("The men were held from January until March in a barracks.", published) == [
        ("January", "2021-01", "month"),
        ("March", "2021-03", "month"),
    ]


def test_months_in_lists() -> None:
    assert triples("Protests spread in April, May and June.") == [
        ("April", "2021-04", "month"),
        ("May", "2021-05", "month"),
        ("June", "2021-06", "month"),
    ]


def test_modifiers_are_kept_in_the_text() -> None:
    assert triples("The raids began in mid-February and ended in late March.") == [
        ("mid-February", "2021-02", "month"),
        ("late March", "2021-03", "month"),
    ]
    assert triples("The statute was rewritten in late 2012.") == [("late 2012", "2012", "year")]


# ---------------------------------------------------------------- relative expressions


def test_last_month_name_is_the_year_before_publication() -> None:
    assert triples("The monitors counted 60 cases since last July.") == [
        ("last July", "2020-07", "month")
    ]
    assert triples("The same thing happened last June.") == [("last June", "2020-06", "month")]


def test_relative_months_and_years() -> None:
    assert triples("The envoy visited the region last month.") == [
        ("last month", "2021-05", "month")
    ]
    assert triples("Earlier this year, the parliament passed the bill.") == [
        ("Earlier this year", "2021", "year")
    ]
    assert triples("Arrests rose sharply during last year's campaign.") == [
        ("last year", "2020", "year")
    ]
    assert triples("A second trial is scheduled for next month.") == [
        ("next month", "2021-07", "month")
    ]
    assert triples("The river flooded in October last year.") == [
        ("October last year", "2020-10", "month")
    ]
    assert triples("Clinics have treated 80 people since the start of the month.") == [
        ("the start of the month", "2021-06", "month")
    ]


def test_ago_and_away() -> None:
    assert triples("A year ago, the group had a single office.") == [
        ("A year ago", "2020", "year")
    ]
    assert triples("With the vote just one month away, rallies were banned.") == [
        ("just one month away", "2021-07", "month")
    ]


def test_the_next_day_counts_from_the_date_just_named() -> None:
    assert triples("He was detained on 2 May and freed the next day.") == [
        ("2 May", "2021-05-02", "day"),
        ("the next day", "2021-05-03", "day"),
    ]
    anchor = DateMention(0, 8, "Saturday", "2021-06-05", Precision.DAY)
    assert triples("The next day, his lawyer filed a complaint.", anchor=anchor) == [
        ("The next day", "2021-06-06", "day")
    ]
    assert triples("The next day, his lawyer filed a complaint.") == [
        ("The next day", None, "day")
    ]


def test_the_next_day_skips_a_coarser_date_named_in_between() -> None:
    anchor = DateMention(0, 6, "4 June", "2021-06-04", Precision.DAY)
    assert triples(
        "He had moved to the city two years ago and was due to sing there the next day.",
        anchor=anchor,
    ) == [("two years ago", "2019", "year"), ("the next day", "2021-06-05", "day")]


def test_document_dates_thread_the_anchor() -> None:
    found = find_document_dates(
        ["Police broke up the march on Tuesday.", "The next day, 30 people were charged."],
        PUBLISHED,
    )
    assert [[(d.text, d.value) for d in dates] for dates in found] == [
        [("Tuesday", "2021-06-08")],
        [("The next day", "2021-06-09")],
    ]


# ---------------------------------------------------------------- years and numbers


def test_years_in_date_contexts() -> None:
    assert triples("He has ruled the province since 2004 and was re-elected by 2019.") == [
        ("2004", "2004", "year"),
        ("2019", "2019", "year"),
    ]
    assert triples("Survivors of the 1995 massacre met the envoy.") == [
        ("1995", "1995", "year")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The petition gathered 2,000 signatures in a week.",
        "About 2000 people marched through the centre.",
        "Officers detained 100 men and a 25-year-old woman.",
        "The government published Agenda 2030 without consulting anyone.",
        "The file is online at rights.example/2019/report.",
        "Exiles who left in the 1990s have not returned.",
    ],
)
def test_numbers_that_are_not_years(sentence: str) -> None:
    assert triples(sentence) == []


# ---------------------------------------------------------------- not dates


@pytest.mark.parametrize(
    "sentence",
    [
        "He was held for 12 days in a cellar.",
        "In the past two weeks, 40 families fled the valley.",
        "Police said 45 people were arrested overnight.",
        "The number of raids has grown in recent months.",
        "Thousands of students leave to pick cotton each autumn.",
        "Over the last year, the monitors documented 300 cases.",
        "The radio station called it an April Fool's joke.",
        "Prime Minister Theresa May said the talks may resume.",
        "He left on the same day, three days after his arrest.",
    ],
)
def test_not_dates(sentence: str) -> None:
    assert triples(sentence) == []


# ---------------------------------------------------------------- undated documents


def test_undated_document() -> None:
    assert triples("She was seized on 28 February outside her flat.", None) == [
        ("28 February", "--02-28", "day")
    ]
    assert triples("He reached the border in early May.", None) == [
        ("early May", "--05", "month")
    ]
    assert triples("Last Wednesday, he says, a friend wrote to him.", None) == [
        ("Last Wednesday", None, "day")
    ]
    assert triples("The judge jailed two reporters last year.", None) == [
        ("last year", None, "year")
    ]
    assert triples("The law was passed in late 2013.", None) == [("late 2013", "2013", "year")]
    anchor = DateMention(0, 0, "28 February", "--02-28", Precision.DAY)
    assert triples("He was moved the next day.", None, anchor) == [
        ("the next day", "--03-01", "day")
    ]


# ---------------------------------------------------------------- offsets and formats


def test_offsets_are_relative_to_the_sentence() -> None:
    sentence = "Witnesses said the shooting began on Friday night near the square."
    (found,) = find_dates(sentence, PUBLISHED)
    assert sentence[found.start : found.end] == found.text == "Friday"


def test_numeric_and_iso_dates() -> None:
    assert triples("The order, dated 12/03/2021, was leaked.") == [
        ("12/03/2021", "2021-03-12", "day")
    ]
    assert triples("The log entry reads 2020-11-05.") == [("2020-11-05", "2020-11-05", "day")]


def test_impossible_days_are_dropped() -> None:
    assert triples("Officials insisted nothing happened on 31 June.") == []
    assert triples("She was freed on 29 February 2020.") == [
        ("29 February 2020", "2020-02-29", "day")
    ]


def test_datetime_publication_is_accepted() -> None:
    stamp = dt.datetime(2021, 6, 10, 15, 30)
    assert triples("The strike began on Monday.", stamp) == [("Monday", "2021-06-07", "day")]
