"""Confidential testimonies: a witness's account read from a file, sealed for the case.

The original as given, the text read from it, and who the witness is (with the date and place
of the account and the file's name) are each sealed under a key of the testimony's own
(protect/keys.py), bound to the testimony's ID; the witness is known everywhere else by a
random pseudonym ("Witness W-7F3A"). Opening needs the case key, hence a passphrase.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..clean.pdf import pdf_text
from ..clean.pieces import split_pieces
from ..clean.text import decode
from ..config import Settings
from ..errors import DossierError
from . import keys

TESTIMONY_ID_HEX = 16  # random, so the ID says nothing about the account
WITNESS_CODE_HEX = 4
WITNESS_PSEUDONYM = "Witness W-{code}"
PDF_SUFFIXES = (".pdf",)
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")


class TestimonyError(DossierError):
    """A testimony that cannot be added or opened."""


@dataclass(frozen=True, slots=True)
class Account:
    """A witness account as read from its file, before it is sealed."""

    original: bytes
    text: str
    media_type: str
    file_name: str


@dataclass(frozen=True, slots=True)
class SealedTestimony:
    """A testimony as the case file keeps it: nothing readable but its pseudonym and dates."""

    id: str
    digest: str
    pseudonym: str
    added_at: str
    wrapped_key: bytes | None  # None: destroyed
    original: bytes | None
    text: bytes | None
    meta: bytes | None
    destroyed_at: str | None = None


@dataclass(frozen=True, slots=True)
class Testimony:
    """A testimony opened with the case key (or, locked, only what is in the clear)."""

    id: str
    pseudonym: str
    added_at: str
    destroyed_at: str | None
    locked: bool
    witness: str | None = None
    date: str | None = None
    place: str | None = None
    file_name: str | None = None
    media_type: str | None = None
    text: str | None = None


def read_account(path: Path, settings: Settings) -> Account:
    """A witness account from a text, Markdown or PDF file."""
    try:
        original = path.read_bytes()
    except OSError as exc:
        raise TestimonyError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(original) > settings.max_file_bytes:
        raise TestimonyError(f"{path.name} is larger than the {settings.max_file_bytes:,}-byte "
                             "limit for a file")
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES or original.startswith(b"%PDF-"):
        found = pdf_text(original, settings)
        text, reason, media_type = found.text, found.reason, "application/pdf"
    elif suffix in TEXT_SUFFIXES or not suffix:
        decoded = decode(original, settings)
        text, reason = decoded.text, decoded.reason
        media_type = "text/markdown" if suffix in (".md", ".markdown") else "text/plain"
    else:
        raise TestimonyError(f"{path.name}: a testimony is read from a text, Markdown or PDF "
                             "file")
    if not text or not text.strip():
        raise TestimonyError(f"{path.name} holds no text to read: {reason or 'empty'}")
    # paragraphs as cleaning makes them (lines of one paragraph joined, Markdown marks off),
    # so that a sentence wrapped over two lines is one sentence; every paragraph is kept
    pieces = split_pieces(text, media_type == "text/markdown", settings)
    body = "\n\n".join(p.text for p in pieces if not p.front_matter) or text
    return Account(original, body.strip(), media_type, path.name)


def seal_testimony(case_key: bytes, account: Account, witness: str, date: str | None,
                   place: str | None, taken: set[str], added_at: str) -> SealedTestimony:
    """The account sealed under a fresh key of its own, the witness given a pseudonym."""
    if not witness.strip():
        raise TestimonyError("a testimony needs its witness's name (--witness): it is sealed "
                             "with the account and shown to nobody without clearance")
    tid = f"testimony-{secrets.token_hex(TESTIMONY_ID_HEX // 2)}"
    while True:
        code = secrets.token_hex(WITNESS_CODE_HEX // 2).upper()
        pseudonym = WITNESS_PSEUDONYM.format(code=code)
        if pseudonym not in taken:
            break
    object_key = keys.new_key()
    meta = {"witness": witness.strip(), "date": date, "place": place,
            "file_name": account.file_name, "media_type": account.media_type}
    return SealedTestimony(
        id=tid, digest=keys.keyed_digest(case_key, account.original), pseudonym=pseudonym,
        added_at=added_at, wrapped_key=keys.wrap_object_key(case_key, tid, object_key),
        original=keys.seal(object_key, f"original:{tid}", account.original),
        text=keys.seal(object_key, f"text:{tid}", account.text.encode("utf-8")),
        meta=keys.seal(object_key, f"meta:{tid}", json.dumps(meta).encode("utf-8")))


def locked(row: SealedTestimony) -> Testimony:
    return Testimony(row.id, row.pseudonym, row.added_at, row.destroyed_at, locked=True)


def open_testimony(case_key: bytes, row: SealedTestimony) -> Testimony:
    """The testimony's contents, with the case key; a destroyed one stays locked for good."""
    if row.wrapped_key is None or row.text is None or row.meta is None:
        return locked(row)
    object_key = keys.unwrap_object_key(case_key, row.id, row.wrapped_key)
    meta = json.loads(keys.unseal(object_key, f"meta:{row.id}", row.meta))
    text = keys.unseal(object_key, f"text:{row.id}", row.text).decode("utf-8")
    return Testimony(row.id, row.pseudonym, row.added_at, row.destroyed_at, locked=False,
                     witness=meta["witness"], date=meta["date"], place=meta["place"],
                     file_name=meta["file_name"], media_type=meta["media_type"], text=text)


def supporting_statement(case_key: bytes, row: SealedTestimony, claim: str,
                         sealed: bytes) -> str:
    """The testimony's statement that supports `claim` (sealed with the testimony's key)."""
    if row.wrapped_key is None:
        raise TestimonyError(f"{row.id} was destroyed: its key is gone for good")
    object_key = keys.unwrap_object_key(case_key, row.id, row.wrapped_key)
    found: str = json.loads(keys.unseal(object_key, f"support:{row.id}:{claim}", sealed))["text"]
    return found


def testimony_quotes(case_key: bytes, testimonies: Sequence[SealedTestimony],
                     supports: Mapping[str, Sequence[tuple[str, bytes]]]
                     ) -> dict[tuple[str, str], str]:
    """(claim, witness pseudonym) → the supporting statement, for a cleared output."""
    found = {}
    for row in testimonies:
        if row.wrapped_key is None:
            continue
        for claim, sealed in supports.get(row.id, ()):
            found[(claim, row.pseudonym)] = supporting_statement(case_key, row, claim, sealed)
    return found
