"""The quality loop (issue 22): reports, "I was right", the review queue and its actions, retiring
without losing history, regeneration that respects reviewers, and the ranking that learns.

The world: a teacher's collection shared with their class (one article, three facts, four
questions), the Library's bank (``build_bank``), a student in the class, a student outside it,
another teacher and an admin; each has a logged-in test client."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import (
    Answer,
    AnswerClaim,
    Article,
    Card,
    ClassGroup,
    Collection,
    Fact,
    FactSource,
    Membership,
    Question,
    QuestionReport,
    Quiz,
    QuizItem,
    ReviewLog,
    Sentence,
)
from quizapp.questions import curation as cur
from quizapp.questions import rank
from quizapp.questions.store import with_curation

PASSWORD = "correct horse 42"
PEOPLE = {"teacher": "teacher", "other_teacher": "teacher", "student": "student", "outsider": "student",
          "admin": "admin"}


def build_world(app, make_user) -> dict:
    uid = {who: make_user(f"{who}@example.com", who.replace("_", " ").title(), PASSWORD, role)
           for who, role in PEOPLE.items()}
    from .test_study_data import build_bank

    with app.app_context():
        bank = build_bank(db.session)
        klass = ClassGroup(owner_id=uid["teacher"], name="Period 1", join_code="JOIN1234")
        coll = Collection(name="Readings", kind="teacher", owner_id=uid["teacher"])
        coll.classes = [klass]
        db.session.add_all([klass, coll])
        db.session.flush()
        db.session.add(Membership(class_id=klass.id, user_id=uid["student"]))
        texts = ["Wang Yi is China's foreign minister.", "The summit opened on 3 May 2021.",
                 "The BRI funds ports."]
        raw = "Summit\n\n" + " ".join(texts)
        art = Article(collection_id=coll.id, key="summit.txt", title="Summit", published=date(2021, 5, 4),
                      content_hash="c" * 64, raw_text=raw, word_count=len(raw.split()), added_by_id=uid["teacher"])
        db.session.add(art)
        db.session.flush()
        sents = [Sentence(article_id=art.id, idx=i, paragraph=1, start=0, end=len(t), text=t)
                 for i, t in enumerate(texts, 1)]
        db.session.add_all(sents)
        db.session.flush()
        facts = []
        for i, (kind, answer) in enumerate([("leader", "Wang Yi"), ("date", "3 May 2021"), ("mechanism", "BRI")]):
            f = Fact(collection_id=coll.id, uid=f"t{i}", kind=kind, statement=texts[i], answer=answer,
                     aliases=[], data={})
            f.sources = [FactSource(sentence_id=sents[i].id, article_id=art.id, text=texts[i])]
            facts.append(f)
        db.session.add_all(facts)
        db.session.flush()

        def src(i):
            return [{"article": art.key, "sentence": texts[i], "sentence_id": sents[i].id, "article_id": art.id,
                     "sentence_idx": i + 1}]

        qs = {
            "typed": Question(collection_id=coll.id, uid="tq-sa", type="short_answer", fact_kind="leader",
                              prompt="Who is China's foreign minister?", answer="Wang Yi", accepted=["Wang Yi"],
                              sources=src(0)),
            "cloze": Question(collection_id=coll.id, uid="tq-cl", type="cloze", fact_kind="date",
                              prompt="The summit opened on _____.", answer="3 May 2021", accepted=[],
                              sources=src(1)),
            "choice": Question(collection_id=coll.id, uid="tq-mc", type="multiple_choice", fact_kind="leader",
                               prompt="Who is China's foreign minister?", answer="Wang Yi",
                               choices=["Wang Yi", "Li Qiang", "Xi Jinping", "Qin Gang"], sources=src(0)),
            "mech": Question(collection_id=coll.id, uid="tq-mech", type="short_answer", fact_kind="mechanism",
                             prompt="Which initiative funds ports?", answer="BRI", accepted=["BRI"], sources=src(2)),
        }
        links = {"typed": [facts[0]], "cloze": [facts[1]], "choice": [facts[0]], "mech": [facts[2]]}
        for k, q in qs.items():
            q.facts = links[k]
            db.session.add(q)
        db.session.commit()
        ids = {k: q.id for k, q in qs.items()}
        world = {"uid": uid, "q": ids, "lib_q": bank["questions"]["short_answer"][0], "article_id": art.id,
                 "collection_id": coll.id, "facts": [f.id for f in facts], "class_id": klass.id}
    clients = {"anonymous": app.test_client()}
    for who in PEOPLE:
        c = app.test_client()
        r = c.post("/auth/login", data={"email": f"{who}@example.com", "password": PASSWORD})
        assert r.status_code == 303, who
        clients[who] = c
    world["c"] = clients
    return world


@pytest.fixture
def world(app, make_user):
    return build_world(app, make_user)


def _quiz(app, user_id: int, question_ids: list[int], mode: str = "practice") -> tuple[int, list[int]]:
    with app.app_context():
        quiz = Quiz(user_id=user_id, scope_kind="corpus", scope_ref=None, mode=mode, length=len(question_ids))
        quiz.items = [QuizItem(position=i, question_id=q) for i, q in enumerate(question_ids, 1)]
        db.session.add(quiz)
        db.session.commit()
        return quiz.id, [i.id for i in quiz.items]


def _answer(client, quiz_id: int, item_id: int, text: str):
    return client.post(f"/quiz/{quiz_id}/items/{item_id}", data={"response": text})


# -- pure parts ------------------------------------------------------------------------------
def test_parse_report_accepts_known_reasons_and_refuses_the_rest():
    assert cur.parse_report("wrong_answer", "  the  key   copies a typo ") == ("wrong_answer", "the key copies a typo")
    for bad in ("", "nonsense", None, ["wrong_answer"]):
        with pytest.raises(cur.CurationError):
            cur.parse_report(bad, "")
    with pytest.raises(cur.CurationError):
        cur.parse_report("other", "x" * 1001)
    with pytest.raises(cur.CurationError):
        cur.parse_report("other", "a\x00b")


def test_parse_edit_keeps_the_answer_among_accepted():
    d = cur.parse_edit({"prompt": " Who? ", "answer": "Wang Yi", "accepted": "Wang\n\n  Mr Wang ", "explanation": ""})
    assert d == {"prompt": "Who?", "answer": "Wang Yi", "accepted": ["Wang Yi", "Wang", "Mr Wang"], "explanation": ""}
    with pytest.raises(cur.CurationError):
        cur.parse_edit({"prompt": "", "answer": "x"})


def test_curation_is_laid_over_regenerated_values():
    gen = {"prompt": "Generated?", "answer": "A", "accepted": ["A"], "explanation": "gen"}
    assert with_curation(gen, None, None) == gen
    edited = with_curation(gen, {"prompt": "Edited?", "answer": "B", "accepted": ["B"], "explanation": ""}, ["b2"])
    assert edited == {"prompt": "Edited?", "answer": "B", "accepted": ["B", "b2"], "explanation": "gen"}
    assert with_curation(gen, None, ["A", "Alt"])["accepted"] == ["A", "Alt"]


def test_pattern_factors_sink_reported_and_retired_patterns():
    neutral = rank.pattern_factor(rank.PatternStats(questions=20))
    reported = rank.pattern_factor(rank.PatternStats(questions=20, reported=8))
    retired = rank.pattern_factor(rank.PatternStats(questions=20, reported=8, retired=6))
    approved = rank.pattern_factor(rank.PatternStats(questions=20, approved=10))
    assert neutral == 1.0 and retired < reported < neutral < approved <= rank.MAX_FACTOR
    assert rank.pattern_factor(rank.PatternStats(questions=1, retired=1)) > retired  # one case, smoothed
    assert rank.question_factor(0, False, False) == 1.0
    assert rank.question_factor(2, False, False) < 1.0
    assert rank.question_factor(5, True, False) == rank.MIN_FACTOR
    assert rank.question_factor(5, False, True) > 1.0


def test_item_figures_flag_hard_easy_and_undiscriminating_items():
    rows = []
    for u in range(10):  # strong students (u >= 5) get q1 right; q2 everyone gets; q3 the weak ones get
        rows += [(1, u, u >= 5), (2, u, True), (3, u, u < 5), (4, u, u >= 5), (5, u, u >= 5)]
    figs = cur.item_figures(rows)
    assert figs[2].facility == 1.0 and "easy" in figs[2].flags
    assert figs[1].facility == 0.5 and figs[1].discrimination > 0.5 and not figs[1].flags
    assert figs[3].discrimination < 0 and "low discrimination" in figs[3].flags
    few = cur.item_figures([(9, u, False) for u in range(3)])
    assert few[9].flags == []  # too few answers to judge


# -- reports ---------------------------------------------------------------------------------
def test_report_who_may(app, world):
    q, c = world["q"]["typed"], world["c"]
    form = {"reason": "wrong_answer", "note": "typo in key", "next": "/quiz/"}
    r = c["anonymous"].post(f"/questions/{q}/report", data=form)
    assert r.status_code in (302, 303) and "/auth/login" in r.headers["Location"]
    assert c["outsider"].post(f"/questions/{q}/report", data=form).status_code == 404  # not their class
    assert c["student"].post("/questions/999999/report", data=form).status_code == 404
    r = c["student"].post(f"/questions/{q}/report", data=form)
    assert r.status_code == 303 and r.headers["Location"].endswith("/quiz/")
    assert "Thanks, a teacher will look." in c["student"].get("/quiz/").get_data(as_text=True)
    # the Library is everyone's: the outsider may report a Library question
    assert c["outsider"].post(f"/questions/{world['lib_q']}/report", data=form).status_code == 303
    # an open redirect is refused: back to a local page instead
    r = c["student"].post(f"/questions/{q}/report", data={**form, "next": "https://evil.example/"})
    assert r.status_code == 303 and "evil" not in r.headers["Location"]


def test_one_report_per_user_per_question_editable(app, world):
    q, s = world["q"]["typed"], world["c"]["student"]
    assert s.post(f"/questions/{q}/report", data={"reason": "wrong_answer"}).status_code == 303
    assert s.post(f"/questions/{q}/report", data={"reason": "unclear", "note": "odd wording"}).status_code == 303
    with app.app_context():
        rows = db.session.scalars(select(QuestionReport).where(QuestionReport.question_id == q)).all()
        assert [(r.reason, r.note) for r in rows] == [("unclear", "odd wording")]


def test_report_with_a_bad_reason_is_a_clear_4xx(app, world):
    q, s = world["q"]["typed"], world["c"]["student"]
    r = s.post(f"/questions/{q}/report", data={"reason": "<script>", "note": "x"})
    assert r.status_code == 422 and "Choose what is wrong" in r.get_data(as_text=True)
    r = s.post(f"/questions/{q}/report", data={"reason": "other"}, headers={"HX-Request": "true"})
    assert r.status_code == 200 and "<html" not in r.get_data(as_text=True) and "Thanks" in r.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(QuestionReport)) == 1


# -- the review queue and its actions ---------------------------------------------------------
def test_review_queue_who_sees_what(app, world):
    c, q = world["c"], world["q"]
    c["student"].post(f"/questions/{q['typed']}/report", data={"reason": "wrong_answer", "note": "key typo"})
    c["outsider"].post(f"/questions/{world['lib_q']}/report", data={"reason": "unclear"})
    r = c["anonymous"].get("/questions/review")
    assert r.status_code in (302, 303) and "/auth/login" in r.headers["Location"]
    assert c["student"].get("/questions/review").status_code == 403
    teacher = c["teacher"].get("/questions/review").get_data(as_text=True)
    typed_row, lib_row = f'id="qrow-{q["typed"]}"', f'id="qrow-{world["lib_q"]}"'
    assert "key typo" in teacher and typed_row in teacher
    assert lib_row not in teacher  # not their collection, not in their sets
    other = c["other_teacher"].get("/questions/review").get_data(as_text=True)
    assert typed_row not in other and "Nothing to review" in other
    admin = c["admin"].get("/questions/review").get_data(as_text=True)
    assert lib_row in admin


ACTIONS = ("approve", "retire", "restore")


@pytest.mark.parametrize("action", ACTIONS)
def test_actions_who_may(app, world, action):
    c, own, lib = world["c"], world["q"]["typed"], world["lib_q"]
    with app.app_context():  # restore needs a retired question to act on
        for qid in (own, lib):
            db.session.get(Question, qid).review_state = "retired" if action == "restore" else None
        db.session.commit()
    r = c["anonymous"].post(f"/questions/{own}/{action}")
    assert r.status_code in (302, 303) and "/auth/login" in r.headers["Location"]
    assert c["student"].post(f"/questions/{own}/{action}").status_code == 403
    assert c["outsider"].post(f"/questions/{own}/{action}").status_code == 403
    assert c["other_teacher"].post(f"/questions/{own}/{action}").status_code == 404
    assert c["teacher"].post(f"/questions/{lib}/{action}").status_code == 404  # the Library is the admins'
    assert c["teacher"].post(f"/questions/999999/{action}").status_code == 404
    assert c["teacher"].post(f"/questions/{own}/{action}").status_code == 303
    assert c["admin"].post(f"/questions/{lib}/{action}").status_code == 303


def test_edit_and_bulk_and_setting_who_may(app, world):
    c, own, lib, art = world["c"], world["q"]["typed"], world["lib_q"], world["article_id"]
    form = {"prompt": "Who leads China's diplomacy?", "answer": "Wang Yi", "accepted": "Wang", "explanation": ""}
    assert c["student"].post(f"/questions/{own}/edit", data=form).status_code == 403
    assert c["other_teacher"].get(f"/questions/{own}/edit").status_code == 404
    assert c["teacher"].post(f"/questions/{lib}/edit", data=form).status_code == 404
    assert c["teacher"].post(f"/questions/{own}/edit", data={**form, "prompt": ""}).status_code == 422
    assert c["teacher"].get(f"/questions/{own}/edit").status_code == 200
    assert c["teacher"].post(f"/questions/{own}/edit", data=form).status_code == 303
    with app.app_context():
        q = db.session.get(Question, own)
        assert q.prompt == form["prompt"] and "Wang" in q.accepted and q.review_state == "approved"
    assert c["other_teacher"].post(f"/questions/review/articles/{art}", data={"action": "retire"}).status_code == 404
    assert c["student"].post(f"/questions/review/articles/{art}", data={"action": "retire"}).status_code == 403
    assert c["teacher"].post(f"/questions/review/articles/{art}", data={"action": "explode"}).status_code == 303
    assert c["teacher"].post(f"/questions/review/articles/{art}", data={"action": "retire"}).status_code == 303
    with app.app_context():
        states = db.session.scalars(select(Question.review_state).where(
            Question.collection_id == world["collection_id"])).all()
        assert states and set(states) == {"retired"}
    coll = world["collection_id"]
    assert c["other_teacher"].post(f"/collections/{coll}/review-new", data={"review_new": "1"}).status_code == 404
    assert c["teacher"].post(f"/collections/{coll}/review-new", data={"review_new": "1"}).status_code == 303
    with app.app_context():
        assert db.session.get(Collection, coll).review_new is True


def test_quality_dashboard_is_for_admins(app, world):
    c = world["c"]
    c["student"].post(f"/questions/{world['q']['typed']}/report", data={"reason": "wrong_answer"})
    c["teacher"].post(f"/questions/{world['q']['cloze']}/retire")
    assert c["teacher"].get("/admin/quality").status_code == 404
    assert c["student"].get("/admin/quality").status_code == 404
    page = c["admin"].get("/admin/quality").get_data(as_text=True)
    assert "Readings" in page and "Library" in page
    # Readings: typed leader reported 1 of 1 (the other short answer is a mechanism), cloze date retired 1 of 1
    assert "1 (100.0%)" in page


# -- retiring keeps history --------------------------------------------------------------------
def _counts(app, user_id):
    with app.app_context():
        return tuple(db.session.scalar(select(func.count()).select_from(m).where(m.user_id == user_id))
                     for m in (Answer, ReviewLog, Quiz, Card))


def test_retire_and_restore_lose_no_history(app, world):
    c, q, sid = world["c"], world["q"], world["uid"]["student"]
    quiz_id, items = _quiz(app, sid, [q["typed"], q["cloze"]])
    assert _answer(c["student"], quiz_id, items[0], "Wang Yi").status_code == 303
    assert _answer(c["student"], quiz_id, items[1], "4 May").status_code == 303
    before = _counts(app, sid)
    assert before[0] == 2 and before[1] == 2 and before[3] == 2
    with app.app_context():
        cloze_card = db.session.scalar(select(Card).where(Card.user_id == sid, Card.fact_id == world["facts"][1]))
        typed_card = db.session.scalar(select(Card).where(Card.user_id == sid, Card.fact_id == world["facts"][0]))
        cloze_due = cloze_card.due
    assert c["teacher"].post(f"/questions/{q['cloze']}/retire").status_code == 303
    assert c["teacher"].post(f"/questions/{q['typed']}/retire").status_code == 303
    assert _counts(app, sid) == before
    with app.app_context():
        # the date fact lost its only front: its card waits; the leader fact still has a choice question
        assert db.session.get(Card, cloze_card.id).suspended is True
        assert db.session.get(Card, typed_card.id).suspended is False
        assert db.session.get(Question, q["cloze"]).retired_at is not None
    # the finished results still show both answers, graded as before
    page = c["student"].get(f"/quiz/{quiz_id}/results").get_data(as_text=True)
    assert "The summit opened on _____." in page and "Who is China" in page
    # new quizzes never offer them
    for _ in range(5):
        r = c["student"].post("/quiz/start", data={"scope": "corpus", "length": "50", "mode": "practice"})
        assert r.status_code == 303
    with app.app_context():
        asked = set(db.session.scalars(select(QuizItem.question_id).join(Quiz).where(
            Quiz.user_id == sid, Quiz.id != quiz_id)))
        assert asked and q["cloze"] not in asked and q["typed"] not in asked
    # the other teacher's restore does nothing; the owner's brings both back
    assert c["other_teacher"].post(f"/questions/{q['cloze']}/restore").status_code == 404
    assert c["teacher"].post(f"/questions/{q['cloze']}/restore").status_code == 303
    assert _counts(app, sid)[:2] == before[:2]
    with app.app_context():
        card = db.session.get(Card, cloze_card.id)
        assert card.suspended is False and card.suspended_for_id is None and card.due == cloze_due
        assert db.session.get(Question, q["cloze"]).retired_at is None


def test_restore_leaves_a_users_own_suspension(app, world):
    sid, q = world["uid"]["student"], world["q"]
    with app.app_context():
        db.session.add(Card(user_id=sid, fact_id=world["facts"][1], suspended=True))
        db.session.commit()
    world["c"]["teacher"].post(f"/questions/{q['cloze']}/retire")
    world["c"]["teacher"].post(f"/questions/{q['cloze']}/restore")
    with app.app_context():
        assert db.session.scalar(select(Card.suspended).where(Card.user_id == sid)) is True


# -- "I was right" ---------------------------------------------------------------------------
def test_i_was_right_counts_at_once_and_the_card_follows(app, world):
    from quizapp.study.cards import card_state
    from quizapp.study.scheduler import AGAIN, GOOD, CardState, StudyScheduler, card_seed

    c, q, sid = world["c"], world["q"], world["uid"]["student"]
    quiz_id, items = _quiz(app, sid, [q["typed"]])
    assert _answer(c["student"], quiz_id, items[0], "Minister Wang").status_code == 303
    with app.app_context():
        log = db.session.scalar(select(ReviewLog).where(ReviewLog.user_id == sid))
        assert log.rating == AGAIN
        before = CardState.from_json(log.state_before)
        card_id, reviewed_at = log.card_id, log.reviewed_at
    page = c["student"].get(f"/quiz/{quiz_id}/items/{items[0]}").get_data(as_text=True)
    assert "I was right" in page and "Report a problem" in page
    # someone else's item: 404
    assert c["outsider"].post(f"/quiz/{quiz_id}/items/{items[0]}/right").status_code == 404
    r = c["student"].post(f"/quiz/{quiz_id}/items/{items[0]}/right")
    assert r.status_code == 303
    with app.app_context():
        answer = db.session.scalar(select(Answer).where(Answer.quiz_item_id == items[0]))
        assert answer.correct is True and answer.score == 1.0
        log = db.session.scalar(select(ReviewLog).where(ReviewLog.user_id == sid))
        assert log.rating == GOOD
        card = db.session.get(Card, card_id)
        expected = StudyScheduler(fuzz=True).review(before, GOOD, reviewed_at, seed=card_seed(card_id, before.last_review))
        got = card_state(card)
        assert (got.state, got.due, got.stability) == (expected.state, expected.due, expected.stability)
        claim = db.session.scalar(select(AnswerClaim))
        assert (claim.text, claim.status) == ("Minister Wang", "pending")
        assert "Minister Wang" not in db.session.get(Question, q["typed"]).accepted  # a teacher decides
    # pressing again changes nothing
    assert c["student"].post(f"/quiz/{quiz_id}/items/{items[0]}/right").status_code == 303
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(AnswerClaim)) == 1
    assert "Counted as right" in c["student"].get(f"/quiz/{quiz_id}/items/{items[0]}").get_data(as_text=True)


def test_i_was_right_only_on_a_wrong_typed_answer_and_in_a_test_only_the_teacher_accepts(app, world):
    c, q, sid = world["c"], world["q"], world["uid"]["student"]
    quiz_id, items = _quiz(app, sid, [q["choice"], q["typed"]])
    _answer(c["student"], quiz_id, items[0], "Li Qiang")
    c["student"].post(f"/quiz/{quiz_id}/items/{items[0]}/right")
    _answer(c["student"], quiz_id, items[1], "Wang Yi")
    c["student"].post(f"/quiz/{quiz_id}/items/{items[1]}/right")
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(AnswerClaim)) == 0
    # a test: nothing while it runs; once over, the claim waits for the teacher and the grade stays
    test_id, test_items = _quiz(app, sid, [q["mech"], q["cloze"]], mode="test")
    _answer(c["student"], test_id, test_items[0], "Belt and Road")
    assert c["student"].post(f"/quiz/{test_id}/items/{test_items[0]}/right").status_code == 303
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(AnswerClaim)) == 0
    _answer(c["student"], test_id, test_items[1], "3 May 2021")
    results = c["student"].get(f"/quiz/{test_id}/results").get_data(as_text=True)
    assert "Ask my teacher to accept my answer" in results
    r = c["student"].post(f"/quiz/{test_id}/items/{test_items[0]}/right")
    assert r.status_code == 303 and "/results" in r.headers["Location"]
    with app.app_context():
        claim = db.session.scalar(select(AnswerClaim))
        assert (claim.text, claim.status) == ("Belt and Road", "pending")
        assert db.session.scalar(select(Answer.correct).where(Answer.quiz_item_id == test_items[0])) is False
    assert c["teacher"].post(f"/questions/claims/{claim.id}/accept").status_code == 303
    with app.app_context():
        assert db.session.scalar(select(Answer.correct).where(Answer.quiz_item_id == test_items[0])) is True


def test_teacher_accepts_the_alternative_and_it_grades_right(app, world):
    c, q, sid = world["c"], world["q"], world["uid"]["student"]
    quiz_id, items = _quiz(app, sid, [q["mech"]])
    _answer(c["student"], quiz_id, items[0], "Belt and Road")
    c["student"].post(f"/quiz/{quiz_id}/items/{items[0]}/right")
    # the same text in a test: wrong until the teacher accepts it
    test_id, test_items = _quiz(app, sid, [q["mech"]], mode="test")
    _answer(c["student"], test_id, test_items[0], "belt and road")
    with app.app_context():
        claim_id = db.session.scalar(select(AnswerClaim.id))
    page = c["teacher"].get("/questions/review").get_data(as_text=True)
    assert "Belt and Road" in page and "Accept" in page
    assert c["other_teacher"].post(f"/questions/claims/{claim_id}/accept").status_code == 404
    assert c["student"].post(f"/questions/claims/{claim_id}/accept").status_code == 403
    assert c["teacher"].post(f"/questions/claims/{claim_id}/accept").status_code == 303
    with app.app_context():
        assert "Belt and Road" in db.session.get(Question, q["mech"]).accepted
        assert db.session.scalar(select(Answer.correct).where(Answer.quiz_item_id == test_items[0])) is True
        assert db.session.get(AnswerClaim, claim_id).status == "accepted"
    new_id, new_items = _quiz(app, sid, [q["mech"]])
    _answer(c["student"], new_id, new_items[0], "Belt and Road")
    with app.app_context():
        assert db.session.scalar(select(Answer.correct).where(Answer.quiz_item_id == new_items[0])) is True


def test_own_question_claim_is_accepted_at_once(app, world):
    """A learner's own collection: their "I was right" becomes an accepted answer straight away."""
    sid = world["uid"]["outsider"]
    with app.app_context():
        coll = Collection(name="Mine", kind="learner", owner_id=sid)
        db.session.add(coll)
        db.session.flush()
        q = Question(collection_id=coll.id, uid="own-1", type="short_answer", prompt="Capital of France?",
                     answer="Paris", accepted=["Paris"], sources=[])
        db.session.add(q)
        db.session.commit()
        qid = q.id
    quiz_id, items = _quiz(app, sid, [qid])
    _answer(world["c"]["outsider"], quiz_id, items[0], "Paree")
    assert world["c"]["outsider"].post(f"/quiz/{quiz_id}/items/{items[0]}/right").status_code == 303
    with app.app_context():
        assert "Paree" in db.session.get(Question, qid).accepted
        assert db.session.scalar(select(AnswerClaim.status)) == "accepted"


