// The view in the URL hash, so any picture can be linked to and Back/Forward restore it:
//   #claim=<id>&view=list|graph&depth=1|2|3|all&basis=<b1,b2>&source=<id>
//   #source=<id>&view=map            a source's whole argument map
//   #compare=<a>,<b>                 two sources side by side

export const VIEWS = ["list", "graph", "map"];
export const DEPTHS = ["1", "2", "3", "all"];
export const BASES = ["connective", "structure", "curator"];

const DEFAULTS = { view: "list", depth: "2", basis: BASES };

/** The route in `hash` as {claim, source, compare: [a, b] | null, view, depth, basis}. */
export function parseRoute(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const pick = (name, allowed, fallback) =>
    allowed.includes(params.get(name)) ? params.get(name) : fallback;
  const compare = (params.get("compare") || "").split(",").filter(Boolean);
  const basis = (params.get("basis") || "").split(",").filter((b) => BASES.includes(b));
  const route = {
    claim: params.get("claim") || null,
    source: params.get("source") || null,
    compare: compare.length === 2 ? compare : null,
    view: pick("view", VIEWS, DEFAULTS.view),
    depth: pick("depth", DEPTHS, DEFAULTS.depth),
    basis: basis.length ? basis : DEFAULTS.basis,
  };
  if (route.view === "map" && !route.source) route.view = route.claim ? "graph" : "list";
  return route;
}

/** The hash for `route`; defaults are left out so plain links stay short (#claim=<id>). */
export function formatRoute(route) {
  const parts = [];
  const put = (name, value) => parts.push(`${name}=${encodeURIComponent(value)}`);
  if (route.compare) {
    parts.push(`compare=${route.compare.map(encodeURIComponent).join(",")}`);
    return `#${parts.join("&")}`;
  }
  if (route.claim) put("claim", route.claim);
  if (route.source) put("source", route.source);
  if (route.view !== DEFAULTS.view) put("view", route.view);
  if (route.depth !== DEFAULTS.depth && route.view === "graph") put("depth", route.depth);
  const basis = BASES.filter((b) => route.basis.includes(b));
  if (basis.length !== BASES.length) parts.push(`basis=${basis.join(",")}`);
  return parts.length ? `#${parts.join("&")}` : "";
}
