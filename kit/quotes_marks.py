"""Cheap, parser-free text scans used by the quote engine (kit.quotes).

* ``paragraphs(text)``: (start, end) of every non-blank line; every offset is into ``text``.
* ``find_quotations(text)``: quotation-mark pairs in every style (“ ” ‘ ’ " ' '' « » „ “),
  robust to unbalanced marks, with quotes that run over several paragraphs kept as one
  quotation of several pieces.
* ``find_turns(text)``: transcript turns (``THE PRESIDENT:``, ``Q``, ``MS. LEAVITT:``,
  ``Vladimir Putin:``).

Nothing here raises on odd input: an unclosed mark ends its quotation at the paragraph end, and
the values of markup left in a text (``<tweet author="...">``) are not quotations.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cues import load_lexicon

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
                or (mark == "“" and open_double is not None and open_mark == "„")  # German „…“
            if mark in DOUBLE_OPEN and open_double is not None and not is_close:
                # an opener while one is open: the earlier quotation lost its closing mark
                open_double.pieces.append(list(_strip(text, open_from, i)))
                open_double.closed = False
                found.append(open_double)
                open_double = None
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


# Transcript labels: "THE PRESIDENT:", "MS. LEAVITT:", "Q", "Q:", "Vladimir Putin:".
TITLE = r"(?:MR|MS|MRS|DR|SEN|REP|GOV|GEN|SECRETARY|AMBASSADOR|ADMIRAL|PRIME MINISTER|PRESIDENT)"
LABEL = re.compile(
    r"(?P<label>Q(?=[:.]?\s)|THE [A-Z][A-Z .'\-]{1,40}?|" + TITLE + r"\.? [A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+)?"
    r"|[A-Z][A-Z'\-]+(?: [A-Z][A-Z.'\-]+){1,3}|[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){1,3})"
    r"(?P<colon>:|(?<=Q)\.?)\s+(?=\S)"
)
# An office before a name: "President of Russia Vladimir Putin:", "ASI General Director Svetlana
# Chupsheva:". Read as a label only when it holds a role word (``label_roles`` in the lexicon).
ROLE_LABEL = re.compile(
    r"(?P<label>(?:(?:[A-Z][\w.'\-]*|of|the|and) ){1,8}[A-Z][a-z][\w'\-]*(?: [A-Z]\.)? [A-Z][a-z][\w'\-]*)"
    r"(?P<colon>:)\s+(?=\S)"
)
# Labels inside a paragraph, as in transcripts flattened to one line: "... в срок. В.Путин: А
# детские сады? С.Кравцов: Построили ...": initials written close up to the surname (so "U.N.
# Charter:" and "Carlos A. Gimenez:" are not labels). Read only when an article has two or more.
INLINE_LABEL = re.compile(
    r"(?:^|(?<=\s))(?P<label>(?:[A-ZА-ЯЁ]\.){1,2}[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?)"
    r"(?P<colon>:)\s+(?=\S)", re.M)


SHOUTED_LABEL = re.compile(r"(?P<label>[A-Z][A-Z'\-]{2,20}):\s+(?=\S)")


@dataclass
class Turn:
    """One transcript turn: the label and the pieces of what follows it."""
    label: str
    label_start: int
    label_end: int
    pieces: list[list[int]]


def _has_role(label: str, roles: frozenset[str]) -> bool:
    low = f" {label.lower()} "
    return any(f" {r} " in low for r in roles)


def _label_at(text: str, s: int, e: int, not_labels: frozenset[str], roles: frozenset[str]) -> re.Match | None:
    m = LABEL.match(text, s, e)
    if m is None:
        m = ROLE_LABEL.match(text, s, e)
        if m is not None and not _has_role(m.group("label"), roles):
            m = None
    if m is None or m.group("label").strip().lower() in not_labels:
        return None
    return m


def find_turns(text: str, not_labels: frozenset[str] | None = None,
               roles: frozenset[str] | None = None) -> list[Turn]:
    """Transcript turns; when an article has two or more labels it is read as a transcript
    and unlabelled paragraphs continue the turn before them. ``not_labels`` (default: the
    ``not_speaker_labels`` of ``data/speech_verbs.yml``) are line openers that name no speaker;
    ``roles`` (default: its ``label_roles``) are the office words that let one mixed-case
    label ("President of Russia Vladimir Putin:") count without a second one."""
    not_labels = load_lexicon().not_labels if not_labels is None else not_labels
    roles = load_lexicon().label_roles if roles is None else roles
    paras = paragraphs(text)
    labelled = [(k, _label_at(text, s, e, not_labels, roles)) for k, (s, e) in enumerate(paras)]
    labelled = [(k, m) for k, m in labelled if m is not None]
    shouted = [(k, SHOUTED_LABEL.match(text, s, e)) for k, (s, e) in enumerate(paras)]
    shouted = [(k, m) for k, m in shouted if m is not None and m.group("label").lower() not in not_labels
               and k not in dict(labelled)]
    if len(labelled) + len(shouted) >= 2:  # "PENCE: ..." counts once the article reads as a transcript
        labelled = sorted(labelled + shouted, key=lambda km: km[0])
    in_labels = [(m.start("label"), m.end("label")) for _, m in labelled]
    inline = [m for m in INLINE_LABEL.finditer(text) if m.group("label").lower() not in not_labels
              and not any(a <= m.start("label") < b for a, b in in_labels)]
    inline = inline if len(inline) + len(labelled) >= 2 else []
    transcript = len(labelled) + len(inline) >= 2
    if not transcript and labelled:
        label = labelled[0][1].group("label")
        if not (label.isupper() or _has_role(label, roles)):
            labelled = []  # one "Stealth Over Health:" line is a headline, not a speaker
    turns: list[Turn] = []
    starts = {k: m for k, m in labelled}
    current: Turn | None = None
    for k, (s, e) in enumerate(paras):
        m = starts.get(k)
        at: int | None = None
        if m is not None:
            current = Turn(m.group("label"), m.start("label"), m.end("label"), [])
            turns.append(current)
            at = m.end()
        elif transcript and current is not None and not _is_stage_direction(text[s:e]):
            at = s
        elif transcript and current is not None:
            current = None
        for cut in (c for c in inline if s <= c.start("label") < e):
            if at is not None and current is not None:
                _add_piece(current, text, at, cut.start("label"))
            current = Turn(cut.group("label"), cut.start("label"), cut.end("label"), [])
            turns.append(current)
            at = cut.end()
        if at is not None and current is not None:
            _add_piece(current, text, at, e)
    return [t for t in turns if t.pieces]


def _add_piece(turn: Turn, text: str, s: int, e: int) -> None:
    s, e = _strip(text, s, e)
    if e > s:
        turn.pieces.append([s, e])


def _is_stage_direction(par: str) -> bool:
    p = par.strip()
    return (p.startswith("(") and p.endswith(")")) or p.isupper() or p.startswith("END")
