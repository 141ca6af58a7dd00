"""How a stated goal reads: as a statement ("Gavi aims to ..."), as a question ("What does Gavi
aim to do?"), told in its declaration ("In a joint declaration adopted in Brussels in October
2024, ..."), and the shorter forms a typed answer may take. Pure; works on ``goal_views.GoalView``.
"""

from __future__ import annotations

import re

from ..facts.dates import MONTH
from .goal_verbs import _PRESENT, GOAL_VERBS, future_tense, goal_aux, present_tense
from .goal_views import GoalView
from .normalise import contains_phrase
from .render import FUNCTION_END, mid, plural, with_the
from .sentences import cap


def goal_question(v: GoalView) -> str | None:
    """A wh-question whose answer is the goal, using the goal's own verb; None if no fit."""
    a = mid(v.actor)
    if v.verb == "should":
        if v.form != "vp":
            return None
        if v.speaker and not contains_phrase(a, v.speaker):
            return f"According to {v.speaker}, what should {a} do?"
        return None
    entry = GOAL_VERBS.get(v.verb)
    if entry is None:
        return None
    np_q, _, vp_q, _ = entry
    if v.verb == "will":
        return f"What will {a} do, according to the article?" if v.form == "vp" else None
    did = goal_aux(v)
    if v.form == "np" and np_q:
        return f"What {did} {a} {np_q}?"
    if v.form == "vp" and vp_q and "{be}" in vp_q:
        return f"What {'are' if plural(v.actor) else 'is'} {a} {vp_q.replace('{be} ', '')}?"
    if v.form == "vp" and vp_q:
        if v.verb == "work" and "together" not in v.sentence:
            vp_q = vp_q.replace(" together", "")
        return f"What {did} {a} {vp_q}?"
    if v.form == "clause" and v.verb in ("hope", "agree", "want", "expect"):
        return f"What did {a} {'express hope' if v.verb == 'hope' else v.verb} would happen?" \
            if re.search(r"\bwould\b", v.goal) else None
    return None


def _should_lead(v: GoalView) -> str:
    """Who says who should act: "Wang said that China and Russia", or the actor alone when the
    speaker is one of them (or unknown)."""
    a = v.actor
    return f"{v.speaker} said that {mid(a)}" if v.speaker and not contains_phrase(a, v.speaker) else a


def goal_statement(v: GoalView, goal: str | None = None) -> str | None:
    """A plain declarative sentence: "China and Russia called for closer coordination."."""
    g = goal if goal is not None else v.goal
    a = re.sub(r"^\(?\d{1,2}(?:\.\d{1,2})*[.)]?\s+(?=[A-Z])", "", v.actor)  # "4.3 Uganda offered ...": a paragraph's number
    if v.verb == "should":
        return f"{cap(_should_lead(v))} should {g}." if v.form == "vp" else None
    entry = GOAL_VERBS.get(v.verb)
    if entry is None:
        return None
    _, np_d, _, vp_d = entry
    if future_tense(v):
        np_d = np_d and " ".join([f"will {v.verb}", *np_d.split()[1:]])
        vp_d = vp_d and "{be}" not in vp_d and " ".join([f"will {v.verb}", *vp_d.split()[1:]]) or vp_d
    elif v.verb != "will" and present_tense(v):
        pres = v.verb if plural(v.actor) else _PRESENT[v.verb]
        np_d = np_d and " ".join([pres, *np_d.split()[1:]])
        vp_d = vp_d and "{be}" not in vp_d and " ".join([pres, *vp_d.split()[1:]]) or vp_d
    if v.verb == "work" and "together" not in v.sentence and vp_d:
        vp_d = vp_d.replace(" together", "")
    if v.verb == "ask" and np_d and re.match(r"[^,;]+?\bto\s+[a-z]", g):  # "asked its members to sign ..."
        np_d = np_d.removesuffix(" for")
    a = with_the(a)
    front = fronted_time(v)
    if front:  # "On 1 January, Norway will take over the presidency": without it, when?
        a = f"{front}, {a}"
    if v.form == "np" and np_d:
        return f"{cap(a)} {np_d} {g}."
    if v.form == "vp" and vp_d:
        return f"{cap(a)} {vp_d.replace('{be}', 'are' if plural(v.actor) else 'is')} {g}."
    if v.form == "clause" and v.verb == "hope":
        return f"{cap(a)} expressed hope that {g}."
    return None


