"""The clean stage through the CLI: each kind of block, metadata, compilations, PDFs, bad input."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import Dossier
from fixtures import encrypted_pdf, pdf_bytes, write

from dossier.clean.documents import documents_from
from dossier.config import Settings
from dossier.models import MediaType, Original, sha256_hex

PARAGRAPHS = [
    "Police in the republic detained more than forty men in the first week of the month, "
    "according to a report by an independent newspaper based in the capital.",
    "The newspaper said the men were held at a former military base outside the town and "
    "that relatives had been told nothing about where they were taken.",
    "A spokesman for the regional government called the report an information attack and "
    "said that no one had been detained for who they are.",
]

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Forty men detained, newspaper says — The Steppe Observer</title>
<meta property="og:site_name" content="The Steppe Observer">
<meta property="og:title" content="Forty men detained, newspaper says">
<meta name="author" content="Mira Salo">
<meta property="article:published_time" content="2019-01-15T09:00:00+00:00">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/login">Sign in</a></nav>
<article>
<h1>Forty men detained, newspaper says</h1>
<p>By Mira Salo, 15 January 2019</p>
<figure><img src="x.jpg"><figcaption>The base outside the town. Photo: A. Kask / Getty Images
</figcaption></figure>
<p>{}</p><p>{}</p><p>{}</p>
<p>Independent journalism needs you. The Steppe Observer is funded by its readers: please
support our work with a donation today.</p>
</article>
<section id="comments" class="comments">
<h3>3 comments</h3>
<div class="comment"><p>Sources close to the Kremlin told me the whole story was invented and
nobody was ever detained anywhere.</p></div>
<div class="comment"><p>A friend says more than three hundred men were taken, believe me.</p></div>
</section>
<footer>© 2019 The Steppe Observer. All rights reserved.</footer>
</body></html>
""".format(*PARAGRAPHS)


def test_html_body_comments_caption_and_metadata(dossier: Dossier, tmp_path: Path) -> None:
    write(tmp_path / "page.html", PAGE)
    assert dossier("build", tmp_path / "page.html").exit_code == 0
    (doc,) = dossier.export()["documents"]
    assert doc["status"] == "ok"
    assert doc["title"] == "Forty men detained, newspaper says"
    assert doc["outlet"] == "The Steppe Observer"
    assert doc["author"] == "Mira Salo"
    assert doc["published"] == "2019-01-15" and doc["published_from"] == "page metadata"
    assert doc["language"] == "en"
    for paragraph in PARAGRAPHS:
        assert paragraph in doc["text"]
    # Comments, the appeal, the caption and the page chrome are kept apart, never in the body.
    assert "Kremlin" not in doc["text"] and "three hundred" not in doc["text"]
    assert "donation" not in doc["text"] and "Getty" not in doc["text"]
    removed = {(block["kind"], block["text"]) for block in doc["removed"]}
    kinds = {kind for kind, _ in removed}
    assert kinds == {"boilerplate", "caption", "comment"}
    assert any(kind == "comment" and "Kremlin" in text for kind, text in removed)
    assert any(kind == "caption" and "Getty Images" in text for kind, text in removed)
    assert any(kind == "boilerplate" and "donation" in text for kind, text in removed)
    assert all(block["reason"] for block in doc["removed"])


def test_html_parsing_resolves_no_entities_and_reads_no_files(dossier: Dossier,
                                                              tmp_path: Path) -> None:
    secret = write(tmp_path / "secret.txt", "TOP-SECRET-MARKER\n")
    page = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]>'
            f"<html><body><article><p>{PARAGRAPHS[0]} &x;</p><p>{PARAGRAPHS[1]}</p>"
            "</article></body></html>")
    write(tmp_path / "in" / "hostile.html", page)
    assert dossier("build", tmp_path / "in").exit_code == 0
    assert "TOP-SECRET-MARKER" not in str(dossier.export())


def test_html_declared_charset_is_used(dossier: Dossier, tmp_path: Path) -> None:
    text = ("В Чечне задержаны более ста мужчин, сообщила независимая газета. Власти "
            "республики назвали публикацию ложью и провокацией против народа.")
    page = (f'<html><head><meta charset="windows-1251"><title>Задержания</title></head>'
            f"<body><article><p>{text}</p><p>{text}</p></article></body></html>")
    write(tmp_path / "ru.html", page.encode("cp1251"))
    dossier("build", tmp_path / "ru.html")
    (doc,) = dossier.export()["documents"]
    assert "задержаны более ста мужчин" in doc["text"]
    assert doc["language"] == "ru"


COPIED = """Skip to main content
Menu
Share on Facebook

Published: 21 April 2017

Forty men detained, newspaper says

{}

A guard outside the base on Friday. Photo: A. Kask / Getty Images

{}

{}

Sign up to our newsletter: the week's rights news in your inbox every Friday. Subscribe now
and support our independent reporting.

Mira Salo is a correspondent covering the North Caucasus for the Observer.

3 Responses to "Forty men detained"

Anna K. says:
April 21, 2017 at 9:14 pm
Sources close to the Kremlin told me the whole story was invented.
Reply

Dmitri says:
April 21, 2017 at 10:02 pm
My cousin says it is already 400 men and the police kill them every night.
Reply

© 2017 The Steppe Observer
""".format(*PARAGRAPHS)


