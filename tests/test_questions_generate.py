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

from quizapp.facts.types import Fact, Source
from quizapp.questions import QUESTION_TYPES, Question, generate, grade, question_to_json
from quizapp.questions.generate import ORDER_PROMPT
from quizapp.questions.normalise import compatible, iso_parts, normalise, parse_date, parts_to_iso

from .question_checks import swapped_date


def _asks_who(prompt: str) -> bool:
    """"Who is ...?", also anchored to the article ("According to the article, who is ...?")."""
    return bool(re.match(r"^(?:According to the article, )?[Ww]ho (?:is|was)\b", prompt))

ART = "2021-08-17-xinhua.txt"



def _src(sentence: str, article: str = ART, idx: int = 0) -> list[Source]:
    return [Source(article=article, sentence=sentence, sentence_idx=idx)]


# The day the test article was written: who holds an office is asked as of it ("Who was ... in
# August 2021?"); an undated article asks no one.
PUBLISHED = Fact(id="pub", kind="date", statement="", answer="2021-08-17", date="2021-08-17", subtype="publication",
                 sources=[Source(ART, "17 August 2021", None)])


def leader(fid, name, role, country, subtype, sentence, aliases=(), conf=0.9, question=None) -> Fact:
    return Fact(
        id=fid, kind="leader", statement=f"{name} is {country}'s {role}", answer=name,
        aliases=list(aliases), confidence=conf, sources=_src(sentence), name=name, role=role,
        country=country, subtype=subtype, question=question,
    )


def mechanism(fid, name, aliases, subtype, sentence) -> Fact:
    acr = "".join(f" ({a})" for a in aliases if a.isupper())
    return Fact(
        id=fid, kind="mechanism",
        statement=f"The {name}{acr} is a named {subtype} mentioned in the news.", answer=name,
        aliases=list(aliases), sources=_src(sentence), name=name, subtype=subtype,
    )


def dated(fid, iso, event, sentence, article=ART, question=None) -> Fact:
    """A date fact; ``question`` is what the extractor writes when the parse found the event whole
    (a named subject in a main clause): only such events are listed in matching and ordering."""
    return Fact(
        id=fid, kind="date", statement=f"{event} on {iso}", answer=iso, sources=_src(sentence, article),
        date=iso, event=event, question=question,
    )


def goal(fid, actor, text, items, sentence) -> Fact:
    return Fact(
        id=fid, kind="goal", statement=f"{actor} called for {text}", answer=text,
        sources=_src(sentence), actor=actor, goal=text, items=list(items),
    )


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

    qs = generate(list(FACTS), random.Random(7))
    per_article: dict[str, list[Question]] = {}
    for q in qs:
        per_article.setdefault(q.sources[0]["article"] if isinstance(q.sources[0], dict) else q.sources[0].article,
                               []).append(q)
    uncapped = generate(list(FACTS), random.Random(7), budget=0)
    assert sum(1 for q in uncapped if q.sources[0]["article"] == ART) > ARTICLE_BUDGET
    assert len(per_article[ART]) <= ARTICLE_BUDGET  # the big article is capped
    for items in per_article.values():
        assert sum(q.type == "true_false" for q in items) <= max(2, int(TRUE_FALSE_SHARE * ARTICLE_BUDGET))
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
    assert len(qs) >= 7
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


def test_no_true_false_or_role_question_of_who_holds_an_office():
    """"Wang Yi is Russia's Foreign Minister." (or true, or "What is Wang Yi's role?") asks who
    holds which office, which blind reviews failed as a delegation list's trivia: the office is
    asked in a matching item of the story, and the person by what they did."""
    people = [("W", "Wang Yi", "China"), ("S", "Sergey Lavrov", "Russia"),
              ("Q", "Shah Mahmood Qureshi", "Pakistan")]
    facts = []
    for fid, name, country in people:
        f = leader(fid, name, "Foreign Minister", country, "foreign_minister", f"{name} spoke.")
        f.statement = f"{name} is the Foreign Minister of {country}."
        facts.append(f)
    qs = [q for seed in range(20) for q in generate([*facts, PUBLISHED], random.Random(seed), budget=0)]
    assert not [q for q in qs if q.type == "true_false" or "role?" in q.prompt or q.prompt.startswith("Who was")]


