"""The ingest job through a real queue and a real worker process (``quizapp worker``).

The rest of the suite runs jobs inside the request (``QUEUE_IMMEDIATE``); here the upload only
queues, a separate process picks the job up from the queue's storage (SQLite by default; Redis
when ``QUEUE_TEST_REDIS_URL`` names a server, as CI does) and the article becomes ready.
"""

from __future__ import annotations

import os
import time

import pytest

from quizapp.extensions import db
from quizapp.models import Article, Fact, Question

from .conftest import queued_app, worker_process

ARTICLE = """Ministers agree on river basin fund

Published: March 3, 2025

Water Minister Amara Kellendt of Zambia met Energy Minister Tobias Ruhwald of Namibia in Lusaka on Monday.
The two ministers agreed to set up a joint fund for the Zambezi basin through the Southern African
Development Community (SADC). Kellendt said the fund aims to protect farmers from drought.
"""

BACKENDS = ["sqlite"]
if os.environ.get("QUEUE_TEST_REDIS_URL"):
    BACKENDS.append("redis")


def _wait_for(check, timeout: float, what: str):
    """Poll ``check`` until it returns something truthy; the deadline is generous on purpose
    (a busy machine), the loop ends as soon as the condition holds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_upload_is_processed_by_a_separate_worker(_migrated, tmp_path, monkeypatch, backend):
    queue_url = None
    if backend == "redis":
        queue_url = os.environ["QUEUE_TEST_REDIS_URL"]
        import redis

        redis.Redis.from_url(queue_url).flushdb()
    app, env = queued_app(_migrated, tmp_path, monkeypatch, queue_url)
    from quizapp.auth import create_user

    with app.app_context():
        create_user(db.session, "learner@example.com", "Lee", "correct horse 42")
        db.session.commit()
    client = app.test_client()
    assert client.post("/auth/login", data={"email": "learner@example.com", "password": "correct horse 42"}).status_code == 303
    r = client.post("/library/", data={"text": ARTICLE})
    assert r.status_code == 303
    article_id = int(r.headers["Location"].rstrip("/").rsplit("/", 1)[-1])
    with app.app_context():
        assert db.session.get(Article, article_id).status == "queued"  # nothing ran in the request
    assert "Waiting for a worker" in client.get(r.headers["Location"]).get_data(as_text=True)

    log = tmp_path / "worker.log"
    with worker_process(env, log):
        def ready():
            with app.app_context():
                article = db.session.get(Article, article_id)
                db.session.rollback()
                return article.status if article.status in ("ready", "failed") else None

        assert _wait_for(ready, 300, "the worker to process the article") == "ready"
    out = log.read_text()
    with app.app_context():
        facts = db.session.query(Fact).filter_by(collection_id=db.session.get(Article, article_id).collection_id).all()
        assert any(f.kind == "leader" and "Kellendt" in f.answer for f in facts), out
        assert db.session.query(Question).filter(Question.collection_id == facts[0].collection_id).count() > 0
        db.session.remove()
        db.engine.dispose()
    page = client.get(f"/articles/{article_id}").get_data(as_text=True)
    assert "Quiz me on this article" in page


def test_a_failed_job_says_so_leaves_nothing_half_written_and_can_be_retried(app, client, make_user, auth,
                                                                            monkeypatch):
    import quizapp.facts.store as fstore
    from quizapp.models import FactSource, RawFact

    make_user()
    auth.login()
    real = fstore.extract_raw_facts
    calls = {"n": 0}

    def broken_then_fine(articles):
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("the NLP model fell over")
        return real(articles)

    monkeypatch.setattr(fstore, "extract_raw_facts", broken_then_fine)
    r = client.post("/library/", data={"text": ARTICLE})
    assert r.status_code == 303
    article_id = int(r.headers["Location"].rstrip("/").rsplit("/", 1)[-1])
    page = client.get(r.headers["Location"]).get_data(as_text=True)
    assert "We could not process this article" in page and "Try again" in page
    with app.app_context():
        article = db.session.get(Article, article_id)
        assert article.status == "failed" and "RuntimeError" in article.error
        assert db.session.query(RawFact).filter_by(article_id=article_id).count() == 0
        assert db.session.query(FactSource).filter_by(article_id=article_id).count() == 0
    r = client.post(f"/library/{article_id}/retry")
    assert r.status_code == 303
    assert "Quiz me on this article" in client.get(f"/articles/{article_id}").get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Article, article_id).status == "ready"
        assert db.session.query(FactSource).filter_by(article_id=article_id).count() > 0
