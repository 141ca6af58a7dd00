"""Small helpers shared by the views: htmx detection, pagination, owned-object lookup."""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort, render_template, request
from sqlalchemy import Select, func, select

from ..extensions import db
from .params import int_arg


def is_htmx() -> bool:
    return request.headers.get("HX-Request") == "true" and not request.headers.get(
        "HX-History-Restore-Request"
    )


def render(template: str, partial: str | None = None, **ctx):
    """Full page normally; only ``partial`` when htmx asked for a fragment."""
    if partial and is_htmx():
        return render_template(partial, **ctx)
    return render_template(template, **ctx)


@dataclass
class Page:
    items: list
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def paginate(stmt: Select, per_page: int = 25, rows: bool = False) -> Page:
    """One page of ``stmt`` (``?page=N``); ``rows=True`` keeps every selected column."""
    page = int_arg("page", 1, hi=100_000, clamp=True)
    total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    limited = stmt.limit(per_page).offset((page - 1) * per_page)
    result = db.session.execute(limited) if rows else db.session.scalars(limited)
    items = list(result)
    return Page(items, page, per_page, total)


def get_or_404(model, ident, **owner):
    """The object with id ``ident`` whose columns equal ``owner`` (e.g. owner_id=me), else 404.

    Other people's objects answer 404, not 403, so ids reveal nothing.
    """
    obj = db.session.get(model, ident)
    if obj is None or any(getattr(obj, k) != v for k, v in owner.items()):
        abort(404)
    return obj


def visible_article_titles() -> list:
    """(id, title) of the live articles the current user may see, for filter menus."""
    from flask_login import current_user

    from ..collections import access
    from ..models import Article

    return db.session.execute(
        select(Article.id, Article.title)
        .where(Article.retired_at.is_(None), Article.status == "ready",
               access.visible(Article.collection_id, current_user))
        .order_by(Article.title)
    ).all()
