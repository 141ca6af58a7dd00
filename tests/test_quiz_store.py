"""Quizzes in the database: scopes, idempotent answers, resume, quiz answers counted as reviews."""

import random
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, insert, select

from quizapp.extensions import db
from quizapp.models import Answer, Card, Question, Quiz, ReviewLog, SetItem, StudySet, User
from quizapp.study.answers import answer_item, item_to_answer, submit_answer
from quizapp.study.errors import ScopeNotFound, StudyError
from quizapp.study.quiz import ResponseError
from quizapp.study.quizzes import (
    current_item,
    finish_quiz,
    missed_question_ids,
    quiz_item_views,
    quiz_summary,
    start_quiz,
)
from quizapp.study.reviews import review_card
from quizapp.study.scheduler import AGAIN, GOOD, LEARNING, StudyScheduler

from .test_study_data import build_bank

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
SCHED = StudyScheduler(fuzz=False)


@pytest.fixture
def bank(app, make_user):
    uid = make_user()
    other = make_user("other@example.com", "Olga Other")
    with app.app_context():
        ids = build_bank(db.session)
    return {"user": uid, "other": other, **ids}


def right_form(qrow, item_id):
    """The form a student who knows the answer submits."""
    from quizapp.questions.store import question_from_row
    from quizapp.study import quiz as qz

    q = question_from_row(qrow)
    lay = qz.layout(q, item_id)
    if q.type == "matching":
        return qz.form_values(q, lay, [list(p) for p in q.pairs])
    if q.type == "ordering":
        return qz.form_values(q, lay, list(q.items))
    return {"response": q.answer}


def test_corpus_quiz_all_types(app, bank):
    with app.app_context():
        user = db.session.get(User, bank["user"])
        quiz = start_quiz(db.session, user, scope_kind="corpus", scope_ref=None, length=6,
                          mode="practice", mix="all_types", rng=random.Random(3))
        db.session.commit()
        types = {it.question.type for it in quiz.items}
        assert len(quiz.items) == 6 and len(types) == 6


def test_scopes_and_errors(app, bank):
    with app.app_context():
        user = db.session.get(User, bank["user"])
        art = bank["articles"][0]
        quiz = start_quiz(db.session, user, scope_kind="article", scope_ref=str(art), length=50, mode="test")
        assert quiz.length == 6  # the article's six questions, no more
        quiz = start_quiz(db.session, user, scope_kind="kind", scope_ref="leader", length=10, mode="test")
        assert {it.question.fact_kind for it in quiz.items} == {"leader"}
        with pytest.raises(ScopeNotFound):
            start_quiz(db.session, user, scope_kind="article", scope_ref="999", length=5, mode="test")
        with pytest.raises(ScopeNotFound):
            start_quiz(db.session, user, scope_kind="kind", scope_ref="color", length=5, mode="test")
        with pytest.raises(StudyError):
            start_quiz(db.session, user, scope_kind="corpus", scope_ref=None, length=0, mode="test")
        with pytest.raises(StudyError):
            start_quiz(db.session, user, scope_kind="corpus", scope_ref=None, length=5, mode="exam")
        # Retired questions are never picked.
        for qid in bank["questions"]["cloze"]:
            db.session.get(Question, qid).retired_at = NOW
        quiz = start_quiz(db.session, user, scope_kind="corpus", scope_ref=None, length=50, mode="test")
        assert "cloze" not in {it.question.type for it in quiz.items} and quiz.length == 10


