"""Account rules that are not about HTTP: password policy, creating users, session tokens."""

from __future__ import annotations

import secrets
from functools import cache, wraps
from importlib import resources

from flask import abort
from flask_login import current_user, login_required
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .models import User

MIN_PASSWORD = 8


@cache
def common_passwords() -> frozenset[str]:
    text = resources.files("quizapp").joinpath("data/common_passwords.txt").read_text()
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


def password_problem(password: str, email: str = "") -> str | None:
    """Why ``password`` is not acceptable, or None when it is."""
    if len(password) < MIN_PASSWORD:
        return f"Use at least {MIN_PASSWORD} characters."
    if len(password) > 256:
        return "Use at most 256 characters."
    if password.lower() in common_passwords():
        return "That password is too common; choose another."
    if email and password.lower() == email.lower().split("@")[0]:
        return "Don't use your email name as your password."
    return None


def normalise_email(email: str) -> str:
    # (NUL never belongs in an address, and PostgreSQL refuses it in any text parameter.)
    return email.replace("\x00", "").strip().lower()


def find_user(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def create_user(session: Session, email: str, name: str, password: str, role: str = "student") -> User:
    user = User(email=normalise_email(email), name=name.strip(), role=role, active=True)
    user.set_password(password)
    user.session_token = secrets.token_hex(16)
    session.add(user)
    session.flush()
    return user


def rotate_session_token(user: User) -> None:
    """Invalidate every session cookie issued for ``user`` so far."""
    user.session_token = secrets.token_hex(16)


def teacher_required(view):
    """Logged in as a teacher (or admin); students get 403 with a clear page."""

    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not current_user.is_teacher:
            abort(403)
        return view(*args, **kwargs)

    return wrapped
