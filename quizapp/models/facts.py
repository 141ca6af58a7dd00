"""Facts extracted from the corpus, each tied to the sentences it came from."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, utcnow

FACT_KINDS = ("date", "leader", "mechanism", "goal")


class Fact(db.Model):
    __tablename__ = "fact"
    __table_args__ = (UniqueConstraint("collection_id", "uid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Facts merge within one collection: the same text in two collections makes two facts.
    collection_id: Mapped[int] = mapped_column(ForeignKey("collection.id", ondelete="CASCADE"), index=True)
    # Stable content hash from the extractor: unchanged facts keep their row (and students' cards).
    uid: Mapped[str] = mapped_column(String(64))
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
    # A leader's or body's merge summed up (``facts.fold``): an upload folds into it instead of
    # merging every raw fact of the group again. None: not kept yet (the next merge writes it).
    fold: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))

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


class RawFact(db.Model):
    """One article's own fact as the extractor found it, before merging (``fact_to_json``).

    Kept so that a change to one article re-runs spaCy on that article only; its merge keys
    (``RawFactKey``) find the other raw facts it can merge with, so merging touches the facts
    that share a name, an acronym or an event with it rather than the whole collection.
    """

    __tablename__ = "raw_fact"

    id: Mapped[int] = mapped_column(primary_key=True)
    collection_id: Mapped[int] = mapped_column(ForeignKey("collection.id", ondelete="CASCADE"))
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), index=True)
    data: Mapped[dict] = mapped_column(JSON)


class RawFactKey(db.Model):
    __tablename__ = "raw_fact_key"

    raw_fact_id: Mapped[int] = mapped_column(ForeignKey("raw_fact.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    collection_id: Mapped[int] = mapped_column(ForeignKey("collection.id", ondelete="CASCADE"))


Index("ix_raw_fact_key_lookup", RawFactKey.collection_id, RawFactKey.key)
