"""A report's SQLite file copied from the last run's when every table it holds is the same, instead of built
again: on the White House file (200,000 statements, a 386 MB file with its full-text index) building it costs
about ten CPU seconds, a re-run with nothing new copies it.

    write_sqlite_reusing(tables, "tables/who_said_what.db", store="cache/sqlite", parquet=paths)

The tables are known to be the same by their Parquet files (``parquet``: table name -> the file this run
wrote), which hold every cell and its type: the same names, columns, types and Parquet bytes give the same
rows, and :func:`kit.table.write_sqlite` then writes the same bytes. ``store`` (a folder of the extraction
cache) keeps the last file built (a hard link to it, else a copy), its key and its size, time and inode; a
kept file that was changed since (opened and written by a reader) is not used. Without Parquet files, or on
any doubt, the file is built as always.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pandas as pd

from .files import atomic_path, sha256_file
from .table import write_sqlite

# Changed when what is kept, or what the key covers, changes.
STORE_VERSION = "1"


def tables_key(tables: dict[str, pd.DataFrame], parquet: dict[str, Path]) -> str | None:
    """What the SQLite file of ``tables`` depends on: their names, columns and types, the bytes of their
    Parquet files, and the versions of SQLite and of the code that writes it; None without a Parquet file
    for every table."""
    if set(tables) != set(parquet):
        return None
    import sqlite_utils

    parts = [STORE_VERSION, sqlite3.sqlite_version, getattr(sqlite_utils, "__version__", "")]
    try:
        parts += [[name, [str(c) for c in t.columns], [str(d) for d in t.dtypes], sha256_file(parquet[name])]
                  for name, t in tables.items()]
    except OSError:
        return None
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


def _stamp(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def _kept(store: Path, name: str, key: str) -> Path | None:
    """The kept file of ``name`` when it was built from tables of ``key`` and is unchanged since."""
    kept, meta = store / name, store / f"{name}.json"
    try:
        doc = json.loads(meta.read_text(encoding="utf-8"))
        if doc.get("key") == key and doc.get("stamp") == _stamp(kept):
            return kept
    except (OSError, ValueError, AttributeError):
        pass
    return None


def _remember(store: Path, path: Path, key: str) -> None:
    """Keep ``path`` (a hard link, else a copy) with its key; a failure only means the next run builds it."""
    kept, meta = store / path.name, store / f"{path.name}.json"
    try:
        store.mkdir(parents=True, exist_ok=True)
        meta.unlink(missing_ok=True)  # no key points at a file being replaced
        with atomic_path(kept) as tmp:
            tmp.unlink()
            try:
                os.link(path, tmp)
            except OSError:
                shutil.copyfile(path, tmp)
        with atomic_path(meta) as tmp:
            tmp.write_text(json.dumps({"key": key, "stamp": _stamp(kept)}), encoding="utf-8")
    except OSError:
        pass


def write_sqlite_reusing(tables: dict[str, pd.DataFrame], path: str | Path, store: str | Path | None,
                         parquet: dict[str, Path]) -> Path:
    """:func:`kit.table.write_sqlite`, or a copy of the file the last run built from the same tables."""
    path = Path(path)
    key = tables_key(tables, parquet) if store is not None else None
    if key is None:
        return write_sqlite(tables, path)
    kept = _kept(Path(store), path.name, key)
    if kept is not None:
        try:
            with atomic_path(path) as tmp:
                shutil.copyfile(kept, tmp)  # a copy: a reader writing to this run's file leaves the kept one alone
            return path
        except OSError:
            pass
    write_sqlite(tables, path)
    _remember(Path(store), path, key)
    return path
