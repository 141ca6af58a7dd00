"""Shapes met in session 17 on the tune sets: a communiqué's "The Council" for the body that sat, a
declaration's operative paragraphs with no subject, an interview's answers, a body called by its
letters, letters spelled out only in a line no fact is about, a stance held ("has called on"). Invented
text only."""

from __future__ import annotations

from .question_checks import facts_of, goal_actors, prompts_of

_COMMUNIQUE = (
    "Posted 2024-11-28\n\n"
    "FINAL COMMUNIQUE OF THE 12TH SESSION OF THE COUNCIL OF MINISTERS OF THE KANDOR RIVER COMMISSION (KRC)\n\n"
    "Lusaka, 27 November 2024\n\n"
    "1. The 12th Ordinary Session of the Council of Ministers of the Kandor River Commission (KRC) was held in "
    "Lusaka, Zambia, on 26 and 27 November 2024.\n\n"
    "2. The Council decided to commission an update of the feasibility study of the Zembla inter-basin water "
    "transfer project, to be submitted by 30 June 2025.\n\n"
    "3. The Council called on development partners, including the World Bank, to help mobilise USD 1.2 billion "
    "for the Kandor Basin Climate Resilience Action Plan (KBCRAP).\n\n"
    "4. The Council decided to hold its 13th Ordinary Session in Harare, Zimbabwe, on 14 October 2025.\n"
)


def test_the_council_of_a_communique_is_the_body_that_sat_not_its_session():
    actors = goal_actors(_COMMUNIQUE)
    feasibility = next(a for g, a in actors.items() if "feasibility" in g)
    assert feasibility == "Council of Ministers of the Kandor River Commission", actors
    prompts = prompts_of(_COMMUNIQUE)
    assert any(p.startswith("The Council of Ministers of the Kandor River Commission decided to commission an update")
               for p in prompts), prompts
    # "called on partners to help ...": the partners are not what the Council called for
    assert not any("called for development partners" in p for p in prompts), prompts


def test_a_name_after_the_is_no_pointer_back_and_a_closing_bracket_belongs_to_the_phrase():
    from quizapp.questions.goal_views import _goal_ok
    from quizapp.questions.sentences import find_span

    assert _goal_ok("help mobilise USD 1.2 billion for the Lake Kandor Basin Action Plan", set(), "vp")
    assert not _goal_ok("install 25 gauging stations across the basin by 2026", set(), "vp")  # which basin?
    s = "They agreed to fund the Kandor Basin Action Plan (KBAP)."
    start, end = find_span(s, "fund the Kandor Basin Action Plan (KBAP)")
    assert s[start:end] == "fund the Kandor Basin Action Plan (KBAP)"


_DECLARATION = (
    "12.11.2025 | Communiqués\n\nDECLARATION OF LUSAKA\n\n"
    "Ninth Meeting of Ministers of Foreign Affairs of the Kandor Basin Treaty Organization (KBTO)\n\n"
    "Lusaka, Zambia, 10-11 November 2025\n\n"
    "The Ministers of Foreign Affairs of the Republic of Zembla, the Republic of Ostrava and the Kingdom of Kandoria, "
    "meeting in Lusaka on 10 and 11 November 2025,\n\nHave agreed as follows:\n\n"
    "1. Decide to expand the Kandor Regional Observatory (KRO) so that it publishes river-level forecasts for "
    "all three member countries from 1 July 2026.\n\n"
    # (the estuary named: "the shared estuary" alone is the one told before, round 51)
    "2. Decide to set up a Kandor Ports Fund of 40 million dollars to dredge the Kandor estuary by 2028.\n"
)


def test_a_declarations_operative_paragraphs_are_the_ministers_aims():
    actors = goal_actors(_DECLARATION)
    fund = [a for g, a in actors.items() if "Kandor Ports Fund" in g]
    assert fund and "ministers" in fund[0].lower(), actors
    prompts = prompts_of(_DECLARATION)
    assert any("Kandor Ports Fund" in p for p in prompts), prompts
    # a present-tense verb opening a headline is no aim of anyone's
    assert not goal_actors("Council approves new fund\n\nPublished: 3 May 2024\n\nKandor gets a fund.\n")


