"""Writing safely: ingestion, deletion, imports, tokens and limits, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from service.tokens import create_token, revoke_token
from tests.api.test_read_api import assert_problem
from tests.conftest import make_settings
from tests.integration.test_storage import index_rows, table_counts

ARTICLE = {
    "outlet": {"name": "Example Wire", "url": "https://wire.example.org"},
    "title": "Talks to resume on Monday",
    "url": "https://wire.example.org/2022/03/14/talks",
    "published_at": "2022-03-14",
    "language": "en",
    "text": (
        "Talks between the two delegations will resume by video link on Monday, "
        "negotiator Jane Doe said on Sunday. “We expect results within days,” she told "
        "Reuters. More than 40,000 people left the city through the corridor in two days."
    ),
}


@pytest.fixture
def token(store) -> str:
    with store.write() as repo:
        _record, secret = create_token(repo, "tests")
    return secret


def auth(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def nothing_stored(store) -> None:
    counts = table_counts(store)
    assert counts["articles"] == 0 and counts["claims"] == 0 and counts["facts"] == 0
    assert index_rows(store) == 0


def test_ingest_stores_the_article_with_exact_claims_and_answers_201(client, store, token):
    response = client.post("/v1/articles", json=ARTICLE, headers=auth(token))
    assert response.status_code == 201, response.get_data(as_text=True)
    article = response.get_json()
    assert response.headers["Location"] == f"/v1/articles/{article['id']}"
    assert article["text"] == ARTICLE["text"] and article["outlet_name"] == "Example Wire"
    assert article["claims"]
    for claim in article["claims"]:
        assert ARTICLE["text"][claim["start"] : claim["end"]] == claim["passage"]
    assert client.get(f"/v1/articles/{article['id']}").get_json() == article
    assert index_rows(store) == len(article["claims"])


def test_the_same_text_again_answers_200_with_the_existing_article(client, store, token):
    first = client.post("/v1/articles", json=ARTICLE, headers=auth(token)).get_json()
    again = dict(ARTICLE, title="Another title", outlet={"name": "Other outlet"})
    response = client.post("/v1/articles", json=again, headers=auth(token))
    assert response.status_code == 200
    assert response.get_json()["id"] == first["id"]
    assert table_counts(store)["articles"] == 1


def test_delete_removes_article_claims_index_rows_and_facts(client, store, token):
    article = client.post("/v1/articles", json=ARTICLE, headers=auth(token)).get_json()
    response = client.delete(f"/v1/articles/{article['id']}", headers=auth(token))
    assert response.status_code == 204 and response.get_data() == b""
    assert_problem(client.get(f"/v1/articles/{article['id']}"), 404)
    assert_problem(client.delete(f"/v1/articles/{article['id']}", headers=auth(token)), 404)
    nothing_stored(store)


def test_import_reports_each_record_created_present_or_rejected(client, store, token):
    records = [
        {
            "external_id": "fc-1",
            "text": "Humanitarian corridors saved 130,000 people.",
            "title": "Corridors",
            "publisher": "Example Checks",
            "date": "2022-03-15",
        },
        {"external_id": "fc-2", "text": "Talks resumed by video link on Monday."},
        {"external_id": "fc-1", "text": "Humanitarian corridors saved 130,000 people."},
    ]
    response = client.post("/v1/claims/import", json={"records": records}, headers=auth(token))
    assert response.status_code == 200
    body = response.get_json()
    assert (body["created"], body["present"], body["rejected"]) == (2, 1, 0)
    assert [r["status"] for r in body["records"]] == ["created", "created", "present"]
    again = client.post("/v1/claims/import", json={"records": records[:2]}, headers=auth(token))
    assert [r["status"] for r in again.get_json()["records"]] == ["present", "present"]
    claims = client.get("/v1/claims?q=corridors").get_json()["items"]
    assert [c["external_id"] for c in claims] == ["fc-1"]


def test_writes_without_a_token_are_401_and_store_nothing(client, store):
    for response in (
        client.post("/v1/articles", json=ARTICLE),
        client.post("/v1/articles", json=ARTICLE, headers={"Authorization": "Bearer cbt_nope"}),
        client.post("/v1/articles", json=ARTICLE, headers={"Authorization": "Basic dXNlcg=="}),
        client.post("/v1/claims/import", json={"records": [{"external_id": "x", "text": "y"}]}),
        client.delete("/v1/articles/1"),
    ):
        body = assert_problem(response, 401)
        assert body["type"] == "/problems/unauthorized"
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
    nothing_stored(store)


def test_a_revoked_token_is_401(client, store, token):
    with store.write() as repo:
        record = next(t for t in repo.list_tokens() if t.name == "tests")
        assert revoke_token(repo, record.id)
    assert_problem(client.post("/v1/articles", json=ARTICLE, headers=auth(token)), 401)
    nothing_stored(store)


def test_tokens_are_stored_only_as_hashes(store, token):
    with store.db.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT * FROM api_tokens")).mappings().all()
    assert rows
    for row in rows:
        assert all(token not in str(value) for value in row.values())
        assert len(row["token_hash"]) == 64


def test_reads_can_require_a_token(store, token, make_app):
    client = make_app(make_settings(store.db.url, require_token_for_reads=True)).test_client()
    assert_problem(client.get("/v1/articles"), 401)
    assert client.get("/v1/articles", headers=auth(token)).status_code == 200
    assert client.get("/v1/health").status_code == 200  # liveness stays public


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (dict(ARTICLE, id=7), "id"),
        (dict(ARTICLE, sha256="0" * 64), "sha256"),
        (dict(ARTICLE, created_at="2022-01-01T00:00:00Z"), "created_at"),
        (dict(ARTICLE, text="x" * 200_001), "text"),
        (dict(ARTICLE, text="   "), "text"),
        (dict(ARTICLE, url="javascript:alert(1)"), "url"),
        (dict(ARTICLE, language="English!"), "language"),
        ({k: v for k, v in ARTICLE.items() if k != "outlet"}, "outlet"),
    ],
)
def test_invalid_articles_are_422_naming_the_field_and_store_nothing(
    client, store, token, body, field
):
    problem = assert_problem(client.post("/v1/articles", json=body, headers=auth(token)), 422)
    assert field in problem["errors"]["json"]
    nothing_stored(store)


def test_an_import_over_1000_records_is_422_and_stores_nothing(client, store, token):
    records = [{"external_id": f"r{i}", "text": "A claim."} for i in range(1001)]
    problem = assert_problem(
        client.post("/v1/claims/import", json={"records": records}, headers=auth(token)), 422
    )
    assert "records" in problem["errors"]["json"]
    nothing_stored(store)


def test_a_body_over_the_cap_is_413_and_stores_nothing(store, token, make_app):
    client = make_app(make_settings(store.db.url, max_content_length=10_000)).test_client()
    body = dict(ARTICLE, text="word " * 5000)
    assert_problem(client.post("/v1/articles", json=body, headers=auth(token)), 413)
    nothing_stored(store)


def test_eight_concurrent_ingests_of_one_article_leave_exactly_one(app, store, token):
    statuses: list[int] = []
    lock = threading.Lock()
    barrier = threading.Barrier(8)

    def ingest() -> None:
        client = app.test_client()
        barrier.wait()
        response = client.post("/v1/articles", json=ARTICLE, headers=auth(token))
        with lock:
            statuses.append(response.status_code)

    threads = [threading.Thread(target=ingest) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(statuses) == [200] * 7 + [201]
    assert table_counts(store)["articles"] == 1


def test_a_failure_in_the_middle_of_an_ingest_leaves_nothing(client, store, token, monkeypatch):
    import service.verification as verification

    def fail_while_grouping(*_args, **_kwargs):
        raise RuntimeError("injected: storage failed after the claims were written")

    monkeypatch.setattr(verification, "assign_facts", fail_while_grouping)
    assert_problem(client.post("/v1/articles", json=ARTICLE, headers=auth(token)), 500)
    nothing_stored(store)
    assert table_counts(store)["outlets"] == 0


def test_writes_are_rate_limited_more_strictly_with_retry_after(store, token, make_app):
    settings = make_settings(
        store.db.url,
        ratelimit_enabled=True,
        ratelimit_write="2 per minute",
        ratelimit_default="50 per minute",
    )
    client = make_app(settings).test_client()
    codes = [
        client.post(
            "/v1/claims/import",
            headers=auth(token),
            json={"records": [{"external_id": f"r{i}", "text": "A claim."}]},
        ).status_code
        for i in range(3)
    ]
    assert codes == [200, 200, 429]
    limited = client.post(
        "/v1/claims/import",
        headers=auth(token),
        json={"records": [{"external_id": "r9", "text": "A claim."}]},
    )
    body = assert_problem(limited, 429)
    assert int(limited.headers["Retry-After"]) >= 0 and body["detail"]
    assert client.get("/v1/articles").status_code == 200  # reads have their own budget


def test_cors_allows_only_the_configured_origins(store, make_app):
    closed = make_app(make_settings(store.db.url)).test_client()
    response = closed.get("/v1/health", headers={"Origin": "https://desk.example"})
    assert "Access-Control-Allow-Origin" not in response.headers
    opened = make_app(make_settings(store.db.url, cors_origins=("https://desk.example",)))
    client = opened.test_client()
    allowed = client.get("/v1/health", headers={"Origin": "https://desk.example"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://desk.example"
    other = client.get("/v1/health", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    preflight = client.options(
        "/v1/articles",
        headers={
            "Origin": "https://desk.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Authorization, Content-Type",
        },
    )
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]


def test_a_request_past_its_time_budget_is_a_503_problem(store, make_app):
    client = make_app(make_settings(store.db.url, request_budget=1e-9)).test_client()
    response = client.post("/v1/verify", json={"statement": "Talks resume on Monday"})
    body = assert_problem(response, 503)
    assert body["type"] == "/problems/time-budget-exceeded"
    assert response.headers["Retry-After"]


def test_an_article_with_over_500_distinct_words_is_ingested_and_grouped(client, store, token):
    # grouping counts the postings of every word of the article's claims: SQLite caps a
    # compound SELECT at 500 terms, so the counts must be read in chunks
    places = [f"Velykyi{chr(97 + i // 26)}{chr(97 + i % 26)}ka" for i in range(560)]
    sentences = [
        f"Officials said {1_000 + 7 * i:,} residents left {place} through the corridor on Monday."
        for i, place in enumerate(places)
    ]
    first = dict(ARTICLE, text=" ".join(sentences[:280]), url=None, title="Corridors, part one")
    response = client.post("/v1/articles", json=first, headers=auth(token))
    assert response.status_code == 201, response.get_data(as_text=True)
    fact_of = {c["text"]: c["fact_id"] for c in response.get_json()["claims"]}
    assert len(fact_of) == 280
    article = dict(ARTICLE, outlet={"name": "Northern Ledger"}, text=" ".join(sentences), url=None)
    response = client.post("/v1/articles", json=article, headers=auth(token))
    assert response.status_code == 201, response.get_data(as_text=True)
    claims = response.get_json()["claims"]
    assert len({c["text"].split(" left ")[1].split()[0] for c in claims}) > 500
    # each claim the first article also reported joined the fact of its twin
    twins = [c for c in claims if c["text"] in fact_of]
    assert len(twins) == 280
    assert all(c["fact_id"] == fact_of[c["text"]] for c in twins)
