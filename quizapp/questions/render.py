"""Clean views of imperfect facts: what a question template may safely say about a fact.

Why a separate step: the extractor is rule-based and will always hand over some half-right facts
on unseen articles (an actor that is a pronoun or "the statement", a goal that is really an object
such as "each other", an event that is a whole sentence or just "Putin had also said", a role cut
off in the middle of an institute's name). A question built on such a fact is one a teacher throws
away, so every fact passes a gate here first and templates only ever see the tidied view: goals in
the source sentence's own casing with the verb that introduced them, actors as named parties,
events short enough to read as a clause, roles that end where the role ends. A fact that fails a
gate simply yields fewer (or no) questions; nothing here invents content that is not in a source.

Pure string rules on purpose (no NLP model): the generator must stay fast and importable without
spaCy, and the rules only need to recognise the shapes the extractor produces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..corpus.parse import looks_english
from .normalise import contains_phrase, normalise, tokens
from .sentences import (
    _ANAPHORIC,
    cap,
    clean,
    find_span,
    is_caption,
    is_headline,
    self_contained,
    words,
)

# --- word lists (patterns of news English, never particular people or places) ------------------

NATIONALITY = {
    "afghan": "Afghanistan", "american": "United States", "british": "United Kingdom",
    "chinese": "China", "russian": "Russia", "pakistani": "Pakistan", "iranian": "Iran",
    "indian": "India", "uzbek": "Uzbekistan", "tajik": "Tajikistan", "kazakh": "Kazakhstan",
    "kyrgyz": "Kyrgyzstan", "turkmen": "Turkmenistan", "turkish": "Turkey", "japanese": "Japan",
    "german": "Germany", "french": "France", "italian": "Italy", "qatari": "Qatar", "saudi": "Saudi Arabia",
    "egyptian": "Egypt", "mongolian": "Mongolia", "belarusian": "Belarus", "armenian": "Armenia",
    "azerbaijani": "Azerbaijan", "ukrainian": "Ukraine", "indonesian": "Indonesia",
    "vietnamese": "Vietnam", "korean": "Korea", "brazilian": "Brazil", "israeli": "Israel",
    "palestinian": "Palestine", "syrian": "Syria", "iraqi": "Iraq", "european": "European Union",
    "u.s.": "United States", "us": "United States", "emirati": "United Arab Emirates",
}
CAPITALS = {
    "beijing": "China", "moscow": "Russia", "kabul": "Afghanistan", "islamabad": "Pakistan",
    "tehran": "Iran", "new delhi": "India", "washington": "United States", "tokyo": "Japan",
    "london": "United Kingdom", "paris": "France", "berlin": "Germany", "ankara": "Turkey",
}
# Nouns that can head an acting party ("Chinese and Russian officials", "the new Afghan regime").
AGENT_NOUNS = {
    "officials", "official", "leaders", "leader", "government", "governments", "regime", "authorities",
    "ministers", "minister", "presidents", "president", "diplomats", "delegation", "delegations",
    "countries", "nations", "sides", "side", "states", "parties", "powers", "administration", "envoys",
    # bodies named by nationality or owner: "the Japanese central bank", "the BOJ chief"
    "bank", "committee", "council", "commission", "agency", "ministry", "parliament", "chief", "head",
    "secretariat", "board", "bloc", "alliance", "union", "court", "fund", "members", "delegates",
}
# "Both sides", "the two nations": a party only once we know who the two are.
_DUAL = re.compile(
    r"^(?:both|the two)\s+(?:sides|nations|countries|counties|governments|states|powers|neighbou?rs)$",
    re.IGNORECASE)
# Documents and abstractions are not actors (the statement said X; Afghan territory should...).
NON_AGENT_HEADS = {
    "statement", "declaration", "communique", "communiqué", "report", "article", "document", "letter",
    "question", "issue", "territory", "vision", "collaboration", "cooperation", "situation", "efforts",
    "meeting", "talks", "call", "agreement", "treaty", "plan", "conversation", "exchange",
}
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "his", "her",
            "its", "their", "them", "us", "our", "who", "which"}
FUNCTION_END = {"and", "or", "but", "also", "of", "the", "a", "an", "to", "in", "on", "with", "for", "by",
                "as", "at", "from", "that", "which", "not", "only", "both", "its", "their", "his", "her",
                "such", "including", "like", "than", "whose"}
# Goals that are objects or entities rather than something wanted.
NON_GOALS = {
    "each other", "one another", "the statement", "the joint statement", "the declaration",
    "the international community", "the broader international community", "the region",
    "the world", "the country", "the people", "the talks", "the meeting", "the agreement",
}
SAY_VERBS = {"said", "says", "say", "told", "tells", "added", "adds", "noted", "notes", "stressed",
             "stresses", "announced", "believes", "believed", "reported", "wrote", "urged", "argued"}
COMMENTATOR_WORDS = {"fellow", "professor", "analyst", "researcher", "scholar", "expert", "lecturer",
                     "economist", "commentator", "observer", "journalist", "reporter", "editor",
                     "dean", "scientist", "adviser", "advisor", "columnist"}
_IRREGULAR_PAST = {
    "took", "met", "held", "began", "left", "came", "went", "made", "gave", "won", "fell", "rose",
    "signed", "saw", "set", "sent", "spoke", "wrote", "told", "became", "brought", "fought", "led",
    "paid", "ran", "struck", "sought", "drew", "froze", "broke", "chose", "flew", "hit", "put", "cut",
    "seized", "withdrew", "overthrew", "was", "were", "had", "did", "got", "found", "kept",
}
_COMMON_VERBS = {
    "hold", "holds", "meet", "meets", "sign", "signs", "visit", "visits", "take", "takes", "launch",
    "launches", "open", "opens", "begin", "begins", "host", "hosts", "join", "joins", "attend",
    "attends", "win", "wins", "leave", "leaves", "enter", "enters", "pledge", "pledges", "agree",
    "agrees", "announce", "announces", "is", "are", "will",
    "withdraw", "withdraws", "seize", "seizes", "collapse", "collapses", "start", "starts", "end",
    "ends", "adopt", "adopts", "mark", "marks", "celebrate", "celebrates",
}
_NOMINAL_EVENT = re.compile(
    r"^(?:the\s+)?(?:\w+\s+){0,2}(?:signing|withdrawal|collapse|fall|founding|establishment|launch|"
    r"start|end|opening|adoption|visit|meeting|summit|election|inauguration|creation|formation|"
    r"takeover|invasion|outbreak|victory|announcement|conclusion|beginning|anniversary|talks|"
    r"conference|agreement|treaty|war|attack|crisis|session|meetings|conversation|call|phone call|"
    r"exchange|dialogue|negotiations|ceremony|deal|talk)\b",
    re.IGNORECASE)
_WEEKDAY_PHRASE = re.compile(
    r",?\s*\b(?:on|last|this|next)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE)


# --- parties: who an actor is, as a set of comparable keys -------------------------------------

def _country_of_word(w: str) -> str | None:
    lw = w.lower()
    return NATIONALITY.get(lw) or CAPITALS.get(lw)


def parties(actor: str, leaders: Sequence[Any] = ()) -> frozenset[str]:
    """Normalised party keys for an actor: "Beijing and Moscow" -> {china, russia}.

    A person counts as their country too (Xi Jinping's goal overlaps with China's), so a goal
    stated by any overlapping group is never offered as a wrong answer about another.
    """
    out: set[str] = set()
    text = re.sub(r"^(?:both|the)\s+", "", actor.strip(), flags=re.IGNORECASE)
    for part in re.split(r"\s*(?:,|&|\band\b|\bwith\b)\s*", text):
        part = part.strip()
        if not part:
            continue
        key = normalise(part)
        mapped = CAPITALS.get(key) or NATIONALITY.get(key)
        for w in part.split():
            c = _country_of_word(w)
            if c:
                out.add(normalise(c))
        for f in leaders:
            name = clean(getattr(f, "name", None) or getattr(f, "answer", ""))
            if not name:
                continue
            if contains_phrase(part, name) or (len(tokens(name)) > 1 and contains_phrase(part, tokens(name)[-1])
                                               and part[:1].isupper()):
                out.add(normalise(name))
                if getattr(f, "country", None):
                    out.add(normalise(_country_name(f.country)))
        out.add(normalise(mapped) if mapped else key)
    return frozenset(p for p in out if p and p not in {"counterpart", "his", "her"})


def _country_name(country: str) -> str:
    c = clean(country)
    return NATIONALITY.get(c.lower(), c)


def named_actor(actor: str, sentence: str = "") -> str | None:
    """The actor as a self-contained named party, or None ("They", "the statement", "both sides")."""
    a = clean(actor)
    if re.search(r"\bcounterparts?$", a) and sentence:
        # "Xi Jinping and his Russian counterpart" + ", Vladimir Putin," in the sentence
        m = re.search(re.escape(a) + r",\s+((?:[A-Z][\w'-]+\s?){1,4})", sentence)
        if m:
            a = f"{a}, {m.group(1).strip()}"
    # "Xi Jinping and his Russian counterpart, Vladimir Putin" -> "Xi Jinping and Vladimir Putin"
    a = re.sub(r"\b(?:his|her|their)\s+\w+\s+counterparts?,?\s+", "", a)
    # drop an appositive: "China and Russia, both concerned about ..." -> "China and Russia"
    a = re.split(r",\s+(?=[a-z])|,\s+(?:both|who|which|each)\b", a)[0].strip().rstrip(",")
    a = re.sub(r"^both\s+(?=[A-Z])", "", a, flags=re.IGNORECASE)
    ws = words(a)
    if not ws or len(ws) > 9 or ws[0].lower() in PRONOUNS or _DUAL.match(a):
        return None
    head = ws[-1].lower()
    first_np = words(re.split(r"\s+(?:between|of|on|from|with|for)\s+", a)[0])
    if head in NON_AGENT_HEADS or (first_np and first_np[-1].lower() in NON_AGENT_HEADS):
        return None  # "the joint declaration between China and Russia" is a document
    if head in AGENT_NOUNS:
        # needs something that names whose officials/government: "Chinese and Russian officials"
        if not any(w[:1].isupper() and w.lower() not in ("the", "both") for w in ws[:-1]):
            return None
        return a
    if not ws[-1][:1].isupper():
        return None
    return a


def resolve_dual(actor: str, pair: str | None) -> str | None:
    """'Both sides' / 'the two nations' -> the article's named pair, when it has exactly one."""
    return pair if pair and _DUAL.match(clean(actor)) else None


