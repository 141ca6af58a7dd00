"""Text and date normalisation shared by the grader and the generator.

Pure string functions, so the hot ones are memoised (generation compares the same strings many
times over). Both sides must agree on what "the same answer" means: the generator uses these helpers to keep
answers out of prompts and aliases out of distractors, the grader to compare typed responses. So the
rules live in one place: case, diacritics, punctuation, leading articles and whitespace never matter;
dates are compared as (year, month, day) parts, never as text.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from functools import lru_cache

ARTICLES = ("the", "a", "an")
# Function words that never distinguish two answers ("Belt and Road" = "Belt Road").
STOPWORDS = frozenset({"the", "a", "an", "of", "and", "for", "in", "on", "at", "to", "with", "by"})

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
MONTHS: dict[str, int] = {}
for _i, _name in enumerate(MONTH_NAMES, start=1):
    MONTHS[_name.lower()] = _i
    MONTHS[_name[:3].lower()] = _i
MONTHS["sept"] = 9
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

DateParts = tuple[int | None, int | None, int | None]  # (year, month, day); None = not stated

_DOTTED_ACRONYM = re.compile(r"\b(?:\w\.){2,}")
_APOSTROPHE = re.compile(r"(?<=\w)['\u2019](?=\w)")
_NON_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Casefold and strip diacritics (NFKD, then drop combining marks): "Lavróv" == "lavrov"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


@lru_cache(maxsize=1 << 16)
def normalise(text: str, *, drop_article: bool = True) -> str:
    """The comparison form of ``text``: folded, punctuation-free, single-spaced, no leading "the".

    "U.S." and "US" compare equal (dotted acronyms are joined before punctuation is dropped), and so
    do "China's" and "Chinas"; other punctuation becomes a word break ("Secretary-General").
    """
    s = fold(str(text)).replace("&", " and ")
    s = _DOTTED_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), s)
    s = _APOSTROPHE.sub("", s)
    s = _NON_WORD.sub(" ", s)
    words = s.split()
    if drop_article and len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def tokens(text: str) -> list[str]:
    return normalise(text).split()


def content_tokens(text: str) -> list[str]:
    """Tokens minus function words (all tokens if nothing else is left)."""
    toks = tokens(text)
    return [t for t in toks if t not in STOPWORDS] or toks


def contains_phrase(haystack: str, needle: str) -> bool:
    """Whole-word containment on normalised forms ("sco" is not inside "moscow")."""
    n = normalise(needle, drop_article=False)
    if not n:
        return False
    return f" {n} " in f" {normalise(haystack, drop_article=False)} "


def leaks(prompt: str, answer: str) -> bool:
    """Does ``prompt`` give ``answer`` away? Raw case-insensitive substring or whole-word match.

    The raw substring test is deliberately blunt for answers of 4+ characters; shorter ones (often
    acronyms) only count as whole words so "SCO" does not clash with "Moscow".
    """
    a = answer.strip()
    if not a or not normalise(a):
        return False
    if len(a) >= 4 and fold(a) in fold(prompt):
        return True
    return contains_phrase(prompt, a)


def is_acronym(text: str) -> bool:
    """"SCO", "C5+1", "BRICS", "G20": short, no spaces, at least two capitals, no lowercase run."""
    s = text.strip()
    return bool(re.fullmatch(r"[A-Z][A-Za-z0-9&+\-.]{1,9}", s)) and sum(c.isupper() for c in s) >= 2 \
        and not re.search(r"[a-z]{2,}", s)


def initials(text: str) -> str:
    """Initials of the content words: "Shanghai Cooperation Organisation" -> "sco"."""
    toks = content_tokens(text)
    return "".join(t[0] for t in toks) if len(toks) >= 2 else ""


# --- dates -------------------------------------------------------------------------------------

@lru_cache(maxsize=1 << 16)
def iso_parts(iso: str) -> DateParts | None:
    """"2021", "2021-08" or "2021-08-16" as parts; None if malformed or not a real date."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", iso.strip(), re.ASCII)
    if not m:
        return None
    parts = (int(m.group(1)), int(m.group(2)) if m.group(2) else None,
             int(m.group(3)) if m.group(3) else None)
    return parts if _valid(parts) else None


