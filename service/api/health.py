"""Liveness and readiness."""

from __future__ import annotations

from flask import current_app
from flask.views import MethodView
from flask_smorest import abort

from schemas.resources import HealthSchema, ReadySchema
from service import errors
from service.api import Blueprint, examples, services

blp = Blueprint("health", __name__, url_prefix="/v1", description="Liveness and readiness")


@blp.route("/health")
class Health(MethodView):
    @blp.response(200, HealthSchema, example={"status": "ok"})
    def get(self):
        """Liveness: the process answers (the database is not touched)."""
        return {"status": "ok"}


@blp.route("/ready")
class Ready(MethodView):
    @blp.response(200, ReadySchema, example=examples.READY)
    @blp.alt_response(
        503, response="SERVICE_UNAVAILABLE", description="The database is unreachable"
    )
    def get(self):
        """Readiness: the database answers and is migrated; which matcher serves."""
        try:
            status = services().readiness()
        except Exception:  # any driver error means "not ready"
            current_app.logger.warning("readiness check failed", exc_info=True)
            abort(503, message="The database is unreachable.", type=errors.UNAVAILABLE)
        if status["migration"] != status["head"]:
            abort(
                503,
                message="The database is not migrated: run `corroborate db upgrade`.",
                type=errors.UNAVAILABLE,
            )
        problem = status.pop("problem", None)
        if problem is not None:
            abort(503, message=problem, type=errors.UNAVAILABLE)
        del status["head"]
        return status
