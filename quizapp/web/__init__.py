"""Thin views, one blueprint per area. Views parse input, call the pipeline modules, render."""

from __future__ import annotations

from flask import Flask

# (module, blueprint) in pipeline order: corpus → facts → questions → study → progress → teaching.
AREAS = ("main", "auth", "corpus", "facts", "bank", "study", "review", "progress", "sets", "classes", "library",
         "collections", "account", "admin", "curation")


def register_blueprints(app: Flask) -> None:
    from importlib import import_module

    for name in AREAS:
        module = import_module(f"{__name__}.{name}")
        app.register_blueprint(module.bp)
        if hasattr(module, "init_app"):
            module.init_app(app)
    import_module(f"{__name__}.main").register_error_handlers(app)
