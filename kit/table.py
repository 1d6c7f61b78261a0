"""Stage 4: the who-said-what table and the counts a reporter publishes from.

Every table below has a pandera schema (``kit.schemas``) that :func:`write_table` checks before
writing, and a data dictionary in the README. Same input, same bytes: rows are sorted on
stable keys, ties broken by ``quote_id``.

``who_said_what(statements, articles)`` -> one row per statement, sorted by date:
    said_on, actor, speaker, camp, role, kind, quote, cue, venue, when_text, said_on_precision,
    published, title, source, url, article_id, quote_id, quote_start, quote_end, sentence, context,
    note (plus ``themes`` from ``kit.themes`` and ``echo_id``, ``echo_articles`` from ``kit.echoes``)
``by_camp_and_period(table, period)`` -> period, camp, statements
``speakers_by_camp(table)`` -> camp, speaker, statements, first_said_on, last_said_on
Themes, claims, echoes and the findings summary have their own modules; ``kit.pipeline.build_tables``
makes them all.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from .files import atomic_path, write_frame
from .schemas import PERIODS, SCHEMAS, WHO_SAID_WHAT_COLUMNS, check_table, empty_table

# Camps that are not a side in a dispute: the press, unattributed speakers and joint statements.
NEUTRAL_CAMPS = ("Other", "Press", "Several camps")
CONTEXT_CHARS = 240
# What a statement takes from its article.
ARTICLE_FIELDS = ("title", "source", "url", "published")


def text_column(frame: pd.DataFrame, name: str) -> pd.Series:
    """A column as text ("" for missing values, and for a column the frame does not have)."""
    if name in frame.columns:
        return frame[name].fillna("").astype(str)
    return pd.Series([""] * len(frame), index=frame.index, dtype=str)


def short_context(sentence: str, quote: str, max_chars: int = CONTEXT_CHARS) -> str:
    """The sentence around a quote, cut to ``max_chars`` around the quote with ellipses."""
    sentence = " ".join((sentence or "").split())
    if len(sentence) <= max_chars:
        return sentence
    at = sentence.find(" ".join((quote or "").split())[:40]) if quote else -1
    at = max(at, 0)
    start = max(0, min(at - max_chars // 4, len(sentence) - max_chars))
    piece = sentence[start:start + max_chars]
    return ("…" if start > 0 else "") + piece.strip() + ("…" if start + max_chars < len(sentence) else "")


def excerpt(text: str, max_chars: int = 90) -> str:
    """The first ``max_chars`` characters of a quote, cut at a word, with an ellipsis when cut."""
    text = " ".join(str(text or "").split())
    if len(text) <= max_chars:
        return text
    return text[:max_chars].rsplit(" ", 1)[0].rstrip(",;:") + "…"


_NOT_WORDS = re.compile(r"[\s\"'“”‘’«»„‹›]+")


def spoken_words(quote: str, quote_start: int, spans) -> str:
    """What a reader is shown as the quote: the quoted pieces without the attribution between them.

    ``"A," he told the agency. "B."`` gives ``A … B.``; pieces parted only by quotation marks and
    line breaks (a quote running over paragraphs) are joined with a space. One piece: the quote as is.
    """
    quote = str(quote or "")
    pieces = [(int(s) - quote_start, int(e) - quote_start) for s, e in (list(spans) if spans is not None else [])]
    if len(pieces) < 2 or any(s < 0 or e > len(quote) or s >= e for s, e in pieces):
        return quote
    out = quote[pieces[0][0]:pieces[0][1]].strip()
    for (_, prev_end), (start, end) in zip(pieces, pieces[1:]):
        between = quote[prev_end:start]
        piece = quote[start:end].strip()
        if _NOT_WORDS.sub("", between):
            out = out.rstrip(",;: ") + " … " + piece
        else:
            out += " " + piece
    return out


def with_article_fields(statements: pd.DataFrame, articles: pd.DataFrame | None,
                        fields: tuple[str, ...] = ARTICLE_FIELDS) -> pd.DataFrame:
    """The statements with their article's title, source, url and publication time, where a
    statement does not carry its own. Notes a stage left in ``statements.attrs`` (cache counts)
    stay behind: they would otherwise be written into every Parquet file."""
    out = statements.copy()
    out.attrs = {}
    if articles is None or not len(articles):
        return out
    meta = articles.drop_duplicates("article_id").set_index("article_id")
    for col in (c for c in fields if c in meta.columns):
        looked_up = out["article_id"].map(meta[col])
        if col in out.columns:
            own = out[col].notna() & (out[col].astype(str) != "")
            out[col] = out[col].where(own, looked_up)
        else:
            out[col] = looked_up
    return out


def who_said_what(statements: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per statement with its article's title, source and url, sorted by date.

    Columns a stage has not filled (``role`` before attribution, say) come out empty rather
    than failing; ``camp_id`` is kept when the statements carry it.
    """
    table = with_article_fields(statements, articles)
    for col in ("actor", "speaker", "camp", "role", "kind", "act", "quote", "cue", "venue", "when_text",
                "said_on_precision", "title", "source", "url", "sentence", "note"):
        table[col] = text_column(table, col)
    table["camp"] = table["camp"].replace("", "Other")
    for col in ("said_on", "published"):
        if col not in table.columns:
            table[col] = pd.NaT
    table["said_on"] = pd.to_datetime(table["said_on"], errors="coerce")
    table["published"] = pd.to_datetime(table["published"], errors="coerce", utc=True)
    for col in ("quote_start", "quote_end"):
        table[col] = pd.to_numeric(table[col], errors="coerce").fillna(-1).astype("int64")
    if "quote_spans" in table.columns:
        table["quote"] = [spoken_words(q, s, spans) for q, s, spans in
                          zip(table["quote"], table["quote_start"], table["quote_spans"])]
    table["context"] = [short_context(s, q) for s, q in zip(table["sentence"], table["quote"])]
    table = table.sort_values(["said_on", "published", "article_id", "quote_start", "quote_id"],
                              kind="stable", na_position="last")
    columns = WHO_SAID_WHAT_COLUMNS + (["camp_id"] if "camp_id" in table.columns else [])
    if table.empty:  # pandas types a column of no rows as it pleases (float for text)
        return empty_table(columns, SCHEMAS["who_said_what"])
    return table[columns].reset_index(drop=True)


