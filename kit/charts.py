"""Stage 5: charts in newsroom style, one function per chart returning a matplotlib Figure.

Every chart takes a tidy DataFrame from the table modules (``kit.table``, ``kit.themes``, ...) and the camps' colours
(``registry.camp_colours()``, Okabe-Ito: safe for colour-blind readers), has a title that
states the finding, a source line with the date range, is 600 px wide, and is saved as PNG
and SVG by :func:`save_figure` with fixed fonts and metadata so the same data gives the
same bytes. The house style they share (and ``show``, ``save_figure``) is ``kit.chart_style``.

    messaging_timeline(counts, colours)         statements per camp over time, key dates marked
    theme_heatmap(theme_counts)                 share of each camp's statements per theme
    themes_over_time(theme_periods, colours)    one small panel per theme, a line per camp
    top_speakers(speakers, colours)             most quoted speakers of each camp
    quote_timeline(table, colours)              every statement on a date axis, most echoed labelled
    claims_chart(claims, colours)               claims and counter-claims facing each other in time

``kit.chart_set.report_charts`` draws the report's set of them (or takes unchanged ones from the cache).
"""
from __future__ import annotations

import re
import textwrap
from typing import Iterable

import matplotlib.patches
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .chart_style import (FALLBACK_COLOUR, GRID, INK, MUTED, UNATTRIBUTED, colours_for_camps, date_axis,
                          empty_chart, finished_figure, lead_camp, literal_text, new_figure, save_figure, show,
                          source_line)
from .table import NEUTRAL_CAMPS, excerpt, text_column

__all__ = ["parse_key_dates", "clip_to_dates", "timeline_table", "messaging_timeline", "theme_heatmap",
           "themes_over_time", "top_speakers_table", "top_speakers", "speaker_periods", "quote_timeline_table",
           "quote_timeline", "claims_chart", "show", "save_figure", "source_line"]


def parse_key_dates(value) -> list[tuple[pd.Timestamp, str]]:
    """Key dates from a notebook parameter: a dict {date: label}, a list of "YYYY-MM-DD label"
    strings or of (date, label) pairs, or one string with entries separated by ";".

    A malformed entry raises ValueError naming it.
    """
    if not value:
        return []
    if isinstance(value, dict):
        items = list(value.items())
    else:
        if isinstance(value, str):
            value = [v for v in value.split(";") if v.strip()]
        items = []
        for entry in value:
            if isinstance(entry, str):
                m = re.match(r"\s*(\d{4}-\d{2}-\d{2})\s*[:=]?\s*(.*)$", entry)
                if not m:
                    raise ValueError(f"key date {entry!r} does not start with a date (use YYYY-MM-DD label)")
                items.append((m.group(1), m.group(2).strip()))
            else:
                items.append(tuple(entry))
    out = []
    for when, label in items:
        try:
            out.append((pd.Timestamp(str(when)), str(label)))
        except ValueError as exc:
            raise ValueError(f"key date {when!r} is not a date (use YYYY-MM-DD label)") from exc
    return sorted(out)


def clip_to_dates(frame: pd.DataFrame, column: str, start=None, end=None) -> pd.DataFrame:
    """The rows whose ``column`` falls between ``start`` and ``end`` (either may be None: no limit)."""
    when = pd.to_datetime(frame[column])
    keep = pd.Series(True, index=frame.index)
    if start is not None:
        keep &= when >= pd.Timestamp(start)
    if end is not None:
        keep &= when <= pd.Timestamp(end)
    return frame[keep]


PERIOD_FREQ = {"day": "D", "week": "W-MON", "month": "MS"}
PERIOD_DAYS = {"day": 1, "week": 7, "month": 30}
# Below this many texts in a period (or statements in a camp) a share or a rate is marked as resting on few.
SMALL_N = 30


def _set_date_limits(ax, first, last, period: str = "week") -> None:
    """The x axis spans the data's dates (half a period either side), never matplotlib's years-wide default."""
    pad = pd.Timedelta(days=max(PERIOD_DAYS.get(period, 7) / 2, 1))
    ax.set_xlim(pd.Timestamp(first) - pad, pd.Timestamp(last) + pad)


