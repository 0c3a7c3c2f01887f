"""CORROBORATE_PROXY_COUNT: behind a trusted proxy the client is X-Forwarded-For's address."""

from __future__ import annotations

import pytest
from flask import request

from service import create_app
from service.config import Settings

PROXY = "172.18.0.5"  # the load balancer's address as the app sees it
CLIENT = "203.0.113.7"


@pytest.fixture
def make():
    built = []

    def factory(**overrides):
        values = {"database_url": "sqlite://", "matcher": "lexical", "ratelimit_enabled": False}
        values.update(overrides)
        app = create_app(Settings(**values))

        @app.get("/_whoami")
        def whoami():
            return {"remote_addr": request.remote_addr, "scheme": request.scheme}

        built.append(app)
        return app

    yield factory
    for app in built:
        app.extensions["corroborate"].store.db.dispose()


def _get(app, path="/_whoami", forwarded_for=CLIENT):
    return app.test_client().get(
        path,
        headers={"X-Forwarded-For": forwarded_for, "X-Forwarded-Proto": "https"},
        environ_base={"REMOTE_ADDR": PROXY},
    )


def test_one_trusted_proxy_gives_the_forwarded_client(make):
    body = _get(make(proxy_count=1)).get_json()
    assert body == {"remote_addr": CLIENT, "scheme": "https"}


def test_no_trusted_proxy_ignores_the_forwarded_headers(make):
    body = _get(make(proxy_count=0)).get_json()
    assert body == {"remote_addr": PROXY, "scheme": "http"}


def test_one_trusted_proxy_trusts_only_the_entry_it_appended(make):
    # a client cannot pick its rate-limit key by sending its own X-Forwarded-For
    body = _get(make(proxy_count=1), forwarded_for=f"198.51.100.1, {CLIENT}").get_json()
    assert body["remote_addr"] == CLIENT


def test_rate_limits_count_per_forwarded_client(make):
    app = make(proxy_count=1, ratelimit_enabled=True, ratelimit_default="1 per minute")
    assert _get(app, forwarded_for="203.0.113.1").status_code == 200
    assert _get(app, forwarded_for="203.0.113.2").status_code == 200  # another client
    assert _get(app, forwarded_for="203.0.113.1").status_code == 429


def test_without_a_trusted_proxy_every_client_shares_the_proxy_limit(make):
    app = make(proxy_count=0, ratelimit_enabled=True, ratelimit_default="1 per minute")
    assert _get(app, forwarded_for="203.0.113.1").status_code == 200
    assert _get(app, forwarded_for="203.0.113.2").status_code == 429


def test_the_variable_is_read_and_checked():
    assert Settings.from_env({}).proxy_count == 0
    assert Settings.from_env({"CORROBORATE_PROXY_COUNT": "1"}).proxy_count == 1
    with pytest.raises(ValueError, match="CORROBORATE_PROXY_COUNT"):
        Settings.from_env({"CORROBORATE_PROXY_COUNT": "-1"})
