"""AIF JSON, as AIFdb publishes it and OVA, arguebuf and argument-mining tools read it.

The argument graph of the Argument Interchange Format, with the dialogical
side of Inference Anchoring Theory (IAT):
- each claim is an I-node (its id is the claim id);
- each support link is an RA-node (`Default Inference`), each causal link an
  RA-node with scheme `Cause To Effect`, each attack a CA-node (`Default Conflict`):
  premise -> RA/CA -> conclusion;
- each assertion is an L-node (the quote, said by the source as participant)
  anchored in its claim by a YA-node `Asserting` (stance `asserts` or
  `presupposes`); reported speech adds the reported locution, said by the
  speaker, between the two (L -> YA -> L' -> YA -> I): a `reports` appearance
  by its own `speaker`, a `reported_speech` claim's other appearances by the
  claim's speakers;
- a rejection (stance `rejects`, or a speaker's `speaker_stance: rejects`) is a
  conflict from the locution: L -> YA `Disagreeing` -> CA (`Default Conflict`) -> I;
- each link is anchored in a TA-node (`Default Transition`) between the
  locutions of its two claims in the source that argues it, with a YA-node
  (`Arguing` for support and causes, `Disagreeing` for attacks) to the RA/CA-node.
Ids are the knowledge base's stable ids (AIFdb numbers its nodes; readers
take any string).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson

from kb.export.loss import Loss, lost, of_type
from kb.models import ClaimType
from kb.schema import ABOUT, ASSERTS, ASSERTS_LINK, ATTACKS, SUPPORTS, RelKind

SUPPORT_SCHEME = "Default Inference"
CAUSAL_SCHEME = "Cause To Effect"
ATTACK_SCHEME = "Default Conflict"
SPOOL_BYTES = 4 * 1024 * 1024  # edges and locutions wait on disk beyond this


@dataclass
class Parts:
    """A slice of the AIF document: what one page of rows contributes to each list."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    locutions: list[dict[str, Any]] = field(default_factory=list)
    participants: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: Parts) -> None:
        """Append `other`'s items (a page of rows becomes one slice: fewer, larger writes)."""
        self.nodes += other.nodes
        self.edges += other.edges
        self.locutions += other.locutions
        self.participants += other.participants

    def node(self, node_id: str, node_type: str, text: str, stamp: str, scheme: bool) -> str:
        node = {"nodeID": node_id, "text": text, "type": node_type, "timestamp": stamp}
        if scheme:
            node["scheme"] = text
        self.nodes.append(node)
        return node_id

    def edge(self, from_id: str, to_id: str) -> None:
        edge_id = f"{from_id}>{to_id}"
        self.edges.append({"edgeID": edge_id, "fromID": from_id, "toID": to_id, "formEdgeID": None})

    def locution(self, node_id: str, person_id: str, stamp: str, source_id: str) -> None:
        self.locutions.append(
            {
                "nodeID": node_id,
                "personID": person_id,
                "timestamp": stamp,
                "start": None,
                "end": None,
                "source": source_id,
            }
        )


def source_participant(source_id: str) -> str:
    return f"source:{source_id}"


def actor_participant(actor_id: str) -> str:
    return f"actor:{actor_id}"


def participant(participant_id: str, name: str) -> dict[str, Any]:
    """AIFdb participants have a first name and a surname; ours have one name."""
    return {"participantID": participant_id, "firstname": name, "surname": ""}


def source_name(props: dict[str, Any]) -> str:
    """How a source speaks in L-node texts: its author when known, else its id."""
    return str(props.get("author") or props["id"])


def locution_id(source_id: str, start: int, claim_id: str) -> str:
    return f"loc:{source_id}:{start}:{claim_id}"


