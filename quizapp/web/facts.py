"""Browsing the facts: a filterable list and one fact with its sources and questions."""

from __future__ import annotations

from flask import Blueprint, abort, request
from flask_login import current_user
from sqlalchemy import exists, or_, select
from sqlalchemy.orm import selectinload

from ..collections import access
from ..extensions import db
from ..models import FACT_KINDS, Fact, FactSource, Question, question_fact
from .helpers import paginate, render, visible_article_titles
from .params import int_arg

bp = Blueprint("facts", __name__, url_prefix="/facts")


def _filters() -> dict:
    args = request.args
    kind = args.get("kind", "")
    conf = args.get("min_conf", type=float)
    return {
        "kind": kind if kind in FACT_KINDS else "",
        "article": int_arg("article"),
        "min_conf": conf if conf is not None and 0 <= conf <= 1 else None,
        "q": (args.get("q") or "").strip()[:200],
        "conflict": args.get("conflict") == "1",
    }


@bp.get("/")
def index():
    f = _filters()
    stmt = (
        select(Fact)
        .where(Fact.retired_at.is_(None), access.visible(Fact.collection_id, current_user))
        .options(selectinload(Fact.sources).joinedload(FactSource.article))
        .order_by(Fact.kind, Fact.confidence.desc(), Fact.answer, Fact.id)
    )
    if f["kind"]:
        stmt = stmt.where(Fact.kind == f["kind"])
    if f["article"]:
        stmt = stmt.where(
            exists().where(FactSource.fact_id == Fact.id, FactSource.article_id == f["article"])
        )
    if f["min_conf"] is not None:
        stmt = stmt.where(Fact.confidence >= f["min_conf"])
    if f["conflict"]:
        stmt = stmt.where(Fact.conflict.is_(True))
    if f["q"]:
        like = f"%{f['q']}%"
        stmt = stmt.where(or_(Fact.statement.ilike(like), Fact.answer.ilike(like)))
    page = paginate(stmt, per_page=30)
    articles = visible_article_titles()
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render("facts/index.html", "facts/_rows.html", page=page, f=f, kinds=FACT_KINDS,
                  articles=articles, args=args)


@bp.get("/<int:fact_id>")
def show(fact_id: int):
    fact = db.session.get(Fact, fact_id)
    if fact is None or not access.can_see(db.session, current_user, fact.collection_id):
        abort(404)
    questions = db.session.scalars(
        select(Question)
        .join(question_fact, question_fact.c.question_id == Question.id)
        .where(question_fact.c.fact_id == fact.id, Question.retired_at.is_(None),
               Question.origin == "generated")
        .order_by(Question.type, Question.id)
    ).all()
    return render("facts/show.html", None, fact=fact, questions=questions)
