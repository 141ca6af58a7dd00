"""quizapp's own set files: JSON and CSV, written and read with an exact round trip.

Split from ``teaching.formats`` (which keeps the interchange record and the validation every
question passes, and re-exports these functions for its callers). Pure: strings in, dataclasses
out; parsers return a ``ParseResult`` and never raise on bad input.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable
from typing import Any

from ..formats import (
    CSV_COLUMNS,
    JSON_FORMAT,
    JSON_VERSION,
    MAX_QUESTIONS,
    ParseResult,
    QuestionData,
    Row,
    SetData,
    check,
    question_from_mapping,
)

# --------------------------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------------------------


def to_json(data: SetData) -> str:
    doc = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "title": data.title,
        "description": data.description,
        "questions": [q.to_json() for q in data.questions],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# Bounds for JSON read from an uploaded file: real exports nest four deep and carry numbers of a
# few digits. Deeper nesting ends in a RecursionError inside the decoder, a 5000-digit number in
# a ValueError, and one of 400 digits in an OverflowError once it becomes a float.
JSON_MAX_DEPTH = 32
JSON_MAX_DIGITS = 30


def load_json(text: str) -> Any:
    """``json.loads`` for untrusted files. Nesting too deep is a ``json.JSONDecodeError`` (with
    its place); a number too long or not finite a ``ValueError`` (the decoder does not say where):
    callers report both as a malformed file."""
    depth = 0
    in_string = escaped = False
    for i, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > JSON_MAX_DEPTH:
                raise json.JSONDecodeError(f"nested more than {JSON_MAX_DEPTH} deep", text, i)
        elif ch in "]}":
            depth -= 1

    def number(kind):
        def parse(raw: str):
            if len(raw) > JSON_MAX_DIGITS:
                raise ValueError(f"a number of {len(raw)} characters")
            value = kind(raw)
            if isinstance(value, float) and not math.isfinite(value):
                raise ValueError("a number too large")
            return value
        return parse

    def constant(name: str):
        raise ValueError(f"{name} is not a number")

    return json.loads(text, parse_int=number(int), parse_float=number(float), parse_constant=constant)


def parse_json(text: str) -> ParseResult:
    res = ParseResult("json")
    try:
        doc = load_json(text)
    except json.JSONDecodeError as exc:
        res.file_errors.append(f"Not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno}).")
        return res
    except ValueError as exc:
        res.file_errors.append(f"Not valid JSON: {exc}.")
        return res
    if isinstance(doc, list):
        questions = doc
    elif isinstance(doc, dict) and isinstance(doc.get("questions"), list):
        questions = doc["questions"]
        if doc.get("format") not in (None, JSON_FORMAT):
            res.warnings.append(f"The file says its format is “{doc.get('format')}”; read it anyway.")
        res.title = str(doc.get("title") or "")
        res.description = str(doc.get("description") or "")
    else:
        res.file_errors.append("Expected an object with a “questions” list (as exported by quizapp) "
                               "or a list of questions.")
        return res
    if len(questions) > MAX_QUESTIONS:
        res.file_errors.append(f"The file has {len(questions)} questions; the limit is {MAX_QUESTIONS}.")
        return res
    for i, raw in enumerate(questions, 1):
        q, errors = check(*question_from_mapping(raw))
        excerpt = str(raw.get("prompt", "")) if isinstance(raw, dict) else str(raw)
        res.rows.append(Row(i, None, excerpt[:200], q, errors))
    if not questions:
        res.file_errors.append("The file has no questions.")
    return res


# --------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------


def _lines(values: Iterable[str]) -> str:
    return "\n".join(values)


def _unlines(cell: str) -> list[str]:
    return [line for line in cell.replace("\r\n", "\n").split("\n") if line.strip()]


def to_csv(data: SetData) -> str:
    """One row per question; list fields hold one entry per line inside the cell.

    Spreadsheets show such cells as wrapped text, so a teacher can edit options in Excel or
    LibreOffice. ``sources`` is a JSON cell: provenance is for machines, not for editing.
    """
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for q in data.questions:
        w.writerow([
            q.type, q.prompt, q.answer, _lines(q.accepted), _lines(q.choices),
            _lines(a for a, _ in q.pairs), _lines(b for _, b in q.pairs), _lines(q.items),
            q.explanation, repr(float(q.difficulty)), q.fact_kind,
            json.dumps(q.sources, ensure_ascii=False) if q.sources else "",
        ])
    return buf.getvalue()


def parse_csv(text: str) -> ParseResult:
    res = ParseResult("csv")
    if text.startswith("\ufeff"):
        text = text[1:]
    first = text.split("\n", 1)[0]
    # The header decides the delimiter (Excel in some locales writes ";"); the sniffer guesses
    # wrong on prompts full of punctuation.
    delimiter = max(",;\t", key=lambda d: (first.count(d), d == ","))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        res.file_errors.append("The file is empty.")
        return res
    except csv.Error as exc:
        res.file_errors.append(f"Not a readable CSV file: {exc}.")
        return res
    cols = [h.strip().lower().replace(" ", "_") for h in header]
    missing = [c for c in ("type", "prompt") if c not in cols]
    if missing:
        res.file_errors.append(
            "Missing column(s): " + ", ".join(missing)
            + ". The first row must name the columns: " + ", ".join(CSV_COLUMNS) + "."
        )
        return res
    unknown = [h for h in cols if h and h not in CSV_COLUMNS]
    if unknown:
        res.warnings.append("Ignored unknown column(s): " + ", ".join(unknown) + ".")
    number = 1
    try:
        for record in reader:
            number += 1
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if number - 1 > MAX_QUESTIONS:
                res.file_errors.append(f"More than {MAX_QUESTIONS} questions; split the file.")
                break
            cells = dict(zip(cols, record, strict=False))
            errors: list[str] = []
            if len(record) > len(cols):
                errors.append(f"Row has {len(record)} cells but the header names {len(cols)} columns.")
            q, errors = check(*_csv_question(cells, errors))
            res.rows.append(Row(number, line, (cells.get("prompt") or "")[:200], q, errors))
    except csv.Error as exc:
        res.file_errors.append(f"CSV error near line {reader.line_num}: {exc}.")
    if not res.rows and not res.file_errors:
        res.file_errors.append("The file has a header but no questions.")
    return res


def _csv_question(cells: dict[str, str], errors: list[str]) -> tuple[QuestionData | None, list[str]]:
    lefts = _unlines(cells.get("pairs_left", ""))
    rights = _unlines(cells.get("pairs_right", ""))
    if len(lefts) != len(rights):
        errors.append(f"pairs_left has {len(lefts)} lines but pairs_right has {len(rights)}; "
                      "put one pair per line in both cells.")
    sources: list = []
    raw_sources = (cells.get("sources") or "").strip()
    if raw_sources:
        try:
            sources = load_json(raw_sources)
        except ValueError:
            errors.append("The sources cell is not valid JSON; leave it empty or as exported.")
    mapping = {
        "type": cells.get("type", ""),
        "prompt": cells.get("prompt", ""),
        "answer": cells.get("answer", ""),
        "accepted": _unlines(cells.get("accepted", "")),
        "choices": _unlines(cells.get("choices", "")),
        "pairs": [list(p) for p in zip(lefts, rights, strict=False)],
        "items": _unlines(cells.get("items", "")),
        "explanation": cells.get("explanation", ""),
        "difficulty": cells.get("difficulty", ""),
        "fact_kind": cells.get("fact_kind", ""),
        "sources": sources,
    }
    q, more = question_from_mapping(mapping)
    return q, [*errors, *more]
