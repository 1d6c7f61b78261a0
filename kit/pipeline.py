"""The one flow, from articles to the report's tables, that the command line, the report and the notebooks call.

    select_articles(loaded, start_date, end_date)   the articles published in a date range
    extracted_statements(articles, ...)              the quote engine's rows, from the cache where it can
    attributed_statements(articles, ...)             + actor, camp, role and date, + reporters' corrections
    build_tables(statements, articles, ...)          every report table (who said what, counts, themes,
                                                     claims, echoes) as a ``Tables``

Each stage's output is checked against its schema (``kit.schemas``) before the next stage reads it.
Every function that parses takes ``spacy_model`` (the pipeline's name; "" or None for
``KIT_SPACY_MODEL`` or the default) and ``n_process`` (None for the usable cores,
``kit.nlp.default_n_process()``); the rows never depend on ``n_process``.

``start_date`` and ``end_date`` always mean the day an article was **published** (both days
included); the day a statement was said is ``said_on``, a column to filter on afterwards.
"""
from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pandas as pd

from .cache import (CHUNK_ARTICLES, assemble, cached_attribution, cached_statements, pack_frame, per_article_stage,
                    pipeline_id, registry_hash, sha256_text, unpack_frame)
from .claim_units import pack_units, unpack_units
from .claims import claim_features, claims_and_counterclaims
from .corrections import apply_corrections
from .echoes import EchoLexicon, add_echoes, echo_clusters, echo_keys, echoes, load_echo_lexicon
from .files import BIDI_CONTROLS
from .nlp import default_n_process
from .quotes import ARTICLE_SECONDS
from .scale import ENGINES, extract
from .schemas import check_table
from .registry import Registry, load_registry
from .table import (ARTICLE_FIELDS, by_camp_and_period, period_start, speakers_by_camp, texts_by_period, who_said_what,
                    write_table)
from .themes import (ThemeLexicon, add_themes, lemmatise, load_themes, statement_text, theme_period_for, theme_terms,
                     themes_by_camp, themes_by_period)


def select_articles(loaded, start_date: str = "", end_date: str = "") -> pd.DataFrame:
    """The articles published between ISO dates ``start_date`` and ``end_date`` (both days included;
    "" leaves that end open; with either set, articles without a publication date are left out).

    ``loaded`` is what ``kit.load_articles`` returns, or its ``articles`` table.
    """
    articles = check_table(getattr(loaded, "articles", loaded), "articles")
    if hasattr(loaded, "inputs"):
        check_table(loaded.inputs, "inputs")
    when = pd.to_datetime(articles["published"], errors="coerce", utc=True)
    keep = pd.Series(True, index=articles.index)
    if start_date:
        keep &= when >= pd.Timestamp(start_date, tz="UTC")
    if end_date:
        keep &= when < pd.Timestamp(end_date, tz="UTC") + pd.Timedelta(days=1)
    return articles[keep]


# The columns a reader sees a statement by, checked for text that displays otherwise than it reads.
SHOWN_COLUMNS = ("quote", "speaker", "speaker_mention", "sentence")


def with_display_notes(statements: pd.DataFrame, columns: Iterable[str] = SHOWN_COLUMNS) -> pd.DataFrame:
    """The statements with a ``note`` on each row whose quote, speaker or sentence holds
    bidirectional controls (U+202E …): such text displays in another order than it reads ("tpecca
    ton" between U+202E and U+202C shows as "not accept"). The report and the quote browser show
    the controls as marks (``⟨U+202E⟩``); speakers are matched with them removed."""
    notes = [[] for _ in range(len(statements))]
    for col in (c for c in columns if c in statements.columns and _may_hold_controls(statements[c])):
        for i, value in enumerate(statements[col].tolist()):
            found = sorted(set(BIDI_CONTROLS.findall(value))) if isinstance(value, str) else []
            if found:
                notes[i].append((col, found))
    described = [_bidi_note(n) for n in notes]
    if "note" in statements.columns:
        described = ["; ".join(filter(None, [str(old or ""), new])) for old, new in zip(statements["note"].tolist(), described)]
    return statements.assign(note=described)


