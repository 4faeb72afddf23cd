"""Issue 19 in the explorer: each appearance's stance in the claim panel and the source text.

A small test source reports Hamas saying one article claim and rejects another;
the claim panel names the speaker and the reporting words, and the source text marks
the rejected and the reported spans apart from assertions by colour *and* by line
pattern and words (title, label, legend), never by colour alone.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from kb.db import Store
from kb.palette import load_palette, stance_marks
from tests.browser.conftest import console_errors, wait_for

SOURCE = "browser-stance-test"
TEXT = "Hamas said it wants a permanent end to the war. The US is not an active party."
REPORTED = "c-hamas-goals"
REJECTED = "c-us-active-party"
ASSERTED = "c-first-phase-announced"

WRITE = """
MERGE (s:Source {id: $id})
SET s.title = 'Stance test source', s.kind = 'test', s.language = 'en', s.text = $text,
    s.length = size($text), s.fictional = true
WITH s
MATCH (reported:Claim {id: $reported}), (rejected:Claim {id: $rejected})
MERGE (s)-[a:ASSERTS {start: 0}]->(reported)
SET a.end = 46, a.quote = $text_reported, a.section = null, a.stance = 'reports',
    a.speaker = 'hamas', a.speaker_stance = 'asserts', a.reporting = 'said'
MERGE (s)-[r:ASSERTS {start: 55}]->(rejected)
SET r.end = 77, r.quote = $text_rejected, r.section = null, r.stance = 'rejects'
"""


@pytest.fixture()
def stance_source(seeded_store: Store) -> Iterator[str]:
    assert TEXT[0:46] == "Hamas said it wants a permanent end to the war"
    seeded_store.write(
        lambda tx: tx.run(
            WRITE,
            id=SOURCE,
            text=TEXT,
            reported=REPORTED,
            rejected=REJECTED,
            text_reported=TEXT[0:46],
            text_rejected=TEXT[55:77],
        ).consume()
    )
    yield SOURCE
    seeded_store.write(
        lambda tx: tx.run("MATCH (s:Source {id: $id}) DETACH DELETE s", id=SOURCE).consume()
    )


def real_errors(browser: WebDriver) -> list[str]:
    """Console errors, less a busy database's 503s, which the page retries (as in
    test_workspace.py): a loaded machine answers some reads 503, the page then succeeds."""
    return [e for e in console_errors(browser) if "status of 503" not in e]


def test_claim_panel_names_the_reported_speaker_and_words(
    browser: WebDriver, base_url: str, stance_source: str
) -> None:
    browser.get(f"{base_url}/#claim={REPORTED}")
    item = wait_for(
        browser,
        lambda b: b.find_elements(By.CSS_SELECTOR, f"li.assertion[data-source='{stance_source}']"),
        "the test source's appearance in the claim panel",
    )[0]
    assert item.find_element(By.CSS_SELECTOR, ".badge").text == "reports"
    reported = item.find_element(By.CSS_SELECTOR, ".reported-by")
    assert reported.get_attribute("data-speaker") == "hamas"
    assert "hamas" in reported.text and "said" in reported.text
    assert item.find_element(By.CSS_SELECTOR, "q.quote").text.startswith("Hamas said")
    article = browser.find_element(By.CSS_SELECTOR, "li.assertion[data-source='article-001']")
    assert article.find_element(By.CSS_SELECTOR, ".badge").text == "asserts"
    assert not article.find_elements(By.CSS_SELECTOR, ".reported-by")
    assert real_errors(browser) == []


def test_source_text_marks_rejected_and_reported_spans_apart(
    browser: WebDriver, base_url: str, stance_source: str
) -> None:
    browser.get(f"{base_url}/#claim={REJECTED}&source={stance_source}")
    marks = wait_for(
        browser,
        lambda b: b.find_elements(By.CSS_SELECTOR, "mark.hl[data-stances]"),
        "the test source's marks",
    )
    by_stance = {m.get_attribute("data-stances"): m for m in marks}
    assert set(by_stance) == {"reports", "rejects"}
    rejected, reported = by_stance["rejects"], by_stance["reports"]
    assert "stance-rejects" in (rejected.get_attribute("class") or "")
    assert "rejects: c-us-active-party" in (rejected.get_attribute("aria-label") or "")
    assert "reports (hamas: said" in (reported.get_attribute("title") or "")

    def look(mark: object, prop: str) -> str:
        return str(browser.execute_script(f"return getComputedStyle(arguments[0]).{prop};", mark))

    # not colour alone: each stance has its own line pattern
    assert "line-through" in look(rejected, "textDecorationLine")
    assert look(reported, "textDecorationStyle") == "double"
    palette = stance_marks(load_palette())
    legend = browser.find_elements(By.CSS_SELECTOR, ".stance-legend li")
    shown = {item.get_attribute("data-stance"): item.text for item in legend}
    assert set(shown) == {"reports", "rejects"}
    assert palette["rejects"]["mark"] in shown["rejects"]

    browser.get(f"{base_url}/#claim={ASSERTED}&source=article-001")
    asserted = wait_for(
        browser,
        lambda b: b.find_elements(By.CSS_SELECTOR, f"mark.hl[data-claims~='{ASSERTED}']"),
        "an asserted span of the article",
    )[0]
    assert asserted.get_attribute("data-stances") == "asserts"
    assert "line-through" not in look(asserted, "textDecorationLine")
    assert real_errors(browser) == []