def test_an_interviews_answers_speak_for_the_interviewees_body():
    raw = ("Kandor Vaccine Fund's Tomas Ruiz on the next replenishment\nMarta Lind | 9 September 2024\n\n"
           "Tomas Ruiz, director of programmes at the Kandor Vaccine Fund, spoke to us in Geneva.\n\n"
           "Q: What comes next?\n\nA: It is the most ambitious plan we have had. We aim to help countries "
           "immunise 50 million children between 2026 and 2030.\n\nQ: And the outbreak?\n\n"
           "A: We have committed money from the Kandor First Response Window.\n")
    prompts = prompts_of(raw)
    assert any("Kandor Vaccine Fund" in p and "50 million children" in p.replace("_____ million", "50 million")
               or "immunise" in p and "Kandor Vaccine Fund" in p for p in prompts), prompts
    # "committed money from ..." is money given, not an aim "to money"
    assert not any("committed to money" in p for p in prompts), prompts


def test_a_body_called_by_its_letters_is_named_in_its_sentence():
    from quizapp.questions.items.goal_checks import _initials_in

    assert _initials_in("Binational Autonomous Authority of Lake Kandor", "The ALK will begin dredging")
    assert not _initials_in("Binational Autonomous Authority of Lake Kandor", "The IMF will begin dredging")


def test_letters_spelled_out_only_in_a_line_no_fact_is_about_are_spelled_out_in_a_question():
    raw = ("Timeline of the Kandor AI convention\nPublished: 5 May 2024\n\n"
           "11 September 2019 – The Committee of Ministers sets up the Ad hoc Committee on Kandor Intelligence "
           "(CAHKI) to examine whether a legal framework is feasible.\n\n"
           "December 2021 – CAHKI concludes its work, recommending a binding instrument.\n\n"
           "14 March 2024 – Negotiators agree the final draft text in Strasbourg.\n")
    prompts = prompts_of(raw)
    assert any("Ad hoc Committee on Kandor Intelligence (CAHKI)" in p and p.startswith("When")
               for p in prompts), prompts


def test_a_stance_held_is_asked_of_who_holds_it():
    from quizapp.facts.nlp import load_nlp
    from quizapp.facts.who_questions import who_question

    text = "The Kandor Air Transport Association has called on governments to prioritise fuel production over taxes."
    name = "Kandor Air Transport Association"
    start = text.index(name)
    assert who_question(load_nlp()(text), start, start + len(name)) == \
        "Who has called on governments to prioritise fuel production over taxes?"


def test_a_meeting_named_in_full_and_a_two_city_dateline():
    from quizapp.facts.event_questions import when_question
    from quizapp.facts.nlp import load_nlp

    text = ("Geneva/Rome - The Kandor Food Standards Commission concluded its 47th session in Geneva on "
            "30 November 2024 after adopting more than 30 new or revised standards and codes of practice.")
    raw = "Standards adopted\nPublished: 1 December 2024\n\n" + text + "\n"
    prompts = prompts_of(raw)
    assert any(p.startswith("When did the Kandor Food Standards Commission conclude its 47th session in Geneva")
               for p in prompts), prompts
    assert not any("Geneva/Rome" in p for p in prompts), prompts
    start = text.index("30 November 2024")
    assert when_question(load_nlp()(text), start, start + 16, skip_before=14) is not None


def test_a_separate_or_similar_thing_points_back_in_any_item():
    from quizapp.questions.sentences import stands_alone

    assert not stands_alone("Zembla's Deputy Foreign Minister has backed a separate proposal for a monitoring network.")
    assert not stands_alone("Ostrava signed a similar agreement with the Kandor Union in 2023.")
    assert stands_alone("Zembla's Deputy Foreign Minister has backed a proposal for a Kandor monitoring network.")


def test_round_39_membership_and_ratification_of_an_unnamed_body_point_back():
    from quizapp.questions.sentences import stands_alone

    assert not stands_alone("When did Zembla and Ostrava become full members.")
    assert not stands_alone("When did Kandoria deposit the fifth instrument of ratification.")
    assert not stands_alone("Zembla aims to win contracts worth its contribution over the first decade of membership.")
    assert stands_alone("Zembla became a full member of the Kandor Union in 2004.")


def test_round_39_letters_that_skip_a_word_of_the_name_spell_it_whole():
    from quizapp.questions.acronyms import _spelled

    assert _spelled("KCSP", "Bay of Kandor Coastal Shipping Protocol") is None
    assert _spelled("KHU", "49th Ordinary Congress of the Kandor Hockey Union") == "Kandor Hockey Union"


