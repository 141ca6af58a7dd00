"""``quizapp db backup FILE``: a consistent copy of the SQLite database while the app runs.

SQLite's online backup API copies the pages inside one read transaction of the source, so the
copy is the database as of one moment, whatever the app writes meanwhile (WAL: readers and the
writer do not block each other). Copying the file instead could catch a half-checkpointed WAL.
The copy is written beside FILE under a temporary name, checked, switched out of WAL (one
self-contained file) and renamed into place, so FILE is never a partial copy.

PostgreSQL has its own tool for this: the command says to use ``pg_dump``.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import click
from flask.cli import with_appcontext

PG_HINT = ("This database is PostgreSQL: back it up with pg_dump, e.g.\n"
           "  pg_dump --format=custom --file quizapp.dump \"$DATABASE_URL\"\n"
           "and restore into an empty database with\n"
           "  pg_restore --no-owner --dbname \"$DATABASE_URL\" quizapp.dump")


class BackupError(Exception):
    pass


def sqlite_path(url) -> Path:
    """The database file of a SQLAlchemy URL, or ``BackupError`` (another backend, in memory)."""
    if url.get_backend_name() != "sqlite":
        raise BackupError(PG_HINT if url.get_backend_name() == "postgresql"
                          else f"quizapp db backup copies SQLite databases only, not {url.get_backend_name()}.")
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file::memory:"):
        raise BackupError("The database is in memory: there is no file to back up.")
    path = Path(database)
    if not path.exists():
        raise BackupError(f"There is no database file at {path}.")
    return path


def backup_sqlite(source: Path, target: Path, overwrite: bool = False) -> int:
    """Copy ``source`` to ``target`` with the backup API; the number of pages copied."""
    target = target.resolve()
    if target == source.resolve():
        raise BackupError("The backup must go to another file than the database itself.")
    if target.exists() and not overwrite:
        raise BackupError(f"{target} exists; choose another name or pass --force.")
    if not target.parent.is_dir():
        raise BackupError(f"There is no folder {target.parent}.")
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    src = sqlite3.connect(source, timeout=15)  # only read from
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)  # all pages in one step: one read transaction, one moment
            dst.execute("PRAGMA journal_mode = DELETE")
            check = dst.execute("PRAGMA quick_check").fetchone()[0]
            pages = dst.execute("PRAGMA page_count").fetchone()[0]
        finally:
            dst.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    if check != "ok":
        partial.unlink(missing_ok=True)
        raise BackupError(f"The copy failed its check ({check}); nothing was written.")
    os.replace(partial, target)
    return pages


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, writable=True))
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
@with_appcontext
def backup_command(file: str, force: bool) -> None:
    """Copy the SQLite database to FILE while the app runs (PostgreSQL: use pg_dump)."""
    from ..extensions import db

    started = time.perf_counter()
    try:
        source = sqlite_path(db.engine.url)
        pages = backup_sqlite(source, Path(file), overwrite=force)
    except (BackupError, sqlite3.Error) as e:
        raise click.ClickException(str(e)) from e
    size = Path(file).stat().st_size
    click.echo(f"Backed up {source} to {file} ({pages} pages, {size / 1024:,.0f} KiB) "
               f"in {time.perf_counter() - started:.1f}s")
