"""Reviewers have the last word over regeneration: on the seeded Library, a retired question stays
retired, an edit stays (same id), an accepted alternative stays, a collection that reviews new
questions holds them, and what students reported moves the ranking."""

from __future__ import annotations

from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Collection, Question, QuestionReport, User
from quizapp.questions import curation as cur
from quizapp.questions.rank import pattern_key
from quizapp.questions.store import sync_questions


def _live(session, qtype):
    return session.scalars(select(Question).where(Question.origin == "generated", Question.type == qtype,
                                                  Question.retired_at.is_(None)).order_by(Question.id)).all()


def test_regeneration_keeps_reviewers_decisions(seeded_app, make_user):
    admin_id = make_user("admin@example.com", "Ada", role="admin")
    with seeded_app.app_context():
        s = db.session
        admin = s.get(User, admin_id)
        # (typed items first; a multiple choice takes an accepted answer too when the seeds give fewer)
        typed = [*_live(s, "short_answer"), *_live(s, "cloze"), *_live(s, "multiple_choice")]
        retired, edited, alt = typed[0], typed[1], typed[2]
        ids = (retired.id, edited.id, alt.id)
        lib = retired.collection_id
        cur.retire(s, admin, retired)
        cur.edit(s, admin, edited, {"prompt": "Edited wording?", "answer": edited.answer,
                                    "accepted": [edited.answer, "Edited alt"], "explanation": "Mine."})
        alt.extra_accepted = ["An alternative"]
        alt.accepted = [*alt.accepted, "An alternative"]
        s.commit()
        counts = sync_questions(s, collection_id=lib)
        s.commit()
        s.expire_all()
        r, e, a = (s.get(Question, i) for i in ids)
        assert r.review_state == "retired" and r.retired_at is not None and r.dropped_at is None
        assert e.prompt == "Edited wording?" and "Edited alt" in e.accepted and e.retired_at is None
        assert "An alternative" in a.accepted
        # (the retirement taught the ranking, so the generator may now keep another candidate instead)
        assert counts["updated"] + counts["unchanged"] > 0
        # restore: back, because the generator still makes it
        cur.restore(s, admin, r)
        s.commit()
        assert s.get(Question, ids[0]).retired_at is None


def test_collection_that_reviews_new_questions_holds_them(seeded_app, make_user):
    admin_id = make_user("admin@example.com", "Ada", role="admin")
    with seeded_app.app_context():
        s = db.session
        q = _live(s, "cloze")[0]
        lib, uid = q.collection_id, q.uid
        s.get(Collection, lib).review_new = True
        s.delete(q)
        s.commit()
        sync_questions(s, collection_id=lib)
        s.commit()
        again = s.scalar(select(Question).where(Question.collection_id == lib, Question.uid == uid))
        assert again is not None and again.review_state == "pending" and again.retired_at is not None
        # the admin's queue shows it; approving lets students see it
        admin = s.get(User, admin_id)
        assert again.id in {row.question.id for row in cur.queue(s, admin)}
        cur.approve(s, admin, again)
        s.commit()
        assert s.get(Question, again.id).retired_at is None


def test_reports_move_a_pattern_down_the_ranking(seeded_app, make_user):
    students = [make_user(f"s{i}@example.com", f"S{i}") for i in range(3)]
    with seeded_app.app_context():
        s = db.session
        victims = _live(s, "true_false")
        assert len(victims) >= 4
        lib = victims[0].collection_id
        before = {q.id: q.score for q in victims}
        for q in victims[:4]:
            for u in students:
                s.add(QuestionReport(question_id=q.id, user_id=u, reason="too_easy", note=""))
        s.commit()
        learned = cur.learned_factors(s, lib)
        kind = victims[0].fact_kind
        assert learned[pattern_key("true_false", kind)] < 1.0
        sync_questions(s, collection_id=lib)
        s.commit()
        s.expire_all()
        after = {i: s.get(Question, i) for i in before}
        reported = [i for i in before if i in {q.id for q in victims[:4]}]
        assert all(after[i].score < before[i] for i in reported if after[i].dropped_at is None)