def test_round_39_a_timeline_line_dated_after_the_article_is_a_plan():
    raw = ("Backgrounder: the Kandor shipping protocol\nPublished: 5 March 2025\n\n"
           "Timeline\n\n"
           "12 May 2023 – Ministers of the Kandor Union sign the Kandor Coastal Shipping Protocol in Lusaka.\n\n"
           "1 September 2025 – The Kandor Coastal Shipping Protocol enters into force.\n")
    prompts = prompts_of(raw)
    assert "When will the Kandor Coastal Shipping Protocol enter into force?" in prompts, prompts


def test_round_39_a_plans_false_year_is_never_before_the_article():
    import random

    from quizapp.questions.items.figures import change_a_figure

    goal = "hold regional training workshops in Nairobi in the first quarter of 2026"
    for seed in range(20):
        changed = change_a_figure(goal, set(), random.Random(seed), written=2025)
        assert changed is not None and int(changed.split()[-1]) >= 2025, changed


def test_round_39_a_request_without_its_object_is_cut():
    from quizapp.questions.items.goal_checks import _NO_OBJECT

    assert _NO_OBJECT.match("request from the European Investment Bank")
    assert not _NO_OBJECT.match("request a loan from the European Investment Bank")


def test_a_long_aim_keeps_its_first_whole_part_and_a_pair_with_the_is_a_pair():
    from quizapp.questions.render import article_pairs

    raw = (_DECLARATION.replace("2. Decide to set up a Kandor Ports Fund of 40 million dollars to dredge the Kandor "
                                "estuary by 2028.\n",
                                "2. Agree to establish the Kandor Subsea Registry (KSR), a restricted-access database of "
                                "the routes, owners and operators of subsea cables and pipelines, and task the KBTO "
                                "Secretariat in Lusaka with making it operational by 31 December 2026.\n"))
    prompts = prompts_of(raw)
    assert any(p.endswith("agreed to establish the Kandor Subsea Registry (KSR), a restricted-access database of the "
                          "routes, owners and operators of subsea cables and pipelines.") for p in prompts), prompts

    class G:  # a goal fact as the generator sees it
        def __init__(self, actor):
            self.actor, self.sources = actor, [type("S", (), {"article": "a.txt"})()]
    assert article_pairs([G("Chile and the Netherlands")], []) == {"a.txt": "Chile and the Netherlands"}


def test_a_clean_dated_clause_is_listed_as_a_timeline_line_in_an_ordering_item():
    import random

    from quizapp.facts.asked import Asked, third_person
    from quizapp.questions.generate import generate

    assert [third_person(v) for v in ("approve", "launch", "carry", "be", "go", "enter")] == \
        ["approves", "launches", "carries", "is", "goes", "enters"]
    assert Asked("did", "the IMF", "approve", "a loan").clause == "The IMF approves a loan"
    assert Asked("was", "the convention", "adopted", "in Paris").clause == "The convention is adopted in Paris"
    assert Asked("did", "Zembla and Ostrava", "sign", "a pact", plural=True).clause == "Zembla and Ostrava sign a pact"
    raw = ("The Kandor Basin Association marks its anniversary\nPublished: 5 March 2025\n\n"
           "The Kandor Basin Association (KBA) was founded in Lusaka in March 1997 by nine coastal states. "
           "The Kandor Basin Association created the KBA Special Fund in 2004 to pay for joint research. "
           "The KBA Council of Ministers adopted the Lusaka Water Charter on 6 November 2024 after two years of talks. "
           "The Kandor Basin Association held its first summit in Harare in June 2010.\n")
    facts = facts_of(raw)
    orders = [q for q in generate(facts, random.Random(0), budget=0) if q.type == "ordering"]
    assert orders, [f.event for f in facts if f.kind == "date"]
    items = orders[0].items
    assert "The Kandor Basin Association (KBA) is founded in Lusaka" in items[0] or items[0].startswith(
        "The Kandor Basin Association is founded"), items
    assert all(not it.startswith(("When", "which", "Which")) for it in items), items


def test_whose_ministers_they_are_never_takes_in_the_day_they_met():
    from quizapp.facts.actors import ministers_of

    assert ministers_of("Foreign ministers and senior officials from the Kandor Ocean Association (KOA) on Thursday "
                        "agreed to set up a regional centre.") == \
        "the foreign ministers and senior officials of the Kandor Ocean Association"


