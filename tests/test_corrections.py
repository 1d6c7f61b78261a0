"""Reporters' corrections: saved beside the notebooks, applied to the tables, listed in the manifest.

Speakers and quotes here are the FICTIONAL ones of data/sample (see data/sample-actors.yml).
"""
from __future__ import annotations

import hashlib
import json

import pandas as pd
import pytest

from conftest import SAMPLE, SAMPLE_ACTORS
from kit.corrections import (CORRECTION_COLUMNS, Corrections, CorrectionsError, apply_corrections,
                             read_corrections)
from kit.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry([SAMPLE_ACTORS])


@pytest.fixture()
def statements() -> pd.DataFrame:
    rows = [
        ("a1:10", "We have put a serious offer on the table.", "Whitcombe", "Dana Whitcombe", "White House"),
        ("a1:90", "the realities on the ground.", "he", "", "Other"),
        ("a2:40", "Nobody should read our patience as weakness,", "Oleg Varnavin", "Oleg Varnavin", "Kremlin"),
        ("a2:99", "Section 1. Purpose.", "", "", "Other"),
    ]
    frame = pd.DataFrame(rows, columns=["quote_id", "quote", "speaker", "actor", "camp"])
    frame["article_id"] = frame["quote_id"].str.split(":").str[0]
    frame["said_on"] = pd.Timestamp("2026-01-14")
    return frame


def write(path, rows):
    pd.DataFrame(rows, columns=["quote_id", "correction", "value"]).to_csv(path, index=False)
    return path


