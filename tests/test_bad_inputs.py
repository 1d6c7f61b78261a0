"""The catalogue of broken inputs (issue #9): each kind gives the exact message a user sees, and the rest still loads.

Small broken files live in ``tests/fixtures/bad/`` (see its README); big files, symlinks, unreadable
files and empty folders are made here at run time under ``tmp_path``.
"""
from __future__ import annotations

import gzip
import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from conftest import REPO
from kit import article_bytes, article_files
from kit import articles as kit_articles
from kit.articles import load_articles
from kit.cli import app

BAD = REPO / "tests" / "fixtures" / "bad"
GOOD = REPO / "tests" / "fixtures" / "articles" / "wire.jsonl"
GOOD_IDS = ["wire-001", "wire-002", "wire-003"]
FICTIONAL = "FICTIONAL FIXTURE written for newsroom-kit tests. Every person, quote and event in it is invented."

# kind, file in tests/fixtures/bad, record (-1: the whole file), status, exact reason (skipped) or note (loaded)
CATALOGUE = [
    ("empty file", "empty.txt", -1, "skipped", "empty file"),
    ("whitespace only", "whitespace-only.txt", -1, "skipped", "file holds only whitespace"),
    ("binary PNG saved as .txt", "image-saved-as-article.txt", -1, "skipped", "binary file (PNG image)"),
    ("binary zip", "archive.zip", -1, "skipped", "binary file (ZIP archive)"),
    ("unsupported file type", "unsupported-notes.log", -1, "skipped", "unsupported file type '.log'"),
    ("truncated UTF-8", "truncated-utf8.txt", 0, "loaded",
     "file ends in the middle of a character (truncated UTF-8); the incomplete character was dropped; no date found"),
    ("UTF-16 without BOM", "utf16-no-bom.txt", 0, "loaded", "decoded as UTF-16-LE (no byte-order mark); no date found"),
    ("cp1252 smart quotes", "cp1252-smart-quotes.txt", 0, "loaded", "not valid UTF-8; decoded as cp1252; no date found"),
    ("JSON syntax error", "syntax-error.json", -1, "skipped", "JSON error at line 4, column 3: Expecting ',' delimiter"),
    ("JSONL with one bad line", "one-bad-line.jsonl", 2, "skipped", "JSON error at line 3, column 79: Expecting ',' delimiter"),
    ("JSONL line that is not an object", "not-an-object.jsonl", 1, "skipped", "line 2 is a JSON list, not an object"),
    ("JSON record without text", "record-without-text.json", 0, "skipped",
     "no text field (fields: fictional, id, summary, title); name the text field with --map FIELD=text"),
    ("CSV missing its text column", "missing-text-column.csv", -1, "skipped",
     "CSV has no text column (columns: fictional, id, headline, published); name it with --map COLUMN=text"),
    ("CSV with embedded newlines", "embedded-newlines.csv", 0, "loaded", ""),
    ("HTML with no body text", "no-body-text.html", -1, "skipped", "no text in HTML"),
    ("HTML that is all script", "all-script.html", -1, "skipped", "no text in HTML"),
    ("feed with no entries", "no-entries.rss", -1, "skipped", "feed has no entries"),
    ("XML that is not a feed", "not-a-feed.xml", -1, "skipped",
     "not an RSS or Atom feed (XML error at line 4: no element found)"),
    ("front matter that is not valid YAML", "invalid-front-matter.md", 0, "loaded",
     "front matter is not valid YAML (line 3: mapping values are not allowed here); its fields were ignored; no date found"),
    ("front matter and no text", "front-matter-only.md", -1, "skipped", "no text after the front matter"),
    ("a date that cannot be parsed", "unparseable-date.md", 0, "loaded",
     "date 'the Tuesday after the summit' could not be understood; no date found"),
    ("500 unbalanced quotation marks", "unbalanced-quotes.txt", 0, "loaded", "no date found"),
    ("nested and mismatched quote styles", "mixed-quote-styles.txt", 0, "loaded", "no date found"),
    ("right-to-left and zero-width characters", "rtl-and-zero-width.txt", 0, "loaded", "no date found"),
    ("file name with spaces, quotes and non-ASCII", "name with spaces, 'quotes' and ünïcödé — “curly”.txt", 0,
     "loaded", "no date found"),
    ("README in a folder", "README.md", -1, "skipped",
     "ignored: documentation file, not an article (its name matches README*, NOTICE*, LICENSE*, LICENCE*, "
     "COPYING*, CHANGELOG*, CONTRIBUTING*)"),
]


