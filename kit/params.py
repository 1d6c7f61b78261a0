"""Report parameters: read from the notebook's tagged cell, typed, and checked for secrets.

:func:`parse_parameters` turns command-line strings (``-p start_date 2025-02-01``) and a YAML file
into values of the type of the notebook's defaults, refusing unknown names, names that look like
secrets and values that look like credentials (parameters are saved in the output notebook).
:func:`check_values` then checks each value the report will use (a period it knows, key dates that
parse, counts that are not negative, files that exist), so a bad one stops the run before it starts.
:class:`StageLog` is how a notebook records counts and seconds per stage for the manifest.
"""
from __future__ import annotations

import ast
import datetime as dt
import re
import time
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from .config import REPORT_NOTEBOOK
from .files import write_json

# How a yes/no parameter may be written on the command line.
YES = {"true", "yes", "y", "1", "on"}
NO = {"false", "no", "n", "0", "off"}
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
# A parameters file is a few lines; anything far bigger is a mistake (or an attack).
MAX_PARAMS_FILE = 1 << 20


def notebook_parameters(notebook: str | Path = REPORT_NOTEBOOK) -> dict[str, Any]:
    """The report notebook's parameters and their defaults, read from its tagged cell.

    The cell is read once per process (again only when the notebook file changes).
    """
    path = Path(notebook).resolve()
    return dict(_parameters_of(str(path), path.stat().st_mtime_ns))


@lru_cache(maxsize=8)
def _parameters_of(notebook: str, mtime_ns: int) -> dict[str, Any]:
    from .lazy_imports import import_papermill

    params = import_papermill().inspect_notebook(notebook)
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


def refuse_secrets(parameters: dict[str, Any]) -> None:
    """Raise ValueError for a name that looks like a secret or a value shaped like a credential."""
    secrets = [k for k in parameters if looks_like_secret_name(k)]
    if secrets:
        raise ValueError(f"parameter {secrets[0]!r} looks like a secret; parameters are saved in the output "
                         "notebook, so pass secrets as environment variables instead")
    leaked = [k for k, v in parameters.items() if looks_like_secret_value(v)]
    if leaked:
        raise ValueError(f"the value of parameter {leaked[0]!r} looks like a credential; parameters are saved "
                         "in the output notebook, so pass secrets as environment variables instead")


def check_parameters(parameters: dict[str, Any], notebook: str | Path = REPORT_NOTEBOOK) -> None:
    """Refuse unknown parameter names, reserved names and anything that looks like a secret."""
    known = notebook_parameters(notebook)
    refuse_secrets(parameters)
    reserved = [k for k in parameters if k in RESERVED_PARAMETERS]
    if reserved:
        raise ValueError(f"parameter {reserved[0]!r} is set by kit report: {RESERVED_PARAMETERS[reserved[0]]}")
    unknown = sorted(set(parameters) - set(known))
    if unknown:
        raise ValueError(f"unknown parameter(s) {', '.join(unknown)}; the report takes: {', '.join(sorted(known))}")


# ---------------------------------------------------------------- values the report will use

def _period(value: Any) -> None:
    from .schemas import PERIODS

    if value not in PERIODS:
        raise ValueError(f"parameter 'period' must be one of {', '.join(PERIODS)}, got {value!r}")


def _key_dates(value: Any) -> None:
    from .charts import parse_key_dates

    try:
        parse_key_dates(value)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"parameter 'key_dates': {exc}") from None


def _not_negative(name: str):
    def check(value: Any) -> None:
        try:
            whole = int(str(value).strip()) if not isinstance(value, (bool, float)) else -1
        except ValueError:
            whole = -1
        if whole < 0:
            raise ValueError(f"parameter {name!r} must be a whole number of 0 or more, got {value!r}")
    return check


def _seconds(name: str):
    def check(value: Any) -> None:
        try:
            seconds = float(str(value).strip()) if not isinstance(value, bool) else -1.0
        except ValueError:
            seconds = -1.0
        if not seconds >= 0:  # also refuses nan
            raise ValueError(f"parameter {name!r} must be a number of seconds, 0 or more, got {value!r}")
    return check


def _yes_no(name: str):
    def check(value: Any) -> None:
        if not isinstance(value, bool) and str(value).strip().lower() not in YES | NO:
            raise ValueError(f"parameter {name!r} must be true or false, got {value!r}")
    return check


def _existing_files(name: str):
    def check(value: Any) -> None:
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if item and not Path(item).is_file():
                raise ValueError(f"parameter {name!r}: {item} is not a file")
    return check


# The report notebook's parameters that are checked before a run (each only when the notebook has it).
VALUE_CHECKS = {
    "period": _period, "key_dates": _key_dates, "counter_claim_days": _not_negative("counter_claim_days"),
    "n_process": _not_negative("n_process"), "excel": _yes_no("excel"),
    "article_seconds": _seconds("article_seconds"),
    "actors_files": _existing_files("actors_files"), "corrections_file": _existing_files("corrections_file"),
}


