"""The question record shared by the generator, the grader, the CLI and the study views.

One flat dataclass for all six question types keeps the JSON shape fixed (the CLI prints it and the
database stores it); fields a type does not use stay empty rather than missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

QuestionType = Literal["multiple_choice", "true_false", "cloze", "short_answer", "matching", "ordering"]

QUESTION_TYPES: tuple[str, ...] = (
    "multiple_choice",
    "true_false",
    "cloze",
    "short_answer",
    "matching",
    "ordering",
)

# How each type is named to people (quiz pages, set editors, exports).
TYPE_LABELS: dict[str, str] = {
    "multiple_choice": "Multiple choice",
    "true_false": "True or false",
    "cloze": "Fill in the blank",
    "short_answer": "Short answer",
    "matching": "Matching",
    "ordering": "Ordering",
}

JSON_KEYS: tuple[str, ...] = (
    "id",
    "type",
    "prompt",
    "answer",
    "accepted_answers",
    "choices",
    "pairs",
    "items",
    "explanation",
    "difficulty",
    "fact_ids",
    "fact_kind",
    "sources",
)


@dataclass
class Question:
    """One generated question.

    ``answer`` is always a readable string (``"True"``/``"False"`` for true/false, a joined string
    for matching and ordering) so every type can be shown the same way; the structured truth for
    matching and ordering lives in ``pairs`` and ``items``. ``score`` only ranks candidates inside
    the generator and is deliberately not part of the JSON.
    """

    id: str
    type: str
    prompt: str
    answer: str
    accepted_answers: list[str] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)
    pairs: list[list[str]] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    explanation: str = ""
    difficulty: float = 0.5
    score: float = 0.0
    fact_ids: list[str] = field(default_factory=list)
    fact_kind: str = ""
    # {"article", "sentence"} dicts or ``facts.types.Source`` objects; question_to_json flattens both.
    sources: list[Any] = field(default_factory=list)


def _source_dict(src: Any) -> dict[str, str]:
    if isinstance(src, dict):
        return {"article": str(src.get("article", "")), "sentence": str(src.get("sentence", ""))}
    return {"article": str(src.article), "sentence": str(src.sentence)}


def question_to_json(q: Question) -> dict[str, Any]:
    """The stable, JSON-ready view of a question (exactly ``JSON_KEYS``; no ranking score)."""
    return {
        "id": q.id,
        "type": q.type,
        "prompt": q.prompt,
        "answer": q.answer,
        "accepted_answers": list(q.accepted_answers),
        "choices": list(q.choices),
        "pairs": [list(p) for p in q.pairs],
        "items": list(q.items),
        "explanation": q.explanation,
        "difficulty": round(float(q.difficulty), 3),
        "fact_ids": list(q.fact_ids),
        "fact_kind": q.fact_kind,
        "sources": [_source_dict(s) for s in q.sources],
    }
