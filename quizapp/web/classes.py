"""Classes: teachers create them and assign sets with due dates; students join with a code and
do their assignments; teachers follow progress, item analysis and download grades."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import Blueprint, Response, abort, current_app, flash, redirect, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import delete, func, select

from ..auth import teacher_required
from ..bounds import local_time
from ..extensions import db, limiter
from ..models import Assignment, ClassGroup, Membership, Quiz, SetItem, StudySet, User
from ..teaching import codes, formats, undo
from ..teaching import store as ts
from ..teaching.access import live_set
from ..teaching.forms import AssignForm, ClassForm, DueForm, JoinForm
from ..teaching.itemanalysis import flag_label
from . import confirm as cf
from .helpers import get_or_404, render

bp = Blueprint("classes", __name__, url_prefix="/classes")


def _zone() -> ZoneInfo:
    try:
        return ZoneInfo(getattr(current_user, "timezone", None) or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _due(form) -> datetime | None:
    """The due date typed in the teacher's time zone, as aware UTC (end of day by default)."""
    if not form.due_date.data:
        return None
    at = form.due_time.data or time(23, 59)
    return datetime.combine(form.due_date.data, at, tzinfo=_zone()).astimezone(UTC)


def teach_dt(value: datetime | None, fmt: str = "%-d %b %Y, %H:%M") -> str:
    if value is None:
        return ""
    return local_time(value, _zone()).strftime(fmt)


def _own(class_id: int) -> ClassGroup:
    return get_or_404(ClassGroup, class_id, owner_id=current_user.id)


def _visible(class_id: int) -> tuple[ClassGroup, bool]:
    """The class for its teacher (True) or for a member (False); anyone else gets 404."""
    klass = db.session.get(ClassGroup, class_id)
    if klass is None:
        abort(404)
    if klass.owner_id == current_user.id:
        return klass, True
    if ts.is_member(db.session, current_user, klass.id):
        return klass, False
    abort(404)


def _assignment(klass: ClassGroup, assignment_id: int) -> Assignment:
    return get_or_404(Assignment, assignment_id, class_id=klass.id)


def _assign_form(klass: ClassGroup) -> AssignForm:
    form = AssignForm()
    counts = (select(func.count()).select_from(SetItem).where(SetItem.set_id == StudySet.id)
              .scalar_subquery())
    sets = db.session.execute(
        select(StudySet.id, StudySet.title, counts).where(StudySet.owner_id == current_user.id, live_set())
        .order_by(StudySet.title)
    ).all()
    form.set_id.choices = [(sid, f"{title} ({n} question{'s' if n != 1 else ''})") for sid, title, n in sets if n]
    return form


# --------------------------------------------------------------------------------------------
# Lists, creating, joining
# --------------------------------------------------------------------------------------------


@bp.get("/")
@login_required
def index():
    return _index(ClassForm(formdata=None), JoinForm(formdata=None))


def _index(form: ClassForm, join_form: JoinForm, status: int = 200):
    teaching = ts.teacher_classes(db.session, current_user) if current_user.is_teacher else []
    joined = ts.student_classes(db.session, current_user)
    assignments = ts.student_assignments(db.session, current_user) if joined else []
    return render("classes/index.html", None, form=form, join_form=join_form, teaching=teaching,
                  joined=joined, assignments=assignments, pretty=codes.pretty), status


@bp.post("/new")
@teacher_required
def create():
    form = ClassForm()
    if not form.validate_on_submit():
        return _index(form, JoinForm(formdata=None), 422)
    klass = ts.create_class(db.session, current_user, form.name.data)
    db.session.commit()
    flash(f"Class “{klass.name}” created. Give students the code {codes.pretty(klass.join_code)}.", "success")
    return redirect(url_for("classes.show", class_id=klass.id), 303)


def _join(klass: ClassGroup | None, join_form: JoinForm):
    if klass is None:
        join_form.code.errors.append("No class has this code. Check it with your teacher.")
        return _index(ClassForm(formdata=None), join_form, 404)
    if klass.owner_id == current_user.id:
        flash("You teach this class.", "info")
        return redirect(url_for("classes.show", class_id=klass.id), 303)
    added = ts.join(db.session, current_user, klass)
    db.session.commit()
    flash(f"You joined “{klass.name}”." if added else f"You are already in “{klass.name}”.", "success")
    return redirect(url_for("classes.show", class_id=klass.id), 303)


