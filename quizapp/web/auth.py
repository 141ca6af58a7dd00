"""Sign up, log in, log out, forgot password. Rate-limited; sessions are renewed on login and
revoked on logout and on every password change."""

from __future__ import annotations

from flask import (
    Blueprint,
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
from wtforms import BooleanField, EmailField, PasswordField, RadioField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from ..accounts import reset
from ..accounts.credentials import AccountError
from ..accounts.mail import send_mail
from ..auth import create_user, find_user, normalise_email, password_problem, rotate_session_token
from ..extensions import db, limiter
from ..security import safe_next

bp = Blueprint("auth", __name__, url_prefix="/auth")


class SignupForm(FlaskForm):
    name = StringField("Your name", validators=[DataRequired(), Length(max=100)])
    email = EmailField("Email", validators=[DataRequired(), Email(check_deliverability=False), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=256)])
    confirm = PasswordField("Repeat password", validators=[DataRequired(), EqualTo("password", "Passwords don't match.")])
    role = RadioField(
        "I am a",
        choices=[("student", "Student"), ("teacher", "Teacher")],
        default="student",
        validators=[DataRequired()],
    )

    def validate_password(self, field):
        problem = password_problem(field.data or "", self.email.data or "")
        if problem:
            raise ValidationError(problem)

    def validate_email(self, field):
        if find_user(db.session, field.data or ""):
            raise ValidationError("An account with this email exists. Log in instead.")


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=256)])
    remember = BooleanField("Keep me logged in")


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class ForgotForm(FlaskForm):
    email = EmailField("Email", filters=[_strip],
                       validators=[DataRequired(), Email(check_deliverability=False), Length(max=254)])


class ResetForm(FlaskForm):
    password = PasswordField("New password", validators=[DataRequired(), Length(max=256)])
    confirm = PasswordField("Repeat the new password",
                            validators=[DataRequired(), EqualTo("password", "Passwords don't match.")])


def _start_session(user, remember: bool = False) -> None:
    # A fresh session on login: nothing from before the login (fixation) carries over.
    session.clear()
    login_user(user, remember=remember)


def _signup_limit() -> str:
    return current_app.config["SIGNUP_RATE_LIMIT"]


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _reset_limit() -> str:
    return current_app.config["RESET_RATE_LIMIT"]


def _reset_email_limit() -> str:
    return current_app.config["RESET_EMAIL_RATE_LIMIT"]


def _asked_email() -> str:
    # Keyed by the address asked about, not by whether it has an account: reveals nothing.
    return "reset:" + normalise_email(request.form.get("email", ""))[:254]


@bp.route("/signup", methods=["GET", "POST"])
@limiter.limit(_signup_limit, methods=["POST"])
def signup():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = SignupForm()
    if form.validate_on_submit():
        user = create_user(db.session, form.email.data, form.name.data, form.password.data, form.role.data)
        db.session.commit()
        _start_session(user)
        flash(f"Welcome, {user.name}! Your account is ready.", "success")
        return redirect(safe_next(request.args.get("next"), url_for("main.home")), 303)
    status = 422 if form.is_submitted() else 200
    return render_template("auth/signup.html", form=form), status


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if form.validate_on_submit():
        user = find_user(db.session, form.email.data)
        if user is not None and user.check_password(form.password.data) and user.active:
            _start_session(user, remember=form.remember.data)
            flash(f"Logged in as {user.name}.", "success")
            return redirect(safe_next(request.args.get("next"), url_for("main.home")), 303)
        if user is not None and not user.active and user.check_password(form.password.data):
            form.email.errors.append("This account has been disabled. Ask your teacher or admin.")
        else:
            form.password.errors.append("Wrong email or password.")
    status = 422 if form.is_submitted() else 200
    return render_template("auth/login.html", form=form), status


@bp.post("/logout")
@login_required
def logout():
    rotate_session_token(current_user)
    db.session.commit()
    logout_user()
    session.clear()
    flash("You have been logged out.", "info")
    return redirect(url_for("main.home"), 303)


NEUTRAL = ("If an account uses that address, we have sent it a link to choose a new password. "
           "The link works once; check your spam folder if nothing arrives.")


@bp.route("/forgot", methods=["GET", "POST"])
@limiter.limit(_reset_limit, methods=["POST"])
@limiter.limit(_reset_email_limit, key_func=_asked_email, methods=["POST"])
def forgot():
    """Ask for a reset link. The answer is the same whether or not the address has an account."""
    form = ForgotForm()
    if form.validate_on_submit():
        lifetime = current_app.config["PASSWORD_RESET_SECONDS"]
        found = reset.request_reset(db.session, form.email.data, lifetime)
        db.session.commit()
        if found is not None:
            user, token = found
            subject, body = reset.reset_mail(user, _external_url("auth.reset_password", token=token), lifetime)
            send_mail(user.email, subject, body)
        flash(NEUTRAL, "info")
        return redirect(url_for("auth.login"), 303)
    return render_template("auth/forgot.html", form=form), 422 if form.is_submitted() else 200


def _external_url(endpoint: str, **values) -> str:
    """An absolute link for a mail: from ``PUBLIC_URL`` when set (a forged Host header cannot
    redirect it), else from the address this request came to."""
    base = current_app.config.get("PUBLIC_URL")
    if base:
        return base + url_for(endpoint, **values)
    return url_for(endpoint, _external=True, **values)


@bp.route("/reset/<token>", methods=["GET", "POST"])
@limiter.limit(_reset_limit, methods=["POST"])
def reset_password(token: str):
    """The page a reset link opens: choose a new password (once, before the link expires)."""
    user = reset.user_for_token(db.session, token)
    if user is None:
        db.session.rollback()
        return render_template("auth/reset_invalid.html"), 404
    form = ResetForm()
    if form.validate_on_submit():
        try:
            reset.reset_password(db.session, token, form.password.data)
        except AccountError as e:
            db.session.rollback()
            form.password.errors = [*form.password.errors, e.message]
        else:
            db.session.commit()
            flash("Your password was changed and every session of your account ended. Log in with the new "
                  "password.", "success")
            return redirect(url_for("auth.login"), 303)
    return render_template("auth/reset.html", form=form, email=user.email), 422 if form.is_submitted() else 200
