"""Study sets (being built)."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("sets", __name__, url_prefix="/sets")


@bp.get("/")
def index():
    return render_template("error.html", status=503, title="Study sets", message="This area is being built."), 503
