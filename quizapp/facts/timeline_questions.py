"""A timeline's lines as questions: "16 September 2023 – Mali and Niger sign the Liptako-Gourma
Charter." asks "When did Mali and Niger sign the Liptako-Gourma Charter?". A line is no sentence the
parser can read (it takes the date for the subject); it is read again as the sentence it abbreviates
and asked as ``event_questions`` asks any dated event."""

from __future__ import annotations

import re

from .cities import plural_common_noun
from .event_questions import when_question

# A timeline entry: its date first, then a dash or a colon, then the event in the historic present
# ("16 September 2023 – Mali and Niger sign the Liptako-Gourma Charter.").
TIMELINE_ENTRY = re.compile(r"^\s*(?:[-•*–—]\s*)?(?P<date>[^:–—]{3,30}?\d{4})\s*(?::|\s[–—-])\s+(?P<rest>[A-Z].+)$")


_COUNT_WORD = re.compile(r"(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|(?:Thir|Four|Fif|Six|Seven|Eigh|Nine)teen|"
                         r"(?:Twen|Thir|For|Fif|Six|Seven|Eigh|Nine)ty(?:-[a-z]+)?|Hundreds|Thousands|Dozens|Several|Some|Many)")


def timeline_question(nlp, sentence: str, char_start: int, char_end: int, resolve=None,
                      lower_words: frozenset[str] = frozenset(), ahead: bool = False) -> str | None:
    """"When did the Parliamentary Assembly elect Alain Berset as Secretary General?" from a
    timeline's "25 June 2024 – The Parliamentary Assembly elects ...": the parser cannot read the
    line as it stands (it takes the date for the subject), so the event is parsed again as the
    sentence it abbreviates ("On 25 June 2024, the Assembly elects ...") and asked in the past."""
    m = TIMELINE_ENTRY.match(sentence)
    if m is None or not (m.start("date") <= char_start and char_end <= m.end("date")):
        return None
    date_text = m.group("date").strip()
    rest = m.group("rest")
    first = rest.split()[0]
    if first in ("The", "A", "An") or (first.lower() in lower_words and not first.isupper()) \
            or plural_common_noun(first) \
            or re.fullmatch(r"[A-Z][a-z]+ed|First|Final|Initial|Official|Formal|Full|Partial|New|Further|Target", first) \
            or _COUNT_WORD.fullmatch(first):
        # ("Twenty-seven law students ... form ...": a count opening the line, session 27)
        # ("Planned launch window opens": a line's first word, capitalised as it opens it, round 53)
        rest = rest[:1].lower() + rest[1:]  # ("Seabed drilling begins", where the article says "seabed")
    text = f"On {date_text}, {rest}"
    question = when_question(nlp(text), 3, 3 + len(date_text), historic_present=True, resolve=resolve, ahead=ahead)
    generic = _GENERIC_TEXT.match(question or "")
    if generic and all(w.lower() in lower_words for w in generic.group("words").split()):
        return None  # "When was the Transport Protocol adopted?": a text named in common words, of which convention?
    return question


# A text named only in words the article also writes in lower case ("the Transport Protocol", where
# the article speaks of "transport"): its name does not say whose it is (round 35A).
_GENERIC_TEXT = re.compile(r"^When (?:was|were|did|will) the (?P<words>(?:[A-Z][a-z]+\s+){1,2})(?:Protocol|Convention|"
                           r"Agreement|Treaty|Charter|Declaration|Framework|Plan|Strategy|Programme|Program|Act)\b")
