"""Article files of every accepted format, built in the tests (no binary fixtures in the repo).

``make_pdf`` writes a small valid PDF by hand: pypdf reads PDFs but cannot lay out text, and a
hand-written content stream (Helvetica, one text line per ``Tj``) is all a text layer needs.
"""

from __future__ import annotations

import io
import zipfile


def _pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def make_pdf(paragraphs: list[list[str]] | None, info: dict[str, str] | None = None) -> bytes:
    """A one-page PDF whose text layer holds ``paragraphs`` (each a list of visual lines, a blank
    line between paragraphs); None gives a page without any text (a "scanned" PDF)."""
    ops = ["BT", "/F1 10 Tf", "13 TL", "50 780 Td"]
    for para in paragraphs or []:
        for line in para:
            ops.append(f"{_pdf_string(line)} Tj T*")
        ops.append("T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1") if paragraphs else b"q 0 0 0 rg 10 10 100 100 re f Q"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    if info:
        objs.append(("<< " + " ".join(f"/{k} {_pdf_string(v)}" for k, v in info.items()) + " >>").encode("latin-1"))
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    trailer = b"<< /Size %d /Root 1 0 R" % (len(objs) + 1)
    if info:
        trailer += b" /Info %d 0 R" % len(objs)
    out.write(b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def make_docx(paragraphs: list[str], title: str | None = None, author: str | None = None,
              created=None, heading: str | None = None) -> bytes:
    """A .docx written by python-docx: an optional Title-styled heading, then the paragraphs."""
    import docx

    document = docx.Document()
    if heading:
        document.add_heading(heading, level=0)
    for p in paragraphs:
        document.add_paragraph(p)
    props = document.core_properties
    props.title = title or ""
    props.author = author or ""
    if created is not None:
        props.created = created
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def make_html(title: str, author: str, published: str, paragraphs: list[str], extra_head: str = "") -> bytes:
    """A saved news page: site furniture around one article, metadata in meta tags."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | Harbour Courier</title>
<meta property="og:title" content="{title}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{published}T08:30:00Z">
{extra_head}
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a> <a href="/login">Sign in</a></nav></header>
<main><article>
<h1>{title}</h1>
<p class="byline">By {author}</p>
{body}
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Ten recipes for a rainy week</a></li>
<li><a href="/b">Football: the season so far</a></li></ul></aside></main>
<footer><p>Copyright 2025 Harbour Courier. All rights reserved.</p><p>Subscribe to our newsletter.</p></footer>
</body></html>""".encode()


def zip_bomb_docx(unpacked: int = 200 * 1024 * 1024) -> bytes:
    """A .docx-shaped zip whose document.xml unpacks to ``unpacked`` bytes of zeros (a few KB packed)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\0" * (1024 * 1024)
            for _ in range(unpacked // len(block)):
                member.write(block)
    return buf.getvalue()


# Two short news articles written for these tests (invented places and people), each with a
# dated event, a named leader and a named plan, in sentences the fact extractor handles.
VARNIA_TITLE = "Council of Varnia elects Mara Quell as president"
VARNIA = [
    "The Council of Varnia elected a new president on May 10, 2025, after a week of talks in the capital, Lunsk.",
    "Varnian President Mara Quell, a former finance minister, said the council would launch the Green Harbour "
    "Plan to cut port emissions by half by 2030.",
    "Delegates from all twelve provinces took part in the vote, which ended a long dispute over the council's budget.",
]
TESSALY_TITLE = "Tessaly ports agree on a shared fuel levy"
TESSALY = [
    ["President Oren Vale of Tessaly signed the Blue Fuel Accord on March 3, 2025, in the port city of", "Calder."],
    ["Vale said the accord would create a common levy on ship fuel to pay for cleaner harbours."],
    ["Ministers from four coastal states attended the ceremony, which followed two years of talks."],
]


def varnia_html() -> bytes:
    return make_html(VARNIA_TITLE, "Ada Brightwater", "2025-05-12", VARNIA)


def tessaly_pdf() -> bytes:
    return make_pdf([[TESSALY_TITLE], *TESSALY],
                    {"Title": TESSALY_TITLE, "Author": "Ben Okafor", "CreationDate": "D:20250304101500Z"})


def flate_bomb_pdf(unpacked: int = 300 * 1024 * 1024) -> bytes:
    """A PDF whose one content stream inflates to ``unpacked`` bytes (a few hundred KB packed)."""
    import zlib

    comp = zlib.compressobj(9)
    block = b" " * (1024 * 1024)
    packed = b"".join(comp.compress(block) for _ in range(unpacked // len(block))) + comp.flush()
    pdf = make_pdf([["placeholder"]])
    start = pdf.index(b"<< /Length")
    end = pdf.index(b"endstream") + len(b"endstream")
    body = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
    pdf = pdf[:start] + body + pdf[end:]
    # the xref offsets after the stream are now wrong: pypdf (strict=False) rebuilds them, as for
    # any damaged file, which is part of what this exercises
    return pdf


def long_docx(paragraphs: int) -> bytes:
    """A valid .docx with ``paragraphs`` copies of one sentence (its XML written directly: building
    it with python-docx would take minutes)."""
    import docx

    document = docx.Document()
    document.add_paragraph("x")
    small = io.BytesIO()
    document.save(small)
    zin = zipfile.ZipFile(io.BytesIO(small.getvalue()))
    para = ("<w:p><w:r><w:t>The minister said the plan would start soon in the capital city, officials "
            "said on Monday.</w:t></w:r></w:p>")
    body = zin.read("word/document.xml").decode().replace("<w:body>", "<w:body>" + para * paragraphs, 1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in zin.infolist():
            zf.writestr(info.filename, body if info.filename == "word/document.xml" else zin.read(info.filename))
    return out.getvalue()


def entity_bomb_docx() -> bytes:
    """A .docx whose document.xml declares the "billion laughs" entities and uses the last one."""
    import docx

    document = docx.Document()
    document.add_paragraph("LAUGH")
    small = io.BytesIO()
    document.save(small)
    zin = zipfile.ZipFile(io.BytesIO(small.getvalue()))
    dtd = '<!DOCTYPE w:document [<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{i} "&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};">'
        for i in range(1, 10)) + "]>"
    xml = zin.read("word/document.xml").decode()
    head, rest = xml.split("?>", 1)
    body = head + "?>" + dtd + rest.replace("LAUGH", "&a9;")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in zin.infolist():
            zf.writestr(info.filename, body if info.filename == "word/document.xml" else zin.read(info.filename))
    return out.getvalue()
