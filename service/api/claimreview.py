"""schema.org ClaimReview JSON-LD for facts and verified statements."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from flask import Response, request

LD_JSON = "application/ld+json"
RATINGS = {"supported": 5, "mixed": 3, "contradicted": 1}  # unverified: no rating value
PUBLISHER = {"@type": "Organization", "name": "Corroborate"}


def absolute_url(path: str) -> str:
    return request.url_root.rstrip("/") + path


def appearance(url: str | None, article_id: int, title: str, published, outlet: str) -> dict:
    return {
        "@type": "NewsArticle",
        "url": url or absolute_url(f"/v1/articles/{article_id}"),
        "headline": title,
        "datePublished": published.isoformat() if published else None,
        "publisher": {"@type": "Organization", "name": outlet},
    }


def claim_review(
    *,
    url: str,
    claim_reviewed: str,
    verdict: str,
    claimant: str | None,
    appearances: list[dict],
    fallback_author: str,
) -> dict:
    """A ClaimReview dict with schema.org's required and recommended fields."""
    dates = sorted(a["datePublished"] for a in appearances if a["datePublished"])
    rating = {"@type": "Rating", "alternateName": verdict, "bestRating": 5, "worstRating": 1}
    if verdict in RATINGS:
        rating["ratingValue"] = RATINGS[verdict]
    author = (
        {"@type": "Person", "name": claimant}
        if claimant
        else {"@type": "Organization", "name": fallback_author}
    )
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim_reviewed,
        "datePublished": datetime.now(UTC).date().isoformat(),
        "author": PUBLISHER,
        "itemReviewed": {
            "@type": "Claim",
            "author": author,
            "datePublished": dates[0] if dates else None,
            "appearance": appearances,
        },
        "reviewRating": rating,
    }


def ld_response(body: dict) -> Response:
    """A JSON-LD response."""
    return Response(json.dumps(body, ensure_ascii=False), mimetype=LD_JSON)


def wants_ld_json() -> bool:
    """True when the client prefers JSON-LD over JSON."""
    best = request.accept_mimetypes.best_match(["application/json", LD_JSON])
    return best == LD_JSON and request.accept_mimetypes[LD_JSON] > 0
