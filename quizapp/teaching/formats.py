"""Sets in and out of files: CSV and JSON (exact round trip), plus the validation rules every
question must pass, whether it was typed into a form or read from a file. Moodle GIFT and Aiken,
the plain-text formats of other tools, are in ``teaching.gift``; JSON and CSV themselves in
``teaching.interop.csv_json`` (re-exported here).

Pure: strings in, dataclasses out. Parsers never raise on bad input; they return a
``ParseResult`` with one ``Row`` per question and the errors of each row, so the teacher sees
exactly which lines to fix and can choose to import only the valid ones.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..questions.types import TYPE_LABELS as TYPE_LABELS  # shown in set editors

TYPES = ("multiple_choice", "true_false", "cloze", "short_answer", "matching", "ordering")
FACT_KINDS = ("", "date", "leader", "mechanism", "goal")
BLANK_RE = re.compile(r"_{3,}")
BLANK = "_____"
MAX_PROMPT = 2000
MAX_OPTION = 300
MAX_EXPLANATION = 4000
MAX_OPTIONS = 10
MAX_QUESTIONS = 500
MATCH_ARROW = " \u2192 "
JSON_FORMAT = "quizapp-set"
JSON_VERSION = 1
CSV_COLUMNS = (
    "type", "prompt", "answer", "accepted", "choices", "pairs_left", "pairs_right", "items",
    "explanation", "difficulty", "fact_kind", "sources",
)


# --------------------------------------------------------------------------------------------
# The interchange record
# --------------------------------------------------------------------------------------------


@dataclass
class QuestionData:
    """A question as it travels between forms, files and the database (no ids, no owner).

    Lists hold single-line, non-empty, stripped strings: that is what makes the newline-separated
    CSV cells an exact round trip. ``sources`` keeps provenance as ``{"article", "sentence"}``.
    """

    type: str
    prompt: str
    answer: str = ""
    accepted: list[str] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)
    pairs: list[list[str]] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    explanation: str = ""
    difficulty: float = 0.5
    fact_kind: str = ""
    sources: list[dict[str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "prompt": self.prompt,
            "answer": self.answer,
            "accepted": list(self.accepted),
            "choices": list(self.choices),
            "pairs": [list(p) for p in self.pairs],
            "items": list(self.items),
            "explanation": self.explanation,
            "difficulty": self.difficulty,
            "fact_kind": self.fact_kind,
            "sources": [dict(s) for s in self.sources],
        }


@dataclass
class SetData:
    title: str = ""
    description: str = ""
    questions: list[QuestionData] = field(default_factory=list)


@dataclass(frozen=True)
class FieldError:
    field: str  # the QuestionData field (or "question") the message is about
    message: str


@dataclass
class Row:
    """One question of an imported file: where it was, what it became, what is wrong with it."""

    number: int  # CSV row (header = 1), JSON index (1-based) or GIFT question number
    line: int | None
    excerpt: str
    question: QuestionData | None
    errors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)  # tags the other tool kept (Anki), shown in the preview

    @property
    def ok(self) -> bool:
        return self.question is not None and not self.errors

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number, "line": self.line, "excerpt": self.excerpt,
            "question": self.question.to_json() if self.question else None, "errors": list(self.errors),
            "tags": list(self.tags),
        }

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Row:
        q = d.get("question")
        return cls(int(d["number"]), d.get("line"), str(d.get("excerpt", "")),
                   question_from_mapping(q)[0] if q else None, list(d.get("errors", [])),
                   [str(t) for t in d.get("tags", [])])


@dataclass
class ParseResult:
    format: str
    title: str = ""
    description: str = ""
    rows: list[Row] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def valid_rows(self) -> list[Row]:
        return [r for r in self.rows if r.ok]

    @property
    def bad_rows(self) -> list[Row]:
        return [r for r in self.rows if not r.ok]

    @property
    def all_valid(self) -> bool:
        return not self.file_errors and bool(self.rows) and not self.bad_rows

    def questions(self) -> list[QuestionData]:
        return [r.question for r in self.valid_rows if r.question is not None]

    def to_json(self) -> dict[str, Any]:
        return {"format": self.format, "title": self.title, "description": self.description,
                "rows": [r.to_json() for r in self.rows], "file_errors": list(self.file_errors),
                "warnings": list(self.warnings)}

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> ParseResult:
        return cls(str(d.get("format", "")), str(d.get("title", "")), str(d.get("description", "")),
                   [Row.from_json(r) for r in d.get("rows", [])], list(d.get("file_errors", [])),
                   list(d.get("warnings", [])))


# --------------------------------------------------------------------------------------------
# Normalising and validating
# --------------------------------------------------------------------------------------------


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def derived_answer(q: QuestionData) -> str:
    """The readable answer of a matching or ordering question, as the generator writes it."""
    if q.type == "matching":
        return "; ".join(f"{left}{MATCH_ARROW}{right}" for left, right in q.pairs)
    if q.type == "ordering":
        return MATCH_ARROW.join(q.items)
    return q.answer


def normalise(q: QuestionData) -> QuestionData:
    """Tidy a question without changing what it asks: strip text, drop blank list entries, fill in
    what follows from the type. Idempotent, and a no-op on anything ``validate`` accepts."""

    def clean(items: Iterable[Any]) -> list[str]:
        return [s for s in (str(x).strip() for x in items) if s]

    q = replace(q)
    q.type = (q.type or "").strip().lower().replace("-", "_").replace(" ", "_")
    q.prompt = (q.prompt or "").replace("\r\n", "\n").strip()
    q.answer = (q.answer or "").strip()
    q.explanation = (q.explanation or "").replace("\r\n", "\n").strip()
    q.fact_kind = (q.fact_kind or "").strip().lower()
    q.accepted = clean(q.accepted)
    q.choices = clean(q.choices)
    q.items = clean(q.items)
    q.sources = [{"article": str(src.get("article", "")), "sentence": str(src.get("sentence", ""))}
                 for src in q.sources]
    q.pairs = [[str(a).strip(), str(b).strip()] for a, b in q.pairs
               if str(a).strip() or str(b).strip()]
    if q.type == "true_false":
        low = q.answer.lower()
        if low in ("t", "true", "yes", "y"):
            q.answer = "True"
        elif low in ("f", "false", "no", "n"):
            q.answer = "False"
        q.choices = ["True", "False"]
    if q.type == "multiple_choice" and q.answer and q.answer not in q.choices:
        same = [c for c in q.choices if _fold(c) == _fold(q.answer)]
        if len(same) == 1:
            q.answer = same[0]
    if q.type in ("matching", "ordering") and not q.answer:
        q.answer = derived_answer(q)
    return q


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def validate(q: QuestionData) -> list[FieldError]:
    """Everything wrong with ``q`` (empty list = valid), with the field each problem is about.

    The same rules guard the authoring form and every importer, so a question that can be typed
    can be imported and vice versa.
    """
    errs: list[FieldError] = []

    def err(f: str, m: str) -> None:
        errs.append(FieldError(f, m))

    if q.type not in TYPES:
        err("type", f"Unknown question type “{q.type}”. Use one of: {', '.join(TYPES)}.")
        return errs
    if not q.prompt:
        err("prompt", "The question text is empty.")
    elif len(q.prompt) > MAX_PROMPT:
        err("prompt", f"The question text is longer than {MAX_PROMPT} characters.")
    if any(_CONTROL.search(t) for t in (q.prompt, q.answer, q.explanation)):
        err("prompt", "The text contains control characters; remove them.")
    if len(q.explanation) > MAX_EXPLANATION:
        err("explanation", f"The explanation is longer than {MAX_EXPLANATION} characters.")
    if not (isinstance(q.difficulty, int | float) and math.isfinite(q.difficulty)
            and 0 <= q.difficulty <= 1):
        err("difficulty", "Difficulty must be a number from 0 to 1.")
    if q.fact_kind not in FACT_KINDS:
        err("fact_kind", f"Unknown fact kind “{q.fact_kind}”.")
    for name in ("accepted", "choices", "items"):
        for value in getattr(q, name):
            _check_option(err, name, value)
    for pair in q.pairs:
        for value in pair:
            _check_option(err, "pairs", value)
    if len(q.choices) > MAX_OPTIONS or len(q.items) > MAX_OPTIONS or len(q.pairs) > MAX_OPTIONS:
        err("question", f"At most {MAX_OPTIONS} options, pairs or items.")

    if q.type == "multiple_choice":
        folded = [_fold(c) for c in q.choices]
        if len(q.choices) < 2:
            err("choices", "A multiple-choice question needs at least two options.")
        elif len(set(folded)) != len(folded):
            err("choices", "Two options are the same; every option must be different.")
        if not q.answer:
            err("answer", "Mark one option as the correct answer.")
        elif folded.count(_fold(q.answer)) != 1:
            err("answer", "The correct answer must be exactly one of the options.")
    elif q.type == "true_false":
        if q.answer not in ("True", "False"):
            err("answer", "The answer of a true-or-false question must be True or False.")
    elif q.type in ("short_answer", "cloze"):
        if not q.answer:
            err("answer", "Give the expected answer.")
        elif "\n" in q.answer or "\r" in q.answer:
            err("answer", "The answer must fit on one line.")
        if q.type == "cloze" and q.prompt and not BLANK_RE.search(q.prompt):
            err("prompt", "Mark the gap with at least three underscores, e.g. “The capital is ___.”")
    elif q.type == "matching":
        if any(not a or not b for a, b in q.pairs):
            err("pairs", "Every pair needs both a left and a right side.")
        if len(q.pairs) < 2:
            err("pairs", "A matching question needs at least two pairs.")
        lefts = [_fold(a) for a, _ in q.pairs]
        rights = [_fold(b) for _, b in q.pairs]
        if len(set(lefts)) != len(lefts) or len(set(rights)) != len(rights):
            err("pairs", "Each left side and each right side must be different from the others.")
    elif q.type == "ordering":
        if len(q.items) < 3:
            err("items", "An ordering question needs at least three items.")
        folded = [_fold(i) for i in q.items]
        if len(set(folded)) != len(folded):
            err("items", "Two items are the same; every item must be different.")
    return errs


def _check_option(err, name: str, value: str) -> None:
    if "\n" in value or "\r" in value or _CONTROL.search(value):
        err(name, "Options, items, pairs and alternative answers must each fit on one line.")
    elif len(value) > MAX_OPTION:
        err(name, f"An option is longer than {MAX_OPTION} characters.")


def question_from_mapping(d: Mapping[str, Any]) -> tuple[QuestionData | None, list[str]]:
    """Build a question from loosely-typed data (JSON object, CSV row); type errors are reported."""
    errors: list[str] = []
    if not isinstance(d, Mapping):
        return None, ["Each question must be an object."]

    def text(key: str) -> str:
        v = d.get(key, "")
        if v is None:
            return ""
        if isinstance(v, bool) or not isinstance(v, str | int | float):
            errors.append(f"“{key}” must be text.")
            return ""
        return str(v)

    def strings(key: str) -> list[str]:
        v = d.get(key) or []
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            errors.append(f"“{key}” must be a list of texts.")
            return []
        return list(v)

    pairs_raw = d.get("pairs") or []
    pairs: list[list[str]] = []
    if not isinstance(pairs_raw, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in pairs_raw
    ):
        errors.append("“pairs” must be a list of [left, right] pairs of texts.")
    else:
        pairs = [list(p) for p in pairs_raw]
    sources_raw = d.get("sources") or []
    sources: list[dict[str, str]] = []
    if not isinstance(sources_raw, list) or not all(isinstance(s, Mapping) for s in sources_raw):
        errors.append("“sources” must be a list of {article, sentence} objects.")
    else:
        sources = [{"article": str(s.get("article", "")), "sentence": str(s.get("sentence", ""))}
                   for s in sources_raw]
    difficulty = d.get("difficulty", 0.5)
    if difficulty in (None, ""):
        difficulty = 0.5
    if isinstance(difficulty, str):
        try:
            difficulty = float(difficulty)
        except ValueError:
            errors.append("“difficulty” must be a number from 0 to 1.")
            difficulty = 0.5
    if isinstance(difficulty, bool) or not isinstance(difficulty, int | float):
        errors.append("“difficulty” must be a number from 0 to 1.")
        difficulty = 0.5
    q = QuestionData(
        type=text("type"), prompt=text("prompt"), answer=text("answer"),
        accepted=strings("accepted"), choices=strings("choices"), pairs=pairs,
        items=strings("items"), explanation=text("explanation"), difficulty=float(difficulty),
        fact_kind=text("fact_kind"), sources=sources,
    )
    return q, errors


def check(q: QuestionData | None, errors: list[str]) -> tuple[QuestionData | None, list[str]]:
    """Normalise and validate; messages of type problems first, then rule problems."""
    if q is None:
        return None, errors
    q = normalise(q)
    return q, [*errors, *(e.message for e in validate(q))]


# JSON and CSV live in ``interop.csv_json``; re-exported here for the callers of this module
# (imported at this point: that module builds on the records above).
from .interop.csv_json import (  # noqa: E402, F401
    JSON_MAX_DEPTH,
    JSON_MAX_DIGITS,
    load_json,
    parse_csv,
    parse_json,
    to_csv,
    to_json,
)

# --------------------------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------------------------

IMPORT_FORMATS = ("csv", "json", "gift")


def guess_format(filename: str, text: str) -> str | None:
    name = filename.lower()
    for ext, fmt in ((".csv", "csv"), (".tsv", "csv"), (".json", "json"), (".gift", "gift"),
                     (".txt", "gift")):
        if name.endswith(ext):
            return fmt
    head = text.lstrip()[:1]
    if head in ("{", "["):
        return "json"
    return None


def parse(fmt: str, text: str) -> ParseResult:
    if fmt == "csv":
        return parse_csv(text)
    if fmt == "json":
        return parse_json(text)
    if fmt == "gift":
        from .gift import parse_gift  # the GIFT module builds on this one's records

        return parse_gift(text)
    return ParseResult(fmt, file_errors=[f"Unknown format “{fmt}”: use CSV, JSON or GIFT."])
