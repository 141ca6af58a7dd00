"""Classical item analysis of one assignment: how hard each question was and whether it separates
students who know the material from those who don't.

* **Facility** is the share of students who got the question right on their first attempt
  (0 = nobody, 1 = everybody). Later attempts are left out because a retry after seeing the
  feedback measures memory of the feedback, not the question.
* **Discrimination** is the *corrected* item-total correlation: Pearson's r between a student's
  score on the question and their total on the *other* questions. Leaving the item out of the
  total matters on short teacher quizzes, where the item itself would otherwise inflate r.
  A negative value means strong students tend to miss the question (often a wrong key or an
  ambiguous wording); values below 0.2 are conventionally "poor" (Ebel & Frisbie).

Pure: the caller hands in first-attempt scores; nothing here touches the database.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

LOW_DISCRIMINATION = 0.2
EASY = 0.9
HARD = 0.2
MIN_STUDENTS = 5  # below this the numbers are shown but marked as tentative


@dataclass(frozen=True)
class Response:
    """One first-attempt answer: right or wrong, and the (partial-credit) score in 0..1."""

    correct: bool
    score: float


@dataclass
class ItemStats:
    item: Hashable
    n: int  # students whose first attempt is counted
    answered: int  # of those, how many answered this item (a skipped item counts as 0)
    facility: float | None
    discrimination: float | None  # None when undefined (no spread in the item or the rest)
    flags: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        return any(f in ("negative", "low") for f in self.flags)


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's correlation, or None when either side has no variance (r is undefined)."""
    n = len(xs)
    if n != len(ys) or n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    return sxy / math.sqrt(sxx * syy)


def analyse(
    items: Sequence[Hashable], responses: Mapping[Hashable, Mapping[Hashable, Response]]
) -> list[ItemStats]:
    """Statistics for each of ``items`` from ``responses[student][item]`` (first attempts).

    Every student in ``responses`` counts for every item; an item they did not answer scores 0
    (they saw it and left it blank). Results come back in the order of ``items``.
    """
    students = list(responses)
    n = len(students)
    scores = {
        s: {i: (responses[s][i].score if i in responses[s] else 0.0) for i in items} for s in students
    }
    totals = {s: sum(scores[s].values()) for s in students}
    out: list[ItemStats] = []
    for item in items:
        answered = sum(1 for s in students if item in responses[s])
        if n == 0:
            out.append(ItemStats(item, 0, 0, None, None, ["no answers"]))
            continue
        facility = sum(1 for s in students if item in responses[s] and responses[s][item].correct) / n
        xs = [scores[s][item] for s in students]
        rest = [totals[s] - scores[s][item] for s in students]
        r = pearson(xs, rest) if len(items) > 1 else None
        flags: list[str] = []
        if r is not None and r < 0:
            flags.append("negative")
        elif r is not None and r < LOW_DISCRIMINATION:
            flags.append("low")
        if facility >= EASY:
            flags.append("easy")
        elif facility <= HARD:
            flags.append("hard")
        if n < MIN_STUDENTS:
            flags.append("few answers")
        out.append(ItemStats(item, n, answered, facility, r, flags))
    return out


def flag_label(flag: str) -> str:
    """Words a teacher understands, for the item-analysis table."""
    return {
        "negative": "Negative discrimination: stronger students missed it more often. Check the key and wording.",
        "low": "Very low discrimination: it barely separates stronger from weaker students.",
        "easy": "Almost everyone got it right.",
        "hard": "Almost nobody got it right.",
        "few answers": f"Fewer than {MIN_STUDENTS} students: treat the numbers as tentative.",
        "no answers": "Nobody has finished this assignment yet.",
    }.get(flag, flag)
