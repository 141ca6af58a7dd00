"""Security properties every response and every login must have (issue 7).

Headers and CSP, cookie flags, session renewal on login and revocation on logout, rate limits,
password policy, open redirects, CSRF with the token check switched back on, and "no state change
on GET" checked by walking every route of the app.
"""

from __future__ import annotations

import hashlib
import re

import pytest
from flask_login import current_user, login_required
from sqlalchemy import select, text

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import User
from quizapp.security import safe_next

from .conftest import _base_config

PASSWORD = "correct horse 42"


# ------------------------------------------------------------------ helpers
def _whoami_route(app) -> None:
    """A login-required probe page: tells whether a cookie still authenticates."""

    @app.get("/_test/whoami")
    @login_required
    def _whoami():
        return {"id": current_user.id}


def _set_cookies(resp) -> dict[str, str]:
    """Set-Cookie headers of ``resp`` by cookie name (the raw header line)."""
    out = {}
    for line in resp.headers.getlist("Set-Cookie"):
        name = line.split("=", 1)[0]
        out[name] = line
    return out


def _cookie_flags(line: str) -> set[str]:
    return {p.strip().split("=")[0].lower() for p in line.split(";")[1:]}


def _cookie_value(client, name: str = "session") -> str | None:
    c = client.get_cookie(name)
    return c.value if c else None


def _csrf_from(html: str) -> str:
    m = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html) or re.search(
        r'name="csrf-token" content="([^"]+)"', html
    )
    assert m, "no CSRF token in the page"
    return m.group(1)


def db_fingerprint(app) -> dict[str, tuple[int, str]]:
    """Row count and a digest of every row of every table: any write changes it."""
    out = {}
    with app.app_context():
        for table in db.metadata.sorted_tables:
            rows = db.session.execute(select(table)).all()
            digest = hashlib.sha256("\n".join(sorted(repr(tuple(r)) for r in rows)).encode()).hexdigest()
            out[table.name] = (len(rows), digest)
        db.session.remove()
    return out


def _changed(before: dict, after: dict) -> list[str]:
    return [t for t in before if before[t] != after.get(t)]


# ------------------------------------------------------------------ headers and CSP
PAGES = ["/", "/auth/login", "/auth/signup", "/healthz", "/nope-404"]


@pytest.mark.parametrize("path", PAGES)
def test_security_headers_on_every_kind_of_response(client, path):
    r = client.get(path)
    csp = r.headers["Content-Security-Policy"]
    directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
    assert "script-src" in directives or "default-src" in directives
    script = directives.get("script-src", directives.get("default-src"))
    assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script
    assert "*" not in script and not any(s.startswith(("http:", "https:", "data:")) for s in script)
    assert "'unsafe-inline'" not in directives.get("style-src", [])
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert r.headers["X-Frame-Options"] == "DENY"
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Referrer-Policy"] in ("strict-origin-when-cross-origin", "same-origin", "no-referrer")
    assert "Strict-Transport-Security" not in r.headers  # plain HTTP: HSTS would be meaningless


def test_hsts_only_over_https(client):
    r = client.get("/", base_url="https://localhost")
    assert r.headers["Strict-Transport-Security"].startswith("max-age=")


def _inline_problems(html: str, nonce: str | None) -> list[str]:
    problems = []
    for m in re.finditer(r"<script\b([^>]*)>(.*?)</script>", html, re.S | re.I):
        attrs, body = m.group(1), m.group(2)
        if "src=" not in attrs and body.strip():
            if not nonce or f'nonce="{nonce}"' not in attrs:
                problems.append("inline script without this response's nonce")
    if re.search(r"\sstyle\s*=", html, re.I):
        problems.append("style= attribute (blocked by the CSP)")
    if re.search(r"<[^>]+\son[a-z]+\s*=", html, re.I):
        problems.append("inline event handler (on...=)")
    if re.search(r"href\s*=\s*[\"']\s*javascript:", html, re.I):
        problems.append("javascript: URL")
    return problems


def _get_routes(app):
    """Every GET rule without URL parameters, except static and our probe."""
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods and not rule.arguments and rule.endpoint != "static":
            if not rule.rule.startswith("/_test"):
                yield rule.rule


