"""The report page: tables formatted for readers, and the self-contained HTML page around them.

``reader_table(frame, ...)`` turns a table into HTML a reader can scan: no index, whole numbers
as whole numbers, empty cells blank (never ``NaN``/``NaT``), dates as dates, quotes left-aligned,
each title linked to its source, and, on request, a row anchor (``#claim-1``) that the findings
link to, click-to-sort headers and a search box. An empty table becomes a sentence saying so.
Every piece of article text is HTML-escaped here; ``kit.notebook`` sanitizes the output again.

``html_page(title, body)`` wraps the exported notebook in a page that loads nothing: its own
stylesheet, one small script of ours (sorting, searching, ``#find=`` links), and a
Content-Security-Policy that lets no other script run and no image, font or style be fetched.
"""
from __future__ import annotations

import hashlib
import html
import math
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

import pandas as pd

from .page_shell import html_page  # noqa: F401 - the page around the tables, kept where it was documented

# Columns shown as running text: left-aligned, wrapped, never cut.
TEXT_COLUMNS = {"quote", "context", "sentence", "claim_quote", "counter_quote", "title", "first_title",
                "repeated_in", "themes", "reason", "note"}
# How many rows of the who-said-what table the page holds; past it, the first rows and a link to the files.
PAGE_ROWS = 5000


@dataclass
class ReaderHTML:
    """HTML for a notebook output (``display`` shows it; the report page keeps it after sanitizing)."""

    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        # A notebook keeps this as the output's text/plain beside the HTML: the whole table again (5 MB of
        # a 5,000-row table) would be sent by the kernel, saved in report.ipynb and read back to export it.
        return f"<table for readers: {len(self.html):,} characters of HTML>"


def anchor(prefix: str, key) -> str:
    """A page anchor for a row: ``prefix`` and a short hash of ``key`` (any text, article ids included),
    so hostile ids never reach an ``id`` attribute as written."""
    digest = hashlib.sha1(str(key).encode("utf-8")).hexdigest()[:12]
    return f"{prefix}-{digest}"


def statement_anchor(quote_id: str) -> str:
    """The anchor of a statement's row in the page's who-said-what table."""
    return anchor("s", quote_id)


def _is_missing(value) -> bool:
    if value is None or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        return bool(pd.isna(value)) if not isinstance(value, (list, tuple, dict)) else False
    except (TypeError, ValueError):
        return False


def cell_text(value) -> tuple[str, str]:
    """(what the reader sees, the value to sort on) for one cell; "" for anything missing."""
    if _is_missing(value):
        return "", ""
    if isinstance(value, pd.Timestamp):
        if value.tzinfo is not None and (value.hour or value.minute):
            value = value.tz_convert("UTC")
            return f"{value:%-d %b %Y %H:%M} UTC", value.isoformat()
        return f"{value:%-d %b %Y}", f"{value:%Y-%m-%d}"
    if isinstance(value, bool):
        return ("yes" if value else "no"), str(int(value))
    if isinstance(value, int) or (hasattr(value, "dtype") and getattr(value.dtype, "kind", "") in "iu"):
        return f"{int(value):,}", str(int(value))
    if isinstance(value, float) or (hasattr(value, "dtype") and getattr(value.dtype, "kind", "") == "f"):
        value = float(value)
        if value.is_integer():
            return f"{int(value):,}", str(value)
        return f"{value:,.2f}", str(value)
    return str(value), ""


def _safe_url(url) -> str:
    url = "" if _is_missing(url) else str(url).strip()
    return url if re.match(r"https?://", url, re.I) else ""


def reader_table(frame: pd.DataFrame, columns: Mapping[str, str] | Iterable[str] | None = None, *,
                 links: Mapping[str, str] | None = None, row_ids: Callable[[Mapping], str] | None = None,
                 table_id: str = "", sortable: bool = False, searchable: bool = False, limit: int | None = None,
                 empty: str = "Nothing to show.", more: str = "", caption: str = "",
                 scroll: bool = False) -> ReaderHTML:
    """``frame`` as an HTML table for readers.

    ``columns`` picks and orders the columns, a mapping also renames them (column -> header).
    ``links`` maps a column to the column holding its link (``{"title": "url"}``): the cell becomes
    a link when the url is http(s). ``row_ids(row)`` (``row``: column -> value) gives each row an
    anchor. ``limit`` shows the first rows only and ``more`` (HTML of ours, e.g. a link to the full
    file) says where the rest is.
    An empty ``frame`` gives the sentence ``empty`` instead of a header-only table.
    """
    if frame is None or not len(frame):
        return ReaderHTML(f'<p class="kit-empty">{html.escape(empty)}</p>')
    if columns is None:
        columns = {c: c for c in frame.columns}
    elif not isinstance(columns, Mapping):
        columns = {c: c for c in columns}
    columns = {c: h for c, h in columns.items() if c in frame.columns}
    links = dict(links or {})
    shown = frame if limit is None else frame.head(int(limit))
    classes = ["kit-table"] + (["kit-sortable"] if sortable else []) + (["kit-searchable"] if searchable else [])
    out = [f'<table class="{" ".join(classes)}"' + (f' id="{table_id}"' if table_id else "") + ">"]
    if caption:
        out.append(f"<caption>{html.escape(caption)}</caption>")
    kinds = {c: ("text" if c in TEXT_COLUMNS else "num" if pd.api.types.is_numeric_dtype(frame[c])
                 and not pd.api.types.is_bool_dtype(frame[c]) else "plain") for c in columns}
    out.append("<thead><tr>" + "".join(f'<th class="kit-{kinds[c]}">{html.escape(str(h))}</th>'
                                       for c, h in columns.items()) + "</tr></thead><tbody>")
    names = list(shown.columns)
    # The rows' values as DataFrame.iterrows gives them (one array of the frame's common type), without
    # building a Series for each of 5,000 rows.
    for values in shown.to_numpy():
        row = dict(zip(names, values))
        rid = row_ids(row) if row_ids else ""
        cells = []
        for col in columns:
            text, sort = cell_text(row[col])
            body = html.escape(text)
            url = _safe_url(row.get(links[col])) if col in links else ""
            if url and body:
                body = f'<a href="{html.escape(url, quote=True)}" rel="noopener noreferrer">{body}</a>'
            sort_attr = f' data-sort="{html.escape(sort, quote=True)}"' if sort else ""
            cells.append(f'<td class="kit-{kinds[col]}"{sort_attr}>{body}</td>')
        out.append(f'<tr id="{rid}">' if rid else "<tr>")
        out.append("".join(cells) + "</tr>")
    out.append("</tbody></table>")
    if scroll:
        out = ['<div class="kit-scroll">'] + out + ["</div>"]
    if limit is not None and len(frame) > len(shown):
        out.append(f'<p class="kit-more">The first {len(shown):,} of {len(frame):,} rows. {more}</p>')
    return ReaderHTML("".join(out))


def find_link(table_id: str, query: str) -> str:
    """A link that filters the page's table ``table_id`` with ``query`` ("speaker: Dmitry Peskov")."""
    from urllib.parse import quote

    return f"#find={table_id}:{quote(query, safe='')}"
