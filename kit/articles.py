"""Stage 1: load articles from files into one tidy ``articles`` table.

``load_articles(paths)`` returns a :class:`Loaded` pair of DataFrames. ``paths`` may be files,
folders (searched recursively; hidden files and folders are left out) or glob patterns
(``"exports/**/*.jsonl"``). Formats, by file suffix (a trailing ``.gz`` is decompressed first):

    .txt .md            one article; optional YAML front matter, else a short first line is the title
                        (when text follows it)
    .json               an object, a list of objects, or an object holding one list of objects
    .jsonl              one object per line
    .csv .tsv           a header row, one article per row (fields may hold newlines)
    .html .htm          a saved web page: main text and metadata by trafilatura
    .xml .rss .atom     an RSS or Atom feed: one article per entry (feedparser)

Record fields are matched to columns by name (``text``, ``title``, ``published``, ``source``,
``url``, ``id``, ``author``) or a common alias (``body``, ``headline``, ``date``, ``link``…);
``field_map={"body": "text"}`` renames any other field.

Every input gets a row in ``inputs``; an input that cannot be read is skipped with a plain-English
reason and the rest still load (``strict=True`` raises :class:`InputsSkipped` instead). Files named
README*/NOTICE*/LICENSE*… inside folders are skipped as documentation (``ignore=()`` loads them).
Input files are only ever read.

``articles`` columns (one row per distinct article):
    article_id        str   the input's ``id`` where given, else the first 12 hex digits of content_hash
    title             str   headline ("" when unknown)
    text              str   body text as given, other line breaks (a lone CR, U+2028…) made LF one for one
                            (same length, so quote offsets refer to it and to the file's text alike)
    published         datetime64[ns, UTC]  publication time, NaT when unknown (never invented)
    published_from    str   where the date came from: front_matter | field | html | feed | dateline |
                            filename | "" (unknown)
    source            str   outlet or publisher ("" when unknown)
    url               str   link to the original ("" when unknown)
    path              str   file the article came from (the copy kept, when it came from several)
    record            int   record number within the file (0 for single-article files)
    content_hash      str   sha256 of the normalised text
    published_offset  str   the UTC offset the date was given with ("+03:00"; "" when none was given)
    paths             list  every file (``path#record`` for multi-record files) holding this exact text
    near_duplicate_of str   article_id of the earliest-published article with nearly the same text ("" when none)
    note              str   warnings about this article, e.g. "no date found" ("" when none)
    language          str   ru, uk, en, und (undetermined) or "" (no letters), from the share of Cyrillic
                            and Ukrainian-only letters (``kit.language``); the quote engine routes on it
    ... any other front-matter or record fields (author, license, …), kept as text columns: the 100
                            most common names in the load; beyond that a row's other fields go, as JSON, to
    other_fields      str   (only then) ("" when none)

Article ids never depend on the order of ``paths``: clashes and exact duplicates are settled from the
texts and their own ids (see :class:`Gathering`).

``inputs`` columns (one row per file, and per record of multi-record files):
    path, record (-1 for a whole file or folder), status (loaded | duplicate | skipped),
    reason (plain English, "" when loaded), article_id, input_id (the record's own id, if any),
    format (txt, jsonl, html, …), note (warnings on a loaded input, "" when none)
"""
from __future__ import annotations

import csv
import errno
import glob
import gzip
import hashlib
import io
import json
import math
import os
import re
import stat
import sys
import unicodedata
import zlib
from array import array
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from fnmatch import fnmatch
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np
import pandas as pd
import yaml

from .language import detect_language

ARTICLE_COLUMNS = [
    "article_id", "title", "text", "published", "published_from", "source", "url",
    "path", "record", "content_hash", "published_offset", "paths", "near_duplicate_of", "note", "language",
]
INPUT_COLUMNS = ["path", "record", "status", "reason", "article_id", "input_id", "format", "note", "bytes", "sha256"]

FORMATS = {
    ".txt": "txt", ".md": "md", ".markdown": "md",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "tsv",
    ".html": "html", ".htm": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
MULTI_RECORD_FORMATS = {"json", "jsonl", "csv", "tsv", "feed"}
SUPPORTED_SUFFIXES = set(FORMATS)

# Files found inside a folder whose names match these are documentation, not articles. Naming such
# a file directly still loads it; pass ignore=() to load everything.
DEFAULT_IGNORE = ("README*", "NOTICE*", "LICENSE*", "LICENCE*", "COPYING*", "CHANGELOG*", "CONTRIBUTING*")
IGNORED = "ignored"

# Field names other tools use for the columns the kit needs (matched case-insensitively).
FIELD_ALIASES = {
    "text": ("text", "body", "content", "article", "article_text", "full_text", "fulltext", "story"),
    "title": ("title", "headline", "heading"),
    "published": ("published", "date", "published_at", "publication_date", "pub_date", "pubdate",
                  "date_published", "datetime", "published_time", "timestamp"),
    "source": ("source", "publisher", "outlet", "publication", "sitename", "site"),
    "url": ("url", "link", "permalink", "source_url", "href"),
    "id": ("id", "guid", "uuid", "article_id", "doc_id"),
    "author": ("author", "byline", "authors"),
}

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
FILENAME_DATE = re.compile(r"(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)")
DATELINE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?[^\W\d_]{3,12}\.?,?\s+\d{4}\b"   # 12 February 2025
    r"|\b[^\W\d_]{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"              # February 12, 2025
    r"|\b\d{4}-\d{2}-\d{2}\b"                                                   # 2025-02-12
)
DATELINE_CHARS = 400
DATEPARSER_SETTINGS = {
    # Relative dates ("yesterday") and partial ones ("February") would be invented from today's date.
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
}
# Languages dateparser tries for dates that are not ISO 8601 or RFC 2822 (trying all ~200 is slow).
DATE_LANGUAGES = ["en", "ru", "uk", "de", "fr", "es", "it", "pl", "pt", "nl"]
MAX_FILE_BYTES = 1 << 30  # 1 GB: a file (or what a .gz unpacks to) is read whole into memory
LONG_TEXT = 1_000_000  # characters; spaCy's default limit, worth a warning downstream
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
# Line breaks other than "\n" (a lone carriage return, Word's vertical tab, form feed, NEL, the Unicode line and
# paragraph separators): each becomes one "\n", so paragraphs and headlines are found and offsets do not move.
LONE_CARRIAGE_RETURN = re.compile("\r(?!\n)")
OTHER_LINE_BREAKS = "\v\f\x85\u2028\u2029"
DROP_ZERO_WIDTH = str.maketrans("", "", ZERO_WIDTH)

MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"PK\x03\x04", "ZIP archive"), (b"PK\x05\x06", "ZIP archive"),
    (b"%PDF-", "PDF document"), (b"GIF87a", "GIF image"), (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"), (b"\x1f\x8b", "gzip archive; name it .gz to load it"),
    (b"\x7fELF", "program"), (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
]
BOMS = [
    (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
]


@dataclass
class Loaded:
    """What a load returns: the ``articles`` table and the ``inputs`` accounting."""

    articles: pd.DataFrame
    inputs: pd.DataFrame

    def summary(self) -> dict[str, int]:
        """Count of inputs per status, e.g. ``{"loaded": 10, "duplicate": 0, "skipped": 1}``."""
        counts = self.inputs["status"].value_counts().to_dict()
        return {status: int(counts.get(status, 0)) for status in ("loaded", "duplicate", "skipped")}

    def skipped(self, *, include_ignored: bool = True) -> pd.DataFrame:
        """The skipped inputs; ``include_ignored=False`` leaves out files skipped by the ignore list."""
        rows = self.inputs[self.inputs["status"] == "skipped"]
        if not include_ignored:
            rows = rows[~rows["reason"].str.startswith(IGNORED)]
        return rows


class SkipFile(Exception):
    """A file (or record) that cannot be loaded; the message is the reason shown to the user."""


class InputsSkipped(Exception):
    """Raised by a strict load: names every skipped input and why."""

    def __init__(self, skipped: pd.DataFrame):
        self.skipped = skipped
        lines = [f"  {describe_input(r.path, r.record)}: {r.reason}" for r in skipped.itertuples()]
        super().__init__(f"{len(skipped)} input(s) skipped (strict mode):\n" + "\n".join(lines))


@dataclass
class Found:
    """A file to read, or a path that is not read with the reason why (``status`` for the inputs table)."""

    path: Path
    problem: str = ""
    status: str = "skipped"


@dataclass
class Record:
    """One raw article from a file before it becomes a row: fields by column name, and notes."""

    fields: dict
    record: int
    date_from: str = "field"
    notes: list[str] = field(default_factory=list)
    error: str = ""
    done: float = 0.0  # share of the file read up to the end of this record (0 when not known), for progress


# ---------------------------------------------------------------------------------------------
# identity


def normalised_text(text: str) -> str:
    """Text folded for identity: Unicode NFKC, zero-width characters dropped, whitespace collapsed, case kept."""
    if not text.isascii():
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        if any(ch in text for ch in ZERO_WIDTH):
            text = text.translate(DROP_ZERO_WIDTH)
    return " ".join(text.split())


def content_hash(text: str) -> str:
    """sha256 hex digest of the normalised text."""
    return hashlib.sha256(normalised_text(text).encode("utf-8")).hexdigest()


def newlines_for_line_breaks(text: str) -> str:
    """The text with every other line break made "\\n", character for character (``\\r\\n`` is kept).

    The result has the same length as the input, so an offset into one is the same offset into the other.
    """
    if "\r" in text:
        text = LONE_CARRIAGE_RETURN.sub("\n", text)
    for mark in OTHER_LINE_BREAKS:
        if mark in text:  # `in` and replace are many times faster than one regex over a long text
            text = text.replace(mark, "\n")
    return text


def describe_input(path: str, record: int) -> str:
    """``path`` or ``path#record`` as shown to a user."""
    return path if record < 0 else f"{path}#{record}"


def display_path(path: Path | str) -> str:
    """The path as text that any table format can hold (undecodable bytes in names become U+FFFD)."""
    return os.fsencode(str(path)).decode("utf-8", "replace")


# ---------------------------------------------------------------------------------------------
# dates


def parse_date(value) -> tuple[pd.Timestamp, str] | None:
    """``(UTC timestamp, original offset like '+03:00' or '')`` from a date value, or None.

    ISO 8601 and RFC 2822 are read directly; anything else goes to dateparser, which must find a
    day, a month and a year (relative dates such as "yesterday" are refused, never guessed).
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        dt = parse_date_text(value.strip())
    else:
        return None
    if dt is None:
        return None
    offset = format_offset(dt)
    try:
        utc = dt.replace(tzinfo=timezone.utc) if dt.tzinfo is None else dt.astimezone(timezone.utc)
        return pd.Timestamp(utc).as_unit("ns"), offset
    except (ValueError, OverflowError, pd.errors.OutOfBoundsDatetime):
        return None


def parse_date_text(text: str) -> datetime | None:
    """A datetime from a date string, or None."""
    if not text or len(text) > 100:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # imported here: slow to import and not needed for ISO dates

    try:
        return dateparser.parse(text, languages=DATE_LANGUAGES, settings=DATEPARSER_SETTINGS)
    except Exception:  # noqa: BLE001 - dateparser raises many kinds on odd strings; all mean "no date"
        return None


def format_offset(dt: datetime) -> str:
    """'+03:00' for an aware datetime, '' for a naive one."""
    delta = dt.utcoffset()
    if delta is None:
        return ""
    minutes = int(delta.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def dateline_date(text: str) -> tuple[pd.Timestamp, str] | None:
    """A date written near the top of the text ("MOSCOW, 12 February 2025 —"), or None."""
    for n, m in enumerate(DATELINE.finditer(text[:DATELINE_CHARS])):
        if n >= 5:
            break
        parsed = parse_date(m.group(0))
        if parsed:
            return parsed
    return None


def filename_date(path: Path) -> tuple[pd.Timestamp, str] | None:
    """A date in the file name (``2025-02-09-trump-putin.txt``), or None."""
    m = FILENAME_DATE.search(path.name)
    if not m:
        return None
    try:
        return parse_date(date(*map(int, m.groups())))
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# finding files


def find_inputs(paths: Iterable[str | Path], ignore: Iterable[str] = DEFAULT_IGNORE) -> Iterator[Found]:
    """Every file named, matched by a glob, or found under a folder; and every path that cannot be read.

    A folder is read once however many ways lead to it (symbolic links, or naming it twice). The
    kit's own output (report runs, report folders, the extraction cache) is never an input: such a
    folder, or a path inside one, is listed as ignored with the reason.
    """
    ignore = tuple(ignore)
    folders_read: dict[tuple[int, int], Path] = {}
    seen: dict[Path, str] = {}
    for raw in paths:
        path = Path(raw)
        if os.path.lexists(path):
            yield from expand_unless_kit_output(path, ignore, folders_read, seen, root=True)
        elif glob.has_magic(str(raw)):
            try:
                matches = sorted(glob.glob(str(raw), recursive=True))
            except RecursionError:  # glob's ** recurses once per folder level
                yield Found(path, "folders under this pattern nest too deeply for a glob; name the top folder "
                                  "instead (a folder is searched to any depth)")
                continue
            if not matches:
                yield Found(path, "no files match this pattern")
            for match in matches:
                yield from expand_unless_kit_output(Path(match), ignore, folders_read, seen, root=False)
        else:
            yield Found(path, "no such file or folder")


# Files by which the kit knows its own output folders, and the keys they hold.
KIT_OUTPUT_MARKS = (("manifest.json", ("kit_version", "status"), "a report run folder"),
                    ("latest.json", ("run", "path"), "a report folder"))
CACHE_MARK = "extraction.sqlite"


def kit_output(folder: Path) -> str:
    """Why ``folder`` is the kit's own output (a report run, a report folder, the extraction cache),
    as an ``ignored: …`` reason; "" when it is not."""
    what = "the extraction cache" if (folder / CACHE_MARK).is_file() else ""
    for name, keys, kind in KIT_OUTPUT_MARKS:
        if what or not (folder / name).is_file():
            continue
        try:
            with open(folder / name, "rb") as fh:
                doc = json.loads(fh.read(64 << 20))
        except (OSError, ValueError):
            continue
        if isinstance(doc, dict) and all(k in doc for k in keys):
            what = f"{kind} ({name})"
    return f"{IGNORED}: the kit's own output, {what}; never read as articles" if what else ""


def expand_unless_kit_output(path: Path, ignore: tuple[str, ...], folders_read: dict[tuple[int, int], Path],
                             seen: dict[Path, str], *, root: bool) -> Iterator[Found]:
    """:func:`expand`, unless ``path`` is inside the kit's own output (``seen`` remembers folders looked at)."""
    for folder in [path, *path.absolute().parents]:
        if folder not in seen:
            seen[folder] = kit_output(folder) if folder.is_dir() else ""
        if seen[folder]:
            yield Found(path, seen[folder])
            return
    yield from expand(path, ignore, folders_read, root=root)


def expand(path: Path, ignore: tuple[str, ...], folders_read: dict[tuple[int, int], Path], *,
           root: bool) -> Iterator[Found]:
    """``path`` itself if a file, else every file under it, depth first in name order.

    The walk keeps its own stack rather than recursing, so folders may nest to any depth. A symbolic
    link back to a folder being walked is a loop, reported and not followed; a folder already read
    (``folders_read``, by device and inode) is reported as a duplicate naming the first path to it.
    """
    first = look_at(path, ignore, set(), folders_read, root=root)
    if isinstance(first, Found):
        yield first
        return
    walking = {first[0]}  # the folders from ``path`` down to the one being read: a link to one is a loop
    stack = [(first[0], iter(first[1]))]
    found_any = False
    while stack:
        key, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            walking.discard(key)
        elif not entry.name.startswith("."):
            item = look_at(Path(entry.path), ignore, walking, folders_read, root=False)
            if isinstance(item, Found):
                found_any = True
                yield item
            else:
                walking.add(item[0])
                stack.append((item[0], iter(item[1])))
    if root and not found_any:
        yield Found(path, "folder holds no files")


def look_at(path: Path, ignore: tuple[str, ...], walking: set, folders_read: dict, *,
            root: bool) -> Found | tuple[tuple[int, int], list[os.DirEntry]]:
    """A Found for a file or a path that cannot be read, or ``(key, entries)`` for a folder to walk."""
    try:
        st = path.stat()
    except OSError as exc:
        return Found(path, os_problem(exc, path))
    if stat.S_ISREG(st.st_mode):
        if not root and any(fnmatch(path.name.upper(), pat.upper()) for pat in ignore):
            return Found(path, f"{IGNORED}: documentation file, not an article (its name matches {', '.join(ignore)})")
        return Found(path)
    if not stat.S_ISDIR(st.st_mode):
        return Found(path, "not a regular file (a device, pipe or socket)")
    own = kit_output(path)
    if own:
        return Found(path, own)
    key = (st.st_dev, st.st_ino)
    if key in walking:
        return Found(path, f"symbolic link loop: leads back to the folder {display_path(folders_read[key])}")
    if key in folders_read:
        return Found(path, f"same folder as {display_path(folders_read[key])}, already read", status="duplicate")
    try:
        with os.scandir(path) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        return Found(path, "cannot open folder: " + os_reason(exc))
    folders_read[key] = path
    return key, entries


def os_reason(exc: OSError) -> str:
    """An OSError in plain English."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    return (exc.strerror or str(exc)).lower()


def os_problem(exc: OSError, path: Path) -> str:
    """Why a path cannot be read: a symlink loop, a broken link, missing permission…"""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop: the link points back to itself"
    if exc.errno == errno.ENOENT and path.is_symlink():
        return f"broken symbolic link (points to {display_path(os.readlink(path))}, which does not exist)"
    return "cannot read file: " + os_reason(exc)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every readable file named, matched or found recursively under a named folder, in sorted order."""
    for found in find_inputs(paths, ignore=()):
        if not found.problem:
            yield found.path


# ---------------------------------------------------------------------------------------------
# reading bytes and decoding text


def file_format(path: Path) -> str:
    """'txt', 'jsonl', 'html', … by suffix (a trailing .gz is looked through), or '' when unsupported."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return FORMATS.get(suffixes[-1], "") if suffixes else ""


def read_bytes(path: Path, seen: dict | None = None) -> bytes | bytearray:
    """The file's bytes, gunzipped when the name ends in .gz; more than MAX_FILE_BYTES is refused.

    ``seen``, if given, receives the size and sha256 of the bytes read from disk (before unzipping):
    what a manifest records is then exactly what was read, not what a second look found.
    """
    limit = f"{MAX_FILE_BYTES / 2**20:,.0f} MB"
    if safe_size(path) > MAX_FILE_BYTES:
        raise SkipFile(f"file is larger than {limit}; split it into smaller files")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SkipFile(os_problem(exc, path)) from exc
    if seen is not None:
        seen.update(bytes=len(raw), sha256=hashlib.sha256(raw).hexdigest())
    if path.suffix.lower() != ".gz":
        return raw
    try:
        # A small file can unpack to terabytes: count what it unpacks to first, a chunk at a time,
        # and only then unpack it into a buffer of exactly that size.
        size = sum(len(chunk) for chunk in gunzipped_chunks(raw, MAX_FILE_BYTES + 1))
        if size > MAX_FILE_BYTES:
            raise SkipFile(f"gzip file unpacks to more than {limit}; split it into smaller files")
        unpacked, done = bytearray(size), 0
        for chunk in gunzipped_chunks(raw, size):
            unpacked[done:done + len(chunk)] = chunk
            done += len(chunk)
    except (OSError, EOFError, zlib.error) as exc:
        raise SkipFile(f"damaged gzip file ({exc})") from exc
    return unpacked


def gunzipped_chunks(packed: bytes, limit: int, chunk: int = 1 << 18) -> Iterator[bytes]:
    """The unpacked bytes of gzip data in chunks of up to ``chunk`` bytes, stopping once ``limit`` are out."""
    with gzip.GzipFile(fileobj=io.BytesIO(packed)) as fh:
        while limit > 0:
            piece = fh.read(min(chunk, limit))
            if not piece:
                return
            limit -= len(piece)
            yield piece


def binary_kind(raw: bytes) -> str:
    """'PNG image', 'ZIP archive', … for bytes that start like a known binary format, else ''."""
    for magic, kind in MAGIC:
        if raw.startswith(magic):
            return kind
    return ""


def decode_bytes(raw: bytes) -> tuple[str, list[str]]:
    """``(text, notes)``: UTF-8 (BOM dropped), UTF-16/32 with a BOM, UTF-16 without one, or a detected encoding."""
    notes: list[str] = []
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(encoding), notes
            except UnicodeDecodeError as exc:
                raise SkipFile(f"starts with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()}") from exc
    if b"\x00" in raw:
        # NUL bytes are valid UTF-8, but in text files they mean UTF-16, or that the file is not text.
        utf16 = utf16_without_bom(raw)
        if not utf16:
            raise SkipFile("binary file")
        notes.append(f"decoded as {utf16.upper()} (no byte-order mark)")
        return raw.decode(utf16), notes
    try:
        return raw.decode("utf-8"), notes
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(raw) - 3:
            notes.append("file ends in the middle of a character (truncated UTF-8); the incomplete character was dropped")
            return raw[:exc.start].decode("utf-8"), notes
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise SkipFile("not valid UTF-8 and no encoding detected")
    # Western newsroom files are far more often cp1252 than cp1250 etc.; name it when it reads the same.
    encoding = "cp1252" if "cp1252" in best.could_be_from_charset else best.encoding
    notes.append(f"not valid UTF-8; decoded as {encoding}")
    return str(best), notes


def utf16_without_bom(raw: bytes) -> str:
    """'utf-16-le' or 'utf-16-be' when the bytes look like UTF-16 text without a BOM, else ''."""
    if len(raw) < 4 or len(raw) % 2:
        return ""
    sample = raw[:4096]
    even_zeros, odd_zeros = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for zeros, other, encoding in ((odd_zeros, even_zeros, "utf-16-le"), (even_zeros, odd_zeros, "utf-16-be")):
        # Latin-script text in UTF-16 has a zero in most high bytes and almost none in low bytes.
        if zeros > 0.3 * half and other < 0.05 * half:
            try:
                raw.decode(encoding)
                return encoding
            except UnicodeDecodeError:
                return ""
    return ""


def read_text(path: Path, seen: dict | None = None) -> tuple[str, list[str]]:
    """``(text, notes)`` for a file: skips empty, blank and binary files with a reason (``seen``: see :func:`read_bytes`)."""
    raw = read_bytes(path, seen)
    if not raw:
        raise SkipFile("empty file")
    kind = binary_kind(raw)
    if kind:
        raise SkipFile(f"binary file ({kind})")
    text, notes = decode_bytes(raw)
    if text.isspace():
        raise SkipFile("file holds only whitespace")
    return text, notes


# ---------------------------------------------------------------------------------------------
# fields


def map_fields(raw: dict, field_map: dict[str, str]) -> dict:
    """Record fields renamed to the kit's columns: ``field_map`` first, then the usual aliases."""
    fields: dict = {}
    for key, value in raw.items():
        fields[field_map.get(str(key), str(key))] = value
    lower = {k.lower().strip(): k for k in fields}
    for column, aliases in FIELD_ALIASES.items():
        if column in fields:
            continue
        for alias in aliases:
            original = lower.get(alias)
            if original is not None and original not in field_map.values() and present(fields[original]):
                fields[column] = fields.pop(original)
                break
    return fields


def present(value) -> bool:
    """True for a value that holds something (not None, NaN or an empty string)."""
    if value is None:
        return False
    if isinstance(value, float) and math.isnan(value):
        return False
    return not (isinstance(value, str) and (not value or value.isspace()))


def as_cell(value) -> str:
    """A field value as table text: lists and mappings as JSON, dates in ISO 8601."""
    if not present(value):
        return ""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def no_text_reason(fields: dict) -> str:
    """Why a record has no text, naming the fields it does have."""
    if "text" in fields:
        return "text is empty"
    names = ", ".join(sorted(map(str, fields))[:12]) or "none"
    return f"no text field (fields: {names}); name the text field with --map FIELD=text"


# ---------------------------------------------------------------------------------------------
# formats


def records_from_text_file(text: str, fmt: str) -> list[Record]:
    """One record from a .txt/.md file: YAML front matter if any, else a short first line is the title."""
    rec = Record(fields={}, record=0, date_from="front_matter")
    text = newlines_for_line_breaks(text)
    m = FRONT_MATTER.match(text)
    if m:
        rec.fields, problem = front_matter_fields(m.group(1))
        if problem:
            rec.notes.append(problem)
        text = text[m.end():]
        if not text.strip():
            raise SkipFile("no text after the front matter")
    if "title" not in rec.fields:
        title, body = split_title(text, fmt)
        if title:
            rec.fields["title"] = title
            text = body
    rec.fields["text"] = text
    return [rec]


def front_matter_fields(block: str) -> tuple[dict, str]:
    """``(fields, problem)`` from a YAML front matter block; fields is empty when it cannot be read."""
    try:
        if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(block, Loader=yaml.SafeLoader)):
            return {}, "front matter uses YAML aliases (*name), which are not accepted; its fields were ignored"
        meta = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2}: {exc.problem})" if mark is not None and getattr(exc, "problem", None) else ""
        return {}, f"front matter is not valid YAML{where}; its fields were ignored"
    if meta is None:
        return {}, ""
    if not isinstance(meta, dict):
        return {}, "front matter is not a list of 'key: value' lines; its fields were ignored"
    return {str(k): v for k, v in meta.items()}, ""


