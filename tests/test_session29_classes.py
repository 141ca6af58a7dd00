"""Classes of failure seen in session 29's rounds, each pinned on invented text: most are joint
statements whose points went to no one ("The Sides", "They", "The Leaders"), so none was asked."""

from __future__ import annotations

import pytest

from quizapp.questions.referents import unresolved

from .question_checks import goal_actors, prompts_of


def test_an_agreement_s_own_definition_names_its_sides():
    from quizapp.facts.sides import defined_sides

    raw = ("JOINT DECLARATION\n\nOstra, 17 June 2025\n\n"
           "The Ministry of Ecology of the Republic of Azerbaijan and the Ministry of Water Resources of the Republic "
           "of Kazakhstan (hereinafter \"the Sides\"), meeting in Ostra on 16-17 June 2025,\n\n"
           "Have agreed as follows:\n\n"
           "1. The Sides will establish a Joint Working Group on the Kandor Sea Level, co-chaired by a deputy minister "
           "of each Side.\n\n"
           "2. The Sides will exchange daily sea-level data from 14 coastal gauging stations.\n")
    actors = goal_actors(raw)
    assert actors.get("exchange daily sea-level data from 14 coastal gauging stations") == "Azerbaijan and Kazakhstan", actors
    assert defined_sides('The Kandor Fund and the Ostra Bank (hereinafter referred to as "the Parties") agree') == \
        "the Kandor Fund and the Ostra Bank"
    assert defined_sides("The Ministry of Kandor (hereinafter \"the Ministry\") agrees") is None


def test_a_chain_of_countries_and_a_title_in_capitals_name_the_sides():
    from quizapp.facts.sides import hyphen_pair, sides_of

    assert hyphen_pair("Fourth Meeting of the India-Iran-Uzbekistan Trilateral Working Group on Kandor Port") == \
        "India, Iran and Uzbekistan"
    assert hyphen_pair("TWELFTH SESSION OF THE SENEGAL-THE GAMBIA JOINT COMMISSION FOR COOPERATION") == \
        "Senegal and the Gambia"
    assert hyphen_pair("The 47th Meeting of the Viet Nam - Lao PDR Intergovernmental Committee") == "Viet Nam and Laos"
    assert hyphen_pair("the Asia-Pacific Forum") is None
    assert sides_of("JOINT COMMUNIQUE ON THE SIXTH SESSION OF THE JOINT PERMANENT COMMISSION OF COOPERATION BETWEEN "
                    "THE UNITED REPUBLIC OF TANZANIA AND THE REPUBLIC OF MOZAMBIQUE") == "Tanzania and Mozambique"
    assert sides_of("The Sixth Session of the Joint Commission between the United Republic of Tanzania and the "
                    "Republic of Mozambique was held in Ostra") == "Tanzania and Mozambique"
    assert sides_of("26th ANNUAL LEADERS' CONSULTATION BETWEEN OSTRA AND KANDOR") is None


def test_a_long_lead_in_s_governments_own_the_points_and_their_they():
    raw = ("date 2024-11-22\n\nJOINT DECLARATION OF OSTRA\n\nOstra, 21-22 November 2024\n\n"
           "The Governments of the Republic of Chile and the Argentine Republic, meeting in the city of Ostra on 21 and "
           "22 November 2024 in the framework of the Binational Cabinet, have agreed on the following:\n\n"
           "1. They agree to complete the update of the feasibility study for the Kandor diversion dam by 30 June 2025.\n\n"
           "2. They agree to set up a joint laboratory for avian influenza in Ostra.\n")
    actors = goal_actors(raw)
    assert actors.get("set up a joint laboratory for avian influenza in Ostra") == "Chile and Argentina", actors


