"""Quiz pages: start, answer (with and without htmx), feedback, results, retry, ownership, CSRF."""

import re

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Answer, Quiz, QuizItem, User

from .test_quiz_store import right_form

HX = {"HX-Request": "true"}


@pytest.fixture
def bank(web_bank):
    return web_bank


def start(client, **data):
    form = {"scope": "corpus", "length": "5", "mode": "practice", "mix": "any", **data}
    r = client.post("/quiz/start", data=form)
    assert r.status_code == 303, r.data[:500]
    return int(r.headers["Location"].rsplit("/", 1)[1])


def current(app, quiz_id):
    with app.app_context():
        item = db.session.scalar(
            select(QuizItem).where(QuizItem.quiz_id == quiz_id, ~QuizItem.answer.has()).order_by(QuizItem.position)
        )
        return (item.id, right_form(item.question, item.id), item.question.type) if item else None


def test_anonymous_is_sent_to_login(client):
    r = client.get("/quiz/")
    assert r.status_code == 302 and "/auth/login" in r.headers["Location"]


def test_start_page_lists_scopes(client, bank):
    html = client.get("/quiz/").data.decode()
    assert "Summit in Dushanbe" in html and 'value="all_types"' in html and "No finished quizzes yet" in html


def test_practice_quiz_without_js(app, client, bank):
    qid = start(client, length="6", mix="all_types")
    page = client.get(f"/quiz/{qid}").data.decode()
    assert "Question 1 of 6" in page and 'name="shown_ms"' in page
    seen_types = set()
    for n in range(6):
        item_id, form, qtype = current(app, qid)
        seen_types.add(qtype)
        r = client.post(f"/quiz/{qid}/items/{item_id}", data=form)
        assert r.status_code == 303 and r.headers["Location"].endswith(f"/quiz/{qid}/items/{item_id}")
        fb = client.get(r.headers["Location"]).data.decode()
        assert "Right" in fb
        # The source sentence links to the article with the sentence highlighted.
        assert re.search(r'href="/articles/\d+\?s=\d+#s\d+"', fb), fb
    assert len(seen_types) == 6
    assert "See your results" in fb
    res = client.get(f"/quiz/{qid}/results").data.decode()
    assert "<strong>6</strong> of 6 right" in res and "100%" in res
    assert "Retry the" not in res  # nothing missed
    assert client.get(f"/quiz/{qid}").status_code == 302  # finished: take goes to results


def test_htmx_answer_returns_partial_feedback_and_next_question(app, client, bank):
    qid = start(client)
    item_id, form, _ = current(app, qid)
    r = client.post(f"/quiz/{qid}/items/{item_id}", data=form, headers=HX)
    html = r.data.decode()
    assert r.status_code == 200 and "<html" not in html and "Right" in html
    assert f'hx-get="/quiz/{qid}"' in html
    nxt = client.get(f"/quiz/{qid}", headers=HX).data.decode()
    assert "<html" not in nxt and "Question 2 of 5" in nxt


def test_wrong_answer_and_typo_feedback(app, client, bank):
    qid = start(client, scope="kind", kind="leader", length="5")
    with app.app_context():
        items = db.session.scalars(select(QuizItem).where(QuizItem.quiz_id == qid)).all()
        target = next(i for i in items if i.question.type == "short_answer" and "Lavrov" in i.question.answer)
        other = next(i for i in items if i.question.type == "short_answer" and "Wang" in i.question.answer)
    r = client.post(f"/quiz/{qid}/items/{target.id}", data={"response": "lavrof"})
    fb = client.get(r.headers["Location"]).data.decode()
    assert "Accepted with a typo" in fb and "Sergey Lavrov" in fb
    r = client.post(f"/quiz/{qid}/items/{other.id}", data={"response": "Li Peng"})
    fb = client.get(r.headers["Location"]).data.decode()
    assert "Not quite" in fb and "Correct answer" in fb and "Wang Yi" in fb and "Li Peng" in fb


def test_missing_answer_is_422_with_message(app, client, bank):
    qid = start(client)
    item_id, _, _ = current(app, qid)
    r = client.post(f"/quiz/{qid}/items/{item_id}", data={})
    assert r.status_code == 422 and b'role="alert"' in r.data
    r = client.post(f"/quiz/{qid}/items/{item_id}", data={}, headers=HX)
    assert r.status_code == 422 and b"<html" not in r.data
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Answer)) == 0


def test_double_submit_records_once(app, client, bank):
    qid = start(client)
    item_id, form, _ = current(app, qid)
    r1 = client.post(f"/quiz/{qid}/items/{item_id}", data=form)
    r2 = client.post(f"/quiz/{qid}/items/{item_id}", data={"response": "something else"})
    assert r1.status_code == r2.status_code == 303 and r1.headers["Location"] == r2.headers["Location"]
    with app.app_context():
        answers = db.session.scalars(select(Answer)).all()
        assert len(answers) == 1 and answers[0].correct


