"""A synthetic argument graph of a chosen size, to see how walks scale.

Layered and acyclic like a real argument (premises below, conclusions above):
each claim supports two claims of the next layer, and one in ten also causes
one, so a walk from the bottom layer fans out as real dependents do.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

from kb.db import Store
from kb.derived.full import recompute_all
from kb.queries.synthetic import (
    CREATE_SYNTHETIC_CAUSAL_LINKS_QUERY,
    CREATE_SYNTHETIC_CLAIMS_QUERY,
    CREATE_SYNTHETIC_SUPPORTS_QUERY,
    DELETE_SYNTHETIC_QUERY,
)

BATCH = 2000
LAYER_WIDTH = 100


def _batches(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start : start + BATCH]


def build(store: Store, claims: int, seed: int = 7) -> str:
    """Create `claims` synthetic claims and their links; return a bottom-layer claim id."""
    rng = random.Random(seed)
    ids = [f"syn-{i:06d}" for i in range(claims)]
    layers = [ids[i : i + LAYER_WIDTH] for i in range(0, claims, LAYER_WIDTH)]
    supports, causal = [], []
    for lower, upper in zip(layers, layers[1:], strict=False):
        for claim_id in lower:
            for target in rng.sample(upper, k=min(2, len(upper))):
                supports.append(
                    {"id": f"sup-{claim_id}-{target}", "from_id": claim_id, "to_id": target}
                )
            if rng.random() < 0.1:
                target = rng.choice(upper)
                causal.append(
                    {"id": f"cl-{claim_id}-{target}", "from_id": claim_id, "to_id": target}
                )
    claim_rows = [{"id": claim_id, "text": f"Synthetic claim {claim_id}"} for claim_id in ids]
    for query, rows in (
        (CREATE_SYNTHETIC_CLAIMS_QUERY, claim_rows),
        (CREATE_SYNTHETIC_SUPPORTS_QUERY, supports),
        (CREATE_SYNTHETIC_CAUSAL_LINKS_QUERY, causal),
    ):
        for batch in _batches(rows):
            store.write(lambda tx, q=query, b=batch: tx.run(q, rows=b).consume())
    recompute_all(store)  # stored status and standing, as after any load
    return ids[0]


def remove(store: Store) -> None:
    """Delete every synthetic node (and its relationships)."""
    store.run_autocommit(DELETE_SYNTHETIC_QUERY)
