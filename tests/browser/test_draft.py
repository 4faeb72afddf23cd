"""The "Draft a source" page (issue 23) in a real browser.

An analyst pastes a text, drafts it through the API with their key, sees the drafted
spans highlighted by kind with a legend, accepts, edits and rejects items, and gets
an annotation file that the importer's schema takes: accepted items without their
`draft` mark, undecided ones still marked, rejected ones (and the links joining
them) left out, every quote still in the text. axe-core finds no violation, at a
laptop's and a phone's size.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import yaml
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select

from kb.annotation.document import load, schema_problems
from kb.db import Store
from kb.services.keys import create_key
from tests.browser.conftest import console_errors, wait_for
from tests.browser.test_analyst import enter_key
from tests.browser.workspace_helpers import axe_violations, horizontal_overflow, keep

SOURCE_ID = "wire-draft-browser"
TEXT = (
    "GAZA CITY — Hamas said on Tuesday that Israel had stopped the second phase of the "
    "ceasefire. Netanyahu denied that the talks had failed. The second phase did not stall "
    "for technical reasons but because Israel wanted it to. The crossing will reopen next "
    "week because the mediators insisted on it. Washington must press for the second phase."
)
SIZES = {"laptop": (1280, 800), "phone": (400, 800)}


@pytest.fixture()
def analyst_key(seeded_store: Store) -> Iterator[str]:
    """An analyst's key (the seeded graph is put back afterwards by the suite)."""
    yield create_key(seeded_store, "draft-browser", "analyst")


