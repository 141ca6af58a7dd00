"""Folding an upload's leaders and bodies into their stored facts: the database side of
``facts.fold``.

Why: after an upload, ``facts.store`` merged again every raw fact within two key hops of the new
article, and a head of state or a bloc named in hundreds of articles brought hundreds of raw facts
each time. Here the upload's own leader and body raw facts are grouped against the raw facts that
share a merge key with them, read lightly (names, kinds, aliases: what resolution needs, no
sources), and each group folds into its fact's stored summary. Dates, goals and publication lines
still merge exactly: their groups are small, and a date's conflicts cross groups.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Text, cast, select
from sqlalchemy.orm import Session

from ..models import Fact, RawFact, RawFactKey
from . import fold
from .ids import fact_id
from .keys import merge_keys
from .merge import statement
from .sql import _among, _decode, _is_pg
from .types import Fact as PureFact
from .types import Source

# The merge keys of leaders (a name's words) and of bodies (names and acronyms): ``facts.keys``.
PREFIXES = {"leader": ("p:", "p#"), "mechanism": ("m:", "m#", "a:", "a#")}


@dataclass
class Folded:
    """One fact an upload folds into: the merged fact (its ``sources`` only the upload's), the
    group's new summary, how many articles its sources now come from, and its row (None: new)."""

    fact: PureFact
    summary: fold.Summary
    articles: int
    row: Fact | None


def fold_upload(session: Session, collection_id: int, article_ids: set[int],
                new: list[PureFact]) -> tuple[list[Folded], set[str]]:
    """The facts the upload's leader and body raw facts (``new``, in id order) fold into, and the
    kinds (leader, mechanism) that need an exact merge instead: the upload changes how an old raw
    fact of that kind resolves, a group has old raw facts but no stored summary (stored before
    summaries were kept), or a raw fact has no source to place it. Kinds never share a merge key,
    so one kind can fold while the other merges exactly."""
    new = [f for f in new if f.kind in fold.KINDS]
    if not new:
        return [], set()
    keys = set().union(*(merge_keys(f) for f in new))
    old = _light(session, collection_id, keys, article_ids)
    out: list[Folded] = []
    exact: set[str] = set()
    for kind in fold.KINDS:
        mine = [f for f in new if f.kind == kind]
        if not mine:
            continue
        folded = _fold_kind(session, collection_id, [f for f in old if f.kind == kind], mine)
        if folded is None:
            exact.add(kind)
        else:
            out.extend(folded)
    return out, exact


def _fold_kind(session: Session, collection_id: int, old: list[PureFact],
               new: list[PureFact]) -> list[Folded] | None:
    if any(not f.sources for f in new):
        return None
    grouped = fold.group_upload(old, new)
    if grouped is None:
        return None
    groups, had = grouped
    uids = {fact_id(*[str(p) for p in ident]): ident for ident in groups}
    rows = {r.uid: r for r in session.scalars(select(Fact).where(
        Fact.collection_id == collection_id, _among(Fact.uid, set(uids), _is_pg(session))))} if uids else {}
    out = []
    for uid, ident in uids.items():
        members = groups[ident]
        row = rows.get(uid)
        added = fold.summarise(ident[0], members)
        sources = _sources(members)
        fresh = len({s.article for s in sources})
        if row is not None and row.retired_at is None:
            if not fold.usable(row.fold):
                return None
            summary, articles = fold.combine(ident[0], row.fold, added), row.source_count + fresh
        elif ident in had:
            # Old raw facts that made no live fact: a person never given a role. Still none
            # unless the upload gives one; then their spellings and questions count too.
            if ident[0] == "leader" and not added["roles"]:
                continue
            return None
        else:
            summary, articles = added, fresh
        fact = fold.finish(PureFact(id=uid, kind=ident[0], statement="", answer="", sources=sources),
                           ident, summary, articles)
        if fact is None:
            continue
        fact.statement = statement(fact)
        out.append(Folded(fact, summary, articles, row))
    return out


def _sources(members: list[PureFact]) -> list[Source]:
    """The members' sources once each, in the merge's order (as ``facts.merge`` unions them)."""
    seen, out = set(), []
    for f in sorted(members, key=fold.member_order):
        for s in f.sources:
            k = (s.article, s.sentence, s.span)
            if k not in seen:
                seen.add(k)
                out.append(s)
    out.sort(key=lambda s: (s.article, s.sentence_idx if s.sentence_idx is not None else -1, s.span or (0, 0)))
    return out


def _light(session: Session, collection_id: int, keys: set[str], article_ids: set[int]) -> list[PureFact]:
    """The other articles' raw facts sharing a key with ``keys``, with only what resolving names
    needs (kind, name, kind of body, spellings, role, confidence), each distinct reading once, in
    the order of its first raw fact: a head of state's name brings every raw fact naming them,
    nearly all alike. The JSON is decoded here (``_decode``): PostgreSQL's ``json`` parses the
    whole document again for every field asked of it in SQL."""
    pg = _is_pg(session)
    ids = set(session.scalars(select(RawFactKey.raw_fact_id).where(
        RawFactKey.collection_id == collection_id, _among(RawFactKey.key, keys, pg))))
    if not ids:
        return []
    rows = session.scalars(select(cast(RawFact.data, Text)).where(
        _among(RawFact.id, ids, pg), RawFact.article_id.not_in(sorted(article_ids))).order_by(RawFact.id))
    seen: set[tuple] = set()
    out = []
    for text in rows:
        d = _decode(text)
        reading = (d["kind"], d.get("name"), d.get("subtype"), tuple(d.get("aliases") or ()), d.get("role"),
                   d.get("confidence", 1.0))
        if reading not in seen:
            seen.add(reading)
            kind, name, subtype, aliases, role, confidence = reading
            out.append(PureFact(id="", kind=kind, statement="", answer="", aliases=list(aliases),
                                confidence=confidence, name=name, role=role, subtype=subtype))
    return out
