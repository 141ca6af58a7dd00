"""Shapes met in session 24. Invented text only."""

from __future__ import annotations

import re

import pytest

from quizapp.questions.generate import generate

from .question_checks import facts_of, goal_actors, leaders_of, prompts_of


def _chair_questions(raw: str) -> dict[str, str | None]:
    return {f.name: f.question for f in facts_of(raw) if f.kind == "leader"}


_RELEASE = ("Lorvia City, 14 March 2026\n\n"
            "Kandor Union ministers agree to open a common fisheries register\n\n"
            "The 17th Ordinary Meeting of the Kandor Union Council of Ministers, held on 12-13 March 2026 at the "
            "union's secretariat in Lorvia City, brought together ministers from the bloc's nine member states. "
            "It was chaired by Uruguay's Minister of Foreign Affairs, Aurelio Brandt Vasconi, and attended by "
            "observers from two neighbouring states.\n\n"
            "The ministers agreed to open a common register of fishing vessels by the end of 2027.")


def test_who_chaired_a_meeting_named_in_the_sentence_before():
    questions = _chair_questions(_RELEASE)
    assert questions.get("Aurelio Brandt Vasconi") == \
        "Who chaired the 17th Ordinary Meeting of the Kandor Union Council of Ministers?", questions
    items = [q for q in generate(facts_of(_RELEASE), budget=0) if "chaired" in q.prompt]
    assert items and all(q.answer == "Aurelio Brandt Vasconi" for q in items), [q.prompt for q in items]


@pytest.mark.parametrize("raw", [
    # "the meeting" of no named meeting before it
    "Lorvia City, 14 March 2026\n\nMinisters met to talk about fish. The meeting was chaired by Zembla's "
    "Minister of Foreign Affairs, Aurelio Brandt Vasconi.",
    # a meeting held every year, and no month to say which
    "Lorvia City\n\nThe Ministerial Session of the Kandor Union was chaired by Zembla's Minister of Foreign "
    "Affairs, Aurelio Brandt Vasconi, under the Zembla Presidency.",
    # two chairs
    "Lorvia City, 14 March 2026\n\nThe 17th Ordinary Meeting of the Kandor Union Council was chaired by "
    "Aurelio Brandt Vasconi and Mirela Okonjo Tembe.",
    # "this year's summit": which year's is told elsewhere
    "Lorvia City, 14 March 2026\n\nThis year's summit was chaired by Zembla's President Aurelio Brandt Vasconi.",
])
def test_no_who_chaired_of_a_meeting_not_named_whole(raw):
    assert not any(q and "chaired" in q for q in _chair_questions(raw).values())


def test_a_body_that_met_in_a_month_names_its_meeting():
    raw = ("Lorvia City, 14 March 2026\n\n"
           "The Kandor Union Council of Ministers met on 9-10 March 2026 at the union's secretariat. "
           "It was chaired by Zembla's Deputy Minister for Economic Diplomacy, Aurelio Brandt Vasconi, "
           "and attended by all nine member states.")
    assert _chair_questions(raw).get("Aurelio Brandt Vasconi") == \
        "Who chaired the March 2026 meeting of the Kandor Union Council of Ministers?"


_COMMUNIQUE = ("JOINT COMMUNIQUÉ\n\n"
               "LORVIA, 14 MARCH 2026\n\n"
               "The Ministerial Meeting between the Republic of Zembla and the Kingdom of Norland on the Amber "
               "Railway was held in Lorvia on 13 and 14 March 2026.\n\n"
               "The two Ministers:\n\n"
               "1. Recalled that the railway was built between 1970 and 1975;\n\n"
               "2. Agreed to open the Amber Railway to private freight operators by the end of 2027;\n\n"
               "3. Agreed to build a joint border inspection post at Tarnow by December 2026.\n")


def test_a_numbered_list_is_by_the_ministers_its_lead_in_names():
    actors = goal_actors(_COMMUNIQUE)
    ministers = "the ministers of the Republic of Zembla and the Kingdom of Norland"
    open_rail = next((a for g, a in actors.items() if g.startswith("open the Amber Railway")), None)
    assert open_rail == ministers, actors
    assert not any(a == "We" for a in actors.values()), actors


def test_a_goal_drops_a_clause_in_another_tense():
    raw = ("WINDHOEK, Aug 25, 2025 (Wire) - Zembla's deputy minister of fisheries, Aurelio Brandt, said Zembla "
           "would host the Amber Sea Alert Network's data centre at its research station in Port Lorvia and had "
           "offered to train technicians from Norland.")
    assert not any("had offered" in p for p in prompts_of(raw))


