"""Pure quiz logic: choosing questions, reading form answers, scoring."""

import random

import pytest

from quizapp.questions import grade
from quizapp.questions.types import QUESTION_TYPES, Question
from quizapp.study import quiz as qz


def cands():
    out = []
    n = 0
    for t in QUESTION_TYPES:
        for k in range(5):
            n += 1
            out.append(qz.Candidate(n, t, (n % 7,)))
    return out


def test_all_types_mix_has_one_of_each_type():
    pool = cands()
    by_id = {c.id: c for c in pool}
    for seed in range(20):
        ids = qz.choose_questions(pool, 6, mix="all_types", rng=random.Random(seed))
        assert len(ids) == 6 and len(set(ids)) == 6
        assert {by_id[i].type for i in ids} == set(QUESTION_TYPES)


def test_choose_spreads_facts_before_reusing():
    pool = [qz.Candidate(i, "cloze", (i % 3,)) for i in range(1, 10)]
    ids = qz.choose_questions(pool, 3, rng=random.Random(1))
    assert len({i % 3 for i in ids}) == 3
    assert len(qz.choose_questions(pool, 50, rng=random.Random(1))) == 9


def q(type_, **kw):
    base = dict(id="x", type=type_, prompt="?", answer="Wang Yi")
    base.update(kw)
    return Question(**base)


def test_read_choice_and_text():
    mc = q("multiple_choice", choices=["Wang Yi", "Li Keqiang"])
    lay = qz.layout(mc, 1)
    assert qz.read_response(mc, lay, {"response": "Li Keqiang"}) == "Li Keqiang"
    with pytest.raises(qz.ResponseError):
        qz.read_response(mc, lay, {})
    with pytest.raises(qz.ResponseError):
        qz.read_response(mc, lay, {"response": "Someone else"})
    sa = q("short_answer")
    assert qz.read_response(sa, qz.layout(sa, 1), {"response": "  wang yi "}) == "wang yi"
    with pytest.raises(qz.ResponseError, match="Type an answer"):
        qz.read_response(sa, qz.layout(sa, 1), {"response": "   "})


def test_matching_round_trip_and_grade():
    m = q("matching", pairs=[["A", "1"], ["B", "2"], ["C", "3"]], answer="")
    lay = qz.layout(m, 42)
    assert sorted(lay.rights) == ["1", "2", "3"]
    form = {f"match-{i}": str(lay.rights.index(str(i + 1))) for i in range(3)}
    resp = qz.read_response(m, lay, form)
    assert resp == [["A", "1"], ["B", "2"], ["C", "3"]]
    assert grade(m, resp).correct
    assert qz.form_values(m, lay, resp) == form
    with pytest.raises(qz.ResponseError):
        qz.read_response(m, lay, {"match-0": "0"})
    with pytest.raises(qz.ResponseError):
        qz.read_response(m, lay, {"match-0": "9", "match-1": "0", "match-2": "1"})
    # Unicode digits pass str.isdigit() but not int(): a clear error, never a crash.
    with pytest.raises(qz.ResponseError):
        qz.read_response(m, lay, {"match-0": "²", "match-1": "0", "match-2": "1"})


def test_ordering_shown_shuffled_and_read_back():
    o = q("ordering", items=["a", "b", "c", "d"], answer="")
    for seed in range(30):
        lay = qz.layout(o, seed)
        assert list(lay.items) != ["a", "b", "c", "d"]
        assert lay == qz.layout(o, seed)  # same page on reload
    lay = qz.layout(o, 3)
    right = {f"order-{i}": str("abcd".index(item) + 1) for i, item in enumerate(lay.items)}
    resp = qz.read_response(o, lay, right)
    assert resp == ["a", "b", "c", "d"] and grade(o, resp).correct
    assert qz.form_values(o, lay, resp) == right
    dup = dict(right, **{"order-0": right["order-1"]})
    with pytest.raises(qz.ResponseError, match="different position"):
        qz.read_response(o, lay, dup)
    with pytest.raises(qz.ResponseError, match="1 to 4"):
        qz.read_response(o, lay, dict(right, **{"order-0": "7"}))
    with pytest.raises(qz.ResponseError):
        qz.read_response(o, lay, dict(right, **{"order-0": "²"}))


def test_summary_and_breakdown():
    items = [
        qz.ItemResult("date", "cloze", True, True, 1.0, 4000),
        qz.ItemResult("date", "ordering", True, False, 0.5, 6000),
        qz.ItemResult("leader", "short_answer", True, False, 0.0, 2000),
        qz.ItemResult("leader", "true_false", False),
    ]
    s = qz.summarise(items)
    assert (s.total, s.answered, s.correct, s.points, s.time_ms) == (4, 3, 1, 1.5, 12000)
    assert s.percent == 38 and s.missed == 3
    assert [(b.label, b.total, b.correct, b.percent) for b in s.by_kind] == [("date", 2, 1, 75), ("leader", 2, 0, 0)]


def test_elapsed_and_formatting():
    assert qz.elapsed_ms("1000", 4000) == 3000
    assert qz.elapsed_ms("abc", 4000) is None
    assert qz.elapsed_ms("5000", 4000) is None
    assert qz.elapsed_ms("1", 10**9) == qz.MAX_ANSWER_MS
    assert qz.format_duration(65000) == "1 min 5 s"
    assert qz.describe_response("ordering", ["x", "y"]) == "1. x, 2. y"
    assert qz.describe_response("matching", [["A", "1"]]) == "A → 1"
