"""Hostile input made by code: pages, PDFs and archives crafted to hang, exhaust or leak.

Each generator returns the bytes of one file; tests/test_hostile.py builds them into a case.
`ORIGIN` marks the one paragraph of honest text some of them carry, so a test can tell that
the reader still found it.
"""

from __future__ import annotations

import io
import zlib

from fixtures import warc, zip_bytes

ORIGIN = "Police detained several men in the region on Monday, the monitoring group said."
PASSWD_MARKERS = ("root:x:0:0", "/bin/bash", "/usr/sbin/nologin", "daemon:x:")


def billion_laughs_html() -> bytes:
    """Nine levels of entities, each ten of the one below: 10^9 "lol"s if expanded."""
    entities = ['<!ENTITY lol "lol">', '<!ENTITY lol1 "' + "&lol;" * 10 + '">']
    entities += [f'<!ENTITY lol{n} "' + f"&lol{n - 1};" * 10 + '">' for n in range(2, 10)]
    return (f'<!DOCTYPE html [{"".join(entities)}]><html><body><article><p>{ORIGIN}</p>'
            "<p>&lol9;&lol9;&lol9;</p></article></body></html>").encode()


def billion_laughs_xml() -> bytes:
    """The same in XHTML with an XML declaration, as an XML parser would read it."""
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + billion_laughs_html().replace(
        b"<html>", b'<html xmlns="http://www.w3.org/1999/xhtml">')


def quadratic_blowup_html() -> bytes:
    """One 100 KB entity referenced 10,000 times (1 GB expanded) with no nesting."""
    return (f'<!DOCTYPE html [<!ENTITY a "{"a" * 100_000}">]><html><body><p>{ORIGIN}</p><p>'
            + "&a;" * 10_000 + "</p></body></html>").encode()


def external_references_html(port: int) -> bytes:
    """XXE: external entities and DTDs naming /etc/passwd and a listener on this machine,
    XInclude, and the usual fetching tags (images, frames, styles, scripts)."""
    url = f"http://127.0.0.1:{port}"
    return f"""<?xml version="1.0"?>
<!DOCTYPE html SYSTEM "{url}/evil.dtd" [
  <!ENTITY passwd SYSTEM "file:///etc/passwd">
  <!ENTITY remote SYSTEM "{url}/entity">
  <!ENTITY % param SYSTEM "{url}/param.dtd">
  %param;
]>
<html xmlns:xi="http://www.w3.org/2001/XInclude"><head><title>Detentions</title>
<link rel="stylesheet" href="{url}/style.css"><script src="{url}/app.js"></script>
<base href="{url}/"></head>
<body><article><h1>Detentions</h1><p>{ORIGIN}</p><p>&passwd;</p><p>&remote;</p>
<xi:include href="file:///etc/passwd" parse="text"/>
<img src="{url}/pixel.png"><iframe src="file:///etc/passwd"></iframe>
<object data="file:///etc/passwd"></object></article></body></html>""".encode()


def deep_html(depth: int = 100_000) -> bytes:
    return (b"<html><body>" + b"<div>" * depth + ORIGIN.encode() + b"</div>" * depth
            + b"</body></html>")


def huge_line_html(megabytes: int = 8) -> bytes:
    """One paragraph of words on a single line, no newline anywhere."""
    words = b"word " * (megabytes * 1024 * 1024 // 5)
    return b"<html><body><article><p>" + words + b"</p></article></body></html>"


def huge_line_text(megabytes: int = 8) -> bytes:
    return ORIGIN.encode() + b" " + b"word " * (megabytes * 1024 * 1024 // 5)


def many_attributes_html(count: int = 200_000) -> bytes:
    """One tag with this many attributes: reading it takes time that grows with its square
    (about 30 s for 50,000 attributes), the case the time limit is for."""
    attributes = b" ".join(b'a%d="x"' % n for n in range(count))
    return b"<html><body><p " + attributes + b">" + ORIGIN.encode() + b"</p></body></html>"


def _pdf(objects: list[bytes], root: int = 1) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, root, xref))
    return out.getvalue()


def _page(contents: int, parent: int, font: int) -> bytes:
    return (b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (parent, contents, font))


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_recursive_pages() -> bytes:
    """A page tree whose node lists itself among its kids: a cycle."""
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                 b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                 _page(4, 2, 5),
                 b"<< /Length 0 >>\nstream\n\nendstream", FONT])


def pdf_deep_pages(depth: int = 50_000) -> bytes:
    """A page tree nested this deep, one page at the bottom."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        number = 2 + level
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 /Parent %d 0 R >>"
                       % (number + 1, max(number - 1, 2)))
    page = 2 + depth
    objects.append(_page(page + 1, page - 1, page + 2))
    text = f"BT /F1 11 Tf 72 760 Td ({ORIGIN}) Tj ET".encode()
    objects.append(b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream")
    objects.append(FONT)
    return _pdf(objects)


def pdf_deep_array(depth: int = 200_000) -> bytes:
    """An object that is an array nested this deep: [[[[...]]]]."""
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R /Deep 3 0 R >>",
                 b"<< /Type /Pages /Kids [] /Count 0 >>",
                 b"[" * depth + b"]" * depth])


def pdf_bomb(megabytes: int = 200) -> bytes:
    """A page whose content stream is a few hundred KB compressed and this many MB of
    text-showing operators unpacked."""
    line = b"(" + ORIGIN.encode() + b") Tj T*\n"
    compressor = zlib.compressobj(9)
    chunk = line * (1024 * 1024 // len(line))
    parts = [compressor.compress(b"BT /F1 11 Tf 72 760 Td 14 TL\n")]
    parts += [compressor.compress(chunk) for _ in range(megabytes)]
    parts.append(compressor.compress(b"ET") + compressor.flush())
    stream = b"".join(parts)
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                 b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 _page(4, 2, 5),
                 b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
                 + b"\nendstream", FONT])


def zip_of_bombs() -> bytes:
    """A zip holding a billion-laughs page and a deep page next to an honest article."""
    return zip_bytes({"laughs.html": billion_laughs_html(), "deep.html": deep_html(20_000),
                      "honest.txt": ORIGIN + "\n"})


def warc_bomb(megabytes: int = 60) -> bytes:
    """A gzipped WARC whose one response unpacks to this many MB of one repeated byte."""
    return warc({"https://bomb.example/": ("text/html", b" " * (megabytes * 1024 * 1024))})
