"""Question generation and grading: facts in, ranked quiz questions out.

Pure (no Flask, no database): ``generate(facts, rng)`` turns ``facts.types.Fact`` objects into
``Question`` objects of six types, ``grade(question, response)`` marks an answer, and
``question_to_json`` gives the stable JSON shape the CLI prints and the database stores.
"""

from __future__ import annotations

from .generate import generate
from .grade import GradeResult, grade
from .types import QUESTION_TYPES, Question, question_to_json

__all__ = ["QUESTION_TYPES", "GradeResult", "Question", "generate", "grade", "question_to_json"]
