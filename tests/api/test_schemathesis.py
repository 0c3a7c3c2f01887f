"""Schemathesis: the committed openapi.yaml against the WSGI app, on a seeded SQLite store.

Every operation gets at least 100 generated examples, positive and negative, plus the
spec's explicit examples and schemathesis' coverage phase, and is held to every default
check (no 5xx, documented status codes, content types and headers, bodies matching their
schemas, negative data rejected, positive data accepted, auth enforced, …). A stateful
run follows the spec's OpenAPI links: ingest an article, get it, delete it, get it
again (404).

PostgreSQL is left to the other API tests; this one runs on SQLite only.
"""

from __future__ import annotations

import atexit
import secrets
import shutil
import tempfile
from pathlib import Path

import hypothesis
import pytest
import schemathesis
import yaml
from hypothesis import HealthCheck

from service import create_app
from service.cli import seed_store
from service.storage import Store
from service.storage.migrate import upgrade
from service.tokens import PREFIX, hash_token
from service.verification import Verifier
from tests.conftest import ROOT, SEEDS, make_settings

pytestmark = pytest.mark.slow

SPEC = ROOT / "openapi.yaml"
MAX_EXAMPLES = 100
SETTINGS = hypothesis.settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    database=None,  # no .hypothesis/ directory in the working tree
    suppress_health_check=[HealthCheck.too_slow],
)
STATEFUL_SETTINGS = hypothesis.settings(SETTINGS, stateful_step_count=6)

# The schema is loaded (and its operations parametrized) at import time, so the app it is
# sent to exists then too; its store is only created, migrated and seeded by `api` below.
_TMP = Path(tempfile.mkdtemp(prefix="corroborate-schemathesis-"))
atexit.register(shutil.rmtree, _TMP, ignore_errors=True)  # also when `api` never runs
DB = _TMP / "schemathesis.db"
SEEDED = _TMP / "seeded.db"
APP = create_app(make_settings(f"sqlite:///{DB}"))
# Cases (the coverage phase's among them) are built at collection, auth included, so the
# token's secret exists from import on; `api` stores it (hashed) when it seeds the store.
SECRET = PREFIX + secrets.token_urlsafe(32)

schema = schemathesis.openapi.from_path(SPEC)
schema.app = APP  # in-process WSGI calls, the auth probes of `ignored_auth` included
# Positive and negative data (the default in schemathesis 4, stated here on purpose).
schema.config.generation.update(modes=list(schemathesis.GenerationMode))


@schema.auth()
class BearerToken:
    """The token of the seeded store. Declared as auth (not just a header) so the
    `ignored_auth` check knows it is real and probes every write without it and with a
    wrong one: both must be 401."""

    def get(self, case, ctx):
        return SECRET

    def set(self, case, data, ctx):
        case.headers = case.headers or {}
        case.headers["Authorization"] = f"Bearer {data}"


