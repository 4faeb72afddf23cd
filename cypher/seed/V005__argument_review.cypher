// article-001: the argument layer reviewed against the text (issue 9).
// Removes what the article does not argue, adds what it argues and V003
// lacked, and tidies claims and actors. Rules: docs/curation.md.
//
// Nothing an analyst added is lost. A removed causal link keeps its node,
// relabelled SupersededCausalLink (with superseded_by / superseded_reason),
// so its evidence links (BEARS_ON), slots and event history stay attached;
// its open slots are closed with the reason. A removed SUPPORTS or ATTACKS
// relationship (evidence cannot attach to one) is deleted and recorded as a
// (:SupersededLink) node saying what it joined, why it went and what
// replaces it.
//
// Idempotent, also when every script is re-applied in order: V003 then
// re-creates what this script removed, and the statements below remove it
// again (a re-created duplicate of a superseded causal link is deleted, the
// original keeps its label and attachments).

// 1. Support and attack links that the text does not assert
UNWIND [
  {id: 'sup-003', replaced_by: ['cl-cost-to-israel-halts-second-phase'], reason: 'Restatement: the bare fact that the second phase stopped cannot support the claim that it stopped because of the cost, which restates it with a cause (that cause is cl-cost-to-israel-halts-second-phase).'},
  {id: 'sup-005', replaced_by: [], reason: 'No marker and no structure: the text does not offer the halt as evidence that the agreement was designed to keep the war open.'},
  {id: 'sup-009', replaced_by: ['cl-end-of-war-prompts-rejection'], reason: 'Doubled: this "because" is stored as the causal link cl-end-of-war-prompts-rejection (it explains an action, Netanyahu\'s rejection).'},
  {id: 'sup-010', replaced_by: ['cl-investigations-prompt-rejection'], reason: 'Doubled: this "because" is stored as the causal link cl-investigations-prompt-rejection.'},
  {id: 'sup-011', replaced_by: ['cl-governance-debate-prompts-rejection'], reason: 'Doubled: this "because" is stored as the causal link cl-governance-debate-prompts-rejection.'},
  {id: 'sup-013', replaced_by: ['cl-rejection-leads-to-freeze'], reason: 'Doubled: "For this reason he froze" is stored as the causal link cl-rejection-leads-to-freeze.'},
  {id: 'sup-018', replaced_by: [], reason: 'Presupposition as premise: "Why were the hostages not rescued?" is a question Netanyahu would face; what it takes for granted is not a reason for his being questioned.'},
  {id: 'sup-019', replaced_by: [], reason: 'Presupposition as premise: "Why did the killing continue aimlessly?" is a question Netanyahu would face; what it takes for granted is not a reason for his being questioned.'},
  {id: 'sup-020', replaced_by: ['cl-war-dependence-keeps-low-intensity-killing'], reason: 'Doubled: "This is why he keeps" is stored as the causal link cl-war-dependence-keeps-low-intensity-killing.'},
  {id: 'sup-021', replaced_by: ['cl-questioning-risk-keeps-low-intensity-killing'], reason: 'Doubled: "This is why he keeps" is stored as the causal link cl-questioning-risk-keeps-low-intensity-killing.'},
  {id: 'sup-025', replaced_by: ['sup-024'], reason: 'Restatement: the conclusion\'s own words assert the causal claim; the premise its "because" gives is the cost to Israel (sup-024).'},
  {id: 'sup-036', replaced_by: [], reason: 'An embedded description ("a biased media landscape") is not a premise of the sentence it sits in; no marker.'},
  {id: 'sup-037', replaced_by: ['cl-electoral-fear-drives-support-for-genocide'], reason: 'Doubled: "They therefore prefer" is stored as the causal link cl-electoral-fear-drives-support-for-genocide.'},
  {id: 'sup-039', replaced_by: [], reason: 'Misread marker: "therefore" draws the preference from the fear; nothing makes the preference a premise of the bullet opening.'},
  {id: 'sup-044', replaced_by: ['cl-partnership-makes-us-unwilling'], reason: 'Doubled: "unwilling, because it is a direct partner" is stored as the causal link cl-partnership-makes-us-unwilling.'},
  {id: 'sup-049', replaced_by: ['cl-undefeated-resistance-drives-systematic-killing'], reason: 'Doubled: "Since the resistance has not been defeated" is stored as the causal link cl-undefeated-resistance-drives-systematic-killing.'},
  {id: 'sup-055', replaced_by: [], reason: 'Presupposition as premise: the daily killing is what the heading asks about and what the conclusion characterises, not a reason for it; no marker.'},
  {id: 'sup-060', replaced_by: [], reason: 'No marker and no structure: the third conclusion bullet sums up the daily-killings section, not the first section\'s low-intensity killing.'},
  {id: 'sup-071', replaced_by: ['sup-100'], reason: 'The war language is the bullet\'s evidence for Trump\'s military view (sup-100), not a separate answer to the heading.'},
  {id: 'sup-074', replaced_by: [], reason: 'The demand for pauses is what the claim characterises (its subject), not a reason for calling it tactical.'},
  {id: 'sup-075', replaced_by: [], reason: 'The demand for calm is what the claim characterises (its subject), not a reason for the aim ascribed to it.'},
  {id: 'sup-076', replaced_by: [], reason: 'Presupposition as premise: "Is Trump truly convinced of Netanyahu’s plan?" takes the plan for granted; it is not a reason for the answer "Yes".'},
  {id: 'sup-080', replaced_by: ['cl-shared-worldview-makes-trump-architect'], reason: 'Doubled: "This is why Trump behaves like an “architect of the agreement”" is stored as the causal link cl-shared-worldview-makes-trump-architect.'},
  {id: 'sup-088', replaced_by: ['cl-war-not-ended-halts-second-phase'], reason: 'Restatement: the bare fact that the second phase stopped cannot support the claim that it stopped because the war has not ended (that cause is cl-war-not-ended-halts-second-phase).'},
  {id: 'sup-089', replaced_by: ['sup-087'], reason: 'The closing gives the war in the minds of Netanyahu and Trump as the reason (sup-087), not the first conclusion bullet; no marker.'},
  {id: 'sup-090', replaced_by: [], reason: 'The closing paragraph gives no premises for "the war has not ended in the minds of Netanyahu and Trump"; no marker.'},
  {id: 'sup-091', replaced_by: [], reason: 'The closing paragraph gives no premises for "the war has not ended in the minds of Netanyahu and Trump"; no marker.'},
  {id: 'sup-092', replaced_by: [], reason: 'The closing paragraph gives no premises for "the war has not ended in the minds of Netanyahu and Trump"; no marker.'},
  {id: 'sup-093', replaced_by: [], reason: 'The closing paragraph gives no premises for "the war has not ended in the minds of Netanyahu and Trump"; no marker.'},
  {id: 'sup-094', replaced_by: [], reason: 'The closing paragraph gives no premises for "a peace built upon graves"; no marker.'},
  {id: 'sup-095', replaced_by: [], reason: 'The closing paragraph gives no premises for "a peace built upon graves"; no marker.'},
  {id: 'sup-096', replaced_by: [], reason: 'The closing paragraph gives no premises for "a peace built upon graves"; no marker.'},
  {id: 'sup-097', replaced_by: [], reason: 'The closing paragraph gives no premises for "a peace built upon graves"; no marker.'},
  {id: 'sup-098', replaced_by: [], reason: 'The closing paragraph gives no premises for "a peace built upon graves"; no marker.'},
  {id: 'sup-099', replaced_by: [], reason: 'The closing paragraph gives no premises for "a peace built upon graves"; no marker.'}
] AS row
MATCH (a:Claim)-[r:SUPPORTS {id: row.id}]->(b:Claim)
MERGE (s:SupersededLink {id: row.id})
SET s.kind = 'supports', s.from_id = a.id, s.to_id = b.id, s.source_id = r.source_id,
    s.quote = r.quote, s.start = r.start, s.end = r.end,
    s.reason = row.reason, s.replaced_by = row.replaced_by
