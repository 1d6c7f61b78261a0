"""Explore the statements in JupyterLab: a quote browser, and the source behind every row.

In a notebook::

    browser = kit.explore(statements, articles)   # filters, pages, the paragraph behind each quote
    browser                                        # show it
    browser.filtered                               # the rows the filters let through, as a DataFrame
    kit.context("a1b2c3d4e5f6:1234")               # the paragraph around one quote
    kit.show_article("a1b2c3d4e5f6")               # the whole article, every statement coloured by camp

``statements`` is the table from ``kit.quotes`` + ``kit.speakers`` (or the who-said-what table):
quote_id, article_id, quote, quote_start, quote_end, speaker, speaker_mention/start/end,
cue/start/end, venue, kind, and where present actor, camp, said_on, published, theme or themes
(from ``kit.themes.add_themes``), title, source, url, sentence. ``articles`` (from ``kit.load_articles``) gives the text each offset
points into, and the title, source and link; without it a row shows its sentence only.

Filtering is done in pandas over the whole table and only one page of rows is drawn, so the
browser stays quick on tens of thousands of statements. Everything taken from an article is
HTML-escaped before it is shown. A row can be marked wrong speaker / not a quote / wrong camp;
the mark goes to the corrections file (see ``kit.corrections``), never into the input.
"""
from __future__ import annotations

import datetime as dt
import html
import math
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from .config import REPO_ROOT
from .corrections import CORRECTIONS, Corrections
from .notebook import KERNEL_NAME, export_html, run_notebook
from .registry import Registry, load_registry
from .statement_html import HTMLView, article_html, as_text, context_html, row_html, summary_html
from .table import speaker_name, with_article_fields

PAGE_SIZE = 20
ALL = ""
SEARCH_COLUMNS = ["quote", "speaker", "actor", "speaker_mention", "venue", "sentence", "title", "cue"]


_current: dict[str, Any] = {}


# ---------------------------------------------------------------- preparing the table

def _themes(value: Any) -> tuple[str, ...]:
    """Theme labels of one row: a list, or text separated by ';', '|' or ','."""
    if isinstance(value, (list, tuple, set)):
        items = value
    elif hasattr(value, "tolist") and not isinstance(value, str):
        items = value.tolist()
    else:
        text = as_text(value)
        for sep in ("|", ","):
            text = text.replace(sep, ";")
        items = text.split(";")
    return tuple(t.strip() for t in items if as_text(t).strip())


def _as_date(values: pd.Series) -> pd.Series:
    """Day-resolution naive timestamps (NaT where unknown), whatever the input's type or time zone."""
    stamps = pd.to_datetime(values, errors="coerce", utc=True)
    return stamps.dt.tz_localize(None).dt.normalize()