def timeline_table(counts: pd.DataFrame, texts: pd.DataFrame | None = None, period: str = "week", start=None,
                   end=None, per_texts: bool = False, max_points: int = 160) -> tuple[pd.DataFrame, str]:
    """(table, period) the messaging timeline draws: one row per period, a column per camp, and
    ``texts`` (articles published in the period) when ``texts`` (period, texts) is given.

    A period in which no text was published and nothing was said is empty (drawn as a gap, not a
    zero); a camp silent in a period with texts counts 0. ``per_texts`` turns counts into statements
    per 100 texts. More than ``max_points`` periods are summed into months (the returned period).
    """
    counts = clip_to_dates(counts, "period", start, end)
    if counts.empty:
        return pd.DataFrame(), period
    wide = counts.pivot_table(index="period", columns="camp", values="statements", fill_value=0, aggfunc="sum")
    wide.columns = [str(c) for c in wide.columns]
    camps = list(wide.columns)
    if texts is not None and len(texts):
        per = clip_to_dates(texts, "period", start, end).set_index("period")["texts"]
        wide = wide.join(per.rename("texts"), how="outer")
    full = pd.date_range(wide.index.min(), wide.index.max(), freq=PERIOD_FREQ.get(period, "W-MON"))
    wide = wide.reindex(full.union(wide.index)).sort_index()
    if len(wide) > max_points and period != "month":
        wide = wide.groupby(wide.index.to_period("M").start_time).sum(min_count=1)
        period = "month"
    has_texts = "texts" in wide.columns
    if has_texts:
        active = wide[camps].notna().any(axis=1) | (wide["texts"].fillna(0) > 0)
        wide.loc[active, camps] = wide.loc[active, camps].fillna(0)
        wide["texts"] = wide["texts"].fillna(0)
    else:
        # Without a count of texts a silent period is all that is known: it counts zero.
        wide[camps] = wide[camps].fillna(0)
    if per_texts and has_texts:
        rate = wide[camps].div(wide["texts"].where(wide["texts"] > 0), axis=0) * 100
        wide[camps] = rate.round(1)
    wide.index.name = "period"
    order = wide[camps].sum().sort_values(ascending=False, kind="stable").index.tolist()
    return wide[order + (["texts"] if has_texts else [])], period


def messaging_timeline(counts: pd.DataFrame, colours: dict[str, str], title: str | None = None,
                       source: str = "", key_dates=None, period: str = "week", start=None, end=None,
                       max_points: int = 160, texts: pd.DataFrame | None = None, per_texts: bool = False,
                       small: int = SMALL_N) -> Figure:
    """Statements per camp over time: ``counts`` has columns period, camp, statements.

    ``texts`` (period, texts: articles published) makes periods without any text gaps in the lines
    and allows ``per_texts`` (statements per 100 texts; a period with fewer than ``small`` texts is
    drawn as an open mark, its rate resting on few texts). The data drawn is :func:`timeline_table`.
    ``start``/``end`` clip the axis, which spans the data's dates. ``key_dates`` (see
    :func:`parse_key_dates`) are drawn as labelled dotted lines.
    """
    wide, period = timeline_table(counts, texts, period, start, end, per_texts, max_points)
    if wide.empty:
        return empty_chart(title or "No dated statements in these inputs", source)
    camps = [c for c in wide.columns if c != "texts"]
    rate = per_texts and "texts" in wide.columns
    palette = colours_for_camps(colours, camps)
    fig, ax = new_figure(3.9)
    many = len(wide) > 40
    few = (wide["texts"].fillna(0) < small) if rate else pd.Series(False, index=wide.index)
    for camp in camps:
        ax.plot(wide.index, wide[camp], lw=1.2 if many else 1.8, marker="o", ms=2 if many else 3.5,
                label=literal_text(camp), color=palette[camp])
        if few.any():
            ax.plot(wide.index[few], wide.loc[few, camp], ls="none", marker="o", ms=5, mfc="white",
                    mec=palette[camp], mew=1.2)
    ax.set_ylim(bottom=0)
    ax.set_ylabel(f"statements per 100 texts, by {period}" if rate else f"statements per {period}")
    ax.grid(axis="y", color=GRID, lw=0.6)
    ax.legend(fontsize=8, ncol=min(len(camps), 4), loc="lower left", bbox_to_anchor=(0, 1.0),
              handlelength=1.2, columnspacing=1.0)
    date_axis(ax)
    lo, hi = wide.index.min(), wide.index.max()
    _set_date_limits(ax, lo, hi, period)
    for when, label in parse_key_dates(key_dates):
        if lo - pd.Timedelta(days=7) <= when <= hi + pd.Timedelta(days=7):
            ax.axvline(when, color=INK, lw=0.8, ls=":")
            ax.annotate(literal_text(label), (when, 1), xycoords=("data", "axes fraction"), xytext=(3, -2),
                        textcoords="offset points", ha="left", va="top", fontsize=7, color=INK, rotation=90)
    raw, _ = timeline_table(counts, texts, period, start, end, False, max_points)
    totals = raw[camps].sum()
    leader = lead_camp(camps)
    per_period = raw[camps].sum(axis=1)
    busiest = per_period.idxmax()
    title = title or f"{leader} made {int(totals[leader]):,} of {int(totals.sum()):,} statements"
    when = f"{busiest:%b %Y}" if period == "month" else f"{busiest:%-d %b %Y}"
    subtitle = (f"Statements per 100 texts per {period} by camp" if rate else f"Statements per {period} by camp")
    subtitle += f"; busiest {period}: {when} ({int(per_period.max()):,} statements)"
    if "texts" in wide.columns and wide[camps].isna().all(axis=1).any():
        subtitle += "; gaps: no texts"
    if few.any():
        subtitle += f"; open marks: fewer than {small} texts"
    return finished_figure(fig, title, subtitle, source, wide.index.to_series())


