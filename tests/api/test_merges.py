"""`kb claims merge|unmerge` through the service, seen through the API: nothing
lost, everything back after an unmerge, redirects for the merged-away id,
history on both ids, and every refusal."""

from __future__ import annotations

import pytest

from kb.db import Store, records
from kb.derived import full
from kb.derived.full import recompute_all
from kb.errors import Conflict, InvalidRequest, NotFound
from kb.models import Role
from kb.services import evidence as evidence_service
from kb.services import merges
from kb.services import slots as slot_service
from kb.services.evidence import EvidenceInput
from kb.services.keys import Principal
from tests.api.helpers import auth, evidence
from tests.api.openapi_check import CheckedClient
from tests.graph_snapshot import GraphSnapshot
from tests.second_source import ATTACKED, OWN_CLAIM, SOURCE_ID

SURVIVOR = "c-netanyahu-survives-on-endless-war"
MERGED = "c-netanyahu-rejects-second-phase"
AUDIT = ("Event", "ClaimMerge")
ALICE = Principal("alice", Role.analyst)


def _attach(store: Store, claim_id: str) -> str:
    data = EvidenceInput(
        url=f"https://example.org/{claim_id}",
        title="A report",
        stance="supports",
        confidence=0.7,
        rationale="It documents the claim.",
    )
    link, _created = evidence_service.attach_evidence(store, "claim", claim_id, data, ALICE)
    return str(link["id"])


def _relationships(store: Store, claim_id: str) -> list[tuple[str, bool, str]]:
    rows = store.read(
        records,
        "MATCH (c:Claim {id: $id})-[r]-(o) RETURN type(r) AS t, startNode(r) = c AS out, o.id AS o",
        id=claim_id,
    )
    return sorted((row["t"], row["out"], row["o"]) for row in rows)


def test_merge_then_unmerge_leaves_the_graph_as_it_was(
    client: CheckedClient, second_source: Store
) -> None:
    store = second_source
    evidence_id = _attach(store, MERGED)
    before = GraphSnapshot.take(store)
    theirs = _relationships(store, MERGED)
    ours = _relationships(store, SURVIVOR)

    outcome = merges.merge(store, SURVIVOR, MERGED, "Same proposition, two wordings.", "tester")
    assert outcome.moved + outcome.dropped == len(theirs)
    merged_in = _relationships(store, SURVIVOR)
    assert set(merged_in) == set(ours) | set(theirs)  # nothing lost; duplicates once
    assert _relationships(store, MERGED) == []

    claim = client.get(f"/api/v1/claims/{SURVIVOR}").get_json()
    assert "c-netanyahu-uses-war-to-stay-in-power" in {s["claim_id"] for s in claim["supported_by"]}
    assert {"cl-rejection-leads-to-freeze"} <= {c["link_id"] for c in claim["causes"]}
    assert "slot-c-netanyahu-rejects-second-phase-1" in {s["id"] for s in claim["slots"]}
    [evidence] = [e for e in claim["evidence"] if e["id"] == evidence_id]
    assert evidence["target_id"] == SURVIVOR
    assert len(claim["assertions"]) > 1

    # the merged-away id redirects, for the claim and its sub-resources
    gone = client.get(f"/api/v1/claims/{MERGED}/dependents?depth=2")
    assert gone.status_code == 308
    assert gone.headers["Location"] == f"/api/v1/claims/{SURVIVOR}/dependents?depth=2"
    assert gone.mimetype == "application/problem+json"
    assert gone.get_json()["survivor_id"] == SURVIVOR
    assert client.get(f"/api/v1/claims/{MERGED}").headers["Location"].endswith(SURVIVOR)
    assert client.get(f"/api/v1/claims/{MERGED}/evidence").status_code == 308
    assert client.get(f"/api/v1/claims/{MERGED}/history").status_code == 308
    assert client.get("/api/v1/claims/c-no-such-claim").status_code == 404
    listed = client.get("/api/v1/claims?limit=200").get_json()["items"]
    assert MERGED not in {item["id"] for item in listed}

    # history: both events on the survivor, the merged claim's own events with them
    events = client.get(f"/api/v1/claims/{SURVIVOR}/history").get_json()["events"]
    kinds = [(e["kind"], e["target_id"]) for e in events]
    assert ("evidence_attached", MERGED) in kinds
    assert kinds[-2:] == [("claim_merged", SURVIVOR), ("claim_merged", MERGED)]
    assert outcome.merge_id in events[-1]["detail"]

    back = merges.unmerge(store, MERGED, "They differ after all.", "tester")
    assert (back.merge_id, back.moved, back.dropped) == (
        outcome.merge_id,
        outcome.moved,
        outcome.dropped,
    )
    after = GraphSnapshot.take(store)
    assert after.content_except(*AUDIT) == before.content_except(*AUDIT)
    assert after.content != before.content  # the audit stays
    # after the unmerge each id keeps its own history, merge and unmerge included
    for claim_id in (SURVIVOR, MERGED):
        history = client.get(f"/api/v1/claims/{claim_id}/history").get_json()["events"]
        assert [e["kind"] for e in history][-2:] == ["claim_merged", "claim_unmerged"]
        assert all(e["target_id"] == claim_id for e in history)
    assert client.get(f"/api/v1/claims/{MERGED}").status_code == 200
    [record] = store.read(
        records, "MATCH (m:ClaimMerge) RETURN m.status AS status, m.unmerge_reason AS why"
    )
    assert record == {"status": "unmerged", "why": "They differ after all."}


