"""Shapes met in session 18 on the tune sets: a plan's deadline ("aims to complete ... by the end of
2026"), asked as the article frames it. Invented text only."""

from __future__ import annotations

import random
from collections import Counter

from quizapp.corpus.parse import parse_article
from quizapp.facts.event_questions import when_parts
from quizapp.facts.nlp import load_nlp
from quizapp.questions import generate

from .question_checks import facts_of, prompts_of, when_asked

_when = when_asked


def test_a_plans_deadline_is_asked_by_when():
    asked = _when("The Kandor Wetland Fund aims to restore 400 wetlands across the basin by 2029.", "2029")
    assert asked is not None and asked.question == \
        "By when does the Kandor Wetland Fund aim to restore 400 wetlands across the basin?"
    # reported ("officials said"), the plan is still the party's
    asked = _when("Officials said the Kandor Wetland Fund plans to restore 400 wetlands by March 2027.", "March 2027")
    assert asked is not None and asked.question == "By when does the Kandor Wetland Fund plan to restore 400 wetlands?"
    # a target's figure is the plan itself, not a year's statistic
    asked = _when("Zembla aims to generate 30 percent of its electricity from wind by 2030.", "2030")
    assert asked is not None and asked.question == "By when does Zembla aim to generate 30 percent of its electricity from wind?"
    # a rule's deadline, and a "will"
    asked = _when("Members of the Kandor Union must ratify the Kandor Ports Protocol by 31 March 2027.", "31 March 2027")
    assert asked is not None and asked.question == "By when must members of the Kandor Union ratify the Kandor Ports Protocol?"
    asked = _when("The Kandor Union will publish its first ports census by June 2026.", "June 2026")
    assert asked is not None and asked.question == "By when will the Kandor Union publish its first ports census?"


def test_a_bound_of_what_was_or_may_be_is_no_deadline():
    assert _when("The Kandor Union completed the survey by 2024.", "2024") is None
    assert _when("The Kandor Wetland Fund is expected to be operational by 2027.", "2027") is None
    assert _when("The Kandor Wetland Fund planned to restore 400 wetlands by 2024.", "2024") is None
    assert _when("The Kandor Union will keep the tariff until 2027.", "2027") is None


def test_a_year_end_deadline_is_asked_for_its_year_with_later_years_as_foils():
    raw = ("Published: 4 March 2025\n\nKandor fund sets wetland target\n\n"
           "The Kandor Wetland Fund (KWF) was launched in Lusaka on 3 March 2025 by the environment ministers of "
           "Zembla and Ostrava.\n\n"
           # (no figure in the aim: where one is asked, the deadline of the same sentence is not, session 20)
           "The Kandor Wetland Fund aims to restore the wetlands of the Kandor Basin by the end of 2027, up from "
           "a third restored in 2023.\n\n"
           "Its board will meet again in Harare in 2026.\n")
    qs = generate(facts_of(raw, "kwf.txt"), random.Random(0), budget=0)
    item = next(q for q in qs if q.prompt.startswith("By what year") and q.choices)
    assert item.prompt == "By what year does the Kandor Wetland Fund aim to restore the wetlands of the Kandor Basin?"
    assert item.answer == "2027"
    # foils are plausible deadlines: never the baseline's year the sentence gives, never before the article
    assert "2023" not in item.choices and all(int(c) >= 2025 for c in item.choices), item.choices


def test_round_41_an_office_or_a_name_of_words_any_body_has_is_not_asked_bare():
    nlp = load_nlp()
    text = "Its Director-General, Dr. Meera Okafor, who took office in March 2025, has said the alliance will grow."
    start = text.index("March 2025")
    assert when_parts(nlp(text), start, start + 10) is None  # "take office as Its Director-General"
    text = "In March 2025, Meera Okafor became Director-General."
    start = text.index("March 2025")
    assert when_parts(nlp(text), start, start + 10) is None  # Director-General of what?
    text = "The Framework Agreement entered into force on 6 December 2017."
    start = text.index("6 December 2017")
    # the one agreement the article names with that head, or no question
    resolved = when_parts(nlp(text), start, start + 15,
                          resolve=lambda head: "Kandor Solar Alliance Framework Agreement" if head == "agreement" else None)
    assert resolved is not None and resolved.question == \
        "When did the Kandor Solar Alliance Framework Agreement enter into force?"
    assert when_parts(nlp(text), start, start + 15, resolve=lambda head: None) is None
    # a comma whose aside went goes too
    text = "The Kandor Convention was signed in Lusaka, Zambia, on 18 March 2013 by Zembla and Ostrava."
    start = text.index("18 March 2013")
    asked = when_parts(nlp(text), start, start + 13)
    assert asked is not None and asked.question == "When was the Kandor Convention signed in Lusaka by Zembla and Ostrava?"


