"""Computed pages kept per worker process, valid while the data they came from is unchanged.

Why: the progress dashboard aggregates a student's whole history (about 8 ms of work for a
student with a thousand answers and ratings, most of a request's cost), yet most views of it
follow no new study: a reload, a return from another page. Each snapshot remembers the
*fingerprint* of the data it was computed from and a time it stays valid until. The caller
reads the fingerprint from the database on every request (one cheap statement), so a write
made through any worker, on any host, changes it and the next view here is computed afresh.
Nothing in this cache is needed by another worker; it only saves this one work.

What a fingerprint cannot see (the passing of time, data shared by everyone) is bounded by the
validity time the caller gives: the next moment a card falls due, the end of the student's day,
and a short maximum age.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Snapshot:
    fingerprint: Hashable
    valid_until: datetime
    value: Any


class SnapshotCache:
    """A bounded least-recently-used map of key → :class:`Snapshot`, safe for threaded servers."""

    def __init__(self, size: int) -> None:
        self.size = max(0, size)
        self._items: OrderedDict[Hashable, Snapshot] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable, fingerprint: Hashable, now: datetime) -> Any | None:
        """The value stored for ``key`` if it was computed from ``fingerprint`` and is still valid."""
        with self._lock:
            snap = self._items.get(key)
            if snap is None or snap.fingerprint != fingerprint or now >= snap.valid_until:
                if snap is not None:
                    del self._items[key]
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return snap.value

    def put(self, key: Hashable, fingerprint: Hashable, valid_until: datetime, value: Any) -> None:
        if self.size == 0:
            return
        with self._lock:
            self._items[key] = Snapshot(fingerprint, valid_until, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