def plural(actor: str) -> bool:
    return bool(re.search(r"\band\b|&", actor)) or actor.lower().endswith(("s", "ies")) and \
        actor.split()[-1][:1].islower()


# --- goals ---------------------------------------------------------------------------------------

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
            "request": "requests", "recommend": "recommends", "prefer": "prefers"}


def present_tense(v: GoalView) -> bool:
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
_VERB_IN_SENTENCE = [
    (re.compile(r"\bcall(?:s|ed|ing)?\s+(?:for|on)\b", re.I), "call"),
    (re.compile(r"\b(?:hope[sd]?|hoping|expressed (?:the )?hope)\b", re.I), "hope"),
    (re.compile(r"\burg(?:e|es|ed|ing)\b", re.I), "urge"),
    (re.compile(r"\bpledg(?:e|es|ed|ing)\b", re.I), "pledge"),
    (re.compile(r"\bsupport(?:s|ed|ing)?\b", re.I), "support"),
    (re.compile(r"\baim(?:s|ed|ing)?\b", re.I), "aim"),
    (re.compile(r"\bwant(?:s|ed)?\b", re.I), "want"),
    (re.compile(r"\binsist(?:s|ed)?\s+on\b", re.I), "insist"),
    (re.compile(r"\bagree[sd]?\s+to\b", re.I), "agree"),
    (re.compile(r"\bshould\b", re.I), "should"),
    (re.compile(r"\bcommit(?:s|ted)?\s+to\b", re.I), "commit"),
    (re.compile(r"\bplan(?:s|ned)?\s+to\b", re.I), "plan"),
    (re.compile(r"\bseek(?:s)?\b|\bsought\b", re.I), "seek"),
    (re.compile(r"\bvow(?:s|ed)?\b", re.I), "vow"),
]
_MODAL_START = re.compile(r"^(?:should|must|will|would|can|could|shall)\s+", re.I)
_CLAUSE = re.compile(r"^(?:[A-Z][\w'’-]*|the\s+[\w'’-]+(?:\s+[\w'’-]+)?)\s+"
                     r"(?:would|will|can|could|should|must|is|are|was|were|does|do|has|have)\b")
