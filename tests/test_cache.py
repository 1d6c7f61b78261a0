"""The extraction cache: re-runs parse only what is new, and invalidate exactly what changed."""
from __future__ import annotations

import shutil

import numpy as np
import pandas as pd
import pytest

from conftest import REPO, SAMPLE, SAMPLE_ACTORS
from kit import cache, cache_frames
from kit.articles import load_articles
from kit.registry import load_registry


class CountingExtract:
    """A quote engine stand-in that records which articles it was asked to parse.

    It returns a "statement" per 100 characters (up to three), with the column contract of
    ``kit.quotes`` and values of the types the cache must keep (ints, floats, nested lists).
    """

    def __init__(self):
        self.seen: list[str] = []

    def __call__(self, articles: pd.DataFrame, nlp=None) -> pd.DataFrame:
        rows = []
        for aid, text in zip(articles["article_id"], articles["text"]):
            self.seen.append(aid)
            for n, start in enumerate(range(0, min(len(text), 300), 100)):
                rows.append({"article_id": aid, "quote_id": f"{aid}:{start}", "quote": text[start:start + 40],
                             "quote_start": start, "quote_end": start + 40, "quote_spans": [[start, start + 40]],
                             "kind": "direct", "speaker": f"Speaker {n}", "confidence": 0.5 + n / 10})
        return pd.DataFrame(rows, columns=["article_id", "quote_id", "quote", "quote_start", "quote_end",
                                           "quote_spans", "kind", "speaker", "confidence"])


@pytest.fixture()
def articles():
    return load_articles(SAMPLE).articles


def test_warm_run_parses_nothing_and_returns_the_same_table(articles, tmp_path):
    engine = CountingExtract()
    cold = cache.cached_statements(articles, extract=engine, cache_dir=tmp_path, engine_version="t1")
    assert sorted(engine.seen) == sorted(articles["article_id"])
    assert cold.attrs["cache"] == {"articles": len(articles), "parsed": len(articles), "reused": 0, "rejected": 0}
    engine.seen.clear()
    warm = cache.cached_statements(articles, extract=engine, cache_dir=tmp_path, engine_version="t1")
    assert engine.seen == []
    assert warm.attrs["cache"]["parsed"] == 0 and warm.attrs["cache"]["reused"] == len(articles)
    pd.testing.assert_frame_equal(cold, warm)
    pd.testing.assert_frame_equal(warm, engine(articles), check_dtype=True)


def test_only_new_or_changed_articles_are_parsed(articles, tmp_path):
    engine = CountingExtract()
    cache.cached_statements(articles, extract=engine, cache_dir=tmp_path, engine_version="t1")
    engine.seen.clear()
    changed = articles.copy()
    changed.loc[changed.index[2], "text"] = changed.iloc[2]["text"] + "\n\nA correction was appended."
    new = changed.iloc[[0]].assign(article_id="brand-new", text="A wholly new fictional article. " * 5)
    grown = pd.concat([changed, new], ignore_index=True)
    out = cache.cached_statements(grown, extract=engine, cache_dir=tmp_path, engine_version="t1")
    assert sorted(engine.seen) == sorted([articles.iloc[2]["article_id"], "brand-new"])
    assert out.attrs["cache"] == {"articles": len(grown), "parsed": 2, "reused": len(grown) - 2, "rejected": 0}
    pd.testing.assert_frame_equal(out, engine(grown))


def test_a_new_engine_version_reparses_everything(articles, tmp_path):
    engine = CountingExtract()
    cache.cached_statements(articles, extract=engine, cache_dir=tmp_path, engine_version="t1")
    engine.seen.clear()
    cache.cached_statements(articles, extract=engine, cache_dir=tmp_path, engine_version="t2")
    assert len(engine.seen) == len(articles)


def test_the_engine_key_follows_engine_version_pipeline_and_lexicon(tmp_path, monkeypatch):
    base = cache.quotes_engine_key("en_core_web_sm==3.8.0", "1")
    assert cache.quotes_engine_key("en_core_web_sm==3.8.0", "2") != base
    assert cache.quotes_engine_key("en_core_web_md==3.8.0", "1") != base
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    monkeypatch.setenv("KIT_DATA_DIR", str(data))
    assert cache.quotes_engine_key("en_core_web_sm==3.8.0", "1") == base
    with open(data / "speech_verbs.yml", "a", encoding="utf-8") as fh:
        fh.write("\n# a reporter's edit\n")
    assert cache.quotes_engine_key("en_core_web_sm==3.8.0", "1") != base