def the_row(loaded, path: Path, record: int) -> pd.Series:
    rows = loaded.inputs[(loaded.inputs["path"] == str(path)) & (loaded.inputs["record"] == record)]
    assert len(rows) == 1, loaded.inputs.to_string()
    return rows.iloc[0]


def assert_rest_intact(loaded) -> None:
    """The good file loaded in the same run is complete: the broken input cost nothing else."""
    good = loaded.inputs[loaded.inputs["path"] == str(GOOD)]
    assert good["status"].tolist() == ["loaded"] * 3
    assert set(GOOD_IDS) <= set(loaded.articles["article_id"])
    counts = loaded.summary()
    assert sum(counts.values()) == len(loaded.inputs) and counts["loaded"] == len(loaded.articles)


def check(loaded, path: Path, record: int, status: str, message: str) -> pd.Series:
    row = the_row(loaded, path, record)
    assert row["status"] == status
    assert (row["reason"] if status == "skipped" else row["note"]) == message
    assert_rest_intact(loaded)
    return row


def test_catalogue_has_twenty_kinds_and_covers_the_folder():
    assert len(CATALOGUE) + len(RUNTIME_KINDS) >= 20
    assert {name for _, name, *_ in CATALOGUE} == {p.name for p in BAD.iterdir()}


@pytest.mark.parametrize("kind, name, record, status, message", CATALOGUE, ids=[c[0] for c in CATALOGUE])
def test_catalogue(kind, name, record, status, message):
    path = BAD / name
    loaded = load_articles([path, GOOD]) if name != "README.md" else load_articles([BAD, GOOD])
    check(loaded, path, record, status, message)


def test_kit_load_shows_each_message(tmp_path):
    result = CliRunner().invoke(app, ["load", str(BAD), str(GOOD)])
    assert result.exit_code == 0
    for _, name, record, status, message in CATALOGUE:
        where = str(BAD / name) + (f"#{record}" if record >= 0 else "")
        if status == "skipped":
            assert f"  skipped {where}: {message}" in result.output
    assert "loaded: 17\nduplicate: 0\nskipped: 16\n" in result.output


# --- what the loaded ones keep --------------------------------------------------------------------


def body_of(name: str, encoding: str = "utf-8") -> str:
    """The file's text after its first-line title and the blank line under it."""
    return (BAD / name).read_bytes().decode(encoding).split("\n", 2)[2]


@pytest.mark.parametrize("name", ["unbalanced-quotes.txt", "mixed-quote-styles.txt", "rtl-and-zero-width.txt"])
def test_hard_text_is_kept_exactly(name):
    text = load_articles(BAD / name).articles["text"][0]
    assert text == body_of(name)


def test_unbalanced_quotes_count():
    assert load_articles(BAD / "unbalanced-quotes.txt").articles["text"][0].count("“") == 500


def test_encodings_decode_to_the_right_characters():
    loaded = load_articles([BAD / "cp1252-smart-quotes.txt", BAD / "utf16-no-bom.txt", BAD / "truncated-utf8.txt"])
    cp1252, utf16, truncated = loaded.articles["text"]
    assert "“We are not leaving,” the café owner said – and added ‘never’… A coffee costs €3." in cp1252
    assert utf16 == body_of("utf16-no-bom.txt", "utf-16-le")
    assert truncated.endswith("Last word: caf")


