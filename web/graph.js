// The graph view: the selected claim's neighbourhood (what it rests on above,
// what rests on it below) or the source's whole argument map, drawn with
// cytoscape.js and laid out in layers by dagre. Both libraries come from npm
// (web/package.json) and are copied into web/vendor/ by `make install`.
//
// The list view beside it stays the accessible alternative; here the nodes
// are also reachable from a <select> ("Go to"), and zoom has buttons.

import cytoscape from "./vendor/cytoscape.esm.min.mjs";
import dagre from "./vendor/cytoscape-dagre.min.mjs";

cytoscape.use(dagre);

const LABEL_CHARS = 70;

// Fills by claim type: the explorer's badge colours (dark text on light fills, > 7:1).
const TYPE_FILL = {
  factual: "#dbeafe",
  causal: "#e0e7ff",
  interpretive: "#f3e8ff",
  predictive: "#ccfbf1",
  normative: "#fce7f3",
  reported_speech: "#fef3c7",
};

// Borders by evidence status; standing adds an outline.
const STYLE = [
  {
    selector: "node",
    style: {
      shape: "round-rectangle",
      width: (node) => 170 + 14 * Math.min(node.data("weight"), 8),
      height: (node) => 14 * Math.ceil(node.data("label").length / 27) + 6,
      padding: 6,
      label: "data(label)",
      "text-wrap": "wrap",
      "text-max-width": 160,
      "text-valign": "center",
      "font-size": 11,
      "font-family": "system-ui, sans-serif",
      color: "#1b1f24",
      "background-color": "#e6e8ec",
      "border-width": 2,
      "border-color": "#6b7280",
    },
  },
  ...Object.entries(TYPE_FILL).map(([type, fill]) => ({
    selector: `node[type = "${type}"]`,
    style: { "background-color": fill },
  })),
  { selector: 'node[status = "supported"]', style: { "border-width": 4, "border-color": "#15803d" } },
  { selector: 'node[status = "refuted"]', style: { "border-width": 4, "border-color": "#b91c1c" } },
  {
    selector: 'node[status = "contested"]',
    style: { "border-width": 4, "border-color": "#c2410c", "border-style": "dashed" },
  },
  {
    selector: 'node[standing = "undermined"]',
    style: { "outline-width": 4, "outline-color": "#7f1d1d", "outline-offset": 2 },
  },
  {
    selector: 'node[standing = "weakened"]',
    style: { "outline-width": 3, "outline-color": "#c2410c", "outline-offset": 2 },
  },
  {
    selector: "node.selected",
    style: { "border-width": 5, "border-color": "#0b5cd5", "font-weight": "bold" },
  },
  {
    selector: "edge",
    style: {
      width: 2,
      "curve-style": "bezier",
      "target-arrow-shape": "triangle",
      "line-color": "#4f5661",
      "target-arrow-color": "#4f5661",
      "arrow-scale": 1.1,
    },
  },
  {
    selector: 'edge[kind = "causal"]',
    style: {
      "line-color": "#1d4ed8",
      "target-arrow-color": "#1d4ed8",
      "target-arrow-shape": "vee",
      width: 3,
    },
  },
  {
    selector: 'edge[kind = "attacks"]',
    style: {
      "line-color": "#b91c1c",
      "target-arrow-color": "#b91c1c",
      "target-arrow-shape": "tee",
      "line-style": "dashed",
    },
  },
  // Where a link comes from (docs/curation.md): the text's own connective is a
  // solid line, the text's structure long dashes, the curator's inference dots.
  { selector: 'edge[basis = "structure"]', style: { "line-style": "dashed", "line-dash-pattern": [9, 4] } },
  { selector: 'edge[basis = "curator"]', style: { "line-style": "dotted", opacity: 0.8 } },
  { selector: 'edge[status = "refuted"]', style: { "line-style": "dotted", width: 4 } },
];

const short = (text) => (text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text);

