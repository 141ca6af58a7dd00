"""Shapes met in session 21: people matched to offices that say whose they are, names and offices
the parse cut, and the ministers a communiqué's opening names one by one. Invented text only."""

from __future__ import annotations

import random

import pytest

from quizapp.facts.types import Fact, Source
from quizapp.questions.generate import generate
from quizapp.questions.items.groups import _day_range, says_whose

from .question_checks import facts_of, goal_actors, prompts_of, when_asked


def _leaders(raw: str) -> dict[str, str]:
    return {f.name: f.role for f in facts_of(raw) if f.kind == "leader"}


def test_a_former_office_keeps_former():
    roles = _leaders("Published: 2 May 2026\n\nAn observer mission of 30, led by former Malawian foreign minister "
                     "Ada Mbeki, deployed across the country on Monday.\n")
    assert roles.get("Ada Mbeki", "").lower().startswith("former"), roles


def test_a_lowercase_particle_carries_a_name_on():
    roles = _leaders("Published: 2 May 2026\n\nAngola's Education Minister Mateus do Carmo Lopes said the plan would "
                     "start in May.\n\nThe government aims to double school meals by 2030, according to the "
                     "Minister of State Administration, Tomás do Rosário Nunes.\n")
    assert "Mateus do Carmo Lopes" in roles and "Tomás do Rosário Nunes" in roles, roles


def test_a_body_named_with_an_accented_capital_is_kept_whole():
    roles = _leaders("Published: 2 May 2026\n\n\"Cutting rates is a risk,\" said Ines Okafor, chief economist at "
                     "Banque Équatoriale de Crédit in Malabo.\n")
    assert "Banque Équatoriale de Crédit" in roles.get("Ines Okafor", ""), roles


def test_a_country_director_is_no_director():
    roles = _leaders("Published: 2 May 2026\n\nThe World Food Programme's country director in Zembla, Luc Ferrand, "
                     "said the agency needs US$ 80 million.\n")
    assert roles.get("Luc Ferrand", "").startswith("country director"), roles


OPENING = ("JOINT COMMUNIQUE\nPublished: 2 May 2026\n\n"
           "1. The Minister of Environment of Lesotho, Han Jae-min, the Minister of the Environment of Botswana, "
           "Ada Okoro, and the Minister of Water of Eswatini, Piet Vos, met in Kandora for the Fifth Trilateral "
           "Water Ministers Meeting.\n\n"
           "2. The Ministers agreed to establish the Trilateral Flood Warning Network by the end of 2027.\n\n"
           "3. The Ministers of Botswana and of Eswatini expressed their appreciation to the Government of "
           "Lesotho for its warm hospitality.\n")


def test_the_ministers_are_all_those_the_opening_names_one_by_one():
    roles = _leaders(OPENING)
    assert roles.get("Han Jae-min") == "Minister of Environment of Lesotho", roles  # its own title, not the next
    actors = goal_actors(OPENING)
    actor = next(a for g, a in actors.items() if "Flood Warning Network" in g)
    assert all(c in actor for c in ("Lesotho", "Botswana", "Eswatini")), actor


@pytest.mark.parametrize("label, whose", [
    ("Governor of the Central Bank of Lorvia", True),
    ("Secretary-General of the Kandor River Commission (KRC)", True),
    ("chief economist at Tasman Capital Markets", True),
    ("Minister of State Administration", False),
    ("head of the Electoral Commission", False),
    ("Executive Director of the National Agency", False),
])
def test_an_office_matched_without_its_story_must_say_whose_it_is(label, whose):
    assert says_whose(label) is whose


ART = "a.txt"


def _date(fid: str, date: str, sentence: str) -> Fact:
    return Fact(id=fid, kind="date", statement="", answer=date, date=date, sources=[Source(ART, sentence, 1)])


@pytest.mark.parametrize("sentence, spans", [
    ("The council met in Kandora on 7-9 May and agreed a budget.", True),
    ("The summit, held on May 7-9, 2025 in Kandora, agreed a budget.", True),
    ("The talks ran from 7 to 9 May in Kandora.", True),
    ("The council met in Kandora on 7 May 2025.", False),
])
def test_the_first_day_of_a_span_is_no_date_to_match(sentence, spans):
    assert _day_range(_date("d", "2025-05-07", sentence)) is spans


