"""What an import would create, reuse or change, by id, against the current database."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kb.annotation.checks import aliases_added
from kb.annotation.model import CLAIM_MARKS, Compiled

ENTITY_FIELDS: tuple[str, ...] = ("name", "kind")
CLAIM_FIELDS: tuple[str, ...] = ("text", "type", "checkable", *CLAIM_MARKS)
# What a rewritten link may change (its ends are its identity; its quote is a span).
LINK_FIELDS: tuple[str, ...] = ("basis", "marker", "rationale")


@dataclass
class Diff:
    """Ids by outcome; `changed` maps an id to the fields that differ."""

    source: str = "new"
    new: dict[str, list[str]] = field(default_factory=dict)
    changed: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    newly_asserted: list[str] = field(default_factory=list)
    aliases_grow: dict[str, list[str]] = field(default_factory=dict)
    new_assertions: int = 0

    @property
    def writes_anything(self) -> bool:
        return bool(
            self.source in ("new", "text changed")
            or any(self.new.values())
            or any(self.changed.values())
            or self.newly_asserted
            or self.aliases_grow
            or self.new_assertions
        )

    def lines(self) -> list[str]:
        """The report `kb import` prints, one line per kind and one per id touched."""
        out = [f"source: {self.source}"]
        for kind in ("actors", "topics", "claims", "links", "causal links", "slots"):
            new, changed = self.new.get(kind, []), self.changed.get(kind, {})
            out.append(
                f"{kind}: {len(new)} new, {len(changed)} changed, "
                f"{self.unchanged.get(kind, 0)} unchanged"
            )
            out += [f"  + {item}" for item in new]
            out += [f"  ~ {item} ({', '.join(fields)})" for item, fields in changed.items()]
        for actor, aliases in self.aliases_grow.items():
            out.append(f"aliases grow: {actor} + {', '.join(aliases)}")
        out += [f"newly asserted by this source: {claim}" for claim in self.newly_asserted]
        out.append(f"assertions: {self.new_assertions} new")
        return out


def diff(compiled: Compiled, state: dict[str, Any]) -> Diff:
    """Compare `compiled` with `state` (from `kb.repositories.annotation.current_state`)."""
    result = Diff()
    if state["source_sha256"] is not None:
        same = state["source_sha256"] == compiled.source["sha256"]
        result.source = "unchanged text" if same else "text changed"
    claims = {row["id"]: row for row in state["claims"]}
    result.new["claims"] = [r["id"] for r in compiled.claims if r["id"] not in claims]
    result.changed["claims"] = {
        r["id"]: fields
        for r in compiled.claims
        if r["id"] in claims
        if (fields := [f for f in CLAIM_FIELDS if claims[r["id"]].get(f) != r.get(f)])
    }
    result.unchanged["claims"] = (
        len(compiled.claims) - len(result.new["claims"]) - len(result.changed["claims"])
    )
    for kind, rows, refs, key in (
        ("actors", compiled.actors, compiled.actor_aliases, "actors"),
        ("topics", compiled.topics, compiled.topic_aliases, "topics"),
    ):
        current = {row["id"]: row for row in state[key]}
        result.new[kind] = [r["id"] for r in rows if r["id"] not in current]
        result.changed[kind] = {
            r["id"]: fields
            for r in rows
            if r["id"] in current
            if (fields := [f for f in ENTITY_FIELDS if f in r and current[r["id"]].get(f) != r[f]])
        }
        result.unchanged[kind] = len(rows) - len(result.new[kind]) - len(result.changed[kind])
        for row in [*rows, *refs]:
            if row["id"] in current and (
                added := aliases_added(current[row["id"]]["aliases"], row["aliases"])
            ):
                result.aliases_grow[row["id"]] = added
    fields_now = state.get("link_fields", {})
    for kind, rows, have in (
        ("links", [*compiled.supports, *compiled.attacks], state["links"]),
        ("causal links", compiled.causal_links, state["causal_links"]),
    ):
        result.new[kind] = [r["id"] for r in rows if r["id"] not in set(have)]
        result.changed[kind] = {
            r["id"]: fields
            for r in rows
            if r["id"] in fields_now
            if (fields := [f for f in LINK_FIELDS if fields_now[r["id"]].get(f) != r.get(f)])
        }
    result.new["causal links"] += [
        r["id"]
        for r in compiled.superseded_causal
        if r["id"] not in set(state["causal_links"])
        and r["id"] not in compiled.revision_retired_causal  # a revision retires it
    ]
    result.unchanged["links"] = (
        len(compiled.supports) + len(compiled.attacks) - len(result.new["links"])
    ) - len(result.changed["links"])
    result.unchanged["causal links"] = (
        len(compiled.causal_links)
        + len(compiled.superseded_causal)
        - len(result.new["causal links"])
        - len(result.changed["causal links"])
        - len(compiled.revision_retired_causal)
    )
    slots = slot_ids(compiled)
    result.new["slots"] = [item for item in slots if item not in set(state["slots"])]
    result.unchanged["slots"] = len(slots) - len(result.new["slots"])
    asserted = set(state["assertions"])
    fresh = [r for r in compiled.asserts if f"{r['claim']}@{r['start']}" not in asserted]
    result.new_assertions = len(fresh)
    already = {item.split("@", 1)[0] for item in asserted}
    result.newly_asserted = sorted(
        {r["claim"] for r in fresh if r["claim"] in claims and r["claim"] not in already}
    )
    return result


def slot_ids(compiled: Compiled) -> list[str]:
    rows = [
        *compiled.source_slots,
        *compiled.claim_slots,
        *compiled.causal_slots,
        *compiled.actor_slots,
        *compiled.superseded_slots,
    ]
    return [str(row["id"]) for row in rows]


def state_parameters(compiled: Compiled) -> dict[str, Any]:
    """The ids `kb.repositories.annotation.current_state` looks up."""
    return {
        "source_id": compiled.source_id,
        "claim_ids": sorted(
            {r["id"] for r in compiled.claims} | {r["claim"] for r in compiled.asserts}
        ),
        "actor_ids": [r["id"] for r in [*compiled.actors, *compiled.actor_aliases]],
        "topic_ids": [r["id"] for r in [*compiled.topics, *compiled.topic_aliases]],
        "link_ids": [r["id"] for r in [*compiled.supports, *compiled.attacks]],
        "causal_ids": [r["id"] for r in [*compiled.causal_links, *compiled.superseded_causal]],
        "slot_ids": slot_ids(compiled),
    }
