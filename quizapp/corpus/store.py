"""Storing parsed articles: idempotent by content hash, one transaction per file.

Used by ``quizapp ingest`` and by the teachers' upload form, so both validate and store the same way.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from ..models import Article, ArticleFile, FactSource, Sentence, utcnow
from .formats import EXTENSIONS, MEDIA_TYPES, Limits, extension, parse_file
from .parse import ArticleError, ParsedArticle

ADDED, UPDATED, UNCHANGED, DUPLICATE, FAILED = "added", "updated", "unchanged", "duplicate", "failed"


@dataclass
class FileResult:
    name: str
    status: str
    message: str = ""
    article_id: int | None = None


@dataclass
class IngestReport:
    results: list[FileResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def changed_ids(self) -> list[int]:
        return [r.article_id for r in self.results if r.status in (ADDED, UPDATED) and r.article_id]

    def summary(self) -> str:
        parts = [f"{self.count(s)} {s}" for s in (ADDED, UPDATED, UNCHANGED, DUPLICATE, FAILED)]
        return f"{len(self.results)} file(s): " + ", ".join(parts)


# A folder's own notes, not articles: skipped when a folder is walked (named directly, they are read).
_NOT_ARTICLES = re.compile(r"(?i)^(?:readme|license|licence|changelog|contributing)(?:\.|$)")


def iter_article_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, plus every article file (.txt .md .html .htm .pdf .docx) inside
    named folders (but not their README or LICENSE), sorted for stable order."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(x for x in p.rglob("*") if x.is_file() and extension(x.name) in EXTENSIONS
                                and not x.name.startswith(".") and not _NOT_ARTICLES.match(x.name)))
        else:
            files.append(p)
    return files


def store_article(
    session: Session, parsed: ParsedArticle, collection_id: int, added_by_id: int | None = None,
    *, status: str = "ready",
) -> FileResult:
    """Insert or replace one article of a collection inside the caller's transaction.

    Same key and same content: nothing changes. Same key, new content: the article row (and its id)
    is kept and its sentences replaced. New key whose content is already in the collection: reported
    as a duplicate, not stored twice. ``status`` is "queued" when a job will derive its facts.
    """
    digest = parsed.content_hash
    existing = session.scalar(
        select(Article).where(Article.collection_id == collection_id, Article.key == parsed.key))
    if existing is not None and existing.content_hash == digest and existing.retired_at is None \
            and existing.status != "failed":
        return FileResult(parsed.key, UNCHANGED, "already ingested", existing.id)
    if existing is None:
        twin = session.scalar(
            select(Article).where(Article.collection_id == collection_id, Article.content_hash == digest,
                                  Article.retired_at.is_(None))
        )
        if twin is not None:
            return FileResult(parsed.key, DUPLICATE, f"same text as {twin.key}", twin.id)
    result = UPDATED if existing is not None else ADDED
    art = existing or Article(key=parsed.key, added_by_id=added_by_id, collection_id=collection_id)
    art.status = status
    art.progress = 100 if status == "ready" else 0
    art.error = None
    art.title = parsed.title[:500]
    art.published = parsed.published
    art.published_precision = parsed.published_precision
    art.author = parsed.author[:200] if parsed.author else parsed.author  # (a byline, not a paragraph)
    art.source = parsed.source
    art.content_hash = digest
    art.raw_text = parsed.raw
    art.word_count = parsed.word_count
    art.retired_at = None
    art.updated_at = utcnow()
    if existing is None:
        session.add(art)
        session.flush()
    else:
        # The article's fact sources outlive its old sentences (which cascade to them): the fact
        # sync finds the facts this article cited through them, and retires those that only its old
        # text gave; with the sources gone too such facts stayed live after an edit.
        session.execute(update(FactSource).where(FactSource.article_id == art.id,
                                                 FactSource.sentence_id.is_not(None))
                        .values(sentence_id=None).execution_options(synchronize_session=False))
        session.execute(delete(Sentence).where(Sentence.article_id == art.id)
                        .execution_options(synchronize_session=False))
        session.expire(art, ["sentences"])
    session.add_all(
        Sentence(
            article_id=art.id, idx=s.idx, paragraph=s.paragraph, start=s.start, end=s.end, text=s.text
        )
        for s in parsed.sentences
    )
    session.flush()
    return FileResult(parsed.key, result, "", art.id)


def keep_original(session: Session, article_id: int, filename: str, data: bytes | None,
                  media_type: str | None = None, url: str | None = None) -> ArticleFile:
    """Keep (or replace) the file an article was made from, inside the caller's transaction."""
    row = session.get(ArticleFile, article_id)
    if row is None:
        row = ArticleFile(article_id=article_id)
        session.add(row)
    row.filename = filename[:255]
    row.media_type = (media_type or MEDIA_TYPES.get(extension(filename)) or "application/octet-stream")[:120]
    row.data = data
    row.size = len(data) if data is not None else 0
    if url is not None:
        row.url = url
    row.created_at = utcnow()
    return row


