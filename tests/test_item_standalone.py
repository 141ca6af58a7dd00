"""Sentences lifted into items must read on their own, and dates asked about must be stated.

Each case is an invented sentence of a shape seen failing in blind review (live-blog stamps,
dateline "here", generic body titles, quotations, transcript brackets, a sentence cut at a
title, plural pronouns with one party named, dates given as a pair or a bound)."""

from __future__ import annotations

import pytest

from quizapp.facts.event_questions import when_question
from quizapp.facts.who_questions import who_question
from quizapp.questions.blanks import date_in_range, date_offsets
from quizapp.questions.sentences import stands_alone, strip_dateline


@pytest.mark.parametrize("sentence", [
    "Fisheries ministers from the Pacific Islands Forum closed a two-day meeting here on 4 March 2024.",
    "The Monitoring Group asked the Registrar of Companies to publish the list.",
    "The new Board will take office at a ceremony set for 2 June 2023 in Montevideo.",
    "Congress adopted the amended statutes proposed by the Executive Council.",
    "The Alpine Trade Council asked the Finance Office of Ruritania to set a deadline for removing them.",
    "[Remarks by the Minister for Fisheries, Hon. Ana Lopes, at the opening of the Tuna Forum in Apia.",
    "The figures were released at the Statistics House in Valmora on 3 April 2024 by the head of the Agency, Dr.",
    "\"Farmers are short of credit, and they want the banks to lend again.\"",
    "Water belongs to the people who live along the river first.\"",
])
def test_sentences_that_lean_on_their_context_do_not_stand_alone(sentence):
    assert not stands_alone(sentence)


@pytest.mark.parametrize("sentence", [
    "The Nordic Forest Council adopted its strategy for 2030 on 12 May 2024.",
    "Peru and Chile said they would open a joint border post in 2025.",
    "As a reminder, Norway, Iceland and the European Union first pledged 300 million euros in Oslo on 9 June 2022.",
    "The Council of the Baltic Sea States adopted a declaration on 4 March 2024.",
])
def test_named_self_contained_sentences_still_stand_alone(sentence):
    assert stands_alone(sentence)


def test_live_blog_time_stamp_is_dropped_like_a_dateline():
    text = "09:45 – The head of the Nordic delegation, Ambassador Eva Lind, opened the talks in Reykjavik."
    assert strip_dateline(text).startswith("The head of the Nordic delegation")
    assert stands_alone(text)


@pytest.mark.parametrize("sentence,iso", [
    ("The steering board met on 14 and 15 March 2024 in Lisbon.", "2024-03-15"),
    ("The talks ran from 25 May to 2 June 2024 in Geneva.", "2024-05-25"),
    ("Exports fell in May and June 2024.", "2024-06"),
])
def test_a_date_given_as_a_pair_or_range_has_no_single_answer(sentence, iso):
    assert date_in_range(sentence, iso)


def test_date_offsets_find_the_stated_date_only():
    s = "Since 2015 the fund has grown, and on 4 May 2023 its board approved a new plan."
    (start, end), = date_offsets(s, "2023-05-04")
    assert s[start:end] == "4 May 2023"
    assert date_offsets("The board met on Thursday.", "2023-05-04") == []


@pytest.fixture(scope="module")
def nlp():
    from quizapp.facts.nlp import load_nlp
    return load_nlp()


def test_when_question_reads_through_a_weekday_before_the_date(nlp):
    text = "The Andean Energy Forum 2024 closed this Friday, 8 November, in Quito, where ministers agreed on new targets."
    doc = nlp(text)
    start = text.index("8 November")
    q = when_question(doc, start, start + len("8 November"))
    assert q == "When did the Andean Energy Forum 2024 close in Quito?"


