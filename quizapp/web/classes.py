"""Classes (being built)."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("classes", __name__, url_prefix="/classes")


@bp.get("/")
def index():
    return render_template("error.html", status=503, title="Classes", message="This area is being built."), 503
