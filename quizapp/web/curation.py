"""The quality loop's pages: students report a question; teachers and admins work the review
queue (approve, edit, retire, restore, accept an answer, whole articles at once); admins see the
generator's quality. Every action is a plain form (303 back); with htmx the row is swapped in
place from the same template (``curation/_row.html``). The rules live in ``questions.curation``.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, request, url_for
from flask_login import current_user, login_required

from ..auth import teacher_required
from ..collections.access import can_write
from ..extensions import db, limiter
from ..models import AnswerClaim, Article, Collection, Question
from ..questions import curation as cur
from ..questions.quality import quality_rows, totals
from ..questions.store import question_from_row
from ..security import safe_next
from ..study import quiz as qz
from .admin import admin_required
from .helpers import is_htmx, render
from .params import int_arg

bp = Blueprint("curation", __name__)


def _report_limit() -> str:
    return current_app.config.get("REPORT_RATE_LIMIT", "10 per minute; 100 per day")


def _user_key() -> str:
    return f"user:{current_user.id}" if current_user.is_authenticated else (request.remote_addr or "?")


def _question(question_id: int) -> Question:
    q = db.session.get(Question, question_id)
    if q is None:
        abort(404)
    return q


def _back(default: str) -> str:
    return safe_next(request.form.get("next") or request.args.get("next"), default)


# -- students ---------------------------------------------------------------------------------
@bp.post("/questions/<int:question_id>/report")
@login_required
@limiter.limit(_report_limit, key_func=_user_key, methods=["POST"])
def report(question_id: int):
    q = _question(question_id)
    if not cur.meets(db.session, current_user, q):
        abort(404)
    back = _back(url_for("main.home"))
    try:
        reason, note = cur.parse_report(request.form.get("reason"), request.form.get("note"))
    except cur.CurationError as e:
        mine = cur.own_report(db.session, current_user, q.id)
        return render("curation/report.html", "curation/_report.html", q=q, error=str(e), mine=mine,
                      back=back), 422
    mine, created = cur.report(db.session, current_user, q, reason, note)
    db.session.commit()
    message = "Thanks, a teacher will look." if created else "Thanks, your report is updated; a teacher will look."
    if is_htmx():
        return render("curation/_report.html", None, q=q, mine=mine, thanks=message, back=back)
    flash(message, "success")
    return redirect(back, 303)


# -- reviewers --------------------------------------------------------------------------------
def _queue_ctx() -> dict:
    view = request.args.get("view", "open")
    view = view if view in cur.QUEUE_VIEWS else "open"
    article_id = int_arg("article")
    rows = cur.queue(db.session, current_user, view, article_id)
    article = db.session.get(Article, article_id) if article_id else None
    titles = dict(db.session.execute(
        Article.__table__.select().with_only_columns(Article.id, Article.title)
        .where(Article.id.in_(sorted({r.article_id for r in rows if r.article_id})))).all()) if rows else {}
    return {"rows": rows, "view": view, "article": article, "titles": titles, "reasons": cur.REASON_LABELS,
            "pure": {r.question.id: question_from_row(r.question) for r in rows}, "type_labels": qz.TYPE_LABELS}


@bp.get("/questions/review")
@teacher_required
def review():
    return render("curation/review.html", None, **_queue_ctx())


def _acted(q: Question, message: str):
    """After an action: the row again for htmx (its new state), else back to the queue."""
    db.session.commit()
    if is_htmx():
        row = next((r for r in cur.queue(db.session, current_user, "open") if r.question.id == q.id), None) \
            or next((r for r in cur.queue(db.session, current_user, "retired") if r.question.id == q.id), None)
        return render("curation/_row.html", None, row=row, q=q, message=message, reasons=cur.REASON_LABELS,
                      pure={q.id: question_from_row(q)}, titles={}, type_labels=qz.TYPE_LABELS)
    flash(message, "success")
    return redirect(_back(url_for("curation.review")), 303)


def _actable(question_id: int) -> Question:
    q = _question(question_id)
    if not cur.may_act(db.session, current_user, q):
        abort(404)
    return q


@bp.post("/questions/<int:question_id>/approve")
@teacher_required
def approve(question_id: int):
    q = _actable(question_id)
    cur.approve(db.session, current_user, q)
    return _acted(q, "Approved: students see this question.")


@bp.post("/questions/<int:question_id>/retire")
@teacher_required
def retire(question_id: int):
    q = _actable(question_id)
    n = cur.retire(db.session, current_user, q)
    extra = f" {n} card{'' if n == 1 else 's'} that had no other question paused." if n else ""
    return _acted(q, "Retired: it leaves the bank, quizzes, sets and decks; answers and grades stay." + extra)


@bp.post("/questions/<int:question_id>/restore")
@teacher_required
def restore(question_id: int):
    q = _actable(question_id)
    if q.review_state != "retired":
        flash("This question is not retired.", "info")
        return redirect(_back(url_for("curation.review")), 303)
    cur.restore(db.session, current_user, q)
    return _acted(q, "Restored: the question is back where it was.")


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
@teacher_required
def edit(question_id: int):
    q = _actable(question_id)
    if q.type not in ("short_answer", "cloze", "multiple_choice", "true_false"):
        flash("Matching and ordering questions cannot be edited here; retire it instead.", "info")
        return redirect(_back(url_for("curation.review")), 303)
    error = None
    if request.method == "POST":
        try:
            data = cur.parse_edit(request.form)
        except cur.CurationError as e:
            error = str(e)
        else:
            cur.edit(db.session, current_user, q, data)
            db.session.commit()
            flash("Saved. The edit stays when the article is processed again.", "success")
            return redirect(_back(url_for("curation.review")), 303)
    values = request.form if request.method == "POST" else {
        "prompt": q.prompt, "answer": q.answer, "accepted": "\n".join(a for a in (q.accepted or []) if a != q.answer),
        "explanation": q.explanation or ""}
    return render("curation/edit.html", None, q=q, values=values, error=error,
                  back=_back(url_for("curation.review"))), 422 if error else 200


def _claim(claim_id: int) -> tuple[AnswerClaim, Question]:
    claim = db.session.get(AnswerClaim, claim_id)
    if claim is None:
        abort(404)
    q = _actable(claim.question_id)
    if claim.status != "pending":
        flash("This answer was already decided.", "info")
    return claim, q


@bp.post("/questions/claims/<int:claim_id>/accept")
@teacher_required
def accept_claim(claim_id: int):
    claim, q = _claim(claim_id)
    if claim.status != "pending":
        return redirect(_back(url_for("curation.review")), 303)
    from .study import scheduler

    n = cur.decide_claim(db.session, current_user, claim, True, scheduler())
    return _acted(q, f"Accepted “{claim.text}” as an answer; {n} answer{'' if n == 1 else 's'} now count as right.")


@bp.post("/questions/claims/<int:claim_id>/reject")
@teacher_required
def reject_claim(claim_id: int):
    claim, q = _claim(claim_id)
    if claim.status != "pending":
        return redirect(_back(url_for("curation.review")), 303)
    cur.decide_claim(db.session, current_user, claim, False)
    return _acted(q, f"“{claim.text}” is not accepted as an answer.")


@bp.post("/questions/review/articles/<int:article_id>")
@teacher_required
def bulk(article_id: int):
    """Approve or retire every question of one article that the user may act on."""
    article = db.session.get(Article, article_id)
    if article is None or not can_write(current_user, db.session.get(Collection, article.collection_id)):
        abort(404)
    action = request.form.get("action")
    if action not in ("approve", "retire"):
        flash("Choose approve or retire.", "error")
        return redirect(url_for("curation.review", article=article.id), 303)
    done = 0
    for q in cur.article_questions(db.session, article.id):
        if action == "approve" and q.review_state != "retired":
            cur.approve(db.session, current_user, q)
            done += 1
        elif action == "retire" and q.review_state != "retired":
            cur.retire(db.session, current_user, q)
            done += 1
    db.session.commit()
    verb = "Approved" if action == "approve" else "Retired"
    flash(f"{verb} {done} question{'' if done == 1 else 's'} of “{article.title}”.", "success")
    return redirect(_back(url_for("curation.review", article=article.id)), 303)


@bp.post("/collections/<int:collection_id>/review-new")
@teacher_required
def review_new(collection_id: int):
    """The collection setting "review before students see new questions"."""
    collection = db.session.get(Collection, collection_id)
    if collection is None or not can_write(current_user, collection):
        abort(404)
    collection.review_new = request.form.get("review_new") == "1"
    db.session.commit()
    flash("New questions wait for your approval before students see them." if collection.review_new
          else "New questions reach students as soon as they are made.", "success")
    return redirect(_back(url_for("collections.show", collection_id=collection.id)), 303)


# -- admins -----------------------------------------------------------------------------------
@bp.get("/admin/quality")
@admin_required
def quality():
    rows = quality_rows(db.session)
    return render("curation/quality.html", None, rows=rows, total=totals(rows), type_labels=qz.TYPE_LABELS)


def init_app(app) -> None:
    """The report form's reasons, for every template that includes it."""
    app.jinja_env.globals["report_reasons"] = cur.REASON_LABELS
