"""Shapes met in session 19 on unseen sets (round 44 and the sets before it). Invented text only."""

from __future__ import annotations

import random

from quizapp.facts.event_questions import when_parts
from quizapp.facts.nlp import load_nlp

from .question_checks import facts_of, goal_actors, prompts_of


def _when(text: str, date_text: str):
    start = text.index(date_text)
    return when_parts(load_nlp()(text), start, start + len(date_text))


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
