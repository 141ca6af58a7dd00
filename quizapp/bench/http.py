"""HTTP throughput and latency: gunicorn on loopback, a load generator in another process.

For each database (SQLite file; PostgreSQL when a throwaway server can be started) we migrate a
fresh database, ingest the seeds through the real pipeline, create 16 students, give each of them
prepared quizzes (rows inserted directly: creating quizzes is not what is measured), start
``gunicorn -w 2×cores+1`` bound to 127.0.0.1 only, and drive four operations with 16 concurrent
clients: ``/healthz``, answering a quiz question (POST), rating a card (POST) and the progress
dashboard (GET). The operations take turns in interleaved rounds, so a machine whose speed drifts
(a shared VM) treats them alike. Every operation's throughput is also given as a ratio to
``/healthz`` measured in the same rounds, which cancels out how fast this particular machine is.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from .pg import free_port

PASSWORD = "bench password 16"  # noqa: S105 (throwaway benchmark users)
OPS = ("healthz", "answer", "rate", "dashboard")
ROUNDS = 6  # interleaved rounds per operation (see ``load``): 5 s each at the default 30 s
DASHBOARD = "/progress/"


def _app(url: str, instance: Path):
    os.environ["QUIZAPP_INSTANCE"] = str(instance)
    from quizapp import create_app

    return create_app({"SQLALCHEMY_DATABASE_URI": _sqlalchemy_url(url), "SECRET_KEY": "bench"})


def _sqlalchemy_url(url: str) -> str:
    from quizapp.config import database_url

    old = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = url
    try:
        return database_url("")
    finally:
        if old is None:
            os.environ.pop("DATABASE_URL")
        else:
            os.environ["DATABASE_URL"] = old


def prepare(url: str, instance: Path, seeds: Path, clients: int, quizzes_per_user: int) -> dict:
    """Migrate, ingest, create users and their quizzes; return the load plan (users and paths)."""
    from flask_migrate import upgrade
    from sqlalchemy import insert, select

    from quizapp.auth import create_user
    from quizapp.corpus.store import ingest_files, iter_article_files
    from quizapp.extensions import db
    from quizapp.models import Fact, Question, Quiz, QuizItem, question_fact, utcnow
    from quizapp.pipeline import refresh_derived

    app = _app(url, instance)
    with app.app_context():
        upgrade()
        report = ingest_files(db.session, iter_article_files([seeds]), app.config["MAX_ARTICLE_BYTES"],
                              after_each=refresh_derived)
        if report.count("failed"):
            raise RuntimeError(report.summary())
        # Typed-answer questions about one fact: the common case, and each answer also reviews
        # that fact's card (quiz answers count as reviews by default).
        questions = db.session.execute(
            select(Question.id, Question.answer)
            .where(Question.retired_at.is_(None), Question.type.in_(("short_answer", "cloze")))
            .order_by(Question.id)
        ).all()
        facts = list(db.session.scalars(select(Fact.id).join(question_fact).where(
            Fact.retired_at.is_(None)).distinct().order_by(Fact.id)))
        if not questions or not facts:
            raise RuntimeError("the seeds produced no typed-answer questions or facts")
        users = []
        now = utcnow()
        for i in range(clients):
            user = create_user(db.session, f"bench{i}@example.com", f"Bench {i}", PASSWORD)
            users.append(user)
        db.session.flush()
        plan_users = []
        length = 30
        for n, user in enumerate(users):
            answers = []
            quiz_rows = [
                {"user_id": user.id, "scope_kind": "corpus", "scope_ref": None, "mode": "practice",
                 "length": length, "started_at": now}
                for _ in range(quizzes_per_user)
            ]
            quiz_ids = [db.session.execute(insert(Quiz).values(**row).returning(Quiz.id)).scalar_one()
                        for row in quiz_rows]
            items = []
            for qi, quiz_id in enumerate(quiz_ids):
                for pos in range(length):
                    q = questions[(n * 7 + qi * length + pos) % len(questions)]
                    items.append({"quiz_id": quiz_id, "position": pos, "question_id": q.id})
            db.session.execute(insert(QuizItem), items)
            rows = db.session.execute(
                select(QuizItem.id, QuizItem.quiz_id, QuizItem.question_id)
                .where(QuizItem.quiz_id.in_(quiz_ids)).order_by(QuizItem.quiz_id, QuizItem.position)
            ).all()
            answer_of = dict(questions)
            for k, row in enumerate(rows):
                # Alternate right and wrong answers: both grading paths and both ratings happen.
                response = answer_of[row.question_id] if k % 2 == 0 else "not the answer"
                answers.append([f"/quiz/{row.quiz_id}/items/{row.id}", response])
            plan_users.append({"email": user.email, "password": PASSWORD, "answers": answers,
                               "facts": facts[n % len(facts):] + facts[: n % len(facts)],
                               "dashboard": DASHBOARD})
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    return {"users": plan_users, "clients": clients}


class Server:
    """``gunicorn 'quizapp:create_app()'`` on 127.0.0.1 with its own environment."""

    def __init__(self, url: str, instance: Path, workers: int, threads: int = 1, env: dict | None = None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "DATABASE_URL": url, "QUIZAPP_INSTANCE": str(instance),
               "SECRET_KEY": "bench", "LOGIN_RATE_LIMIT": "100000 per minute", **(env or {})}
        cmd = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{self.port}",
               "--log-level", "warning", "--timeout", "60"]
        if threads > 1:
            cmd += ["--threads", str(threads)]
        self.log = open(instance / "gunicorn.log", "w")  # noqa: SIM115 (closed in stop)
        self.proc = subprocess.Popen(  # noqa: S603 (fixed command)
            [*cmd, "quizapp:create_app()"], env=env, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if httpx.get(self.base + "/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if self.proc.poll() is not None:
                break
            time.sleep(0.3)
        self.stop()
        raise RuntimeError("gunicorn did not start; see " + str(instance / "gunicorn.log"))

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.log.close()


def load(plan_file: Path, ops: list[str], seconds: float, rounds: int) -> list[dict]:
    out = subprocess.run(  # noqa: S603 (fixed command)
        [sys.executable, "-m", "quizapp.bench.load", str(plan_file), ",".join(ops), str(seconds), str(rounds)],
        capture_output=True, text=True, timeout=len(ops) * rounds * (seconds + 5) + 120,
    )
    if out.returncode != 0:
        failed = out.stderr.strip().splitlines()[-1:] or ["no output"]
        return [{"endpoint": op, "failed": failed} for op in ops]
    return json.loads(out.stdout)


def _dashboard_computed(url: str, instance: Path, workers: int, plan: dict, seconds: float) -> dict:
    """The dashboard again, on a server that computes it on every view (no snapshots).

    The main rounds measure what a student mostly gets (the page kept since their last study,
    ``study.snapshots``); this row is the other case, every view right after new study, so the
    table shows what the snapshot saves and what a view costs when it cannot help. It runs after
    the rounds, when the students have the most history.
    """
    server = Server(url, instance, workers, env={"DASHBOARD_SNAPSHOT_SECONDS": "0"})
    try:
        plan = {**plan, "base": server.base, "server_pid": server.proc.pid}
        plan_file = instance / "plan-computed.json"
        plan_file.write_text(json.dumps(plan))
        result = load(plan_file, ["dashboard"], seconds, 1)[0]
    finally:
        server.stop()
    return {**result, "endpoint": "dashboard, computed"}


def add_ratios(results: list[dict]) -> None:
    """Each operation's throughput as a ratio to healthz's in the same rounds (``ratio_to_healthz``),
    and the lowest and highest ratio of one round to the healthz round beside it
    (``round_ratio_range``): how far the machine's drift moved the figure during the run."""
    base = next((r for r in results if r["endpoint"] == "healthz" and r.get("rps")), None)
    if base is None:
        return
    for r in results:
        if r.get("rps") is None:
            continue
        r["ratio_to_healthz"] = round(r["rps"] / base["rps"], 3)
        pairs = [(a, b) for a, b in zip(r.get("round_rps", []), base.get("round_rps", []), strict=False) if b]
        if r is not base and len(pairs) > 1:
            ratios = [a / b for a, b in pairs]
            r["round_ratio_range"] = [round(min(ratios), 3), round(max(ratios), 3)]


