"""Article loading: every format, dates and their sources, ids, duplicates, accounting, the CLI, the corpus."""
from __future__ import annotations

import gzip
import hashlib
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from conftest import REPO, SAMPLE, shared_path
from kit.article_dates import parse_date
from kit.article_duplicates import content_hash, near_duplicates
from kit.articles import ARTICLE_COLUMNS, INPUT_COLUMNS, InputsSkipped, load_articles
from kit.cli import app

FIXTURES = REPO / "tests" / "fixtures"
ARTICLES = FIXTURES / "articles"
BAD = FIXTURES / "bad"
CMS_MAP = {"copy": "text", "pubtime": "published", "hed": "title", "story_id": "id"}
CORPUS_FILES = ["kremlin_en_2021_2022.jsonl", "kremlin_ru_2025.jsonl", "us_sotu_2021_2026.jsonl",
                "whitehouse_biden_2022_2025.jsonl", "whitehouse_trump_2025_2026.jsonl"]


@pytest.fixture(scope="module")
def fixtures_loaded():
    return load_articles(ARTICLES, field_map=CMS_MAP)


def article(loaded, name: str, record: int = 0) -> pd.Series:
    rows = loaded.articles[loaded.articles["path"].str.endswith(name) & (loaded.articles["record"] == record)]
    assert len(rows) == 1, f"expected one article from {name}#{record}, got {len(rows)}"
    return rows.iloc[0]


def utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text).tz_convert("UTC")


# --- formats -------------------------------------------------------------------------------------


def test_every_fixture_loads(fixtures_loaded):
    inputs = fixtures_loaded.inputs
    assert (inputs["status"] == "loaded").all(), inputs[inputs["status"] != "loaded"].to_string()
    assert list(fixtures_loaded.articles.columns[:len(ARTICLE_COLUMNS)]) == ARTICLE_COLUMNS
    assert list(inputs.columns) == INPUT_COLUMNS
    assert fixtures_loaded.articles["article_id"].is_unique
    assert str(fixtures_loaded.articles["published"].dtype) == "datetime64[ns, UTC]"


def test_front_matter_gives_metadata_and_keeps_other_keys(fixtures_loaded):
    a = article(fixtures_loaded, "2025-02-09-front-matter.md")
    assert a["title"] == "Ministry says grain corridor talks will resume"
    assert a["published"] == utc("2025-02-12T10:00:00+03:00")
    assert (a["published_offset"], a["published_from"]) == ("+03:00", "front_matter")
    assert a["source"] == "The Fixture Gazette (fictional)"
    assert a["url"] == "https://example.org/fixtures/grain-corridor"
    assert a["author"] == "Fixture Desk"
    assert json.loads(a["tags"]) == ["grain", "talks"]
    assert a["text"].startswith("The foreign ministry of Ruritania")
    assert "“We are ready to sit down again,” the ministry’s spokeswoman" in a["text"]


def test_first_line_title_and_dateline(fixtures_loaded):
    a = article(fixtures_loaded, "harbour-strike-dateline.txt")
    assert a["title"] == "Harbour strike enters its second week"
    assert not a["text"].startswith("Harbour strike")
    assert a["published"] == utc("2025-02-12T00:00:00Z")
    assert (a["published_from"], a["published_offset"]) == ("dateline", "")


def test_date_from_file_name_when_nothing_else(fixtures_loaded):
    a = article(fixtures_loaded, "2025-02-09-filename-date.txt")
    assert a["published"] == utc("2025-02-09T00:00:00Z")
    assert a["published_from"] == "filename"
    assert a["title"] == "", "a first line ending in a full stop is not a headline"


def test_json_field_mapping(fixtures_loaded):
    a = article(fixtures_loaded, "cms-custom-fields.json", 0)
    assert a["article_id"] == "cms-7001"
    assert a["title"] == "Mayor of Northgate promises new tram line"
    assert a["text"].startswith("The mayor of the fictional city of Northgate")
    assert a["published"] == utc("2025-02-11T14:30:00+01:00") and a["published_offset"] == "+01:00"
    assert a["source"] == "Fixture Daily (fictional)", "'outlet' is a known alias of source"
    assert article(fixtures_loaded, "cms-custom-fields.json", 1)["published"] == utc("2025-02-12T00:00:00Z")


