"""The house style every chart shares: fonts, ink and the safe palette, the title that states the
finding, the source line with the date range, 600 px wide, and saving as PNG and SVG with fixed
metadata so the same data gives the same bytes. ``kit.charts`` draws the charts in it.
"""
from __future__ import annotations

import io
import sys
import textwrap
from pathlib import Path
from typing import Iterable

import matplotlib

if "ipykernel" not in sys.modules:
    matplotlib.use("Agg")  # no display needed; in a notebook the kernel's own backend stays
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from .chart_ticks import remember_ticks  # noqa: E402
from .files import atomic_path  # noqa: E402
from .table import NEUTRAL_CAMPS  # noqa: E402

FALLBACK_COLOUR = "#999999"
UNATTRIBUTED = "(unattributed)"
# Okabe-Ito, for camps a registry does not colour.
SAFE_PALETTE = ["#0072B2", "#D55E00", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
WIDTH_IN, DPI = 6.0, 100  # 600 px wide
INK, MUTED, GRID = "#222222", "#555555", "#DDDDDD"
plt.rcParams.update({
    "font.family": "DejaVu Sans",  # ships with matplotlib: the same glyphs on every machine
    "font.size": 9,
    "svg.hashsalt": "newsroom-kit",
    "svg.fonttype": "path",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": MUTED,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "axes.titlesize": 9,
    "legend.frameon": False,
    "path.simplify": True,
})


def literal_text(text) -> str:
    """Article text drawn literally: a dollar sign must not switch matplotlib into maths mode."""
    return str(text if text is not None else "").replace("$", r"\$")


def colours_for_camps(colours: dict[str, str], camps: Iterable[str]) -> dict[str, str]:
    """A colour per camp: the registry's, else the next unused safe colour."""
    out, spare = {}, [c for c in SAFE_PALETTE if c not in set(colours.values())]
    for camp in camps:
        if camp in colours:
            out[camp] = colours[camp]
        else:
            out[camp] = spare.pop(0) if spare else FALLBACK_COLOUR
    return out


def dates_text(dates: pd.Series) -> str:
    """'3 Jan 2022 to 14 Feb 2026' for the dates present, or '' when there are none."""
    dates = pd.to_datetime(pd.Series(dates), errors="coerce").dropna()
    if dates.empty:
        return ""
    first, last = dates.min(), dates.max()
    return f"{first:%-d %b %Y}" if first.date() == last.date() else f"{first:%-d %b %Y} to {last:%-d %b %Y}"


def source_line(articles: pd.DataFrame, top: int = 3) -> str:
    """'2,210 articles (whitehouse.gov, kremlin.ru)' for a chart's source line."""
    sources = (articles["source"].fillna("").astype(str) if "source" in articles else pd.Series([], dtype=str)).replace("", pd.NA).dropna().value_counts()
    names = ", ".join(sources.index[:top]) + (", …" if len(sources) > top else "")
    return f"{len(articles):,} articles" + (f" ({names})" if names else "")


def lead_camp(camps) -> str:
    """The first camp that is a side (the press and 'Other' only lead when nobody else spoke)."""
    sides = [c for c in camps if c not in NEUTRAL_CAMPS]  # the press never heads a chart when a side spoke
    return sides[0] if sides else list(camps)[0]


def new_figure(height: float, nrows: int = 1, ncols: int = 1, **kw):
    fig, axes = plt.subplots(nrows, ncols, figsize=(WIDTH_IN, height), dpi=DPI, **kw)
    return fig, axes


def finished_figure(fig, title: str, subtitle: str, source: str, dates=None, legend=None) -> plt.Figure:
    """Title (the finding) and subtitle at the top left, then ``legend`` (handles, labels) if given,
    source line and date range at the bottom."""
    title_text = textwrap.fill(literal_text(title), 52)
    sub_text = textwrap.fill(literal_text(subtitle), 82) if subtitle else ""
    height = fig.get_figheight()
    line = 1 / (height * 72) * 1.35  # one line of 9-12 pt text, in figure fraction
    n_title, n_sub = title_text.count("\n") + 1, (sub_text.count("\n") + 1 if sub_text else 0)
    top = 1 - line * (n_title * 12 + n_sub * 9 + 8)
    fig.text(0.015, 1 - line * 6, title_text, ha="left", va="top", fontsize=12, fontweight="bold", color=INK)
    if sub_text:
        fig.text(0.015, 1 - line * (6 + n_title * 12 + 2), sub_text, ha="left", va="top", fontsize=9, color=MUTED)
    if legend:
        handles, labels = legend
        ncol = min(len(labels), 5)
        fig.legend(handles, labels, loc="upper left", bbox_to_anchor=(0.01, top + line * 4), ncol=ncol,
                   fontsize=7.5, handlelength=1.2, columnspacing=1.0)
        top -= line * (11 * int(np.ceil(len(labels) / ncol)) + 2)
    span = dates_text(dates) if dates is not None else ""
    parts = [f"Source: {source}" if source else "Source: newsroom-kit", span and f"Statements dated {span}"]
    source_text = textwrap.fill(literal_text(" · ".join(p for p in parts if p)), 120)
    fig.text(0.015, 0.012, source_text, ha="left", va="bottom", fontsize=7, color=MUTED)
    bottom = line * (6 + 8 * (source_text.count("\n") + 1))
    remember_ticks(fig)  # the layout passes and both files ask every axis for the same ticks again
    fig.tight_layout(rect=(0, bottom, 1, top))
    # tight_layout leaves a placeholder layout engine, for which every savefig draws the figure once
    # more before drawing it into the file; the layout is done, so the figure needs none.
    fig.set_layout_engine(None)
    fig.kit_alt = " ".join(filter(None, (literal_text(title), literal_text(subtitle))))  # the image's text for screen readers
    return fig


def empty_chart(title: str, source: str) -> plt.Figure:
    fig, ax = new_figure(2.2)
    ax.axis("off")
    ax.text(0.5, 0.5, "Nothing to chart for these inputs", ha="center", va="center", color=MUTED,
            transform=ax.transAxes)
    return finished_figure(fig, title, "", source)


def date_axis(ax) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def show(fig: plt.Figure, width: int = 600):
    """The figure as a PNG image for a notebook, 600 px wide (drawn at twice that for sharp screens).

    Works whatever matplotlib backend the notebook runs, and ends up as an image in the HTML report,
    its alternative text the chart's title and subtitle. A figure :func:`save_figure` saved (or a
    :class:`kit.chart_set.SavedChart`) is shown from its PNG file: the same bytes, not drawn again.
    """
    from IPython.display import Image

    alt = getattr(fig, "kit_alt", None) or "Chart"
    saved = getattr(fig, "kit_png", None)
    if saved is not None and Path(saved).is_file():
        # save_figure drew exactly these bytes already: drawing a large chart twice costs seconds.
        return Image(data=Path(saved).read_bytes(), format="png", width=width, alt=alt)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None}, dpi=DPI * 2)
    return Image(data=buffer.getvalue(), format="png", width=width, alt=alt)


def save_figure(fig: plt.Figure, folder: str | Path, name: str) -> list[Path]:
    """Save ``fig`` as ``name.png`` and ``name.svg`` with fixed metadata; returns the paths.

    No software version or creation date is written, and SVG ids come from a fixed salt, so
    the same figure gives the same bytes on every run.
    """
    paths = []
    for fmt, meta in (("png", {"Software": None}), ("svg", {"Date": None, "Creator": None})):
        path = Path(folder) / f"{name}.{fmt}"
        with atomic_path(path) as tmp, plt.rc_context({"svg.hashsalt": "newsroom-kit"}):
            fig.savefig(tmp, format=fmt, metadata=meta, dpi=DPI * 2 if fmt == "png" else DPI)
        paths.append(path)
    fig.kit_png = paths[0]  # what show() displays, without drawing the figure again
    return paths
