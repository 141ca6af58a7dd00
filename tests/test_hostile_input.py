"""Every route, as anonymous, student, teacher and admin, with hostile values in every path parameter,
query parameter and form field we know of, and every form on every page with one hostile field:
nothing answers 5xx. Where ``test_fuzz`` samples at random, this walks every combination once,
so a route cannot be missed by chance. Field names come from ``test_fuzz.FIELDS`` (forms,
templates, views)."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import pytest
from sqlalchemy import select

from quizapp.extensions import db

from .test_fuzz import FIELDS

HOSTILE = [
    "99999999999999999999",  # above every database's integer
    str(2**63), str(-(2**63) - 1),
    "-1", "0",
    "abc", "1.5", "1e309", "nan",
    "\x00", "a\x00b",
    "x" * 10_240,
    "9999-12-31", "0001-01-01", "99999-01-01",
    "[]", "{}", "<script>alert(1)</script>",
]


def _paths(rule, hostile: str, ids: dict[str, int]) -> list[str]:
    """The rule's URL with one hostile value in each of its parameters in turn (the others real)."""
    from werkzeug.routing import IntegerConverter

    args = list(rule.arguments)
    if not args:
        return [rule.rule]
    out = []
    for target in args:
        parts = rule.rule
        for a in args:
            conv = rule._converters[a]
            value = hostile if a == target else (str(ids.get(a, 1)) if isinstance(conv, IntegerConverter) else "x")
            parts = re.sub(r"<(?:[^:<>]+:)?" + a + r">", value.replace("\\", "\\\\"), parts)
        out.append(parts)
    return out


@pytest.fixture
def world(app, make_user):
    """A teacher with a class, a set, a collection and an article; a student in the class with a
    quiz; ids of each, so the walk reaches past the 404s into the views' own parsing."""
    from quizapp.models import ClassGroup, Collection, Quiz, StudySet

    from .test_study_data import build_bank

    make_user("teacher@example.com", name="Tess Teacher", role="teacher")
    make_user("student@example.com", name="Sam Student")
    make_user("admin@example.com", name="Ada Admin", role="admin")
    admin = app.test_client()
    admin.post("/auth/login", data={"email": "admin@example.com", "password": "correct horse 42"})
    t, s = app.test_client(), app.test_client()
    t.post("/auth/login", data={"email": "teacher@example.com", "password": "correct horse 42"})
    s.post("/auth/login", data={"email": "student@example.com", "password": "correct horse 42"})
    with app.app_context():
        bank = build_bank(db.session)
        db.session.commit()
    t.post("/classes/new", data={"name": "Period 3"})
    t.post("/sets/new", data={"title": "Week 1", "description": "", "visibility": "class"})
    t.post("/collections/", data={"name": "My readings"})
    with app.app_context():
        klass = db.session.scalar(select(ClassGroup))
        sset = db.session.scalar(select(StudySet))
        coll = db.session.scalar(select(Collection).where(Collection.owner_id.is_not(None)))
        assert klass and sset and coll
        code, class_id, set_id, coll_id = klass.join_code, klass.id, sset.id, coll.id
    t.post(f"/sets/{set_id}/items", data={"question_id": bank["questions"]["short_answer"][0]})
    t.post(f"/classes/{class_id}/assignments", data={"set_id": set_id})
    s.post("/classes/join", data={"code": code})
    s.post("/quiz/start", data={"scope": "corpus", "length": "5", "mode": "practice", "mix": "any"})
    with app.app_context():
        quiz = db.session.scalar(select(Quiz))
        assert quiz is not None
        ids = {"class_id": class_id, "set_id": set_id, "collection_id": coll_id, "quiz_id": quiz.id,
               "article_id": bank["articles"][0], "fact_id": bank["facts"][0],
               "question_id": bank["questions"]["short_answer"][0], "item_id": 1, "user_id": 2,
               "assignment_id": 1, "pending_id": 1}
    return {"anonymous": app.test_client(), "student": s, "teacher": t, "admin": admin}, ids


