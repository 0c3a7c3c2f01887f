"""Claims: atomic claims with their exact passages and fact groups."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort

from schemas.resources import ClaimDetailSchema, ClaimListSchema, ClaimQueryArgs
from schemas.write import ImportRequest, ImportResult
from service.api import WRITE_DOC, Blueprint, examples, id_rule, page_links, services, store
from service.verification import FactCheckRecord, import_claims

blp = Blueprint("claims", __name__, url_prefix="/v1/claims", description="Stored claims")


@blp.route("")
class Claims(MethodView):
    @blp.arguments(ClaimQueryArgs, location="query", as_kwargs=True)
    @blp.response(200, ClaimListSchema, example=examples.CLAIM_LIST)
    def get(self, page: int, limit: int, outlet_id=None, article_id=None, q=None):
        """List claims, filtered by outlet, article or words (`q`), paginated."""
        with store().read() as repo:
            result = repo.list_claims(
                outlet_id=outlet_id, article_id=article_id, q=q, page=page, limit=limit
            )
        return page_links(result, outlet_id=outlet_id, article_id=article_id, q=q)


@blp.route("/" + id_rule("claim_id"))
class ClaimById(MethodView):
    @blp.response(200, ClaimDetailSchema, example=examples.CLAIM_DETAIL)
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


@blp.route("/import")
class ClaimImport(MethodView):
    @blp.doc(**WRITE_DOC)
    @blp.arguments(
        ImportRequest,
        example={
            "records": [
                {
                    "external_id": "snopes-1",
                    "text": "Humanitarian corridors saved 130,000 people.",
                    "title": "Did corridors save 130,000 people?",
                    "publisher": "Example Checks",
                    "url": "https://checks.example.org/1",
                    "date": "2022-03-15",
                }
            ]
        },
    )
    @blp.response(200, ImportResult, example=examples.IMPORT_RESULT)
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(429, response="TOO_MANY_REQUESTS")
    def post(self, args):
        """Import up to 1,000 fact-check records; report each as created, present or rejected."""
        records = [
            FactCheckRecord(
                external_id=r["external_id"].strip(),
                text=r["text"],
                title=r.get("title"),
                publisher=r.get("publisher"),
                url=r.get("url"),
                date=r.get("date"),
            )
            for r in args["records"]
        ]
        embedder = services().verifier.embedder
        with store().write() as repo:
            report = import_claims(repo, records, embedder=embedder)
        rows = [
            {"external_id": external_id, "status": status, "reason": reason}
            for external_id, status, reason in report.outcomes
        ]
        return {
            "created": len(report.created),
            "present": len(report.present),
            "rejected": len(report.rejected),
            "records": rows,
        }
