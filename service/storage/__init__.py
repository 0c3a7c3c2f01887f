"""Storage: models, repository, migrations; ``Store`` hands out repositories per transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from service.storage.db import Database
from service.storage.repository import Repository


class Store:
    """The database of one process, with read and write transactions."""

    def __init__(self, url: str) -> None:
        self.db = Database(url)

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.db.dialect

    @contextmanager
    def read(self) -> Iterator[Repository]:
        """A repository in a read transaction."""
        with self.db.session() as session:
            yield Repository(session)

    @contextmanager
    def write(self) -> Iterator[Repository]:
        """A repository in a write transaction, committed when the block ends without error."""
        with self.db.session(write=True) as session:
            yield Repository(session)


__all__ = ["Repository", "Store"]
