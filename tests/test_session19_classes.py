"""Shapes met in session 19 on unseen sets (round 44 and the sets before it). Invented text only."""

from __future__ import annotations

import random

from quizapp.facts.nlp import load_nlp
from quizapp.questions import generate

from .question_checks import facts_of, goal_actors, prompts_of, when_asked

_when = when_asked


def test_a_duration_stays_in_the_question_and_a_remark_after_a_comma_goes():
    asked = _when("The Bank of Kandor aims to bring reserve cover back above 5 months by the end of 2027, a target "
                  "Governor Ana Ruiz repeated on Tuesday.", "the end of 2027")
    assert asked is not None
    assert asked.question == "By when does the Bank of Kandor aim to bring reserve cover back above 5 months?"
    # a point in time is still another date, and still kept out
    asked = _when("The Kandor Union will open a seed bank in Lusaka in March 2027.", "March 2027")
    assert asked is not None and "2027" not in asked.question


def test_people_are_not_states_bodies_or_styles():
    from quizapp.facts.leaders import leader_mentions

    doc = load_nlp()("Your Excellency, the Minister of Health of the Federal Democratic Republic of Zembla, "
                     "Dr. Amina Kato, Director General of the Kandor Centres for Disease Control and Prevention, "
                     "and Ing. Valeria Sosa Ruiz, Technical Director of the Kandor Space Agency, opened the meeting.")
    names = {m.name for m in leader_mentions(doc, doc.text)}
    assert not any("Republic" in n or "Centres" in n or "Control" in n for n in names), names
    assert "Ing" not in names, names
    doc = load_nlp()("Secretary (Power), Shri Ravi Menon, and the Secretary to the Ministry of Energy of Zembla, "
                     "Ms. Lina Perera, will co-chair the committee.")
    roles = {m.name: m.role for m in leader_mentions(doc, doc.text)}
    assert not (roles.get("Ravi Menon") or "").startswith("and "), roles
    assert "Shri Ravi Menon" not in roles, roles


def test_a_pair_that_pledged_is_not_the_ministers_who_met_with_a_body_among_them():
    raw = ("HELSINKI, Oct 21 (Wire) - Environment ministers agreed on Monday to create a fund for the Kandor Sea.\n\n"
           "Ministers and senior officials from Denmark, Finland, Latvia, Sweden and the European Commission "
           "signed a declaration launching the Kandor Sea Recovery Fund (KSRF).\n\n"
           "Under the declaration, the ministers committed to reduce phosphorus inputs to the Kandor Sea by 30 "
           "percent from 2020 levels by 2030.\n\n"
           "Sweden and Finland pledged 40 million euros each.\n")
    actors = goal_actors(raw)
    aim = next((a for g, a in actors.items() if "phosphorus" in g), None)
    assert aim is None or "Sweden and Finland" not in aim, actors


def test_a_false_statement_never_moves_a_year_that_names_an_edition():
    from quizapp.questions.items.figures import change_a_figure

    rng = random.Random(0)
    for _ in range(20):
        changed = change_a_figure("wants 2030 to be the cleanest World Cup in history", set(), rng)
        assert changed is None, changed
        changed = change_a_figure("to host the 2030 World Cup with 48 teams", set(), rng)
        assert changed is None or "2030 World Cup" in changed, changed
    changed = change_a_figure("to cut emissions by 2030", set(), random.Random(1), written=2025)
    assert changed is not None and "2030" not in changed


def test_an_aim_to_speak_of_a_thing_is_no_statement_to_judge():
    raw = ("Published: 3 March 2026\n\nKandor bank sets out corridor plans\n\n"
           "The Kandor Development Bank (KDB) wants to present the Kandor Digital Trade Corridor initiative at "
           "the ministers' meeting in Astana.\n\n"
           "The Kandor Development Bank (KDB) plans to lend $400 million to rebuild the Lusaka-Harare rail line.\n")
    prompts = prompts_of(raw)
    assert not any("present the Kandor Digital Trade Corridor" in p for p in prompts), prompts
    assert any("$400 million" in p or "rail line" in p for p in prompts), prompts