@pytest.mark.parametrize("role", ["student", "teacher"])
def test_no_inline_script_or_style_on_any_page(seeded_app, make_user, role):
    """Every parameterless page, logged in: scripts come from files or carry the CSP nonce."""
    make_user("u@example.com", role=role)
    client = seeded_app.test_client()
    client.post("/auth/login", data={"email": "u@example.com", "password": PASSWORD})
    checked = 0
    for path in _get_routes(seeded_app):
        r = client.get(path)
        if r.mimetype != "text/html":
            continue
        csp = r.headers["Content-Security-Policy"]
        m = re.search(r"'nonce-([^']+)'", csp)
        problems = _inline_problems(r.get_data(as_text=True), m.group(1) if m else None)
        assert not problems, (path, problems)
        checked += 1
    assert checked >= 5


def test_nonce_is_fresh_per_response(app):
    @app.get("/_test/nonce")
    def _nonce():
        from quizapp.security import csp_nonce

        return f'<script nonce="{csp_nonce()}">1</script>'

    c = app.test_client()
    a, b = c.get("/_test/nonce"), c.get("/_test/nonce")
    na = re.search(r"'nonce-([^']+)'", a.headers["Content-Security-Policy"]).group(1)
    nb = re.search(r"'nonce-([^']+)'", b.headers["Content-Security-Policy"]).group(1)
    assert na != nb and f'nonce="{na}"' in a.get_data(as_text=True)
    assert len(na) >= 16


# ------------------------------------------------------------------ cookies and sessions
def test_session_cookie_flags_over_http(client, make_user):
    make_user()
    r = client.post("/auth/login", data={"email": "student@example.com", "password": PASSWORD})
    assert r.status_code == 303
    line = _set_cookies(r)["session"]
    flags = _cookie_flags(line)
    assert "httponly" in flags
    assert "samesite=lax" in line.lower().replace(" ", "")
    assert "secure" not in flags  # plain-HTTP development keeps working


def test_session_and_remember_cookies_secure_over_https(client, make_user):
    make_user()
    r = client.post(
        "/auth/login",
        data={"email": "student@example.com", "password": PASSWORD, "remember": "y"},
        base_url="https://localhost",
    )
    assert r.status_code == 303
    cookies = _set_cookies(r)
    assert {"session", "remember_token"} <= set(cookies)
    for line in cookies.values():
        flags = _cookie_flags(line)
        assert {"secure", "httponly"} <= flags, line
        assert "samesite=lax" in line.lower().replace(" ", "")


def test_forwarded_proto_ignored_without_a_trusted_proxy(client, make_user):
    """A client cannot claim HTTPS (or another IP) by sending proxy headers itself."""
    make_user()
    r = client.post(
        "/auth/login",
        data={"email": "student@example.com", "password": PASSWORD},
        headers={"X-Forwarded-Proto": "https"},
    )
    assert "secure" not in _cookie_flags(_set_cookies(r)["session"])


def test_forwarded_proto_trusted_behind_configured_proxy(_migrated, tmp_path, monkeypatch, make_user):
    monkeypatch.setenv("TRUSTED_PROXIES", "1")
    app = _fresh_app(_migrated, tmp_path, monkeypatch)
    with app.app_context():
        from quizapp.auth import create_user

        create_user(db.session, "p@example.com", "P", PASSWORD)
        db.session.commit()
    r = app.test_client().post(
        "/auth/login",
        data={"email": "p@example.com", "password": PASSWORD},
        headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"},
    )
    assert r.status_code == 303
    assert "secure" in _cookie_flags(_set_cookies(r)["session"])
    assert r.headers["Strict-Transport-Security"]


def test_login_starts_a_new_session(app, client, make_user):
    """Session fixation: nothing planted before login survives it, and the cookie changes."""
    make_user()
    client.get("/auth/login")
    with client.session_transaction() as s:
        s["planted"] = "attacker"
    before = _cookie_value(client)
    client.post("/auth/login", data={"email": "student@example.com", "password": PASSWORD})
    after = _cookie_value(client)
    assert after and after != before
    with client.session_transaction() as s:
        assert "planted" not in s
        assert s.get("_user_id")


