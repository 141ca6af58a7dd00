"""Merge keys: which raw facts could merge with (or change the meaning of) one another.

``facts.merge`` decides a raw fact's identity with help from the rest of the collection: a
surname alone means the one full name containing it, an acronym the one name defined by or
spelling it, two dates for one event are a conflict. Every such dependency runs through a shared
key below (a name token, a normalised name, an acronym, an event, an actor and goal), so when one
article changes only the raw facts sharing keys with it, and theirs, need merging again; the rest of
the collection cannot be affected. ``facts.store`` looks them up in ``RawFactKey``.
"""

from __future__ import annotations

import hashlib
import re

from .ids import _key
from .mechanisms import acronym_of, normalise
from .types import Fact

_MAX = 200


def _k(prefix: str, text: str) -> str:
    key = f"{prefix}:{text}"
    if len(key) > _MAX:  # long goals: the hash is as good a key and fits the column
        key = f"{prefix}#" + hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()
    return key


def _acronymish(a: str) -> bool:
    return a.isupper() or bool(re.fullmatch(r"[A-Z][A-Za-z&]{1,9}", a)) and sum(c.isupper() for c in a) >= 2


def merge_keys(f: Fact) -> set[str]:
    """The keys through which ``f`` can meet another raw fact in ``facts.merge``."""
    if f.kind == "leader":
        name = f.name or ""
        return {_k("p", w.lower()) for w in name.split()} or {_k("p", "")}
    if f.kind == "mechanism":
        name = f.name or ""
        keys = {_k("m", normalise(name)), _k("m", name.lower())}
        if name.isupper() or f.subtype == "acronym":
            keys.add(_k("a", name))
        keys.update(_k("a", a) for a in f.aliases if _acronymish(a))
        if " " in name:
            keys.add(_k("a", acronym_of(name)))
        return keys
    if f.kind == "date":
        if f.subtype == "publication":
            return {_k("pub", f.sources[0].article if f.sources else "")}
        event = f.event or ""
        return {_k("d", _key(event)), _k("e", re.sub(r"\W+", " ", event.lower()).strip())}
    return {_k("g", _key(f.actor) + "|" + _key(f.goal))}