def test_an_elections_own_body_is_asked_of_its_country_or_not_at_all():
    from quizapp.questions.setting import own_institution

    assert own_institution("When will the General Tally Assembly begin its work?", "Zembla") == \
        "When will Zembla's General Tally Assembly begin its work?"
    assert own_institution("When will the General Tally Assembly begin its work?", None) is None
    assert own_institution("When will the National Electoral Commission publish the results?", "Zembla") == \
        "When will Zembla's National Electoral Commission publish the results?"
    # a body of its own name is asked as it is
    assert own_institution("When will the Kandor Basin Commission meet in Lusaka?", None) == \
        "When will the Kandor Basin Commission meet in Lusaka?"
    assert facts_of("Published: 20 April 2026\n\nZembla votes\n\nThe General Tally Assembly will begin its work "
                    "on 22 April 2026.\n")  # (extracts without error)


def test_a_commitment_made_with_a_deadline_is_asked_by_when_and_no_other_date_of_it():
    asked = _when("The Kandor ministers agreed to end the discharge of untreated sewage by 2028.", "2028")
    assert asked is not None and asked.question == \
        "By when did the Kandor ministers agree to end the discharge of untreated sewage?"
    asked = _when("Zembla pledged to phase out coal power by 2035.", "2035")
    assert asked is not None and asked.question == "By when did Zembla pledge to phase out coal power?"
    asked = _when("The Kandor Union committed to raising the share of intra-Kandor trade to 15 per cent by 2030.", "2030")
    assert asked is not None and asked.question == \
        "By when did the Kandor Union commit to raising the share of intra-Kandor trade to 15 per cent?"
    # the date of what was agreed is not when the agreeing was
    assert _when("The Kandor ministers agreed to hold a summit in Lima in November 2026.", "November 2026") is None


def test_a_reporters_own_it_is_the_reporter():
    asked = _when("The Kandor Development Bank said it plans to open an office in Dakar by June 2027.", "June 2027")
    assert asked is not None and asked.question == "By when does the Kandor Development Bank plan to open an office in Dakar?"
    asked = _when("The Kandor Railways Authority has said it aims to halve its emissions by 2030.", "2030")
    assert asked is not None and asked.question == "By when does the Kandor Railways Authority aim to halve its emissions?"
    # a person's "it" is something else
    assert _when("Minister Ana Ruiz said it plans to open an office in Dakar by June 2027.", "June 2027") is None


def test_a_day_without_a_year_takes_its_months_year_from_later_in_the_sentence_and_a_names_years_are_no_date():
    from quizapp.facts.dates import find_dates

    text = ("It was preceded by the meeting of the Kandor Committee from 11 to 12 September and the meeting of the "
            "Council of Ministers on 14 and 15 September 2025.")
    assert [d.iso for d in find_dates(text, None, 2026)][:1] == ["2025-09-11"]
    assert find_dates("The Authority adopted the Kandor Implementation Roadmap 2025-2028 in Lusaka.", None, 2025) == []
    assert [d.iso for d in find_dates("Output rose between 2019 and 2023.", None, None)] == ["2019"]
    # a declaration's closing line dates it, before the year its targets name most
    raw = ("KANDOR UNION\n\nCOMMUNIQUE OF THE 9TH SUMMIT\n\n1. The 9th Summit met in Lusaka on 17 September 2025.\n\n"
           "2. The Summit set targets for 2026, for 2026 and again for 2026.\n\n"
           "Done at Lusaka, Zembla, this 18th day of September 2025.\n")
    from quizapp.corpus.parse import parse_article
    from quizapp.facts import year_hint

    assert year_hint(parse_article("k.txt", raw)) == 2025


