"""Headless Chromium for browser tests and screenshots (Debian's chromium and chromium-driver).

``open_chromium(tmp_dir)`` returns a selenium WebDriver with a fresh profile in ``tmp_dir``, or
raises ``ChromiumMissing`` (tests turn that into a skip). No network is needed: the driver is the
system's, so selenium-manager never downloads one.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1600"]


class ChromiumMissing(RuntimeError):
    """selenium, chromium or chromedriver is not installed."""


def open_chromium(profile_dir: str | Path):
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError as exc:
        raise ChromiumMissing(f"selenium is not installed ({exc})") from exc
    browser = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
    if not browser or not driver:
        raise ChromiumMissing("chromium and chromedriver are needed: apt-get install -y chromium chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in FLAGS + [f"--user-data-dir={Path(profile_dir).resolve()}"]:
        options.add_argument(flag)
    return webdriver.Chrome(options=options, service=Service(executable_path=driver))


def chromium_or_skip(profile_dir: str | Path):
    """``open_chromium``, or skip the calling test with the reason Chromium is missing."""
    import pytest

    try:
        return open_chromium(profile_dir)
    except ChromiumMissing as exc:
        pytest.skip(str(exc))


def full_page_screenshot(driver, png: str | Path) -> Path:
    """Resize the window to the page's height (capped) and save a PNG."""
    height = driver.execute_script("return Math.min(document.body.scrollHeight, 6000)")
    driver.set_window_size(1280, max(int(height), 800))
    png = Path(png)
    png.parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(png))
    return png
