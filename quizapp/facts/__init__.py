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
        year_hint=None if parsed.published else year_hint(parsed),
    )


def year_hint(parsed: ParsedArticle) -> int | None:
    """The source URL's year, else the year the article's text names most often (ties: the latest)."""
    import re
    from collections import Counter

    m = re.search(r"/((?:19|20)\d\d)/", parsed.source or "")
    if m:
        return int(m.group(1))
    # a declaration's closing line dates it ("Done at Kigali, Republic of Rwanda, this 18th day of
    # September 2025"): its year, not a target year the text names more often (round 44)
    m = re.search(r"^\s*(?:Done|Signed|Adopted|Issued)\s+(?:at|in)\s+[^\n]{2,80}?\b((?:19|20)\d\d)\.?\s*$",
                  parsed.raw, re.M)
    if m:
        return int(m.group(1))
    # a release's reference number in its head ("Press Release No. 214/2025", "Ref. CG/FM/2026/01",
    # "N° 214 - 14 October 2025"): the year it was issued, not a target year named more often (round 51)
    head = "\n".join(parsed.raw.splitlines()[:8])
    m = re.search(r"\b(?:No|Nr|N°|Ref|Reference)\.?\s*[:#]?\s*[\w/.-]*?\b((?:19|20)\d\d)\b", head, re.I)
    if m:
        return int(m.group(1))
    years = Counter(int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", parsed.raw))
    if not years:
        return None
    return max(years, key=lambda y: (years[y], y))
