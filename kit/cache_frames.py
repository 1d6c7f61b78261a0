"""How the extraction cache stores rows (``kit.cache``): no pickle, so a cache restored from somewhere
else cannot run code.

``pack_frame(frame)`` -> bytes     one article's rows as compressed typed JSON, column by column
``unpack_frame(bytes)`` -> dict    the stored slice (columns, dtypes, n, data), as ``assemble`` reads it
``assemble(slices)`` -> DataFrame  one table from slices in order; a column keeps its dtype when all agree
``pack_block(items, slices)`` / ``unpack_block(bytes)``   many slices as one Arrow block (see below)

A re-run reads every article's rows back. One JSON document per article is slow to read when there are
hundreds of thousands of rows, so each stage also keeps the last run's slices as one **block**: every
column of every slice concatenated into one Arrow table (compressed), with each slice's length and its
columns, dtypes and typed columns. A block gives back the very slices it was made from (values that
Arrow would not give back as the same Python values are kept as JSON text), so a table assembled from
a block is the same as one assembled from the per-article entries. A block's text columns are not made
into Python strings at all unless something reads them value by value (:class:`ArrowText`): ``assemble``
gives them to pandas as the Arrow text they are.
"""
from __future__ import annotations

import datetime as dt
import gc
import io
import json
import math
import zlib
from collections.abc import Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
import pandas as pd


