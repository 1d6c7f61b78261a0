"""Stage 5: charts in newsroom style, one function per chart returning a matplotlib Figure.

Every chart takes a tidy DataFrame from ``kit.table`` and the camps' colours, has a title
that states the finding and a source line, and is saved as PNG and SVG by :func:`save_figure`
with fixed metadata so the same data gives the same file.
"""
from __future__ import annotations

import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

FALLBACK_COLOUR = "#999999"
plt.rcParams.update({
    "font.family": "DejaVu Sans",
    "svg.hashsalt": "newsroom-kit",
    "axes.spines.top": False,
    "axes.spines.right": False,
})


def messaging_timeline(counts: pd.DataFrame, colours: dict[str, str], title: str | None = None,
                       source: str = "") -> plt.Figure:
    """Statements per camp over time: ``counts`` has columns period, camp, statements."""
    fig, ax = plt.subplots(figsize=(6, 3.6), dpi=100)
    wide = counts.pivot_table(index="period", columns="camp", values="statements", fill_value=0)
    for camp in wide.columns:
        ax.plot(wide.index, wide[camp], marker="o", lw=2, label=camp, color=colours.get(camp, FALLBACK_COLOUR))
    if not wide.empty:
        leader = wide.sum().idxmax()
        title = title or f"{leader} spoke most often in this period"
    ax.set_title(title or "No statements found", loc="left", fontsize=12, fontweight="bold")
    ax.set_ylabel("statements")
    ax.legend(frameon=False, fontsize=8)
    fig.autofmt_xdate()
    fig.text(0.01, 0.01, f"Source: {source}" if source else "Source: newsroom-kit", fontsize=7, color="#555555")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


def save_figure(fig: plt.Figure, folder: str | Path, name: str) -> list[Path]:
    """Save ``fig`` as ``name.png`` and ``name.svg`` with fixed metadata; returns the paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for fmt, meta in (("png", {"Software": None}), ("svg", {"Date": None, "Creator": None})):
        path = folder / f"{name}.{fmt}"
        tmp = path.with_name(f".{path.name}.tmp")
        fig.savefig(tmp, format=fmt, metadata=meta)
        os.replace(tmp, path)
        paths.append(path)
    return paths
