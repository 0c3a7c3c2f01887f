"""Where outlets agree and differ: GET /v1/facts/{id} and /v1/disagreements over the seeds."""

from __future__ import annotations

import pytest

from tests.api.test_read_api import all_pages, assert_problem


def disagreements(client, query: str = "") -> list[dict]:
    return all_pages(client, f"/v1/disagreements?limit=100{query}")


def passages_by_claim(fact: dict) -> dict[int, dict]:
    return {
        p["claim_id"]: p | {"outlet": o["outlet"]["name"], "article_id": a["article_id"]}
        for o in fact["outlets"]
        for a in o["articles"]
        for p in a["passages"]
    }


def find(items: list[dict], kind: str, a: str, b: str) -> tuple[dict, dict]:
    for item in items:
        for d in item["differences"]:
            words = {d["a"]["wording"], d["b"]["wording"]}
            if d["kind"] == kind and words == {a, b}:
                return item, d
    raise AssertionError(f"no {kind} difference {a!r} / {b!r} in {items}")


def test_ria_novosti_against_rt_is_listed_with_both_passages(seeded_client):
    item, difference = find(disagreements(seeded_client), "source", "RIA Novosti", "RT")
    assert item["outlet_count"] == 4 and item["claimant"] == "Leonid Slutsky"
    fact = seeded_client.get(f"/v1/facts/{item['fact_id']}").get_json()
    passages = passages_by_claim(fact)
    side_a, side_b = passages[difference["a"]["claim_id"]], passages[difference["b"]["claim_id"]]
    texts = {side_a["text"], side_b["text"]}
    assert any("RIA Novosti" in t for t in texts) and any("RT that" in t for t in texts)
    assert {side_a["outlet"], side_b["outlet"]} & {"The Epoch Times"}


def test_press_tv_important_progress_against_significant_progress(seeded_client):
    item, difference = find(
        disagreements(seeded_client), "wording", "important progress", "significant progress"
    )
    fact = seeded_client.get(f"/v1/facts/{item['fact_id']}").get_json()
    passages = passages_by_claim(fact)
    press_tv = [s for s in (difference["a"], difference["b"]) if s["outlet"]["name"] == "Press TV"]
    assert press_tv and "important progress" in passages[press_tv[0]["claim_id"]]["text"]


def test_the_brest_and_gomel_captions_are_not_a_disagreement(seeded_client):
    items = disagreements(seeded_client)
    for item in items:
        for d in item["differences"]:
            words = " ".join((d["a"]["wording"], d["b"]["wording"]))
            assert not ("Brest" in words and "Gomel" in words), d


def test_a_fact_shows_every_outlet_with_exact_passages(seeded_client):
    item = disagreements(seeded_client)[0]
    fact = seeded_client.get(f"/v1/facts/{item['fact_id']}").get_json()
    assert fact["outlet_count"] == len(fact["outlets"]) >= 2
    texts: dict[int, str] = {}
    for outlet in fact["outlets"]:
        for article in outlet["articles"]:
            text = texts.setdefault(
                article["article_id"],
                seeded_client.get(f"/v1/articles/{article['article_id']}").get_json()["text"],
            )
            for passage in article["passages"]:
                assert text[passage["start"] : passage["end"]] == passage["text"]
                claim = seeded_client.get(f"/v1/claims/{passage['claim_id']}").get_json()
                assert claim["fact_id"] == fact["id"]


def test_disagreements_filter_by_kind_and_outlet(seeded_client):
    assert {
        i["kinds"] and "source" in i["kinds"] for i in disagreements(seeded_client, "&kind=source")
    } == {True}
    outlets = seeded_client.get("/v1/outlets").get_json()["items"]
    press_tv = next(o["id"] for o in outlets if o["name"] == "Press TV")
    for item in disagreements(seeded_client, f"&outlet_id={press_tv}"):
        for d in item["differences"]:
            assert press_tv in (d["a"]["outlet"]["id"], d["b"]["outlet"]["id"])
    assert disagreements(seeded_client, "&kind=number") == []


@pytest.mark.parametrize("query", ["kind=colour", "limit=101", "outlet_id=0"])
def test_bad_disagreement_filters_are_422(seeded_client, query):
    assert_problem(seeded_client.get(f"/v1/disagreements?{query}"), 422)


def test_a_missing_fact_is_404(seeded_client):
    assert_problem(seeded_client.get("/v1/facts/999999"), 404)
