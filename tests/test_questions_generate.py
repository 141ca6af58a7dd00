"""Question generation over a hand-built fact store (no extractor, no database).

The store deliberately contains traps: two Chinese foreign-ministry people, two foreign ministers,
a mechanism with an acronym alias, events that share a year, so distractor and true/false rules are
exercised where they can go wrong.
"""

from __future__ import annotations

import json
import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.facts.types import Fact
from quizapp.questions import QUESTION_TYPES, Question, generate, grade, question_to_json
from quizapp.questions.generate import ORDER_PROMPT
from quizapp.questions.normalise import compatible, iso_parts, normalise, parse_date, parts_to_iso

from .question_checks import swapped_date
from .question_store import ART, PUBLISHED, dated, goal, leader, mechanism


def _asks_who(prompt: str) -> bool:
    """"Who is ...?", also anchored to the article ("According to the article, who is ...?")."""
    return bool(re.match(r"^(?:According to the article, )?[Ww]ho (?:is|was)\b", prompt))


FACTS: list[Fact] = [
    leader("L1", "Wang Yi", "Foreign Minister", "China", "foreign_minister",
           "Chinese State Councilor and Foreign Minister Wang Yi held a phone call with his Russian counterpart."),
    leader("L2", "Sergey Lavrov", "Foreign Minister", "Russia", "foreign_minister",
           "Russian Foreign Minister Sergey Lavrov said Moscow is ready to work with the Taliban.",
           aliases=["Sergei Lavrov"]),
    leader("L3", "Shah Mahmood Qureshi", "Foreign Minister", "Pakistan", "foreign_minister",
           "Pakistani Foreign Minister Shah Mahmood Qureshi visited Kabul.", question="Who visited Kabul?"),
    leader("L4", "Wang Wenbin", "spokesperson", "Chinese Foreign Ministry", "spokesperson",
           "Chinese Foreign Ministry spokesperson Wang Wenbin told a regular press briefing on Monday."),
    leader("L5", "Vladimir Putin", "President", "Russia", "head_of_state",
           "Russian President Vladimir Putin spoke about the situation in Afghanistan."),
    leader("L6", "Xi Jinping", "President", "China", "head_of_state",
           "Chinese President Xi Jinping addressed the summit via video link."),
    leader("L7", "Ebrahim Raisi", "President", "Iran", "head_of_state",
           "Iranian President Ebrahim Raisi called for a broad-based government."),
    leader("L8", "Zhang Ming", "Secretary-General of the Shanghai Cooperation Organisation",
           "Shanghai Cooperation Organisation", "secretary",
           "The Secretary-General of the Shanghai Cooperation Organisation, Zhang Ming, opened the Dushanbe summit."),
    mechanism("M1", "Shanghai Cooperation Organisation", ["SCO", "Shanghai Cooperation Organization"],
              "organisation",
              "The Shanghai Cooperation Organisation (SCO) will hold its summit in Dushanbe."),
    mechanism("M2", "Collective Security Treaty Organization", ["CSTO"], "organisation",
              "Members of the Collective Security Treaty Organization (CSTO) held drills near the border."),
    mechanism("M3", "Moscow Format", ["Moscow format consultations"], "format",
              "Russia will host a new round of the Moscow Format talks on Afghanistan in October."),
    mechanism("M4", "Belt and Road Initiative", ["BRI"], "initiative",
              "Afghanistan could join the Belt and Road Initiative, analysts said."),
    mechanism("M5", "Conference on Interaction and Confidence-Building Measures in Asia", ["CICA"],
              "organisation", "The Conference on Interaction and Confidence-Building Measures in Asia "
              "(CICA) met in Nur-Sultan."),
    mechanism("M6", "Eurasian Economic Union", ["EAEU"], "organisation",
              "Trade within the Eurasian Economic Union (EAEU) grew last year."),
    dated("D1", "2021-08-16", "Wang Yi and Sergey Lavrov held a phone conversation",
          "Wang Yi and Sergey Lavrov held a phone conversation on Aug. 16, 2021.",
          question="When did Wang Yi and Sergey Lavrov hold a phone conversation?"),
    dated("D2", "2021-08-15", "the Taliban entered Kabul",
          "The Taliban entered Kabul on August 15, 2021, as the government collapsed.",
          question="When did the Taliban enter Kabul?"),
    dated("D3", "2021-08-31", "the last U.S. troops left Afghanistan",
          "The last U.S. troops left Afghanistan on 31 August 2021.", article="2021-09-01-ap.txt",
          question="When did the last U.S. troops leave Afghanistan?"),
    dated("D4", "2021-09-17", "the SCO summit opened in Dushanbe",
          "The SCO summit opened in Dushanbe on Sept. 17, 2021.",
          question="When did the SCO summit open in Dushanbe?"),
    dated("D5", "2021-10-20", "Moscow hosted the Moscow Format meeting",
          "Moscow hosted the Moscow Format meeting on October 20, 2021.",
          question="When did Moscow host the Moscow Format meeting?"),
    dated("D6", "2020-02-29", "the United States and the Taliban signed the Doha agreement",
          "The United States and the Taliban signed the Doha agreement on Feb. 29, 2020.",
          question="When did the United States and the Taliban sign the Doha agreement?"),
    dated("D7", "2021-07", "Taliban delegates visited Tianjin",
          "Taliban delegates visited Tianjin in July 2021, state media reported."),
    goal("G1", "China", "an independent, neutral, united and peaceful Afghanistan",
         ["independent", "neutral", "united", "peaceful"],
         "China hopes to see an independent, neutral, united and peaceful Afghanistan, Wang said."),
    goal("G2", "Russia", "an inclusive government in Kabul", [],
         "Russia called for an inclusive government in Kabul."),
    goal("G3", "Pakistan", "a stable, secure and prosperous Afghanistan",
         ["stable", "secure", "prosperous"],
         "Pakistan wants a stable, secure and prosperous Afghanistan, Qureshi said."),
    PUBLISHED,
]
BY_ID = {f.id: f for f in FACTS}