def test_editing_the_registry_reattributes_without_reparsing(articles, tmp_path):
    engine = CountingExtract()
    statements = cache.cached_statements(articles, extract=engine, cache_dir=tmp_path, engine_version="t1")
    calls = []

    def attribute(stmts, arts, registry):
        calls.append(len(arts))
        camp = {a["name"]: a["camp"] for a in registry.actors}
        return stmts.assign(camp=[camp.get(s, "other") for s in stmts["speaker"]])

    registry = load_registry([SAMPLE_ACTORS])
    first = cache.cached_attribution(statements, articles, registry, attribute=attribute, cache_dir=tmp_path)
    assert first.attrs["cache"]["parsed"] == len(articles)
    again = cache.cached_attribution(statements, articles, load_registry([SAMPLE_ACTORS]), attribute=attribute,
                                     cache_dir=tmp_path)
    assert again.attrs["cache"]["parsed"] == 0
    pd.testing.assert_frame_equal(first, again)

    registry.actors.append({"name": "Speaker 0", "camp": "kremlin", "aliases": []})
    engine.seen.clear()
    statements = cache.cached_statements(articles, extract=engine, cache_dir=tmp_path, engine_version="t1")
    edited = cache.cached_attribution(statements, articles, registry, attribute=attribute, cache_dir=tmp_path)
    assert engine.seen == [], "a registry edit must not re-parse articles"
    assert edited.attrs["cache"]["parsed"] == len(articles)
    assert set(edited.loc[edited["speaker"] == "Speaker 0", "camp"]) == {"kremlin"}


def test_a_registry_moved_to_another_folder_keeps_its_key_and_an_edit_changes_it(tmp_path):
    moved = tmp_path / "elsewhere" / "actors.yml"
    moved.parent.mkdir()
    shutil.copy(SAMPLE_ACTORS, moved)
    here, there = load_registry([SAMPLE_ACTORS]), load_registry([moved])
    assert here.files != there.files
    assert cache.registry_hash(here) == cache.registry_hash(there)
    there.actors[0]["aliases"] = [*there.actors[0].get("aliases", []), "A fictional alias"]
    assert cache.registry_hash(here) != cache.registry_hash(there)


def test_real_engine_cached_equals_uncached(articles, tmp_path, nlp):
    import kit

    direct = kit.extract_quotes(articles, nlp=nlp)
    cold = cache.cached_statements(articles, nlp=nlp, cache_dir=tmp_path)
    warm = cache.cached_statements(articles, nlp=nlp, cache_dir=tmp_path)
    pd.testing.assert_frame_equal(direct, cold)
    pd.testing.assert_frame_equal(cold, warm)
    registry = load_registry([SAMPLE_ACTORS])
    attributed = kit.attribute_statements(direct, articles, registry)
    cached = cache.cached_attribution(warm, articles, registry, cache_dir=tmp_path)
    cached = cache.cached_attribution(warm, articles, registry, cache_dir=tmp_path)
    assert cached.attrs["cache"]["parsed"] == 0
    pd.testing.assert_frame_equal(attributed.reset_index(drop=True), cached)


def test_values_of_every_type_survive_the_cache():
    frame = pd.DataFrame({
        "article_id": ["a", "a"],
        "n": np.array([1, 2], dtype="int64"),
        "x": [0.1, float("nan")],
        "when": pd.to_datetime(["2025-02-01T10:00:00+03:00", None], utc=True),
        "day": pd.to_datetime(["2025-02-01", "2025-02-02"]),
        "spans": [[[0, 4], [9, 12]], []],
        "pair": [(1, "b"), None],
        "flag": [True, False],
        "meta": [{"k": 1}, {}],
    })
    back = cache.assemble([cache.unpack_frame(cache.pack_frame(frame))])
    pd.testing.assert_frame_equal(frame, back)


