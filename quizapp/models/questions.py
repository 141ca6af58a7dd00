"""Questions: generated from facts, edited copies, and teachers' own."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column, Float, ForeignKey, Index, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, utcnow

# generated: made by the generator and replaced when the corpus changes;
# edited: a teacher's copy of a generated question (parent_id), never overwritten by regeneration;
# custom: written by a teacher; imported: came in from a file.
ORIGINS = ("generated", "edited", "custom", "imported")

question_fact = Table(
    "question_fact",
    db.metadata,
    Column("question_id", ForeignKey("question.id", ondelete="CASCADE"), primary_key=True),
    Column("fact_id", ForeignKey("fact.id", ondelete="CASCADE"), primary_key=True),
    # "the questions of these facts" (the primary key serves the other direction)
    Index("ix_question_fact_fact_id", "fact_id", "question_id"),
)


class Question(db.Model):
    __tablename__ = "question"
    __table_args__ = (UniqueConstraint("collection_id", "uid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The collection of its facts (generated and edited questions); None for a teacher's own and
    # imported questions, which reach students only through sets.
    collection_id: Mapped[int | None] = mapped_column(ForeignKey("collection.id", ondelete="CASCADE"), index=True)
    # Stable id from the generator, unique within the collection (None for teachers' questions).
    uid: Mapped[str | None] = mapped_column(String(64))
    type: Mapped[str] = mapped_column(String(20), index=True)
    fact_kind: Mapped[str | None] = mapped_column(String(16), index=True)
    prompt: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    accepted: Mapped[list] = mapped_column(JSON, default=list)
    choices: Mapped[list | None] = mapped_column(JSON)
    pairs: Mapped[list | None] = mapped_column(JSON)
    items: Mapped[list | None] = mapped_column(JSON)
    explanation: Mapped[str] = mapped_column(Text, default="")
    difficulty: Mapped[float] = mapped_column(Float, default=0.5)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    # [{"article": key, "sentence": exact text, "sentence_id": id or None}]
    sources: Mapped[list] = mapped_column(JSON, default=list)
    origin: Mapped[str] = mapped_column(String(16), default="generated")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("question.id", ondelete="SET NULL"))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # Out of the bank, for any reason: the generator no longer makes it (``dropped_at``), a reviewer
    # retired it or holds it for approval (``review_state``), or its owner's account went. Every
    # query that offers questions to students reads this one column.
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # When the generator stopped making it (None while it still does): a reviewer's restore brings a
    # question back only if the generator still makes it.
    dropped_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # None (nobody looked), "pending", "approved" or "retired" (``models.curation.REVIEW_STATES``).
    review_state: Mapped[str | None] = mapped_column(String(16), index=True)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    # A reviewer's edit of a generated question ({"prompt", "answer", "accepted", "explanation"}):
    # laid over the generator's text on every regeneration, so the edit survives and the id stays.
    curator_edit: Mapped[dict | None] = mapped_column(JSON)
    # Alternative answers reviewers accepted ("I was right"); kept apart from the generator's own
    # so a regeneration adds them again.
    extra_accepted: Mapped[list | None] = mapped_column(JSON)

    facts = relationship("Fact", secondary=question_fact, lazy="selectin")
    parent = relationship("Question", remote_side=[id])