def test_plain_text_blocks_are_labelled_with_reasons(dossier: Dossier, tmp_path: Path) -> None:
    write(tmp_path / "copied.txt", COPIED)
    dossier("build", tmp_path / "copied.txt")
    (doc,) = dossier.export()["documents"]
    assert doc["text"] == "\n\n".join(PARAGRAPHS)
    assert doc["title"] == "Forty men detained, newspaper says"
    assert doc["published"] == "2017-04-21" and doc["published_from"] == "date line"
    assert doc["outlet"] == "The Steppe Observer"
    by_kind: dict[str, list[str]] = {}
    for block in doc["removed"]:
        by_kind.setdefault(block["kind"], []).append(block["text"])
    assert "Skip to main content" in by_kind["boilerplate"]
    assert any("newsletter" in text for text in by_kind["boilerplate"])
    assert any(text.startswith("Mira Salo is a correspondent") for text in by_kind["boilerplate"])
    assert by_kind["caption"] == ["A guard outside the base on Friday. Photo: A. Kask / "
                                  "Getty Images"]
    comments = " ".join(by_kind["comment"])
    assert "Kremlin" in comments and "400 men" in comments and "Anna K. says:" in comments
    assert [h["kind"] for h in doc["header"]] == ["metadata", "title"]
    # Offsets point at the exact characters of the original.
    source = COPIED
    for block in doc["removed"] + doc["header"]:
        assert source[block["start"]:block["end"]].replace("\n", " ") == block["text"]


def test_markdown_front_matter_and_comment_thread(dossier: Dossier, tmp_path: Path) -> None:
    post = ("---\ntitle: \"A vigil in Leipzig\"\nauthor: Jules\ndate: 2017-04-17\n"
            "blog: Rainbow Notes\n---\n\n# A vigil in Leipzig\n\n"
            f"{PARAGRAPHS[0]}\n\nI was there with my sister, and **we** lit candles for the "
            "men who were taken.\n\nFollow me on Twitter: [@jules](https://x.example/jules)\n\n"
            "## 2 Responses to “A vigil in Leipzig”\n\n1. Anna K. says:\n   April 17, 2017 at "
            "9:14 pm\n   Thank you for organising this.\n   Reply\n")
    write(tmp_path / "post.md", post)
    dossier("build", tmp_path / "post.md")
    (doc,) = dossier.export()["documents"]
    assert (doc["title"], doc["author"], doc["outlet"], doc["published"]) == (
        "A vigil in Leipzig", "Jules", "Rainbow Notes", "2017-04-17")
    assert doc["text"] == (f"{PARAGRAPHS[0]}\n\nI was there with my sister, and we lit candles "
                           "for the men who were taken.")
    removed = [(block["kind"], block["text"]) for block in doc["removed"]]
    assert ("boilerplate", "Follow me on Twitter: @jules") in removed
    follow = removed.index(("boilerplate", "Follow me on Twitter: @jules"))
    assert {kind for kind, _ in removed[follow + 1:]} == {"comment"}
    assert ("comment", "Thank you for organising this.") in removed


def test_compilation_is_split_into_segments(dossier: Dossier, tmp_path: Path) -> None:
    stories = [("Court orders release of jailed editor", "20 Nov 2018"),
               ("Police detain academics in dawn raids", "17 Nov 2018"),
               ("Lawyers held after defending protesters", "16 Nov 2018")]
    parts = ["NEWS ROUNDUP | World | Europe", ""]
    for n, (headline, date) in enumerate(stories):
        parts += [headline, date, "", PARAGRAPHS[n], "", PARAGRAPHS[(n + 1) % 3], "",
                  "Tags: rights, courts", "-" * 40, ""]
    parts += ["Load more stories", "(c) 2018 News Roundup Ltd."]
    write(tmp_path / "front.txt", "\n".join(parts) + "\n")
    dossier("build", tmp_path / "front.txt")
    docs = dossier.export()["documents"]
    assert [d["segment"] for d in docs] == [0, 1, 2]
    assert len({d["sha256"] for d in docs}) == 1
    assert [(d["title"], d["published"]) for d in docs] == [
        (headline, f"2018-11-{date[:2]}") for headline, date in stories]
    assert all(d["outlet"] == "News Roundup" for d in docs)
    assert [d["text"] for d in docs] == [
        f"{PARAGRAPHS[n]}\n\n{PARAGRAPHS[(n + 1) % 3]}" for n in range(3)]


def test_an_article_with_subheadings_stays_whole(dossier: Dossier, tmp_path: Path) -> None:
    text = "\n\n".join(["Forty men detained, newspaper says", PARAGRAPHS[0], PARAGRAPHS[1],
                        "What the government says", PARAGRAPHS[2], "What happens next",
                        PARAGRAPHS[0]])
    write(tmp_path / "long.txt", text)
    dossier("build", tmp_path / "long.txt")
    (doc,) = dossier.export()["documents"]
    assert "What the government says" in doc["text"] and PARAGRAPHS[2] in doc["text"]


