"""Study sets: teachers build them from the bank and their own questions, preview, publish,
share, import and export; anyone with access opens a shared set and studies it."""

from __future__ import annotations

import re
import unicodedata

from flask import Blueprint, Response, abort, current_app, flash, redirect, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import exists, func, select

from ..auth import teacher_required
from ..extensions import db, limiter
from ..models import FACT_KINDS, Article, Assignment, Question, SetItem, StudySet
from ..models.teaching import PendingImport
from ..teaching import codes, exports, formats, undo
from ..teaching import store as ts
from ..teaching.access import live_set
from ..teaching.forms import ImportForm, QuestionForm, SetForm
from ..teaching.interop import registry
from . import confirm as cf
from .helpers import get_or_404, is_htmx, paginate, render, visible_article_titles
from .params import int_arg

bp = Blueprint("sets", __name__, url_prefix="/sets")

IMPORT_ENDPOINTS = ("sets.import_new", "sets.import_into")


def _own(set_id: int) -> StudySet:
    """The teacher's own set; a deleted one is 404 like any other missing set."""
    return get_or_404(StudySet, set_id, owner_id=current_user.id, deleted_at=None)


def _own_item(sset: StudySet, item_id: int) -> SetItem:
    return get_or_404(SetItem, item_id, set_id=sset.id)


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:60] or "set"


def _back(sset: StudySet, anchor: str = ""):
    return redirect(url_for("sets.show", set_id=sset.id) + anchor, 303)


# --------------------------------------------------------------------------------------------
# Lists, creating, settings
# --------------------------------------------------------------------------------------------


@bp.get("/")
@login_required
def index():
    mine = None
    if current_user.is_teacher:
        counts = (select(func.count()).select_from(SetItem).where(SetItem.set_id == StudySet.id)
                  .scalar_subquery())
        mine = paginate(select(StudySet, counts).where(StudySet.owner_id == current_user.id, live_set())
                        .order_by(StudySet.updated_at.desc(), StudySet.id.desc()), per_page=25, rows=True)
    public = db.session.execute(
        select(StudySet).where(StudySet.published.is_(True), StudySet.visibility == "public",
                               StudySet.owner_id != current_user.id, live_set())
        .order_by(StudySet.updated_at.desc()).limit(20)
    ).scalars().all()
    return render("sets/index.html", None, mine=mine, public=public)


@bp.route("/new", methods=["GET", "POST"])
@teacher_required
def create():
    form = SetForm()
    if form.validate_on_submit():
        s = ts.create_set(db.session, current_user, form.title.data, form.description.data,
                          form.visibility.data)
        db.session.commit()
        flash(f"Set “{s.title}” created. Now add questions.", "success")
        return redirect(url_for("sets.picker", set_id=s.id), 303)
    return render("sets/new.html", None, form=form), 422 if form.is_submitted() else 200


@bp.get("/<int:set_id>")
@teacher_required
def show(set_id: int):
    sset = _own(set_id)
    form = SetForm(obj=sset)
    return _show(sset, form)


def _show(sset: StudySet, form: SetForm, status: int = 200):
    assigned = db.session.scalars(
        select(Assignment).where(Assignment.set_id == sset.id)).all()
    return render("sets/show.html", "sets/_items.html", sset=sset, form=form, assigned=assigned,
                  types=formats.TYPE_LABELS, pretty=codes.pretty), status


@bp.post("/<int:set_id>/settings")
@teacher_required
def update(set_id: int):
    sset = _own(set_id)
    form = SetForm()
    if not form.validate_on_submit():
        return _show(sset, form, 422)
    sset.title = form.title.data.strip()
    sset.description = (form.description.data or "").strip()
    sset.visibility = form.visibility.data
    db.session.commit()
    flash("Settings saved.", "success")
    return _back(sset)


@bp.post("/<int:set_id>/publish")
@teacher_required
def publish(set_id: int):
    sset = _own(set_id)
    want = request.form.get("published") == "1"
    if want and not sset.items:
        flash("Add at least one question before publishing.", "error")
        return _back(sset)
    sset.published = want
    db.session.commit()
    flash("Published: students with access can open it." if want else "Back to draft.", "success")
    return _back(sset)


@bp.post("/<int:set_id>/duplicate")
@teacher_required
def duplicate(set_id: int):
    copy = ts.duplicate_set(db.session, _own(set_id), current_user)
    db.session.commit()
    flash(f"Duplicated as “{copy.title}” (a private draft).", "success")
    return redirect(url_for("sets.show", set_id=copy.id), 303)


