"""How facts read inside questions: people and their offices ("China's Foreign Minister"), bodies
with their article, countries, ids and sources of items, and the checks on what is worth asking
(general knowledge, badly cut roles, how central a fact is to its article)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from ..facts.places import NEEDS_THE
from .normalise import (
    contains_phrase,
    is_acronym,
    normalise,
    tokens,
)
from .person_names import (  # noqa: F401 (re-exported: the generator and tests read them here)
    _FAMILY_FIRST,
    _GIVEN_NAMES,
    _PARTICLES,
    _PATRONYMIC,
    _surname_forms,
    family_first,
    family_name,
    surname,
)

COUNTRY_ADJ = {
    "China": "Chinese", "Russia": "Russian", "Afghanistan": "Afghan", "Pakistan": "Pakistani",
    "Iran": "Iranian", "India": "Indian", "United States": "U.S.", "U.S.": "U.S.", "US": "U.S.",
    "United Kingdom": "British", "UK": "British", "Britain": "British", "Uzbekistan": "Uzbek",
    "Tajikistan": "Tajik", "Kazakhstan": "Kazakh", "Kyrgyzstan": "Kyrgyz",
    "Turkmenistan": "Turkmen", "Turkey": "Turkish", "Türkiye": "Turkish", "Japan": "Japanese",
    "Germany": "German", "France": "French", "Italy": "Italian", "Qatar": "Qatari",
    "Saudi Arabia": "Saudi", "Egypt": "Egyptian", "Mongolia": "Mongolian", "Belarus": "Belarusian",
    "Armenia": "Armenian", "Azerbaijan": "Azerbaijani", "Ukraine": "Ukrainian",
    "Indonesia": "Indonesian", "Vietnam": "Vietnamese", "South Korea": "South Korean",
    "North Korea": "North Korean", "Brazil": "Brazilian", "South Africa": "South African",
    "Israel": "Israeli", "Syria": "Syrian", "Iraq": "Iraqi", "Norway": "Norwegian",
    "Canada": "Canadian", "Australia": "Australian", "Spain": "Spanish", "Nepal": "Nepali",
    "Bangladesh": "Bangladeshi", "Sri Lanka": "Sri Lankan", "Thailand": "Thai",
    "Malaysia": "Malaysian", "Singapore": "Singaporean", "Cambodia": "Cambodian",
    "United Arab Emirates": "Emirati", "Kuwait": "Kuwaiti", "Oman": "Omani",
    "Jordan": "Jordanian", "Lebanon": "Lebanese", "Serbia": "Serbian", "Hungary": "Hungarian",
    "Poland": "Polish", "Greece": "Greek", "Cuba": "Cuban", "Mexico": "Mexican",
    "Kenya": "Kenyan", "Ethiopia": "Ethiopian", "Argentina": "Argentine", "Nigeria": "Nigerian",
    "Chile": "Chilean", "Colombia": "Colombian", "Peru": "Peruvian", "Venezuela": "Venezuelan",
    "Sudan": "Sudanese", "Somalia": "Somali", "Uganda": "Ugandan", "Tanzania": "Tanzanian",
    "Rwanda": "Rwandan", "Ghana": "Ghanaian", "Senegal": "Senegalese", "Morocco": "Moroccan",
    "Algeria": "Algerian", "Tunisia": "Tunisian", "Libya": "Libyan", "Yemen": "Yemeni",
    "Philippines": "Philippine", "Sweden": "Swedish", "Finland": "Finnish", "Denmark": "Danish",
    "Netherlands": "Dutch", "Belgium": "Belgian", "Austria": "Austrian", "Switzerland": "Swiss",
    "Portugal": "Portuguese", "Ireland": "Irish", "Romania": "Romanian", "Bulgaria": "Bulgarian",
    "Georgia": "Georgian", "Moldova": "Moldovan", "Lithuania": "Lithuanian", "Latvia": "Latvian",
    "Estonia": "Estonian", "Czech Republic": "Czech", "Slovakia": "Slovak", "Croatia": "Croatian",
}


_ADJ_COUNTRY = {adj.lower(): c for c, adj in COUNTRY_ADJ.items() if len(c) > 3}


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    from ..facts.lexicon import COUNTRIES

    return frozenset(c.lower() for c in COUNTRIES.values()) | frozenset(c.lower() for c in COUNTRY_ADJ)


def is_country(name: str) -> bool:
    """Is ``name`` a country (not a body or a city)?"""
    return bool(name) and re.sub(r"^the\s+", "", name.strip(), flags=re.I).lower() in _country_names()


_SKIP_ROLES = {"counterpart", "counterparts"}




_ORG_WORDS = {
    "organisation", "organization", "institute", "council", "ministry", "university", "union",
    "nations", "academy", "center", "centre", "committee", "bank", "forum", "office", "group",
    "foundation", "association", "agency", "commission", "department", "secretariat", "assembly",
    "fund", "alliance", "community", "federation", "authority", "court", "parliament", "programme", "program",
}


_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "his",
             "her", "its", "their"}


# Plausible qualities for "which word is missing" distractors when the corpus offers too few.
_QUALITY_POOL = (
    "prosperous", "stable", "secure", "inclusive", "sovereign", "democratic", "friendly",
    "open", "free", "modern", "harmonious", "self-reliant", "moderate", "tolerant",
)


_BASE_DIFFICULTY = {
    "true_false": 0.2, "multiple_choice": 0.35, "matching": 0.45, "ordering": 0.5,
    "cloze": 0.55, "short_answer": 0.65,
}


_TYPE_PREFERENCE = {
    "multiple_choice": 1.0, "short_answer": 0.9, "cloze": 0.8, "true_false": 0.7,
    "matching": 0.9, "ordering": 0.9,
}


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def _clean(s: str | None) -> str:
    return (s or "").strip().rstrip(".;:,").strip()


_HONORIFIC = re.compile(r"\b(?:H\.\s?E\.|Mr|Mrs|Ms|Dr|Hon|Prof|Eng)\.?\s+(?=[A-Z][a-z])")


def plain_names(question: str) -> str:
    """"Who held talks with H.E. Mr. Aidos Serikbayev?" -> "... with Aidos Serikbayev?": a
    question names people as a reader would, without the press release's honorifics."""
    return re.sub(r"\s{2,}", " ", _HONORIFIC.sub("", question))


