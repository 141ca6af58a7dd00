"""Database engine behaviour that must hold on every connection.

SQLite (the embedded default) gets WAL so readers never block the writer, a busy timeout so a
writer waits instead of failing, foreign keys on, and -- for requests that may write -- transactions
that start with ``BEGIN IMMEDIATE``. A deferred transaction that reads first and writes later can
fail at once with "database is locked" when another writer got in between (the busy timeout does
not help there); taking the write lock up front makes such requests queue instead. Safe requests
(GET/HEAD/OPTIONS) never write, so they keep cheap deferred transactions and run in parallel.
"""

from __future__ import annotations

import sqlite3
from contextvars import ContextVar

from flask import Flask, g, has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

# True: the next SQLite transaction begins IMMEDIATE. CLI commands and writes default to True.
immediate_transactions: ContextVar[bool] = ContextVar("immediate_transactions", default=True)
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
BUSY_TIMEOUT_MS = 15000


@event.listens_for(Engine, "connect")
def _sqlite_connect(dbapi_conn, _record):
    if not isinstance(dbapi_conn, sqlite3.Connection):
        return
    # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own handling is wrong for this).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    mode = cur.execute("PRAGMA journal_mode").fetchone()[0]
    if mode not in ("memory", "wal"):
        cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


@event.listens_for(Engine, "begin")
def _sqlite_begin(conn):
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate_transactions.get() else "BEGIN")


@event.listens_for(Session, "after_commit")
def _reads_after_commit_are_deferred(_session) -> None:
    """Once a request has committed its write, later statements in it only read back what was
    written (templates touching expired attributes). Beginning those with BEGIN IMMEDIATE would take
    the write lock a second time and hold it while the page renders, so make them deferred."""
    if has_request_context():
        immediate_transactions.set(False)


def init_app(app: Flask) -> None:
    @app.before_request
    def _choose_transaction_mode():
        g._tx_mode_token = immediate_transactions.set(request.method not in SAFE_METHODS)

    @app.teardown_request
    def _restore_transaction_mode(_exc):
        token = g.pop("_tx_mode_token", None)
        if token is not None:
            immediate_transactions.reset(token)
