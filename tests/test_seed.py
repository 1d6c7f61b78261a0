"""The seed article held to its table: ../shared/seed/expected_quotes.csv.

Every required row (quote, kind, speaker, speaker mention, cue, venue) must come out of the
engine exactly; the optional rows are indirect speech, whose clause boundary is a matter of
judgement, so they must be found starting at the expected words with the right speaker and cue.
"""
from __future__ import annotations

import pandas as pd
import pytest

from conftest import shared_path
from kit.quotes import extract_quotes


def expected_rows(required: int | None = None) -> pd.DataFrame:
    table = pd.read_csv(shared_path("seed", "expected_quotes.csv"), keep_default_na=False)
    return table if required is None else table[table["required"] == required]


@pytest.fixture(scope="module")
def found(seed_articles, nlp) -> pd.DataFrame:
    return extract_quotes(seed_articles, nlp)


def test_seed_has_eleven_required_rows():
    assert len(expected_rows(1)) == 11


def test_seed_required_rows(found):
    for row in expected_rows(1).itertuples():
        match = found[found["quote"].str.strip() == row.quote.strip()]
        assert len(match) == 1, f"quote not found once: {row.quote[:50]}"
        got = match.iloc[0]
        assert got["kind"] == row.kind, row.quote[:50]
        assert got["speaker"] == row.speaker, row.quote[:50]
        assert got["speaker_mention"] == row.speaker_mention, row.quote[:50]
        assert got["cue"] == row.cue, row.quote[:50]
        assert got["venue"] == row.venue, row.quote[:50]


def test_seed_optional_indirect_rows(found):
    for row in expected_rows(0).itertuples():
        match = found[found["quote"].str.startswith(row.quote) & (found["kind"] == row.kind)]
        assert len(match) == 1, f"indirect statement not found: {row.quote[:50]}"
        got = match.iloc[0]
        assert (got["speaker"], got["cue"], got["venue"]) == (row.speaker, row.cue, row.venue), row.quote[:50]


def test_seed_offsets_point_into_the_text(found, seed_articles):
    text = seed_articles.iloc[0]["text"]
    for r in found.itertuples():
        assert text[r.quote_start:r.quote_end] == r.quote
        if r.speaker_start >= 0:
            assert text[r.speaker_start:r.speaker_end] == r.speaker_mention


def test_seed_gives_no_statement_from_speech_not_made(found, seed_articles):
    """"he has not explicitly stated whether he would continue or reduce aid" is no statement."""
    text = seed_articles.iloc[0]["text"]
    at = text.index("has not explicitly stated whether")
    assert not ((found["cue_start"] >= at) & (found["cue_start"] < at + 40)).any()
    assert not found["quote"].str.contains("continue or reduce aid").any()