def test_csv_embedded_newlines_exact():
    text = load_articles(BAD / "embedded-newlines.csv").articles["text"][0]
    assert text == ("First paragraph of a CSV cell.\n\nSecond paragraph, with a “quote”.\r\n"
                    "A Windows line ending inside the field.")


def test_invalid_front_matter_keeps_the_body():
    a = load_articles(BAD / "invalid-front-matter.md").articles.iloc[0]
    assert a["text"].startswith("The body of an article whose front matter is broken must still load.")
    assert "title: Quote" not in a["text"]


def test_unparseable_date_is_not_invented():
    a = load_articles(BAD / "unparseable-date.md").articles.iloc[0]
    assert pd.isna(a["published"]) and a["published_from"] == "" and a["title"] == "A date nobody can read"


# --- kinds made at run time -----------------------------------------------------------------------


def test_a_50_mb_article(tmp_path):
    paragraph = "FICTIONAL. The harbour master said the ferry would sail “tomorrow”, again.\u00a0" * 20 + "\n\n"
    text = paragraph * (50 * 1024 * 1024 // len(paragraph) + 1)
    path = tmp_path / "2025-02-12-huge.txt"
    path.write_text(text, encoding="utf-8")
    loaded = load_articles([path, GOOD])
    row = check(loaded, path, 0, "loaded", f"very long text ({len(text):,} characters)")
    assert loaded.articles.set_index("article_id").loc[row["article_id"], "text"] == text


@pytest.mark.parametrize("fmt", ["txt", "csv", "jsonl"])
def test_one_2_mb_paragraph(tmp_path, fmt):
    paragraph = ("FICTIONAL. One sentence after another, never a line break, “quoted” now and then. " * 30000)[:2 * 1024 * 1024]
    path = tmp_path / f"2025-02-12-long.{fmt}"
    if fmt == "txt":
        path.write_text(paragraph, encoding="utf-8")
    elif fmt == "csv":
        path.write_text('text\n"' + paragraph.replace('"', '""') + '"\n', encoding="utf-8")
    else:
        path.write_text(json.dumps({"text": paragraph}, ensure_ascii=False) + "\n", encoding="utf-8")
    loaded = load_articles([path, GOOD])
    check(loaded, path, 0, "loaded", f"very long text ({len(paragraph):,} characters)")
    assert paragraph in set(loaded.articles["text"])


def test_symlink_loop_in_the_input_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(GOOD, folder / "wire.jsonl")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "self").symlink_to(folder / "self")
    (folder / "gone.txt").symlink_to(folder / "deleted.txt")
    loaded = load_articles(folder)
    reasons = dict(zip(loaded.inputs["path"], loaded.inputs["reason"]))
    assert reasons[str(folder / "loop")] == f"symbolic link loop: leads back to the folder {folder}"
    assert reasons[str(folder / "self")] == "symbolic link loop: the link points back to itself"
    assert reasons[str(folder / "gone.txt")] == f"broken symbolic link (points to {folder / 'deleted.txt'}, which does not exist)"
    assert set(loaded.articles["article_id"]) == set(GOOD_IDS)