def test_people_are_matched_as_of_the_articles_month_and_only_to_offices_that_say_whose():
    raw = ("Published: 2 May 2026\n\n"
           "The Governor of the Central Bank of Lorvia, Ana Ruiz, opened the Kandor Monetary Forum in Kandora.\n\n"
           "Zembla's Finance Minister Joel Banda said imports would rise.\n\n"
           "The Secretary-General of the Kandor River Commission, Ruth Moyo, backed the plans.\n\n"
           "The head of the Electoral Commission, Piet Vos, said the vote was calm.\n")
    qs = generate(facts_of(raw), random.Random(0), budget=0)
    matching = [q for q in qs if q.type == "matching"]
    for q in matching:
        assert q.prompt == "Match each person to their role as of May 2026."
        assert all(says_whose(right) for _left, right in q.pairs), q.pairs
        assert "Piet Vos" not in [left for left, _right in q.pairs]


# -- round 59 ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, date_text", [
    ("The Kandor flood centre will be activated every year on 1 November, before the rainy season.", "1 November"),
    ("The chairperson deployed an observation mission to the 16 September 2025 general elections in Zembla.",
     "16 September 2025"),
    ("November 2023 - Attacks on ships in the Kandor Strait begin; shipping firms start diverting vessels.",
     "November 2023"),
    ("A: Interested national committees must submit a letter of intent by 31 January 2026.", "31 January 2026"),
])
def test_no_when_of_a_yearly_date_a_things_own_date_another_clause_or_a_bare_opening(text, date_text):
    assert when_asked(text, date_text) is None


def test_the_when_of_a_plain_dated_act_is_still_asked():
    asked = when_asked("The Kandor River Commission deployed an observation mission to Zembla on 16 September 2025.",
                       "16 September 2025")
    assert asked is not None


def test_an_office_then_currently_and_a_name_is_that_persons():
    roles = _leaders("Published: 2 May 2026\n\nPolitical oversight sits with the AU Commissioner for Infrastructure "
                     "and Energy, currently Hawa Kamara-Diallo of Guinea.\n")
    assert roles.get("Hawa Kamara-Diallo") == "AU Commissioner for Infrastructure and Energy", roles


def test_who_was_elected_says_when():
    raw = ("Published: 2 May 2026\n\nGonzalo Irarrazabal, a former Chilean rowing champion, was elected president of "
           "the Kandor Sports Union, the body that governs the Kandor Games, in November last year.\n\n"
           "The Kandor Sports Union groups 41 national committees.\n")
    prompts = prompts_of(raw)
    elected = [p for p in prompts if "elected" in p]
    assert all(p.endswith("in November 2025?") for p in elected), elected


SPEECH = ("TRANSCRIPT - Speech by the Minister of Health, Dr. Helena Soares, at the launch of the Kandor Plan\n\n"
          "Brasília, 04.07.2025\n\n"
          "Good morning to all.\n\n"
          "Last month, in Asunción, health ministers from Argentina, Bolivia, Paraguay and Uruguay agreed to set up "
          "a surveillance network.\n\n"
          "Through the new biofactory in Curitiba, we plan to extend mosquito releases to 40 municipalities by 2027.\n")


def test_a_speechs_we_is_never_the_ministers_it_reports_on():
    actors = goal_actors(SPEECH)
    actor = next((a for g, a in actors.items() if "mosquito releases" in g), None)
    assert actor is None or "ministers" not in actor, actors


# -- round 60 ------------------------------------------------------------------------------------

COMMUNIQUE = ("KANDOR HIGHER EDUCATION AREA\nMinisterial Conference, Kandora, 20-21 May 2026\n\nKANDORA COMMUNIQUE\n\n"
              "Adopted by the ministers responsible for higher education of the 31 countries of the Kandor Higher "
              "Education Area (KHEA), in the presence of the consultative members of the Follow-Up Group\n\n"
              "1. We, the ministers responsible for higher education, met in Kandora on 20 and 21 May 2026.\n\n"
              "2. We thank the co-chairs of the Follow-Up Group (FUG) for preparing this conference.\n\n"
              "3. We agree to establish automatic recognition of degrees across the KHEA by the end of 2029.\n\n"
              "4. We mandate the FUG to publish the first monitoring report in 2028.\n")