@bp.post("/<int:set_id>/delete")
@teacher_required
def delete(set_id: int):
    """Delete after a confirmation; the set is only marked, so it can be restored for a while."""
    sset = _own(set_id)
    page = url_for("sets.show", set_id=sset.id)
    if db.session.scalar(select(exists().where(Assignment.set_id == sset.id))):
        return cf.refused("This set is assigned to a class; remove the assignment first "
                       "(its results would be lost).", 409, page, "The set is assigned")
    if not cf.confirmed():
        return cf.ask(cf.Confirm(
            title="Delete a set", question=f"Delete “{sset.title}”?",
            detail="It disappears from your sets and its share link stops working. The questions you wrote "
                   "stay in your question list; students' past answers stay in their history. " + cf.undo_hint(),
            action=url_for("sets.delete", set_id=sset.id), button="Yes, delete it", back=page))
    undo.delete_set(db.session, sset)
    db.session.commit()
    cf.flash_undo(f"Deleted “{sset.title}”.", url_for("sets.restore", set_id=sset.id))
    return cf.done(url_for("sets.index"))


@bp.post("/<int:set_id>/restore")
@teacher_required
def restore(set_id: int):
    """Undo a deletion within the window (``UNDO_SECONDS``)."""
    sset = get_or_404(StudySet, set_id, owner_id=current_user.id)
    try:
        restored = undo.restore_set(db.session, sset, cf.undo_seconds())
    except undo.UndoError as err:
        db.session.rollback()
        return cf.undo_refused(err, url_for("sets.index"))
    db.session.commit()
    flash(f"“{sset.title}” is back." if restored else f"“{sset.title}” is not deleted.", "success")
    return cf.done(url_for("sets.show", set_id=sset.id))


# --------------------------------------------------------------------------------------------
# Items: pick from the bank, reorder, remove, edit, write new
# --------------------------------------------------------------------------------------------


def _picker_filters() -> dict:
    a = request.args
    return {
        "q": (a.get("q") or "").strip()[:200],
        "article": int_arg("article"),
        "kind": a.get("kind") if a.get("kind") in FACT_KINDS else "",
        "type": a.get("type") if a.get("type") in formats.TYPES else "",
        "difficulty": a.get("difficulty") if a.get("difficulty") in ("easy", "medium", "hard") else "",
        "source": "mine" if a.get("source") == "mine" else "bank",
    }


@bp.get("/<int:set_id>/add")
@teacher_required
def picker(set_id: int):
    sset = _own(set_id)
    f = _picker_filters()
    stmt = ts.bank_query(current_user, q=f["q"], article_id=f["article"], kind=f["kind"],
                         qtype=f["type"], difficulty=f["difficulty"], source=f["source"])
    page = paginate(stmt, per_page=20)
    in_set = {i.question_id for i in sset.items}
    titles = _article_titles(page.items)
    articles = visible_article_titles()
    return render("sets/picker.html", "sets/_picker_rows.html", sset=sset, page=page, f=f,
                  in_set=in_set, articles=articles, kinds=FACT_KINDS, types=formats.TYPE_LABELS,
                  titles=titles)


def _article_titles(questions) -> dict[int, str]:
    """Article titles for the questions' sources (readers know titles, not file names)."""
    ids = {s.get("article_id") for q in questions for s in (q.sources or []) if s.get("article_id")}
    if not ids:
        return {}
    return dict(db.session.execute(select(Article.id, Article.title).where(Article.id.in_(ids))).all())


@bp.post("/<int:set_id>/items")
@teacher_required
def add_item(set_id: int):
    sset = _own(set_id)
    qid = int_arg("question_id", source=request.form)
    if qid is None:
        abort(400, "Choose a question to add.")
    q = db.session.get(Question, qid)
    if not ts.pickable(current_user, q):
        abort(404)
    item = ts.add_question(db.session, sset, q)
    db.session.commit()
    if is_htmx():
        return render("sets/_picker_row.html", "sets/_picker_row.html", q=q, sset=sset, in_set={q.id},
                      types=formats.TYPE_LABELS, just_added=True, titles=_article_titles([q]))
    flash("Added to the set." if item else "Already in the set.", "success")
    return redirect(request.form.get("back") if _safe_back() else url_for("sets.picker", set_id=sset.id), 303)


