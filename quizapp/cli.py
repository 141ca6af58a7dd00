"""The ``quizapp`` command: Flask's CLI (run, db, routes, shell) plus our own commands."""

from __future__ import annotations

import sys
import time

import click
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext


def _create_app(*_args, **_kwargs):
    from . import create_app

    return create_app()


@click.group(cls=FlaskGroup, create_app=_create_app)
def main() -> None:
    """quizapp: news articles in, quizzes and flashcards out."""


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--if-empty", is_flag=True, help="Do nothing when the database already has articles.")
@with_appcontext
def ingest_command(paths: tuple[str, ...], if_empty: bool) -> None:
    """Ingest article files (.txt) or folders of them."""
    from .corpus.store import FAILED, article_count, ingest_files, iter_article_files
    from .extensions import db
    from .pipeline import refresh_derived

    if if_empty and article_count(db.session):
        click.echo("Articles already ingested; skipping (drop --if-empty to ingest anyway).")
        return
    files = iter_article_files(paths)
    if not files:
        click.echo("No .txt files found in " + ", ".join(paths), err=True)
        sys.exit(1)
    started = time.perf_counter()
    max_bytes = current_app.config["MAX_ARTICLE_BYTES"]
    failures = []

    def note(result):
        if result.status == FAILED:
            failures.append(result)

    show_bar = len(files) > 1 and sys.stderr.isatty()
    with click.progressbar(
        length=len(files), label="Ingesting", file=sys.stderr, hidden=not show_bar
    ) as bar:

        def progress(result):
            note(result)
            bar.update(1)

        report = ingest_files(db.session, files, max_bytes, progress, after_each=refresh_derived)
    for r in failures:
        click.echo(f"  error: {r.message}", err=True)
    click.echo(f"{report.summary()} in {time.perf_counter() - started:.1f}s")
    if failures and len(failures) == len(files):
        sys.exit(1)


def init_app(app) -> None:
    app.cli.add_command(ingest_command)
