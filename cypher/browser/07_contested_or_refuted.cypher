// title: Contested and refuted claims
// question: Which claims are contested (evidence on both sides) or refuted?
// Evidence status from analysts' active (not retracted) evidence links; context links
// do not count. One side wins when its summed confidence is at least twice the other's.
// Empty until analysts attach evidence (the seeded article has none).
MATCH (link:EvidenceLink)-[:BEARS_ON]->(target)
WHERE link.retracted_at IS NULL AND link.stance IN ['supports', 'refutes']
WITH target,
     sum(CASE link.stance WHEN 'supports' THEN link.confidence ELSE 0.0 END) AS pro,
     sum(CASE link.stance WHEN 'refutes' THEN link.confidence ELSE 0.0 END) AS con
WITH target, pro, con,
     CASE WHEN con = 0 OR pro >= 2 * con THEN 'supported'
          WHEN pro = 0 OR con >= 2 * pro THEN 'refuted'
          ELSE 'contested' END AS status
WHERE status IN ['contested', 'refuted']
MATCH (link:EvidenceLink)-[:BEARS_ON]->(target), (link)-[:CITES]->(evidence:Evidence)
WHERE link.retracted_at IS NULL
RETURN target.id AS target, status, pro AS supporting_weight, con AS refuting_weight,
       collect(link.stance + ' ' + evidence.url + ' (' + link.added_by + ')') AS evidence
ORDER BY status, target
