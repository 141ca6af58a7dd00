"""The event a date phrase dates, as a short clause ("Wang Yi ... had a phone conversation with ...").

Two shapes in news prose: the date modifies a noun ("the conversation ... on Wednesday", "the
withdrawal ... in 2021") — then the event is that noun phrase — or it modifies a verb ("X took over
Kabul on Aug. 15") — then the event is the verb's clause: subject, verb, objects and prepositional
phrases, without side clauses. For reporting verbs ("X said Wednesday that ...") what was said is
kept, cut short. Tokens are compared by index (``.i``): spaCy makes a new Token on every access.
"""

from __future__ import annotations

import re

from .lexicon import REPORTING_VERBS
from .spans import tokens_text

MAX_WORDS = 28

# Verbs whose passive says little without what follows ("asked to approve", "urged to act").
NEEDS_COMPLEMENT = {"ask", "urge", "invite", "expect", "request", "require", "encourage", "call", "mandate",
                     "task", "allow", "authorise", "authorize", "empower", "schedule", "plan"}

# A country's own institution named by its office alone ("the government introduces ...", "the
# central bank cut ..."): which country's, the article says; the generator asks it only of an
# article about one country, and names that country.
NATIONAL_SUBJECT = re.compile(
    r"(?i:the)\s+(?:government|cabinet|parliament|senate|national assembly|central bank|supreme court|"
    r"constitutional court|electoral commission|election commission|treasury|ministry of [a-z ,]+|"
    r"president|prime minister|finance ministry|foreign ministry|health ministry|"
    # ("the 2026 General Election": every country has one)
    r"(?:\d{4}\s+)?(?i:general|presidential|parliamentary|legislative|local|municipal)\s+(?i:elections?)|"
    # an election's own bodies, capitalised as their country writes them ("the General Tally
    # Assembly", "the National Electoral Commission"): every country that votes has them (round 44)
    r"(?:General\s+|National\s+|Central\s+)?(?:Tally|Electoral|Election|Elections|Counting|Returning)\s+"
    r"(?:Assembly|Commission|Council|Tribunal|Board|Court|Office|Authority|Committee|Centre|Center)|"
    r"Constitutional\s+(?:Court|Council|Tribunal)|Supreme\s+(?:Court|Electoral\s+(?:Court|Tribunal)))")
CLIMB_DEPS = ("pobj", "npadvmod", "appos", "nummod", "compound", "prep", "amod", "nmod", "advmod", "quantmod", "pcomp")
SIDE_DEPS = ("advcl", "conj", "cc", "parataxis", "punct", "relcl", "mark", "intj", "dep")


def _noun_phrase(doc, noun, skip: set[int]) -> str:
    # climb "the transformation in Afghanistan" -> "the withdrawal of ... and the transformation ..."
    top = noun
    while top.dep_ in ("pobj", "conj", "compound") and top.head.i != top.i:
        nxt = top.head
        if top.dep_ == "pobj":
            if nxt.dep_ != "prep" or nxt.head.pos_ not in ("NOUN", "PROPN"):
                break
            nxt = nxt.head
        top = nxt
    drop = set(skip)
    for t in top.subtree:
        if t.dep_ in ("relcl", "acl", "appos", "advcl") and t.i != top.i:
            drop |= {x.i for x in t.subtree}
    ids = [t.i for t in top.subtree if t.i not in drop]
    return _cap(doc, ids)


def _cap(doc, ids) -> str:
    ids = sorted(ids)
    words = 0
    kept = []
    for i in ids:
        if not doc[i].is_punct:
            words += 1
        if words > MAX_WORDS:
            break
        kept.append(i)
    while kept and (doc[kept[0]].dep_ in ("punct", "cc", "mark", "prep") or doc[kept[0]].is_punct
                    or paragraph_number(doc, kept)):
        kept.pop(0)
    while kept and (doc[kept[-1]].is_punct or doc[kept[-1]].dep_ in ("cc", "prep", "det", "mark", "aux")):
        kept.pop()
    return tokens_text(doc, kept)


# A numbered paragraph's label ("1.1 The record of ...", "(b) The Board decided ..."): not part of
# what it says.
_NUMBERING = re.compile(r"\(?(?:\d{1,2}(?:\.\d{1,2})*|[a-h]|[ivx]{1,4})[.)]?")


def paragraph_number(doc, kept: list[int]) -> bool:
    i = kept[0]
    after = next((doc[j] for j in kept[1:] if not doc[j].is_punct), None)
    return (after is not None and all(doc[j].is_space or doc[j].is_punct for j in range(i))
            and bool(_NUMBERING.fullmatch(doc[i].text)) and after.text[:1].isupper())


