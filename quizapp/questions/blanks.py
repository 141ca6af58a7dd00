"""The article's own sentences as items use them: which sentence of a fact to quiz, a date or a name
blanked in it, a date swapped for a checked false one written the way the article writes dates, and
the events a matching or ordering item may list."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from ..corpus.parse import looks_english
from ..facts.dates import MONTH
from ..facts.event_questions import MAX_WHEN_WORDS
from .labels import _cap, _dedupe
from .normalise import (
    date_interval,
    iso_parts,
    normalise,
    parse_date,
    parts_to_iso,
    precision,
    render_date,
)
from .render import (
    event_is_clause,
)
from .sentences import (
    absolutise,
    bare_subject,
    is_caption,
    is_headline,
    self_contained,
    stands_alone,
    strip_dateline,
    words,
)

_MON = ("January|February|March|April|May|June|July|August|September|October|November|December|"
        "Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec")


BLANK = "_____"  # where the answer goes in a cloze or a sentence with a gap


_DATE_IN_TEXT = re.compile(
    rf"\b(?:(?:{_MON})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MON})\.?(?:,?\s+\d{{4}})?"
    rf"|(?:{_MON})\.?\s+\d{{4}}|\d{{4}}-\d{{2}}(?:-\d{{2}})?|\d{{4}})\b",
    re.IGNORECASE,
)


_GENERIC = {"the", "of", "and", "for", "on", "in", "to", "summit", "meeting", "session", "council", "committee",
            "board", "fund", "bank", "organization", "organisation", "agency", "group", "conference", "union",
            "community", "assembly", "commission", "forum", "programme", "program", "agreement", "treaty"}


def _echoed(key: str, stem: str) -> bool:
    """Does the stem repeat a distinctive word of the key ("World Heritage Committee" in a stem
    that already speaks of the "World Heritage List")? Then the key stands out from its foils."""
    words_ = {w for w in normalise(key).split() if w not in _GENERIC and len(w) > 3}
    rest = set(normalise(stem.replace(BLANK, " ")).split())
    # (a word's stem too: "European Union" beside "its Connecting Europe Facility", round 103)
    stems = {w[:6] for w in words_ if len(w) >= 6} | {w for w in words_ if len(w) < 6}
    return bool(words_ & rest) or any(r[:6] in stems or r in stems for r in rest if len(r) >= 5)


def _overlapping(a: str, b: str) -> bool:
    """Two names of one thing or of a part and its whole ("World Bank" / "World Bank Board of
    Directors", "G20 Summit" / "G20 Brasil Summit"): never key and foil in one item."""
    ta = {w for w in normalise(a).split() if w not in _GENERIC}
    tb = {w for w in normalise(b).split() if w not in _GENERIC}
    if not ta or not tb:
        return normalise(a) == normalise(b)
    return bool(ta & tb)


def _src_is_caption(f: Any) -> bool:
    return bool(f.sources) and (is_caption(f.sources[0].sentence) or not looks_english(f.sources[0].sentence))


def _question_ok(question: str) -> bool:
    """A plain question the extractor wrote stands alone: no relative time, no first person, and
    it was not cut before a clause it needs ("... signed in Brasília at a time?", the rest being
    "when ...")."""
    return stands_alone(question.rstrip("?") + ".") and len(question.split()) <= MAX_WHEN_WORDS and not bare_subject(question) \
        and not _CUT_BEFORE_CLAUSE.search(question) and not _NESTED_CLAUSE.search(question) \
        and not _UNCLOSED_ASIDE.match(question) and not _WHAT_ABOUT.search(question) \
        and not _STATISTIC.search(question) and not re.search(r"[\w][–—-]\s*\?$", question)  # ("of the Murray–?": cut at its dash, round 104)


# "When did the European Parliament and member states reach a provisional agreement?": on what?
# An agreement, deal or decision left indefinite at the question's end names no one event.
# "When did each person in the EU buy on average 19 kilograms of clothing?": the year a statistic
# counts is no event.
_STATISTIC = re.compile(r"\bon average\b|\b(?:each|every|per)\s+(?:person|capita|head|household|resident|citizen)\b"
                        # "When did China import about 1.56 million tonnes of durian?": a year's trade figure
                        r"|\b(?:import|export|produc|sell|sold|consum|ship|buy|bought|harvest)\w*\s+(?:about|around|nearly|some|"
                        r"over|more\s+than|almost|roughly|a\s+record)?\s*(?:US)?[$€£]?[\d.,]+"
                        # "When did contributions to the Trust Fund fall?": an amount's change, no event (round 49)
                        r"|^When\s+did\s+(?!the\s+[A-Z])(?:[\w-]+\s+){1,8}?(?:fall|rise|drop|decline|increase|grow|climb|slip|"
                        r"jump|double|halve|shrink|slump|surge|dip)\??$", re.I)
_WHAT_ABOUT = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:agreement|deal|accord|decision|compromise|"
                         r"understanding|plan|statement|declaration|memorandum|resolution|report|meeting|vote)\?$",
                         re.I)


