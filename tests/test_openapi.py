"""The committed openapi.yaml is valid, complete, and what the code generates."""

from __future__ import annotations

import yaml
from openapi_spec_validator import validate

from service import create_app
from service.app import spec_yaml
from tests.conftest import ROOT

COMMITTED = ROOT / "openapi.yaml"


def live_spec_text() -> str:
    app = create_app({"database_url": "sqlite://"})
    text = spec_yaml(app.extensions["corroborate.api"])
    app.extensions["corroborate"].store.db.dispose()
    return text


def test_committed_spec_matches_the_code():
    assert COMMITTED.read_text(encoding="utf-8") == live_spec_text(), (
        "openapi.yaml is stale: run `corroborate openapi write` (or `make openapi`)"
    )


def test_spec_is_valid_openapi():
    validate(yaml.safe_load(COMMITTED.read_text(encoding="utf-8")))


def test_every_operation_has_a_summary_and_documented_errors():
    spec = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method == "parameters":
                continue
            assert operation.get("summary"), f"{method.upper()} {path} has no summary"
            codes = set(operation["responses"])
            assert any(c.startswith("2") for c in codes), f"{method} {path}"
            assert "default" in codes or any(c[0] in "45" for c in codes), f"{method} {path}"


def test_error_responses_are_documented_as_problem_json():
    spec = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    for name, response in spec["components"]["responses"].items():
        assert list(response["content"]) == ["application/problem+json"], name


def test_the_app_serves_the_same_spec_as_json_and_yaml():
    app = create_app({"database_url": "sqlite://"})
    client = app.test_client()
    served_yaml = client.get("/openapi.yaml")
    assert served_yaml.status_code == 200
    assert served_yaml.get_data(as_text=True) == COMMITTED.read_text(encoding="utf-8")
    served_json = client.get("/openapi.json").get_json()
    assert served_json == yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))


def test_every_operation_shows_an_example():
    spec = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method == "parameters":
                continue
            success = [r for code, r in operation["responses"].items() if code.startswith("2")]
            with_body = [r for r in success if "content" in r]
            request = operation.get("requestBody", {}).get("content", {})
            examples = [c for r in with_body for c in r["content"].values() if "example" in c]
            examples += [c for c in request.values() if "example" in c]
            assert examples or not with_body, f"{method.upper()} {path} shows no example"
