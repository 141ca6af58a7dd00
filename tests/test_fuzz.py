"""Hostile input everywhere: hypothesis drives every POST form and every query parameter.

Routes come from ``app.url_map`` (new views are fuzzed without editing this file), field names from
every Flask-WTF form class, the templates and the views' ``request.form/args.get`` calls. Values
are huge strings, odd unicode (including digits ``int()`` rejects), wrong types, other users' ids
and missing fields. Invariants: never a 5xx, and a 4xx answer writes nothing.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from werkzeug.routing import IntegerConverter
from wtforms.fields.core import UnboundField

from quizapp.extensions import db

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "correct horse 42"

HOSTILE = [
    "", " ", "0", "-1", "1", "2", "3", "99999999999999999999999", "1e309", "NaN", "inf", "1.5", "true",
    "²", "³", "٣", "２", "\x00", "\u202e", "\ud7ff", "𝕏" * 300, "A" * 70_000, "<script>alert(1)</script>",
    "' OR 1=1 --", "../../etc/passwd", "%00", "all", "article:1", "article:x", "kind:date", "kind:zzz",
    "cram", "test", "practice", "corpus", "set", "article", "retry", "weak", "student", "teacher", "admin",
    "2026-13-45", "2026-01-01T00:00", "Europe/Berlin", "Mars/Olympus", "//evil.example", "[]", "{}",
]


def _field_names() -> list[str]:
    import importlib
    import pkgutil

    from flask_wtf import FlaskForm

    import quizapp.web

    for m in pkgutil.iter_modules(quizapp.web.__path__):
        importlib.import_module(f"quizapp.web.{m.name}")
    names = {"csrf_token", "next", "page", "match-0", "match-1", "order-0", "order-1", "order-2"}

    def walk(cls):
        for sub in cls.__subclasses__():
            names.update(k for k, v in vars(sub).items() if isinstance(v, UnboundField))
            walk(sub)

    walk(FlaskForm)
    for path in (ROOT / "templates").rglob("*.html"):
        names.update(re.findall(r'name="([a-z_][a-z0-9_-]*)"', path.read_text()))
    for path in (ROOT / "quizapp" / "web").glob("*.py"):
        names.update(re.findall(r'request\.(?:form|args|values)\.get(?:list)?\("([a-z_0-9-]+)"', path.read_text()))
    names -= {"csrf-token", "viewport", "htmx-config"}
    return sorted(names)


FIELDS = _field_names()
values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40), st.integers(-5, 10**12).map(str))
forms = st.dictionaries(st.sampled_from(FIELDS), st.one_of(values, st.lists(values, max_size=3)), max_size=8)


def _fingerprint(app) -> tuple:
    """Row counts of every table plus a digest of the rows a student's POST could change."""
    with app.app_context():
        counts = tuple(db.session.scalar(select(func.count()).select_from(t)) for t in db.metadata.sorted_tables)
        small = []
        for name in ("card", "user", "quiz", "study_set", "class_group", "membership", "assignment", "set_item"):
            table = db.metadata.tables.get(name)
            if table is not None:
                small.append(sorted(map(repr, db.session.execute(select(table)).all())))
        db.session.remove()
    return counts, hashlib.sha256(repr(small).encode()).hexdigest()


def _routes(app, method: str):
    return sorted(
        (r for r in app.url_map.iter_rules()
         if method in r.methods and r.endpoint != "static" and not r.rule.startswith("/_test")),
        key=lambda r: r.rule,
    )


def _build(rule, ident: int) -> str:
    vals = {}
    for a in rule.arguments:
        numeric = isinstance(rule._converters[a], IntegerConverter)
        vals[a] = ident if numeric else ("x" * (ident % 3 + 1))
    return rule.build(vals)[1]


@pytest.fixture
def fuzz_world(seeded_app, make_user):
    """A teacher with a set and a class, a student in it with a quiz and a card, and another
    student whose objects the fuzzed student must not reach."""
    app = seeded_app
    make_user("teacher@example.com", "Tea", PASSWORD, "teacher")
    make_user("other@example.com", "Oth", PASSWORD, "student")
    make_user("student@example.com", "Stu", PASSWORD, "student")
    for email in ("other@example.com", "student@example.com"):
        c = app.test_client()
        c.post("/auth/login", data={"email": email, "password": PASSWORD})
        c.post("/quiz/start", data={"scope": "corpus", "length": "5", "mode": "practice", "mix": "any"})
    t = app.test_client()
    t.post("/auth/login", data={"email": "teacher@example.com", "password": PASSWORD})
    t.post("/sets/new", data={"title": "Fuzz set", "description": "d"})
    t.post("/classes/new", data={"name": "Fuzz class"})
    clients = {}
    for email in ("student@example.com", "teacher@example.com"):
        c = app.test_client()
        c.post("/auth/login", data={"email": email, "password": PASSWORD})
        clients[email.split("@")[0]] = c
    return app, clients


SETTINGS = settings(max_examples=120, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@SETTINGS
@given(data=st.data())
def test_fuzz_every_post_form(fuzz_world, data):
    app, clients = fuzz_world
    who = data.draw(st.sampled_from(sorted(clients)), label="as")
    rule = data.draw(st.sampled_from(_routes(app, "POST")), label="route")
    if rule.endpoint == "auth.logout":
        return  # logging out is valid for any body; it would end this client's session
    path = _build(rule, data.draw(st.integers(1, 4), label="id"))
    form = data.draw(forms, label="form")
    htmx = data.draw(st.booleans(), label="htmx")
    before = _fingerprint(app)
    r = clients[who].post(path, data=form, headers={"HX-Request": "true"} if htmx else {})
    assert r.status_code < 500, (rule.rule, form, r.status_code)
    if 400 <= r.status_code < 500:
        assert _fingerprint(app) == before, (rule.rule, form, r.status_code, "4xx but wrote")


@SETTINGS
@given(data=st.data())
def test_fuzz_every_query_parameter(fuzz_world, data):
    app, clients = fuzz_world
    who = data.draw(st.sampled_from(sorted(clients)), label="as")
    rule = data.draw(st.sampled_from(_routes(app, "GET")), label="route")
    path = _build(rule, data.draw(st.integers(1, 4), label="id"))
    query = data.draw(forms, label="query")
    r = clients[who].get(path, query_string=query, headers={"HX-Request": "true"} if data.draw(st.booleans()) else {})
    assert r.status_code < 500, (rule.rule, query, r.status_code)


def test_field_pool_covers_the_real_forms():
    """The fuzzer knows the fields the views read (else it would only test missing fields)."""
    for name in ("response", "rating", "fact_id", "token", "email", "password", "scope", "length"):
        assert name in FIELDS
