"""Concurrency through a real threaded HTTP server: 16 clients answering quizzes and rating cards.

On SQLite this is the "database is locked" test; on PostgreSQL (CI) the lost-update test. Checks:
no 5xx, every acknowledged (303) write is in the database exactly once, review counts are exact,
and every card's state agrees with its review log (each review saw the one before it).
"""

from __future__ import annotations

import re
import threading
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import httpx
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Answer, Card, Quiz, QuizItem, ReviewLog, User

PASSWORD = "correct horse 42"
CSRF = re.compile(r'name="csrf-token" content="([^"]+)"')


# ------------------------------------------------------------------ helpers shared with test_crash
def answer_form(question_row, item_id: int) -> dict[str, str]:
    """The form fields a student would post to answer ``item_id`` correctly."""
    from quizapp.questions.store import question_from_row
    from quizapp.study import quiz as qz

    q = question_from_row(question_row)
    lay = qz.layout(q, item_id)
    if q.type == "matching":
        response = [list(p) for p in q.pairs]
    elif q.type == "ordering":
        response = list(q.items)
    else:
        response = q.answer
    return qz.form_values(q, lay, response)


class WebClient:
    """One browser: its own cookies, logs in through the form, sends the CSRF token when asked."""

    def __init__(self, base: str, email: str):
        self.http = httpx.Client(base_url=base, follow_redirects=False, timeout=30.0)
        self.email = email
        self.token = ""

    def login(self) -> None:
        page = self.http.get("/auth/login")
        m = CSRF.search(page.text)
        data = {"email": self.email, "password": PASSWORD}
        if m:
            data["csrf_token"] = m.group(1)
        r = self.http.post("/auth/login", data=data)
        assert r.status_code == 303, (r.status_code, r.text[:300])
        m = CSRF.search(self.http.get("/").text)
        self.token = m.group(1) if m else ""

    def post(self, path: str, data: dict) -> httpx.Response:
        return self.http.post(path, data={**data, "csrf_token": self.token})

    def start_quiz(self, length: int = 10) -> int:
        r = self.post("/quiz/start", {"scope": "corpus", "length": str(length), "mode": "test",
                                      "mix": "any"})
        assert r.status_code == 303, (r.status_code, r.text[:500])
        return int(re.search(r"/quiz/(\d+)", r.headers["Location"]).group(1))

    def close(self) -> None:
        self.http.close()


def quiz_plan(app, quiz_id: int) -> list[tuple[str, dict]]:
    """(path, form) for every item of the quiz, in order."""
    with app.app_context():
        items = db.session.scalars(
            select(QuizItem).where(QuizItem.quiz_id == quiz_id).order_by(QuizItem.position)
        ).all()
        plan = [(f"/quiz/{quiz_id}/items/{it.id}", answer_form(it.question, it.id)) for it in items]
        db.session.remove()
    return plan


def card_log_problems(session) -> list[str]:
    """Cards whose state disagrees with their review log.

    Every scheduled review (kind review or quiz) records the card as it was before; so, in the
    order they were written (id; a request's clock is read before it waits for the card's lock), each review's ``state_before.last_review`` must be the previous review's time, the first
    must start from a new card, and the card's ``last_review`` must be the last review's time. A
    lost update (two reviews that both read the same old state) or a half-written review (card
    changed without its log, or the reverse) breaks one of these.
    """

    def when(v):
        if v is None:
            return None
        d = datetime.fromisoformat(v) if isinstance(v, str) else v
        return d.replace(tzinfo=None, microsecond=d.microsecond)

    problems = []
    logs: dict[int, list[ReviewLog]] = {}
    for log in session.scalars(
        select(ReviewLog).where(ReviewLog.kind.in_(("review", "quiz")))
        .order_by(ReviewLog.card_id, ReviewLog.id)
    ):
        logs.setdefault(log.card_id, []).append(log)
    for card in session.scalars(select(Card)):
        chain = logs.get(card.id, [])
        if not chain:
            if card.state != 0 or card.last_review is not None:
                problems.append(f"card {card.id} was scheduled but has no review log")
            continue
        if (chain[0].state_before or {}).get("state", 0) != 0:
            problems.append(f"card {card.id}: first logged review did not start from a new card")
        for prev, nxt in zip(chain, chain[1:]):
            seen = when((nxt.state_before or {}).get("last_review"))
            if seen != when(prev.reviewed_at.replace(tzinfo=None)):
                problems.append(f"card {card.id}: review {nxt.id} did not see review {prev.id}")
        if when(card.last_review.replace(tzinfo=None) if card.last_review else None) != when(
            chain[-1].reviewed_at.replace(tzinfo=None)
        ):
            problems.append(f"card {card.id}: last_review is not its last logged review")
    return problems


# ------------------------------------------------------------------ the test
CLIENTS = 16
ANSWERS_EACH = 5
RATINGS_EACH = 5


