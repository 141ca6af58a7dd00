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
    for _ in range(depth):
        subj = next((c for c in cur.children if c.dep_ in SUBJ_DEPS), None)
        if subj is not None:
            return subj
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
    operative = first.i == tok.i and tok.tag_ in ("VB", "VBP") and tok.text[:1].isupper()
    return tok.tag_ in ("VBD", "VBN") or first.lower_ == "to" or operative


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
        preps = [c for c in rights if c.dep_ == "prep" and c.lower_ in ("for", "on", "upon")]
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
    if not comps:
        return None
    first = comps[0]
    lo = first.left_edge.i
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
        if tok.pos_ == "VERB" and goal_lemma(tok):
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
        if doc[lo].pos_ != "PROPN" and goal[:1].isupper() and not goal[:2].isupper():
            goal = goal[0].lower() + goal[1:]
        found.append(GoalMention(actor, verb, goal, list_items(doc, lo, hi), tok.i, lo, hi))
    found += _future_and_purpose_goals(doc, found)
    # a goal inside another goal's phrase is the same statement: keep the outer one
    top = [g for g in found if not any(o is not g and o.lo <= g.trigger <= o.hi for o in found)]
    return top


# ---------------------------------------------------------------- plans, decisions and purposes
# Subjects that can hold a plan: bodies, governments, people and the words news uses for them.
AGENT_NOUNS = {
    "government", "governments", "ministry", "ministers", "minister", "leaders", "leader", "countries",
    "country", "nations", "nation", "states", "state", "members", "member", "parties", "party", "sides",
    "side", "bloc", "alliance", "union", "bank", "committee", "council", "commission", "agency", "board",
    "organisation", "organization", "body", "group", "authority", "authorities", "delegates", "delegations",
    "summit", "assembly", "parliament", "president", "chair", "secretariat", "fund", "federation", "team",
    "officials", "allies", "partners", "regulator", "company", "we", "i", "mission", "community", "forum",
    "conference", "meeting", "court", "secretary-general", "director-general", "envoy", "project", "programme",
    "program", "initiative", "plan", "treaty", "agreement", "declaration", "framework", "facility",
    "secretary", "director", "governor", "chairman", "chairwoman", "chairperson", "head", "chief", "presidency", "leadership", "host",
}
# Verbs a planned action does not use: states and happenings, not aims.
NOT_PLANS = {"be", "have", "remain", "become", "need", "face", "see", "lose", "suffer", "cost", "fall",
             "rise", "happen", "receive", "get", "depend", "take place", "say", "tell", "know", "find"}
# Nouns that announce an aim when followed by "to" + verb ("the decision to establish ...").
PLAN_NOUNS = GOAL_NOUNS | {"decision", "keenness", "effort", "efforts", "bid", "plan", "plans", "intention",
                           "objective", "objectives", "ambition", "readiness", "willingness", "resolve",
                           "mandate", "mission", "push", "drive", "move", "proposal", "agreement", "deal",
                           "initiative", "strategy", "programme", "program", "project", "campaign", "need",
                           "roadmap", "measures", "steps", "framework", "fund", "facility", "process",
                           "resolution", "decisions", "commitments", "priority", "priorities",
                           "platform", "mechanism", "agenda", "action", "target", "targets"}
# Heads whose "to"-clause is not a purpose ("is due to", "used to", "in order to" is handled as purpose).
NOT_PURPOSE_HEADS = {"be", "seem", "appear", "happen", "tend", "use", "go", "have", "continue", "begin",
                     "start", "fail", "manage", "come", "refuse", "hesitate", "say", "tell", "expect",
                     "likely", "able", "unable", "due", "going", "set", "about", "allow", "enable",
                     # "there will be time to assess ...", "the chance to see ...": what is possible, not aimed at
                     # (but "an opportunity to decide", "a way to secure funds" state aims)
                     "time", "chance", "room", "moment", "reason", "right", "ability"}


