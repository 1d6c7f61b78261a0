"""Records from each input format: plain text and Markdown, JSON, JSON Lines, CSV/TSV, HTML, RSS/Atom.

``records_from_file(path)`` returns the file's format and its :class:`Record` s, raw articles whose
fields are already named for the ``articles`` columns (``text``, ``title``, ``published``…, by
``field_map`` or a common alias); :mod:`kit.articles` turns them into rows.
"""
from __future__ import annotations

import csv
import json
import math
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from .article_bytes import read_text, sniff_binary
from .article_dates import parse_date
from .article_files import SkipFile
from .article_html import html_to_text, page_fields


FORMATS = {
    ".txt": "txt", ".md": "md", ".markdown": "md",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "tsv",
    ".html": "html", ".htm": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
MULTI_RECORD_FORMATS = {"json", "jsonl", "csv", "tsv", "feed"}


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


# Line breaks other than "\n" (a lone carriage return, Word's vertical tab, form feed, NEL, the Unicode line and
# paragraph separators): each becomes one "\n", so paragraphs and headlines are found and offsets do not move.
LONE_CARRIAGE_RETURN = re.compile("\r(?!\n)")
OTHER_LINE_BREAKS = "\v\f\x85\u2028\u2029"


@dataclass
class Record:
    """One raw article from a file before it becomes a row: fields by column name, and notes."""

    fields: dict
    record: int
    date_from: str = "field"
    notes: list[str] = field(default_factory=list)
    error: str = ""
    done: float = 0.0  # share of the file read up to the end of this record (0 when not known), for progress


def records_from_file(path: Path, field_map: dict[str, str] | None = None,
                      seen: dict | None = None) -> tuple[str, Iterable[Record], list[str]]:
    """``(format, records, file notes)`` for one file; raises SkipFile with the reason it cannot be read.

    Records of JSON Lines and CSV files are read as they are asked for (SkipFile may come then too).
    ``seen`` receives the size and sha256 of the bytes read (see :func:`kit.article_bytes.read_bytes`).
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


def file_format(path: Path) -> str:
    """'txt', 'jsonl', 'html', … by suffix (a trailing .gz is looked through), or '' when unsupported."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return FORMATS.get(suffixes[-1], "") if suffixes else ""


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
# one reader per format


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
    """One record from a saved web page: its main text, title, date, site name, url and author."""
    fields, notes = page_fields(text)
    return [Record(fields=fields, record=0, date_from="html", notes=notes)]


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
