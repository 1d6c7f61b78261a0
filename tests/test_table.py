"""The who-said-what tables: themes, claims vs counter-claims, echoes, schemas and byte-identical output."""
from __future__ import annotations

import html

import pandas as pd
import pytest

from conftest import REPO
from kit import table as T

CLAIMS = REPO / "tests" / "fixtures" / "claims"


def statements_frame(rows: list[dict]) -> pd.DataFrame:
    """Attributed statements as kit.speakers returns them, from a few hand-written fictional rows."""
    base = {"kind": "direct", "cue": "said", "venue": "", "when_text": "", "said_on_precision": "day",
            "actor": "", "role": "", "sentence": "", "speaker": ""}
    frame = pd.DataFrame([{**base, **r} for r in rows])
    frame["quote_id"] = [f"{a}:{i}" for i, a in enumerate(frame["article_id"])]
    frame["quote_start"] = range(len(frame))
    frame["quote_end"] = frame["quote_start"] + frame["quote"].str.len()
    frame["said_on"] = pd.to_datetime(frame["said_on"])
    return frame


def articles_frame(ids_dates: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": list(ids_dates), "title": [f"Fictional story {a}" for a in ids_dates],
        "source": "Test Wire (fictional)", "url": [f"https://example.org/{a}" for a in ids_dates],
        "published": pd.to_datetime(list(ids_dates.values()), utc=True), "text": "",
    })


@pytest.fixture(scope="module")
def claims_tables(nlp):
    """The fictional claims articles run through the whole kit: load, quote, attribute, tabulate."""
    import kit

    loaded = kit.load_articles(CLAIMS)
    statements = kit.extract_quotes(loaded.articles, nlp=nlp)
    registry = kit.load_registry([CLAIMS / "actors.yml"])
    statements = kit.attribute_statements(statements, loaded.articles, registry)
    return statements, loaded.articles


def test_claims_fixtures_say_they_are_fictional():
    for path in sorted(CLAIMS.iterdir()):
        assert "FICTIONAL" in path.read_text(encoding="utf-8")[:300], path.name


def test_talks_progressed_against_no_contact_is_ranked_first(claims_tables, nlp):
    statements, articles = claims_tables
    tables = T.build_tables(statements, articles, claim_days=7, nlp=nlp)
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
    wide = T.build_tables(statements, articles, claim_days=60, nlp=nlp).claims
    assert wide["counter_said_on"].eq(pd.Timestamp("2031-04-20")).any()


def test_claims_pair_only_opposing_camps_within_the_window(nlp):
    rows = [
        {"article_id": "a1", "said_on": "2031-01-01", "camp": "White House", "quote": "The ceasefire talks are going well."},
        {"article_id": "a1", "said_on": "2031-01-01", "camp": "White House", "quote": "We never stopped the ceasefire talks."},
        {"article_id": "a2", "said_on": "2031-01-02", "camp": "Other", "quote": "Ceasefire talks are a rumour, a reader wrote."},
        {"article_id": "a3", "said_on": "2031-01-20", "camp": "Kremlin", "quote": "There are no ceasefire talks at all."},
    ]
    table = T.who_said_what(statements_frame(rows), articles_frame({"a1": "2031-01-01", "a2": "2031-01-02",
                                                                     "a3": "2031-01-20"}))
    tags = T.tag_themes(table, nlp=nlp)
    assert T.claims_and_counterclaims(table, tags, days=7, nlp=nlp).empty
    pairs = T.claims_and_counterclaims(table, tags, days=30, nlp=nlp)
    assert len(pairs) == 2 and set(pairs["counter_camp"]) == {"Kremlin"}
    assert set(pairs["claim_camp"]) == {"White House"}
    # "going well" against "no ... at all": the pair whose polarity differs ranks first.
    assert pairs.iloc[0]["claim_quote"] == "The ceasefire talks are going well."


