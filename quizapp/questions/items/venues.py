"""Places: where a meeting was held ("In which city was the 44th Regular Meeting of the Conference
of Heads of Government held?") and where a body sits ("In which city is the Euro-Mediterranean
Postal Union headquartered?", off: ``SEAT_ITEMS``), the city among cities of the same kind that the
article never names. Both are off now (``VENUE_ITEMS``, ``SEAT_ITEMS``): see below.

Why this item: the place of a summit, a congress or a session is what a teacher asks first about
one, it has one right answer, and its wrong options come from a gazetteer (``facts.cities``) with
no need to guess what else is true: a city the article never names is no venue it reports.

Only a meeting that is one event is asked about: its name carries a number or a year ("the 127th
IOC Session", "COP29", "the Forum 2011"), or the article dates it, and the year then goes into the
question ("the 2023 Antarctic Treaty Consultative Meeting"); "Where was the G20 Summit held?" has
a different answer every year. The place must be read off the meeting's own clause ("... Meeting
(CHOGM) 2024 concluded this Saturday, October 26, in Apia, Samoa"), with nothing but the verb and
the time between them, and be one city of the gazetteer (or a country); an article that names two
places for one meeting yields no item. A seat is asked only of a body the article is about (named
in its lead or twice): "an expert at the Lima-based X Institute" is an affiliation in passing.
"""

from __future__ import annotations

import re
from typing import Any

from ...facts.cities import (
    City,
    country_code,
    find_city,
    fold,
    in_named_country,
    nearby_countries,
    same_kind,
)
from ..labels import WIDELY_KNOWN, _full_name, _the, is_country
from ..rank import _Cand
from ..render import with_the
from ..sentences import _CAPTION, find_span, generic_body, is_headline, strip_dateline
from ..setting import places_in

# A meeting's name: its head word last, then perhaps its year ("Forum 2011", "Summit 2024").
_MEETING = re.compile(r"\b(?:Meeting|Summit|Conference|Session|Forum|Assembly|Congress|Games|Olympiad|"
                      r"Championships?|Talks|Dialogue|Symposium|Consultations|Retreat|Ministerial|Convention of "
                      r"the Parties)(?:\s+\d{4})?$|^COP\s?\d+$")
_MEETING_KINDS = {"format", "summit"}
# An organisation's name that is a sitting of it ("Interpol General Assembly"), not a party.
_SITTING = re.compile(r"\b(?:Meeting|Summit|Conference|Session|Forum|Assembly)$")
_YEAR_AFTER = re.compile(r"(?:\s*\([^)]*\))?\s+((?:19|20)\d\d)\b")
_ONE_EVENT = re.compile(r"\d|\b(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Inaugural)\b")

# What may stand between a meeting's name and "in <place>": its acronym or year, the verb of
# being held, opening or ending, and when ("this Saturday, October 26", "from 24-25 June 2011").
_VERB = (r"held|hosted|opened|closed|concluded|ended|began|begins|opens|closes|ends|convened|convenes|staged|"
         r"kicked|off|took|takes|take|taking|place|scheduled|set|due|planned|to|be|being|been|is|was|were|are|will|"
         r"has|had|have|which|that|officially|formally|successfully|got|gets|under|way|underway|meets|met|meeting|"
         r"gathered|gathers|convening")
