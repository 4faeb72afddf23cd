// The graph canvas: a claim's neighbourhood (premises above, dependents below), a source's
// whole argument map (its sections as boxes, conclusions on top), or two sources compared
// (coloured by side). Drawn with cytoscape.js, laid out in layers by dagre (both from npm,
// copied into web/vendor/ by `make install`); colours from the one palette (palette.js).
//
// Readability rules: a label is drawn at 11 px and hidden below 9 px on screen (never an
// unreadable one); "fit" never zooms out past that, it shows a region and the overview
// instead; the full text of a claim appears on hover. The list view stays the accessible
// alternative, and every node is reachable from the "Go to" list.

import cytoscape from "./vendor/cytoscape.esm.min.mjs";
import dagre from "./vendor/cytoscape-dagre.min.mjs";
import { Overview } from "./overview.js";
import { PALETTE } from "./palette.js";

cytoscape.use(dagre);

const LABEL_CHARS = 70;
const FONT_PX = 11;
const MIN_LABEL_PX = 9;
export const READABLE_ZOOM = MIN_LABEL_PX / FONT_PX;
// A section with more claims than this starts collapsed into one node in the whole map.
export const COLLAPSE_AT = 30;

const short = (text) => (text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text);
const sectionName = (section) => (section ? section.replace(/[-_]+/g, " ") : "no section");

function styles() {
  const { claim_types: types, statuses, standings, links, sides, neutral } = PALETTE;
  const rule = (selector, style) => ({ selector, style });
  return [
    rule("node", {
      shape: "round-rectangle",
      width: "data(w)",
      height: "data(h)",
      padding: 6,
      label: "data(label)",
      "text-wrap": "wrap",
      "text-max-width": 160,
      "text-valign": "center",
      "font-size": FONT_PX,
      "min-zoomed-font-size": MIN_LABEL_PX,
      "font-family": "system-ui, sans-serif",
      color: PALETTE.ink,
      "background-color": neutral.fill,
      "border-width": 2,
      "border-color": neutral.line,
    }),
    ...Object.entries(types).map(([type, c]) =>
      rule(`node[type = "${type}"]`, { "background-color": c.fill }),
    ),
    ...["supported", "refuted"].map((s) =>
      rule(`node[status = "${s}"]`, { "border-width": 4, "border-color": statuses[s].line }),
    ),
    rule('node[status = "contested"]', {
      "border-width": 4,
      "border-color": statuses.contested.line,
      "border-style": "dashed",
    }),
    rule('node[standing = "undermined"]', {
      "outline-width": 4, "outline-color": standings.undermined.line, "outline-offset": 2,
    }),
    rule('node[standing = "weakened"]', {
      "outline-width": 3, "outline-color": standings.weakened.line, "outline-offset": 2,
    }),
    ...Object.entries(sides).map(([side, c]) =>
      rule(`node[side = "${side}"]`, { "background-color": c.fill, "border-color": c.line, "border-width": 3 }),
    ),
    rule("node.conclusion", { "border-width": 4, "font-weight": "bold", "border-style": "double" }),
    rule("node.selected", {
      "border-width": 5, "border-color": PALETTE.selected, "font-weight": "bold",
    }),
    rule(":parent", {
      shape: "round-rectangle",
      "background-color": "#f7f8fa",
      "background-opacity": 1,
      "border-width": 1,
      "border-style": "dashed",
      "border-color": "#6b7280",
      label: "data(label)",
      "text-valign": "top",
      "text-halign": "center",
      "text-margin-y": -4,
      "font-size": 18,
      "min-zoomed-font-size": MIN_LABEL_PX,
      "font-weight": "bold",
      color: "#374151",
      padding: 16,
    }),
    rule("node.collapsed", {
      width: 240,
      height: 64,
      "background-color": "#eef2f7",
      "border-style": "dashed",
      "border-width": 2,
      "border-color": "#374151",
      "font-size": 14,
      "font-weight": "bold",
      "text-max-width": 220,
    }),
    rule("edge", {
      width: 2,
      "curve-style": "bezier",
      "target-arrow-shape": "triangle",
      "line-color": links.supports.line,
      "target-arrow-color": links.supports.line,
      "arrow-scale": 1.1,
    }),
    rule('edge[kind = "causal"]', {
      "line-color": links.causal.line,
      "target-arrow-color": links.causal.line,
      "target-arrow-shape": "vee",
      width: 3,
    }),
    rule('edge[kind = "attacks"]', {
      "line-color": links.attacks.line,
      "target-arrow-color": links.attacks.line,
      "target-arrow-shape": "tee",
      "line-style": "dashed",
    }),
    // Where a link comes from (docs/curation.md): the text's own connective is a
    // solid line, the text's structure long dashes, the curator's inference dots.
    rule('edge[basis = "structure"]', { "line-style": "dashed", "line-dash-pattern": [9, 4] }),
    rule('edge[basis = "curator"]', { "line-style": "dotted", opacity: 0.8 }),
    rule('edge[status = "refuted"]', { "line-style": "dotted", width: 4 }),
    rule("edge.map", { "curve-style": "straight" }),
    rule("edge.bundle", { width: (edge) => 2 + Math.min(edge.data("count"), 6) }),
  ];
}

