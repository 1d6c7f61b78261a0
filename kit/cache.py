"""Per-article extraction cache: a re-run parses only the articles it has not seen.

Two stages are cached separately, in one SQLite file ``<cache dir>/extraction.sqlite``:

``quotes``   the statements the quote engine found in one article. Keyed by the article (its id,
             title, source and exact text) and by the engine: ``kit.quotes.ENGINE_VERSION``, the
             spaCy pipeline's name and version, the Russian pipeline's package versions (natasha,
             slovnet, navec, razdel, pymorphy2), and the sha256 of the lexicons the engine reads
             (``data/speech_verbs.yml``).
``speakers`` the attribution columns (actor, camp, role, dates) of that article's statements.
             Keyed by the quotes key, the article's publication date, the versions of
             ``kit.speakers`` and ``kit.when``, and the sha256 of the actor registry's content.

So a new engine version or pipeline re-parses everything; an edited ``actors.yml`` re-attributes
every article without re-parsing any; a new article is parsed and attributed alone.

Nothing in the file is trusted blindly. Each entry carries a sha256 of its stage, keys and
payload, and every cached row must still point at its words in the article
(``text[quote_start:quote_end] == quote``); an entry that fails either check (edited, damaged) is
parsed again and replaced. A damaged file ("database disk image is malformed", "file is not a
database") is moved aside to ``extraction.sqlite.broken-<UTC time>`` and a fresh one started; a cache
on a read-only disk is read and never written. Each of these is a warning, and a note in the
run's ``manifest.json`` (``stages.quotes.notes``). New results are stored every
``CHUNK_ARTICLES`` articles, so a run that is killed keeps what it had parsed.

The cache folder is ``KIT_CACHE_DIR`` when set, else ``.cache/kit`` in the repository checkout
(or ``~/.cache/newsroom-kit`` when the kit is installed as a package). Deleting it is always
safe: the next run re-parses. Values are stored as typed JSON (never pickle), so a cache
restored from somewhere else cannot run code.

In a notebook::

    statements = kit.cache.cached_statements(articles, spacy_model=spacy_model or None)
    statements = kit.cache.cached_attribution(statements, articles, registry)
    statements.attrs["cache"]   # {"articles": 2210, "parsed": 22, "reused": 2188}

``kit.pipeline.attributed_statements`` does both (and applies reporters' corrections).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
import math
import os
import sqlite3
import time
import warnings
import zlib
from contextlib import closing
from dataclasses import fields as dataclass_fields, is_dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

import numpy as np
import pandas as pd

from .config import REPO_ROOT, data_path
from .files import sha256_file
from .nlp import russian_pipeline_version

DB_NAME = "extraction.sqlite"
# Part of every engine key: entries written before entries carried a checksum are never looked up.
CACHE_FORMAT = "2"
# New results are stored every this many articles (a killed run keeps what it parsed).
CHUNK_ARTICLES = 100
# SQLite's words for a file that is not (or no longer) a database.
BROKEN_FILE = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
# The article fields the quote engine may read; a change to any of them re-parses that article.
QUOTE_ARTICLE_FIELDS = ("article_id", "title", "source", "text")
# Lexicons the quote engine reads; editing one re-parses everything.
QUOTE_DATA_FILES = ("speech_verbs.yml",)
SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    stage   TEXT NOT NULL,
    engine  TEXT NOT NULL,
    item    TEXT NOT NULL,
    payload BLOB NOT NULL,
    rows    INTEGER NOT NULL,
    used    REAL NOT NULL,
    PRIMARY KEY (stage, engine, item)
)
"""


# ---------------------------------------------------------------- where the cache lives

def default_cache_dir() -> Path:
    """``KIT_CACHE_DIR``, else ``.cache/kit`` in the repo checkout, else the user's cache folder."""
    if os.environ.get("KIT_CACHE_DIR"):
        return Path(os.environ["KIT_CACHE_DIR"]).expanduser()
    if (REPO_ROOT / "pyproject.toml").exists():
        return REPO_ROOT / ".cache" / "kit"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newsroom-kit"


def resolve_cache_dir(cache_dir: str | Path | None = None) -> Path:
    """The cache folder to use: the argument when given, else :func:`default_cache_dir`."""
    return Path(cache_dir).expanduser() if cache_dir else default_cache_dir()


