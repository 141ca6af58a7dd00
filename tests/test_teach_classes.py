"""Classes: create, join with a code, roster, assignments with due dates, students' home page,
progress, item analysis and grades CSV; the library (teachers add and remove articles); the
``quizapp users`` CLI."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Article, Assignment, ClassGroup, Membership, Question, Quiz, User, utcnow

from .test_teach_support import make_bank, record_quiz

T = "teach@example.com"


@pytest.fixture
def setup(app, client, make_user, auth):
    """Teacher with a 3-question set and a class; returns ids."""
    bank = make_bank(app)
    tid = make_user(T, "Tess Teacher", role="teacher")
    auth.login(T)
    r = client.post("/sets/new", data={"title": "Week 1", "visibility": "class"})
    sid = int(r.headers["Location"].split("/")[2])
    for qid in bank["questions"][:3]:
        client.post(f"/sets/{sid}/items", data={"question_id": qid})
    r = client.post("/classes/new", data={"name": "Politics 11B"})
    assert r.status_code == 303
    cid = int(r.headers["Location"].rsplit("/", 1)[1])
    with app.app_context():
        code = db.session.get(ClassGroup, cid).join_code
    return {"bank": bank, "teacher": tid, "set": sid, "class": cid, "code": code}


def _student(client, auth, make_user, email, name):
    auth.logout()
    uid = make_user(email, name)
    auth.login(email)
    return uid


def test_join_assign_and_home_page(app, client, make_user, auth, setup):
    due = (utcnow() + timedelta(days=3)).date()
    r = client.post(f"/classes/{setup['class']}/assignments",
                    data={"set_id": setup["set"], "due_date": due.isoformat(), "due_time": "09:30"})
    assert r.status_code == 303
    with app.app_context():
        a = db.session.scalar(select(Assignment))
        assert a.due_at.hour == 9 and a.due_at.minute == 30 and a.due_at.date() == due  # teacher in UTC
        aid = a.id
    body = client.get(f"/classes/{setup['class']}").get_data(as_text=True)
    assert "Week 1" in body and "No students yet" in body

    _student(client, auth, make_user, "ann@example.com", "Ann")
    r = client.post("/classes/join", data={"code": "ZZZ-ZZZ"})
    assert r.status_code == 404 and "No class has this code" in r.get_data(as_text=True)
    code = setup["code"]
    r = client.post("/classes/join", data={"code": f" {code[:3].lower()}-{code[3:]} "})
    assert r.status_code == 303
    r = client.post("/classes/join", data={"code": code})  # twice: no error, no duplicate
    assert r.status_code == 303
    # the student's home page lists the assignment with its status
    body = client.get("/").get_data(as_text=True)
    assert "Your assignments" in body and "Week 1" in body and "Not started" in body
    body = client.get(f"/classes/{setup['class']}").get_data(as_text=True)
    assert "Politics 11B" in body and "Tess Teacher" in body and "Start" in body
    # a shared link to a class-only set works for the student through the assignment
    with app.app_context():
        from quizapp.models import StudySet

        share = db.session.get(StudySet, setup["set"]).share_code
    assert client.get(f"/sets/s/{share}").status_code == 200
    # starting the assignment makes a test quiz tied to it (study area) and resumes it
    r = client.post(f"/classes/{setup['class']}/assignments/{aid}/start")
    assert r.status_code == 303 and "/quiz/" in r.headers["Location"]
    r2 = client.post(f"/classes/{setup['class']}/assignments/{aid}/start")
    assert r2.headers["Location"] == r.headers["Location"]
    with app.app_context():
        quiz = db.session.scalar(select(Quiz))
        assert quiz.assignment_id == aid and quiz.mode == "test" and len(quiz.items) == 3
    assert "In progress" in client.get("/").get_data(as_text=True)


def test_progress_item_analysis_and_grades(app, client, make_user, auth, setup):
    client.post(f"/classes/{setup['class']}/assignments", data={"set_id": setup["set"]})
    with app.app_context():
        aid = db.session.scalar(select(Assignment.id))
    q1, q2, q3 = setup["bank"]["questions"][:3]
    # the hand-computed example of test_teach_units: S1 111, S2 110, S3 100, S4 001
    pattern = {"Sam": (1, 1, 1), "Bea": (1, 1, 0), "Cy": (1, 0, 0), "Di": (0, 0, 1)}
    uids = {}
    for name, bits in pattern.items():
        uids[name] = make_user(f"{name.lower()}@example.com", name)
        with app.app_context():
            db.session.add(Membership(class_id=setup["class"], user_id=uids[name]))
            db.session.commit()
        record_quiz(app, uids[name], aid, setup["set"], dict(zip((q1, q2, q3), map(bool, bits))), minutes_ago=60)
    # a later retry of Di (all right) must not change item analysis (first attempts only)
    record_quiz(app, uids["Di"], aid, setup["set"], {q1: True, q2: True, q3: True}, minutes_ago=5)

    body = client.get(f"/classes/{setup['class']}").get_data(as_text=True)
    assert "100%" in body and "67%" in body and "33%" in body  # Sam, Bea, Cy best scores
    assert "2 tries" in body  # Di
    r = client.get(f"/classes/{setup['class']}/assignments/{aid}")
    body = r.get_data(as_text=True)
    assert r.status_code == 200
    assert "0.58" in body and "-0.30" in body and "0.00" in body
    assert "negative" in body and "low" in body
    assert f"/sets/{setup['set']}/items/" in body and "/edit" in body  # link to edit flagged items

    r = client.get(f"/classes/{setup['class']}/grades.csv")
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][:4] == ["student", "email", "Week 1 (score %)", "Week 1 (status)"]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Sam"][2] == "100.0" and by_name["Cy"][2] == "33.3" and by_name["Di"][2] == "100.0"
    assert by_name["Bea"][3] == "Done" and by_name["Sam"][4] == "1/1"

    # remove a student from the roster: gone from the class, their quizzes stay
    r = client.post(f"/classes/{setup['class']}/students/{uids['Cy']}/remove", data={"confirm": "1"})
    assert r.status_code == 303
    with app.app_context():
        assert db.session.get(Membership, (setup["class"], uids["Cy"])) is None
        assert db.session.scalar(select(Quiz).where(Quiz.user_id == uids["Cy"])) is not None
    roster = client.get(f"/classes/{setup['class']}").get_data(as_text=True).split('<tbody id="roster">')[1]
    # By the roster's row headers, not a bare "Cy": a CSRF token on the page may contain those letters.
    assert '<th scope="row">Cy<br>' not in roster and "Remove Cy from the class" not in roster
    assert '<th scope="row">Bea<br>' in roster


def test_status_overdue_and_late(app, client, make_user, auth, setup):
    past = (utcnow() - timedelta(days=2)).date().isoformat()
    client.post(f"/classes/{setup['class']}/assignments", data={"set_id": setup["set"], "due_date": past})
    with app.app_context():
        aid = db.session.scalar(select(Assignment.id))
    uid = _student(client, auth, make_user, "ann@example.com", "Ann")
    client.post("/classes/join", data={"code": setup["code"]})
    assert "Overdue" in client.get("/").get_data(as_text=True)
    q = setup["bank"]["questions"]
    record_quiz(app, uid, aid, setup["set"], {q[0]: True, q[1]: False, q[2]: True}, minutes_ago=10)
    body = client.get("/classes/").get_data(as_text=True)
    assert "Done (late)" in body and "67%" in body


def test_classes_authorisation(app, client, make_user, auth, setup):
    client.post(f"/classes/{setup['class']}/assignments", data={"set_id": setup["set"]})
    with app.app_context():
        aid = db.session.scalar(select(Assignment.id))
    # another teacher: 404 on every object of this class, can't assign someone else's set
    auth.logout()
    make_user("t2@example.com", role="teacher")
    auth.login("t2@example.com")
    cid = setup["class"]
    for url in (f"/classes/{cid}", f"/classes/{cid}/assignments/{aid}", f"/classes/{cid}/grades.csv"):
        assert client.get(url).status_code == 404, url
    r = client.post("/classes/new", data={"name": "Mine"})
    mine = int(r.headers["Location"].rsplit("/", 1)[1])
    r = client.post(f"/classes/{mine}/assignments", data={"set_id": setup["set"]})
    assert r.status_code == 422  # not among the choices
    # a student outside the class: 404; a student inside: can see but not manage
    _student(client, auth, make_user, "out@example.com", "Out")
    assert client.get(f"/classes/{cid}").status_code == 404
    assert client.post(f"/classes/{cid}/assignments/{aid}/start").status_code == 404
    _student(client, auth, make_user, "in@example.com", "In")
    client.post("/classes/join", data={"code": setup["code"]})
    assert client.get(f"/classes/{cid}").status_code == 200
    assert client.get(f"/classes/{cid}/assignments/{aid}").status_code == 403
    assert client.get(f"/classes/{cid}/grades.csv").status_code == 403
    # leaving
    assert client.post(f"/classes/{cid}/leave").status_code == 303
    assert client.get(f"/classes/{cid}").status_code == 404


def test_new_code_and_archive(app, client, setup, make_user, auth):
    old = setup["code"]
    client.post(f"/classes/{setup['class']}/code")
    with app.app_context():
        new = db.session.get(ClassGroup, setup["class"]).join_code
    assert new != old
    client.post(f"/classes/{setup['class']}/archive", data={"archived": "1", "confirm": "1"})
    _student(client, auth, make_user, "ann@example.com", "Ann")
    assert client.post("/classes/join", data={"code": new}).status_code == 404


def test_set_with_assignment_cannot_be_deleted(app, client, setup):
    client.post(f"/classes/{setup['class']}/assignments", data={"set_id": setup["set"]})
    client.post(f"/sets/{setup['set']}/delete")
    with app.app_context():
        from quizapp.models import StudySet

        assert db.session.get(StudySet, setup["set"]) is not None


# ---- library ---------------------------------------------------------------------------------

ARTICLE = """Leaders meet in Moscow

