"""Crash safety: kill -9 the server (gunicorn, every process) while clients write, restart it.

Afterwards every acknowledged answer and rating is in the database, nothing is half-written
(each card's state agrees with its review log; each quiz answer that counts as a review has its
log), and the restarted server serves and accepts writes again.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid

import httpx
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Answer, Fact, ReviewLog, User

from .test_reliability import PASSWORD, WebClient, card_log_problems, quiz_plan

WRITERS = 6


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(url: str, instance, port: int) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url, "QUIZAPP_INSTANCE": str(instance), "SECRET_KEY": "crash-test",
           "LOGIN_RATE_LIMIT": "10000 per minute"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "error",
         "quizapp:create_app()"],
        env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
        assert proc.poll() is None, "server exited"
    raise AssertionError("server did not start")


def _kill9(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGKILL)  # master and workers at once, mid-request
    proc.wait(10)


def test_kill_9_while_writing_loses_nothing_acknowledged(seeded_app, make_user, tmp_path):
    app = seeded_app
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    emails = [f"k{i}@example.com" for i in range(WRITERS)]
    for e in emails:
        make_user(e, e.split("@")[0], PASSWORD, "student")
    from quizapp.study.scope import has_front

    with app.app_context():
        facts = list(db.session.scalars(select(Fact.id).where(Fact.retired_at.is_(None), has_front())))
        db.session.remove()
        db.engine.dispose()

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = _start_server(url, tmp_path / "inst", port)
    acked_answers: set[tuple[str, str]] = set()
    acked_tokens: set[str] = set()
    sent = [0]
    lock = threading.Lock()
    stop = threading.Event()
    try:
        clients = [WebClient(base, e) for e in emails]
        plans = []
        for c in clients:
            c.login()
            plans.append(quiz_plan(app, c.start_quiz(length=10)))

        def write(i: int) -> None:
            c, plan, k = clients[i], plans[i], 0
            while not stop.is_set():
                try:
                    if k < len(plan):
                        path, form = plan[k]
                        r = c.post(path, form)
                        if r.status_code == 303:
                            with lock:
                                acked_answers.add((c.email, path))
                    token = uuid.uuid4().hex
                    r = c.post("/review/rate", {"fact_id": str(facts[(i + k) % len(facts)]),
                                                "rating": str(1 + k % 4), "deck": "all", "token": token})
                    if r.status_code == 303:
                        with lock:
                            acked_tokens.add(token)
                    with lock:
                        sent[0] += 1
                except httpx.HTTPError:
                    return  # the server is gone: whatever was in flight is unacknowledged
                k += 1

        threads = [threading.Thread(target=write, args=(i,)) for i in range(WRITERS)]
        for t in threads:
            t.start()
        deadline = time.time() + 20
        while time.time() < deadline and sent[0] < 30:  # let writes pile up, then pull the plug
            time.sleep(0.05)
        _kill9(proc)
        stop.set()
        for t in threads:
            t.join(30)
        for c in clients:
            c.close()
    finally:
        if proc.poll() is None:
            _kill9(proc)
    assert sent[0] >= 20 and acked_tokens and acked_answers

    # Restart on the same database: it comes up, data is complete and consistent.
    proc = _start_server(url, tmp_path / "inst", port)
    try:
        with app.app_context():
            s = db.session
            stored = {(e, f"/quiz/{a.quiz_id}/items/{a.quiz_item_id}")
                      for a, e in s.execute(select(Answer, User.email).join(User, User.id == Answer.user_id))}
            assert acked_answers <= stored
            tokens = set(s.scalars(select(ReviewLog.client_token).where(ReviewLog.kind == "review")))
            assert acked_tokens <= tokens
            # A quiz answer that counts as a review was committed together with its review.
            for answer in s.scalars(select(Answer)):
                facts_of = answer.item.question.facts
                if len(facts_of) == 1:
                    assert s.scalar(select(ReviewLog.id).where(
                        ReviewLog.client_token == f"quiz-item:{answer.quiz_item_id}")) is not None, answer.id
            assert card_log_problems(s) == []
            db.session.remove()
            db.engine.dispose()
        again = WebClient(base, emails[0])
        again.login()
        r = again.post("/review/rate", {"fact_id": str(facts[0]), "rating": "3", "deck": "all",
                                        "token": uuid.uuid4().hex})
        assert r.status_code == 303
        again.close()
    finally:
        _kill9(proc)