def restore_seeded_store() -> None:
    """Put the store back as `api` seeded it, as a restarted process would find it."""
    services = APP.extensions["corroborate"]
    services.store.db.dispose()
    for suffix in ("-wal", "-shm"):
        Path(f"{DB}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(SEEDED, DB)
    # its vocabulary (and vector index) mirror the store: start them afresh, as at startup
    services.verifier = Verifier(embedder=services.verifier.embedder)


@pytest.fixture(scope="module", autouse=True)
def api():
    """Migrate and seed the app's store, with the token of the writes; keep a copy."""
    store = Store(APP.extensions["corroborate"].settings.database_url)
    try:
        upgrade(store.db.engine)
        seed_store(store, SEEDS)
        with store.write() as repo:
            repo.add_token(name="schemathesis", token_hash=hash_token(SECRET), prefix=SECRET[:10])
    finally:
        store.db.dispose()  # closing the last connection checkpoints the WAL into DB
    shutil.copyfile(DB, SEEDED)
    yield
    APP.extensions["corroborate"].store.db.dispose()
    shutil.rmtree(_TMP, ignore_errors=True)


def test_the_run_is_configured_as_the_issue_asks():
    assert set(schema.config.generation.modes) == set(schemathesis.GenerationMode)
    assert SETTINGS.max_examples >= 100 and STATEFUL_SETTINGS.max_examples >= 100
    paths = yaml.safe_load(SPEC.read_text(encoding="utf-8"))["paths"]
    created = paths["/v1/articles"]["post"]["responses"]["201"]["links"]
    assert {name: link["operationRef"].rsplit("/", 1)[1] for name, link in created.items()} == {
        "GetArticle": "get",
        "DeleteArticle": "delete",
    }
    deleted = paths["/v1/articles/{article_id}"]["delete"]["responses"]["204"]["links"]
    assert deleted["GetDeletedArticle"]["operationRef"].endswith("/get")


@schema.parametrize()
@SETTINGS
def test_api(case):
    case.call_and_validate()


def test_stateful():
    """Scenarios along the links, each from the seeded store: POST /v1/articles → GET and
    DELETE /v1/articles/{id} → GET (404, the `use_after_free` check), …

    Each scenario starts from the same store so that the answers, and with them the
    scenarios Hypothesis derives from them, are the same when it replays one."""

    class ArticleWorkflow(schema.as_state_machine()):
        def setup(self):
            restore_seeded_store()

    ArticleWorkflow.run(settings=STATEFUL_SETTINGS)


ARTICLE = {
    "outlet": {"name": "Schemathesis Wire", "url": "https://wire.example.org"},
    "title": "Talks to resume on Monday",
    "url": "https://wire.example.org/2022/03/14/talks",
    "published_at": "2022-03-14",
    "text": "Talks between the two delegations will resume by video link on Monday, "
    "negotiator Jane Doe said on Sunday.",
}


def follow(link: dict, case, response) -> dict[str, object]:
    """The parameters a link gives its target, from the source's request or response."""
    values: dict[str, object] = {}
    for name, expression in link["parameters"].items():
        if expression.startswith("$response.body#/"):
            values[name] = response.json()[expression.removeprefix("$response.body#/")]
        else:
            assert expression.startswith("$request.path."), expression
            values[name] = case.path_parameters[expression.removeprefix("$request.path.")]
    return values


def test_the_links_lead_from_create_to_get_to_delete_to_404():
    """The stateful run explores the links at random; this walks the one chain the issue
    names, through the links as the spec writes them, every answer checked by schemathesis."""
    restore_seeded_store()
    auth = {"Authorization": f"Bearer {SECRET}"}
    paths = yaml.safe_load(SPEC.read_text(encoding="utf-8"))["paths"]
    created_links = paths["/v1/articles"]["post"]["responses"]["201"]["links"]
    deleted_links = paths["/v1/articles/{article_id}"]["delete"]["responses"]["204"]["links"]
    by_id = "/v1/articles/{article_id}"

    post = schema["/v1/articles"]["POST"].Case(body=ARTICLE, media_type="application/json")
    created = post.call_and_validate(headers=auth)
    assert created.status_code == 201

    get = schema[by_id]["GET"].Case(
        path_parameters=follow(created_links["GetArticle"], post, created)
    )
    assert get.call_and_validate().json() == created.json()

    delete = schema[by_id]["DELETE"].Case(
        path_parameters=follow(created_links["DeleteArticle"], post, created)
    )
    assert delete.call_and_validate(headers=auth).status_code == 204

    gone = schema[by_id]["GET"].Case(
        path_parameters=follow(deleted_links["GetDeletedArticle"], delete, None)
    )
    response = gone.call_and_validate()
    assert response.status_code == 404
    headers = {name.lower(): values for name, values in response.headers.items()}
    assert headers["content-type"] == ["application/problem+json"]
    assert response.json()["status"] == 404
