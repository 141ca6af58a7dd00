"""Accounts people run themselves: change password, change e-mail, "forgot password" (neutral
answer, single-use expiring links, rate limits), mail by SMTP or the log, notices."""

from __future__ import annotations

import logging
import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Notice, PasswordReset, User, utcnow

from .conftest import IS_PG, _base_config

PASSWORD = "correct horse 42"
NEW = "a brand new secret 7"
EMAIL = "student@example.com"


def _client(app, email=EMAIL, password=PASSWORD, remember=False):
    c = app.test_client()
    data = {"email": email, "password": password}
    if remember:
        data["remember"] = "y"
    r = c.post("/auth/login", data=data)
    assert r.status_code == 303, r.get_data(as_text=True)[:500]
    return c


def _logged_in(client) -> bool:
    return client.get("/account/").status_code == 200


def _user(app, email=EMAIL) -> User | None:
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        db.session.expunge_all() if user else None
        return user


def _can_login(app, email, password) -> bool:
    return app.test_client().post("/auth/login", data={"email": email, "password": password}).status_code == 303


@pytest.fixture
def mails(caplog):
    """The mails written to the log (no MAIL_SERVER in tests): a list of their texts."""
    caplog.set_level(logging.INFO, logger="quizapp.mail")

    def read() -> list[str]:
        return [r.getMessage() for r in caplog.records if r.name == "quizapp.mail"]

    return read


def _link(text: str) -> str:
    m = re.search(r"https?://\S+/auth/reset/(\S+)", text)
    assert m, text
    return "/auth/reset/" + m.group(1)


# ------------------------------------------------------------------ the settings page
def test_account_page_needs_login_and_links_everything(app, client, make_user):
    make_user()
    r = client.get("/account/")
    assert r.status_code == 302 and "/auth/login" in r.headers["Location"]
    c = _client(app)
    html = c.get("/").get_data(as_text=True)
    assert 'href="/account/"' in html  # in the header menu
    page = c.get("/account/").get_data(as_text=True)
    for href in ("/account/password", "/account/email", "/account/data.zip", "/account/delete"):
        assert f'href="{href}"' in page
    assert "/admin/users" not in page  # only admins see it


# ------------------------------------------------------------------ change password
def test_change_password_refuses_a_wrong_current_password(app, make_user):
    make_user()
    c = _client(app)
    r = c.post("/account/password", data={"current_password": "not my password", "password": NEW, "confirm": NEW})
    assert r.status_code == 422
    assert "not your current password" in r.get_data(as_text=True)
    assert _can_login(app, EMAIL, PASSWORD) and not _can_login(app, EMAIL, NEW)


@pytest.mark.parametrize("new, why", [("short", "at least 8"), ("password123", "too common"),
                                      ("student", "at least 8"), (PASSWORD, "different")])
def test_change_password_applies_the_policy(app, make_user, new, why):
    make_user()
    c = _client(app)
    r = c.post("/account/password", data={"current_password": PASSWORD, "password": new, "confirm": new})
    assert r.status_code == 422
    assert why in r.get_data(as_text=True).lower()
    assert _can_login(app, EMAIL, PASSWORD)


def test_change_password_signs_out_other_sessions_and_keeps_this_one(app, make_user):
    make_user()
    laptop, phone = _client(app), _client(app, remember=True)
    stolen = phone.get_cookie("remember_token").value
    r = laptop.post("/account/password", data={"current_password": PASSWORD, "password": NEW, "confirm": NEW})
    assert r.status_code == 303 and r.headers["Location"].endswith("/account/")
    assert _logged_in(laptop)  # this session goes on with the new token
    assert not _logged_in(phone)  # every other one is out...
    thief = app.test_client()
    thief.set_cookie("remember_token", stolen)
    assert not _logged_in(thief)  # ...remember-me cookies included
    with app.app_context():
        stored = db.session.scalar(select(User.password_hash).where(User.email == EMAIL))
    assert NEW not in stored and stored.startswith(("scrypt:", "pbkdf2:"))
    assert _can_login(app, EMAIL, NEW) and not _can_login(app, EMAIL, PASSWORD)


def test_change_password_with_remember_me_keeps_a_working_remember_cookie(app, make_user):
    make_user()
    c = _client(app, remember=True)
    old = c.get_cookie("remember_token").value
    assert c.post("/account/password", data={"current_password": PASSWORD, "password": NEW,
                                             "confirm": NEW}).status_code == 303
    fresh = c.get_cookie("remember_token").value
    assert fresh != old
    browser_restarted = app.test_client()
    browser_restarted.set_cookie("remember_token", fresh)
    assert _logged_in(browser_restarted)