def test_set_scope_uses_set_order_and_custom_questions(app, bank):
    with app.app_context():
        user = db.session.get(User, bank["user"])
        other = db.session.get(User, bank["other"])
        custom = Question(type="short_answer", prompt="Custom?", answer="Yes", origin="custom", owner_id=other.id)
        db.session.add(custom)
        db.session.flush()
        s = StudySet(owner_id=other.id, title="Olga's set", share_code="abc123")
        order = [custom.id, bank["questions"]["ordering"][0], bank["questions"]["cloze"][1]]
        s.items = [SetItem(question_id=qid, position=i) for i, qid in enumerate(order)]
        db.session.add(s)
        db.session.flush()
        # Not the user's set, not public, not assigned: it does not exist for them.
        with pytest.raises(ScopeNotFound):
            start_quiz(db.session, user, scope_kind="set", scope_ref=str(s.id), length=10, mode="test")
        quiz = start_quiz(db.session, other, scope_kind="set", scope_ref=str(s.id), length=10, mode="test")
        assert [it.question_id for it in quiz.items] == order
        short = start_quiz(db.session, other, scope_kind="set", scope_ref=str(s.id), length=2, mode="test")
        assert [it.question_id for it in short.items] == order[:2]
        s.published, s.visibility = True, "public"
        assert start_quiz(db.session, user, scope_kind="set", scope_ref=str(s.id), length=3, mode="test")


def test_answer_is_idempotent_and_quiz_resumes(app, bank):
    with app.app_context():
        user = db.session.get(User, bank["user"])
        quiz = start_quiz(db.session, user, scope_kind="corpus", scope_ref=None, length=4, mode="practice",
                          rng=random.Random(1))
        db.session.commit()
        first = current_item(db.session, quiz)
        assert first.position == 1
        out = answer_item(db.session, user, quiz, first, right_form(first.question, first.id),
                          time_ms=4200, now=NOW, scheduler=SCHED)
        db.session.commit()
        assert out.created and out.result.correct and not out.finished
        # The same submission again (double click): recorded once, same result, even with a different answer.
        again = answer_item(db.session, user, quiz, first, {"response": "nonsense"}, now=NOW, scheduler=SCHED)
        db.session.commit()
        assert not again.created and again.result.correct and again.answer.id == out.answer.id
        assert db.session.scalar(select(func.count()).select_from(Answer)) == 1
        # Resume: the next unanswered item, then the one after.
        nxt = current_item(db.session, quiz)
        assert nxt.position == 2
        with pytest.raises(ResponseError):
            answer_item(db.session, user, quiz, nxt, {}, now=NOW, scheduler=SCHED)
        assert current_item(db.session, quiz).position == 2
        for _ in range(3):
            it = current_item(db.session, quiz)
            last = answer_item(db.session, user, quiz, it, right_form(it.question, it.id), now=NOW,
                               scheduler=SCHED)
            db.session.commit()
        assert last.finished and quiz.finished_at == NOW
        assert current_item(db.session, quiz) is None
        summary = quiz_summary(quiz_item_views(db.session, quiz))
        assert (summary.total, summary.correct, summary.percent, summary.time_ms) == (4, 4, 100, 4200)


def test_answer_race_returns_stored_result(app, bank):
    """Two requests both find the item unanswered; the loser gets the winner's row, and nothing of
    its own (no second answer, no review) is kept."""
    with app.app_context():
        user = db.session.get(User, bank["user"])
        quiz = start_quiz(db.session, user, scope_kind="corpus", scope_ref=None, length=2, mode="test")
        db.session.commit()
        item_id = current_item(db.session, quiz).id
        # This request reads the item while it is still unanswered...
        target = item_to_answer(db.session, user, quiz.id, item_id)
        assert target.item.answer is None and target.answered == 0
        db.session().expire_on_commit = False
        try:
            db.session.commit()
            # ...then the winner's answer lands from another connection.
            with db.engine.begin() as other:
                winner_id = other.execute(insert(Answer).values(
                    quiz_item_id=item_id, quiz_id=quiz.id, user_id=user.id,
                    question_id=target.item.question_id, response="first", correct=False, score=0.0,
                    created_at=NOW).returning(Answer.id)).scalar_one()
            out = answer_item(db.session, user, target.quiz, target.item,
                              right_form(target.item.question, item_id), now=NOW, scheduler=SCHED,
                              answered=target.answered)
        finally:
            db.session().expire_on_commit = True
        db.session.commit()
        assert not out.created and out.answer.id == winner_id and not out.result.correct
        assert db.session.scalar(select(func.count()).select_from(Answer)) == 1
        assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 0


def _sqlite_only():
    if db.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL locks the rows an answer reads: nothing can change them before it writes")