def read_file(path: Path, limits: Limits, key: str | None = None) -> tuple[ParsedArticle, bytes]:
    """One article file from disk, any accepted format: the parsed article and the file's bytes."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ArticleError(f"{path.name}: cannot read file ({exc.strerror})") from exc
    if size > limits.file_bytes:
        raise ArticleError(f"{path.name}: file is {size:,} bytes; the limit is {limits.file_bytes:,} bytes")
    data = path.read_bytes()
    parsed, _found = parse_file(key or path.name, path.name, data, limits)
    return parsed, data


def ingest_files(
    session: Session,
    files: list[Path],
    max_bytes: int | Limits,
    progress: Callable[[FileResult], None] | None = None,
    after_each: Callable[[Session, list[int]], None] | None = None,
    collection_id: int | None = None,
) -> IngestReport:
    """Ingest files into a collection (the Library by default), one transaction each: a bad file
    is reported and the rest still go in.

    ``after_each`` runs inside the same transaction as the article (facts and questions for it), so
    an article is never stored without what is derived from it.
    """
    from ..collections.access import library

    limits = max_bytes if isinstance(max_bytes, Limits) else Limits(text_bytes=max_bytes)
    report = IngestReport()
    originals: dict[str, bytes] = {}
    if collection_id is None:
        collection_id = library(session).id
        session.commit()
    chunks = [files[i:i + BATCH] for i in range(0, len(files), BATCH)]
    pool = _extraction_pool(len(chunks)) if after_each is not None else None

    def start(chunk: list[Path]) -> tuple[list, list[ParsedArticle], Future | None]:
        parsed: list[tuple[Path, ParsedArticle | FileResult]] = []
        for path in chunk:
            try:
                article, data = read_file(path, limits)
                if extension(path.name) != ".txt":  # a .txt is its own raw text: no second copy
                    originals[article.key] = data
                parsed.append((path, article))
            except ArticleError as exc:
                parsed.append((path, FileResult(path.name, FAILED, str(exc))))
        todo: list[ParsedArticle] = []
        if after_each is not None:
            todo = [p for _, p in parsed if isinstance(p, ParsedArticle) and _is_new(session, p, collection_id)]
            session.rollback()  # spaCy runs outside any transaction
        return parsed, todo, pool.submit(_extract, todo) if pool is not None and todo else None

    def finish(todo: list[ParsedArticle], future: Future | None) -> dict[str, list]:
        if future is not None:
            try:
                return future.result()
            except BrokenProcessPool:  # the helper died (killed, out of memory): do it here
                pass
        return _extract(todo) if todo else {}

    try:
        upcoming = start(chunks[0]) if chunks else None
        for i in range(len(chunks)):
            parsed, todo, future = upcoming
            # The next chunk goes to the helper process before this one is stored, so spaCy on
            # one chunk and the database work of the previous one run side by side.
            upcoming = start(chunks[i + 1]) if i + 1 < len(chunks) else None
            raw = finish(todo, future)
            for path, item in parsed:
                result = item if isinstance(item, FileResult) else _ingest_one(
                    session, path, item, collection_id, after_each, raw, originals.pop(item.key, None))
                report.results.append(result)
                if progress:
                    progress(result)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return report


def _extract(parsed: list[ParsedArticle]) -> dict[str, list]:
    from ..facts.store import extract_parsed

    return extract_parsed(parsed)


def _extraction_pool(chunks: int) -> ProcessPoolExecutor | None:
    """One helper process for spaCy while this one writes to the database, when there are at
    least two chunks and two cores (``QUIZAPP_INGEST_PROCESSES``: 0 never, 1 whatever the cores).
    Forked after the model is loaded, so the helper shares the loaded model instead of loading
    its own."""
    setting = os.environ.get("QUIZAPP_INGEST_PROCESSES", "")
    if chunks < 2 or setting == "0" or (setting != "1" and (os.cpu_count() or 1) < 2):
        return None
    if "fork" not in multiprocessing.get_all_start_methods():
        return None  # no fork (Windows): a spawned helper would load its own model, which costs more
    from ..facts.nlp import load_nlp

    load_nlp()
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))


# Files parsed and sent through spaCy together. The helper's spaCy and this process's database work
# take about as long per article, so the batch is the helper's whole run plus the storing of the
# last chunk (or the wait for the first chunk plus all the storing): small chunks keep both ends
# short. With 16, a batch of 50 took 8.0 s at 1,000 articles on PostgreSQL; with 4, 6.8 s
# (``make bench``'s ingest section). ``nlp.pipe`` is as fast per word on 4 articles as on 16.
BATCH = 4


def _is_new(session: Session, parsed: ParsedArticle, collection_id: int) -> bool:
    row = session.execute(select(Article.content_hash, Article.retired_at, Article.status).where(
        Article.collection_id == collection_id, Article.key == parsed.key)).first()
    return row is None or row[0] != parsed.content_hash or row[1] is not None or row[2] != "ready"


def _ingest_one(session: Session, path: Path, parsed: ParsedArticle, collection_id: int,
                after_each, raw: dict[str, list], original: bytes | None = None) -> FileResult:
    try:
        result = store_article(session, parsed, collection_id)
        if original is not None and result.status in (ADDED, UPDATED):
            keep_original(session, result.article_id, path.name, original)
        if after_each and result.status in (ADDED, UPDATED):
            given = {result.article_id: raw[parsed.key]} if parsed.key in raw else None
            after_each(session, [result.article_id], raw=given)
        session.commit()
        return result
    except Exception as exc:  # a bug or a DB error: report it with the file, keep going
        session.rollback()
        return FileResult(path.name, FAILED, f"{path.name}: {type(exc).__name__}: {exc}")


def article_count(session: Session, collection_id: int | None = None) -> int:
    stmt = select(func.count()).select_from(Article).where(Article.retired_at.is_(None))
    if collection_id is not None:
        stmt = stmt.where(Article.collection_id == collection_id)
    return session.scalar(stmt) or 0
