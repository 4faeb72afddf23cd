"""Analysts in the page: a key, evidence attached and retracted, slots closed and reopened.

Every test here writes, so each restores the seeded graph afterwards
(`seed_fresh`), and the next test starts from the article alone.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select

from api import create_app
from kb.db import Store
from kb.services.keys import create_key
from tests.browser.conftest import console_errors, screenshot, serve, wait_for
from tests.conftest import seed_fresh

CLAIM = "c-second-phase-deliberately-stopped"
CHECKABLE = "c-first-phase-announced"  # factual, with an open slot


@pytest.fixture()
def analyst_key(seeded_store: Store) -> Iterator[str]:
    """An analyst's key on a freshly seeded graph; the graph is re-seeded afterwards."""
    yield create_key(seeded_store, "alice-browser", "analyst")
    seed_fresh(seeded_store)


def api(base_url: str, path: str, key: str | None = None) -> Any:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    request = urllib.request.Request(f"{base_url}/api/v1{path}", headers=headers)
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def enter_key(browser: WebDriver, key: str) -> None:
    field = wait_for(browser, lambda b: b.find_element(By.ID, "api-key"), "the key field")
    field.send_keys(key)
    browser.find_element(By.CSS_SELECTOR, "#key-form button[type=submit]").click()
    wait_for(browser, lambda b: "Key set" in b.find_element(By.ID, "key-state").text, "the key")


def open_claim(browser: WebDriver, base_url: str, claim_id: str) -> WebElement:
    browser.get(f"{base_url}/#claim={claim_id}")
    return wait_for(
        browser, lambda b: b.find_element(By.CSS_SELECTOR, ".evidence-form"), "the evidence form"
    )


def fill(form: WebElement, values: dict[str, str]) -> None:
    for name, value in values.items():
        control = form.find_element(By.NAME, name)
        if control.tag_name == "select":
            Select(control).select_by_value(value)
        else:
            control.clear()
            control.send_keys(value)


def field_error(form: WebElement, name: str) -> str:
    control = form.find_element(By.NAME, name)
    error_id = control.get_attribute("aria-describedby")
    return form.find_element(By.ID, error_id).text


def claim_badges(browser: WebDriver) -> list[str]:
    return [b.text for b in browser.find_elements(By.CSS_SELECTOR, "#claim > .badges .badge")]


def test_analyst_attaches_evidence_then_retracts_it(
    browser: WebDriver, base_url: str, analyst_key: str
) -> None:
    browser.get(base_url + "/")
    enter_key(browser, analyst_key)
    form = open_claim(browser, base_url, CLAIM)
    assert "unverified" in claim_badges(browser)
    # A bad URL and confidence: the API's 422 names both fields, shown next to each.
    fill(form, {"url": "javascript:alert(1)", "confidence": "7", "rationale": "x"})
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda b: field_error(form, "url"), "the URL's error next to it")
    assert field_error(form, "confidence")
    assert field_error(form, "rationale") == ""
    assert form.find_element(By.NAME, "url").get_attribute("aria-invalid") == "true"
    screenshot(browser, "analyst-field-errors")
    fill(
        form,
        {
            "url": "https://example.org/reports/phase-two-talks",
            "title": "Phase-two talks: a timeline",
            "stance": "refutes",
            "confidence": "0.9",
            "rationale": "Attributes the stall to unresolved technical issues.",
        },
    )
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda b: "refuted" in claim_badges(b), "the claim's status to change")
    assert api(base_url, f"/claims/{CLAIM}")["status"] == "refuted"
    # Standing refreshes too: the claim resting only on this one is now undermined.
    undermined = api(base_url, "/claims?status=undermined")["items"]
    assert [c["id"] for c in undermined] == ["c-second-phase-not-stopped-for-technical-reasons"]
    entry = browser.find_element(By.CSS_SELECTOR, ".analyst-evidence li.evidence")
    entry.find_element(By.XPATH, ".//button[contains(., 'Retract')]").click()
    retract = entry.find_element(By.CSS_SELECTOR, ".retract-form")
    fill(retract, {"reason": "Misread the timeline."})
    retract.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(
        browser,
        lambda b: b.find_elements(By.CSS_SELECTOR, "#claim .analyst-evidence li.retracted"),
        "the link to show as retracted",
    )
    retracted = browser.find_element(By.CSS_SELECTOR, "#claim .analyst-evidence li.retracted")
    assert "retracted by alice-browser: Misread the timeline." in retracted.text
    assert browser.find_elements(By.CSS_SELECTOR, "#claim .group li.evidence.retracted")
    assert "unverified" in claim_badges(browser)
    screenshot(browser, "analyst-retracted")
    # The one refused request (the 422 above) is the only thing the console reports.
    errors = console_errors(browser)
    assert len(errors) == 1 and "422" in errors[0], errors


