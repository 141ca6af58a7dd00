"""Named mechanisms: organisations, formats, treaties, initiatives, corridors, partnerships.

Found by shape, not by name: a run of capitalised words (with "of", "and", hyphens, possessives)
ending in an organisation head word ("... Organization", "... Format", "... Treaty of ...",
"... Initiative"), optionally followed by "(ACRONYM)" and a lowercase descriptor
("the Moscow Format consultations"). Variants are merged by a normalised key so that
"Organisation"/"Organization", "Meeting"/"Meetings", "Quad"/"Quadrilateral" and reordered
country lists ("China-Russia-Iran-Pakistan" / "China-Russia-Pakistan-Iran") meet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import MECHANISM_HEADS, MECHANISM_TAILS, MEDIA_HEADS, PORTFOLIO_WORDS
from .places import STATE_STYLE

_CAP = r"(?:[A-Z][\w’'\.]*(?:[-–][A-Za-z][\w’']*)*)"
# (with the small words of other languages' names: "Banco de la Nación", "Ligtas na Dagat")
_GLUE = r"(?:of|and|for|on|the|in|&|de|between|to|against|del|la|las|los|da|do|dos|das|du|des|di|della|na|ng|van|von|der)"
# A proper-name run: capitalised words, glue words allowed between them.
NAME_RUN = re.compile(rf"{_CAP}(?:\s+(?:{_GLUE}\s+)*{_CAP})*")
ACRONYM_AFTER = re.compile(r"^\s*\((?P<acr>[A-Z][A-Za-z&]{1,9})\)")
STANDALONE_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
# "BRICS and the Shanghai Cooperation Organisation": a new noun phrase starts after "and the".
RUN_SPLIT = re.compile(r"\s+and\s+the\s+|\s+and\s+(?=[A-Z][a-z])(?<=[A-Z]{3}\sand\s)")
# "X-led", "X-backed": a descriptor in front of the name, not part of it.
LED_PREFIX = re.compile(r"^[A-Z][\w]+-(?:led|backed|sponsored|brokered|initiated|proposed)\s+")
# Lower-case named partnerships: "the China-Russia comprehensive strategic partnership of coordination".
LOWER_PARTNERSHIP = re.compile(
    r"\b(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)+\s+(?:[a-z]+\s+){0,3}(?:partnership|dialogue|mechanism)"
    r"(?:\s+of\s+[a-z]+)?(?:\s+for\s+(?:the|a)\s+new\s+era)?)"
)
LEADING_JUNK = {"the", "a", "an", "and", "of", "in", "on", "for", "to", "both", "this", "that", "its",
                "their", "his", "her", "our", "under", "between", "with", "by", "at", "from", "as"}
TRAILING_GLUE = {"of", "and", "for", "on", "the", "in", "&", "de", "between", "to"}
HEAD_ALIASES = {"organisation": "organization", "meetings": "meeting", "quadrilateral": "quad",
                "neighbouring": "neighboring", "neighbours": "neighbors", "programme": "program",
                "defence": "defense"}


@dataclass
class MechanismMention:
    name: str  # as written (without "the")
    start: int  # offsets inside the sentence text
    end: int
    subtype: str
    acronym: str | None = None


def _head_index(words: list[str]) -> int | None:
    """Index of the last word that is a mechanism head (the name may continue: "Treaty of ...")."""
    for i in range(len(words) - 1, -1, -1):
        w = words[i].lower().strip("’'.,;:")
        if w in MECHANISM_HEADS:
            return i
    return None


# Who meets at a body's meeting ("Pacific Islands Forum Leaders Meeting", "African Union Foreign
# Ministers' Summit"): the words between the body's name and the meeting's head.
_MEETING_PARTICIPANTS = {"leaders", "ministers", "ministerial", "heads", "senior", "officials", "foreign", "finance",
                         "trade", "economic", "health", "environment", "energy", "defence", "defense", "of", "state",
                         "government", "and"}


def _body_of_meeting(words: list[str], head: int) -> str | None:
    """"Pacific Islands Forum" of "Pacific Islands Forum Leaders Meeting": a meeting named after the
    body whose members meet names that body too; None for other names."""
    if MECHANISM_HEADS.get(words[head].lower().strip("’'.,;:")) != "format":
        return None
    for j in range(head - 1, 0, -1):
        w = words[j].lower().strip("’'.,;:")
        if MECHANISM_HEADS.get(w) in ("organisation", "format") and w not in ("meeting", "meetings", "summit"):
            between = [x.lower().strip("’'.,;:") for x in words[j + 1:head]]
            if between and all(x in _MEETING_PARTICIPANTS for x in between) and between[0] != "of":
                return " ".join(words[:j + 1])
            return None
    return None


def find_mentions(text: str, acronyms: dict[str, str] | None = None) -> list[MechanismMention]:
    """Mechanism names in one sentence, with offsets; ``acronyms`` maps known acronyms to names."""
    out: list[MechanismMention] = []
    for run_start, run_text in _runs(text):
        lead = LED_PREFIX.match(run_text)
        if lead:
            run_start, run_text = run_start + lead.end(), run_text[lead.end():]
        if re.fullmatch(r"[A-Z]{3,6}", run_text) and RUN_SPLIT.match(text[run_start + len(run_text):]):
            out.append(MechanismMention(run_text, run_start, run_start + len(run_text), "organisation"))
            continue
        words = run_text.split()
        # strip leading function words the run may have swallowed (sentence-initial "The")
        start_word = 0
        while start_word < len(words) and words[start_word].lower() in LEADING_JUNK:
            start_word += 1
        words = words[start_word:]
        if not words:
            continue
        head = _head_index(words)
        if head is None:
            continue
        # The head must be the last capitalised word or be followed by "of/between ..." qualifiers.
        tail = words[head + 1 :]
        if tail and tail[0].lower() not in ("of", "on", "for", "between", "to", "in"):
            words = words[: head + 1]
            tail = []
        while words and words[-1].lower() in TRAILING_GLUE:
            words.pop()
        if len(words) < 2 and words[0].lower() not in ("quad",):
            continue  # a bare head word ("Organization") is no name
        if words[0][0].islower():
            continue
        if words[-1].lower() in MEDIA_HEADS and not (words[-1].lower() == "agency" and not any(
                w.lower() in ("news", "press", "information", "telegraph", "wire") for w in words[:-1])):
            continue  # ("Xinhua News Agency"; a "Space Agency" or an "Environment Agency" is a body, round 203)
        name = " ".join(words)
        if words[-1].endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", words[-1]):
            words[-1] = words[-1].rstrip(".")
            name = " ".join(words)
        s = text.find(words[0], run_start)
        e = s + len(name)
        if text[s:e] != name:  # white space inside the run was not a single space
            e = _end_of(text, s, words)
            name = text[s:e]
        subtype = MECHANISM_HEADS[words[head].lower().strip("’'.,;:")]
        # lowercase descriptor after the name: "... Format consultations", "... Quad mechanism"
        after = re.match(r"\s+([a-z]+)", text[e:])
        if after and after.group(1) in MECHANISM_TAILS:
            e += after.end()
            name = text[s:e]
        acr = ACRONYM_AFTER.match(text[e:])
        own = _acronym_tail(name, acr.group("acr")) if acr else name
        if own != name:
            # "the Joint Committee of the Japan-Philippines Joint Crediting Mechanism (JCM)": the
            # letters are the mechanism's, the committee is a body of it (a "Third ..." is no body at all)
            if own != _ORDINAL_FIRST.sub("", name):
                out.append(MechanismMention(name, s, e, subtype))
            t = s + name.rfind(own)
            out.append(MechanismMention(own, t, e, MECHANISM_HEADS.get(own.split()[-1].lower().strip("’'.,;:"),
                                                                        subtype), acr.group("acr")))
            continue
        out.append(MechanismMention(name, s, e, subtype, acr.group("acr") if acr else None))
        body = _body_of_meeting(words, head)
        if body and text[s:s + len(body)] == body:
            out.append(MechanismMention(body, s, s + len(body), "organisation"))
    for m in LOWER_PARTNERSHIP.finditer(text):
        if not any(x.start <= m.start() < x.end for x in out):
            out.append(MechanismMention(m.group("name"), m.start("name"), m.end("name"), "partnership"))
    return out + acronym_mentions(text, acronyms or {}, out)


# A body's organs: "the Joint Committee of the ... Mechanism (JCM)", "the Board of the ... Bank (ADB)".
_ORGANS = {"committee", "council", "board", "secretariat", "commission", "bureau", "panel", "directorate",
           "office", "unit", "group"}


_ORDINAL_FIRST = re.compile(r"^(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|\d+(?:st|nd|rd|th))\s+")


def _acronym_tail(name: str, acr: str) -> str:
    """The part of ``name`` the bracketed ``acr`` spells: the whole name when its initials give the
    letters (or nothing tells otherwise), else the tail after an organ's "of (the)" whose initials do."""
    letters = acr.replace("&", "").upper()
    if acronym_of(name).upper().startswith(letters) or not letters.isalpha():
        return name
    rest = _ORDINAL_FIRST.sub("", name)
    if rest != name and acronym_of(rest).upper() == letters:
        return rest  # "the Third Asia Zero Emission Community (AZEC) Ministerial Meeting": the third meeting's, not the body's
    for m in re.finditer(r"\s(?:of|for)\s+(?:the\s+)?", name):
        if name[:m.start()].split()[-1].lower() not in _ORGANS:
            continue  # ("Bay of Bengal Initiative ... (BIMSTEC)": a place in the name, not a body's organ)
        words = name[m.end():].split()
        for k in range(len(words) - 1):  # ("the Japan-Philippines Joint Crediting Mechanism (JCM)")
            tail = " ".join(words[k:])
            if acronym_of(tail).upper() == letters:
                return tail
    # "the Ordinary Congress of the South American Football Confederation (CONMEBOL)": letters from
    # another language name the body, never its meeting (round 113)
    m = _MEETING_OF.match(name)
    last = name.split()[-1].lower().strip("’'.,;:")
    if m and (last in MECHANISM_HEADS or last in ("federation", "confederation")) and len(name[m.end():].split()) >= 2:
        return name[m.end():]
    return name


