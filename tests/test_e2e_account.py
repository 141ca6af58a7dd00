"""A user who forgot their password asks for a link, opens it from the mail (read from the log, as
a development server writes mail there), sets a new password, logs in with it, downloads their
data and deletes their account. Headless Chromium, real server, screenshots in test-artifacts/."""

from __future__ import annotations

import io
import logging
import re
import zipfile

import pytest
from playwright.sync_api import expect

from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser

EMAIL, NEW = "eve@example.com", "a fresh start 2024"


def _watch(page, errors):
    page.on("pageerror", lambda e: errors.append(str(e)))
    # (A 404 or 422 page is an answer here, not an error: Chromium logs those as failed loads.)
    page.on("console", lambda m: errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource") else None)


def _log_in(page, base, password):
    page.goto(base + "/auth/login")
    page.fill("#email", EMAIL)
    page.fill("#password", password)
    page.get_by_role("button", name="Log in").click()


def test_reset_login_download_and_delete(live_server, browser_page, make_user, caplog):
    caplog.set_level(logging.INFO, logger="quizapp.mail")
    make_user(EMAIL, "Eve Example")
    base, page, errors = live_server, browser_page, []
    _watch(page, errors)

    # --- forgot password: the same neutral answer, and a mail in the log ----------------------
    page.goto(base + "/auth/login")
    page.get_by_role("link", name="Forgot your password?").click()
    page.fill("#email", EMAIL)
    page.get_by_role("button", name="Send me a link").click()
    expect(page.locator(".flash.info")).to_contain_text("If an account uses that address")
    mails = [r.getMessage() for r in caplog.records if r.name == "quizapp.mail"]
    assert len(mails) == 1 and f"To: {EMAIL}" in mails[0]
    link = re.search(r"http://\S+/auth/reset/\S+", mails[0]).group(0)

    # --- the link: a new password, then log in with it ------------------------------------------
    page.goto(link)
    expect(page.locator("h1")).to_have_text("Choose a new password")
    page.fill("#password", NEW)
    page.fill("#confirm", NEW)
    page.screenshot(path=str(ARTIFACTS / "account-reset.png"), full_page=True)
    page.get_by_role("button", name="Save the new password").click()
    expect(page.locator(".flash.success")).to_contain_text("Your password was changed")
    _log_in(page, base, NEW)
    expect(page.locator(".flash.success")).to_contain_text("Logged in as Eve Example")
    page.goto(link)  # used once: it no longer works
    expect(page.locator("h1")).to_have_text("This link no longer works")

    # --- the account page, from the header menu: download my data --------------------------------
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Account").click()
    expect(page.locator("h1")).to_have_text("Your account")
    page.screenshot(path=str(ARTIFACTS / "account-settings.png"), full_page=True)
    with page.expect_download() as info:
        page.get_by_role("link", name="Download my data").click()
    download = info.value
    assert re.fullmatch(r"quizapp-data-\d{4}-\d{2}-\d{2}\.zip", download.suggested_filename)
    with open(download.path(), "rb") as fh:
        z = zipfile.ZipFile(io.BytesIO(fh.read()))
    assert {"profile.json", "answers.csv", "cards.json", "sets.json", "classes.json"} <= set(z.namelist())
    assert EMAIL in z.read("profile.json").decode()

    # --- delete my account ----------------------------------------------------------------------
    page.get_by_role("link", name="Delete my account").click()
    page.fill("#current_password", "not my password")
    page.get_by_role("button", name="Delete my account and my data").click()
    expect(page.locator(".error")).to_contain_text("not your password")
    page.fill("#current_password", NEW)
    page.screenshot(path=str(ARTIFACTS / "account-delete.png"), full_page=True)
    page.get_by_role("button", name="Delete my account and my data").click()
    expect(page.locator(".flash.info")).to_contain_text("Your account and your data were deleted")
    expect(page.get_by_role("link", name="Log in")).to_be_visible()  # logged out

    # --- and it is gone: the new password no longer logs in ----------------------------------------
    _log_in(page, base, NEW)
    expect(page.locator(".error")).to_contain_text("Wrong email or password")
    assert not errors, errors
