"""Merging raw facts across a corpus: one fact per identity, sources unioned, short names and
acronyms resolved, conflicting values flagged; and the plain sentence each merged fact states.

Pure and order-independent: ``merge(raw)`` gives the same facts and ids whatever order the raw
facts come in, so one changed article can be re-extracted and merged with the others' stored raw
facts (``facts.store``).
"""

from __future__ import annotations

import re
from collections import defaultdict

from .ids import _human, _key, fact_id
from .lexicon import ASKING_VERBS
from .mechanisms import acronym_of, normalise
from .types import Fact


def _role_family(role: str) -> str:
    r = role.lower()
    for fam in ("foreign minister", "president", "prime minister", "minister", "ambassador",
                "spokesperson", "secretary", "fellow", "professor", "analyst"):
        if fam in r:
            return fam
    return r.split(" at ")[0]


# ---------------------------------------------------------------- merging
def _identity(f: Fact, full_names: dict[str, str], acronym_keys: dict[str, str]) -> tuple | None:
    """What makes two raw facts the same fact (None: drop it, e.g. an unresolvable short name)."""
    if f.kind == "leader":
        name = f.name or ""
        if " " not in name:
            resolved = full_names.get(name)
            if resolved is None and not f.role:
                return None
            name = resolved or name
        return ("leader", name)
    if f.kind == "mechanism":
        name = f.name or ""
        if f.subtype == "acronym":
            key = acronym_keys.get(name)
            if key:
                return ("mechanism", key)
            return ("mechanism", name.lower()) if f.confidence >= 0.7 else None
        if name.isupper() and name in acronym_keys:
            return ("mechanism", acronym_keys[name])
        return ("mechanism", normalise(name))
    if f.kind == "date":
        if f.subtype == "publication":
            return ("date", "published", f.sources[0].article)
        return ("date", f.date, _key(f.event))
    return ("goal", _key(f.actor), _key(f.goal))


def standalone_id(f: Fact) -> str | None:
    """The id ``f`` gets when nothing else in the collection resolves it (a bare acronym, a
    surname with a role). Once another article spells the acronym out or names the person in
    full, ``f`` merges into that fact and the standalone one must be retired: ``facts.store``
    looks these ids up among the facts to retire."""
    if f.kind == "leader" and " " in (f.name or ""):
        return None  # a full name is never resolved into another
    if f.kind == "mechanism" and f.subtype != "acronym" and not (f.name or "").isupper():
        return None  # nor is a spelled-out name
    if f.kind not in ("leader", "mechanism"):
        return None
    ident = _identity(f, {}, {})
    return fact_id(*[str(p) for p in ident]) if ident is not None else None


def merge(raw: list[Fact]) -> list[Fact]:
    """Pure corpus-wide merge: one fact per identity, sources unioned, short names and acronyms
    resolved against everything in ``raw``, conflicting slot values kept and flagged.

    Ids hash the identity only, so they do not depend on article order or on which other
    articles are present.
    """
    return [fact for fact, _group, _summary in merge_groups(raw)]


def resolved_by_others(f: Fact) -> bool:
    """Does ``f``'s identity depend on the rest of the collection (a surname alone, an acronym),
    or its merged value on other groups (a date, whose conflicts are flagged across events)?"""
    if f.kind == "leader":
        return " " not in (f.name or "")
    if f.kind == "mechanism":
        return f.subtype == "acronym" or (f.name or "").isupper()
    return f.kind == "date"


