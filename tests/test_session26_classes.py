"""Classes of failure seen in session 26's blind rounds, each pinned on invented text."""

from __future__ import annotations

import re

import pytest

from quizapp.corpus.header_dates import writes_month_first
from quizapp.facts.actors import ministers_of
from quizapp.questions.owners import name_owners, one_owner
from quizapp.questions.referents import unresolved

from .question_checks import goal_actors, leaders_of, prompts_of, questions_of


def test_generic_body_named_with_the_owner_another_sentence_gives():
    said = ["The Supervisory Council of the Bank of Ruritania decided on Wednesday to hold the base rate.",
            "Governor Ana Petrova said the Bank of Ruritania's Supervisory Council would meet again in May."]
    assert name_owners("The Supervisory Council decided to hold the base rate at 3 percent.", said) == \
        "The Supervisory Council of the Bank of Ruritania decided to hold the base rate at 3 percent."


def test_owner_letters_go_before_the_title():
    said = ["The Electoral Board (ELB) said its Board of Commissioners met on Sunday.",
            "The ELB Board of Commissioners approved the timetable."]
    assert name_owners("When did the Board of Commissioners approve the timetable?", said) == \
        "When did the ELB Board of Commissioners approve the timetable?"


def test_no_owner_or_two_owners_leave_the_stem_alone():
    two = ["The Supervisory Council of the Bank of Ruritania met.", "The Supervisory Council of the Osterlich Fund met."]
    assert one_owner("Supervisory Council", two) is None
    assert name_owners("The Supervisory Council met.", two) == "The Supervisory Council met."
    # "its", "the Bank's", a weekday and a lone word name no owner
    vague = ["The bank said its Supervisory Council met.", "The Bank's Supervisory Council met on Monday.",
             "The Supervisory Council of the Convention met."]
    assert one_owner("Supervisory Council", vague) is None


def test_owner_name_stops_at_a_weekday_and_takes_on_in_a_name():
    said = ["The Executive Body of the Convention on Transboundary Haze Pollution met on Tuesday in Geneva."]
    assert one_owner("Executive Body", said) == "the Convention on Transboundary Haze Pollution"


def test_a_conjoined_clause_keeps_its_own_subject_the_parser_hung_elsewhere():
    raw = ("Lorvia rail link news\n\n"
           "Zembla has yet to set a final timetable for the new approach line between Lyon and "
           "Saint-Jean-de-Maurienne, and Italian officials have called on Zembla to commit to opening the line "
           "before the end of 2029.")
    actors = goal_actors(raw)
    assert actors and not any(a == "Zembla" for a in actors.values()), actors


def test_an_explainers_question_heading_states_no_aim():
    raw = ("Zembla's space port\n\nZembla opened its launch site in May 2026.\n\n"
           "What does Zembla hope to gain from the launch site?\n\n"
           "The site employs 400 engineers.")
    assert not any("gain" in g for g in goal_actors(raw)), goal_actors(raw)


def test_a_date_of_nothing_named_leans_on_the_sentence_before():
    assert unresolved("Lorvian officials called on Zembla to commit to a date before the end of 2026.")
    assert not any("date" in u for u in unresolved(
        "Lorvian officials called on Zembla to commit to a date for the opening of the line."))


def test_an_ambiguous_slashed_header_is_read_just_after_the_meeting_it_reports():
    raw = ("Ministers agree to widen tariff cuts\n\n12/04/2025\nBy staff correspondent, Cairo\n\n"
           "Foreign ministers of the Kandor Group agreed on Wednesday to widen the range of goods covered by "
           "their trade deal.\n\nThe 23rd session of the Kandor Group Council of Ministers met in Cairo on "
           "2-3 December, chaired by Zemblan Foreign Minister Ana Petrova.")
    assert writes_month_first(raw)  # 4 December, the day after the meeting; never 12 April
    assert not writes_month_first(raw.replace("2-3 December", "9-10 April"))


def test_a_past_event_with_no_date_of_writing_has_no_future_foil():
    raw = ("Carbon markets explained\n\n"
           "Zembla amended its climate change law in 2023 to regulate carbon markets.\n\n"
           "Lorvia signed its carbon market framework in 2021.\n\n"
           "The Kandor Initiative aims to raise carbon credit output to 300 million credits a year by 2030.")
    asked = [q for q in questions_of(raw) if q["prompt"].startswith("When did Zembla amend")]
    assert asked and all(c <= "2023" for c in asked[0]["choices"]), asked


