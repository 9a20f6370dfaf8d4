"""Which sentences are statements: headings, labels, lines that introduce what follows and
appeals to the reader assert nothing checkable; bullets and datelines that do are kept.
Sentences written for these tests."""

from __future__ import annotations

from dossier.extract import extract_document


def statements(body: str) -> list[str]:
    found = extract_document(body, document_id="d", published=None, outlet="Test Wire")
    return [s.text for s in found.statements]


def test_headings_and_labels_are_not_statements() -> None:
    body = ("What the ministry says\n\n"
            "The Interior Ministry of Sarnovia said on Monday that 30 people had been detained "
            "in Vaskor.\n\n"
            "Statement of the press office of the Governor of Kessa Province\n\n"
            "Recorded: May 2021\n\n"
            "Name used in this account: Tomas (not his real name)")
    assert statements(body) == [
        "The Interior Ministry of Sarnovia said on Monday that 30 people had been detained "
        "in Vaskor."]


def test_a_line_that_introduces_what_follows_is_not_a_statement() -> None:
    body = ("The statement, issued by the Governor of Kessa on Saturday, read in full:\n\n"
            "“No one was detained in Kessa on Friday night.”")
    got = statements(body)
    assert got == ["“No one was detained in Kessa on Friday night.”"]


def test_an_appeal_to_the_reader_is_not_a_statement() -> None:
    body = ("Please give what you can to the Vaskor Rights Centre's legal fund.\n\n"
            "The Vaskor Rights Centre said it represents 40 of the detained protesters.")
    assert statements(body) == [
        "The Vaskor Rights Centre said it represents 40 of the detained protesters."]


def test_bullets_datelines_and_witness_accounts_that_assert_something_stay() -> None:
    """A short line without a full stop is kept when it names an event or a number; a
    dateline and a first-person account are statements like any other."""
    body = ("- Police detained 40 students outside Vaskor University\n"
            "- At least 12 killed in Kessa\n\n"
            "VASKOR - Security forces opened fire on protesters in Kolvar Square on Tuesday.\n\n"
            "I was held for nine days in a cell in Vaskor with eleven other men.")
    got = statements(body)
    assert any("Police detained 40 students" in s for s in got)
    assert any("At least 12 killed in Kessa" in s for s in got)
    assert any(s.startswith("VASKOR - Security forces opened fire") for s in got)
    assert "I was held for nine days in a cell in Vaskor with eleven other men." in got
