"""A cache of verify answers that stays correct across workers.

A desk pastes the same viral statement many times, and a front end asks again when a
page reloads. Each answer is cached under a key made of the store's version (raised by
every write transaction, read in the same transaction as the search: see migration
0004), the verifier's configuration and the request itself. A write by any worker or by
the CLI raises the version, so no worker can serve an answer the store no longer gives;
entries of older versions are simply never asked for again and age out.

Two stores, chosen by ``CORROBORATE_CACHE_URL``:

- ``memory://`` (the default): a bounded LRU per worker process. Correct with any
  number of workers, since the version comes from the database; each worker warms its
  own copy.
- ``redis://host:6379/N``: one cache that every worker and container shares, entries
  expiring after ``CORROBORATE_CACHE_TTL`` seconds. When Redis cannot be reached the
  answer is computed as if nothing were cached: the cache never turns a request into an
  error.
- ``none``: no caching.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import OrderedDict
from typing import Protocol

log = logging.getLogger("corroborate.cache")


class Cache(Protocol):
    """Bytes by key."""

    kind: str

    def get(self, key: str) -> bytes | None: ...

    def set(self, key: str, value: bytes) -> None: ...


class MemoryCache:
    """A thread-safe LRU of at most ``entries`` values, in this process."""

    kind = "memory"

    def __init__(self, entries: int = 4096) -> None:
        if entries < 1:
            raise ValueError("a memory cache needs room for at least one entry")
        self.entries = entries
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def set(self, key: str, value: bytes) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.entries:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)


class RedisCache:
    """Entries in Redis, shared by every worker, each expiring after ``ttl`` seconds."""

    kind = "redis"

    def __init__(self, url: str, *, ttl: int = 3600, prefix: str = "corroborate") -> None:
        import redis

        # short timeouts: a slow or absent cache must cost a request little
        self.client = redis.Redis.from_url(url, socket_timeout=0.25, socket_connect_timeout=0.25)
        self.ttl = ttl
        self.prefix = f"{prefix}:verify:"

    def get(self, key: str) -> bytes | None:
        try:
            return self.client.get(self.prefix + key)
        except Exception as exc:  # any Redis failure is a miss
            log.warning("verify cache unavailable, computing the answer: %s", exc)
            return None

    def set(self, key: str, value: bytes) -> None:
        try:
            self.client.set(self.prefix + key, value, ex=self.ttl)
        except Exception as exc:
            log.warning("verify cache unavailable, answer not stored: %s", exc)


def cache_kind(url: str) -> str | None:
    """``memory``, ``redis`` or None (no caching) for a cache URL; ValueError otherwise."""
    scheme = url.split("://", 1)[0].lower() if "://" in url else url.strip().lower()
    if scheme in ("", "none", "off"):
        return None
    if scheme == "memory":
        return "memory"
    if scheme in ("redis", "rediss", "unix"):
        return "redis"
    raise ValueError(f"cache URL must be memory://, redis://host:port/db or none, not {url!r}")


def make_cache(
    url: str, *, entries: int = 4096, ttl: int = 3600, prefix: str = "corroborate"
) -> Cache | None:
    """The cache a URL names: ``memory://``, ``redis://…``/``rediss://…``, or ``none``."""
    kind = cache_kind(url)
    if kind == "memory":
        return MemoryCache(entries)
    if kind == "redis":
        return RedisCache(url, ttl=ttl, prefix=prefix)
    return None


def answer_key(version: int, configuration: str, request: dict) -> str:
    """The key of one answer: store version, verifier configuration, the request as sent."""
    payload = json.dumps([version, configuration, request], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
