"""Themes on lemmas: spaCy's lemmatizer (tagger + lemmatizer only) against the cheap light stem.

Run by hand: ``.venv/bin/python benchmarks/themes_lemmas.py [articles ...]`` (default: the White
House and Kremlin files in ../shared/corpus, first --limit articles). Prints the time each method
takes on the same statements and how often the two give the same set of themes.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import kit
import kit.cache
from kit import table as T
from kit import themes

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--limit", type=int, default=300, help="articles to use (0 = all)")
    args = parser.parse_args()
    paths = args.paths or sorted(CORPUS.glob("whitehouse_trump_*.jsonl")) + sorted(CORPUS.glob("kremlin_en_*.jsonl"))
    articles = kit.load_articles(paths).articles
    if args.limit:
        articles = articles.head(args.limit)
    statements = kit.cache.cached_statements(articles)
    table = T.who_said_what(statements, articles)
    texts = [themes.statement_text(q, s) for q, s in zip(table["quote"], table["sentence"])]
    print(f"{len(articles)} articles, {len(table)} statements, {sum(map(len, texts)):,} characters to match")
    lexicon = themes.load_themes()
    results = {}
    for method in ("stem", "spacy"):
        if method == "spacy":
            kit.load_pipeline()  # load time is not lemmatising time
        start = time.perf_counter()
        lemmas = themes.lemmatise(texts, method=method)
        tags = themes.tag_themes(table, lexicon, lemmas=lemmas)
        seconds = time.perf_counter() - start
        results[method] = tags.groupby("quote_id")["theme"].apply(frozenset).to_dict()
        print(f"{method:6s} {seconds:8.2f} s  {len(tags):6d} statement-theme rows  "
              f"{len(results[method])} statements with a theme")
    ids = list(table["quote_id"])
    same = sum(results["stem"].get(q, frozenset()) == results["spacy"].get(q, frozenset()) for q in ids)
    print(f"same set of themes for {same}/{len(ids)} statements ({same / max(len(ids), 1):.1%})")
    only = {"stem": 0, "spacy": 0}
    for q in ids:
        a, b = results["stem"].get(q, frozenset()), results["spacy"].get(q, frozenset())
        only["stem"] += len(a - b)
        only["spacy"] += len(b - a)
    print(f"themes only the stem found: {only['stem']}; only spaCy found: {only['spacy']}")


if __name__ == "__main__":
    main()
