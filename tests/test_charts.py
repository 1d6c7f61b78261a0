"""Each chart draws from a small DataFrame, states its finding, and saves to the same bytes every time."""
from __future__ import annotations

import pandas as pd
import pytest

from kit import chart_set
from kit import charts as C

COLOURS = {"White House": "#0072B2", "Kremlin": "#D55E00", "Ukraine": "#E69F00", "Other": "#999999"}


def texts_of(fig) -> str:
    """Every piece of text drawn on the figure (titles, labels, annotations, ticks), wrapped lines joined."""
    drawn = " ".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text") and callable(a.get_text)))
    return " ".join(drawn.split())


@pytest.fixture
def counts():
    return pd.DataFrame({
        "period": pd.to_datetime(["2031-01-06", "2031-01-06", "2031-01-13", "2031-01-20", "2031-01-20"]),
        "camp": ["White House", "Kremlin", "White House", "White House", "Kremlin"],
        "statements": [3, 1, 4, 2, 5],
    })


@pytest.fixture
def statements():
    return pd.DataFrame({
        "said_on": pd.to_datetime(["2031-01-06", "2031-01-07", "2031-01-09", "2031-01-09", "2031-01-15"]),
        "camp": ["White House", "Kremlin", "Kremlin", "Ukraine", "White House"],
        "quote": ["Talks are going well and we expect a deal by spring, truly", "There are no talks",
                  "There are no talks", "We were not asked about any of it", "It costs $5 and $6, says the memo"],
        "quote_id": ["a:1", "b:1", "c:1", "d:1", "e:1"],
        "echo_id": ["", "b:1", "b:1", "", ""],
        "echo_articles": [1, 2, 2, 1, 1],
    })


@pytest.fixture
def claims():
    return pd.DataFrame({
        "rank": [1, 2], "score": [0.9, 0.5], "days_apart": [1, 3], "wording": [0.4, 0.1],
        "polarity_differs": [True, False], "themes": ["Peace talks / ceasefire", "Sanctions"],
        "claim_said_on": pd.to_datetime(["2031-01-06", "2031-01-08"]), "claim_camp": ["White House", "Kremlin"],
        "claim_speaker": ["Harriet Calloway", "Pavel Ostrogin"],
        "claim_quote": ["The talks have progressed", "Sanctions have failed"],
        "counter_said_on": pd.to_datetime(["2031-01-07", "2031-01-11"]), "counter_camp": ["Kremlin", "White House"],
        "counter_speaker": ["Pavel Ostrogin", "Harriet Calloway"],
        "counter_quote": ["There has been no contact", "Sanctions are working"],
    })


def test_messaging_timeline_states_the_leader_and_marks_key_dates(counts):
    fig = C.messaging_timeline(counts, COLOURS, source="Test wire", key_dates="2031-01-10 Summit; 2031-01-14: Call")
    text = texts_of(fig)
    assert "White House made 9 of 15 statements" in text
    assert "Summit" in text and "Call" in text and "Source: Test wire" in text
    assert "6 Jan 2031 to 20 Jan 2031" in text
    lines = {line.get_label(): line.get_color() for line in fig.axes[0].get_lines() if not line.get_label().startswith("_")}
    assert lines["Kremlin"] == COLOURS["Kremlin"], "camps are drawn in their registry colours"
    assert fig.get_figwidth() * fig.dpi == 600


def test_parse_key_dates_accepts_the_forms_a_reporter_types():
    expected = [(pd.Timestamp("2025-02-12"), "Putin-Trump call"), (pd.Timestamp("2025-08-15"), "Alaska summit")]
    assert C.parse_key_dates("2025-08-15 Alaska summit; 2025-02-12: Putin-Trump call") == expected
    assert C.parse_key_dates({"2025-02-12": "Putin-Trump call", "2025-08-15": "Alaska summit"}) == expected
    assert C.parse_key_dates(["2025-02-12=Putin-Trump call", "2025-08-15 Alaska summit"]) == expected
    assert C.parse_key_dates("") == []
    with pytest.raises(ValueError, match="Feb 12"):
        C.parse_key_dates("Feb 12 call")


def test_theme_heatmap_names_the_biggest_share():
    data = pd.DataFrame({
        "theme": ["sanctions", "sanctions", "energy", "energy"], "label": ["Sanctions", "Sanctions", "Energy", "Energy"],
        "camp": ["Kremlin", "White House", "Kremlin", "White House"], "statements": [2, 6, 5, 0],
        "share": [0.2, 0.6, 0.5, 0.0],
    })
    fig = C.theme_heatmap(data, source="Test wire")
    assert "Sanctions was the theme White House raised most: 60%" in texts_of(fig)


