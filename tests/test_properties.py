"""Property-based tests (hypothesis) of the plain-text and HTML cleaning paths: whatever the
bytes, cleaning returns documents, each ok or rejected with a reason, and never raises; block
offsets agree with the text they point into; decoding is idempotent."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.clean.documents import documents_from
from dossier.clean.html import article_from_html
from dossier.clean.plain import articles_from_text
from dossier.clean.text import decode
from dossier.config import Settings
from dossier.models import DocumentStatus, MediaType, Original, sha256_hex

SETTINGS = Settings()
IN_PROCESS = replace(SETTINGS, parse_timeout_seconds=0)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like the material: words, sentence punctuation, blank lines, markup and
# some of everything else.
WORDS = st.sampled_from(["Police", "detained", "men", "in", "Grozny", "on", "Monday.", "said",
                         "Кадыров", "Reply", "Share", "Donate", "©", "2017", "—", "\n", "\n\n",
                         "  ", "# ", "**", "> ", "- ", "[link](http://x)", "---\n", "\t"])
TEXTISH = st.one_of(st.lists(WORDS, max_size=80).map(" ".join), st.text(max_size=400))
TAGS = st.sampled_from(["p", "div", "article", "nav", "footer", "aside", "h1", "figure",
                        "figcaption", "span", "section", "title", "script", "br", "li"])


@st.composite
def html_pages(draw: st.DrawFn) -> bytes:
    parts = [draw(st.sampled_from(["", "<!DOCTYPE html>", '<?xml version="1.0"?>',
                                   "<!DOCTYPE html [<!ENTITY e 'x'>]>"]))]
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(TAGS)
        kind = draw(st.integers(0, 3))
        text = draw(TEXTISH).replace("<", "&lt;")
        if kind == 0:
            parts.append(f"<{tag}>{text}</{tag}>")
        elif kind == 1:
            parts.append(f"<{tag} class='{draw(WORDS)}'>{text}")  # never closed
        elif kind == 2:
            parts.append(f"</{tag}>{text}")  # closed, never opened
        else:
            parts.append(draw(st.sampled_from(["&e;", "&amp;", "&#0;", "&#x110000;", "<!--",
                                               "]]>", "<![CDATA[", "\x00", "&nosuch;"])))
    return "".join(parts).encode(draw(st.sampled_from(["utf-8", "utf-16", "latin-1"])),
                                 errors="ignore")


def check_documents(content: bytes, media_type: MediaType, run: Settings) -> None:
    original = Original(sha256_hex(content), content, media_type, "input")
    documents = documents_from(original, run)
    assert documents
    for segment, document in enumerate(documents):
        assert document.segment == segment
        if document.status is DocumentStatus.OK:
            assert document.text and document.text.strip()
            assert document.reason is None
        else:
            assert document.reason and "\n" not in document.reason
            assert "Traceback" not in document.reason


@FAST
@given(st.one_of(st.binary(max_size=2000), TEXTISH.map(str.encode)))
def test_any_bytes_as_text_give_documents_or_a_reason(content: bytes) -> None:
    check_documents(content, MediaType.TEXT, SETTINGS)
    check_documents(content, MediaType.MARKDOWN, SETTINGS)


@FAST
@given(st.one_of(st.binary(max_size=2000), html_pages()))
def test_any_bytes_as_html_give_documents_or_a_reason(content: bytes) -> None:
    check_documents(content, MediaType.HTML, IN_PROCESS)


@settings(max_examples=15, deadline=None)
@given(html_pages())
def test_html_under_limits_reads_as_in_process(content: bytes) -> None:
    original = Original(sha256_hex(content), content, MediaType.HTML, "page.html")
    assert documents_from(original, SETTINGS) == documents_from(original, IN_PROCESS)


@FAST
@given(TEXTISH, st.booleans())
def test_text_block_offsets_point_into_the_text(text: str, markdown: bool) -> None:
    end = 0
    for article in articles_from_text(text, markdown, SETTINGS):
        for block in article.blocks:
            assert end <= block.start <= block.end <= len(text)
            # the block is the stretch it points at, wrapped lines joined and markup removed
            if not markdown:
                assert block.text.split() == text[block.start:block.end].split()
            end = block.end


@FAST
@given(html_pages())
def test_html_block_offsets_are_laid_end_to_end(content: bytes) -> None:
    result = article_from_html(content, None, SETTINGS)
    assert (result.article is None) != (result.reason is None)
    if result.article is None:
        return
    offset = 0
    for block in result.article.blocks:
        assert block.start == offset and block.end - block.start == len(block.text)
        assert block.text == block.text.strip() and block.text
        offset = block.end + 2


@FAST
@given(st.one_of(st.binary(max_size=2000), TEXTISH.map(str.encode)))
def test_decoding_is_idempotent(content: bytes) -> None:
    first = decode(content, SETTINGS)
    if first.text is None:
        assert first.reason
        return
    again = decode(first.text.encode("utf-8"), SETTINGS)
    assert again.text == first.text
