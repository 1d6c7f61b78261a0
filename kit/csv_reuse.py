"""A large table's CSV file written again from the rows the last run wrote: only new or changed rows are
formatted, the others are copied as the bytes they were, so a re-run after a few new articles does not
format a whole who-said-what table again (about 3 CPU seconds per 75,000 statements). The file is the
same bytes as :func:`kit.files.write_frame` writes.

    write_csv_reusing(table, "tables/who_said_what.csv", store="cache/tables")

``store`` (a folder of the extraction cache) keeps, per table name, the last file written (a hard link to
it, else a copy) with its sha256 and a 128-bit hash of each of its rows. A row is copied only when its
hash is one of those, the file is the one hashed, and every choice pandas makes for a whole block of rows
(how a column of dates is written, whether every cell is quoted) is the same for any subset of rows:
dates without a time of day, times on a whole second, and no cell holding a bare carriage return are
checked on the whole table. Anything else, and any doubt, writes the file whole.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import numpy as np
import pandas as pd

from .files import atomic_path, csv_ready

# Below this many rows formatting the whole file costs less than hashing it and its rows.
MIN_ROWS = 2000
# Changed when what is stored, or how a row is hashed, changes.
STORE_VERSION = "1"
_HASH_KEYS = ("kit-csv-rows-one", "kit-csv-rows-two")  # sixteen characters each, as pandas wants


def _uniform_dates(table: pd.DataFrame) -> bool:
    """True when every date column is written alike in any block of its rows: a column without a time
    zone holds days only (pandas writes ``2022-01-01``), a column with one whole seconds only (pandas
    adds ``.000`` to every cell of a block where one cell has a fraction of a second)."""
    for col in table.columns:
        values = table[col]
        aware = isinstance(values.dtype, pd.DatetimeTZDtype)
        if aware or pd.api.types.is_datetime64_any_dtype(values.dtype):
            unit = values.dtype.unit if aware else np.datetime_data(values.dtype)[0]
            per_second = {"s": 1, "ms": 10**3, "us": 10**6, "ns": 10**9}.get(unit)
            if per_second is None:
                return False
            ticks = values.dropna().array.asi8
            if len(ticks) and bool((ticks % (per_second * (1 if aware else 86_400)) != 0).any()):
                return False
        elif not (pd.api.types.is_string_dtype(values.dtype) or pd.api.types.is_integer_dtype(values.dtype)
                  or pd.api.types.is_bool_dtype(values.dtype)):
            return False  # floats, categories, lists: written whole rather than reasoned about
    return True


def row_hashes(table: pd.DataFrame) -> np.ndarray | None:
    """A 128-bit hash of each row's cells (two 64-bit hashes side by side), None when a cell cannot be hashed."""
    try:
        pair = [pd.util.hash_pandas_object(table, index=False, hash_key=key).to_numpy() for key in _HASH_KEYS]
    except TypeError:
        return None
    return np.stack(pair, axis=1).astype(np.uint64)


def row_ends(data: bytes) -> np.ndarray:
    """The offset just past each row of a CSV text pandas wrote: a line break outside quotes, which are
    balanced within every row (a quote inside a cell is doubled)."""
    raw = np.frombuffer(data, dtype=np.uint8)
    quotes = np.flatnonzero(raw == ord('"'))
    breaks = np.flatnonzero(raw == ord("\n"))
    inside = np.searchsorted(quotes, breaks) % 2 == 1  # an odd number of quotes before it
    return breaks[~inside] + 1


def _context(table: pd.DataFrame, quoting: int) -> str:
    """What, besides the rows, decides a row's bytes."""
    return json.dumps([STORE_VERSION, pd.__version__, [str(c) for c in table.columns],
                       [str(t) for t in table.dtypes], quoting])


def _render(table: pd.DataFrame, quoting: int, header: bool) -> bytes:
    return table.to_csv(index=False, header=header, lineterminator="\n", quoting=quoting).encode("utf-8")


def _previous(store: Path, name: str, context: str) -> tuple[bytes, np.ndarray] | None:
    """The last file written for ``name`` and its rows' hashes, when written in ``context`` and unchanged since."""
    try:
        with open(store / f"{name}.rows", "rb") as fh:
            meta = json.loads(fh.readline())
            if meta["context"] != context:
                return None
            hashes = np.load(fh, allow_pickle=False)
        data = (store / f"{name}.csv").read_bytes()
    except (OSError, ValueError, KeyError, EOFError):
        return None
    if hashes.ndim != 2 or hashes.shape[1] != 2 or hashes.dtype != np.uint64:
        return None
    if len(data) != meta["bytes"] or hashlib.sha256(data).hexdigest() != meta["sha256"]:
        return None
    return data, hashes


