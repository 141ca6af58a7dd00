"""``quizapp users``: list accounts, change roles, disable or delete one from the command line.

There is no default admin account: the first admin is whoever the operator promotes here
(``quizapp users promote alice@example.com --role admin``) after they signed up normally.
"""

from __future__ import annotations

import click
from flask.cli import with_appcontext
from sqlalchemy import func, select


def _user(email: str):
    from ..auth import find_user
    from ..extensions import db

    user = find_user(db.session, email)
    if user is None:
        raise click.ClickException(f"No account with the email {email}.")
    return user


@click.group("users")
def users_command() -> None:
    """List accounts; promote, demote, disable, enable or delete one."""


@users_command.command("list")
@click.option("--role", type=click.Choice(["student", "teacher", "admin"]), help="Only this role.")
@click.option("--disabled", is_flag=True, help="Only disabled accounts.")
@with_appcontext
def list_users(role: str | None, disabled: bool) -> None:
    """Print every account: id, email, name, role, status, created."""
    from ..extensions import db
    from ..models import User

    stmt = select(User).order_by(User.id)
    if role:
        stmt = stmt.where(User.role == role)
    if disabled:
        stmt = stmt.where(User.active.is_(False))
    users = list(db.session.scalars(stmt))
    click.echo(f"{'id':>5}  {'email':<32} {'name':<24} {'role':<8} {'status':<8} created")
    for u in users:
        click.echo(f"{u.id:>5}  {u.email[:32]:<32} {u.name[:24]:<24} {u.role:<8} "
                   f"{'active' if u.active else 'disabled':<8} {u.created_at:%Y-%m-%d}")
    total = db.session.scalar(select(func.count()).select_from(User))
    click.echo(f"{len(users)} of {total} account(s)", err=True)


@users_command.command("promote")
@click.argument("email")
@click.option("--role", type=click.Choice(["teacher", "admin"]), default="teacher", show_default=True)
@with_appcontext
def promote(email: str, role: str) -> None:
    """Make an account a teacher (or an admin)."""
    from ..extensions import db

    user = _user(email)
    before = user.role
    user.role = role
    db.session.commit()
    click.echo(f"{user.email}: {before} → {role}")


@users_command.command("demote")
@click.argument("email")
@with_appcontext
def demote(email: str) -> None:
    """Make an account a student again (their sets and classes are kept but locked)."""
    from ..extensions import db

    user = _user(email)
    before = user.role
    user.role = "student"
    db.session.commit()
    click.echo(f"{user.email}: {before} → student")


def _set_active(email: str, active: bool) -> None:
    from ..auth import rotate_session_token
    from ..extensions import db

    user = _user(email)
    user.active = active
    if not active:
        rotate_session_token(user)  # logged-in sessions end now, not at their next login
    db.session.commit()
    click.echo(f"{user.email}: {'enabled' if active else 'disabled'}")


@users_command.command("disable")
@click.argument("email")
@with_appcontext
def disable(email: str) -> None:
    """Block an account from logging in and end its sessions."""
    _set_active(email, False)


@users_command.command("enable")
@click.argument("email")
@with_appcontext
def enable(email: str) -> None:
    """Let a disabled account log in again."""
    _set_active(email, True)


@users_command.command("delete")
@click.argument("email")
@click.confirmation_option(prompt="Delete this account and its data for good?")
@with_appcontext
def delete_user(email: str) -> None:
    """Delete an account and its data, as its owner could (classes they teach are archived)."""
    from flask import current_app

    from ..accounts.deletion import delete_account, forget_files
    from ..extensions import db

    user = _user(email)
    uid, address = user.id, user.email
    done = delete_account(db.session, user)
    db.session.commit()
    forget_files(current_app.config, uid)
    click.echo(f"{address}: deleted ({done.archived_classes} class(es) archived, {done.told} people told, "
               f"{done.kept_questions} question(s) kept for others)")