def test_typed_answers_list_the_name_without_diacritics():
    """"Joao Luiz Ferreira" is listed beside "João Luiz Ferreira": strict tools (exports) accept it too."""
    f = leader("J", "João Luiz Ferreira", "Secretary-General of the Amazon Cooperation Treaty Organization",
               "Amazon Cooperation Treaty Organization", "secretary",
               "The Secretary-General of the Amazon Cooperation Treaty Organization, João Luiz Ferreira, opened the "
               "Belém summit in March 2023.")
    g = leader("M", "Margareth Menezes", "Director of the Amazon Regional Observatory", "Amazon Regional Observatory",
               "director", "The Director of the Amazon Regional Observatory, Margareth Menezes, visited Recife.")
    typed = [q for q in generate([f, g, PUBLISHED], random.Random(1), budget=0)
             if q.type in ("short_answer", "cloze") and q.answer == "João Luiz Ferreira"]
    assert typed
    for q in typed:
        assert "Joao Luiz Ferreira" in q.accepted_answers, q.accepted_answers
        # the surname alone, as written and without its accent
        assert {"Ferreira"} <= set(q.accepted_answers)
    accented = leader("C", "Ana Conceição", "Secretary-General of the Amazon Cooperation Treaty Organization",
                      "Amazon Cooperation Treaty Organization", "secretary",
                      "The Secretary-General of the Amazon Cooperation Treaty Organization, Ana Conceição, opened the "
                      "Belém summit in March 2023.")
    typed = [q for q in generate([accented, g, PUBLISHED], random.Random(1), budget=0)
             if q.type in ("short_answer", "cloze") and q.answer == "Ana Conceição"]
    assert typed
    for q in typed:
        assert {"Conceição", "Conceicao", "Ana Conceicao"} <= set(q.accepted_answers), q.accepted_answers


def test_no_who_question_for_a_role_many_people_hold():
    """"Who is a former president of Colombia?" has many right answers: not asked."""
    from quizapp.questions.labels import _who_prompt

    former = leader("D", "Iván Duque", "former president", "Colombia", "president", "Iván Duque spoke.")
    current = leader("P", "Gustavo Petro", "President", "Colombia", "president", "Gustavo Petro spoke.")
    assert _who_prompt(former) is None
    assert _who_prompt(current) and "Colombia" in _who_prompt(current)


def test_sentences_that_narrow_the_one_before_do_not_stand_alone():
    from quizapp.questions.sentences import stands_alone

    assert not stands_alone("Specifically, the Movement adopted a clear Statement on Integrity.")
    assert not stands_alone("In particular, the fund will support farmers in the north.")
    assert stands_alone("The Red Cross and Red Crescent Movement adopted a Statement on Integrity in Geneva on 10 May 2024.")


def test_photo_captions_are_not_quizzed():
    """"Dr. NAME TITLE at The Opening Ceremony of ..." (names, then where, no verb) is a caption."""
    from quizapp.questions.sentences import is_caption

    assert is_caption("Dr. Carla Barnett CARICOM Secretary General at The Opening Ceremony of the 44th Regular "
                      "Meeting of CARICOM Heads of Government held in New Providence, The Bahamas.")
    assert not is_caption("Foreign Minister Wang Yi at the summit said the two sides would cooperate.")
    assert not is_caption("President Xi Jinping in Beijing on Monday met the visiting delegation.")


def test_a_sentence_that_only_points_at_a_date_is_not_blanked_or_swapped(date_sentence_items):
    """"approved the loan on Tuesday": the article leaves the date to its dateline, so no blank and
    no swapped date in that sentence (a reader would need a calendar); an explicit date is asked."""
    published = Fact(id="P", kind="date", subtype="publication", statement="Published on 2024-11-06",
                     answer="2024-11-06", date="2024-11-06", event="publication",
                     sources=[Source(ART, "Published: 6 November 2024", None, None)])
    pointed = dated("T", "2024-11-05", "The board approved the loan",
                    "The board of the Regional Development Fund approved the loan for the coastal road on Tuesday.")
    stated = dated("S", "2024-10-02", "The fund's council adopted the strategy",
                   "The council of the Regional Development Fund adopted its new lending strategy on 2 October 2024.")
    qs = generate([published, pointed, stated], random.Random(1), budget=0)
    in_sentence = [q for q in qs if q.type in ("cloze", "true_false") or re.match(r"Which (?:date|year|month) completes", q.prompt)]
    assert not [q for q in in_sentence if q.fact_ids == ["T"]], [q.prompt for q in in_sentence]
    assert [q for q in in_sentence if q.fact_ids == ["S"]]


