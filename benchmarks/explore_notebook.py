"""The exploration notebook on real files, end to end: run by hand.

    .venv/bin/python benchmarks/explore_notebook.py \
        ../shared/corpus/whitehouse_trump_2025_2026.jsonl ../shared/corpus/kremlin_en_2021_2022.jsonl \
        --max-articles 151 --png reports/explore-corpus.png

Executes ``notebooks/2-who-said-what.ipynb`` with papermill on the files given (the first
``--max-articles`` of each), exports it to HTML (``kit.explore.export_html``), opens the HTML in
headless Chromium, opens the first row of the browser and saves a screenshot. Prints the
seconds each step took and what the page showed. Needs chromium and chromium-driver.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from chromium import full_page_screenshot, open_chromium  # noqa: E402
from kit.explore import run_exploration  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", help="article files or folders")
    parser.add_argument("--max-articles", type=int, default=0, help="first N articles of each file (0 = all)")
    parser.add_argument("--out", default=None, help="folder for the executed notebook and HTML (default: a temp folder)")
    parser.add_argument("--png", default=str(REPO / "reports" / "explore-corpus.png"))
    parser.add_argument("-p", "--param", action="append", default=[], help="NAME=JSON notebook parameter")
    args = parser.parse_args(argv)

    out = Path(args.out or tempfile.mkdtemp(prefix="explore-"))
    params = {"input_paths": [str(Path(p).resolve()) for p in args.inputs], "actors_files": [],
              "max_articles": args.max_articles, "corrections_file": str(out / "corrections.csv")}
    for item in args.param:
        name, _, value = item.partition("=")
        params[name] = json.loads(value)
    t0 = time.perf_counter()
    executed, html = run_exploration(out, params)
    t1 = time.perf_counter()
    print(f"notebook executed in {t1 - t0:.1f} s: {executed}")
    print(f"HTML: {html} ({html.stat().st_size:,} bytes)")

    from selenium.webdriver.common.by import By

    driver = open_chromium(out / "chromium-profile")
    try:
        driver.get(html.resolve().as_uri())
        status = driver.find_element(By.CSS_SELECTOR, ".kit-explorer-status").text
        rows = driver.find_elements(By.CSS_SELECTOR, ".kit-explorer details.kit-row")
        if rows:
            rows[0].find_element(By.TAG_NAME, "summary").click()
        marks = driver.find_elements(By.CSS_SELECTOR, ".kit-article mark.kit-statement")
        png = full_page_screenshot(driver, args.png)
    finally:
        driver.quit()
    print(f"browser: {status}; {len(rows)} rows on the page; {len(marks)} statements highlighted in the article")
    print(f"screenshot: {png} ({png.stat().st_size:,} bytes) after {time.perf_counter() - t1:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
