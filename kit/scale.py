"""Stage 2 past one machine: the quote engine on a Dask cluster.

``extract(articles, engine="local" | "dask", ...)`` is the one entry point; ``engine="dask"``
calls ``extract_quotes_dask``, which

* starts a ``LocalCluster`` on this machine (``n_workers`` processes, one thread each), or
  connects to a newsroom's own cluster when given its scheduler address
  (``"tcp://10.0.0.5:8786"``) or a ``distributed.Client``;
* cuts the articles into ``partitions`` contiguous slices and sends each to a worker;
* loads the spaCy pipeline once per worker process (``worker_pipeline``; the pipeline name is
  resolved here, on the client, so every worker runs the same one whatever its environment);
* returns the same ``statements`` table as ``kit.quotes.extract_quotes`` (same columns, dtypes
  and row order) and, with ``output``, writes it as partitioned Parquet: a folder of
  ``part-00000.parquet``, ``part-00001.parquet``, … that ``pandas.read_parquet(folder)`` reads
  back in article order, exactly as it reads the single file the local engine writes.

Workers need the same packages as the client (``pip install -r requirements.lock`` and
``pip install --no-deps -e .`` of this repo) so that ``kit.scale`` imports there: Dask sends
a reference to ``_statements_for_partition``, not its code, and a function defined in a
notebook would reload the pipeline for every task.
"""
from __future__ import annotations

import logging
import math
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from .nlp import load_pipeline, pipeline_name
from .quotes import STATEMENT_COLUMNS, extract_quotes

ENGINES = ("local", "dask")
PART_NAME = "part-{:05d}.parquet"
ARTICLES_PER_PARTITION = 250
# Rows per Parquet part when a finished table is written as a folder.
ROWS_PER_PART = 100_000

# Pipelines loaded in this process, by name: on a Dask worker, each is loaded by the first task
# that needs it and reused by every later one.
_WORKER_PIPELINES: dict[str, object] = {}


def worker_pipeline(spacy_model: str):
    """The spaCy pipeline ``spacy_model``, loaded at most once in this process."""
    if spacy_model not in _WORKER_PIPELINES:
        _WORKER_PIPELINES[spacy_model] = load_pipeline(spacy_model)
    return _WORKER_PIPELINES[spacy_model]


def loaded_pipelines() -> list[str]:
    """Names of the pipelines this process has loaded through :func:`worker_pipeline`."""
    return sorted(_WORKER_PIPELINES)


def _statements_for_partition(part: pd.DataFrame, spacy_model: str, options: dict) -> pd.DataFrame:
    """Runs on a worker: the statements of one slice of the articles table."""
    return extract_quotes(part, nlp=worker_pipeline(spacy_model), **options)


def default_partitions(n_articles: int, n_workers: int) -> int:
    """Enough slices to keep every worker busy (4 each), more for a large archive so that a slice
    stays small (about 250 articles) and a slow one does not hold up the end of the run."""
    wanted = max(4 * n_workers, math.ceil(n_articles / ARTICLES_PER_PARTITION))
    return max(1, min(n_articles, wanted))


