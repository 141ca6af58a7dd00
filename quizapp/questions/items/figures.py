"""The figures of an aim: which numbers in it can be asked, the values that would be wrong, and a
statement made false by changing one.

Why a ladder of round steps: foils at 1.5, 2 and 3 times the key give it away (the one value the
others were made from); even steps around it, the key at a rung its own digits pick, do not.
"""

from __future__ import annotations

import math
import re
import zlib
from typing import Any

from ...facts.dates import DEADLINE_BOUND, MONTH, PART_OF_YEAR

_MONTHS = MONTH
_FIGURE = re.compile(rf"(?<![\w.,/-])(\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?![\w/-]|[.,]\d)(?!\s+{_MONTHS}\b)")
_MONTH_BEFORE = re.compile(rf"{_MONTHS}\s*$")
_DAY_RANGE_START = re.compile(rf"\s*(?:to|until|till|and|[-–—])\s*\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\b")
_DAY_RANGE_END = re.compile(rf"{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:to|until|till|and|[-–—])\s*$")


def _figures(goal: str) -> list[re.Match]:
    """The figures of an aim that could be changed: not a day of the month ("May 15") and not a
    figure inside a name ("COP29", "the 2030 Agenda")."""
    out = []
    for m in _FIGURE.finditer(goal):
        after = goal[m.end():m.end() + 12]
        if _MONTH_BEFORE.search(goal[:m.start()]) or re.match(r"\s+[A-Z][a-z]", after) and not re.match(
                r"\s+(?:[A-Z][a-z]+\s+)?(?:people|MW|GW|km)", after):
            continue  # "May 15", "the 2030 Agenda"
        if re.search(r"\b[A-Z][a-z]+\s+(?:\d+\s*(?:,|and|&|-|–)\s*)?$", goal[:m.start()]):
            continue  # "Terminals 1 and 2", "Phase 3": a numbered label, not a figure (session 27)
        if _DAY_RANGE_START.match(goal, m.end()) or _DAY_RANGE_END.search(goal[:m.start()]):
            continue  # "from 7 to 23 August", "August 7 to 23": days of a date, not figures
        out.append(m)
    return out


def _sum_of_others(stmt: str, start: int, end: int) -> bool:
    """Do the statement's other figures add up to the one at ``start:end`` (a breakdown that gives it)?"""
    text, rest = stmt[start:end], stmt[:start] + " " + stmt[end:]
    nums = [float(n.replace(",", "")) for n in re.findall(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w])", rest)]
    return len(nums) >= 2 and abs(sum(nums) - float(text.replace(",", ""))) < 1e-9


def _is_year(text: str) -> bool:
    """"2028" is a year; "2,000" is a count (and ``int`` cannot read it)."""
    return bool(re.fullmatch(r"(?:19|20)\d\d", text))