def test_themes_over_time_draws_one_panel_per_theme():
    data = pd.DataFrame({
        "period": pd.to_datetime(["2031-01-01", "2031-02-01", "2031-02-01", "2031-03-01"]),
        "camp": ["Kremlin", "Kremlin", "White House", "White House"],
        "theme": ["energy", "energy", "nato", "nato"], "label": ["Energy", "Energy", "NATO", "NATO"],
        "statements": [1, 4, 2, 1],
    })
    fig = C.themes_over_time(data, COLOURS, source="Test wire")
    titles = [ax.get_title(loc="left") for ax in fig.axes if ax.get_title(loc="left")]
    assert titles == ["Energy", "NATO"]
    assert "Energy was the most discussed theme (5 statements)" in texts_of(fig)


def test_top_speakers_leaves_out_unattributed_and_names_the_top_speaker():
    data = pd.DataFrame({"camp": ["Kremlin", "Kremlin", "White House", "Other"],
                         "speaker": ["Pavel Ostrogin", "(unattributed)", "Harriet Calloway", "A reader"],
                         "statements": [7, 40, 5, 50]})
    fig = C.top_speakers(data, COLOURS, source="Test wire")
    text = texts_of(fig)
    assert "Pavel Ostrogin (Kremlin) was quoted most: 7 statements" in text
    assert "(unattributed)" not in text


def test_quote_timeline_labels_the_most_echoed_quote_and_draws_dollars_literally(statements):
    fig = C.quote_timeline(statements, COLOURS, source="Test wire")
    text = texts_of(fig)
    assert "“There are no talks” (2 articles)" in text
    assert "The most repeated quote ran in 2 articles" in text
    fig.canvas.draw()  # "$5 and $6" must not be parsed as maths


def test_claims_chart_puts_each_pair_on_one_row(claims):
    fig = C.claims_chart(claims, COLOURS, source="Test wire")
    text = texts_of(fig)
    assert "“The talks have progressed”" in text and "“There has been no contact”" in text
    assert "White House and Kremlin contradicted each other on peace talks / ceasefire, 1 day apart" in text
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["#2", "#1"]


def test_every_chart_draws_something_for_empty_input(counts, statements, claims):
    empty_figs = [
        C.messaging_timeline(counts.iloc[:0], COLOURS), C.quote_timeline(statements.iloc[:0], COLOURS),
        C.claims_chart(claims.iloc[:0], COLOURS),
        C.top_speakers(pd.DataFrame(columns=["camp", "speaker", "statements"]), COLOURS),
    ]
    for fig in empty_figs:
        assert "Nothing to chart" in texts_of(fig)


def test_saved_files_are_byte_identical_and_carry_no_dates(counts, claims, statements, tmp_path):
    def draw_and_save(folder):
        paths = C.save_figure(C.messaging_timeline(counts, COLOURS, source="Test wire"), folder, "timeline")
        paths += C.save_figure(C.claims_chart(claims, COLOURS), folder, "claims")
        paths += C.save_figure(C.quote_timeline(statements, COLOURS), folder, "quotes")
        return paths

    first, second = draw_and_save(tmp_path / "a"), draw_and_save(tmp_path / "b")
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), f"{a.name} differs between two saves of the same data"
    svg = (tmp_path / "a" / "timeline.svg").read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    png = (tmp_path / "a" / "timeline.png").read_bytes()
    assert b"Software" not in png and b"matplotlib" not in png.lower()
    assert not list((tmp_path / "a").glob(".*.tmp")), "temporary files are renamed into place"


def test_show_gives_a_png_600_px_wide_for_notebooks(counts):
    image = C.show(C.messaging_timeline(counts, COLOURS))
    assert image.data[:8] == b"\x89PNG\r\n\x1a\n" and image.width == 600