DELETE r;

UNWIND [
  {id: 'att-002', replaced_by: ['att-010'], reason: 'The closing rejects the view that what is happening is a “peace setback” (att-010), not the view that the first phase was a turning point toward peace.'}
] AS row
MATCH (a:Claim)-[r:ATTACKS {id: row.id}]->(b:Claim)
MERGE (s:SupersededLink {id: row.id})
SET s.kind = 'attacks', s.from_id = a.id, s.to_id = b.id, s.source_id = r.source_id,
    s.quote = r.quote, s.start = r.start, s.end = r.end,
    s.reason = row.reason, s.replaced_by = row.replaced_by
DELETE r;

// 2. Causal links that the text does not assert: superseded, never deleted.
// A duplicate re-created by re-applying V003 goes first.
MATCH (duplicate:CausalLink)
WHERE duplicate.id IN ['cl-end-of-war-triggers-investigations', 'cl-end-of-war-opens-governance-debate',
                       'cl-end-of-war-collapses-total-victory-slogan', 'cl-end-of-war-exposes-netanyahu-to-questioning',
                       'cl-military-view-drives-war-language']
  AND EXISTS { MATCH (:SupersededCausalLink {id: duplicate.id}) }
DETACH DELETE duplicate;

UNWIND [
  {id: 'cl-end-of-war-triggers-investigations', replaced_by: ['cl-second-phase-triggers-investigations'], reason: 'Inserted step: the text has the second phase itself trigger the investigations ("it would ... trigger investigations", "If the second phase begins, investigative committees will start their work"), not the end of the war.'},
  {id: 'cl-end-of-war-opens-governance-debate', replaced_by: ['cl-second-phase-opens-governance-debate'], reason: 'Inserted step: the text has the second phase itself "open a serious discussion about governance in Gaza", not the end of the war.'},
  {id: 'cl-end-of-war-collapses-total-victory-slogan', replaced_by: ['cl-second-phase-collapses-total-victory-slogan'], reason: 'Inserted step: "If the second phase begins, ... the slogan of “total victory” will collapse" makes the second phase the cause, not the end of the war.'},
  {id: 'cl-end-of-war-exposes-netanyahu-to-questioning', replaced_by: ['cl-second-phase-exposes-netanyahu-to-questioning'], reason: 'Inserted step: "If the second phase begins, ... he will be questioned" makes the second phase the cause, not the end of the war.'},
  {id: 'cl-military-view-drives-war-language', replaced_by: ['sup-100'], reason: 'Not asserted: the quoted statements are offered as evidence of Trump\'s military view (sup-064..066, sup-100), not as its effect.'}
] AS row
MATCH (l:CausalLink {id: row.id})
REMOVE l:CausalLink
SET l:SupersededCausalLink, l.superseded_by = row.replaced_by, l.superseded_reason = row.reason,
    l.superseded_in = 'seed/V005__argument_review.cypher';

