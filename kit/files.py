"""Files the kit writes, and the rules it keeps when writing them.

* :func:`atomic_path` / :func:`atomic_write_bytes` / :func:`write_json` / :func:`write_frame`:
  every file is written to a temporary file beside it and renamed, so a reader never sees half a
  table and a failure (a full disk, Ctrl-C) leaves the old file, or none.
* :func:`sha256_file`: the hash a manifest or a cache key records for a file.
* :func:`slugify`, :func:`safe_name`, :func:`inside`: names made from titles and ids never
  escape the output folder.
* :func:`refuse_inside_inputs`: the kit never writes into, or over, its inputs.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator

MAX_NAME = 80
FRAME_SUFFIXES = (".csv", ".jsonl", ".parquet", ".xlsx")


# ---------------------------------------------------------------- writing atomically

@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; renamed over ``path`` when the block ends.

    If the block raises (a full disk, Ctrl-C), the temporary file is removed and ``path`` keeps
    its old content, or stays absent. The folder is made if needed.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, flushed to disk before the rename."""
    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def write_json(path: str | Path, data: Any) -> None:
    """Write JSON atomically (temporary file, then rename)."""
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))


def _for_excel(frame):
    import pandas as pd

    out = frame.copy()
    for col in out.columns:
        if isinstance(out[col].dtype, pd.DatetimeTZDtype):
            out[col] = out[col].dt.tz_convert("UTC").dt.tz_localize(None)
        elif out[col].dtype == object:
            out[col] = out[col].map(lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
    return out


def _lists_as_json(frame):
    # List cells (an article's ``paths``, a quote's ``quote_spans``) as JSON, which a spreadsheet
    # shows and a script reads back.
    lists = [c for c in frame.columns if frame[c].dtype == object
             and frame[c].map(lambda v: isinstance(v, (list, tuple))).any()]
    if not lists:
        return frame
    return frame.assign(**{c: frame[c].map(lambda v: json.dumps(list(v)) if isinstance(v, (list, tuple)) else v)
                           for c in lists})


def write_frame(frame, path: str | Path, sheet_name: str | None = None) -> Path:
    """Write a DataFrame atomically, in the format its suffix names: .csv, .jsonl, .parquet or .xlsx.

    CSV rows end in ``\\n`` on every system, so the same table gives the same bytes.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FRAME_SUFFIXES:
        raise ValueError(f"unknown output type '{suffix}': use {', '.join(FRAME_SUFFIXES)}")
    with atomic_path(path) as tmp:
        if suffix == ".csv":
            _lists_as_json(frame).to_csv(tmp, index=False, lineterminator="\n")
        elif suffix == ".jsonl":
            frame.to_json(tmp, orient="records", lines=True, date_format="iso", force_ascii=False)
        elif suffix == ".parquet":
            frame.to_parquet(tmp, index=False)
        else:
            _for_excel(frame).to_excel(tmp, index=False, sheet_name=(sheet_name or path.stem)[:31], engine="openpyxl")
    return path


# ---------------------------------------------------------------- hashing

def sha256_file(path: str | Path) -> str:
    """sha256 of a file's bytes, read a megabyte at a time."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# ---------------------------------------------------------------- safe names

def slugify(text: str, max_len: int = 60) -> str:
    """A safe single path component made from a title: lower-case ASCII words and dashes.

    ``../../etc``, ``/abs/path``, NUL bytes and 10,000-character titles all become a short,
    harmless folder name; an empty result becomes ``report``.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")[:max_len].strip("-")
    return slug or "report"


def safe_name(name: str, max_len: int = MAX_NAME) -> str:
    """A file name for an output (table, chart) made from a title, id or parameter.

    Keeps letters, digits, ``-``, ``_`` and ``.``; everything else (``/``, ``\\``, NUL, spaces)
    becomes ``_``; leading dots are dropped so the name is never ``..`` or hidden; long names are
    cut and given a short hash so two long names stay distinct.
    """
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", str(name)).lstrip(".") or "unnamed"
    if len(cleaned) > max_len:
        digest = hashlib.sha256(str(name).encode("utf-8", "surrogatepass")).hexdigest()[:8]
        cleaned = f"{cleaned[:max_len - 9]}-{digest}"
    return cleaned


def inside(root: str | Path, *parts: str) -> Path:
    """``root/parts...`` after checking it stays inside ``root``; raises ValueError if it escapes."""
    root = Path(root).resolve()
    for part in parts:
        if "\x00" in str(part):
            raise ValueError(f"output name {part!r} contains a NUL byte")
    target = root.joinpath(*parts).resolve()
    if target != root and root not in target.parents:
        raise ValueError(f"output name {'/'.join(map(str, parts))!r} would write outside {root}")
    return target


# ---------------------------------------------------------------- inputs are only read

def input_holding(target: str | Path, inputs: Iterable[str | Path]) -> Path | None:
    """The input file or folder that ``target`` would be written over or into, if any."""
    where = Path(target).resolve()
    for item in inputs or []:
        src = Path(item)
        if src.exists() and (where == src.resolve() or (src.is_dir() and where.is_relative_to(src.resolve()))):
            return src
    return None


def refuse_inside_inputs(target: str | Path, inputs: Iterable[str | Path], error: type[Exception] = ValueError) -> None:
    """Raise ``error`` when ``target`` is one of ``inputs`` or inside an input folder."""
    holder = input_holding(target, inputs)
    if holder is not None:
        raise error(f"{target} is inside the input {holder}: the kit never writes among its inputs")