def test_when_two_sides_agreed_to_act_by_a_date_is_not_asked():
    raw = ("Lake Kandor timeline\n\nPublished: 2 July 2025\n\n"
           "June 2025 - Zembla and Lorvia agree to revise the Kandor Management Rules by March 2026.\n\n"
           "Zembla and Lorvia signed the Lake Kandor Treaty on 4 May 2019 in Zembla City.")
    assert not any(re.match(r"When did Zembla and Lorvia agree to revise", q["prompt"]) for q in questions_of(raw))


def test_a_portfolio_before_the_state_is_not_the_country():
    found = leaders_of("Kandor City, 3 May 2025\n\nNews\n\nThe Lorvian delegation was led by Shri Arvind Malhotra, "
                       "Minister of State for Commerce and Industry of the Republic of India.")
    assert found["Arvind Malhotra"][1] == "India", found


def test_winning_the_vote_to_host_is_what_the_winner_will_do_not_its_aim():
    raw = ("Kandor Cycling Congress\n\nPublished: 3 May 2025\n\n"
           "Zembla wins the vote to host the 2026 Kandor Road Championships, which will take place from 9 to 14 "
           "February 2026.")
    prompts = prompts_of(raw)
    assert not any("aimed to host" in p for p in prompts), prompts


@pytest.mark.parametrize("text, phrase", [
    ("Zembla will host the largest number of stations, 14, according to a council document seen by KandorWire.",
     "the largest number of stations"),
    ("Lorvia will finance the Kandor section from its own resources.", "the Kandor section"),
    ("Zembla aims to align its fines with the Lorvian level by the end of 2026.", "its fines"),
])
def test_a_stem_that_leans_on_the_sentence_before(text, phrase):
    assert phrase in unresolved(text), unresolved(text)


def test_ministers_for_a_portfolio_of_three_countries_are_all_three():
    assert ministers_of("WARSAW - The ministers for European affairs of Portugal, Spain and Poland, meeting in "
                        "Kandor on Monday, called on the European Union to open talks.") == \
        "the ministers of Portugal, Spain and Poland"


def test_next_month_is_kept_with_the_aim_as_a_month():
    raw = ("Court news\n\nDoha, 3 March 2025\n\n"
           "Next month the Kandor International Court will open a dedicated Small Claims Track.")
    prompts = prompts_of(raw)
    assert prompts and all("April 2025" in p for p in prompts if "Small Claims" in p), prompts


def test_a_body_s_member_count_is_no_figure_to_ask():
    raw = ("Energy data\n\nAlgiers, 3 March 2025\n\n"
           "The Kandor Energy Commission wants every one of the Kandor Union's 55 member states to report full "
           "national energy statistics within two years.")
    assert not any("_____ member states" in q["prompt"] for q in questions_of(raw))


@pytest.mark.parametrize("lead", [
    "The Kandor Centre of Weather Applications (KCWA), based in Lorvia City, gives guidance to weather services. "
    "Next month it will begin issuing a heat outlook. We spoke to its Director General, Dr. Ana Petrova, a "
    "Zemblan climatologist.",
    "The Kandor Weather Commission (KWC) was created by a 1954 convention. We spoke with Dr. Ana Petrova, the "
    "commission's executive secretary, as the season got under way.",
])
def test_an_interviews_we_is_the_body_the_lead_names_not_the_one_its_answers_name(lead):
    raw = ("INTERVIEW: Heat warnings\n\nUpdated 14.03.2025\n\n" + lead + "\n\n"
           "Q: What does it do?\n\nA: It was created in 1987 by the Lorvian Economic Commission and the Zemblan "
           "Meteorological Organization (ZMO). We work with services in more than 50 countries.\n\n"
           "Q: What is next?\n\nA: We aim to have heat warnings running in five pilot countries by the end of 2025.")
    actors = goal_actors(raw)
    assert actors and all("Meteorological Organization" not in a for a in actors.values()), actors
    assert any(a.startswith("Kandor") for a in actors.values()), actors


def test_a_body_spelled_out_keeps_the_country_its_name_begins_with():
    from quizapp.questions.acronyms import _spelled
    assert _spelled("EDB", "Sri Lanka Export Development Board") == "Sri Lanka Export Development Board"
    assert _spelled("IHU", "49th Ordinary Congress of the International Hockey Union") == "International Hockey Union"


def test_an_aim_is_not_asked_true_or_false_by_default():
    from quizapp.questions.items import goals
    raw = ("Kandor ports\n\nPublished: 3 May 2025\n\n"
           "The Kandor Union aims to connect the power grids of Zembla and Lorvia through a new interconnector "
           "across the Lorvia Strait.")
    assert not any(p.startswith("The Kandor Union aims") for p in prompts_of(raw))
    goals.AIM_TRUE_FALSE = True
    try:
        assert any(p.startswith("The Kandor Union aims") for p in prompts_of(raw)), prompts_of(raw)
    finally:
        goals.AIM_TRUE_FALSE = False


