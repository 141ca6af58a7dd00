"""Study in the database: starting and answering quizzes, flashcards and their reviews.

Functions take the SQLAlchemy session and the acting user, change rows and ``flush`` (the two
hottest writes, answering and rating, write with plain statements, and answering reads with one
too); the caller commits, so one request is one transaction. Idempotency is enforced by the
schema (one ``Answer`` per quiz item, unique ``ReviewLog.client_token``) and IntegrityErrors from
a lost race are turned into "already done" results, never 500s.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from types import SimpleNamespace
from typing import Any

from sqlalchemy import (
    and_,
    bindparam,
    case,
    exists,
    func,
    insert,
    literal,
    or_,
    select,
    true,
    union_all,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import (
    Session,
    contains_eager,
    joinedload,
    lazyload,
    selectinload,
)
from sqlalchemy.orm.attributes import set_committed_value

from ..models import (
    FACT_KINDS,
    Answer,
    Article,
    Assignment,
    Card,
    Fact,
    FactSource,
    Membership,
    Question,
    Quiz,
    QuizItem,
    ReviewLog,
    Sentence,
    SetItem,
    StudySet,
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
from .scheduler import (
    NEW,
    RATINGS,
    REVIEW,
    CardState,
    StudyScheduler,
    card_seed,
    quiz_rating,
)


class StudyError(ValueError):
    """A request that cannot be done as asked; the message is shown to the student.

    ``field`` names the form field at fault (e.g. "length") when it is not the scope itself.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ScopeNotFound(StudyError):
    """The scope names something that does not exist or is not this user's to use (→ 404)."""


class EmptyScope(StudyError):
    """The scope exists but has no questions (or cards) to offer."""


class StaleCard(StudyError):
    """The card changed since the page was shown (another tab, an undo); nothing was recorded."""


# ==============================================================================================
# Quizzes
# ==============================================================================================
def _count_where(*conditions):
    """How many rows meet all ``conditions``: 0, not NULL, when none do (or there are no rows)."""
    return func.coalesce(func.sum(case((and_(*conditions), 1), else_=0)), 0)


def _no_retired_fact():
    """The question is not about a fact that has been retired (its article removed or changed)."""
    return ~exists().where(
        question_fact.c.question_id == Question.id,
        question_fact.c.fact_id == Fact.id,
        Fact.retired_at.is_not(None),
    )


def _bank_filter():
    """Questions a corpus/article/kind quiz may use: live, generated, about live facts."""
    return and_(Question.retired_at.is_(None), Question.origin == "generated", _no_retired_fact())


def _article_questions(article_id: int):
    return (
        select(question_fact.c.question_id)
        .join(FactSource, FactSource.fact_id == question_fact.c.fact_id)
        .where(FactSource.article_id == article_id)
    )


def live_article(session: Session, ref: Any) -> Article:
    try:
        aid = int(ref)
    except (TypeError, ValueError):
        raise ScopeNotFound("There is no such article.") from None
    article = session.get(Article, aid)
    if article is None or article.retired_at is not None:
        raise ScopeNotFound("There is no such article.")
    return article


def usable_set(session: Session, user: User, ref: Any) -> StudySet:
    """A study set the user may quiz on: their own, a public published one, or one assigned to a
    class they belong to. Anything else is reported as missing (ids reveal nothing)."""
    try:
        sid = int(ref)
    except (TypeError, ValueError):
        raise ScopeNotFound("There is no such study set.") from None
    s = session.get(StudySet, sid)
    if s is None:
        raise ScopeNotFound("There is no such study set.")
    if s.owner_id == user.id or (s.published and s.visibility == "public"):
        return s
    assigned = session.scalar(
        select(func.count())
        .select_from(Assignment)
        .join(Membership, Membership.class_id == Assignment.class_id)
        .where(Assignment.set_id == s.id, Membership.user_id == user.id)
    )
    if assigned:
        return s
    raise ScopeNotFound("There is no such study set.")


def _owned_quiz(session: Session, user: User, ref: Any) -> Quiz:
    try:
        qid = int(ref)
    except (TypeError, ValueError):
        raise ScopeNotFound("There is no such quiz.") from None
    quiz = session.get(Quiz, qid)
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
                    select(Question.id).where(Question.id.in_(wanted), Question.retired_at.is_(None))
                )
            ) if wanted else set()
        else:
            wanted = given or []
            live = set(
                session.scalars(select(Question.id).where(Question.id.in_(wanted), _bank_filter()))
            ) if wanted else set()
        ids = [i for i in dict.fromkeys(wanted) if i in live]
        rng.shuffle(ids)
        ids = ids[:length]
    else:
        stmt = select(Question.id, Question.type).where(_bank_filter())
        if scope_kind == "article":
            article = live_article(session, scope_ref)
            ref = str(article.id)
            stmt = stmt.where(Question.id.in_(_article_questions(article.id)))
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
    """The first unanswered item (resume point), or None when every item has an answer."""
    return session.scalar(
        select(QuizItem)
        .where(QuizItem.quiz_id == quiz.id, ~exists().where(Answer.quiz_item_id == QuizItem.id))
        .order_by(QuizItem.position)
        .limit(1)
        .options(selectinload(QuizItem.question).selectinload(Question.facts))
    )


def get_item(session: Session, quiz: Quiz, item_id: int) -> QuizItem | None:
    item = session.get(QuizItem, item_id)
    return item if item is not None and item.quiz_id == quiz.id else None


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
    takes it again as it writes (``_write_answer_postgresql``).
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
_CARD_COLUMNS = ("id", "suspended", *("state", "step", "stability", "difficulty", "due", "last_review"))


