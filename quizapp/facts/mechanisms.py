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

from .lexicon import MECHANISM_HEADS, MECHANISM_TAILS, MEDIA_HEADS

_CAP = r"(?:[A-Z][\w’'\.]*(?:-[A-Za-z][\w’']*)*)"
_GLUE = r"(?:of|and|for|on|the|in|&|de|between|to)"
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
        if words[-1].lower() in MEDIA_HEADS:
            continue
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
        out.append(MechanismMention(name, s, e, subtype, acr.group("acr") if acr else None))
    for m in LOWER_PARTNERSHIP.finditer(text):
        if not any(x.start <= m.start() < x.end for x in out):
            out.append(MechanismMention(m.group("name"), m.start("name"), m.end("name"), "partnership"))
    return out + acronym_mentions(text, acronyms or {}, out)


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


def normalise(name: str) -> str:
    """Merge key for spelling and word-order variants of one mechanism's name."""
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


def acronym_of(name: str) -> str:
    """Initials of the significant words ("Belt and Road Initiative" -> "BRI")."""
    letters = []
    for w in re.split(r"[\s-]+", name):
        if w and w[0].isupper():
            letters.append(w[0])
    return "".join(letters)
