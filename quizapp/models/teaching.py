"""Teaching: custom sets, classes, memberships and assignments."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, utcnow


class StudySet(db.Model):
    __tablename__ = "study_set"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    visibility: Mapped[str] = mapped_column(String(16), default="private")  # private|class|public
    share_code: Mapped[str] = mapped_column(String(16), unique=True)
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # Deleting a set only marks it (``teaching.undo``): a deleted set is hidden everywhere and can
    # be brought back for ``UNDO_SECONDS``.
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    items: Mapped[list[SetItem]] = relationship(
        back_populates="set", order_by="SetItem.position", cascade="all, delete-orphan"
    )


class SetItem(db.Model):
    __tablename__ = "set_item"
    __table_args__ = (UniqueConstraint("set_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("study_set.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="RESTRICT"))
    position: Mapped[int]

    set: Mapped[StudySet] = relationship(back_populates="items")
    question = relationship("Question")


class ClassGroup(db.Model):
    __tablename__ = "class_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    # None once the teacher deleted their account: the class is archived, its students keep it.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    join_code: Mapped[str] = mapped_column(String(16), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    # When it was last archived: an archive can be undone for ``UNDO_SECONDS`` (None: not archived,
    # or archived before this was recorded).
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="klass", cascade="all, delete-orphan"
    )
    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="klass", cascade="all, delete-orphan", order_by="Assignment.due_at"
    )


class Membership(db.Model):
    __tablename__ = "membership"

    class_id: Mapped[int] = mapped_column(
        ForeignKey("class_group.id", ondelete="CASCADE"), primary_key=True
    )
    # Indexed on its own: "which classes am I in" is asked on every student's home page.
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    klass: Mapped[ClassGroup] = relationship(back_populates="memberships")
    user = relationship("User")


class Assignment(db.Model):
    __tablename__ = "assignment"
    __table_args__ = (UniqueConstraint("class_id", "set_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("class_group.id", ondelete="CASCADE"), index=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("study_set.id", ondelete="CASCADE"), index=True)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    klass: Mapped[ClassGroup] = relationship(back_populates="assignments")
    set: Mapped[StudySet] = relationship()


class PendingImport(db.Model):
    """A parsed import file waiting for the teacher to confirm it.

    Kept in the database, not in process memory: the preview and the confirmation can be served by
    different workers. Rows older than a day are deleted when a new import starts.
    """

    __tablename__ = "pending_import"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    # The set the questions go into; None = a new set is created on confirmation.
    set_id: Mapped[int | None] = mapped_column(ForeignKey("study_set.id", ondelete="CASCADE"))
    filename: Mapped[str] = mapped_column(String(255))
    format: Mapped[str] = mapped_column(String(8))
    # ``formats.ParseResult.to_json()``: the rows, their questions and their errors.
    result: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