def test_test_mode_hides_feedback_until_the_end(app, client, bank):
    qid = start(client, mode="test", length="3")
    item_id, form, _ = current(app, qid)
    r = client.post(f"/quiz/{qid}/items/{item_id}", data=form)
    assert r.headers["Location"].endswith(f"/quiz/{qid}")
    assert client.get(f"/quiz/{qid}/items/{item_id}").status_code == 302  # no peeking
    item_id, form, _ = current(app, qid)
    r = client.post(f"/quiz/{qid}/items/{item_id}", data=form, headers=HX)
    assert r.status_code == 200 and b"Question 3 of 3" in r.data
    item_id, form, _ = current(app, qid)
    r = client.post(f"/quiz/{qid}/items/{item_id}", data=form, headers=HX)
    assert r.headers.get("HX-Redirect") == f"/quiz/{qid}/results"


def test_resume_half_done_quiz(app, client, bank):
    qid = start(client, length="4")
    for _ in range(2):
        item_id, form, _ = current(app, qid)
        client.post(f"/quiz/{qid}/items/{item_id}", data=form)
    index = client.get("/quiz/").data.decode()
    assert "Pick up where you left off" in index and "2 of 4 answered" in index
    home = client.get("/").data.decode()
    assert "Resume quiz" in home and f"/quiz/{qid}" in home
    assert "Question 3 of 4" in client.get(f"/quiz/{qid}").data.decode()


def test_finish_early_and_retry_missed(app, client, bank):
    qid = start(client, length="4")
    item_id, form, _ = current(app, qid)
    client.post(f"/quiz/{qid}/items/{item_id}", data=form)
    r = client.post(f"/quiz/{qid}/finish")
    assert r.status_code == 303
    res = client.get(f"/quiz/{qid}/results").data.decode()
    assert "<strong>1</strong> of 4 right" in res and "Retry the 3 I missed" in res and "not answered" in res
    r = client.post(f"/quiz/{qid}/retry")
    new_id = int(r.headers["Location"].rsplit("/", 1)[1])
    with app.app_context():
        new = db.session.get(Quiz, new_id)
        assert (new.scope_kind, new.scope_ref, new.length) == ("retry", str(qid), 3)


def test_other_users_quiz_is_404(app, client, bank, auth):
    qid = start(client)
    item_id, form, _ = current(app, qid)
    auth.logout()
    auth.login("other@example.com")
    for method, url in [
        ("get", f"/quiz/{qid}"), ("get", f"/quiz/{qid}/results"), ("get", f"/quiz/{qid}/items/{item_id}"),
        ("post", f"/quiz/{qid}/items/{item_id}"), ("post", f"/quiz/{qid}/finish"), ("post", f"/quiz/{qid}/retry"),
    ]:
        r = getattr(client, method)(url, data=form if method == "post" else None)
        assert r.status_code == 404, url
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Answer)) == 0
    assert client.get("/quiz/999999").status_code == 404


def test_bad_start_input(client, bank):
    r = client.post("/quiz/start", data={"scope": "article", "article": "99999", "length": "5", "mode": "test"})
    assert r.status_code == 422 and b"There is no such article." in r.data
    r = client.post("/quiz/start", data={"scope": "weird", "length": "5", "mode": "test"})
    assert r.status_code == 422
    r = client.post("/quiz/start", data={"scope": "corpus", "length": "5000", "mode": "test"})
    assert r.status_code == 422


def test_posts_need_csrf(app, client, bank):
    qid = start(client)
    item_id, form, _ = current(app, qid)
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        assert client.post("/quiz/start", data={"scope": "corpus", "length": "5", "mode": "test"}).status_code == 400
        assert client.post(f"/quiz/{qid}/items/{item_id}", data=form).status_code == 400
        assert client.post(f"/quiz/{qid}/finish").status_code == 400
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Answer)) == 0


def test_quiz_counts_as_review_toggle_in_settings(app, client, bank):
    r = client.post("/review/settings", data={"new_cards_per_day": "5", "reviews_per_day": "100", "timezone": "UTC"})
    assert r.status_code == 303
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == "student@example.com"))
        assert user.quiz_counts_as_review is False and user.new_cards_per_day == 5


def test_seeded_bank_all_types_quiz(seeded_app, make_user):
    """The real question bank: an "all types" quiz really has all six types."""
    make_user("sam@example.com")
    client = seeded_app.test_client()
    client.post("/auth/login", data={"email": "sam@example.com", "password": "correct horse 42"})
    qid = start(client, length="10", mix="all_types")
    with seeded_app.app_context():
        types = {it.question.type for it in db.session.get(Quiz, qid).items}
    assert len(types) == 6
