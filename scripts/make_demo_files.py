"""Regenerate the demo corpus's binary files: the bad files, the zip archive and the WARC.

The texts are written by hand (src/dossier/demo/corpus); these files are made from them by
code so anyone can see what they hold. Run: python scripts/make_demo_files.py
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

CORPUS = Path(__file__).resolve().parent.parent / "src" / "dossier" / "demo" / "corpus"
FIXED_TIME = (2017, 5, 3, 9, 0, 0)


def zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=FIXED_TIME), data)
    return buffer.getvalue()


def warc_of(pages: list[tuple[str, str, bytes]], date: str) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for n, (uri, content_type, body) in enumerate(pages):
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=http,
            warc_headers_dict={"WARC-Date": date,
                               "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>"})
        writer.write_record(record)
    return buffer.getvalue()


def main() -> None:
    sources = CORPUS / "archive-src"
    members = {f"wire-exports/{p.name}": p.read_bytes() for p in sorted(sources.glob("*.txt"))}
    files = {
        "bad/empty.txt": b"",
        "bad/junk.txt": random.Random(2017).randbytes(3000),
        "bad/notes.docx": zip_of({"word/document.xml": b"<w:document/>"}),
        "bad/broken.zip": zip_of(members)[:300],
        "archive/wire-exports-2017.zip": zip_of(members),
        # A crawl of the Baltic Courier explainer: the same bytes as file 06, seen again from
        # its web address, plus a logo the archive also captured (not evidence text).
        "web/baltic-courier-crawl-2017-04-12.warc.gz": warc_of([
            ("https://balticcourier.example/2017/04/11/chechnya-what-we-know",
             "text/html; charset=utf-8",
             (CORPUS / "06-baltic-courier-2017-04-11-according-to.html").read_bytes()),
            ("https://balticcourier.example/static/logo.png", "image/png",
             b"\x89PNG\r\n\x1a\n" + bytes(64)),
        ], "2017-04-12T07:15:00Z"),
    }
    for name, data in files.items():
        path = CORPUS / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"{path.relative_to(CORPUS)}: {len(data):,} bytes")


if __name__ == "__main__":
    main()
