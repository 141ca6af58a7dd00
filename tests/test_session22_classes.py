"""Shapes met in session 22: wording that leans on a thing only the article names. Invented text only."""

from __future__ import annotations

import random

import pytest

from quizapp.questions.generate import generate
from quizapp.questions.labels import _surname_forms, surname
from quizapp.questions.referents import unresolved

from .question_checks import facts_of, goal_actors, leaders_of, prompts_of


@pytest.mark.parametrize("text, phrase", [
    ("Zembla will help draft the technical rules with Lorvia ahead of the summit in Kandora.", "the technical rules"),
    ("Lorvia will take over the rotating chair on 1 January 2027, with Zembla.", "the rotating chair"),
    ("When did the Council adopt the final legal acts?", "the final legal acts"),
    ("By when does the Kandor Commission aim to halve attacks in the zone?", "the zone"),
])
def test_a_the_phrase_that_says_nothing_of_which_is_unresolved(text, phrase):
    assert phrase in unresolved(text)


@pytest.mark.parametrize("text", [
    "The ministers of Zembla and Lorvia agreed to share data on the routes of cables.",  # a complement says which
    "Zembla aims to cut the fiscal deficit to 3 percent of GDP by 2028.",  # the country's own measure
    "Lorvia called for the international community to support the Kandor Fund.",  # the world's one
    "The Kandor Fund will double the fund's capital by 2030.",  # named before in the same words
    "Zembla called for all parties to respect the 2016 arbitral award.",  # a number says which
    "Lorvia will deploy four patrol boats to the Zemblan sector of Lake Kandor.",
    "The secretariat in Kandora will need more staff.",  # a place says which
])
def test_a_the_phrase_that_says_which_is_resolved(text):
    assert unresolved(text) == ()


def test_no_true_false_aim_leans_on_a_thing_the_article_named_before():
    raw = ("Published: 2 May 2026\n\n"
           "KANDORA - Zembla and Lorvia are writing a protocol for a naval hotline between their fleets.\n\n"
           "Zembla will help draft the technical rules with Lorvia ahead of the Kandor Defence Forum.\n\n"
           "Lorvia plans to build three coastal radar stations in the Kandor Strait by 2028.\n")
    prompts = [q.prompt for q in generate(facts_of(raw), random.Random(0), budget=0)]
    assert not any("the technical rules" in p for p in prompts), prompts
    assert any("radar stations" in p for p in prompts), prompts


def _mechanisms(raw: str) -> dict[str, list[str]]:
    return {f.name: f.aliases for f in facts_of(raw) if f.kind == "mechanism"}


def test_letters_after_a_bodys_organ_name_the_body_not_the_organ():
    raw = ("Published: 2 May 2026\n\n"
           "The Joint Committee of the Lorvia-Zembla Joint Carbon Mechanism (JCM) met in Kandora on 6 May.\n\n"
           "The Governing Council of the Kandor Central Bank (KCB) met in Kandora on 7 May.\n\n"
           "Lorvia aims to cut 40 million tonnes of emissions through the JCM by 2030.\n")
    mechs = _mechanisms(raw)
    assert "JCM" in mechs.get("Joint Carbon Mechanism", []), mechs
    assert "KCB" in mechs.get("Kandor Central Bank", []), mechs
    assert not mechs.get("Joint Committee of the Lorvia-Zembla Joint Carbon Mechanism"), mechs
    # a place inside a body's name is no organ: the letters stay the whole name's
    raw = ("Published: 2 May 2026\n\nThe Bay of Kandor Initiative for Multi-Sectoral Cooperation (BKIMSC) met "
           "in Lorvia on 6 May.\n")
    assert "BKIMSC" in _mechanisms(raw).get("Bay of Kandor Initiative for Multi-Sectoral Cooperation", [])


def test_its_governor_is_the_governor_of_the_bank_the_sentence_before_named():
    raw = ("Published: 2 May 2026\n\n"
           "The changeover went smoothly, according to the Central Bank of Lorvia (CBL).\n\n"
           "Its governor, Ana Petrova, told reporters on Thursday that most old notes were back.\n\n"
           "Petrova now sits on the Governing Council of the Kandor Central Bank (KCB) in Kandora.\n")
    leaders = {n: c for n, (_r, c) in leaders_of(raw).items()}
    assert leaders.get("Ana Petrova") == "Central Bank of Lorvia", leaders


