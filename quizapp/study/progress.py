"""Progress statistics from aggregates: days, streaks, forecasts, retention, weakest facts.

The store runs the grouped SQL and hands plain rows here; everything below is pure so the numbers
on the dashboard can be checked by hand in tests. "Today" is always the student's local day (their
``User.timezone``), because a streak that breaks at midnight UTC is wrong for most of the world.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_date(when: datetime, tz: str | None) -> date:
    return when.astimezone(zone(tz)).date()


def day_bounds(now: datetime, tz: str | None) -> tuple[datetime, datetime]:
    """Start and end (UTC) of the student's local day that contains ``now``."""
    z = zone(tz)
    today = now.astimezone(z).date()
    start = datetime.combine(today, time(0), tzinfo=z)
    end = datetime.combine(today + timedelta(days=1), time(0), tzinfo=z)
    return start.astimezone(UTC), end.astimezone(UTC)


def hour_buckets_to_days(rows: Iterable[tuple[str, int]], tz: str | None) -> dict[date, int]:
    """Counts grouped by UTC hour ("YYYY-MM-DD HH") → counts per local day.

    SQL groups by UTC hour because every database can do that cheaply; the shift to the local day
    (with daylight saving) happens here. Zones with half-hour offsets are placed by the middle of
    the hour.
    """
    z = zone(tz)
    out: dict[date, int] = {}
    for bucket, n in rows:
        try:
            at = datetime.strptime(str(bucket)[:13], "%Y-%m-%d %H").replace(tzinfo=UTC) + timedelta(minutes=30)
        except ValueError:
            continue
        d = at.astimezone(z).date()
        out[d] = out.get(d, 0) + int(n or 0)
    return out


def current_streak(active: Iterable[date], today: date) -> int:
    """Days in a row with study, ending today (or yesterday: today is not over yet)."""
    days = set(active)
    d = today if today in days else today - timedelta(days=1)
    n = 0
    while d in days:
        n += 1
        d -= timedelta(days=1)
    return n


def longest_streak(active: Iterable[date]) -> int:
    days = sorted(set(active))
    best = run = 0
    prev = None
    for d in days:
        run = run + 1 if prev is not None and d - prev == timedelta(days=1) else 1
        best = max(best, run)
        prev = d
    return best


@dataclass(frozen=True)
class ForecastDay:
    day: date
    count: int


def forecast(dues: Iterable[datetime], today: date, tz: str | None, days: int = 14) -> list[ForecastDay]:
    """Cards falling due on each of the next ``days`` local days; overdue cards count today."""
    counts = [0] * days
    z = zone(tz)
    for due in dues:
        offset = (due.astimezone(z).date() - today).days
        if offset < days:
            counts[max(0, offset)] += 1
    return [ForecastDay(today + timedelta(days=i), n) for i, n in enumerate(counts)]


def percent(part: float, whole: float) -> int | None:
    return round(100 * part / whole) if whole else None


@dataclass(frozen=True)
class HeatCell:
    day: date
    count: int
    level: int  # 0 (none) … 4 (most), for the colour class
    future: bool


def heat_levels(counts: Sequence[int]) -> list[int]:
    """Colour levels relative to the student's own busiest day, so a light week still shows."""
    top = max(counts, default=0)
    if top <= 0:
        return [0 for _ in counts]
    return [0 if c <= 0 else min(4, 1 + int(3 * c / top)) if c < top else 4 for c in counts]


def heatmap(per_day: Mapping[date, int], today: date, weeks: int = 26) -> list[list[HeatCell]]:
    """Columns of weeks (Monday first) ending with the current week, oldest first."""
    end = today + timedelta(days=6 - today.weekday())
    start = end - timedelta(days=7 * weeks - 1)
    days = [start + timedelta(days=i) for i in range(7 * weeks)]
    counts = [per_day.get(d, 0) if d <= today else 0 for d in days]
    levels = heat_levels(counts)
    cells = [HeatCell(d, c, lv, d > today) for d, c, lv in zip(days, counts, levels, strict=True)]
    return [cells[i : i + 7] for i in range(0, len(cells), 7)]


@dataclass(frozen=True)
class WeekPoint:
    start: date
    total: int
    correct: int

    @property
    def percent(self) -> int | None:
        return percent(self.correct, self.total)


def week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def weekly_series(
    rows: Iterable[tuple[date, str, int, int]], today: date, weeks: int = 8
) -> dict[str, list[WeekPoint]]:
    """(day, key, total, correct) rows → per key, one point per week for the last ``weeks`` weeks."""
    first = week_start(today) - timedelta(days=7 * (weeks - 1))
    starts = [first + timedelta(days=7 * i) for i in range(weeks)]
    acc: dict[str, dict[date, list[int]]] = {}
    for day, key, total, correct in rows:
        ws = week_start(day)
        if ws < first:
            continue
        slot = acc.setdefault(key, {}).setdefault(ws, [0, 0])
        slot[0] += int(total or 0)
        slot[1] += int(correct or 0)
    return {
        key: [WeekPoint(s, *by_week.get(s, [0, 0])) for s in starts] for key, by_week in sorted(acc.items())
    }


@dataclass(frozen=True)
class FactStat:
    fact_id: int
    attempts: int  # quiz answers + flashcard ratings
    failures: int  # wrong answers + "Again" ratings


def weakness(stat: FactStat) -> float:
    """Smoothed failure rate: one miss in one try is weaker than none, but less sure than 5 in 6."""
    return (stat.failures + 1) / (stat.attempts + 2)


def weakest(stats: Iterable[FactStat], n: int = 10) -> list[FactStat]:
    """Facts that were missed at least once, weakest first."""
    missed = [s for s in stats if s.failures > 0]
    return sorted(missed, key=lambda s: (-weakness(s), -s.failures, s.fact_id))[:n]


def merge_fact_stats(*groups: Iterable[tuple[int, int, int]]) -> list[FactStat]:
    """Sum (fact_id, attempts, failures) rows from several sources (answers, reviews)."""
    acc: dict[int, list[int]] = {}
    for rows in groups:
        for fid, attempts, failures in rows:
            slot = acc.setdefault(int(fid), [0, 0])
            slot[0] += int(attempts or 0)
            slot[1] += int(failures or 0)
    return [FactStat(fid, a, f) for fid, (a, f) in acc.items()]
