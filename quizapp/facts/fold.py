"""A merged leader's or body's group, summed up so that one more article folds into it.

Why: a head of state or a bloc named in hundreds of articles is one merged fact made from hundreds
of raw facts. Merging is exact (``facts.merge``), but re-reading and re-merging every one of those raw
facts each time one more article names them is the cost that grew with the collection. Everything
``facts.merge`` takes from a leader's or a body's group is a count, a maximum or a first position:
how often each role, country, name and kind was given, the best raw fact, the shortest question, the
first place each spelling appeared. A ``Summary`` keeps exactly those, so that

    finish(summarise(old + new)) == finish(combine(summarise(old), summarise(new)))

whenever the new raw facts come from articles the old ones do not (an upload). The summary is
stored with the merged fact (``Fact.fold``); ``facts.store`` folds an upload's raw facts into it
when nothing the upload says changes how other raw facts resolve, and merges exactly otherwise
(edits, retirements, a new full name a surname now points to). The exact merge builds its facts
through the same functions, so both ways give the same fact by construction, and
``tests/test_ingest_sequences.py`` checks the stored facts against a full merge after every step.

A position is ``[article, sentence index, rank]``: the order ``facts.merge`` sorts a group in (first
source's article and sentence, then the order the raw facts came in). Ranks are only compared
between raw facts of one article, which are always on the same side of a fold.
"""

from __future__ import annotations

from typing import Any

from .types import Fact

# Bump when a summary's shape or meaning changes: older summaries are then ignored (the next exact
# merge of the group writes a new one).
VERSION = 1
KINDS = ("leader", "mechanism")

Summary = dict[str, Any]


def member_order(f: Fact) -> tuple[str, int]:
    """Where ``f`` sorts in its group (as ``facts.merge`` sorts a group before merging it)."""
    if not f.sources:
        return "", 0
    return f.sources[0].article, f.sources[0].sentence_idx or 0


def summarise(kind: str, group: list[Fact]) -> Summary:
    """The summary of ``group`` (any order: it is sorted here as the merge sorts it)."""
    s: Summary = {"v": VERSION, "n": 0, "best": None, "forms": {}, "question": None}
    if kind == "mechanism":
        s.update(names={}, subtypes={})
    else:
        s.update(roles={}, countries={}, conf_max=None)
    for rank, f in enumerate(sorted(group, key=member_order)):
        _add(s, kind, f, [*member_order(f), rank])
    return s


def _better(a: list, b: list | None) -> bool:
    """Is best-candidate ``a`` better than ``b``: higher (confidence, answer length), then earlier."""
    if b is None:
        return True
    return (a[0], a[1]) > (b[0], b[1]) or ((a[0], a[1]) == (b[0], b[1]) and a[2] < b[2])


def _shorter(q: str | None, best: str | None) -> bool:
    return q is not None and (best is None or (len(q), q) < (len(best), best))


def _add(s: Summary, kind: str, f: Fact, pos: list) -> None:
    s["n"] += 1
    candidate = [f.confidence, len(f.answer or ""), pos, bool(f.conflict), f.conflict_note]
    if _better(candidate, s["best"]):
        s["best"] = candidate
    forms = s["forms"]
    for i, x in enumerate([f.answer, *f.aliases, f.name or ""]):
        if x and (x not in forms or [*pos, i] < forms[x]):
            forms[x] = [*pos, i]
    if f.question and _shorter(f.question, s["question"]):
        s["question"] = f.question
    if kind == "mechanism":
        if f.name:
            c = s["names"].setdefault(f.name, [0, 0, 0])
            if f.subtype != "acronym":
                c[1 if f.name.isupper() else 0] += 1
            c[2] += 1
        if f.subtype and f.subtype != "acronym":
            s["subtypes"][f.subtype] = s["subtypes"].get(f.subtype, 0) + 1
    else:
        if f.role:
            s["roles"][f.role] = s["roles"].get(f.role, 0) + 1
        if f.country:
            s["countries"][f.country] = s["countries"].get(f.country, 0) + 1
        if s["conf_max"] is None or f.confidence > s["conf_max"]:
            s["conf_max"] = f.confidence


