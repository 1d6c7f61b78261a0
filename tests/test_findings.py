"""kit.findings: the summary the report opens with."""
from __future__ import annotations

import html

from kit import findings, pipeline


def test_findings_markdown_escapes_article_text(claims_tables, nlp):
    statements, articles = claims_tables
    statements = statements.copy()
    white = statements["camp"] == "White House"
    statements.loc[white, "speaker"] = "<script>alert(1)</script>"
    statements.loc[white, "actor"] = ""
    tables = pipeline.build_tables(statements, articles, nlp=nlp)
    facts = findings.findings(tables)
    text = findings.findings_markdown(facts, "Title <img src=x onerror=alert(1)>")
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text, "the top White House speaker is shown, escaped"
    assert html.escape("<img src=x onerror=alert(1)>") in text
    assert f"**{len(statements)} statements**" in text
    assert "Busiest week" in text and "possible claim and counter-claim pairs](#claim-1)" in text


def test_every_finding_links_to_the_rows_behind_it(claims_tables, nlp):
    statements, articles = claims_tables
    tables = pipeline.build_tables(statements, articles, nlp=nlp)
    text = findings.findings_markdown(findings.findings(tables), "Claims")
    bullets = [line for line in text.splitlines() if line.startswith("- ") and not line.startswith("- No ")]
    assert len(bullets) >= 5, "a finding with no rows behind it (\"No ... was found\") is the only one without a link"
    for line in bullets:
        assert "](#" in line, f"a finding without a link to its rows: {line}"
    top = tables.claims.iloc[0]
    assert top["claim_quote_id"] in text and top["counter_quote_id"] in text
    assert "](#find=who-said-what:speaker%3A%20Harriet%20Calloway)" in text


def test_the_busiest_week_links_to_the_month_row_when_the_page_shows_months(claims_tables, nlp):
    statements, articles = claims_tables
    facts = findings.findings(pipeline.build_tables(statements, articles, nlp=nlp))
    week = facts["busiest"]["period"]
    assert f"(#period-{week:%Y%m%d})" in findings.findings_markdown(facts, "Claims")
    monthly = findings.findings_markdown(facts, "Claims", table_period="month")
    assert f"(#period-{week:%Y%m}01)" in monthly, "a long timeline is summed into months: link the month's row"


def test_the_summary_says_when_opposing_camps_speak_in_two_languages(claims_tables, nlp):
    """The claims table pairs statements on their wording: when the Kremlin's statements are in
    Russian and the White House's in English, none can ever be paired, and the summary says so
    rather than leave "no claim met a counter-claim" to stand alone (FICTIONAL statements)."""
    import pandas as pd

    table = pd.DataFrame({"camp": ["Kremlin"] * 5 + ["White House"] * 5 + ["Press"],
                          "quote": ["Мы не собираемся ни на кого нападать."] * 5
                                   + ["The troops are massing at the border."] * 5 + ["Москва молчит."]})
    assert findings.camps_apart_by_language(table, [("White House", "Kremlin")]) == [
        ("White House", "English", "Kremlin", "Russian")]
    one_language = table.assign(quote="The troops are massing at the border.")
    assert findings.camps_apart_by_language(one_language, [("White House", "Kremlin")]) == []
    statements, articles = claims_tables
    facts = findings.findings(pipeline.build_tables(statements, articles, nlp=nlp))
    assert facts["apart_by_language"] == []
    facts["apart_by_language"] = [("White House", "English", "Kremlin", "Russian")]
    text = findings.findings_markdown(facts, "Claims")
    assert "in English (White House) and in Russian (Kremlin)" in text
