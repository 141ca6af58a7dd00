"""Failure classes from blind round 31 (an unseen set): a declaration's parties cut short where one
state's formal name was unknown, "request X to do Y" read as a request for X, a goal ending on an
open bracket or a dangling "rather", a numbered paragraph's label in a stem, a record "held", and
"who voted" of a board's many votes.
Invented text only."""

from __future__ import annotations

from quizapp.facts.actors import signatories
from quizapp.facts.event_questions import when_question
from quizapp.facts.goals import find_goals
from quizapp.facts.merge import goal_sentence
from quizapp.facts.nlp import load_nlp
from quizapp.facts.who_questions import who_question

from .question_checks import prompts_of as _items


def _goals(text: str) -> list[tuple[str, str, str]]:
    return [(g.actor, g.verb, g.goal) for g in find_goals(load_nlp()(text))]


def test_a_preamble_names_every_party_or_none():
    text = ("We, the Ministers of water of the Kingdom of Cambodia, the Lao People's Democratic Republic and "
            "the Kingdom of Thailand, meeting in Pakse on 3 March 2026, declare as follows:")
    assert signatories(text) == "Cambodia, Laos and Thailand"
    # a state by a style the table does not know: no list that leaves it out
    unknown = ("We, the Ministers of the Kingdom of Thailand, the Republic of Zembla and the Kingdom of Cambodia, "
               "meeting in Pakse, declare as follows:")
    assert signatories(unknown) is None


def test_asking_another_party_to_act_keeps_what_it_is_to_do():
    goals = _goals("We request the Director of the Basin Secretariat, Dr. Anan Chai, to draft a ten-year "
                   "Flood Plan for adoption at the next ministerial meeting.")
    assert ("We", "request", "the Director of the Basin Secretariat, Dr. Anan Chai, to draft a ten-year Flood "
            "Plan for adoption at the next ministerial meeting") in goals, goals
    assert any(g[2] == "the secretariat to draft a roadmap by June" for g in
               _goals("The summit asked the secretariat to draft a roadmap by June.")), goals
    assert goal_sentence("The summit", "ask", "the secretariat to draft a roadmap by June") == \
        "The summit asks the secretariat to draft a roadmap by June."


def test_a_goal_keeps_its_closing_bracket_and_drops_a_dangling_comparison():
    goals = _goals("We agree to establish the Kandor Basin Monitoring Network (KBMN), comprising at least 30 "
                   "jointly run stations on the river, to be fully operational by 31 December 2027.")
    assert any(g[2] == "establish the Kandor Basin Monitoring Network (KBMN)" for g in goals), goals
    goals = _goals("The growers' union has asked members to sell directly to mills rather than trade through "
                   "brokers.")
    assert all(not g[2].endswith(("rather", "than")) for g in goals), goals


def test_a_numbered_paragraph_label_is_not_part_of_the_subject():
    text = "1.2 The Kandor Port Authority, created on 4 May 2026, will set tariffs."
    start = text.index("4 May 2026")
    assert when_question(load_nlp()(text), start, start + len("4 May 2026")) == \
        "When was the Kandor Port Authority created?"


def test_a_record_is_confirmed_not_held():
    text = "1.1 The record of Meeting No. 04/2026, held on 12 March 2026, was confirmed without amendment."
    start = text.index("12 March 2026")
    assert when_question(load_nlp()(text), start, start + len("12 March 2026")) is None


def test_a_vote_is_one_of_many_and_asks_no_who():
    text = "Dr. Lena Marsh voted to keep the Kandor policy rate unchanged, citing fuel prices."
    assert who_question(load_nlp()(text), 0, len("Dr. Lena Marsh")) is None
    text = "Dr. Lena Marsh inaugurated the Kandor Grain Exchange on the river port."
    assert who_question(load_nlp()(text), 0, len("Dr. Lena Marsh")) == "Who inaugurated the Kandor Grain Exchange on the river port?"