// An open slot of a superseded link leaves the work list; a filled one keeps its evidence.
MATCH (l:SupersededCausalLink)-[:HAS_SLOT]->(slot:EvidenceSlot {status: 'open'})
SET slot.status = 'closed', slot.closed_by = 'seed/V005__argument_review.cypher',
    slot.reason = 'The causal link was superseded: ' + l.superseded_reason;

// 3. Claims the review adds: the hedged introduction, and the views that
// "not X but Y" contrasts reject (the text names no one who holds them).
UNWIND [
  {id: 'c-trump-appears-convinced-massacre-is-path', text: 'Trump appears convinced that the ongoing massacre in Gaza is “the path” to solving the conflict.', type: 'interpretive', checkable: false, framing: null, held_by: null},
  {id: 'c-view-second-phase-merely-stalled', text: 'The second phase of the Gaza ceasefire agreement has merely stalled.', type: 'interpretive', checkable: false, framing: 'rejected_view', held_by: 'author-framing'},
  {id: 'c-view-second-phase-stopped-for-technical-reasons', text: 'The second phase of the Gaza ceasefire agreement stopped for technical reasons.', type: 'interpretive', checkable: false, framing: 'rejected_view', held_by: 'author-framing'},
  {id: 'c-view-daily-killing-an-error', text: 'The daily killing in Gaza is an error.', type: 'interpretive', checkable: false, framing: 'rejected_view', held_by: 'author-framing'},
  {id: 'c-view-us-mediator', text: 'The United States is a mediator and a guarantor of peace in the Gaza war.', type: 'interpretive', checkable: false, framing: 'rejected_view', held_by: 'author-framing'},
  {id: 'c-view-trump-mediator', text: 'Trump acts as a mediator between the two parties to the Gaza agreement.', type: 'interpretive', checkable: false, framing: 'rejected_view', held_by: 'author-framing'},
  {id: 'c-view-trump-pauses-out-of-mercy', text: 'Trump calls for temporary pauses in Gaza out of mercy.', type: 'interpretive', checkable: false, framing: 'rejected_view', held_by: 'author-framing'},
  {id: 'c-view-second-phase-cessation-of-killing', text: 'The second phase of the Gaza ceasefire agreement is a cessation of the killing.', type: 'interpretive', checkable: false, framing: 'rejected_view', held_by: 'author-framing'},
  {id: 'c-view-peace-setback', text: 'What is happening in Gaza now is a setback for peace.', type: 'interpretive', checkable: false, framing: 'rejected_view', held_by: 'author-framing'},
  {id: 'c-view-war-a-battle-for-netanyahu', text: 'For Netanyahu the war in Gaza is a battle to be fought and won.', type: 'interpretive', checkable: false, framing: 'rejected_view', held_by: 'author-framing'},
  {id: 'c-view-struggle-between-agreements', text: 'The struggle over Gaza today is between one agreement and another.', type: 'interpretive', checkable: false, framing: 'rejected_view', held_by: 'author-framing'},
  {id: 'c-view-trump-language-supports-peace', text: 'Trump\'s statements on Gaza are language that supports peace.', type: 'interpretive', checkable: false, framing: 'rejected_view', held_by: 'author-framing'},
  {id: 'c-view-us-pressures-israel', text: 'The United States pressures Israel over Gaza.', type: 'interpretive', checkable: false, framing: 'rejected_view', held_by: 'author-framing'}
] AS row
MERGE (c:Claim {id: row.id})
SET c.text = row.text, c.type = row.type, c.checkable = row.checkable,
    c.framing = row.framing, c.held_by = row.held_by;

