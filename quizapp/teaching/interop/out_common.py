"""What every exporter to another tool needs: a question's provenance as (article title, sentence).

Questions carry their sources as ``{"article": key, "sentence": text}``, where the key is the
article's file name. People reading a card in Anki or a question's feedback in Moodle should see
the article's title, so exporters take a ``titles`` map (key -> title) built by the caller that
knows the articles (the database, or the parsed corpus folder). Pure: data in, data out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..formats import QuestionData


def article_title(key: str, titles: Mapping[str, str]) -> str:
    """The title of the article ``key``; without one, the key without its extension (never empty)."""
    title = (titles.get(key) or "").strip()
    if title:
        return title
    return re.sub(r"\.[A-Za-z0-9]{1,5}$", "", key).strip() or key


def cited_sources(q: QuestionData, titles: Mapping[str, str]) -> list[tuple[str, str]]:
    """The question's (title, sentence) pairs, in order, each once; sources without a sentence skipped."""
    seen: dict[tuple[str, str], None] = {}
    for s in q.sources:
        sentence = " ".join(str(s.get("sentence", "")).split())
        if not sentence:
            continue
        key = str(s.get("article", ""))
        seen.setdefault((article_title(key, titles) if key else "", sentence), None)
    return list(seen)


def article_titles_of(q: QuestionData, titles: Mapping[str, str]) -> list[str]:
    """The distinct titles of the articles the question cites, in order."""
    keys = dict.fromkeys(str(s.get("article", "")) for s in q.sources if s.get("article"))
    return [article_title(k, titles) for k in keys]


def one_line(text: str) -> str:
    """``text`` with every run of whitespace (tabs and newlines too) as one space."""
    return " ".join(str(text).split())
