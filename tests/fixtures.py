"""Input files made by code, so tests never depend on committed binaries."""

from __future__ import annotations

import gzip
import io
import random
import struct
import zipfile
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dossier.corroborate import Evidence
from dossier.corroborate.evidence import content_words

ARTICLE = (
    "Police in Chechnya detained more than 100 men suspected of being gay, according to a "
    "report published on Saturday. At least three of them died, the report said.\n\n"
    "A spokesman for the regional leader called the report lies.\n"
)


def article(n: int) -> str:
    """A short distinct plain-text article."""
    return f"Report number {n}\n\n{ARTICLE}Paragraph {n} adds its own detail.\n"


def evidence(text: str, document: str, **fields: Any) -> Evidence:
    """A statement as stage 5 reads it, made by hand: an event of no type, no count, date,
    entities or outlet unless `fields` give them; its content words are the text's."""
    defaults: dict[str, Any] = dict(
        id=f"m-{document}", document=document, start=0, end=len(text), text=text,
        kind="event", event_type=None, events=(), victims=None, low=None, high=None,
        quantity=None, date=None, precision=None, published=None, places=(), actors=(),
        targets=(), speaker=None, speaker_name=None, denial=False, denied_by=None,
        denied_by_name=None, hedged=False, reported=False, cited=None, cited_name=None,
        copy_group=None, outlet=None, outlet_name=None, title=None, testimony=False,
        words=content_words(text))
    return Evidence(**{**defaults, **fields})


def write(path: Path, content: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def zip_bytes(members: dict[str, bytes | str], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2017, 4, 10, 12, 0, 0))
            archive.writestr(info, data, compress_type=compression)
    return buffer.getvalue()


def encrypted_zip() -> bytes:
    """A zip whose member carries the 'encrypted' flag, as password-protected zips do."""
    data = bytearray(zip_bytes({"secret.txt": "the witness list"}))
    local = data.find(b"PK\x03\x04")
    central = data.find(b"PK\x01\x02")
    for offset in (local + 6, central + 8):
        (flags,) = struct.unpack_from("<H", data, offset)
        struct.pack_into("<H", data, offset, flags | 0x1)
    return bytes(data)


def ratio_bomb(megabytes: int = 5) -> bytes:
    """One member of zeros: tiny compressed, huge expanded."""
    return zip_bytes({"zeros.txt": b"\0" * (megabytes * 1024 * 1024)})


def nested_zip(depth: int) -> bytes:
    data = zip_bytes({"core.txt": article(0)})
    for level in range(depth):
        data = zip_bytes({f"level{level}.zip": data}, zipfile.ZIP_STORED)
    return data


def lying_zip() -> bytes:
    """A member whose headers declare 10 bytes while it holds 200 KB."""
    data = bytearray(zip_bytes({"liar.txt": "x" * 200_000}))
    local = data.find(b"PK\x03\x04")
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, local + 22, 10)
    struct.pack_into("<I", data, central + 24, 10)
    return bytes(data)


def junk(size: int = 4096, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(size)


def undecodable() -> bytes:
    """High bytes that no character encoding maps to sensible text, and no control bytes."""
    return bytes(range(128, 256)) * 8


def warc(pages: dict[str, tuple[str, bytes]], *, gz: bool = True,
         date: str = "2017-04-03T10:00:00Z") -> bytes:
    """A WARC with one response record per page: {uri: (content type, body)}."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for uri, (content_type, body) in pages.items():
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)],
                                   protocol="HTTP/1.1")
        record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                           http_headers=headers,
                                           warc_headers_dict={"WARC-Date": date})
        writer.write_record(record)
    return buffer.getvalue()


def truncated_gzip_warc() -> bytes:
    data = warc({"https://a.example/x": ("text/html", b"<html><p>x</p></html>" * 100)})
    return gzip.compress(gzip.decompress(data))[: len(data) // 2]


def pdf_bytes(pages: list[list[str]], title: str | None = None) -> bytes:
    """A small valid PDF whose pages hold these lines of text in Helvetica (a page with no
    lines has no text layer, like a scan)."""
    def escape(line: str) -> str:
        return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    objects: list[bytes] = []
    kids = " ".join(f"{3 + 2 * n} 0 R" for n in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    font = 3 + 2 * len(pages)
    for n, lines in enumerate(pages):
        content = "BT /F1 11 Tf 72 760 Td 14 TL " + " ".join(
            f"({escape(line)}) Tj T*" for line in lines) + " ET" if lines else ""
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents "
                       f"{4 + 2 * n} 0 R /Resources << /Font << /F1 {font} 0 R >> >> >>"
                       .encode())
        data = content.encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    info = ""
    if title is not None:
        objects.append(f"<< /Title ({escape(title)}) >>".encode("latin-1"))
        info = f" /Info {len(objects)} 0 R"
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info} >>\nstartxref\n{xref}\n"
              "%%EOF\n".encode())
    return out.getvalue()


def encrypted_pdf(password: str = "secret") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes([["Confidential."]]))))
    writer.encrypt(password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
