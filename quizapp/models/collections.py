"""Collections: every article belongs to one, and who may see a collection decides who sees its
articles, facts, questions and cards.

Kinds: the ``library`` (one, seeded by ``quizapp ingest``, visible to everyone), a ``teacher``'s
collections (private until shared with classes, or published to the Library by an admin), and a
``learner``'s private collection for self-study. The rules themselves live in
``quizapp.collections.access``; these are only the rows.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Column, ForeignKey, String, Table, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, utcnow

COLLECTION_KINDS = ("library", "teacher", "learner")
LIBRARY_NAME = "Library"

# Which classes a teacher shared a collection with: their members see its articles and questions.
collection_class = Table(
    "collection_class",
    db.metadata,
    Column("collection_id", ForeignKey("collection.id", ondelete="CASCADE"), primary_key=True),
    Column("class_id", ForeignKey("class_group.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Collection(db.Model):
    __tablename__ = "collection"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), index=True)
    # None only for the Library; a collection whose owner is deleted goes with them.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    # An admin published this collection to the Library: everyone sees it.
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    # New generated questions wait in the review queue until a reviewer approves them.
    review_new: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The question rules' version its whole bank was last generated with (questions.store.
    # GENERATOR_VERSION); None before the first whole-bank generation.
    questions_version: Mapped[str | None] = mapped_column(String(32))

    classes = relationship("ClassGroup", secondary=collection_class, order_by="ClassGroup.name")

    @property
    def is_library(self) -> bool:
        return self.kind == "library"

    def __repr__(self) -> str:
        return f"<Collection {self.id} {self.kind} {self.name!r}>"