def theme_heatmap(theme_counts: pd.DataFrame, title: str | None = None, source: str = "",
                  camps: Iterable[str] | None = None, min_statements: int = 20, small: int = SMALL_N) -> Figure:
    """Share of each camp's statements that touch each theme (``kit.themes.themes_by_camp``).

    Columns name each camp with its number of statements; a camp with fewer than ``small``
    statements is hatched and its shares greyed, so 3 of 14 is not read like 300 of 1,400. The
    headline only considers camps with at least ``min_statements`` statements.
    """
    data = theme_counts if camps is None else theme_counts[theme_counts["camp"].isin(list(camps))]
    if data.empty or data["statements"].sum() == 0:
        return empty_chart(title or "No statement matched a theme", source)
    share = data.pivot_table(index="label", columns="camp", values="share", fill_value=0, aggfunc="sum")
    count = data.pivot_table(index="label", columns="camp", values="statements", fill_value=0, aggfunc="sum")
    order = count.sum(axis=1).sort_values(ascending=False, kind="stable").index
    # A camp's size: its statements on a theme divided by the share they make of all its statements.
    size = {c: int(round(count[c].max() / share[c].max())) if share[c].max() else 0 for c in count.columns}
    cols = sorted(count.columns, key=lambda c: (c in NEUTRAL_CAMPS, -size[c], c))
    share, count = share.loc[order, cols], count.loc[order, cols]
    fig, ax = new_figure(1.8 + 0.32 * len(share))
    vmax = max(float(share.values.max()), 0.01)
    ax.imshow(share.values, cmap="Blues", vmin=0, vmax=vmax, aspect="auto")
    few = [size[c] < small for c in cols]
    for (r, c), value in np.ndenumerate(share.values):
        n = int(count.values[r, c])
        ax.text(c, r, f"{value:.0%}" if n else "–", ha="center", va="center", fontsize=7.5,
                color=MUTED if few[c] else "white" if value > vmax * 0.6 else INK)
    for c, is_few in enumerate(few):
        if is_few:
            ax.add_patch(matplotlib.patches.Rectangle((c - 0.5, -0.5), 1, len(order), facecolor="white",
                                                      alpha=0.75, hatch="///", edgecolor=GRID, lw=0))
    labels = [literal_text(textwrap.fill(c, 12)) + (f"\n({size[c]:,}{', few' if size[c] < small else ''})"
                                              if size[c] else "") for c in cols]
    ax.set_xticks(range(len(cols)), labels, fontsize=7.5)
    ax.set_yticks(range(len(order)), [literal_text(t) for t in order], fontsize=8)
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    big = [i for i, camp in enumerate(cols) if camp not in NEUTRAL_CAMPS and size[camp] >= min_statements]
    sides = big or [i for i, camp in enumerate(cols) if camp not in NEUTRAL_CAMPS] or list(range(len(cols)))
    sub = share.values[:, sides]
    r, k = np.unravel_index(np.argmax(sub), sub.shape)
    c = sides[k]
    title = title or f"{order[r]} was the theme {cols[c]} raised most: {share.values[r, c]:.0%} of its statements"
    note = f"; hatched: fewer than {small} statements" if any(few) else ""
    return finished_figure(fig, title, "Share of each camp's statements touching a theme (a statement can touch "
                   f"several); statements per camp in brackets{note}", source)


