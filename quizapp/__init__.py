"""quizapp: news articles in, quizzes and spaced-repetition flashcards out.

The pipeline is visible in the package: ``corpus`` (read and store articles) → ``facts`` (extract)
→ ``questions`` (generate) → ``study`` (quizzes, reviews) → ``progress``; ``web`` holds thin views.
"""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_path=os.environ.get("QUIZAPP_INSTANCE") or str(PROJECT_ROOT / "instance"),
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    os.makedirs(app.instance_path, exist_ok=True)

    from .config import default_config

    app.config.from_mapping(default_config(app.instance_path))
    if test_config is not None:
        app.config.from_mapping(test_config)

    from . import db_setup, security
    from .extensions import csrf, db, limiter, login_manager, migrate

    db.init_app(app)
    db_setup.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"), render_as_batch=True)
    _allow_article_uploads(app)  # before CSRF reads the form
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    security.init_app(app)

    from .jobs import queue

    queue.init_app(app)

    from . import cli
    from .web import register_blueprints
    from .web.params import IdConverter

    app.url_map.converters["int"] = IdConverter  # before any route is added: ids a database can hold
    register_blueprints(app)
    cli.init_app(app)
    return app


def _allow_article_uploads(app: Flask) -> None:
    """The article upload form takes files up to MAX_UPLOAD_BYTES (a PDF with photos); every other
    request keeps MAX_CONTENT_LENGTH. Runs before CSRFProtect parses the form."""
    from flask import request

    @app.before_request
    def _article_upload_size() -> None:
        if request.endpoint == "library.add" and request.method == "POST":
            request.max_content_length = max(app.config["MAX_CONTENT_LENGTH"] or 0,
                                             app.config["MAX_UPLOAD_BYTES"] + 256 * 1024)
