"""Changing collections: create and rename, share with classes, publish to the Library.

Each function checks what it must (the caller has already checked the user may write the
collection), changes rows and flushes; the view commits.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Article, ClassGroup, Collection

MAX_NAME = 200


class CollectionError(ValueError):
    """A change that cannot be made as asked; the message is shown to the user."""


def clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise CollectionError("Give the collection a name.")
    if len(name) > MAX_NAME:
        raise CollectionError(f"Use at most {MAX_NAME} characters.")
    return name


def create(session: Session, owner_id: int, name: str) -> Collection:
    collection = Collection(name=clean_name(name), kind="teacher", owner_id=owner_id)
    session.add(collection)
    session.flush()
    return collection


def share(session: Session, collection: Collection, owner_id: int, class_ids: list[int]) -> None:
    """Share with exactly these classes (the owner's own, unarchived or not); others are refused."""
    wanted = set(class_ids)
    classes = session.scalars(select(ClassGroup).where(ClassGroup.id.in_(sorted(wanted)),
                                                       ClassGroup.owner_id == owner_id)).all() if wanted else []
    if len(classes) != len(wanted):
        raise CollectionError("You can only share with your own classes.")
    if collection.kind != "teacher":
        raise CollectionError("Only a teacher's collection can be shared with classes.")
    collection.classes = sorted(classes, key=lambda c: c.name)
    session.flush()


def article_counts(session: Session, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    return dict(session.execute(
        select(Article.collection_id, func.count()).where(Article.collection_id.in_(ids),
                                                          Article.retired_at.is_(None))
        .group_by(Article.collection_id)).all())
