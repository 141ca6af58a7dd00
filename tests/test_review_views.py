"""Review pages: decks, reveal, rate (no-JS and htmx), idempotent tokens, undo, cram, settings."""

import re

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Card, ReviewLog, User

HX = {"HX-Request": "true"}


@pytest.fixture
def bank(app, web_bank):
    app.config["STUDY_FUZZ"] = False
    return web_bank


def card_form(html: str) -> dict:
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', html.split("data-rating-form", 1)[1]))
    fields.pop("csrf_token", None)
    return fields


def logs(app):
    with app.app_context():
        return db.session.scalars(select(ReviewLog).order_by(ReviewLog.id)).all()


def test_deck_page(client, bank):
    html = client.get("/review/").data.decode()
    assert "All facts" in html and "Leaders" in html and "Summit in Dushanbe" in html
    assert "0 of 20 new cards" in html


def test_session_shows_front_with_intervals_and_no_js_reveal(client, bank):
    html = client.get("/review/study").data.decode()
    assert 'id="card-front"' in html and "6 new" in html
    # Buttons show the next interval of a new card: Again 1m, Hard 6m, Good 10m, Easy 8d.
    ivls = re.findall(r'<span class="rate-ivl">([^<]+)</span>', html)
    assert ivls == ["1m", "6m", "10m", "8d"]
    assert 'id="card-back" hidden' in html
    reveal = re.search(r'href="(/review/study\?[^"]*reveal=1[^"]*)"', html).group(1).replace("&amp;", "&")
    revealed = client.get(reveal).data.decode()
    assert 'id="card-back" hidden' not in revealed and 'class="answer"' in revealed


def test_rate_without_js_and_with_htmx(app, client, bank):
    html = client.get("/review/study").data.decode()
    form = card_form(html)
    r = client.post("/review/rate", data={**form, "rating": "3"})
    assert r.status_code == 303 and r.headers["Location"].endswith("/review/study?deck=all")
    html = client.get("/review/study").data.decode()
    form2 = card_form(html)
    assert form2["fact_id"] != form["fact_id"]
    r = client.post("/review/rate", data={**form2, "rating": "4"}, headers=HX)
    assert r.status_code == 200 and b"<html" not in r.data and b'id="card-front"' in r.data
    got = logs(app)
    assert [(g.rating, g.kind, g.card_state) for g in got] == [(3, "review", 0), (4, "review", 0)]


def test_resubmitted_rating_is_recorded_once(app, client, bank):
    form = card_form(client.get("/review/study").data.decode())
    client.post("/review/rate", data={**form, "rating": "3"})
    r = client.post("/review/rate", data={**form, "rating": "1"})
    assert r.status_code == 303
    got = logs(app)
    assert len(got) == 1 and got[0].rating == 3


def test_stale_form_from_another_tab_is_not_recorded(app, client, bank):
    form = card_form(client.get("/review/study").data.decode())
    client.post("/review/rate", data={**form, "rating": "3"})
    r = client.post("/review/rate", data={**form, "token": "another-tab", "rating": "1"}, headers=HX)
    assert r.status_code == 200 and b"already answered" in r.data
    assert len(logs(app)) == 1


def test_undo_restores_and_shows_the_card_again(app, client, bank):
    form = card_form(client.get("/review/study").data.decode())
    client.post("/review/rate", data={**form, "rating": "4"})
    with app.app_context():
        card = db.session.scalar(select(Card))
        assert card.state == 2
    r = client.post("/review/undo", data={"deck": "all"})
    assert r.status_code == 303 and f"focus={form['fact_id']}" in r.headers["Location"]
    page = client.get(r.headers["Location"]).data.decode()
    assert card_form(page)["fact_id"] == form["fact_id"] and "Undone" in page
    with app.app_context():
        assert db.session.scalar(select(Card)).state == 0
    assert logs(app) == []
    r = client.post("/review/undo", data={"deck": "all"}, headers=HX)
    assert r.status_code == 200 and b"There is no review to undo." in r.data


