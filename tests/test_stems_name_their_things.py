"""Stems that name what they are about (blind round 21B): a body's name without a possessive
left on it, one body with "and" in its name read as one, a generic title named in full or not
asked, no "that point" or "a joint network" a reader cannot place, and a quoted "we" not given
to the body that issued the release."""

from __future__ import annotations

import random

from quizapp.corpus.parse import parse_article
from quizapp.facts import article_input, extract
from quizapp.facts.event_questions import when_question
from quizapp.facts.nlp import load_nlp
from quizapp.facts.types import Fact, Source
from quizapp.facts.who_questions import who_question
from quizapp.questions import generate
from quizapp.questions.render import plural, with_the

ART = "pepper.txt"


def test_a_bodys_name_before_its_bracketed_letters_loses_the_possessive():
    text = ("Pepper prices rose.\n\nThe promise was made at the International Pepper Community's (IPC) annual "
            "session in Kuching last month, officials said.\n")
    names = {f.name for f in extract([article_input(parse_article(ART, text))]) if f.kind == "mechanism"}
    assert "International Pepper Community" in names and not any(n.endswith("'s") for n in names)


def test_one_body_with_and_in_its_name_is_one_party():
    assert not plural("Cambodian Agricultural Research and Development Institute")
    assert with_the("Cambodian Agricultural Research and Development Institute").startswith("the ")
    assert not plural("Bosnia and Herzegovina")
    assert plural("the African Union and the European Commission") and plural("Kenya and Uganda")
    assert with_the("Indian Ocean Apparel Circularity Summit") == "the Indian Ocean Apparel Circularity Summit"


def _body(fid, name, sentence, idx):
    return Fact(id=fid, kind="mechanism", statement="", answer=name, name=name, subtype="organisation",
                sources=[Source(ART, sentence, idx)])


def test_a_generic_title_is_named_in_full_as_the_article_names_it_or_not_asked():
    lead = "The Baltic Sea Regional Action Plan against Trafficking was drafted in Riga."
    did = "Jonas Lindqvist presented the final draft of the Action Plan."
    person = Fact(id="p", kind="leader", statement="", answer="Jonas Lindqvist", name="Jonas Lindqvist",
                  role="Senior Adviser", country="Sweden", question="Who presented the final draft of the Action Plan?",
                  confidence=0.9, sources=[Source(ART, did, 2)])
    plan = _body("m", "Baltic Sea Regional Action Plan against Trafficking", lead, 1)
    prompts = {q.prompt for q in generate([person, plan], random.Random(1), budget=0)}
    assert "Who presented the final draft of the Baltic Sea Regional Action Plan against Trafficking?" in prompts
    alone = {q.prompt for q in generate([person], random.Random(1), budget=0)}
    assert not [p for p in alone if "Action Plan" in p]  # which plan, the article named none: not asked


def test_no_who_of_that_point_and_no_when_of_a_thing_nobody_named():
    nlp = load_nlp()
    said = "Maria Lopez raised exactly that point in Lima."
    assert who_question(nlp(said), 0, len("Maria Lopez")) is None
    vague = "The Democratic Republic of the Congo and the Republic of the Congo launched a joint network in 2024."
    assert when_question(nlp(vague), vague.index("2024"), vague.index("2024") + 4) is None
    named = "The Democratic Republic of the Congo and Angola launched the Kwango River Network in 2024."
    assert when_question(nlp(named), named.index("2024"), named.index("2024") + 4) is not None
    proposed = "An East African Fertiliser Procurement Facility will buy fertiliser in bulk from 2026."
    assert when_question(nlp(proposed), proposed.index("2026"), proposed.index("2026") + 4) is None


def test_a_quoted_we_is_not_the_body_that_issued_the_release():
    text = ("CARDI and Senegal sign rice research accord\n\n"
            "The Cambodian Agricultural Research and Development Institute (CARDI) signed an accord with Senegal. "
            "CARDI will train 40 Senegalese researchers.\n\n"
            "Mr. Ibrahima Fall thanked the Royal Government of Cambodia for its hospitality and noted that Senegal "
            "imports more than one million tonnes of rice every year. \"Every tonne we grow at home is a tonne we do "
            "not have to buy abroad. We want Cambodian knowledge in our fields as soon as possible,\" he said.\n")
    goals = [f for f in extract([article_input(parse_article("rice.txt", text))]) if f.kind == "goal"]
    quoted = [f for f in goals if "cambodian knowledge" in (f.goal or "").lower()]
    assert quoted and all(f.actor.lower() == "we" for f in quoted)  # kept, unnamed: asked of nobody


