"""Questions as Moodle XML, the format Moodle's question bank imports with every question type.

Each type maps onto the Moodle type that asks the same thing:

=============== ==================================================================
multiple_choice ``multichoice`` with ``<single>true</single>``, one answer at 100 %
true_false      ``truefalse``, answers ``true``/``false``
short_answer    ``shortanswer``: the answer and every accepted alternative at 100 %
cloze           ``shortanswer`` with the blank (``_____``) left in the question text
matching        ``matching``, one ``<subquestion>`` per pair
ordering        ``ordering`` (the qtype_ordering plugin, core since Moodle 4.4): answers
                in the right order, their fraction the position
=============== ==================================================================

Cloze is written as a short answer with the gap in the text rather than as Moodle's embedded
"cloze" (multianswer, ``{1:SHORTANSWER:=answer}``) type: the question then imports into any
Moodle, edits like any short answer, and reads back into quizapp unchanged (a short answer whose
text holds a blank of three or more underscores is a cloze question again), whereas multianswer
text is a mini-language of its own that every reader has to re-parse and that our alternative
answers would have to be escaped into.

Where things go: the question text and options are HTML (``format="html"``) made from escaped
plain text; short-answer and matching answers are plain text as Moodle compares them (a ``*``,
Moodle's wildcard, is written ``\\*``, Moodle's own escape for a literal star). The general
feedback, which Moodle shows every student after they answer, holds the explanation and then the
source: the sentence the question was made from and its article's title. Keeping both there
(rather than the explanation in per-answer feedback) means a reader that takes the general
feedback as the explanation, as quizapp's importer does, loses neither. Tags carry ``quizapp``,
the type, fact kind and articles. A ``category`` question comes first (and again whenever the
category changes), so the import lands in a category named after the set.

Pure: data in, bytes out; ElementTree does the XML escaping, so any text is well-formed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from html import escape

from ..formats import QuestionData, SetData
from .out_common import article_titles_of, cited_sources, one_line

MOODLE_TYPES = {
    "multiple_choice": "multichoice", "true_false": "truefalse", "short_answer": "shortanswer",
    "cloze": "shortanswer", "matching": "matching", "ordering": "ordering",
}
CATEGORY_ROOT = "$course$/top"


def _html(text: str) -> str:
    return escape(text, quote=False).replace("\n", "<br>")


# Characters XML 1.0 cannot hold at all (escaping does not help): dropped from any text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {"format": fmt, **attrs} if fmt else attrs)
    ET.SubElement(el, "text").text = _NOT_XML.sub("", value)
    return el


def _plain_answer(text: str) -> str:
    """A short answer as Moodle matches it: ``*`` is its wildcard, ``\\*`` a literal star (a
    backslash before anything else is itself)."""
    return text.replace("*", "\\*")


def category_path(name: str) -> str:
    """``$course$/top/<name>``; a ``/`` inside a part is written ``//`` as Moodle expects."""
    parts = [one_line(p).replace("/", "//") for p in name.split("::")]
    return "/".join([CATEGORY_ROOT, *[p for p in parts if p]])


def general_feedback(q: QuestionData, titles: Mapping[str, str]) -> str:
    """The explanation, then each cited sentence with its article's title."""
    explanation = f"<p>{_html(q.explanation)}</p>" if q.explanation else ""
    return explanation + "".join(
        f"<blockquote>{_html(sentence)}</blockquote>" + (f"<p><cite>{_html(title)}</cite></p>" if title else "")
        for title, sentence in cited_sources(q, titles)
    )


def question_element(q: QuestionData, titles: Mapping[str, str] | None = None) -> ET.Element:
    """One ``<question>`` element for ``q``."""
    titles = titles or {}
    qtype = MOODLE_TYPES[q.type]
    el = ET.Element("question", {"type": qtype})
    name = one_line(q.prompt)
    _text(el, "name", name if len(name) <= 80 else name[:79] + "\u2026")
    _text(el, "questiontext", _html(q.prompt), "html")
    _text(el, "generalfeedback", general_feedback(q, titles), "html")
    ET.SubElement(el, "defaultgrade").text = "1"
    ET.SubElement(el, "penalty").text = "0.3333333"
    ET.SubElement(el, "hidden").text = "0"

    def answer(text: str, fraction: str, fmt: str | None) -> None:
        a = _text(el, "answer", text, fmt, fraction=fraction)
        _text(a, "feedback", "", "html")

    if q.type == "multiple_choice":
        ET.SubElement(el, "single").text = "true"
        ET.SubElement(el, "shuffleanswers").text = "true"
        ET.SubElement(el, "answernumbering").text = "abc"
        for choice in q.choices:
            answer(_html(choice), "100" if choice == q.answer else "0", "html")
    elif q.type == "true_false":
        answer("true", "100" if q.answer == "True" else "0", "moodle_auto_format")
        answer("false", "100" if q.answer == "False" else "0", "moodle_auto_format")
    elif q.type in ("short_answer", "cloze"):
        ET.SubElement(el, "usecase").text = "0"
        for alt in dict.fromkeys([q.answer, *q.accepted]):
            answer(_plain_answer(alt), "100", "moodle_auto_format")
    elif q.type == "matching":
        ET.SubElement(el, "shuffleanswers").text = "true"
        for left, right in q.pairs:
            sub = _text(el, "subquestion", _html(left), "html")
            _text(sub, "answer", right)
    elif q.type == "ordering":
        ET.SubElement(el, "layouttype").text = "VERTICAL"
        ET.SubElement(el, "selecttype").text = "ALL"
        ET.SubElement(el, "selectcount").text = "0"
        ET.SubElement(el, "gradingtype").text = "ABSOLUTE_POSITION"
        ET.SubElement(el, "showgrading").text = "SHOW"
        ET.SubElement(el, "numberingstyle").text = "none"
        for position, item in enumerate(q.items, 1):
            answer(_html(item), f"{position}.0000000", "html")
    tags = ET.SubElement(el, "tags")
    for value in ["quizapp", f"type:{q.type}", *([f"kind:{q.fact_kind}"] if q.fact_kind else []),
                  *article_titles_of(q, titles)]:
        _text(tags, "tag", one_line(value))
    return el


def to_moodle_xml(data: SetData, titles: Mapping[str, str] | None = None,
                  categories: Sequence[str] | None = None) -> bytes:
    """The Moodle XML quiz file (UTF-8 bytes) for ``data``.

    All questions go into a category named after the set, unless ``categories[i]`` names
    question i's (``"Collection::Article"`` becomes ``$course$/top/Collection/Article``).
    """
    if categories is not None and len(categories) != len(data.questions):
        raise ValueError("one category per question")
    quiz = ET.Element("quiz")
    current = None
    for i, q in enumerate(data.questions):
        category = category_path(categories[i] if categories is not None else (data.title or "quizapp set"))
        if category != current:
            cat = ET.SubElement(quiz, "question", {"type": "category"})
            _text(cat, "category", category)
            _text(cat, "info", _html(data.description), "html")
            current = category
        quiz.append(question_element(q, titles))
    ET.indent(quiz)
    body = ET.tostring(quiz, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode()
