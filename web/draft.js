// "Draft a source": paste or upload a text, POST it to /api/v1/drafts with the analyst's key,
// see the drafted spans highlighted by kind, accept, edit or reject each proposed item, and
// download the reviewed annotation file (draftfile.js) for `kb import`.

import "./palette.js";
import { initKeyForm, setKeyError } from "./analyst.js";
import { badge, clear, el, sendJSON } from "./common.js";
import { itemsOf, reviewed, toYaml } from "./draftfile.js";
import { renderHighlighted, renderLegend, spansOf } from "./draftspans.js";

const $ = (id) => document.getElementById(id);
const CLAIM_TYPES = ["factual", "causal", "interpretive", "predictive", "normative", "reported_speech"];
const state = { document: null, items: [] };

// --- drafting --------------------------------------------------------------

function showFormErrors(error) {
  for (const name of ["source_id", "title", "text"]) {
    const box = $(`draft-${name.replace("_", "-")}-error`);
    const control = document.querySelector(`#draft-form [name="${name}"]`);
    const messages = error && error.fields ? error.fields[name] : null;
    box.textContent = messages ? [].concat(messages).join(" ") : "";
    box.hidden = !messages;
    if (messages) control.setAttribute("aria-invalid", "true");
    else control.removeAttribute("aria-invalid");
  }
  $("draft-error").textContent = error ? error.message : "";
  if (error && (error.status === 401 || error.status === 403)) setKeyError(error.message);
}

async function draft(event) {
  event.preventDefault();
  const form = $("draft-form");
  const body = { source_id: form.source_id.value.trim(), text: form.text.value };
  if (form.title.value.trim()) body.title = form.title.value.trim();
  const button = $("draft-submit");
  button.disabled = true;
  $("draft-summary").textContent = "Drafting…";
  try {
    const document = await sendJSON("POST", "/drafts", body);
    showFormErrors(null);
    load(document);
    $("write-status").textContent = "Draft ready.";
  } catch (error) {
    showFormErrors(error);
    $("draft-summary").textContent = state.document ? summary() : "No draft yet.";
  } finally {
    button.disabled = false;
  }
}

async function upload() {
  const [file] = $("draft-file").files;
  if (!file) return;
  $("draft-text").value = await file.text();
  const idField = $("draft-source-id");
  if (!idField.value) idField.value = slug(file.name.replace(/\.[^.]*$/, ""));
}

const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);

// --- the draft on the page ---------------------------------------------------

function load(document) {
  state.document = document;
  state.items = itemsOf(document);
  $("accept-all").disabled = false;
  render();
}

function summary() {
  const count = (kind) => state.items.filter((i) => i.kind === kind).length;
  const decided = state.items.filter((i) => i.decision !== "undecided").length;
  return `${count("claim")} claims, ${count("link") + count("causal_link")} links, ${count("actor")} actors, ` +
    `${count("topic")} topics proposed; ${decided} of ${state.items.length} reviewed.`;
}

function render(focusKey = null) {
  const text = state.document.source.text || "";
  renderHighlighted($("draft-highlighted"), text, spansOf(text, state.items), pick);
  clear($("draft-items"), [...state.items].sort(byReviewOrder).map(card));
  $("draft-summary").textContent = summary();
  refreshDownload();
  if (focusKey) document.querySelector(`[data-card="${CSS.escape(focusKey)}"] .item-title`)?.focus();
}

// Claims and the links between them first: they are most of the review.
const REVIEW_ORDER = ["claim", "link", "causal_link", "actor", "topic"];
const byReviewOrder = (a, b) =>
  REVIEW_ORDER.indexOf(a.kind) - REVIEW_ORDER.indexOf(b.kind) || a.index - b.index;

/** A highlight was clicked: show its item. */
function pick(key) {
  const target = document.querySelector(`[data-card="${CSS.escape(key)}"]`);
  if (!target) return;
  for (const node of document.querySelectorAll(".draft-item.picked")) node.classList.remove("picked");
  target.classList.add("picked");
  target.scrollIntoView({ block: "nearest" });
  target.querySelector(".item-title").focus();
}

function describe(item) {
  const d = item.data;
  if (item.kind === "claim") return d.text || d.quote || d.ref;
  if (item.kind === "actor" || item.kind === "topic") return d.name || d.ref || d.id;
  if (item.kind === "link") return `${d.from} ${d.kind} ${d.to}`;
  return `${d.cause} causes ${d.effect}`;
}

function badges(item) {
  const d = item.data;
  return el(
    "span",
    { class: "badges" },
    badge(item.kind),
    d.type ? badge(d.type) : null,
    d.stance && d.stance !== "asserts" ? badge(d.stance) : null,
    d.kind && item.kind === "link" ? badge(d.kind) : null,
    d.marker ? el("span", { class: "badge", text: `“${d.marker}”` }) : null,
    d.ref ? el("span", { class: "badge", text: `existing: ${d.ref}` }) : null,
    el("span", { class: `badge decision-${item.decision}`, text: item.decision }),
  );
}

