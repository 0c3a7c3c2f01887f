"""Request and response schemas of outlets, articles, claims and the health checks."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.common import PageArgs, PageSchema

OFFSET_NOTE = (
    "Offsets are Python string indices (Unicode code points) into the article text as "
    "stored; a JavaScript client counts UTF-16 code units and must convert for characters "
    "outside the Basic Multilingual Plane."
)
CLAIM_KINDS = ("direct_quote", "reported_speech", "narration", "caption")


class OutletSchema(Schema):
    """A publisher with how much of it is stored."""

    id = fields.Integer(required=True)
    name = fields.String(required=True)
    url = fields.String(allow_none=True, required=True)
    article_count = fields.Integer(required=True)
    claim_count = fields.Integer(required=True)


class OutletListSchema(Schema):
    """Every outlet."""

    items = fields.List(fields.Nested(OutletSchema), required=True)


class ClaimSchema(Schema):
    """An atomic claim and the exact passage that carries it."""

    id = fields.Integer(required=True)
    article_id = fields.Integer(required=True)
    outlet_id = fields.Integer(required=True)
    start = fields.Integer(required=True, metadata={"description": "Passage start. " + OFFSET_NOTE})
    end = fields.Integer(required=True, metadata={"description": "Passage end (exclusive)"})
    passage = fields.String(
        required=True, metadata={"description": "Exactly `article.text[start:end]`"}
    )
    text = fields.String(required=True, metadata={"description": "The claim, standalone"})
    claimant = fields.String(
        allow_none=True,
        required=True,
        metadata={"description": "Who asserts it; null when the outlet narrates"},
    )
    source = fields.String(
        allow_none=True,
        required=True,
        metadata={"description": "Medium it came through (RT, Twitter, …)"},
    )
    kind = fields.String(required=True, validate=validate.OneOf(CLAIM_KINDS))
    details = fields.Dict(
        required=True,
        metadata={
            "description": (
                "Checkable details: numbers, dates, places, people, organisations, negation,"
                " and `said_dates`, the dates the attribution gives (when it was said)"
            )
        },
    )
    worthiness = fields.Float(required=True, metadata={"description": "Check-worthiness, 0..1"})
    language = fields.String(required=True)
    fact_id = fields.Integer(
        allow_none=True,
        required=True,
        metadata={"description": "The group of claims reporting the same fact"},
    )
    external_id = fields.String(
        allow_none=True,
        required=True,
        metadata={"description": "Id in an imported fact-check database"},
    )


class RelatedClaimSchema(ClaimSchema):
    """A claim of another article grouped with this one, with its outlet."""

    outlet_name = fields.String(required=True)
    article_title = fields.String(required=True)


class ClaimDetailSchema(ClaimSchema):
    """A claim and the claims of other articles that report the same fact."""

    related = fields.List(fields.Nested(RelatedClaimSchema), required=True)


class ClaimListSchema(PageSchema):
    """A page of claims."""

    items = fields.List(fields.Nested(ClaimSchema), required=True)


class ClaimQueryArgs(PageArgs):
    """Filters of the claim listing."""

    outlet_id = fields.Integer(validate=validate.Range(min=1, max=2**31 - 1))
    article_id = fields.Integer(validate=validate.Range(min=1, max=2**31 - 1))
    q = fields.String(
        validate=validate.Length(min=1, max=500),
        metadata={"description": "Full-text search: claims containing every word (stemmed)"},
    )


class ArticleSummarySchema(Schema):
    """An article without its text."""

    id = fields.Integer(required=True)
    outlet_id = fields.Integer(required=True)
    outlet_name = fields.String(required=True)
    title = fields.String(required=True)
    url = fields.String(allow_none=True, required=True)
    published_at = fields.Date(allow_none=True, required=True)
    language = fields.String(required=True)
    sha256 = fields.String(required=True, metadata={"description": "SHA-256 of the text (hex)"})
    document_type = fields.String(
        required=True,
        validate=validate.OneOf(("article", "factcheck")),
        metadata={"description": "`factcheck` for a record imported from a fact-check database"},
    )
    claim_count = fields.Integer(required=True)


class ArticleSchema(ArticleSummarySchema):
    """An article with its verbatim text and its claims."""

    text = fields.String(required=True, metadata={"description": "The text, verbatim"})
    claims = fields.List(fields.Nested(ClaimSchema), required=True)


class ArticleListSchema(PageSchema):
    """A page of articles."""

    items = fields.List(fields.Nested(ArticleSummarySchema), required=True)


class ArticleQueryArgs(PageArgs):
    """Filters of the article listing."""

    outlet_id = fields.Integer(validate=validate.Range(min=1, max=2**31 - 1))


class HealthSchema(Schema):
    """Liveness."""

    status = fields.String(required=True, metadata={"example": "ok"})


class ReadySchema(Schema):
    """Readiness: the database answers and is migrated."""

    status = fields.String(required=True, metadata={"example": "ready"})
    database = fields.String(required=True, metadata={"example": "sqlite"})
    migration = fields.String(allow_none=True, required=True)
    matcher = fields.String(required=True, metadata={"example": "lexical"})
    counts = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