def test_analyst_refutes_a_causal_link(browser: WebDriver, base_url: str, analyst_key: str) -> None:
    link = "cl-freeze-halts-second-phase"
    browser.get(base_url + "/")
    enter_key(browser, analyst_key)
    open_claim(browser, base_url, "c-netanyahu-froze-second-phase")
    Select(browser.find_element(By.ID, "analyst-target")).select_by_value(link)
    status = ".analyst .target-status .badge"
    # The change event clears the panel at once, so the form found next is the link's own.
    wait_for(browser, lambda b: b.find_elements(By.CSS_SELECTOR, ".analyst .evidence-form"), "form")
    form = browser.find_element(By.CSS_SELECTOR, ".analyst .evidence-form")
    fill(
        form,
        {
            "url": "https://example.org/freeze",
            "stance": "refutes",
            "confidence": "0.9",
            "rationale": "The halt predates the freeze.",
        },
    )
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(
        browser,
        lambda b: (
            b.find_element(By.CSS_SELECTOR, status).text == "refuted"
            and b.find_element(By.ID, "analyst-target").get_attribute("value") == link
        ),
        "the link's status to change, the link still chosen",
    )
    assert api(base_url, f"/causal-links/{link}")["status"] == "refuted"


def test_analyst_closes_and_reopens_a_slot(
    browser: WebDriver, base_url: str, analyst_key: str
) -> None:
    browser.get(base_url + "/")
    enter_key(browser, analyst_key)
    open_claim(browser, base_url, CHECKABLE)
    slot_id = api(base_url, f"/claims/{CHECKABLE}")["slots"][0]["id"]
    closed_before = api(base_url, "/slots?status=closed")["meta"]["total"]
    slot = browser.find_element(By.CSS_SELECTOR, f'.analyst-slots li[data-slot="{slot_id}"]')
    slot.find_element(By.XPATH, ".//button[contains(., 'Close')]").click()
    close = slot.find_element(By.CSS_SELECTOR, ".close-form")
    close.find_element(By.CSS_SELECTOR, "button[type=submit]").click()  # no reason: refused
    wait_for(browser, lambda b: field_error(close, "reason"), "the reason's error next to it")
    fill(close, {"reason": "No primary record is public."})
    close.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    selector = f'.analyst-slots li[data-slot="{slot_id}"] .badge'
    wait_for(
        browser, lambda b: b.find_element(By.CSS_SELECTOR, selector).text == "closed", "closed"
    )
    assert api(base_url, "/slots?status=closed")["meta"]["total"] == closed_before + 1
    reopen = browser.find_element(By.CSS_SELECTOR, f'li[data-slot="{slot_id}"] .reopen-form')
    reopen.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda b: b.find_element(By.CSS_SELECTOR, selector).text == "open", "open")


def test_a_write_without_a_key_is_refused_next_to_the_key_field(
    browser: WebDriver, base_url: str
) -> None:
    form = open_claim(browser, base_url, CLAIM)
    fill(form, {"url": "https://example.org/x", "rationale": "r"})
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    error = wait_for(
        browser, lambda b: b.find_element(By.ID, "key-error").text, "the key field's error"
    )
    assert error
    assert api(base_url, f"/claims/{CLAIM}")["evidence"] == []


def test_reads_use_the_key_when_the_server_requires_one(
    browser: WebDriver, seeded_store: Store
) -> None:
    server, url = serve(
        create_app({"TESTING": True, "KB_STORE": seeded_store, "KB_READS_REQUIRE_KEY": True})
    )
    key = create_key(seeded_store, "reader-browser", "reader")
    try:
        browser.get(url + "/")
        wait_for(browser, lambda b: b.find_element(By.ID, "key-error").text, "a request for a key")
        assert browser.find_elements(By.CSS_SELECTOR, "mark.hl") == []
        enter_key(browser, key)
        wait_for(
            browser, lambda b: len(b.find_elements(By.CSS_SELECTOR, "mark.hl")) >= 60, "the text"
        )
        wait_for(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "a.result"), "the claims")
    finally:
        server.shutdown()
        seed_fresh(seeded_store)
