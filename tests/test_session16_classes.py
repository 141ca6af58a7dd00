"""Shapes met in session 16, on the dev and tune sets and in blind round 38 (an unseen set): "we" in an
interview, in a ministers' statement and in a speech given at a meeting; plans dated in the present
or by "due"; "take office" with no office; venues proposed, or of a one-off event; a style
("Engineer") read as part of a name. Invented text only."""

from __future__ import annotations

from quizapp.corpus.parse import parse_article
from quizapp.facts import article_input, extract

from .question_checks import goal_actors


def test_we_in_an_interview_is_the_interviewees_body():
    raw = ("Interview with Ilse Varga\n14 May 2025\n\n"
           "Interview with Ilse Varga, Member of the Governing Board of the Ostmark Monetary Fund, conducted "
           "by Jan Brod on 12 May 2025.\n\n"
           "Ms Varga, prices are rising fast. When will you act?\n\n"
           "We will raise the deposit rate by half a point at the June meeting if prices keep rising.\n")
    actors = goal_actors(raw)
    assert any(a == "Ostmark Monetary Fund" for a in actors.values()), actors
    # a wire that quotes someone "in an interview" further down is no interview: its "we" stays unnamed
    wire = ("Rates debate\n14 May 2025\n\nThe Ostmark Monetary Fund met on Tuesday. Ilse Varga, Member of the "
            "Governing Board of the Ostmark Monetary Fund, spoke to reporters after the meeting. She said in an "
            "interview that the mood was calm. Traders said: \"We will raise our bids by half a point at the "
            "June auction.\"\n")
    assert "Ostmark Monetary Fund" not in goal_actors(wire).values(), goal_actors(wire)


def test_answers_marked_a_make_a_q_and_a():
    raw = ("Kandor Vaccine Fund's Tomas Ruiz on the next replenishment\nMarta Lind | 9 September 2024\n\n"
           "Tomas Ruiz, director of programmes at the Kandor Vaccine Fund, spoke to us in Geneva.\n\n"
           "The World Health Organization backs the plan. The World Health Organization and the African Union will "
           "co-host the summit. The World Health Organization expects a good turnout.\n\n"
           "Q: What comes next?\n\nA: We aim to help countries immunise 50 million children between 2026 "
           "and 2030.\n\nQ: And the money?\n\nA: We plan to ask donors for US$2 billion at a summit in March.\n")
    actors = goal_actors(raw)
    answers = {g: a for g, a in actors.items() if "children" in g or "donors" in g}
    assert len(answers) == 2 and set(answers.values()) == {"Kandor Vaccine Fund"}, actors


def test_a_plan_with_its_date_set_is_asked_in_the_articles_frame():
    from quizapp.facts.event_questions import when_question
    from quizapp.facts.nlp import load_nlp

    def ask(text: str, date_text: str) -> str | None:
        start = text.index(date_text)
        return when_question(load_nlp()(text), start, start + len(date_text))

    assert ask("Zembla is due to take over the chairmanship of the Kandor Council from Ostrava at a "
               "ministerial meeting in May 2025.", "May 2025") == \
        "When is Zembla due to take over the chairmanship of the Kandor Council from Ostrava?"
    assert ask("The Kandor Council was set to meet in Lusaka on 3 June 2024.", "3 June 2024") == \
        "When was the Kandor Council set to meet in Lusaka?"
    # a plan whose content the parse left out is no question ("scheduled to vote": on what?)
    assert ask("The Kandor Council is scheduled to vote on 28 February.", "28 February") is None
    # and a plan called off is no date of anything
    assert ask("The Kandor Council is not scheduled to meet in Lusaka on 3 June 2024.", "3 June 2024") is None


_STATEMENT = (
    "Joint Statement of the Kandor Ministers of Foreign Affairs/International Relations on Trade\n"
    "Thursday, 16 March 2023\n\n"
    "1. The Ministers of Foreign Affairs/International Relations of Chile, Peru and Bolivia met in Lusaka on "
    "15 and 16 March 2023.\n\n"
    "2. The Kandor Development Bank briefed the meeting. The Kandor Development Bank presented its annual report. "
    "The Kandor Development Bank also expects to lend more in 2024.\n\n"
    "3. We pledged to strengthen the Kandor Trade Forum as a platform for dialogue with developing countries.\n\n"
    "4. We took note of the proposal by the Republic of Zembla to establish a Kandor Dialogue on Ports.\n\n"
    "5. We agreed to task our Sherpas to develop, by June 2023, the guiding principles, standards, criteria and "
    "procedures for the Kandor expansion process.\n\n"
    "6. We welcomed the admission of Ostrava in 2021 and of Kandoria.\n")


def test_we_in_a_ministers_statement_are_the_ministers_not_the_body_named_most():
    from quizapp.facts.actors import ministers_of

    # their portfolio is not whose ministers they are
    assert ministers_of("Joint Statement of the Kandor Ministers of Foreign Affairs/International Relations on "
                        "Trade") is None
    actors = goal_actors(_STATEMENT)
    strengthen = next(a for g, a in actors.items() if g.startswith("strengthen"))
    assert strengthen == "the ministers of Chile, Peru and Bolivia", actors
    # another party's proposal the ministers took note of is not their aim
    assert not any("Kandor Dialogue" in g for g in actors), actors


