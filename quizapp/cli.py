"""The ``quizapp`` command: Flask's CLI (run, db, routes, shell) plus our own commands."""

from __future__ import annotations

import sys
import time

import click
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext

from .teaching.interop.import_cli import import_command  # a plain command: --dry-run needs no app


def _create_app(*_args, **_kwargs):
    from . import create_app

    return create_app()


@click.group(cls=FlaskGroup, create_app=_create_app)
def main() -> None:
    """quizapp: news articles in, quizzes and flashcards out."""


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--if-empty", is_flag=True, help="Do nothing when the collection already has articles.")
@click.option("--collection", "collection_id", type=int, default=None,
              help="Id of the collection to ingest into (default: the Library).")
@with_appcontext
def ingest_command(paths: tuple[str, ...], if_empty: bool, collection_id: int | None) -> None:
    """Ingest article files (.txt .md .html .htm .pdf .docx) or folders of them, in this process
    (spaCy in batches). A file that cannot be read is reported and the rest still go in."""
    from .collections.access import library
    from .corpus.store import FAILED, article_count, ingest_files, iter_article_files
    from .extensions import db
    from .models import Collection
    from .pipeline import refresh_derived

    if collection_id is None:
        collection_id = library(db.session).id
        db.session.commit()
    elif db.session.get(Collection, collection_id) is None:
        raise click.ClickException(f"There is no collection {collection_id}.")
    if if_empty and article_count(db.session, collection_id):
        click.echo("Articles already ingested; skipping (drop --if-empty to ingest anyway).")
        return
    files = iter_article_files(paths)
    if not files:
        click.echo("No article files (.txt .md .html .htm .pdf .docx) found in " + ", ".join(paths), err=True)
        sys.exit(1)
    started = time.perf_counter()
    from .config import article_limits

    limits = article_limits(current_app.config)
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

        report = ingest_files(db.session, files, limits, progress, after_each=refresh_derived,
                              collection_id=collection_id)
    for r in failures:
        click.echo(f"  error: {r.message}", err=True)
    click.echo(f"{report.summary()} in {time.perf_counter() - started:.1f}s")
    if failures and len(failures) == len(files):
        sys.exit(1)


def _load_corpus(folder: str):
    """Parse every article in ``folder`` (no database); bad files are reported on stderr."""
    from .corpus.formats import Limits
    from .corpus.parse import ArticleError
    from .corpus.store import iter_article_files, read_file
    from .facts import article_input

    inputs = []
    files = iter_article_files([folder])
    if not files:
        raise click.ClickException(f"No article files (.txt .md .html .htm .pdf .docx) found in {folder}")
    for path in files:
        try:
            inputs.append(article_input(read_file(path, Limits())[0]))
        except ArticleError as exc:
            click.echo(f"  skipped: {exc}", err=True)
    if not inputs:
        raise click.ClickException(f"No readable articles in {folder}")
    return inputs


def _stored_facts():
    from . import create_app

    app = create_app()
    with app.app_context():
        from .extensions import db
        from .facts.store import _live_facts_for_cli

        return _live_facts_for_cli(db.session)


def _echo_json(rows) -> None:
    import json

    click.echo(json.dumps(rows, ensure_ascii=False, indent=2))


def _cell(text, width: int) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


@click.command("facts")
@click.option("--corpus", "corpus", type=click.Path(exists=True, file_okay=False),
              help="Folder of .txt articles to read directly (no database). Default: stored facts.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array, one object per fact.")
@click.option("--kind", type=click.Choice(["date", "leader", "mechanism", "goal"]), help="Only this kind.")
def facts_command(corpus: str | None, as_json: bool, kind: str | None) -> None:
    """Extract facts (dates, leaders, mechanisms, goals) and print them."""
    from .facts import extract
    from .facts.types import public_json

    facts = extract(_load_corpus(corpus)) if corpus else _stored_facts()
    if kind:
        facts = [f for f in facts if f.kind == kind]
    if as_json:
        _echo_json([public_json(f) for f in facts])
        return
    click.echo(f"{'kind':<10} {'answer':<40} {'conf':>4} {'src':>3}  statement")
    for f in facts:
        click.echo(f"{f.kind:<10} {_cell(f.answer, 40):<40} {f.confidence:>4.2f} {f.source_count:>3}  "
                   f"{_cell(f.statement, 90)}")
    click.echo(f"{len(facts)} fact(s)", err=True)


