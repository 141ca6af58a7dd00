"""A teacher imports a Quizlet export and an Anki package into sets: upload, a preview that says
what was detected and what each card became, then the set with its questions. Headless Chromium,
real server."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .anki_packages import anki_apkg
from .conftest import ARTIFACTS
from .test_e2e_teacher import _signup, _watch

pytestmark = pytest.mark.browser

QUIZLET = "photosynthesis,making sugar from light;osmosis,water moving through a membrane;mitosis,one cell into two"


def test_teacher_imports_quizlet_and_apkg_with_a_preview(live_server, browser_page, tmp_path):
    base, page, errors = live_server, browser_page, []
    _watch(page, errors)
    _signup(page, base, "Tess Teacher", "tess@example.com", "teacher")

    # --- Quizlet text, separators detected -------------------------------------------------
    page.goto(base + "/sets/import")
    expect(page.locator("input[type=file]")).to_have_attribute("accept", re.compile(r"\.apkg"))
    page.set_input_files("input[type=file]", files=[{"name": "biology.txt", "mimeType": "text/plain",
                                                      "buffer": QUIZLET.encode()}])
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.locator("h1")).to_contain_text("Import preview: biology.txt")
    expect(page.locator("main")).to_contain_text("Detected format: Quizlet export text")
    expect(page.locator("main")).to_contain_text("separated by comma, cards by semicolon")
    expect(page.locator("table.teach-import tbody tr")).to_have_count(3)
    page.screenshot(path=str(ARTIFACTS / "import-quizlet-preview.png"), full_page=True)
    page.get_by_role("button", name="Import 3 questions").click()
    expect(page.locator(".flash.success")).to_contain_text("Imported 3 questions")
    expect(page.locator("h1")).to_contain_text("biology")
    expect(page.locator("main")).to_contain_text("water moving through a membrane")
    expect(page.locator("#items-heading")).to_contain_text("(3)")

    # --- an Anki package written by Anki ---------------------------------------------------
    page.goto(base + "/sets/import")
    page.set_input_files("input[type=file]", files=[{"name": "capitals.apkg", "mimeType": "application/octet-stream",
                                                      "buffer": anki_apkg(tmp_path, legacy=False)}])
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.locator("main")).to_contain_text("Detected format: Anki deck package (.apkg)")
    expect(page.locator("main")).to_contain_text("7 valid")
    expect(page.locator("main")).to_contain_text("Tags: capitals, europe")
    expect(page.locator("main")).to_contain_text("picture or sound reference")
    page.screenshot(path=str(ARTIFACTS / "import-apkg-preview.png"), full_page=True)
    page.get_by_role("button", name="Import 7 questions").click()
    expect(page.locator(".flash.success")).to_contain_text("Imported 7 questions")
    expect(page.locator("h1")).to_contain_text("Capitals")
    expect(page.locator("#items-heading")).to_contain_text("(7)")
    expect(page.locator("main")).to_contain_text("is the capital of _____ (country)")

    # --- a file that is no deck: a clear message on the form, nothing saved ------------------
    page.goto(base + "/sets/import")
    page.set_input_files("input[type=file]", files=[{"name": "broken.apkg", "mimeType": "application/octet-stream",
                                                      "buffer": b"PK\x03\x04 not a zip"}])
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.locator(".field .error")).to_contain_text("zip")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sets").click()
    expect(page.locator("main")).to_contain_text("biology")
    expect(page.locator("main")).to_contain_text("Capitals")
    # the refused upload is a 422 on purpose; the browser logs that, and nothing else may fail
    assert [e for e in errors if "status of 422" not in e] == []