_VERB_START = {
    "strengthen", "deepen", "protect", "maintain", "encourage", "promote", "support", "build", "work",
    "ensure", "prevent", "safeguard", "defend", "enhance", "expand", "help", "keep", "take", "make",
    "play", "respect", "establish", "develop", "jointly", "continue", "draw", "restrain", "combat",
    "cooperate", "coordinate", "step", "push", "facilitate", "stay", "hold", "pursue", "achieve",
    "fight", "crack", "cut", "eliminate", "resolve", "form", "create", "oppose", "uphold", "boost",
    "intensify", "increase", "improve", "advance", "carry", "share", "communicate",
}


@dataclass(frozen=True)
class GoalView:
    fact: Any
    actor: str  # a named party, as the prompt shows it
    parties: frozenset[str]
    verb: str  # lemma: call, hope, urge, pledge, support, aim, should, ...
    form: str  # "np" (a thing wanted) | "vp" (an action, no leading "to") | "clause"
    goal: str  # as written in the source sentence
    sentence: str  # the source sentence the goal was found in
    article: str
    speaker: str | None = None  # who said it, for "should" goals ("Wang Yi said ...")
    resolved: bool = False  # the actor was "both sides" and named from the article

    @property
    def answer(self) -> str:
        return self.goal


def _goal_form(goal: str, verb: str, before: str = "") -> tuple[str, str] | None:
    """(form, goal without a leading "to"/modal); ``before`` is the sentence text before it."""
    g = goal
    if re.match(r"^to\s+\w", g, re.I):
        return "vp", g[3:].strip()
    if re.search(r"\bto\s*$", before) and verb not in ("commit", "commitment", "call"):
        return "vp", g
    if verb == "will":
        g = _MODAL_START.sub("", g)
        return ("vp", g) if g.split() and g.split()[0][:1].islower() else None
    if verb == "should" or _MODAL_START.match(g):
        g = _MODAL_START.sub("", g)
        return ("vp", g) if g.split()[0].lower() in _VERB_START or verb == "should" else None
    first = g.split()[0].lower()
    if first in _VERB_START:
        return "vp", g
    if first == "that" or _CLAUSE.match(g):
        return "clause", re.sub(r"^that\s+", "", g, flags=re.I)
    return "np", g