def test_round_41_letters_after_a_name_cut_at_a_comma_are_not_spelled_out_as_its_tail():
    from quizapp.questions.generate import _Generator

    raw = ("Published: 2 March 2026\n\nKandor reef body meets\n\n"
           "The Kandor Initiative on Coral Reefs, Fisheries and Food Security (KI-CFF) brings together six countries. "
           "Dr. Arief Santoso, executive director of the KI-CFF Regional Secretariat, said the secretariat plans to "
           "sign a memorandum with the Kandor Fisheries Centre in May.\n")
    facts = facts_of(raw, "ki.txt")
    corpus = _Generator(facts, random.Random(0)).corpus
    spelled = corpus.spell_out("the KI-CFF Regional Secretariat", ["ki.txt"])
    assert spelled is None or "Fisheries and Food Security (KI-CFF)" not in spelled, spelled


def test_round_41_a_wire_filed_abroad_is_not_the_article_about_the_country_it_names_most():
    from quizapp.questions.setting import unplaced_national
    from quizapp.questions.story import _datelined_elsewhere

    lede = [(0, "STRASBOURG, March 12 (Wire) - The river commission agreed on Thursday to launch a plan.")]
    assert _datelined_elsewhere(lede, "Germany")
    assert not _datelined_elsewhere(lede, "France")
    assert not _datelined_elsewhere([(0, "The river commission agreed on Thursday to launch a plan.")], "Germany")
    # a body named for a particular thing is no country's generic institution
    assert not unplaced_national("The Central Commission for the Navigation of the Kandor agreed to launch a plan.")
    assert unplaced_national("The National Electoral Commission agreed to publish the results.")


def test_round_41_a_currency_the_parser_reads_as_a_verb_and_a_counted_pointer_back():
    from quizapp.facts.goals import find_goals
    from quizapp.questions.items.venues import _FUTURE
    from quizapp.questions.sentences import _ANAPHORIC

    doc = load_nlp()("The government plans to submit a supplementary budget of about 12 trillion won to the "
                     "National Assembly within weeks.")
    assert any(g.goal.startswith("submit a supplementary budget of about 12 trillion won") for g in find_goals(doc))
    assert _ANAPHORIC.search("one assessment that all three governments can stand behind")
    assert _ANAPHORIC.search("signed by the three coastal states")
    assert not _ANAPHORIC.search("The Three Seas Initiative aims to strengthen connectivity")
    assert _FUTURE.search("Ahead of the Senior Officials' Meeting in Dili in May, we spoke to")


def test_an_aims_year_told_from_the_day_of_writing_is_written_out():
    from quizapp.questions.sentences import absolute_years

    assert absolute_years("open a regional office in Kandor City next year", 2026) == \
        "open a regional office in Kandor City in 2027"
    assert absolute_years("open a window for small exporters later this year", 2026) == \
        "open a window for small exporters later in 2026"
    assert absolute_years("finish the survey by the end of next year", 2026) == "finish the survey by the end of 2027"
    assert absolute_years("hold a summit in the first half of next year", 2024) == "hold a summit in the first half of 2025"
    raw = ("Published: 4 March 2026\n\nKandor trade bank widens lending\n\n"
           "The Kandor Trade Finance Corporation (KTFC) plans to open a dedicated window for small exporters later "
           "this year, its chief executive said in Lusaka on Tuesday.\n")
    prompts = prompts_of(raw)
    assert any("later in 2026" in p for p in prompts), prompts
    assert not any("this year" in p for p in prompts), prompts


