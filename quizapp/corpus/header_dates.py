"""Dates a header or a dateline writes: month names, the common full-date forms, numeric dates
and how to read an ambiguous one ("07/04/2024"), by the site's convention or by what the article
reports as already held."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
# "Aug 25, 2021" / "August 25 2021" / "25 August 2021" / "2021-08-25" / "2021/08/25"
DATE_RE = re.compile(
    rf"(?P<mdy>(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}}))"
    rf"|(?P<dmy>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}}))"
    r"|(?P<iso>(?P<y3>\d{4})[-/](?P<m3>\d{1,2})[-/](?P<d3>\d{1,2}))",
    re.IGNORECASE,
)

# Numeric dates other than ISO: "2024.02.06", "29.09.23", "04.07.2024", "08/12/2014", "07/04/2024".
NUMERIC_DATE = re.compile(
    r"(?<![\d.])(?:(?P<y>(?:19|20)\d\d)[./](?P<m>\d{1,2})[./](?P<d>\d{1,2})"
    r"|(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<yy>(?:19|20)?\d\d))(?![\d.]*\d)"
)


def parse_date(text: str, month_first: bool = False) -> date | None:
    """The first full date in ``text`` in any common format, or None. ``month_first`` says how to
    read an ambiguous slashed date ("07/04/2024"): the site's convention, from how its text writes dates."""
    for m in DATE_RE.finditer(text):
        try:
            if m.group("mdy"):
                return date(int(m["y1"]), MONTHS[m["m1"].rstrip(".").lower()], int(m["d1"]))
            if m.group("dmy"):
                return date(int(m["y2"]), MONTHS[m["m2"].rstrip(".").lower()], int(m["d2"]))
            return date(int(m["y3"]), int(m["m3"]), int(m["d3"]))
        except (ValueError, KeyError):
            continue
    for m in NUMERIC_DATE.finditer(text):
        try:
            if m.group("y"):
                return date(int(m["y"]), int(m["m"]), int(m["d"]))
            a, b, yy = int(m["a"]), int(m["b"]), m["yy"]
            year = int(yy) if len(yy) == 4 else 2000 + int(yy)
            if m["sep"] == "." or a > 12:
                day, month = a, b  # dotted dates are day-first wherever they are written
            elif b > 12:
                month, day = a, b
            else:
                month, day = (a, b) if month_first else (b, a)
            return date(year, month, day)
        except ValueError:
            continue
    return None


def writes_month_first(raw: str) -> bool:
    """True when the article's own prose writes dates month first ("July 4, 2024"), the US
    convention; then an ambiguous "07/04/2024" in its header is read the same way.

    The article's own past outranks its style: "Posted 12/11/2024" over a report of a meeting
    "held on 9-10 December 2024" was posted on 11 December, whichever way the prose writes its
    dates (round 108: read as 12 November, the meeting's "Tuesday" fell in November)."""
    head = NUMERIC_DATE.search(raw[:600])
    if head and head["sep"] == "/" and head["a"] and int(head["a"]) <= 12 and int(head["b"]) <= 12 \
            and head["a"] != head["b"]:
        a, b, yy = int(head["a"]), int(head["b"]), head["yy"]
        year = int(yy) if len(yy) == 4 else 2000 + int(yy)
        month_first, day_first = date(year, a, b), date(year, b, a)
        told = _told_past(raw)
        lo, hi = sorted((month_first, day_first))
        if any(lo < d <= hi for y, d in told if y):
            return hi == month_first  # (only the later reading comes after what it reports as done)
        # "12/04/2025" over "met in Cairo on 2-3 December": news tells of the days just before it
        # is written; the reading a day or two after the meeting is the one (session 26: read as
        # 12 April, the meeting went to December 2024)
        days = [(d.month, d.day) for y, d in told if not y]
        if days:
            gaps = [min(_days_since(pub, m, d) for m, d in days) for pub in (month_first, day_first)]
            if min(gaps) <= 31 < max(gaps):
                return gaps[0] < gaps[1]
    mdy = len(re.findall(rf"\b{_MONTH}\s+\d{{1,2}},\s+\d{{4}}", raw))
    dmy = len(re.findall(rf"\b\d{{1,2}}\s+{_MONTH}\s+\d{{4}}", raw))
    return mdy > dmy


# A sentence that tells its date as past: "held on 9-10 December 2024", "was signed on ...".
# (and figures "As of 8 March" or "had reported": counted up to a day before the writing, round 206)
_PAST_CUE = re.compile(r"\b(?:held|was|were|met|took\s+place|signed|adopted|launched|opened|closed|ended|concluded|"
                       r"[Aa]s\s+of|had\s+(?:reported|recorded|registered|confirmed)|"
                       r"approved|announced)\b")


_FUTURE_CUE = re.compile(r"\b(?:will|shall|to\s+be|due|scheduled|expected|planned|next)\b", re.I)


def _days_since(pub: date, month: int, day: int) -> int:
    """Days from the last ``day`` of ``month`` on or before ``pub`` to ``pub``."""
    for year in (pub.year, pub.year - 1):
        try:
            then = date(year, month, day)
        except ValueError:
            return 10 ** 6
        if then <= pub:
            return (pub - then).days
    return 10 ** 6


def _told_past(raw: str) -> list[tuple[bool, date]]:
    """Days in sentences of the article that tell them as past, each with whether its year was
    written (the last day of a range: "9-10 December 2024"; "met in Cairo on 2-3 December" has
    none, and stands in a leap year so that 29 February is a day)."""
    out: list[tuple[bool, date]] = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", raw):
        if not _PAST_CUE.search(sentence) or _FUTURE_CUE.search(sentence):
            continue
        for m in re.finditer(rf"\b(?:\d{{1,2}}\s*[-–]\s*)?(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})\b(?:,?\s+(?P<y>(?:19|20)\d\d))?"
                             rf"|\b(?P<m2>{_MONTH})\s+(?:\d{{1,2}}\s*[-–]\s*)?(?P<d2>\d{{1,2}})\b(?:,?\s+(?P<y2>(?:19|20)\d\d))?",
                             sentence, re.I):
            year = m["y"] or m["y2"]
            try:
                month = MONTHS[(m["m"] or m["m2"]).rstrip(".").lower()]
                out.append((bool(year), date(int(year) if year else 2000, month, int(m["d"] or m["d2"]))))
            except (KeyError, ValueError):
                continue
    return out