def resolution(raw: list[Fact]) -> tuple[dict[str, str], dict[str, str]]:
    """How short names and acronyms resolve among ``raw``: a surname alone -> the one full name
    containing it; an acronym -> the key of the name defining it in brackets or, failing that, of
    the one spelled-out name whose initials it is."""
    fulls = sorted({f.name for f in raw if f.kind == "leader" and f.name and " " in f.name})
    tokens: dict[str, set[str]] = defaultdict(set)
    for full in fulls:
        for w in full.split():
            tokens[w].add(full)
    full_names = {w: next(iter(v)) for w, v in tokens.items() if len(v) == 1}
    acronym_keys: dict[str, str] = {}
    for f in raw:
        if f.kind == "mechanism" and f.name and not f.name.isupper():
            for a in f.aliases:
                if a.isupper() or re.fullmatch(r"[A-Z][A-Za-z&]{1,9}", a) and sum(c.isupper() for c in a) >= 2:
                    acronym_keys.setdefault(a, normalise(f.name))
    # an acronym never defined in brackets still means the one full name whose initials it spells
    initials: dict[str, set[str]] = defaultdict(set)
    for f in raw:
        if f.kind == "mechanism" and f.name and not f.name.isupper() and " " in f.name:
            initials[acronym_of(f.name)].add(normalise(f.name))
    for acr, keys in initials.items():
        if len(acr) >= 2 and len(keys) == 1:
            acronym_keys.setdefault(acr, next(iter(keys)))
    return full_names, acronym_keys


def merge_groups(raw: list[Fact], touching: set[str] | None = None, changed: set[str] | None = None,
                 keep: set[str] | None = None) -> list[tuple[Fact, list[Fact], dict | None]]:
    """``merge``, with the raw facts each merged fact was made from and, for a leader or a body,
    their summary (``facts.fold``). ``touching`` keeps only the groups a change to articles with
    these merge keys can alter (``facts.store`` syncs only those after an article changes; the
    others are still read, for how they resolve short names, but not merged). Dates of one event
    share its keys, so their conflicts are all seen.

    Given the changed articles' keys (``changed``) and the ids of the facts that cited them
    (``keep``), fewer groups count as touched, with the same result: a group changes only when
    it gains or loses a raw fact of those articles, or a raw fact whose identity the rest of the
    collection decides (``resolved_by_others``) and which shares a key with them. A key shared
    only by full names, spelled-out bodies and goals resolves nothing, so "John Smith" is not
    merged again because another article names a John, unless some raw fact says "John" alone.
    Without ``changed``, any shared key touches (the rule tests compare against)."""
    full_names, acronym_keys = resolution(raw)
    by_key: dict[tuple, list[Fact]] = defaultdict(list)
    for f in raw:
        ident = _identity(f, full_names, acronym_keys)
        if ident is not None:
            by_key[ident].append(f)
    out: list[tuple[Fact, list[Fact], dict | None]] = []
    if touching is not None:
        from .keys import merge_keys

        if changed is None:
            by_key = {i: g for i, g in by_key.items() if any(merge_keys(f) & touching for f in g)}
        else:
            live = {k for f in raw if resolved_by_others(f) for k in merge_keys(f) & touching}
            keep = keep or set()

            def touched(ident: tuple, group: list[Fact]) -> bool:
                return any(s.article in changed for f in group for s in f.sources[:1]) or \
                    any(merge_keys(f) & live for f in group) or fact_id(*[str(p) for p in ident]) in keep

            by_key = {i: g for i, g in by_key.items() if touched(i, g)}
    for ident, group in by_key.items():
        fact, summary = _merge_group(ident, group, full_names)
        if fact is not None:
            out.append((fact, group, summary))
    _flag_date_conflicts([f for f, _g, _s in out])
    for f, _g, _s in out:
        f.statement = statement(f)
    out.sort(key=lambda p: (p[0].kind, p[0].sources[0].article, p[0].sources[0].sentence_idx or 0, p[0].id))
    return out


def union_sources(group: list[Fact]) -> list:
    """A group's sources once each (the first of one article, sentence and span, in merge order),
    sorted by article, sentence and span. ``group`` is in merge order (``fold.member_order``)."""
    seen, out = set(), []
    for f in group:
        for s in f.sources:
            k = (s.article, s.sentence, s.span)
            if k not in seen:
                seen.add(k)
                out.append(s)
    out.sort(key=lambda s: (s.article, s.sentence_idx if s.sentence_idx is not None else -1, s.span or (0, 0)))
    return out


