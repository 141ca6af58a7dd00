"""Core statements compiled once and run on the database driver's own cursor.

The hottest requests (answering a quiz question, rating a card, and loading the logged-in user,
which every request does) run a handful of small statements each. For each of them SQLAlchemy's
execution layer costs more than the database: building the statement's cache key, an execution
context, event dispatch and a result object come to about 25-50 µs per statement, where the driver
itself needs 5-10. ``Prepared`` keeps what SQLAlchemy is good at (the statement written in Core,
compiled by the dialect, with its types' conversions in and out) and drops the per-call
machinery: the SQL text, the order of its parameters and the type conversions are worked out once
per dialect, and each call is one ``cursor.execute``.

The price is what the execution layer would have added, so a prepared statement must not need it:
no Python-side column defaults (a ``Prepared`` insert refuses a statement that would need them:
give every value), no statement events (statement counters do not see these). A driver error is
raised as SQLAlchemy's own exception (``IntegrityError`` and friends), and a lost connection is
invalidated, as ``Connection.execute`` does.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import exc
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.pool import PoolProxiedConnection
from sqlalchemy.sql import ClauseElement

Processor = Callable[[Any], Any] | None


_GIVEN = object()  # a parameter the caller gives (as opposed to a value written in the statement)


@dataclass
class _Compiled:
    sql: str
    names: tuple[str, ...]  # bind parameter names, in the order a positional driver wants them
    keys: tuple[str, ...]  # the names as the SQL text spells them (a named paramstyle may escape some)
    values: tuple[Any, ...]  # per name: ``_GIVEN``, or the (converted) value the statement carries itself
    positional: bool
    bind: tuple[tuple[int, Processor], ...]  # (position, conversion) of the given values that need one
    types: tuple[Any, ...]  # of the columns returned
    row: Callable[..., tuple]  # makes a row: a named tuple of the columns' keys
    result: tuple[tuple[int, Processor], ...] | None = None  # (column, conversion); known once described


class Prepared:
    """A statement built by ``build(dialect_name)``, compiled on first use for each dialect."""

    def __init__(self, build: Callable[[str], ClauseElement]) -> None:
        self._build = build
        self._compiled: dict[str, _Compiled] = {}  # a cache of pure functions of the code: per process is right

    def _for(self, dialect: Dialect) -> _Compiled:
        compiled = self._compiled.get(dialect.name)
        if compiled is None:
            compiled = self._compiled[dialect.name] = _compile(self._build(dialect.name), dialect)
        return compiled

    def rows(self, conn: Connection, params: Mapping[str, Any]) -> list[tuple]:
        """Run on ``conn``'s driver connection, inside its transaction; the rows it returns (none
        for a statement without RETURNING), with each column converted as its type says."""
        return self.rows_on(conn.dialect, conn.connection, params, conn.invalidate)

    def rows_on(self, dialect: Dialect, pooled: PoolProxiedConnection, params: Mapping[str, Any],
                invalidate: Callable[[BaseException], None] | None = None) -> list[tuple]:
        """As ``rows``, on a pooled driver connection outside any SQLAlchemy transaction
        (``Engine.raw_connection()``)."""
        c = self._for(dialect)
        values = [params[n] if v is _GIVEN else v for n, v in zip(c.names, c.values, strict=True)]
        for i, proc in c.bind:
            values[i] = proc(values[i])
        args: Any = values if c.positional else dict(zip(c.keys, values, strict=True))
        cursor = pooled.dbapi_connection.cursor()
        try:
            try:
                cursor.execute(c.sql, args)
                raw = cursor.fetchall() if c.types else []
            except dialect.loaded_dbapi.Error as e:
                _raise(dialect, pooled, invalidate or pooled.invalidate, c.sql, args, e, cursor)
            if c.result is None and c.types:
                # Some conversions depend on the type the driver reports (PostgreSQL's numerics).
                procs = (t.dialect_impl(dialect).result_processor(dialect, d[1])
                         for t, d in zip(c.types, cursor.description, strict=True))
                c.result = tuple((i, p) for i, p in enumerate(procs) if p is not None)
        finally:
            cursor.close()
        make, result = c.row, c.result
        if not result:
            return [make(*row) for row in raw]
        rows = []
        for row in raw:
            row = list(row)
            for i, proc in result:
                row[i] = proc(row[i])
            rows.append(make(*row))
        return rows

    def first(self, conn: Connection, params: Mapping[str, Any]) -> tuple | None:
        rows = self.rows(conn, params)
        return rows[0] if rows else None

    def first_on(self, dialect: Dialect, pooled: PoolProxiedConnection, params: Mapping[str, Any]) -> tuple | None:
        rows = self.rows_on(dialect, pooled, params)
        return rows[0] if rows else None

    def scalar(self, conn: Connection, params: Mapping[str, Any]) -> Any:
        row = self.first(conn, params)
        return None if row is None else row[0]


def _compile(stmt: ClauseElement, dialect: Dialect) -> _Compiled:
    compiled = stmt.compile(dialect=dialect)
    if "__[POSTCOMPILE_" in compiled.string:
        raise ValueError("a prepared statement cannot expand parameters (IN a list) at run time")
    if getattr(compiled, "insert_prefetch", None) or getattr(compiled, "update_prefetch", None):
        raise ValueError("a prepared statement cannot fill in Python-side defaults: give every value")
    binds = {name: bp for bp, name in compiled.bind_names.items()}
    positional = bool(dialect.positional)
    names = tuple(compiled.positiontup) if positional else tuple(binds)
    procs = [binds[n].type.dialect_impl(dialect).bind_processor(dialect) for n in names]
    values = tuple(_GIVEN if binds[n].required else (compiled.params[n] if p is None else p(compiled.params[n]))
                   for n, p in zip(names, procs, strict=True))
    bind = tuple((i, p) for i, (p, v) in enumerate(zip(procs, values, strict=True)) if p is not None and v is _GIVEN)
    columns = list(getattr(stmt, "exported_columns", ()))
    row = namedtuple("Row", [col.key for col in columns], rename=True)  # noqa: PYI024 (made at run time)
    keys = tuple(compiled.escaped_bind_names.get(n, n) for n in names)
    return _Compiled(compiled.string, names, keys, values, positional, bind, tuple(col.type for col in columns), row)


def _raise(dialect: Dialect, pooled: PoolProxiedConnection, invalidate, sql: str, args: Any, error: Exception,
           cursor) -> None:
    invalidated = dialect.is_disconnect(error, pooled.dbapi_connection, cursor)
    if invalidated:
        invalidate(error)
    raise exc.DBAPIError.instance(
        sql, args, error, dialect.loaded_dbapi.Error, connection_invalidated=invalidated, dialect=dialect,
    ) from error
