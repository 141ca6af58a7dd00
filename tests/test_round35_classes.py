"""Failure classes from blind round 35 (an unseen set): "governments" at large read as the countries
listed before, a body's founding year asked from an opinion piece or an "About us" paragraph, "the
club" left unnamed in a stem, a person's part at a body's next meeting asked as news, and a
timeline's text named in common words ("the Transport Protocol").
Invented text only."""

from __future__ import annotations

from quizapp.facts.actors import ActorContext, resolve_actor
from quizapp.facts.event_questions import when_question
from quizapp.facts.nlp import load_nlp
from quizapp.facts.timeline_questions import timeline_question

from .question_checks import prompts_of as _items


def test_governments_at_large_are_not_the_countries_listed():
    ctx = ActorContext()
    ctx.country_lists = [("Zembla", "Ostrava")]
    assert resolve_actor("governments", ctx) == "governments"
    assert resolve_actor("the two governments", ctx) == "Zembla and Ostrava"


def test_a_founding_long_before_the_article_is_not_asked_unless_it_is_the_news():
    raw = ("Published: 3 March 2025\n\nReef money is not reaching the water\n\n"
           "The Kandor Reef Initiative was founded in 1994 by eight governments and has produced declaration "
           "after declaration. The Kandor Reef Fund raised US$40 million on 2 March 2025 for ranger "
           "programmes in Zembla.\n")
    items = _items(raw)
    assert not any("founded" in p for p in items), items
    anniversary = raw.replace("has produced declaration after declaration",
                              "marks its 30th anniversary this week")
    assert any("founded" in p for p in _items(anniversary)), _items(anniversary)


def test_an_object_the_sentence_leaves_unnamed_is_not_asked_about():
    text = "The Kandor Football Union's licensing committee excluded the club on 8 August 2025."
    start = text.index("8 August 2025")
    assert when_question(load_nlp()(text), start, start + len("8 August 2025")) is None
    text = "The Kandor Football Union's licensing committee excluded Kandor United on 8 August 2025."
    start = text.index("8 August 2025")
    assert when_question(load_nlp()(text), start, start + len("8 August 2025")) == \
        "When did the Kandor Football Union's licensing committee exclude Kandor United?"


def test_a_part_at_a_body_s_next_meeting_is_not_news():
    raw = ("Published: 3 March 2025\n\nKandor council meets in Pakse\n\n"
           "Foreign ministers of the Kandor Basin Council met in Pakse on Monday and agreed to keep regional "
           "cooperation running. Zembla's Foreign Minister, Lev Marsh, chaired the session. Ostrava's Foreign "
           "Minister, Ida Berg, handed the chair to Vell's Foreign Minister, Tomas Lind. The secretariat's head, "
           "Dr. Ana Ruiz, will present a plan for a Kandor youth mobility scheme at the next senior officials "
           "meeting, set for February in Vell.\n")
    assert not any(p.startswith("Who will present") for p in _items(raw)), _items(raw)


def test_a_timeline_text_named_in_common_words_is_not_asked_about():
    line = "- 31 October 2000: The Transport Protocol is adopted in Lucerne."
    start = line.index("31 October 2000")
    args = (load_nlp(), line, start, start + len("31 October 2000"))
    assert timeline_question(*args, lower_words=frozenset({"transport", "trucks"})) is None
    assert timeline_question(*args) == "When was the Transport Protocol adopted in Lucerne?"


def test_a_meeting_named_after_a_body_names_the_body_too():
    from quizapp.facts.mechanisms import find_mentions

    names = [m.name for m in find_mentions("Before this year's Kandor Islands Forum Leaders Meeting, few agreed.")]
    assert "Kandor Islands Forum" in names and "Kandor Islands Forum Leaders Meeting" in names, names
    # an annual meeting of a body is no meeting of its members by office
    names = [m.name for m in find_mentions("At the Kandor Economic Forum Annual Meeting, few agreed.")]
    assert "Kandor Economic Forum" not in names, names


def test_an_office_named_by_any_portfolio_names_no_one():
    from quizapp.questions.render import named_actor

    # one list of portfolios for names and offices: "Irrigation" was known to the name filter only
    assert named_actor("the federal Irrigation Minister") is None
    assert named_actor("Zembla's Irrigation Minister") == "Zembla's Irrigation Minister"


def test_talks_named_by_their_kind_alone_are_not_dated():
    text = "Informal Kandor Basin discussions began in 2004, and formal negotiations opened in 2018."
    start = text.index("2004")
    assert when_question(load_nlp()(text), start, start + 4) is None
    text = "The Kandor Basin discussions on river data began in 2004."
    start = text.index("2004")
    assert when_question(load_nlp()(text), start, start + 4) == \
        "When did the Kandor Basin discussions on river data begin?"


def test_a_place_named_before_is_not_left_unnamed_in_an_aim():
    from quizapp.questions.sentences import stands_alone

    assert not stands_alone("Zembla's health minister resolved to treat the lake as one epidemiological zone.")
    assert stands_alone("Zembla's health minister resolved to treat Lake Kandor as one epidemiological zone.")


def test_who_did_something_to_an_unnamed_thing_is_not_asked():
    # (round 36A, an unseen set measured after round 35's fixes)
    from quizapp.facts.who_questions import who_question

    text = "Prime Minister Lev Marsh cut the ribbon alongside Zemblan and Ostravan officials."
    start = text.index("Lev Marsh")
    assert who_question(load_nlp()(text), start, start + len("Lev Marsh")) is None
    text = "Prime Minister Lev Marsh opened the Kandor Grain Exchange alongside Zemblan officials."
    assert who_question(load_nlp()(text), start, start + len("Lev Marsh")) == \
        "Who opened the Kandor Grain Exchange alongside Zemblan officials?"


def test_a_quote_s_speaker_is_not_blanked():
    # (round 36A) who said a sentence is trivia; who did the act the sentence reports is not
    from quizapp.questions.items.people import _SAYS_AFTER

    assert _SAYS_AFTER.match(", head of grid planning at Kandor Power, said the new link would help.")
    assert _SAYS_AFTER.match(" told reporters the link would help.")
    assert not _SAYS_AFTER.match(", the Minister of Agriculture, signed the plan for Zembla.")
    assert not _SAYS_AFTER.match(" will be the next chief of the Kandor Basin Commission.")
