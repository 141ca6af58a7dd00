"""Flashcard reviews: a deck's queue (counts under the day's limits, the next card to show,
every deck's overview), a card's front and back, rating a card, and undoing a rating.

Rating is the second hottest write: one plain statement reads the card (locked on PostgreSQL, so two
tabs take turns) and the log and new schedule are written with plain statements (``cards``). A
resubmitted form (the same ``client_token``) returns the first result, and rating a card that
changed since the page was shown raises ``StaleCard``. Which facts a deck holds is ``scope``'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import and_, bindparam, case, exists, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, lazyload

from ..models import (
    FACT_KINDS,
    Article,
    Card,
    Fact,
    FactSource,
    Question,
    ReviewLog,
    Sentence,
    User,
    question_fact,
    utcnow,
)
from ..prepared import Prepared
from .cards import (
    CARD_COLUMNS,
    CARD_ROW,
    CardRow,
    apply_schedule,
    card_state,
    card_version,
    insert_stmt,
    store_schedule,
)
from .errors import ScopeNotFound, StaleCard, StudyError
from .scheduler import NEW, RATINGS, REVIEW, CardState, StudyScheduler, card_seed
from .scope import FRONT_TYPES, Deck, deck_filter, deck_ref, not_suspended
from .sql import CREATE_CARD, count_where, reader


def _card_join(user_id: int | None):
    """Card of the fact for the user (``user_id=None``: the ``card_user`` parameter, bound later)."""
    return and_(Card.fact_id == Fact.id, Card.user_id == bindparam("card_user", user_id))


@dataclass(frozen=True)
class DayCounts:
    new_done: int  # new cards introduced today (first scheduled review)
    reviews_done: int  # scheduled reviews of review-state cards today
    total_done: int  # every review and cram today


def day_counts(session: Session, user: User, day_start: datetime) -> DayCounts:
    row = reader(session).execute(_day_counts_stmt(), {"user_id": user.id, "day_start": day_start}).one()
    return DayCounts(int(row[0]), int(row[1]), int(row[2]))


@cache
def _day_counts_stmt():
    is_review = ReviewLog.kind == "review"
    return select(
        count_where(is_review, ReviewLog.card_state == NEW),
        count_where(is_review, ReviewLog.card_state == REVIEW),
        func.count(),
    ).where(
        ReviewLog.user_id == bindparam("user_id"),
        ReviewLog.reviewed_at >= bindparam("day_start"),
        ReviewLog.kind.in_(("review", "cram")),
    )


@dataclass(frozen=True)
class QueueCounts:
    learning: int  # learning/relearning cards due now
    review: int  # review cards due today (before the limit)
    new: int  # facts not yet studied (before the limit)
    new_today: int  # new cards that may still be introduced today
    review_today: int  # review cards that may still be shown today

    @property
    def due_now(self) -> int:
        return self.learning + self.review_today

    @property
    def total(self) -> int:
        return self.learning + self.review_today + self.new_today


def _queue_columns(now: datetime, day_end: datetime):
    return (
        count_where(Card.state.in_((1, 3)), Card.due <= now).label("learning"),
        count_where(Card.state == REVIEW, Card.due < day_end).label("review"),
        count_where(or_(Card.id.is_(None), Card.state == NEW)).label("new"),
    )


def _limited(user: User, done: DayCounts, learning: int, review: int, new: int) -> QueueCounts:
    return QueueCounts(
        learning=learning,
        review=review,
        new=new,
        new_today=max(0, min(new, user.new_cards_per_day - done.new_done)),
        review_today=max(0, min(review, user.reviews_per_day - done.reviews_done)),
    )


def queue_counts(
    session: Session, user: User, deck: Deck, *, now: datetime, day_start: datetime, day_end: datetime
) -> QueueCounts:
    """How many cards the deck has due now / today / new, and how many the day limits still allow."""
    params = {"card_user": user.id, "deck_ref": deck_ref(deck), "now": now, "day_end": day_end}
    row = reader(session).execute(_queue_counts_stmt(deck.kind), params).one()
    return _limited(user, day_counts(session, user, day_start), int(row[0]), int(row[1]), int(row[2]))


@cache
def _queue_counts_stmt(deck_kind: str):
    # Built once per deck kind (see ``_due_card_stmt``): the review page and dashboard show it.
    return (
        select(*_queue_columns(bindparam("now"), bindparam("day_end")))
        .select_from(Fact)
        .outerjoin(Card, _card_join(None))
        .where(deck_filter(Deck(deck_kind), bound=False), not_suspended())
    )


@dataclass(frozen=True)
class DeckRow:
    deck: Deck
    label: str
    counts: QueueCounts
    facts: int


def deck_overview(
    session: Session, user: User, *, now: datetime, day_start: datetime, day_end: datetime
) -> list[DeckRow]:
    """Every deck (all, each kind, each article) with its counts: three grouped queries."""
    done = day_counts(session, user, day_start)
    cols = _queue_columns(now, day_end)
    base = (
        select(*cols, func.count(Fact.id))
        .select_from(Fact)
        .outerjoin(Card, _card_join(user.id))
        .where(deck_filter(Deck(), user), not_suspended())
    )
    rows: list[DeckRow] = []
    total = session.execute(base).one()
    rows.append(DeckRow(Deck(), "All facts", _limited(user, done, *map(int, total[:3])), int(total[3])))
    labels = {"date": "Dates", "leader": "Leaders", "mechanism": "Mechanisms", "goal": "Goals"}
    by_kind = {
        r[0]: r[1:]
        for r in session.execute(
            select(Fact.kind, *cols, func.count(Fact.id))
            .select_from(Fact)
            .outerjoin(Card, _card_join(user.id))
            .where(deck_filter(Deck(), user), not_suspended())
            .group_by(Fact.kind)
        )
    }
    for kind in FACT_KINDS:
        if kind in by_kind:
            r = by_kind[kind]
            rows.append(DeckRow(Deck("kind", kind), labels[kind], _limited(user, done, *map(int, r[:3])), int(r[3])))
    pairs = select(FactSource.article_id, FactSource.fact_id).distinct().subquery()
    by_article = session.execute(
        select(Article.id, Article.title, *cols, func.count(Fact.id))
        .select_from(pairs)
        .join(Article, Article.id == pairs.c.article_id)
        .join(Fact, Fact.id == pairs.c.fact_id)
        .outerjoin(Card, _card_join(user.id))
        .where(Article.retired_at.is_(None), deck_filter(Deck(), user), not_suspended())
        .group_by(Article.id, Article.title)
        .order_by(Article.title)
    ).all()
    for r in by_article:
        rows.append(
            DeckRow(Deck("article", str(r[0])), r[1], _limited(user, done, *map(int, r[2:5])), int(r[5]))
        )
    return rows


@dataclass
class Flashcard:
    """What the review page shows for one fact."""

    fact: Fact
    card: Card | None
    front: str
    question_type: str
    answer: str
    explanation: str
    source: dict | None  # {"text", "article_id", "article_title", "sentence_idx"}
    question_id: int | None = None  # the front's question (the card's back offers to report it)

    @property
    def state(self) -> int:
        return self.card.state if self.card else NEW

    @property
    def version(self) -> str:
        return card_version(self.card)


def _front_candidates(*columns):
    """The fact's questions that can be a card's front (``fact_id`` bound at execution)."""
    return (
        select(Question, *columns)
        .join(question_fact, question_fact.c.question_id == Question.id)
        .where(
            question_fact.c.fact_id == bindparam("fact_id"),
            Question.type.in_(FRONT_TYPES),
            Question.retired_at.is_(None),
            Question.origin == "generated",
        )
        .order_by(Question.id)
        .options(lazyload(Question.facts))  # the card already knows its fact; load only if asked
    )


def _pick_front(questions: Sequence[Question], preferred_id: int | None) -> Question | None:
    for q in questions:
        if q.id == preferred_id:
            return q
    return min(questions, key=lambda q: FRONT_TYPES.index(q.type), default=None)


@cache
def _flashcard_stmt():
    # Each front candidate comes with the fact's first live source, so showing a card is one
    # statement; built once, because composing it costs about as much as running it.
    first_source = (
        select(FactSource.id)
        .join(Article, Article.id == FactSource.article_id)
        .where(FactSource.fact_id == bindparam("fact_id"), Article.retired_at.is_(None))
        .order_by(FactSource.id)
        .limit(1)
        .scalar_subquery()
    )
    return (
        _front_candidates(FactSource.text, FactSource.article_id, Article.title, Sentence.idx)
        .outerjoin(FactSource, FactSource.id == first_source)
        .outerjoin(Article, Article.id == FactSource.article_id)
        .outerjoin(Sentence, Sentence.id == FactSource.sentence_id)
    )


def flashcard(session: Session, user: User, fact: Fact, card: Card | None) -> Flashcard | None:
    """Front, back and source of the card for ``fact`` (None when the fact has no usable question)."""
    rows = session.execute(_flashcard_stmt(), {"fact_id": fact.id}).all()
    q = _pick_front([r[0] for r in rows], card.question_id if card else None)
    if q is None:
        return None
    src = rows[0][1:]
    source = (
        {"text": src[0], "article_id": src[1], "article_title": src[2], "sentence_idx": src[3]}
        if src[1] is not None
        else None
    )
    front = q.prompt
    return Flashcard(
        fact=fact,
        card=card,
        front=front,
        question_type=q.type,
        answer=q.answer if q.type != "multiple_choice" else q.answer,
        explanation=q.explanation or fact.statement,
        source=source,
        question_id=q.id,
    )


def next_card(
    session: Session,
    user: User,
    deck: Deck,
    *,
    now: datetime,
    day_start: datetime,
    day_end: datetime,
    cram: bool = False,
    cram_since: datetime | None = None,
    focus: int | None = None,
) -> Flashcard | None:
    """The next card to show, or None when the deck is done for today.

    Order: a ``focus`` fact when it is eligible (the card just undone), then learning and
    relearning cards that are due, then review cards due today (while under the reviews/day
    limit), then new facts (while under the new cards/day limit). Cram ("review ahead") takes
    studied cards by due date, each once per cram session, regardless of limits.
    """
    if cram:
        stmt = (select(Fact, Card).join(Card, _card_join(user.id))
                .where(deck_filter(deck, user), not_suspended(), Card.state != NEW))
        if cram_since is not None:
            stmt = stmt.where(
                ~exists().where(
                    ReviewLog.card_id == Card.id, ReviewLog.kind == "cram", ReviewLog.reviewed_at >= cram_since
                )
            )
        if focus:
            hit = session.execute(stmt.where(Fact.id == focus)).first()
            if hit:
                return flashcard(session, user, hit[0], hit[1])
        row = session.execute(stmt.order_by(Card.due, Card.id).limit(1)).first()
        return flashcard(session, user, row[0], row[1]) if row else None

    done = day_counts(session, user, day_start)
    may_review = done.reviews_done < user.reviews_per_day
    may_new = done.new_done < user.new_cards_per_day
    if focus:
        hit = session.execute(
            select(Fact, Card)
            .outerjoin(Card, _card_join(user.id))
            .where(deck_filter(deck, user), not_suspended(), Fact.id == focus)
        ).first()
        if hit:
            fact, card = hit
            st = card.state if card else NEW
            due_ok = card is not None and (
                (st in (1, 3) and card.due <= now) or (st == REVIEW and card.due < day_end and may_review)
            )
            if due_ok or (st == NEW and may_new):
                return flashcard(session, user, fact, card)
    params = {"card_user": user.id, "deck_ref": deck_ref(deck), "now": now, "day_end": day_end}
    row = session.execute(_due_card_stmt(deck.kind, may_review), params).first()
    if row is None and may_new:
        row = session.execute(_new_card_stmt(deck.kind), params).first()
    return flashcard(session, user, row[0], row[1]) if row else None


# The review queue's statements are built once per deck kind: showing the next card is the most
# frequent read, and composing these statements cost more than running them.
@cache
def _due_card_stmt(deck_kind: str, with_review: bool):
    """Learning cards due now, then (under the reviews/day limit) review cards due today, in one
    statement: both are the user's cards due before the day ends, a short index range."""
    learning_due = and_(Card.state.in_((1, 3)), Card.due <= bindparam("now"))
    return (
        select(Fact, Card)
        .join(Card, _card_join(None))
        .where(
            deck_filter(Deck(deck_kind), bound=False),
            not_suspended(),
            Card.due < bindparam("day_end"),
            or_(learning_due, Card.state == REVIEW) if with_review else learning_due,
        )
        .order_by(case((Card.state == REVIEW, 1), else_=0), Card.due, Card.id)
        .limit(1)
    )


