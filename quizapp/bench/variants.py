"""Distinct, deterministic variants of the project's own articles, for the ingest benchmark.

Why: measuring how ingest scales needs a corpus of 1,000+ *different* articles, and copying the 49
texts we have (44 in ``eval/own/articles``, 5 in ``seeds``) under new keys would be wrong twice:
identical texts are refused as duplicates (same content hash), and identical facts would merge into
the same few rows, so a big corpus would look like a small one to the merge. Real corpora grow
differently: new articles name some people, places and bodies already seen and some new ones,
with other dates and figures. A variant imitates that, keyed by its variant number ``v`` alone
(same ``v``, same text, in any process):

- **Names.** A capitalised word is a name when the base texts never use it in lower case, never
  only at the start of a sentence, and it is not one of the extractor's pattern words (titles,
  nationalities, country names, organisation head words, weekdays; see ``facts.lexicon``), nor a
  month. Each name is kept or swapped for an invented one from a fixed list (``NAMES``), decided by a
  hash of (name, v): about half are swapped (``swap``), the same way all through one article, so a
  variant still reads consistently while its entities only partly overlap those of other variants
  and other articles (invented names recur across the corpus, as real ones do). Countries are kept:
  they are a closed set that every real article keeps naming, and the extractor treats them as
  places; invented countries would change the mix of facts, not the scale.
- **Acronyms** (3-6 capitals) are swapped the same way for invented ones of the same length.
- **Dates.** Years move by -4..+4 and days of the month by 1..11 (wrapped to stay valid), ISO
  dates by whole days; **figures** (other integers and decimals) are scaled by 0.80..1.20.

Variant 0 is the original text.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta
from functools import cached_property
from pathlib import Path

from .. import PROJECT_ROOT
from ..facts import lexicon

OWN_ARTICLES = PROJECT_ROOT / "eval" / "own" / "articles"
SEEDS = PROJECT_ROOT / "seeds"

MONTH_WORDS = ("January February March April May June July August September October November December "
               "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec").split()
_MONTH = r"(?:" + "|".join(sorted(MONTH_WORDS, key=len, reverse=True)) + r")\.?"

_ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kr", "st", "th", "ch")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ea", "io")
_CODAS = ("", "n", "r", "l", "s", "th", "nd", "rk")


def _invented_names(n: int = 1000) -> tuple[str, ...]:
    """``n`` pronounceable invented names ("Taveron", "Misdrai"), a fixed list built from fixed
    syllables in a fixed order: no randomness, so every run and process sees the same list."""
    parts = (_ONSETS, _VOWELS, _ONSETS, _VOWELS, _CODAS)
    total = 1
    for p in parts:
        total *= len(p)
    out: list[str] = []
    seen: set[str] = set()
    for i in range(total):
        j = (i * 7919) % total  # a stride coprime with ``total``: every syllable mix, well spread
        syllables = []
        for p in parts:
            j, k = divmod(j, len(p))
            syllables.append(p[k])
        name = "".join(syllables).capitalize()
        if name not in seen:
            seen.add(name)
            out.append(name)
            if len(out) == n:
                break
    return tuple(out)


NAMES = _invented_names()

# One pass over the text; the first alternative that matches at a position wins.
TOKEN = re.compile(
    r"(?P<iso>\b(?:19|20)\d\d-\d\d-\d\d\b)"
    rf"|(?P<md>\b(?P<md_m>{_MONTH})\s+(?P<md_d>\d{{1,2}})(?:(?P<md_dash>[-–])(?P<md_e>\d{{1,2}}))?\b(?![:.,]?\d))"
    rf"|(?P<dm>\b(?P<dm_d>\d{{1,2}})(?P<dm_sfx>st|nd|rd|th)?\s+(?P<dm_m>{_MONTH})(?![a-z]))"
    r"|(?P<year>\b(?:19|20)\d\d\b(?!\.\d))"
    r"|(?P<num>(?<![\w:.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w:])|(?<![\w:.,])\d+(?:\.\d+)?(?![\w:]))"
    r"|(?P<acro>\b[A-Z]{3,6}\b)"
    r"|(?P<word>\b[A-Z][^\W\d_]{2,}\b)"
)
WORD = re.compile(r"\b[^\W\d_]+\b")
SENTENCE_START = re.compile(r"(?:^|[.!?:]['\"”’)]?\s+|\n\s*|[\"“‘(]\s*)$")


def _h(*parts: object) -> int:
    return int.from_bytes(hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=8).digest(), "big")


def _lexicon_words() -> set[str]:
    """Every lower-case word in the extractor's word lists (``facts.lexicon``): never swapped."""
    words: set[str] = set()
    for value in vars(lexicon).values():
        items = value.items() if isinstance(value, dict) else value if isinstance(value, (set, frozenset, list, tuple)) else ()
        for item in items:
            for s in item if isinstance(item, tuple) else (item,):
                if isinstance(s, str):
                    words.update(w.lower() for w in WORD.findall(s))
    return words | {m.lower() for m in MONTH_WORDS}