# -- CSRF and rate limits ---------------------------------------------------------------------
def _app_with(_migrated, tmp_path, monkeypatch, **extra):
    from .test_security import _fresh_app

    return _fresh_app(_migrated, tmp_path, monkeypatch, **extra)


def test_new_posts_refuse_a_missing_csrf_token(_migrated, tmp_path, monkeypatch):
    from quizapp.auth import create_user

    from .test_security import _csrf_from

    app = _app_with(_migrated, tmp_path, monkeypatch, WTF_CSRF_ENABLED=True)
    try:
        with app.app_context():
            create_user(db.session, "t@example.com", "T", PASSWORD, "teacher")
            db.session.commit()
            from .test_study_data import build_bank

            qid = build_bank(db.session)["questions"]["short_answer"][0]
            db.session.commit()
        client = app.test_client()
        token = _csrf_from(client.get("/auth/login").get_data(as_text=True))
        assert client.post("/auth/login", data={"email": "t@example.com", "password": PASSWORD,
                                                "csrf_token": token}).status_code == 303
        token = _csrf_from(client.get("/").get_data(as_text=True))
        for path in (f"/questions/{qid}/report", f"/questions/{qid}/retire", f"/questions/{qid}/approve",
                     f"/questions/{qid}/restore", "/quiz/1/items/1/right", "/questions/claims/1/accept"):
            assert client.post(path, data={"reason": "other"}).status_code == 400, path
        r = client.post(f"/questions/{qid}/report", data={"reason": "other", "csrf_token": token})
        assert r.status_code == 303
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def test_reports_are_rate_limited(_migrated, tmp_path, monkeypatch):
    from quizapp.auth import create_user

    app = _app_with(_migrated, tmp_path, monkeypatch, RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI="memory://",
                    REPORT_RATE_LIMIT="3 per minute")
    try:
        with app.app_context():
            create_user(db.session, "s@example.com", "S", PASSWORD)
            db.session.commit()
            from .test_study_data import build_bank

            qids = build_bank(db.session)["questions"]["short_answer"]
            db.session.commit()
        client = app.test_client()
        client.post("/auth/login", data={"email": "s@example.com", "password": PASSWORD})
        codes = [client.post(f"/questions/{qids[i % len(qids)]}/report", data={"reason": "other"}).status_code
                 for i in range(5)]
        assert codes[:3] == [303, 303, 303] and codes[3:] == [429, 429]
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def test_library_question_in_a_teachers_set_shows_reports_without_names(app, world):
    from quizapp.models import SetItem, StudySet

    c, lib = world["c"], world["lib_q"]
    with app.app_context():
        sset = StudySet(owner_id=world["uid"]["teacher"], title="Week 1", share_code="SHARE123")
        db.session.add(sset)
        db.session.flush()
        db.session.add(SetItem(set_id=sset.id, question_id=lib, position=1))
        db.session.commit()
    c["outsider"].post(f"/questions/{lib}/report", data={"reason": "wrong_answer", "note": "private remark"})
    page = c["teacher"].get("/questions/review").get_data(as_text=True)
    row = page.split(f'id="qrow-{lib}"', 1)[1].split('class="card review-row"', 1)[0]
    assert "The answer is wrong" in row
    assert "Outsider" not in row and "private remark" not in row
    assert "Retire" not in row and "an admin decides" in row