_MEETING_OF = re.compile(r"^(?:the\s+)?(?:(?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+)\s+){0,3}?(?:Congress|Meeting|Session|Summit|"
                         r"Plenary|Assembly|Conference)\s+of\s+the\s+")  # (not "Conference of Ministers of ...")


def acronym_mentions(text: str, acronyms: dict[str, str], found: list[MechanismMention]) -> list[MechanismMention]:
    """Stand-alone uses of acronyms defined earlier ("... the SCO"), outside ``found`` names."""
    out: list[MechanismMention] = []
    if acronyms:
        taken = [(x.start, x.end + 8) for x in found]
        for m in STANDALONE_ACRONYM.finditer(text):
            if m.group() in acronyms and not any(a <= m.start() < b for a, b in taken):
                out.append(MechanismMention(m.group(), m.start(), m.end(), "", None))
    return out


def _runs(text: str):
    """Capitalised name runs, split where "and the" starts a second name."""
    for m in NAME_RUN.finditer(text):
        pos = m.start()
        for part in RUN_SPLIT.split(m.group()):
            start = text.find(part, pos)
            yield start, part
            pos = start + len(part)


def _end_of(text: str, start: int, words: list[str]) -> int:
    pos = start
    for w in words:
        pos = text.find(w, pos) + len(w)
    return pos


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Merge key for spelling and word-order variants of one mechanism's name. Cached: merging
    after each new article asks again about every name of the bodies it shares with others."""
    s = name.replace("’", "'").replace("‘", "'")
    s = re.sub(r"^(?:the)\s+", "", s, flags=re.I)
    words = []
    for w in s.split():
        lw = w.lower().strip(",.")
        if "-" in lw and all(p[:1].isalpha() for p in lw.split("-")) and lw.count("-") >= 1 and w[0].isupper():
            parts = lw.split("-")
            # reorder country lists, keep ordinary hyphenated words ("good-neighborliness")
            if all(p[:1] for p in parts) and all(x[0].isupper() for x in w.split("-")):
                lw = "-".join(sorted(parts))
        words.append(HEAD_ALIASES.get(lw, lw))
    # Two heads in a row name one thing: "Quad Group" = "Quad mechanism", "Format consultations".
    heads = set(MECHANISM_HEADS) | set(HEAD_ALIASES.values())
    while len(words) > 2 and words[-1] in (MECHANISM_TAILS | {"group"}) and words[-2] in heads:
        words.pop()
    # "X-Y Treaty of ..." and "Treaty of ... between X and Y" name the same treaty
    key = " ".join(words)
    key = re.sub(r"\s+between\s+[\w-]+\s+and\s+[\w-]+$", "", key)
    key = re.sub(r"^[a-z]+(?:-[a-z]+)+\s+(?=treaty|agreement|pact|accord|convention)", "", key)
    key = key.replace("'s", "").replace("'", "")
    return key


@lru_cache(maxsize=1 << 14)
def acronym_of(name: str) -> str:
    """Initials of the significant words ("Belt and Road Initiative" -> "BRI"). Cached (pure), as
    ``normalise`` is."""
    letters = []
    for w in re.split(r"[\s-]+", name):
        if w and w[0].isupper():
            letters.append(w[0])
    return "".join(letters)


# ---------------------------------------------------------------- from the named-entity layer
# Extra head words that end an organisation's or instrument's name but are too common in prose to
# trigger the capitalised-run rule on their own (the NER must have called the span an organisation).
NER_HEADS = {
    "facility": "initiative", "board": "organisation", "movement": "organisation", "session": "summit",
    "list": "initiative", "agenda": "initiative", "vision": "initiative", "congress": "organisation",
    "party": "organisation", "police": "organisation", "office": "organisation", "institute": "organisation",
    "centre": "organisation", "center": "organisation", "ministry": "organisation", "government": "organisation",
    "service": "organisation", "force": "organisation", "mission": "organisation", "system": "organisation",
    "facilities": "initiative", "funds": "organisation", "conventions": "treaty", "resolution": "treaty",
    "statement": "treaty", "cup": "initiative", "games": "initiative", "fighters": "organisation",
    "federation": "organisation", "exchange": "organisation", "observatory": "organisation",
    "secretariat": "organisation", "network": "organisation", "group": "format",
}
NER_LABELS = {"ORG", "LAW", "EVENT", "FAC", "WORK_OF_ART", "PRODUCT"}
# "Geneva-based", "US-led": a modifier in front of a name, not part of it.
BASED_PREFIX = re.compile(r"^(?:[A-Z][\w.]*[- ])?[A-Za-z]+-(?:based|led|backed|born|owned|run|funded|sponsored)\s+")
ACRONYM_SHAPE = re.compile(r"^(?:[A-Z]{2,7}|[A-Z]{2,4}&[A-Z]{1,4}|[A-Z]{1,3}\d{1,2}|[A-Z][a-z]?[A-Z]{2,6})$")
# Wire services, broadcasters and papers: they report, they are not what is reported on.
NEWS_AGENCIES = {"Reuters", "AP", "AFP", "IANS", "Xinhua", "TASS", "Bloomberg", "Kyodo", "Yonhap", "ANI", "PTI",
                 "UPI", "DPA", "EFE", "ANSA", "Anadolu", "Bernama", "Antara", "APA", "PAP", "CTK", "MTI",
                 "Interfax", "RIA", "Sputnik", "WAM", "SPA", "QNA", "KUNA", "BNA", "ONA", "MENA", "APS",
                 "NAN", "KNA", "SAPA", "BBC", "CNN", "Jiji", "Agencia", "Prensa", "Telesur", "Lusa"}
TITLE_START = re.compile(
    r"^(?:(?:Deputy|Vice|Acting|Former|First|Prime|Foreign|Finance|Chief|Executive|Permanent|Special|General|"
    r"Secretary|Director|Minister|President|Chair|Chairman|Chairwoman|Chairperson|Governor|Commissioner|"
    r"Ambassador|Envoy|Head|Heads|Speaker|Mayor|Senator|King|Queen|Prince|Sheikh|Amir|Emir|Sultan|"
    r"Brazilian|[A-Z][a-z]+ian|[A-Z][a-z]+ese|[A-Z][a-z]+ish)[\s-])+(?:of|for|to|and|[A-Z])")
WEEKDAY_OWNER = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday|"
                           r"This|Last|Next|Is|Was|Are|Will|How|Why|What|When|Where)(?:['’]s)?\s+")
# Single title-case words the NER calls organisations but that are parts of speech of the page.
NOT_NAMES = {"agency", "community", "council", "committee", "movement", "alliance", "commission", "board",
             "union", "bank", "fund", "organization", "organisation", "government", "ministry", "independent",
             "interview", "news", "photo", "photos", "summit", "session", "conference", "assembly"}


# Acronyms of things that are not mechanisms (diseases, wars, currencies, units, job titles).
NOT_ACRONYMS = {"COVID", "SARS", "MERS", "HIV", "AIDS", "WWI", "WWII", "GMT", "UTC", "USD", "EUR", "GDP", "CEO",
                "CFO", "USA", "UAE", "PRC", "DPRK", "ROK", "URL", "PDF", "AM", "PM", "MP", "MPS", "FAQ", "NGO",
                "UK", "US", "TV", "PR", "ID", "IT", "AI", "OK", "CO2", "LNG", "EV", "EVS", "SME", "SMES"}


def words_end_in_adjective(name: str) -> bool:
    """A span cut inside a list ("Institute of Russian, Eastern ... Studies") ends in an adjective."""
    last = name.split()[-1]
    return bool(re.fullmatch(r"[A-Z][a-z]+(?:ian|ese|ish|ern|an)", last)) and " " in name and not re.search(
        r"\b(?:Union|Bank|Council|Community|Commission|Organi[sz]ation|Agency|Fund)\b", name)


def _clean_entity(text: str) -> tuple[str, int]:
    """Entity text without a leading article, a '-based' modifier or a trailing possessive;
    returns the cleaned name and how many characters were dropped at the front."""
    front = 0
    m = re.match(r"^(?:the|The|THE)\s+", text)
    if m:
        front += m.end()
        text = text[m.end():]
    m = BASED_PREFIX.match(text)
    if m:
        front += m.end()
        text = text[m.end():]
    text = re.sub(r"['’]s?$", "", text).rstrip(" ,.;:)")
    if "(" in text:
        text = text.split("(")[0].rstrip()
    return text, front


def ner_mentions(doc, text: str, found: list[MechanismMention], repeated: set[str]) -> list[MechanismMention]:
    """Organisations, laws and events the statistical NER marks, kept when they look like a named
    mechanism: the name ends in a head word, is an acronym, or is a single proper name the article
    uses as an organisation more than once (``repeated``)."""
    out: list[MechanismMention] = []
    taken = [(x.start, x.end) for x in found]
    for ent in doc.ents:
        if ent.label_ not in NER_LABELS:
            continue
        raw = ent.text
        # "UNESCO’s World Heritage List": two names, owner and owned (not "People's Alliance",
        # "Women's Fund": a name's own words, round 52)
        parts = re.split(rf"{_NAME_POSSESSIVE}['’]s\s+", raw)
        offset = ent.start_char
        for part in parts:
            name, front = _clean_entity(part)
            start = offset + front
            offset += len(part) + 3
            wm = WEEKDAY_OWNER.match(name)
            if wm:
                start, name = start + wm.end(), name[wm.end():]
            # "Interpol General Assembly in Glasgow": a place after the name is not part of it
            name = re.sub(r"\s+in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?$", "", name)
            if len(name) < 2 or not name[0].isupper() or name in NEWS_AGENCIES or name == "Q&A":
                continue
            if name.split("-")[0].upper() in NOT_ACRONYMS or words_end_in_adjective(name):
                continue
            if TITLE_START.match(name) and not re.match(r"^[A-Z][a-z]+(?:ian|ese|ish)\s+[A-Z][a-z]+\s+(?:Party|Movement|Congress|Council|Union|Front|Commission)", name):
                continue
            if any(e.label_ == "PERSON" and e.start_char >= start and e.end_char <= start + len(name) for e in doc.ents):
                continue
            end = start + len(name)
            if text[start:end] != name:
                pos = text.find(name, ent.start_char)
                if pos < 0:
                    continue
                start, end = pos, pos + len(name)
            if any(not (end <= a or start >= b) for a, b in taken):
                continue
            words = name.split()
            last = words[-1].lower().strip(".,")
            if last in MEDIA_HEADS and last not in ("agency",) or any(w in ("Photo", "Photos", "News") for w in words):
                continue
            if re.search(r"\d{1,2}:\d\d|[|/@]|--", name) or len(words) > 12:
                continue
            if len(words) == 1:
                w = words[0]
                ok = bool(ACRONYM_SHAPE.match(w)) or (w in repeated and w.lower() not in NOT_NAMES)
                if _FRAGMENT_AFTER.match(text, end) or _FRAGMENT_BEFORE.search(text, 0, start):
                    ok = False  # "Ligtas" and "Dagat" of "the Ligtas na Dagat Programme": parts of one name
                subtype = "organisation"
            else:
                head = next((i for i in range(len(words) - 1, -1, -1)
                             if words[i].lower().strip(".,") in MECHANISM_HEADS
                             or words[i].lower().strip(".,") in NER_HEADS), None)
                ok = head is not None and all(x[0].isupper() or x.lower() in TRAILING_GLUE or x[0].isdigit()
                                              for x in words)
                hw = words[head].lower().strip(".,") if head is not None else ""
                subtype = MECHANISM_HEADS.get(hw) or NER_HEADS.get(hw, "organisation")
                if ok and head < len(words) - 1 and words[head + 1].lower() not in ("of", "on", "for", "in", "to"):
                    # "Partnership Forum 2011": a year or number after the head stays
                    ok = all(x[0].isdigit() for x in words[head + 1:])
            if not ok:
                continue
            acr = ACRONYM_AFTER.match(text[end:])
            out.append(MechanismMention(name, start, end, subtype, acr.group("acr") if acr else None))
            taken.append((start, end))
    return out


# A word joined to another capitalised word by a name's small word ("Ligtas na Dagat", "Banco de
# Chile"): a part of a longer name, not a body of its own.
_NAME_JOINER = r"(?:of|de|del|la|da|do|dos|das|du|des|di|della|na|ng|van|von|der)"
_FRAGMENT_AFTER = re.compile(rf"\s+{_NAME_JOINER}\s+[A-Z]")
_FRAGMENT_BEFORE = re.compile(rf"[A-Z][\w'’-]*\s+{_NAME_JOINER}\s+$")


# "Extended Fund Facility (EFF)": any capitalised name followed by the acronym of its initials.
NAME_WITH_ACRONYM = re.compile(rf"(?P<name>{_CAP}(?:\s+(?:{_GLUE}\s+)*{_CAP}){{1,9}})\s*\((?P<acr>[A-Z][A-Za-z&]{{1,9}})\)")


def defined_acronyms(text: str, found: list[MechanismMention]) -> list[MechanismMention]:
    """Names introduced with their acronym in brackets whose initials the acronym matches."""
    out: list[MechanismMention] = []
    taken = [(x.start, x.end) for x in found]
    for m in NAME_WITH_ACRONYM.finditer(text):
        acr = m.group("acr")
        words = m.group("name").split()
        # take the shortest tail of the run whose initials give the acronym
        initials = acr.replace("&", "").upper()
        best = None
        for k in range(len(words)):
            tail = words[k:]
            if tail[0].lower() in LEADING_JUNK:
                continue
            letters = "".join(w[0] for w in tail if w[0].isupper() or w[0].isdigit())
            if letters.upper() == initials or (len(initials) >= 2 and letters.upper().startswith(initials)
                                               and len(letters) <= len(initials) + 1):
                best = tail
                break
        if best is None:
            continue
        name = " ".join(best)
        start = m.start("name") + m.group("name").rfind(name) if name in m.group("name") else -1
        if start < 0:
            continue
        end = start + len(name)
        if any(not (end <= a or start >= b) for a, b in taken):
            continue
        head = best[-1].lower()
        subtype = MECHANISM_HEADS.get(head) or NER_HEADS.get(head, "organisation")
        out.append(MechanismMention(name, start, end, subtype, acr))
        taken.append((start, end))
    return out


# ---------------------------------------------------------------- one tidy name per mention
_TITLE_WORDS = r"(?:Governor|President|Vice-President|Chair(?:man|woman|person)?|Secretary[- ]General|Director[- ]General|" \
               r"Minister|Commissioner|Chief|Head|Spokes(?:person|man|woman)|Ambassador|Envoy|Member|CEO|Director|" \
               r"Secretary|Officer|Representative|Coordinator|Manager|Rapporteur|Registrar|Prosecutor)"
TRAILING_PERSON = re.compile(rf"\s+{_TITLE_WORDS}\b.*$")
TRAILING_PLACE = re.compile(r"\s+(?:in|on|at)\s+(?:[A-Z][\w’'-]+|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                            r"(?:\s+[A-Z][\w’'-]+)?$")
# (not a name's own possessive: "People's Alliance", "Women's Fund", round 52)
_NAME_POSSESSIVE = r"(?<!People)(?<!Women)(?<!Children)(?<!Workers)(?<!Citizens)(?<!Farmers)(?<!Peoples)"
OWNER = re.compile(rf"^(?:[A-Z][\w.&-]*\s+){{0,4}}[A-Z][\w.&-]*{_NAME_POSSESSIVE}['’]s\s+(?=[A-Z])")
# A person's name before the body they come from: "Dr Marta Olivares of Spain's National ..."
# People of a body before its name ("Delegates of the International Skating Union", "Members of the
# Council of ..."): the body is what follows (round 97).
PEOPLE_OF = re.compile(r"^(?:Delegates|Delegations|Members|Representatives|Officials|Leaders|Staff|Experts|"
                       r"Participants|Observers)\s+(?:of|from|to)\s+(?:the\s+)?(?=[A-Z])")
PERSON_OF = re.compile(r"^(?:Dr|Mr|Mrs|Ms|Prof|Professor|Sir|Dame)\.?\s+(?:[A-Z][\w'’-]+\s+){1,3}"
                       r"(?:of|from|at)\s+(?:the\s+)?(?=[A-Z])")
ROLE_OF = re.compile(rf"^(?:(?:[A-Z][a-z]+(?:ian|ese|ish|i)?\s+)?(?:Deputy\s+|Vice[- ]|Acting\s+|Former\s+)?{_TITLE_WORDS}"
                     r"(?:\s+(?:of|for)\s+[A-Z][\w-]*(?:\s+(?:and|of|for)\s+[A-Z][\w-]*)*)?\s+(?:and\s+)?)+"
                     rf"(?:of|for|at)\s+(?:the\s+)?")


# The end of an office's portfolio run into its body's name ("Commissioner for Education, Science,
# | Technology and Innovation of the African Union Commission"): the body starts after "of the".
PORTFOLIO_OF = re.compile(r"^(?:(?i:" + "|".join(sorted(PORTFOLIO_WORDS, key=len, reverse=True)) + r")(?:\s*,\s*|\s+and\s+|\s+))+"
                          r"(?:of|for|at)\s+the\s+(?=[A-Z])")


TRAILING_MONTH = re.compile(r"\s+(?:of|in)\s+(?:January|February|March|April|May|June|July|August|September|October|"
                            r"November|December)\b.*$")
COUNTRY_STYLE = re.compile(rf"^(?:the\s+)?(?:Government\s+of\b|{STATE_STYLE})")
VENUE_NEXT = re.compile(r"^\s+(?:Centre|Center|Hall|Hotel|Palace|Building|Stadium|Arena|Complex|Hospital|Square)\b")


def tidy(m: MechanismMention, text: str) -> MechanismMention | None:
    """The mention cut to the body's own name: no office held in it ("Secretary General of the
    GCC" -> "GCC"... the body), no owner ("IMF's Extended Fund Facility"), no person or place after
    it ("Bank of Japan Governor Kazuo Ueda", "... General Assembly in Glasgow"), no weekday or
    stray word before it ("Sunday's Council of Delegates", "Is the Paris Agreement")."""
    name, start = m.name, m.start
    for rx in (WEEKDAY_OWNER, PEOPLE_OF, PERSON_OF, ROLE_OF, PORTFOLIO_OF, OWNER):
        cut = rx.match(name)
        if cut and cut.end() < len(name):
            start += cut.end()
            name = name[cut.end():]
    name = TRAILING_PERSON.sub("", name)
    name = TRAILING_MONTH.sub("", name)
    name = TRAILING_PLACE.sub("", name)  # (after the month: "... Committee in Tokyo in May 2025")
    name = re.sub(r"['’]s$", "", name)  # "the International Pepper Community's (IPC) annual session"
    name = re.sub(r"(?<=[A-Za-z])\s+(?:meeting|meetings|session|sessions|summit|talks)$", "", name)  # "the 46th COMESA Council of Ministers meeting": the body met
    name = name.rstrip("’'\".,;: ")
    if COUNTRY_STYLE.match(name):
        return None  # "Republic of the Union of Myanmar", "Government of Thailand": a state, not a body
    if VENUE_NEXT.match(text[start + len(name):]):
        return None  # "Harare International Conference | Centre": a building
    if len(name) < 2 or (" " not in name and not ACRONYM_SHAPE.match(name) and m.subtype != "organisation"):
        return None
    if name.lower().split()[-1] in ("of", "the", "and", "for"):
        return None
    end = start + len(name)
    if text[start:end] != name:
        return None
    if name == m.name and start == m.start:
        return m
    acr = ACRONYM_AFTER.match(text[end:])
    return MechanismMention(name, start, end, m.subtype, acr.group("acr") if acr else m.acronym)
