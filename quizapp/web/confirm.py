"""Destructive teacher actions confirm first and can be undone: the web side sets and classes share.

Without JavaScript the first POST (without ``confirm=1``) answers a confirmation page whose form
posts again with ``confirm=1``; with htmx the same request answers only that form, swapped in
place of the button. After the action the flash message carries an Undo button (a plain form
with its CSRF token; ``flash_undo``). Success answers 303 (for htmx: ``HX-Redirect``, so the
page reloads with its flash); a refused action or undo answers its 4xx with the reason (``refused``).
The rules (what is undone, for how long) are in ``quizapp.teaching.undo``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import current_app, flash, make_response, redirect, render_template, request

from ..teaching.undo import DEFAULT_SECONDS, UndoError, window_text
from .helpers import is_htmx, render


@dataclass
class Confirm:
    title: str  # the page's heading
    question: str  # "Remove Ann from Politics 11B?"
    action: str  # where the confirmed form posts
    button: str  # "Yes, remove Ann"
    back: str  # Cancel goes here
    detail: str = ""
    hidden: dict[str, str] = field(default_factory=dict)


def confirmed() -> bool:
    return request.form.get("confirm") == "1"


def undo_seconds() -> int:
    try:
        return max(0, int(current_app.config.get("UNDO_SECONDS", DEFAULT_SECONDS)))
    except (TypeError, ValueError):
        return DEFAULT_SECONDS


def undo_hint() -> str:
    """'You can undo this for 10 minutes.'"""
    return f"You can undo this for {window_text(undo_seconds())}."


def ask(c: Confirm):
    """The confirmation step: a page, or only its form for htmx (200, nothing changed)."""
    return render("confirm/page.html", "confirm/_form.html", c=c, inline=is_htmx())


def done(url: str):
    """After a change: 303 to ``url``; htmx is told to load it (its flash shows there)."""
    if is_htmx():
        resp = make_response("", 200)
        resp.headers["HX-Redirect"] = _no_fragment(url)
        return resp
    return redirect(url, 303)


def _no_fragment(url: str) -> str:
    # htmx sets location.href: a URL that differs from the page's only by its #fragment would
    # scroll instead of loading the page (and its flash)
    return url.split("#", 1)[0]


def flash_undo(text: str, action: str, note: str = "") -> None:
    """A success message with an Undo button posting to ``action`` (``note``: what it undoes)."""
    flash({"text": text, "undo": action, "note": note, "window": window_text(undo_seconds())}, "success")


def refused(message: str, status: int, back: str, title: str = "Can't do that"):
    """An action or undo that cannot be done: ``status`` (4xx) and the reason, on a page with a way
    back; htmx goes back to ``back`` with the reason flashed."""
    if is_htmx():
        flash(message, "error")
        resp = make_response(message, status)
        resp.headers["HX-Redirect"] = _no_fragment(back)
        return resp
    return render_template("confirm/refused.html", message=message, back=back, title=title), status


def undo_refused(err: UndoError, back: str):
    """An undo that cannot be done: 410 when too late, else 400."""
    return refused(err.message, err.status, back, "Too late to undo" if err.status == 410 else "Can't undo that")