_WHEN = (r"on|from|between|until|till|this|last|next|and|of|the|today|yesterday|week|weekend|month|year|"
         r"January|February|March|April|May|June|July|August|September|October|November|December|"
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
         r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d{1,4}(?:st|nd|rd|th)?(?:[-–]\d{1,2})?")
_BETWEEN = re.compile(rf"(?:\s*\([A-Z][\w+&-]{{1,12}}\))?(?:\s+\d{{4}})?(?:[\s,]+(?:{_VERB}|{_WHEN}))*[\s,]+in\s+$",
                      re.I)
# A place: capitalised words with the small words of city names ("Rio de Janeiro", "Port of Spain",
# "Santa Cruz de la Sierra"),
# then perhaps ", Country".
_PLACE = re.compile(r"((?:[A-Z][\w'’.-]*)(?:\s+(?:(?:de|da|do|dos|das|del|la|las|los|el|es|of|au|sur|am|an)\s+){0,2}"
                    r"[A-Z][\w'’.-]*){0,3})"
                    r"(?:,\s+((?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:and\s+|of\s+|the\s+)*[A-Z][\w'’.-]*){0,3}))?")
_THE = re.compile(r"^[Tt]he\s+")
# A sitting of a body, just before its name: "the annual session of", "the 31st Ordinary Meeting of the".
_SITTING_OF = re.compile(r"\b((?:\d+(?:st|nd|rd|th)\s+|(?:annual|ordinary|extraordinary|special|plenary|regular|"
                         r"biennial|general)\s+)*(?:session|meeting|summit|congress|conference|assembly))\s+of\s+"
                         r"(?:the\s+)?$", re.I)
# Where a body sits, said after its name ("..., founded in 1998 and headquartered in Marseille") ...
_SEAT_AFTER = re.compile(r"(?:\s*\([A-Z][\w+&-]{1,12}\))?,?\s+(?:(?:which|that|and)\s+)?(?:(?:is|was|are)\s+)?"
                         r"(?:(?:founded|established|created|set\s+up|launched)\s+in\s+\d{4}\s*,?\s*(?:and\s+)?)?"
                         r"(?:(?:is|are)\s+)?(?P<how>headquartered|based|seated|has\s+its\s+(?:headquarters|seat|secretariat)|"
                         r"with\s+(?:its\s+)?(?:headquarters|seat|secretariat))\s+in\s+", re.I)
# ... or before it ("the Vienna-based International Atomic Energy Agency").
_BASED_BEFORE = re.compile(r"\b[Tt]he\s+((?:[A-Z][\w'’.]*\s+){0,2}[A-Z][\w'’.]*)(?:,\s+([A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*)?))?"
                           r"-based\s+$")
_FUTURE = re.compile(r"\b(?:will|shall|to be held|to take place|to meet|to convene|to host|to hold|expected|is set to|are set to|"
                     r"next|upcoming|forthcoming|looked forward|looks forward|look forward|"
                     # ("Ahead of the Senior Officials' Meeting in Dili in May, we spoke to ...")
                     r"ahead of|in the run-up to|in preparation for|preparations for)\b", re.I)
_SCHEDULED = re.compile(r"\b(?:scheduled|due|planned|set)\s+to\b", re.I)
# A meeting reported as it happens: "live coverage of the final day of ...".
_ONGOING = re.compile(r"\b(?:live\s+(?:coverage|blog|updates)|(?:final|last|opening|first|second|third)\s+day\s+of)\b",
                      re.I)
# A venue someone only put forward: proposed, offered, bid for, hoped for.
_PROPOSED = re.compile(r"\b(?:propos|suggest|offer|bid|invit|hop|want|wish|recommend|urg|consider)\w*\b"
                       r"|\bcall(?:ed|s)?\s+for\b|\b(?:would|could|might|may)\b", re.I)


# "In which city is X headquartered?": blind reviews accepted none of three (the seat told only in a
# "Hobart-based" modifier is trivia; "Euro-Mediterranean" gives Marseille away among inland cities).
# Off, with its tests kept (they switch it on).
SEAT_ITEMS = False

# "In which city was the 47th ASEAN Summit held?": blind reviews over rounds 37-74 passed 4 of 17.
# A venue is the dateline's trivia (the article is about what the meeting decided), the name often
# gives it away (the one Korean city for a "Korea-Central Asia Dialogue", the UN seat for a UN
# committee), and a meeting of a body the stem cannot name ("the 15th Intergovernmental Meeting")
# has no answer a reader can reason to. Off, with its tests kept (they switch it on).
VENUE_ITEMS = False


class VenueItems:
    """Mixed into the generator: uses its ``corpus``, ``rng`` and building blocks (``mc``)."""

    def venue(self, f: Any) -> list[_Cand | None]:
        """One item per meeting of this name the article places: the fact may merge the meetings
        of several years ("CHOGM" of 1987 in Vancouver and of 2024 in Apia), so each is told
        apart by its year."""
        full = _full_name(f)
        if not VENUE_ITEMS or not full or not _owned(full) or generic_body(f"the {full}"):
            return []  # ("the 14th Ministerial Conference", "the 15th Intergovernmental Meeting": of which body? many have one)
        meeting = bool(_MEETING.search(full)) and (f.subtype in _MEETING_KINDS or bool(_SITTING.search(full)))
        if meeting and f.subtype not in _MEETING_KINDS and full.endswith("Assembly"):
            return []  # a body's assembly mostly sits at its seat: where, is general knowledge
        if not meeting and f.subtype not in ("organisation", None):
            return []  # (an organisation's "Congress" may be a party: placed only through a sitting of it)
        places: dict[tuple[str, str], dict[str, tuple[City | str, Any]]] = {}  # (sitting, year) -> place -> ...
        for src in f.sources:
            sentence = strip_dateline(src.sentence)
            if _CAPTION.search(sentence) or is_headline(sentence):
                continue  # (a caption's shape alone is no reason: "The X in Kigali opened ..." reads like one)
            found = _venue_in(sentence, [full, *f.aliases], sitting=not meeting)
            if found is None:
                continue
            where, year, sitting = found
            name = f"{sitting} {_the(full)}" if sitting else full
            year = "" if _ONE_EVENT.search(name) else year or self._year_of(src) or (
                None if sitting else self._year_named(f, src.article))
            if year is None:
                continue
            key = fold(where.name if isinstance(where, City) else where)
            places.setdefault((name, year), {}).setdefault(key, (where, src))
        out: list[_Cand | None] = []
        for (name, year), found in sorted(places.items()):
            if len(found) != 1:
                continue  # two places for one meeting: which was the venue?
            where, src = next(iter(found.values()))
            if year:
                name = f"{year} {_THE.sub('', name)}"
            out.append(self._venue_item(f, name, where, src, year))
        return out

    def seat(self, f: Any) -> list[_Cand | None]:
        """"In which city is the Euro-Mediterranean Postal Union headquartered?": a body's seat,
        read off "headquartered in", "based in", "has its secretariat in" after its name or
        "the Vienna-based ..." before it."""
        full = _full_name(f)
        if not SEAT_ITEMS or not full or not _owned(full) or f.subtype not in ("organisation", None):
            return []
        if any(n in WIDELY_KNOWN for n in [full, *f.aliases]):
            return []  # where the WTO sits is general knowledge, not the article's
        found: dict[str, tuple[City | str, str, Any]] = {}
        for src in f.sources:
            sentence = strip_dateline(src.sentence)
            if _CAPTION.search(sentence) or is_headline(sentence):
                continue
            hit = _seat_in(sentence, [full, *f.aliases])
            if hit is not None:
                found.setdefault(fold(hit[0].name if isinstance(hit[0], City) else hit[0]), (*hit, src))
        if len(found) != 1:
            return []  # none, or two seats (a move, or an office beside the seat): which?
        where, how, src = next(iter(found.values()))
        if not _central(f, src.article):
            return []  # "an expert at the Lima-based X Institute": an affiliation in passing is trivia
        options = _place_options(where, self.corpus, src.article, full)
        if options is None:
            return []
        key, kind, pool = options
        prompt = f"In which {kind} is {with_the(full)} {how}?"
        return [self.mc([f], "mc:seat", prompt, key, [key], [(0, p) for p in pool[:6]],
                        sources=[{"article": src.article, "sentence": src.sentence}],
                        explanation=f"The article says: {strip_dateline(src.sentence)}", setting=False,
                        slot=f"{f.id}|seat")]

    def _venue_item(self, f: Any, name: str, where: City | str, src: Any, year: str) -> _Cand | None:
        options = _place_options(where, self.corpus, src.article, name)
        if options is None:
            return None
        key, kind, pool = options
        subject = _the(name)
        sentence = strip_dateline(src.sentence)
        if _ONGOING.search(sentence):
            return None  # a live report's own venue is its dateline, not what it reports (round 40)
        # the tense of the clause that names the meeting ("the 70th meeting ... in Cairns, where members
        # are expected to vote": the vote is expected, not the meeting)
        at = find_span(sentence, _full_name(f)) or (0, len(sentence))
        near = sentence[max(0, at[0] - 60):at[1] + 40]
        if _SCHEDULED.search(near):
            prompt = f"In which {kind} was {subject} scheduled to take place?"
        elif _FUTURE.search(near):
            prompt = f"In which {kind} will {subject} be held?"
        else:
            prompt = f"In which {kind} was {subject} held?"
        return self.mc([f], "mc:venue" + (f":{year}" if year else ""), prompt, key, [key], [(0, p) for p in pool[:6]],
                       sources=[{"article": src.article, "sentence": src.sentence}],
                       explanation=f"The article says: {sentence}", setting=False,
                       slot=f"{f.id}|venue|{year}")

    def _year_named(self, f: Any, article: str) -> str | None:
        """The year of the dates ``article`` gives in sentences naming the meeting, when they share
        one ("The ATCM adopted a declaration ... on 8 June 2023")."""
        names = [_full_name(f), *f.aliases]
        years = self.corpus.years_in(article, lambda sentence: any(find_span(sentence, n) for n in names))
        return next(iter(years)) if len(years) == 1 else None

    def _year_of(self, src: Any) -> str | None:
        """The year of the dates the article gives in ``src``'s sentence, when they share one."""
        years = self.corpus.years_in(src.article, lambda sentence: sentence == src.sentence)
        return next(iter(years)) if len(years) == 1 else None


def _place_options(where: City | str, corpus: Any, article: str, name: str = "") -> tuple[str, str, list[str]] | None:
    """The key, "city" or "country", and places of the same kind the article never names (a
    place it names may be the right answer to some reading of the question). A body or a meeting
    whose ``name`` names a country ("the Fiji Meteorological Service") is offered that country's
    cities only: a foreign capital would be ruled out by the name."""
    said = " ".join(text for _i, text in corpus._sentences.get(article, ()))
    if isinstance(where, City):
        where = in_named_country(where, said)
        key, kind = where.name, "city"
        # (a pair joined by a hyphen names both: "Korea-Central Asia", "Japan-Philippines")
        named = (places_in(name) or places_in(re.sub(r"(?<=[a-z])[-–](?=[A-Z])", " ", name))) if name else []
        # ("Korea" alone is the Republic of Korea in a meeting's name)
        national = {country_code(c) or country_code(f"South {c}" if c == "Korea" else c) for c in named} - {None}
        bloc = _bloc(name)
        # ("the Korea-Central Asia Dialogue": Korea's cities and Central Asia's, nobody else's)
        allowed = national | (bloc or set())
        if bloc and where.country_code not in allowed:
            return None  # an Arab forum held outside the Arab world: the foils would be guesswork
        pool = [c.name for c in same_kind(where, limit=40 if bloc else 12) if not _named(said, c.name)
                and (not allowed or c.country_code in allowed)][:12]
    else:
        key, kind = where, "country"
        pool = [c for c in nearby_countries(where) if not _named(said, c)]
    return (key, kind, pool) if len(pool) >= 3 else None


# A meeting or body named for a group of countries offers cities of that group only: Tehran
# beside Arab capitals, or Valletta for a Nordic forum, is ruled out by the name (blind reviews
# failed both). ISO codes; the Arab League's members, the Gulf Cooperation Council's, the Nordic
# and Baltic states.
_BLOCS = {
    "arab": set("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split()),
    "gulf": set("BH KW OM QA SA AE".split()),
    "gcc": set("BH KW OM QA SA AE".split()),
    "nordic": set("DK FI IS NO SE".split()),
    "baltic": set("EE LV LT".split()),
    "central asian": set("KZ KG TJ TM UZ".split()),  # (Kabul and Tehran beside Tashkent: round 18A)
    "andean": set("BO CO EC PE".split()),
    "east african": set("BI CD KE RW SO SS TZ UG".split()),
    "west african": set("BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG".split()),
    "southern african": set("AO BW KM CD SZ LS MG MW MU MZ NA SC ZA TZ ZM ZW".split()),
    "balkan": set("AL BA BG HR GR XK ME MK RO RS SI".split()),
    "mekong": set("KH LA MM TH VN".split()),
    "sahel": set("BF ML NE TD MR".split()),
    "maghreb": set("DZ LY MR MA TN".split()),
}


def _bloc(name: str) -> set[str] | None:
    """The countries of every group ``name`` names (all of them: "the GCC-Central Asia Summit"),
    or None."""
    words = " ".join(w.lower() for w in re.findall(r"[A-Za-z]+", name))
    # ("Central Asia" as well as "Central Asian", "East Africa" as well as "East African")
    found = [codes for word, codes in _BLOCS.items()
             if re.search(rf"\b{word.removesuffix('n') if word.endswith('an') else word}n?\b", words)]
    return set().union(*found) if found else None


def _venue_in(sentence: str, names: list[str], sitting: bool = False) -> tuple[City | str, str, str] | None:
    """The place ``sentence`` holds a meeting (named by one of ``names``) in, the year written
    right after its name ("CHOGM 2024 concluded ... in Apia", else ""), and, with ``sitting``, the
    sitting of the body named that the sentence places ("the annual session of" the EMPU Council
    of Ministers, "held in Valletta"; only then is a body's name a meeting); None when the
    sentence says no such thing."""
    for name in names:
        span = find_span(sentence, name)
        if span is None:
            continue
        if re.search(r"\b(?:an?|another)\s+(?:\w+\s+)?$", sentence[:span[0]]):
            continue  # "will host a Critical Minerals Investment Forum in Jakarta": one of its kind, no named meeting
        if _PROPOSED.search(sentence[max(0, span[0] - 80):span[0]]):
            continue  # "He proposed that members hold the first X in Chennai": a venue proposed, not held (round 38)
        of = ""
        if sitting:
            m = _SITTING_OF.search(sentence[:span[0]])
            if m is None or not re.search(r"\d|\s", m.group(1).strip()):
                continue  # a bare "meeting of" the body: which of its meetings that year?
            of = f"{m.group(1)} of"
        rest = sentence[span[1]:]
        for m in re.finditer(r"\bin\s+", rest[:120]):
            between = rest[:m.end()]
            if not _BETWEEN.fullmatch(between):
                continue
            pm = _PLACE.match(rest, m.end())
            if pm is None:
                break
            place, country = pm.group(1), pm.group(2)
            tail = rest[pm.end():pm.end() + 2]
            if tail[:1].isalnum() or re.match(r"\s+[A-Z]", rest[pm.end():]):
                break  # the run goes on: a longer name than the place
            year = _YEAR_AFTER.match(between)
            year = year.group(1) if year else ""
            if is_country(place) and not country:
                return place, year, of
            city = _city(place, country)
            if city is None:
                break
            return city, year, of
    return None


# Words any meeting's name may hold: what is left must name whose meeting it is ("CARICOM",
# "IOC", "Antarctic Treaty"), or the question has an answer for every body that has one.
_GENERIC = frozenset('''
meeting summit conference session forum assembly congress games talks dialogue symposium consultations retreat
ministerial joint regular annual general special extraordinary high-level high level heads head of state states
government governments leaders leader ministers minister foreign finance trade the and on for in plenary ordinary
presidential international regional global council committee board conference-of-the-parties parties convention
senior officials ministerial-level biennial inaugural first second third fourth fifth sixth seventh eighth ninth
tenth
'''.split())


# Ordinals written out past the tenth ("the Twenty-Ninth Meeting"): a number, not an owner.
_ORDINAL_WORD = re.compile(r"(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundredth)"
                           r"(?:-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))?|eleventh|twelfth|"
                           r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
                           r"thirtieth|fortieth|fiftieth)")


def _owned(name: str) -> bool:
    return any(w[:1].isupper() and w.lower() not in _GENERIC and not re.fullmatch(r"\d+(?:st|nd|rd|th)?", w)
               and not _ORDINAL_WORD.fullmatch(w)
               for w in re.findall(r"[\w'’-]+", name)) or bool(re.fullmatch(r"COP\s?\d+", name))


def _city(place: str, country: str | None) -> City | None:
    return find_city(place, country if country and country_code(_THE.sub("", country)) else None)


def _seat_in(sentence: str, names: list[str]) -> tuple[City | str, str] | None:
    """Where ``sentence`` says the body (named by one of ``names``) has its seat, and the word to
    ask it with ("headquartered", "based"); None when it says no such thing."""
    for name in names:
        span = find_span(sentence, name)
        if span is None:
            continue
        before, rest = sentence[:span[0]], sentence[span[1]:]
        m = _BASED_BEFORE.search(before)
        if m and _NP_GOES_ON.match(rest):
            continue  # "the Bonn-based UNCCD secretariat", "the Vienna-based UN nuclear watchdog": another body's seat
        if m:
            place, country = m.group(1), m.group(2)
            how = "based"
        else:
            m = _SEAT_AFTER.match(rest)
            if m is None:
                continue
            pm = _PLACE.match(rest, m.end())
            if pm is None or re.match(r"\s+[A-Z]|\w", rest[pm.end():]):
                continue
            place, country = pm.group(1), pm.group(2)
            how = "based" if m.group("how").lower() == "based" else "headquartered"
        if is_country(place) and not country:
            return place, how
        city = _city(place, country)
        if city is not None:
            return city, how
    return None


# After a name, a lowercase word that is no verb or function word: the noun phrase goes on, and the
# name was only a modifier of it.
_NP_GOES_ON = re.compile(r"\s+(?!(?:has|have|had|is|are|was|were|will|would|can|could|said|says|and|or|of|in|on|at|to|for|"
                         r"with|which|that|who|whose|as|by|from|but|since|also|itself)\b)[a-z]+\b(?<!ed)(?<!s)")


def _central(f: Any, article: str) -> bool:
    """Is the body one ``article`` is about: named in its first sentences, or in two or more?"""
    idx = {s.sentence_idx for s in f.sources if s.article == article}
    return len(idx) >= 2 or any(i is not None and i <= 4 for i in idx)


def _named(text: str, place: str) -> bool:
    return bool(re.search(rf"(?<!\w){re.escape(place)}(?!\w)", text, re.I)) or fold(place) in fold(text)
