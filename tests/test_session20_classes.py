"""Shapes met in session 20 on unseen sets (rounds 51 to 56), and an aim's deadline asked as one. Invented text only."""

from __future__ import annotations

import random

import pytest

from quizapp.questions.generate import generate
from quizapp.questions.items.deadlines import split_deadline, year_foils

from .question_checks import facts_of, goal_actors, when_asked

ARTICLE = ("Published: 3 March 2026\n\n"
           "KANDORA, March 3 (Wire) - The Kandor River Commission aims to connect every riverside school "
           "to the Kandor Flood Warning Network by the end of 2028, its chair said on Tuesday.\n\n"
           "The commission was founded in 1994 and groups Amberland, Zembla and Lorvia.\n")


def _items(raw: str, budget: int | None = None):
    return generate(facts_of(raw), random.Random(0), budget=budget)


@pytest.mark.parametrize("goal, year, body", [
    ("to connect every school to the grid by 2030", 2030, "to connect every school to the grid"),
    ("to connect every school to the grid by the end of 2027.", 2027, "to connect every school to the grid"),
    ("open a data portal with river levels, no later than 2029", 2029, "open a data portal with river levels"),
])
def test_a_closing_whole_year_is_the_deadline(goal, year, body):
    dl = split_deadline(goal)
    assert dl is not None and dl.year == year and dl.body == body


@pytest.mark.parametrize("goal", [
    "to energise the first segment by 2029 and connect the whole arc by 2033",  # two deadlines
    "to cut emissions by half from 2024 levels by 2030",  # a baseline's year
    "to finish the line by mid-2027",  # no whole year
    "to finish the line by June 2027",  # a month
    "to raise farmers' share to 70 percent by the 2027/28 season",  # a season
    "to act by 2030",  # no aim left to ask
    "to connect every school by 2030 in the north",  # the year is not the aim's last word
])
def test_no_deadline_where_the_year_is_not_the_aims_one_closing_year(goal):
    assert split_deadline(goal) is None


def test_foils_are_near_years_none_the_sentence_names_none_before_the_article():
    foils = [y for _, y in year_foils(2030, "to cut emissions from 2028 levels by 2030", 2027)]
    assert "2030" not in foils and "2028" not in foils
    assert all(int(y) >= 2027 for y in foils)
    assert len(foils) >= 3


def test_an_aims_deadline_is_asked_with_the_aims_own_words_and_tense():
    items = _items(ARTICLE, budget=0)
    asked = [q for q in items if q.prompt.startswith("By what year")]
    assert asked, [q.prompt for q in items]
    q = asked[0]
    assert q.prompt == ("By what year does the Kandor River Commission aim to connect every riverside school to the "
                        "Kandor Flood Warning Network?")
    assert q.answer == "2028" and "the end of 2028" in q.accepted_answers
    assert sorted(q.choices) == sorted(set(q.choices)) and len(q.choices) == 4 and "2028" in q.choices
    assert all(int(c) >= 2026 for c in q.choices)  # (written in 2026: no deadline already past)


def test_a_quiz_holds_an_aims_deadline_or_its_restatement_never_both():
    for q in _items(ARTICLE):
        if q.type == "true_false":
            assert "Flood Warning Network" not in q.prompt, q.prompt
    on_sentence = [q for q in _items(ARTICLE) if "Flood Warning Network" in q.prompt]
    assert len(on_sentence) == 1, [q.prompt for q in on_sentence]


def test_no_deadline_asked_of_a_call():
    raw = ("Published: 3 March 2026\n\n"
           "The Kandor River Commission called for every riverside school to join the Kandor Flood Warning "
           "Network by 2028.\n")
    assert not [q for q in _items(raw, budget=0) if q.prompt.startswith("By what year")]


# -- round 51: things the stem names only by the article's context ---------------------------------

