"""Statement verification: matches, outlet stances, exact passages."""

from __future__ import annotations

import json

from flask import current_app
from flask.views import MethodView

from schemas.claimreview import ClaimReviewSchema
from schemas.verify import VerifyBatchRequest, VerifyBatchResult, VerifyRequest, VerifyResult
from service import budget
from service.api import Blueprint, examples, services, store
from service.api.claimreview import (
    absolute_url,
    appearance,
    claim_review,
    ld_response,
    wants_ld_json,
)
from service.cache import answer_key
from service.matching.verdict import Verdict

blp = Blueprint("verify", __name__, url_prefix="/v1/verify", description="Verify statements")

EXAMPLE = {
    "statement": "Humanitarian corridors saved more than 200,000 people in six days.",
    "verdict": "contradicted",
    "corrections": {},
    "matches": [
        {
            "claim": {
                "id": 41,
                "text": "Humanitarian corridors saved more than 130,000 people in six days.",
                "claimant": "Volodymyr Zelensky",
                "source": None,
                "kind": "reported_speech",
                "external_id": None,
            },
            "score": 0.83,
            "fact_id": 37,
            "outlets": [
                {
                    "outlet": {"id": 2, "name": "The Times of Israel"},
                    "stance": "differs",
                    "differences": [
                        {
                            "kind": "number",
                            "statement": "more than 200,000 people",
                            "passage": "more than 130,000 people",
                        }
                    ],
                    "passages": [
                        {
                            "article_id": 2,
                            "claim_id": 41,
                            "start": 1804,
                            "end": 1902,
                            "text": "humanitarian corridors, which saved more than 130,000 people "
                            "in six days",
                            "url": None,
                        }
                    ],
                }
            ],
        }
    ],
}


def serialize(verdict: Verdict) -> dict:
    """The API shape of a verdict."""
    return {
        "statement": verdict.statement,
        "verdict": verdict.verdict,
        "corrections": verdict.corrections,
        "matches": [
            {
                "claim": {
                    "id": m.claim.id,
                    "text": m.claim.text,
                    "claimant": m.claim.claimant,
                    "source": m.claim.source,
                    "kind": m.claim.kind,
                    "external_id": m.claim.external_id,
                },
                "score": m.score,
                "fact_id": m.fact_id,
                "outlets": [
                    {
                        "outlet": {"id": s.outlet_id, "name": s.outlet_name},
                        "stance": s.stance,
                        "differences": [d.__dict__ for d in s.differences],
                        "passages": [
                            {
                                "article_id": p.article_id,
                                "claim_id": p.claim_id,
                                "start": p.start,
                                "end": p.end,
                                "text": p.text,
                                "url": p.url,
                            }
                            for p in s.passages
                        ],
                    }
                    for s in m.outlets
                ],
            }
            for m in verdict.matches
        ],
    }


def statement_review(verdict: Verdict) -> dict:
    """The verdict on a statement as a schema.org ClaimReview."""
    appearances, seen = [], set()
    for match in verdict.matches:
        for stance in match.outlets:
            for p in stance.passages:
                if p.article_id not in seen:
                    seen.add(p.article_id)
                    appearances.append(
                        appearance(
                            p.url, p.article_id, p.article_title or "", None, stance.outlet_name
                        )
                    )
    top = verdict.matches[0].claim if verdict.matches else None
    return claim_review(
        url=absolute_url("/v1/verify"),
        claim_reviewed=verdict.statement,
        verdict=verdict.verdict,
        claimant=top.claimant if top else None,
        appearances=appearances,
        fallback_author=(top.outlet_name if top else None) or "unknown",
    )


# One instance for every answer: a marshmallow schema builds its nested schemas on first
# use, and dumping through a shared instance is safe (it keeps no per-call state).
_RESULT = VerifyResult()


def verifier():
    """The process's Verifier."""
    return services().verifier


def answer(statement: str, limit: int, outlets: list[int] | None) -> tuple[bytes, str | None]:
    """The JSON answer to one statement, and ``hit``/``miss`` (None when not cached).

    The store's version is read in the same transaction as the search: a cached answer
    is only ever served for the version it was computed on.
    """
    cache = services().cache
    with store().read() as repo:
        if cache is None:
            result, key = verifier().verify(repo, statement, limit=limit, outlets=outlets), None
        else:
            request = {"statement": statement, "limit": limit, "outlets": outlets}
            key = answer_key(repo.version(), verifier().configuration(), request)
            cached = cache.get(key)
            if cached is not None:
                return cached, "hit"
            result = verifier().verify(repo, statement, limit=limit, outlets=outlets)
    body = current_app.json.dumps(_RESULT.dump(serialize(result))).encode() + b"\n"
    if cache is None:
        return body, None
    cache.set(key, body)
    return body, "miss"


@blp.route("")
class Verify(MethodView):
    @blp.doc(
        responses={
            200: {
                "content": {
                    "application/ld+json": {
                        "schema": ClaimReviewSchema,
                        "example": examples.CLAIM_REVIEW,
                    }
                }
            }
        }
    )
    @blp.arguments(VerifyRequest, example={"statement": EXAMPLE["statement"], "limit": 5})
    @blp.response(
        200,
        VerifyResult,
        example=EXAMPLE,
        headers={
            "X-Corroborate-Cache": {
                "description": "`hit` when the answer came from the cache of answers "
                "(only ever for the store's current contents), `miss` when it was computed; "
                "absent when caching is off",
                "schema": {"type": "string", "enum": ["hit", "miss"]},
            }
        },
    )
    def post(self, args):
        """Verify a statement: matching facts, each outlet's stance, exact passages.

        Answers are cached under the store's version (see ``service.cache``): the header
        ``X-Corroborate-Cache`` says ``hit`` or ``miss`` (absent when caching is off).
        """
        if wants_ld_json():
            with store().read() as repo:
                result = verifier().verify(
                    repo, args["statement"], limit=args["limit"], outlets=args.get("outlets")
                )
            return ld_response(statement_review(result))
        body, state = answer(args["statement"], args["limit"], args.get("outlets"))
        response = current_app.response_class(body, mimetype="application/json")
        if state:
            response.headers["X-Corroborate-Cache"] = state
        return response


@blp.route("/batch")
class VerifyBatch(MethodView):
    @blp.arguments(VerifyBatchRequest)
    @blp.response(200, VerifyBatchResult, example={"results": [EXAMPLE]})
    def post(self, args):
        """Verify up to 50 statements; results come back in the same order."""
        results = []
        for statement in args["statements"]:
            budget.check()
            body, _state = answer(statement, args["limit"], args.get("outlets"))
            results.append(json.loads(body))
        return {"results": results}
