"""Clean views of imperfect facts: what a question template may safely say about a fact.

Why a separate step: the extractor is rule-based and will always hand over some half-right facts
on unseen articles (an actor that is a pronoun or "the statement", a goal that is really an object
such as "each other", an event that is a whole sentence or just "Putin had also said", a role cut
off in the middle of an institute's name). A question built on such a fact is one a teacher throws
away, so every fact passes a gate here first and templates only ever see the tidied view: goals in
the source sentence's own casing with the verb that introduced them, actors as named parties,
events short enough to read as a clause, roles that end where the role ends. A fact that fails a
gate simply yields fewer (or no) questions; nothing here invents content that is not in a source.

Pure string rules on purpose (no NLP model): the generator must stay fast and importable without
spaCy, and the rules only need to recognise the shapes the extractor produces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from ..facts.lexicon import COUNTRY_NAMES, PORTFOLIO_WORDS
from .normalise import contains_phrase, normalise, tokens
from .sentences import (
    cap,
    clean,
    find_span,
    self_contained,
    words,
)

# --- word lists (patterns of news English, never particular people or places) ------------------

NATIONALITY = {
    "afghan": "Afghanistan", "american": "United States", "british": "United Kingdom",
    "chinese": "China", "russian": "Russia", "pakistani": "Pakistan", "iranian": "Iran",
    "indian": "India", "uzbek": "Uzbekistan", "tajik": "Tajikistan", "kazakh": "Kazakhstan",
    "kyrgyz": "Kyrgyzstan", "turkmen": "Turkmenistan", "turkish": "Turkey", "japanese": "Japan",
    "german": "Germany", "french": "France", "italian": "Italy", "qatari": "Qatar", "saudi": "Saudi Arabia",
    "egyptian": "Egypt", "mongolian": "Mongolia", "belarusian": "Belarus", "armenian": "Armenia",
    "azerbaijani": "Azerbaijan", "ukrainian": "Ukraine", "indonesian": "Indonesia",
    "vietnamese": "Vietnam", "korean": "Korea", "brazilian": "Brazil", "israeli": "Israel",
    "palestinian": "Palestine", "syrian": "Syria", "iraqi": "Iraq", "european": "European Union",
    "u.s.": "United States", "us": "United States", "emirati": "United Arab Emirates",
}
CAPITALS = {
    "beijing": "China", "moscow": "Russia", "kabul": "Afghanistan", "islamabad": "Pakistan",
    "tehran": "Iran", "new delhi": "India", "washington": "United States", "tokyo": "Japan",
    "london": "United Kingdom", "paris": "France", "berlin": "Germany", "ankara": "Turkey",
}
# Nouns that can head an acting party ("Chinese and Russian officials", "the new Afghan regime").
AGENT_NOUNS = {
    "officials", "official", "leaders", "leader", "government", "governments", "regime", "authorities",
    "ministers", "minister", "presidents", "president", "diplomats", "delegation", "delegations",
    "countries", "nations", "sides", "side", "states", "parties", "powers", "administration", "envoys",
    # bodies named by nationality or owner: "the Japanese central bank", "the BOJ chief"
    "bank", "committee", "council", "commission", "agency", "ministry", "parliament", "chief", "head",
    "secretariat", "board", "bloc", "alliance", "union", "court", "fund", "members", "delegates",
}
# A group told by whose members it is, as the extractor resolves "we" and "the Ministers".
_MEMBERS_OF = re.compile(r"^(?i:the\s+)?(?:member\s+states|(?:\w+\s+)?(?i:ministers)(?:\s+and\s+[\w\s]{3,30}?)?|"
                         r"(?i:heads\s+of\s+state(?:\s+and\s+government)?))\s+of\s+(?:the\s+)?[A-Z]"
                         # "the governors of the central banks of Central America and the Dominican Republic",
                         # "National audit offices from across Latin America" (round 172): people or offices by
                         # whose they are
                         r"|^(?i:the\s+)?(?i:governors|presidents|heads|chiefs|directors|leaders|delegates|representatives)"
                         r"\s+of\s+(?:the\s+)?(?:[a-z]+\s+){1,3}(?:of|in|from)\s+(?:the\s+)?[A-Z]"
                         r"|^(?:[A-Z][a-z]+\s+)?[a-z]+(?:\s+[a-z]+)?\s+(?:offices|authorities|agencies|ministries|regulators|"
                         r"institutions|services)\s+from\s+(?:across\s+)?(?:the\s+)?[A-Z]"
                         # "the parties to the Convention on the Protection of ... Area": a treaty's parties
                         r"|^(?i:the\s+)?(?:(?i:contracting|states)\s+)?(?i:parties)\s+to\s+the\s+[A-Z]")
# A body's name as names are written: capitalised words, joined by a few small words ("the Islamic
# Corporation for the Development of the Private Sector": long, and still one name).
NAME_SHAPE = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w'’.&-]*(?:\s+(?:(?:of|the|and|for|on|in|to|de|du|des|la|le)\s+)*"
                        r"[A-Z(][\w'’.&()-]*)*")
# Those gathered at a named meeting ("the leaders at the Commonwealth Heads of Government Meeting", as
# the extractor names "the leaders" of a report on one summit).
_GATHERED_AT = re.compile(r"^[Tt]he\s+(?:leaders|ministers|delegates|heads\s+of\s+(?:state|government))\s+at\s+"
                          r"(?:the\s+)?(?:\d+\w*\s+)?[A-Z][\w'’-]*(?:\s+(?:of|on|for|and|the|meeting|session|summit|[A-Z0-9][\w'’-]*))*$")
# "Both sides", "the two nations": a party only once we know who the two are.
_DUAL = re.compile(
    r"^(?:both|the two)\s+(?:sides|nations|countries|counties|governments|states|powers|neighbou?rs)$",
    re.IGNORECASE)
# Documents and abstractions are not actors (the statement said X; Afghan territory should...).
NON_AGENT_HEADS = {
    "statement", "declaration", "communique", "communiqué", "report", "article", "document", "letter",
    "question", "issue", "territory", "vision", "collaboration", "cooperation", "situation", "efforts",
    "meeting", "talks", "call", "agreement", "treaty", "plan", "conversation", "exchange",
}
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "his", "her",
            "its", "their", "them", "us", "our", "who", "which"}
FUNCTION_END = {"and", "or", "but", "also", "of", "the", "a", "an", "to", "in", "on", "with", "for", "by",
                "as", "at", "from", "that", "which", "not", "only", "both", "its", "their", "his", "her",
                "such", "including", "like", "than", "whose"}
# Goals that are objects or entities rather than something wanted.
NON_GOALS = {
    "each other", "one another", "the statement", "the joint statement", "the declaration",
    "the international community", "the broader international community", "the region",
    "the world", "the country", "the people", "the talks", "the meeting", "the agreement",
}
SAY_VERBS = {"said", "says", "say", "told", "tells", "added", "adds", "noted", "notes", "stressed",
             "stresses", "announced", "believes", "believed", "reported", "wrote", "urged", "argued"}
COMMENTATOR_WORDS = {"fellow", "professor", "analyst", "researcher", "scholar", "expert", "lecturer",
                     "economist", "commentator", "observer", "journalist", "reporter", "editor",
                     "dean", "scientist", "adviser", "advisor", "columnist", "research", "strategist",
                     "consultant", "underwriting", "trader", "broker"}
_IRREGULAR_PAST = {
    "took", "met", "held", "began", "left", "came", "went", "made", "gave", "won", "fell", "rose",
    "signed", "saw", "set", "sent", "spoke", "wrote", "told", "became", "brought", "fought", "led",
    "paid", "ran", "struck", "sought", "drew", "froze", "broke", "chose", "flew", "hit", "put", "cut",
    "seized", "withdrew", "overthrew", "was", "were", "had", "did", "got", "found", "kept",
}
_COMMON_VERBS = {
    "hold", "holds", "meet", "meets", "sign", "signs", "visit", "visits", "take", "takes", "launch",
    "launches", "open", "opens", "begin", "begins", "host", "hosts", "join", "joins", "attend",
    "attends", "win", "wins", "leave", "leaves", "enter", "enters", "pledge", "pledges", "agree",
    "agrees", "announce", "announces", "is", "are", "will",
    "withdraw", "withdraws", "seize", "seizes", "collapse", "collapses", "start", "starts", "end",
    "ends", "adopt", "adopts", "mark", "marks", "celebrate", "celebrates",
}
_NOMINAL_EVENT = re.compile(
    r"^(?:the\s+)?(?:\w+\s+){0,2}(?:signing|withdrawal|collapse|fall|founding|establishment|launch|"
    r"start|end|opening|adoption|visit|meeting|summit|election|inauguration|creation|formation|"
    r"takeover|invasion|outbreak|victory|announcement|conclusion|beginning|anniversary|talks|"
    r"conference|agreement|treaty|war|attack|crisis|session|meetings|conversation|call|phone call|"
    r"exchange|dialogue|negotiations|ceremony|deal|talk)\b",
    re.IGNORECASE)
_WEEKDAY_PHRASE = re.compile(
    r",?\s*\b(?:on|last|this|next)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE)


# --- parties: who an actor is, as a set of comparable keys -------------------------------------

def _country_of_word(w: str) -> str | None:
    lw = w.lower()
    return NATIONALITY.get(lw) or CAPITALS.get(lw)


def parties(actor: str, leaders: Sequence[Any] = ()) -> frozenset[str]:
    """Normalised party keys for an actor: "Beijing and Moscow" -> {china, russia}.

    A person counts as their country too (Xi Jinping's goal overlaps with China's), so a goal
    stated by any overlapping group is never offered as a wrong answer about another.
    """
    out: set[str] = set()
    text = re.sub(r"^(?:both|the)\s+", "", actor.strip(), flags=re.IGNORECASE)
    for part in re.split(r"\s*(?:,|&|\band\b|\bwith\b)\s*", text):
        part = part.strip()
        if not part:
            continue
        key = normalise(part)
        mapped = CAPITALS.get(key) or NATIONALITY.get(key)
        for w in part.split():
            c = _country_of_word(w)
            if c:
                out.add(normalise(c))
        by_last = _leaders_by_last_word(leaders)
        for name, f in [hit for w in set(normalise(part, drop_article=False).split())
                        for hit in by_last.get(w, ())]:
            if contains_phrase(part, name) or (len(tokens(name)) > 1 and contains_phrase(part, tokens(name)[-1])
                                               and part[:1].isupper()):
                out.add(normalise(name))
                if getattr(f, "country", None):
                    out.add(normalise(_country_name(f.country)))
        out.add(normalise(mapped) if mapped else key)
    return frozenset(p for p in out if p and p not in {"counterpart", "his", "her"})


def _per_list(memo: dict[int, tuple[Sequence[Any], Any]], leaders: Sequence[Any], build) -> Any:
    """``build(leaders)``, remembered for this very list (a story's leaders are one list for all
    its goals); a few lists at most are kept."""
    hit = memo.get(id(leaders))
    if hit is not None and hit[0] is leaders:
        return hit[1]
    value = build(leaders)
    if len(memo) > 8:
        memo.clear()
    memo[id(leaders)] = (leaders, value)
    return value


_PARTIES_MEMO: dict[int, tuple[Sequence[Any], Any]] = {}


def _leaders_by_last_word(leaders: Sequence[Any]) -> dict[str, list[tuple[str, Any]]]:
    """Leaders (name, fact) by the last word of their normalised name: a name can only be in a
    text that has its last word, so ``parties`` compares an actor with the few leaders whose
    surname it contains, not with every leader of the story. Built once per list of leaders
    (``parties`` runs for every goal of a story)."""
    return _per_list(_PARTIES_MEMO, leaders, _by_last_word)


def _by_last_word(leaders: Sequence[Any]) -> dict[str, list[tuple[str, Any]]]:
    index: dict[str, list[tuple[str, Any]]] = {}
    for f in leaders:
        name = clean(getattr(f, "name", None) or getattr(f, "answer", ""))
        last = normalise(name, drop_article=False).split()[-1:] if name else []
        if last:
            index.setdefault(last[0], []).append((name, f))
    return index


def _country_name(country: str) -> str:
    c = clean(country)
    return NATIONALITY.get(c.lower(), c)


_NAME = r"(?:the\s+)?[A-Z][\w'’-]+(?:\s+(?:of\s+)?[A-Z][\w'’-]+)*"
_NAME_LIST = re.compile(rf"{_NAME}(?:,\s+{_NAME})+,?\s+and\s+{_NAME}")


# Words of an office that say what it does, not whose it is.
_PORTFOLIO_WORDS = PORTFOLIO_WORDS | frozenset({
    "prime", "deputy", "federal", "state", "national", "provincial", "regional", "chief", "executive",
    "general", "vice", "minister", "secretary", "president", "ministers"})  # (the office's rank and level too)


_OFFICE_HEADS = frozenset({"minister", "ministers", "president", "secretary", "chief", "head", "governor",
                           "official", "officials"})


def named_actor(actor: str, sentence: str = "") -> str | None:
    """The actor as a self-contained named party, or None ("They", "the statement", "both sides")."""
    a = clean(actor)
    if re.search(r"\bcounterparts?$", a) and sentence:
        # "Xi Jinping and his Russian counterpart" + ", Vladimir Putin," in the sentence
        m = re.search(re.escape(a) + r",\s+((?:[A-Z][\w'-]+\s?){1,4})", sentence)
        if m:
            a = f"{a}, {m.group(1).strip()}"
    # "Xi Jinping and his Russian counterpart, Vladimir Putin" -> "Xi Jinping and Vladimir Putin"
    a = re.sub(r"\b(?:his|her|their)\s+\w+\s+counterparts?,?\s+", "", a)
    # drop an appositive: "China and Russia, both concerned about ..." -> "China and Russia"
    if not _NAME_LIST.fullmatch(a) and not (_MEMBERS_OF.match(a) and _NAME_LIST.fullmatch(re.sub(r"^.*?\bof\s+(?:the\s+)?", "", a, count=1))):
        # ("Belgium, the Netherlands and Luxembourg" is a list, not an aside; so is "the ministers of
        # Micronesia, Kiribati, the Marshall Islands, ... and Tuvalu", round 86)
        a = re.split(r",\s+(?=[a-z])|,\s+(?:both|who|which|each)\b", a)[0].strip().rstrip(",")
    a = re.sub(r"^both\s+(?=[A-Z])", "", a, flags=re.IGNORECASE)
    a = re.sub(r"\s*\([A-Z][A-Za-z.&-]{1,9}\)", "", a)  # "the International Monetary Fund (IMF) staff"
    ws = words(a)
    # a group named by whose members it is ("the member states of the Indian Ocean Rim Association",
    # "the finance ministers of Kazakhstan, Uzbekistan and Kyrgyzstan") may run longer than a name
    longest = 24 if _MEMBERS_OF.match(a) and ("," in a or " to the " in a) or _NAME_LIST.fullmatch(a) \
        else 16 if _GATHERED_AT.match(a) \
        else 14 if _MEMBERS_OF.match(a) or NAME_SHAPE.fullmatch(a) else 9  # (seven countries by name: one party)
    if not ws or len(ws) > longest or ws[0].lower() in PRONOUNS or _DUAL.match(a):
        return None
    if _GATHERED_AT.match(a):
        return a  # "the leaders at the Commonwealth Heads of Government Meeting": the people, not the meeting
    if _MEMBERS_OF.match(a) and a.split()[-1][:1].isupper():
        return a  # "the ministers of the Central Asia Regional Economic Cooperation": the people, whatever the body's head word
    head = ws[-1].lower()
    first_np = words(re.split(r"\s+(?:between|of|on|from|with|for)\s+", a)[0])
    if head in NON_AGENT_HEADS or (first_np and first_np[-1].lower() in NON_AGENT_HEADS):
        return None  # "the joint declaration between China and Russia" is a document
    if re.search(r"\b(?:newest|new|latest|own|first|youngest|oldest)\s+\S+$", a):
        return None  # "the European Union's newest agency": which one, the article named (round 42)
    if head in AGENT_NOUNS:
        # needs something that names whose officials/government: "Chinese and Russian officials"
        # (an office's portfolio says what, not whose: "the federal Education Minister"; a body's
        # name says which: "the Security Council", "the General Assembly")
        portfolio = _PORTFOLIO_WORDS if head in _OFFICE_HEADS else frozenset()
        if not any(w[:1].isupper() and w.lower() not in ("the", "both") and w.lower() not in portfolio
                   for w in ws[:-1]):
            return None
        return a
    if not ws[-1][:1].isupper() and not (re.fullmatch(r"\d{4}", ws[-1]) and len(ws) > 1 and ws[-2][:1].isupper()) \
            and not (ws[-1].isdigit() and len(ws) > 2 and ws[-2] == "of" and ws[-3][:1].isupper()):
        return None  # (a year ends a name: "Vision 2030", "CHOGM 2024"; so does a count: "the Group of 20")
    return a


def resolve_dual(actor: str, pair: str | None) -> str | None:
    """'Both sides' / 'the two nations' -> the article's named pair, when it has exactly one."""
    return pair if pair and _DUAL.match(clean(actor)) else None


