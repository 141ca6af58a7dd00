"""Aims that are a body's procedure, not its news.

A communiqué or a release tells what a body decided, and around it the body's own calendar: when
and where it meets next, who hosts and who chairs in turn, dues to settle, talks to go on, reports
to hand in. Told as aims ("agreed to meet again in Riga", "called on members to settle outstanding
contributions"), they read as true and test nothing; blind raters failed them as trivia round
after round. ``housekeeping`` says which aims are of that kind; the goal items ask none of them.
The same calendar told as a date ("When was the 49th Congress held?", "When will it publish its next
report?") is what the date items leave out (``_SITTING_HELD``, ``_LOGISTICS``, ``_HANDOVER``).
"""

from __future__ import annotations

import re
from typing import Any

from ...facts.lexicon import MEETING_NOUNS, ORDINAL_WORD

# When a meeting sat or met: "When did energy ministers from A, B and C meet in Cairo?", "When was the
# 49th Ordinary Congress of X held?", "When did A and B hold the annual Leaders' Retreat?".
# (the sittings a "when" may be of, by any of their names)
_SITTINGS = "|".join((*MEETING_NOUNS, "retreat", "talks", "hearing", "consultations", "meetings", "summits", "sessions"))
_SITTING_HELD = re.compile(
    # ("When did Prince Faisal meet Iranian Foreign Minister Abbas Araghchi in Baghdad?": who met whom is the news)
    r"When\s+(?:did|was|were|will|is|are)\s+(?:[^?]*\b(?:meet|met)\b(?!\s+(?:with\s+)?(?-i:[A-Z]))"
    rf"|[^?]*\b(?:{_SITTINGS})\b[^?]*\b(?:hold|held|convene|convened|take\s+place|open|opened|conclude|concluded|"
    r"hosted)\b"
    rf"|[^?]*\b(?:hold|held|convene|convened)\b[^?]*\b(?:{_SITTINGS})\b)", re.I)
# (an election, a referendum or a vote held is news: "When did Venezuela hold a consultative referendum?")
_VOTE = re.compile(r"\b(?:elections?|referendum|referendums|plebiscite|vote|ballot|polls?|runoff|primaries)\b", re.I)


# A date of an organisation's housekeeping: when its next report comes out, its next meeting sits,
# an office opens. Blind reviews judged these not worth asking ("logistics").
_PAPERS = (r"(?:report|statement|calendar|minutes|data|bulletin|review|estimates?|results|figures|findings|accounts|"
           r"statistics|index|survey|update|outlook|forecast|numbers|evaluation|study|paper|assessment|audit|analysis)")
# ("approved the Monetary Policy Statement": a periodic paper signed off, round 116)
_LOGISTICS = re.compile(rf"\b(?:publish|release|issue|approv)\w*\b.*\b{_PAPERS}\b|\b{_PAPERS}\b.*\b(?:published|released|issued)\b|"
                        r"\bnext\s+(?:[\w-]+\s+){0,3}?(?:release|publication|edition|update)\b|\b(?:next|following)\s+(?:[\w'’-]+\s+){0,2}?(?:meeting|session|congress|summit|assembly|"
                        # ("host the next Joint Ministerial Committee in Zumbo": its next sitting, round 174)
                        r"review|round|conference|committee|council|commission|forum|dialogue|retreat)\b|\b(?:meeting|congress|session|assembly|conference|summit)\b.*\bbe\s+held\b|\bmeet\s+again\b|"
                        r"\bopen(?:ed|s)?\s+(?:an?|its|their)\s+(?:\w+\s+)?office\b|\bdeadline\b|"
                        # "When will Indonesia host the 32nd Ministerial Meeting?": a body's calendar (round 109)
                        r"\bhost\s+(?:the\s+)?\d+(?:st|nd|rd|th)\s+(?:[\w'’-]+\s+){0,3}?(?:session|meeting|summit|conference|"
                        r"assembly|congress|forum)\b|"
                        r"\b(?:mission|office|bureau|secretariat|embassy|consulate)\s+(?:\w+\s+)?open(?:ed|s)?\b|"
                        r"\b(?:mission|delegation|team|observers?|experts?)\b.*\barriv(?:e|ed|es)\b|"
                        # a clock time or a press event: a day's schedule (round 46)
                        r"\b\d{1,2}:\d{2}(?!\d)|\b\d{1,2}\.\d{2}\s*(?:hrs|h|GMT|UTC|[ap]\.m\.)|\b\d{1,2}\s*[ap]\.m\.|\bpress\s+(?:conference|briefing)\b|"
                        r"\bpreliminary\s+(?:statement|findings|results)\b|"
                        # an election's paperwork: when accreditation or nominations close (round 102)
                        r"\b(?:accreditation|nominations?|registration)\b.*\b(?:open|close)(?:s|d)?\b|"
                        # a rotating chair's term starting or changing hands; a text's day in the gazette (round 105)
                        r"\b(?:presidency|chairmanship)\b.*\b(?:begins?|began|starts?|started|pass(?:es|ed)?|rotates?|ends?|ended)\b|"
                        r"\b(?:Official\s+Journal|Gazette)\b", re.I)


# A rotating chair changing hands ("take over the rotating Presidency", "assume the chairmanship"):
# the calendar of a term, not news.
_HANDOVER = re.compile(r"\b(?:take|took|taken|takes|taking|hand|handed|hands|pass|passed|assume|assumed)\s+(?:over\s+)?"
                       r"(?:the\s+)?(?:(?:rotating|annual|six-month|pro\s+tempore)\s+)*(?:presidency|chairmanship|"
                       r"chair)\b", re.I)


# Meeting again: where and when a body sits next is its calendar, not what the article teaches
# ("The commission will next meet in Victoria from 11 to 15 May 2027", "agreed to meet again in Riga").
_MEETS_AGAIN = re.compile(r"^(?:to\s+)?(?:meet|convene|reconvene|gather|sit)\s+(?:again|next|in|at|on|from|twice|annually|"
                          r"every|regularly|before|during|later)\b|^(?:to\s+)?hold\s+(?:its|their|the)\s+(?:next|first|inaugural|\d+(?:st|nd|rd|th)|"
                          # ("hold its 29th regular session in Mexico City": a body's calendar, round 109)
                          + ORDINAL_WORD + r")\s+(?:[\w-]+\s+){0,2}?(?:meeting|session)\b"
                          # ("hold the next ANZMIN in Australia in 2026": the next sitting by its name, round 195)
                          r"|^(?:to\s+)?hold\s+(?:its|their|the)\s+next\s+(?-i:[A-Z])"
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
# Council of Ministers", "the twenty-second Meeting"): procedure, not what the meeting decided (round 47)
_HOSTS_NEXT = re.compile(r"\bhost\s+(?:the\s+)?(?:next|following|\d+(?:st|nd|rd|th)|(?:[a-z]+-)?[a-z]+(?:th|st|nd|rd))\s+"
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
