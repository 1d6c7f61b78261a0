"""Files the kit writes, and the rules it keeps when writing them.

* :func:`atomic_path` / :func:`atomic_write_bytes` / :func:`write_json` / :func:`write_frame`:
  every file is written to a temporary file beside it and renamed, so a reader never sees half a
  table and a failure (a full disk, Ctrl-C) leaves the old file, or none. A new file gets the mode
  the umask gives (0644 under the usual 022), whoever wrote it.
* :func:`spreadsheet_cell` / :func:`spreadsheet_text`: text bound for a spreadsheet (CSV, .xlsx)
  never starts like a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return get a ``'`` in
  front, the OWASP rule); Parquet and JSON Lines keep the text exact.
* :func:`sha256_file`: the hash a manifest or a cache key records for a file.
* :func:`slugify`, :func:`safe_name`, :func:`inside`: names made from titles and ids never
  escape the output folder; Cyrillic titles are transliterated, and a title that leaves no
  letters, or is cut, gets a short hash so two titles never share a folder.
* :func:`refuse_inside_inputs`: the kit never writes into, or over, its inputs.
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import tempfile
import unicodedata
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

MAX_NAME = 80
FRAME_SUFFIXES = (".csv", ".jsonl", ".parquet", ".xlsx")
# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# ... except a plain number ("-3", "+1.5e3"), which it reads as that number, harmlessly.
PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
# Characters an .xlsx file (XML) cannot hold: C0 controls other than tab, newline, carriage return.
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Bidirectional controls: embeddings, overrides, isolates, marks. Invisible, yet "We will \u202etpecca
# ton\u202c the deal" displays as "... not accept ..." while the text says the opposite.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


@lru_cache(maxsize=1)
def new_file_mode() -> int:
    """The mode a new file gets under this process's umask (0o644 under the usual 022)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


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
        # mkstemp makes the file 0600; a replaced file keeps its mode, a new one gets the umask's,
        # so every file of a run folder has the same mode.
        try:
            mode = path.stat().st_mode & 0o7777
        except OSError:
            mode = new_file_mode()
        os.chmod(tmp, mode)
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


# ---------------------------------------------------------------- spreadsheets

def _formula_like(text: str) -> bool:
    # Apostrophes in front are looked through, so a cell that already has one gets one more.
    rest = text.lstrip("'")
    return rest[:1] in FORMULA_START and not PLAIN_NUMBER.fullmatch(rest)


def spreadsheet_cell(value: Any) -> Any:
    """``value`` as a spreadsheet shows it without running it: text that starts like a formula
    (``=HYPERLINK(...)``, ``+1``, ``-x``, ``@SUM``, a tab or carriage return first) gets a ``'`` in
    front; numbers, and text that is a plain number (``-3``), stay as they are.

    A ``'`` already in front of such text is doubled, so :func:`unspreadsheet_cell` gives back
    exactly what was written.
    """
    if isinstance(value, str) and _formula_like(value):
        return "'" + value
    return value


def unspreadsheet_cell(value: Any) -> Any:
    """The text :func:`spreadsheet_cell` was given (for reading back a CSV the kit wrote)."""
    if isinstance(value, str) and value[:1] == "'" and _formula_like(value[1:]):
        return value[1:]
    return value


def _text_columns(frame) -> list:
    return [c for c in frame.columns if frame[c].dtype == object or str(frame[c].dtype).startswith("str")]


def spreadsheet_text(frame):
    """A copy of ``frame`` whose text cells are safe to open in a spreadsheet (:func:`spreadsheet_cell`)."""
    return _map_text(frame, spreadsheet_cell, FORMULA_START + ("'",))


def read_spreadsheet_text(frame):
    """A CSV the kit wrote, read back with ``dtype=str``: the text as it was before :func:`spreadsheet_text`."""
    return _map_text(frame, unspreadsheet_cell, ("'",))


def _cells_starting(column, starts: tuple[str, ...]) -> list[int]:
    """The positions of the cells of ``column`` that are text starting with one of the characters ``starts``."""
    import numpy as np
    import pandas as pd

    if isinstance(column.dtype, pd.StringDtype) and all(len(c) == 1 and ord(c) < 256 for c in starts):
        # Asked of the whole column at once (in C for Arrow-backed text), not cell by cell in Python.
        first = "^[" + "".join(f"\\x{ord(c):02x}" for c in starts) + "]"
        return np.flatnonzero(column.str.contains(first, regex=True).fillna(False).to_numpy(dtype=bool)).tolist()
    return [i for i, v in enumerate(column.tolist()) if isinstance(v, str) and v[:1] in starts]


def _any_text_holding(column, char: str) -> bool:
    """Whether a cell of ``column`` is text holding ``char``."""
    import pandas as pd

    if isinstance(column.dtype, pd.StringDtype):
        return bool(column.str.contains(char, regex=False).fillna(False).any())
    return any(isinstance(v, str) and char in v for v in column.tolist())