def test_a_duplicate_assertion_is_dropped_and_restored(second_source: Store) -> None:
    store = second_source
    # the wire asserts its own claim with the quote the attack link also uses;
    # give the attacked article claim the very same assertion, then merge
    store.write(
        records,
        "MATCH (s:Source {id: $source})-[a:ASSERTS]->(:Claim {id: $own}), (c:Claim {id: $other}) "
        "CREATE (s)-[b:ASSERTS]->(c) SET b = properties(a)",
        source=SOURCE_ID,
        own=OWN_CLAIM,
        other="c-view-second-phase-merely-stalled",
    )
    recompute_all(store)  # the raw write changed the claim's stored consensus
    before = GraphSnapshot.take(store)
    outcome = merges.merge(store, "c-view-second-phase-merely-stalled", OWN_CLAIM, "dup", "t")
    assert outcome.dropped >= 1
    rows = store.read(
        records,
        "MATCH (:Source {id: $source})-[a:ASSERTS]->(c:Claim {id: $id}) RETURN a.quote AS q",
        source=SOURCE_ID,
        id="c-view-second-phase-merely-stalled",
    )
    assert len(rows) == 1  # one assertion, not two identical ones
    merges.unmerge(store, OWN_CLAIM, "undo", "t")
    assert GraphSnapshot.take(store).content_except(*AUDIT) == before.content_except(*AUDIT)


@pytest.mark.parametrize(
    ("survivor", "merged", "error", "fragment"),
    [
        ("c-nope", MERGED, NotFound, "claim 'c-nope' not found"),
        (SURVIVOR, "c-nope", NotFound, "claim 'c-nope' not found"),
        (SURVIVOR, SURVIVOR, InvalidRequest, "into itself"),
        # joined by a support link, a causal link, an attack link (the wire's)
        (ATTACKED, MERGED, Conflict, "supports sup-"),
        ("c-netanyahu-froze-second-phase", MERGED, Conflict, "causal cl-rejection-leads-to-freeze"),
        (ATTACKED, OWN_CLAIM, Conflict, "attacks att-test-001"),
    ],
)
def test_merge_refusals(
    second_source: Store, survivor: str, merged: str, error: type[Exception], fragment: str
) -> None:
    before = GraphSnapshot.take(second_source)
    with pytest.raises(error, match=fragment):
        merges.merge(second_source, survivor, merged, "because", "tester")
    assert GraphSnapshot.take(second_source).content == before.content  # nothing written


