"""Answering a quiz question, the app's hottest write.

A request reads the item it answers with one plain statement (``answer_target``), grades the
response and writes the answer (and, when the user lets quiz answers count as reviews, the review
of the fact's card) with plain statements too; callers holding entities go through
``item_to_answer`` and ``answer_item``. An item is answered once: the schema allows one ``Answer``
per item, and a second submission or a lost race returns the stored result, never a 500. The
caller commits, so one request is one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from types import SimpleNamespace
from typing import Any

from sqlalchemy import and_, bindparam, func, or_, select, true, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, contains_eager, joinedload

from ..collections.access import visible
from ..models import (
    Answer,
    Card,
    Fact,
    Question,
    Quiz,
    QuizItem,
    ReviewLog,
    User,
    question_fact,
    utcnow,
)
from ..prepared import Prepared
from ..questions import grade
from ..questions.grade import GradeResult
from ..questions.store import question_from_row
from ..questions.types import Question as PureQuestion
from . import quiz as qz
from .cards import (
    CARD_COLUMNS,
    STORE_SCHEDULE,
    CardRow,
    card_state,
    insert_stmt,
    schedule_params,
    schedule_values,
    show_loaded,
)
from .errors import ScopeNotFound, StudyError
from .reviews import review_card_row
from .scheduler import StudyScheduler, card_seed, quiz_rating
from .sql import write_answer_postgresql


@dataclass
class Answerable:
    """An item about to be answered, with everything answering it reads."""

    quiz: Quiz
    item: QuizItem  # its question (with facts) and any stored answer are loaded
    answered: int  # answers the quiz had before this one


@cache
def _item_to_answer_stmt():
    # Built once: composing this statement costs about as much as running it.
    answered = (
        select(func.count()).select_from(Answer).where(Answer.quiz_id == Quiz.id).correlate(Quiz).scalar_subquery()
    )
    return (
        select(QuizItem, answered)
        .join(QuizItem.quiz)
        .outerjoin(QuizItem.answer)
        .where(
            QuizItem.id == bindparam("item_id"),
            QuizItem.quiz_id == bindparam("quiz_id"),
            Quiz.user_id == bindparam("user_id"),
        )
        .options(
            contains_eager(QuizItem.quiz),
            contains_eager(QuizItem.answer),
            joinedload(QuizItem.question).joinedload(Question.facts),
        )
        .with_for_update(of=Quiz)
    )


def item_to_answer(session: Session, user: User, quiz_id: int, item_id: int) -> Answerable | None:
    """The user's own quiz item as entities (quiz, item, question and facts, any stored answer) and
    the quiz's answer count, in one statement; None when it is not theirs.

    For callers that go on with ``answer_item`` or show the question again (a form that could not
    be read); a request answers from ``answer_target``'s plain rows instead. It locks as that does:
    on SQLite a writing request holds the database's write lock from its first statement; on
    PostgreSQL the quiz row is locked. The count is exact on SQLite; on PostgreSQL ``answer_item``
    takes it again as it writes (``sql.write_answer_postgresql``).
    """
    row = session.execute(
        _item_to_answer_stmt(), {"item_id": item_id, "quiz_id": quiz_id, "user_id": user.id}
    ).unique().first()
    if row is None:
        return None
    item, count = row
    return Answerable(item.quiz, item, int(count or 0))


def answered_count(session: Session, quiz: Quiz) -> int:
    return session.scalar(_count_answers_stmt(), {"quiz_id": quiz.id}) or 0


@dataclass
class AnswerOutcome:
    question: PureQuestion
    result: GradeResult
    created: bool  # False: this item was already answered (double submit); nothing new recorded
    finished: bool  # the quiz has no unanswered items left
    stored: Answer | None = None  # the answer as an entity (not in the session), once one is made
    written: dict[str, Any] | None = None  # the columns of an answer just written

    @property
    def answer(self) -> Answer:
        # Made when asked for: the request path only redirects, and an entity costs more to build.
        if self.stored is None:
            self.stored = Answer(**self.written)
        return self.stored


def _existing(answer: Answer, question: PureQuestion, finished: bool) -> AnswerOutcome:
    result = GradeResult(bool(answer.correct), bool(answer.typo), None, float(answer.score or 0.0))
    return AnswerOutcome(question, result, False, finished, stored=answer)


@dataclass
class AnswerTarget:
    """An item about to be answered, as plain values: everything answering it reads.

    The request path reads it with one plain statement (``answer_target``) rather than as ORM
    entities: answering is the app's hottest write, and building five entities cost more than the
    query. ``answer_item`` makes one from entities a caller already has.
    """

    quiz_id: int
    owner_id: int  # the quiz's user
    mode: str
    length: int
    finished_at: datetime | None
    item_id: int
    question_id: int
    question: PureQuestion
    stored: Answer | None  # the item's answer, if it has one (not attached to the session)
    answered: int | None  # answers the quiz had before this one; None: count them as we write
    review_fact_id: int | None  # the one live fact an answer reviews (see ``_reviewed_fact``)
    card: CardRow | None = None  # that fact's card for this user, when read with the target
    card_read: bool = False  # ``card`` was read with the target (None then means there is none)


def _reviewed_fact(facts: Sequence[tuple[int, datetime | None]]) -> int | None:
    """The fact a quiz answer reviews: only questions about exactly one live fact count. A matching
    or ordering question mixes several facts, and one wrong pair says little about each of them."""
    if len(facts) != 1 or facts[0][1] is not None:
        return None
    return facts[0][0]


# What ``question_from_row`` reads of a question.
_QUESTION_COLUMNS = ("id", "uid", "type", "prompt", "answer", "accepted", "choices", "pairs", "items", "explanation",
                     "difficulty", "score", "fact_kind", "sources")


def _answer_target_stmt(dialect: str):
    """Built once per dialect (``_ANSWER_TARGET``). One row per fact of the question (at least one row), with the
    user's card for the fact.

    SQLite: the quiz's answer count comes too (the request already holds the write lock, so
    nothing changes under it). PostgreSQL: two tabs answering one quiz take turns on the quiz row's
    lock (``FOR UPDATE OF quiz``), and the card an answer reviews is locked as it is read, so a
    rating of it in another tab waits too (and this answer, when it came second, sees the rating's
    result). A row on the nullable side of an outer join cannot be locked, so on PostgreSQL the card
    comes from a lateral subquery that locks it, and only when the question has that one live fact.
    Every answer statement takes its card's lock before the quiz's, so the two cannot deadlock.
    The answer count is taken on PostgreSQL as the answer is written.
    """
    quiz, item, question, answer = Quiz.__table__, QuizItem.__table__, Question.__table__, Answer.__table__
    fact, card, qf = Fact.__table__, Card.__table__, question_fact
    columns = [
        quiz.c.id.label("quiz_id"), quiz.c.user_id.label("owner_id"), quiz.c.mode, quiz.c.length,
        quiz.c.finished_at, item.c.id.label("item_id"), item.c.question_id,
        *(question.c[n].label(f"q_{n}") for n in _QUESTION_COLUMNS),
        *(answer.c[n].label(f"a_{n}") for n in (
            "id", "response", "correct", "score", "typo", "time_ms", "created_at")),
        fact.c.id.label("fact_id"), fact.c.uid.label("fact_uid"), fact.c.retired_at.label("fact_retired_at"),
    ]
    joined = (
        item.join(quiz, quiz.c.id == item.c.quiz_id)
        .join(question, question.c.id == item.c.question_id)
        .outerjoin(answer, answer.c.quiz_item_id == item.c.id)
        .outerjoin(qf, qf.c.question_id == question.c.id)
        .outerjoin(fact, fact.c.id == qf.c.fact_id)
    )
    this_card = and_(card.c.fact_id == fact.c.id, card.c.user_id == bindparam("user_id"))
    if dialect == "sqlite":
        columns.append(
            select(func.count()).select_from(answer).where(answer.c.quiz_id == quiz.c.id)
            .correlate(quiz).scalar_subquery().label("answered")
        )
        joined = joined.outerjoin(card, this_card)
    else:
        others = qf.alias("other_fact")
        only_fact = select(func.count()).select_from(others).where(
            others.c.question_id == question.c.id).correlate(question).scalar_subquery() == 1
        card = (
            select(*(card.c[n] for n in CARD_COLUMNS))
            .where(this_card, fact.c.retired_at.is_(None), only_fact)
            .with_for_update()
            .lateral("reviewed_card")
        )
        joined = joined.outerjoin(card, true())
    columns += [card.c[n].label(f"card_{n}") for n in CARD_COLUMNS]
    stmt = select(*columns).select_from(joined).where(
        item.c.id == bindparam("item_id"), item.c.quiz_id == bindparam("quiz_id"),
        quiz.c.user_id == bindparam("user_id"),
        # an item of a collection no longer shared with the user is no longer answered
        or_(question.c.collection_id.is_(None), visible(question.c.collection_id, user_id=bindparam("user_id"))),
    ).order_by(fact.c.id)
    return stmt if dialect == "sqlite" else stmt.with_for_update(of=quiz)


_ANSWER_TARGET = Prepared(_answer_target_stmt)


def answer_target(session: Session, user: User, quiz_id: int, item_id: int) -> AnswerTarget | None:
    """The user's own quiz item ready to answer; None when it is not theirs."""
    session.flush()  # a plain statement: the caller's pending changes go first
    conn = session.connection()
    dialect = conn.dialect.name
    rows = _ANSWER_TARGET.rows(conn, {"item_id": item_id, "quiz_id": quiz_id, "user_id": user.id})
    if not rows:
        return None
    r = rows[0]
    facts = [(row.fact_id, row.fact_retired_at) for row in rows if row.fact_id is not None]
    question = question_from_row(
        SimpleNamespace(**{n: getattr(r, f"q_{n}") for n in _QUESTION_COLUMNS}),
        fact_uids=[row.fact_uid for row in rows if row.fact_id is not None],
    )
    stored = None
    if r.a_id is not None:
        stored = Answer(id=r.a_id, quiz_item_id=r.item_id, quiz_id=r.quiz_id, user_id=r.owner_id,
                        question_id=r.question_id, response=r.a_response, correct=r.a_correct, score=r.a_score,
                        typo=r.a_typo, time_ms=r.a_time_ms, created_at=r.a_created_at)
    target = AnswerTarget(r.quiz_id, r.owner_id, r.mode, r.length, r.finished_at, r.item_id, r.question_id,
                          question, stored, None, _reviewed_fact(facts))
    if dialect == "sqlite":
        target.answered = int(r.answered)
    if target.review_fact_id is not None:
        target.card_read = True
        target.card = CardRow(*(getattr(r, f"card_{n}") for n in CARD_COLUMNS)) if r.card_id else None
    return target