def test_when_question_accepts_a_subject_with_a_bracketed_spelling_out(nlp):
    text = ("The Korea Aerospace Research Institute's KPLO (Korea Pathfinder Lunar Orbiter), which was launched "
            "in August last year, completed the country's first lunar orbit insertion on December 27.")
    doc = nlp(text)
    start = text.index("December 27")
    q = when_question(doc, start, start + len("December 27"))
    assert q is not None and q.startswith("When did the Korea Aerospace Research Institute's KPLO complete")


def test_who_question_refuses_a_speakers_own_first_person(nlp):
    text = "I will answer a few questions from the press."
    doc = nlp(text)
    assert who_question(doc, 0, 1) is None


def test_date_foils_that_point_at_the_key_are_swapped():
    """Foils each one step from the key ("16 May", "15 March", "15 April" around "15 May") let a
    reader find the key as the option the others were made from; the generator picks others."""
    import random

    from quizapp.questions.generate import _converges, _Generator

    assert _converges("15 May 2025", ["16 May 2025", "15 March 2025", "15 April 2025"])
    assert not _converges("15 May 2025", ["22 May 2025", "8 May 2025", "29 May 2025"])
    gen = _Generator([], random.Random(3))
    pool = [(0, "16 May 2025"), (0, "15 March 2025"), (0, "15 April 2025"), (1, "22 June 2025"),
            (1, "8 February 2025"), (1, "29 July 2025")]
    for seed in range(20):
        gen.rng = random.Random(seed)
        options, _ = gen.distractors("15 May 2025", [], pool, date=True)
        assert not _converges("15 May 2025", [o for o in options if o != "15 May 2025"])


def test_typed_answer_about_a_person_with_two_surnames_accepts_either_form():
    import random

    from quizapp.facts.types import Fact, Source
    from quizapp.questions.generate import _Generator
    from quizapp.questions.grade import match_text

    f = Fact(id="l1", kind="leader", statement="", answer="Tomás Herrera Villalobos", name="Tomás Herrera Villalobos",
             role="President", country="", sources=[Source("a.txt", "The president, Tomás Herrera Villalobos, spoke.")])
    gen = _Generator([f], random.Random(1))
    cand = gen.make("short_answer", [f], "sa:who", "Who chairs the Andean Rowing Federation?",
                    "Tomás Herrera Villalobos", [])
    assert cand is not None
    accepted = cand.question.accepted_answers
    for typed in ("Herrera Villalobos", "Tomas Herrera Villalobos", "Villalobos"):
        assert match_text(typed, accepted, person=True).correct, typed
    for typed in ("Tomás", "Herrera"):  # a given name alone (the middle word may be one) names nobody
        assert not match_text(typed, accepted, person=True).correct, typed


def test_typed_answer_about_a_person_with_a_particle_accepts_the_name_before_it():
    import random

    from quizapp.facts.types import Fact, Source
    from quizapp.questions.generate import _Generator
    from quizapp.questions.grade import match_text

    name = "Carlos Alberto Bento dos Santos"
    f = Fact(id="l2", kind="leader", statement="", answer=name, name=name, role="Minister of Fisheries",
             country="Brazil", sources=[Source("a.txt", f"The minister, {name}, spoke.")])
    gen = _Generator([f], random.Random(1))
    cand = gen.make("short_answer", [f], "sa:did", "Who opened the Atlantic Fisheries Fair in Recife?", name, [])
    accepted = cand.question.accepted_answers
    for typed in ("Bento dos Santos", "Bento", "Santos"):
        assert match_text(typed, accepted, person=True).correct, typed
    assert not match_text("Alberto", accepted, person=True).correct


def test_research_and_strategy_roles_are_commentators_not_office_holders():
    from quizapp.questions.render import is_commentator

    assert is_commentator("head of fixed-income research at Orion Capital")
    assert is_commentator("chief strategist at Meridian Bank")
    assert not is_commentator("Minister of Finance")


