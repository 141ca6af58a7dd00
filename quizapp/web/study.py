"""Quizzes (being built)."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("study", __name__, url_prefix="/quiz")


@bp.get("/")
def index():
    return render_template("error.html", status=503, title="Quizzes", message="This area is being built."), 503
