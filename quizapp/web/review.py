"""Flashcard review (being built)."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("review", __name__, url_prefix="/review")


@bp.get("/")
def index():
    return render_template("error.html", status=503, title="Flashcard review", message="This area is being built."), 503