def _safe_back() -> bool:
    back = request.form.get("back") or ""
    return back.startswith("/sets/") and "//" not in back and "\\" not in back


@bp.post("/<int:set_id>/items/<int:item_id>/move")
@teacher_required
def move_item(set_id: int, item_id: int):
    sset = _own(set_id)
    item = _own_item(sset, item_id)
    direction = request.form.get("direction")
    if direction not in ("up", "down"):
        abort(400, "Move up or down.")
    ts.move_item(sset, item, direction)
    db.session.commit()
    db.session.refresh(sset)
    if is_htmx():
        return render("sets/_items.html", "sets/_items.html", sset=sset, types=formats.TYPE_LABELS,
                      focus=(item.id, direction))
    return _back(sset, f"#item-{item.id}")


@bp.post("/<int:set_id>/items/<int:item_id>/remove")
@teacher_required
def remove_item(set_id: int, item_id: int):
    sset = _own(set_id)
    item = _own_item(sset, item_id)
    ts.remove_item(db.session, sset, item)
    db.session.commit()
    db.session.refresh(sset)
    if is_htmx():
        return render("sets/_items.html", "sets/_items.html", sset=sset, types=formats.TYPE_LABELS)
    flash("Removed from the set.", "success")
    return _back(sset, "#items")


def _question_page(sset, form, *, item=None, status=200):
    return render("sets/question_form.html", None, sset=sset, form=form, item=item,
                  qtype=form.qtype, types=formats.TYPE_LABELS), status


@bp.route("/<int:set_id>/items/<int:item_id>/edit", methods=["GET", "POST"])
@teacher_required
def edit_item(set_id: int, item_id: int):
    sset = _own(set_id)
    item = _own_item(sset, item_id)
    base = ts.to_data(item.question)
    form = QuestionForm(base.type, base=base)
    if request.method == "GET":
        form.fill(base)
        return _question_page(sset, form, item=item)
    d = form.validate_question()
    if d is None:
        return _question_page(sset, form, item=item, status=422)
    was = item.question.origin
    q = ts.save_item_question(db.session, current_user, item, d)
    db.session.commit()
    flash("Saved your copy of the question (the original stays in the bank)."
          if was == "generated" else "Question saved.", "success")
    return _back(sset, f"#item-{item.id}" if q else "")


@bp.route("/<int:set_id>/questions/new", methods=["GET", "POST"])
@teacher_required
def new_question(set_id: int):
    sset = _own(set_id)
    qtype = request.args.get("type", "multiple_choice")
    if qtype not in formats.TYPES:
        abort(404)
    form = QuestionForm(qtype)
    if request.method == "GET":
        return _question_page(sset, form)
    d = form.validate_question()
    if d is None:
        return _question_page(sset, form, status=422)
    if len(sset.items) >= formats.MAX_QUESTIONS:
        flash(f"A set holds at most {formats.MAX_QUESTIONS} questions.", "error")
        return _back(sset)
    q = ts.new_question(db.session, current_user, d)
    item = ts.add_question(db.session, sset, q)
    db.session.commit()
    flash("Question added to the set.", "success")
    return _back(sset, f"#item-{item.id}" if item else "")


@bp.get("/<int:set_id>/preview")
@teacher_required
def preview(set_id: int):
    sset = _own(set_id)
    return render("sets/preview.html", None, sset=sset, items=sorted(sset.items, key=lambda i: i.position),
                  types=formats.TYPE_LABELS, reveal=request.args.get("answers") == "1")


# --------------------------------------------------------------------------------------------
# Export and import
# --------------------------------------------------------------------------------------------


def export_limit() -> str:
    return current_app.config["EXPORT_RATE_LIMIT"]


def download(rendered: exports.Rendered, fmt: str, name: str) -> Response:
    """The file as an attachment named ``name.<ending>``; what the format left out in a header."""
    mimetype, ending, _label = exports.EXPORTS[fmt]
    resp = Response(rendered.body, mimetype=mimetype)
    resp.headers["Content-Disposition"] = f'attachment; filename="{_slug(name)}.{ending}"'
    if rendered.notes:
        resp.headers["X-Export-Notes"] = " ".join(rendered.notes).encode("ascii", "replace").decode()
    return resp