def _other_values(goal: str, m: re.Match, taken: set[str]) -> list[str]:
    """Values for the figure ``m`` that the article nowhere gives (``taken``), in its shape: a year
    moved by one to three years; a share moved up and down by whole steps and kept between 1 and
    99 (a reader rules out "150 per cent" for free); an amount on a ladder of even steps (about a
    quarter of it, a round number) with the key at a rung its own digits pick (``_ladder``).
    Decimals and thousands commas kept."""
    text = m.group(1)
    plain = text.replace(",", "")
    value = float(plain)
    if value == 0:
        return []
    share = re.match(r"\s*(?:%|per\s*cent\b|percent\b)", goal[m.end(1):]) is not None
    if _is_year(text):
        options = [str(int(value) + d) for d in (1, 2, 3, -1, -2)]
    elif share and "." not in plain and 1 <= value <= 99:
        # (never more than 5 points: "39, 58 and 77 per cent" beside 96 are ruled out for free, round 57)
        step = 5 if value % 5 == 0 else min(5, max(2, round(value / 5)))
        options = [str(int(value) + k * step) for k in (-2, 2, -1, 1, 3, -3) if 1 <= value + k * step <= 99]
    elif "." in plain and value < 5 and (value * 4).is_integer() \
            and re.match(r"\s*(?:percentage\s+points?|points?\b)", goal[m.end(1):]):
        # a policy rate moves by quarter points: "0.20" and "0.35" beside 0.25 are ruled out for free (session 27)
        options = [f"{value + k * 0.25:.2f}" for k in (1, 2, -1, 3, -2) if value + k * 0.25 > 0]
    elif "." in plain:
        places = len(plain.split(".")[1])
        options = [f"{v:.{places}f}" for v in _ladder(value, text, 10 ** -places) if not share or v < 100]
    elif (spans := _span_rungs(value, text, goal[m.end(1):])) is not None:
        options = [str(v) for v in spans]
    else:
        options = [str(int(v)) for v in _ladder(value, text, 1)]
        options = [o for o in options if int(o) >= 2]  # ("1 gigawatts")
        if value >= 10:
            options = [o for o in options if int(o) * 4 >= value]  # ("2" beside "32 countries": no one's guess, round 120)
        if re.match(r"\s*(?:million|billion|m\b|bn\b)", goal[m.end(1):]):
            options = [o for o in options if int(o) < 1000]  # never "1000 million": the changed figure shows
        if "," in text:
            options = [f"{int(o):,}" for o in options]
    cap = _PER_SPAN.match(goal[m.end(1):])
    if cap:
        # "operating _____ hours a day": never more than a day has (round 123)
        most = {"hours": 24, "days": 7 if "week" in cap.group(0) else 31, "months": 12}[cap.group(1)]
        options = [o for o in options if float(o.replace(",", "")) <= most]
    low = re.search(r"(\d[\d,.]*)\s*(?:to|-|–)\s*$", goal[:m.start(1)])
    if low:
        # "within the 4 to _____ per cent range": the range's top is above its bottom (round 125)
        options = [o for o in options if float(o.replace(",", "")) > float(low.group(1).replace(",", ""))]
    base = _baseline(goal, m)
    if base is not None and base != value:
        # "at least _____ federations in 2028, against 17 in Paris": a rise on 17, so 10 and 15 are
        # ruled out for free (round 70); every option stays on the key's side of the baseline
        options = [o for o in options if float(o.replace(",", "")) != base
                   and (float(o.replace(",", "")) > base) == (value > base)]
    return [o for o in dict.fromkeys(options) if o != text and o.replace(",", "") not in taken and o not in taken]


_PER_SPAN = re.compile(r"\s*(hours|days|months)\s+(?:a|per|each)\s+(?:day|week|month|year)\b")
_BASE_AFTER = re.compile(r"^[^.;]{0,60}?\b(?:against|compared\s+(?:with|to)|up\s+from|down\s+from|from)\s+"
                         r"(?:about\s+|around\s+|some\s+|just\s+)?(\d[\d,]*(?:\.\d+)?)\b")
_BASE_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|some\s+|just\s+)?(\d[\d,]*(?:\.\d+)?)\b[^.;]{0,60}?\bto\s+"
                          r"(?:about\s+|around\s+|at\s+least\s+|some\s+)?$")


def _baseline(goal: str, m: re.Match) -> float | None:
    """The figure ``m``'s baseline the goal states beside it ("against 17 in Paris", "up from 12",
    "from 28 million ... to"), or None."""
    after = _BASE_AFTER.match(goal[m.end(1):])
    before = _BASE_BEFORE.search(goal[:m.start(1)])
    found = after or before
    if found is None or _is_year(found.group(1)):
        return None
    return float(found.group(1).replace(",", ""))


# Spans of time are counted in their own steps: "within 48 hours" among 24, 72 and 96 hours, not
# among 28, 38 and 58 (round 25A: a reader rules those out for free).
_SPANS = {
    "hour": (6, 12, 24, 36, 48, 72, 96, 120),
    "day": (3, 5, 7, 10, 14, 21, 30, 45, 60, 90, 120, 180),
    "week": (1, 2, 3, 4, 6, 8, 10, 12, 16, 26, 52),
    "month": (3, 6, 9, 12, 18, 24, 36, 48, 60),
}


def _span_rungs(value: float, text: str, after: str) -> list[int] | None:
    """Other spans of the unit after the figure, from ``_SPANS``, the key at a rung its own digits
    pick; None when the figure is no span of time or no such step."""
    unit = re.match(r"\s*(?:-\s*)?(hour|day|week|month)s?\b", after)
    if unit is None or value != int(value) or int(value) not in _SPANS[unit.group(1)]:
        return None
    steps = _SPANS[unit.group(1)]
    i = steps.index(int(value))
    below = min(zlib.crc32(text.encode()) % 4, i)
    below = max(below, 3 - (len(steps) - 1 - i))
    window = [steps[j] for j in range(i - below, i - below + 4) if 0 <= j < len(steps) and j != i]
    spares = sorted((v for v in steps if v != value and v not in window), key=lambda v: abs(v - value))
    return [*window, *spares]


