"""Keeping the generated question bank in step with the facts.

The generator is pure and deterministic; this module runs it over every live fact and syncs the
``Question`` table by the generator's stable ids. A question whose facts did not change keeps its
row id, so students' answers and cards still point at it. Only ``origin == "generated"`` rows are
touched: a teacher's edited copy (``origin == "edited"``, ``parent_id`` = the generated question),
custom and imported questions survive every regeneration. Questions no longer generated are retired
(they leave the bank; history stays).

Reviewers (``questions.curation``) have the last word: a question they retired or hold for approval
stays out of the bank when the generator makes it again, their edit (``curator_edit``) and the
alternative answers they accepted are laid over the generator's text, and what they and students
taught the ranking (``learned``) moves the generator's choices.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, union_all, update
from sqlalchemy.orm import Session, selectinload

from ..facts.sql import among, is_pg
from ..models import (
    FACT_KINDS,
    HIDDEN_STATES,
    Article,
    Collection,
    Fact,
    FactSource,
    Question,
    question_fact,
    utcnow,
)
from .types import Question as PureQuestion

if TYPE_CHECKING:
    from ..facts.store import FactChanges

# The generator's seed: fixed, so the bank is the same on every worker and after every restart.
GENERATOR_SEED = 20260101

# The question rules' version, stamped on a collection when its whole bank is generated. Bump it
# when a change to the rules alters the questions of unchanged facts: `quizapp refresh` (run by
# `make run`) then regenerates every bank made before, so stored banks follow the rules too, not
# only new uploads. (A bank's facts may be unchanged, so EXTRACTOR_VERSION alone never reaches it.)
GENERATOR_VERSION = "18"


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


# An incremental run generates the changed facts' questions with the facts of their story (the
# changed articles and those sharing most with them) and a fixed sample of each kind as context:
# enough foils and story for every template, and a cost that does not grow with the collection.
STORY_ARTICLES = 5
POOL_PER_KIND = 30


def _context_ids(session: Session, collection_id: int, targets: set[int],
                 article_ids: set[int]) -> tuple[set[int], set[int]]:
    """The facts to generate with (targets, their story's facts, a sample of each kind), and the
    story's article ids."""
    pg = is_pg(session)
    shared = session.execute(
        select(FactSource.article_id, func.count())
        .where(among(FactSource.fact_id, targets, pg))
        .group_by(FactSource.article_id)
        .order_by(func.count().desc(), FactSource.article_id)
        .limit(STORY_ARTICLES)
    ).all()
    story = set(article_ids) | {aid for aid, _n in shared}
    ids = set(targets)
    ids.update(session.scalars(select(FactSource.fact_id).where(among(FactSource.article_id, story, pg))))
    # each kind's sample by its own index look-up, the four in one round trip
    samples = [select(Fact.id).where(Fact.collection_id == collection_id, Fact.kind == kind,
                                     Fact.retired_at.is_(None)).order_by(Fact.uid).limit(POOL_PER_KIND).subquery()
               for kind in FACT_KINDS]
    ids.update(session.scalars(union_all(*(select(s.c.id) for s in samples))))
    return ids, story


def sync_questions(session: Session, changes: FactChanges | None = None, *,
                   collection_id: int | None = None) -> dict[str, int]:
    """Bring the generated questions of the changed facts up to date (``changes``), or regenerate a
    whole collection's bank (``collection_id``; every collection when both are None). Upsert by
    stable id within the collection, retire what is no longer generated."""
    if changes is None:
        ids = [collection_id] if collection_id is not None else list(session.scalars(select(Collection.id)))
        total = dict.fromkeys(("added", "updated", "retired", "unchanged"), 0)
        for cid in ids:
            for k, v in _sync(session, cid, None, set()).items():
                total[k] += v
            session.execute(update(Collection).where(Collection.id == cid).values(questions_version=GENERATOR_VERSION))
        return total
    if not changes.changed:
        return dict.fromkeys(("added", "updated", "retired", "unchanged"), 0)
    return _sync(session, changes.collection_id, changes.changed, changes.article_ids)


def _sync(session: Session, collection_id: int, targets: set[int] | None, article_ids: set[int]) -> dict[str, int]:
    from ..facts.store import pure_facts
    from .generate import generate

    # (article key, sentence text) -> where to link a question's source in the article page:
    # every sentence a question shows is one of its facts' sources, read here with them.
    sentence_rows: dict[tuple[str, str], tuple[int, int, int]] = {}
    if targets is None:
        pure, by_uid = pure_facts(session, Fact.collection_id == collection_id, sentence_rows)
        target_uids = None
    else:
        context, story = _context_ids(session, collection_id, targets, article_ids)
        pure, by_uid = pure_facts(session, among(Fact.id, context, is_pg(session)), sentence_rows, (targets, story))
        target_uids = {uid for uid, f in by_uid.items() if f.id in targets}
    learned = _learned(session, collection_id) if pure else {}
    generated = generate(pure, random.Random(GENERATOR_SEED), targets=target_uids, learned=learned) if pure else []

    keys = {(s["article"] if isinstance(s, dict) else s.article) for q in generated for s in q.sources}
    article_ids_by_key = dict(session.execute(
        select(Article.key, Article.id).where(Article.collection_id == collection_id,
                                              Article.key.in_(sorted(keys)))
    ).all()) if keys else {}

    stmt = select(Question).where(Question.origin == "generated", Question.collection_id == collection_id)
    if targets is not None:
        # The changed facts' questions and those generated now: two look-ups by index (one
        # statement with OR between them had SQLite scan the collection's whole bank).
        linked = select(question_fact.c.question_id).where(question_fact.c.fact_id.in_(sorted(targets)))
        now_made = select(Question.id).where(Question.collection_id == collection_id,
                                             Question.uid.in_(sorted({q.id for q in generated})))
        stmt = stmt.where(Question.id.in_(linked.union(now_made)))
    existing = {q.uid: q for q in session.scalars(stmt.options(selectinload(Question.facts)))}
    counts = {"added": 0, "updated": 0, "retired": 0, "unchanged": 0}
    now = utcnow()
    seen: set[str] = set()
    hold_new = bool(session.scalar(select(Collection.review_new).where(Collection.id == collection_id)))
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
            "sources": [_source(s, sentence_rows, article_ids_by_key) for s in q.sources],
        }
        fact_rows = [by_uid[u] for u in q.fact_ids if u in by_uid]
        row = existing.get(q.id)
        if row is None:
            row = Question(uid=q.id, origin="generated", collection_id=collection_id, **values)
            row.facts = fact_rows
            if hold_new:  # the collection reviews new questions before students see them
                row.review_state, row.retired_at = "pending", now
            session.add(row)
            counts["added"] += 1
            continue
        values = with_curation(values, row.curator_edit, row.extra_accepted)
        hidden = row.review_state in HIDDEN_STATES
        if (all(getattr(row, k) == v for k, v in values.items()) and row.dropped_at is None
                and (row.retired_at is not None) == hidden
                and {f.id for f in row.facts} == {f.id for f in fact_rows}):
            counts["unchanged"] += 1
            continue
        for k, v in values.items():
            setattr(row, k, v)
        row.dropped_at = None
        # a reviewer's hold or retirement outlasts every regeneration
        row.retired_at = (row.retired_at or now) if hidden else None
        row.updated_at = now
        row.facts = fact_rows
        counts["updated"] += 1
    for uid, row in existing.items():
        if uid not in seen and row.dropped_at is None:
            row.dropped_at = now
            if row.retired_at is None:
                row.retired_at = now
                counts["retired"] += 1
    session.flush()
    return counts


def with_curation(values: dict[str, Any], edit: dict | None, extra: list | None) -> dict[str, Any]:
    """The generator's ``values`` with a reviewer's edit laid over them and the alternative answers
    reviewers accepted added: what the row holds after every regeneration. Pure."""
    out = dict(values)
    for key in ("prompt", "answer", "explanation"):
        if edit and edit.get(key):
            out[key] = edit[key]
    accepted = list(edit["accepted"]) if edit and edit.get("accepted") is not None else list(out["accepted"])
    for text in extra or []:
        if text not in accepted:
            accepted.append(text)
    out["accepted"] = accepted
    return out


def _learned(session: Session, collection_id: int) -> dict[str, float]:
    """What reviewers and students taught the ranking (``curation.learned_factors``)."""
    from .curation import learned_factors

    return learned_factors(session, collection_id)


def _source(src: Any, sentence_rows: dict, article_ids: dict) -> dict:
    article = src["article"] if isinstance(src, dict) else src.article
    sentence = src["sentence"] if isinstance(src, dict) else src.sentence
    sid, aid, idx = sentence_rows.get((article, sentence), (None, article_ids.get(article), None))
    return {"article": article, "sentence": sentence, "sentence_id": sid, "article_id": aid,
            "sentence_idx": idx}
