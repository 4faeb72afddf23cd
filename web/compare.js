// Two sources side by side (#compare=a,b): the claims both assert, each with both quotes,
// and the attacks one source's argument makes on claims the other asserts. The graph pane
// draws the same as a graph coloured by side.

import { badge, clear, el } from "./common.js";

const note = (text) => el("p", { class: "muted small", text });

/** How a source stands to a claim: the API's `stance` once it serves one, else its mode. */
export const stanceOf = (assertion) => assertion.stance || assertion.mode || "asserts";

function quotes(sourceId, assertions, side) {
  return el(
    "div",
    { class: `side side-${side}` },
    el("span", { class: "small strong", text: sourceId }),
    ...assertions.map((a) =>
      el("p", { class: "small" }, badge(stanceOf(a)), " ", el("q", { class: "quote", text: a.quote })),
    ),
  );
}

/** Render `agreement` (GET /sources/{a}/agreement/{b}) into `box`; `claimLink(id, text)`. */
export function renderCompare(box, agreement, claimLink) {
  const a = agreement.source_a;
  const b = agreement.source_b;
  const shared = (c) =>
    el(
      "li",
      { class: "shared", "data-claim": c.claim_id },
      claimLink(c.claim_id, c.text),
      el("div", { class: "sides" }, quotes(a.id, c.a, "a"), quotes(b.id, c.b, "b")),
    );
  const attack = (x) =>
    el(
      "li",
      { class: "attack", "data-link": x.link_id },
      claimLink(x.attacker_id, x.attacker_text),
      el("span", { class: "small strong", text: " attacks " }),
      claimLink(x.target_id, x.target_text),
    );
  const list = (title, items, render, empty, side) =>
    el(
      "section",
      { class: `group compare-${side}` },
      el("h3", { text: `${title} (${items.length})` }),
      items.length ? el("ul", { class: "compare-list" }, items.map(render)) : note(empty),
    );
  clear(
    box,
    el("h3", { class: "compare-title" }, "Side by side: ", el("span", { class: "side-name side-a", text: a.title || a.id }),
      " and ", el("span", { class: "side-name side-b", text: b.title || b.id })),
    list("Both assert", agreement.agree, shared, "They assert no claim in common.", "both"),
    list(`${a.id} attacks what ${b.id} asserts`, agreement.a_attacks_b, attack, "No attack.", "a"),
    list(`${b.id} attacks what ${a.id} asserts`, agreement.b_attacks_a, attack, "No attack.", "b"),
  );
}
