"""A statement shown in its article, as HTML: the paragraph it came from with the quote highlighted and
the cue and speaker marked, a row's summary line (date, speaker, camp, venue, quote), and a whole article
with every statement coloured by its camp.

The quote browser (``kit.explore``) draws its rows and ``kit.context`` / ``kit.show_article`` with these.
Everything taken from an article is HTML-escaped (bidirectional controls shown as marks) and a link is
made only of an http(s) address.
"""
from __future__ import annotations

import html
import math
from typing import Any, Iterable

import pandas as pd

from .notebook import escape_text

PARAGRAPH_MAX = 1500      # characters of context before a long paragraph is clipped around the quote
NEARBY = 400              # a cue or speaker mention this close to the quote is drawn in its context
QUOTE_MAX = 600           # characters of a quote shown in a row's summary line
QUOTE_STYLE = "background:#fff3b0;padding:0 1px"
CUE_STYLE = "text-decoration:underline;text-decoration-thickness:2px"
SPEAKER_STYLE = "font-weight:bold;border-bottom:2px dotted #333"
GREY = "#999999"


def as_text(value: Any) -> str:
    """A cell as text ("" for missing values)."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def as_int(value: Any) -> int:
    """A cell as a whole number (-1 when it is none: an offset that points nowhere)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


def _esc(value: Any) -> str:
    # Article text: escaped, and bidirectional controls shown as marks (kit.notebook.escape_text).
    return escape_text(as_text(value))


def _safe_url(url: str) -> str:
    """The link if it is http(s), else "" (a javascript: or data: URL must never become a link)."""
    url = as_text(url).strip()
    return url if url.lower().startswith(("http://", "https://")) else ""


def _spans(value: Any, start: int, end: int) -> list[tuple[int, int]]:
    """The quote's pieces as (start, end); falls back to the single [start, end)."""
    pieces = []
    if isinstance(value, str):
        import json

        try:
            value = json.loads(value)
        except ValueError:
            value = None
    if value is not None and hasattr(value, "__iter__") and not isinstance(value, str):
        for piece in value:
            try:
                s, e = int(piece[0]), int(piece[1])
            except (TypeError, ValueError, IndexError):
                continue
            if 0 <= s < e:
                pieces.append((s, e))
    if not pieces and 0 <= start < end:
        pieces = [(start, end)]
    return pieces


def mark_up(text: str, marks: Iterable[tuple[int, int, str, str]], offset: int = 0) -> str:
    """HTML of ``text`` with each (start, end, open tag, close tag) wrapped round its characters.

    Offsets are into the full article; ``offset`` is where ``text`` starts in it. Marks may
    overlap or nest: each stretch of text is wrapped in every mark that covers it, so the HTML
    stays well formed. All text is escaped.
    """
    marks = [(max(s - offset, 0), min(e - offset, len(text)), o, c) for s, e, o, c in marks]
    marks = [m for m in marks if m[0] < m[1]]
    cuts = sorted({0, len(text), *[m[0] for m in marks], *[m[1] for m in marks]})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = _esc(text[a:b])
        for s, e, open_tag, close_tag in reversed(marks):
            if s <= a and b <= e:
                piece = open_tag + piece + close_tag
        out.append(piece)
    return "".join(out)