def test_password_forms_need_matching_confirmation(app, make_user):
    make_user()
    c = _client(app)
    r = c.post("/account/password", data={"current_password": PASSWORD, "password": NEW, "confirm": NEW + "x"})
    assert r.status_code == 422 and "match" in r.get_data(as_text=True)


# ------------------------------------------------------------------ change e-mail
def test_change_email_normalises_and_needs_the_password(app, make_user, mails):
    make_user()
    c = _client(app)
    r = c.post("/account/email", data={"email": "new@example.com", "current_password": "wrong one"})
    assert r.status_code == 422 and "not your current password" in r.get_data(as_text=True)
    assert _user(app).email == EMAIL
    r = c.post("/account/email", data={"email": "  New.Name@Example.COM ", "current_password": PASSWORD})
    assert r.status_code == 303
    assert _user(app, "new.name@example.com") is not None and _user(app) is None
    assert _can_login(app, "new.name@example.com", PASSWORD)
    assert _can_login(app, "NEW.NAME@example.com", PASSWORD)
    # the old address hears of it
    assert any("To: student@example.com" in m and "changed" in m for m in mails())


def test_change_email_refuses_a_taken_address_clearly(app, make_user):
    make_user()
    make_user("taken@example.com", "Tina Taken")
    c = _client(app)
    r = c.post("/account/email", data={"email": "TAKEN@example.com", "current_password": PASSWORD})
    assert r.status_code == 422
    assert "Another account uses this e-mail address" in r.get_data(as_text=True)
    r = c.post("/account/email", data={"email": "not an address", "current_password": PASSWORD})
    assert r.status_code == 422
    r = c.post("/account/email", data={"email": EMAIL.upper(), "current_password": PASSWORD})
    assert r.status_code == 422 and "already your" in r.get_data(as_text=True)
    assert _user(app).email == EMAIL


# ------------------------------------------------------------------ forgot password
def _ask(client, email):
    return client.post("/auth/forgot", data={"email": email})


def test_forgot_password_answers_the_same_for_unknown_addresses(app, make_user, mails):
    make_user()
    make_user("off@example.com", "Disabled Dora")
    with app.app_context():
        db.session.scalar(select(User).where(User.email == "off@example.com")).active = False
        db.session.commit()
    answers = []
    for email in (EMAIL, "nobody@example.com", "off@example.com"):
        c = app.test_client()
        r = _ask(c, email)
        assert r.status_code == 303
        answers.append((r.headers["Location"], c.get(r.headers["Location"]).get_data(as_text=True)))
    flash = re.compile(r'<p class="flash[^"]*"[^>]*>(.*?)</p>', re.S)
    shown = [(loc, flash.findall(html)) for loc, html in answers]
    assert shown[0] == shown[1] == shown[2] and "If an account uses that address" in shown[0][1][0]
    sent = mails()
    assert len(sent) == 1 and "To: student@example.com" in sent[0]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(PasswordReset)) == 1


def test_reset_link_works_once_and_signs_out_other_sessions(app, make_user, mails):
    make_user()
    elsewhere = _client(app)
    _ask(app.test_client(), "  STUDENT@example.com ")
    link = _link(mails()[-1])
    with app.app_context():
        stored = db.session.scalar(select(PasswordReset.token_hash))
    assert link.rsplit("/", 1)[1] not in stored  # only a hash of the token is kept
    c = app.test_client()
    page = c.get(link)
    assert page.status_code == 200 and EMAIL in page.get_data(as_text=True)
    r = c.post(link, data={"password": "weak", "confirm": "weak"})
    assert r.status_code == 422  # the policy applies; the link still works after a refusal
    r = c.post(link, data={"password": NEW, "confirm": NEW})
    assert r.status_code == 303 and r.headers["Location"].endswith("/auth/login")
    assert not _logged_in(elsewhere)
    assert _can_login(app, EMAIL, NEW) and not _can_login(app, EMAIL, PASSWORD)
    again = app.test_client()
    assert again.get(link).status_code == 404
    r = again.post(link, data={"password": "another good one 9", "confirm": "another good one 9"})
    assert r.status_code == 404 and "no longer works" in r.get_data(as_text=True)
    assert _can_login(app, EMAIL, NEW)


