"""Thin views, one blueprint per area. Views parse input, call the pipeline modules, render."""

from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask) -> None:
    from . import auth, corpus, main

    app.register_blueprint(main.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(corpus.bp)
    main.register_error_handlers(app)