def paragraph_bounds(text: str, start: int, end: int, limit: int = PARAGRAPH_MAX) -> tuple[int, int]:
    """The paragraph (blank-line separated, else line) holding [start, end), clipped to ``limit`` around it."""
    for sep in ("\n\n", "\n"):
        a = text.rfind(sep, 0, start)
        a = 0 if a < 0 else a + len(sep)
        b = text.find(sep, end)
        b = len(text) if b < 0 else b
        if b - a <= limit or sep == "\n":
            break
    if b - a > limit:
        room = max((limit - (end - start)) // 2, 100)
        a = max(a, start - room)
        b = min(b, end + room)
        a = a if a == 0 or text[a - 1].isspace() else (text.find(" ", a) + 1 or a)
        cut = text.rfind(" ", end, b)
        b = cut if cut > end else b
    return a, b


def _colour_of(camp: str, colours: dict[str, str]) -> str:
    return colours.get(camp) or colours.get(camp.lower()) or GREY


def _date_text(row: pd.Series) -> str:
    day = row.get("_date")
    return f"{day:%d %b %Y}" if isinstance(day, pd.Timestamp) and not pd.isna(day) else "undated"


def _source_line(row: pd.Series) -> str:
    title = _esc(row.get("title")) or "(untitled)"
    parts = [f"<b>{title}</b>"]
    if as_text(row.get("source")):
        parts.append(_esc(row.get("source")))
    published = row.get("published")
    if isinstance(published, pd.Timestamp) and not pd.isna(published):
        parts.append(f"{published:%d %b %Y}")
    url = _safe_url(row.get("url"))
    if url:
        parts.append(f'<a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener">link</a>')
    return '<div class="kit-source" style="margin-top:4px;color:#444">' + " · ".join(parts) + "</div>"


def context_html(row: pd.Series, text: str = "") -> str:
    """The paragraph of ``text`` (the article) around one statement: quote highlighted, cue and
    speaker mention marked, then the article's title, source and link."""
    q_start, q_end = as_int(row.get("quote_start")), as_int(row.get("quote_end"))
    pieces = _spans(row.get("quote_spans"), q_start, q_end) if text else []
    if not pieces:
        return _sentence_only_html(row)
    lo, hi = min(s for s, _ in pieces), max(e for _, e in pieces)
    marks = [(s, e, f'<mark class="kit-quote" style="{QUOTE_STYLE}">', "</mark>") for s, e in pieces]
    for kind, style, title in (("cue", CUE_STYLE, "cue"), ("speaker", SPEAKER_STYLE, "speaker")):
        s, e = as_int(row.get(f"{kind}_start")), as_int(row.get(f"{kind}_end"))
        if 0 <= s < e <= len(text) and (s >= lo - NEARBY and e <= hi + NEARBY):
            marks.append((s, e, f'<span class="kit-{kind}" title="{title}" style="{style}">', "</span>"))
            lo, hi = min(lo, s), max(hi, e)
    a, b = paragraph_bounds(text, lo, hi)
    body = mark_up(text[a:b], marks, offset=a)
    before = "… " if a > 0 and text[a - 1] not in "\n" else ""
    after = " …" if b < len(text) and text[b] not in "\n" else ""
    return ('<div class="kit-context" style="white-space:pre-wrap;line-height:1.5;max-width:60em">'
            f"{before}{body}{after}</div>" + _source_line(row))


def _sentence_only_html(row: pd.Series) -> str:
    """Without the article text: the sentence with the quote highlighted where it can be found."""
    sentence, quote = as_text(row.get("sentence")) or as_text(row.get("quote")), as_text(row.get("quote"))
    at = sentence.find(quote) if quote else -1
    marks = [(at, at + len(quote), f'<mark class="kit-quote" style="{QUOTE_STYLE}">', "</mark>")] if at >= 0 else []
    return ('<div class="kit-context" style="white-space:pre-wrap">' + mark_up(sentence, marks) + "</div>"
            + _source_line(row))


def summary_html(row: pd.Series, colours: dict[str, str], correction: str = "") -> str:
    """One row's line: date, speaker, camp, venue and kind, then the quote."""
    camp = as_text(row.get("camp"))
    colour = _colour_of(camp, colours)
    speaker = _esc(row.get("speaker")) or "<i>unknown speaker</i>"
    actor = as_text(row.get("actor"))
    if actor and actor != as_text(row.get("speaker")):
        speaker += f' <span style="color:#555">({_esc(actor)})</span>'
    bits = [f"<b>{_date_text(row)}</b>", speaker,
            f'<span class="kit-camp" style="background:{colour};color:#fff;border-radius:3px;padding:0 4px">'
            f"{_esc(camp)}</span>"]
    if as_text(row.get("venue")):
        bits.append(f"to {_esc(row.get('venue'))}")
    bits.append(f'<span style="color:#666">{_esc(row.get("kind"))}</span>')
    if correction:
        bits.append(f'<span class="kit-corrected" style="color:#b00">✎ {html.escape(correction)}</span>')
    quote = as_text(row.get("quote"))
    quote = quote if len(quote) <= QUOTE_MAX else quote[:QUOTE_MAX].rsplit(" ", 1)[0] + " …"
    return (" · ".join(bits) + f'<br><span class="kit-row-quote" style="font-size:1.05em">“{_esc(quote)}”</span>')


def row_html(row: pd.Series, colours: dict[str, str], correction: str = "", text: str = "") -> str:
    """A row that expands (HTML <details>) to the paragraph and the article it came from."""
    return (f'<details class="kit-row" data-quote-id="{_esc(row.get("quote_id"))}" '
            'style="border-top:1px solid #ddd;padding:4px 0">'
            f'<summary style="cursor:pointer">{summary_html(row, colours, correction)}</summary>'
            f'<div style="margin:6px 0 6px 1.5em">{context_html(row, text)}</div></details>')


def article_html(text: str, statements: pd.DataFrame, colours: dict[str, str], meta: pd.Series | None = None) -> str:
    """An article's text with every statement highlighted in its camp's colour, and a legend."""
    marks = []
    for _, row in statements.iterrows():
        colour = _colour_of(as_text(row.get("camp")), colours)
        tip = _esc(f"{as_text(row.get('speaker')) or 'unknown speaker'} ({as_text(row.get('camp'))})"
                   + (f": {as_text(row.get('cue'))}" if as_text(row.get("cue")) else ""))
        for s, e in _spans(row.get("quote_spans"), as_int(row.get("quote_start")), as_int(row.get("quote_end"))):
            marks.append((s, e, f'<mark class="kit-statement" data-quote-id="{_esc(row.get("quote_id"))}" '
                          f'title="{tip}" style="background:{colour}33;border-bottom:2px solid {colour}">',
                          "</mark>"))
    camps = sorted({as_text(c) for c in statements.get("camp", [])} - {""})
    legend = " ".join(f'<span style="background:{_colour_of(c, colours)};color:#fff;border-radius:3px;'
                      f'padding:0 4px">{_esc(c)}</span>' for c in camps)
    head = _source_line(meta) if meta is not None else ""
    count = f"{len(statements)} statement{'s' if len(statements) != 1 else ''}"
    return (f'<div class="kit-article">{head}<div style="margin:4px 0;color:#444">{count} {legend}</div>'
            f'<div style="white-space:pre-wrap;line-height:1.5;max-width:60em">{mark_up(text, marks)}</div></div>')


class HTMLView:
    """HTML a notebook shows as is (``.html`` holds the markup)."""

    def __init__(self, markup: str):
        self.html = markup

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html
