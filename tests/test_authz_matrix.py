"""Every route in ``app.url_map``, every method, as five people: anonymous, a student in the class,
another student, the teacher who owns the class and set, and another teacher.

Teaching routes are checked exactly (anonymous → login redirect, students on teacher pages → 403,
other people's objects → 404, the owner gets in). The study routes that show a student's own
quiz are checked for "other people get 404". Every other route must simply never fail with a
5xx for anyone. A state-changing request that succeeds rebuilds the fixtures, so each request
meets the same world. The matrix size is printed (``-s``) and asserted.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import (
    Answer,
    AnswerClaim,
    Article,
    Assignment,
    ClassGroup,
    Collection,
    Membership,
    Question,
    QuizItem,
    SetItem,
    StudySet,
)
from quizapp.models.teaching import PendingImport
from quizapp.teaching import codes
from quizapp.teaching.formats import ParseResult
from quizapp.teaching.store import unique_code

from .test_teach_support import record_quiz

ROLES = ("anonymous", "student", "other_student", "teacher", "other_teacher")
EMAILS = {"student": "stu@example.com", "other_student": "stu2@example.com",
          "teacher": "tea@example.com", "other_teacher": "tea2@example.com"}
LOGIN = "login"  # a redirect to the login page
DENIED = {401, 403, 404}


def _world(app, uid: dict[str, int], n: int) -> dict:
    """A class-only, published set of the teacher with two questions, assigned to their class;
    the student is in the class and has finished the assignment once."""
    t, s = uid["teacher"], uid["student"]
    with app.app_context():
        qs = [Question(type="short_answer", prompt=f"Who {n}-{k}?", answer="Ann", accepted=["Ann"],
                       origin="custom", owner_id=t) for k in range(2)]
        db.session.add_all(qs)
        sset = StudySet(owner_id=t, title=f"Set {n}", visibility="class", published=True,
                        share_code=unique_code(db.session, StudySet.share_code, codes.SHARE_CODE_LENGTH))
        klass = ClassGroup(owner_id=t, name=f"Class {n}",
                           join_code=unique_code(db.session, ClassGroup.join_code, codes.JOIN_CODE_LENGTH))
        db.session.add_all([sset, klass])
        db.session.flush()
        for pos, q in enumerate(qs, 1):
            db.session.add(SetItem(set_id=sset.id, question_id=q.id, position=pos))
        db.session.add(Membership(class_id=klass.id, user_id=s))
        a = Assignment(class_id=klass.id, set_id=sset.id)
        db.session.add(a)
        pending = PendingImport(owner_id=t, set_id=sset.id, filename="x.json", format="json",
                                result=ParseResult("json").to_json())
        coll = Collection(name=f"Readings {n}", kind="teacher", owner_id=t)
        coll.classes = [klass]  # shared with the class: its student sees the article
        db.session.add(coll)
        db.session.flush()
        art = Article(collection_id=coll.id, key=f"teacher-{n}.txt", title=f"Teacher article {n}",
                      content_hash=f"{n:064d}", raw_text="T\n\nBody.", word_count=1, added_by_id=t)
        db.session.add_all([pending, art])
        db.session.commit()
        w = {"set_id": sset.id, "set_item_id": sset.items[0].id if sset.items else None,
             "class_id": klass.id, "assignment_id": a.id, "user_id": s, "pending_id": pending.id,
             "article_id": art.id, "collection_id": coll.id, "share_code": sset.share_code, "join_code": klass.join_code,
             "question_id": qs[0].id, "qids": [q.id for q in qs]}
        w["set_item_id"] = db.session.scalar(select(SetItem.id).where(SetItem.set_id == sset.id))
    quiz_id = record_quiz(app, s, w["assignment_id"], w["set_id"], {w["qids"][0]: True, w["qids"][1]: False})
    with app.app_context():
        w["quiz_id"] = quiz_id
        w["quiz_item_id"] = db.session.scalar(select(QuizItem.id).where(QuizItem.quiz_id == quiz_id))
        wrong = db.session.scalar(select(Answer).where(Answer.quiz_id == quiz_id, Answer.question_id == w["qids"][1]))
        claim = AnswerClaim(answer_id=wrong.id, question_id=wrong.question_id, user_id=s, text="Anne")
        db.session.add(claim)
        db.session.commit()
        w["claim_id"] = claim.id
    return w


def _values(rule, w: dict) -> dict:
    values = {}
    for arg in rule.arguments:
        if arg == "item_id":
            values[arg] = w["set_item_id"] if rule.endpoint.startswith("sets.") else w["quiz_item_id"]
        elif arg == "code":
            values[arg] = w["join_code"] if rule.endpoint.startswith("classes.") else w["share_code"]
        elif arg == "fmt":
            values[arg] = "apkg" if rule.endpoint == "bank.export" else "csv"
        elif arg == "filename":
            values[arg] = "style.css"
        elif arg in ("fact_id", "notice_id"):
            values[arg] = 1
        elif arg == "token":
            values[arg] = "no-such-reset-token"
        else:
            values[arg] = w[arg]
    return values


# -- the expectations ------------------------------------------------------------------------

TEACHER_OBJECT = {  # teacher_required + owner check: students 403, other teacher 404
    "sets.show", "sets.picker", "sets.delete", "sets.duplicate", "sets.export", "sets.import_into",
    "sets.add_item", "sets.edit_item", "sets.move_item", "sets.remove_item", "sets.preview",
    "sets.publish", "sets.new_question", "sets.update", "sets.import_preview", "sets.import_cancel",
    "sets.import_confirm", "classes.archive", "classes.assign", "classes.assignment", "classes.change_due",
    "classes.unassign", "classes.new_code", "classes.grades", "classes.rename", "classes.remove_student",
    "classes.restore_student", "classes.undo_archive", "sets.restore",
    "collections.show", "collections.share", "collections.rename",
    # the quality loop: acting on the teacher's own question, article and collection
    "curation.approve", "curation.retire", "curation.restore", "curation.edit", "curation.accept_claim",
    "curation.reject_claim", "curation.bulk", "curation.review_new",
}
TEACHER_ONLY = {"sets.create", "sets.import_new", "classes.create", "collections.index", "collections.create",
                "curation.review"}
# Anyone signed in who met the question (here: the set's owner and the class it is assigned to)
REPORTERS = {"curation.report"}
ANY_USER = {"sets.index", "sets.open_code", "classes.index", "classes.join", "classes.join_link", "library.index",
            "library.add", "bank.export"}
OWNER_ONLY = {"library.retire", "library.retry", "library.original"}  # signed in; anyone but the collection's owner: 404
ADMIN_ONLY = {"collections.publish"}  # teachers (even the owner) 404, students 403
SHARED_ARTICLE = {"corpus.show", "corpus.status"}  # the owner and the class it is shared with; others 404
CLASS_MEMBERS = {"classes.show", "classes.start", "sets.shared", "sets.practise"}  # teacher + member
MEMBER_ONLY = {"classes.leave"}
OWN_QUIZ = {"study.take", "study.finish", "study.answer", "study.feedback", "study.results", "study.retry",
            "study.claim_right"}
OWN_ACCOUNT = {"account.settings", "account.password", "account.email", "account.export", "account.delete",
               "account.dismiss_notice"}  # anyone signed in, about themselves
SITE_ADMIN = {"admin.users", "admin.role", "admin.active", "admin.delete", "curation.quality"}  # no admin here: 404 for all


def expected(endpoint: str, role: str) -> str:
    """'in' (let through: any non-denied status below 500), 'login', '403', '404' or 'any' (<500)."""
    if endpoint in SHARED_ARTICLE:
        return "in" if role in ("teacher", "student") else "404"
    if endpoint in (TEACHER_OBJECT | TEACHER_ONLY | ANY_USER | CLASS_MEMBERS | MEMBER_ONLY | OWN_QUIZ | OWNER_ONLY
                    | ADMIN_ONLY | OWN_ACCOUNT | SITE_ADMIN | REPORTERS):
        if role == "anonymous":
            return LOGIN
    if endpoint in OWN_ACCOUNT:
        return "in"
    if endpoint in REPORTERS:
        return "in" if role in ("teacher", "student") else "404"
    if endpoint in SITE_ADMIN:
        return "404"
    if endpoint == "auth.reset_password":
        return "404"  # an unknown link, for everyone
    if endpoint in OWNER_ONLY:
        return "in" if role == "teacher" else "404"
    if endpoint in ADMIN_ONLY:
        return "404" if "teacher" in role else "403"
    if endpoint in TEACHER_OBJECT:
        return {"teacher": "in", "other_teacher": "404"}.get(role, "403")
    if endpoint in TEACHER_ONLY:
        return "in" if role in ("teacher", "other_teacher") else "403"
    if endpoint in ANY_USER:
        return "in"
    if endpoint in CLASS_MEMBERS:
        return "in" if role in ("teacher", "student") else "404"
    if endpoint in MEMBER_ONLY:
        return "in" if role == "student" else "404"
    if endpoint in OWN_QUIZ:
        return "in" if role == "student" else "404"
    return "any"


def _ok(kind: str, status: int, location: str) -> bool:
    if status >= 500:
        return False
    if kind == LOGIN:
        return status in (301, 302, 303) and "/auth/login" in location
    if kind == "403":
        return status == 403
    if kind == "404":
        return status == 404
    if kind == "in":
        return status not in DENIED and not (status in (301, 302, 303) and "/auth/login" in location)
    return True


@pytest.mark.slow
def test_every_route_as_five_people(app, make_user, capsys):
    uid = {role: make_user(email, role.replace("_", " ").title(), role="teacher" if "teacher" in role else "student")
           for role, email in EMAILS.items()}
    clients = {role: app.test_client() for role in ROLES}

    def login(role):
        if role != "anonymous":
            r = clients[role].post("/auth/login", data={"email": EMAILS[role], "password": "correct horse 42"})
            assert r.status_code == 303, role

    for role in ROLES:
        login(role)
    n = 0
    world = _world(app, uid, n)
    rules = sorted(app.url_map.iter_rules(), key=lambda r: (r.rule, r.endpoint))
    failures: list[str] = []
    checked = 0
    endpoints_seen: set[str] = set()
    for rule in rules:
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            # denied roles first: they must not change anything; the owner last
            for role in ("anonymous", "other_student", "other_teacher", "student", "teacher"):
                values = _values(rule, world)
                url = app.url_map.bind("localhost").build(rule.endpoint, values)
                resp = clients[role].open(url, method=method, data={})
                kind = expected(rule.endpoint, role)
                checked += 1
                endpoints_seen.add(rule.endpoint)
                loc = resp.headers.get("Location", "")
                if not _ok(kind, resp.status_code, loc):
                    failures.append(f"{method} {url} [{rule.endpoint}] as {role}: {resp.status_code} "
                                    f"(expected {kind}) {loc}")
                if rule.endpoint == "auth.logout" and role != "anonymous":
                    login(role)
                if method == "POST" and resp.status_code < 400:
                    n += 1
                    world = _world(app, uid, n)  # something may have changed: fresh objects
                    for r in ROLES:  # a POST may have rotated a session (e.g. logout)
                        if clients[r].get("/classes/").status_code != 200 and r != "anonymous":
                            login(r)
    all_endpoints = {r.endpoint for r in app.url_map.iter_rules()}
    assert endpoints_seen == all_endpoints
    with capsys.disabled():
        print(f"\nauthorisation matrix: {len(rules)} routes × methods × {len(ROLES)} roles = "
              f"{checked} requests, {len(failures)} unexpected")
    assert checked >= len(rules) * len(ROLES)
    assert not failures, "\n".join(failures)