def test_each_kind_of_correction_changes_the_table(tmp_path, statements, registry):
    path = write(tmp_path / "corrections.csv", [
        ("a1:90", "wrong_speaker", "Oleg Varnavin"),
        ("a2:99", "not_a_quote", ""),
        ("a2:40", "wrong_camp", "press"),
    ])
    out = apply_corrections(statements, path, registry).set_index("quote_id")
    assert "a2:99" not in out.index and len(out) == 3
    assert out.loc["a1:90", ["speaker", "actor", "camp"]].tolist() == ["Oleg Varnavin", "Oleg Varnavin", "Kremlin"]
    assert out.loc["a2:40", "camp"] == "Press" and out.loc["a2:40", "speaker"] == "Oleg Varnavin"
    assert out.loc["a1:10", "corrected"] == ""
    assert "speaker 'he' -> 'Oleg Varnavin'" in out.loc["a1:90", "corrected"]
    summary = out.attrs["corrections"]
    assert summary["applied"] == 3 and summary["rows"] == 3 and summary["unmatched"] == []
    assert summary["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert len(statements) == 4, "the input frame is not modified"


def test_unknown_speaker_goes_to_other_unless_the_camp_is_corrected_too(tmp_path, statements, registry):
    path = write(tmp_path / "c.csv", [("a1:10", "wrong_speaker", "A deputy nobody knows"),
                                      ("a2:40", "wrong_speaker", "A deputy nobody knows"),
                                      ("a2:40", "wrong_camp", "Ukraine")])
    out = apply_corrections(statements, path, registry).set_index("quote_id")
    assert out.loc["a1:10", ["actor", "camp"]].tolist() == ["", "Other"]
    assert out.loc["a2:40", ["actor", "camp"]].tolist() == ["", "Ukraine"]


def test_a_corrected_name_is_taken_exactly_not_by_surname(tmp_path, statements, registry):
    path = write(tmp_path / "c.csv", [("a2:40", "wrong_speaker", "Pat Whitcombe"),
                                      ("a1:90", "wrong_speaker", "ms.  whitcombe")])
    out = apply_corrections(statements, path, registry).set_index("quote_id")
    assert out.loc["a2:40", ["speaker", "actor", "camp"]].tolist() == ["Pat Whitcombe", "", "Other"]
    assert out.loc["a1:90", ["actor", "camp"]].tolist() == ["Dana Whitcombe", "White House"]


def test_the_latest_correction_wins_and_unmatched_ids_are_reported(tmp_path, statements, registry):
    path = write(tmp_path / "c.csv", [("a2:40", "wrong_camp", "Ukraine"), ("a2:40", "wrong_camp", "White House"),
                                      ("gone:1", "not_a_quote", "")])
    out = apply_corrections(statements, path, registry)
    assert out.set_index("quote_id").loc["a2:40", "camp"] == "White House"
    assert out.attrs["corrections"]["applied"] == 1
    assert out.attrs["corrections"]["unmatched"] == ["gone:1"]


@pytest.mark.parametrize("rows, message", [
    ([("a1:10", "wrong_colour", "")], r"c\.csv: line 2: unknown correction 'wrong_colour'"),
    ([("a1:10", "wrong_camp", "")], r"line 2: wrong_camp needs the right camp"),
    ([("", "not_a_quote", "")], r"line 2: empty quote_id"),
])
def test_a_bad_corrections_file_names_the_file_and_line(tmp_path, statements, registry, rows, message):
    path = write(tmp_path / "c.csv", rows)
    with pytest.raises(CorrectionsError, match=message):
        apply_corrections(statements, path, registry)


def test_an_unknown_camp_or_missing_file_is_a_clear_error(tmp_path, statements, registry):
    path = write(tmp_path / "c.csv", [("a1:10", "wrong_camp", "Atlantis")])
    with pytest.raises(CorrectionsError, match="unknown camp 'Atlantis'"):
        apply_corrections(statements, path, registry)
    with pytest.raises(CorrectionsError, match="nope.csv: corrections file not found"):
        apply_corrections(statements, tmp_path / "nope.csv", registry)
    (tmp_path / "cols.csv").write_text("id,what\nx,y\n")
    with pytest.raises(CorrectionsError, match="missing column"):
        read_corrections(tmp_path / "cols.csv")


def test_marks_are_saved_at_once_and_undo_removes_them(tmp_path, statements):
    store = Corrections(tmp_path / "notes" / "corrections.csv")
    store.mark(statements.iloc[2], "wrong_camp", "Press", note="spokesman for the paper")
    store.mark(statements.iloc[3], "not_a_quote")
    saved = read_corrections(store.path)
    assert list(saved.columns[:len(CORRECTION_COLUMNS)]) == CORRECTION_COLUMNS
    assert saved["correction"].tolist() == ["wrong_camp", "not_a_quote"]
    assert saved.loc[0, "was"] == "Kremlin" and saved.loc[0, "quote"].startswith("Nobody should")
    assert Corrections(store.path).for_quote("a2:40")["value"].tolist() == ["Press"], "a new session reads them back"
    assert store.undo("a2:99") == 1 and len(read_corrections(store.path)) == 1
    with pytest.raises(ValueError, match="unknown correction"):
        store.mark(statements.iloc[0], "typo")


def test_the_corrections_file_opens_safely_in_a_spreadsheet_and_reads_back_exactly(tmp_path, statements):
    store = Corrections(tmp_path / "corrections.csv")
    hostile = statements.iloc[1].copy()
    hostile["quote"] = '=HYPERLINK("https://evil.example","click")'  # FICTIONAL hostile article text
    store.mark(hostile, "wrong_speaker", "@Oleg Varnavin", note="-1+1")
    cells = pd.read_csv(store.path, dtype=str, keep_default_na=False).iloc[0]
    assert cells["quote"].startswith("'=HYPERLINK") and cells["value"] == "'@Oleg Varnavin" and cells["note"] == "'-1+1"
    saved = read_corrections(store.path).iloc[0]
    assert (saved["quote"], saved["value"], saved["note"]) == (hostile["quote"], "@Oleg Varnavin", "-1+1")


def test_corrections_are_never_written_into_the_input(tmp_path):
    inputs = tmp_path / "articles"
    inputs.mkdir()
    (inputs / "a.txt").write_text("FICTIONAL. \"Hello,\" she said.\n")
    with pytest.raises(CorrectionsError, match="never writes among its inputs"):
        Corrections(inputs / "corrections.csv", inputs=[inputs])
    with pytest.raises(CorrectionsError):
        Corrections(inputs / "a.txt", inputs=[inputs / "a.txt"])
    assert sorted(p.name for p in inputs.iterdir()) == ["a.txt"]
    Corrections(tmp_path / "corrections.csv", inputs=[inputs])  # beside the inputs is fine


def test_the_report_applies_corrections_and_the_manifest_lists_them(tmp_path):
    import kit
    import kit.cache
    from kit.report import run_report

    # The statements the report will see (it reads them through the same extraction cache).
    loaded = kit.load_articles([SAMPLE])
    statements = kit.cache.cached_attribution(kit.cache.cached_statements(loaded.articles), loaded.articles,
                                              load_registry([SAMPLE_ACTORS]))
    kremlin = statements[statements["camp"] == "Kremlin"]
    assert len(kremlin) >= 2, "the sample has Kremlin statements to correct"
    dropped, moved = kremlin["quote_id"].iloc[0], kremlin["quote_id"].iloc[1]
    path = write(tmp_path / "corrections.csv", [(dropped, "not_a_quote", ""), (moved, "wrong_camp", "Press")])
    before = path.read_bytes()
    result = run_report([SAMPLE], title="Corrected", output_root=tmp_path / "reports",
                        parameters={"actors_files": [str(SAMPLE_ACTORS)], "corrections_file": str(path)})
    table = pd.read_csv(result.run_dir / "tables" / "who_said_what.csv")
    assert dropped not in set(table["quote_id"])
    assert table.set_index("quote_id").loc[moved, "camp"] == "Press"
    manifest = json.loads(result.manifest.read_text())
    assert len(table) == manifest["stages"]["quotes"]["statements"] - 1
    listed = manifest["corrections"]
    assert listed["path"] == str(path.resolve())
    assert listed["sha256"] == hashlib.sha256(before).hexdigest()
    assert listed["rows"] == 2 and listed["applied"] == 2
    assert path.read_bytes() == before
