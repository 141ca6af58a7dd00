"""Teachers add articles (upload a .txt file or paste text) and remove the ones they added.

The same parser and validation as ``quizapp ingest``; the article, its facts and its questions
are stored in one transaction, so a failure leaves nothing half-done and says what was wrong.
"""

from __future__ import annotations

import hashlib
import re

from flask import Blueprint, abort, current_app, flash, redirect, url_for
from flask_login import current_user
from sqlalchemy import func, select

from ..auth import teacher_required
from ..corpus.parse import ArticleError, decode_article, parse_article
from ..corpus.store import DUPLICATE, UNCHANGED, store_article
from ..extensions import db
from ..models import Article, Question, utcnow
from ..teaching.forms import ArticleForm
from .helpers import paginate, render

bp = Blueprint("library", __name__, url_prefix="/library")


def _mine():
    stmt = select(Article).order_by(Article.retired_at.is_not(None), Article.created_at.desc(), Article.id.desc())
    if current_user.role != "admin":
        stmt = stmt.where(Article.added_by_id == current_user.id)
    return stmt


def _page(form: ArticleForm, status: int = 200):
    return render("library/index.html", None, form=form, page=paginate(_mine(), per_page=20),
                  limit_kib=current_app.config["MAX_ARTICLE_BYTES"] // 1024), status


@bp.get("/")
@teacher_required
def index():
    return _page(ArticleForm(formdata=None))


def _key_for(name: str) -> str:
    """A safe, unique article key: another person's article with the same file name is never
    replaced (only the teacher's own article of that name is updated)."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]).strip("-.")
    stem = re.sub(r"\.txt$", "", stem, flags=re.I)[:120] or "article"
    key = f"{stem}.txt"
    n = 2
    while True:
        owner = db.session.execute(select(Article.added_by_id).where(Article.key == key)).first()
        if owner is None or owner[0] == current_user.id:
            return key
        key = f"{stem}-{n}.txt"
        n += 1


@bp.post("/")
@teacher_required
def add():
    form = ArticleForm()
    if not form.validate_on_submit():
        return _page(form, 422)
    max_bytes = current_app.config["MAX_ARTICLE_BYTES"]
    upload = form.file.data
    pasted = (form.text.data or "").strip()
    if upload is not None and getattr(upload, "filename", ""):
        if not upload.filename.lower().endswith(".txt"):
            form.file.errors.append("Upload a plain-text .txt file.")
            return _page(form, 422)
        name, data = upload.filename, upload.read(max_bytes + 1)
        target = form.file
    elif pasted:
        digest = hashlib.sha256(pasted.encode()).hexdigest()[:8]
        first = re.sub(r"[^A-Za-z0-9]+", "-", pasted.splitlines()[0]).strip("-").lower()[:60]
        name, data = f"pasted-{first or 'article'}-{digest}.txt", (pasted + "\n").encode("utf-8")
        target = form.text
    else:
        form.file.errors.append("Choose a .txt file or paste the article text.")
        return _page(form, 422)
    key = _key_for(name)
    try:
        parsed = parse_article(key, decode_article(key, data, max_bytes))
    except ArticleError as exc:
        target.errors.append(str(exc))
        return _page(form, 422)
    result = store_article(db.session, parsed, added_by_id=current_user.id)
    if result.status in (DUPLICATE, UNCHANGED):
        db.session.rollback()
        flash(f"Nothing added: {result.message}.", "info")
        return redirect(url_for("corpus.show", article_id=result.article_id), 303)
    from ..pipeline import refresh_derived

    refresh_derived(db.session, [result.article_id])
    db.session.commit()
    made = _question_count(result.article_id)
    flash(f"Added “{parsed.title}” ({len(parsed.body_sentences)} sentences, {made} question"
          f"{'' if made == 1 else 's'} so far).", "success")
    return redirect(url_for("corpus.show", article_id=result.article_id), 303)


def _question_count(article_id: int) -> int:
    from ..models import FactSource, question_fact

    return db.session.scalar(
        select(func.count(func.distinct(Question.id)))
        .join(question_fact, question_fact.c.question_id == Question.id)
        .join(FactSource, FactSource.fact_id == question_fact.c.fact_id)
        .where(FactSource.article_id == article_id, Question.retired_at.is_(None))
    ) or 0


@bp.post("/<int:article_id>/retire")
@teacher_required
def retire(article_id: int):
    article = db.session.get(Article, article_id)
    if article is None or (current_user.role != "admin" and article.added_by_id != current_user.id):
        abort(404)
    if article.retired_at is None:
        from ..pipeline import refresh_derived

        article.retired_at = utcnow()
        refresh_derived(db.session, [article.id])
        db.session.commit()
        flash(f"Removed “{article.title}”. Its questions left the bank; students' history is kept.", "success")
    return redirect(url_for("library.index"), 303)
