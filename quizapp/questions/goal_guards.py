"""What the sentence around an aim says of it: that it is no party's own aim (advice to the public,
a condition, a commitment said again, a plan kept on), or that the aim said alone would lose what
it points at (a thing its sentence introduced before it, a plan with no owner). ``goal_views`` asks
these of every goal; each pattern names the round whose blind review it came from."""

from __future__ import annotations

import re

from ..facts.dates import MONTH
from ..facts.lexicon import PUBLIC_ADDRESSED
from ..facts.spans import quoted_names_kept


def strip_attribution(text: str) -> str:
    """Drop a trailing quote attribution: '..., leading to peace," the statement read' -> '...'."""
    t = re.sub(r"[,;]?\s*[\"”’]+\s*(?:the|a|an)?\s*[\w\s]{0,40}?\b(?:said|read|says|added|stated|noted)$",
               "", text.strip())
    return t.strip().strip("\"“”").strip()


# The public asked to do something ("people", "residents", "motorists"): advice, not a party's aim.
# ("residents in low-lying parts of Townsville and Lucinda to leave before dark", round 189)
THE_PUBLIC = re.compile(PUBLIC_ADDRESSED + r"\s+to\s", re.IGNORECASE)


# A plan named by its kind alone ("the Strategic Plan", "the Action Plan 2026-2030"): no owner said.
OWNERLESS_PLAN = re.compile(r"(?:[Tt]he\s+)?(?:(?:Strategic|Action|National|Development|Business|Work|Master|Operational|"
                             r"Implementation|Regional|Five-Year|Ten-Year)\s+)?(?:Plan|Strategy|Programme|Program|"
                             r"Roadmap|Agenda|Framework)(?:\s+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?)?")


def points_back(goal: str, before: str) -> bool:
    """Does the aim say "the X" of an X its sentence introduced before it ("... mining with dredges
    on the Putumayo, and agreed to destroy the dredges")? Said alone, the aim has lost which."""
    for m in re.finditer(r"\bthe\s+([a-z]{4,})\b(?!\s+(?:of|on|in|for|at|from|that|which|who)\b)", goal):
        noun = m.group(1)
        if re.search(rf"\b(?!the\s){noun}\b", before) and re.search(rf"(?<!\bthe\s){noun}\b", before) \
                and re.search(rf"\b(?:with|of|by|on|a|an|and|new)\s+(?:[a-z-]+\s+)?{noun}\b", before):
            return True
    return False


def asks_itself(actor: str, goal: str) -> bool:
    """Is the party asked to act ("X to do Y") one of those asking?"""
    asked = re.split(r"\s+to\s+", goal, maxsplit=1)[0]
    names = [re.sub(r"^the\s+", "", n.strip(), flags=re.I) for n in re.split(r",\s*|\s+and\s+", actor)]
    return any((len(n) > 3 or n.isupper() and len(n) > 1) and re.search(rf"\b{re.escape(n)}\b", asked) for n in names)


# "until / unless / if the government commits to ...": what another demands, not the actor's aim.
CONDITION_BEFORE = re.compile(r"\b(?:until|unless|if|once|whether)\s+(?:[\w'’-]+\s+){1,6}$", re.IGNORECASE)
# "The Government agreed to ...": the government of the one country the article is about.
BARE_GOVERNMENT = re.compile(r"(?:the\s+)?government", re.IGNORECASE)
BARE_COUNTRY = re.compile(r"the\s+(?:country|nation)", re.IGNORECASE)


INFORMS = re.compile(r"(?:to\s+)?(?:inform|notify|advise|remind|assure)\s+(?:the\s+)?(?:general\s+)?(?:public|members\s+of\s+the\s+public|"
                      r"stakeholders|citizens|media|nation)\b", re.I)
FOUNDED_TO = re.compile(r"\b(?:was|were)\s+(?:established|created|set\s+up|founded|formed)\b[^.;]{0,120}\bto\s*$")
# "If it succeeds, China will become ...", "Under the treaty, Canada agreed to ...": a main clause that
# holds only on a condition, or within a text the sentence before named (round 85)
FRONTED_CONDITION = re.compile(r"^\s*(?:If|Unless|Should|Once|Were)\b[^,]{0,80},"
                                # "To cover the shortfall during the shutdown, GSE will arrange ...": what the
                                # plan is for points back at the story (round 171); "To that end," too
                                # (what makes up for a gap told before; "To protect the market, the Board plans to
                                # make testing mandatory" reads whole without it and passed, round 154)
                                r"|^\s*To\s+(?:that\s+end|this\s+end|(?:cover|offset|compensate\s+for|make\s+up\s+for|fill|"
                                r"bridge|close|cope\s+with|handle|manage)\s+(?:the|this|that|these|those|its|their)\b[^,]{0,80}),")
FRONTED_TEXT = re.compile(r"^\s*(?:Under|In|Through|By|With)\s+(?:the|this|that)\s+(?:treaty|agreement|plan|deal|accord|pact|"
                           r"programme|program|convention|protocol|scheme|framework|compact|strategy|decision|law|act|"
                           r"declaration|arrangement|proposal)\s*,", re.I)
COUNTED_PEOPLE = re.compile(r"(?:(?:around|about|some|nearly|almost|over|more\s+than|up\s+to)\s+)?(?:\d[\d.,]*|"
                             r"thousands|hundreds|millions|tens\s+of\s+thousands|dozens)\b", re.I)
# A standing commitment said again ("reiterates its commitment to sustainable mobility", "reaffirmed
# their support for ..."): a release's closing line or a communiqué's courtesy, no news (round 53).
_SAID_AGAIN = (r"(?:reiterat|reaffirm|restat|renew)\w*\s+(?:its|their|his|her|our|the)\s+(?:\w+\s+)?"
               r"(?:commitment|support|determination|resolve|dedication)")
REAFFIRMED = re.compile(rf"\b{_SAID_AGAIN}\s+(?:to|for)\s*$", re.I)
# ... and the same said as the aim itself ("4. To reaffirm their commitment to protect ...", round 199)
REAFFIRMED_AIM = re.compile(rf"(?:to\s+)?{_SAID_AGAIN}\b", re.I)
# "the fund remained committed to supporting countries ...": keeping to a line, no new aim (round 75)
REMAINS_COMMITTED = re.compile(r"\b(?:remain|remains|remained|stay|stays|stayed)\s+(?:\w+\s+)?"
                                r"(?:committed|dedicated|devoted)\s+to\s*$", re.I)


CARRIES_ON = re.compile(r"(?:to\s+)?(?:continue|keep)\s+(?:to\s+\w+|\w+ing)\b(?:\s+\w+){0,2}?\s+(?:its|their|his|her|our)\b", re.I)
# "will continue to work closely with the FSC", "will continue to issue Bank of Mauritius bills": keeping on
# with what it does already, no aim with an end (rounds 76 and 88); a figure makes it one
KEEPS_WORKING = re.compile(r"(?:to\s+)?(?:continue|keep)\s+(?:to\s+[a-z]+|[a-z]+ing)\b(?!.*\d)", re.I)
SINCE = re.compile(rf"\bsince\s+(?:{MONTH}\s+)?(?:19|20)\d\d\b")


def quotes_off(goal: str, after: str) -> str:
    """The aim without the article's quote marks but for a quoted name (``spans.quoted_names_kept``).
    ``after`` is the character after the aim in its sentence (the name's closing mark, if cut)."""
    if len(re.findall(r"[\"“”]", goal)) == 1 and after in ('"', "”"):
        goal += after
    return quoted_names_kept(goal)