def _questions(seed: int = 7) -> list[Question]:
    # these synthetic facts sit mostly in one article: no per-article budget, every template shows
    return generate(list(FACTS), random.Random(seed), budget=0)


def test_an_article_yields_a_budget_of_items_best_facts_first(date_sentence_items):
    """A dozen or two items per article: the cap holds, true/false stays a minority, and each
    fact's best item comes before any fact's second one."""
    from quizapp.questions.generate import ARTICLE_BUDGET, TRUE_FALSE_SHARE

    # (a cap below the default, so that the seeds' big article is over it: the rules keep fewer
    # items of it as they grow stricter)
    budget = ARTICLE_BUDGET // 2
    qs = generate(list(FACTS), random.Random(7), budget=budget)
    per_article: dict[str, list[Question]] = {}
    for q in qs:
        per_article.setdefault(q.sources[0]["article"] if isinstance(q.sources[0], dict) else q.sources[0].article,
                               []).append(q)
    uncapped = generate(list(FACTS), random.Random(7), budget=0)
    assert sum(1 for q in uncapped if q.sources[0]["article"] == ART) > budget
    assert len(per_article[ART]) <= budget  # the big article is capped
    for items in per_article.values():
        assert sum(q.type == "true_false" for q in items) <= max(2, int(TRUE_FALSE_SHARE * budget))
    firsts: set[str] = set()
    second_seen = False
    for q in qs:
        key = ",".join(q.fact_ids)
        if key in firsts:
            second_seen = True
        elif second_seen:
            raise AssertionError(f"a fact's first item after another fact's second: {q.prompt}")
        firsts.add(key)


def _accepted_forms(q: Question) -> list[str]:
    return [q.answer, *q.accepted_answers]


def test_every_type_is_produced(date_sentence_items):
    qs = _questions()
    assert {q.type for q in qs} == set(QUESTION_TYPES)


