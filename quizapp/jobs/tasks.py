"""Jobs: deriving an article's facts and questions in the background.

Each run is three short transactions and one long pure step: mark the article "processing";
extract its raw facts with spaCy outside any transaction (so a SQLite writer is never blocked for
the seconds spaCy takes); then store the raw facts, merge, regenerate the affected questions and
mark it "ready", all in one transaction. A failure rolls that back and records the message, so an
article is never half-derived, and the owner can retry.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from types import SimpleNamespace

from flask import Flask, current_app, has_app_context
from sqlalchemy.exc import IntegrityError, OperationalError

from .queue import huey

log = logging.getLogger(__name__)

STAGES = {"fetching": "Fetching the page", "queued": "Waiting for a worker",
          "processing": "Finding facts and writing questions"}


def _app() -> Flask:
    if has_app_context():
        return current_app._get_current_object()  # type: ignore[attr-defined]
    app = getattr(huey, "flask_app", None)
    if app is None:
        from .. import create_app

        app = huey.flask_app = create_app()
    return app


def _set(session, article_id: int, **values) -> None:
    from ..models import Article

    article = session.get(Article, article_id)
    if article is not None:
        for k, v in values.items():
            setattr(article, k, v)
    session.commit()


def process_article(article_id: int) -> str:
    """Derive one article's facts and questions; what became of it: "ready", "failed", "retired"
    (it was removed: its facts and questions were taken out), "gone" (deleted or removed while
    spaCy worked) or "superseded" (its text was replaced meanwhile; the job queued for the new
    text derives it)."""
    from ..extensions import db
    from ..facts.store import extract_raw_facts
    from ..models import Article
    from ..pipeline import refresh_derived

    session = db.session
    article = session.get(Article, article_id)
    if article is None:
        session.rollback()
        return "gone"
    if article.retired_at is not None:  # removed: its facts and questions leave (no spaCy needed)
        refresh_derived(session, [article_id])
        session.commit()
        return "retired"
    article.status, article.progress, article.error = "processing", 10, None
    session.commit()
    try:
        article = session.get(Article, article_id)
        snapshot = (article.content_hash, article.raw_text)
        text = SimpleNamespace(id=article.id, key=article.key, raw_text=article.raw_text)
        session.rollback()  # no transaction open while spaCy works
        raw = extract_raw_facts([text])
        _set(session, article_id, progress=60)
        article = session.get(Article, article_id)
        if article is None or article.retired_at is not None:
            session.rollback()
            return "gone"
        if (article.content_hash, article.raw_text) != snapshot:
            session.rollback()  # replaced while we worked: the job queued for the new text does it
            return "superseded"
        refresh_derived(session, [article_id], raw=raw)
        article.status, article.progress, article.error = "ready", 100, None
        session.commit()
        return "ready"
    except (OperationalError, IntegrityError):
        session.rollback()
        _set(session, article_id, status="queued", progress=0)
        raise  # a busy or lost database, or a race another job won: Huey retries the job
    except Exception as exc:  # a bug or bad data: say so on the article, keep the worker alive
        session.rollback()
        log.exception("ingesting article %s failed", article_id)
        _set(session, article_id, status="failed", progress=0,
             error=f"Processing failed ({type(exc).__name__}). Try again; if it fails again, the article "
                   "text may be unusual: tell us.")
        return "failed"


@huey.task(retries=2, retry_delay=5)
def ingest_article(article_id: int) -> str:
    app = _app()
    if has_app_context():
        return process_article(article_id)
    with app.app_context():
        from ..db_setup import immediate_transactions

        immediate_transactions.set(True)
        return process_article(article_id)


def enqueue_ingest(article_id: int) -> None:
    """Queue the article's processing (run at once in immediate mode)."""
    ingest_article(article_id)