def plural(actor: str) -> bool:
    """Two parties or more ("China and Russia"), or a plural noun; "and" inside a name's "of ..."
    phrase joins no parties ("the Ministry of Agriculture and Food Industry wants")."""
    if _TWO_HATS.fullmatch(actor):
        return False  # "Mauritius delegate and CIJ vice-president Dev Ramkhelawon-Petit": one person, two titles
    if _SECOND_OFFICE.search(actor):
        return True  # "the Minister of Trade and the Minister of Finance": two offices, two people
    # (an office's portfolio is one office: "Slovenia's Minister of Natural Resources and Spatial Planning")
    head = re.split(r"\s+(?:of|for|on)\s+", actor, maxsplit=1)[0] \
        if _ORG_HEAD.search(actor) or _SINGLE_OFFICE.search(actor) else actor
    if head == actor and _TITLED_NAME.fullmatch(actor) and not _PLURAL_TITLE.search(actor.split(" for ")[0]):
        # "Synchrotron-light for Experimental Science and Applications in the Middle East": a name
        # whose "and" is inside its "for ..." phrase is one body (round 106)
        head = re.split(r"\s+for\s+", actor, maxsplit=1)[0]
    head = _AND_COUNTRY.sub("Country", head)  # "Bosnia and Herzegovina" is one country
    if re.search(r"\band\b|&", head) and "," not in head and _ORG_HEAD_END.search(head):
        before, after = re.split(r"\s+(?:and|&)\s+", head, maxsplit=1)[0], re.split(r"\s+(?:and|&)\s+", head)[-1]
        if not re.match(r"(?:the|a|an)\s", after, re.I) and not _ORG_HEAD_END.search(before):
            return False  # "the Agricultural Research and Development Institute": one body's name
    return bool(re.search(r"\band\b|&", head)) or head.lower().endswith(("s", "ies")) and \
        head.split()[-1][:1].islower() or bool(_PLURAL_TITLE.search(head))