def test_the_commission_is_the_body_not_an_organ_of_it():
    raw = ("Published: 2 May 2026\n\n"
           "\"The grid is built,\" the Chairman of the Board of the Kandor Energy Commission (KEC), Ivo Lenz, said.\n\n"
           "The KEC aims to raise cross-border trade to 10 per cent by 2030.\n\n"
           "An official said the commission intends to present a draft common grid code by mid-2027.\n")
    actors = goal_actors(raw)
    actor = next((a for g, a in actors.items() if "grid code" in g), None)
    assert actor == "Kandor Energy Commission", actors


def test_no_when_of_one_meeting_of_a_series_or_of_funds_for_an_unnamed_study():
    raw = ("Published: 2 May 2026\n\n"
           "The Kandor Joint Committee last met in Lorvia in September 2023, when both sides agreed to update the rules.\n\n"
           "The World Bank approved funds for a new techno-economic assessment in April 2024.\n\n"
           "The Kandor Joint Committee adopted the Lorvia Carbon Rules on 6 November 2024.\n")
    prompts = prompts_of(raw)
    assert not any("last" in p or " meet in Lorvia" in p for p in prompts), prompts
    assert not any("assessment" in p and p.startswith("When") for p in prompts), prompts
    assert any(p.startswith("When did the Kandor Joint Committee adopt") for p in prompts), prompts


@pytest.mark.parametrize("name, accepted, refused", [
    ("Tran Quoc Hung", {"Tran", "Hung"}, {"Quoc"}),
    ("Nguyen Thi Lan", {"Nguyen", "Lan"}, {"Thi"}),
])
def test_a_vietnamese_name_is_family_name_first(name, accepted, refused):
    forms = {name, surname(name), *_surname_forms(name)}
    assert accepted <= forms and not refused & forms, forms


def test_a_signature_block_gives_each_signer_their_own_line_and_the_country_above():
    raw = ("JOINT DECLARATION\nPublished: 2 May 2026\n\n"
           "1. The Parties agree to create the Kandor Bay Fisheries Observatory by the end of 2026.\n\n"
           "Signed in Kandora on 2 May 2026.\n\n"
           "For the Republic of Lorvia:\n"
           "Ana Maria Velez Soto, Secretary of State in the Office of Foreign Affairs and International Cooperation\n"
           "Ramon Ortiz Paz, Secretary of State for Agriculture and Livestock\n\n"
           "For the Republic of Honduras:\n"
           "Pablo Rivas Mena, Vice-Minister of Foreign Affairs\n"
           "Lucia Campos Rey, Executive President of the Kandor Institute of Fisheries\n")
    leaders = leaders_of(raw)
    assert leaders.get("Ramon Ortiz Paz", ("", ""))[0] == "Secretary of State for Agriculture and Livestock", leaders
    assert "Ramon" not in leaders.get("Ana Maria Velez Soto", ("", ""))[0], leaders
    assert leaders.get("Lucia Campos Rey", ("", ""))[0].startswith("Executive President"), leaders
    assert leaders.get("Pablo Rivas Mena", ("", ""))[1] == "Honduras", leaders


def test_each_name_in_a_list_of_titled_names_keeps_the_title_before_it():
    raw = ("Published: 2 May 2026\n\nAt the 3 March meeting, Kyrgyz Minister of Energy Azamat Osmonov, Kazakhstan's "
           "Energy Minister Yerlan Bekov and Uzbekistan's Minister of Energy Jasur Karimov approved the shareholder "
           "agreement of Naryn-2 HPP JSC.\n")
    leaders = leaders_of(raw)
    assert leaders.get("Azamat Osmonov") == ("Minister of Energy", "Kyrgyzstan"), leaders
    assert not any(any(ch.isdigit() for ch in n) for n in leaders), leaders  # a company is no person


def test_a_bodys_committee_before_its_chair_is_the_body_not_an_owner():
    raw = ("Published: 2 May 2026\n\nLunch. Athletes' Commission chair Losana Vatu (Fiji) tells me athletes "
           "broadly support the change.\n")
    leaders = leaders_of(raw)
    assert leaders.get("Losana Vatu") == ("chair of the Athletes' Commission", None), leaders


def test_no_venue_of_a_numbered_meeting_of_no_named_body(monkeypatch):
    from quizapp.questions.items import venues

    monkeypatch.setattr(venues, "VENUE_ITEMS", True)
    raw = ("Published: 2 May 2026\n\nThe 15th Intergovernmental Meeting will be held in Colombo in November "
           "2026, where ministers from eight countries are due to adopt the plan.\n")
    assert not any(p.startswith("In which city") for p in prompts_of(raw))


