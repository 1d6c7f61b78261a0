"""Stage 1: load articles from files into one tidy ``articles`` table.

``load_articles(paths)`` returns a :class:`Loaded` pair of DataFrames.

``articles`` columns (one row per distinct article):
    article_id      str   the input's ``id`` where given, else a short hash of the normalised text
    title           str   headline ("" when unknown)
    text            str   body text exactly as given (quote offsets refer to it)
    published       datetime64[ns, UTC]  publication time, NaT when unknown (never invented)
    published_from  str   where the date came from: front_matter | field | filename | "" (unknown)
    source          str   outlet or publisher ("" when unknown)
    url             str   link to the original ("" when unknown)
    path            str   file the article came from
    record          int   record number within the file (0 for single-article files)
    content_hash    str   sha256 of the normalised text
    ... any other front-matter or JSON fields, kept as extra columns

``inputs`` columns (one row per file, and per record of multi-record files):
    path, record (-1 for a whole file), status (loaded | duplicate | skipped),
    reason (plain English, "" when loaded), article_id
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd
import yaml

ARTICLE_COLUMNS = [
    "article_id", "title", "text", "published", "published_from", "source", "url",
    "path", "record", "content_hash",
]
INPUT_COLUMNS = ["path", "record", "status", "reason", "article_id"]
TEXT_SUFFIXES = {".txt", ".md"}
JSON_SUFFIXES = {".json", ".jsonl"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
FILENAME_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass
class Loaded:
    """What a load returns: the ``articles`` table and the ``inputs`` accounting."""

    articles: pd.DataFrame
    inputs: pd.DataFrame

    def summary(self) -> dict[str, int]:
        """Count of inputs per status, e.g. ``{"loaded": 10, "skipped": 1}``."""
        return self.inputs["status"].value_counts().to_dict()


class SkipFile(Exception):
    """A file (or record) that cannot be loaded; the message is the reason shown to the user."""


def normalised_text(text: str) -> str:
    """Text folded for identity: Unicode NFKC, whitespace collapsed, case kept."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def content_hash(text: str) -> str:
    """sha256 hex digest of the normalised text."""
    return hashlib.sha256(normalised_text(text).encode("utf-8")).hexdigest()


def parse_published(value) -> pd.Timestamp:
    """A UTC timestamp from a date value, or NaT when it cannot be parsed."""
    if value is None or value == "":
        return pd.NaT
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        return pd.NaT
    if ts is pd.NaT:
        return pd.NaT
    return ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every file named, or found recursively under a named folder, in sorted order."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith("."))
        else:
            yield p


def read_text(path: Path) -> str:
    """The file's text as UTF-8 (a BOM is dropped)."""
    raw = path.read_bytes()
    if not raw.strip():
        raise SkipFile("empty file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SkipFile("not valid UTF-8") from exc


def records_from_text_file(path: Path) -> list[dict]:
    """One record from a .txt/.md file: YAML front matter if any, else first line as title."""
    text = read_text(path)
    meta: dict = {}
    m = FRONT_MATTER.match(text)
    if m:
        meta = yaml.safe_load(m.group(1)) or {}
        text = text[m.end():]
        meta["_published_from"] = "front_matter"
    if "title" not in meta:
        first, _, rest = text.lstrip("\n").partition("\n")
        if first and len(first) < 200 and not first.rstrip().endswith((".", "”", '"')):
            meta["title"] = first.strip()
            text = rest.lstrip("\n")
    return [{**meta, "text": text}]


def records_from_json_file(path: Path) -> list[dict]:
    """Records from .json (an object or list) and .jsonl (one object per line)."""
    text = read_text(path)
    if path.suffix.lower() == ".jsonl":
        out = []
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    out.append(SkipFile(f"JSON error at line {n}: {exc.msg}"))
        return out
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SkipFile(f"JSON error at line {exc.lineno}: {exc.msg}") from exc
    return data if isinstance(data, list) else [data]


def records_from_file(path: Path) -> list[dict]:
    """The raw records in one file, by its suffix."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return records_from_text_file(path)
    if suffix in JSON_SUFFIXES:
        return records_from_json_file(path)
    raise SkipFile(f"unsupported file type '{suffix or path.name}'")


def article_from_record(rec: dict, path: Path, record: int) -> dict:
    """One ``articles`` row from a raw record."""
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise SkipFile("no text")
    published = parse_published(rec.get("published"))
    from_ = rec.pop("_published_from", "field") if not pd.isna(published) else ""
    if pd.isna(published):
        m = FILENAME_DATE.search(path.name)
        if m:
            published, from_ = parse_published("-".join(m.groups())), "filename"
    chash = content_hash(text)
    row = {k: v for k, v in rec.items() if not k.startswith("_")}
    row.update(
        article_id=str(rec.get("id") or chash[:12]),
        title=str(rec.get("title") or ""),
        text=text,
        published=published,
        published_from=from_,
        source=str(rec.get("source") or ""),
        url=str(rec.get("url") or ""),
        path=str(path),
        record=record,
        content_hash=chash,
    )
    row.pop("id", None)
    return row


def load_articles(paths: str | Path | Iterable[str | Path]) -> Loaded:
    """Load every article under ``paths`` and account for every input file.

    A file that cannot be read is skipped with a reason; the rest still load. Exact
    duplicates (same normalised text) are loaded once and the repeats marked ``duplicate``.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    rows, inputs, seen = [], [], {}
    for path in iter_files(paths):
        try:
            records = records_from_file(path)
        except SkipFile as exc:
            inputs.append(dict(path=str(path), record=-1, status="skipped", reason=str(exc), article_id=""))
            continue
        multi = len(records) > 1 or path.suffix.lower() in JSON_SUFFIXES
        for i, rec in enumerate(records):
            record = i if multi else 0
            try:
                if isinstance(rec, Exception):
                    raise rec
                if not isinstance(rec, dict):
                    raise SkipFile("record is not a JSON object")
                row = article_from_record(dict(rec), path, record)
            except SkipFile as exc:
                inputs.append(dict(path=str(path), record=record, status="skipped", reason=str(exc), article_id=""))
                continue
            if row["content_hash"] in seen:
                inputs.append(dict(path=str(path), record=record, status="duplicate",
                                   reason=f"same text as {seen[row['content_hash']]}", article_id=seen[row["content_hash"]]))
                continue
            seen[row["content_hash"]] = row["article_id"]
            rows.append(row)
            inputs.append(dict(path=str(path), record=record, status="loaded", reason="", article_id=row["article_id"]))
    articles = pd.DataFrame(rows)
    for col in ARTICLE_COLUMNS:
        if col not in articles:
            articles[col] = pd.Series(dtype="object")
    articles["published"] = pd.to_datetime(articles["published"], utc=True)
    extra = [c for c in articles.columns if c not in ARTICLE_COLUMNS]
    articles = articles[ARTICLE_COLUMNS + extra].reset_index(drop=True)
    return Loaded(articles=articles, inputs=pd.DataFrame(inputs, columns=INPUT_COLUMNS))
