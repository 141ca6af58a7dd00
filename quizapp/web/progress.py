"""Progress (being built)."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("progress", __name__, url_prefix="/progress")


@bp.get("/")
def dashboard():
    return render_template("error.html", status=503, title="Progress", message="This area is being built."), 503
