"""The spine end to end: sample folder in, papermill report out."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from conftest import REPO, SAMPLE, SAMPLE_ACTORS
from kit.report import ReportFailed, run_report


def test_sample_data_is_labelled_fictional():
    for path in sorted(SAMPLE.iterdir()):
        head = path.read_text(encoding="utf-8")[:400]
        assert "FICTIONAL SAMPLE" in head, f"{path.name} does not say at its top that it is fictional"


def test_sample_loads_every_file(sample_loaded):
    assert set(sample_loaded.inputs["status"]) == {"loaded"}
    assert len(sample_loaded.articles) >= 8
    assert sample_loaded.articles["published"].notna().all()
    assert sample_loaded.articles["article_id"].is_unique


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory):
    root = tmp_path_factory.mktemp("reports")
    result = run_report([SAMPLE], title="Sample test", output_root=root,
                        parameters={"actors_files": [str(SAMPLE_ACTORS)]})
    return root, result


def test_report_writes_html_tables_and_manifest(sample_report):
    root, result = sample_report
    html = result.html.read_text(encoding="utf-8")
    assert "Sample test" in html and "Messaging over time" in html
    assert "input_paths = " not in html, "code cells must not appear in the HTML"
    table = pd.read_csv(result.run_dir / "tables" / "who_said_what.csv")
    assert len(table) >= 20
    assert {"White House", "Kremlin"} <= set(table["camp"])
    split = table[table["quote"].str.startswith("Nobody should read our patience as weakness,")]
    assert len(split) == 1 and split.iloc[0]["speaker"] == "Dana Whitcombe", \
        '"A," she added, "B." is one statement of the speaker named in the sentence before'
    assert split.iloc[0]["quote"].endswith("The clock is running.")
    manifest = json.loads(result.manifest.read_text())
    assert manifest["status"] == "ok"
    assert len(manifest["inputs"]) == len(list(SAMPLE.iterdir()))
    assert all(len(i["sha256"]) == 64 for i in manifest["inputs"])
    assert manifest["packages"]["spacy"].startswith("3.8")
    assert manifest["stages"]["quotes"]["statements"] == len(table)
    actors = pd.read_csv(result.run_dir / "tables" / "actors.csv")
    assert {"Dana Whitcombe", "Oleg Varnavin"} <= set(actors["actor"]), "the actors table comes with every run"
    assert (result.run_dir / "charts" / "messaging_timeline.png").stat().st_size > 5000
    assert json.loads((root / "sample-test" / "latest.json").read_text())["run"] == result.run_dir.name


def test_second_run_never_overwrites_the_first(sample_report):
    root, first = sample_report
    before = first.html.read_bytes()
    second = run_report([SAMPLE], title="Sample test", output_root=root,
                        parameters={"actors_files": [str(SAMPLE_ACTORS)]})
    assert second.run_dir != first.run_dir
    assert first.html.read_bytes() == before
    a = (first.run_dir / "tables" / "who_said_what.csv").read_bytes()
    b = (second.run_dir / "tables" / "who_said_what.csv").read_bytes()
    assert a == b, "same inputs and parameters must give identical tables"


def test_failing_cell_keeps_notebook_and_names_the_cell(tmp_path):
    with pytest.raises(ReportFailed) as info:
        run_report([SAMPLE], title="Broken", output_root=tmp_path, parameters={"period": "fortnight"})
    run_dir = info.value.run_dir
    assert "cell" in str(info.value) and "KeyError" in str(info.value)
    assert (run_dir / "report.ipynb").exists()
    manifest = json.loads((run_dir / "manifest.json").read_text())
    assert manifest["status"] == "failed" and manifest["failed_cell"]["index"] > 0
    assert not (tmp_path / "broken" / "latest.json").exists()


def test_unknown_and_secret_parameters_are_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown parameter"):
        run_report([SAMPLE], output_root=tmp_path, parameters={"no_such_param": 1})
    with pytest.raises(ValueError, match="secret"):
        run_report([SAMPLE], output_root=tmp_path, parameters={"api_key": "x"})
    assert not any(tmp_path.rglob("report.ipynb"))


def test_cli_help_lists_every_command():
    from typer.testing import CliRunner

    from kit.cli import app

    out = CliRunner().invoke(app, ["--help"]).output
    for command in ("load", "quotes", "report"):
        assert command in out
        sub = CliRunner().invoke(app, [command, "--help"])
        assert sub.exit_code == 0 and len(sub.output) > 100


def test_committed_notebooks_have_no_outputs():
    for nb_path in (REPO / "notebooks").glob("*.ipynb"):
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        dirty = [i for i, c in enumerate(nb["cells"]) if c.get("outputs") or c.get("execution_count")]
        assert not dirty, f"{nb_path.name} cells {dirty} carry outputs"
