"""Stems that read as English on their own: failure classes a blind review named, each fixed by a
general rule and checked here on invented sentences."""

from __future__ import annotations

from quizapp.corpus.parse import parse_article
from quizapp.facts import article_input
from quizapp.questions.goal_views import _HEDGED, _goal_ok
from quizapp.questions.items.dates import _LOGISTICS
from quizapp.questions.render import with_the
from quizapp.questions.story import _has_determiner


def test_a_quantifier_is_a_determiner_so_no_the_is_added_after_it():
    assert _has_determiner("When will every")  # never "every the Danube Rowing Union (DRU) event"
    assert _has_determiner("Does each")
    assert not _has_determiner("When did")


def test_a_mission_or_an_authority_gets_its_article():
    assert with_the("National Literacy Mission") == "the National Literacy Mission"
    assert with_the("Zambezi River Authority") == "the Zambezi River Authority"
    assert with_the("Interpol") == "Interpol"


def test_a_goal_that_points_back_or_is_only_reported_is_no_goal_to_state():
    assert not _goal_ok("cut that waiting time to 12 months", set(), "vp")
    assert _goal_ok("ensure that all children attend school by 2030", set(), "vp")
    assert _HEDGED.search("said that Oslo would propose ")  # "Oslo proposed ..." would be false
    assert not _HEDGED.search("said that Oslo will propose ")


def test_publishing_a_paper_is_housekeeping_whichever_comes_first():
    assert _LOGISTICS.search("an evaluation by the University of Tartu published")
    assert _LOGISTICS.search("the ministry will publish its annual report")
    assert not _LOGISTICS.search("the two countries signed the treaty")


def test_where_an_office_was_given_is_no_part_of_it():
    from quizapp.facts.extract import extract_raw

    text = ("Rowing union elects a president\n\nIvo Danov, a Bulgarian coach, was elected President of the "
            "Danube Rowing Union (DRU) at its congress in Vidin on 22 June 2024. He promised new boats.")
    people = {f.name: (f.role, f.country) for f in extract_raw([article_input(parse_article("t.txt", text))])["t.txt"]
              if f.kind == "leader"}
    role, country = people["Ivo Danov"]
    assert "congress" not in (role or "") and "congress" not in (country or "")
    assert "Danube Rowing Union" in f"{role} {country}"


def test_the_consortium_is_the_one_consortium_the_article_names():
    from quizapp.facts.actors import ActorContext, resolve_actor

    ctx = ActorContext()
    ctx.org_counts["Southern Sky Telescope Consortium"] = 2
    ctx.org_counts["Ministry of Science"] = 1
    assert resolve_actor("the consortium", ctx) == "Southern Sky Telescope Consortium"
