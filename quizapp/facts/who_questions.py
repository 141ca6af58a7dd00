"""A done act as a question in its own words, the person as the answer: "Who inaugurated the Global
Alliance Against Hunger and Poverty?". The parse reading is ``event_questions``' (the main clause,
the predicate without side clauses); this module asks who, that one when."""

from __future__ import annotations

import re

from .event_questions import (
    _STANDS_ALONE_VERBS,
    _TOGETHER_VERBS,
    _TRANSLATIONESE,
    _namey,
    _predicate,
    _unnamed_object,
)
from .events import before_ids, main_clause
from .lexicon import PUBLIC_ADDRESSED, REPORTING_VERBS
from .spans import tokens_text, without_brackets

# Verbs of reacting to what others did: who welcomed or thanked is no fact worth a question.
_REACTION_VERBS = {"welcome", "praise", "hail", "applaud", "commend", "thank", "congratulate", "salute",
                   "acknowledge", "regret", "lament", "laud"}

# Verbs that put a person into an office named after them ("was appointed Director-General").
_INTO_OFFICE = {"become", "remain", "appoint", "elect", "name", "choose", "install", "nominate"}


def who_question(doc, char_start: int, char_end: int, skip_before: int = 0) -> str | None:
    """"Who inaugurated the Global Alliance Against Hunger and Poverty?": what a named person did
    in the main clause of their sentence, asked with the person as the answer. A question tied to
    what the article reports, where "Who is the President of France?" asks general knowledge.
    Only when the person alone is the subject (no "X and Y signed"), the verb is not one of
    saying, and nothing in the rest points outside the sentence; None otherwise."""
    span = doc.char_span(char_start, char_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    head = span.root
    if head.dep_ == "appos" and head.head.dep_ in ("nsubj", "nsubjpass"):
        # "Brazil's president, Lula, inaugurated ...": the name stands right after its subject (a
        # name the parser hung on a distant subject is elsewhere in the clause: "The meeting was
        # attended by the Commissioner, Dr NAME, ...")
        subject = head.head
        last = max((t.i for t in subject.subtree if t.i < head.left_edge.i), default=head.left_edge.i - 1)
        if subject.i > head.i or any(not doc[i].is_punct for i in range(last + 1, head.left_edge.i)):
            return None
        head = subject
    # (a name that only modifies the subject did not do it: "the BOJ chief welcomed ...")
    verb = head.head
    if head.pos_ == "PRON" or not any(_namey(t) for t in head.subtree):
        return None  # "I will take a few questions": a speaker's own words, not what the article reports
    if head.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX") \
            or not main_clause(verb) \
            or verb.i < head.i or verb.lemma_.lower() in REPORTING_VERBS | {"have"}:
        return None
    if verb.lemma_.lower() in _REACTION_VERBS:
        return None  # "Who welcomed the inclusion of North African partners?": a reaction, trivia (round 45)
    if verb.lemma_.lower() == "be" and not (any(c.dep_ == "attr" and c.pos_ == "NOUN" for c in verb.children)
                                            and {c.lower_ for c in verb.children if c.dep_ == "aux"} == {"will"}):
        return None  # only "X will be the next chief of Interpol": who holds an office is general knowledge
    if any(c.dep_ in ("conj", "cc") for c in head.children) or any(c.dep_ == "neg" for c in verb.children) \
            or any(c.dep_ == "conj" for c in span.root.children):
        return None  # two subjects: each did it with the other; a denial is no act
    if verb.i >= 2 and doc[verb.i - 1].text in ("-", "–") and doc[verb.i - 2].lower_ == "co" \
            or verb.lower_.startswith("co-"):
        return None  # "X and Y co-chaired the meeting" (the tokenizer splits "co-"): it takes two (round 186)
    if verb.lemma_.lower() in _TOGETHER_VERBS and not any(
            c.dep_ == "prep" and c.lower_ == "with" or c.dep_ == "dobj" and verb.lemma_.lower() == "meet"
            for c in verb.children):
        return None  # "Who met in Tumbes?", "Who signed the accord?": it takes two, both are answers
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in aux}
    if verb.tag_ == "VBD" and not aux:
        form = verb.text.lower()
    elif verb.tag_ == "VB" and words & {"will", "shall"} and len(aux) == 1:
        form = f"will {verb.lemma_.lower()}"
    elif verb.tag_ == "VBN" and words == {"was"} and all(c.dep_ == "auxpass" for c in aux):
        form = f"was {verb.text.lower()}"
    elif verb.tag_ == "VBN" and words == {"has"} and len(aux) == 1 and aux[0].dep_ == "aux":
        form = f"has {verb.text.lower()}"  # "X has called on governments to ...": a stance still held
    else:
        return None
    skip = before_ids(doc, skip_before) | {x.i for x in head.subtree}
    ids = _predicate(doc, verb, skip, head)
    # "its" after a body ("the EBRD opened its doors in London") is the asked body's own, and
    # reads so in "Which bank opened its doors ...?"; "his", "her" would tell a person's sex
    owns = ("his", "her", "their") if head.ent_type_ != "PERSON" else ("its", "his", "her", "their")
    if not ids or any(doc[i].lower_ in owns for i in ids):
        return None  # whose? the person's own, which the question must not name
    kept = set(ids)
    if any(t.dep_ == "conj" and t.i not in kept and t.i > verb.i
           and ((t.head.i in kept or t.head.head.i in kept) and t.head.i != verb.i
                or t.head.i == verb.i and t.pos_ in ("NOUN", "PROPN"))  # (a party the parser hung on the verb)
           for t in verb.subtree):
        return None  # "signed ... with A, and B": the question would keep A and drop B (round 23B)
    if any(doc[i].ent_type_ in ("DATE", "TIME") for i in ids):
        return None  # "on Tuesday": when, told from the day of writing
    if not any(doc[i].head.i == verb.i and doc[i].dep_ in ("dobj", "attr", "xcomp", "ccomp", "oprd", "dative")
               for i in ids) and verb.lemma_.lower() not in _STANDS_ALONE_VERBS and form[:3] != "was":
        return None  # "Who signed on behalf of the EU?": signed what?
    if any(_unnamed_object(doc, doc[i], verb) for i in ids):
        return None  # "Who cut the ribbon alongside Serbian officials?": which ribbon, of which opening? (round 36A)
    tail = without_brackets(tokens_text(doc, ids).rstrip(" ,;:")).strip()
    last = tail.split()[-1:]
    if not tail or last and last[0].lower() in ("on", "in", "at", "by", "from", "since", "of", "to", "and", "the"):
        return None
    if verb.lemma_.lower() in ("call", "urge", "ask", "advise", "warn", "tell") and _THE_PUBLIC_TOLD.match(tail):
        return None  # "Who has called on residents in low-lying parts of X to leave before dark?": an
        # advisory, whose voice is no fact to learn (round 189)
    office = re.sub(r"^(?:office\s+)?as\s+", "", tail)
    if (office != tail or verb.lemma_.lower() in _INTO_OFFICE) and re.fullmatch(r"(?:the\s+)?(?:[A-Z][\w-]*\s*){1,3}", office):
        return None  # "Who took office as Director-General?": of what, the question must say (session 27)
    question = f"Who {form} {tail}?"
    n = len(question.split())
    if n < 5 or n > 24 or re.search("[\"“”‘’]", question) or _TRANSLATIONESE.search(question):
        return None
    return question


# The public told what to do ("on residents in low-lying parts of X to leave", "people to stay indoors").
_THE_PUBLIC_TOLD = re.compile(r"(?:on\s+)?" + PUBLIC_ADDRESSED + r"\s+(?:to|not\s+to)\s", re.I)
