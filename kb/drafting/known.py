"""What the knowledge base already holds that a draft can point at: actors, topics, claims.

The drafting engine reads only this snapshot, never the database, so it runs
(and is tested) without Neo4j; `load_known` fills it from a store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from kb.db import Store


@dataclass(frozen=True)
class KnownEntity:
    """An actor or a topic: its id, name and the aliases texts use for it."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None

    def names(self) -> tuple[str, ...]:
        """Every spelling the text may use: the aliases and the name."""
        return (*self.aliases, self.name)


@dataclass(frozen=True)
class KnownClaim:
    """An existing claim: its id, paraphrase and the quotes that assert it."""

    id: str
    text: str
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class KnownGraph:
    """The snapshot a draft is matched against (empty: everything is proposed as new)."""

    actors: tuple[KnownEntity, ...] = ()
    topics: tuple[KnownEntity, ...] = ()
    claims: tuple[KnownClaim, ...] = field(default_factory=tuple)


def load_known(store: Store) -> KnownGraph:
    """Every actor (with aliases), topic and claim (with its quotes) the store holds."""
    from kb.repositories import drafting as repo

    rows: dict[str, list[dict[str, Any]]] = store.read_bulk(repo.known_graph)
    return KnownGraph(
        actors=tuple(_entity(row) for row in rows["actors"]),
        topics=tuple(_entity(row) for row in rows["topics"]),
        claims=tuple(
            KnownClaim(row["id"], row["text"] or "", tuple(q for q in row["quotes"] if q))
            for row in rows["claims"]
        ),
    )


def _entity(row: dict[str, Any]) -> KnownEntity:
    return KnownEntity(
        id=row["id"],
        name=row["name"] or row["id"],
        aliases=tuple(a for a in (row.get("aliases") or []) if a),
        kind=row.get("kind"),
    )


def known_from_annotations(paths: list[Path]) -> KnownGraph:
    """The known graph as importing these annotation files in order would leave it
    (ids, names, aliases, claim texts and quotes; files read, never checked)."""
    actors: dict[str, KnownEntity] = {}
    topics: dict[str, KnownEntity] = {}
    claims: dict[str, KnownClaim] = {}
    for path in paths:
        data = yaml.safe_load(path.read_text("utf-8")) or {}
        for kind, table in (("actors", actors), ("topics", topics)):
            for entry in data.get(kind) or []:
                _merge_entity(table, entry)
        for entry in data.get("claims") or []:
            claim_id = str(entry.get("id") or entry.get("ref"))
            quote = entry.get("quote")
            old = claims.get(claim_id)
            if old is None:
                claims[claim_id] = KnownClaim(claim_id, entry.get("text", ""), (quote,))
            else:
                claims[claim_id] = KnownClaim(claim_id, old.text, (*old.quotes, quote))
    return KnownGraph(
        actors=tuple(actors[key] for key in sorted(actors)),
        topics=tuple(topics[key] for key in sorted(topics)),
        claims=tuple(claims[key] for key in sorted(claims)),
    )


def _merge_entity(table: dict[str, KnownEntity], entry: dict[str, Any]) -> None:
    entity_id = str(entry.get("id") or entry.get("ref"))
    aliases = tuple(entry.get("aliases") or ())
    old = table.get(entity_id)
    if old is None:
        table[entity_id] = KnownEntity(
            entity_id, str(entry.get("name", entity_id)), aliases, entry.get("kind")
        )
    else:
        grown = (*old.aliases, *(a for a in aliases if a not in old.aliases))
        table[entity_id] = KnownEntity(old.id, old.name, grown, old.kind)
