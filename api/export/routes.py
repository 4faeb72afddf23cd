"""Routes of the export resource."""

from __future__ import annotations

from flask import Response, current_app
from flask.views import MethodView

from api.common.blueprint import Blueprint
from api.export.schemas import EXPORT_RESPONSE_DOC, ExportArgsSchema
from api.extensions import get_store
from api.limits import export_slots, with_export_slot
from kb.export.loss import LOSS_HEADER, as_header
from kb.services import export as export_service

blp = Blueprint(
    "export",
    __name__,
    url_prefix="/export",
    description="The claim graph in the formats other tools read, with what each cannot carry.",
)


@blp.route("/<format_name>")
class Export(MethodView):
    @blp.arguments(ExportArgsSchema, location="query", as_kwargs=True)
    @blp.doc(responses={"200": EXPORT_RESPONSE_DOC})
    def get(self, format_name: str, source: str | None) -> Response | tuple[Response, int]:
        """Download the graph as aif, claimreview, graphml or csv (a zip of neo4j-admin files).

        The body is streamed; the `X-Export-Loss` header reports what the format could
        not carry. An unknown format or source is a 404. Each server process runs a
        few exports at a time (`KB_MAX_CONCURRENT_EXPORTS`); one more is a 429 with
        `Retry-After`.
        """
        return with_export_slot(export_slots(current_app), lambda: _exported(format_name, source))


def _exported(format_name: str, source: str | None) -> Response:
    prepared = export_service.export(get_store(), format_name, source)
    response = Response(prepared.body, mimetype=prepared.media_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{prepared.filename}"'
    response.headers[LOSS_HEADER] = as_header(prepared.losses)
    return response
