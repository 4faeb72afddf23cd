// article-001: where each argument link of V003 that the review keeps comes
// from (docs/curation.md, "Three bases"):
//   connective - a connective in the text; `marker` is its words exactly as
//                they stand in the link's quote;
//   structure  - the text's layout: a bullet answering its question heading,
//                a section feeding its bullet under "Strategic conclusion",
//                the conclusion's bullets feeding its last one (the duty),
//                a list after a colon spelling out the claim before it;
//   curator    - the analyst's inference, with a one-sentence `rationale`.
// Links that V005 removes get no basis here. Also: how each assertion relates
// to its claim (`mode`), and the curation marks on claims that the linter
// (`kb lint`) checks. Idempotent: SET on MATCHed ids only.

// SUPPORTS links asserted by a connective
UNWIND [
  {id: 'sup-002', marker: 'because'},
  {id: 'sup-012', marker: 'because'},
  {id: 'sup-022', marker: 'therefore'},
  {id: 'sup-023', marker: 'therefore'},
  {id: 'sup-024', marker: 'because'},
  {id: 'sup-026', marker: 'because'},
  {id: 'sup-087', marker: 'because'}
] AS row
MATCH (:Claim)-[r:SUPPORTS {id: row.id}]->(:Claim)
SET r.basis = 'connective', r.marker = row.marker, r.rationale = null;

// sup-026 rests on "something Netanyahu refuses" inside the because-clause:
// its quote is the whole sentence, so that it holds its connective.
MATCH (:Claim)-[r:SUPPORTS {id: 'sup-026'}]->(:Claim)
SET r.quote = 'The second phase is not stalled but deliberately stopped because it is the moment that would impose responsibility on Israel, something Netanyahu refuses.',
    r.start = 5405, r.end = 5559;

// SUPPORTS links asserted by the text's structure
UNWIND [
  {id: 'sup-001', rationale: 'The colon after "the decisive moment" lists what the phase would bring.'},
  {id: 'sup-006', rationale: 'The colon after "comfortable for Israel" lists the terms that made it so.'},
  {id: 'sup-030', rationale: 'The colon after "the deepest of any modern conflict" lists the forms of support.'},
  {id: 'sup-031', rationale: 'The colon after "the deepest of any modern conflict" lists the forms of support.'},
  {id: 'sup-032', rationale: 'The colon after "the deepest of any modern conflict" lists the forms of support.'},
  {id: 'sup-028', rationale: 'An answer of the first section feeds its conclusion bullet (the second phase stopped deliberately).'},
  {id: 'sup-029', rationale: 'An answer of the first section feeds its conclusion bullet (the second phase stopped deliberately).'},
  {id: 'sup-045', rationale: 'An answer of the United States section feeds its conclusion bullet (not incapable but unwilling).'},
  {id: 'sup-046', rationale: 'An answer of the United States section feeds its conclusion bullet (not incapable but unwilling).'},
  {id: 'sup-056', rationale: 'An answer of the daily-killings section feeds its conclusion bullet (not an error but part of the plan).'},
  {id: 'sup-057', rationale: 'An answer of the daily-killings section feeds its conclusion bullet (not an error but part of the plan).'},
  {id: 'sup-059', rationale: 'An answer of the daily-killings section feeds its conclusion bullet (not an error but part of the plan).'},
  {id: 'sup-070', rationale: 'The first bullet under "Is Trump truly convinced of Netanyahu’s plan?" answers it ("Yes.").'},
  {id: 'sup-077', rationale: 'The second bullet under "Is Trump truly convinced of Netanyahu’s plan?" answers it.'},
  {id: 'sup-079', rationale: 'The third bullet under "Is Trump truly convinced of Netanyahu’s plan?" answers it.'},
  {id: 'sup-081', rationale: 'The conclusion bullets lead to its last one: "The duty of the Ummah is clear".'},
  {id: 'sup-082', rationale: 'The conclusion bullets lead to its last one: "The duty of the Ummah is clear".'},
  {id: 'sup-083', rationale: 'The conclusion bullets lead to its last one: "The duty of the Ummah is clear".'},
  {id: 'sup-084', rationale: 'The conclusion bullets lead to its last one: "The duty of the Ummah is clear".'},
  {id: 'sup-085', rationale: 'The conclusion bullets lead to its last one: "The duty of the Ummah is clear".'}
] AS row
MATCH (:Claim)-[r:SUPPORTS {id: row.id}]->(:Claim)
SET r.basis = 'structure', r.marker = null, r.rationale = row.rationale;