// Attacks cross the layers, so only support and causal links rank the nodes.
const ranked = (eles) => eles.not('edge[kind = "attacks"]');
const DAGRE = { name: "dagre", nodeSep: 18, rankSep: 45, animate: false, fit: false };

/** Everything in layers by dagre (the neighbourhood and the comparison: small graphs). */
function layered(cy, rankDir) {
  ranked(cy.elements()).layout({ ...DAGRE, rankDir }).run();
}

// Bounding boxes without labels: measuring 500 labels' text is what makes a layout slow.
const BOX_OPTIONS = { includeLabels: false, includeOverlays: false };

/** Move `nodes` so their bounding box starts at (x, y). */
function moveTo(nodes, x, y) {
  const box = nodes.boundingBox(BOX_OPTIONS);
  nodes.positions((node) => ({ x: node.position("x") - box.x1 + x, y: node.position("y") - box.y1 + y }));
}

/** Pack boxes of `parts` (collections) left to right in rows no wider than `width`. */
function shelve(parts, width, gap) {
  let [x, y, rowHeight] = [0, 0, 0];
  for (const part of parts) {
    const box = part.boundingBox(BOX_OPTIONS);
    if (x > 0 && x + box.w > width) [x, y, rowHeight] = [0, y + rowHeight + gap, 0];
    moveTo(part, x, y);
    x += box.w + gap;
    rowHeight = Math.max(rowHeight, box.h);
  }
}

// The whole map's layout by the text's structure: in each section, every connected piece of
// argument in layers (dagre, conclusions on top), the pieces packed in rows; the sections
// packed in text order. Small dagre runs stay fast where one run over all would not.
const SECTION_WIDTH = 1100;
const MAP_WIDTH = 2600;

function structural(cy) {
  const sections = cy.nodes().filter((n) => n.isParent() || n.hasClass("collapsed"));
  const boxes = [];
  for (const section of sections) {
    if (section.hasClass("collapsed")) {
      boxes.push(section);
      continue;
    }
    const members = section.children();
    const inside = members.edgesWith(members);
    const pieces = members.union(inside).components().map((piece) => {
      const nodes = piece.nodes();
      if (nodes.length > 1) layers(nodes, ranked(piece.edges()));
      return nodes;
    });
    pieces.sort((a, b) => b.length - a.length);
    shelve(pieces, SECTION_WIDTH, 30);
    boxes.push(members);
  }
  shelve(boxes, MAP_WIDTH, 90);
}

/**
 * A cheap layered layout for one connected piece of a section (linear in its size, where
 * dagre's is not): a claim's row is its longest chain of support down to a conclusion,
 * conclusions in the top row; each row ordered under the claims it supports.
 */
const PER_LINE = 6;

function layers(nodes, edges) {
  const out = new Map(nodes.map((n) => [n.id(), []]));
  for (const e of edges) out.get(e.source().id())?.push(e.target().id());
  const row = new Map();
  const rank = (id, seen = new Set()) => {
    if (row.has(id)) return row.get(id);
    if (seen.has(id)) return 0; // a cycle: cut it here
    seen.add(id);
    const above = out.get(id).map((to) => rank(to, seen) + 1);
    const r = above.length ? Math.max(...above) : 0;
    row.set(id, r);
    return r;
  };
  const rows = [];
  for (const node of nodes) {
    const r = rank(node.id());
    (rows[r] ||= []).push(node);
  }
  const x = new Map();
  const gap = 24;
  let y = 0;
  for (const members of rows) {
    if (!members) continue;
    const under = (n) => {
      const targets = out.get(n.id()).filter((id) => x.has(id));
      return targets.length ? targets.reduce((sum, id) => sum + x.get(id), 0) / targets.length : Infinity;
    };
    members.sort((a, b) => under(a) - under(b));
    // a long row wraps into lines of `PER_LINE`, each centred on the piece's middle
    for (let start = 0; start < members.length; start += PER_LINE) {
      const line = members.slice(start, start + PER_LINE);
      const width = line.reduce((sum, n) => sum + n.outerWidth() + gap, -gap);
      let left = -width / 2;
      let height = 0;
      for (const node of line) {
        const w = node.outerWidth();
        node.position({ x: left + w / 2, y: y + node.outerHeight() / 2 });
        x.set(node.id(), left + w / 2);
        left += w + gap;
        height = Math.max(height, node.outerHeight());
      }
      y += height + (start + PER_LINE < members.length ? gap : 45);
    }
  }
}

