"""The spine end to end: sample folder in, papermill report out."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from conftest import SAMPLE, SAMPLE_ACTORS
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
    result = run_report([SAMPLE], title="Sample test", output_root=tmp_path_factory.mktemp("reports"),
                        parameters={"actors_files": [str(SAMPLE_ACTORS)]})
    return result


def test_report_writes_html_tables_and_manifest(sample_report):
    result = sample_report
    html = result.html.read_text(encoding="utf-8")
    assert "Sample test" in html and "Messaging over time" in html
    assert "input_paths = " not in html, "code cells must not appear in the HTML"
    table = pd.read_csv(result.run_dir / "tables" / "who_said_what.csv")
    assert len(table) >= 20
    assert {"White House", "Kremlin"} <= set(table["camp"])
    split = table[table["quote"].str.startswith("Nobody should read our patience as weakness")]
    assert len(split) == 1 and split.iloc[0]["speaker"] == "Dana Whitcombe", \
        '"A," she added, "B." is one statement of the speaker named in the sentence before'
    assert split.iloc[0]["quote"] == "Nobody should read our patience as weakness … The clock is running.", \
        "the reader sees the quoted words, without the 'she added' between them"
    manifest = json.loads(result.manifest.read_text())
    assert len(manifest["inputs"]) == len(list(SAMPLE.iterdir()))
    assert manifest["stages"]["quotes"]["statements"] == len(table)
    actors = pd.read_csv(result.run_dir / "tables" / "actors.csv")
    assert {"Dana Whitcombe", "Oleg Varnavin"} <= set(actors["actor"]), "the actors table comes with every run"
    assert (result.run_dir / "charts" / "messaging_timeline.png").stat().st_size > 5000


def test_failing_cell_keeps_notebook_and_names_the_cell(tmp_path):
    # A bad value (period "fortnight") is refused before the run; a corrections file that breaks
    # in the middle of the run fails a cell.
    broken = tmp_path / "corrections.csv"
    broken.write_text("quote_id,correction,value\nx:1,typo,\n", encoding="utf-8")
    with pytest.raises(ReportFailed) as info:
        run_report([SAMPLE], title="Broken", output_root=tmp_path, parameters={"corrections_file": str(broken)})
    run_dir = info.value.run_dir
    assert "cell" in str(info.value) and "CorrectionsError" in str(info.value)
    assert (run_dir / "report.ipynb").exists()
    manifest = json.loads((run_dir / "manifest.json").read_text())
    assert manifest["status"] == "failed" and manifest["failed_cell"]["index"] > 0
    assert not (tmp_path / "broken" / "latest.json").exists()


