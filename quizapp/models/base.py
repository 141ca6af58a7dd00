"""Shared column types and helpers for the models."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    return datetime.now(UTC)


# Derived rows (facts, generated questions) are synced by stable ids: a row the pipeline still
# produces is kept (updated, or revived if it had been retired), one it no longer produces is
# retired, never deleted, because answers, cards and teachers' copies point at it.
def live_and_equal(row: Any, values: Mapping[str, Any]) -> bool:
    """True when ``row`` is live and already holds ``values``."""
    return row.retired_at is None and all(getattr(row, k) == v for k, v in values.items())


def revive_with(row: Any, values: Mapping[str, Any], now: datetime) -> None:
    """Write ``values`` into ``row`` and make it live again."""
    for k, v in values.items():
        setattr(row, k, v)
    row.retired_at = None
    row.updated_at = now


def retire_unseen(rows: Mapping[str, Any], seen: set[str], now: datetime) -> int:
    """Retire the live rows whose id the pipeline no longer produced; how many were retired."""
    retired = 0
    for uid, row in rows.items():
        if uid not in seen and row.retired_at is None:
            row.retired_at = now
            retired += 1
    return retired


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on every backend.

    SQLite has no time zones, PostgreSQL does; storing naive UTC and handing back aware UTC keeps
    comparisons with ``datetime.now(UTC)`` (and py-fsrs, which insists on UTC) correct on both.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC)