def test_a_communiques_we_is_the_ministers_its_header_names_not_the_body_it_names_most():
    actors = goal_actors(COMMUNIQUE)
    actor = next(a for g, a in actors.items() if "automatic recognition" in g)
    assert actor == "the ministers of the Kandor Higher Education Area", actors
    prompts = prompts_of(COMMUNIQUE)
    assert not [p for p in prompts if "Follow-Up Group agree" in p or "FUG) agree" in p], prompts
    deadline = [p for p in prompts if p.startswith("By what year")]
    # (an act done in the saying, "We agree to ...", is past when asked)
    assert all(p.startswith("By what year did the ministers") for p in deadline), deadline


@pytest.mark.parametrize("raw", [
    # a name cut at its hyphen: "[KAN-]Asia will enrol ..."
    "Published: 2 May 2026\n\nThe KAN-Asia study will start in March. KAN-Asia will enrol about 120,000 women "
    "over three years, starting in 2026.\n",
    # a share of how much, not of what
    "Published: 2 May 2026\n\nTalks on the Kandor herring stock resumed in Oslo. Iceland is seeking a share of not "
    "less than 16 percent, its negotiator said.\n",
])
def test_no_figure_of_a_cut_party_or_of_a_share_of_nothing_named(raw):
    prompts = prompts_of(raw)
    assert not [p for p in prompts if "Asia will enrol" in p or "sought a share" in p or "seeks a share" in p], prompts


def test_no_when_of_an_amendment_of_nothing_named_and_no_who_briefed():
    assert when_asked("In May 2025, the Kandor Parliament approved a targeted amendment that moves the wolf to "
                      "Annex V.", "May 2025") is None
    raw = ("Published: 2 May 2026\n\nIceland's chief negotiator, Ragna Jonsdottir, has briefed Nordic journalists "
           "outside the Kandor talks.\n")
    prompts = prompts_of(raw)
    assert not [p for p in prompts if p.startswith("Who") and "briefed" in p], prompts


def test_no_when_whose_tail_crosses_a_colon():
    text = ("Zembla has tabled a proposal for a phased approach: a five-year sharing arrangement starting in 2026, "
            "with a joint review of the stock in 2028.")
    assert when_asked(text, "2028") is None


# -- round 61 ------------------------------------------------------------------------------------

def test_a_far_round_target_year_draws_foils_in_fives():
    from quizapp.questions.items.deadlines import year_foils

    foils = {y for _, y in year_foils(2060, "Zembla pledged to reach carbon neutrality by 2060.", 2025)}
    assert {"2059", "2061"}.isdisjoint(foils) and {"2055", "2065"} <= foils
    near = {y for _, y in year_foils(2028, "Zembla plans to open the line by 2028.", 2025)}
    assert "2029" in near  # a near deadline is any year


def test_an_office_after_a_plural_possessive_and_a_name_the_tagger_took_for_a_place():
    roles = {f.name: (f.role, f.country) for f in facts_of(
        "Published: 2 May 2026\n\n09:40 The Philippines' Secretary of National Defense, Eduardo Salonga, is speaking "
        "now.\n\n09:45 Salonga calls on all parties to respect the 2016 arbitral award.\n") if f.kind == "leader"}
    assert roles.get("Eduardo Salonga") == ("Secretary of National Defense", "Philippines"), roles


def test_a_when_is_asked_of_an_act_that_makes_opens_joins_or_agrees_not_of_a_side_detail():
    side = ("Published: 2 May 2026\n\nThe Kandor River Authority will send hourly spill forecasts to the Kandor "
            "Early Warning Facility (KEWF) from 1 July 2026.\n")
    key = ("Published: 2 May 2026\n\nThe Kandor River Authority will open the Kandor Early Warning Facility (KEWF) "
           "in Kandora on 1 July 2026.\n")
    assert not [p for p in prompts_of(side) if p.startswith("When")]
    assert [p for p in prompts_of(key) if p.startswith("When")]


