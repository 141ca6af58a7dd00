"""Quizzes: start one from a scope, answer one question at a time, see feedback and results.

Every page works without JavaScript (forms post, 303 after POST); with htmx the question area
(``#quiz-stage``) is swapped in place from the same templates (``study/_stage.html``).
"""

from __future__ import annotations

import time

from flask import Blueprint, abort, current_app, flash, make_response, redirect, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import RadioField, SelectField
from wtforms.validators import DataRequired

from ..extensions import db
from ..models import FACT_KINDS, AnswerClaim, utcnow
from ..study import answers, quizzes, reviews
from ..study import quiz as qz
from ..study.errors import ScopeNotFound, StudyError
from ..study.scheduler import StudyScheduler
from ..study.scope import Deck, article_choices, set_choices
from .helpers import is_htmx, paginate, render

bp = Blueprint("study", __name__, url_prefix="/quiz")

KIND_LABELS = {"date": "Dates", "leader": "Leaders", "mechanism": "Mechanisms", "goal": "Goals"}


def scheduler() -> StudyScheduler:
    """The app's scheduler; ``STUDY_FUZZ=False`` in config turns interval fuzz off (tests)."""
    return StudyScheduler(fuzz=current_app.config.get("STUDY_FUZZ", True))


class StartForm(FlaskForm):
    scope = RadioField(
        "What to study",
        choices=[("corpus", "All articles"), ("article", "One article"), ("kind", "One kind of fact"),
                 ("set", "A study set")],
        default="corpus",
        validators=[DataRequired("Choose what to study.")],
    )
    article = SelectField("Article", coerce=str, validate_choice=False)
    kind = SelectField("Kind of fact", choices=[(k, KIND_LABELS[k]) for k in FACT_KINDS], validate_choice=False)
    set_id = SelectField("Study set", coerce=str, validate_choice=False)
    # The page offers a few lengths; links and the teaching pages may ask for any length 1..50.
    length = SelectField("Questions", choices=[(str(n), str(n)) for n in qz.LENGTHS], default="10",
                         validate_choice=False)
    mode = RadioField(
        "Mode",
        choices=[("practice", "Practice — see the answer after each question"),
                 ("test", "Test — see your score at the end")],
        default="practice",
    )
    mix = RadioField(
        "Question types",
        choices=[("any", "Any mix"), ("all_types", "At least one of each of the six types")],
        default="any",
    )


def _start_form() -> StartForm:
    form = StartForm() if request.method == "POST" else StartForm(formdata=None)
    form.article.choices = [(str(i), t) for i, t in article_choices(db.session, current_user)]
    form.set_id.choices = [(str(i), t) for i, t in set_choices(db.session, current_user)]
    if request.method == "GET":
        # Links from elsewhere can preselect a scope: /quiz/?scope=article&article=3
        for name in ("scope", "article", "kind", "set_id", "length", "mode", "mix"):
            value = request.args.get(name)
            if value:
                getattr(form, name).data = value
    return form


def _index_page(form: StartForm, status: int = 200):
    open_quizzes = quizzes.open_quizzes(db.session, current_user)
    page = paginate(quizzes.recent_quizzes(db.session, current_user), per_page=10, rows=True)
    labels = {q.id: quizzes.scope_label(db.session, q) for q, _ in open_quizzes}
    labels.update({row[0].id: quizzes.scope_label(db.session, row[0]) for row in page.items})
    return render(
        "study/index.html", None, form=form, open_quizzes=open_quizzes, page=page, labels=labels,
        kind_labels=KIND_LABELS,
    ), status


@bp.get("/")
@login_required
def index():
    return _index_page(_start_form())


@bp.post("/start")
@login_required
def start():
    form = _start_form()
    if not form.validate_on_submit():
        return _index_page(form, 422)
    scope = form.scope.data
    ref = {"article": form.article.data, "kind": form.kind.data, "set": form.set_id.data}.get(scope)
    try:
        quiz = quizzes.start_quiz(
            db.session, current_user, scope_kind=scope, scope_ref=ref, length=form.length.data or 10,
            mode=form.mode.data or "practice", mix=form.mix.data or "any",
        )
    except StudyError as e:
        db.session.rollback()
        name = e.field or {"article": "article", "kind": "kind", "set": "set_id"}.get(scope, "scope")
        field = getattr(form, name, form.scope)
        field.errors = [*field.errors, str(e)]
        return _index_page(form, 404 if isinstance(e, ScopeNotFound) and scope == "set" else 422)
    db.session.commit()
    return redirect(url_for("study.take", quiz_id=quiz.id), 303)


def _own_quiz(quiz_id: int):
    quiz = quizzes.get_quiz(db.session, current_user, quiz_id)
    if quiz is None:
        abort(404)
    return quiz


