"""Routes of the claims resource."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask.views import MethodView

from api.claims.schemas import (
    AppearancePageSchema,
    BasisArgsSchema,
    ClaimDetailSchema,
    ClaimListArgsSchema,
    ClaimPageSchema,
    ImpactSchema,
    WalkArgsSchema,
    WalkSchema,
)
from api.common.blueprint import Blueprint
from api.common.schemas import PageArgsSchema
from api.extensions import get_store
from api.merged import MERGED_REDIRECT
from api.retired import RETIRED_GONE
from kb.models import Direction, Impact, Page, Walk
from kb.services import claims as claim_service
from kb.services import graph as graph_service

blp = Blueprint(
    "claims", __name__, url_prefix="/claims", description="Claims and what rests on what."
)


@blp.route("")
class Claims(MethodView):
    @blp.arguments(ClaimListArgsSchema, location="query", as_kwargs=True)
    @blp.response(200, ClaimPageSchema)
    def get(self, page: int, limit: int, after: str | None = None, **filters: Any) -> Page:
        """List claims, filtered, full-text searched and paginated.

        A page costs a page however large the graph: claims are read in id order
        from the index the filter names (or from the source, actor or topic it
        names) and the read stops after the page. For deep paging follow
        `meta.next_after` with `after` (a keyset cursor): a page number costs the
        pages before it. A filtered total counts
        at most 1,000 matches (with `actor` or `topic`, among the first 2,000 claims
        about it); past that `meta.total_is_estimate` is true (see
        `PageMeta`). A search (`q`) ranks the best hits of each full-text index its
        page needs (`skip + limit`, at least 50), or with a filter set the best
        1,000 (10,000 at most: a deeper page is a 422).
        An answer needing more memory than Neo4j allows one transaction is a 422
        `query-too-large` problem saying how to narrow the request.
        """
        filters_ = claim_service.ClaimFilters(**filters)
        return claim_service.list_claims(get_store(), filters_, page, limit, after)


@blp.route("/<claim_id>")
class ClaimDetail(MethodView):
    @blp.response(200, ClaimDetailSchema)
    @blp.alt_response(308, **MERGED_REDIRECT)
    @blp.alt_response(410, **RETIRED_GONE)
    def get(self, claim_id: str) -> dict[str, Any]:
        """A claim with who asserts it, where, its links, actors and slots."""
        return claim_service.get_claim(get_store(), claim_id)


@blp.route("/<claim_id>/appearances")
class ClaimAppearances(MethodView):
    @blp.arguments(PageArgsSchema, location="query", as_kwargs=True)
    @blp.response(200, AppearancePageSchema)
    @blp.alt_response(308, **MERGED_REDIRECT)
    def get(self, claim_id: str, page: int, limit: int) -> Page:
        """Every appearance of the claim across sources, with each source's stance,
        speaker and quote: by the source's publication date (unknown dates last), then
        offset, so the first known appearance comes first."""
        return claim_service.appearances(get_store(), claim_id, page, limit)


def _walk_view(direction: Direction, summary: str) -> Callable[..., Walk]:
    """The GET of one walk direction; `summary` becomes its OpenAPI summary."""

    @blp.arguments(WalkArgsSchema, location="query", as_kwargs=True)
    @blp.response(200, WalkSchema)
    @blp.alt_response(308, **MERGED_REDIRECT)
    def get(
        self: MethodView,
        claim_id: str,
        depth: int,
        basis: list[str] | None,
        source: str | None,
        page: int,
        limit: int,
    ) -> Walk:
        return graph_service.walk(
            get_store(),
            claim_id,
            direction=direction,
            depth=depth,
            bases=basis,
            page=page,
            limit=limit,
            source=source,
        )

    get.__doc__ = summary
    return get


@blp.route("/<claim_id>/dependents")
class ClaimDependents(MethodView):
    get = _walk_view(
        "downstream",
        """Claims that depend on this one (support and causal links), each with the step
        that reached it, paged nearest first.""",
    )


@blp.route("/<claim_id>/dependencies")
class ClaimDependencies(MethodView):
    get = _walk_view(
        "upstream",
        """What this claim rests on, transitively, each with the step that reached it,
        paged nearest first.""",
    )


@blp.route("/<claim_id>/impact")
class ClaimImpact(MethodView):
    @blp.arguments(BasisArgsSchema, location="query", as_kwargs=True)
    @blp.response(200, ImpactSchema)
    @blp.alt_response(308, **MERGED_REDIRECT)
    def get(self, claim_id: str, basis: list[str] | None) -> Impact:
        """If this claim were refuted: which dependents lose all support, which keep some."""
        return graph_service.impact(get_store(), claim_id, basis)
