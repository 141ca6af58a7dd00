"""How many members a body has: "How many member countries does Interpol have?", read off the
shapes news gives it in ("Interpol, which has 196 member countries", "the 16-member Southern
African Development Community", "seven of the eight member states of the Arctic Council").

Why this item: a bloc's or an organisation's size is what a reader is expected to carry away from
a report about it, it has one right answer, and numbers near it that the article never gives are
wrong options a reader cannot rule out without having read it.
"""

from __future__ import annotations

import re
from typing import Any

from ..labels import _full_name
from ..rank import _Cand
from ..render import with_the
from ..sentences import find_span, strip_dateline
from .goals import _named_party
from .venues import _central

_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}
_NUMBER = r"(\d{1,3}|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")"
_MEMBERS = r"(member\s+(?:states|countries|nations|economies)|members|countries|nations|states)"
_HAS = r"(?:has|have|comprises|groups|brings\s+together|includes|counts|is\s+made\s+up\s+of|consists\s+of)"
_ACRONYM = r"(?:\s*\([A-Z][\w&+-]{1,10}\))?"


def _count(word: str) -> int | None:
    w = word.lower()
    return int(w) if w.isdigit() else _WORDS.get(w)


def members_in(sentence: str, name: str) -> tuple[int, str] | None:
    """The number of members ``sentence`` gives the body ``name``, and the noun it counts them
    with ("member countries"); None when it gives none."""
    span = find_span(sentence, name)
    if span is None:
        return None
    before, after = sentence[:span[0]], sentence[span[1]:]
    m = re.match(rf"{_ACRONYM},?\s+(?:which|that)\s+{_HAS}\s+{_NUMBER}\s+{_MEMBERS}\b", after, re.I) or \
        re.match(rf"{_ACRONYM}\s+{_HAS}\s+{_NUMBER}\s+{_MEMBERS}\b", after, re.I)
    if m:
        noun = m.group(2).lower()
        if noun in ("countries", "nations", "states") and not re.search(r"\bmember", m.group(0)):
            noun = f"member {noun}"  # "groups 15 countries": its members
        return _sized(m.group(1), noun)
    m = re.search(rf"\bthe\s+{_NUMBER}-(?:member|nation|country|state)\s+(?:[a-z]+\s+)?$", before, re.I)
    if m:
        return _sized(m.group(1), "members")
    m = re.search(rf"\bthe\s+{_NUMBER}\s+{_MEMBERS}\s+of\s+(?:the\s+)?$", before, re.I)
    if m and m.group(2).lower().startswith("member"):
        return _sized(m.group(1), m.group(2).lower())
    return None


def _sized(word: str, noun: str) -> tuple[int, str] | None:
    n = _count(word)
    return (n, " ".join(noun.split())) if n is not None and n >= 2 else None


def _step(n: int) -> int:
    """How far apart sizes near ``n`` lie: 1 under ten, 2 under thirty, else a tenth rounded to 5."""
    return 1 if n < 10 else 2 if n < 30 else max(5, round(n * 0.1 / 5) * 5)


def count_foils(n: int, below: int, said: frozenset[int] | set[int] = frozenset()) -> list[int]:
    """Three sizes near ``n`` a reader could believe and the article never gives (``said``),
    ``below`` of them under it and the rest over it (so the key is not always the smallest or
    the middle one), a step apart, the step growing with the number (5 and 7 beside 6; 176 and
    216 beside 196)."""
    step = _step(n)
    under = [v for v in (n - k * step for k in range(1, 8)) if v >= 2 and v not in said][:below]
    over = [v for v in (n + k * step for k in range(1, 8)) if v not in said]
    return under + over[:3 - len(under)]


class CountItems:
    """Mixed into the generator: uses its ``corpus`` and ``mc``."""

    def member_count(self, f: Any) -> list[_Cand | None]:
        full = _full_name(f)
        if not full or f.subtype not in ("organisation", None) or not _named_party(full):
            return []  # "the 11-member union": which one?
        found: dict[int, tuple[str, Any]] = {}
        for src in f.sources:
            sentence = strip_dateline(src.sentence)
            for name in [full, *f.aliases]:
                sized = members_in(sentence, name)
                if sized:
                    found.setdefault(sized[0], (sized[1], src))
                    break
        if len(found) != 1:
            return []  # none, or two sizes (before and after a member joined): which?
        n, (noun, src) = next(iter(found.items()))
        if not _central(f, src.article):
            return []  # a bloc's size told in passing is general knowledge the article only repeats
        text = " ".join(t for _i, t in self.corpus._sentences.get(src.article, ()))
        said = {c for w in re.findall(r"\b\w+\b", text) if (c := _count(w)) is not None}
        step = _step(n)
        first = self.rng.choice((0, 1, 1, 2, 2, 3))
        # the key among its foils, never apart from them (a size the article gives is skipped, so
        # the layout drawn may leave a gap: the next one that does not is taken)
        foils = next((fs for below in (first, *range(4)) for fs in [count_foils(n, below, said)]
                      if len(fs) == 3 and min(abs(v - n) for v in fs) <= step
                      and max(abs(v - n) for v in fs) <= 3 * step), None)
        if foils is None:
            return []  # the near sizes are in the article: the foils left stand apart from the key
        foils = [str(v) for v in foils]
        prompt = f"How many {noun} does {with_the(full)} have?"
        return [self.mc([f], "mc:members", prompt, str(n), [str(n)], [(0, v) for v in foils],
                        sources=[{"article": src.article, "sentence": src.sentence}],
                        explanation=f"The article says: {strip_dateline(src.sentence)}", setting=False,
                        slot=f"{f.id}|members")]