def split_title(text: str, fmt: str) -> tuple[str, str]:
    """``(title, rest)`` when the first line looks like a headline and text follows it, else ``("", text)``."""
    stripped = text.lstrip("\r\n")
    first, _, rest = stripped.partition("\n")
    first = first.strip()
    heading = fmt == "md" and first.startswith("#")
    if heading:
        first = first.lstrip("#").strip()
    looks_like_title = (
        first and len(first) <= 200 and len(first.split()) <= 30 and rest and not rest.isspace()
        and (heading or not first.endswith((".", ",", ";", ":", "!", "?", '"', "”", "’", "»", ")")))
    )
    if not looks_like_title:
        return "", text
    return first, rest.lstrip("\r\n")


def records_from_json(text: str, field_map: dict[str, str]) -> Iterator[Record]:
    """Records from a .json file: an object, a list of objects, or an object holding one such list."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SkipFile(f"JSON error at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    except RecursionError as exc:
        raise SkipFile("JSON is nested too deeply to read") from exc
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
        if not any(str(k).lower() in FIELD_ALIASES["text"] or k in field_map for k in data) and len(lists) == 1:
            data = lists[0]
        else:
            data = [data]
    if not isinstance(data, list):
        raise SkipFile(f"JSON holds a {type(data).__name__}, not an article object or a list of them")
    if not data:
        raise SkipFile("JSON list is empty")
    return (json_record(item, i, field_map, f"item {i}") for i, item in enumerate(data))


def json_record(item, record: int, field_map: dict[str, str], where: str) -> Record:
    """A Record from one parsed JSON value (an error Record when it is not an object)."""
    if not isinstance(item, dict):
        return Record(fields={}, record=record, error=f"{where} is a JSON {type(item).__name__}, not an object")
    return Record(fields=map_fields(item, field_map), record=record)


def records_from_jsonl(text: str, field_map: dict[str, str]) -> Iterator[Record]:
    """One record per non-blank line of a .jsonl file, read as they come; a bad line is skipped on its own."""
    # split on "\n" only: JSON strings may hold U+2028 or U+0085, which str.splitlines() would cut at
    for n, (line, end) in enumerate(lines_of(text, LF_LINE)):
        line = line.rstrip("\n")
        if not line or line.isspace():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            rec = Record(fields={}, record=n, error=f"JSON error at line {n + 1}, column {exc.colno}: {exc.msg}")
        except RecursionError:
            rec = Record(fields={}, record=n, error=f"JSON at line {n + 1} is nested too deeply to read")
        else:
            rec = json_record(item, n, field_map, f"line {n + 1}")
        rec.done = end / len(text)
        yield rec


LF_LINE = re.compile(r"[^\n]*\n?")
ANY_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")  # how io.StringIO(newline="") splits lines, for the csv module


def lines_of(text: str, line: re.Pattern) -> Iterator[tuple[str, int]]:
    """``(line with its line break, offset after it)`` for each line, one at a time (no list of them all)."""
    for m in line.finditer(text):
        if m.end() == m.start():
            return
        yield m.group(), m.end()


def records_from_csv(text: str, fmt: str, field_map: dict[str, str]) -> Iterator[Record]:
    """One record per row of a .csv/.tsv file with a header; fields may hold newlines.

    The header is checked at once (raising SkipFile); the rows are read as they are asked for.
    """
    first_line = text[:1 << 16].lstrip("\r\n").split("\n", 1)[0]
    delimiter = "\t" if fmt == "tsv" else max(",;\t|", key=first_line.count)
    csv.field_size_limit(sys.maxsize)  # a single field may be a whole long article
    position = [0]  # offset after the last line the reader took

    def lines() -> Iterator[str]:
        for line, end in lines_of(text, ANY_LINE):
            position[0] = end
            yield line
    reader = csv.reader(lines(), delimiter=delimiter)
    try:
        header = next(reader)
    except (csv.Error, StopIteration) as exc:
        raise SkipFile(f"CSV error in the header row: {exc}") from exc
    header = [h.strip() for h in header]
    if not any(header):
        raise SkipFile("CSV has no header row")
    columns = list(map_fields({h: "x" for h in header}, field_map))
    if "text" not in columns:
        raise SkipFile(f"CSV has no text column (columns: {', '.join(header)}); name it with --map COLUMN=text")
    return csv_records(reader, header, field_map, position, len(text))


def csv_records(reader, header: list[str], field_map: dict[str, str], position: list[int],
                length: int) -> Iterator[Record]:
    """The rows under a CSV header as records; raises SkipFile when there are none."""
    n = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield Record(fields={}, record=n, error=f"CSV error at line {reader.line_num}: {exc}; the rest of the file was not read")
            return
        if not any(cell.strip() for cell in row):
            continue
        rec = Record(fields=map_fields(dict(zip(header, row)), field_map), record=n, done=position[0] / length)
        if len(row) != len(header):
            rec.notes.append(f"row at line {reader.line_num} has {len(row)} fields, the header has {len(header)}")
        yield rec
        n += 1
    if not n:
        raise SkipFile("CSV has a header but no rows")


def records_from_html(text: str) -> list[Record]:
    """One record from a saved web page: trafilatura's main text, title, date, site name and url."""
    import trafilatura
    from lxml import etree

    text, restore = protect_special_spaces(text)
    xml = trafilatura.extract(
        text, output_format="xml", with_metadata=True, include_comments=False, include_tables=True,
        favor_recall=True, date_extraction_params={"outputformat": "%Y-%m-%dT%H:%M:%S%z",
                                                    "extensive_search": False, "original_date": True},
    )
    rec = Record(fields={}, record=0, date_from="html")
    body = ""
    if xml:
        doc = etree.fromstring(xml.encode("utf-8"))
        meta = {k: doc.get(k) for k in ("title", "date", "sitename", "url", "author")}
        rec.fields = {"title": meta["title"], "published": meta["date"], "source": meta["sitename"],
                      "url": meta["url"], "author": meta["author"]}
        rec.fields = {k: restore(v) for k, v in rec.fields.items() if v}
        body = restore(xml_paragraphs(doc.find("main"), title=meta["title"] or ""))
    if not body.strip():
        body = restore(html_to_text(text, drop=PAGE_FURNITURE))
        if len(body) >= MIN_FALLBACK_CHARS:
            rec.notes.append("trafilatura found no main text; all visible text was used")
        else:
            body = ""
    if not body.strip():
        raise SkipFile("no text in HTML")
    if "title" not in rec.fields:
        title = restore(page_title(text))
        if title:
            rec.fields["title"] = title
    rec.fields["text"] = body
    return [rec]