def themes_over_time(theme_periods: pd.DataFrame, colours: dict[str, str], themes: Iterable[str] | None = None,
                     top: int = 6, title: str | None = None, source: str = "", period: str = "month",
                     start=None, end=None) -> Figure:
    """Small multiples: one panel per theme (``top`` busiest unless ``themes`` names them), a line per camp;
    periods without statements count as zero, ``start``/``end`` clip the time axis."""
    theme_periods = clip_to_dates(theme_periods, "period", start, end)
    if theme_periods.empty:
        return empty_chart(title or "No statement matched a theme", source)
    totals = theme_periods.groupby("label")["statements"].sum().sort_values(ascending=False, kind="stable")
    labels = list(themes) if themes is not None else list(totals.index[:top])
    data = theme_periods[theme_periods["label"].isin(labels)]
    camps = data.groupby("camp")["statements"].sum().sort_values(ascending=False, kind="stable").index
    palette = colours_for_camps(colours, camps)
    ncols = 2 if len(labels) > 1 else 1
    nrows = int(np.ceil(len(labels) / ncols))
    fig, axes = new_figure(1.1 + 1.55 * nrows, nrows, ncols, sharex=True, sharey=True, squeeze=False)
    all_periods = pd.date_range(data["period"].min(), data["period"].max(), freq=PERIOD_FREQ.get(period, "MS"))
    all_periods = all_periods.union(pd.DatetimeIndex(data["period"].unique()))
    for ax, label in zip(axes.flat, labels):
        panel = data[data["label"] == label].pivot_table(index="period", columns="camp", values="statements",
                                                         fill_value=0, aggfunc="sum")
        panel = panel.reindex(all_periods, fill_value=0)
        for camp in camps:
            if camp in panel.columns:
                ax.plot(panel.index, panel[camp], lw=1.3, color=palette[camp], label=literal_text(camp))
        ax.set_title(literal_text(label), loc="left", fontsize=8.5, fontweight="bold", color=INK)
        ax.grid(axis="y", color=GRID, lw=0.5)
        ax.set_ylim(bottom=0)
        date_axis(ax)
    for ax in list(axes.flat)[:len(labels)]:
        _set_date_limits(ax, all_periods.min(), all_periods.max(), period)
    for ax in list(axes.flat)[len(labels):]:
        ax.axis("off")
    handles = [Line2D([], [], color=palette[c], lw=2) for c in camps]
    lead_theme = totals.index[0]
    title = title or f"{lead_theme} was the most discussed theme ({int(totals.iloc[0]):,} statements)"
    return finished_figure(fig, title, f"Statements per {period} touching each theme, by camp", source, data["period"],
                   legend=(handles, [literal_text(c) for c in camps]))


def top_speakers_table(speakers: pd.DataFrame, top: int = 5, camps: Iterable[str] | None = None,
                       max_camps: int = 4) -> pd.DataFrame:
    """The rows :func:`top_speakers` draws: the ``top`` most quoted speakers of each of the
    ``max_camps`` biggest camps (sides before the press), unattributed statements left out."""
    data = speakers if camps is None else speakers[speakers["camp"].isin(list(camps))]
    data = data[data["speaker"] != UNATTRIBUTED]
    if data.empty:
        return data.reset_index(drop=True)
    by_camp = data.groupby("camp")["statements"].sum().sort_values(ascending=False, kind="stable")
    order = sorted(by_camp.index, key=lambda c: (c in NEUTRAL_CAMPS, -by_camp[c], c))[:max_camps]
    parts = [data[data["camp"] == c].sort_values(["statements", "speaker"], ascending=[False, True],
                                                  kind="stable").head(top) for c in order]
    return pd.concat(parts).reset_index(drop=True)


