"""The seed article: its direct quotes found with the speakers a reporter expects."""
from __future__ import annotations

import pandas as pd

from conftest import shared_path
from kit.quotes import extract_quotes
from kit.speakers import attribute_statements


def expected_rows(kind: str | None = None) -> pd.DataFrame:
    table = pd.read_csv(shared_path("seed", "expected_quotes.csv"))
    table = table[table["required"] == 1]
    return table if kind is None else table[table["kind"] == kind]


def test_seed_direct_quotes_have_their_speakers(seed_articles, nlp):
    found = extract_quotes(seed_articles, nlp)
    for row in expected_rows("direct").itertuples():
        match = found[found["quote"].str.strip() == row.quote.strip()]
        assert len(match) == 1, f"direct quote not found: {row.quote[:50]}"
        assert match.iloc[0]["speaker"] == row.speaker, row.quote[:50]
