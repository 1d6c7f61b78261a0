"""The published page, opened in headless Chromium with the network blocked: the seed report and a
report on a sample of the shared corpus load nothing from anywhere, carry their title, never show
NaT, and show every statement's words exactly as the table holds them. Screenshots go to
``tests/artifacts/`` (git-ignored).

Run with ``pytest -m browser``; needs Debian's ``chromium`` and ``chromium-driver``; the reports
need ``../shared`` (skipped where it is absent).
"""
from __future__ import annotations

import json
import random
import time

import pandas as pd
import pytest

from chromium import chromium_or_skip, full_page_screenshot
from conftest import REPO, shared_path
from kit.params import notebook_parameters
from kit.report import NOTEBOOK, run_report

pytestmark = pytest.mark.browser
ARTIFACTS = REPO / "tests" / "artifacts"
CORPUS_SAMPLE = 300


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory, cache):
    seed = shared_path("seed", "trump-putin-talks.jsonl")
    return run_report([seed], title="Seed: Trump and Putin talks", output_root=tmp_path_factory.mktemp("seed"),
                      parameters={"cache_dir": str(cache)})


@pytest.fixture(scope="module")
def corpus_report(tmp_path_factory, cache):
    """A few hundred texts drawn (fixed seed) from every corpus file, so the test fits in CI."""
    files = sorted(shared_path("corpus").glob("*.jsonl"))
    rng = random.Random(17)
    lines = [line for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    picked = rng.sample(lines, min(CORPUS_SAMPLE, len(lines)))
    folder = tmp_path_factory.mktemp("corpus-sample")
    (folder / "sample.jsonl").write_text("\n".join(picked) + "\n", encoding="utf-8")
    return run_report([folder], title="Corpus sample", output_root=tmp_path_factory.mktemp("corpus"),
                      parameters={"cache_dir": str(cache)})


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver  # noqa: F401 - chromium_or_skip needs selenium

    driver = chromium_or_skip(tmp_path_factory.mktemp("profile"))
    driver.set_page_load_timeout(180)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["http://*", "https://*", "ws://*", "wss://*"]})
    yield driver
    driver.quit()


def open_page(browser, report) -> dict:
    """Load the page; what it asked the network for, its title and text."""
    browser.get(report.html.as_uri())
    time.sleep(1)
    fetched = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(n => !n.startsWith('data:') && !n.startsWith('file:'));")
    return {"fetched": fetched, "title": browser.title,
            "text": browser.execute_script("return document.body.innerText;"),
            "table": browser.execute_script(
                "const t = document.getElementById('who-said-what'); return t ? t.innerText : '';")}


def words(text: str) -> str:
    return " ".join(str(text).split())


@pytest.mark.parametrize("which", ["seed_report", "corpus_report"])
def test_the_page_is_self_contained_titled_and_shows_every_statement(which, request, browser):
    report = request.getfixturevalue(which)
    page = open_page(browser, report)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    full_page_screenshot(browser, ARTIFACTS / f"{which}.png")
    html = report.html.read_text(encoding="utf-8")
    assert page["fetched"] == [], f"the page asked the network for {page['fetched']}"
    assert "<script src" not in html and "mathjax" not in html.lower() and "require.js" not in html
    title = json.loads(report.manifest.read_text())["title"]
    assert page["title"] == title
    assert "NaT" not in page["text"] and "NaN" not in page["text"]
    table = pd.read_csv(report.run_dir / "tables" / "who_said_what.csv", keep_default_na=False)
    page_rows = int(notebook_parameters(NOTEBOOK)["page_rows"])
    shown = words(page["table"])
    # the page holds the first page_rows statements and links the whole table for the rest
    missing = [q for q in table["quote"].head(page_rows) if words(q) not in shown]
    assert not missing, f"{len(missing)} of {min(len(table), page_rows)} quotes are not shown as the table holds them: {missing[:3]}"
    if len(table) > page_rows:
        assert "tables/who_said_what.csv" in page["text"] and "tables/who_said_what.db" in page["text"]


def test_the_seed_findings_lead_with_trump_and_peskov(seed_report, browser):
    page = open_page(browser, seed_report)
    summary = page["text"].split("Since the last run")[0]
    lines = summary.splitlines()
    at = next(i for i, line in enumerate(lines) if "claim and counter-claim" in line)
    claim = " ".join(lines[at:at + 2])  # the finding's count, then its best pair on the next line
    assert "Donald Trump" in claim and "Dmitry Peskov" in claim and "initial contact" in claim


def test_finding_links_filter_the_table(seed_report, browser):
    browser.get(seed_report.html.as_uri() + "#find=who-said-what:speaker%3A%20Dmitry%20Peskov")
    time.sleep(1)
    rows = browser.execute_script(
        "return [...document.querySelectorAll('#who-said-what tbody tr')].filter(r => !r.hidden).length;")
    table = pd.read_csv(seed_report.run_dir / "tables" / "who_said_what.csv", keep_default_na=False)
    named = table["actor"].where(table["actor"] != "", table["speaker"])
    assert rows == int(named.str.contains("Dmitry Peskov").sum()) >= 1
