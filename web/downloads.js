// Downloads of the current source's exports (GET /api/v1/export/<format>?source=<id>): the
// file is fetched first, its loss report (X-Export-Loss: what the format cannot carry) is
// shown, and only then is the file offered to save.

import { apiKey, clear, el } from "./common.js";

const $ = (id) => document.getElementById(id);
let saved = null; // the object URL of the last prepared file

async function prepare(sourceId) {
  const format = $("export-format").value;
  const report = $("export-report");
  clear(report, el("p", { class: "small muted", text: `Preparing ${format} of ${sourceId}…` }));
  const key = apiKey.get();
  const query = new URLSearchParams({ source: sourceId });
  const response = await fetch(`/api/v1/export/${encodeURIComponent(format)}?${query}`, {
    headers: key ? { Authorization: `Bearer ${key}` } : {},
  });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    clear(report, el("p", { class: "form-error", text: body.detail || `The server answered ${response.status}.` }));
    return;
  }
  let losses = [];
  try {
    losses = JSON.parse(response.headers.get("X-Export-Loss") || "[]");
  } catch {
    losses = [];
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "");
  const filename = name ? name[1] : `${sourceId}.${format}`;
  const blob = await response.blob();
  if (saved) URL.revokeObjectURL(saved);
  saved = URL.createObjectURL(blob);
  const loss = (item) => el("li", {}, el("strong", { text: `${item.count} ${item.kind}` }), `: ${item.note}`);
  clear(
    report,
    el("p", { class: "small strong", text: losses.length ? `What ${format} cannot carry:` : `${format} carries everything.` }),
    losses.length ? el("ul", { class: "small losses" }, losses.map(loss)) : null,
    el("a", { class: "save", href: saved, download: filename, text: `Save ${filename} (${Math.ceil(blob.size / 1024)} KB)` }),
  );
}

/** Wire the download form to `currentSource()` (the source the page shows). */
export function initDownloads(currentSource, onError) {
  $("export-prepare").addEventListener("click", () => {
    const sourceId = currentSource();
    if (sourceId) prepare(sourceId).catch(onError);
  });
}
