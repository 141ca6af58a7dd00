"""``quizapp.prepared``: statements run on the driver's cursor must behave as ``Connection.execute``.

Each test uses a temporary table of its own (``CREATE TEMPORARY TABLE``, on SQLite and
PostgreSQL alike), so nothing is left in the shared test database.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import (
    Boolean,
    Column,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    bindparam,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.types import JSON

from quizapp.extensions import db
from quizapp.models.base import UTCDateTime
from quizapp.prepared import Prepared

metadata = MetaData()
things = Table(
    "prepared_thing", metadata,
    Column("id", Integer, primary_key=True),
    Column("label", String(20), nullable=False, unique=True),
    Column("payload", JSON),
    Column("flag", Boolean, nullable=False),
    Column("score", Float),
    Column("at", UTCDateTime),
    Column("kind", String(10), default="plain"),  # a Python-side default
    prefixes=["TEMPORARY"],
)
FIELDS = ("label", "payload", "flag", "score", "at", "kind")
INSERT = Prepared(lambda _d: insert(things).values({n: bindparam(n) for n in FIELDS}).returning(things.c.id))
BY_LABEL = Prepared(lambda _d: select(things.c.id, *(things.c[n] for n in FIELDS)).where(
    things.c.label == bindparam("label")))


@pytest.fixture
def conn(app):
    with app.app_context():
        with db.engine.connect() as conn:
            metadata.create_all(conn)
            yield conn
            conn.rollback()


def row(label: str, **overrides) -> dict:
    return {"label": label, "payload": {"choices": ["Oslo", "Ålesund"], "n": 2}, "flag": True, "score": 0.75,
            "at": datetime(2026, 11, 24, 9, 30, 15, 123456, tzinfo=UTC), "kind": "plain", **overrides}


def test_values_go_in_and_come_out_as_core_converts_them(conn):
    first = INSERT.scalar(conn, row("a"))
    second = INSERT.scalar(conn, row("b", payload=None, flag=False, score=None, at=None))
    assert second == first + 1
    for label in ("a", "b"):
        prepared = BY_LABEL.first(conn, {"label": label})
        core = conn.execute(select(things.c.id, *(things.c[n] for n in FIELDS)).where(things.c.label == label)).one()
        assert tuple(prepared) == tuple(core)
    got = BY_LABEL.first(conn, {"label": "a"})
    assert got.payload == {"choices": ["Oslo", "Ålesund"], "n": 2}  # rows are named by their columns
    assert got.flag is True and got.at == datetime(2026, 11, 24, 9, 30, 15, 123456, tzinfo=UTC)
    assert BY_LABEL.first(conn, {"label": "nobody"}) is None


def test_values_written_in_the_statement_itself_are_sent(conn):
    INSERT.rows(conn, row("a"))
    INSERT.rows(conn, row("b", flag=False))
    flagged = Prepared(lambda _d: select(things.c.label).where(things.c.flag == True, things.c.label != "zzz"))  # noqa: E712
    assert flagged.rows(conn, {}) == [("a",)]
    bump = Prepared(lambda _d: update(things).where(things.c.label == bindparam("which")).values(score=things.c.score + 1))
    assert bump.rows(conn, {"which": "b"}) == []  # no RETURNING: no rows
    assert conn.execute(select(things.c.score).where(things.c.label == "b")).scalar_one() == 1.75
    count = Prepared(lambda _d: select(func.count()).select_from(things))
    assert count.scalar(conn, {}) == 2


def test_a_parameter_left_out_is_an_error_not_a_null(conn):
    with pytest.raises(KeyError):
        INSERT.rows(conn, {k: v for k, v in row("a").items() if k != "flag"})
    assert conn.execute(select(func.count()).select_from(things)).scalar_one() == 0


def test_a_driver_error_is_sqlalchemys_exception(conn):
    INSERT.rows(conn, row("a"))
    with pytest.raises(IntegrityError):
        INSERT.rows(conn, row("a"))


def test_statements_it_cannot_run_faithfully_are_refused(conn):
    needs_default = Prepared(lambda _d: insert(things).values(label=bindparam("label"), flag=True))  # no kind
    with pytest.raises(ValueError, match="Python-side defaults"):
        needs_default.rows(conn, {"label": "a"})
    expanding = Prepared(lambda _d: select(things.c.id).where(things.c.label.in_(["a", "b"])))
    with pytest.raises(ValueError, match="expand"):
        expanding.rows(conn, {})
