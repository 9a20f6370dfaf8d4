"""Copies: what is grouped, what stays apart, and what survives builds and judgements."""

from __future__ import annotations

import random
import textwrap
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from conftest import Dossier
from datasketch import MinHash
from fixtures import write
from test_export import validate

from dossier.cli import main
from dossier.config import Settings
from dossier.copies.fingerprints import fingerprint, signatures
from dossier.copies.outlets import outlet_key

SYLLABLES = ("ka", "ro", "vin", "del", "mar", "tu", "sen", "ob", "lir", "zan", "pe", "gor",
             "ash", "mi", "tal", "ve", "dun", "rek", "so", "bra")


def prose(seed: int, paragraphs: int = 6, words: int = 60) -> list[str]:
    """Distinct made-up paragraphs: two seeds share no run of five words."""
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))

    result = []
    for _ in range(paragraphs):
        sentences = []
        left = words
        while left > 0:
            n = min(left, rng.randint(8, 16))
            sentences.append(" ".join(word() for _ in range(n)).capitalize() + ".")
            left -= n
        result.append(" ".join(sentences))
    return result


def text_file(title: str, date: str | None, paragraphs: list[str], outlet: str | None = None
              ) -> str:
    head = [f"outlet: {outlet}"] if outlet else []
    head += [f"Published: {date}"] if date else []
    return "\n\n".join([*head, title, *paragraphs]) + "\n"


def groups_by_name(d: Dossier) -> dict[str, str | None]:
    return {Path(doc["path"]).name + (f"#{doc['segment']}" if doc["segment"] else ""):
            doc["copy_group"] for doc in d.export()["documents"]}


# -- signatures ------------------------------------------------------------------------------

def test_batch_signatures_equal_datasketch_minhash() -> None:
    settings = Settings()
    prints = [fingerprint(f"d{n}", " ".join(prose(n)), settings) for n in range(5)]
    ours = signatures(prints, 128)
    for fp, row in zip(prints, ours, strict=True):
        theirs = MinHash(num_perm=128, seed=1, scheme="affine32", hashfunc=int)
        theirs.update_batch(fp.shingles.tolist())
        assert np.array_equal(theirs.hashvalues, row)


def test_normalisation_ignores_markup_quotes_and_spacing() -> None:
    settings = Settings()
    a = fingerprint("a", "“Such people do not exist,” he said.\n\nIt is lies.", settings)
    b = fingerprint("b", '"Such  people do NOT exist", he said. It is lies', settings)
    assert a.exact_key == b.exact_key


# -- the demo corpus -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo_case(tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    case = tmp_path_factory.mktemp("demo") / "demo.db"
    assert CliRunner().invoke(main, ["demo", "--case", str(case), "--quiet"]).exit_code == 0
    return Dossier(case)


def test_demo_copies_and_excerpt_form_one_group_with_the_original_first(
        demo_case: Dossier) -> None:
    export = demo_case.export()
    validate(export)
    groups = groups_by_name(demo_case)
    by_prefix = {name[:2]: group for name, group in groups.items() if name[:2].isdigit()}
    assert by_prefix["01"] == by_prefix["02"] == by_prefix["03"]
    group = next(g for g in export["copy_groups"] if g["id"] == by_prefix["01"])
    first = next(doc for doc in export["documents"] if doc["id"] == group["representative"])
    assert first["path"].endswith("01-caucasus-monitor-2017-04-03-purge.html")
    assert len(group["documents"]) == 3


def test_demo_same_event_articles_and_quoted_statement_stay_apart(demo_case: Dossier) -> None:
    groups = groups_by_name(demo_case)
    names = sorted(name for name in groups if name[:2].isdigit())
    others = [groups[name] for name in names if name[:2] not in ("01", "02", "03")]
    assert len(set(others)) == len(others), "a same-event article was grouped"
    assert None not in others
    links = {(Path(a).name[:2], Path(b).name[:2]): (verdict, reason) for a, b, verdict, reason
             in demo_case.sql("SELECT da.path, db.path, l.verdict, l.decision FROM copy_links l "
                              "JOIN documents da ON da.id = l.a JOIN documents db ON db.id = l.b")}
    verdict, reason = links[("04", "05")]
    assert verdict == "quoted"
    assert "older than the story it is inside" in reason
    result = demo_case("copies")
    assert "quoted sources" in result.output and "possible copies" not in result.output


