"""Names the small model tags as a place or a body that an office beside them shows are people."""

from __future__ import annotations

import re

from .cities import find_city
from .lexicon import (
    COUNTRIES,
    COUNTRY_NAMES,
    MECHANISM_HEADS,
    NATIONALITIES,
    NOT_A_PERSON_WORDS,
    TITLE_WORDS,
)

# What the small model takes for a place or a body yet an office beside it shows is a person
# ("Litia Vakaloloma, Director of ..." tagged GPE; "Head of Secretariat NAME"): labels it gives
# names it has not seen, often of the Pacific and Africa (round 108).
_MISREAD_LABELS = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})
_NAME_WORD = re.compile(r"(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)*)")


def person_by_office(doc, ent) -> bool:
    """Is ``ent``, not tagged a person, a person's name all the same: two to four name-shaped words,
    no country, city or body word, with an office right after it (", Director of ...") or right
    before it ("Secretary-General NAME")?"""
    if ent.label_ not in _MISREAD_LABELS:
        return False
    words = ent.text.split()
    if not 2 <= len(words) <= 4 or not all(_NAME_WORD.fullmatch(w) for w in words):
        return False
    if ent.text.lower() in COUNTRY_NAMES or ent.text.lower() in COUNTRIES or any(
            w in NOT_A_PERSON_WORDS or w in MECHANISM_HEADS or w.lower() in COUNTRY_NAMES
            or w.lower() in NATIONALITIES for w in words) or find_city(ent.text):
        return False
    if ent.start > 0 and doc[ent.start - 1].lower_ in ("the", "of", "in", "at", "from", "to"):
        return False
    after = [t for t in doc[ent.end:ent.end + 4]]
    if len(after) >= 2 and after[0].text == "," and after[1].lower_ != "the" and after[1].text[:1].isupper() \
            and after[1].lower_ in TITLE_WORDS:
        return True  # "NAME, Director of the OCO", "NAME, Head of Secretariat"
    return ent.start > 0 and doc[ent.start - 1].lower_ in TITLE_WORDS and doc[ent.start - 1].text[:1].isupper()