def test_round_45_a_family_name_keeps_its_particle_a_reaction_is_no_act_and_a_conclusion_needs_its_content():
    from quizapp.questions.labels import _surname_forms

    assert "Salah" not in _surname_forms("Hédi Ben Salah") and "Ben Salah" in _surname_forms("Hédi Ben Salah")
    raw = ("Published: 3 March 2026\n\nKandor health body widens watch\n\n"
           "Dr. Hédi Ben Salah, Director of the Kandor Institute of Health, welcomed the inclusion of North African "
           "partners.\n\nDr. Hédi Ben Salah, Director of the Kandor Institute of Health, opened the Kandor Vector "
           "Laboratory in Tunis on 2 March 2026.\n")
    prompts = prompts_of(raw)
    assert not any(p.startswith("Who welcomed") for p in prompts), prompts
    assert _when("Reports by the Kandor Commission concluded on 4 June 2025 that Zembla met the criteria.",
                 "4 June 2025") is None
    from quizapp.facts.timeline_questions import timeline_question
    q = timeline_question(load_nlp(), "8 July 2025 - The Kandor Council adopts the final legal acts and fixes the "
                                      "conversion rate at 1.95583 leva per euro.", 0, len("8 July 2025"))
    assert q is None or "1.95583" not in q, q


def test_a_thing_capitalised_as_the_first_word_is_no_named_party():
    actors = goal_actors("Published: 3 March 2026\n\nKandor grid link\n\n"
                         "Interconnection is identified in the Kandor Energy Framework as a key measure to reduce "
                         "Zembla's dependence on imported fossil fuels.\n")
    assert all(a != "Interconnection" for a in actors.values()), actors


def test_a_background_month_is_not_the_odd_one_out_among_its_foils():
    raw = ("Published: 3 March 2026\n\nKandor joins the currency union\n\n"
           "Zembla became the 21st member of the Kandor currency union on 1 January 2026.\n\n"
           "Timeline:\n\n"
           # ("launches", not "takes over": a timeline's minor step is no longer asked, round 54)
           "1 October 2020 - The Kandor Central Bank launches direct supervision of Zembla's largest banks.\n")
    qs = generate(facts_of(raw), random.Random(0), budget=0)
    item = next(q for q in qs if "direct supervision" in q.prompt and q.choices)
    assert item.answer == "October 2020"
    months = [c.split()[0] for c in item.choices if c != item.answer]
    assert not (len(set(months)) == 1 and months[0] != "October"), item.choices


def test_round_46_a_days_schedule_a_subjects_own_date_and_a_lettered_generic_body_are_not_asked():
    from quizapp.questions.items.dates import _LOGISTICS

    assert _LOGISTICS.search("When will the Kandor Observation Mission present its preliminary statement at 11:00 hrs?")
    assert not _LOGISTICS.search("When did the Bank of Kandor cut its policy rate to 1.50%?")
    assert _when("Polling in the General Election of Thursday 13 August 2026 closed at 18:00 hrs at all polling "
                 "stations.", "13 August 2026") is None
    # ... but a clause on the subject is its own event
    asked = _when("The Kandor Cup, awarded at the Kandor Congress on 11 December 2024, will open in Lusaka.",
                  "11 December 2024")
    assert asked is None or "awarded" in asked.question
    raw = ("Published: 3 March 2026\n\nZembla and Ostrava sign rail deal\n\n"
           "Under the agreement, the two sides will establish a Joint Steering Committee (JSC).\n\n"
           "The first JSC meeting is scheduled to take place in Vientiane in March 2026.\n")
    assert not any("Joint Steering Committee" in p and p.startswith("When") for p in prompts_of(raw))


def test_round_46_a_bare_office_in_a_story_of_several_banks_is_of_none_unless_the_sentence_says():
    raw = ("Published: 3 March 2026\n\nKandor monetary area holds\n\n"
           "The Bank of Zembla (BOZ) kept its rate at 7 percent. BOZ Governor Ana Ruiz said the peg was safe.\n\n"
           "Governor Erastus Haufiku told parliament in Windhoek on Thursday that the peg remained sound.\n\n"
           "In Lesotho, Governor Dr. Palesa Mokhehle of the Central Bank of Lesotho has warned that revenues could "
           "fall. The Central Bank of Lesotho holds reserves for four months.\n")
    bodies = {f.name: f.country for f in facts_of(raw) if f.kind == "leader"}
    assert bodies.get("Palesa Mokhehle") == "Central Bank of Lesotho", bodies
    assert bodies.get("Erastus Haufiku") in (None, ""), bodies


