"""Reading revisions: the list, one revision's text and spans, a diff, a retired claim's URL."""

from __future__ import annotations

import shutil
from pathlib import Path

from kb.config import CYPHER_DIR
from kb.db import Store
from kb.services.annotation import apply_import, plan_import
from tests.api.openapi_check import CheckedClient
from tests.integration.test_revision import TEXT_1, TEXT_2, annotation, write

API = "/api/v1"


def test_the_article_keeps_its_revisions(client: CheckedClient) -> None:
    # Revision 1 is the article as first applied (V002-V007); revision 2 the outside review
    # decided (V008), revision 3 its reported statements on `reports` appearances (V009).
    body = client.get(f"{API}/sources/article-001/revisions").get_json()
    assert body["current"] == 3 and body["revised"] is True
    assert [r["number"] for r in body["revisions"]] == [1, 2, 3]
    first = client.get(f"{API}/sources/article-001/revisions/1").get_json()
    assert first["current"] is False and first["why"] == "as first applied"
    assert body["revisions"][1]["why"].startswith("The outside review")
    for span in first["spans"]:
        assert first["text"][span["start"] : span["end"]] == span["quote"]
        assert first["text"][: span["start"]].endswith(span["prefix"])
    assert client.get(f"{API}/sources/article-001/revisions/4").status_code == 404
    assert client.get(f"{API}/sources/no-such-source/revisions").status_code == 404


def test_revisions_diff_and_retired_claim(
    client: CheckedClient, seeded_store: Store, tmp_path: Path
) -> None:
    cypher_dir = tmp_path / "cypher"
    shutil.copytree(CYPHER_DIR, cypher_dir)
    revised = annotation(TEXT_2, with_doomed=False, why="the agency corrected the day")
    revised["claims"][1]["text"] = "The second round of talks stalled (said on Wednesday)."
    for name, data in (("v1.yaml", annotation(TEXT_1, with_doomed=True)), ("v2.yaml", revised)):
        path = write(tmp_path / name, data)
        apply_import(seeded_store, plan_import(seeded_store, path, cypher_dir), cypher_dir)

    listed = client.get(f"{API}/sources/fixture-revised/revisions").get_json()
    assert listed["current"] == 2 and listed["revised"] is True
    assert [(r["number"], r["why"]) for r in listed["revisions"]] == [
        (1, "as first applied"),
        (2, "the agency corrected the day"),
    ]
    old = client.get(f"{API}/sources/fixture-revised/revisions/1").get_json()
    assert old["text"] == TEXT_1 and old["current"] is False
    assert {s["id"] for s in old["spans"]} == {
        "c-rv-began",
        "c-rv-stalled",
        "c-rv-doomed",
        "sup-rv-001",
    }
    new = client.get(f"{API}/sources/fixture-revised/revisions/2").get_json()
    assert new["text"] == TEXT_2
    for revision in (old, new):
        for span in revision["spans"]:
            assert revision["text"][span["start"] : span["end"]] == span["quote"]

    diff = client.get(f"{API}/sources/fixture-revised/revisions/1/diff/2").get_json()
    fates = {(s["kind"], s["id"]): s["outcome"] for s in diff["spans"]}
    assert fates == {
        ("claim", "c-rv-began"): "moved",
        ("claim", "c-rv-stalled"): "changed",
        ("claim", "c-rv-doomed"): "removed",
        ("link", "sup-rv-001"): "removed",
    }
    assert {"removed": "Tuesday", "added": "Wednesday"} in [
        {"removed": c["removed"], "added": c["added"]} for c in diff["text_changes"]
    ]

    gone = client.get(f"{API}/claims/c-rv-doomed")
    assert gone.status_code == 410
    problem = gone.get_json()
    assert problem["retired"] is True and problem["retired_in"] == 2
    assert "the agency corrected the day" in problem["retired_reason"]
    assert [slot["id"] for slot in problem["slots"]] == ["slot-c-rv-doomed-1"]
    mapped = client.get(f"{API}/sources/fixture-revised/argument-map").get_json()
    assert {claim["id"] for claim in mapped["claims"]} == {"c-rv-began", "c-rv-stalled"}
    assert mapped["links"] == []  # the dropped link is superseded, not drawn
    history = client.get(f"{API}/claims/c-rv-stalled/history").get_json()
    events = [e for e in history["events"] if e["kind"] == "claim_text_revised"]
    assert len(events) == 1 and "the text was: The second round" in events[0]["detail"]