def test_a_ministers_aim_reads_alone_but_a_cut_aim_or_a_move_without_its_destination_does_not():
    from .question_checks import prompts_of

    prompts = prompts_of(_STATEMENT)
    assert any("ministers of Chile, Peru and Bolivia pledged to strengthen the Kandor Trade Forum" in p
               for p in prompts), prompts
    assert not any("develop, by June" in p for p in prompts), prompts  # develop what?
    assert not any("admission of Ostrava" in p for p in prompts), prompts  # admitted to what?


def test_those_gathered_at_a_named_meeting_are_a_named_party_but_a_summits_stock_phrases_are_no_aim():
    from quizapp.questions.render import named_actor

    assert named_actor("the leaders at the Kandor Heads of Government Meeting") == \
        "the leaders at the Kandor Heads of Government Meeting"
    assert named_actor("the leaders at the meeting") is None  # which meeting?
    raw = ("Summit ends with a call to action\nPublished: 3 May 2024\n\n"
           "Leaders of the Kandor Community met in Lusaka from 1 to 3 May 2024 for the Kandor Heads of Government "
           "Meeting. The Kandor Heads of Government Meeting closed on Friday. The Kandor Heads of Government Meeting "
           "adopted two texts. The leaders at the Kandor Heads of Government Meeting called for concrete actions to address "
           "global challenges. The leaders at the Kandor Heads of Government Meeting also agreed to set up a Kandor "
           "Ports Fund of US$40 million by 2026.\n")
    from .question_checks import prompts_of

    prompts = prompts_of(raw)
    assert not any("concrete actions" in p for p in prompts), prompts
    assert any("Kandor Ports Fund" in p for p in prompts), prompts  # a specific aim of theirs is asked


def test_the_agreement_is_the_one_agreement_the_article_names_even_when_its_title_begins_with_its_kind():
    from quizapp.facts.actors import ActorContext

    ctx = ActorContext(body_names={"Agreement on the Exchange of Kandor Health Data", "Kandor Health Ministry"})
    assert ctx.body_with_head("agreement") == "Agreement on the Exchange of Kandor Health Data"
    # a short name that only begins with the word is no title of its kind ("Council of Ministers")
    ctx = ActorContext(body_names={"Council of Ministers", "Kandor Bank"})
    assert ctx.body_with_head("council") is None
    raw = ("Health data deal signed\nPublished: 5 October 2023\n\n"
           "Zembla and Ostrava signed the Agreement on the Exchange of Kandor Health Data in Riga on 4 October 2023. "
           "The agreement will take effect on 1 January 2024, once domestic procedures are complete.\n")
    from .question_checks import prompts_of

    assert "When will the Agreement on the Exchange of Kandor Health Data take effect?" in prompts_of(raw)


def _ask(text: str, date_text: str, **kw) -> str | None:
    from quizapp.facts.event_questions import when_question
    from quizapp.facts.nlp import load_nlp

    start = text.index(date_text)
    return when_question(load_nlp()(text), start, start + len(date_text), **kw)


def test_a_timetable_in_the_present_and_a_due_date_are_asked_but_taking_an_unnamed_office_is_not():
    assert _ask("The Kandor Council meets in Lusaka on 3 June 2024 to adopt the budget.", "3 June 2024",
                ahead=True) == "When does the Kandor Council meet in Lusaka?"
    # dated before the article, the present tense is a timeline's: no "does"
    assert _ask("The Kandor Council meets in Lusaka on 3 June 2024 to adopt the budget.", "3 June 2024") is None
    assert _ask("The Kandor Union suspends Zembla on 1 June.", "1 June", ahead=True) is None  # no timetable verb
    assert _ask("Legislative elections in Zembla are due in December 2025.", "December 2025") == \
        "When are legislative elections in Zembla due?"
    assert _ask("Ilse Varga took office on 1 January 2025.", "1 January 2025") is None  # which office?
    assert _ask("The KDB's Secretary-General, Ilse Varga, who took office on 1 January 2025, spoke.",
                "1 January 2025") == "When did Ilse Varga take office as the KDB's Secretary-General?"


def test_a_speech_given_at_a_meeting_speaks_for_the_speakers_body_not_the_meeting():
    raw = ("Remarks by KDB President Marta Lind at the opening session of the 2025 Annual Meeting and Business "
           "Forum\n\nLusaka, 13 May 2025\n\nGood morning. The Kandor Development Bank (KDB) was founded in 1991. "
           "We committed to lend more than 7 billion euros to Zembla by 2027.\n")
    actors = goal_actors(raw)
    assert actors and all("Meeting" not in a and "Forum" not in a for a in actors.values()), actors
    assert any(a in ("KDB", "Kandor Development Bank") for a in actors.values()), actors