def submit_answer(
    session: Session,
    user: User,
    quiz_id: int,
    item_id: int,
    form: Mapping[str, Any],
    *,
    time_ms: int | None = None,
    now: datetime | None = None,
    scheduler: StudyScheduler | None = None,
) -> tuple[AnswerTarget, AnswerOutcome] | None:
    """Answer the user's quiz item (as ``answer_item`` does); None when the item is not theirs."""
    target = answer_target(session, user, quiz_id, item_id)
    if target is None:
        return None
    if target.stored is None and target.finished_at is None and not _still_reachable(session, target):
        # a form left open from before the class was archived, the set withdrawn or the
        # collection unshared: what reached the student then grants nothing now
        raise StudyError("This question is no longer available to you: the class, set or collection it came "
                         "from is no longer shared with you.")
    return target, _answer(session, user, target, form, time_ms=time_ms, now=now, scheduler=scheduler)


def _still_reachable(session: Session, target: AnswerTarget) -> bool:
    """Is the item's question still the quiz owner's to answer (``scope.still_usable``, and for a
    set quiz the set still reached: ``scope.set_out_of_reach``)? Two small look-ups, only for an
    item not answered yet."""
    from .scope import set_out_of_reach, still_usable

    quiz = session.get(Quiz, target.quiz_id)
    if quiz is None or set_out_of_reach(session, quiz):
        return False
    return bool(session.scalar(select(still_usable(target.question_id, target.owner_id))))


