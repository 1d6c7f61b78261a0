"""Attribution over the White House files: how fast, and how much of it is recognised. Run by hand.

    .venv/bin/python benchmarks/speakers.py                       # both White House files
    .venv/bin/python benchmarks/speakers.py --limit 50            # the first 50 articles of each
    .venv/bin/python benchmarks/speakers.py --every 10            # every 10th article (a sample over time)
    .venv/bin/python benchmarks/speakers.py a.jsonl b.jsonl       # other files

Extracts the statements through the extraction cache (a second run skips spaCy), then times
``kit.attribute_statements`` and prints: statements per second, the share of statements with a
registered actor and with a known camp (decided by actor, title or unnamed-source rule, and
the share in a camp other than Other), how every ``THE PRESIDENT`` turn resolved by year, and
the most frequent speakers the registry lacks.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import kit  # noqa: E402
import kit.cache  # noqa: E402
from kit.speakers import unknown_speakers  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
FILES = ["whitehouse_trump_2025_2026.jsonl", "whitehouse_biden_2022_2025.jsonl"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=[CORPUS / name for name in FILES])
    parser.add_argument("--limit", type=int, default=0, help="first N articles of each file (0: all)")
    parser.add_argument("--every", type=int, default=1, help="every Nth article of each file")
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()
    frames = [kit.load_articles(path).articles for path in args.files]
    frames = [f.iloc[::args.every] for f in frames]
    articles = pd.concat([f.head(args.limit) if args.limit else f for f in frames], ignore_index=True)
    started = time.perf_counter()
    statements = kit.cache.cached_statements(articles)
    print(f"extract: {time.perf_counter() - started:.0f} s {statements.attrs.get('cache')}")
    started = time.perf_counter()
    out = kit.attribute_statements(statements, articles, kit.load_registry())
    took = time.perf_counter() - started
    print(f"attribute: {len(out)} statements in {len(articles)} articles, {took:.1f} s ({len(out) / took:.0f}/s)")
    print(f"registered actor: {(out['actor'] != '').mean():.1%}")
    print(f"known camp (actor, title or rule): {(out['matched_by'] != '').mean():.1%}")
    print(f"camp other than Other: {(out['camp_id'] != 'other').mean():.1%}")
    print("by camp:", out["camp"].value_counts().to_dict())
    turns = out[out["speaker_mention"].str.upper() == "THE PRESIDENT"]
    print("THE PRESIDENT turns by year:",
          turns.groupby([turns["published"].dt.year, "actor"]).size().to_dict())
    print(f"\ntop {args.top} unknown speakers (statements, camp, speaker, example):")
    for row in unknown_speakers(out).head(args.top).itertuples():
        print(f"{row.statements:6d}  {row.camp:<6}  {row.speaker[:40]:<40}  “{row.examples}”")


if __name__ == "__main__":
    main()
