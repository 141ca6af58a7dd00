"""Shapes met in session 18 on the tune sets: a plan's deadline ("aims to complete ... by the end of
2026"), asked as the article frames it. Invented text only."""

from __future__ import annotations

import random

from quizapp.corpus.parse import parse_article
from quizapp.facts import article_input, extract
from quizapp.facts.event_questions import when_parts
from quizapp.facts.nlp import load_nlp
from quizapp.questions import generate


def _when(text: str, date_text: str):
    start = text.index(date_text)
    return when_parts(load_nlp()(text), start, start + len(date_text))


def test_a_plans_deadline_is_asked_by_when():
    asked = _when("The Kandor Wetland Fund aims to restore 400 wetlands across the basin by 2029.", "2029")
    assert asked is not None and asked.question == \
        "By when does the Kandor Wetland Fund aim to restore 400 wetlands across the basin?"
    # reported ("officials said"), the plan is still the party's
    asked = _when("Officials said the Kandor Wetland Fund plans to restore 400 wetlands by March 2027.", "March 2027")
    assert asked is not None and asked.question == "By when does the Kandor Wetland Fund plan to restore 400 wetlands?"
    # a target's figure is the plan itself, not a year's statistic
    asked = _when("Zembla aims to generate 30 percent of its electricity from wind by 2030.", "2030")
    assert asked is not None and asked.question == "By when does Zembla aim to generate 30 percent of its electricity from wind?"
    # a rule's deadline, and a "will"
    asked = _when("Members of the Kandor Union must ratify the Kandor Ports Protocol by 31 March 2027.", "31 March 2027")
    assert asked is not None and asked.question == "By when must members of the Kandor Union ratify the Kandor Ports Protocol?"
    asked = _when("The Kandor Union will publish its first ports census by June 2026.", "June 2026")
    assert asked is not None and asked.question == "By when will the Kandor Union publish its first ports census?"


def test_a_bound_of_what_was_or_may_be_is_no_deadline():
    assert _when("The Kandor Union completed the survey by 2024.", "2024") is None
    assert _when("The Kandor Wetland Fund is expected to be operational by 2027.", "2027") is None
    assert _when("The Kandor Wetland Fund planned to restore 400 wetlands by 2024.", "2024") is None
    assert _when("The Kandor Union will keep the tariff until 2027.", "2027") is None


def test_a_year_end_deadline_is_asked_for_its_year_with_later_years_as_foils():
    raw = ("Published: 4 March 2025\n\nKandor fund sets wetland target\n\n"
           "The Kandor Wetland Fund (KWF) was launched in Lusaka on 3 March 2025 by the environment ministers of "
           "Zembla and Ostrava.\n\n"
           "The Kandor Wetland Fund aims to restore 400 wetlands in the Kandor Basin by the end of 2027, up from "
           "35 restored in 2023.\n\n"
           "Its board will meet again in Harare in 2026.\n")
    art = parse_article("kwf.txt", raw)
    qs = generate(extract([article_input(art)]), random.Random(0), budget=0)
    item = next(q for q in qs if q.prompt.startswith("By what year") and q.choices)
    assert item.prompt == "By what year does the Kandor Wetland Fund aim to restore 400 wetlands in the Kandor Basin?"
    assert item.answer == "2027"
    # foils are plausible deadlines: never the baseline's year the sentence gives, never before the article
    assert "2023" not in item.choices and all(int(c) >= 2025 for c in item.choices), item.choices
