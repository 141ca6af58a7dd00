"""Notices: what a user must be told on their next page view, shown until they dismiss it.

``User.has_notices`` is read with the user row every request anyway, so only people with a
notice pay the query that lists them.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, exists, select, update
from sqlalchemy.orm import Session

from ..models import Notice, User, utcnow

MAX_MESSAGE = 2000


def notify(session: Session, user_ids: Iterable[int], message: str) -> int:
    """Leave ``message`` for each of ``user_ids``; how many were told."""
    ids = sorted({int(i) for i in user_ids if i is not None})
    if not ids:
        return 0
    now = utcnow()
    session.add_all([Notice(user_id=i, message=message[:MAX_MESSAGE], created_at=now) for i in ids])
    session.execute(update(User).where(User.id.in_(ids)).values(has_notices=True))
    session.flush()
    return len(ids)


def notices_for(session: Session, user: User) -> list[Notice]:
    if not user.has_notices:
        return []
    return list(session.scalars(select(Notice).where(Notice.user_id == user.id).order_by(Notice.id)))


def dismiss(session: Session, user: User, notice_id: int | None = None) -> int:
    """Dismiss one notice of ``user`` (or all with None); how many went."""
    stmt = delete(Notice).where(Notice.user_id == user.id)
    if notice_id is not None:
        stmt = stmt.where(Notice.id == notice_id)
    gone = session.execute(stmt).rowcount or 0
    user.has_notices = bool(session.scalar(select(exists().where(Notice.user_id == user.id))))
    session.flush()
    return gone
