"""An aim's deadline asked as one: "By what year does Ecuador aim to certify its squid fishery?".

Why from the aim itself: the aim's party is already resolved and checked to read on its own (the
statement a true/false item would print), so the question needs no date fact of its own. Blind
reviews passed six of eight deadline questions over rounds 37-48, against 42 of 72 true/false
restatements of aims; the two ask the same thing, so they share one slot (``aim_slot``) and a quiz
holds one of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..goal_verbs import GOAL_VERBS, goal_aux, present_tense
from ..rank import _Cand
from ..render import mid, with_the
from ..sentences import words
from ..unnamed import _definite_end

# "... by 2030", "... by the end of 2027", "... no later than 2028": a whole year, the aim's last words.
# Not "by mid-2026" or "by June 2026" (no year's deadline: "By what year" would misstate it), nor
# "by the 2027/28 season".
# ("until 2030" is how long, not by when: "keep the ban until 2030")
_LAST_DEADLINE = re.compile(r"^(?P<body>.+?),?\s+(?P<bound>by|before|no\s+later\s+than)\s+(?P<end>the\s+end\s+of\s+)?"
                            r"(?P<year>(?:19|20)\d\d)\s*\.?$", re.I | re.S)
_YEAR = re.compile(r"(?<![\w/-])(?:19|20)\d\d(?![\w/-])")

# Verbs whose aim has a deadline of its own: "By what year did X agree to ...?" asks the deadline
# agreed. Not "call for", "urge", "hope", "support": "By what year did X call for ...?" reads as when
# the call was made.
_DEADLINE_VERBS = frozenset({"aim", "plan", "seek", "intend", "commit", "commitment", "pledge", "agree",
                             "resolve", "decide", "promise", "vow", "want", "strive", "will"})


# A purpose told after a deadline ("by the end of 2025 to ensure that ..."), which asking the deadline cuts off.
PURPOSE_AFTER = re.compile(r"\s*,?\s*(?:to\s+(?:ensure|allow|enable|make\s+sure|guarantee|let)|so\s+that|in\s+order\s+to)\b")


@dataclass(frozen=True)
class Deadline:
    """An aim split at its deadline: ``body`` ("to certify its squid fishery"), the year, and
    whether the article said "the end of" it."""
    body: str
    year: int
    end_of: bool


def split_deadline(goal: str) -> Deadline | None:
    """The aim's closing whole-year deadline, or None. The aim names no other year: "to energise the
    first segment by 2029 and connect the arc by 2033" has two, "from 2024 levels" a baseline."""
    m = _LAST_DEADLINE.match(goal.strip())
    if m is None:
        return None
    body = m.group("body").strip(" ,")
    if _YEAR.search(body) or re.search(r"\b(?:and|or)\s*$", body) or len(words(body)) < 3:
        return None
    return Deadline(body, int(m.group("year")), bool(m.group("end")))


def aim_slot(article: str, sentence: str) -> str:
    """One item per sentence that states an aim: its restatement, its figure, its deadline (from the
    aim or from the date fact the same sentence gives) answer one another."""
    return f"aim|{article}|{sentence}"


def deadline_question(v: Any, body: str, actor: str | None = None) -> str | None:
    """"By what year does/did/will ACTOR VERB BODY?" in the tense the source states the aim, or
    None where the aim's verb sets no deadline of its own. ``actor`` is the party as the item
    names it (a person with their office), agreeing with ``v.actor``."""
    if v.verb not in _DEADLINE_VERBS:
        return None
    actor = mid(actor or v.actor)
    if v.verb == "will":
        return f"By what year will {actor} {body}?" if v.form == "vp" else None
    entry = GOAL_VERBS.get(v.verb)
    if entry is None:
        return None
    np_q, np_past, vp_q, vp_past = entry
    if v.form == "vp" and vp_q and "{be}" not in vp_q:
        verb, past = vp_q.removesuffix(" do"), vp_past
    elif v.form == "np" and np_q in ("commit to", "pledge"):
        verb, past = np_q, np_past  # "commit to raising the share ..."
    else:
        return None
    aux = goal_aux(v)
    if aux == "did" and v.verb in _AGREED_ACTS and past:
        # "By what year did the ministers agree to phase out ...?" reads as when they agreed, and
        # the year of the meeting then answers it too (round 113): the deadline asked in place
        return f"{actor[:1].upper()}{actor[1:]} {past} {body} by what year?"
    return f"By what year {aux} {actor} {verb} {body}?"


