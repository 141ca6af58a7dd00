"""Progress statistics (pure) and the dashboard built from real review logs and answers."""

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Card, Quiz, ReviewLog, User
from quizapp.study import charts
from quizapp.study import progress as pg
from quizapp.study.answers import answer_item
from quizapp.study.dashboard import (
    accuracy_by_article,
    accuracy_by_kind,
    activity_by_hour,
    article_totals,
    fact_attempts,
    retention_counts,
)
from quizapp.study.quizzes import start_quiz
from quizapp.study.reviews import next_card, review_card
from quizapp.study.scheduler import StudyScheduler
from quizapp.study.scope import Deck

from .test_quiz_store import right_form
from .test_study_data import build_bank

TODAY = date(2026, 3, 11)  # a Wednesday


def test_day_bounds_follow_the_students_zone():
    now = datetime(2026, 3, 11, 2, 30, tzinfo=UTC)
    assert pg.day_bounds(now, "UTC") == (datetime(2026, 3, 11, tzinfo=UTC), datetime(2026, 3, 12, tzinfo=UTC))
    # 02:30 UTC is still the 10th in New York (UTC-5 until DST on the 8th... so UTC-4 here).
    start, end = pg.day_bounds(now, "America/New_York")
    assert start == datetime(2026, 3, 10, 4, tzinfo=UTC) and end == datetime(2026, 3, 11, 4, tzinfo=UTC)
    assert pg.day_bounds(now, "Not/AZone")[0] == datetime(2026, 3, 11, tzinfo=UTC)


def test_streaks():
    days = {TODAY - timedelta(days=i) for i in (0, 1, 2, 5, 6, 7, 8)}
    assert pg.current_streak(days, TODAY) == 3
    assert pg.current_streak(days - {TODAY}, TODAY) == 2  # today not studied yet: yesterday's run counts
    assert pg.current_streak({TODAY - timedelta(days=2)}, TODAY) == 0
    assert pg.longest_streak(days) == 4 and pg.longest_streak([]) == 0


def test_forecast_counts_overdue_today():
    at = lambda d, h=12: datetime.combine(TODAY + timedelta(days=d), datetime.min.time(), UTC) + timedelta(hours=h)  # noqa: E731
    dues = [at(-3), at(0), at(0, 23), at(1), at(13), at(14)]
    fc = pg.forecast(dues, TODAY, "UTC", 14)
    assert len(fc) == 14 and fc[0].count == 3 and fc[1].count == 1 and fc[13].count == 1
    assert sum(d.count for d in fc) == 5  # the card due on day 14 is outside the window
    # In Tokyo (UTC+9) the 23:00 UTC card is already tomorrow.
    assert pg.forecast(dues, TODAY, "Asia/Tokyo", 14)[0].count == 2


def test_hour_buckets_to_local_days():
    rows = [("2026-03-10 23", 2), ("2026-03-11 01", 3), ("garbage", 9)]
    assert pg.hour_buckets_to_days(rows, "UTC") == {date(2026, 3, 10): 2, date(2026, 3, 11): 3}
    assert pg.hour_buckets_to_days(rows, "Europe/Berlin") == {date(2026, 3, 11): 5}


def test_heatmap_shape_and_levels():
    weeks = pg.heatmap({TODAY: 10, TODAY - timedelta(days=1): 2}, TODAY, weeks=4)
    assert len(weeks) == 4 and all(len(w) == 7 for w in weeks)
    assert weeks[0][0].day.weekday() == 0 and weeks[-1][-1].day == date(2026, 3, 15)
    cells = {c.day: c for w in weeks for c in w}
    assert cells[TODAY].level == 4 and cells[TODAY - timedelta(days=1)].level == 1
    assert cells[date(2026, 3, 12)].future and cells[date(2026, 3, 2)].level == 0


def test_weekly_series_and_weakest():
    rows = [(TODAY, "date", 4, 3), (TODAY - timedelta(days=7), "date", 2, 0), (TODAY, "leader", 1, 1),
            (TODAY - timedelta(days=90), "date", 5, 5)]
    s = pg.weekly_series(rows, TODAY, weeks=3)
    assert [p.percent for p in s["date"]] == [None, 0, 75]
    assert [p.total for p in s["leader"]] == [0, 0, 1]
    stats = pg.merge_fact_stats([(1, 1, 1), (2, 6, 5), (3, 4, 0)], [(1, 2, 0), (4, 1, 1)])
    assert [s.fact_id for s in pg.weakest(stats)] == [2, 4, 1]  # 6/8, then 2/3, then 2/5; fact 3 never missed