def goal_verb(f: Any, sentence: str, goal_span: tuple[int, int] | None) -> str | None:
    sub = (getattr(f, "subtype", None) or "").strip().lower()
    if sub in GOAL_VERBS or sub == "should":
        return sub
    stmt = clean(getattr(f, "statement", ""))
    m = re.match(r".+?\s(\w+?)(?:es|s)?(?: for)?:\s", stmt)
    if m and m.group(1).lower() in GOAL_VERBS:
        return m.group(1).lower()
    if goal_span:
        before = sentence[max(0, goal_span[0] - 60):goal_span[0]]
        best: tuple[int, str] | None = None
        for pat, lemma in _VERB_IN_SENTENCE:
            for mm in pat.finditer(before):
                if best is None or mm.end() > best[0]:
                    best = (mm.end(), lemma)
        if best:
            return best[1]
    return None


def _goal_ok(goal: str, actor_names: set[str], form: str = "np") -> bool:
    ws = words(goal)
    if not 2 <= len(ws) <= 25:
        return False
    low = [w.lower() for w in ws]
    if low[-1] in FUNCTION_END or low[0] in PRONOUNS or low[0] == "not":
        return False
    if form != "vp" and (low[0] in ("be", "been", "being") or low[:2] == ["not", "be"]):
        return False  # passive: the actor is what is acted on, not who wants it
    if form == "vp" and re.match(r"^(?:not\s+)?be\s+\w+ed\b", goal):
        return False
    if {"these", "those", "this", "our", "we", "us", "my"} & {w for w in ws if w.islower()} or "I" in ws:
        return False
    if re.search(r",\s*(?:it|they|we|he|she)\s+\w+", goal, re.I):
        return False  # two clauses spliced together
    if goal.count("(") != goal.count(")"):
        return False
    m = re.search(r"\b(?:its|their)\b", goal)
    if m and form != "vp" and not re.search(r"\b[A-Z]\w+", goal[:m.start()]) and low[0] != "to":
        return False  # "not interfering in its domestic affairs": whose?
    n = normalise(goal)
    if n in {normalise(x) for x in NON_GOALS} or any(n == normalise(a) for a in actor_names):
        return False
    for m in _ANAPHORIC.finditer(goal):
        if m.group(0).split()[0].lower() in ("the", "this", "that", "these", "those") and not re.match(
                r"\s+(?:of|on|in|between|for|to)\s+(?:the\s+)?[A-Z]|\s+\(", goal[m.end():m.end() + 25]):
            return False  # "have two of the interconnectors built": which ones?
    content = [w for w in ws if w.lower() not in ("the", "a", "an")]
    if content and all(w[:1].isupper() for w in content):
        return False  # only a name ("the Afghan Taliban"): an object, not a goal
    return not any(w.lower() in NON_AGENT_HEADS for w in ws[-1:]) or len(ws) > 4


