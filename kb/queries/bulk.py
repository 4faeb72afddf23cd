"""Cypher of `kb bulk-load`'s UNWIND path: one batch of rows per transaction, as parameters.

Labels and relationship types cannot be parameters, so there is one statement per
label and per (type, start label, end label) of the model (docs/model.md): that
set is the allow-list (`NODE_QUERIES`, `RELATIONSHIP_QUERIES`). Every statement
MERGEs on the uniqueness-constrained `id`, so loading the same rows twice leaves
the same graph; relationships that carry their own `id` (support, attack) or a
distinguishing property (an actor's role) MERGE on it as well.
"""

from typing import LiteralString


def _nodes(label: LiteralString) -> LiteralString:
    return "UNWIND $rows AS row\nMERGE (n:" + label + " {id: row.id})\nSET n += row.props\n"


def _links(
    rel_type: LiteralString, start: LiteralString, end: LiteralString, key: LiteralString = ""
) -> LiteralString:
    merge_key: LiteralString = " {" + key + ": row.props." + key + "}" if key else ""
    return (
        "UNWIND $rows AS row\nMATCH (a:" + start + " {id: row.start})\n"
        "MATCH (b:" + end + " {id: row.end})\n"
        "MERGE (a)-[r:" + rel_type + merge_key + "]->(b)\nSET r += row.props\n"
    )


MERGE_SOURCE_NODES_QUERY: LiteralString = _nodes("Source")
MERGE_CLAIM_NODES_QUERY: LiteralString = _nodes("Claim")
MERGE_ACTOR_NODES_QUERY: LiteralString = _nodes("Actor")
MERGE_TOPIC_NODES_QUERY: LiteralString = _nodes("Topic")
MERGE_CAUSAL_LINK_NODES_QUERY: LiteralString = _nodes("CausalLink")
MERGE_EVIDENCE_SLOT_NODES_QUERY: LiteralString = _nodes("EvidenceSlot")
MERGE_EVIDENCE_NODES_QUERY: LiteralString = _nodes("Evidence")
MERGE_EVIDENCE_LINK_NODES_QUERY: LiteralString = _nodes("EvidenceLink")

MERGE_ASSERTS_SOURCE_CLAIM_QUERY: LiteralString = _links("ASSERTS", "Source", "Claim")
MERGE_SUPPORTS_CLAIM_CLAIM_QUERY: LiteralString = _links("SUPPORTS", "Claim", "Claim", "id")
MERGE_ATTACKS_CLAIM_CLAIM_QUERY: LiteralString = _links("ATTACKS", "Claim", "Claim", "id")
MERGE_CAUSE_OF_CLAIM_CAUSAL_LINK_QUERY: LiteralString = _links("CAUSE_OF", "Claim", "CausalLink")
MERGE_LEADS_TO_CAUSAL_LINK_CLAIM_QUERY: LiteralString = _links("LEADS_TO", "CausalLink", "Claim")
MERGE_ASSERTS_LINK_SOURCE_CAUSAL_LINK_QUERY: LiteralString = _links(
    "ASSERTS_LINK", "Source", "CausalLink"
)
MERGE_ABOUT_CLAIM_ACTOR_QUERY: LiteralString = _links("ABOUT", "Claim", "Actor", "role")
MERGE_CONCERNS_CLAIM_TOPIC_QUERY: LiteralString = _links("CONCERNS", "Claim", "Topic")
MERGE_INCLUDES_ACTOR_ACTOR_QUERY: LiteralString = _links("INCLUDES", "Actor", "Actor")
MERGE_HAS_SLOT_CLAIM_EVIDENCE_SLOT_QUERY: LiteralString = _links(
    "HAS_SLOT", "Claim", "EvidenceSlot"
)
MERGE_HAS_SLOT_CAUSAL_LINK_EVIDENCE_SLOT_QUERY: LiteralString = _links(
    "HAS_SLOT", "CausalLink", "EvidenceSlot"
)
MERGE_HAS_SLOT_SOURCE_EVIDENCE_SLOT_QUERY: LiteralString = _links(
    "HAS_SLOT", "Source", "EvidenceSlot"
)
MERGE_HAS_SLOT_ACTOR_EVIDENCE_SLOT_QUERY: LiteralString = _links(
    "HAS_SLOT", "Actor", "EvidenceSlot"
)
MERGE_CITES_EVIDENCE_LINK_EVIDENCE_QUERY: LiteralString = _links(
    "CITES", "EvidenceLink", "Evidence"
)
MERGE_BEARS_ON_EVIDENCE_LINK_CLAIM_QUERY: LiteralString = _links(
    "BEARS_ON", "EvidenceLink", "Claim"
)
MERGE_BEARS_ON_EVIDENCE_LINK_CAUSAL_LINK_QUERY: LiteralString = _links(
    "BEARS_ON", "EvidenceLink", "CausalLink"
)
MERGE_FILLS_EVIDENCE_LINK_EVIDENCE_SLOT_QUERY: LiteralString = _links(
    "FILLS", "EvidenceLink", "EvidenceSlot"
)

