"""The ``kit`` command: every command has help, is documented in the README, and its README examples parse."""
from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys

import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from conftest import REPO, SAMPLE, shared_path
from kit.cli import app, normalise_param_args
from kit.quotes import STATEMENT_COLUMNS
from kit.schemas import WHO_SAID_WHAT_COLUMNS

KIT = [sys.executable, "-m", "kit.cli"]
FIXTURES = REPO / "tests" / "fixtures"
ARTICLES = FIXTURES / "articles"
BAD = FIXTURES / "bad"
README = (REPO / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(typer.main.get_command(app).commands)


def write(tmp_path, text: str, name: str = "extra.yml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def readme_examples() -> list[str]:
    """Every ``kit ...`` command line in the README's shell blocks (continuation lines joined)."""
    examples = []
    for block in re.findall(r"```sh\n(.*?)```", README, flags=re.S):
        for line in block.replace("\\\n", " ").splitlines():
            words = shlex.split(line, comments=True)
            if words and words[0].endswith("bin/kit"):
                examples.append(words[1:])
    return examples


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_a_readme_section(command):
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0 and len(result.output) > 200, result.output
    assert re.search(rf"kit {command}\b", README), f"the README never shows `kit {command}`"


def test_readme_examples_parse():
    examples = readme_examples()
    assert {e[0] for e in examples} >= set(COMMANDS) and len(examples) >= 10
    group = typer.main.get_command(app)
    for words in examples:
        args = normalise_param_args(words)
        command = group.get_command(None, args[0])
        assert command is not None, f"README example uses an unknown command: kit {shlex.join(words)}"
        command.make_context(args[0], args[1:])  # raises on an unknown option or a bad value


def test_papermill_style_and_equals_style_parameters_both_parse():
    assert normalise_param_args(["report", "d", "-p", "period", "month", "-p", "start_date=2025-02-01"]) == \
        ["report", "d", "-p", "period=month", "-p", "start_date=2025-02-01"]
    assert normalise_param_args(["report", "d", "--parameters", "title", "A = B"]) == \
        ["report", "d", "--parameters", "title=A = B"]


def test_cli_exits_2_with_the_message_for_bad_parameters(tmp_path):
    for args, message in [(["-p", "no_such", "1"], "unknown parameter(s) no_such"),
                          (["-p", "github_token", "abc"], "looks like a secret"),
                          (["-p", "start_date", "yesterday"], "must be an ISO date")]:
        proc = subprocess.run([*KIT, "report", str(SAMPLE), "-o", str(tmp_path), *args],
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 2, proc.stderr
        assert message in proc.stderr
    assert not any(tmp_path.iterdir()), "a refused run must not create a run folder"


def test_kit_quotes_writes_who_said_what_with_actor_camp_role_and_date(tmp_path):
    seed = shared_path("seed", "trump-putin-talks.jsonl")
    out = tmp_path / "quotes.csv"
    proc = subprocess.run([*KIT, "quotes", str(seed), "--cache-dir", str(tmp_path / "cache"), "--processes", "1",
                           "-o", str(out)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    table = pd.read_csv(out, keep_default_na=False)
    assert list(table.columns) == WHO_SAID_WHAT_COLUMNS + ["camp_id"]
    peskov = table[table["actor"] == "Dmitry Peskov"]
    assert len(peskov) >= 1 and set(peskov["camp"]) == {"Kremlin"} and peskov["said_on"].str.match(r"2025-02-\d\d").all()
    assert (peskov["role"] != "").all()
    raw = tmp_path / "engine.csv"
    proc = subprocess.run([*KIT, "quotes", str(seed), "--no-attribute", "--cache-dir", str(tmp_path / "cache"),
                           "-o", str(raw)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    engine = pd.read_csv(raw, keep_default_na=False)
    assert list(engine.columns) == STATEMENT_COLUMNS + ["note"] and sorted(engine["quote_id"]) == sorted(table["quote_id"])


def test_a_folder_where_nobody_says_anything_gives_empty_tables_not_an_error(tmp_path):
    folder = tmp_path / "facts"
    folder.mkdir()
    (folder / "flood.txt").write_text("FICTIONAL TEST TEXT\n\nThe river rose two metres overnight and the "
                                      "bridge at Dunmore was closed to traffic.\n", encoding="utf-8")
    out = tmp_path / "quotes.csv"
    proc = subprocess.run([*KIT, "quotes", str(folder), "--cache-dir", str(tmp_path / "cache"), "--processes", "1",
                           "-o", str(out)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0 and "0 statements in 1 articles" in proc.stdout, proc.stderr
    assert list(pd.read_csv(out).columns) == WHO_SAID_WHAT_COLUMNS + ["camp_id"]
    proc = subprocess.run([*KIT, "report", str(folder), "--title", "Facts", "-o", str(tmp_path / "reports"),
                           "--cache-dir", str(tmp_path / "cache"), "--processes", "1"],
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    run = next((tmp_path / "reports" / "facts").glob("*/tables"))
    assert pd.read_csv(run / "who_said_what.csv").empty


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_kit_load_writes_tables(tmp_path, suffix):
    out = tmp_path / f"articles{suffix}"
    result = CliRunner().invoke(app, ["load", str(ARTICLES), "-o", str(out), "--inputs", str(tmp_path / "inputs.csv"),
                                      "--map", "copy=text", "--map", "pubtime=published", "--map", "hed=title"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:3] == ["loaded: 17", "duplicate: 0", "skipped: 0"]
    read = {".parquet": pd.read_parquet, ".csv": pd.read_csv}.get(suffix, lambda p: pd.read_json(p, lines=True))
    table = read(out)
    assert len(table) == 17 and "Mayor of Northgate promises new tram line" in set(table["title"])
    assert len(pd.read_csv(tmp_path / "inputs.csv")) == 17
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file is left behind"


def test_kit_load_csv_output_opens_safely_in_a_spreadsheet(tmp_path):
    data = tmp_path / "in"
    data.mkdir()
    # A FICTIONAL article whose title and source are spreadsheet formulas.
    (data / "a.jsonl").write_text(json.dumps({"id": "-x1", "title": '=HYPERLINK("https://evil.example","Click")',
                                              "source": "@SUM(1)", "text": "A fictional text."}) + "\n")
    result = CliRunner().invoke(app, ["load", str(data), "-o", str(tmp_path / "articles.csv")])
    assert result.exit_code == 0, result.output
    row = pd.read_csv(tmp_path / "articles.csv", dtype=str, keep_default_na=False).iloc[0]
    assert (row["article_id"], row["source"]) == ("'-x1", "'@SUM(1)") and row["title"].startswith("'=HYPERLINK")


def test_kit_load_strict_fails_and_writes_nothing(tmp_path):
    out = tmp_path / "articles.csv"
    result = CliRunner().invoke(app, ["load", str(BAD), "--strict", "-o", str(out)])
    assert result.exit_code == 1
    assert "skipped: 16" in result.output
    assert f"  skipped {BAD / 'empty.txt'}: empty file" in result.output
    assert "input(s) skipped (strict mode), listed above; nothing written" in result.output
    assert not out.exists()


def test_kit_load_rejects_a_bad_map():
    result = CliRunner().invoke(app, ["load", str(ARTICLES), "--map", "body"])
    assert result.exit_code != 0 and "is not FIELD=COLUMN" in result.output


def test_kit_load_never_writes_into_an_input_folder(tmp_path):
    shutil.copy(ARTICLES / "wire.jsonl", tmp_path / "wire.jsonl")
    result = CliRunner().invoke(app, ["load", str(tmp_path), "-o", str(tmp_path / "articles.csv")])
    shown = " ".join(result.output.replace("│", " ").split())  # typer draws the error in a wrapped box
    assert result.exit_code == 2 and "the kit never writes among its inputs" in shown
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wire.jsonl"]


def test_kit_load_writes_the_same_articles_in_any_argument_order(tmp_path):
    clash = tmp_path / "in" / "clash.jsonl"  # wire-001 again with another text, and wire-002's text under a new id
    clash.parent.mkdir()
    wire = [json.loads(line) for line in (ARTICLES / "wire.jsonl").read_text(encoding="utf-8").splitlines()]
    clash.write_text(json.dumps({**wire[0], "text": "FICTIONAL. Another story filed as wire-001."}) + "\n"
                     + json.dumps({**wire[1], "id": "a-copy"}) + "\n", encoding="utf-8")
    tables = []
    for order in ([ARTICLES / "wire.jsonl", clash], [clash, ARTICLES / "wire.jsonl"]):
        out = tmp_path / f"articles-{order[0].stem}.csv"
        result = CliRunner().invoke(app, ["load", *map(str, order), "-o", str(out)])
        assert result.exit_code == 0, result.output
        tables.append(pd.read_csv(out, keep_default_na=False).sort_values("article_id", ignore_index=True))
    pd.testing.assert_frame_equal(*tables)
    assert {"wire-001", "a-copy"} <= set(tables[0]["article_id"]) and len(tables[0]) == 4


def test_kit_speakers_check(tmp_path):
    runner = CliRunner()
    ok = runner.invoke(app, ["speakers", "--check"])
    assert ok.exit_code == 0 and "actors" in ok.output
    bad = write(tmp_path, "actors:\n  - name: Ann Example\n    camp: nowhere\n")
    failed = runner.invoke(app, ["speakers", "--check", "--actors", str(bad)])
    assert failed.exit_code == 1
    assert f"{bad}:2: actor 'Ann Example': camp 'nowhere'" in failed.output


@pytest.mark.slow
def test_kit_speakers_unknown_lists_names_missing_from_the_registry(tmp_path):
    article = {"id": "fictional-1", "title": "FICTIONAL test article", "published": "2025-02-09T12:00:00Z",
               "text": "FICTIONAL: invented for a test.\n\n“The harbour will reopen soon,” Zorvan Pellik told reporters."
                       "\n\n“We are ready,” Peskov said."}
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps(article) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["speakers", str(path), "--unknown"])
    assert result.exit_code == 0, result.output
    assert "Zorvan Pellik" in result.output and "The harbour will reopen soon" in result.output
    assert "Peskov" not in result.output.split("known camp", 1)[1]


def test_kit_report_model_and_processes_reach_the_notebook_and_the_manifest(tmp_path):
    proc = subprocess.run([*KIT, "report", str(SAMPLE), "--title", "Model", "-o", str(tmp_path / "reports"),
                           "--cache-dir", str(tmp_path / "cache"), "--model", "en_core_web_nope", "--processes", "1"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1 and "python -m spacy download en_core_web_nope" in proc.stderr, proc.stderr
    manifest = json.loads(next((tmp_path / "reports" / "model").glob("*/manifest.json")).read_text())
    assert manifest["parameters"]["spacy_model"] == "en_core_web_nope" and manifest["n_process"] == 1
    assert manifest["spacy_pipeline"].startswith("en_core_web_nope (unavailable")


def kit(*args, env=None, timeout=600):
    import os

    return subprocess.run([*KIT, *map(str, args)], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def test_kit_version():
    from kit import __version__

    proc = kit("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"newsroom-kit {__version__}"


@pytest.mark.parametrize("args", [["load", "{missing}"], ["quotes", "{missing}"], ["speakers", "{missing}", "--unknown"],
                                  ["report", "{missing}", "-o", "{tmp}/reports"], ["quotes", "{empty}"],
                                  ["report", "{glob}", "-o", "{tmp}/reports"], ["diff", "{missing}", "{missing}"],
                                  ["speakers", "{sample}", "--actors", "{missing}.yml"],
                                  ["report", "{sample}", "--params", "{missing}.yml", "-o", "{tmp}/reports"],
                                  ["quotes", "{sample}", "-o", "{tmp}/out.docx"]],
                         ids=lambda a: " ".join(a[:3]))
def test_an_input_mistake_stops_every_command_with_exit_2_and_no_traceback(args, tmp_path):
    (tmp_path / "empty").mkdir()
    values = {"missing": tmp_path / "no" / "such" / "folder", "empty": tmp_path / "empty", "tmp": tmp_path,
              "glob": tmp_path / "*.nothing", "sample": SAMPLE}
    proc = kit(*[a.format(**values) for a in args], timeout=300)
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr + proc.stdout
    assert re.search(r"^(error|Error): ", proc.stderr, re.M), proc.stderr
    assert "parsing" not in proc.stderr, "the mistake is found before any work"
    assert not (tmp_path / "reports").exists() or not any((tmp_path / "reports").rglob("manifest.json")), \
        "a refused run leaves no run folder"


def test_kit_report_names_the_missing_folder_and_leaves_no_run_folder(tmp_path):
    proc = kit("report", "path/to/articles", "-o", tmp_path / "reports", timeout=120)
    assert proc.returncode == 2 and "no such file or folder: path/to/articles" in proc.stderr
    assert not (tmp_path / "reports").exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_help_gives_examples_and_names_values_in_words(command):
    text = kit(command, "--help").stdout
    assert "Examples:" in text and f"kit {command} " in text.split("Examples:")[1]
    assert not re.search(r"<(bool|str|int|path|list\[\w+\])>", text, re.I), text


def test_report_help_lists_the_notebooks_parameters_with_defaults():
    text = kit("report", "--help").stdout
    params = text.split("Notebook parameters")[1]
    for name, default in [("start_date", '[""]'), ("counter_claim_days", "[7]"), ("per_100_texts", "[False]"),
                          ("period", '["week"]')]:
        line = next(line for line in params.splitlines() if line.strip().startswith(name))
        assert default in " ".join(params.split(line, 1)[1].split("\n")[:2]) + line, (name, params)


def test_progress_is_told_as_plain_lines_outside_a_terminal(tmp_path):
    proc = kit("quotes", SAMPLE, "--cache-dir", tmp_path / "cache", "--processes", "1",
               env={"KIT_PROGRESS": "lines"})
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    assert "loaded: 11 articles" in lines and any(re.fullmatch(r"attributed: \d+ statements", x) for x in lines)
    assert any(re.fullmatch(r"parsing: 11/11 articles \(100%\), [\d.]+ articles/s", line) for line in lines), lines
    assert "\r" not in proc.stderr, "no bar redraws in a log"


def test_article_text_never_drives_the_terminal(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    text = ("Pavel Testov said: \"We will \x1b]8;;https://evil.example\x07click here\x1b]8;;\x07 and \x1b[2J clear "
            "the screen\x00 now.\"")
    (folder / "escape.jsonl").write_text(json.dumps({"id": "esc", "title": "Escape test (FICTIONAL)",
                                                     "published": "2031-01-05", "text": text}) + "\n", encoding="utf-8")
    proc = kit("quotes", folder, "--cache-dir", tmp_path / "cache", "--processes", "1")
    assert proc.returncode == 0, proc.stderr
    assert "\x1b" not in proc.stdout + proc.stderr and "\x00" not in proc.stdout
    assert "\\x1b]8;;https://evil.example" in proc.stdout, "the escape is shown as typed"