# One office held by one person, whatever its portfolio lists ("Minister of Trade and Industry"), and a
# second office joined to it ("... and the Minister of Finance": two people).
_OFFICE = (r"(?:[A-Z][a-z]+\s+)?(?:Minister|Secretary|Commissioner|Director|President|Chair(?:man|woman|person)?|"
           r"Governor|Head|Chief)")
_SINGLE_OFFICE = re.compile(rf"(?:^|['’]s\s+|^the\s+){_OFFICE}\s+(?:of|for)\s")
_SECOND_OFFICE = re.compile(rf"\s(?:and|&)\s+(?:the\s+|[A-Z][\w'’-]*['’]s\s+)?{_OFFICE}\b")


# Two titles of one person before their name: "Deputy Prime Minister and Foreign Minister NAME".
_TWO_HATS = re.compile(r"(?:the\s+)?[^,;]*?\b(?i:delegate|president|minister|secretary|chair\w*|director|head|commissioner|"
                       r"ambassador|governor|envoy|spokes\w+|representative)\s+and\s+(?!the\s|an?\s|[A-Z][\w'’-]*['’]s\s)[^,;]*?"
                       r"(?i:delegate|president|minister|secretary|chair\w*|director|head|commissioner|ambassador|"
                       r"governor|envoy|spokes\w+|representative)\s+(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+")


