"""Quizzes: starting one on a scope, the item to resume, finishing early, and what the result,
history and start pages show (item views, summaries, open and recent quizzes, scope labels).

Which questions a scope may offer is decided in ``scope``; answering an item is in ``answers``.
Functions flush and the caller commits.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import exists, false, func, or_, select
from sqlalchemy.orm import Session, selectinload

from ..bounds import parse_id
from ..collections.access import visible
from ..models import (
    FACT_KINDS,
    Answer,
    Article,
    Question,
    Quiz,
    QuizItem,
    SetItem,
    StudySet,
    User,
    question_fact,
    utcnow,
)
from ..questions.store import question_from_row
from ..questions.types import Question as PureQuestion
from . import quiz as qz
from .errors import EmptyScope, ScopeNotFound, StudyError
from .scope import (
    article_questions,
    bank_filter,
    live_article,
    set_out_of_reach,
    still_usable,
    usable_set,
)
from .sql import count_where


def _owned_quiz(session: Session, user: User, ref: Any) -> Quiz:
    qid = parse_id(ref)
    quiz = session.get(Quiz, qid) if qid is not None else None
    if quiz is None or quiz.user_id != user.id:
        raise ScopeNotFound("There is no such quiz.")
    return quiz


def _candidates(session: Session, stmt) -> list[qz.Candidate]:
    rows = session.execute(stmt).all()
    ids = [r[0] for r in rows]
    facts: dict[int, list[int]] = {}
    if ids:
        for qid, fid in session.execute(
            select(question_fact.c.question_id, question_fact.c.fact_id).where(
                question_fact.c.question_id.in_(ids)
            )
        ):
            facts.setdefault(qid, []).append(fid)
    return [qz.Candidate(qid, qtype, tuple(sorted(facts.get(qid, ())))) for qid, qtype in rows]


def missed_question_ids(session: Session, quiz: Quiz) -> list[int]:
    """Questions of ``quiz`` answered wrong or left unanswered, in quiz order."""
    return list(
        session.scalars(
            select(QuizItem.question_id)
            .outerjoin(Answer, Answer.quiz_item_id == QuizItem.id)
            .where(QuizItem.quiz_id == quiz.id, or_(Answer.id.is_(None), Answer.correct.is_(False)))
            .order_by(QuizItem.position)
        )
    )


def start_quiz(
    session: Session,
    user: User,
    *,
    scope_kind: str,
    scope_ref: str | None,
    length: int,
    mode: str,
    assignment_id: int | None = None,
    question_ids: list[int] | None = None,
    mix: str = "any",
    rng: random.Random | None = None,
) -> Quiz:
    """Create a quiz for ``user`` and its items; flushes, the caller commits.

    Scopes: ``corpus`` (scope_ref None), ``article`` (article id), ``kind`` (date|leader|mechanism|
    goal), ``set`` (study set id; the set's questions in set order, any origin, cut to ``length``),
    ``retry`` (a previous quiz id of this user; its missed questions unless ``question_ids`` given)
    and ``weak`` (``question_ids`` required). Only live questions are used. Raises ``ScopeNotFound``
    for a missing or foreign scope, ``EmptyScope`` when nothing is left, ``StudyError`` for bad input.
    """
    rng = rng or random.Random()
    if scope_kind not in qz.SCOPES:
        raise StudyError("Choose what to be quizzed on.")
    if mode not in qz.MODES:
        raise StudyError("Choose practice or test mode.", "mode")
    if mix not in qz.MIXES:
        raise StudyError("Choose a question mix.", "mix")
    try:
        length = int(length)
    except (TypeError, ValueError):
        raise StudyError("The length must be a number.", "length") from None
    if not 1 <= length <= qz.MAX_LENGTH:
        raise StudyError(f"A quiz has between 1 and {qz.MAX_LENGTH} questions.", "length")
    given = None if question_ids is None else [int(i) for i in question_ids]
    ref: str | None = None

    if scope_kind == "set":
        s = usable_set(session, user, scope_ref)
        ref = str(s.id)
        in_order = list(
            session.scalars(
                select(Question.id)
                .join(SetItem, SetItem.question_id == Question.id)
                .where(SetItem.set_id == s.id, Question.retired_at.is_(None))
                .order_by(SetItem.position, SetItem.id)
            )
        )
        if given is not None:
            allowed = set(in_order)
            in_order = [i for i in given if i in allowed]
        ids = list(dict.fromkeys(in_order))[:length]
    elif scope_kind in ("retry", "weak"):
        if scope_kind == "retry":
            previous = _owned_quiz(session, user, scope_ref)
            ref = str(previous.id)
            wanted = given if given is not None else missed_question_ids(session, previous)
            in_quiz = set(
                session.scalars(select(QuizItem.question_id).where(QuizItem.quiz_id == previous.id))
            )
            wanted = [i for i in wanted if i in in_quiz]
            live = set(
                session.scalars(
                    select(Question.id).where(Question.id.in_(wanted), Question.retired_at.is_(None),
                                              # a teacher's own question (a set's) has no collection
                                              Question.collection_id.is_(None)
                                              | visible(Question.collection_id, user))
                )
            ) if wanted else set()
        else:
            wanted = given or []
            live = set(
                session.scalars(select(Question.id).where(Question.id.in_(wanted), bank_filter(user)))
            ) if wanted else set()
        ids = [i for i in dict.fromkeys(wanted) if i in live]
        rng.shuffle(ids)
        ids = ids[:length]
    else:
        stmt = select(Question.id, Question.type).where(bank_filter(user))
        if scope_kind == "article":
            article = live_article(session, scope_ref, user)
            ref = str(article.id)
            stmt = stmt.where(Question.id.in_(article_questions(article.id)))
        elif scope_kind == "kind":
            if scope_ref not in FACT_KINDS:
                raise ScopeNotFound("There is no such kind of fact.")
            ref = scope_ref
            stmt = stmt.where(Question.fact_kind == scope_ref)
        if given is not None:
            stmt = stmt.where(Question.id.in_(given))
        ids = qz.choose_questions(_candidates(session, stmt.order_by(Question.id)), length, mix=mix, rng=rng)

    if not ids:
        raise EmptyScope(
            "There are no questions to ask here yet."
            if scope_kind not in ("retry",)
            else "Nothing to retry: every question was answered right."
        )
    quiz = Quiz(
        user_id=user.id,
        scope_kind=scope_kind,
        scope_ref=ref,
        mode=mode,
        length=len(ids),
        assignment_id=assignment_id,
        started_at=utcnow(),
    )
    quiz.items = [QuizItem(position=i, question_id=qid) for i, qid in enumerate(ids, 1)]
    session.add(quiz)
    session.flush()
    return quiz


def get_quiz(session: Session, user: User, quiz_id: int) -> Quiz | None:
    """The user's own quiz, else None (the view answers 404)."""
    quiz = session.get(Quiz, quiz_id)
    return quiz if quiz is not None and quiz.user_id == user.id else None


def current_item(session: Session, quiz: Quiz) -> QuizItem | None:
    """The first unanswered item (resume point), or None when every item has an answer (or the
    quiz's set is out of the user's reach now: ``scope.set_out_of_reach``)."""
    if set_out_of_reach(session, quiz):
        return None
    return session.scalar(
        select(QuizItem)
        .where(QuizItem.quiz_id == quiz.id, ~exists().where(Answer.quiz_item_id == QuizItem.id),
               still_usable(QuizItem.question_id, quiz.user_id))
        .order_by(QuizItem.position)
        .limit(1)
        .options(selectinload(QuizItem.question).selectinload(Question.facts))
    )


def get_item(session: Session, quiz: Quiz, item_id: int) -> QuizItem | None:
    item = session.get(QuizItem, item_id)
    return item if item is not None and item.quiz_id == quiz.id else None


def finish_quiz(session: Session, quiz: Quiz, now: datetime | None = None) -> None:
    """End a quiz early: unanswered items count as missed."""
    if quiz.finished_at is None:
        quiz.finished_at = now or utcnow()
        session.flush()


@dataclass
class ItemView:
    """One quiz item with everything the results and feedback pages show."""

    item: QuizItem
    question: PureQuestion
    answer: Answer | None

    @property
    def response_text(self) -> str:
        return qz.describe_response(self.question.type, self.answer.response if self.answer else None)

    @property
    def correct_text(self) -> str:
        return qz.correct_answer(self.question)


def quiz_item_views(session: Session, quiz: Quiz) -> list[ItemView]:
    """Every item with its question and answer (unanswered ones only while the user may still be
    asked them: ``scope.still_usable``, ``scope.set_out_of_reach``): a few queries whatever the quiz length."""
    usable = false() if set_out_of_reach(session, quiz) else still_usable(QuizItem.question_id, quiz.user_id)
    rows = session.execute(
        select(QuizItem, Answer)
        .outerjoin(Answer, Answer.quiz_item_id == QuizItem.id)
        .where(QuizItem.quiz_id == quiz.id, or_(Answer.id.is_not(None), usable))
        .order_by(QuizItem.position)
        .options(selectinload(QuizItem.question).selectinload(Question.facts))
    ).all()
    return [ItemView(item, question_from_row(item.question), answer) for item, answer in rows]


def quiz_summary(views: Sequence[ItemView]) -> qz.Summary:
    return qz.summarise(
        [
            qz.ItemResult(
                fact_kind=v.question.fact_kind or "other",
                qtype=v.question.type,
                answered=v.answer is not None,
                correct=bool(v.answer and v.answer.correct),
                score=float(v.answer.score) if v.answer else 0.0,
                time_ms=v.answer.time_ms if v.answer else None,
            )
            for v in views
        ]
    )


def open_quizzes(session: Session, user: User, limit: int = 5) -> list[tuple[Quiz, int]]:
    """Unfinished quizzes to resume, newest first, with how many items are answered."""
    answered = (
        select(Answer.quiz_id, func.count().label("n")).where(Answer.user_id == user.id).group_by(Answer.quiz_id).subquery()
    )
    rows = session.execute(
        select(Quiz, func.coalesce(answered.c.n, 0))
        .outerjoin(answered, answered.c.quiz_id == Quiz.id)
        .where(Quiz.user_id == user.id, Quiz.finished_at.is_(None))
        .order_by(Quiz.started_at.desc(), Quiz.id.desc())
        .limit(limit)
    ).all()
    return [(q, n) for q, n in rows]


def recent_quizzes(session: Session, user: User):
    """Finished quizzes, newest first, with correct count and points (a Select for pagination)."""
    scores = (
        select(
            Answer.quiz_id,
            count_where(Answer.correct.is_(True)).label("correct"),
            func.sum(Answer.score).label("points"),
        )
        .where(Answer.user_id == user.id)
        .group_by(Answer.quiz_id)
        .subquery()
    )
    return (
        select(Quiz, func.coalesce(scores.c.correct, 0), func.coalesce(scores.c.points, 0.0))
        .outerjoin(scores, scores.c.quiz_id == Quiz.id)
        .where(Quiz.user_id == user.id, Quiz.finished_at.is_not(None))
        .order_by(Quiz.finished_at.desc(), Quiz.id.desc())
    )


def scope_label(session: Session, quiz: Quiz) -> str:
    """"Article: <title>", "Kind: leader", … for headings."""
    kind, ref = quiz.scope_kind, quiz.scope_ref
    if kind == "article" and parse_id(ref):
        article = session.get(Article, parse_id(ref))
        return f"Article: {article.title}" if article else "An article"
    if kind == "set" and parse_id(ref):
        s = session.get(StudySet, parse_id(ref))
        return f"Set: {s.title}" if s else "A study set"
    if kind == "kind" and ref:
        return f"Facts of kind: {ref}"
    if kind == "retry":
        return f"Retry of quiz #{ref}"
    return qz.SCOPE_LABELS.get(kind, kind)


def source_links(question: PureQuestion) -> list[dict]:
    """The question's sources with what the feedback link needs (article id, sentence index)."""
    out = []
    for s in question.sources:
        if isinstance(s, dict) and s.get("sentence"):
            out.append(
                {
                    "sentence": s.get("sentence"),
                    "article": s.get("article"),
                    "article_id": s.get("article_id"),
                    "sentence_idx": s.get("sentence_idx"),
                }
            )
    return out


def article_titles(session: Session, ids: Sequence[int]) -> dict[int, str]:
    ids = [i for i in ids if i]
    if not ids:
        return {}
    return dict(session.execute(select(Article.id, Article.title).where(Article.id.in_(ids))).all())


def question_ids_for_facts(session: Session, fact_ids: Sequence[int], user: Any = None) -> list[int]:
    """Live bank questions about these facts (for a "study these" quiz)."""
    if not fact_ids:
        return []
    return list(
        session.scalars(
            select(Question.id)
            .join(question_fact, question_fact.c.question_id == Question.id)
            .where(question_fact.c.fact_id.in_(list(fact_ids)), bank_filter(user))
            .distinct()
            .order_by(Question.id)
        )
    )