# ---------------------------------------------------------------- keys

def _canonical(value: Any) -> Any:
    """The same JSON for the same content in every process (sets sorted, dict keys as text)."""
    if is_dataclass(value) and not isinstance(value, type):
        # Field by field, as asdict would give them, without the deep copy asdict makes first (a tenth
        # of a second for the actor registry, which keys the attribution cache on every run).
        return {f.name: _canonical(getattr(value, f.name)) for f in dataclass_fields(value)}
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((_canonical(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True, default=str))
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    pattern = getattr(value, "pattern", None)  # compiled regular expressions
    return f"re:{pattern}" if isinstance(pattern, str) else str(value)


def sha256_text(*parts: Any) -> str:
    """sha256 of the parts as canonical JSON (so ``("a", "bc")`` and ``("ab", "c")`` differ)."""
    blob = json.dumps(_canonical(parts), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _lexicon_hash(path: Path) -> str:
    try:
        return sha256_file(path)
    except OSError:
        return "missing"


def pipeline_id(spacy_model: str | None = None, nlp=None) -> str:
    """``name==version`` of a spaCy pipeline, read from its meta.json without loading it."""
    if nlp is not None:
        return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name')}=={nlp.meta.get('version')}"
    from .nlp import pipeline_name

    name = pipeline_name(spacy_model)
    try:
        # meta.json sits beside the package's __init__; reading it avoids importing spaCy on a warm run.
        spec = importlib.util.find_spec(name)
        meta = json.loads((Path(spec.origin).parent / "meta.json").read_text(encoding="utf-8"))
        return f"{meta.get('lang', 'xx')}_{meta.get('name')}=={meta.get('version')}"
    except Exception:  # noqa: BLE001 - a pipeline given as a path, or not importable: fall back to loading
        from .nlp import load_pipeline

        return pipeline_id(nlp=load_pipeline(name))


def quotes_engine_key(pipeline: str, engine_version: str | None = None) -> str:
    """The key of everything the quote engine's output depends on besides the article."""
    from . import quotes

    version = engine_version if engine_version is not None else str(getattr(quotes, "ENGINE_VERSION", "0"))
    lexicons = {name: _lexicon_hash(data_path(name)) for name in getattr(quotes, "DATA_FILES", QUOTE_DATA_FILES)}
    # Russian and Ukrainian articles are read by natasha: its packages' versions key them too.
    return sha256_text("quotes", CACHE_FORMAT, version, pipeline, lexicons, russian_pipeline_version())


# Where a registry was read from (files, each actor's file and line, messages naming them): not its content.
REGISTRY_PLACES = ("files", "problems")


def registry_hash(registry) -> str:
    """sha256 of an actor registry's content (camps, actors, rules), not of its file layout or of where
    its files are: a checkout moved to another folder keeps its cached attribution."""
    content = _canonical(registry)
    if isinstance(content, dict):
        content = {k: v for k, v in content.items() if k not in REGISTRY_PLACES}
        content["actors"] = [{k: v for k, v in a.items() if k != "_source"} if isinstance(a, dict) else a
                             for a in content.get("actors", [])]
    return sha256_text(content)


def speakers_engine_key(registry, engine_version: str | None = None) -> str:
    """The key of everything attribution depends on besides the article and its statements."""
    from . import speakers, when

    versions = engine_version if engine_version is not None else (
        str(getattr(speakers, "ENGINE_VERSION", "0")), str(getattr(when, "ENGINE_VERSION", "0")))
    return sha256_text("speakers", CACHE_FORMAT, versions, registry_hash(registry))


def article_keys(articles: pd.DataFrame, fields: Iterable[str] = QUOTE_ARTICLE_FIELDS) -> list[str]:
    """One key per article from the fields the quote engine may read."""
    cols = [c for c in fields if c in articles.columns]
    return [sha256_text(*vals) for vals in zip(*(articles[c].tolist() for c in cols))]


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
    data, typed, dates = {}, [], []
    for col in frame.columns:
        series = frame[col]
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
    doc = {"columns": [str(c) for c in frame.columns], "dtypes": {str(c): str(t) for c, t in frame.dtypes.items()},
           "n": len(frame), "data": data, "typed": typed, "dates": dates}
    return zlib.compress(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 3)


def unpack_frame(payload: bytes) -> dict:
    return json.loads(zlib.decompress(payload).decode("utf-8"))


def _column(docs: list[dict], col: str) -> pd.Series | list:
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


def assemble(docs: list[dict]) -> pd.DataFrame:
    """One DataFrame from unpacked slices, in order; a column keeps its dtype when all slices agree."""
    columns: list[str] = []
    for doc in docs:
        columns.extend(c for c in doc["columns"] if c not in columns)
    frame = pd.DataFrame({col: _column(docs, col) for col in columns}, columns=columns)
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


# ---------------------------------------------------------------- the store

class CacheWarning(UserWarning):
    """The cache was damaged, edited or read-only; the run went on (see the message)."""


def seal(stage: str, engine: str, item: str, payload: bytes) -> bytes:
    """``payload`` as stored: a sha256 of where it belongs and what it holds, then the payload.

    The digest covers the stage and keys, so an entry copied onto another article fails too.
    """
    return hashlib.sha256("\0".join((stage, engine, item)).encode() + b"\0" + payload).digest() + payload


def unseal(stage: str, engine: str, item: str, blob: bytes) -> bytes | None:
    """The payload of a stored entry, or None when its checksum does not match."""
    payload = bytes(blob[32:])
    return payload if len(blob) > 32 and seal(stage, engine, item, payload)[:32] == bytes(blob[:32]) else None


class ExtractionCache:
    """The SQLite store behind :func:`cached_statements` and :func:`cached_attribution`.

    ``notes`` lists, in plain words, what went wrong and what was done about it (a damaged file
    moved aside, entries that failed their check, a read-only cache); each is also a
    :class:`CacheWarning`.
    """

    def __init__(self, cache_dir: str | Path | None = None):
        self.dir = resolve_cache_dir(cache_dir)
        self.path = self.dir / DB_NAME
        self.notes: list[str] = []
        self.read_only = False
        self.unusable = False
        self.rejected = 0
        self._inode = None

    def _note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)
            warnings.warn(message, CacheWarning, stacklevel=4)

    def _writable(self) -> bool:
        if not self.read_only:
            try:
                self.dir.mkdir(parents=True, exist_ok=True)
                self.read_only = not (os.access(self.dir, os.W_OK)
                                      and (not self.path.exists() or os.access(self.path, os.W_OK)))
            except OSError:
                self.read_only = True
        return not self.read_only

    def _connect(self) -> sqlite3.Connection:
        if self._writable():
            con = sqlite3.connect(self.path, timeout=60)
            con.execute(SCHEMA)
        else:
            con = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=60)
        try:
            self._inode = self.path.stat().st_ino
        except OSError:
            pass
        return con

    def _safely(self, action: Callable[[sqlite3.Connection], Any], default: Any = None, writes: bool = False) -> Any:
        """``action(connection)``; a damaged file is moved aside once and the action retried on a new one."""
        for attempt in range(2):
            if self.unusable or (writes and not self._writable()) or (not writes and not self.path.exists()):
                return default
            try:
                with closing(self._connect()) as con:
                    return action(con)
            except sqlite3.DatabaseError as exc:
                name = getattr(exc, "sqlite_errorname", "")
                if name.startswith("SQLITE_READONLY") or (writes and "readonly" in str(exc)):
                    self.read_only = True
                    return default
                if not name.startswith(BROKEN_FILE) or attempt:
                    raise
                self._set_aside(exc)
        return default

    def _set_aside(self, error: Exception) -> None:
        stamp = datetime_stamp()
        target = self.path.with_name(f"{DB_NAME}.broken-{stamp}")
        try:
            if self._inode is None or self.path.stat().st_ino == self._inode:  # not a fresh file another run made
                os.replace(self.path, target)
                for extra in ("-journal", "-wal", "-shm"):
                    Path(f"{self.path}{extra}").unlink(missing_ok=True)
        except FileNotFoundError:
            pass  # another run moved it aside first
        except OSError:
            self.unusable = True
            self._note(f"the extraction cache {self.path} is damaged ({error}) and cannot be moved aside; "
                       "it is not used in this run")
            return
        self._note(f"the extraction cache {self.path} was damaged ({error}); it was moved aside to {target.name} "
                   "and a new one started (articles in it are parsed again)")

    def get(self, stage: str, engine: str, items: list[str]) -> dict[str, bytes]:
        """Payloads found for ``items`` whose checksum holds (missing or failing ones are absent)."""
        if not items:
            return {}

        def read(con: sqlite3.Connection) -> dict[str, bytes]:
            found: dict[str, bytes] = {}
            for i in range(0, len(items), 500):
                chunk = items[i:i + 500]
                marks = ",".join("?" * len(chunk))
                found.update(con.execute(
                    f"SELECT item, payload FROM entries WHERE stage=? AND engine=? AND item IN ({marks})",
                    [stage, engine, *chunk]).fetchall())
            return found

        stored = self._safely(read, {})
        found = {item: unseal(stage, engine, item, blob) for item, blob in stored.items()}
        self.rejected += sum(payload is None for payload in found.values())
        found = {item: payload for item, payload in found.items() if payload is not None}
        if found:
            now = time.time()
            self._safely(lambda con: _commit(con, "UPDATE entries SET used=? WHERE stage=? AND engine=? AND item=?",
                                             [(now, stage, engine, item) for item in found]), writes=True)
        return found

    def _rejected_note(self, n: int) -> None:
        if n:
            self._note(f"{n} cached entr{'y' if n == 1 else 'ies'} in {self.path} did not match "
                       f"{'its' if n == 1 else 'their'} article or checksum (edited or damaged) and "
                       f"{'was' if n == 1 else 'were'} parsed again")

    def put(self, stage: str, engine: str, payloads: dict[str, tuple[bytes, int]]) -> None:
        """Store payloads in one transaction: a crash leaves the cache as it was before."""
        if not payloads:
            return
        now = time.time()
        rows = [(stage, engine, item, seal(stage, engine, item, p), n, now) for item, (p, n) in payloads.items()]
        done = self._safely(lambda con: _commit(con, "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?)", rows),
                            default=False, writes=True)
        if not done and self.read_only:
            self._note(f"the extraction cache {self.dir} is read-only: it was read, and articles parsed in this "
                       "run were not added to it")

    def counts(self) -> dict[str, int]:
        """Entries per stage, for ``kit cache`` style summaries and tests."""
        return self._safely(lambda con: dict(con.execute("SELECT stage, COUNT(*) FROM entries GROUP BY stage").fetchall()),
                            {})

    def prune(self, older_than_days: float) -> int:
        """Drop entries not used for ``older_than_days``; returns how many were dropped."""
        cutoff = time.time() - older_than_days * 86400

        def drop(con: sqlite3.Connection) -> int:
            with con:
                n = con.execute("DELETE FROM entries WHERE used < ?", (cutoff,)).rowcount
            con.execute("VACUUM")
            return n

        return self._safely(drop, 0, writes=True) if self.path.exists() else 0

    def run_stage(self, stage: str, engine: str, items: list[str],
                  frames_for: Callable[[list[int]], dict[int, pd.DataFrame]],
                  check: Callable[[int, dict], bool] | None = None,
                  chunk: int | None = CHUNK_ARTICLES,
                  keep: Callable[[int], bool] | None = None) -> tuple[pd.DataFrame, dict[str, int]]:
        """Rows for every item: cached slices, plus ``frames_for(missing positions)`` computed and stored.

        ``frames_for`` gets the positions of the items not in the cache and returns one DataFrame per
        position; it is called ``chunk`` positions at a time (None: all at once), and each chunk is
        stored before the next, so a killed run keeps what it had done. ``check(position, slice)``,
        given an unpacked cached slice, says whether it can be used; one that fails is computed again.
        ``keep(position)``, asked after computing, says whether a slice may be stored (an article the
        engine skipped for time is used in this run and computed again in the next).
        The result is always assembled from stored slices, so a cold and a warm run give the same frame.
        """
        unique = list(dict.fromkeys(items))
        position = {item: i for i, item in reversed(list(enumerate(items)))}
        unpacked: dict[str, dict] = {}
        rejected_before = self.rejected
        for item, payload in self.get(stage, engine, unique).items():
            try:
                doc = unpack_frame(payload)
                usable = check is None or check(position[item], doc)
            except (zlib.error, ValueError, KeyError, TypeError, IndexError):
                usable = False
            if usable:
                unpacked[item] = doc
            else:
                self.rejected += 1
        rejected = self.rejected - rejected_before
        self._rejected_note(rejected)
        reused = sum(1 for item in items if item in unpacked)
        missing = sorted(position[item] for item in unique if item not in unpacked)
        step = chunk or max(len(missing), 1)
        for start in range(0, len(missing), step):
            fresh = frames_for(missing[start:start + step])
            packed = {items[i]: (pack_frame(f), len(f)) for i, f in fresh.items()}
            self.put(stage, engine, {items[i]: packed[items[i]] for i in fresh if keep is None or keep(i)})
            unpacked.update({k: unpack_frame(p) for k, (p, _) in packed.items()})
        frame = assemble([unpacked[item] for item in items])
        stats = {"articles": len(items), "parsed": len(missing), "reused": reused, "rejected": rejected}
        return frame, stats


