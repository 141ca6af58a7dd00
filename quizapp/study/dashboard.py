"""The progress pages' reads: grouped SQL over a student's answers, ratings and cards (activity by
hour, due dates, card states, retention, accuracy by kind and by article, attempts per fact, and the
fingerprint that keys a dashboard's snapshot). The arithmetic on these rows lives in ``progress``.

The dashboard runs a dozen of them, so each statement is built once (per dialect where its SQL
differs, see ``sql``) and runs on the session's connection rather than through the ORM.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import bindparam, func, literal, select, union_all
from sqlalchemy.orm import Session

from ..collections.access import visible
from ..models import (
    Answer,
    Article,
    Card,
    Fact,
    FactSource,
    Question,
    ReviewLog,
    User,
    question_fact,
)
from . import sql
from .scheduler import NEW, REVIEW
from .scope import not_suspended
from .sql import count_where, reader


# The dashboard runs a dozen grouped queries. Composing each statement (and computing its cache
# key) cost several times what the database spends running it, so every statement below is built
# once per database dialect, with the user and dates as bound parameters ``user_id``/``since``.
@cache
def _activity_stmt(dialect: str):
    rb = sql.hour_bucket(dialect, ReviewLog.reviewed_at)
    ab = sql.hour_bucket(dialect, Answer.created_at)
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
    rows = reader(session).execute(_activity_stmt(sql.dialect(session)), {"user_id": user.id, "since": since})
    return [(str(b), int(n)) for b, n in rows]


@cache
def _due_dates_stmt():
    return (
        select(Card.due)
        .join(Fact, Fact.id == Card.fact_id)
        .where(Card.user_id == bindparam("user_id"), Card.state != NEW, Fact.retired_at.is_(None),
               not_suspended(), Card.due < bindparam("until"))
    )


def due_dates(session: Session, user: User, until: datetime) -> list[datetime]:
    """Due times of the user's studied, live cards falling due before ``until`` (one column)."""
    return list(reader(session).scalars(_due_dates_stmt(), {"user_id": user.id, "until": until}))


@cache
def _card_state_counts_stmt():
    return (
        select(Card.state, func.count())
        .join(Fact, Fact.id == Card.fact_id)
        .where(Card.user_id == bindparam("user_id"), Fact.retired_at.is_(None))
        .group_by(Card.state)
    )


def card_state_counts(session: Session, user: User) -> dict[int, int]:
    return {int(s): int(n) for s, n in reader(session).execute(_card_state_counts_stmt(), {"user_id": user.id})}


@cache
def _retention_stmt():
    recent, passed = ReviewLog.reviewed_at >= bindparam("since"), ReviewLog.rating >= 2
    return select(
        count_where(recent, passed), count_where(recent), count_where(passed), func.count()
    ).where(
        ReviewLog.user_id == bindparam("user_id"), ReviewLog.kind == "review", ReviewLog.card_state == REVIEW)


def retention_counts(session: Session, user: User, since: datetime) -> tuple[tuple[int, int], tuple[int, int]]:
    """True retention inputs since ``since`` and over all time, in one pass: scheduled reviews of
    review-state cards, and how many were recalled (rated Hard or better). Learning steps, cram and
    quiz-counted reviews are left out."""
    row = reader(session).execute(_retention_stmt(), {"user_id": user.id, "since": since}).one()
    passed_since, total_since, passed, total = map(int, row)
    return (passed_since, total_since), (passed, total)


def _correct_sum():
    return count_where(Answer.correct.is_(True))


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
    rows = reader(session).execute(_accuracy_by_kind_stmt(sql.dialect(session)), {"user_id": user.id, "since": since})
    return [(d, k or "other", int(t), int(c)) for d, k, t, c in rows]


def _per_question(dialect: str | None):
    """The user's answers counted per question (and per UTC day when ``dialect`` is given), since
    ``since`` when bound. Counting per question first keeps the join to articles small: a student's
    hundreds of answers are about a few dozen questions."""
    cols = [Answer.question_id.label("question_id")]
    if dialect:
        cols.insert(0, sql.day(dialect, Answer.created_at).label("day"))
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
    rows = reader(session).execute(_accuracy_by_article_stmt(sql.dialect(session)), {"user_id": user.id, "since": since})
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
    rows = reader(session).execute(_article_totals_stmt(), {"user_id": user.id})
    return [(int(a), title, int(t), int(c)) for a, title, t, c in rows]


def _single_fact_questions():
    return select(question_fact.c.question_id).group_by(question_fact.c.question_id).having(func.count() == 1)


@cache
def _fact_attempts_stmt():
    answers = (
        select(literal(0), question_fact.c.fact_id, func.count(),
               count_where(Answer.correct.is_(False)))
        .select_from(Answer)
        .join(question_fact, question_fact.c.question_id == Answer.question_id)
        .join(Fact, Fact.id == question_fact.c.fact_id)
        # Only questions about one fact: a wrong matching pair says little about each of its facts.
        .where(Answer.user_id == bindparam("user_id"), Fact.retired_at.is_(None),
               Answer.question_id.in_(_single_fact_questions()),
               visible(Fact.collection_id, user_id=bindparam("user_id")))
        .group_by(question_fact.c.fact_id)
    )
    # Ratings are counted per card first, from the user's covering index alone; only then joined
    # to the (few) cards and facts. Joining first let SQLite walk the user's cards and, for each,
    # every one of the user's ratings. Quiz-counted reviews are already in the answers above.
    per_card = (
        select(ReviewLog.card_id.label("card_id"), func.count().label("n"),
               count_where(ReviewLog.rating == 1).label("again"))
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
        .where(Card.user_id == bindparam("user_id"), Fact.retired_at.is_(None),
               visible(Fact.collection_id, user_id=bindparam("user_id")))
        .group_by(Card.fact_id)
    )
    return union_all(answers, reviews)


def fact_attempts(session: Session, user: User) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """Per live fact the user may still see: (fact id, attempts, failures) from quiz answers and
    from flashcard ratings (one statement; the first column says which). A fact of a collection
    no longer shared with the user's class drops out: the dashboard lists facts by statement."""
    out: tuple[list, list] = ([], [])
    for source, *row in reader(session).execute(_fact_attempts_stmt(), {"user_id": user.id}):
        out[int(source)].append(tuple(map(int, row)))
    return out


@cache
def _fact_summaries_stmt():
    return select(Fact.id, Fact.kind, Fact.statement).where(Fact.id.in_(bindparam("ids", expanding=True)))


def fact_summaries(session: Session, ids: Sequence[int]) -> dict[int, Any]:
    """Id, kind and statement of each fact (rows, not objects: lists show nothing else)."""
    if not ids:
        return {}
    rows = reader(session).execute(_fact_summaries_stmt(), {"ids": list(ids)})
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
    row = reader(session).execute(_history_fingerprint_stmt(), {"user_id": user.id}).one()
    return tuple(str(v) if isinstance(v, datetime) else v for v in row)
