"""The question bank: every generated question, filterable, each previewed as a student sees it."""

from __future__ import annotations

from flask import Blueprint, abort, request
from flask_login import current_user
from sqlalchemy import exists, or_, select

from ..collections import access
from ..extensions import db
from ..models import FACT_KINDS, FactSource, Question, question_fact
from ..questions.types import QUESTION_TYPES
from .helpers import paginate, render, visible_article_titles
from .params import int_arg

bp = Blueprint("bank", __name__, url_prefix="/questions")


@bp.get("/")
def index():
    args = request.args
    qtype = args.get("type", "") if args.get("type") in QUESTION_TYPES else ""
    kind = args.get("kind", "") if args.get("kind") in FACT_KINDS else ""
    article = int_arg("article")
    q = (args.get("q") or "").strip()[:200]
    stmt = (
        select(Question)
        .where(Question.origin == "generated", Question.retired_at.is_(None),
               access.visible(Question.collection_id, current_user))
        .order_by(Question.score.desc(), Question.id)
    )
    if qtype:
        stmt = stmt.where(Question.type == qtype)
    if kind:
        stmt = stmt.where(Question.fact_kind == kind)
    if article:
        stmt = stmt.where(
            exists().where(
                question_fact.c.question_id == Question.id,
                FactSource.fact_id == question_fact.c.fact_id,
                FactSource.article_id == article,
            )
        )
    if q:
        like = f"%{q}%"
        stmt = stmt.where(or_(Question.prompt.ilike(like), Question.answer.ilike(like)))
    page = paginate(stmt, per_page=20)
    articles = visible_article_titles()
    filters = {"type": qtype, "kind": kind, "article": article, "q": q}
    link_args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render("bank/index.html", "bank/_rows.html", page=page, f=filters, types=QUESTION_TYPES,
                  kinds=FACT_KINDS, articles=articles, args=link_args)


@bp.get("/<int:question_id>")
def show(question_id: int):
    question = db.session.get(Question, question_id)
    # Only the shared bank is public here; teachers' own questions are shown in their sets.
    if question is None or question.origin != "generated" or \
            not access.can_see(db.session, current_user, question.collection_id):
        abort(404)
    from ..questions.curation import may_act

    can_act = current_user.is_authenticated and current_user.is_teacher and may_act(db.session, current_user, question)
    return render("bank/show.html", None, q=question, can_act=can_act)
