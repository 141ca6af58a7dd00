"""The admin's user page: list and search accounts, change a role, disable or enable, delete.

Only admins; anyone else gets 404 (the page does not exist for them). Rules live in
``quizapp.accounts.admin`` and ``quizapp.accounts.deletion`` (the same deletion as a user's own).
"""

from __future__ import annotations

from functools import wraps

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, SelectField
from wtforms.validators import AnyOf, DataRequired, Length

from ..accounts import admin as rules
from ..accounts.credentials import AccountError
from ..accounts.deletion import delete_account, forget_files
from ..extensions import db, limiter
from ..models import ROLES, User
from .helpers import get_or_404, paginate

bp = Blueprint("admin", __name__, url_prefix="/admin")


def admin_required(view):
    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if current_user.role != "admin":
            abort(404)
        return view(*args, **kwargs)

    return wrapped


class RoleForm(FlaskForm):
    role = SelectField("Role", choices=[(r, r.capitalize()) for r in ROLES], validate_choice=True)


class ActiveForm(FlaskForm):
    active = HiddenField(validators=[DataRequired(), AnyOf(["0", "1"], message="Say 0 or 1.")])


class AdminDeleteForm(FlaskForm):
    current_password = PasswordField("Your own password (to confirm)", validators=[DataRequired(), Length(max=256)])


def _query_args() -> dict:
    """The list's search and filter, kept across actions."""
    q = (request.values.get("q") or "").strip()[:254]
    role = request.values.get("role_filter") or ""
    return {"q": q, "role_filter": role if role in ROLES else ""}


def _list(error: str | None = None, status: int = 200):
    args = _query_args()
    page = paginate(rules.users_query(args["q"], args["role_filter"]), current_app.config.get("PAGE_SIZE", 25))
    return render_template("admin/users.html", page=page, args=args, roles=ROLES, error=error,
                           role_form=RoleForm(formdata=None), active_form=ActiveForm(formdata=None)), status


def _back():
    return redirect(url_for("admin.users", **{k: v for k, v in _query_args().items() if v}), 303)


@bp.get("/users")
@admin_required
def users():
    return _list()


@bp.post("/users/<int:user_id>/role")
@admin_required
def role(user_id: int):
    user = get_or_404(User, user_id)
    form = RoleForm()
    if not form.validate_on_submit():
        return _list("Choose student, teacher or admin.", 422)
    try:
        before = rules.set_role(db.session, current_user, user, form.role.data)
    except AccountError as e:
        db.session.rollback()
        return _list(e.message, 422)
    db.session.commit()
    flash(f"{user.email}: {before} → {user.role}.", "success")
    return _back()


@bp.post("/users/<int:user_id>/active")
@admin_required
def active(user_id: int):
    user = get_or_404(User, user_id)
    form = ActiveForm()
    if not form.validate_on_submit():
        return _list("Say whether to enable or disable the account.", 422)
    try:
        rules.set_active(db.session, current_user, user, form.active.data == "1")
    except AccountError as e:
        db.session.rollback()
        return _list(e.message, 422)
    db.session.commit()
    flash(f"{user.email}: {'enabled' if user.active else 'disabled; their sessions ended'}.", "success")
    return _back()


def _password_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


@bp.route("/users/<int:user_id>/delete", methods=["GET", "POST"])
@admin_required
@limiter.limit(_password_limit, methods=["POST"])
def delete(user_id: int):
    user = get_or_404(User, user_id)
    form = AdminDeleteForm()
    if user.id == current_user.id:
        if request.method == "POST":
            return _list("You can't delete your own account here; use your account settings.", 422)
        return redirect(url_for("account.delete"), 303)
    if form.validate_on_submit():
        if not current_user.check_password(form.current_password.data):
            form.current_password.errors = [*form.current_password.errors,
                                            "That is not your password; nothing was deleted."]
        else:
            email, uid = user.email, user.id
            delete_account(db.session, user)
            db.session.commit()
            forget_files(current_app.config, uid)
            flash(f"The account {email} and its data were deleted.", "success")
            return _back()
    return render_template("admin/delete.html", form=form, user=user), 422 if form.is_submitted() else 200
