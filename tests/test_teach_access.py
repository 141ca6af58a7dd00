"""Access that ends when it should: an archived class grants its students nothing (its page, its
assignments, the sets that reach them only through it) while its teacher keeps it and its grades;
the join link shares the join form's rate limit; removing a student, deleting a set and archiving
a class confirm first and can be undone for ``UNDO_SECONDS``, with plain forms and with htmx."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import (
    Answer,
    Article,
    Assignment,
    ClassGroup,
    Collection,
    Membership,
    Quiz,
    StudySet,
)

from .test_teach_support import make_bank, record_quiz

T = "teach@example.com"
HX = {"HX-Request": "true"}


@pytest.fixture
def world(app, client, make_user, auth):
    """A teacher's class-only set assigned in their class, a collection shared with the class, and
    Ann (a student) and Theo (a teacher) in the class; Ann has finished the assignment once.
    The teacher is logged in."""
    bank = make_bank(app)
    tid = make_user(T, "Tess Teacher", role="teacher")
    ann = make_user("ann@example.com", "Ann Able")
    theo = make_user("theo@example.com", "Theo Other", role="teacher")
    auth.login(T)
    r = client.post("/sets/new", data={"title": "Week 1", "visibility": "class"})
    sid = int(r.headers["Location"].split("/")[2])
    for qid in bank["questions"][:3]:
        client.post(f"/sets/{sid}/items", data={"question_id": qid})
    client.post(f"/sets/{sid}/publish", data={"published": "1"})
    r = client.post("/classes/new", data={"name": "Politics 11B"})
    cid = int(r.headers["Location"].rsplit("/", 1)[1])
    client.post(f"/classes/{cid}/assignments", data={"set_id": sid})
    with app.app_context():
        for uid in (ann, theo):
            db.session.add(Membership(class_id=cid, user_id=uid))
        coll = Collection(name="Readings", kind="teacher", owner_id=tid)
        coll.classes = [db.session.get(ClassGroup, cid)]
        db.session.add(coll)
        db.session.flush()
        art = Article(collection_id=coll.id, key="t.txt", title="Teacher article", content_hash="t" * 64,
                      raw_text="T\n\nBody.", word_count=1, added_by_id=tid)
        db.session.add(art)
        db.session.commit()
        aid = db.session.scalar(select(Assignment.id))
        share = db.session.get(StudySet, sid).share_code
        code = db.session.get(ClassGroup, cid).join_code
        art_id = art.id
    quiz = record_quiz(app, ann, aid, sid, dict.fromkeys(bank["questions"][:3], True))
    return {"teacher": tid, "ann": ann, "theo": theo, "set": sid, "class": cid, "assignment": aid,
            "share": share, "code": code, "article": art_id, "quiz": quiz}


def _as(client, auth, email):
    auth.logout()
    auth.login(email)


def _student_reaches(client, w) -> dict[str, int]:
    cid, aid, sid = w["class"], w["assignment"], w["set"]
    return {
        "class page": client.get(f"/classes/{cid}").status_code,
        "assignment start": client.post(f"/classes/{cid}/assignments/{aid}/start").status_code,
        "shared set page": client.get(f"/sets/s/{w['share']}").status_code,
        "shared set practice": client.post(f"/sets/s/{w['share']}/study").status_code,
        "quiz on the set": client.post("/quiz/start", data={"scope": "set", "set_id": str(sid), "length": "3",
                                                            "mode": "practice", "mix": "any"}).status_code,
        "shared article": client.get(f"/articles/{w['article']}").status_code,
    }


# ---- an archived class grants nothing ----------------------------------------------------------


def test_an_archived_class_grants_its_students_nothing(app, client, auth, world):
    w = world
    _as(client, auth, "ann@example.com")
    before = _student_reaches(client, w)
    assert before == {"class page": 200, "assignment start": 303, "shared set page": 200,
                      "shared set practice": 303, "quiz on the set": 303, "shared article": 200}

    _as(client, auth, T)
    r = client.post(f"/classes/{w['class']}/archive", data={"archived": "1", "confirm": "1"})
    assert r.status_code == 303

    _as(client, auth, "ann@example.com")
    assert _student_reaches(client, w) == dict.fromkeys(before, 404)
    # the pages only teachers open stay closed to her, and nothing lists the class or its work
    assert client.get(f"/classes/{w['class']}/assignments/{w['assignment']}").status_code == 403
    assert client.get(f"/sets/{w['set']}").status_code == 403
    assert client.post(f"/classes/{w['class']}/leave").status_code == 404
    for page in ("/", "/classes/", "/quiz/"):
        assert "Politics 11B" not in client.get(page).get_data(as_text=True), page
    assert "Week 1" not in client.get("/classes/").get_data(as_text=True)  # no assignment listed
    assert ">Week 1</option>" not in client.get("/quiz/").get_data(as_text=True)  # no set to pick
    assert client.get(f"/classes/join/{w['code']}").status_code == 404
    # her history stays: the finished quiz and its results
    assert client.get(f"/quiz/{w['quiz']}/results").status_code == 200
    with app.app_context():
        assert db.session.get(Membership, (w["class"], w["ann"])) is not None

    # a member who is a teacher too: the set page and the share link are 404 as well
    _as(client, auth, "theo@example.com")
    assert client.get(f"/sets/{w['set']}").status_code == 404
    assert client.get(f"/sets/s/{w['share']}").status_code == 404
    assert client.get(f"/classes/{w['class']}").status_code == 404

    # the teacher still sees the class, the assignment and the grades (Ann included)
    _as(client, auth, T)
    body = client.get(f"/classes/{w['class']}").get_data(as_text=True)
    assert "archived" in body and "Ann Able" in body and "100%" in body
    assert client.get(f"/classes/{w['class']}/assignments/{w['assignment']}").status_code == 200
    assert "Ann Able" in client.get(f"/classes/{w['class']}/grades.csv").get_data(as_text=True)
    assert client.get(f"/sets/{w['set']}").status_code == 200

    # restored: everything is back for Ann
    client.post(f"/classes/{w['class']}/archive", data={"archived": "0"})
    _as(client, auth, "ann@example.com")
    assert _student_reaches(client, w) == before


def test_a_public_set_stays_open_when_its_class_is_archived(app, client, auth, world):
    w = world
    client.post(f"/sets/{w['set']}/settings", data={"title": "Week 1", "visibility": "public"})
    client.post(f"/classes/{w['class']}/archive", data={"archived": "1", "confirm": "1"})
    _as(client, auth, "ann@example.com")
    assert client.get(f"/sets/s/{w['share']}").status_code == 200  # public: not through the class
    assert client.get(f"/classes/{w['class']}").status_code == 404


def test_a_quiz_begun_through_the_class_stops_when_it_is_archived(app, client, auth, world):
    """The unanswered questions of an assignment begun before the archive drop out (as those of an
    unshared collection do); the answers given stay, and come back with the class."""
    w = world
    _as(client, auth, "ann@example.com")
    r = client.post(f"/classes/{w['class']}/assignments/{w['assignment']}/start")
    quiz_url = r.headers["Location"]
    qid = int(quiz_url.rstrip("/").rsplit("/", 1)[1])
    with app.app_context():
        first, *rest = sorted(db.session.get(Quiz, qid).items, key=lambda i: i.position)
        item_id, question = first.id, first.question
        others = [i.question.prompt for i in rest]
        data = {"response": question.choices[0] if question.choices else question.answer}
        second = rest[0].id if rest else None
        stale = {"response": (rest[0].question.choices or [rest[0].question.answer])[0]} if rest else {}
    assert client.post(f"/quiz/{qid}/items/{item_id}", data=data).status_code == 303
    assert client.get(quiz_url).status_code == 200  # the next question

    _as(client, auth, T)
    client.post(f"/classes/{w['class']}/archive", data={"archived": "1", "confirm": "1"})
    _as(client, auth, "ann@example.com")
    # a question form left open from before the archive records nothing now
    if second is not None:
        r = client.post(f"/quiz/{qid}/items/{second}", data=stale)
        assert r.status_code == 303 and r.headers["Location"].endswith(f"/quiz/{qid}/results")
        with app.app_context():
            assert db.session.scalar(select(func.count()).select_from(Answer).where(Answer.quiz_id == qid)) == 1
    r = client.get(quiz_url)
    assert r.status_code == 302 and r.headers["Location"].endswith(f"/quiz/{qid}/results")
    body = client.get(f"/quiz/{qid}/results").get_data(as_text=True)
    assert question.prompt in body and others[-1] not in body  # the rest dropped out
    assert "</strong> of 1 right" in body and "Continue the quiz" not in body

    _as(client, auth, T)
    client.post(f"/classes/{w['class']}/archive", data={"archived": "0"})
    _as(client, auth, "ann@example.com")
    assert client.get(quiz_url).status_code == 200


# ---- the join link shares the join form's budget ------------------------------------------------


@pytest.fixture
def limited_app(_migrated, tmp_path, monkeypatch):
    from .test_security import _fresh_app

    app = _fresh_app(_migrated, tmp_path, monkeypatch, RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI="memory://",
                     JOIN_RATE_LIMIT="4 per minute")
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_the_join_link_and_the_join_form_share_one_rate_limit(limited_app):
    from quizapp.auth import create_user

    with limited_app.app_context():
        for email in ("guess@example.com", "other@example.com"):
            create_user(db.session, email, "G", "correct horse 42", "student")
        db.session.commit()
    c = limited_app.test_client()
    c.post("/auth/login", data={"email": "guess@example.com", "password": "correct horse 42"})
    codes = [c.get("/classes/join/ZZZZZZ").status_code, c.get("/classes/join/ZZZZZY").status_code,
             c.post("/classes/join", data={"code": "ZZZ-ZZX"}).status_code,
             c.get("/classes/join/ZZZZZW").status_code]
    assert codes == [404, 404, 404, 404]
    assert c.get("/classes/join/ZZZZZV").status_code == 429  # the link: out of the shared budget
    assert c.post("/classes/join", data={"code": "ZZZ-ZZU"}).status_code == 429  # and the form too
    assert c.get("/classes/").status_code == 200  # other pages are not limited
    other = limited_app.test_client()  # another user has a budget of their own
    other.post("/auth/login", data={"email": "other@example.com", "password": "correct horse 42"})
    assert other.get("/classes/join/ZZZZZZ").status_code == 404


# ---- confirm, then undo for a while -------------------------------------------------------------


def _undo_form(body: str, action: str | None = None) -> tuple[str, str]:
    """(action, note) of the (first, or ``action``'s) Undo button in the page's flash."""
    forms = re.findall(r'<form method="post" action="([^"]+)" class="inline flash-undo">(.*?)</form>', body, re.S)
    forms = [f for f in forms if action in (None, f[0])]
    assert forms, "no Undo button in the flash"
    assert 'name="csrf_token"' in forms[0][1] and ">Undo</button>" in forms[0][1]
    note = re.search(r'name="note" value="([^"]*)"', forms[0][1])
    return forms[0][0], note.group(1) if note else ""


def _confirmation(r, htmx: bool, button: str) -> None:
    """The confirmation step: nothing changed yet, a form that posts again with confirm=1."""
    body = r.get_data(as_text=True)
    assert r.status_code == 200
    assert button in body and 'name="confirm" value="1"' in body and 'name="csrf_token"' in body
    assert ("<html" in body) is (not htmx)  # a page without JavaScript, only the form for htmx
    if htmx:
        assert "hx-post" in body


def _followed(client, r, htmx: bool):
    """Where a successful POST sends the browser: 303 Location, or htmx's HX-Redirect."""
    if htmx:
        assert r.status_code == 200 and r.headers.get("HX-Redirect"), r.status_code
        return client.get(r.headers["HX-Redirect"])
    assert r.status_code == 303, r.status_code
    return client.get(r.headers["Location"])


@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
def test_removing_a_student_confirms_and_can_be_undone(app, client, auth, world, htmx):
    w, h = world, HX if htmx else {}
    url = f"/classes/{w['class']}/students/{w['ann']}/remove"
    with app.app_context():
        joined = db.session.get(Membership, (w["class"], w["ann"])).joined_at
    _confirmation(client.post(url, headers=h), htmx, "Yes, remove Ann Able")
    with app.app_context():
        assert db.session.get(Membership, (w["class"], w["ann"])) is not None

    page = _followed(client, client.post(url, data={"confirm": "1"}, headers=h), htmx)
    body = page.get_data(as_text=True)
    assert "Ann Able was removed from the class" in body
    action, note = _undo_form(body)
    assert action == f"/classes/{w['class']}/students/{w['ann']}/restore" and note
    with app.app_context():
        assert db.session.get(Membership, (w["class"], w["ann"])) is None
        assert db.session.scalar(select(Quiz).where(Quiz.user_id == w["ann"])) is not None  # history stays

    # a forged or misplaced note is refused (400); another teacher gets 404
    assert client.post(action, data={"note": note + "x"}, headers=h).status_code == 400
    assert client.post(action, data={}, headers=h).status_code == 400
    other = f"/classes/{w['class']}/students/{w['theo']}/restore"
    assert client.post(other, data={"note": note}, headers=h).status_code == 400
    _as(client, auth, "theo@example.com")
    assert client.post(action, data={"note": note}, headers=h).status_code == 404
    _as(client, auth, T)
    with app.app_context():
        assert db.session.get(Membership, (w["class"], w["ann"])) is None

    page = _followed(client, client.post(action, data={"note": note}, headers=h), htmx)
    assert "Ann Able is back in the class" in page.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Membership, (w["class"], w["ann"])).joined_at == joined  # identical row
    # twice: nothing more happens
    page = _followed(client, client.post(action, data={"note": note}, headers=h), htmx)
    assert "already in the class" in page.get_data(as_text=True)