def test_who_did_it_is_asked_of_a_pledge_not_of_a_visit():
    raw = ("Published: 2 May 2026\n\nThe Kandor Electoral Service reported a calm vote on Sunday.\n\n"
           "Kandor Electoral Service director Ana Maria Rojas visited custody sites in Lorvia and Zembla overnight.\n\n"
           "Kandor Electoral Service director Ana Maria Rojas pledged to publish the full results by 30 May.\n")
    prompts = prompts_of(raw)
    assert not any(p.startswith("Who visited") for p in prompts), prompts


def test_hosting_the_next_meeting_named_by_its_letters_is_no_aim():
    raw = ("Published: 2 May 2026\n\nThe ASEAN Digital Ministers' Meeting (ADGMIN) adopted the Kandor Masterplan "
           "in January.\n\nLorvia will host the next ADGMIN in January 2027.\n")
    assert not any("host the next" in p for p in prompts_of(raw))


def test_a_study_that_says_not_of_what_is_unresolved():
    assert unresolved("The ministers of Lorvia and Zembla agreed to complete an updated feasibility study by 2027.")
    assert unresolved("Zembla's ministry offered to update its 2019 feasibility study.")
    assert not unresolved("The ministers agreed to commission a joint groundwater study by June 2027.")
    assert not unresolved("Zembla offered to update its feasibility study of the Kandor pipeline.")


def test_two_titles_before_one_name_take_a_singular_verb():
    from quizapp.questions.render import plural

    assert not plural("Lorvia delegate and KGC vice-president Dev Ramsoran-Petit")
    assert not plural("Deputy Prime Minister and Foreign Minister Nurlan Bekov")
    assert plural("Lorvia's President and Zembla's Foreign Minister Ana Ruiz")
    assert plural("the Minister of Trade and the Minister of Finance")


def test_a_call_for_more_time_for_nothing_named_is_no_aim_worth_a_statement():
    raw = ("Published: 2 May 2026\n\nBusiness groups such as KandorBusiness called for the European Commission "
           "to allow more time.\n\nLorvia called for the European Commission to fund the Kandor Rail Link by 2030.\n")
    prompts = prompts_of(raw)
    assert not any("more time" in p for p in prompts), prompts


def test_its_chair_after_a_sentence_on_another_commission_is_no_office_of_the_main_body():
    raw = ("Published: 2 May 2026\n\nThe Kandor Surfing Association (KSA) will run the Olympic event.\n\n"
           "The KSA said the rules were final.\n\nA: The KSA Athletes' Commission now has two votes on the "
           "Executive Committee instead of one. Its chair, Keoni Lani of Lorvia, sits with us on every "
           "safety matter.\n")
    leaders = {n: c for n, (_r, c) in leaders_of(raw).items()}
    assert leaders.get("Keoni Lani") != "Kandor Surfing Association", leaders


def test_a_venue_named_for_two_sides_offers_cities_of_both_sides(monkeypatch):
    from quizapp.questions.items import venues

    monkeypatch.setattr(venues, "VENUE_ITEMS", True)  # (off in the generator; the template is kept)
    raw = ("Published: 2 May 2026\n\nThe 2025 Korea-Central Asia Critical Minerals Dialogue was held in Seoul on "
           "3 April 2025, where ministers agreed a roadmap.\n")
    for q in generate(facts_of(raw), random.Random(0), budget=0):
        if q.prompt.startswith("In which city"):
            assert set(q.choices) - {"Seoul"} <= {"Tashkent", "Almaty", "Astana", "Bishkek", "Dushanbe", "Ashgabat",
                                                   "Samarkand", "Busan", "Incheon", "Daegu", "Osh", "Khujand",
                                                   "Shymkent", "Gwangju", "Daejeon", "Ulsan", "Bukhara", "Turkmenabat",
                                                   "Nukus", "Karaganda", "Namangan", "Andijan"}, q.choices


def test_figure_foils_stay_on_the_keys_side_of_a_stated_baseline():
    from quizapp.questions.items.figures import _figures, _other_values

    goal = "have at least 25 national federations represented in 2028, against 17 in Paris"
    m = next(x for x in _figures(goal) if x.group(1) == "25")
    assert all(float(o) > 17 for o in _other_values(goal, m, set()))
    goal = "cut emissions from 40 million tonnes to 25 million tonnes by 2030"
    m = next(x for x in _figures(goal) if x.group(1) == "25")
    assert all(float(o) < 40 for o in _other_values(goal, m, set()))


def test_no_aim_cut_inside_a_hyphened_word():
    raw = ("Published: 2 May 2026\n\nThe Second Kandor Dialogue will take place in Astana in the first half of 2026, "
           "co-chaired by Lorvia.\n")
    assert not any(p.rstrip(".").endswith(" co") for p in prompts_of(raw))


