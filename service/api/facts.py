"""Facts and disagreements: how each outlet reported one fact, and where they differ."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort

from schemas.claimreview import ClaimReviewSchema
from schemas.facts import DisagreementListSchema, DisagreementQueryArgs, FactSchema
from service.api import Blueprint, examples, id_rule, page_links, store
from service.api.claimreview import LD_JSON, absolute_url, appearance, claim_review, ld_response
from service.verification import disagreements, fact_view

blp = Blueprint("facts", __name__, url_prefix="/v1", description="Facts across outlets")


def _side(outlet: tuple[int, str], claim_id: int, wording: str) -> dict:
    return {
        "outlet": {"id": outlet[0], "name": outlet[1]},
        "claim_id": claim_id,
        "wording": wording,
    }


def serialize_differences(view) -> list[dict]:
    """The API shape of a fact's pairwise differences."""
    return [
        {
            "kind": d.kind,
            "a": _side(d.outlet_a, d.claim_a, d.a),
            "b": _side(d.outlet_b, d.claim_b, d.b),
        }
        for d in view.differences
    ]


def serialize_fact(view) -> dict:
    """The API shape of a fact."""
    outlets: dict[int, dict] = {}
    for claim in view.claims:
        entry = outlets.setdefault(
            claim.outlet_id,
            {"outlet": {"id": claim.outlet_id, "name": claim.outlet_name}, "articles": {}},
        )
        article = view.articles[claim.article_id]
        shown = entry["articles"].setdefault(
            claim.article_id,
            {
                "article_id": claim.article_id,
                "title": article.title,
                "url": article.url,
                "published_at": article.published_at,
                "passages": [],
            },
        )
        shown["passages"].append(
            {
                "claim_id": claim.id,
                "start": claim.start,
                "end": claim.end,
                "text": claim.passage,
                "claim": claim.text,
                "claimant": claim.claimant,
                "source": claim.source,
                "kind": claim.kind,
                "details": claim.details,
            }
        )
    return {
        "id": view.id,
        "text": view.canonical.text,
        "claimant": view.canonical.claimant,
        "worthiness": view.worthiness,
        "outlet_count": view.outlet_count,
        "outlets": [o | {"articles": list(o["articles"].values())} for o in outlets.values()],
        "differences": serialize_differences(view),
    }


@blp.route("/facts/" + id_rule("fact_id"))
class FactById(MethodView):
    @blp.response(200, FactSchema, example=examples.FACT)
    @blp.alt_response(404, response="NOT_FOUND", description="No fact with this id")
    def get(self, fact_id: int):
        """Get a fact: each outlet's exact passages and where the outlets differ."""
        with store().read() as repo:
            view = fact_view(repo, fact_id)
        if view is None:
            abort(404, message=f"No fact with id {fact_id}.")
        return serialize_fact(view)


@blp.route("/facts/" + id_rule("fact_id") + "/claimreview")
class FactClaimReview(MethodView):
    @blp.response(200, ClaimReviewSchema, content_type=LD_JSON, example=examples.CLAIM_REVIEW)
    @blp.alt_response(404, response="NOT_FOUND", description="No fact with this id")
    def get(self, fact_id: int):
        """Get a fact as a schema.org ClaimReview (JSON-LD): outlets agree, or differ."""
        with store().read() as repo:
            view = fact_view(repo, fact_id)
        if view is None:
            abort(404, message=f"No fact with id {fact_id}.")
        appearances = [
            appearance(a.url, a.id, a.title, a.published_at, a.outlet_name)
            for a in view.articles.values()
        ]
        body = claim_review(
            url=absolute_url(f"/v1/facts/{fact_id}"),
            claim_reviewed=view.canonical.text,
            verdict="mixed" if view.differences else "supported",
            claimant=view.canonical.claimant,
            appearances=appearances,
            fallback_author=view.canonical.outlet_name or "unknown",
        )
        return ld_response(body)


@blp.route("/disagreements")
class Disagreements(MethodView):
    @blp.arguments(DisagreementQueryArgs, location="query", as_kwargs=True)
    @blp.response(200, DisagreementListSchema, example=examples.DISAGREEMENTS)
    def get(self, page: int, limit: int, outlet_id: int | None = None, kind: str | None = None):
        """List facts on which outlets differ, most check-worthy and widely reported first."""
        with store().read() as repo:
            result = disagreements(repo, outlet_id=outlet_id, kind=kind, page=page, limit=limit)
        result.items = [
            {
                "fact_id": v.id,
                "text": v.canonical.text,
                "claimant": v.canonical.claimant,
                "worthiness": v.worthiness,
                "outlet_count": v.outlet_count,
                "kinds": sorted({d.kind for d in v.differences}),
                "differences": serialize_differences(v),
            }
            for v in result.items
        ]
        return page_links(result, outlet_id=outlet_id, kind=kind)