def _question_ctx(quiz, item, *, error: str | None = None, values: dict | None = None) -> dict:
    from ..questions.store import question_from_row

    question = question_from_row(item.question)
    return {
        "quiz": quiz,
        "item": item,
        "question": question,
        "layout": qz.layout(question, item.id),
        "values": values or {},
        "error": error,
        "answered": answers.answered_count(db.session, quiz),
        "total": quiz.length,
        "shown_ms": int(time.time() * 1000),
        "type_labels": qz.TYPE_LABELS,
    }


def _feedback_ctx(quiz, view: quizzes.ItemView, result=None) -> dict:
    from ..questions import curation as cur

    sources = quizzes.source_links(view.question)
    answer_id = getattr(view.answer, "id", None)
    claim = db.session.scalar(select(AnswerClaim).where(AnswerClaim.answer_id == answer_id)) if answer_id else None
    titles = quizzes.article_titles(db.session, [s["article_id"] for s in sources if s.get("article_id")])
    finished = quiz.finished_at is not None
    return {
        "quiz": quiz,
        "view": view,
        "typo": bool(view.answer and view.answer.typo),
        "sources": sources,
        "titles": titles,
        "finished": finished,
        "answered": answers.answered_count(db.session, quiz),
        "total": quiz.length,
        "type_labels": qz.TYPE_LABELS,
        "claim": claim,
        "can_claim": quiz.mode == "practice" and view.answer is not None and not view.answer.correct
        and view.question.type in cur.TYPED_TYPES,
        "mine": cur.own_report(db.session, current_user, view.item.question_id),
        "reasons": cur.REASON_LABELS,
    }


@bp.get("/<int:quiz_id>")
@login_required
def take(quiz_id: int):
    quiz = _own_quiz(quiz_id)
    item = None if quiz.finished_at else quizzes.current_item(db.session, quiz)
    if item is None:
        if is_htmx():
            resp = make_response("", 200)
            resp.headers["HX-Redirect"] = url_for("study.results", quiz_id=quiz.id)
            return resp
        return redirect(url_for("study.results", quiz_id=quiz.id))
    return _question_stage(quiz, _question_ctx(quiz, item))


def _question_stage(quiz, ctx: dict):
    """The question page, or only its stage for htmx."""
    return render("study/take.html", "study/_stage.html", stage="question",
                  label=quizzes.scope_label(db.session, quiz), **ctx)


@bp.post("/<int:quiz_id>/items/<int:item_id>")
@login_required
def answer(quiz_id: int, item_id: int):
    now = utcnow()
    form = request.form.to_dict(flat=True)
    time_ms = qz.elapsed_ms(form.get("shown_ms"), int(now.timestamp() * 1000))
    try:
        done = answers.submit_answer(db.session, current_user._get_current_object(), quiz_id, item_id, form,
                                     time_ms=time_ms, now=now, scheduler=scheduler())
    except qz.ResponseError as e:
        db.session.rollback()
        target = answers.item_to_answer(db.session, current_user, quiz_id, item_id)
        if target is None:
            abort(404)
        ctx = _question_ctx(target.quiz, target.item, error=str(e), values=form)
        return _question_stage(target.quiz, ctx), 422
    except StudyError as e:
        db.session.rollback()
        flash(str(e), "warning")
        return redirect(url_for("study.results", quiz_id=quiz_id), 303)
    if done is None:
        abort(404)
    target, outcome = done
    quiz_id, item_id, practice = target.quiz_id, target.item_id, target.mode == "practice"
    db.session.commit()
    if practice:
        if is_htmx():
            quiz = _own_quiz(quiz_id)
            view = quizzes.ItemView(quizzes.get_item(db.session, quiz, item_id), outcome.question, outcome.answer)
            return render("study/feedback.html", "study/_stage.html", stage="feedback",
                          **_feedback_ctx(quiz, view))
        return redirect(url_for("study.feedback", quiz_id=quiz_id, item_id=item_id), 303)
    # Test mode: straight on to the next question (or the results).
    if is_htmx():
        quiz = None if outcome.finished else _own_quiz(quiz_id)
        nxt = quizzes.current_item(db.session, quiz) if quiz is not None and quiz.finished_at is None else None
        if nxt is None:
            resp = make_response("", 200)
            resp.headers["HX-Redirect"] = url_for("study.results", quiz_id=quiz_id)
            return resp
        return _question_stage(quiz, _question_ctx(quiz, nxt))
    return redirect(url_for("study.take", quiz_id=quiz_id), 303)


@bp.get("/<int:quiz_id>/items/<int:item_id>")
@login_required
def feedback(quiz_id: int, item_id: int):
    quiz = _own_quiz(quiz_id)
    item = quizzes.get_item(db.session, quiz, item_id)
    if item is None:
        abort(404)
    from ..questions.store import question_from_row

    if item.answer is None:
        return redirect(url_for("study.take", quiz_id=quiz.id))
    if quiz.mode == "test" and quiz.finished_at is None:
        # No peeking at answers in a test before it is over.
        return redirect(url_for("study.take", quiz_id=quiz.id))
    view = quizzes.ItemView(item, question_from_row(item.question), item.answer)
    return render("study/feedback.html", "study/_stage.html", stage="feedback",
                  label=quizzes.scope_label(db.session, quiz), **_feedback_ctx(quiz, view))