const claimNode = (c, extra = {}) => {
  const label = short(c.text || c.id);
  const weight = extra.weight || 0;
  return {
    group: "nodes",
    data: {
      id: c.id,
      label,
      text: c.text || c.id,
      type: c.type || "",
      status: c.status || "unverified",
      standing: c.standing || "intact",
      ...extra,
      weight,
      w: 170 + 14 * Math.min(weight, 8),
      h: 14 * Math.ceil(label.length / 27) + 6,
    },
  };
};

const edge = (l) => ({
  group: "edges",
  data: {
    id: l.link_id, source: l.from_id, target: l.to_id,
    kind: l.kind, basis: l.basis || "", status: l.status || "", count: l.count || 1,
  },
  classes: [l.count > 1 && "bundle", l.map && "map"].filter(Boolean).join(" "),
});

/** One graph canvas; `onPick(claimId)` when a claim is clicked or chosen from the list. */
export class GraphView {
  constructor({ container, caption, goTo, overview, tooltip, onPick, onToggleGroup }) {
    this.container = container;
    this.caption = caption;
    this.goTo = goTo;
    this.tooltip = tooltip;
    this.onPick = onPick;
    this.onToggleGroup = onToggleGroup;
    this.cy = cytoscape({
      container,
      style: styles(),
      minZoom: 0.05,
      maxZoom: 3,
      boxSelectionEnabled: false,
      autounselectify: true,
      // while panning or zooming, move a snapshot instead of redrawing 500 labels
      textureOnViewport: true,
      hideEdgesOnViewport: true,
    });
    this.overview = new Overview(overview, this.cy);
    this.cy.on("tap", "node", (event) => {
      const node = event.target;
      if (node.hasClass("collapsed") || node.isParent()) this.onToggleGroup(node.data("section"));
      else this.onPick(node.id());
    });
    this.cy.on("mouseover", "node", (event) => this.hint(event.target));
    this.cy.on("mouseout", "node", () => (this.tooltip.hidden = true));
    this.cy.on("viewport", () => (this.tooltip.hidden = true));
    goTo.addEventListener("change", () => goTo.value && this.onPick(goTo.value));
  }

  /** The full text of a claim (or a group's size) beside the pointer. */
  hint(node) {
    const text = node.isParent() ? `${node.data("label")}: click to collapse` : node.data("text");
    if (!text) return;
    const at = node.renderedPosition();
    this.tooltip.textContent = text;
    this.tooltip.hidden = false;
    const width = this.container.clientWidth;
    this.tooltip.style.left = `${Math.max(4, Math.min(at.x - 140, width - 290))}px`;
    this.tooltip.style.top = `${Math.max(4, at.y + node.renderedHeight() / 2 + 6)}px`;
  }

  /**
   * The neighbourhood of `claim` (its detail): `dependencies` and `dependents` walks,
   * direct attackers and attacked claims, and every link of `map` among them.
   */
  neighbourhood(claim, dependencies, dependents, map, basis) {
    const known = new Map(map ? map.claims.map((c) => [c.id, c]) : []);
    const nodes = new Map([[claim.id, { ...claim, ...known.get(claim.id) }]]);
    const add = (id, fallback) => nodes.has(id) || nodes.set(id, { ...fallback, ...known.get(id) });
    for (const reached of [...dependencies.claims, ...dependents.claims]) {
      add(reached.claim_id, { id: reached.claim_id, text: reached.text, type: reached.type });
    }
    for (const link of [...claim.attacks, ...claim.attacked_by]) {
      add(link.claim_id, { id: link.claim_id, text: link.text });
    }
    const edges = new Map();
    for (const link of map ? map.links : []) {
      if (nodes.has(link.from_id) && nodes.has(link.to_id)) edges.set(link.link_id, link);
    }
    // Links asserted by other sources still show along the walks' steps (`via`).
    const walked = (walk, upstream) => {
      for (const reached of walk.claims) {
        const step = reached.via;
        const [from, to] = upstream
          ? [reached.claim_id, step.claim_id]
          : [step.claim_id, reached.claim_id];
        if (!edges.has(step.link_id)) {
          edges.set(step.link_id, {
            link_id: step.link_id, kind: step.kind, basis: step.basis, from_id: from, to_id: to,
          });
        }
      }
    };
    walked(dependencies, true);
    walked(dependents, false);
    const links = [...edges.values()].filter((l) => !l.basis || basis.includes(l.basis));
    const elements = [
      ...[...nodes.values()].map((c) => ({
        ...claimNode(c),
        classes: c.id === claim.id ? "selected" : "",
      })),
      ...links.map(edge),
    ];
    this.draw(elements, { selectedId: claim.id, claims: nodes.size, links, rankDir: "TB" });
    this.caption.textContent =
      `${this.describe(nodes.size, links)} Premises above, dependents below. ` +
      "Drag to pan, scroll or the buttons to zoom, click a claim to open it.";
    this.fillGoTo([...nodes.values()]);
  }

