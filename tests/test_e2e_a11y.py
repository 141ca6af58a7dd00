"""Accessibility and phone layout, in headless Chromium at a phone's size (390x844) and a laptop's
(1280x800): axe-core finds no serious or critical violation on any page a student or a teacher
uses, no page scrolls sideways, and in flashcard review the answer and the rating buttons are on
screen after "Show answer" (with and without JavaScript). Screenshots go to test-artifacts/.

axe-core is vendored, unmodified, in tests/vendor/ (see its README): the test runs offline."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import ARTIFACTS, chromium_browser

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core-4.10.2" / "axe.min.js"
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
PASSWORD = "correct horse 42"


@pytest.fixture
def school(seeded_app, make_user):
    """A teacher (also an admin) with a set of every question type, a class with that set assigned,
    a collection, a pending import; a student in the class. Returns the ids the pages need."""
    from sqlalchemy import select

    from quizapp.collections.store import create as create_collection
    from quizapp.extensions import db
    from quizapp.models import Question, User
    from quizapp.teaching import store

    tid = make_user("tess@example.com", "Tess Teacher", PASSWORD, role="admin")
    sid = make_user("ann@example.com", "Ann Student", PASSWORD)
    with seeded_app.app_context():
        s = db.session
        teacher, student = s.get(User, tid), s.get(User, sid)
        sset = store.create_set(s, teacher, "Afghanistan basics", "China, Russia and the SCO")
        for qtype in ("matching", "ordering", "multiple_choice", "true_false", "short_answer", "cloze"):
            q = s.scalar(select(Question).where(Question.type == qtype, Question.retired_at.is_(None))
                         .order_by(Question.id).limit(1))
            if q is not None:
                store.add_question(s, sset, q)
        klass = store.create_class(s, teacher, "Politics 11B")
        store.join(s, student, klass)
        assignment, _ = store.assign(s, klass, sset, None)
        collection = create_collection(s, tid, "Our reading list")
        pending = store.save_pending(s, teacher, sset, "questions.csv", "csv", _import_result(s, sset))
        s.commit()
        ids = {"set": sset.id, "class": klass.id, "assignment": assignment.id, "collection": collection.id,
               "pending": pending.id, "item": sset.items[0].id}
        from quizapp.models import Article, Fact

        ids["article"] = s.scalar(select(Article.id).order_by(Article.id).limit(1))
        ids["fact"] = s.scalar(select(Fact.id).order_by(Fact.id).limit(1))
        ids["question"] = s.scalar(select(Question.id).where(Question.type == "matching").limit(1))
    return ids


def _import_result(session, sset) -> dict:
    """What an uploaded CSV with one good row and one bad row leaves to preview."""
    from quizapp.teaching import formats

    text = ("type,prompt,answer\r\nshort_answer,Which city hosted the SCO summit in 2021?,Dushanbe\r\n"
            "multiple_choice,A question with no options at all,\r\n")
    return formats.parse_csv(text).to_json()


def _login(page, base, email):
    page.goto(base + "/auth/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator(".flash.success")).to_contain_text("Logged in as")


def _axe(page) -> list[dict]:
    """axe-core's serious and critical violations on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
          .map(v => ({id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').split('\\n').slice(0, 2).join(' '))}));
    }""")
    return result


def _sideways(page) -> int:
    """How far the page scrolls sideways (0: not at all)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def _overflowing(page) -> list[str]:
    """The elements that stick out past the right edge while their parent does not: the culprits."""
    return page.evaluate("""() => {
        const w = document.documentElement.clientWidth, out = [];
        for (const el of document.querySelectorAll('body *')) {
            const r = el.getBoundingClientRect(), p = el.parentElement.getBoundingClientRect();
            if (r.width && r.right > w + 0.5 && p.right <= w + 0.5) {
                out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                         (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
                         ' "' + el.textContent.trim().slice(0, 30) + '" right=' + Math.round(r.right));
            }
        }
        return out.slice(0, 6);
    }""")


class Sweep:
    """Collects, per page and size, axe violations and sideways scrolling."""

    def __init__(self, size: str):
        self.size, self.problems, self.widths = size, [], {}

    def check(self, page, name: str, *, wait=None):
        if wait is not None:
            expect(page.locator(wait).first).to_be_visible()
        page.wait_for_load_state("load")
        self.widths[name] = page.evaluate("document.documentElement.scrollWidth")
        extra = _sideways(page)
        if extra > 0:
            self.problems.append(f"[{self.size}] {name} ({page.url}): scrolls sideways by {extra}px: "
                                 + ", ".join(_overflowing(page)))
        h1s = page.locator("h1").count()
        if h1s != 1:
            self.problems.append(f"[{self.size}] {name} ({page.url}): {h1s} h1 elements")
        for v in _axe(page):
            self.problems.append(f"[{self.size}] {name} ({page.url}): {v['impact']} {v['id']}: {v['help']}\n    "
                                 + "\n    ".join(v["nodes"]))


def _context(browser, size: str, **kwargs):
    ctx = browser.new_context(viewport=SIZES[size], **kwargs)
    ctx.set_default_timeout(15000)
    return ctx


@pytest.fixture
def chromium():
    with chromium_browser() as browser:
        yield browser


def _student_pages(page, base, ids, sweep: Sweep):
    errors = _watch(page)
    _login(page, base, "ann@example.com")
    for name, path, wait in [
        ("home", "/", None), ("articles", "/articles/", "table"), ("article", f"/articles/{ids['article']}", ".article"),
        ("facts", "/facts/", "table"), ("fact", f"/facts/{ids['fact']}", None), ("bank", "/questions/", ".question-list"),
        ("question", f"/questions/{ids['question']}", ".question-preview"), ("quiz start", "/quiz/", ".start-quiz"),
        ("decks", "/review/", "table.decks"), ("review settings", "/review/settings", None),
        ("classes", "/classes/", None), ("library", "/library/", None),
        ("account", "/account/", None), ("account password", "/account/password", None),
        ("account email", "/account/email", None), ("account delete", "/account/delete", None),
    ]:
        page.goto(base + path)
        sweep.check(page, "student " + name, wait=wait)
        if name == "decks":
            page.screenshot(path=str(ARTIFACTS / f"a11y-decks-{sweep.size}.png"), full_page=True)

    # Flashcard review: the card, then its answer (in place with JavaScript, and as the page load
    # that "Show answer" is without it).
    page.goto(base + "/review/study")
    sweep.check(page, "student review", wait="#card-front")
    reveal = page.get_by_role("link", name=re.compile("Show answer"))
    href = reveal.get_attribute("href")
    reveal.click()
    sweep.check(page, "student review revealed", wait="#card-back")
    page.goto(base + href)
    sweep.check(page, "student review revealed (page)", wait="#card-back")

    # A practice quiz: a question, its feedback (swapped in, then as a page of its own), the results.
    page.goto(base + "/quiz/")
    page.check('input[name="mix"][value="all_types"]')
    page.check('input[name="mode"][value="practice"]')
    page.get_by_role("button", name="Start quiz").click()
    page.wait_for_url(re.compile(r"/quiz/\d+$"))
    form = page.locator("form[data-quiz-form]")
    expect(form).to_be_visible()
    sweep.check(page, "student quiz item")
    action = form.get_attribute("action")
    _answer(form)
    expect(page.locator("#verdict")).to_be_visible()
    sweep.check(page, "student quiz feedback (htmx)")
    page.goto(base + action)
    expect(page.locator("#verdict")).to_be_visible()
    sweep.check(page, "student quiz feedback")
    page.get_by_role("link", name="Next question").click()
    expect(page.locator("form[data-quiz-form]")).to_be_visible()
    page.get_by_role("button", name="End the quiz now and see results").click()
    page.wait_for_url(re.compile(r"/results$"))
    sweep.check(page, "student quiz results", wait=".score")
    page.goto(base + "/progress/")
    sweep.check(page, "student progress", wait="#due-today")
    page.goto(base + f"/classes/{ids['class']}")
    sweep.check(page, "student class")
    assert errors == [], errors


def _answer(form):
    if form.locator("input[type=radio]").count():
        form.locator("input[type=radio]").first.check()
    elif form.locator("#response").count():
        form.locator("#response").fill("no idea")
    for i, sel in enumerate(form.locator("select").all()):
        sel.select_option(index=i + 1)  # a different choice each: ordering refuses repeats
    form.locator("button[type=submit]").click()


def _teacher_pages(page, base, ids, sweep: Sweep):
    errors = _watch(page)
    _login(page, base, "tess@example.com")
    s, k = ids["set"], ids["class"]
    for name, path, wait in [
        ("home", "/", None), ("sets", "/sets/", "table"), ("set", f"/sets/{s}", ".teach-itemlist"),
        ("set new", "/sets/new", None), ("set picker", f"/sets/{s}/add", "#picker-rows"),
        ("set preview", f"/sets/{s}/preview?answers=1", ".teach-preview"),
        ("set question new", f"/sets/{s}/questions/new?type=matching", "main form"),
        ("set item edit", f"/sets/{s}/items/{ids['item']}/edit", "main form"),
        ("set import", f"/sets/{s}/import", None), ("import preview", f"/sets/imports/{ids['pending']}", "table"),
        ("classes", "/classes/", "table"), ("class", f"/classes/{k}", "#roster"),
        ("assignment", f"/classes/{k}/assignments/{ids['assignment']}", None),
        ("library", "/library/", None), ("collections", "/collections/", None),
        ("collection", f"/collections/{ids['collection']}", None),
        ("bank", "/questions/", ".question-list"), ("facts", "/facts/", "table"),
        ("account", "/account/", None), ("admin users", "/admin/users", "#users"),
        ("review queue", "/questions/review", None), ("generator quality", "/admin/quality", None),
    ]:
        page.goto(base + path)
        sweep.check(page, "teacher " + name, wait=wait)
    assert errors == [], errors


def _watch(page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    return errors


@pytest.mark.slow
@pytest.mark.parametrize("size", list(SIZES))
def test_every_page_passes_axe_and_never_scrolls_sideways(school, live_server, chromium, size):
    # (The app's Content-Security-Policy allows no injected script: set aside for axe alone.)
    sweep = Sweep(size)
    ctx = _context(chromium, size, bypass_csp=True)
    _student_pages(ctx.new_page(), live_server, school, sweep)
    ctx.close()
    ctx = _context(chromium, size, bypass_csp=True)
    page = ctx.new_page()
    _teacher_pages(page, live_server, school, sweep)
    page.goto(f"{live_server}/classes/{school['class']}")
    page.screenshot(path=str(ARTIFACTS / f"a11y-class-{size}.png"), full_page=True)
    ctx.close()
    print(json.dumps({"size": size, "widest": max(sweep.widths.items(), key=lambda kv: kv[1])}))
    assert not sweep.problems, "\n".join(sweep.problems)


def _geometry(page) -> dict:
    """Where the card's question, the answer box and the rating buttons are, against the viewport."""
    vp = page.viewport_size
    front = page.locator("#card-front").bounding_box()
    answer = page.locator("#card-back .answer").bounding_box()
    buttons = [b.bounding_box() for b in page.locator("button.rate").all()]
    return {"viewport": vp, "front": front, "answer": answer, "buttons": buttons,
            "header": page.locator("header.site").bounding_box()}


def _on_screen(box, vp) -> bool:
    return box is not None and box["y"] >= 0 and box["x"] >= 0 and \
        box["y"] + box["height"] <= vp["height"] and box["x"] + box["width"] <= vp["width"]


def _assert_review_fits(page, where: str) -> dict:
    g = _geometry(page)
    vp = g["viewport"]
    assert _on_screen(g["answer"], vp), (where, g)
    assert _on_screen(g["front"], vp), (where, g)
    assert len(g["buttons"]) == 4 and all(_on_screen(b, vp) for b in g["buttons"]), (where, g)
    # nothing covers them: the element at each button's centre is the button (or inside it)
    for b in page.locator("button.rate").all():
        assert b.evaluate("""el => { const r = el.getBoundingClientRect();
            const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
            return el === hit || el.contains(hit); }"""), where
    # and the bar covers none of the answer
    top_of_buttons = min(b["y"] for b in g["buttons"])
    assert g["answer"]["y"] + g["answer"]["height"] <= top_of_buttons, (where, g)
    return g


@pytest.mark.parametrize("size", list(SIZES))
def test_review_after_reveal_keeps_answer_and_ratings_on_screen(school, live_server, chromium, size):
    touch = {"has_touch": True, "is_mobile": True} if size == "phone" else {}  # a phone has no keyboard
    ctx = _context(chromium, size, **touch)
    page = ctx.new_page()
    errors = _watch(page)
    _login(page, live_server, "ann@example.com")
    header = page.locator("header.site").bounding_box()
    review_link = page.get_by_role("navigation", name="Main").get_by_role("link", name="Review", exact=True)
    if size == "phone":
        # A compact header: the links fold behind a Menu disclosure (no JavaScript needed).
        assert header["height"] <= 64, header
        expect(review_link).to_be_hidden()
        page.locator("header.site summary").click()
        expect(review_link).to_be_visible()
        expect(page.locator("header.site .who")).to_contain_text("Ann Student")
        page.screenshot(path=str(ARTIFACTS / "a11y-menu-open-phone.png"))
        review_link.click()
        expect(page.locator("h1")).to_have_text("Flashcards")
        assert page.locator("header.site").bounding_box()["height"] <= 64  # closed again on the new page
    else:
        expect(page.locator("header.site summary")).to_be_hidden()
        expect(review_link).to_be_visible()

    # With JavaScript: "Show answer" reveals in place.
    page.goto(live_server + "/review/study")
    expect(page.locator("#card-front")).to_be_visible()
    # Keyboard hints only where a keyboard is likely.
    if touch:
        expect(page.locator(".keys")).to_be_hidden()
        expect(page.locator("#reveal kbd")).to_be_hidden()
    else:
        expect(page.locator(".keys")).to_be_visible()
    page.get_by_role("link", name=re.compile("Show answer")).click()
    expect(page.locator("#card-back")).to_be_visible()
    expect(page.locator('button[data-rating="3"]')).to_be_focused()
    page.locator("#card-back .answer").evaluate("el => new Promise(r => requestAnimationFrame(() => r()))")
    g = _assert_review_fits(page, "after reveal with JavaScript")
    page.screenshot(path=str(ARTIFACTS / f"a11y-review-revealed-{size}.png"))
    print(json.dumps({"size": size, "header": header["height"], "answer_top": g["answer"]["y"],
                      "buttons_top": min(b["y"] for b in g["buttons"])}))
    with page.expect_response("**/review/rate"):
        page.locator('button[data-rating="3"]').click()
    expect(page.locator("#review-stage .undo-form")).to_be_visible()
    ctx.close()
    assert errors == [], errors

    # Without JavaScript: "Show answer" is a page load that lands on the same view.
    ctx = _context(chromium, size, java_script_enabled=False, **touch)
    page = ctx.new_page()
    _login(page, live_server, "ann@example.com")
    page.goto(live_server + "/review/study")
    page.get_by_role("link", name=re.compile("Show answer")).click()
    expect(page.locator("#card-back")).to_be_visible()
    _assert_review_fits(page, "after reveal without JavaScript")
    page.screenshot(path=str(ARTIFACTS / f"a11y-review-revealed-nojs-{size}.png"))
    ctx.close()