def fetch_link(article_id: int) -> str:
    """Download a linked article's page, read it like an upload, then queue its processing.

    The download runs outside any transaction (it may take the whole timeout); the text and the
    original file are stored in one transaction. Any failure is recorded on the article in words
    its owner understands ("failed"), and the owner's retry fetches again. What became of it:
    "queued", "failed" or "gone"."""
    from ..config import article_limits
    from ..corpus.formats import parse_file
    from ..corpus.formats.url import fetch
    from ..corpus.parse import ArticleError
    from ..corpus.store import keep_original, store_article
    from ..extensions import db
    from ..models import Article, ArticleFile

    session = db.session
    article = session.get(Article, article_id)
    link = session.get(ArticleFile, article_id)
    if article is None or link is None or not link.url or article.retired_at is not None:
        session.rollback()
        return "gone"
    url, key, collection_id, owner = link.url, article.key, article.collection_id, article.added_by_id
    article.status, article.progress, article.error = "fetching", 5, None
    session.commit()
    config = _app().config
    limits = article_limits(config)
    try:
        page = fetch(url, max_bytes=limits.file_bytes, timeout=config["URL_FETCH_TIMEOUT"],
                     allow_loopback=bool(config.get("URL_FETCH_ALLOW_LOOPBACK")))
        _set(session, article_id, progress=30)  # downloaded; reading it
        parsed, _found = parse_file(key, page.filename, page.data, limits, source=page.url)
    except ArticleError as exc:
        _set(session, article_id, status="failed", progress=0, error=f"Could not add the linked page: {exc}")
        return "failed"
    except Exception as exc:  # a bug: say so on the article, keep the worker alive
        session.rollback()
        log.exception("fetching article %s failed", article_id)
        _set(session, article_id, status="failed", progress=0,
             error=f"Could not add the linked page ({type(exc).__name__}). Try again.")
        return "failed"
    article = session.get(Article, article_id)
    if article is None or article.retired_at is not None:
        session.rollback()
        return "gone"
    store_article(session, parsed, collection_id, added_by_id=owner, status="queued")
    keep_original(session, article_id, page.filename, page.data, page.media_type or None, url=url)
    session.commit()
    enqueue_ingest(article_id)
    return "queued"


@huey.task(retries=1, retry_delay=10)
def fetch_article(article_id: int) -> str:
    app = _app()
    if has_app_context():
        return fetch_link(article_id)
    with app.app_context():
        from ..db_setup import immediate_transactions

        immediate_transactions.set(True)
        return fetch_link(article_id)


def enqueue_fetch(article_id: int) -> None:
    """Queue the download of a linked article (run at once in immediate mode)."""
    fetch_article(article_id)


def needs_fetch(session, article) -> bool:
    """True for a link whose page was never stored (fetching, or its fetch failed)."""
    from ..models import ArticleFile

    if article.raw_text:
        return False
    row = session.get(ArticleFile, article.id)
    return row is not None and bool(row.url)


# A job that has not moved for this long was lost (its worker was killed): it may be run again.
STALE_AFTER = timedelta(minutes=10)


def is_stale(article) -> bool:
    """Queued or processing, and untouched for ``STALE_AFTER``: its owner may retry it."""
    from ..models import utcnow

    return article.status in ("fetching", "queued", "processing") and article.updated_at is not None and \
        utcnow() - article.updated_at > STALE_AFTER


def requeue_stale() -> int:
    """Queue again the articles whose jobs were lost (run when a worker starts)."""
    from sqlalchemy import select

    from ..extensions import db
    from ..models import Article, utcnow

    cutoff = utcnow() - STALE_AFTER
    rows = db.session.execute(select(Article.id, Article.status).where(
        Article.status.in_(("fetching", "queued", "processing")), Article.retired_at.is_(None),
        Article.updated_at < cutoff)).all()
    db.session.rollback()
    for article_id, status in rows:
        (enqueue_fetch if status == "fetching" else enqueue_ingest)(article_id)
    return len(rows)
