"""The HTML report is safe to open: hostile article text is shown, never run (headless Chromium).

Run with ``pytest -m browser``; needs the Debian packages ``chromium`` and ``chromium-driver``
(``.ci/run`` installs them). A screenshot is saved under ``tests/artifacts/`` (git-ignored).
"""
from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import pytest

from conftest import REPO
from kit.report import run_report

pytestmark = pytest.mark.browser

HOSTILE = REPO / "tests" / "fixtures" / "hostile"
ARTIFACTS = REPO / "tests" / "artifacts"
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
HOSTILE_TITLE = "<script>window.__pwned='param'</script>Hostile <img src=x onerror=\"window.__pwned='ptitle'\">"


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    return run_report([HOSTILE / "articles"], title=HOSTILE_TITLE, output_root=root,
                      parameters={"actors_files": [str(HOSTILE / "actors.yml")], "cache_dir": str(root / "cache")})


@pytest.fixture(scope="module")
def browser():
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("headless Chromium is not installed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="kit-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,2000",
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(120)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def test_the_report_renders_the_hostile_articles(hostile_report):
    html = hostile_report.html.read_text(encoding="utf-8")
    assert "Ministry" in html and "numbers are wrong" in html, "the hostile articles made it into the report"


def test_no_script_from_article_text_runs_in_chromium(hostile_report, browser):
    from selenium.common.exceptions import UnexpectedAlertPresentException

    try:
        browser.get(hostile_report.html.as_uri())
        time.sleep(2)  # let onerror/onload handlers fire if any had survived
        pwned = browser.execute_script("return window.__pwned === undefined ? null : String(window.__pwned);")
        title = browser.title
    except UnexpectedAlertPresentException as exc:  # an alert() payload ran
        pytest.fail(f"a script from the articles ran: {exc}")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "hostile_report.png"))
    assert pwned is None, f"payload {pwned!r} ran"
    assert "PWNED" not in title


def test_hostile_markup_is_inert_in_the_dom(hostile_report, browser):
    browser.get(hostile_report.html.as_uri())
    handlers = browser.execute_script("""
        const found = [];
        for (const el of document.querySelectorAll('*')) {
          for (const a of el.attributes) {
            if (a.name.startsWith('on')) found.push(el.tagName + ' ' + a.name);
          }
        }
        return found;""")
    assert handlers == [], f"elements with event handlers: {handlers}"
    js_links = browser.execute_script(
        "return [...document.querySelectorAll('a[href], iframe[src]')]"
        ".map(e => e.getAttribute('href') || e.getAttribute('src'))"
        ".filter(h => h.trim().toLowerCase().startsWith('javascript'));")
    assert js_links == []
    scripts = browser.execute_script(
        "return [...document.scripts].map(s => s.text).filter(t => t.includes('__pwned'));")
    assert scripts == [], "no <script> element carries article text"


def test_payloads_are_shown_as_text(hostile_report, browser):
    browser.get(hostile_report.html.as_uri())
    text = browser.execute_script("return document.body.innerText;")
    assert "<script>window.__pwned='quote'</script>" in text, "a quote's markup is shown as typed"
    assert "Hostile camp" in text and "<script>window.__pwned='camp'</script>" in text
    assert "<script>window.__pwned='param'</script>Hostile" in text, "the title parameter is shown as typed"
    assert "Tom &amp; Jerry" in text, "HTML entities in articles are shown as typed, not decoded"
