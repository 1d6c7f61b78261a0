"""kit.themes: the theme lexicon, matched on every inflection."""
from __future__ import annotations

import pytest

from conftest import articles_frame, statements_frame
from kit import themes
from kit.table import who_said_what


def test_themes_match_lemmas_and_a_statement_carries_several(nlp):
    rows = [
        {"article_id": "a1", "said_on": "2031-02-01", "camp": "Kremlin",
         "quote": "The sanctions on our gas pipelines were discussed when the two presidents talked by phone."},
        {"article_id": "a1", "said_on": "2031-02-01", "camp": "White House",
         "quote": "We negotiated hard and we are sanctioning three more banks today."},
        {"article_id": "a2", "said_on": "2031-02-03", "camp": "White House",
         "quote": "The weather in the capital was lovely this morning, thank you."},
    ]
    table = who_said_what(statements_frame(rows), articles_frame({"a1": "2031-02-01", "a2": "2031-02-03"}))
    tags = themes.tag_themes(table, nlp=nlp)
    by_quote = tags.groupby("quote_id")["theme"].apply(set).to_dict()
    first, second, third = table["quote_id"]
    assert {"sanctions", "energy"} <= by_quote[first]
    assert {"sanctions", "peace_talks"} <= by_quote[second], "sanctioning -> sanction, negotiated -> negotiate"
    assert third not in by_quote
    counts = themes.themes_by_camp(table, tags)
    assert len(counts) == len(themes.load_themes().labels) * 2, "every theme and camp, zeros included"
    white = counts.set_index(["theme", "camp"]).loc[("sanctions", "White House")]
    assert white["statements"] == 1 and white["share"] == 0.5
    themed = themes.add_themes(table, tags)
    assert "Sanctions" in themed.loc[0, "themes"] and "Energy" in themed.loc[0, "themes"]


def test_a_short_fragment_is_matched_with_its_sentence(nlp):
    rows = [{"article_id": "a1", "said_on": "2031-02-01", "camp": "White House", "quote": "made real progress",
             "sentence": "The spokeswoman said the peace talks had 'made real progress'."}]
    table = who_said_what(statements_frame(rows), articles_frame({"a1": "2031-02-01"}))
    assert set(themes.tag_themes(table, nlp=nlp)["theme"]) == {"peace_talks"}


def test_lexicon_errors_name_the_file(tmp_path):
    bad = tmp_path / "themes.yml"
    bad.write_text("themes:\n  a: {label: A, terms: [talk]}\nnegations: [no, never]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="themes.yml.*quotes"):
        themes.load_themes(bad)
    bad.write_text("themes:\n  a: {label: A}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="theme 'a' needs a list of terms"):
        themes.load_themes(bad)
