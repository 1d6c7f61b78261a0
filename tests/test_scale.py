"""The Dask engine gives the local engine's rows, on a LocalCluster of 2 worker processes."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from conftest import SAMPLE, SHARED
from kit.articles import ARTICLE_COLUMNS, load_articles
from kit.cli import app
from kit.nlp import pipeline_name
from kit.quotes import extract_quotes
from kit.scale import (extract, extract_quotes_dask, loaded_pipelines, split_articles,
                       write_partitioned_parquet)

distributed = pytest.importorskip("distributed")

POLNEAR_ARTICLES = 3


def polnear_articles(n: int) -> pd.DataFrame:
    """The first ``n`` PolNeAR dev articles as an articles table (empty where ../shared is absent)."""
    path = SHARED / "gold" / "polnear-dev.jsonl"
    rows = []
    if path.exists():
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if len(rows) == n:
                    break
                doc = json.loads(line)
                rows.append({"article_id": doc["id"], "text": doc["text"]})
    frame = pd.DataFrame(rows, columns=["article_id", "text"])
    return frame.reindex(columns=ARTICLE_COLUMNS, fill_value="")


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    """The fictional sample, the seed article and a few PolNeAR dev articles where present."""
    frames = [load_articles(SAMPLE).articles]
    seed = SHARED / "seed" / "trump-putin-talks.jsonl"
    if seed.exists():
        frames.append(load_articles(seed).articles)
    frames.append(polnear_articles(POLNEAR_ARTICLES))
    return pd.concat([f for f in frames if len(f)], ignore_index=True)


@pytest.fixture(scope="module")
def local_statements(articles, nlp) -> pd.DataFrame:
    return extract_quotes(articles, nlp=nlp)


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster of 2 single-threaded worker processes, shared by this module's tests."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as running, Client(running) as client:
        yield client


def test_local_cluster_by_default_gives_the_local_rows(articles, local_statements):
    found = extract_quotes_dask(articles, n_workers=2, partitions=4)
    assert len(found) > 0
    pd.testing.assert_frame_equal(found, local_statements)


def test_scheduler_address_gives_the_local_rows_in_order(cluster, articles, local_statements):
    found = extract(articles, engine="dask", scheduler=cluster.scheduler.address, partitions=5)
    pd.testing.assert_frame_equal(found, local_statements)


def test_each_worker_loads_the_pipeline_once(cluster, articles):
    extract_quotes_dask(articles, scheduler=cluster, partitions=len(articles))
    per_worker = cluster.run(loaded_pipelines)
    assert len(per_worker) == 2
    assert all(names == [pipeline_name()] for names in per_worker.values())
    # kit.nlp caches per process: one miss means one load, however many partitions ran there.
    misses = cluster.run(lambda: __import__("kit.nlp").nlp._load.cache_info().misses)
    assert set(misses.values()) == {1}


def test_partitioned_parquet_reads_back_like_the_local_file(cluster, articles, local_statements, tmp_path):
    folder = tmp_path / "statements"
    extract_quotes_dask(articles, scheduler=cluster, partitions=4, output=folder)
    parts = sorted(p.name for p in folder.iterdir())
    assert parts and all(p.startswith("part-") and p.endswith(".parquet") for p in parts)
    local_statements.to_parquet(tmp_path / "local.parquet", index=False)
    pd.testing.assert_frame_equal(pd.read_parquet(folder), pd.read_parquet(tmp_path / "local.parquet"))


def test_a_rerun_replaces_the_earlier_parts(cluster, articles, local_statements, tmp_path):
    folder = tmp_path / "statements"
    extract_quotes_dask(articles.iloc[:3], scheduler=cluster, partitions=3, output=folder)
    extract_quotes_dask(articles, scheduler=cluster, partitions=2, output=folder)
    assert len(list(folder.iterdir())) <= 2
    assert len(pd.read_parquet(folder)) == len(local_statements)


def test_output_folder_with_other_files_is_refused_and_kept(articles, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("a reporter's notes")
    with pytest.raises(ValueError, match="not Parquet parts"):
        extract_quotes_dask(articles, scheduler="tcp://127.0.0.1:1", output=folder)
    assert (folder / "notes.txt").read_text() == "a reporter's notes"


def test_no_articles_give_an_empty_table_with_the_statement_columns(cluster, articles, tmp_path):
    found = extract_quotes_dask(articles.iloc[:0], scheduler=cluster, output=tmp_path / "empty")
    assert found.empty and list(found.columns[:3]) == ["article_id", "quote_id", "quote"]
    assert list(pd.read_parquet(tmp_path / "empty").columns) == list(found.columns)


def test_slices_keep_order_and_cover_every_article(articles):
    slices = split_articles(articles, 4)
    assert len(slices) == 4
    pd.testing.assert_frame_equal(pd.concat(slices), articles)
    assert len(split_articles(articles.iloc[:2], 8)) == 2


def test_parts_of_differently_typed_slices_read_back_as_one_table(local_statements, tmp_path):
    empty = local_statements.iloc[:0]
    write_partitioned_parquet([local_statements.iloc[:3], empty, local_statements.iloc[3:]], tmp_path / "p")
    back = pd.read_parquet(tmp_path / "p")
    assert len(back) == len(local_statements)
    assert back["quote_id"].tolist() == local_statements["quote_id"].tolist()


def test_unknown_engine_is_an_error(articles):
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        extract(articles, engine="spark")


def test_cli_engine_dask_writes_parts_the_pipeline_reads(cluster, tmp_path, nlp):
    folder = tmp_path / "statements"
    result = CliRunner().invoke(app, ["quotes", str(SAMPLE), "--no-attribute", "--engine", "dask",
                                      "--cache-dir", str(tmp_path / "cache"),
                                      "--scheduler", cluster.scheduler.address, "-o", str(folder)])
    assert result.exit_code == 0, result.output
    expected = extract_quotes(load_articles(SAMPLE).articles, nlp=nlp)
    assert f"{len(expected)} statements" in result.output
    assert pd.read_parquet(folder)["quote_id"].tolist() == expected["quote_id"].tolist()


def test_cli_rejects_an_unknown_engine():
    result = CliRunner().invoke(app, ["quotes", str(SAMPLE), "--engine", "spark"])
    assert result.exit_code == 2
    assert "'spark' is not one of local, dask" in result.output
