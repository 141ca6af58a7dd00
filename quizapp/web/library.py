"""Adding articles (upload a file in any format we read, paste text, or paste a link) into a
collection, downloading an article's original file, and removing articles.

The request only reads and stores the text (pure Python, capped in size) and queues a job for the
slow part (spaCy, merging, questions): the POST answers at once with a 303 to the article, which
shows its progress until the facts and questions are there. A link is not fetched in the request
at all: the article is created "fetching" and the worker downloads it. Anyone signed in may add
articles: a teacher into their own collections, a learner into their private one, an admin also
into the Library.
"""

from __future__ import annotations

import hashlib
import re

from flask import Blueprint, Response, abort, current_app, flash, redirect, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from wtforms import StringField

from ..bounds import parse_id
from ..collections import access
from ..config import article_limits
from ..corpus.formats import ACCEPT, ACCEPTED_LABEL, EXTENSIONS, MEDIA_TYPES, extension, parse_file
from ..corpus.formats.url import check_url
from ..corpus.parse import ArticleError, content_hash
from ..corpus.store import DUPLICATE, UNCHANGED, keep_original, store_article
from ..extensions import db, limiter
from ..jobs.tasks import enqueue_fetch, enqueue_ingest, is_stale, needs_fetch
from ..models import Article, ArticleFile, Collection, utcnow
from ..teaching.forms import ArticleForm
from .helpers import paginate, render


class ArticleUploadForm(ArticleForm):
    """The upload form with the formats we read and a link field."""

    url = StringField("…or paste a link to the article")

bp = Blueprint("library", __name__, url_prefix="/library")


def _mine():
    """Articles in the collections the user writes (an admin: every collection but learners')."""
    stmt = (select(Article).join(Collection, Collection.id == Article.collection_id)
            .order_by(Article.retired_at.is_not(None), Article.created_at.desc(), Article.id.desc()))
    if current_user.role == "admin":
        return stmt.where((Collection.owner_id == current_user.id) | (Collection.kind != "learner"))
    return stmt.where(Collection.owner_id == current_user.id)


def _form() -> ArticleUploadForm:
    form = ArticleUploadForm()
    form.file.label.text = "Upload a file"
    choices = access.writable(db.session, current_user)
    form.collection.choices = [(str(c.id), c.name) for c in choices] or [("", "My articles")]
    return form


def _page(form: ArticleUploadForm, status: int = 200):
    return render("library/index.html", None, form=form, page=paginate(_mine(), per_page=20),
                  limit_kib=current_app.config["MAX_ARTICLE_BYTES"] // 1024,
                  file_limit_mib=current_app.config["MAX_UPLOAD_BYTES"] / (1024 * 1024),
                  accept=ACCEPT, accepted=ACCEPTED_LABEL), status


@bp.get("/")
@login_required
def index():
    form = _form()
    if request.args.get("collection"):
        form.collection.data = request.args["collection"]
    return _page(form)


