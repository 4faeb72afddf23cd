// Analysts in the page: the API key (sessionStorage only) and the forms that
// attach evidence to the selected claim or one of its causal links, retract
// it, and open, close or reopen evidence slots. Every write goes through the
// JSON API; a problem document's field errors are shown next to their field.

import { STATUS_HELP, apiKey, badge, clear, el, getJSON, sendJSON, seg } from "./common.js";

const $ = (id) => document.getElementById(id);
let formCount = 0;
const chosenTarget = new Map(); // claim id -> the target last worked on, kept across refreshes

/** Wire the key form in the header; `onChange()` after the key is set or forgotten. */
export function initKeyForm(onChange) {
  const form = $("key-form");
  const input = $("api-key");
  const state = $("key-state");
  const show = () => {
    const set = Boolean(apiKey.get());
    state.textContent = set ? "Key set for this tab." : "No key: read only.";
    $("key-forget").hidden = !set;
    document.body.classList.toggle("has-key", set);
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (!key) return;
    apiKey.set(key);
    input.value = "";
    setKeyError("");
    show();
    onChange();
  });
  $("key-forget").addEventListener("click", () => {
    apiKey.forget();
    show();
    onChange();
  });
  show();
}

/** A message next to the key field (401/403 answers land here). */
export function setKeyError(message) {
  const box = $("key-error");
  box.textContent = message;
  box.hidden = !message;
  $("api-key").setAttribute("aria-invalid", message ? "true" : "false");
}

/** A labelled control with a place for its error; `name` is the API's field name. */
function field(label, control, hint) {
  const id = `f${++formCount}-${control.name}`;
  control.id = id;
  const error = el("span", { class: "field-error", id: `${id}-error`, hidden: true });
  control.setAttribute("aria-describedby", `${id}-error`);
  return el(
    "div",
    { class: "field", "data-field": control.name },
    el("label", { for: id, text: label }),
    hint ? el("span", { class: "muted small block", text: hint }) : null,
    control,
    error,
  );
}

const input = (name, attrs = {}) => el("input", { name, ...attrs });
const textarea = (name, attrs = {}) => el("textarea", { name, rows: 2, ...attrs });
const select = (name, options) =>
  el("select", { name }, options.map(([value, text]) => el("option", { value, text })));

