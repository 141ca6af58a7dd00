"""The dashboard is kept per worker while the student's data is unchanged, and never shown stale.

Each test looks at the page a student sees after something changed: a rating through the app, a
write made elsewhere (another worker), an undo, time passing a card's due moment, a corpus change
after the snapshot's maximum age. The files a host's workers share are checked too: used by the
other worker, never trusted when altered, swept when old, and never a reason for an error page.
"""

import os
import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Article, Card, FactSource, User, utcnow
from quizapp.pipeline import refresh_derived
from quizapp.study import progress as pg
from quizapp.study.answers import answer_item
from quizapp.study.quizzes import start_quiz
from quizapp.study.reviews import next_card, review_card
from quizapp.study.scheduler import LEARNING, StudyScheduler
from quizapp.study.scope import Deck
from quizapp.study.snapshots import Snapshot, SnapshotCache, SnapshotFiles
from quizapp.web import progress as progress_view

from .test_study_data import build_bank

T0 = datetime(2026, 3, 11, 9, 0, tzinfo=UTC)


def test_snapshot_cache_hits_misses_expiry_and_size():
    cache = SnapshotCache(2)
    cache.put("a", (1,), T0 + timedelta(minutes=1), "A1")
    assert cache.get("a", (1,), T0) == "A1"
    assert cache.get("a", (2,), T0) is None  # the data changed: dropped
    assert cache.get("a", (1,), T0) is None
    cache.put("a", (1,), T0 + timedelta(minutes=1), "A1")
    assert cache.get("a", (1,), T0 + timedelta(minutes=1)) is None  # valid *until*, not through
    cache.put("a", (1,), T0 + timedelta(minutes=1), "A")
    cache.put("b", (1,), T0 + timedelta(minutes=1), "B")
    assert cache.get("a", (1,), T0) == "A"  # a is now the most recently used
    cache.put("c", (1,), T0 + timedelta(minutes=1), "C")
    assert len(cache) == 2 and cache.get("b", (1,), T0) is None and cache.get("a", (1,), T0) == "A"
    off = SnapshotCache(0)
    off.put("a", (1,), T0 + timedelta(minutes=1), "A")
    assert off.get("a", (1,), T0) is None and len(off) == 0


@pytest.fixture
def student(app, make_user):
    uid = make_user()
    with app.app_context():
        build_bank(db.session)
    return uid


@pytest.fixture
def computed(monkeypatch):
    """Counts how often the dashboard is computed rather than taken from the snapshot."""
    calls = []
    real = progress_view._dashboard_context

    def counting(user, now):
        calls.append(now)
        return real(user, now)

    monkeypatch.setattr(progress_view, "_dashboard_context", counting)
    return calls


@pytest.fixture
def clock(monkeypatch):
    """The dashboard's clock, set by the test."""
    now = {"t": T0}
    monkeypatch.setattr(progress_view, "utcnow", lambda: now["t"])
    return now


def _tile(html: str, tile_id: str) -> str:
    return re.search(rf'id="{tile_id}">([^<]*)<', html).group(1).strip()


def _due_right_now(html: str) -> int:
    return int(re.search(r"(\d+) due right now", html).group(1))


def _rate_in_app(client, rating="3"):
    html = client.get("/review/study").data.decode()
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', html.split("data-rating-form")[1]))
    r = client.post("/review/rate", data={**fields, "rating": rating})
    assert r.status_code in (200, 303)
    return fields


def _rate_elsewhere(app, uid, now, rating=3):
    """A rating committed outside this client's requests, as another worker would."""
    with app.app_context():
        user = db.session.get(User, uid)
        start, end = pg.day_bounds(now, "UTC")
        card = next_card(db.session, user, Deck(), now=now, day_start=start, day_end=end)
        review_card(db.session, user, card.fact.id, rating, now=now, scheduler=StudyScheduler())
        db.session.commit()


def test_a_second_view_is_not_computed_again(client, auth, student, computed):
    auth.login()
    first = client.get("/progress/").data.decode()
    second = client.get("/progress/").data.decode()
    assert len(computed) == 1
    assert _tile(first, "cards-studied") == _tile(second, "cards-studied") == "0"


