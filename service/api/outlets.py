"""Outlets: the publishers whose articles are stored."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort

from schemas.resources import OutletListSchema, OutletSchema
from service.api import Blueprint, examples, id_rule, store

blp = Blueprint("outlets", __name__, url_prefix="/v1/outlets", description="Publishers")


@blp.route("")
class Outlets(MethodView):
    @blp.response(200, OutletListSchema, example=examples.OUTLET_LIST)
    def get(self):
        """List every outlet with its article and claim counts."""
        with store().read() as repo:
            return {"items": repo.list_outlets()}


@blp.route("/" + id_rule("outlet_id"))
class OutletById(MethodView):
    @blp.response(200, OutletSchema, example=examples.OUTLET)
    @blp.alt_response(404, response="NOT_FOUND", description="No outlet with this id")
    def get(self, outlet_id: int):
        """Get one outlet with its article and claim counts."""
        with store().read() as repo:
            outlet = repo.get_outlet(outlet_id)
        if outlet is None:
            abort(404, message=f"No outlet with id {outlet_id}.")
        return outlet
