"""Who reaches a class, and a study set through a class: the one place that says so.

A class grants its members something only while it is not archived. An archived class still
belongs to its teacher, who sees it, its roster and its grades; its students no longer open it,
its assignments, or a set that reaches them only because it is assigned there. A deleted set
(``StudySet.deleted_at``) reaches nobody, its owner included. Students' own history (quizzes,
answers, cards) is never touched by either.

Views, the quiz scopes (``study.scope``) and the collections rule (``collections.access``) all
ask here, so "what does a membership grant" is answered once.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, or_, select
from sqlalchemy.orm import Session

from ..models import Assignment, ClassGroup, Membership, StudySet, User


def live_set() -> ColumnElement[bool]:
    """The set is not deleted."""
    return StudySet.deleted_at.is_(None)


def active_class() -> ColumnElement[bool]:
    """The class is not archived (an archived class grants its members nothing)."""
    return ClassGroup.archived.is_(False)


def member_class_ids(user_id: Any) -> Select:
    """Ids of the unarchived classes ``user_id`` belongs to (``user_id`` may be a bound parameter)."""
    return (select(Membership.class_id)
            .join(ClassGroup, ClassGroup.id == Membership.class_id)
            .where(Membership.user_id == user_id, active_class()))


def assigned_set_ids(user_id: Any) -> Select:
    """Ids of the sets assigned in the unarchived classes ``user_id`` belongs to."""
    return (select(Assignment.set_id)
            .join(Membership, Membership.class_id == Assignment.class_id)
            .join(ClassGroup, ClassGroup.id == Assignment.class_id)
            .where(Membership.user_id == user_id, active_class()))


def is_member(session: Session, user: User, class_id: int) -> bool:
    """``user`` belongs to the class and it is not archived."""
    return bool(session.scalar(select(exists().where(
        Membership.class_id == class_id, Membership.user_id == user.id,
        ClassGroup.id == Membership.class_id, active_class()))))


def assigned_to(session: Session, user: User, set_id: int) -> Assignment | None:
    """An assignment of set ``set_id`` in an unarchived class ``user`` belongs to (the soonest due)."""
    return session.scalar(
        select(Assignment)
        .join(Membership, Membership.class_id == Assignment.class_id)
        .join(ClassGroup, ClassGroup.id == Assignment.class_id)
        .join(StudySet, StudySet.id == Assignment.set_id)
        .where(Assignment.set_id == set_id, Membership.user_id == user.id, active_class(), live_set())
        .order_by(Assignment.due_at.is_(None), Assignment.due_at)
        .limit(1)
    )


def reachable_sets(user_id: Any) -> ColumnElement[bool]:
    """The set is one the user may open and quiz on: their own, a published public one, or one
    assigned in an unarchived class they belong to; never a deleted one."""
    return and_(live_set(), or_(
        StudySet.owner_id == user_id,
        and_(StudySet.published.is_(True), StudySet.visibility == "public"),
        StudySet.id.in_(assigned_set_ids(user_id)),
    ))


def can_view_set(session: Session, user: User | None, sset: StudySet) -> bool:
    """Owner always; students of an unarchived class it is assigned in; anyone logged in when
    published and public. A deleted set: nobody."""
    if user is None or not getattr(user, "is_authenticated", False) or sset.deleted_at is not None:
        return False
    if sset.owner_id == user.id:
        return True
    if sset.published and sset.visibility == "public":
        return True
    return assigned_to(session, user, sset.id) is not None
