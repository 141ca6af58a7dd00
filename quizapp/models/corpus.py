"""Corpus: articles and their sentences, with character offsets into the original file text."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, utcnow

# Where an article is on its way in: stored and waiting for the queue, being processed (facts and
# questions), ready, or failed (``error`` says why; the owner can retry).
# "fetching": a link whose page the worker is still downloading (no text yet).
ARTICLE_STATES = ("fetching", "queued", "processing", "ready", "failed")


class Article(db.Model):
    __tablename__ = "article"
    __table_args__ = (UniqueConstraint("collection_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    collection_id: Mapped[int] = mapped_column(ForeignKey("collection.id", ondelete="CASCADE"), index=True)
    # The file name the article came from (or a generated name for pasted text); unique per collection.
    key: Mapped[str] = mapped_column(String(255))
    title: Mapped[str] = mapped_column(String(500))
    published: Mapped[date | None]
    # How precise ``published`` is: "day", "month", "year" or None when unknown.
    published_precision: Mapped[str | None] = mapped_column(String(8))
    author: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str | None] = mapped_column(Text)  # a page's address, tracking parameters and all
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    # The exact file content; sentence offsets point into it.
    raw_text: Mapped[str] = mapped_column(Text)
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # Removing an article retires it: its questions leave the bank, students' history stays.
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Which extractor produced its ``RawFact`` rows; ``quizapp refresh`` redoes older versions.
    facts_version: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="ready")
    # 0-100, shown while the job runs; ``error`` is the message of the last failed attempt.
    progress: Mapped[int] = mapped_column(Integer, default=100)
    error: Mapped[str | None] = mapped_column(Text)

    collection = relationship("Collection")

    sentences: Mapped[list[Sentence]] = relationship(
        back_populates="article",
        order_by="Sentence.idx",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    def __repr__(self) -> str:
        return f"<Article {self.key!r}>"


class Sentence(db.Model):
    __tablename__ = "sentence"
    __table_args__ = (UniqueConstraint("article_id", "idx"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    idx: Mapped[int]
    # Paragraph number in the cleaned body; 0 is the title.
    paragraph: Mapped[int]
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str] = mapped_column(Text)

    article: Mapped[Article] = relationship(back_populates="sentences")


Index("ix_sentence_article_paragraph", Sentence.article_id, Sentence.paragraph)


class ArticleFile(db.Model):
    """The file an article was made from (an upload, a fetched page), kept for its owner to
    download. A table of its own so that listing or loading articles never reads the bytes.

    For a link, the row exists before the page is fetched: ``url`` says what to fetch (again, on
    retry) and ``data`` is None until the worker has it."""

    __tablename__ = "article_file"

    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), primary_key=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(120))
    size: Mapped[int] = mapped_column(Integer, default=0)
    url: Mapped[str | None] = mapped_column(Text)
    data: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