def _may_hold_controls(column: pd.Series) -> bool:
    """False when no cell of a text column holds a bidirectional control, asked of the whole column at once
    (in C for Arrow-backed text); every cell of other columns is looked at."""
    if not isinstance(column.dtype, pd.StringDtype):
        return True
    return bool(column.str.contains(BIDI_CONTROLS.pattern, regex=True).fillna(False).any())


def _bidi_note(found: list[tuple[str, list[str]]]) -> str:
    if not found:
        return ""
    marks = sorted({f"U+{ord(c):04X}" for _, chars in found for c in chars})
    return (f"bidirectional control characters ({', '.join(marks)}) in the {', '.join(col for col, _ in found)}: "
            "the text may display in another order than it reads; the report shows them as marks")


# A parse starts one more process only for this many articles more (a re-run with a few new ones parses in one).
ARTICLES_PER_PROCESS = 32


def _stage(log, name: str):
    return log.stage(name) if log is not None else nullcontext()


def _tell(progress, stage: str, done: int, total: int = 0, unit: str = "") -> None:
    if progress is not None:
        progress(stage, done, total, unit)


def extracted_statements(articles: pd.DataFrame, *, spacy_model: str | None = None, cache_dir: str | Path | None = None,
                         engine: str = "local", n_process: int | None = None, scheduler=None, n_workers: int = 2,
                         log=None, progress=None, article_seconds: float | None = ARTICLE_SECONDS) -> pd.DataFrame:
    """The ``statements`` table of the quote engine (``kit.quotes``); only articles the extraction
    cache has not seen with this engine and pipeline are parsed.

    ``engine`` is "local" (``n_process`` processes on this machine) or "dask" (``scheduler``, or a
    LocalCluster of ``n_workers``; see ``kit.scale``). ``log`` (a ``kit.params.StageLog``) records
    the stage "quotes": statements, and articles parsed and reused. ``progress`` (a
    ``kit.terminal.Reporter``, e.g. ``kit.terminal.Progress()`` or ``StageLog.progress``) is told
    how many articles are parsed as the parse goes. ``article_seconds`` is the quote engine's time
    budget per article (``kit.extract_quotes``); ``statements.attrs["notes"]`` names each article
    skipped for it or read in parts, and the stage log lists them.
    """
    if engine not in ENGINES:
        raise ValueError(f"'{engine}' is not one of {', '.join(ENGINES)}")
    n_process = default_n_process() if not n_process else int(n_process)

    def parse(subset: pd.DataFrame, nlp=None) -> pd.DataFrame:
        _tell(progress, "parsing", 0, len(subset), "articles")
        told = {"progress": lambda n: _tell(progress, "parsing", n, len(subset), "articles")} \
            if progress is not None and engine == "local" else {}
        # Starting a process that loads its own pipeline costs seconds: a few new articles parse in this one.
        processes = max(1, min(n_process, len(subset) // ARTICLES_PER_PROCESS))
        frame = extract(subset, engine, spacy_model=spacy_model or None, nlp=nlp, scheduler=scheduler,
                        n_workers=n_workers, n_process=processes, article_seconds=article_seconds, **told)
        _tell(progress, "parsing", len(subset), len(subset), "articles")
        return frame

    with _stage(log, "quotes"):
        # Stored every CHUNK_ARTICLES articles; a Dask run stores per larger chunk, each of which starts a cluster.
        statements = cached_statements(articles, extract=parse, spacy_model=spacy_model or None,
                                       cache_dir=cache_dir or None,
                                       chunk=CHUNK_ARTICLES if engine == "local" else 10 * CHUNK_ARTICLES)
    if log is not None:
        log.count("quotes", statements=len(statements), **statements.attrs["cache"])
        log.note("quotes", *statements.attrs["cache_notes"], *statements.attrs["notes"])
    return check_table(with_display_notes(statements), "statements")


def attributed_statements(articles: pd.DataFrame, *, spacy_model: str | None = None, registry: Registry | None = None,
                          cache_dir: str | Path | None = None, engine: str = "local", n_process: int | None = None,
                          corrections_file: str | Path | None = None, scheduler=None, n_workers: int = 2,
                          log=None, progress=None, article_seconds: float | None = ARTICLE_SECONDS) -> pd.DataFrame:
    """Every statement in ``articles`` with its speaker tied to an actor, a camp, a role and the
    day it was said (``kit.speakers``, ``kit.when``), then a reporter's corrections applied.

    Extraction and attribution both come from the cache where nothing changed (see
    :func:`extracted_statements` for ``spacy_model``, ``engine``, ``n_process``, ``article_seconds``;
    its notes stay in ``statements.attrs["notes"]``). ``registry`` is
    the actor registry (default ``data/actors.yml``); ``corrections_file`` a corrections CSV
    (``kit.corrections``; its counts end up in ``statements.attrs["corrections"]``). ``log``
    records the stages "quotes", "attribute" and "corrections"; ``progress`` is told of each.
    """
    statements = extracted_statements(articles, spacy_model=spacy_model, cache_dir=cache_dir, engine=engine,
                                      n_process=n_process, scheduler=scheduler, n_workers=n_workers, log=log,
                                      progress=progress, article_seconds=article_seconds)
    notes = statements.attrs.get("notes", [])
    registry = registry if registry is not None else load_registry()
    _tell(progress, "attributing", 0, 0, "statements")
    with _stage(log, "attribute"):
        statements = cached_attribution(statements, articles, registry, cache_dir=cache_dir or None)
    _tell(progress, "attributed", len(statements), 0, "statements")
    if log is not None:
        log.count("attribute", **statements.attrs["cache"])
        log.note("attribute", *statements.attrs["cache_notes"])
    if corrections_file:
        with _stage(log, "corrections"):
            statements = apply_corrections(statements, corrections_file, registry)
        fixed = statements.attrs["corrections"]
        if log is not None:
            log.count("corrections", rows=fixed["rows"], applied=fixed["applied"], unmatched=len(fixed["unmatched"]))
    statements = check_table(statements, "attributed_statements")
    statements.attrs["notes"] = notes
    return statements


@dataclass
class Tables:
    """Every table of a report, built by :func:`build_tables`; ``write`` puts them in a folder."""

    who_said_what: pd.DataFrame
    by_period: pd.DataFrame
    speakers: pd.DataFrame
    theme_tags: pd.DataFrame
    themes_by_camp: pd.DataFrame
    themes_by_period: pd.DataFrame
    claims: pd.DataFrame
    echoes: pd.DataFrame
    texts: pd.DataFrame | None = None
    period: str = "week"
    theme_period: str = "month"
    claim_days: int = 7
    # The extraction cache's folder, where ``write`` keeps the rows of the CSV files it wrote (kit.csv_reuse).
    cache_dir: Path | None = None

    def named(self) -> dict[str, pd.DataFrame]:
        """File name -> table, as written under ``tables/``."""
        return {
            "who_said_what": self.who_said_what,
            f"by_camp_and_{self.period}": self.by_period,
            **({f"texts_by_{self.period}": self.texts} if self.texts is not None else {}),
            "speakers_by_camp": self.speakers,
            "theme_tags": self.theme_tags,
            "themes_by_camp": self.themes_by_camp,
            f"themes_by_{self.theme_period}": self.themes_by_period,
            "claims_and_counterclaims": self.claims,
            "echoes": self.echoes,
        }

    def write(self, folder: str | Path, formats=("csv", "parquet"), extra: dict[str, pd.DataFrame] | None = None,
              database: str | None = "who_said_what.db") -> list[Path]:
        """Check every table's schema and write it in each format, then all of them (and ``extra``
        tables, e.g. ``actors``) into the SQLite file ``database`` with full-text search
        (``kit.table.write_sqlite``; None for no database). Returns the paths."""
        from .sqlite_reuse import write_sqlite_reusing

        named = {**self.named(), **(extra or {})}
        rows = Path(self.cache_dir) / CSV_ROWS if self.cache_dir is not None else None
        written = {name: write_table(t, folder, name, formats, csv_rows=rows) for name, t in named.items()}
        paths = [p for found in written.values() for p in found]
        if database:
            # Copied from the last run's file when every table is the same (kit.sqlite_reuse).
            parquet = {name: p for name, found in written.items() for p in found if p.suffix == ".parquet"}
            store = Path(self.cache_dir) / SQLITE_FILES if self.cache_dir is not None else None
            paths.append(write_sqlite_reusing(named, Path(folder) / database, store, parquet))
        return paths


# The extraction cache's folder for the rows of the CSV files a run wrote (kit.csv_reuse).
CSV_ROWS = "csv_rows"
# ... and for the last SQLite file a run built (kit.sqlite_reuse).
SQLITE_FILES = "sqlite"
# Bumped when what a statement's table piece holds changes (the cache keys on it).
PIECES_VERSION = "4"
_PIECE_THEMES, _PIECE_ECHO, _PIECE_CLAIMS = "_themes", "_echo_key", "_claim_units"


def statement_pieces(statements: pd.DataFrame, articles: pd.DataFrame, *, lexicon: ThemeLexicon,
                     echo_lexicon: EchoLexicon, registry: Registry, nlp=None, spacy_model: str | None = None,
                     method: str = "stem") -> pd.DataFrame:
    """Everything the report's tables need from each statement that depends on it and its article alone:
    its who-said-what row, the themes it touches (``_themes``: [theme, terms] pairs), the words it
    echoes on (``_echo_key``) and what claims read in it (``_claim_units``: its sentences or itself, with their
    offsets, see ``kit.claims.claim_features`` and ``kit.claim_units.pack_units``).
    ``build_tables`` keeps these per article in the extraction cache, so a re-run computes them only
    for new or changed articles."""
    table = who_said_what(statements, articles)
    texts = [statement_text(q, s) for q, s in zip(table["quote"], table["sentence"])]
    lemmas = lemmatise(texts, nlp, method=method) if len(table) else []
    found = theme_terms(lemmas, lexicon)
    tags = pd.DataFrame([(q, t) for q, f in zip(table["quote_id"], found) for t in f], columns=["quote_id", "theme"])
    article_texts = dict(zip(articles["article_id"], articles["text"])) if "text" in articles else None
    features = claim_features(table, tags, lemmas, lexicon, nlp, registry, method, spacy_model=spacy_model,
                              texts=article_texts)
    return table.assign(**{_PIECE_THEMES: [[[t, "; ".join(terms)] for t, terms in f.items()] for f in found],
                           _PIECE_ECHO: echo_keys(table, echo_lexicon),
                           _PIECE_CLAIMS: pack_units(features, table["quote_id"].tolist())})


def table_pieces(statements: pd.DataFrame, articles: pd.DataFrame, *, lexicon: ThemeLexicon, echo_lexicon: EchoLexicon,
                 registry: Registry, nlp=None, spacy_model: str | None = None, method: str = "stem",
                 cache_dir: str | Path | None = None) -> pd.DataFrame:
    """:func:`statement_pieces` for every statement, per article: from the extraction cache where the
    article, its statements, the lexicons, the registry and the parser are unchanged (``cache_dir``;
    None computes everything and stores nothing). Sorted as who-said-what is."""
    def compute(part: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
        return statement_pieces(part, rows, lexicon=lexicon, echo_lexicon=echo_lexicon, registry=registry, nlp=nlp,
                                spacy_model=spacy_model, method=method)

    if cache_dir is None:
        frame = assemble([unpack_frame(pack_frame(compute(statements, articles)))])
    else:
        engine = sha256_text("tables", PIECES_VERSION, lexicon, echo_lexicon, method, registry_hash(registry),
                             pipeline_id(spacy_model or None, nlp))
        frame = per_article_stage("tables", engine, statements, articles, compute,
                                  fields=ARTICLE_FIELDS, cache_dir=cache_dir)
    attrs = dict(frame.attrs)
    frame = frame.sort_values(["said_on", "published", "article_id", "quote_start", "quote_id"], kind="stable",
                              na_position="last").reset_index(drop=True)
    frame.attrs = attrs
    return frame


def build_tables(statements: pd.DataFrame, articles: pd.DataFrame, period: str = "week", claim_days: int = 7,
                 nlp=None, lexicon: ThemeLexicon | None = None, claim_limit: int | None = 200,
                 method: str = "stem", registry: Registry | None = None, cache_dir: str | Path | None = None,
                 spacy_model: str | None = None, log=None) -> Tables:
    """Every report table from attributed statements: who said what (with themes and echoes),
    counts per camp and period, speakers, themes, claims vs counter-claims and echoes.

    What each statement contributes (:func:`statement_pieces`) is computed per article and, with
    ``cache_dir``, kept in the extraction cache, so a re-run after new articles computes only theirs;
    what spans statements (counts, echo clusters, claim pairs) is then computed from those pieces.
    Cold or warm, the tables are the same bytes. Negations and hedges are parsed with ``nlp``, else
    the pipeline ``spacy_model`` (loaded only when a statement needs it). Statements are lemmatised once (``method``: "stem" or
    "spacy", see :func:`lemmatise`); ``registry`` (default ``data/actors.yml``) tells claims which
    names belong to which camp. ``log`` (a ``kit.params.StageLog``) records under "tables" how many
    articles' pieces were computed and reused.
    """
    lexicon = lexicon or load_themes()
    registry = registry if registry is not None else load_registry()
    period_start(pd.Series([], dtype="datetime64[us]"), period)  # a wrong period fails before the slow part
    pieces = table_pieces(statements, articles, lexicon=lexicon, echo_lexicon=load_echo_lexicon(), registry=registry,
                          nlp=nlp, spacy_model=spacy_model, method=method, cache_dir=cache_dir)
    if log is not None and "cache" in pieces.attrs:
        log.count("tables", **{k: v for k, v in pieces.attrs["cache"].items() if k != "articles"})
        log.note("tables", *pieces.attrs.get("cache_notes", []))
    tables = tables_from_pieces(pieces, articles, period=period, claim_days=claim_days, lexicon=lexicon,
                                claim_limit=claim_limit, registry=registry)
    tables.cache_dir = Path(cache_dir) if cache_dir is not None else None
    return tables


def tables_from_pieces(pieces: pd.DataFrame, articles: pd.DataFrame, *, period: str, claim_days: int,
                       lexicon: ThemeLexicon, claim_limit: int | None, registry: Registry) -> Tables:
    """Every report table from the statements' pieces (:func:`table_pieces`): what spans statements
    (counts, themes per camp and period, echo clusters, claim pairs) is worked out here."""
    extra = [_PIECE_THEMES, _PIECE_ECHO, _PIECE_CLAIMS]
    table = pieces.drop(columns=extra)
    table.attrs = {}
    tags = pd.DataFrame([(q, t, lexicon.labels[t], terms)
                         for q, found in zip(pieces["quote_id"].tolist(), pieces[_PIECE_THEMES].tolist())
                         for t, terms in found], columns=["quote_id", "theme", "label", "terms"]).astype(str)
    features = unpack_units(pieces["quote_id"].tolist(), pieces[_PIECE_CLAIMS].tolist())
    clusters = echo_clusters(table, keys=pieces[_PIECE_ECHO].tolist())
    table = add_echoes(add_themes(table, tags), clusters)
    theme_period = theme_period_for(table, period)
    return Tables(
        who_said_what=table,
        by_period=by_camp_and_period(table, period),
        speakers=speakers_by_camp(table),
        theme_tags=tags,
        themes_by_camp=themes_by_camp(table, tags, lexicon),
        themes_by_period=themes_by_period(table, tags, theme_period),
        claims=claims_and_counterclaims(table, tags, days=int(claim_days), lexicon=lexicon, limit=claim_limit,
                                        registry=registry, features=features),
        echoes=echoes(table, clusters),
        texts=texts_by_period(articles, period),
        period=period, theme_period=theme_period, claim_days=int(claim_days),
    )