def _a(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _poss(np: str) -> str:
    return f"{np}'" if np.endswith("s") else f"{np}'s"


def _place(country: str) -> str:
    """A country or organisation as a noun phrase: "China", "the United States", "the SCO"."""
    c = country.strip()
    if c.lower().startswith("the "):
        return c
    if said_as_a_word(c):
        return c  # "President of FIFA", never "of the FIFA" (held-back round 201)
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", c)}
    if c.lower() in NEEDS_THE or (c not in COUNTRY_ADJ and (c.isupper() or words & _ORG_WORDS)):
        return f"the {c}"
    return c


def said_as_a_word(letters: str) -> bool:
    """Are the capitals read as a word (FIFA, NATO, OPEC, IGAD), which takes no "the", rather than
    letter by letter (the IMF, the OSCE, the IAEA)? Four or more letters alternating consonant and
    vowel throughout: a conservative test that leaves the doubtful ones their "the"."""
    if len(letters) < 4 or not letters.isalpha() or not letters.isupper():
        return False
    kinds = ["v" if ch in "AEIOU" else "c" for ch in letters]
    return all(a != b for a, b in zip(kinds, kinds[1:], strict=False))


def _pronoun_led(text: str) -> bool:
    toks = tokens(text)
    return not toks or toks[0] in _PRONOUNS


def _name(f: Any) -> str:
    return _clean(f.name or f.answer)


def _pkey(name: str) -> str:
    """Person key: the normalised last name token. Conservative: same surname = maybe same person."""
    toks = tokens(name)
    return toks[-1] if toks else ""


def _rkey(f: Any) -> str:
    """Role key: the normalised role label, so "Foreign Minister" of "China" and "Chinese Foreign
    Minister" (no country) count as the same office."""
    return normalise(_role_label(f))


def _same_event(a: str, b: str) -> bool:
    na, nb = normalise(a), normalise(b)
    return na == nb or fuzz.token_sort_ratio(na, nb) >= 90


def _dedupe(values: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for v in values:
        n = normalise(v) if v else ""
        if n and n not in seen:
            seen.add(n)
            out.append(v.strip())
    return out


def _country(f: Any) -> str:
    """The fact's country as a country name ("Chinese" -> "China"), or its organisation."""
    c = re.sub(r"^(?:the\s+)?said\s+", "", _clean(f.country), flags=re.I)  # "said AfSA" (legal English)
    return _ADJ_COUNTRY.get(c.lower(), c)


def _role_complete(f: Any) -> bool:
    return _complete(_clean(f.role), _country(f))


@lru_cache(maxsize=1 << 14)
def _complete(role: str, country: str) -> bool:
    """Does the role already say where ("Chinese Foreign Minister", "fellow at CIIS")?"""
    adj = COUNTRY_ADJ.get(country, "")
    bare = re.sub(r"\s*\([^)]*\)$", "", country)  # "Caribbean Community (CARICOM)"
    return (re.search(r"\sat\s", role) is not None or contains_phrase(role, country)
            or bool(bare and contains_phrase(role, bare)) or bool(adj and contains_phrase(role, adj)))


_ACRONYM_FIRST = re.compile(r"^([A-Z][A-Za-z&]{1,9})\s+((?:Deputy\s+|Executive\s+|Managing\s+)?(?:Director|Secretary|"
                            r"President|Chair(?:man|woman|person)?|Commissioner|Governor|Head|Chief)"
                            r"(?:[- ]General)?)$")


def tidy_role(role: str) -> str:
    """"Chief executive of the ZRA" -> "chief executive of the ZRA": a role cut from the start of a
    sentence keeps that sentence's capital on its first word only, which reads as a slip in a
    question. A title capitalised throughout ("Foreign Minister") or a proper adjective first
    ("Chilean Finance Minister") stays as it is."""
    m = _ACRONYM_FIRST.match(role)
    if m and is_acronym(m.group(1)):
        # "SPREP Director-General" -> "Director-General of the SPREP": spelled out, the letters
        # would otherwise put a whole body's name before the office ("the Secretariat of the
        # Pacific Regional Environment Programme (SPREP) Director-General")
        return f"{m.group(2)} of {_place(m.group(1))}"
    parts = role.split()
    if len(parts) >= 2 and parts[0][:1].isupper() and parts[0][1:].islower() and parts[1].isalpha() \
            and parts[1].islower() and parts[1] not in ("of", "for", "at", "to", "and", "in", "on") \
            and parts[0].lower() not in _ADJ_COUNTRY and not parts[0].endswith(("an", "ese", "ish", "i")):
        return parts[0].lower() + role[len(parts[0]):]
    return role


def _role_label(f: Any) -> str:
    return _label(tidy_role(_clean(f.role)), _country(f))


@lru_cache(maxsize=1 << 14)
def _label(role: str, country: str) -> str:
    """Role with its country, as a matching/choice label: "Chinese Foreign Minister"."""
    if not country or _complete(role, country):
        return role
    if role[:1].isupper():
        adj = COUNTRY_ADJ.get(country)
        return f"{adj} {role}" if adj else f"{role} of {_place(country)}"
    if _OFFICE_WORDS.search(role):
        return f"{role} of {_place(country)}"  # "former president of Colombia"
    return f"{role} at {_place(country)}"


def _role_phrase(f: Any) -> str:
    return _phrase(tidy_role(_clean(f.role)), _country(f))


@lru_cache(maxsize=1 << 14)
def _phrase(role: str, country: str) -> str:
    """Role as a predicate: "Wang Yi is {China's Foreign Minister}"."""
    if re.match(r"(?:member|one)\s+of\b", role, re.I):
        return f"a {role[:1].lower() + role[1:]}" + ("" if not country or _complete(role, country)
                                                    else f" of {_place(country)}")  # a board has several
    titled = role[:1].isupper()
    office = bool(_OFFICE_WORDS.search(role))
    if not country or _complete(role, country):
        # "the general secretary of the CAN" names one office; "a fellow at CIIS" one of many
        return f"the {role}" if titled or (office and re.search(r"\s(?:of|at)\s", role)) else f"{_a(role)} {role}"
    if titled:
        if country in COUNTRY_ADJ:
            return f"{_poss(_place(country))} {role}"
        return f"the {role} of {_place(country)}"
    if office:
        return f"{'a' if role.startswith('former') else 'the'} {role} of {_place(country)}"
    return f"{_a(role)} {role} at {_place(country)}"


def office_answers(f: Any) -> list[str]:
    """A person's office as a right answer to "Who called on ...?" ("the Transport Minister of
    Hungary"): a reader who names the office answers the question as worded. Only an office that
    says where (one holder), never a bare "President"."""
    role = _clean(f.role)
    if not role or _who_prompt(f) is None or _TIME_IN_ROLE.search(role) or re.search(r"\s(?:in|at|on)\s+[A-Z]", role):
        return []  # (never "director of the Observatory in Temuco in March": a cut that took the clause's place)
    label = _role_label(f)
    return [label, f"the {label}", _role_phrase(f)]


def _who_prompt(f: Any) -> str | None:
    role, country = _clean(f.role), _country(f)
    if not role:
        return None
    if not office_ok(f):
        return None
    if _BARE_OFFICE.fullmatch(role) and (is_country(country) or re.match(
            r"(?:the\s+)?(?:Republic|Kingdom|State|Government|Federation)\b", country)):
        return None  # "Who is the Minister of Kazakhstan?": a government has many ministers
    if re.search(r"\s(?:of|at|for|and|the|to|in|on)$", role, re.I):
        return None  # "Minister of Energy and": a cut role, and the "name" is likely the rest of it
    if re.search(_CLAUSE_IN_ROLE, f"{role} of {country}", re.I):
        return None
    if _TIME_IN_ROLE.search(role):
        return None  # "the president of the AVC on Saturday": a cut that took the clause's time
    if not country and not _role_complete(f):
        return None  # "Who is the President?" has no single answer
    phrase = _role_phrase(f)
    if re.match(r"(?:an?|one of)\s", phrase, re.I) or re.match(r"(?:former|ex-|past)\b", role, re.I):
        return None  # "Who is a former president of Colombia?": many people are
    if re.search(r"\b(?:member|members|one of|deputy|vice|senior|adviser|advisor|official|officer|analyst|"
                 r"researcher|fellow|spokes(?:person|man|woman))\b", role, re.I):
        return None  # "Who is the Member of the Executive Board?": a board has several
    if role_for_place(f):
        return None
    return f"According to the article, who is {phrase}?"


# An office a government or body has several of, unless the role says which ("Minister for Foreign
# Affairs", "Director of the Economic Division").
_BARE_OFFICE = re.compile(r"(?:the\s+)?(?:minister|secretary|director|commissioner|ambassador|deputy|"
                          r"adviser|advisor|official|member|envoy|representative|chair|chairman|chairwoman|"
                          r"chairperson|head|spokesperson|spokesman|spokeswoman|coordinator|negotiator)(?:\s+of\s+(?:the\s+)?"
                          r"(?:republic|state|kingdom|government)(?:\s+of\s+[\w .'-]+)?)?", re.I)
_TIME_IN_ROLE = re.compile(r"\b(?:on|since|until|from|in)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                           r"Saturday|Sunday|January|February|March|April|May|June|July|August|September|"
                           r"October|November|December|\d{4})\b|\b(?:yesterday|today|tomorrow)\b")

# Acronyms a reader knows without the article spelling them out: a stem may use them bare.
WIDELY_KNOWN = frozenset({
    "UN", "EU", "US", "USA", "UK", "NATO", "IMF", "WHO", "WTO", "G7", "G20", "OPEC", "UNESCO", "UNICEF",
    "FIFA", "BRICS", "ASEAN", "AU", "OECD", "UNHCR", "IAEA", "COVID-19", "GDP", "CEO", "UNDP", "UNEP",
    "FAO", "ILO", "IOC", "NGO", "NGOs", "OAS", "ECOWAS", "SADC", "CARICOM", "APEC", "IPCC",
})
# What a reader takes the household letters to mean, where other bodies share them: an article that
# spells them out as something else ("the International Olive Council (IOC)") is spelled out.
KNOWN_AS = {
    "IOC": "International Olympic Committee", "WHO": "World Health Organization", "AU": "African Union",
    "ILO": "International Labour Organization", "OAS": "Organization of American States",
    "FAO": "Food and Agriculture Organization", "IPCC": "Intergovernmental Panel on Climate Change",
    "APEC": "Asia-Pacific Economic Cooperation", "SADC": "Southern African Development Community",
}


def office_ok(f: Any) -> bool:
    """Is the role an office of the place it is given with? A body's office ("Secretary
    General", "Director-General", a committee's "Chair") held by a national of a country is no
    office of that country: "Croatia's Secretary General", "Swiss Chair" read the nationality the
    article gave as the office's place."""
    role, country = _clean(f.role), _country(f)
    if not role:
        return False
    if re.match(r"(?:the\s+)?late\b", role, re.I) or re.search(r"\bof (?:and|of)\b", f"{role} of {country}"):
        return False  # "the late former Vice President" is no one's office now; "Transport of and Azerbaijan"
    if country and not re.match(r"(?:the\s+)?[A-Z0-9]", country):
        return False  # "Minister of Agriculture of an interview with Malawi": the place is a cut phrase
    if not is_country(country):
        return True
    if _BARE_OFFICE.fullmatch(role):
        return False  # "Poland's Minister": of what? a government has many
    bare = re.sub(r"^(?:the\s+)?(?:[A-Z][a-z]+\s+)?", "", role) if role.split()[0] in COUNTRY_ADJ.values() else role
    return not (re.fullmatch(r"(?:the\s+)?(?:secretary|director)[- ]general|chair(?:man|woman|person)?|"
                             r"president|vice[- ]president|executive director|commissioner|rapporteur", bare, re.I)
                and not _HEAD_OF_STATE.match(role) and re.search(r"general|chair|executive|commissioner|rapporteur",
                                                                 bare, re.I))


def role_for_place(f: Any) -> bool:
    """"Senior mission chief for Sri Lanka": a role *for* a place the sources name, which is no
    office *of* that place (the extractor keeps the place as the role's country)."""
    role, country = _clean(f.role), _country(f)
    return bool(role and country) and any(
        re.search(rf"\b{re.escape(role)}\s+(?:for|on|in)\s+(?:the\s+)?{re.escape(country)}", s.sentence, re.I)
        for s in f.sources)


def _acronyms(f: Any) -> list[str]:
    return _dedupe(a for a in [f.answer or "", *f.aliases] if a and is_acronym(a))


def _full_name(f: Any) -> str:
    name = _name(f)
    if name and not is_acronym(name):
        return name
    return next((a for a in f.aliases if a and not is_acronym(a)), "")


FAR = 5  # tier offset for values from another story


_OFFICE_WORDS = re.compile(r"\b(?:president|minister|secretary|chief|head|governor|chair(?:man|woman|person)?|"
                           r"director|commissioner|ambassador|envoy|leader|spokes(?:person|man|woman)|king|queen|"
                           r"prime|premier|mayor|speaker|general)\b", re.I)


def _near_enough(pool: Iterable[tuple[int, str]]) -> bool:
    """Three foils from the same story. A foil from another article (a president of another
    country, a fund of another region) is ruled out by a reader who never read this one: blind
    reviews kept naming such options as giveaways."""
    return len({v for t, v in pool if t < FAR}) >= 3


def _near_only(pool: Iterable[tuple[int, str]]) -> list[tuple[int, str]]:
    return [(t, v) for t, v in pool if t < FAR]


def _salience(facts: Sequence[Any]) -> float:
    """How central the facts are to their article: news puts the story in the headline and the
    first paragraphs and background further down (1 for the lead, falling to 0 past sentence 15);
    goals, the aims the article reports, count a little more."""
    best = 0.0
    for f in facts:
        idx = min((s.sentence_idx for s in f.sources if s.sentence_idx is not None), default=8)
        best = max(best, max(0.0, 1 - idx / 15) + (0.3 if f.kind == "goal" else 0.0))
    return best


# Heads of state and government of a country: who holds the office is general knowledge, not what
# the article teaches (their part in the story is asked through what they did or aimed for).
_HEAD_OF_STATE = re.compile(r"^(?:the\s+)?(?:president|prime minister|chancellor|king|queen|emir|amir|sultan|premier|monarch|"
                            r"emperor|crown prince|head of state|head of government)(?:\s+of\s+(?:the\s+)?(?:state of\s+|"
                            r"republic of\s+|kingdom of\s+)?(?P<c>[A-Z][\w .'-]+))?$", re.I)


def _general_knowledge(f: Any) -> bool:
    """Who heads a country's state or government ("Who is France's President?", "the Amir of
    the State of Qatar") is general knowledge, not what the article teaches."""
    role = _clean(f.role)
    if re.search(r"\bSecretary[- ]General\b", role, re.I) and re.search(
            r"\b(?:UN|United Nations)\b", f"{role} {f.country or ''}") and not re.search(r"\b(?:Deputy|Under|Assistant)\b", role, re.I):
        return True  # "Who is the UN Secretary-General?" is general knowledge too
    m = _HEAD_OF_STATE.match(role)
    if not m:
        return False
    place = m.group("c") or _country(f)
    if place and is_acronym(place.strip()) and place.strip().upper() not in _STATE_LETTERS:
        return False  # "the President of the IOC": a body's office, which the article teaches
    return not place or not re.search(r"\b(?:Committee|Council|Commission|Bank|Fund|Union|Assembly|Summit|"
                                      r"Conference|Court|Agency|Organi[sz]ation|Federation|Association)\b", place)


_STATE_LETTERS = {"US", "USA", "UK", "UAE", "DRC", "PRC", "ROK", "DPRK"}


# A role the extractor cut badly: a modifier left in ("then president"), a place doubled, or an
# office "of" something that is no country or body ("President of climate summit").
# The last test is case-sensitive: "of the BOJ" and "of Sri Lanka" are places, "of climate summit" is not
# (with the whole pattern case-blind it refused nearly every "X of Y" office).
# A clause the role took in ("Principal Secretary for Trade of meeting was chaired by Kenya").
_CLAUSE_IN_ROLE = r"\b(?:was|were|is|are)\s+\w+ed\b|\b(?:which|who|that)\s+\w+s?\b"
_BAD_ROLE = re.compile(r"^(?:then|current|former then)\b|\b(?P<x>[A-Z][\w ]{3,}) of (?P=x)\b|\bof (?-i:[a-z]+ [a-z]+)$"
                       # cut short ("Minister of Energy and") or run on into the clause's time
                       r"|\s(?:of|at|for|and|the|to|in|on)$|\b(?:on|since|until|from)\s+(?-i:[A-Z][a-z]+day)\b"
                       # two lines run together ("Minister of Water Resources and Irrigation For the State
                       # of Libya": a signature block's next heading, round 96)
                       r"|(?-i:\s(?:For|Of|And)\s+the\s+[A-Z])"
                       r"|" + _CLAUSE_IN_ROLE,
                       re.I)


def _articles(f: Any) -> set[str]:
    return {s.article for s in f.sources}


# A question cites at most this many sentences: enough to show where it comes from; a body named
# in hundreds of articles would otherwise carry every one of them into every question about it.
MAX_SOURCES = 6


def _sources(facts: Sequence[Any]) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    per_fact = max(1, MAX_SOURCES // max(1, len(facts)))
    for f in facts:
        n = 0
        for s in f.sources:
            key = (s.article, s.sentence)
            if key not in seen and n < per_fact:
                seen.add(key)
                n += 1
                out.append({"article": s.article, "sentence": s.sentence})
    return out


def _is_publication(f: Any) -> bool:
    return f.kind == "date" and f.subtype == "publication"


def _source_count(f: Any) -> int:
    return len({s.article for s in f.sources})


def _qid(qtype: str, fact_ids: Sequence[str], key: str) -> str:
    raw = f"{qtype}|{','.join(sorted(fact_ids))}|{key}"
    return hashlib.sha1(raw.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]


_MECH_FAMILY = {
    "organisation": "body", "organization": "body", "format": "body", "forum": "body",
    "group": "body", "platform": "body", "mechanism": "body",
    "initiative": "project", "corridor": "project", "project": "project", "programme": "project",
    "treaty": "agreement", "agreement": "agreement", "partnership": "agreement", "declaration": "agreement",
}


def _family(f: Any) -> str:
    return _MECH_FAMILY.get((f.subtype or "").lower(), "other")


def _the(name: str) -> str:
    """A mechanism's name as a noun phrase: "the Belt and Road Initiative", "BRICS"."""
    if name.lower().startswith("the ") or is_acronym(name):
        return name
    return f"the {name}"