@pytest.mark.parametrize("sentence", [
    "The Kandor Commission aims to agree a harvest control rule for the stock.",
    "The Kandor Commission aims to agree a harvest control rule for the stock by September 2027.",
    "Amberland and Zembla seek to complete the cross-border section by 2030.",
    "The Council of Kandor adopted the final legal text.",
    "The Free Trade Agreement will give Amberland's exporters access to Zembla.",
    "The Comprehensive Economic Partnership Agreement (CEPA) was signed in Kandora.",
])
def test_a_thing_named_only_by_context_does_not_stand_alone(sentence):
    from quizapp.questions.sentences import stands_alone

    assert not stands_alone(sentence)


@pytest.mark.parametrize("sentence", [
    "Kandor became the 21st member of the euro area.",
    "The Kandor Authority aims to manage the seabed as the common heritage of mankind.",
    "The Free Trade Agreement between Amberland and Zembla was signed in Kandora.",
    "The Paris Agreement entered into force in November 2016.",
    "Brazilian police official Ana Ruiz will lead Interpol, the global police organization announced on 5 November 2024.",
])
def test_a_thing_named_or_one_of_a_kind_stands_alone(sentence):
    from quizapp.questions.sentences import stands_alone

    assert stands_alone(sentence)


def test_a_definite_end_named_before_in_the_sentence_or_a_time_points_nowhere():
    from quizapp.questions.unnamed import _definite_end

    assert not _definite_end("The Kandor Fund will double the fund.")
    assert not _definite_end("Amberland met the goal for the first time.")
    assert not _definite_end("Amberland will review the plan in the years ahead.")
    assert _definite_end("Amberland will review the plan.")
    assert not _definite_end("Amberland pledged to hold 12 regattas outside the capitals.")  # (of a kind)


def test_one_partys_share_in_a_list_of_shares_is_no_aim_to_ask():
    raw = ("Published: 3 March 2026\n\n"
           "Under the new formula, Amberland will pay 40 percent of the secretariat budget, Zembla 25 percent, and "
           "Lorvia and Kandor 15 percent each.\n")
    assert not [p for p in (q.prompt for q in _items(raw, budget=0)) if "40 percent" in p or "_____ percent" in p]


def test_no_when_of_a_title_cut_before_its_own_relative_clause():
    text = ("The Kandor Protocol on Substances that Harm the Upper Atmosphere was agreed in 1991 to phase out "
            "harmful gases.")
    asked = when_asked(text, "1991")
    assert asked is None or "that Harm" in asked.question, asked.question


def test_an_undated_releases_reference_number_gives_its_year():
    from quizapp.corpus.parse import parse_article
    from quizapp.facts import year_hint

    raw = ("MINISTRY OF TRADE, REPUBLIC OF KANDOR\nPress Release No. 88/2025 (TR)\n\n"
           "Kandor ratifies trade pact; tariff cuts to begin on 1 January 2026\n\n"
           "The ministry will hold seminars in Kandora on 9-11 December. Exports should double by 2030, and by "
           "2030 the ministry wants 2030 to be a record year.\n")
    assert year_hint(parse_article("k.txt", raw)) == 2025


def test_a_numbered_part_of_a_project_needs_its_project():
    from quizapp.questions.sentences import stands_alone

    assert not stands_alone("The contract for Lot 2 was signed in February 2018.")
    assert stands_alone("Phase 2 of the Kandor Railway opened in 2020.")
    assert stands_alone("The Kandor Railway Phase 2 opened in 2020.")


# -- round 52 ------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, alone", [
    ("The Kandor government intends to increase Kandor's subscription significantly.", False),
    ("The Kandor Authority raised its contribution to the Kandor Fund.", True),
    ("The Kandor Railways Office aims to open the full line to passengers by the end of 2029.", False),
    ("The Kandor Railways Office aims to open the full Kandora-Lorvia line to passengers by 2029.", True),
])
def test_a_share_with_no_of_what_or_a_whole_thing_told_before(sentence, alone):
    from quizapp.questions.sentences import stands_alone

    assert stands_alone(sentence) is alone


def test_a_things_own_period_is_not_when_it_was_approved():
    text = ("The Kandor Rowing Council has approved trials of the new format at selected tournaments from 1 July 2025 "
            "until 30 April 2026.")
    assert when_asked(text, "1 July 2025") is None


