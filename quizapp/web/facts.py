"""Facts (being built)."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("facts", __name__, url_prefix="/facts")


@bp.get("/")
def index():
    return render_template("error.html", status=503, title="Facts", message="This area is being built."), 503
