"""Browsing the corpus: the article list and one article's clean text."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from flask import Blueprint, abort, request
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from ..collections import access
from ..extensions import db
from ..jobs.tasks import is_stale
from ..models import Article, Collection, Fact, FactSource, Question, Sentence
from ..study.scope import article_questions, bank_filter
from .helpers import paginate, render
from .params import int_arg

bp = Blueprint("corpus", __name__, url_prefix="/articles")


def visible_article(article_id: int) -> Article:
    """The live article if the user may see its collection; 404 otherwise (as if it did not exist)."""
    article = db.session.get(Article, article_id)
    if article is None or article.retired_at is not None or \
            not access.can_see(db.session, current_user, article.collection_id):
        abort(404)
    return article


@bp.get("/")
def index():
    q = (request.args.get("q") or "").strip()[:200]
    collection_id = int_arg("collection")
    counts = (
        select(Sentence.article_id, func.count().label("n"))
        .where(Sentence.paragraph > 0)
        .group_by(Sentence.article_id)
        .subquery()
    )
    stmt = (
        select(Article, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.article_id == Article.id)
        .where(Article.retired_at.is_(None), access.visible(Article.collection_id, current_user))
        .options(joinedload(Article.collection))
        .order_by(Article.published.desc().nulls_last(), Article.title)
    )
    collection = None
    if collection_id is not None:
        collection = db.session.get(Collection, collection_id)
        if collection is None or not access.can_see(db.session, current_user, collection.id):
            abort(404)
        stmt = stmt.where(Article.collection_id == collection.id)
    if q:
        stmt = stmt.where(Article.title.ilike(f"%{q}%") | Article.raw_text.ilike(f"%{q}%"))
    page = paginate(stmt, per_page=25, rows=True)
    return render("corpus/index.html", "corpus/_rows.html", page=page, q=q, collection=collection)


@bp.get("/<int:article_id>/status")
def status(article_id: int):
    """The article's processing panel (htmx polls it; without JS the page itself is reloaded)."""
    article = visible_article(article_id)
    response = render("corpus/_status.html", "corpus/_status.html", article=article,
                      can_write=access.can_write(current_user, article.collection), stale=is_stale(article))
    if article.status == "ready" and request.headers.get("HX-Request"):
        # Done: reload the whole page so the highlighted facts and the study links appear.
        return "", 200, {"HX-Refresh": "true"}
    return response


@bp.get("/<int:article_id>")
def show(article_id: int):
    article = visible_article(article_id)
    body = [s for s in article.sentences if s.paragraph > 0]
    paragraphs = [list(g) for _, g in groupby(body, key=lambda s: s.paragraph)]
    highlight = int_arg("s", clamp=True)
    marks = db.session.execute(
        select(FactSource.sentence_id, FactSource.span_start, FactSource.span_end, Fact.id,
               Fact.kind, Fact.statement)
        .join(Fact, Fact.id == FactSource.fact_id)
        .where(FactSource.article_id == article.id, Fact.retired_at.is_(None),
               FactSource.span_start.is_not(None), FactSource.sentence_id.is_not(None))
    ).all()
    by_sentence: dict[int, list[FactMark]] = {}
    for sid, start, end, fid, kind, statement in marks:
        by_sentence.setdefault(sid, []).append(FactMark(start, end, fid, kind, statement))
    segments = {s.id: mark_segments(s.text, s.start, by_sentence.get(s.id, [])) for s in body}
    kinds = sorted({m.kind for ms in by_sentence.values() for m in ms})
    # (a quiz of an article with no questions answers "nothing to ask" only after the click: the
    # page says so first, the walkthrough of session 19 met it)
    questions = db.session.scalar(
        select(func.count(Question.id)).where(bank_filter(current_user), Question.id.in_(article_questions(article.id)))
    ) if article.status == "ready" else 0
    return render(
        "corpus/article.html", None, article=article, paragraphs=paragraphs, highlight=highlight,
        segments=segments, kinds=kinds, can_write=access.can_write(current_user, article.collection),
        stale=is_stale(article), questions=questions,
    )


@dataclass(frozen=True)
class FactMark:
    start: int  # offsets into the article's raw text
    end: int
    fact_id: int
    kind: str
    statement: str


def mark_segments(text: str, offset: int, marks: list[FactMark]) -> list[tuple[str, FactMark | None]]:
    """Split one sentence into plain and fact-marked pieces; overlapping marks keep the longer.

    ``offset`` is where the sentence starts in the raw article, the frame the marks' spans use.
    """
    chosen: list[FactMark] = []
    for m in sorted(marks, key=lambda m: (-(m.end - m.start), m.start)):
        s, e = m.start - offset, m.end - offset
        if s < 0 or e > len(text) or s >= e:
            continue
        if all(e <= c.start - offset or s >= c.end - offset for c in chosen):
            chosen.append(m)
    out: list[tuple[str, FactMark | None]] = []
    pos = 0
    for m in sorted(chosen, key=lambda m: m.start):
        s, e = m.start - offset, m.end - offset
        if s > pos:
            out.append((text[pos:s], None))
        out.append((text[s:e], m))
        pos = e
    if pos < len(text):
        out.append((text[pos:], None))
    return out