SPECIAL_SPACES = {"\u00a0": ("&nbsp;", "&#160;", "&#xa0;", "&#xA0;"), "\u202f": ("&#8239;", "&#x202f;"), "\u2007": ("&#8199;",)}


def protect_special_spaces(html: str):
    """``(html, restore)``: non-breaking and other special spaces swapped for stand-in symbols.

    trafilatura folds every Unicode space into a plain one; quote offsets and exact text need them kept.
    """
    swaps = {}
    for n, (space, entities) in enumerate(SPECIAL_SPACES.items()):
        stand_in = chr(0x2420 + n)  # control-picture symbols: kept by trafilatura, absent from news text
        if stand_in in html:
            continue
        for form in (space, *entities):
            html = html.replace(form, stand_in)
        swaps[stand_in] = space

    def restore(value: str) -> str:
        for stand_in, space in swaps.items():
            value = value.replace(stand_in, space)
        return value
    return html, restore


def xml_paragraphs(main, title: str = "") -> str:
    """Paragraph texts of trafilatura's XML ``<main>``, separated by blank lines (a leading headline dropped)."""
    if main is None:
        return ""
    for lb in main.iter("lb"):
        lb.tail = "\n" + (lb.tail or "")
    paragraphs = []
    for block in main:
        if block.tag == "list":
            items = ["".join(item.itertext()).strip() for item in block.iter("item")]
            paragraphs.extend(i for i in items if i)
        elif block.tag == "table":
            rows = [" | ".join("".join(c.itertext()).strip() for c in row) for row in block.iter("row")]
            paragraphs.append("\n".join(r for r in rows if r.strip(" |")))
        else:
            paragraphs.append("".join(block.itertext()).strip())
    paragraphs = [p for p in paragraphs if p]
    if paragraphs and title and paragraphs[0] == title.strip():
        paragraphs = paragraphs[1:]
    return "\n\n".join(paragraphs)