MALAWI = """Malawi expands school feeding

LILONGWE, 4 March 2026 - Malawi's Ministry of Education said on Tuesday it would extend its school feeding scheme.

The Government has committed to serving a hot meal to 900,000 pupils in Malawi's northern districts by 2028.

Education Minister Chikondi Banda said Malawi would also build 300 school kitchens in Mzimba and Karonga districts.

Teachers in Malawi said they would strike until the government commits to a date for a pay review.
"""


def test_a_bare_government_is_the_government_of_the_country_the_article_is_about():
    items = _items(MALAWI)
    assert any("Malawi's government committed to serving a hot meal" in p for p in items), items
    assert not any("commits to a date" in p for p in items), items  # a condition, no one's aim


def test_an_adverb_after_would_is_no_hedge():
    items = _items(MALAWI)
    assert any("300" in p or "school kitchens" in p for p in items), items


def test_a_sites_section_path_is_neither_title_nor_text():
    from quizapp.corpus.parse import parse_article

    raw = ("MARKETS | METALS | ANALYSIS\nZanele Dube | Updated 2026-06-03\n\nTin climbs as Kandor mines stall\n\n"
           "Tin rose to a two-year high on Tuesday as the Kandor Tin Board halted exports.\n")
    art = parse_article("a.txt", raw)
    assert art.title == "Tin climbs as Kandor mines stall"
    assert "METALS" not in " ".join(s.text for s in art.sentences)
    # a title with a bar in it is still a title
    art = parse_article("b.txt", "Budget 2026 | What the new tin levy means for you\n\nThe levy starts in May.\n")
    assert art.title.startswith("Budget 2026")


def test_the_three_ministers_are_those_of_the_three_countries_that_acted():
    from quizapp.corpus.parse import parse_article
    from quizapp.facts import article_input, extract

    raw = ("Baltic rail pact signed\n\nSweden, Denmark and Poland signed the Baltic Freight Rail Pact in Malmo on "
           "Monday. The three ministers agreed to meet again in Gdansk in May to review the first timetable.\n")
    goals = [f for f in extract([article_input(parse_article("r.txt", raw))]) if f.kind == "goal"]
    assert any(f.actor == "the ministers of Sweden, Denmark and Poland" and f.goal.startswith("meet again")
               for f in goals), [(f.actor, f.goal) for f in goals]


def test_a_periods_figure_is_no_event_to_date():
    # (blind round 32: "When did Line 1 carry 9.4 million passengers ...?", "When did Uruguay scour wool?")
    for text, day in [("Kandor's metro carried 9.4 million passengers in 2025.", "2025"),
                      ("Zembla exported about 38,000 tonnes of greasy and scoured wool in 2025, down 14 percent.",
                       "2025")]:
        start = text.index(day)
        assert when_question(load_nlp()(text), start, start + len(day)) is None, text
    text = "The IMF approved a $3 billion loan for Zembla on 4 May 2026."
    start = text.index("4 May 2026")
    assert when_question(load_nlp()(text), start, start + len("4 May 2026")) == \
        "When did the IMF approve a $3 billion loan for Zembla?"


def test_parties_counted_but_not_named_do_not_stand_alone():
    from quizapp.questions.sentences import stands_alone

    assert not stands_alone("The Lagoon Initiative aims to halve new cases in both countries by 2030.")
    assert not stands_alone("The Lagoon Initiative will train nurses in the three countries.")
    assert stands_alone("Zembla and Kandor launched the Lagoon Initiative to halve new cases in both countries "
                        "by 2030.")