def claim_parts(row: dict[str, Any], source_names: dict[str, str], stamp: str) -> Parts:
    """The I-node of a claim and the locutions anchoring it (with reported speakers)."""
    parts = Parts()
    claim_id = parts.node(row["id"], "I", row["text"], stamp, scheme=False)
    claim_speakers = row["speakers"] if row["type"] == ClaimType.reported_speech else []
    for assertion in sorted(row["assertions"], key=_in_text_order):
        source_id = assertion["source_id"]
        name = source_names.get(source_id, source_id)
        stance = assertion.get("stance") or "asserts"
        said = locution_id(source_id, assertion["start"], claim_id)
        parts.node(said, "L", f"{name}: {assertion['quote']}", stamp, scheme=False)
        parts.locution(said, source_participant(source_id), stamp, source_id)
        reported = assertion.get("speaker") if stance == "reports" else None
        speakers = [reported] if reported else claim_speakers
        rejected_by_speaker = stance == "reports" and assertion.get("speaker_stance") == "rejects"
        for speaker in speakers:
            locution = f"{said}:said-by:{speaker['id']}"
            parts.node(locution, "L", f"{speaker['name']}: {row['text']}", stamp, scheme=False)
            parts.locution(locution, actor_participant(speaker["id"]), stamp, source_id)
            _anchor(parts, said, locution, "Asserting", stamp)
            _commit(parts, locution, claim_id, rejected_by_speaker, stamp)
        if not speakers:
            _commit(parts, said, claim_id, stance == "rejects", stamp)
    return parts


def _in_text_order(assertion: dict[str, Any]) -> tuple[str, int]:
    """Assertions by source, then offset (one without an offset first)."""
    start = assertion["start"]
    return assertion["source_id"], -1 if start is None else start


def _commit(parts: Parts, locution: str, claim_id: str, rejects: bool, stamp: str) -> None:
    """Anchor a locution in its claim: asserting it, or disagreeing through a conflict."""
    if not rejects:
        _anchor(parts, locution, claim_id, "Asserting", stamp)
        return
    conflict = parts.node(f"ca:{locution}", "CA", ATTACK_SCHEME, stamp, scheme=True)
    parts.edge(conflict, claim_id)
    _anchor(parts, locution, conflict, "Disagreeing", stamp)


def _anchor(parts: Parts, from_id: str, to_id: str, illocution: str, stamp: str) -> None:
    ya = parts.node(f"ya:{from_id}>{to_id}", "YA", illocution, stamp, scheme=True)
    parts.edge(from_id, ya)
    parts.edge(ya, to_id)


def nearest(starts: list[int | None], position: int | None) -> int | None:
    """The assertion offset closest to where the link is asserted (None if there is none).

    A link or assertion loaded without offsets (a bulk CSV need not carry them) has
    no position: then the earliest offset anchors it, and offsetless assertions none.
    """
    known = [start for start in starts if start is not None]
    if not known:
        return None
    if position is None:
        return min(known)
    return min(known, key=lambda start: (abs(start - position), start))


def _transition(
    parts: Parts,
    link: dict[str, Any],
    source_id: str,
    from_id: str,
    to_id: str,
    illocution: str,
    scheme_node: str,
    stamp: str,
) -> None:
    """Anchor the link in a TA-node between its claims' locutions, if both are there."""
    from_start = nearest(link["from_starts"], link["start"])
    to_start = nearest(link["to_starts"], link["start"])
    if from_start is None or to_start is None:
        return
    ends = [
        (from_start, locution_id(source_id, from_start, from_id)),
        (to_start, locution_id(source_id, to_start, to_id)),
    ]
    (_, earlier), (_, later) = sorted(ends)
    ta = parts.node(f"ta:{scheme_node}:{source_id}", "TA", "Default Transition", stamp, True)
    parts.edge(earlier, ta)
    parts.edge(ta, later)
    _anchor(parts, ta, scheme_node, illocution, stamp)


def argument_parts(row: dict[str, Any], kind: RelKind, stamp: str) -> Parts:
    """An RA-node (support) or CA-node (attack) between two claims, anchored in the text."""
    parts = Parts()
    attack = kind == ATTACKS
    scheme = ATTACK_SCHEME if attack else SUPPORT_SCHEME
    node = parts.node(row["id"], "CA" if attack else "RA", scheme, stamp, scheme=True)
    parts.edge(row["from_id"], node)
    parts.edge(node, row["to_id"])
    illocution = "Disagreeing" if attack else "Arguing"
    _transition(parts, row, row["source_id"], row["from_id"], row["to_id"], illocution, node, stamp)
    return parts


