"""The application factory: settings → store → blueprints → errors → headers."""

from __future__ import annotations

import logging
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml
from flask import Flask, Response, request
from flask_cors import CORS
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from werkzeug.middleware.proxy_fix import ProxyFix

from service import budget, errors
from service.api import PUBLIC_ALWAYS, CorroborateApi, is_write, services
from service.cache import Cache, make_cache
from service.config import Settings
from service.storage import Store
from service.storage.migrate import current_revision, head_revision
from service.verification import Verifier

API_VERSION = "1.0.0"
API_DESCRIPTION = """\
Corroborate stores atomic claims extracted from news articles and, given a statement,
returns the matching claims, which outlets support or differ on it, and the exact
supporting passages.

All offsets (`start`, `end`) are Python string indices, i.e. Unicode code points, into
the article text exactly as stored: `article.text[start:end] == passage`. A JavaScript
client counts UTF-16 code units and must convert for characters outside the Basic
Multilingual Plane.

Every error is `application/problem+json` (RFC 9457): `type`, `title`, `status`,
`detail`, `instance`, and `errors` with per-field messages for validation failures.
"""


@dataclass
class Services:
    """What the views need, kept in ``app.extensions["corroborate"]``."""

    settings: Settings
    store: Store
    verifier: Verifier
    cache: Cache | None = None

    def readiness(self) -> dict[str, Any]:
        """Database reachable and migrated; raises when unreachable."""
        self.store.db.ping()
        engine = self.store.db.engine
        migration = current_revision(engine)
        counts: dict[str, int] = {}
        if migration is not None:
            with self.store.read() as repo:
                counts = repo.counts()
        status = {
            "status": "ready",
            "database": self.store.dialect,
            "migration": migration,
            "head": head_revision(engine),
            "matcher": self.verifier.matcher,
            "counts": counts,
        }
        if self.verifier.embedder is not None and migration == status["head"]:
            from service.matching.semantic import model_mismatch
            from service.storage.repository import EmbeddingStore

            with self.store.read() as repo:
                status["problem"] = model_mismatch(repo, self.verifier.embedder)
                status["counts"]["embeddings"] = sum(EmbeddingStore(repo).models().values())
        return status


def create_app(config: dict[str, Any] | Settings | None = None) -> Flask:
    """Build the WSGI app. ``config`` overrides settings (a Settings or a dict of fields)."""
    settings = _settings(config)
    app = Flask("corroborate", root_path=str(Path(__file__).parent), static_folder="static")
    app.config.update(
        API_TITLE="Corroborate",
        API_VERSION=API_VERSION,
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        API_SPEC_OPTIONS={
            "info": {
                "description": API_DESCRIPTION,
                "license": {"name": "MIT"},
            },
            "servers": [{"url": "http://127.0.0.1:8000", "description": "make run"}],
        },
        MAX_CONTENT_LENGTH=settings.max_content_length,
        JSON_SORT_KEYS=False,
    )
    logging.getLogger("corroborate").setLevel(settings.log_level.upper())
    if settings.proxy_count:
        # behind N trusted proxies (the compose stack's nginx): remote_addr, and so the
        # rate-limit key, is the client they saw, not the proxy's own address
        n = settings.proxy_count
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n)  # type: ignore[method-assign]

    app_services = Services(
        settings=settings,
        store=Store(settings.database_url),
        verifier=Verifier(embedder=embedder_for(settings)),
        cache=make_cache(
            settings.cache_url,
            entries=settings.cache_entries,
            ttl=settings.cache_ttl,
            prefix=settings.ratelimit_key_prefix,
        ),
    )
    app.extensions["corroborate"] = app_services

    api = CorroborateApi(app)
    api.spec.components.security_scheme(
        "bearerAuth",
        {
            "type": "http",
            "scheme": "bearer",
            "description": "A token from `corroborate token create --name NAME`",
        },
    )
    from service.api import articles, claims, facts, health, outlets, verify

    for module in (health, outlets, articles, claims, facts, verify):
        api.register_blueprint(module.blp)

    @app.get("/")
    def page() -> Response:
        """The page to try the API: verify a statement, list disagreements."""
        response = app.send_static_file("index.html")
        # the page loads its own script and style only, and calls this API only
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
        )
        return response

    @app.get("/openapi.yaml")
    def openapi_yaml() -> Response:
        return Response(spec_yaml(api), mimetype="application/yaml")

    app.before_request(_start_budget)
    app.before_request(_require_token)
    app.before_request(_require_json_body)
    app.after_request(_standard_headers)
    app.teardown_request(lambda _exc: budget.clear())
    _rate_limits(app, settings)
    if settings.cors_origins:
        CORS(
            app,
            resources={r"/v1/*": {"origins": list(settings.cors_origins)}},
            expose_headers=["Location", "Retry-After"],
            max_age=600,
        )
    app.extensions["corroborate.api"] = api
    return app


