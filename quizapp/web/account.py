"""Account settings: change password or e-mail, download my data, delete my account, notices.

Thin views: the rules are in ``quizapp.accounts``. Every change asks for the current password,
is one transaction and answers 303; a refusal re-renders the form with 422 and says why.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_required, login_user, logout_user
from flask_wtf import FlaskForm
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from ..accounts import notices
from ..accounts.credentials import AccountError, change_email, change_password
from ..accounts.deletion import delete_account, forget_files
from ..accounts.export import build_export
from ..accounts.mail import send_mail
from ..extensions import db, limiter
from ..models import ClassGroup, Collection, Membership, StudySet, utcnow
from ..security import safe_next

bp = Blueprint("account", __name__, url_prefix="/account")


class PasswordForm(FlaskForm):
    current_password = PasswordField("Current password", validators=[DataRequired(), Length(max=256)])
    password = PasswordField("New password", validators=[DataRequired(), Length(max=256)])
    confirm = PasswordField("Repeat the new password",
                            validators=[DataRequired(), EqualTo("password", "Passwords don't match.")])


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class EmailForm(FlaskForm):
    email = EmailField("New e-mail address", filters=[_strip],
                       validators=[DataRequired(), Email(check_deliverability=False), Length(max=254)])
    current_password = PasswordField("Current password", validators=[DataRequired(), Length(max=256)])


class DeleteForm(FlaskForm):
    current_password = PasswordField("Your password", validators=[DataRequired(), Length(max=256)])


def _password_limit() -> str:
    # Each form here checks the password: guessing it is limited like logging in.
    return current_app.config["LOGIN_RATE_LIMIT"]


def _refused(form: FlaskForm, e: AccountError) -> None:
    db.session.rollback()
    field = getattr(form, e.field, None) or form.current_password
    field.errors = [*field.errors, e.message]


def _status(form: FlaskForm) -> int:
    return 422 if form.is_submitted() else 200


@bp.get("/")
@login_required
def settings():
    uid = current_user.id
    return render_template("account/settings.html", summary=_summary(uid))


def _summary(uid: int) -> dict[str, int]:
    """What the user has that deletion touches (shown before they delete)."""
    def count(stmt) -> int:
        return db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0

    return {
        "classes": count(select(ClassGroup.id).where(ClassGroup.owner_id == uid)),
        "students": count(select(Membership.user_id).join(ClassGroup, ClassGroup.id == Membership.class_id)
                          .where(ClassGroup.owner_id == uid).distinct()),
        "sets": count(select(StudySet.id).where(StudySet.owner_id == uid)),
        "collections": count(select(Collection.id).where(Collection.owner_id == uid)),
    }


@bp.route("/password", methods=["GET", "POST"])
@login_required
@limiter.limit(_password_limit, methods=["POST"])
def password():
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            change_password(db.session, current_user, form.current_password.data, form.password.data)
        except AccountError as e:
            _refused(form, e)
        else:
            remembered = current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token") in request.cookies
            db.session.commit()
            # The session token changed: this session logs in again with it; every other one is out.
            login_user(current_user._get_current_object(), remember=remembered)
            flash("Password changed. You were logged out everywhere else.", "success")
            return redirect(url_for("account.settings"), 303)
    return render_template("account/password.html", form=form), _status(form)


@bp.route("/email", methods=["GET", "POST"])
@login_required
@limiter.limit(_password_limit, methods=["POST"])
def email():
    form = EmailForm()
    if form.validate_on_submit():
        try:
            old = change_email(db.session, current_user, form.current_password.data, form.email.data)
            db.session.commit()
        except AccountError as e:
            _refused(form, e)
        except IntegrityError:  # taken between our check and the write
            _refused(form, AccountError("email", "Another account uses this e-mail address."))
        else:
            send_mail(old, "Your quizapp e-mail address changed",
                      f"Hello {current_user.name},\n\nThe e-mail address of your quizapp account was changed "
                      f"from {old} to {current_user.email}.\nIf you did not do this, reset your password "
                      "and tell your admin.\n")
            flash(f"Your e-mail address is now {current_user.email}.", "success")
            return redirect(url_for("account.settings"), 303)
    return render_template("account/email.html", form=form), _status(form)


@bp.get("/data.zip")
@login_required
def export():
    now = utcnow()
    data, _names = build_export(db.session, current_user, now)
    resp = Response(data, mimetype="application/zip")
    resp.headers["Content-Disposition"] = f'attachment; filename="quizapp-data-{now:%Y-%m-%d}.zip"'
    return resp


@bp.route("/delete", methods=["GET", "POST"])
@login_required
@limiter.limit(_password_limit, methods=["POST"])
def delete():
    form = DeleteForm()
    if form.validate_on_submit():
        if not current_user.check_password(form.current_password.data):
            _refused(form, AccountError("current_password", "That is not your password; nothing was deleted."))
        else:
            user = current_user._get_current_object()
            uid = user.id
            delete_account(db.session, user)
            db.session.commit()
            forget_files(current_app.config, uid)
            logout_user()
            session.clear()
            flash("Your account and your data were deleted. Goodbye.", "info")
            return redirect(url_for("main.home"), 303)
    return render_template("account/delete.html", form=form, summary=_summary(current_user.id)), _status(form)


@bp.post("/notices/<int:notice_id>/dismiss")
@login_required
def dismiss_notice(notice_id: int):
    notices.dismiss(db.session, current_user, notice_id)
    db.session.commit()
    return redirect(safe_next(request.form.get("next"), url_for("main.home")), 303)


def _account_notices() -> list:
    """For base.html: the logged-in user's notices (no query unless they have some)."""
    if "_user_id" not in session or not current_user.is_authenticated:
        return []
    return notices.notices_for(db.session, current_user)


def init_app(app) -> None:
    app.jinja_env.globals["account_notices"] = _account_notices
