"""Add articles (being built)."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("library", __name__, url_prefix="/library")


@bp.get("/")
def index():
    return render_template("error.html", status=503, title="Add articles", message="This area is being built."), 503
