"""The extraction cache's SQLite store (``kit.cache``): where it lives, each entry sealed with a checksum,
damaged files moved aside, a read-only cache read and never written, and ``run_stage``, which gives the
rows of every item of a stage from the cache and computes only the missing ones.

Rows are packed and read by ``kit.cache_frames`` (pandas), imported on first use: ``kit report``'s own
process only asks where the cache lives.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import time
import warnings
import zlib
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from .config import REPO_ROOT

if TYPE_CHECKING:
    import pandas as pd

DB_NAME = "extraction.sqlite"
# New results are stored every this many articles (a killed run keeps what it parsed).
CHUNK_ARTICLES = 100
# Each stage's block (the slices of the last run that wrote it whole, as one Arrow table) is the entry
# (<stage>.block, engine, BLOCK_ITEM); the slices stored since then are a second, small block (DELTA_ITEM),
# so a run that adds a few articles writes those alone. The block is written whole again when what came
# since would pass DELTA_SHARE of it.
BLOCK_STAGE, BLOCK_ITEM, DELTA_ITEM = "{stage}.block", "last run", "since"
DELTA_SHARE = 0.25
# A block larger than this is not stored (SQLite refuses values over 1 GB); the entries are read one by one.
BLOCK_MAX_BYTES = 900_000_000
# SQLite's words for a file that is not (or no longer) a database.
BROKEN_FILE = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
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
        self._whole_block: dict[tuple[str, str], set[str]] = {}  # (stage, engine) -> every item of its block

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
        from .cache_frames import assemble, collection_paused, pack_frame, unpack_frame

        unique = list(dict.fromkeys(items))
        position = {item: i for i, item in reversed(list(enumerate(items)))}
        rejected_before = self.rejected
        with collection_paused():
            candidates = self.get_block(stage, engine, set(unique))
            in_block = set(candidates)
            for item, payload in self.get(stage, engine, [i for i in unique if i not in in_block]).items():
                try:
                    candidates[item] = unpack_frame(payload)
                except (zlib.error, ValueError):
                    self.rejected += 1
            unpacked: dict[str, dict] = {}
            for item, doc in candidates.items():
                try:
                    usable = check is None or check(position[item], doc)
                except (ValueError, KeyError, TypeError, IndexError):
                    usable = False
                if usable:
                    unpacked[item] = doc
                else:
                    self.rejected += 1
        rejected = self.rejected - rejected_before
        self._rejected_note(rejected)
        reused = sum(1 for item in items if item in unpacked)
        missing = sorted(position[item] for item in unique if item not in unpacked)
        stored = set(unpacked)
        step = chunk or max(len(missing), 1)
        for start in range(0, len(missing), step):
            fresh = frames_for(missing[start:start + step])
            packed = {items[i]: (pack_frame(f), len(f)) for i, f in fresh.items()}
            kept = {items[i]: packed[items[i]] for i in fresh if keep is None or keep(i)}
            self.put(stage, engine, kept)
            stored.update(kept)
            unpacked.update({k: unpack_frame(p) for k, (p, _) in packed.items()})
        with collection_paused():
            frame = assemble([unpacked[item] for item in items])
        if missing or stored != in_block:
            whole, redone = self._whole_block.get((stage, engine), set()), {items[i] for i in missing}
            since = [item for item in unique if item in stored and (item not in whole or item in redone)]
            if whole and len(since) <= DELTA_SHARE * len(whole):
                self.put_block(stage, engine, [(item, unpacked[item]) for item in since], part=DELTA_ITEM)
            else:
                self.put_block(stage, engine, [(item, unpacked[item]) for item in unique if item in stored])
                self.put_block(stage, engine, [], part=DELTA_ITEM)
        stats = {"articles": len(items), "parsed": len(missing), "reused": reused, "rejected": rejected}
        return frame, stats

    def get_block(self, stage: str, engine: str, wanted: set[str]) -> dict[str, dict]:
        """Item -> unpacked slice for the items of ``wanted`` in the stage's block and in what was stored
        since (the newer slice of an item wins; see ``kit.cache_frames``); their entries are marked used
        as if each had been read."""
        from .cache_frames import block_items, unpack_block

        rejected = self.rejected
        stored = self.get(BLOCK_STAGE.format(stage=stage), engine, [BLOCK_ITEM, DELTA_ITEM])
        if self.rejected > rejected:  # counted as a block, not as an article
            self.rejected = rejected
            self._note(f"the block of cached {stage} rows in {self.path} did not match its checksum (edited or "
                       "damaged); its articles were read one by one")
        found: dict[str, dict] = {}
        for part in (BLOCK_ITEM, DELTA_ITEM):
            if part not in stored:
                continue
            try:
                found.update(unpack_block(stored[part], wanted))
                if part == BLOCK_ITEM:
                    self._whole_block[(stage, engine)] = set(block_items(stored[part]))
            except Exception as exc:  # noqa: BLE001 - a block that cannot be read is passed over: the entries are read
                self._note(f"the block of cached {stage} rows in {self.path} could not be read ({exc}); "
                           "its articles were read one by one")
        now = time.time()
        self._safely(lambda con: _commit(con, "UPDATE entries SET used=? WHERE stage=? AND engine=? AND item=?",
                                         [(now, stage, engine, item) for item in found]), writes=True)
        return found

    def put_block(self, stage: str, engine: str, slices: list[tuple[str, dict]], part: str = BLOCK_ITEM) -> None:
        """Keep ``slices`` (item, unpacked slice) as the stage's block (``part``: or as what came since it),
        in place of the one before."""
        from .cache_frames import collection_paused, pack_block

        with collection_paused():
            payload = pack_block(slices)
        if len(payload) <= BLOCK_MAX_BYTES:
            self.put(BLOCK_STAGE.format(stage=stage), engine, {part: (payload, sum(doc["n"] for _, doc in slices))})


def _commit(con: sqlite3.Connection, sql: str, rows: list[tuple]) -> bool:
    with con:
        con.executemany(sql, rows)
    return True


def datetime_stamp() -> str:
    """The UTC time as ``20260301T060000Z``, for file names."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