def test_a_name_written_family_name_first_accepts_the_family_name_not_the_given_name():
    from quizapp.questions.labels import _surname_forms, family_first, surname

    assert family_first("Tan Siew Ling") and surname("Tan Siew Ling") == "Tan"
    assert "Ling" not in _surname_forms("Tan Siew Ling") and "Siew" not in _surname_forms("Tan Siew Ling")
    assert not family_first("Óscar Alvarado Solís") and surname("Hédi Ben Salah") == "Ben Salah"
    raw = ("Published: 3 April 2025\n\n"
           "The Secretary General of the Kandor Badminton Federation (KBF), Tan Siew Ling, announced new scoring "
           "trials on Monday.\n\nTan Siew Ling said the KBF would review its scoring rules before the 2026 season.\n\n"
           "The KBF Council will vote on the rules in Kandora in June 2025, Tan Siew Ling added.\n")
    typed = [q for q in _items(raw, budget=0) if q.answer == "Tan Siew Ling"]
    assert typed
    for q in typed:
        assert "Tan" in q.accepted_answers
        assert not {"Ling", "Siew", "Siew Ling", "Tan Ling"} & set(q.accepted_answers), q.accepted_answers


def test_a_names_own_possessive_is_no_owner_to_cut_off():
    raw = ("Published: 3 September 2026\n\n"
           "Kandor's People's Alliance (PA) won the most seats in Saturday's general election.\n\n"
           "The Kandor Women's Fund (KWF) backed 40 candidates.\n")
    names = {f.name for f in facts_of(raw) if f.kind == "mechanism"}
    assert "People's Alliance" in names and "Alliance" not in names, names
    assert "Kandor Women's Fund" in names, names


# -- round 53 ------------------------------------------------------------------------------------

_COMMUNIQUE = ("JOINT MEDIA STATEMENT\nKANDOR TRADE PARTNERSHIP (KTP) MINISTERS' MEETING\n\nKandora\n19.09.2025\n\n"
               "1. The Ministers of the 5 Participating Countries of the Kandor Trade Partnership (KTP) Agreement, namely "
               "Amberland, Zembla, Lorvia, Ostrava and Kandoria, met in Kandora on 18 September 2025.\n\n"
               "2. The Ministers welcomed applications for accession received from Chile and Peru. The applications of "
               "Chile and Peru will continue to be considered.\n\n"
               "3. The Ministers called on the KTP Joint Committee to publish the revised tariff schedules no later than "
               "30 June 2026.\n")


def test_a_communiques_ministers_are_the_ones_it_named_not_a_pair_whose_applications_wait():
    actors = set(goal_actors(_COMMUNIQUE).values())
    assert not any("Chile" in a for a in actors), actors
    assert any("Participating Countries of the Kandor Trade Partnership Agreement" in a for a in actors), actors


def test_a_headings_capitals_are_never_printed_for_a_bodys_letters():
    import sys

    gen = sys.modules[generate.__module__]._Generator(facts_of(_COMMUNIQUE), random.Random(0))
    spelled = gen.corpus.spell_out("When will the KTP Joint Committee publish the schedules?", ["a.txt"])
    assert spelled is not None and "KANDOR TRADE PARTNERSHIP" not in spelled, spelled
    assert "Kandor Trade Partnership" in spelled, spelled
    from quizapp.questions.acronyms import _SHOUTED

    assert _SHOUTED("REGIONAL COMPREHENSIVE ECONOMIC PARTNERSHIP") and not _SHOUTED("Kandor Trade Partnership")


def test_a_timeline_lines_capitalised_first_word_is_no_name():
    from quizapp.facts.nlp import load_nlp
    from quizapp.facts.timeline_questions import timeline_question

    line = "March 2028 - Planned launch window opens."
    assert timeline_question(load_nlp(), line, 0, len("March 2028")) is None


@pytest.mark.parametrize("raw", [
    "Published: 3 March 2026\n\nAround 1.1 million young Kandorans will walk into Grade 10 classrooms in January 2027.\n",
    "Published: 3 March 2026\n\nThe Kandor Ministry of Transport reiterates its commitment to sustainable mobility and to "
    "the goal of reducing transport emissions in the main cities by 30 percent by 2030.\n",
])
def test_a_count_of_people_or_a_commitment_said_again_is_no_aim_to_ask(raw):
    assert not [q.prompt for q in _items(raw, budget=0) if q.fact_kind == "goal"]


