"""Quotation marks, found without a parser, for the quote engine (kit.quotes).

* ``paragraphs(text)``: (start, end) of every non-blank line; every offset is into ``text``.
* ``find_quotations(text)``: quotation-mark pairs in every style (“ ” ‘ ’ " ' '' « » „ “),
  robust to unbalanced marks, with quotes that run over several paragraphs kept as one
  quotation of several pieces.

Transcript turns (speaker labels) are found in ``kit.quotes_turns``.

Nothing here raises on odd input: an unclosed mark ends its quotation at the paragraph end, and
the values of markup left in a text (``<tweet author="...">``) are not quotations.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

DOUBLE_OPEN = {"“", "„", "«", "``"}
DOUBLE_CLOSE = {"”", "»"}
DOUBLE_EITHER = {'"', "''", "‟"}
MARK = re.compile(r"''|``|[“”„‟«»\"‘’‚']")
LINE = re.compile(r"[^\n]+")


@dataclass
class Quotation:
    """One quotation: the pieces of quoted text (marks excluded) and how it was closed."""
    pieces: list[list[int]] = field(default_factory=list)
    style: str = "double"
    closed: bool = True

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line that holds more than whitespace."""
    return [m.span() for m in LINE.finditer(text) if m.group().strip()]


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _word_char(ch: str) -> bool:
    return ch.isalnum()


def _opens_paragraph(text: str, s: int, e: int) -> int | None:
    """End offset of a double opening mark that starts the paragraph [s, e), else None."""
    m = MARK.match(text, s)
    if m and (m.group() in DOUBLE_OPEN or m.group() in DOUBLE_EITHER):
        return m.end()
    return None


def _single_role(text: str, i: int, mark: str, single_open: bool) -> str:
    """'open', 'close' or 'apostrophe' for a single quotation mark at i."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if mark in "‘‚":
        return "open"
    if single_open and not _word_char(after):
        return "close"
    if mark == "'" and (before.isspace() or before in "([“\"—") and _word_char(after):
        return "open"
    return "apostrophe"


def _typed_as_closer(text: str, i: int, end: int) -> bool:
    """True for an opening mark “ typed where a closing one belongs, right after a word or a comma
    and before a space ('an “expedited review“ of', 'for her here,“ said Jim Clyburn'); German „…“
    aside, it closes the quotation that is open (read as an opener it ran the quotation on to the
    next closing mark and swallowed the attribution)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < end else " "
    return (before.isalnum() or before in ",.!?") and (after.isspace() or after in ",.;:)")


def _closer_typed_as_opener(text: str, i: int, para_start: int, mark: str) -> bool:
    """True for a closing mark ” typed where an opening one belongs while no quotation is open: at
    the start of a paragraph ('”… he delivered a mix of ...,” Barabak wrote') or after a space and
    before a word ('policy aides ”get close to Ben”'). Read as a stray closer, the quotation it
    opens was lost, and with it its closing mark."""
    if mark != "”":
        return False
    after = text[i + 1] if i + 1 < len(text) else " "
    return i == para_start or (text[i - 1].isspace() and after.isalnum())


def _scan_paragraph(text: str, s: int, e: int, carried: Quotation | None):
    """Quotations found in one paragraph; returns (finished, still_open)."""
    found: list[Quotation] = []
    open_double: Quotation | None = carried
    open_from = s if carried is not None else -1
    if carried is not None:
        cont = _opens_paragraph(text, s, e)
        open_from = cont if cont is not None else s
    single_from = -1
    open_mark = ""
    attribute_end = -1
    for m in MARK.finditer(text, s, e):
        mark, i = m.group(), m.start()
        if i < attribute_end:
            continue
        if mark == '"' and open_double is None and text[i - 1:i] == "=":
            # '<tweet author="...">': markup left in the text delimits a value, quotes nobody
            attribute_end = text.find('"', i + 1, e) + 1 or e
            continue
        if mark in DOUBLE_OPEN or mark in DOUBLE_EITHER or mark in DOUBLE_CLOSE:
            if open_double is not None and i < open_from:
                continue  # the continuation mark itself
            is_close = mark in DOUBLE_CLOSE or (mark in DOUBLE_EITHER and open_double is not None) \
                or (mark == "“" and open_double is not None and (open_mark == "„" or _typed_as_closer(text, i, e)))
            if mark in DOUBLE_OPEN and open_double is not None and not is_close:
                # an opener while one is open: the earlier quotation lost its closing mark
                open_double.pieces.append(list(_strip(text, open_from, i)))
                open_double.closed = False
                found.append(open_double)
                open_double = None
                is_close = False
            if is_close and open_double is None and _closer_typed_as_opener(text, i, s, mark):
                is_close = False
            if is_close:
                if open_double is None:
                    continue  # a stray closing mark
                open_double.pieces.append(list(_strip(text, open_from, i)))
                found.append(open_double)
                open_double, single_from = None, -1
            else:
                open_double = Quotation(style="double")
                open_from, single_from, open_mark = m.end(), -1, mark
        elif open_double is None:  # single marks count only at the top level
            role = _single_role(text, i, mark, single_from >= 0)
            if role == "open" and single_from < 0:
                single_from = m.end()
            elif role == "close" and single_from >= 0:
                found.append(Quotation(pieces=[list(_strip(text, single_from, i))], style="single"))
                single_from = -1
    if open_double is not None:
        open_double.pieces.append(list(_strip(text, open_from, e)))
    return found, open_double


def find_quotations(text: str) -> list[Quotation]:
    """Every quotation in ``text`` in order of its start; pieces exclude the marks."""
    paras = paragraphs(text)
    out: list[Quotation] = []
    carried: Quotation | None = None
    for k, (s, e) in enumerate(paras):
        found, still_open = _scan_paragraph(text, s, e, carried)
        out.extend(found)
        carried = None
        if still_open is not None:
            nxt = paras[k + 1] if k + 1 < len(paras) else None
            if nxt is not None and _opens_paragraph(text, *nxt) is not None:
                carried = still_open  # runs on into the next paragraph
            else:
                still_open.closed = False
                out.append(still_open)
    quotes = []
    for q in out:
        q.pieces = [p for p in q.pieces if p[1] > p[0]]
        if q.pieces:
            quotes.append(q)
    return sorted(quotes, key=lambda q: (q.start, q.end))
