"""Moodle GIFT (export and import) and Aiken (export only): the two plain-text quiz formats of
other tools, kept apart from the CSV and JSON round trip in ``teaching.formats``, whose records
and validation they share. Pure, and never raising on bad input, as the rest of the formats."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from .formats import (
    BLANK,
    BLANK_RE,
    MAX_QUESTIONS,
    ParseResult,
    QuestionData,
    Row,
    SetData,
    check,
    derived_answer,
    load_json,
)

GIFT_SPECIAL = "~=#{}:"
HINT_PREFIX = "// quizapp:"


def gift_escape(text: str) -> str:
    out = text.replace("\\", "\\\\")
    for ch in GIFT_SPECIAL:
        out = out.replace(ch, "\\" + ch)
    out = out.replace("->", "-\\>")
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def gift_unescape(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append("\n" if nxt == "n" else nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _gift_default_accepted(q: QuestionData) -> list[str]:
    """The accepted answers our importer rebuilds from the GIFT body alone."""
    if q.type in ("short_answer", "cloze"):
        return list(dict.fromkeys([q.answer, *q.accepted]))
    return [q.answer]


def _gift_hint(q: QuestionData) -> str:
    """What GIFT itself cannot say, as a comment Moodle ignores and our importer reads back."""
    hint: dict[str, Any] = {"type": q.type}
    if q.accepted != _gift_default_accepted(q):
        hint["accepted"] = q.accepted
    if q.type in ("matching", "ordering") and q.answer != derived_answer(q):
        hint["answer"] = q.answer
    hint["difficulty"] = q.difficulty
    if q.fact_kind:
        hint["fact_kind"] = q.fact_kind
    if q.sources:
        hint["sources"] = q.sources
    return HINT_PREFIX + " " + json.dumps(hint, ensure_ascii=False).replace("\n", " ")


def to_gift(data: SetData) -> str:
    """Moodle GIFT. Cloze and short answer become short-answer questions (all accepted answers
    listed), ordering becomes matching of each item to its position, and a ``// quizapp:``
    comment before each question lets our importer restore the exact type and metadata."""
    out: list[str] = []
    if data.title:
        out.append(f"// {data.title}".replace("\n", " "))
        out.append(f"$CATEGORY: {data.title}".replace("\n", " "))
        out.append("")
    for n, q in enumerate(data.questions, 1):
        feedback = f"####{gift_escape(q.explanation)}" if q.explanation else ""
        title = f"::Q{n}::"
        prompt = gift_escape(q.prompt)
        if q.type == "multiple_choice":
            opts = " ".join(("=" if c == q.answer else "~") + gift_escape(c) for c in q.choices)
            body = f"{{{opts}{feedback}}}"
        elif q.type == "true_false":
            body = f"{{{'TRUE' if q.answer == 'True' else 'FALSE'}{feedback}}}"
        elif q.type in ("short_answer", "cloze"):
            answers = list(dict.fromkeys([q.answer, *q.accepted]))
            body = "{" + " ".join("=" + gift_escape(a) for a in answers) + feedback + "}"
        elif q.type == "matching":
            body = "{" + " ".join(f"={gift_escape(a)} -> {gift_escape(b)}" for a, b in q.pairs) + feedback + "}"
        else:  # ordering
            body = "{" + " ".join(f"={gift_escape(item)} -> {i}" for i, item in
                                  enumerate(q.items, 1)) + feedback + "}"
        out.append(_gift_hint(q))
        out.append(f"{title} {prompt} {body}")
        out.append("")
    return "\n".join(out)


def _split_unescaped(text: str, seps: str) -> list[tuple[str, str]]:
    """Split ``text`` at unescaped characters of ``seps``; each part keeps its leading separator."""
    parts: list[tuple[str, str]] = []
    cur: list[str] = []
    sep = ""
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            cur.append(text[i: i + 2])
            i += 2
            continue
        if ch in seps:
            if cur or sep:
                parts.append((sep, "".join(cur)))
            cur, sep = [], ch
            i += 1
            continue
        cur.append(ch)
        i += 1
    if cur or sep:
        parts.append((sep, "".join(cur)))
    return parts


def _find_unescaped(text: str, ch: str, start: int = 0) -> int:
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == ch:
            return i
        i += 1
    return -1


def _find_general_feedback(block: str) -> int:
    i = 0
    while i < len(block):
        if block[i] == "\\":
            i += 2
            continue
        if block.startswith("####", i):
            return i
        i += 1
    return -1


def _strip_feedback(answer: str) -> str:
    """An answer without its ``#feedback`` (per-answer feedback has no place in our questions)."""
    pos = _find_unescaped(answer, "#")
    return answer if pos < 0 else answer[:pos]


