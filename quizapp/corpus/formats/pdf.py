"""PDF (.pdf): the text layer by ``pypdf``, and the document's own /Title, /Author, /CreationDate.

A scanned PDF has pages but no text layer: we say so (OCR is not something we do) instead of
storing an empty article. Encrypted PDFs are read only when they open with an empty password
(common for "no copying" PDFs); others are refused with a clear message.
"""

from __future__ import annotations

import io
import logging
import re
import time

from ..parse import ArticleError

MAX_PAGES = 150
# A page's drawing instructions beyond this are a map, a chart or a scan, not text (extraction walks
# them all, about 3 s per MB): such a page is skipped, and read-nothing ends as "no text layer".
MAX_PAGE_CONTENT_BYTES = 512 * 1024
# Reading stops with a clear message after this long (checked between pages): the upload request
# waits on it.
MAX_SECONDS = 4.0


def _lines_to_paragraphs(text: str) -> list[str]:
    """PDF text comes as visual lines; join them back into paragraphs. A paragraph ends at a
    blank line, at a short line (a heading or a paragraph's last line), or after a sentence end
    followed by a capital."""
    lines = [ln.strip() for ln in text.splitlines()]
    widths = sorted(len(ln) for ln in lines if ln)
    typical = widths[min(len(widths) - 1, int(0.9 * len(widths)))] if widths else 0  # a full line's width
    blocks: list[str] = []
    current = ""
    for i, line in enumerate(lines):
        if not line:
            if current:
                blocks.append(current)
                current = ""
            continue
        if current.endswith("-") and line[:1].islower() and re.search(r"[a-z]-$", current):
            current = current[:-1] + line  # a word broken at the line end
        else:
            current = f"{current} {line}".strip()
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        ends_sentence = re.search(r"[.!?:][\"'”’)]*$", line) is not None
        short = len(line) < 0.7 * typical
        if not nxt or (short and (ends_sentence or not re.search(r"[,;]$", line))) or \
                (ends_sentence and nxt[:1].isupper() and short):
            blocks.append(current)
            current = ""
    if current:
        blocks.append(current)
    return blocks


def extract(name: str, data: bytes, limits):
    from pypdf import PdfReader

    from . import Extracted, FormatError, paragraphs

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception as exc:  # an unsupported encryption method (pypdf needs extra packages)
                raise FormatError(f"{name}: the PDF is encrypted and cannot be opened ({exc})") from exc
            if not opened:
                raise FormatError(f"{name}: the PDF is protected by a password; save a copy without the "
                                  "password and upload that")
        pages = reader.pages
        if len(pages) > MAX_PAGES:
            raise FormatError(f"{name}: the PDF has {len(pages):,} pages; articles up to {MAX_PAGES} pages are read")
        chunks: list[str] = []
        size = 0
        deadline = time.monotonic() + MAX_SECONDS
        for page in pages:
            contents = page.get_contents()
            if contents is not None and len(contents.get_data()) > MAX_PAGE_CONTENT_BYTES:
                continue
            if time.monotonic() > deadline:
                raise FormatError(f"{name}: the PDF takes too long to read; paste its text instead")
            chunk = page.extract_text() or ""
            size += len(chunk.encode("utf-8"))
            if size > limits.text_bytes:
                raise ArticleError(f"{name}: its text is over {limits.text_bytes:,} bytes, the limit")
            chunks.append(chunk)
        meta = reader.metadata
        title = author = published = None
        if meta is not None:
            title = (meta.title or "").strip() or None
            author = (meta.author or "").strip() or None
            try:
                created = meta.creation_date
            except Exception:  # a malformed date string: no date, not a failed upload
                created = None
            published = created.date() if created else None
    except ArticleError:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files; all mean "cannot read it"
        if type(exc).__name__ == "LimitReachedError":  # pypdf's own cap on inflating a stream
            raise FormatError(f"{name}: the PDF's contents unpack to more than we read (a damaged or "
                              "hostile file)") from exc
        raise FormatError(f"{name}: the PDF is damaged and cannot be read ({type(exc).__name__})") from exc
    blocks = [b for chunk in chunks for b in _lines_to_paragraphs(chunk)]
    if not any(b.strip() for b in blocks):
        raise FormatError(f"{name}: the PDF has no text layer (a scanned document?); we cannot read text from "
                          "images. Export it with text, or paste the text instead")
    if title and _is_file_name(title):
        title = None  # "Microsoft Word - draft3.docx" is no title
    return Extracted(text=paragraphs(blocks), title=title, author=author, published=published)


def _is_file_name(title: str) -> bool:
    return bool(re.search(r"\.(?:docx?|pdf|odt|rtf|txt|indd)$", title, re.I) or title.lower().startswith("microsoft word"))
