"""What the knowledge base already holds that a draft can point at: actors, topics, claims.

The drafting engine reads only this snapshot, never the database, so it runs
(and is tested) without Neo4j; `load_known` fills it from a store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

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