def test_a_rating_in_the_app_shows_at_once(client, auth, student, computed):
    auth.login()
    assert _tile(client.get("/progress/").data.decode(), "cards-studied") == "0"
    _rate_in_app(client)
    after = client.get("/progress/").data.decode()
    assert _tile(after, "cards-studied") == "1" and _tile(after, "streak") == "1 day"
    assert len(computed) == 2


def test_a_write_from_another_worker_shows_at_once(app, client, auth, student, computed):
    auth.login()
    client.get("/progress/")
    _rate_elsewhere(app, student, datetime.now(UTC))
    assert _tile(client.get("/progress/").data.decode(), "cards-studied") == "1"


def test_an_undo_shows_at_once(app, client, auth, student):
    auth.login()
    fields = _rate_in_app(client)
    assert _tile(client.get("/progress/").data.decode(), "cards-studied") == "1"
    r = client.post("/review/undo", data={k: v for k, v in fields.items() if k in ("csrf_token", "deck", "mode")})
    assert r.status_code in (200, 303)
    with app.app_context():
        assert db.session.scalar(select(Card.state)) == 0  # the card is new again
    assert _tile(client.get("/progress/").data.decode(), "cards-studied") == "0"


def test_a_card_falling_due_shows_without_new_study(app, client, auth, student, clock, computed):
    _rate_elsewhere(app, student, T0 - timedelta(minutes=1))  # Good on a new card: a learning step
    with app.app_context():
        card = db.session.scalars(select(Card)).one()
        assert card.state == LEARNING and T0 < card.due < T0 + timedelta(hours=1)
        due = card.due
    app.config["DASHBOARD_SNAPSHOT_SECONDS"] = 3600  # so only the card's due time can end the snapshot
    auth.login()
    assert _due_right_now(client.get("/progress/").data.decode()) == 0
    clock["t"] = due - timedelta(seconds=1)
    assert _due_right_now(client.get("/progress/").data.decode()) == 0
    assert len(computed) == 1  # nothing changed yet: the snapshot served it
    clock["t"] = due
    assert _due_right_now(client.get("/progress/").data.decode()) == 1
    assert len(computed) == 2


def test_a_new_day_is_computed_afresh(app, client, auth, student, clock, computed):
    app.config["DASHBOARD_SNAPSHOT_SECONDS"] = 24 * 3600
    auth.login()
    client.get("/progress/")
    clock["t"] = datetime(2026, 3, 12, tzinfo=UTC)  # midnight in the student's zone (UTC)
    client.get("/progress/")
    assert len(computed) == 2


def test_corpus_changes_show_within_the_maximum_age(app, client, auth, student, clock):
    _rate_elsewhere(app, student, T0 - timedelta(days=1))
    auth.login()
    assert _tile(client.get("/progress/").data.decode(), "cards-studied") == "1"
    with app.app_context():  # the card's articles are removed from the library
        card = db.session.scalars(select(Card)).one()
        article_ids = list(db.session.scalars(select(FactSource.article_id).where(FactSource.fact_id == card.fact_id)))
        for a in article_ids:
            db.session.get(Article, a).retired_at = utcnow()
        refresh_derived(db.session, article_ids)
        db.session.commit()
    clock["t"] = T0 + timedelta(seconds=app.config["DASHBOARD_SNAPSHOT_SECONDS"])
    assert _tile(client.get("/progress/").data.decode(), "cards-studied") == "0"  # its fact retired


def test_students_never_see_each_others_snapshot(app, client, auth, make_user, student):
    auth.login()
    _rate_in_app(client)
    assert _tile(client.get("/progress/").data.decode(), "cards-studied") == "1"
    auth.logout()
    make_user("other@example.com", "Olly Other")
    auth.login("other@example.com")
    assert _tile(client.get("/progress/").data.decode(), "cards-studied") == "0"