@cache
def _new_card_stmt(deck_kind: str):
    return (
        select(Fact, Card)
        .outerjoin(Card, _card_join(None))
        .where(deck_filter(Deck(deck_kind), bound=False), not_suspended(), or_(Card.id.is_(None), Card.state == NEW))
        .order_by(Fact.id)
        .limit(1)
    )


def next_due(session: Session, user: User, deck: Deck, *, after: datetime) -> datetime | None:
    """When the next studied card of the deck falls due after ``after``."""
    return session.scalar(
        select(func.min(Card.due))
        .select_from(Fact)
        .join(Card, _card_join(user.id))
        .where(deck_filter(deck, user), not_suspended(), Card.state != NEW, Card.due > after)
    )


def preview_intervals(card: Card | None, now: datetime, scheduler: StudyScheduler) -> dict[int, Any]:
    seed = card_seed(card.id, card.last_review) if card is not None else "new"
    return scheduler.preview(card_state(card), now, seed=seed)


@dataclass
class ReviewOutcome:
    log: ReviewLog
    card: CardRow  # as the rating left it
    created: bool  # False: the same rating form was submitted before; nothing new recorded


def review_card(
    session: Session,
    user: User,
    fact_id: int,
    rating: int,
    *,
    kind: str = "review",
    now: datetime | None = None,
    duration_ms: int | None = None,
    client_token: str | None = None,
    seen: str | None = None,
    scheduler: StudyScheduler | None = None,
) -> ReviewOutcome:
    """Record a rating of the card for ``fact_id`` and (for ``kind="review"``) reschedule it.

    ``cram`` logs the rating without touching the schedule. ``client_token`` makes a resubmitted
    form a no-op that returns the first result; ``seen`` (the card version the page showed)
    rejects a rating of a card that changed meanwhile with ``StaleCard``.
    """
    now = now or utcnow()
    scheduler = scheduler or StudyScheduler()
    if kind not in ("review", "cram"):
        raise StudyError("Unknown review kind.")
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        raise StudyError("Choose Again, Hard, Good or Easy.") from None
    if rating not in RATINGS:
        raise StudyError("Choose Again, Hard, Good or Easy.")
    if client_token and len(client_token) > 64:
        raise StudyError("The form was not valid; reload the page.")
    token = client_token or None
    return _review_once(session, user, fact_id, rating, kind, now, duration_ms, token, seen, scheduler)