# Capitalised plural nouns that name several parties ("the NATO Allies", "the Ministers"); never
# "Nations" or "States" (the United Nations, the United States are one)
_TITLED_NAME = re.compile(r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|and|in|on|the|de|for))*\s+for\s+"
                          r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|and|in|on|the|de|for))*")
_PLURAL_TITLE = re.compile(r"\b(?:Allies|Ministers|Leaders|Members|Parties|Governments|Heads|Delegations|Partners)$")


# --- goals ---------------------------------------------------------------------------------------


def mid(actor: str) -> str:
    """An actor inside a sentence: "The Russian side" -> "the Russian side"; a body's name takes
    "the" ("Southern African Development Community" -> "the Southern African Development Community")."""
    actor = with_the(actor)
    # "Heads of state and government of SICA" inside a sentence: "the heads of state ..."
    actor = re.sub(r"^(Heads|Ministers|Leaders|Representatives|Delegates|Members|Officials|Governments)(?=\s+of\s)",
                   lambda m: "the " + m.group(1).lower(), actor)
    return re.sub(r"^(The|Both)\s", lambda m: m.group(1).lower() + " ", actor)


_ORG_HEAD = re.compile(r"\b(?:Community|Union|Council|Commission|Committee|Organi[sz]ation|Agency|Bank|Fund|Assembly|Administration|"
                       r"Parliament|Secretariat|Court|Forum|Alliance|Association|Federation|Board|Conference|Group|"
                       r"Movement|Office|Ministry|Department|Directorate|Government|Programme|Program|Facility|Partnership|Initiative|Mission|Authority|"
                       r"Institute|Network|Centre|Center|Service|Corporation|Consortium|Platform|Taskforce|Force|"
                       r"Panel|Tribunal|Observatory|Framework|Agreement|Treaty|Convention|Protocol|Plan|Strategy|"
                       r"Scheme|Mechanism|Regulation|Charter|Accord|Pact|Compact|Roadmap|Project|Corridor|Summit|"
                       r"Meeting|Session|Dialogue|Area|Zone|Reserve|Park|System|Laboratory|Commissariat|Registry|Exchange|Foundation|Trust|Society|Academy)\b")
