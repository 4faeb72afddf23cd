"""Derived values after `kb import --apply`: the claims the import touched and what rests
on them, not the whole graph.

The seed loader cannot know what an arbitrary script touched, so after a seed
it recomputes everything (`kb.derived.full.recompute_all`). An import's script
is compiled from a file, so its reach is known: the claims and links it writes,
references or supersedes (`kb.lint.region.touched_by`), and, read before the
script runs, the claims its source asserted and the stored ends of the links it
rewrites (a revision may drop an appearance or a link). The incremental path of
evidence writes (`kb.derived.incremental.refresh_after_change`) then derives
again the status and consensus of those claims and causal links and the
labelling downstream of them, with the stored values around them as the
boundary. `kb recompute --check` holds the result to the full recomputation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kb.annotation.model import Compiled
from kb.db import Store
from kb.derived.full import recompute_all
from kb.derived.incremental import refresh_after_change
from kb.lint.region import touched_by
from kb.repositories import lint_region as region_repo
from kb.repositories import seeding as seeding_repo
from kb.seeding.loader import Script


@dataclass(frozen=True)
class ImportReach:
    """The claims and causal links whose derived values an import may change."""

    claims: list[str]
    causal_links: list[str]


def reach_of(store: Store, compiled: Compiled) -> ImportReach:
    """What the compiled import touches, with the stored state it changes (read now,
    before the script runs)."""
    touched = touched_by(compiled)
    before = store.read_bulk(region_repo.seed_claims, touched.source_id, sorted(touched.links))
    claims = set(touched.claims) | before
    claims |= {str(row["id"]) for row in [*compiled.retired_claims, *compiled.revived_claims]}
    causal = {str(row["id"]) for row in [*compiled.causal_links, *compiled.superseded_causal]}
    causal |= set(compiled.revision_retired_causal)
    return ImportReach(sorted(claims), sorted(causal))


def recompute_for(
    store: Store, compiled: Compiled, script_name: str, scripts: list[Script]
) -> Callable[[Store], object]:
    """The loader's `recompute` for applying an import: only the import's reach when its
    script is the one data script pending, else the full recomputation (other seeds
    are arbitrary Cypher)."""
    applied = store.read(seeding_repo.applied_checksums)
    pending = [
        script.name
        for script in scripts
        if script.kind == "seed" and applied.get(script.name) != script.checksum
    ]
    if pending != [script_name]:
        return recompute_all
    reach = reach_of(store, compiled)

    def refresh(target: Store) -> int:
        return target.write(
            refresh_after_change, claim_ids=reach.claims, link_ids=reach.causal_links
        )

    return refresh