def test_no_when_of_a_rotating_presidency_changing_hands():
    raw = ("Lorvia, 3 December 2025\n\nThe Kandor Group foreign ministers met in Lorvia. "
           "We note that the Republic of Zembla will take over the rotating Presidency of the Kandor Group on "
           "1 January 2026.")
    assert not any("Presidency" in p for p in prompts_of(raw))


def test_no_when_of_a_congress_to_be_held():
    raw = ("Lorvia, 3 December 2025\n\nThe Congress of the International Curling Union (ICU) confirmed that the "
           "61st Congress will be held in Port Lorvia in June 2027.")
    assert not any(p.startswith("When") and "Congress" in p for p in prompts_of(raw))


def test_a_month_whose_year_the_article_gives_has_foils_of_that_year():
    raw = ("Lorvia, 3 December 2025\n\nBACKGROUNDER\n\n"
           "The wolf is protected under the Kandor Habitats Directive of 1994, which every member must apply.\n\n"
           "Timeline\n\n"
           "21 May 1994 - The Kandor Union adopts the Kandor Habitats Directive, listing the wolf as protected.\n\n"
           "3 March 2019 - The Kandor Union signs the Amber Convention on wildlife.\n\n"
           "25 September 2024 - Kandor Union ambassadors agree to ask for a lower protection status.\n")
    from quizapp.questions.generate import generate
    items = [q for q in generate(facts_of(raw), budget=0)
             if q.type == "multiple_choice" and "Habitats Directive" in q.prompt]
    for q in items:
        assert all("1994" in c for c in q.choices), q.choices


@pytest.mark.parametrize("text", ["The Compliance Committee was set up in 2002.",
                                  "The Review Panel met in Lorvia in May."])
def test_a_body_named_by_its_function_alone_does_not_stand_alone(text):
    from quizapp.questions.sentences import stands_alone
    assert not stands_alone(text)


def test_a_position_on_nothing_is_unresolved():
    from quizapp.questions.referents import unresolved
    assert unresolved("When did the ambassadors agree the EU position?")
    assert not unresolved("When did the ambassadors agree the EU position on wolves?")


def test_a_decade_target_has_no_earlier_round_year_for_a_foil_without_a_date():
    from quizapp.questions.items.deadlines import year_foils
    years = [int(y) for _t, y in year_foils(2030, "The body aims to double its standards to 90 by 2030.", None)]
    assert years and all(y > 2030 for y in years), years
    years = [int(y) for _t, y in year_foils(2030, "The body aims to double its standards to 90 by 2030.", 2021)]
    assert 2025 in years and 2020 not in years, years


def test_two_lines_of_a_signature_block_are_no_office():
    from quizapp.questions.labels import _BAD_ROLE
    assert _BAD_ROLE.search("Minister of Water Resources and Irrigation For the State of Norland")
    assert not _BAD_ROLE.search("Minister for the Environment of Norland")


def test_delegates_of_a_body_are_no_part_of_its_name():
    raw = ("Lorvia, 3 December 2025\n\nDelegates of the International Curling Union voted to cut fees. "
           "The union plans to cut its operating costs by 15 percent by 2027.")
    names = {f.name for f in facts_of(raw) if f.kind == "mechanism"}
    assert not any(n.startswith("Delegates") for n in names), names
    actors = goal_actors(raw)
    assert not any(a and a.startswith("Delegates") for a in actors.values()), actors


@pytest.mark.parametrize("raw", [
    # why an agreement was reached, told in a participle
    "KINSHASA, Oct 9, 2025 (Wire) - Ministers of the Amber Basin Commission (ABC) agreed on Wednesday to a "
    "common set of navigation rules for the Amber river, seeking to avoid a repeat of last year's shutdown.",
    # a speaker's phrase quoted at the aim's end
    "Lorvia, 3 December 2025\n\nNorland Curling Union chief executive Petrus Alder says the union will use the "
    "new Lorvia Stadium upgrade \"as a showcase\".",
    # a stance every statement of its kind takes
    "Lorvia, 3 December 2025\n\nJOINT DECLARATION\n\nWe, the foreign ministers of Austria, Croatia and Slovenia, "
    "meeting in Lorvia on 3 December 2025, adopt this declaration.\n\nWe support the European perspective of "
    "the Western Balkans and call on the European Commission to present a roadmap for the gradual integration "
    "of the candidate countries into the EU single market.",
])
def test_no_statement_of_a_motive_a_quoted_phrase_or_a_stance(raw):
    prompts = prompts_of(raw)
    assert not any(w in p for p in prompts for w in ("repeat", "showcase", "perspective")), prompts