@pytest.mark.parametrize("sentence, alone", [
    ("Ghana will phase out tariffs on 85 percent of its tariff lines over ten years.", True),  # (a country opens it)
    ("KANDOR said its budget would grow by 5 percent.", True),
    ("Funding will double its reach in 2027.", False),  # (capitalised only as it opens the sentence)
    ("Ghana will focus its share on manure storage in the Kandor basin.", False),  # (its share of what?)
    ("Ghana will pay 40 million euros to reflect its share of the investment in the Kandor Observatory.", True),
])
def test_a_pronoun_after_an_opening_name_and_a_share_of_what(sentence, alone):
    from quizapp.questions.sentences import stands_alone

    assert stands_alone(sentence) is alone


# -- round 54 ------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, alone", [
    ("Range States will meet again in 2028.", False),
    ("The Kandor Commission called for all Contracting Parties to report lost gear within 24 hours.", True),
    ("Kandor Space agreed to set up a local monitoring committee.", False),
    ("Ghana and Togo agreed to develop Lomé as a regional energy hub.", True),
    ("The Kandor Ministers urged negotiators to conclude the negotiations by December 2026.", False),
    ("The Unit will start work in Ulaanbaatar in 2026.", False),
])
def test_parties_bodies_and_talks_named_only_by_the_story(sentence, alone):
    from quizapp.questions.sentences import stands_alone

    assert stands_alone(sentence) is alone


def test_a_seasons_start_and_a_dates_own_aside_are_no_when_to_ask():
    text = "Construction of the Kandor Bridge is scheduled to begin in early 2026."
    assert when_asked(text, "early 2026") is None
    text = "The revised Kandor Formula will take effect from 1 April 2027, the start of the 2027/28 financial year."
    asked = when_asked(text, "1 April 2027")
    assert asked is None or "the start of" not in asked.question, asked.question


def test_a_deadlines_foils_are_later_years_but_one_and_a_range_figure_is_not_blanked():
    raw = ("Source: https://example.org/explainers/kandor-bank\n\n"
           "The Bank of Kandor (BOK) said dollarisation fell to 51 percent in 2024 and 48 percent in 2025.\n\n"
           "The BOK aims to end dollar lending by state-owned banks by the end of 2028.\n\n"
           "The BOK will raise the reserve requirement on foreign-currency deposits from 10 percent to 15 percent.\n")
    items = _items(raw, budget=0)
    deadline = [q for q in items if q.prompt.startswith("By what year")]
    assert deadline, [q.prompt for q in items]
    assert sum(1 for c in deadline[0].choices if int(c) < 2028) <= 1, deadline[0].choices
    assert not [q for q in items if "_____ percent to 15 percent" in q.prompt or "10 percent to _____" in q.prompt]


def test_a_timelines_minor_step_is_no_when_to_ask():
    raw = ("date 2025-05-12\n\nKandor's asteroid mission explained\n\nTimeline:\n\n"
           "- February 2021: The Kandor probe Lumen entered orbit around Mars.\n\n"
           "- November 2024: The Kandor Asteroid Mission passed its preliminary design review.\n\n"
           "- March 2025: The Kandor Space Agency and Amberland signed the Kandor Asteroid Mission Agreement.\n")
    prompts = [q.prompt for q in _items(raw, budget=0)]
    assert not [p for p in prompts if "orbit" in p or "design review" in p], prompts


# -- round 55 ------------------------------------------------------------------------------------

def test_a_plural_capitalised_only_as_it_opens_or_a_date_is_no_party():
    from quizapp.questions.items.goal_checks import _named_party

    assert not _named_party("Boxers") and not _named_party("December 2027") and not _named_party("2027")
    assert _named_party("Philippines") and _named_party("Brussels") and _named_party("The Kandor Fisheries Mechanism")


