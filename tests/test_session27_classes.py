"""Classes of failure seen in session 27's blind rounds, each pinned on invented text."""

from __future__ import annotations

import pytest

from quizapp.facts.nlp import load_nlp
from quizapp.facts.timeline_questions import timeline_question
from quizapp.facts.who_questions import who_question
from quizapp.questions.referents import unresolved

from .question_checks import facts_of, goal_actors, leaders_of, prompts_of


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



def test_a_hyphenated_given_name_marks_a_family_name_first():
    from quizapp.questions.labels import family_first, surname

    assert family_first("Lin Cheng-yu") and surname("Lin Cheng-yu") == "Lin"
    # (bounds it: a French hyphenated given name has its capital after the hyphen)
    assert not family_first("Jean-Pierre Dubois") and surname("Jean-Pierre Dubois") == "Dubois"


def test_letters_spelled_out_keep_a_firm_s_name_bare_as_the_article_writes_it():
    raw = ("OTTAWA, April 4 2025 (Northline News) - Canada's nuclear regulator on Friday granted Kandor Power "
           "Generation (KPG) a licence to construct the first small modular reactor at its Tarnow site.\n\n"
           "KPG president and chief executive Daniel Roper called the decision \"a milestone\" and said crews would "
           "start excavation within weeks.\n\n"
           "KPG plans to bring the reactor into service by the end of 2030, Roper said.\n")
    prompts = prompts_of(raw)
    assert not any("the Kandor Power Generation" in p for p in prompts), prompts


def test_a_numbered_label_is_no_figure_to_change():
    from quizapp.questions.items.figures import _figures

    assert not _figures("speed up investment in Terminals 1 and 2 of the Kandor port")
    assert not _figures("complete Phase 3 of the line")
    assert [m.group(0) for m in _figures("provide 1,100 scholarships to Lao students")] == ["1,100"]


def test_a_meeting_convened_is_the_calendar():
    from types import SimpleNamespace

    from quizapp.questions.items.housekeeping import housekeeping

    def aim(goal: str) -> SimpleNamespace:
        return SimpleNamespace(goal=goal, actor="Guatemala and Mexico", verb="will")

    assert housekeeping(aim("convene a Business Forum in Guatemala City in the first half of 2025"))
    assert not housekeeping(aim("raise bilateral trade to US$5 billion by 2028"))


_TRANSCRIPT = ("Transcript | 6 November 2025\n\n"
               "TRANSCRIPT OF THE PRESS CONFERENCE BY THE EXECUTIVE DIRECTOR OF THE KCB SECRETARIAT\n\n"
               "Following the meeting of the Senior Officials Committee, Tarnow, 4-5 November 2025\n\n"
               "MODERATOR: Good afternoon. The Executive Director of the Secretariat of the Kandor Confidence-Building "
               "Conference (KCB), Ambassador Yerlan Ostrov, will make a short statement.\n\n"
               "OSTROV: Thank you. Yesterday the Senior Officials Committee (SOC) of the KCB completed its two-day "
               "meeting here in Tarnow. The SOC approved the draft roadmap for the KCB's transformation.\n\n"
               "QUESTION (Kandor Wire): How much money do you expect the new Fund to attract?\n\n"
               "OSTROV: We are not setting a public figure. We call on all member states to send their comments on "
               "the draft Charter text to the Secretariat by 31 January 2026.\n")


def test_a_press_conference_transcript_s_we_is_the_speaker_s_body():
    actors = goal_actors(_TRANSCRIPT)
    calls = [a for g, a in actors.items() if "comments on the draft Charter" in g]
    assert calls and all(a == "KCB Secretariat" for a in calls), actors
    assert not any(a.isupper() and " " in a for a in actors.values()), actors


def test_a_goal_verb_beside_a_reported_aim_is_the_reported_subject_s():
    raw = ("TARNOW, 3 June 2025 - The Kandor Football Federation (KFF) Normalisation Committee (NC), chaired by Adam "
           "Brozek, met on Monday. Brozek said the NC aims to stage a national club championship before the end of "
           "the year,, and plans to register at least 200 new coaches under the Kandor licensing system by the end "
           "of 2026.\n")
    actors = goal_actors(raw)
    coaches = [a for g, a in actors.items() if "200 new coaches" in g]
    assert coaches and all("Brozek" not in a for a in coaches), actors


