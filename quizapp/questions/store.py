"""Keeping the generated question bank in step with the facts.

The generator is pure and deterministic; this module runs it over every live fact and syncs the
``Question`` table by the generator's stable ids. A question whose facts did not change keeps its
row id, so students' answers and cards still point at it. Only ``origin == "generated"`` rows are
touched: a teacher's edited copy (``origin == "edited"``, ``parent_id`` = the generated question),
custom and imported questions survive every regeneration. Questions no longer generated are retired
(they leave the bank; history stays).
"""

from __future__ import annotations

import random
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..models import Article, Question, Sentence, utcnow
from ..models.base import live_and_equal, retire_unseen, revive_with
from .types import Question as PureQuestion

# The generator's seed: fixed, so the bank is the same on every worker and after every restart.
GENERATOR_SEED = 20260101


def question_from_row(row: Question, fact_uids: list[str] | None = None) -> PureQuestion:
    """A stored question (any origin) as the pure dataclass ``grade`` and the templates use.

    ``row`` may be anything with the question's columns as attributes; ``fact_uids`` are its facts'
    uids when they were read alongside it (otherwise they come from ``row.facts``).
    """
    return PureQuestion(
        id=row.uid or f"q{row.id}",
        type=row.type,
        prompt=row.prompt,
        answer=row.answer,
        accepted_answers=list(row.accepted or []),
        choices=list(row.choices or []),
        pairs=[list(p) for p in (row.pairs or [])],
        items=list(row.items or []),
        explanation=row.explanation or "",
        difficulty=row.difficulty,
        score=row.score,
        fact_ids=[f.uid for f in row.facts] if fact_uids is None else fact_uids,
        fact_kind=row.fact_kind or "",
        sources=list(row.sources or []),
    )


def sync_questions(session: Session, _changed_article_ids: list[int] | None = None) -> dict[str, int]:
    """Regenerate the bank from the live facts; upsert by stable id, retire what is gone."""
    from ..facts.store import fact_from_row, live_fact_rows
    from .generate import generate

    facts = live_fact_rows(session)
    by_uid = {f.uid: f for f in facts}
    pure = [fact_from_row(f) for f in facts]
    generated = generate(pure, random.Random(GENERATOR_SEED))

    # (article key, sentence text) -> where to link the source in the article page.
    sentence_rows = {
        (key, text): (sid, aid, idx)
        for key, text, sid, aid, idx in session.execute(
            select(Article.key, Sentence.text, Sentence.id, Article.id, Sentence.idx)
            .join(Sentence, Sentence.article_id == Article.id)
            .where(Article.retired_at.is_(None))
        )
    }
    article_ids = dict(session.execute(select(Article.key, Article.id)).all())

    existing = {
        q.uid: q
        for q in session.scalars(
            select(Question).where(Question.origin == "generated").options(selectinload(Question.facts))
        )
    }
    counts = {"added": 0, "updated": 0, "retired": 0, "unchanged": 0}
    now = utcnow()
    seen: set[str] = set()
    for q in generated:
        if q.id in seen:
            continue
        seen.add(q.id)
        values: dict[str, Any] = {
            "type": q.type,
            "fact_kind": q.fact_kind or None,
            "prompt": q.prompt,
            "answer": q.answer,
            "accepted": list(q.accepted_answers),
            "choices": list(q.choices) or None,
            "pairs": [list(p) for p in q.pairs] or None,
            "items": list(q.items) or None,
            "explanation": q.explanation,
            "difficulty": round(float(q.difficulty), 4),
            "score": round(float(q.score), 4),
            "sources": [_source(s, sentence_rows, article_ids) for s in q.sources],
        }
        fact_rows = [by_uid[u] for u in q.fact_ids if u in by_uid]
        row = existing.get(q.id)
        if row is None:
            row = Question(uid=q.id, origin="generated", **values)
            row.facts = fact_rows
            session.add(row)
            counts["added"] += 1
            continue
        if live_and_equal(row, values) and {f.id for f in row.facts} == {f.id for f in fact_rows}:
            counts["unchanged"] += 1
            continue
        revive_with(row, values, now)
        row.facts = fact_rows
        counts["updated"] += 1
    counts["retired"] += retire_unseen(existing, seen, now)
    session.flush()
    return counts


def _source(src: Any, sentence_rows: dict, article_ids: dict) -> dict:
    article = src["article"] if isinstance(src, dict) else src.article
    sentence = src["sentence"] if isinstance(src, dict) else src.sentence
    sid, aid, idx = sentence_rows.get((article, sentence), (None, article_ids.get(article), None))
    return {"article": article, "sentence": sentence, "sentence_id": sid, "article_id": aid,
            "sentence_idx": idx}
