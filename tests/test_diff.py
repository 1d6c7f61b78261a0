"""kit diff: what changed between two report runs."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from kit.cli import app
from kit.diff import diff_runs, resolve_run


def statement(article, start, quote, speaker, camp, day, actor=""):
    return {"said_on": pd.Timestamp(day), "actor": actor, "speaker": speaker, "camp": camp, "kind": "direct",
            "quote": quote, "title": f"Title of {article}", "article_id": article,
            "quote_id": f"{article}:{start}", "quote_start": start, "quote_end": start + len(quote)}


def make_run(folder, rows, loaded_articles, fmt="parquet"):
    tables = folder / "tables"
    tables.mkdir(parents=True)
    table = pd.DataFrame(rows)
    if fmt == "parquet":
        table.to_parquet(tables / "who_said_what.parquet", index=False)
    else:
        table.to_csv(tables / "who_said_what.csv", index=False)
    pd.DataFrame({"path": [f"{a}.md" for a in loaded_articles], "record": -1, "status": "loaded", "reason": "",
                  "article_id": loaded_articles}).to_csv(tables / "inputs.csv", index=False)
    (folder / "manifest.json").write_text(json.dumps({"status": "ok"}))
    return folder


@pytest.fixture()
def runs(tmp_path):
    # FICTIONAL statements: invented speakers and words.
    a = make_run(tmp_path / "r" / "20260301T000000Z", [
        statement("a1", 0, "We stand firm", "Dana Whitcombe", "White House", "2026-02-02", "Dana Whitcombe"),
        statement("a1", 40, "No deal yet", "Dana Whitcombe", "White House", "2026-02-03", "Dana Whitcombe"),
        statement("a2", 10, "The talks are over", "Oleg Varnavin", "Kremlin", "2026-02-04", "Oleg Varnavin"),
        statement("a3", 5, "We were misquoted", "an official", "Other", "2026-02-10"),
    ], ["a1", "a2", "a3"])
    b = make_run(tmp_path / "r" / "20260308T000000Z", [
        statement("a1", 0, "We stand firm", "Whitcombe", "White House", "2026-02-02", "Dana Whitcombe"),
        statement("a1", 40, "No deal yet", "Dana Whitcombe", "White House", "2026-02-03", "Dana Whitcombe"),
        statement("a3", 5, "We were quoted correctly", "an official", "Other", "2026-02-10"),
        statement("a4", 0, "Sanctions stay", "Marta Kovalchuk", "Ukraine", "2026-02-10", "Marta Kovalchuk"),
        statement("a4", 30, "We want guarantees", "Marta Kovalchuk", "Ukraine", "2026-02-11", "Marta Kovalchuk"),
        statement("a5", 0, "Talks resume Monday", "Dana Whitcombe", "White House", "2026-02-12", "Dana Whitcombe"),
    ], ["a1", "a3", "a4", "a5"], fmt="csv")
    return a, b


def test_new_statements_are_those_run_a_did_not_have(runs):
    d = diff_runs(*runs)
    assert set(d.new_statements["quote"]) == {"We were quoted correctly", "Sanctions stay", "We want guarantees",
                                              "Talks resume Monday"}
    assert "We stand firm" not in set(d.new_statements["quote"]), "a changed speaker is not a new statement"


def test_new_speakers_are_counted_by_actor(runs):
    d = diff_runs(*runs)
    assert d.new_speakers[["speaker", "camp", "statements"]].to_dict("records") == [
        {"speaker": "Marta Kovalchuk", "camp": "Ukraine", "statements": 2}]
    assert d.new_speakers["first_said_on"].iloc[0] == pd.Timestamp("2026-02-10")


def test_statements_gone_say_whether_their_article_was_removed(runs):
    d = diff_runs(*runs)
    gone = dict(zip(d.removed_statements["quote"], d.removed_statements["why"]))
    assert gone == {"The talks are over": "article removed", "We were misquoted": "no longer found"}
    assert d.removed_articles == 1


def test_camps_whose_weekly_volume_moved_most_come_first(runs):
    d = diff_runs(*runs)
    top = d.camp_moves.iloc[0]
    assert (top["camp"], top["week"], top["before"], top["after"], top["change"]) == \
        ("Ukraine", pd.Timestamp("2026-02-09"), 0, 2, 2)
    kremlin = d.camp_moves[d.camp_moves["camp"] == "Kremlin"].iloc[0]
    assert (kremlin["before"], kremlin["after"], kremlin["change"]) == (1, 0, -1)
    assert list(d.camp_moves["change"].abs()) == sorted(d.camp_moves["change"].abs(), reverse=True)


def test_a_report_folder_means_its_latest_run(runs, tmp_path):
    a, b = runs
    (tmp_path / "r" / "latest.json").write_text(json.dumps({"run": b.name}))
    assert resolve_run(tmp_path / "r") == b
    with pytest.raises(ValueError, match="not a report run folder"):
        resolve_run(tmp_path)


def test_kit_diff_prints_every_section_and_writes_tables(runs, tmp_path):
    a, b = runs
    result = CliRunner().invoke(app, ["diff", str(a), str(b), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    for heading in ("new statements: 4", "new speakers: 1", "camps whose weekly volume moved most",
                    "statements gone: 2 (1 articles removed)", "[article removed] Title of a2"):
        assert heading in result.output
    written = pd.read_csv(tmp_path / "out" / "new_speakers.csv")
    assert written["speaker"].tolist() == ["Marta Kovalchuk"]


def test_diff_csvs_open_safely_in_a_spreadsheet(runs, tmp_path):
    a, b = runs
    table = pd.read_csv(b / "tables" / "who_said_what.csv").astype(object)
    table.loc[len(table)] = statement("a6", 0, "=1+2", "-Nobody", "Other", "2026-02-13")
    table.to_csv(b / "tables" / "who_said_what.csv", index=False)
    diff_runs(a, b).write(tmp_path / "d")
    new = pd.read_csv(tmp_path / "d" / "new_statements.csv", dtype=str, keep_default_na=False)
    row = new[new["article_id"] == "a6"].iloc[0]
    assert row["quote"] == "'=1+2" and row["speaker"] == "'-Nobody"


def test_kit_diff_on_something_that_is_not_a_run_exits_2(tmp_path):
    result = CliRunner().invoke(app, ["diff", str(tmp_path), str(tmp_path)])
    assert result.exit_code == 2 and "not a report run folder" in result.output


def test_the_report_summary_escapes_camp_names(runs, tmp_path):
    a, b = runs
    table = pd.read_csv(b / "tables" / "who_said_what.csv")
    table.loc[3:4, "camp"] = "<script>x</script>"
    table.to_csv(b / "tables" / "who_said_what.csv", index=False)
    text = diff_runs(a, b).to_markdown()
    assert "<script>" not in text and "&lt;script&gt;" in text