def _map_text(frame, change, starts: tuple[str, ...]):
    # ``change`` leaves a cell as it is unless it starts with one of ``starts``: only those cells are changed
    # (a White House who-said-what table has 200,000 quotes, a few dozen of which start with a dash).
    out = frame.copy()
    for col in _text_columns(out):
        at = _cells_starting(out[col], starts)
        if at:
            values = out[col].tolist()
            for i in at:
                values[i] = change(values[i])
            out[col] = values
    return out


def mark_characters(text: str, pattern: re.Pattern) -> str:
    """``text`` with every character ``pattern`` matches shown as a visible mark, e.g. ``⟨U+000B⟩``."""
    return pattern.sub(lambda m: "".join(f"\u27e8U+{ord(c):04X}\u27e9" for c in m.group()), text)


def _for_excel(frame):
    import pandas as pd

    out = frame.copy()
    for col in out.columns:
        if isinstance(out[col].dtype, pd.DatetimeTZDtype):
            out[col] = out[col].dt.tz_convert("UTC").dt.tz_localize(None)
        elif out[col].dtype == object or str(out[col].dtype).startswith("str"):
            # Lists as "a; b"; a control character (a vertical tab from Word) shown as a mark, since
            # an .xlsx file cannot hold it; the CSV and Parquet files keep it.
            out[col] = out[col].map(lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple))
                                    else mark_characters(v, XML_ILLEGAL) if isinstance(v, str) else v)
    return spreadsheet_text(out)


def _lists_as_json(frame):
    # List cells (an article's ``paths``, a quote's ``quote_spans``) as JSON, which a spreadsheet
    # shows and a script reads back.
    lists = [c for c in frame.columns if frame[c].dtype == object
             and frame[c].map(lambda v: isinstance(v, (list, tuple))).any()]
    if not lists:
        return frame
    return frame.assign(**{c: frame[c].map(lambda v: json.dumps(list(v)) if isinstance(v, (list, tuple)) else v)
                           for c in lists})


def csv_ready(frame) -> tuple[Any, int]:
    """``frame`` as the kit writes it to CSV (lists as JSON, text safe for a spreadsheet), and how its
    cells are quoted: every cell when one holds a bare "\\r" (Python's csv module quotes a cell holding
    "\\n" but not one holding a bare "\\r", which every reader takes for the end of a row), else as needed."""
    table = spreadsheet_text(_lists_as_json(frame))
    bare_cr = any(_any_text_holding(table[c], "\r") for c in _text_columns(table))
    return table, csv.QUOTE_ALL if bare_cr else csv.QUOTE_MINIMAL


def write_frame(frame, path: str | Path, sheet_name: str | None = None) -> Path:
    """Write a DataFrame atomically, in the format its suffix names: .csv, .jsonl, .parquet or .xlsx.

    CSV rows end in ``\\n`` on every system, so the same table gives the same bytes. CSV and .xlsx
    text is made safe for a spreadsheet (:func:`spreadsheet_text`); .parquet and .jsonl keep it exact.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FRAME_SUFFIXES:
        raise ValueError(f"unknown output type '{suffix}': use {', '.join(FRAME_SUFFIXES)}")
    with atomic_path(path) as tmp:
        if suffix == ".csv":
            table, quoting = csv_ready(frame)
            table.to_csv(tmp, index=False, lineterminator="\n", quoting=quoting)
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

# Russian, Ukrainian and Belarusian letters in Latin (a simplified BGN/PCGN), for folder names.
CYRILLIC_LATIN = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїґў",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
     "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "ye", "i", "yi", "g", "u"]))
SLUG_HASH = 6


def transliterate(text: str) -> str:
    """Lower-case ``text`` in Latin letters where it can be: Cyrillic by table, accents dropped
    ("Путин в Киеве" -> "putin v kieve", "Café" -> "cafe"); other scripts are left as they are."""
    lowered = unicodedata.normalize("NFKC", str(text)).lower()
    latin = "".join(CYRILLIC_LATIN.get(ch, ch) for ch in lowered)
    return "".join(ch for ch in unicodedata.normalize("NFKD", latin) if not unicodedata.combining(ch))


def slugify(text: str, max_len: int = 60) -> str:
    """A safe single path component made from a title: lower-case ASCII words and dashes.

    ``../../etc``, ``/abs/path``, NUL bytes and 10,000-character titles all become a short,
    harmless folder name. Cyrillic is transliterated; when letters, digits or emoji had to be left
    out (an emoji or Chinese title: ``report-1a2b3c``) or the slug is cut at ``max_len``, a short
    hash of the whole title is added, so different titles get different folders. A blank title
    becomes ``report``.
    """
    text = str(text)
    latin = transliterate(text)
    slug = re.sub(r"[^a-z0-9]+", "-", latin).strip("-")
    lost = any(not ch.isascii() and (unicodedata.category(ch)[0] in "LN" or unicodedata.category(ch) == "So")
               for ch in latin)
    if len(slug) <= max_len and not lost:
        return slug or "report"
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:SLUG_HASH]
    head = slug[:max_len - SLUG_HASH - 1].strip("-") or "report"
    return f"{head}-{digest}"


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
