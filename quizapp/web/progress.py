"""Progress dashboard: what is due, how well you remember, how regularly you study, what is weak."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import Blueprint, current_app, flash, redirect, url_for
from flask_login import current_user, login_required

from ..collections.access import visible_ids
from ..extensions import db
from ..models import Collection, utcnow
from ..study import charts
from ..study import dashboard as stats
from ..study import progress as pg
from ..study.errors import StudyError
from ..study.quiz import MAX_LENGTH
from ..study.quizzes import question_ids_for_facts, start_quiz
from ..study.reviews import queue_counts
from ..study.scheduler import LEARNING, NEW, RELEARNING, REVIEW
from ..study.scope import Deck
from ..study.snapshots import SnapshotCache, SnapshotFiles
from .helpers import render

bp = Blueprint("progress", __name__, url_prefix="/progress")

KIND_LABELS = {"date": "Dates", "leader": "Leaders", "mechanism": "Mechanisms", "goal": "Goals", "other": "Other"}
HEATMAP_WEEKS = 26
TREND_WEEKS = 8


def _weakest(user, n: int = 10):
    answers, reviews = stats.fact_attempts(db.session, user)
    weak = pg.weakest(pg.merge_fact_stats(answers, reviews), n)
    facts = stats.fact_summaries(db.session, [w.fact_id for w in weak])
    return [(facts[w.fact_id], w) for w in weak if w.fact_id in facts]


@bp.get("/")
@login_required
def dashboard():
    user = current_user._get_current_object()  # the user itself: the proxy costs a lookup per use
    now = utcnow()
    max_age = current_app.config["DASHBOARD_SNAPSHOT_SECONDS"]
    if max_age <= 0:
        return render("progress/dashboard.html", None, **_dashboard_context(user, now)[0])
    # The fingerprint is read before the numbers: a write landing in between then makes the
    # snapshot look older than it is (recomputed next time), never newer (stale).
    # What the user may see is part of it: a collection unshared from their class leaves the
    # weakest-facts list at once, not when the snapshot expires.
    fingerprint = (stats.history_fingerprint(db.session, user), user.timezone, user.new_cards_per_day,
                   user.reviews_per_day, tuple(db.session.scalars(visible_ids(user).order_by(Collection.id))))
    snapshots = _snapshots()
    ctx = snapshots.get(user.id, fingerprint, now)
    if ctx is None:
        ctx, valid_until = _dashboard_context(user, now)
        snapshots.put(user.id, fingerprint, min(valid_until, now + timedelta(seconds=max_age)), ctx)
    return render("progress/dashboard.html", None, **ctx)


def _snapshots() -> SnapshotCache:
    """This worker's dashboard snapshots (one cache per app, so test apps never share one), in
    front of the files the host's workers share when ``DASHBOARD_SNAPSHOT_DIR`` is set."""
    cache = current_app.extensions.get("quizapp.dashboard_snapshots")
    if cache is None:
        config = current_app.config
        shared = None
        if config["DASHBOARD_SNAPSHOT_DIR"]:
            shared = SnapshotFiles(config["DASHBOARD_SNAPSHOT_DIR"], config["SECRET_KEY"],
                                   config["DASHBOARD_SNAPSHOT_SECONDS"])
        cache = current_app.extensions.setdefault(
            "quizapp.dashboard_snapshots", SnapshotCache(config["DASHBOARD_SNAPSHOT_SIZE"], shared))
    return cache