def test_themes_match_lemmas_and_a_statement_carries_several(nlp):
    rows = [
        {"article_id": "a1", "said_on": "2031-02-01", "camp": "Kremlin",
         "quote": "The sanctions on our gas pipelines were discussed when the two presidents talked by phone."},
        {"article_id": "a1", "said_on": "2031-02-01", "camp": "White House",
         "quote": "We negotiated hard and we are sanctioning three more banks today."},
        {"article_id": "a2", "said_on": "2031-02-03", "camp": "White House",
         "quote": "The weather in the capital was lovely this morning, thank you."},
    ]
    table = T.who_said_what(statements_frame(rows), articles_frame({"a1": "2031-02-01", "a2": "2031-02-03"}))
    tags = T.tag_themes(table, nlp=nlp)
    by_quote = tags.groupby("quote_id")["theme"].apply(set).to_dict()
    first, second, third = table["quote_id"]
    assert {"sanctions", "energy"} <= by_quote[first]
    assert {"sanctions", "peace_talks"} <= by_quote[second], "sanctioning -> sanction, negotiated -> negotiate"
    assert third not in by_quote
    counts = T.themes_by_camp(table, tags)
    assert len(counts) == len(T.load_themes().labels) * 2, "every theme and camp, zeros included"
    white = counts.set_index(["theme", "camp"]).loc[("sanctions", "White House")]
    assert white["statements"] == 1 and white["share"] == 0.5
    themed = T.add_themes(table, tags)
    assert "Sanctions" in themed.loc[0, "themes"] and "Energy" in themed.loc[0, "themes"]


def test_a_short_fragment_is_matched_with_its_sentence(nlp):
    rows = [{"article_id": "a1", "said_on": "2031-02-01", "camp": "White House", "quote": "made real progress",
             "sentence": "The spokeswoman said the peace talks had 'made real progress'."}]
    table = T.who_said_what(statements_frame(rows), articles_frame({"a1": "2031-02-01"}))
    assert set(T.tag_themes(table, nlp=nlp)["theme"]) == {"peace_talks"}