def split_articles(articles: pd.DataFrame, partitions: int) -> list[pd.DataFrame]:
    """``partitions`` contiguous, order-keeping slices of ``articles`` (none empty)."""
    partitions = max(1, min(partitions, len(articles)))
    bounds = [round(i * len(articles) / partitions) for i in range(partitions + 1)]
    return [articles.iloc[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


def combine_statements(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """One statements table from per-slice tables, in slice order, with the engine's dtypes
    (an empty slice's table is left out so that its untyped columns do not widen the rest)."""
    non_empty = [f for f in frames if len(f)]
    if not non_empty:
        return frames[0].reset_index(drop=True) if frames else pd.DataFrame(columns=STATEMENT_COLUMNS)
    return pd.concat(non_empty, ignore_index=True)


def _connect(scheduler, n_workers: int):
    """``(client, close)``: a client for the cluster, and whether this run started (and so must
    close) it; a ``Client`` passed in stays open for its owner."""
    from distributed import Client, LocalCluster

    if isinstance(scheduler, Client):
        return scheduler, False
    if scheduler:
        return Client(scheduler), True
    cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), True


def check_parts_folder(output: Path) -> None:
    """Refuse to replace anything but a folder of an earlier run's parts."""
    if not output.exists():
        return
    if not output.is_dir():
        raise ValueError(f"{output}: exists and is not a folder; give a folder for partitioned Parquet")
    foreign = [p.name for p in output.iterdir() if not (p.name.startswith("part-") and p.suffix == ".parquet")]
    if foreign:
        raise ValueError(f"{output}: folder holds files that are not Parquet parts of an earlier run "
                         f"({', '.join(sorted(foreign)[:3])}); choose an empty or new folder")


def write_partitioned_parquet(frames: list[pd.DataFrame], output: Path) -> Path:
    """Write one Parquet part per non-empty table into the folder ``output``, atomically: the
    parts go into a temporary folder beside it that then replaces ``output`` (an earlier run's
    folder is swapped out only once every part is written)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    output = Path(output)
    check_parts_folder(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    parts = [f for f in frames if len(f)] or [combine_statements(frames)]
    tables = [pa.Table.from_pandas(f, preserve_index=False) for f in parts]
    # One schema for all parts, so that a column that is all-empty in one part keeps its type.
    schema = pa.unify_schemas([t.schema for t in tables], promote_options="permissive")
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.", dir=output.parent))
    try:
        for i, table in enumerate(tables):
            pq.write_table(table.cast(schema), staging / PART_NAME.format(i))
        if output.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{output.name}.old.", dir=output.parent))
            os.replace(output, old / output.name)
            os.replace(staging, output)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, output)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return output


def write_parts(table: pd.DataFrame, output: Path, rows_per_part: int = ROWS_PER_PART) -> Path:
    """``table`` as partitioned Parquet in the folder ``output``: contiguous slices of its rows, in order."""
    parts = max(1, math.ceil(len(table) / rows_per_part))
    return write_partitioned_parquet(split_articles(table, parts) or [table], output)


def extract_quotes_dask(articles: pd.DataFrame, scheduler=None, n_workers: int = 2,
                        partitions: int | None = None, output: Path | None = None, *,
                        spacy_model: str | None = None, **options) -> pd.DataFrame:
    """The ``statements`` table for ``articles``, extracted on a Dask cluster.

    ``scheduler``: None for a ``LocalCluster`` of ``n_workers`` processes on this machine, else a
    scheduler address such as ``"tcp://dask.newsroom.internal:8786"`` or a ``distributed.Client``
    (its cluster is used as it is: ``n_workers`` is ignored). ``partitions``: how many slices
    the articles are cut into (default :func:`default_partitions`). ``output``: a folder to
    write the table into as partitioned Parquet. ``spacy_model`` names the spaCy pipeline (default
    ``KIT_SPACY_MODEL`` or the kit's default); other keywords (``fast=``, ``batch_size=``) go to
    ``kit.quotes.extract_quotes`` on every worker, which parses in its own process (a Dask
    worker may not start processes of its own).
    """
    pipeline = pipeline_name(spacy_model)
    options = {**options, "n_process": 1}
    if output is not None:
        check_parts_folder(Path(output))
    client, ours = _connect(scheduler, n_workers)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})) or n_workers)
        slices = split_articles(articles, partitions or default_partitions(len(articles), workers))
        # Load the pipeline on every worker before the tasks arrive: a missing pipeline fails
        # here with its install command, and no task pays for the load.
        client.run(worker_pipeline, pipeline)
        futures = client.map(_statements_for_partition, slices, spacy_model=pipeline,
                             options=options, pure=False)
        frames = client.gather(futures)
    finally:
        if ours:
            cluster = client.cluster  # the LocalCluster this run started, else None
            client.close()
            if cluster is not None:
                cluster.close()
    if not slices:
        frames = [extract_quotes(articles.iloc[:0], nlp=load_pipeline(pipeline), **options)]
    if output is not None:
        write_partitioned_parquet(frames, Path(output))
    return combine_statements(frames)


def extract(articles: pd.DataFrame, engine: str = "local", *, spacy_model: str | None = None, nlp=None,
            scheduler=None, n_workers: int = 2, partitions: int | None = None,
            output: Path | None = None, model: str | None = None, **options) -> pd.DataFrame:
    """The ``statements`` table, by the local engine (this machine, ``n_process`` processes, by
    default ``kit.nlp.default_n_process()``) or on a Dask cluster (``engine="dask"``, see
    :func:`extract_quotes_dask`); both give the same rows. ``output`` (Dask only) is a folder for
    partitioned Parquet. ``nlp``, a loaded pipeline, saves the local engine loading ``spacy_model``.

    ``model=`` is the old name of ``spacy_model=`` and still works (deprecated).
    """
    spacy_model = spacy_model or model
    if engine == "local":
        if output is not None:
            raise ValueError("output= is for engine='dask'; write the local table with DataFrame.to_parquet")
        return extract_quotes(articles, nlp=nlp if nlp is not None else load_pipeline(spacy_model), **options)
    if engine == "dask":
        return extract_quotes_dask(articles, scheduler=scheduler, n_workers=n_workers,
                                   partitions=partitions, output=output, spacy_model=spacy_model, **options)
    raise ValueError(f"unknown engine '{engine}': use one of {', '.join(ENGINES)}")
