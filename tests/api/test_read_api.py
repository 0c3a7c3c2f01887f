"""The read API over the seeded store, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from tests.conftest import make_settings

PROBLEM = "application/problem+json"


def assert_problem(response, status: int) -> dict:
    """The response is an RFC 9457 problem with this status; return its body."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM
    body = response.get_json(force=True)
    assert body["status"] == status
    assert body["type"] and body["title"]
    assert "Traceback" not in response.get_data(as_text=True)
    return body


def all_pages(client, path: str) -> list[dict]:
    """Follow `next` links and collect every item."""
    items: list[dict] = []
    while path:
        body = client.get(path).get_json()
        items.extend(body["items"])
        path = body["next"]
    return items


def test_articles_lists_the_five_seed_articles_from_four_outlets(seeded_client):
    body = seeded_client.get("/v1/articles").get_json()
    assert body["total"] == 5
    assert len({a["outlet_name"] for a in body["items"]}) == 4
    titles = {a["title"] for a in body["items"]}
    assert "Russia-Ukraine Ceasefire Talks End With No Agreement" in titles


def test_every_claim_passage_is_exactly_its_span_of_the_article_text(seeded_client):
    for summary in seeded_client.get("/v1/articles").get_json()["items"]:
        article = seeded_client.get(f"/v1/articles/{summary['id']}").get_json()
        assert article["claims"], article["title"]
        for claim in article["claims"]:
            assert article["text"][claim["start"] : claim["end"]] == claim["passage"]
            assert claim["article_id"] == article["id"]
            assert claim["outlet_id"] == article["outlet_id"]


def test_article_text_is_served_verbatim(seeded_client):
    from tests.conftest import SEEDS

    items = seeded_client.get("/v1/articles").get_json()["items"]
    article = next(a for a in items if a["outlet_name"] == "The Moscow Times")
    text = seeded_client.get(f"/v1/articles/{article['id']}").get_json()["text"]
    assert text == (SEEDS / "004_dcf62f6c6628fde5.txt").read_bytes().decode("utf-8")


def test_outlet_counts_agree_with_the_articles_and_claims(seeded_client):
    outlets = seeded_client.get("/v1/outlets").get_json()["items"]
    epoch = next(o for o in outlets if o["name"] == "The Epoch Times")
    assert epoch["article_count"] == 2
    claims = all_pages(seeded_client, f"/v1/claims?outlet_id={epoch['id']}&limit=100")
    assert epoch["claim_count"] == len(claims) > 0
    single = seeded_client.get(f"/v1/outlets/{epoch['id']}").get_json()
    assert single == epoch


def test_articles_filter_by_outlet(seeded_client):
    outlets = seeded_client.get("/v1/outlets").get_json()["items"]
    epoch = next(o for o in outlets if o["name"] == "The Epoch Times")
    body = seeded_client.get(f"/v1/articles?outlet_id={epoch['id']}").get_json()
    assert body["total"] == 2
    assert {a["outlet_id"] for a in body["items"]} == {epoch["id"]}


def test_pagination_gives_the_total_and_a_link_to_the_next_page(seeded_client):
    first = seeded_client.get("/v1/articles?limit=2").get_json()
    assert first["total"] == 5 and len(first["items"]) == 2 and first["page"] == 1
    assert first["next"] is not None and "page=2" in first["next"]
    items = all_pages(seeded_client, "/v1/articles?limit=2")
    assert len(items) == 5 and len({a["id"] for a in items}) == 5
    last = seeded_client.get("/v1/articles?limit=2&page=3").get_json()
    assert last["next"] is None and len(last["items"]) == 1


@pytest.mark.parametrize("query", ["limit=101", "limit=0", "page=0", "limit=abc", "outlet_id=-1"])
def test_out_of_range_paging_is_a_422_not_silently_clipped(seeded_client, query):
    body = assert_problem(seeded_client.get(f"/v1/articles?{query}"), 422)
    assert body["errors"]["query"]


def test_unknown_query_parameter_is_rejected(seeded_client):
    body = assert_problem(seeded_client.get("/v1/claims?colour=blue"), 422)
    assert "colour" in body["errors"]["query"]