def combine(kind: str, a: Summary, b: Summary) -> Summary:
    """The summary of two disjoint groups' union (``a`` as stored, ``b`` of an upload's raw facts)."""
    out: Summary = {"v": VERSION, "n": a["n"] + b["n"], "question": a["question"]}
    out["best"] = b["best"] if _better(b["best"], a["best"]) else a["best"]
    out["forms"] = dict(a["forms"])
    for x, pos in b["forms"].items():
        if x not in out["forms"] or pos < out["forms"][x]:
            out["forms"][x] = pos
    if _shorter(b["question"], out["question"]):
        out["question"] = b["question"]
    if kind == "mechanism":
        names = {n: list(c) for n, c in a["names"].items()}
        for n, c in b["names"].items():
            names[n] = [x + y for x, y in zip(names.get(n, [0, 0, 0]), c, strict=True)]
        out["names"] = names
        out["subtypes"] = _add_counts(a["subtypes"], b["subtypes"])
    else:
        out["roles"] = _add_counts(a["roles"], b["roles"])
        out["countries"] = _add_counts(a["countries"], b["countries"])
        maxima = [x for x in (a["conf_max"], b["conf_max"]) if x is not None]
        out["conf_max"] = max(maxima) if maxima else None
    return out


def _add_counts(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0) + v
    return out


def usable(s: Any) -> bool:
    """A stored summary this code can fold into."""
    return isinstance(s, dict) and s.get("v") == VERSION


def finish(fact: Fact, ident: tuple, s: Summary, articles: int) -> Fact | None:
    """Fill ``fact`` (the group's best raw fact's copy, or a bare fact of that kind) from the
    summary: its name, role, kind, question, spellings and confidence, as ``facts.merge`` decides
    them. ``articles``: how many articles the group's sources come from. None when the group makes
    no fact (a person never given a role)."""
    from .merge import _compatible, _role_family

    kind = ident[0]
    conf, _length, _pos, conflict, note = s["best"]
    fact.confidence, fact.conflict, fact.conflict_note = conf, conflict, note
    fact.question = s["question"]
    if kind == "mechanism":
        names = s["names"]
        plain = {n: c[0] + (c[1] if s["n"] == 1 else 0) for n, c in names.items()}
        counts = {n: c for n, c in plain.items() if c} or {n: c[2] for n, c in names.items()}
        fact.name = max(counts, key=lambda n: (not n.isupper(), len(n), counts[n], n))
        fact.answer = fact.name
        subtypes = s["subtypes"]
        # the commonest reading; ties broken by name so that input order never matters
        fact.subtype = max(sorted(subtypes), key=lambda k: subtypes[k]) if subtypes else "organisation"
    else:
        fact.name = ident[1]
        fact.answer = fact.name
        roles, countries = s["roles"], s["countries"]
        if not roles:
            return None
        offices = {r for r in roles if " at " not in r}
        if len(offices) > 1 and not _compatible(offices):
            fact.conflict = True
            fact.conflict_note = "Different roles in the sources: " + "; ".join(sorted(offices))
        fact.role = max(roles, key=lambda r: (roles[r], len(r), r))
        fact.country = max(countries, key=lambda c: (countries[c], c)) if countries else None
        fact.subtype = _role_family(fact.role)
        fact.confidence = s["conf_max"]
    fact.aliases = [x for x, _pos in sorted(s["forms"].items(), key=lambda p: p[1]) if x != fact.answer]
    fact.confidence = round(min(0.99, fact.confidence + 0.03 * (articles - 1)), 2)
    return fact


def group_upload(old: list[Fact], new: list[Fact]) -> tuple[dict[tuple, list[Fact]], set[tuple], set[str]]:
    """An upload's leader and body raw facts (``new``) grouped by identity; the identities the old
    raw facts sharing a merge key with them (``old``, in id order) have; and the names of the old
    raw facts the upload resolves anew (a surname now pointing to a new full name, or to none; an
    acronym a new article spells out): their groups need an exact merge.

    ``old`` holds every raw fact that could tell how ``new`` resolves, or be resolved anew by it:
    a surname, a full name and an acronym each share a merge key (``facts.keys``) with every name
    that decides what they mean."""
    from .merge import _identity, resolution, resolved_by_others

    before = resolution(old)
    after = resolution(old + new)
    moved = {f.name or "" for f in old if resolved_by_others(f) and _identity(f, *before) != _identity(f, *after)}
    groups: dict[tuple, list[Fact]] = {}
    for f in new:
        ident = _identity(f, *after)
        if ident is not None:
            groups.setdefault(ident, []).append(f)
    had = {_identity(f, *after) for f in old} - {None}
    return groups, had, moved
