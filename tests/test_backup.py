"""``quizapp db backup FILE``: a consistent online copy of the SQLite database (while another
connection holds a read transaction open and the app keeps writing), restorable by pointing an
app at it; on PostgreSQL the command says to use pg_dump."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from quizapp import create_app
from quizapp.accounts.backup import BackupError, sqlite_path
from quizapp.extensions import db
from quizapp.models import User

from .conftest import IS_PG, _base_config

sqlite_only = pytest.mark.skipif(IS_PG, reason="the backup command copies SQLite databases")


def _db_file(app) -> Path:
    return Path(make_url(app.config["SQLALCHEMY_DATABASE_URI"]).database)


@sqlite_only
def test_backup_while_a_read_transaction_is_open_then_restore(app, runner, make_user, tmp_path, monkeypatch):
    make_user("kept@example.com", "Kept Before")
    reader = sqlite3.connect(_db_file(app))
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM user").fetchone()[0] == 1  # holds its snapshot open
    make_user("also@example.com", "Written Meanwhile")  # the app goes on writing meanwhile
    target = tmp_path / "backup.sqlite"
    try:
        result = runner.invoke(args=["db", "backup", str(target)])
        assert result.exit_code == 0, result.output
        assert "Backed up" in result.output
        assert reader.execute("SELECT count(*) FROM user").fetchone()[0] == 1  # the reader was not disturbed
    finally:
        reader.rollback()
        reader.close()
    assert not list(tmp_path.glob(".backup.sqlite.*"))  # no partial file left beside it
    # one self-contained file (not WAL, so it can be copied or mailed as it is)
    copy = sqlite3.connect(target)
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    copy.close()

    # Restore: a fresh app pointed at the copy finds the data and works on it.
    monkeypatch.setenv("QUIZAPP_INSTANCE", str(tmp_path / "restored-instance"))
    restored = create_app(_base_config(tmp_path, f"sqlite:///{target}"))
    with restored.app_context():
        emails = set(db.session.scalars(select(User.email)))
        db.session.remove()
        db.engine.dispose()
    assert emails == {"kept@example.com", "also@example.com"}
    c = restored.test_client()
    r = c.post("/auth/login", data={"email": "kept@example.com", "password": "correct horse 42"})
    assert r.status_code == 303


@sqlite_only
def test_backup_never_overwrites_by_accident(app, runner, tmp_path):
    target = tmp_path / "exists.sqlite"
    target.write_text("precious")
    result = runner.invoke(args=["db", "backup", str(target)])
    assert result.exit_code == 1 and "exists" in result.output and "--force" in result.output
    assert target.read_text() == "precious"
    result = runner.invoke(args=["db", "backup", "--force", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"SQLite format 3")
    result = runner.invoke(args=["db", "backup", str(_db_file(app))])
    assert result.exit_code == 1
    result = runner.invoke(args=["db", "backup", str(tmp_path / "no" / "such" / "dir.sqlite")])
    assert result.exit_code == 1 and "no folder" in result.output.lower()


def test_postgresql_is_pointed_at_pg_dump():
    with pytest.raises(BackupError, match="pg_dump"):
        sqlite_path(make_url("postgresql+psycopg://u:p@localhost/quizapp"))
    with pytest.raises(BackupError, match="in memory"):
        sqlite_path(make_url("sqlite://"))


@pytest.mark.skipif(not IS_PG, reason="runs against the PostgreSQL test database")
def test_backup_command_on_postgresql_says_pg_dump(runner, tmp_path):
    result = runner.invoke(args=["db", "backup", str(tmp_path / "x.dump")])
    assert result.exit_code == 1 and "pg_dump" in result.output
    assert not (tmp_path / "x.dump").exists()
