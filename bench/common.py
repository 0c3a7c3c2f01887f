"""Shared benchmark plumbing: temporary stores, tables, percentiles."""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from service.storage import Store  # noqa: E402
from service.storage.migrate import upgrade  # noqa: E402


def temp_store(url: str | None = None) -> Store:
    """A migrated store: the given URL, or a new SQLite file in a temporary folder."""
    if url is None:
        folder = Path(tempfile.mkdtemp(prefix="corroborate-bench-"))
        url = f"sqlite:///{folder / 'bench.db'}"
    store = Store(url)
    upgrade(store.db.engine)
    return store


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0..100) by nearest rank."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def table(headers: list[str], rows: list[list[object]]) -> str:
    """A Markdown table."""

    def cell(v: object) -> str:
        return f"{v:.3f}" if isinstance(v, float) else str(v)

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def mean(values: list[float]) -> float:
    """Arithmetic mean, NaN when empty."""
    return statistics.fmean(values) if values else float("nan")
