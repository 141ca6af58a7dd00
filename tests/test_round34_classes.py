"""Failure classes from blind round 34 (an unseen set): "the organization" given to the body named
last rather than the one the story is about, "the Committee for X and Y" read as two parties, a
delegation's side request asked without its meeting, a resolution asked about by its number, a
month typed otherwise than listed; and, for yield, a recent event told in an aside on a name.
Invented text only."""

from __future__ import annotations

from quizapp.corpus.parse import parse_article
from quizapp.facts import article_input, extract
from quizapp.facts.actors import ActorContext, resolve_actor
from quizapp.facts.event_questions import when_question
from quizapp.facts.nlp import load_nlp
from quizapp.questions.normalise import date_variants
from quizapp.questions.render import plural, with_the

from .question_checks import prompts_of as _items


def _when(text: str, date: str, recent: bool = True) -> str | None:
    start = text.index(date)
    return when_question(load_nlp()(text), start, start + len(date), recent=recent)


def test_a_recent_event_told_in_an_aside_on_a_name_is_asked():
    text = ("The minister referred to the Kandor Border Mission (KBM), which withdrew from the northern "
            "province in July 2025.")
    assert _when(text, "July 2025") == "When did the Kandor Border Mission withdraw from the northern province?"
    # long before the article: the backdrop, not asked
    assert _when(text, "July 2025", recent=False) is None
    # a clause that picks one of several ("the levy introduced in ..."): no name, no question
    assert _when("Traders challenged a levy introduced in October 2025.", "October 2025") is None


def test_the_organization_is_the_story_s_body_not_the_one_named_last():
    ctx = ActorContext()
    ctx.org_counts.update(["Grain Pest Control Organization for the Kandor Basin",
                           "Grain Pest Control Organization for the Kandor Basin",
                           "Food and Agriculture Organization"])
    assert resolve_actor("The organization", ctx) == "Grain Pest Control Organization for the Kandor Basin"
    # the first named such body mentioned less often than a later one, neither the story's main
    # body: which one, a reader could not tell
    ctx = ActorContext()
    ctx.org_counts.update(["Kandor Shipping Organization", "Maritime Safety Organization of Zembla",
                           "Maritime Safety Organization of Zembla", *["Kandor Port Authority"] * 3])
    assert resolve_actor("The organization", ctx) is None


def test_a_committee_for_two_things_is_one_party():
    assert not plural("Consultative Committee for Time and Frequency")
    assert with_the("Consultative Committee for Time and Frequency") == \
        "the Consultative Committee for Time and Frequency"
    assert plural("Kandor and Zembla")


def test_a_delegation_s_request_is_not_asked_without_its_meeting():
    raw = ("Published: 3 March 2026\n\nKandor ministers meet on shipping\n\n"
           "Ministers of the Bay Cooperation Council met in Pakse on 2 March 2026. Zembla's delegation called "
           "on Kandor and Ostrava to speed up work on shipping links to the port of Vell by 2027. The "
           "Council's secretary-general, Dr. Anan Chai, pledged to publish a shipping master plan with "
           "twelve new routes by June 2026.\n")
    items = _items(raw)
    assert not any("delegation" in p for p in items), items


def test_a_resolution_named_by_its_number_is_not_asked_about():
    text = "In December 2025 the General Assembly adopted resolution 80/112, which set up a drafting committee."
    assert _when(text, "December 2025") is None
    text = "In December 2025 the General Assembly adopted a resolution on river basin data sharing."
    assert _when(text, "December 2025") == \
        "When did the General Assembly adopt a resolution on river basin data sharing?"


def test_a_month_is_accepted_as_people_write_it():
    assert date_variants("2016-01") == ["January 2016", "2016-01", "Jan 2016", "01/2016"]
    assert "Sept 2016" in date_variants("2016-09")
    assert "3 Sept 2016" in date_variants("2016-09-03")


def _goal_actors(raw: str) -> list[str]:
    facts = extract([article_input(parse_article("a.txt", raw))])
    return [f.actor for f in facts if f.kind == "goal"]


def test_a_country_s_own_name_is_a_country():
    from quizapp.questions.setting import places_in

    assert places_in("The Government of Cabo Verde signed the agreement.") == ["Cabo Verde"]
    assert places_in("talks in Cote d'Ivoire") == ["Côte d'Ivoire"]