def test_offices_of_acronyms_and_places_are_asked_and_roles_for_a_place_are_not():
    """"Governor of the BOJ" is an office (a case-blind check once refused every "X of Y");
    "a member of the Executive Board" is one of several; "mission chief for Sri Lanka" is no office
    of Sri Lanka."""
    from quizapp.questions.labels import _BAD_ROLE, _role_label, _role_phrase, _who_prompt

    gov = leader("G", "Kazuo Ueda", "Governor", "BOJ", "governor",
                 "Bank of Japan (BOJ) Governor Kazuo Ueda said the bank would raise rates.")
    assert not _BAD_ROLE.search(_role_label(gov))
    assert _who_prompt(gov) == "According to the article, who is the Governor of the BOJ?"
    assert _BAD_ROLE.search("President of climate summit")
    member = leader("M", "Isabel Schnabel", "Member of the Executive Board of the ECB", "Executive Board of the ECB",
                    "member", "Isabel Schnabel, Member of the Executive Board of the ECB, gave an interview.")
    assert _role_phrase(member) == "a member of the Executive Board of the ECB"
    assert _who_prompt(member) is None
    chief = leader("C", "Peter Breuer", "senior mission chief", "Sri Lanka", "chief",
                   "An IMF team led by Peter Breuer, senior mission chief for Sri Lanka, visited Colombo.")
    assert _who_prompt(chief) is None
    assert not [q for q in generate([chief, gov], random.Random(1), budget=0) if q.fact_ids == ["C"]]


def test_a_name_is_also_accepted_without_its_middle_initial():
    f = leader("B", "Carla N. Barnett", "Secretary-General of the Caribbean Community", "Caribbean Community",
               "secretary", "The Secretary-General of the Caribbean Community, Carla N. Barnett, opened the "
               "Nassau summit in July 2023.")
    typed = [q for q in generate([f, PUBLISHED], random.Random(1), budget=0) if q.type in ("short_answer", "cloze")]
    assert typed
    for q in typed:
        assert {"Carla Barnett", "Barnett"} <= set(q.accepted_answers), q.accepted_answers
    g = leader("P", "Jorge Hernando Pedraza", "Secretary-General of the Andean Community", "Andean Community",
               "secretary", "The Secretary-General of the Andean Community, Jorge Hernando Pedraza, opened the "
               "Lima summit in July 2022.")
    typed = [q for q in generate([g, PUBLISHED], random.Random(1), budget=0) if q.type in ("short_answer", "cloze")]
    assert typed
    for q in typed:
        assert {"Jorge Pedraza", "Pedraza"} <= set(q.accepted_answers), q.accepted_answers


def test_a_blanked_year_is_asked_as_a_year(date_sentence_items):
    founded = dated("Y", "2008", "The Pilot Program was set up",
                    "The Pilot Program for Climate Resilience was set up in 2008 by five development banks.")
    other = dated("Z", "2011", "The Grenada project was approved",
                  "The Grenada coastal project was approved by the World Bank board in 2011.")
    prompts = [q.prompt for q in generate([founded, other], random.Random(1), budget=0)
               if q.type == "multiple_choice" and "completes the sentence" in q.prompt]
    assert prompts and all(p.startswith("Which year completes the sentence?") for p in prompts), prompts


def test_a_body_named_by_its_head_word_is_named_in_full_or_not_asked():
    """"The Movement called for ...": which movement? With one body of the article ending in the
    word it is named in full; with none, the goal is not asked."""
    g = goal("G", "the Movement", "gender balance in the boards of national societies by 2030", [],
             "The Movement called for gender balance in the boards of national societies by 2030.")
    other = goal("H", "Kenya", "lower tariffs on maize by 2030", [], "Kenya called for lower tariffs on maize by 2030.")
    body = mechanism("M", "International Red Cross and Red Crescent Movement", [], "organisation",
                     "The International Red Cross and Red Crescent Movement met in Geneva in December 2019.")
    alone = [q for q in generate([g, other], random.Random(1), budget=0) if "G" in q.fact_ids]
    assert not alone, [q.prompt for q in alone]
    named = [q for q in generate([g, body, other], random.Random(1), budget=0) if "G" in q.fact_ids]
    assert named and all("International Red Cross and Red Crescent Movement" in q.prompt for q in named), \
        [q.prompt for q in named]