def _clause(doc, verb, skip: set[int]) -> str:
    reporting = verb.lemma_.lower() in REPORTING_VERBS
    keep = set()
    for c in verb.children:
        if c.i in skip:
            continue
        if c.dep_ in SIDE_DEPS and not (c.dep_ == "punct" and c.i < verb.i):
            continue
        if c.dep_ == "ccomp" and not reporting:
            continue
        if c.dep_ == "punct":
            continue
        sub = {x.i for x in c.subtree}
        if c.dep_ == "ccomp":
            # what was said, without its own side clauses ("... and stressed that ...")
            for x in c.children:
                if x.dep_ in ("conj", "cc", "advcl", "parataxis") or (x.dep_ == "punct" and x.i > c.i):
                    sub -= {y.i for y in x.subtree}
        keep |= sub
    keep.add(verb.i)
    subj_ids = set()
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # "Speaking at a meeting, both leaders said ..." / "X had met ... after the group took over"
        head = verb.head
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None) if head.i != verb.i else None
        if subj is not None:
            subj_ids = {x.i for x in subj.subtree}
    ids = sorted((keep | subj_ids) - skip)
    # drop appositives and relative clauses inside the subject/object ("Yang Jin, an ..., told")
    inner_drop = set()
    for i in ids:
        t = doc[i]
        if t.dep_ in ("appos", "relcl") and t.head.i in keep | subj_ids:
            inner_drop |= {x.i for x in t.subtree}
    ids = [i for i in ids if i not in inner_drop]
    if ids and ids[0] >= verb.i and verb.dep_ in ("ROOT", "ccomp"):
        # the parse lost the subject (a dateline in front): take the noun phrase right before the verb
        j = verb.i - 1
        lead = []
        while j >= 0 and j not in skip and (doc[j].pos_ in ("PROPN", "NOUN", "DET", "ADJ", "CCONJ", "NUM")
                                            or doc[j].lower_ in ("of", "'s")):
            lead.append(j)
            j -= 1
        while j >= 0 and j in skip and doc[j].pos_ != "PUNCT" and j > 0:
            j -= 1  # hop over the date ("The EU and Japan on Tuesday signed")
            if j >= 0 and j not in skip:
                while j >= 0 and j not in skip and doc[j].pos_ in ("PROPN", "NOUN", "DET", "ADJ", "CCONJ"):
                    lead.append(j)
                    j -= 1
                break
        ids = sorted(lead) + ids
    if subj_ids and min(subj_ids) > verb.i:
        # "Speaking at a meeting, both leaders ..." -> "both leaders speaking at a meeting"
        subj = _cap(doc, [i for i in ids if i in subj_ids])
        rest = _cap(doc, [i for i in ids if i not in subj_ids])
        if subj and rest:
            return f"{subj} {rest[0].lower() + rest[1:] if doc[verb.i].pos_ != 'PROPN' else rest}"
    return _cap(doc, ids)


RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}


def before_ids(doc, skip_before: int) -> set[int]:
    """Token indexes of a dateline that ends at character ``skip_before`` (none when 0)."""
    if skip_before <= 0:
        return set()
    head = doc.char_span(0, skip_before, alignment_mode="contract")
    return set(range(head.end)) if head is not None else {t.i for t in doc if t.idx < skip_before}


def _attached_clause(doc, verb, skip: set[int]) -> str:
    """A relative or participle clause dates its noun: "Kishida, who took office on ..." ->
    "Kishida took office"; "the agreement brokered by China in March" -> "the agreement brokered
    by China"."""
    noun = verb.head
    clause = {x.i for x in verb.subtree} - skip
    clause -= {x.i for x in verb.children if x.lower_ in RELATIVE_PRONOUNS for x in x.subtree}
    noun_ids = {noun.i} | {x.i for c in noun.lefts for x in c.subtree}
    noun_ids |= {x.i for c in noun.rights if c.dep_ in ("prep", "compound") and c.i < verb.i for x in c.subtree}
    return _cap(doc, sorted((noun_ids | clause) - skip))


def event_for(doc, char_start: int, char_end: int, skip_before: int = 0) -> str | None:
    """The clause a date phrase belongs to, without the date phrase itself (nor a dateline
    "CITY, date (Agency) -" that ends at character ``skip_before``)."""
    span = doc.char_span(char_start, char_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    date_ids = {t.i for t in span} | before_ids(doc, skip_before)
    root = span.root
    # the date's own phrase: "on Monday", "last Friday (Sep. 17)", "76 years ago", "in 2021"
    for t in span:
        if t.dep_ in ("pobj", "npadvmod", "advmod"):
            date_ids |= {x.i for x in t.subtree}
        for c in t.children:  # "on Wednesday (Nov. 6), the third round of ...": an aside on the date
            if c.dep_ == "appos":
                date_ids |= {x.i for x in c.subtree}
    attach = root
    while attach.i in date_ids and attach.head.i != attach.i and (attach.dep_ in CLIMB_DEPS or attach.head.i in date_ids):
        if attach.dep_ == "prep" and attach.head.i not in date_ids:
            date_ids |= {x.i for x in attach.subtree}
            attach = attach.head
            break
        attach = attach.head
    if attach.dep_ == "prep" and attach.i not in date_ids and all(
            x.i in date_ids or x.i == attach.i for x in attach.subtree):
        # "on Aug. 20": the preposition belongs to the date phrase
        date_ids |= {x.i for x in attach.subtree}
        attach = attach.head
    if attach.i in date_ids:  # the date is the sentence root (a headline "Monday, Aug. 23")
        return None
    date_ids |= {x.i for x in span.root.subtree} if span.root.dep_ in ("pobj", "npadvmod") else set()
    if attach.pos_ in ("NOUN", "PROPN") and attach.dep_ not in ("ROOT",):
        text = _noun_phrase(doc, attach, date_ids)
        if len(text.split()) >= 3:
            return text
        attach = attach.head
    verb = attach
    guard = 0
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and guard < 8:
        verb = verb.head
        guard += 1
    if verb.pos_ not in ("VERB", "AUX"):
        return _noun_phrase(doc, attach, date_ids) or None
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return _attached_clause(doc, verb, date_ids) or None
    return _clause(doc, verb, date_ids) or None


def main_clause(verb) -> bool:
    """Is ``verb`` its sentence's main verb, or the verb a reporting verb tells ("Officials said the
    facility aims to ...", "wishes to inform the public that X will host ...")? Its subject is then
    the one who acts, whoever reports it."""
    if verb.dep_ == "ROOT":
        return True
    head = verb.head
    return verb.dep_ == "ccomp" and head.lemma_.lower() in REPORTING_VERBS and (
        head.dep_ == "ROOT" or head.dep_ == "xcomp" and head.head.dep_ == "ROOT")
