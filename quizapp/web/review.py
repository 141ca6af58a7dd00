"""Flashcard review: decks, a review session (reveal, rate 1–4, undo), cram, study settings.

Without JavaScript: "Show answer" is a link to the same card revealed, ratings are buttons of a
form that posts and redirects (303). With JavaScript (static/study.js): Space reveals, 1–4 rate,
u undoes, and htmx swaps the next card into ``#review-stage``.
"""

from __future__ import annotations

import secrets
import time
from datetime import UTC, datetime
from zoneinfo import available_timezones

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, StringField
from wtforms.validators import InputRequired, Length, NumberRange, ValidationError

from ..bounds import local_time as bounded_local
from ..extensions import db
from ..models import utcnow
from ..study import reviews
from ..study.errors import ScopeNotFound, StaleCard, StudyError
from ..study.progress import day_bounds, zone
from ..study.quiz import elapsed_ms
from ..study.scheduler import RATING_NAMES, RATINGS, STATE_NAMES, format_interval
from ..study.scope import Deck, deck_label, parse_deck
from .helpers import is_htmx, render
from .params import int_arg
from .study import scheduler

bp = Blueprint("review", __name__, url_prefix="/review")


def _deck(key: str | None) -> Deck:
    try:
        return parse_deck(db.session, key, current_user)
    except ScopeNotFound:
        abort(404)


def _session_params(values, now: datetime) -> tuple[Deck, str, datetime | None]:
    """Deck, mode and cram start from the query string or a form (every review action carries them)."""
    deck = _deck(values.get("deck"))
    mode = "cram" if values.get("mode") == "cram" else "review"
    since = _since(values.get("since"), now) if mode == "cram" else None
    return deck, mode, since


def _since(raw: str | None, now: datetime) -> datetime:
    """Start of a cram session (epoch seconds in the URL): each card is crammed once per session."""
    try:
        value = int(raw or "")
        if 0 < value <= now.timestamp() + 60:
            return datetime.fromtimestamp(value, UTC)
    except ValueError:
        pass
    return now


def local_time(dt: datetime | None) -> str:
    """A UTC datetime in the student's zone, e.g. "Mon 5 Jan, 14:10"."""
    if dt is None:
        return "—"
    return bounded_local(dt, zone(current_user.timezone)).strftime("%a %-d %b, %H:%M")


def relative(dt: datetime | None, now: datetime) -> str:
    """"in 8 minutes", "in 3 hours", "in 4 days"."""
    if dt is None:
        return ""
    seconds = (dt - now).total_seconds()
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            n = round(seconds / size)
            return f"in {n} {unit}{'' if n == 1 else 's'}"
    return "in less than a minute"


@bp.get("/")
@login_required
def index():
    now = utcnow()
    start, end = day_bounds(now, current_user.timezone)
    rows = reviews.deck_overview(db.session, current_user, now=now, day_start=start, day_end=end)
    done = reviews.day_counts(db.session, current_user, start)
    return render("review/index.html", None, rows=rows, done=done, now=now)


def _session_ctx(deck: Deck, mode: str, since: datetime | None, *, focus: int | None = None,
                 reveal: bool = False, notice: str | None = None, error: str | None = None) -> dict:
    now = utcnow()
    start, end = day_bounds(now, current_user.timezone)
    cram = mode == "cram"
    card = reviews.next_card(db.session, current_user, deck, now=now, day_start=start, day_end=end, cram=cram,
                             cram_since=since, focus=focus)
    counts = reviews.queue_counts(db.session, current_user, deck, now=now, day_start=start, day_end=end)
    intervals = {}
    if card is not None and not cram:
        preview = reviews.preview_intervals(card.card, now, scheduler())
        intervals = {r: format_interval(d) for r, d in preview.items()}
    nxt = None if card is not None else reviews.next_due(db.session, current_user, deck, after=now)
    last = reviews.last_undoable(db.session, current_user)
    return {
        "deck": deck,
        "deck_label": deck_label(db.session, deck),
        "mode": mode,
        "since": int(since.timestamp()) if since else None,
        "card": card,
        "counts": counts,
        "done": reviews.day_counts(db.session, current_user, start),
        "intervals": intervals,
        "ratings": [(r, RATING_NAMES[r]) for r in RATINGS],
        "state_names": STATE_NAMES,
        "token": secrets.token_hex(16),
        "shown_ms": int(time.time() * 1000),
        "reveal": reveal,
        "next_due": nxt,
        "next_due_text": local_time(nxt) if nxt else None,
        "next_due_rel": relative(nxt, now) if nxt else None,
        "can_undo": last is not None,
        "notice": notice,
        "error": error,
        "now": now,
    }


