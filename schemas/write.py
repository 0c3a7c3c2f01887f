"""Schemas of the write operations: ingesting articles and importing fact-checks."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.common import WHITESPACE

MAX_ARTICLE_CHARS = 200_000
MAX_IMPORT_RECORDS = 1000
MAX_CLAIM_CHARS = 5000
MAX_URL_CHARS = 2000
# An absolute http(s) URL: a host name or IPv4 address, an optional port, then a path, query
# or fragment without whitespace or control characters. The spec publishes this very pattern
# (apispec copies it from the validator), so clients and the server agree on what is valid.
# It reads the same in Python and in ECMA-262 regexes: no `\s` shorthand, and `(?![\s\S])`
# for the end of the string (`$` would also match before a final newline in Python).
URL_PATTERN = (
    r"^[Hh][Tt][Tt][Pp][Ss]?://"
    r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?"
    r"(?::[0-9]{1,5})?"
    rf"(?:[/?#][^\x00-\x1f\x7f-\x9f{WHITESPACE}\ufeff]*)?"
    r"(?![\s\S])"
)


# What is stored must fit a PostgreSQL `text`, which cannot hold U+0000: such a string is a
# 422 on every backend (the patterns say so), not a driver error. Written, like URL_PATTERN,
# for Python and ECMA-262 alike.
STORABLE_PATTERN = r"^[^\x00]*(?![\s\S])"
STORABLE_NOT_BLANK_PATTERN = rf"^[{WHITESPACE}]*[^{WHITESPACE}\x00][^\x00]*(?![\s\S])"


def storable(*, allow_blank: bool = False) -> validate.Regexp:
    """No NUL character (U+0000) and, unless ``allow_blank``, a non-whitespace character."""
    if allow_blank:
        return validate.Regexp(STORABLE_PATTERN, error="Must not contain NUL (U+0000).")
    return validate.Regexp(
        STORABLE_NOT_BLANK_PATTERN, error="Must not be blank, nor contain NUL (U+0000)."
    )


def url_field() -> fields.String:
    """An optional absolute http(s) URL of at most MAX_URL_CHARS characters."""
    return fields.String(
        allow_none=True,
        validate=[
            validate.Length(max=MAX_URL_CHARS),
            validate.Regexp(URL_PATTERN, error="Not a valid http(s) URL."),
        ],
        metadata={"description": "An absolute `http` or `https` URL"},
    )


class OutletInput(Schema):
    """The outlet that published the article, by name (created on first use)."""

    name = fields.String(
        required=True,
        validate=[validate.Length(min=1, max=200), storable()],
        metadata={"example": "The Times of Israel"},
    )
    url = url_field()


class ArticleCreate(Schema):
    """An article to ingest. Server-owned fields (id, sha256, timestamps) are not accepted."""

    outlet = fields.Nested(OutletInput, required=True)
    title = fields.String(required=True, validate=[validate.Length(min=1, max=1000), storable()])
    url = url_field()
    published_at = fields.Date(allow_none=True, metadata={"description": "ISO date"})
    language = fields.String(
        load_default="en",
        validate=validate.Regexp(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$"),
        metadata={"description": "BCP 47 language tag", "example": "en"},
    )
    text = fields.String(
        required=True,
        validate=[validate.Length(min=1, max=MAX_ARTICLE_CHARS), storable()],
        metadata={
            "description": f"The article text, stored verbatim (at most "
            f"{MAX_ARTICLE_CHARS:,} characters)"
        },
    )


class FactCheckInput(Schema):
    """One record of a fact-check database."""

    external_id = fields.String(
        required=True, validate=[validate.Length(min=1, max=200), storable()]
    )
    text = fields.String(
        required=True, validate=[validate.Length(min=1, max=MAX_CLAIM_CHARS), storable()]
    )
    title = fields.String(
        validate=[validate.Length(max=1000), storable(allow_blank=True)], allow_none=True
    )
    publisher = fields.String(
        validate=[validate.Length(max=200), storable(allow_blank=True)], allow_none=True
    )
    url = url_field()
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
    status = fields.String(
        required=True, validate=validate.OneOf(("created", "present", "rejected"))
    )
    reason = fields.String(allow_none=True, required=True)


class ImportResult(Schema):
    """Counts and the outcome of every record, in request order."""

    created = fields.Integer(required=True)
    present = fields.Integer(required=True)
    rejected = fields.Integer(required=True)
    records = fields.List(fields.Nested(ImportOutcome), required=True)
