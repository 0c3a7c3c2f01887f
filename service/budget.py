"""A per-request time budget, checked by the database drivers while they work.

A request that runs past its budget is stopped and answered 503, long before
gunicorn's worker timeout would kill the worker (and every request it serves).
"""

from __future__ import annotations

import time
from contextvars import ContextVar

_deadline: ContextVar[float | None] = ContextVar("corroborate_deadline", default=None)


class BudgetExceeded(Exception):
    """The request ran out of time."""


def start(seconds: float) -> None:
    """Give the current request (thread/context) ``seconds`` from now."""
    _deadline.set(time.monotonic() + seconds)


def clear() -> None:
    """No budget (CLI work, background jobs)."""
    _deadline.set(None)


def remaining() -> float | None:
    """Seconds left, or None when no budget is set."""
    deadline = _deadline.get()
    return None if deadline is None else deadline - time.monotonic()


def expired() -> bool:
    """True when a budget is set and spent."""
    left = remaining()
    return left is not None and left <= 0


def check() -> None:
    """Raise BudgetExceeded when the budget is spent."""
    if expired():
        raise BudgetExceeded
