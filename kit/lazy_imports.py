"""Third-party packages imported without the parts of them the kit never runs.

A re-run of ``kit report`` after a few new articles pays for every import in two processes (the
command and the notebook's kernel); some packages import, on their own import, code for commands
and services the kit does not use:

    import_spacy()       spaCy without its command-line package (``spacy.cli``: downloads, project
                         templates, HTTP clients and rich consoles; a third of ``import spacy``,
                         0.3 CPU s in a kernel that has pandas already)
    import_papermill()   papermill without its Hadoop file system handler (``pyarrow.fs``, which
                         imports pyarrow and numpy into ``kit report``'s own process for ``hdfs://``
                         paths) and with jsonschema's IRI grammars deferred (``kit.notebook``)

What is left out is still there when asked for: ``spacy.cli`` (and ``spacy.info``) import it on first
use; a papermill imported this way refuses ``hdfs://`` paths (the kit reads and writes local files).
"""
from __future__ import annotations

import importlib
import sys
import types
from contextlib import contextmanager


@contextmanager
def _absent(*names: str):
    """While the block runs, ``import name`` raises ImportError for each of ``names`` not yet imported
    (a package's optional imports then take their fallback); afterwards they import as usual."""
    blocked = [name for name in names if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # the import system's mark for "known not to be importable"
    try:
        yield
    finally:
        for name in blocked:
            if sys.modules.get(name, ...) is None:
                del sys.modules[name]


def import_spacy() -> types.ModuleType:
    """The ``spacy`` module, imported (when it is not yet) without running ``spacy/cli``: its
    ``__init__`` only takes ``info`` from there, which here loads the command-line package on first call."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli, cli_info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")

    def info(*args, **kwargs):
        return importlib.import_module("spacy.cli.info").info(*args, **kwargs)

    cli_info.info = info
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, cli_info
    try:
        import spacy
    finally:
        # From here on ``import spacy.cli`` imports the real package.
        for name, stand_in in (("spacy.cli.info", cli_info), ("spacy.cli", cli)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]

    def the_cli(name: str):
        # ``spacy.cli`` as an attribute, as after a plain ``import spacy``
        if name == "cli":
            return importlib.import_module("spacy.cli")
        raise AttributeError(f"module 'spacy' has no attribute {name!r}")

    if "__getattr__" not in vars(spacy):
        spacy.__getattr__ = the_cli
    return spacy


def import_papermill() -> types.ModuleType:
    """The ``papermill`` module, imported without its Hadoop handler's ``pyarrow.fs`` and with jsonschema's
    IRI grammars deferred."""
    if "papermill" in sys.modules:
        return sys.modules["papermill"]
    from .notebook import defer_iri_grammars

    defer_iri_grammars()
    with _absent("pyarrow.fs"):
        import papermill
    return papermill
