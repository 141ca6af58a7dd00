"""Shapes met in session 23. Invented text only."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from quizapp.questions.generate import generate
from quizapp.questions.normalise import parse_date
from quizapp.questions.referents import unresolved

from .question_checks import facts_of, goal_actors, leaders_of, prompts_of, when_asked


def test_an_occasion_after_a_title_is_no_person():
    raw = ("Published: 3 March 2026\n\n"
           "Dr. Mirela Okonjo Kandor Union Secretary General at The Opening Ceremony of the 12th Regular "
           "Meeting of Kandor Union Heads of Government held in Zembla City.\n\n"
           "The heads of government agreed to review the union's customs code by 2027.")
    people = leaders_of(raw)
    assert "Opening Ceremony" not in people
    assert not any("Ceremony" in name or "Meeting" in name for name in people)


_DECLARATION = ("Source: https://example.org/kandor-declaration\n12/02/2026\n\n"
                "KANDOR RIVER DECLARATION 2026\n\n"
                "Adopted at the Ministerial Meeting of the Kandor River Commission (KRC), Lorvia City, 11 February 2026\n\n"
                "We, the Ministers responsible for water management in the Contracting Parties to the Kandor River "
                "Protection Convention, meeting in Lorvia City under the 2026 KRC Presidency of Zembla,\n\n"
                "hereby declare that we:\n\n"
                "1. Agree to adopt the 3rd Kandor River Basin Management Plan by 22 December 2027.\n\n"
                "2. Commit to reduce nitrogen loads to the Amber Sea by 15 percent and phosphorus loads by "
                "20 percent by 2033, compared with 2020 levels.\n\n"
                "3. Pledge to restore at least 60,000 hectares of floodplains along the Kandor River by 2030.\n\n"
                "Signed in Lorvia City on 11 February 2026 on behalf of the Contracting Parties by\n\n"
                "Mirela Okonjo\nPresident of the KRC\n")


def test_a_declaration_by_a_treatys_parties_gives_its_aims_to_the_parties():
    actors = goal_actors(_DECLARATION)
    treaty = "the parties to the Kandor River Protection Convention"
    adopt = next((a for g, a in actors.items() if g.startswith("adopt the 3rd")), None)
    assert adopt == treaty, actors
    # a paragraph's verb the tagger reads as a name ("Pledge to restore") is still the parties' pledge
    restore = [a for g, a in actors.items() if g.startswith("restore at least 60,000")]
    assert restore == [treaty], actors
    # a gapped second object ("... by 15 percent and phosphorus loads by 20 percent") keeps its verb
    assert any(g.startswith("reduce nitrogen loads") and "phosphorus loads by 20 percent" in g for g in actors), actors
    assert not any(g.startswith("phosphorus") for g in actors), actors


def test_no_who_of_someone_who_only_signs():
    prompts = prompts_of(_DECLARATION)
    assert not any("Okonjo" in p or "President of the Kandor River Commission" in p for p in prompts), prompts
    assert any("Kandor River Protection Convention" in p for p in prompts), prompts


def test_a_date_due_of_a_thing_set_off_after_a_comma_is_not_the_acts():
    asked = when_asked("Next month the Kandor Commission will hold hearings in Lorvia, as it prepares its "
                       "Fourth Assessment report, due in 2026.", "2026")
    assert asked is None
    asked = when_asked("Zembla and Lorvia adopted a target to cut phosphorus by 40 percent from 2008 levels.", "2008")
    assert asked is None


def test_a_month_ends_deadline_is_offered_among_month_ends():
    raw = ("Published: 3 May 2024\n\n"
           "LORVIA CITY - Ministers of the Kandor Alliance met in Lorvia City on Friday for their annual council.\n\n"
           "In a joint statement, the ministers agreed to conclude a Kandor Alliance Digital Trade Agreement by "
           "31 December 2024.\n\n"
           "The Kandor Alliance was founded in 2011 by Zembla and Lorvia.\n")
    items = [q for q in generate(facts_of(raw), random.Random(0), budget=0)
             if q.type == "multiple_choice" and q.answer == "31 December 2024"]
    assert items, [q.prompt for q in generate(facts_of(raw), random.Random(0), budget=0)]
    for q in items:
        for choice in q.choices:
            day = parse_date(choice)
            assert day is not None and (date(day[0], day[1], day[2]) + timedelta(days=1)).day == 1, q.choices


def test_no_who_of_a_department_whose_country_goes_unsaid():
    raw = ("Published: 4 March 2024\n\n"
           "A school vaccination pilot against dengue starts in four provinces on Monday.\n\n"
           "Dr. Anan Sirikul, Director-General of the Department of Disease Control (DDC), said the pilot would "
           "not replace mosquito control.\n\n"
           "The DDC aims to halve dengue deaths by 2027, Dr. Anan said.\n")
    assert not any(p.startswith("Who") and "Department of Disease Control" in p for p in prompts_of(raw))


def test_no_statement_of_keeping_on_with_a_partner_or_of_a_sessions_schedule():
    raw = ("Published: 4 March 2024\n\n"
           "The Kandor Central Bank will continue to work closely with the Kandor Financial Services Commission.\n\n"
           "The Kandor Water Commission will hold public listening sessions in Lorvia and Zembla City.\n\n"
           "The Kandor Central Bank plans to cut its policy rate to 3 percent by December 2024.\n")
    prompts = prompts_of(raw)
    assert not any("continue to work" in p or "listening sessions" in p for p in prompts), prompts
    assert any("policy rate" in p for p in prompts), prompts


def test_a_cloze_that_leans_on_the_meeting_the_article_named_is_left_out():
    raw = ("Published: 4 March 2024\n\n"
           "LORVIA CITY - Ministers of the Kandor Alliance met in Lorvia City on Friday.\n\n"
           "At the close, Zembla's Foreign Minister, Rosa Elena Quispe, handed the pro tempore presidency to "
           "Lorvia, which will hold it for one year.\n\n"
           "Rosa Elena Quispe said the Kandor Alliance would grow.\n")
    assert not any("At the close" in p for p in prompts_of(raw))


def test_no_statement_of_a_ceremonial_welcome_of_keeping_to_a_line_or_of_a_bare_party():
    raw = ("Published: 4 March 2025\n\n"
           "We, the Ministers of Uganda, Rwanda and Burundi, meeting in Entebbe on 3 March 2025,\n\n"
           "We welcome the entry into force of the Kandor Framework Agreement as a historic milestone.\n\n"
           "We call on the Republic of Amberland, the Republic of Tessia and all other basin states that have not "
           "yet done so to accede to the Agreement.\n\n"
           "The Kandor Development Fund remained committed to supporting countries most exposed to high fuel prices.\n\n"
           "The Kandor Standards Organisation aims to complete the remaining 90 by the end of 2026.\n\n"
           "We agree to establish the Kandor River Basin Commission by June 2026.\n")
    prompts = prompts_of(raw)
    assert not any("historic milestone" in p for p in prompts), prompts
    assert not any(p.rstrip(".").endswith("Republic of Amberland") for p in prompts), prompts
    assert not any("remained committed" in p or "committed to supporting" in p for p in prompts), prompts
    assert not any("remaining 90" in p for p in prompts), prompts
    assert any("Kandor River Basin Commission" in p for p in prompts), prompts


def test_the_head_of_the_story_body_quoted_once_is_no_one_to_ask_about():
    raw = ("Published: 4 April 2024\n\n"
           "The Kandor Development Bank (KDB) will lend US$2 billion a year to small firms from 2025.\n\n"
           "The bank plans to open offices in Lorvia and Zembla by 2026.\n\n"
           "Small firms in the region employ most workers but get a tenth of bank credit.\n\n"
           "Lenders in Lorvia charge them rates of up to 30 percent.\n\n"
           "Zembla's banks ask for collateral few of them have.\n\n"
           "The new loans will carry a guarantee from the KDB for half of any loss.\n\n"
           "KDB President Ilan Marcos has called this a \"new era\" for the group.\n")
    assert not any(p.startswith("Who") and "Kandor Development Bank" in p for p in prompts_of(raw))


def test_a_name_is_accepted_with_the_style_the_article_gives_it():
    raw = ("Published: 4 November 2024\n\n"
           "We spoke to KSO's Secretary-General, Dr. Tendai Mubaiwa, after the organisation's committee met in "
           "Lorvia City last week.\n\n"
           "Dr. Mubaiwa said the Kandor Standards Organisation (KSO) aims to adopt 200 standards by 2026.\n")
    items = [q for q in generate(facts_of(raw), random.Random(0), budget=0) if q.answer == "Tendai Mubaiwa"]
    assert items and all("Dr. Tendai Mubaiwa" in q.accepted_answers for q in items), items


@pytest.mark.parametrize("text, phrase", [
    ("When did the Act come into force?", "the Act"),
    ("The Kandor Whaling Commission (KWC) itself was established by a convention signed in 1946.", "itself was"),
    ("By what year does the Kandor Standards Organisation aim to complete the remaining 90?", "the remaining 90"),
    ("Zembla and Lorvia will present a first package of projects to both institutions in 2025.", "both institutions"),
])
def test_a_stem_that_leans_on_what_the_article_said_before_is_unresolved(text, phrase):
    assert phrase in unresolved(text)


@pytest.mark.parametrize("text", [
    "When did the Act on Kandor Energy come into force?",
    "When did the Kandor Agreement enter into force?",
    "By what year does Zembla aim to complete the remaining 90 kilometres of road?",
])
def test_a_stem_that_says_which_is_resolved(text):
    assert unresolved(text) == ()


def test_no_statement_of_a_slogan_someone_quoted():
    raw = ("Published: 4 October 2024\n\n"
           "ALMATY - Trade ministers of the Organization of Turkic States met in Almaty on Thursday.\n\n"
           "Uzbekistan's First Deputy Minister of Trade, Javlon Rakhimov, called on partners to \"move from "
           "memoranda to money\" and proposed that the banks meet twice a year.\n")
    assert not any("memoranda" in p for p in prompts_of(raw))


def test_both_governments_are_those_whose_ministers_met():
    raw = ("Comunicaciones | October 18, 2024\n\n"
           "JOINT DECLARATION OF LA PAZ\n\n"
           "Adopted at the Meeting of Ministers of Foreign Affairs of the Republic of Peru and the Plurinational "
           "State of Bolivia\n\n"
           "The two delegations agreed on the following points:\n\n"
           "1. Both governments agree to open a binational water laboratory in Puno by the end of 2025.\n")
    actors = goal_actors(raw)
    assert actors.get("open a binational water laboratory in Puno by the end of 2025") == "Peru and Bolivia", actors


def test_a_bodys_meeting_is_the_body_and_its_letters_are_not_its_ministers():
    raw = ("Posted 06/05/2025\n\n"
           "LORVIA CITY - Ministers of the Kandor Common Market (KCM) on Wednesday ended a two-day meeting of the "
           "bloc's Council of Ministers with agreements to ease trade.\n\n"
           "The Council also agreed to roll out an electronic transit guarantee to all member states by the end "
           "of 2025.\n\n"
           "Photo caption: Ministers at the opening of the 46th KCM Council of Ministers meeting in Lorvia City.\n")
    names = {f.name for f in facts_of(raw) if f.kind == "mechanism"}
    assert not any(n.endswith("meeting") for n in names), names
    prompts = prompts_of(raw)
    assert not any("Ministers of the Kandor Common Market" in p for p in prompts), prompts


def test_a_general_manager_is_no_general_and_his_name_no_manager():
    raw = ("Published: 4 September 2025\n\n"
           "Ahead of the PASO Council meeting in Nuku'alofa next month, we spoke with Kandor Aviation Safety Office "
           "General Manager Tevita Fifita, a former air traffic controller, about audits.\n\n"
           "Tevita Fifita said the office aims to certify 12 airports by 2027.\n")
    people = leaders_of(raw)
    assert "Tevita Fifita" in people and "Manager Tevita Fifita" not in people, people
    assert people["Tevita Fifita"][0].startswith("General Manager"), people


def test_a_korean_name_is_family_name_first():
    from quizapp.questions.labels import family_first, surname

    assert family_first("Cho Min-seok") and surname("Cho Min-seok") == "Cho"
    assert not family_first("Maria Min-Jones")


def test_an_editors_note_is_no_source_of_items():
    from quizapp.questions.sentences import is_caption

    assert is_caption("Editor's note: KASA, set up in May 2024 as Korea's first space agency, is based in Sacheon.")
    assert not is_caption("KASA was set up in May 2024 as Korea's first dedicated space agency.")


def test_a_span_of_two_days_keeps_both_when_its_year_is_written_in():
    from quizapp.questions.sentences import absolutise

    text = absolutise("The Council of Ministers met on 12 and 13 November under the chair of Lorvia.", date(2025, 11, 20))
    assert "12 and 13 November 2025" in text, text


def test_a_stem_told_against_the_time_of_writing_is_unresolved():
    assert unresolved("When does the current five-year accounting cycle for the Kandor River end?")
    assert unresolved("The upcoming summit will be held in Lorvia City.")
    assert not unresolved("When will the Current Account Committee of Zembla meet?")


def test_a_countrys_body_is_told_as_the_countrys_not_through_the_article():
    from quizapp.questions.setting import statement_in_setting

    told = statement_in_setting("The Monetary Policy Committee (MPC) decided to lower the Central Bank Rate (CBR) "
                                "to 9.25 percent.", "Kenya")
    assert told.startswith("Kenya's Monetary Policy Committee (MPC) decided"), told
    told = statement_in_setting("The African Development Bank urged the Central Bank to act.", "Kenya")
    assert not told.startswith("Kenya's"), told


def test_a_rotating_office_or_an_assembly_of_no_named_body_is_no_stem():
    from quizapp.questions.sentences import generic_body

    assert generic_body("When will Zembla hold the Pro Tempore Presidency?")
    assert generic_body("When did the Parliamentary Assembly elect Ana Ruiz?")
    assert not generic_body("When will Zembla hold the Pro Tempore Presidency of the Kandor Common Market?")


def test_no_aim_of_a_condition_a_text_named_before_help_given_or_an_about_line():
    raw = ("Published: 4 June 2025\n\n"
           "LORVIA CITY - The Kandor Space Agency launched its first probe on Monday.\n\n"
           "If it succeeds, Zembla will become the third country, after Lorvia and Kandor, to attempt to return "
           "asteroid samples to Earth.\n\n"
           "Under the treaty, Zembla agreed to build three storage dams, Alpha, Beta and Gamma.\n\n"
           "We have supported Lorvia's province of Tessa with rapid response teams.\n\n"
           "The Kandor Association was created by a convention signed in Lorvia City, Zembla, on 24 July 1994, to "
           "promote consultation and cooperation among the countries of the region.\n\n"
           "The Kandor Health Organization called on member states to do three things: vaccinate, watch and act.\n\n"
           "The Kandor Space Agency plans to launch a second probe to Mars by 2028.\n")
    prompts = prompts_of(raw)
    assert not any("asteroid" in p or "storage dams" in p or "Tessa" in p for p in prompts), prompts
    assert not any("promote consultation" in p or "three things" in p for p in prompts), prompts
    assert any("second probe" in p for p in prompts), prompts


def test_an_aim_keeps_its_percent_sign_and_not_a_gerund_of_the_main_clause():
    actors = goal_actors("Published: 4 June 2025\n\nThe Kandor Central Bank aims to bring inflation down to its "
                         "medium-term target of 5%, but it now expects to reach that goal only in 2027.\n")
    assert any(g.endswith("target of 5%") for g in actors), actors
    raw = ("Published: 4 June 2025\n\nPANAMA CITY - Foreign ministers of the Kandor Association wrapped up two days "
           "of talks on Tuesday, agreeing on a regional plan to tackle sargassum seaweed and renewing their "
           "campaign for the Kandor Sea to be recognised as a special area.\n")
    assert not any("renewing" in p for p in prompts_of(raw))


def test_a_thing_due_to_its_owner_unnamed_is_unresolved():
    assert unresolved("When did Zembla's largest outbreak begin?")
    assert not unresolved("When did Zembla's largest measles outbreak begin?")


def test_a_signature_line_of_any_length_names_no_one_to_ask_about():
    raw = ("RIGA DECLARATION\nPublished: 20 October 2025\n\n"
           "1. The Contracting Parties agree to halve nutrient inputs to the Kandor Sea by 2035.\n\n"
           "Ilze Vītola, Chair of the Kandor Sea Commission and State Secretary of the Ministry of Climate and "
           "Energy of Latvia\n")
    assert not any("Vītola" in p or p.startswith("Who") for p in prompts_of(raw))


def test_a_decade_deadline_is_offered_among_round_years():
    from quizapp.questions.items.deadlines import year_foils

    years = [int(y) for _t, y in year_foils(2030, "Zembla aims to produce 1 million tonnes by 2030.", 2025)]
    assert years and all(y % 5 == 0 for y in years), years


def test_a_date_the_day_after_another_in_its_sentence_is_given_away():
    from quizapp.questions.items.dates import _next_to_another

    assert _next_to_another("Ana Ruiz will take office on 1 September 2025, when the term of Ivo Lenz ends on "
                            "31 August.", "2025-09-01", date(2025, 6, 1))
    assert not _next_to_another("Ana Ruiz will take office on 1 September 2025.", "2025-09-01", date(2025, 6, 1))


@pytest.mark.parametrize("text, phrase", [
    ("When did Zembla's accession take effect?", "accession"),
    ("When will ticket sales for the December Games open?", "the December Games"),
    ("Lorvia will cover about X percent, with the rest split between Zembla and Kandor.", "percent"),
    ("Zembla will fund six of the X stations, on stretches upstream of Lorvia City.", "the X stations"),
])
def test_a_stem_that_leaves_out_of_what_is_unresolved(text, phrase):
    assert any(phrase in p for p in unresolved(text)), unresolved(text)


def test_a_list_of_whose_ministers_is_kept_whole():
    from quizapp.questions.render import named_actor

    actor = ("the ministers of Micronesia, Kiribati, the Marshall Islands, Nauru, Palau, Papua New Guinea, "
             "the Solomon Islands and Tuvalu")
    assert named_actor(actor) == actor


def test_no_date_of_a_bodys_next_sitting_and_no_aim_of_what_a_mandate_came_to_include():
    raw = ("Published: 20 March 2025\n\n"
           "KAMPALA - The Kandor Central Bank kept its policy rate at 9.75 percent on Thursday.\n\n"
           "The Monetary Policy Committee will meet on 3 April 2025.\n\n"
           "In 2017 the Kandor Union expanded its mandate to include monitoring of the Kandor Agenda 2063.\n")
    prompts = prompts_of(raw)
    assert not any(p.startswith("When will") and "meet" in p for p in prompts), prompts
    assert not any("to include monitoring" in p for p in prompts), prompts


def test_central_or_latin_america_is_no_united_states():
    from quizapp.facts.actors import country_table
    from quizapp.facts.places import countries_in

    assert countries_in("Health ministers from Central America and the Dominican Republic met.",
                        country_table()) == ["Dominican Republic"]
    assert countries_in("Ministers from America and Mexico met.", country_table()) == ["United States", "Mexico"]


def test_a_deadline_after_before_is_part_of_the_aim():
    from quizapp.questions.goal_views import without_side_clause

    assert without_side_clause("admit at least one new member before the end of 2026") == \
        "admit at least one new member before the end of 2026"
    assert without_side_clause("reach a deal before talks collapse") == "reach a deal"


def test_the_key_is_never_the_one_option_of_its_month():
    from quizapp.questions.items.dates import _odd_month

    assert _odd_month(["March 1980", "March 1984", "March 1985", "February 1982"], "February 1982")
    assert not _odd_month(["March 1980", "April 1984", "March 1985", "February 1982"], "February 1982")


def test_no_statement_of_a_bare_aim_too_short_to_test_anything_or_of_carrying_on():
    raw = ("Published: 4 June 2025\n\n"
           "DUSHANBE - Tajikistan launched the third unit of the Rogun dam on Monday.\n\n"
           "Tajikistan also plans to increase electricity exports to its neighbours.\n\n"
           "We will continue to issue Kandor Bank bills to absorb structural excess liquidity.\n\n"
           "Tajikistan plans to raise its power exports to 4 billion kilowatt-hours by 2028.\n")
    prompts = prompts_of(raw)
    assert not any("to its neighbours" in p or "continue to issue" in p for p in prompts), prompts
    assert any("4 billion kilowatt-hours" in p or "billion kilowatt-hours" in p for p in prompts), prompts


@pytest.mark.parametrize("text, phrase", [
    ("The Kandor Central Bank aims to accumulate X tonnes by June 2026.", "X tonnes"),
    ("When did the Kandor Assembly agree to launch formal negotiations?", "formal negotiations"),
])
def test_an_amount_or_talks_that_say_not_of_what_are_unresolved(text, phrase):
    assert phrase in unresolved(text)


def test_no_who_of_a_phrase_coined_no_date_of_an_ordinal_sitting_no_then_office():
    raw = ("Published: 4 June 2025\n\n"
           "KANDOR CITY - The Kandor Paperless Trade Council (KPTC) met in Kandor City on Tuesday.\n\n"
           "KPTC Secretary General Joseph Kiprono has described the single market as \"the runway for the Kandor "
           "Free Trade Area\".\n\n"
           "The KPTC will hold its fourth session in 2026.\n\n"
           "Zembla's then president, Ana Ruiz, welcomed the judgment and called on Lorvia to respect international law.\n")
    prompts = prompts_of(raw)
    assert not any(p.startswith("Who has described") for p in prompts), prompts
    assert not any("fourth session" in p for p in prompts), prompts
    assert not any("then president" in p for p in prompts), prompts


def test_an_aim_drops_a_dangling_in_particular_and_a_thanks_in_the_wrong_tense():
    raw = ("Published: 4 June 2025\n\n"
           "We, the Ministers of Austria, Slovenia and Monaco, meeting in Ljubljana on 3 June 2025,\n\n"
           "We call on the European Commission to take Alpine water scarcity into account in the revision of EU water "
           "policy, in particular when setting minimum flows.\n\n"
           "We welcome the handover of the Presidency from Slovenia to Monaco for 2026-2027 and thank the Slovenian "
           "Presidency for its work.\n")
    prompts = prompts_of(raw)
    assert not any(p.rstrip(".").endswith("in particular") or " and thank " in p for p in prompts), prompts