def base_paths() -> list[Path]:
    """The 49 base articles: 44 own, then the 5 seeds, in a fixed order."""
    return sorted(OWN_ARTICLES.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))


class Variants:
    """Makes variant ``v`` of base article ``i``; names are learnt once from all base texts."""

    def __init__(self, paths: list[Path] | None = None, swap: float = 0.5):
        self.paths = paths or base_paths()
        if not self.paths:
            raise SystemExit("no base articles found")
        self.texts = [p.read_text(encoding="utf-8") for p in self.paths]
        self.swap = swap

    @cached_property
    def names(self) -> frozenset[str]:
        """Capitalised words that are names (see the module docstring)."""
        lower: set[str] = set()
        mid: set[str] = set()
        for text in self.texts:
            for m in WORD.finditer(text):
                w = m.group()
                if w[0].islower():
                    lower.add(w)
                elif w[0].isupper() and not w.isupper() and not SENTENCE_START.search(text[max(0, m.start() - 4):m.start()]):
                    mid.add(w)
        protected = _lexicon_words()
        return frozenset(w for w in mid if len(w) >= 3 and w.lower() not in lower and w.lower() not in protected)

    def __len__(self) -> int:
        return len(self.texts)

    def stem(self, i: int) -> str:
        return self.paths[i].stem

    def text(self, i: int, v: int) -> str:
        """Variant ``v`` of base article ``i`` (``v`` = 0: the original)."""
        base = self.texts[i]
        return base if v == 0 else vary(base, v, self.names, self.swap)

    def file_name(self, i: int, v: int) -> str:
        """The file (and so article key) name of a variant: distinct for every (i, v)."""
        return f"v{v:04d}_{self.stem(i)}.txt"

    def write(self, folder: Path, items: list[tuple[int, int]]) -> list[Path]:
        """Write the variants ``(i, v)`` into ``folder``; their paths, in order."""
        folder.mkdir(parents=True, exist_ok=True)
        out = []
        for i, v in items:
            path = folder / self.file_name(i, v)
            path.write_text(self.text(i, v), encoding="utf-8")
            out.append(path)
        return out

    def dense_article(self, min_bytes: int = 200 * 1024, first_variant: int = 5000) -> str:
        """One long article (at least ``min_bytes`` of UTF-8) for the large-upload benchmark.

        Paragraphs rich in facts (a year or a month, a title, a goal word) are taken from every base
        article and repeated in successive variants, every name swapped (``swap=1``), so the
        article is dense with dates, leaders and goals, and its names differ from paragraph to
        paragraph as they would in a long report, instead of one text pasted many times over.
        """
        titles = {w for t in lexicon.TITLES for w in t.split()}
        goals = lexicon.GOAL_VERBS | lexicon.GOAL_NOUNS | lexicon.READY_ADJECTIVES

        def score(par: str) -> int:
            words = {w.lower() for w in WORD.findall(par)}
            return (bool(re.search(r"\b(?:19|20)\d\d\b", par)) + bool(words & {m.lower() for m in MONTH_WORDS})
                    + bool(words & titles) + bool(words & goals))

        dense: list[tuple[int, str]] = []
        for i, text in enumerate(self.texts):
            pars = [p.strip() for p in re.split(r"\n\s*\n", text)[1:] if len(p.split()) >= 25]
            dense += [(i, p) for p in pars if score(p) >= 3]
        if not dense:
            raise SystemExit("no dense paragraphs in the base articles")
        out = ["Regional leaders' record: summits, pledges and timelines, a compiled report",
               "Updated 12 May 2025", ""]
        size, v = sum(len(s) + 1 for s in out), first_variant
        while size < min_bytes:
            for _i, par in dense:
                par = vary(par, v, self.names, swap=1.0)
                out += [par, ""]
                size += len(par.encode("utf-8")) + 2
                if size >= min_bytes:
                    break
            v += 1
        return "\n".join(out) + "\n"