TIME_WORD = re.compile(rf"\b(?:{MONTH}|(?:19|20)\d\d|year|month|week|season|quarter|spring|summer|autumn|fall|winter|"
                       r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_FRONT = re.compile(r"^(?:[^\w]*\d{1,2}[:.]\d{2}\s*[-–—:]\s*)?(?P<front>(?:On|In|From|By|Since|Starting|Beginning|As of|"
                    r"Early|Later|Late|Next|This|Last)\b[^,;:\"“”]{1,40}"
                    # ("In the first season, 2025-2026, ACSAD plans to ...", round 187)
                    r"(?:,\s+(?:19|20)\d\d(?:[-–/](?:19|20)?\d\d)?)?),\s+")


def fronted_time(v: GoalView) -> str | None:
    """The time phrase the source sentence opens with, before the aim's party ("On 1 January,
    Norway will take over ..."): part of what the statement says, or it says no when."""
    m = _FRONT.match(v.sentence.strip())
    if not m or not TIME_WORD.search(m.group("front")) or TIME_WORD.search(v.goal):
        return None
    rest = v.sentence.strip()[m.end():]
    actor = re.sub(r"^(?:the|The)\s+", "", v.actor)
    if not re.match(rf"(?:the\s+|The\s+)?{re.escape(actor)}\b", rest):
        return None  # the phrase is another clause's, or the party was named elsewhere
    return m.group("front")


# Where and when a declaration's or communiqué's parties met, as its preamble says ("We, the
# Ministers ..., having met in Samarkand, Uzbekistan, on 25 September 2025", "The ministers of A, B
# and C, meeting in Cartagena de Indias, Colombia, on 21 and 22 November 2024, adopted ...").
_MET_IN = re.compile(
    # ("met their New Zealand counterparts, ..., in Christchurch on 18-19 September 2025", round 195)
    r"\b(?:meeting|met|having\s+met|gathered|assembled|convened)(?:\s+(?:their|its|his|her)\s+[^.;]{0,160}?)?"
    r"\s+in\s+(?P<place>[A-Z][\w'’.-]*"
    r"(?:\s+(?:de\s+(?:la\s+)?|del\s+)?[A-Z][\w'’.-]*){0,3}),?(?:\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3},)?"
    r"\s+(?:on|from)\s+(?:\d{1,2}(?:\s*(?:and|-|–|to)\s*\d{1,2})?\s+)?(?P<month>"
    rf"{MONTH})\s+(?:\d{1,2},?\s+)?(?P<year>(?:19|20)\d\d)\b")


# A preamble that says where its parties met but not when ("We, the Ministers of the Interior of A, B
# and C, meeting in Karlovy Vary under the Czech Presidency ..."): the month of writing says when.
_MET_AT = re.compile(r"\b(?:meeting|met|having\s+met|gathered|assembled|convened)\s+in\s+(?P<place>[A-Z][\w'’.-]*"
                     r"(?:\s+(?:de\s+(?:la\s+)?|del\s+)?[A-Z][\w'’.-]*){0,3})\b(?!\s+(?:on|from)\s)")


def occasion(v: GoalView) -> str | None:
    """"In a joint declaration adopted in Samarkand in September 2025": the text an aim of a
    declaration's parties was stated in, from the preamble cited with it. Blind raters failed
    such aims told bare ("... call for all persons with knowledge of graves to come forward":
    which declaration?)."""
    for src in getattr(v.fact, "sources", ()):
        m = _MET_IN.search(src.sentence)
        if m is None or not re.match(r"\s*(?:\d+[.)]\s+)?(?:We,|The\s+(?:\w+\s+){0,4}?[Mm]inisters?\b)", src.sentence):
            continue
        return f"In a {_text_kind(src.sentence)} adopted in {m.group('place')} in {m.group('month')} {m.group('year')}"
    for src in getattr(v.fact, "sources", ()):
        m = _MET_AT.search(src.sentence)
        if m is None or v.when is None or not re.match(r"\s*(?:\d+[.)]\s+)?We,\s", src.sentence):
            continue
        return f"In a {_text_kind(src.sentence)} adopted in {m.group('place')} in {v.when}"
    return None


def _text_kind(preamble: str) -> str:
    """What the preamble says its text is: a joint communiqué, statement or (by default) declaration."""
    return "joint communiqué" if re.search(r"\bcommuniqu[eé]\b", preamble, re.I) else \
        "joint statement" if re.search(r"\bstatement\b", preamble, re.I) else "joint declaration"


def with_occasion(statement: str | None, v: GoalView) -> str | None:
    """``statement`` told as stated in its declaration (``occasion``), unless it says where already."""
    told = occasion(v)
    if not statement or told is None or fronted_time(v):
        return statement
    place = told.split(" adopted in ", 1)[1].rsplit(" in ", 1)[0]
    if place in statement:
        return statement
    rest = "the " + statement[4:] if statement.startswith("The ") else statement
    # "In a joint declaration adopted in June 2025, A, B and C [will ->] pledged to expand ...": a
    # text of the past tells its future as what was pledged (session 27)
    head = "the " + v.actor[4:] if v.actor.startswith("The ") else v.actor
    if rest.startswith(head + " will "):
        rest = f"{head} pledged to {rest[len(head) + 6:]}"
    return f"{told}, {rest}"


def short_forms(goal: str) -> list[str]:
    """Shorter typed answers a grader may also accept: "closer coordination on Afghanistan" ->
    "closer coordination" (the head phrase before a trailing prepositional phrase)."""
    m = re.match(r"^((?:\S+\s+){1,4}?\S+)\s+(?:on|in|with|for|to|across|within|between)\s+\S", goal)
    if m and len(m.group(1).split()) >= 2 and m.group(1).split()[-1].lower() not in FUNCTION_END:
        return [m.group(1)]
    return []


def list_items(goal: str) -> list[str]:
    """Single-word members of a list inside a goal ("independent, neutral, united and peaceful")."""
    m = re.search(r"((?:[\w-]+,\s+){1,}[\w-]+,?\s+and\s+[\w-]+)\s+\w+", goal)
    if not m:
        return []
    items = [w.strip() for w in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group(1)) if w.strip()]
    if len(items) < 3 or any(" " in i or not i.isalpha() and "-" not in i for i in items):
        return []
    return items