def test_a_typed_name_accepts_the_style_and_the_family_name_the_article_uses():
    from types import SimpleNamespace

    from quizapp.questions.items.people import _styled
    forms = _styled("Talal Al-Kandari", [SimpleNamespace(sentence="KHF President Sheikh Talal Al-Kandari says")])
    assert "Sheikh Talal Al-Kandari" in forms and "Kandari" in forms and "Sheikh. Talal Al-Kandari" not in forms


@pytest.mark.parametrize("text, phrase", [
    ("Zembla pledged to finalise its own strategy by the end of 2025.", "its own strategy"),
    ("When are Zembla and Lorvia scheduled to leave the United Nations list?", "the United Nations list"),
    ("The Kandor Union plans a ratification campaign ahead of the first Conference of the Parties (COP).",
     "the first Conference of the Parties"),
    ("Zembla and Lorvia agreed to split the estimated $910 million cost equally.", "the estimated $910 million cost"),
    ("The Kandor Commission plans to present a proposal for its revision in 2026.", "proposal for its revision"),
])
def test_a_stem_that_leans_on_what_the_article_said_before(text, phrase):
    assert phrase in unresolved(text), unresolved(text)


def test_a_and_an_agree_with_a_spelled_out_name():
    raw = ("Kandor marine corridor\n\nPuntarenas, 12 June 2025\n\n"
           "The Eastern Kandor Marine Corridor (EKMC) was set up in 2004 by Zembla and Lorvia.\n\n"
           "In a joint declaration adopted in Puntarenas in June 2025, Zembla and Lorvia agree to capitalise a "
           "EKMC Trust Fund with a target of 50 million U.S. dollars by 2027.")
    prompts = prompts_of(raw)
    assert not any(re.search(r"\ba Eastern\b", p) for p in prompts), prompts


def test_a_domain_body_named_by_its_country_wherever_another_country_is_named():
    from quizapp.questions.setting import placed_body
    stem = ("Which figure completes the statement? The National Wine Agency aims to raise the share of exports "
            "going to markets other than Russia to _____ percent by 2030.")
    assert placed_body(stem, "Georgia") == stem.replace("The National Wine Agency", "Georgia's National Wine Agency")
    assert placed_body("The Environmental Board will step up patrols.", None) is None
    assert placed_body("The European Commission will step up patrols.", None) == \
        "The European Commission will step up patrols."


def test_what_only_a_country_has_needs_its_country():
    from quizapp.questions.setting import unplaced_national, with_setting
    assert unplaced_national("When did Index-Based Livestock Insurance begin as a pilot in three provinces?")
    assert unplaced_national("When was the 15th general election held?")
    assert not unplaced_national("When was Malaysia's 15th general election held?")
    assert with_setting("When was the 15th general election held?", "Malaysia") == \
        "In Malaysia, when was the 15th general election held?"


def test_a_body_by_its_head_word_alone_is_generic():
    from quizapp.questions.sentences import generic_body
    assert generic_body("When were standards for coconut oil adopted by the Community?")
    assert not generic_body("When were standards adopted by the Kandor Coconut Community?")
    assert "a further 100 million yuan" not in unresolved("Zembla pledged 100 million yuan.")
    assert any("further" in u for u in unresolved("Zembla pledged a further 100 million yuan for water projects."))


def test_the_given_name_the_article_uses_alone_is_accepted():
    raw = ("Kandor ministers\n\nChiang Mai, 16 August 2025\n\n"
           "The 10th Kandor Foreign Ministers' Meeting, held in Chiang Mai on 14-15 August 2025, was co-chaired by "
           "Zembla's Foreign Minister Ana Petrova and Thailand's Foreign Minister, Surapong Thanakit.\n\n"
           "Surapong said the downstream countries had called on Zembla to give notice before dam releases.")
    typed = [q for q in questions_of(raw) if q["answer"] == "Surapong Thanakit" and q["type"] in ("cloze", "short_answer")]
    assert typed and all("Surapong" in q["accepted_answers"] for q in typed), typed