# Page parts that are never article text, and the least visible text worth calling an article.
PAGE_FURNITURE = ("nav", "header", "footer", "aside", "form", "button", "menu", "select")
MIN_FALLBACK_CHARS = 40
BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr",
              "table", "section", "article", "header", "footer", "figure", "figcaption", "dd", "dt", "dl", "hr", "main"}


def html_to_text(html: str, drop: Iterable[str] = ()) -> str:
    """Visible text of an HTML fragment, one paragraph per block element, separated by blank lines.

    Scripts, styles and markup are dropped; non-breaking spaces and curly quotes are kept as they are.
    """
    import lxml.html
    from lxml import etree

    if "<" not in html:
        return html.strip()
    try:
        root = lxml.html.fromstring(f"<div>{html}</div>") if not re.search(r"<html|<body", html, re.I) else lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("|".join(f"//{tag}" for tag in ("script", "style", "noscript", "template", "iframe", "head", *drop))):
        bad.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif el.tag in BLOCK_TAGS:
            el.text = "\n\n" + (el.text or "")
            el.tail = "\n\n" + (el.tail or "")
    text = root.text_content()
    paragraphs = []
    for block in re.split(r"\n[ \t\r\f\v]*\n", text):
        lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in block.split("\n")]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def page_title(html: str) -> str:
    """The text of the page's <title>, or ''."""
    m = re.search(r"<title[^>]*>(.*?)</title>", html, re.I | re.S)
    return re.sub(r"\s+", " ", html_to_text(m.group(1))).strip() if m else ""


def records_from_feed(text: str) -> list[Record]:
    """One record per entry of an RSS or Atom feed, its text from the entry's content or summary."""
    import feedparser

    feed = feedparser.parse(text)
    if not feed.version:
        problem = feed.get("bozo_exception")
        detail = f" (XML error at line {problem.getLineNumber()}: {problem.getMessage()})" if hasattr(problem, "getLineNumber") else ""
        raise SkipFile("not an RSS or Atom feed" + detail)
    if not feed.entries:
        raise SkipFile("feed has no entries")
    source = feed.feed.get("title", "")
    return [feed_record(entry, i, source) for i, entry in enumerate(feed.entries)]