// Their anchors: the hedged "why" clause presupposes; a contrast's "not X" rejects.
MATCH (s:Source {id: 'article-001'})
UNWIND [
  {claim: 'c-trump-appears-convinced-massacre-is-path', quote: 'why Trump appears convinced that the ongoing massacre is “the path” to solving the conflict', start: 768, end: 859, section: 'introduction', mode: 'presupposes'},
  {claim: 'c-view-second-phase-merely-stalled', quote: 'not stalled', start: 5425, end: 5436, section: 'conclusions', mode: 'rejects'},
  {claim: 'c-view-second-phase-stopped-for-technical-reasons', quote: 'did not stop for technical reasons', start: 6272, end: 6306, section: 'closing', mode: 'rejects'},
  {claim: 'c-view-daily-killing-an-error', quote: 'not an error', start: 5704, end: 5716, section: 'conclusions', mode: 'rejects'},
  {claim: 'c-view-us-mediator', quote: 'not a mediator', start: 2545, end: 2559, section: 'q2-why-us-unable', mode: 'rejects'},
  {claim: 'c-view-trump-mediator', quote: 'rather than a mediator between two parties', start: 5283, end: 5325, section: 'q4-trump-convinced', mode: 'rejects'},
  {claim: 'c-view-trump-pauses-out-of-mercy', quote: 'not out of mercy', start: 4850, end: 4866, section: 'q4-trump-convinced', mode: 'rejects'},
  {claim: 'c-view-second-phase-cessation-of-killing', quote: 'not a cessation of killing', start: 3227, end: 3253, section: 'q2-why-us-unable', mode: 'rejects'},
  {claim: 'c-view-peace-setback', quote: 'not a “peace setback”', start: 6411, end: 6432, section: 'closing', mode: 'rejects'},
  {claim: 'c-view-us-mediator', quote: 'not a guarantor of peace', start: 5655, end: 5679, section: 'conclusions', mode: 'rejects'},
  {claim: 'c-view-war-a-battle-for-netanyahu', quote: 'not a battle', start: 1640, end: 1652, section: 'q1-why-second-phase-stopped', mode: 'rejects'},
  {claim: 'c-view-struggle-between-agreements', quote: 'not between one agreement and another', start: 5854, end: 5891, section: 'conclusions', mode: 'rejects'},
  {claim: 'c-view-trump-language-supports-peace', quote: 'not peace', start: 4807, end: 4816, section: 'q4-trump-convinced', mode: 'rejects'},
  {claim: 'c-view-us-pressures-israel', quote: 'does not pressure Israel', start: 2770, end: 2794, section: 'q2-why-us-unable', mode: 'rejects'}
] AS row
MATCH (c:Claim {id: row.claim})
MERGE (s)-[a:ASSERTS {start: row.start}]->(c)
SET a.quote = row.quote, a.end = row.end, a.section = row.section, a.mode = row.mode;

// The introduction's hedged clause is its own claim, no longer an assertion of the "Yes".
MATCH (:Source {id: 'article-001'})-[a:ASSERTS {start: 768}]->(:Claim {id: 'c-trump-convinced-of-netanyahu-plan'})
DELETE a;

UNWIND [
  {claim: 'c-trump-appears-convinced-massacre-is-path', actor: 'trump', role: 'subject'},
  {claim: 'c-view-us-mediator', actor: 'united-states', role: 'subject'},
  {claim: 'c-view-trump-mediator', actor: 'trump', role: 'subject'},
  {claim: 'c-view-trump-pauses-out-of-mercy', actor: 'trump', role: 'agent'},
  {claim: 'c-view-daily-killing-an-error', actor: 'israel', role: 'agent'},
  {claim: 'c-view-war-a-battle-for-netanyahu', actor: 'netanyahu', role: 'subject'},
  {claim: 'c-view-trump-language-supports-peace', actor: 'trump', role: 'subject'},
  {claim: 'c-view-us-pressures-israel', actor: 'united-states', role: 'agent'},
  {claim: 'c-view-us-pressures-israel', actor: 'israel', role: 'target'}
] AS row
MATCH (c:Claim {id: row.claim}), (a:Actor {id: row.actor})
MERGE (c)-[:ABOUT {role: row.role}]->(a);

