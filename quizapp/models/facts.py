"""Facts extracted from the corpus, each tied to the sentences it came from."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, utcnow

FACT_KINDS = ("date", "leader", "mechanism", "goal")


class Fact(db.Model):
    __tablename__ = "fact"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stable content hash from the extractor: unchanged facts keep their row (and students' cards).
    uid: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    statement: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(String(500))
    aliases: Mapped[list] = mapped_column(JSON, default=list)
    # Kind-specific fields (date/event, name/role/country, name/subtype, actor/goal/items).
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    source_count: Mapped[int] = mapped_column(Integer, default=1)
    conflict: Mapped[bool] = mapped_column(Boolean, default=False)
    conflict_note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # A fact no longer found in the corpus is retired, not deleted: cards and answers point at it.
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    sources: Mapped[list[FactSource]] = relationship(
        back_populates="fact", cascade="all, delete-orphan", passive_deletes=True
    )


class FactSource(db.Model):
    __tablename__ = "fact_source"

    id: Mapped[int] = mapped_column(primary_key=True)
    fact_id: Mapped[int] = mapped_column(ForeignKey("fact.id", ondelete="CASCADE"), index=True)
    # None when the source is a metadata line (a byline dates the article) rather than a sentence.
    sentence_id: Mapped[int | None] = mapped_column(
        ForeignKey("sentence.id", ondelete="CASCADE"), index=True
    )
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), index=True)
    # The exact source text (the sentence, or the metadata line), verbatim from the article file.
    text: Mapped[str] = mapped_column(Text, default="")
    # The key span (answer) inside the article's raw text, for highlighting; None when not located.
    span_start: Mapped[int | None]
    span_end: Mapped[int | None]

    fact: Mapped[Fact] = relationship(back_populates="sources")
    sentence = relationship("Sentence")
    article = relationship("Article")