def test_bare_infinitive_points_take_the_lead_in_s_verb():
    raw = ("Gulf Desk | October 22, 2024\n\nJOINT COMMUNIQUE OF THE KANDOR-OSTRA COORDINATION COUNCIL\n\n"
           "The Fifth Meeting of the Saudi-Iraqi Coordination Council was held in Baghdad on 21-22 October 2024.\n\n"
           "The two sides agreed on the following:\n\n"
           "1. To accelerate the Saudi-Iraqi electricity interconnection project, with the aim of delivering the first "
           "500 megawatts to the Iraqi grid.\n\n"
           "2. To encourage Saudi companies to invest in agriculture in Iraq's western desert.\n")
    actors = goal_actors(raw)
    assert "the following" not in actors, actors
    assert any(g.startswith("Saudi companies") for g in actors), actors
    prompts = prompts_of(raw)
    assert not any("aimed for accelerate" in p for p in prompts), prompts
    assert any(p.startswith("Saudi Arabia and Iraq agreed to accelerate the Saudi-Iraqi electricity interconnection")
               for p in prompts), prompts


def test_a_side_named_by_its_people_and_two_countries_leaders_and_ministries():
    from quizapp.facts.actors import ActorContext, resolve_actor

    ctx = ActorContext()
    ctx.sides = "Colombia and Peru"
    assert resolve_actor("The Lao side", ctx) == "Laos"
    assert resolve_actor("The Leaders", ctx) == "the leaders of Colombia and Peru"
    assert resolve_actor("The Ministries of Health", ctx) == "the Ministries of Health of Colombia and Peru"
    assert resolve_actor("The Ministries of Health of Peru", ctx) == "The Ministries of Health of Peru"


@pytest.mark.parametrize("text", [
    "Azerbaijan and Kazakhstan call for other littoral states to join the data exchange established under paragraph 2.",
    "Kandor and Ostra agreed to send this Declaration to the Secretary-General of the United Nations.",
    "The Kandor Council agreed to set up a working group to review the impact on world ranking points.",
])
def test_a_point_of_the_text_itself_or_an_impact_of_nothing_is_unresolved(text):
    assert unresolved(text)


def test_an_impact_said_of_what_stands_alone():
    assert unresolved("The Kandor Council agreed to review the impact of climate change on coffee yields.") == ()


def test_who_co_chaired_is_not_asked_of_one_of_two():
    raw = ("Ostra, 21 August 2025\n\nJOINT DECLARATION OF OSTRA\n\n"
           "The Minister of Foreign Affairs of the Republic of Colombia, Laura Restrepo Ospina, and the Minister of "
           "Foreign Affairs of the Republic of Peru, Javier Quispe Vela, co-chaired the Twelfth Meeting of the "
           "Colombia-Peru Neighbourhood and Integration Commission (CVICP) in Leticia on 19 and 20 August 2025. The "
           "delegations agreed as follows:\n\n"
           "1. The delegations agreed to create a Binational Working Group on River Transport.\n")
    prompts = prompts_of(raw)
    assert not any(p.startswith("Who chaired") or p.startswith("Who co") for p in prompts), prompts
    assert "Colombia and Peru agreed to create a Binational Working Group on River Transport." in prompts, prompts


def test_a_new_set_of_rules_opening_a_sentence_is_new_not_named_new():
    from quizapp.facts.event_questions import when_parts
    from quizapp.facts.nlp import load_nlp

    text = "New Kandor Court Procedure Rules will take effect on 1 January 2026."
    asked = when_parts(load_nlp()(text), text.index("1 January 2026"), text.index("1 January 2026") + 14)
    assert asked is not None and "the new Kandor Court Procedure Rules" in asked.question, asked


@pytest.mark.parametrize("sentence", [
    "Two decades after Kazakhstan and Russia agreed to build a new launch complex at the Kandor Cosmodrome, the "
    "project is approaching its first flight.",
    "Queensland's State Disaster Coordinator, Deputy Commissioner Alan Ostra, has called on residents in low-lying "
    "parts of Townsville and Kandor to leave before dark.",
])
def test_a_premise_or_an_advisory_is_no_aim(sentence):
    assert prompts_of("Ostra, 3 May 2025\n\nNews\n\n" + sentence) == []


