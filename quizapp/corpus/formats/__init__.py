"""Articles in the formats people hold them in: one module per format, one registry.

Each format module has a pure ``extract(name, data, limits) -> Extracted`` (bytes in, text and
metadata out; no Flask, no database), so the upload form, the URL job and ``quizapp ingest`` read
a file the same way. ``read_article`` picks the module by what the bytes are AND what the name
says (a ``.pdf`` that is really HTML is read as HTML; a ``.txt`` that is really a zip is refused),
then writes the result as the plain-text article ``corpus.parse`` already understands (title line,
``By`` line, ``date YYYY-MM-DD`` line, body) so that re-parsing the stored text later (the facts
job does) finds the same title, author and date: metadata found in the file wins over guesses
from the text because it comes first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..parse import BYLINE_BY, ArticleError, ParsedArticle, _looks_like_title, parse_article

# What the upload form and ``quizapp ingest`` take, and the media type each original is served as.
MEDIA_TYPES = {
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".markdown": "text/markdown; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
EXTENSIONS = tuple(MEDIA_TYPES)
ACCEPT = ",".join(EXTENSIONS)
ACCEPTED_LABEL = ".txt, .md, .html/.htm, .pdf or .docx"


class FormatError(ArticleError):
    """A file of a known format that cannot be read (corrupt, encrypted, scanned, too big)."""


@dataclass(frozen=True)
class Limits:
    """How much a file may hold: ``file_bytes`` for the file as uploaded, ``text_bytes`` for the
    text taken out of it (MAX_ARTICLE_BYTES), ``unpacked_bytes`` for a zip's members (docx)."""

    file_bytes: int = 8 * 1024 * 1024
    text_bytes: int = 1024 * 1024
    unpacked_bytes: int = 32 * 1024 * 1024


@dataclass
class Extracted:
    """One format module's answer: the article text (paragraphs separated by blank lines) and
    the metadata the file itself states (None where it states nothing)."""

    text: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    source: str | None = None
    format: str = "txt"


def extension(name: str) -> str:
    m = re.search(r"\.[A-Za-z0-9]+$", name or "")
    return m.group(0).lower() if m else ""


def sniff(data: bytes) -> str | None:
    """The format the bytes themselves announce, or None for text that says nothing."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "zip"
    lowered = head[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or (
            lowered.startswith(b"<") and re.search(rb"<(?:head|body|title|meta|article|p)[\s>]", lowered)):
        return "html"
    return None


def pick_format(name: str, data: bytes) -> str:
    """The format module for ``name``'s bytes: content first, the extension to tell text kinds
    apart. A clear ArticleError names what is accepted when neither fits."""
    ext = extension(name)
    if ext not in MEDIA_TYPES:
        raise ArticleError(f"{name}: {ext or 'a file without an extension'} is not a format we read; "
                           f"upload {ACCEPTED_LABEL}")
    kind = sniff(data)
    if kind == "pdf":
        return "pdf"
    if kind == "zip":
        if ext != ".docx":
            raise ArticleError(f"{name}: this is a zip archive, not a {ext} file; upload {ACCEPTED_LABEL}")
        return "docx"
    if ext == ".pdf":
        raise FormatError(f"{name}: not a PDF file (it does not start with %PDF-)")
    if ext == ".docx":
        raise FormatError(f"{name}: not a Word .docx file (a .docx is a zip archive; an old .doc is not read: "
                          "save it as .docx)")
    if kind == "html" or ext in (".html", ".htm"):
        return "html"
    if ext in (".md", ".markdown"):
        return "md"
    return "txt"


def extract(name: str, data: bytes, limits: Limits | None = None) -> Extracted:
    """Text and metadata of one file, whatever its format (ArticleError when it cannot be read)."""
    from . import docx, html, markdown, pdf, txt

    limits = limits or Limits()
    if len(data) > limits.file_bytes:
        raise ArticleError(f"{name}: file is {len(data):,} bytes; the limit is {limits.file_bytes:,} bytes")
    kind = pick_format(name, data)
    module = {"pdf": pdf, "docx": docx, "html": html, "md": markdown, "txt": txt}[kind]
    found = module.extract(name, data, limits)
    found.format = kind
    size = len(found.text.encode("utf-8"))
    if size > limits.text_bytes:
        raise ArticleError(f"{name}: its text is {size:,} bytes; the limit is {limits.text_bytes:,} bytes")
    if not found.text.strip():
        raise ArticleError(f"{name}: no article text found in the file")
    return found


def article_text(found: Extracted) -> str:
    """The plain-text article ``parse_article`` reads back to the same metadata: the file's own
    title, author and date on the first lines, then the body. Plain text files stay as they are
    (their metadata lines are their own)."""
    if found.format == "txt":
        return found.text
    body = _drop_repeated_title(found.text.strip(), found.title)
    head: list[str] = []
    title = _one_line(found.title or "")
    if title and not _looks_like_title(title):
        title = title.rstrip(". ")  # "Calder opens its quay." still heads the text (shown as the file says)
    if title and _looks_like_title(title):
        head.append(title)
    author = _one_line(found.author or "")
    if author and BYLINE_BY.fullmatch(f"By {author}") and "," not in author and "|" not in author:
        head.append(f"By {author}")
    if found.published:
        head.append(f"date {found.published.isoformat()}")
    if found.source and len(found.source) <= 200:
        head.append(f"Source: {_one_line(found.source)}")
    return ("\n".join(head) + "\n\n" + body + "\n") if head else body + "\n"


def parse_file(key: str, name: str, data: bytes, limits: Limits | None = None,
               source: str | None = None) -> tuple[ParsedArticle, Extracted]:
    """Read any accepted file into a parsed article; the file's metadata overrides what the text
    parser guessed (a title too long to be a title line, an author with a comma). ``source`` is
    the link a fetched page came from (used when the page names none)."""
    found = extract(name, data, limits)
    if source and not found.source and found.format != "txt":
        found.source = source
    parsed = parse_article(key, article_text(found))
    if found.title:
        parsed.title = _one_line(found.title)[:500]
    if found.author:
        parsed.author = _one_line(found.author)[:200]
    if found.published:
        parsed.published, parsed.published_precision = found.published, "day"
    if (found.source or source) and not parsed.source:
        parsed.source = (found.source or source or "")[:2000]  # a whole address (the column is text)
    return parsed, found


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _drop_repeated_title(body: str, title: str | None) -> str:
    """Pages and documents often repeat their title as the first line of the text."""
    if not title:
        return body
    first, _, rest = body.partition("\n")
    if _one_line(first).rstrip(" .").lower() == _one_line(title).rstrip(" .").lower() and rest.strip():
        return rest.lstrip("\n")
    return body


def paragraphs(blocks: list[str]) -> str:
    """Blocks of text as paragraphs separated by blank lines (lines inside a block joined)."""
    out = [_one_line(b) for b in blocks]
    return "\n\n".join(b for b in out if b)
