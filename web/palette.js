// The project's one palette (web/palette.json; kb/palette.py writes the Neo4j Browser's
// style from the same file). The page's badges and swatches read CSS variables set here,
// so a colour is changed in one place for the explorer, its graph and the Browser.

const response = await fetch("/web/palette.json");
export const PALETTE = await response.json();

/** `--<group>-<value>-<fill|line|ink>` on :root for every coloured value. */
function applyVariables(root) {
  const groups = {
    type: PALETTE.claim_types,
    status: PALETTE.statuses,
    standing: PALETTE.standings,
    side: PALETTE.sides,
    stance: PALETTE.stances,
  };
  for (const [group, values] of Object.entries(groups)) {
    for (const [name, colours] of Object.entries(values)) {
      for (const part of ["fill", "line", "ink"]) {
        if (colours[part]) root.style.setProperty(`--${group}-${name}-${part}`, colours[part]);
      }
    }
  }
  for (const [kind, link] of Object.entries(PALETTE.links)) {
    root.style.setProperty(`--link-${kind}`, link.line);
  }
  root.style.setProperty("--selected", PALETTE.selected);
}

applyVariables(document.documentElement);