def test_body_foils_are_bodies_of_the_same_class():
    from quizapp.questions.items.people import _body_class

    assert _body_class("the Andean Weather Service") == _body_class("National Seismic Centre")
    assert _body_class("the Andean Weather Service") != _body_class("Ministry of Finance")
    assert _body_class("the Andean Weather Service") != _body_class("Rural Recovery Fund")
    assert _body_class("Lake Basin Commission") == _body_class("East African Community")
    assert _body_class("Green Renewal Party") != _body_class("National Tally Centre")


def test_foils_for_a_past_date_are_never_after_the_article_was_published(date_sentence_items):
    import random

    from quizapp.facts.types import Fact, Source
    from quizapp.questions.generate import generate

    art = "fao.txt"
    pub = Fact(id="P", kind="date", statement="", answer="2024-11-20", date="2024-11-20", subtype="publication",
               event="the article was published", sources=[Source(art, "20 November 2024")])
    s = "The Andean Food Council said that 41 million people in Andean countries were undernourished in 2024."
    f = Fact(id="D", kind="date", statement="", answer="2024", date="2024", subtype="year",
             event="41 million people in Andean countries were undernourished", sources=[Source(art, s)])
    qs = generate([pub, f], random.Random(4), budget=0)
    years = [c for q in qs if q.type == "multiple_choice" for c in q.choices]
    assert years, [q.prompt for q in qs]
    assert all(int(y[-4:]) <= 2024 for y in years if y[-4:].isdigit())


def test_who_did_it_questions_must_name_what_ties_them_to_the_story():
    from quizapp.questions.items.people import _anchored

    assert not _anchored("Who signed the corridor agreement?")
    assert not _anchored("Who urged both sides to expand trade?")
    assert _anchored("Who signed the Lobito Corridor agreement?")
    assert _anchored("Which organisation upgraded Tropical Cyclone Mira to a Category 4 system?")


def test_headlines_and_capitalised_datelines_get_no_question_of_our_own_words():
    from quizapp.facts.extract import _telegraphic

    assert _telegraphic("Rowing body elects president as Chile, Peru land hosting rights")
    assert _telegraphic("LIMA, Peru – The Andean Canoe Union elected a new president on Friday.")
    assert not _telegraphic("The Andean Canoe Union elected a new president on 4 May 2024.")
    assert not _telegraphic("IOC members elected a new president on 4 May 2024.")


def test_what_did_a_party_aim_to_do_is_not_asked():
    import random

    from quizapp.questions.generate import generate

    from .test_questions_generate import FACTS

    assert not [q for q in generate(list(FACTS), random.Random(3), budget=0)
                if q.fact_kind == "goal" and q.prompt.startswith("What ")]


def test_who_options_come_from_the_article_itself():
    """A foil from another article is ruled out by a reader who never read this one: "who is X"
    multiple choice is made only with three people of the same story."""
    import random

    from quizapp.facts.types import Source
    from quizapp.questions.generate import generate

    from .test_questions_generate import leader

    def person(fid, name, country, article):
        f = leader(fid, name, "Minister of Fisheries", country, "minister",
                   f"{country}'s Minister of Fisheries, {name}, spoke in Suva.")
        f.sources = [Source(article=article, sentence=f.sources[0].sentence, sentence_idx=1)]
        return f

    here = [person("P1", "Ana Lopes Vea", "Tonga", "a.txt"), person("P2", "Rui Tama", "Samoa", "a.txt"),
            person("P3", "Lena Koro", "Fiji", "a.txt")]
    far = person("P4", "Ivo Brandt", "Norway", "b.txt")
    mc = [q for q in generate([*here, far], random.Random(1), budget=0)
          if q.type == "multiple_choice" and q.fact_ids[0] in ("P1", "P2", "P3")]
    assert all("Ivo Brandt" not in q.choices for q in mc)
    assert not [q for q in mc if len(q.choices) == 4 and q.prompt.startswith(("Who", "According"))
                and set(q.choices) - {"Ana Lopes Vea", "Rui Tama", "Lena Koro"}]