@bp.get("/study")
@login_required
def session():
    now = utcnow()
    deck, mode, since = _session_params(request.args, now)
    if mode == "cram" and request.args.get("since") is None:
        # A new cram session: pin its start in the URL so each card comes up once.
        return redirect(url_for("review.session", deck=deck.key, mode="cram", since=int(now.timestamp())))
    focus = int_arg("focus", clamp=True)
    ctx = _session_ctx(deck, mode, since, focus=focus, reveal=request.args.get("reveal") == "1")
    return render("review/session.html", "review/_stage.html", **ctx)


def _back_to_session(deck: Deck, mode: str, since: datetime | None, focus: int | None = None):
    args = {"deck": deck.key}
    if mode == "cram":
        args.update(mode="cram", since=int(since.timestamp()) if since else int(utcnow().timestamp()))
    if focus:
        args["focus"] = focus
    return redirect(url_for("review.session", **args), 303)


@bp.post("/rate")
@login_required
def rate():
    now = utcnow()
    deck, mode, since = _session_params(request.form, now)
    fact_id = int_arg("fact_id", source=request.form)
    if not fact_id:
        abort(400, "The form was missing the card; reload the page.")
    notice = None
    try:
        reviews.review_card(
            db.session, current_user._get_current_object(), fact_id, request.form.get("rating", ""),
            kind="cram" if mode == "cram" else "review", now=now,
            duration_ms=elapsed_ms(request.form.get("shown_ms"), int(now.timestamp() * 1000)),
            client_token=(request.form.get("token") or None), seen=request.form.get("seen"), scheduler=scheduler(),
        )
        db.session.commit()
    except (StaleCard, ScopeNotFound) as e:
        db.session.rollback()
        notice = str(e) if isinstance(e, StaleCard) else "That card is no longer available; here is the next one."
    except StudyError as e:
        db.session.rollback()
        ctx = _session_ctx(deck, mode, since, focus=fact_id, reveal=True, error=str(e))
        return render("review/session.html", "review/_stage.html", **ctx), 422
    if is_htmx():
        return render("review/session.html", "review/_stage.html", **_session_ctx(deck, mode, since, notice=notice))
    if notice:
        flash(notice, "info")
    return _back_to_session(deck, mode, since)


@bp.post("/undo")
@login_required
def undo():
    now = utcnow()
    deck, mode, since = _session_params(request.form, now)
    try:
        outcome = reviews.undo_last_review(db.session, current_user)
    except StudyError as e:
        db.session.rollback()
        if is_htmx():
            return render("review/session.html", "review/_stage.html",
                          **_session_ctx(deck, mode, since, notice=str(e)))
        flash(str(e), "warning")
        return _back_to_session(deck, mode, since)
    db.session.commit()
    notice = f"Undone: your “{RATING_NAMES[outcome.rating]}” on this card. Rate it again."
    if is_htmx():
        return render("review/session.html", "review/_stage.html",
                      **_session_ctx(deck, mode, since, focus=outcome.fact_id, reveal=False, notice=notice))
    flash(notice, "info")
    return _back_to_session(deck, mode, since, focus=outcome.fact_id)


def _valid_zone(form, field):
    if (field.data or "").strip() not in _zones():
        raise ValidationError("Choose a time zone from the list, e.g. Europe/Berlin or America/New_York.")


_ZONES: frozenset[str] | None = None


def _zones() -> frozenset[str]:
    global _ZONES
    if _ZONES is None:
        _ZONES = frozenset(available_timezones() | {"UTC"})
    return _ZONES


class SettingsForm(FlaskForm):
    new_cards_per_day = IntegerField(
        "New cards per day", validators=[InputRequired("Give a number."), NumberRange(0, 500, "Between 0 and 500.")]
    )
    reviews_per_day = IntegerField(
        "Reviews per day", validators=[InputRequired("Give a number."), NumberRange(0, 9999, "Between 0 and 9999.")]
    )
    quiz_counts_as_review = BooleanField("Quiz answers count as flashcard reviews")
    timezone = StringField("Time zone", validators=[InputRequired(), Length(max=64), _valid_zone])


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def settings():
    form = SettingsForm(obj=current_user)
    if form.validate_on_submit():
        current_user.new_cards_per_day = form.new_cards_per_day.data
        current_user.reviews_per_day = form.reviews_per_day.data
        current_user.quiz_counts_as_review = bool(form.quiz_counts_as_review.data)
        current_user.timezone = form.timezone.data.strip()
        db.session.commit()
        flash("Study settings saved.", "success")
        return redirect(url_for("review.settings"), 303)
    status = 422 if form.is_submitted() else 200
    return render("review/settings.html", None, form=form, zones=sorted(_zones())), status
