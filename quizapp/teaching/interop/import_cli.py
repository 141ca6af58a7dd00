"""``quizapp import FILE``: the web import from the command line. ``--dry-run --json`` needs no
database: it prints what the file would become (format, questions, per-row errors). Without
``--dry-run`` the valid questions go into a new set of the given user, in one transaction."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..formats import ParseResult
from .registry import (
    FORMAT_LABELS,
    MAX_PACKAGE_BYTES,
    ImportOptions,
    ImportRefused,
    default_title,
    detect_and_parse,
)

_SEPS = {"tab": "\t", "comma": ",", "newline": "\n", "semicolon": ";"}


def report(fmt: str | None, result: ParseResult | None, refused: str | None = None) -> dict:
    """The JSON the command prints: valid questions, and every problem with where it is."""
    errors: list[dict] = []
    if refused:
        errors.append({"row": None, "line": None, "excerpt": "", "messages": [refused]})
    if result is not None:
        errors += [{"row": None, "line": None, "excerpt": "", "messages": [m]} for m in result.file_errors]
        errors += [{"row": r.number, "line": r.line, "excerpt": r.excerpt, "messages": list(r.errors)}
                   for r in result.bad_rows]
    return {
        "format": fmt,
        "title": result.title if result else "",
        "questions": [q.to_json() for q in result.questions()] if result else [],
        "errors": errors,
        "warnings": list(result.warnings) if result else [],
    }


def _sep(value: str | None) -> str | None:
    if value in (None, "", "auto"):
        return None
    return _SEPS.get(value, value.replace("\\t", "\t").replace("\\n", "\n"))


@click.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["auto", *FORMAT_LABELS]), default="auto",
              show_default=True, help="Skip detection and read the file as this format.")
@click.option("--dry-run", is_flag=True, help="Only parse and report; touch no database.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--user", "email", help="Email of the teacher whose new set receives the questions.")
@click.option("--title", help="Title of the new set (default: from the file).")
@click.option("--valid-only", is_flag=True, help="Import the valid rows even when others have errors.")
@click.option("--term-sep", help="Quizlet: tab, comma or the separator itself (default: detect).")
@click.option("--card-sep", help="Quizlet: newline, semicolon or the separator itself (default: detect).")
@click.option("--multiple-choice", is_flag=True, help="Quizlet: multiple choice instead of typed answers.")
@click.pass_context
def import_command(ctx, path: Path, fmt: str, dry_run: bool, as_json: bool, email: str | None,
                   title: str | None, valid_only: bool, term_sep: str | None, card_sep: str | None,
                   multiple_choice: bool) -> None:
    """Import a question-set file (Anki, Quizlet, Moodle XML or GIFT, CSV, JSON)."""
    if not dry_run and not email:
        raise click.UsageError("Say whose set this is with --user EMAIL, or use --dry-run.")
    if path.stat().st_size > MAX_PACKAGE_BYTES:
        raise click.ClickException(f"The file is larger than {MAX_PACKAGE_BYTES // (1024 * 1024)} MB.")
    options = ImportOptions(_sep(term_sep), _sep(card_sep), multiple_choice)
    try:
        found, result = detect_and_parse(path.name, path.read_bytes(), options, fmt)
    except ImportRefused as exc:
        if as_json:
            click.echo(json.dumps(report(None if fmt == "auto" else fmt, None, str(exc)), ensure_ascii=False,
                                  indent=2))
            ctx.exit(1)
        raise click.ClickException(str(exc)) from None
    result.title = title or result.title or default_title(path.name)
    doc = report(found, result)
    if as_json:
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        click.echo(f"{FORMAT_LABELS[found]}: {len(result.rows)} row(s), {len(doc['questions'])} valid, "
                   f"{len(result.bad_rows)} with errors.")
        for e in doc["errors"]:
            where = f"row {e['row']}" if e["row"] else "file"
            click.echo(f"  {where}: {' '.join(e['messages'])}", err=True)
    if dry_run:
        ctx.exit(0 if doc["questions"] and not result.file_errors else 1)
    if result.file_errors or not doc["questions"]:
        raise click.ClickException("Nothing to import: the file has no valid questions.")
    if result.bad_rows and not valid_only:
        raise click.ClickException(f"{len(result.bad_rows)} row(s) have errors; fix the file or pass "
                                   "--valid-only to import only the valid rows.")
    _store(ctx, email, result)


def _store(ctx, email: str, result: ParseResult) -> None:
    from flask.cli import ScriptInfo

    app = ctx.ensure_object(ScriptInfo).load_app()
    with app.app_context():
        from ...auth import find_user
        from ...extensions import db
        from .. import store as ts
        from ..formats import MAX_QUESTIONS

        user = find_user(db.session, email)
        if user is None:
            raise click.ClickException(f"No account with the email {email}.")
        if not user.is_teacher:
            raise click.ClickException(f"{email} is not a teacher; only teachers own sets.")
        questions = result.questions()
        if len(questions) > MAX_QUESTIONS:
            raise click.ClickException(f"A set holds at most {MAX_QUESTIONS} questions.")
        try:
            sset = ts.create_set(db.session, user, result.title[:200] or "Imported set", result.description)
            n = ts.import_questions(db.session, user, sset, questions)
            db.session.commit()
        except Exception:
            db.session.rollback()
            raise
        click.echo(f"Imported {n} question(s) into the new set “{sset.title}” (id {sset.id}).", err=True)