// SUPPORTS links the curator infers: no connective, no structural position
UNWIND [
  {id: 'sup-004', rationale: '"This is where the obstruction began" points back to the halt as the start of the obstruction, by reference rather than by a reason connective.'},
  {id: 'sup-007', rationale: '"for the first time ... however" rests the novelty of the cost on the first phase having cost Israel nothing.'},
  {id: 'sup-008', rationale: 'The sentence after the bullet opening names the requirements that make up the price Israel would pay.'},
  {id: 'sup-014', rationale: 'The sentence after "Netanyahu survives on a war that never ends" gives what war is for him: a means to remain in office.'},
  {id: 'sup-015', rationale: 'The consequences of the second phase beginning, listed after the bullet opening, are why only an endless war keeps him safe.'},
  {id: 'sup-016', rationale: 'The consequences of the second phase beginning, listed after the bullet opening, are why only an endless war keeps him safe.'},
  {id: 'sup-017', rationale: 'The consequences of the second phase beginning, listed after the bullet opening, are why only an endless war keeps him safe.'},
  {id: 'sup-027', rationale: 'The freeze of the first section is the deliberate act that the conclusion bullet calls "deliberately stopped".'},
  {id: 'sup-033', rationale: 'Blocking condemnation at the United Nations is the plainest case of shielding Israel from pressure named in the same bullet.'},
  {id: 'sup-034', rationale: 'The sentence after "not a mediator but an active party" describes the support that makes the United States a party.'},
  {id: 'sup-035', rationale: 'The bullet closes on "it shields it from pressure" as what a party, not a mediator, does.'},
  {id: 'sup-038', rationale: 'The sentence after the bullet opening names the electoral fears that make weakening Israel costly for Washington.'},
  {id: 'sup-040', rationale: 'The sentence after the bullet opening spells out what "post-genocide peace" means for the second phase.'},
  {id: 'sup-041', rationale: 'The quoted "American idea" spells out the "post-genocide peace" of the bullet opening.'},
  {id: 'sup-042', rationale: '"It is a peace built over rubble" characterises the American idea quoted just before it.'},
  {id: 'sup-043', rationale: 'The bullet closes on "a peace built over rubble" as its restatement of "post-genocide peace".'},
  {id: 'sup-047', rationale: 'The conclusion\'s "not incapable but unwilling" answers the introduction\'s "does not want to stop the daily killings".'},
  {id: 'sup-048', rationale: 'The declared goal of eliminating Hamas, right after the bullet opening, is what makes the killing part of "total victory".'},
  {id: 'sup-050', rationale: 'The systematic killing described after the bullet opening is offered as the doctrine at work.'},
  {id: 'sup-051', rationale: '"All of this is marketed ... as a continuation of “the mission”" presents the killing as the doctrine\'s mission.'},
  {id: 'sup-052', rationale: 'The "deeper plan" described after the bullet opening is the occupation project that requires pressure.'},
  {id: 'sup-053', rationale: 'The questions Israel would face if the killing stops are what makes the "day after" terrifying.'},
  {id: 'sup-054', rationale: '"These are questions Israel seeks to escape" closes the bullet on why the "day after" terrifies Israel.'},
  {id: 'sup-058', rationale: 'The conclusion\'s "the plan to break Gaza, reshape its political and demographic reality" refers back to the "deeper plan" of the third section.'},
  {id: 'sup-061', rationale: 'The conclusion\'s "two projects" takes up the "two fundamentally opposing projects" of the first section.'},
  {id: 'sup-062', rationale: 'The conclusion\'s "project of extermination and regional re-engineering" takes up the deeper plan of the third section.'},
  {id: 'sup-063', rationale: 'The conclusion\'s "project of extermination and regional re-engineering" takes up the occupation project of the third section.'},
  {id: 'sup-064', rationale: 'The statement follows "Trump views the solution as primarily military" as its evidence.'},
  {id: 'sup-065', rationale: 'The statement follows "Trump views the solution as primarily military" as its evidence.'},
  {id: 'sup-066', rationale: 'The statement follows "Trump views the solution as primarily military" as its evidence.'},
  {id: 'sup-067', rationale: '"This is language that supports war" characterises the quoted statement itself.'},
  {id: 'sup-068', rationale: '"This is language that supports war" characterises the quoted statement itself.'},
  {id: 'sup-069', rationale: '"This is language that supports war" characterises the quoted statement itself.'},
  {id: 'sup-072', rationale: 'The aim of the demanded calm, given after the bullet opening, is what makes the pauses tactical.'},
  {id: 'sup-073', rationale: '"There is no humanitarian dimension to the request" closes the bullet on why the pauses are tactical.'},
  {id: 'sup-078', rationale: '"Both believe in ..." spells out the one worldview of the bullet opening.'},
  {id: 'sup-086', rationale: 'The closing restates the first conclusion bullet: a phase deliberately stopped did not stop for technical reasons.'}
] AS row
MATCH (:Claim)-[r:SUPPORTS {id: row.id}]->(:Claim)
SET r.basis = 'curator', r.marker = null, r.rationale = row.rationale;

// ATTACKS links V003 has, all asserted by a contrast connective
UNWIND [
  {id: 'att-001', marker: 'however'},
  {id: 'att-003', marker: 'not incapable but'},
  {id: 'att-004', marker: 'not incapable but'}
] AS row
MATCH (:Claim)-[r:ATTACKS {id: row.id}]->(:Claim)
SET r.basis = 'connective', r.marker = row.marker, r.rationale = null;

