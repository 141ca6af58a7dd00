"""The verbs goals are stated with, and the tense a statement or question says them back in: a
plan told in the future stays a plan ("will seek"), an aim told in the present stays one ("aims")."""

from __future__ import annotations

import re
from typing import Any

from .render import plural

# verb lemma -> (question ending for a noun-phrase goal, declarative verb for it,
#                question ending for an infinitive goal, declarative verb for it)
GOAL_VERBS: dict[str, tuple[str | None, str | None, str | None, str | None]] = {
    "call": ("call for", "called for", None, None),
    "hope": ("hope for", "hoped for", "hope to do", "hoped to"),
    "urge": ("urge", "urged", None, None),
    "pledge": ("pledge", "pledged", "pledge to do", "pledged to"),
    "support": ("support", "supported", None, None),
    "back": ("back", "backed", None, None),
    "aim": ("aim for", "aimed for", "aim to do", "aimed to"),
    "want": ("want", "wanted", "want to do", "wanted to"),
    "seek": ("seek", "sought", "seek to do", "sought to"),
    "insist": ("insist on", "insisted on", None, None),
    "commit": ("commit to", "committed to", None, None),
    "vow": (None, None, "vow to do", "vowed to"),
    "promise": ("promise", "promised", "promise to do", "promised to"),
    "undertake": (None, None, "undertake to do", "undertook to"),  # ("Fiji undertook to finalise ...", round 206)
    "agree": (None, None, "agree to do", "agreed to"),
    "plan": (None, None, "plan to do", "planned to"),
    "intend": (None, None, "intend to do", "intended to"),
    "strive": ("strive for", "strove for", "strive to do", "strove to"),
    "advocate": ("advocate", "advocated", None, None),
    "propose": ("propose", "proposed", None, None),
    "demand": ("demand", "demanded", None, None),
    "welcome": ("welcome", "welcomed", None, None),
    "oppose": ("oppose", "opposed", None, None),
    "work": (None, None, "work together to do", "worked together to"),
    "wish": ("wish for", "wished for", "wish to do", "wished to"),
    # copular: "China is willing to ...", "The Russian side stands ready to ..."
    "willing": (None, None, "{be} willing to do", "{be} willing to"),
    "ready": (None, None, "{be} ready to do", "{be} ready to"),
    "commitment": ("commit to", "committed to", None, None),
    "threaten": (None, None, "threaten to do", "threatened to"),
    "decide": (None, None, "decide to do", "decided to"),
    "vote": (None, None, "vote to do", "voted to"),
    "resolve": (None, None, "resolve to do", "resolved to"),
    "ask": ("ask for", "asked for", None, None),
    "offer": (None, None, "offer to do", "offered to"),
    "request": ("request", "requested", None, None),
    "recommend": ("recommend", "recommended", None, None),
    "prefer": ("prefer", "preferred", None, None),
    # "X will ...": a plan stated in the future tense (question and statement keep "will")
    "will": (None, None, "will do", "will"),
}


# Present-tense forms of the goal verbs ("aims", "strives", "works"), for questions that keep the
# source's tense ("What does Interpol work to do?" rather than "What did ...").
_PRESENT = {"call": "calls", "hope": "hopes", "urge": "urges", "pledge": "pledges", "support": "supports",
            "back": "backs", "aim": "aims", "want": "wants", "seek": "seeks", "insist": "insists",
            "commit": "commits", "vow": "vows", "promise": "promises", "agree": "agrees", "plan": "plans",
            "intend": "intends", "strive": "strives", "advocate": "advocates", "propose": "proposes",
            "demand": "demands", "welcome": "welcomes", "oppose": "opposes", "work": "works",
            "wish": "wishes", "threaten": "threatens", "decide": "decides", "ask": "asks", "offer": "offers",
            "request": "requests", "recommend": "recommends", "prefer": "prefers", "undertake": "undertakes"}


def present_tense(v: Any) -> bool:
    """Does the source state the goal in the present ("Interpol works to help ...", "the bloc
    aims to ...")? Then the question asks "What does ..." and not "What did ..."."""
    form = _PRESENT.get(v.verb)
    if form is None:
        return False
    base = v.verb
    before = v.sentence.split(v.goal)[0] if v.goal in v.sentence else v.sentence
    return bool(re.search(rf"\b(?:{form}|(?:do|does)\s+{base})\b", before)) or (
        plural(v.actor) and bool(re.search(rf"\b{base}\b", before))
        and not re.search(rf"\b(?:did|to|will|would)\s+{base}\b", before))


def future_tense(v: Any) -> bool:
    """Does the source state the goal in the future ("Burundi will seek funding ...", "the fund will
    support farmers ...")? Told in the past, a plan reads as done (round 47)."""
    if v.verb in ("will", "should"):
        return False
    before = v.sentence.split(v.goal)[0] if v.goal in v.sentence else v.sentence
    return bool(re.search(rf"\b(?:will|shall)\s+(?:\w+ly\s+|also\s+|then\s+)?{v.verb}\b", before))


def goal_aux(v: Any) -> str:
    """The auxiliary a question about the aim takes in the tense the source states it: "will" for a
    plan told in the future, "do"/"does" for one told in the present, else "did"."""
    if future_tense(v):
        return "will"
    if present_tense(v) and v.verb not in _DONE_IN_SAYING:
        return "do" if plural(v.actor) else "does"
    return "did"


# Verbs whose present is an act done in the saying ("We agree to ...", "We pledge to ..."): asked
# after the statement, the act is past ("By what year did the ministers agree to ...?").
_DONE_IN_SAYING = frozenset({"agree", "decide", "resolve", "pledge", "commit", "undertake", "promise", "vow"})
