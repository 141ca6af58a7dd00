"""Recall and precision per fact kind against hand-built gold sets (run with ``pytest -s`` for figures).

Seeds: the five seed articles, bar recall >= 0.95 and precision >= 0.90 per kind.
Own articles (tests/articles/): articles written for these tests in other shapes (wire datelines,
bylines, other countries and organisations), bar 0.80 — they keep the rules honest, since no rule
may name a seed's people, places or organisations.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.facts import extract

from .facts_scoring import KINDS, load_corpus, load_gold, report, score

HERE = Path(__file__).resolve().parent
CASES = {
    "seeds": (HERE.parent / "seeds", HERE / "gold" / "seeds_gold.json", 0.95, 0.90),
    "own": (HERE / "articles", HERE / "gold" / "articles_gold.json", 0.80, 0.80),
}


@pytest.fixture(scope="module", params=sorted(CASES))
def scored(request):
    folder, gold_path, min_recall, min_precision = CASES[request.param]
    facts = extract(load_corpus(folder))
    scores = score(facts, load_gold(gold_path))
    print("\n" + report(scores, f"[{request.param}] {folder.name}"))
    return request.param, scores, min_recall, min_precision


@pytest.mark.parametrize("kind", KINDS)
def test_recall_and_precision(scored, kind):
    name, scores, min_recall, min_precision = scored
    ks = scores[kind]
    assert ks.recall >= min_recall, f"{name}: {ks.line()} missed {ks.missed}"
    assert ks.precision >= min_precision, f"{name}: {ks.line()}"


def test_variants_merge_into_one_fact(scored):
    """Each gold leader/mechanism is one merged fact, not split across spellings or short names."""
    name, scores, *_ = scored
    assert not scores["leader"].split and not scores["mechanism"].split


def test_coordinated_items(scored):
    name, scores, *_ = scored
    wrong = scores["goal"].items_wrong
    assert len(wrong) <= (0 if name == "seeds" else 1), wrong
