"""The live browser in JupyterLab, driven through headless Chromium as a reporter would use it.

Starts JupyterLab (a random port and token) on a copy of notebooks/2-who-said-what.ipynb pointed
at data/sample (FICTIONAL articles), runs every cell, then picks a camp in the widget's dropdown,
turns the page and opens a row; the kernel answers each change. Screenshot:
tests/artifacts/explore-lab.png (git-ignored). Skipped without chromium and chromium-driver.
"""
from __future__ import annotations

import json
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from chromium import chromium_or_skip
from conftest import REPO, SAMPLE, SAMPLE_ACTORS

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ARTIFACTS = REPO / "tests" / "artifacts"
NOTEBOOK = REPO / "notebooks" / "2-who-said-what.ipynb"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def notebook_on_sample(folder: Path) -> Path:
    """A copy of the exploration notebook whose parameters point at the sample, page size 5."""
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", []))
    cell["source"] = "".join(cell["source"]) + (
        f"\ninput_paths = [{str(SAMPLE)!r}]\nactors_files = [{str(SAMPLE_ACTORS)!r}]\n"
        f"corrections_file = {str(folder / 'corrections.csv')!r}\npage_size = 5\n")
    path = folder / "explore.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


@pytest.fixture()
def lab(tmp_path):
    """(base url, token) of a JupyterLab server on tmp_path, stopped afterwards."""
    notebook_on_sample(tmp_path)
    port, token = free_port(), secrets.token_hex(16)
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root", f"--port={port}",
           "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={tmp_path}",
           "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=", "--ServerApp.open_browser=False"]
    log = open(tmp_path / "lab.log", "wb")
    server = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5)
                break
            except OSError:
                if server.poll() is not None or time.time() > deadline:
                    pytest.fail("JupyterLab did not start:\n" + (tmp_path / "lab.log").read_text()[-2000:])
                time.sleep(1)
        yield base, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def test_live_browser_answers_filters_pages_and_opens_rows(lab, tmp_path):
    base, token = lab
    driver = chromium_or_skip(tmp_path / "profile")
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    def status() -> str:
        return driver.find_element(By.XPATH, "//*[contains(@class,'widget-html')][contains(., 'statements · page')]").text

    def shown_camps() -> list[str]:
        return [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".widget-html .kit-row .kit-camp")]

    try:
        driver.set_window_size(1400, 1400)
        driver.get(f"{base}/lab/tree/explore.ipynb?token={token}")
        WebDriverWait(driver, 120).until(lambda d: d.execute_script(
            "return !!(window.jupyterapp && document.querySelector('.jp-Notebook .jp-Cell'))"))
        # The kernel needs a moment to be ready before run-all; retry until outputs appear.
        for _ in range(3):
            time.sleep(5)
            driver.execute_script("window.jupyterapp.commands.execute('notebook:run-all-cells')")
            try:
                WebDriverWait(driver, 180).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".widget-html .kit-row"))
                break
            except Exception:  # noqa: BLE001 - retried, then reported below
                continue
        rows = driver.find_elements(By.CSS_SELECTOR, ".widget-html .kit-row")
        assert len(rows) == 5, "one page of the live widget"
        total = int(status().split(" of ")[0].replace(",", ""))

        camp = Select(driver.find_element(By.XPATH, "//div[contains(@class,'widget-dropdown')][.//label[text()='Camp']]//select"))
        kremlin = next(o.get_attribute("value") for o in camp.options if o.text.startswith("Kremlin ("))
        expected = int(next(o.text for o in camp.options if o.text.startswith("Kremlin (")).split("(")[1].rstrip(")"))
        camp.select_by_value(kremlin)
        WebDriverWait(driver, 30).until(lambda d: status().startswith(f"{expected} of {total}"))
        WebDriverWait(driver, 30).until(lambda d: shown_camps() and set(shown_camps()) == {"Kremlin"})
        first_page = [e.get_attribute("data-quote-id") for e in driver.find_elements(By.CSS_SELECTOR, ".widget-html .kit-row")]

        driver.find_element(By.XPATH, "//button[contains(., 'next')]").click()
        WebDriverWait(driver, 30).until(lambda d: "page 2 of" in status())
        second_page = [e.get_attribute("data-quote-id") for e in driver.find_elements(By.CSS_SELECTOR, ".widget-html .kit-row")]
        assert second_page and not set(first_page) & set(second_page)

        row = driver.find_element(By.CSS_SELECTOR, ".widget-html .kit-row")
        quote = row.find_element(By.CSS_SELECTOR, "mark.kit-quote")
        assert not quote.is_displayed()
        row.find_element(By.TAG_NAME, "summary").click()
        assert quote.is_displayed() and row.find_element(By.CSS_SELECTOR, ".kit-source").is_displayed()
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", row)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(ARTIFACTS / "explore-lab.png"))
    finally:
        driver.quit()