def test_sixteen_clients_answer_and_rate_at_once(seeded_app, live_server, make_user):
    app = seeded_app
    emails = [f"r{i}@example.com" for i in range(CLIENTS)]
    for e in emails:
        make_user(e, e.split("@")[0], PASSWORD, "student")
    from quizapp.models import Fact
    from quizapp.study.scope import has_front

    with app.app_context():
        facts = list(db.session.scalars(
            select(Fact.id).where(Fact.retired_at.is_(None), has_front()).order_by(Fact.id)))
        db.session.remove()
    assert len(facts) >= 4

    clients = [WebClient(live_server, e) for e in emails]
    for c in clients:
        c.login()
    plans = [quiz_plan(app, c.start_quiz(length=ANSWERS_EACH)) for c in clients]

    statuses: Counter = Counter()
    acked_answers: dict[str, set[str]] = {e: set() for e in emails}
    acked_tokens: dict[str, list[str]] = {e: [] for e in emails}
    lock = threading.Lock()
    barrier = threading.Barrier(CLIENTS)

    def work(i: int) -> None:
        c = clients[i]
        barrier.wait()
        for k in range(max(ANSWERS_EACH, RATINGS_EACH)):
            if k < len(plans[i]):
                path, form = plans[i][k]
                r = c.post(path, form)
                with lock:
                    statuses[r.status_code] += 1
                    if r.status_code == 303:
                        acked_answers[c.email].add(path)
            if k < RATINGS_EACH:
                # Clients 2j and 2j+1 belong to different users but hit the same facts at once;
                # every client also resubmits one rating (same token): it must count once.
                token = uuid.uuid4().hex
                fact = facts[(i // 2 + k) % len(facts)]
                form = {"fact_id": str(fact), "rating": str(1 + (i + k) % 4), "deck": "all",
                        "token": token}
                r = c.post("/review/rate", form)
                if k == 0:
                    r2 = c.post("/review/rate", form)
                    with lock:
                        statuses[r2.status_code] += 1
                with lock:
                    statuses[r.status_code] += 1
                    if r.status_code == 303:
                        acked_tokens[c.email].append(token)

    with ThreadPoolExecutor(CLIENTS) as pool:
        list(pool.map(work, range(CLIENTS)))
    for c in clients:
        c.close()

    assert not [s for s in statuses if s >= 500], statuses
    assert set(statuses) <= {303}, statuses
    with app.app_context():
        s = db.session
        for e in emails:
            uid = s.scalar(select(User.id).where(User.email == e))
            # Every acknowledged answer is stored, once.
            n_answers = s.scalar(select(func.count()).select_from(Answer).where(Answer.user_id == uid))
            assert n_answers == len(acked_answers[e]) == ANSWERS_EACH, e
            # Every acknowledged rating is stored once (the resubmitted token did not double it).
            tokens = set(s.scalars(select(ReviewLog.client_token).where(
                ReviewLog.user_id == uid, ReviewLog.kind == "review")))
            assert tokens == set(acked_tokens[e]) and len(acked_tokens[e]) == RATINGS_EACH, e
            quiz = s.scalar(select(Quiz).where(Quiz.user_id == uid))
            assert quiz.finished_at is not None  # the last answer closed the quiz
        total_reviews = s.scalar(select(func.count()).select_from(ReviewLog).where(ReviewLog.kind == "review"))
        assert total_reviews == CLIENTS * RATINGS_EACH
        # Quiz answers about one fact count as reviews: exactly one log per such answer.
        quiz_logs = s.scalar(select(func.count()).select_from(ReviewLog).where(ReviewLog.kind == "quiz"))
        assert quiz_logs <= CLIENTS * ANSWERS_EACH
        assert len(set(s.scalars(select(ReviewLog.client_token).where(ReviewLog.kind == "quiz")))) == quiz_logs
        assert card_log_problems(s) == []
        db.session.remove()


def test_same_card_rated_from_two_tabs_at_once(seeded_app, live_server, make_user):
    """One student, two tabs, the same card, different tokens, at the same instant (a lost-update
    race on PostgreSQL): both ratings are logged and the card reflects both, in order."""
    app = seeded_app
    make_user("tabs@example.com", "Tabs", PASSWORD, "student")
    from quizapp.models import Fact
    from quizapp.study.scope import has_front

    with app.app_context():
        fact = db.session.scalar(select(Fact.id).where(Fact.retired_at.is_(None), has_front()))
        db.session.remove()
    tabs = [WebClient(live_server, "tabs@example.com") for _ in range(2)]
    for t in tabs:
        t.login()
    statuses = []
    for round_ in range(4):
        barrier = threading.Barrier(2)

        def rate(t, rating=str(2 + round_ % 3)):
            barrier.wait()
            return t.post("/review/rate", {"fact_id": str(fact), "rating": rating, "deck": "all",
                                           "token": uuid.uuid4().hex}).status_code

        with ThreadPoolExecutor(2) as pool:
            statuses += list(pool.map(rate, tabs))
    for t in tabs:
        t.close()
    assert set(statuses) == {303}, statuses
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 8
        assert card_log_problems(db.session) == []
        db.session.remove()


def test_consistency_check_can_fail(seeded_app, make_user):
    """The card/log checker is not vacuous: a card changed without a log is reported."""
    from quizapp.models import Fact, utcnow

    uid = make_user("chk@example.com")
    with seeded_app.app_context():
        fact = db.session.scalar(select(Fact.id))
        db.session.add(Card(user_id=uid, fact_id=fact, state=2, due=utcnow(), last_review=utcnow()))
        db.session.commit()
        assert card_log_problems(db.session) == ["card 1 was scheduled but has no review log"]
        db.session.remove()
