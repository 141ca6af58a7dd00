"""Keeping the ``Fact`` table in step with the corpus.

Why two levels: spaCy is the expensive part and only ever needs to see an article that changed, so
each article keeps its own raw (unmerged) facts in ``Article.raw_facts``. Merging is pure and cheap,
so after any change the raw facts of every live article are merged again and the result is synced
to the ``Fact`` table by the extractor's stable ids: an unchanged fact keeps its row (and the cards,
answers and questions that point at it); a fact no longer found is retired, never deleted.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from ..corpus.parse import parse_article
from ..models import Article, Fact, FactSource, Sentence, utcnow
from ..models.base import live_and_equal, retire_unseen, revive_with
from . import article_input
from .types import KIND_FIELDS, fact_from_json, fact_to_json
from .types import Fact as PureFact

# Bump when the extractor changes what it finds; ``quizapp refresh`` then redoes stale articles.
EXTRACTOR_VERSION = "3"  # 3: unseen-article rules (issue 21); date facts carry a plain question


def extract_articles(session: Session, articles: Iterable[Article]) -> None:
    """Run the extractor on ``articles`` (one batched spaCy pass) and keep their raw facts."""
    from .extract import extract_raw

    articles = list(articles)
    if not articles:
        return
    inputs = [article_input(parse_article(a.key, a.raw_text)) for a in articles]
    raw = extract_raw(inputs)
    for a in articles:
        a.raw_facts = [fact_to_json(f) for f in raw.get(a.key, [])]
        a.facts_version = EXTRACTOR_VERSION
    session.flush()


def merged_facts(session: Session) -> list[PureFact]:
    """The corpus-wide facts: raw facts of every live article, merged (pure, no spaCy)."""
    from .merge import merge

    rows = session.execute(
        select(Article.raw_facts).where(Article.retired_at.is_(None), Article.raw_facts.is_not(None))
    ).scalars()
    raw = [fact_from_json(d) for facts in rows for d in facts]
    return merge(raw)


def _data(f: PureFact) -> dict:
    data = {k: getattr(f, k) for k in KIND_FIELDS.get(f.kind, ())}
    data["subtype"] = f.subtype
    return data


def sync_facts(session: Session, changed_article_ids: list[int]) -> dict[str, int]:
    """Re-extract changed live articles, merge the corpus, and upsert/retire ``Fact`` rows.

    Returns counts (added, updated, retired, unchanged) for reports and tests.
    """
    changed = session.scalars(
        select(Article).where(Article.id.in_(changed_article_ids), Article.retired_at.is_(None))
    ).all() if changed_article_ids else []
    extract_articles(session, changed)
    merged = merged_facts(session)

    existing = {f.uid: f for f in session.scalars(select(Fact))}
    live_articles = {
        a.key: a.id
        for a in session.execute(select(Article.key, Article.id).where(Article.retired_at.is_(None)))
    }
    sentence_ids: dict[tuple[int, int], int] = {
        (aid, idx): sid
        for sid, aid, idx in session.execute(
            select(Sentence.id, Sentence.article_id, Sentence.idx).where(
                Sentence.article_id.in_(list(live_articles.values()))
            )
        )
    }
    counts = {"added": 0, "updated": 0, "retired": 0, "unchanged": 0}
    now = utcnow()
    seen: set[str] = set()
    for f in merged:
        seen.add(f.id)
        values = {
            "kind": f.kind,
            "statement": f.statement,
            "answer": f.answer[:500],
            "aliases": list(f.aliases),
            "data": _data(f),
            "confidence": float(f.confidence),
            "source_count": f.source_count,
            "conflict": bool(f.conflict),
            "conflict_note": f.conflict_note,
        }
        sources = []
        for s in f.sources:
            aid = live_articles.get(s.article)
            if aid is None:
                continue
            sid = sentence_ids.get((aid, s.sentence_idx)) if s.sentence_idx is not None else None
            span = s.span or (None, None)
            sources.append((aid, sid, s.sentence, span[0], span[1]))
        row = existing.get(f.id)
        if row is None:
            row = Fact(uid=f.id, **values)
            session.add(row)
            session.flush()
            counts["added"] += 1
        else:
            old_sources = {
                (x.article_id, x.sentence_id, x.text, x.span_start, x.span_end) for x in row.sources
            }
            if live_and_equal(row, values) and old_sources == set(sources):
                counts["unchanged"] += 1
                continue
            revive_with(row, values, now)
            session.execute(delete(FactSource).where(FactSource.fact_id == row.id))
            session.expire(row, ["sources"])
            counts["updated"] += 1
        session.add_all(
            FactSource(fact_id=row.id, article_id=aid, sentence_id=sid, text=text,
                       span_start=ss, span_end=se)
            for aid, sid, text, ss, se in sources
        )
    counts["retired"] += retire_unseen(existing, seen, now)
    session.flush()
    return counts


def fact_from_row(row: Fact) -> PureFact:
    """A stored fact as the pure dataclass the question generator takes."""
    from .types import Source

    data = dict(row.data or {})
    fields_ = {k: data.get(k) for k in ("date", "event", "name", "role", "country", "subtype",
                                        "actor", "goal")}
    return PureFact(
        id=row.uid,
        kind=row.kind,
        statement=row.statement,
        answer=row.answer,
        aliases=list(row.aliases or []),
        confidence=row.confidence,
        sources=[
            Source(s.article.key, s.text, s.sentence.idx if s.sentence is not None else None,
                   (s.span_start, s.span_end) if s.span_start is not None else None)
            for s in row.sources
        ],
        items=list(data.get("items") or []),
        conflict=row.conflict,
        conflict_note=row.conflict_note,
        **fields_,
    )


def _live_facts_for_cli(session: Session) -> list[PureFact]:
    """Stored live facts as dataclasses (the CLI's view when no ``--corpus`` is given)."""
    return [fact_from_row(f) for f in live_fact_rows(session)]


def live_fact_rows(session: Session) -> list[Fact]:
    """Every live fact with its sources (article and sentence loaded), in a stable order."""
    return list(
        session.scalars(
            select(Fact)
            .where(Fact.retired_at.is_(None))
            .options(
                selectinload(Fact.sources).joinedload(FactSource.article),
                selectinload(Fact.sources).joinedload(FactSource.sentence),
            )
            .order_by(Fact.uid)
        )
    )
