"""Moodle XML in: the question types that mean the same thing in quizapp (multiple choice with one
right answer, true/false, short answer, matching, a drop-down gap that is a cloze, ordering) become
questions; every other ``<question>`` is a row saying why it cannot be imported.

The file comes from a stranger, so it is parsed without a DTD, without entities (a file that
declares any is refused: that is how "billion laughs" and external-entity attacks start), without
network access and with libxml2's default depth and size limits."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..formats import BLANK, MAX_QUESTIONS, ParseResult, QuestionData, Row, check
from .notes import html_to_text, one_line

if TYPE_CHECKING:
    from lxml import etree

MAX_DEPTH = 64
_NOT_IMPORTABLE = {
    "category": "A category (where questions live in Moodle's bank), not a question.",
    "description": "A description shows text only; it asks nothing.",
    "essay": "An essay is graded by hand; quizapp has no hand-graded questions.",
    "numerical": "Numerical answers with tolerances are not supported.",
    "calculated": "Calculated questions (formulas with wildcards) are not supported.",
    "calculatedsimple": "Calculated questions (formulas with wildcards) are not supported.",
    "calculatedmulti": "Calculated questions (formulas with wildcards) are not supported.",
    "multianswer": "Embedded answers (Cloze with several sub-questions) do not map to one question.",
    "cloze": "Embedded answers (Cloze with several sub-questions) do not map to one question.",
    "randomsamatch": "Random short-answer matching draws from the Moodle bank, which is not in the file.",
    "ddwtos": "Drag-and-drop into text is not supported.",
    "ddimageortext": "Drag-and-drop onto an image is not supported.",
    "ddmarker": "Drag-and-drop markers are not supported.",
}


class XMLRefused(ValueError):
    """The file is not safe or not well-formed XML: nothing of it is imported."""


def _safe_tree(data: bytes) -> etree._Element:
    head = data[:65536]
    if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in data.upper():
        raise XMLRefused("The XML file declares a DOCTYPE or entities; Moodle never writes those, "
                         "and they are refused for safety (entity expansion, external files).")
    from lxml import etree  # here, not at import time: the CLI and the app start without it

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                             dtd_validation=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        msg = str(exc)
        if "depth" in msg.lower():
            raise XMLRefused("The XML is nested too deeply to be a Moodle question file.") from None
        raise XMLRefused(f"Not well-formed XML: {msg}") from None
    depth_of = {root: 1}
    for el in root.iter():
        d = depth_of.get(el.getparent(), 0) + 1 if el is not root else 1
        depth_of[el] = d
        if d > MAX_DEPTH:
            raise XMLRefused(f"The XML is nested more than {MAX_DEPTH} deep; a Moodle file is about 6.")
    return root


def looks_like_moodle(text_head: str) -> bool:
    head = text_head.lstrip("\ufeff \t\r\n")[:400]
    return head.startswith("<?xml") or head.startswith("<quiz") or "<quiz>" in head


def _text(el: etree._Element | None, stats: dict) -> str:
    """The text of a ``<questiontext>``-like element (its ``<text>`` child), HTML reduced."""
    if el is None:
        return ""
    t = el.find("text")
    raw = (t.text if t is not None else el.text) or ""
    is_html = el.get("format", "html") in ("html", "moodle_auto_format", "markdown") or "<" in raw
    raw = re.sub(r"@@PLUGINFILE@@/[^\"'\s)]*", "", raw)
    cleaned = html_to_text(raw, is_html)
    stats["media"] += cleaned.media + len(el.findall("file"))
    return cleaned.text


def _fraction(el: etree._Element) -> float:
    try:
        return float(el.get("fraction", "0"))
    except ValueError:
        return 0.0


def _question(el: etree._Element, qtype: str, stats: dict) -> tuple[QuestionData | None, list[str]]:
    prompt = _text(el.find("questiontext"), stats)
    explanation = _text(el.find("generalfeedback"), stats)
    answers = [(one_line(_text(a, stats)), _fraction(a)) for a in el.findall("answer")]
    errors: list[str] = []

    if qtype == "multichoice":
        single = (el.findtext("single") or "true").strip().lower() in ("true", "1")
        right = [a for a, f in answers if f >= 100]
        if not single and not (len(right) == 1 and all(f <= 0 for a, f in answers if a != right[0])):
            return None, ["Several right answers with partial credit: quizapp multiple choice has "
                          "exactly one right option."]
        if len(right) != 1:
            errors.append(f"Expected one answer with 100% credit, found {len(right)}.")
        q = QuestionData("multiple_choice", prompt, right[0] if right else "",
                         choices=[a for a, _ in answers], explanation=explanation)
    elif qtype == "truefalse":
        right = [a.lower() for a, f in answers if f >= 100]
        q = QuestionData("true_false", prompt, right[0] if right else "", explanation=explanation)
        if len(right) != 1:
            errors.append("Neither true nor false is marked right.")
    elif qtype == "shortanswer":
        right = [a for a, f in answers if f >= 100]
        if not right:
            return None, ["No answer earns full credit."]
        if any(re.search(r"(?<!\\)\*", a) for a in right):
            errors.append("The answer uses Moodle's * wildcard, which quizapp does not grade.")
        right = [a.replace("\\*", "*") for a in right]  # "\*" is Moodle's literal star
        # a short answer whose text has a blank is a cloze (how quizapp's own export writes one)
        kind = "cloze" if re.search(r"_{3,}", prompt) else "short_answer"
        q = QuestionData(kind, prompt, right[0], accepted=right[1:], explanation=explanation)
    elif qtype == "matching":
        pairs = []
        for sub in el.findall("subquestion"):
            left = one_line(_text(sub, stats))
            right_el = sub.find("answer")
            right_text = one_line(_text(right_el, stats)) if right_el is not None else ""
            if not left:
                return None, ["Extra wrong answers (a sub-question without text) have no place in a "
                              "quizapp matching question."]
            pairs.append([left, right_text])
        q = QuestionData("matching", prompt, pairs=pairs, explanation=explanation)
    elif qtype == "gapselect":
        gaps = re.findall(r"\[\[(\d+)\]\]", prompt)
        options = [one_line(_text(o, stats)) for o in el.findall("selectoption")]
        if len(gaps) != 1 or not gaps[0].isdigit() or not 1 <= int(gaps[0]) <= len(options):
            return None, [f"A drop-down question with {len(gaps)} gaps; only one gap maps to a cloze "
                          "question."]
        q = QuestionData("cloze", prompt.replace(f"[[{gaps[0]}]]", BLANK), options[int(gaps[0]) - 1],
                         explanation=explanation)
    elif qtype == "ordering":
        items = [a for a, _ in sorted(answers, key=lambda af: af[1])] if answers else []
        q = QuestionData("ordering", prompt, items=items, explanation=explanation)
    else:
        return None, [_NOT_IMPORTABLE.get(qtype, f"Moodle question type “{qtype}” is not supported.")]
    return check(q, errors)


def parse_moodle_xml(data: bytes) -> ParseResult:
    """Rows for every ``<question>`` of a Moodle XML file; ``XMLRefused`` for a file that is
    unsafe or not XML (callers turn it into a 4xx without storing anything)."""
    res = ParseResult("moodle")
    root = _safe_tree(data)
    if root.tag != "quiz":
        res.file_errors.append(f"The XML's root is <{root.tag}>, not Moodle's <quiz>.")
        return res
    questions = root.findall("question")
    if len(questions) > MAX_QUESTIONS + 50:
        res.file_errors.append(f"The file has {len(questions)} questions; the limit is {MAX_QUESTIONS}.")
        return res
    stats = {"media": 0}
    for i, el in enumerate(questions, 1):
        qtype = (el.get("type") or "").strip().lower()
        name = one_line(_text(el.find("name"), stats)) if el.find("name") is not None else ""
        if qtype == "category":
            path = (el.findtext("category/text") or "").strip()
            if path and not res.title:
                res.title = path.split("/")[-1].strip()[:200]
            excerpt = f"Category {path}"
        else:
            excerpt = name or one_line(_text(el.find("questiontext"), stats))
        q, errors = _question(el, qtype, stats)
        res.rows.append(Row(i, el.sourceline, f"[{qtype}] {excerpt}"[:200], q, errors))
    if sum(1 for r in res.rows if r.question) > MAX_QUESTIONS:
        res.file_errors.append(f"More than {MAX_QUESTIONS} questions; split the file.")
    if stats["media"]:
        res.warnings.append(f"{stats['media']} picture(s) or file(s) left out: quizapp imports text only.")
    if not questions:
        res.file_errors.append("The file has no <question> elements.")
    return res
