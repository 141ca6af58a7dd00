"""Role phrases around a person's name, in the shapes releases, lists and wires use.

``leaders.py`` reads the classic news shapes ("Chinese President Xi Jinping", "NAME, the Russian
foreign minister,"). This module adds the shapes of other genres, still by pattern and never by name:

- title first, then a comma: "the Vice-President of the Nordic Council, Helge Orten;"
- a list under a plural title: "Presidents Joe Biden (USA), Olaf Scholz (Germany) and ..."
- title straight after the name, as attendee lists print it: "Shaikh NAME President of the UAE"
- capitalised titles with their body: "NAME, Member of the Executive Board of the ECB,"
- a title in brackets: "NAME (Secretary-General of the OECD)"
- a predicate: "NAME will be the next chief of Interpol", "NAME was elected secretary-general"

Each returns the role in the article's words ("Vice-President of the Nordic Council") and, where
the phrase names one, the country or organisation the role belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import COUNTRY_NAMES as LIST_COUNTRIES
from .lexicon import NATIONALITIES, TITLES
from .places import STATE_STYLE

# Where an office was given, kept on its end by the parse ("President of the BCU at its congress in
# Ohrid"): no part of the office or of the body it is held at.
WHERE_GIVEN = re.compile(r"\s+(?:at|during)\s+(?:its|the|their|a|an)\s+(?:[\w-]+\s+){0,3}?(?:congress|meeting|summit|"
                         r"session|assembly|conference|election|vote|ceremony)\b.*$", re.I)

EXTRA_TITLES = ["member", "project manager", "manager", "executive director", "managing director",
                "deputy director", "deputy secretary-general", "deputy secretary general", "vice-chair",
                "vice chair", "co-chair", "chairperson", "president-designate", "head of government",
                "high commissioner", "chief executive officer", "chief economist", "chief negotiator",
                "rapporteur", "coordinator", "ombudsman", "registrar", "prosecutor", "judge", "attorney general",
                "auditor general", "amir", "crown prince", "governor-general", "first lady", "mp",
                "chief justice", "chief of defence", "chief of defense", "party leader", "opposition leader",
                "official", "senior official", "executive secretary", "diplomat", "captain", "colonel",
                "lieutenant", "major general", "brigadier general", "vice-minister", "vice minister",
                "second minister", "coordinating minister", "minister of state", "permanent secretary",
                "chief executive", "secretary of state", "commander"]
_ALL_TITLES = sorted(set(TITLES) | set(EXTRA_TITLES), key=len, reverse=True)
_T = "|".join(re.escape(t) for t in _ALL_TITLES)
_NAT = "|".join(sorted((re.escape(n) for n in NATIONALITIES if len(n) > 2), key=len, reverse=True))
_MOD = (r"(?:(?:deputy|vice|acting|former|outgoing|incoming|interim|current|first|new|next|senior|chief|permanent|"
        r"long-serving|newly[- ]elected|incumbent|then|country|regional|programme|program|mission|resident)[- ]+)*"
        # a portfolio or field before a minister's or official's title: "Energy Minister", "Senior
        # Arctic Official", "Trade Commissioner" (capitalised words only)
        r"(?:(?-i:[A-Z][a-z]+)\s+){0,2}(?=(?-i:Minister|Secretary|Commissioner|Official|Director|Envoy|Ambassador|Adviser|Spokes))?")
# Forms of address between a title and a name: "Ambassador Dr NAME", "H.E. Mr NAME", "Dame NAME".
_HONORIFIC = r"(?-i:Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Prof\.?|Dame|Sir|H\.\s?E\.?|Hon\.?|Honourable|Excellency|Sheikh|Shaikh|Ambassador|Judge)"
# "of the Nordic Council of Ministers", "for Nordic Co-operation", "at the World Bank"
_BODY = r"(?:the\s+)?[A-ZÀ-ÖØ-Þ][\w’'.&-]*(?:\s+(?:(?:of|and|for|on|the|&|de|du|des|la)\s+)*[A-ZÀ-ÖØ-Þ(][\w’'.&)-]*){0,8}"
ROLE = (rf"(?:(?P<nat>{_NAT})\s+|(?P<owner>(?:the\s+)?(?-i:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,4}})|(?-i:the\s+[a-z]+(?:\s+[a-z]+){{0,2}}))(?:['’]s|(?<=s)['’])\s+"
        # a body's initials before its officer's title: "the UNHCR Representative in Chad"
        rf"|(?P<acr>(?-i:[A-Z]{{2,8}}))\s+)?"
        rf"(?P<title>{_MOD}(?:{_T}))(?![\w-])(?:\s+(?:of|for|at|to|in)\s+(?P<body>{_BODY}))?")
# A role phrase written with capitals (or a known lowercase title) right after the name.
AFTER_COMMA = re.compile(rf"^\s*,\s+(?:(?:an?|the)\s+)?{ROLE}", re.IGNORECASE)
AFTER_PAREN = re.compile(rf"^\s*\((?:the\s+)?{ROLE}(?:,\s*[A-Z]{{2,8}})?\s*\)", re.IGNORECASE)
AFTER_BARE = re.compile(rf"^\s+{ROLE}", re.IGNORECASE)
PREDICATE = re.compile(
    rf"^\s*(?:,[^,]{{0,60}},\s*)?\s+(?:is|was|will\s+be|has\s+been|became|becomes|remains|was\s+(?:elected|appointed|named|chosen|re-elected)(?:\s+as)?|"
    rf"has\s+been\s+(?:elected|appointed|named)(?:\s+as)?|will\s+(?:become|serve\s+as|take\s+over\s+as))\s+(?:(?:an?|the|its|their)\s+)?{ROLE}",
    re.IGNORECASE)
BEFORE_COMMA = re.compile(rf"(?:^|[;,:(\"“”]\s*|\s)(?:(?:an?|the)\s+)?{ROLE}\s*,\s*(?:(?:currently|now|at\s+present)\s+)?(?:{_HONORIFIC}\s+)*$", re.IGNORECASE)
# A capitalised title straight before the name: "President of the Republic Santiago Peña".
BEFORE_BARE = re.compile(rf"(?:^|[;,:(\"“”]\s*|\s)(?:the\s+)?{ROLE}\s+(?:{_HONORIFIC}\s+)*$", re.IGNORECASE)
COUNTRY_PAREN = re.compile(r"^\s*\((?P<c>[A-Z][\w .'-]{1,40})\)")


@dataclass
class Role:
    role: str
    country: str | None


def _tidy(text: str) -> str:
    text = " ".join(text.split()).strip(" ,;:-–—")
    return re.sub(r"\s*\((?:[A-Z]{2,8})\)$", "", text)


def _role_from(m: re.Match) -> Role | None:
    title = m.group("title")
    if not title:
        return None
    body = m.group("body")
    if body:
        body = re.split(r"\s+(?:and|&)\s+(?=(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:Minister|President|Secretary|Chair|Member|Head))",
                        body)[0]
        body = re.sub(r"[’']s?$", "", body.strip())
    role = _tidy(title + (f" {m.group(0)[m.end('title') - m.start(0):m.start('body') - m.start(0)].strip()} {body}" if body else ""))
    whose = re.match(r"(?:its|their|his|her|our|my|your)\s+", role, re.I)
    if whose:
        # "Its president, Dr NAME": whose, the sentence before said; the office stays, placed nowhere
        role = role[whose.end():]
        if not role or m.group("nat") or m.group("owner"):
            return None
        return Role(role.rstrip(".").strip(), None)
    if role.islower() and len(role.split()) <= 4:
        role = role[0].upper() + role[1:]
    nat = m.group("nat")
    country = NATIONALITIES.get(nat.lower(), nat) if nat else None
    acr = m.groupdict().get("acr")
    if acr:
        # the office is the body's, wherever it is held: "UNHCR Representative in Chad"
        return Role(f"{acr} {role}".rstrip(".").strip(), acr)
    owner = m.group("owner")
    if owner and ". " in owner:
        owner = owner.rsplit(". ", 1)[1]  # "Lunch. Athletes' ...": a sentence ended before the owner
    head = re.match(r"(?-i:[A-Z][a-z]+)\s+(?=\S)", role)
    if owner and head and _BODY_HEADS.fullmatch(head.group(0).strip()) and not body:
        # "Athletes' Commission chair NAME": the chair of the Athletes' Commission, no office of "Athletes"
        mark = m.group(0)[m.end("owner") - m.start(0):m.start("title") - m.start(0)].strip()  # "'s" or "'"
        owner = re.sub(r"^the\s+", "", owner.strip(), flags=re.I)
        return Role(f"{role[head.end():].rstrip('.').strip()} of the {owner}{mark} {head.group(0).strip()}", None)
    if owner and re.fullmatch(r"(?:the\s+)?[A-Z][a-z]+", owner.strip()) and _BODY_HEADS.search(owner):
        owner = None  # "the Bank's Country Director": the bank told before, which the role cannot name
    if not country and owner:
        country = re.sub(r"^the\s+", "", owner.strip(), flags=re.I)
    if not country and body:
        country = _owner_of(body)
    return Role(role.rstrip(".").strip(), country.rstrip(".").strip() if country else None)


_BODY_HEADS = re.compile(r"\b(?:Commission|Council|Union|Community|Organi[sz]ation|Agency|Bank|Fund|Assembly|Committee|"
                         r"Board|Parliament|Secretariat|Court|Forum|Alliance|Association|Federation|Institute|"
                         r"Movement|Group|Republic|Kingdom|State|States|Nations|Authority|Office|Police|[A-Z]{2,8})\b")


def _owner_of(body: str) -> str | None:
    """The country or body a role's "of ..." phrase names: "the Nordic Council" -> itself;
    "Home Affairs of Malaysia" -> "Malaysia"; a bare portfolio ("Home Affairs", "Culture") -> None."""
    body = re.sub(r"^the\s+", "", body.strip(), flags=re.I)
    parts = re.split(r"\s+of\s+(?:the\s+)?", body)
    last = parts[-1]
    if len(parts) > 1 and (last.lower() in _COUNTRY_NAMES or _BODY_HEADS.search(last)):
        return last if not _BODY_HEADS.search(body.split(" of ")[0]) else body
    if _BODY_HEADS.search(body) or body.lower() in _COUNTRY_NAMES:
        return body
    return None


_COUNTRY_NAMES = {c.lower() for c in NATIONALITIES.values()}

# The rest of a portfolio a title of the lexicon stops short of ("Minister of Trade| and Industry,"):
# one more capitalised word, then the phrase ends.
_PORTFOLIO_REST = re.compile(r"^\s+(?:and|&)\s+(?P<more>[A-Z][a-z]+)(?=\s*(?:[,;.)]|$))")
# The country closing an entry of a delegation or signature list ("H.E. NAME, Minister of Home
# Affairs, Republic of Singapore"), after the role's ministry if the list prints it apart: a
# country's formal style, or a country name, and nothing after it.
_LIST_COUNTRY = re.compile(
    r"^\s*(?:,\s*(?P<unit>(?:the\s+)?(?:Ministry|Department|Office)\s+(?:of|for)\s+[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*){0,4}))?"
    rf"\s*,\s*(?P<style>(?:the\s+)?{STATE_STYLE}\s+(?:the\s+)?)?"
    r"(?P<c>[A-Z][\w'’.-]*(?:\s+(?:and\s+|of\s+)?[A-Z][\w'’.-]*){0,4})\s*[.;]?\s*$")


def _list_entry(r: Role, rest: str) -> Role:
    """"NAME, Minister of Trade and Industry, Republic of Ghana": a list entry's full portfolio and
    the country that closes it. The country is a known name, or any name in a state's formal style
    ("Socialist Republic of Viet Nam"); a bare capitalised word after a comma may be anything. Only
    at the very end of the sentence or line."""
    more = _PORTFOLIO_REST.match(rest)
    if more and " of " in f" {r.role} ":
        r = Role(f"{r.role} and {more.group('more')}", r.country)
        rest = rest[more.end():]
    if r.country:
        return r
    m = _LIST_COUNTRY.match(rest)
    if m is None:
        return r
    c = m.group("c")
    known = [w for w in (c, c.split(" of ")[-1]) if w.lower() in _COUNTRY_NAMES | LIST_COUNTRIES]
    if not known and not m.group("style"):
        return r
    unit = re.sub(r"^the\s+", "", m.group("unit") or "")
    role = f"{r.role} of the {unit}" if unit else r.role
    return Role(role, known[0] if known else c)
    m = _LIST_COUNTRY.match(rest)
    if m and m.group("c").lower() in _COUNTRY_NAMES | LIST_COUNTRIES:
        return Role(r.role, NATIONALITIES.get(m.group("c").lower(), m.group("c")))
    return r


# A signature block's next line ("...International Cooperation\nRamon Euceda Paz, Secretary of
# State ..."): another person's entry, where no role of the name before it runs on.
NEXT_ENTRY = re.compile(r"\n(?=[ \t]*[A-Z][\w'’.-]+(?:[ \t]+(?:[A-Z][\w'’.-]+|de|da|del|do|dos|van|von|bin|al)){1,4}[ \t]*,)")


def role_near(text: str, start: int, end: int) -> Role | None:
    """The role the sentence gives the name at ``text[start:end]``, from the shapes above."""
    after = NEXT_ENTRY.split(text[end:end + 200], maxsplit=1)[0]
    before = text[max(0, start - 160):start]  # a role is written close to its name
    if re.search(r"\n[ \t]*$", before):
        before = ""  # a name opening a line: the title on the line above is the entry above's
    before = NEXT_ENTRY.split(before)[-1]  # (nor a title a list's earlier line ends with)
    for rx in (AFTER_PAREN, AFTER_COMMA, PREDICATE):
        m = rx.match(after)
        if m and (rx is not AFTER_COMMA or _capitalised_or_known(m.group("title"))):
            if rx is AFTER_COMMA and re.match(r"\s+(?-i:[A-Z][\w'’.-]+\s+[A-Z][\w'’.-]+)", after[m.end():]):
                continue  # "NAME, Kazakhstan's Energy Minister NAME2": the title of the name after it
            if rx is AFTER_COMMA and re.match(r"\s+(?!(?:of|at|for|with|from|to|and|in|on|who|since|until|said|says|"
                                              r"told|added)\b)[a-z]+(?:\s+[a-z]+)?\s*[,;.]", after[m.end():]):
                continue  # "NAME, Africa50's chief investment officer,": the title goes on; "Chief" is
                # no office of its own (session 27)
            r = _role_from(m)
            if r and rx is AFTER_COMMA:
                prior = BEFORE_COMMA.search(before)
                if prior and re.match(r"\s*,\s*(?:and\s+)?[A-Z][\w'’.-]+\s+[A-Z]", after[m.end():]):
                    # "TITLE of A, NAME, TITLE of B, NAME2": the title after the name is the next
                    # entry's; the name's own is the one before it
                    r = _role_from(prior) or r
                    if r:
                        return r
                r = _list_entry(r, after[m.end():])
            if r:
                return r
    m = BEFORE_COMMA.search(before)
    if m:
        r = _role_from(m)
        if r:
            return r
    m = BEFORE_BARE.search(before)
    if m and m.group("title")[:1].isupper() and (m.group("body") or m.group("nat") or m.group("owner")):
        # bare titles right before a name are leaders.py's; here only "Title of Body NAME"
        r = _role_from(m)
        if r:
            return r
    m = AFTER_BARE.match(after)
    if m and m.group("title")[:1].isupper():
        r = _role_from(m)
        if r:
            return r
    return None


def plural_title(text: str, start: int, end: int) -> Role | None:
    """"Presidents A (USA), B (Germany) and C": the plural title before the list, and the country
    in brackets after each name."""
    for m in PLURAL_TITLE.finditer(text):
        if m.end() > start:
            break
        pos = m.end()
        while pos <= start:
            entry = LIST_ENTRY.match(text, pos)
            if not entry:
                break
            if entry.start() <= start < entry.end():
                title = m.group("titles").split()
                role = " ".join(title[:-1] + [title[-1][:-1]])
                cm = COUNTRY_PAREN.match(text[end:])
                return Role(role, cm.group("c").strip() if cm else None)
            sep = LIST_SEP.match(text, entry.end())
            if not sep:
                break
            pos = sep.end()
    return None


PLURAL_TITLE = re.compile(r"\b(?P<titles>Presidents|Prime\s+Ministers|Foreign\s+Ministers|Ministers|Kings|Governors|"
                          r"Senators|Ambassadors|Secretaries-General|Commissioners)\s+(?=[A-Z])")
LIST_ENTRY = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4}(?:\s*\([^)]{1,40}\))?")
LIST_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _capitalised_or_known(title: str) -> bool:
    return title[:1].isupper() or title.lower() in TITLES


# "the Vice-President of the Nordic Council, Helge Orten;": a title, a comma, then a capitalised name
ROLE_THEN_NAME = re.compile(
    rf"(?:(?:an?|the)\s+)?{ROLE}\s*,\s*(?:(?:currently|now|at\s+present)\s+)?(?P<name>(?-i:(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?[A-Z][\w’'.-]+(?:\s+(?:[A-Z][\w’'.-]+|bin|al|de|van|von|da|dos|del)){{1,4}}))"
    rf"(?=\s*[,;.]|\s+(?:said|says|has|had|was|is|who|told|will)\b|\s*$)", re.IGNORECASE)


# The name part of ``ROLE_THEN_NAME`` alone, tried right after a comma first: most commas before a
# capital open no name, and the whole pattern is costly to run over the window before them.
NAME_THEN_END = re.compile(r"(?:(?:currently|now|at\s+present)\s+)?(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?[A-Z][\w’'.-]+"
                           r"(?:\s+(?:[A-Z][\w’'.-]+|bin|al|de|van|von|da|dos|del)){1,4}"
                           r"(?=\s*[,;.]|\s+(?i:said|says|has|had|was|is|who|told|will)\b|\s*$)")


def role_before_name(m: re.Match) -> Role | None:
    """The role of a ``ROLE_THEN_NAME`` match, as the title before the name gives it."""
    return _role_from(m)


# A capitalised name of two to five words (particles allowed), for names the NER did not mark.
BARE_NAME = re.compile(r"(?<![\w’'-])[A-Z][\w’'.-]+(?:\s+(?:[A-Z][\w’'.-]+|bin|al|de|van|von|da|dos|del)){1,4}")


# A signature block's entry: "NAME, Title ..." opening a line (the tagger often runs the line before
# into it: "International Cooperation\nRamon Euceda Paz" as one organisation).
SIGNED_NAME = re.compile(r"(?m)^[A-Z][\w'’.-]+(?:[ \t]+(?:[A-Z][\w'’.-]+|de|da|del|do|dos|van|von|bin|al)){1,4}(?=[ \t]*,)")


def role_at_line_start(text: str) -> Role | None:
    """"President of the United Arab Emirates" opening a line under a name line (attendee lists)."""
    m = AFTER_BARE.match(" " + text)
    if m and m.group("title")[:1].isupper() and m.end() >= len(text) - 2:
        return _role_from(m)
    return None

# Any title word at all (a cheap gate before the role patterns above).
_TITLE_GATE_WORDS = {w.lower() for t in _ALL_TITLES for w in t.split() if len(w) > 2 and w not in ("of", "the", "and", "for")}
ANY_TITLE = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _TITLE_GATE_WORDS), key=len, reverse=True)) + r")\b",
                       re.IGNORECASE)
# The gate's words that are plain word characters are looked up in a set; only the few with a
# hyphen or a dot ("vice-chair") need the pattern. Python's regex engine tries a long alternation
# at every offset (a profile of the extraction bench showed it among the costliest calls).
_PLAIN_TITLE_WORDS = {w for w in _TITLE_GATE_WORDS if re.fullmatch(r"\w+", w)}
_OTHER_TITLE_WORDS = sorted(_TITLE_GATE_WORDS - _PLAIN_TITLE_WORDS, key=len, reverse=True)
_OTHER_TITLE = re.compile(r"\b(?:" + "|".join(map(re.escape, _OTHER_TITLE_WORDS)) + r")\b", re.IGNORECASE) \
    if _OTHER_TITLE_WORDS else None


class TitleGate:
    """Where in one sentence a title word stands: ``ANY_TITLE.search(text, lo, hi)``, answered from
    the sentence's words, found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.hits = [(m.start(), m.end()) for m in re.finditer(r"\w+", text) if m.group().lower() in _PLAIN_TITLE_WORDS]

    def __call__(self, lo: int = 0, hi: int | None = None) -> bool:
        hi = len(self.text) if hi is None else hi
        if any(lo <= s and e <= hi for s, e in self.hits):
            return True
        return bool(_OTHER_TITLE and _OTHER_TITLE.search(self.text, lo, hi))


# An office before a name ("Economy and Finance Minister Andrés Carbajal"): a "when" question keeps its
# capitals (not "economy and Finance Minister ...", round 58).
TITLE_BEFORE_NAME = re.compile(r"(?:[A-Z][a-z]+\s+(?:and\s+|of\s+|for\s+)?)+(?:Minister|Secretary|President|Governor|"
                               r"Commissioner|Director|Chair(?:man|woman|person)?|Ambassador)\b")