def test_a_joint_statements_ministers_are_both_sides_its_title_names():
    from quizapp.facts.sides import sides_of

    assert sides_of("Joint Statement of the Third Ministerial Meeting of the Strategic Dialogue between the "
                    "Cooperation Council of the Kandor States (KSC) and the Countries of Ostravia") == \
        "the KSC and the countries of Ostravia"
    assert sides_of("Talks between Zembla and the Philippines on trade") == "Zembla and the Philippines"
    assert sides_of("Kandor ministers meet in Lusaka") is None
    raw = ("Joint Statement of the Third Ministerial Meeting of the Strategic Dialogue between the Cooperation "
           "Council of the Kandor States (KSC) and the Countries of Ostravia\nLusaka | 04.07.2024\n\n"
           "1. The Third Ministerial Meeting of the Strategic Dialogue was held in Lusaka on 3 July 2024.\n\n"
           "2. The Ministers agreed to convene the Fourth Joint Ministerial Meeting in Harare in 2025.\n\n"
           "3. The two sides decided to establish a KSC–Ostravia Business Council.\n")
    actors = goal_actors(raw)
    assert any(a == "the ministers of the KSC and the countries of Ostravia" for a in actors.values()), actors
    prompts = prompts_of(raw)
    assert any(p.startswith("The ministers of the Cooperation Council of the Kandor States (KSC) and the countries "
                            "of Ostravia agreed to convene") for p in prompts), prompts
    # letters inside a compound name are not spelled out there ("the KSC–Ostravia Business Council")
    assert not any("(KSC)–Ostravia" in p for p in prompts), prompts


def test_the_commissions_president_is_the_president_of_the_one_commission_named():
    raw = ("Kandor states agree a plan\nPublished: 5 March 2025\n\n"
           "Member states of the Kandor River Commission agreed on Tuesday to spend 410 million euros on dredging. "
           "The Kandor River Commission met in Lusaka. \"We cannot let a dry August cut off trade,\" said the "
           "commission's president, Milena Dragan, a former deputy transport minister.\n")
    facts = facts_of(raw, "k.txt")
    leader = next(f for f in facts if f.kind == "leader" and f.name == "Milena Dragan")
    assert leader.country == "Kandor River Commission", (leader.role, leader.country)


def test_a_partys_own_plan_in_the_present_is_asked_as_its_plan():
    from quizapp.facts.asked import Asked
    from quizapp.facts.event_questions import when_parts
    from quizapp.facts.nlp import load_nlp

    text = "Zembla plans to begin construction of a dedicated export terminal at Port Kandor in 2027."
    start = text.index("2027")
    asked = when_parts(load_nlp()(text), start, start + 4)
    assert asked is not None and asked.question == \
        "When does Zembla plan to begin construction of a dedicated export terminal at Port Kandor?"
    assert asked.clause == "Zembla plans to begin construction of a dedicated export terminal at Port Kandor"
    assert Asked("do", "Zembla and Ostrava", "plan to build", "a port", plural=True).clause == \
        "Zembla and Ostrava plan to build a port"
    # a plan reported in the past is no plan the article states
    past = "Zembla planned to begin construction of a terminal at Port Kandor in 2027."
    assert when_parts(load_nlp()(past), past.index("2027"), past.index("2027") + 4) is None


def test_round_40_one_office_with_a_two_part_portfolio_is_one_party():
    from quizapp.questions.render import plural

    assert not plural("Zembla's Minister of Natural Resources and Spatial Planning")
    assert plural("The Minister of Trade and the Minister of Finance")
    assert plural("Zembla and Ostrava")


def test_round_40_a_draft_decision_points_back_and_a_live_reports_venue_is_not_asked():
    from quizapp.questions.sentences import stands_alone

    assert not stands_alone("Zembla and Ostrava circulated the draft decision on a 2035 end date in June 2025.")
    raw = ("LIVE: Kandor Whaling Commission votes on sanctuary\nPublished: 12 October 2026\n\n"
           "Welcome to our live coverage of the final day of the 70th meeting of the Kandor Whaling Commission "
           "in Cairns, Australia, where member governments are expected to vote on a sanctuary.\n")
    assert not any("In which city" in p for p in prompts_of(raw)), prompts_of(raw)