def test_lexicon_errors_name_the_file(tmp_path):
    bad = tmp_path / "themes.yml"
    bad.write_text("themes:\n  a: {label: A, terms: [talk]}\nnegations: [no, never]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="themes.yml.*quotes"):
        T.load_themes(bad)
    bad.write_text("themes:\n  a: {label: A}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="theme 'a' needs a list of terms"):
        T.load_themes(bad)


def test_echoes_cluster_the_same_quote_across_articles():
    said = "We will not accept any deal that is decided over our heads, not now and not ever"
    rows = [
        {"article_id": "late", "said_on": "2031-05-03", "camp": "Ukraine", "speaker": "Ivanka Test",
         "quote": said.upper().replace("deal", "Deal")},
        {"article_id": "first", "said_on": "2031-05-01", "camp": "Ukraine", "speaker": "Ivanka Test",
         "quote": f"“{said},”"},
        {"article_id": "middle", "said_on": "2031-05-02", "camp": "Ukraine", "speaker": "Ivanka Test",
         "quote": said.replace("decided", "made")},
        {"article_id": "middle", "said_on": "2031-05-02", "camp": "Kremlin", "speaker": "Boris Test",
         "quote": "The weather will decide the timing of any offensive in the spring"},
        {"article_id": "solo", "said_on": "2031-05-02", "camp": "Kremlin", "speaker": "Boris Test",
         "quote": "Repeated twice in one article only, and nowhere else at all"},
        {"article_id": "solo", "said_on": "2031-05-02", "camp": "Kremlin", "speaker": "Boris Test",
         "quote": "Repeated twice in one article only, and nowhere else at all"},
    ]
    arts = articles_frame({"first": "2031-05-01", "middle": "2031-05-02", "late": "2031-05-04", "solo": "2031-05-02"})
    table = T.who_said_what(statements_frame(rows), arts)
    clusters = T.echo_clusters(table)
    assert clusters["echo_id"].nunique() == 1 and len(clusters) == 3
    out = T.echoes(table, clusters)
    assert len(out) == 1
    echo = out.iloc[0]
    assert echo["articles"] == 3 and echo["first_article_id"] == "first"
    assert echo["first_url"] == "https://example.org/first"
    assert echo["repeated_in"] == "middle; late"
    marked = T.add_echoes(table, clusters)
    assert marked.loc[marked["article_id"] == "solo", "echo_id"].eq("").all()
    assert marked.loc[marked["article_id"] == "late", "echo_articles"].item() == 3


def test_who_said_what_sorts_by_date_keeps_camp_id_and_gives_context():
    long_sentence = "Speaking at length, " + "the minister went on " * 30 + "and then said: 'We are ready.'"
    rows = [
        {"article_id": "b", "said_on": "2031-03-02", "camp": "Kremlin", "quote": "Later words.", "camp_id": "kremlin"},
        {"article_id": "a", "said_on": "2031-03-01", "camp": "White House", "quote": "We are ready.",
         "sentence": long_sentence, "camp_id": "white_house"},
        {"article_id": "a", "said_on": None, "camp": "", "quote": "Undated words.", "camp_id": "other"},
    ]
    stmts = statements_frame(rows).drop(columns=["role"])
    table = T.who_said_what(stmts, articles_frame({"a": "2031-03-01", "b": "2031-03-02"}))
    assert list(table["quote"]) == ["We are ready.", "Later words.", "Undated words."]
    assert list(table["camp_id"]) == ["white_house", "kremlin", "other"]
    assert table.loc[2, "camp"] == "Other" and table["role"].eq("").all()
    assert len(table.loc[0, "context"]) <= T.CONTEXT_CHARS + 2 and "We are ready" in table.loc[0, "context"]
    assert table.loc[0, "title"] == "Fictional story a"
    T.check_table(table, "who_said_what")


def test_by_camp_and_period_day_week_month_and_unknown():
    rows = [{"article_id": "a", "said_on": d, "camp": c, "quote": "x"} for d, c in
            [("2031-03-03", "Kremlin"), ("2031-03-05", "Kremlin"), ("2031-03-09", "White House"),
             ("2031-03-10", "Kremlin"), (None, "Kremlin")]]
    table = T.who_said_what(statements_frame(rows), articles_frame({"a": "2031-03-01"}))
    week = T.by_camp_and_period(table, "week")
    assert list(zip(week["period"].dt.strftime("%Y-%m-%d"), week["camp"], week["statements"])) == [
        ("2031-03-03", "Kremlin", 2), ("2031-03-03", "White House", 1), ("2031-03-10", "Kremlin", 1)]
    assert T.by_camp_and_period(table, "month")["statements"].sum() == 4
    assert len(T.by_camp_and_period(table, "day")) == 4
    with pytest.raises(KeyError, match="fortnight"):
        T.by_camp_and_period(table, "fortnight")


def test_schema_failures_name_the_table(tmp_path):
    rows = [{"article_id": "a", "said_on": "2031-03-03", "camp": "Kremlin", "quote": "x"}] * 2
    table = T.who_said_what(statements_frame(rows), articles_frame({"a": "2031-03-01"}))
    table.loc[1, "quote_id"] = table.loc[0, "quote_id"]
    with pytest.raises(ValueError, match=r"(?s)who_said_what.*quote_id"):
        T.write_table(table, tmp_path, "who_said_what")
    assert not (tmp_path / "who_said_what.csv").exists()
    counts = pd.DataFrame({"period": pd.to_datetime(["2031-03-03"]), "camp": ["Kremlin"], "statements": [0]})
    with pytest.raises(ValueError, match="by_camp_and_week"):
        T.write_table(counts, tmp_path, "by_camp_and_week")


def test_same_input_gives_byte_identical_files_and_excel_on_request(claims_tables, nlp, tmp_path):
    statements, articles = claims_tables
    first = T.build_tables(statements, articles, nlp=nlp).write(tmp_path / "one", ("csv", "parquet"))
    shuffled = statements.sample(frac=1, random_state=3)
    second = T.build_tables(shuffled, articles, nlp=nlp).write(tmp_path / "two", ("csv", "parquet"))
    assert [p.name for p in first] == [p.name for p in second]
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), f"{a.name} differs between two runs on the same input"
    xlsx = T.write_table(T.build_tables(statements, articles, nlp=nlp).who_said_what, tmp_path, "who_said_what",
                         formats=("xlsx",))[0]
    back = pd.read_excel(xlsx, engine="openpyxl")
    assert len(back) == len(statements) and "quote" in back.columns


def test_findings_markdown_escapes_article_text(claims_tables, nlp):
    statements, articles = claims_tables
    statements = statements.copy()
    white = statements["camp"] == "White House"
    statements.loc[white, "speaker"] = "<script>alert(1)</script>"
    statements.loc[white, "actor"] = ""
    tables = T.build_tables(statements, articles, nlp=nlp)
    facts = T.findings(tables)
    text = T.findings_markdown(facts, "Title <img src=x onerror=alert(1)>")
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text, "the top White House speaker is shown, escaped"
    assert html.escape("<img src=x onerror=alert(1)>") in text
    assert f"**{len(statements)} statements**" in text
    assert "Busiest week" in text and "Top claim and counter-claim" in text
