"""Stage 5's independent origins on hand-made evidence: copies and one outlet's articles fold
together, a cited outlet takes the mentions that cite it, and a document's own evidence is not
folded into the outlet it cites elsewhere."""

from __future__ import annotations

from fixtures import evidence

from dossier.copies.outlets import outlet_key
from dossier.corroborate import Evidence
from dossier.corroborate.origins import origins


def mention(document: str, start: int = 0, group: str | None = None,
            outlet: str | None = None, cited: str | None = None) -> Evidence:
    """A mention; outlets are known by name only (no outlet record), as cited ones are."""
    return evidence("Police detained more than 100 men in the republic.", document,
                    id=f"{document}#{start}", start=start, event_type="detention",
                    events=("detention",), victims="man", low=100,
                    quantity="more than 100", published="2017-04-05", copy_group=group,
                    outlet_name=outlet, cited=f"name:{outlet_key(cited)}" if cited else None,
                    cited_name=cited)


def labels(mentions: list[Evidence]) -> list[str]:
    return sorted(o.label for o in origins(mentions))


def test_copies_and_citations_fold_into_the_cited_outlet() -> None:
    found = [mention(f"copy{k}", group="g1", outlet=f"Copy {k}", cited="Novaya Gazeta")
             for k in range(5)]
    found += [mention("gazeta", outlet="Novaya Gazeta"),  # its own article: the same origin
              mention("other", outlet="Eastern Courier")]
    assert labels(found) == ["Eastern Courier", "Novaya Gazeta"]


def test_a_document_citing_one_outlet_and_giving_its_own_source_has_two_origins() -> None:
    """The Highland Tribune relays Novaya Gazeta's figure and, in another sentence, its own
    police source's: the second is its own evidence, not Novaya Gazeta's."""
    found = [mention("tribune", 0, group="g2", outlet="Highland Tribune", cited="Novaya Gazeta"),
             mention("tribune", 200, group="g2", outlet="Highland Tribune"),
             mention("wire", group="g3", outlet="Orbis Wire", cited="Novaya Gazeta")]
    assert labels(found) == ["Highland Tribune", "Novaya Gazeta"]


def test_one_article_citing_two_outlets_counts_both() -> None:
    found = [mention("roundup", 0, outlet="Morning Ledger", cited="Novaya Gazeta"),
             mention("roundup", 300, outlet="Morning Ledger", cited="The New York Times")]
    assert labels(found) == ["Novaya Gazeta", "The New York Times"]


def test_one_outlets_own_articles_count_once() -> None:
    found = [mention("a", group="g4", outlet="Baltic Courier"),
             mention("b", group="g5", outlet="Baltic Courier")]
    (origin,) = origins(found)
    assert "2 documents published by Baltic Courier count once" in origin.reasons
