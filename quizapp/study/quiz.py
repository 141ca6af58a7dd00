"""Quizzes without the database: choosing questions, reading form answers, scoring.

Everything here is pure so it can be tested exhaustively: the store hands in plain candidates and
rows, the views hand in the submitted form, and we hand back ids, responses and summaries.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..questions.types import QUESTION_TYPES, Question
from ..questions.types import TYPE_LABELS as TYPE_LABELS  # shown on quiz pages

SCOPES = ("corpus", "article", "kind", "set", "retry", "weak")
MODES = ("practice", "test")
# "any": questions as they come; "all_types": at least one question of each of the six types
# (when the scope has them), so a short quiz still exercises every way of answering.
MIXES = ("any", "all_types")
LENGTHS = (5, 10, 15, 20, 30)
MAX_LENGTH = 50
# An answer that took longer than this was a break, not thinking time; cap it so averages stay honest.
MAX_ANSWER_MS = 30 * 60 * 1000

SCOPE_LABELS = {
    "corpus": "All articles",
    "article": "One article",
    "kind": "One kind of fact",
    "set": "Study set",
    "retry": "Retry of missed questions",
    "weak": "Weakest facts",
}


class ResponseError(ValueError):
    """The submitted form cannot be read as an answer; the message is shown to the student."""


@dataclass(frozen=True)
class Candidate:
    """A question the scope allows, with what the chooser needs to spread the quiz out."""

    id: int
    type: str
    fact_ids: tuple[int, ...] = ()


def choose_questions(
    candidates: Sequence[Candidate], length: int, *, mix: str = "any", rng: random.Random
) -> list[int]:
    """Pick ``length`` question ids at random, preferring questions about facts not yet used.

    Two questions on the same fact in one quiz give each other away, so facts are spread first and
    only reused when the scope runs out. With ``mix="all_types"`` one question of every available
    type is taken first. The final order is shuffled so the types are not predictable.
    """
    pool = list(dict.fromkeys(candidates))
    rng.shuffle(pool)
    chosen: list[Candidate] = []
    used_facts: set[int] = set()

    def take(c: Candidate) -> None:
        chosen.append(c)
        used_facts.update(c.fact_ids)
        pool.remove(c)

    if mix == "all_types":
        for qtype in QUESTION_TYPES:
            if len(chosen) >= length:
                break
            of_type = [c for c in pool if c.type == qtype]
            fresh = [c for c in of_type if not used_facts.intersection(c.fact_ids)]
            if fresh or of_type:
                take((fresh or of_type)[0])
    for c in [c for c in pool if not used_facts.intersection(c.fact_ids)]:
        if len(chosen) >= length:
            break
        if not used_facts.intersection(c.fact_ids):
            take(c)
    for c in list(pool):
        if len(chosen) >= length:
            break
        take(c)
    rng.shuffle(chosen)
    return [c.id for c in chosen]


# -- how a question is laid out on the page ------------------------------------------------------
@dataclass(frozen=True)
class Layout:
    """The order things are shown in; derived from a seed so a reload shows the same page."""

    choices: tuple[str, ...] = ()  # multiple choice and true/false options
    lefts: tuple[str, ...] = ()  # matching: the prompts, in the question's order
    rights: tuple[str, ...] = ()  # matching: the options offered in every select, shuffled
    items: tuple[str, ...] = ()  # ordering: the items, shuffled (never already in order)


def layout(q: Question, seed: int | str) -> Layout:
    rng = random.Random(f"layout:{seed}")
    if q.type == "true_false":
        return Layout(choices=tuple(q.choices) if len(q.choices) == 2 else ("True", "False"))
    if q.type == "multiple_choice":
        return Layout(choices=tuple(q.choices))
    if q.type == "matching":
        lefts = tuple(str(p[0]) for p in q.pairs)
        rights = [str(p[1]) for p in q.pairs]
        rights = list(dict.fromkeys(rights))
        rng.shuffle(rights)
        return Layout(lefts=lefts, rights=tuple(rights))
    if q.type == "ordering":
        items = [str(i) for i in q.items]
        shown = list(items)
        if len(set(items)) > 1:
            for _ in range(10):  # a shuffle that leaves the answer in place teaches nothing
                rng.shuffle(shown)
                if shown != items:
                    break
        return Layout(items=tuple(shown))
    return Layout()


def _one(form: Mapping[str, Any], key: str) -> str:
    value = form.get(key)
    if isinstance(value, list):
        value = value[0] if value else None
    return "" if value is None else str(value)


def read_response(q: Question, lay: Layout, form: Mapping[str, Any]) -> Any:
    """The grader's response from the submitted form fields, or ``ResponseError``.

    Field names: ``response`` for one-value types; ``match-<i>`` (index into ``lay.rights``) per
    left item for matching; ``order-<i>`` (position 1..n) per shown item for ordering.
    """
    if q.type in ("multiple_choice", "true_false"):
        value = _one(form, "response")
        if not value:
            raise ResponseError("Choose one of the options.")
        if value not in lay.choices:
            raise ResponseError("That option is not part of this question.")
        return value
    if q.type in ("cloze", "short_answer"):
        value = _one(form, "response").strip()
        if not value:
            raise ResponseError("Type an answer first.")
        if len(value) > 500:
            raise ResponseError("That answer is too long (500 characters at most).")
        return value
    if q.type == "matching":
        pairs = []
        for i, left in enumerate(lay.lefts):
            raw = _one(form, f"match-{i}")
            if not raw:
                raise ResponseError("Choose a match for every item.")
            if not (raw.isascii() and raw.isdigit()) or int(raw) >= len(lay.rights):
                raise ResponseError("That match is not one of the options.")
            pairs.append([left, lay.rights[int(raw)]])
        return pairs
    if q.type == "ordering":
        n = len(lay.items)
        positions = []
        for i in range(n):
            raw = _one(form, f"order-{i}")
            if not raw:
                raise ResponseError("Give every item a position.")
            if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= n:
                raise ResponseError(f"Positions go from 1 to {n}.")
            positions.append(int(raw))
        if len(set(positions)) != n:
            raise ResponseError("Give each item a different position.")
        return [item for _, item in sorted(zip(positions, lay.items, strict=True))]
    raise ResponseError("This question type cannot be answered here.")


def form_values(q: Question, lay: Layout, response: Any) -> dict[str, str]:
    """The form field values that reproduce ``response`` (to refill a form or show an answer)."""
    if response is None:
        return {}
    if q.type == "matching" and isinstance(response, list):
        chosen = {str(p[0]): str(p[1]) for p in response if isinstance(p, list | tuple) and len(p) == 2}
        out = {}
        for i, left in enumerate(lay.lefts):
            if chosen.get(left) in lay.rights:
                out[f"match-{i}"] = str(lay.rights.index(chosen[left]))
        return out
    if q.type == "ordering" and isinstance(response, list):
        where = {str(item): pos for pos, item in enumerate(response, 1)}
        return {f"order-{i}": str(where[item]) for i, item in enumerate(lay.items) if item in where}
    return {"response": str(response)}


def describe_response(qtype: str, response: Any) -> str:
    """A student's stored response as one readable line."""
    if response is None or response == "":
        return "—"
    if qtype == "matching" and isinstance(response, list):
        return "; ".join(f"{p[0]} → {p[1]}" for p in response if isinstance(p, list | tuple) and len(p) == 2)
    if qtype == "ordering" and isinstance(response, list):
        return ", ".join(f"{i}. {item}" for i, item in enumerate(response, 1))
    return str(response)