def _key_for(collection_id: int, name: str, default_ext: str = ".txt") -> str:
    """A safe article key, unique in the collection: someone else's article with the same file
    name is never replaced (only the uploader's own article of that name is updated)."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]).strip("-.")
    ext = extension(stem) if extension(stem) in EXTENSIONS else default_ext
    stem = stem[: len(stem) - len(extension(stem))] if extension(stem) in EXTENSIONS else stem
    stem = stem[:120].strip("-.") or "article"
    key = f"{stem}{ext}"
    n = 2
    while True:
        owner = db.session.execute(select(Article.added_by_id).where(
            Article.collection_id == collection_id, Article.key == key)).first()
        if owner is None or owner[0] == current_user.id:
            return key
        key = f"{stem}-{n}{ext}"
        n += 1


def _target_collection(form: ArticleUploadForm) -> Collection | None:
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
    limits = article_limits(current_app.config)
    upload = form.file.data
    pasted = (form.text.data or "").strip()
    link = (form.url.data or "").strip()
    if upload is not None and getattr(upload, "filename", ""):
        if extension(upload.filename) not in EXTENSIONS:
            form.file.errors.append(f"We read {ACCEPTED_LABEL} files; "
                                    f"“{upload.filename[-80:]}” is none of these.")
            return _page(form, 422)
        name, data = upload.filename, upload.read(limits.file_bytes + 1)
        target = form.file
    elif pasted:
        digest = hashlib.sha256(pasted.encode()).hexdigest()[:8]
        first = re.sub(r"[^A-Za-z0-9]+", "-", pasted.splitlines()[0]).strip("-").lower()[:60]
        name, data = f"pasted-{first or 'article'}-{digest}.txt", (pasted + "\n").encode("utf-8")
        target = form.text
    elif link:
        return _add_link(form, collection, link)
    else:
        form.file.errors.append(f"Choose a file ({ACCEPTED_LABEL}), paste the article text, or paste a link.")
        return _page(form, 422)
    key = _key_for(collection.id, name)
    try:
        parsed, _found = parse_file(key, name, data, limits)
    except ArticleError as exc:
        target.errors.append(str(exc).replace(key, name, 1) if target is form.file else str(exc))
        return _page(form, 422)
    result = store_article(db.session, parsed, collection.id, added_by_id=current_user.id, status="queued")
    if result.status in (DUPLICATE, UNCHANGED):
        db.session.rollback()
        flash(f"Nothing added: {result.message}.", "info")
        return redirect(url_for("corpus.show", article_id=result.article_id), 303)
    if target is form.file and extension(key) != ".txt":  # a .txt is its own raw text
        keep_original(db.session, result.article_id, upload.filename.rsplit("/", 1)[-1][-255:], data,
                      MEDIA_TYPES[extension(key)])
    else:  # a new text replaced an earlier file of the same name: that file is no longer its source
        stale = db.session.get(ArticleFile, result.article_id)
        if stale is not None:
            db.session.delete(stale)
    db.session.commit()
    enqueue_ingest(result.article_id)
    flash(f"Added “{parsed.title}” to {collection.name}. Its facts and questions are on their way.", "success")
    return redirect(url_for("corpus.show", article_id=result.article_id), 303)


def _add_link(form: ArticleUploadForm, collection: Collection, link: str):
    """A link becomes an article "fetching" (its URL kept beside it) and a job that downloads it."""
    try:
        _scheme, host, _port, _path = check_url(link)
    except ArticleError as exc:
        form.url.errors.append(str(exc))
        return _page(form, 422)
    if len(link) > 2000:
        form.url.errors.append("That link is too long (over 2,000 characters).")
        return _page(form, 422)
    same = db.session.scalar(select(Article.id).join(ArticleFile, ArticleFile.article_id == Article.id).where(
        Article.collection_id == collection.id, Article.retired_at.is_(None), ArticleFile.url == link))
    if same is not None:
        flash(f"Nothing added: that link is already in {collection.name}.", "info")
        return redirect(url_for("corpus.show", article_id=same), 303)
    tail = link.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1] if link.count("/") > 2 else ""
    # no extension: what the link holds is known only once it is fetched (its file keeps the right name)
    base = _key_for(collection.id, f"{host}-{tail}" if tail else host, default_ext="")
    key, n = base, 2
    while db.session.scalar(select(Article.id).where(Article.collection_id == collection.id, Article.key == key)):
        key, n = f"{base}-{n}", n + 1  # a new link never takes over an article of the same name
    article = Article(key=key, collection_id=collection.id, added_by_id=current_user.id, title=link[:500],
                      content_hash=content_hash(f"link:{link}:{utcnow().isoformat()}"), raw_text="",
                      status="fetching", progress=0, source=host[:200])
    db.session.add(article)
    db.session.flush()
    keep_original(db.session, article.id, key, None, "text/html", url=link)
    db.session.commit()
    enqueue_fetch(article.id)
    flash(f"Fetching {link[:200]} for {collection.name}. Its facts and questions follow.", "success")
    return redirect(url_for("corpus.show", article_id=article.id), 303)


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
        fetch = needs_fetch(db.session, article)
        article.status, article.progress, article.error = ("fetching" if fetch else "queued"), 0, None
        db.session.commit()
        (enqueue_fetch if fetch else enqueue_ingest)(article.id)
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


@bp.get("/<int:article_id>/original")
@login_required
def original(article_id: int):
    """The file the article was made from, for whoever may write its collection (its owner; an
    admin for the shared collections): the same rule as retrying or removing it, 404 for anyone
    else. A .txt article's file is its raw text."""
    article = _own_article(article_id)
    row = db.session.get(ArticleFile, article.id)
    if row is not None and row.data is not None:
        data, media_type, filename = row.data, row.media_type, row.filename
    elif article.raw_text:
        data, media_type, filename = article.raw_text.encode("utf-8"), MEDIA_TYPES[".txt"], article.key
    else:
        abort(404)  # a link not fetched yet
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", filename).strip("-.") or "article"
    return Response(data, content_type=media_type, headers={
        "Content-Disposition": f'attachment; filename="{safe}"',
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox",
        "Cache-Control": "private, no-store",
    })
