"""Security that applies to every response and every login: headers, CSP nonce, user loading."""

from __future__ import annotations

import secrets
from functools import cache
from urllib.parse import urlsplit

from flask import Flask, abort, g, request
from sqlalchemy import bindparam, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import make_transient_to_detached

from .db_setup import immediate_transactions
from .extensions import db, login_manager
from .prepared import Prepared


def csp_nonce() -> str:
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def safe_next(target: str | None, default: str = "/") -> str:
    """Only our own absolute paths; anything with a scheme, host or backslash goes to ``default``."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return target


class SecureCookiesOverHttps:
    """WSGI middleware: on an HTTPS request every Set-Cookie gets ``Secure``.

    Done at the WSGI edge, not in ``after_request``, because Flask writes the session cookie and
    Flask-Login the remember cookie *after* the app's after-request hooks have run. Plain-HTTP
    development still gets working cookies. Installed inside ProxyFix, so a trusted proxy's
    ``X-Forwarded-Proto: https`` counts as HTTPS.
    """

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        if environ.get("wsgi.url_scheme") != "https":
            return self.wsgi_app(environ, start_response)

        def _start(status, headers, exc_info=None):
            headers = [
                (k, v + "; Secure")
                if k.lower() == "set-cookie" and "secure" not in {
                    p.strip().lower() for p in v.split(";")[1:]}
                else (k, v)
                for k, v in headers
            ]
            return start_response(status, headers, exc_info)

        return self.wsgi_app(environ, _start)


def init_app(app: Flask) -> None:
    app.jinja_env.globals["csp_nonce"] = csp_nonce
    if app.config.get("COOKIE_SECURE_AUTO"):
        app.wsgi_app = SecureCookiesOverHttps(app.wsgi_app)
    proxies = app.config.get("TRUSTED_PROXIES", 0)
    if proxies:
        # Behind an HTTPS proxy: believe its X-Forwarded-* headers (and only that many hops), so
        # request.is_secure drives Secure cookies and HSTS, and rate limits see the real client.
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)

    @app.before_request
    def _no_nul():
        # A NUL is never part of a value a person types, and PostgreSQL refuses it in text (a
        # 500 wherever it would be stored or searched): refused here once for every route.
        if "\x00" in request.path or any("\x00" in v for v in request.args.values()) or (
                request.method == "POST" and any("\x00" in k or "\x00" in v
                                                 for k, vs in request.form.lists() for v in vs)):
            abort(400, "The request contains a NUL character, which no field accepts.")

    @app.after_request
    def _headers(resp):
        nonce = g.get("csp_nonce")
        script = "'self'" + (f" 'nonce-{nonce}'" if nonce else "")
        resp.headers.setdefault(
            "Content-Security-Policy",
            f"default-src 'self'; script-src {script}; style-src 'self'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
        )
        resp.headers.setdefault("X-Frame-Options", "DENY")
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        resp.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if request.is_secure:
            resp.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        if request.endpoint != "static":
            resp.headers.setdefault("Cache-Control", "no-store" if _is_private() else "no-cache")
        return resp

    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please log in to continue."
    login_manager.login_message_category = "info"

    @login_manager.user_loader
    def _load_user(ident: str):
        from .models import User

        user_id, _, token = ident.partition(":")
        if not user_id.isdigit() or not token:
            return None
        user = _get_user(User, int(user_id))
        if user is None or not secrets.compare_digest(user.session_token, token):
            return None
        return user


def _get_user(model, user_id: int):
    """The logged-in user, read as a plain row and made into an entity of the request's session.

    Every logged-in request starts here, and the ORM's own lookup (a query, then an entity built
    attribute by attribute) costs several times what the database does. On SQLite a write request
    holds the database's single write lock from its first statement to its commit, so for those
    requests the row is read before that, on a pooled connection of its own outside any
    transaction. Elsewhere (reads, PostgreSQL) it is read on the request's own connection.
    """
    session = db.session()  # the request's Session behind the scoped proxy
    if session.identity_map.get(session.identity_key(model, user_id)) is not None:
        return session.get(model, user_id)  # loaded already: no query
    (stmt, attributes), params = _user_row_stmt(model), {"user_id": user_id}
    engine = db.engine
    if immediate_transactions.get() and not session.in_transaction() and engine.dialect.name == "sqlite":
        pooled = engine.raw_connection()
        try:
            row = stmt.first_on(engine.dialect, pooled, params)
        finally:
            pooled.close()  # back to the pool
    else:
        row = stmt.first(session.connection(), params)
    if row is None:
        return None
    # As the ORM builds an entity it loaded: the columns straight into the instance's dict (its
    # constructor would set each through the attribute machinery), then marked as loaded.
    user = sa_inspect(model).class_manager.new_instance()
    user.__dict__.update(zip(attributes, row, strict=True))
    make_transient_to_detached(user)  # nothing to flush
    session.add(user)
    return user


@cache
def _user_row_stmt(model) -> tuple[Prepared, tuple[str, ...]]:
    """The statement, and the entity's attribute for each column it returns."""
    mapper, table = sa_inspect(model), model.__table__
    attributes = tuple(mapper.get_property_by_column(column).key for column in table.columns)
    return Prepared(lambda _dialect: select(*table.columns).where(table.c.id == bindparam("user_id"))), attributes


def _is_private() -> bool:
    # The login in the session cookie, not ``current_user.is_authenticated``: that property reads
    # the user row, which after a commit means one more query (and transaction) per response.
    from flask import session

    return "_user_id" in session