def vary(text: str, v: int, names: frozenset[str], swap: float = 0.5) -> str:
    """``text`` with names, acronyms, dates and figures changed for variant ``v`` (see module doc)."""
    years = (v * 5) % 9 - 4  # -4..+4
    days = (v * 3) % 11 + 1  # 1..11
    scale = 0.80 + ((v * 37) % 41) / 100  # 0.80..1.20
    cut = int(swap * 1000)

    def day(d: int) -> int:
        return (d - 1 + days) % 28 + 1 if 1 <= d <= 31 else d

    def repl(m: re.Match) -> str:
        kind = m.lastgroup if m.lastgroup in ("iso", "year", "num", "acro", "word") else None
        if m.group("md"):
            d = int(m.group("md_d"))
            end = f"{m.group('md_dash')}{day(int(m.group('md_e')))}" if m.group("md_e") else ""
            return f"{m.group('md_m')} {day(d)}{end}"
        if m.group("dm"):
            d = int(m.group("dm_d"))
            width = len(m.group("dm_d"))
            return f"{day(d):0{width}d}{m.group('dm_sfx') or ''} {m.group('dm_m')}"
        s = m.group()
        if kind == "iso":
            y, mo, d = map(int, s.split("-"))
            try:
                moved = date(y + years, mo, min(d, 28)) + timedelta(days=days)
            except ValueError:
                return s
            return moved.isoformat()
        if kind == "year":
            return str(int(s) + years)
        if kind == "num":
            digits = s.replace(",", "")
            decimals = len(digits.split(".")[1]) if "." in digits else 0
            value = float(digits) * scale
            if decimals:
                new = f"{value:.{decimals}f}"
            else:
                n = max(1, round(value))
                n = n if n != int(digits) or int(digits) == 0 else n + 1
                new = str(n)
            if "," in s:
                whole, _, frac = new.partition(".")
                new = f"{int(whole):,}" + (f".{frac}" if frac else "")
            return new
        if kind == "acro":
            if s.lower() in _PROTECTED_ACRONYMS or _h("acro", s, v) % 1000 >= cut:
                return s
            h = _h("acro-letters", s, v)
            return "".join(chr(ord("A") + (h >> (5 * k)) % 26) for k in range(len(s)))
        if kind == "word":
            if s not in names or _h("name", s, v) % 1000 >= cut:
                return s
            return NAMES[_h("pick", s, v) % len(NAMES)]
        return s

    return TOKEN.sub(repl, text)


# Acronyms that are words of the extractor's lists ("US", "EU" are too short anyway) or of time.
_PROTECTED_ACRONYMS = {"gmt", "utc", "cet", "est", "edt", "bst", "usa"}
