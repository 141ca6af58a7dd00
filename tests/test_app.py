"""App set-up: migrations, config, errors, health."""

from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import inspect

from quizapp import create_app
from quizapp.config import database_url, load_secret_key
from quizapp.extensions import db


def test_migrations_apply_on_an_empty_sqlite_db(tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'fresh.sqlite'}", "SECRET_KEY": "x"})
    with app.app_context():
        upgrade()
        tables = set(inspect(db.engine).get_table_names())
        db.engine.dispose()
    assert {"article", "sentence", "fact", "question", "user", "card", "review_log"} <= tables


def test_models_match_migrations(app):
    """Autogenerate finds nothing to do: every model change has its migration."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with app.app_context(), db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
    assert diff == []


def test_sqlite_pragmas(app):
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
    with app.app_context(), db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_secret_key_generated_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = load_secret_key(str(tmp_path))
    assert len(first) >= 32
    assert load_secret_key(str(tmp_path)) == first
    assert (Path(tmp_path) / "secret_key").stat().st_mode & 0o077 == 0
    monkeypatch.setenv("SECRET_KEY", "from-env")
    assert load_secret_key(str(tmp_path)) == "from-env"


def test_database_url_normalises_postgres(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@h/db")
    assert database_url(str(tmp_path)) == "postgresql+psycopg://u:p@h/db"
    monkeypatch.delenv("DATABASE_URL")
    assert database_url(str(tmp_path)).endswith("quizapp.sqlite")


def test_404_page_and_json(client):
    r = client.get("/nope")
    assert r.status_code == 404 and "Page not found" in r.get_data(as_text=True)
    r = client.get("/nope", headers={"Accept": "application/json"})
    assert r.status_code == 404 and r.get_json()["error"] == "Page not found"


def test_500_rolls_back_and_shows_page(app):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/boom")
    def boom():
        raise RuntimeError("boom")

    r = app.test_client().get("/boom")
    assert r.status_code == 500
    assert "Something went wrong" in r.get_data(as_text=True)


def test_healthz_reports_db_failure(app):
    app.config["PROPAGATE_EXCEPTIONS"] = False
    with app.app_context():
        db.engine.dispose()
    app.extensions["sqlalchemy"]._app_engines[app][None] = __import__("sqlalchemy").create_engine(
        "sqlite:////nonexistent/dir/x.sqlite"
    )
    r = app.test_client().get("/healthz")
    assert r.status_code == 503 and r.get_json()["status"] == "error"


def test_htmx_is_vendored_with_its_licence():
    root = Path(__file__).resolve().parent.parent / "static" / "vendor"
    (folder,) = list(root.glob("htmx-*"))
    assert (folder / "htmx.min.js").stat().st_size > 10_000
    assert "BSD" in (folder / "LICENSE").read_text() or "Zero-Clause" in (folder / "LICENSE").read_text()