@pytest.mark.parametrize("text, phrase", [
    ("Guinea agreed to host its headquarters in Conakry.", "host its headquarters"),
    ("Zembla will inform Lorvia by 30 June 2025.", "inform Lorvia"),
    ("By what year do officials aim to reach 15 ratifications?", "15 ratifications"),
    ("The Zemblan government will link the hydrogen plans to its offshore wind hubs.", "the hydrogen plans"),
    ("Zembla's government wants modular refineries in the delta to take part.", "take part"),
    ("The Assembly demanded that Lorvia withdraw its administration within six months.", "withdraw its administration"),
    ("Zembla will host the 2026 All Africa Championships.", "the 2026 All Africa Championships"),
])
def test_a_stem_whose_object_the_article_gave_before(text, phrase):
    assert phrase in unresolved(text), unresolved(text)


def test_a_championship_named_by_its_body_or_sport_is_no_unnamed_one():
    assert not any("Championships" in u for u in unresolved("Zembla will host the 2031 IBU World Championships."))
    assert not any("Championships" in u for u in unresolved("Zembla will host the 2026 All Africa Badminton Championships."))


def test_a_series_next_sitting_and_rotating_roles_are_housekeeping_a_games_is_not():
    from types import SimpleNamespace

    from quizapp.questions.items.housekeeping import housekeeping
    assert housekeeping(SimpleNamespace(goal="take place in Kandor in late 2025", actor="The thirteenth Kandor Technical Workshop"))
    assert housekeeping(SimpleNamespace(goal="serve as coordinator for 2026", actor="Zembla"))
    assert housekeeping(SimpleNamespace(goal="publish updated balance sheets for the 2025/26 season", actor="The Kandor Board"))
    assert not housekeeping(SimpleNamespace(goal="take place from 23 July to 8 August 2027", actor="The fourth Kandor Games"))


def test_regional_american_names_are_not_the_united_states():
    from quizapp.questions.setting import places_in, unplaced_national
    assert places_in("the Pan American Health Organization and the Inter-American Court met Latin American states") == []
    assert not unplaced_national("The Central America Tourism Agency will add trade fairs in Asia.")


def test_a_speaker_line_is_no_office_to_ask():
    raw = ("Kandor election body briefing\n\nKandor City, 20 November 2024\n\n"
           "Speakers: KEB Chairman Ahmad Rifai and KEB Commissioner Rina Kusuma.\n\n"
           "The Kandor Electoral Board (KEB) said it had printed 200 million ballots for the regional elections on "
           "27 November 2024.\n\nCaption: KEB Chairman Ahmad Rifai (centre) speaks to reporters in Kandor City.")
    assert not any(p.startswith("Who was the") for p in prompts_of(raw)), prompts_of(raw)


def test_a_purpose_cut_short_is_left_out_of_the_aim():
    raw = ("Border crossings\n\nKandor City, 3 March 2025\n\n"
           "The Zembla-Lorvia Coordination Council agreed to establish a joint single window at the Kandor and "
           "Ostrava border crossings, so that trucks and travellers are inspected once by both customs administrations.")
    assert not any(re.search(r"are inspected\.?$", p) for p in prompts_of(raw)), prompts_of(raw)


def test_a_seat_a_body_has_many_of_is_no_who_question():
    raw = ("Kandor election body\n\nKandor City, 20 November 2024\n\n"
           "Speakers: KEB Chairman Ahmad Rifai and KEB Commissioner Rina Kusuma.\n\n"
           "The Kandor Electoral Board (KEB) said it had printed 200 million ballots for the regional elections on "
           "27 November 2024. KEB Chairman Ahmad Rifai said the count would take a month. Commissioner Rina Kusuma "
           "said ballots were safe.")
    prompts = prompts_of(raw)
    assert any(p.startswith("Who was the Chairman") for p in prompts), prompts  # (one chairman: asked)
    assert not any(p.startswith("Who was the Commissioner") for p in prompts), prompts


def test_a_state_that_runs_from_a_date_is_asked_from_when():
    raw = ("Kandor rail agency press conference\n\nKandor City, 12 March 2025\n\n"
           "From 1 January 2026 the Kandor Rail Agency (KRA) will run a single one-stop shop for trackside approvals.")
    prompts = prompts_of(raw)
    assert any(p.startswith("From what date will the Kandor Rail Agency") for p in prompts), prompts
    assert not any(p.startswith("When will the Kandor Rail Agency") for p in prompts), prompts


def test_a_figure_inside_a_quote_is_no_figure_to_ask():
    raw = ("Tourism ministers\n\nSuva, 12 March 2025\n\n"
           'The Kandor Tourism Data Initiative seeks to give governments comparable figures "instead of 17 different '
           'spreadsheets", its director Ana Petrova said.')
    assert not any("_____ different spreadsheets" in p for p in prompts_of(raw))


def test_who_met_has_two_answers_and_is_not_asked():
    from quizapp.questions.items.people import _RECIPROCAL_WHO
    assert _RECIPROCAL_WHO.match("Who met in Capurgana for the Fourth Meeting of the Kandor Commission?")
    assert not _RECIPROCAL_WHO.match("Who called for a joint border post?")


