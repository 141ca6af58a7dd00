"""Storing parsed articles: idempotent by content hash, one transaction per file.

Used by ``quizapp ingest`` and by the teachers' upload form, so both validate and store the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..models import Article, Sentence, utcnow
from .parse import ArticleError, ParsedArticle, parse_article, read_article_file

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


def iter_article_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, plus every ``*.txt`` inside named folders, sorted for stable order."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(x for x in p.rglob("*.txt") if x.is_file()))
        else:
            files.append(p)
    return files


def store_article(
    session: Session, parsed: ParsedArticle, added_by_id: int | None = None
) -> FileResult:
    """Insert or replace one article inside the caller's transaction.

    Same key and same content: nothing changes. Same key, new content: the article row (and its id)
    is kept and its sentences replaced. New key whose content is already stored: reported as a
    duplicate, not stored twice.
    """
    digest = parsed.content_hash
    existing = session.scalar(select(Article).where(Article.key == parsed.key))
    if existing is not None and existing.content_hash == digest and existing.retired_at is None:
        return FileResult(parsed.key, UNCHANGED, "already ingested", existing.id)
    if existing is None:
        twin = session.scalar(
            select(Article).where(Article.content_hash == digest, Article.retired_at.is_(None))
        )
        if twin is not None:
            return FileResult(parsed.key, DUPLICATE, f"same text as {twin.key}", twin.id)
    status = UPDATED if existing is not None else ADDED
    art = existing or Article(key=parsed.key, added_by_id=added_by_id)
    art.title = parsed.title[:500]
    art.published = parsed.published
    art.published_precision = parsed.published_precision
    art.author = parsed.author
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
        session.execute(delete(Sentence).where(Sentence.article_id == art.id))
        session.expire(art, ["sentences"])
    session.add_all(
        Sentence(
            article_id=art.id, idx=s.idx, paragraph=s.paragraph, start=s.start, end=s.end, text=s.text
        )
        for s in parsed.sentences
    )
    session.flush()
    return FileResult(parsed.key, status, "", art.id)


def ingest_files(
    session: Session,
    files: list[Path],
    max_bytes: int,
    progress: Callable[[FileResult], None] | None = None,
    after_each: Callable[[Session, list[int]], None] | None = None,
) -> IngestReport:
    """Ingest files one transaction each: a bad file is reported and the rest still go in.

    ``after_each`` runs inside the same transaction as the article (facts and questions for it), so
    an article is never stored without what is derived from it.
    """
    report = IngestReport()
    for path in files:
        try:
            parsed = parse_article(path.name, read_article_file(path, max_bytes))
            result = store_article(session, parsed)
            if after_each and result.status in (ADDED, UPDATED):
                after_each(session, [result.article_id])
            session.commit()
        except ArticleError as exc:
            session.rollback()
            result = FileResult(path.name, FAILED, str(exc))
        except Exception as exc:  # a bug or a DB error: report it with the file, keep going
            session.rollback()
            result = FileResult(path.name, FAILED, f"{path.name}: {type(exc).__name__}: {exc}")
        report.results.append(result)
        if progress:
            progress(result)
    return report


def article_count(session: Session) -> int:
    return session.scalar(
        select(func.count()).select_from(Article).where(Article.retired_at.is_(None))
    ) or 0