def prepare_statements(statements: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """The statements joined to their article's title, source, url and text, with search helpers.

    Adds private columns the browser filters on: ``_who`` (actor, else speaker), ``_date``
    (said_on, else the publication day), ``_themes`` (tuple, from a ``theme`` or ``themes`` column)
    and ``_haystack`` (lower-cased text).
    """
    frame = with_article_fields(statements.reset_index(drop=True), articles)
    for col in ("title", "source", "url", "speaker", "actor", "camp", "venue", "kind", "cue",
                "speaker_mention", "sentence", "when_text"):
        if col not in frame.columns:
            frame[col] = ""
        frame[col] = frame[col].fillna("").astype(str)
    frame["camp"] = frame["camp"].where(frame["camp"] != "", "Other")
    frame["_who"] = speaker_name(frame, unattributed="")
    said = _as_date(frame["said_on"]) if "said_on" in frame.columns else pd.Series(pd.NaT, index=frame.index)
    published = _as_date(frame["published"]) if "published" in frame.columns else pd.Series(pd.NaT, index=frame.index)
    frame["_date"] = said.fillna(published)
    theme_col = next((c for c in ("theme", "themes") if c in frame.columns), None)
    frame["_themes"] = (frame[theme_col].map(_themes) if theme_col
                        else pd.Series([()] * len(frame), index=frame.index, dtype=object))
    first, *rest = SEARCH_COLUMNS
    frame["_haystack"] = frame[first].str.cat([frame[c] for c in rest], sep="\n").str.lower()
    return frame


def public_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame without the browser's private helper columns."""
    return frame[[c for c in frame.columns if not c.startswith("_")]]


def article_texts(articles: pd.DataFrame | None) -> dict[str, str]:
    """article_id -> text. Kept apart from the statements: copying long texts with every
    filtered row is what made a 10,000-row table slow."""
    if articles is None or not len(articles) or "text" not in articles.columns:
        return {}
    return dict(zip(articles["article_id"].astype(str), articles["text"].fillna("").astype(str)))


def filter_statements(frame: pd.DataFrame, **filters: Any) -> pd.DataFrame:
    """Rows of a prepared frame (see :func:`prepare_statements`) matching every filter given, sorted by date.

    Filters as for :func:`matching_index`.
    """
    return frame.loc[matching_index(frame, **filters)]


def matching_index(frame: pd.DataFrame, *, camp: str = ALL, actor: str = ALL, theme: str = ALL,
                   kind: str = ALL, start: dt.date | None = None, end: dt.date | None = None,
                   text: str = "", newest_first: bool = True) -> pd.Index:
    """Index labels of the rows matching every filter given, in date order (only the keys are sorted,
    so a large table's long text columns are not copied).

    ``start``/``end`` are inclusive days; with either set, undated statements are left out.
    ``text`` matches, case-insensitively, the quote, speaker, venue, sentence or title;
    several words must all appear. Undated rows sort last.
    """
    mask = pd.Series(True, index=frame.index)
    if camp:
        mask &= frame["camp"] == camp
    if actor:
        mask &= frame["_who"] == actor
    if kind:
        mask &= frame["kind"] == kind
    if theme:
        mask &= frame["_themes"].map(lambda themes: theme in themes)
    if start is not None:
        mask &= frame["_date"] >= pd.Timestamp(start)
    if end is not None:
        mask &= frame["_date"] <= pd.Timestamp(end)
    for word in text.lower().split():
        mask &= frame["_haystack"].str.contains(word, regex=False)
    order = ["_date", "article_id", "quote_start"] if "quote_start" in frame.columns else ["_date"]
    keys = frame.loc[mask, order]
    ascending = [not newest_first] + [True] * (len(order) - 1)
    return keys.sort_values(order, ascending=ascending, kind="stable", na_position="last").index


# ---------------------------------------------------------------- the widget browser

class RowView:
    """One slot of the page: the expandable row and its correction controls (reused between pages)."""

    def __init__(self, explorer: "Explorer"):
        import ipywidgets as w

        self.explorer = explorer
        self.row: pd.Series | None = None
        self.html = w.HTML(layout=w.Layout(width="100%"))
        self.correction = w.Dropdown(options=[("Correct…", "")] + [(label, key) for key, label in CORRECTIONS.items()],
                                     layout=w.Layout(width="150px"))
        self.value = w.Combobox(placeholder="right speaker / camp", ensure_option=False,
                                layout=w.Layout(width="220px"))
        self.save = w.Button(description="Save correction", layout=w.Layout(width="130px"))
        self.status = w.HTML()
        # wrap instead of scrolling: a horizontal scrollbar under every row is noise
        self.controls = w.HBox([self.correction, self.value, self.save, self.status],
                               layout=w.Layout(flex_flow="row wrap", overflow="visible"))
        self.box = w.VBox([self.html, self.controls])
        self.save.on_click(lambda _: self.save_correction())
        self.correction.observe(lambda _: self._suggest(), names="value")

    @property
    def quote_id(self) -> str:
        return "" if self.row is None else as_text(self.row.get("quote_id"))

    def show(self, row: pd.Series | None) -> None:
        self.row = row
        self.status.value = ""
        self.correction.value = ""
        self.value.value = ""
        if row is None:
            self.html.value = ""
            self.box.layout.display = "none"
            return
        self.box.layout.display = None
        self.html.value = self.explorer.row_html(row)
        self.controls.layout.display = None if self.explorer.corrections is not None else "none"

    def _suggest(self) -> None:
        if self.correction.value == "wrong_camp":
            self.value.options = self.explorer.camp_options()
        elif self.correction.value == "wrong_speaker":
            self.value.options = self.explorer.actor_options()[:200]
        else:
            self.value.options = ()

    def save_correction(self) -> dict | None:
        """Save the chosen correction for this row to the corrections file."""
        if self.row is None or not self.correction.value:
            self.status.value = "<span style='color:#b00'>choose a correction first</span>"
            return None
        try:
            saved = self.explorer.corrections.mark(self.row, self.correction.value, self.value.value)
        except ValueError as exc:
            self.status.value = f"<span style='color:#b00'>{html.escape(str(exc))}</span>"
            return None
        self.html.value = self.explorer.row_html(self.row)
        self.status.value = f"saved to {html.escape(str(self.explorer.corrections.path))}"
        return saved


class Explorer:
    """An ipywidgets browser over the statements (see :func:`explore`)."""

    def __init__(self, statements: pd.DataFrame, articles: pd.DataFrame | None = None, *,
                 page_size: int = PAGE_SIZE, corrections: Corrections | str | None | bool = None,
                 registry: Registry | None = None, colours: dict[str, str] | None = None):
        import ipywidgets as w

        self.frame = prepare_statements(statements, articles)
        self.texts = article_texts(articles)
        self.colours = colours or (registry or load_registry()).camp_colours()
        self.page_size = max(int(page_size), 1)
        if corrections is False:
            self.corrections = None
        elif isinstance(corrections, Corrections):
            self.corrections = corrections
        else:
            self.corrections = Corrections(corrections or None)
        self.page = 0
        self._order = self.frame.index
        layout = w.Layout(width="230px")
        style = {"description_width": "60px"}
        self.camp = w.Dropdown(description="Camp", options=self._options(self.frame["camp"]), layout=layout, style=style)
        self.actor = w.Dropdown(description="Actor", options=self._options(self.frame["_who"]), layout=layout, style=style)
        themes = sorted({t for ts in self.frame["_themes"] for t in ts})
        self.theme = w.Dropdown(description="Theme", options=[("all", ALL)] + [(t, t) for t in themes],
                                layout=layout, style=style, disabled=not themes)
        self.kind = w.Dropdown(description="Kind", options=self._options(self.frame["kind"]), layout=layout, style=style)
        self.start = w.DatePicker(description="From", layout=layout, style=style)
        self.end = w.DatePicker(description="To", layout=layout, style=style)
        self.text = w.Text(description="Text", placeholder="words in the quote, speaker, title…",
                           continuous_update=False, layout=w.Layout(width="464px"), style=style)
        self.sort = w.Dropdown(description="Sort", options=[("newest first", "newest"), ("oldest first", "oldest")],
                               layout=layout, style=style)
        self.filters = {"camp": self.camp, "actor": self.actor, "theme": self.theme, "kind": self.kind,
                        "start": self.start, "end": self.end, "text": self.text, "sort": self.sort}
        self.prev_button = w.Button(description="◀ previous", layout=w.Layout(width="110px"))
        self.next_button = w.Button(description="next ▶", layout=w.Layout(width="110px"))
        self.status = w.HTML()
        self.prev_button.on_click(lambda _: self.go_to(self.page - 1))
        self.next_button.on_click(lambda _: self.go_to(self.page + 1))
        self.rows = [RowView(self) for _ in range(self.page_size)]
        for control in self.filters.values():
            control.observe(lambda _: self.refresh(), names="value")
        self.widget = w.VBox([
            w.HBox([self.camp, self.actor, self.theme, self.kind]),
            w.HBox([self.start, self.end, self.text]),
            w.HBox([self.sort, self.prev_button, self.next_button, self.status]),
            w.VBox([r.box for r in self.rows]),
        ])
        self.refresh()

    @staticmethod
    def _options(values: pd.Series) -> list[tuple[str, str]]:
        """'all', then each value with its count, most frequent first."""
        counts = values[values != ""].value_counts()
        return [("all", ALL)] + [(f"{v} ({n})", v) for v, n in counts.items()]

    def actor_options(self) -> list[str]:
        return [v for _, v in self.actor.options if v]

    def camp_options(self) -> list[str]:
        return sorted(set(self.colours) | set(self.frame["camp"]))

    def row_html(self, row: pd.Series) -> str:
        """One row's expandable HTML, with the reporter's correction note if there is one."""
        return row_html(row, self.colours, self.correction_note(as_text(row.get("quote_id"))),
                        self.texts.get(as_text(row.get("article_id")), ""))

    def correction_note(self, quote_id: str) -> str:
        """What the reporter has said about a statement, e.g. "corrected: wrong speaker → Dmitry Peskov"."""
        if self.corrections is None or not quote_id:
            return ""
        marks = self.corrections.for_quote(quote_id)
        parts = [CORRECTIONS[c] + (f" → {v}" if v else "") for c, v in zip(marks["correction"], marks["value"])]
        return ("corrected: " + "; ".join(parts)) if parts else ""

    def set(self, **filters: Any) -> "Explorer":
        """Set several filters at once, e.g. ``set(actor="Dmitry Peskov", start="2025-03-01", text="meeting")``.

        Dates may be ISO strings; "" (or None) clears a filter. An unknown camp, actor, theme or kind
        is an error listing what there is.
        """
        unknown = sorted(set(filters) - set(self.filters))
        if unknown:
            raise ValueError(f"unknown filter(s) {', '.join(unknown)}; the browser has: {', '.join(self.filters)}")
        with self._held():
            for name, value in filters.items():
                control = self.filters[name]
                if name in ("start", "end"):
                    control.value = pd.Timestamp(value).date() if value not in (None, "") else None
                elif name == "text":
                    control.value = value or ""
                else:
                    choices = [v for _, v in control.options]
                    value = value or ALL
                    if value not in choices:
                        listed = ", ".join(repr(c) for c in choices if c)[:300]
                        raise ValueError(f"no statements with {name} {value!r}; there are: {listed}")
                    control.value = value
        self.refresh()
        return self

    @contextmanager
    def _held(self):
        """Filter changes inside do not redraw (``set`` redraws once at the end)."""
        self._holding = True
        try:
            yield
        finally:
            self._holding = False

    # -- what is shown
    def current_filters(self) -> dict[str, Any]:
        return dict(camp=self.camp.value, actor=self.actor.value, theme=self.theme.value, kind=self.kind.value,
                    start=self.start.value, end=self.end.value, text=self.text.value,
                    newest_first=self.sort.value == "newest")

    @property
    def filtered(self) -> pd.DataFrame:
        """Every statement the filters let through, in the shown order (public columns only)."""
        return public_columns(self.frame.loc[self._order])

    @property
    def pages(self) -> int:
        return max(math.ceil(len(self._order) / self.page_size), 1)

    @property
    def shown(self) -> pd.DataFrame:
        """The statements on the current page."""
        return public_columns(self._page_rows())

    def _page_rows(self) -> pd.DataFrame:
        start = self.page * self.page_size
        return self.frame.loc[self._order[start:start + self.page_size]]

    def refresh(self) -> None:
        """Apply the filters and go back to the first page."""
        if getattr(self, "_holding", False):
            return
        self._order = matching_index(self.frame, **self.current_filters())
        self.go_to(0)

    def go_to(self, page: int) -> None:
        """Show one page (0-based; clipped to the pages there are)."""
        self.page = min(max(page, 0), self.pages - 1)
        rows = self._page_rows()
        for i, view in enumerate(self.rows):
            view.show(rows.iloc[i] if i < len(rows) else None)
        self.prev_button.disabled = self.page == 0
        self.next_button.disabled = self.page >= self.pages - 1
        n = len(self._order)
        self.status.value = (f"<b>{n:,}</b> of {len(self.frame):,} statements · page {self.page + 1} of {self.pages}")

    # -- display
    def to_html(self) -> str:
        """A static snapshot of the current page (what an HTML export of the notebook shows)."""
        rows = self._page_rows()
        active = {k: v for k, v in self.current_filters().items() if v not in (ALL, None, "") and k != "newest_first"}
        described = ", ".join(f"{k}: {html.escape(str(v))}" for k, v in active.items()) or "none"
        head = (f'<div class="kit-explorer-status"><b>{len(self._order):,}</b> of {len(self.frame):,} statements'
                f" · filters: {described} · page {self.page + 1} of {self.pages}</div>")
        body = "".join(self.row_html(r) for _, r in rows.iterrows())
        return f'<div class="kit-explorer">{head}{body}</div>'

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude) or {}
        bundle = dict(bundle)
        bundle["text/html"] = self.to_html()
        return bundle


