"""Of the days one event was read with, the one its sentence gives it.

The extractor may read an event with two days: "will be held on 8 March 2026, followed by ... a
runoff on 21 June 2026" gives the elections both; "entered into force on 15 February 2012, exactly
thirteen years ago today" a second day counted from the writing. The fact is then flagged as in
conflict; asked of the wrong day, its key is wrong (session 27's round 159)."""

from __future__ import annotations

import re

from ..blanks import _DATE_IN_TEXT
from ..normalise import iso_parts, parse_date


def first_date(sentence: str, iso: str, note: str = "") -> bool:
    """Of the days an event was read with (``note`` lists them), is ``iso`` the one the sentence
    writes first? A day read from "thirteen years ago today" or "a year later" is the writer's, not
    the event's; of two written out, the first is the one its clause gives ("will be held on 8 March
    2026, followed by ... a runoff on 21 June 2026")."""
    rivals = set(re.findall(r"\b(?:19|20)\d\d(?:-\d\d){0,2}\b", note)) | {iso}
    for m in _DATE_IN_TEXT.finditer(sentence):
        parsed = parse_date(m.group(0))
        if parsed is None:
            continue
        hit = max((r for r in rivals if _same_day(parsed, iso_parts(r))), key=len, default=None)  # (the fullest)
        if hit is not None:
            return hit == iso
    return False


def _same_day(parsed: tuple, wanted: tuple | None) -> bool:
    """Do a date as written (its year may be left out: "on 18 August") and a fact's day agree?"""
    if wanted is None:
        return False
    shared = [(a, b) for a, b in zip(parsed, wanted, strict=False) if a is not None and b is not None]
    return bool(shared) and all(a == b for a, b in shared)
