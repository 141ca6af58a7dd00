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
    # Without a publication date: the year the article points to (its URL, or the year it names
    # most), enough to date "on October 21" though not "on Monday".
    year_hint: int | None = None


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
    # "When did the IMF approve ...?": the event asked in plain words, when the parse allowed it
    question: str | None = None
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


# Kind-specific fields, by kind: what the JSON output and the ``Fact.data`` column carry.
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "date": ("date", "event", "question"),
    "leader": ("name", "role", "country", "question"),
    "mechanism": ("name", "subtype", "question"),
    "goal": ("actor", "goal", "items"),
}


def fact_to_json(f: Fact) -> dict:
    """Every field of ``f`` as plain JSON types (round-trips through ``fact_from_json``)."""
    out = {k: v for k, v in f.__dict__.items() if k != "sources"}
    out["aliases"] = list(f.aliases)
    out["items"] = list(f.items)
    out["sources"] = [
        {"article": s.article, "sentence": s.sentence, "sentence_idx": s.sentence_idx,
         "span": list(s.span) if s.span else None}
        for s in f.sources
    ]
    return out


_FACT_FIELDS = frozenset(Fact.__dataclass_fields__) - {"sources"}


def fact_from_json(d: dict) -> Fact:
    """Inverse of ``fact_to_json``; unknown keys (from a newer extractor) are ignored. Kept lean:
    each merge after an upload decodes every raw fact sharing a key with the article (hundreds)."""
    fields_ = dict(d)
    sources = fields_.pop("sources", None) or ()
    if not fields_.keys() <= _FACT_FIELDS:
        fields_ = {k: v for k, v in fields_.items() if k in _FACT_FIELDS}
    fields_["sources"] = [
        Source(s["article"], s["sentence"], s.get("sentence_idx"), tuple(s["span"]) if s.get("span") else None)
        for s in sources
    ]
    return Fact(**fields_)


def public_json(f: Fact) -> dict:
    """The CLI's JSON shape: common fields, then only the fields of this fact's kind."""
    out = {
        "id": f.id,
        "kind": f.kind,
        "statement": f.statement,
        "answer": f.answer,
        "aliases": list(f.aliases),
        "confidence": round(float(f.confidence), 3),
        "source_count": f.source_count,
        "sources": [{"article": s.article, "sentence": s.sentence} for s in f.sources],
    }
    for key in KIND_FIELDS.get(f.kind, ()):
        value = getattr(f, key)
        out[key] = list(value) if isinstance(value, list) else value
    if f.conflict:
        out["conflict"] = True
        out["conflict_note"] = f.conflict_note
    return out
