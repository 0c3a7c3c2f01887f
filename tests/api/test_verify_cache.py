"""Cached verify answers: served only for the store version they were computed on.

Two apps on one database stand for two workers (or a worker and the CLI): a write
through either must invalidate what the other cached. The Redis cache is exercised
against the real server named by CORROBORATE_TEST_REDIS_URL.
"""

from __future__ import annotations

import os
import uuid

import pytest

from service.cache import MemoryCache, RedisCache, answer_key, make_cache
from service.cli import seed_store
from service.tokens import create_token
from tests.conftest import IN_CI, SEEDS, make_settings

REDIS_URL = os.environ.get("CORROBORATE_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")

STATEMENT = "Humanitarian corridors saved more than 200,000 people in six days."
NEW_ARTICLE = {
    "outlet": {"name": "Kyiv Desk"},
    "title": "Corridor figures",
    "published_at": "2022-03-14",
    "text": (
        "Ukrainian President Volodymyr Zelensky said on Sunday that humanitarian corridors "
        "saved more than 200,000 people in six days."
    ),
}


def post(client, statement: str = STATEMENT, **extra):
    response = client.post("/v1/verify", json={"statement": statement, **extra})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response


def outlets_of(response) -> set[str]:
    return {o["outlet"]["name"] for m in response.get_json()["matches"] for o in m["outlets"]}


def auth(store) -> dict:
    with store.write() as repo:
        _record, secret = create_token(repo, "tests")
    return {"Authorization": f"Bearer {secret}"}


def redis_or_skip() -> None:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        if IN_CI:
            pytest.fail(f"Redis unreachable at {REDIS_URL}: {exc}")
        pytest.skip(f"Redis unreachable at {REDIS_URL}: {exc}")


@pytest.fixture
def seeded(stores, backend):
    """A seeded store of its own: these tests write."""
    store = stores.store(backend)
    seed_store(store, SEEDS)
    return store


def test_a_repeated_statement_is_served_from_the_cache_byte_for_byte(seeded, make_app):
    client = make_app(make_settings(seeded.db.url)).test_client()
    first = post(client)
    second = post(client)
    assert first.headers["X-Corroborate-Cache"] == "miss"
    assert second.headers["X-Corroborate-Cache"] == "hit"
    assert second.get_data() == first.get_data()
    assert second.mimetype == "application/json"
    assert second.get_json()["verdict"] == "contradicted"
    # the limit and the outlet filter are part of the question
    assert post(client, limit=1).headers["X-Corroborate-Cache"] == "miss"
    assert post(client, outlets=[1]).headers["X-Corroborate-Cache"] == "miss"
    assert post(client, outlets=[1]).headers["X-Corroborate-Cache"] == "hit"


def test_a_write_by_another_worker_invalidates_the_cached_answer(seeded, make_app):
    settings = make_settings(seeded.db.url, ratelimit_write="1000 per minute")
    reader = make_app(settings).test_client()
    writer = make_app(settings).test_client()
    headers = auth(seeded)
    before = post(reader)
    assert post(reader).headers["X-Corroborate-Cache"] == "hit"
    assert "Kyiv Desk" not in outlets_of(before)

    created = writer.post("/v1/articles", json=NEW_ARTICLE, headers=headers)
    assert created.status_code == 201, created.get_data(as_text=True)
    after = post(reader)
    assert after.headers["X-Corroborate-Cache"] == "miss"
    assert "Kyiv Desk" in outlets_of(after)
    assert after.get_json()["verdict"] == "mixed"  # the new outlet supports 200,000

    deleted = writer.delete(f"/v1/articles/{created.get_json()['id']}", headers=headers)
    assert deleted.status_code == 204
    again = post(reader)
    assert again.headers["X-Corroborate-Cache"] == "miss"
    assert "Kyiv Desk" not in outlets_of(again)
    assert again.get_json()["verdict"] == before.get_json()["verdict"]