_ORG_HEAD_END = re.compile(_ORG_HEAD.pattern + r"$")
# Countries whose one name has "and" in it ("Bosnia and Herzegovina"), from the country lexicon.
_AND_COUNTRY = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(
    (c for c in COUNTRY_NAMES if " and " in c), key=len, reverse=True)) + r")\b", re.I)


_OFFICE_WORD = re.compile(r"\b(?:Minister|President|Secretary|Director|Chair\w*|Governor|Head|Chief|Commissioner|"
                          r"Ambassador|Envoy|General|Deputy|Vice|Executive|Representative|Officer|Leader|Republic|"
                          r"Kingdom|State|States|Members?|Ministers|Delegates?|Heads)\b")


def with_the(actor: str) -> str:
    """A body named without its article gets one: "the African Union", never "African Union aims"."""
    a = actor.strip()
    if re.match(r"^(?:the|a|an|both)\s", a, re.I) or not _ORG_HEAD.search(a) or plural(a) \
            or re.match(r"^[\w.-]+(?:\s+[A-Z][\w.-]*)*['’]s\s", a):
        return a  # ("Bhutan's state-owned Druk Green Power Corporation": the possessive is its determiner)
    last = re.search(r"\s(?:(?:Europe|Africa|Asia|America|Americas|Caribbean|Pacific|Arabia|Eurasia)|(?P<c>[A-Z][a-z]+))"
                     r"(?:\s*\([^()]*\))?$", a)
    if last and (last.group("c") is None or last.group("c").lower() in COUNTRY_NAMES) \
            and re.match(r"[A-Z][a-z]+\s", a) and not re.search(r"\s(?:of|for|in|and)\s", a):
        # "Vaccine Trust Europe", "Team Europe", "Bank Indonesia", "Bank Negara Malaysia": a name ending on
        # its region or country, no "of" before it, takes no "the" (held-back round 202, round 211)
        return a
    person = re.match(r"([A-Z][a-z]+(?:\s+[A-Z][\w'’-]+){1,2})\s+(?:of|from|at)\s", a)
    if person and not _ORG_HEAD.search(person.group(1)) and not _OFFICE_WORD.search(person.group(1)):
        return a  # "Peter Vaughan of the Australian Craft Beverage Alliance": a person, no "the" (round 120)
    return "the " + a