def test_answer_never_in_prompt():
    for seed in range(5):
        for q in _questions(seed):
            if q.type in ("matching", "ordering"):
                continue
            for a in _accepted_forms(q):
                if len(a) >= 4:
                    assert a.lower() not in q.prompt.lower(), (q.prompt, a)
                assert f" {normalise(a)} " not in f" {normalise(q.prompt)} ", (q.prompt, a)


def test_multiple_choice_options():
    qs = [q for q in _questions() if q.type == "multiple_choice"]
    # (no "Who visited Kabul?": a visit is a side detail, session 22; no "When did the SCO summit open
    # in Dushanbe?": the day a meeting sat is its dateline, session 28)
    assert len(qs) >= 5
    for q in qs:
        assert len(q.choices) == 4
        assert len({normalise(c) for c in q.choices}) == 4
        assert sum(normalise(c) == normalise(q.answer) for c in q.choices) == 1
        assert grade(q, q.answer).correct
        for c in q.choices:
            if normalise(c) != normalise(q.answer):
                assert not grade(q, c).correct
                # not an alias of the answer, and not accepted as a typed answer either
                assert normalise(c) not in {normalise(a) for a in q.accepted_answers}
                typed = Question(id="x", type="short_answer", prompt=q.prompt, answer=q.answer,
                                 accepted_answers=q.accepted_answers, fact_kind=q.fact_kind)
                assert not grade(typed, c).correct, (q.prompt, c)


def test_no_true_alternative_among_distractors():
    for seed in range(6):
        for q in _questions(seed):
            if q.type != "multiple_choice":
                continue
            fact = BY_ID[q.fact_ids[0]]
            wrong = [normalise(c) for c in q.choices if normalise(c) != normalise(q.answer)]
            if _asks_who(q.prompt):
                same_role = [f for f in FACTS if f.kind == "leader" and f.role == fact.role
                             and f.country == fact.country]
                for f in same_role:
                    assert normalise(f.name) not in wrong
            if q.prompt.startswith("When did"):
                assert all("2021 08 16" not in w for w in wrong)
            if q.prompt.startswith("What does the acronym"):
                acr = q.prompt.split("acronym ")[1].rstrip("?").split(" stand")[0]
                for f in FACTS:
                    if f.kind == "mechanism" and acr in f.aliases:
                        assert normalise(f.name) not in wrong


def test_distractors_same_subtype_where_possible():
    """Who held China's, Russia's or Pakistan's foreign ministry is a title look-up (rounds 19A to
    20B failed every such item): not asked. A body's office is, its foils the story's people."""
    ministers = {f.id for f in FACTS if f.subtype == "foreign_minister"}
    qs = _questions()
    assert not [q for q in qs if q.fact_ids[0] in ministers and q.prompt.startswith("Who was")]
    asked = [q for q in qs if q.fact_ids == ["L8"] and q.prompt.startswith("Who was")]
    assert asked and all(q.prompt == "Who was the Secretary-General of the Shanghai Cooperation Organisation "
                         "in August 2021?" for q in asked)


def _holds(name: str, prompt: str) -> bool:
    """Does the fact store say that ``name`` has the role claimed in ``prompt``?"""
    for f in FACTS:
        if f.kind == "leader" and f.name == name:
            claim = prompt[len(name) + len(" is "):].rstrip(".")
            if normalise(claim) in {normalise(f"{f.country}'s {f.role}"),
                                   normalise(f"the {f.role} of the {f.country}"),
                                   normalise(f"a {f.role} at the {f.country}")}:
                return True
    return False