def _ladder(value: float, text: str, least: float) -> list[float]:
    """Other rungs of a ladder of four through ``value``: even steps of a round number (1, 2, 2.5
    or 5 times a power of ten, a multiple of ``least``) near a quarter of it, ``value`` at a rung
    its own digits pick (so the key is not always the smallest, the middle or the base the others
    are multiples of: blind reviews named "1.5, 2 and 3 times the key" a giveaway). The three
    rungs first, then spare ones further out (the article may give some of them), none below
    ``least``."""
    quarter = value / 4
    power = 10 ** math.floor(math.log10(quarter)) if quarter > 0 else least
    steps = [k * power for k in (1, 2, 2.5, 5, 10) if k * power >= least and round(k * power / least, 6) % 1 == 0]
    step = min(steps or [least], key=lambda st: abs(math.log(st / quarter)) if quarter > 0 else st)
    below = zlib.crc32(text.encode()) % 4
    while below and value - below * step < least:
        below -= 1
    rungs = [value + k * step for k in range(-below, 4 - below) if k]
    spares = sorted((value + k * step for k in [*range(4 - below, 8 - below), *range(-below - 1, -below - 4, -1)]),
                    key=lambda v: (abs(v - value), v))
    return [round(v, 6) for v in [*rungs, *spares] if v >= least]


_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_MONTH_BEFORE = re.compile(rf"\b{_MONTH_WORD}\s+$")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_WORD}(?!\w)")
_TIME_PREP = re.compile(r"\b(?:by|in|until|till|from|before|after|since|through|to|between|and|"
                        r"(?:end|start|beginning|middle|half|quarter)\s+of)\s+(?:the\s+)?$", re.I)


_DEADLINE_BEFORE = re.compile(rf"\b{DEADLINE_BOUND}\s+{PART_OF_YEAR}?"
                              r"(?:(?:early|mid|late)[- ])?(?:\w+\s+)?$", re.I)


def change_a_figure(goal: str, taken: set[str], rng: Any, written: int | None = None) -> str | None:
    """``goal`` with one figure changed to a value the article nowhere gives (``taken``: every
    figure in it), or None (``_figures``, ``_other_values``). A year the article writes in or after
    (``written``) stays a year from then on: "will hold workshops in 2024", said in 2025, is false
    by the calendar, not by reading (round 39)."""
    cands = _figures(goal)
    if not cands or any(_sum_of_others(goal, c.start(1), c.end(1)) for c in cands):
        return None  # "40 factories - 15, 15 and 10": a changed part no longer adds up, a sum to check
    # a year is changed only where it dates something ("by 2030", "in 2028", "the end of 2027"); one
    # that names an edition ("wants 2030 to be the cleanest World Cup", "the 2030 Games") is ruled
    # out, once changed, by knowing when the event is, not by reading (round 44)
    cands = [c for c in cands if not _is_year(c.group(1)) or _TIME_PREP.search(goal[:c.start(1)])
             and not re.match(r"\s+[A-Z]", goal[c.end(1):])
             and not re.search(r"\b(?:later|earlier)\s+in\s+$", goal[:c.start(1)])]  # ("later in 2026": this year, round 49)
    # nor a day of a month ("on Nov. 3" -> "Nov. 4"): a day off is trivia, not a false statement (round 48)
    cands = [c for c in cands if not _MONTH_BEFORE.search(goal[:c.start(1)]) and not _MONTH_AFTER.match(goal[c.end(1):])]
    if not cands:
        return None
    m = rng.choice(cands)
    options = _other_values(goal, m, taken)
    if written is not None and _is_year(m.group(1)) and int(m.group(1)) >= written:
        options = [o for o in options if int(o) >= written]
    if _is_year(m.group(1)) and _DEADLINE_BEFORE.search(goal[:m.start(1)]):
        # "to admit two members by the end of 2027": "by 2029" is then true as well; only an earlier
        # deadline is false (round 47)
        options = [o for o in options if int(o) < int(m.group(1))]
    if not options:
        return None
    return goal[:m.start(1)] + rng.choice(options) + goal[m.end(1):]