def test_a_thing_told_earlier_in_the_sentence_is_no_aim_s_own():
    raw = ("JOINT DECLARATION OF OSTRA\nTwelfth Meeting of the Colombia-Peru Neighbourhood Commission\n\n"
           "Ostra, 20 August 2025\n\nThe delegations agreed as follows:\n\n"
           "1. The delegations condemned illegal gold mining with dredges on the Kandor River, and agreed to carry out "
           "coordinated operations to destroy the dredges and to share information on the trade in mercury.\n")
    assert not any("the dredges" in p for p in prompts_of(raw)), prompts_of(raw)


def test_a_welcome_s_figure_is_no_aim_s_figure():
    raw = ("Ostra, 3 May 2025\n\nNews\n\n"
           "Kandor and Ostra welcomed the handling of 1.4 million tonnes of cargo at Vung Kandor Port, and agreed to "
           "begin construction of two new berths.\n")
    assert not any(p.startswith("Which figure") and "welcomed" in p for p in prompts_of(raw)), prompts_of(raw)


def test_an_aside_cut_inside_its_dashes_is_trimmed_off():
    raw = ("Ostra, 3 May 2025\n\nNews\n\n"
           "Georgia and Azerbaijan agreed to exchange daily hydrological data from three gauging stations - Ostra, "
           "Red Bridge on the Kandor River, and Shikhli - starting from 1 July 2024.\n")
    prompts = prompts_of(raw)
    assert not any("Red Bridge" in p and "Shikhli" not in p for p in prompts), prompts


def test_hosting_the_twenty_second_meeting_is_the_calendar():
    from quizapp.questions.items.housekeeping import _HOSTS_NEXT

    assert _HOSTS_NEXT.search("welcome the offer of Paraguay to host the twenty-second Meeting of the Council of Delegates")


def test_a_fronted_season_stays_with_its_aim():
    from types import SimpleNamespace

    from quizapp.questions.goal_wording import fronted_time

    v = SimpleNamespace(sentence="In the first season, 2025-2026, ACSAD plans to supply 120 tonnes of seed.",
                        goal="supply 120 tonnes of seed", actor="ACSAD")
    assert fronted_time(v) == "In the first season, 2025-2026"


def test_a_name_asked_with_an_of_tail_is_not_asked():
    raw = ("date 2025-06-04\n\nJOINT COMMUNIQUE OF THE 12TH SESSION OF THE ETHIOPIA-DJIBOUTI JOINT MINISTERIAL "
           "COMMISSION\n\nOstra, 2-3 June 2025\n\n"
           "The 12th Session of the Joint Ministerial Commission between Ethiopia and Djibouti was held in Ostra from 2 "
           "to 3 June 2025.\n\nThe two sides:\n\n"
           "1. Decided to establish a Joint Business Council of the chambers of commerce of both countries, which will "
           "hold its inaugural meeting in Kandor before the end of the year.\n")
    prompts = prompts_of(raw)
    assert not any(p.startswith("What council") for p in prompts), prompts
    assert any(p.startswith("Ethiopia and Djibouti decided to establish a Joint Business Council") for p in prompts), prompts


def test_an_official_s_title_opening_on_the_is_not_capitalised_mid_sentence():
    raw = ("Ostra, 3 May 2025\n\nNews\n\nThe United Nations Office on Drugs and Crime (UNODC) released its annual "
           "coca survey on Tuesday.\n\n"
           "\"The figures show that coca is becoming more concentrated,\" said Hanna Lindberg, UNODC Representative in "
           "Colombia.\n\n"
           "Ms. Lindberg called on international partners to back alternative development programmes with long-term "
           "financing.\n")
    prompts = prompts_of(raw)
    assert not any(", The United Nations" in p for p in prompts), prompts
    assert any(p.startswith("Hanna Lindberg, the United Nations Office on Drugs and Crime (UNODC) Representative")
               for p in prompts), prompts