def top_speakers(speakers: pd.DataFrame, colours: dict[str, str], top: int = 5, camps: Iterable[str] | None = None,
                 title: str | None = None, source: str = "") -> Figure:
    """Horizontal bars: the ``top`` most quoted speakers of each camp (``kit.table.speakers_by_camp``)."""
    data = top_speakers_table(speakers, top, camps)
    if data.empty:
        return empty_chart(title or "No attributed statements", source)
    order = list(dict.fromkeys(data["camp"]))
    palette = colours_for_camps(colours, order)
    n = [min(top, int((data["camp"] == c).sum())) for c in order]
    fig, axes = new_figure(0.9 + sum(0.24 * k + 0.45 for k in n), len(order), 1, squeeze=False,
                            gridspec_kw={"height_ratios": n})
    xmax = data["statements"].max()
    for ax, camp in zip(axes.flat, order):
        rows = data[data["camp"] == camp]
        names = [literal_text(textwrap.shorten(s, 34, placeholder="…")) for s in rows["speaker"]]
        y = np.arange(len(rows))[::-1]
        ax.barh(y, rows["statements"], color=palette[camp], height=0.7)
        for yi, v in zip(y, rows["statements"]):
            ax.text(v + xmax * 0.01, yi, f"{int(v):,}", va="center", fontsize=7.5, color=INK)
        ax.set_yticks(y, names, fontsize=8)
        ax.set_xlim(0, xmax * 1.12)
        ax.set_title(literal_text(camp), loc="left", fontsize=9, fontweight="bold", color=palette[camp])
        ax.tick_params(axis="y", length=0)
        ax.xaxis.set_visible(False)
        ax.spines["bottom"].set_visible(False)
        ax.spines["left"].set_visible(False)
    ranked = data.assign(_neutral=data["camp"].isin(NEUTRAL_CAMPS))
    best = ranked.sort_values(["_neutral", "statements", "speaker"], ascending=[True, False, True], kind="stable").iloc[0]
    title = title or f"{best['speaker']} ({best['camp']}) was quoted most: {int(best['statements']):,} statements"
    return finished_figure(fig, textwrap.shorten(title, 120, placeholder="…"),
                   "Statements per speaker, by camp (unattributed statements left out)", source)


def speaker_periods(table: pd.DataFrame, top: int = 10, start=None, end=None) -> tuple[pd.DataFrame, str]:
    """(speaker, camp, period, statements) for the ``top`` most quoted speakers (unattributed speakers
    and the press's questions left out), by week, or by month when the statements span more than half
    a year; and that period."""
    from .table import period_start, speaker_name

    dated = clip_to_dates(table.dropna(subset=["said_on"]), "said_on", start, end)
    dated = dated.assign(speaker=speaker_name(dated))
    # A briefing's questions ("a reporter", "Q") would lead every chart of White House transcripts.
    dated = dated[(dated["speaker"] != UNATTRIBUTED) & (text_column(dated, "camp") != "Press")]
    if dated.empty:
        return pd.DataFrame(columns=["speaker", "camp", "period", "statements"]), "week"
    period = "month" if dated["said_on"].max() - dated["said_on"].min() > pd.Timedelta(days=182) else "week"
    totals = dated.groupby("speaker").size().sort_values(ascending=False, kind="stable")
    leaders = sorted(totals.index[:top], key=lambda n: (-totals[n], n))
    dated = dated[dated["speaker"].isin(leaders)].assign(period=lambda d: period_start(d["said_on"], period))
    camp_of = dated.groupby("speaker")["camp"].agg(lambda c: c.value_counts().sort_index().idxmax())
    out = dated.groupby(["speaker", "period"]).size().rename("statements").reset_index()
    out["camp"] = out["speaker"].map(camp_of)
    out["_rank"] = out["speaker"].map({n: i for i, n in enumerate(leaders)})
    out = out.sort_values(["_rank", "period"], kind="stable").drop(columns="_rank").reset_index(drop=True)
    return out[["speaker", "camp", "period", "statements"]].astype({"statements": "int64"}), period


def quote_timeline_table(table: pd.DataFrame, start=None, end=None, max_marks: int = 400, top: int = 10) -> pd.DataFrame:
    """What :func:`quote_timeline` draws: every dated statement (said_on, camp, speaker, quote,
    echo_articles), or past ``max_marks`` the top speakers per period (:func:`speaker_periods`)."""
    from .table import speaker_name

    dated = clip_to_dates(table.dropna(subset=["said_on"]), "said_on", start, end)
    if len(dated) > max_marks:
        return speaker_periods(dated, top)[0]
    echoed = dated["echo_articles"] if "echo_articles" in dated else 1
    return pd.DataFrame({"said_on": dated["said_on"], "camp": dated["camp"], "speaker": speaker_name(dated),
                         "quote": dated["quote"], "echo_articles": echoed}).reset_index(drop=True)


