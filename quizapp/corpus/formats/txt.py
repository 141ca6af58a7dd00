"""Plain text (.txt): the house format, read as it always was (UTF-8, metadata lines kept)."""

from __future__ import annotations

from ..parse import decode_article


def extract(name: str, data: bytes, limits):
    from . import Extracted

    return Extracted(text=decode_article(name, data, limits.text_bytes))