def parts_to_iso(parts: DateParts) -> str:
    y, m, d = parts
    out = f"{y:04d}" if y is not None else "????"
    if m is not None:
        out += f"-{m:02d}"
        if d is not None:
            out += f"-{d:02d}"
    return out


def precision(iso: str) -> str:
    parts = iso_parts(iso)
    if parts is None:
        return ""
    return "day" if parts[2] is not None else "month" if parts[1] is not None else "year"


def render_date(iso: str) -> str:
    """Human-readable: "16 August 2021", "August 2021" or "2021" (the stored precision, no more)."""
    parts = iso_parts(iso)
    if parts is None:
        return iso
    y, m, d = parts
    if m is None:
        return f"{y}"
    if d is None:
        return f"{MONTH_NAMES[m - 1]} {y}"
    return f"{d} {MONTH_NAMES[m - 1]} {y}"


def date_variants(iso: str) -> list[str]:
    """Accepted spellings of a date: the rendering first, then ISO and the US order."""
    parts = iso_parts(iso)
    if parts is None:
        return [iso]
    y, m, d = parts
    out = [render_date(iso), parts_to_iso(parts)]
    if d is not None and m is not None:
        out.append(f"{MONTH_NAMES[m - 1]} {d}, {y}")
        # the day and month alone: the stem usually gives the year, or the article never did
        out += [f"{d} {MONTH_NAMES[m - 1]}", f"{MONTH_NAMES[m - 1]} {d}"]
        out.append(f"{d} {_short_month(m)} {y}")
    elif m is not None:
        # "Jan 2016", "01/2016": the same month as people write it (listed, so that exports carry it)
        out += [f"{_short_month(m)} {y}", f"{m:02d}/{y}"]
    return list(dict.fromkeys(out))


def _short_month(m: int) -> str:
    """"Jan", "Sept": the month as people abbreviate it (May, June and July have no shorter form)."""
    name = MONTH_NAMES[m - 1]
    return "Sept" if m == 9 else name if len(name) <= 4 else name[:3]


@lru_cache(maxsize=1 << 16)
def date_interval(iso: str) -> tuple[date, date] | None:
    """First and last day covered by a date of any precision (to test overlap and order)."""
    parts = iso_parts(iso)
    if parts is None:
        return None
    y, m, d = parts
    assert y is not None
    if m is None:
        return date(y, 1, 1), date(y, 12, 31)
    if d is None:
        start = date(y, m, 1)
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return start, nxt - timedelta(days=1)
    return date(y, m, d), date(y, m, d)


def compatible(a: str, b: str) -> bool:
    """Could both dates describe the same day? ("2021" and "2021-08-16" can.)"""
    ia, ib = date_interval(a), date_interval(b)
    if ia is None or ib is None:
        return a == b
    return ia[0] <= ib[1] and ib[0] <= ia[1]


def _valid(parts: DateParts) -> bool:
    y, m, d = parts
    try:
        date(y if y is not None else 2000, m or 1, d or 1)  # 2000 is a leap year: 29 Feb passes
    except (ValueError, OverflowError):
        return False
    return y is None or 1000 <= y <= 2999


