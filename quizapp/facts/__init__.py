"""Fact extraction: dates, leaders, named mechanisms and stated goals, each with its sources.

Pure: ``extract(articles)`` takes ``ArticleInput`` objects (``article_input(parsed)`` builds one
from the corpus parser's output) and returns ``Fact`` objects. No Flask, no database.
"""

from __future__ import annotations

from ..corpus.parse import ParsedArticle
from .extract import extract
from .types import ArticleInput, Fact, SentenceInput, Source

__all__ = ["ArticleInput", "Fact", "SentenceInput", "Source", "article_input", "extract"]


def article_input(parsed: ParsedArticle) -> ArticleInput:
    return ArticleInput(
        key=parsed.key,
        title=parsed.title,
        published=parsed.published,
        sentences=tuple(SentenceInput(s.idx, s.paragraph, s.start, s.end, s.text) for s in parsed.sentences),
        published_text=parsed.published_text,
        published_span=parsed.published_span,
        raw=parsed.raw,
    )