// Causal links asserted by a connective
UNWIND [
  {id: 'cl-cost-to-israel-halts-second-phase', marker: 'because'},
  {id: 'cl-end-of-war-prompts-rejection', marker: 'because'},
  {id: 'cl-investigations-prompt-rejection', marker: 'because'},
  {id: 'cl-governance-debate-prompts-rejection', marker: 'because'},
  {id: 'cl-rejection-leads-to-freeze', marker: 'For this reason'},
  {id: 'cl-endless-war-halts-second-phase', marker: 'Because'},
  {id: 'cl-war-dependence-keeps-low-intensity-killing', marker: 'This is why'},
  {id: 'cl-questioning-risk-keeps-low-intensity-killing', marker: 'This is why'},
  {id: 'cl-clash-of-projects-halts-second-phase', marker: 'Because'},
  {id: 'cl-active-party-blocks-second-phase', marker: 'Because'},
  {id: 'cl-partnership-makes-us-unwilling', marker: 'because'},
  {id: 'cl-political-cost-keeps-us-from-stopping-killings', marker: 'Because'},
  {id: 'cl-electoral-fear-drives-support-for-genocide', marker: 'therefore'},
  {id: 'cl-post-genocide-plan-blocks-second-phase', marker: 'Because'},
  {id: 'cl-total-victory-doctrine-drives-killing', marker: 'Because'},
  {id: 'cl-undefeated-resistance-drives-systematic-killing', marker: 'Since'},
  {id: 'cl-occupation-project-drives-killing', marker: 'Because'},
  {id: 'cl-fear-of-day-after-drives-killing', marker: 'Because'},
  {id: 'cl-shared-worldview-makes-trump-architect', marker: 'This is why'},
  {id: 'cl-war-not-ended-halts-second-phase', marker: 'because'}
] AS row
MATCH (l:CausalLink {id: row.id})
SET l.basis = 'connective', l.marker = row.marker, l.rationale = null;

// Causal links the curator infers
UNWIND [
  {id: 'cl-second-phase-signals-end-of-war', rationale: '"it would signal the end of the “war”" makes the requirements of the second phase ("this", "it") the cause, by a causal verb rather than a connective.'},
  {id: 'cl-freeze-halts-second-phase', rationale: 'The bullet answering "Why did the second phase stop?" ends with Netanyahu freezing it, read as the act that stopped it.'}
] AS row
MATCH (l:CausalLink {id: row.id})
SET l.basis = 'curator', l.marker = null, l.rationale = row.rationale;

// How assertions relate to their claims: a question heading or a why-clause
// only presupposes what it asks about (the default mode is 'asserts').
UNWIND [
  {claim: 'c-second-phase-stopped', start: 659},
  {claim: 'c-second-phase-stopped', start: 861},
  {claim: 'c-us-unable-to-stop-killings', start: 693},
  {claim: 'c-us-unable-to-stop-killings', start: 2448},
  {claim: 'c-us-unwilling-to-stop-killings', start: 693},
  {claim: 'c-us-unable-to-impose-second-phase', start: 2448},
  {claim: 'c-israel-continues-daily-killings-during-truce', start: 3452},
  {claim: 'c-netanyahu-has-plan-for-gaza', start: 4512},
  {claim: 'c-hostages-not-rescued', start: 1834},
  {claim: 'c-killing-continued-aimlessly', start: 1869}
] AS row
MATCH (:Source {id: 'article-001'})-[a:ASSERTS {start: row.start}]->(:Claim {id: row.claim})
SET a.mode = 'presupposes';

// A causal claim ("X because Y") restates X with a cause: it is the
// propositional form of a causal link, never a conclusion resting on X.
UNWIND [
  {id: 'c-second-phase-stopped-because-cost-to-israel', restates: 'c-second-phase-stopped', link: 'cl-cost-to-israel-halts-second-phase'},
  {id: 'c-second-phase-stopped-because-war-not-ended', restates: 'c-second-phase-stopped', link: 'cl-war-not-ended-halts-second-phase'}
] AS row
MATCH (c:Claim {id: row.id})
SET c.restates = row.restates, c.restates_link = row.link;

// Reported speech without a named speaker ("some believed")
MATCH (c:Claim {id: 'c-some-saw-turning-point-toward-peace'})
SET c.unattributed = true;

// Checkability that departs from the rule of the claim's type, with the reason
UNWIND [
  {id: 'c-israel-goals', reason: 'Israel\'s conditions for post-war Gaza are on record in government statements and cabinet decisions, so evidence can bear on this reading of its aims.'},
  {id: 'c-killing-marketed-as-the-mission', reason: 'How Israeli officials present the operations to the public is on record in their statements.'}
] AS row
MATCH (c:Claim {id: row.id})
SET c.checkable_reason = row.reason;