def explore(statements: pd.DataFrame, articles: pd.DataFrame | None = None, *, page_size: int = PAGE_SIZE,
            corrections: Corrections | str | None | bool = None, registry: Registry | None = None) -> Explorer:
    """A browser over the statements: filter by camp, actor, theme, kind, dates and words; page through rows.

    Each row shows the quote, its speaker, date and venue, and opens to the paragraph it came from
    (quote highlighted, cue underlined, speaker in bold) with the article's title, source and link.
    ``corrections`` is the corrections file (default ``corrections.csv`` here, or
    ``KIT_CORRECTIONS_FILE``); pass ``False`` to hide the correction controls.
    ``kit.context`` and ``kit.show_article`` then work on the same data.
    """
    explorer = Explorer(statements, articles, page_size=page_size, corrections=corrections, registry=registry)
    _current.update(frame=explorer.frame, colours=explorer.colours, articles=articles, texts=explorer.texts)
    return explorer


def _frame_for(statements: pd.DataFrame | None, articles: pd.DataFrame | None) -> tuple[pd.DataFrame, dict, dict]:
    """(prepared statements, article texts, camp colours): those given, else the last browser's."""
    if statements is not None:
        texts = article_texts(articles) if articles is not None else _current.get("texts", {})
        return prepare_statements(statements, articles), texts, load_registry().camp_colours()
    if "frame" not in _current:
        raise LookupError("no statements yet: call kit.explore(statements, articles) first, "
                          "or pass statements= and articles=")
    if articles is not None:
        return _current["frame"], article_texts(articles), _current["colours"]
    return _current["frame"], _current["texts"], _current["colours"]