@contextmanager
def collection_paused():
    """Python's cycle collector paused while a stage's rows are read or packed: they are millions of new
    objects (strings, lists) in no cycle, and each collection pass the allocations set off walks every
    object the process holds (the articles' texts, earlier stages' rows), about as long again as the
    reading itself in a report's kernel. It runs again as before once the block is read."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


# ---------------------------------------------------------------- typed JSON (no pickle)

def _encode(value: Any) -> Any:
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, (float, np.floating)):
        f = float(value)
        return f if math.isfinite(f) else {"$f": repr(f)}
    if value is pd.NaT:
        return {"$nat": 1}
    if value is pd.NA:
        return {"$na": 1}
    if isinstance(value, pd.Timestamp):
        return {"$ts": int(value.value), "tz": str(value.tz) if value.tz else None, "unit": value.unit}
    if isinstance(value, np.datetime64):
        return _encode(pd.Timestamp(value))
    if isinstance(value, dt.datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, tuple):
        return {"$tuple": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, np.ndarray):
        return {"$array": [_encode(v) for v in value.tolist()]}
    if isinstance(value, dict):
        return {"$dict": [[_encode(k), _encode(v)] for k, v in value.items()]}
    raise TypeError(f"cannot cache a value of type {type(value).__name__}")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "$f" in value:
        return float(value["$f"])
    if "$nat" in value:
        return pd.NaT
    if "$na" in value:
        return pd.NA
    if "$ts" in value:
        ts = pd.Timestamp(value["$ts"], tz="UTC" if value["tz"] else None)
        ts = ts.tz_convert(value["tz"]) if value["tz"] else ts
        return ts.as_unit(value["unit"]) if value.get("unit") else ts
    if "$dt" in value:
        return dt.datetime.fromisoformat(value["$dt"])
    if "$date" in value:
        return dt.date.fromisoformat(value["$date"])
    if "$tuple" in value:
        return tuple(_decode(v) for v in value["$tuple"])
    if "$array" in value:
        return np.array(_decode(value["$array"]))
    if "$dict" in value:
        return {_decode(k): _decode(v) for k, v in value["$dict"]}
    return value


def _is_datetime(dtype) -> bool:
    return isinstance(dtype, pd.DatetimeTZDtype) or getattr(dtype, "kind", "") == "M"


def _plain(dtype) -> bool:
    """Columns whose ``tolist()`` is already JSON: numbers, booleans and pandas strings."""
    return getattr(dtype, "kind", "") in "biuf" or (dtype != object and pd.api.types.is_string_dtype(dtype))


def _native(value: Any) -> bool:
    """True when JSON gives the value back unchanged (str, int, float, bool, None, lists of them)."""
    kind = type(value)
    if kind in (str, int, float, bool) or value is None:
        return True
    return kind is list and all(_native(v) for v in value)


def pack_frame(frame: pd.DataFrame) -> bytes:
    """A DataFrame slice as compressed typed JSON, column by column (fast for the usual dtypes)."""
    data, typed, dates, dtypes = {}, [], [], {}
    for col, series in _plain_columns(frame):
        dtypes[str(col)] = str(series.dtype)
        if _is_datetime(series.dtype):
            data[str(col)] = [None if pd.isna(v) else v.isoformat() for v in series]
            dates.append(str(col))
        elif _plain(series.dtype):
            data[str(col)] = series.tolist()
        else:
            values = series.tolist()
            if all(_native(v) for v in values):  # e.g. quote_spans: lists of [start, end]
                data[str(col)] = values
            else:
                data[str(col)] = [_encode(v) for v in values]
                typed.append(str(col))
    doc = {"columns": [str(c) for c in frame.columns], "dtypes": dtypes,
           "n": len(frame), "data": data, "typed": typed, "dates": dates}
    return zlib.compress(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 3)


def _plain_columns(frame: pd.DataFrame):
    """(name, Series) of each column, without the frame's ``attrs``: pandas deep-copies them into
    every column it hands out (the engine's notes, the cache's counts), a third of the time of
    packing an attributed slice, and a stored slice keeps no attrs anyway."""
    if frame.attrs:
        frame = frame.copy(deep=False)
        frame.attrs = {}
    return frame.items()


def unpack_frame(payload: bytes) -> dict:
    return json.loads(zlib.decompress(payload).decode("utf-8"))


def _column(docs: list[dict], col: str, special: set[str] | None = None) -> pd.Series | list:
    """``col`` of every slice; ``special``, when given, the columns some slice holds typed values or dates in."""
    plain = col not in special if special is not None else not any(col in doc["typed"] or col in doc["dates"]
                                                                   for doc in docs)
    text = _text_column(docs, col) if plain else None
    if text is not None:
        return text
    values: list = []
    for doc in docs:
        values.extend(doc["data"][col] if col in doc["data"] else [None] * doc["n"])
    if any(col in doc["typed"] for doc in docs):
        return [_decode(v) for v in values]
    if any(col in doc["dates"] for doc in docs):
        tz = {doc["dtypes"][col] for doc in docs if col in doc["dates"]}
        aware = any("," in t for t in tz)  # "datetime64[ns, UTC]"
        return pd.Series(pd.to_datetime(pd.Series(values, dtype=object), format="ISO8601", utc=aware))
    return values


class ArrowText(Sequence):
    """A slice's text column as its block holds it (an Arrow array, from ``start``, ``n`` values): read as a
    list of Python strings only when something reads it value by value; :func:`assemble` takes the Arrow
    values as they are (turning millions of strings into Python objects and back costs seconds a run)."""

    __slots__ = ("array", "start", "n", "_values")

    def __init__(self, array, start: int, n: int):
        self.array, self.start, self.n, self._values = array, start, n, None

    def __len__(self) -> int:
        return self.n

    def _list(self) -> list:
        if self._values is None:
            self._values = _python_values(self.array.slice(self.start, self.n))
        return self._values

    def __getitem__(self, i):
        return self._list()[i]

    def __iter__(self):
        return iter(self._list())


def _text_column(docs: list[dict], col: str) -> pd.Series | None:
    """The column as pandas' text dtype straight from the blocks' Arrow text, when every slice has it there
    and the values are what a list of them would be inferred as (text, some missing); else None (the
    column is assembled from Python values)."""
    import pyarrow as pa

    parts = [doc["data"].get(col) for doc in docs]
    kinds = set(map(type, parts))
    if ArrowText not in kinds:
        return None  # nothing read from a block: assembled as it always was
    if kinds == {ArrowText}:
        joined = _joined_slices(parts)
        if joined is not None:
            return _text_series(joined)
    arrays, run = [], None  # run: [array, start, n] of neighbouring slices of one block, taken as one slice
    for part in parts:
        if isinstance(part, ArrowText):
            if run is not None and run[0] is part.array and run[1] + run[2] == part.start:
                run[2] += part.n  # a block's articles in their order: thousands of slices are one
                continue
            if run is not None:
                arrays.append(run[0].slice(run[1], run[2]))
            run = [part.array, part.start, part.n]
            continue
        if run is not None:
            arrays.append(run[0].slice(run[1], run[2]))
            run = None
        if isinstance(part, list):  # a slice computed in this run, or read from its own entry
            try:
                arrays.append(pa.array(part, type=pa.large_string()))  # only text and None convert
            except (pa.ArrowInvalid, pa.ArrowTypeError):
                return None
        else:
            return None
    if run is not None:
        arrays.append(run[0].slice(run[1], run[2]))
    return _text_series(arrays[0] if len(arrays) == 1 else pa.concat_arrays(arrays))


def _joined_slices(parts: list[ArrowText]):
    """The slices as one slice of their array when they follow each other in one block (a run with nothing
    new reads its articles in the block's order), else None."""
    array = parts[0].array
    if any(part.array is not array for part in parts):
        return None
    starts = np.fromiter((part.start for part in parts), dtype=np.int64, count=len(parts))
    lengths = np.fromiter((part.n for part in parts), dtype=np.int64, count=len(parts))
    if (starts[1:] != starts[:-1] + lengths[:-1]).any():
        return None
    return array.slice(int(starts[0]), int(lengths.sum()))


def _text_series(joined) -> pd.Series | None:
    if not len(joined) or joined.null_count == len(joined):  # no text to infer a text dtype from
        return None
    return pd.Series(pd.array(joined, dtype="str"))


def assemble(docs: list[dict]) -> pd.DataFrame:
    """One DataFrame from unpacked slices, in order; a column keeps its dtype when all slices agree."""
    columns: list[str] = []
    for doc in docs:
        columns.extend(c for c in doc["columns"] if c not in columns)
    special = {c for doc in docs for part in (doc["typed"], doc["dates"]) for c in part}
    frame = pd.DataFrame({col: _column(docs, col, special) for col in columns}, columns=columns)
    if not columns:
        frame = pd.DataFrame(index=range(sum(doc["n"] for doc in docs)))
    for col in columns:
        seen = {doc["dtypes"].get(col) for doc in docs if doc["n"] and col in doc["dtypes"]}
        if not seen:
            seen = {doc["dtypes"].get(col) for doc in docs if col in doc["dtypes"]}
        if len(seen) == 1:
            target = seen.pop()
            if target and str(frame[col].dtype) != target:
                try:
                    if target.startswith("datetime64[") and "," in target and frame[col].dt.tz is not None:
                        frame[col] = frame[col].dt.tz_convert(target.split(",", 1)[1].strip(" ]"))
                    frame[col] = frame[col].astype(target)
                except (TypeError, ValueError, AttributeError):
                    pass  # e.g. an int column that now holds a None: keep what pandas inferred
    return frame


# ---------------------------------------------------------------- many slices as one block

def _arrow_column(values: list):
    """``values`` (JSON values) as an Arrow array that gives them back as the same Python values: text,
    whole numbers, floats or booleans, each with None; None for anything else (lists, typed values),
    which the block keeps as JSON."""
    import pyarrow as pa

    kinds = {type(v) for v in values if v is not None}
    arrow_type = {frozenset(): pa.null(), frozenset({str}): pa.large_string(), frozenset({bool}): pa.bool_(),
                  frozenset({int}): pa.int64(), frozenset({float}): pa.float64()}.get(frozenset(kinds))
    if arrow_type is None:
        return None
    try:
        return pa.array(values, type=arrow_type)
    except (OverflowError, pa.ArrowInvalid):
        return None  # an int beyond 64 bits


def _python_values(column) -> list:
    """The Python values of a block's Arrow column, as :func:`_arrow_column` was given them."""
    import pyarrow as pa

    if column.null_count == len(column):
        return [None] * len(column)
    if column.null_count and not pa.types.is_large_string(column.type):
        return column.to_pylist()  # numpy would make a missing int or float a NaN
    return column.to_numpy(zero_copy_only=False).tolist()


def pack_block(slices: list[tuple[str, dict]]) -> bytes:
    """Unpacked slices (item, slice) as one block that :func:`unpack_block` reads back: an Arrow stream
    (zstd) of the columns Arrow gives back alike, then the other columns as one compressed JSON document
    (one document, not one per value: encoding and decoding a value at a time costs microseconds each)."""
    import pyarrow as pa

    shapes: dict[str, int] = {}
    items, lengths, shape_of = [], [], []
    data: dict[str, list] = {}
    total = 0
    for item, doc in slices:
        shape = json.dumps([doc["columns"], doc["dtypes"], doc["typed"], doc["dates"]], ensure_ascii=False)
        shape_of.append(shapes.setdefault(shape, len(shapes)))
        items.append(item)
        lengths.append(doc["n"])
        for col in doc["data"]:
            if col not in data:
                data[col] = [None] * total
        for col, values in data.items():
            values.extend(doc["data"][col] if col in doc["data"] else [None] * doc["n"])
        total += doc["n"]
    arrays = {col: _arrow_column(values) for col, values in data.items()}
    as_json = {col: data[col] for col, array in arrays.items() if array is None}
    in_arrow = [col for col, array in arrays.items() if array is not None]
    meta = {"items": items, "n": lengths, "shape": shape_of, "shapes": list(shapes), "arrow": in_arrow}
    table = pa.table({f"c{i}": arrays[col] for i, col in enumerate(in_arrow)},
                     metadata={"kit": json.dumps(meta, ensure_ascii=False)})
    sink = io.BytesIO()
    with pa.ipc.new_stream(sink, table.schema, options=pa.ipc.IpcWriteOptions(compression="zstd")) as writer:
        writer.write_table(table)
    arrow = sink.getvalue()
    rest = zlib.compress(json.dumps(as_json, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)
    return len(arrow).to_bytes(8, "big") + arrow + rest


def block_items(payload: bytes) -> list[str]:
    """Every item a block holds, read from its header alone."""
    import pyarrow as pa

    size = int.from_bytes(payload[:8], "big")
    return json.loads(pa.ipc.open_stream(payload[8:8 + size]).schema.metadata[b"kit"])["items"]


def unpack_block(payload: bytes, wanted: set[str] | None = None) -> dict[str, dict]:
    """Item -> slice, as :func:`unpack_frame` gives them, for the items of a block (those in ``wanted``)."""
    import pyarrow as pa

    size = int.from_bytes(payload[:8], "big")
    table = pa.ipc.open_stream(payload[8:8 + size]).read_all()
    meta = json.loads(table.schema.metadata[b"kit"])
    columns = json.loads(zlib.decompress(payload[8 + size:]).decode("utf-8"))
    shapes = [json.loads(s) for s in meta["shapes"]]
    # Text columns stay in Arrow, each slice a view of them (ArrowText), for assemble to take as they are.
    text = {col: table.column(f"c{i}").combine_chunks() for i, col in enumerate(meta["arrow"])
            if pa.types.is_large_string(table.column(f"c{i}").type)}
    columns.update({col: _python_values(table.column(f"c{i}")) for i, col in enumerate(meta["arrow"]) if col not in text})
    slices, start = {}, 0
    for item, n, shape in zip(meta["items"], meta["n"], meta["shape"]):
        if wanted is None or item in wanted:
            names, dtypes, typed, dates = shapes[shape]
            slices[item] = {"columns": names, "dtypes": dtypes, "n": n, "typed": typed, "dates": dates,
                            "data": {col: ArrowText(text[col], start, n) if col in text else columns[col][start:start + n]
                                     for col in names}}
        start += n
    return slices