def test_no_route_answers_5xx_to_hostile_values(app, world):
    clients, ids = world
    app.config["PROPAGATE_EXCEPTIONS"] = False  # a 500 answers as it would in production
    fields = [f for f in FIELDS if f != "csrf_token"]
    assert {"article", "question_id", "due_date", "page", "code"} <= set(fields)
    rules = [r for r in app.url_map.iter_rules() if r.endpoint != "static"]
    sent = 0
    errors: list[str] = []
    statuses: Counter = Counter()
    for role, client in clients.items():
        for rule in rules:
            for method in sorted(rule.methods & {"GET", "POST"}):
                for hostile in HOSTILE:
                    data = {name: hostile for name in fields}
                    for path in _paths(rule, hostile, ids):
                        if method == "GET":
                            r = client.get(path, query_string=data)
                        else:
                            r = client.post(path, data=data)
                        sent += 1
                        statuses[r.status_code // 100] += 1
                        if r.status_code >= 500:
                            errors.append(f"{role} {method} {path[:80]!r} {hostile[:20]!r} -> {r.status_code}")
    print(f"hostile walk: {sent} requests, by status class {dict(statuses)}")
    assert sent > 3000
    assert not errors, f"{len(errors)} of {sent} requests answered 5xx:\n" + "\n".join(errors[:40])


class _Forms(HTMLParser):
    """The forms of a page: (method, action, {field: default value})."""

    def __init__(self):
        super().__init__()
        self.forms: list[tuple[str, str, dict[str, str]]] = []
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append(((a.get("method") or "get").upper(), a.get("action") or "", {}))
        elif not self.forms:
            return
        elif tag in ("input", "textarea") and a.get("name") and a.get("type") != "file":
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                self.forms[-1][2].setdefault(a["name"], "")
            else:
                self.forms[-1][2][a["name"]] = a.get("value") or ""
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
            self.forms[-1][2].setdefault(a["name"], "")
        elif tag == "option" and self._select and not self.forms[-1][2].get(self._select):
            self.forms[-1][2][self._select] = a.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


FORM_HOSTILE = ["99999999999999999999", "-99999999999999999999", "-1", "abc", "\x00", "x" * 10_240,
                "9999-12-31", "0001-01-01", "1e309"]


def test_every_form_on_every_page_survives_one_hostile_field(app, world):
    """As a person would: open each page, take each form as the page fills it, and make one field
    hostile at a time; this reaches the checks that come after the other fields are valid."""
    clients, ids = world
    app.config["PROPAGATE_EXCEPTIONS"] = False
    pages = [r for r in app.url_map.iter_rules() if "GET" in r.methods and r.endpoint != "static"]
    sent, errors, seen = 0, [], set()
    for role in ("student", "teacher", "admin"):
        client = clients[role]
        for rule in pages:
            url = _paths(rule, "1", ids)[0] if rule.arguments else rule.rule
            page = client.get(url)
            if page.status_code != 200 or "html" not in page.content_type:
                continue
            parser = _Forms()
            parser.feed(page.get_data(as_text=True))
            for method, action, fields in parser.forms:
                target = action or url
                if (role, method, target.split("?")[0], tuple(sorted(fields))) in seen or not target.startswith("/"):
                    continue
                seen.add((role, method, target.split("?")[0], tuple(sorted(fields))))
                for name in [n for n in fields if n != "csrf_token"]:
                    for hostile in FORM_HOSTILE:
                        data = dict(fields, **{name: hostile})
                        r = client.post(target, data=data) if method == "POST" else client.get(target, query_string=data)
                        sent += 1
                        if r.status_code >= 500:
                            errors.append(f"{role} {method} {target} {name}={hostile[:20]!r} -> {r.status_code}")
    print(f"form walk: {sent} requests over {len(seen)} forms")
    assert len(seen) > 20 and sent > 500
    assert not errors, f"{len(errors)} of {sent} requests answered 5xx:\n" + "\n".join(errors[:40])


def test_a_far_due_date_is_refused_and_a_stored_one_does_not_break_pages(app, world):
    from datetime import UTC, datetime

    from quizapp.models import Assignment, User

    clients, ids = world
    t, s = clients["teacher"], clients["student"]
    with app.app_context():
        a = db.session.scalar(select(Assignment))
        before = a.due_at
    url = f"/classes/{ids['class_id']}/assignments/{a.id}/due"
    for day in ("9999-12-31", "0001-01-01"):
        r = t.post(url, data={"due_date": day, "due_time": "23:59"}, follow_redirects=True)
        assert r.status_code == 200
        assert "Choose a date between 1900 and 2200." in r.get_data(as_text=True)
    r = t.post(f"/classes/{ids['class_id']}/assignments", data={"set_id": ids["set_id"], "due_date": "9999-12-31"})
    assert r.status_code == 422 and "Choose a date between" in r.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Assignment, a.id).due_at == before  # nothing stored

    # One written before dates were bounded, seen from the far east and the far west of UTC.
    with app.app_context():
        db.session.get(Assignment, a.id).due_at = datetime(9999, 12, 31, 23, 59, tzinfo=UTC)
        db.session.commit()
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):
        with app.app_context():
            for u in db.session.scalars(select(User)):
                u.timezone = zone
            db.session.commit()
        for client in (s, t):
            for page in ("/", f"/classes/{ids['class_id']}", f"/classes/{ids['class_id']}/assignments/{a.id}",
                         f"/sets/{ids['set_id']}"):
                r = client.get(page)
                assert r.status_code < 500, (zone, page, r.status_code)


def test_ids_beyond_the_database_name_nothing(app, world):
    clients, ids = world
    s, t = clients["student"], clients["teacher"]
    huge = "99999999999999999999"
    r = s.post("/quiz/start", data={"scope": "article", "article": huge, "length": "5", "mode": "practice",
                                    "mix": "any"})
    assert 400 <= r.status_code < 500
    r = s.post("/quiz/start", data={"scope": "set", "set_id": huge, "length": "5", "mode": "practice",
                                    "mix": "any"})
    assert 400 <= r.status_code < 500
    r = t.post("/library/", data={"collection": huge, "text": "Title\n\nA sentence about nothing much at all."})
    assert 400 <= r.status_code < 500
    assert s.get(f"/articles/{huge}").status_code == 404
    assert s.get("/facts/", query_string={"article": huge}).status_code == 404
    assert s.get("/questions/", query_string={"page": huge}).status_code == 200  # the last page
    assert t.post(f"/collections/{ids['collection_id']}/share", data={"class_id": [huge, str(ids["class_id"])]}
                  ).status_code < 400


def test_a_nul_character_is_refused_with_a_clear_message(app, world):
    clients, ids = world
    for client in clients.values():
        r = client.get("/articles/", query_string={"q": "a\x00b"})
        assert r.status_code == 400 and "NUL character" in r.get_data(as_text=True)
    r = clients["teacher"].post("/classes/new", data={"name": "Period\x00 4"})
    assert r.status_code == 400
    with app.app_context():
        from quizapp.models import ClassGroup

        assert db.session.scalar(select(ClassGroup).where(ClassGroup.name.like("Period%4"))) is None
