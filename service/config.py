"""Settings: read once from ``CORROBORATE_*`` environment variables.

Nothing else in the code base reads ``os.environ``. Defaults give the embedded
mode: an SQLite file under ``./instance/``, lexical matching, one process.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from service.cache import cache_kind

PREFIX = "CORROBORATE_"


def _default_database_url() -> str:
    return f"sqlite:///{Path('instance').resolve() / 'corroborate.db'}"


def _bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"not a boolean: {value!r}")


def _list(value: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in value.split(",") if item.strip())


@dataclass(frozen=True)
class Settings:
    """Every setting the service reads, with the embedded defaults.

    Each field ``name`` is read from ``CORROBORATE_<NAME>``.
    """

    database_url: str = field(
        default_factory=_default_database_url,
        metadata={"doc": "SQLAlchemy URL. SQLite (embedded) or postgresql+psycopg://…"},
    )
    matcher: str = field(
        default="auto",
        metadata={
            "doc": "lexical, hybrid (sentence embeddings; needs the semantic extra) or "
            "auto: hybrid when the extra is installed"
        },
    )
    embedding_threads: int = field(
        default=1,
        metadata={
            "doc": "torch threads per process for sentence embeddings (1 suits one "
            "worker per core; more threads contend with the worker's own work)"
        },
    )
    seed_on_start: bool = field(
        default=True,
        metadata={
            "doc": "`corroborate serve` migrates and loads the seed articles if the store is empty"
        },
    )
    seeds_dir: str = field(
        default="seeds", metadata={"doc": "folder with the seed articles and manifest.yaml"}
    )
    host: str = field(default="127.0.0.1", metadata={"doc": "address `corroborate serve` binds"})
    port: int = field(default=8000, metadata={"doc": "port `corroborate serve` binds"})
    workers: int = field(
        default=2, metadata={"doc": "gunicorn worker processes (2 suits a 2-core machine)"}
    )
    threads: int = field(
        default=1,
        metadata={
            "doc": "threads per gunicorn worker (matching is CPU-bound: on 2 cores 1 thread "
            "served 203 verify requests/s, 4 threads 149; more suit a remote database)"
        },
    )
    worker_timeout: int = field(
        default=30, metadata={"doc": "seconds before gunicorn kills a silent worker"}
    )
    request_budget: float = field(
        default=10.0,
        metadata={
            "doc": "seconds a request may work before it answers 503 (kept below the worker timeout)"
        },
    )
    max_content_length: int = field(
        default=2_000_000, metadata={"doc": "largest request body in bytes (413 beyond)"}
    )
    proxy_count: int = field(
        default=0,
        metadata={
            "doc": "reverse proxies in front of the app whose X-Forwarded-For/-Proto are "
            "trusted (the client address then comes from them, e.g. for rate limits); "
            "0 trusts none"
        },
    )
    require_token_for_reads: bool = field(
        default=False, metadata={"doc": "when true, reads need a bearer token as writes do"}
    )
    cors_origins: tuple[str, ...] = field(
        default=(),
        metadata={"doc": "comma-separated browser origins allowed by CORS (none by default)"},
    )
    ratelimit_storage_url: str = field(
        default="memory://",
        metadata={"doc": "Flask-Limiter store; redis://host:6379 when several workers serve"},
    )
    ratelimit_default: str = field(
        default="600 per minute", metadata={"doc": "rate limit per client for reads and verify"}
    )
    ratelimit_write: str = field(
        default="60 per minute", metadata={"doc": "stricter rate limit per client for writes"}
    )
    ratelimit_key_prefix: str = field(
        default="corroborate",
        metadata={
            "doc": "prefix of the Redis keys of rate limits and cached answers "
            "(deployments sharing one Redis differ)"
        },
    )
    cache_url: str = field(
        default="memory://",
        metadata={
            "doc": "verify answers cache: memory:// (per worker), redis://host:6379/1 "
            "(shared by every worker), or none"
        },
    )
    cache_entries: int = field(
        default=4096, metadata={"doc": "answers a memory:// cache keeps per worker"}
    )
    cache_ttl: int = field(
        default=3600, metadata={"doc": "seconds a redis:// cache keeps an answer"}
    )
    ratelimit_enabled: bool = field(default=True, metadata={"doc": "turn rate limiting off"})
    log_level: str = field(default="info", metadata={"doc": "gunicorn and app log level"})

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Build settings from ``environ`` (default: the process environment) and overrides."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(PREFIX + f.name.upper())
            if raw is None:
                continue
            values[f.name] = _parse(f.type, raw, f.name)
        settings = cls(**values)
        return replace(settings, **overrides) if overrides else settings

    @classmethod
    def env_names(cls) -> list[str]:
        """Return the environment variable names the settings read."""
        return [PREFIX + f.name.upper() for f in fields(cls)]

    def __post_init__(self) -> None:
        if self.matcher not in {"auto", "lexical", "hybrid"}:
            raise ValueError(
                f"{PREFIX}MATCHER must be auto, lexical or hybrid, not {self.matcher!r}"
            )
        if self.proxy_count < 0:
            raise ValueError(f"{PREFIX}PROXY_COUNT must be 0 or more, not {self.proxy_count}")
        try:
            cache_kind(self.cache_url)
        except ValueError as exc:
            raise ValueError(f"{PREFIX}CACHE_URL: {exc}") from exc
        if self.cache_entries < 1 or self.cache_ttl < 1:
            raise ValueError(f"{PREFIX}CACHE_ENTRIES and {PREFIX}CACHE_TTL must be 1 or more")

    @property
    def is_sqlite(self) -> bool:
        """True when the store is the embedded SQLite database."""
        return self.database_url.startswith("sqlite")


def gunicorn_worker_class(threads: int) -> str:
    """gunicorn's worker class for ``threads`` threads per worker: the sync worker for one
    (it accepts a connection only when free, so every worker gets its share), gthread
    for more (threads need its event loop)."""
    return "sync" if threads == 1 else "gthread"


def _parse(type_name: Any, raw: str, name: str) -> Any:
    type_name = str(type_name)
    try:
        if type_name == "bool":
            return _bool(raw)
        if type_name == "int":
            return int(raw)
        if type_name == "float":
            return float(raw)
        if type_name.startswith("tuple"):
            return _list(raw)
    except ValueError as exc:
        raise ValueError(f"{PREFIX}{name.upper()}: {exc}") from exc
    return raw


def settings_table() -> list[tuple[str, str, str]]:
    """Return ``(variable, default, meaning)`` rows for the README."""
    rows = []
    for f in fields(Settings):
        default = f.default_factory() if callable(f.default_factory) else f.default  # type: ignore[misc]
        if f.name == "database_url":
            default = "sqlite:///./instance/corroborate.db"
        if isinstance(default, tuple):
            default = ",".join(default)
        rows.append((PREFIX + f.name.upper(), str(default), f.metadata.get("doc", "")))
    return rows