def _commit(con: sqlite3.Connection, sql: str, rows: list[tuple]) -> bool:
    with con:
        con.executemany(sql, rows)
    return True


def datetime_stamp() -> str:
    """The UTC time as ``20260301T060000Z``, for file names."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def rows_point_at_text(doc: dict, article_id: str, text: str) -> bool:
    """True when every row of an unpacked slice belongs to ``article_id`` and its quote is the
    article's text at its offsets (rows without offsets, -1, aside)."""
    data = doc["data"]
    if not doc["n"]:
        return True
    ids, starts, ends, quotes = (data[c] for c in ("article_id", "quote_start", "quote_end", "quote"))
    return all(a == article_id and (s < 0 or text[s:e] == q) for a, s, e, q in zip(ids, starts, ends, quotes))


# ---------------------------------------------------------------- what notebooks call

def _split_by_article(frame: pd.DataFrame, ids: list[str]) -> dict[str, pd.DataFrame]:
    groups = {k: g for k, g in frame.groupby("article_id", sort=False)} if len(frame) else {}
    empty = frame.iloc[0:0]
    return {i: groups.get(i, empty) for i in ids}


def statement_hashes(statements: pd.DataFrame, ids: list[str]) -> dict[str, str]:
    """A content hash of each article's statements (all columns, in order), computed in one pass."""
    hashable = statements.reset_index(drop=True).copy()
    for col in hashable.columns:
        if hashable[col].dtype == object:
            hashable[col] = [repr(v) for v in hashable[col].tolist()]
    rows = pd.util.hash_pandas_object(hashable, index=False).to_numpy()
    schema = sha256_text([str(c) for c in statements.columns], [str(t) for t in statements.dtypes])
    positions = statements.reset_index(drop=True).groupby("article_id", sort=False).indices
    return {a: hashlib.sha256(schema.encode() + rows[positions[a]].tobytes()).hexdigest() for a in ids}