def test_ould_alone_names_no_one():
    from quizapp.questions.labels import _surname_forms

    forms = _surname_forms("Sidi Mohamed Ould Kandor")
    assert "Ould" not in forms and "Sidi Ould" not in forms, forms
    assert "Ould Kandor" in forms, forms


def test_a_plan_named_by_its_kind_alone_is_no_party():
    raw = ("Ostra, 3 May 2025\n\nExplainer\n\n"
           "The Kandor Centre for Physics (KCP) adopted a Strategic Plan for 2026-2030 in March.\n\n"
           "The plan aims to double the number of doctoral fellowships awarded each year from 60 to 120 by 2030.\n")
    assert not any("the Strategic Plan aim" in p for p in prompts_of(raw)), prompts_of(raw)


def test_bids_for_nothing_named_are_unresolved():
    assert unresolved("Argentina and Brazil plan to decide by the end of 2026 whether to call for bids.")
    assert unresolved("Argentina and Brazil plan to call for bids for the Kandor dam in 2026.") == ()


@pytest.mark.parametrize("sentence", [
    "The Kandor Electoral Council also plans to operate 1,350 voting centres, down from more than 1,500 in 2016.",
    "She added that the Kandor Development Fund (KDF) seeks to make Ostra a model for other countries in the region.",
])
def test_a_figure_its_stem_bounds_or_a_model_for_others_is_not_asked(sentence):
    prompts = prompts_of("Ostra, 3 May 2025\n\nNews\n\n" + sentence)
    assert not any(p.startswith("Which figure") or "a model for other countries" in p for p in prompts), prompts


def test_an_office_of_another_country_is_not_set_in_the_story_s():
    raw = ("JOINT DECLARATION OF OSTRA\n\nOstra, 23 May 2025\n\n"
           "The Government of the Italian Republic, represented by the Vice-Minister for the Environment, Paola "
           "Ferrantini, and the Swiss Confederation, represented by the Director of the Federal Office for the "
           "Environment (FOEN), Martin Kellerhals, meeting in Ostra on 22 and 23 May 2025, agreed on the following:\n\n"
           "1. Italy and Switzerland agreed to lower the regulated level of Lake Kandor by 10 centimetres in summer.\n\n"
           "2. Italy will fund a new weir at Ostra, and Italy will report on it in 2026.\n")
    assert not any(p.startswith("In Italy, who was the Director of the Federal Office") for p in prompts_of(raw)), \
        prompts_of(raw)


def test_states_parties_named_by_the_representatives_who_met():
    raw = ("date 2025-11-13\n\nJoint Statement of the States Parties to the Treaty on a Kandor Zone in Central Asia\n\n"
           "Ostra, 12 November 2025\n\n"
           "The representatives of the Republic of Kazakhstan, the Kyrgyz Republic, the Republic of Tajikistan, "
           "Turkmenistan and the Republic of Uzbekistan, States Parties to the Treaty on a Kandor Zone in Central Asia "
           "(the Ostra Treaty), met in Ostra on 11-12 November 2025 for their regular consultative meeting.\n\n"
           "The States Parties:\n\n"
           "1. Pledge to strengthen national export controls on radioactive material across their borders.\n")
    actors = goal_actors(raw)
    assert "Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan" in actors.values(), actors


def test_a_preamble_naming_no_one_is_its_declaration_s_signatories():
    raw = ("Documents > Outcome documents\n\nOstra Declaration on Kandor Glaciers\n\n"
           "Adopted at the High-Level Conference on Kandor Glaciers, Ostra, 29-31 May 2025\n\n"
           "We, the heads of delegations of States, international and regional organisations and development "
           "partners, gathered in Ostra from 29 to 31 May 2025,\n\n"
           "Have agreed as follows:\n\n"
           "1. We agree to create a Kandor Glacier Monitoring Network of at least 40 reference glaciers.\n")
    actors = goal_actors(raw)
    assert "the signatories of the Ostra Declaration on Kandor Glaciers" in actors.values(), actors