def parse_gift(text: str) -> ParseResult:
    res = ParseResult("gift")
    if text.startswith("\ufeff"):
        text = text[1:]
    blocks: list[tuple[int, list[str], dict[str, Any]]] = []
    cur: list[str] = []
    start = 0
    hint: dict[str, Any] = {}
    pending_hint: dict[str, Any] = {}
    for lineno, line in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        stripped = line.strip()
        if stripped.startswith("//"):
            if stripped.startswith(HINT_PREFIX):
                try:
                    parsed = load_json(stripped[len(HINT_PREFIX):])
                    pending_hint = parsed if isinstance(parsed, dict) else {}
                except ValueError:
                    res.warnings.append(f"Line {lineno}: unreadable quizapp comment ignored.")
            continue
        if stripped.startswith("$CATEGORY:"):
            if not res.title:
                res.title = stripped[len("$CATEGORY:"):].strip().split("/")[-1]
            continue
        if not stripped:
            if cur:
                blocks.append((start, cur, hint))
                cur, hint = [], {}
            continue
        if not cur:
            start, hint, pending_hint = lineno, pending_hint, {}
        cur.append(line)
    if cur:
        blocks.append((start, cur, hint))
    if len(blocks) > MAX_QUESTIONS:
        res.file_errors.append(f"The file has {len(blocks)} questions; the limit is {MAX_QUESTIONS}.")
        return res
    for n, (lineno, lines, hint) in enumerate(blocks, 1):
        raw = "\n".join(lines).strip()
        q, errors = _gift_question(raw, hint)
        q, errors = check(q, errors) if q is not None else (None, errors)
        res.rows.append(Row(n, lineno, raw[:200], q, errors))
    if not blocks:
        res.file_errors.append("No questions found. GIFT questions look like "
                               "“Capital of France? {=Paris ~Lyon ~Nice}”, separated by blank lines.")
    return res