def test_true_false_statements(date_sentence_items):
    """True statements say the fact plainly (and are the explanation); false ones change exactly
    the asked value and are checked against every fact in the store."""
    seen_false = 0
    for seed in range(8):
        for q in _questions(seed):
            if q.type != "true_false":
                continue
            assert q.choices == ["True", "False"]
            assert q.answer in ("True", "False")
            assert q.prompt.endswith(".") and q.prompt[0].isupper()
            fact = BY_ID[q.fact_ids[0]]
            if q.answer == "True":
                assert q.explanation == q.prompt
                continue
            seen_false += 1
            assert normalise(q.prompt) != normalise(q.explanation)
            if fact.kind == "leader":
                assert q.prompt.startswith(fact.name)
                assert not _holds(fact.name, q.prompt), q.prompt
            if fact.kind == "date":
                # the article's own sentence with its date swapped for one the event does not have
                assert q.explanation.rstrip(".") == fact.sources[0].sentence.rstrip(".")
                claimed = swapped_date(q.prompt, q.explanation)
                assert claimed is not None, q.prompt
                for other in FACTS:  # the swapped-in date is not this event's date anywhere
                    if other.kind == "date" and other.event == fact.event:
                        assert not compatible(parts_to_iso(claimed), other.date)
            # acronym expansions are not asked (the initials give them away), and no statement is
            # made false by inserting "not"
            assert fact.kind not in ("mechanism", "goal"), q.prompt
            assert not re.search(r" (?:did not|is not|are not|should not) ", q.prompt), q.prompt
    assert seen_false >= 5


def test_ordering_items_sorted_by_date():
    qs = [q for q in _questions() if q.type == "ordering"]
    assert qs
    event_date = {f.event[:1].upper() + f.event[1:]: f.date for f in FACTS if f.kind == "date" and f.event}
    for q in qs:
        # the story named (a bare "Put these events in order" failed blind review as context-free)
        assert q.prompt == ORDER_PROMPT.replace(
            "Put these events", "Put these events from the article on the Shanghai Cooperation Organisation (SCO)")
        assert 3 <= len(q.items) <= 5
        dates = [event_date[i] for i in q.items]
        assert dates == sorted(dates)
        assert len(set(dates)) == len(dates)
        assert grade(q, list(q.items)).correct
        assert not grade(q, list(reversed(q.items))).correct


def test_matching_pairs():
    qs = [q for q in _questions() if q.type == "matching"]
    assert qs
    kinds = {q.fact_kind for q in qs}
    # people and dates are matched; acronyms are not (their initials give the pairs away)
    assert "leader" in kinds and kinds <= {"leader", "date", "goal"}
    for q in qs:
        assert 3 <= len(q.pairs) <= 6
        lefts = [normalise(p[0]) for p in q.pairs]
        rights = [normalise(p[1]) for p in q.pairs]
        assert len(set(lefts)) == len(lefts)
        assert len(set(rights)) == len(rights)
        assert len(q.fact_ids) == len(q.pairs)
        # one article's facts: a reader met these people (or events) together
        assert len({BY_ID[i].sources[0].article for i in q.fact_ids}) == 1
        assert grade(q, q.pairs).correct
        assert grade(q, dict(q.pairs)).correct
    people = next(q for q in qs if q.fact_kind == "leader")
    assert ["Wang Yi", "Chinese Foreign Minister"] in people.pairs or all(p[0] != "Wang Yi" for p in people.pairs)


def test_cloze_blanks_the_answer_in_the_source_sentence(date_sentence_items):
    qs = [q for q in _questions() if q.type == "cloze"]
    assert len(qs) >= 5
    for q in qs:
        assert "_____" in q.prompt
        sentence = q.sources[0]["sentence"]
        assert q.prompt.replace("_____", q.answer, 1) in {sentence} or q.answer.lower() in sentence.lower()
        assert grade(q, q.answer).correct


def test_date_cloze_accepts_the_full_date(date_sentence_items):
    qs = [q for q in _questions() if q.type == "cloze" and q.fact_kind == "date"]
    assert qs
    for q in qs:
        iso = BY_ID[q.fact_ids[0]].date
        assert grade(q, iso).correct
        if iso_parts(iso)[2] is not None:
            assert not grade(q, iso[:-2] + ("01" if iso[-2:] != "01" else "02")).correct


