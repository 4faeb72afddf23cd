// The source pane: the full text with every claim span as a <mark>.
// Offsets from the API count Unicode code points; JavaScript strings count
// UTF-16 units, so the text is sliced as an array of code points.

import { clear, el, getJSON, seg } from "./common.js";
import { PALETTE } from "./palette.js";

/**
 * Cut `text` at every span boundary. Each piece lists the spans that cover it,
 * so overlapping claims are all reachable. Offsets are code points.
 */
export function segment(text, spans) {
  const chars = Array.from(text);
  const clamp = (n) => Math.max(0, Math.min(chars.length, n));
  const cuts = new Set([0, chars.length]);
  for (const span of spans) {
    cuts.add(clamp(span.start));
    cuts.add(clamp(span.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = spans
      .filter((span) => span.start <= start && span.end >= end)
      .sort((a, b) => a.end - a.start - (b.end - b.start));
    pieces.push({ start, end, text: chars.slice(start, end).join(""), spans: covering });
  }
  return pieces;
}

/** Renders one source at a time into `container`; `onPick(claimId)` when a highlight is chosen. */
/** A claim span's stance (spans served before issue 19 carry none: they assert). */
const stanceOfSpan = (span) => span.stance || "asserts";

/** The stance in words: "reports (trump: said)", "rejects". */
export function spanStanceWords(span) {
  const stance = stanceOfSpan(span);
  if (stance !== "reports") return stance;
  const speakerSays = span.speaker_stance === "rejects" ? "rejects" : "asserts";
  const how = [span.speaker, span.reporting].filter(Boolean).join(": ");
  return `reports (${how || "unnamed speaker"}; the speaker ${speakerSays} it)`;
}

export class SourceView {
  constructor(container, meta, onPick) {
    this.container = container;
    this.meta = meta;
    this.onPick = onPick;
    this.sourceId = null;
    this.selected = null;
    this.cache = new Map();
    container.addEventListener("click", (event) => this.pick(event.target));
    container.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        if (this.pick(event.target)) event.preventDefault();
      }
    });
  }

  /** Show `sourceId` (fetched once) and highlight `claimId`'s spans, scrolled to the
   * one at code point `start` when given (a claim may be quoted more than once). */
  async show(sourceId, claimId, start = null) {
    if (sourceId !== this.sourceId) {
      if (!this.cache.has(sourceId)) {
        clear(this.container, el("p", { class: "muted", text: "Loading source…" }));
      }
      const [source, coverage, revisions] = await this.fetch(sourceId);
      this.render(source, coverage);
      this.showRevisions(source, revisions);
      this.sourceId = sourceId;
    }
    this.highlight(claimId, start);
  }

  /** A source's detail (text and spans) and coverage, fetched once. */
  fetch(sourceId) {
    if (!this.cache.has(sourceId)) {
      const loaded = Promise.all([
        getJSON(`/sources/${seg(sourceId)}`),
        getJSON(`/sources/${seg(sourceId)}/coverage`).catch(() => null),
        getJSON(`/sources/${seg(sourceId)}/revisions`).catch(() => null),
      ]);
      this.cache.set(sourceId, loaded);
      loaded.catch(() => this.cache.delete(sourceId));
    }
    return this.cache.get(sourceId);
  }

  /** A source's detail alone (the whole map places claims by its spans' sections). */
  async load(sourceId) {
    const [source] = await this.fetch(sourceId);
    return source;
  }

  /** A revised source says so, and offers its earlier revisions' text (read only). */
  showRevisions(source, revisions) {
    delete this.container.dataset.revision;
    if (!revisions || !revisions.revised) return;
    const choose = el(
      "select",
      { id: "source-revision", "aria-label": "Show the text of a revision" },
      revisions.revisions.map((r) =>
        el("option", {
          value: String(r.number),
          text: `revision ${r.number}${r.number === revisions.current ? " (current)" : ""}: ${r.why}`,
        }),
      ),
    );
    choose.value = String(revisions.current);
    const note = el("span", { class: "muted small", id: "source-revision-note" });
    choose.addEventListener("change", () => this.showRevision(source, revisions, choose, note));
    this.meta.append(
      el(
        "p",
        { class: "revised" },
        `Revised: revision ${revisions.current} of this source · `,
        choose,
        " ",
        note,
      ),
    );
  }

  /** Render the chosen revision's text and claim spans, or the current source again. */
  async showRevision(source, revisions, choose, note) {
    const number = Number(choose.value);
    if (number === revisions.current) {
      const [current, coverage] = await this.fetch(source.id);
      this.render(current, coverage);
      this.showRevisions(current, revisions);
      this.highlight(this.selected);
      return;
    }
    const revision = await getJSON(`/sources/${seg(source.id)}/revisions/${number}`);
    const spans = revision.spans
      .filter((span) => span.kind === "claim")
      .map((span) => ({ ...span, target_id: span.id }));
    clear(this.container, this.marks(source, revision.text, spans));
    this.container.dataset.revision = String(number);
    note.textContent = `showing revision ${number} (an earlier text; highlights as they were)`;
  }

  render(source, coverage) {
    const known = (value) => value ?? "unknown";
    const ratio = coverage ? `${Math.round(coverage.covered_ratio * 100)}%` : "?";
    const claims = source.spans.filter((span) => span.kind === "claim");
    clear(
      this.meta,
      el("p", { class: "source-title", text: source.title }),
      el(
        "p",
        { class: "muted small" },
        el("code", { text: source.id }),
        ` · author: ${known(source.author)} · publisher: ${known(source.publisher)}`,
        ` · published: ${known(source.published_on)} · ${claims.length} claim spans`,
        ` · ${ratio} of the text carries a claim or link`,
      ),
      ...this.legend(new Set(claims.map(stanceOfSpan))),
    );
    clear(this.container, this.marks(source, source.text, claims));
  }

  /** The text as nodes, each claim span a focusable <mark>. */
  marks(source, text, claims) {
    return segment(text, claims).map((piece) => {
      if (piece.spans.length === 0) return document.createTextNode(piece.text);
      const ids = piece.spans.map((span) => span.target_id);
      // the stance shows as colour and line pattern (CSS) and in words (title, label)
      const stances = [...new Set(piece.spans.map(stanceOfSpan))];
      const said = piece.spans.map((span) => `${spanStanceWords(span)}: ${span.target_id}`);
      return el("mark", {
        class: [ids.length > 1 ? "hl overlap" : "hl", ...stances.map((s) => `stance-${s}`)].join(" "),
        tabindex: 0,
        role: "button", // it selects its claims (Enter), and may carry a label
        "data-claims": ids.join(" "),
        "data-stances": stances.join(" "),
        "data-start": piece.start,
        "aria-label": `${piece.text} (${said.join("; ")})`,
        title: `${source.id} ${said.join("; ")} (Enter to select)`,
        text: piece.text,
      });
    });
  }

  /** The legend of the stances this text uses: each swatch shows the colour and pattern. */
  legend(used) {
    if (used.size <= 1 && used.has("asserts")) return [];
    const items = Object.entries(PALETTE.stances)
      .filter(([stance]) => used.has(stance))
      .map(([stance, look]) =>
        el(
          "li",
          { "data-stance": stance },
          el("mark", { class: `hl stance-${stance}`, text: look.label }),
          el("span", { class: "muted", text: ` ${look.mark}` }),
        ),
      );
    return [el("ul", { class: "stance-legend", "aria-label": "How the source stands to each marked claim" }, items)];
  }

  /** Mark `claimId`'s spans as selected and scroll the first (from code point `start`,
   * when given) into view. */
  highlight(claimId, start = null) {
    this.selected = claimId;
    let first = null;
    for (const mark of this.container.querySelectorAll("mark")) {
      const on = claimId !== null && mark.dataset.claims.split(" ").includes(claimId);
      mark.classList.toggle("sel", on);
      const reached = start === null || Number(mark.dataset.start) >= start;
      if (on && reached && !first) first = mark;
    }
    this.container.dataset.scrolledTo = first ? first.dataset.start : "";
    if (first) {
      const box = this.container; // position: relative, so offsetTop is measured from it
      box.scrollTop = Math.max(0, first.offsetTop - box.clientHeight / 3);
    }
  }

  /** A click or Enter on a highlight: select its shortest claim, or cycle through overlaps. */
  pick(target) {
    const mark = target.closest && target.closest("mark[data-claims]");
    if (!mark) return false;
    const ids = mark.dataset.claims.split(" ");
    const next = ids[(ids.indexOf(this.selected) + 1) % ids.length];
    this.onPick(next);
    return true;
  }
}
