"""Saved web pages (.html/.htm): main text, title, author and date by ``trafilatura``.

trafilatura is a maintained extractor (boilerplate removal, metadata from meta tags, JSON-LD and
the page itself) used by large crawls; hand-written scraping would break on the next site theme.
Its date search is limited to what the page's markup states (no guessing from the text: the
text's own date lines are read by ``corpus.parse`` afterwards).
"""

from __future__ import annotations

import logging
import re
from datetime import date

from ..parse import ArticleError

# Pages bigger than this are not articles (a saved page with inlined images is still far less).
MAX_HTML_BYTES = 5 * 1024 * 1024
# Nesting deeper than this is no page a person saved: refuse before any parser walks it.
MAX_DEPTH = 400
# Elements (outside scripts and styles): a long news page has a few thousand. The extractor's time
# grows with them (about 0.1 ms each here), so this bounds a hostile page to a second or two.
MAX_ELEMENTS = 10_000
# Script, style and template bodies and comments: never article text, and the bulk of many saved
# pages; dropped before counting and parsing.
_INERT_OPEN = re.compile(rb"<(script|style|template|noscript|svg)\b|<!--")


def drop_inert(data: bytes) -> bytes:
    """``data`` without script/style/template/noscript/svg elements and comments, in one forward
    pass (an element left open swallows the rest, as a browser would); linear in the input, so
    a page of ten thousand unclosed ``<script`` tags costs no more than any other page."""
    low = data.lower()
    out: list[bytes] = []
    pos = 0
    while True:
        m = _INERT_OPEN.search(low, pos)
        if m is None:
            out.append(data[pos:])
            break
        out.append(data[pos:m.start()])
        out.append(b" ")
        if m.group(0) == b"<!--":
            end = low.find(b"-->", m.end())
            if end < 0:
                break
            pos = end + 3
        else:
            end = low.find(b"</" + m.group(1), m.end())
            close = low.find(b">", end) if end >= 0 else -1
            if close < 0:
                break
            pos = close + 1
    return b"".join(out)


def _charset(data: bytes) -> str:
    m = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]{1,40})""", data[:4096], re.I)
    return m.group(1).decode("ascii") if m else "utf-8"


def decode_html(name: str, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode(_charset(data), errors="replace")
    except LookupError:  # an unknown charset name
        return data.decode("utf-8", errors="replace")


def nesting_depth(text: str, stop_at: int) -> int:
    """A cheap upper bound of the element nesting (open tags minus closes), stopping early.
    Each tag's end is looked for within 2,000 characters only, so the scan stays linear however
    broken the markup is (a tag never closed cannot make the rest of the page be rescanned)."""
    depth = deepest = 0
    for m in _TAG_START.finditer(text):
        close = text.find(">", m.end(), m.end() + 2000)
        if close < 0:
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        elif text[close - 1] != "/" and m.group(2).lower() not in _VOID:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > stop_at:
                    break
    return deepest


_TAG_START = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,30})")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr p li".split())


def _as_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract(name: str, data: bytes, limits):
    from . import Extracted, FormatError, paragraphs

    if len(data) > MAX_HTML_BYTES:
        raise FormatError(f"{name}: the page is {len(data):,} bytes; pages up to {MAX_HTML_BYTES:,} bytes are read")
    data = drop_inert(data)
    elements = len(re.findall(rb"<[A-Za-z]", data))
    if elements > MAX_ELEMENTS:
        raise FormatError(f"{name}: the page has {elements:,} elements; pages up to {MAX_ELEMENTS:,} are read "
                          "(save just the article, or paste its text)")
    text = decode_html(name, data)
    if nesting_depth(text, MAX_DEPTH) > MAX_DEPTH:
        raise FormatError(f"{name}: the page's elements are nested more than {MAX_DEPTH} deep; "
                          "this is not a page we can read")
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        doc = trafilatura.bare_extraction(
            text, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (RecursionError, MemoryError, ValueError) as exc:
        raise FormatError(f"{name}: the page could not be read ({type(exc).__name__})") from exc
    if doc is None or not (doc.text or "").strip():
        raise ArticleError(f"{name}: no article text found on the page")
    blocks = [line for line in doc.text.splitlines() if line.strip()]
    return Extracted(text=paragraphs(blocks), title=doc.title or None, author=doc.author or None,
                     published=_as_date(doc.date), source=doc.url or None)
