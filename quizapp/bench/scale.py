# ruff: noqa: S608  (SQL built from integer constants of this module; no outside input)
"""Scale: a synthetic database of a big school, and the study/teaching code's own queries on it.

1,000 users (25 teachers with one class of 39 students each), 200 facts with one question each,
100,000 cards (100 per user), 1,000,000 review logs (10 per card), 20,000 quizzes with 100,000
answers. Big tables are filled with one ``INSERT ... SELECT`` each from a number series (a recursive
CTE on SQLite, ``generate_series`` on PostgreSQL): seconds, not minutes.

Timed (the real code, imported): ``study.reviews.next_card`` (the next due card), the progress
dashboard page (``GET /progress/``: computed, which is every query the view runs plus rendering,
and seen again with nothing studied in between, which its snapshot serves) and
``teaching.store.class_progress`` (a teacher's class report). Every SQL statement those run is
captured and EXPLAINed; the summary names the indexes used and any full scan of a big table.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from sqlalchemy import event, insert, text

USERS, TEACHERS, FACTS = 1000, 25, 200
CARDS_PER_USER, LOGS_PER_CARD, QUIZZES_PER_USER, ITEMS_PER_QUIZ = 100, 10, 20, 5
BIG = ("card", "review_log", "answer", "quiz", "quiz_item")
PASSWORD = "scale password 1"  # noqa: S105 (synthetic users)


def _series(dialect: str, n: int) -> str:
    if dialect == "sqlite":
        return f"(WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < {n - 1}) SELECT i FROM s) AS n"
    return f"generate_series(0, {n - 1}) AS n(i)"


def _ts(dialect: str, seconds_expr: str) -> str:
    """The base time (bind ``:base``) plus an integer number of seconds, as a naive UTC timestamp."""
    if dialect == "sqlite":
        return f"datetime(:base, ({seconds_expr}) || ' seconds')"
    return f"(CAST(:base AS timestamp) + ({seconds_expr}) * interval '1 second')"


def build(session, now) -> dict:
    """Fill an empty, migrated database; return the sizes."""
    from werkzeug.security import generate_password_hash

    from ..models import (
        Assignment,
        ClassGroup,
        Fact,
        Membership,
        Question,
        SetItem,
        StudySet,
        User,
        question_fact,
    )

    dialect = session.get_bind().dialect.name
    base = now.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S")
    pw = generate_password_hash(PASSWORD)
    session.execute(insert(User), [
        {"id": u, "email": f"u{u}@example.com", "name": f"User {u}", "password_hash": pw,
         "role": "teacher" if u <= TEACHERS else "student", "active": True, "session_token": f"t{u}",
         "created_at": now} for u in range(1, USERS + 1)])
    session.execute(insert(Fact), [
        {"id": f, "uid": f"f{f}", "kind": ("date", "leader", "mechanism", "goal")[f % 4],
         "statement": f"Fact {f}.", "answer": f"answer {f}", "aliases": [], "data": {}, "created_at": now,
         "updated_at": now} for f in range(1, FACTS + 1)])
    session.execute(insert(Question), [
        {"id": f, "uid": f"q{f}", "type": "short_answer", "fact_kind": ("date", "leader", "mechanism", "goal")[f % 4],
         "prompt": f"What is {f}?", "answer": f"answer {f}", "accepted": [], "sources": [], "origin": "generated",
         "created_at": now, "updated_at": now} for f in range(1, FACTS + 1)])
    session.execute(insert(question_fact), [{"question_id": f, "fact_id": f} for f in range(1, FACTS + 1)])
    sets, items, classes, members, assignments = [], [], [], [], []
    for k in range(1, TEACHERS + 1):
        classes.append({"id": k, "owner_id": k, "name": f"Class {k}", "join_code": f"C{k:05d}", "created_at": now})
        for j in range(3):
            sid = (k - 1) * 3 + j + 1
            sets.append({"id": sid, "owner_id": k, "title": f"Set {sid}", "share_code": f"S{sid:05d}",
                         "created_at": now, "updated_at": now})
            items += [{"set_id": sid, "question_id": (sid * 5 + p) % FACTS + 1, "position": p} for p in range(5)]
            assignments.append({"id": sid, "class_id": k, "set_id": sid, "due_at": now - timedelta(days=3 - j),
                                "created_at": now})
    for u in range(TEACHERS + 1, USERS + 1):
        members.append({"class_id": (u - TEACHERS - 1) % TEACHERS + 1, "user_id": u, "joined_at": now})
    for model, rows in ((StudySet, sets), (SetItem, items), (ClassGroup, classes), (Membership, members),
                        (Assignment, assignments)):
        session.execute(insert(model), rows)

    n_cards = USERS * CARDS_PER_USER
    fact = f"(((i / {CARDS_PER_USER}) * 7 + i % {CARDS_PER_USER}) % {FACTS} + 1)"
    state = "(CASE WHEN i % 10 < 2 THEN 0 WHEN i % 10 = 2 THEN 1 WHEN i % 10 = 3 THEN 3 ELSE 2 END)"
    session.execute(text(
        "INSERT INTO card (id, user_id, fact_id, question_id, state, step, stability, difficulty, due, last_review,"
        " created_at, suspended) SELECT i + 1, i / 100 + 1, " + fact + ", " + fact + ", " + state +
        ", NULL, 5.0, 5.0, " + _ts(dialect, "(i * 7919) % 5184000 - 2592000") + ", CASE WHEN " + state +
        " = 0 THEN NULL ELSE " + _ts(dialect, "-((i * 31) % 864000)") + " END, " + _ts(dialect, "-3000000") +
        ", false FROM " + _series(dialect, n_cards)), {"base": base})
    n_logs = n_cards * LOGS_PER_CARD
    per_user_logs = CARDS_PER_USER * LOGS_PER_CARD
    session.execute(text(
        "INSERT INTO review_log (id, card_id, user_id, rating, reviewed_at, duration_ms, kind, card_state)"
        f" SELECT i + 1, i / {LOGS_PER_CARD} + 1, i / {per_user_logs} + 1, CASE WHEN i % 7 = 0 THEN 1 ELSE 3 END, "
        + _ts(dialect, "-(i % 10) * 259200 - (i * 13) % 86400") +
        ", 5000, 'review', CASE WHEN i % 10 = 9 THEN 0 ELSE 2 END FROM " + _series(dialect, n_logs)), {"base": base})
    n_quiz = USERS * QUIZZES_PER_USER
    user = f"(i / {QUIZZES_PER_USER} + 1)"
    assigned = f"({user} > {TEACHERS} AND i % {QUIZZES_PER_USER} < 3)"
    assignment = f"((({user} - {TEACHERS} - 1) % {TEACHERS}) * 3 + i % {QUIZZES_PER_USER} + 1)"
    started = "-(i % 20) * 86400 - 3600"
    session.execute(text(
        "INSERT INTO quiz (id, user_id, scope_kind, scope_ref, mode, length, assignment_id, started_at, finished_at)"
        f" SELECT i + 1, {user}, CASE WHEN {assigned} THEN 'set' ELSE 'corpus' END, NULL, 'test', {ITEMS_PER_QUIZ},"
        f" CASE WHEN {assigned} THEN {assignment} ELSE NULL END, " + _ts(dialect, started) + ", " +
        _ts(dialect, started + " + 600") + " FROM " + _series(dialect, n_quiz)), {"base": base})
    n_items = n_quiz * ITEMS_PER_QUIZ
    question = f"((i * 37) % {FACTS} + 1)"
    session.execute(text(
        f"INSERT INTO quiz_item (id, quiz_id, position, question_id) SELECT i + 1, i / {ITEMS_PER_QUIZ} + 1,"
        f" i % {ITEMS_PER_QUIZ}, {question} FROM " + _series(dialect, n_items)))
    session.execute(text(
        "INSERT INTO answer (id, quiz_item_id, quiz_id, user_id, question_id, correct, score, typo, time_ms, created_at)"
        f" SELECT i + 1, i + 1, i / {ITEMS_PER_QUIZ} + 1, i / {ITEMS_PER_QUIZ * QUIZZES_PER_USER} + 1, {question},"
        " i % 3 <> 0, CASE WHEN i % 3 <> 0 THEN 1.0 ELSE 0.0 END, false, 4000, " +
        _ts(dialect, f"-((i / {ITEMS_PER_QUIZ}) % 20) * 86400 - 3000 + i % {ITEMS_PER_QUIZ} * 60") +
        " FROM " + _series(dialect, n_items)), {"base": base})
    if dialect == "postgresql":  # explicit ids: move the sequences past them
        for table in ("user", "fact", "question", "card", "review_log", "quiz", "quiz_item", "answer",
                      "study_set", "set_item", "class_group", "assignment"):
            session.execute(text(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), (SELECT max(id) FROM \"{table}\"))"))
    session.commit()
    with session.get_bind().connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    return {"users": USERS, "cards": n_cards, "review_logs": n_logs, "quizzes": n_quiz, "answers": n_items}


@contextmanager
def captured(engine):
    stmts: list[tuple[str, object]] = []

    def before(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            stmts.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield stmts
    finally:
        event.remove(engine, "before_cursor_execute", before)


def explain(session, stmts) -> dict:
    """Indexes used and full scans of big tables over ``stmts``."""
    import re

    conn = session.connection()
    dialect = conn.dialect.name
    used, scans = set(), set()
    scan_sql: list[str] = []
    seen = set()
    if True:
        for sql, params in stmts:
            if sql in seen:
                continue
            seen.add(sql)
            prefix = "EXPLAIN QUERY PLAN " if dialect == "sqlite" else "EXPLAIN "
            rows = conn.exec_driver_sql(prefix + sql, params).all()
            lines = [str(r[-1]) for r in rows]
            for line in lines:
                used.update(re.findall(r"(?:USING (?:COVERING )?INDEX|Index (?:Only )?Scan using|Bitmap Index Scan on) (\w+)", line))
                m = re.search(r"^(?:.*\bSCAN (\w+)(?! USING)(?!.*INDEX)|.*Seq Scan on (\w+))", line)
                if m:
                    table = m.group(1) or m.group(2)
                    if table in BIG:
                        scans.add(table)
                        scan_sql.append(" ".join(sql.split())[:300])
    return {"statements": len(seen), "indexes": sorted(used), "full_scans_of_big_tables": sorted(scans),
            "full_scan_statements": scan_sql}


def _timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def run(label: str, url: str, log=print, fresh_schema: bool = False) -> dict:
    from flask_migrate import upgrade

    from .. import create_app
    from ..db_setup import immediate_transactions
    from ..extensions import db
    from ..models import ClassGroup, User, utcnow
    from ..study import reviews
    from ..study.progress import day_bounds
    from ..study.scope import Deck
    from ..teaching import store as teaching
    from .http import _sqlalchemy_url

    with tempfile.TemporaryDirectory(prefix="quizapp-scale-inst.") as inst:
        os.environ["QUIZAPP_INSTANCE"] = inst
        app = create_app({"SQLALCHEMY_DATABASE_URI": _sqlalchemy_url(url), "SECRET_KEY": "scale",
                          "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False})
        with app.app_context():
            if fresh_schema:
                with db.engine.begin() as conn:
                    conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
                    conn.execute(text("CREATE SCHEMA public"))
            upgrade()
            now = utcnow()
            t0 = time.perf_counter()
            sizes = build(db.session, now)
            build_s = time.perf_counter() - t0
            log(f"  {label}: built {sizes} in {build_s:.1f}s")
            engine = db.engine
            queries = []
            # Reads only from here on: plain deferred transactions, as a GET request has.
            immediate_transactions.set(False)
            students = [db.session.get(User, u) for u in range(TEACHERS + 1, USERS + 1, 97)]

            def next_card():
                for user in students[:1]:
                    start, end = day_bounds(now, user.timezone)
                    reviews.next_card(db.session, user, Deck(), now=now, day_start=start, day_end=end)

            client = app.test_client()
            client.post("/auth/login", data={"email": students[0].email, "password": PASSWORD})

            def dashboard():
                r = client.get("/progress/")
                assert r.status_code == 200, r.status_code

            def dashboard_computed():
                app.config["DASHBOARD_SNAPSHOT_SECONDS"] = 0  # every query and all the rendering
                try:
                    dashboard()
                finally:
                    app.config["DASHBOARD_SNAPSHOT_SECONDS"] = snapshot_seconds

            snapshot_seconds = app.config["DASHBOARD_SNAPSHOT_SECONDS"]

            klass = db.session.get(ClassGroup, 1)

            def class_report():
                db.session.expire_all()
                teaching.class_progress(db.session, klass)

            for name, fn, repeat, source in (
                ("next due card (reviews.next_card)", next_card, 30, "quizapp.study.reviews.next_card"),
                ("dashboard, computed", dashboard_computed, 10, "quizapp.web.progress.dashboard"),
                ("dashboard, seen again", dashboard, 10, "quizapp.web.progress.dashboard"),
                ("class report (class_progress)", class_report, 10, "quizapp.teaching.store.class_progress"),
            ):
                fn()  # warm caches and compile
                with captured(engine) as stmts:
                    fn()
                times = _timed(fn, repeat)
                plan = explain(db.session, stmts)
                summary = (f"{plan['statements']} stmts; indexes: {', '.join(plan['indexes']) or 'none'}"
                           + (f"; FULL SCAN: {', '.join(plan['full_scans_of_big_tables'])}"
                              if plan["full_scans_of_big_tables"] else "; no full scan of a big table"))
                queries.append({"name": name, "code": source, "median_ms": round(statistics.median(times), 2),
                                "max_ms": round(max(times), 2), "runs": repeat, "plan": plan,
                                "plan_summary": summary})
                log(f"  {label} {name}: median {statistics.median(times):.2f} ms; {summary}")
            db.session.remove()
            if fresh_schema:
                with db.engine.begin() as conn:
                    conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
                    conn.execute(text("CREATE SCHEMA public"))
            db.engine.dispose()
    return {"database": label, "sizes": ", ".join(f"{v:,} {k}" for k, v in sizes.items()),
            "build_seconds": round(build_s, 1), "queries": queries}


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        print(run("SQLite", f"sqlite:///{Path(tmp) / 's.sqlite'}"))