def test_json_without_mapping_says_which_fields_it_found():
    loaded = load_articles(ARTICLES / "cms-custom-fields.json")
    assert set(loaded.inputs["status"]) == {"skipped"}
    assert loaded.inputs["reason"].iloc[0] == (
        "no text field (fields: copy, hed, pubtime, source, story_id); name the text field with --map FIELD=text")


def test_jsonl_records_keep_their_ids_and_offsets(fixtures_loaded):
    wire = fixtures_loaded.articles[fixtures_loaded.articles["path"].str.endswith("wire.jsonl")]
    assert wire["article_id"].tolist() == ["wire-001", "wire-002", "wire-003"]
    assert wire["record"].tolist() == [0, 1, 2]
    assert wire["published_offset"].tolist() == ["+00:00", "+01:00", ""]
    assert wire["published"].tolist() == [utc("2025-02-13T16:00:00Z"), utc("2025-02-13T17:30:00Z"),
                                          utc("2025-02-14T00:00:00Z")]


def test_csv_keeps_embedded_newlines_and_quotes_exactly(fixtures_loaded):
    a = article(fixtures_loaded, "desk-spreadsheet.csv", 0)
    assert a["text"] == ("The ferry to the fictional Isle Brann was suspended on Monday.\n\n"
                         "“Safety comes first,” harbour master Ewan Tait said.\nHe gave no date for a restart.")
    assert a["article_id"] == "sheet-1"
    b = article(fixtures_loaded, "desk-spreadsheet.csv", 1)
    assert b["published"] == utc("2025-02-12T13:00:00Z") and b["published_offset"] == "-05:00"
    assert '"weather permitting"' in b["text"]


def test_tsv_with_alias_headers(fixtures_loaded):
    a = article(fixtures_loaded, "desk-export.tsv")
    assert (a["article_id"], a["title"]) == ("tsv-1", "Lowmere bakery wins prize")
    assert a["text"] == "The bakery on Lowmere’s high street won a regional prize on Saturday."


def test_html_main_text_metadata_and_paragraphs(fixtures_loaded):
    a = article(fixtures_loaded, "saved-page.html")
    assert a["title"] == "Port Ellis strike ends after nine days"
    assert a["source"] == "The Fixture Gazette"
    assert a["url"] == "https://example.org/fixtures/port-ellis-strike-ends"
    assert a["published"] == utc("2025-02-13T19:45:00+02:00")
    assert (a["published_from"], a["published_offset"]) == ("html", "+02:00")
    paragraphs = a["text"].split("\n\n")
    assert len(paragraphs) == 4 and paragraphs[0].startswith("Dock workers in the fictional port")
    assert "“relieved\u00a0and grateful”" in a["text"], "a non-breaking space must survive"
    for boilerplate in ("Subscribe", "Most read", "advert", "analytics", "All rights reserved", "font-family"):
        assert boilerplate not in a["text"]


def test_rss_entries_use_content_then_summary(fixtures_loaded):
    tram = article(fixtures_loaded, "wire-feed.rss", 0)
    assert tram["article_id"] == "feed-tram-budget"
    assert tram["text"] == ("The council of the fictional city of Northgate approved the tram budget on Monday.\n\n"
                            "“Now the real work starts,” Mayor Lena Brook said.")
    assert tram["published"] == utc("2025-02-17T11:00:00+01:00") and tram["published_offset"] == "+01:00"
    assert (tram["source"], tram["published_from"]) == ("Fixture Wire (fictional)", "feed")
    bridge = article(fixtures_loaded, "wire-feed.rss", 1)
    assert bridge["text"].split("\n\n") == ["The old bridge in Lowmere closed on Tuesday for two weeks of repairs.",
                                            "Councillor Ada Finch said cyclists should use the ferry path."]
    assert bridge["url"] == "https://example.org/fixtures/feed/bridge"


def test_atom_entry(fixtures_loaded):
    a = article(fixtures_loaded, "council-feed.atom")
    assert a["title"] == "Council sets date for bridge vote"
    assert a["text"].startswith("Lowmere council will vote on the bridge on 3 March.\n\n“Everyone")
    assert a["published"] == utc("2025-02-19T12:00:00Z")


def test_byte_order_marks(fixtures_loaded):
    utf8 = article(fixtures_loaded, "utf8-bom.txt")
    assert utf8["title"] == "Fictional fixture saved with a UTF-8 byte-order mark"
    assert "\ufeff" not in utf8["text"] and "“services will run as normal”" in utf8["text"]
    utf16 = article(fixtures_loaded, "utf16-bom.txt")
    assert utf16["title"] == "Fictional fixture saved as UTF-16 with a byte-order mark"
    assert "“stay open”" in utf16["text"]