def strip_attribution(text: str) -> str:
    """Drop a trailing quote attribution: '..., leading to peace," the statement read' -> '...'."""
    t = re.sub(r"[,;]?\s*[\"”’]+\s*(?:the|a|an)?\s*[\w\s]{0,40}?\b(?:said|read|says|added|stated|noted)$",
               "", text.strip())
    return t.strip().strip("\"“”").strip()


def goal_view(f: Any, leaders: Sequence[Any], pairs_by_article: dict[str, str],
              actor_names: set[str]) -> GoalView | None:
    raw_actor = clean(getattr(f, "actor", None))
    raw_goal = strip_attribution(clean(getattr(f, "goal", None) or getattr(f, "answer", None)))
    if not raw_actor or not raw_goal:
        return None
    for src in f.sources:
        if is_caption(src.sentence) or not looks_english(src.sentence):
            continue
        span = find_span(src.sentence, raw_goal)
        if span is None:
            continue
        if is_headline(src.sentence) and _title_case(src.sentence):
            continue  # headline casing ("Should Strengthen Strategic Communication") reads wrong
        goal = strip_attribution(src.sentence[span[0]:span[1]])
        goal = re.sub(r"[\"“”]", "", goal)
        goal = _CIRCUMSTANCE.sub("", goal).strip().rstrip(",")
        goal = re.split(r",?\s+and\s+(?:has|have|is|are|was|were|will)\b", goal)[0].strip()
        # a side clause after the aim is circumstance, not aim ("... when it meets for its session",
        # "..., as uncertainty over ... persists", "..., which he said ...")
        head = re.split(r",?\s+(?:when|as|while|because|after|before|which|where|once|until|saying)\s+", goal)[0]
        if len(head.split()) >= 3:
            goal = head.strip().rstrip(",")
        actor = named_actor(raw_actor, src.sentence)
        resolved = False
        if actor is None:
            actor = resolve_dual(raw_actor, pairs_by_article.get(src.article))
            resolved = actor is not None
        if actor is None:
            return None
        if re.search(r"\b(?:is|are|was|were) (?:said|reported|believed|thought) to\b|\breportedly\b|\ballegedly\b",
                     src.sentence[max(0, span[0] - 60):span[0]]):
            return None  # hearsay ("Russia is said to want ...") is not the party's stated goal
        verb = goal_verb(f, src.sentence, span)
        if verb is None:
            return None
        formed = _goal_form(goal, verb, src.sentence[:span[0]])
        if formed is None:
            return None
        form, goal = formed
        if not _goal_ok(goal, actor_names, form):
            return None
        if (plural(actor) and re.search(r"\bits\b", goal)) or (not plural(actor) and re.search(r"\btheir\b", goal)):
            return None  # "COPs ... implement its articles": the pronoun points at something else
        actor = re.sub(r"\s*&\s*", " and ", actor)
        return GoalView(fact=f, actor=actor, parties=parties(actor, leaders), verb=verb, form=form,
                        goal=goal, sentence=src.sentence, article=src.article,
                        speaker=speaker(src.sentence, leaders), resolved=resolved)
    return None


_CIRCUMSTANCE = re.compile(
    r"\s+(?:in|during|at)\s+(?:a|an|the|his|their|her)\s+(?:phone|telephone|video)?\s*"
    r"(?:call|conversation|meeting|talks|conference|link|summit)\b.*$", re.IGNORECASE)


def _title_case(sentence: str) -> bool:
    ws = [w for w in words(sentence) if len(w) > 3]
    return bool(ws) and sum(w[:1].isupper() for w in ws) >= 0.6 * len(ws)


def mid(actor: str) -> str:
    """An actor inside a sentence: "The Russian side" -> "the Russian side"; a body's name takes
    "the" ("Southern African Development Community" -> "the Southern African Development Community")."""
    actor = with_the(actor)
    return re.sub(r"^(The|Both)\s", lambda m: m.group(1).lower() + " ", actor)


