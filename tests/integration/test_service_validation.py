"""Services hold every caller to the domain's vocabulary, not only HTTP clients.

The CLI, importers and benchmarks call services directly; a word outside
`kb.models` is refused there with the field named, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kb.db import Store
from kb.errors import InvalidRequest
from kb.models import Role
from kb.services import actors, claims, evidence, graph, keys, slots
from kb.services.evidence import EvidenceInput
from kb.services.keys import Principal

ANALYST = Principal("validation-tester", Role.analyst)
CLAIM = "c-hostages-not-rescued"


def _evidence(**overrides: Any) -> EvidenceInput:
    fields = {
        "url": "https://example.org/x",
        "stance": "supports",
        "confidence": 0.5,
        "rationale": "r",
    }
    return EvidenceInput(**{**fields, **overrides})


def _claims(**filters: Any) -> Callable[[Store], Any]:
    return lambda store: claims.list_claims(store, claims.ClaimFilters(**filters), 1, 10)


CASES: list[tuple[str, str, Callable[[Store], Any]]] = [
    ("claim type", "type", _claims(type="opinion")),
    ("actor role", "role", _claims(role="hero")),
    ("slot filter", "slot", _claims(slot="any")),
    ("status", "status", _claims(status="true")),
    ("page", "page", lambda s: claims.list_claims(s, claims.ClaimFilters(), 0, 10)),
    ("limit", "limit", lambda s: actors.list_actors(s, None, 1, 201)),
    ("actor kind", "kind", lambda s: actors.list_actors(s, "planet", 1, 10)),
    ("slot status", "status", lambda s: slots.list_slots(s, "pending", None, None, 1, 10)),
    ("slot kind", "kind", lambda s: slots.list_slots(s, None, "rumour", None, 1, 10)),
    ("depth", "depth", lambda s: graph.walk(s, CLAIM, "downstream", 51)),
    (
        "stance",
        "stance",
        lambda s: evidence.attach_evidence(s, "claim", CLAIM, _evidence(stance="maybe"), ANALYST),
    ),
    (
        "confidence",
        "confidence",
        lambda s: evidence.attach_evidence(s, "claim", CLAIM, _evidence(confidence=2.0), ANALYST),
    ),
    ("key role", "role", lambda s: keys.create_key(s, "someone", "superuser")),
    (
        "slot update",
        "status",
        lambda s: slots.update_slot(s, f"slot-{CLAIM}-1", "filled", None, None, ANALYST),
    ),
]


@pytest.mark.parametrize(("what", "field", "call"), CASES, ids=[case[0] for case in CASES])
def test_a_word_outside_the_vocabulary_is_refused_naming_its_field(
    seeded_store: Store, what: str, field: str, call: Callable[[Store], Any]
) -> None:
    with pytest.raises(InvalidRequest) as raised:
        call(seeded_store)
    assert raised.value.field == field


def test_a_refused_write_leaves_nothing(seeded_store: Store) -> None:
    with pytest.raises(InvalidRequest):
        evidence.attach_evidence(seeded_store, "claim", CLAIM, _evidence(stance="maybe"), ANALYST)
    assert evidence.evidence_for(seeded_store, "claim", CLAIM) == []
