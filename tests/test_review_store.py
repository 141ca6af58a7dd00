"""Flashcard reviews in the database: queue order, day limits, idempotency, undo, cram."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, insert, select

from quizapp.extensions import db
from quizapp.models import Card, Fact, Question, ReviewLog, User
from quizapp.study.answers import answer_item
from quizapp.study.errors import ScopeNotFound, StaleCard, StudyError
from quizapp.study.quizzes import start_quiz
from quizapp.study.reviews import (
    _pick_front,
    day_counts,
    deck_overview,
    next_card,
    next_due,
    queue_counts,
    review_card,
    undo_last_review,
)
from quizapp.study.scheduler import AGAIN, EASY, GOOD, LEARNING, NEW, REVIEW, StudyScheduler
from quizapp.study.scope import FRONT_TYPES, Deck

from .test_study_data import build_bank

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
DAY_START = datetime(2026, 1, 5, 0, 0, tzinfo=UTC)
DAY_END = DAY_START + timedelta(days=1)
SCHED = StudyScheduler(fuzz=False)


@pytest.fixture
def bank(app, make_user):
    uid = make_user()
    with app.app_context():
        ids = build_bank(db.session)
    return {"user": uid, **ids}


def nxt(user, deck=Deck(), now=NOW, **kw):
    return next_card(db.session, user, deck, now=now, day_start=DAY_START, day_end=DAY_END, **kw)


def rate(user, card, rating, now=NOW, **kw):
    out = review_card(db.session, user, card.fact.id, rating, now=now, scheduler=SCHED,
                      seen=card.version, **kw)
    db.session.commit()
    return out


def test_decks_have_facts_with_a_front_question(app, bank):
    with app.app_context():
        user = db.session.get(User, bank["user"])
        rows = deck_overview(db.session, user, now=NOW, day_start=DAY_START, day_end=DAY_END)
        counts = {r.deck.key: (r.facts, r.counts.new) for r in rows}
        # Facts with a short-answer, cloze or multiple-choice question: leader, date, mechanism per article.
        assert counts["all"] == (6, 6)
        assert counts["kind:leader"] == (2, 2) and "kind:goal" not in counts
        assert counts[f"article:{bank['articles'][0]}"] == (3, 3)
        card = nxt(user)
        assert card.front and card.answer and card.source["sentence_idx"] is not None
        assert card.question_type == "short_answer" or card.question_type in FRONT_TYPES


def test_a_new_card_gets_the_front_question_a_flashcard_would_pick(app, bank):
    """The card a first rating (or quiz answer) creates is given its front question in the insert
    statement; it must be the one ``_pick_front`` picks: the first type of ``FRONT_TYPES``, then
    the oldest question."""
    from quizapp.models import Question

    with app.app_context():
        user = db.session.get(User, bank["user"])
        fact = db.session.get(Fact, bank["facts"][0])  # the first article's date fact: one cloze so far
        extra = [Question(uid=f"x{i}", type=t, fact_kind=fact.kind, prompt=f"Extra {i}?", answer=fact.answer,
                          accepted=[], explanation="", sources=[], facts=[fact])
                 for i, t in enumerate(["multiple_choice", "short_answer", "short_answer", "true_false"])]
        extra[0].choices = [fact.answer, "x", "y", "z"]
        db.session.add_all(extra)
        retired = Question(uid="x-old", type="short_answer", fact_kind=fact.kind, prompt="Retired?",
                           answer=fact.answer, accepted=[], explanation="", sources=[], facts=[fact],
                           retired_at=NOW)
        db.session.add(retired)
        db.session.flush()
        candidates = db.session.scalars(
            select(Question).join(Question.facts).where(
                Fact.id == fact.id, Question.type.in_(FRONT_TYPES), Question.retired_at.is_(None))
            .order_by(Question.id)).all()
        expected = _pick_front(candidates, None)
        assert expected.id == extra[1].id  # a short answer (the first kind), the older of the two
        out = review_card(db.session, user, fact.id, GOOD, now=NOW, scheduler=SCHED)
        db.session.commit()
        assert db.session.get(Card, out.card.id).question_id == expected.id


def test_new_card_reviews_and_queue_order(app, bank):
    with app.app_context():
        user = db.session.get(User, bank["user"])
        first = nxt(user)
        assert first.card is None and first.state == NEW
        out = rate(user, first, GOOD)
        assert out.created and out.card.state == LEARNING and out.card.due == NOW + timedelta(minutes=10)
        # The learning card is not due yet, so the next new fact comes up.
        second = nxt(user)
        assert second.fact.id != first.fact.id
        # Ten minutes later the learning card comes first.
        assert nxt(user, now=NOW + timedelta(minutes=10)).fact.id == first.fact.id
        log = db.session.scalar(select(ReviewLog))
        assert (log.kind, log.rating, log.card_state, log.state_before["state"]) == ("review", GOOD, NEW, NEW)


def test_review_is_idempotent_by_client_token(app, bank):
    with app.app_context():
        user = db.session.get(User, bank["user"])
        card = nxt(user)
        a = rate(user, card, EASY, client_token="tok-1")
        b = review_card(db.session, user, card.fact.id, AGAIN, now=NOW, scheduler=SCHED,
                        client_token="tok-1", seen="new")
        db.session.commit()
        assert a.created and not b.created and b.log.id == a.log.id
        assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 1
        assert b.card.state == REVIEW and b.card.due == NOW + timedelta(days=8)
        # A different form for the same, already changed card is stale and records nothing.
        with pytest.raises(StaleCard):
            review_card(db.session, user, card.fact.id, AGAIN, now=NOW, scheduler=SCHED,
                        client_token="tok-2", seen="new")
        db.session.rollback()
        assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 1


def test_rating_race_on_one_token_keeps_the_winner(app, bank, meanwhile_scheduler):
    """Two submissions of one rating form both find no earlier log; the loser's insert fails on the
    unique token, and everything it did (its card's new schedule too) is undone."""
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            pytest.skip("SQLite writers take turns from their first statement: the second finds the first's log")
        user = db.session.get(User, bank["user"])
        first = nxt(user)
        rate(user, first, GOOD)
        second = nxt(user)
        rate(user, second, GOOD)
        card = db.session.scalar(select(Card).where(Card.user_id == user.id, Card.fact_id == second.fact.id))
        card_id, due_before = card.id, card.due
        winner_card = db.session.scalar(select(Card.id).where(Card.user_id == user.id, Card.fact_id == first.fact.id))
        fact_id = second.fact.id
        db.session.commit()
        won = {}

        def other_request_wins(other):
            won["id"] = other.execute(insert(ReviewLog).values(
                card_id=winner_card, user_id=user.id, rating=EASY, reviewed_at=NOW, kind="review",
                card_state=LEARNING, client_token="tok-race").returning(ReviewLog.id)).scalar_one()

        sched = meanwhile_scheduler(other_request_wins)
        out = review_card(db.session, user, fact_id, AGAIN, now=NOW + timedelta(minutes=10),
                          scheduler=sched, client_token="tok-race")
        db.session.commit()
        assert len(sched.calls) == 1 and not out.created and out.log.id == won["id"]
        assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 3
        assert db.session.get(Card, card_id).due == due_before


def test_two_tabs_rating_one_card_at_once_take_turns(app, bank, other_tab):
    """A rating of the same card from another tab waits until this one is stored, then builds on
    the card as this one left it: no lost update, and the card agrees with its log."""
    from .test_reliability import card_log_problems

    with app.app_context():
        user = db.session.get(User, bank["user"])
        card = nxt(user)
        rate(user, card, GOOD)
        uid, fact_id = user.id, card.fact.id
        db.session.commit()

        def other():
            me = db.session.get(User, uid)
            out = review_card(db.session, me, fact_id, GOOD, now=NOW + timedelta(minutes=20), scheduler=SCHED,
                              client_token="tab-2")
            db.session.commit()
            assert out.created

        sched = other_tab(other)
        out = review_card(db.session, user, fact_id, GOOD, now=NOW + timedelta(minutes=10), scheduler=sched,
                          client_token="tab-1")
        assert sched.waited, "the other tab's rating did not wait for this one"
        db.session.commit()
        sched.join()
        assert out.created
        db.session.expire_all()
        logs = db.session.scalars(select(ReviewLog).order_by(ReviewLog.id)).all()
        assert [log.client_token for log in logs][1:] == ["tab-1", "tab-2"]
        assert logs[2].state_before["last_review"].startswith((NOW + timedelta(minutes=10)).strftime("%Y-%m-%dT%H:%M"))
        assert card_log_problems(db.session) == []


def test_new_cards_per_day_limit(app, bank):
    with app.app_context():
        user = db.session.get(User, bank["user"])
        user.new_cards_per_day = 2
        db.session.commit()
        seen = []
        for _ in range(2):
            card = nxt(user)
            seen.append(card.fact.id)
            rate(user, card, EASY)
        assert nxt(user) is None  # limit reached: 4 more new facts wait for tomorrow
        counts = queue_counts(db.session, user, Deck(), now=NOW, day_start=DAY_START, day_end=DAY_END)
        assert (counts.new, counts.new_today, counts.total) == (4, 0, 0)
        # Tomorrow the allowance is back.
        tomorrow = NOW + timedelta(days=1)
        card = next_card(db.session, user, Deck(), now=tomorrow, day_start=DAY_END,
                         day_end=DAY_END + timedelta(days=1))
        assert card is not None and card.fact.id not in seen
        # The Easy cards are due in 8 days; that is what "all done" reports.
        assert next_due(db.session, user, Deck(), after=NOW) == NOW + timedelta(days=8)


def test_reviews_per_day_limit(app, bank):
    with app.app_context():
        user = db.session.get(User, bank["user"])
        for _ in range(3):
            rate(user, nxt(user), EASY)  # three review cards due in 8 days
        user.reviews_per_day = 2
        user.new_cards_per_day = 0  # no new cards that day, so only reviews are shown
        db.session.commit()
        later = NOW + timedelta(days=8)
        ds, de = DAY_START + timedelta(days=8), DAY_END + timedelta(days=8)
        shown = 0
        while (card := next_card(db.session, user, Deck(), now=later, day_start=ds, day_end=de)):
            assert card.state == REVIEW
            rate(user, card, GOOD, now=later)
            shown += 1
        assert shown == 2
        counts = queue_counts(db.session, user, Deck(), now=later, day_start=ds, day_end=de)
        assert (counts.review, counts.review_today) == (1, 0)


def test_undo_restores_card_exactly(app, bank):
    with app.app_context():
        user = db.session.get(User, bank["user"])
        card = nxt(user)
        rate(user, card, GOOD)
        card = nxt(user, now=NOW + timedelta(minutes=10))
        c = db.session.get(Card, card.card.id)
        before = (c.state, c.step, c.stability, c.difficulty, c.due, c.last_review)
        rate(user, card, GOOD, now=NOW + timedelta(minutes=10, seconds=3, microseconds=123))
        assert c.state == REVIEW
        undone = undo_last_review(db.session, user)
        db.session.commit()
        db.session.expire_all()
        c = db.session.get(Card, card.card.id)
        assert (c.state, c.step, c.stability, c.difficulty, c.due, c.last_review) == before
        assert undone.fact_id == card.fact.id and undone.rating == GOOD
        assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 1
        # Undo the first review too: back to a new card, new-card allowance restored.
        undo_last_review(db.session, user)
        db.session.commit()
        assert db.session.get(Card, card.card.id).state == NEW
        assert day_counts(db.session, user, DAY_START).new_done == 0
        with pytest.raises(StudyError):
            undo_last_review(db.session, user)


def test_cram_logs_but_leaves_schedule(app, bank):
    with app.app_context():
        user = db.session.get(User, bank["user"])
        for _ in range(2):
            rate(user, nxt(user), EASY)
        assert nxt(user, cram=True, cram_since=NOW) is not None
        cards = {c.id: (c.state, c.due, c.stability, c.last_review) for c in db.session.scalars(select(Card))}
        crammed = 0
        since = NOW + timedelta(hours=1)
        while (card := nxt(user, now=since, cram=True, cram_since=since)):
            out = rate(user, card, AGAIN, now=since, kind="cram")
            assert out.log.kind == "cram"
            crammed += 1
        assert crammed == 2  # each studied card once per cram session
        assert {c.id: (c.state, c.due, c.stability, c.last_review) for c in db.session.scalars(select(Card))} == cards
        assert day_counts(db.session, user, DAY_START).reviews_done == 0


def test_retired_fact_leaves_the_queue(app, bank):
    with app.app_context():
        user = db.session.get(User, bank["user"])
        first = nxt(user)
        db.session.get(Fact, first.fact.id).retired_at = NOW
        db.session.commit()
        assert nxt(user).fact.id != first.fact.id
        with pytest.raises(ScopeNotFound):
            review_card(db.session, user, first.fact.id, GOOD, now=NOW, scheduler=SCHED)


def test_undo_refused_after_later_quiz_review(app, bank):
    with app.app_context():
        user = db.session.get(User, bank["user"])
        sa = bank["questions"]["short_answer"][0]
        fact_id = db.session.get(Question, sa).facts[0].id
        review_card(db.session, user, fact_id, GOOD, now=NOW, scheduler=SCHED)
        quiz = start_quiz(db.session, user, scope_kind="corpus", scope_ref=None, length=1, mode="test",
                          question_ids=[sa])
        answer_item(db.session, user, quiz, quiz.items[0], {"response": "Wang Yi"},
                    now=NOW + timedelta(minutes=1), scheduler=SCHED)
        db.session.commit()
        with pytest.raises(StudyError, match="reviewed again"):
            undo_last_review(db.session, user)
