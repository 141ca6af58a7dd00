"""Database engine behaviour that must hold on every connection.

SQLite (the embedded default) gets WAL so readers never block the writer, a busy timeout so a
writer waits instead of failing, foreign keys on, and -- for requests that may write -- transactions
that start with ``BEGIN IMMEDIATE``. A deferred transaction that reads first and writes later can
fail at once with "database is locked" when another writer got in between (the busy timeout does
not help there); taking the write lock up front makes such requests queue instead. Safe requests
(GET/HEAD/OPTIONS) never write, so they keep cheap deferred transactions and run in parallel.

Writers queue on a lock file beside the database before ``BEGIN IMMEDIATE``. SQLite's own busy
handler sleeps in growing steps (up to 100 ms) between retries, so with several gunicorn workers a
writer often sleeps long after the lock was freed. A blocking ``flock`` is woken by the kernel the
moment the lock is released, costs nothing while it waits, and is released by the kernel if its
holder dies. Its wait is bounded by the busy timeout with ``SIGALRM``, which only the main thread
can use (gunicorn's sync workers serve requests there); other threads poll ``flock`` every
millisecond instead. Either way, when the lock file cannot be had in time the request goes on to
SQLite's busy timeout, which ends in a clear "database is locked" error rather than a hang.

Even the hottest writes (answering a quiz question, rating a card) hold the lock from their first
statement. Reading first, outside any transaction, and taking the lock only for the writes (then
checking that what was read still held) was tried and measured slower with five workers and 16
clients: in four paired runs about 8% fewer answers and 14% fewer ratings per second, with more CPU
per request. The likely reason: each read outside a transaction is a transaction of its own, and
each finds the database changed by another worker and rereads its pages, where one transaction per
request reads them once.
"""

from __future__ import annotations

import fcntl
import os
import signal
import sqlite3
import threading
import time
from contextvars import ContextVar

from flask import Flask, g, has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import Pool

# True: the next SQLite transaction begins IMMEDIATE. CLI commands and writes default to True.
immediate_transactions: ContextVar[bool] = ContextVar("immediate_transactions", default=True)
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
BUSY_TIMEOUT_MS = 15000
WRITE_LOCK_POLL_S = 0.001


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
    path = next((row[2] for row in cur.execute("PRAGMA database_list") if row[1] == "main"), "")
    cur.close()
    if path:
        _record.info["write_lock_fd"] = os.open(path + ".writelock", os.O_RDWR | os.O_CREAT, 0o600)


def _take_write_lock(info: dict, timeout: float = BUSY_TIMEOUT_MS / 1000) -> None:
    fd = info.get("write_lock_fd")
    if fd is None or info.get("write_lock_held"):
        return
    if _try_lock(fd) or _wait_for_lock(fd, timeout):
        info["write_lock_held"] = True
    # else: leave it to SQLite's busy timeout


def _try_lock(fd: int) -> bool:
    """Take the lock if it is free. Also True when this descriptor already holds it."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


class _LockWaitTimedOut(Exception):
    pass


_alarm_armed = False


def _on_alarm(_signum, _frame) -> None:
    # Raising is what interrupts the blocked flock (PEP 475 retries it otherwise). A signal that is
    # handled late, after the wait ended, finds the alarm disarmed and does nothing.
    if _alarm_armed:
        raise _LockWaitTimedOut


def _wait_for_lock(fd: int, timeout: float) -> bool:
    global _alarm_armed
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGALRM) not in (
        signal.SIG_DFL,
        signal.SIG_IGN,
        None,
    ):
        return _poll_for_lock(fd, timeout)
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    acquired = False
    try:
        try:
            _alarm_armed = True
            signal.setitimer(signal.ITIMER_REAL, timeout)
            fcntl.flock(fd, fcntl.LOCK_EX)
            acquired = True
        except _LockWaitTimedOut:
            pass
        finally:
            _alarm_armed = False
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _LockWaitTimedOut:  # the one-shot alarm went off inside the ``finally`` before it disarmed
        _alarm_armed = False
    finally:
        signal.signal(signal.SIGALRM, previous)
    # After a timeout, the alarm may have fired just after flock returned: the lock may be ours.
    return acquired or _try_lock(fd)


def _poll_for_lock(fd: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() <= deadline:
        time.sleep(WRITE_LOCK_POLL_S)
        if _try_lock(fd):
            return True
    return False


def _release_write_lock(info: dict) -> None:
    if info.pop("write_lock_held", False):
        fcntl.flock(info["write_lock_fd"], fcntl.LOCK_UN)


def _begin_immediate(info: dict, execute) -> None:
    _take_write_lock(info)
    try:
        execute("BEGIN IMMEDIATE")
    except Exception:
        _release_write_lock(info)
        raise


@event.listens_for(Engine, "begin")
def _sqlite_begin(conn):
    if conn.dialect.name != "sqlite":
        return
    # BEGIN goes straight to the driver: SQLAlchemy's execute() around it (an execution context,
    # events, a result) costs more than the statement itself, on every transaction.
    execute = conn.connection.driver_connection.execute
    if immediate_transactions.get():
        _begin_immediate(conn.connection.info, execute)
    else:
        execute("BEGIN")


@event.listens_for(Pool, "checkin")
def _sqlite_checkin(_dbapi_conn, record):
    # Released once the connection goes back to the pool: after COMMIT or ROLLBACK has finished.
    if record is not None:
        _release_write_lock(record.info)


@event.listens_for(Pool, "close")
def _sqlite_close(_dbapi_conn, record):
    fd = record.info.pop("write_lock_fd", None)
    record.info.pop("write_lock_held", None)
    if fd is not None:
        os.close(fd)  # closing the descriptor also drops any lock it held


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
