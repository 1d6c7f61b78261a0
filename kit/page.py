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

import base64
import hashlib
import html
import math
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

import pandas as pd

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


# ---------------------------------------------------------------- the page

STYLE = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;margin:0 auto;max-width:1180px;
padding:0 20px 60px}
h1{font-size:1.9em;margin:1em 0 .4em}h2{font-size:1.35em;margin:2em 0 .4em;border-bottom:1px solid #ddd}
a.anchor-link{display:none}img{max-width:100%;height:auto}
pre{white-space:pre-wrap;background:#f6f6f6;padding:8px;font-size:13px;overflow-x:auto}
.kit-table{border-collapse:collapse;font-size:13px;margin:.6em 0 1em;width:100%}
.kit-table th,.kit-table td{border-bottom:1px solid #e4e4e4;padding:4px 8px;vertical-align:top;text-align:left}
.kit-table th{background:#f3f3f3;position:sticky;top:0}.kit-table td.kit-num,.kit-table th.kit-num{text-align:right;
white-space:nowrap}.kit-table td.kit-text{min-width:18em}.kit-table tr:target{background:#fff3b0}
.kit-sortable th{cursor:pointer}.kit-sortable th[aria-sort=ascending]:after{content:" \\25B2"}
.kit-sortable th[aria-sort=descending]:after{content:" \\25BC"}
.kit-search{font:inherit;padding:4px 8px;width:min(32em,100%);margin:.4em .6em .4em 0}
.kit-scroll{max-height:80vh;overflow:auto}.kit-empty{color:#555;font-style:italic}.kit-more{color:#555}
.kit-bidi{background:#fde2e2;color:#900;font-size:.8em}
"""

SCRIPT = """
(function(){
function cellValue(row,i){var c=row.cells[i];if(!c)return "";var s=c.getAttribute("data-sort");
return s!==null?s:c.textContent;}
function sortBy(table,i,th){var body=table.tBodies[0],rows=[].slice.call(body.rows);
var asc=th.getAttribute("aria-sort")!=="ascending";
[].forEach.call(th.parentNode.cells,function(h){h.removeAttribute("aria-sort");});
th.setAttribute("aria-sort",asc?"ascending":"descending");
var num=rows.every(function(r){var v=cellValue(r,i);return v===""||!isNaN(Number(v));});
rows.sort(function(a,b){var x=cellValue(a,i),y=cellValue(b,i);
if(num){x=x===""?-Infinity:Number(x);y=y===""?-Infinity:Number(y);return asc?x-y:y-x;}
return asc?x.localeCompare(y):y.localeCompare(x);});
rows.forEach(function(r){body.appendChild(r);});}
function filter(table,query,count){var heads=[].map.call(table.tHead.rows[0].cells,function(h){
return h.textContent.trim().toLowerCase();});var terms=query.toLowerCase().split(/\\s+(?=\\S+:)|\\s*;\\s*/)
.filter(Boolean).map(function(t){var m=t.match(/^([a-z_ ]+):(.*)$/);var k=m?heads.indexOf(m[1].trim()):-1;
return k>=0?[k,m[2].trim()]:[-1,t.trim()];});var shown=0;
[].forEach.call(table.tBodies[0].rows,function(r){var ok=terms.every(function(t){
var text=t[0]>=0?r.cells[t[0]].textContent:r.textContent;return text.toLowerCase().indexOf(t[1])>=0;});
r.hidden=!ok;if(ok)shown++;});count.textContent=shown.toLocaleString()+" of "+
table.tBodies[0].rows.length.toLocaleString()+" rows";}
var boxes={};
[].forEach.call(document.querySelectorAll("table.kit-sortable"),function(t){
[].forEach.call(t.tHead.rows[0].cells,function(th,i){th.title="Sort";th.addEventListener("click",
function(){sortBy(t,i,th);});});});
[].forEach.call(document.querySelectorAll("table.kit-searchable"),function(t){
var box=document.createElement("input");box.type="search";box.className="kit-search";
box.placeholder="Search these rows (speaker: Peskov; camp: Kremlin)";var count=document.createElement("span");
var at=t.closest(".kit-scroll")||t;at.parentNode.insertBefore(box,at);at.parentNode.insertBefore(count,at);
box.addEventListener("input",function(){filter(t,box.value,count);});filter(t,"",count);
if(t.id)boxes[t.id]=[box,count];});
function follow(){var h=decodeURIComponent(location.hash.slice(1));var m=h.match(/^find=([a-z0-9-]+):(.*)$/);
if(m&&boxes[m[1]]){var t=document.getElementById(m[1]);boxes[m[1]][0].value=m[2];filter(t,m[2],boxes[m[1]][1]);
t.scrollIntoView();return;}var row=h&&document.getElementById(h);
if(row&&row.hidden){var tb=row.closest("table");if(tb&&boxes[tb.id]){boxes[tb.id][0].value="";
filter(tb,"",boxes[tb.id][1]);row.scrollIntoView();}}}
window.addEventListener("hashchange",follow);follow();
})();
"""


def find_link(table_id: str, query: str) -> str:
    """A link that filters the page's table ``table_id`` with ``query`` ("speaker: Dmitry Peskov")."""
    from urllib.parse import quote

    return f"#find={table_id}:{quote(query, safe='')}"


def _script_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def html_page(title: str, body: str, lang: str = "en") -> str:
    """A whole HTML document around ``body`` (already sanitized): the title escaped, our stylesheet and
    script inline, and a Content-Security-Policy under which nothing else runs and nothing is fetched."""
    policy = (f"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src '{_script_hash(SCRIPT)}'; "
              "base-uri 'none'; form-action 'none'")
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n"
            f"<script>{SCRIPT}</script>\n</body>\n</html>\n")