_ORG_HEAD = re.compile(r"\b(?:Community|Union|Council|Commission|Committee|Organi[sz]ation|Agency|Bank|Fund|Assembly|"
                       r"Parliament|Secretariat|Court|Forum|Alliance|Association|Federation|Board|Conference|Group|"
                       r"Movement|Office|Ministry|Government|Programme|Program|Facility|Partnership|Initiative)\b")


def with_the(actor: str) -> str:
    """A body named without its article gets one: "the African Union", never "African Union aims"."""
    a = actor.strip()
    if re.match(r"^(?:the|a|an|both)\s", a, re.I) or not _ORG_HEAD.search(a) or " and " in a:
        return a
    return "the " + a


def speaker(sentence: str, leaders: Sequence[Any]) -> str | None:
    """The named person a sentence quotes ("Wang Yi said, ..." / "..., Putin said.")."""
    for f in leaders:
        name = clean(getattr(f, "name", None) or getattr(f, "answer", ""))
        if not name:
            continue
        forms = [name, tokens(name)[-1].capitalize()] if len(name.split()) > 1 else [name]
        for form in forms:
            if re.search(rf"(?:^|\.\s|,\s|President\s|Minister\s){re.escape(form)}\s+(?:said|says|stressed|noted)\b"
                         rf"|(?:^|President\s|Minister\s){re.escape(form)}\s+said\s+(?:on\s+)?[A-Z][a-z]+day\b",
                         sentence) \
                    or re.search(rf",\s*{re.escape(form)}\s+(?:said|says|added|stressed)\.?[\"”]?$", sentence) \
                    or re.search(rf"^{re.escape(form)}\s+(?:said|says)\b", sentence):
                return name
    return None


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
    did = ("do" if plural(v.actor) else "does") if present_tense(v) else "did"
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
    a = v.actor
    if v.verb == "should":
        return f"{cap(_should_lead(v))} should {g}." if v.form == "vp" else None
    entry = GOAL_VERBS.get(v.verb)
    if entry is None:
        return None
    _, np_d, _, vp_d = entry
    if v.verb != "will" and present_tense(v):
        pres = v.verb if plural(v.actor) else _PRESENT[v.verb]
        np_d = np_d and " ".join([pres, *np_d.split()[1:]])
        vp_d = vp_d and "{be}" not in vp_d and " ".join([pres, *vp_d.split()[1:]]) or vp_d
    if v.verb == "work" and "together" not in v.sentence and vp_d:
        vp_d = vp_d.replace(" together", "")
    a = with_the(a)
    if v.form == "np" and np_d:
        return f"{cap(a)} {np_d} {g}."
    if v.form == "vp" and vp_d:
        return f"{cap(a)} {vp_d.replace('{be}', 'are' if plural(v.actor) else 'is')} {g}."
    if v.form == "clause" and v.verb == "hope":
        return f"{cap(a)} expressed hope that {g}."
    return None


def goal_negation(v: GoalView) -> str | None:
    """A statement the source contradicts: "China and Russia did not call for X".

    Reliably false (the source says they did) without borrowing another party's goal, which may
    well be true in the world even when the corpus does not say so.
    """
    a, g = v.actor, v.goal
    if v.verb == "should":
        return f"{cap(_should_lead(v))} should not {g}." if v.form == "vp" else None
    entry = GOAL_VERBS.get(v.verb)
    if entry is None:
        return None
    np_q, _, vp_q, _ = entry
    if v.form == "np" and np_q:
        return f"{cap(a)} did not {np_q} {g}."
    if v.form == "vp" and vp_q:
        if "{be}" in vp_q:
            return f"{cap(a)} {'are' if plural(a) else 'is'} not {vp_q[5:-3]} {g}."
        return f"{cap(a)} did not {vp_q[:-3]} {g}."
    return None


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


# --- date events ---------------------------------------------------------------------------------

def expand_short_name(ev: str, names: Sequence[str]) -> str | None:
    """"The Roadmap was endorsed" -> "The Lusaka Roadmap on Silencing the Guns was endorsed" when
    exactly one known name has that head word; None when "the Roadmap" cannot be resolved."""
    m = re.match(r"^([Tt]he)\s+([A-Z][a-z]+)\b(?!\s+[A-Z])", ev)
    if not m:
        return ev
    word = m.group(2)
    full = sorted({n for n in names if re.search(rf"\b{re.escape(word)}\b", n) and n.split()[-1] != word
                   or (n.split()[-1] == word and len(n.split()) > 1)})
    if len(full) != 1:
        return None if not full and word.lower() in _SHORT_HEADS else ev
    return f"{m.group(1)} {full[0]}{ev[m.end():]}"


