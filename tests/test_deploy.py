"""Deployment files, checked statically (no Docker engine runs here)."""

from __future__ import annotations

import re

import yaml

from service.config import Settings
from tests.conftest import ROOT


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def test_compose_sets_only_variables_the_settings_read():
    known = set(Settings.env_names())
    for name, service in compose()["services"].items():
        env = service.get("environment", {})
        names = env.keys() if isinstance(env, dict) else [e.split("=", 1)[0] for e in env]
        for variable in names:
            if variable.startswith("CORROBORATE_"):
                assert variable in known, f"{name} sets unknown {variable}"


def test_compose_runs_the_api_on_postgresql_with_a_healthcheck_and_a_volume():
    services = compose()["services"]
    api = services["api"]
    assert api["build"] in (".", {"context": "."}) or api["build"]["context"] == "."
    assert api["environment"]["CORROBORATE_DATABASE_URL"].startswith("postgresql+psycopg://")
    assert services["postgres"]["healthcheck"]["test"]
    assert api["depends_on"]["postgres"]["condition"] == "service_healthy"
    volumes = services["postgres"]["volumes"]
    assert any("/var/lib/postgresql/data" in v for v in volumes)
    assert set(compose()["volumes"]) >= {v.split(":")[0] for v in volumes}


def test_dockerfile_serves_with_gunicorn_through_the_cli():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.1[1-9]", dockerfile, re.M)
    assert "corroborate" in dockerfile and "serve" in dockerfile


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_documents_every_setting():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in Settings.env_names():
        assert f"`{name}`" in readme, f"README does not document {name}"
