// Shared helpers: building DOM safely and calling the JSON API.
// Every piece of API data reaches the page through textContent or an
// attribute, never through HTML parsing.

export const API = "/api/v1";

/** An element with attributes (`class`, `text`, `on*` handlers, others as attributes). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Remove every child of `node` (and optionally append new ones). */
export function clear(node, ...children) {
  node.replaceChildren(...children.flat().filter((child) => child));
  return node;
}

/** A small coloured label; the colour comes from a CSS class per value. */
export function badge(value, title) {
  const slug = String(value).toLowerCase().replace(/[^a-z_]/g, "");
  return el("span", { class: `badge badge-${slug}`, title, text: String(value).replace("_", " ") });
}

export const STATUS_HELP = {
  unverified: "No supporting or refuting evidence attached yet",
  supported: "Evidence supports it (or clearly outweighs refutation)",
  refuted: "Evidence refutes it (or clearly outweighs support)",
  contested: "Evidence on both sides, neither clearly outweighs",
  intact: "Nothing it rests on is refuted",
  weakened: "Still stands, but something it rests on is refuted",
  undermined: "Every line of support runs through something refuted",
};

/**
 * An error the API answered with (RFC 9457 problem details) or a network failure.
 * `fields` maps each invalid field to its messages (the problem's `errors`, all locations).
 */
export class ApiError extends Error {
  constructor(message, status, fields = {}) {
    super(message);
    this.status = status;
    this.fields = fields;
  }
}

// The analyst's API key lives in sessionStorage: this tab only, gone when it closes.
const KEY_STORAGE = "kb-api-key";

export const apiKey = {
  get: () => sessionStorage.getItem(KEY_STORAGE) || "",
  set: (key) => sessionStorage.setItem(KEY_STORAGE, key),
  forget: () => sessionStorage.removeItem(KEY_STORAGE),
};

function headers(extra = {}) {
  const key = apiKey.get();
  return { Accept: "application/json", ...(key ? { Authorization: `Bearer ${key}` } : {}), ...extra };
}

const RETRIES = 2; // a read answered 503 (database busy) is tried again, as the API invites

async function call(url, init) {
  let response;
  try {
    response = await fetch(url, init);
    for (let attempt = 0; attempt < RETRIES && response.status === 503 && !init.method; attempt += 1) {
      const wait = Math.min(Number(response.headers.get("Retry-After")) || 1, 2);
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      response = await fetch(url, init);
    }
  } catch (error) {
    throw new ApiError(`Cannot reach the server (${error.message}).`, 0);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const detail = body && (body.detail || body.title);
    const fields = {};
    for (const located of Object.values((body && body.errors) || {})) {
      if (located && typeof located === "object") Object.assign(fields, located);
    }
    throw new ApiError(detail || `The server answered ${response.status}.`, response.status, fields);
  }
  return body;
}

/** GET `API + path` with query `params` (empty values dropped); resolves to parsed JSON. */
export async function getJSON(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, String(value));
  }
  const qs = query.toString();
  return call(API + path + (qs ? `?${qs}` : ""), { headers: headers() });
}

/** POST, PATCH or DELETE a JSON `body` to `API + path` with the analyst's key. */
export async function sendJSON(method, path, body) {
  return call(API + path, {
    method,
    headers: headers({ "Content-Type": "application/json" }),
    body: JSON.stringify(body),
  });
}

/** A path segment for an id (ids are slugs, but never trust that). */
export const seg = (id) => encodeURIComponent(id);