def test_old_cookie_is_useless_after_logout(app, make_user):
    _whoami_route(app)
    make_user()
    client = app.test_client()
    client.post(
        "/auth/login", data={"email": "student@example.com", "password": PASSWORD, "remember": "y"}
    )
    assert client.get("/_test/whoami").status_code == 200
    stolen_session = _cookie_value(client, "session")
    stolen_remember = _cookie_value(client, "remember_token")
    assert stolen_session and stolen_remember
    assert client.post("/auth/logout").status_code == 303
    assert client.get("/_test/whoami").status_code == 302

    # Replay the cookies captured before logout in a fresh browser.
    for name, value in (("session", stolen_session), ("remember_token", stolen_remember)):
        thief = app.test_client()
        thief.set_cookie(name, value)
        r = thief.get("/_test/whoami")
        assert r.status_code == 302 and "/auth/login" in r.headers["Location"], name


def test_logout_elsewhere_ends_every_session(app, make_user):
    """Logging out on one device revokes the cookies of the others (the session token rotates)."""
    _whoami_route(app)
    make_user()
    laptop, phone = app.test_client(), app.test_client()
    for c in (laptop, phone):
        c.post("/auth/login", data={"email": "student@example.com", "password": PASSWORD})
        assert c.get("/_test/whoami").status_code == 200
    laptop.post("/auth/logout")
    assert phone.get("/_test/whoami").status_code == 302


def test_logout_is_post_only(client, make_user):
    make_user()
    client.post("/auth/login", data={"email": "student@example.com", "password": PASSWORD})
    assert client.get("/auth/logout").status_code == 405
    with client.session_transaction() as s:
        assert s.get("_user_id")


# ------------------------------------------------------------------ rate limits
def _fresh_app(_migrated, tmp_path, monkeypatch, **extra):
    """A second app on the test database with ``extra`` config (the fixture's has limits off)."""
    import shutil

    from .conftest import IS_PG, _truncate_all

    monkeypatch.setenv("QUIZAPP_INSTANCE", str(tmp_path / "instance2"))
    if IS_PG:
        url = _migrated
    else:
        dbfile = tmp_path / "second.sqlite"
        shutil.copy(_migrated, dbfile)
        url = f"sqlite:///{dbfile}"
    app = create_app({**_base_config(tmp_path, url), **extra})
    if IS_PG:
        with app.app_context():
            _truncate_all()
    return app


@pytest.fixture
def limited_app(_migrated, tmp_path, monkeypatch):
    app = _fresh_app(
        _migrated, tmp_path, monkeypatch,
        RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI="memory://",
        LOGIN_RATE_LIMIT="3 per minute", SIGNUP_RATE_LIMIT="2 per minute",
    )
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_login_is_rate_limited(limited_app):
    c = limited_app.test_client()
    codes = [
        c.post("/auth/login", data={"email": "x@example.com", "password": "wrong password"}).status_code
        for _ in range(5)
    ]
    assert codes[:3] == [422, 422, 422]
    assert codes[3:] == [429, 429]
    assert c.get("/auth/login").status_code == 200  # the form itself is not limited
    # Another client address has its own budget; a spoofed X-Forwarded-For does not.
    r = c.post("/auth/login", data={"email": "x@example.com", "password": "wrong password"},
               headers={"X-Forwarded-For": "198.51.100.7"})
    assert r.status_code == 429
    other = limited_app.test_client()
    r = other.post("/auth/login", data={"email": "x@example.com", "password": "nope nope"},
                   environ_base={"REMOTE_ADDR": "198.51.100.8"})
    assert r.status_code == 422


def test_signup_is_rate_limited(limited_app):
    c = limited_app.test_client()
    codes = []
    for i in range(4):
        r = c.post("/auth/signup", data={
            "name": f"N{i}", "email": f"n{i}@example.com", "password": "a much better pass",
            "confirm": "a much better pass", "role": "student"})
        codes.append(r.status_code)
        c.post("/auth/logout")
    assert codes[:2] == [303, 303] and codes[2:] == [429, 429]
    with limited_app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(User)) == 2


