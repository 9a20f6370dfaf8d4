"""Entity types within one document: the outlet naming itself, advocacy bodies with a news word
in their name, and a place's adjective. Sentences written for these tests (EXTRACTOR_VERSION
18, from the misses of the retired holdout 141-150)."""

from __future__ import annotations

from dossier.extract import extract_document
from dossier.extract.records import EntityType


def entities(body: str, outlet: str | None) -> dict[str, tuple[EntityType, bool]]:
    found = extract_document(body, document_id="d", published=None, outlet=outlet)
    return {surface: (e.type, e.media) for e in found.entities for surface in e.surfaces}


def test_the_outlet_naming_itself_is_a_news_outlet() -> None:
    body = ("Kestrow rates this claim False. Kestrow asked the ministry for its figures, and "
            "the ministry did not reply.")
    assert entities(body, "Kestrow")["Kestrow"] == (EntityType.ORGANIZATION, True)
    # without the outlet's name, the lone word is a guess (a person before "asked")
    assert entities(body, None)["Kestrow"][0] is not EntityType.ORGANIZATION


def test_the_short_name_of_the_outlet_unless_the_text_makes_it_a_place() -> None:
    body = "Former inmates told Fieldnote that guards beat them. Fieldnote checked the records."
    assert entities(body, "Fieldnote Magazine")["Fieldnote"] == (EntityType.ORGANIZATION, True)
    town = "Trams stopped in Radost for a week. Radost has 200,000 people."
    assert entities(town, "Radost Courier")["Radost"][0] is EntityType.PLACE


def test_a_coalition_with_a_news_word_in_its_name_is_not_an_outlet() -> None:
    body = "Police detained 40 people, the Press Freedom Coalition said."
    assert entities(body, None)["Press Freedom Coalition"] == (EntityType.ORGANIZATION, False)
    assert entities("The report was carried by the Press Gazette.", None)["Press Gazette"][1]


def test_a_places_adjective_is_not_an_entity_of_its_own() -> None:
    body = ("Police in Halvona pushed 40 people back across the river. A Halvonan official "
            "said the group had crossed near Tavna.")
    found = entities(body, None)
    assert found["Halvona"][0] is EntityType.PLACE
    assert "Halvonan" not in found
