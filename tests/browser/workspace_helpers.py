"""What the workspace tests look at in the page: drawing state, overlap, overflow, axe-core."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from kb.config import PROJECT_ROOT
from tests.browser.conftest import WAIT_SECONDS, screenshot, wait_for

AXE_SCRIPT = PROJECT_ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
DOCS = PROJECT_ROOT / "docs"
# `KB_REFRESH_DOCS=1` copies the README's screenshots and the draw times into docs/.
REFRESH_DOCS = os.environ.get("KB_REFRESH_DOCS") == "1"


def canvas_data(browser: WebDriver) -> dict[str, str]:
    """The graph canvas's data-* attributes (what was drawn, how long it took)."""
    found: dict[str, str] = browser.execute_script(
        "return Object.assign({}, document.getElementById('graph-canvas').dataset)"
    )
    return found


def wait_drawn(browser: WebDriver, what: str, nodes: int | None = None) -> dict[str, str]:
    """Wait until the canvas has painted a drawing (of `nodes` nodes, when given)."""

    def done(b: WebDriver) -> dict[str, str] | None:
        data = canvas_data(b)
        if data.get("drawn") != "yes" or int(data.get("nodes", "0")) == 0:
            return None
        if nodes is not None and int(data["nodes"]) != nodes:
            return None
        return data

    drawn: dict[str, str] = wait_for(browser, done, what)
    return drawn


def horizontal_overflow(browser: WebDriver) -> int:
    overflow: int = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    return overflow


# Each visible button is scrolled into view; the element at its centre must be the button.
_COVERED_BUTTONS = """
const covered = [];
for (const button of document.querySelectorAll('button')) {
  // not rendered: display none, visibility hidden, or inside a closed <details>
  if (!button.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
  button.scrollIntoView({block: 'center', inline: 'center'});
  const box = button.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) continue;
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const top = document.elementFromPoint(x, y);
  if (!top || !(top === button || button.contains(top))) {
    const under = top ? top.outerHTML.slice(0, 80) : 'nothing';
    covered.push(`${button.id || button.textContent.trim()} under ${under}`);
  }
}
window.scrollTo(0, 0);
return covered;
"""


def covered_buttons(browser: WebDriver) -> list[str]:
    """Visible buttons another element covers at their centre (should be none)."""
    covered: list[str] = browser.execute_script(_COVERED_BUTTONS)
    return covered


def on_screen(browser: WebDriver, element_id: str) -> bool:
    """The element's box lies within the viewport and is what the page shows at its centre."""
    return bool(
        browser.execute_script(
            """
            const e = document.getElementById(arguments[0]);
            const b = e.getBoundingClientRect();
            if (b.height === 0 || b.top < 0 || b.bottom > innerHeight) return false;
            if (b.left < 0 || b.right > innerWidth) return false;
            const x = b.left + Math.min(b.width / 2, 20);
            const top = document.elementFromPoint(x, b.top + b.height / 2);
            return top === e || e.contains(top);
            """,
            element_id,
        )
    )


def axe_violations(browser: WebDriver) -> list[dict[str, Any]]:
    """axe-core (from npm, injected here, never served) on the current page: its violations."""
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} missing: run `make install` (npm ci installs axe-core)")
    if not browser.execute_script("return typeof window.axe !== 'undefined'"):
        browser.execute_script(AXE_SCRIPT.read_text(encoding="utf-8"))
    browser.set_script_timeout(WAIT_SECONDS)
    violations: list[dict[str, Any]] = browser.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']})
          .then((r) => done(r.violations.map((v) => ({
            id: v.id, impact: v.impact,
            nodes: v.nodes.slice(0, 12).map((n) => n.target.join(' ') + ': ' + n.failureSummary),
          }))))
          .catch((e) => done([{id: 'axe-error', impact: String(e), nodes: []}]));
        """
    )
    return violations


def keep(browser: WebDriver, name: str) -> Path:
    """A screenshot as a test artifact, and in docs/ when the docs are being refreshed."""
    path = screenshot(browser, name)
    if REFRESH_DOCS:
        (DOCS / f"{name}.png").write_bytes(path.read_bytes())
    return path


def claim_text(browser: WebDriver) -> str:
    found = browser.find_elements(By.CSS_SELECTOR, "#claim .claim-text")
    return found[0].text if found else ""
