"""The one place that says which collections a user may see or write.

Every query that lists or loads articles, facts, questions or cards filters with ``visible_ids``
(a subquery, so it also works inside statements compiled once and run with a bound user id), and
every view that loads one object by id checks ``can_see``/``can_write``: a collection the user
may not see is answered 404, the same as one that does not exist.

Who sees what:
- the Library and collections an admin published to it: everyone, signed in or not;
- a teacher's collection: its owner, admins (who publish), and members of the classes it is shared with
  (while a class is archived, its members see nothing through it);
- a learner's private collection: its owner only.
Who writes: the owner of a collection; admins also write the Library and publish.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, exists, or_, select
from sqlalchemy.orm import Session

from ..models import LIBRARY_NAME, ClassGroup, Collection, Membership, User, collection_class


def library(session: Session) -> Collection:
    """The Library collection (made on first use, so a fresh database needs no seeding step)."""
    lib = session.scalar(select(Collection).where(Collection.kind == "library").order_by(Collection.id))
    if lib is None:
        lib = Collection(name=LIBRARY_NAME, kind="library")
        session.add(lib)
        session.flush()
    return lib


def _user_id(user: Any) -> int | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user.id


def visible_ids(user: Any = None, *, user_id: Any = None) -> Select:
    """Ids of the collections ``user`` may see, as a subquery. ``user_id`` may be a bound
    parameter instead, for statements built once and run for any user."""
    uid = user_id if user_id is not None else _user_id(user)
    conditions: list[ColumnElement[bool]] = [Collection.kind == "library", Collection.published]
    if uid is not None:
        # shared with a class the user belongs to, while it is not archived (teaching.access)
        shared = (
            select(collection_class.c.collection_id)
            .join(Membership, Membership.class_id == collection_class.c.class_id)
            .join(ClassGroup, ClassGroup.id == collection_class.c.class_id)
            .where(Membership.user_id == uid, ClassGroup.archived.is_(False))
        )
        is_admin = exists().where(User.id == uid, User.role == "admin")
        conditions += [
            Collection.owner_id == uid,
            Collection.id.in_(shared),
            (Collection.kind == "teacher") & is_admin,
        ]
    return select(Collection.id).where(or_(*conditions))


def visible(column: Any, user: Any = None, *, user_id: Any = None) -> ColumnElement[bool]:
    """``column`` (a collection id) names a collection ``user`` may see."""
    return column.in_(visible_ids(user, user_id=user_id))


def can_see(session: Session, user: Any, collection_id: int | None) -> bool:
    if collection_id is None:
        return False
    return session.scalar(select(exists().where(
        Collection.id == collection_id, Collection.id.in_(visible_ids(user))))) or False


def can_write(user: Any, collection: Collection | None) -> bool:
    uid = _user_id(user)
    if collection is None or uid is None:
        return False
    if collection.owner_id == uid:
        return True
    return user.role == "admin" and collection.kind in ("library", "teacher")


def writable(session: Session, user: Any) -> list[Collection]:
    """Collections ``user`` may add articles to, the Library first for admins, then by name.

    A learner (or anyone) without one gets their private collection made on first upload
    (``own_collection``), so it is not listed until it exists."""
    uid = _user_id(user)
    if uid is None:
        return []
    cond = Collection.owner_id == uid
    if user.role == "admin":
        cond = cond | Collection.kind.in_(("library",))
    rows = session.scalars(select(Collection).where(cond).order_by(
        (Collection.kind != "library"), Collection.name, Collection.id)).all()
    return list(rows)


def own_collection(session: Session, user: Any) -> Collection:
    """The user's default collection to upload into: a teacher's first collection, or the
    private "My articles" collection of a learner (made when first needed)."""
    kind = "teacher" if user.role in ("teacher", "admin") else "learner"
    found = session.scalar(select(Collection).where(Collection.owner_id == user.id, Collection.kind == kind)
                           .order_by(Collection.id))
    if found is None:
        found = Collection(name="My articles", kind=kind, owner_id=user.id)
        session.add(found)
        session.flush()
    return found
