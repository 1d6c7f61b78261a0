"""The exploration notebook as a reader meets it: executed, exported to HTML, opened in Chromium.

Runs on data/sample (FICTIONAL articles). Needs chromium and chromium-driver; skipped without them.
The screenshot is saved to tests/artifacts/explore-sample.png (git-ignored).
"""
from __future__ import annotations

import json

import pytest

from chromium import chromium_or_skip, full_page_screenshot
from conftest import REPO, SAMPLE, SAMPLE_ACTORS
from kit.explore import run_exploration

pytestmark = pytest.mark.browser
ARTIFACTS = REPO / "tests" / "artifacts"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("explore")
    params = {"input_paths": [str(SAMPLE)], "actors_files": [str(SAMPLE_ACTORS)], "camp": "Kremlin",
              "corrections_file": str(out / "corrections.csv"), "page_size": 5}
    return run_exploration(out, params)


def test_executed_notebook_holds_the_browser_and_its_snapshot(exported):
    executed, html = exported
    nb = json.loads(executed.read_text(encoding="utf-8"))
    bundles = [o.get("data", {}) for c in nb["cells"] for o in c.get("outputs", [])]
    browser = [b for b in bundles if "application/vnd.jupyter.widget-view+json" in b]
    assert len(browser) == 1, "the browser is a live widget in JupyterLab"
    assert 'class="kit-explorer"' in "".join(browser[0]["text/html"]), "with a static snapshot for HTML readers"
    assert not (executed.parent / "corrections.csv").exists(), "nothing is written until a reporter corrects"


def test_browser_shows_rows_that_open_to_their_source(exported, tmp_path):
    _, html = exported
    driver = chromium_or_skip(tmp_path / "profile")
    from selenium.webdriver.common.by import By

    try:
        driver.get(html.resolve().as_uri())
        status = driver.find_element(By.CSS_SELECTOR, ".kit-explorer-status").text
        assert "filters: camp: Kremlin" in status
        rows = driver.find_elements(By.CSS_SELECTOR, ".kit-explorer details.kit-row")
        assert 1 <= len(rows) <= 5
        assert all("Kremlin" in r.find_element(By.CSS_SELECTOR, ".kit-camp").text for r in rows)
        quote = rows[0].find_element(By.CSS_SELECTOR, "mark.kit-quote")
        assert not quote.is_displayed(), "the paragraph is folded until the row is opened"
        rows[0].find_element(By.TAG_NAME, "summary").click()
        assert quote.is_displayed() and quote.text
        assert rows[0].find_element(By.CSS_SELECTOR, ".kit-source").text
        marks = driver.find_elements(By.CSS_SELECTOR, ".kit-article mark.kit-statement")
        assert marks and all(m.is_displayed() for m in marks[:3])
        assert not driver.find_elements(By.XPATH, "//*[contains(text(), 'VBox(children')]")
        png = full_page_screenshot(driver, ARTIFACTS / "explore-sample.png")
        assert png.stat().st_size > 10_000
    finally:
        driver.quit()