def _join_limit() -> str:
    return current_app.config.get("JOIN_RATE_LIMIT", "20 per minute; 200 per day")


def _join_key() -> str:
    return f"user:{current_user.id}" if current_user.is_authenticated else (request.remote_addr or "?")


# Typing a code and opening a join link both try a code: one budget per user for both, so the
# link (which names the class and its teacher on a hit) cannot be used to guess codes instead.
join_limit = limiter.shared_limit(_join_limit, scope="class-join", key_func=_join_key)


@bp.post("/join")
@login_required
@join_limit
def join():
    form = JoinForm()
    if not form.validate_on_submit():
        return _index(ClassForm(formdata=None), form, 422)
    return _join(ts.find_class_by_code(db.session, form.code.data), form)


@bp.get("/join/<code>")
@login_required
@join_limit
def join_link(code: str):
    """A join link a teacher can send: shows the class and a button (joining is a POST)."""
    klass = ts.find_class_by_code(db.session, code)
    if klass is None:
        abort(404)
    teacher = db.session.get(User, klass.owner_id)
    form = JoinForm(formdata=None, code=klass.join_code)
    return render("classes/join.html", None, klass=klass, teacher=teacher, form=form,
                  member=ts.is_member(db.session, current_user, klass.id), pretty=codes.pretty)


# --------------------------------------------------------------------------------------------
# One class
# --------------------------------------------------------------------------------------------


@bp.get("/<int:class_id>")
@login_required
def show(class_id: int):
    klass, teaching = _visible(class_id)
    if not teaching:
        mine = [(a, s) for a, s in ts.student_assignments(db.session, current_user) if a.class_id == klass.id]
        teacher = db.session.get(User, klass.owner_id)
        return render("classes/student.html", None, klass=klass, assignments=mine, teacher=teacher)
    return _teacher_page(klass, _assign_form(klass))


def _teacher_page(klass: ClassGroup, assign_form: AssignForm, status: int = 200):
    progress = ts.class_progress(db.session, klass)
    joined = dict((u.id, at) for u, at in ts.roster(db.session, klass))
    return render("classes/show.html", None, klass=klass, progress=progress, joined=joined,
                  assign_form=assign_form, rename_form=ClassForm(formdata=None, obj=klass),
                  pretty=codes.pretty), status


@bp.post("/<int:class_id>/rename")
@teacher_required
def rename(class_id: int):
    klass = _own(class_id)
    form = ClassForm()
    if form.validate_on_submit():
        klass.name = form.name.data.strip()
        db.session.commit()
        flash("Class renamed.", "success")
    else:
        flash(" ".join(form.name.errors) or "Give the class a name.", "error")
    return redirect(url_for("classes.show", class_id=klass.id), 303)


@bp.post("/<int:class_id>/code")
@teacher_required
def new_code(class_id: int):
    klass = _own(class_id)
    klass.join_code = ts.unique_code(db.session, ClassGroup.join_code, codes.JOIN_CODE_LENGTH)
    db.session.commit()
    flash(f"New join code: {codes.pretty(klass.join_code)}. The old code no longer works; "
          "students already in the class stay.", "success")
    return redirect(url_for("classes.show", class_id=klass.id), 303)


def _page(klass: ClassGroup, anchor: str = "") -> str:
    return url_for("classes.show", class_id=klass.id) + anchor


@bp.post("/<int:class_id>/archive")
@teacher_required
def archive(class_id: int):
    """``archived=1`` archives (after a confirmation; undoable for a while); anything else restores."""
    klass = _own(class_id)
    if request.form.get("archived") != "1":
        restored = undo.unarchive_class(db.session, klass)
        db.session.commit()
        flash("Class restored: students see it again." if restored else "The class is not archived.", "success")
        return cf.done(_page(klass))
    if klass.archived:
        flash("The class is already archived.", "info")
        return cf.done(_page(klass))
    if not cf.confirmed():
        return cf.ask(cf.Confirm(
            title="Archive the class", question=f"Archive “{klass.name}”?",
            detail="Its students will no longer open it, its assignments or the sets assigned in it, and the "
                   "code stops working. Their results are kept. " + cf.undo_hint()
                   + " After that, “Restore class” on this page still brings it back.",
            action=url_for("classes.archive", class_id=klass.id), button="Yes, archive it",
            back=_page(klass), hidden={"archived": "1"}))
    undo.archive_class(db.session, klass)
    db.session.commit()
    cf.flash_undo(f"“{klass.name}” archived: students no longer see it and the code stops working.",
               url_for("classes.undo_archive", class_id=klass.id))
    return cf.done(_page(klass))


