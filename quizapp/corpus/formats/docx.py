"""Word documents (.docx): paragraphs by ``python-docx``; title, author and date from the core
properties. The zip is checked before python-docx opens it: a member count and a total
uncompressed size cap (a zip bomb declares huge sizes; zipfile never reads past a member's
declared size, so the declared total bounds the memory used)."""

from __future__ import annotations

import io
import zipfile

MAX_MEMBERS = 2000


def check_zip(name: str, data: bytes, unpacked_limit: int, body_limit: int) -> None:
    """Refuse, before python-docx reads anything, a zip that is damaged, holds too many parts,
    unpacks to too much in all, or whose document body is bigger than ``body_limit`` (its XML:
    python-docx takes about a second per 2 MB of it)."""
    from . import FormatError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS:
                raise FormatError(f"{name}: the document holds {len(infos):,} parts; that is not a Word document")
            total = sum(i.file_size for i in infos)
            if total > unpacked_limit:
                raise FormatError(f"{name}: the document unpacks to {total:,} bytes; the limit is "
                                  f"{unpacked_limit:,} bytes")
            body = next((i for i in infos if i.filename == "word/document.xml"), None)
            if body is None:
                raise FormatError(f"{name}: a zip archive but not a Word document (no word/document.xml)")
            if body.file_size > body_limit:
                raise FormatError(f"{name}: the document's text part is {body.file_size:,} bytes; documents up to "
                                  f"{body_limit:,} bytes are read")
    except zipfile.BadZipFile as exc:
        raise FormatError(f"{name}: the file is damaged (not a valid zip archive, as a .docx must be)") from exc


def extract(name: str, data: bytes, limits):
    import docx

    from . import Extracted, FormatError, paragraphs

    # Word's XML is several times its text; four times the text cap still leaves room for any article
    check_zip(name, data, limits.unpacked_bytes, 4 * limits.text_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[str] = []
        heading = None
        for para in document.paragraphs:
            text = para.text.strip()
            if not text:
                continue
            if not blocks:  # only the first paragraph's style matters (a style lookup is slow)
                style = (para.style.name if para.style is not None else "") or ""
                if style == "Title" or style.startswith("Heading"):
                    heading = text
            blocks.append(text)
        core = document.core_properties
        title = (core.title or "").strip() or heading
        author = (core.author or "").strip() or None
        published = core.created.date() if core.created else None
    except FormatError:
        raise
    except Exception as exc:  # damaged XML inside, missing parts: python-docx raises many kinds
        raise FormatError(f"{name}: the Word document is damaged and cannot be read ({type(exc).__name__})") from exc
    return Extracted(text=paragraphs(blocks), title=title, author=author, published=published)