def test_a_directory_with_no_readable_files(tmp_path):
    empty, hidden_only = tmp_path / "empty", tmp_path / "hidden-only"
    empty.mkdir()
    hidden_only.mkdir()
    (hidden_only / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    loaded = load_articles([empty, hidden_only, GOOD])
    check(loaded, empty, -1, "skipped", "folder holds no files")
    check(loaded, hidden_only, -1, "skipped", "folder holds no files")


def test_a_folder_that_cannot_be_opened(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)
    monkeypatch.setattr(article_files.os, "scandir", scandir)
    check(load_articles([locked, GOOD]), locked, -1, "skipped", "cannot open folder: permission denied")


def test_an_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(FICTIONAL, encoding="utf-8")
    real_read_bytes = Path.read_bytes

    def read_bytes(self):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    check(load_articles([path, GOOD]), path, -1, "skipped", "cannot read file: permission denied")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_an_unreadable_file_for_real(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(FICTIONAL, encoding="utf-8")
    path.chmod(0)
    try:
        check(load_articles([path, GOOD]), path, -1, "skipped", "cannot read file: permission denied")
    finally:
        path.chmod(0o644)


def test_a_damaged_gzip(tmp_path):
    path = tmp_path / "wire.jsonl.gz"
    path.write_bytes(gzip.compress(GOOD.read_bytes())[:40])
    check(load_articles([path, GOOD]), path, -1, "skipped",
          "damaged gzip file (Compressed file ended before the end-of-stream marker was reached)")


def test_a_pipe_is_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    loaded = load_articles([tmp_path, GOOD])  # opening the pipe would hang the run
    check(loaded, fifo, -1, "skipped", "not a regular file (a device, pipe or socket)")


def test_json_nested_too_deeply(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000, encoding="utf-8")
    check(load_articles([path, GOOD]), path, -1, "skipped", "JSON is nested too deeply to read")


def test_file_names_with_double_quotes_and_undecodable_bytes(tmp_path):
    quoted = tmp_path / 'he said "no" — нет.txt'
    quoted.write_text(FICTIONAL + "\n\nThe name is the hard part.\n", encoding="utf-8")
    raw_name = os.path.join(os.fsencode(tmp_path), b"latin1-caf\xe9.txt")
    with open(raw_name, "wb") as fh:
        fh.write((FICTIONAL + "\n\nA name that is not UTF-8.\n").encode("utf-8"))
    loaded = load_articles([tmp_path, GOOD])
    check(loaded, quoted, 0, "loaded", "no date found")
    check(loaded, tmp_path / "latin1-caf\ufffd.txt", 0, "loaded", "no date found")
    loaded.inputs.to_parquet(tmp_path.parent / "inputs.parquet")  # every path is writable text


RUNTIME_KINDS = ["a 50 MB article", "one 2 MB paragraph", "symlink loop", "broken symlink",
                 "directory with no readable files", "folder that cannot be opened", "unreadable file",
                 "damaged gzip", "named pipe", "JSON nested too deeply", "file name with double quotes",
                 "file name that is not UTF-8", "gzip bomb", "file over the size limit"]


def test_a_gzip_bomb_is_not_unpacked(tmp_path, monkeypatch):
    monkeypatch.setattr(article_bytes, "MAX_FILE_BYTES", 1 << 20)
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress(b"\n" * (5 << 20)))  # 5 KB on disk, 5 MB unpacked
    check(load_articles([path, GOOD]), path, -1, "skipped", "gzip file unpacks to more than 1 MB; split it into smaller files")


def test_a_file_over_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(article_bytes, "MAX_FILE_BYTES", 1 << 20)
    path = tmp_path / "big.txt"
    path.write_text(FICTIONAL * 20_000, encoding="utf-8")
    check(load_articles([path, GOOD]), path, -1, "skipped", "file is larger than 1 MB; split it into smaller files")


# --- issue #19: line breaks, one-line files, deep and fanned-out folders, argument order ----------

LINE_BREAKS = {"carriage return": "\r", "line separator": "\u2028", "paragraph separator": "\u2029",
               "next line": "\x85", "vertical tab": "\v"}


@pytest.mark.parametrize("brk", LINE_BREAKS.values(), ids=LINE_BREAKS.keys())
def test_other_line_breaks_become_newlines_in_place(tmp_path, brk):
    body = f"FICTIONAL. The first paragraph.{brk}{brk}“A second one,” she said.{brk}And a third.\r\nA Windows line.{brk}"
    path = tmp_path / "breaks.txt"
    path.write_bytes(f"Harbour reopens{brk}{brk}{body}".encode("utf-8"))
    a = load_articles(path).articles.iloc[0]
    assert a["title"] == "Harbour reopens"
    assert len(a["text"]) == len(body), "one character for one: offsets into the file's text still hold"
    assert a["text"] == "FICTIONAL. The first paragraph.\n\n“A second one,” she said.\nAnd a third.\r\nA Windows line.\n"


def test_line_breaks_inside_records_become_newlines(tmp_path):
    text = "FICTIONAL. One paragraph.\u2029Another.\rA third.\x85A fourth."
    (tmp_path / "seps.jsonl").write_text(json.dumps({"text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    (tmp_path / "seps.csv").write_bytes(('text\n"' + text.replace("One", "Two") + '"\n').encode("utf-8"))
    texts = load_articles(tmp_path).articles["text"].tolist()
    assert texts == ["FICTIONAL. Two paragraph.\nAnother.\nA third.\nA fourth.",
                     "FICTIONAL. One paragraph.\nAnother.\nA third.\nA fourth."]


@pytest.mark.parametrize("brk", ["\r", "\u2028", "\u2029"], ids=["CR", "LS", "PS"])
def test_line_breaks_split_headline_quotes_and_turns_for_the_engine(tmp_path, nlp, brk):
    from kit.quotes import extract_quotes

    files = {
        "headline.txt": ["Brandt says bridge will open in May", "",
                         "“The bridge will open in May,” said the statement.", "", "The board met on Friday."],
        "unclosed.txt": ["Harbour news", "", "“We will rebuild the bridge before winter, Ellison told reporters.", "",
                         "Tom Brandt, the harbour master, said the pier was safe."],
        "turns.txt": ["Remarks at a fictional briefing", "", "THE MAYOR: Thank you all for coming.", "",
                      "Q When will the bridge reopen?", "", "THE MAYOR: Very soon.", "",
                      "MS. HARTWELL: We will take two more questions."],
    }
    for name, lines in files.items():
        (tmp_path / name).write_bytes(brk.join([*lines, "", FICTIONAL, ""]).encode("utf-8"))
    articles = load_articles(tmp_path).articles
    found = extract_quotes(articles, nlp)
    ids = dict(zip(articles["path"].map(lambda p: Path(p).name), articles["article_id"]))
    by_file = {name: found[found["article_id"] == ids[name]] for name in files}
    headline = by_file["headline.txt"]
    assert headline["quote_text"].tolist() == ["The bridge will open in May,"]
    assert headline["speaker"].tolist() == ["the statement"], "the headline is not a speaker"
    unclosed = by_file["unclosed.txt"]
    opened = unclosed[unclosed["quote"].str.startswith("We will rebuild")]
    assert opened["quote"].tolist() == ["We will rebuild the bridge before winter, Ellison told reporters."]
    assert "Tom Brandt" in unclosed["speaker"].tolist(), "the next paragraph keeps its own statement"
    turns = by_file["turns.txt"]
    assert turns["kind"].tolist() == ["turn"] * 4
    assert turns["speaker_mention"].tolist() == ["THE MAYOR", "Q", "THE MAYOR", "MS. HARTWELL"]


@pytest.mark.parametrize("ending", ["", "\n", "\r\n"], ids=["no final newline", "LF", "CRLF"])
def test_a_one_line_file_is_its_text(tmp_path, nlp, ending):
    from kit.quotes import extract_quotes

    line = "“We will rebuild the bridge before winter,” Mayor Sarah Ellison said on Monday"
    path = tmp_path / "one-line.txt"
    path.write_bytes((line + ending).encode("utf-8"))
    loaded = load_articles(path)
    assert loaded.summary() == {"loaded": 1, "duplicate": 0, "skipped": 0}
    a = loaded.articles.iloc[0]
    assert (a["title"], a["text"]) == ("", line + ending)
    found = extract_quotes(loaded.articles, nlp)
    assert found["quote_text"].tolist() == ["We will rebuild the bridge before winter,"]
    assert found["speaker"].tolist() == ["Sarah Ellison"]


def test_a_heading_with_nothing_under_it_is_the_text(tmp_path):
    (tmp_path / "heading.md").write_text("# Harbour reopens on Monday\n\n\n", encoding="utf-8")
    a = load_articles(tmp_path).articles.iloc[0]
    assert (a["title"], a["text"]) == ("", "# Harbour reopens on Monday\n\n\n")


def remove_tree(top: Path) -> None:
    """Delete a folder tree without recursion (shutil.rmtree, pytest's clean-up too, recurses once per level)."""
    folders, stack = [], [top]
    while stack:
        folders.append(stack.pop())
        for path in folders[-1].iterdir():
            if path.is_dir() and not path.is_symlink():
                stack.append(path)
            else:
                path.unlink()
    for folder in reversed(folders):
        folder.rmdir()


def test_a_thousand_nested_folders(tmp_path):
    deepest = top = tmp_path / "nested"
    top.mkdir()
    try:
        for _ in range(1000):  # one by one: Path.mkdir(parents=True) recurses too
            deepest = deepest / "d"
            deepest.mkdir()
        (deepest / "bottom.txt").write_text(FICTIONAL + "\n\nThe bottom folder.\n", encoding="utf-8")
        (top.joinpath(*["d"] * 500) / "middle.txt").write_text(FICTIONAL + "\n\nHalf way down.\n", encoding="utf-8")
        loaded = load_articles([top, GOOD])
        assert loaded.summary() == {"loaded": 5, "duplicate": 0, "skipped": 0}
        assert_rest_intact(loaded)
        pattern = f"{top}/**/*.txt"
        check(load_articles([pattern, GOOD]), Path(pattern), -1, "skipped", "folders under this pattern nest too "
              "deeply for a glob; name the top folder instead (a folder is searched to any depth)")
    finally:
        remove_tree(top)


def test_a_folder_reached_through_many_links_is_read_once(tmp_path):
    levels = [tmp_path / f"level{k}" for k in range(13)]
    for k, level in enumerate(levels):
        level.mkdir()
        (level / f"article{k}.txt").write_text(f"{FICTIONAL}\n\nLevel {k}.\n", encoding="utf-8")
        if k:  # two links to the next level: followed blindly, level 12 is reached 4,096 ways
            (levels[k - 1] / "a").symlink_to(level, target_is_directory=True)
            (levels[k - 1] / "b").symlink_to(level, target_is_directory=True)
    loaded = load_articles([levels[0], GOOD], strict=True)
    assert loaded.summary() == {"loaded": 13 + 3, "duplicate": 12, "skipped": 0}
    row = the_row(loaded, levels[0] / "b", -1)
    assert (row["status"], row["reason"]) == ("duplicate", f"same folder as {levels[0] / 'a'}, already read")
    deep = levels[0].joinpath(*["a"] * 11, "b")
    assert the_row(loaded, deep, -1)["reason"] == f"same folder as {levels[0].joinpath(*['a'] * 12)}, already read"
    assert_rest_intact(loaded)


def test_a_folder_named_twice_is_read_once(tmp_path):
    shutil.copy(GOOD, tmp_path / "wire.jsonl")
    loaded = load_articles([tmp_path, tmp_path])
    assert loaded.summary() == {"loaded": 3, "duplicate": 1, "skipped": 0}
    assert loaded.inputs.iloc[-1]["reason"] == f"same folder as {tmp_path}, already read"


def order_free_fixture(folder: Path) -> list[Path]:
    """Files whose ids a load could decide by order: a clashing id, one text under two ids, near-duplicates."""
    folder.mkdir()
    story = "FICTIONAL. " + " ".join(f"The harbour board met for the {n}th time and agreed on nothing." for n in range(12))
    files = {
        "a.jsonl": [{"id": "x1", "text": "FICTIONAL. The first story under x1."},
                    {"id": "copy-b", "text": "FICTIONAL. One text, two ids."},
                    {"id": "near-1", "text": story, "published": "2025-02-10"}],
        "b.jsonl": [{"id": "x1", "text": "FICTIONAL. A different story also under x1."},
                    {"id": "copy-a", "text": "FICTIONAL. One text, two ids.", "desk": "metro"},
                    {"id": "near-2", "text": story.replace("nothing", "little"), "published": "2025-02-09"}],
    }
    for name, records in files.items():
        (folder / name).write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return [folder / name for name in files]


def test_ids_do_not_depend_on_argument_order(tmp_path):
    a, b = order_free_fixture(tmp_path / "in")
    forward, backward = load_articles([a, b]), load_articles([b, a])
    by_hash = [loaded.articles.set_index("content_hash").sort_index() for loaded in (forward, backward)]
    pd.testing.assert_frame_equal(by_hash[0], by_hash[1])
    ids = by_hash[0]["article_id"]
    assert sorted(ids) == sorted(["x1", f"x1-{ids[ids.str.startswith('x1-')].index[0][:6]}", "copy-a", "near-1", "near-2"])
    near = by_hash[0].set_index("article_id")["near_duplicate_of"]
    assert (near["near-1"], near["near-2"]) == ("near-2", ""), "the later-published copy points to the earlier one"
    kept = by_hash[0].set_index("article_id").loc["copy-a"]
    assert (kept["path"], kept["desk"], kept["paths"]) == (str(b), "metro", [f"{b}#1", f"{a}#1"])
    for loaded in (forward, backward):
        dup = loaded.inputs[loaded.inputs["status"] == "duplicate"]
        assert dup[["path", "record", "article_id", "reason"]].values.tolist() == [
            [str(a), 1, "copy-a", f"same text as {b}#1 (article copy-a)"]]


# --- issue #19 item 23: memory that grows with the input, not faster ------------------------------


def traced_peak(load) -> int:
    """Peak bytes Python allocated while ``load()`` ran (tracemalloc: deterministic, unlike RSS)."""
    import tracemalloc

    tracemalloc.start()
    try:
        load()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_gzip_bomb_is_refused_before_it_is_unpacked(tmp_path, monkeypatch):
    monkeypatch.setattr(article_bytes, "MAX_FILE_BYTES", 8 << 20)
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress(b"\n" * (64 << 20)))  # 64 KB on disk, 64 MB unpacked
    check(load_articles([path, GOOD]), path, -1, "skipped", "gzip file unpacks to more than 8 MB; split it into smaller files")
    peak = traced_peak(lambda: load_articles(path))
    assert peak < (8 << 20) // 4, f"{peak:,} bytes held while refusing the bomb"


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_many_short_records_cost_a_few_times_their_size(tmp_path, fmt):
    path = tmp_path / f"rows.{fmt}"
    rows = [{"id": f"r{i:06d}", "published": "2025-02-12", "title": f"Row {i}",
             "text": f"FICTIONAL. Row {i}: the mayor said yes to the tram plan, again."} for i in range(20_000)]
    if fmt == "csv":
        pd.DataFrame(rows).to_csv(path, index=False)
    else:
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    load_articles(path)  # imports and caches warmed outside the measurement
    peak = traced_peak(lambda: load_articles(path))
    assert peak < 10 * path.stat().st_size, f"{peak / path.stat().st_size:.1f} times the file's size"


def test_many_distinct_field_names_make_a_bounded_number_of_columns(tmp_path):
    records = [{"id": f"k{i:03d}", "text": f"FICTIONAL record {i}.", "desk": "metro", f"field_{i:03d}": f"v{i}"}
               for i in range(300)]
    path = tmp_path / "keys.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    articles = load_articles(path).articles.set_index("article_id")
    extra = [c for c in articles.columns if c not in kit_articles.ARTICLE_COLUMNS]
    assert len(extra) == kit_articles.MAX_EXTRA_COLUMNS + 1
    assert "desk" in extra and "other_fields" in extra, "the most common names become columns"
    assert (articles["desk"] == "metro").all()
    assert articles.loc["k000", "field_000"] == "v0" and articles.loc["k000", "other_fields"] == ""
    assert json.loads(articles.loc["k299", "other_fields"]) == {"field_299": "v299"}, "no value is lost"
    assert articles.loc["k299", "note"] == (
        "no date found; 1 field(s) kept as JSON in other_fields (a load makes columns of 100 field names at most)")
