"""HTTP API: flask-smorest blueprints under ``/v1``; every error is problem+json."""

from __future__ import annotations

import http
from typing import Any

import flask_smorest
from flask import current_app, request, url_for
from flask_smorest import Api
from flask_smorest.utils import prepare_response
from webargs.flaskparser import FlaskParser

from schemas.common import ProblemSchema
from service import errors


class CorroborateApi(Api):
    """flask-smorest's Api with RFC 9457 errors, documented as problem+json."""

    ERROR_SCHEMA = ProblemSchema

    def _register_error_handlers(self) -> None:
        errors.register(self._app)

    def _register_responses(self) -> None:
        for status in http.HTTPStatus:
            response: dict[str, Any] = {"description": status.phrase}
            if not (100 <= status < 200) and status not in (204, 304):
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, errors.PROBLEM_JSON)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "Default error response", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, errors.PROBLEM_JSON)
        self.spec.components.response("DEFAULT_ERROR", response, lazy=True)


class Blueprint(flask_smorest.Blueprint):
    """A blueprint whose arguments reject unknown fields in every location (query too)."""

    # webargs drops unknown query parameters by default; None defers to the schemas,
    # whose marshmallow default is RAISE: a misspelt filter is a 422, not ignored.
    ARGUMENTS_PARSER = FlaskParser(unknown=None)


# Ids are PostgreSQL `integer`s: a larger (or non-positive) number names no row, so the route
# does not match it (404) and the spec documents the range, instead of the database driver
# failing on an out-of-range value (a 500 on SQLite, whose integers stop at 2**63 - 1).
MAX_ID = 2**31 - 1


def id_rule(name: str) -> str:
    """The URL rule of a path id: ``<int(min=1, max=MAX_ID):name>``."""
    return f"<int(min=1, max={MAX_ID}):{name}>"


# OpenAPI documentation of an operation that needs a bearer token.
WRITE_DOC = {"security": [{"bearerAuth": []}]}
# (endpoint, method) pairs that change the store: they need a token and the write limit.
WRITES = {
    ("articles.Articles", "POST"),
    ("articles.ArticleById", "DELETE"),
    ("claims.ClaimImport", "POST"),
}
PUBLIC_ALWAYS = {"health.Health", "health.Ready"}


def is_write() -> bool:
    """True when the current request is a write operation."""
    return (request.endpoint, request.method) in WRITES


def page_links(page: Any, **args: Any) -> dict[str, Any]:
    """The pagination envelope fields: total, page, limit and the next page's URL."""
    nxt = None
    if page.has_next:
        query = {k: v for k, v in args.items() if v is not None}
        nxt = url_for(
            request.endpoint,
            **(request.view_args or {}),
            **query,
            page=page.page + 1,
            limit=page.limit,
        )
    return {
        "items": page.items,
        "total": page.total,
        "page": page.page,
        "limit": page.limit,
        "next": nxt,
    }


def services():
    """The Services (settings, store, verifier) of the app serving this request."""
    return current_app.extensions["corroborate"]


def store():
    """The app's Store."""
    return services().store