def test_words_of_a_foreign_name_are_not_bodies_of_their_own():
    from quizapp.corpus.parse import parse_article
    from quizapp.facts import article_input, extract

    raw = ("Ferry plan launched\n\nMANILA - The transport department on Monday launched the Ligtas na Dagat "
           "(Safe Seas) Programme, a five-year plan for small ferries. Ligtas na Dagat will replace 900 wooden "
           "boats. The Philippine Coast Guard will build 12 new rescue stations under the Ligtas na Dagat plan.\n")
    names = {f.name for f in extract([article_input(parse_article("f.txt", raw))]) if f.kind == "mechanism"}
    assert not names & {"Ligtas", "Dagat"}, names


def test_parties_asking_one_of_themselves_state_no_aim():
    raw = ("Zembla Declaration\n\nWe, the Ministers of Education of Kazakhstan, Kyrgyzstan and Uzbekistan, meeting "
           "in Samarkand on 21 May 2026, declare as follows:\n\n1. We request the Government of Kazakhstan to host "
           "the Steppe Diploma Network secretariat in Almaty for five years.\n\n2. We agree to recognise each "
           "other's bachelor's degrees by 1 September 2027.\n")
    items = _items(raw)
    assert not any("request the Government of Kazakhstan" in p for p in items), items


def test_a_timeline_lines_capital_is_no_name_when_the_article_writes_the_word_in_lower_case():
    # (blind round 32: "When did Seabed drilling begin ...?"; a common noun names no one, so no question)
    from quizapp.corpus.parse import parse_article
    from quizapp.facts import article_input, extract

    raw = ("Kandor tunnel timeline\n\nThe Kandor tunnel opened after four years of construction.\n\n"
           "Timeline\n\nMarch 2019 – Construction begins on the Kandor road tunnel.\n\n"
           "June 2024 – The Kandor Tunnel Company opens the tunnel to traffic.\n")
    questions = {f.question for f in extract([article_input(parse_article("t.txt", raw))]) if f.kind == "date"}
    assert not any(q and "Construction" in q for q in questions), questions
    assert "When did the Kandor Tunnel Company open the tunnel to traffic?" in questions, questions


def test_a_portfolio_after_a_cut_title_is_no_persons_name():
    from quizapp.corpus.parse import parse_article
    from quizapp.facts import article_input, extract

    raw = ("Copper outlook\n\nZambia is the bright spot. Chanda Mwale, Zambia's Minister of Mines and Minerals "
           "Development, said the country would produce 1.1 million tonnes in 2026.\n")
    names = {f.name for f in extract([article_input(parse_article("z.txt", raw))]) if f.kind == "leader"}
    assert names == {"Chanda Mwale"}, names


def test_a_bare_subject_is_bare_in_lower_case_too():
    from quizapp.questions.sentences import bare_subject

    assert bare_subject("When did ministers meeting in Kandor adopt the Zarovian Transit Plan?")
    assert not bare_subject("When did ministers from Zembla adopt the Zarovian Transit Plan?")


def test_a_preamble_with_turkiye_names_all_four():
    # (blind round 33: a declaration credited to three of its four parties)
    text = ("We, the ministers of fisheries of Bulgaria, Georgia, Romania and Türkiye, meeting in Varna on "
            "9 June 2026, declare as follows:")
    assert signatories(text) == "Bulgaria, Georgia, Romania and Türkiye"


def test_asking_a_body_whose_task_the_parse_hangs_elsewhere_states_no_aim_of_the_askers():
    goals = _goals("We ask the Scientific Panel, chaired by Dr Lena Marsh of Zembla, to present a common "
                   "method for observer programmes by 31 December 2026.")
    assert not any(g[2].startswith("present") for g in goals), goals


def test_a_timeline_headline_in_the_passive_is_asked_in_the_passive():
    from quizapp.facts.timeline_questions import timeline_question

    nlp = load_nlp()
    line = "16 April 2005 — ZCJ inaugurated in Port of Kandor."
    assert timeline_question(nlp, line, 0, len("16 April 2005")) == "When was ZCJ inaugurated in Port of Kandor?"
    line = "14 February 2001 — Agreement Establishing the Zembla Court of Justice signed in Kandor, Zembla."
    assert timeline_question(nlp, line, 0, len("14 February 2001")) is None  # "When did Agreement sign ...?"