def test_every_link_dies_when_the_password_changes(app, make_user, mails):
    make_user()
    _ask(app.test_client(), EMAIL)
    _ask(app.test_client(), EMAIL)
    first, second = (_link(m) for m in mails()[-2:])
    assert first != second
    c = _client(app)
    c.post("/account/password", data={"current_password": PASSWORD, "password": NEW, "confirm": NEW})
    assert app.test_client().get(first).status_code == 404
    assert app.test_client().get(second).status_code == 404


def test_reset_link_expires(app, make_user, mails):
    make_user()
    _ask(app.test_client(), EMAIL)
    link = _link(mails()[-1])
    with app.app_context():  # an hour later
        row = db.session.scalar(select(PasswordReset))
        row.expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    r = app.test_client().post(link, data={"password": NEW, "confirm": NEW})
    assert r.status_code == 404
    assert _can_login(app, EMAIL, PASSWORD)
    # asking again sweeps the expired link
    _ask(app.test_client(), EMAIL)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(PasswordReset)) == 1


def test_reset_lifetime_is_configurable(app, make_user, mails):
    make_user()
    app.config["PASSWORD_RESET_SECONDS"] = 0
    _ask(app.test_client(), EMAIL)
    assert app.test_client().get(_link(mails()[-1])).status_code == 404


@pytest.mark.parametrize("token", ["x", "A" * 43, "a" * 5000, "..%2F..%2Fetc"])
def test_bad_tokens_are_404(app, token):
    assert app.test_client().get(f"/auth/reset/{token}").status_code == 404


def test_a_nul_in_a_token_is_refused_like_any_nul(app):
    assert app.test_client().get("/auth/reset/%00").status_code == 400


def test_reset_links_use_public_url_when_set(app, make_user, mails):
    make_user()
    app.config["PUBLIC_URL"] = "https://quiz.example.org"
    app.test_client().post("/auth/forgot", data={"email": EMAIL}, headers={"Host": "evil.example"})
    assert "https://quiz.example.org/auth/reset/" in mails()[-1] and "evil.example" not in mails()[-1]


def test_login_page_links_to_forgot(client):
    assert 'href="/auth/forgot"' in client.get("/auth/login").get_data(as_text=True)
    assert client.get("/auth/forgot").status_code == 200
    assert client.post("/auth/forgot", data={"email": "not an address"}).status_code == 422


@pytest.fixture
def limited_app(_migrated, tmp_path, monkeypatch):
    import shutil

    from quizapp import create_app

    from .conftest import _truncate_all

    monkeypatch.setenv("QUIZAPP_INSTANCE", str(tmp_path / "instance2"))
    if IS_PG:
        url = _migrated
    else:
        shutil.copy(_migrated, tmp_path / "limited.sqlite")
        url = f"sqlite:///{tmp_path / 'limited.sqlite'}"
    app = create_app({**_base_config(tmp_path, url), "RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": "memory://",
                      "RESET_RATE_LIMIT": "3 per minute", "RESET_EMAIL_RATE_LIMIT": "2 per hour"})
    if IS_PG:
        with app.app_context():
            _truncate_all()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_forgot_password_is_rate_limited(limited_app):
    c = limited_app.test_client()
    codes = [_ask(c, f"u{i}@example.com").status_code for i in range(5)]
    assert codes == [303, 303, 303, 429, 429]
    assert c.get("/auth/forgot").status_code == 200  # the form itself is not limited
    # One address cannot be flooded from many client addresses either (whether or not it has an account).
    codes = [limited_app.test_client().post("/auth/forgot", data={"email": "victim@example.com"},
                                            environ_base={"REMOTE_ADDR": f"198.51.100.{i}"}).status_code
             for i in range(3)]
    assert codes == [303, 303, 429]


