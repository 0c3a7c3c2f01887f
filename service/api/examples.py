"""Examples shown in the OpenAPI document, taken from the seed corpus."""

from __future__ import annotations

CLAIM = {
    "id": 43,
    "article_id": 2,
    "outlet_id": 2,
    "start": 2317,
    "end": 2485,
    "passage": "Leonid Slutsky, a senior member of Russia’s negotiating team, told the "
    "state-run television network RT that “significant progress” was made "
    "following several rounds of talks",
    "text": "Significant progress was made following several rounds of talks.",
    "claimant": "Leonid Slutsky",
    "source": "RT",
    "kind": "reported_speech",
    "details": {
        "numbers": [],
        "dates": [],
        "places": ["Belarus"],
        "people": ["Leonid Slutsky"],
        "organisations": ["RT"],
        "negated": False,
        "negations": [],
        "said_dates": [],
    },
    "worthiness": 0.74,
    "language": "en",
    "fact_id": 7,
    "external_id": None,
}
OUTLET = {
    "id": 2,
    "name": "The Times of Israel",
    "url": None,
    "article_count": 1,
    "claim_count": 41,
}
ARTICLE_SUMMARY = {
    "id": 2,
    "outlet_id": 2,
    "outlet_name": "The Times of Israel",
    "title": "Russia, Ukraine set to resume negotiations via video link Monday",
    "url": None,
    "published_at": "2022-03-14",
    "language": "en",
    "sha256": "abcf7d705e0cebb9d5138bfd0ffdac7b45aa168ed8d0c7f5ff2ecb7dde1c3410",
    "document_type": "article",
    "claim_count": 41,
}
ARTICLE = ARTICLE_SUMMARY | {
    "text": "Russia, Ukraine set to resume negotiations via video link Monday\n\n…",
    "claims": [CLAIM],
}
OUTLET_LIST = {"items": [OUTLET]}
ARTICLE_LIST = {
    "items": [ARTICLE_SUMMARY],
    "total": 5,
    "page": 1,
    "limit": 1,
    "next": "/v1/articles?page=2&limit=1",
}
CLAIM_LIST = {
    "items": [CLAIM],
    "total": 12,
    "page": 1,
    "limit": 1,
    "next": "/v1/claims?q=significant+progress&page=2&limit=1",
}
CLAIM_DETAIL = CLAIM | {
    "related": [
        CLAIM
        | {
            "id": 151,
            "article_id": 5,
            "outlet_id": 4,
            "start": 1433,
            "end": 1601,
            "passage": "Leonid Slutsky, a senior member of Russia's negotiating team, told the "
            'state-run television network RT that "significant progress" was made '
            "following several rounds of talks",
            "outlet_name": "The Moscow Times",
            "article_title": "Russia, Ukraine to Resume Conflict Talks Monday",
        }
    ]
}
READY = {
    "status": "ready",
    "database": "sqlite",
    "migration": "0005",
    "matcher": "hybrid",
    "counts": {"outlets": 4, "articles": 5, "claims": 181, "facts": 120, "embeddings": 181},
}
IMPORT_RESULT = {
    "created": 1,
    "present": 1,
    "rejected": 0,
    "records": [
        {"external_id": "fc-1", "status": "created", "reason": None},
        {"external_id": "fc-2", "status": "present", "reason": None},
    ],
}

_SIDE_EPOCH = {
    "outlet": {"id": 1, "name": "The Epoch Times"},
    "claim_id": 7,
    "wording": "RIA Novosti",
}
_SIDE_TOI = {"outlet": {"id": 2, "name": "The Times of Israel"}, "claim_id": 43, "wording": "RT"}
FACT_DIFFERENCES = [
    {"kind": "source", "a": _SIDE_EPOCH, "b": _SIDE_TOI},
    {
        "kind": "wording",
        "a": _SIDE_EPOCH | {"wording": "significant progress"},
        "b": {
            "outlet": {"id": 3, "name": "Press TV"},
            "claim_id": 96,
            "wording": "important progress",
        },
    },
]
FACT = {
    "id": 12,
    "text": "Significant progress was made following several rounds of talks.",
    "claimant": "Leonid Slutsky",
    "worthiness": 0.74,
    "outlet_count": 4,
    "outlets": [
        {
            "outlet": {"id": 1, "name": "The Epoch Times"},
            "articles": [
                {
                    "article_id": 1,
                    "title": "Ukrainian, Russian Negotiators Say Significant ‘Progress’ Made in "
                    "Ceasefire Talks",
                    "url": None,
                    "published_at": "2022-03-13",
                    "passages": [
                        {
                            "claim_id": 7,
                            "start": 1094,
                            "end": 1230,
                            "text": "was quoted by state-run RIA Novosti as saying that “significant "
                            "progress” has been made after Sunday’s talks",
                            "claim": "Significant progress has been made after Sunday's talks.",
                            "claimant": "Leonid Slutsky",
                            "source": "RIA Novosti",
                            "kind": "reported_speech",
                            "details": {
                                "numbers": [],
                                "dates": [
                                    {"text": "Sunday’s", "date": "2022-03-13", "weekday": "sunday"}
                                ],
                                "places": [],
                                "people": ["Leonid Slutsky"],
                                "organisations": ["RIA Novosti"],
                                "negated": False,
                                "negations": [],
                                "said_dates": [],
                            },
                        }
                    ],
                }
            ],
        }
    ],
    "differences": FACT_DIFFERENCES,
}
DISAGREEMENTS = {
    "items": [
        {
            "fact_id": 12,
            "text": FACT["text"],
            "claimant": "Leonid Slutsky",
            "worthiness": 0.74,
            "outlet_count": 4,
            "kinds": ["source", "wording"],
            "differences": FACT_DIFFERENCES,
        }
    ],
    "total": 1,
    "page": 1,
    "limit": 20,
    "next": None,
}

CLAIM_REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "http://127.0.0.1:8000/v1/facts/12",
    "claimReviewed": "Significant progress was made following several rounds of talks.",
    "datePublished": "2022-03-15",
    "author": {"@type": "Organization", "name": "Corroborate"},
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "Leonid Slutsky"},
        "datePublished": "2022-03-13",
        "appearance": [
            {
                "@type": "NewsArticle",
                "url": "https://www.themoscowtimes.com/2022/03/14/russia-ukraine-to-resume-conflict-talks-monday-a76909",
                "headline": "Russia, Ukraine to Resume Conflict Talks Monday",
                "datePublished": "2022-03-14",
                "publisher": {"@type": "Organization", "name": "The Moscow Times"},
            }
        ],
    },
    "reviewRating": {
        "@type": "Rating",
        "alternateName": "mixed",
        "ratingValue": 3,
        "bestRating": 5,
        "worstRating": 1,
    },
}