def test_merge_and_unmerge_refusals_around_a_merge(seeded_store: Store) -> None:
    store = seeded_store
    with pytest.raises(InvalidRequest, match="reason"):
        merges.merge(store, SURVIVOR, MERGED, "   ", "tester")
    with pytest.raises(Conflict, match="is not merged"):
        merges.unmerge(store, MERGED, "nothing to undo", "tester")
    with pytest.raises(NotFound):
        merges.unmerge(store, "c-nope", "nothing to undo", "tester")
    merges.merge(store, SURVIVOR, MERGED, "same", "tester")
    with pytest.raises(Conflict, match="already merged into 'c-netanyahu-survives"):
        merges.merge(store, SURVIVOR, MERGED, "again", "tester")
    with pytest.raises(Conflict, match="already merged"):
        merges.merge(store, MERGED, "c-ummah-duty", "into a tombstone", "tester")
    # a merge of a merge: unmerge the later one first
    merges.merge(store, "c-ummah-duty", SURVIVOR, "chain", "tester")
    assert merges.survivor_of(store, MERGED) == "c-ummah-duty"
    with pytest.raises(Conflict, match="unmerge 'c-netanyahu-survives-on-endless-war' first"):
        merges.unmerge(store, MERGED, "too early", "tester")
    merges.unmerge(store, SURVIVOR, "undo the chain", "tester")
    merges.unmerge(store, MERGED, "undo the first", "tester")
    assert merges.survivor_of(store, MERGED) is None


def test_slots_opened_around_a_merge_get_fresh_ids(seeded_store: Store) -> None:
    store = seeded_store
    merges.merge(store, SURVIVOR, MERGED, "same", "tester")  # brings MERGED's one slot
    during = slot_service.open_slot(store, "claim", SURVIVOR, "Opened while merged?", ALICE)
    merges.unmerge(store, MERGED, "differs", "tester")
    after = slot_service.open_slot(store, "claim", SURVIVOR, "Opened after the unmerge?", ALICE)
    assert during["id"] != after["id"]
    assert {during["id"], after["id"]} <= {
        s["id"]
        for s in store.read(
            records, "MATCH (:Claim {id: $id})-[:HAS_SLOT]->(s) RETURN s.id AS id", id=SURVIVOR
        )
    }


def test_merge_and_unmerge_keep_stored_status_and_standing_current(second_source: Store) -> None:
    store = second_source
    refuting = EvidenceInput(
        url="https://example.org/refutes-merged",
        title="A rebuttal",
        stance="refutes",
        confidence=0.9,
        rationale="It contradicts the claim.",
    )
    evidence_service.attach_evidence(store, "claim", MERGED, refuting, ALICE)
    assert list(full.drift(store)) == []

    merges.merge(store, SURVIVOR, MERGED, "Same proposition, two wordings.", "tester")
    survivor = store.read(records, "MATCH (c:Claim {id: $id}) RETURN c.status AS s", id=SURVIVOR)
    assert survivor[0]["s"] == "refuted"  # the merged claim's evidence now bears on it
    assert list(full.drift(store)) == []

    merges.unmerge(store, MERGED, "They differ after all.", "tester")
    assert list(full.drift(store)) == []


def test_writes_to_a_merged_claim_redirect_like_reads_and_write_nothing(
    client: CheckedClient, second_source: Store, keys: dict[str, str]
) -> None:
    store = second_source
    merges.merge(store, SURVIVOR, MERGED, "Same proposition, two wordings.", "tester")
    try:
        writes = (
            (f"/api/v1/claims/{MERGED}/evidence", evidence("https://example.org/late")),
            (f"/api/v1/claims/{MERGED}/slots", {"question": "Who said it first?"}),
        )
        for path, body in writes:
            answer = client.post(path, json=body, headers=auth(keys["analyst"]))
            assert answer.status_code == 308, (path, answer.get_json())
            assert answer.headers["Location"] == path.replace(MERGED, SURVIVOR)
            assert answer.get_json()["survivor_id"] == SURVIVOR
        assert merges.tombstone_relationships(store) == []
        # a method the resource does not have answers as it does for the survivor
        for method in ("put", "patch", "delete"):
            send = getattr(client, method)
            gone = send(f"/api/v1/claims/{MERGED}/evidence", headers=auth(keys["analyst"]))
            live = send(f"/api/v1/claims/{SURVIVOR}/evidence", headers=auth(keys["analyst"]))
            assert gone.status_code == live.status_code == 405, method
    finally:
        merges.unmerge(store, MERGED, "undo", "tester")
