"""The explorer marks a revised source and shows an earlier revision's text."""

from __future__ import annotations

import shutil
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select

from kb.config import CYPHER_DIR
from kb.db import Store
from kb.services.annotation import apply_import, plan_import
from tests.browser.conftest import console_errors, screenshot, wait_for
from tests.integration.test_revision import TEXT_1, TEXT_2, annotation, write


def test_a_revised_source_offers_its_earlier_text(
    browser: WebDriver, base_url: str, seeded_store: Store, tmp_path: Path
) -> None:
    cypher_dir = tmp_path / "cypher"
    shutil.copytree(CYPHER_DIR, cypher_dir)
    for name, data in (
        ("v1.yaml", annotation(TEXT_1, with_doomed=True)),
        ("v2.yaml", annotation(TEXT_2, with_doomed=False, why="the agency corrected the day")),
    ):
        path = write(tmp_path / name, data)
        apply_import(seeded_store, plan_import(seeded_store, path, cypher_dir), cypher_dir)

    browser.get(f"{base_url}/#claim=c-rv-began")
    revised = wait_for(
        browser,
        lambda b: b.find_elements(By.CSS_SELECTOR, "#source-meta .revised"),
        "the revised source's note",
    )
    assert "Revised: revision 2" in revised[0].text
    text = browser.find_element(By.ID, "source-text")
    assert text.text.startswith("UPDATED.")
    Select(browser.find_element(By.ID, "source-revision")).select_by_value("1")
    wait_for(
        browser,
        lambda b: b.find_element(By.ID, "source-text").get_attribute("data-revision") == "1",
        "revision 1's text",
    )
    shown = browser.find_element(By.ID, "source-text")
    assert shown.text == TEXT_1
    marked = {m.get_attribute("data-claims") for m in shown.find_elements(By.CSS_SELECTOR, "mark")}
    assert "c-rv-doomed" in marked  # the retired claim's span, as it was
    screenshot(browser, "explorer-earlier-revision")
    Select(browser.find_element(By.ID, "source-revision")).select_by_value("2")
    wait_for(
        browser,
        lambda b: b.find_element(By.ID, "source-text").text.startswith("UPDATED."),
        "the current text again",
    )
    # No script error, and no failed revision request; other panes' requests (the claim's
    # walks) may be answered 503 on a loaded machine, which is not this test's subject.
    errors = console_errors(browser)
    assert [e for e in errors if "/revisions" in e or "Failed to load resource" not in e] == []