/** Clear old errors, then show `error`'s field messages at their fields (rest in `general`). */
function showErrors(form, error) {
  for (const node of form.querySelectorAll(".field-error")) {
    node.hidden = true;
    node.textContent = "";
  }
  for (const node of form.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
  const general = form.querySelector(".form-error");
  general.textContent = "";
  if (!error) return;
  if (error.status === 401 || error.status === 403) setKeyError(error.message);
  const unplaced = [];
  for (const [name, messages] of Object.entries(error.fields || {})) {
    const control = form.querySelector(`[name="${CSS.escape(name)}"]`);
    const text = [].concat(messages).join(" ");
    if (!control) {
      unplaced.push(`${name}: ${text}`);
      continue;
    }
    control.setAttribute("aria-invalid", "true");
    const box = form.querySelector(`#${CSS.escape(control.id)}-error`);
    box.textContent = text;
    box.hidden = false;
  }
  general.textContent = [error.message, ...unplaced].join(" ");
}

/** A form whose submit sends `send(values)`, then calls `done(answer)` and announces `said`. */
function writeForm(className, fields, submitText, send, done, said = "Saved.") {
  const form = el(
    "form",
    { class: `analyst-form ${className}`, novalidate: true },
    fields,
    el("p", { class: "form-error", role: "alert" }),
    el("button", { type: "submit", text: submitText }),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const values = {};
    for (const [name, value] of new FormData(form).entries()) {
      if (String(value).trim() !== "") values[name] = String(value).trim();
    }
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const answer = await send(values);
      showErrors(form, null);
      await done(answer);
      $("write-status").textContent = said;
    } catch (error) {
      showErrors(form, error);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

function evidenceForm(target, slots, refresh) {
  const open = slots.filter((s) => s.status === "open");
  const fields = [
    field("URL of the external source", input("url", { type: "url", required: true })),
    field("Title", input("title")),
    field("Publisher", input("publisher")),
    field("Published on", input("published_on", { type: "date" })),
    field("Excerpt", textarea("excerpt")),
    field(
      "Stance",
      select("stance", [
        ["supports", "supports"],
        ["refutes", "refutes"],
        ["context", "context only"],
      ]),
    ),
    field("Confidence (0 to 1)", input("confidence", { type: "number", min: 0, max: 1, step: 0.05, value: 0.8 })),
    field("Rationale", textarea("rationale", { required: true })),
    open.length
      ? field("Fills slot", select("slot_id", [["", "none"], ...open.map((s) => [s.id, s.question])]))
      : null,
  ];
  const send = (values) => {
    if (values.confidence !== undefined) {
      const number = Number(values.confidence);
      values.confidence = Number.isNaN(number) ? values.confidence : number;
    }
    return sendJSON("POST", `${target.path}/evidence`, values);
  };
  return writeForm("evidence-form", fields, "Attach evidence", send, refresh, "Evidence attached.");
}

function retractForm(link, refresh) {
  const fields = [field("Why retract it?", textarea("reason", { required: true }))];
  const send = (values) => sendJSON("DELETE", `/evidence-links/${seg(link.id)}`, values);
  return writeForm("retract-form", fields, "Retract", send, refresh, "Evidence retracted.");
}

function slotForms(slot, refresh) {
  const patch = (values) => sendJSON("PATCH", `/slots/${seg(slot.id)}`, values);
  if (slot.status === "closed") {
    return writeForm("reopen-form", [el("input", { type: "hidden", name: "status", value: "open" })],
      "Reopen", patch, refresh);
  }
  const fields = [
    el("input", { type: "hidden", name: "status", value: "closed" }),
    field("Why can it not be settled?", textarea("reason")),
  ];
  return writeForm("close-form", fields, "Close slot", patch, refresh);
}

function newSlotForm(target, refresh) {
  const fields = [field("What external source would settle it?", textarea("question"))];
  const send = (values) => sendJSON("POST", `${target.path}/slots`, values);
  return writeForm("slot-form", fields, "Open slot", send, refresh);
}

/** A disclosure: a button that shows or hides `body` (keyboard and screen-reader friendly). */
function disclose(text, body) {
  const id = `d${++formCount}`;
  body.id = id;
  body.hidden = true;
  const button = el("button", {
    type: "button",
    class: "secondary small-button",
    "aria-expanded": "false",
    "aria-controls": id,
    text,
  });
  button.addEventListener("click", () => {
    body.hidden = !body.hidden;
    button.setAttribute("aria-expanded", String(!body.hidden));
    if (!body.hidden) body.querySelector("input:not([type=hidden]), textarea, button")?.focus();
  });
  return [button, body];
}

function evidenceEntry(link, refresh) {
  const retracted = Boolean(link.retracted_at);
  const source = link.evidence || {};
  return el(
    "li",
    { class: retracted ? "evidence retracted" : "evidence", "data-link": link.id },
    el(
      "span",
      { class: "evidence-main" },
      badge(link.stance),
      ` ${Number(link.confidence).toFixed(2)} · ${source.title || source.url} · by ${link.added_by}`,
    ),
    retracted
      ? el("span", { class: "small block retraction", text: `retracted by ${link.retracted_by}: ${link.retraction_reason}` })
      : el("div", { class: "actions" }, disclose("Retract…", retractForm(link, refresh))),
  );
}

function slotEntry(slot, refresh) {
  return el(
    "li",
    { class: "slot", "data-slot": slot.id },
    badge(slot.status),
    " ",
    slot.question,
    slot.reason ? el("span", { class: "muted small block", text: `closed: ${slot.reason}` }) : null,
    el(
      "div",
      { class: "actions" },
      slot.status === "closed"
        ? slotForms(slot, refresh)
        : disclose("Close…", slotForms(slot, refresh)),
    ),
  );
}

/** The analyst's tools for `claim` and its causal links; `refresh()` after every write. */
export function analystPanel(claim, refresh) {
  const targets = [
    { id: claim.id, label: `this claim (${claim.id})`, path: `/claims/${seg(claim.id)}` },
    ...[...claim.caused_by, ...claim.causes].map((link) => ({
      id: link.link_id,
      label: `causal link ${link.link_id}`,
      path: `/causal-links/${seg(link.link_id)}`,
      causal: true,
    })),
  ];
  const chooser = el(
    "select",
    { id: "analyst-target", name: "target" },
    targets.map((t) => el("option", { value: t.id, text: t.label })),
  );
  const body = el("div", { class: "analyst-body" });
  const show = async () => {
    const target = targets.find((t) => t.id === chooser.value);
    let detail = claim;
    if (target.causal) {
      clear(body, el("p", { class: "muted small", text: "Loading the causal link…" }));
      try {
        detail = await getJSON(target.path);
      } catch (error) {
        clear(body, el("p", { class: "form-error", text: error.message }));
        return;
      }
    }
    const evidence = detail.evidence || [];
    clear(
      body,
      el(
        "p",
        { class: "badges target-status" },
        "Evidence status: ",
        badge(detail.status, STATUS_HELP[detail.status]),
        target.causal ? el("span", { class: "small", text: detail.mechanism || "" }) : null,
      ),
      el("h4", { text: "Evidence" }),
      evidence.length
        ? el("ul", { class: "analyst-evidence" }, evidence.map((l) => evidenceEntry(l, refresh)))
        : el("p", { class: "muted small", text: "No evidence yet." }),
      el("h4", { text: "Attach evidence" }),
      evidenceForm(target, detail.slots || [], refresh),
      el("h4", { text: "Evidence slots" }),
      el("ul", { class: "analyst-slots" }, (detail.slots || []).map((s) => slotEntry(s, refresh))),
      el("h4", { text: "Open a new slot" }),
      newSlotForm(target, refresh),
    );
  };
  if (targets.some((t) => t.id === chosenTarget.get(claim.id))) chooser.value = chosenTarget.get(claim.id);
  chooser.addEventListener("change", () => {
    chosenTarget.set(claim.id, chooser.value);
    show();
  });
  show();
  return el(
    "section",
    { class: "group analyst", "aria-labelledby": "analyst-heading" },
    el("h3", { id: "analyst-heading", text: "Analyst tools" }),
    apiKey.get()
      ? null
      : el("p", { class: "muted small", text: "Enter an analyst key at the top to write." }),
    el("label", { for: "analyst-target", text: "Work on" }),
    chooser,
    body,
  );
}
