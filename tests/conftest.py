"""Fixtures: stores on SQLite and on the local PostgreSQL, apps and clients on each.

PostgreSQL: every store gets a schema of its own in the database named by
``CORROBORATE_TEST_POSTGRES_URL`` (default: the local server's ``test`` database),
so runs never see each other. With ``CI=true`` an unreachable server fails the run;
elsewhere its tests are skipped with the reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
import sqlalchemy as sa

from service import create_app
from service.config import Settings
from service.storage import Store
from service.storage.migrate import upgrade

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
POSTGRES_URL = os.environ.get(
    "CORROBORATE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
IN_CI = os.environ.get("CI", "").lower() == "true"
BACKENDS = ("sqlite", "postgresql")

_pg_checked: list[str | None] = []


def _postgres_problem() -> str | None:
    """None when PostgreSQL answers, else why not (checked once per run)."""
    if not _pg_checked:
        try:
            engine = sa.create_engine(POSTGRES_URL)
            with engine.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
            engine.dispose()
            _pg_checked.append(None)
        except Exception as exc:
            _pg_checked.append(f"PostgreSQL unreachable at {POSTGRES_URL}: {exc}")
    return _pg_checked[0]


def require_backend(backend: str) -> None:
    """Skip (or, in CI, fail) when the backend's server is not there."""
    if backend == "postgresql" and (problem := _postgres_problem()):
        if IN_CI:
            pytest.fail(problem)
        pytest.skip(problem)


class StoreFactory:
    """Makes migrated, empty stores and removes them afterwards."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self._schemas: list[str] = []
        self._stores: list[Store] = []

    def url(self, backend: str) -> str:
        """A URL to a new, empty database of ``backend``."""
        require_backend(backend)
        if backend == "sqlite":
            return f"sqlite:///{self.tmp / f'{uuid.uuid4().hex}.db'}"
        schema = f"t_{uuid.uuid4().hex[:16]}"
        engine = sa.create_engine(POSTGRES_URL)
        with engine.begin() as conn:
            conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        engine.dispose()
        self._schemas.append(schema)
        sep = "&" if "?" in POSTGRES_URL else "?"
        return f"{POSTGRES_URL}{sep}options={quote(f'-csearch_path={schema}')}"

    def store(self, backend: str) -> Store:
        """A migrated, empty store."""
        store = Store(self.url(backend))
        upgrade(store.db.engine)
        self._stores.append(store)
        return store

    def close(self) -> None:
        """Dispose engines and drop the PostgreSQL schemas."""
        for store in self._stores:
            store.db.dispose()
        if self._schemas:
            engine = sa.create_engine(POSTGRES_URL)
            with engine.begin() as conn:
                for schema in self._schemas:
                    conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            engine.dispose()


@pytest.fixture(scope="session")
def stores(tmp_path_factory) -> Iterator[StoreFactory]:
    """The factory of test stores for the whole run."""
    factory = StoreFactory(tmp_path_factory.mktemp("stores"))
    yield factory
    factory.close()


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    """Each storage/API test runs on SQLite and on PostgreSQL."""
    require_backend(request.param)
    return request.param


def make_settings(url: str, **overrides) -> Settings:
    """Test settings: the given database, the repo's seeds, no rate limits."""
    values = {
        "database_url": url,
        "seeds_dir": str(SEEDS),
        "ratelimit_enabled": False,
        "matcher": "lexical",  # tests/semantic covers hybrid matching explicitly
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
def store(stores, backend) -> Store:
    """A fresh, empty, migrated store."""
    return stores.store(backend)


@pytest.fixture
def app(store, make_app):
    """An app on a fresh, empty store."""
    return make_app(make_settings(store.db.url))


@pytest.fixture
def client(app):
    """A test client of ``app``."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A CLI runner bound to ``app``."""
    return app.test_cli_runner()


_seeded: dict[str, Store] = {}


@pytest.fixture
def seeded_store(stores, backend) -> Store:
    """A store holding the five seed articles, shared by read-only tests of the backend."""
    if backend not in _seeded:
        from service.cli import seed_store

        store = stores.store(backend)
        seed_store(store, SEEDS)
        _seeded[backend] = store
    return _seeded[backend]


@pytest.fixture
def seeded_app(seeded_store, make_app):
    """An app on the seeded store (do not write through it)."""
    return make_app(make_settings(seeded_store.db.url))


@pytest.fixture
def seeded_client(seeded_app):
    """A test client of the seeded app."""
    return seeded_app.test_client()


@pytest.fixture
def make_app():
    """Build apps on given settings; their engines are disposed after the test."""
    built = []

    def factory(settings):
        application = create_app(settings)
        built.append(application)
        return application

    yield factory
    for application in built:
        application.extensions["corroborate"].store.db.dispose()
