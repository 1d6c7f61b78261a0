"""The quote browser driven as a reporter would: set filters, page, open rows, read the article.

The articles here are FICTIONAL, written for these tests; the people in them are invented.
"""
from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pandas as pd
import pytest

import kit
from kit.explore import Explorer, explore, filter_statements, prepare_statements
from kit.statement_html import context_html, mark_up

ARTICLES = [
    dict(article_id="fx-kremlin", title="Kremlin sees no draft (fictional)", source="Test Ledger",
         url="https://example.org/fx/kremlin", published=pd.Timestamp("2026-03-04 09:00", tz="UTC"),
         text=("FICTIONAL TEST ARTICLE.\n\n"
               "Kremlin spokesman Oleg Varnavin spoke to reporters on Wednesday.\n\n"
               "\"There has been no initial contact on this question,\" Varnavin told state television.\n\n"
               "He added that a meeting in March was \"not on the agenda.\"")),
    dict(article_id="fx-white-house", title="White House <b>pushes</b> talks", source="Test Wire",
         url="javascript:alert(1)", published=pd.Timestamp("2026-02-10 15:00", tz="UTC"),
         text=("FICTIONAL TEST ARTICLE.\n\n"
               "\"We want a meeting <script>alert(1)</script> soon,\" Dana Whitcombe told CNN.\n\n"
               "A Kremlin source said the talks were \"premature.\"")),
]


def statement(article: dict, quote: str, speaker: str, mention: str, cue: str, camp: str, kind: str = "direct",
              actor: str = "", venue: str = "", theme: str = "") -> dict:
    """One statement row with offsets found in the fictional article's text."""
    text = article["text"]
    q = text.index(quote)
    m = text.index(mention, q + len(quote)) if mention in text[q + len(quote):] else text.index(mention)
    c = text.index(cue, q + len(quote)) if cue in text[q + len(quote):] else text.index(cue)
    return dict(article_id=article["article_id"], quote_id=f"{article['article_id']}:{q - 1}", quote=quote,
                quote_start=q, quote_end=q + len(quote), quote_spans=[[q, q + len(quote)]], kind=kind,
                speaker=speaker, speaker_mention=mention, speaker_start=m, speaker_end=m + len(mention),
                cue=cue, cue_start=c, cue_end=c + len(cue), venue=venue, sentence="", actor=actor, camp=camp,
                said_on=article["published"].tz_localize(None).normalize(), theme=theme)


@pytest.fixture()
def articles() -> pd.DataFrame:
    return pd.DataFrame(ARTICLES)


@pytest.fixture()
def statements(articles) -> pd.DataFrame:
    k, w = ARTICLES
    return pd.DataFrame([
        statement(k, "There has been no initial contact on this question,", "Varnavin", "Varnavin", "told",
                  "Kremlin", actor="Oleg Varnavin", venue="state television", theme="talks"),
        statement(k, "not on the agenda.", "Varnavin", "He", "added", "Kremlin", kind="partial",
                  actor="Oleg Varnavin", theme="talks; summit"),
        statement(w, "We want a meeting <script>alert(1)</script> soon,", "Dana Whitcombe", "Dana Whitcombe",
                  "told", "White House", actor="Dana Whitcombe", venue="CNN", theme="summit"),
        statement(w, "premature.", "A Kremlin source", "A Kremlin source", "said", "Kremlin", kind="partial"),
    ])


@pytest.fixture()
def browser(statements, articles, tmp_path) -> Explorer:
    return explore(statements, articles, page_size=2, corrections=str(tmp_path / "corrections.csv"))


def shown_ids(b: Explorer) -> list[str]:
    return [r.quote_id for r in b.rows if r.row is not None]


class WellFormed(HTMLParser):
    """Checks that every opened tag is closed in order (void tags aside)."""

    VOID = {"br", "img", "hr", "meta", "input", "link"}

    def __init__(self):
        super().__init__()
        self.stack, self.errors = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


def assert_well_formed(markup: str) -> None:
    parser = WellFormed()
    parser.feed(markup)
    assert not parser.errors and not parser.stack, (parser.errors, parser.stack)


def test_filters_narrow_the_rows_shown(browser, statements):
    assert len(browser.filtered) == 4
    browser.camp.value = "Kremlin"
    assert set(browser.filtered["camp"]) == {"Kremlin"} and len(browser.filtered) == 3
    browser.actor.value = "Oleg Varnavin"
    assert len(browser.filtered) == 2
    browser.kind.value = "partial"
    assert list(browser.filtered["quote"]) == ["not on the agenda."]
    assert shown_ids(browser) == list(browser.filtered["quote_id"])
    assert "<b>1</b> of 4 statements" in browser.status.value


