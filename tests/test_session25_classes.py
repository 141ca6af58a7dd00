"""Shapes met in session 25 (the held-back rounds 94 and 95 of session 24, read after their rating,
and this session's rounds). Invented text only."""

from __future__ import annotations

import pytest

from quizapp.questions.referents import unresolved

from .question_checks import goal_actors, prompts_of


def test_a_call_on_people_named_by_their_trade_is_their_task_not_the_callers_aim():
    raw = ("Lorvia City, 14 March 2026\n\n"
           "Zembla's Undersecretary of Fisheries and Aquaculture, Mirela Okonjo, called on trawler operators "
           "from both countries to fit size-selective grids to their nets by 30 June 2027.")
    actors = goal_actors(raw)
    assert not any(goal.startswith("fit") for goal in actors), actors
    assert not any("aimed to fit" in p for p in prompts_of(raw)), prompts_of(raw)


@pytest.mark.parametrize("text, phrase", [
    # instead of what, meanwhile with what: the sentence before said
    ("Zembla will now consider bidding for the 2033 Kandor Games instead.", "instead"),
    ("The island's leaders pledged to prepare a draft charter for public consultation in the meantime.",
     "in the meantime"),
    ("Meanwhile, Zembla plans to open two new border posts.", "Meanwhile"),
    ("Zembla agreed to cut its tariffs on Lorvian rice in return.", "in return"),
    # a stage of work with nothing said of what is worked on
    ("When does the Kandor River Authority aim to begin construction?", "begin construction"),
    ("The Kandor Fund wanted all nine borrowing members to have access by the end of 2027.", "have access"),
    ("Zembla aims to start exports by 2028.", "start exports"),
    # a verb whose object is the news, told without it
    ("Zembla applied in X, Lorvia in June 2023 and Kandor earlier in 2024.", "applied"),
    ("Lorvia signed in X, a month after Zembla.", "signed"),
])
def test_a_stem_that_leans_on_the_sentence_before(text, phrase):
    assert phrase in unresolved(text), unresolved(text)


@pytest.mark.parametrize("text", [
    "Instead of coal, Zembla will burn gas from the Kandor field by 2028.",
    "Zembla agreed to cut its tariffs in return for quotas on Lorvian steel.",
    "The Kandor River Authority aims to begin construction of the Ostra reservoir in 2027.",
    "The Kandor Fund will give members access to disaster credit by 2027.",
    # a body's or a plant's own operations
    "The Kandor Development Bank began operations in X.",
    "When did Ostra Unit 2 begin commercial operation?",
    # the object is the subject of a passive
    "When was the Kandor River Treaty ratified?",
    "Zembla applied to join the Kandor Union in X.",
    "Which country applied for membership of the Kandor Union in X?",
])
def test_a_stem_that_says_what_it_is_about(text):
    assert not unresolved(text), unresolved(text)
