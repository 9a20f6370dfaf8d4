"""Stage 5 (corroborate) through the real pipeline and CLI: independent origins (the GDELT-style
over-count), conflicting figures, denials and status, the timeline, analysts' judgements
re-applied on rebuilds, and the demo case."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import Dossier
from fixtures import write

WIRE = (
    "Police in the northern city of Varna detained 60 environmental activists on Tuesday "
    "after they blocked the road to a planned copper mine, witnesses said. The activists had "
    "camped beside the road for three weeks and refused to leave when officers arrived before "
    "dawn. Several of them were beaten with batons, according to two of the protesters who "
    "were later released. Lawyers for the group said on Wednesday that none of those held had "
    "been allowed to see a lawyer. The regional governor has backed the mine, which a company "
    "close to his family is due to build, and has called the camp an illegal occupation. The "
    "protest movement says the mine would poison the river that supplies the city with water, "
    "and that the licence was granted without the public hearing the law requires."
)
CITING = (
    "{lead} The newspaper's reporters spoke to witnesses who said the operation began before "
    "dawn. {outlet_sentence} Environmental groups abroad have called for the activists to be "
    "freed, and a European lawmaker said she would raise the case with the country's "
    "ambassador. The mine has been contested in the courts for two years, and a ruling on its "
    "licence is expected in the autumn. Residents of the valley, most of whom farm, say they "
    "were never asked about the project before the licence was granted."
)
OWN = (
    "About 60 activists were detained in Varna on Tuesday when police cleared the camp on the "
    "road to the copper mine, a protester who escaped arrest told this newspaper. She said "
    "officers arrived in buses at four in the morning and dragged people from their tents. "
    "Our reporter saw the remains of the camp on Wednesday: torn tents, scattered food and a "
    "banner reading 'Water is life'. The police declined to answer questions about the "
    "operation. The regional governor's office said the camp had been an illegal occupation "
    "and that the law had been applied. The activists' lawyers said they would appeal."
)
DENIAL = (
    "The regional governor of Varna, Petar Lukov, said on Thursday that no activists had been "
    "detained at the mine road and called the reports of arrests lies spread by foreign groups. "
    "He said officers had only asked the campers to leave and that everyone had gone home "
    "peacefully. Mr. Lukov has backed the copper mine since it was first proposed and says it "
    "will bring hundreds of jobs to the region. Opposition politicians have accused him of "
    "favouring a company close to his family, which he denies. The mine's licence is being "
    "challenged in court, and a ruling is expected later this year."
)


def article(title: str, outlet: str, date: str, body: str) -> str:
    return f"{title}\nBy Staff Reporter, {outlet}\n{date}\n\n{body}\n"


def gdelt_case(folder: Path) -> None:
    """Ten syndicated copies of the Northern Ledger's story, three outlets citing it, one with
    its own reporting: 14 reports, 2 independent origins."""
    write(folder / "ledger.txt", article("Police detain 60 activists at mine protest",
                                         "The Northern Ledger", "14 May 2024", WIRE))
    for k in range(10):
        write(folder / f"copy{k}.txt", article("Police detain 60 activists at mine protest",
                                               f"Copy Outlet {k} Times", "15 May 2024", WIRE))
    leads = [
        "According to the Northern Ledger, police in Varna detained 60 environmental "
        "activists on Tuesday at a protest camp on the road to a planned copper mine.",
        "Police in Varna detained 60 environmental activists at a protest camp on Tuesday, "
        "the Northern Ledger reported.",
        "Sixty environmental activists were detained by police in Varna on Tuesday, the "
        "Northern Ledger reported, after they blocked the road to a copper mine.",
    ]
    for k, lead in enumerate(leads):
        outlet = ["The Valley Herald", "The Coast Tribune", "Harbour Daily News"][k]
        write(folder / f"cite{k}.txt", article(
            "Activists held at mine protest", outlet, "16 May 2024",
            CITING.format(lead=lead, outlet_sentence=f"{outlet} could not reach the police.")))
    write(folder / "own.txt", article("Camp cleared at dawn", "The Eastern Courier",
                                      "16 May 2024", OWN))


def claim_with(export: dict[str, Any], words: str) -> dict[str, Any]:
    found = [c for c in export["claims"] if any(words in m["quote"] for m in c["mentions"])
             and c["kind"] != "denial"]
    assert found, f"no claim has a passage with {words!r}"
    return max(found, key=lambda c: len(c["mentions"]))


def test_syndicated_copies_and_citations_are_not_independent(dossier: Dossier,
                                                              tmp_path: Path) -> None:
    gdelt_case(tmp_path / "in")
    result = dossier("build", tmp_path / "in")
    assert result.exit_code == 0, result.output
    claim = claim_with(dossier.export(), "detained 60 environmental activists")
    documents = {m["document"] for m in claim["mentions"]}
    assert len(documents) == 15  # every report of the detentions is in the claim
    assert claim["independent_sources"] == 2, json.dumps(claim["origins"], indent=1)
    labels = sorted(o["label"] for o in claim["origins"])
    assert labels == ["The Eastern Courier", "The Northern Ledger"]
    ledger = next(o for o in claim["origins"] if o["label"] == "The Northern Ledger")
    reasons = " ".join(ledger["reasons"])
    assert "copies of one story" in reasons and " the fact to " in reasons
    assert claim["status"] == "corroborated"


def test_conflicting_figures_keep_every_value(dossier: Dossier, tmp_path: Path) -> None:
    gdelt_case(tmp_path / "in")
    write(tmp_path / "in" / "police.txt", article(
        "Police say 40 held", "The Western Post", "17 May 2024",
        OWN.replace("About 60 activists were detained", "About 40 activists were detained")
        .replace("a protester who escaped arrest told this newspaper", "a police spokesman "
                 "told the Western Post")))
    dossier("build", tmp_path / "in")
    claim = claim_with(dossier.export(), "detained 60 environmental activists")
    figures = claim["figures"]
    assert figures["low"] == 40 and figures["high"] == 60
    assert figures["estimate"] == 40  # ACLED's rule: the lowest figure reported
    assert figures["disputed"] is True
    assert {v["low"] for v in figures["values"]} == {40, 60}


TALLY = (
    "The Marsh Relief Network said on {day} that it had helped {count} families leave the "
    "flooded villages of the Orvel valley since the dam burst. Volunteers with boats have been "
    "taking people from rooftops to the school in Demsk, where the network runs a shelter. "
    "The regional government has promised compensation but has not said when it will be paid."
)


def test_a_running_total_is_another_fact_than_its_earlier_count(dossier: Dossier,
                                                                 tmp_path: Path) -> None:
    """One source's count four weeks later is a running total, a new fact; its count of two
    days later (a correction, or another outlet's rounding) is a conflicting figure of one."""
    folder = tmp_path / "in"
    write(folder / "april.txt", article("Families leave the Orvel valley", "The Demsk Courier",
                                        "4 April 2024",
                                        TALLY.format(day="Wednesday", count="about 30")))
    write(folder / "april2.txt", article("Families leave the Orvel valley", "The Orvel Herald",
                                         "6 April 2024", TALLY.format(day="Friday", count="32")))
    write(folder / "may.txt", article("More families leave the Orvel valley", "The Plains Post",
                                      "2 May 2024", TALLY.format(day="Tuesday", count="70")))
    assert dossier("build", folder).exit_code == 0
    export = dossier.export()
    april = claim_with(export, "helped about 30 families")
    may = claim_with(export, "helped 70 families")
    assert april["id"] != may["id"]
    assert claim_with(export, "helped 32 families")["id"] == april["id"]
    assert april["figures"]["disputed"] is True


def test_a_sentence_counts_for_the_claim_of_its_main_event(dossier: Dossier,
                                                           tmp_path: Path) -> None:
    """The release of the activists, whose detention the sentence recalls in a relative clause,
    is another fact: it does not join the detention claim and add its outlet to it."""
    gdelt_case(tmp_path / "in")
    write(tmp_path / "in" / "freed.txt", article(
        "Activists freed", "The Western Post", "20 May 2024",
        "The 60 environmental activists, who were detained by police in Varna on Tuesday at "
        "the protest camp on the road to the copper mine, were released on Friday, their "
        "lawyers said. They must report to a police station every week until their trial."))
    assert dossier("build", tmp_path / "in").exit_code == 0
    export = dossier.export()
    detained = claim_with(export, "detained 60 environmental activists")
    released = claim_with(export, "were released on Friday")
    assert detained["id"] != released["id"]
    assert detained["independent_sources"] == 2


def test_a_remark_that_gives_no_information_is_not_a_source(dossier: Dossier,
                                                              tmp_path: Path) -> None:
    """ "The ministry said it had no information about the detentions" is about the detention
    claim but is no evidence of it: it is a claim of its own, and the detention claim keeps its
    two origins."""
    gdelt_case(tmp_path / "in")
    write(tmp_path / "in" / "ministry.txt", article(
        "Ministry silent on activists", "The Eastern Ledger", "15 May 2024",
        "The interior ministry said on Wednesday that it had no information about the "
        "detention of 60 environmental activists in Varna."))
    assert dossier("build", tmp_path / "in").exit_code == 0
    export = dossier.export()
    detained = claim_with(export, "detained 60 environmental activists")
    remark = claim_with(export, "had no information about the detention")
    assert remark["id"] != detained["id"]
    assert detained["independent_sources"] == 2


def test_a_denial_contests_the_claim_and_is_dated(dossier: Dossier, tmp_path: Path) -> None:
    gdelt_case(tmp_path / "in")
    write(tmp_path / "in" / "denial.txt", article("Governor denies arrests", "The Capital Wire",
                                                  "17 May 2024", DENIAL))
    dossier("build", tmp_path / "in")
    export = dossier.export()
    claim = claim_with(export, "detained 60 environmental activists")
    assert claim["status"] == "contested"
    assert claim["independent_sources"] == 2
    denial_ids = {c["id"] for c in export["claims"] if c["kind"] == "denial"}
    assert claim["contested_by"] and set(claim["contested_by"]) <= denial_ids
    assert any(d["denier"] == "Petar Lukov" for d in claim["denied_by"])
    assert any(m["stance"] == "denies" for m in claim["mentions"])
    timeline = export["timeline"]
    assert [t["date"] for t in timeline] == sorted(t["date"] for t in timeline)
    assert any(t["kind"] == "denial" and t["date"] == "2024-05-16" for t in timeline)
    shown = dossier("claims", "--status", "contested", "--why")
    assert "Petar Lukov" in shown.output and "The Northern Ledger" in shown.output


def test_judgements_apply_at_once_and_on_every_rebuild(dossier: Dossier,
                                                       tmp_path: Path) -> None:
    gdelt_case(tmp_path / "in")
    dossier("build", tmp_path / "in")
    claim = claim_with(dossier.export(), "detained 60 environmental activists")
    own = next(m for m in claim["mentions"] if "escaped arrest" in m["quote"])
    # "--not-a-claim" on the own report's mention: one origin left
    listed = dossier("claims", "--mentions", "--json")
    mention = next(m for c in json.loads(listed.stdout) for m in c["mentions"]
                   if m["quote"] == own["quote"])
    ids = dossier.sql("SELECT mention_id FROM claim_mentions WHERE document_id = ? AND start = ?",
                      mention["document"], mention["start"])
    result = dossier("judge", "mention", ids[0][0][:12], "--not-a-claim",
                     "--reason", "the reporter's description", "--analyst", "ana")
    assert result.exit_code == 0, result.output
    after = claim_with(dossier.export(), "detained 60 environmental activists")
    assert after["independent_sources"] == 1
    assert not any("escaped arrest" in m["quote"] for m in after["mentions"])
    dossier("build", tmp_path / "in")  # nothing new: the judgement still holds
    write(tmp_path / "in" / "more.txt", article("Another copy", "Copy Outlet 11 Times",
                                                "18 May 2024", WIRE))
    dossier("build", tmp_path / "in")
    again = claim_with(dossier.export(), "detained 60 environmental activists")
    assert not any("escaped arrest" in m["quote"] for m in again["mentions"])
    judged = dossier.sql("SELECT kind, verdict, analyst FROM judgements")
    assert ("mention", "not-a-claim", "ana") in judged


def test_judging_two_claims_the_same_merges_them(dossier: Dossier, tmp_path: Path) -> None:
    gdelt_case(tmp_path / "in")
    write(tmp_path / "in" / "mine.txt", article(
        "Mine licence", "The Valley Herald", "18 May 2024",
        "The copper mine near Varna was granted its licence in March without a public hearing, "
        "campaigners say. The company behind it has close ties to the regional governor."))
    dossier("build", tmp_path / "in")
    export = dossier.export()
    a = claim_with(export, "detained 60 environmental activists")
    b = claim_with(export, "granted its licence in March")
    assert a["id"] != b["id"]
    result = dossier("judge", "claim", a["id"], b["id"], "--same", "--reason", "test merge")
    assert result.exit_code == 0, result.output
    merged = claim_with(dossier.export(), "granted its licence in March")
    assert any("detained 60 environmental activists" in m["quote"] for m in merged["mentions"])
    assert any("judged the same claim" in r for r in merged["merges"])
    missing = dossier("judge", "claim", "claim-nope", a["id"], "--same", "--reason", "x")
    assert missing.exit_code == 2 and "names 0 claims" in missing.output


def test_the_demo_case_counts_independent_origins(dossier: Dossier) -> None:
    result = dossier("demo", "--quiet")
    assert result.exit_code == 0, result.output
    export = dossier.export()
    claim = claim_with(export, "more than 100 men")
    assert claim["independent_sources"] >= 2
    assert claim["status"] in ("corroborated", "contested")
    cited = [o for o in claim["origins"] if o["label"] == "Novaya Gazeta"]
    assert cited and any("the fact to Novaya Gazeta (cited" in r for r in cited[0]["reasons"])
    statuses = {c["status"] for c in export["claims"]}
    assert {"corroborated", "single-source", "denied"} <= statuses
    # a claim is shown by a sentence that reads alone, not by "One of them, the newspaper
    # said, is a former military compound in Argun"
    argun = claim_with(export, "former military compound in Argun")
    assert not argun["statement"].startswith(("One of them", "It ", "They ")), argun["statement"]
    # headings, lines that introduce a quotation and appeals to the reader are not claims
    shown = {c["statement"] for c in export["claims"]}
    assert not any(s.endswith(":") or s.startswith("Please ") for s in shown)
    timeline = dossier("timeline")
    assert timeline.exit_code == 0 and "undated claims" in timeline.output


def test_new_documents_join_existing_claims(dossier: Dossier, tmp_path: Path) -> None:
    """Built in two steps, the case has the claim a one-step build has, and claims far from
    the new documents keep their IDs (they were not re-read)."""
    gdelt_case(tmp_path / "all")
    first, later = tmp_path / "first", tmp_path / "later"
    for path in sorted((tmp_path / "all").iterdir()):
        target = later if path.name.startswith(("cite", "own")) else first
        write(target / path.name, path.read_text())
    write(first / "far.txt", article("Court frees editor", "The Southern Star", "2 March 2023",
                                     "A court in Ostrava freed the newspaper editor Jana Horak "
                                     "on Friday after six months in pre-trial detention, her "
                                     "lawyer said. She had been charged with insulting a "
                                     "judge in a column about corruption in the regional "
                                     "courts, a charge she denies."))
    dossier("build", first)
    before = {c["id"]: c for c in dossier.export()["claims"]}
    far = claim_with({"claims": list(before.values())}, "Jana Horak")
    result = dossier("build", later)
    assert "claims:" in result.output
    export = dossier.export()
    claim = claim_with(export, "detained 60 environmental activists")
    assert claim["independent_sources"] == 2
    assert len({m["document"] for m in claim["mentions"]}) == 15
    assert far["id"] in {c["id"] for c in export["claims"]}  # untouched
    again = dossier("build", later)
    assert "claims:" not in again.output  # nothing new: stage 5 had nothing to do



ELSEWHERE = (
    "Police in the southern port of Molva detained 55 environmental activists on Tuesday "
    "after they blocked the road to a planned copper mine, witnesses said. The camp had stood "
    "beside the road for a month. Lawyers for the group said on Wednesday that those held had "
    "not been allowed to see a lawyer. Mayor Ilse Brandt said the port needed the jobs."
)


def test_the_same_words_in_another_story_are_another_claim(dossier: Dossier,
                                                            tmp_path: Path) -> None:
    """A report from another city, worded like the Varna reports but naming none of their
    places or people, is another fact: it neither joins the Varna claim nor adds an origin to
    it — built at once, or added to the case later."""
    gdelt_case(tmp_path / "in")
    molva = article("Activists detained at port mine road", "The Harbour Gazette",
                    "16 May 2024", ELSEWHERE)
    write(tmp_path / "later" / "molva.txt", molva)
    at_once = Dossier(tmp_path / "at-once.db")
    gdelt_case(tmp_path / "all")
    write(tmp_path / "all" / "molva.txt", molva)
    dossier("build", tmp_path / "in")
    for case, folder in ((dossier, tmp_path / "later"), (at_once, tmp_path / "all")):
        assert case("build", folder).exit_code == 0
        export = case.export()
        varna = claim_with(export, "detained 60 environmental activists")
        other = claim_with(export, "detained 55 environmental activists")
        assert varna["id"] != other["id"]
        assert varna["independent_sources"] == 2 and other["independent_sources"] == 1

def test_the_labelled_sets_are_consistent() -> None:
    """The gold files' own checkers pass (sentences found once, origins partition the
    mentions, statuses follow the rules) for the extraction set, the corroboration sets and
    the demo corpus's gold."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent / "data"
    for checker in (root / "extraction" / "check_gold.py",
                    root / "corroboration" / "check_claims.py",
                    root / "corroboration-holdout" / "check_claims.py",
                    root / "demo-claims" / "check_claims.py"):
        result = subprocess.run([sys.executable, str(checker)], capture_output=True, text=True,
                                check=False)
        assert result.returncode == 0, (checker, result.stdout[-2000:])
        assert "problems: 0" in result.stdout


def test_the_scoring_of_the_corroboration_benchmark() -> None:
    """The gold scored as a prediction gives 1.0 (B³ on a perfect clustering), and a
    clustering that puts everything in one claim has recall 1.0 and low precision."""
    from corroboration import b_cubed

    gold = {"a": "x", "b": "x", "c": "y"}
    assert b_cubed(gold, gold) == (1.0, 1.0)
    precision, recall = b_cubed(gold, dict.fromkeys(gold, "all"))
    assert recall == 1.0 and precision < 0.6


def test_feature_weights_sum_the_same_in_any_order() -> None:
    """A set's order changes with Python's string hash seed; the weight of a set of features
    must not (a rounding difference could tip a threshold and make two runs disagree)."""
    import itertools

    from dossier.corroborate.matching import Weights

    # features whose weights, log(1 + N / n), do not add up the same way in every order
    weights = Weights.of_counts({"a": 1950, "b": 4855, "c": 4459, "d": 1069, "e": 3031,
                                 "f": 4948}, 10_000)
    totals = {weights.total(order) for order in itertools.permutations("abcdef")}
    plain = {sum(weights(x) for x in order) for order in itertools.permutations("abcdef")}
    assert len(plain) > 1, "pick weights whose plain sums differ by order"
    assert len(totals) == 1
