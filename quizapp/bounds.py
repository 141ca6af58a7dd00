"""The ranges a value from outside must fall in before it reaches the database or a calendar.

Why: an id above the database's 64-bit integer reaches the driver as an ``OverflowError``
(SQLite) or ``NumericValueOutOfRange`` (PostgreSQL), a 500 wherever it is looked up; a due date
in year 9999 stores fine and then breaks every page that shows it in a time zone east of UTC.
Values outside these ranges name nothing that can exist: the caller answers "no such thing"
(ids) or a form error (dates).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

# The largest id any database we run on can store (SQLite INTEGER, PostgreSQL BIGINT).
DB_INT_MAX = 2**63 - 1
# Dates a person can mean in this app (due dates, article dates), far from the calendar's ends.
FIRST_YEAR, LAST_YEAR = 1900, 2200


def parse_id(ref: Any) -> int | None:
    """``ref`` (a form value, a stored reference) as an id a row could have, else None."""
    text = str(ref).strip() if isinstance(ref, str | int) and not isinstance(ref, bool) else ""
    if not (text.isascii() and text.isdigit()) or len(text) > 19:
        return None
    value = int(text)
    return value if 0 < value <= DB_INT_MAX else None


def sane_date(value: date | datetime | None) -> bool:
    """Is ``value`` (if any) within the years a person can mean here, and so safe to show in any
    time zone?"""
    return value is None or FIRST_YEAR <= value.year <= LAST_YEAR


def local_time(value: datetime, zone: ZoneInfo) -> datetime:
    """``value`` in ``zone``. A stored time too close to the calendar's ends to shift (written
    before dates were bounded) is shown as it is rather than breaking the page."""
    try:
        return value.astimezone(zone)
    except (OverflowError, ValueError):
        return value
