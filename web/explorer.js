// The claim explorer: search (left), the selected claim and what rests on
// what (middle), the asserting source with its claims highlighted (right).
// The selected claim lives in the URL hash (#claim=c-...), so a view can be
// cited and the back button works.

import { analystPanel, initKeyForm, setKeyError } from "./analyst.js";
import { STATUS_HELP, badge, clear, el, getJSON, seg } from "./common.js";
import { GraphPanel } from "./graphpanel.js";
import { SourceView } from "./source.js";
import { renderWalk } from "./walks.js";

const PAGE_SIZE = 20;
const WALK_DEPTH = 10;
// Walks answer in pages (nearest claims first); the explorer shows up to this many pages.
const WALK_PAGE_SIZE = 1000;
const WALK_MAX_PAGES = 5;
const $ = (id) => document.getElementById(id);
const note = (text) => el("p", { class: "muted small", text });
const sub = (...children) => el("span", { class: "muted small block" }, ...children);

const state = { page: 1, selected: null, token: 0, searchToken: 0, focusOnLoad: false };

// --- messages and navigation -------------------------------------------

function showError(error) {
  $("message-text").textContent = error.message || String(error);
  $("message").hidden = false;
  if (error.status === 401) {
    setKeyError("This server needs an API key for reading too: enter one here.");
    $("api-key").focus();
  }
}

function clearMessage() {
  $("message").hidden = true;
}