def _review_once(
    session: Session, user: User, fact_id: int, rating: int, kind: str, now: datetime, duration_ms: int | None,
    token: str | None, seen: str | None, scheduler: StudyScheduler,
) -> ReviewOutcome:
    # The common case in one plain statement: the card (locked on PostgreSQL, so two tabs rating
    # it take turns), whether its fact is retired, and whether this form was already submitted.
    session.flush()  # plain statements from here on: the caller's pending changes go first
    conn = session.connection()
    params = {"user_id": user.id, "fact_id": fact_id, "token": token}
    row = _RATING.first(conn, params)
    card = CardRow(*row[: len(CARD_COLUMNS)]) if row is not None else None
    if row is None:  # not studied yet
        row = _UNSTUDIED.first(conn, params)
    prior_id, fact_exists, retired_at = row[-3:]
    if prior_id is not None:
        return _resubmitted(session, user, session.get(ReviewLog, prior_id))
    if not fact_exists or retired_at is not None:
        raise ScopeNotFound("There is no such card.")
    if card is None:
        # No card the user may rate: make one, only of a fact in a collection they may see (a
        # card of a fact they no longer see is refused here too; it stays, with its history).
        from ..collections.access import can_see

        if not can_see(session, user, session.scalar(select(Fact.collection_id).where(Fact.id == fact_id))):
            raise ScopeNotFound("There is no such card.")
        card = review_card_row(conn, user.id, fact_id, now, missing=True)
    if seen is not None and seen != card_version(card):
        raise StaleCard("That card was already answered (in another tab?). Here is the next one.")
    before = card_state(card)
    after = scheduler.review(before, rating, now, seed=card_seed(card.id, card.last_review)) if kind == "review" else None
    log = dict(card_id=card.id, user_id=user.id, rating=rating, reviewed_at=now, duration_ms=duration_ms, kind=kind,
               state_before=before.to_json(), card_state=before.state, client_token=token)
    try:
        log_id = insert_stmt(ReviewLog, tuple(log)).scalar(conn, log)
    except IntegrityError:
        # The same form won a race with us. Undo everything (a card this request created too:
        # the winner created it as well) and answer with the stored result.
        session.rollback()
        prior = session.scalar(select(ReviewLog).where(ReviewLog.client_token == token)) if token else None
        if prior is None:
            raise
        return _resubmitted(session, user, prior)
    if after is not None:
        store_schedule(session, conn, card, after, now)
    return ReviewOutcome(ReviewLog(id=log_id, **log), card, True)


