"""Plans dated in the article's own frame: "is due to", "is scheduled to", "was set to", and a
timetable told in the present tense ("the conference opens on 20 November"). ``when_question``
asks these as the article frames them ("When is X due to ...?", "When does X open?"), never "when
did"."""

from __future__ import annotations

import re

from .events import main_clause

# A day of a month ("on 20 November", "1 June 2024", "June 1"): a present tense dated to the day is
# a timetable ("the conference opens on 20 November"), not a habit or a truth.
DAY_OF_MONTH = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
                          r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b")

# What a timetable says in the present tense: sittings and terms opening and closing.
TIMETABLE_VERBS = {"open", "close", "meet", "begin", "start", "end", "convene", "resume", "expire", "lapse",
                   "run", "sit", "gather", "vote", "take", "enter", "launch"}

# What a plan is when its date is set: "due to", "scheduled to", "set to", "slated to".
_SCHEDULE_WORDS = {"due", "schedule", "set", "slate"}
# A party's own plan in the present ("Chile plans to begin construction ... in 2027"): asked "When does
# Chile plan to begin ...?", the plan as the article states it, not as a done thing.
_PLAN_WORDS = {"plan", "intend", "aim", "seek", "hope", "want"}


def scheduled(verb):
    """"Denmark is due to take over the chairmanship in May 2025", "The Council is scheduled to vote
    on 28 February on ...": for the dated verb of such a plan, (the schedule word, the subject, "is"
    or "was" as written); None otherwise. The date is the planned act's, and the question keeps
    the article's frame ("When is Denmark due to take over ...?"), never "when did"."""
    if verb.dep_ != "xcomp" or verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    head = verb.head
    if head.lemma_.lower() in _PLAN_WORDS and main_clause(head) and head.tag_ in ("VBZ", "VBP") \
            and not any(c.dep_ in ("aux", "auxpass", "neg") for c in head.children):
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        return (head, subj, "does" if head.tag_ == "VBZ" else "do") if subj is not None and subj.i < head.i else None
    if head.lemma_.lower() not in _SCHEDULE_WORDS:
        return None
    if head.dep_ == "acomp" and head.head.lemma_ == "be" and head.head.dep_ == "ROOT":
        be = head.head  # "is due to": "due" completes "is"
        subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
        form = be.lower_
    elif head.dep_ == "ROOT" and head.tag_ == "VBN":
        aux = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
        if len(aux) != 1:
            return None
        be = aux[0]  # "is scheduled to": one auxiliary, the passive's
        subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        form = be.lower_
    else:
        return None
    if form not in ("is", "are", "was", "were") or subj is None or subj.i > head.i \
            or any(c.dep_ == "neg" for c in (*head.children, *be.children)):
        return None
    return head, subj, form


# A commitment made, with a deadline ("the ministers agreed to end the discharge ... by 2028", "the
# Authority committed to raising the share ... to 15 per cent by 2030"): asked "By when did the
# ministers agree to end ...?", the deadline of what was agreed, never when the agreeing was.
_COMMIT_WORDS = {"agree", "decide", "pledge", "resolve", "undertake", "promise", "vow", "commit"}


def committed(verb):
    """For the dated verb of a commitment (``_COMMIT_WORDS``, in a main clause, its subject named
    before it): (the commitment's verb, the subject, "did" for one made, "do"/"does" for a
    declaration's own "We commit to ..."); None otherwise. Only for a deadline: the date of "agreed
    to hold a summit in Lima in November" is the summit's."""
    if verb.tag_ == "VB" and verb.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                    for c in verb.children):
        head = verb.head
    elif verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "to" and verb.head.dep_ == "prep":
        head = verb.head.head  # "committed to raising"
        if head.lemma_.lower() != "commit":
            return None
    else:
        return None
    if head.lemma_.lower() not in _COMMIT_WORDS or not main_clause(head) \
            or any(c.dep_ in ("auxpass", "neg") for c in head.children):
        return None
    aux = {c.lower_ for c in head.children if c.dep_ == "aux"}
    if head.tag_ == "VBD" and not aux or head.tag_ == "VBN" and aux in ({"has"}, {"have"}):
        form = "did"  # "agreed to", "has pledged to"
    elif head.tag_ in ("VBP", "VBZ") and not aux:
        form = "does" if head.tag_ == "VBZ" else "do"  # a declaration's "We commit to raise ..."
    else:
        return None
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return (head, subj, form) if subj is not None and subj.i < head.i else None
