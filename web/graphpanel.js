// The switch between the list view and the graph view of what rests on what,
// and the graph's controls (depth, whole map, zoom). The graph library is
// loaded on first use with a dynamic import, so the rest of the page works
// even where `make install` has not copied it into web/vendor/.

import { getJSON, seg } from "./common.js";

const $ = (id) => document.getElementById(id);
const PAN_STEP = 60;

export class GraphPanel {
  constructor({ onPick, onError }) {
    this.onPick = onPick;
    this.onError = onError;
    this.view = null; // the GraphView, once loaded
    this.current = null; // {claim, dependencies, dependents}
    this.maps = new Map(); // source id -> promise of its argument map
    $("view-list").addEventListener("click", () => this.switchTo(false));
    $("view-graph").addEventListener("click", () => this.switchTo(true));
    $("graph-depth").addEventListener("change", () => this.draw());
    $("graph-whole").addEventListener("change", () => this.draw());
    $("zoom-in").addEventListener("click", () => this.view?.zoomBy(1.25));
    $("zoom-out").addEventListener("click", () => this.view?.zoomBy(0.8));
    $("zoom-fit").addEventListener("click", () => this.view?.fit());
    $("graph-canvas").addEventListener("keydown", (event) => this.key(event));
  }

  get shown() {
    return !$("graph-view").hidden;
  }

  async switchTo(graph) {
    $("view-list").setAttribute("aria-pressed", String(!graph));
    $("view-graph").setAttribute("aria-pressed", String(graph));
    $("list-view").hidden = graph;
    $("graph-view").hidden = !graph;
    document.querySelector(".claim-pane").classList.toggle("graph-mode", graph);
    document.body.classList.toggle("graph-mode", graph); // the middle column widens
    if (graph) await this.draw();
  }

  /** Forget cached argument maps (statuses change after a write). */
  invalidate() {
    this.maps.clear();
  }

  /** The selected claim changed (or was refreshed): redraw if the graph is showing. */
  async update(claim, dependencies, dependents) {
    this.current = { claim, dependencies, dependents };
    if (this.shown) await this.draw();
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
        onPick: this.onPick,
      });
    } catch (error) {
      $("graph-caption").textContent =
        "The graph library is not installed (run `make install`); the list view still works.";
      throw error;
    }
    return this.view;
  }

  async draw() {
    if (!this.current) return;
    const { claim, dependencies, dependents } = this.current;
    try {
      const view = await this.load();
      const sourceId = claim.assertions.length ? claim.assertions[0].source_id : null;
      const map = sourceId ? await this.map(sourceId) : null;
      if (this.current.claim !== claim) return; // a newer selection won
      const whole = $("graph-whole").checked && map;
      $("graph-depth").disabled = Boolean(whole);
      if (whole) {
        view.whole(map, claim.id);
        return;
      }
      const depth = Number($("graph-depth").value);
      const near = (walk) => ({ ...walk, claims: walk.claims.filter((c) => c.distance <= depth) });
      view.neighbourhood(claim, near(dependencies), near(dependents), map);
    } catch (error) {
      this.onError(error);
    }
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