def test_round_46_a_currency_stays_before_its_blank_and_courtesy_or_bare_help_is_no_statement():
    from quizapp.questions.sentences import find_span

    s = "Zembla pledged $1.2 million to the Kandor Fund, and Ostrava said it would follow."
    start, end = find_span(s, "$1.2 million to the Kandor Fund")
    assert s[start:end] == "$1.2 million to the Kandor Fund"
    raw = ("Published: 3 March 2026\n\nKandor leaders meet\n\n"
           "The Heads of State and Government of the Kandor Union welcomed the work of the Joint Border Security "
           "Units (JBSU).\n\nZembla, Ostrava and Lusland offered to help through the Kandor Civil Protection "
           "Mechanism (KCPM).\n\nThe Heads of State and Government of the Kandor Union welcomed the offer of Zembla "
           "to host the Kandor Drought Early Warning Hub (KDEWH).\n")
    prompts = prompts_of(raw)
    assert not any("welcomed the work" in p or "offered to help" in p for p in prompts), prompts


def test_round_47_a_plan_told_in_the_future_stays_one_and_a_deadline_moves_only_earlier():
    raw = ("Published: 3 March 2026\n\nKandor grid plans\n\n"
           "The Kandor Power Pool will seek funding of $40 million for a new substation at Kamanyola.\n")
    prompts = prompts_of(raw)
    assert not any("sought funding" in p for p in prompts), prompts
    from quizapp.questions.items.figures import change_a_figure

    for seed in range(10):
        changed = change_a_figure("to admit at least two new members by the end of 2028", set(), random.Random(seed),
                                  written=2025)
        year = int(changed.rsplit(" ", 1)[1]) if changed and changed[-4:].isdigit() else None
        assert year is None or year < 2028, changed


def test_round_47_hosting_the_next_sitting_is_procedure_and_an_honorific_is_no_part_of_a_name():
    from quizapp.questions.goal_views import _HONORIFIC
    from quizapp.questions.items.housekeeping import _HOSTS_NEXT

    assert _HOSTS_NEXT.search("the offer of Zembla to host the 42nd Ordinary Session of the Council of Ministers")
    assert not _HOSTS_NEXT.search("to host the Kandor Drought Early Warning Hub")
    assert _HONORIFIC.sub("", "The Honourable Claire Beaudoin") == "Claire Beaudoin"


def test_a_question_that_places_itself_takes_no_frame_of_the_article():
    raw = ("Published: 3 March 2026\n\nNamibia launches lake fund\n\n"
           "Namibia's government will deliver the money through the new Kandor Lake Action Fund (KLAF). Namibia's "
           "minister said Namibia would act fast. Namibia expects results from Namibia's farmers.\n\n"
           "The Kandor Lake Action Fund approved its first twelve projects on 14 February 2026.\n")
    assert prompts_of(raw) == ["When did the Kandor Lake Action Fund approve its first twelve projects?"]


def test_round_47_a_city_with_its_river_is_a_dateline_a_states_word_goes_back_to_the_office():
    from quizapp.corpus.parse import dateline_length
    from quizapp.facts.leaders import leader_mentions
    from quizapp.facts.places import with_the

    s = "FRANKFURT (ODER), Sept 18 (PAP) - Environment ministers agreed on Thursday to set up a warning system."
    assert s[dateline_length(s):].startswith("Environment ministers")
    doc = load_nlp()("The President of the Republic Santiago Peña opened the summit in Asunción.")
    assert [(m.name, m.role) for m in leader_mentions(doc, doc.text)] == [("Santiago Peña", "President of the Republic")]
    assert with_the("Czech Republic") == "the Czech Republic" and with_the("Peru") == "Peru"
    raw = ("Published: 3 March 2026\n\nKandor river alert\n\n"
           "The Kandor River Commission agreed to set up a joint early-warning system for toxic algal blooms on the "
           "Kandor river, three years after a mass fish die-off.\n")
    assert not any(p.endswith("three years.") for p in prompts_of(raw))


