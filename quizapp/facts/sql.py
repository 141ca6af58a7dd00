"""Small SQL helpers the fact store's look-ups share (by index, on both dialects)."""

from __future__ import annotations

import json

import orjson
from sqlalchemy import Integer, String, any_, bindparam, false
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session


def is_pg(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def among(column, values: set, pg: bool):
    """``column IN values``. On PostgreSQL one array parameter (``= ANY``) rather than a parameter
    per value: a thousand raw fact ids bound one by one cost more than the look-up they feed."""
    if not values:
        return false()
    if pg:
        item = Integer if isinstance(next(iter(values)), int) else String
        return column == any_(bindparam(None, sorted(values), type_=ARRAY(item)))
    return column.in_(sorted(values))


def _decode(text: str) -> dict:
    """A raw fact's stored JSON. orjson reads the same JSON several times faster; what it refuses
    (NaN, integers past 64 bits: never written by the extractor, but valid to ``json``) falls back."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)
