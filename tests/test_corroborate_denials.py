"""Stage 5's denial links on hand-made evidence: a denial of "the reports" answers the claim
its story reported most in the days before it, not a neighbour sharing its words; a denial
naming an act and something specific ("no prison in Argun") answers the claim that holds it."""

from __future__ import annotations

from dataclasses import replace

from fixtures import evidence

from dossier.config import Settings
from dossier.corroborate import Evidence, corroborate
from dossier.corroborate.evidence import content_words


def statement(document: str, text: str, published: str, event: str | None = None,
              denial: bool = False, places: tuple[str, ...] = ("chechnya",)) -> Evidence:
    return evidence(text, document, event_type=event, events=(event,) if event else (),
                    published=published, places=places, denial=denial,
                    denied_by="official" if denial else None, outlet=document,
                    outlet_name=document)


def story() -> list[Evidence]:
    detained = [statement(f"d{k}", f"Police detained more than 100 gay men in the republic, "
                          f"reports number {k} said.", f"2017-04-0{k}", "detention")
                for k in range(1, 6)]
    prison = [statement(f"p{k}", "The men were held in a secret prison at a former military "
                        "compound in Argun.", f"2017-04-0{k}", "detention",
                        places=("chechnya", "argun")) for k in range(1, 3)]
    grozny = [statement("g1", "Officials in Grozny adopted a resolution against the newspaper "
                        "and its republic coverage.", "2017-04-03", "threat")]
    return [*detained, *prison, *grozny]


def linked(evidence: list[Evidence], denial: Evidence) -> set[str]:
    found = corroborate([*evidence, denial], Settings())
    holder = {m: c for c in found.claims for m in c.mentions}
    return {holder[e.id].anchor for e in evidence for link in found.links
            if link.denial == denial.id and link.claim == holder[e.id].id}


def test_a_denial_of_the_reports_answers_the_story_core() -> None:
    denial = statement("x", "Officials in Grozny said the reports about the republic were "
                       "lies.", "2017-04-09", denial=True)
    assert linked(story(), denial) == {"m-d1"}


def test_a_denial_naming_something_specific_answers_the_claim_holding_it() -> None:
    denial = statement("y", "A spokesman said there was no secret prison at the former "
                       "military compound in Argun.", "2017-04-09", "detention", denial=True,
                       places=("argun",))
    assert linked(story(), denial) == {"m-p1"}


def test_a_general_denial_of_an_act_answers_the_core_of_that_act() -> None:
    denial = statement("z", "Officials denied that anyone was detained.", "2017-04-09",
                       "detention", denial=True)
    assert linked(story(), denial) == {"m-d1"}


def test_a_dismissal_of_the_report_answers_each_abuse_its_document_told() -> None:
    """ "dismissed the article as lies" denies what that article said, as the document told it
    before: the detentions and the secret prison, not only the story's most reported claim."""
    told = [evidence("Police detained more than 100 gay men in the republic, the newspaper "
                     "reported.", "r", id="m-r1", start=0, event_type="detention",
                     events=("detention",), published="2017-04-09", places=("chechnya",),
                     outlet="r", outlet_name="r"),
            evidence("The men were held in a secret prison at a former military compound in "
                     "Argun, it said.", "r", id="m-r2", start=80, event_type="detention",
                     events=("detention",), published="2017-04-09",
                     places=("chechnya", "argun"), outlet="r", outlet_name="r")]
    denial = evidence("A spokesman for the republic's leader dismissed the article as lies.",
                      "r", id="m-r3", start=170, published="2017-04-09", places=("chechnya",),
                      denial=True, denied_by="official", outlet="r", outlet_name="r")
    assert linked([*story(), *told], denial) == {"m-d1", "m-p1"}
    general = replace(denial, text="A spokesman said the claims were lies.",
                      words=content_words("A spokesman said the claims were lies."))
    assert linked([*story(), *told], general) == {"m-d1"}
