"""Schemas of facts (claims of several articles reporting one fact) and disagreements."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.common import PageArgs, PageSchema
from schemas.resources import CLAIM_KINDS, OFFSET_NOTE
from schemas.verify import DIFFERENCE_KINDS, OutletRefSchema

FACT_DIFFERENCE_KINDS = (*DIFFERENCE_KINDS, "wording")


class FactPassageSchema(Schema):
    """One outlet's claim on the fact with its exact passage."""

    claim_id = fields.Integer(required=True)
    start = fields.Integer(required=True, metadata={"description": OFFSET_NOTE})
    end = fields.Integer(required=True)
    text = fields.String(required=True, metadata={"description": "article.text[start:end]"})
    claim = fields.String(required=True, metadata={"description": "The claim, standalone"})
    claimant = fields.String(allow_none=True, required=True)
    source = fields.String(allow_none=True, required=True)
    kind = fields.String(required=True, validate=validate.OneOf(CLAIM_KINDS))
    details = fields.Dict(required=True)


class FactArticleSchema(Schema):
    """An article reporting the fact, with its passages."""

    article_id = fields.Integer(required=True)
    title = fields.String(required=True)
    url = fields.String(allow_none=True, required=True)
    published_at = fields.Date(allow_none=True, required=True)
    passages = fields.List(fields.Nested(FactPassageSchema), required=True)


class FactOutletSchema(Schema):
    """How one outlet reports the fact."""

    outlet = fields.Nested(OutletRefSchema, required=True)
    articles = fields.List(fields.Nested(FactArticleSchema), required=True)


class WordingSchema(Schema):
    """One side of a difference: the outlet's claim and its wording."""

    outlet = fields.Nested(OutletRefSchema, required=True)
    claim_id = fields.Integer(required=True)
    wording = fields.String(required=True)


class OutletDifferenceSchema(Schema):
    """A detail two outlets report differently."""

    kind = fields.String(required=True, validate=validate.OneOf(FACT_DIFFERENCE_KINDS))
    a = fields.Nested(WordingSchema, required=True)
    b = fields.Nested(WordingSchema, required=True)


class FactSchema(Schema):
    """A fact: each outlet's exact passages and the pairwise differences between outlets."""

    id = fields.Integer(required=True)
    text = fields.String(required=True, metadata={"description": "The fact's canonical claim"})
    claimant = fields.String(allow_none=True, required=True)
    worthiness = fields.Float(required=True)
    outlet_count = fields.Integer(required=True)
    outlets = fields.List(fields.Nested(FactOutletSchema), required=True)
    differences = fields.List(fields.Nested(OutletDifferenceSchema), required=True)


class DisagreementSchema(Schema):
    """A fact on which outlets differ, with the differences."""

    fact_id = fields.Integer(required=True)
    text = fields.String(required=True)
    claimant = fields.String(allow_none=True, required=True)
    worthiness = fields.Float(required=True)
    outlet_count = fields.Integer(required=True)
    kinds = fields.List(
        fields.String(validate=validate.OneOf(FACT_DIFFERENCE_KINDS)), required=True
    )
    differences = fields.List(fields.Nested(OutletDifferenceSchema), required=True)


class DisagreementListSchema(PageSchema):
    """A page of disagreements."""

    items = fields.List(fields.Nested(DisagreementSchema), required=True)


class DisagreementQueryArgs(PageArgs):
    """Filters of the disagreement listing."""

    outlet_id = fields.Integer(validate=validate.Range(min=1, max=2**31 - 1))
    kind = fields.String(validate=validate.OneOf(FACT_DIFFERENCE_KINDS))