def test_sources_are_copied_verbatim():
    for q in _questions():
        assert q.sources
        fact_sentences = {(s.article, s.sentence) for fid in q.fact_ids for s in BY_ID[fid].sources}
        for s in q.sources:
            assert (s["article"], s["sentence"]) in fact_sentences
        assert q.explanation


def test_json_shape_and_ranges():
    keys = {"id", "type", "prompt", "answer", "accepted_answers", "choices", "pairs", "items",
            "explanation", "difficulty", "fact_ids", "fact_kind", "sources"}
    for q in _questions():
        data = question_to_json(q)
        assert set(data) == keys
        json.dumps(data)
        assert 0 <= data["difficulty"] <= 1
        assert 0 <= q.score <= 1
        assert data["accepted_answers"][0] == q.answer
        assert all(set(s) == {"article", "sentence"} for s in data["sources"])


def test_at_most_one_question_per_fact_and_type():
    seen = set()
    for q in _questions():
        if q.type in ("matching", "ordering"):
            continue
        key = (q.fact_ids[0], q.type)
        assert key not in seen
        seen.add(key)


def test_ids_stable_and_unique():
    a, b = _questions(3), _questions(3)
    assert [q.id for q in a] == [q.id for q in b]
    assert len({q.id for q in a}) == len(a)


def test_input_order_does_not_matter():
    shuffled = list(FACTS)
    random.Random(99).shuffle(shuffled)
    a = [question_to_json(q) for q in generate(shuffled, random.Random(5))]
    b = [question_to_json(q) for q in generate(list(FACTS), random.Random(5))]
    assert a == b


def test_no_prompt_uses_bare_pronouns():
    for q in _questions():
        first = q.prompt.split()[0].lower()
        assert first not in {"he", "she", "it", "they"}


def test_empty_and_tiny_inputs():
    assert generate([], random.Random(0)) == []
    single = generate([FACTS[0]], random.Random(0))
    assert all(q.type not in ("multiple_choice", "matching", "ordering") for q in single)


@settings(max_examples=15, deadline=None)
@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_deterministic_for_any_seed(seed):
    a = json.dumps([question_to_json(q) for q in generate(list(FACTS), random.Random(seed))])
    b = json.dumps([question_to_json(q) for q in generate(list(FACTS), random.Random(seed))])
    assert a == b


# --- random fact stores: the invariants hold whatever the corpus looks like ----------------------

_PEOPLE = ["Wang Yi", "Sergey Lavrov", "Wang Wenbin", "Xi Jinping", "Vladimir Putin", "Ebrahim Raisi",
           "Shah Mahmood Qureshi", "Zhao Lijian", "Antony Blinken"]
_ROLES = [("Foreign Minister", "foreign_minister"), ("President", "head_of_state"),
          ("spokesperson", "spokesperson"), ("Prime Minister", "head_of_government")]
_COUNTRIES = ["China", "Russia", "Pakistan", "Iran", "United States", "Chinese Foreign Ministry"]
_MECHS = [("Shanghai Cooperation Organisation", "SCO", "organisation"),
          ("Collective Security Treaty Organization", "CSTO", "organisation"),
          ("Moscow Format", "", "format"), ("Belt and Road Initiative", "BRI", "initiative"),
          ("Eurasian Economic Union", "EAEU", "organisation"), ("Troika Plus", "", "format"),
          ("Treaty of Good-Neighborliness", "", "treaty")]
_EVENTS = ["the Taliban entered Kabul", "Wang Yi met Taliban delegates", "the SCO summit opened",
           "the Moscow Format talks were held", "the last U.S. troops left Afghanistan",
           "the Doha agreement was signed"]
_ACTORS = ["China", "Russia", "Pakistan", "Iran"]
_GOALS = [("an independent, neutral, united and peaceful Afghanistan",
           ["independent", "neutral", "united", "peaceful"]),
          ("an inclusive government in Kabul", []),
          ("a stable, secure and prosperous Afghanistan", ["stable", "secure", "prosperous"])]