def causal_parts(row: dict[str, Any], stamp: str) -> Parts:
    """An RA-node `Cause To Effect` from cause to effect, anchored where each source asserts it."""
    parts = Parts()
    if not row["causes"] or not row["effects"]:
        return parts  # cause or effect outside the export: nothing to connect
    node = parts.node(row["id"], "RA", CAUSAL_SCHEME, stamp, scheme=True)
    cause, effect = row["causes"][0], row["effects"][0]
    parts.edge(cause, node)
    parts.edge(node, effect)
    for assertion in sorted(row["assertions"], key=_in_text_order):
        _transition(parts, assertion, assertion["source_id"], cause, effect, "Arguing", node, stamp)
    return parts


def stream(slices: Iterable[Parts]) -> Iterator[bytes]:
    """The AIF document as compact UTF-8 JSON chunks: nodes go straight out, the other
    lists wait in spooled temporary files, so memory stays bounded however large the graph."""
    spools = {
        key: tempfile.SpooledTemporaryFile(SPOOL_BYTES, mode="w+b")
        for key in ("edges", "locutions", "participants")
    }
    try:
        yield b'{"nodes":['
        first = {key: True for key in ("nodes", *spools)}
        for piece in slices:
            for key, items in (
                ("nodes", piece.nodes),
                ("edges", piece.edges),
                ("locutions", piece.locutions),
                ("participants", piece.participants),
            ):
                if not items:
                    continue
                text = _items(items)
                if not first[key]:
                    text = b"," + text
                first[key] = False
                if key == "nodes":
                    yield text
                else:
                    spools[key].write(text)
        for key, spool in spools.items():
            yield f'],"{key}":['.encode()
            spool.seek(0)
            while chunk := spool.read(64 * 1024):
                yield chunk
        yield b"]}\n"
    finally:
        for spool in spools.values():
            spool.close()


def _items(items: list[dict[str, Any]]) -> bytes:
    """The items as compact JSON objects separated by commas (one `orjson.dumps` of
    the whole list: UTF-8 as it is, no whitespace)."""
    return orjson.dumps(items)[1:-1]


def losses(counts: dict[str, int]) -> list[Loss]:
    """What AIF cannot carry, from the export's counts (see `services.export.count_map`)."""
    link_quotes = sum(of_type(counts, kind) for kind in (SUPPORTS, ATTACKS, ASSERTS_LINK))
    roles = of_type(counts, ABOUT) - counts["role:speaker"]
    return [
        *lost(
            "claim types and checkability",
            counts["node:Claim"],
            "not representable on AIF I-nodes (text only); dropped",
        ),
        *lost(
            "causal mechanisms",
            counts["node:CausalLink"],
            "no AIF field; dropped (the link is an RA-node with scheme Cause To Effect)",
        ),
        *lost(
            "quote offsets and sections",
            of_type(counts, ASSERTS),
            "AIF locution start/end are times, not text offsets; quotes kept as L-node text",
        ),
        *lost(
            "link quotes",
            link_quotes,
            "anchored as TA-nodes between the claims' locutions; "
            "the connective's own words and offsets dropped",
        ),
        *lost(
            "speakers' own words",
            counts["role:speaker"],
            "not recorded: a reported locution carries the claim's paraphrase",
        ),
        *lost("actor roles other than speaker", roles, "no AIF counterpart; dropped"),
        *lost("topics", counts["node:Topic"], "no AIF counterpart; dropped"),
        *lost("evidence slots", counts["node:EvidenceSlot"], "no AIF counterpart; dropped"),
        *lost(
            "evidence links",
            counts["node:EvidenceLink"],
            "analysts' evidence is not argument structure; dropped",
        ),
    ]
