"""The templates switched off in the product (blind reviews accepted too few of them) still
work when switched on: a change that breaks them shows here, before anyone switches one back."""

from __future__ import annotations

import random

import pytest

from quizapp.facts.types import Fact, Source
from quizapp.questions import generate
from quizapp.questions.blanks import BLANK

ART = "summit.txt"
AIMS = [
    ("g1", "Spain", "plant 40,000 hectares of native forest in Andalusia by 2030"),
    ("g2", "France", "build three desalination plants by 2028"),
    ("g3", "Italy", "protect the wetlands of the Po delta by 2027"),
]


def _facts():
    facts = [Fact(id=fid, kind="goal", statement="", subtype="pledge", actor=actor, goal=goal, answer=goal,
                  sources=[Source(ART, f"At the Mediterranean Climate Summit in Rome, {actor} pledged to {goal}.", i + 1)])
             for i, (fid, actor, goal) in enumerate(AIMS)]
    facts += [Fact(id=f"p{i}", kind="leader", statement="", answer=name, name=name, role="Minister of Environment",
                   country=country, subtype="minister", confidence=0.9,
                   sources=[Source(ART, f"{country}'s Minister of Environment, {name}, attended the summit.", 10 + i)])
              for i, (name, country) in enumerate([("Rosa Vidal", "Spain"), ("Anne Morel", "France"),
                                                   ("Luca Neri", "Italy"), ("Eva Kraus", "Germany")])]
    facts.append(Fact(id="g4", kind="goal", statement="", subtype="pledge", actor="Germany",
                      goal="hold free, fair, transparent and peaceful elections in 2025",
                      answer="hold free, fair, transparent and peaceful elections in 2025",
                      sources=[Source(ART, "Germany pledged to hold free, fair, transparent and peaceful "
                                           "elections in 2025.", 5)]))
    return facts


def _items():
    return [q for seed in range(8) for q in generate(_facts(), random.Random(seed), budget=0)]


@pytest.fixture
def switch(monkeypatch):
    def on(name):
        monkeypatch.setattr(f"quizapp.questions.items.goals.{name}", True)
    return on


def test_asking_for_an_aim_offers_other_parties_aims(switch):
    switch("ASK_FOR_AIMS")
    mcs = [q for q in _items() if q.fact_ids == ["g1"] and q.type == "multiple_choice" and "figure" not in q.prompt]
    assert mcs
    for q in mcs:
        assert "Spain" in q.prompt and q.answer in q.choices and len(set(q.choices)) == 4
        assert any(goal in q.choices for _fid, _actor, goal in AIMS[1:])  # foils: what the others pledged


def test_asking_who_aimed_offers_other_parties(switch):
    switch("ASK_WHO_AIMED")
    whos = [q for q in _items() if q.fact_ids == ["g2"] and q.answer == "France" and q.type == "multiple_choice"]
    assert whos and all("France" not in q.prompt for q in whos)
    assert all(set(q.choices) >= {"France"} and len(q.choices) >= 3 for q in whos if q.type == "multiple_choice")


def test_an_aim_blanked_in_its_sentence(switch):
    switch("CLOZE_FOR_AIMS")
    clozes = [q for q in _items() if q.type == "cloze" and q.fact_kind == "goal"]
    assert clozes and all(BLANK in q.prompt for q in clozes)


def test_one_item_of_a_list_blanked(switch):
    switch("ASK_FOR_LIST_ITEMS")
    lists = [q for q in _items() if q.fact_ids == ["g4"] and q.type == "multiple_choice" and BLANK in q.prompt
             and "figure" not in q.prompt]
    assert lists and all(q.answer in ("free", "fair", "transparent", "peaceful") for q in lists)


def test_all_four_are_off_in_the_product():
    from quizapp.questions.items import goals

    assert not (goals.ASK_FOR_AIMS or goals.ASK_WHO_AIMED or goals.CLOZE_FOR_AIMS or goals.ASK_FOR_LIST_ITEMS)
    items = _items()
    assert not [q for q in items if q.type == "cloze" and q.fact_kind == "goal"]


def test_typed_which_organisation_did_it(monkeypatch):
    monkeypatch.setattr("quizapp.questions.items.people.TYPED_BODY_DID", True)
    monkeypatch.setattr("quizapp.questions.items.people.MECHANISM_DID", True)
    s = "The Andean Rowing Confederation elected Marta Quispe of Peru as its first woman president in Cusco."
    body = Fact(id="m1", kind="mechanism", statement="", answer="Andean Rowing Confederation",
                name="Andean Rowing Confederation", aliases=["ARC"], subtype="organisation", confidence=0.9,
                question="Who elected Marta Quispe of Peru as its first woman president in Cusco?",
                sources=[Source(ART, s, 2)])
    typed = [q for q in generate([body], random.Random(1), budget=0) if q.type == "short_answer"]
    assert typed and all(q.prompt.startswith("Which organisation elected Marta Quispe") for q in typed)
    assert all("Andean Rowing Confederation" in q.accepted_answers for q in typed)
    monkeypatch.setattr("quizapp.questions.items.people.TYPED_BODY_DID", False)
    assert not [q for q in generate([body], random.Random(1), budget=0) if q.type == "short_answer"]
    # off by default: blind raters passed 0 of 3 "Which organisation ...?" items (rounds 75-121)
    monkeypatch.setattr("quizapp.questions.items.people.TYPED_BODY_DID", True)
    monkeypatch.setattr("quizapp.questions.items.people.MECHANISM_DID", False)
    assert not [q for q in generate([body], random.Random(1), budget=0) if q.prompt.startswith("Which organisation")]


def test_a_name_blanked_in_its_sentence_only_where_it_says_who_chaired(monkeypatch):
    s1 = "Zemblan police official Aurelio Brandt Vasconi will be the next chief of Kandorpol from January 2025."
    s2 = ("The Kandorpol General Assembly, held in Lorvia on 4-7 November 2024, was chaired by Zemblan police "
          "official Aurelio Brandt Vasconi.")
    leader = Fact(id="l1", kind="leader", statement="", answer="Aurelio Brandt Vasconi", name="Aurelio Brandt Vasconi",
                  role="police official", country="Zembla", confidence=0.9,
                  sources=[Source(ART, s1, 1), Source(ART, s2, 3), Source(ART, "Brandt Vasconi thanked them.", 4)])
    cloze = lambda: [q.prompt for q in generate([leader], random.Random(1), budget=0) if q.type == "cloze"]  # noqa: E731
    monkeypatch.setattr("quizapp.questions.items.people.LEADER_CLOZE", True)
    assert any(p.startswith("Zemblan police official _____ will be") for p in cloze()), cloze()
    # off by default: blind raters passed 1 of 8 such items (rounds 75-121); the chair's sentence stays
    monkeypatch.setattr("quizapp.questions.items.people.LEADER_CLOZE", False)
    assert not any(p.startswith("Zemblan police official _____ will be") for p in cloze()), cloze()
