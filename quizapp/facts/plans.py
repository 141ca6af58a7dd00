"""Plans, decisions and purposes: the aims a sentence states without a goal verb.

``goals.find_goals`` reads what a goal verb, noun or adjective states ("aims to", "calls on ...
to", "the hope that", "willing to"); this pass, run after it on the same parse, adds plans in the
future tense ("the Committee will consider ..."), a plan told in the passive ("will be chaired by
NAME": NAME will chair it), the purposes of actions ("approved two projects to improve ...") and
plan nouns with an infinitive ("the decision to establish ..."), and drops what that pass
already found. Kept apart from ``goals`` for size only.
"""

from __future__ import annotations

import re

from .goals import (
    PRONOUN_ACTORS,
    TRAILING_ATTRIBUTION,
    GoalMention,
    _subject,
    actor_text,
    antecedent,
    goal_lemma,
    implicit_subject,
)
from .lexicon import ASKING_VERBS, GOAL_NOUNS, REPORTING_VERBS
from .spans import list_items, slice_text, trim

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
             "rise", "happen", "receive", "get", "depend", "take place", "say", "tell", "know", "find",
             # "expanded its mandate to include monitoring of ...": what a thing came to hold (round 86)
             "include", "cover", "comprise", "contain"}
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
                     "time", "chance", "room", "moment", "reason", "right", "ability",
                     # "had not breached its obligation to notify Chile": a duty owed, no aim (round 99)
                     "obligation", "duty", "responsibility", "requirement"}


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


def future_and_purpose_goals(doc, found: list[GoalMention]) -> list[GoalMention]:
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
                if subj is not None and any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in subj.head.children):
                    continue  # "Whether ministers approve ..., will show whether ...": no one's plan (round 84)
            if subj is not None and subj.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                subj = v.head  # "President NAME, the current chair, who will hand over ..."
            if any(c.dep_ == "dobj" and c.lower_ in ("that", "which", "whom") and c.i < v.i for c in v.children):
                continue  # "the desks that RURA and REMA will open at the taxi parks": what they open is
                # the noun before, which the clause leaves out (round 84)
            if not _agentive(subj):
                continue
            g = _goal_of_span(doc, subj, "will", v.i, _verb_phrase_end(v), tok.i)
        elif tok.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children) \
                and tok.dep_ in ("advcl", "acl", "relcl", "xcomp"):
            if tok.i > 0 and doc[tok.i - 1].tag_ == "MD":
                continue  # "the ambitions leaders have signed up to will stall": a modal's verb, no infinitive (round 102)
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
                won = not plan_noun and governor.lemma_.lower() in ("win", "secure", "earn", "obtain", "receive", "get")
                if not plan_noun and governor.lemma_.lower() == "lose":
                    continue  # "Ruhpolding lost the vote to host ...": no aim, no plan
                if acknowledging and _owned_by_another(head):
                    continue  # "We welcome Romania's offer to host ...": Romania's aim, not ours
                if any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in head.children):
                    continue  # "the commission flagged Almaty's plan to build ...": Almaty's, not the flagger's
                subj = _subject(governor) if governor.pos_ in ("VERB", "AUX") else None
                if subj is None and head.dep_ in ("nsubj",):
                    continue
                if subj is None:
                    continue
                # ("Namibia wins the vote to host ...": what it will do, not what it aimed at; session 26)
                verb = "will" if won else "aim"
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
