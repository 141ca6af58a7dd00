"""Shared fixtures, flaskr style: ``app``, ``client``, ``runner``, plus helpers for users and seeds.

The database is migrated once per test session (real Alembic migrations, never ``create_all``).
SQLite: each test gets a copy of the migrated file. PostgreSQL (``DATABASE_URL`` set, as in CI):
each test starts from empty tables (TRUNCATE ... RESTART IDENTITY).
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text

from quizapp import create_app
from quizapp.extensions import db

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# One article written for the tests whose every sentence is in shapes the generator asks about:
# the seeded bank then holds every question type (the seeds alone, real articles, give fewer
# since the generator keeps only items that read well; see test_questions_corpus).
FIXTURE_ARTICLES = ROOT / "tests" / "fixture_articles"
PG_URL = os.environ.get("DATABASE_URL", "")
IS_PG = PG_URL.startswith("postgres")


def _base_config(instance: Path, db_url: str) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": db_url,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "SERVER_NAME": None,
        "QUEUE_IMMEDIATE": True,
    }


@pytest.fixture(scope="session")
def _migrated(tmp_path_factory) -> str:
    """Run the migrations once; return the URL (PG) or the template file path (SQLite)."""
    from flask_migrate import upgrade

    inst = tmp_path_factory.mktemp("template-instance")
    if IS_PG:
        url = PG_URL
        app = create_app(_base_config(inst, url))
        with app.app_context():
            with db.engine.begin() as conn:
                conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
            upgrade()
            db.engine.dispose()
        return url
    path = inst / "template.sqlite"
    app = create_app(_base_config(inst, f"sqlite:///{path}"))
    with app.app_context():
        upgrade()
        db.engine.dispose()
    return str(path)


def _truncate_all() -> None:
    tables = [t.name for t in db.metadata.sorted_tables]
    with db.engine.begin() as conn:
        conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))


@pytest.fixture
def app(_migrated, tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZAPP_INSTANCE", str(tmp_path / "instance"))
    if IS_PG:
        url = _migrated
    else:
        dbfile = tmp_path / "test.sqlite"
        shutil.copy(_migrated, dbfile)
        url = f"sqlite:///{dbfile}"
    app = create_app(_base_config(tmp_path, url))
    if IS_PG:
        with app.app_context():
            _truncate_all()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


_RAW_FACTS: dict[tuple[str, str], list] = {}


def _cached_extract_raw(real):
    """``extract_raw`` memoised per (article key, text): spaCy sees each seed once per test run.

    The seeded fixture still runs the real pipeline (storage, merging, generation) in every test;
    only the NLP pass, which is pure and deterministic, is reused.
    """

    def wrapper(articles):
        articles = list(articles)
        todo = [a for a in articles if (a.key, a.raw) not in _RAW_FACTS]
        if todo:
            for key, facts in real(todo).items():
                raw = next(a.raw for a in todo if a.key == key)
                _RAW_FACTS[(key, raw)] = facts
            for a in todo:
                _RAW_FACTS.setdefault((a.key, a.raw), [])
        return {a.key: list(_RAW_FACTS[(a.key, a.raw)]) for a in articles}

    return wrapper


@pytest.fixture
def seeded_app(app, monkeypatch):
    """The app with the five seed articles (and the tests' own article) ingested through the real
    pipeline."""
    import sys

    import quizapp.facts.extract  # noqa: F401  (the module, not the package's re-exported function)
    from quizapp.corpus.store import ingest_files, iter_article_files
    from quizapp.pipeline import refresh_derived

    module = sys.modules["quizapp.facts.extract"]
    monkeypatch.setattr(module, "extract_raw", _cached_extract_raw(module.extract_raw))
    with app.app_context():
        report = ingest_files(
            db.session, iter_article_files([SEEDS, FIXTURE_ARTICLES]), app.config["MAX_ARTICLE_BYTES"],
            after_each=refresh_derived,
        )
        assert report.count("failed") == 0, report.results
    return app


@pytest.fixture
def make_user(app):
    """Create a user: ``make_user("ann@example.com", role="teacher")`` returns its id."""
    from quizapp.auth import create_user

    def _make(email="student@example.com", name="Sam Student", password="correct horse 42", role="student"):
        with app.app_context():
            user = create_user(db.session, email, name, password, role)
            db.session.commit()
            return user.id

    return _make


class AuthActions:
    def __init__(self, client):
        self._client = client

    def login(self, email="student@example.com", password="correct horse 42"):
        return self._client.post("/auth/login", data={"email": email, "password": password})

    def logout(self):
        return self._client.post("/auth/logout")


@pytest.fixture
def auth(client):
    return AuthActions(client)


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = ROOT / "test-artifacts"


@contextmanager
def serving(app):
    """``app`` served by a real threaded HTTP server on a free loopback port; yields its base URL."""
    import threading

    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)


@pytest.fixture
def live_server(seeded_app):
    """The seeded app served by a real HTTP server on a free loopback port, in a thread."""
    with serving(seeded_app) as base:
        yield base


@contextmanager
def chromium_browser():
    """Debian's headless Chromium through Playwright (the test is skipped without it)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def browser_page():
    """A Playwright page in Debian's headless Chromium; skipped when Chromium is not installed."""
    with chromium_browser() as browser:
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.set_default_timeout(15000)
        yield page


@contextmanager
def empty_schema_app(tmp_path: Path, monkeypatch):
    """An app on an empty database (a file on SQLite, the test schema dropped on PostgreSQL), for
    migration tests that step through revisions; the schema is brought to head afterwards."""
    from flask_migrate import upgrade

    monkeypatch.setenv("QUIZAPP_INSTANCE", str(tmp_path / "instance"))
    url = PG_URL if IS_PG else f"sqlite:///{tmp_path / 'm.sqlite'}"
    app = create_app(_base_config(tmp_path, url))
    with app.app_context():
        if IS_PG:
            with db.engine.begin() as conn:
                conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
        try:
            yield app
        finally:
            if IS_PG:  # the other tests share this database: leave it migrated and empty
                with db.engine.begin() as conn:
                    conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
                    conn.execute(text("CREATE SCHEMA public"))
                upgrade()
            db.engine.dispose()


@pytest.fixture
def web_bank(app, make_user, auth):
    """A small question bank, a second user, and the first user logged in (study and review views)."""
    from .test_study_data import build_bank

    make_user()
    make_user("other@example.com", "Olga Other")
    with app.app_context():
        ids = build_bank(db.session)
    auth.login()
    return ids


@pytest.fixture
def meanwhile_scheduler():
    """``make(fn)``: a scheduler whose first ``review`` first runs ``fn(connection)`` on a
    connection of its own and commits it. Scheduling falls between a write's reads and its writes,
    so this is another tab's request landing in between. ``.calls`` lists the reviews asked for."""
    from quizapp.study.scheduler import StudyScheduler

    def make(fn):
        calls = []

        class Meanwhile(StudyScheduler):
            def review(self, *args, **kwargs):
                calls.append(args[0])
                if len(calls) == 1:
                    with db.engine.begin() as other:
                        fn(other)
                return super().review(*args, **kwargs)

        sched = Meanwhile(fuzz=False)
        sched.calls = calls
        return sched

    return make


@pytest.fixture
def other_tab(app):
    """``make(fn)``: a scheduler whose first ``review`` starts ``fn()`` in another thread (with an
    app context, so a session of its own: another tab's request) and gives it a moment to run
    before going on. ``.waited`` says whether it was still running then (waiting for this write);
    ``.join()`` waits for it to end and re-raises what it raised."""
    import threading
    import time

    from quizapp.study.scheduler import StudyScheduler

    def make(fn, pause=0.3):
        errors: list[BaseException] = []

        def run():
            with app.app_context():
                try:
                    fn()
                except BaseException as e:  # noqa: BLE001 (handed to the test by join)
                    errors.append(e)
                finally:
                    db.session.remove()

        class OtherTab(StudyScheduler):
            thread = None
            waited = None

            def review(self, *args, **kwargs):
                if self.thread is None:
                    self.thread = threading.Thread(target=run, daemon=True)
                    self.thread.start()
                    time.sleep(pause)
                    self.waited = self.thread.is_alive()
                return super().review(*args, **kwargs)

            def join(self):
                self.thread.join(30)
                assert not self.thread.is_alive(), "the other tab never finished"
                if errors:
                    raise errors[0]

        return OtherTab(fuzz=False)

    return make


def queued_app(migrated: str, tmp_path: Path, monkeypatch, queue_url: str | None = None, **config):
    """``(app, env)``: the app with a real queue (SQLite storage in ``tmp_path`` unless
    ``queue_url`` names another) instead of jobs run inside requests, and the environment a
    ``quizapp worker`` process needs to share its database and queue."""
    instance = tmp_path / "instance"
    instance.mkdir(exist_ok=True)
    if IS_PG:
        db_url = migrated
    else:
        shutil.copy(migrated, tmp_path / "db.sqlite")
        db_url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    queue_url = queue_url or f"sqlite:///{tmp_path / 'queue.sqlite'}"
    monkeypatch.setenv("QUIZAPP_INSTANCE", str(instance))
    app = create_app({**_base_config(tmp_path, db_url), "QUEUE_IMMEDIATE": False, "QUEUE_URL": queue_url, **config})
    if IS_PG:
        with app.app_context():
            _truncate_all()
    env = {**os.environ, "QUIZAPP_INSTANCE": str(instance), "DATABASE_URL": db_url, "QUEUE_URL": queue_url,
           "SECRET_KEY": "test-secret", "QUEUE_IMMEDIATE": "0"}
    return app, env


@contextmanager
def worker_process(env: dict, log: Path):
    """A ``quizapp worker`` process (its output in ``log``), stopped on exit: SIGINT lets it
    finish its job; one that does not stop within a minute is killed."""
    import signal
    import subprocess
    import sys

    with open(log, "w") as out:
        worker = subprocess.Popen([sys.executable, "-c", "from quizapp.cli import main; main()", "worker"],
                                  env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            yield worker
        finally:
            worker.send_signal(signal.SIGINT)
            try:
                worker.wait(timeout=60)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()


@pytest.fixture
def worker_app(_migrated, tmp_path, monkeypatch):
    """The app with a real queue (SQLite storage) and a ``quizapp worker`` process consuming it."""
    app, env = queued_app(_migrated, tmp_path, monkeypatch, WTF_CSRF_ENABLED=True)
    with worker_process(env, tmp_path / "worker.log"):
        yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def date_sentence_items(monkeypatch):
    """The date templates that show the article's sentence (a blanked or swapped date) are off in
    the product (``questions.items.dates.SENTENCE_ITEMS_FOR_DATES``); tests of those templates
    switch them on."""
    monkeypatch.setattr("quizapp.questions.items.dates.SENTENCE_ITEMS_FOR_DATES", True)