def _remember(store: Path, name: str, path: Path, context: str, hashes: np.ndarray, data: bytes) -> None:
    """Keep the file just written (a hard link, else a copy) and its rows' hashes for the next run.
    Best effort: a store that cannot be written only means the next run formats every row."""
    try:
        store.mkdir(parents=True, exist_ok=True)
        # Linked by hand, not through atomic_path, which would set the mode of the run's own file too.
        link = store / f".{name}.csv.{os.getpid()}.tmp"
        link.unlink(missing_ok=True)
        try:
            os.link(path, link)
        except OSError:
            link.write_bytes(data)
        os.replace(link, store / f"{name}.csv")
        # The rows' hashes and the file they describe in one file, so two runs writing at once cannot
        # pair one run's hashes with the other's file.
        meta = {"context": context, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        with atomic_path(store / f"{name}.rows") as tmp, open(tmp, "wb") as fh:
            fh.write(json.dumps(meta).encode("utf-8") + b"\n")
            np.save(fh, hashes, allow_pickle=False)
    except OSError:
        pass


def write_csv_reusing(table: pd.DataFrame, path: str | Path, store: str | Path | None,
                      min_rows: int | None = None) -> Path:
    """Write ``table`` as :func:`kit.files.write_frame` writes a CSV file, copying the bytes of each row the
    last file written under the same name in ``store`` holds; returns the path. Small tables, tables whose
    rows cannot be hashed and tables a subset of whose rows pandas could write differently are written whole."""
    path, min_rows = Path(path), MIN_ROWS if min_rows is None else min_rows
    ready, quoting = csv_ready(table)
    hashes = row_hashes(table) if store is not None and len(table) >= min_rows and _uniform_dates(table) else None
    if hashes is None:
        with atomic_path(path) as tmp:
            ready.to_csv(tmp, index=False, lineterminator="\n", quoting=quoting)
        return path
    store, name, context = Path(store), path.stem, _context(table, quoting)
    earlier = _previous(store, name, context)
    data = _assemble(ready, hashes, quoting, earlier) if earlier is not None else _render(ready, quoting, True)
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    _remember(store, name, path, context, hashes, data)
    return path


def _found_in(old_hashes: np.ndarray, hashes: np.ndarray) -> np.ndarray:
    """For each row hash, the position of a row with that hash among the earlier ones, -1 when none.
    Earlier rows alike in every cell share one hash and are one row; two that share the first half of
    their hash only are never reused."""
    old = pd.DataFrame({"a": old_hashes[:, 0], "b": old_hashes[:, 1]})
    clashing = old.groupby("a")["b"].nunique()
    keep = (~old["a"].duplicated(keep="first") & ~old["a"].isin(clashing.index[clashing > 1])).to_numpy()
    index = pd.Index(old_hashes[:, 0][keep])
    positions = np.flatnonzero(keep)
    at = index.get_indexer(hashes[:, 0])
    found = np.where(at >= 0, positions[np.maximum(at, 0)], -1)
    same = (found >= 0) & (old_hashes[np.maximum(found, 0), 1] == hashes[:, 1])
    return np.where(same, found, -1)


def _assemble(ready: pd.DataFrame, hashes: np.ndarray, quoting: int, earlier: tuple[bytes, np.ndarray]) -> bytes:
    """The CSV text of ``ready``: the rows found among the earlier file's copied, the others formatted."""
    old_data, old_hashes = earlier
    old_ends = row_ends(old_data)
    if len(old_ends) != len(old_hashes) + 1:  # the header and one line per row, or the file is not what it was
        return _render(ready, quoting, True)
    found = _found_in(old_hashes, hashes)
    new_rows = np.flatnonzero(found < 0)
    fresh = _render(ready.iloc[new_rows], quoting, True)
    fresh_ends = row_ends(fresh)
    if len(fresh_ends) != len(new_rows) + 1:
        return _render(ready, quoting, True)
    # Each row as a slice of the earlier file or of the fresh text; neighbouring rows that were neighbours
    # before are one slice (a few new articles leave long runs of the earlier file as they were).
    starts = np.where(found >= 0, old_ends[found], 0)
    ends = np.where(found >= 0, old_ends[found + 1], 0)
    fresh_at = np.cumsum(found < 0) - 1
    starts[new_rows], ends[new_rows] = fresh_ends[fresh_at[new_rows]], fresh_ends[fresh_at[new_rows] + 1]
    source = (found < 0).astype(np.int8)
    joined = np.ones(len(found), dtype=bool)
    joined[1:] = (source[1:] != source[:-1]) | (starts[1:] != ends[:-1])
    runs = np.flatnonzero(joined)
    run_ends = np.append(runs[1:], len(found)) - 1
    old_view, fresh_view = memoryview(old_data), memoryview(fresh)
    pieces = [fresh_view[:fresh_ends[0]]]
    for first, last in zip(runs.tolist(), run_ends.tolist()):
        view = fresh_view if source[first] else old_view
        pieces.append(view[starts[first]:ends[last]])
    return b"".join(pieces)
