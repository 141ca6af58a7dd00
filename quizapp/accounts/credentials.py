"""Changing what a user logs in with: their password and their e-mail address.

Both ask for the current password first. A new password follows the policy of ``quizapp.auth``
and ends every other session (the per-user session token is rotated; the view logs the current
session in again with the new one) and every outstanding reset link.
"""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.orm import Session

from ..auth import find_user, normalise_email, password_problem, rotate_session_token
from ..models import PasswordReset, User

MAX_EMAIL = 254


class AccountError(ValueError):
    """A change refused; ``field`` names the form field the message belongs to."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def set_password(session: Session, user: User, new: str) -> None:
    """Store ``new`` (policy checked) and sign out every session and reset link of ``user``."""
    problem = password_problem(new, user.email)
    if problem:
        raise AccountError("password", problem)
    user.set_password(new)
    rotate_session_token(user)
    session.execute(delete(PasswordReset).where(PasswordReset.user_id == user.id))
    session.flush()


def change_password(session: Session, user: User, current: str, new: str) -> None:
    if not user.check_password(current or ""):
        raise AccountError("current_password", "That is not your current password.")
    if new == current:
        raise AccountError("password", "Choose a password different from your current one.")
    set_password(session, user, new)


def change_email(session: Session, user: User, password: str, new_email: str) -> str:
    """Move ``user`` to ``new_email`` (normalised); the old address is returned."""
    if not user.check_password(password or ""):
        raise AccountError("current_password", "That is not your current password.")
    email = normalise_email(new_email or "")
    if not email or "@" not in email or len(email) > MAX_EMAIL:
        raise AccountError("email", "Enter a valid e-mail address.")
    if email == user.email:
        raise AccountError("email", "That is already your e-mail address.")
    other = find_user(session, email)
    if other is not None and other.id != user.id:
        raise AccountError("email", "Another account uses this e-mail address.")
    old, user.email = user.email, email
    session.flush()
    return old
