"""Shared fixtures: paths to the repo's sample data and to ../shared (skipped where absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "data" / "sample"
SAMPLE_ACTORS = REPO / "data" / "sample-actors.yml"
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed"


def shared_path(*parts: str) -> Path:
    """A path inside ../shared, or skip the test where it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared/{'/'.join(parts)} is not present on this machine")
    return path


@pytest.fixture(scope="session")
def nlp():
    from kit.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_articles():
    from kit.articles import load_articles

    return load_articles(shared_path("seed", "trump-putin-talks.jsonl")).articles


@pytest.fixture(scope="session")
def sample_loaded():
    from kit.articles import load_articles

    return load_articles(SAMPLE)
