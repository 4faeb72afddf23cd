"""A synthetic annotation file of any size: the shape of a typical import.

Each claim has its own sentence, a slot and (every fifth) an actor and a topic; a
support chain runs through the claims, and a causal link starts at every tenth.
`kb db start` plans a small one (`kb.services.warmup.rehearse_import`) so Neo4j
has planned the import's statements before a user's first `kb import`; the import
benchmark (`bench/import_500.py`) writes a 500-claim one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kb.models import ClaimType


def document(claims: int, tag: str, place: str = "district") -> dict[str, Any]:
    """A `kb-annotation/1` document of `claims` claims whose ids are made with `tag`
    (two documents with different tags and places can be imported one after the other)."""
    sentences = [
        f"Statement {i} says that {place} {i} received {i * 7} tonnes of aid."
        for i in range(claims)
    ]
    actor, topic = f"actor-{tag}", f"topic-{tag}"
    claim_rows: list[dict[str, Any]] = [
        {
            "id": f"c-{tag}-{i}",
            "text": f"{place.capitalize()} {i} received {i * 7} tonnes of aid.",
            "type": ClaimType.factual.value,
            "quote": sentence,
            "slots": [{"question": f"Aid record for {place} {i}"}],
        }
        for i, sentence in enumerate(sentences)
    ]
    for row in claim_rows[::5]:
        row["about"] = [{"actor": actor, "role": "subject"}]
        row["topics"] = [topic]
    links = [
        {
            "id": f"sup-{tag}-{i}",
            "kind": "supports",
            "from": f"c-{tag}-{i}",
            "to": f"c-{tag}-{i + 1}",
            "quote": sentences[i + 1],
            "basis": "curator",
            "rationale": "Synthetic chain.",
        }
        for i in range(claims - 1)
    ]
    causal = [
        {
            "id": f"cl-{tag}-{i}",
            "cause": f"c-{tag}-{i}",
            "effect": f"c-{tag}-{i + 5}",
            "mechanism": "Synthetic.",
            "quote": sentences[i],
            "basis": "curator",
            "rationale": "Synthetic.",
        }
        for i in range(0, claims - 5, 10)
    ]
    return {
        "format": "kb-annotation/1",
        "source": {
            "id": f"{tag}-import-{claims}",
            "title": f"Synthetic {claims}-claim source",
            "kind": "report",
            "language": "en",
            "fictional": True,
            "text": " ".join(sentences),
        },
        "actors": [{"id": actor, "name": f"Synthetic actor {tag}", "kind": "group"}],
        "topics": [{"id": topic, "name": f"Synthetic topic {tag}"}],
        "claims": claim_rows,
        "links": links,
        "causal_links": causal,
    }


def write(folder: Path, claims: int, tag: str, place: str = "district") -> Path:
    """`document(claims, tag, place)` as YAML in `folder`; its path."""
    path = folder / f"{tag}-import-{claims}.yaml"
    data = document(claims, tag, place)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path
