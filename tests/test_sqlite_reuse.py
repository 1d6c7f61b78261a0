"""The report's SQLite file is copied from the last run's only when every table is the same, and is then the
same bytes as one built from them (fictional statements)."""
from __future__ import annotations

import filecmp
import sqlite3

import pandas as pd

from kit import sqlite_reuse
from kit.files import write_frame
from kit.table import write_sqlite


def _tables(quote: str = "We will open the bridge on Monday") -> dict[str, pd.DataFrame]:
    who = pd.DataFrame({"quote_id": ["q1", "q2"], "quote": [quote, "The harbour stays closed"],
                        "speaker": ["Mayor Ilse Varn", "Port officer Tam Ode"], "actor": ["", ""],
                        "title": ["Bridge news", "Harbour news"],
                        "said_on": pd.to_datetime(["2031-04-01", "2031-04-02"])})
    return {"who_said_what": who, "echoes": pd.DataFrame({"echo_id": ["q1"], "articles": [2]})}


def _write(tables: dict[str, pd.DataFrame], folder, store):
    parquet = {name: write_frame(t, folder / f"{name}.parquet") for name, t in tables.items()}
    return sqlite_reuse.write_sqlite_reusing(tables, folder / "who_said_what.db", store, parquet)


def test_same_tables_copy_the_last_file_and_changed_ones_build_a_new_one(tmp_path, monkeypatch):
    store = tmp_path / "store"
    built = []
    monkeypatch.setattr(sqlite_reuse, "write_sqlite", lambda t, p: built.append(p) or write_sqlite(t, p))
    first = _write(_tables(), tmp_path / "one", store)
    again = _write(_tables(), tmp_path / "two", store)
    assert built == [first], "the second run copies the first run's file"
    cold = write_sqlite(_tables(), tmp_path / "cold.db")
    assert filecmp.cmp(again, cold, shallow=False) and filecmp.cmp(first, cold, shallow=False)

    changed = _write(_tables("We will open the bridge on Tuesday"), tmp_path / "three", store)
    assert built[-1] == changed, "a changed cell builds the file again"
    assert filecmp.cmp(changed, write_sqlite(_tables("We will open the bridge on Tuesday"), tmp_path / "c2.db"),
                       shallow=False)


def test_a_kept_file_changed_by_a_reader_is_not_copied(tmp_path, monkeypatch):
    store = tmp_path / "store"
    first = _write(_tables(), tmp_path / "one", store)
    with sqlite3.connect(first) as con:  # a reader writes to the run's file (the kept file is a hard link to it)
        con.execute("DELETE FROM echoes")
    built = []
    monkeypatch.setattr(sqlite_reuse, "write_sqlite", lambda t, p: built.append(p) or write_sqlite(t, p))
    again = _write(_tables(), tmp_path / "two", store)
    assert built == [again]
    assert filecmp.cmp(again, write_sqlite(_tables(), tmp_path / "cold.db"), shallow=False)


def test_without_parquet_files_the_file_is_built(tmp_path, monkeypatch):
    built = []
    monkeypatch.setattr(sqlite_reuse, "write_sqlite", lambda t, p: built.append(p) or write_sqlite(t, p))
    for run in ("one", "two"):
        sqlite_reuse.write_sqlite_reusing(_tables(), tmp_path / run / "who_said_what.db", tmp_path / "store", {})
    assert len(built) == 2