@bp.post("/<int:quiz_id>/items/<int:item_id>/right")
@login_required
def claim_right(quiz_id: int, item_id: int):
    """"I was right" on a wrong typed answer (practice only): it counts as right at once, the card
    is re-rated, and the text waits for a teacher (``questions.curation.claim_right``)."""
    from ..questions import curation as cur
    from ..questions.store import question_from_row

    quiz = _own_quiz(quiz_id)
    item = quizzes.get_item(db.session, quiz, item_id)
    if item is None:
        abort(404)
    try:
        cur.claim_right(db.session, current_user, item, scheduler())
    except cur.CurationError as e:
        db.session.rollback()
        flash(str(e), "warning")
        return redirect(url_for("study.feedback", quiz_id=quiz.id, item_id=item_id), 303)
    db.session.commit()
    if quiz.mode != "practice":
        flash("Your teacher will decide whether your answer counts as right.", "success")
        return redirect(url_for("study.results", quiz_id=quiz.id, _anchor=f"item-{item_id}"), 303)
    if is_htmx():
        quiz = _own_quiz(quiz_id)
        item = quizzes.get_item(db.session, quiz, item_id)
        view = quizzes.ItemView(item, question_from_row(item.question), item.answer)
        return render("study/feedback.html", "study/_stage.html", stage="feedback", **_feedback_ctx(quiz, view))
    flash("Counted as right. Your teacher will check the answer.", "success")
    return redirect(url_for("study.feedback", quiz_id=quiz.id, item_id=item_id), 303)


@bp.post("/<int:quiz_id>/finish")
@login_required
def finish(quiz_id: int):
    quiz = _own_quiz(quiz_id)
    quizzes.finish_quiz(db.session, quiz)
    db.session.commit()
    return redirect(url_for("study.results", quiz_id=quiz.id), 303)


@bp.get("/<int:quiz_id>/results")
@login_required
def results(quiz_id: int):
    quiz = _own_quiz(quiz_id)
    from ..models import QuestionReport

    views = quizzes.quiz_item_views(db.session, quiz)
    my_reports = {r.question_id: r for r in db.session.scalars(select(QuestionReport).where(
        QuestionReport.user_id == current_user.id,
        QuestionReport.question_id.in_([v.item.question_id for v in views])))} if views else {}
    answer_ids = [v.answer.id for v in views if v.answer is not None]
    claims = {c.answer_id: c for c in db.session.scalars(
        select(AnswerClaim).where(AnswerClaim.answer_id.in_(answer_ids)))} if answer_ids else {}
    summary = quizzes.quiz_summary(views)
    ids = {s["article_id"] for v in views for s in quizzes.source_links(v.question) if s.get("article_id")}
    titles = quizzes.article_titles(db.session, list(ids))
    end = quiz.finished_at or (max((v.answer.created_at for v in views if v.answer), default=None))
    wall_ms = int((end - quiz.started_at).total_seconds() * 1000) if end else None
    return render(
        "study/results.html", None, quiz=quiz, views=views, summary=summary, titles=titles,
        label=quizzes.scope_label(db.session, quiz), wall=qz.format_duration(wall_ms),
        active=qz.format_duration(summary.time_ms), type_labels=qz.TYPE_LABELS, kind_labels=KIND_LABELS,
        source_links=quizzes.source_links, my_reports=my_reports, reasons=_reason_labels(), claims=claims,
        typed_types=("short_answer", "cloze"),
    )


def _reason_labels() -> dict[str, str]:
    from ..questions.curation import REASON_LABELS

    return REASON_LABELS


@bp.post("/<int:quiz_id>/retry")
@login_required
def retry(quiz_id: int):
    quiz = _own_quiz(quiz_id)
    try:
        new = quizzes.start_quiz(db.session, current_user, scope_kind="retry", scope_ref=str(quiz.id),
                                 length=qz.MAX_LENGTH, mode=quiz.mode)
    except StudyError as e:
        db.session.rollback()
        flash(str(e), "info")
        return redirect(url_for("study.results", quiz_id=quiz.id), 303)
    db.session.commit()
    return redirect(url_for("study.take", quiz_id=new.id), 303)


def init_app(app) -> None:
    """Home-page panel data (cards due, a quiz to resume), computed only when the panel renders."""

    @app.context_processor
    def _study_home():
        def study_home():
            if not current_user.is_authenticated:
                return None
            from ..study.progress import day_bounds

            now = utcnow()
            start, end = day_bounds(now, current_user.timezone)
            counts = reviews.queue_counts(db.session, current_user, Deck(), now=now, day_start=start,
                                          day_end=end)
            open_quizzes = quizzes.open_quizzes(db.session, current_user, limit=1)
            resume = None
            if open_quizzes:
                q, n = open_quizzes[0]
                resume = {"quiz": q, "answered": n, "label": quizzes.scope_label(db.session, q)}
            return {"counts": counts, "resume": resume}

        return {"study_home": study_home}