def test_a_long_name_in_title_case_is_a_named_party_and_a_second_clause_is_cut():
    from quizapp.questions.render import named_actor

    assert named_actor("the Kandor Corporation for the Development of the Private Sector") == \
        "the Kandor Corporation for the Development of the Private Sector"
    assert named_actor("Heads of state and government of the Kandor Integration System") == \
        "Heads of state and government of the Kandor Integration System"
    assert named_actor("ministers of the eight Alpine states and the European Union") is None
    raw = ("Published: 4 March 2026\n\nKandor trade bank widens lending\n\n"
           "The Kandor Trade Finance Corporation (KTFC) plans to open a dedicated window for small exporters in "
           "2027, and called on commercial banks in Lusaka to co-finance it.\n")
    statements = [p for p in prompts_of(raw) if p.startswith("The Kandor Trade Finance Corporation plans")]
    assert statements and not any("called on" in p for p in statements), statements


def test_round_41_a_portfolio_keeps_its_last_word_and_a_bare_office_its_body():
    from quizapp.facts.leaders import leader_mentions

    doc = load_nlp()("Zambian Minister of Transport and Logistics Chanda Mulenga has urged the other two "
                     "governments to harmonise axle-load rules.")
    people = [(m.name, m.role) for m in leader_mentions(doc, doc.text)]
    assert ("Chanda Mulenga", "Minister of Transport and Logistics") in people, people
    raw = ("Media release — issued 16.05.2026\n\nKandor central bank holds rate\n\n"
           "The Bank of Kandor (BOK) kept its base rate at 2.5 percent on Thursday. Governor Park Jin-woo said "
           "the bank would watch household debt closely.\n\n"
           "The Kandor Solar Alliance (KSA) met in Lusaka. Its Director-General, Dr. Meera Okafor, said the "
           "alliance plans to open an office in Dakar.\n")
    art = parse_article("k.txt", raw)
    assert str(art.published) == "2026-05-16"  # "issued DD.MM.YYYY" is the day of writing
    bodies = {f.name: f.country for f in facts_of(raw, "k.txt") if f.kind == "leader"}
    assert bodies.get("Park Jin-woo") == "Bank of Kandor", bodies
    # "Its Director-General" is the story's own body's, and never another body's when unsure
    assert bodies.get("Meera Okafor") in (None, "Kandor Solar Alliance"), bodies
    only = ("Published: 4 March 2026\n\nKandor solar body at ten\n\n"
            "The Kandor Solar Alliance (KSA) has grown to 40 members. Its Director-General, Dr. Meera "
            "Okafor, said the KSA plans to open an office in Dakar. The KSA was founded in 2016.\n")
    bodies = {f.name: f.country for f in facts_of(only, "s.txt") if f.kind == "leader"}
    assert bodies.get("Meera Okafor") == "Kandor Solar Alliance", bodies


def test_a_plan_told_to_the_public_and_a_partys_own_seeking():
    asked = _when("The Ministry of Fisheries wishes to inform the public that Zembla will host the Kandor Fisheries "
                  "Conference in Lusaka on 17 March 2026.", "17 March 2026")
    assert asked is not None and asked.question == \
        "When will Zembla host the Kandor Fisheries Conference in Lusaka?"
    asked = _when("The Kandor Water Facility seeks to reach 20 million people by 2030.", "2030")
    assert asked is not None and asked.question == "By when does the Kandor Water Facility seek to reach 20 million people?"


def test_round_42_no_when_of_a_pronoun_or_a_tally_and_a_vote_is_no_aim():
    assert _when("The Kandor Plan of Action followed both in 2021.", "2021") is None
    assert _when("The board of the Bank of Kandor voted four to one on 12 February 2026.", "12 February 2026") is None
    from quizapp.facts.goals import find_goals

    doc = load_nlp()("The Governing Board of the Bank of Kandor (BOK) voted four to one on February 12 to hold its "
                     "benchmark overnight interbank rate at 6.75%, after cutting by a quarter point at each of its "
                     "previous four meetings.")
    assert [g.verb for g in find_goals(doc)] == ["vote"]