# Verbs with which one party takes note of another's plan ("We welcome Romania's offer to host ...",
# "We thank Bulgaria for its readiness to fund ...").
_ACKNOWLEDGING = {"welcome", "thank", "accept", "note", "appreciate", "acknowledge", "commend", "praise", "support",
                  "endorse", "recognise", "recognize", "salute", "congratulate", "hail"}


def _task_of_the_asked(head) -> bool:
    """Does the infinitive hang (through asides) on a verb that asks someone to act ("ask X,
    chaired by Y, to present")? Then it is X's task, not an aim of the askers."""
    cur = head
    for _ in range(3):
        if cur.pos_ in ("VERB", "AUX") and goal_lemma(cur) in ASKING_VERBS and any(c.dep_ == "dobj" for c in cur.children):
            return True
        if cur.dep_ not in ("advcl", "acl", "xcomp", "conj") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _owned_by_another(noun) -> bool:
    """Does the plan noun belong to a party named on it ("Romania's offer", "its readiness", "the
    offer of Serbia", "the proposal by Brazil"), other than the speakers' own ("our offer")?"""
    for c in noun.children:
        if c.dep_ == "poss" and c.lower_ not in ("our", "my"):
            return True
        if c.dep_ == "prep" and c.lower_ in ("of", "by", "from") and any(g.pos_ == "PROPN" for g in c.children):
            return True
    return False


def _reporting_only(doc, tok) -> bool:
    """A goal verb inside a quotation's attribution ("..., he said") is still the goal; this only
    drops triggers that are themselves negated ("did not agree to", "has no plans to")."""
    return any(c.dep_ == "neg" for c in tok.children)


def _agentive(subj) -> bool:
    if subj is None:
        return False
    if subj.lower_ in PRONOUN_ACTORS:
        return False
    if subj.pos_ == "PROPN" or subj.ent_type_ in ("ORG", "GPE", "NORP", "PERSON"):
        return True
    return subj.lower_ in AGENT_NOUNS or subj.lemma_.lower() in AGENT_NOUNS


def _goal_of_span(doc, subj, verb: str, lo: int, hi: int, trigger: int):
    lo, hi = trim(doc, lo, hi, lead_deps=("punct", "cc", "mark", "aux"), lead_words=("that", "to"))
    if hi - lo < 1:
        return None
    actor = actor_text(doc, antecedent(subj))
    if not actor or actor.lower() in PRONOUN_ACTORS:
        return None
    goal = TRAILING_ATTRIBUTION.sub("", slice_text(doc, lo, hi)).strip(" ,;")
    if len(goal.split()) < 2 or len(goal.split()) > 45:
        return None
    if doc[lo].pos_ != "PROPN" and goal[:1].isupper() and not goal[:2].isupper():
        goal = goal[0].lower() + goal[1:]
    return GoalMention(actor, verb, goal, list_items(doc, lo, hi), trigger, lo, hi)


