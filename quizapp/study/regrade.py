"""Turning a wrong answer into a right one ("I was right", or a reviewer accepting it) with its
flashcard following.

An answer that counted as a review wrote a ``ReviewLog`` (``client_token = "quiz-item:<item>"``)
rated Again, with the card's columns before it. Regrading undoes that review and applies Good from
the same earlier state at the same moment, so the card ends exactly where a right answer would
have put it. When the card was reviewed again since, its later schedule was built on the old
rating and is left alone; only the log's rating is corrected, so history and retention figures
tell the truth. Functions flush; the caller commits.
"""

from __future__ import annotations

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session

from ..models import Answer, Card, ReviewLog
from .cards import apply_schedule
from .scheduler import GOOD, CardState, StudyScheduler, card_seed


def quiz_log(session: Session, answer: Answer) -> ReviewLog | None:
    """The review an answer wrote, if it counted as one."""
    return session.scalar(select(ReviewLog).where(ReviewLog.client_token == f"quiz-item:{answer.quiz_item_id}"))


def _reviewed_since(session: Session, log: ReviewLog) -> bool:
    return bool(session.scalar(select(exists().where(
        ReviewLog.card_id == log.card_id, ReviewLog.id != log.id,
        or_(ReviewLog.reviewed_at > log.reviewed_at,
            and_(ReviewLog.reviewed_at == log.reviewed_at, ReviewLog.id > log.id))))))


def mark_right(session: Session, answer: Answer, scheduler: StudyScheduler | None = None) -> bool:
    """Count ``answer`` as right and re-rate its card (see the module's docstring). False when it
    already was right (nothing changes)."""
    if answer.correct:
        return False
    answer.correct = True
    answer.score = 1.0
    log = quiz_log(session, answer)
    if log is not None and log.rating != GOOD:
        card = session.get(Card, log.card_id)
        if card is not None and log.state_before is not None and not _reviewed_since(session, log):
            before = CardState.from_json(log.state_before)
            after = (scheduler or StudyScheduler()).review(before, GOOD, log.reviewed_at,
                                                           seed=card_seed(card.id, before.last_review))
            apply_schedule(card, after, log.reviewed_at)
        log.rating = GOOD
    session.flush()
    return True