def test_rate_limit_storage_is_configurable(monkeypatch, tmp_path):
    from quizapp.config import default_config

    assert default_config(str(tmp_path))["RATELIMIT_STORAGE_URI"] == "memory://"
    monkeypatch.setenv("RATELIMIT_STORAGE_URI", "redis://cache:6379/0")
    assert default_config(str(tmp_path))["RATELIMIT_STORAGE_URI"] == "redis://cache:6379/0"


# ------------------------------------------------------------------ passwords
@pytest.mark.parametrize(
    "password, why",
    [("short7!", "at least 8"), ("password123", "too common"), ("Qwerty123", "too common"),
     ("iloveyou", "too common")],
)
def test_weak_passwords_refused(app, client, password, why):
    r = client.post("/auth/signup", data={
        "name": "W", "email": "w@example.com", "password": password, "confirm": password,
        "role": "student"})
    assert r.status_code == 422
    assert why in r.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(User).where(User.email == "w@example.com")) is None


def test_good_password_accepted_and_hashed(app, client):
    r = client.post("/auth/signup", data={
        "name": "G", "email": "g@example.com", "password": "tangerine lamp 9",
        "confirm": "tangerine lamp 9", "role": "student"})
    assert r.status_code == 303
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == "g@example.com"))
        assert "tangerine" not in user.password_hash and user.check_password("tangerine lamp 9")


# ------------------------------------------------------------------ redirects
EVIL_NEXT = [
    "https://evil.example/", "//evil.example/", "/\\evil.example", "\\\\evil.example",
    "javascript:alert(1)", "http:/evil.example", "/%2F%2Fevil.example", " //evil.example",
    "\t//evil.example", "///evil.example", "https:evil.example", "/\t/evil.example",
]


@pytest.mark.parametrize("target", EVIL_NEXT)
def test_next_never_leaves_the_site(client, make_user, target):
    make_user()
    r = client.post("/auth/login", query_string={"next": target},
                    data={"email": "student@example.com", "password": PASSWORD})
    assert r.status_code == 303
    loc = r.headers["Location"]
    assert loc.startswith("/") and not loc.startswith("//") and "\\" not in loc
    assert "evil" not in loc.split("?")[0].lower() or loc.startswith("/%2F")


def test_next_keeps_our_own_paths(client, make_user):
    make_user()
    r = client.post("/auth/login", query_string={"next": "/facts/?kind=date"},
                    data={"email": "student@example.com", "password": PASSWORD})
    assert r.headers["Location"] == "/facts/?kind=date"


@pytest.mark.parametrize("target", EVIL_NEXT)
def test_safe_next_unit(target):
    out = safe_next(target, "/home")
    assert out == "/home" or (out.startswith("/") and not out.startswith("//") and "\\" not in out
                              and "\t" not in out)