UNWIND [
  {claim: 'c-trump-appears-convinced-massacre-is-path', topic: 'daily-killings'},
  {claim: 'c-view-second-phase-merely-stalled', topic: 'second-phase'},
  {claim: 'c-view-second-phase-stopped-for-technical-reasons', topic: 'second-phase'},
  {claim: 'c-view-daily-killing-an-error', topic: 'daily-killings'},
  {claim: 'c-view-us-mediator', topic: 'gaza-war'},
  {claim: 'c-view-trump-mediator', topic: 'ceasefire-agreement'},
  {claim: 'c-view-trump-pauses-out-of-mercy', topic: 'pauses-and-calm'},
  {claim: 'c-view-second-phase-cessation-of-killing', topic: 'second-phase'},
  {claim: 'c-view-peace-setback', topic: 'post-genocide-peace'},
  {claim: 'c-view-war-a-battle-for-netanyahu', topic: 'gaza-war'},
  {claim: 'c-view-struggle-between-agreements', topic: 'ceasefire-agreement'},
  {claim: 'c-view-trump-language-supports-peace', topic: 'gaza-war'},
  {claim: 'c-view-us-pressures-israel', topic: 'gaza-war'}
] AS row
MATCH (c:Claim {id: row.claim}), (t:Topic {id: row.topic})
MERGE (c)-[:CONCERNS]->(t);

// 4. Claims the review changes
UNWIND [
  {id: 'c-investigations-would-open', text: 'If the second phase of the Gaza ceasefire agreement begins, it will trigger investigations into the failure of 7 October, and investigative committees will start their work.'},
  {id: 'c-trump-convinced-of-netanyahu-plan', text: 'Trump is truly convinced of Netanyahu\'s plan for Gaza.'}
] AS row
MATCH (c:Claim {id: row.id})
SET c.text = row.text;

// Both causal-motive claims follow the rule for causal claims: checkable.
MATCH (c:Claim {id: 'c-second-phase-stopped-because-war-not-ended'})
SET c.checkable = true;

MATCH (c:Claim {id: 'c-second-phase-stopped-because-war-not-ended'})
MERGE (slot:EvidenceSlot {id: 'slot-c-second-phase-stopped-because-war-not-ended-1'})
  ON CREATE SET slot.status = 'open'
SET slot.kind = 'claim',
    slot.question = 'Statements by Netanyahu and Trump during the ceasefire on whether the war had ended or would resume, and reporting on the halt of phase two, showing whether that view, rather than technical issues, stopped it'
MERGE (c)-[:HAS_SLOT]->(slot);

// 5. Support and attack links the text asserts and V003 lacked
UNWIND [
  {id: 'sup-100', from_claim: 'c-trump-language-supports-war', to_claim: 'c-trump-views-solution-as-military', quote: 'Trump views the solution as primarily military. He has openly stated that “Israel must finish the problem in Gaza”, that “eliminating Hamas is essential”, and that “Hamas is the only obstacle to the deal”. This is language that supports war, not peace.', start: 4565, end: 4817, basis: 'curator', marker: null, rationale: 'The bullet closes on "This is language that supports war" to sum up its evidence for "Trump views the solution as primarily military".'}
] AS row
MATCH (a:Claim {id: row.from_claim}), (b:Claim {id: row.to_claim})
MERGE (a)-[r:SUPPORTS {id: row.id}]->(b)
SET r.source_id = 'article-001', r.quote = row.quote, r.start = row.start, r.end = row.end,
    r.basis = row.basis, r.marker = row.marker, r.rationale = row.rationale;

