"""Schemas of statement verification."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.common import not_blank
from schemas.resources import CLAIM_KINDS, OFFSET_NOTE

MAX_STATEMENT = 2000
MAX_BATCH = 50
MAX_LIMIT = 50
VERDICTS = ("supported", "contradicted", "mixed", "unverified")
DIFFERENCE_KINDS = ("number", "date", "place", "speaker", "source", "negation")


class _VerifyOptions(Schema):
    limit = fields.Integer(
        load_default=5,
        validate=validate.Range(min=1, max=MAX_LIMIT),
        metadata={"description": f"Most matches to return (1–{MAX_LIMIT})"},
    )
    outlets = fields.List(
        fields.Integer(validate=validate.Range(min=1, max=2**31 - 1)),
        validate=validate.Length(min=1, max=100),
        metadata={"description": "Only these outlet ids (default: all)"},
    )


class VerifyRequest(_VerifyOptions):
    """A statement to verify."""

    statement = fields.String(
        required=True,
        validate=[validate.Length(min=1, max=MAX_STATEMENT), not_blank("The statement is blank.")],
        metadata={
            "description": f"The statement, 1–{MAX_STATEMENT} characters",
            "example": "Leonid Slutsky told RT that significant progress had been made in the talks.",
        },
    )


class VerifyBatchRequest(_VerifyOptions):
    """Up to 50 statements, verified in order."""

    statements = fields.List(
        fields.String(
            validate=[
                validate.Length(min=1, max=MAX_STATEMENT),
                not_blank("The statement is blank."),
            ]
        ),
        required=True,
        validate=validate.Length(min=1, max=MAX_BATCH),
        metadata={"description": f"1–{MAX_BATCH} statements"},
    )


class MatchedClaimSchema(Schema):
    """The best-matching claim of a fact."""

    id = fields.Integer(required=True)
    text = fields.String(required=True)
    claimant = fields.String(allow_none=True, required=True)
    source = fields.String(allow_none=True, required=True)
    kind = fields.String(required=True, validate=validate.OneOf(CLAIM_KINDS))
    external_id = fields.String(allow_none=True, required=True)


class OutletRefSchema(Schema):
    """An outlet, by id and name."""

    id = fields.Integer(required=True)
    name = fields.String(required=True)


class DifferenceSchema(Schema):
    """One detail on which the passage differs from the statement."""

    kind = fields.String(required=True, validate=validate.OneOf(DIFFERENCE_KINDS))
    statement = fields.String(required=True, metadata={"description": "What the statement says"})
    passage = fields.String(required=True, metadata={"description": "What the passage says"})


class PassageSchema(Schema):
    """An exact passage: `text == article.text[start:end]`."""

    article_id = fields.Integer(required=True)
    claim_id = fields.Integer(required=True)
    start = fields.Integer(required=True, metadata={"description": OFFSET_NOTE})
    end = fields.Integer(required=True)
    text = fields.String(required=True)
    url = fields.String(allow_none=True, required=True)


class OutletStanceSchema(Schema):
    """How one outlet reports the fact."""

    outlet = fields.Nested(OutletRefSchema, required=True)
    stance = fields.String(required=True, validate=validate.OneOf(("supports", "differs")))
    differences = fields.List(fields.Nested(DifferenceSchema), required=True)
    passages = fields.List(fields.Nested(PassageSchema), required=True)


class MatchSchema(Schema):
    """A matching fact: its best claim, the score and every outlet's stance."""

    claim = fields.Nested(MatchedClaimSchema, required=True)
    score = fields.Float(required=True, validate=validate.Range(min=0, max=1))
    fact_id = fields.Integer(allow_none=True, required=True)
    outlets = fields.List(fields.Nested(OutletStanceSchema), required=True)


class VerifyResult(Schema):
    """The verdict on a statement with the matches that decide it."""

    statement = fields.String(required=True)
    verdict = fields.String(
        required=True,
        validate=validate.OneOf(VERDICTS),
        metadata={
            "description": "supported: outlets support and none differ; contradicted: outlets "
            "differ and none support; mixed: both; unverified: nothing matches well enough"
        },
    )
    matches = fields.List(fields.Nested(MatchSchema), required=True)
    corrections = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        required=True,
        metadata={"description": "Words of the statement read as known words (typos)"},
    )


class VerifyBatchResult(Schema):
    """Results in the order of the statements."""

    results = fields.List(fields.Nested(VerifyResult), required=True)