def test_no_who_of_an_office_held_by_someone_elected_to_another():
    raw = ("Cairo, 15 March 2025\n\nMvondo elected first woman vice-president of the Amber Curling Federation\n\n"
           "Ghislaine Mvondo, president of the Zembla Curling Federation, is elected vice-president of the Amber "
           "Curling Federation with 24 votes to 14. Ghislaine Mvondo said the federation would open a fund for "
           "coaches in 2026.")
    assert not any(p.startswith("Who was the president of the Zembla Curling Federation") for p in prompts_of(raw))


def test_a_standing_body_meeting_is_no_when():
    raw = ("Windhoek, 20 February 2025\n\nThe Monetary Policy Committee (MPC) of the Bank of Zembla met on the 18th "
           "and 19th of February 2025 to decide on the policy stance. The MPC decided to keep the repo rate at 6.75 "
           "percent. Governor Aurelio Brandt said the bank would publish its next Monetary Policy Statement in "
           "April 2025.")
    assert not any(p.startswith("When did") and p.endswith("meet?") for p in prompts_of(raw))


def test_letterhead_and_byline_lines_are_no_title():
    from quizapp.corpus.parse import parse_article
    letter = parse_article("l.txt", "MINISTRY OF ENVIRONMENT OF ZEMBLA\nPress Release No. 47\nUpdated 22.04.2025\n\n"
                                    "Zembla passes 100-million mark in national tree-planting drive\n\n"
                                    "LORVIA - The Ministry announced today that 100 million trees have been planted.")
    assert letter.title.startswith("Zembla passes")
    sender = parse_article("k.txt", "CENTRAL BANK OF ZEMBLA\nTranscript: Post-Monetary Policy Committee Press Briefing\n"
                                    "Lorvia | 7 October 2025\n\nThe Committee met this morning to review the economy.")
    assert sender.title == "CENTRAL BANK OF ZEMBLA"  # (the one line that says whose)
    analysis = parse_article("a.txt", "ANALYSIS | Commodities & Trade\nLast updated 02/04/2025\n"
                                      "By Rustam Alder, senior commodities analyst\n\n"
                                      "From forced harvests to factory floors: can Zembla's cotton clusters deliver?\n\n"
                                      "Five years after Zembla dismantled its state cotton quotas, the clusters grow.")
    assert analysis.title.startswith("From forced harvests") and analysis.author == "Rustam Alder"
    section = parse_article("s.txt", "MARKETS\nANALYSIS | Published: Jun 2, 2025 07:15 AM\n\n"
                                     "Palm oil: Zembla's biodiesel push tightens the market\n\n"
                                     "Zembla will raise the blend to 50 percent in 2026, the ministry said.")
    assert section.title.startswith("Palm oil")


def test_the_governments_of_two_countries_are_not_one_countrys():
    from quizapp.questions.setting import own_institution
    q = "When did the governments of Zembla and Norland sign the Treaty on the Amber Water Project?"
    assert own_institution(q, "Zembla") == q
    assert own_institution("When did the government introduce the levy?", "Kenya") == \
        "When did Kenya's government introduce the levy?"


def test_an_obligation_owed_is_no_aim():
    raw = ("The Hague, 2 December 2022\n\nThe Court ruled that Zembla had not breached its obligation to notify and "
           "consult Norland, and it stressed that both states must cooperate on the Amber river.")
    assert not any(g.startswith("notify") for g in goal_actors(raw))


def test_no_item_of_a_place_told_before_or_of_access_to_nothing():
    raw = ("Lorvia, 3 June 2025\n\nThe Zembla Atomic Power Company runs the Tarn No. 2 plant. "
           "The company plans to finish safety upgrades there by December 2026. The Amber Development Bank wants "
           "all nineteen borrowing members to have access by the end of 2025.")
    prompts = prompts_of(raw)
    assert not any("safety upgrades" in p or "have access" in p for p in prompts), prompts


