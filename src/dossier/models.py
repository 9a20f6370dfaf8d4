"""Frozen records that flow between stages, and the helpers that give them stable IDs."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum


class MediaType(StrEnum):
    """The kinds of input dossier reads."""

    HTML = "text/html"
    TEXT = "text/plain"
    MARKDOWN = "text/markdown"
    PDF = "application/pdf"
    ZIP = "application/zip"
    WARC = "application/warc"


CONTAINER_TYPES = frozenset({MediaType.ZIP, MediaType.WARC})


class DocumentStatus(StrEnum):
    OK = "ok"
    REJECTED = "rejected"  # unreadable, or kept with its blocks but without article text


class BlockKind(StrEnum):
    """What a block of an original's text is. Only BODY becomes a document's text; TITLE and
    METADATA lines feed its fields; the rest is kept and exported as `removed[]`."""

    BODY = "body"
    TITLE = "title"
    METADATA = "metadata"  # date line, byline, front matter, "source:" headers
    BOILERPLATE = "boilerplate"
    CAPTION = "caption"
    COMMENT = "comment"


REMOVED_KINDS = (BlockKind.BOILERPLATE, BlockKind.CAPTION, BlockKind.COMMENT)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stable_id(prefix: str, *parts: str) -> str:
    """A deterministic ID: the same key fields always give the same ID, across rebuilds."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:16]}"


def document_id(sha256: str, segment: int) -> str:
    return stable_id("doc", sha256, str(segment))


def rejection_id(path: str, reason: str) -> str:
    """ID of the record of an input that could not be read at all (no bytes to address)."""
    return stable_id("rej", path, reason)


@dataclass(frozen=True)
class Captured:
    """Bytes found in the input, with where and when they were captured."""

    path: str  # as given: file path, "archive.zip!/member", or a WARC record's target URI
    content: bytes
    media_type: MediaType
    container: str | None = None  # path of the archive it came out of
    captured_at: str | None = None  # ISO time of capture (WARC-Date) when known
    modified_at: str | None = None  # file modification time, for files on disk

    @property
    def sha256(self) -> str:
        return sha256_hex(self.content)


@dataclass(frozen=True)
class Rejection:
    """Input that could not be taken in, with a reason a researcher can act on."""

    path: str
    reason: str
    container: str | None = None


@dataclass(frozen=True)
class Original:
    """A stored original: the evidentiary copy, byte for byte."""

    sha256: str
    content: bytes
    media_type: MediaType
    path: str  # the first path it was seen under


@dataclass(frozen=True)
class Block:
    """A labelled stretch of an original's extracted text, with why it got its label.

    `start`/`end` are character offsets into the original's extracted text: the decoded file
    for text and Markdown, trafilatura's rendering for HTML (body, then comments, captions and
    page chrome), the pages joined by form feeds for PDF.
    """

    kind: BlockKind
    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class Document:
    """A unit of text taken from an original; cleaning may split one original into several."""

    id: str
    sha256: str | None
    segment: int
    path: str
    status: DocumentStatus
    reason: str | None = None
    pending: str | None = None  # a stage this document is waiting for, e.g. PDF text
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    text: str = ""
    author: str | None = None
    published_from: str | None = None  # where the date was found, e.g. "date line"
    blocks: tuple[Block, ...] = ()


class LinkKind(StrEnum):
    """How two documents were found to share text."""

    EXACT = "exact"  # the same words after normalisation
    NEAR = "near"  # most shingles in common (Jaccard similarity)
    CONTAINED = "contained"  # the shorter text lies inside the longer one
    JUDGED = "judged"  # an analyst said so


class Verdict(StrEnum):
    """What a copy link means for copy groups, or what an analyst's judgement decides."""

    COPY = "copy"  # merges groups
    POSSIBLE = "possible"  # kept for review; does not merge
    QUOTED = "quoted"  # the shorter text is a source quoted by the longer; does not merge
    DIFFERENT = "different"  # an analyst said they are not copies; keeps them apart
    SAME = "same"  # an analyst said two claims are one fact; merges them
    NOT_A_CLAIM = "not-a-claim"  # an analyst said a statement asserts nothing to corroborate


@dataclass(frozen=True)
class CopyLink:
    """Two documents that share text, and what that means. `a` < `b`; `inside` names the
    shorter one when one text lies inside the other."""

    a: str
    b: str
    kind: LinkKind
    verdict: Verdict
    jaccard: float
    containment: float
    reason: str
    inside: str | None = None


@dataclass(frozen=True)
class Judgement:
    """An analyst's decision, re-applied on every build (nomenklatura style: a row, not an edit)."""

    kind: str  # "copy" (a, b: documents), "claim" (a, b: anchor mentions), "mention" (a)
    a: str
    b: str
    verdict: Verdict
    analyst: str
    at: str
    reason: str


@dataclass(frozen=True)
class CopyGroup:
    """Documents that are one story from one origin. The ID comes from the member seen first,
    so it survives builds that add copies; the representative is the earliest, most complete."""

    id: str
    representative: str
    members: tuple[str, ...]


def copy_group_id(founder: str) -> str:
    return stable_id("copies", founder)


@dataclass(frozen=True)
class BuildSummary:
    """What one build did, for the terminal and the custody log."""

    originals_new: int = 0
    originals_known: int = 0
    sightings_new: int = 0
    documents_new: int = 0
    copies_indexed: int = 0  # documents the copy stage indexed (new, or cleaned again)
    documents_extracted: int = 0  # documents stage 4 read (new, cleaned again, or newer rules)
    claims: int | None = None  # the case's claims after stage 5; None when it had nothing to do
    rejected: tuple[Rejection, ...] = ()
    rejected_new: int = 0
    skipped_hidden: int = 0
    interrupted_build_completed: bool = False
