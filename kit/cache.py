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

This module holds the keys and the calls above; ``kit.cache_store`` the SQLite store and
``kit.cache_frames`` how rows are stored in it.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import fields as dataclass_fields, is_dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

import numpy as np
import pandas as pd

from .cache_frames import assemble, pack_frame, unpack_frame
from .cache_store import (CHUNK_ARTICLES, DB_NAME, CacheWarning, ExtractionCache, datetime_stamp, default_cache_dir,
                          resolve_cache_dir)
from .config import data_path
from .files import sha256_file
from .nlp import pipeline_id
from .nlp_ru import russian_pipeline_version

__all__ = ["CHUNK_ARTICLES", "DB_NAME", "CacheWarning", "ExtractionCache", "assemble", "cached_attribution",
           "cached_statements", "datetime_stamp", "default_cache_dir", "pack_frame", "per_article_stage",
           "pipeline_id", "quotes_engine_key", "registry_hash", "resolve_cache_dir", "sha256_text",
           "speakers_engine_key", "unpack_frame"]

# Part of every engine key: entries written before entries carried a checksum are never looked up.
CACHE_FORMAT = "2"
# The article fields the quote engine may read; a change to any of them re-parses that article.
QUOTE_ARTICLE_FIELDS = ("article_id", "title", "source", "text")
# Lexicons the quote engine reads; editing one re-parses everything.
QUOTE_DATA_FILES = ("speech_verbs.yml",)


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


# ---------------------------------------------------------------- what notebooks call

def rows_point_at_text(doc: dict, article_id: str, text: str) -> bool:
    """True when every row of an unpacked slice belongs to ``article_id`` and its quote is the
    article's text at its offsets (rows without offsets, -1, aside)."""
    data = doc["data"]
    if not doc["n"]:
        return True
    ids, starts, ends, quotes = (data[c] for c in ("article_id", "quote_start", "quote_end", "quote"))
    return all(a == article_id and (s < 0 or text[s:e] == q) for a, s, e, q in zip(ids, starts, ends, quotes))


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