def test_a_preamble_with_no_date_is_dated_by_the_month_of_writing():
    raw = ("Lorvia, 14 November 2024\n\nLORVIA DECLARATION\n\n"
           "We, the Ministers of the Interior of Austria, Croatia and Slovenia, meeting in Lorvia under the Croatian "
           "Presidency of the Amber Forum,\n\n"
           "1. Agree to hold a first joint exercise on the protection of critical infrastructure against hybrid "
           "threats in the first half of 2025.\n\n"
           "2. Agree to establish an Amber Forum Joint Operational Team on Migrant Smuggling by 30 June 2025.\n")
    prompts = prompts_of(raw)
    statements = [p for p in prompts if "joint exercise" in p]
    assert statements and all(p.startswith("In a joint declaration adopted in Lorvia in November 2024") for p in statements), prompts
    assert not any(p.startswith("By when do") for p in prompts), prompts


def test_a_side_phrase_that_points_back_is_cut_from_an_aim():
    from quizapp.questions.goal_views import _without_pointing_phrase
    assert _without_pointing_phrase("publish weekly progress reports on the Zembla Health page during the campaign") \
        == "publish weekly progress reports on the Zembla Health page"
    assert _without_pointing_phrase("restore 60,000 hectares of mangroves across the region by 2030") \
        == "restore 60,000 hectares of mangroves by 2030"
    assert _without_pointing_phrase("open a register of vessels") is None


def test_a_full_date_blank_is_not_filled_by_its_day_and_month():
    raw = ("Lorvia, 3 December 2025\n\nThe Amber Ministers of Education Organization (AMEO) was established on "
           "30 November 1965 to promote regional cooperation in education, science and culture. The AMEO Council "
           "adopted a new strategy in Lorvia on 2 December 2025.")
    from quizapp.questions.generate import generate
    for q in generate(facts_of(raw), budget=0):
        if q.type in ("cloze", "short_answer") and q.answer.endswith("1965") and "1965" not in q.prompt:
            assert "30 November" not in q.accepted_answers and "November 30" not in q.accepted_answers, q


@pytest.mark.parametrize("raw", [
    # an attempt described
    "Lorvia, 3 June 2025\n\nSince it became a development bank in 2023, the Amber Housing Bank (AHB) has tried "
    "to shed the image of a troubled housing financier.",
    # a side's claim in a dispute
    "Lorvia, 3 June 2025\n\nZembla argues that it inherited the territory and that Norland never fulfilled an 1859 "
    "convention under which Norland promised to help build a road to the coast.",
    # why a committee meets again
    "Lorvia, 3 June 2025\n\nThe Regional Inter-Ministerial Committee (RIMC) of the Amber Lakes Conference will "
    "meet again in Port Lorvia in October 2025 to review progress before the Amber Lakes Summit.",
])
def test_no_statement_of_an_attempt_a_claim_a_meetings_purpose_or_an_unnamed_group(raw):
    import random

    from quizapp.questions.generate import _Generator

    facts = facts_of(raw)
    corpus = _Generator(facts, random.Random(0)).corpus
    goals = [f for f in facts if f.kind == "goal"]
    assert goals  # (the aim is found, and read as no aim to ask)
    assert not any(corpus.goal_views.get(f.id) for f in goals
                   if re.search("shed the image|build a road|review progress|sub-group", f.goal or ""))
    prompts = prompts_of(raw)
    assert not any(w in p for p in prompts for w in ("shed the image", "build a road", "review progress",
                                                       "sub-group")), prompts
    assert not any(p.startswith("When will") and "meet" in p for p in prompts), prompts


def test_no_statement_of_a_group_named_by_its_kind():
    raw = ("COLOMBO, June 3, 2025 (Wire) - India and Sri Lanka held the seventh meeting of their Joint Working Group "
           "(JWG) on fisheries in Colombo on Monday.\n\n"
           "The JWG agreed to set up a sub-group on mariculture and seaweed farming, which will meet before the end "
           "of the first quarter of 2026.")
    assert any(g.startswith("set up a sub-group") for g in goal_actors(raw))
    assert not any("sub-group" in p for p in prompts_of(raw))


def test_a_participle_keeps_its_as_complement_and_a_side_clause_still_goes():
    from quizapp.questions.goal_views import without_side_clause
    assert without_side_clause("see at least 15 more Members officially recognised as free of the disease by 2028") \
        == "see at least 15 more Members officially recognised as free of the disease by 2028"
    assert without_side_clause("raise the policy rate by 50 basis points as inflation persists") \
        == "raise the policy rate by 50 basis points"


