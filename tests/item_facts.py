"""Invented facts of one article for the item tests (``test_item_context``, ``test_item_dates``)."""

from __future__ import annotations

from quizapp.facts.types import Fact, Source

ART = "lake_authority.txt"


def published(day, article=ART):
    """The fact that dates an article (its header line): a who-is question is asked as of it."""
    return Fact(id=f"pub-{article}", kind="date", statement="", answer=day, date=day, subtype="publication",
                sources=[Source(article, day, None)])


def leader(fid, name, role, country, sentence, idx=1, article=ART):
    return Fact(id=fid, kind="leader", statement="", answer=name, name=name, role=role, country=country,
                subtype="director", confidence=0.9, sources=[Source(article, sentence, idx)])


def body(fid, name, aliases, sentence, idx=1, article=ART):
    return Fact(id=fid, kind="mechanism", statement="", answer=name, name=name, aliases=aliases,
                subtype="organisation", confidence=0.9, sources=[Source(article, sentence, idx)])
