""""Download my data" and "Delete my account": what the zip holds (never the password hash), and
what is left in the database after a deletion, table by table (by the user themselves or by an
admin: the same deletion), all in one transaction."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from quizapp.extensions import db
from quizapp.models import (
    Answer,
    Article,
    ArticleFile,
    Assignment,
    Card,
    ClassGroup,
    Collection,
    Fact,
    FactSource,
    Membership,
    Notice,
    PasswordReset,
    Question,
    Quiz,
    QuizItem,
    RawFact,
    RawFactKey,
    ReviewLog,
    Sentence,
    SetItem,
    StudySet,
    User,
    collection_class,
    question_fact,
    utcnow,
)
from quizapp.models.teaching import PendingImport

from .test_study_data import build_bank

PASSWORD = "correct horse 42"


def _login(app, email, password=PASSWORD):
    c = app.test_client()
    assert c.post("/auth/login", data={"email": email, "password": password}).status_code == 303
    return c


def _quiz(s, user_id, questions, answered, assignment_id=None):
    quiz = Quiz(user_id=user_id, scope_kind="set" if assignment_id else "corpus", mode="practice",
                length=len(questions), assignment_id=assignment_id)
    s.add(quiz)
    s.flush()
    for pos, qid in enumerate(questions, 1):
        item = QuizItem(quiz_id=quiz.id, position=pos, question_id=qid)
        s.add(item)
        s.flush()
        if qid in answered:
            s.add(Answer(quiz_item_id=item.id, quiz_id=quiz.id, user_id=user_id, question_id=qid, response="x",
                         correct=True, score=1.0))
    s.flush()
    return quiz.id


def _card(s, user_id, fact_id):
    card = Card(user_id=user_id, fact_id=fact_id, state=2, due=utcnow() + timedelta(days=3))
    s.add(card)
    s.flush()
    s.add(ReviewLog(card_id=card.id, user_id=user_id, rating=3, kind="review", card_state=1))
    s.flush()
    return card.id


@pytest.fixture
def world(app, make_user):
    """A teacher with a collection (shared with her class), a class of two students, a set
    assigned to it (a Library question, two of her collection's, one of her own), a colleague who
    duplicated that set, answers, cards and review logs on all sides."""
    ids = {
        "teacher": make_user("tess@example.com", "Tess Teacher", role="teacher"),
        "student": make_user("student@example.com", "Sam Student"),
        "other": make_user("olga@example.com", "Olga Other"),
        "colleague": make_user("carl@example.com", "Carl Colleague", role="teacher"),
        "admin": make_user("ada@example.com", "Ada Admin", role="admin"),
    }
    tid, sid, oid, cid = ids["teacher"], ids["student"], ids["other"], ids["colleague"]
    with app.app_context():
        bank = build_bank(db.session)
        s = db.session
        lib_article, own_article = bank["articles"]
        # The teacher's collection: the second bank article and all derived from it move into it.
        coll = Collection(name="Tess's readings", kind="teacher", owner_id=tid)
        s.add(coll)
        s.flush()
        facts = list(s.scalars(select(FactSource.fact_id).where(FactSource.article_id == own_article)))
        qids = sorted(set(s.scalars(select(question_fact.c.question_id).where(question_fact.c.fact_id.in_(facts)))))
        s.execute(update(Article).where(Article.id == own_article).values(collection_id=coll.id))
        s.execute(update(Fact).where(Fact.id.in_(facts)).values(collection_id=coll.id))
        s.execute(update(Question).where(Question.id.in_(qids)).values(collection_id=coll.id))
        s.execute(update(Article).where(Article.id == lib_article).values(added_by_id=tid))
        raw = RawFact(collection_id=coll.id, article_id=own_article, data={})
        s.add(raw)
        s.flush()
        s.add(RawFactKey(raw_fact_id=raw.id, key="name:csto", collection_id=coll.id))
        coll_sa = s.scalar(select(Question.id).where(Question.id.in_(qids), Question.type == "short_answer"))
        coll_cloze = s.scalar(select(Question.id).where(Question.id.in_(qids), Question.type == "cloze"))
        lib_q = bank["questions"]["short_answer"][0]
        custom = Question(type="short_answer", prompt="Tess asks: what does CSTO stand for?", answer="Collective "
                          "Security Treaty Organization", origin="custom", owner_id=tid)
        lonely = Question(type="short_answer", prompt="Tess's draft nobody used", answer="x", origin="custom",
                          owner_id=tid)
        s.add_all([custom, lonely])
        s.flush()
        # Her class, with both students, and her collection shared with it.
        klass = ClassGroup(owner_id=tid, name="Period 3", join_code="PERIOD3XYZ")
        s.add(klass)
        s.flush()
        s.add_all([Membership(class_id=klass.id, user_id=sid), Membership(class_id=klass.id, user_id=oid)])
        s.execute(collection_class.insert().values(collection_id=coll.id, class_id=klass.id))
        # Her set, assigned; the colleague duplicated it (a copy shares the question rows).
        sset = StudySet(owner_id=tid, title="Week 1", share_code="WEEK1SHARE", visibility="public", published=True)
        copy = StudySet(owner_id=cid, title="Copy of Week 1", share_code="WEEK1COPY")
        s.add_all([sset, copy])
        s.flush()
        for st in (sset, copy):
            for pos, qid in enumerate([lib_q, coll_sa, custom.id, coll_cloze], 1):
                s.add(SetItem(set_id=st.id, question_id=qid, position=pos))
        s.add(SetItem(set_id=sset.id, question_id=lonely.id, position=5))
        a = Assignment(class_id=klass.id, set_id=sset.id)
        s.add(a)
        s.flush()
        s.add(PendingImport(owner_id=tid, set_id=sset.id, filename="x.csv", format="csv", result={}))
        # The student did the assignment (all but the cloze); the other student only began.
        s_quiz = _quiz(s, sid, [lib_q, coll_sa, custom.id, coll_cloze], {lib_q, coll_sa, custom.id}, a.id)
        o_quiz = _quiz(s, oid, [lib_q, coll_cloze], {lib_q}, a.id)
        t_quiz = _quiz(s, tid, [lib_q], {lib_q})
        lib_fact = bank["facts"][0]
        s_cards = {"coll": _card(s, sid, facts[0]), "lib": _card(s, sid, lib_fact)}
        t_card = _card(s, tid, lib_fact)
        # The student's own private collection with one article.
        mine = Collection(name="My articles", kind="learner", owner_id=sid)
        s.add(mine)
        s.flush()
        mine_article = Article(collection_id=mine.id, key="mine.txt", title="My own reading", content_hash="m",
                               raw_text="My own reading\n\nText.", added_by_id=sid)
        s.add(mine_article)
        s.flush()
        # the file it was made from (an uploaded page), kept for its owner
        s.add(ArticleFile(article_id=mine_article.id, filename="my reading (final).html", media_type="text/html",
                          size=len(ORIGINAL), data=ORIGINAL))
        s.add(Notice(user_id=tid, message="old notice"))
        s.add(PasswordReset(user_id=tid, token_hash="0" * 64, expires_at=utcnow() + timedelta(hours=1)))
        s.commit()
        ids.update(coll=coll.id, own_article=own_article, lib_article=lib_article, facts=facts, qids=qids,
                   coll_sa=coll_sa, coll_cloze=coll_cloze, lib_q=lib_q, custom=custom.id, lonely=lonely.id,
                   klass=klass.id, set=sset.id, copy=copy.id, assignment=a.id, s_quiz=s_quiz, o_quiz=o_quiz,
                   t_quiz=t_quiz, s_cards=s_cards, t_card=t_card, lib_fact=lib_fact, mine=mine.id)
    return ids


def user_traces(app, uid: int) -> dict[str, int]:
    """Rows of every table that point at user ``uid`` (through any foreign key to user.id)."""
    out = {}
    with app.app_context():
        for table in db.metadata.sorted_tables:
            for column in table.columns:
                if any(fk.column.table.name == "user" for fk in column.foreign_keys) or (
                        table.name == "user" and column.name == "id"):
                    n = db.session.scalar(select(func.count()).select_from(table).where(column == uid))
                    if n:
                        out[f"{table.name}.{column.name}"] = n
        db.session.remove()
    return out


def _count(model_or_table, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model_or_table).where(*where)) or 0


# ------------------------------------------------------------------ download my data
def _zip(client) -> zipfile.ZipFile:
    r = client.get("/account/data.zip")
    assert r.status_code == 200 and r.mimetype == "application/zip"
    assert r.headers["Content-Disposition"].startswith("attachment;")
    assert r.headers["Cache-Control"] == "no-store"
    return zipfile.ZipFile(io.BytesIO(r.data))


ORIGINAL = b"<html><head><title>My own reading</title></head><body><p>Text.</p></body></html>"

EXPECTED_FILES = {
    "README.txt", "profile.json", "quizzes.json", "quizzes.csv", "answers.json", "answers.csv", "cards.json",
    "cards.csv", "review_logs.json", "review_logs.csv", "sets.json", "sets.csv", "classes.json", "classes.csv",
    "collections.json", "collections.csv",
}


def test_data_zip_holds_the_students_data_and_never_the_password_hash(app, world):
    z = _zip(_login(app, "student@example.com"))
    originals = {n for n in z.namelist() if n.startswith("originals/")}
    assert set(z.namelist()) - originals == EXPECTED_FILES
    # the file their own article was made from, byte for byte, under a name safe everywhere
    assert len(originals) == 1 and z.read(originals.pop()) == ORIGINAL
    assert any(n.endswith("-my_reading_final_.html") for n in z.namelist())
    with app.app_context():
        user = db.session.get(User, world["student"])
        secret_hash, token = user.password_hash, user.session_token
    everything = b"".join(z.read(n) for n in z.namelist()).decode()
    assert secret_hash not in everything and token not in everything
    assert "password_hash" not in everything and "session_token" not in everything
    profile = json.loads(z.read("profile.json"))
    assert not {k for k in profile if "password" in k or "token" in k}
    assert profile["email"] == "student@example.com" and profile["name"] == "Sam Student"
    answers = json.loads(z.read("answers.json"))
    assert len(answers) == 3 and {a["question_id"] for a in answers} == {world["lib_q"], world["coll_sa"],
                                                                         world["custom"]}
    rows = list(csv.DictReader(io.StringIO(z.read("answers.csv").decode("utf-8-sig"))))
    assert len(rows) == 3 and rows[0]["question"]
    assert len(json.loads(z.read("cards.json"))) == 2
    assert len(json.loads(z.read("review_logs.json"))) == 2
    assert len(json.loads(z.read("quizzes.json"))) == 1
    classes = json.loads(z.read("classes.json"))
    assert classes["teaching"] == []
    assert [(k["name"], k["teacher"]) for k in classes["member_of"]] == [("Period 3", "Tess Teacher")]
    colls = json.loads(z.read("collections.json"))
    assert [c["name"] for c in colls] == ["My articles"] and colls[0]["articles"][0]["raw_text"].startswith("My own")


def test_data_zip_of_a_teacher_has_sets_with_items_classes_and_collections(app, world):
    z = _zip(_login(app, "tess@example.com"))
    sets = json.loads(z.read("sets.json"))
    assert [s["title"] for s in sets] == ["Week 1"]
    assert [i["question_id"] for i in sets[0]["items"]] == [world["lib_q"], world["coll_sa"], world["custom"],
                                                            world["coll_cloze"], world["lonely"]]
    assert any(i["prompt"].startswith("Tess asks") for i in sets[0]["items"])
    assert len(list(csv.reader(io.StringIO(z.read("sets.csv").decode("utf-8-sig"))))) == 6
    teaching = json.loads(z.read("classes.json"))["teaching"]
    assert teaching[0]["name"] == "Period 3" and teaching[0]["students"] == 2
    assert [a["set_title"] for a in teaching[0]["assignments"]] == ["Week 1"]
    everything = b"".join(z.read(n) for n in z.namelist()).decode()
    assert "student@example.com" not in everything and "Sam Student" not in everything  # students: a count
    colls = json.loads(z.read("collections.json"))
    assert colls[0]["name"] == "Tess's readings" and colls[0]["shared_with_classes"] == [world["klass"]]
    assert colls[0]["articles"][0]["title"] == "Talks in Moscow"


def test_csv_cells_cannot_run_as_formulas(app, make_user):
    from quizapp.accounts.export import _cell

    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and _cell("-1") == "'-1" and _cell("ok") == "ok"
    assert _cell({"a": 1}) == '{"a": 1}' and _cell(None) == ""


def test_data_zip_needs_login(client):
    r = client.get("/account/data.zip")
    assert r.status_code == 302 and "/auth/login" in r.headers["Location"]


# ------------------------------------------------------------------ delete my account
def test_deleting_needs_the_password(app, world):
    c = _login(app, "tess@example.com")
    r = c.post("/account/delete", data={"current_password": "not it at all"})
    assert r.status_code == 422 and "nothing was deleted" in r.get_data(as_text=True)
    assert user_traces(app, world["teacher"])["user.id"] == 1
    page = c.get("/account/delete").get_data(as_text=True)
    assert "1 class are archived" in page or "1 class" in page


@pytest.mark.parametrize("by", ["self", "admin"])
def test_teacher_deletion_leaves_only_what_others_need(app, world, by):
    w = world
    phone = _login(app, "tess@example.com")
    if by == "self":
        c = _login(app, "tess@example.com")
        r = c.post("/account/delete", data={"current_password": PASSWORD})
        assert r.status_code == 303
        assert "/account/" not in c.get("/").get_data(as_text=True)  # logged out
    else:
        admin = _login(app, "ada@example.com")
        r = admin.post(f"/admin/users/{w['teacher']}/delete", data={"current_password": PASSWORD})
        assert r.status_code == 303 and "/admin/users" in r.headers["Location"]
    assert phone.get("/account/").status_code == 302  # every session is over
    assert app.test_client().post("/auth/login", data={"email": "tess@example.com",
                                                       "password": PASSWORD}).status_code == 422
    # Nothing in any table points at her any more.
    assert user_traces(app, w["teacher"]) == {}
    with app.app_context():
        # her class: archived, no owner, students still in it and told (without her name)
        klass = db.session.get(ClassGroup, w["klass"])
        assert klass.archived and klass.owner_id is None
        assert _count(Membership, Membership.class_id == w["klass"]) == 2
        notices = db.session.scalars(select(Notice).order_by(Notice.user_id)).all()
        assert [n.user_id for n in notices] == [w["student"], w["other"]]
        assert all("Period 3" in n.message and "Tess" not in n.message for n in notices)
        assert db.session.get(User, w["student"]).has_notices
        # her set, its assignment and pending import: gone; the students' quizzes stay, unassigned
        assert db.session.get(StudySet, w["set"]) is None and db.session.get(Assignment, w["assignment"]) is None
        assert _count(PendingImport) == 0
        assert db.session.get(Quiz, w["s_quiz"]).assignment_id is None
        # her collection and all derived from it: gone
        assert db.session.get(Collection, w["coll"]) is None
        assert db.session.get(Article, w["own_article"]) is None
        assert _count(Sentence, Sentence.article_id == w["own_article"]) == 0
        assert _count(Fact, Fact.id.in_(w["facts"])) == 0
        assert _count(FactSource, FactSource.article_id == w["own_article"]) == 0
        assert _count(RawFact) == 0 and _count(RawFactKey) == 0
        assert _count(collection_class) == 0
        assert _count(question_fact, question_fact.c.fact_id.in_(w["facts"])) == 0
        # questions: the one a student answered stays, retired, with no owner and no collection
        kept = db.session.get(Question, w["coll_sa"])
        assert kept is not None and kept.collection_id is None and kept.owner_id is None
        assert kept.retired_at is not None and kept.uid is None
        gone = set(w["qids"]) - {w["coll_sa"]}
        assert _count(Question, Question.id.in_(gone)) == 0
        # her own question stays (answered, and in the colleague's copy) without owner; her unused one
        # goes; the copy loses the questions of her collection (their content is gone)
        custom = db.session.get(Question, w["custom"])
        assert custom is not None and custom.owner_id is None and custom.retired_at is None
        assert db.session.get(Question, w["lonely"]) is None
        assert list(db.session.scalars(select(SetItem.question_id).where(SetItem.set_id == w["copy"])
                                       .order_by(SetItem.position))) == [w["lib_q"], w["custom"]]
        # students: answered items stay, the unanswered item of her collection drops out
        assert list(db.session.scalars(select(QuizItem.question_id).where(QuizItem.quiz_id == w["s_quiz"])
                                       .order_by(QuizItem.position))) == [w["lib_q"], w["coll_sa"], w["custom"]]
        assert _count(Answer, Answer.quiz_id == w["s_quiz"]) == 3
        assert list(db.session.scalars(select(QuizItem.question_id).where(QuizItem.quiz_id == w["o_quiz"]))) == [
            w["lib_q"]]
        # flashcards on her collection's facts go (with their logs); the Library's stay
        assert db.session.get(Card, w["s_cards"]["coll"]) is None
        assert _count(ReviewLog, ReviewLog.card_id == w["s_cards"]["coll"]) == 0
        assert db.session.get(Card, w["s_cards"]["lib"]) is not None
        # the Library article she added stays, anonymously; the Library's questions are untouched
        lib = db.session.get(Article, w["lib_article"])
        assert lib is not None and lib.added_by_id is None
        assert _count(Question, Question.collection_id.is_not(None)) == 6
        # the other people are all still there
        assert _count(User) == 4
    # The student's pages still work: results of the quiz, the archived class, the home page.
    s = _login(app, "student@example.com")
    results = s.get(f"/quiz/{w['s_quiz']}/results")
    assert results.status_code == 200
    assert "deleted their account" in s.get("/").get_data(as_text=True)
    assert s.get(f"/classes/{w['klass']}").status_code in (200, 404)  # archived: hidden from students
    assert s.get("/review/").status_code == 200 and s.get("/progress/").status_code == 200
    carl = _login(app, "carl@example.com")
    assert carl.get(f"/sets/{w['copy']}").status_code == 200


def test_student_deletion_removes_their_attempts_and_tells_the_teacher(app, world):
    w = world
    c = _login(app, "student@example.com")
    assert c.post("/account/delete", data={"current_password": PASSWORD}).status_code == 303
    assert user_traces(app, w["student"]) == {}
    with app.app_context():
        assert db.session.get(Quiz, w["s_quiz"]) is None
        assert _count(Answer, Answer.quiz_id == w["s_quiz"]) == 0
        assert _count(Card, Card.id.in_(list(w["s_cards"].values()))) == 0
        assert _count(ReviewLog, ReviewLog.card_id.in_(list(w["s_cards"].values()))) == 0
        assert db.session.get(Collection, w["mine"]) is None
        assert _count(Article, Article.key == "mine.txt") == 0
        assert _count(Membership, Membership.class_id == w["klass"]) == 1
        note = db.session.scalar(select(Notice).where(Notice.user_id == w["teacher"], Notice.message != "old notice"))
        assert "Period 3" in note.message and "Sam" not in note.message
        # the teacher's things are untouched
        assert db.session.get(StudySet, w["set"]) is not None and db.session.get(Collection, w["coll"]) is not None
        assert _count(Question, Question.id.in_(w["qids"])) == len(w["qids"])
    t = _login(app, "tess@example.com")
    page = t.get(f"/classes/{w['klass']}")
    assert page.status_code == 200 and "Sam Student" not in page.get_data(as_text=True)
    assert "A student of “Period 3” deleted their account" in t.get("/").get_data(as_text=True)
    assert t.get(f"/classes/{w['klass']}/grades.csv").status_code == 200


def test_deletion_is_one_transaction(app, world, monkeypatch):
    """A failure half-way leaves everything as it was."""
    from quizapp.accounts import deletion

    def before():
        with app.app_context():
            out = {t.name: db.session.scalar(select(func.count()).select_from(t)) for t in db.metadata.sorted_tables}
            db.session.remove()
            return out

    counts = before()

    def boom(*a, **k):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(deletion, "notify", boom)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    c = _login(app, "tess@example.com")
    r = c.post("/account/delete", data={"current_password": PASSWORD})
    assert r.status_code == 500  # (a real failure; the point is what it leaves behind)
    assert before() == counts
    assert c.get("/account/").status_code == 200  # still logged in, still there
