"""Browsing the corpus: the article list and one article's clean text."""

from __future__ import annotations

from itertools import groupby

from flask import Blueprint, abort, request
from sqlalchemy import func, select

from ..extensions import db
from ..models import Article, Sentence
from .helpers import paginate, render

bp = Blueprint("corpus", __name__, url_prefix="/articles")


@bp.get("/")
def index():
    q = (request.args.get("q") or "").strip()[:200]
    counts = (
        select(Sentence.article_id, func.count().label("n"))
        .where(Sentence.paragraph > 0)
        .group_by(Sentence.article_id)
        .subquery()
    )
    stmt = (
        select(Article, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.article_id == Article.id)
        .where(Article.retired_at.is_(None))
        .order_by(Article.published.desc().nulls_last(), Article.title)
    )
    if q:
        stmt = stmt.where(Article.title.ilike(f"%{q}%") | Article.raw_text.ilike(f"%{q}%"))
    page = paginate(stmt, per_page=25, rows=True)
    return render("corpus/index.html", "corpus/_rows.html", page=page, q=q)


@bp.get("/<int:article_id>")
def show(article_id: int):
    article = db.session.get(Article, article_id)
    if article is None or article.retired_at is not None:
        abort(404)
    body = [s for s in article.sentences if s.paragraph > 0]
    paragraphs = [list(g) for _, g in groupby(body, key=lambda s: s.paragraph)]
    highlight = request.args.get("s", type=int)
    return render(
        "corpus/article.html", None, article=article, paragraphs=paragraphs, highlight=highlight
    )
