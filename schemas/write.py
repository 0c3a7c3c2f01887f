"""Schemas of the write operations: ingesting articles and importing fact-checks."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate

MAX_ARTICLE_CHARS = 200_000
MAX_IMPORT_RECORDS = 1000
MAX_CLAIM_CHARS = 5000


def _not_blank(value: str) -> None:
    if not value.strip():
        raise ValidationError("Must not be blank.")


class OutletInput(Schema):
    """The outlet that published the article, by name (created on first use)."""

    name = fields.String(required=True, validate=[validate.Length(min=1, max=200), _not_blank],
                         metadata={"example": "The Times of Israel"})
    url = fields.Url(validate=validate.Length(max=2000), allow_none=True,
                     schemes={"http", "https"})


class ArticleCreate(Schema):
    """An article to ingest. Server-owned fields (id, sha256, timestamps) are not accepted."""

    outlet = fields.Nested(OutletInput, required=True)
    title = fields.String(required=True, validate=[validate.Length(min=1, max=1000), _not_blank])
    url = fields.Url(validate=validate.Length(max=2000), allow_none=True,
                     schemes={"http", "https"})
    published_at = fields.Date(allow_none=True, metadata={"description": "ISO date"})
    language = fields.String(
        load_default="en",
        validate=validate.Regexp(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$"),
        metadata={"description": "BCP 47 language tag", "example": "en"},
    )
    text = fields.String(
        required=True,
        validate=[validate.Length(min=1, max=MAX_ARTICLE_CHARS), _not_blank],
        metadata={"description": f"The article text, stored verbatim (at most "
                                 f"{MAX_ARTICLE_CHARS:,} characters)"},
    )


class FactCheckInput(Schema):
    """One record of a fact-check database."""

    external_id = fields.String(required=True,
                                validate=[validate.Length(min=1, max=200), _not_blank])
    text = fields.String(required=True,
                         validate=[validate.Length(min=1, max=MAX_CLAIM_CHARS), _not_blank])
    title = fields.String(validate=validate.Length(max=1000), allow_none=True)
    publisher = fields.String(validate=validate.Length(max=200), allow_none=True)
    url = fields.Url(validate=validate.Length(max=2000), allow_none=True,
                     schemes={"http", "https"})
    date = fields.Date(allow_none=True)


class ImportRequest(Schema):
    """Up to 1,000 fact-check records."""

    records = fields.List(
        fields.Nested(FactCheckInput),
        required=True,
        validate=validate.Length(min=1, max=MAX_IMPORT_RECORDS),
    )


class ImportOutcome(Schema):
    """What happened to one record."""

    external_id = fields.String(required=True)
    status = fields.String(required=True,
                           validate=validate.OneOf(("created", "present", "rejected")))
    reason = fields.String(allow_none=True, required=True)


class ImportResult(Schema):
    """Counts and the outcome of every record, in request order."""

    created = fields.Integer(required=True)
    present = fields.Integer(required=True)
    rejected = fields.Integer(required=True)
    records = fields.List(fields.Nested(ImportOutcome), required=True)