@pytest.mark.parametrize("raw", [
    # a founding purpose in an "About" note
    "Published: 3 March 2026\n\nAbout KAMCEN\n\nThe Kandor Ministerial Conference on the Environment was established "
    "in 1985 in Cairo to provide advocacy for environmental protection in Kandor.\n",
    # a name cut at its hyphen
    "Published: 3 March 2026\n\nTourism ministers of the Brunei Darussalam-Indonesia-Malaysia-Philippines East ASEAN "
    "Growth Area (BIMP-EAGA) agreed to create a single multi-country visitor pass.\n",
])
def test_a_founding_purpose_or_a_party_cut_at_its_hyphen_is_no_aim_to_ask(raw):
    statements = [q.prompt for q in _items(raw, budget=0) if q.fact_kind == "goal"]
    assert not [p for p in statements if "advocacy" in p or "Brunei Darussalam agreed" in p
                or p.startswith("Tourism ministers of the Brunei Darussalam ")], statements


def test_a_style_before_a_name_does_not_end_a_sentence():
    from quizapp.corpus.sentences import split_sentences

    raw = ("The MoU was signed by Er. Prakash Gautam and Md. Shafiqul Islam, Kandor's Minister of State, in the "
           "presence of officials. It takes effect in May.")
    spans = split_sentences(raw, 0, len(raw))
    assert len(spans) == 2, [raw[a:b] for a, b in spans]


def test_shapes_that_hold_on_unseen_articles_rank_first():
    from quizapp.questions.rank import shape_prior

    figure = shape_prior("multiple_choice", "mc:goal-figure", "Which figure completes the statement? ...", "goal")
    deadline = shape_prior("multiple_choice", "mc:when", "By what year does X aim to ...?", "date")
    who = shape_prior("short_answer", "sa:who", "Who was ...?", "leader")
    statement = shape_prior("true_false", "tf:true", "X aims to ...", "goal")
    other_date = shape_prior("multiple_choice", "mc:when", "When did X ...?", "date")
    assert figure > deadline > who > statement > other_date == 0.0


def test_a_header_line_of_fields_may_be_set_off_by_spaced_hyphens():
    from quizapp.corpus.parse import parse_article

    raw = ("Comunicado de prensa / Press release N° 214 - 14 October 2025\n\nKANDOR AND LORVIA AGREE TO DEEPEN CHANNEL\n\n"
           "Kandora - The two countries agreed on Friday to deepen the channel.\n")
    assert str(parse_article("k.txt", raw).published) == "2025-10-14"
    raw = "Kandor - The ministry said on Friday it would act on 14 October 2025.\n"
    assert parse_article("k2.txt", raw).published is None  # (a sentence, not a header of fields)


# -- round 56 ------------------------------------------------------------------------------------

def test_a_declarations_operative_verb_is_no_party():
    from quizapp.questions.items.goal_checks import _named_party

    assert not _named_party("Pledge") and not _named_party("Decide") and _named_party("Pledge Fund of Kandor")


def test_an_office_of_a_city_is_a_firms_misread_but_a_bodys_letters_are_no_city():
    from quizapp.facts.types import Fact, Source
    from quizapp.questions.items.people import _office_of_a_city

    def leader(role):
        return Fact(id="p", kind="leader", statement="", name="Ana Ruiz", role=role, answer="Ana Ruiz",
                    sources=[Source("a.txt", "x", 1)])

    assert _office_of_a_city(leader("chief executive of Copenhagen"))
    assert not _office_of_a_city(leader("mayor of Copenhagen"))
    assert not _office_of_a_city(leader("general secretary of the CAN"))


def test_a_plan_on_a_condition_has_no_date_to_ask_and_a_named_year_keeps_the_options_in_it():
    raw = ("Published: 3 March 2026\n\n"
           "The Kandor Sailing Federation's new Equipment Access Framework will take effect on 1 January 2027 if "
           "member associations approve the proposal in November.\n\n"
           "The 2027 Kandor Response Plan will take effect on 1 February 2027, the Kandor Relief Agency said.\n")
    items = _items(raw, budget=0)
    assert not [q for q in items if "Equipment Access Framework" in q.prompt and q.prompt.startswith("When")]
    for q in items:
        if q.prompt.startswith("When") and "2027 Kandor Response Plan" in q.prompt and q.type == "multiple_choice":
            assert all("2027" in c for c in q.choices), q.choices


