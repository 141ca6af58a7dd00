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


def test_an_ambiguous_slashed_header_date_comes_after_what_the_article_reports_as_held():
    from quizapp.corpus.parse import parse_article

    raw = ("Regional Labour Review\nPosted 12/11/2024\n\n"
           "Kandor Process officials agree on recruitment-fee targets\n\n"
           "Senior officials from the Kandor Process agreed on Tuesday to work towards cutting recruitment fees. "
           "The Senior Officials' Meeting, held on 9-10 December 2024, was chaired by Zembla.")
    assert parse_article("a.txt", raw).published.isoformat() == "2024-12-11"
    # told as a plan, a later date says nothing of when the article was written
    raw_plan = raw.replace("held on 9-10 December 2024, was chaired by", "to be held on 9-10 December 2024, will be chaired by")
    assert parse_article("a.txt", raw_plan).published.isoformat() == "2024-11-12"


@pytest.mark.parametrize("statement, told", [
    ("Senior officials from the Kandor Process agreed to cut fees.", "senior officials from the Kandor Process agreed to cut fees."),
    ("Foreign ministers of the Ostra Group agreed to meet.", "foreign ministers of the Ostra Group agreed to meet."),
    ("Zembla and Lorvia agreed to build a road.", "Zembla and Lorvia agreed to build a road."),
    ("The ministers agreed to meet.", "the ministers agreed to meet."),
])
def test_a_statement_after_a_time_phrase_lowers_only_a_common_opening_word(statement, told):
    from quizapp.questions.items.goal_checks import lead_lower

    assert lead_lower(statement) == told


def test_we_in_a_q_and_a_is_the_interviewees_body_not_the_person_named_most():
    raw = ("Pacific Trade Digest\nINTERVIEW | 3 June 2025\n\n"
           "\"Customs is the front door of every island economy\"\n\n"
           "Q&A with Mele Tupou, Head of Secretariat of the Kandor Customs Organisation\n\n"
           "The Kandor Customs Organisation brings together 21 customs administrations. Ahead of its annual "
           "conference in Lorvia next month, we spoke to Mele Tupou about border data.\n\n"
           "Q: Who will chair the conference?\n\n"
           "A: The conference will be chaired by Tevita Lolohea, Chief Executive Officer of Zembla's Ministry "
           "for Customs and Revenue. Tevita Lolohea has led Zembla's customs reform since 2019, and Tevita "
           "Lolohea will present it, said Tevita Lolohea's office.\n\n"
           "Q: Is the organisation getting the support it needs?\n\n"
           "A: We have asked members to agree to a 10 percent increase in annual contributions so that core "
           "staff are not paid from project money.")
    actors = goal_actors(raw)
    asked = [a for g, a in actors.items() if "10 percent" in g]
    assert asked and all("Kandor Customs Organisation" in a for a in asked), actors


def test_a_name_the_tagger_reads_as_a_body_is_a_person_when_an_office_follows_it():
    from .question_checks import leaders_of

    raw = ("Lorvia, 3 June 2025\n\nCustoms news\n\n"
           "Kelera Mataele, Director of the Kandor Customs Organisation, said the new platform would go live in July.")
    assert leaders_of(raw).get("Kelera Mataele") == ("Director of the Kandor Customs Organisation",
                                                    "Kandor Customs Organisation"), leaders_of(raw)


def test_a_compound_noun_with_an_ing_word_is_no_second_aim():
    raw = ("Lorvia, 3 June 2025\n\nBank news\n\n"
           "The Central Bank of Zembla also called on commercial banks to narrow the spread between deposit "
           "and lending rates, which it said averaged 9.6 percentage points.")
    prompts = prompts_of(raw)
    assert not any(p.rstrip(".").endswith("between deposit") for p in prompts), prompts
