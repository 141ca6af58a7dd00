"""Stable ids and plain renderings shared by extraction and merging.

An id hashes what a fact *says* (never article order or run), so re-running on an unchanged
corpus, or on a subset, gives the same ids and students' history keeps pointing at them.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache


def fact_id(kind: str, *parts: str) -> str:
    """Stable id: a hash of what the fact says (never of article order or run)."""
    key = "|".join([kind, *[_key(p) for p in parts]])
    return hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:16]


@lru_cache(maxsize=1 << 15)
def _key(text: str | None) -> str:
    """The plain form of a name, event or goal that ids and merge keys compare. Cached (pure): a
    merge after each new article asks again about every raw fact sharing a key with it."""
    s = (text or "").replace("’", "'").replace("‘", "'").lower()
    s = re.sub(r"\W+", " ", s).strip()
    return re.sub(r"^the\s+", "", s)


# ---------------------------------------------------------------- the pipeline


def _human(iso: str) -> str:
    from datetime import date as _d

    parts = iso.split("-")
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    if len(parts) == 3:
        d = _d.fromisoformat(iso)
        return f"{d.day} {months[d.month - 1]} {d.year}"
    if len(parts) == 2:
        return f"{months[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]
