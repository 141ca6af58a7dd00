"""The quality loop: students' reports on questions and their "I was right" claims.

A report or claim is one row per (user, question) or per answer, so a second press edits the first
instead of piling up; teachers and admins resolve them from the review queue
(``quizapp.questions.curation``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, utcnow

# Why a student thinks a question is wrong; the labels the form shows live in ``questions.curation``.
REPORT_REASONS = ("wrong_answer", "several_answers", "unclear", "not_in_article", "too_easy", "other")

# What a reviewer decided about a question. ``pending``: waiting for approval before students see
# it (a collection that reviews new questions); ``retired``: taken out by a reviewer. Both keep the
# question out of the bank (``Question.retired_at`` is set) whatever the generator does later.
REVIEW_STATES = ("pending", "approved", "retired")
HIDDEN_STATES = ("pending", "retired")

CLAIM_STATES = ("pending", "accepted", "rejected")


class QuestionReport(db.Model):
    __tablename__ = "question_report"
    __table_args__ = (UniqueConstraint("question_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # A reviewer acted on the question (approved, edited, retired): the report leaves the queue
    # but stays counted for the generator's quality figures.
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user = relationship("User")


class AnswerClaim(db.Model):
    """A student's "I was right" on a typed answer: the text they typed, proposed as an
    alternative answer. In practice the answer already counts as right; the text joins the
    question's accepted answers only once a reviewer accepts it (or at once on the user's own
    questions)."""

    __tablename__ = "answer_claim"

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answer.id", ondelete="CASCADE"), unique=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(16), default="pending")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    user = relationship("User", foreign_keys=[user_id])
