"""Ids and numbers from URLs and query strings, parsed in one place (see ``quizapp.bounds``):
paths take ids through ``IdConverter`` (registered as Flask's ``int``), query strings and forms
through ``int_arg``. An id that cannot exist answers 404, like one that does not."""

from __future__ import annotations

from flask import abort, request
from werkzeug.datastructures import MultiDict
from werkzeug.routing import IntegerConverter

from ..bounds import DB_INT_MAX


class IdConverter(IntegerConverter):
    """``<int:...>`` that matches only ids a database can hold: a larger one is a 404 like any
    id that does not exist (Werkzeug's own converter takes any number of digits)."""

    def __init__(self, map, *args, **kwargs):  # noqa: A002 (Werkzeug's name)
        kwargs.setdefault("max", DB_INT_MAX)
        super().__init__(map, *args, **kwargs)


def int_arg(name: str, default: int | None = None, *, lo: int = 1, hi: int = DB_INT_MAX,
            source: MultiDict | None = None, clamp: bool = False) -> int | None:
    """An integer query or form parameter (``source``: ``request.args`` by default).

    Missing, blank or not a whole number: ``default`` (as Flask's ``type=int`` does). A number
    outside ``lo``..``hi``: clamped into the range when ``clamp`` (page numbers), else a 404: an
    id that cannot exist names nothing."""
    values = request.args if source is None else source
    raw = (values.get(name) or "").strip()
    if not (raw.isascii() and raw.lstrip("-").isdigit()) or raw.count("-") > 1:
        return default
    value = int(raw) if len(raw) <= 20 else (hi + 1 if raw[0] != "-" else lo - 1)
    if lo <= value <= hi:
        return value
    if clamp:
        return max(lo, min(hi, value))
    abort(404)

