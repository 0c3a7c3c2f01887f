"""schema.org ClaimReview JSON-LD for facts and for verified statements."""

from __future__ import annotations

import json
from datetime import date

import pytest

LD = "application/ld+json"


def assert_claim_review(body: dict) -> None:
    """Types and the required and recommended fields of schema.org ClaimReview."""
    assert body["@context"] == "https://schema.org" and body["@type"] == "ClaimReview"
    assert isinstance(body["claimReviewed"], str) and body["claimReviewed"].strip()
    assert body["url"].startswith("http")
    date.fromisoformat(body["datePublished"])
    assert body["author"]["@type"] in {"Organization", "Person"} and body["author"]["name"]
    item = body["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["@type"] in {"Organization", "Person"} and item["author"]["name"]
    assert isinstance(item["appearance"], list)
    for appearance in item["appearance"]:
        assert appearance["@type"] == "NewsArticle" and appearance["url"].startswith("http")
        assert appearance["headline"] and appearance["publisher"]["name"]
    rating = body["reviewRating"]
    assert rating["@type"] == "Rating" and rating["alternateName"] in {
        "supported",
        "contradicted",
        "mixed",
        "unverified",
    }
    assert rating["worstRating"] == 1 and rating["bestRating"] == 5
    if "ratingValue" in rating:
        assert 1 <= rating["ratingValue"] <= 5


def test_a_disputed_fact_is_a_mixed_claim_review_by_its_claimant(seeded_client):
    fact_id = seeded_client.get("/v1/disagreements").get_json()["items"][0]["fact_id"]
    response = seeded_client.get(f"/v1/facts/{fact_id}/claimreview")
    assert response.status_code == 200 and response.mimetype == LD
    body = json.loads(response.get_data(as_text=True))
    assert_claim_review(body)
    assert body["reviewRating"]["alternateName"] == "mixed"
    assert body["itemReviewed"]["author"] == {"@type": "Person", "name": "Leonid Slutsky"}
    assert len(body["itemReviewed"]["appearance"]) == 4
    assert any("themoscowtimes.com" in a["url"] for a in body["itemReviewed"]["appearance"])


@pytest.mark.parametrize(
    ("statement", "verdict", "value"),
    [
        ("Humanitarian corridors saved more than 200,000 people in six days.", "contradicted", 1),
        (
            "Lionel Messi scored twice as Paris Saint-Germain beat Lyon in Ligue 1.",
            "unverified",
            None,
        ),
    ],
)
def test_verify_answers_json_ld_when_asked(seeded_client, statement, verdict, value):
    response = seeded_client.post(
        "/v1/verify", json={"statement": statement}, headers={"Accept": LD}
    )
    assert response.status_code == 200 and response.mimetype == LD
    body = json.loads(response.get_data(as_text=True))
    assert_claim_review(body)
    assert body["claimReviewed"] == statement
    assert body["reviewRating"]["alternateName"] == verdict
    assert body["reviewRating"].get("ratingValue") == value


def test_verify_answers_plain_json_by_default(seeded_client):
    response = seeded_client.post(
        "/v1/verify",
        json={"statement": "Talks resume on Monday"},
        headers={"Accept": "application/json, */*"},
    )
    assert response.mimetype == "application/json" and "verdict" in response.get_json()
