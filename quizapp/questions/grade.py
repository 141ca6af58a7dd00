"""Grading: is a learner's response right, and was it right only thanks to typo tolerance?

Typed answers are forgiven for form (case, accents, punctuation, "the", an acronym, a surname, a
small typo) but never for content: every content word of the answer must be matched by a word of
the response, short words and numbers exactly, so "Moscow Declaration" is not "Moscow Format",
"Wang Wenbin" is not "Wang Yi" and "CSTO" is not "SCO". Dates are parsed and compared exactly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import OSA

from .normalise import content_tokens, initials, normalise, parse_date, tokens
from .types import Question


@dataclass(frozen=True)
class GradeResult:
    correct: bool
    typo: bool = False  # accepted only because of fuzzy matching
    matched: str | None = None  # the accepted answer (or option) the response matched
    score: float = 0.0  # 1.0/0.0 for single answers; the share right for matching and ordering


WRONG = GradeResult(False, False, None, 0.0)
_TRUE = {"true", "t", "yes", "y"}
_FALSE = {"false", "f", "no", "n"}


def grade(question: Question, response: Any) -> GradeResult:
    """Grade ``response`` against ``question``; never raises, whatever the response is."""
    try:
        if question.type == "matching":
            return _grade_matching(question, response)
        if question.type == "ordering":
            return _grade_ordering(question, response)
        text = _as_text(response)
        if text is None:
            return WRONG
        if question.type in ("multiple_choice", "true_false"):
            return _grade_choice(question, text)
        return match_text(
            text,
            [question.answer, *question.accepted_answers],
            person=_asks_for_person(question),
            date=_asks_for_date(question),
            acronyms=question.fact_kind == "mechanism",
        )
    except Exception:  # a grader must answer, never crash a quiz page
        return WRONG


def match_text(
    response: str,
    accepted: Sequence[str],
    *,
    person: bool = False,
    date: bool = False,
    acronyms: bool = False,
) -> GradeResult:
    """Compare a typed response with the accepted answers (the first is the canonical one)."""
    answers = [a for a in dict.fromkeys(str(a) for a in accepted) if normalise(a)]
    r = normalise(response)
    if not r or not answers:
        return WRONG
    if date:
        verdict = _match_date(response, answers)
        if verdict is not None:
            return verdict
    for a in answers:
        if normalise(a) == r:
            return GradeResult(True, False, a, 1.0)
    if date:
        return WRONG  # a different date is never a typo
    if acronyms and " " not in r:
        for a in answers:
            if initials(a) == r and len(r) >= 2:
                return GradeResult(True, False, a, 1.0)
    if person:
        # surname only, including multi-word surnames: "Lavrov", "von der Leyen", "da Silva"
        for a in answers:
            toks = tokens(a)
            if len(toks) >= 2 and len(toks[-1]) >= 3 and r.split() in (toks[k:] for k in range(1, len(toks))):
                return GradeResult(True, False, a, 1.0)
    for a in answers:
        if _fuzzy_equal(normalise(a), r):
            return GradeResult(True, True, a, 1.0)
    if person:
        for a in answers:
            toks = tokens(a)
            if len(toks) >= 2 and len(toks[-1]) >= 3 and " " not in r and _token_match(toks[-1], r):
                return GradeResult(True, True, a, 1.0)
    return WRONG


def _match_date(response: str, answers: Sequence[str]) -> GradeResult | None:
    """Exact comparison of parsed dates; None when either side is not a date (fall back to text)."""
    parsed = [(a, parse_date(a)) for a in answers]
    dated = [(a, p) for a, p in parsed if p is not None]
    got = parse_date(response)
    if not dated or got is None:
        return None
    # The most complete stated date is the truth; a blank that showed no year ("Aug. 16")
    # also accepts a yearless response.
    _, full = max(dated, key=lambda ap: sum(x is not None for x in ap[1]))
    yearless_ok = any(p[0] is None for _, p in dated)
    if got == full or (yearless_ok and got[0] is None and got[1:] == full[1:]):
        match = next((a for a, p in dated if p == got), answers[0])
        return GradeResult(True, False, match, 1.0)
    return WRONG


def _edit_budget(n: int) -> int:
    """Edits forgiven for a string of ``n`` characters: none up to 4, then about one per 7."""
    if n <= 4:
        return 0
    if n <= 8:
        return 1
    if n <= 15:
        return 2
    return min(6, 2 + n // 15)


def _token_match(a: str, b: str) -> bool:
    """Same word allowing a typo; numbers and words of up to 4 letters must be exact.

    The first letter must agree: a changed start is more often a different word than a slip
    ("dependent"/"independent", "unstable"/"stable"). One edit (a transposition counts as one)
    below 10 letters, two from 10, so "Austria" is not "Australia".
    """
    if a == b:
        return True
    if any(c.isdigit() for c in a + b) or min(len(a), len(b)) <= 4 or a[0] != b[0]:
        return False
    return OSA.distance(a, b) <= (1 if min(len(a), len(b)) < 10 else 2)


def _fuzzy_equal(answer: str, response: str) -> bool:
    """Typo-level equality: every content word agrees both ways and few edits overall."""
    if len(answer.replace(" ", "")) <= 4 or len(response.replace(" ", "")) <= 4:
        return False
    at, rt = content_tokens(answer), content_tokens(response)
    if not all(any(_token_match(t, u) for u in rt) for t in at):
        return False
    if not all(any(_token_match(u, t) for t in at) for u in rt):
        return False
    a, r = " ".join(at), " ".join(rt)
    return OSA.distance(a, r) <= _edit_budget(len(a))


def _as_text(response: Any) -> str | None:
    if isinstance(response, bool):
        return "True" if response else "False"
    if isinstance(response, str):
        return response
    if isinstance(response, int | float):
        return str(response)
    if isinstance(response, Sequence) and len(response) == 1 and isinstance(response[0], str):
        return response[0]
    return None


def _asks_for_person(q: Question) -> bool:
    if q.fact_kind != "leader":
        return False
    if q.type == "cloze":
        return True  # leader clozes blank the person's name
    return q.prompt.lstrip().lower().startswith("who")


def _asks_for_date(q: Question) -> bool:
    if q.fact_kind == "date":
        return True
    return parse_date(q.answer) is not None and len(q.answer) <= 30


def _grade_choice(q: Question, text: str) -> GradeResult:
    r = normalise(text)
    if q.type == "true_false":
        r = "true" if r in _TRUE else "false" if r in _FALSE else r
    ok = bool(r) and r == normalise(q.answer)
    matched = next((c for c in q.choices if normalise(c) == r), None)
    return GradeResult(ok, False, matched if matched is not None else (q.answer if ok else None),
                       1.0 if ok else 0.0)


def _pairs_of(response: Any) -> list[tuple[str, str]]:
    if isinstance(response, Mapping):
        return [(str(k), str(v)) for k, v in response.items()]
    out: list[tuple[str, str]] = []
    if isinstance(response, Sequence) and not isinstance(response, str):
        for pair in response:
            if isinstance(pair, Sequence) and not isinstance(pair, str) and len(pair) == 2:
                out.append((str(pair[0]), str(pair[1])))
    return out


def _grade_matching(q: Question, response: Any) -> GradeResult:
    truth = {normalise(left): normalise(right) for left, right in q.pairs}
    if not truth:
        return WRONG
    given: dict[str, str] = {}
    for left, right in _pairs_of(response):
        given[normalise(left)] = normalise(right)
    right_count = sum(1 for left, right in truth.items() if given.get(left) == right)
    score = right_count / len(truth)
    return GradeResult(right_count == len(truth), False, None, round(score, 4))


def _grade_ordering(q: Question, response: Any) -> GradeResult:
    truth = [normalise(i) for i in q.items]
    if isinstance(response, str):
        response = [p for p in response.replace("\u2192", "\n").splitlines() if p.strip()]
    if not truth or not isinstance(response, Sequence):
        return WRONG
    given = [normalise(str(i)) for i in response]
    if given == truth:
        return GradeResult(True, False, None, 1.0)
    if len(truth) == 1:
        return WRONG
    pos = {item: i for i, item in enumerate(truth)}
    # Partial credit: the share of adjacent pairs the learner put in the right relative order.
    good = sum(
        1
        for a, b in zip(given, given[1:], strict=False)
        if a in pos and b in pos and pos[a] < pos[b]
    )
    return GradeResult(False, False, None, round(min(1.0, good / (len(truth) - 1)), 4))