@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
def test_deleting_a_set_confirms_and_can_be_undone(app, client, auth, world, htmx):
    h = HX if htmx else {}
    r = client.post("/sets/new", data={"title": "Draft <b>x</b>", "visibility": "public"})
    sid = int(r.headers["Location"].split("/")[2])
    with app.app_context():
        share = db.session.get(StudySet, sid).share_code
    _confirmation(client.post(f"/sets/{sid}/delete", headers=h), htmx, "Yes, delete it")
    assert client.get(f"/sets/{sid}").status_code == 200

    page = _followed(client, client.post(f"/sets/{sid}/delete", data={"confirm": "1"}, headers=h), htmx)
    body = page.get_data(as_text=True)
    assert "Deleted “Draft &lt;b&gt;x&lt;/b&gt;”." in body and "<b>x</b>" not in body  # escaped
    action, _ = _undo_form(body)
    assert action == f"/sets/{sid}/restore"
    # gone everywhere: the editor, the list, the share link, quiz scopes
    assert client.get(f"/sets/{sid}").status_code == 404
    assert f'href="/sets/{sid}"' not in client.get("/sets/").get_data(as_text=True)
    assert client.get(f"/sets/s/{share}").status_code == 404
    assert client.post("/quiz/start", data={"scope": "set", "set_id": str(sid), "length": "3"}).status_code == 404
    # someone else's undo: 404
    _as(client, auth, "theo@example.com")
    assert client.post(action, headers=h).status_code == 404
    _as(client, auth, T)

    page = _followed(client, client.post(action, headers=h), htmx)
    assert "is back" in page.get_data(as_text=True)
    assert client.get(f"/sets/{sid}").status_code == 200
    assert client.get(f"/sets/s/{share}").status_code == 200
    page = _followed(client, client.post(action, headers=h), htmx)
    assert "is not deleted" in page.get_data(as_text=True)


