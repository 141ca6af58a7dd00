"""How many members a body has (``quizapp.questions.items.counts``): read off the shapes news
gives it in, asked only of a named body, with near sizes the article never gives."""

from __future__ import annotations

import random

from quizapp.facts.types import Fact, Source
from quizapp.questions import generate
from quizapp.questions.items.counts import count_foils, members_in


def test_sizes_are_read_from_the_shapes_news_gives_them_in():
    assert members_in("Interpol, which has 196 member countries, met.", "Interpol") == (196, "member countries")
    assert members_in("Leaders of the 16-member Southern African Development Community met.",
                      "Southern African Development Community") == (16, "members")
    assert members_in("Seven of the eight member states of the Arctic Council agreed.", "Arctic Council") == (
        8, "member states")
    assert members_in("The Andean Community groups four countries.", "Andean Community") == (4, "member countries")
    assert members_in("The Andean Community met 40 ministers.", "Andean Community") is None
    assert members_in("The Council (AC), which has 8 members, met.", "Council") == (8, "members")


def test_foils_lie_near_on_both_sides_and_never_below_two():
    assert count_foils(196, 1) == [176, 216, 236]
    assert count_foils(8, 3) == [7, 6, 5]
    assert count_foils(3, 3) == [2, 4, 5]  # no body of one or no members
    assert all(v >= 2 for below in range(4) for v in count_foils(2, below))
    assert count_foils(11, 1, {9, 13}) == [7, 15, 17]  # sizes the article gives are no foils


def _items(name: str, sentences: list[str]) -> list:
    facts = [Fact(id="m1", kind="mechanism", statement="", answer=name, name=name, subtype="organisation",
                  sources=[Source("a.txt", s, i) for i, s in enumerate(sentences)])]
    return [q for q in generate(facts, random.Random(3), budget=0) if q.prompt.startswith("How many")]


def test_a_named_body_is_asked_its_size_with_sizes_the_article_never_gives():
    [q] = _items("Danube Fisheries Commission",
                 ["The Danube Fisheries Commission, which has 11 member states, met in Vidin.",
                  "Ministers from 9 countries signed."])
    assert q.prompt == "How many member states does the Danube Fisheries Commission have?"
    assert q.answer == "11" and len(q.choices) == 4 and "9" not in q.choices


def test_no_size_asked_of_a_generic_body_or_when_the_article_gives_two():
    assert _items("Commission", ["The Commission, which has 11 member states, met."]) == []
    assert _items("Danube Fisheries Commission", [
        "The Danube Fisheries Commission, which has 11 member states, met.",
        "The 12-member Danube Fisheries Commission admitted Moldova."]) == []


def test_no_size_asked_when_the_foils_would_stand_apart_from_the_key():
    lines = ["The Danube Fisheries Commission, which has 8 member states, met.", "The Danube Fisheries Commission "
             "met again.", "Ministers from 5, 6, 7, 9, 10, 11 and 12 districts came."]
    assert _items("Danube Fisheries Commission", lines) == []
