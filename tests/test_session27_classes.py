"""Classes of failure seen in session 27's blind rounds, each pinned on invented text."""

from __future__ import annotations

import pytest

from quizapp.facts.nlp import load_nlp
from quizapp.facts.timeline_questions import timeline_question
from quizapp.facts.who_questions import who_question
from quizapp.questions.referents import unresolved

from .question_checks import facts_of, prompts_of


def test_both_countries_are_not_the_exceptions_an_only_named():
    raw = ("Albania and Serbia joined the Kandor Travel Area on 1 March 2025, ending passport checks on their shared "
           "border crossings.\n\n"
           "Only Norway and Iceland among the founding members remain outside the area.\n\n"
           "For Tirana and Belgrade the path was long. Both countries joined the Kandor Customs Union on 1 January 2007, "
           "and the Kandor Commission said in 2011 that they met the criteria.\n")
    questions = [f.question for f in facts_of(raw) if f.kind == "date" and f.question]
    assert not any("Norway and Iceland" in q for q in questions), questions
    assert "When did Albania and Serbia join the Kandor Customs Union?" in questions, questions


def test_a_declaration_told_in_its_occasion_pledges_what_it_will_do():
    raw = ("Tarnow, 19 June 2025\n\n"
           "We, the Ministers of Foreign Affairs of the Republic of Lithuania, the Republic of Poland and Ukraine, "
           "meeting in Tarnow on 19 June 2025 in the format of the Kandor Triangle, have agreed on the following:\n\n"
           "1. We will expand the Kandor Triangle Youth Forum, which will bring together 150 students from the three "
           "countries each year.\n\n"
           "2. We agree to establish a Kandor Triangle working group on the reconstruction of Ukraine's energy grid.\n")
    framed = [p for p in prompts_of(raw) if p.startswith("In a joint declaration")]
    assert not any(" will expand" in p.split(",", 2)[-1] for p in framed), framed
    assert any("pledged to expand the Kandor Triangle Youth Forum" in p for p in framed), framed


@pytest.mark.parametrize("text", [
    "When did the Kandor Assembly approve Law No.?",
    "Who called on member states to turn the decisions of Tarnow into budget lines?",
])
def test_a_cut_number_and_bare_member_states_are_unresolved(text):
    assert unresolved(text)


@pytest.mark.parametrize("text", [
    "When did the Kandor Assembly approve Law No. 42 of 2013?",
    "Who called on the member states of the Kandor Union to raise their contributions?",
])
def test_a_numbered_law_and_a_body_s_members_stand_alone(text):
    assert not unresolved(text)


def test_a_timeline_line_opening_on_a_count_lowers_it():
    line = "March 2019 - Twenty-seven law students in Ostra form the Kandor Students Fighting Climate Change network."
    q = timeline_question(load_nlp(), line, 0, len("March 2019"))
    assert q is not None and "twenty-seven law students" in q and "Twenty-seven" not in q, q


def test_an_ordinal_the_parser_hung_on_the_verb_stays_in_the_subject():
    raw = ("Tarnow, 12 November 2025\n\n"
           "The 13th Sejm Narodowy election will be held in the first half of February 2026.\n")
    questions = [f.question for f in facts_of(raw) if f.kind == "date" and f.question]
    assert "When will the 13th Sejm Narodowy election be held?" in questions, questions


def test_no_who_of_an_office_named_by_its_title_alone():
    nlp = load_nlp()
    text = "Dr. Ibrahim Lawal-Danjuma, an engineer trained in Nigeria, took office as Director-General in 2023."
    doc = nlp(text)
    start = text.index("Ibrahim")
    assert who_question(doc, start, start + len("Ibrahim Lawal-Danjuma")) is None
    named = "Dr. Ibrahim Lawal-Danjuma took office as Director-General of the Kandor Space Agency in 2023."
    doc = nlp(named)
    start = named.index("Ibrahim")
    assert who_question(doc, start, start + len("Ibrahim Lawal-Danjuma")) is not None


_CONGRESS = ("LIVE: Kandor Weightlifting Federation Congress in Apia\n"
             "Published: 15 March 2025\n\n"
             "10:05 - Outgoing Kandor Weightlifting Federation (KWF) President Bernard Kila opens the Congress. Delegates from 15 member federations are "
             "present.\n\n"
             "11:40 - RESULT: Samoa's Tavita Leaupepe {verb} KWF president, beating Australia's Karen Whitfield by 9 "
             "votes to 6.\n\n"
             "12:10 - \"Our lifters punch above the size of our islands,\" Leaupepe said after the vote. KWF President "
             "Tavita Leaupepe said the federation plans to open a regional training centre in Apia by 2027.\n")


def test_no_who_held_the_office_in_the_month_it_changed_hands():
    prompts = prompts_of(_CONGRESS.format(verb="has been elected"))
    assert not any(p.startswith("Who was the President of the Kandor Weightlifting Federation") and "March 2025" in p
                   for p in prompts), prompts


def test_a_holder_re_elected_is_still_asked_as_of_the_month():
    """Bounds the rule above: re-elected, the holder held the office before the vote too."""
    prompts = prompts_of(_CONGRESS.format(verb="has been re-elected").replace("Outgoing", "")
                         .replace("Bernard Kila", "Tavita Leaupepe"))
    assert any(p.startswith("Who was the President of the Kandor Weightlifting Federation") for p in prompts), prompts


def test_the_remaining_count_of_things_never_named_is_unresolved():
    assert unresolved("The Kandor Space Agency plans to launch the remaining seven satellites at a rate of one a year.")
    # (bounds it: a time span counted is no thing told before, and "of what" said is resolved)
    assert not unresolved("Nepal planned to install 5,000 solar pumps in the Terai over the next three years.")
    assert not unresolved("The Kandor Space Agency plans to launch the remaining seven satellites of the Kandor-8 constellation.")

