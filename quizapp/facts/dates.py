"""Dates of events: absolute, partial and relative expressions, resolved against the article date.

News prose dates events relative to publication: "said Wednesday" is the Wednesday on or before the
publication day, "last Friday (Sep. 17)" carries its own answer in brackets, "76 years ago" is a
year. Resolution is pure arithmetic on the article's date; without one, only absolute dates count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..corpus.parse import MONTHS
from .lexicon import WEEKDAYS

# The words a deadline is set with ("by 2030", "no later than the end of 2027"), and a time phrase
# that ends on a year ("by the end of 2027", "in early 2026", "before 30 June 2025"): one home for
# the items that restate, blank, change or ask an aim's deadline (``questions.items``) and the checks
# that read past one (``questions.sentences``).
DEADLINE_BOUND = r"(?:by|before|until|till|no\s+later\s+than)"
PART_OF_YEAR = r"(?:the\s+(?:end|start|beginning|middle|first\s+half|second\s+half)\s+of\s+)"
# A month's full name, for the patterns of other modules that read one.
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
TIME_PHRASE = (r"(?:by|before|until|till|in|from|within|after|on|during|no\s+later\s+than)\s+" + PART_OF_YEAR + "?"
               r"(?:(?:early|mid|late)[-\s])?(?:\d{1,2}\s+)?(?:" + MONTH + r"\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d\d\b")

_M2 = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_M = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?<![\d.,])(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_Q = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
PATTERNS = [
    # parts of a year: "the first quarter of 2026", "the second half of next year", "by the end of
    # 2025", "early 2025", "late next year" (as precise as the words allow)
    ("quarter", re.compile(rf"\b{_Q}\s+quarter\s+of\s+(?:(?P<year>(?:19|20)\d\d)|(?P<rel>this|next|last)\s+year)\b", re.I)),
    ("half", re.compile(r"\b(?P<h>first|second)\s+half\s+of\s+(?:(?P<year>(?:19|20)\d\d)|(?P<rel>this|next|last)\s+year)\b", re.I)),
    ("year_end", re.compile(r"\b(?:the\s+)?end\s+of\s+(?:(?P<year>(?:19|20)\d\d)|(?P<rel>this|next|last)\s+year)\b", re.I)),
    ("month_end", re.compile(r"\b(?:the\s+)?end\s+of\s+(?P<rel>this|next|last)\s+month\b", re.I)),
    ("year", re.compile(r"\b(?:early|late|mid|mid-|later\s+in|earlier\s+in)\s*(?P<year>(?:19|20)\d\d)\b", re.I)),
    ("year_rel", re.compile(r"\b(?:early|late|mid|mid-)\s*(?P<rel>this|next|last)\s+year\b", re.I)),
    # "2026–2030", "between 2026 and 2030": the start
    ("year", re.compile(r"\b(?:between\s+)?(?P<year>(?:19|20)\d\d)\s*(?:[–-]|and|to)\s*(?:19|20)?\d\d(?![-\d])(?!\s*(?:people|per|%))")),
    # "this week", "last week", "next week": the month it falls in
    ("week", re.compile(r"\b(?P<rel>this|last|next|earlier\s+this|later\s+this)\s+week\b", re.I)),
    ("month_rel", re.compile(r"\b(?P<rel>this|last|next|earlier\s+this|later\s+this)\s+month\b", re.I)),
    # told against the date the text gave just before: "a day later", "the following year", "that July"
    ("anchor", re.compile(r"\b(?:(?P<n>a|one|two|three|four|five|six|\d{1,2})\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>later|earlier|after|before)"
                          r"|the\s+(?P<next>next|following|previous|same)\s+(?P<unit2>day|week|month|year)"
                          r"|that\s+(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?))\b", re.I)),
    # ranges: the start is the event's date ("24-25 June 2011", "February 15-17, 2023",
    # "from 25 July to 3 August 2010", "November 17 to 23, 2024")
    ("dmy", re.compile(rf"{_DAY}\s*(?:[-–]|to|and)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+{_M},?\s+(?P<year>(?:19|20)\d\d)\b")),
    ("mdy", re.compile(rf"\b{_M}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:[-–]|to|and)\s*\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b")),
    ("dmy", re.compile(rf"{_DAY}\s+{_M}\s*(?:[-–]|to|until|till)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+{_M2},?\s+(?P<year>(?:19|20)\d\d)\b")),
    # "Feb 14 (Wed), 2024"
    ("mdy", re.compile(rf"\b{_M}\s+(?P<day>\d{{1,2}})\s*\([A-Za-z]{{2,9}}\.?\),?\s+(?P<year>(?:19|20)\d\d)\b")),
    # "August 16, 2021" / "Aug. 16 2021"
    ("mdy", re.compile(rf"\b{_M}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b")),
    # "16 August 2021" (also glued to a preceding word: "World Bank23 June 2011")
    ("dmy", re.compile(rf"{_DAY}\s+{_M},?\s+(?P<year>(?:19|20)\d\d)\b")),
    # "2021-08-16"
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<day>\d\d)\b")),
    # "last Friday (Sep. 17)" -> the bracketed date
    ("wd_paren", re.compile(rf"\b(?:last|this|next|on)?\s*(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*\(\s*{_M}\s+(?P<day>\d{{1,2}})\s*\)")),
    # "Aug. 15" / "on August 20" (no year)
    ("md", re.compile(rf"\b{_M}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+(?:19|20)\d\d)")),
    # "from 1 to 5 December" (no year): the start
    ("dm", re.compile(rf"{_DAY}\s*(?:[-–]|to|and)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+{_M}(?![\w.]*,?\s+(?:19|20)\d\d)\b")),
    # "from 25 July to 3 August" (no year): the start
    ("dm", re.compile(rf"{_DAY}\s+{_M}\s*(?:[-–]|to|until|till)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+{_M2}(?![\w.]*,?\s+(?:19|20)\d\d)\b")),
    # "16 August" (no year)
    ("dm", re.compile(rf"{_DAY}\s+{_M}(?![\w.]*,?\s+(?:19|20)\d\d)\b")),
    # "in May 2025"
    ("my", re.compile(rf"\b{_M}\s+(?P<year>(?:19|20)\d\d)\b")),
    # "in September last year", "in March next year"
    ("mon_rel", re.compile(rf"\b{_M}\s+(?P<rel>last|next|this)\s+year\b")),
    # "in the early 1990s", "the late 1980s"
    ("decade", re.compile(r"\b(?:early|late|mid|mid-)?\s*(?P<year>(?:19|20)\d0)s\b")),
    # "this year", "last year", "next year", "earlier this year"
    ("year_rel", re.compile(r"\b(?P<rel>[Tt]his|[Ll]ast|[Nn]ext|[Pp]ast)\s+year\b(?!['’]s\s+(?:budget|report))")),
    # "fiscal 2025", "the 2025 budget", "its 2030 target"
    ("year", re.compile(r"\b(?:fiscal(?:\s+year)?|FY|the|its|their|a)\s+(?P<year>(?:19|20)\d\d)(?=\s+[a-z])")),
    # "in April" (no day, no year): that month of the publication year
    ("mon", re.compile(rf"\b(?:in|by|until|since|from|during|before|after|early|late|mid-)\s*{_M}(?![\w.]*\s+\d)")),
    # weekday alone: "said Wednesday", "on Monday"
    ("wd", re.compile(r"\b(?:(?P<rel>last|next|this)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    # "76 years ago"
    # ("Thirty-six years ago": the tens too, never "six" alone, round 110)
    ("ago", re.compile(r"(?<![\w-])(?:(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?"
                       r"(?P<n>\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>years?|months?|weeks?|days?)\s+ago\b",
                       re.I)),
    # "the 20th anniversary of ..." in a sentence about this year
    ("anniv", re.compile(r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+of\s+(?P<what>[^,.;]+)")),
    # "yesterday" / "today"
    ("rel", re.compile(r"\b(?P<word>yesterday|today)\b")),
    # "in 2021"
    ("year", re.compile(r"\b(?:in|since|by|of|until|from)\s+(?P<year>(?:19|20)\d\d)\b")),
]
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10}


@dataclass
class DateMention:
    iso: str  # YYYY, YYYY-MM or YYYY-MM-DD
    start: int
    end: int
    how: str  # which pattern resolved it
    anniversary_of: str | None = None


_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _past_weekday(ref: date, weekday: str, rel: str | None) -> date:
    """The named weekday on or before ``ref`` ("last" forces strictly before)."""
    target = WEEKDAYS.index(weekday.lower())
    delta = (ref.weekday() - target) % 7
    if rel == "last" and delta == 0:
        delta = 7
    if rel == "next":
        return ref + timedelta(days=(target - ref.weekday()) % 7 or 7)
    return ref - timedelta(days=delta)


UPCOMING_DAYS = 42


def _year_for(month: int, day: int, ref: date, future: bool = False) -> int:
    """Year for a month/day without one: the latest such date not after publication (+ a week),
    or, in a sentence about what is to come, the first such date from a week before publication.
    A date up to six weeks after publication is the coming one even without a "will": news
    announces ("the Committee meets from 25 July") and would give the year of a date almost a
    year back."""
    y = ref.year
    try:
        if future:
            if date(y, month, day) < ref - timedelta(days=7):
                y += 1
        elif date(y, month, day) > ref + timedelta(days=UPCOMING_DAYS):
            y -= 1
    except ValueError:
        pass
    return y


def find_dates(text: str, published: date | None, year_hint: int | None = None,
               future_at=None, anchor: str | None = None) -> list[DateMention]:
    """Every date expression in ``text`` that can be resolved, without overlaps.

    Without a publication date, ``year_hint`` (the year the article's own metadata or text points
    to) still dates a month and day ("on October 21"); weekdays and "ago" stay unresolved."""
    found: list[DateMention] = []
    if not MAY_HAVE_DATE.search(text):
        return found  # most sentences have no date at all: one cheap scan instead of every pattern
    sentence_future = bool(FUTURE.search(text))

    def taken(s: int, e: int) -> bool:
        return any(not (e <= m.start or s >= m.end) for m in found)

    for how, rx in PATTERNS:
        for m in rx.finditer(text):
            if taken(m.start(), m.end()):
                continue
            g = m.groupdict()
            # the clause the date belongs to decides (a parse, when the caller has one); else the sentence
            future = future_at(m.start(), m.end()) if future_at is not None else sentence_future
            try:
                year_before = _year_before(text, m.start()) if how in ("md", "dm", "mon") else None
                if year_before is not None:
                    # "2020 – Soldiers overthrow ... in August": the year the line already gave
                    iso = _resolve(how, g, date(year_before, 12, 31) if how != "mon" else date(year_before, 6, 30))
                    if how == "mon":
                        iso = f"{year_before:04d}-{_month(g['mon']):02d}"
                elif how == "anchor":
                    iso = _from_anchor(g, anchor)
                else:
                    iso = _resolve(how, g, published, future)
                if iso is None and published is None and how in ("md", "dm"):
                    # "from 11 to 12 September and ... on 14 and 15 September 2025": the month's own
                    # year, told later in the sentence, before the article's most named year
                    year = _year_after(text, m.end(), _month(g["mon"])) or year_hint
                    iso = date(year, _month(g["mon"]), int(g["day"])).isoformat() if year else None
                if iso is None and published is None and year_hint and how in ("year_rel", "quarter", "half", "year_end"):
                    iso = _resolve(how, g, date(year_hint, 6, 30), future)
            except (ValueError, KeyError):
                continue
            if iso is None:
                continue
            start, end = m.start(), m.end()
            if how == "year" and _NAME_BEFORE.search(text, 0, m.start("year")):
                continue  # "the Implementation Roadmap 2025-2028", "Agenda 2063": a name's years, no event's
            if how == "year":
                start = m.start("year")
            if how == "anniv":
                found.append(DateMention(iso, start, end, how, g["what"].strip()))
            else:
                found.append(DateMention(iso, start, end, how))
    return _with_their_year(text, sorted(found, key=lambda d: d.start))


def _with_their_year(text: str, found: list[DateMention]) -> list[DateMention]:
    """"15 April last year", "3 May this year": the day takes the year the words after it say,
    and the two are one mention."""
    out: list[DateMention] = []
    skip: set[int] = set()
    for i, d in enumerate(found):
        if i in skip:
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and nxt.how == "year_rel" and len(d.iso) > 4 and len(nxt.iso) == 4 \
                and not text[d.end:nxt.start].strip():
            iso = nxt.iso + d.iso[4:]
            try:
                date.fromisoformat(iso if len(iso) == 10 else iso + "-01")
            except ValueError:
                iso = d.iso
            out.append(DateMention(iso, d.start, nxt.end, d.how, d.anniversary_of))
            skip.add(i + 1)
            continue
        out.append(d)
    return out


def _year_before(text: str, pos: int) -> int | None:
    """The last explicit year written before ``pos`` in the same sentence ("2020 – ... in August")."""
    years = re.findall(r"(?<![\d.])((?:19|20)\d\d)(?![\d.]|s\b)", text[:pos])
    return int(years[-1]) if years else None


# A capitalised word right before a year, not the sentence's first nor a word of time or a month:
# the year is part of a name ("Roadmap 2025-2028", "Vision 2030", "Expo 2025").
_NAME_BEFORE = re.compile(r"(?<=\S\s)(?!(?:In|By|Since|From|Until|Till|Before|After|During|Between|Early|Late|Mid|"
                          r"The|Its|Their|Fiscal|FY|Of|And|To|Through|Summer|Winter|Spring|Autumn|Fall|"
                          r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\S*$)"
                          r"[A-Z][a-z]+\s+$")


def _year_after(text: str, pos: int, month: int) -> int | None:
    """The year of the first date after ``pos`` in the same sentence that names the same month
    with a year ("... 14 and 15 September 2025")."""
    for m in re.finditer(r"\b([A-Z][a-z]{2,8})\.?\s+((?:19|20)\d\d)\b", text[pos:]):
        try:
            if _month(m.group(1)) == month:
                return int(m.group(2))
        except (KeyError, ValueError):
            continue
    return None


_UNITS = {"day": 1, "week": 7}
_NUM = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _from_anchor(g: dict, anchor: str | None) -> str | None:
    """A date told against the one before it ("a day later", "the following year", "that July")."""
    if not anchor:
        return None
    parts = [int(x) for x in anchor.split("-")]
    if g.get("mon"):
        return f"{parts[0]:04d}-{_month(g['mon']):02d}"
    if g.get("next"):
        unit, step = g["unit2"].lower(), {"next": 1, "following": 1, "previous": -1, "same": 0}[g["next"].lower()]
    else:
        unit = g["unit"].lower().rstrip("s")
        step = (int(g["n"]) if g["n"].isdigit() else _NUM[g["n"].lower()]) * (1 if g["dir"].lower() in ("later", "after") else -1)
    if unit == "year":
        return str(parts[0] + step)
    if unit == "month" and len(parts) >= 2:
        y, m = divmod(parts[0] * 12 + parts[1] - 1 + step, 12)
        return f"{y:04d}-{m + 1:02d}"
    if unit in _UNITS and len(parts) == 3:
        return (date(*parts) + timedelta(days=step * _UNITS[unit])).isoformat()
    return None


MAY_HAVE_DATE = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\b"
                           r"|\b(?:year|month|week|today|yesterday|ago|decade|later|earlier|anniversary)", re.I)


def _next_weekday(ref: date, weekday: str) -> date:
    """The named weekday on or after ``ref``: a planned event ("will meet on Monday")."""
    target = WEEKDAYS.index(weekday.lower())
    return ref + timedelta(days=(target - ref.weekday()) % 7)


# A sentence about what is still to come: its bare weekdays point forward, not back.
FUTURE = re.compile(r"\b(?:will|shall|is\s+(?:scheduled|set|due|expected)\s+to|are\s+(?:scheduled|set|due|expected)\s+to|"
                    r"is\s+to|are\s+to|upcoming|next)\b", re.I)


def _resolve(how: str, g: dict, ref: date | None, future: bool = False) -> str | None:
    if how in ("mdy", "dmy"):
        return date(int(g["year"]), _month(g["mon"]), int(g["day"])).isoformat()
    if how == "iso":
        return date(int(g["year"]), int(g["m"]), int(g["day"])).isoformat()
    if how == "my":
        return f"{int(g['year']):04d}-{_month(g['mon']):02d}"
    if how == "year":
        return g["year"]
    if ref is None:
        return None
    if how == "decade":
        return g["year"]
    if how in ("wd_paren", "md", "dm"):
        month, day = _month(g["mon"]), int(g["day"])
        return date(_year_for(month, day, ref, future), month, day).isoformat()
    if how == "mon":
        if g["mon"].rstrip(".").lower() == "may" and not g["mon"][0].isupper():
            return None
        month = _month(g["mon"])
        # a month still to come that is earlier in the calendar falls in the next year
        year = ref.year + (1 if future and month < ref.month else 0)
        return f"{year:04d}-{month:02d}"
    rel = {"last": -1, "past": -1, "next": 1}.get((g.get("rel") or "").lower().split()[-1:][0] if g.get("rel") else "", 0)
    if how == "quarter":
        y = int(g["year"]) if g.get("year") else ref.year + rel
        q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}[g["q"].lower()]
        return f"{y:04d}-{3 * q - 2:02d}"
    if how == "half":
        y = int(g["year"]) if g.get("year") else ref.year + rel
        return f"{y:04d}-{1 if g['h'].lower() == 'first' else 7:02d}"
    if how == "year_end":
        y = int(g["year"]) if g.get("year") else ref.year + rel
        return f"{y:04d}-12"
    if how == "month_end":
        y, mth = divmod(ref.year * 12 + ref.month - 1 + rel, 12)
        return f"{y:04d}-{mth + 1:02d}"
    if how == "week":
        shifted = ref + timedelta(days=7 * rel)
        return f"{shifted.year:04d}-{shifted.month:02d}"
    if how == "month_rel":
        y, mth = divmod(ref.year * 12 + ref.month - 1 + rel, 12)
        return f"{y:04d}-{mth + 1:02d}"
    if how == "mon_rel":
        delta = {"last": -1, "next": 1}.get(g["rel"], 0)
        return f"{ref.year + delta:04d}-{_month(g['mon']):02d}"
    if how == "year_rel":
        return str(ref.year + {"last": -1, "past": -1, "next": 1}.get(g["rel"].lower(), 0))
    if how == "wd":
        if future and g.get("rel") not in ("last",):
            return _next_weekday(ref, g["wd"]).isoformat()
        return _past_weekday(ref, g["wd"], g.get("rel")).isoformat()
    if how == "ago":
        n = int(g["n"]) if g["n"].isdigit() else NUMBERS[g["n"].lower()]
        if g.get("tens"):
            if g["n"].isdigit():
                return None
            n += 10 * (_TENS.index(g["tens"].lower()) + 2)
        unit = g["unit"].lower().rstrip("s")
        if unit == "year":
            return str(ref.year - n)
        if unit == "month":
            y, mth = divmod(ref.year * 12 + ref.month - 1 - n, 12)
            return f"{y:04d}-{mth + 1:02d}"
        return (ref - timedelta(days=n * (7 if unit == "week" else 1))).isoformat()
    if how == "anniv":
        return str(ref.year - int(g["n"]))
    if how == "rel":
        return (ref - timedelta(days=1 if g["word"] == "yesterday" else 0)).isoformat()
    return None