def check_values(parameters: dict[str, Any], notebook: str | Path = REPORT_NOTEBOOK) -> None:
    """Raise ValueError, naming the parameter, for a value the report could not use: an unknown
    ``period``, ``key_dates`` that do not parse, a negative ``counter_claim_days`` or ``n_process``,
    an ``excel`` that is not yes or no, ``start_date`` after ``end_date``, a missing actors or
    corrections file. Checked before a run starts, so it fails at once (exit 2), not after the slow part."""
    known = notebook_parameters(notebook)
    for name, check in VALUE_CHECKS.items():
        if name in known and name in parameters:
            check(parameters[name])
    for name in ("start_date", "end_date"):
        if parameters.get(name):
            _as_iso_date(name, parameters[name])
    start, end = parameters.get("start_date"), parameters.get("end_date")
    if start and end and str(start)[:10] > str(end)[:10]:
        raise ValueError(f"parameter 'start_date' ({start}) is after 'end_date' ({end}): no article could be selected")


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
            if lowered in YES:
                return True
            if lowered in NO:
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
    """Parameters from a YAML file (a mapping of name to value); errors name the file.

    YAML aliases (``*name``) are refused before anything is built: ten nested aliases in a 500-byte
    file would otherwise expand to hundreds of megabytes (a "billion laughs").
    """
    path = Path(path)
    try:
        if path.stat().st_size > MAX_PARAMS_FILE:
            raise ValueError(f"{path}: a parameters file is larger than {MAX_PARAMS_FILE >> 20} MB; "
                             "it should be a few lines of name: value")
        text = path.read_text(encoding="utf-8")
        if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=yaml.SafeLoader)):
            raise ValueError(f"{path}: YAML aliases (*name) are not accepted in a parameters file; "
                             "write each value out")
        doc = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot read the parameters file: {getattr(exc, 'strerror', None) or exc}") from None
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML: {str(exc).splitlines()[0]}") from None
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise ValueError(f"{path}: a parameters file must be a mapping of name: value, got {type(doc).__name__}")
    return {str(k): v for k, v in doc.items()}


def parse_parameters(pairs: Iterable[tuple[str, Any]] = (), params_file: str | Path | None = None,
                     notebook: str | Path = REPORT_NOTEBOOK, cwd: Path | None = None) -> dict[str, Any]:
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
    typed = {k: coerce_parameter(k, v, known.get(k), base) for k, (v, base) in merged.items()}
    check_values(typed, notebook)
    return typed


def truthy(value) -> bool:
    """A notebook parameter as a yes/no: True, 1, "true", "yes", "on" (command-line values are strings)."""
    if isinstance(value, str):
        return value.strip().lower() in YES
    return bool(value)


class StageLog:
    """Counts and timings per stage, recorded by the notebook and merged into the manifest."""

    def __init__(self, output_dir: str | Path):
        self.path = Path(output_dir) / "stages.json"
        self.stages: dict[str, dict] = {}

    @contextmanager
    def stage(self, name: str):
        """Time the block: ``seconds`` of wall time and ``cpu_seconds`` of this process's processor time
        (on a shared machine the second moves far less with other work; parse workers are not in it)."""
        start, cpu = time.perf_counter(), time.process_time()
        self.progress(name, 0)
        try:
            yield self
        finally:
            self.stages.setdefault(name, {}).update(seconds=round(time.perf_counter() - start, 3),
                                                    cpu_seconds=round(time.process_time() - cpu, 3))
            self.save()

    def progress(self, stage: str, done: int, total: int = 0, unit: str = "") -> None:
        """Tell ``kit report`` how a stage is going (``progress.json`` in the run folder; ``kit.terminal``)."""
        from .terminal import write_progress

        write_progress(self.path.parent, stage, done, total, unit)

    def count(self, stage: str, **counts: int) -> None:
        self.stages.setdefault(stage, {}).update({k: int(v) for k, v in counts.items()})
        self.save()

    def note(self, stage: str, *messages: str) -> None:
        """Plain-words notes on a stage (a damaged cache moved aside, …), listed in the manifest."""
        if messages:
            notes = self.stages.setdefault(stage, {}).setdefault("notes", [])
            notes.extend(m for m in messages if m not in notes)
            self.save()

    def save(self) -> None:
        if self.path.parent.exists():
            write_json(self.path, self.stages)


def parameter_notes(notebook: str | Path = REPORT_NOTEBOOK) -> list[tuple[str, str, str]]:
    """(name, default as written, the comment above it) for each line of the notebook's tagged
    ``parameters`` cell, read straight from the file (no kernel, no papermill): for ``--help``."""
    import json

    try:
        cells = json.loads(Path(notebook).read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError):
        return []
    source = next(("".join(c.get("source", "")) for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])), "")
    notes, comment = [], []
    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            comment.append(stripped.lstrip("# ").strip())
            continue
        name, sep, default = stripped.partition("=")
        name = name.strip()
        if sep and name.isidentifier():
            # The comment that names the parameter ("# period: day, week or month") and what follows it.
            starts = [i for i, c in enumerate(comment) if re.match(rf"{name}\b[\w, ]*:", c)]
            text = " ".join(comment[starts[-1]:]) if starts else ""
            notes.append((name, default.strip(), re.sub(rf"^{name}\b[\w, ]*:\s*", "", text)))
        comment = []
    return notes