def _speaker_timeline(table: pd.DataFrame, colours: dict[str, str], top: int, title: str | None, source: str,
                      start=None, end=None) -> Figure:
    data, period = speaker_periods(table, top, start, end)
    if data.empty:
        return empty_chart(title or "No attributed statements", source)
    leaders = list(dict.fromkeys(data["speaker"]))
    palette = colours_for_camps(colours, list(dict.fromkeys(data["camp"])))
    fig, ax = new_figure(1.6 + 0.36 * len(leaders))
    row = {n: len(leaders) - 1 - i for i, n in enumerate(leaders)}
    biggest = data["statements"].max()
    ax.scatter(data["period"], data["speaker"].map(row), s=8 + 160 * np.sqrt(data["statements"] / biggest),
               c=[palette[c] for c in data["camp"]], alpha=0.8, linewidths=0)
    ax.set_yticks([row[n] for n in leaders],
                  [literal_text(textwrap.shorten(f"{n} ({c})", 40, placeholder="…"))
                   for n, c in zip(leaders, data.drop_duplicates("speaker")["camp"])], fontsize=7.5)
    ax.set_ylim(-0.6, len(leaders) - 0.4)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.grid(axis="x", color=GRID, lw=0.5)
    date_axis(ax)
    _set_date_limits(ax, data["period"].min(), data["period"].max(), period)
    first = data[data["speaker"] == leaders[0]]
    title = title or (f"{leaders[0]} was quoted most: {int(first['statements'].sum()):,} statements "
                      f"in {len(first):,} {period}s")
    return finished_figure(fig, title, f"The {len(leaders)} most quoted speakers; each mark is one {period}, larger marks "
                   f"more statements (largest: {int(biggest):,})", source, data["period"])


def quote_timeline(table: pd.DataFrame, colours: dict[str, str], label_top: int = 3, title: str | None = None,
                   source: str = "", excerpt_chars: int = 48, start=None, end=None, max_marks: int = 400,
                   top: int = 10) -> Figure:
    """Every dated statement as a mark on a date axis, one row per camp; marks grow with the number
    of articles repeating the quote (``echo_articles``) and the ``label_top`` most echoed carry an excerpt.

    Past ``max_marks`` statements single marks would blur into one blot: the chart then shows the
    ``top`` most quoted speakers instead, one mark per week or month (:func:`speaker_periods`).
    """

    dated = clip_to_dates(table.dropna(subset=["said_on"]), "said_on", start, end).copy()
    if dated.empty:
        return empty_chart(title or "No dated statements in these inputs", source)
    if len(dated) > max_marks:
        return _speaker_timeline(dated, colours, top, title, source)
    dated["echo_articles"] = dated["echo_articles"] if "echo_articles" in dated else 1
    camps = dated["camp"].value_counts().sort_index().sort_values(ascending=False, kind="stable").index
    palette = colours_for_camps(colours, camps)
    row = {c: i for i, c in enumerate(camps[::-1])}
    fig, ax = new_figure(1.9 + 0.55 * len(camps))
    # A fixed spread inside each camp's row, from the row order, so reruns draw the same picture.
    spread = ((np.arange(len(dated)) * 7919) % 13 - 6) / 6 * 0.22
    y = dated["camp"].map(row).to_numpy() + spread
    sizes = 10 + 40 * np.sqrt(dated["echo_articles"].to_numpy() - 1)
    alpha = 0.75 if len(dated) < 300 else 0.35
    ax.scatter(dated["said_on"], y, s=sizes, c=[palette[c] for c in dated["camp"]], alpha=alpha, linewidths=0)
    ax.set_yticks(list(row.values()), [literal_text(c) for c in row], fontsize=8)
    ax.set_ylim(-0.6, len(camps) - 0.4)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.grid(axis="x", color=GRID, lw=0.5)
    date_axis(ax)
    _set_date_limits(ax, dated["said_on"].min(), dated["said_on"].max(), "day")
    echoed = dated[dated["echo_articles"] >= 2]
    if "echo_id" in echoed:
        echoed = echoed.sort_values(["echo_articles", "said_on", "quote_id"], ascending=[False, True, True],
                                    kind="stable").drop_duplicates("echo_id")
    labelled = echoed.head(label_top)
    x_mid = dated["said_on"].min() + (dated["said_on"].max() - dated["said_on"].min()) / 2
    for k, (idx, r) in enumerate(labelled.iterrows()):
        pos = dated.index.get_loc(idx)
        text = f"“{excerpt(r['quote'], excerpt_chars)}” ({int(r['echo_articles'])} articles)"
        right = r["said_on"] <= x_mid
        ax.annotate(literal_text(textwrap.fill(text, 34)), (r["said_on"], y[pos]),
                    xytext=(12 if right else -12, 16 - 14 * k), textcoords="offset points",
                    ha="left" if right else "right", va="center", fontsize=7, color=INK,
                    arrowprops={"arrowstyle": "-", "color": MUTED, "lw": 0.6})
    if len(labelled):
        top = labelled.iloc[0]
        title = title or f"The most repeated quote ran in {int(top['echo_articles'])} articles"
    else:
        title = title or f"{len(dated):,} statements, none repeated across articles"
    return finished_figure(fig, title, "Each mark is a statement; larger marks were repeated in more articles",
                   source, dated["said_on"])


