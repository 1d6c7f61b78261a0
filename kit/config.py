"""Where the kit finds the files a reporter edits (lexicons, actors, camps, themes).

Everything a reporter may want to change lives as data in the repository's ``data/``
folder. ``KIT_DATA_DIR`` points the kit at another copy of that folder.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
# The notebook `kit report` runs.
REPORT_NOTEBOOK = REPO_ROOT / "notebooks" / "report.ipynb"
# The quote engine's own work on one article (planning and rules, not spaCy's parse, which the caps on
# paragraphs and runs of marks keep linear) may take this long; then the article is skipped with a
# note: a net for input nobody foresaw, far above what a real article needs. (Here, not in kit.quotes,
# so that the command line can show it without importing the quote engine.)
ARTICLE_SECONDS = 300.0


def data_dir() -> Path:
    """The folder holding lexicons and registries (``KIT_DATA_DIR`` or the repo's ``data/``)."""
    return Path(os.environ.get("KIT_DATA_DIR") or REPO_ROOT / "data")


def data_path(name: str) -> Path:
    """Path of one data file, e.g. ``data_path("speech_verbs.yml")``."""
    return data_dir() / name


# libyaml's parser when PyYAML was built with it: the same documents, read about seven times faster
# (the actor registry takes 0.2 s in pure Python, paid by every run of a report).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def _read_yaml(path: str, mtime: float) -> Any:
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader


def load_yaml(path: str | Path) -> Any:
    """Parsed YAML of a data file; re-read only when the file changes on disk."""
    p = Path(path)
    if not p.is_absolute() and not p.exists():
        p = data_path(str(path))
    return _read_yaml(str(p), p.stat().st_mtime)
