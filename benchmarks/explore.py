"""How quick the quote browser is on a big statement table: run by hand.

    .venv/bin/python benchmarks/explore.py                                   # Trump-era White House file
    .venv/bin/python benchmarks/explore.py --corpus ../shared/corpus/kremlin_en_2021_2022.jsonl --limit 100

Extracts and attributes the statements of the first ``--limit`` articles of ``--corpus`` (through
the extraction cache, so a second run skips spaCy), then repeats them until the table has
``--rows`` statements (each copy with its own quote_id) and times what a reporter waits for:
building the browser, each filter, a free-text search and turning a page. Prints one line per
step with seconds (median of ``--repeat``).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import kit  # noqa: E402
import kit.cache  # noqa: E402
from kit.explore import explore  # noqa: E402


def timed(step, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        step()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def big_table(statements: pd.DataFrame, rows: int) -> pd.DataFrame:
    copies = max(-(-rows // max(len(statements), 1)), 1)
    big = pd.concat([statements] * copies, ignore_index=True).head(rows)
    big["quote_id"] = [f"{q}#{i}" for i, q in enumerate(big["quote_id"])]
    return big


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus" / "whitehouse_trump_2025_2026.jsonl"))
    parser.add_argument("--limit", type=int, default=151, help="articles to extract from")
    parser.add_argument("--rows", type=int, default=12_000, help="statements in the table browsed")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    articles = kit.load_articles([args.corpus]).articles.head(args.limit)
    registry = kit.load_registry()
    statements = kit.cache.cached_statements(articles)
    statements = kit.cache.cached_attribution(statements, articles, registry)
    statements = kit.themes.add_themes(statements, kit.tag_themes(statements))
    table = big_table(statements, args.rows)
    print(f"{len(articles)} articles, {len(statements)} statements, browsing {len(table):,} rows")

    holder = {}
    build = timed(lambda: holder.update(b=explore(table, articles, registry=registry, corrections=False)), args.repeat)
    b = holder["b"]
    top_actor = b.actor.options[1][1] if len(b.actor.options) > 1 else ""
    top_camp = b.camp.options[1][1] if len(b.camp.options) > 1 else ""
    steps = {
        "build browser": build,
        f"camp = {top_camp}": timed(lambda: b.set(camp=top_camp), args.repeat),
        f"actor = {top_actor}": timed(lambda: b.set(camp="", actor=top_actor), args.repeat),
        "date range (one year)": timed(lambda: b.set(actor="", start="2025-01-01", end="2025-12-31"), args.repeat),
        "free text 'ukraine'": timed(lambda: b.set(start="", end="", text="ukraine"), args.repeat),
        "free text, two words": timed(lambda: b.set(text="president said"), args.repeat),
        "clear all filters": timed(lambda: b.set(text=""), args.repeat),
        "next page": timed(lambda: b.next_button.click(), args.repeat),
        "last page": timed(lambda: b.go_to(b.pages - 1), args.repeat),
    }
    for name, seconds in steps.items():
        print(f"{name:32s} {seconds:7.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
