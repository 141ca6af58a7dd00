"""Study: quizzes and their answers, flashcards and their FSRS review logs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, utcnow


class Quiz(db.Model):
    __tablename__ = "quiz"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    # corpus | article | kind | set | retry ; scope_ref names the article id, kind, set id or quiz id.
    scope_kind: Mapped[str] = mapped_column(String(16))
    scope_ref: Mapped[str | None] = mapped_column(String(64))
    mode: Mapped[str] = mapped_column(String(16), default="practice")  # practice | test
    length: Mapped[int] = mapped_column(Integer)
    assignment_id: Mapped[int | None] = mapped_column(
        ForeignKey("assignment.id", ondelete="SET NULL"), index=True
    )
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    items: Mapped[list[QuizItem]] = relationship(
        back_populates="quiz", order_by="QuizItem.position", cascade="all, delete-orphan"
    )


class QuizItem(db.Model):
    __tablename__ = "quiz_item"
    __table_args__ = (UniqueConstraint("quiz_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id", ondelete="CASCADE"))
    position: Mapped[int]
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="RESTRICT"), index=True)

    quiz: Mapped[Quiz] = relationship(back_populates="items")
    question = relationship("Question")
    answer: Mapped[Answer | None] = relationship(back_populates="item", uselist=False)


class Answer(db.Model):
    __tablename__ = "answer"

    id: Mapped[int] = mapped_column(primary_key=True)
    # One answer per quiz item: a double submit hits this constraint and is recorded once.
    quiz_item_id: Mapped[int] = mapped_column(
        ForeignKey("quiz_item.id", ondelete="CASCADE"), unique=True
    )
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id", ondelete="CASCADE"), index=True)
    # Looked up by ``ix_answer_user_stats``, which leads with it (a second index would only slow every answer).
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="RESTRICT"), index=True)
    response: Mapped[dict | list | str | None] = mapped_column(JSON)
    correct: Mapped[bool] = mapped_column(Boolean)
    # Partial credit for matching and ordering (share of pairs/positions right), 0..1.
    score: Mapped[float] = mapped_column(Float, default=0.0)
    # The typed answer was accepted despite a typo (feedback says so).
    typo: Mapped[bool] = mapped_column(Boolean, default=False)
    time_ms: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    item: Mapped[QuizItem] = relationship(back_populates="answer")


# Progress charts read a user's answers by time; the columns they count ride along, so the
# aggregates never fetch the (wide, scattered) rows themselves.
Index("ix_answer_user_stats", Answer.user_id, Answer.created_at, Answer.question_id, Answer.correct)


class Card(db.Model):
    """One flashcard per (user, fact); the FSRS state lives in these columns."""

    __tablename__ = "card"
    __table_args__ = (UniqueConstraint("user_id", "fact_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    fact_id: Mapped[int] = mapped_column(ForeignKey("fact.id", ondelete="CASCADE"), index=True)
    # The question shown on the front (a short-answer or cloze question about the fact).
    question_id: Mapped[int | None] = mapped_column(ForeignKey("question.id", ondelete="SET NULL"))
    # 0 = new (never reviewed); otherwise fsrs.State values: 1 learning, 2 review, 3 relearning.
    state: Mapped[int] = mapped_column(Integer, default=0)
    step: Mapped[int | None] = mapped_column(Integer)
    stability: Mapped[float | None] = mapped_column(Float)
    difficulty: Mapped[float | None] = mapped_column(Float)
    due: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_review: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    suspended: Mapped[bool] = mapped_column(Boolean, default=False)
    # Suspended because a reviewer retired this question (the fact's only front): restoring the
    # question lifts exactly these suspensions, never one the user chose.
    suspended_for_id: Mapped[int | None] = mapped_column(ForeignKey("question.id", ondelete="SET NULL"),
                                                         index=True)

    fact = relationship("Fact")
    question = relationship("Question", foreign_keys=[question_id])


Index("ix_card_user_due", Card.user_id, Card.state, Card.due)


class ReviewLog(db.Model):
    __tablename__ = "review_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("card.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    rating: Mapped[int] = mapped_column(Integer)  # 1 Again, 2 Hard, 3 Good, 4 Easy
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    # review (scheduled), cram (review ahead; schedule untouched), quiz (a quiz answer counted)
    kind: Mapped[str] = mapped_column(String(16), default="review")
    # The card's state before this review (0 new, 1 learning, 2 review, 3 relearning), as a column so
    # day limits (new cards introduced today) and true retention are plain aggregate SQL.
    card_state: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Card columns before this review, so the last review can be undone exactly.
    state_before: Mapped[dict | None] = mapped_column(JSON)
    # Idempotency key from the review form: a resubmitted rating is recorded once.
    client_token: Mapped[str | None] = mapped_column(String(64), unique=True)


# A user's ratings by time, with what the review queue's daily limits, retention, activity and
# weakest facts count: those read the index alone (the rows carry the card's state as JSON).
Index("ix_review_log_user_stats", ReviewLog.user_id, ReviewLog.reviewed_at, ReviewLog.kind, ReviewLog.card_state,
      ReviewLog.rating, ReviewLog.card_id)