@bp.post("/<int:class_id>/archive/undo")
@teacher_required
def undo_archive(class_id: int):
    klass = _own(class_id)
    try:
        restored = undo.undo_archive(db.session, klass, cf.undo_seconds())
    except undo.UndoError as err:
        db.session.rollback()
        return cf.undo_refused(err, _page(klass))
    db.session.commit()
    flash("Archive undone: students see the class again." if restored else "The class is not archived.",
          "success")
    return cf.done(_page(klass))


@bp.post("/<int:class_id>/students/<int:user_id>/remove")
@teacher_required
def remove_student(class_id: int, user_id: int):
    klass = _own(class_id)
    m = db.session.get(Membership, (klass.id, user_id))
    if m is None:
        abort(404)
    name = m.user.name
    if not cf.confirmed():
        return cf.ask(cf.Confirm(
            title="Remove a student", question=f"Remove {name} from “{klass.name}”?",
            detail="They will no longer see the class or its assignments. Their own answers stay in their "
                   "history. " + cf.undo_hint(),
            action=url_for("classes.remove_student", class_id=klass.id, user_id=user_id),
            button=f"Yes, remove {name}", back=_page(klass, "#roster")))
    removal = undo.remove_member(db.session, klass, user_id)
    db.session.commit()
    cf.flash_undo(f"{name} was removed from the class. Their own answers stay in their history.",
               url_for("classes.restore_student", class_id=klass.id, user_id=user_id),
               removal.note(current_app.secret_key))
    return cf.done(_page(klass, "#roster"))


@bp.post("/<int:class_id>/students/<int:user_id>/restore")
@teacher_required
def restore_student(class_id: int, user_id: int):
    """Undo a removal: the signed note of the Undo button says who was removed, and when."""
    klass = _own(class_id)
    try:
        removal = undo.Removal.from_note(request.form.get("note", ""), current_app.secret_key, klass.id, user_id)
        back = undo.restore_member(db.session, klass, removal, cf.undo_seconds())
    except undo.UndoError as err:
        db.session.rollback()
        return cf.undo_refused(err, _page(klass, "#roster"))
    db.session.commit()
    student = db.session.get(User, user_id)
    flash(f"{student.name} is back in the class." if back else f"{student.name} is already in the class.",
          "success")
    return cf.done(_page(klass, "#roster"))


@bp.post("/<int:class_id>/leave")
@login_required
def leave(class_id: int):
    klass, teaching = _visible(class_id)
    if teaching:
        abort(404)
    db.session.execute(delete(Membership).where(Membership.class_id == klass.id,
                                                Membership.user_id == current_user.id))
    db.session.commit()
    flash(f"You left “{klass.name}”.", "success")
    return redirect(url_for("classes.index"), 303)


# --------------------------------------------------------------------------------------------
# Assignments
# --------------------------------------------------------------------------------------------


@bp.post("/<int:class_id>/assignments")
@teacher_required
def assign(class_id: int):
    klass = _own(class_id)
    form = _assign_form(klass)
    if not form.validate_on_submit():
        if not form.set_id.choices:
            form.set_id.errors = ["Create a set with at least one question first."]
        return _teacher_page(klass, form, 422)
    sset = get_or_404(StudySet, form.set_id.data, owner_id=current_user.id, deleted_at=None)
    a, created = ts.assign(db.session, klass, sset, _due(form))
    db.session.commit()
    flash(f"Assigned “{sset.title}”." if created else f"“{sset.title}” was already assigned; due date updated.",
          "success")
    return redirect(url_for("classes.show", class_id=klass.id) + "#assignments", 303)