def test_two_tabs_answering_the_last_items_at_once_take_turns(app, bank, other_tab):
    """Another tab answering the same quiz waits until this answer is stored (SQLite: a writer
    holds the write lock from its first statement; PostgreSQL: the quiz row is locked), then sees
    it: both answers are kept and the quiz is finished once, by the later one."""
    with app.app_context():
        user = db.session.get(User, bank["user"])
        quiz = start_quiz(db.session, user, scope_kind="corpus", scope_ref=None, length=2, mode="test",
                          question_ids=bank["questions"]["short_answer"][:2])
        first, second = quiz.items
        ids = dict(user=user.id, quiz=quiz.id, first=first.id, second=second.id)
        forms = {it.id: right_form(it.question, it.id) for it in quiz.items}
        db.session.commit()
        later = NOW + timedelta(seconds=5)

        def second_tab():
            me = db.session.get(User, ids["user"])
            _, out = submit_answer(db.session, me, ids["quiz"], ids["second"], forms[ids["second"]],
                                   now=later, scheduler=SCHED)
            db.session.commit()
            assert out.created and out.finished  # it saw the first answer

        sched = other_tab(second_tab)
        _, out = submit_answer(db.session, user, ids["quiz"], ids["first"], forms[ids["first"]], now=NOW,
                               scheduler=sched)
        assert sched.waited, "the other tab's answer did not wait for this one"
        db.session.commit()
        sched.join()
        assert out.created and not out.finished
        db.session.expire_all()
        assert db.session.get(Quiz, ids["quiz"]).finished_at == later
        assert db.session.scalar(select(func.count()).select_from(Answer)) == 2


@pytest.mark.parametrize("first", ["answer", "rating"])
def test_an_answer_and_a_rating_of_one_card_take_turns(app, bank, other_tab, first):
    """A quiz answer reviews the same card a flashcard rating in another tab does: whichever comes
    second waits until the first is stored, then builds on the card as the first left it."""
    from .test_reliability import card_log_problems

    with app.app_context():
        user = db.session.get(User, bank["user"])
        sa = bank["questions"]["short_answer"][0]
        fact_id = db.session.get(Question, sa).facts[0].id
        review_card(db.session, user, fact_id, GOOD, now=NOW - timedelta(days=1), scheduler=SCHED)
        quiz = start_quiz(db.session, user, scope_kind="corpus", scope_ref=None, length=1, mode="test",
                          question_ids=[sa])
        item = quiz.items[0]
        ids = dict(user=user.id, quiz=quiz.id, item=item.id)
        form = right_form(item.question, item.id)
        db.session.commit()
        times = {"answer": NOW, "rating": NOW + timedelta(seconds=30)}
        if first == "rating":
            times = {"rating": NOW, "answer": NOW + timedelta(seconds=30)}

        def answer(scheduler):
            me = db.session.get(User, ids["user"])
            _, out = submit_answer(db.session, me, ids["quiz"], ids["item"], form, now=times["answer"],
                                   scheduler=scheduler)
            assert out.created

        def rating(scheduler):
            me = db.session.get(User, ids["user"])
            assert review_card(db.session, me, fact_id, GOOD, now=times["rating"], scheduler=scheduler).created

        second = "rating" if first == "answer" else "answer"

        def other():
            {"answer": answer, "rating": rating}[second](SCHED)
            db.session.commit()

        sched = other_tab(other)
        {"answer": answer, "rating": rating}[first](sched)
        assert sched.waited, f"the other tab's {second} did not wait for this {first}"
        db.session.commit()
        sched.join()
        db.session.expire_all()
        logs = db.session.scalars(select(ReviewLog).order_by(ReviewLog.id)).all()
        assert [log.kind for log in logs[1:]] == (["quiz", "review"] if first == "answer" else ["review", "quiz"])
        # The second review started from the card as the first left it.
        assert logs[2].state_before["last_review"].startswith(times[first].strftime("%Y-%m-%dT%H:%M"))
        assert card_log_problems(db.session) == []