def _merge_group(ident: tuple, group: list[Fact], full_names: dict[str, str]) -> tuple[Fact | None, dict | None]:
    """One group's merged fact, and for a leader or a body the group's summary (``facts.fold``)."""
    from . import fold

    kind = ident[0]
    group = sorted(group, key=fold.member_order)
    best = max(group, key=lambda f: (f.confidence, len(f.answer or "")))
    fact = Fact(**{**best.__dict__, "sources": [], "aliases": [], "items": list(best.items)})
    fact.id = fact_id(*[str(p) for p in ident])
    fact.sources = union_sources(group)
    if kind in fold.KINDS:
        summary = fold.summarise(kind, group)
        return fold.finish(fact, ident, summary, fact.source_count), summary
    if kind == "goal":
        fact.items = max((f.items for f in group), key=len)
    if kind == "date" and fact.subtype != "publication":
        fact.event = min((f.event for f in group if f.event), key=lambda e: (len(e), e))
        questions = sorted(f.question for f in group if f.question)
        fact.question = min(questions, key=len) if questions else None
    if kind == "date":
        aliases: list[str] = []
        for a in (x for f in group for x in [f.answer, *f.aliases, f.name or ""] if x):
            if a != fact.answer and a not in aliases:
                aliases.append(a)
        fact.aliases = aliases
    n = len({s.article for s in fact.sources})
    fact.confidence = round(min(0.99, fact.confidence + 0.03 * (n - 1)), 2)
    return fact, None


def _compatible(offices: set[str]) -> bool:
    """'Foreign Minister' and 'State Councilor and Foreign Minister' are one role, not a conflict."""
    ordered = sorted(offices, key=len)
    return all(o.lower() in ordered[-1].lower() for o in ordered)


def _flag_date_conflicts(facts: list[Fact]) -> None:
    by_event: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        # (each article has its own publication date: two of one title are not in conflict)
        if f.kind == "date" and f.event and f.subtype != "publication":
            by_event[re.sub(r"\W+", " ", f.event.lower()).strip()].append(f)
    for group in by_event.values():
        dates = {f.date for f in group}
        if len(dates) > 1:
            for f in group:
                f.conflict = True
                f.conflict_note = "Sources give different dates: " + ", ".join(sorted(dates))


# Goal verb lemma -> (third person singular, plural) as it reads before a noun phrase.
_GOAL_VERBS = {
    "hope": ("hopes for", "hope for"), "call": ("calls for", "call for"), "urge": ("urges", "urge"),
    "pledge": ("pledges", "pledge"), "support": ("supports", "support"), "aim": ("aims at", "aim at"),
    "want": ("wants", "want"), "seek": ("seeks", "seek"), "vow": ("vows", "vow"),
    "advocate": ("advocates", "advocate"), "propose": ("proposes", "propose"),
    "insist": ("insists on", "insist on"), "demand": ("demands", "demand"),
    "encourage": ("encourages", "encourage"), "back": ("backs", "back"),
    "welcome": ("welcomes", "welcome"), "oppose": ("opposes", "oppose"), "ask": ("asks for", "ask for"),
    "commit": ("is committed to", "are committed to"), "agree": ("agrees on", "agree on"),
}
# Before a verb ("aims to strengthen ..."): the same lemmas with "to".
_GOAL_VERBS_TO = {
    "hope": ("hopes to", "hope to"), "aim": ("aims to", "aim to"), "want": ("wants to", "want to"),
    "seek": ("seeks to", "seek to"), "vow": ("vows to", "vow to"), "pledge": ("pledges to", "pledge to"),
    "agree": ("agrees to", "agree to"), "intend": ("intends to", "intend to"),
    "plan": ("plans to", "plan to"), "strive": ("strives to", "strive to"),
    "promise": ("promises to", "promise to"), "willing": ("is willing to", "are willing to"),
    "ready": ("is ready to", "are ready to"), "commit": ("is committed to", "are committed to"),
    "urge": ("urges others to", "urge others to"), "call": ("calls on others to", "call on others to"),
}
_NOT_VERBS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
              "more", "greater", "closer", "stronger", "further", "all", "each", "every", "both", "no",
              "not", "new", "lasting", "peace", "stability", "international", "regional", "joint"}