def test_claims_search_finds_the_words_in_any_outlet(seeded_client):
    titles = {a["id"]: a["title"] for a in seeded_client.get("/v1/articles").get_json()["items"]}
    claims = all_pages(seeded_client, "/v1/claims?q=Slutsky%20progress&limit=100")
    assert len({c["outlet_id"] for c in claims}) >= 3
    for claim in claims:
        # the index holds the claim, its claimant and its article's title
        indexed = " ".join((claim["text"], claim["claimant"] or "", titles[claim["article_id"]]))
        assert "slutsky" in indexed.lower() and "progress" in indexed.lower()


def test_claims_search_without_any_match_is_empty(seeded_client):
    body = seeded_client.get("/v1/claims?q=zzyzx%20quokka").get_json()
    assert body == {"items": [], "total": 0, "page": 1, "limit": 20, "next": None}


def test_claims_filter_by_article(seeded_client):
    article = seeded_client.get("/v1/articles?limit=1").get_json()["items"][0]
    claims = all_pages(seeded_client, f"/v1/claims?article_id={article['id']}&limit=50")
    assert len(claims) == article["claim_count"]
    assert {c["article_id"] for c in claims} == {article["id"]}


def test_claim_detail_shows_the_claims_of_other_articles_in_its_fact(seeded_client):
    claims = all_pages(seeded_client, "/v1/claims?q=significant%20progress&limit=100")
    grouped = [c for c in claims if c["fact_id"] is not None]
    assert grouped
    detail = None
    for claim in grouped:
        candidate = seeded_client.get(f"/v1/claims/{claim['id']}").get_json()
        if candidate["related"]:
            detail = candidate
            break
    assert detail is not None, "no seed claim about significant progress is grouped"
    for other in detail["related"]:
        assert other["fact_id"] == detail["fact_id"]
        assert other["article_id"] != detail["article_id"]
        assert other["outlet_name"]


@pytest.mark.parametrize(
    "path", ["/v1/articles/999999", "/v1/outlets/999999", "/v1/claims/999999", "/v1/nowhere"]
)
def test_missing_things_are_404_problems(seeded_client, path):
    body = assert_problem(seeded_client.get(path), 404)
    assert body["instance"] == path


def test_wrong_method_is_405_problem_with_allow_header(seeded_client):
    response = seeded_client.delete("/v1/outlets")
    assert_problem(response, 405)
    assert "GET" in response.headers["Allow"]


def test_health_does_not_touch_the_database(make_app):
    app = make_app(make_settings("postgresql+psycopg://nobody@127.0.0.1:1/none"))
    response = app.test_client().get("/v1/health")
    assert response.status_code == 200 and response.get_json() == {"status": "ok"}


def test_ready_is_503_problem_when_the_database_is_unreachable(make_app):
    app = make_app(make_settings("postgresql+psycopg://nobody@127.0.0.1:1/none"))
    body = assert_problem(app.test_client().get("/v1/ready"), 503)
    assert "unreachable" in body["detail"]


def test_ready_reports_database_migration_and_counts(seeded_client, backend):
    body = seeded_client.get("/v1/ready").get_json()
    assert body["status"] == "ready"
    assert body["database"] == backend
    assert body["migration"] == "0005"
    assert body["counts"]["articles"] == 5 and body["counts"]["outlets"] == 4


def test_ready_is_503_on_an_unmigrated_database(stores, backend, make_app):
    app = make_app(make_settings(stores.url(backend)))
    body = assert_problem(app.test_client().get("/v1/ready"), 503)
    assert "db upgrade" in body["detail"]


def test_unexpected_errors_are_500_problems_without_a_traceback(seeded_app):
    @seeded_app.get("/boom")
    def boom():
        raise RuntimeError("secret internals")

    response = seeded_app.test_client().get("/boom")
    body = assert_problem(response, 500)
    assert "secret internals" not in response.get_data(as_text=True)
    assert body["detail"]


def test_every_response_carries_nosniff_and_cache_control(seeded_client):
    for path in ("/v1/health", "/v1/articles", "/v1/nowhere"):
        response = seeded_client.get(path)
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Cache-Control"]