UNWIND [
  {id: 'att-005', from_claim: 'c-second-phase-deliberately-stopped', to_claim: 'c-view-second-phase-merely-stalled', marker: 'not stalled but', quote: 'The second phase is not stalled but deliberately stopped', start: 5405, end: 5461},
  {id: 'att-006', from_claim: 'c-daily-killing-part-of-plan-to-break-gaza', to_claim: 'c-view-daily-killing-an-error', marker: 'not an error but', quote: 'The daily killing is not an error but part of the plan to break Gaza, reshape its political and demographic reality, and dismantle its resistance.', start: 5683, end: 5829},
  {id: 'att-007', from_claim: 'c-us-active-party', to_claim: 'c-view-us-mediator', marker: 'not a mediator but', quote: 'Because it is not a mediator but an active party.', start: 2531, end: 2580},
  {id: 'att-008', from_claim: 'c-trump-pauses-tactical', to_claim: 'c-view-trump-pauses-out-of-mercy', marker: 'not out of mercy but', quote: 'He calls for temporary pauses not out of mercy but tactical manoeuvring.', start: 4820, end: 4892},
  {id: 'att-009', from_claim: 'c-second-phase-not-stopped-for-technical-reasons', to_claim: 'c-view-second-phase-stopped-for-technical-reasons', marker: 'did not', quote: 'The second phase did not stop for technical reasons. It stopped because the war has not ended in the minds of Netanyahu and Trump.', start: 6255, end: 6385},
  {id: 'att-010', from_claim: 'c-peace-built-upon-graves', to_claim: 'c-view-peace-setback', marker: 'not a “peace setback” but', quote: 'What is happening now is not a “peace setback” but an attempt to impose a peace built upon graves.', start: 6386, end: 6484},
  {id: 'att-011', from_claim: 'c-second-phase-is-restructuring-not-cessation', to_claim: 'c-view-second-phase-cessation-of-killing', marker: 'not a cessation of killing but', quote: 'The second phase is not a cessation of killing but the restructuring of Gaza after exhausting it.', start: 3207, end: 3304},
  {id: 'att-012', from_claim: 'c-trump-acts-as-architect-serving-israel', to_claim: 'c-view-trump-mediator', marker: 'rather than', quote: 'Trump behaves like an “architect of the agreement” serving Israel, rather than a mediator between two parties', start: 5216, end: 5325},
  {id: 'att-013', from_claim: 'c-us-active-party', to_claim: 'c-view-us-mediator', marker: 'not a guarantor of peace', quote: 'The United States is not incapable but unwilling, because it is a direct partner in the war, not a guarantor of peace.', start: 5562, end: 5680},
  {id: 'att-014', from_claim: 'c-netanyahu-uses-war-to-stay-in-power', to_claim: 'c-view-war-a-battle-for-netanyahu', marker: 'not a battle but', quote: 'For him, war is not a battle but a means to remain in office.', start: 1624, end: 1685},
  {id: 'att-015', from_claim: 'c-struggle-between-two-projects', to_claim: 'c-view-struggle-between-agreements', marker: 'not between one agreement and another but', quote: 'The struggle today is not between one agreement and another but between two projects: a project of extermination and regional re-engineering, and a project of steadfastness', start: 5832, end: 6004},
  {id: 'att-016', from_claim: 'c-trump-language-supports-war', to_claim: 'c-view-trump-language-supports-peace', marker: 'war, not peace', quote: 'This is language that supports war, not peace.', start: 4771, end: 4817},
  {id: 'att-017', from_claim: 'c-us-shields-israel-from-pressure', to_claim: 'c-view-us-pressures-israel', marker: 'does not pressure Israel', quote: 'America does not pressure Israel\u003B it shields it from pressure.', start: 2762, end: 2824}
] AS row
MATCH (a:Claim {id: row.from_claim}), (b:Claim {id: row.to_claim})
MERGE (a)-[r:ATTACKS {id: row.id}]->(b)
SET r.source_id = 'article-001', r.quote = row.quote, r.start = row.start, r.end = row.end,
    r.basis = 'connective', r.marker = row.marker, r.rationale = null;

