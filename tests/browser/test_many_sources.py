"""The explorer shows a claim's several sources: each source's title and quote,
and a jump to that source's text at that quote (second source: tests/second_source.py)."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from kb.db import Store
from tests.browser.conftest import console_errors, screenshot, wait_for
from tests.browser.test_explorer import api, open_claim
from tests.second_source import SOURCE_ID

SHARED_CLAIM = "c-hostages-not-rescued"


def _source_title(browser: WebDriver) -> str:
    titles = browser.find_elements(By.CSS_SELECTOR, "#source-meta .source-title")
    return titles[0].text if titles else ""


def test_a_claim_shows_each_source_and_jumps_to_its_quote(
    browser: WebDriver, base_url: str, second_source: Store
) -> None:
    claim = api(base_url, f"/claims/{SHARED_CLAIM}")
    article, wire = claim["assertions"]
    open_claim(browser, base_url, SHARED_CLAIM)
    heading = wait_for(
        browser,
        lambda b: next(
            (h for h in b.find_elements(By.CSS_SELECTOR, "#claim h3") if "2 sources" in h.text),
            None,
        ),
        "the assertions under a heading naming two sources",
    )
    assert heading.text == "Who asserts it (2 sources)"
    items = browser.find_elements(By.CSS_SELECTOR, "#claim li.assertion")
    assert [i.get_attribute("data-source") for i in items] == ["article-001", SOURCE_ID]
    assert wire["source_title"] in items[1].text and wire["quote"] in items[1].text
    assert article["source_title"] in items[0].text and article["quote"] in items[0].text

    # once the page has shown the first source, jump to the wire's text, at its quote
    wait_for(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#source-text mark.sel"), "a span")
    button = items[1].find_element(By.CSS_SELECTOR, "button")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    wait_for(browser, lambda b: _source_title(b) == wire["source_title"], "the wire's text")
    selected = browser.find_elements(By.CSS_SELECTOR, "#source-text mark.sel")
    assert "".join(m.text for m in selected) == wire["quote"]
    pane = browser.find_element(By.ID, "source-text")
    assert pane.get_attribute("data-scrolled-to") == str(wire["start"])
    screenshot(browser, "explorer-two-sources")

    # and back to the article's, at its quote
    button = browser.find_elements(By.CSS_SELECTOR, "#claim li.assertion button")[0]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    wait_for(browser, lambda b: _source_title(b) == article["source_title"], "the article")
    wait_for(
        browser,
        lambda b: (
            b.find_element(By.ID, "source-text").get_attribute("data-scrolled-to")
            == str(article["start"])
        ),
        "the article scrolled to its quote",
    )
    assert console_errors(browser) == []
