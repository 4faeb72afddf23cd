"""Store access for what derived status and standing are computed from."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.db import records
from kb.queries.assessment import ALL_CLAIM_IDS_QUERY, EVIDENCE_WEIGHTS_QUERY


def evidence_weights(tx: ManagedTransaction) -> list[dict[str, Any]]:
    """Summed confidence of active evidence per target and stance (supports/refutes)."""
    return records(tx, EVIDENCE_WEIGHTS_QUERY)


def all_claim_ids(tx: ManagedTransaction) -> list[str]:
    return list(records(tx, ALL_CLAIM_IDS_QUERY)[0]["claim_ids"])
