"""Spaced-repetition scheduling: a thin, testable wrapper over py-fsrs 6.

Why a wrapper rather than using ``fsrs.Scheduler`` directly:

* Our cards have a *new* state (0, never reviewed) that py-fsrs does not model (its fresh cards
  start in Learning, step 0); the wrapper maps between the two.
* The clock is an argument, never read inside, so tests can pin it and get exact due dates.
* py-fsrs fuzzes long intervals with the global ``random()``, so the interval printed on a rating
  button could differ from the one actually scheduled. We schedule without py-fsrs' fuzz and apply
  the same fuzz range ourselves, seeded by the card and its last review: the button's "4d" is what
  you get, and ``fuzz=False`` turns it off entirely for tests.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler, State
from fsrs.scheduler import FUZZ_RANGES

NEW = 0
LEARNING = int(State.Learning)  # 1
REVIEW = int(State.Review)  # 2
RELEARNING = int(State.Relearning)  # 3
STATE_NAMES = {NEW: "new", LEARNING: "learning", REVIEW: "review", RELEARNING: "relearning"}

AGAIN, HARD, GOOD, EASY = (int(r) for r in (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy))
RATINGS = (AGAIN, HARD, GOOD, EASY)
RATING_NAMES = {AGAIN: "Again", HARD: "Hard", GOOD: "Good", EASY: "Easy"}


@dataclass(frozen=True)
class CardState:
    """The scheduling columns of one card, as stored (``state`` 0 = new)."""

    state: int = NEW
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: datetime | None = None
    last_review: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        """JSON for ``ReviewLog.state_before``: floats kept at full precision so undo is exact."""
        return {
            "state": self.state, "step": self.step, "stability": self.stability, "difficulty": self.difficulty,
            "due": self.due.isoformat() if self.due else None,
            "last_review": self.last_review.isoformat() if self.last_review else None,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> CardState:
        def when(v):
            return datetime.fromisoformat(v).astimezone(UTC) if v else None

        return cls(
            state=int(d.get("state") or 0),
            step=d.get("step"),
            stability=d.get("stability"),
            difficulty=d.get("difficulty"),
            due=when(d.get("due")),
            last_review=when(d.get("last_review")),
        )


def _utc(now: datetime) -> datetime:
    if now.tzinfo is None:
        raise ValueError("naive datetime given; use an aware UTC datetime")
    # py-fsrs insists on tzinfo == timezone.utc exactly (not just a zero offset).
    return now.astimezone(UTC)


class StudyScheduler:
    """FSRS with our card states, an explicit clock and deterministic fuzz."""

    def __init__(
        self,
        *,
        desired_retention: float = 0.9,
        learning_steps: tuple[timedelta, ...] = (timedelta(minutes=1), timedelta(minutes=10)),
        relearning_steps: tuple[timedelta, ...] = (timedelta(minutes=10),),
        maximum_interval: int = 36500,
        fuzz: bool = True,
    ) -> None:
        self.fuzz = fuzz
        self.maximum_interval = maximum_interval
        self._fsrs = Scheduler(
            desired_retention=desired_retention,
            learning_steps=learning_steps,
            relearning_steps=relearning_steps,
            maximum_interval=maximum_interval,
            enable_fuzzing=False,  # we fuzz ourselves, deterministically (see module doc)
        )

    # -- conversions -------------------------------------------------------------------------
    @staticmethod
    def _to_fsrs(card: CardState, now: datetime) -> FsrsCard:
        if card.state == NEW:
            # card_id given: py-fsrs sleeps 1 ms to invent one otherwise.
            return FsrsCard(card_id=1, state=State.Learning, step=0, due=now)
        return FsrsCard(
            card_id=1,
            state=State(card.state),
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
            due=_utc(card.due) if card.due else now,
            last_review=_utc(card.last_review) if card.last_review else None,
        )

    # -- scheduling --------------------------------------------------------------------------
    def review(self, card: CardState, rating: int, now: datetime, *, seed: str = "") -> CardState:
        """The card after answering it with ``rating`` (1 Again … 4 Easy) at ``now``."""
        if rating not in RATINGS:
            raise ValueError(f"rating must be one of {RATINGS}, not {rating!r}")
        now = _utc(now)
        after, _log = self._fsrs.review_card(self._to_fsrs(card, now), Rating(rating), now)
        due = after.due
        if self.fuzz and after.state == State.Review:
            days = (due - now).days
            fuzzed = self.fuzzed_days(days, seed)
            due = now + timedelta(days=fuzzed)
        return CardState(
            state=int(after.state),
            step=after.step,
            stability=after.stability,
            difficulty=after.difficulty,
            due=due,
            last_review=after.last_review,
        )

    def preview(self, card: CardState, now: datetime, *, seed: str = "") -> dict[int, timedelta]:
        """For each rating, how long until the card would be due again (shown on the buttons)."""
        now = _utc(now)
        return {r: self.review(card, r, now, seed=seed).due - now for r in RATINGS}

    def retrievability(self, card: CardState, now: datetime) -> float:
        """Predicted probability of recalling the card at ``now`` (0 for new cards)."""
        if card.state == NEW or card.stability is None:
            return 0.0
        return float(self._fsrs.get_card_retrievability(self._to_fsrs(card, _utc(now)), _utc(now)))

    def fuzzed_days(self, days: int, seed: str) -> int:
        """py-fsrs' fuzz range for an interval of ``days``, with the draw seeded by ``seed``."""
        if days < 2.5:
            return days
        delta = 1.0
        for r in FUZZ_RANGES:
            delta += r["factor"] * max(min(float(days), r["end"]) - r["start"], 0.0)
        lo = max(2, round(days - delta))
        hi = min(round(days + delta), self.maximum_interval)
        lo = min(lo, hi)
        draw = random.Random(f"fuzz:{seed}").random()
        # py-fsrs rounds lo + draw*(hi-lo+1), which can land on hi+1; we keep inside [lo, hi].
        return min(lo + int(draw * (hi - lo + 1)), hi)


def card_seed(card_id: int, last_review: datetime | None) -> str:
    """The fuzz seed of a card before a review: stable while the card is unchanged."""
    return f"{card_id}:{last_review.isoformat() if last_review else 'new'}"


def quiz_rating(correct: bool) -> int:
    """A quiz answer counted as a review is a pass (Good) or a fail (Again)."""
    return GOOD if correct else AGAIN


def format_interval(delta: timedelta) -> str:
    """Compact, human interval for buttons and forecasts: "1m", "10m", "3h", "4d", "2.5mo", "1.2y"."""
    seconds = max(0.0, delta.total_seconds())
    minutes = seconds / 60
    if minutes < 1:
        return "<1m"
    if minutes < 59.5:
        return f"{math.floor(minutes + 0.5)}m"
    hours = minutes / 60
    if hours < 23.5:
        return f"{math.floor(hours + 0.5)}h"
    days = hours / 24
    if days < 30.5:
        return f"{math.floor(days + 0.5)}d"
    if days < 365:
        return f"{days / 30:.1f}".rstrip("0").rstrip(".") + "mo"
    return f"{days / 365:.1f}".rstrip("0").rstrip(".") + "y"


__all__ = [
    "AGAIN", "EASY", "GOOD", "HARD", "LEARNING", "NEW", "RATINGS", "RATING_NAMES", "RELEARNING",
    "REVIEW", "STATE_NAMES", "CardState", "StudyScheduler", "card_seed", "format_interval",
    "quiz_rating",
]
