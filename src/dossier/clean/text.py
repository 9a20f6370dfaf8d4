"""Bytes to text: encoding detection, binary junk and empty files told apart with a reason."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

from ..config import Settings

# C0 control characters that never belong in text (tab, newline, form feed, carriage return do).
CONTROL_BYTES = bytes(sorted(set(range(0x00, 0x20)) - {0x09, 0x0A, 0x0C, 0x0D}))
HIGH_BYTES = bytes(range(0x80, 0x100))
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Multi-byte East Asian encodings: charset-normalizer picks them for short Western texts in a
# legacy single-byte encoding ("Grüße" read as Big5). Real text in them is mostly high bytes,
# so they are ruled out when almost every byte is ASCII.
CJK_MULTIBYTE = [
    "big5", "big5hkscs", "cp932", "cp949", "cp950", "euc_jis_2004", "euc_jisx0213", "euc_jp",
    "euc_kr", "gb18030", "gb2312", "gbk", "hz", "iso2022_jp", "iso2022_jp_1", "iso2022_jp_2",
    "iso2022_jp_2004", "iso2022_jp_3", "iso2022_jp_ext", "iso2022_kr", "johab", "shift_jis",
    "shift_jis_2004", "shift_jisx0213",
]
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Decoded:
    text: str | None
    encoding: str | None = None
    reason: str | None = None  # why there is no text


def decode(content: bytes, settings: Settings) -> Decoded:
    """The text of an original, or a reason a researcher can understand why there is none."""
    if not content:
        return Decoded(None, reason="empty file (0 bytes)")
    for bom, encoding in BOMS:
        if content.startswith(bom):
            try:
                return _checked(content.decode(encoding), encoding)
            except UnicodeDecodeError:
                return Decoded(None, reason=f"undecodable text: it starts with a {encoding} "
                               f"byte-order mark but is not valid {encoding}")
    sample = content[:65536]
    # bytes.translate with a delete set counts in C; a Python loop over 64 KB costs ~5 ms.
    controls = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    if controls > max(settings.max_control_share * len(sample), settings.min_control_bytes):
        return Decoded(None, reason="not text: binary data (an image, executable or other "
                       "binary file saved under a text name)")
    try:
        return _checked(content.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    ascii_share = len(sample.translate(None, HIGH_BYTES)) / len(sample)
    exclude = CJK_MULTIBYTE if ascii_share >= settings.mostly_ascii_share else None
    best = charset_normalizer.from_bytes(content, cp_exclusion=exclude).best()
    if best is None:
        return Decoded(None, reason="undecodable text: no character encoding fits these bytes")
    return _checked(str(best), best.encoding)


def _checked(text: str, encoding: str) -> Decoded:
    text = CONTROL_CHARS.sub("", text)
    if not text.strip():
        return Decoded(None, encoding, reason="no text: the file holds only white space")
    return Decoded(text, encoding)