_SHORT_HEADS = {"roadmap", "treaty", "agreement", "accord", "declaration", "initiative", "plan",
                "corridor", "alliance", "forum", "format", "group", "council", "charter", "pact", "deal"}


def event_view(f: Any, names: Sequence[str] = ()) -> str | None:
    """A short, self-contained event to ask "when" about, or None.

    Skips events that are whole sentences (over 18 words), fragments ("Vladimir Putin had also
    said"), events whose subject is a dangling reference ("the group took over Kabul") or that
    have neither a verb nor an event noun ("both leaders speaking virtually").
    """
    if getattr(f, "subtype", None) == "publication":
        return None
    ev = clean(getattr(f, "event", None))
    if not ev:
        return None
    ev = re.sub(r",?\s+at the (?:latter|former)'s request", "", ev)
    ev = _WEEKDAY_PHRASE.sub("", ev).strip()
    expanded = expand_short_name(ev, names)
    if expanded is None:
        return None
    ev = expanded
    ws = words(ev)
    low = [w.lower() for w in ws]
    if not 3 <= len(ws) <= 18 or not self_contained(ev):
        return None
    if low[-1] in SAY_VERBS or low[-1] in FUNCTION_END or "said" in low or ev.count(",") > 1:
        return None
    if re.search(r"[\"“”]", ev) or re.search(r"\b(?:ago|later|earlier|recently)\b", ev, re.I):
        return None
    nominal = bool(_NOMINAL_EVENT.match(ev))
    if low[0].endswith("ing") and not nominal:
        return None  # subjectless gerund: "winning the war" (who won?)
    finite = _finite(low)
    if not (finite or nominal):
        return None
    if any(w.endswith("ing") for w in low[1:3]) and not nominal:
        return None  # "both leaders speaking virtually": no finite verb
    return cap(ev)


def _finite(low: list[str]) -> bool:
    """A finite verb after the first word; "brokered by" is a participle, not a clause."""
    for i, w in enumerate(low[1:], start=1):
        nxt = low[i + 1] if i + 1 < len(low) else ""
        if low[i - 1] in ("the", "a", "an", "this", "that", "its", "their", "his", "her", "of"):
            continue  # "the end", "a start": nouns
        if w.endswith("ed") and len(w) > 4 and nxt != "by":
            return True
        if w in _IRREGULAR_PAST or w in _COMMON_VERBS:
            return True
    return False


def event_is_clause(ev: str) -> bool:
    return _finite([w.lower() for w in words(ev)])


# --- leaders ------------------------------------------------------------------------------------

def is_commentator(role: str) -> bool:
    return bool({w.lower() for w in words(role)} & COMMENTATOR_WORDS)


def role_ok(f: Any) -> bool:
    """Is the role complete? "associate research fellow at the Institute of Russian" is not."""
    role = clean(getattr(f, "role", None))
    ws = words(role)
    if not ws or len(ws) > 12 or role.lower() in ("counterpart", "counterparts"):
        return False
    last = ws[-1].lower()
    if last in FUNCTION_END or last in NATIONALITY:
        return False
    for src in getattr(f, "sources", []):
        span = find_span(src.sentence, role)
        if span and re.match(r",\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+(?:and|&)\s", src.sentence[span[1]:]):
            return False  # the institute's name continues: "of Russian, Eastern European and ..."
    return True


def article_pairs(goal_facts: Iterable[Any], leaders: Sequence[Any]) -> dict[str, str]:
    """Per article, the one named pair of parties ("China and Russia") its goals speak for.

    Lets "both sides" / "the two nations" become a named actor; an article with two different
    named pairs (or none) resolves nothing.
    """
    seen: dict[str, dict[frozenset[str], str]] = {}
    for f in goal_facts:
        a = named_actor(clean(getattr(f, "actor", None)))
        if not a:
            continue
        ps = frozenset(p for p in parties(a) if p in {normalise(c) for c in NATIONALITY.values()})
        if len(ps) != 2 or not re.fullmatch(r"[A-Z][\w-]+ (?:and|&) [A-Z][\w-]+", a):
            continue
        for s in f.sources:
            seen.setdefault(s.article, {}).setdefault(ps, a.replace("&", "and"))
    return {art: next(iter(d.values())) for art, d in seen.items() if len(d) == 1}