# "When did the port of Chancay, 80 kilometres north of Lima open?": an aside opened after the
# subject and never closed (the source's closing comma fell with the clause after it). A list
# ("A, B and C") or a second comma closes it.
_UNCLOSED_ASIDE = re.compile(r"^(?:When|Where|Who|Which|What|How)\b[^,?]*,(?![^,?]*\b(?:and|or)\b)[^,?]*\?$")


# "Which fund, on which fish plants in Quebec depend, expired?": a relative clause set inside a
# question reads as a machine's; the question is asked plainly or not at all.
_NESTED_CLAUSE = re.compile(r",\s+(?:(?:on|in|of|for|to|from|by|with|under)\s+)?(?:which|whom|whose)\b", re.I)


_CUT_BEFORE_CLAUSE = re.compile(r"\bto do\?$|"  # "Which initiative paid Grenada ... to do?": its object was lost
                                r"\b(?:at|in|on|by|from|for)\s+(?:a|an|the)\s+(?:time|moment|period|way|day|point|stage|"
                                r"year|month|week)\?$|\b(?:at|in|on|by|for|of|with|to|and|the|a|an)\?$", re.I)


def _date_pool_sort_key(iso: str, anchor: str) -> tuple[int, str]:
    ia, ib = date_interval(iso), date_interval(anchor)
    if ia is None or ib is None:
        return (10**9, iso)
    return (abs((ia[0] - ib[0]).days), iso)


