"""Checks shared by the question tests."""

from __future__ import annotations

from quizapp.questions.blanks import _DATE_IN_TEXT
from quizapp.questions.normalise import parse_date


def swapped_date(prompt: str, true_sentence: str):
    """The date a false true/false statement puts where its source sentence has the true one:
    the date expression of ``prompt`` that ``true_sentence`` does not contain."""
    for m in _DATE_IN_TEXT.finditer(prompt):
        if m.group(0) not in true_sentence:
            return parse_date(m.group(0))
    return None
