"""Property: random edits to an applied source's text, imported again as a revision.

Quotes the edit did not touch land exactly at their shifted offsets; touched
ones re-anchor (the span is the revised text) or the import is refused with a
`quote-not-found` line naming one of them, writing nothing; a claim the file
drops is retired with its slot; spans equal the text, none twice, and stored
status equals the oracle (`assert_invariants`). A few examples in CI;
`make revision-property` runs many (KB_PROPERTY_EXAMPLES).
"""

from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.config import CYPHER_DIR
from kb.db import Store
from kb.services.annotation import AnnotationError, apply_import, plan_import
from tests.integration.test_revision import assert_invariants, write

EXAMPLES = max(1, int(os.environ.get("KB_PROPERTY_EXAMPLES", "60")) // 20)
SENTENCES = (
    "Mediators met in Cairo on Sunday to discuss the crossings.",
    "The ceasefire began on Monday after weeks of talks.",
    "Officials said the second round of talks had stalled.",
    "Critics argued that the whole plan was doomed from the start.",
)
QUOTES = tuple(sentence.rstrip(".") for sentence in SENTENCES[1:])
_RUN = itertools.count(1)


def _file(run: int, text: str, keep: tuple[bool, ...]) -> dict[str, Any]:
    return {
        "format": "kb-annotation/1",
        "source": {
            "id": f"fixture-prop-{run}",
            "title": "A fictional wire item, edited at random (test fixture)",
            "kind": "news_report",
            "language": "en",
            "fictional": True,
            "text": text,
        },
        "claims": [
            {
                "id": f"c-prop-{run}-{i}",
                "text": f"Claim {i} of the edited wire item.",
                "type": "factual",
                "quote": quote,
            }
            for i, quote in enumerate(QUOTES)
            if keep[i]
        ],
    }


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    at=st.integers(0, len(" ".join(SENTENCES))),
    length=st.integers(0, 8),
    inserted=st.text(alphabet="xyz ", max_size=10),
    keep=st.tuples(st.booleans(), st.just(True), st.just(True)),
)
def test_random_edits_then_reimport(
    seeded_store: Store, tmp_path: Path, at: int, length: int, inserted: str, keep: tuple[bool, ...]
) -> None:
    run = next(_RUN)
    folder = tmp_path / f"run-{run}"
    cypher_dir = folder / "cypher"
    shutil.copytree(CYPHER_DIR, cypher_dir)
    text = " ".join(SENTENCES)
    first = write(folder / "v1.yaml", _file(run, text, (True, True, True)))
    apply_import(seeded_store, plan_import(seeded_store, first, cypher_dir), cypher_dir)
    length = min(length, len(text) - at)
    revised = text[:at] + inserted + text[at + length :]
    delta = len(inserted) - length
    second = write(folder / "v2.yaml", _file(run, revised, keep))
    # An edit wholly before a quote shifts it; wholly after leaves it; else it touches it.
    touched = {
        i
        for i, quote in enumerate(QUOTES)
        if not at + length <= text.index(quote) and not at >= text.index(quote) + len(quote)
    }
    try:
        plan = plan_import(seeded_store, second, cypher_dir)
    except AnnotationError as refused:
        named = [p.message for p in refused.problems if p.rule == "quote-not-found"]
        assert named and all(any(QUOTES[i][:20] in m for i in touched) for m in named)
        stored = seeded_store.read(
            lambda tx: tx.run(
                "MATCH (s:Source {id: $id}) RETURN s.text AS text", id=f"fixture-prop-{run}"
            ).single()
        )
        assert stored is not None and stored["text"] == text  # nothing written
        return
    apply_import(seeded_store, plan, cypher_dir)
    assert_invariants(seeded_store)
    spans = {
        row["claim"]: row
        for row in seeded_store.read(
            lambda tx: tx.run(
                "MATCH (:Source {id: $id})-[a:ASSERTS]->(c:Claim) "
                "RETURN c.id AS claim, a.start AS start, a.quote AS quote",
                id=f"fixture-prop-{run}",
            ).data()
        )
    }
    for i, quote in enumerate(QUOTES):
        claim = f"c-prop-{run}-{i}"
        if not keep[i]:
            retired = seeded_store.read(
                lambda tx, c=claim: tx.run(
                    "MATCH (r:RetiredClaim {id: $id})-[:HAS_SLOT]->(slot) RETURN slot.id AS slot",
                    id=c,
                ).data()
            )
            assert retired == [{"slot": f"slot-{claim}-1"}]  # retired, its slot kept
            continue
        if i in touched:
            assert claim in spans  # re-anchored (the invariants check its text)
            continue
        old = text.index(quote)
        expected = old + delta if at + length <= old else old
        assert spans[claim] == {"claim": claim, "start": expected, "quote": quote}
