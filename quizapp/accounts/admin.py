"""The admin's user page: find accounts, change a role, disable or enable, delete.

The same changes as ``quizapp users`` on the command line. An admin does not act on their own
account here (no locking oneself out by a slip); they use their settings page like anyone.
"""

from __future__ import annotations

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ..auth import rotate_session_token
from ..models import ROLES, User
from .credentials import AccountError

MAX_SEARCH = 254


def users_query(search: str = "", role: str = "") -> Select:
    """Accounts whose e-mail contains ``search`` (case-insensitive), newest first."""
    stmt = select(User).order_by(User.created_at.desc(), User.id.desc())
    needle = (search or "").replace("\x00", "").strip().lower()[:MAX_SEARCH]
    if needle:
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(func.lower(User.email).like(f"%{escaped}%", escape="\\"))
    if role in ROLES:
        stmt = stmt.where(User.role == role)
    return stmt


def _not_self(admin: User, user: User) -> None:
    if admin.id == user.id:
        raise AccountError("user", "You can't change your own account here; use your account settings.")


def set_role(session: Session, admin: User, user: User, role: str) -> str:
    """The role before; ``AccountError`` for an unknown role or oneself."""
    _not_self(admin, user)
    if role not in ROLES:
        raise AccountError("role", "Choose student, teacher or admin.")
    before, user.role = user.role, role
    session.flush()
    return before


def set_active(session: Session, admin: User, user: User, active: bool) -> None:
    """Disable (every session ends now) or enable an account."""
    _not_self(admin, user)
    user.active = active
    if not active:
        rotate_session_token(user)
    session.flush()
