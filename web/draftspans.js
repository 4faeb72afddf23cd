// The drafted items' places in the text: each claim's quote (its `occurrence`-th match),
// each connective link's marker inside its quote, each attribution's reporting words near
// its quote; then the text as segments, each highlighted by the most specific span over it.

import { PALETTE } from "./palette.js";
import { clear, el } from "./common.js";

// Highlight kinds beyond the claim types, coloured from the palette's variables (draft.css).
export const EXTRA_KINDS = {
  attribution: "Attribution: a speaker's words the source reports",
  rejected: "Rejected view: what the source (or its speaker) denies",
  connective: "Connective: the word that links two claims",
};
const REPORTING_WINDOW = 160; // characters either side of a quote to look for "said", ...

/** Where the `occurrence`-th (1-based) `quote` starts in `text`, or -1. */
export function locate(text, quote, occurrence = 1) {
  if (!quote) return -1;
  let at = -1;
  for (let n = 0; n < Math.max(1, occurrence); n += 1) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

/** How a claim is highlighted: rejected view, attribution, or its claim type. */
export function claimKind(claim) {
  if (claim.stance === "rejects" || claim.mode === "rejects") return "rejected";
  if (claim.framing === "rejected_view" || claim.speaker_stance === "rejects") return "rejected";
  if (claim.stance === "reports" || claim.speaker) return "attribution";
  return `type-${claim.type || "factual"}`;
}

/** Every span of `items` in `text`: {start, end, key, kind, layer: "claim" | "cue"}. */
export function spansOf(text, items) {
  const spans = [];
  for (const item of items) {
    if (item.decision === "rejected") continue;
    const data = item.data;
    if (item.kind === "claim") {
      const start = locate(text, data.quote, data.occurrence || 1);
      if (start < 0) continue;
      const end = start + data.quote.length;
      spans.push({ start, end, key: item.key, kind: claimKind(data), layer: "claim" });
      const cue = data.reporting ? nearby(text, data.reporting, start, end) : null;
      if (cue !== null) {
        spans.push({ start: cue, end: cue + data.reporting.length, key: item.key, kind: "attribution", layer: "cue" });
      }
    } else if ((item.kind === "link" || item.kind === "causal_link") && data.marker) {
      const start = locate(text, data.quote, data.occurrence || 1);
      const within = start < 0 ? -1 : data.quote.indexOf(data.marker);
      if (within < 0) continue;
      const at = start + within;
      spans.push({ start: at, end: at + data.marker.length, key: item.key, kind: "connective", layer: "cue" });
    }
  }
  return spans;
}

function nearby(text, words, start, end) {
  const from = Math.max(0, start - REPORTING_WINDOW);
  const window = text.slice(from, Math.min(text.length, end + REPORTING_WINDOW));
  const at = window.indexOf(words);
  return at < 0 ? null : from + at;
}

/** Render `text` into `box` with `spans` as <mark>s; `onPick(key)` when one is clicked. */
export function renderHighlighted(box, text, spans, onPick) {
  const cuts = new Set([0, text.length]);
  for (const span of spans) cuts.add(span.start).add(span.end);
  const points = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const over = spans.filter((s) => s.start <= a && s.end >= b);
    const claim = over.filter((s) => s.layer === "claim").sort((x, y) => x.end - x.start - (y.end - y.start))[0];
    const cue = over.find((s) => s.layer === "cue");
    if (!claim && !cue) {
      nodes.push(document.createTextNode(piece));
      continue;
    }
    const classes = ["dhl", claim ? `kind-${claim.kind}` : "kind-none", cue ? `cue-${cue.kind}` : ""];
    const key = (cue && cue.kind === "connective" ? cue : claim || cue).key;
    nodes.push(
      el("mark", { class: classes.join(" ").trim(), "data-item": key, onclick: () => onPick(key) }, piece),
    );
  }
  clear(box, nodes);
}

/** The legend: every claim type of the palette, then the extra kinds. */
export function renderLegend(list) {
  const types = Object.entries(PALETTE.claim_types).map(([type, colours]) =>
    el("li", {}, el("span", { class: `swatch dswatch kind-type-${type}` }), colours.label.replace("ReportedSpeech", "Reported speech")),
  );
  const extra = Object.entries(EXTRA_KINDS).map(([kind, label]) =>
    el("li", {}, el("span", { class: `swatch dswatch ${kind === "connective" ? "cue-connective" : `kind-${kind}`}` }), label),
  );
  clear(list, types, extra);
}