def test_pdf_text_scan_encrypted_and_broken(dossier: Dossier, tmp_path: Path) -> None:
    write(tmp_path / "in" / "report.pdf", pdf_bytes(
        [["Detentions in the North Caucasus"], [PARAGRAPHS[0]], [PARAGRAPHS[1]]],
        title="NGO report 2017"))
    scan = pdf_bytes([[], []])
    write(tmp_path / "in" / "scan.pdf", scan)
    write(tmp_path / "in" / "locked.pdf", encrypted_pdf())
    write(tmp_path / "in" / "broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    result = dossier("build", tmp_path / "in")
    assert result.exit_code == 0 and "Traceback" not in result.output
    docs = {Path(d["path"]).name: d for d in dossier.export()["documents"]}
    report = docs["report.pdf"]
    assert report["status"] == "ok"
    assert PARAGRAPHS[0] in report["text"] and PARAGRAPHS[1] in report["text"]
    assert report["title"] == "Detentions in the North Caucasus"
    assert docs["scan.pdf"]["status"] == "rejected"
    assert "scanned PDF" in docs["scan.pdf"]["reason"] and "OCR" in docs["scan.pdf"]["reason"]
    assert "password" in docs["locked.pdf"]["reason"]
    assert "unreadable PDF" in docs["broken.pdf"]["reason"]
    # Kept: the scan's bytes are in the case, addressable by their hash.
    assert dossier.sql("SELECT size FROM originals WHERE sha256 = ?",
                       hashlib.sha256(scan).hexdigest()) == [(len(scan),)]


def test_document_without_article_text_is_kept_and_marked(dossier: Dossier,
                                                          tmp_path: Path) -> None:
    write(tmp_path / "chrome.txt", "Skip to main content\nMenu\nSearch\nSign in\n\n"
                                   "© 2020 Some Site. All rights reserved.\n")
    result = dossier("build", tmp_path / "chrome.txt")
    assert result.exit_code == 0
    (doc,) = dossier.export()["documents"]
    assert doc["status"] == "rejected" and doc["reason"].startswith("no article text found")
    assert [block["text"] for block in doc["removed"]][:2] == ["Skip to main content", "Menu"]
    assert "no article text found" in dossier("sources", "--rejected").output


def test_sources_show_what_was_removed_and_why(dossier: Dossier, tmp_path: Path) -> None:
    write(tmp_path / "copied.txt", COPIED)
    dossier("build", tmp_path / "copied.txt")
    listing = dossier("sources").output
    assert "removed by cleaning" in listing and "comment" in listing
    blocks = dossier("sources", "--document", "copied.txt")
    assert blocks.exit_code == 0
    assert "inside the comment thread" in blocks.output
    assert "photo caption or credit" in blocks.output
    assert "published: 2017-04-21 (date line)" in blocks.output
    missing = dossier("sources", "--document", "nope.txt")
    assert missing.exit_code == 2 and "no document 'nope.txt'" in missing.output


def outlet_of(text: str) -> str | None:
    content = text.encode("utf-8")
    (document, *_) = documents_from(Original(sha256_hex(content), content, MediaType.TEXT,
                                             "a.txt"), Settings())
    return document.outlet


BODY = ("Police officers in Miras used a dating app to lure men to meetings, an Open Door "
        "investigation has found.\n\nOver eight months, Open Door identified at least 17 men "
        "who were targeted in this way, and spoke to nine of them in Miras.\n")


@pytest.mark.parametrize(("header", "outlet"), [
    ("Officers blackmailed men\nThe Continental Review\n3 June 2022", "The Continental Review"),
    ("THE HORN TRIBUNE\nAfrica · Horn of Africa · Ethiopia\nOfficers blackmailed men\n"
     "3 June 2022", "The Horn Tribune"),
    ("Officers blackmailed men\nBy Clara Munt, Morning Ledger\n3 June 2022", "Morning Ledger"),
    # a byline's name with no outlet word, which the body speaks of as its own
    ("Officers blackmailed men\nBy Yusuf Karam, Open Door\n3 June 2022", "Open Door"),
    # a place after the byline's comma is no outlet, nor a section heading on its own line
    ("Officers blackmailed men\nBy Yusuf Karam, Miras\n3 June 2022", None),
    ("World News\nOfficers blackmailed men\nBy Yusuf Karam\n3 June 2022", None),
    ("Officers blackmailed men\n3 June 2022", None),
])
def test_the_outlet_named_above_the_article(header: str, outlet: str | None) -> None:
    assert outlet_of(f"{header}\n\n{BODY}") == outlet


def test_the_publishers_company_is_not_the_outlets_name() -> None:
    assert outlet_of(f"Officers blackmailed men\n3 June 2022\n\n{BODY}\n"
                     "© 2022 Island Times Newspapers. All rights reserved.\n") == "Island Times"