def test_an_assigned_set_is_not_deleted(app, client, world):
    r = client.post(f"/sets/{world['set']}/delete", data={"confirm": "1"})
    assert r.status_code == 409 and "remove the assignment first" in r.get_data(as_text=True)
    r = client.post(f"/sets/{world['set']}/delete", data={"confirm": "1"}, headers=HX)
    assert r.status_code == 409 and r.headers["HX-Redirect"] == f"/sets/{world['set']}"
    with app.app_context():
        assert db.session.get(StudySet, world["set"]).deleted_at is None


@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
def test_archiving_a_class_confirms_and_can_be_undone(app, client, auth, world, htmx):
    w, h = world, HX if htmx else {}
    url = f"/classes/{w['class']}/archive"
    _confirmation(client.post(url, data={"archived": "1"}, headers=h), htmx, "Yes, archive it")
    with app.app_context():
        assert not db.session.get(ClassGroup, w["class"]).archived

    page = _followed(client, client.post(url, data={"archived": "1", "confirm": "1"}, headers=h), htmx)
    body = page.get_data(as_text=True)
    assert "archived: students no longer see it" in body
    action, _ = _undo_form(body)
    assert action == f"/classes/{w['class']}/archive/undo"
    with app.app_context():
        k = db.session.get(ClassGroup, w["class"])
        assert k.archived and k.archived_at is not None
    _as(client, auth, "theo@example.com")
    assert client.post(action, headers=h).status_code == 404
    _as(client, auth, T)

    page = _followed(client, client.post(action, headers=h), htmx)
    assert "Archive undone" in page.get_data(as_text=True)
    with app.app_context():
        k = db.session.get(ClassGroup, w["class"])
        assert not k.archived and k.archived_at is None
    _as(client, auth, "ann@example.com")
    assert client.get(f"/classes/{w['class']}").status_code == 200