@bp.get("/<int:set_id>/export/<fmt>")
@teacher_required
@limiter.limit(export_limit, key_func=lambda: f"user:{current_user.id}")
def export(set_id: int, fmt: str):
    sset = _own(set_id)
    if fmt not in exports.EXPORTS:
        abort(404)
    return download(exports.render(fmt, exports.set_bundle(db.session, sset, current_user)), fmt, sset.title)


def _read_upload(form: ImportForm) -> tuple[str, bytes] | None:
    """The uploaded file as bytes (packages are binary); over the cap is a form error, not a 5xx."""
    f = form.file.data
    if f is None or not getattr(f, "filename", ""):
        form.file.errors.append("Choose a file to import.")
        return None
    data = f.read(registry.MAX_PACKAGE_BYTES + 1)
    if len(data) > registry.MAX_PACKAGE_BYTES:
        form.file.errors.append(f"The file is larger than {registry.MAX_PACKAGE_BYTES // (1024 * 1024)} MB.")
        return None
    return f.filename, data


_TERM_SEPS = {"tab": "\t", "comma": ","}
_CARD_SEPS = {"newline": "\n", "semicolon": ";"}


def _import_options(form: ImportForm) -> registry.ImportOptions | None:
    """The Quizlet separators the teacher chose (None = detect); a custom choice needs its text."""
    def pick(choice: str, table: dict[str, str], custom_field) -> str | None:
        if choice == "custom":
            value = (custom_field.data or "").replace("\\t", "\t").replace("\\n", "\n")
            if not value.strip(" ") and value not in ("\t", "\n", " "):
                custom_field.errors.append("Type the separator, or choose one from the list.")
                return ""
            return value
        return table.get(choice)

    term = pick(form.term_sep.data, _TERM_SEPS, form.term_sep_custom)
    card = pick(form.card_sep.data, _CARD_SEPS, form.card_sep_custom)
    if term == "" or card == "":
        return None
    if term is not None and term == card:
        form.card_sep.errors.append("The card separator must differ from the term separator.")
        return None
    return registry.ImportOptions(term_sep=term, card_sep=card, multiple_choice=bool(form.multiple_choice.data))


