// The claim explorer: search (Find), the selected claim and what rests on what (Claim),
// the asserting source with its claims highlighted (Source), and the full-page graph
// workspace (Graph) beside a collapsible claim panel. The whole view lives in the URL hash
// (route.js), so any picture can be linked to and Back/Forward restore it. Below 900 px
// the panes become tabs, one on screen at a time.

import "./palette.js";
import { analystPanel, initKeyForm, setKeyError } from "./analyst.js";
import { STATUS_HELP, badge, clear, el, getJSON, seg } from "./common.js";
import { renderCompare, stanceOf } from "./compare.js";
import { initDownloads } from "./downloads.js";
import { GraphPanel } from "./graphpanel.js";
import { formatRoute, parseRoute } from "./route.js";
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
let route = parseRoute(window.location.hash);
const narrow = window.matchMedia("(max-width: 899px)");

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

/** Go to the view `changes` make of the current one (a new history entry, so Back returns). */
function navigate(changes) {
  const next = { ...route, ...changes };
  const hash = formatRoute(next);
  if (hash === window.location.hash || (hash === "" && !window.location.hash)) apply(next);
  else window.location.hash = hash;
}

/** Select a claim, keeping the view (list, graph, or the map it was picked from). */
function select(claimId) {
  state.focusOnLoad = true;
  const keep = route.view === "map" ? { source: route.source } : { source: null };
  navigate({ claim: claimId, compare: null, ...keep, view: route.compare ? "list" : route.view });
}

/** A link to a claim's view, labelled with its text (or with `children`). */
function claimLink(claimId, text, attrs = {}, ...children) {
  const link = {
    href: `#claim=${encodeURIComponent(claimId)}`,
    title: claimId,
    "data-claim-link": claimId,
    text: children.length ? null : text || claimId,
  };
  return el("a", { ...link, ...attrs }, ...children);
}

