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

from dataclasses import dataclass, field

from sqlalchemy import Text, cast, select
from sqlalchemy.orm import Session

from ..models import Fact, RawFact, RawFactKey
from . import fold
from .ids import fact_id
from .keys import _k, merge_keys
from .merge import statement, union_sources
from .sql import _decode, among, is_pg
from .types import Fact as PureFact

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


@dataclass
class Upload:
    """What folding an upload decided: the facts it folds into; the kinds that merge exactly
    instead; and the words of surnames it resolves anew, whose people merge exactly (``scoped``)."""

    folded: list[Folded] = field(default_factory=list)
    exact: set[str] = field(default_factory=set)
    scoped: set[str] = field(default_factory=set)

    def exact_keys(self, keys: set[str]) -> set[str]:
        """Of an upload's merge keys, those to merge exactly: of the kinds not folded, and the
        scoped surnames' (their groups hold every person named with them: ``facts.keys``)."""
        folds = tuple(p for kind, prefixes in PREFIXES.items() if kind not in self.exact for p in prefixes)
        return {k for k in keys if not k.startswith(folds)} | {_k("p", w) for w in self.scoped}

    def merges_exactly(self, f: PureFact) -> bool:
        """Is the merged fact ``f`` (from the exact merge of ``exact_keys``) this upload's to sync?
        A leader merged for a scoped surname is, only when named with one of them."""
        if f.kind != "leader" or f.kind in self.exact or not self.scoped:
            return True
        return self.names_scoped(f.name)

    def names_scoped(self, name: str | None) -> bool:
        """Does this name hold a scoped surname's word? (Its group merges exactly, never folds.)"""
        return any(w.lower() in self.scoped for w in (name or "").split())


def fold_upload(session: Session, collection_id: int, article_ids: set[int], new: list[PureFact]) -> Upload:
    """Fold the upload's leader and body raw facts (``new``, in id order) where they can be.

    A kind merges exactly instead when the upload gives a body's letters a new meaning, a group
    has old raw facts but no stored summary (stored before summaries were kept), or a raw fact
    has no source to place it. Kinds never share a merge key, so one kind can fold while the other
    merges exactly. A surname the upload resolves anew ("Banda" once meant Mwila Banda; now a
    Tomas Banda is named too) sends only the people named with that word to the exact merge."""
    out = Upload()
    new = [f for f in new if f.kind in fold.KINDS]
    if not new:
        return out
    keys = set().union(*(merge_keys(f) for f in new))
    old = _light(session, collection_id, keys, article_ids)
    for kind in fold.KINDS:
        mine = [f for f in new if f.kind == kind]
        if not mine:
            continue
        done = _fold_kind(session, collection_id, [f for f in old if f.kind == kind], mine, out)
        if done is None:
            out.exact.add(kind)
        else:
            out.folded.extend(done)
    return out


def _fold_kind(session: Session, collection_id: int, old: list[PureFact], new: list[PureFact],
               upload: Upload) -> list[Folded] | None:
    if any(not f.sources for f in new):
        return None
    groups, had, moved = fold.group_upload(old, new)
    if moved and new[0].kind != "leader":
        return None
    if moved:
        upload.scoped |= {m.lower() for m in moved}
        groups = {ident: g for ident, g in groups.items() if not upload.names_scoped(str(ident[1]))}
    uids = {fact_id(*[str(p) for p in ident]): ident for ident in groups}
    rows = {r.uid: r for r in session.scalars(select(Fact).where(
        Fact.collection_id == collection_id, among(Fact.uid, set(uids), is_pg(session))))} if uids else {}
    out = []
    for uid, ident in uids.items():
        members = groups[ident]
        row = rows.get(uid)
        added = fold.summarise(ident[0], members)
        sources = union_sources(sorted(members, key=fold.member_order))
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


def _light(session: Session, collection_id: int, keys: set[str], article_ids: set[int]) -> list[PureFact]:
    """The other articles' raw facts sharing a key with ``keys``, with only what resolving names
    needs (kind, name, kind of body, spellings, role, confidence), each distinct reading once, in
    the order of its first raw fact: a head of state's name brings every raw fact naming them,
    nearly all alike. The JSON is decoded here (``_decode``): PostgreSQL's ``json`` parses the
    whole document again for every field asked of it in SQL."""
    pg = is_pg(session)
    ids = set(session.scalars(select(RawFactKey.raw_fact_id).where(
        RawFactKey.collection_id == collection_id, among(RawFactKey.key, keys, pg))))
    if not ids:
        return []
    rows = session.scalars(select(cast(RawFact.data, Text)).where(
        among(RawFact.id, ids, pg), RawFact.article_id.not_in(sorted(article_ids))).order_by(RawFact.id))
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