@bp.post("/<int:class_id>/assignments/<int:assignment_id>/due")
@teacher_required
def change_due(class_id: int, assignment_id: int):
    klass = _own(class_id)
    a = _assignment(klass, assignment_id)
    form = DueForm()
    if not form.validate_on_submit():
        errors = form.due_date.errors or form.due_time.errors
        flash(errors[0] if errors else "That due date is not a valid date.", "error")
    else:
        a.due_at = _due(form)
        db.session.commit()
        flash("Due date saved." if a.due_at else "Due date removed.", "success")
    return redirect(url_for("classes.assignment", class_id=klass.id, assignment_id=a.id), 303)


@bp.post("/<int:class_id>/assignments/<int:assignment_id>/remove")
@teacher_required
def unassign(class_id: int, assignment_id: int):
    klass = _own(class_id)
    a = _assignment(klass, assignment_id)
    title = a.set.title
    db.session.delete(a)
    db.session.commit()
    flash(f"“{title}” is no longer assigned. Students keep their own answers.", "success")
    return redirect(url_for("classes.show", class_id=klass.id) + "#assignments", 303)


@bp.post("/<int:class_id>/assignments/<int:assignment_id>/start")
@login_required
def start(class_id: int, assignment_id: int):
    klass, teaching = _visible(class_id)
    a = _assignment(klass, assignment_id)
    if teaching:
        return redirect(url_for("sets.preview", set_id=a.set_id), 303)
    from ..study.errors import StudyError
    from ..study.quiz import MAX_LENGTH
    from ..study.quizzes import start_quiz

    open_quiz = db.session.scalar(
        select(Quiz).where(Quiz.assignment_id == a.id, Quiz.user_id == current_user.id,
                           Quiz.finished_at.is_(None)).order_by(Quiz.started_at.desc()).limit(1))
    if open_quiz is not None:
        return redirect(url_for("study.take", quiz_id=open_quiz.id), 303)
    n = sum(1 for i in a.set.items if i.question.retired_at is None)
    try:
        quiz = start_quiz(db.session, current_user, scope_kind="set", scope_ref=str(a.set_id),
                          length=max(1, min(n, MAX_LENGTH)), mode="test", assignment_id=a.id)
    except StudyError as exc:
        db.session.rollback()
        flash(str(exc), "error")
        return redirect(url_for("classes.show", class_id=klass.id), 303)
    db.session.commit()
    return redirect(url_for("study.take", quiz_id=quiz.id), 303)


@bp.get("/<int:class_id>/assignments/<int:assignment_id>")
@teacher_required
def assignment(class_id: int, assignment_id: int):
    klass = _own(class_id)
    a = _assignment(klass, assignment_id)
    progress = ts.class_progress(db.session, klass)
    rows = ts.item_analysis(db.session, a, [u.id for u in progress.students])
    due = DueForm(formdata=None)
    if a.due_at:
        local = local_time(a.due_at, _zone())
        due.due_date.data, due.due_time.data = local.date(), local.time().replace(second=0, microsecond=0)
    return render("classes/assignment.html", None, klass=klass, a=a, progress=progress, rows=rows,
                  due_form=due, flag_label=flag_label, types=formats.TYPE_LABELS)


@bp.get("/<int:class_id>/grades.csv")
@teacher_required
def grades(class_id: int):
    klass = _own(class_id)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    for row in ts.grades_rows(ts.class_progress(db.session, klass)):
        # a leading = + - @ would run as a formula in a spreadsheet: neutralise it
        writer.writerow([("'" + c) if c[:1] in ("=", "+", "-", "@") else c for c in row])
    name = "".join(ch if ch.isalnum() else "-" for ch in klass.name).strip("-")[:50] or "class"
    resp = Response("\ufeff" + buf.getvalue(), mimetype="text/csv; charset=utf-8")
    resp.headers["Content-Disposition"] = f'attachment; filename="grades-{name}.csv"'
    return resp


# --------------------------------------------------------------------------------------------
# Home page panel
# --------------------------------------------------------------------------------------------


def init_app(app) -> None:
    app.jinja_env.globals["teach_dt"] = teach_dt

    @app.context_processor
    def _classes_home():
        # Only the home page shows the panel; skip the queries everywhere else.
        if request.endpoint != "main.home" or not current_user.is_authenticated:
            return {}
        panel = {"assignments": [], "teaching": []}
        if current_user.is_teacher:
            panel["teaching"] = ts.teacher_classes(db.session, current_user)
        panel["assignments"] = ts.student_assignments(db.session, current_user)[:8]
        return {"classes_home": panel}