def _shift(iso: str, amount: int) -> str | None:
    """Shift a date by ``amount`` units of its own precision (days, months or years)."""
    parts = iso_parts(iso)
    if parts is None:
        return None
    y, m, d = parts
    assert y is not None
    if m is None:
        return parts_to_iso((y + amount, None, None))
    if d is None:
        total = y * 12 + (m - 1) + amount
        return parts_to_iso((total // 12, total % 12 + 1, None))
    interval = date_interval(iso)
    assert interval is not None
    new = interval[0] + timedelta(days=amount)
    return new.isoformat()


def _blank(sentence: str, forms: Sequence[str]) -> tuple[str, str] | None:
    """Blank the longest form found in ``sentence`` (all its occurrences); drop "(ACR)" after it."""
    for form in sorted(_dedupe(forms), key=lambda s: (-len(s), s)):
        pat = re.compile(rf"(?<!\w){re.escape(form)}(?!\w)", re.IGNORECASE)
        m = pat.search(sentence)
        if not m:
            continue
        out = pat.sub(BLANK, sentence)
        for other in forms:
            if other:
                out = re.sub(rf"{BLANK}\s*\(\s*{re.escape(other)}\s*\)", BLANK, out,
                             flags=re.IGNORECASE)
        if out.count(BLANK) == 1:  # a name that recurs would leave two blanks for one answer
            return out, m.group(0)
    return None


_MONTH_WORD = r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# one end of a range or a pair ("from 25 July to 3 August", "21 and 22 January", "in August and
# September"): "when" has no single-date answer
_RANGE_AFTER = re.compile(r"\s*(?:to|until|till|through|-|–|—)\s*\d|\s*(?:and|or|&)\s*(?:\d|" + _MONTH_WORD + ")")
_RANGE_BEFORE = re.compile(r"(?:\d|" + _MONTH_WORD + r")\s*"
                           r"(?:to|until|till|through|-|–|—|and|or|&)\s*$")


def date_in_range(sentence: str, iso: str) -> bool:
    """Is ``iso`` stated in ``sentence`` as one end of a range ("from 25 July to 3 August")? Then
    "when" has no single-date answer."""
    target = iso_parts(iso)
    for m in _DATE_IN_TEXT.finditer(sentence):
        got = parse_date(m.group(0))
        if got is None or target is None or got[1:] != target[1:] or (got[0] is not None and got[0] != target[0]):
            continue
        if _RANGE_AFTER.match(sentence, m.end()) or _RANGE_BEFORE.search(sentence[:m.start()]):
            return True
    return False


def date_offsets(sentence: str, iso: str) -> list[tuple[int, int]]:
    """Where ``sentence`` states ``iso`` in words or digits (at its precision): the text before a
    date says whether it is the news or a bound ("before", "since")."""
    target = iso_parts(iso)
    if target is None:
        return []
    out = []
    for m in _DATE_IN_TEXT.finditer(sentence):
        got = parse_date(m.group(0))
        if got is not None and got[1:] == target[1:] and got[0] in (None, target[0]) and got[:2] != (None, None):
            out.append((m.start(), m.end()))
    return out


def _blank_date(sentence: str, iso: str) -> tuple[str, str] | None:
    """Blank the date expression in ``sentence`` that states ``iso`` (at its precision)."""
    target = iso_parts(iso)
    if target is None:
        return None
    ty, tm, td = target
    for m in _DATE_IN_TEXT.finditer(sentence):
        got = parse_date(m.group(0))
        if got is None:
            continue
        gy, gm, gd = got
        if gy is not None and gy != ty:
            continue
        if (gm, gd) != (tm, td) or (gy is None and gm is None):
            continue
        if _RANGE_AFTER.match(sentence, m.end()) or _RANGE_BEFORE.search(sentence[:m.start()]):
            continue  # one end of a range ("from _____ to 23, 2024") is no fair blank
        return sentence[: m.start()] + BLANK + sentence[m.end():], m.group(0)
    return None


def _replace(text: str, old: str | None, new: str | None) -> str | None:
    """Replace whole-word ``old`` (any case) with ``new`` everywhere; None if ``old`` is absent."""
    if not old or not new:
        return None
    pat = re.compile(rf"(?<!\w){re.escape(old)}(?!\w)", re.IGNORECASE)
    if not pat.search(text):
        return None
    return pat.sub(lambda _m: new, text)


def _swap_date(statement: str, iso: str, other: str) -> str | None:
    """Every expression of ``iso`` in ``statement`` replaced by ``other`` (ISO stays ISO)."""
    target = iso_parts(iso)
    found = False

    def sub(m: re.Match[str]) -> str:
        nonlocal found
        got = parse_date(m.group(0))
        if got is None or target is None:
            return m.group(0)
        if (got[0] is not None and got[0] != target[0]) or got[1:] != target[1:] \
                or (got[0] is None and got[1] is None):
            return m.group(0)
        found = True
        return other if re.fullmatch(r"\d{4}(?:-\d\d){0,2}", m.group(0)) else render_date(other)

    out = _DATE_IN_TEXT.sub(sub, statement)
    return out if found else None


_MAX_CLOZE_WORDS = 35  # a longer sentence lifted whole reads as a copied paragraph, not a question


_MAX_TYPED_WORDS = 6


def _cloze_text(sentence: str, published: Any = None) -> str | None:
    """The sentence as an item may show it (dateline dropped, relative dates written out against
    ``published``), or None if it makes a poor item."""
    if is_headline(sentence) or is_caption(sentence) or not looks_english(sentence):
        return None
    text = absolutise(sentence, published)
    if not stands_alone(text) or len(text.split()) > _MAX_CLOZE_WORDS:
        return None
    # legal English "of said bloc" reads as a slip in a quiz: "of the bloc", when the sentence has
    # named it before ("the Andean Community (CAN) ... the Presidential Summit of said bloc")
    text = re.sub(r"\b(of|in|by|for|to|with|from|on|at|under) said (?=[a-z]+\b)",
                  lambda m: f"{m.group(1)} the " if _NAMED.search(text[:m.start()]) else m.group(0), text)
    return strip_dateline(text)


_NAMED = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][\w-]+)+|\b[A-Z]{2,}")