def context(quote_id: str, statements: pd.DataFrame | None = None, articles: pd.DataFrame | None = None) -> HTMLView:
    """The paragraph around one statement, with the quote, cue and speaker marked, and its article."""
    frame, texts, colours = _frame_for(statements, articles)
    hit = frame[frame["quote_id"] == quote_id]
    if hit.empty:
        raise KeyError(f"no statement with quote_id {quote_id!r}")
    row = hit.iloc[0]
    text = texts.get(as_text(row.get("article_id")), "")
    return HTMLView(f'<div class="kit-context-view">{summary_html(row, colours)}'
                    f'<div style="margin-top:6px">{context_html(row, text)}</div></div>')


def show_article(article_id: str, statements: pd.DataFrame | None = None,
                 articles: pd.DataFrame | None = None) -> HTMLView:
    """The whole article with every statement in it highlighted in its camp's colour."""
    frame, texts, colours = _frame_for(statements, articles)
    in_article = frame[frame["article_id"] == article_id]
    text = texts.get(article_id, "")
    if in_article.empty and not text:
        raise KeyError(f"no article with article_id {article_id!r}")
    if not text:
        raise LookupError(f"article {article_id!r}: no text to show (pass articles= from kit.load_articles)")
    articles = articles if articles is not None else _current.get("articles")
    if articles is not None and (articles["article_id"] == article_id).any():
        meta = articles[articles["article_id"] == article_id].iloc[0].drop(labels=["text"], errors="ignore")
    else:
        meta = in_article.iloc[0] if not in_article.empty else pd.Series({"title": article_id})
    meta = meta.copy()
    if not isinstance(meta.get("published"), pd.Timestamp):
        meta["published"] = pd.NaT
    return HTMLView(article_html(text, in_article, colours, meta))


EXPLORE_NOTEBOOK = REPO_ROOT / "notebooks" / "2-who-said-what.ipynb"


def run_exploration(output_dir: str | Path, parameters: dict[str, Any] | None = None, *,
                    notebook: str | Path = EXPLORE_NOTEBOOK, kernel_name: str = KERNEL_NAME) -> tuple[Path, Path]:
    """Execute the exploration notebook with papermill into ``output_dir`` and export it to HTML
    (``kit.notebook.export_html``: sanitized like the report; each browser shows as the page it
    was showing, with rows that still open).

    Relative paths in ``parameters`` are read from ``output_dir`` (the notebook's working folder),
    so pass absolute ones. Returns (executed notebook, HTML); papermill's error propagates on a
    failed cell, with the executed notebook kept.
    """
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    executed = run_notebook(notebook, out / "2-who-said-what.ipynb", parameters, kernel_name=kernel_name)
    return executed, export_html(executed, out / "2-who-said-what.html")
