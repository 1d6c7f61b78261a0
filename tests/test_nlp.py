"""kit.nlp: the spaCy pipeline setting: default, environment override, clear error when missing."""
from __future__ import annotations

import pytest

from kit import nlp as kit_nlp


def test_default_pipeline_loads_once(nlp):
    assert "parser" in nlp.pipe_names and "ner" in nlp.pipe_names
    assert kit_nlp.load_pipeline() is nlp


def test_environment_variable_picks_the_pipeline(monkeypatch):
    monkeypatch.setenv("KIT_SPACY_MODEL", "en_core_web_md")
    assert kit_nlp.pipeline_name() == "en_core_web_md"
    assert kit_nlp.pipeline_name("custom_pipe") == "custom_pipe"


def test_missing_pipeline_names_the_install_command():
    with pytest.raises(kit_nlp.PipelineMissing, match=r"Install it with: python -m spacy download en_core_web_nope"):
        kit_nlp.load_pipeline("en_core_web_nope")