def test_quiz_answers_count_as_reviews(app, bank):
    with app.app_context():
        user = db.session.get(User, bank["user"])
        sa, ma = bank["questions"]["short_answer"][1], bank["questions"]["matching"][0]
        quiz = start_quiz(db.session, user, scope_kind="corpus", scope_ref=None, length=2, mode="practice",
                          question_ids=[sa, ma])
        items = {it.question_id: it for it in quiz.items}
        answer_item(db.session, user, quiz, items[sa], {"response": "Lavrof"}, now=NOW, scheduler=SCHED)
        answer_item(db.session, user, quiz, items[ma], right_form(items[ma].question, items[ma].id), now=NOW,
                    scheduler=SCHED)
        db.session.commit()
        logs = db.session.scalars(select(ReviewLog)).all()
        # Only the one-fact question counts; the matching question mixes three facts.
        assert len(logs) == 1 and logs[0].kind == "quiz" and logs[0].card_state == 0
        card = db.session.get(Card, logs[0].card_id)
        assert card.state == LEARNING and card.due == NOW + timedelta(minutes=10)
        assert logs[0].rating == GOOD  # "Lavrof" is accepted with a typo: a pass
        answer = db.session.scalar(select(Answer).where(Answer.question_id == sa))
        assert answer.typo is True

        # A user who turned the option off gets no review logs from quizzes.
        user.quiz_counts_as_review = False
        quiz2 = start_quiz(db.session, user, scope_kind="retry", scope_ref=str(quiz.id), length=5,
                           mode="practice", question_ids=[sa])
        answer_item(db.session, user, quiz2, quiz2.items[0], {"response": "Li Peng"}, now=NOW, scheduler=SCHED)
        db.session.commit()
        assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 1


def test_the_request_path_and_answer_item_record_the_same(app, bank):
    """A request answers from one plain statement (``submit_answer``), callers holding entities use
    ``answer_item``: for the same answers they must store the same rows. Cases: a fact without a
    card yet (created, with the fact's best front question), a card with history, a suspended card,
    a retired fact and a question about several facts (none of those three reviewed), and a double
    submit."""
    from quizapp.models import Fact

    questions = bank["questions"]
    sa, cl, mc, tf, ma = (questions[t][0] for t in ("short_answer", "cloze", "multiple_choice", "true_false",
                                                   "matching"))
    order = [sa, cl, mc, tf, ma]
    with app.app_context():
        q = {qid: db.session.get(Question, qid) for qid in order}
        fact_of = {qid: q[qid].facts[0].id for qid in (sa, cl, mc, tf)}
        quizzes = {}
        for uid in (bank["user"], bank["other"]):
            user = db.session.get(User, uid)
            review_card(db.session, user, fact_of[cl], GOOD, now=NOW - timedelta(days=2), scheduler=SCHED)
            db.session.add(Card(user_id=uid, fact_id=fact_of[tf], state=0, due=NOW, created_at=NOW, suspended=True))
            quizzes[uid] = start_quiz(db.session, user, scope_kind="corpus", scope_ref=None, length=5,
                                      mode="test", question_ids=order, rng=random.Random(1)).id
        # Retired while the quizzes are under way (an article edited meanwhile).
        db.session.get(Fact, fact_of[mc]).retired_at = NOW - timedelta(days=1)
        db.session.commit()

        def answer_all(uid, by_request):
            user = db.session.get(User, uid)
            quiz = db.session.get(Quiz, quizzes[uid])
            outcomes, quiz_id = [], quiz.id
            items = sorted(quiz.items, key=lambda it: it.position)
            forms = [right_form(it.question, it.id) if it.question_id != cl else {"response": "no idea"}
                     for it in items]
            for item, form in zip(items, forms):
                for _ in range(2 if item.question_id == sa else 1):  # the second: a double submit
                    if by_request:  # as a request does: nothing loaded but the user
                        db.session.expunge_all()
                        _, out = submit_answer(db.session, db.session.get(User, uid), quiz_id, item.id, form,
                                               time_ms=3000, now=NOW, scheduler=SCHED)
                    else:
                        out = answer_item(db.session, user, quiz, item, form, time_ms=3000, now=NOW,
                                          scheduler=SCHED)
                    db.session.commit()
                    outcomes.append((item.question_id, out.created, out.result.correct, out.finished,
                                     out.question.fact_ids))
            answers = db.session.execute(
                select(Answer.question_id, Answer.response, Answer.correct, Answer.score, Answer.typo, Answer.time_ms)
                .where(Answer.quiz_id == quiz_id).order_by(Answer.question_id)).all()
            logs = db.session.execute(
                select(Card.fact_id, ReviewLog.rating, ReviewLog.card_state, ReviewLog.state_before, ReviewLog.kind)
                .join(Card, Card.id == ReviewLog.card_id)
                .where(ReviewLog.user_id == uid).order_by(ReviewLog.id)).all()
            cards = db.session.execute(
                select(Card.fact_id, Card.question_id, Card.state, Card.due, Card.stability, Card.suspended)
                .where(Card.user_id == uid).order_by(Card.fact_id)).all()
            finished = db.session.get(Quiz, quiz_id).finished_at
            return outcomes, answers, logs, cards, finished

        by_request = answer_all(bank["user"], True)
        by_entities = answer_all(bank["other"], False)
        assert by_request == by_entities
        outcomes, answers, logs, cards, finished = by_request
        assert sorted(o[:2] for o in outcomes) == sorted(
            [(sa, True), (sa, False), (cl, True), (mc, True), (tf, True), (ma, True)])
        assert [o[3] for o in outcomes] == [False] * 5 + [True] and finished == NOW
        assert next(sorted(o[4]) for o in outcomes if o[0] == ma) == sorted(f.uid for f in q[ma].facts)
        assert len(answers) == 5
        # Reviewed: the new card (sa's fact) and the card with history (cl's fact, failed: Again).
        quiz_logs = {log.fact_id: log for log in logs[1:]}
        assert len(logs) == 3 and all(log.kind == "quiz" for log in quiz_logs.values())
        assert quiz_logs[fact_of[sa]].rating == GOOD and quiz_logs[fact_of[sa]].state_before["state"] == 0
        assert quiz_logs[fact_of[cl]].rating == AGAIN and quiz_logs[fact_of[cl]].state_before["state"] != 0
        card_of = {c.fact_id: c for c in cards}
        assert card_of[fact_of[sa]].question_id == sa  # its fact's short answer: the preferred front
        assert card_of[fact_of[tf]].suspended and card_of[fact_of[tf]].state == 0
        assert fact_of[mc] not in card_of


