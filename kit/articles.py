"""Stage 1: load articles from files into one tidy ``articles`` table.

``load_articles(paths)`` returns a :class:`Loaded` pair of DataFrames. ``paths`` may be files,
folders (searched recursively; hidden files and folders are left out) or glob patterns
(``"exports/**/*.jsonl"``). Formats, by file suffix (a trailing ``.gz`` is decompressed first):

    .txt .md            one article; optional YAML front matter, else a short first line is the title
                        (when text follows it)
    .json               an object, a list of objects, or an object holding one list of objects
    .jsonl              one object per line
    .csv .tsv           a header row, one article per row (fields may hold newlines)
    .html .htm          a saved web page: main text and metadata by trafilatura
    .xml .rss .atom     an RSS or Atom feed: one article per entry (feedparser)

Record fields are matched to columns by name (``text``, ``title``, ``published``, ``source``,
``url``, ``id``, ``author``) or a common alias (``body``, ``headline``, ``date``, ``link``…);
``field_map={"body": "text"}`` renames any other field.

Every input gets a row in ``inputs``; an input that cannot be read is skipped with a plain-English
reason and the rest still load (``strict=True`` raises :class:`InputsSkipped` instead). Files named
README*/NOTICE*/LICENSE*… inside folders are skipped as documentation (``ignore=()`` loads them).
Input files are only ever read.

``articles`` columns (one row per distinct article):
    article_id        str   the input's ``id`` where given, else the first 12 hex digits of content_hash
    title             str   headline ("" when unknown)
    text              str   body text as given, other line breaks (a lone CR, U+2028…) made LF one for one
                            (same length, so quote offsets refer to it and to the file's text alike)
    published         datetime64[ns, UTC]  publication time, NaT when unknown (never invented)
    published_from    str   where the date came from: front_matter | field | html | feed | dateline |
                            filename | "" (unknown)
    source            str   outlet or publisher ("" when unknown)
    url               str   link to the original ("" when unknown)
    path              str   file the article came from (the copy kept, when it came from several)
    record            int   record number within the file (0 for single-article files)
    content_hash      str   sha256 of the normalised text
    published_offset  str   the UTC offset the date was given with ("+03:00"; "" when none was given)
    paths             list  every file (``path#record`` for multi-record files) holding this exact text
    near_duplicate_of str   article_id of the earliest-published article with nearly the same text ("" when none)
    note              str   warnings about this article, e.g. "no date found" ("" when none)
    language          str   ru, uk, en, und (undetermined) or "" (no letters), from the share of Cyrillic
                            and Ukrainian-only letters (``kit.language``); the quote engine routes on it
    ... any other front-matter or record fields (author, license, …), kept as text columns: the 100
                            most common names in the load; beyond that a row's other fields go, as JSON, to
    other_fields      str   (only then) ("" when none)

Article ids never depend on the order of ``paths``: clashes and exact duplicates are settled from the
texts and their own ids (see :class:`Gathering`).

``inputs`` columns (one row per file, and per record of multi-record files):
    path, record (-1 for a whole file or folder), status (loaded | duplicate | skipped),
    reason (plain English, "" when loaded), article_id, input_id (the record's own id, if any),
    format (txt, jsonl, html, …), note (warnings on a loaded input, "" when none)

Where each part lives: which files are read, :mod:`kit.article_files`; bytes to text,
:mod:`kit.article_bytes`; one reader per format, :mod:`kit.article_formats` (HTML in
:mod:`kit.article_html`); dates, :mod:`kit.article_dates`; exact and near duplicates,
:mod:`kit.article_duplicates`. This module turns records into rows and settles ids and duplicates.
"""
from __future__ import annotations

import json
import sys
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from .article_dates import dateline_date, filename_date, parse_date
from .article_duplicates import NEAR_DUPLICATE_JACCARD, near_duplicates
from .article_files import DEFAULT_IGNORE, IGNORED, Found, SkipFile, display_path, find_inputs, safe_size
from .article_formats import (MULTI_RECORD_FORMATS, Record, as_cell, file_format, newlines_for_line_breaks,
                              no_text_reason, present, records_from_file)
from .article_memo import TextMemo, no_memo


ARTICLE_COLUMNS = [
    "article_id", "title", "text", "published", "published_from", "source", "url",
    "path", "record", "content_hash", "published_offset", "paths", "near_duplicate_of", "note", "language",
]
INPUT_COLUMNS = ["path", "record", "status", "reason", "article_id", "input_id", "format", "note", "bytes", "sha256"]


