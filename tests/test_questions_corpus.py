"""Quality gates on questions generated from REAL extracted facts (seed corpus and tests/articles).

The synthetic tests in test_questions_generate.py pin the rules on a tidy store; these run the real
extractor (spaCy, once per module) so the generator's robustness to imperfect facts is what is
tested: whatever the extractor hands over, a question never gives its answer away, never offers a
true alternative as a distractor, always cites a verbatim sentence, and reads as a complete question.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.corpus.parse import parse_article
from quizapp.facts import article_input, extract
from quizapp.questions import Question, generate, grade, question_to_json
from quizapp.questions.blanks import BLANK
from quizapp.questions.goal_verbs import GOAL_VERBS
from quizapp.questions.normalise import compatible, iso_parts, normalise, parse_date, parts_to_iso
from quizapp.questions.render import parties
from quizapp.questions.sentences import absolutise

from .question_checks import swapped_date


def _asks_who(prompt: str) -> bool:
    """"Who is ...?", also anchored to the article ("According to the article, who is ...?")."""
    return bool(re.match(r"^(?:According to the article, )?[Ww]ho is\b", prompt))

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {"seeds": ROOT / "seeds", "articles": ROOT / "tests" / "articles"}
SEED = 20260101


class Corpus:
    def __init__(self, folder: Path) -> None:
        self.raw = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
        self.facts = extract([article_input(parse_article(k, v)) for k, v in self.raw.items()])
        self.by_id = {f.id: f for f in self.facts}
        self.questions = generate(self.facts, random.Random(SEED))
        self.published = {k: parse_article(k, v).published for k, v in self.raw.items()}

    def of_kind(self, kind: str):
        return [f for f in self.facts if f.kind == kind]


@pytest.fixture(scope="module", params=sorted(CORPORA))
def corpus(request) -> Corpus:
    folder = CORPORA[request.param]
    if not list(folder.glob("*.txt")):
        pytest.skip(f"no articles in {folder}")
    return Corpus(folder)


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return Corpus(CORPORA["seeds"])


def _single(q: Question) -> bool:
    return q.type not in ("matching", "ordering")


def test_the_seeds_yield_items_on_their_aims(seeds):
    # Precision first: templates that blind review rejected almost always (a body's name blanked in
    # its sentence, a loose aim asked for, events cut from their clause listed in an order, who
    # held a country's ministry) are off. The seeds are two governments' statements of aims: their
    # items restate those aims with the parties named, two or more per article (five for every two
    # until session 26 switched off "X aimed to ..." as true or false, which took one seed item).
    assert "goal" in {q.fact_kind for q in seeds.questions}
    assert all(parties(q.prompt) or re.match(r"(?:Chinese|Russian|China|Russia)\b", q.prompt)
               for q in seeds.questions if q.fact_kind == "goal" and q.type == "true_false")
    assert len(seeds.questions) >= 2 * len(seeds.raw)


def test_every_type_for_unseen_articles(corpus):
    types = {q.type for q in corpus.questions}
    assert "true_false" in types
    if corpus.raw.keys() != {p.name for p in CORPORA["seeds"].glob("*.txt")}:
        assert "short_answer" in types  # (the seeds' people hold only national offices: not asked)
    # at least five items for every four articles, each on a sentence no other item shows
    # (precision first: the weak templates are off, see above, and a stem that leans on the story
    # around it, "the Roadmap", "the corridor", "in April", is not asked; since blind round 38 nor
    # is "When did Kishida take office?", which never says which office: it was the sixth item here)
    assert 4 * len(corpus.questions) >= 5 * len(corpus.raw)


def test_answer_never_in_prompt(corpus):
    for q in corpus.questions:
        if not _single(q) or q.type == "true_false":
            continue
        for a in [q.answer, *q.accepted_answers]:
            if len(a) >= 4:
                assert a.lower() not in q.prompt.lower(), (q.prompt, a)
            assert f" {normalise(a)} " not in f" {normalise(q.prompt)} ", (q.prompt, a)


def test_multiple_choice_options(corpus):
    for q in corpus.questions:
        if q.type != "multiple_choice":
            continue
        assert len(q.choices) == 4, q.prompt
        assert len({normalise(c) for c in q.choices}) == 4, q.choices
        assert [grade(q, c).correct for c in q.choices].count(True) == 1, q.choices
        typed = Question(id="x", type="short_answer", prompt=q.prompt, answer=q.answer,
                         accepted_answers=q.accepted_answers, fact_kind=q.fact_kind)
        for c in q.choices:
            if normalise(c) == normalise(q.answer):
                continue
            assert not grade(typed, c).correct, (q.prompt, c)  # not an alias or a typo of it
            assert normalise(c) not in {normalise(a) for a in q.accepted_answers}
            assert f" {normalise(c)} " not in f" {normalise(q.prompt)} ", (q.prompt, c)


def _acronym_expansions(corpus: Corpus, acr: str) -> set[str]:
    out = set()
    for f in corpus.of_kind("mechanism"):
        forms = [f.name or "", f.answer or "", *f.aliases]
        if any(normalise(x) == normalise(acr) for x in forms):
            out |= {normalise(x) for x in forms if x}
    return out


def test_no_distractor_is_a_true_alternative(corpus):
    leaders = corpus.of_kind("leader")
    for q in corpus.questions:
        if q.type != "multiple_choice":
            continue
        fact = corpus.by_id[q.fact_ids[0]]
        wrong = [c for c in q.choices if normalise(c) != normalise(q.answer)]
        if _asks_who(q.prompt) and fact.kind == "leader":
            for f in leaders:  # nobody else the corpus gives this same office
                if normalise(f.role or "") == normalise(fact.role or "") and f.country == fact.country:
                    assert normalise(f.name) not in {normalise(w) for w in wrong}, (q.prompt, q.choices)
        if fact.kind == "date" and q.prompt.startswith(("On what date", "In which")):
            same_event = [f.date for f in corpus.of_kind("date") if f.event == fact.event]
            for w in wrong:
                got = parse_date(w)
                assert got is not None
                assert not any(compatible(parts_to_iso(got), d) for d in same_event), (q.prompt, w)
        if q.prompt.startswith("What does the acronym"):
            acr = re.search(r"acronym (\S+) stand", q.prompt).group(1)
            assert not {normalise(w) for w in wrong} & _acronym_expansions(corpus, acr)
        if fact.kind == "goal" and q.prompt.startswith("What"):
            me = parties(fact.actor or "", leaders)
            for g in corpus.of_kind("goal"):
                if parties(g.actor or "", leaders) & me:
                    for w in wrong:
                        assert normalise(w) not in normalise(g.goal or ""), (q.prompt, w, g.actor)


def test_false_statements_are_false_everywhere(corpus):
    leaders = corpus.of_kind("leader")
    for q in corpus.questions:
        if q.type != "true_false" or q.answer != "False":
            continue
        fact = corpus.by_id[q.fact_ids[0]]
        assert normalise(q.prompt) != normalise(q.explanation)
        if fact.kind == "leader":
            for f in leaders:
                if normalise(f.name) == normalise(fact.name):
                    assert normalise(q.prompt) != normalise(q.explanation)
        if fact.kind == "date":
            # the source sentence with its date swapped for one this event has nowhere
            claimed = swapped_date(q.prompt, q.explanation)
            assert claimed is not None, q.prompt
            for f in corpus.of_kind("date"):
                if f.event == fact.event:
                    assert not compatible(parts_to_iso(claimed), f.date), q.prompt
        # no acronym expansions (initials give them away), no statement made false with "not"
        assert fact.kind not in ("mechanism", "goal"), q.prompt
        assert not re.search(r" (?:did not|is not|are not|should not) ", q.prompt), q.prompt


def test_sources_are_verbatim_and_explained(corpus):
    for q in corpus.questions:
        assert q.sources and q.explanation, q.prompt
        for s in question_to_json(q)["sources"]:
            assert s["sentence"] in corpus.raw[s["article"]], s


def test_prompts_read_as_complete_questions(corpus):
    for q in corpus.questions:
        p = q.prompt
        assert p == p.strip() and "  " not in p
        assert p[0].isupper() or p.startswith(BLANK), p
        assert p.endswith(("?", ".", BLANK, "!", '"', "”", ")")) or p.endswith(BLANK + "."), p
        assert not re.match(r"(?i)^(?:he|she|they|it|this|these)\b", p), p
        assert not re.search(r"\bWhat did (?:The|Both) ", p), p  # capitalised mid-sentence
        assert not re.search(r"\b(?:he|she) said\b", p), p
        if q.type == "cloze":
            assert p.count(BLANK) == 1, p
        elif q.type != "multiple_choice":
            assert BLANK not in p, p
        if q.type == "multiple_choice" and BLANK in p:
            assert p.startswith("Which"), p


def test_cloze_blanks_the_answer_in_its_sentence(corpus):
    for q in corpus.questions:
        if q.type != "cloze":
            continue
        filled = q.prompt.replace(BLANK, q.answer)
        # the sentence (a dateline may be dropped; an "(ACR)" after the blanked name is dropped too)
        def bare(t: str) -> str:
            return re.sub(r"\s*\([A-Z0-9&+.-]{2,10}\)", "", t)

        # relative dates are written out against the publication date ("on Monday" -> "on 23
        # August 2021"); otherwise the words are the article's own
        assert any(filled in s["sentence"] or bare(filled) in bare(s["sentence"])
                   or bare(filled) in bare(absolutise(s["sentence"], corpus.published.get(s["article"])))
                   for s in q.sources), (q.prompt, q.answer)
        assert grade(q, q.answer).correct


def test_goal_questions_use_the_goals_own_verb(corpus):
    from quizapp.questions.story import _Corpus

    views = _Corpus(sorted(corpus.facts, key=lambda f: f.id)).goal_views
    for q in corpus.questions:
        if q.fact_kind != "goal" or q.type not in ("multiple_choice", "short_answer"):
            continue
        if not q.prompt.startswith("What"):
            continue
        v = views[q.fact_ids[0]]
        if v.verb == "should":
            assert " should " in q.prompt
            continue
        np_q, _, vp_q, _ = GOAL_VERBS[v.verb]
        phrase = (np_q if v.form == "np" else vp_q).replace("{be} ", "")
        assert q.prompt.endswith(f"{phrase}?"), (q.prompt, v.verb)


def test_goal_answers_are_goals(corpus):
    for q in corpus.questions:
        if q.fact_kind != "goal" or not _single(q):
            continue
        n = normalise(q.answer)
        assert n not in {"each other", "statement", "joint statement", "international community"}, q.prompt
        if q.type in ("multiple_choice", "short_answer") and q.prompt.startswith("What"):
            assert 2 <= len(q.answer.split()) <= 25, q.answer


def test_events_are_short_clauses(corpus):
    for q in corpus.questions:
        if q.fact_kind != "date":
            continue
        events = list(q.items) + [left for left, _ in q.pairs]
        m = re.match(r"^(?:On what date|In which \w+) did this happen: (.+)\?$", q.prompt)
        if m:
            events.append(m.group(1))
        for e in events:
            assert len(e.split()) <= 18, e
            assert not re.search(r"\b(?:said|says)$", e), e


def test_matching_and_ordering_shapes(corpus):
    for q in corpus.questions:
        if q.type == "matching":
            assert 3 <= len(q.pairs) <= 6
            assert len({normalise(a) for a, _ in q.pairs}) == len(q.pairs)
            assert len({normalise(b) for _, b in q.pairs}) == len(q.pairs)
            assert grade(q, q.pairs).correct
        if q.type == "ordering":
            assert 3 <= len(q.items) <= 5
            dates = [corpus.by_id[i].date for i in q.fact_ids]
            assert len(set(dates)) == len(dates)
            order = sorted(q.fact_ids, key=lambda i: iso_parts(corpus.by_id[i].date))
            by_event = {corpus.by_id[i].id: corpus.by_id[i] for i in q.fact_ids}
            assert len(order) == len(by_event)
            assert grade(q, list(q.items)).correct
            assert not grade(q, list(reversed(q.items))).correct


def test_leader_who_questions_only_for_office_holders(corpus):
    for q in corpus.questions:
        if q.fact_kind == "leader" and _asks_who(q.prompt) and q.prompt.endswith("?"):
            fact = corpus.by_id[q.fact_ids[0]]
            role = (fact.role or "").lower()
            if q.prompt != f"Who is {fact.name}?":
                assert not re.search(r"fellow|professor|analyst|researcher|scholar|expert", role), q.prompt


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1))
def test_same_seed_same_questions(seeds, seed):
    a = json.dumps([question_to_json(q) for q in generate(seeds.facts, random.Random(seed))])
    shuffled = list(seeds.facts)
    random.Random(seed).shuffle(shuffled)
    b = json.dumps([question_to_json(q) for q in generate(shuffled, random.Random(seed))])
    assert a == b


def test_no_question_is_asked_twice_as_two_types(corpus):
    """The same prompt with the same answer as multiple choice and as typed answer would come up
    twice in one quiz: only the better one is kept."""
    seen: dict[tuple[str, str], str] = {}
    for q in corpus.questions:
        if q.type in ("matching", "ordering"):
            continue
        key = (normalise(q.prompt), normalise(q.answer))
        assert key not in seen, f"{q.prompt!r} asked as {seen[key]} and {q.type}"
        seen[key] = q.type


def test_no_item_shows_the_sentence_another_item_asks_about(corpus):
    """A cloze or a "completes the sentence" choice prints its source sentence nearly whole, which
    answers any other item on that sentence: such an item has its sentence to itself. Other items
    may share a sentence only when none names another's answer (a true/false statement of what
    Interpol works for beside "When was Interpol founded?")."""
    on: dict[str, list] = {}
    for q in corpus.questions:
        if q.type in ("matching", "ordering") or not q.sources:
            continue
        sent = q.sources[0]["sentence"] if isinstance(q.sources[0], dict) else q.sources[0].sentence
        on.setdefault(sent, []).append(q)

    def copies(q) -> bool:
        return q.type == "cloze" or "_____" in q.prompt

    def names(q, text: str) -> bool:
        return any(len(x) > 3 and normalise(x) in normalise(text) for x in [q.answer, *q.accepted_answers[:3]]
                   if x and x not in ("True", "False"))

    for sent, items in on.items():
        if len(items) > 1:
            assert not any(copies(q) for q in items), [q.prompt for q in items]
            for a in items:
                for b in items:
                    assert a is b or not names(a, b.prompt), (a.prompt, b.prompt)
