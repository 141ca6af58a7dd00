"""Accounts people run themselves: password-reset links and notices shown on the next page view."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import UTCDateTime, utcnow


class PasswordReset(db.Model):
    """One "forgot password" link. Only the SHA-256 of its token is stored, so a copy of the
    database does not hold working links; the row is deleted when it is used or the password
    changes, which makes every link single-use."""

    __tablename__ = "password_reset"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Notice(db.Model):
    """Something a user must be told on their next page view (e.g. "your teacher deleted their
    account"); shown on every page until they dismiss it. ``User.has_notices`` says whether any
    exist, so the pages of everyone else pay no query for this."""

    __tablename__ = "notice"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    message: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