def _import(sset: StudySet | None):
    form = ImportForm()
    if form.validate_on_submit():
        upload = _read_upload(form)
        options = _import_options(form)
        if upload and options is not None:
            name, data = upload
            try:
                fmt, result = registry.detect_and_parse(name, data, options, form.format.data)
            except registry.ImportRefused as exc:
                form.file.errors.append(str(exc))
            else:
                if not result.title:
                    result.title = registry.default_title(name)
                pending = ts.save_pending(db.session, current_user, sset, name, fmt, result.to_json())
                db.session.commit()
                return redirect(url_for("sets.import_preview", pending_id=pending.id), 303)
    status = 422 if form.is_submitted() else 200
    return render("sets/import.html", None, form=form, sset=sset, accept=registry.ACCEPT,
                  max_mb=registry.MAX_PACKAGE_BYTES // (1024 * 1024),
                  max_text_kib=registry.MAX_TEXT_BYTES // 1024), status


@bp.route("/import", methods=["GET", "POST"])
@teacher_required
@limiter.limit("30 per minute", methods=["POST"])
def import_new():
    return _import(None)


@bp.route("/<int:set_id>/import", methods=["GET", "POST"])
@teacher_required
@limiter.limit("30 per minute", methods=["POST"])
def import_into(set_id: int):
    return _import(_own(set_id))


def _pending(pending_id: int) -> PendingImport:
    return get_or_404(PendingImport, pending_id, owner_id=current_user.id)


def _import_target(p: PendingImport) -> StudySet | None:
    """The set an import goes into (None: a new set); 404 once that set is deleted."""
    return _own(p.set_id) if p.set_id else None


@bp.get("/imports/<int:pending_id>")
@teacher_required
def import_preview(pending_id: int):
    p = _pending(pending_id)
    result = formats.ParseResult.from_json(p.result)
    target = _import_target(p)
    return render("sets/import_preview.html", None, p=p, result=result, target=target,
                  types=formats.TYPE_LABELS, format_label=registry.FORMAT_LABELS.get(p.format, p.format))


@bp.post("/imports/<int:pending_id>/confirm")
@teacher_required
def import_confirm(pending_id: int):
    p = _pending(pending_id)
    result = formats.ParseResult.from_json(p.result)
    valid_only = request.form.get("valid_only") == "1"
    if result.file_errors or not result.valid_rows:
        flash("Nothing to import: fix the file and upload it again.", "error")
        return redirect(url_for("sets.import_preview", pending_id=p.id), 303)
    if result.bad_rows and not valid_only:
        flash("Some rows have errors. Fix the file, or confirm importing only the valid rows.", "error")
        return redirect(url_for("sets.import_preview", pending_id=p.id), 303)
    sset = _import_target(p)
    if sset is None:
        sset = ts.create_set(db.session, current_user, result.title or "Imported set", result.description)
    if len(sset.items) + len(result.valid_rows) > formats.MAX_QUESTIONS:
        flash(f"A set holds at most {formats.MAX_QUESTIONS} questions.", "error")
        return redirect(url_for("sets.import_preview", pending_id=p.id), 303)
    n = ts.import_questions(db.session, current_user, sset, result.questions())
    db.session.delete(p)
    db.session.commit()
    skipped = len(result.bad_rows)
    flash(f"Imported {n} question{'s' if n != 1 else ''}"
          + (f"; skipped {skipped} row{'s' if skipped != 1 else ''} with errors." if skipped else "."),
          "success")
    return redirect(url_for("sets.show", set_id=sset.id), 303)


@bp.post("/imports/<int:pending_id>/cancel")
@teacher_required
def import_cancel(pending_id: int):
    p = _pending(pending_id)
    target = db.session.get(StudySet, p.set_id) if p.set_id else None
    db.session.delete(p)
    db.session.commit()
    flash("Import cancelled; nothing was added.", "info")
    live = target is not None and target.deleted_at is None
    return redirect(url_for("sets.show", set_id=target.id) if live else url_for("sets.index"), 303)


# --------------------------------------------------------------------------------------------
# Sharing: by link or code
# --------------------------------------------------------------------------------------------


def _shared_set(code: str) -> StudySet:
    code = codes.normalise_code(code)
    sset = db.session.scalar(select(StudySet).where(StudySet.share_code == code)) \
        if codes.looks_valid(code, codes.SHARE_CODE_LENGTH) else None
    if sset is None or not ts.can_view_set(db.session, current_user, sset):
        abort(404)
    return sset


@bp.get("/open")
@login_required
@limiter.limit("30 per minute")
def open_code():
    code = codes.normalise_code(request.args.get("code"))
    if not code:
        flash("Type the set's code.", "error")
        return redirect(url_for("sets.index"), 303)
    return redirect(url_for("sets.shared", code=code), 303)


@bp.get("/s/<code>")
@login_required
def shared(code: str):
    sset = _shared_set(code)
    assignment = ts.assigned_to(db.session, current_user, sset.id)
    items = sorted(sset.items, key=lambda i: i.position)
    live = [i for i in items if i.question.retired_at is None]
    return render("sets/shared.html", None, sset=sset, items=live, assignment=assignment,
                  types=formats.TYPE_LABELS, pretty=codes.pretty)


@bp.post("/s/<code>/study")
@login_required
def practise(code: str):
    sset = _shared_set(code)
    from ..study.errors import StudyError
    from ..study.quiz import MAX_LENGTH
    from ..study.quizzes import start_quiz

    mode = "test" if request.form.get("mode") == "test" else "practice"
    n = sum(1 for i in sset.items if i.question.retired_at is None)
    try:
        quiz = start_quiz(db.session, current_user, scope_kind="set", scope_ref=str(sset.id),
                          length=max(1, min(n, MAX_LENGTH)), mode=mode)
    except StudyError as exc:
        db.session.rollback()
        flash(str(exc), "error")
        return redirect(url_for("sets.shared", code=sset.share_code), 303)
    db.session.commit()
    return redirect(url_for("study.take", quiz_id=quiz.id), 303)


def _package_sized_uploads() -> None:
    """Anki packages are larger than the app-wide upload cap; the import form alone takes up to
    the package cap (the registry still holds text formats to their own, smaller cap). Runs before
    CSRF checking, which is what first reads the body."""
    if request.endpoint in IMPORT_ENDPOINTS:
        request.max_content_length = registry.MAX_PACKAGE_BYTES + 256 * 1024


def init_app(app) -> None:
    app.before_request_funcs.setdefault(None, []).insert(0, _package_sized_uploads)
    app.jinja_env.globals.setdefault("teach_pretty_code", codes.pretty)