# ------------------------------------------------------------------ mail
def test_mail_goes_over_smtp_when_configured(app, monkeypatch):
    from quizapp.accounts import mail

    sent = []

    class FakeSMTP:
        def __init__(self, host, port, timeout):
            sent.append(("connect", host, port))

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            sent.append(("quit",))

        def starttls(self, context):
            sent.append(("starttls",))

        def login(self, user, password):
            sent.append(("login", user, password))

        def send_message(self, msg):
            sent.append(("send", msg["To"], msg["From"], msg["Subject"], msg.get_content()))

    monkeypatch.setattr(mail.smtplib, "SMTP", FakeSMTP)
    app.config.update(MAIL_SERVER="smtp.example.org", MAIL_PORT=2525, MAIL_USERNAME="bot", MAIL_PASSWORD="pw",
                      MAIL_FROM="Quiz <quiz@example.org>", MAIL_USE_TLS=True)
    with app.app_context():
        mail.send_mail("ann@example.com", "Hello", "Body text")
    assert sent[0] == ("connect", "smtp.example.org", 2525)
    assert ("starttls",) in sent and ("login", "bot", "pw") in sent
    send = next(s for s in sent if s[0] == "send")
    assert send[1:4] == ("ann@example.com", "Quiz <quiz@example.org>", "Hello") and "Body text" in send[4]


def test_a_failing_mail_server_never_fails_the_request(app, make_user, monkeypatch):
    from quizapp.accounts import mail

    def refuse(*a, **k):
        raise ConnectionRefusedError("no server")

    make_user()
    monkeypatch.setattr(mail.smtplib, "SMTP", refuse)
    app.config.update(MAIL_SERVER="smtp.invalid", PROPAGATE_EXCEPTIONS=False)
    r = app.test_client().post("/auth/forgot", data={"email": EMAIL})
    assert r.status_code == 303


def test_mail_settings_come_from_the_environment(monkeypatch):
    from quizapp.config import mail_config

    monkeypatch.setenv("MAIL_SERVER", "smtp.example.org")
    monkeypatch.setenv("MAIL_PORT", "2525")
    monkeypatch.setenv("MAIL_USE_TLS", "0")
    monkeypatch.setenv("MAIL_FROM", "q@example.org")
    cfg = mail_config()
    assert cfg["MAIL_SERVER"] == "smtp.example.org" and cfg["MAIL_PORT"] == 2525
    assert cfg["MAIL_USE_TLS"] is False and cfg["MAIL_FROM"] == "q@example.org"


# ------------------------------------------------------------------ notices
def test_notices_show_on_every_page_until_dismissed(app, make_user):
    from quizapp.accounts.notices import notify

    uid = make_user()
    make_user("other@example.com", "Olga Other")
    with app.app_context():
        notify(db.session, [uid], "Your class <b>X</b> is archived.")
        db.session.commit()
    c, other = _client(app), _client(app, "other@example.com")
    for path in ("/", "/account/", "/progress/"):
        html = c.get(path).get_data(as_text=True)
        assert "Your class &lt;b&gt;X&lt;/b&gt; is archived." in html, path  # escaped
    assert "is archived" not in other.get("/").get_data(as_text=True)
    with app.app_context():
        nid = db.session.scalar(select(Notice.id))
    assert other.post(f"/account/notices/{nid}/dismiss").status_code == 303  # not theirs: nothing happens
    r = c.post(f"/account/notices/{nid}/dismiss", data={"next": "/account/"})
    assert r.status_code == 303 and r.headers["Location"].endswith("/account/")
    assert "is archived" not in c.get("/").get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Notice)) == 0
        assert db.session.get(User, uid).has_notices is False


def test_mail_waits_in_the_queue_when_a_worker_sends_it(_migrated, tmp_path, monkeypatch, caplog):
    """With a real queue, the request only queues the mail (it never waits on SMTP; an address
    with an account answers as fast as one without); the worker sends it."""
    from quizapp.auth import create_user
    from quizapp.jobs.queue import huey

    from .conftest import queued_app

    caplog.set_level(logging.INFO, logger="quizapp.mail")
    app, _env = queued_app(_migrated, tmp_path, monkeypatch)
    try:
        with app.app_context():
            create_user(db.session, EMAIL, "Sam", PASSWORD)
            db.session.commit()
        assert huey.pending_count() == 0
        assert app.test_client().post("/auth/forgot", data={"email": EMAIL}).status_code == 303
        assert app.test_client().post("/auth/forgot", data={"email": "nobody@example.com"}).status_code == 303
        assert huey.pending_count() == 1
        assert not [r for r in caplog.records if r.name == "quizapp.mail"]
        with app.app_context():  # what `quizapp worker` does with it
            huey.execute(huey.dequeue())
        sent = [r.getMessage() for r in caplog.records if r.name == "quizapp.mail"]
        assert len(sent) == 1 and "/auth/reset/" in sent[0]
        assert app.test_client().get(_link(sent[0])).status_code == 200
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
