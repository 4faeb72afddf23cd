// title: What still needs evidence?
// question: Which checkable claims and links still have open evidence slots?
// Each open slot says what external source would settle its claim or causal link:
// the analysts' work list. Filled slots have evidence; closed ones were judged unresolvable.
MATCH (target)-[:HAS_SLOT]->(slot:EvidenceSlot {status: 'open'})
WHERE (target:Claim AND target.checkable) OR target:CausalLink
RETURN CASE WHEN target:Claim THEN 'claim' ELSE 'causal link' END AS kind,
       target.id AS target, slot.id AS slot, slot.question AS what_would_settle_it,
       target AS target_node, slot AS slot_node
ORDER BY kind, target, slot
