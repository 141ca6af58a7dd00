"""Stated goals: who aims, hopes, calls for, urges, pledges, supports, is willing to, or says what
*should* happen — and the goal itself as a clean phrase.

Found on the dependency parse (never by name): a trigger (a goal verb, a goal noun such as "hope
that", a readiness adjective such as "willing to", or the modal "should"), its subject as the
actor, and its complement as the goal. A goal found inside another goal's phrase ("should
encourage X to ...") is the same statement and is dropped, so each sentence yields its top-level
aims once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import (
    ASKING_VERBS,
    GOAL_NOUNS,
    GOAL_VERBS,
    READY_ADJECTIVES,
    REPORTING_VERBS,
    WEEKDAYS,
)
from .spans import list_items, slice_text, trim

# Complement dependencies that carry the goal after a trigger verb.
COMP_DEPS = {"xcomp", "ccomp", "dobj", "dative", "oprd", "acomp", "attr"}
GOAL_PREPS = {"for", "on", "at", "to", "in", "with", "toward", "towards", "into", "from"}
SUBJ_DEPS = ("nsubj", "nsubjpass")
MODALS = {"should", "must"}
PRONOUN_ACTORS = {"it", "this", "which", "that", "who", "what", "these", "those", "one", "you", "everyone", "anyone",
                  # a speech's address to its hearers ("Friends, in 1973 two countries signed ...")
                  "friends", "dear friends", "colleagues", "dear colleagues", "excellencies", "ladies and gentlemen"}
# Verbs whose complement is a goal only when it is an infinitive or carries a modal
# ("agreed to work together", "insisted that X should ..."), not a reported opinion.
NEED_MODAL = {"agree", "insist", "propose", "say", "ask", "expect", "demand"}
MODAL_WORDS = {"should", "must", "would", "will", "can", "could", "to"}
# "..., the statement read" / "..., Putin said" closing a quotation that the parse folded in.
TRAILING_ATTRIBUTION = re.compile(
    r"[,;]?\s+(?:(?:the|a|an)\s+)?(?:[A-Za-z][\w.'’-]*\s+){0,3}"
    r"(?:said|says|read|reads|added|adds|noted|stressed|told(?:\s+[\w.'’-]+){0,4}|according\s+to(?:\s+[\w.'’-]+){0,4})\s*$"
)

# A comparison or list the parse cut off ("... directly with cooperatives rather", "such as"): the
# goal ends before it.
DANGLING = re.compile(r"(?:[\s,]+(?:rather(?:\s+than)?|than|instead(?:\s+of)?|as\s+well\s+as|such\s+as|including))+$",
                      re.IGNORECASE)


def _forms(verb: str) -> set[str]:
    stem = verb[:-1] if verb.endswith("e") else verb
    return {verb, verb + "s", stem + "ed", stem + "ing", verb + "d", verb + "es"}


# The small model's lemmatizer slips on some forms ("hopes" -> "hop"): inflections map back.
INFLECTED = {form: verb for verb in sorted(GOAL_VERBS) for form in _forms(verb)}


INFLECTED.update({"planned": "plan", "planning": "plan", "committed": "commit", "committing": "commit",
                  "sought": "seek", "strove": "strive", "striven": "strive", "pushes": "push", "wishes": "wish"})
# Cheap gate: a sentence without any trigger word needs no walk over its tokens.
TRIGGER_WORDS = frozenset(INFLECTED) | READY_ADJECTIVES | MODALS | {
    form for noun in GOAL_NOUNS for form in (noun, noun + "s")}
TRIGGER_LOWER = frozenset(w.lower() for w in TRIGGER_WORDS)
TRIGGER_RX = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, TRIGGER_WORDS), key=len, reverse=True)) + r")\b",
                        re.IGNORECASE)


def goal_lemma(tok) -> str | None:
    lemma = tok.lemma_.lower()
    if lemma in GOAL_VERBS:
        return lemma
    return INFLECTED.get(tok.lower_)


@dataclass
class GoalMention:
    actor: str
    verb: str  # trigger lemma ("hope", "call", "should", "willing", ...)
    goal: str
    items: list[str] = field(default_factory=list)
    trigger: int = 0  # token index of the trigger
    lo: int = 0  # goal span (token indexes, inclusive)
    hi: int = 0


def _subject(tok, depth: int = 4):
    """The subject of ``tok``'s clause, climbing through xcomp/conj/advcl/acomp heads."""
    cur = tok
    if tok.tag_ == "VBG" and tok.dep_ == "advcl":
        # "..., urging X to Y": the participle's subject is the main clause's subject
        root = tok
        while root.head.i != root.i:
            root = root.head
        subj = next((c for c in root.children if c.dep_ in SUBJ_DEPS), None)
        if subj is not None:
            return subj
    reported = _reported_goal_subject(tok)
    if reported is not None:
        return reported
    for _ in range(depth):
        subj = next((c for c in cur.children if c.dep_ in SUBJ_DEPS), None)
        if subj is not None:
            return subj
        stranded = _stranded_subject(cur)
        if stranded is not None:
            return stranded
        if cur.dep_ in ("xcomp", "conj", "advcl", "acomp", "ccomp", "pcomp", "acl") and cur.head.i != cur.i:
            cur = cur.head
        else:
            break
    if tok.dep_ == "conj" and tok.tag_ in ("VBD", "VBZ", "VBP"):
        # "Ministers reaffirmed X's efforts to assist Y and called on Z": a finite verb the parser
        # hung on the wrong conjunct still shares the sentence's subject
        root = tok
        while root.head.i != root.i:
            root = root.head
        return next((c for c in root.children if c.dep_ in SUBJ_DEPS), None)
    return None