// One handler for every claim link: open it within the current view (plain links still
// work when opened in a new tab).
document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest("a[data-claim-link]");
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  select(link.dataset.claimLink);
});

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
  if (isWorkspace(route)) await graphs.show(route);
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
  graphs.setClaim(null);
  markCurrentResult();
  clear($("impact"));
  if (!claimId) {
    clear($("claim"), note("Select a claim to see who asserts it."));
    $("graph").hidden = true;
    sources.highlight(null);
    $("claim-heading").textContent = "Claim";
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
    graphs.setClaim(claim, dependencies, dependents);
    // the quote in the text first; the walks' badges wait for the argument maps
    const asserting = claim.assertions.map((a) => a.source_id);
    const sourceId =
      route.source && asserting.includes(route.source) ? route.source : asserting[0] || sources.sourceId;
    const shown = sourceId ? sources.show(sourceId, claimId).catch(showError) : null;
    const statusOf = await statuses(claim);
    if (token !== state.token) return;
    renderWalk($("dependents"), claim, dependents, "downstream", claimLink, statusOf);
    renderWalk($("dependencies"), claim, dependencies, "upstream", claimLink, statusOf);
    $("graph").hidden = false;
    if (!keepFocus) {
      $("claim").scrollTop = 0;
      $("graph").scrollTop = 0;
    }
    if (state.focusOnLoad) bringClaimOnScreen();
    state.focusOnLoad = false;
    await shown;
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

/** Status and standing of the claims in the maps of the sources asserting `claim`. */
async function statuses(claim) {
  const known = new Map();
  const ids = [...new Set(claim.assertions.map((a) => a.source_id))];
  const maps = await Promise.all(ids.map((id) => graphs.map(id).catch(() => null)));
  for (const map of maps) for (const c of map ? map.claims : []) known.set(c.id, c);
  return (id) => known.get(id) || null;
}

/** The opened claim's heading on screen and focused (on a phone: the Claim tab). */
function bringClaimOnScreen() {
  if (narrow.matches && !isWorkspace(route)) showTab("claim");
  $("claim").scrollTop = 0;
  $("pane-claim").scrollTop = 0;
  $("claim-heading").focus({ preventScroll: true });
  $("claim-heading").scrollIntoView({ block: "nearest" });
}

function group(title, items, render, listClass = null) {
  if (!items || items.length === 0) return null;
  const list = el("ul", { class: listClass }, items.map(render));
  return el("section", { class: "group" }, el("h3", { text: title }), list);
}

/** "trump, said: " for a `reports` appearance: who the source reports, in its words. */
function reportedBy(a) {
  const rejects = a.speaker_stance === "rejects";
  return el(
    "span",
    { class: "reported-by small", "data-speaker": a.speaker || "" },
    el("strong", { text: a.speaker || "unnamed speaker" }),
    a.reporting ? `, ${a.reporting}` : "",
    rejects ? " (the speaker rejects it)" : "",
    ": ",
  );
}

function renderClaim(claim) {
  // One item per assertion: the source's title jumps to this very quote in its text.
  const assertion = (a) =>
    el(
      "li",
      { class: "assertion", "data-source": a.source_id, "data-start": a.start },
      el("button", {
        type: "button",
        class: "link strong",
        title: `Show this quote in the text of ${a.source_id}`,
        onclick: () => sources.show(a.source_id, claim.id, a.start).catch(showError),
        text: a.source_title || a.source_id,
      }),
      " ",
      el("code", { class: "small", text: a.source_id }),
      " ",
      badge(stanceOf(a), "How this source stands to the claim"),
      " ",
      stanceOf(a) === "reports" ? reportedBy(a) : "",
      el("q", { class: "quote", text: a.quote }),
      sub(`${a.section || "no section"} · code points ${a.start}–${a.end}`),
    );
  const others = [...new Set(claim.assertions.map((a) => a.source_id))];
  const compareButtons =
    others.length > 1
      ? el(
          "p",
          { class: "small" },
          others.slice(1).map((other) =>
            el("button", {
              type: "button",
              class: "secondary small-button",
              onclick: () => navigate({ compare: [others[0], other] }),
              text: `Compare ${others[0]} with ${other}`,
            }),
          ),
        )
      : null;
  const sourceCount = new Set(claim.assertions.map((a) => a.source_id)).size;
  const whoAsserts =
    sourceCount > 1 ? `Who asserts it (${sourceCount} sources)` : "Who asserts it";
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
  $("claim-heading").textContent = "Claim";
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
    group(whoAsserts, claim.assertions, assertion, "side-by-side"),
    compareButtons,
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

// --- the route: which panes show what ---------------------------------------

const isWorkspace = (r) => Boolean(r.compare) || r.view === "graph" || r.view === "map";

/** On a narrow screen, the one pane on screen. */
function showTab(tab) {
  $("layout").dataset.tab = tab;
  for (const button of document.querySelectorAll(".tab")) {
    button.setAttribute("aria-pressed", String(button.dataset.tab === tab));
  }
}

function syncViewButtons(r) {
  const pressed = { "view-list": !isWorkspace(r), "view-graph": r.view === "graph" && !r.compare };
  pressed["view-map"] = r.view === "map" && !r.compare;
  for (const [id, on] of Object.entries(pressed)) $(id).setAttribute("aria-pressed", String(on));
  $("view-graph").disabled = !r.claim;
}

/** Make the page show `next` (from the hash, on load, Back and Forward). */
async function apply(next) {
  const before = route;
  route = next;
  const workspace = isWorkspace(route);
  document.body.classList.toggle("workspace", workspace);
  syncViewButtons(route);
  graphs.sync(route);
  if (workspace && (narrow.matches || !isWorkspace(before))) showTab("graph");
  else if (!workspace && narrow.matches && $("layout").dataset.tab === "graph") showTab("claim");
  $("compare").hidden = !route.compare;
  $("claim").hidden = Boolean(route.compare);
  if (route.compare) {
    $("graph").hidden = true;
    $("claim-heading").textContent = "Two sources";
    showCompare(route.compare);
  } else if (route.claim !== state.selected || !before || before.compare) {
    await showClaim(route.claim);
  }
  if (!route.claim && !route.compare) {
    const sourceId = route.source || sources.sourceId;
    if (sourceId) sources.show(sourceId, null).catch(showError);
  }
  if (route.source && route.claim && !route.compare) sources.show(route.source, route.claim).catch(showError);
  if (workspace) await graphs.show(route);
}

async function showCompare([a, b]) {
  try {
    const agreement = await getJSON(`/sources/${seg(a)}/agreement/${seg(b)}`);
    renderCompare($("compare"), agreement, claimLink);
    clearMessage();
  } catch (error) {
    clear($("compare"), note(`Cannot compare ${a} and ${b}.`));
    showError(error);
  }
}

async function loadSourceChoices() {
  try {
    const body = await getJSON("/sources", { limit: 100 });
    $("compare-with").append(...body.items.map((s) => el("option", { value: s.id, text: s.title || s.id })));
  } catch (error) {
    showError(error);
  }
}

// --- start --------------------------------------------------------------

const sources = new SourceView($("source-text"), $("source-meta"), select);
const graphs = new GraphPanel({ onPick: select, onError: showError, navigate, sources });

// A search submitted before this script ran reloads the page as ?q=…&type=…: carry it
// over into the form, so typing fast on a slow connection loses nothing.
const submitted = new URLSearchParams(window.location.search);
for (const id of ["q", "type", "status"]) {
  if (submitted.has(id)) $(id).value = submitted.get(id);
}

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
$("view-list").addEventListener("click", () => navigate({ view: "list", compare: null }));
$("graph-back").addEventListener("click", () => navigate({ view: "list", compare: null }));
$("view-graph").addEventListener("click", () => navigate({ view: "graph", compare: null }));
const mapOf = () => route.source || sources.sourceId;
$("view-map").addEventListener("click", () => navigate({ view: "map", source: mapOf(), compare: null }));
$("source-map").addEventListener("click", () =>
  navigate({ view: "map", source: sources.sourceId, compare: null }),
);
$("graph-whole").addEventListener("change", () =>
  navigate($("graph-whole").checked ? { view: "map", source: mapOf() } : { view: "graph", source: null }),
);
$("compare-with").addEventListener("change", () => {
  const other = $("compare-with").value;
  $("compare-with").value = "";
  if (other && sources.sourceId) navigate({ compare: [sources.sourceId, other] });
});
$("panel-toggle").addEventListener("click", () => {
  const hidden = document.body.classList.toggle("panel-hidden");
  $("panel-toggle").setAttribute("aria-expanded", String(!hidden));
  $("panel-toggle").textContent = hidden ? "Show claim panel" : "Hide claim panel";
  graphs.view?.cy.resize();
});
for (const button of document.querySelectorAll(".tab")) {
  button.addEventListener("click", () => {
    showTab(button.dataset.tab);
    if (button.dataset.tab === "graph" && !isWorkspace(route)) {
      navigate(route.claim ? { view: "graph" } : { view: "map", source: mapOf() });
    }
  });
}
window.addEventListener("hashchange", () => apply(parseRoute(window.location.hash)));
initDownloads(() => sources.sourceId, showError);

/** Load (or, after a key is entered, reload) everything the page reads. */
function start() {
  clearMessage();
  if ($("actor").options.length <= 1) loadActors();
  if ($("compare-with").options.length <= 1) loadSourceChoices();
  search(1);
  state.selected = undefined; // draw the route afresh
  graphs.invalidate();
  showTab(route.claim ? "claim" : "find");
  if (!route.claim && !route.source && !route.compare) {
    getJSON("/sources", { limit: 1 })
      .then((body) => body.items.length && sources.show(body.items[0].id, null))
      .catch(showError);
  }
  apply(parseRoute(window.location.hash));
}

initKeyForm(start);
start();
