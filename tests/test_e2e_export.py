"""A teacher downloads a set as an Anki package and as Moodle XML from the set page, in headless
Chromium against a real server: the downloads have the right type and name, the package opens in
the real ``anki`` library with one note per question, and the XML holds one question per item."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import expect

from quizapp.extensions import db

from .conftest import ARTIFACTS, serving
from .test_teach_support import make_bank

pytestmark = pytest.mark.browser

anki_collection = pytest.importorskip("anki.collection")


def test_teacher_downloads_a_set_as_apkg_and_moodle_xml(app, make_user, browser_page, tmp_path):
    bank = make_bank(app)
    tid = make_user("tess@example.com", "Tess Teacher", role="teacher")
    with app.app_context():
        from quizapp.models import Question, User
        from quizapp.teaching.store import add_question, create_set

        sset = create_set(db.session, db.session.get(User, tid), "Week 1: China & Russia")
        for qid in bank["questions"]:
            add_question(db.session, sset, db.session.get(Question, qid))
        db.session.commit()
        set_id = sset.id
    page = browser_page
    with serving(app) as base:
        page.goto(base + "/auth/login")
        page.fill("#email", "tess@example.com")
        page.fill("#password", "correct horse 42")
        page.get_by_role("button", name="Log in").click()
        expect(page.locator("header .who")).to_contain_text("Tess Teacher")
        page.goto(f"{base}/sets/{set_id}")
        export = page.locator("section[aria-labelledby=export-h]")
        expect(export.get_by_role("link", name="Moodle XML")).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / "set-export.png"), full_page=True)

        with page.expect_download() as info:
            export.get_by_role("link", name="Anki deck (.apkg)").click()
        apkg = info.value
        assert apkg.suggested_filename == "week-1-china-russia.apkg"
        apkg_path = tmp_path / apkg.suggested_filename
        apkg.save_as(apkg_path)

        # the response's type, as the browser got it
        with page.expect_response(re.compile(r"/export/moodle-xml$")) as resp_info, page.expect_download() as info:
            export.get_by_role("link", name="Moodle XML").click()
        assert resp_info.value.headers["content-type"].startswith("application/xml")
        moodle = info.value
        assert moodle.suggested_filename == "week-1-china-russia.moodle.xml"
        xml_path = tmp_path / moodle.suggested_filename
        moodle.save_as(xml_path)

    col = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    try:
        col.import_anki_package(anki_collection.ImportAnkiPackageRequest(
            package_path=str(apkg_path), options=anki_collection.ImportAnkiPackageOptions()))
        assert col.note_count() == 6
        notes = [col.get_note(n) for n in col.find_notes("")]
        assert {n.note_type()["type"] for n in notes} == {0, 1}  # standard and cloze note types
        assert all("China and Russia on Afghanistan" in n["Source"] for n in notes)
        assert {col.decks.name(n.cards()[0].did) for n in notes} == {"Week 1: China & Russia"}
    finally:
        col.close()
    root = ET.fromstring(xml_path.read_bytes())
    assert [q.get("type") for q in root.findall("question")] == [
        "category", "multichoice", "truefalse", "shortanswer", "shortanswer", "matching", "ordering"]