def test_what_a_leader_did_is_asked_with_foils_who_did_not_do_it():
    """"Who inaugurated the trade fair?": even of a head of state (whose office alone is general
    knowledge); foils are people of the same story, none named in the act's sentence (they may
    have shared it) and none who did a like thing."""
    art = "fair.txt"

    def person(fid, name, role, country, sentence, question=None, idx=0):
        f = leader(fid, name, role, country, "head_of_state", sentence)
        f.sources = _src(sentence, art, idx)
        f.question = question
        return f

    facts = [
        person("P1", "Nana Akufo-Addo", "President", "Ghana",
               "President Nana Akufo-Addo opened the West African Trade Fair in Accra, with Alassane Mensah.",
               "Who opened the West African Trade Fair in Accra?"),
        person("P2", "Bola Tinubu", "President", "Nigeria",
               "Nigerian President Bola Tinubu stood beside Ghana's Alassane Mensah at the fair.", idx=2),
        person("P3", "Alassane Mensah", "Trade Minister", "Ghana",
               "President Nana Akufo-Addo opened the West African Trade Fair in Accra, with Alassane Mensah."),
        person("P4", "Macky Sall", "President", "Senegal", "Macky Sall sent a message to the fair.",
               "Who sent a message to the fair?", idx=3),
        person("P5", "Kofi Boateng", "Mayor", "Accra",
               "Mayor Kofi Boateng and President Nana Akufo-Addo toured the stands.", idx=4),
    ]
    qs = generate(facts, random.Random(3), budget=0)
    did = [q for q in qs if q.prompt == "Who opened the West African Trade Fair in Accra?"]
    assert [q.type for q in did] == ["multiple_choice"]  # (asked once: the typed twin is the same question)
    mc = did[0]
    assert mc.answer == "Nana Akufo-Addo" and "Nana Akufo-Addo" in mc.choices
    # Alassane Mensah is named in the act's own sentence (he may have shared it): never a foil
    assert set(mc.choices) - {"Nana Akufo-Addo"} <= {"Bola Tinubu", "Macky Sall", "Kofi Boateng"}
    # without foils from the story it is typed, and the surname alone is right
    alone = generate([facts[0]], random.Random(3), budget=0)
    sa = next(q for q in alone if q.prompt == mc.prompt)
    assert sa.type == "short_answer" and grade(sa, "Akufo-Addo").correct


def test_a_body_is_not_blanked_where_its_sentence_names_its_own_words(monkeypatch):
    """"... new sites on the Lake Basin Heritage List, the _____ meets in June": the stem's "Lake Basin
    Heritage" gives the "Lake Basin Heritage Committee" away. (Sentence fill-ins for bodies are
    switched off after blind review; the rule is kept and tested for when they are measured again.)"""
    from quizapp.questions.items import people

    monkeypatch.setattr(people, "SENTENCE_FILL_FOR_BODIES", True)
    sentence = ("The Lake Basin Heritage Committee will add new sites to the Lake Basin Heritage List when it meets "
                "in Kisumu for its 12th session in June.")
    facts = [mechanism("M1", "Lake Basin Heritage Committee", [], "organisation", sentence),
             mechanism("M2", "East African Community", ["EAC"], "organisation",
                       "The East African Community welcomed the decision of the ministers in Arusha."),
             mechanism("M3", "Nile Basin Initiative", ["NBI"], "organisation",
                       "The Nile Basin Initiative held talks with the ministers in Entebbe on water.")]
    facts[0].sources = _src(sentence, ART, 5)  # (not the body the article is about, which is never blanked)
    qs = generate(facts, random.Random(1), budget=0)
    assert not [q for q in qs if q.type == "cloze" and q.answer == "Lake Basin Heritage Committee"]
    # the same sentence without the echo is blanked
    facts[0].sources = _src(sentence.replace("the Lake Basin Heritage List", "the regional register"), ART, 5)
    qs = generate(facts, random.Random(1), budget=0)
    assert [q for q in qs if q.type == "cloze" and q.answer == "Lake Basin Heritage Committee"]



def test_a_date_told_as_the_backdrop_is_not_asked():
    """"Since the adoption of the Paris Agreement in 2015, ...", "Previously, on 17 July 2021, ...":
    the sentence looks back; its news is elsewhere (and the backdrop is often general knowledge)."""
    def at(fid, iso, event, sentence, date_text):
        f = dated(fid, iso, event, sentence)
        i = sentence.index(date_text)
        f.sources = [Source(ART, sentence, 0, (i, i + len(date_text)))]
        f.question = f"When was {event}?"
        return f

    facts = [
        at("D1", "2015", "the Lake Accord adopted",
           "Since the adoption of the Lake Accord in 2015, the basin states have met every year.", "2015"),
        at("D2", "2021-07-17", "the Lake Accord signed",
           "Previously, on 17 July 2021, the ministers of the basin states signed the Lake Accord.", "17 July 2021"),
        at("D3", "2022-03-04", "the Lake Accord ratified",
           "The basin states ratified the Lake Accord on 4 March 2022 in Kisumu.", "4 March 2022"),
    ]
    qs = generate(facts, random.Random(2), budget=0)
    asked = {q.fact_ids[0] for q in qs if len(q.fact_ids) == 1}  # (a timeline may still hold them)
    assert "D3" in asked and not asked & {"D1", "D2"}


