// What rests on what, as indented lists: the accessible view of the walks
// (the graph view draws the same walks).

import { STATUS_HELP, badge, clear, el } from "./common.js";

const note = (text) => el("p", { class: "muted small", text });

const statusBadges = (known) =>
  known
    ? [" ", badge(known.status, STATUS_HELP[known.status]), " ", badge(known.standing, STATUS_HELP[known.standing])]
    : [];

const STEP_LABEL = {
  downstream: { supports: "supports →", causal: "causes →" },
  upstream: { supports: "← supported by", causal: "← caused by" },
};

/** An indented tree: each reached claim hangs under the claim it was reached from (`via`);
 * `statusOf(id)` gives a claim's status and standing when known (its badges). */
export function renderWalk(container, claim, walk, direction, claimLink, statusOf = () => null) {
  if (walk.claims.length === 0) {
    const downstream = direction === "downstream";
    clear(container, note(downstream ? "Nothing depends on it." : "It rests on no other claim."));
    return;
  }
  const children = new Map();
  for (const reached of walk.claims) {
    const before = reached.via.claim_id;
    if (!children.has(before)) children.set(before, []);
    children.get(before).push(reached);
  }
  const node = (reached) => {
    const step = reached.via;
    return el(
      "li",
      {},
      el("span", {
        class: `step step-${step.kind}`,
        title: `${step.link_id} · ${reached.distance} step(s) from the selected claim`,
        text: STEP_LABEL[direction][step.kind] || step.kind,
      }),
      " ",
      claimLink(reached.claim_id, reached.text),
      " ",
      badge(reached.type),
      ...statusBadges(statusOf(reached.claim_id)),
      children.has(reached.claim_id) ? branch(reached.claim_id) : null,
    );
  };
  const branch = (id) => el("ul", { class: "tree" }, children.get(id).map(node));
  const farthest = Math.max(...walk.claims.map((c) => c.distance));
  const shown = walk.claims.length < walk.meta.total ? ` (the nearest ${walk.claims.length})` : "";
  clear(
    container,
    note(
      `${walk.meta.total} claims${shown}, up to ${farthest} steps away (searched ${walk.depth}).`,
    ),
    branch(claim.id),
  );
}