_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
_NUMERIC = re.compile(r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?|(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


@lru_cache(maxsize=1 << 16)
def parse_date(text: str) -> DateParts | None:
    """Parse a typed or printed date: "16 August 2021", "Aug 16, 2021", "2021-08-16", "August 2021".

    Returns (year, month, day) with None for parts not given ("Aug. 16" -> (None, 8, 16)), or None
    when the text is not a date as a whole. Numeric day/month orders are only taken when unambiguous.
    """
    s = fold(str(text)).strip()
    if not s or len(s) > 60:
        return None
    m = _NUMERIC.fullmatch(s.strip(" ."))
    if m:
        if m.group(1):
            parts: DateParts = (int(m.group(1)), int(m.group(2)),
                                int(m.group(3)) if m.group(3) else None)
        else:
            a, b, y = int(m.group(4)), int(m.group(5)), int(m.group(6))
            if a > 12 >= b or a == b:
                parts = (y, b, a)
            elif b > 12 >= a:
                parts = (y, a, b)
            else:
                return None
        return parts if _valid(parts) else None
    s = _ORDINAL.sub(r"\1", s)
    words = re.findall(r"[a-z]+|\d+", s, re.ASCII)
    if not words or len(s.replace(" ", "")) > sum(len(w) for w in words) + 4:
        return None  # too much punctuation or non-ASCII noise to be a date
    words = [w for w in words if w not in WEEKDAYS and w not in ("of", "on", "in", "the")]
    shape = "".join("m" if w in MONTHS else "n" if w.isdigit() else "x" for w in words)
    if "x" in shape:
        return None
    mon = next((MONTHS[w] for w in words if w in MONTHS), None)
    nums = [int(w) for w in words if w.isdigit()]
    lens = [len(w) for w in words if w.isdigit()]
    result: DateParts | None = None
    if shape == "n" and lens == [4]:
        result = (nums[0], None, None)
    elif shape in ("nmn", "mnn") and lens[1] == 4 and lens[0] <= 2:
        result = (nums[1], mon, nums[0])
    elif shape in ("mn", "nm"):
        result = (nums[0], mon, None) if lens[0] == 4 else (None, mon, nums[0]) if lens[0] <= 2 else None
    elif shape == "nmn" and lens[0] == 4 and lens[1] <= 2:
        result = (nums[0], mon, nums[1])
    if result is None or not _valid(result):
        return None
    return result


# UK and US spellings a reader may type for the same word (pairs of endings and whole words).
# British and American spellings of one word. Whole words (and "-isation" endings) only: a rule on
# any ending turned "Resilience" into "Resiliense" and "Installed" into "Instaled".
_SPELLING_WORDS = {
    "programme": "program", "programmes": "programs", "centre": "center", "centres": "centers",
    "theatre": "theater", "metre": "meter", "metres": "meters", "litre": "liter", "defence": "defense",
    "offence": "offense", "licence": "license", "catalogue": "catalog", "dialogue": "dialog",
    "labour": "labor", "harbour": "harbor", "neighbour": "neighbor", "neighbours": "neighbors",
    "honour": "honor", "favour": "favor", "colour": "color", "behaviour": "behavior", "endeavour": "endeavor",
    "organise": "organize", "organised": "organized", "recognise": "recognize", "recognised": "recognized",
    "realise": "realize", "mobilise": "mobilize", "prioritise": "prioritize", "stabilise": "stabilize",
    "modernise": "modernize", "digitalise": "digitalize", "harmonise": "harmonize", "analyse": "analyze",
    "travelled": "traveled", "cancelled": "canceled", "modelling": "modeling", "fulfil": "fulfill",
    "enrolment": "enrollment", "judgement": "judgment", "ageing": "aging", "aluminium": "aluminum",
}
_SPELLING_BACK = {us: uk for uk, us in _SPELLING_WORDS.items()}


def _swap_spelling(word: str) -> str:
    low = word.lower()
    other = _SPELLING_WORDS.get(low) or _SPELLING_BACK.get(low)
    if other is None:
        m = re.fullmatch(r"(\w{3,})(isation|ization)(s?)", low)
        if not m:
            return word
        other = m.group(1) + ("ization" if m.group(2) == "isation" else "isation") + m.group(3)
    if word.isupper():
        return other.upper()
    return other[:1].upper() + other[1:] if word[:1].isupper() else other


def spelling_variants(text: str) -> list[str]:
    """``text`` in the other English spelling and without diacritics ("Organisation" ->
    "Organization", "Guðmundur" -> "Gudmundur"), so that accepted answers carry them explicitly
    (exports to other tools then accept them too, not only our fuzzy grader)."""
    import unicodedata

    out: list[str] = []
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    plain = plain.replace("ð", "d").replace("Ð", "D").replace("þ", "th").replace("ø", "o").replace("Ø", "O") \
        .replace("æ", "ae").replace("ß", "ss").replace("ł", "l")
    if plain != text:
        out.append(plain)
    swapped = re.sub(r"[A-Za-z]+", lambda m: _swap_spelling(m.group(0)), text)
    if swapped != text and swapped not in out:
        out.append(swapped)
    return out