@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
def test_undo_after_the_window_says_it_is_too_late(app, client, auth, world, htmx):
    w, h = world, HX if htmx else {}
    app.config["UNDO_SECONDS"] = 0  # every undo comes too late
    r = client.post("/sets/new", data={"title": "Gone", "visibility": "private"})
    sid = int(r.headers["Location"].split("/")[2])
    client.post(f"/sets/{sid}/delete", data={"confirm": "1"})
    client.post(f"/classes/{w['class']}/students/{w['ann']}/remove", data={"confirm": "1"})
    _, note = _undo_form(client.get(f"/classes/{w['class']}").get_data(as_text=True),
                         f"/classes/{w['class']}/students/{w['ann']}/restore")
    client.post(f"/classes/{w['class']}/archive", data={"archived": "1", "confirm": "1"})

    attempts = [
        (f"/sets/{sid}/restore", {}, "“Gone” was deleted more than 0 seconds ago"),
        (f"/classes/{w['class']}/students/{w['ann']}/restore", {"note": note},
         "Ann Able was removed more than 0 seconds ago"),
        (f"/classes/{w['class']}/archive/undo", {}, "You can still restore it with “Restore class”"),
    ]
    for url, data, reason in attempts:
        r = client.post(url, data=data, headers=h)
        assert r.status_code == 410, url
        assert "Too late to undo" in r.get_data(as_text=True) and reason in r.get_data(as_text=True)
        if htmx:  # htmx goes back to the page, which shows the reason
            back = client.get(r.headers["HX-Redirect"]).get_data(as_text=True)
            assert "Too late to undo" in back and reason in back
    with app.app_context():
        assert db.session.get(StudySet, sid).deleted_at is not None
        assert db.session.get(Membership, (w["class"], w["ann"])) is None
        assert db.session.get(ClassGroup, w["class"]).archived


