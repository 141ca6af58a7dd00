"""Home page, health check and error pages."""

from __future__ import annotations

from flask import Blueprint, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy import func, select, text

from ..extensions import db
from ..models import Article, Sentence

bp = Blueprint("main", __name__)


def _visible():
    from flask_login import current_user

    from ..collections import access

    return access.visible(Article.collection_id, current_user)


@bp.get("/")
def home():
    counts = {
        "articles": db.session.scalar(
            select(func.count()).select_from(Article).where(Article.retired_at.is_(None), _visible())
        ),
        "sentences": db.session.scalar(
            select(func.count())
            .select_from(Sentence)
            .join(Article)
            .where(Article.retired_at.is_(None), Sentence.paragraph > 0, _visible())
        ),
    }
    recent = db.session.scalars(
        select(Article)
        .where(Article.retired_at.is_(None), _visible())
        .order_by(Article.published.desc().nulls_last(), Article.id.desc())
        .limit(5)
    ).all()
    return render_template("home.html", counts=counts, recent=recent)


@bp.get("/healthz")
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # any DB failure means unhealthy; say so with 503
        db.session.rollback()
        return jsonify(status="error", database="unreachable"), 503
    return jsonify(status="ok", database="ok")


def _error(status: int, title: str, message: str):
    if request.accept_mimetypes.best == "application/json":
        return jsonify(error=title, message=message), status
    return render_template("error.html", status=status, title=title, message=message), status


def register_error_handlers(app) -> None:
    @app.errorhandler(400)
    def bad_request(e):
        return _error(400, "Bad request", getattr(e, "description", "") or "The request was not valid.")

    @app.errorhandler(CSRFError)
    def csrf_error(e):
        return _error(
            400,
            "Form expired",
            "The form was missing its security token or it expired. Go back, reload the page and try again.",
        )

    @app.errorhandler(403)
    def forbidden(e):
        return _error(403, "Not allowed", "You don't have permission to do that.")

    @app.errorhandler(404)
    def not_found(e):
        return _error(404, "Page not found", "There is nothing here. It may have been removed, or the link is wrong.")

    @app.errorhandler(405)
    def method_not_allowed(e):
        return _error(405, "Method not allowed", "That action can't be done this way.")

    @app.errorhandler(413)
    def too_large(e):
        limit = request.max_content_length or 0  # the article upload form allows more than other forms
        return _error(413, "Too large", f"The upload is larger than the limit of {limit // 1024:,} KiB.")

    @app.errorhandler(429)
    def too_many(e):
        return _error(429, "Slow down", "Too many attempts. Wait a minute and try again.")

    @app.errorhandler(500)
    def server_error(e):
        db.session.rollback()
        return _error(500, "Something went wrong", "The error was logged. Nothing was saved from this request.")
