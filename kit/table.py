"""Stage 4: the tables a reporter publishes from.

``who_said_what(statements, articles)`` -> one row per statement, sorted by date:
    said_on, actor, speaker, camp, kind, quote, cue, venue, when_text, said_on_precision,
    title, source, url, article_id, quote_id, quote_start, quote_end, sentence
``by_camp_and_period(table, freq)`` -> period, camp, statements
"""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

WHO_SAID_WHAT_COLUMNS = [
    "said_on", "actor", "speaker", "camp", "kind", "quote", "cue", "venue", "when_text",
    "said_on_precision", "title", "source", "url", "article_id", "quote_id",
    "quote_start", "quote_end", "sentence",
]
PERIODS = {"day": "D", "week": "W-SUN", "month": "M"}


def who_said_what(statements: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per statement with its article's title, source and url, sorted by date."""
    meta = articles[["article_id", "title", "source", "url"]]
    table = statements.merge(meta, on="article_id", how="left")
    table = table.sort_values(["said_on", "article_id", "quote_start"], kind="stable", na_position="last")
    return table[WHO_SAID_WHAT_COLUMNS].reset_index(drop=True)


def by_camp_and_period(table: pd.DataFrame, period: str = "week") -> pd.DataFrame:
    """Statements per camp per day, week (starting Monday) or month."""
    dated = table.dropna(subset=["said_on"])
    start = pd.to_datetime(dated["said_on"]).dt.to_period(PERIODS[period]).dt.start_time
    counts = dated.assign(period=start).groupby(["period", "camp"]).size().rename("statements")
    return counts.reset_index().sort_values(["period", "camp"], kind="stable").reset_index(drop=True)


def write_table(table: pd.DataFrame, folder: str | Path, name: str, formats=("csv",)) -> list[Path]:
    """Write a table as ``name.csv`` (and ``.parquet``) atomically; returns the paths written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = folder / f"{name}.{fmt}"
        tmp = path.with_name(f".{path.name}.tmp")
        if fmt == "csv":
            table.to_csv(tmp, index=False, lineterminator="\n")
        elif fmt == "parquet":
            table.to_parquet(tmp, index=False)
        else:
            raise ValueError(f"unknown table format '{fmt}'")
        os.replace(tmp, path)
        written.append(path)
    return written
