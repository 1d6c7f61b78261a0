"""Quotation marks typed wrong, and quoted words inside a reported clause (issue 15, studied on
PolNeAR's train split). The articles here are FICTIONAL, made up for these tests.
"""
from __future__ import annotations

from kit.quotes_marks import find_quotations
from test_quote_phenomena import row_over, run


def test_a_closing_mark_typed_as_an_opening_one_opens_the_quotation(nlp):
    """FICTIONAL: a paragraph that opens with ” ('”The ferry is late again.” ― Ana Ruiz', '”… it
    went well,” Tom Bell wrote') or a ” after a space and before a word opens a quotation."""
    text = ("Readers wrote in about the harbour.\n\n”The ferry is late again. Nobody at the council cares.” ― Ana Ruiz\n\n"
            "”… the vote went well for the harbour board,” Tom Bell wrote.\n\nCouncillors said aides ”get nothing done”.")
    quoted = [text[q.start:q.end] for q in find_quotations(text)]
    assert quoted == ["The ferry is late again. Nobody at the council cares.", "… the vote went well for the harbour board,",
                      "get nothing done"]
    found = run(nlp, text)
    ferry = row_over(found, text, "The ferry is late")
    assert (ferry["kind"], ferry["speaker"]) == ("direct", "Ana Ruiz")
    vote = row_over(found, text, "the vote went")
    assert (vote["kind"], vote["cue"], vote["speaker"]) == ("direct", "wrote", "Tom Bell")


def test_a_quotation_after_a_colon_that_ends_a_reported_clause_is_partial(nlp):
    """FICTIONAL: 'said the ferry had one flaw: “It never runs on time.”' is one partial quotation
    whose content runs from the reported clause to the quotation's end; after 'told reporters:' the
    quotation is the whole of what was said."""
    text = ("Mayor Tessa Quill visited the harbour and said the new ferry had one flaw: “It never runs on time.”\n\n"
            "Councillor Ivo Brandt told reporters: “We will build a second pier.”")
    found = run(nlp, text)
    flaw = row_over(found, text, "It never runs")
    assert (flaw["kind"], flaw["cue"], flaw["speaker"]) == ("partial", "said", "Tessa Quill")
    assert flaw["content"].startswith("the new ferry had one flaw") and "on time" in flaw["content"]
    assert len(found[found["speaker"] == "Tessa Quill"]) == 1
    pier = row_over(found, text, "We will build")
    assert (pier["kind"], pier["cue"]) == ("direct", "told")


def test_a_quotation_the_word_that_or_to_opens_is_partial(nlp):
    """FICTIONAL: 'told the council that “the pier is safe”' and 'urged voters to “stay home”': the
    clause is the writer's with the speaker's words inside it, a partial quotation; '“The pier is
    safe,” she said' stays direct."""
    text = ("Mayor Tessa Quill told the council on Monday that “the pier is safe for every ferry we run.”\n\n"
            "Councillor Ivo Brandt urged voters to “stay home and watch the vote on television.”\n\n"
            "“The pier is safe,” Quill said.")
    found = run(nlp, text)
    safe = row_over(found, text, "the pier is safe for")
    assert (safe["kind"], safe["speaker"]) == ("partial", "Tessa Quill")
    home = row_over(found, text, "stay home")
    assert home["kind"] == "partial" and home["speaker"].endswith("Ivo Brandt")
    assert row_over(found, text, "The pier is safe,")["kind"] == "direct"


def test_a_quotation_woven_into_a_clause_inside_a_statement_is_part_of_the_outer_statement(nlp):
    """FICTIONAL: 'Quill said she recalls the ferry being “late every single day”': the quotation is
    woven into what "recalls" reports, and the whole of it is what Quill said, one partial statement
    of "said"; 'Brandt issued a statement saying, “We will rebuild the pier.”' stays the quotation of
    "saying", whole."""
    text = ("Mayor Tessa Quill said she recalls the old ferry being “late every single day of the week” last winter.\n\n"
            "Councillor Ivo Brandt issued a statement on Monday saying, “We will rebuild the pier.”")
    found = run(nlp, text)
    late = row_over(found, text, "late every single")
    assert (late["kind"], late["cue"], late["speaker"]) == ("partial", "said", "Tessa Quill")
    assert late["content"].startswith("she recalls the old ferry")
    pier = row_over(found, text, "We will rebuild")
    assert (pier["kind"], pier["cue"]) == ("direct", "saying")
