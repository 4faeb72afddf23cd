// title: Where each claim is in the text, and what carries none
// question: Where in the source text is each claim, and which parts of the text carry no claim?
// param source: article-001
// Offsets are code points, start inclusive, end exclusive: text[start:end] = quote.
// Rows of kind 'claim' anchor a claim; rows of kind 'no claim' are the stretches no
// claim or causal link is anchored in (headings, connectives, the donation footer).
MATCH (s:Source {id: $source})-[a:ASSERTS]->(c:Claim)
RETURN 'claim' AS kind, a.start AS start, a.end AS end, a.section AS section,
       c.id AS claim, a.quote AS text
UNION ALL
MATCH (s:Source {id: $source})
CALL (s) {
  MATCH (s)-[a:ASSERTS|ASSERTS_LINK]->()
  RETURN a.start AS start, a.end AS end
  ORDER BY start, end
}
WITH s, collect([start, end]) AS spans
WITH s, spans + [[size(s.text), size(s.text)]] AS spans
WITH s, reduce(acc = {at: 0, gaps: []}, span IN spans |
       {at: CASE WHEN span[1] > acc.at THEN span[1] ELSE acc.at END,
        gaps: acc.gaps + CASE WHEN span[0] > acc.at THEN [[acc.at, span[0]]] ELSE [] END}
     ).gaps AS gaps
UNWIND gaps AS gap
WITH gap, trim(substring(s.text, gap[0], gap[1] - gap[0])) AS text
WHERE size(text) > 2
RETURN 'no claim' AS kind, gap[0] AS start, gap[1] AS end, null AS section,
       null AS claim, text
ORDER BY start