def _reported_goal_subject(verb):
    """"Malik said the NC aims to A, and plans to B": the parser may hang "plans" on "said" (a stray
    comma is enough), yet a goal verb beside the reported one is the reported subject's (session 27)."""
    if verb.dep_ != "conj" or verb.lemma_.lower() not in GOAL_VERBS or verb.head.lemma_.lower() not in REPORTING_VERBS \
            or any(c.dep_ in SUBJ_DEPS for c in verb.children):
        return None
    said = next((c for c in verb.head.children if c.dep_ == "ccomp" and c.i < verb.i and c.lemma_.lower() in GOAL_VERBS), None)
    if said is None or verb.tag_ != said.tag_ or verb.tag_ == verb.head.tag_:
        return None  # ("NAME said the government aims to A and pledged that B": the tense says whose)
    return next((c for c in said.children if c.dep_ in SUBJ_DEPS), None)


def _stranded_subject(verb):
    """The subject of a conjoined clause that the parser hung elsewhere: in "France has yet to set a
    timetable for the line between Lyon and Modane, and Italian officials have called on Paris to
    ...", "officials" is read as a third stop of the line and "called" as France's second verb.
    A noun right before the verb (its auxiliaries and adverbs aside) after "and" or a comma is the
    clause's own subject."""
    if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return None
    first = min([verb, *(c for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg", "advmod"))], key=lambda t: t.i)
    if first.i == 0:
        return None
    prev = verb.doc[first.i - 1]
    if prev.pos_ not in ("NOUN", "PROPN") or prev.dep_ in SUBJ_DEPS or prev.head.i == verb.i:
        return None
    # (its phrase opens after "and" or a comma: "..., and Italian officials have called")
    start = prev.i
    while start > 0 and (verb.doc[start - 1].dep_ in ("amod", "compound", "det", "nummod", "poss")
                         or verb.doc[start - 1].pos_ in ("ADJ", "DET", "PROPN")):
        start -= 1
    before = verb.doc[start - 1] if start > 0 else None
    if before is None or before.lower_ not in ("and", ",", "but", ";"):
        return None
    return prev


def implicit_subject(doc, tok) -> bool:
    """A numbered or bulleted point with no subject ("3. Called on ...", "to advance ...",
    "Agreed to ..."): its actor is whoever declares the list (resolved like "we")."""
    if tok.dep_ != "ROOT" or any(c.dep_ in SUBJ_DEPS for c in tok.children):
        return False
    first = next((t for t in doc if t.dep_ not in ("meta", "punct") and not t.is_space and not t.like_num), None)
    if first is None or not (first.i == tok.i or (first.lower_ == "to" and first.head.i == tok.i)):
        return False
    # "3. Decide to expand ...", "Agree that ...": a declaration's operative paragraph in the
    # present, its number split off as a line of its own (a headline's present has an -s:
    # "Council approves ...")
    operative = first.i == tok.i and (tok.tag_ in ("VB", "VBP") and tok.text[:1].isupper() or operative_noun(doc, tok))
    return tok.tag_ in ("VBD", "VBN") or first.lower_ == "to" or operative


def operative_noun(doc, tok) -> bool:
    """"5. Pledge to restore ...", "Commit to ...": a numbered paragraph opening on a goal verb
    the tagger read as a noun or a name (capitalised, the sentence's root, no subject)."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "ROOT" or not tok.text[:1].isupper() \
            or tok.lower_ not in GOAL_VERBS or any(c.dep_ in SUBJ_DEPS for c in tok.children):
        return False
    first = next((t for t in doc if t.dep_ not in ("meta", "punct") and not t.is_space and not t.like_num), None)
    # (its number may be split off as a line of its own; a headline's "Pledge to restore wetlands"
    # has no closing stop)
    return first is not None and first.i == tok.i and doc[-1].text in (".", ";")


def antecedent(subj):
    """For "they"/"he"/"she" inside a reported or subordinate clause, the named subject of the clause
    above it ("The Taliban claimed that they ...", "both leaders said they plan ...")."""
    if subj is None or subj.lower_ not in ("they", "he", "she", "we", "i"):
        return subj
    first_person = subj.lower_ in ("we", "i")
    cur = subj.head
    for _ in range(4):
        if cur.dep_ not in ("ccomp", "advcl", "conj", "xcomp") or cur.head.i == cur.i:
            break
        cur = cur.head
        above = next((c for c in cur.children if c.dep_ in SUBJ_DEPS), None)
        if first_person and cur.lemma_.lower() not in REPORTING_VERBS:
            continue  # "we" is the speaker: only a reporting verb's subject ("..., Ruto said") names them
        if above is not None and above.lower_ not in PRONOUN_ACTORS | {"they", "he", "she", "we", "i"}:
            return above
    if first_person:
        # "We want ...," Ruto said: the quotation is the root's complement or the root itself
        root = subj.head
        while root.head.i != root.i:
            root = root.head
        for c in root.children:
            if c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in REPORTING_VERBS:
                above = next((x for x in c.children if x.dep_ in SUBJ_DEPS), None)
                if above is not None and above.lower_ not in PRONOUN_ACTORS | {"they", "he", "she", "we", "i"}:
                    return above
    return subj


def actor_text(doc, subj) -> str:
    """The subject phrase without appositives, relative clauses or asides ("China and Russia, both
    concerned about ..., are" -> "China and Russia")."""
    drop = set()
    for t in subj.subtree:
        if t.dep_ == "appos" and t.ent_type_ == "GPE" and t.head.ent_type_ == "GPE" \
                and any(c.dep_ == "conj" for c in t.subtree if c.i != t.i):
            continue  # "Governments of Kazakhstan, Kyrgyzstan, ... and Uzbekistan": a list the parser hung as an aside
        if t.dep_ in ("appos", "relcl", "acl", "advcl", "parataxis") and t.i != subj.i:
            drop |= {x.i for x in t.subtree}
    ids = [t.i for t in subj.subtree]
    lo, hi = min(ids), max(ids)
    # cut at the first dropped token after the head (keeps a contiguous verbatim phrase)
    cut = [i for i in range(lo, hi + 1) if i in drop and i > subj.i]
    if cut:
        hi = cut[0] - 1
    lo, hi = trim(doc, lo, hi, lead_deps=("punct", "cc", "mark", "prep", "aux", "advmod"))
    return slice_text(doc, lo, hi)


def _bare_conj(c) -> bool:
    """A conjoined base-form verb that continues the same goal list ("call for X to A, B, and C")
    — not a new predicate of the subject ("and has played ...") or a reporting verb."""
    return (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.tag_ in ("VB", "VBP")
            and not any(x.dep_ in ("aux", "auxpass") for x in c.children)
            and not any(x.dep_ in SUBJ_DEPS for x in c.children)
            and c.lemma_.lower() not in REPORTING_VERBS | GOAL_VERBS | {"be", "have", "warn"})


def _extend_right(tok, start_children) -> int:
    """Right edge of a goal that starts with ``start_children`` of ``tok``: later complements,
    prepositions and bare conjoined verbs are part of it; anything else ends it."""
    hi = max(c.right_edge.i for c in start_children)
    for c in tok.rights:
        if c.i <= hi:
            continue
        if c.dep_ in COMP_DEPS or c.dep_ in ("prep", "agent") or _bare_conj(c) or (
            c.dep_ == "advcl" and any(x.lower_ == "to" and x.dep_ == "aux" for x in c.children)
        ):
            hi = c.right_edge.i
        elif c.dep_ in ("punct", "cc") and any(_bare_conj(x) for x in tok.rights if x.i > c.i):
            continue
        else:
            break
    return hi


def _has_modal(tok) -> bool:
    return any(x.lower_ in MODAL_WORDS and x.dep_ in ("aux", "auxpass") for x in tok.subtree)


def _cut_finite(doc, trigger, lo: int, hi: int) -> tuple[int, int]:
    """End the goal before a conjoined *finite* verb: "agreed to revive X and called for Y" has
    two goals, not one ("called" cannot continue an infinitive)."""
    for i in range(lo, hi + 1):
        t = doc[i]
        if t.dep_ == "conj" and t.tag_ in ("VBD", "VBZ") and t.head.i != trigger.i and lo <= t.head.i <= hi:
            return lo, t.left_edge.i - 1
    return lo, hi


def _time_phrase(prep) -> bool:
    """"on Monday", "on 3 May", "in 2025": a preposition whose object is a date or time."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and (obj.ent_type_ in ("DATE", "TIME") or obj.lower_ in WEEKDAYS)


def _verb_goal(tok, lemma: str):
    """(first goal token, last goal token) after a goal verb, or None."""
    # ("agreed on Monday to build ...", "pledged on 3 May to ...": when, not what)
    rights = [c for c in tok.rights if not (c.dep_ == "prep" and _time_phrase(c))]
    comps = [c for c in rights if c.dep_ in COMP_DEPS or (c.dep_ == "prep" and c.lemma_.lower() in GOAL_PREPS)]
    if lemma in ASKING_VERBS:
        # "request the CEO, Dr. N, to prepare a plan": what the object is to do is the point, and
        # the goal runs from the object to the infinitive's end (an appositive the parse hung on
        # the verb in between does not end it)
        obj = next((c for c in rights if c.dep_ == "dobj"), None)
        inf = next((c for c in rights if obj is not None and c.i > obj.i and c.dep_ == "xcomp"
                    and any(x.lower_ == "to" and x.dep_ == "aux" for x in c.children)), None)
        if inf is not None:
            return obj.left_edge.i, _extend_right(tok, [inf])
        if obj is not None and any(t.i > obj.right_edge.i and t.tag_ == "VB" and any(x.lower_ == "to" and x.dep_ == "aux"
                                                                          for x in t.children) for t in tok.subtree):
            return None  # "We ask the Panel, chaired by ..., to present ...": the Panel's task, parsed apart
        # ("urged restraint", "requested an extension": what is asked for is the goal, as before)
    if lemma == "call":
        # ("called on trawler operators to fit ...": the parser may read "on" as a particle)
        preps = [c for c in rights if c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on", "upon")]
        if not preps:
            return None
        comps = [preps[0]]
    elif lemma == "work":
        if not any(c.lower_ == "together" for c in tok.children) and not any(c.dep_ in ("xcomp", "advcl") for c in rights):
            return None
        comps = [c for c in rights if c.dep_ in ("xcomp", "advcl", "prep")] or comps
    elif lemma in NEED_MODAL:
        comps = [c for c in comps if c.dep_ == "xcomp" or (c.dep_ == "ccomp" and _has_modal(c))
                 or (c.dep_ == "prep" and c.lower_ in ("on", "to", "for"))]
    inf = next((c for c in rights if c.dep_ == "advcl" and any(x.lower_ == "to" and x.dep_ == "aux" for x in c.children)), None)
    if inf is not None and (not comps or inf.i < comps[0].i) and lemma not in ASKING_VERBS | {"call"}:
        # "Commit to reduce nitrogen loads by 15 percent and phosphorus loads by 20 percent": the
        # parser reads the infinitive as a clause of purpose and hangs a gapped second object on the
        # goal verb; the aim starts at "reduce" (round 76)
        comps = [inf, *comps]
    if not comps:
        return None
    first = comps[0]
    lo = first.left_edge.i if first.dep_ != "prt" else first.i + 1  # (whom a call is on, without the "on")
    hi = _extend_right(tok, [first])
    return lo, hi


def find_goals(doc) -> list[GoalMention]:
    """Every top-level stated goal in one sentence's parse."""
    found: list[GoalMention] = []
    shadow: set[int] = set()  # the words of a passive goal verb's complement
    # a set lookup per token: far cheaper than one regex over a long alternation of trigger words
    for tok in doc:
        if tok.lower_ not in TRIGGER_LOWER or tok.i in shadow:
            continue
        lemma = tok.lemma_.lower()
        span = None
        subj = None
        verb = lemma
        if tok.pos_ == "VERB" and goal_lemma(tok) and any(c.dep_ == "auxpass" for c in tok.children):
            # "The compact is backed by USD 9.5 million from the GEF": what others give it, no aim;
            # nor what follows ("Gavi is expected to begin supporting ...": a forecast)
            shadow |= {t.i for c in tok.rights for t in c.subtree}
            continue
        if tok.pos_ == "VERB" and goal_lemma(tok) and any(c.lower_ in ("would", "could", "might") and c.dep_ == "aux"
                                                          for c in tok.children) and tok.dep_ != "ccomp":
            continue  # "Under this compact, member states would agree to ...": what they would do, not what they did (round 63)
        if operative_noun(doc, tok):
            # "5. Pledge to restore ...": a paragraph's verb the tagger read as a name
            lemma = verb = tok.lower_
            comp = next((c for c in tok.rights if c.dep_ in ("acl", "relcl", "xcomp", "advcl", "ccomp")
                         or (lemma == "call" and c.dep_ == "prep" and c.lower_ in ("on", "upon", "for"))), None)
            span = (comp.left_edge.i, _extend_right(tok, [comp])) if comp is not None else None
        elif tok.pos_ == "VERB" and goal_lemma(tok):
            lemma = verb = goal_lemma(tok)
            span = _verb_goal(tok, lemma)
            if span is not None:
                span = _cut_finite(doc, tok, *span)
            subj = _subject(tok)
        elif tok.pos_ == "ADJ" and lemma in READY_ADJECTIVES:
            x = next((c for c in tok.rights if c.dep_ in ("xcomp", "prep")), None)
            if x is None or (x.dep_ == "prep" and x.lower_ != "to"):
                continue
            lo = x.left_edge.i
            hi = x.right_edge.i
            head = tok.head
            for c in head.rights:  # "is willing to A, and B" with B conjoined to "is"
                if c.i > hi and _bare_conj(c):
                    hi = c.right_edge.i
            span = (lo, hi)
            subj = _subject(tok)
        elif tok.pos_ == "NOUN" and lemma in GOAL_NOUNS and tok.dep_ in ("dobj", "attr", "pobj"):
            comp = next((c for c in tok.rights if c.dep_ in ("acl", "ccomp", "relcl") and any(
                m.dep_ == "mark" or m.lower_ == "to" for m in c.children)
                or (c.dep_ == "prep" and c.lower_ in ("for", "to"))), None)
            if comp is None:
                continue
            if any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.children):
                continue  # "the commission flagged Almaty's plan to build ...": Almaty's aim, not the flagger's
            governor = tok.head if tok.dep_ != "pobj" else tok.head.head
            subj = _subject(governor)
            span = (comp.left_edge.i, comp.right_edge.i)
        elif tok.lower_ in MODALS and tok.dep_ == "aux":
            v = tok.head
            subj = next((c for c in v.children if c.dep_ in SUBJ_DEPS), None)
            ends = [v.i] + [c.right_edge.i for c in v.rights if c.dep_ not in ("parataxis",) and not (
                c.dep_ == "punct" and c.i == v.right_edge.i)]
            span = (tok.i + 1, max(ends))
            verb = "should"
        else:
            continue
        implicit = subj is None and span is not None and implicit_subject(doc, tok)
        if span is None or (subj is None and not implicit) or (subj is not None and subj.i == tok.i):
            continue
        lo, hi = trim(doc, *span, lead_deps=("punct", "cc", "mark", "aux", "prep") if verb != "should" else ("punct",),
                      lead_words=("that", "to"))
        if hi - lo < 1:
            continue
        actor = "We" if implicit else actor_text(doc, antecedent(subj))
        if not actor or actor.lower() in PRONOUN_ACTORS or _reporting_only(doc, tok):
            continue
        goal = DANGLING.sub("", TRAILING_ATTRIBUTION.sub("", slice_text(doc, lo, hi))).strip(" ,;")
        if doc[lo].pos_ != "PROPN" and goal[:1].isupper() and not goal[:2].isupper() \
                and doc[lo].ent_type_ not in ("NORP", "GPE"):  # ("Saudi companies to invest ...")
            goal = goal[0].lower() + goal[1:]
        found.append(GoalMention(actor, verb, goal, list_items(doc, lo, hi), tok.i, lo, hi))
    from .plans import future_and_purpose_goals  # (the plans pass builds on this module's parts)

    found += future_and_purpose_goals(doc, found)
    # a goal inside another goal's phrase is the same statement: keep the outer one
    top = [g for g in found if not any(o is not g and o.lo <= g.trigger <= o.hi for o in found)]
    return top


def _reporting_only(doc, tok) -> bool:
    """A goal verb inside a quotation's attribution ("..., he said") is still the goal; this only
    drops triggers that are themselves negated ("did not agree to", "has no plans to")."""
    return any(c.dep_ == "neg" for c in tok.children)
