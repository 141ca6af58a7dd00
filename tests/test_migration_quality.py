"""Migration 0011: questions retired before it count as the pipeline's retirements (``dropped_at``),
and the downgrade hands reviewers' holds and retirements back to what the pipeline says."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import MetaData, insert, select, text, update

from quizapp.extensions import db

from .conftest import empty_schema_app


@pytest.mark.slow
def test_0011_backfills_and_downgrades(tmp_path, monkeypatch):
    now = datetime.now(UTC).replace(tzinfo=None)
    with empty_schema_app(tmp_path, monkeypatch):
        upgrade(revision="0010")
        meta = MetaData()
        meta.reflect(db.engine)
        q = meta.tables["question"]
        with db.engine.begin() as conn:
            for qid, retired in ((1, None), (2, now)):
                conn.execute(insert(q).values(id=qid, uid=f"u{qid}", type="short_answer", prompt="Who?",
                                              answer="Ann", accepted=[], explanation="", difficulty=0.5,
                                              score=0.5, sources=[], origin="generated", created_at=now,
                                              updated_at=now, retired_at=retired))
        upgrade(revision="0011")
        with db.engine.begin() as conn:
            rows = dict(conn.execute(text("SELECT id, dropped_at FROM question ORDER BY id")).all())
            assert rows[1] is None and rows[2] is not None
            conn.execute(text("UPDATE question SET review_state = 'retired', retired_at = :now WHERE id = 1"),
                         {"now": now})
        downgrade(revision="0010")
        meta = MetaData()
        meta.reflect(db.engine)
        q = meta.tables["question"]
        assert "review_state" not in q.c and "dropped_at" not in q.c
        with db.engine.begin() as conn:
            rows = dict(conn.execute(select(q.c.id, q.c.retired_at).order_by(q.c.id)).all())
            assert rows[1] is None and rows[2] is not None  # the reviewer's retirement went with 0011
            conn.execute(update(q).values(retired_at=None))
