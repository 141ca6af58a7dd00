"""Adding articles (upload a .txt file or paste text) into a collection, and removing them.

The request only parses and stores the text (fast, pure Python) and queues a job for the slow part
(spaCy, merging, questions): the POST answers at once with a 303 to the article, which shows its
progress until the facts and questions are there. Anyone signed in may add articles: a teacher
into their own collections, a learner into their private one, an admin also into the Library.
"""

from __future__ import annotations

import hashlib
import re

from flask import Blueprint, abort, current_app, flash, redirect, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from ..bounds import parse_id
from ..collections import access
from ..corpus.parse import ArticleError, decode_article, parse_article
from ..corpus.store import DUPLICATE, UNCHANGED, store_article
from ..extensions import db, limiter
from ..jobs.tasks import enqueue_ingest, is_stale
from ..models import Article, Collection, utcnow
from ..teaching.forms import ArticleForm
from .helpers import paginate, render

bp = Blueprint("library", __name__, url_prefix="/library")


def _mine():
    """Articles in the collections the user writes (an admin: every collection but learners')."""
    stmt = (select(Article).join(Collection, Collection.id == Article.collection_id)
            .order_by(Article.retired_at.is_not(None), Article.created_at.desc(), Article.id.desc()))
    if current_user.role == "admin":
        return stmt.where((Collection.owner_id == current_user.id) | (Collection.kind != "learner"))
    return stmt.where(Collection.owner_id == current_user.id)


def _form() -> ArticleForm:
    form = ArticleForm()
    choices = access.writable(db.session, current_user)
    form.collection.choices = [(str(c.id), c.name) for c in choices] or [("", "My articles")]
    return form


def _page(form: ArticleForm, status: int = 200):
    return render("library/index.html", None, form=form, page=paginate(_mine(), per_page=20),
                  limit_kib=current_app.config["MAX_ARTICLE_BYTES"] // 1024), status


@bp.get("/")
@login_required
def index():
    form = _form()
    if request.args.get("collection"):
        form.collection.data = request.args["collection"]
    return _page(form)


def _key_for(collection_id: int, name: str) -> str:
    """A safe article key, unique in the collection: someone else's article with the same file
    name is never replaced (only the uploader's own article of that name is updated)."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]).strip("-.")
    stem = re.sub(r"\.txt$", "", stem, flags=re.I)[:120] or "article"
    key = f"{stem}.txt"
    n = 2
    while True:
        owner = db.session.execute(select(Article.added_by_id).where(
            Article.collection_id == collection_id, Article.key == key)).first()
        if owner is None or owner[0] == current_user.id:
            return key
        key = f"{stem}-{n}.txt"
        n += 1


def _target_collection(form: ArticleForm) -> Collection | None:
    """The collection named in the form if the user may write it; their own when none is named."""
    raw = (form.collection.data or "").strip()
    if not raw:
        return access.own_collection(db.session, current_user)
    cid = parse_id(raw)
    collection = db.session.get(Collection, cid) if cid is not None else None
    return collection if access.can_write(current_user, collection) else None


def _upload_limit() -> str:
    return current_app.config["UPLOAD_RATE_LIMIT"]


def _per_user() -> str:
    return f"user:{current_user.id}" if current_user.is_authenticated else request.remote_addr or "?"


@bp.post("/")
@login_required
@limiter.limit(_upload_limit, key_func=_per_user)
def add():
    form = _form()
    if not form.validate_on_submit():
        return _page(form, 422)
    collection = _target_collection(form)
    if collection is None:
        form.collection.errors.append("Choose one of your collections.")
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
    key = _key_for(collection.id, name)
    try:
        parsed = parse_article(key, decode_article(key, data, max_bytes))
    except ArticleError as exc:
        target.errors.append(str(exc))
        return _page(form, 422)
    result = store_article(db.session, parsed, collection.id, added_by_id=current_user.id, status="queued")
    if result.status in (DUPLICATE, UNCHANGED):
        db.session.rollback()
        flash(f"Nothing added: {result.message}.", "info")
        return redirect(url_for("corpus.show", article_id=result.article_id), 303)
    db.session.commit()
    enqueue_ingest(result.article_id)
    flash(f"Added “{parsed.title}” to {collection.name}. Its facts and questions are on their way.", "success")
    return redirect(url_for("corpus.show", article_id=result.article_id), 303)


def _own_article(article_id: int) -> Article:
    article = db.session.get(Article, article_id)
    if article is None or not access.can_write(current_user, article.collection):
        abort(404)
    return article


@bp.post("/<int:article_id>/retry")
@login_required
@limiter.limit(_upload_limit, key_func=_per_user)
def retry(article_id: int):
    article = _own_article(article_id)
    if article.retired_at is None and (article.status == "failed" or is_stale(article)):
        article.status, article.progress, article.error = "queued", 0, None
        db.session.commit()
        enqueue_ingest(article.id)
        flash("Trying again.", "info")
    return redirect(url_for("corpus.show", article_id=article.id), 303)


@bp.post("/<int:article_id>/retire")
@login_required
def retire(article_id: int):
    article = _own_article(article_id)
    if article.retired_at is None:
        # Retired at once (it leaves every list); its facts and questions follow in a job, since
        # re-merging and regenerating what a long article touched can take a while.
        article.retired_at = utcnow()
        db.session.commit()
        enqueue_ingest(article.id)
        flash(f"Removed “{article.title}”. Its questions leave the bank; students' history is kept.", "success")
    return redirect(url_for("library.index"), 303)
