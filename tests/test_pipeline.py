"""kit.pipeline: the flow's own additions to the rows (notes on text that displays misleadingly)."""
from __future__ import annotations

import pandas as pd

import kit
from conftest import SAMPLE_ACTORS
from kit import pipeline
from kit.params import StageLog

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


def test_a_warm_run_after_new_articles_writes_the_same_tables_as_a_cold_one(sample_loaded, claims_tables, nlp, tmp_path,
                                                                           monkeypatch):
    """Per-article pieces come from the cache, and CSV rows from the files the last run wrote (every table,
    however small, here); the tables are byte for byte those of a run without a cache."""
    import filecmp

    from kit import csv_reuse

    monkeypatch.setattr(csv_reuse, "MIN_ROWS", 0)

    registry = kit.load_registry([SAMPLE_ACTORS])
    statements = pd.concat([kit.attribute_statements(kit.extract_quotes(sample_loaded.articles, nlp=nlp),
                                                     sample_loaded.articles, registry), claims_tables[0]],
                           ignore_index=True)
    articles = pd.concat([sample_loaded.articles, claims_tables[1]], ignore_index=True)
    late = set(claims_tables[1]["article_id"])  # these arrive in the second run
    early_articles = articles[~articles["article_id"].isin(late)]
    early = statements[statements["article_id"].isin(set(early_articles["article_id"]))]
    cache = tmp_path / "cache"

    def build(st, arts, cache_dir, log=None):
        return pipeline.build_tables(st, arts, nlp=nlp, registry=registry, cache_dir=cache_dir, log=log)

    build(early, early_articles, cache).write(tmp_path / "early", database=None)
    log = StageLog(tmp_path)
    warm = build(statements, articles, cache, log)
    assert log.stages["tables"]["parsed"] == statements.loc[statements["article_id"].isin(late), "article_id"].nunique()
    assert log.stages["tables"]["reused"] == early["article_id"].nunique(), "the early articles' pieces are reused"
    # Run again with nothing new: every article's pieces now come from the stage's block, the last run's
    # pieces kept as one (kit.cache_frames), not from its own entry.
    log = StageLog(tmp_path)
    again = build(statements, articles, cache, log)
    assert log.stages["tables"]["parsed"] == 0
    cold = build(statements, articles, None)
    assert len(warm.claims) and len(warm.echoes) >= 0 and len(warm.theme_tags)
    runs = {"warm": warm, "again": again, "cold": cold}
    for name, tables in runs.items():
        tables.write(tmp_path / name, database=None)
    files = sorted(p.name for p in (tmp_path / "cold").iterdir())
    for name in ("warm", "again"):
        assert files == sorted(p.name for p in (tmp_path / name).iterdir())
        different = [f for f in files if not filecmp.cmp(tmp_path / "cold" / f, tmp_path / name / f, shallow=False)]
        assert not different, f"{name} and cold runs wrote different {different}"
