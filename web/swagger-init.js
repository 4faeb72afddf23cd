// Starts Swagger UI at /api/docs (api/templates/swagger_ui.html) without an inline script,
// and gives what it renders the names and heading levels assistive technology needs:
// every <select> a label, the tag and schema headings level 2 under the page's title.

(function start() {
  const container = document.getElementById("swagger-ui-container");
  const config = {
    url: container.dataset.specUrl,
    dom_id: "#swagger-ui-container",
    ...JSON.parse(container.dataset.config || "{}"),
  };

  function label(root) {
    for (const select of root.querySelectorAll("select:not([aria-label])")) {
      const near = select.closest("label, .parameters-col_description, .response-controls, .servers");
      const text = near && near.textContent.trim().split("\n")[0];
      select.setAttribute("aria-label", text || "Choose a value");
    }
    const sections = "h3.opblock-tag:not([aria-level]), section.models > h4:not([aria-level])";
    for (const heading of root.querySelectorAll(sections)) {
      heading.setAttribute("aria-level", "2");
    }
    // an operation's own headings sit under its tag's
    for (const heading of root.querySelectorAll(".opblock-body h4:not([aria-level])")) {
      heading.setAttribute("aria-level", "3");
    }
    for (const heading of root.querySelectorAll(".opblock-body h5:not([aria-level])")) {
      heading.setAttribute("aria-level", "4");
    }
    // a scrolling example (a long YAML or JSON answer) must be reachable by keyboard
    for (const block of root.querySelectorAll(".highlight-code .microlight:not([tabindex])")) {
      block.setAttribute("tabindex", "0");
    }
    // Swagger UI's own <main> holds the operations; the API's description gets a region.
    const info = root.querySelector(".information-container:not([role])");
    if (info) {
      info.setAttribute("role", "region");
      info.setAttribute("aria-label", "About this API");
    }
  }

  window.addEventListener("load", () => {
    window.ui = window.SwaggerUIBundle(config);
    new MutationObserver(() => label(container)).observe(container, { childList: true, subtree: true });
  });
})();