def test_what_a_body_did_is_asked_among_bodies_of_its_kind():
    """"Which organisation adopted the fisheries plan?": foils are organisations of the story (not
    a treaty, not a span cut wrongly), none named in the act's sentence; the prompt never echoes
    the key's own words."""
    def body(fid, name, subtype, sentence, question=None, idx=0):
        f = mechanism(fid, name, [], subtype, sentence)
        f.sources = _src(sentence, ART, idx)
        f.question = question
        return f

    facts = [
        body("B1", "Lake Basin Commission", "organisation",
             "The Lake Basin Commission adopted a plan on shared fisheries in Kisumu.",
             "Who adopted a plan on shared fisheries in Kisumu?", idx=4),
        body("B2", "East African Community", "organisation", "The East African Community sent observers.", idx=1),
        body("B3", "Intergovernmental Authority on Development", "organisation",
             "The Intergovernmental Authority on Development shared its data.", idx=2),
        body("B4", "Kisumu Water Treaty", "treaty", "The Kisumu Water Treaty governs the lake.", idx=3),
        body("B5", "Fisheries Fund to Kenya", "organisation", "The Fisheries Fund to Kenya paid out.", idx=5),
        body("B7", "Southern African Development Community", "organisation",
             "The Southern African Development Community sent a message.", idx=7),
        body("B6", "Lake Basin Heritage Committee", "organisation",
             "The Lake Basin Heritage Committee will list new sites on the Lake Basin Heritage List.",
             "Who will list new sites on the Lake Basin Heritage List?", idx=6),
    ]
    qs = generate(facts, random.Random(5), budget=0)
    did = [q for q in qs if q.prompt == "Which organisation adopted a plan on shared fisheries in Kisumu?"]
    assert did and did[0].type == "multiple_choice" and did[0].answer == "Lake Basin Commission"
    assert set(did[0].choices) - {"Lake Basin Commission"} == {
        "East African Community", "Intergovernmental Authority on Development", "Southern African Development Community"}
    assert not [q for q in qs if "Heritage List?" in q.prompt and q.prompt.startswith("Which")]


def test_ordering_never_puts_two_numbered_events_together():
    """"The 49th Congress" before "the 50th Congress": the numbers give the order away."""
    facts = [
        dated("O1", "2023-03-02", "The 12th Assembly of the Andean Canoe Union met in Lima",
              "The 12th Assembly of the Andean Canoe Union met in Lima on 2 March 2023.", question="When did the 12th Assembly of the Andean Canoe Union meet in Lima?"),
        dated("O2", "2024-05-09", "The 13th Assembly of the Andean Canoe Union met in Quito",
              "The 13th Assembly of the Andean Canoe Union met in Quito on 9 May 2024.", question="When did the 13th Assembly of the Andean Canoe Union meet in Quito?"),
        dated("O3", "2023-11-20", "The Andean Canoe Union held a coaching clinic in Cusco",
              "The Andean Canoe Union held a coaching clinic in Cusco on 20 November 2023.", question="When did the Andean Canoe Union hold a coaching clinic in Cusco?"),
        dated("O4", "2024-01-15", "The Andean Canoe Union met sponsors from Inca Air in Lima",
              "The Andean Canoe Union met sponsors from Inca Air in Lima on 15 January 2024.", question="When did the Andean Canoe Union meet sponsors from Inca Air in Lima?"),
        dated("O5", "2022-07-04", "The Andean Canoe Union took part in a regatta in Arequipa",
              "The Andean Canoe Union took part in a regatta in Arequipa on 4 July 2022.", question="When did the Andean Canoe Union take part in a regatta in Arequipa?"),
        mechanism("O6", "Andean Canoe Union", [], "organisation",
                  "The Andean Canoe Union took part in a regatta in Arequipa on 4 July 2022."),
    ]
    qs = [q for q in generate(facts, random.Random(2), budget=0) if q.type == "ordering"]
    assert qs
    for q in qs:
        assert sum(1 for i in q.items if re.search(r"\b\d+th\b", i)) <= 1
