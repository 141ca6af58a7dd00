"""A teacher builds a set from the bank plus one own question, creates a class and assigns the
set; a student joins with the code and does the assignment; the teacher sees the score and the
item analysis. Headless Chromium, real server, screenshots in test-artifacts/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser

OWN_PROMPT = "Which organisation does the abbreviation SCO stand for?"
OWN_ANSWER = "Shanghai Cooperation Organization"


def _signup(page, base, name, email, role):
    page.goto(base + "/auth/signup")
    page.fill("#name", name)
    page.fill("#email", email)
    page.fill("#password", "correct horse 42")
    page.fill("#confirm", "correct horse 42")
    page.check(f"input[name=role][value={role}]")
    page.get_by_role("button", name=re.compile("Sign up|Create", re.I)).click()
    expect(page.locator(".flash.success")).to_contain_text("Welcome")


def _watch(page, errors):
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)


def test_teacher_builds_assigns_and_sees_results(live_server, browser_page):
    base, page, errors = live_server, browser_page, []
    _watch(page, errors)

    # --- the teacher builds a set from the bank -------------------------------------------
    _signup(page, base, "Tess Teacher", "tess@example.com", "teacher")
    page.get_by_role("link", name="Sets", exact=True).click()
    page.get_by_role("link", name="New set").click()
    page.fill("#title", "Afghanistan basics")
    page.fill("#description", "China, Russia and the SCO")
    page.get_by_role("button", name="Create and add questions").click()
    expect(page.locator("h1")).to_contain_text("Add questions to")
    page.select_option("#ptype", "multiple_choice")  # htmx filters without a reload
    expect(page).to_have_url(re.compile(r"type=multiple_choice"))
    rows = page.locator("#picker-rows tbody tr")
    expect(rows.first).to_be_visible()
    assert rows.count() >= 2
    for i in range(2):
        rows.nth(i).get_by_role("button", name=re.compile("^Add")).click()
        expect(rows.nth(i)).to_contain_text("Added")
    page.screenshot(path=str(ARTIFACTS / "teacher-picker.png"), full_page=True)
    page.get_by_role("link", name=re.compile("Done — back to the set")).click()

    # ...plus one question of their own
    page.get_by_role("link", name="Short answer").click()
    page.fill("#prompt", OWN_PROMPT)
    page.fill("#answer", OWN_ANSWER)
    page.fill("#alternatives", "SCO")
    page.get_by_role("button", name="Add to the set").click()
    expect(page.locator(".flash.success")).to_contain_text("Question added")
    items = page.locator(".teach-itemlist > li")
    expect(items).to_have_count(3)
    # reorder without leaving the page: own question to the top
    page.get_by_role("button", name="Move up: question 3").click()
    expect(items.nth(1)).to_contain_text(OWN_PROMPT)
    page.get_by_role("button", name="Move up: question 2").click()
    expect(items.nth(0)).to_contain_text(OWN_PROMPT)
    page.screenshot(path=str(ARTIFACTS / "teacher-set.png"), full_page=True)
    page.get_by_role("link", name="Preview as a student").click()
    expect(page.locator(".teach-preview")).to_have_count(3)
    page.screenshot(path=str(ARTIFACTS / "teacher-preview.png"), full_page=True)

    # --- a class, and the set assigned to it ----------------------------------------------
    page.get_by_role("link", name="Classes", exact=True).click()
    page.fill("#name", "Politics 11B")
    page.get_by_role("button", name="Create class").click()
    code = page.locator(".teach-bigcode").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{3}-[A-Z2-9]{3}", code)
    page.select_option("#set_id", label="Afghanistan basics (3 questions)")
    page.fill("#due_date", "2099-06-30")
    page.get_by_role("button", name="Assign").click()
    expect(page.locator(".flash.success")).to_contain_text("Assigned")
    class_url = page.url.split("#")[0]

    # --- a student joins with the code and does the assignment ---------------------------
    student_ctx = page.context.browser.new_context(viewport={"width": 1000, "height": 900})
    sp = student_ctx.new_page()
    sp.set_default_timeout(15000)
    _watch(sp, errors)
    _signup(sp, base, "Ann Student", "ann@example.com", "student")
    sp.goto(base + "/classes/")
    sp.fill("#code", code.lower())
    sp.get_by_role("button", name="Join").click()
    expect(sp.locator(".flash.success")).to_contain_text("You joined")
    sp.goto(base + "/")
    panel = sp.locator("section[aria-labelledby=home-assignments]")
    expect(panel).to_contain_text("Afghanistan basics")
    expect(panel).to_contain_text("Not started")
    sp.screenshot(path=str(ARTIFACTS / "student-home.png"), full_page=True)
    panel.get_by_role("button", name=re.compile("Start")).click()
    expect(sp).to_have_url(re.compile(r"/quiz/\d+"))
    for _ in range(10):
        form = sp.locator("form[data-quiz-form]")
        if not form.count():
            break
        prompt = form.locator(".prompt").first.inner_text()
        if form.locator("input[type=radio]").count():
            form.locator("input[type=radio]").first.check()
        elif form.locator("#response").count():
            form.locator("#response").fill(OWN_ANSWER if "SCO" in prompt else "no idea")
        for sel in form.locator("select").all():
            sel.select_option(index=1)
        action = form.get_attribute("action")
        with sp.expect_response(lambda r: "/items/" in r.url):
            form.locator("button[type=submit]").click()
        # the next item (or the results) has replaced this one: a condition, not a fixed pause
        # that a busy machine outlasts
        expect(sp.locator(f'form[data-quiz-form][action="{action}"]')).to_have_count(0)
    results = sp.get_by_role("link", name="See your results")
    if results.count():
        results.click()
    expect(sp).to_have_url(re.compile(r"/results"))
    sp.screenshot(path=str(ARTIFACTS / "student-results.png"), full_page=True)
    sp.goto(base + "/")
    expect(sp.locator("section[aria-labelledby=home-assignments]")).to_contain_text("Done")

    # --- the teacher sees the score and the item analysis --------------------------------
    page.goto(class_url)
    row = page.locator("#roster tr", has_text="Ann Student")
    expect(row).to_contain_text("Done")
    expect(row).to_contain_text(re.compile(r"\d+%"))
    page.screenshot(path=str(ARTIFACTS / "teacher-progress.png"), full_page=True)
    page.get_by_role("link", name="Afghanistan basics").first.click()
    expect(page.locator("h2", has_text="Item analysis")).to_be_visible()
    table = page.locator(".teach-items-table tbody tr")
    expect(table).to_have_count(3)
    first = table.first
    expect(first).to_contain_text(OWN_PROMPT[:40])
    expect(first).to_contain_text("100%")  # facility of the question the student got right
    expect(first.get_by_role("link", name=re.compile("Edit"))).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "teacher-item-analysis.png"), full_page=True)
    with page.expect_download() as dl:
        page.goto(class_url)
        page.get_by_role("link", name="Download grades (CSV)").click()
    assert "Ann Student" in open(dl.value.path(), encoding="utf-8-sig").read()
    student_ctx.close()
    assert errors == [], errors


def test_teacher_removes_a_student_confirms_and_undoes(live_server, browser_page, seeded_app, make_user):
    """Remove asks first (in place, with htmx), the flash then offers Undo, and Undo brings the
    student back."""
    from quizapp.extensions import db
    from quizapp.models import Membership
    from quizapp.teaching.store import create_class

    base, page, errors = live_server, browser_page, []
    _watch(page, errors)
    tid = make_user("tess@example.com", "Tess Teacher", role="teacher")
    ann = make_user("ann@example.com", "Ann Student")
    with seeded_app.app_context():
        from quizapp.models import User

        klass = create_class(db.session, db.session.get(User, tid), "Politics 11B")
        db.session.add(Membership(class_id=klass.id, user_id=ann))
        db.session.commit()
        class_url = f"{base}/classes/{klass.id}"

    page.goto(base + "/auth/login")
    page.fill("#email", "tess@example.com")
    page.fill("#password", "correct horse 42")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("header .who")).to_contain_text("Tess Teacher")
    page.goto(class_url)
    roster = page.locator("#roster")
    expect(roster).to_contain_text("Ann Student")

    remove = page.get_by_role("button", name="Remove Ann Student from the class")
    remove.click()
    page.get_by_role("link", name="Cancel").click()  # changed their mind: the page as it was
    expect(remove).to_be_visible()
    remove.click()
    yes = page.get_by_role("button", name="Yes, remove Ann Student")
    expect(yes).to_be_visible()  # the confirmation, in place of the button
    expect(roster).to_contain_text("Ann Student")  # nothing changed yet
    page.screenshot(path=str(ARTIFACTS / "teacher-remove-confirm.png"), full_page=True)
    yes.click()
    flash = page.locator(".flash.success", has_text="was removed from the class")
    expect(flash).to_be_visible()
    expect(page.locator("#roster")).to_have_count(0)  # the class has no students now
    page.screenshot(path=str(ARTIFACTS / "teacher-remove-undo.png"), full_page=True)

    flash.get_by_role("button", name="Undo").click()
    expect(page.locator(".flash.success")).to_contain_text("Ann Student is back in the class")
    expect(page.locator("#roster")).to_contain_text("Ann Student")
    with seeded_app.app_context():
        assert db.session.get(Membership, (klass.id, ann)) is not None
    assert errors == [], errors


def test_an_archived_class_closes_for_its_students_until_undone(live_server, browser_page, seeded_app, make_user):
    """The teacher archives the class in the browser (asked first); the student's class page is
    then a 404 and the class leaves their classes list; Undo opens it again."""
    from quizapp.extensions import db
    from quizapp.models import Membership, User
    from quizapp.teaching.store import create_class

    base, page = live_server, browser_page
    tid = make_user("tess@example.com", "Tess Teacher", role="teacher")
    ann = make_user("ann@example.com", "Ann Student")
    with seeded_app.app_context():
        klass = create_class(db.session, db.session.get(User, tid), "Politics 11B")
        db.session.add(Membership(class_id=klass.id, user_id=ann))
        db.session.commit()
        class_url = f"{base}/classes/{klass.id}"
    student = page.context.browser.new_context().new_page()
    for p, email in ((page, "tess@example.com"), (student, "ann@example.com")):
        p.goto(base + "/auth/login")
        p.fill("#email", email)
        p.fill("#password", "correct horse 42")
        p.get_by_role("button", name="Log in").click()
        expect(p.locator("header .who")).to_be_attached()
    assert student.goto(class_url).status == 200

    page.goto(class_url)
    page.get_by_text("Rename or archive the class").click()
    page.get_by_role("button", name="Archive class").click()
    page.get_by_role("button", name="Yes, archive it").click()
    flash = page.locator(".flash.success", has_text="archived")
    expect(flash).to_be_visible()
    assert student.goto(class_url).status == 404
    student.goto(base + "/classes/")
    expect(student.locator("main")).not_to_contain_text("Politics 11B")

    flash.get_by_role("button", name="Undo").click()
    expect(page.locator(".flash.success")).to_contain_text("students see the class again")
    assert student.goto(class_url).status == 200
    student.context.close()