def cached_statements(articles: pd.DataFrame, *, extract: Callable | None = None, nlp=None,
                      spacy_model: str | None = None, cache_dir: str | Path | None = None,
                      engine_version: str | None = None, chunk: int | None = CHUNK_ARTICLES) -> pd.DataFrame:
    """The ``statements`` table (see ``kit.quotes``), parsing only articles not in the cache.

    Articles not in the cache go to ``extract(articles, nlp=nlp)`` if given (which then loads the
    pipeline itself when ``nlp`` is None), else to ``kit.extract_quotes`` with ``nlp`` or the
    pipeline ``spacy_model``, loaded only when some article has to be parsed; ``chunk`` articles
    at a time, each chunk stored before the next. A cached slice is used only when each row's quote
    is still the article's text at its offsets.
    ``statements.attrs["cache"]`` says how many articles were parsed, reused and rejected (cached
    but failing a check); ``statements.attrs["cache_notes"]`` what went wrong with the cache, if anything;
    ``notes`` and ``skipped`` the engine's notes on the articles parsed (see ``kit.extract_quotes``).
    A skipped article is not stored, so the next run tries it again.
    """
    from . import quotes

    if not articles["article_id"].is_unique:
        raise ValueError("articles must have distinct article_id values to be cached "
                         "(kit.load_articles guarantees this)")
    engine = quotes_engine_key(pipeline_id(spacy_model, nlp), engine_version)
    ids = articles["article_id"].tolist()
    notes, skipped = [], set()  # the engine's notes on the articles parsed in this run

    def parse(positions: list[int]) -> dict[int, pd.DataFrame]:
        from .nlp import load_pipeline

        subset = articles.iloc[positions]
        if extract is not None:
            frame = extract(subset, nlp=nlp)
        else:
            frame = quotes.extract_quotes(subset, nlp=nlp if nlp is not None else load_pipeline(spacy_model))
        notes.extend(frame.attrs.get("notes", []))
        skipped.update(frame.attrs.get("skipped", []))
        per_article = _split_by_article(frame, subset["article_id"].tolist())
        return {pos: per_article[ids[pos]] for pos in positions}

    texts = articles["text"].tolist()
    store = ExtractionCache(cache_dir)
    statements, stats = store.run_stage("quotes", engine, article_keys(articles), parse,
                                        check=lambda pos, doc: rows_point_at_text(doc, ids[pos], texts[pos]),
                                        chunk=chunk, keep=lambda pos: ids[pos] not in skipped)
    statements.attrs.update(cache=stats, cache_notes=store.notes, notes=notes, skipped=sorted(skipped))
    return statements