def test_a_write_that_fails_leaves_the_version_and_the_cache_alone(seeded, make_app):
    client = make_app(make_settings(seeded.db.url)).test_client()
    post(client)
    with seeded.read() as repo:
        version = repo.version()
    with pytest.raises(RuntimeError), seeded.write() as repo:
        repo.get_or_create_outlet("Never Stored")
        raise RuntimeError("injected failure")
    with seeded.read() as repo:
        assert repo.version() == version
    assert post(client).headers["X-Corroborate-Cache"] == "hit"
    with seeded.write() as repo:
        repo.get_or_create_outlet("Stored")
    with seeded.read() as repo:
        assert repo.version() == version + 1


def test_batch_answers_use_the_same_cache(seeded, make_app):
    client = make_app(make_settings(seeded.db.url)).test_client()
    single = post(client).get_json()
    batch = client.post("/v1/verify/batch", json={"statements": [STATEMENT, STATEMENT]})
    assert batch.status_code == 200
    assert batch.get_json()["results"] == [single, single]


def test_with_caching_off_every_answer_is_computed(seeded, make_app):
    client = make_app(make_settings(seeded.db.url, cache_url="none")).test_client()
    first, second = post(client), post(client)
    assert "X-Corroborate-Cache" not in first.headers
    assert "X-Corroborate-Cache" not in second.headers
    assert first.get_data() == second.get_data()


def test_ld_json_answers_are_not_cached(seeded, make_app):
    client = make_app(make_settings(seeded.db.url)).test_client()
    post(client)
    response = client.post(
        "/v1/verify",
        json={"statement": STATEMENT},
        headers={"Accept": "application/ld+json"},
    )
    assert response.status_code == 200
    assert response.mimetype == "application/ld+json"
    assert "X-Corroborate-Cache" not in response.headers


@pytest.mark.redis
def test_workers_share_answers_through_redis_and_a_write_invalidates_them(seeded, make_app):
    redis_or_skip()
    settings = make_settings(
        seeded.db.url,
        cache_url=REDIS_URL,
        ratelimit_key_prefix=f"test-{uuid.uuid4().hex}",
        ratelimit_write="1000 per minute",
    )
    worker_a = make_app(settings).test_client()
    worker_b = make_app(settings).test_client()
    headers = auth(seeded)
    computed = post(worker_a)
    shared = post(worker_b)
    assert computed.headers["X-Corroborate-Cache"] == "miss"
    assert shared.headers["X-Corroborate-Cache"] == "hit"  # computed by the other worker
    assert shared.get_data() == computed.get_data()
    assert worker_a.post("/v1/articles", json=NEW_ARTICLE, headers=headers).status_code == 201
    fresh = post(worker_b)
    assert fresh.headers["X-Corroborate-Cache"] == "miss"
    assert "Kyiv Desk" in outlets_of(fresh)


def test_an_unreachable_redis_is_a_miss_not_an_error(seeded, make_app):
    # nothing listens on port 1: every cache call fails, every answer is computed
    client = make_app(make_settings(seeded.db.url, cache_url="redis://127.0.0.1:1/0")).test_client()
    first, second = post(client), post(client)
    assert first.headers["X-Corroborate-Cache"] == "miss"
    assert second.headers["X-Corroborate-Cache"] == "miss"
    assert second.get_json()["verdict"] == "contradicted"


def test_the_memory_cache_keeps_the_most_recently_used_entries():
    cache = MemoryCache(entries=2)
    cache.set("a", b"1")
    cache.set("b", b"2")
    assert cache.get("a") == b"1"  # a is now the most recent
    cache.set("c", b"3")
    assert cache.get("b") is None
    assert cache.get("a") == b"1" and cache.get("c") == b"3"
    assert len(cache) == 2
    with pytest.raises(ValueError):
        MemoryCache(entries=0)


def test_cache_urls_and_keys():
    assert make_cache("none") is None and make_cache("") is None
    assert isinstance(make_cache("memory://"), MemoryCache)
    assert isinstance(make_cache("redis://127.0.0.1:6379/1"), RedisCache)
    with pytest.raises(ValueError, match="memory://"):
        make_cache("memcached://127.0.0.1")
    request = {"statement": STATEMENT, "limit": 5, "outlets": None}
    key = answer_key(3, "config", request)
    assert key == answer_key(3, "config", dict(reversed(request.items())))
    assert key != answer_key(4, "config", request)
    assert key != answer_key(3, "other config", request)
    assert key != answer_key(3, "config", {**request, "statement": STATEMENT + " "})