Published: Aug 25, 2021

Foreign Minister Wang Yi met Russian Foreign Minister Sergey Lavrov in Moscow on Monday. The two sides
agreed to strengthen strategic communication on Afghanistan through the Shanghai Cooperation Organization (SCO).
"""


def test_library_upload_paste_errors_and_retire(app, client, make_user, auth):
    make_user(T, "Tess", role="teacher")
    auth.login(T)
    assert client.get("/library/").status_code == 200
    r = client.post("/library/", data={"file": (io.BytesIO(ARTICLE.encode()), "moscow.txt")},
                    content_type="multipart/form-data")
    assert r.status_code == 303, r.get_data(as_text=True)
    with app.app_context():
        art = db.session.scalar(select(Article).where(Article.key == "moscow.txt"))
        assert art.title == "Leaders meet in Moscow" and art.added_by_id is not None
        aid = art.id
    assert "Leaders meet in Moscow" in client.get(r.headers["Location"]).get_data(as_text=True)
    # the same text again: reported, not stored twice
    r = client.post("/library/", data={"text": ARTICLE}, follow_redirects=True)
    assert "Nothing added" in r.get_data(as_text=True)
    # clear errors for bad input
    r = client.post("/library/", data={"file": (io.BytesIO(b"\x00\x01binary"), "x.txt")},
                    content_type="multipart/form-data")
    assert r.status_code == 422 and "binary file" in r.get_data(as_text=True)
    r = client.post("/library/", data={"file": (io.BytesIO(b"x"), "x.pdf")}, content_type="multipart/form-data")
    assert r.status_code == 422 and ".txt" in r.get_data(as_text=True)
    r = client.post("/library/", data={"text": "Only a title"})
    assert r.status_code == 422 and "no article text" in r.get_data(as_text=True)
    assert client.post("/library/", data={"text": ""}).status_code == 422
    big = "Title\n\n" + "word " * (app.config["MAX_ARTICLE_BYTES"] // 5 + 10)
    r = client.post("/library/", data={"text": big})
    assert r.status_code in (413, 422) and "limit" in r.get_data(as_text=True)
    # another teacher can't see it, remove it (404) or overwrite it: the same file name goes into
    # their own collection as a separate article
    auth.logout()
    make_user("t2@example.com", role="teacher")
    auth.login("t2@example.com")
    assert client.get(f"/articles/{aid}").status_code == 404
    assert client.post(f"/library/{aid}/retire").status_code == 404
    other = ARTICLE.replace("Monday", "Tuesday")
    r = client.post("/library/", data={"file": (io.BytesIO(other.encode()), "moscow.txt")},
                    content_type="multipart/form-data")
    assert r.status_code == 303
    with app.app_context():
        assert "Monday" in db.session.get(Article, aid).raw_text
        theirs = db.session.scalars(select(Article).where(Article.key == "moscow.txt")).all()
        assert len(theirs) == 2 and len({a.collection_id for a in theirs}) == 2
    auth.logout()
    auth.login(T)
    assert client.post(f"/library/{aid}/retire").status_code == 303
    with app.app_context():
        assert db.session.get(Article, aid).retired_at is not None
        mine = db.session.get(Article, aid).collection_id
        live = db.session.scalars(select(Question).where(Question.retired_at.is_(None),
                                                         Question.collection_id == mine)).all()
        assert all(q.sources[0]["article"] != "moscow.txt" for q in live if q.sources)


def test_a_learner_studies_their_own_article_privately(app, client, make_user, auth):
    make_user()
    make_user("other@example.com", "Olly")
    auth.login()
    r = client.post("/library/", data={"text": ARTICLE})
    assert r.status_code == 303
    page = client.get(r.headers["Location"]).get_data(as_text=True)
    assert "Quiz me on this article" in page and "Study its cards" in page
    aid = int(r.headers["Location"].rstrip("/").rsplit("/", 1)[-1])
    with app.app_context():
        art = db.session.get(Article, aid)
        assert art.status == "ready" and art.collection.kind == "learner"
        qids = [q.id for q in db.session.scalars(select(Question).where(Question.collection_id == art.collection_id))]
        assert qids
    assert "Wang Yi" in client.get("/questions/?q=Wang").get_data(as_text=True)
    auth.logout()
    auth.login("other@example.com")
    assert client.get(f"/articles/{aid}").status_code == 404
    assert client.get(f"/questions/{qids[0]}").status_code == 404
    assert "Wang Yi" not in client.get("/questions/?q=Wang").get_data(as_text=True)
    assert "Leaders meet in Moscow" not in client.get("/articles/").get_data(as_text=True)


# ---- users CLI -------------------------------------------------------------------------------


def test_users_cli(app, runner, make_user):
    make_user("ann@example.com", "Ann")
    make_user("tess@example.com", "Tess", role="teacher")
    out = runner.invoke(args=["users", "list"])
    assert out.exit_code == 0 and "ann@example.com" in out.output and "teacher" in out.output
    assert runner.invoke(args=["users", "promote", "ANN@example.com"]).exit_code == 0
    assert runner.invoke(args=["users", "promote", "tess@example.com", "--role", "admin"]).exit_code == 0
    with app.app_context():
        roles = dict(db.session.execute(select(User.email, User.role)).all())
    assert roles == {"ann@example.com": "teacher", "tess@example.com": "admin"}
    assert runner.invoke(args=["users", "demote", "ann@example.com"]).exit_code == 0
    with app.app_context():
        token = db.session.scalar(select(User.session_token).where(User.email == "ann@example.com"))
    assert runner.invoke(args=["users", "disable", "ann@example.com"]).exit_code == 0
    with app.app_context():
        ann = db.session.scalar(select(User).where(User.email == "ann@example.com"))
        assert ann.role == "student" and not ann.active and ann.session_token != token
    out = runner.invoke(args=["users", "list", "--disabled"])
    assert "ann@example.com" in out.output and "tess@" not in out.output
    assert runner.invoke(args=["users", "enable", "ann@example.com"]).exit_code == 0
    bad = runner.invoke(args=["users", "promote", "nobody@example.com"])
    assert bad.exit_code != 0 and "No account" in bad.output
    # no account is created by any command: no default admin
    with app.app_context():
        assert db.session.scalar(select(User).where(User.role == "admin")).email == "tess@example.com"
