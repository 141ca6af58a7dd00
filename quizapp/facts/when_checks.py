"""What a date's clause must be for its "when" to be asked: checks on the parse that
``event_questions.when_parts`` runs before it words a question. A period's figure ("exported 38,000
tonnes in 2025"), a yearly date ("every year on 1 November"), a subject capitalised only as it
opens a line ("Attacks on ships begin"): each reads as an event and has no one date, or no one
thing, to ask about.
"""

from __future__ import annotations

import re

from .dates import MONTH
from .lexicon import WEEKDAYS

# Verbs that report a period's figure ("exported 38,000 tonnes in 2025", "carried 9.4 million
# passengers last year"): the date is the period measured, not when something happened.
_STAT_VERBS = {"carry", "export", "import", "produce", "record", "post", "register", "sell", "earn", "handle",
               "total", "attract", "receive", "ship", "harvest", "serve", "transport", "welcome", "generate",
               "reach", "grow", "rise", "fall", "drop", "climb", "decline", "increase", "decrease", "treat",
               "test", "vaccinate", "process", "make", "account", "represent", "comprise"}  # ("made up 10.8 percent")


def statistic(doc, verb, date_ids: set[int]) -> bool:
    while verb.dep_ == "conj" and verb.lemma_.lower() not in _STAT_VERBS and verb.head.i != verb.i:
        verb = verb.head  # "exported 38,000 tonnes of greasy and scoured wool in 2025"
    if verb.lemma_.lower() not in _STAT_VERBS:
        return False
    return any(t.like_num or t.ent_type_ in ("PERCENT", "MONEY", "QUANTITY", "CARDINAL")
               for c in verb.children if c.dep_ in ("dobj", "prep", "npadvmod", "attr", "advmod") and c.i not in date_ids
               for t in c.subtree if t.i not in date_ids)



def weekday_before(doc, start: int) -> set[int]:
    """"this Saturday, October 26": the weekday that opens the date phrase belongs to it, so the
    comma between them sets off the date, not the rest of the clause."""
    i = start - 1
    if i < 1 or doc[i].text != "," or doc[i - 1].lower_ not in WEEKDAYS:
        return set()
    ids = {i, i - 1}
    if i >= 2 and doc[i - 2].lower_ in ("this", "last", "next", "on"):
        ids.add(i - 2)
    return ids


def named_day_after(doc, end: int) -> set[int]:
    """"on 20 May 2024, World Bee Day,": the day's name after the date belongs to the date phrase
    (left in a question it would dangle: "... in Ljubljana World Bee Day?")."""
    if end >= len(doc) or doc[end].text != ",":
        return set()
    i = end + 1
    while i < len(doc) and doc[i].text[:1].isupper() and doc[i].pos_ in ("PROPN", "NOUN"):
        i += 1
    if i > end + 1 and doc[i - 1].lower_ in ("day", "eve"):
        return set(range(end, min(i + 1, len(doc)) if i < len(doc) and doc[i].text == "," else i))
    return set()


# A date that comes round every year, month or week: no one date of an event.
RECURRING = re.compile(r"\b(?:every|each)\s+(?:year|month|week|season|spring|summer|autumn|winter)\b|\bannually\b|"
                        rf"\bevery\s+{MONTH}\b",
                        re.I)


def bare_opening(doc, subj) -> bool:
    """Is the subject a bare common noun phrase that opens the sentence or a timeline line,
    capitalised only for that ("Attacks on ships begin", "Interested committees must apply",
    "Authorities in the state approved ...")? Whose, or of what, the article around it said:
    rounds 55-59 failed each such "when" (and pasting it keeps the stray capital)."""
    first = min(subj.subtree, key=lambda t: t.i)
    opens = first.i == 0 or doc[first.i - 1].text in ("-", "–", "—", ":", ";") or doc[first.i - 1].is_sent_start \
        and doc[first.i - 1].text in ("A", "Q")
    if not (opens and first.text[:1].isupper() and (first.tag_ in ("JJ", "NNS", "NN", "VBN", "VBG")
                                                     or first.dep_ == "amod") and not first.ent_type_):
        return False
    # ... unless a name after it says whose ("Legislative elections in Zembla", "Members of the Kandor
    # Union", "Finance ministers from seven Pacific Island countries")
    return not any(t.dep_ == "pobj" and any(x.pos_ == "PROPN" for x in t.subtree) for t in subj.subtree)


def listed_aside(t) -> bool:
    """"the leaders of Algeria, Libya, Mauritania and Tunisia": a name the parser hung on the one
    before as an aside, with the rest of a list of names after it, is the list's, not an aside
    (round 110: "When did the leaders of Algeria sign ...?")."""
    return t.dep_ == "appos" and t.pos_ == "PROPN" and t.head.pos_ == "PROPN" \
        and any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in t.children)


def coordinated(verb) -> bool:
    """Is a verb the parser calls a conjunct joined on by "and", "or", "but" or a comma right before
    it (its own words), as a conjunct is?"""
    start = verb.left_edge.i
    return start > 0 and verb.doc[start - 1].lower_ in ("and", "or", "but", ",", "then", ";")


# Verbs that make a thing: what they made is named by its name, not by how long it runs.
MAKING_VERBS = {"launch", "start", "begin", "create", "establish", "set", "open", "unveil", "adopt", "approve", "sign",
           "announce", "introduce", "agree", "initiate"}


def span_of_time(doc, i: int) -> bool:
    """Is the number at ``i`` a length ("a five-year programme", "a 10-year plan"), not a figure?"""
    return i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lemma_.lower() in ("year", "month", "week", "day")


_DURATION_UNIT = re.compile(r"(?:hours?|days?|weeks?|months?|years?|decades?)$", re.I)


def duration(prep) -> bool:
    """"above 5 months", "within 24 hours": a length the thing is measured by, not a point in time
    that would answer "when" (the parser's entities call both dates)."""
    if prep.lower_ not in ("above", "below", "under", "to", "of", "by", "at", "than"):
        return False  # ("after three years", "for another twelve months", "within 48 hours": time told)
    dated = [x for x in prep.subtree if x.ent_type_ == "DATE"]
    return bool(dated) and _DURATION_UNIT.match(dated[-1].text) is not None \
        and any(x.like_num for x in dated) and not any(re.fullmatch(r"\d{4}", x.text) for x in dated)