def test_failed_quiz_answer_is_an_again(app, bank):
    with app.app_context():
        user = db.session.get(User, bank["user"])
        tf = bank["questions"]["true_false"][0]
        quiz = start_quiz(db.session, user, scope_kind="corpus", scope_ref=None, length=1, mode="test",
                          question_ids=[tf])
        answer_item(db.session, user, quiz, quiz.items[0], {"response": "False"}, now=NOW, scheduler=SCHED)
        db.session.commit()
        log = db.session.scalar(select(ReviewLog))
        assert log.rating == AGAIN and db.session.get(Card, log.card_id).due == NOW + timedelta(minutes=1)


def test_retry_takes_missed_questions(app, bank):
    with app.app_context():
        user = db.session.get(User, bank["user"])
        quiz = start_quiz(db.session, user, scope_kind="article", scope_ref=str(bank["articles"][0]),
                          length=6, mode="test")
        items = list(quiz.items)
        answer_item(db.session, user, quiz, items[0], right_form(items[0].question, items[0].id), now=NOW,
                    scheduler=SCHED)
        finish_quiz(db.session, quiz, NOW)
        db.session.commit()
        missed = missed_question_ids(db.session, quiz)
        assert len(missed) == 5 and items[0].question_id not in missed
        retry = start_quiz(db.session, user, scope_kind="retry", scope_ref=str(quiz.id), length=10, mode="practice")
        assert sorted(it.question_id for it in retry.items) == sorted(missed)
        other = db.session.get(User, bank["other"])
        with pytest.raises(ScopeNotFound):
            start_quiz(db.session, other, scope_kind="retry", scope_ref=str(quiz.id), length=10, mode="test")
        # A finished quiz takes no more answers.
        with pytest.raises(StudyError):
            answer_item(db.session, user, quiz, items[1], right_form(items[1].question, items[1].id), now=NOW)