def test_actor_filter_falls_back_to_the_speaker_when_not_in_the_registry(browser):
    assert "A Kremlin source" in [v for _, v in browser.actor.options]
    browser.actor.value = "A Kremlin source"
    assert list(browser.filtered["quote"]) == ["premature."]


def test_free_text_is_case_insensitive_and_needs_every_word(browser):
    browser.text.value = "INITIAL contact"
    assert list(browser.filtered["quote"]) == ["There has been no initial contact on this question,"]
    browser.text.value = "meeting"
    assert set(browser.filtered["article_id"]) == {"fx-white-house"}
    browser.text.value = "initial nonsense"
    assert browser.filtered.empty and shown_ids(browser) == []
    assert "<b>0</b>" in browser.status.value


def test_date_range_is_inclusive_and_sort_follows_the_choice(browser):
    browser.sort.value = "oldest"
    assert list(browser.filtered["article_id"]) == ["fx-white-house"] * 2 + ["fx-kremlin"] * 2
    browser.sort.value = "newest"
    assert list(browser.filtered["article_id"])[:2] == ["fx-kremlin"] * 2
    browser.start.value = dt.date(2026, 3, 4)
    assert set(browser.filtered["article_id"]) == {"fx-kremlin"}
    browser.start.value, browser.end.value = dt.date(2026, 2, 1), dt.date(2026, 2, 10)
    assert set(browser.filtered["article_id"]) == {"fx-white-house"}


def test_theme_filter_reads_lists_and_separated_text(browser):
    assert not browser.theme.disabled
    browser.theme.value = "summit"
    assert set(browser.filtered["quote"]) == {"not on the agenda.", "We want a meeting <script>alert(1)</script> soon,"}


def test_the_themes_column_of_kit_table_works_too(statements, articles):
    b = explore(statements.rename(columns={"theme": "themes"}), articles, corrections=False)
    b.set(theme="talks")
    assert set(b.filtered["quote"]) == {"not on the agenda.", "There has been no initial contact on this question,"}


def test_without_a_theme_column_the_theme_filter_is_off(statements, articles, tmp_path):
    b = explore(statements.drop(columns=["theme"]), articles, corrections=False)
    assert b.theme.disabled and len(b.filtered) == 4


def test_pages_and_a_filter_change_goes_back_to_page_one(browser):
    assert browser.pages == 2 and browser.prev_button.disabled
    first = shown_ids(browser)
    browser.next_button.click()
    assert browser.page == 1 and browser.next_button.disabled
    second = shown_ids(browser)
    assert len(first) == len(second) == 2 and not set(first) & set(second)
    assert first + second == list(browser.filtered["quote_id"])
    browser.camp.value = "White House"
    assert browser.page == 0 and browser.pages == 1
    assert browser.rows[1].box.layout.display == "none", "an empty slot is hidden"


def test_a_row_opens_to_its_paragraph_with_quote_cue_and_speaker_marked(browser):
    browser.set(text="initial contact")
    row = browser.rows[0].html.value
    assert row.startswith("<details") and "<summary" in row
    assert "state television" in row and "Varnavin" in row and "04 Mar 2026" in row
    assert '<mark class="kit-quote"' in row and "no initial contact on this question,</mark>" in row
    assert '<span class="kit-cue"' in row and ">told</span>" in row
    assert '<span class="kit-speaker"' in row and ">Varnavin</span>" in row
    assert "Kremlin sees no draft (fictional)" in row and "Test Ledger" in row
    assert 'href="https://example.org/fx/kremlin"' in row
    assert "spoke to reporters" not in row, "only the quote's own paragraph is shown"
    assert_well_formed(row)


def test_the_pronoun_mention_in_the_same_paragraph_is_marked(browser):
    browser.set(kind="partial", actor="Oleg Varnavin")
    row = browser.rows[0].html.value
    assert ">He</span>" in row and ">added</span>" in row


def test_article_text_is_escaped_and_bad_links_dropped(browser):
    browser.set(camp="White House")
    row = browser.rows[0].html.value
    assert "<script>" not in row and "&lt;script&gt;alert(1)&lt;/script&gt;" in row
    assert "<b>pushes</b>" not in row and "&lt;b&gt;pushes&lt;/b&gt;" in row
    assert "javascript:" not in row
    assert_well_formed(row)


