"""Evidence status and standing: the values derived from evidence and argument structure.

- `rules`: the rules themselves (evidence status, what outweighs what, the grounded
  labelling that gives standing), pure functions;
- `oracle`: today's full recomputation in one read, the reference the property test
  and `kb recompute --check` hold the stored values to;
- `incremental` (with `region`, its pure labelling of one region): keeps the stored
  values current inside each write's own transaction;
- `full`: every value from scratch at the size of the whole graph, written where it
  differs (after seeds, restores and bulk loads; `kb recompute`).
"""
