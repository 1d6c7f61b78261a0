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
    assert "Busiest week" in text and "Top claim and counter-claim" in text
