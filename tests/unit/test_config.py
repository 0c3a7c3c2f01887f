"""Settings come from CORROBORATE_* variables, with embedded defaults."""

from __future__ import annotations

import pytest

from service.config import Settings, settings_table


def test_defaults_are_the_embedded_mode():
    settings = Settings.from_env({})
    assert settings.database_url.startswith("sqlite:///")
    assert settings.database_url.endswith("instance/corroborate.db")
    assert settings.is_sqlite and settings.cors_origins == ()


def test_variables_override_defaults_with_their_types():
    settings = Settings.from_env(
        {
            "CORROBORATE_DATABASE_URL": "postgresql+psycopg://db/corroborate",
            "CORROBORATE_WORKERS": "5",
            "CORROBORATE_REQUIRE_TOKEN_FOR_READS": "yes",
            "CORROBORATE_CORS_ORIGINS": "https://desk.example, https://b.example",
            "CORROBORATE_REQUEST_BUDGET": "2.5",
        }
    )
    assert settings.database_url == "postgresql+psycopg://db/corroborate"
    assert settings.workers == 5 and settings.require_token_for_reads is True
    assert settings.cors_origins == ("https://desk.example", "https://b.example")
    assert settings.request_budget == 2.5 and not settings.is_sqlite


def test_a_malformed_value_names_the_variable():
    with pytest.raises(ValueError, match="CORROBORATE_WORKERS"):
        Settings.from_env({"CORROBORATE_WORKERS": "many"})
    with pytest.raises(ValueError, match="CORROBORATE_SEED_ON_START"):
        Settings.from_env({"CORROBORATE_SEED_ON_START": "perhaps"})


def test_every_setting_is_documented():
    rows = settings_table()
    assert {name for name, _, _ in rows} == set(Settings.env_names())
    assert all(doc for _, _, doc in rows)


def test_create_app_refuses_unknown_overrides():
    from service import create_app

    with pytest.raises(ValueError, match="databse_url"):
        create_app({"databse_url": "sqlite://"})


def test_the_answer_cache_settings_are_checked_where_they_are_read():
    assert Settings.from_env({}).cache_url == "memory://"
    for url in ("none", "redis://redis:6379/1", "rediss://cache.example:6380/0"):
        assert Settings.from_env({"CORROBORATE_CACHE_URL": url}).cache_url == url
    with pytest.raises(ValueError, match="CORROBORATE_CACHE_URL"):
        Settings.from_env({"CORROBORATE_CACHE_URL": "memcached://127.0.0.1:11211"})
    with pytest.raises(ValueError, match="CORROBORATE_CACHE_ENTRIES"):
        Settings.from_env({"CORROBORATE_CACHE_ENTRIES": "0"})