@pytest.mark.parametrize("text", [
    "Who chaired the meeting in Tarnow in November 2025?",
    "Egypt will host the 2027 edition in Alexandria.",
    "The ministers agreed to ask a technical team to propose a revised formula by 30 June 2026.",
    "The Kandor Union pledged a grant of X million euros through the Kandor Investment Framework.",
    "By what year does Kandor Farma aim to obtain prequalification?",
    "Mongolia's Deputy Minister of Economy called for larger members to offer deeper cuts on farm goods.",
])
def test_a_sitting_an_edition_a_revision_a_grant_and_members_of_nothing_named_are_unresolved(text):
    assert unresolved(text)


@pytest.mark.parametrize("text", [
    "Who chaired the meeting in Tarnow of the Kandor Monetary Area ministers?",
    "Egypt will host the 2027 edition of the Kandor Chess Championship.",
    "The World Bank approved a loan of X million dollars for the Kandor water project.",
    "Kandor Farma aims to obtain WHO prequalification of its cholera vaccine by 2027.",
])
def test_the_same_told_in_full_stand_alone(text):
    assert not unresolved(text)


def test_a_bracket_inside_a_title_stays():
    from quizapp.facts.spans import without_brackets

    assert without_brackets("the Public Health (Alcohol) (Labelling) Regulations 2023") == \
        "the Public Health (Alcohol) (Labelling) Regulations 2023"
    assert without_brackets("the Kandor Development Bank (KDB)") == "the Kandor Development Bank"
    assert without_brackets("the Bank (KDB") == "the Bank"


def test_a_rate_step_s_foils_are_quarter_points():
    from quizapp.questions.items.figures import _figures, _other_values

    goal = "reduce the interest rate on central bank bills by 0.25 percentage points, to 5.35 percent"
    m = _figures(goal)[0]
    assert m.group(0) == "0.25"
    assert all(float(v) * 4 == int(float(v) * 4) for v in _other_values(goal, m, set()))


def test_no_office_cut_off_before_the_rest_of_its_title():
    assert leaders_of("Tarnow, 3 October 2025\n\nNews\n\nWe spoke to Nadia Benkirane, Kandor50's chief investment "
                      "officer, about how the model works.") == {}
    # (bounds it: a title that ends at the comma is read)
    assert leaders_of("Tarnow, 3 October 2025\n\nNews\n\nOfficials met Kofi Mensah, Ghana's finance minister, on "
                      "Monday.")["Kofi Mensah"][1] == "Ghana"


def test_no_true_false_of_a_hope_or_of_an_aim_whose_target_year_is_set_apart():
    raw = ("NIAMEY, 5 May 2025 - The Kandor Health Agency said Niger had eliminated river blindness in three "
           "districts.\n\n"
           "Niger also plans to eliminate lymphatic filariasis as a public health problem and has set 2026 as its "
           "target.\n\n"
           "The government of Niger hopes the programme will transform rural health care.\n")
    statements = [p for p in prompts_of(raw) if not p.endswith("?")]
    assert not any("lymphatic filariasis as a public health problem." == p[-50:] or p.endswith("health problem.")
                   for p in statements), statements
    assert not any("hopes" in p or "expressed hope" in p for p in statements), statements


def test_an_event_given_two_days_is_asked_only_of_the_first():
    from quizapp.questions.items.rival_dates import first_date

    sentence = ("The legislative elections will be held on 8 March 2026, followed by the first round of the "
                "presidential election on 31 May 2026 and, if needed, a runoff on 21 June 2026.")
    raw = "BOGOTA, 3 November 2025 - The Kandor Civil Registry has begun printing ballots.\n\n" + sentence + "\n"
    held = [f for f in facts_of(raw) if f.kind == "date" and "legislative elections" in (f.question or "")]
    assert {f.date for f in held} == {"2026-03-08", "2026-06-21"} and all(f.conflict for f in held), held
    assert [f.date for f in held if first_date(sentence, f.date, f.conflict_note)] == ["2026-03-08"]

def test_a_timeline_line_of_people_by_surname_alone_is_not_asked():
    nlp = load_nlp()
    line = "14 December 2023 - Ali and Maduro meet at Argyle, St Vincent and the Grenadines, and agree not to use force."
    assert timeline_question(nlp, line, 0, len("14 December 2023")) is None
    named = "14 December 2023 - Guyana and Venezuela sign the Argyle Declaration."
    assert timeline_question(nlp, named, 0, len("14 December 2023")) is not None