def test_charts_escape_and_describe():
    svg = charts.bar_chart(["<b>", "x"], [1, 0], title="T & t", desc="d <script>")
    assert "<title id=" in svg and "&lt;b&gt;" in svg and "<script>" not in svg and 'role="img"' in svg
    line = charts.line_chart(["a", "b", "c"], {"Dates": [50, None, 100]}, title="t", desc="d")
    assert "<polyline" not in line  # a gap splits the line; single points are dots
    assert line.count("<circle") == 2


def test_heatmap_squares_name_their_day_and_count():
    weeks = pg.heatmap({TODAY: 10, TODAY - timedelta(days=40): 1}, TODAY, weeks=8)
    svg = str(charts.heatmap(weeks, title="Activity", desc="d", unit="<answers>"))
    assert "<title>Wed 11 Mar 2026: 10 &lt;answers&gt;</title>" in svg
    assert "<title>Fri 30 Jan 2026: 1 &lt;answers&gt;</title>" in svg
    assert "<title>Tue 10 Mar 2026: none</title>" in svg
    assert "12 Mar 2026" not in svg  # the rest of this week is still to come
    past = [c for week in weeks for c in week if not c.future]
    assert svg.count("<rect") == len(past) == 7 * 7 + 3


@pytest.fixture
def studied(app, make_user):
    uid = make_user()
    with app.app_context():
        build_bank(db.session)
        user = db.session.get(User, uid)
        sched = StudyScheduler(fuzz=False)
        now = datetime.now(UTC)
        # Two cards learnt 3 days ago with Easy (due in 8 days → review state), then
        # one scheduled review of a review-state card: recalled (Good) and one forgotten (Again).
        start, end = pg.day_bounds(now - timedelta(days=3), "UTC")
        for _ in range(3):
            card = next_card(db.session, user, Deck(), now=now - timedelta(days=3), day_start=start,
                             day_end=end)
            review_card(db.session, user, card.fact.id, 4, now=now - timedelta(days=3), scheduler=sched)
        cards = db.session.scalars(select(Card).order_by(Card.id)).all()
        # Minutes ago, but never before today's midnight: the streak below counts today only.
        today_start = pg.day_bounds(now, "UTC")[0]
        review_card(db.session, user, cards[0].fact_id, 3, now=max(today_start, now - timedelta(minutes=5)),
                    scheduler=sched)
        review_card(db.session, user, cards[1].fact_id, 1, now=max(today_start, now - timedelta(minutes=4)),
                    scheduler=sched)
        # A quiz with one wrong answer.
        quiz = start_quiz(db.session, user, scope_kind="corpus", scope_ref=None, length=3, mode="test")
        for i, item in enumerate(quiz.items):
            form = right_form(item.question, item.id) if i else {"response": "False" if item.question.type == "true_false" else "wrong", "match-0": "0", "match-1": "0", "match-2": "0", "order-0": "1", "order-1": "1", "order-2": "1"}
            try:
                answer_item(db.session, user, quiz, item, form, now=now, scheduler=sched)
            except Exception:  # an invalid wrong form (ordering duplicates): answer wrong differently
                q = item.question
                bad = {"response": q.choices[-1] if q.choices and q.choices[-1] != q.answer else "zzz"}
                if q.type == "ordering":
                    bad = {"order-0": "3", "order-1": "2", "order-2": "1"}
                answer_item(db.session, user, quiz, item, bad, now=now, scheduler=sched)
        db.session.commit()
    return uid


def test_dashboard_numbers(app, client, auth, studied):
    with app.app_context():
        user = db.session.get(User, studied)
        # Good counts, Again does not; learning steps (the first ratings, 3 days ago) are left out.
        assert retention_counts(db.session, user, since=datetime.now(UTC) - timedelta(days=30)) == ((1, 2), (1, 2))
        assert retention_counts(db.session, user, since=datetime.now(UTC) + timedelta(minutes=1)) == ((0, 0), (1, 2))
    auth.login()
    html = client.get("/progress/").data.decode()
    assert 'id="retention">50%' in html and "of 2 scheduled reviews" in html
    assert 'id="streak">1 day' in html  # studied 3 days ago and today: the run ends today
    assert "Cards due in the next 14 days" in html and "<desc" in html
    assert "Study activity over the last 26 weeks" in html
    assert "Weakest facts" in html and "Study these" in html
    assert "Quiz accuracy by kind of fact" in html
    r = client.post("/progress/study-weak")
    assert r.status_code == 303
    qid = int(r.headers["Location"].rsplit("/", 1)[1])
    with app.app_context():
        q = db.session.get(Quiz, qid)
        assert q.scope_kind == "weak" and q.length >= 1 and q.user_id == studied