def feed_record(entry, record: int, source: str) -> Record:
    """A Record from one feedparser entry."""
    content = entry.get("content") or []
    part = content[0] if content else entry.get("summary_detail") or {}
    value = part.get("value", "") if part else entry.get("summary", "")
    kind = part.get("type", "text/html") if part else "text/html"
    text = html_to_text(value) if "html" in kind else value.strip()
    published = entry.get("published") or entry.get("updated")
    if not parse_date(published) and (entry.get("published_parsed") or entry.get("updated_parsed")):
        published = datetime(*(entry.get("published_parsed") or entry.get("updated_parsed"))[:6], tzinfo=timezone.utc)
    fields = {"id": entry.get("id"), "title": html_to_text(entry.get("title", "")), "text": text,
              "published": published, "source": source, "url": entry.get("link"), "author": entry.get("author")}
    fields = {k: v for k, v in fields.items() if present(v)}
    error = "" if "text" in fields else "feed entry has no content or summary"
    return Record(fields=fields, record=record, date_from="feed", error=error)


def records_from_file(path: Path, field_map: dict[str, str] | None = None,
                      seen: dict | None = None) -> tuple[str, Iterable[Record], list[str]]:
    """``(format, records, file notes)`` for one file; raises SkipFile with the reason it cannot be read.

    Records of JSON Lines and CSV files are read as they are asked for (SkipFile may come then too).
    ``seen`` receives the size and sha256 of the bytes read (see :func:`read_bytes`).
    """
    fmt = file_format(path)
    field_map = field_map or {}
    if not fmt:
        kind = sniff_binary(path)
        suffix = "".join(path.suffixes[-2:]) if path.suffix.lower() == ".gz" else path.suffix
        raise SkipFile(f"binary file ({kind})" if kind else f"unsupported file type '{suffix or path.name}'")
    text, notes = read_text(path, seen)
    if fmt in ("txt", "md"):
        records = records_from_text_file(text, fmt)
    elif fmt == "json":
        records = records_from_json(text, field_map)
    elif fmt == "jsonl":
        records = records_from_jsonl(text, field_map)
    elif fmt in ("csv", "tsv"):
        records = records_from_csv(text, fmt, field_map)
    elif fmt == "html":
        records = records_from_html(text)
    else:
        records = records_from_feed(text)
    if fmt in ("txt", "md", "html"):
        for rec in records:
            rec.fields = map_fields(rec.fields, field_map)
    return fmt, records, notes


def sniff_binary(path: Path) -> str:
    """The binary kind of a file of an unsupported type, from its first bytes ('' when unknown or unreadable)."""
    try:
        with open(path, "rb") as fh:
            return binary_kind(fh.read(64))
    except OSError:
        return ""


# ---------------------------------------------------------------------------------------------
# records to rows


def article_from_record(rec: Record, path: Path) -> dict:
    """One article's values from a record (``extra``: its other fields); raises SkipFile when it has no text."""
    fields = dict(rec.fields)
    text = fields.pop("text", None)
    if isinstance(text, (int, float)) and present(text):
        text = str(text)
    if not isinstance(text, str) or not text or text.isspace():
        raise SkipFile(no_text_reason(rec.fields))
    text = newlines_for_line_breaks(text)
    notes = list(rec.notes)
    published, offset, date_from = NaT_DATE
    raw_date = fields.pop("published", None)
    if present(raw_date):
        parsed = parse_date(raw_date)
        if parsed:
            published, offset, date_from = *parsed, rec.date_from
        else:
            notes.append(f"date {as_cell(raw_date)[:60]!r} could not be understood")
    if not date_from:
        for name, finder in (("dateline", lambda: dateline_date(text)), ("filename", lambda: filename_date(path))):
            parsed = finder()
            if parsed:
                published, offset, date_from = *parsed, name
                break
        else:
            notes.append("no date found")
    if len(text) > LONG_TEXT:
        notes.append(f"very long text ({len(text):,} characters)")
    language = detect_language(text)
    if language in LANGUAGE_NOTES and len(text.split()) >= LANGUAGE_NOTE_MIN_WORDS:
        notes.append(LANGUAGE_NOTES[language])
    chash = content_hash(text)
    input_id = as_cell(fields.pop("id", None))
    extra = {key: as_cell(value) for key, value in fields.items() if key not in ARTICLE_COLUMNS}
    return dict(
        title=as_cell(fields.get("title")), text=text, published=published.value, published_from=date_from,
        source=as_cell(fields.get("source")), url=as_cell(fields.get("url")), record=rec.record, content_hash=chash,
        published_offset=offset, note="; ".join(notes), input_id=input_id, extra=extra or None,
        language=language,
    )


# What a reader should know about an article in a language the kit reads only in part.
LANGUAGE_NOTES = {
    "und": "language undetermined (Latin letters that do not read as English, e.g. Russian in Latin "
           "letters): read as English, statements may be missed",
    "uk": "Ukrainian: read with the Russian models, statements and speakers may be missed",
}
# Below this many words a text is too short for its letters to tell its language (a headline, "Photo").
LANGUAGE_NOTE_MIN_WORDS = 8


NaT_DATE = (pd.NaT, "", "")
NaT_VALUE = pd.NaT.value


# ---------------------------------------------------------------------------------------------
# near duplicates

SHINGLE = 5
SKETCH_WORDS = 400
MINHASH_BANDS, MINHASH_ROWS = 16, 4
NEAR_DUPLICATE_JACCARD = 0.7


def near_duplicates(texts: list[str], ids: list[str], threshold: float = NEAR_DUPLICATE_JACCARD) -> list[str]:
    """For each text, the id of an earlier text it nearly repeats (word 5-gram Jaccard ≥ threshold), else ''.

    Cheap by design: only the first 400 words are compared, MinHash signatures are computed for all
    texts at once with numpy, and banding picks the few candidate pairs worth comparing exactly.
    """
    out = [""] * len(texts)
    docs, words = [], []
    for i, text in enumerate(texts):
        first_words = text[: SKETCH_WORDS * 8].lower().split()[:SKETCH_WORDS]
        if len(first_words) >= 50:  # short texts share boilerplate, not stories
            docs.append(i)
            words.append(first_words)
    if len(docs) < 2:
        return out
    shingles, starts = shingle_hashes(words)
    del words
    signatures = minhash_signatures(shingles, starts)
    bounds = list(zip(starts, [*starts[1:], len(shingles)]))
    buckets: dict[tuple, int] = {}
    for n, i in enumerate(docs):
        keys = [(b, signatures[n, b * MINHASH_ROWS:(b + 1) * MINHASH_ROWS].tobytes()) for b in range(MINHASH_BANDS)]
        mine = shingles[slice(*bounds[n])]
        for key in keys:
            m = buckets.get(key)
            if m is not None and jaccard(mine, shingles[slice(*bounds[m])]) >= threshold:
                out[i] = out[docs[m]] or ids[docs[m]]
                break
        for key in keys:
            buckets.setdefault(key, n)
    return out