def test_a_central_banks_instrument_needs_its_country():
    from quizapp.questions.setting import unplaced_national
    assert unplaced_national("When will the lower Statutory Reserve Deposit (SRD) ratio take effect?")
    assert unplaced_national("When did the bank cut its policy rate to 4 percent?")
    assert not unplaced_national("When did Vanuatu's central bank cut its policy rate to 4 percent?")
    assert unresolved("Zembla and Lorvia will split the estimated cost of $3.2 million equally.")


def test_an_aside_before_a_deadline_asked_in_place_is_not_asked():
    from quizapp.questions.items.deadlines import deadline_in_place
    assert deadline_in_place("By what year did the commission agree to fund a counting station on the Kandor "
                             "River, a major tributary?") == ""
    assert deadline_in_place("By what year did the ministers agree to phase out coal?") == \
        "The ministers agreed to phase out coal by what year?"


def test_an_is_a_before_a_you_sound_after_spelling_out():
    from quizapp.questions.render import a_or_an
    assert a_or_an("to cut the time for an European Rail Traffic Management System approval") == \
        "to cut the time for a European Rail Traffic Management System approval"
    assert a_or_an("agree to capitalise a Eastern Kandor Trust Fund") == "agree to capitalise an Eastern Kandor Trust Fund"
    assert a_or_an("a United Nations body and a One Health plan") == "a United Nations body and a One Health plan"


def test_a_body_by_its_kind_is_no_meeting_the_article_names_most():
    raw = ("LIVE | Kandor Badminton Annual General Meeting, Kuala Lumpur\n\nLast updated 19:45 MYT, 3 May 2025\n\n"
           "19:45\nThat's all from the Annual General Meeting (AGM) of Kandor Badminton in Kuala Lumpur today.\n\n"
           "19:30\nThe new president told reporters the confederation plans to double prize money at junior events "
           "by 2028.\n\n19:00\nDelegates at the Annual General Meeting approved two amendments to the statutes.")
    actors = goal_actors(raw)
    assert not any("Annual General Meeting" == a for a in actors.values()), actors


def test_a_body_asked_of_takes_its_article():
    from quizapp.questions.items.dates import _with_the_subject
    assert _with_the_subject("By when does Ministry of Health aim to vaccinate 90 percent of girls?") == \
        "By when does the Ministry of Health aim to vaccinate 90 percent of girls?"
    assert _with_the_subject("When did Zembla amend its law?") == "When did Zembla amend its law?"


def test_a_plan_on_a_condition_is_not_told_without_it():
    raw = ("Customs dispute\n\nNairobi, 3 May 2025\n\n"
           "Zembla intends to file a reference with the Kandor Court of Justice if the matter is not resolved at the "
           "bloc's next ministerial meeting.")
    assert not any("file a reference" in p for p in prompts_of(raw)), prompts_of(raw)


def test_a_moderators_order_of_business_and_a_cut_programme_name_are_not_asked():
    from types import SimpleNamespace

    from quizapp.questions.items.housekeeping import housekeeping
    from quizapp.questions.sentences import generic_body
    assert housekeeping(SimpleNamespace(goal="begin with a short statement from the Head of the agency", actor="Zembla"))
    assert generic_body("The Expanded Programme will use a single-dose schedule.")
    assert not generic_body("The Expanded Programme on Immunization will use a single-dose schedule.")


def test_a_foundation_takes_its_article_and_more_of_nothing_leans_on_the_article():
    from quizapp.questions.render import with_the
    assert with_the("Kandor Agricultural Technology Foundation") == "the Kandor Agricultural Technology Foundation"
    assert "put in more" in " ".join(unresolved("The Kandor Foundation wanted governments to put in more."))


def test_a_placed_body_opening_a_statement_is_capitalised():
    from quizapp.questions.setting import placed_body
    assert placed_body("Which figure completes the statement? The National Wine Agency aims to raise _____ percent.",
                       "Philippines") == ("Which figure completes the statement? The Philippines' National Wine Agency "
                                          "aims to raise _____ percent.")
    assert placed_body("When did the National Wine Agency open?", "Philippines") == \
        "When did the Philippines' National Wine Agency open?"


def test_a_policy_rate_of_a_named_bank_is_placed_by_its_name():
    from quizapp.questions.setting import unplaced_national
    assert not unplaced_national("The Kandor Central Bank plans to cut its policy rate to 3 percent by December 2024.")
    assert not unplaced_national("The Zemriksbank cut its policy rate.")