# -- round 63 ------------------------------------------------------------------------------------

def test_what_parties_would_agree_to_under_a_proposal_is_no_aim_of_theirs():
    actors = goal_actors("Published: 2 May 2026\n\nToday Zembla is proposing a Kandor Rift Compact. Under this compact, "
                         "member states would agree to share drilling rigs and well data.\n")
    assert not [g for g in actors if "drilling rigs" in g], actors


def test_people_greeted_or_addressed_in_a_speech_are_not_asked_about():
    raw = ("Speech by the Minister of Energy of Kenya at the Kandor Geothermal Conference\n\nPublished: 2 May 2026\n\n"
           "Your Excellencies, Honourable Ministers, Dr. Amani Okello, Commissioner for Energy of the African Union "
           "Commission, distinguished delegates, ladies and gentlemen,\n\nCommissioner Okello, you have our full "
           "support.\n\nKenya will open the Kandor geothermal field in 2027.\n")
    prompts = prompts_of(raw)
    assert not [p for p in prompts if "Commissioner for Energy" in p or "Okello" in p], prompts


@pytest.mark.parametrize("text, date_text", [
    ("The Working Party met for the fourth time in Geneva in July 2024.", "July 2024"),
    ("The committee set three criteria. Zembla met all three for the first time in 2018.", "2018"),
])
def test_no_when_of_a_generic_body_or_of_all_three(text, date_text):
    raw = f"Published: 2 May 2026\n\n{text}\n"
    prompts = prompts_of(raw)
    assert not [p for p in prompts if p.startswith("When") and ("Working Party" in p or "all three" in p)], prompts


# -- round 64 ------------------------------------------------------------------------------------

def test_matching_offices_are_told_where_the_person_is_named_and_are_one_line():
    from quizapp.questions.items.groups import _told_there

    class F:
        sources = [Source(ART, "Governor Lucia Armendariz said the state would not accept the deal.", 1)]

    assert not _told_there(F, "Governor of the North American Development Bank")  # the bank is the extractor's guess
    assert not _told_there(F, "Minister of the Interior For the Hellenic Republic")  # two lines run together
    F.sources = [Source(ART, "Ana Ruiz, commissioner of the Kandor Water Commission (KWC), signed the accord.", 1)]
    assert _told_there(F, "commissioner of the Kandor Water Commission (KWC)")


@pytest.mark.parametrize("text, date_text, word", [
    ("Published: 2 May 2026\n\nTeresa Villa became executive director of the Kandor Centre for Biodiversity in "
     "March 2025.\n", "March 2025", "become"),
    ("Published: 2 May 2026\n\nThe Kandor Commission tabled its proposal in March 2023 as part of the Kandor Green "
     "Deal.\n", "March 2023", "its proposal"),
    ("Published: 2 May 2026\n\nShe said Zembla aims to repay the entire carried-over deficit by the end of 2027.\n",
     "2027", "carried-over"),
])
def test_no_when_of_a_persons_start_in_office_of_its_proposal_or_of_a_thing_told_before(text, date_text, word):
    prompts = prompts_of(text)
    assert not [p for p in prompts if p.startswith(("When", "By")) and word in p], prompts


@pytest.mark.parametrize("sentence", [
    "The six ministers called for the Kandor Commission to present.",
    "Zembla wants similar transboundary agreements along the Kandor border.",
])
def test_no_aim_cut_before_its_object_or_similar_to_something_unsaid(sentence):
    raw = f"Published: 2 May 2026\n\n{sentence}\n"
    prompts = prompts_of(raw)
    assert not [p for p in prompts if "to present." in p or "similar transboundary" in p], prompts


# -- round 62 ------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The Kandor Bridge Authority will continue to deliver its Community Benefits Plan.",
    "The Kandor Migration Office has supported labour mobility between Zembla and Lorvia since 2018.",
])
def test_what_a_party_already_does_is_no_aim(sentence):
    raw = f"Published: 2 May 2026\n\n{sentence}\n"
    prompts = prompts_of(raw)
    assert not [p for p in prompts if "Community Benefits" in p or "labour mobility" in p], prompts