def test_round_48_classes():
    from quizapp.facts.cities import country_of_capital
    from quizapp.questions.items.figures import change_a_figure
    from quizapp.questions.sentences import generic_body

    # a capital speaks for its country; a day of a month is never the figure a false statement moves
    assert country_of_capital("Nairobi") == "Kenya" and country_of_capital("Windsor") is None
    for seed in range(5):
        assert change_a_figure("begin registering boats on Nov. 3", set(), random.Random(seed)) is None
    # an inter-governmental council with its letters is still anyone's council
    assert generic_body("When did the Inter-Governmental Council (IGC) adopt a revised schedule?")
    # "is due on April 29" is still to come in an article of March 2026
    raw = ("Updated: 2026.03.02\n\nBaht slides\n\nThe Bank of Kandor cut its rate on Wednesday. "
           "The next Bank of Kandor decision is due on April 29.\n")
    dates = {f.date for f in facts_of(raw) if f.kind == "date"}
    assert "2026-04-29" in dates and "2025-04-29" not in dates, dates
    # a province's governor is no bank's, however many banks the story names
    raw = ("Published: 3 November 2025\n\nTunnel deal signed\n\n"
           "The Kandor Development Bank will lend $300 million for the Agua Negra tunnel.\n\n"
           "The Governor of San Juan, Marcelo Orellano, attended the signing. Governor Orellano said the province "
           "would open a tender in March.\n")
    roles = {f.name: (f.role, f.country) for f in facts_of(raw) if f.kind == "leader"}
    assert roles.get("Marcelo Orellano", ("", None))[1] != "Kandor Development Bank", roles


def test_round_49_a_timeline_line_is_no_statement_an_amounts_change_no_event_and_this_years_later_stays():
    from quizapp.questions.blanks import _STATISTIC
    from quizapp.questions.items.figures import change_a_figure

    assert _STATISTIC.search("When did contributions to the Kandor Trust Fund fall?")
    assert not _STATISTIC.search("When did the Bank of Kandor raise its policy rate?")
    for seed in range(5):
        changed = change_a_figure("to host a regional workshop in Manta later in 2026", set(), random.Random(seed),
                                  written=2026)
        assert changed is None or "later in 2026" in changed, changed
    raw = ("Published: 3 March 2026\n\nKandor dam treaty review\n\nTimeline\n\n"
           "9 May 2023 - Zembla and Ostrava commit to concluding the Annex C review of the Kandor Dam Treaty by "
           "31 December 2024.\n\n4 June 2025 - The review is postponed to 30 June 2026.\n")
    assert not any("commit to concluding" in p for p in prompts_of(raw)), prompts_of(raw)


def test_round_50_a_deputy_keeps_the_rank_and_a_title_or_start_date_points_back():
    from quizapp.facts.leaders import leader_mentions
    from quizapp.questions.sentences import stands_alone

    doc = load_nlp()("Deputy Governor Ingrid Falkum told a press conference that the committee would act.")
    assert [(m.name, m.role) for m in leader_mentions(doc, doc.text)] == [("Ingrid Falkum", "Deputy Governor")]
    assert not stands_alone("Liepāja in Latvia and Évora in Portugal will hold the title in 2027.")
    assert not stands_alone("The Kandor Sailing Association called for the start date to be postponed by a year.")
    assert stands_alone("Portugal won the title of European Capital of Culture in 2024.")
    assert stands_alone("The Kandor River Commission will launch a public tender, with the award expected by December 2026.")