def answer_item(
    session: Session,
    user: User,
    quiz: Quiz,
    item: QuizItem,
    form: Mapping[str, Any],
    *,
    time_ms: int | None = None,
    now: datetime | None = None,
    scheduler: StudyScheduler | None = None,
    answered: int | None = None,
) -> AnswerOutcome:
    """Grade and store the answer to ``item``, once.

    A second submission for the same item (double click, a retry after a network error, a race
    between two requests) returns the stored result unchanged. A form that cannot be read raises
    ``quiz.ResponseError`` and records nothing. When the user lets quiz answers count as reviews,
    an answer to a question about one fact also reviews that fact's card (Good or Again).
    ``answered`` is the quiz's answer count before this answer when the caller already has it
    (``item_to_answer``); otherwise it is counted. PostgreSQL always counts it again as it writes.

    Losing the race for an item rolls the whole transaction back (at most a card this request
    created goes with it), so no savepoint is needed on the common path.
    """
    if item.quiz_id != quiz.id:  # (the quiz's owner is checked with the rest, in ``_answer``)
        raise ScopeNotFound("There is no such question in this quiz.")
    session.flush()  # what follows reads and writes with plain statements
    question = question_from_row(item.question)
    target = AnswerTarget(
        quiz.id, quiz.user_id, quiz.mode, quiz.length, quiz.finished_at, item.id, item.question_id, question,
        item.answer, answered, _reviewed_fact([(f.id, f.retired_at) for f in item.question.facts]),
    )
    return _answer(session, user, target, form, time_ms=time_ms, now=now, scheduler=scheduler)