def test_cache_location_is_a_setting(monkeypatch, tmp_path):
    monkeypatch.setenv("KIT_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert cache.default_cache_dir() == tmp_path / "elsewhere"
    monkeypatch.delenv("KIT_CACHE_DIR")
    assert cache.default_cache_dir() == REPO / ".cache" / "kit"


def test_a_crash_mid_extraction_stores_nothing_and_the_next_run_recovers(articles, tmp_path):
    def broken(arts, nlp=None):
        raise MemoryError("simulated crash in the quote engine")

    with pytest.raises(MemoryError):
        cache.cached_statements(articles, extract=broken, cache_dir=tmp_path, engine_version="t1")
    assert cache.ExtractionCache(tmp_path).counts().get("quotes", 0) == 0
    engine = CountingExtract()
    cache.cached_statements(articles, extract=engine, cache_dir=tmp_path, engine_version="t1")
    assert len(engine.seen) == len(articles)


def test_deleting_the_cache_is_safe(articles, tmp_path):
    engine = CountingExtract()
    first = cache.cached_statements(articles, extract=engine, cache_dir=tmp_path / "c", engine_version="t1")
    shutil.rmtree(tmp_path / "c")
    again = cache.cached_statements(articles, extract=engine, cache_dir=tmp_path / "c", engine_version="t1")
    pd.testing.assert_frame_equal(first, again)


def test_duplicate_article_ids_are_refused(articles, tmp_path):
    doubled = pd.concat([articles, articles.iloc[[0]]], ignore_index=True)
    with pytest.raises(ValueError, match="distinct article_id"):
        cache.cached_statements(doubled, extract=CountingExtract(), cache_dir=tmp_path)


# ---------------------------------------------------------------- a cache that cannot be trusted

def stored_entry(tmp_path, stage="quotes"):
    """(engine, item, payload) of one stored entry, read through the cache itself."""
    import sqlite3

    with sqlite3.connect(tmp_path / cache.DB_NAME) as con:
        engine, item = con.execute("SELECT engine, item FROM entries WHERE stage=? AND rows > 0 ORDER BY item",
                                   (stage,)).fetchone()
    return engine, item, cache.ExtractionCache(tmp_path).get(stage, engine, [item])[item]


def without_blocks(cache_dir) -> None:
    """Drop every stage's block, as when another report's run was the last to use the cache: the
    entries are then read one by one."""
    import sqlite3

    with sqlite3.connect(cache_dir / cache.DB_NAME) as con:
        con.execute("DELETE FROM entries WHERE stage LIKE '%.block'")


def forge(cache_dir, where: str) -> None:
    """Put FICTIONAL forged words into one stored slice through the cache's own API: into its entry, or
    into the stage's block (the last run's slices kept as one)."""
    key, item, payload = stored_entry(cache_dir)
    forged = cache.assemble([cache.unpack_frame(payload)])
    forged.loc[0, "quote"] = "We invented this quote"
    forged.loc[0, "speaker"] = "Dmitry Peskov"
    store = cache.ExtractionCache(cache_dir)
    if where == "entry":
        without_blocks(cache_dir)
        store.put("quotes", key, {item: (cache.pack_frame(forged), len(forged))})
    else:
        block = store.get("quotes.block", key, ["last run"])["last run"]
        slices = cache_frames.unpack_block(block)
        slices[item] = cache.unpack_frame(cache.pack_frame(forged))
        store.put_block("quotes", key, list(slices.items()))


@pytest.mark.parametrize("where", ["entry", "block"])
def test_an_edited_entry_is_caught_by_its_words_and_the_article_parsed_again(articles, tmp_path, where):
    engine = CountingExtract()
    cold = cache.cached_statements(articles, extract=engine, cache_dir=tmp_path, engine_version="t1")
    forge(tmp_path, where)
    engine.seen.clear()
    with pytest.warns(cache.CacheWarning, match="1 cached entry .* did not match its article or checksum"):
        warm = cache.cached_statements(articles, extract=engine, cache_dir=tmp_path, engine_version="t1")
    assert "We invented this quote" not in set(warm["quote"]) and len(engine.seen) == 1
    assert warm.attrs["cache"]["rejected"] == 1 and warm.attrs["cache"]["parsed"] == 1
    pd.testing.assert_frame_equal(cold, warm)
    again = cache.cached_statements(articles, extract=engine, cache_dir=tmp_path, engine_version="t1")
    assert again.attrs["cache"]["rejected"] == 0, "the entry was replaced"


def flip_a_bit(cache_dir, stage: str) -> None:
    import sqlite3

    with sqlite3.connect(cache_dir / cache.DB_NAME) as con:
        item, blob = con.execute("SELECT item, payload FROM entries WHERE stage=? AND rows > 0 ORDER BY item",
                                 (stage,)).fetchone()
        flipped = bytes(blob[:-5]) + bytes([blob[-5] ^ 0x01]) + bytes(blob[-4:])
        con.execute("UPDATE entries SET payload=? WHERE stage=? AND item=?", (flipped, stage, item))


def test_a_damaged_entry_fails_its_checksum_and_the_article_is_parsed_again(articles, tmp_path):
    engine = CountingExtract()
    cold = cache.cached_statements(articles, extract=engine, cache_dir=tmp_path, engine_version="t1")
    without_blocks(tmp_path)
    flip_a_bit(tmp_path, "quotes")
    engine.seen.clear()
    with pytest.warns(cache.CacheWarning, match="did not match"):
        warm = cache.cached_statements(articles, extract=engine, cache_dir=tmp_path, engine_version="t1")
    assert len(engine.seen) == 1
    pd.testing.assert_frame_equal(cold, warm)


def test_a_run_that_adds_an_article_stores_it_beside_the_block(articles, tmp_path):
    import sqlite3

    engine = CountingExtract()
    cold = cache.cached_statements(articles, extract=engine, cache_dir=tmp_path, engine_version="t1")
    new = articles.iloc[[0]].assign(article_id="brand-new", text="A wholly new fictional article. " * 5)
    grown = pd.concat([articles, new], ignore_index=True)
    cache.cached_statements(grown, extract=engine, cache_dir=tmp_path, engine_version="t1")
    with sqlite3.connect(tmp_path / cache.DB_NAME) as con:
        rows = dict(con.execute("SELECT item, rows FROM entries WHERE stage='quotes.block'").fetchall())
    assert rows == {"last run": len(cold), "since": len(engine(new))}, "the block kept, the new article beside it"
    engine.seen.clear()
    again = cache.cached_statements(grown, extract=engine, cache_dir=tmp_path, engine_version="t1")
    assert engine.seen == [] and not again.attrs["cache_notes"]
    pd.testing.assert_frame_equal(again, engine(grown))


def test_a_damaged_block_is_passed_over_and_its_articles_read_one_by_one(articles, tmp_path):
    engine = CountingExtract()
    cold = cache.cached_statements(articles, extract=engine, cache_dir=tmp_path, engine_version="t1")
    flip_a_bit(tmp_path, "quotes.block")
    engine.seen.clear()
    with pytest.warns(cache.CacheWarning, match="block of cached quotes rows .* did not match its checksum"):
        warm = cache.cached_statements(articles, extract=engine, cache_dir=tmp_path, engine_version="t1")
    assert engine.seen == [] and warm.attrs["cache"] == {"articles": len(articles), "parsed": 0,
                                                         "reused": len(articles), "rejected": 0}
    pd.testing.assert_frame_equal(cold, warm)
    again = cache.cached_statements(articles, extract=engine, cache_dir=tmp_path, engine_version="t1")
    assert not again.attrs["cache_notes"], "the block was written again"
    pd.testing.assert_frame_equal(cold, again)


def damage(path, how: str) -> None:
    data = path.read_bytes()
    if how == "truncated":
        path.write_bytes(data[:len(data) // 2])
    elif how == "garbage":
        path.write_bytes(np.random.default_rng(7).integers(0, 256, len(data), dtype=np.uint8).tobytes())
    else:  # bits flipped across the page that holds the table
        flipped = bytearray(data)
        for i in range(4096, min(len(data), 3 * 4096), 97):
            flipped[i] ^= 0xFF
        path.write_bytes(bytes(flipped))


@pytest.mark.parametrize("how", ["truncated", "garbage", "bits-flipped"])
def test_a_broken_cache_file_is_moved_aside_and_the_run_goes_on(articles, tmp_path, how):
    from kit.params import StageLog
    from kit.pipeline import extracted_statements

    many = pd.concat([articles.assign(article_id=articles["article_id"] + f"-{n}") for n in range(8)],
                     ignore_index=True)  # enough entries for the file to span several pages
    engine = CountingExtract()
    cold = cache.cached_statements(many, extract=engine, cache_dir=tmp_path, engine_version="t1")
    damage(tmp_path / cache.DB_NAME, how)
    with pytest.warns(cache.CacheWarning, match="was damaged .* moved aside to extraction.sqlite.broken-"):
        warm = cache.cached_statements(many, extract=engine, cache_dir=tmp_path, engine_version="t1")
    pd.testing.assert_frame_equal(cold, warm)
    assert len(list(tmp_path.glob("extraction.sqlite.broken-*"))) == 1
    assert cache.ExtractionCache(tmp_path).counts()["quotes"] == len(many), "a new cache was started"
    # Through the pipeline, the note reaches the stage log (and so the manifest).
    small = articles.iloc[:2]
    extracted_statements(small, cache_dir=tmp_path / "p", n_process=1)
    damage(tmp_path / "p" / cache.DB_NAME, how)
    log = StageLog(tmp_path)
    with pytest.warns(cache.CacheWarning):
        extracted_statements(small, cache_dir=tmp_path / "p", n_process=1, log=log)
    assert "moved aside" in " ".join(log.stages["quotes"]["notes"])


@pytest.fixture()
def read_only(tmp_path):
    """A read-only view of a folder (a bind mount, as on a read-only disk); skipped where it cannot be made."""
    import subprocess

    source, view = tmp_path / "rw", tmp_path / "ro"
    source.mkdir()
    view.mkdir()
    made = subprocess.run(["mount", "--bind", str(source), str(view)], capture_output=True).returncode == 0
    if not made or subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], capture_output=True).returncode:
        if made:
            subprocess.run(["umount", str(view)], check=False)
        pytest.skip("cannot make a read-only bind mount here (needs root)")
    yield source, view
    subprocess.run(["umount", "-l", str(view)], check=False)


def test_a_warm_cache_on_a_read_only_disk_is_read_and_never_written(articles, read_only):
    source, view = read_only
    engine = CountingExtract()
    cold = cache.cached_statements(articles, extract=engine, cache_dir=source, engine_version="t1")
    before = {p.name: p.read_bytes() for p in source.iterdir()}
    engine.seen.clear()
    warm = cache.cached_statements(articles, extract=engine, cache_dir=view, engine_version="t1")
    assert engine.seen == [] and warm.attrs["cache"]["reused"] == len(articles)
    pd.testing.assert_frame_equal(cold, warm)
    grown = pd.concat([articles, articles.iloc[[0]].assign(article_id="brand-new")], ignore_index=True)
    with pytest.warns(cache.CacheWarning, match="is read-only: it was read, and articles parsed in this run were not added"):
        out = cache.cached_statements(grown, extract=engine, cache_dir=view, engine_version="t1")
    assert engine.seen == ["brand-new"] and len(out) == len(cold) + len(engine(grown.iloc[[-1]]))
    assert {p.name: p.read_bytes() for p in source.iterdir()} == before


def fictional_articles(n: int) -> pd.DataFrame:
    return pd.DataFrame({"article_id": [f"f{i:04d}" for i in range(n)], "title": "", "source": "",
                         "text": [f"FICTIONAL article {i}. " * 12 for i in range(n)]})


def test_a_run_killed_mid_extraction_keeps_what_it_parsed(tmp_path):
    articles = fictional_articles(250)
    engine = CountingExtract()

    def dies_at_150(arts, nlp=None):
        done = len(engine.seen)
        if done + len(arts) > 150:  # the run is killed while parsing the 150th article
            engine(arts.iloc[:150 - done])
            raise KeyboardInterrupt
        return engine(arts)

    with pytest.raises(KeyboardInterrupt):
        cache.cached_statements(articles, extract=dies_at_150, cache_dir=tmp_path, engine_version="t1")
    stored = cache.ExtractionCache(tmp_path).counts().get("quotes", 0)
    assert stored >= 100, f"only {stored} of 150 parsed articles were kept"
    engine.seen.clear()
    out = cache.cached_statements(articles, extract=engine, cache_dir=tmp_path, engine_version="t1")
    assert len(engine.seen) == len(articles) - stored and out.attrs["cache"]["reused"] == stored


def test_text_read_from_a_block_stays_in_arrow_and_assembles_as_from_lists():
    """A block's text columns reach the frame as Arrow (kit.cache_frames.ArrowText), alone or beside slices
    computed in the run, and the frame is the one assembled from Python lists: same values, missing ones
    and dtypes (text, object text, dates, numbers, lists)."""
    def frame(i: int, n: int) -> pd.DataFrame:
        return pd.DataFrame({"quote": [f"fictional words {i}-{k}" for k in range(n)],
                             "camp": pd.Series([None if k % 2 else "Harbour Council" for k in range(n)], dtype=object),
                             "note": [""] * n, "start": list(range(n)), "spans": [[k, k + 1] for k in range(n)],
                             "said_on": pd.to_datetime(["2031-02-0%d" % (k % 9 + 1) for k in range(n)])})

    slices = [(f"a{i}", cache_frames.unpack_frame(cache_frames.pack_frame(frame(i, i % 3 + 1)))) for i in range(6)]
    from_lists = cache_frames.assemble([doc for _, doc in slices])
    block = cache_frames.unpack_block(cache_frames.pack_block(slices))
    assert isinstance(block["a1"]["data"]["quote"], cache_frames.ArrowText)
    assert list(block["a1"]["data"]["quote"]) == slices[1][1]["data"]["quote"]
    pd.testing.assert_frame_equal(cache_frames.assemble([block[i] for i, _ in slices]), from_lists, check_exact=True)
    mixed = [block[i] if k % 2 else doc for k, (i, doc) in enumerate(slices)]
    pd.testing.assert_frame_equal(cache_frames.assemble(mixed), from_lists, check_exact=True)
    assert str(from_lists["camp"].dtype) == "object" and from_lists["camp"].isna().sum() > 0