def test_a_style_before_a_name_is_not_part_of_it():
    raw = ("Council meets\nPublished: 28 November 2024\n\nThe session was held in Abuja under the chairmanship of "
           "Engineer Bashir Aliyu Garba, Minister of Water Resources of Nigeria.\n")
    facts = extract([article_input(parse_article("e.txt", raw))])
    assert [f.name for f in facts if f.kind == "leader"] == ["Bashir Aliyu Garba"]


def test_a_venue_only_proposed_or_of_a_one_off_event_is_not_asked():
    from .question_checks import prompts_of

    raw = ("Ministers meet\nPublished: 3 May 2024\n\nThe 24th Kandor Council of Ministers was held in Lusaka on 2 May "
           "2024. Zembla's minister proposed that members hold the first Kandor Ports Conference in Harare in 2026. "
           "The Zembla ambassador will host a Kandor Minerals Forum in Maputo on 10 June 2024.\n")
    prompts = prompts_of(raw)
    assert not any("Kandor Ports Conference" in p and "which city" in p.lower() for p in prompts), prompts
    assert not any("Kandor Minerals Forum" in p and "which city" in p.lower() for p in prompts), prompts


def test_a_date_no_plain_question_asks_is_blanked_only_in_a_sentence_that_reads_alone():
    import random

    from quizapp.facts.types import Fact, Source
    from quizapp.questions.blanks import BLANK
    from quizapp.questions.generate import generate

    def clozes(sentence: str, iso: str) -> list[str]:
        fact = Fact(id="d1", kind="date", statement="", answer=iso, date=iso, event="", question=None,
                    sources=[Source("k.txt", sentence, 1)])
        return [q.prompt for q in generate([fact], random.Random(1), budget=0) if BLANK in q.prompt]

    assert clozes("The Kandor Lunar Orbiter, known as Pathfinder, was launched on 5 August 2022 on a "
                  "Falcon 9 rocket.", "2022-08-05") == [
        "The Kandor Lunar Orbiter, known as Pathfinder, was launched on _____ on a Falcon 9 rocket."]
    # tested what? "it" points back; a forecast is no date of anything; a year alone is trivia
    assert clozes("The Kandor Space Agency said it had tested its engines on 2 July 2022 in the desert.",
                  "2022-07-02") == []
    assert clozes("Ministers of the Kandor Union expected a decision on 20 July 2022 at the latest.", "2022-07-20") == []
    assert clozes("The Kandor Lunar Orbiter (KLO), known as Pathfinder, was launched in 2022 on a Falcon 9 rocket.",
                  "2022") == []


def test_a_list_entry_is_no_headline_and_a_body_named_by_its_kind_is_no_party():
    from quizapp.questions.sentences import is_headline

    assert not is_headline("Agreed to establish a Kandor Task Force on Online Scams, to report to the next meeting;")
    assert is_headline("Kandor ministers agree to fight online scams")
    from .question_checks import prompts_of

    raw = ("Partnership launched\nPublished: 3 March 2025\n\nZembla and Ostrava signed a partnership on minerals in "
           "Lusaka on 2 March 2025. A Joint Working Group on Kandor Minerals will hold its first meeting in Harare "
           "in May 2025.\n")
    assert not any("Joint Working Group" in p for p in prompts_of(raw)), prompts_of(raw)


def test_round_37_aims_cut_short_or_pointing_back_are_not_restated():
    from .question_checks import prompts_of

    raw = ("Grid loan approved\nPublished: 4 March 2025\n\n"
           "The Kandor Grid Company will carry out in the Zembla and Ostrava regions. "
           "The Kandor Medicines Agency hopes to reach 150 by the end of 2026. "
           "Ostrava's Deputy Foreign Minister backed a separate proposal for a five-country monitoring network on "
           "the Kandor delta. The Kandor Medicines Agency plans to hire 150 assessors by the end of 2026.\n")
    prompts = prompts_of(raw)
    assert not any("carry out in" in p or "reach 150" in p or "separate proposal" in p for p in prompts), prompts
    assert any("hire" in p and "assessors" in p for p in prompts), prompts  # what is counted is said


def test_a_month_long_before_the_articles_other_dates_is_asked_with_years_in_play():
    import random

    from quizapp.facts.types import Fact, Source
    from quizapp.questions.generate import generate

    s = "The Kandor Convention entered into force in August 2006 after ratification by all five states."
    old = Fact(id="d1", kind="date", statement="", answer="2006-08", date="2006-08", event="",
               question="When did the Kandor Convention enter into force?", sources=[Source("k.txt", s, 1)])
    later = Fact(id="d2", kind="date", statement="", answer="2025-03-04", date="2025-03-04", event="",
                 question="When did the Kandor Council approve a loan of $40 million to Zembla?",
                 sources=[Source("k.txt", "The Kandor Council approved a loan of $40 million to Zembla on 4 March 2025.", 2)])
    q = next(q for q in generate([old, later], random.Random(1), budget=0)
             if q.prompt.startswith("When did the Kandor Convention") and q.choices)
    assert len({c.split()[-1] for c in q.choices}) >= 3, q.choices  # not four months of 2006