def speaker(sentence: str, leaders: Sequence[Any]) -> str | None:
    """The named person a sentence quotes ("Wang Yi said, ..." / "..., Putin said."): of the
    leaders quoted, the first in ``leaders``."""
    names, ordered = _speaker_names(leaders)
    # Only the names the sentence contains go into the patterns: the same matches as an
    # alternation of every leader's name, without compiling that alternation for each story.
    present = tuple(f for f in ordered if f in sentence)
    if not present:
        return None
    found = [names[m.group("form")] for p in _speaker_patterns(present) for m in p.finditer(sentence)]
    return min(found)[1] if found else None


_SPEAKER_MEMO: dict[int, tuple[Sequence[Any], Any]] = {}


def _speaker_names(leaders: Sequence[Any]) -> tuple[dict[str, tuple[int, str]], tuple[str, ...]]:
    """Each leader's name and surname (form -> the first leader's position, their name), and the
    forms longest first; built once per list of leaders (a goal template asks about every goal
    sentence against every leader)."""
    return _per_list(_SPEAKER_MEMO, leaders, _name_forms)


def _name_forms(leaders: Sequence[Any]) -> tuple[dict[str, tuple[int, str]], tuple[str, ...]]:
    names: dict[str, tuple[int, str]] = {}
    for i, f in enumerate(leaders):
        name = clean(getattr(f, "name", None) or getattr(f, "answer", ""))
        if not name:
            continue
        for form in ([name, tokens(name)[-1].capitalize()] if len(name.split()) > 1 else [name]):
            names.setdefault(form, (i, name))
    return names, tuple(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=4096)
