"""Migration 0013: ``article.source`` becomes text (a long address fits), and the downgrade keeps
the first 200 characters of one that does not fit the old column."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import MetaData, insert, select

from quizapp.extensions import db

from .conftest import empty_schema_app


@pytest.mark.slow
def test_0013_widens_the_source_and_downgrades(tmp_path, monkeypatch):
    now = datetime.now(UTC).replace(tzinfo=None)
    url = "https://news.example.org/a/" + "x" * 300
    with empty_schema_app(tmp_path, monkeypatch):
        upgrade(revision="0013")
        meta = MetaData()
        meta.reflect(db.engine)
        a, c = meta.tables["article"], meta.tables["collection"]
        with db.engine.begin() as conn:
            cid = conn.execute(select(c.c.id).limit(1)).scalar()
            conn.execute(insert(a).values(id=1, collection_id=cid, key="a.txt", title="A", content_hash="h" * 64,
                                          raw_text="A\n\nText.", word_count=1, source=url, created_at=now,
                                          updated_at=now, status="ready", progress=100))
            assert conn.execute(select(a.c.source)).scalar() == url
        downgrade(revision="0012")
        meta = MetaData()
        meta.reflect(db.engine)
        with db.engine.begin() as conn:
            assert conn.execute(select(meta.tables["article"].c.source)).scalar() == url[:200]
        upgrade()
