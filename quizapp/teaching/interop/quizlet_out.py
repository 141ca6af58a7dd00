"""Questions as text Quizlet's "Import" box reads with its defaults: term, a tab, definition; one
card per line.

Quizlet cards have one side to show and one to recall, so only questions with one answer fit:

* short answer and cloze: the question (with its blank) -> the answer;
* true or false: "statement (true or false?)" -> "True" / "False";
* multiple choice: the question -> the correct option (the distractors cannot come along).

Matching and ordering questions have no single answer and are left out; ``to_quizlet`` returns
their numbers so the page or CLI can say so. A tab or line break inside a question would end the
term or the card, so every run of whitespace becomes one space.
"""

from __future__ import annotations

from ..formats import SetData
from .out_common import one_line

QUIZLET_TYPES = ("short_answer", "cloze", "true_false", "multiple_choice")


def to_quizlet(data: SetData) -> tuple[str, list[int]]:
    """The import text and the 1-based numbers of the questions it could not hold."""
    lines: list[str] = []
    skipped: list[int] = []
    for n, q in enumerate(data.questions, 1):
        if q.type not in QUIZLET_TYPES:
            skipped.append(n)
            continue
        term = one_line(q.prompt)
        if q.type == "true_false":
            term += " (true or false?)"
        definition = one_line(q.answer)
        if not term or not definition:
            skipped.append(n)
            continue
        lines.append(f"{term}\t{definition}")
    return "".join(line + "\n" for line in lines), skipped