def test_a_timeline_lines_plural_noun_is_lowered():
    from quizapp.facts.nlp import load_nlp
    from quizapp.facts.timeline_questions import timeline_question

    line = "June 2020 - Authorities in the Kandor state of Lorvia approve the plans for the Kandor Tunnel."
    q = timeline_question(load_nlp(), line, 0, len("June 2020"))
    assert q is None or "Authorities" not in q, q


# -- round 57 ------------------------------------------------------------------------------------

def test_a_sitting_named_by_its_sector_alone_needs_its_owner():
    from quizapp.questions.sentences import generic_body

    assert generic_body("When will the 72nd Health Ministers' Conference be held in Kandora?")
    assert not generic_body("the 71st Health Ministers' Conference (HMC) of the Kandor Health Community")
    assert not generic_body("the Commonwealth Heads of Government Meeting")  # ("Commonwealth" is no ordinal)
    assert not generic_body("the 13th APTERR Council Meeting")


def test_a_releases_formula_to_inform_the_public_is_no_aim():
    raw = ("Published: 3 March 2026\n\nThe Ministry of Health of Kandor wishes to inform the general public that Kandor "
           "has successfully hosted the 71st Kandor Health Conference.\n")
    assert not [q.prompt for q in _items(raw, budget=0) if "inform the general public" in q.prompt]


def test_a_month_next_year_is_the_month_and_the_year():
    from quizapp.questions.sentences import absolute_years

    assert absolute_years("will chair the committee from July next year", 2025) == "will chair the committee from July 2026"


def test_a_share_is_changed_by_at_most_five_points():
    import random as _random

    from quizapp.questions.items.figures import change_a_figure

    for seed in range(10):
        out = change_a_figure("to eliminate tariffs on 96% of tariff lines", {"96"}, _random.Random(seed))
        assert out is not None
        value = int(out.split("on ")[1].split("%")[0])
        assert abs(value - 96) <= 15 and abs(value - 96) % 5 == 0 and value <= 99, out  # (steps of 5, not of 19)


# -- round 58 ------------------------------------------------------------------------------------

def test_guests_thanking_their_host_are_not_the_ministers_who_met():
    raw = ("JOINT COMMUNIQUÉ\n\nThe Ninth Tripartite Environment Meeting (TEM9)\n\n"
           "1. The Minister of Environment of Kenya, Ana Wanjiru, the Minister of Environment of Uganda, Ivo Okello, and "
           "the Minister of Environment of Tanzania, Li Mrema, met in Nairobi.\n\n"
           "2. The Ministers agreed to establish the Kandor Dust Early Warning Network by the end of 2027.\n\n"
           "3. The Ministers of Uganda and of Tanzania expressed their sincere appreciation to the Government of "
           "Kenya for its hospitality.\n")
    actors = goal_actors(raw)
    assert actors and not any(a == "the ministers of Uganda and Tanzania" for a in actors.values()), actors


def test_a_quoted_claim_is_no_aim_and_a_name_cut_where_the_tail_ends_is_no_when():
    raw = ("Published: 3 March 2026\n\nThe Kandor railway will strengthen Walvis Bay's role, the minister said. "
           "\"Amberland is ready to be Zembla's gateway to the Atlantic,\" he added.\n")
    assert not [q.prompt for q in _items(raw, budget=0) if "gateway" in q.prompt]
    text = "22 June 2014 — The Kandor Delta is inscribed on the UNESCO World Heritage List as its 1,000th site."
    asked = when_asked(text, "22 June 2014")
    assert asked is None or not asked.question.endswith("the UNESCO?"), asked.question


def test_an_office_before_a_name_keeps_its_capitals():
    text = "Economy and Finance Minister Ana Ruiz has pledged to cut the fiscal deficit to 2.5 per cent of GDP by 2029."
    asked = when_asked(text, "2029")
    assert asked is None or "economy and Finance" not in asked.question, asked.question