@click.command("questions")
@click.option("--corpus", "corpus", type=click.Path(exists=True, file_okay=False),
              help="Folder of .txt articles to read directly (no database). Default: stored facts.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array, one object per question.")
@click.option("--type", "qtype", type=click.Choice(["multiple_choice", "true_false", "cloze",
              "short_answer", "matching", "ordering"]), help="Only this question type.")
@click.option("--kind", type=click.Choice(["date", "leader", "mechanism", "goal"]),
              help="Only questions about this kind of fact.")
@click.option("--seed", default=None, type=int, help="Generator seed (default: the bank's seed).")
def questions_command(corpus, as_json, qtype, kind, seed) -> None:
    """Generate questions of six types from the facts and print them."""
    import random

    from .facts import extract
    from .questions import generate, question_to_json
    from .questions.store import GENERATOR_SEED

    facts = extract(_load_corpus(corpus)) if corpus else _stored_facts()
    questions = generate(facts, random.Random(GENERATOR_SEED if seed is None else seed))
    if qtype:
        questions = [q for q in questions if q.type == qtype]
    if kind:
        questions = [q for q in questions if q.fact_kind == kind]
    if as_json:
        _echo_json([question_to_json(q) for q in questions])
        return
    for q in questions:
        click.echo(f"[{q.type} · {q.fact_kind or 'mixed'} · difficulty {q.difficulty:.2f}] {q.prompt}")
        for c in q.choices:
            click.echo(f"    {'*' if c == q.answer else '-'} {c}")
        for left, right in q.pairs:
            click.echo(f"    {left}  ↔  {right}")
        for i, item in enumerate(q.items, 1):
            click.echo(f"    {i}. {item}")
        if not (q.choices or q.pairs or q.items):
            click.echo(f"    answer: {q.answer}")
    click.echo(f"{len(questions)} question(s)", err=True)


@click.command("export")
@click.option("--corpus", "corpus", type=click.Path(exists=True, file_okay=False),
              help="Folder of articles: generate the questions in memory (no database).")
@click.option("--set", "set_id", type=int, help="Id of a stored set to export (reads the database).")
@click.option("--format", "fmt", required=True, help="apkg, gift, moodle-xml, csv, json, quizlet or aiken.")
@click.option("--output", "-o", "output", required=True, type=click.Path(dir_okay=False),
              help="File to write ('-' for standard output).")
@click.option("--seed", default=None, type=int, help="Generator seed for --corpus (default: the bank's).")
def export_command(corpus: str | None, set_id: int | None, fmt: str, output: str, seed: int | None) -> None:
    """Write questions in another tool's format: generated from a folder, or a stored set."""
    from .teaching import exports

    fmt = fmt.strip().lower()
    if fmt not in exports.CLI_FORMATS:
        raise click.UsageError(f"Unknown format “{fmt}”. Use one of: {', '.join(exports.CLI_FORMATS)}.")
    if bool(corpus) == (set_id is not None):
        raise click.UsageError("Give exactly one of --corpus DIR or --set ID.")
    bundle = _corpus_bundle(corpus, seed) if corpus else _set_bundle(set_id)
    if not bundle.data.questions:
        raise click.ClickException("No questions to export.")
    rendered = exports.render(fmt, bundle)
    body = rendered.body.encode() if isinstance(rendered.body, str) else rendered.body
    if output == "-":
        click.get_binary_stream("stdout").write(body)
    else:
        try:
            with open(output, "wb") as fh:
                fh.write(body)
        except OSError as exc:
            raise click.ClickException(f"Cannot write {output}: {exc.strerror}.") from exc
    for note in rendered.notes:
        click.echo(f"  note: {note}", err=True)
    click.echo(f"Wrote {len(bundle.data.questions)} question(s) as {fmt} to {output}", err=True)