def shingle_hashes(word_lists: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Word 5-gram hashes of every text, concatenated in text order, and where each text's run starts."""
    lengths = np.array([len(w) for w in word_lists])
    flat = np.empty(int(lengths.sum()), dtype=object)
    flat[:] = [word for words in word_lists for word in words]
    hashes = pd.util.hash_array(flat, categorize=False)  # siphash with a fixed key: the same on every run
    doc = np.repeat(np.arange(len(word_lists)), lengths)
    rng = np.random.default_rng(20250209)
    weights = rng.integers(1, 2**63, SHINGLE, dtype=np.uint64) | np.uint64(1)
    n = len(hashes) - SHINGLE + 1
    with np.errstate(over="ignore"):
        shingles = sum(hashes[j:n + j] * weights[j] for j in range(SHINGLE))
    doc_of = doc[:n]
    inside = doc_of == doc[SHINGLE - 1:]  # drop 5-grams that straddle two texts
    shingles, doc_of = shingles[inside], doc_of[inside]
    return shingles, np.searchsorted(doc_of, np.arange(len(word_lists)))


def minhash_signatures(shingles: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """One MinHash signature row (bands × rows values) per text."""
    rng = np.random.default_rng(20250210)
    perms = MINHASH_BANDS * MINHASH_ROWS
    mult = rng.integers(1, 2**63, perms, dtype=np.uint64) | np.uint64(1)
    add = rng.integers(0, 2**63, perms, dtype=np.uint64)
    signatures = np.empty((len(starts), perms), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(perms):
            signatures[:, k] = np.minimum.reduceat((shingles * mult[k] + add[k]) >> np.uint64(32), starts)
    return signatures


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard similarity of the sets of values in two arrays."""
    a, b = np.unique(a), np.unique(b)
    common = len(np.intersect1d(a, b, assume_unique=True))
    return common / (len(a) + len(b) - common)


# ---------------------------------------------------------------------------------------------
# the load


def load_articles(paths: str | Path | Iterable[str | Path], *, field_map: dict[str, str] | None = None,
                  strict: bool = False, ignore: Iterable[str] = DEFAULT_IGNORE,
                  near_duplicate_threshold: float | None = NEAR_DUPLICATE_JACCARD, progress: bool = False) -> Loaded:
    """Load every article under ``paths`` and account for every input.

    ``field_map`` renames record fields to columns, e.g. ``{"body": "text", "date": "published"}``.
    A file or record that cannot be read is skipped with a plain-English reason and the rest still
    load; ``strict=True`` raises :class:`InputsSkipped` listing them instead (files left out by
    ``ignore``, README/NOTICE/LICENSE-style names by default, do not count). Exact duplicates (same
    normalised text) become one row listing every file in ``paths``; near-duplicates are flagged in
    ``near_duplicate_of`` (``near_duplicate_threshold=None`` turns that off). Inputs are only read.
    The order of ``paths`` changes the order of rows, never an article's id or values.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    found = list(find_inputs(paths, ignore))
    gathered = Gathering()
    bar = progress_bar(found) if progress else None
    try:
        for item in found:
            load_one(item, field_map or {}, gathered, tick=bar.update if bar else no_tick)
    finally:
        if bar is not None:
            bar.close()
    articles, inputs = gathered.tables(near_duplicate_threshold)
    del gathered
    loaded = Loaded(articles=articles, inputs=inputs)
    if strict:
        check_strict(loaded)
    return loaded


def check_strict(loaded: Loaded) -> None:
    """Raise InputsSkipped when any input was skipped (files left out by the ignore list aside)."""
    skipped = loaded.skipped(include_ignored=False)
    if len(skipped):
        raise InputsSkipped(skipped)


def progress_bar(found: list[Found]):
    """A tqdm bar counting bytes read, for loads big enough to need one (None otherwise).

    It shows only on a terminal; multi-record files advance it record by record.
    """
    total = sum(safe_size(f.path) for f in found if not f.problem)
    if len(found) < 50 and total < 20_000_000:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, desc="loading", leave=False,
                file=sys.stderr, disable=not sys.stderr.isatty())


def no_tick(_: float) -> None:
    """Progress callback when there is no bar."""


def safe_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def load_one(item: Found, field_map: dict[str, str], gathered: Gathering, tick=no_tick) -> None:
    """Read one found path into ``gathered``: its articles, and a row of accounting for each input.

    ``tick(n)`` is called with the bytes of the file done, for a progress bar. Every inputs row of
    the file gets the size and sha256 of the bytes read (``bytes``, ``sha256``; -1 and "" unread).
    """
    path_text = display_path(item.path)
    fmt = file_format(item.path)
    if item.problem:
        gathered.account(path_text, -1, item.status, item.problem, fmt=fmt)
        return
    size = safe_size(item.path)
    done = 0.0
    seen: dict = {}
    first = len(gathered.input_article)
    try:
        fmt, records, file_notes = records_from_file(item.path, field_map, seen)
        multi = fmt in MULTI_RECORD_FORMATS
        for rec in records:
            if rec.done:
                tick(size * (rec.done - done))
                done = rec.done
            record = rec.record if multi else 0
            rec.notes[:0] = file_notes
            if rec.error:
                gathered.account(path_text, record, "skipped", rec.error, fmt=fmt)
                continue
            try:
                row = article_from_record(rec, item.path)
            except SkipFile as exc:
                gathered.account(path_text, record, "skipped", str(exc), fmt=fmt,
                                 input_id=as_cell(rec.fields.get("id")))
                continue
            row.update(path=path_text, record=record)
            gathered.add(row, describe_input(path_text, record if multi else -1), fmt)
    except SkipFile as exc:
        gathered.account(path_text, -1, "skipped", str(exc), fmt=fmt)
    except Exception as exc:  # noqa: BLE001 - one unreadable file must never stop the rest
        gathered.account(path_text, -1, "skipped", f"could not be read ({type(exc).__name__}: {exc})", fmt=fmt)
    gathered.read_from(first, **seen)
    tick(size * (1 - done))


# The articles columns a load gathers row by row (article_from_record gives each); the others are settled at the end.
SETTLED = ("article_id", "paths", "near_duplicate_of")
GATHERED = [name for name in ARTICLE_COLUMNS if name not in SETTLED]
# At most this many other field names become columns (the most common ones); the rest of a row's other
# fields are kept together as JSON in OTHER_FIELDS, so a file whose every record has its own field names
# cannot make the table grow as rows times names.
MAX_EXTRA_COLUMNS = 100
OTHER_FIELDS = "other_fields"


class Gathering:
    """What a load has read so far: article values one list per column, and one row of accounting per input.

    Which copy of a text is kept, the article ids and the duplicate reasons are settled by
    :meth:`tables` from the copies themselves, never from the order they were read in.
    """

    def __init__(self):
        # numbers in typed arrays, 8 bytes each: a million short rows must not cost a million int objects
        self.columns: dict[str, list | array] = {name: array("q") if name in ("published", "record") else []
                                                 for name in GATHERED}
        self.input_id: list[str] = []  # the kept copy's own id ("" when it had none)
        self.kept_input = array("q")  # the inputs row of the kept copy
        self.extras: list[dict | None] = []  # the kept copy's other fields
        self.other_copies: dict[int, list[str]] = {}  # where the other copies of a text are
        self.by_hash: dict[str, int] = {}
        self.inputs: dict[str, list | array] = {name: array("q") if name in ("record", "bytes") else []
                                                for name in INPUT_COLUMNS}
        self.input_article = array("q")  # the article row of each inputs row (-1: none)

    def where(self, k: int) -> str:
        """The kept copy of article row k as path or path#record."""
        i = self.kept_input[k]
        fmt = self.inputs["format"][i]
        return describe_input(self.inputs["path"][i], self.inputs["record"][i] if fmt in MULTI_RECORD_FORMATS else -1)

    def account(self, path: str, record: int, status: str, reason: str = "", *, fmt: str = "", input_id: str = "",
                article: int = -1) -> None:
        """One row of the ``inputs`` table (status, reason and article id of a loaded one are settled later)."""
        for name, value in zip(INPUT_COLUMNS, (path, record, status, reason, "", input_id, fmt, "", -1, "")):
            self.inputs[name].append(value)
        self.input_article.append(article)

    def read_from(self, first: int, bytes: int = -1, sha256: str = "") -> None:
        """The inputs rows from ``first`` on came from one file: the size and sha256 of the bytes read."""
        for i in range(first, len(self.input_article)):
            self.inputs["bytes"][i], self.inputs["sha256"][i] = bytes, sha256

    def add(self, row: dict, where: str, fmt: str) -> None:
        """One article read from ``where``: a new row, or another copy of a text already read."""
        k = self.by_hash.get(row["content_hash"])
        if k is None:
            k = self.by_hash[row["content_hash"]] = len(self.input_id)
            for name in GATHERED:
                self.columns[name].append(row[name])
            self.input_id.append(row["input_id"])
            self.kept_input.append(len(self.input_article))
            self.extras.append(row["extra"])
        elif copy_rank(row["input_id"], row["path"], row["record"]) < copy_rank(
                self.input_id[k], self.columns["path"][k], self.columns["record"][k]):
            self.other_copies.setdefault(k, []).append(self.where(k))
            for name in GATHERED:
                self.columns[name][k] = row[name]
            self.input_id[k], self.kept_input[k] = row["input_id"], len(self.input_article)
            self.extras[k] = row["extra"]
        else:
            self.other_copies.setdefault(k, []).append(where)
        self.account(row["path"], row["record"], "loaded", fmt=fmt, input_id=row["input_id"], article=k)

    def article_ids(self) -> list[str]:
        """Each row's id: its own id, else its hash; two texts with one id: the smaller hash keeps it."""
        hashes = self.columns["content_hash"]
        ids = [own or chash[:12] for own, chash in zip(self.input_id, hashes)]
        holders: dict[str, list[int]] = {}
        for k, article_id in enumerate(ids):
            holders.setdefault(article_id, []).append(k)
        notes = self.columns["note"]
        for article_id, rows in holders.items():
            for k in sorted(rows, key=hashes.__getitem__)[1:]:
                ids[k] = f"{article_id}-{hashes[k][:6]}"
                notes[k] = add_note(notes[k], f"id {article_id!r} is used by another article; renamed {ids[k]!r}")
        return ids

    def near_duplicates(self, ids: list[str], threshold: float | None) -> list[str]:
        """``near_duplicates`` with the rows taken in order of publication (undated last), then content hash."""
        near = [""] * len(ids)
        if threshold is None:
            return near
        published, hashes = self.columns["published"], self.columns["content_hash"]
        order = sorted(range(len(ids)), key=lambda k: (published[k] == NaT_VALUE, published[k], hashes[k]))
        found = near_duplicates([self.columns["text"][k] for k in order], [ids[k] for k in order], threshold)
        for k, of in zip(order, found):
            near[k] = of
        return near

    def settle_inputs(self, ids: list[str], near: list[str]) -> pd.DataFrame:
        """The ``inputs`` table: each copy kept is loaded (with its notes), each other copy a duplicate."""
        statuses, reasons, notes, article_ids = (self.inputs[c] for c in ("status", "reason", "note", "article_id"))
        for i, k in enumerate(self.input_article):
            if k < 0:
                continue
            article_ids[i] = ids[k]
            if self.kept_input[k] == i:
                notes[i] = add_note(self.columns["note"][k], near[k] and f"near-duplicate of {near[k]}")
            else:
                statuses[i], reasons[i] = "duplicate", f"same text as {self.where(k)} (article {ids[k]})"
        for name in ("record", "bytes"):
            self.inputs[name] = np.frombuffer(self.inputs[name], dtype="int64").copy()
        return pd.DataFrame(self.inputs, columns=INPUT_COLUMNS)

    def tables(self, near_duplicate_threshold: float | None = NEAR_DUPLICATE_JACCARD
               ) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The ``articles`` and ``inputs`` DataFrames (the gathered lists are emptied as they become columns)."""
        self.by_hash = {}
        ids = self.article_ids()
        near = self.near_duplicates(ids, near_duplicate_threshold)
        extra = extra_columns(self.extras, self.columns["note"])
        inputs = self.settle_inputs(ids, near)
        paths = [[self.where(k), *sorted(self.other_copies.get(k, ()))] for k in range(len(ids))]
        data = {"article_id": ids, **self.columns, "paths": paths, "near_duplicate_of": near, **extra}
        articles = pd.DataFrame(index=pd.RangeIndex(len(ids)))
        for name in [*ARTICLE_COLUMNS, *extra]:  # one column at a time, each list let go once it is one
            values = data.pop(name)
            if name == "published":
                articles[name] = pd.to_datetime(np.frombuffer(values, dtype="int64"), utc=True)
            elif name == "record":
                articles[name] = np.frombuffer(values, dtype="int64").copy()
            else:
                articles[name] = pd.Series(values, dtype=object if name == "paths" else None)
                values.clear()
        return articles, inputs


def add_note(note: str, more: str) -> str:
    """``note`` with ``more`` after a '; ' (either may be empty)."""
    return "; ".join(filter(None, [note, more]))


def copy_rank(input_id: str, path: str, record: int) -> tuple:
    """Which copy of a text is kept: the smallest own id (copies with one first), then the first path."""
    return (not input_id, input_id, path, record)


def extra_columns(extras: list[dict | None], notes: list[str]) -> dict[str, list[str]]:
    """The other fields as columns: the MAX_EXTRA_COLUMNS most common names, the rest as JSON in OTHER_FIELDS."""
    counts: dict[str, int] = {}
    for fields in extras:
        for name in fields or ():
            counts[name] = counts.get(name, 0) + 1
    counts.pop(OTHER_FIELDS, None)
    kept = sorted(sorted(counts, key=lambda name: (-counts[name], name))[:MAX_EXTRA_COLUMNS])
    columns = {name: [""] * len(extras) for name in kept}
    if len(counts) > MAX_EXTRA_COLUMNS or any(fields and OTHER_FIELDS in fields for fields in extras):
        columns[OTHER_FIELDS] = [""] * len(extras)
    for k, fields in enumerate(extras):
        rest = {}
        for name, value in (fields or {}).items():
            if name in columns and name != OTHER_FIELDS:
                columns[name][k] = value
            else:
                rest[name] = value
        if rest:
            columns[OTHER_FIELDS][k] = json.dumps(rest, ensure_ascii=False, sort_keys=True)
            notes[k] = add_note(notes[k], f"{len(rest)} field(s) kept as JSON in {OTHER_FIELDS} "
                                          f"(a load makes columns of {MAX_EXTRA_COLUMNS} field names at most)")
    return columns
