"""kit.pipeline: the flow's own additions to the rows (notes on text that displays misleadingly)."""
from __future__ import annotations

import pandas as pd

import kit
from conftest import SAMPLE_ACTORS
from kit import pipeline

# FICTIONAL: a right-to-left override makes "tpecca ton" display as "not accept", and isolates
# hide inside the speaker's name.
BIDI_TEXT = ("FICTIONAL TEST ARTICLE.\n\n"
             "\u201cWe will \u202etpecca ton\u202c the deal,\u201d Dana \u2066Whitcombe\u2069 told reporters on Monday.\n\n"
             "\u201cThe talks go on,\u201d Oleg Varnavin said.")


def test_bidi_controls_are_noted_in_the_row_and_the_speaker_still_matched(tmp_path):
    articles = pd.DataFrame({"article_id": ["fx-bidi"], "title": ["Bidi (fictional)"], "text": [BIDI_TEXT],
                             "published": pd.to_datetime(["2026-02-10T12:00Z"], utc=True),
                             "source": ["Test Wire"], "url": [""]})
    statements = pipeline.attributed_statements(articles, registry=kit.load_registry([SAMPLE_ACTORS]),
                                                cache_dir=tmp_path, n_process=1)
    flagged = statements[statements["quote"].str.contains("tpecca")].iloc[0]
    assert "U+202C, U+202E" in flagged["note"] and "quote" in flagged["note"]
    assert "U+2066, U+2069" in flagged["note"] and "speaker" in flagged["note"]
    assert flagged["actor"] == "Dana Whitcombe"
    assert statements.loc[~statements["quote"].str.contains("tpecca"), "note"].eq("").all()
    table = kit.who_said_what(statements, articles)
    assert table.loc[table["quote"].str.contains("tpecca"), "note"].str.contains("bidirectional").all()