def test_other_user_cannot_undo_my_review(app, client, bank, auth):
    form = card_form(client.get("/review/study").data.decode())
    client.post("/review/rate", data={**form, "rating": "3"})
    auth.logout()
    auth.login("other@example.com")
    client.post("/review/undo", data={"deck": "all"})
    assert len(logs(app)) == 1
    # Replaying my form's token as another user records nothing and reveals nothing.
    r = client.post("/review/rate", data={**form, "rating": "1"})
    assert r.status_code == 422 and len(logs(app)) == 1


def test_all_done_and_cram(app, client, bank):
    client.post("/review/settings", data={"new_cards_per_day": "2", "reviews_per_day": "50", "timezone": "UTC",
                                          "quiz_counts_as_review": "y"})
    for _ in range(2):
        form = card_form(client.get("/review/study").data.decode())
        client.post("/review/rate", data={**form, "rating": "4"})
    done = client.get("/review/study").data.decode()
    assert "All done for today!" in done and "in 8 days" in done and "4 new cards wait for tomorrow" in done
    r = client.get("/review/study?deck=all&mode=cram")
    assert r.status_code == 302
    cram_url = r.headers["Location"]
    with app.app_context():
        before = [(c.id, c.due, c.stability) for c in db.session.scalars(select(Card).order_by(Card.id))]
    for _ in range(2):
        html = client.get(cram_url).data.decode()
        assert "no change" in html
        form = card_form(html)
        assert form["mode"] == "cram"
        client.post("/review/rate", data={**form, "rating": "1"})
    assert "Nothing left to review ahead" in client.get(cram_url).data.decode()
    with app.app_context():
        after = [(c.id, c.due, c.stability) for c in db.session.scalars(select(Card).order_by(Card.id))]
    assert after == before
    assert [g.kind for g in logs(app)] == ["review", "review", "cram", "cram"]


def test_bad_input(client, bank):
    assert client.get("/review/study?deck=article:9999").status_code == 404
    assert client.get("/review/study?deck=kind:colour").status_code == 404
    form = card_form(client.get("/review/study").data.decode())
    r = client.post("/review/rate", data={**form, "rating": "7"})
    assert r.status_code == 422 and b"Choose Again, Hard, Good or Easy." in r.data
    assert client.post("/review/rate", data={"deck": "all", "rating": "3"}).status_code == 400
    r = client.post("/review/settings", data={"new_cards_per_day": "-1", "reviews_per_day": "x", "timezone": "Mars/Base"})
    assert r.status_code == 422 and b"Between 0 and 500." in r.data and b"Choose a time zone" in r.data


def test_settings_saved(app, client, bank):
    html = client.get("/review/settings").data.decode()
    assert 'value="20"' in html and "checked" in html
    r = client.post("/review/settings", data={"new_cards_per_day": "7", "reviews_per_day": "70",
                                               "timezone": "Europe/Berlin", "quiz_counts_as_review": "y"})
    assert r.status_code == 303
    with app.app_context():
        u = db.session.scalar(select(User).where(User.email == "student@example.com"))
        assert (u.new_cards_per_day, u.reviews_per_day, u.timezone, u.quiz_counts_as_review) == (7, 70, "Europe/Berlin", True)


def test_review_posts_need_csrf(app, client, bank):
    form = card_form(client.get("/review/study").data.decode())
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        assert client.post("/review/rate", data={**form, "rating": "3"}).status_code == 400
        assert client.post("/review/undo", data={"deck": "all"}).status_code == 400
        assert client.post("/review/settings", data={"new_cards_per_day": "1"}).status_code in (400, 422)
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 0


def test_anonymous_redirected(client):
    assert client.get("/review/").status_code == 302
    assert client.post("/review/rate").status_code in (302, 400)
