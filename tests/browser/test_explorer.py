"""The explorer in a real browser: reading, the graph view, and analysts' writes.

Each test compares what the page shows with what the API answers, so a
broken script, a refused asset or a wrong count fails here even when every
API test passes.
"""

from __future__ import annotations

import json
import urllib.request
from typing import Any

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select

from tests.browser.conftest import console_errors, screenshot, wait_for

PREMISE = "c-second-phase-provisions"  # rests on nothing, attacks nothing; 22 claims rest on it


def api(base_url: str, path: str) -> Any:
    with urllib.request.urlopen(f"{base_url}/api/v1{path}") as response:
        return json.load(response)


def open_claim(browser: WebDriver, base_url: str, claim_id: str) -> None:
    browser.get(f"{base_url}/#claim={claim_id}")
    wait_for(
        browser,
        lambda b: (
            b.find_elements(By.CSS_SELECTOR, "#claim .claim-text")
            and claim_id in b.find_element(By.ID, "claim").text
        ),
        f"claim {claim_id} to open",
    )


def graph_nodes(browser: WebDriver) -> int:
    return int(browser.find_element(By.ID, "graph-canvas").get_attribute("data-nodes") or -1)


def test_page_loads_with_highlights_and_no_console_errors(
    browser: WebDriver, base_url: str
) -> None:
    browser.get(base_url + "/")
    marks = wait_for(
        browser,
        lambda b: (
            len(b.find_elements(By.CSS_SELECTOR, "mark.hl")) >= 60
            and b.find_elements(By.CSS_SELECTOR, "mark.hl")
        ),
        "at least 60 highlighted spans",
    )
    assert len(marks) >= 60
    wait_for(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "a.result"), "search results")
    screenshot(browser, "explorer-start")
    assert console_errors(browser) == []


def test_clicking_a_highlight_opens_its_claim(browser: WebDriver, base_url: str) -> None:
    browser.get(base_url + "/")
    mark = wait_for(
        browser,
        lambda b: next(
            (
                m
                for m in b.find_elements(By.CSS_SELECTOR, "mark.hl:not(.overlap)")
                if " " not in (m.get_attribute("data-claims") or " ")
            ),
            None,
        ),
        "a highlight of exactly one claim",
    )
    claim_id = mark.get_attribute("data-claims")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()
    expected = api(base_url, f"/claims/{claim_id}")["text"]
    wait_for(
        browser,
        lambda b: b.find_element(By.CSS_SELECTOR, "#claim .claim-text").text == expected,
        "the clicked claim's text",
    )
    assert browser.current_url.endswith(f"#claim={claim_id}")
    assert "sel" in mark.get_attribute("class")
    assert console_errors(browser) == []


def test_search_finds_a_claim(browser: WebDriver, base_url: str) -> None:
    browser.get(base_url + "/")
    box = wait_for(browser, lambda b: b.find_element(By.ID, "q"), "the search box")
    box.send_keys("hostages rescued", Keys.ENTER)
    expected = {c["id"] for c in api(base_url, "/claims?q=hostages+rescued&limit=20")["items"]}
    assert "c-hostages-not-rescued" in expected
    wait_for(
        browser,
        lambda b: (
            {a.get_attribute("data-id") for a in b.find_elements(By.CSS_SELECTOR, "a.result")}
            == expected
        ),
        "the API's search results",
    )
    browser.find_element(By.CSS_SELECTOR, 'a.result[data-id="c-hostages-not-rescued"]').click()
    wait_for(browser, lambda b: "#claim=c-hostages-not-rescued" in b.current_url, "navigation")


def test_graph_view_draws_the_claims_that_rest_on_a_premise(
    browser: WebDriver, base_url: str
) -> None:
    open_claim(browser, base_url, PREMISE)
    browser.find_element(By.ID, "view-graph").click()
    Select(browser.find_element(By.ID, "graph-depth")).select_by_value("1")
    near = api(base_url, f"/claims/{PREMISE}/dependents?depth=1")["claims"]
    wait_for(browser, lambda b: graph_nodes(b) == 1 + len(near), "the depth-1 neighbourhood")
    Select(browser.find_element(By.ID, "graph-depth")).select_by_visible_text("all")
    everything = api(base_url, f"/claims/{PREMISE}/dependents?depth=50")["claims"]
    assert len(everything) > len(near)
    wait_for(browser, lambda b: graph_nodes(b) == 1 + len(everything), "every dependent")
    goto = {
        o.get_attribute("value")
        for o in browser.find_elements(By.CSS_SELECTOR, "#graph-goto option")
    }
    assert goto - {""} == {PREMISE} | {c["claim_id"] for c in everything}
    screenshot(browser, "graph-dependents")
    # Navigate from the graph (the keyboard path: the Go to list) to a dependent.
    target = everything[0]["claim_id"]
    Select(browser.find_element(By.ID, "graph-goto")).select_by_value(target)
    wait_for(browser, lambda b: f"#claim={target}" in b.current_url, "navigation from the graph")
    assert console_errors(browser) == []


def test_whole_argument_map_shows_every_claim_of_the_source(
    browser: WebDriver, base_url: str
) -> None:
    open_claim(browser, base_url, PREMISE)
    browser.find_element(By.ID, "view-graph").click()
    browser.find_element(By.ID, "graph-whole").click()
    argument = api(base_url, "/sources/article-001/argument-map")
    wait_for(browser, lambda b: graph_nodes(b) == len(argument["claims"]), "the whole map")
    edges = browser.find_element(By.ID, "graph-canvas").get_attribute("data-edges")
    assert int(edges or 0) == len(argument["links"])
    screenshot(browser, "graph-whole-map")
    browser.find_element(By.ID, "graph-whole").click()  # leave the neighbourhood view on


def test_narrow_screen_has_no_sideways_scrolling(browser: WebDriver, base_url: str) -> None:
    browser.set_window_size(400, 900)
    open_claim(browser, base_url, PREMISE)
    browser.find_element(By.ID, "view-graph").click()
    wait_for(browser, lambda b: graph_nodes(b) > 1, "the graph on a narrow screen")
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    canvas = browser.find_element(By.ID, "graph-canvas")
    assert canvas.size["height"] >= 300 and canvas.size["width"] >= 300
    screenshot(browser, "narrow")
