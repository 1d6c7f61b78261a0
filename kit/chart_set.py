"""The report's charts as one set: each chart of ``kit.charts`` drawn from a ``kit.pipeline.Tables``, saved
with the table it draws, and taken from the extraction cache instead of drawn again when nothing it draws
from changed.

    figures = report_charts(tables, registry.camp_colours(), source=..., folder=out / "charts", cache_dir=...)
    kit.charts.show(figures["top_speakers"])     # a drawn Figure or a SavedChart alike
    figures.tables["top_speakers"]               # the data the chart draws (also charts/top_speakers.csv)
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd

from . import chart_style, charts
from .charts import (claims_chart, clip_to_dates, messaging_timeline, quote_timeline, quote_timeline_table,
                     save_figure, speaker_periods, theme_heatmap, themes_over_time, timeline_table, top_speakers,
                     top_speakers_table)


class ChartSet(dict):
    """Chart name -> Figure, with ``tables``: chart name -> the data that chart draws (what the report
    shows beside it, and ``report_charts`` saves as ``charts/<name>.csv``), and ``timeline_period``:
    the period of the messaging timeline's rows (months when there are too many weeks to draw)."""

    def __init__(self, figures: dict, tables: dict, timeline_period: str = "week"):
        super().__init__(figures)
        self.tables = tables
        self.timeline_period = timeline_period


@dataclass
class SavedChart:
    """A chart not drawn again because nothing it draws from changed since a run drew it: its PNG file
    (written from the cache with its SVG) and its alternative text. :func:`kit.charts.show` displays it."""

    kit_png: Path
    kit_alt: str


def _chart_key(name: str, args: tuple, kwargs: dict) -> str:
    """A digest of everything a chart function is given: tables by their hashed rows, the rest by repr."""
    digest = hashlib.sha256(repr((name, sorted(kwargs))).encode())
    for value in (*args, *(kwargs[k] for k in sorted(kwargs))):
        if isinstance(value, pd.DataFrame):
            digest.update(repr((list(value.columns), [str(t) for t in value.dtypes], value.shape)).encode())
            try:
                digest.update(pd.util.hash_pandas_object(value, index=True).values.tobytes())
            except TypeError:  # a column of lists: hashed as text
                digest.update(value.to_csv().encode())
        else:
            digest.update(repr(value).encode())
        digest.update(b"\0")
    return digest.hexdigest()


def _charts_engine() -> str:
    """What else decides how a chart looks: the drawing code (``kit.charts``, ``kit.chart_style``), the
    calls this module makes of it, and matplotlib's version."""
    return hashlib.sha256(Path(charts.__file__).read_bytes() + Path(chart_style.__file__).read_bytes()
                          + Path(__file__).read_bytes()
                          + matplotlib.__version__.encode()).hexdigest()