function claimFromHash() {
  const match = /^#claim=(.+)$/.exec(window.location.hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** Select a claim by changing the hash: a new history entry, so Back returns. */
function select(claimId) {
  state.focusOnLoad = true;
  const hash = `#claim=${encodeURIComponent(claimId)}`;
  if (window.location.hash === hash) showClaim(claimId);
  else window.location.hash = hash;
}

/** A link to a claim's view, labelled with its text (or with `children`). */
function claimLink(claimId, text, attrs = {}, ...children) {
  const link = {
    href: `#claim=${encodeURIComponent(claimId)}`,
    title: claimId,
    onclick: () => (state.focusOnLoad = true),
    text: children.length ? null : text || claimId,
  };
  return el("a", { ...link, ...attrs }, ...children);
}

function statusBadges(item) {
  return [
    item.status && badge(item.status, STATUS_HELP[item.status]),
    item.standing && badge(item.standing, STATUS_HELP[item.standing]),
  ];
}

// --- search -------------------------------------------------------------

async function search(page = 1) {
  state.page = page;
  const params = {
    q: $("q").value.trim(),
    type: $("type").value,
    status: $("status").value,
    actor: $("actor").value,
    page,
    limit: PAGE_SIZE,
  };
  const token = ++state.searchToken;
  $("results").setAttribute("aria-busy", "true");
  try {
    const found = await getJSON("/claims", params);
    if (token === state.searchToken) renderResults(found); // else a newer search won
  } catch (error) {
    showError(error);
  } finally {
    $("results").removeAttribute("aria-busy");
  }
}

function renderResults({ items, meta }) {
  const item = (claim) =>
    el(
      "li",
      {},
      claimLink(
        claim.id,
        null,
        { class: "result", "data-id": claim.id },
        el("span", { class: "result-text", text: claim.text }),
        el(
          "span",
          { class: "badges" },
          badge(claim.type),
          ...statusBadges(claim),
          el("span", { class: "muted small", text: `asserted by ${claim.sources.join(", ")}` }),
        ),
      ),
    );
  clear($("results"), items.map(item));
  markCurrentResult();
  const first = (meta.page - 1) * meta.limit + 1;
  const shown = items.length ? `${first}–${first + items.length - 1}` : "0";
  $("result-count").textContent = `${shown} of ${meta.total} claims`;
  $("page-info").textContent = `page ${meta.page} of ${Math.max(meta.pages, 1)}`;
  $("prev").disabled = meta.page <= 1;
  $("next").disabled = !meta.next_page;
}

function markCurrentResult() {
  for (const link of $("results").querySelectorAll("a.result")) {
    if (link.dataset.id === state.selected) link.setAttribute("aria-current", "true");
    else link.removeAttribute("aria-current");
  }
}

async function loadActors() {
  try {
    const body = await getJSON("/actors", { limit: 200 });
    const actors = body.items.slice().sort((a, b) => a.name.localeCompare(b.name));
    $("actor").append(
      ...actors.map((a) => el("option", { value: a.id, text: `${a.name} (${a.claim_count})` })),
    );
  } catch (error) {
    showError(error);
  }
}

function filterByActor(actorId) {
  $("actor").value = actorId;
  search(1);
}

// --- the selected claim -------------------------------------------------

/** Reload everything a write can change: the claim, its walks, the map, the results. */
async function refresh() {
  graphs.invalidate();
  await showClaim(state.selected, { keepFocus: true });
  search(state.page);
}

/** A walk's pages joined into one answer (at most `WALK_MAX_PAGES` of them). */
async function wholeWalk(path) {
  const params = { depth: WALK_DEPTH, limit: WALK_PAGE_SIZE };
  const walk = await getJSON(path, { ...params, page: 1 });
  let next = walk.meta.next_page;
  while (next && next <= WALK_MAX_PAGES) {
    const more = await getJSON(path, { ...params, page: next });
    walk.claims.push(...more.claims);
    next = more.meta.next_page;
  }
  return walk;
}

async function showClaim(claimId, { keepFocus = false } = {}) {
  state.selected = claimId;
  markCurrentResult();
  clear($("impact"));
  if (!claimId) {
    clear($("claim"), note("Select a claim to see who asserts it."));
    $("graph").hidden = true;
    sources.highlight(null);
    return;
  }
  const token = ++state.token;
  $("claim").setAttribute("aria-busy", "true");
  try {
    const path = `/claims/${seg(claimId)}`;
    const [claim, dependents, dependencies] = await Promise.all([
      getJSON(path),
      wholeWalk(`${path}/dependents`),
      wholeWalk(`${path}/dependencies`),
    ]);
    if (token !== state.token) return; // a newer selection won
    clearMessage();
    renderClaim(claim);
    graphs.update(claim, dependencies, dependents);
    renderWalk($("dependents"), claim, dependents, "downstream", claimLink);
    renderWalk($("dependencies"), claim, dependencies, "upstream", claimLink);
    $("graph").hidden = false;
    if (!keepFocus) {
      $("claim").scrollTop = 0;
      $("graph").scrollTop = 0;
    }
    if (state.focusOnLoad) $("claim-heading").focus({ preventScroll: true });
    state.focusOnLoad = false;
    const sourceId = claim.assertions.length ? claim.assertions[0].source_id : sources.sourceId;
    if (sourceId) await sources.show(sourceId, claimId);
  } catch (error) {
    if (token !== state.token) return;
    showError(error);
    if (error.status === 404) {
      clear($("claim"), note(`No claim with id ${claimId}.`));
      $("graph").hidden = true;
      sources.highlight(null);
    }
  } finally {
    $("claim").removeAttribute("aria-busy");
  }
}

function group(title, items, render) {
  if (!items || items.length === 0) return null;
  const list = el("ul", {}, items.map(render));
  return el("section", { class: "group" }, el("h3", { text: title }), list);
}

function renderClaim(claim) {
  const assertion = (a) =>
    el(
      "li",
      { class: "assertion" },
      el("button", {
        type: "button",
        class: "link strong",
        title: "Show in the source text",
        onclick: () => sources.show(a.source_id, claim.id).catch(showError),
        text: a.source_id,
      }),
      " asserts: ",
      el("q", { class: "quote", text: a.quote }),
      sub(`${a.section || "no section"} · code points ${a.start}–${a.end}`),
    );
  const actor = (a) =>
    el(
      "li",
      {},
      el("button", {
        type: "button",
        class: "link",
        title: "List the claims about this actor",
        onclick: () => filterByActor(a.actor_id),
        text: a.name,
      }),
      " ",
      badge(a.role),
    );
  const argument = (link) =>
    el(
      "li",
      {},
      claimLink(link.claim_id, link.text),
      sub(
        el("code", { text: link.link_id }),
        link.quote ? ` · ${link.source_id} asserts the link: ` : "",
        link.quote ? el("q", { text: link.quote }) : "",
      ),
    );
  const causal = (link) =>
    el(
      "li",
      {},
      claimLink(link.claim_id, link.text),
      sub(el("code", { text: link.link_id }), ` · mechanism: ${link.mechanism || "not stated"}`),
    );
  const slot = (s) =>
    el("li", {}, badge(s.status), " ", s.question, s.reason ? sub(`closed: ${s.reason}`) : "");
  const openFirst = (a, b) => Number(a.status !== "open") - Number(b.status !== "open");
  const topics = claim.topics.map((t) => t.name).join(", ");
  clear(
    $("claim"),
    el("p", { class: "claim-text", text: claim.text }),
    el(
      "p",
      { class: "badges" },
      badge(claim.type),
      badge(claim.checkable ? "checkable" : "not_checkable", "Can external evidence settle it?"),
      ...statusBadges(claim),
      el("code", { class: "small", text: claim.id }),
    ),
    note("The text above is the knowledge base's paraphrase. What the source actually says:"),
    group("Who asserts it", claim.assertions, assertion),
    group("Actors", claim.actors, actor),
    topics ? el("p", { class: "small", text: `Topics: ${topics}` }) : null,
    group("Supported by", claim.supported_by, argument),
    group("Supports", claim.supports, argument),
    group("Attacked by", claim.attacked_by, argument),
    group("Attacks", claim.attacks, argument),
    group("Caused by", claim.caused_by, causal),
    group("Causes", claim.causes, causal),
    group("Evidence slots", claim.slots.slice().sort(openFirst), slot),
    group("Evidence", claim.evidence, evidenceItem),
    claim.evidence.length ? null : note("No evidence attached yet."),
    analystPanel(claim, refresh),
  );
}

function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function evidenceItem(link) {
  const source = link.evidence || {};
  const href = safeUrl(source.url);
  const label = source.title || source.url || "(no URL)";
  const retracted = Boolean(link.retracted_at);
  const by = `retracted by ${link.retracted_by || "?"}: ${link.retraction_reason || ""}`;
  return el(
    "li",
    { class: retracted ? "evidence retracted" : "evidence" },
    el(
      "span",
      { class: "evidence-main" },
      badge(link.stance),
      ` confidence ${Number(link.confidence).toFixed(2)} · `,
      href ? el("a", { href, rel: "noopener noreferrer", target: "_blank", text: label }) : label,
      source.publisher ? ` (${source.publisher})` : "",
    ),
    link.rationale ? el("span", { class: "small block", text: link.rationale }) : "",
    retracted ? el("span", { class: "small block retraction", text: by }) : "",
  );
}

// --- what rests on what (lists in walks.js, the graph in graphpanel.js) ----

async function showImpact() {
  const claimId = state.selected;
  if (!claimId) return;
  const box = $("impact");
  clear(box, note("Working out what would fall…"));
  try {
    const impact = await getJSON(`/claims/${seg(claimId)}/impact`);
    if (claimId !== state.selected) return;
    const item = (c) =>
      el(
        "li",
        {},
        claimLink(c.claim_id, c.text),
        " ",
        ...statusBadges(c),
        el("span", { class: "muted small", text: ` ${c.distance} step(s) away` }),
      );
    const list = (title, items, empty) =>
      el(
        "section",
        { class: "group" },
        el("h4", { text: `${title} (${items.length})` }),
        items.length ? el("ul", {}, items.map(item)) : note(empty),
      );
    clear(
      box,
      list("Would lose all support", impact.loses_all_support, "No dependent would fall."),
      list("Keep other support", impact.keeps_other_support, "No dependent keeps other support."),
    );
  } catch (error) {
    clear(box);
    showError(error);
  }
}

// --- start --------------------------------------------------------------

const sources = new SourceView($("source-text"), $("source-meta"), select);
const graphs = new GraphPanel({ onPick: select, onError: showError });

$("search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  clearMessage();
  search(1);
});
$("search-form").addEventListener("reset", () => setTimeout(() => search(1)));
for (const id of ["type", "status", "actor"]) $(id).addEventListener("change", () => search(1));
$("prev").addEventListener("click", () => search(Math.max(1, state.page - 1)));
$("next").addEventListener("click", () => search(state.page + 1));
$("impact-button").addEventListener("click", showImpact);
$("message-close").addEventListener("click", clearMessage);
window.addEventListener("hashchange", () => showClaim(claimFromHash()));

/** Load (or, after a key is entered, reload) everything the page reads. */
function start() {
  clearMessage();
  if ($("actor").options.length <= 1) loadActors();
  search(1);
  if (claimFromHash()) {
    showClaim(claimFromHash());
  } else if (!sources.sourceId) {
    getJSON("/sources", { limit: 1 })
      .then((body) => body.items.length && sources.show(body.items[0].id, null))
      .catch(showError);
  }
}

initKeyForm(start);
start();
