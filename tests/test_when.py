"""When a statement was made: every relative date form, counted back from publication.

The sentences here are written for the tests (no real quotes); the seed article's dates are
checked against ../shared in test_speakers.py.
"""
from __future__ import annotations

import pandas as pd
import pytest

from kit.when import date_range_text, sentence_starts, statement_dates

SUNDAY = "2025-02-09T15:00:00Z"  # the seed article's publication day, a Sunday
FRIDAY = "2025-02-07T15:00:00Z"


def dated(text: str, cue: str, published: str | None = SUNDAY, kind: str = "indirect",
          speaker: str = "Anna Example", occurrence: int = 0, content: str | None = None) -> pd.Series:
    """Date one statement whose cue is the ``occurrence``-th ``cue`` in ``text`` (and whose reported
    clause, when given, is ``content``)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(cue, start + 1)
    content_start = text.index(content) if content else -1
    statements = pd.DataFrame([{"article_id": "a", "cue_start": start, "cue_end": start + len(cue),
                                "quote_start": start, "kind": kind, "speaker": speaker,
                                "speaker_mention": speaker, "content_start": content_start,
                                "content_end": content_start + len(content) if content else -1}])
    articles = pd.DataFrame([{"article_id": "a", "text": text,
                              "published": pd.Timestamp(published) if published else pd.NaT}])
    articles["published"] = pd.to_datetime(articles["published"], utc=True)
    return statement_dates(statements, articles).iloc[0]


@pytest.mark.parametrize("sentence, published, said_on, precision, when_text", [
    ("On Friday, Anna Example told reporters the talks were over.", SUNDAY, "2025-02-07", "day", "On Friday"),
    ("On Friday, Anna Example told reporters the talks were over.", FRIDAY, "2025-02-07", "day", "On Friday"),
    ("Anna Example said on Monday that the talks were over.", SUNDAY, "2025-02-03", "day", "on Monday"),
    ("Anna Example said Thursday night that the talks were over.", SUNDAY, "2025-02-06", "day", "Thursday night"),
    ("Anna Example said last Sunday that the talks were over.", SUNDAY, "2025-02-02", "day", "last Sunday"),
    ("Anna Example said yesterday that the talks were over.", SUNDAY, "2025-02-08", "day", "yesterday"),
    ("This morning, Anna Example told reporters the talks were over.", SUNDAY, "2025-02-09", "day", "This morning"),
    ("Anna Example said today that the talks were over.", SUNDAY, "2025-02-09", "day", "today"),
    ("Three days ago Anna Example said the talks were over.", SUNDAY, "2025-02-06", "day", "Three days ago"),
    ("On Feb. 7, Anna Example said the talks were over.", SUNDAY, "2025-02-07", "day", "On Feb. 7"),
    ("Anna Example said on 3 February that the talks were over.", SUNDAY, "2025-02-03", "day", "on 3 February"),
    ("On Dec. 30, Anna Example said the talks were over.", SUNDAY, "2024-12-30", "day", "On Dec. 30"),
    ("On February 3rd, Anna Example said the talks were over.", SUNDAY, "2025-02-03", "day", "On February 3rd"),
    ("On the 3rd of February, Anna Example said the talks were over.", SUNDAY, "2025-02-03", "day", "3rd of February"),
    ("On January 5, 2024, Anna Example said the talks were over.", SUNDAY, "2024-01-05", "day", "On January 5, 2024"),
    ("Earlier this week, Anna Example said the talks were over.", SUNDAY, "2025-02-03", "week", "Earlier this week"),
    ("Anna Example said last week that the talks were over.", SUNDAY, "2025-01-27", "week", "last week"),
    ("Over the weekend, Anna Example said the talks were over.", SUNDAY, "2025-02-03", "week", "Over the weekend"),
    ("Two weeks ago Anna Example said the talks were over.", SUNDAY, "2025-01-20", "week", "Two weeks ago"),
    ("Last month, Anna Example said the talks were over.", SUNDAY, "2025-01-01", "month", "Last month"),
    ("Earlier this month, Anna Example said the talks were over.", SUNDAY, "2025-02-01", "month", "Earlier this month"),
    ("In January, Anna Example said the talks were over.", SUNDAY, "2025-01-01", "month", "In January"),
    ("In December, Anna Example said the talks were over.", SUNDAY, "2024-12-01", "month", "In December"),
])
def test_relative_dates_count_back_from_publication(sentence, published, said_on, precision, when_text):
    row = dated(sentence, "said" if "said" in sentence else "told", published)
    assert (f"{row.said_on:%Y-%m-%d}", row.said_on_precision, row.when_text) == (said_on, precision, when_text)


def test_week_and_month_ranges_are_written_out():
    assert dated("Earlier this week, Anna Example said so.", "said").said_on_range == "2025-02-03..2025-02-09"
    assert dated("Last month, Anna Example said so.", "said").said_on_range == "2025-01-01..2025-01-31"
    assert dated("On Friday, Anna Example said so.", "said").said_on_range == "2025-02-07"
    assert date_range_text(pd.NaT, "unknown") == ""


@pytest.mark.parametrize("sentence, when_text", [
    ("Anna Example recently told state media the talks were over.", "recently"),
    ("Anna Example said in a recent interview that the talks were over.", "a recent interview"),
    ("Just days after the vote, Anna Example said the talks were over.", "Just days after"),
])
def test_vague_recent_times_keep_the_publication_date(sentence, when_text):
    row = dated(sentence, "said" if "said" in sentence else "told")
    assert (f"{row.said_on:%Y-%m-%d}", row.said_on_precision, row.when_text) == ("2025-02-09", "article", when_text)


@pytest.mark.parametrize("sentence, when_text", [
    ("Anna Example has previously said the talks were over.", "previously"),
    ("Last year, Anna Example said the talks were over.", "Last year"),
])
def test_vague_past_times_are_unknown_not_guessed(sentence, when_text):
    row = dated(sentence, "said")
    assert pd.isna(row.said_on) and row.said_on_precision == "unknown" and row.when_text == when_text


@pytest.mark.parametrize("sentence", [
    "Anna Example said she would meet the envoy next week.",
    "Anna Example vowed to end the war within 24 hours of taking office.",
    "Anna Example said she would travel to Munich on Friday.",
    "Anna Example said that talks could start tomorrow.",
    "Anna Example said talks were possible as soon as this month.",
    "Anna Example said the summit on March 3 would go ahead.",
    "In March, Anna Example will say the talks are over.",
    "On Friday, Anna Example will say the talks are over.",
    "Anna Example is going to say on Friday that the talks are over.",
])
def test_future_and_hypothetical_times_are_not_statement_dates(sentence):
    row = dated(sentence, next(c for c in ("said", "vowed", "say") if c in sentence))
    assert (f"{row.said_on:%Y-%m-%d}", row.said_on_precision, row.when_text) == ("2025-02-09", "article", "")


def test_time_inside_the_quotation_is_what_was_said_not_when():
    row = dated("“We met yesterday and we met on Friday,” Anna Example said.", "said", kind="direct")
    assert row.said_on_precision == "article" and row.when_text == ""


def test_a_time_inside_what_was_said_is_not_when_even_before_the_cue():
    # A readout puts the statement first and the speaker after it: its dates are what was said about.
    content = "The bridge programme, which was drawn up on January 5, 2024, is running ahead of schedule"
    row = dated(content + ", the Governor noted.", "noted", content=content)
    assert (f"{row.said_on:%Y-%m-%d}", row.said_on_precision, row.when_text) == ("2025-02-09", "article", "")
    # a time on the cue itself still dates it
    row = dated("On Friday, the Governor noted that " + content[0].lower() + content[1:] + ".", "noted",
                content=content[0].lower() + content[1:])
    assert (f"{row.said_on:%Y-%m-%d}", row.when_text) == ("2025-02-07", "On Friday")


@pytest.mark.parametrize("sentence", [
    "Houses declared unfit prior to January 1, 2017 are covered, Anna Example said.",
    "In force since February 3, the rule works, Anna Example told reporters.",
    "Figures as of Monday show a rise, Anna Example said.",
    "Anna Example, who has led the agency since January 6, said the talks were over.",
])
def test_a_time_that_bounds_something_else_is_not_when_it_was_said(sentence):
    row = dated(sentence, "said" if "said" in sentence else "told")
    assert (f"{row.said_on:%Y-%m-%d}", row.said_on_precision, row.when_text) == ("2025-02-09", "article", "")


def test_no_expression_gives_the_publication_day():
    row = dated("Anna Example said the talks were over.", "said", "2025-02-09T23:30:00Z")
    assert (f"{row.said_on:%Y-%m-%d}", row.said_on_precision, row.when_text) == ("2025-02-09", "article", "")


def test_no_publication_date_is_never_invented():
    assert dated("Anna Example said the talks were over.", "said", None).said_on_precision == "unknown"
    row = dated("On Friday, Anna Example said the talks were over.", "said", None)
    assert pd.isna(row.said_on) and row.said_on_precision == "unknown"


def test_a_quote_introduced_in_the_paragraph_before_takes_its_date():
    text = "On Friday, Anna Example told reporters:\n“The talks are over.”"
    assert f"{dated(text, 'told').said_on:%Y-%m-%d}" == "2025-02-07"
    text = ("On Friday, Anna Example told reporters she would stay.\n"
            "“I will probably be staying next week,” Example said.")
    row = dated(text, "said")
    assert (f"{row.said_on:%Y-%m-%d}", row.when_text) == ("2025-02-07", "On Friday")


def test_the_date_of_another_speakers_sentence_is_not_borrowed():
    text = "On Friday, Boris Other said the talks were over.\n“They are not,” Anna Example said."
    row = dated(text, "said", occurrence=1)
    assert row.said_on_precision == "article" and row.when_text == ""


def test_transcript_turns_are_dated_by_their_document():
    row = dated("THE PRESIDENT: Yesterday I spoke with him.", ":", kind="turn")
    assert (f"{row.said_on:%Y-%m-%d}", row.said_on_precision) == ("2025-02-09", "article")


def test_sentences_do_not_break_at_abbreviations_or_inside_quotes():
    text = "On Feb. 7, the U.S. envoy said “We left. It is over.” Then he went home.\nNext."
    starts = sentence_starts(text)
    assert starts == [0, text.index("Then"), text.index("Next")]


def test_dates_come_back_as_datetimes_in_the_statement_order():
    statements = pd.DataFrame({"article_id": ["a", "b", "a"], "cue_start": [0, 0, 10], "cue_end": [4, 4, 14],
                               "quote_start": [0, 0, 10], "kind": "indirect", "speaker": "", "speaker_mention": ""},
                              index=[7, 8, 9])
    articles = pd.DataFrame({"article_id": ["a", "b"], "text": ["Said yesterday. Said so.", "Said so."],
                             "published": pd.to_datetime(["2025-02-09T10:00Z", None], utc=True)})
    dates = statement_dates(statements, articles)
    assert list(dates.index) == [7, 8, 9]
    assert pd.api.types.is_datetime64_any_dtype(dates["said_on"])
    assert list(dates["said_on_precision"]) == ["day", "unknown", "article"]


def test_a_documents_own_date_is_not_when_its_author_spoke():
    """"I have issued an order that expands the emergency declared in Executive Order 13660 of March 6,
    2014, ... by finding that ...": March 2014 dates the old order, not the finding (FICTIONAL)."""
    text = ("I hereby report that I have issued an order that expands the scope of the harbour emergency declared "
            "in Executive Order 13660 of March 6, 2014, and expanded by the Act of July 2, 2018, by finding that "
            "the closure of the pier is a threat to the town.")
    row = dated(text, "finding")
    assert (f"{row.said_on:%Y-%m-%d}", row.said_on_precision) == ("2025-02-09", "article")
