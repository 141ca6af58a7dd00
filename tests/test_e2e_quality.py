"""Issue 22 in a browser: a student reports a question from the feedback page and presses "I was
right" on a typed answer; the teacher sees both in the review queue, accepts the alternative and
retires the reported question; the student's next quiz never shows the retired question and the
accepted answer now grades right. Run with JavaScript (htmx swaps in place) and without (plain
forms, 303 after each POST)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Answer, Quiz, QuizItem

from .conftest import ARTIFACTS, serving
from .test_quality_loop import PASSWORD, build_world

pytestmark = pytest.mark.browser

TYPED = "Who is China's foreign minister?"
CLOZE = "The summit opened on _____."
MECH = "Which initiative funds ports?"


def _login(page, base, who):
    page.goto(base + "/auth/login")
    page.fill("#email", f"{who}@example.com")
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name=re.compile("Log in", re.I)).click()
    expect(page.locator("body")).not_to_contain_text("Log in to quizapp", timeout=10000)


def _start_article_quiz(page, base, article_id):
    page.goto(f"{base}/quiz/?scope=article&article={article_id}&length=10&mode=practice")
    page.get_by_role("button", name="Start quiz").click()
    expect(page.locator("form[data-quiz-form]")).to_be_visible()


def _answer(page, text_for_typed: dict[str, str]) -> str:
    """Answer the question on screen; returns its prompt."""
    form = page.locator("form[data-quiz-form]")
    prompt = form.locator(".prompt").first.inner_text().strip()
    box = form.locator('input[name="response"][type="text"]')
    if box.count():
        box.fill(text_for_typed.get(prompt, "no idea"))
    else:
        form.locator('input[type="radio"]').first.check()
    form.get_by_role("button", name="Check answer").click()
    expect(page.locator("#verdict")).to_be_visible()
    return prompt


def _next(page) -> bool:
    """Go on from feedback; False when the quiz is over."""
    nxt = page.get_by_role("link", name="Next question")
    if nxt.count():
        nxt.click()
        expect(page.locator("form[data-quiz-form]")).to_be_visible()
        return True
    return False


@pytest.mark.parametrize("js", [True, False], ids=["htmx", "no-js"])
def test_report_claim_review_retire(app, make_user, browser_page, js):
    world = build_world(app, make_user)
    browser = browser_page.context.browser
    with serving(app) as base:
        student = browser.new_context(java_script_enabled=js, viewport={"width": 1100, "height": 900}).new_page()
        teacher = browser.new_context(java_script_enabled=js, viewport={"width": 1100, "height": 900}).new_page()
        for p in (student, teacher):
            p.set_default_timeout(15000)
        errors: list[str] = []
        student.on("pageerror", lambda e: errors.append(str(e)))

        # -- the student: a practice quiz on the article; report the cloze, claim the typed answer
        _login(student, base, "student")
        _start_article_quiz(student, base, world["article_id"])
        seen = set()
        while True:
            prompt = _answer(student, {TYPED: "Wang Yi", CLOZE: "4 May 2021", MECH: "Belt and Road"})
            seen.add(prompt)
            if prompt == CLOZE:
                box = student.locator(".report-box")
                box.locator("summary").click()
                box.get_by_label("Not in the article").check()
                box.get_by_label("Note (optional)").fill("The article says 3 May")
                box.get_by_role("button", name="Send report").click()
                expect(student.get_by_text("Thanks, a teacher will look.")).to_be_visible()
            if prompt == MECH:
                expect(student.locator(".verdict")).to_contain_text("Not quite")
                student.get_by_role("button", name="I was right").click()
                expect(student.locator(".claim-note")).to_contain_text("Counted as right")
            if not _next(student):
                break
        assert {TYPED, CLOZE, MECH} <= seen

        # -- the teacher: both in the queue; accept the alternative, retire the reported question
        _login(teacher, base, "teacher")
        teacher.goto(base + "/questions/review")
        typed_row = teacher.locator(f"#qrow-{world['q']['mech']}")
        cloze_row = teacher.locator(f"#qrow-{world['q']['cloze']}")
        expect(typed_row).to_contain_text("Belt and Road")
        expect(cloze_row).to_contain_text("Not in the article")
        expect(cloze_row).to_contain_text("The article says 3 May")
        teacher.screenshot(path=str(ARTIFACTS / f"review-queue-{'js' if js else 'nojs'}.png"), full_page=True)
        teacher.set_viewport_size({"width": 390, "height": 844})
        assert teacher.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        teacher.screenshot(path=str(ARTIFACTS / f"review-queue-phone-{'js' if js else 'nojs'}.png"), full_page=True)
        teacher.set_viewport_size({"width": 1280, "height": 800})
        typed_row.get_by_role("button", name=re.compile("Accept")).click()
        expect(teacher.get_by_text(re.compile("Accepted “Belt and Road”"))).to_be_visible()
        teacher.locator(f"#qrow-{world['q']['cloze']}").get_by_role("button", name="Retire").click()
        expect(teacher.get_by_text(re.compile("Retired: it leaves the bank"))).to_be_visible()

        # -- the student again: the retired question never comes, the accepted answer grades right
        for _ in range(3):
            _start_article_quiz(student, base, world["article_id"])
            while True:
                prompt = _answer(student, {TYPED: "Wang Yi", MECH: "Belt and Road"})
                assert prompt != CLOZE
                if prompt == MECH:
                    expect(student.locator(".verdict")).to_contain_text("Right")
                if not _next(student):
                    break
        assert not errors, errors
    with app.app_context():
        sid = world["uid"]["student"]
        asked = db.session.execute(select(Quiz.id, QuizItem.question_id).join(QuizItem.quiz)
                                   .where(Quiz.user_id == sid).order_by(Quiz.id)).all()
        first = min(qid for qid, _ in asked)
        assert all(q != world["q"]["cloze"] for quiz_id, q in asked if quiz_id != first)
        typed_answers = db.session.scalars(select(Answer.correct).where(Answer.user_id == sid,
                                                                        Answer.question_id == world["q"]["mech"])).all()
        assert typed_answers and all(typed_answers)  # the claimed one and every later one
