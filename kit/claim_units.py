"""What the claims table pairs: claim units. A statement of a sentence or a few is one unit; a long one
(a briefing answer, an interview turn, a speech given as one transcript turn) is cut into its sentences,
each with its own character offsets into the article's text, so a denial inside a long answer can be set
against the claim it answers, and a reporter can find it in the source.

    statement_units(table, texts)    one row per unit: quote_id, start, end, text, split
    pack_units(features)             per statement, its candidate units as plain lists (kept per article)
    unpack_units(quote_ids, packed)  those lists back as one frame, for pairing
"""
from __future__ import annotations

import re
from typing import Mapping, Sequence

import pandas as pd

from .coref_document import SENTENCE_END
from .table import text_column
from .themes import statement_text

# A statement longer than this many words is cut into its sentences; a claim is a sentence or two.
CLAIM_MAX_WORDS = 120
UNIT_COLUMNS = ["quote_id", "start", "end", "text", "split"]
# What a claim unit holds, in the order pack_units keeps it.
PACKED = ["start", "end", "text", "split", "words", "negated", "hedged", "asserts", "negated_themes", "tokens",
          "negated_tokens", "names", "refuses", "themes", "subject_tokens", "own_subject"]
_LETTER = re.compile(r"[^\W\d_]")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of each sentence of ``text[start:end]`` that holds a letter, white space
    trimmed at both ends; a line break ends a sentence too (a paragraph of a transcript turn)."""
    end = len(text) if end is None else end
    cuts = [m.end() for m in SENTENCE_END.finditer(text, start, end)] + [end]
    spans, at = [], start
    for cut in cuts:
        piece = text[at:cut]
        lead = len(piece) - len(piece.lstrip())
        s, e = at + lead, at + len(piece.rstrip())
        if e > s and _LETTER.search(text, s, e):
            spans.append((s, e))
        at = cut
    return spans


def _source_span(text: str | None, quote: str, start: int, end: int) -> tuple[str, int]:
    """The text to cut a statement in and where the statement starts in it: the article's own text when
    it holds the statement at its offsets (white space aside: a turn's paragraphs are joined by a space
    in its quote), else the quote itself, starting at the statement's offset."""
    if text is not None and 0 <= start < end <= len(text) and text[start:end].split() == quote.split():
        return text, 0
    return quote, start


def statement_units(table: pd.DataFrame, texts: Mapping[str, str] | None = None,
                    max_words: int = CLAIM_MAX_WORDS) -> pd.DataFrame:
    """One row per claim unit of each statement of ``table``: ``quote_id``, ``start`` and ``end`` (the
    unit's characters in its article's text: ``texts`` maps article id -> text), ``text`` (the unit's
    words, white space folded) and ``split`` (True for a sentence of a statement of more than
    ``max_words`` words; such a statement gives one unit per sentence that holds a letter). A shorter
    statement is one unit with the statement's own offsets; a fragment is read with its sentence
    (:func:`kit.themes.statement_text`)."""
    texts = texts or {}
    rows = []
    columns = (text_column(table, c).tolist() for c in ("quote_id", "quote", "sentence", "article_id"))
    starts = pd.to_numeric(table["quote_start"], errors="coerce").fillna(-1).astype("int64").tolist()
    ends = pd.to_numeric(table["quote_end"], errors="coerce").fillna(-1).astype("int64").tolist()
    for (qid, quote, sentence, article), start, end in zip(zip(*columns), starts, ends):
        if len(quote.split()) <= max_words:
            rows.append((qid, start, end, statement_text(quote, sentence), False))
            continue
        source, offset = _source_span(texts.get(article), quote, start, end)
        where = (start, end) if offset == 0 else (0, len(quote))
        for s, e in sentence_spans(source, *where):
            rows.append((qid, s + offset, e + offset, " ".join(source[s:e].split()), True))
    return pd.DataFrame(rows, columns=UNIT_COLUMNS).astype({"start": "int64", "end": "int64", "split": bool})


def pack_units(features: pd.DataFrame, quote_ids: Sequence[str]) -> list[list[list]]:
    """Per statement of ``quote_ids``, its candidate units (``features`` from
    :func:`kit.claims.claim_features`) as lists of plain values in ``PACKED`` order: what the extraction
    cache keeps per article, so pairing needs no parse on a re-run."""
    if features.empty or "candidate" not in features:  # no statement, or none a claim could come from
        return [[] for _ in quote_ids]
    kept = features[features["candidate"]]
    by_statement: dict[str, list[list]] = {}
    for qid, *values in zip(kept["quote_id"], *(kept[c].tolist() for c in PACKED)):
        by_statement.setdefault(qid, []).append([v if not isinstance(v, tuple) else list(v) for v in values])
    return [by_statement.get(q, []) for q in quote_ids]


def unpack_units(quote_ids: Sequence[str], packed: Sequence[Sequence[Sequence]]) -> pd.DataFrame:
    """The candidate units of :func:`pack_units` as one frame (``quote_id`` + ``PACKED`` columns,
    ``candidate`` True), in statement order."""
    rows = [[qid, *unit] for qid, units in zip(quote_ids, packed) for unit in (units if units is not None else [])]
    frame = pd.DataFrame(rows, columns=["quote_id", *PACKED])
    frame["candidate"] = True
    return frame.astype({"start": "int64", "end": "int64", "words": "int64", "split": bool, "negated": bool,
                         "hedged": bool, "asserts": bool, "refuses": bool,
                         "own_subject": bool})
