"""Every error leaves as ``application/problem+json`` (RFC 9457); no traceback ever does."""

from __future__ import annotations

import http
import logging
from typing import Any

from flask import Flask, Response, has_request_context, json, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("corroborate")

# Problem types beyond plain HTTP statuses; the README documents each.
VALIDATION = "/problems/validation-error"
MALFORMED_JSON = "/problems/malformed-json"
UNAUTHORIZED = "/problems/unauthorized"
RATE_LIMITED = "/problems/rate-limited"
TIME_BUDGET = "/problems/time-budget-exceeded"
UNAVAILABLE = "/problems/unavailable"


def problem(
    status: int,
    detail: str | None = None,
    *,
    type_: str = "about:blank",
    title: str | None = None,
    errors: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """Build a problem+json response."""
    body: dict[str, Any] = {
        "type": type_,
        "title": title or _phrase(status),
        "status": status,
    }
    if detail:
        body["detail"] = detail
    if has_request_context():
        body["instance"] = request.path
    if errors:
        body["errors"] = errors
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_JSON)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _phrase(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def handle_http_exception(error: HTTPException) -> Response:
    """Turn any HTTPException (routing, abort, webargs validation) into problem+json."""
    status = error.code or 500
    data = getattr(error, "data", None) or {}
    headers = dict(data.get("headers") or {})
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        headers["Allow"] = ", ".join(sorted(error.valid_methods))
    if getattr(error, "response", None) is not None and error.response is not None:
        # e.g. Flask-Limiter's 429 carries a Retry-After header on its response
        for name in ("Retry-After",):
            if name in error.response.headers:
                headers[name] = error.response.headers[name]
    errors = data.get("errors") or data.get("messages")
    type_ = data.get("type", "about:blank")
    detail = data.get("message") or _detail(error)
    if status == 422 and errors:
        type_ = VALIDATION
        detail = data.get("message") or "The request does not match the schema: see `errors`."
    if status == 400 and errors and _is_json_decode_error(errors):
        type_ = MALFORMED_JSON
        detail = "The request body is not valid JSON."
        errors = None
    if status >= 500:
        detail = data.get("message") or "The server could not complete the request."
    return problem(
        status,
        detail,
        type_=type_,
        title=data.get("title"),
        errors=_plain(errors) if errors else None,
        headers=headers,
    )


def _detail(error: HTTPException) -> str | None:
    description = error.description
    if isinstance(description, str):
        return description
    return None


def _is_json_decode_error(errors: Any) -> bool:
    return (
        isinstance(errors, dict)
        and "json" in errors
        and any("Invalid JSON" in str(m) for m in _flatten(errors["json"]))
    )


def _flatten(value: Any):
    if isinstance(value, dict):
        for v in value.values():
            yield from _flatten(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _flatten(v)
    else:
        yield value


def _plain(value: Any) -> Any:
    """Make webargs' error dicts JSON-safe (integer keys for list items become strings)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value if isinstance(value, str | int | float | bool) or value is None else str(value)


def handle_budget(_error: Exception) -> Response:
    """The request ran past its time budget: 503, the worker lives on."""
    return problem(
        503,
        "The request took longer than this server allows; try again or "
        "narrow it (fewer statements, a smaller limit).",
        type_=TIME_BUDGET,
        headers={"Retry-After": "1"},
    )


def handle_database_error(error: Exception) -> Response:
    """A database that cannot answer now (interrupted, locked, unreachable): 503."""
    from service import budget

    if budget.expired():
        return handle_budget(error)
    log.warning("database unavailable on %s %s: %s", request.method, request.path, error)
    return problem(
        503,
        "The database is unavailable; try again shortly.",
        type_=UNAVAILABLE,
        headers={"Retry-After": "5"},
    )


def handle_unexpected(error: Exception) -> Response:
    """Log the traceback; answer a bare 500."""
    if isinstance(error, HTTPException):
        return handle_http_exception(error)
    log.exception("unhandled error on %s %s", request.method, request.path)
    return problem(500, "The server could not complete the request.")


def register(app: Flask) -> None:
    """Install the handlers on an app (the Api subclass also routes through them)."""
    app.config["PROPAGATE_EXCEPTIONS"] = False
    from sqlalchemy.exc import OperationalError

    from service.budget import BudgetExceeded

    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(BudgetExceeded, handle_budget)
    app.register_error_handler(OperationalError, handle_database_error)
    app.register_error_handler(Exception, handle_unexpected)