def test_half_a_bracket_takes_its_words_with_it():
    from quizapp.facts.spans import without_brackets

    assert without_brackets("a centre built with support from the Kandor Development Bank (KDB") == \
        "a centre built with support from the Kandor Development Bank"
    assert without_brackets("the Kandor Development Bank (KDB) and Zembla") == "the Kandor Development Bank and Zembla"


def test_asking_for_a_thing_is_still_a_goal():
    assert ("The ministers", "urge", "restraint on all sides") in _goals("The ministers urged restraint on all sides.")
    assert ("We", "request", "an extension of the mandate until 2027") in \
        _goals("We request an extension of the mandate until 2027.")


def test_the_three_ministers_named_by_a_ministers_line_stay_its_ministers():
    from quizapp.facts.actors import ActorContext, resolve_actor

    ctx = ActorContext(ministers="the finance ministers of Kazakhstan, Uzbekistan and Kyrgyzstan")
    assert resolve_actor("The three ministers", ctx) == "the finance ministers of Kazakhstan, Uzbekistan and Kyrgyzstan"
    assert resolve_actor("The ministers", ctx) == "the finance ministers of Kazakhstan, Uzbekistan and Kyrgyzstan"


KANDOR_SCHOOLS = """Phones out of class

Last Thursday, the federal Education Minister, Dana Whitlow, told reporters that she wanted state education
ministers to agree a national Kandor Screen Framework by December 2026.

The framework would, the minister said, aim to "give every pupil six hours a day free from screens".

Kandor Police are urging people to stay off the roads during the storm.
"""


def test_an_office_without_whose_a_quotes_words_and_public_advice_state_no_aim():
    # (blind round 33: "The federal Education Minister wanted ...", "aimed for give every child ...",
    # "Ottawa Police urged people to stay off the roads.")
    from quizapp.facts.types import Fact, Source
    from quizapp.questions.goal_views import goal_view
    from quizapp.questions.render import named_actor

    items = _items(KANDOR_SCHOOLS)
    assert not any("federal Education Minister" in p for p in items), items

    def view(actor, verb, goal, sentence):
        f = Fact(id="g", kind="goal", statement="", answer=goal, actor=actor, goal=goal, subtype=verb,
                 sources=[Source("a.txt", sentence, 3)])
        return goal_view(f, [], {}, set())

    said = 'The Kandor Screen Framework would, the minister said, aim to "give every pupil six hours a day free from screens".'
    assert view("The Kandor Screen Framework", "aim", "give every pupil six hours a day free from screens", said) is None
    said = "Kandor Police are urging people to stay off the roads during the storm."
    assert view("Kandor Police", "urge", "people to stay off the roads during the storm", said) is None
    said = "Kandor Police are urging the Roads Agency to salt every bridge before the storm."
    assert view("Kandor Police", "urge", "the Roads Agency to salt every bridge before the storm", said) is not None

    assert named_actor("the federal Education Minister") is None
    assert named_actor("Kandor's Education Minister") == "Kandor's Education Minister"
    assert named_actor("the Security Council") == "the Security Council"  # a body's name says which


def test_when_a_party_agreed_is_not_what_it_agreed():
    # (the walkthrough's article page highlighted "Monday to build a shared early-warning network")
    assert ("Kenya", "pledge", "plant 15 billion trees by 2032") in _goals(
        "Kenya pledged on Tuesday to plant 15 billion trees by 2032.")
    assert any(g[2].startswith("build a shared") for g in _goals(
        "Ministers of Peru and Chile agreed on 3 March 2025 to build a shared warning network by 2027."))
    assert ("The ministers", "agree", "a shared warning network") in _goals(
        "The ministers agreed on a shared warning network.")