def test_a_body_by_its_letters_opening_a_sentence_keeps_them():
    raw = ("Gaborone, 21 February 2025\n\nDelegates met in Gaborone for the regional conference.\n\n"
           "WOAH aims to see at least 15 more African Members officially recognised as free of the disease by 2028.")
    actors = goal_actors(raw)
    assert any(a in ("WOAH", "the World Organisation for Animal Health") for g, a in actors.items()
               if g.startswith("see at least 15")), actors


def test_the_ministers_are_those_at_the_meeting_the_text_named():
    raw = ("Tehran, 11 July 2025\n\nThe Kandor Council of Ministers met on 9-10 July 2025 at the Kandor Secretariat "
           "in Tehran. It was chaired by Iran's Deputy Foreign Minister for Economic Diplomacy, Mehdi Saberi.\n\n"
           "The ministers agreed to set up a Kandor regional centre for disaster risk reduction in Tehran.")
    actors = goal_actors(raw)
    assert actors.get("set up a Kandor regional centre for disaster risk reduction in Tehran") == \
        "the ministers at the July 2025 meeting of the Kandor Council of Ministers", actors
    assert any(p.startswith("The ministers at the July 2025 meeting") for p in prompts_of(raw)), prompts_of(raw)


def test_a_count_written_with_a_comma_is_no_year():
    from quizapp.questions.items.figures import _is_year
    assert _is_year("2028") and not _is_year("2,000")
    raw = ("Lorvia, 3 June 2025\n\nThe Amber Fisheries Agency (AFA) plans to train 2,000 fishers in safe boat handling "
           "by 2027 and to register 1,500 new vessels by 2026.")
    prompts_of(raw)  # (a count of 2,000 beside a year once raised ValueError while a figure was changed)


@pytest.mark.parametrize("text", [
    "When did the United States sign the protocols?",
    "The Maldives' Ministry of Tourism will make compliance a condition for renewing licences from 2027.",
    "The Amber Sea Oil Spill Plan aims to let vessels from any member enter another member's waters within 24 hours.",
    "When was the Bulgarian elected?",
    "When will the new Clean Boat Protocol take effect?",
])
def test_stems_that_lean_on_the_article_are_unresolved(text):
    from quizapp.questions.referents import unresolved
    assert unresolved(text)


@pytest.mark.parametrize("text", [
    "When did the United States sign the protocols to the Treaty of Rarotonga?",
    "Vessels from any member of the Amber Sea Commission may enter within 24 hours under its 2025 rules.",
])
def test_stems_that_say_which_are_resolved(text):
    from quizapp.questions.referents import unresolved
    assert not unresolved(text)


def test_a_modal_after_to_is_no_infinitive_aim():
    raw = ("Lorvia, 3 June 2025\n\nBut the free-trade ambitions African leaders have signed up to will stall if a "
           "kilogram in Accra is not a kilogram in Nairobi.")
    assert not any(g.startswith("stall") for g in goal_actors(raw))


def test_bare_ministers_are_not_the_one_pair_that_signed_something():
    raw = ("Apia, 3 June 2025\n\nThe Treaty of Lorvia created a nuclear-free zone. France and the United Kingdom "
           "signed its protocols in 1996. Pacific foreign ministers met in Apia on Monday. "
           "Ministers also agreed to call on Washington to ratify the protocols before the conference.")
    actors = goal_actors(raw)
    assert not any("France" in (a or "") for g, a in actors.items() if "Washington" in g), actors


def test_no_when_of_accreditation_closing_or_pledge_of_a_trusted_election():
    from quizapp.questions.items.dates import _LOGISTICS
    from quizapp.questions.items.goals import _ELECTION_PLEDGE
    assert _LOGISTICS.search("When does accreditation for local and international observers close?")
    assert not _LOGISTICS.search("When did the commission certify the final results?")
    assert _ELECTION_PLEDGE.search("deliver an election whose result every Malawian can trust")
    assert not _ELECTION_PLEDGE.search("print 7.2 million ballot papers by 30 August")


def test_a_key_echoed_by_a_word_of_the_stem_gives_it_away():
    from quizapp.questions.blanks import _echoed
    assert _echoed("European Union", "Which organisation pledged grants under its Connecting Europe Facility?")
    assert not _echoed("European Union", "Which organisation pledged grants for the Fehmarnbelt tunnel?")