def test_empty_dashboard(client, auth, make_user):
    make_user()
    auth.login()
    html = client.get("/progress/").data.decode()
    assert "Nothing scheduled yet" in html and "No quiz answers yet" in html and "No weak spots yet" in html
    r = client.post("/progress/study-weak")
    assert r.status_code == 303 and r.headers["Location"].endswith("/progress/")


def test_dashboard_changes_after_a_review(app, client, auth, make_user):
    make_user()
    with app.app_context():
        build_bank(db.session)
    auth.login()
    before = client.get("/progress/").data.decode()
    assert 'id="cards-studied">0' in before
    html = client.get("/review/study").data.decode()
    import re

    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', html.split("data-rating-form")[1]))
    client.post("/review/rate", data={**fields, "rating": "3"})
    after = client.get("/progress/").data.decode()
    assert 'id="cards-studied">1' in after and 'id="streak">1 day' in after
    with app.app_context():
        assert db.session.scalar(select(ReviewLog.kind)) == "review"


def test_accuracy_by_article_and_kind_match_a_plain_count(app, make_user):
    """Checked against a plain count: an answer counts once for each article its question's facts
    come from (a matching question mixes facts; a fact may be quoted by several articles)."""
    from collections import Counter

    from quizapp.models import Answer, Article, Fact, FactSource, Sentence

    uid = make_user()
    with app.app_context():
        ids = build_bank(db.session)
        user = db.session.get(User, uid)
        # One fact of the first article is also quoted by the second.
        first_fact = db.session.get(Fact, ids["facts"][1])
        other = db.session.scalar(select(Article).where(Article.id != first_fact.sources[0].article_id))
        other_sentence = db.session.scalar(select(Sentence).where(Sentence.article_id == other.id))
        db.session.add(FactSource(fact_id=first_fact.id, sentence_id=other_sentence.id, article_id=other.id,
                                  text=other_sentence.text))
        db.session.commit()
        sched = StudyScheduler(fuzz=False)
        days = [datetime(2026, 3, 9, 10, tzinfo=UTC), datetime(2026, 3, 10, 10, tzinfo=UTC)]
        for n, when in enumerate(days * 2):
            quiz = start_quiz(db.session, user, scope_kind="corpus", scope_ref=None, length=12, mode="test",
                              rng=random.Random(n))
            for i, item in enumerate(quiz.items):
                form = right_form(item.question, item.id) if (i + n) % 3 else {"response": "zzz"}
                try:
                    answer_item(db.session, user, quiz, item, form, now=when, scheduler=sched)
                except Exception:  # a wrong form that cannot be read (ordering, matching): answer it right
                    answer_item(db.session, user, quiz, item, right_form(item.question, item.id), now=when,
                                scheduler=sched)
            db.session.commit()
        by_day, totals, kinds = Counter(), Counter(), Counter()
        for answer in db.session.scalars(select(Answer).where(Answer.user_id == uid)):
            kind = (answer.created_at.date().isoformat(), answer.item.question.fact_kind)
            kinds[kind] += 1
            kinds[kind + ("right",)] += bool(answer.correct)
            articles = {s.article_id for f in answer.item.question.facts for s in f.sources}
            for a in articles:
                key = (answer.created_at.date().isoformat(), a)
                by_day[key] += 1
                by_day[key + ("right",)] += bool(answer.correct)
                totals[a] += 1
                totals[(a, "right")] += bool(answer.correct)
        got = accuracy_by_article(db.session, user, since=days[0] - timedelta(days=1))
        assert {(str(d)[:10], a): (t, c) for d, a, t, c in got} == {
            k: (n, by_day[k + ("right",)]) for k, n in by_day.items() if len(k) == 2}
        got_totals = article_totals(db.session, user)
        assert {a: (t, c) for a, _title, t, c in got_totals} == {
            a: (n, totals[(a, "right")]) for a, n in totals.items() if not isinstance(a, tuple)}
        assert [t for _a, _title, t, _c in got_totals] == sorted((t for _a, _title, t, _c in got_totals), reverse=True)
        assert len({s.article_id for s in first_fact.sources}) == 2
        got_kinds = accuracy_by_kind(db.session, user, since=days[0] - timedelta(days=1))
        assert {(str(d)[:10], k): (t, c) for d, k, t, c in got_kinds} == {
            k: (n, kinds[k + ("right",)]) for k, n in kinds.items() if len(k) == 2}


