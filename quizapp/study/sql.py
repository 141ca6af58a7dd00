"""The SQL the study modules share, and the statements whose SQL differs between SQLite and
PostgreSQL, side by side.

Shared: ``count_where`` (a conditional count) and ``reader`` (the connection aggregate reads run
on). Differing: the hour and day buckets the progress pages group by (``strftime`` on SQLite,
``to_char`` on PostgreSQL); the insert that creates a card unless another request just did (each
dialect's own ``INSERT ... ON CONFLICT DO NOTHING``); and PostgreSQL's one round trip that writes an
answer with its review and counts the quiz's answers (SQLite writes them with plain inserts, in
``answers._answer``). The one other difference, how reading an item to answer locks it, stays with
that reading in ``answers._answer_target_stmt``.
"""

from __future__ import annotations

from functools import cache

from sqlalchemy import and_, bindparam, case, func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from ..models import Answer, Card, Question, ReviewLog, question_fact
from ..prepared import Prepared
from .cards import CARD_COLUMNS, SCHEDULE_COLUMNS
from .scheduler import NEW
from .scope import FRONT_TYPES


def count_where(*conditions):
    """How many rows meet all ``conditions``: 0, not NULL, when none do (or there are no rows)."""
    return func.coalesce(func.sum(case((and_(*conditions), 1), else_=0)), 0)


def reader(session: Session):
    """The session's connection, for aggregate reads that load no ORM objects: the dashboard runs a
    dozen of them, and going through the ORM's ``execute`` costs more than the queries do."""
    return session.connection()


def dialect(session: Session) -> str:
    """The name of the session's database dialect: "sqlite" or "postgresql"."""
    return session.get_bind().dialect.name


def hour_bucket(dialect: str, col):
    """"YYYY-MM-DD HH" of a UTC timestamp column, on SQLite and PostgreSQL."""
    if dialect == "postgresql":
        return func.to_char(col, "YYYY-MM-DD HH24")
    return func.strftime("%Y-%m-%d %H", col)


def day(dialect: str, col):
    if dialect == "postgresql":
        return func.to_char(col, "YYYY-MM-DD")
    return func.strftime("%Y-%m-%d", col)


def _create_card_stmt(dialect: str):
    """A new card for (user, fact), returning its ``cards.CardRow`` columns.

    Its front question is chosen in the statement as ``reviews._pick_front`` chooses without a preferred
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
    return stmt.returning(*(Card.__table__.c[n] for n in CARD_COLUMNS))


CREATE_CARD = Prepared(_create_card_stmt)


def write_answer_postgresql(conn, answer: dict, log: dict | None, schedule: dict | None) -> tuple[int, int]:
    """PostgreSQL: store an answer (and its review: the log, and the card's new schedule given as
    ``cards.schedule_params``) in one round trip, and count the quiz's answers before it. Returns
    (answer id, that count).

    The count is why it is here and not in ``answers.item_to_answer``: a statement that waited for the quiz
    row's lock sees the rest of the database as it was when it began, before the answer another tab
    was committing, while this statement begins once the lock is held. Its own insert is not among
    what it counts: the main query of a statement never sees its WITH clauses' changes.
    """
    params = {f"a_{k}": v for k, v in answer.items()}
    if log is not None:
        params.update({f"log_{k}": v for k, v in log.items()})
        params.update(schedule)  # ``cards.schedule_params``
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