def test_an_aim_agreed_on_a_day_the_sentence_gives_is_told_with_its_month():
    raw = ("WINDHOEK, Aug 25, 2023 (Wire) - Zembla, Norland and Kandor agreed on Friday to build a shared early-warning "
           "network for harmful algal blooms off their Atlantic coast, ministers said.")
    statements = [p for p in prompts_of(raw) if "early-warning network" in p]
    assert statements and all(p.startswith("In August 2023, ") for p in statements), statements


def test_a_plan_is_not_dated_by_its_deadline():
    from types import SimpleNamespace

    from quizapp.questions.items.goal_checks import month_of_act
    v = SimpleNamespace(verb="plan", goal="open a register by March 2026", sentence="X plans to open a register by March 2026.",
                        article="a.txt")
    assert month_of_act(SimpleNamespace(published={}, dates=[]), v, "X plans to open a register by March 2026.") is None


def test_letters_after_a_name_are_no_part_of_it():
    people = leaders_of("Apia, 3 March 2025\n\nThe Forum was co-chaired by the Hon. Kila Waninara MP, Minister for "
                        "Foreign Affairs of Papua New Guinea, and Senator Margaret Lyall, Minister for Foreign Affairs "
                        "of Australia.")
    assert "Kila Waninara" in people and "Kila Waninara MP" not in people, people


@pytest.mark.parametrize("text", [
    "The Amber Basin Authority aims to have every valley's plan fully accredited and enforced by then.",
    "Basin states agreed to share operational river data within 24 hours.",
])
def test_then_and_states_of_no_named_body_are_unresolved(text):
    from quizapp.questions.referents import unresolved
    assert unresolved(text)


def test_a_question_cut_at_a_dash_is_no_question():
    from quizapp.questions.blanks import _question_ok
    assert not _question_ok("Who became chief executive of the Murray–?")


def test_the_fund_is_no_body_of_another_kind():
    raw = ("Ulaanbaatar, 3 March 2025\n\nErdenes Tavan Tolgoi (ETT) sells most of Mongolia's coal. ETT plans to "
           "build a new rail link by 2027. The finance minister told parliament the fund aims to hold at least "
           "1 trillion tugrik by the end of 2027.")
    actors = goal_actors(raw)
    assert not any("Tavan Tolgoi" in (a or "") for g, a in actors.items() if "trillion" in g), actors


@pytest.mark.parametrize("text", [
    "When does the Slovak V4 Presidency begin?",
    "The Presidency of the Baltic Assembly passes from Lithuania to Estonia on 1 January 2027.",
    "The regulation was published in the Official Journal on 5 March 2025.",
])
def test_a_chairs_term_and_a_gazette_day_are_logistics(text):
    from quizapp.questions.items.dates import _LOGISTICS
    assert _LOGISTICS.search(text)


def test_a_declarations_present_is_told_in_its_declaration():
    raw = ("Eger Declaration of the Ministers of Agriculture of the Visegrad Group (V4)\n"
           "Eger, 22 May 2026\n\n"
           "The ministers of agriculture of the Visegrad Group (V4) met in Eger on 21 May 2026.\n\n"
           "The V4 countries pledge to share wild boar surveillance data every month through a common platform.")
    statements = [p for p in prompts_of(raw) if "wild boar" in p]
    assert statements and all(p.startswith("In a declaration of May 2026, ") for p in statements), statements


def test_a_sea_named_like_a_nationality_is_no_person():
    from quizapp.questions.referents import unresolved
    assert not unresolved("Which bloc agreed to protect coral reefs in the Caribbean?")


def test_an_office_named_only_as_of_an_earlier_year_is_not_asked_as_of_writing():
    raw = ("BACKGROUNDER: the Amber Reef Commission and its covenant\nSuva, 10 March 2025\n\n"
           "In July 2021, Amber Reef Commission President Aurelio Brandt and Fiji's Minister of Fisheries signed the "
           "Amber Reef Covenant.\n\n"
           "In 2022 Aurelio Brandt told the commission in Suva that the covenant was the region's most important reef "
           "treaty.\n\n"
           "The Amber Reef Commission plans to publish its first reef census in 2027.")
    prompts = prompts_of(raw)
    assert any("Amber Reef Covenant" in p for p in prompts), prompts  # (the story is asked)
    assert not any(p.startswith("Who was the President of the Amber Reef Commission") for p in prompts), prompts