def cached_attribution(statements: pd.DataFrame, articles: pd.DataFrame, registry=None, *,
                       attribute: Callable | None = None, cache_dir: str | Path | None = None,
                       engine_version: str | None = None) -> pd.DataFrame:
    """``kit.attribute_statements`` per article, reusing earlier results for unchanged articles.

    An article is re-attributed when its statements, its publication date or the registry changed.
    """
    from . import speakers
    from .registry import load_registry

    registry = registry if registry is not None else load_registry()
    attribute = attribute or speakers.attribute_statements
    texts = articles.drop_duplicates("article_id").set_index("article_id")["text"] if "text" in articles else None
    check = None if texts is None else (lambda article_id, doc: rows_point_at_text(doc, article_id, texts[article_id]))
    return per_article_stage("speakers", speakers_engine_key(registry, engine_version), statements, articles,
                             lambda part, rows: attribute(part, rows, registry), fields=("published",),
                             cache_dir=cache_dir, check=check)


def per_article_stage(stage: str, engine: str, statements: pd.DataFrame, articles: pd.DataFrame,
                      compute: Callable[[pd.DataFrame, pd.DataFrame], pd.DataFrame], *,
                      fields: Iterable[str] = (), cache_dir: str | Path | None = None,
                      check: Callable[[str, dict], bool] | None = None) -> pd.DataFrame:
    """``compute(statements of some articles, those articles)`` per article, stored under ``stage`` and
    ``engine`` and reused while an article's statements and its ``fields`` are unchanged.

    ``compute`` returns rows carrying ``article_id``; ``check(article_id, unpacked slice)`` may refuse
    a stored slice. The frame is always assembled from stored slices, so a cold and a warm run give the
    same frame. ``frame.attrs["cache"]`` and ``["cache_notes"]`` say what was reused and what went wrong.
    """
    articles = articles.drop_duplicates("article_id")
    # Row positions per article: a warm run computes few articles, so only their rows are cut out.
    rows_of = statements.groupby("article_id", sort=False).indices if len(statements) else {}
    ids = [a for a in articles["article_id"] if a in rows_of]
    if not ids:
        frame = compute(statements, articles.iloc[0:0])
        frame.attrs.update(cache={"articles": 0, "parsed": 0, "reused": 0, "rejected": 0}, cache_notes=[])
        return frame
    rows = articles.set_index("article_id", drop=False).loc[ids]
    stmt_hash = statement_hashes(statements, ids)
    fields = [c for c in fields if c in rows.columns]
    items = [sha256_text(a, stmt_hash[a], *(str(v) for v in values))
             for a, *values in zip(ids, *(rows[c].tolist() for c in fields))]

    def compute_some(positions: list[int]) -> dict[int, pd.DataFrame]:
        chosen = [ids[p] for p in positions]
        part = statements.iloc[np.concatenate([rows_of[a] for a in chosen])].reset_index(drop=True)
        per_article = _split_by_article(compute(part, rows.loc[chosen].reset_index(drop=True)), chosen)
        return {p: per_article[ids[p]] for p in positions}

    store = ExtractionCache(cache_dir)
    frame, stats = store.run_stage(stage, engine, items, compute_some,
                                   check=None if check is None else (lambda pos, doc: check(ids[pos], doc)))
    frame.attrs.update(cache=stats, cache_notes=store.notes)
    return frame