def test_the_cabinet_names_no_country():
    from quizapp.questions.setting import unplaced_national

    assert unplaced_national("When did the Cabinet of Ministers approve a moratorium on port calls?")
    assert not unplaced_national("When did Sri Lanka's Cabinet approve a moratorium?")


def test_no_when_of_a_year_told_inside_what_came_before_or_of_a_statistic():
    from .question_checks import when_asked

    text = ("Lorvia held municipal elections in four phases in May 2025, the first local polls since 2016 after "
            "three postponements by Parliament in 2022, 2023 and 2024.")
    assert when_asked(text, "2022") is None
    asked = when_asked(text, "May 2025")
    assert asked is not None and "polls" not in asked.tail, asked
    assert when_asked("Women made up 10.8 percent of elected councillors in 2025.", "2025") is None
    assert when_asked("Zembla acceded to both in March 2012.", "March 2012") is None


def test_no_plans_is_no_plan_and_a_listed_subject_keeps_its_list():
    actors = goal_actors("Published: 2 May 2026\n\nHe said the Kandor Monetary Authority had no plans to change "
                         "the 7.75-7.85 band, which has been in place since May 2005.\n\nGovernments of Kazakhstan, "
                         "Kyrgyzstan, Tajikistan and Uzbekistan have agreed to resolve all known cases of "
                         "statelessness by the end of 2027.\n")
    assert not any("band" in g for g in actors), actors
    actor = next(a for g, a in actors.items() if "statelessness" in g)
    assert all(c in actor for c in ("Kazakhstan", "Kyrgyzstan", "Tajikistan", "Uzbekistan")), actor


def test_a_portfolio_that_runs_on_past_a_comma_is_no_name():
    raw = ("Published: 2 May 2026\n\nLorvia's Cabinet Secretary for Environment, Climate Change and Forestry, "
           "Daniel Kip, told us that African countries would not accept another declaration.\n")
    assert "Climate Change" not in leaders_of(raw)


def test_a_social_fund_names_no_country():
    from quizapp.questions.setting import unplaced_national

    assert unplaced_national("When did the Social Health Insurance Fund begin reimbursing medicines?")


def test_a_speech_greeting_block_names_no_one_to_ask_about_and_its_occasion_is_not_who_speaks():
    raw = ("Remarks by H.E. Dr. Salim Harthi, Minister of Commerce of the Sultanate of Oman, at the 12th session "
           "of the Kandor Joint Business Council, Muscat\n\n"
           "Your Excellency Ambassador Vikram Menon,\n"
           "Mr. Rajiv Khanna, Co-Chair of the Kandor Joint Business Council for the Indian side,\n"
           "Distinguished guests, ladies and gentlemen,\n\n"
           "We are seeking Indian investment in green hydrogen at Duqm.\n")
    prompts = prompts_of(raw)
    assert not any("Co-Chair" in p for p in prompts), prompts
    actors = goal_actors(raw)
    assert not any("Joint Business Council" in a for a in actors.values()), actors


def test_a_portfolio_run_into_a_bodys_name_is_cut_at_of_the():
    raw = ("Published: 4 July 2025\n\nRemarks by Prof. Amina Bello, Commissioner for Education, Science, "
           "Technology and Innovation of the African Union Commission, at the launch of the Kandor Credentials "
           "Platform\n\nThe Commission will connect 200 universities in the first year.\n")
    names = {f.name for f in facts_of(raw) if f.kind == "mechanism"}
    assert "African Union Commission" in names and not any(n.startswith("Technology") for n in names), names


def test_a_department_takes_the():
    from quizapp.questions.render import with_the

    assert with_the("Department of Foreign Affairs") == "the Department of Foreign Affairs"


def test_a_timeline_item_holds_no_event_still_to_come_and_no_two_steps_of_one_text():
    raw = ("The Kandor Basin Association marks its anniversary\nPublished: 5 March 2025\n\n"
           "The Kandor Basin Association (KBA) was founded in Lusaka in March 1997 by nine coastal states. "
           "Lorvia and Zembla signed the Kandor Water Convention in Lusaka in May 2001. "
           "The Kandor Water Convention entered into force in January 2003. "
           "The KBA Council of Ministers adopted the Lusaka Water Charter on 6 November 2024 after two years of talks. "
           "The Kandor Basin Association will hold its next summit in Harare in 2026.\n")
    groups = [q for q in generate(facts_of(raw), random.Random(0), budget=0) if q.type in ("ordering", "matching")]
    for q in groups:
        lines = q.items or [left for left, _right in q.pairs]
        assert not any("will hold" in x or "Harare" in x for x in lines), lines
        assert sum("Kandor Water Convention" in x for x in lines) <= 1, lines
