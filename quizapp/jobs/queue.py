"""The job queue: Huey, with its storage chosen by configuration.

Why Huey: one small library with an embedded backend (SQLite, a file beside the database: nothing
more to install or run for one host) and a distributed one (Redis, for several web and worker
hosts), the same task code on both, and a consumer we can start from our own CLI with the Flask
app already configured. Celery would need a broker even on one laptop.

The ``huey`` object is created once at import (tasks register on it) and pointed at the
configured storage by ``init_app``; ``quizapp worker`` runs its consumer.
"""

from __future__ import annotations

from urllib.parse import urlparse

from flask import Flask
from huey import Huey
from huey.storage import RedisStorage, SqliteStorage

huey = Huey("quizapp", results=False, utc=True, storage_class=SqliteStorage, filename=":memory:")


def storage_for(url: str):
    """The storage class and its arguments for a queue URL (``sqlite:///path`` or ``redis://…``)."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else parsed.path
        return SqliteStorage, {"filename": path or ":memory:"}
    if parsed.scheme in ("redis", "rediss", "unix"):
        return RedisStorage, {"url": url}
    raise ValueError(f"QUEUE_URL must be sqlite:///path or redis://host:port/db, not {url!r}")


def init_app(app: Flask) -> None:
    """Point the queue at the app's configured storage (once per process and URL)."""
    immediate = bool(app.config.get("QUEUE_IMMEDIATE"))
    url = app.config["QUEUE_URL"]
    huey.immediate = immediate  # immediate mode keeps its own in-memory storage
    if immediate:
        return
    cls, kwargs = storage_for(url)
    if getattr(huey, "_quizapp_url", None) != url:
        huey.storage_class = cls
        huey.storage_kwargs = kwargs
        huey.storage = huey.create_storage()
        huey._quizapp_url = url
    huey.flask_app = app
