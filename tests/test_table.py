"""kit.table: the who-said-what table, counts per camp and period, schemas when written, byte-identical output."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from conftest import articles_frame, statements_frame
from kit import pipeline, schemas
from kit.table import CONTEXT_CHARS, by_camp_and_period, who_said_what, write_table


def test_who_said_what_sorts_by_date_keeps_camp_id_and_gives_context():
    long_sentence = "Speaking at length, " + "the minister went on " * 30 + "and then said: 'We are ready.'"
    rows = [
        {"article_id": "b", "said_on": "2031-03-02", "camp": "Kremlin", "quote": "Later words.", "camp_id": "kremlin"},
        {"article_id": "a", "said_on": "2031-03-01", "camp": "White House", "quote": "We are ready.",
         "sentence": long_sentence, "camp_id": "white_house"},
        {"article_id": "a", "said_on": None, "camp": "", "quote": "Undated words.", "camp_id": "other"},
    ]
    stmts = statements_frame(rows).drop(columns=["role"])
    table = who_said_what(stmts, articles_frame({"a": "2031-03-01", "b": "2031-03-02"}))
    assert list(table["quote"]) == ["We are ready.", "Later words.", "Undated words."]
    assert list(table["camp_id"]) == ["white_house", "kremlin", "other"]
    assert table.loc[2, "camp"] == "Other" and table["role"].eq("").all()
    assert len(table.loc[0, "context"]) <= CONTEXT_CHARS + 2 and "We are ready" in table.loc[0, "context"]
    assert table.loc[0, "title"] == "Fictional story a"
    schemas.check_table(table, "who_said_what")


def test_by_camp_and_period_day_week_month_and_unknown():
    rows = [{"article_id": "a", "said_on": d, "camp": c, "quote": "x"} for d, c in
            [("2031-03-03", "Kremlin"), ("2031-03-05", "Kremlin"), ("2031-03-09", "White House"),
             ("2031-03-10", "Kremlin"), (None, "Kremlin")]]
    table = who_said_what(statements_frame(rows), articles_frame({"a": "2031-03-01"}))
    week = by_camp_and_period(table, "week")
    assert list(zip(week["period"].dt.strftime("%Y-%m-%d"), week["camp"], week["statements"])) == [
        ("2031-03-03", "Kremlin", 2), ("2031-03-03", "White House", 1), ("2031-03-10", "Kremlin", 1)]
    assert by_camp_and_period(table, "month")["statements"].sum() == 4
    assert len(by_camp_and_period(table, "day")) == 4
    with pytest.raises(KeyError, match="fortnight"):
        by_camp_and_period(table, "fortnight")


def test_same_input_gives_byte_identical_files_and_excel_on_request(claims_tables, nlp, tmp_path):
    statements, articles = claims_tables
    first = pipeline.build_tables(statements, articles, nlp=nlp).write(tmp_path / "one", ("csv", "parquet"))
    shuffled = statements.sample(frac=1, random_state=3)
    second = pipeline.build_tables(shuffled, articles, nlp=nlp).write(tmp_path / "two", ("csv", "parquet"))
    assert [p.name for p in first] == [p.name for p in second]
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), f"{a.name} differs between two runs on the same input"
    xlsx = write_table(pipeline.build_tables(statements, articles, nlp=nlp).who_said_what, tmp_path, "who_said_what",
                         formats=("xlsx",))[0]
    back = pd.read_excel(xlsx, engine="openpyxl")
    assert len(back) == len(statements) and "quote" in back.columns




def test_every_table_goes_into_sqlite_with_full_text_search(tmp_path):
    import shutil
    import sqlite3
    import subprocess

    from conftest import articles_frame, statements_frame
    from kit.pipeline import build_tables

    rows = [{"article_id": "a1", "said_on": "2031-02-01", "camp": "White House", "speaker": "Harriet Calloway",
             "quote": "The ceasefire talks are going well, and Moscow knows it."},
            {"article_id": "a2", "said_on": "2031-02-02", "camp": "Kremlin", "speaker": "Pavel Ostrogin",
             "quote": "There are no ceasefire talks at all, =HYPERLINK(\"x\")"}]
    tables = build_tables(statements_frame(rows), articles_frame({"a1": "2031-02-01", "a2": "2031-02-02"}))
    paths = tables.write(tmp_path)
    db = tmp_path / "who_said_what.db"
    assert db in paths
    with sqlite3.connect(db) as con:
        hits = con.execute("SELECT speaker, quote, said_on FROM who_said_what WHERE rowid IN "
                           "(SELECT rowid FROM who_said_what_fts WHERE who_said_what_fts MATCH 'ceasefire AND Moscow')"
                           ).fetchall()
        assert hits == [("Harriet Calloway", "The ceasefire talks are going well, and Moscow knows it.", "2031-02-01")]
        assert con.execute("SELECT quote FROM who_said_what WHERE speaker = 'Pavel Ostrogin'").fetchone()[0] \
            .endswith('=HYPERLINK("x")'), "SQLite keeps the text exact"
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(tables.named()) <= names
    datasette = shutil.which("datasette")
    if datasette:  # Datasette opens the file as it is, search box included
        out = subprocess.run([datasette, str(db), "--get",
                              "/who_said_what/who_said_what.json?_search=Moscow&_shape=array"],
                             capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        assert [r["speaker"] for r in json.loads(out.stdout)] == ["Harriet Calloway"]


def test_sqlite_cells_are_converted_a_column_at_a_time_as_each_cell_alone_would_be(tmp_path):
    """The SQLite file's cells are made a column at a time; each must be what converting that cell alone gives:
    times in UTC as isoformat (with their fraction of a second), days as YYYY-MM-DD, lists as 'a; b', NULLs."""
    import sqlite3

    from kit.table import write_sqlite

    table = pd.DataFrame({
        "published": pd.to_datetime(["2031-02-01T10:00:00+01:00", "2031-02-01T10:00:00.250+00:00", None], utc=True, format="ISO8601"),
        "said_on": pd.to_datetime(["2031-02-01", None, "2031-02-03"]),
        "at": pd.to_datetime(["2031-02-01 08:30:15", "2031-02-02 00:00:00", None]),
        "quote": pd.Series(["We are ready.", None, "=1+1"], dtype="str"),
        "paths": pd.Series([["a.txt", "b.txt"], None, ("c.txt",)], dtype=object),
        "quote_start": [3, 4, 5], "score": [0.5, float("nan"), 2.0], "flag": [True, False, True],
    })
    write_sqlite({"t": table}, tmp_path / "t.db")
    with sqlite3.connect(tmp_path / "t.db") as con:
        rows = con.execute("SELECT * FROM t").fetchall()
    assert rows == [
        ("2031-02-01T09:00:00+00:00", "2031-02-01", "2031-02-01T08:30:15", "We are ready.", "a.txt; b.txt", 3, 0.5, 1),
        ("2031-02-01T10:00:00.250000+00:00", None, "2031-02-02T00:00:00", None, None, 4, None, 0),
        (None, "2031-02-03", None, "=1+1", "c.txt", 5, 2.0, 1),
    ]