function card(item) {
  const d = item.data;
  const id = `card-${item.key}`;
  const decide = (decision) => () => {
    item.decision = item.decision === decision ? "undecided" : decision;
    render(item.key);
    $("write-status").textContent = `${item.kind} ${d.id || d.ref || ""} ${item.decision}.`;
  };
  const editor = editForm(item);
  const editButton = el("button", {
    type: "button", class: "secondary", "aria-expanded": "false", "aria-controls": `${id}-edit`, text: "Edit",
  });
  editButton.addEventListener("click", () => {
    editor.hidden = !editor.hidden;
    editButton.setAttribute("aria-expanded", String(!editor.hidden));
    if (!editor.hidden) editor.querySelector("input, textarea, select")?.focus();
  });
  return el(
    "li",
    {
      class: `draft-item decision-${item.decision}`,
      "data-card": item.key,
      "data-claim-id": item.kind === "claim" ? d.id || d.ref : null,
      id,
    },
    el("p", { class: "item-title", tabindex: "-1" }, el("span", { class: "strong", text: describe(item) })),
    badges(item),
    d.quote ? el("p", { class: "quote small" }, el("q", { text: d.quote })) : null,
    d.speaker ? el("p", { class: "small muted", text: `speaker: ${d.speaker} (${d.speaker_stance || "asserts"})` }) : null,
    matchList(item),
    el(
      "div",
      { class: "item-buttons", role: "group", "aria-label": `Review ${item.kind} ${d.id || d.ref || ""}` },
      el("button", { type: "button", class: "secondary accept", "aria-pressed": String(item.decision === "accepted"), onclick: decide("accepted"), text: "Accept" }),
      editButton,
      el("button", { type: "button", class: "secondary reject", "aria-pressed": String(item.decision === "rejected"), onclick: decide("rejected"), text: "Reject" }),
    ),
    editor,
  );
}

/** A drafted claim's likely existing claims, each with a button that reuses it. */
function matchList(item) {
  const matches = item.kind === "claim" && !item.data.ref ? item.data.matches || [] : [];
  if (!matches.length) return null;
  return el(
    "div",
    { class: "matches" },
    el("p", { class: "small muted", text: "Looks like existing claims:" }),
    el(
      "ul",
      { class: "small" },
      matches.map((match) =>
        el(
          "li",
          {},
          `${match.text} (${match.ref}, score ${Number(match.score).toFixed(2)}) `,
          el("button", {
            type: "button",
            class: "secondary use-match",
            "data-ref": match.ref,
            onclick: () => reuse(item, match.ref),
            text: "Use this claim",
          }),
        ),
      ),
    ),
  );
}

/** Reuse an existing claim: the item becomes a `ref:` with its own quote (and is accepted);
 * links that named the drafted claim now name the existing one. */
function reuse(item, ref) {
  const old = item.data.id;
  const keep = ["quote", "occurrence", "section", "stance", "speaker", "speaker_stance", "reporting", "also"];
  const data = { ref };
  for (const name of keep) if (item.data[name] !== undefined) data[name] = item.data[name];
  item.data = data;
  item.decision = "accepted";
  for (const other of state.items) {
    for (const end of ["from", "to", "cause", "effect"]) if (other.data[end] === old) other.data[end] = ref;
  }
  render(item.key);
  $("write-status").textContent = `Reusing ${ref}.`;
}

/** The fields an analyst most often corrects; saving an edit accepts the item. */
function editForm(item) {
  const d = item.data;
  const fields = [];
  const prefix = `edit-${item.key}`;
  const labelled = (name, label, control) => {
    control.id = `${prefix}-${name}`;
    control.name = name;
    fields.push(el("div", { class: "field" }, el("label", { for: control.id, text: label }), control));
  };
  if (item.kind === "claim" && !d.ref) {
    labelled("text", "Paraphrase", el("textarea", { rows: 2, text: d.text || "" }));
    labelled("type", "Type", el("select", {}, CLAIM_TYPES.map((t) => el("option", { value: t, text: t.replace("_", " "), selected: t === d.type }))));
  }
  if ((item.kind === "actor" || item.kind === "topic") && !d.ref) labelled("name", "Name", el("input", { value: d.name || "" }));
  if (item.kind === "link") {
    labelled("kind", "Kind", el("select", {}, ["supports", "attacks"].map((k) => el("option", { value: k, text: k, selected: k === d.kind }))));
  }
  if (!fields.length) fields.push(el("p", { class: "muted small", text: "Nothing to edit here: accept or reject it." }));
  const form = el("form", { class: "analyst-form edit-form", id: `card-${item.key}-edit`, hidden: true }, fields,
    el("button", { type: "submit", text: "Save and accept" }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    for (const control of form.querySelectorAll("input, textarea, select")) {
      if (control.value.trim()) item.data[control.name] = control.value.trim();
    }
    item.decision = "accepted";
    render(item.key);
    $("write-status").textContent = "Edited and accepted.";
  });
  return form;
}

function refreshDownload() {
  const link = $("draft-download");
  const file = toYaml(reviewed(state.document, state.items));
  // A data: URL (not a blob:), so the file is also readable where the page's CSP allows no fetch.
  link.href = `data:application/yaml;charset=utf-8,${encodeURIComponent(file)}`;
  link.download = `${state.document.source.id}.yaml`;
  link.removeAttribute("aria-disabled");
}

// --- start -------------------------------------------------------------------

$("draft-form").addEventListener("submit", draft);
$("draft-file").addEventListener("change", upload);
$("accept-all").addEventListener("click", () => {
  for (const item of state.items) if (item.decision === "undecided") item.decision = "accepted";
  render();
  $("write-status").textContent = "Every undecided item accepted.";
});
renderLegend($("draft-legend"));
initKeyForm(() => setKeyError(""));