def report_charts(tables, colours: dict[str, str], source: str = "", key_dates=None,
                  folder: str | Path | None = None, per_texts: bool = False,
                  cache_dir: str | Path | None = None) -> ChartSet:
    """Every chart of the report from a ``kit.pipeline.Tables``, and the table each one draws; saved as
    PNG, SVG and CSV into ``folder`` if given. ``per_texts`` draws the messaging timeline as statements
    per 100 texts.

    With ``folder`` and ``cache_dir`` (the extraction cache), a chart whose inputs (its tables, colours,
    source line, dates, options) and this module's code are unchanged since a run drew it is not drawn
    again: its PNG and SVG come from the cache, and its entry is a :class:`SavedChart`.
    The figures are closed after drawing so a notebook shows each one only where it is asked for.
    """
    from .cache import ExtractionCache
    from .files import atomic_write_bytes, write_frame

    # Dates said long before the first article (a speech recalling 2014) would stretch the time axes.
    published = pd.to_datetime(tables.who_said_what["published"], utc=True).dt.tz_localize(None).dropna()
    start = published.min() - pd.Timedelta(days=31) if len(published) else None
    end = published.max() + pd.Timedelta(days=31) if len(published) else None
    texts = getattr(tables, "texts", None)
    timeline, timeline_period = timeline_table(tables.by_period, texts, tables.period, start, end, per_texts)
    data = {
        "messaging_timeline": timeline.reset_index() if len(timeline) else timeline,
        "top_speakers": top_speakers_table(tables.speakers),
        "theme_heatmap": tables.themes_by_camp,
        "themes_over_time": clip_to_dates(tables.themes_by_period, "period", start, end).reset_index(drop=True),
        "claims_and_counterclaims": tables.claims.sort_values("rank").head(5).reset_index(drop=True),
        "quote_timeline": None,
    }
    data["quote_timeline"], quote_timeline_key = _quote_timeline_drawn(tables.who_said_what, start, end)
    calls = {
        "messaging_timeline": (messaging_timeline, (tables.by_period, colours),
                               dict(source=source, key_dates=key_dates, period=tables.period, start=start, end=end,
                                    texts=texts, per_texts=per_texts)),
        "top_speakers": (top_speakers, (tables.speakers, colours), dict(source=source)),
        "theme_heatmap": (theme_heatmap, (tables.themes_by_camp,), dict(source=source)),
        "themes_over_time": (themes_over_time, (tables.themes_by_period, colours),
                             dict(source=source, period=tables.theme_period, start=start, end=end)),
        "claims_and_counterclaims": (claims_chart, (tables.claims, colours), dict(source=source)),
        "quote_timeline": (quote_timeline, (tables.who_said_what, colours), dict(source=source, start=start, end=end)),
    }
    store = ExtractionCache(cache_dir) if cache_dir is not None and folder is not None else None
    engine = _charts_engine() if store is not None else ""
    figures: dict = {}
    # What a chart is found again by, where that is less than all it is given (kit.chart_set: the quote timeline).
    keyed_on = {"quote_timeline": quote_timeline_key} if quote_timeline_key is not None else {}
    for name, (draw, args, kwargs) in calls.items():
        key = _chart_key(name, (*keyed_on[name], colours) if name in keyed_on else args, kwargs) if store is not None else ""
        saved = store.get("chart", engine, [key]).get(key) if store is not None else None
        if saved is not None:
            png, svg, alt = _unpack_chart(saved)
            atomic_write_bytes(Path(folder) / f"{name}.png", png)
            atomic_write_bytes(Path(folder) / f"{name}.svg", svg)
            figures[name] = SavedChart(Path(folder) / f"{name}.png", alt)
        else:
            fig = figures[name] = draw(*args, **kwargs)
            if folder is not None:
                png_path, svg_path = save_figure(fig, folder, name)
                if store is not None:
                    store.put("chart", engine, {key: (_pack_chart(png_path.read_bytes(), svg_path.read_bytes(),
                                                                  getattr(fig, "kit_alt", "")), 1)})
            plt.close(fig)
        if folder is not None:
            write_frame(data[name], Path(folder) / f"{name}.csv")
    return ChartSet(figures, data, timeline_period)


def _quote_timeline_drawn(table: pd.DataFrame, start, end) -> tuple[pd.DataFrame, tuple | None]:
    """What the quote timeline draws (``kit.charts.quote_timeline_table``), and what it is keyed on in the
    cache when that is less than the whole who-said-what table: past ``max_marks`` dated statements the
    chart draws only the top speakers' counts per period (``speaker_periods``), so those counts and their
    period decide it, and hashing every statement of a large table on every run is not needed."""
    dated = clip_to_dates(table.dropna(subset=["said_on"]), "said_on", start, end)
    if len(dated) <= QUOTE_TIMELINE_MARKS:
        return quote_timeline_table(table, start=start, end=end, max_marks=QUOTE_TIMELINE_MARKS), None
    drawn, period = speaker_periods(dated, QUOTE_TIMELINE_TOP)
    return drawn, ("top speakers by period", drawn, period)


# kit.charts.quote_timeline's defaults, as report_charts calls it.
QUOTE_TIMELINE_MARKS, QUOTE_TIMELINE_TOP = 400, 10


def _pack_chart(png: bytes, svg: bytes, alt: str) -> bytes:
    return len(png).to_bytes(8, "big") + len(svg).to_bytes(8, "big") + png + svg + alt.encode("utf-8")


def _unpack_chart(payload: bytes) -> tuple[bytes, bytes, str]:
    n_png, n_svg = int.from_bytes(payload[:8], "big"), int.from_bytes(payload[8:16], "big")
    body = payload[16:]
    return body[:n_png], body[n_png:n_png + n_svg], body[n_png + n_svg:].decode("utf-8")
