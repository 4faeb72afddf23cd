"""Routes of the sources resource."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView

from api.common.blueprint import Blueprint
from api.common.schemas import PageArgsSchema
from api.extensions import get_store
from api.sources.schemas import (
    AgreementCountsPageSchema,
    AgreementSchema,
    ArgumentMapSchema,
    CoverageSchema,
    RevisionDiffSchema,
    RevisionListSchema,
    RevisionSchema,
    SourceDetailSchema,
    SourcePageSchema,
)
from kb.models import Page
from kb.services import agreement as agreement_service
from kb.services import revisions as revision_service
from kb.services import sources as source_service

blp = Blueprint("sources", __name__, url_prefix="/sources", description="What asserts the claims.")


@blp.route("")
class Sources(MethodView):
    @blp.arguments(PageArgsSchema, location="query", as_kwargs=True)
    @blp.response(200, SourcePageSchema)
    def get(self, page: int, limit: int) -> Page:
        """List sources with their metadata (unknown fields are null)."""
        return source_service.list_sources(get_store(), page, limit)


@blp.route("/<source_id>")
class SourceDetail(MethodView):
    @blp.response(200, SourceDetailSchema)
    def get(self, source_id: str) -> dict[str, Any]:
        """A source's metadata, full text, and the spans a reader can highlight."""
        return source_service.get_source(get_store(), source_id)


@blp.route("/<source_id>/coverage")
class SourceCoverage(MethodView):
    @blp.response(200, CoverageSchema)
    def get(self, source_id: str) -> dict[str, Any]:
        """The stretches of the text that carry no claim or causal link."""
        return source_service.coverage(get_store(), source_id)


@blp.route("/<source_id>/argument-map")
class SourceArgumentMap(MethodView):
    @blp.response(200, ArgumentMapSchema)
    def get(self, source_id: str) -> dict[str, Any]:
        """The source's whole argument: its claims (status, standing) and the links between them."""
        return source_service.argument_map(get_store(), source_id)


@blp.route("/<source_id>/agreement/<other_id>")
class SourceAgreement(MethodView):
    @blp.response(200, AgreementSchema)
    def get(self, source_id: str, other_id: str) -> dict[str, Any]:
        """Where two sources meet: claims both assert, and attacks of one on the other's claims."""
        return agreement_service.agreement(get_store(), source_id, other_id)


@blp.route("/<source_id>/agreement")
class SourceAgreementCounts(MethodView):
    @blp.arguments(PageArgsSchema, location="query", as_kwargs=True)
    @blp.response(200, AgreementCountsPageSchema)
    def get(self, source_id: str, page: int, limit: int) -> Page:
        """How the source compares with every other source (by id): counts of agree,
        disagree, reported and attacks across, paged."""
        return agreement_service.agreement_counts(get_store(), source_id, page, limit)


@blp.route("/<source_id>/revisions")
class SourceRevisions(MethodView):
    @blp.response(200, RevisionListSchema)
    def get(self, source_id: str) -> dict[str, Any]:
        """The source's revisions, oldest first (a source never revised has revision 1)."""
        return revision_service.list_revisions(get_store(), source_id)


@blp.route("/<source_id>/revisions/<int:number>")
class SourceRevision(MethodView):
    @blp.response(200, RevisionSchema)
    def get(self, source_id: str, number: int) -> dict[str, Any]:
        """The text and the spans (with their context) as of one revision."""
        return revision_service.get_revision(get_store(), source_id, number)


@blp.route("/<source_id>/revisions/<int:first>/diff/<int:second>")
class SourceRevisionDiff(MethodView):
    @blp.response(200, RevisionDiffSchema)
    def get(self, source_id: str, first: int, second: int) -> dict[str, Any]:
        """What changed between two revisions: text changes and each span kept, moved or gone."""
        return revision_service.diff(get_store(), source_id, first, second)
