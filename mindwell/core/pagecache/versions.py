"""Versions: one number per topic (see `declare.py`), shared by every process that serves
the site. A stored page keeps the versions of everything it shows, and is served only
while they are all still current.

Versions live in Redis when REDIS_URL is set, otherwise in a small memory-mapped file in
MINDWELL_VAR_DIR shared by every process on the machine.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import mmap
import os
import struct
import threading
import time
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from django.conf import settings

# Every stored page depends on this name: bumping it makes every page stale.
EVERY_PAGE = "site"
_INT64 = struct.Struct("<q")


@functools.lru_cache(maxsize=1 << 16)
def _slot_offset(name: str, slots: int) -> int:
    return 8 * (2 + zlib.crc32(name.encode()) % (slots - 2))


class FileVersions:
    """Versions in a memory-mapped file of 8-byte slots, shared by every process on a machine.

    Slot 0 is a sequence lock, slot 1 the global sequence, and a name lives in slot
    2 + crc32(name) % (slots - 2). Two names may share a slot: a bump of one then also
    invalidates pages of the other, which costs a re-render, never correctness.

    Writers (bumps, rare) take an exclusive flock among themselves and make the sequence
    lock odd while they write. Readers (every cache hit) take no lock at all: they read the
    sequence lock, the slots, and the sequence lock again, and retry if it was odd or
    moved. A shared flock per read would starve the writers under a stream of readers.
    """

    def __init__(self, path: Path, slots: int = 1 << 20) -> None:
        self.path = path
        self.slots = slots
        size = slots * 8
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if os.fstat(fd).st_size < size:
                os.ftruncate(fd, size)  # sparse: pages are allocated as slots are touched
            self.map = mmap.mmap(fd, size)
        finally:
            os.close(fd)
        self.lock_fd = os.open(path, os.O_RDWR)

    def _slot(self, name: str) -> int:
        return _slot_offset(name, self.slots)

    def _read(self, offsets: Sequence[int]) -> tuple[int, ...]:
        unpack, m = _INT64.unpack_from, self.map
        tries = 0
        while True:
            before = unpack(m, 0)[0]
            if before % 2 == 0:
                values = tuple([unpack(m, offset)[0] for offset in offsets])
                if unpack(m, 0)[0] == before:
                    return values
            tries += 1
            if tries % 1000 == 0:
                self._repair()
            time.sleep(0)  # a bump is being written: let it finish

    def _repair(self) -> None:
        """Make the sequence lock even again if a writer died half-way. A live writer holds
        the flock until its counter is even, so taking the flock waits for it instead."""
        fcntl.flock(self.lock_fd, fcntl.LOCK_EX)
        try:
            lock = struct.unpack_from("<q", self.map, 0)[0]
            if lock % 2:
                struct.pack_into("<q", self.map, 0, lock + 1)
                # Whatever it was writing may be half-written: move every page on.
                value = struct.unpack_from("<q", self.map, 8)[0] + 1
                struct.pack_into("<q", self.map, 8, value)
                struct.pack_into("<q", self.map, self._slot(EVERY_PAGE), value)
        finally:
            fcntl.flock(self.lock_fd, fcntl.LOCK_UN)

    def seq(self) -> int:
        return self._read((8,))[0]

    def get(self, names: Sequence[str]) -> tuple[int, ...]:
        return self._read([self._slot(name) for name in names])

    def probe(self, names: Sequence[str]) -> Any:
        """What `read` needs to get these names' versions again and again, fast."""
        return tuple([self._slot(name) for name in names])

    def read(self, probe: Any) -> tuple[int, ...]:
        return self._read(probe)

    def bump(self, names: Iterable[str]) -> None:
        offsets = [self._slot(name) for name in names]
        fcntl.flock(self.lock_fd, fcntl.LOCK_EX)
        try:
            m, pack, unpack = self.map, struct.pack_into, struct.unpack_from
            lock = unpack("<q", m, 0)[0]
            pack("<q", m, 0, lock + 1)  # odd: readers wait
            value = unpack("<q", m, 8)[0] + 1
            pack("<q", m, 8, value)
            for offset in offsets:
                pack("<q", m, offset, value)
            pack("<q", m, 0, lock + 2)
        finally:
            fcntl.flock(self.lock_fd, fcntl.LOCK_UN)


class RedisVersions:
    """Versions in Redis, for any number of processes on any number of machines."""

    def __init__(self, client: Any, prefix: str) -> None:
        self.client = client
        self.prefix = prefix
        self.seq_key = f"{prefix}v:seq"

    def seq(self) -> int:
        return int(self.client.get(self.seq_key) or 0)

    def get(self, names: Sequence[str]) -> tuple[int, ...]:
        return self.read(self.probe(names))

    def probe(self, names: Sequence[str]) -> Any:
        return [f"{self.prefix}v:{n}" for n in names]

    def read(self, probe: Any) -> tuple[int, ...]:
        return tuple(int(v or 0) for v in self.client.mget(probe))

    def bump(self, names: Iterable[str]) -> None:
        value = self.client.incr(self.seq_key)
        mapping = {f"{self.prefix}v:{n}": value for n in names}
        if mapping:
            self.client.mset(mapping)


_store_lock = threading.Lock()
_versions: FileVersions | RedisVersions | None = None
_redis: Any = None


def _prefix() -> str:
    # Pages and versions of different databases (a benchmark's and a developer's) never mix.
    db = settings.DATABASES["default"]
    ident = f"{db['ENGINE']}|{db.get('HOST', '')}|{db.get('PORT', '')}|{db['NAME']}"
    return "mw:" + hashlib.sha1(ident.encode()).hexdigest()[:10] + ":"


def _redis_client() -> Any:
    global _redis
    if _redis is None and settings.REDIS_URL:
        import redis

        _redis = redis.Redis.from_url(settings.REDIS_URL)
    return _redis


def versions() -> FileVersions | RedisVersions:
    global _versions
    if _versions is None:
        with _store_lock:
            if _versions is None:
                client = _redis_client()
                if client is not None:
                    _versions = RedisVersions(client, _prefix())
                else:
                    _versions = FileVersions(Path(settings.MINDWELL_PAGE_VERSIONS_FILE))
    return _versions


def reset_versions() -> None:
    """Forget the open version store (tests that change the settings)."""
    global _versions, _redis
    with _store_lock:
        _versions = None
        _redis = None


def current_versions(entry: Any) -> tuple[int, ...]:
    """The current versions of a stored page's `deps` (anonymous and member pages alike)."""
    store = versions()
    if entry.probe is None:
        entry.probe = store.probe(entry.deps)
    return store.read(entry.probe)


def is_fresh(entry: Any, ttl: float) -> bool:
    """A stored page (anonymous or member) is younger than `ttl` seconds and every
    version it was stored with is still current."""
    if entry is None or time.time() - entry.stored_at > ttl:
        return False
    return current_versions(entry) == entry.versions


def versions_if_unchanged(deps: Sequence[str], started_seq: int) -> tuple[int, ...] | None:
    """The versions to store a page under, or None if one of them changed after the page
    began rendering: a change committed meanwhile, so it may show the old data."""
    current = versions().get(deps)
    return current if max(current, default=0) <= started_seq else None