def test_gzip_is_read_transparently(tmp_path):
    gz = tmp_path / "wire.jsonl.gz"
    gz.write_bytes(gzip.compress((ARTICLES / "wire.jsonl").read_bytes()))
    plain = load_articles(ARTICLES / "wire.jsonl").articles
    packed = load_articles(gz).articles
    assert packed["article_id"].tolist() == plain["article_id"].tolist()
    assert packed["text"].tolist() == plain["text"].tolist()


def test_fixtures_say_they_are_fictional():
    for path in sorted(ARTICLES.iterdir()):
        raw = path.read_bytes()
        text = raw.decode("utf-16") if raw.startswith(b"\xff\xfe") else raw.decode("utf-8-sig")
        assert "FICTIONAL" in text[:600].upper(), f"{path.name} must say at its top that it is fictional"


# --- paths: globs, folders, missing ---------------------------------------------------------------


def test_globs_and_recursive_folders(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    shutil.copy(ARTICLES / "wire.jsonl", tmp_path / "a" / "b" / "deep.jsonl")
    shutil.copy(ARTICLES / "harbour-strike-dateline.txt", tmp_path / "a" / "top.txt")
    (tmp_path / "a" / ".hidden.txt").write_text("hidden files are left out", encoding="utf-8")
    assert len(load_articles(tmp_path).articles) == 4
    only_jsonl = load_articles(str(tmp_path / "**" / "*.jsonl"))
    assert only_jsonl.inputs["path"].str.endswith("deep.jsonl").all() and len(only_jsonl.articles) == 3
    txt = load_articles(str(ARTICLES / "*.txt"))
    assert set(txt.inputs["format"]) == {"txt"} and len(txt.inputs) == 4


def test_missing_paths_are_reported_not_raised(tmp_path):
    loaded = load_articles([tmp_path / "nope.txt", str(tmp_path / "*.nothing"), ARTICLES / "wire.jsonl"])
    reasons = dict(zip(loaded.inputs["path"], loaded.inputs["reason"]))
    assert reasons[str(tmp_path / "nope.txt")] == "no such file or folder"
    assert reasons[str(tmp_path / "*.nothing")] == "no files match this pattern"
    assert len(loaded.articles) == 3


def test_readme_and_notice_in_folders_are_ignored_but_load_when_named(tmp_path):
    shutil.copy(ARTICLES / "harbour-strike-dateline.txt", tmp_path / "story.txt")
    (tmp_path / "NOTICE.md").write_text("# Notice\n\nFICTIONAL. Licence text, not news.\n", encoding="utf-8")
    loaded = load_articles(tmp_path)
    notice = loaded.inputs[loaded.inputs["path"].str.endswith("NOTICE.md")].iloc[0]
    assert notice["status"] == "skipped" and notice["reason"].startswith("ignored: documentation file")
    load_articles(tmp_path, strict=True)  # an ignored file is not a failure
    assert len(load_articles(tmp_path, ignore=()).articles) == 2
    assert len(load_articles(tmp_path / "NOTICE.md").articles) == 1


# --- dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("value, expected, offset", [
    ("2025-02-12T10:00:00+03:00", "2025-02-12T07:00:00Z", "+03:00"),
    ("2025-02-12T10:00:00Z", "2025-02-12T10:00:00Z", "+00:00"),
    ("2025-02-12", "2025-02-12T00:00:00Z", ""),
    ("Wed, 12 Feb 2025 10:00:00 -0500", "2025-02-12T15:00:00Z", "-05:00"),
    ("12 February 2025", "2025-02-12T00:00:00Z", ""),
    ("February 12, 2025", "2025-02-12T00:00:00Z", ""),
    ("12 февраля 2025 года", "2025-02-12T00:00:00Z", ""),
])
def test_parse_date(value, expected, offset):
    ts, got_offset = parse_date(value)
    assert ts == pd.Timestamp(expected) and got_offset == offset


@pytest.mark.parametrize("value", ["yesterday", "February", "next Tuesday", "the Tuesday after the summit",
                                   "9999-12-31", "", None, 2025])
def test_dates_are_never_invented(value):
    assert parse_date(value) is None