# ------------------------------------------------------------------ CSRF, switched back on
@pytest.fixture
def csrf_app(_migrated, tmp_path, monkeypatch):
    app = _fresh_app(_migrated, tmp_path, monkeypatch, WTF_CSRF_ENABLED=True)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def _csrf_login(app, client, email="c@example.com"):
    with app.app_context():
        from quizapp.auth import create_user

        if db.session.scalar(select(User).where(User.email == email)) is None:
            create_user(db.session, email, "C", PASSWORD)
            db.session.commit()
    token = _csrf_from(client.get("/auth/login").get_data(as_text=True))
    r = client.post("/auth/login", data={"email": email, "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 303
    return _csrf_from(client.get("/").get_data(as_text=True))


def test_csrf_login_without_token_rejected(csrf_app):
    with csrf_app.app_context():
        from quizapp.auth import create_user

        create_user(db.session, "c@example.com", "C", PASSWORD)
        db.session.commit()
    c = csrf_app.test_client()
    r = c.post("/auth/login", data={"email": "c@example.com", "password": PASSWORD})
    assert r.status_code == 400
    with c.session_transaction() as s:
        assert not s.get("_user_id")
    r = c.post("/auth/login", data={"email": "c@example.com", "password": PASSWORD,
                                    "csrf_token": "forged"})
    assert r.status_code == 400


def test_csrf_signup_without_token_rejected(csrf_app):
    c = csrf_app.test_client()
    r = c.post("/auth/signup", data={"name": "S", "email": "s@example.com", "password": "tangerine lamp 9",
                                     "confirm": "tangerine lamp 9", "role": "student"})
    assert r.status_code == 400
    with csrf_app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(User)) == 0


def test_csrf_logout_without_token_rejected_header_token_accepted(csrf_app):
    _whoami_route(csrf_app)
    c = csrf_app.test_client()
    token = _csrf_login(csrf_app, c)
    assert c.post("/auth/logout").status_code == 400
    assert c.get("/_test/whoami").status_code == 200  # still logged in
    # htmx sends the token from the meta tag as a header.
    assert c.post("/auth/logout", headers={"X-CSRFToken": token}).status_code == 303
    assert c.get("/_test/whoami").status_code == 302


def _post_endpoints(app):
    """(rule, endpoint) of every POST route, with integer parameters filled with 1."""
    out = []
    for rule in app.url_map.iter_rules():
        if "POST" not in rule.methods or rule.endpoint == "static":
            continue
        values = {a: (1 if rule._converters[a].__class__.__name__ == "IntegerConverter" else "x")
                  for a in rule.arguments}
        try:
            path = rule.build(values)[1]
        except Exception:  # a converter that rejects our filler; skip it
            continue
        out.append((path, rule.endpoint))
    return out


def test_csrf_every_post_route_rejects_a_missing_token(csrf_app):
    """Logged in, every POST route without a token answers 400 and writes nothing."""
    c = csrf_app.test_client()
    _csrf_login(csrf_app, c)
    before = db_fingerprint(csrf_app)
    routes = _post_endpoints(csrf_app)
    assert any(e == "auth.logout" for _, e in routes)
    for path, endpoint in routes:
        r = c.post(path, data={"x": "1"})
        assert r.status_code == 400, (endpoint, path, r.status_code)
    assert _changed(before, db_fingerprint(csrf_app)) == []


# ------------------------------------------------------------------ no state change on GET
def _fill(rule, ids: dict[str, int]):
    values = {}
    for a in rule.arguments:
        conv = rule._converters[a].__class__.__name__
        values[a] = ids.get(a, 1) if conv == "IntegerConverter" else "x"
    return rule.build(values)[1]


def test_get_never_changes_the_database(seeded_app, make_user):
    """Walk ``app.url_map``: a GET on any route (POST routes included) changes no row.

    Run as a teacher and as a student who both have some history, so views that would lazily
    create rows (cards, quizzes) on GET are caught.
    """
    make_user("t@example.com", "T", PASSWORD, "teacher")
    make_user("s@example.com", "S", PASSWORD, "student")
    rules = [r for r in seeded_app.url_map.iter_rules()
             if r.endpoint != "static" and not r.rule.startswith("/_test")]
    assert len(rules) > 10
    for email in ("t@example.com", "s@example.com"):
        c = seeded_app.test_client()
        c.post("/auth/login", data={"email": email, "password": PASSWORD})
        before = db_fingerprint(seeded_app)
        for rule in rules:
            try:
                path = _fill(rule, {})
            except Exception:
                continue
            r = c.get(path)
            assert r.status_code < 500, (rule.rule, r.status_code)
            if not any("GET" in o.methods for o in rules if o.rule == rule.rule):
                assert r.status_code == 405, rule.rule
        after = db_fingerprint(seeded_app)
        assert _changed(before, after) == [], email


def test_fingerprint_detects_a_write(app, make_user):
    """The GET walk above can fail: a write is visible in the fingerprint."""
    before = db_fingerprint(app)
    make_user("z@example.com")
    assert _changed(before, db_fingerprint(app)) == ["user"]
    with app.app_context():
        db.session.execute(text("UPDATE \"user\" SET name = 'Other' WHERE email = 'z@example.com'"))
        db.session.commit()
    assert _changed(before, db_fingerprint(app)) == ["user"]