def _enough_context(prompt: str) -> bool:
    """"_____ was founded 37 years ago." leaves nothing to reason from."""
    return len([w for w in words(prompt.replace(BLANK, " ")) if w]) >= 7


def _good_sentences(f: Any) -> list[Any]:
    """The fact's sources best first: full sentences, self-contained, short."""
    srcs = [s for s in f.sources if len(s.sentence.split()) <= _MAX_CLOZE_WORDS
            and not is_caption(s.sentence) and looks_english(s.sentence)]
    return sorted(srcs, key=lambda s: (is_headline(s.sentence), not self_contained(s.sentence),
                                       len(s.sentence), s.article, s.sentence))[:_BEST_SENTENCES]


# A fact named in many articles offers a cloze on each: the best few are plenty to choose from.
_BEST_SENTENCES = 5


def _lc(event: str) -> str:
    """Lower-case the first letter unless it starts a name ("The signing" -> "the signing")."""
    first = event.split()[0]
    if first in ("The", "A", "An") or (first.lower().endswith("ing") and first[1:].islower()):
        return event[:1].lower() + event[1:]
    return event


_EVENT_START_BAD = re.compile(r"^(?:which|who|that|to|any|some|this|these|those|it|its|they|he|she|we|our|"
                             r"previously|also|then|when|while|as|if|and|but|or)\b", re.I)


def listable_event(event: str) -> bool:
    """An event that reads on its own in a list: a short clause with a named subject and a finite
    verb ("The IMF approved a 48-month arrangement") or a named noun phrase ("The signing of the
    Treaty of ..."), not a fragment ("Which celebrated ...", "To take place in Cape Town", "Any
    measures we might take")."""
    n = len(event.split())
    if re.search(rf"\b(?:19|20)\d\d\b|\b{MONTH}\b", event):
        return False  # an event that carries its own date gives the order away
    nominal = re.match(r"^The\s+[a-z]+(?:ing|ion|ment|al|ure|ence|ance|ation)?\s+(?:of|between)\s+", event)
    if re.search(r"\b(?:held|scheduled|planned|announced|expected|slated|set|due)$", event.strip()):
        return False  # "The run-off election held": a participle left from a cut clause
    return 4 <= n <= 20 and (event_is_clause(event) or bool(nominal)) and not _EVENT_START_BAD.match(event) \
        and event[:1].isupper() and not re.search(r"\b(?:we|our|us|I|you)\b", event) \
        and stands_alone(event + ".")  # "The department opened ...": which department?


def render_like(shown: str, iso: str, other: str) -> str | None:
    """``other`` written the way the article wrote ``iso`` ("March 2023" -> "May 2023", "23 June
    2011" -> "24 June 2011", "2015" -> "2017"), so an option never stands out by its format."""
    if precision(other) != precision(iso):
        return None
    swapped = _swap_date(shown, iso, other)
    if swapped and swapped != shown:
        return swapped
    return render_date(other) if precision(iso) == "year" or not re.search(r"\d", shown) else None


def _date_statement(event: str, iso: str) -> str:
    """"Chinese President Xi Jinping and Russian President Vladimir Putin hold talks via video
    link on 23 August 2021" / "The signing of the Treaty ... took place in 2001"."""
    prep = "on" if precision(iso) == "day" else "in"
    when = render_date(iso)
    if event_is_clause(event):
        return f"{_cap(event)} {prep} {when}"
    return f"{_cap(event)} took place {prep} {when}"
