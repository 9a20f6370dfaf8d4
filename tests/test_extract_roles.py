"""Stated roles of people (dossier.extract.roles), through the real `extract_document`, on
sentences written for these tests: titles, a role before the name, appositions after it, a role
before the name and a comma, the holder of the office; and the near misses that must give no
role, because a role decides who is an official and officials are never suggested for
protection (protect/people.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from dossier.extract import extract_document
from dossier.protect.people import OFFICE_WORDS

Stated = tuple[str, str, str | None]  # (person, role, holder) by entity name


def roles(body: str) -> set[Stated]:
    found = extract_document(body, document_id="roles", published=dt.date(2024, 5, 2),
                             outlet="Harrow Point News")
    names = {e.index: e.name for e in found.entities}
    return {(names[r.entity], r.role, None if r.of is None else names[r.of])
            for r in found.roles}


def roles_of(body: str, person: str) -> set[tuple[str, str | None]]:
    return {(role, holder) for name, role, holder in roles(body) if name == person}


# --- titles and a role right before the name --------------------------------------------------


def test_a_title_and_its_demonym() -> None:
    body = ("Lithuanian Interior Minister Agne Bilotaite spoke in Vilnius, the capital of "
            "Lithuania, on Monday.")
    assert roles_of(body, "Agne Bilotaite") == {("interior minister", "Lithuania")}


def test_a_title_with_no_holder_named_has_none() -> None:
    # the text names no country: the holder is not guessed from the rest of the story
    body = "Protests spread across Talvena. Interior Minister Baran Okal said order was restored."
    assert roles_of(body, "Baran Okal") == {("interior minister", None)}


def test_a_role_noun_before_the_name_with_an_organisation_in_front() -> None:
    body = ("Amnesty International said on Friday that it had written to the governor. "
            "Amnesty International researcher Dana Morrow said the letter went unanswered.")
    assert roles_of(body, "Dana Morrow") == {("researcher", "Amnesty International")}


def test_a_multi_word_role_before_the_name() -> None:
    body = ("The protest in Kelmor was broken up by riot police. The deputy interior minister "
            "Oskar Velt told reporters that nobody had been hurt.")
    assert roles_of(body, "Oskar Velt") == {("deputy interior minister", None)}


def test_a_role_at_the_start_of_a_sentence_keeps_its_first_word() -> None:
    body = "Police chief Armin Tesk said the men had been released after questioning."
    assert roles_of(body, "Armin Tesk") == {("police chief", None)}


def test_a_possessive_before_the_role() -> None:
    body = ("The Kremlin said little. Vladimir Putin's spokesman Dmitry Peskov told reporters "
            "that the reports were unverified.")
    assert roles_of(body, "Dmitry Peskov") == {("spokesman", "Vladimir Putin")}


def test_a_plural_role_before_a_list_of_names() -> None:
    body = ("Among those named were the poets Lina Varga and Tomas Rell, who both live abroad, "
            "and several editors.")
    assert roles(body) >= {("Lina Varga", "poet", None), ("Tomas Rell", "poet", None)}


# --- appositions after the name ----------------------------------------------------------------


def test_an_apposition_with_a_person_as_holder() -> None:
    body = ("Arslan Vedov, the spokesman for the regional leader Ruslan Tamayev, dismissed the "
            "report as lies.")
    assert roles_of(body, "Arslan Vedov") == {("spokesman", "Ruslan Tamayev")}
    assert roles_of(body, "Ruslan Tamayev") == {("regional leader", None)}


def test_an_apposition_with_a_country_possessive_and_a_multi_word_role() -> None:
    body = ("Nadia Orlova, Lithuania's human rights commissioner, said she had asked prosecutors "
            "to look into the complaints.")
    assert roles_of(body, "Nadia Orlova") == {("human rights commissioner", "Lithuania")}


def test_an_apposition_with_an_organisation_after_for() -> None:
    body = ("Paul Grady, a correspondent for The Harbour Herald, was held for six hours at the "
            "border.")
    assert roles_of(body, "Paul Grady") == {("correspondent", "The Harbour Herald")}


def test_an_apposition_with_a_titled_holder_in_the_possessive() -> None:
    body = ("Ivan Sorokin, President Putin's press secretary, said the Kremlin had no "
            "information.")
    assert ("press secretary", "Putin") in roles_of(body, "Ivan Sorokin")


def test_an_apposition_that_points_back_at_the_country() -> None:
    body = ("Riots broke out in Lithuania last week. Mara Juska, the country's foreign "
            "minister, called for calm.")
    assert roles_of(body, "Mara Juska") == {("foreign minister", "Lithuania")}


def test_an_apposition_that_points_back_at_the_group() -> None:
    body = ("The Kestrel Rights Network said it had documented 40 cases. Ilse Marr, the "
            "network's director, said many more had gone unreported.")
    assert roles_of(body, "Ilse Marr") == {("director", "Kestrel Rights Network")}


def test_of_the_republic_points_back_at_the_region() -> None:
    body = ("Men were detained in Chechnya in March. Ramzan Kadyrov, the head of the republic, "
            "called the reports lies.")
    assert roles_of(body, "Ramzan Kadyrov") == {("head", "Chechnya")}


def test_a_profession_takes_no_place_as_its_holder() -> None:
    body = "The report was written by the Austrian law professor Wolfgang Benedek in Vienna."
    assert roles_of(body, "Wolfgang Benedek") == {("law professor", None)}


def test_an_apposition_after_an_age() -> None:
    body = "Murad Aliev, 31, a driver, said he had been held for twelve days."
    assert roles_of(body, "Murad Aliev") == {("driver", None)}


def test_an_apposition_closed_by_a_relative_clause() -> None:
    body = "Nadia Fares, a lawyer who represents several detainees, said 60 men were on strike."
    assert roles_of(body, "Nadia Fares") == {("lawyer", None)}


def test_a_portfolio_after_the_role_noun() -> None:
    body = "Umar Dzhabrailov, the minister for information, called the claims a provocation."
    assert roles_of(body, "Umar Dzhabrailov") == {("minister for information", None)}


# --- a role before the name and a comma --------------------------------------------------------


def test_a_role_with_its_holder_before_the_name_and_a_comma() -> None:
    body = ("A spokesman for Mr. Tamayev, Arslan Vedov, told the Interfax news agency that no "
            "one had been detained.")
    assert roles_of(body, "Arslan Vedov") == {("spokesman", "Tamayev")}


def test_its_role_before_the_name_points_at_the_last_organisation() -> None:
    body = ("The Russian LGBT Network opened a hotline in April. Its chairman, Igor Kochetkov, "
            "said dozens of men had called.")
    assert roles_of(body, "Igor Kochetkov") == {("chairman", "Russian LGBT Network")}


def test_a_rank_gives_way_to_the_stated_role() -> None:
    body = ("The prison's director, Colonel Anton Varkas, told local radio that the claims "
            "were false.")
    assert {role for role, _ in roles_of(body, "Anton Varkas")} == {"director"}


def test_a_plural_role_before_a_list_and_a_comma() -> None:
    body = ("The judge sentenced the officers, Peter Oke and Yusuf Danjuma, to eight years in "
            "prison.")
    assert roles(body) >= {("Peter Oke", "officer", None), ("Yusuf Danjuma", "officer", None)}


def test_kin_with_whose_kin_it_is() -> None:
    body = ("Lena Dascu was arrested in March. Her sister, Sorina Dascu, said she had lost "
            "weight in prison.")
    assert roles_of(body, "Sorina Dascu") == {("sister", "Lena Dascu")}


# --- near misses: no role from a clause about something else -----------------------------------

NEAR_MISSES = [
    # the role belongs to the speaker of a parenthetical, not to the name
    ("Ali Musa, the officer said, had been beaten in the cell.", "Ali Musa"),
    ("Ali Musa, his lawyer said, was tortured with electric shocks.", "Ali Musa"),
    # a former office is not held
    ("Ali Musa, a former police officer, said he was beaten by guards.", "Ali Musa"),
    ("Former police chief Ali Musa said he was beaten by guards.", "Ali Musa"),
    # the role noun is someone else's: a relative, a possessive, a relative clause
    ("Ali Musa, whose brother is a police officer, said he was beaten.", "Ali Musa"),
    ("Ali Musa, a police officer's son, said he was beaten.", "Ali Musa"),
    ("Ali Musa, the son of a police officer, said he was beaten.", "Ali Musa"),
    ("Lena Dorsk, whose son Arvid Dorsk was among the dead, spoke to us.", "Arvid Dorsk"),
    ("Ali Musa, a driver who was stopped by a police officer, said he was beaten.", "Ali Musa"),
    # the role phrase ends a fronted adverbial; the name starts the main clause
    ("After calling a lawyer, Ali Musa, a driver from Grozny, was detained again.", "Ali Musa"),
    ("According to a police officer, Ali Musa, 31, was beaten in custody.", "Ali Musa"),
    ("When he saw the police chief, Ali Musa ran.", "Ali Musa"),
    # a role noun before a name that does not close: not an apposition
    ("He was beaten by a police officer, Ali Musa said.", "Ali Musa"),
    # a role noun that ends another noun phrase
    ("The officer took Ali Musa's passport and phone.", "Ali Musa"),
    ("Guards told the commander Ali Musa's name.", "Ali Musa"),
    # "a" + role + name is a reduced relative clause, not an apposition
    ("He was beaten by a police officer Ali Musa had never met.", "Ali Musa"),
    # the possessive makes the role someone else's kin or employer
    ("Police detained the officer's brother, Ali Musa, on Monday.", "Ali Musa"),
    ("Ali Musa, himself a police officer until 2015, said he was beaten.", "Ali Musa"),
    ("Ali Musa, a police officer until 2015, said he was beaten.", "Ali Musa"),
    ("He recognised the commander, Ali Musa told us.", "Ali Musa"),
    # honorifics are not roles
    ("Father Anton Mirel said he had helped to bury 17 villagers.", "Anton Mirel"),
    # generic descriptions: not an office and not whose kin
    ("Halima Dore, a mother of four, said the trucks never came.", "Halima Dore"),
]


@pytest.mark.parametrize(("body", "person"), NEAR_MISSES)
def test_near_misses_give_no_office(body: str, person: str) -> None:
    stated = roles_of(body, person)
    offices = {role for role, _ in stated if set(role.split()) & OFFICE_WORDS}
    assert offices == set(), stated
    if "former" in body.lower() or "whose" in body or "Father" in body or "mother" in body:
        assert stated == set()


def test_a_driver_keeps_his_role_and_is_no_official() -> None:
    assert roles_of("Murad, 31, a driver, said he was beaten.", "Murad") <= {("driver", None)}


def test_the_officer_in_apposition_to_someone_else_is_not_his() -> None:
    body = ("Police detained Murad Aliev, a driver, and his brother, Ali Aliev, a police "
            "officer, on Monday.")
    assert roles_of(body, "Murad Aliev") == {("driver", None)}
    assert roles_of(body, "Ali Aliev") == {("police officer", None)}