def open_page(browser: WebDriver, base_url: str) -> None:
    browser.get(f"{base_url}/draft")
    wait_for(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#draft-legend li"), "the legend")


def draft(browser: WebDriver, source_id: str, text: str) -> None:
    field = browser.find_element(By.ID, "draft-source-id")
    field.clear()
    field.send_keys(source_id)
    # the text goes in by script: send_keys types a character at a time
    browser.execute_script("document.getElementById('draft-text').value = arguments[0]", text)
    browser.find_element(By.ID, "draft-submit").click()


def card(browser: WebDriver, claim_id: str) -> WebElement:
    for element in browser.find_elements(By.CSS_SELECTOR, ".draft-item"):
        if claim_id in (element.get_attribute("data-claim-id") or ""):
            return element
    raise AssertionError(f"no card for {claim_id}")


def downloaded(browser: WebDriver) -> str:
    """The file behind the download link (a data: URL the page made)."""
    href = browser.find_element(By.ID, "draft-download").get_attribute("href") or ""
    head, _, body = href.partition(",")
    assert head == "data:application/yaml;charset=utf-8", head
    return unquote(body)


def drafted(browser: WebDriver, analyst_key: str, base_url: str) -> None:
    open_page(browser, base_url)
    enter_key(browser, analyst_key)
    draft(browser, SOURCE_ID, TEXT)
    wait_for(browser, lambda b: b.find_elements(By.CSS_SELECTOR, ".draft-item"), "the items")


@pytest.mark.parametrize("size", list(SIZES))
def test_the_drafted_spans_are_highlighted_by_kind_with_a_legend(
    browser: WebDriver, base_url: str, analyst_key: str, size: str
) -> None:
    browser.set_window_size(*SIZES[size])
    drafted(browser, analyst_key, base_url)
    kinds = {
        kind: len(browser.find_elements(By.CSS_SELECTOR, f"#draft-highlighted mark.{kind}"))
        for kind in (
            "kind-attribution",
            "kind-rejected",
            "cue-connective",
            "kind-type-predictive",
            "kind-type-normative",
        )
    }
    assert all(kinds.values()), kinds
    keep(browser, f"explorer-draft-{size}")
    legend = browser.find_element(By.ID, "draft-legend").text
    for label in (
        "Factual",
        "Predictive",
        "Normative",
        "Attribution",
        "Rejected view",
        "Connective",
    ):
        assert label in legend
    # a highlight opens its item
    browser.find_element(By.CSS_SELECTOR, "#draft-highlighted mark.kind-type-normative").click()
    picked = browser.find_element(By.CSS_SELECTOR, ".draft-item.picked")
    assert "Washington must press" in picked.text
    assert horizontal_overflow(browser) <= 0
    assert axe_violations(browser) == []
    assert console_errors(browser) == []


def test_accepted_edited_and_rejected_items_shape_the_downloaded_file(
    browser: WebDriver, base_url: str, analyst_key: str, tmp_path: Path
) -> None:
    drafted(browser, analyst_key, base_url)
    claims = {
        c.get_attribute("data-claim-id"): c
        for c in browser.find_elements(By.CSS_SELECTOR, ".draft-item[data-claim-id]")
    }
    ids = sorted(claims)
    crossing = next(i for i in ids if "crossing-will-reopen" in i)
    press = next(i for i in ids if "washington-must-press" in i)
    mediators = next(i for i in ids if i.endswith("-on-it"))
    card(browser, crossing).find_element(By.CSS_SELECTOR, "button.accept").click()
    card(browser, mediators).find_element(By.CSS_SELECTOR, "button.reject").click()
    edited = card(browser, press)
    edited.find_element(By.XPATH, ".//button[text()='Edit']").click()
    edited = card(browser, press)
    paraphrase = edited.find_element(By.NAME, "text")
    paraphrase.clear()
    paraphrase.send_keys("The United States should press for the second phase.")
    Select(edited.find_element(By.NAME, "type")).select_by_value("normative")
    edited.find_element(By.CSS_SELECTOR, ".edit-form button[type=submit]").click()
    wait_for(
        browser,
        lambda b: "accepted" in card(b, press).get_attribute("class"),
        "the edit accepted",
    )

    file = downloaded(browser)
    path = tmp_path / f"{SOURCE_ID}.yaml"
    path.write_text(file, encoding="utf-8")
    assert schema_problems(load(path)) == []
    document: dict[str, Any] = yaml.safe_load(file)
    assert document["source"]["text"] == TEXT
    by_id = {claim["id"]: claim for claim in document["claims"]}
    assert "draft" not in by_id[crossing]
    assert mediators not in by_id
    assert by_id[press]["text"] == "The United States should press for the second phase."
    assert "draft" not in by_id[press]
    undecided = [claim for i, claim in by_id.items() if i not in (crossing, press)]
    assert undecided and all(claim["draft"] is True for claim in undecided)
    for claim in document["claims"]:
        assert claim["quote"] in TEXT
    # the support link from the rejected claim went with it
    assert all(mediators not in (link["from"], link["to"]) for link in document["links"])
    assert browser.find_element(By.ID, "draft-download").get_attribute("download") == (
        f"{SOURCE_ID}.yaml"
    )


def test_an_uploaded_file_fills_the_text_and_the_source_id(
    browser: WebDriver, base_url: str, tmp_path: Path
) -> None:
    upload = tmp_path / "Wire Report 7.txt"
    upload.write_text(TEXT, encoding="utf-8")
    open_page(browser, base_url)
    browser.find_element(By.ID, "draft-file").send_keys(str(upload))
    wait_for(
        browser,
        lambda b: b.find_element(By.ID, "draft-text").get_property("value") == TEXT,
        "the uploaded text",
    )
    assert browser.find_element(By.ID, "draft-source-id").get_property("value") == "wire-report-7"


def test_without_a_key_or_with_a_bad_id_the_page_says_what_is_wrong(
    browser: WebDriver, base_url: str, analyst_key: str
) -> None:
    open_page(browser, base_url)
    draft(browser, SOURCE_ID, TEXT)
    wait_for(browser, lambda b: b.find_element(By.ID, "key-error").is_displayed(), "the key error")
    enter_key(browser, analyst_key)
    draft(browser, "Not A Slug!", TEXT)
    error = wait_for(
        browser,
        lambda b: b.find_element(By.ID, "draft-source-id-error").text,
        "the source id's error",
    )
    assert "lower-case letters" in error
    field = browser.find_element(By.ID, "draft-source-id")
    assert field.get_attribute("aria-invalid") == "true"
    assert browser.find_elements(By.CSS_SELECTOR, ".draft-item") == []


def test_a_proposed_match_is_reused_as_a_ref_keeping_the_quote(
    browser: WebDriver, base_url: str, analyst_key: str, tmp_path: Path
) -> None:
    drafted(browser, analyst_key, base_url)
    button = browser.find_element(By.CSS_SELECTOR, ".draft-item .use-match")
    ref = button.get_attribute("data-ref")
    drafted_id = button.find_element(By.XPATH, "ancestor::li[@data-card]").get_attribute(
        "data-claim-id"
    )
    button.click()
    wait_for(browser, lambda b: card(b, ref).get_attribute("class"), "the reused claim's card")
    assert "decision-accepted" in card(browser, ref).get_attribute("class")

    file = downloaded(browser)
    path = tmp_path / "reuse.yaml"
    path.write_text(file, encoding="utf-8")
    assert schema_problems(load(path)) == []
    claims = yaml.safe_load(file)["claims"]
    reused = [claim for claim in claims if claim.get("ref") == ref]
    assert len(reused) == 1 and reused[0]["quote"] in TEXT
    assert "draft" not in reused[0] and "text" not in reused[0]
    assert all(claim.get("id") != drafted_id for claim in claims)
