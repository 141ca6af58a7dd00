"""Aims that are a body's procedure, not its news.

A communiqué or a release tells what a body decided, and around it the body's own calendar: when
and where it meets next, who hosts and who chairs in turn, dues to settle, talks to go on, reports
to hand in. Told as aims ("agreed to meet again in Riga", "called on members to settle outstanding
contributions"), they read as true and test nothing; blind raters failed them as trivia round
after round. ``housekeeping`` says which aims are of that kind; the goal items ask none of them.
"""

from __future__ import annotations

import re
from typing import Any

from ...facts.lexicon import MEETING_NOUNS, ORDINAL_WORD
from .dates import _HANDOVER, _LOGISTICS

# Meeting again: where and when a body sits next is its calendar, not what the article teaches
# ("The commission will next meet in Victoria from 11 to 15 May 2027", "agreed to meet again in Riga").
_MEETS_AGAIN = re.compile(r"^(?:to\s+)?(?:meet|convene|reconvene|gather|sit)\s+(?:again|next|in|at|on|from|twice|annually|"
                          r"every|regularly|before|during|later)\b|^(?:to\s+)?hold\s+(?:its|their|the)\s+(?:next|first|inaugural|\d+(?:st|nd|rd|th)|"
                          # ("hold its 29th regular session in Mexico City": a body's calendar, round 109)
                          + ORDINAL_WORD + r")\s+(?:[\w-]+\s+){0,2}?(?:meeting|session)\b"
                          # "hold public listening sessions in Toledo", "hold a training webinar": a schedule (round 76)
                          r"|^(?:to\s+)?hold\s+(?:[\w-]+\s+){0,3}(?:sessions|consultations|hearings|webinars?|workshops?|briefings?|"
                          r"trainings?|seminars?)\b", re.I)


# An aim to speak of a thing ("wants to present the Digital Trade Corridor initiative", "will
# discuss the report"): what the thing is or does is the content, and it is not in the aim (round 44)
_TALK_OF = re.compile(r"^(?:to\s+)?(?:present|discuss|explain|brief|inform|tell|talk|outline|highlight|"
                      r"showcase|describe|mention|raise|debate|consider|examine|look\s+at)\b"
                      r"(?!.*\d)", re.I)


# "offered to help through the Union Civil Protection Mechanism": help whom, with what, the aim never says
# "called on member states to settle outstanding contributions": a body's dues, housekeeping (round 114)
_DUES = re.compile(r"\b(?:settle|pay|clear|honour|honor)\s+(?:\w+\s+){0,2}?(?:outstanding|overdue|unpaid|late)\s+"
                   r"(?:\w+\s+)?(?:contributions|dues|assessments)\b|\barrears\b", re.I)
# "hopes to bid for a World Aquatics event": a wish to bid for some event, named by no year or name (round 114)
_SOME_BID = re.compile(r"^(?:to\s+)?(?:bid|apply|compete|run)\s+for\s+(?:a|an|one|some)\s+(?:future\s+)?", re.I)
# "agreed to continue discussions on electricity trade": talks go on, nothing agreed (round 124)
_KEEP_TALKING = re.compile(r"^(?:to\s+)?(?:continue|pursue|keep\s+up|maintain)\s+(?:(?:their|the|its|close|regular)\s+)*"
                           r"(?:discussions?|consultations?|talks|dialogue|contacts?|exchanges?|cooperation|coordination)\b", re.I)
# "will report to ministers next year": to whom a body reports, not on what (round 120)
_REPORTS_TO = re.compile(r"^(?:to\s+)?(?:report|submit\s+(?:a|its|their)\s+report)\s+(?:back\s+)?to\s+(?:the\s+)?"
                         r"(?:ministers|parliament|council|board|leaders|assembly|congress|cabinet|government)\b"
                         r"(?!.*\b(?:on|about)\b)"
                         # "report on implementation of the Action Plan to the Council of Heads of
                         # Government": a body's duty to report, whatever on (session 26)
                         r"|^(?:to\s+)?report\s+(?:back\s+)?on\s+(?:the\s+)?(?:implementation|progress|results?|work|activities)\b"
                         r".*\bto\s+(?:the\s+)?(?:\w+\s+){0,2}(?:ministers|parliament|council|board|leaders|assembly|"
                         r"congress|cabinet|government|summit)\b", re.I)
_BARE_HELP = re.compile(r"^(?:to\s+)?(?:help|assist|support|contribute|cooperate|engage)\s*(?:$|through|via|with|by|in\s+any)\b",
                        re.I)