def test_index_held_in_memory_between_writes_finds_the_same_copies(
        demo_case: Dossier, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One document per batch and a write every three: most candidates are then answered by the
    in-memory part of the index, and the result must not change."""
    monkeypatch.setenv("DOSSIER_BATCH_SIZE", "1")
    monkeypatch.setenv("DOSSIER_COPY_WRITE_DOCUMENTS", "3")
    small = Dossier(tmp_path / "small.db")
    assert small("demo", "--quiet").exit_code == 0
    query = ("SELECT da.path, db.path, l.kind, l.verdict FROM copy_links l JOIN documents da "
             "ON da.id = l.a JOIN documents db ON db.id = l.b ORDER BY 1, 2")
    assert small.sql(query) == demo_case.sql(query)
    assert len(small.sql(query)) >= 3
    assert groups_by_name(small) == groups_by_name(demo_case)


def test_demo_outlets_gather_their_aliases(demo_case: Dossier) -> None:
    outlets = {o["name"]: o for o in demo_case.export()["outlets"]}
    assert outlets["The Caucasus Monitor"]["documents"] == 3  # 01, 12, 16
    # 13's "(c) Eastern Wire Media Ltd 2017" names the publisher's company: the same outlet
    wire = next(o for o in outlets.values() if "Eastern Wire" in o["aliases"])
    assert not any("Eastern Wire Media" in o["aliases"] for o in outlets.values())
    assert wire["documents"] >= 3  # 02, 13 and the wire notes


# -- detection -------------------------------------------------------------------------------

def test_html_page_and_pasted_text_of_one_article_are_copies(dossier: Dossier,
                                                              tmp_path: Path) -> None:
    body = prose(1)
    html = ("<html><head><title>Men detained in Argun — Example News</title>"
            "<meta property='og:site_name' content='Example News'></head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
            "<h1>Men detained in Argun</h1>"
            + "".join(f"<p>{p.replace('Ka', '&ldquo;Ka')}</p>" for p in body)
            + "</article><footer>© Example News</footer></body></html>")
    write(tmp_path / "in" / "page.html", html)
    write(tmp_path / "in" / "pasted.txt", "Men detained in Argun\n\n" + "\n\n".join(
        textwrap.fill(p, 70) for p in body) + "\n")
    assert dossier("build", tmp_path / "in").exit_code == 0
    groups = groups_by_name(dossier)
    assert groups["page.html"] == groups["pasted.txt"] is not None


def test_articles_sharing_quotes_are_not_copies(dossier: Dossier, tmp_path: Path) -> None:
    quote = ("“" + " ".join(prose(99, 1, 30)) + "”")
    for n in range(4):
        paragraphs = prose(10 + n)
        paragraphs.insert(2, f"The spokesman said: {quote}")
        write(tmp_path / "in" / f"{n}.txt",
              text_file(f"Story {n}", "2017-04-0" + str(n + 2), paragraphs))
    assert dossier("build", tmp_path / "in").exit_code == 0
    assert len(set(groups_by_name(dossier).values())) == 4
    assert dossier.sql("SELECT count(*) FROM copy_links WHERE verdict != 'possible'") == [(0,)]


def test_statement_quoted_in_full_by_several_articles_is_its_own_origin(
        dossier: Dossier, tmp_path: Path) -> None:
    statement = prose(50, 2, 50)
    write(tmp_path / "in" / "statement.txt", text_file("Statement", None, statement))
    for n in range(3):
        paragraphs = prose(60 + n, 5, 70)
        paragraphs[2:2] = ["The statement read in full:", *statement]
        write(tmp_path / "in" / f"article{n}.txt", text_file(f"Story {n}", None, paragraphs))
    assert dossier("build", tmp_path / "in").exit_code == 0
    assert len(set(groups_by_name(dossier).values())) == 4
    reasons = [r for (r,) in dossier.sql("SELECT decision FROM copy_links WHERE verdict = "
                                         "'quoted'")]
    assert len(reasons) == 3 and all("3 texts that are not copies" in r for r in reasons)


def test_articles_quoting_one_statement_are_not_possible_copies(
        dossier: Dossier, tmp_path: Path) -> None:
    """Half of each article is the statement: a possible copy by the numbers, explained by the
    source both quote."""
    statement = prose(70, 2, 60)
    write(tmp_path / "in" / "statement.txt", text_file("Statement", None, statement))
    for n in range(2):
        paragraphs = prose(80 + n, 2, 60)
        paragraphs[1:1] = statement
        write(tmp_path / "in" / f"article{n}.txt", text_file(f"Story {n}", None, paragraphs))
    assert dossier("build", tmp_path / "in").exit_code == 0
    assert len(set(groups_by_name(dossier).values())) == 3
    ((found, verdict, decision, containment),) = dossier.sql(
        "SELECT l.found, l.verdict, l.decision, l.containment FROM copy_links l "
        "JOIN documents a ON a.id = l.a JOIN documents b ON b.id = l.b "
        "WHERE a.path LIKE '%/article_.txt' AND b.path LIKE '%/article_.txt'")
    assert (found, verdict) == ("possible", "different") and containment >= 0.4
    assert "a source both quote" in decision
    listed = dossier("copies").output
    assert "possible copies" not in listed and "sharing only a source both quote" in listed


def test_excerpt_published_later_is_a_copy(dossier: Dossier, tmp_path: Path) -> None:
    body = prose(3, 8)
    write(tmp_path / "in" / "full.txt", text_file("Full story", "2017-04-03", body))
    write(tmp_path / "in" / "excerpt.txt",
          text_file("Digest", "2017-04-05", [*body[:3], "Read the full story elsewhere."]))
    assert dossier("build", tmp_path / "in").exit_code == 0
    groups = groups_by_name(dossier)
    assert groups["full.txt"] == groups["excerpt.txt"]
    assert dossier.sql("SELECT kind, verdict FROM copy_links") == [("contained", "copy")]


def test_statement_quoted_by_a_later_article_is_its_own_origin(dossier: Dossier,
                                                               tmp_path: Path) -> None:
    statement = prose(51, 2, 50)
    write(tmp_path / "in" / "statement.txt", text_file("Statement", "2017-04-01", statement))
    paragraphs = prose(61, 5, 70)
    paragraphs[2:2] = ["The statement read in full:", *statement]
    write(tmp_path / "in" / "article.txt", text_file("Story", "2017-04-06", paragraphs))
    write(tmp_path / "in" / "repost.txt", text_file("Story", None, paragraphs))
    assert dossier("build", tmp_path / "in").exit_code == 0
    groups = groups_by_name(dossier)
    assert groups["article.txt"] == groups["repost.txt"] != groups["statement.txt"]


def test_possible_copies_are_listed_not_merged(dossier: Dossier, tmp_path: Path) -> None:
    shared = prose(4, 4)
    write(tmp_path / "in" / "a.txt", text_file("A", "2017-04-03", [*shared, *prose(5, 4)]))
    write(tmp_path / "in" / "b.txt", text_file("B", "2017-04-03", [*shared, *prose(6, 4)]))
    assert dossier("build", tmp_path / "in").exit_code == 0
    groups = groups_by_name(dossier)
    assert groups["a.txt"] != groups["b.txt"]
    assert dossier.sql("SELECT verdict FROM copy_links") == [("possible",)]
    assert "possible copies, not merged" in dossier("copies").output


def test_a_copy_takes_date_and_outlet_from_its_group(dossier: Dossier, tmp_path: Path) -> None:
    body = prose(7)
    write(tmp_path / "in" / "original.md",
          "---\noutlet: NYT\ndate: 2017-04-03\n---\n\n# Original\n\n" + "\n\n".join(body))
    write(tmp_path / "in" / "repost.txt", text_file("Repost", None, body))
    assert dossier("build", tmp_path / "in").exit_code == 0
    docs = {Path(d["path"]).name: d for d in dossier.export()["documents"]}
    original, repost = docs["original.md"], docs["repost.txt"]
    assert original["outlet"] == "The New York Times"  # "NYT" resolved by the curated aliases
    assert repost["copy_group"] == original["copy_group"]
    assert repost["published"] == "2017-04-03"
    assert repost["published_from"] == f"copy group {original['copy_group']}: from " \
                                       f"{original['id']}"
    assert repost["outlet"] == "The New York Times"
    assert repost["outlet_from"] is not None and original["outlet_from"] is None
    assert repost["outlet_as_found"] is None


def test_outlet_names_and_domains_meet() -> None:
    assert outlet_key("The Caucasus Monitor") == outlet_key("caucasusmonitor.example")
    assert outlet_key("www.guardian.co.uk") == outlet_key("The Guardian")
    assert outlet_key("Eastern Wire Media") == outlet_key("Eastern Wire")
    assert outlet_key("Novaya Gazeta") != outlet_key("Новая газета")  # joined by the curated list


# -- incremental builds and judgements -------------------------------------------------------

def _two_stories(tmp_path: Path) -> None:
    body = prose(8)
    write(tmp_path / "in" / "a.txt", text_file("A", "2017-04-03", body))
    write(tmp_path / "in" / "b.txt", text_file("B", "2017-04-04", [*body, "This first appeared "
                                                                   "in The Monitor."]))
    write(tmp_path / "in" / "c.txt", text_file("C", "2017-04-04", prose(9)))


def test_adding_a_copy_keeps_the_group_id_and_indexes_only_the_new_document(
        dossier: Dossier, tmp_path: Path) -> None:
    _two_stories(tmp_path)
    assert dossier("build", tmp_path / "in").exit_code == 0
    before = groups_by_name(dossier)
    fingerprints = dossier.sql("SELECT seq, document_id FROM copy_fingerprints ORDER BY seq")
    write(tmp_path / "more" / "d.txt", text_file("D", None, prose(8)[:4]))
    assert dossier("build", tmp_path / "more").exit_code == 0
    after = groups_by_name(dossier)
    assert after["d.txt"] == after["a.txt"] == before["a.txt"]
    assert after["c.txt"] == before["c.txt"]
    now = dossier.sql("SELECT seq, document_id FROM copy_fingerprints ORDER BY seq")
    assert now[:len(fingerprints)] == fingerprints and len(now) == len(fingerprints) + 1


def test_judgements_apply_at_once_and_survive_rebuilds(dossier: Dossier, tmp_path: Path) -> None:
    _two_stories(tmp_path)
    assert dossier("build", tmp_path / "in").exit_code == 0
    result = dossier("judge", "copy", "a.txt", "b.txt", "--different", "--reason",
                     "b is a follow-up", "--analyst", "analyst-7")
    assert result.exit_code == 0, result.output
    assert "different copy groups" in result.output
    groups = groups_by_name(dossier)
    assert groups["a.txt"] != groups["b.txt"]
    assert dossier("judge", "copy", "a.txt", "c.txt", "--same", "--reason", "same wire",
                   "--analyst", "analyst-7").exit_code == 0
    # a later build, and cleaning everything again, keep both judgements
    write(tmp_path / "more" / "d.txt", text_file("D", None, prose(11)))
    assert dossier("build", tmp_path / "more").exit_code == 0
    dossier.sql("UPDATE documents SET cleaner = 'old'")
    assert dossier("build", tmp_path / "in").exit_code == 0
    groups = groups_by_name(dossier)
    assert groups["a.txt"] != groups["b.txt"]
    assert groups["a.txt"] == groups["c.txt"]
    assert dossier.sql("SELECT verdict, decision LIKE 'judged by analyst-7%' FROM copy_links "
                       "JOIN documents d ON d.id = copy_links.a WHERE d.path LIKE '%a.txt'") \
        == [("different", 1)]
    entries = dossier.sql("SELECT json_extract(detail, '$.analyst'), json_extract(detail, "
                          "'$.verdict') FROM custody_log WHERE action = 'judge' ORDER BY seq")
    assert entries == [("analyst-7", "different"), ("analyst-7", "copy")]
    assert dossier("verify").exit_code == 0
    assert "kept apart by a judgement" in dossier("copies").output


def test_judging_unknown_or_bodiless_documents_is_a_clear_error(dossier: Dossier,
                                                                 tmp_path: Path) -> None:
    _two_stories(tmp_path)
    write(tmp_path / "in" / "empty.txt", "")
    dossier("build", tmp_path / "in")
    before = dossier.dump()
    for args, message in (
            (["nothing.txt", "a.txt"], "no document 'nothing.txt'"),
            (["a.txt", "a.txt"], "the same document"),
            (["a.txt", "empty.txt"], "has none")):
        result = dossier("judge", "copy", *args, "--same", "--reason", "x")
        assert result.exit_code == 2, result.output
        assert message in result.output
        assert "Traceback" not in result.output
    assert dossier.dump() == before
