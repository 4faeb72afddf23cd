"""A real browser on the explorer: Debian's chromium, driven headless by Selenium.

The API runs in a thread (werkzeug's `make_server`) on a free local port,
against the seeded throwaway Neo4j of `tests/conftest.py`. Selenium is
given `/usr/bin/chromedriver` and `/usr/bin/chromium` explicitly, so its
driver manager never downloads anything. `make test` installs both Debian
packages when they are missing (`make browser-deps`). Screenshots land in
`.local/artifacts/browser/` (git-ignored).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from api import create_app
from kb.config import LOCAL_DIR
from kb.db import Store

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = LOCAL_DIR / "artifacts" / "browser"
WAIT_SECONDS = 30  # generous: CI machines may be busy; a pass is usually instant


class _QuietHandler(WSGIRequestHandler):
    """No access log: the suite's output stays readable."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


def serve(app: Flask) -> tuple[BaseWSGIServer, str]:
    """Serve `app` from a daemon thread on a free port of 127.0.0.1; returns (server, base URL)."""
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_QuietHandler)
    threading.Thread(target=server.serve_forever, name="explorer-under-test", daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


@pytest.fixture(scope="session")
def base_url(seeded_store: Store) -> Iterator[str]:
    """The explorer and API, served over HTTP for the browser."""
    server, url = serve(create_app({"TESTING": True, "KB_STORE": seeded_store}))
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def chrome() -> Iterator[WebDriver]:
    """One headless chromium for the whole session (starting one costs about a second)."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        pytest.fail(f"{', '.join(missing)} missing: run `make browser-deps` (Debian packages)")
    os.environ["SE_OFFLINE"] = "true"  # belt and braces: Selenium Manager must not download
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(arg)
    options.add_argument("--window-size=1280,800")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.implicitly_wait(0)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Remember each phase's outcome on the test item, so fixtures can see a failure."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    setattr(item, f"report_{report.when}", report)


@pytest.fixture()
def browser(chrome: WebDriver, request: pytest.FixtureRequest) -> Iterator[WebDriver]:
    """The session's browser with a clean tab state: no key, 1280x800, logs drained.

    A failing test leaves a screenshot named after it in the artifacts folder.
    """
    chrome.set_window_size(1280, 800)
    chrome.get("about:blank")
    chrome.get_log("browser")  # drop what earlier tests left
    yield chrome
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        screenshot(chrome, f"FAILED-{request.node.name}")
    chrome.execute_script("try { sessionStorage.clear(); } catch (e) {}")


def wait_for(browser: WebDriver, condition: Callable[[WebDriver], Any], what: str) -> Any:
    """Wait until `condition(browser)` is truthy; fail naming `what` otherwise."""
    # The page re-renders lists as answers arrive, so an element found a moment ago may be gone.
    wait = WebDriverWait(
        browser, WAIT_SECONDS, ignored_exceptions=(StaleElementReferenceException,)
    )
    return wait.until(condition, message=f"waiting for {what}")


def screenshot(browser: WebDriver, name: str) -> Path:
    """Save a PNG of the current view as a test artifact."""
    path = ARTIFACTS / f"{name}.png"
    browser.save_screenshot(str(path))
    return path


def console_errors(browser: WebDriver) -> list[str]:
    """Console messages of level SEVERE since the last call (errors, CSP refusals, 404s)."""
    return [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