def _gift_question(raw: str, hint: Mapping[str, Any]) -> tuple[QuestionData | None, list[str]]:
    text = raw
    if text.startswith("::"):
        end = text.find("::", 2)
        if end < 0:
            return None, ["The question title (::title::) is not closed."]
        text = text[end + 2:]
    text = text.lstrip()
    m = re.match(r"\[(html|moodle|plain|markdown)\]", text)
    if m:
        text = text[m.end():]
    open_at = _find_unescaped(text, "{")
    if open_at < 0:
        return None, ["No answer block { … } found: a description without a question can't be imported."]
    close_at = _find_unescaped(text, "}", open_at)
    if close_at < 0:
        return None, ["The answer block is not closed with “}”."]
    before = gift_unescape(text[:open_at]).strip()
    after = gift_unescape(text[close_at + 1:]).strip()
    block = text[open_at + 1: close_at].strip()
    explanation = ""
    fb = _find_general_feedback(block)
    if fb >= 0:
        explanation = gift_unescape(block[fb + 4:]).strip()
        block = block[:fb].strip()
    prompt = f"{before} {BLANK} {after}".strip() if after else before
    base = {"prompt": prompt, "explanation": explanation}
    want = str(hint.get("type") or "")

    if not block:
        return None, ["Essay questions ({}) are not supported."]
    if block.startswith("#"):
        return None, ["Numerical questions ({#…}) are not supported; use a short answer instead."]
    head = _strip_feedback(block).strip().upper()
    if head in ("T", "TRUE", "F", "FALSE"):
        return _with_hint(QuestionData(type="true_false", answer="True" if head[0] == "T" else "False",
                                       **base), hint)
    parts = [(sep, p) for sep, p in _split_unescaped(block, "=~") if sep or p.strip()]
    if any(not sep for sep, _ in parts):
        return None, ["Every answer must start with “=” (right) or “~” (wrong)."]
    answers = [(sep, _strip_feedback(p).strip()) for sep, p in parts]
    if all(sep == "=" for sep, _ in answers) and any("->" in a for _, a in answers):
        pairs: list[list[str]] = []
        for _, a in answers:
            left, arrow, right = a.partition("->")
            if not arrow:
                return None, [f"Matching answer “{gift_unescape(a)}” has no “->”."]
            pairs.append([gift_unescape(left).strip(), gift_unescape(right).strip()])
        if want == "ordering":
            try:
                ranked = sorted(pairs, key=lambda p: int(p[1]))
            except ValueError:
                return None, ["An ordering question must match each item to its position (1, 2, 3…)."]
            return _with_hint(QuestionData(type="ordering", items=[p[0] for p in ranked], **base), hint)
        return _with_hint(QuestionData(type="matching", pairs=pairs, **base), hint)
    if any(sep == "~" for sep, _ in answers):
        choices: list[str] = []
        right: list[str] = []
        for sep, a in answers:
            weight = re.match(r"%(-?\d+(?:\.\d+)?)%", a)
            value = gift_unescape(a[weight.end():] if weight else a).strip()
            choices.append(value)
            if sep == "=" or (weight and float(weight.group(1)) >= 100):
                right.append(value)
        if len(right) != 1:
            return None, ["A multiple-choice question needs exactly one right answer (“=”); "
                          f"this one has {len(right)}."]
        return _with_hint(QuestionData(type="multiple_choice", answer=right[0], choices=choices,
                                       **base), hint)
    accepted = [gift_unescape(re.sub(r"^%\d+(?:\.\d+)?%", "", a)).strip() for _, a in answers]
    qtype = "cloze" if (want == "cloze" or BLANK_RE.search(prompt)) else "short_answer"
    return _with_hint(QuestionData(type=qtype, answer=accepted[0], accepted=accepted, **base), hint)


def _with_hint(q: QuestionData, hint: Mapping[str, Any]) -> tuple[QuestionData, list[str]]:
    """Apply the metadata of a ``// quizapp:`` comment; a hint never changes the question's
    content in a way GIFT contradicts (the type only refines short answer ↔ cloze)."""
    errors: list[str] = []
    if q.type in ("matching", "ordering"):
        answer = hint.get("answer")
        q.answer = answer if isinstance(answer, str) else derived_answer(q)
    if q.type not in ("short_answer", "cloze"):
        q.accepted = [q.answer]
    if isinstance(hint.get("accepted"), list) and all(isinstance(a, str) for a in hint["accepted"]):
        q.accepted = list(hint["accepted"])
    d = hint.get("difficulty")
    if isinstance(d, int | float) and not isinstance(d, bool):
        q.difficulty = float(d)
    if isinstance(hint.get("fact_kind"), str):
        q.fact_kind = hint["fact_kind"]
    src = hint.get("sources")
    if isinstance(src, list):
        q.sources = [{"article": str(s.get("article", "")), "sentence": str(s.get("sentence", ""))}
                     for s in src if isinstance(s, Mapping)]
    return q, errors


# --------------------------------------------------------------------------------------------
# Aiken (export only: multiple choice and true/false)
# --------------------------------------------------------------------------------------------


def to_aiken(data: SetData) -> tuple[str, list[int]]:
    """Aiken text and the 1-based numbers of questions left out (Aiken only has single-answer
    multiple choice; true/false goes in as a two-option question)."""
    out: list[str] = []
    skipped: list[int] = []
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    for n, q in enumerate(data.questions, 1):
        choices = q.choices if q.type == "multiple_choice" else (
            ["True", "False"] if q.type == "true_false" else [])
        if not choices or q.answer not in choices or len(choices) > len(letters):
            skipped.append(n)
            continue
        out.append(" ".join(q.prompt.split()))
        for letter, c in zip(letters, choices, strict=False):
            out.append(f"{letter}. {' '.join(c.split())}")
        out.append(f"ANSWER: {letters[choices.index(q.answer)]}")
        out.append("")
    return "\n".join(out), skipped