_CLAUSE_MARKERS = re.compile(r"\b(?:would|will|can|could|should|shall|may|might|is|are|was|were)\b")
_PLURAL_ACTOR = re.compile(
    r"\band\b|&|^(?:both|the two|they|all)\b|(?:sides|nations|countries|governments|officials|leaders|"
    r"states|parties|ministers|members|counties|powers)$", re.I)


def _starts_with_verb(goal: str) -> bool:
    """Heuristic: goal phrases that begin with a bare verb ("strengthen ties", "jointly respond")."""
    first = goal.split()[0].lower().strip(",.;:") if goal.split() else ""
    if not first.isalpha() or first in _NOT_VERBS or goal[:1].isupper():
        return False
    if first.endswith("ly"):
        return True
    return not first.endswith(("ing", "tion", "sion", "ity", "ment", "ness", "ence", "ance", "s",
                               "ive", "al", "ous", "ic", "ful", "able", "ible", "ed"))


def goal_sentence(actor: str, verb: str | None, goal: str) -> str:
    """One plain sentence for a stated goal: "Both nations hope that Afghanistan would ..."."""
    actor = actor.strip()
    actor = actor[:1].upper() + actor[1:]
    head = re.split(r"\s+(?:between|of|from|with|under|in)\s+", actor)[0]
    plural = bool(_PLURAL_ACTOR.search(head))
    goal = goal.strip().rstrip(".")
    if verb == "should":
        return f"{actor} should {goal}."
    if goal.lower().startswith("to "):
        goal = goal[3:]
        pair = _GOAL_VERBS_TO.get(verb or "", ("aims to", "aim to"))
    elif _CLAUSE_MARKERS.search(goal) and not _starts_with_verb(goal) and verb in ("hope", "want", "insist", "propose", "demand", "agree", "ask"):
        pair = {"hope": ("hopes that", "hope that"), "insist": ("insists that", "insist that")}.get(
            verb or "", ("wants", "want") if verb == "want" else (f"{verb}s that", f"{verb} that"))
    elif _starts_with_verb(goal):
        pair = _GOAL_VERBS_TO.get(verb or "", ("aims to", "aim to"))
    elif verb in ASKING_VERBS and re.search(r"\bto\s+[a-z]", goal):  # "urges the secretariat to draft ..."
        pair = (f"{verb}s", verb)
    else:
        pair = _GOAL_VERBS.get(verb or "", ("aims at", "aim at"))
    return f"{actor} {pair[1] if plural else pair[0]} {goal}."


def statement(f: Fact) -> str:
    if f.kind == "date":
        ev = f.event or "the event"
        return f"{ev[0].upper() + ev[1:]}: {_human(f.date or '')}." if f.subtype != "publication" else f.statement
    if f.kind == "leader":
        where = f" of {f.country}" if f.country and " at " not in (f.role or "") else ""
        return f"{f.name} is {_article(f.role or '')} {f.role}{where}."
    if f.kind == "mechanism":
        acronyms = [a for a in f.aliases if a.isupper() and a != f.name]
        extra = f" ({', '.join(acronyms)})" if acronyms else ""
        what = {"organisation": "an organisation", "format": "a meeting format or forum",
                "treaty": "a treaty, agreement or declaration", "initiative": "an initiative or programme",
                "corridor": "an economic corridor", "partnership": "a partnership",
                "summit": "a summit or session"}.get(f.subtype or "", "a named body or instrument")
        the = "" if f.name.isupper() else "The "
        return f"{the}{f.name}{extra} is {what}."
    return goal_sentence(f.actor or "", f.subtype, f.goal or f.answer)


def _article(role: str) -> str:
    if role and role[0].isupper():
        return "the"
    return "an" if role[:1].lower() in "aeiou" else "a"