def test_a_past_goal_verb_beside_said_stays_the_speaker_s():
    """Bounds the rule above: "said ... aims ... and pledged" is the speaker's pledge (the tense says)."""
    raw = ("COLOMBO, 3 June 2025 - Provincial Councils Minister Anura Perera, who piloted the bill, said the "
           "government aims to \"bring power back closer to the people\" and pledged that no province would remain "
           "under a governor's administration beyond March 2026.\n")
    actors = goal_actors(raw)
    pledges = [a for g, a in actors.items() if "no province" in g]
    assert pledges and all("Perera" in a for a in pledges), actors


def test_no_true_false_of_an_aim_whose_time_is_cut_off():
    from types import SimpleNamespace

    from quizapp.questions.items.goal_checks import told_without_its_time

    v = SimpleNamespace(goal="finish repairs to the Dostyk headworks",
                        sentence="The two sides agreed to finish repairs to the Dostyk headworks before the 2026 "
                                 "irrigation season.")
    assert told_without_its_time(v, "Kazakhstan and China agreed to finish repairs to the Dostyk headworks.")
    assert not told_without_its_time(v, "Kazakhstan and China agreed to finish repairs to the Dostyk headworks "
                                        "before the 2026 irrigation season.")
    plain = SimpleNamespace(goal="finish repairs to the Dostyk headworks",
                            sentence="The two sides agreed to finish repairs to the Dostyk headworks.")
    assert not told_without_its_time(plain, "Kazakhstan and China agreed to finish repairs to the Dostyk headworks.")


def test_cooperation_strengthened_in_common_words_is_boilerplate():
    from quizapp.questions.items.goal_checks import _BOILERPLATE

    assert _BOILERPLATE.search("strengthen cooperation in civil protection and disaster risk reduction")
    assert not _BOILERPLATE.search("hold a joint earthquake exercise in Georgia in autumn 2026")


def test_a_national_programme_window_or_court_is_told_as_the_country_s():
    from quizapp.questions.setting import placed_body

    assert placed_body("When did the Foreign Currency Selling Window close for good?", "Iraq") == \
        "When did Iraq's Foreign Currency Selling Window close for good?"
    assert placed_body("When did the Special Criminal Court (SCC) hold its inaugural session?", None) is None
    assert placed_body("When did the Kandor Clean Cooking Programme start?", "Nepal") == \
        "When did the Kandor Clean Cooking Programme start?"


def test_no_when_of_a_span_s_cut_end_or_a_biography_line():
    questions = [q for raw in (
        "Traders say farm-gate prices for dried shea kernels roughly tripled between early 2024 and the start of 2025.",
        "Dr Annika Vogel joined the Kandor Aviation Safety Agency in 2016 after twelve years at the Kandor Federal "
        "Aviation Office.") for q in (f.question for f in facts_of("Tarnow, 3 May 2025\n\nNews\n\n" + raw)
                                      if f.kind == "date") if q]
    assert not questions, questions
    kept = [f.question for f in facts_of("Tarnow, 3 May 2025\n\nNews\n\nMontenegro joined the North Atlantic Treaty "
                                         "Organization on 5 June 2017 after a decade of talks.") if f.question]
    assert "When did Montenegro join the North Atlantic Treaty Organization?" in kept


def test_a_father_s_name_after_bin_is_no_family_name_to_accept():
    from quizapp.questions.labels import _surname_forms

    forms = _surname_forms("Hilal bin Nasser Al Kindi")
    assert "Kindi" in forms and "Al Kindi" in forms and "Al-Kindi" in forms
    assert not any(f.startswith("bin ") or f == "Nasser Kindi" or f == "Nasser" for f in forms), forms
    # (bounds it: two Spanish surnames are both accepted, together too)
    assert "Alvarado Solís" in _surname_forms("Óscar Alvarado Solís")


def test_no_when_of_the_next_sitting_of_a_body_with_a_long_name():
    raw = ("LIVE: Kandor Caspian commission, day 2\n"
           "Published: 12 December 2025\n\n"
           "16:40 - Russia and Iran will release the largest numbers of juvenile sturgeon in 2026.\n\n"
           "17:05 - That's all from us. The Commission on the Conservation and Rational Use of the Aquatic Biological "
           "Resources of the Kandor Sea will meet in Baku in December 2026.\n")
    assert not any("meet in Baku" in p for p in prompts_of(raw)), prompts_of(raw)
