"""Item analysis on a hand-computed example and codes (the Anki package: tests/test_interop_export.py)."""

from __future__ import annotations

import pytest

from quizapp.teaching import codes
from quizapp.teaching.itemanalysis import Response, analyse, pearson


def _r(bits):
    return {f"i{k + 1}": Response(bool(b), float(b)) for k, b in enumerate(bits) if b is not None}


def test_item_analysis_hand_computed():
    # Four students, three items (1 = right):
    #   S1 1 1 1 | S2 1 1 0 | S3 1 0 0 | S4 0 0 1
    # item 2: x = 1 1 0 0, rest = 2 1 1 1 -> r = 0.5 / sqrt(1 * 0.75) = 0.57735
    # item 3: x = 1 0 0 1, rest = 2 2 1 0 -> r = -0.5 / sqrt(1 * 2.75) = -0.30151
    # item 1: x = 1 1 1 0, rest = 2 1 0 1 -> r = 0 (no linear relation)
    data = {"S1": _r([1, 1, 1]), "S2": _r([1, 1, 0]), "S3": _r([1, 0, 0]), "S4": _r([0, 0, 1])}
    stats = {s.item: s for s in analyse(["i1", "i2", "i3"], data)}
    assert stats["i1"].facility == 0.75 and stats["i2"].facility == 0.5 and stats["i3"].facility == 0.5
    assert stats["i1"].discrimination == pytest.approx(0.0, abs=1e-12)
    assert stats["i2"].discrimination == pytest.approx(0.57735, abs=1e-5)
    assert stats["i3"].discrimination == pytest.approx(-0.30151, abs=1e-5)
    assert "low" in stats["i1"].flags and stats["i1"].flagged
    assert "negative" in stats["i3"].flags and stats["i3"].flagged
    assert not stats["i2"].flagged
    assert all("few answers" in s.flags for s in stats.values())  # only 4 students
    assert all(s.n == 4 for s in stats.values())


def test_skipped_item_counts_as_wrong_and_no_variance_is_undefined():
    data = {"A": _r([1, None]), "B": _r([1, 1]), "C": _r([1, 0])}
    stats = {s.item: s for s in analyse(["i1", "i2"], data)}
    assert stats["i2"].answered == 2 and stats["i2"].facility == pytest.approx(1 / 3)
    assert stats["i1"].discrimination is None  # everyone right: r undefined, not 0
    assert stats["i1"].flags == ["easy", "few answers"]
    assert analyse(["x"], {})[0].flags == ["no answers"]


def test_pearson_partial_credit():
    assert pearson([0, 0.5, 1], [0, 1, 2]) == pytest.approx(1.0)
    assert pearson([1, 1], [0, 1]) is None


def test_codes():
    seen = {codes.new_code() for _ in range(200)}
    assert len(seen) == 200
    assert all(len(c) == 6 and codes.looks_valid(c, 6) for c in seen)
    assert not any(ch in c for c in seen for ch in "01OIL")
    assert codes.normalise_code(" abc-def ") == "ABCDEF"
    assert codes.pretty("ABCDEF") == "ABC-DEF"
    assert not codes.looks_valid("ABC0EF") and not codes.looks_valid("")