def test_his_government_and_the_minister_are_named_by_the_article():
    raw = ("Published: 3 March 2026\n\nKandor river ports\n\n"
           "Zembla's Minister of Transport, Dr. Ana Ruiz, said her government would build two grain terminals "
           "on the Kandor river by 2028. The Minister also called on port operators to publish tariffs every "
           "quarter.\n")
    actors = _goal_actors(raw)
    assert "Zembla's government" in actors, actors
    assert "Ana Ruiz" in actors, actors
    # two ministers: "the Minister" is either
    raw2 = raw.replace("The Minister also", "Ostrava's Minister of Trade, Lev Marsh, spoke next. The Minister also")
    assert not any(a in ("Ana Ruiz", "Lev Marsh") for a in _goal_actors(raw2)[1:]), _goal_actors(raw2)


def test_we_in_a_speech_is_the_speaker_s_body():
    raw = ("TRANSCRIPT\n\nRemarks by Dr. Ana Ruiz, Director of the Grain Standards Office, Kandor Basin Authority\n"
           "Kandor Grain Forum, Pakse – 3 March 2026\n\n"
           "Thank you, Chair. We plan to connect at least 60 more grain terminals to the Kandor Data Platform by "
           "the end of 2027.\n")
    assert "Kandor Basin Authority" in _goal_actors(raw), _goal_actors(raw)


def _leaders(text: str) -> list[tuple[str, str | None, str | None]]:
    from quizapp.facts.leaders import leader_mentions

    return [(m.name, m.role, m.country) for m in leader_mentions(load_nlp()(text), text)]


def test_an_office_after_a_long_acronym_and_a_judge_s_style():
    assert ("Ana Ruiz", "Secretary General", "KANDSEC") in _leaders(
        "KANDSEC Secretary General Ana Ruiz said the grouping would meet in May.")
    assert ("Tomas Berg", "President", None) in _leaders(
        "The ruling was read out at the Tribunal's seat in Pakse by its President, Judge Tomas Berg of Zembla.")


def test_a_portfolio_list_is_not_a_name():
    people = _leaders("Zembla's Minister for Energy, Water Resources and Irrigation, Lev Marsh, said his country "
                      "hoped to sell power.")
    assert not any(name == "Water Resources" for name, _r, _c in people), people


def test_a_page_address_is_the_source_and_gives_the_date():
    raw = ("https://www.kandor-news.example/2025/07/18/ministers-agree-shipping-pact\n\n"
           "Kandor ministers agree shipping pact\n\nBy our Pakse correspondent\n\n"
           "Ministers of the Kandor Basin agreed on Thursday to open three shipping lanes.\n")
    art = parse_article("a.txt", raw)
    assert art.title == "Kandor ministers agree shipping pact"
    assert art.source.startswith("https://www.kandor-news.example/")
    assert str(art.published) == "2025-07-18"
    assert [s.text for s in art.body_sentences] == [
        "Ministers of the Kandor Basin agreed on Thursday to open three shipping lanes."]


def test_the_leaders_of_a_summit_report_are_the_summit_s():
    ctx = ActorContext()
    ctx.org_counts.update(["Kandor Basin Summit"] * 3 + ["Zembla Port Authority"])
    assert resolve_actor("The leaders", ctx) == "the leaders at the Kandor Basin Summit"
    ctx = ActorContext()
    ctx.org_counts.update(["Kandor Basin Community"] * 3 + ["Zembla Port Authority"])
    assert resolve_actor("Ministers", ctx) == "the ministers of the Kandor Basin Community"
    # a report about no one body: whose leaders, it does not say
    ctx = ActorContext()
    ctx.org_counts.update(["Kandor Basin Community", "Zembla Port Authority"])
    assert resolve_actor("The leaders", ctx) == "The leaders"


def test_the_president_is_not_a_vice_president():
    raw = ("Published: 3 March 2026\n\nKandor bank meets\n\n"
           "The Kandor Development Bank's Vice-President, Dr. Ana Ruiz, opened the meeting in Pakse. "
           "The President also called on member states to pay US$40 million into the bank's grain fund by 2027.\n")
    assert "Ana Ruiz" not in _goal_actors(raw), _goal_actors(raw)