def test_the_hellenic_republic_is_greece():
    from quizapp.facts.actors import signatories

    assert signatories("We, the Prime Ministers of the Republic of Bulgaria, the Hellenic Republic, Romania and the "
                       "Republic of Serbia, meeting in Ostra on 17 October 2024,") == "Bulgaria, Greece, Romania and Serbia"


def test_a_country_is_not_widened_to_a_lake_of_its_name():
    raw = ("Ostra, 3 May 2025\n\nBACKGROUNDER: The Lake Malawi / Lake Nyasa boundary dispute\n\n"
           "The lake is called Lake Malawi in Malawi and Lake Nyasa in Tanzania.\n\n"
           "Malawi and Tanzania resumed formal talks on their disputed boundary on the lake last Thursday, when the two "
           "foreign ministers met in Ostra.\n\n"
           "Meanwhile, the ministers agreed to set up a joint committee of fisheries officers to prevent the arrest of "
           "fishermen from either country while talks continue.\n")
    actors = goal_actors(raw)
    assert "the ministers of Malawi and Tanzania" in actors.values(), actors
    assert not any("Lake Malawi" in a for a in actors.values()), actors


def test_a_quoted_name_inside_an_aim_keeps_its_quotes():
    from quizapp.questions.goal_guards import quotes_off

    raw = ("Ostra, 3 May 2025\n\nInterview\n\n"
           "The Kandor Seed Trade Association (KSTA) is calling on regional economic communities to apply the "
           "principle of \"one test, one release\": once a variety has passed trials in two member states, it should "
           "be marketed in all of them.\n")
    assert "regional economic communities to apply the principle of “one test, one release”" in goal_actors(raw)
    assert quotes_off('apply the principle of "one test, one release', '"') == "apply the principle of “one test, one release”"
    assert quotes_off('"move from memoranda to money" soon', "") == "move from memoranda to money soon"


def test_ministers_of_two_sides_are_told_with_the_meeting_they_held():
    raw = ("Joint Statement on Australia-New Zealand Foreign and Defence Ministerial Consultations\n"
           "Ministry of Foreign Affairs | September 20, 2025\n\nChristchurch, 19 September 2025\n\n"
           "1. The Australian Minister for Foreign Affairs, Senator Margaret Lindqvist, met her New Zealand "
           "counterpart, Foreign Minister Hon Rawiri Tane, in Christchurch on 18-19 September 2025.\n\n"
           "2. Ministers agreed to develop a combined Anzac force plan by June 2026, setting out how the two defence "
           "forces can deploy together at short notice.\n\n"
           "3. Ministers agreed to hold the next Australia-New Zealand Consultations in Australia in 2026.\n")
    prompts = prompts_of(raw)
    assert any(p.startswith("In a joint declaration adopted in Christchurch in September 2025, the ministers of")
               and "combined Anzac force plan" in p for p in prompts), prompts
    assert not any("hold the next" in p for p in prompts), prompts


def test_a_timeline_line_s_figure_or_a_season_s_yearly_start_is_not_asked():
    raw = ("Ostra, 3 May 2025\n\nBackgrounder\n\n"
           "September 2017 - The government and Kandorra Gold sign a strategic agreement, under which Kandorra Gold "
           "agrees to pay $50 million into a new Nature Development Fund.\n\n"
           "The Atlantic hurricane season officially begins on June 1 and runs through November 30.\n")
    prompts = prompts_of(raw)
    assert not any(p.startswith("Which figure") or "hurricane season begin" in p for p in prompts), prompts


def test_progress_assessed_in_its_own_assessment_is_of_nothing_named():
    assert unresolved("The Kandor Energy Forum (KEF) will assess progress in its annual data transparency assessment.")
    assert unresolved("The KEF will assess progress in data transparency.") == ()


