// The graph pane's controls (depth, link basis, whole map, zoom, section groups) and what it
// draws for a route: a claim's neighbourhood, a source's whole map, or two sources compared.
// The graph library is loaded on first use with a dynamic import, so the rest of the page
// works even where `make install` has not copied it into web/vendor/. A drawing is kept
// while only the layout changes (panel hidden, list shown and back), so zoom and pan stay.

import { clear, el, getJSON, seg } from "./common.js";
import { BASES } from "./route.js";

const $ = (id) => document.getElementById(id);
const PAN_STEP = 60;
const DEPTH_STEPS = { 1: 1, 2: 2, 3: 3, all: 50 };

export class GraphPanel {
  /** `navigate(changes)` updates the route; `sources` loads a source's detail (cached). */
  constructor({ onPick, onError, navigate, sources }) {
    this.onPick = onPick;
    this.onError = onError;
    this.navigate = navigate;
    this.sources = sources;
    this.view = null; // the GraphView, once loaded
    this.current = null; // {claim, dependencies, dependents}
    this.maps = new Map(); // source id -> promise of its argument map
    this.expanded = new Map(); // source id -> Map(section -> true if open), the reader's choices
    this.drawnKey = null;
    $("graph-depth").addEventListener("change", () => this.navigate({ depth: $("graph-depth").value }));
    for (const basis of BASES) {
      $(`basis-${basis}`).addEventListener("change", () =>
        this.navigate({ basis: BASES.filter((b) => $(`basis-${b}`).checked) }),
      );
    }
    $("zoom-in").addEventListener("click", () => this.view?.zoomBy(1.25));
    $("zoom-out").addEventListener("click", () => this.view?.zoomBy(0.8));
    $("zoom-fit").addEventListener("click", () => this.view?.fit());
    $("graph-canvas").addEventListener("keydown", (event) => this.key(event));
  }

  /** Show `route`'s controls as set (the URL is the truth). */
  sync(route) {
    $("graph-depth").value = route.depth;
    $("graph-depth").disabled = route.view !== "graph";
    for (const basis of BASES) $(`basis-${basis}`).checked = route.basis.includes(basis);
    $("graph-whole").checked = route.view === "map";
  }

  /** Forget cached argument maps and drawings (statuses change after a write). */
  invalidate() {
    this.maps.clear();
    this.drawnKey = null;
  }

  /** The selected claim's detail and walks, for the neighbourhood view. */
  setClaim(claim, dependencies, dependents) {
    this.current = claim ? { claim, dependencies, dependents } : null;
  }

  map(sourceId) {
    if (!this.maps.has(sourceId)) {
      const loading = getJSON(`/sources/${seg(sourceId)}/argument-map`);
      this.maps.set(sourceId, loading);
      loading.catch(() => this.maps.delete(sourceId));
    }
    return this.maps.get(sourceId);
  }

  async load() {
    if (this.view) return this.view;
    try {
      const { GraphView } = await import("./graph.js");
      this.view = new GraphView({
        container: $("graph-canvas"),
        caption: $("graph-caption"),
        goTo: $("graph-goto"),
        overview: $("graph-overview"),
        tooltip: $("graph-tooltip"),
        onPick: this.onPick,
        onToggleGroup: (section) => this.toggleGroup(section),
      });
    } catch (error) {
      $("graph-caption").textContent =
        "The graph library is not installed (run `make install`); the list view still works.";
      throw error;
    }
    return this.view;
  }

  /** Draw what `route` asks for, unless it is already drawn (then only resize). */
  async show(route) {
    const sourceId = route.source;
    this.lastRoute = route;
    const expanded = [...(this.expanded.get(sourceId) || new Map()).entries()].sort();
    const key = JSON.stringify({
      view: route.view, claim: route.view === "map" ? route.claim : this.current?.claim.id,
      depth: route.depth, basis: route.basis, source: sourceId, compare: route.compare, expanded,
    });
    try {
      const view = await this.load();
      if (key === this.drawnKey) {
        view.cy.resize();
        return;
      }
      if (route.compare) {
        const [a, b] = route.compare;
        const agreement = await getJSON(`/sources/${seg(a)}/agreement/${seg(b)}`);
        view.compare(agreement);
        this.groups(null, []);
      } else if (route.view === "map" && sourceId) {
        const [map, source] = await Promise.all([this.map(sourceId), this.sources.load(sourceId)]);
        const groups = view.whole(map, source, {
          selectedId: route.claim, basis: route.basis, expanded: this.expanded.get(sourceId) || new Map(),
        });
        this.groups(sourceId, groups);
      } else if (this.current) {
        const { claim, dependencies, dependents } = this.current;
        const first = claim.assertions.length ? claim.assertions[0].source_id : null;
        const map = first ? await this.map(first) : null;
        if (this.current?.claim !== claim) return; // a newer selection won
        const depth = DEPTH_STEPS[route.depth];
        const near = (walk) => ({ ...walk, claims: walk.claims.filter((c) => c.distance <= depth) });
        view.neighbourhood(claim, near(dependencies), near(dependents), map, route.basis);
        this.groups(null, []);
      } else {
        return;
      }
      this.drawnKey = key;
    } catch (error) {
      this.onError(error);
    }
  }

  /** Buttons to expand or collapse each section of the whole map (the keyboard's way in). */
  groups(sourceId, groups) {
    const box = $("graph-groups");
    const big = groups.filter((g) => g.size > 1);
    $("groups-box").hidden = !sourceId || big.length === 0;
    if ($("groups-box").hidden) {
      clear(box);
      return;
    }
    const button = (g) =>
      el("button", {
        type: "button",
        class: "secondary small-button",
        "aria-pressed": String(!g.collapsed),
        "data-section": g.name,
        onclick: () => this.toggleGroup(g.name),
        text: `${g.label} (${g.size})`,
      });
    const all = (open) =>
      el("button", {
        type: "button",
        class: "secondary small-button",
        id: open ? "groups-expand" : "groups-collapse",
        onclick: () => this.setGroups(groups.map((g) => g.name), open),
        text: open ? "Expand all" : "Collapse all",
      });
    clear(
      box,
      el("span", { class: "small muted", text: "Pressed = expanded: " }),
      big.map(button),
      all(true),
      all(false),
    );
  }

  /** Open or close every section of `names` at once. */
  setGroups(names, open) {
    const route = this.lastRoute;
    const state = this.expanded.get(route.source) || new Map();
    for (const name of names) state.set(name, open);
    this.expanded.set(route.source, state);
    this.show(route);
  }

  toggleGroup(section) {
    const route = this.lastRoute;
    if (!route || route.view !== "map" || section === undefined) return;
    const open = this.expanded.get(route.source) || new Map();
    const group = $("graph-groups").querySelector(`[data-section="${CSS.escape(section)}"]`);
    open.set(section, group ? group.getAttribute("aria-pressed") === "false" : true);
    this.expanded.set(route.source, open);
    this.show(route);
  }

  /** Arrow keys pan, + and - zoom, 0 fits: the canvas is usable without a mouse. */
  key(event) {
    if (!this.view) return;
    const moves = {
      ArrowLeft: [PAN_STEP, 0],
      ArrowRight: [-PAN_STEP, 0],
      ArrowUp: [0, PAN_STEP],
      ArrowDown: [0, -PAN_STEP],
    };
    if (moves[event.key]) this.view.panBy(...moves[event.key]);
    else if (event.key === "+" || event.key === "=") this.view.zoomBy(1.25);
    else if (event.key === "-") this.view.zoomBy(0.8);
    else if (event.key === "0") this.view.fit();
    else return;
    event.preventDefault();
  }
}