LONG_TEXT = 1_000_000  # characters; spaCy's default limit, worth a warning downstream


@dataclass
class Loaded:
    """What a load returns: the ``articles`` table and the ``inputs`` accounting."""

    articles: pd.DataFrame
    inputs: pd.DataFrame

    def summary(self) -> dict[str, int]:
        """Count of inputs per status, e.g. ``{"loaded": 10, "duplicate": 0, "skipped": 1}``."""
        counts = self.inputs["status"].value_counts().to_dict()
        return {status: int(counts.get(status, 0)) for status in ("loaded", "duplicate", "skipped")}

    def skipped(self, *, include_ignored: bool = True) -> pd.DataFrame:
        """The skipped inputs; ``include_ignored=False`` leaves out files skipped by the ignore list."""
        rows = self.inputs[self.inputs["status"] == "skipped"]
        if not include_ignored:
            rows = rows[~rows["reason"].str.startswith(IGNORED)]
        return rows


class InputsSkipped(Exception):
    """Raised by a strict load: names every skipped input and why."""

    def __init__(self, skipped: pd.DataFrame):
        self.skipped = skipped
        lines = [f"  {describe_input(r.path, r.record)}: {r.reason}" for r in skipped.itertuples()]
        super().__init__(f"{len(skipped)} input(s) skipped (strict mode):\n" + "\n".join(lines))


def describe_input(path: str, record: int) -> str:
    """``path`` or ``path#record`` as shown to a user."""
    return path if record < 0 else f"{path}#{record}"


# ---------------------------------------------------------------------------------------------
# the load