def review_card_row(conn, user_id: int, fact_id: int, now: datetime, *, missing: bool = False) -> CardRow:
    """The user's card for the fact (created if they have none yet), as a plain row. ``missing``:
    the caller has just read that there is none."""
    params = {"user_id": user_id, "fact_id": fact_id}
    row = None if missing else CARD_ROW.first(conn, params)
    if row is None:
        row = CREATE_CARD.first(conn, {**params, "now": now})
    if row is None:  # another request created it meanwhile
        row = CARD_ROW.first(conn, params)
        if row is None:
            raise StudyError("The card could not be created; try again.")
    return CardRow(*row)


def _prior_rating():
    return select(ReviewLog.id).where(ReviewLog.client_token == bindparam("token")).scalar_subquery()


def _rating_stmt(_dialect: str):
    """The user's card of a fact they may still see (a collection unshared from their class takes
    its cards with it: no row, and the rating is refused as for a fact never shown)."""
    from ..collections.access import visible

    card, fact = Card.__table__, Fact.__table__
    return (
        select(*(card.c[n] for n in CARD_COLUMNS), _prior_rating(), fact.c.id, fact.c.retired_at)
        .join_from(card, fact, fact.c.id == card.c.fact_id)
        .where(card.c.user_id == bindparam("user_id"), card.c.fact_id == bindparam("fact_id"),
               visible(fact.c.collection_id, user_id=bindparam("user_id")))
        .with_for_update(of=card)
    )