def _passive_plan(doc, v, trigger: int):
    agent = next((c for c in v.children if c.dep_ == "agent"), None)
    subj = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if by is None or subj is None or subj.pos_ == "PRON":
        return None
    named = next((c for c in by.subtree if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if named is None:
        # the parser may hang ", NAME" on the verb instead of the agent
        edge = by.right_edge.i
        named = next((c for c in v.children if c.pos_ == "PROPN" and c.dep_ in ("npadvmod", "appos", "dep")
                      and c.left_edge.i == edge + 2 and doc[edge + 1].text == ","), None)
    if named is not None:
        by = named  # "by the general secretary of the CAN, Jorge Hernando Pedraza"
    if not _agentive(by):
        return None
    actor = actor_text(doc, by)
    obj = slice_text(doc, subj.left_edge.i, subj.right_edge.i)
    obj = re.sub(r"^The\b", "the", obj)
    lemma = v.lemma_.lower()
    if not actor or not obj or len(obj.split()) > 12 or not lemma.isalpha():
        return None
    return GoalMention(actor, "will", f"{lemma} {obj}", [], trigger, v.i, v.i)


def _verb_phrase_end(v) -> int:
    ends = [v.i] + [c.right_edge.i for c in v.rights if c.dep_ not in ("parataxis", "advcl", "relcl") and not (
        c.dep_ == "punct" and c.i == v.right_edge.i) and not (c.dep_ == "cc")]
    hi = max(ends)
    for c in v.rights:  # "will consider X and decide Y": conjoined bare verbs continue the plan
        if c.i > hi and c.dep_ == "conj" and c.tag_ == "VB":
            hi = max(hi, c.right_edge.i)
    return hi


def _future_and_purpose_goals(doc, found: list[GoalMention]) -> list[GoalMention]:
    """Plans in the future tense ("the Committee will consider ..."), purposes of actions ("approved
    two projects to improve ...", "organised a conference to gather ...") and plan nouns with an
    infinitive ("the decision to establish ..."): the shapes releases and communiqués state aims in."""
    out: list[GoalMention] = []
    busy = {g.trigger for g in found} | {i for g in found for i in range(g.lo, g.hi + 1)}
    for tok in doc:
        if tok.i in busy:
            continue
        g = None
        if tok.tag_ == "VB" and implicit_subject(doc, tok) and doc[tok.i - 1].lower_ == "to":
            # a plan's list item: "to advance the approval of ...;" under "The Presidency will ..."
            lo, hi = tok.i, _verb_phrase_end(tok)
            lo, hi = trim(doc, lo, hi, lead_deps=("punct",))
            goal = slice_text(doc, lo, hi)
            if 2 <= len(goal.split()) <= 45:
                out.append(GoalMention("We", "aim", goal, list_items(doc, lo, hi), tok.i, lo, hi))
                busy |= set(range(lo, hi + 1))
            continue
        reported_would = tok.lower_ == "would" and tok.dep_ == "aux" and tok.head.dep_ == "ccomp" \
            and tok.head.head.lemma_.lower() in REPORTING_VERBS | {"announce", "warn", "pledge", "promise"}
        if (tok.lower_ in ("will", "shall") or reported_would) and tok.dep_ == "aux" and tok.head.pos_ in ("VERB", "AUX"):
            v = tok.head
            if v.lemma_.lower() in NOT_PLANS or any(c.dep_ == "neg" for c in v.children) or v.i in busy:
                continue
            if any(c.dep_ == "auxpass" for c in v.children):
                # "The transfer will be chaired by the general secretary": the agent's plan, read
                # back in the active voice ("chair the transfer"); without an agent, a scheduled
                # event ("will be held"), dated elsewhere, not an aim
                g = _passive_plan(doc, v, tok.i)
                if g is not None:
                    out.append(g)
                    busy |= set(range(g.lo, g.hi + 1))
                continue
            subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
            if subj is None and v.dep_ == "conj":
                subj = _subject(v)  # "X was elected ... and will take up the post"
            if subj is not None and subj.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                subj = v.head  # "President NAME, the current chair, who will hand over ..."
            if not _agentive(subj):
                continue
            g = _goal_of_span(doc, subj, "will", v.i, _verb_phrase_end(v), tok.i)
        elif tok.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children) \
                and tok.dep_ in ("advcl", "acl", "relcl", "xcomp"):
            head = tok.head
            # "efforts to implement", "his keenness to enhance": the noun right before "to" owns
            # the aim even when the parser hung the verb elsewhere
            before = doc[tok.i - 2] if tok.i >= 2 and doc[tok.i - 1].lower_ == "to" else None
            if before is not None and before.pos_ == "NOUN" and (before.lemma_.lower() in PLAN_NOUNS
                                                                 or before.lower_ in PLAN_NOUNS):
                head = before
            elif head.lemma_.lower() == "set" and any(c.dep_ == "prt" for c in head.children):
                pass  # "was set up ... to help": a purpose; "is set to" is not
            set_up = head.lemma_.lower() == "set" and any(c.dep_ == "prt" for c in head.children)
            if tok.lemma_.lower() in NOT_PLANS or (head.lemma_.lower() in NOT_PURPOSE_HEADS and not set_up):
                continue
            if _task_of_the_asked(head):
                continue  # "We ask the Panel, chaired by ..., to present ...": the Panel's task
            if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "ROOT" and tok.dep_ in ("acl", "relcl"):
                # a headline's "Leaders to discuss ...", "Bank to raise rates": the plan of its subject
                subj = head
                verb = "plan"
            elif head.pos_ in ("NOUN", "PROPN"):
                plan_noun = head.lemma_.lower() in PLAN_NOUNS or head.lower_ in PLAN_NOUNS
                if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
                    continue  # "the HKMA had no plans to change the band": no plan at all (round 72)
                if not plan_noun:
                    # "a conference to gather input": the organiser's purpose
                    if head.dep_ not in ("dobj", "pobj", "nsubjpass", "attr"):
                        continue
                top = head
                while top.dep_ == "conj" and top.head.i != top.i:
                    top = top.head  # "adopted a statement; ...; and a resolution to build ..."
                governor = top.head if top.dep_ != "pobj" else top.head.head
                acknowledging = governor.lemma_.lower() in _ACKNOWLEDGING or any(
                    c.dep_ == "dobj" and c.lemma_.lower() in _ACKNOWLEDGING | {"notice", "appreciation"}
                    for c in governor.children)  # ("took note of", "expressed appreciation for")
                if acknowledging and _owned_by_another(head):
                    continue  # "We welcome Romania's offer to host ...": Romania's aim, not ours
                if any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in head.children):
                    continue  # "the commission flagged Almaty's plan to build ...": Almaty's, not the flagger's
                subj = _subject(governor) if governor.pos_ in ("VERB", "AUX") else None
                if subj is None and head.dep_ in ("nsubj",):
                    continue
                if subj is None:
                    continue
                verb = "aim"
            elif head.pos_ in ("VERB", "AUX") and tok.dep_ == "xcomp" and tok.left_edge.i > 0 \
                    and doc[tok.left_edge.i - 1].text == "," and head.tag_ == "VBG":
                # "approved two projects, amounting to $47m, to improve ...": the main clause's purpose
                # (the purpose of what was approved, when the verb has an object)
                root = head
                while root.dep_ not in ("ROOT",) and root.head.i != root.i:
                    root = root.head
                subj = _subject(root)
                verb = "purpose" if any(c.dep_ == "dobj" for c in root.children) else "aim"
            elif head.pos_ in ("VERB", "AUX"):
                if tok.dep_ == "xcomp" and goal_lemma(head) is None and head.lemma_.lower() not in (
                        "decide", "threaten", "try", "undertake", "invite", "request", "choose", "move",
                        "prepare", "work", "help", "strive", "endeavour", "endeavor", "resolve"):
                    continue
                if tok.dep_ == "xcomp" and goal_lemma(head) is not None:
                    continue  # the goal-verb rule above already read it
                if head.dep_ in ("ccomp", "xcomp") and (goal_lemma(head.head) is not None
                                                        or head.head.lemma_.lower() in ("want", "expect", "hope")):
                    continue  # "it wants leaders meeting in Shenzhen to endorse ...": the wanter's aim, not the leaders'
                subj = _subject(head)
                verb = {"decide": "decide", "threaten": "threaten", "invite": "invite", "request": "ask",
                        "vote": "vote"}.get(head.lemma_.lower(), "aim")  # ("voted four to one to hold": no aim)
                if tok.dep_ == "xcomp" and verb == "aim" and head.lemma_.lower() not in ("work", "strive", "try", "help"):
                    verb = head.lemma_.lower()
                if verb == "aim" and tok.dep_ == "advcl" and any(c.dep_ == "dobj" for c in head.children):
                    # "the Board approved two projects to improve ...": the projects' purpose, which
                    # the approver does not itself pursue; kept as a fact, never asked as its aim
                    verb = "purpose"
            else:
                continue
            if subj is None or not _agentive(subj) and subj.pos_ not in ("NOUN",):
                continue
            lo = tok.left_edge.i
            g = _goal_of_span(doc, subj, verb, lo, tok.right_edge.i, tok.i)
        if g is not None:
            out.append(g)
            busy |= set(range(g.lo, g.hi + 1))
    return out
