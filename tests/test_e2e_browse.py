"""A person opens the home page, follows a link to an article and sees its title."""

import pytest
from playwright.sync_api import expect

from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser


def test_home_to_article(live_server, browser_page):
    page = browser_page
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(live_server + "/")
    assert page.locator("h1").first.inner_text() == "Study the news, not just read it."
    page.get_by_role("link", name="Wang Yi: China and Russia Should Strengthen Strategic Communication on Afghanistan").click()
    page.wait_for_url("**/articles/*")
    assert page.locator("h1").inner_text() == "Wang Yi: China and Russia Should Strengthen Strategic Communication on Afghanistan"
    assert "16 August 2021" in page.locator(".meta").inner_text()
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)
    page.goto(live_server + "/articles/")
    page.fill("#q", "Lavrov")
    expect(page.locator("#article-rows tbody tr")).to_have_count(1)
    assert "q=Lavrov" in page.url  # htmx pushed the search into the address bar
    page.screenshot(path=str(ARTIFACTS / "articles-search.png"))
    assert errors == [], errors