  /**
   * A source's whole argument map: each section (from the source's spans) a box, sections of
   * more than `COLLAPSE_AT` claims one node unless `expanded` (section -> open) says otherwise; wider = more rests on it.
   */
  whole(map, source, { selectedId, basis, expanded }) {
    const placed = new Map(); // claim id -> {section, start}: where the text first asserts it
    for (const span of source.spans) {
      if (span.kind !== "claim") continue;
      const before = placed.get(span.target_id);
      if (!before || span.start < before.start) {
        placed.set(span.target_id, { section: span.section || "", start: span.start });
      }
    }
    const sections = new Map();
    for (const claim of map.claims) {
      const section = placed.get(claim.id)?.section ?? "";
      if (!sections.has(section)) sections.set(section, []);
      sections.get(section).push(claim);
    }
    const order = (claims) => Math.min(...claims.map((c) => placed.get(c.id)?.start ?? Infinity));
    const groups = [...sections.entries()].sort((a, b) => order(a[1]) - order(b[1]));
    const collapsed = new Set(
      groups
        .filter(([name, claims]) => !(expanded.get(name) ?? claims.length <= COLLAPSE_AT))
        .map(([name]) => name),
    );
    const nodeOf = new Map(); // claim id -> the node drawing it (itself or its collapsed group)
    const links = map.links.filter((l) => !l.basis || basis.includes(l.basis));
    const outgoing = new Set(links.filter((l) => l.kind !== "attacks").map((l) => l.from_id));
    const incoming = new Set(links.filter((l) => l.kind !== "attacks").map((l) => l.to_id));
    const elements = [];
    for (const [name, claims] of groups) {
      const id = `group:${name}`;
      const label = `${sectionName(name)} (${claims.length} claims)`;
      if (collapsed.has(name)) {
        elements.push({
          group: "nodes",
          data: { id, section: name, label: `${label}: click to expand`, text: label, w: 240, h: 64 },
          classes: "collapsed",
        });
        for (const c of claims) nodeOf.set(c.id, id);
        continue;
      }
      // (a box's size follows its claims; w and h only keep the mapped style quiet)
      elements.push({ group: "nodes", data: { id, section: name, label, w: 1, h: 1 } });
      for (const c of claims) {
        nodeOf.set(c.id, c.id);
        const conclusion = incoming.has(c.id) && !outgoing.has(c.id);
        const classes = [c.id === selectedId && "selected", conclusion && "conclusion"];
        elements.push({
          ...claimNode(c, { parent: id, weight: c.direct_dependents || 0 }),
          classes: classes.filter(Boolean).join(" "),
        });
      }
    }
    // Links into or out of a collapsed section are bundled: one edge per pair and kind.
    const drawn = new Map();
    for (const l of links) {
      const [from, to] = [nodeOf.get(l.from_id), nodeOf.get(l.to_id)];
      if (!from || !to || from === to) continue;
      const key = from === l.from_id && to === l.to_id ? l.link_id : `${from}>${to}>${l.kind}`;
      const seen = drawn.get(key);
      if (seen) seen.count += 1;
      else drawn.set(key, { ...l, link_id: key, from_id: from, to_id: to, count: 1, map: true });
    }
    elements.push(...[...drawn.values()].map(edge));
    this.draw(elements, { selectedId, claims: map.claims.length, links, layout: structural });
    this.container.dataset.groups = String(groups.length);
    this.container.dataset.collapsed = String(collapsed.size);
    this.caption.textContent =
      `${this.describe(map.claims.length, links)} ${groups.length} sections` +
      (collapsed.size ? `, ${collapsed.size} collapsed (click one to expand)` : "") +
      ". Conclusions on top (double border), premises below; wider claims carry more.";
    this.fillGoTo(map.claims);
    return groups.map(([name, claims]) => ({
      name, label: sectionName(name), size: claims.length, collapsed: collapsed.has(name),
    }));
  }