def articles_by_source_and_month(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles per source per month of publication (undated articles counted under NaT)."""
    month = pd.to_datetime(articles["published"], errors="coerce", utc=True).dt.tz_localize(None).dt.to_period("M")
    frame = pd.DataFrame({"source": text_column(articles, "source").replace("", "(no source)"),
                          "month": month.dt.start_time})
    counts = frame.groupby(["month", "source"], dropna=False).size().rename("articles").reset_index()
    return counts.sort_values(["month", "source"], kind="stable", na_position="last").reset_index(drop=True)


def web_site(url: str) -> str:
    """The host of a link without ``www.`` ("https://www.whitehouse.gov/x" -> "whitehouse.gov"); "" without one."""
    return _host(str(url or ""))


@lru_cache(maxsize=1 << 16)
def _host(url: str) -> str:
    # Asked once per statement, of the few links their articles have (67,000 statements, 4,000 links).
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url).hostname if "://" in url else None
    except ValueError:
        host = None
    return host.removeprefix("www.") if host else ""


def speaker_name(table: pd.DataFrame, unattributed: str = "(unattributed)") -> pd.Series:
    """Who spoke: the registry name where there is one, else the speaker as the article gave it,
    else ``unattributed``."""
    actor = text_column(table, "actor")
    speaker = text_column(table, "speaker").str.strip().str.rstrip(",")
    named = actor.where(actor != "", speaker)
    return named.where(named != "", unattributed)


def period_start(dates: pd.Series, period: str) -> pd.Series:
    if period not in PERIODS:
        # KeyError, because a wrong parameter name is what a reporter has to fix.
        raise KeyError(f"unknown period {period!r}: use one of {', '.join(PERIODS)}")
    return pd.to_datetime(dates).dt.to_period(PERIODS[period]).dt.start_time.astype("datetime64[us]")


def by_camp_and_period(table: pd.DataFrame, period: str = "week") -> pd.DataFrame:
    """Statements per camp per day, week (starting Monday) or month; undated statements are left out."""
    dated = table.dropna(subset=["said_on"])
    start = period_start(dated["said_on"], period)
    counts = dated.assign(period=start).groupby(["period", "camp"]).size().rename("statements")
    out = counts.reset_index().sort_values(["period", "camp"], kind="stable").reset_index(drop=True)
    out["statements"] = out["statements"].astype("int64")
    return out


def texts_by_period(articles: pd.DataFrame, period: str = "week") -> pd.DataFrame:
    """Texts (articles) published per day, week or month: what statement counts are set against
    (a period without texts is a gap in the sources, not a silence). Undated articles are left out."""
    published = pd.to_datetime(articles["published"], errors="coerce", utc=True).dropna()
    start = period_start(published.dt.tz_localize(None), period)
    out = start.value_counts().rename("texts").rename_axis("period").reset_index()
    out = out.sort_values("period", kind="stable").reset_index(drop=True)
    return out.astype({"texts": "int64"})


def speakers_by_camp(table: pd.DataFrame, top: int | None = None) -> pd.DataFrame:
    """Statements per speaker within each camp, most prolific first (``top`` per camp if given)."""
    frame = pd.DataFrame({"camp": table["camp"], "speaker": speaker_name(table), "said_on": table["said_on"]})
    grouped = frame.groupby(["camp", "speaker"]).agg(statements=("speaker", "size"),
                                                     first_said_on=("said_on", "min"),
                                                     last_said_on=("said_on", "max")).reset_index()
    grouped = grouped.sort_values(["camp", "statements", "speaker"], ascending=[True, False, True], kind="stable")
    if top:
        grouped = grouped.groupby("camp", sort=False).head(top)
    grouped["statements"] = grouped["statements"].astype("int64")
    return grouped.reset_index(drop=True)


def write_table(table: pd.DataFrame, folder: str | Path, name: str, formats=("csv",),
                schema: pa.DataFrameSchema | None = None, csv_rows: str | Path | None = None) -> list[Path]:
    """Check the table's schema, then write ``name.csv`` / ``.parquet`` / ``.xlsx`` atomically; returns the paths.

    Tables the kit knows (see ``SCHEMAS``) are validated by name; pass ``schema`` for others. With
    ``csv_rows`` (a folder of the extraction cache) the CSV file copies the rows an earlier run wrote
    instead of formatting them again (``kit.csv_reuse``): the same bytes, in less time.
    """
    from .csv_reuse import write_csv_reusing

    check_table(table, name, schema)
    for fmt in formats:
        if fmt not in ("csv", "parquet", "xlsx"):
            raise ValueError(f"unknown table format '{fmt}': use csv, parquet or xlsx")
    return [write_csv_reusing(table, Path(folder) / f"{name}.csv", csv_rows) if fmt == "csv" and csv_rows is not None
            else write_frame(table, Path(folder) / f"{name}.{fmt}", sheet_name=name) for fmt in formats]


# Columns of who_said_what that Datasette's search box (SQLite FTS5) looks in.
SEARCH_COLUMNS = ("quote", "speaker", "actor", "title")


# What sqlite3 stores as it is; anything else (a dict, a date) is written as sqlite_utils would write it.
_SQLITE_NATIVE = frozenset({str, int, float, bytes, type(None)})


def _plain_years(times: pd.Series) -> bool:
    """True when every time is in the years 1000-9999 on a whole second, where pandas' vectorised
    formatting writes exactly what each Timestamp's own ``isoformat``/``strftime`` would."""
    times = times.dropna()
    return not len(times) or bool(times.dt.year.between(1000, 9999).all()
                                  and ((times.dt.microsecond == 0) & (times.dt.nanosecond == 0)).all())


def _sqlite_column(values: pd.Series) -> list:
    """One column's cells as SQLite stores them: dates as ISO text (a day as ``2025-02-09``), lists as
    "a; b", missing values as NULL. Converted a column at a time (a who-said-what table of the White House
    file is five million cells: cell by cell in Python, its SQLite file took longer than its parse of 1%)."""
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        utc = values.dt.tz_convert("UTC")
        cells = (utc.dt.strftime("%Y-%m-%dT%H:%M:%S+00:00").tolist() if _plain_years(utc)
                 else utc.map(lambda v: v.isoformat() if pd.notna(v) else None).tolist())
    elif pd.api.types.is_datetime64_any_dtype(values):
        days = values.dropna()
        fmt = "%Y-%m-%d" if (days == days.dt.normalize()).all() else "%Y-%m-%dT%H:%M:%S"
        cells = (values.dt.strftime(fmt).tolist() if _plain_years(values.dt.floor("s"))
                 else values.map(lambda v: v.strftime(fmt) if pd.notna(v) else None).tolist())
    elif pd.api.types.is_bool_dtype(values):
        cells = values.astype("int64").tolist()
    elif values.dtype == object or isinstance(values.dtype, pd.StringDtype) or pd.api.types.is_numeric_dtype(values):
        cells = values.tolist()
        if values.dtype == object and any(isinstance(v, (list, tuple)) for v in cells):
            cells = ["; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v for v in cells]
    else:
        cells = values.astype(object).tolist()
    for i in pd.isna(values).to_numpy().nonzero()[0].tolist():
        cells[i] = None
    if not set(map(type, cells)) <= _SQLITE_NATIVE:
        from sqlite_utils.db import jsonify_if_needed

        cells = [v if type(v) in _SQLITE_NATIVE else jsonify_if_needed(v) for v in cells]
    return cells


def _sqlite_rows(table: pd.DataFrame) -> list[tuple]:
    """The table's rows as SQLite stores them (:func:`_sqlite_column`), one tuple per row."""
    return list(zip(*(_sqlite_column(table[c]) for c in table.columns))) if len(table.columns) else [() for _ in range(len(table))]


def write_sqlite(tables: dict[str, pd.DataFrame], path: str | Path) -> Path:
    """Every table into one SQLite file (atomically), with full-text search on who_said_what's
    quote, speaker, actor and title, so ``datasette PATH`` opens it with a search box.

    Text is stored exactly as in the Parquet files (no spreadsheet escaping); dates as ISO text.
    """
    import sqlite_utils
    from sqlite_utils.db import SQLITE_MAX_VARS

    path = Path(path)
    with atomic_path(path) as tmp:
        tmp.unlink()  # sqlite_utils makes the file itself
        db = sqlite_utils.Database(tmp)
        # A file nobody reads until it is renamed into place needs no journal and no flush per batch:
        # a crash leaves only the temporary file, which is removed.
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        for name, table in tables.items():
            pk = "quote_id" if name == "who_said_what" else None
            db.table(name).create({c: _sqlite_type(table[c]) for c in table.columns}, pk=pk)
            # The rows go in by executemany: sqlite_utils' insert_all converts and batches them value by
            # value in Python (a fifth of the file's writing time on a few thousand statements). They
            # are committed in insert_all's batches all the same, so the file is the same bytes (its
            # header counts the writes).
            insert = (f"INSERT INTO [{name}] ({', '.join(f'[{c}]' for c in table.columns)}) "
                      f"VALUES ({', '.join('?' * table.shape[1])})")
            rows = _sqlite_rows(table)
            batch = max(1, min(1000, SQLITE_MAX_VARS // max(table.shape[1], 1)))
            for start in range(0, len(rows), batch):
                with db.conn:
                    db.conn.executemany(insert, rows[start:start + batch])
        if "who_said_what" in tables:
            who = db["who_said_what"]
            who.enable_fts([c for c in SEARCH_COLUMNS if c in tables["who_said_what"].columns],
                           fts_version="FTS5", create_triggers=False)
            for col in ("said_on", "camp", "actor", "article_id"):
                if col in tables["who_said_what"].columns:
                    who.create_index([col], if_not_exists=True)
        db.close()
    return path


def _sqlite_type(column: pd.Series) -> type:
    if pd.api.types.is_bool_dtype(column) or pd.api.types.is_integer_dtype(column):
        return int
    if pd.api.types.is_float_dtype(column):
        return float
    return str
