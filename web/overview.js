// A small overview of the whole drawing with the visible region framed: shown when "fit"
// stops at readable labels and the graph is larger than the canvas. Click it to go there.

const BOX = { width: 180, height: 120 };
const NO_LABELS = { includeLabels: false, includeOverlays: false };

export class Overview {
  constructor(canvas, cy) {
    this.canvas = canvas;
    this.cy = cy;
    this.pending = false;
    canvas.width = BOX.width;
    canvas.height = BOX.height;
    cy.on("viewport render", () => this.schedule());
    canvas.addEventListener("click", (event) => this.goTo(event));
  }

  show(needed) {
    this.canvas.hidden = !needed;
    if (needed) this.schedule();
  }

  schedule() {
    if (this.canvas.hidden || this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.paint();
    });
  }

  /** Model coordinates -> overview pixels. */
  scale() {
    const box = this.cy.elements().boundingBox(NO_LABELS);
    const k = Math.min(BOX.width / (box.w || 1), BOX.height / (box.h || 1));
    return { box, k };
  }

  paint() {
    const context = this.canvas.getContext("2d");
    const { box, k } = this.scale();
    context.clearRect(0, 0, BOX.width, BOX.height);
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, BOX.width, BOX.height);
    for (const node of this.cy.nodes()) {
      const b = node.boundingBox(NO_LABELS);
      context.fillStyle = node.isParent() ? "#e5e7eb" : "#6b7280";
      context.fillRect((b.x1 - box.x1) * k, (b.y1 - box.y1) * k, Math.max(1, b.w * k), Math.max(1, b.h * k));
    }
    const view = this.cy.extent();
    context.strokeStyle = "#0b5cd5";
    context.lineWidth = 2;
    context.strokeRect((view.x1 - box.x1) * k, (view.y1 - box.y1) * k, view.w * k, view.h * k);
  }

  goTo(event) {
    const { box, k } = this.scale();
    const rect = this.canvas.getBoundingClientRect();
    const x = box.x1 + (event.clientX - rect.left) / k;
    const y = box.y1 + (event.clientY - rect.top) / k;
    const zoom = this.cy.zoom();
    const container = this.cy.container();
    this.cy.pan({ x: container.clientWidth / 2 - x * zoom, y: container.clientHeight / 2 - y * zoom });
  }
}
