"""The fact types every later stage relies on (questions, cards, pages).

Plain dataclasses, no Flask or DB: the extractor returns them, ``facts.store`` persists them, and
the question generator consumes them (also straight from the database-free CLI).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

FactKind = Literal["date", "leader", "mechanism", "goal"]


@dataclass(frozen=True)
class ArticleInput:
    """One article as the extractor sees it (built from ``corpus.parse.ParsedArticle``)."""

    key: str  # file name
    title: str
    published: date | None
    sentences: tuple[SentenceInput, ...]
    published_text: str | None = None  # the metadata text the date came from
    published_span: tuple[int, int] | None = None
    raw: str = ""


@dataclass(frozen=True)
class SentenceInput:
    idx: int
    paragraph: int  # 0 = title
    start: int  # offsets into the article's raw text
    end: int
    text: str


@dataclass(frozen=True)
class Source:
    article: str  # article key (file name)
    sentence: str  # exact sentence text, verbatim in the file
    sentence_idx: int | None = None
    # The key span (the answer) as offsets into the article's raw text, when located.
    span: tuple[int, int] | None = None


@dataclass
class Fact:
    id: str  # stable hash of kind + identifying fields
    kind: FactKind
    statement: str  # one plain sentence stating the fact
    answer: str  # the key answer a question would ask for
    aliases: list[str] = field(default_factory=list)
    confidence: float = 1.0
    sources: list[Source] = field(default_factory=list)
    # date
    date: str | None = None  # ISO: YYYY, YYYY-MM or YYYY-MM-DD
    event: str | None = None
    # leader
    name: str | None = None  # also the mechanism's fullest name
    role: str | None = None
    country: str | None = None
    # mechanism
    subtype: str | None = None  # organisation | format | treaty | initiative | corridor | ...; leader: role family
    # goal
    actor: str | None = None
    goal: str | None = None
    items: list[str] = field(default_factory=list)
    # merging
    conflict: bool = False
    conflict_note: str | None = None

    @property
    def source_count(self) -> int:
        return len({s.article for s in self.sources})
