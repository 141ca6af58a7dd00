""""Forgot password": single-use links that expire.

A link carries a random token; the database keeps only its SHA-256, so a copy of the database
holds no working links. Using a link (or any password change) deletes every link of that user,
so each works once. Asking for a link for an unknown or disabled address does nothing, and the
view answers the same either way.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..auth import find_user
from ..models import PasswordReset, User, utcnow
from .credentials import set_password

MAX_TOKEN = 128  # ours are 43 characters; anything much longer is not one of ours


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def request_reset(session: Session, email: str, lifetime_s: int,
                  now: datetime | None = None) -> tuple[User, str] | None:
    """A new link for the active account of ``email``: (user, token), or None (no such account).
    Expired links of everyone are swept on the way."""
    now = now or utcnow()
    session.execute(delete(PasswordReset).where(PasswordReset.expires_at <= now))
    user = find_user(session, email or "")
    if user is None or not user.active:
        return None
    token = secrets.token_urlsafe(32)
    session.add(PasswordReset(user_id=user.id, token_hash=_digest(token), created_at=now,
                              expires_at=now + timedelta(seconds=max(0, lifetime_s))))
    session.flush()
    return user, token


def user_for_token(session: Session, token: str, now: datetime | None = None) -> User | None:
    """The active user a live link belongs to, else None (unknown, used, expired)."""
    if not token or len(token) > MAX_TOKEN:
        return None
    row = session.scalar(select(PasswordReset).where(PasswordReset.token_hash == _digest(token)))
    if row is None or row.expires_at <= (now or utcnow()):
        return None
    user = session.get(User, row.user_id)
    return user if user is not None and user.active else None


def reset_password(session: Session, token: str, new: str, now: datetime | None = None) -> User | None:
    """Set the password of the link's user (policy applies: ``AccountError``); None when the
    link no longer works. Every session and every link of that user ends."""
    user = user_for_token(session, token, now)
    if user is None:
        return None
    set_password(session, user, new)
    return user


def reset_mail(user: User, link: str, lifetime_s: int) -> tuple[str, str]:
    """(subject, body) of the mail that carries the link."""
    minutes = max(1, round(lifetime_s / 60))
    span = f"{minutes} minutes" if minutes < 120 else f"{round(minutes / 60)} hours"
    body = (
        f"Hello {user.name},\n\n"
        "Someone (we hope you) asked to choose a new password for your quizapp account.\n"
        f"Open this link within {span} to do it; it works once:\n\n"
        f"{link}\n\n"
        "If you did not ask, ignore this mail: your password stays as it is.\n"
    )
    return "Choose a new quizapp password", body