def test_a_retired_question_is_marked_in_the_owners_set_and_left_out_of_its_quizzes(app, world):
    from quizapp.models import Assignment, SetItem, StudySet

    c, q = world["c"], world["q"]
    with app.app_context():
        sset = StudySet(owner_id=world["uid"]["teacher"], title="Week 2", share_code="SHARE456", visibility="class")
        db.session.add(sset)
        db.session.flush()
        db.session.add_all([SetItem(set_id=sset.id, question_id=q["typed"], position=1),
                            SetItem(set_id=sset.id, question_id=q["mech"], position=2),
                            Assignment(class_id=world["class_id"], set_id=sset.id)])
        db.session.commit()
        set_id = sset.id
    assert c["teacher"].post(f"/questions/{q['typed']}/retire").status_code == 303
    assert "retired by a reviewer" in c["teacher"].get(f"/sets/{set_id}").get_data(as_text=True)
    r = c["student"].post("/quiz/start", data={"scope": "set", "set_id": str(set_id), "length": "10",
                                                "mode": "practice"})
    assert r.status_code == 303
    with app.app_context():
        quiz = db.session.scalar(select(Quiz).where(Quiz.user_id == world["uid"]["student"]))
        assert [i.question_id for i in quiz.items] == [q["mech"]]


def test_question_page_offers_review_actions_only_to_who_may_act(app, world):
    c, own, lib = world["c"], world["q"]["typed"], world["lib_q"]
    assert "Retire" in c["teacher"].get(f"/questions/{own}").get_data(as_text=True)
    assert "Retire" not in c["student"].get(f"/questions/{own}").get_data(as_text=True)
    assert "Retire" not in c["teacher"].get(f"/questions/{lib}").get_data(as_text=True)
    r = c["teacher"].post(f"/questions/{own}/retire", data={"next": f"/questions/{own}"})
    assert r.status_code == 303 and r.headers["Location"].endswith(f"/questions/{own}")
    assert "Restore" in c["teacher"].get(f"/questions/{own}").get_data(as_text=True)