def load_articles(paths: str | Path | Iterable[str | Path], *, field_map: dict[str, str] | None = None,
                  strict: bool = False, ignore: Iterable[str] = DEFAULT_IGNORE,
                  near_duplicate_threshold: float | None = NEAR_DUPLICATE_JACCARD, progress: bool = False,
                  cache_dir: str | Path | None = None) -> Loaded:
    """Load every article under ``paths`` and account for every input.

    ``field_map`` renames record fields to columns, e.g. ``{"body": "text", "date": "published"}``.
    A file or record that cannot be read is skipped with a plain-English reason and the rest still
    load; ``strict=True`` raises :class:`InputsSkipped` listing them instead (files left out by
    ``ignore``, README/NOTICE/LICENSE-style names by default, do not count). Exact duplicates (same
    normalised text) become one row listing every file in ``paths``; near-duplicates are flagged in
    ``near_duplicate_of`` (``near_duplicate_threshold=None`` turns that off). Inputs are only read.
    The order of ``paths`` changes the order of rows, never an article's id or values.
    With ``cache_dir`` (the extraction cache's folder) what is worked out from each text alone (its
    content hash, language and near-duplicate signature) is kept there and found again by the text
    (``kit.article_memo``): a re-run works it out only for new texts, with the same result.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    found = list(find_inputs(paths, ignore))
    memo = TextMemo.open(cache_dir) if cache_dir is not None else no_memo()
    gathered = Gathering(memo)
    bar = progress_bar(found) if progress else None
    try:
        for item in found:
            load_one(item, field_map or {}, gathered, tick=bar.update if bar else no_tick)
    finally:
        if bar is not None:
            bar.close()
    articles, inputs = gathered.tables(near_duplicate_threshold)
    del gathered
    memo.save()
    loaded = Loaded(articles=articles, inputs=inputs)
    if strict:
        check_strict(loaded)
    return loaded


def check_strict(loaded: Loaded) -> None:
    """Raise InputsSkipped when any input was skipped (files left out by the ignore list aside)."""
    skipped = loaded.skipped(include_ignored=False)
    if len(skipped):
        raise InputsSkipped(skipped)


def progress_bar(found: list[Found]):
    """A tqdm bar counting bytes read, for loads big enough to need one (None otherwise).

    It shows only on a terminal; multi-record files advance it record by record.
    """
    total = sum(safe_size(f.path) for f in found if not f.problem)
    if len(found) < 50 and total < 20_000_000:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, desc="loading", leave=False,
                file=sys.stderr, disable=not sys.stderr.isatty())


def no_tick(_: float) -> None:
    """Progress callback when there is no bar."""


def load_one(item: Found, field_map: dict[str, str], gathered: Gathering, tick=no_tick) -> None:
    """Read one found path into ``gathered``: its articles, and a row of accounting for each input.

    ``tick(n)`` is called with the bytes of the file done, for a progress bar. Every inputs row of
    the file gets the size and sha256 of the bytes read (``bytes``, ``sha256``; -1 and "" unread).
    """
    path_text = display_path(item.path)
    fmt = file_format(item.path)
    if item.problem:
        gathered.account(path_text, -1, item.status, item.problem, fmt=fmt)
        return
    size = safe_size(item.path)
    done = 0.0
    seen: dict = {}
    first = len(gathered.input_article)
    try:
        fmt, records, file_notes = records_from_file(item.path, field_map, seen)
        multi = fmt in MULTI_RECORD_FORMATS
        for rec in records:
            if rec.done:
                tick(size * (rec.done - done))
                done = rec.done
            record = rec.record if multi else 0
            rec.notes[:0] = file_notes
            if rec.error:
                gathered.account(path_text, record, "skipped", rec.error, fmt=fmt)
                continue
            try:
                row = article_from_record(rec, item.path, gathered.memo)
            except SkipFile as exc:
                gathered.account(path_text, record, "skipped", str(exc), fmt=fmt,
                                 input_id=as_cell(rec.fields.get("id")))
                continue
            row.update(path=path_text, record=record)
            gathered.add(row, describe_input(path_text, record if multi else -1), fmt)
    except SkipFile as exc:
        gathered.account(path_text, -1, "skipped", str(exc), fmt=fmt)
    except Exception as exc:  # noqa: BLE001 - one unreadable file must never stop the rest
        gathered.account(path_text, -1, "skipped", f"could not be read ({type(exc).__name__}: {exc})", fmt=fmt)
    gathered.read_from(first, **seen)
    tick(size * (1 - done))


# ---------------------------------------------------------------------------------------------
# records to rows


def article_from_record(rec: Record, path: Path, memo: TextMemo | None = None) -> dict:
    """One article's values from a record (``extra``: its other fields); raises SkipFile when it has no text.
    ``memo`` gives what depends on the text alone (content hash, language), kept from earlier runs."""
    fields = dict(rec.fields)
    text = fields.pop("text", None)
    if isinstance(text, (int, float)) and present(text):
        text = str(text)
    if not isinstance(text, str) or not text or text.isspace():
        raise SkipFile(no_text_reason(rec.fields))
    text = newlines_for_line_breaks(text)
    notes = list(rec.notes)
    published, offset, date_from = NaT_DATE
    raw_date = fields.pop("published", None)
    if present(raw_date):
        parsed = parse_date(raw_date)
        if parsed:
            published, offset, date_from = *parsed, rec.date_from
        else:
            notes.append(f"date {as_cell(raw_date)[:60]!r} could not be understood")
    if not date_from:
        for name, finder in (("dateline", lambda: dateline_date(text)), ("filename", lambda: filename_date(path))):
            parsed = finder()
            if parsed:
                published, offset, date_from = *parsed, name
                break
        else:
            notes.append("no date found")
    if len(text) > LONG_TEXT:
        notes.append(f"very long text ({len(text):,} characters)")
    chash, language, digest = (memo or no_memo()).facts(text)
    if language in LANGUAGE_NOTES and len(text.split()) >= LANGUAGE_NOTE_MIN_WORDS:
        notes.append(LANGUAGE_NOTES[language])
    input_id = as_cell(fields.pop("id", None))
    extra = {key: as_cell(value) for key, value in fields.items() if key not in ARTICLE_COLUMNS}
    return dict(
        title=as_cell(fields.get("title")), text=text, published=published.value, published_from=date_from,
        source=as_cell(fields.get("source")), url=as_cell(fields.get("url")), record=rec.record, content_hash=chash,
        published_offset=offset, note="; ".join(notes), input_id=input_id, extra=extra or None,
        language=language, digest=digest,
    )


# What a reader should know about an article in a language the kit reads only in part.
LANGUAGE_NOTES = {
    "und": "language undetermined (Latin letters that do not read as English, e.g. Russian in Latin "
           "letters): read as English, statements may be missed",
    "uk": "Ukrainian: read with the Russian models, statements and speakers may be missed",
}
# Below this many words a text is too short for its letters to tell its language (a headline, "Photo").
LANGUAGE_NOTE_MIN_WORDS = 8


NaT_DATE = (pd.NaT, "", "")
NaT_VALUE = pd.NaT.value


# ---------------------------------------------------------------------------------------------
# ids and duplicates settled


# The articles columns a load gathers row by row (article_from_record gives each); the others are settled at the end.
SETTLED = ("article_id", "paths", "near_duplicate_of")
GATHERED = [name for name in ARTICLE_COLUMNS if name not in SETTLED]
# At most this many other field names become columns (the most common ones); the rest of a row's other
# fields are kept together as JSON in OTHER_FIELDS, so a file whose every record has its own field names
# cannot make the table grow as rows times names.
MAX_EXTRA_COLUMNS = 100
OTHER_FIELDS = "other_fields"


class Gathering:
    """What a load has read so far: article values one list per column, and one row of accounting per input.

    Which copy of a text is kept, the article ids and the duplicate reasons are settled by
    :meth:`tables` from the copies themselves, never from the order they were read in.
    """

    def __init__(self, memo: TextMemo | None = None):
        self.memo = memo or no_memo()
        self.digests: list[str] = []  # each row's text digest (kit.article_memo)
        # numbers in typed arrays, 8 bytes each: a million short rows must not cost a million int objects
        self.columns: dict[str, list | array] = {name: array("q") if name in ("published", "record") else []
                                                 for name in GATHERED}
        self.input_id: list[str] = []  # the kept copy's own id ("" when it had none)
        self.kept_input = array("q")  # the inputs row of the kept copy
        self.extras: list[dict | None] = []  # the kept copy's other fields
        self.other_copies: dict[int, list[str]] = {}  # where the other copies of a text are
        self.by_hash: dict[str, int] = {}
        self.inputs: dict[str, list | array] = {name: array("q") if name in ("record", "bytes") else []
                                                for name in INPUT_COLUMNS}
        self.input_article = array("q")  # the article row of each inputs row (-1: none)

    def where(self, k: int) -> str:
        """The kept copy of article row k as path or path#record."""
        i = self.kept_input[k]
        fmt = self.inputs["format"][i]
        return describe_input(self.inputs["path"][i], self.inputs["record"][i] if fmt in MULTI_RECORD_FORMATS else -1)

    def account(self, path: str, record: int, status: str, reason: str = "", *, fmt: str = "", input_id: str = "",
                article: int = -1) -> None:
        """One row of the ``inputs`` table (status, reason and article id of a loaded one are settled later)."""
        for name, value in zip(INPUT_COLUMNS, (path, record, status, reason, "", input_id, fmt, "", -1, "")):
            self.inputs[name].append(value)
        self.input_article.append(article)

    def read_from(self, first: int, bytes: int = -1, sha256: str = "") -> None:
        """The inputs rows from ``first`` on came from one file: the size and sha256 of the bytes read."""
        for i in range(first, len(self.input_article)):
            self.inputs["bytes"][i], self.inputs["sha256"][i] = bytes, sha256

    def add(self, row: dict, where: str, fmt: str) -> None:
        """One article read from ``where``: a new row, or another copy of a text already read."""
        k = self.by_hash.get(row["content_hash"])
        if k is None:
            k = self.by_hash[row["content_hash"]] = len(self.input_id)
            for name in GATHERED:
                self.columns[name].append(row[name])
            self.input_id.append(row["input_id"])
            self.digests.append(row["digest"])
            self.kept_input.append(len(self.input_article))
            self.extras.append(row["extra"])
        elif copy_rank(row["input_id"], row["path"], row["record"]) < copy_rank(
                self.input_id[k], self.columns["path"][k], self.columns["record"][k]):
            self.other_copies.setdefault(k, []).append(self.where(k))
            for name in GATHERED:
                self.columns[name][k] = row[name]
            self.input_id[k], self.kept_input[k] = row["input_id"], len(self.input_article)
            self.digests[k] = row["digest"]
            self.extras[k] = row["extra"]
        else:
            self.other_copies.setdefault(k, []).append(where)
        self.account(row["path"], row["record"], "loaded", fmt=fmt, input_id=row["input_id"], article=k)

    def article_ids(self) -> list[str]:
        """Each row's id: its own id, else its hash; two texts with one id: the smaller hash keeps it."""
        hashes = self.columns["content_hash"]
        ids = [own or chash[:12] for own, chash in zip(self.input_id, hashes)]
        holders: dict[str, list[int]] = {}
        for k, article_id in enumerate(ids):
            holders.setdefault(article_id, []).append(k)
        notes = self.columns["note"]
        for article_id, rows in holders.items():
            for k in sorted(rows, key=hashes.__getitem__)[1:]:
                ids[k] = f"{article_id}-{hashes[k][:6]}"
                notes[k] = add_note(notes[k], f"id {article_id!r} is used by another article; renamed {ids[k]!r}")
        return ids

    def near_duplicates(self, ids: list[str], threshold: float | None) -> list[str]:
        """``near_duplicates`` with the rows taken in order of publication (undated last), then content hash."""
        near = [""] * len(ids)
        if threshold is None:
            return near
        published, hashes = self.columns["published"], self.columns["content_hash"]
        order = sorted(range(len(ids)), key=lambda k: (published[k] == NaT_VALUE, published[k], hashes[k]))
        texts = [self.columns["text"][k] for k in order]
        signatures = self.memo.signatures(texts, [self.digests[k] for k in order])
        found = near_duplicates(texts, [ids[k] for k in order], threshold, signatures)
        for k, of in zip(order, found):
            near[k] = of
        return near

    def settle_inputs(self, ids: list[str], near: list[str]) -> pd.DataFrame:
        """The ``inputs`` table: each copy kept is loaded (with its notes), each other copy a duplicate."""
        statuses, reasons, notes, article_ids = (self.inputs[c] for c in ("status", "reason", "note", "article_id"))
        for i, k in enumerate(self.input_article):
            if k < 0:
                continue
            article_ids[i] = ids[k]
            if self.kept_input[k] == i:
                notes[i] = add_note(self.columns["note"][k], near[k] and f"near-duplicate of {near[k]}")
            else:
                statuses[i], reasons[i] = "duplicate", f"same text as {self.where(k)} (article {ids[k]})"
        for name in ("record", "bytes"):
            self.inputs[name] = np.frombuffer(self.inputs[name], dtype="int64").copy()
        return pd.DataFrame(self.inputs, columns=INPUT_COLUMNS)

    def tables(self, near_duplicate_threshold: float | None = NEAR_DUPLICATE_JACCARD
               ) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The ``articles`` and ``inputs`` DataFrames (the gathered lists are emptied as they become columns)."""
        self.by_hash = {}
        ids = self.article_ids()
        near = self.near_duplicates(ids, near_duplicate_threshold)
        extra = extra_columns(self.extras, self.columns["note"])
        inputs = self.settle_inputs(ids, near)
        paths = [[self.where(k), *sorted(self.other_copies.get(k, ()))] for k in range(len(ids))]
        data = {"article_id": ids, **self.columns, "paths": paths, "near_duplicate_of": near, **extra}
        articles = pd.DataFrame(index=pd.RangeIndex(len(ids)))
        for name in [*ARTICLE_COLUMNS, *extra]:  # one column at a time, each list let go once it is one
            values = data.pop(name)
            if name == "published":
                articles[name] = pd.to_datetime(np.frombuffer(values, dtype="int64"), utc=True)
            elif name == "record":
                articles[name] = np.frombuffer(values, dtype="int64").copy()
            else:
                articles[name] = pd.Series(values, dtype=object if name == "paths" else None)
                values.clear()
        return articles, inputs


def add_note(note: str, more: str) -> str:
    """``note`` with ``more`` after a '; ' (either may be empty)."""
    return "; ".join(filter(None, [note, more]))


def copy_rank(input_id: str, path: str, record: int) -> tuple:
    """Which copy of a text is kept: the smallest own id (copies with one first), then the first path."""
    return (not input_id, input_id, path, record)


def extra_columns(extras: list[dict | None], notes: list[str]) -> dict[str, list[str]]:
    """The other fields as columns: the MAX_EXTRA_COLUMNS most common names, the rest as JSON in OTHER_FIELDS."""
    counts: dict[str, int] = {}
    for fields in extras:
        for name in fields or ():
            counts[name] = counts.get(name, 0) + 1
    counts.pop(OTHER_FIELDS, None)
    kept = sorted(sorted(counts, key=lambda name: (-counts[name], name))[:MAX_EXTRA_COLUMNS])
    columns = {name: [""] * len(extras) for name in kept}
    if len(counts) > MAX_EXTRA_COLUMNS or any(fields and OTHER_FIELDS in fields for fields in extras):
        columns[OTHER_FIELDS] = [""] * len(extras)
    for k, fields in enumerate(extras):
        rest = {}
        for name, value in (fields or {}).items():
            if name in columns and name != OTHER_FIELDS:
                columns[name][k] = value
            else:
                rest[name] = value
        if rest:
            columns[OTHER_FIELDS][k] = json.dumps(rest, ensure_ascii=False, sort_keys=True)
            notes[k] = add_note(notes[k], f"{len(rest)} field(s) kept as JSON in {OTHER_FIELDS} "
                                          f"(a load makes columns of {MAX_EXTRA_COLUMNS} field names at most)")
    return columns
