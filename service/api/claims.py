"""Claims: atomic claims with their exact passages and fact groups."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort

from schemas.resources import ClaimDetailSchema, ClaimListSchema, ClaimQueryArgs
from service.api import Blueprint, page_links, store

blp = Blueprint("claims", __name__, url_prefix="/v1/claims", description="Stored claims")


@blp.route("")
class Claims(MethodView):
    @blp.arguments(ClaimQueryArgs, location="query", as_kwargs=True)
    @blp.response(200, ClaimListSchema)
    def get(self, page: int, limit: int, outlet_id=None, article_id=None, q=None):
        """List claims, filtered by outlet, article or words (`q`), paginated."""
        with store().read() as repo:
            result = repo.list_claims(
                outlet_id=outlet_id, article_id=article_id, q=q, page=page, limit=limit
            )
        return page_links(result, outlet_id=outlet_id, article_id=article_id, q=q)


@blp.route("/<int:claim_id>")
class ClaimById(MethodView):
    @blp.response(200, ClaimDetailSchema)
    @blp.alt_response(404, response="NOT_FOUND", description="No claim with this id")
    def get(self, claim_id: int):
        """Get a claim, its passage, and the claims of other articles grouped with it."""
        with store().read() as repo:
            claim = repo.get_claim(claim_id)
            if claim is None:
                abort(404, message=f"No claim with id {claim_id}.")
            related = []
            if claim.fact_id is not None:
                related = [
                    c
                    for c in repo.claims_of_facts([claim.fact_id])[claim.fact_id]
                    if c.article_id != claim.article_id
                ]
        body = claim.__dict__ | {"related": related}
        return body
