"""Plain text and Markdown cut into pieces, the units that get labels.

A piece is a paragraph of wrapped prose or, where a paragraph is a stack of short lines (site
chrome, a comment's name, timestamp and "Reply"), a single line. Offsets are into the decoded
text, so every label points back to the exact characters of the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..config import Settings
from .cues import is_byline, is_separator, stands_alone

LINE = re.compile(r"[^\n]*\n?")
FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)
LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+(?:\.\d+)*[.)])\s+")
MD_HEADING = re.compile(r"^(#{1,6})\s+")
MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MD_EMPHASIS = re.compile(r"(?<!\w)(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?!\w)")
MD_QUOTE = re.compile(r"^\s*>\s?", re.MULTILINE)


@dataclass(frozen=True)
class Piece:
    start: int  # offsets into the decoded text
    end: int
    raw: str  # the characters of the original
    text: str  # the same, Markdown markup removed and lines joined
    lines: int
    heading: int = 0  # Markdown heading level
    front_matter: bool = False
    list_item: bool = False


def split_pieces(source: str, markdown: bool, settings: Settings) -> list[Piece]:
    pieces: list[Piece] = []
    offset = 0
    if markdown and (front := FRONT_MATTER.match(source)):
        for line_start, line in _lines(source[: front.end()], 0):
            if line.strip():
                pieces.append(_piece(line_start, line, 1, markdown, front=True))
        offset = front.end()
    paragraph: list[tuple[int, str]] = []
    for line_start, line in _lines(source[offset:], offset):
        if line.strip():
            paragraph.append((line_start, line))
            continue
        if paragraph:
            pieces.extend(_paragraph(paragraph, markdown, settings))
            paragraph = []
    if paragraph:
        pieces.extend(_paragraph(paragraph, markdown, settings))
    return pieces


def _lines(text: str, base: int) -> list[tuple[int, str]]:
    out = []
    for match in LINE.finditer(text):
        if match.start() == match.end():
            break
        out.append((base + match.start(), match.group().rstrip("\n")))
    return out


def _paragraph(lines: list[tuple[int, str]], markdown: bool, settings: Settings) -> list[Piece]:
    """A run of non-blank lines as pieces: lines that stand alone (a headline's date line, a
    caption) are cut off first or last, or where they are short; the rest is wrapped prose or
    a stack of single lines."""
    widest = max(len(line.strip()) for _, line in lines)
    runs: list[list[tuple[int, str]]] = [[]]
    for n, (start, line) in enumerate(lines):
        text = line.strip()
        edge = n in (0, len(lines) - 1) or len(text) < settings.wrap_fill_share * widest
        if len(lines) > 1 and (edge or is_byline(text)) and stands_alone(text, settings):
            runs.extend([[(start, line)], []])
        else:
            runs[-1].append((start, line))
    runs = [run for run in runs if run]
    if len(runs) > 1:
        return [piece for run in runs
                for piece in _paragraph_run(run, markdown, settings)]
    return _paragraph_run(lines, markdown, settings)


def _paragraph_run(lines: list[tuple[int, str]], markdown: bool, settings: Settings) -> list[Piece]:
    if _is_wrapped(lines, settings):
        start = lines[0][0]
        raw = "\n".join(line for _, line in lines)
        return [_piece(start, raw, len(lines), markdown)]
    return [_piece(start, line, 1, markdown)
            for start, line in lines]


def _is_wrapped(lines: list[tuple[int, str]], settings: Settings) -> bool:
    """Whether a run of lines is one paragraph hard-wrapped at a fixed width."""
    if len(lines) < 2:
        return True
    texts = [line.strip() for _, line in lines]
    if any(LIST_ITEM.match(text) or MD_HEADING.match(text) for text in texts[1:]) or any(
            is_separator(text) for text in texts):
        return False
    widest = max(len(text) for text in texts)
    if widest < settings.wrap_min_width:
        return False
    return all(len(text) >= settings.wrap_fill_share * widest for text in texts[:-1])


def _piece(start: int, raw: str, lines: int, markdown: bool, front: bool = False) -> Piece:
    stripped = raw.strip()
    heading = 0
    text = " ".join(part.strip() for part in stripped.split("\n"))
    if markdown and not front:
        if match := MD_HEADING.match(text):
            heading = len(match.group(1))
            text = text[match.end():]
        text = render_markdown(text)
    return Piece(start, start + len(raw.rstrip()), raw.rstrip(), text.strip(), lines, heading,
                 front,
                 bool(LIST_ITEM.match(stripped)))


def render_markdown(text: str) -> str:
    """Inline Markdown to plain words: links keep their text, emphasis markers go."""
    text = MD_QUOTE.sub("", text)
    text = MD_LINK.sub(r"\1", text)
    for _ in range(2):
        text = MD_EMPHASIS.sub(r"\2", text)
    return text