def test_a_chart_whose_inputs_did_not_change_is_not_drawn_again(claims_tables, nlp, tmp_path):
    from kit import pipeline

    tables = pipeline.build_tables(*claims_tables, nlp=nlp)
    first = chart_set.report_charts(tables, COLOURS, source="Test wire", folder=tmp_path / "a",
                                    cache_dir=tmp_path / "cache")
    again = chart_set.report_charts(tables, COLOURS, source="Test wire", folder=tmp_path / "b",
                                    cache_dir=tmp_path / "cache")
    assert not any(isinstance(f, chart_set.SavedChart) for f in first.values())
    assert all(isinstance(f, chart_set.SavedChart) for f in again.values()), "unchanged inputs: every chart from the cache"
    for path in (tmp_path / "a").iterdir():
        assert (tmp_path / "b" / path.name).read_bytes() == path.read_bytes(), f"{path.name} differs"
    assert again["top_speakers"].kit_alt == first["top_speakers"].kit_alt
    assert C.show(again["top_speakers"]).data == (tmp_path / "a" / "top_speakers.png").read_bytes()
    fewer = pipeline.build_tables(claims_tables[0].iloc[1:], claims_tables[1], nlp=nlp)
    changed = chart_set.report_charts(fewer, COLOURS, source="Test wire", folder=tmp_path / "c",
                                      cache_dir=tmp_path / "cache")
    assert not isinstance(changed["top_speakers"], chart_set.SavedChart), "a chart whose table changed is drawn again"
    other_source = chart_set.report_charts(tables, COLOURS, source="Other wire", folder=tmp_path / "d",
                                           cache_dir=tmp_path / "cache")
    assert not any(isinstance(f, chart_set.SavedChart) for f in other_source.values()), \
        "the source line is part of every chart"


def test_a_large_quote_timeline_is_keyed_on_the_counts_it_draws():
    """Past 400 statements the quote timeline draws the top speakers per period: it is found in the cache by
    those counts (and their period), so the words of a quote it does not show do not make it drawn again."""
    n = 450
    table = pd.DataFrame({"said_on": pd.date_range("2031-01-06", periods=n, freq="D"),
                          "speaker": [f"Speaker {i % 7}" for i in range(n)], "actor": [""] * n,
                          "camp": ["White House"] * n, "quote": [f"fictional words {i}" for i in range(n)]})
    drawn, key = chart_set._quote_timeline_drawn(table, None, None)
    pd.testing.assert_frame_equal(drawn, C.quote_timeline_table(table))
    assert key is not None and key[2] == "month"
    reworded = chart_set._quote_timeline_drawn(table.assign(quote="other fictional words"), None, None)[1]
    assert chart_set._chart_key("quote_timeline", reworded, {}) == chart_set._chart_key("quote_timeline", key, {})
    moved = chart_set._quote_timeline_drawn(table.assign(speaker="Speaker 1"), None, None)[1]
    assert chart_set._chart_key("quote_timeline", moved, {}) != chart_set._chart_key("quote_timeline", key, {})
    assert chart_set._quote_timeline_drawn(table.head(400), None, None)[1] is None, "400 marks: keyed on every statement"


def test_the_press_questions_never_lead_the_most_quoted_speakers():
    table = pd.DataFrame({"said_on": pd.to_datetime(["2031-01-06"] * 3 + ["2031-01-07"]),
                          "speaker": ["a reporter", "a reporter", "a reporter", "Harriet Calloway"],
                          "actor": ["", "", "", "Harriet Calloway"],
                          "camp": ["Press", "Press", "Press", "White House"]})
    periods, _ = C.speaker_periods(table)
    assert list(periods["speaker"]) == ["Harriet Calloway"], "a briefing's questions are not quotes of a speaker"


def test_remembered_ticks_draw_the_same_files_and_follow_a_new_view(counts, tmp_path):
    """Ticks worked out once per view (kit.chart_ticks) give the same files as asking the axis each time,
    and a chart zoomed after it was drawn gets the ticks of its new view."""
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    from kit import chart_ticks

    fig = C.messaging_timeline(counts, COLOURS, source="5 articles")
    ax = fig.axes[0]
    assert isinstance(ax.xaxis.get_major_locator(), chart_ticks.RememberedLocator)
    remembered = [p.read_bytes() for p in C.save_figure(fig, tmp_path, "remembered")]
    for axis in (ax.xaxis, ax.yaxis):  # the axis's own locator and formatter, asked every time
        axis.major.locator, axis.major.formatter = axis.major.locator.locator, axis.major.formatter.formatter
    assert [p.read_bytes() for p in C.save_figure(fig, tmp_path, "asked")] == remembered
    plt.close(fig)

    fig = C.messaging_timeline(counts, COLOURS, source="5 articles")
    ax = fig.axes[0]
    fig.canvas.draw()
    before = [t.get_text() for t in ax.get_xticklabels()]
    ax.set_xlim(mdates.date2num(pd.Timestamp("2031-01-05")), mdates.date2num(pd.Timestamp("2031-01-08")))
    fig.canvas.draw()
    after = [t.get_text() for t in ax.get_xticklabels()]
    assert after != before and len(after) >= 3
    ax.yaxis.get_major_formatter().set_useOffset(1000)  # asked of the wrapped formatter: labels redone
    fig.canvas.draw()
    assert ax.yaxis.get_offset_text().get_text() != ""
    plt.close(fig)