def test_no_date_stays_empty_and_is_reported(tmp_path):
    (tmp_path / "undated.txt").write_text("FICTIONAL. Nobody wrote down when this happened.\n", encoding="utf-8")
    loaded = load_articles(tmp_path)
    assert pd.isna(loaded.articles["published"].iloc[0]) and loaded.articles["published_from"].iloc[0] == ""
    assert loaded.inputs["note"].iloc[0] == "no date found"


def test_field_date_wins_over_dateline_and_file_name(tmp_path):
    text = "FICTIONAL. PORT ELLIS, 12 February 2025 — The strike went on."
    (tmp_path / "2025-01-01-story.jsonl").write_text(json.dumps({"text": text, "date": "2025-03-01"}) + "\n", encoding="utf-8")
    (tmp_path / "2025-01-02-other.txt").write_text(text + " Again.\n", encoding="utf-8")
    (tmp_path / "2025-01-03-plain.txt").write_text("FICTIONAL. No date in this text at all.\n", encoding="utf-8")
    a = load_articles(tmp_path).articles.set_index("path")
    got = {Path(p).name: (str(r["published"].date()), r["published_from"]) for p, r in a.iterrows()}
    assert got == {"2025-01-01-story.jsonl": ("2025-03-01", "field"),
                   "2025-01-02-other.txt": ("2025-02-12", "dateline"),
                   "2025-01-03-plain.txt": ("2025-01-03", "filename")}


# --- ids and duplicates ---------------------------------------------------------------------------


def test_same_text_same_id_in_any_format(tmp_path):
    text = "FICTIONAL. The same story, word for word.\n\nIt appears in two files."
    (tmp_path / "one.txt").write_text(text, encoding="utf-8")
    (tmp_path / "two.jsonl").write_text(json.dumps({"text": "  " + text.replace("\n\n", "\n") + " "}) + "\n",
                                        encoding="utf-8")
    loaded = load_articles(tmp_path)
    assert len(loaded.articles) == 1
    a = loaded.articles.iloc[0]
    assert a["article_id"] == content_hash(text)[:12] == load_articles(tmp_path / "one.txt").articles["article_id"][0]
    assert a["paths"] == [str(tmp_path / "one.txt"), f"{tmp_path / 'two.jsonl'}#0"]
    dup = loaded.inputs[loaded.inputs["status"] == "duplicate"].iloc[0]
    assert dup["article_id"] == a["article_id"]
    assert dup["reason"] == f"same text as {tmp_path / 'one.txt'} (article {a['article_id']})"


def test_content_hash_ignores_zero_width_and_spacing():
    assert content_hash("Talks\u200b resume  today.") == content_hash("Talks resume\ntoday.")
    assert content_hash("Talks resume today.") != content_hash("Talks resumed today.")