def test_the_window_is_ten_minutes_by_default(app):
    from datetime import timedelta

    from quizapp.models import utcnow
    from quizapp.teaching import undo

    with app.app_context():
        k = ClassGroup(owner_id=None, name="K", join_code="KKKKKK", archived=True,
                       archived_at=utcnow() - timedelta(minutes=9))
        assert undo.DEFAULT_SECONDS == 600 and undo.window_text(600) == "10 minutes"
        assert undo.undo_archive(db.session, k, undo.DEFAULT_SECONDS, now=utcnow()) is True
        k.archived, k.archived_at = True, utcnow() - timedelta(minutes=11)
        with pytest.raises(undo.TooLate, match="more than 10 minutes ago"):
            undo.undo_archive(db.session, k, undo.DEFAULT_SECONDS)
        db.session.rollback()


def test_destructive_forms_carry_csrf_tokens(_migrated, tmp_path, monkeypatch, make_user):
    """With CSRF on (as in production) a POST without the token changes nothing."""
    from .test_security import _fresh_app

    app = _fresh_app(_migrated, tmp_path, monkeypatch, WTF_CSRF_ENABLED=True)
    try:
        from quizapp.auth import create_user

        with app.app_context():
            t = create_user(db.session, T, "Tess", "correct horse 42", "teacher")
            s = create_user(db.session, "s@example.com", "Sam", "correct horse 42", "student")
            k = ClassGroup(owner_id=t.id, name="K", join_code="KKKKKK")
            db.session.add(k)
            db.session.flush()
            db.session.add(Membership(class_id=k.id, user_id=s.id))
            db.session.commit()
            cid, sid = k.id, s.id
        c = app.test_client()
        page = c.get("/auth/login").get_data(as_text=True)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        c.post("/auth/login", data={"email": T, "password": "correct horse 42", "csrf_token": token})
        url = f"/classes/{cid}/students/{sid}/remove"
        assert c.post(url, data={"confirm": "1"}).status_code == 400
        confirm = c.post(url, data={"csrf_token": token}).get_data(as_text=True)
        token = re.search(r'name="csrf_token" value="([^"]+)"', confirm).group(1)
        r = c.post(url, data={"confirm": "1", "csrf_token": token})
        assert r.status_code == 303
        with app.app_context():
            assert db.session.get(Membership, (cid, sid)) is None
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