NODE_QUERIES: dict[str, LiteralString] = {
    "Source": MERGE_SOURCE_NODES_QUERY,
    "Claim": MERGE_CLAIM_NODES_QUERY,
    "Actor": MERGE_ACTOR_NODES_QUERY,
    "Topic": MERGE_TOPIC_NODES_QUERY,
    "CausalLink": MERGE_CAUSAL_LINK_NODES_QUERY,
    "EvidenceSlot": MERGE_EVIDENCE_SLOT_NODES_QUERY,
    "Evidence": MERGE_EVIDENCE_NODES_QUERY,
    "EvidenceLink": MERGE_EVIDENCE_LINK_NODES_QUERY,
}

RELATIONSHIP_QUERIES: dict[str, LiteralString] = {
    "ASSERTS-Source-Claim": MERGE_ASSERTS_SOURCE_CLAIM_QUERY,
    "SUPPORTS-Claim-Claim": MERGE_SUPPORTS_CLAIM_CLAIM_QUERY,
    "ATTACKS-Claim-Claim": MERGE_ATTACKS_CLAIM_CLAIM_QUERY,
    "CAUSE_OF-Claim-CausalLink": MERGE_CAUSE_OF_CLAIM_CAUSAL_LINK_QUERY,
    "LEADS_TO-CausalLink-Claim": MERGE_LEADS_TO_CAUSAL_LINK_CLAIM_QUERY,
    "ASSERTS_LINK-Source-CausalLink": MERGE_ASSERTS_LINK_SOURCE_CAUSAL_LINK_QUERY,
    "ABOUT-Claim-Actor": MERGE_ABOUT_CLAIM_ACTOR_QUERY,
    "CONCERNS-Claim-Topic": MERGE_CONCERNS_CLAIM_TOPIC_QUERY,
    "INCLUDES-Actor-Actor": MERGE_INCLUDES_ACTOR_ACTOR_QUERY,
    "HAS_SLOT-Claim-EvidenceSlot": MERGE_HAS_SLOT_CLAIM_EVIDENCE_SLOT_QUERY,
    "HAS_SLOT-CausalLink-EvidenceSlot": MERGE_HAS_SLOT_CAUSAL_LINK_EVIDENCE_SLOT_QUERY,
    "HAS_SLOT-Source-EvidenceSlot": MERGE_HAS_SLOT_SOURCE_EVIDENCE_SLOT_QUERY,
    "HAS_SLOT-Actor-EvidenceSlot": MERGE_HAS_SLOT_ACTOR_EVIDENCE_SLOT_QUERY,
    "CITES-EvidenceLink-Evidence": MERGE_CITES_EVIDENCE_LINK_EVIDENCE_QUERY,
    "BEARS_ON-EvidenceLink-Claim": MERGE_BEARS_ON_EVIDENCE_LINK_CLAIM_QUERY,
    "BEARS_ON-EvidenceLink-CausalLink": MERGE_BEARS_ON_EVIDENCE_LINK_CAUSAL_LINK_QUERY,
    "FILLS-EvidenceLink-EvidenceSlot": MERGE_FILLS_EVIDENCE_LINK_EVIDENCE_SLOT_QUERY,
}

# Anything but the seed history counts as content: neo4j-admin import replaces the whole
# database, so it may only run where nothing would be lost.
HAS_CONTENT_QUERY: LiteralString = """
RETURN EXISTS { MATCH (n) WHERE NOT (n:AppliedScript OR n:ScriptChange) } AS has_content
"""

AWAIT_INDEXES_QUERY: LiteralString = "CALL db.awaitIndexes($seconds)"
