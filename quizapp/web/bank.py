"""Question bank (being built)."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("bank", __name__, url_prefix="/questions")


@bp.get("/")
def index():
    return render_template("error.html", status=503, title="Question bank", message="This area is being built."), 503
