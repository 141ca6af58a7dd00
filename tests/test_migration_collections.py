"""Migration 0007 moves today's data into the Library: no article, fact, question, card, answer
or review is lost, raw facts become keyed rows, and the downgrade gives them back."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import MetaData, func, insert, select, text

from quizapp.extensions import db

from .conftest import empty_schema_app

RAW = [  # two raw facts as the extractor stored them in article.raw_facts before 0007
    {"id": "f1", "kind": "leader", "statement": "Wang Yi is the Foreign Minister of China.", "answer": "Wang Yi",
     "name": "Wang Yi", "role": "Foreign Minister", "country": "China", "confidence": 0.9,
     "sources": [{"article": "a.txt", "sentence": "Foreign Minister Wang Yi spoke.", "sentence_idx": 1}]},
    {"id": "f2", "kind": "mechanism", "statement": "The SCO is an organisation.", "answer": "SCO", "name": "SCO",
     "subtype": "acronym", "confidence": 0.8, "aliases": [],
     "sources": [{"article": "a.txt", "sentence": "The SCO met.", "sentence_idx": 2}]},
]


@pytest.mark.slow
def test_0007_keeps_every_row_and_moves_raw_facts(tmp_path, monkeypatch):
    now = datetime.now(UTC).replace(tzinfo=None)
    with empty_schema_app(tmp_path, monkeypatch):
        upgrade(revision="0006")
        meta = MetaData()
        meta.reflect(db.engine)
        t = meta.tables
        with db.engine.begin() as conn:
            conn.execute(insert(t["user"]).values(id=1, email="s@example.com", name="S", password_hash="x",
                                                  role="student", active=True, session_token="t", created_at=now,
                                                  quiz_counts_as_review=True, new_cards_per_day=20,
                                                  reviews_per_day=200, timezone="UTC"))
            conn.execute(insert(t["article"]).values(id=1, key="a.txt", title="A", content_hash="h" * 64,
                                                     raw_text="A\n\nForeign Minister Wang Yi spoke. The SCO met.",
                                                     word_count=8, created_at=now, updated_at=now, raw_facts=RAW,
                                                     facts_version="3"))
            conn.execute(insert(t["fact"]).values(id=1, uid="f1", kind="leader", statement="s", answer="Wang Yi",
                                                  aliases=[], data={}, confidence=0.9, source_count=1,
                                                  conflict=False, created_at=now, updated_at=now))
            for qid, origin, uid in ((1, "generated", "q1"), (2, "custom", None)):
                conn.execute(insert(t["question"]).values(id=qid, uid=uid, type="short_answer", prompt="Who?",
                                                          answer="Wang Yi", accepted=[], explanation="",
                                                          difficulty=0.5, score=0.5, sources=[], origin=origin,
                                                          created_at=now, updated_at=now))
            conn.execute(insert(t["card"]).values(id=1, user_id=1, fact_id=1, state=2, step=None, stability=3.0,
                                                  difficulty=5.0, due=now, last_review=now, suspended=False,
                                                  created_at=now))
        upgrade()
        with db.engine.connect() as conn:
            lib = conn.execute(text("SELECT id FROM collection WHERE kind = 'library'")).scalar_one()
            assert conn.execute(text("SELECT collection_id, status FROM article")).one() == (lib, "ready")
            assert conn.execute(text("SELECT collection_id FROM fact")).scalar_one() == lib
            assert dict(conn.execute(text("SELECT id, collection_id FROM question")).all()) == {1: lib, 2: None}
            assert conn.execute(text("SELECT count(*) FROM card")).scalar_one() == 1
            rows = conn.execute(text("SELECT data FROM raw_fact ORDER BY id")).scalars().all()
            assert [(r if isinstance(r, dict) else json.loads(r))["answer"] for r in rows] == ["Wang Yi", "SCO"]
            keys = set(conn.execute(text("SELECT key FROM raw_fact_key")).scalars())
            assert {"p:wang", "p:yi", "a:SCO"} <= keys
        downgrade(revision="0006")
        meta = MetaData()
        meta.reflect(db.engine)
        with db.engine.connect() as conn:
            back = conn.execute(select(meta.tables["article"].c.raw_facts)).scalar_one()
            back = json.loads(back) if isinstance(back, str) else back
            assert [f["answer"] for f in back] == ["Wang Yi", "SCO"]
            assert conn.execute(select(func.count()).select_from(meta.tables["question"])).scalar_one() == 2
