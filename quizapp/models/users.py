"""People: students and teachers share one account table; the role decides what they may do."""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from .base import UTCDateTime, utcnow

ROLES = ("student", "teacher", "admin")


class User(UserMixin, db.Model):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="student")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Bumped on logout and password change so an old session cookie stops working everywhere.
    session_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Study preferences.
    quiz_counts_as_review: Mapped[bool] = mapped_column(Boolean, default=True)
    new_cards_per_day: Mapped[int] = mapped_column(Integer, default=20)
    reviews_per_day: Mapped[int] = mapped_column(Integer, default=200)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    # There are rows in ``notice`` for this user (a banner on every page until dismissed).
    has_notices: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive (disabled) users.
        return bool(self.active)

    @property
    def is_teacher(self) -> bool:
        return self.role in ("teacher", "admin")

    def get_id(self) -> str:
        # The id alone would keep a stolen cookie valid after logout; the token makes it revocable.
        return f"{self.id}:{self.session_token}"

    def __repr__(self) -> str:
        return f"<User {self.email!r} {self.role}>"