def test_a_figure_its_breakdown_adds_up_to_is_neither_blanked_nor_changed():
    import random as rnd

    from quizapp.questions.items.figures import _sum_of_others, change_a_figure

    goal = "test a digital product passport with 40 factories - 15 in Bangladesh, 15 in Cambodia and 10 in Sri Lanka"
    assert _sum_of_others(goal, goal.index("40"), goal.index("40") + 2)
    assert change_a_figure(goal, set(), rnd.Random(1)) is None  # a changed part would no longer add up
    assert change_a_figure("double the development fund to US$4 million a year", set(), rnd.Random(1)) is not None


def test_options_and_pairs_of_a_hard_wrapped_article_are_on_one_line():
    people = [Fact(id=f"p{i}", kind="leader", statement="", answer=n, name=n, role=r, country="Lake Union",
                   subtype="official", confidence=0.9,
                   sources=[Source(ART, f"{n}, {r} of the Lake Union, spoke in Kisumu.", i)])
              for i, (n, r) in enumerate([("Ana Ruiz", "Deputy Secretary\nGeneral"), ("Ivo Maric", "Director of\nFisheries"),
                                          ("Lea Morel", "Head of\nFinance")], start=1)]
    lake = _body("m", "Lake Union", "The Lake Union met in Kisumu on 3 May 2025.", 0)
    pub = Fact(id="pub", kind="date", statement="", answer="2025-05-04", date="2025-05-04", subtype="publication",
               sources=[Source(ART, "4 May 2025", None)])
    for q in generate([*people, lake, pub], random.Random(1), budget=0):
        assert "\n" not in q.answer and all("\n" not in x for p in q.pairs for x in p)
        assert all("\n" not in c for c in q.choices)


def test_no_who_of_an_act_done_with_another_and_a_deadline_alone_makes_no_aim_specific():
    nlp = load_nlp()
    met = "President Ana Ruiz met in Tumbes for a bilateral summit on Friday."
    assert who_question(nlp(met), met.index("Ana"), met.index("Ana") + len("Ana Ruiz")) is None
    signed = "Minister Ana Ruiz signed the Lima memorandum of understanding on seed exchange."
    assert who_question(nlp(signed), signed.index("Ana"), signed.index("Ana") + len("Ana Ruiz")) is None
    # the other party named, one answer is left
    met_her = "Ghana's President Kwame Mensah met Togo's Prime Minister Victoire Dogbe in Accra."
    assert who_question(nlp(met_her), met_her.index("Kwame"), met_her.index("Kwame") + len("Kwame Mensah"))
    opened = "Minister Ana Ruiz opened the Tumbes border market with 40 new stalls."
    assert who_question(nlp(opened), opened.index("Ana"), opened.index("Ana") + len("Ana Ruiz")) is not None

    def statements(goal, sentence):
        fact = Fact(id="g", kind="goal", statement="", answer="", actor="Kyrgyzstan", subtype="will", goal=goal,
                    sources=[Source(ART, sentence, 3)])
        return [q for q in generate([fact], random.Random(1), budget=0) if q.type == "true_false"]

    assert not statements("draft legislation by June 2025", "Kyrgyzstan will draft legislation by June 2025.")
    assert statements("give every rural clinic a solar cold-store by June 2025",
                      "Kyrgyzstan will give every rural clinic a solar cold-store by June 2025.")
    assert with_the("Kavango-Zambezi Transfrontier Conservation Area") == \
        "the Kavango-Zambezi Transfrontier Conservation Area"


def test_a_thing_told_by_what_it_is_on_is_named_enough_for_a_when():
    nlp = load_nlp()
    told = "Finance ministers from seven Pacific Island countries adopted a new agreement on public procurement in 2024."
    assert when_question(nlp(told), told.index("2024"), told.index("2024") + 4) is not None