def test_context_and_show_article(browser, statements):
    quote_id = statements.loc[0, "quote_id"]
    ctx = kit.context(quote_id).html
    assert "no initial contact on this question,</mark>" in ctx and "Test Ledger" in ctx
    page = kit.show_article("fx-kremlin").html
    assert page.count('class="kit-statement"') == 2
    colour = kit.load_registry().camp_colours()["Kremlin"]
    assert page.count(f"border-bottom:2px solid {colour}") == 2
    assert "Kremlin sees no draft (fictional)" in page and "spoke to reporters" in page
    assert_well_formed(page)
    wh = kit.show_article("fx-white-house").html
    assert "<script>" not in wh and kit.load_registry().camp_colours()["White House"] in wh
    with pytest.raises(KeyError):
        kit.context("no-such-quote")


def test_overlapping_marks_stay_well_formed():
    text = "a <b> quoted & nested words"
    out = mark_up(text, [(2, 20, "<mark>", "</mark>"), (10, 27, "<u>", "</u>"), (12, 14, "<i>", "</i>")])
    assert_well_formed(out)
    assert "&lt;b&gt;" in out and "&amp;" in out


def test_context_without_article_text_uses_the_sentence(statements):
    row = prepare_statements(statements.assign(sentence="He said: We want it."), None).iloc[0]
    row["quote"] = "We want it."
    html = context_html(row)
    assert '<mark class="kit-quote" style' in html and "We want it.</mark>" in html


def test_set_refuses_unknown_values_and_parses_iso_dates(browser):
    with pytest.raises(ValueError, match="no statements with actor 'Nobody'"):
        browser.set(actor="Nobody")
    with pytest.raises(ValueError, match="unknown filter"):
        browser.set(colour="red")
    browser.set(start="2026-03-01", end="")
    assert set(browser.filtered["article_id"]) == {"fx-kremlin"}


def test_marking_a_row_saves_a_correction_and_shows_it(browser, tmp_path):
    browser.set(actor="A Kremlin source")
    view = browser.rows[0]
    view.correction.value = "wrong_camp"
    assert "White House" in view.value.options
    view.value.value = "Press"
    view.save.click()
    saved = pd.read_csv(tmp_path / "corrections.csv", dtype=str, keep_default_na=False)
    assert saved[["quote_id", "correction", "value", "was"]].values.tolist() == [
        [view.quote_id, "wrong_camp", "Press", "Kremlin"]]
    assert "corrected: wrong camp → Press" in view.html.value
    view.correction.value = "wrong_camp"
    view.value.value = ""
    view.save.click()
    assert "say which camp" in view.status.value and len(pd.read_csv(tmp_path / "corrections.csv")) == 1


def test_a_big_table_draws_only_one_page(statements, articles):
    big = pd.concat([statements] * 3000, ignore_index=True)
    big["quote_id"] = [f"{a}:{i}" for i, a in enumerate(big["article_id"])]
    b = explore(big, articles, page_size=25, corrections=False)
    assert len(b.rows) == 25 and b.pages == 480
    b.go_to(479)
    assert len(shown_ids(b)) == 25 and shown_ids(b) == list(b.filtered["quote_id"].iloc[-25:])
    b.set(camp="White House", text="meeting")
    assert len(b.filtered) == 3000 and b.page == 0


def test_filter_function_matches_a_plain_pandas_query(statements, articles):
    frame = prepare_statements(statements, articles)
    got = filter_statements(frame, camp="Kremlin", text="the")
    want = frame[(frame["camp"] == "Kremlin") & frame["_haystack"].str.contains("the")]
    assert set(got["quote_id"]) == set(want["quote_id"])


def test_bidi_controls_are_shown_as_marks_in_the_row_and_the_paragraph():
    # FICTIONAL: the words read "tpecca ton", but a right-to-left override shows them as "not accept".
    text = "FICTIONAL.\n\n\"We will \u202etpecca ton\u202c the deal,\" Dana \u2066Whitcombe\u2069 said."
    article = dict(article_id="fx-bidi", title="Bidi (fictional)", source="Test Wire", url="",
                   published=pd.Timestamp("2026-02-10", tz="UTC"), text=text)
    row = statement(article, "We will \u202etpecca ton\u202c the deal,", "Dana \u2066Whitcombe\u2069",
                    "Dana \u2066Whitcombe\u2069", "said", "White House")
    b = explore(pd.DataFrame([row]), pd.DataFrame([article]))
    shown = b.rows[0].html.value + kit.show_article("fx-bidi").html
    assert "We will \u27e8U+202E\u27e9tpecca ton\u27e8U+202C\u27e9 the deal" in shown
    assert "Dana \u27e8U+2066\u27e9Whitcombe\u27e8U+2069\u27e9" in shown
    assert not any(ch in shown for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