def test_round_42_names_letters_and_parties_read_right():
    from quizapp.facts.actors import ActorContext, named_party
    from quizapp.facts.speakers import _ROLE_BODY
    from quizapp.questions.acronyms import _MEMBERS_PREFIX
    from quizapp.questions.items.people import _home_city_named
    from quizapp.questions.render import named_actor

    # the letters are the union's, not its members' or its council's
    assert _MEMBERS_PREFIX.sub("", "Member States of the Kandor Union") == "Kandor Union"
    assert _MEMBERS_PREFIX.sub("", "Council of Ministers of the Kandor Free Trade Area") == "Kandor Free Trade Area"
    assert _MEMBERS_PREFIX.sub("", "Ministers of finance and trade") == "Ministers of finance and trade"
    # a body named by its head word first takes "the"
    ctx = ActorContext(org_counts=Counter({"Organization of Kandor States": 3}))
    assert named_party("the organisation", ctx) == "the Organization of Kandor States"
    # an interviewee's body sits somewhere
    assert _ROLE_BODY.search("director of digital trade at the KFTA Secretariat in Accra").group("body") == \
        "KFTA Secretariat"
    assert named_actor("The Kandor Union's newest agency") is None
    # the one Greek official among the choices for "cranes at Piraeus" is no test of reading
    assert _home_city_named("Who called on the bank to finance cranes at Piraeus and Thessaloniki?", "Greece")
    assert not _home_city_named("Who called on the bank to finance cranes at Piraeus?", "Kenya")


def test_round_42_countries_that_only_pledged_are_not_the_ministers_who_agreed():
    from quizapp.facts.sides import country_list

    doc = load_nlp()("Ministers agreed to create the Kandor Maritime Trust Fund, but only Cameroon and Gabon made "
                     "firm pledges at the meeting.")
    assert country_list(doc) == []
    doc = load_nlp()("Cameroon and Gabon made firm pledges at the meeting.")
    assert country_list(doc) == [("Cameroon", "Gabon")]


def test_round_42_a_wanted_act_is_the_wanters_and_an_aims_bracket_closes():
    from quizapp.facts.goals import find_goals

    doc = load_nlp()("Zembla, which holds the Kandor Economic Cooperation (KEC) chair for 2026, has been more specific "
                     "than most: it wants leaders meeting in Lusaka in November to endorse a new roadmap towards a "
                     "Free Trade Area of the Kandor Basin (FTAKB).")
    assert not any(g.actor == "leaders" for g in find_goals(doc))
    raw = ("Published: 4 March 2026\n\nKandor ministers meet\n\n"
           "The Council of Ministers of the Kandor Basin Commission agreed to extend the Programme to "
           "Strengthen the Resilience of Kandor Basin Systems (PSRKBS).\n")
    prompts = prompts_of(raw)
    assert any(p.endswith("Kandor Basin Systems (PSRKBS).") for p in prompts), prompts


def test_round_43_addresses_anothers_plan_asides_and_pointers_back():
    from quizapp.facts.goals import find_goals
    from quizapp.questions.sentences import stands_alone
    from quizapp.questions.setting import own_institution

    doc = load_nlp()("Friends, in 1973 two countries signed a treaty to build a dam on the Kandor River.")
    assert not any(g.actor.lower() == "friends" for g in find_goals(doc))
    doc = load_nlp()('Both bids were rated "low risk", but the commission flagged Zembla\'s plan to build a new '
                     '30,000-seat athletics stadium as "ambitious in the available time".')
    assert not any(g.actor == "the commission" for g in find_goals(doc))
    text = ('The Kandor Health Fund will hold a one-day pledging conference in Lusaka on 17 June 2026, its first '
            "since the fund's eighth replenishment closed short of its target.")
    asked = _when(text, "17 June 2026")
    assert asked is not None and asked.question == \
        "When will the Kandor Health Fund hold a one-day pledging conference in Lusaka?"
    assert not stands_alone("The Gateway puts the Kandor Agreement on Mobility into practice.")
    assert not stands_alone("When did Zembla's grid company join the auctions?".rstrip("?") + ".")
    assert own_institution("When was the 2026 General Election held?", "New Zealand") == \
        "When was New Zealand's 2026 General Election held?"
    assert own_institution("When was the 2026 General Election held?", None) is None