def _speaker_patterns(forms: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    """The quoting patterns with ``forms`` (longest first) as one alternation."""
    alt = "(?P<form>" + "|".join(re.escape(f) for f in forms) + ")"
    return (
        re.compile(rf"(?:^|\.\s|,\s|President\s|Minister\s){alt}\s+(?:said|says|stressed|noted)\b"),
        re.compile(rf"(?:^|President\s|Minister\s){alt}\s+said\s+(?:on\s+)?[A-Z][a-z]+day\b"),
        re.compile(rf",\s*{alt}\s+(?:said|says|added|stressed)\.?[\"”]?$"),
        re.compile(rf"^{alt}\s+(?:said|says)\b"),
    )


# --- date events ---------------------------------------------------------------------------------

def expand_short_name(ev: str, names: Sequence[str]) -> str | None:
    """"The Roadmap was endorsed" -> "The Lusaka Roadmap on Silencing the Guns was endorsed" when
    exactly one known name has that head word; None when "the Roadmap" cannot be resolved."""
    m = re.match(r"^([Tt]he)\s+([A-Z][a-z]+)\b(?!\s+[A-Z])", ev)
    if not m:
        return ev
    word = m.group(2)
    full = sorted({n for n in names if re.search(rf"\b{re.escape(word)}\b", n) and n.split()[-1] != word
                   or (n.split()[-1] == word and len(n.split()) > 1)})
    if len(full) != 1:
        return None if not full and word.lower() in _SHORT_HEADS else ev
    return f"{m.group(1)} {full[0]}{ev[m.end():]}"


_SHORT_HEADS = {"roadmap", "treaty", "agreement", "accord", "declaration", "initiative", "plan",
                "corridor", "alliance", "forum", "format", "group", "council", "charter", "pact", "deal",
                "act", "law", "bill", "convention", "protocol", "regulation", "decree", "statute", "strategy",
                "programme", "program", "fund", "project", "scheme", "mission", "commission", "committee"}


def event_view(f: Any, names: Sequence[str] = ()) -> str | None:
    """A short, self-contained event to ask "when" about, or None.

    Skips events that are whole sentences (over 18 words), fragments ("Vladimir Putin had also
    said"), events whose subject is a dangling reference ("the group took over Kabul") or that
    have neither a verb nor an event noun ("both leaders speaking virtually").
    """
    if getattr(f, "subtype", None) == "publication":
        return None
    ev = clean(getattr(f, "event", None))
    if not ev:
        return None
    ev = re.sub(r",?\s+at the (?:latter|former)'s request", "", ev)
    ev = re.sub(r"\s*\(\s*\)", "", ev)  # "The Danish parliament ( ) adopts ...": the letters taken out left their brackets
    ev = _WEEKDAY_PHRASE.sub("", ev).strip()
    expanded = expand_short_name(ev, names)
    if expanded is None:
        return None
    ev = expanded
    ws = words(ev)
    low = [w.lower() for w in ws]
    if not 3 <= len(ws) <= 18 or not self_contained(ev):
        return None
    if low[-1] in SAY_VERBS or low[-1] in FUNCTION_END or "said" in low or ev.count(",") > 1:
        return None
    if re.search(r"[\"“”]", ev) or re.search(r"\b(?:ago|later|earlier|recently)\b", ev, re.I):
        return None
    tail = re.search(r"\s(an?\s+[a-z]+)$", ev)
    if tail and any(re.search(rf",\s+{tail.group(1)}\b", s.sentence) for s in f.sources):
        return None  # "... enters into force a regulation": an aside after a comma spliced onto the event
    nominal = bool(_NOMINAL_EVENT.match(ev))
    if low[0].endswith("ing") and not nominal:
        return None  # subjectless gerund: "winning the war" (who won?)
    finite = _finite(low)
    if not (finite or nominal):
        return None
    if any(w.endswith("ing") for w in low[1:3]) and not nominal:
        return None  # "both leaders speaking virtually": no finite verb
    return cap(ev)


def _finite(low: list[str]) -> bool:
    """A finite verb after the first word; "brokered by" is a participle, not a clause."""
    for i, w in enumerate(low[1:], start=1):
        nxt = low[i + 1] if i + 1 < len(low) else ""
        if low[i - 1] in ("the", "a", "an", "this", "that", "its", "their", "his", "her", "of"):
            continue  # "the end", "a start": nouns
        if w.endswith("ed") and len(w) > 4 and nxt != "by":
            return True
        if w in _IRREGULAR_PAST or w in _COMMON_VERBS:
            return True
    return False


def event_is_clause(ev: str) -> bool:
    return _finite([w.lower() for w in words(ev)])


# --- leaders ------------------------------------------------------------------------------------

def is_commentator(role: str) -> bool:
    return bool({w.lower() for w in words(role)} & COMMENTATOR_WORDS)


def role_ok(f: Any) -> bool:
    """Is the role complete? "associate research fellow at the Institute of Russian" is not."""
    role = clean(getattr(f, "role", None))
    ws = words(role)
    if not ws or len(ws) > 12 or role.lower() in ("counterpart", "counterparts"):
        return False
    last = ws[-1].lower()
    if last in FUNCTION_END or last in NATIONALITY:
        return False
    for src in getattr(f, "sources", []):
        span = find_span(src.sentence, role)
        if span and re.match(r",\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+(?:and|&)\s", src.sentence[span[1]:]):
            return False  # the institute's name continues: "of Russian, Eastern European and ..."
    return True


_COUNTRY_KEYS = frozenset({normalise(c) for c in NATIONALITY.values()} | {normalise(c) for c in COUNTRY_NAMES})


def article_pairs(goal_facts: Iterable[Any], leaders: Sequence[Any]) -> dict[str, str]:
    """Per article, the one named pair of parties ("China and Russia") its goals speak for.

    Lets "both sides" / "the two nations" become a named actor; an article with two different
    named pairs (or none) resolves nothing.
    """
    seen: dict[str, dict[frozenset[str], str]] = {}
    for f in goal_facts:
        a = named_actor(clean(getattr(f, "actor", None)))
        if not a:
            continue
        ps = frozenset(p for p in parties(a) if p in _COUNTRY_KEYS)
        if len(ps) != 2 or not re.fullmatch(r"(?:[Tt]he )?[A-Z][\w-]+(?: [A-Z][\w-]+)? (?:and|&) (?:the )?[A-Z][\w-]+"
                                            r"(?: [A-Z][\w-]+)?", a):  # ("Chile and the Netherlands", "South Korea and Peru")
            continue
        for s in f.sources:
            seen.setdefault(s.article, {}).setdefault(ps, a.replace("&", "and"))
    return {art: next(iter(d.values())) for art, d in seen.items() if len(d) == 1}


def a_or_an(text: str) -> str:
    """"a" and "an" as a capitalised word after them sounds: "capitalise a CMAR Trust Fund" spelled
    out reads "a Eastern Tropical ..." and "an ERTMS approval" reads "an European ..." (session 26)."""
    text = re.sub(r"\b([Aa])\s+(?=(?:[AI]|E(?!u)|O(?!ne)|U(?!ni|se|su|ro|ti))[a-z])", r"\1n ", text)
    return re.sub(r"\b([Aa])n\s+(?=(?:Eu|Uni|Use|Usu|Uti|One\b))", r"\1 ", text)