/** One graph canvas; `onPick(claimId)` when a node is clicked or chosen. */
export class GraphView {
  constructor({ container, caption, goTo, onPick }) {
    this.container = container;
    this.caption = caption;
    this.goTo = goTo;
    this.onPick = onPick;
    this.cy = cytoscape({
      container,
      style: STYLE,
      minZoom: 0.1,
      maxZoom: 3,
      boxSelectionEnabled: false,
      autounselectify: true,
    });
    this.cy.on("tap", "node", (event) => this.onPick(event.target.id()));
    goTo.addEventListener("change", () => goTo.value && this.onPick(goTo.value));
  }

  /**
   * The neighbourhood of `claim` (its detail): `dependencies` and `dependents` walks,
   * direct attackers and attacked claims, and every link of `map` among them.
   */
  neighbourhood(claim, dependencies, dependents, map) {
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
    this.draw([...nodes.values()], [...edges.values()], claim.id);
  }

  /** The whole argument map of a source, with `selectedId` marked; wider = more rests on it. */
  whole(map, selectedId) {
    this.draw(map.claims, map.links, selectedId, true);
  }

  draw(claims, links, selectedId, sized = false) {
    const elements = [
      ...claims.map((c) => ({
        group: "nodes",
        data: {
          id: c.id,
          label: short(c.text || c.id),
          type: c.type || "",
          status: c.status || "unverified",
          standing: c.standing || "intact",
          weight: sized ? c.direct_dependents || 0 : 0,
        },
        classes: c.id === selectedId ? "selected" : "",
      })),
      ...links.map((l) => ({
        group: "edges",
        data: {
          id: l.link_id,
          source: l.from_id,
          target: l.to_id,
          kind: l.kind,
          basis: l.basis || "",
          status: l.status || "",
        },
      })),
    ];
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(elements);
    });
    // Attacks cross the layers, so only support and causal links rank the nodes.
    this.cy
      .elements()
      .not('edge[kind = "attacks"]')
      .layout({ name: "dagre", rankDir: "TB", nodeSep: 18, rankSep: 45, animate: false })
      .run();
    this.fit(selectedId);
    // What was drawn, for tests and for anyone inspecting the page.
    this.container.dataset.nodes = String(this.cy.nodes().length);
    this.container.dataset.edges = String(this.cy.edges().length);
    const count = (kind) => links.filter((l) => l.kind === kind).length;
    this.caption.textContent =
      `${claims.length} claims · ${count("supports")} supports, ${count("attacks")} attacks, ` +
      `${count("causal")} causal links. Drag to pan, scroll or the buttons to zoom, ` +
      "click a claim to open it.";
    const sorted = [...claims].sort((a, b) => (a.text || "").localeCompare(b.text || ""));
    this.goTo.replaceChildren(
      new Option(`Go to one of these ${claims.length} claims…`, ""),
      ...sorted.map((c) => new Option(short(c.text || c.id), c.id)),
    );
  }

  /**
   * Fit everything, but never so small that labels are unreadable: then zoom to a readable
   * level with the selected claim centred across and what it rests on visible above it.
   */
  fit(selectedId) {
    this.cy.resize();
    this.cy.fit(undefined, 20);
    const node = selectedId ? this.cy.getElementById(selectedId) : null;
    if (this.cy.zoom() >= 0.45 || !node || node.empty()) return;
    const zoom = 0.6;
    const box = this.cy.elements().boundingBox();
    const at = node.position();
    const y = Math.min(20 + (at.y - box.y1) * zoom, this.container.clientHeight / 2);
    this.cy.zoom(zoom);
    this.cy.pan({ x: this.container.clientWidth / 2 - at.x * zoom, y: y - at.y * zoom });
  }

  zoomBy(factor) {
    const center = { x: this.container.clientWidth / 2, y: this.container.clientHeight / 2 };
    this.cy.zoom({ level: this.cy.zoom() * factor, renderedPosition: center });
  }

  panBy(dx, dy) {
    this.cy.panBy({ x: dx, y: dy });
  }
}