def test_clashing_input_ids_are_made_unique(tmp_path):
    rows = [{"id": "x1", "text": "FICTIONAL first story."}, {"id": "x1", "text": "FICTIONAL second, different story."}]
    (tmp_path / "ids.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    a = load_articles(tmp_path).articles.set_index("content_hash")
    keeps, renamed = sorted(a.index)  # the text with the smaller content hash keeps the id, whatever the order
    assert a.loc[keeps, "article_id"] == "x1" and a.loc[keeps, "note"] == "no date found"
    assert a.loc[renamed, "article_id"] == f"x1-{renamed[:6]}"
    assert a.loc[renamed, "note"] == f"no date found; id 'x1' is used by another article; renamed 'x1-{renamed[:6]}'"


def test_near_duplicates_are_flagged_not_dropped(fixtures_loaded):
    a = fixtures_loaded.articles.set_index("article_id")
    assert a.loc["wire-002", "near_duplicate_of"] == "wire-001"
    assert a.loc["wire-001", "near_duplicate_of"] == "" and a.loc["wire-003", "near_duplicate_of"] == ""
    note = fixtures_loaded.inputs.set_index("article_id").loc["wire-002", "note"]
    assert note == "near-duplicate of wire-001"


def test_near_duplicates_need_real_overlap():
    words = [f"w{i}" for i in range(300)]
    base = " ".join(words)
    small_edit = base.replace("w150", "changed")
    other = " ".join(reversed(words))
    assert near_duplicates([base, small_edit, other], ["a", "b", "c"]) == ["", "a", ""]


def test_a_load_from_the_text_memo_gives_the_same_tables(tmp_path, monkeypatch):
    """Content hash, language and near-duplicate signature kept in the cache (kit.article_memo): a second
    load works none of them out again and gives the same articles and inputs, near-duplicates included."""
    import kit.article_memo as memo

    folder = tmp_path / "in"
    shutil.copytree(ARTICLES, folder)
    plain = load_articles(folder)
    first = load_articles(folder, cache_dir=tmp_path / "cache")
    for name in ("content_hash", "detect_language", "signatures_of"):
        monkeypatch.setattr(memo, name, lambda *a, **k: pytest.fail("worked out again"))
    again = load_articles(folder, cache_dir=tmp_path / "cache")
    for loaded in (first, again):
        pd.testing.assert_frame_equal(loaded.articles, plain.articles)
        pd.testing.assert_frame_equal(loaded.inputs, plain.inputs)
    assert (plain.articles["near_duplicate_of"] != "").any()


# --- accounting -----------------------------------------------------------------------------------


def test_accounting_adds_up_on_good_and_broken_files_mixed(tmp_path):
    shutil.copytree(ARTICLES, tmp_path / "good")
    shutil.copytree(BAD, tmp_path / "bad")
    shutil.copy(ARTICLES / "wire.jsonl", tmp_path / "good" / "wire-again.jsonl")
    loaded = load_articles(tmp_path, field_map=CMS_MAP)
    inputs = loaded.inputs
    counts = loaded.summary()
    assert sum(counts.values()) == len(inputs)
    assert counts["loaded"] == len(loaded.articles)
    assert counts["duplicate"] == 3
    files = {str(p) for p in tmp_path.rglob("*") if p.is_file()}
    assert set(inputs["path"]) == files, "every file has at least one row in inputs"
    assert (inputs.loc[inputs["status"] == "skipped", "reason"] != "").all()
    alone = load_articles(ARTICLES, field_map=CMS_MAP).articles
    assert set(alone["article_id"]) <= set(loaded.articles["article_id"]), "broken files must not cost good ones"


def test_strict_raises_listing_every_skipped_file(tmp_path):
    shutil.copy(BAD / "empty.txt", tmp_path / "empty.txt")
    shutil.copy(BAD / "syntax-error.json", tmp_path / "syntax-error.json")
    shutil.copy(ARTICLES / "wire.jsonl", tmp_path / "wire.jsonl")
    with pytest.raises(InputsSkipped) as info:
        load_articles(tmp_path, strict=True)
    message = str(info.value)
    assert message.startswith("2 input(s) skipped (strict mode):")
    assert f"{tmp_path / 'empty.txt'}: empty file" in message
    assert f"{tmp_path / 'syntax-error.json'}: JSON error at line 4, column 3: Expecting ',' delimiter" in message


def file_states(folder: Path) -> dict[str, tuple[str, int, int]]:
    return {str(p): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns, p.stat().st_mode)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_inputs_are_never_modified():
    before = file_states(FIXTURES)
    load_articles([ARTICLES, BAD], field_map=CMS_MAP)
    runner = CliRunner()
    assert runner.invoke(app, ["load", str(ARTICLES), str(BAD)]).exit_code == 0
    assert file_states(FIXTURES) == before


# --- the shared corpus ----------------------------------------------------------------------------


@pytest.mark.slow
def test_corpus_loads_every_record_with_a_date():
    paths = [shared_path("corpus", name) for name in CORPUS_FILES]
    loaded = load_articles(paths, strict=True)
    inputs = loaded.inputs
    assert len(inputs) == 2214
    assert set(inputs["status"]) <= {"loaded", "duplicate"}
    assert loaded.summary()["loaded"] == len(loaded.articles)
    assert loaded.articles["published"].notna().all()
    assert (loaded.articles["published_from"] == "field").all()
    assert loaded.articles["article_id"].is_unique
    dups = inputs[inputs["status"] == "duplicate"]
    kept = loaded.articles.set_index("article_id")
    assert all(len(kept.loc[a, "paths"]) >= 2 for a in dups["article_id"]), "a collapsed row lists every file"
    kremlin = loaded.articles[loaded.articles["path"].str.endswith("kremlin_en_2021_2022.jsonl")]
    assert (kremlin["published_offset"] == "+03:00").all()


def test_jsonl_line_separators_inside_strings_do_not_cut_the_record(tmp_path):
    text = "FICTIONAL. A line\u2028separator and a next-line\u0085mark inside the text."
    (tmp_path / "seps.jsonl").write_text(json.dumps({"text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    loaded = load_articles(tmp_path)
    assert loaded.articles["text"].tolist() == [text.replace("\u2028", "\n").replace("\u0085", "\n")]


@pytest.mark.slow
def test_whole_corpus_folder_including_the_gzip_benchmark():
    folder = shared_path("corpus")
    bench = folder / "bench_whitehouse_all_2021_2026.jsonl.gz"
    with gzip.open(bench, "rt", encoding="utf-8") as fh:
        bench_lines = sum(1 for line in fh if line.strip())
    loaded = load_articles(folder)
    inputs = loaded.inputs
    by_file = inputs.groupby(inputs["path"].map(lambda p: Path(p).name))
    assert by_file.size()[CORPUS_FILES].sum() == 2214
    assert by_file.size()[bench.name] == bench_lines
    notice = by_file.get_group("NOTICE.md").iloc[0]
    assert notice["status"] == "skipped" and notice["reason"].startswith("ignored: documentation file")
    assert by_file.get_group("SEED_WEEK.md")["status"].tolist() == ["loaded"]
    skipped = inputs[(inputs["status"] == "skipped") & (inputs["path"] != str(folder / "NOTICE.md"))]
    assert set(skipped["reason"]) <= {"text is empty"}, "only records with an empty text field are skipped"
    dated = loaded.articles[~loaded.articles["path"].str.endswith(".md")]
    assert dated["published"].notna().all()
    counts = loaded.summary()
    assert sum(counts.values()) == len(inputs) and counts["loaded"] == len(loaded.articles)


def test_the_kits_own_output_is_never_read_as_articles(tmp_path):
    import json as _json

    project = tmp_path / "project"
    shutil.copytree(SAMPLE, project / "articles")
    run = project / "reports" / "who-said-what" / "20260301T060000Z"
    (run / "tables").mkdir(parents=True)
    # FICTIONAL: what an earlier run leaves behind, which reads like an article
    (run / "report.html").write_text("<html><body><p>\u201cWe stand firm,\u201d Dana Whitcombe said in the report."
                                     "</p></body></html>", encoding="utf-8")
    (run / "tables" / "quotes.md").write_text("\u201cA table row,\u201d a spokesman said.\n", encoding="utf-8")
    (run / "manifest.json").write_text(_json.dumps({"status": "ok", "kit_version": "0.1"}), encoding="utf-8")
    (project / "reports" / "who-said-what" / "latest.json").write_text(
        _json.dumps({"run": run.name, "path": str(run)}), encoding="utf-8")
    (project / "kitcache").mkdir()
    (project / "kitcache" / "extraction.sqlite").write_bytes(b"SQLite format 3\x00")
    alone = load_articles(SAMPLE)
    loaded = load_articles(project)
    assert len(loaded.articles) == len(alone.articles), "nothing from the report folder or the cache was loaded"
    skipped = dict(zip(loaded.inputs["path"], loaded.inputs["reason"]))
    assert skipped[str(project / "reports" / "who-said-what")] == (
        "ignored: the kit's own output, a report folder (latest.json); never read as articles")
    assert skipped[str(project / "kitcache")] == "ignored: the kit's own output, the extraction cache; never read as articles"
    assert not len(loaded.skipped(include_ignored=False)), "strict mode is not failed by the kit's own output"
    inside = load_articles([run / "report.html", f"{project}/reports/**/*.md"])
    assert not len(inside.articles) and set(inside.inputs["reason"]) == {
        "ignored: the kit's own output, a report run folder (manifest.json); never read as articles"}


def test_letters_are_counted_on_code_points_as_the_letter_patterns_match_them():
    """Language detection counts Cyrillic and Latin letters on the code points at once; the counts must be
    the patterns' own, at the edges of their ranges too (Ѐ ӿ, À ɏ; İ, the long s and the Kelvin sign are not Latin)."""
    from kit.language import CYRILLIC_RUN, LATIN_RUN, _letter_counts, _letters

    for text in ["", "plain ASCII words, 42 of them!", "Иван Петров said «да» to Zoë", "ÀÿĀɏ ɐ", "İstanbul ſ K",
                 "Ѐ ӿ Ԁ", "\U0001F600 x\u200b"]:
        assert _letter_counts(text) == (_letters(CYRILLIC_RUN, text), _letters(LATIN_RUN, text)), text
