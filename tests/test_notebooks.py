"""The notebooks: each .ipynb matches its jupytext .py pair, is committed clean, and runs under papermill."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, SAMPLE, SAMPLE_ACTORS

NOTEBOOKS = REPO / "notebooks"
PAIRED = sorted(p for p in NOTEBOOKS.glob("*.py") if "jupytext:" in p.read_text(encoding="utf-8")[:400])


def cells_of(notebook) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(c.cell_type, c.source.strip(), tuple(c.metadata.get("tags", ()))) for c in notebook.cells]


def test_every_notebook_has_a_pair():
    assert {p.stem for p in PAIRED} == {p.stem for p in NOTEBOOKS.glob("*.ipynb")}, \
        "each notebook needs both its .py (the source) and its .ipynb; run `make notebooks`"
    assert {"report", "1-load-articles", "3-messaging"} <= {p.stem for p in PAIRED}


@pytest.mark.parametrize("source", PAIRED, ids=[p.stem for p in PAIRED])
def test_pair_in_sync_and_committed_without_outputs(source: Path):
    import jupytext
    import nbformat

    ipynb = source.with_suffix(".ipynb")
    committed = nbformat.read(ipynb, as_version=4)
    assert cells_of(committed) == cells_of(jupytext.read(source)), \
        f"{ipynb.name} is out of sync with {source.name}: run `jupytext --sync {source}`"
    dirty = [i for i, c in enumerate(committed.cells) if c.get("outputs") or c.get("execution_count")]
    assert not dirty, f"{ipynb.name} cells {dirty} carry outputs: clear them before committing"
    assert committed.metadata["kernelspec"]["name"] == "newsroom-kit"


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    # One extraction cache for every notebook run here: the sample is parsed once.
    return tmp_path_factory.mktemp("kit-cache")


@pytest.mark.parametrize("name", [p.stem for p in PAIRED])
def test_notebook_runs_under_papermill_on_the_sample(name: str, tmp_path: Path, cache_dir: Path):
    import nbformat
    import papermill

    notebook = NOTEBOOKS / f"{name}.ipynb"
    declared = papermill.inspect_notebook(str(notebook))
    tiny = {"input_paths": [str(SAMPLE)], "actors_files": [str(SAMPLE_ACTORS)], "cache_dir": str(cache_dir),
            "output_dir": str(tmp_path), "corrections_file": str(tmp_path / "corrections.csv"),
            "title": f"Notebook test {name}", "key_dates": "2026-02-04 Summit talk"}
    params = {k: v for k, v in tiny.items() if k in declared}
    if declared.get("corrections_file", {}).get("default") in ('""', "''"):
        # The report reads a corrections file only when given one; the browser writes one by default.
        params.pop("corrections_file")
    out = tmp_path / f"{name}.out.ipynb"
    papermill.execute_notebook(str(notebook), str(out), parameters=params, kernel_name="newsroom-kit",
                               cwd=str(tmp_path), progress_bar=False)
    executed = nbformat.read(out, as_version=4)
    errors = [o for c in executed.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    shown = [o for c in executed.cells for o in c.get("outputs", [])]
    assert len(shown) >= 5, f"{name} ran but showed almost nothing"
    if name in ("report", "3-messaging"):
        images = [o for o in shown if "image/png" in o.get("data", {})]
        assert len(images) >= 6, "every chart is shown as an image, not as '<Figure ...>' text"
        charts = {p.name for p in (tmp_path / "charts").glob("*.png")}
        assert {"messaging_timeline.png", "theme_heatmap.png", "claims_and_counterclaims.png"} <= charts
        assert (tmp_path / "tables" / "claims_and_counterclaims.csv").exists()
