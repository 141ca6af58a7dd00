"""A card's scheduling columns as plain values, and the plain statements that read and write them.

Both hot writes use these: rating a flashcard (``reviews``) and answering a quiz question, which may
review the fact's card as well (``answers``). Both write with plain statements (``Prepared``) rather
than the ORM's unit of work, so the two helpers that takes live here too: inserting a row with the
given columns, and showing written values on an entity the session already has loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from ..models import Card
from ..prepared import Prepared
from .scheduler import CardState

CARD_COLUMNS = ("id", "suspended", *("state", "step", "stability", "difficulty", "due", "last_review"))


@dataclass
class CardRow:
    """A card's scheduling columns as plain values, read or written by the two hottest writes
    (``card_state``, ``card_seed`` and ``card_version`` take it as they take a ``Card``)."""

    id: int
    suspended: bool
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime | None
    last_review: datetime | None


def card_state(card: Card | CardRow | None) -> CardState:
    if card is None:
        return CardState()
    return CardState(card.state, card.step, card.stability, card.difficulty, card.due, card.last_review)


def card_version(card: Card | CardRow | None) -> str:
    """Changes with every review (and back on undo): a rating form carries it to detect staleness."""
    if card is None or card.last_review is None:
        return "new"
    return card.last_review.isoformat()


SCHEDULE_COLUMNS = ("state", "step", "stability", "difficulty", "due", "last_review")


def schedule_values(st: CardState, now: datetime) -> dict[str, Any]:
    """A card's columns for the scheduling state ``st`` (a new card is due at once)."""
    values = (st.state, st.step, st.stability, st.difficulty, st.due or now, st.last_review)
    return dict(zip(SCHEDULE_COLUMNS, values, strict=True))


def apply_schedule(card: Card, st: CardState, now: datetime) -> None:
    for name, value in schedule_values(st, now).items():
        setattr(card, name, value)


def _card_row_stmt(_dialect: str):
    # Locked (PostgreSQL): a rating of the same card in another tab must not start from the same old state.
    card = Card.__table__
    return (
        select(*(card.c[n] for n in CARD_COLUMNS))
        .where(card.c.user_id == bindparam("user_id"), card.c.fact_id == bindparam("fact_id"))
        .with_for_update()
    )


CARD_ROW = Prepared(_card_row_stmt)


STORE_SCHEDULE = Prepared(
    lambda _dialect: update(Card.__table__).where(Card.id == bindparam("card_id")).values(
        {n: bindparam(f"new_{n}") for n in SCHEDULE_COLUMNS}
    )
)


def schedule_params(card: CardRow, values: dict[str, Any]) -> dict[str, Any]:
    """Parameters of ``STORE_SCHEDULE`` for the card's new schedule ``values``."""
    return {"card_id": card.id, **{f"new_{k}": v for k, v in values.items()}}


def store_schedule(session: Session, conn, card: CardRow, st: CardState, now: datetime) -> None:
    """Write the card's new schedule with one statement, and show it on ``card`` and on the
    card's entity if the session has one loaded."""
    values = schedule_values(st, now)
    STORE_SCHEDULE.rows(conn, schedule_params(card, values))
    for name, value in values.items():
        setattr(card, name, value)
    show_loaded(session, Card, card.id, values)


def show_loaded(session: Session, model, ident: int, values: dict[str, Any]) -> None:
    """Show values already written with a plain statement on the row's entity, if this session has
    it loaded (nothing left for the ORM to flush, and no stale copy for the rest of the request)."""
    obj = session.identity_map.get(session.identity_key(model, ident))
    if obj is not None:
        for name, value in values.items():
            set_committed_value(obj, name, value)


@cache
def insert_stmt(model, fields: tuple[str, ...]) -> Prepared:
    """Insert one row of ``model`` with exactly these columns, returning its id."""
    table = model.__table__
    return Prepared(lambda _dialect: insert(table).values({n: bindparam(n) for n in fields}).returning(table.c.id))
