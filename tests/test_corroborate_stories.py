"""Stage 5 keeps stories apart on hand-made evidence: two reports are one fact only if the
later one's document names a place or person that the claim's first report's document names —
so that a claim cannot gather story after story through documents that name two of them."""

from __future__ import annotations

from fixtures import evidence

from dossier.config import Settings
from dossier.corroborate import Evidence, corroborate


def report(document: str, published: str, *story: str) -> Evidence:
    return evidence("Police said 45 people had been arrested for looting overnight.", document,
                    event_type="detention", events=("detention",), low=45, high=45,
                    quantity="45", published=published, reported=True,
                    outlet_name=f"Outlet {document}", context=frozenset(story))


def claims_of(evidence: list[Evidence]) -> list[set[str]]:
    found = corroborate(evidence, Settings())
    return sorted(({e.document for e in evidence if e.id in c.mentions} for c in found.claims),
                  key=sorted)


def test_reports_of_one_story_are_one_claim_and_another_storys_are_not() -> None:
    evidence = [report("kessa1", "2020-10-21", "kessa", "tollgate-plaza"),
                report("kessa2", "2020-10-22", "kessa"),
                report("orsavel", "2021-11-15", "orsavel", "tarsenia")]
    assert claims_of(evidence) == [{"kessa1", "kessa2"}, {"orsavel"}]


def test_a_document_naming_two_stories_does_not_bridge_them() -> None:
    """A round-up naming Kessa and Orsavel may join the Kessa claim; a report naming only
    Orsavel still does not, though it shares a place with that round-up."""
    evidence = [report("kessa", "2020-10-21", "kessa"),
                report("roundup", "2021-11-16", "kessa", "orsavel"),
                report("orsavel", "2021-11-17", "orsavel")]
    assert claims_of(evidence) == [{"kessa", "roundup"}, {"orsavel"}]


def test_documents_that_name_no_place_or_person_are_not_held_to_it() -> None:
    evidence = [report("kessa", "2020-10-21", "kessa"), report("bare", "2020-10-22")]
    assert claims_of(evidence) == [{"bare", "kessa"}]


def test_two_single_statements_are_held_to_the_first_passs_bar() -> None:
    """The second pass merges claims alike on average, at a lower bar than the first pass.
    For two single statements that average is their one affinity: the lower bar would only
    lower the first pass's and let "I left Russia last month" join "he had no plans to
    leave Russia" (as it did in the demo, shown as 2 independent origins)."""
    from dossier.corroborate.matching import Weights, affinity, features

    settings = Settings()
    left = evidence("I left Russia last month by train.", "witness",
                    outlet_name="Witness account")
    plans = evidence("Friends say he had no plans to leave Russia.", "ledger",
                     outlet_name="Northern Ledger")
    weights = Weights(features(e) for e in (left, plans))
    score = affinity(left, features(left), plans, features(plans), weights, settings)
    assert settings.claim_merge <= score < settings.claim_similarity_untyped, score
    assert claims_of([left, plans]) == [{"ledger"}, {"witness"}]
