"""kit.claims: claims and counter-claims from opposing camps, ranked."""
from __future__ import annotations

import pandas as pd

from conftest import CLAIMS, articles_frame, statements_frame
from kit import claims, pipeline, themes
from kit.table import who_said_what


def test_claims_fixtures_say_they_are_fictional():
    for path in sorted(CLAIMS.iterdir()):
        assert "FICTIONAL" in path.read_text(encoding="utf-8")[:300], path.name


def test_talks_progressed_against_no_contact_is_ranked_first(claims_tables, nlp):
    statements, articles = claims_tables
    tables = pipeline.build_tables(statements, articles, claim_days=7, nlp=nlp)
    top = tables.claims.iloc[0]
    assert top["rank"] == 1
    assert {top["claim_camp"], top["counter_camp"]} == {"White House", "Kremlin"}
    assert "progressed" in top["claim_quote"] and "no contact" in top["counter_quote"]
    assert top["claim_speaker"] == "Harriet Calloway" and top["counter_speaker"] == "Pavel Ostrogin"
    assert "Peace talks" in top["themes"] and top["polarity_differs"]
    assert top["days_apart"] == 1
    assert tables.claims["score"].is_monotonic_decreasing
    # The near-identical denial seven weeks later is outside the 7-day window...
    assert not tables.claims["counter_said_on"].eq(pd.Timestamp("2031-04-20")).any()
    # ...and comes in when the window is widened.
    wide = pipeline.build_tables(statements, articles, claim_days=60, nlp=nlp).claims
    assert wide["counter_said_on"].eq(pd.Timestamp("2031-04-20")).any()


def test_claims_pair_only_opposing_camps_within_the_window(nlp):
    rows = [
        {"article_id": "a1", "said_on": "2031-01-01", "camp": "White House", "quote": "The ceasefire talks are going well."},
        {"article_id": "a1", "said_on": "2031-01-01", "camp": "White House", "quote": "We never stopped the ceasefire talks."},
        {"article_id": "a2", "said_on": "2031-01-02", "camp": "Other", "quote": "Ceasefire talks are a rumour, a reader wrote."},
        {"article_id": "a3", "said_on": "2031-01-20", "camp": "Kremlin", "quote": "There are no ceasefire talks at all."},
    ]
    table = who_said_what(statements_frame(rows), articles_frame({"a1": "2031-01-01", "a2": "2031-01-02",
                                                                     "a3": "2031-01-20"}))
    tags = themes.tag_themes(table, nlp=nlp)
    assert claims.claims_and_counterclaims(table, tags, days=7, nlp=nlp).empty
    pairs = claims.claims_and_counterclaims(table, tags, days=30, nlp=nlp)
    assert len(pairs) == 2 and set(pairs["counter_camp"]) == {"Kremlin"}
    assert set(pairs["claim_camp"]) == {"White House"}
    # "going well" against "no ... at all": the pair whose polarity differs ranks first.
    assert pairs.iloc[0]["claim_quote"] == "The ceasefire talks are going well."
