"""spaCy and papermill come without the parts the kit never runs, and those parts still work when asked for."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def run(code: str) -> list[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)}).stdout.split()


def test_spacy_comes_without_its_command_line_package_which_still_loads_when_used():
    pytest.importorskip("spacy")
    out = run("import sys\n"
              "from kit.lazy_imports import import_spacy\n"
              "spacy = import_spacy()\n"
              "print('spacy.cli' in sys.modules, 'spacy.cli.download' in sys.modules)\n"
              "nlp = spacy.blank('en')\n"
              "print([t.text for t in nlp('Talks went well.')] == ['Talks', 'went', 'well', '.'])\n"
              "print(callable(spacy.cli.download), 'spacy.cli' in sys.modules)\n"
              "import spacy.cli.info\n"
              "print(callable(spacy.info), callable(spacy.cli.info))\n")
    assert out == ["False", "False", "True", "True", "True", "True", "True"]


def test_papermill_comes_without_pyarrow_which_still_imports_afterwards():
    pytest.importorskip("papermill")
    pytest.importorskip("pyarrow")
    out = run("import sys\n"
              "from kit.lazy_imports import import_papermill\n"
              "papermill = import_papermill()\n"
              "print('pyarrow' in sys.modules, 'pyarrow.fs' in sys.modules, callable(papermill.execute_notebook))\n"
              "import pyarrow.fs\n"
              "print(hasattr(pyarrow.fs, 'LocalFileSystem'))\n")
    assert out == ["False", "False", "True", "True"]