@dataclass
class CardRow:
    """A card's scheduling columns as plain values, read or written by the two hottest writes
    (``card_state``, ``card_seed`` and ``card_version`` take it as they take a ``Card``)."""

    id: int
    suspended: bool
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime | None
    last_review: datetime | None


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
            select(*(card.c[n] for n in _CARD_COLUMNS))
            .where(this_card, fact.c.retired_at.is_(None), only_fact)
            .with_for_update()
            .lateral("reviewed_card")
        )
        joined = joined.outerjoin(card, true())
    columns += [card.c[n].label(f"card_{n}") for n in _CARD_COLUMNS]
    stmt = select(*columns).select_from(joined).where(
        item.c.id == bindparam("item_id"), item.c.quiz_id == bindparam("quiz_id"),
        quiz.c.user_id == bindparam("user_id"),
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
        target.card = CardRow(*(getattr(r, f"card_{n}") for n in _CARD_COLUMNS)) if r.card_id else None
    return target


def _card_row_stmt(_dialect: str):
    # Locked (PostgreSQL): a rating of the same card in another tab must not start from the same old state.
    card = Card.__table__
    return (
        select(*(card.c[n] for n in _CARD_COLUMNS))
        .where(card.c.user_id == bindparam("user_id"), card.c.fact_id == bindparam("fact_id"))
        .with_for_update()
    )


_CARD_ROW = Prepared(_card_row_stmt)


def _create_card_stmt(dialect: str):
    """A new card for (user, fact), returning its ``CardRow`` columns.

    Its front question is chosen in the statement as ``_pick_front`` chooses without a preferred
    question: the first of ``FRONT_TYPES``, then the oldest. Two requests may create the same card
    at once (PostgreSQL; SQLite writers take turns): the loser's insert does nothing and returns no
    row, so it reads the winner's card, with no savepoint to pay for. Built once: composing it
    costs more than running it.
    """
    question = Question.__table__
    rank = case({t: i for i, t in enumerate(FRONT_TYPES)}, value=question.c.type)
    front = (
        select(question.c.id)
        .join(question_fact, question_fact.c.question_id == question.c.id)
        .where(
            question_fact.c.fact_id == bindparam("fact_id"),
            rank.is_not(None),  # one of FRONT_TYPES
            question.c.retired_at.is_(None),
            question.c.origin == "generated",
        )
        .order_by(rank, question.c.id)
        .limit(1)
        .scalar_subquery()
    )
    when = bindparam("now", type_=Card.__table__.c.due.type)
    insert_ = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = (
        insert_(Card)
        .values(user_id=bindparam("user_id"), fact_id=bindparam("fact_id"), question_id=front, state=NEW,
                due=when, created_at=when, suspended=False)
        .on_conflict_do_nothing(index_elements=[Card.user_id, Card.fact_id])
    )
    return stmt.returning(*(Card.__table__.c[n] for n in _CARD_COLUMNS))


_CREATE_CARD = Prepared(_create_card_stmt)


def _review_card_row(conn, user_id: int, fact_id: int, now: datetime, *, missing: bool = False) -> CardRow:
    """The user's card for the fact (created if they have none yet), as a plain row. ``missing``:
    the caller has just read that there is none."""
    params = {"user_id": user_id, "fact_id": fact_id}
    row = None if missing else _CARD_ROW.first(conn, params)
    if row is None:
        row = _CREATE_CARD.first(conn, {**params, "now": now})
    if row is None:  # another request created it meanwhile
        row = _CARD_ROW.first(conn, params)
        if row is None:
            raise StudyError("The card could not be created; try again.")
    return CardRow(*row)


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
    return target, _answer(session, user, target, form, time_ms=time_ms, now=now, scheduler=scheduler)


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
            card = _review_card_row(conn, user.id, target.review_fact_id, now, missing=target.card_read)
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
        schedule = _schedule_values(after, now)
        params = _schedule_params(card, schedule)
    # Plain statements rather than the ORM's unit of work, which costs several times more and, on
    # SQLite, would run while every other writer waits.
    try:
        if postgresql:
            answer_id, answered = _write_answer_postgresql(conn, answer, log, params)
        else:
            answer_id = _insert_stmt(Answer, tuple(answer)).scalar(conn, answer)
            if card is not None:
                _insert_stmt(ReviewLog, tuple(log)).rows(conn, log)
                _STORE_SCHEDULE.rows(conn, params)
    except IntegrityError:
        # Another request stored this item's answer between our check and our insert.
        session.rollback()
        stored = session.scalar(select(Answer).where(Answer.quiz_item_id == item_id))
        if stored is None:
            raise
        finished = session.scalar(select(Quiz.finished_at).where(Quiz.id == target.quiz_id)) is not None
        return _existing(stored, question, finished)
    if card is not None:
        _show_loaded(session, Card, card.id, schedule)
    finished = answered + 1 >= target.length  # fixed at start: items are never added or removed later
    if finished:
        _FINISH_QUIZ.rows(conn, {"quiz_id": target.quiz_id, "now": now})
        _show_loaded(session, Quiz, target.quiz_id, {"finished_at": now})
    return AnswerOutcome(question, result, True, finished, written={"id": answer_id, **answer})


def _count_answers(conn, quiz_id: int) -> int:
    return _COUNT_ANSWERS.scalar(conn, {"quiz_id": quiz_id})


@cache
def _count_answers_stmt():
    return select(func.count()).select_from(Answer).where(Answer.quiz_id == bindparam("quiz_id"))


_COUNT_ANSWERS = Prepared(lambda _dialect: _count_answers_stmt())


def _show_loaded(session: Session, model, ident: int, values: dict[str, Any]) -> None:
    """Show values already written with a plain statement on the row's entity, if this session has
    it loaded (nothing left for the ORM to flush, and no stale copy for the rest of the request)."""
    obj = session.identity_map.get(session.identity_key(model, ident))
    if obj is not None:
        for name, value in values.items():
            set_committed_value(obj, name, value)


@cache
def _insert_stmt(model, fields: tuple[str, ...]) -> Prepared:
    """Insert one row of ``model`` with exactly these columns, returning its id."""
    table = model.__table__
    return Prepared(lambda _dialect: insert(table).values({n: bindparam(n) for n in fields}).returning(table.c.id))


def _write_answer_postgresql(conn, answer: dict, log: dict | None, schedule: dict | None) -> tuple[int, int]:
    """PostgreSQL: store an answer (and its review: the log, and the card's new schedule given as
    ``_schedule_params``) in one round trip, and count the quiz's answers before it. Returns
    (answer id, that count).

    The count is why it is here and not in ``item_to_answer``: a statement that waited for the quiz
    row's lock sees the rest of the database as it was when it began, before the answer another tab
    was committing, while this statement begins once the lock is held. Its own insert is not among
    what it counts: the main query of a statement never sees its WITH clauses' changes.
    """
    params = {f"a_{k}": v for k, v in answer.items()}
    if log is not None:
        params.update({f"log_{k}": v for k, v in log.items()})
        params.update(schedule)  # ``_schedule_params``
    stmt = _answer_writes_postgresql_stmt(tuple(answer), tuple(log) if log is not None else None)
    row = stmt.first(conn, params)
    return row[0], row[1]


@cache
def _answer_writes_postgresql_stmt(answer_fields: tuple[str, ...], log_fields: tuple[str, ...] | None) -> Prepared:
    """Built once for each set of fields the caller writes."""
    def values(table, prefix: str, names) -> dict:
        return {table.c[n]: bindparam(f"{prefix}{n}", type_=table.c[n].type) for n in names}

    answers, logs, cards = Answer.__table__, ReviewLog.__table__, Card.__table__
    new_answer = (
        insert(answers).values(values(answers, "a_", answer_fields)).returning(answers.c.id).cte("new_answer")
    )
    before = select(func.count()).select_from(answers).where(answers.c.quiz_id == bindparam("a_quiz_id"))
    columns = [select(new_answer.c.id).scalar_subquery(), before.scalar_subquery()]
    if log_fields is not None:
        new_log = insert(logs).values(values(logs, "log_", log_fields)).returning(logs.c.id).cte("new_log")
        new_schedule = (
            update(cards).where(cards.c.id == bindparam("card_id"))
            .values(values(cards, "new_", SCHEDULE_COLUMNS)).returning(cards.c.id).cte("new_schedule")
        )
        # Referenced, so that both are part of the statement (each runs once either way).
        columns += [select(new_log.c.id).scalar_subquery(), select(new_schedule.c.id).scalar_subquery()]
    return Prepared(lambda _dialect: select(*columns))


_FINISH_QUIZ = Prepared(
    lambda _dialect: update(Quiz.__table__).where(Quiz.id == bindparam("quiz_id")).values(finished_at=bindparam("now"))
)
_STORE_SCHEDULE = Prepared(
    lambda _dialect: update(Card.__table__).where(Card.id == bindparam("card_id")).values(
        {n: bindparam(f"new_{n}") for n in SCHEDULE_COLUMNS}
    )
)


def _schedule_params(card: CardRow, values: dict[str, Any]) -> dict[str, Any]:
    """Parameters of ``_STORE_SCHEDULE`` for the card's new schedule ``values``."""
    return {"card_id": card.id, **{f"new_{k}": v for k, v in values.items()}}


def _store_schedule(session: Session, conn, card: CardRow, st: CardState, now: datetime) -> None:
    """Write the card's new schedule with one statement, and show it on ``card`` and on the
    card's entity if the session has one loaded."""
    values = _schedule_values(st, now)
    _STORE_SCHEDULE.rows(conn, _schedule_params(card, values))
    for name, value in values.items():
        setattr(card, name, value)
    _show_loaded(session, Card, card.id, values)


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
    """Every item with its question and answer: three queries whatever the quiz length."""
    rows = session.execute(
        select(QuizItem, Answer)
        .outerjoin(Answer, Answer.quiz_item_id == QuizItem.id)
        .where(QuizItem.quiz_id == quiz.id)
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
            _count_where(Answer.correct.is_(True)).label("correct"),
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
    if kind == "article" and ref and ref.isascii() and ref.isdigit():
        article = session.get(Article, int(ref))
        return f"Article: {article.title}" if article else "An article"
    if kind == "set" and ref and ref.isascii() and ref.isdigit():
        s = session.get(StudySet, int(ref))
        return f"Set: {s.title}" if s else "A study set"
    if kind == "kind" and ref:
        return f"Facts of kind: {ref}"
    if kind == "retry":
        return f"Retry of quiz #{ref}"
    return qz.SCOPE_LABELS.get(kind, kind)


def article_choices(session: Session) -> list[tuple[int, str]]:
    return [
        (a.id, a.title)
        for a in session.execute(
            select(Article.id, Article.title).where(Article.retired_at.is_(None)).order_by(Article.title)
        )
    ]


def set_choices(session: Session, user: User) -> list[tuple[int, str]]:
    """Sets the user may quiz on (own, public published, assigned to their classes)."""
    assigned = (
        select(Assignment.set_id)
        .join(Membership, Membership.class_id == Assignment.class_id)
        .where(Membership.user_id == user.id)
    )
    return [
        (s.id, s.title)
        for s in session.execute(
            select(StudySet.id, StudySet.title)
            .where(
                or_(
                    StudySet.owner_id == user.id,
                    and_(StudySet.published.is_(True), StudySet.visibility == "public"),
                    StudySet.id.in_(assigned),
                )
            )
            .order_by(StudySet.title)
            .limit(200)
        )
    ]


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


# ==============================================================================================
# Flashcards
# ==============================================================================================
# The front of a card is a question that asks for the fact itself, preferring typed recall.
FRONT_TYPES = ("short_answer", "cloze", "multiple_choice")


def _has_front():
    # Not a correlated EXISTS: for each fact, SQLite would walk every front-type question. The facts
    # that have a front question are one small set, worked out once per statement.
    return Fact.id.in_(
        select(question_fact.c.fact_id)
        .join(Question, Question.id == question_fact.c.question_id)
        .where(Question.type.in_(FRONT_TYPES), Question.retired_at.is_(None), Question.origin == "generated")
    )


@dataclass(frozen=True)
class Deck:
    """Which facts a review session draws from: ``all``, one ``article`` or one ``kind``."""

    kind: str = "all"
    ref: str | None = None

    @property
    def key(self) -> str:
        return self.kind if self.kind == "all" else f"{self.kind}:{self.ref}"


def parse_deck(session: Session, key: str | None) -> Deck:
    """``"all"``, ``"article:<id>"`` or ``"kind:<kind>"``; anything else raises ``ScopeNotFound``."""
    key = (key or "all").strip()
    if key == "all":
        return Deck()
    kind, _, ref = key.partition(":")
    if kind == "article":
        return Deck("article", str(live_article(session, ref).id))
    if kind == "kind" and ref in FACT_KINDS:
        return Deck("kind", ref)
    raise ScopeNotFound("There is no such deck.")


def deck_label(session: Session, deck: Deck) -> str:
    if deck.kind == "article":
        article = session.get(Article, int(deck.ref))
        return article.title if article else "An article"
    if deck.kind == "kind":
        return {"date": "Dates", "leader": "Leaders", "mechanism": "Mechanisms", "goal": "Goals"}.get(
            deck.ref or "", deck.ref or ""
        )
    return "All facts"


def _deck_filter(deck: Deck, *, bound: bool = True):
    """Live facts of the deck that have a front question. ``bound=False`` leaves the deck's
    reference as the ``deck_ref`` parameter, for statements built once and reused."""
    conds = [Fact.retired_at.is_(None), _has_front()]
    if deck.kind == "article":
        ref = bindparam("deck_ref", int(deck.ref) if bound else None)
        conds.append(Fact.id.in_(select(FactSource.fact_id).where(FactSource.article_id == ref)))
    elif deck.kind == "kind":
        conds.append(Fact.kind == bindparam("deck_ref", deck.ref if bound else None))
    return and_(*conds)


def _deck_ref(deck: Deck) -> int | str | None:
    return int(deck.ref) if deck.kind == "article" else deck.ref


def _card_join(user_id: int | None):
    """Card of the fact for the user (``user_id=None``: the ``card_user`` parameter, bound later)."""
    return and_(Card.fact_id == Fact.id, Card.user_id == bindparam("card_user", user_id))


def _reader(session: Session):
    """The session's connection, for aggregate reads that load no ORM objects: the dashboard runs a
    dozen of them, and going through the ORM's ``execute`` costs more than the queries do."""
    return session.connection()


def card_state(card: Card | CardRow | None) -> CardState:
    if card is None:
        return CardState()
    return CardState(card.state, card.step, card.stability, card.difficulty, card.due, card.last_review)


SCHEDULE_COLUMNS = ("state", "step", "stability", "difficulty", "due", "last_review")


def _schedule_values(st: CardState, now: datetime) -> dict[str, Any]:
    """A card's columns for the scheduling state ``st`` (a new card is due at once)."""
    values = (st.state, st.step, st.stability, st.difficulty, st.due or now, st.last_review)
    return dict(zip(SCHEDULE_COLUMNS, values, strict=True))


def _apply(card: Card, st: CardState, now: datetime) -> None:
    for name, value in _schedule_values(st, now).items():
        setattr(card, name, value)


def card_version(card: Card | CardRow | None) -> str:
    """Changes with every review (and back on undo): a rating form carries it to detect staleness."""
    if card is None or card.last_review is None:
        return "new"
    return card.last_review.isoformat()


@dataclass(frozen=True)
class DayCounts:
    new_done: int  # new cards introduced today (first scheduled review)
    reviews_done: int  # scheduled reviews of review-state cards today
    total_done: int  # every review and cram today


def day_counts(session: Session, user: User, day_start: datetime) -> DayCounts:
    row = _reader(session).execute(_day_counts_stmt(), {"user_id": user.id, "day_start": day_start}).one()
    return DayCounts(int(row[0]), int(row[1]), int(row[2]))


@cache
def _day_counts_stmt():
    is_review = ReviewLog.kind == "review"
    return select(
        _count_where(is_review, ReviewLog.card_state == NEW),
        _count_where(is_review, ReviewLog.card_state == REVIEW),
        func.count(),
    ).where(
        ReviewLog.user_id == bindparam("user_id"),
        ReviewLog.reviewed_at >= bindparam("day_start"),
        ReviewLog.kind.in_(("review", "cram")),
    )


@dataclass(frozen=True)
class QueueCounts:
    learning: int  # learning/relearning cards due now
    review: int  # review cards due today (before the limit)
    new: int  # facts not yet studied (before the limit)
    new_today: int  # new cards that may still be introduced today
    review_today: int  # review cards that may still be shown today

    @property
    def due_now(self) -> int:
        return self.learning + self.review_today

    @property
    def total(self) -> int:
        return self.learning + self.review_today + self.new_today


def _queue_columns(now: datetime, day_end: datetime):
    return (
        _count_where(Card.state.in_((1, 3)), Card.due <= now).label("learning"),
        _count_where(Card.state == REVIEW, Card.due < day_end).label("review"),
        _count_where(or_(Card.id.is_(None), Card.state == NEW)).label("new"),
    )


def _not_suspended():
    return or_(Card.suspended.is_(None), Card.suspended.is_(False))


def _limited(user: User, done: DayCounts, learning: int, review: int, new: int) -> QueueCounts:
    return QueueCounts(
        learning=learning,
        review=review,
        new=new,
        new_today=max(0, min(new, user.new_cards_per_day - done.new_done)),
        review_today=max(0, min(review, user.reviews_per_day - done.reviews_done)),
    )


def queue_counts(
    session: Session, user: User, deck: Deck, *, now: datetime, day_start: datetime, day_end: datetime
) -> QueueCounts:
    """How many cards the deck has due now / today / new, and how many the day limits still allow."""
    params = {"card_user": user.id, "deck_ref": _deck_ref(deck), "now": now, "day_end": day_end}
    row = _reader(session).execute(_queue_counts_stmt(deck.kind), params).one()
    return _limited(user, day_counts(session, user, day_start), int(row[0]), int(row[1]), int(row[2]))


@cache
def _queue_counts_stmt(deck_kind: str):
    # Built once per deck kind (see ``_due_card_stmt``): the review page and dashboard show it.
    return (
        select(*_queue_columns(bindparam("now"), bindparam("day_end")))
        .select_from(Fact)
        .outerjoin(Card, _card_join(None))
        .where(_deck_filter(Deck(deck_kind), bound=False), _not_suspended())
    )


@dataclass(frozen=True)
class DeckRow:
    deck: Deck
    label: str
    counts: QueueCounts
    facts: int


def deck_overview(
    session: Session, user: User, *, now: datetime, day_start: datetime, day_end: datetime
) -> list[DeckRow]:
    """Every deck (all, each kind, each article) with its counts: three grouped queries."""
    done = day_counts(session, user, day_start)
    cols = _queue_columns(now, day_end)
    base = (
        select(*cols, func.count(Fact.id))
        .select_from(Fact)
        .outerjoin(Card, _card_join(user.id))
        .where(_deck_filter(Deck()), _not_suspended())
    )
    rows: list[DeckRow] = []
    total = session.execute(base).one()
    rows.append(DeckRow(Deck(), "All facts", _limited(user, done, *map(int, total[:3])), int(total[3])))
    labels = {"date": "Dates", "leader": "Leaders", "mechanism": "Mechanisms", "goal": "Goals"}
    by_kind = {
        r[0]: r[1:]
        for r in session.execute(
            select(Fact.kind, *cols, func.count(Fact.id))
            .select_from(Fact)
            .outerjoin(Card, _card_join(user.id))
            .where(_deck_filter(Deck()), _not_suspended())
            .group_by(Fact.kind)
        )
    }
    for kind in FACT_KINDS:
        if kind in by_kind:
            r = by_kind[kind]
            rows.append(DeckRow(Deck("kind", kind), labels[kind], _limited(user, done, *map(int, r[:3])), int(r[3])))
    pairs = select(FactSource.article_id, FactSource.fact_id).distinct().subquery()
    by_article = session.execute(
        select(Article.id, Article.title, *cols, func.count(Fact.id))
        .select_from(pairs)
        .join(Article, Article.id == pairs.c.article_id)
        .join(Fact, Fact.id == pairs.c.fact_id)
        .outerjoin(Card, _card_join(user.id))
        .where(Article.retired_at.is_(None), _deck_filter(Deck()), _not_suspended())
        .group_by(Article.id, Article.title)
        .order_by(Article.title)
    ).all()
    for r in by_article:
        rows.append(
            DeckRow(Deck("article", str(r[0])), r[1], _limited(user, done, *map(int, r[2:5])), int(r[5]))
        )
    return rows


@dataclass
class Flashcard:
    """What the review page shows for one fact."""

    fact: Fact
    card: Card | None
    front: str
    question_type: str
    answer: str
    explanation: str
    source: dict | None  # {"text", "article_id", "article_title", "sentence_idx"}

    @property
    def state(self) -> int:
        return self.card.state if self.card else NEW

    @property
    def version(self) -> str:
        return card_version(self.card)


def _front_candidates(*columns):
    """The fact's questions that can be a card's front (``fact_id`` bound at execution)."""
    return (
        select(Question, *columns)
        .join(question_fact, question_fact.c.question_id == Question.id)
        .where(
            question_fact.c.fact_id == bindparam("fact_id"),
            Question.type.in_(FRONT_TYPES),
            Question.retired_at.is_(None),
            Question.origin == "generated",
        )
        .order_by(Question.id)
        .options(lazyload(Question.facts))  # the card already knows its fact; load only if asked
    )


def _pick_front(questions: Sequence[Question], preferred_id: int | None) -> Question | None:
    for q in questions:
        if q.id == preferred_id:
            return q
    return min(questions, key=lambda q: FRONT_TYPES.index(q.type), default=None)


@cache
def _flashcard_stmt():
    # Each front candidate comes with the fact's first live source, so showing a card is one
    # statement; built once, because composing it costs about as much as running it.
    first_source = (
        select(FactSource.id)
        .join(Article, Article.id == FactSource.article_id)
        .where(FactSource.fact_id == bindparam("fact_id"), Article.retired_at.is_(None))
        .order_by(FactSource.id)
        .limit(1)
        .scalar_subquery()
    )
    return (
        _front_candidates(FactSource.text, FactSource.article_id, Article.title, Sentence.idx)
        .outerjoin(FactSource, FactSource.id == first_source)
        .outerjoin(Article, Article.id == FactSource.article_id)
        .outerjoin(Sentence, Sentence.id == FactSource.sentence_id)
    )


def flashcard(session: Session, user: User, fact: Fact, card: Card | None) -> Flashcard | None:
    """Front, back and source of the card for ``fact`` (None when the fact has no usable question)."""
    rows = session.execute(_flashcard_stmt(), {"fact_id": fact.id}).all()
    q = _pick_front([r[0] for r in rows], card.question_id if card else None)
    if q is None:
        return None
    src = rows[0][1:]
    source = (
        {"text": src[0], "article_id": src[1], "article_title": src[2], "sentence_idx": src[3]}
        if src[1] is not None
        else None
    )
    front = q.prompt
    return Flashcard(
        fact=fact,
        card=card,
        front=front,
        question_type=q.type,
        answer=q.answer if q.type != "multiple_choice" else q.answer,
        explanation=q.explanation or fact.statement,
        source=source,
    )


def next_card(
    session: Session,
    user: User,
    deck: Deck,
    *,
    now: datetime,
    day_start: datetime,
    day_end: datetime,
    cram: bool = False,
    cram_since: datetime | None = None,
    focus: int | None = None,
) -> Flashcard | None:
    """The next card to show, or None when the deck is done for today.

    Order: a ``focus`` fact when it is eligible (the card just undone), then learning and
    relearning cards that are due, then review cards due today (while under the reviews/day
    limit), then new facts (while under the new cards/day limit). Cram ("review ahead") takes
    studied cards by due date, each once per cram session, regardless of limits.
    """
    if cram:
        stmt = (select(Fact, Card).join(Card, _card_join(user.id))
                .where(_deck_filter(deck), _not_suspended(), Card.state != NEW))
        if cram_since is not None:
            stmt = stmt.where(
                ~exists().where(
                    ReviewLog.card_id == Card.id, ReviewLog.kind == "cram", ReviewLog.reviewed_at >= cram_since
                )
            )
        if focus:
            hit = session.execute(stmt.where(Fact.id == focus)).first()
            if hit:
                return flashcard(session, user, hit[0], hit[1])
        row = session.execute(stmt.order_by(Card.due, Card.id).limit(1)).first()
        return flashcard(session, user, row[0], row[1]) if row else None

    done = day_counts(session, user, day_start)
    may_review = done.reviews_done < user.reviews_per_day
    may_new = done.new_done < user.new_cards_per_day
    if focus:
        hit = session.execute(
            select(Fact, Card)
            .outerjoin(Card, _card_join(user.id))
            .where(_deck_filter(deck), _not_suspended(), Fact.id == focus)
        ).first()
        if hit:
            fact, card = hit
            st = card.state if card else NEW
            due_ok = card is not None and (
                (st in (1, 3) and card.due <= now) or (st == REVIEW and card.due < day_end and may_review)
            )
            if due_ok or (st == NEW and may_new):
                return flashcard(session, user, fact, card)
    params = {"card_user": user.id, "deck_ref": _deck_ref(deck), "now": now, "day_end": day_end}
    row = session.execute(_due_card_stmt(deck.kind, may_review), params).first()
    if row is None and may_new:
        row = session.execute(_new_card_stmt(deck.kind), params).first()
    return flashcard(session, user, row[0], row[1]) if row else None


# The review queue's statements are built once per deck kind: showing the next card is the most
# frequent read, and composing these statements cost more than running them.
@cache
def _due_card_stmt(deck_kind: str, with_review: bool):
    """Learning cards due now, then (under the reviews/day limit) review cards due today, in one
    statement: both are the user's cards due before the day ends, a short index range."""
    learning_due = and_(Card.state.in_((1, 3)), Card.due <= bindparam("now"))
    return (
        select(Fact, Card)
        .join(Card, _card_join(None))
        .where(
            _deck_filter(Deck(deck_kind), bound=False),
            _not_suspended(),
            Card.due < bindparam("day_end"),
            or_(learning_due, Card.state == REVIEW) if with_review else learning_due,
        )
        .order_by(case((Card.state == REVIEW, 1), else_=0), Card.due, Card.id)
        .limit(1)
    )


@cache
def _new_card_stmt(deck_kind: str):
    return (
        select(Fact, Card)
        .outerjoin(Card, _card_join(None))
        .where(_deck_filter(Deck(deck_kind), bound=False), _not_suspended(), or_(Card.id.is_(None), Card.state == NEW))
        .order_by(Fact.id)
        .limit(1)
    )


def next_due(session: Session, user: User, deck: Deck, *, after: datetime) -> datetime | None:
    """When the next studied card of the deck falls due after ``after``."""
    return session.scalar(
        select(func.min(Card.due))
        .select_from(Fact)
        .join(Card, _card_join(user.id))
        .where(_deck_filter(deck), _not_suspended(), Card.state != NEW, Card.due > after)
    )


def preview_intervals(card: Card | None, now: datetime, scheduler: StudyScheduler) -> dict[int, Any]:
    seed = card_seed(card.id, card.last_review) if card is not None else "new"
    return scheduler.preview(card_state(card), now, seed=seed)


@dataclass
class ReviewOutcome:
    log: ReviewLog
    card: CardRow  # as the rating left it
    created: bool  # False: the same rating form was submitted before; nothing new recorded


def review_card(
    session: Session,
    user: User,
    fact_id: int,
    rating: int,
    *,
    kind: str = "review",
    now: datetime | None = None,
    duration_ms: int | None = None,
    client_token: str | None = None,
    seen: str | None = None,
    scheduler: StudyScheduler | None = None,
) -> ReviewOutcome:
    """Record a rating of the card for ``fact_id`` and (for ``kind="review"``) reschedule it.

    ``cram`` logs the rating without touching the schedule. ``client_token`` makes a resubmitted
    form a no-op that returns the first result; ``seen`` (the card version the page showed)
    rejects a rating of a card that changed meanwhile with ``StaleCard``.
    """
    now = now or utcnow()
    scheduler = scheduler or StudyScheduler()
    if kind not in ("review", "cram"):
        raise StudyError("Unknown review kind.")
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        raise StudyError("Choose Again, Hard, Good or Easy.") from None
    if rating not in RATINGS:
        raise StudyError("Choose Again, Hard, Good or Easy.")
    if client_token and len(client_token) > 64:
        raise StudyError("The form was not valid; reload the page.")
    token = client_token or None
    return _review_once(session, user, fact_id, rating, kind, now, duration_ms, token, seen, scheduler)


def _review_once(
    session: Session, user: User, fact_id: int, rating: int, kind: str, now: datetime, duration_ms: int | None,
    token: str | None, seen: str | None, scheduler: StudyScheduler,
) -> ReviewOutcome:
    # The common case in one plain statement: the card (locked on PostgreSQL, so two tabs rating
    # it take turns), whether its fact is retired, and whether this form was already submitted.
    session.flush()  # plain statements from here on: the caller's pending changes go first
    conn = session.connection()
    params = {"user_id": user.id, "fact_id": fact_id, "token": token}
    row = _RATING.first(conn, params)
    card = CardRow(*row[: len(_CARD_COLUMNS)]) if row is not None else None
    if row is None:  # not studied yet
        row = _UNSTUDIED.first(conn, params)
    prior_id, fact_exists, retired_at = row[-3:]
    if prior_id is not None:
        return _resubmitted(session, user, session.get(ReviewLog, prior_id))
    if not fact_exists or retired_at is not None:
        raise ScopeNotFound("There is no such card.")
    if card is None:
        card = _review_card_row(conn, user.id, fact_id, now, missing=True)
    if seen is not None and seen != card_version(card):
        raise StaleCard("That card was already answered (in another tab?). Here is the next one.")
    before = card_state(card)
    after = scheduler.review(before, rating, now, seed=card_seed(card.id, card.last_review)) if kind == "review" else None
    log = dict(card_id=card.id, user_id=user.id, rating=rating, reviewed_at=now, duration_ms=duration_ms, kind=kind,
               state_before=before.to_json(), card_state=before.state, client_token=token)
    try:
        log_id = _insert_stmt(ReviewLog, tuple(log)).scalar(conn, log)
    except IntegrityError:
        # The same form won a race with us. Undo everything (a card this request created too:
        # the winner created it as well) and answer with the stored result.
        session.rollback()
        prior = session.scalar(select(ReviewLog).where(ReviewLog.client_token == token)) if token else None
        if prior is None:
            raise
        return _resubmitted(session, user, prior)
    if after is not None:
        _store_schedule(session, conn, card, after, now)
    return ReviewOutcome(ReviewLog(id=log_id, **log), card, True)


def _prior_rating():
    return select(ReviewLog.id).where(ReviewLog.client_token == bindparam("token")).scalar_subquery()


def _rating_stmt(_dialect: str):
    card, fact = Card.__table__, Fact.__table__
    return (
        select(*(card.c[n] for n in _CARD_COLUMNS), _prior_rating(), fact.c.id, fact.c.retired_at)
        .join_from(card, fact, fact.c.id == card.c.fact_id)
        .where(card.c.user_id == bindparam("user_id"), card.c.fact_id == bindparam("fact_id"))
        .with_for_update(of=card)
    )


_RATING = Prepared(_rating_stmt)


def _unstudied_stmt(_dialect: str):
    """For a fact the user has no card for: (the rating's earlier log, the fact, when it was retired)."""
    fact = Fact.__table__
    this_fact = fact.c.id == bindparam("fact_id")
    return select(
        _prior_rating(),
        select(fact.c.id).where(this_fact).scalar_subquery(),
        select(fact.c.retired_at).where(this_fact).scalar_subquery(),
    )


_UNSTUDIED = Prepared(_unstudied_stmt)


def _resubmitted(session: Session, user: User, prior: ReviewLog) -> ReviewOutcome:
    """The outcome of a rating form submitted before: the stored log, nothing new."""
    if prior.user_id != user.id:
        raise StudyError("The form was not valid; reload the page.")
    card = session.get(Card, prior.card_id)
    return ReviewOutcome(prior, CardRow(*(getattr(card, n) for n in _CARD_COLUMNS)), False)


@dataclass
class UndoOutcome:
    card: Card
    fact_id: int
    kind: str
    rating: int


def last_undoable(session: Session, user: User) -> ReviewLog | None:
    return session.scalar(
        select(ReviewLog)
        .where(ReviewLog.user_id == user.id, ReviewLog.kind.in_(("review", "cram")))
        .order_by(ReviewLog.reviewed_at.desc(), ReviewLog.id.desc())
        .limit(1)
    )


def undo_last_review(session: Session, user: User) -> UndoOutcome:
    """Undo the user's latest review or cram rating: the card gets back exactly its earlier
    columns and the log row is deleted. Refused when the card was reviewed again since (by a quiz
    answer), because restoring would silently drop that later review."""
    log = last_undoable(session, user)
    if log is None:
        raise StudyError("There is no review to undo.")
    later = session.scalar(
        select(func.count())
        .select_from(ReviewLog)
        .where(
            ReviewLog.card_id == log.card_id,
            ReviewLog.id != log.id,
            or_(
                ReviewLog.reviewed_at > log.reviewed_at,
                and_(ReviewLog.reviewed_at == log.reviewed_at, ReviewLog.id > log.id),
            ),
        )
    )
    if later:
        raise StudyError("That card has been reviewed again since (in a quiz), so this review can't be undone.")
    card = session.get(Card, log.card_id)
    if log.state_before:
        before = CardState.from_json(log.state_before)
        _apply(card, before, before.due or card.created_at)
    outcome = UndoOutcome(card, card.fact_id, log.kind, log.rating)
    session.delete(log)
    session.flush()
    return outcome


# ==============================================================================================
# Progress aggregates (grouped SQL; the arithmetic lives in ``progress``)
# ==============================================================================================
def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _hour_bucket(dialect: str, col):
    """"YYYY-MM-DD HH" of a UTC timestamp column, on SQLite and PostgreSQL."""
    if dialect == "postgresql":
        return func.to_char(col, "YYYY-MM-DD HH24")
    return func.strftime("%Y-%m-%d %H", col)


def _day(dialect: str, col):
    if dialect == "postgresql":
        return func.to_char(col, "YYYY-MM-DD")
    return func.strftime("%Y-%m-%d", col)


# The dashboard runs a dozen grouped queries. Composing each statement (and computing its cache
# key) cost several times what the database spends running it, so every statement below is built
# once per database dialect, with the user and dates as bound parameters ``user_id``/``since``.
@cache
def _activity_stmt(dialect: str):
    rb = _hour_bucket(dialect, ReviewLog.reviewed_at)
    ab = _hour_bucket(dialect, Answer.created_at)
    reviews = (
        select(rb, func.count())
        .where(ReviewLog.user_id == bindparam("user_id"), ReviewLog.reviewed_at >= bindparam("since"),
               ReviewLog.kind.in_(("review", "cram")))
        .group_by(rb)
    )
    answers = (
        select(ab, func.count())
        .where(Answer.user_id == bindparam("user_id"), Answer.created_at >= bindparam("since"))
        .group_by(ab)
    )
    return union_all(reviews, answers)


def activity_by_hour(session: Session, user: User, since: datetime) -> list[tuple[str, int]]:
    """Flashcard ratings plus quiz answers per UTC hour since ``since`` (an hour can come twice,
    once from each; the caller sums)."""
    rows = _reader(session).execute(_activity_stmt(_dialect(session)), {"user_id": user.id, "since": since})
    return [(str(b), int(n)) for b, n in rows]


@cache
def _due_dates_stmt():
    return (
        select(Card.due)
        .join(Fact, Fact.id == Card.fact_id)
        .where(Card.user_id == bindparam("user_id"), Card.state != NEW, Fact.retired_at.is_(None),
               _not_suspended(), Card.due < bindparam("until"))
    )


def due_dates(session: Session, user: User, until: datetime) -> list[datetime]:
    """Due times of the user's studied, live cards falling due before ``until`` (one column)."""
    return list(_reader(session).scalars(_due_dates_stmt(), {"user_id": user.id, "until": until}))


@cache
def _card_state_counts_stmt():
    return (
        select(Card.state, func.count())
        .join(Fact, Fact.id == Card.fact_id)
        .where(Card.user_id == bindparam("user_id"), Fact.retired_at.is_(None))
        .group_by(Card.state)
    )


def card_state_counts(session: Session, user: User) -> dict[int, int]:
    return {int(s): int(n) for s, n in _reader(session).execute(_card_state_counts_stmt(), {"user_id": user.id})}


@cache
def _retention_stmt():
    recent, passed = ReviewLog.reviewed_at >= bindparam("since"), ReviewLog.rating >= 2
    return select(
        _count_where(recent, passed), _count_where(recent), _count_where(passed), func.count()
    ).where(
        ReviewLog.user_id == bindparam("user_id"), ReviewLog.kind == "review", ReviewLog.card_state == REVIEW)


def retention_counts(session: Session, user: User, since: datetime) -> tuple[tuple[int, int], tuple[int, int]]:
    """True retention inputs since ``since`` and over all time, in one pass: scheduled reviews of
    review-state cards, and how many were recalled (rated Hard or better). Learning steps, cram and
    quiz-counted reviews are left out."""
    row = _reader(session).execute(_retention_stmt(), {"user_id": user.id, "since": since}).one()
    passed_since, total_since, passed, total = map(int, row)
    return (passed_since, total_since), (passed, total)


def _correct_sum():
    return _count_where(Answer.correct.is_(True))


@cache
def _accuracy_by_kind_stmt(dialect: str):
    pq = _per_question(dialect)  # defined below; per question first, as for articles
    return (
        select(pq.c.day, Question.fact_kind, func.sum(pq.c.answers), func.sum(pq.c.right))
        .select_from(pq)
        .join(Question, Question.id == pq.c.question_id)
        .group_by(pq.c.day, Question.fact_kind)
    )


def accuracy_by_kind(session: Session, user: User, since: datetime) -> list[tuple[Any, str, int, int]]:
    """(UTC day, fact kind, answers, right) for quiz answers since ``since``."""
    rows = _reader(session).execute(_accuracy_by_kind_stmt(_dialect(session)), {"user_id": user.id, "since": since})
    return [(d, k or "other", int(t), int(c)) for d, k, t, c in rows]


def _per_question(dialect: str | None):
    """The user's answers counted per question (and per UTC day when ``dialect`` is given), since
    ``since`` when bound. Counting per question first keeps the join to articles small: a student's
    hundreds of answers are about a few dozen questions."""
    cols = [Answer.question_id.label("question_id")]
    if dialect:
        cols.insert(0, _day(dialect, Answer.created_at).label("day"))
    where = [Answer.user_id == bindparam("user_id")]
    if dialect:
        where.append(Answer.created_at >= bindparam("since"))
    return (
        select(*cols, func.count().label("answers"), _correct_sum().label("right"))
        .where(*where)
        .group_by(*cols)
        .cte("per_question" if dialect else "per_question_all")
    )


def _question_articles(per_question):
    """Distinct (question, article) pairs for those questions: an answer counts once for each
    article its facts come from."""
    return (
        select(question_fact.c.question_id, FactSource.article_id)
        .join(FactSource, FactSource.fact_id == question_fact.c.fact_id)
        .where(question_fact.c.question_id.in_(select(per_question.c.question_id)))
        .distinct()
        .subquery()
    )


@cache
def _accuracy_by_article_stmt(dialect: str):
    pq = _per_question(dialect)
    qa = _question_articles(pq)
    return (
        select(pq.c.day, qa.c.article_id, func.sum(pq.c.answers), func.sum(pq.c.right))
        .select_from(pq)
        .join(qa, qa.c.question_id == pq.c.question_id)
        .group_by(pq.c.day, qa.c.article_id)
    )


def accuracy_by_article(session: Session, user: User, since: datetime) -> list[tuple[Any, int, int, int]]:
    """(UTC day, article id, answers, right) for quiz answers since ``since``."""
    rows = _reader(session).execute(_accuracy_by_article_stmt(_dialect(session)), {"user_id": user.id, "since": since})
    return [(d, int(a), int(t), int(c)) for d, a, t, c in rows]


@cache
def _article_totals_stmt():
    pq = _per_question(None)
    qa = _question_articles(pq)
    answers = func.sum(pq.c.answers)
    return (
        select(qa.c.article_id, Article.title, answers, func.sum(pq.c.right))
        .select_from(pq)
        .join(qa, qa.c.question_id == pq.c.question_id)
        .join(Article, Article.id == qa.c.article_id)
        .where(Article.retired_at.is_(None))
        .group_by(qa.c.article_id, Article.title)
        .order_by(answers.desc(), Article.title)
    )


def article_totals(session: Session, user: User) -> list[tuple[int, str, int, int]]:
    """(article id, title, answers, right) over all time, most answered first."""
    rows = _reader(session).execute(_article_totals_stmt(), {"user_id": user.id})
    return [(int(a), title, int(t), int(c)) for a, title, t, c in rows]


def _single_fact_questions():
    return select(question_fact.c.question_id).group_by(question_fact.c.question_id).having(func.count() == 1)


@cache
def _fact_attempts_stmt():
    answers = (
        select(literal(0), question_fact.c.fact_id, func.count(),
               _count_where(Answer.correct.is_(False)))
        .select_from(Answer)
        .join(question_fact, question_fact.c.question_id == Answer.question_id)
        .join(Fact, Fact.id == question_fact.c.fact_id)
        # Only questions about one fact: a wrong matching pair says little about each of its facts.
        .where(Answer.user_id == bindparam("user_id"), Fact.retired_at.is_(None),
               Answer.question_id.in_(_single_fact_questions()))
        .group_by(question_fact.c.fact_id)
    )
    # Ratings are counted per card first, from the user's covering index alone; only then joined
    # to the (few) cards and facts. Joining first let SQLite walk the user's cards and, for each,
    # every one of the user's ratings. Quiz-counted reviews are already in the answers above.
    per_card = (
        select(ReviewLog.card_id.label("card_id"), func.count().label("n"),
               _count_where(ReviewLog.rating == 1).label("again"))
        .where(ReviewLog.user_id == bindparam("user_id"), ReviewLog.kind.in_(("review", "cram")))
        .group_by(ReviewLog.card_id)
        .cte("per_card")
    )
    reviews = (
        select(literal(1), Card.fact_id, func.sum(per_card.c.n), func.coalesce(func.sum(per_card.c.again), 0))
        .select_from(per_card)
        .join(Card, Card.id == per_card.c.card_id)
        .join(Fact, Fact.id == Card.fact_id)
        # Card.user_id: redundant for the result, but without it PostgreSQL scans every card.
        .where(Card.user_id == bindparam("user_id"), Fact.retired_at.is_(None))
        .group_by(Card.fact_id)
    )
    return union_all(answers, reviews)


def fact_attempts(session: Session, user: User) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """Per live fact: (fact id, attempts, failures) from quiz answers and from flashcard ratings
    (one statement; the first column says which)."""
    out: tuple[list, list] = ([], [])
    for source, *row in _reader(session).execute(_fact_attempts_stmt(), {"user_id": user.id}):
        out[int(source)].append(tuple(map(int, row)))
    return out


@cache
def _fact_summaries_stmt():
    return select(Fact.id, Fact.kind, Fact.statement).where(Fact.id.in_(bindparam("ids", expanding=True)))


def fact_summaries(session: Session, ids: Sequence[int]) -> dict[int, Any]:
    """Id, kind and statement of each fact (rows, not objects: lists show nothing else)."""
    if not ids:
        return {}
    rows = _reader(session).execute(_fact_summaries_stmt(), {"ids": list(ids)})
    return {row.id: row for row in rows}


@cache
def _history_fingerprint_stmt():
    def of(*columns, where):
        return select(*columns).where(where).scalar_subquery()

    mine_logs = ReviewLog.user_id == bindparam("user_id")
    mine_answers = Answer.user_id == bindparam("user_id")
    return select(
        of(func.count(), where=mine_logs), of(func.max(ReviewLog.reviewed_at), where=mine_logs),
        of(func.count(), where=mine_answers), of(func.max(Answer.created_at), where=mine_answers),
        of(func.count(), where=Card.user_id == bindparam("user_id")),
    )


def history_fingerprint(session: Session, user: User) -> tuple:
    """Changes whenever the student's own study data changes: a snapshot key for their dashboard.

    Ratings and answers are only ever added with the time of the request, or taken back (undo
    deletes one rating, and the card's schedule goes back with it). So for each of the two, the
    count changes on an addition or a deletion, and the latest time on a deletion followed by an
    addition. A card's schedule only moves with a rating added or taken back, and new cards are
    counted. One statement over the user's index ranges.
    """
    row = _reader(session).execute(_history_fingerprint_stmt(), {"user_id": user.id}).one()
    return tuple(str(v) if isinstance(v, datetime) else v for v in row)


def question_ids_for_facts(session: Session, fact_ids: Sequence[int]) -> list[int]:
    """Live bank questions about these facts (for a "study these" quiz)."""
    if not fact_ids:
        return []
    return list(
        session.scalars(
            select(Question.id)
            .join(question_fact, question_fact.c.question_id == Question.id)
            .where(question_fact.c.fact_id.in_(list(fact_ids)), _bank_filter())
            .distinct()
            .order_by(Question.id)
        )
    )
