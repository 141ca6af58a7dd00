"""The question bank: every generated question, filterable, each previewed as a student sees it."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import exists, or_, select

from ..collections import access
from ..extensions import db, limiter
from ..models import FACT_KINDS, FactSource, Question, question_fact
from ..questions.types import QUESTION_TYPES
from ..teaching import exports
from .helpers import paginate, render, visible_article_titles
from .params import int_arg
from .sets import download

bp = Blueprint("bank", __name__, url_prefix="/questions")

# CSV and JSON are for editing a set, not the whole bank: the bank offers the other tools' formats.
BANK_EXPORTS = ("apkg", "moodle-xml", "gift", "aiken", "quizlet")
MAX_EXPORT = 1000
EXPORT_LABELS = {"apkg": "Anki deck (.apkg)", "moodle-xml": "Moodle XML", "gift": "Moodle GIFT",
                 "aiken": "Aiken", "quizlet": "Quizlet text"}


def _filters() -> dict:
    args = request.args
    return {
        "type": args.get("type", "") if args.get("type") in QUESTION_TYPES else "",
        "kind": args.get("kind", "") if args.get("kind") in FACT_KINDS else "",
        "article": int_arg("article"),
        "q": (args.get("q") or "").strip()[:200],
    }


def _filtered(f: dict):
    """The bank's questions ``current_user`` may see, narrowed by the page's filters, best first."""
    stmt = (
        select(Question)
        .where(Question.origin == "generated", Question.retired_at.is_(None),
               access.visible(Question.collection_id, current_user))
        .order_by(Question.score.desc(), Question.id)
    )
    if f["type"]:
        stmt = stmt.where(Question.type == f["type"])
    if f["kind"]:
        stmt = stmt.where(Question.fact_kind == f["kind"])
    if f["article"]:
        stmt = stmt.where(
            exists().where(
                question_fact.c.question_id == Question.id,
                FactSource.fact_id == question_fact.c.fact_id,
                FactSource.article_id == f["article"],
            )
        )
    if f["q"]:
        like = f"%{f['q']}%"
        stmt = stmt.where(or_(Question.prompt.ilike(like), Question.answer.ilike(like)))
    return stmt


@bp.get("/")
def index():
    filters = _filters()
    page = paginate(_filtered(filters), per_page=20)
    articles = visible_article_titles()
    link_args = {k: v for k, v in request.args.items() if k != "page" and v}
    export_args = {k: v for k, v in link_args.items() if k in filters}
    return render("bank/index.html", "bank/_rows.html", page=page, f=filters, types=QUESTION_TYPES,
                  kinds=FACT_KINDS, articles=articles, args=link_args, export_args=export_args,
                  export_formats=BANK_EXPORTS, export_cap=MAX_EXPORT,
                  export_labels=EXPORT_LABELS)


def _export_limit() -> str:
    return current_app.config["EXPORT_RATE_LIMIT"]


def _per_user() -> str:
    return f"user:{current_user.id}"


@bp.get("/export/<fmt>")
@login_required
@limiter.limit(_export_limit, key_func=_per_user)
def export(fmt: str):
    """The filtered bank (at most ``MAX_EXPORT`` questions, best first) as a file: in Anki a deck
    per collection and article (``Collection::Article``), in Moodle a category for each."""
    if fmt not in BANK_EXPORTS:
        abort(404)
    questions = list(db.session.scalars(_filtered(_filters()).limit(MAX_EXPORT)))
    if not questions:
        flash("No question matches these filters: there is nothing to export.", "error")
        return redirect(url_for("bank.index", **{k: v for k, v in request.args.items() if v}), 303)
    rendered = exports.render(fmt, exports.bank_bundle(db.session, questions, current_user))
    return download(rendered, fmt, "question-bank")


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