// 6. Causal links the text asserts and V003 lacked: the second phase itself
// sets off what V003 routed through "the end of the war"; each "Because"
// under the United States heading answers both halves of its question; and
// the unstated premise of "Since the resistance has not been defeated".
UNWIND [
  {id: 'cl-second-phase-triggers-investigations', cause: 'c-second-phase-provisions', effect: 'c-investigations-would-open', basis: 'connective', marker: 'If', rationale: null, mechanism: 'Beginning the second phase, with its wider pullback and transitional administration, would itself set investigations into the failure of 7 October and investigative committees to work.'},
  {id: 'cl-second-phase-opens-governance-debate', cause: 'c-second-phase-provisions', effect: 'c-governance-discussion-would-open', basis: 'curator', marker: null, rationale: '"Netanyahu rejects this because it would ... open a serious discussion about governance in Gaza" makes the second phase ("it") the cause by a causal verb, not a connective.', mechanism: 'A transitional civilian administration and a wider pullback would put the question of who governs Gaza on the table.'},
  {id: 'cl-second-phase-collapses-total-victory-slogan', cause: 'c-second-phase-provisions', effect: 'c-total-victory-slogan-would-collapse', basis: 'connective', marker: 'If', rationale: null, mechanism: 'Beginning the second phase, a pullback without the promised outcome, would expose the slogan of “total victory” as unmet.'},
  {id: 'cl-second-phase-exposes-netanyahu-to-questioning', cause: 'c-second-phase-provisions', effect: 'c-netanyahu-would-be-questioned', basis: 'connective', marker: 'If', rationale: null, mechanism: 'Once the second phase begins, Netanyahu would have to answer why the hostages were not rescued and why the killing continued aimlessly.'},
  {id: 'cl-active-party-keeps-us-from-stopping-killings', cause: 'c-us-active-party', effect: 'c-us-unable-to-stop-killings', basis: 'connective', marker: 'Because', rationale: null, mechanism: 'As an active party that arms Israel, covers it politically and shields it from condemnation, the United States does not pressure Israel to stop the killing.'},
  {id: 'cl-political-cost-keeps-us-from-imposing-second-phase', cause: 'c-weakening-israel-costs-washington-more', effect: 'c-us-unable-to-impose-second-phase', basis: 'connective', marker: 'Because', rationale: null, mechanism: 'Imposing the second phase would politically weaken Israel, which costs Washington more than the destruction of Gaza, so it does not impose it.'},
  {id: 'cl-post-genocide-plan-keeps-us-from-stopping-killings', cause: 'c-trump-netanyahu-plan-post-genocide-peace', effect: 'c-us-unable-to-stop-killings', basis: 'connective', marker: 'Because', rationale: null, mechanism: 'The plan starts peace only after the resistance is eliminated and Gaza exhausted, so the killing is part of the plan rather than something the United States would stop.'},
  {id: 'cl-unmet-goal-drives-systematic-killing', cause: 'c-netanyahu-declared-goal-eliminate-hamas', effect: 'c-israel-uses-systematic-killing-and-starvation', basis: 'curator', marker: null, rationale: 'The unstated premise of "Since the resistance has not been defeated": only the goal declared in the sentence before, the elimination of Hamas, makes "not yet defeated" a reason to keep killing.', mechanism: 'The declared goal, the elimination of Hamas (the resistance), has not been reached, so Israel keeps up systematic killing, assassinations, starvation and destruction.'}
] AS row
MATCH (cause:Claim {id: row.cause}), (effect:Claim {id: row.effect})
MERGE (l:CausalLink {id: row.id})
SET l.mechanism = row.mechanism, l.basis = row.basis, l.marker = row.marker, l.rationale = row.rationale
MERGE (cause)-[:CAUSE_OF]->(l)
MERGE (l)-[:LEADS_TO]->(effect);

MATCH (s:Source {id: 'article-001'})
UNWIND [
  {link: 'cl-second-phase-triggers-investigations', quote: 'If the second phase begins, investigative committees will start their work', start: 1686, end: 1760, section: 'q1-why-second-phase-stopped'},
  {link: 'cl-second-phase-triggers-investigations', quote: 'Netanyahu rejects this because it would signal the end of the “war” he uses to stay in power, trigger investigations into the failure of 7 October', start: 1313, end: 1459, section: 'q1-why-second-phase-stopped'},
  {link: 'cl-second-phase-opens-governance-debate', quote: 'Netanyahu rejects this because it would signal the end of the “war” he uses to stay in power, trigger investigations into the failure of 7 October, and open a serious discussion about governance in Gaza.', start: 1313, end: 1516, section: 'q1-why-second-phase-stopped'},
  {link: 'cl-second-phase-collapses-total-victory-slogan', quote: 'If the second phase begins, investigative committees will start their work, the slogan of “total victory” will collapse', start: 1686, end: 1805, section: 'q1-why-second-phase-stopped'},
  {link: 'cl-second-phase-exposes-netanyahu-to-questioning', quote: 'If the second phase begins, investigative committees will start their work, the slogan of “total victory” will collapse, and he will be questioned: Why were the hostages not rescued? Why did the killing continue aimlessly?', start: 1686, end: 1908, section: 'q1-why-second-phase-stopped'},
  {link: 'cl-active-party-keeps-us-from-stopping-killings', quote: 'Because it is not a mediator but an active party.', start: 2531, end: 2580, section: 'q2-why-us-unable'},
  {link: 'cl-political-cost-keeps-us-from-imposing-second-phase', quote: 'Because politically weakening Israel costs Washington more than the humanitarian destruction of Gaza.', start: 2827, end: 2928, section: 'q2-why-us-unable'},
  {link: 'cl-post-genocide-plan-keeps-us-from-stopping-killings', quote: 'Because the Trump-Netanyahu plan is built on “post-genocide peace”.', start: 3139, end: 3206, section: 'q2-why-us-unable'},
  {link: 'cl-unmet-goal-drives-systematic-killing', quote: 'Netanyahu has repeatedly declared that his goal is the elimination of Hamas. Since the resistance has not been defeated, Israel uses systematic killing, assassinations, starvation, and destruction of civilian infrastructure.', start: 3587, end: 3811, section: 'q3-why-killing-continues'}
] AS row
MATCH (l:CausalLink {id: row.link})
MERGE (s)-[r:ASSERTS_LINK {start: row.start}]->(l)
SET r.quote = row.quote, r.end = row.end, r.section = row.section;