def _rate_limits(app: Flask, settings: Settings) -> Limiter:
    """Per-client limits in a store all workers share (Redis) or in memory (one process)."""

    def limit_for_request() -> str:
        return settings.ratelimit_write if is_write() else settings.ratelimit_default

    limiter = Limiter(
        get_remote_address,
        app=app,
        default_limits=[limit_for_request],
        storage_uri=settings.ratelimit_storage_url,
        headers_enabled=True,
        strategy="fixed-window",
        enabled=settings.ratelimit_enabled,
        default_limits_exempt_when=lambda: request.endpoint in PUBLIC_ALWAYS,
        key_prefix=settings.ratelimit_key_prefix,
    )
    return limiter


def _start_budget() -> None:
    budget.start(services().settings.request_budget)


def _require_token():
    """Writes need a valid bearer token; reads too when the settings say so."""
    if request.routing_exception is not None or request.method == "OPTIONS":
        return None
    if not is_write():
        if not services().settings.require_token_for_reads or request.endpoint in PUBLIC_ALWAYS:
            return None
        if not request.path.startswith("/v1/"):
            return None
    header = request.headers.get("Authorization", "")
    scheme, _, secret = header.partition(" ")
    challenge = {"WWW-Authenticate": 'Bearer realm="corroborate"'}
    if scheme.lower() != "bearer" or not secret.strip():
        return errors.problem(
            401,
            "This operation needs `Authorization: Bearer <token>`.",
            type_=errors.UNAUTHORIZED,
            headers=challenge,
        )
    from service.tokens import token_is_valid

    store = services().store
    with store.read() as repo:
        valid = token_is_valid(repo, secret.strip())
    if not valid:
        return errors.problem(
            401, "The token is unknown or revoked.", type_=errors.UNAUTHORIZED, headers=challenge
        )
    return None


def embedder_for(settings: Settings):
    """The sentence embedder the settings ask for, or None for lexical matching."""
    from service.matching import semantic

    if settings.matcher == "lexical":
        return None
    if settings.matcher == "auto" and not semantic.available():
        return None
    # "hybrid" without the extra raises SemanticUnavailable
    return semantic.load_embedder(settings.embedding_threads)


def _settings(config: dict[str, Any] | Settings | None) -> Settings:
    if isinstance(config, Settings):
        return config
    config = dict(config or {})
    known = {f.name for f in fields(Settings)}
    unknown = set(config) - known
    if unknown:
        raise ValueError(f"unknown settings: {', '.join(sorted(unknown))}")
    return Settings.from_env(**config)


def _require_json_body():
    """A write with a body must say it is JSON: anything else is a 415."""
    if request.routing_exception is not None:
        return None  # 404/405 from routing take precedence
    if request.method in {"POST", "PUT", "PATCH"} and request.path.startswith("/v1/"):
        mimetype = request.mimetype or ""
        if mimetype != "application/json" and not mimetype.endswith("+json"):
            return errors.problem(
                415,
                "Send the request body as JSON with `Content-Type: application/json`.",
            )
    return None


def _standard_headers(response: Response) -> Response:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    if "Cache-Control" not in response.headers:
        # The store changes with every ingest; clients must not reuse answers.
        response.headers["Cache-Control"] = "no-store"
    return response


def spec_yaml(api: CorroborateApi) -> str:
    """The OpenAPI document as YAML, deterministic (what `openapi.yaml` holds)."""
    return yaml.safe_dump(api.spec.to_dict(), sort_keys=True, allow_unicode=True, width=100)