def _corpus_bundle(folder: str, seed: int | None):
    import os
    import random

    from .facts import extract
    from .questions import generate
    from .questions.store import GENERATOR_SEED
    from .teaching.exports import corpus_bundle

    inputs = _load_corpus(folder)
    questions = generate(extract(inputs), random.Random(GENERATOR_SEED if seed is None else seed))
    return corpus_bundle(inputs, questions, os.path.basename(os.path.normpath(folder)))


def _set_bundle(set_id: int):
    from flask import has_app_context

    from . import create_app

    app = current_app._get_current_object() if has_app_context() else create_app()  # type: ignore[attr-defined]
    with app.app_context():
        from .extensions import db
        from .models import StudySet, User
        from .teaching.exports import set_bundle

        sset = db.session.get(StudySet, set_id)
        if sset is None or sset.deleted_at is not None:
            raise click.ClickException(f"There is no set {set_id}.")
        return set_bundle(db.session, sset, db.session.get(User, sset.owner_id))


@click.command("refresh")
@click.option("--all", "everything", is_flag=True, help="Re-extract every article and regenerate every bank, not only stale ones.")
@with_appcontext
def refresh_command(everything: bool) -> None:
    """Re-extract articles whose facts came from an older extractor, then regenerate the question
    banks that older question rules made."""
    from sqlalchemy import exists, or_, select, update

    from .extensions import db
    from .facts.store import EXTRACTOR_VERSION
    from .models import Article, Collection, Question
    from .pipeline import refresh_derived
    from .questions.store import GENERATOR_VERSION, sync_questions

    stmt = select(Article.id).where(Article.retired_at.is_(None), Article.raw_text != "")  # "": a link not fetched yet
    if not everything:
        stmt = stmt.where(or_(Article.facts_version.is_(None), Article.facts_version != EXTRACTOR_VERSION))
    ids = list(db.session.scalars(stmt))
    stale = select(Collection.id)
    if not everything:
        stale = stale.where(or_(Collection.questions_version.is_(None), Collection.questions_version != GENERATOR_VERSION))
    started = time.perf_counter()
    if ids:
        refresh_derived(db.session, ids)
        db.session.commit()
        click.echo(f"Refreshed {len(ids)} article(s) in {time.perf_counter() - started:.1f}s")
    # a bank with no generated question yet (a new collection) has nothing old to redo: stamp it
    has_bank = exists().where(Question.collection_id == Collection.id, Question.origin == "generated")
    empty = list(db.session.scalars(stale.where(~has_bank)))
    if empty:
        db.session.execute(update(Collection).where(Collection.id.in_(empty)).values(questions_version=GENERATOR_VERSION))
    banks = list(db.session.scalars(stale.where(has_bank)))
    for cid in banks:  # one transaction per bank: a stop halfway keeps the banks done
        sync_questions(db.session, collection_id=cid)
        db.session.commit()
    if banks:
        click.echo(f"Regenerated the questions of {len(banks)} collection(s) with the current rules")
    db.session.commit()
    if not ids and not banks:
        click.echo("Facts and questions are up to date.")


main.add_command(facts_command)
main.add_command(questions_command)
main.add_command(import_command)
main.add_command(export_command)


def init_app(app) -> None:
    from flask_migrate.cli import db as db_group

    from .accounts.backup import backup_command
    from .jobs.serve import serve_command, worker_command
    from .teaching.cli import users_command

    db_group.add_command(backup_command)  # ``quizapp db backup FILE`` beside Flask-Migrate's upgrade etc.

    app.cli.add_command(serve_command)
    app.cli.add_command(worker_command)
    app.cli.add_command(ingest_command)
    app.cli.add_command(refresh_command)
    app.cli.add_command(users_command)