def correct_answer(q: Question) -> str:
    """The right answer as one readable line (pairs and orders spelled out)."""
    if q.type == "matching" and q.pairs:
        return "; ".join(f"{left} → {right}" for left, right in q.pairs)
    if q.type == "ordering" and q.items:
        return ", ".join(f"{i}. {item}" for i, item in enumerate(q.items, 1))
    return q.answer


def elapsed_ms(shown_ms: str | int | None, now_ms: int) -> int | None:
    """Time taken from the page's render stamp; None when missing or nonsense, capped at 30 min."""
    try:
        start = int(shown_ms)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if start <= 0 or start > now_ms:
        return None
    return min(now_ms - start, MAX_ANSWER_MS)


# -- scoring -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ItemResult:
    """One quiz item for scoring: ``answered`` False for skipped (quiz ended early) items."""

    fact_kind: str
    qtype: str
    answered: bool
    correct: bool = False
    score: float = 0.0
    time_ms: int | None = None


@dataclass(frozen=True)
class Breakdown:
    label: str
    total: int
    correct: int
    points: float

    @property
    def percent(self) -> int:
        return round(100 * self.points / self.total) if self.total else 0


@dataclass(frozen=True)
class Summary:
    total: int
    answered: int
    correct: int
    points: float
    time_ms: int
    by_kind: list[Breakdown] = field(default_factory=list)
    by_type: list[Breakdown] = field(default_factory=list)

    @property
    def percent(self) -> int:
        """Points (partial credit for matching/ordering) over all items, skipped ones scoring 0."""
        return round(100 * self.points / self.total) if self.total else 0

    @property
    def missed(self) -> int:
        return self.total - self.correct


def _group(items: Sequence[ItemResult], key) -> list[Breakdown]:
    groups: dict[str, list[ItemResult]] = {}
    for it in items:
        groups.setdefault(key(it), []).append(it)
    return [
        Breakdown(label, len(g), sum(1 for i in g if i.correct), round(sum(i.score for i in g), 3))
        for label, g in sorted(groups.items())
    ]


def summarise(items: Sequence[ItemResult]) -> Summary:
    """Score, time and per-kind/per-type breakdowns of a quiz."""
    return Summary(
        total=len(items),
        answered=sum(1 for i in items if i.answered),
        correct=sum(1 for i in items if i.correct),
        points=round(sum(i.score for i in items if i.answered), 3),
        time_ms=sum(i.time_ms or 0 for i in items if i.answered),
        by_kind=_group(items, lambda i: i.fact_kind or "other"),
        by_type=_group(items, lambda i: i.qtype),
    )


def format_duration(ms: int | None) -> str:
    """"1 min 5 s", "42 s"; "—" when unknown."""
    if ms is None:
        return "—"
    seconds = round(ms / 1000)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds} s" if seconds else f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"
