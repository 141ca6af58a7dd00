"""A teacher uploads a saved web page and a PDF through the browser: each article shows the title,
author and date the file states, a real queue worker finds its facts (the leader, the dated
event, the named plan), and the owner can download the original file byte for byte. (Links are
tested in test_article_formats_web.py, where the test-only loopback setting can be given.)"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .article_files import TESSALY_TITLE, VARNIA_TITLE, tessaly_pdf, varnia_html
from .conftest import ARTIFACTS, serving
from .test_e2e_teacher import _signup, _watch

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _upload_and_wait(page, base, path) -> int:
    page.goto(base + "/library/")
    page.set_input_files("#file", str(path))
    page.get_by_role("button", name="Add article").click()
    expect(page).to_have_url(re.compile(r"/articles/\d+$"))
    # htmx polls the status and reloads the page when the worker is done
    # (ready: the study links, or the note that no question could be made from it)
    expect(page.locator(".actions, .no-questions").first).to_be_visible(timeout=120_000)
    return int(page.url.rsplit("/", 1)[-1])


def _facts_of(page, base, article_id: int):
    page.goto(f"{base}/facts/?article={article_id}")
    return page.locator("main")


def test_teacher_uploads_a_saved_page_and_a_pdf_and_gets_title_date_and_facts(worker_app, browser_page, tmp_path):
    page, errors = browser_page, []
    _watch(page, errors)
    html_file = tmp_path / "Varnia council - Harbour Courier.html"
    html_file.write_bytes(varnia_html())
    pdf_file = tmp_path / "tessaly-levy.pdf"
    pdf_file.write_bytes(tessaly_pdf())
    with serving(worker_app) as base:
        _signup(page, base, "Tess Teacher", "tess@example.com", "teacher")
        expect(page.locator("body")).to_be_visible()
        page.goto(base + "/library/")
        expect(page.locator("#file")).to_have_attribute("accept", re.compile(r"\.html.*\.pdf.*\.docx"))

        # --- the saved web page ---------------------------------------------------------
        html_id = _upload_and_wait(page, base, html_file)
        expect(page.locator("h1")).to_have_text(VARNIA_TITLE)
        meta = page.locator(".meta")
        expect(meta).to_contain_text("12 May 2025")
        expect(meta).to_contain_text("by Ada Brightwater")
        body = page.locator(".body")
        expect(body).to_contain_text("Varnian President Mara Quell")
        expect(body).not_to_contain_text("Most read")  # the page's furniture was left out
        expect(page.locator("a.fact", has_text="Green Harbour Plan").first).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / "formats-html-ready.png"))
        with page.expect_download() as info:
            page.get_by_role("link", name="Download the original file").click()
        assert open(info.value.path(), "rb").read() == html_file.read_bytes()
        facts = _facts_of(page, base, html_id)
        expect(facts).to_contain_text("Mara Quell")
        expect(facts).to_contain_text("Green Harbour Plan")
        expect(facts).to_contain_text("10 May 2025")

        # --- the PDF --------------------------------------------------------------------
        pdf_id = _upload_and_wait(page, base, pdf_file)
        expect(page.locator("h1")).to_have_text(TESSALY_TITLE)
        expect(page.locator(".meta")).to_contain_text("4 March 2025")
        expect(page.locator(".meta")).to_contain_text("by Ben Okafor")
        expect(page.locator(".body")).to_contain_text(
            "President Oren Vale of Tessaly signed the Blue Fuel Accord on March 3, 2025, in the port city of Calder.")
        page.screenshot(path=str(ARTIFACTS / "formats-pdf-ready.png"))
        facts = _facts_of(page, base, pdf_id)
        expect(facts).to_contain_text("Oren Vale")
        expect(facts).to_contain_text("Blue Fuel Accord")
        expect(facts).to_contain_text("3 March 2025")

        assert not errors, errors
        # a file type we do not read is refused with the list of those we do (a 422: the
        # browser logs the status, which is the point here)
        odd = tmp_path / "notes.odt"
        odd.write_bytes(b"not read")
        page.goto(base + "/library/")
        page.set_input_files("#file", str(odd))
        page.get_by_role("button", name="Add article").click()
        expect(page.locator(".has-error")).to_contain_text("We read .txt, .md, .html/.htm, .pdf or .docx files")
        page.set_viewport_size({"width": 390, "height": 844})
        page.screenshot(path=str(ARTIFACTS / "formats-refused-phone.png"), full_page=True)