def _answer(
    session: Session,
    user: User,
    target: AnswerTarget,
    form: Mapping[str, Any],
    *,
    time_ms: int | None,
    now: datetime | None,
    scheduler: StudyScheduler | None,
) -> AnswerOutcome:
    now = now or utcnow()
    scheduler = scheduler or StudyScheduler()
    if target.owner_id != user.id:
        raise ScopeNotFound("There is no such question in this quiz.")
    question = target.question
    if target.stored is not None:
        return _existing(target.stored, question, target.finished_at is not None)
    if target.finished_at is not None:
        raise StudyError("This quiz is over; start a new one or retry the missed questions.")
    response = qz.read_response(question, qz.layout(question, target.item_id), form)
    result = grade(question, response)
    conn = session.connection()
    postgresql = conn.dialect.name == "postgresql"
    answered = target.answered
    if answered is None and not postgresql:
        answered = _count_answers(conn, target.quiz_id)  # (PostgreSQL counts as it writes, below)
    item_id = target.item_id
    # Everything is read and worked out first; only then are the answer, the card's new schedule
    # and its review log written.
    card = None
    if user.quiz_counts_as_review and target.review_fact_id is not None:
        card = target.card
        if card is None:
            card = review_card_row(conn, user.id, target.review_fact_id, now, missing=target.card_read)
        if card.suspended:
            card = None
    rating = quiz_rating(bool(result.correct))
    if card is not None:
        before = card_state(card)
        after = scheduler.review(before, rating, now, seed=card_seed(card.id, card.last_review))
    answer = dict(quiz_item_id=item_id, quiz_id=target.quiz_id, user_id=user.id, question_id=target.question_id,
                  response=response, correct=bool(result.correct), score=float(result.score),
                  typo=bool(result.typo), time_ms=time_ms, created_at=now)
    log = schedule = params = None
    if card is not None:
        log = dict(card_id=card.id, user_id=user.id, rating=rating, reviewed_at=now, duration_ms=time_ms, kind="quiz",
                   state_before=before.to_json(), card_state=before.state,
                   # An item has at most one answer, so the unique token means one review per answer.
                   client_token=f"quiz-item:{item_id}")
        schedule = schedule_values(after, now)
        params = schedule_params(card, schedule)
    # Plain statements rather than the ORM's unit of work, which costs several times more and, on
    # SQLite, would run while every other writer waits.
    try:
        if postgresql:
            answer_id, answered = write_answer_postgresql(conn, answer, log, params)
        else:
            answer_id = insert_stmt(Answer, tuple(answer)).scalar(conn, answer)
            if card is not None:
                insert_stmt(ReviewLog, tuple(log)).rows(conn, log)
                STORE_SCHEDULE.rows(conn, params)
    except IntegrityError:
        # Another request stored this item's answer between our check and our insert.
        session.rollback()
        stored = session.scalar(select(Answer).where(Answer.quiz_item_id == item_id))
        if stored is None:
            raise
        finished = session.scalar(select(Quiz.finished_at).where(Quiz.id == target.quiz_id)) is not None
        return _existing(stored, question, finished)
    if card is not None:
        show_loaded(session, Card, card.id, schedule)
    finished = answered + 1 >= target.length  # fixed at start: items are never added or removed later
    if finished:
        _FINISH_QUIZ.rows(conn, {"quiz_id": target.quiz_id, "now": now})
        show_loaded(session, Quiz, target.quiz_id, {"finished_at": now})
    return AnswerOutcome(question, result, True, finished, written={"id": answer_id, **answer})


def _count_answers(conn, quiz_id: int) -> int:
    return _COUNT_ANSWERS.scalar(conn, {"quiz_id": quiz_id})


@cache
def _count_answers_stmt():
    return select(func.count()).select_from(Answer).where(Answer.quiz_id == bindparam("quiz_id"))


_COUNT_ANSWERS = Prepared(lambda _dialect: _count_answers_stmt())


_FINISH_QUIZ = Prepared(
    lambda _dialect: update(Quiz.__table__).where(Quiz.id == bindparam("quiz_id")).values(finished_at=bindparam("now"))
)
