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


def facts_of(raw: str, key: str = "a.txt") -> list:
    """The facts the extractor finds in one invented article given as raw text."""
    from quizapp.corpus.parse import parse_article
    from quizapp.facts import article_input, extract

    return extract([article_input(parse_article(key, raw))])


def leaders_of(raw: str) -> dict[str, tuple]:
    """Each person the extractor finds in one invented article (raw text), with their (role, country)."""
    return {f.name: (f.role, f.country) for f in facts_of(raw) if f.kind == "leader"}


def prompts_of(raw: str) -> list[str]:
    """The prompts of every item that passes the checks (no per-article budget) for one invented
    article given as raw text: what the round-class tests read."""
    import random

    from quizapp.questions.generate import generate

    return [q.prompt for q in generate(facts_of(raw), random.Random(0), budget=0)]


def questions_of(raw: str) -> list[dict]:
    """Every item that passes the checks (no per-article budget) for one invented article given as
    raw text, as dicts (prompt, choices, answer, ...)."""
    import random
    from dataclasses import asdict

    from quizapp.questions.generate import generate

    return [asdict(q) for q in generate(facts_of(raw), random.Random(0), budget=0)]


def goal_actors(raw: str) -> dict[str, str]:
    """Each goal of one invented article (given as raw text) with the party it was given to."""
    from quizapp.corpus.parse import parse_article
    from quizapp.facts import article_input, extract

    facts = extract([article_input(parse_article("i.txt", raw))])
    return {f.goal: f.actor for f in facts if f.kind == "goal"}


def when_asked(text: str, date_text: str):
    """The "when" question (``Asked``, or None) the extractor writes for ``date_text`` in one invented
    sentence."""
    from quizapp.facts.event_questions import when_parts
    from quizapp.facts.nlp import load_nlp

    start = text.index(date_text)
    return when_parts(load_nlp()(text), start, start + len(date_text))