def claims_chart(claims: pd.DataFrame, colours: dict[str, str], top: int = 5, title: str | None = None,
                 source: str = "", excerpt_chars: int = 70) -> Figure:
    """The ``top`` claim and counter-claim pairs (``kit.claims.claims_and_counterclaims``), each a row on a
    shared date axis: the claim's excerpt above its mark, the counter-claim's below, joined by a line."""

    if claims.empty:
        return empty_chart(title or "No claim met a counter-claim within the window", source)
    pairs = claims.sort_values("rank", kind="stable").head(top).reset_index(drop=True)
    camps = list(dict.fromkeys(list(pairs["claim_camp"]) + list(pairs["counter_camp"])))
    palette = colours_for_camps(colours, camps)
    fig, ax = new_figure(1.3 + 1.25 * len(pairs))
    dates = pd.concat([pairs["claim_said_on"], pairs["counter_said_on"]])
    lo, hi = dates.min(), dates.max()
    pad = max((hi - lo) * 0.08, pd.Timedelta(days=2))
    ax.set_xlim(lo - pad, hi + pad)
    mid = lo + (hi - lo) / 2
    for i, p in pairs.iterrows():
        y = len(pairs) - 1 - i
        x1, x2 = p["claim_said_on"], p["counter_said_on"]
        # The claim's mark sits just above the line, the counter-claim's just below: same-day pairs stay apart.
        ax.plot([x1, x2], [y + 0.07, y - 0.07], color=MUTED, lw=1, zorder=1)
        for x, camp, who, quote, dy, va in ((x1, p["claim_camp"], p["claim_speaker"], p["claim_quote"], 0.07, "bottom"),
                                            (x2, p["counter_camp"], p["counter_speaker"], p["counter_quote"], -0.07, "top")):
            ax.scatter([x], [y + dy], s=40, color=palette[camp], zorder=2, linewidths=0)
            text = f"{textwrap.shorten(str(who), 26, placeholder='…')} ({camp}): “{excerpt(quote, excerpt_chars)}”"
            ax.text(x, y + 2.2 * dy, literal_text(textwrap.fill(text, 52)), ha="left" if x <= mid else "right", va=va,
                    fontsize=7, color=palette[camp] if palette[camp] != FALLBACK_COLOUR else INK)
    ax.set_ylim(-0.75, len(pairs) - 0.25)
    ax.set_yticks(range(len(pairs)), [f"#{r}" for r in pairs["rank"][::-1]], fontsize=8)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.grid(axis="x", color=GRID, lw=0.5)
    date_axis(ax)
    best = pairs.iloc[0]
    gap = int(best["days_apart"])
    when = "on the same day" if gap == 0 else f"{gap} day{'s' if gap > 1 else ''} apart"
    title = title or (f"{best['claim_camp']} and {best['counter_camp']} contradicted each other on "
                      f"{best['themes'].split('; ')[0].lower()}, {when}")
    return finished_figure(fig, title, "Top pairs of statements on a shared theme from opposing camps, ranked by closeness "
                   "in time and wording; the earlier one above its line", source, dates)