def test_snapshots_can_be_turned_off(app, client, auth, student, computed):
    app.config["DASHBOARD_SNAPSHOT_SECONDS"] = 0
    auth.login()
    client.get("/progress/")
    client.get("/progress/")
    assert len(computed) == 2


def test_a_quiz_answer_shows_at_once(app, client, auth, student):
    from .test_quiz_store import right_form

    with app.app_context():  # answers only: no flashcard review comes with them
        db.session.get(User, student).quiz_counts_as_review = False
        db.session.commit()
    auth.login()
    assert "No quiz answers yet" in client.get("/progress/").data.decode()
    with app.app_context():
        user = db.session.get(User, student)
        quiz = start_quiz(db.session, user, scope_kind="corpus", scope_ref=None, length=1, mode="practice")
        item = quiz.items[0]
        answer_item(db.session, user, quiz, item, right_form(item.question, item.id), now=utcnow())
        db.session.commit()
    html = client.get("/progress/").data.decode()
    assert "No quiz answers yet" not in html and "Quiz accuracy by kind of fact" in html


def _second_worker(app):
    """Another app on the same database, instance and secret: as a second gunicorn worker is."""
    from quizapp import create_app

    return create_app({k: v for k, v in app.config.items() if k.isupper()})


def test_a_snapshot_is_shared_with_the_hosts_other_workers(app, client, auth, student, computed):
    auth.login()
    _rate_in_app(client)
    first = client.get("/progress/").data.decode()
    other = _second_worker(app).test_client()
    other.post("/auth/login", data={"email": "student@example.com", "password": "correct horse 42"})
    seen_there = other.get("/progress/").data.decode()
    assert len(computed) == 1  # computed by the first worker only
    assert _tile(seen_there, "cards-studied") == _tile(first, "cards-studied") == "1"
    _rate_in_app(other)  # new study through the second worker: both see it
    assert _tile(client.get("/progress/").data.decode(), "cards-studied") == "2"
    assert len(computed) == 2


def test_a_tampered_or_broken_snapshot_file_is_recomputed(app, client, auth, student, computed):
    auth.login()
    client.get("/progress/")
    files = list(Path(app.config["DASHBOARD_SNAPSHOT_DIR"]).glob("*.snap"))
    assert len(files) == 1
    data = files[0].read_bytes()
    files[0].write_bytes(data[:40] + bytes([data[40] ^ 1]) + data[41:])  # one bit changed
    other = _second_worker(app).test_client()
    other.post("/auth/login", data={"email": "student@example.com", "password": "correct horse 42"})
    assert other.get("/progress/").status_code == 200 and len(computed) == 2
    files[0].write_bytes(b"not a snapshot")
    third = _second_worker(app).test_client()
    third.post("/auth/login", data={"email": "student@example.com", "password": "correct horse 42"})
    assert third.get("/progress/").status_code == 200 and len(computed) == 3


def test_an_unwritable_snapshot_dir_only_costs_the_sharing(app, client, auth, student, tmp_path, computed):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the directory should be")
    app.config["DASHBOARD_SNAPSHOT_DIR"] = str(blocker)
    auth.login()
    assert client.get("/progress/").status_code == 200
    assert client.get("/progress/").status_code == 200 and len(computed) == 1  # this worker still keeps it


def test_old_snapshot_files_are_swept(tmp_path):
    files = SnapshotFiles(tmp_path, "secret", max_age_s=60)
    files.put(1, Snapshot((1,), T0, "old"))
    files.put(2, Snapshot((1,), T0, "new"))
    old = files._path(1)
    os.utime(old, (time.time() - 120, time.time() - 120))
    assert files.sweep() == 1
    assert not old.exists() and files._path(2).exists()
    assert files.get(2, (1,), T0 - timedelta(seconds=1)) == Snapshot((1,), T0, "new")
    assert files.get(2, (2,), T0 - timedelta(seconds=1)) is None  # another fingerprint
    assert SnapshotFiles(tmp_path, "other secret", 60).get(2, (1,), T0 - timedelta(seconds=1)) is None