# Acts done once ("agreed to", "pledged to"): asked in the past, "By what year did ..." is when they were done.
_AGREED_ACTS = frozenset({"agree", "decide", "resolve", "pledge", "commit", "commitment", "promise", "vow"})
_PAST = {"agree": "agreed", "decide": "decided", "resolve": "resolved", "pledge": "pledged", "commit": "committed",
         "promise": "promised", "vow": "vowed"}
_ASKED_WHEN_DONE = re.compile(r"^By\s+(?P<wh>when|what\s+year)\s+did\s+(?P<actor>.+?)\s+(?P<verb>" + "|".join(_PAST)
                              + r")\s+(?P<rest>to\s+[^?]+)\?$")


def deadline_in_place(question: str) -> str:
    """"By when did the ministers agree to phase out X?" -> "The ministers agreed to phase out X
    by what date?": asked first, the deadline reads as when they agreed (round 113). "" when an
    aside before the deadline would swallow it."""
    m = _ASKED_WHEN_DONE.match(question)
    if m is None:
        return question
    if re.search(r",\s+(?:a|an|the)\s+[^,]+$", m.group("rest")):
        return ""  # "... on the Muonio River, a major tributary by what year?": the aside swallows the deadline (session 26)
    actor = with_the(m.group("actor"))
    wh = "what date" if m.group("wh") == "when" else m.group("wh")  # ("... by when?" reads clumsy, round 123)
    return f"{actor[:1].upper()}{actor[1:]} {_PAST[m.group('verb')]} {m.group('rest')} by {wh}?"


def year_foils(year: int, sentence: str, written: int | None) -> list[tuple[int, str]]:
    """Other years a deadline could be: one to three years either side, none the sentence names (a
    baseline's year is no plausible deadline) and none before the article was written (a deadline
    set in 2025 for 2023 is ruled out by the calendar)."""
    named = {int(y) for y in _YEAR.findall(sentence)}
    # A far, round target ("carbon neutrality by 2060") is set in fives: beside it, 2059 and 2061 are
    # no one's target and give the key away (round 61)
    far = year - written >= 10 if written is not None else year >= 2040
    # (and a decade's year, "by 2030", is a round target however near: 2029 and 2031 beside it were
    # ruled out by their shape, round 84)
    step = 5 if year % 5 == 0 and far or year % 10 == 0 else 1
    out = []
    for d in (1, -1, 2, -2, 3, -3, 4, 5):
        y = year + d * step
        if y in named or written is not None and y < written:
            continue
        if step > 1 and d < 0 and (written is None or y <= written):
            continue  # "2020" beside "by 2030" in an undated op-ed: likely past, and ruled out so (round 96)
        out.append((0 if abs(d) <= 2 else 1, str(y)))
    return out


class DeadlineItems:
    """Mixed into the generator: uses its ``corpus`` and ``mc``."""

    def goal_deadline(self, f: Any, v: Any, true_stmt: str | None, penalty: float,
                      written: int | None, actor: str | None = None) -> _Cand | None:
        """The aim's deadline, chosen from four years. ``true_stmt`` is the aim's statement, checked
        by the caller to read on its own."""
        dl = split_deadline(v.goal)
        if dl is None or not true_stmt:
            return None
        if v.verb in ("agree", "decide", "resolve") and present_tense(v):
            return None  # "By when do A, B and C agree to establish ...?": a declaration's present, asked out of it (round 99)
        at = v.sentence.rfind(str(dl.year))  # (the aim may be reworded, "our" told as "their": find its year)
        after = v.sentence[at + 4:] if at >= 0 else ""
        if PURPOSE_AFTER.match(after):
            return None  # "review our national legislation by the end of 2025 to ensure that ...": the aim is in the
            # purpose the deadline cuts off; the act alone is vague (held-back round 202)
        if written is not None and dl.year < written:
            return None  # "aims to raise turnout above the level of the previous elections in 2019": an
            # aim's year is ahead of the article; one before it is something else's (round 189)
        question = deadline_question(v, dl.body, actor)
        if question is not None and _definite_end(question):
            return None  # "... aim to repay the entire carried-over deficit?": which deficit (round 64)
        if question is None or len(question.split()) > 32:
            return None
        question = self.corpus.spell_out(question, [v.article])
        if question is None:
            return None
        answer = str(dl.year)
        accepted = [answer, f"the end of {answer}", f"end of {answer}"] if dl.end_of else [answer]
        src = [{"article": v.article, "sentence": v.sentence}]
        return self.mc([f], "mc:goal-deadline", question, answer, accepted,
                       year_foils(dl.year, v.sentence, written), date=True, sources=src,
                       # (below the aim's figure, which shows the deadline: a target's size is the harder,
                       # and the better, thing to know; "2030" is many a deadline)
                       explanation=true_stmt, penalty=penalty + 0.05, slot=aim_slot(v.article, v.sentence))