  /** Two sources: the claims both assert, and each one's attacks on the other's claims. */
  compare(agreement) {
    const nodes = new Map();
    const put = (id, text, type, side) => {
      const had = nodes.get(id);
      nodes.set(id, { id, text, type, side: had && had.side !== side ? "both" : side });
    };
    for (const c of agreement.agree) put(c.claim_id, c.text, c.type, "both");
    const a = agreement.source_a.id;
    const links = [];
    for (const attack of [...agreement.a_attacks_b, ...agreement.b_attacks_a]) {
      const side = attack.source_id === a ? "a" : "b";
      put(attack.attacker_id, attack.attacker_text, "", side);
      put(attack.target_id, attack.target_text, "", side === "a" ? "b" : "a");
      links.push({
        link_id: attack.link_id, kind: "attacks", from_id: attack.attacker_id,
        to_id: attack.target_id,
      });
    }
    const elements = [...[...nodes.values()].map((c) => claimNode(c, { side: c.side })), ...links.map(edge)];
    this.draw(elements, { claims: nodes.size, links, rankDir: "LR" });
    this.caption.textContent =
      `${nodes.size} claims: purple both sources assert, blue only ${a}'s, orange only ` +
      `${agreement.source_b.id}'s; red dashed arrows are attacks.`;
    this.fillGoTo([...nodes.values()]);
  }

  describe(count, links) {
    const n = (kind) => links.filter((l) => l.kind === kind).length;
    return `${count} claims · ${n("supports")} supports, ${n("attacks")} attacks, ${n("causal")} causal links.`;
  }

  fillGoTo(claims) {
    const sorted = [...claims].sort((a, b) => (a.text || "").localeCompare(b.text || ""));
    this.goTo.replaceChildren(
      new Option(`Go to one of these ${claims.length} claims…`, ""),
      ...sorted.map((c) => new Option(short(c.text || c.id), c.id)),
    );
  }

  /** Replace the drawing; records what was drawn and how long it took (data-* attributes). */
  draw(elements, { selectedId = null, claims, rankDir = "TB", layout = layered }) {
    const started = performance.now();
    this.tooltip.hidden = true;
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(elements);
    });
    layout(this.cy, rankDir);
    const laidOut = performance.now();
    this.selectedId = selectedId;
    this.fit();
    const data = this.container.dataset;
    data.nodes = String(this.cy.nodes().not(":parent").length);
    data.claims = String(claims);
    data.edges = String(this.cy.edges().length);
    data.drawn = "pending";
    data.layoutMs = String(Math.round(laidOut - started));
    // Drawn once the browser has painted the frame after the layout.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        data.drawMs = String(Math.round(performance.now() - started));
        data.drawnAt = String(Math.round(performance.now())); // since the page began loading
        data.drawn = "yes";
      }),
    );
  }

  /**
   * Fit everything, but never below readable labels: then show a readable region (around the
   * selected claim, else the top of the graph) and the overview to find the rest.
   */
  fit() {
    this.cy.resize();
    this.cy.fit(undefined, 20);
    const fits = this.cy.zoom() >= READABLE_ZOOM;
    if (!fits) {
      const node = this.selectedId ? this.cy.getElementById(this.selectedId) : null;
      const box = this.cy.elements().boundingBox();
      const zoom = READABLE_ZOOM;
      this.cy.zoom(zoom);
      if (node && node.nonempty()) {
        const at = node.position();
        const { clientWidth: width, clientHeight: height } = this.container;
        this.cy.pan({ x: width / 2 - at.x * zoom, y: height / 2 - at.y * zoom });
      } else {
        // where reading starts: the top left (the first section of a map)
        this.cy.pan({ x: 20 - box.x1 * zoom, y: 20 - box.y1 * zoom });
      }
    }
    this.overview.show(!fits);
    this.container.dataset.zoom = this.cy.zoom().toFixed(3);
    this.container.dataset.fits = fits ? "yes" : "no";
  }

  zoomBy(factor) {
    const center = { x: this.container.clientWidth / 2, y: this.container.clientHeight / 2 };
    this.cy.zoom({ level: this.cy.zoom() * factor, renderedPosition: center });
  }

  panBy(dx, dy) {
    this.cy.panBy({ x: dx, y: dy });
  }
}
