"""Routes of the export resource."""

from __future__ import annotations

from flask import Response, current_app, request
from flask.views import MethodView

from api.common.blueprint import Blueprint
from api.export.feed import FEED_FORMAT, feed_response
from api.export.schemas import (
    EXPORT_RESPONSE_DOC,
    FEED_PARAMETERS_DOC,
    NOT_MODIFIED_DOC,
    ExportArgsSchema,
)
from api.extensions import get_store
from api.limits import export_slots, with_export_slot
from kb.export.formats import in_words
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
    @blp.doc(
        parameters=FEED_PARAMETERS_DOC,
        responses={"200": EXPORT_RESPONSE_DOC, "304": NOT_MODIFIED_DOC},
    )
    def get(self, format_name: str, source: str | None) -> Response | tuple[Response, int]:
        return with_export_slot(export_slots(current_app), lambda: _exported(format_name, source))

    # The summary lists the registered formats (the docstring becomes the OpenAPI text).
    get.__doc__ = f"""Download the graph as {in_words(with_notes=True)}.

        The body is streamed; the `X-Export-Loss` header reports what the format could
        not carry. An unknown format or source is a 404. `claimreview` is also a feed:
        it carries `ETag` and `Last-Modified`, and `If-None-Match` with the current ETag
        answers 304. Reviews are authored by the `KB_PUBLISHER_*` organisation. Each
        server process runs a few exports at a time (`KB_MAX_CONCURRENT_EXPORTS`); one
        more is a 429 with `Retry-After`.
        """


def _exported(format_name: str, source: str | None) -> Response:
    publisher = current_app.config.get("KB_PUBLISHER")
    prepared = export_service.export(get_store(), format_name, source, publisher)
    if format_name == FEED_FORMAT:
        response = feed_response(prepared, request)
    else:
        response = Response(prepared.body, mimetype=prepared.media_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{prepared.filename}"'
    response.headers[LOSS_HEADER] = as_header(prepared.losses)
    return response