def _dashboard_context(user, now) -> tuple[dict, datetime]:
    """Everything the dashboard shows, and until when it stays true without new study.

    Time alone changes three things: a card falling due (the due counts), the student's day
    ending (today, streak, limits) and the 30-day retention window sliding, which the snapshot's
    maximum age bounds along with changes to the shared corpus (a retired article's cards).
    """
    tz = user.timezone
    today = pg.local_date(now, tz)
    day_start, day_end = pg.day_bounds(now, tz)

    counts = queue_counts(db.session, user, Deck(), now=now, day_start=day_start, day_end=day_end)
    states = stats.card_state_counts(db.session, user)
    dues = stats.due_dates(db.session, user, until=day_end + timedelta(days=13))
    fc = pg.forecast(dues, today, tz, days=14)
    fc_labels = ["Today" if i == 0 else d.day.strftime("%-d %b") if i % 2 == 0 else d.day.strftime("%a")[:2]
                 for i, d in enumerate(fc)]
    fc_total = sum(d.count for d in fc)
    forecast_svg = charts.bar_chart(
        fc_labels, [d.count for d in fc],
        title="Cards due in the next 14 days",
        desc=f"{fc[0].count} due today (including overdue), {fc_total} in the next 14 days; busiest day "
        f"{max(fc, key=lambda d: d.count).day.strftime('%-d %B')} with {max(d.count for d in fc)}.",
        tooltips=[f"{d.day.strftime('%a %-d %b')}: {d.count} card{'' if d.count == 1 else 's'}" for d in fc],
    )

    (passed30, total30), (passed_all, total_all) = stats.retention_counts(db.session, user, since=now - timedelta(days=30))

    since = day_start - timedelta(days=7 * HEATMAP_WEEKS + 7)
    per_day = pg.hour_buckets_to_days(stats.activity_by_hour(db.session, user, since), tz)
    active = {d for d, n in per_day.items() if n > 0}
    streak, longest = pg.current_streak(active, today), pg.longest_streak(active)
    weeks = pg.heatmap(per_day, today, HEATMAP_WEEKS)
    days_active = sum(1 for w in weeks for c in w if c.count)
    heat_svg = charts.heatmap(
        weeks, title=f"Study activity over the last {HEATMAP_WEEKS} weeks",
        desc=f"You studied on {days_active} days of the last {HEATMAP_WEEKS} weeks; current streak {streak} "
        f"day{'s' if streak != 1 else ''}, longest {longest}. Darker squares mean more ratings and answers.",
        unit="ratings and answers",
    )

    trend_since = day_start - timedelta(days=7 * TREND_WEEKS + 1)
    by_kind = pg.weekly_series(
        [(_as_date(d), k, t, c) for d, k, t, c in stats.accuracy_by_kind(db.session, user, trend_since)],
        today, TREND_WEEKS,
    )
    week_starts = [p.start for p in next(iter(by_kind.values()))] if by_kind else []
    week_labels = [s.strftime("%-d %b") for s in week_starts]
    kind_series = {KIND_LABELS.get(k, k): [p.percent for p in pts] for k, pts in by_kind.items()}
    kind_svg = None
    if by_kind:
        kind_svg = charts.line_chart(
            week_labels, kind_series,
            title="Quiz accuracy by kind of fact, per week",
            desc="; ".join(
                f"{name}: " + ", ".join(f"{v}%" for v in vals if v is not None) for name, vals in kind_series.items()
            ) + ".",
        )
    by_article_week = pg.weekly_series(
        [(_as_date(d), str(a), t, c) for d, a, t, c in stats.accuracy_by_article(db.session, user, trend_since)],
        today, TREND_WEEKS,
    )
    articles = []
    for aid, title, total, correct in stats.article_totals(db.session, user)[:50]:
        pts = by_article_week.get(str(aid), [])
        recent = [p for p in pts[-2:] if p.total]
        recent_total = sum(p.total for p in recent)
        articles.append({
            "id": aid, "title": title, "total": total, "percent": pg.percent(correct, total),
            "recent": pg.percent(sum(p.correct for p in recent), recent_total) if recent_total else None,
            "spark": charts.sparkline([p.percent for p in pts], label=f"Weekly accuracy for {title}") if pts else None,
        })

    weak = _weakest(user)
    # The next card to fall due today ends the snapshot; with none, the end of the day does.
    valid_until = min((d for d in dues if now < d < day_end), default=day_end)
    return dict(
        counts=counts, states=states, new_state=NEW, learning_states=(LEARNING, RELEARNING), review_state=REVIEW,
        forecast=fc, forecast_svg=forecast_svg, forecast_total=fc_total,
        retention30=pg.percent(passed30, total30), total30=total30,
        retention_all=pg.percent(passed_all, total_all), total_all=total_all,
        streak=streak, longest=longest, heat_svg=heat_svg, days_active=days_active,
        kind_svg=kind_svg, kind_series=kind_series, week_labels=week_labels,
        articles=articles, weak=weak, kind_labels=KIND_LABELS, weakness=pg.weakness,
    ), valid_until


def _as_date(value):
    from datetime import date

    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


@bp.post("/study-weak")
@login_required
def study_weak():
    """Start a practice quiz on the weakest facts (recomputed here; the form carries no ids)."""
    facts = [f.id for f, _ in _weakest(current_user)]
    qids = question_ids_for_facts(db.session, facts, current_user)
    try:
        quiz = start_quiz(db.session, current_user, scope_kind="weak", scope_ref=None,
                          length=min(MAX_LENGTH, max(1, min(len(qids), 15))), mode="practice",
                          question_ids=qids)
    except StudyError as e:
        db.session.rollback()
        flash(str(e) if qids else "No weak facts yet: answer some quizzes or review cards first.", "info")
        return redirect(url_for("progress.dashboard"), 303)
    db.session.commit()
    return redirect(url_for("study.take", quiz_id=quiz.id), 303)