UNWIND [
  {id: 'slot-cl-second-phase-triggers-investigations-1', owner: 'cl-second-phase-triggers-investigations', question: 'Israeli government and Knesset records and reporting on the postponement of a state commission of inquiry into the failures of 7 October, and on whether its timing was tied to the second phase of the ceasefire'},
  {id: 'slot-cl-second-phase-opens-governance-debate-1', owner: 'cl-second-phase-opens-governance-debate', question: 'Reporting and official statements linking the phase-two talks to negotiations over the post-war governance of Gaza'},
  {id: 'slot-cl-second-phase-collapses-total-victory-slogan-1', owner: 'cl-second-phase-collapses-total-victory-slogan', question: 'Netanyahu\'s “total victory” statements and their stated criteria, set against the terms of the second phase, and Israeli political commentary on whether the phase would contradict that goal'},
  {id: 'slot-cl-second-phase-exposes-netanyahu-to-questioning-1', owner: 'cl-second-phase-exposes-netanyahu-to-questioning', question: 'Israeli political and public demands (opposition statements, hostage families\' statements, polling) for Netanyahu to answer for the hostages and the conduct of the war once the second phase begins'},
  {id: 'slot-cl-active-party-keeps-us-from-stopping-killings-1', owner: 'cl-active-party-keeps-us-from-stopping-killings', question: 'Records of US diplomatic action on Israeli strikes during the truce (statements, envoys\' reported pressure or its absence) alongside US military and diplomatic support to Israel in the same period'},
  {id: 'slot-cl-political-cost-keeps-us-from-imposing-second-phase-1', owner: 'cl-political-cost-keeps-us-from-imposing-second-phase', question: 'Studies of the US domestic political cost of pressuring Israel (polling, campaign finance, congressional reactions) set against US action on phase two of the ceasefire'},
  {id: 'slot-cl-post-genocide-plan-keeps-us-from-stopping-killings-1', owner: 'cl-post-genocide-plan-keeps-us-from-stopping-killings', question: 'Text of the US plan for Gaza and US officials\' statements on the conditions (disarmament of Hamas, reconstruction) for ending military operations'},
  {id: 'slot-cl-unmet-goal-drives-systematic-killing-1', owner: 'cl-unmet-goal-drives-systematic-killing', question: 'Israeli official statements justifying strikes, assassinations and restrictions on aid during the truce by the aim of eliminating Hamas'}
] AS row
MATCH (o:CausalLink {id: row.owner})
MERGE (slot:EvidenceSlot {id: row.id})
  ON CREATE SET slot.status = 'open'
SET slot.kind = 'causal_link', slot.question = row.question
MERGE (o)-[:HAS_SLOT]->(slot);

// 7. Actors. Gaza the place is not an alias of the people of Gaza: the place
// is a topic. The text uses "the resistance" and "Hamas" interchangeably
// ("his goal is the elimination of Hamas. Since the resistance has not been
// defeated"): the resistance INCLUDES Hamas, and a claim about the
// resistance is also about Hamas (ABOUT with `via`), so "claims about Hamas"
// finds both; a claim naming Hamas is not made about other factions.
MATCH (a:Actor {id: 'gazans'})
SET a.aliases = ['Gazans', 'the people of Gaza'];

MERGE (t:Topic {id: 'gaza-strip'})
SET t.name = 'Gaza (the Gaza Strip, the place)', t.aliases = ['Gaza', 'the Gaza Strip'];

UNWIND ['c-governance-discussion-would-open', 'c-second-phase-is-restructuring-not-cessation',
        'c-daily-killing-part-of-plan-to-break-gaza', 'c-deeper-plan-behind-army-operations',
        'c-end-of-killing-forces-hard-questions', 'c-ummah-duty'] AS claim_id
MATCH (c:Claim {id: claim_id}), (t:Topic {id: 'gaza-strip'})
MERGE (c)-[:CONCERNS]->(t);

MATCH (resistance:Actor {id: 'the-resistance'}), (hamas:Actor {id: 'hamas'})
MERGE (resistance)-[:INCLUDES]->(hamas);

MATCH (c:Claim)-[about:ABOUT]->(:Actor {id: 'the-resistance'}), (hamas:Actor {id: 'hamas'})
MERGE (c)-[also:ABOUT {role: about.role}]->(hamas)
  ON CREATE SET also.via = 'the-resistance';