def run_one(label: str, url: str, seeds: Path, seconds: float, clients: int = 16,
            workers: int | None = None, log=print, rounds: int = ROUNDS) -> dict:
    """``seconds`` per operation in all, split over ``rounds`` interleaved rounds."""
    workers = workers or 2 * (os.cpu_count() or 1) + 1
    with tempfile.TemporaryDirectory(prefix=f"quizapp-bench-{label}.") as tmp:
        instance = Path(tmp)
        started = time.perf_counter()
        # Enough prepared items that no client runs out at a few hundred answers per second.
        plan = prepare(url, instance, seeds, clients, quizzes_per_user=max(10, int(seconds * 6)))
        log(f"  {label}: database prepared in {time.perf_counter() - started:.1f}s")
        server = Server(url, instance, workers)
        try:
            plan["base"], plan["server_pid"] = server.base, server.proc.pid
            plan_file = instance / "plan.json"
            plan_file.write_text(json.dumps(plan))
            ops = list(OPS)
            skipped = []
            if httpx.get(server.base + DASHBOARD, timeout=10).status_code == 404:
                ops.remove("dashboard")
                skipped.append({"endpoint": "dashboard", "skipped": "no dashboard route yet"})
            results = load(plan_file, ops, seconds / rounds, rounds) + skipped
        finally:
            server.stop()
        if "dashboard" in ops:
            results.append(_dashboard_computed(url, instance, workers, plan, seconds))
        for r in results:
            log(f"  {label} {r['endpoint']}: {r.get('rps', '-')} req/s, p99 {r.get('p99_ms', '-')} ms, "
                f"errors {r.get('errors', r.get('failed', r.get('skipped')))}")
        add_ratios(results)
        return {"database": label, "workers": workers, "clients": clients, "results": results}
