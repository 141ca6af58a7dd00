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

A snapshot one worker computed is also written to a directory the workers of one host share
(:class:`SnapshotFiles`), so a student who studied and then looks at the dashboard has it computed
once per host rather than once per worker their views happen to reach. The files are a cache too:
missing, unreadable or stale ones are simply computed again.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import pickle
import threading
import time
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    fingerprint: Hashable
    valid_until: datetime
    value: Any


class SnapshotCache:
    """A bounded least-recently-used map of key → :class:`Snapshot`, safe for threaded servers,
    in front of an optional :class:`SnapshotFiles` shared with the host's other workers."""

    def __init__(self, size: int, shared: SnapshotFiles | None = None) -> None:
        self.size = max(0, size)
        self.shared = shared
        self._items: OrderedDict[Hashable, Snapshot] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, fingerprint: Hashable, now: datetime) -> Any | None:
        """The value stored for ``key`` if it was computed from ``fingerprint`` and is still valid."""
        with self._lock:
            snap = self._items.get(key)
            if snap is not None and snap.fingerprint == fingerprint and now < snap.valid_until:
                self._items.move_to_end(key)
                return snap.value
            if snap is not None:
                del self._items[key]
        snap = self.shared.get(key, fingerprint, now) if self.shared else None
        if snap is None:
            return None
        self._remember(key, snap)
        return snap.value

    def put(self, key: Hashable, fingerprint: Hashable, valid_until: datetime, value: Any) -> None:
        snap = Snapshot(fingerprint, valid_until, value)
        self._remember(key, snap)
        if self.shared:
            self.shared.put(key, snap)

    def _remember(self, key: Hashable, snap: Snapshot) -> None:
        if self.size == 0:
            return
        with self._lock:
            self._items[key] = snap
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


class SnapshotFiles:
    """Snapshots as files in one directory, shared by the workers of a host.

    Each file is ``HMAC-SHA256(key, body) + body`` with ``body`` a pickle, and the signature is
    checked before anything is unpickled: only a process holding the app's secret key can write a
    file this class will load, and such a process could sign session cookies anyway. A file is
    written to a temporary name and renamed over the old one, so a reader sees a whole file or
    the previous one. Files older than ``max_age_s`` can no longer be valid and are swept now and
    then. Any error is logged and treated as a miss: a cache must never fail a request.
    """

    SWEEP_EVERY = 50  # writes per process between sweeps

    def __init__(self, directory: str | Path, secret: str | bytes, max_age_s: float) -> None:
        self.directory = Path(directory)
        raw = secret.encode() if isinstance(secret, str) else secret
        self._key = hashlib.sha256(b"quizapp dashboard snapshots\0" + raw).digest()
        self.max_age_s = max_age_s
        self._writes = 0

    def _path(self, key: Hashable) -> Path:
        return self.directory / f"{hashlib.sha256(repr(key).encode()).hexdigest()[:32]}.snap"

    def get(self, key: Hashable, fingerprint: Hashable, now: datetime) -> Snapshot | None:
        try:
            data = self._path(key).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as e:
            log.warning("dashboard snapshot unreadable: %s", e)
            return None
        mac, body = data[:32], data[32:]
        if not hmac.compare_digest(mac, hmac.new(self._key, body, hashlib.sha256).digest()):
            log.warning("dashboard snapshot with a bad signature ignored: %s", self._path(key).name)
            return None
        try:
            stored_key, snap = pickle.loads(body)  # noqa: S301 (signed by us: checked just above)
        except Exception as e:  # a file from an older version of the code
            log.warning("dashboard snapshot unreadable: %s", e)
            return None
        if stored_key != key or snap.fingerprint != fingerprint or now >= snap.valid_until:
            return None
        return snap

    def put(self, key: Hashable, snap: Snapshot) -> None:
        try:
            body = pickle.dumps((key, snap), protocol=pickle.HIGHEST_PROTOCOL)
            self.directory.mkdir(parents=True, exist_ok=True)
            tmp = self.directory / f".{os.getpid()}-{threading.get_ident()}.tmp"
            tmp.write_bytes(hmac.new(self._key, body, hashlib.sha256).digest() + body)
            os.replace(tmp, self._path(key))
        except (OSError, pickle.PicklingError, TypeError, AttributeError) as e:
            log.warning("dashboard snapshot not shared: %s", e)
            return
        self._writes += 1
        if self._writes % self.SWEEP_EVERY == 0:
            self.sweep()

    def sweep(self) -> int:
        """Remove files too old to be valid; returns how many went."""
        cutoff = time.time() - self.max_age_s
        gone = 0
        try:
            entries = list(os.scandir(self.directory))
        except OSError:
            return 0
        for entry in entries:
            try:
                if entry.name.endswith(".snap") and entry.stat().st_mtime < cutoff:
                    os.unlink(entry.path)
                    gone += 1
            except OSError:
                pass  # another worker swept it first
        return gone