@st.composite
def fact_stores(draw) -> list[Fact]:
    facts: list[Fact] = []
    for i in range(draw(st.integers(0, 8))):
        name = draw(st.sampled_from(_PEOPLE))
        role, sub = draw(st.sampled_from(_ROLES))
        country = draw(st.sampled_from(_COUNTRIES))
        facts.append(leader(f"L{i:02d}", name, role, country, sub, f"{country} {role} {name} spoke.",
                            conf=draw(st.floats(0, 1))))
    for i, (name, acr, sub) in enumerate(draw(st.lists(st.sampled_from(_MECHS), max_size=7, unique=True))):
        sentence = f"Leaders met at the {name}" + (f" ({acr})" if acr else "") + " on Tuesday."
        facts.append(mechanism(f"M{i:02d}", name, [acr] if acr else [], sub, sentence))
    for i in range(draw(st.integers(0, 8))):
        y, m, d = draw(st.integers(2019, 2022)), draw(st.integers(1, 12)), draw(st.integers(1, 28))
        iso = draw(st.sampled_from([f"{y}-{m:02d}-{d:02d}", f"{y}-{m:02d}", f"{y}"]))
        event = draw(st.sampled_from(_EVENTS))
        f = dated(f"D{i:02d}", iso, event, f"{event[0].upper() + event[1:]} in {iso}.")
        f.conflict = draw(st.booleans())
        facts.append(f)
    for i in range(draw(st.integers(0, 4))):
        text, items = draw(st.sampled_from(_GOALS))
        actor = draw(st.sampled_from(_ACTORS))
        facts.append(goal(f"G{i:02d}", actor, text, items, f"{actor} called for {text}."))
    return facts


@settings(max_examples=60, deadline=None)
@given(fact_stores(), st.integers(0, 10_000))
def test_invariants_on_random_stores(facts, seed):
    from quizapp.questions.labels import _role_phrase

    qs = generate(facts, random.Random(seed))
    again = generate(list(reversed(facts)), random.Random(seed))
    assert [question_to_json(q) for q in qs] == [question_to_json(q) for q in again]
    by_id = {f.id: f for f in facts}
    for q in qs:
        assert q.type in QUESTION_TYPES
        assert 0 <= q.difficulty <= 1 and 0 <= q.score <= 1
        if q.type not in ("matching", "ordering"):
            for a in _accepted_forms(q):
                if len(a) >= 4:
                    assert a.lower() not in q.prompt.lower()
            assert grade(q, q.answer).correct
        if q.type == "multiple_choice":
            assert len({normalise(c) for c in q.choices}) == 4
            assert [grade(q, c).correct for c in q.choices].count(True) == 1
        if q.type == "matching":
            assert 3 <= len(q.pairs) <= 6
            assert len({normalise(p[0]) for p in q.pairs}) == len(q.pairs)
            assert len({normalise(p[1]) for p in q.pairs}) == len(q.pairs)
        if q.type == "ordering":
            dates = [by_id[i].date for i in q.fact_ids]
            order = {(by_id[i].event[0].upper() + by_id[i].event[1:]): by_id[i].date for i in q.fact_ids}
            assert [order[i] for i in q.items] == sorted(dates)
        if q.type == "true_false" and q.answer == "False" and q.fact_kind == "leader":
            name = by_id[q.fact_ids[0]].name
            for f in facts:
                if f.kind == "leader" and f.name.split()[-1] == name.split()[-1]:
                    assert normalise(q.prompt) != normalise(f"{name} is {_role_phrase(f)}")
        if q.type == "true_false" and q.answer == "False" and q.fact_kind == "date":
            fact = by_id[q.fact_ids[0]]
            claimed = parse_date(re.split(r" (?:on|in) ", q.prompt.rstrip("."))[-1])
            assert claimed is not None
            for f in facts:
                if f.kind == "date" and f.event == fact.event:
                    assert not compatible(parts_to_iso(claimed), f.date), (q.prompt, f.date)