def test_fact_attempts_match_a_plain_count(app, make_user):
    """The weakest-facts inputs, against a plain count: ratings in review and cram (not the
    quiz-counted ones, which the answers already hold) and answers to one-fact questions, for live
    facts only."""
    from collections import Counter

    from quizapp.models import Answer, Fact

    uid = make_user()
    other = make_user("other@example.com", "Olly Other")
    with app.app_context():
        build_bank(db.session)
        sched = StudyScheduler(fuzz=False)
        now = datetime(2026, 3, 10, 10, tzinfo=UTC)
        for who in (uid, other):
            user = db.session.get(User, who)
            for n in range(3):
                when = now + timedelta(hours=n)
                quiz = start_quiz(db.session, user, scope_kind="corpus", scope_ref=None, length=6, mode="test",
                                  rng=random.Random(n + who))
                for i, item in enumerate(quiz.items):
                    form = right_form(item.question, item.id) if i % 2 else {"response": "zzz"}
                    try:
                        answer_item(db.session, user, quiz, item, form, now=when, scheduler=sched)
                    except Exception:
                        answer_item(db.session, user, quiz, item, right_form(item.question, item.id),
                                    now=when, scheduler=sched)
                facts = db.session.scalars(select(Fact.id).order_by(Fact.id)).all()
                for j, fid in enumerate(facts[: 4 + n]):
                    review_card(db.session, user, fid, 1 + (j + n) % 4, now=when + timedelta(minutes=j),
                                scheduler=sched, kind="cram" if j == 3 else "review")
            db.session.commit()
        retired = db.session.get(Fact, facts[0])
        retired.retired_at = now
        db.session.commit()

        user = db.session.get(User, uid)
        from_answers, from_reviews = Counter(), Counter()
        for answer in db.session.scalars(select(Answer).where(Answer.user_id == uid)):
            qfacts = answer.item.question.facts
            if len(qfacts) == 1 and qfacts[0].retired_at is None:
                from_answers[qfacts[0].id] += 1
                from_answers[(qfacts[0].id, "missed")] += not answer.correct
        for log in db.session.scalars(select(ReviewLog).where(ReviewLog.user_id == uid)):
            fact = db.session.get(Card, log.card_id).fact
            if log.kind in ("review", "cram") and fact.retired_at is None:
                from_reviews[fact.id] += 1
                from_reviews[(fact.id, "missed")] += log.rating == 1
        answers, reviews = fact_attempts(db.session, user)
        assert {f: (n, m) for f, n, m in answers} == {
            f: (n, from_answers[(f, "missed")]) for f, n in from_answers.items() if not isinstance(f, tuple)}
        assert {f: (n, m) for f, n, m in reviews} == {
            f: (n, from_reviews[(f, "missed")]) for f, n in from_reviews.items() if not isinstance(f, tuple)}
        assert reviews and answers and any(m for _f, _n, m in reviews)
        kinds = set(db.session.scalars(select(ReviewLog.kind).where(ReviewLog.user_id == uid)))
        assert {"review", "cram", "quiz"} <= kinds  # every kind is there to be counted or left out


def test_activity_counts_ratings_and_answers_per_day(app, studied):
    """Every rating (review or cram) and every answer lands on its day once; quiz-counted ratings
    are not counted twice (their answers are)."""
    from collections import Counter

    from quizapp.models import Answer

    with app.app_context():
        user = db.session.get(User, studied)
        since = datetime.now(UTC) - timedelta(days=30)
        per_day = pg.hour_buckets_to_days(activity_by_hour(db.session, user, since), "UTC")
        expected = Counter()
        for log in db.session.scalars(select(ReviewLog).where(ReviewLog.user_id == studied)):
            if log.kind in ("review", "cram"):
                expected[log.reviewed_at.date()] += 1
        for answer in db.session.scalars(select(Answer).where(Answer.user_id == studied)):
            expected[answer.created_at.date()] += 1
        assert per_day == dict(expected) and sum(per_day.values()) == 5 + 3
        assert activity_by_hour(db.session, user, datetime.now(UTC) + timedelta(hours=1)) == []