_RATING = Prepared(_rating_stmt)


def _unstudied_stmt(_dialect: str):
    """For a fact the user has no card for: (the rating's earlier log, the fact, when it was retired)."""
    fact = Fact.__table__
    this_fact = fact.c.id == bindparam("fact_id")
    return select(
        _prior_rating(),
        select(fact.c.id).where(this_fact).scalar_subquery(),
        select(fact.c.retired_at).where(this_fact).scalar_subquery(),
    )


_UNSTUDIED = Prepared(_unstudied_stmt)


def _resubmitted(session: Session, user: User, prior: ReviewLog) -> ReviewOutcome:
    """The outcome of a rating form submitted before: the stored log, nothing new."""
    if prior.user_id != user.id:
        raise StudyError("The form was not valid; reload the page.")
    card = session.get(Card, prior.card_id)
    return ReviewOutcome(prior, CardRow(*(getattr(card, n) for n in CARD_COLUMNS)), False)


@dataclass
class UndoOutcome:
    card: Card
    fact_id: int
    kind: str
    rating: int


def last_undoable(session: Session, user: User) -> ReviewLog | None:
    return session.scalar(
        select(ReviewLog)
        .where(ReviewLog.user_id == user.id, ReviewLog.kind.in_(("review", "cram")))
        .order_by(ReviewLog.reviewed_at.desc(), ReviewLog.id.desc())
        .limit(1)
    )


def undo_last_review(session: Session, user: User) -> UndoOutcome:
    """Undo the user's latest review or cram rating: the card gets back exactly its earlier
    columns and the log row is deleted. Refused when the card was reviewed again since (by a quiz
    answer), because restoring would silently drop that later review."""
    log = last_undoable(session, user)
    if log is None:
        raise StudyError("There is no review to undo.")
    later = session.scalar(
        select(func.count())
        .select_from(ReviewLog)
        .where(
            ReviewLog.card_id == log.card_id,
            ReviewLog.id != log.id,
            or_(
                ReviewLog.reviewed_at > log.reviewed_at,
                and_(ReviewLog.reviewed_at == log.reviewed_at, ReviewLog.id > log.id),
            ),
        )
    )
    if later:
        raise StudyError("That card has been reviewed again since (in a quiz), so this review can't be undone.")
    card = session.get(Card, log.card_id)
    if log.state_before:
        before = CardState.from_json(log.state_before)
        apply_schedule(card, before, before.due or card.created_at)
    outcome = UndoOutcome(card, card.fact_id, log.kind, log.rating)
    session.delete(log)
    session.flush()
    return outcome