# Who hosts a body's next sitting ("the offer of Seychelles to host the 42nd Ordinary Session of the
# Council of Ministers"): procedure, not what the meeting decided (round 47)
_HOSTS_NEXT = re.compile(r"\bhost\s+(?:the\s+)?(?:next|following|\d+(?:st|nd|rd|th)|[A-Z][a-z]+(?:th|st|nd|rd))\s+"
                         r"(?:(?:[\w'’-]+\s+){0,3}(?:session|meeting|summit|conference|assembly|congress|forum|sitting)\b"
                         r"|(?-i:[A-Z]{2,}[a-z]*\b))", re.I)  # ("the next ADGMIN": a meeting by its letters)


def housekeeping(v: Any) -> bool:
    """Is the aim a body's procedure (its calendar, its dues, its talks going on, who reports or
    chairs next), not news a student should learn? Blind raters failed such items as trivia."""
    return bool(_LOGISTICS.search(v.goal) or _MEETS_AGAIN.search(v.goal) or _TALK_OF.search(v.goal)
                or _BARE_HELP.search(v.goal) or _HOSTS_NEXT.search(v.goal) or _DUES.search(v.goal)
                or _SOME_BID.match(v.goal) or _REPORTS_TO.match(v.goal) or _KEEP_TALKING.match(v.goal)
                or _ROUTINE_RELEASE.match(v.goal) or _ROTATING_ROLE.match(v.goal) or _ORDER_OF_BUSINESS.match(v.goal)
                or _SITTING.match(v.goal) and _MEETING_WORD.search(getattr(v, "actor", "") or "")
                or _CONVENES.match(v.goal)
                or _HANDOVER.match(re.sub(r"^to\s+", "", v.goal))  # (a rotating chair's term, round 93)
                or getattr(v, "verb", None) == "welcome" and _WELCOMES_CHAIR.match(re.sub(r"^(?:to\s+)?welcome\s+", "", v.goal)))


# "will convene a Business Forum in Guatemala City in the first half of 2025": when and where a
# meeting sits, the calendar again (session 27; hosting a named Games or summit is news, not this)
_CONVENES = re.compile(r"^(?:to\s+)?(?:convene|hold|organi[sz]e|stage)\s+(?:a|an|the\s+next|their\s+next|its\s+next)\s+"
                       r"(?:[\w'’-]+\s+){0,3}?(?:meeting|forum|workshop|seminar|round|session|consultations?)\b"
                       r"(?=\s+(?:in|on|at|by|before|during|within|later|next|early|from)\b|\s*$)", re.I)


# "welcome Sri Lanka as Chair of IORA for 2023-2025": who chairs in turn, procedure (round 93's kin)
_WELCOMES_CHAIR = re.compile(r"^[^,;]{2,60}?\s+as\s+(?:the\s+)?(?:new\s+|incoming\s+)?"
                             r"(?:Chair|Vice-Chair|Chairperson|President|Vice-President|Secretary|Host)\b", re.I)


# "will publish updated balance sheets for the 2025/26 season", "release its quarterly figures": a
# body's routine publication, from a "what to watch" list (session 26); a new product with a name of
# its own ("a weekly Africa Heatwave Outlook") is news and stays.
_ROUTINE_RELEASE = re.compile(r"^(?:to\s+)?(?:publish|release|issue|present|update)\s+(?:its\s+|their\s+|the\s+|an?\s+)?"
                              r"(?:(?:next|updated|new|latest|revised|monthly|quarterly|weekly|annual|yearly|regular|usual)\s+)+"
                              r"(?-i:[a-z][\w-]*\s+){0,2}(?:report|reports|balance\s+sheets?|figures|data|statistics|estimates|"
                              r"forecasts?|projections|outlook|bulletin|review|assessment)\b", re.I)


# "The thirteenth CCA Technical Workshop will take place in Kazakhstan in late 2025", "The Kyrgyz
# Republic will serve as coordinator for 2026": a series' next sitting and its rotating roles (session 26)
# (a Games or a championship taking place is news: only a meeting's sitting is procedure)
_SITTING = re.compile(r"^(?:to\s+)?(?:take\s+place|be\s+held|convene|reconvene)\b", re.I)
# "We will begin with a short statement from the Head of BMKG, followed by questions": a moderator's
# order of business (session 26)
_ORDER_OF_BUSINESS = re.compile(r"^(?:to\s+)?(?:(?:begin|start|open|close|end|conclude)\s+with\b|take\s+(?:your\s+|a\s+few\s+)?questions\b|"
                                r"hand\s+over\s+to\b|give\s+the\s+floor\b)", re.I)
_MEETING_WORD = re.compile(r"\b(?:" + "|".join(MEETING_NOUNS) + r"|workshop|council|consultations?|seminar|symposium|round)\b",
                           re.I)
_ROTATING_ROLE = re.compile(r"^(?:to\s+)?serve\s+as\s+(?:the\s+)?(?:next\s+)?(?:coordinator|co-?ordinator|chair|chairman|"
                            r"chairperson|president|host|vice-chair|rapporteur)\b", re.I)
