// The reviewed draft as an annotation file: accepted items without their `draft` mark,
// undecided ones still marked (kb import refuses them until reviewed), rejected ones left
// out with whatever joined them (a link from a rejected claim). Written as YAML by a small
// emitter: strings are double-quoted (JSON's escapes are YAML's) or, when they span lines,
// literal blocks, so every quote and the text survive byte for byte.

export const COLLECTIONS = ["actors", "topics", "claims", "links", "causal_links"];
const KIND_OF = { actors: "actor", topics: "topic", claims: "claim", links: "link", causal_links: "causal_link" };

/** The draft's items: {key, kind, collection, index, data, decision: "undecided"}. */
export function itemsOf(document) {
  const items = [];
  for (const collection of COLLECTIONS) {
    (document[collection] || []).forEach((data, index) => {
      items.push({ key: `${collection}-${index}`, kind: KIND_OF[collection], collection, index, data: { ...data }, decision: "undecided" });
    });
  }
  return items;
}

/** The annotation document after review. */
export function reviewed(document, items) {
  const out = {};
  for (const [name, value] of Object.entries(document)) {
    if (!COLLECTIONS.includes(name)) out[name] = value;
  }
  const gone = new Set(); // ids of rejected items
  for (const item of items) {
    if (item.decision === "rejected" && item.data.id) gone.add(item.data.id);
  }
  for (const collection of COLLECTIONS) {
    const kept = [];
    for (const item of items.filter((i) => i.collection === collection)) {
      if (item.decision === "rejected" || joinsGone(item.data, gone)) continue;
      const data = { ...item.data };
      if (item.decision === "accepted") delete data.draft;
      if (Array.isArray(data.about)) data.about = data.about.filter((a) => !gone.has(a.actor));
      if (Array.isArray(data.topics)) data.topics = data.topics.filter((t) => !gone.has(t));
      kept.push(data);
    }
    if (kept.length || document[collection]) out[collection] = kept;
  }
  return out;
}

function joinsGone(data, gone) {
  return [data.from, data.to, data.cause, data.effect].some((end) => end && gone.has(end));
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Characters a literal block cannot carry as they are (YAML 1.1 line breaks, controls, BOM).
const NOT_LITERAL = /[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

/** `value` as a YAML document. */
export function toYaml(value) {
  return `${block(value, "").join("\n")}\n`;
}

function scalar(value) {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean" || typeof value === "number") return String(value);
  return JSON.stringify(String(value));
}

function isScalar(value) {
  return value === null || typeof value !== "object";
}

function key(name) {
  return PLAIN_KEY.test(name) ? name : JSON.stringify(name);
}

function literal(text, indent) {
  if (!text.includes("\n") || NOT_LITERAL.test(text)) return null;
  const trailing = text.match(/\n*$/)[0].length;
  const chomp = trailing === 0 ? "-" : trailing === 1 ? "" : "+";
  const pad = `${indent}  `;
  const body = text.endsWith("\n") ? text.slice(0, -1) : text;
  const lead = /^[ \n]/.test(text) ? "2" : ""; // an indentation indicator when it starts blank
  const lines = body.split("\n").map((line) => (line ? pad + line : ""));
  return [`|${lead}${chomp}`, ...lines];
}

/** The lines of a mapping or sequence at `indent`. */
function block(value, indent) {
  if (Array.isArray(value)) {
    if (!value.length) return [`${indent}[]`];
    const lines = [];
    for (const item of value) {
      if (isScalar(item)) lines.push(`${indent}- ${scalar(item)}`);
      else if (Array.isArray(item) || !Object.keys(item).length) lines.push(`${indent}- ${inline(item)}`);
      else {
        const inner = block(item, `${indent}  `);
        lines.push(`${indent}- ${inner[0].trimStart()}`, ...inner.slice(1));
      }
    }
    return lines;
  }
  const lines = [];
  for (const [name, item] of Object.entries(value)) {
    const head = `${indent}${key(name)}:`;
    if (typeof item === "string") {
      const text = literal(item, indent);
      if (text) lines.push(`${head} ${text[0]}`, ...text.slice(1));
      else lines.push(`${head} ${scalar(item)}`);
    } else if (isScalar(item)) lines.push(`${head} ${scalar(item)}`);
    else if (Array.isArray(item) ? !item.length : !Object.keys(item).length) lines.push(`${head} ${inline(item)}`);
    else lines.push(head, ...block(item, `${indent}  `));
  }
  return lines;
}

function inline(value) {
  if (isScalar(value)) return scalar(value);
  if (Array.isArray(value)) return `[${value.map(inline).join(", ")}]`;
  return `{${Object.entries(value).map(([k, v]) => `${key(k)}: ${inline(v)}`).join(", ")}}`;
}