def test_a_when_that_cut_off_where_a_thing_is_brought_is_not_asked():
    from .question_checks import when_asked

    text = ("On transport, Cameroon and Chad agreed to bring the joint one-stop border post (OSBP) at Kousseri-Ostra, "
            "on the new Kandor bridge over the Logone River, into full operation by 30 June 2025.")
    assert when_asked(text, "30 June 2025") is None
    whole = when_asked("Cameroon and Chad agreed to bring the joint border post into full operation by 30 June 2025.",
                       "30 June 2025")
    assert whole is not None and "into full operation" in whole.question


@pytest.mark.parametrize("text", [
    "Shenzhou-20 will dock with the Kandor core module about six and a half hours later.",
    "When did the Kandor Ministry of Education approve construction funding?",
    "The European Union agreed to cover about 2 billion euros through the Kandor Facility.",
    "Laos aimed to finance its 30 percent stake.",
])
def test_a_time_later_than_nothing_or_money_for_nothing_is_unresolved(text):
    assert unresolved(text)


def test_money_said_what_for_stands_alone():
    assert not any(u.startswith("cover") or "stake" in u
                   for u in unresolved("The EU will cover 2 billion euros of the cost of the canal."))
    assert not any("stake" in u for u in unresolved("Laos will finance its 30 percent stake in the railway."))


def test_a_plan_s_year_range_gives_away_its_first_day():
    from quizapp.questions.generate import _year_given_away

    assert _year_given_away("When will the Kandor Plan of Action 2026-2028 take effect?", "1 January 2026")
    assert not _year_given_away("When will the Kandor Plan of Action 2026-2028 be reviewed?", "1 January 2030")


def test_a_constitutive_agreement_is_a_generic_name():
    from quizapp.facts.lexicon import GENERIC_NAME

    assert GENERIC_NAME.fullmatch("the Constitutive Agreement")


def test_a_commitment_said_again_or_a_body_wanting_itself_is_no_aim():
    from quizapp.questions.goal_guards import REAFFIRMED_AIM, asks_itself

    assert REAFFIRMED_AIM.match("reaffirm their commitment to protect the environment of the Chaco")
    assert not REAFFIRMED_AIM.match("build a 500 kV line between Kandor and Ostra by 2028")
    assert asks_itself("KLL", "the KLL to be a facility for the whole of Europe")
    assert not asks_itself("KLL", "member states to raise their contributions")


def test_a_body_with_and_in_its_name_is_one():
    from quizapp.questions.render import plural

    assert not plural("the Kandor Food and Drug Administration")
    assert plural("Kandor and Ostra")


def test_they_after_a_plural_subject_is_not_the_countries_named_before():
    raw = ("Ostra, 3 May 2025\n\nExplainer\n\n"
           "Austria, Denmark and the Netherlands pushed for the new toll rules in 2022.\n\n"
           "Hauliers' groups such as the Kandor Road Transport Union support the principle but warn that small firms "
           "cannot yet buy clean trucks. They have called on governments to spend toll revenue on charging stations.\n")
    actors = goal_actors(raw)
    assert "Austria, Denmark and the Netherlands" not in [a for g, a in actors.items() if "charging stations" in g], actors


def test_a_month_recalled_in_a_preamble_is_not_when_the_parties_agreed():
    from quizapp.questions.items.goal_checks import _RECALLING

    assert _RECALLING.match("Recalling the Memorandum of Understanding signed in January 2024, the two sides agreed to ...")
    assert not _RECALLING.match("In January 2024, the two sides agreed to ...")


def test_a_ratio_of_nothing_named_and_a_budget_year_are_not_asked():
    from .question_checks import when_asked

    assert unresolved("Kandor's government plans to bring the ratio below 300 per 100,000 live births by 2030.")
    assert not any("ratio" in u for u in unresolved("The bank plans to bring the ratio of bad loans below 5 percent."))
    assert when_asked("The Ministers of Kandor and Ostra approved the Kandor Commission budget for the 2025 financial "
                      "year of USD 640,000.", "2025") is None
    dated = when_asked("The Ministers of Kandor and Ostra approved the Kandor Commission budget in November 2024.",
                       "November 2024")
    assert dated is not None and dated.question.startswith("When did")
