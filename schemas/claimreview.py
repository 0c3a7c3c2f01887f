"""schema.org ClaimReview as JSON-LD (https://schema.org/ClaimReview)."""

from __future__ import annotations

from marshmallow import Schema, fields, validate


class _Thing(Schema):
    type_ = fields.String(data_key="@type", required=True)
    name = fields.String(required=True)


class RatingSchema(Schema):
    """The verdict: `alternateName` in words, `ratingValue` on 1 (false) … 5 (true)."""

    type_ = fields.String(data_key="@type", required=True, validate=validate.Equal("Rating"))
    alternateName = fields.String(required=True)
    ratingValue = fields.Integer(validate=validate.Range(min=1, max=5))
    bestRating = fields.Integer(required=True)
    worstRating = fields.Integer(required=True)


class AppearanceSchema(Schema):
    """Where the claim appeared: an article."""

    type_ = fields.String(data_key="@type", required=True)
    url = fields.String(required=True)
    headline = fields.String(required=True)
    datePublished = fields.String(allow_none=True)
    publisher = fields.Nested(_Thing, required=True)


class ClaimSchemaOrg(Schema):
    """The claim reviewed, with its author (the claimant) and appearances."""

    type_ = fields.String(data_key="@type", required=True, validate=validate.Equal("Claim"))
    author = fields.Nested(_Thing, required=True)
    datePublished = fields.String(allow_none=True)
    appearance = fields.List(fields.Nested(AppearanceSchema), required=True)


class ClaimReviewSchema(Schema):
    """A schema.org ClaimReview."""

    context = fields.String(
        data_key="@context", required=True, validate=validate.Equal("https://schema.org")
    )
    type_ = fields.String(data_key="@type", required=True, validate=validate.Equal("ClaimReview"))
    url = fields.String(required=True)
    claimReviewed = fields.String(required=True)
    datePublished = fields.String(required=True)
    author = fields.Nested(_Thing, required=True)
    itemReviewed = fields.Nested(ClaimSchemaOrg, required=True)
    reviewRating = fields.Nested(RatingSchema, required=True)
