"""Shared schemas: errors (RFC 9457 problem details) and pagination."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
# The characters Python's `str.isspace()` (and `str.strip()`) treat as whitespace, spelt out:
# `\s` means different sets in Python and in the ECMA-262 regexes of JSON Schema clients.
WHITESPACE = r"\t\n\x0b\x0c\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# Holds a character that is not whitespace. A validator rather than a check in code, so the
# spec carries it as `pattern` and clients know a blank string is refused.
NOT_BLANK_PATTERN = rf"^[{WHITESPACE}]*[^{WHITESPACE}]"


def not_blank(error: str = "Must not be blank.") -> validate.Regexp:
    """Reject strings that are empty or only whitespace (documented as a `pattern`)."""
    return validate.Regexp(NOT_BLANK_PATTERN, error=error)


class ProblemSchema(Schema):
    """An error, as ``application/problem+json`` (RFC 9457)."""

    type = fields.String(
        required=True,
        metadata={
            "description": "URI reference naming the kind of problem; `about:blank` for plain HTTP errors"
        },
    )
    title = fields.String(
        required=True, metadata={"description": "Short summary of the kind of problem"}
    )
    status = fields.Integer(required=True, metadata={"description": "HTTP status code"})
    detail = fields.String(metadata={"description": "What went wrong with this request"})
    instance = fields.String(metadata={"description": "The request path"})
    errors = fields.Dict(
        metadata={
            "description": "Per-field messages, by location (`json`, `query`, `path`) then field name"
        }
    )


class PageArgs(Schema):
    """Pagination query parameters."""

    page = fields.Integer(
        load_default=1,
        validate=validate.Range(min=1, max=1_000_000),
        metadata={"description": "1-based page number"},
    )
    limit = fields.Integer(
        load_default=DEFAULT_PAGE_SIZE,
        validate=validate.Range(min=1, max=MAX_PAGE_SIZE),
        metadata={
            "description": f"Items per page (1–{MAX_PAGE_SIZE}; larger is a 422, never clipped)"
        },
    )


class PageSchema(Schema):
    """Envelope of a paginated listing."""

    total = fields.Integer(required=True, metadata={"description": "Items across all pages"})
    page = fields.Integer(required=True)
    limit = fields.Integer(required=True)
    next = fields.String(
        required=True,
        allow_none=True,
        metadata={"description": "Relative URL of the next page, null on the last one"},
    )
